//! Every rule of `feed-v1.md`, broken the way a council officer might break it.
//!
//! `tests/feeds/bad/` holds one small feed per mistake and `expected.json` says, for each
//! file, exactly which problems `validate::check` must report (severity, JSON path, line,
//! column, rule and message), whether a feed is still produced, how many actions survive, and
//! whether the published JSON Schema must reject the file. `tests/feeds/good/` and
//! `www/examples/` must be completely clean. Files too big to commit (over 20 MiB, 10,000
//! levels deep) are generated here.
//!
//! Each test checks every file and then reports all the failures together, so one broken
//! rule does not hide the others.

use action_plan_tracker::validate::{
    check, check_text, Problem, Report, Rule, Severity, MAX_BYTES,
};
use serde_json::Value;
use std::collections::BTreeSet;
use std::fs;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn bad_dir() -> PathBuf {
    root().join("tests/feeds/bad")
}

/// The `.json` feeds of a folder (not `expected.json`), sorted; none if the folder is missing.
fn feeds_in(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut out: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file())
        .filter(|p| p.file_name().is_some_and(|n| n != "expected.json"))
        .collect();
    out.sort();
    out
}

fn name(p: &Path) -> String {
    p.file_name().unwrap().to_string_lossy().into_owned()
}

fn expected() -> serde_json::Map<String, Value> {
    let text =
        fs::read_to_string(bad_dir().join("expected.json")).expect("tests/feeds/bad/expected.json");
    let doc: Value = serde_json::from_str(&text).expect("expected.json is JSON");
    doc["files"]
        .as_object()
        .expect("expected.json has \"files\"")
        .clone()
}

/// Runs the validator, turning a panic into a failure message (the CLI contract: never a panic).
fn run(bytes: &[u8]) -> Result<Report, String> {
    catch_unwind(AssertUnwindSafe(|| check(bytes))).map_err(|e| {
        let msg = e
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()))
            .unwrap_or_default();
        format!("validate::check PANICKED: {msg}")
    })
}

fn word<T: serde::Serialize>(t: T) -> String {
    serde_json::to_value(t)
        .unwrap()
        .as_str()
        .unwrap_or_default()
        .to_string()
}

fn show(p: &Problem) -> String {
    format!(
        "{} {} {}:{} [{}] {:?}",
        word(p.severity),
        if p.path.is_empty() { "(file)" } else { &p.path },
        p.line,
        p.column,
        word(p.rule),
        p.message
    )
}

fn show_all(r: &Report) -> String {
    if r.problems.is_empty() {
        return "      (no problems)".into();
    }
    const SHOWN: usize = 12;
    let mut lines: Vec<String> = r
        .problems
        .iter()
        .take(SHOWN)
        .map(|p| format!("      {}", show(p)))
        .collect();
    if r.problems.len() > SHOWN {
        lines.push(format!("      … and {} more", r.problems.len() - SHOWN));
    }
    lines.join("\n")
}

fn matches(p: &Problem, e: &Value) -> bool {
    let s = |k: &str| e[k].as_str().unwrap_or_default().to_string();
    let n = |k: &str| e[k].as_u64().unwrap_or(u64::MAX) as usize;
    word(p.severity) == s("severity")
        && p.path == s("path")
        && p.line == n("line")
        && p.column == n("column")
        && word(p.rule) == s("rule")
        && e["message"].as_str().is_none_or(|m| p.message == m)
        && e["message_contains"]
            .as_str()
            .is_none_or(|m| p.message.contains(m))
}

fn show_expected(e: &Value) -> String {
    let msg = match (e["message"].as_str(), e["message_contains"].as_str()) {
        (Some(m), _) => format!("{m:?}"),
        (None, Some(m)) => format!("…{m:?}…"),
        _ => "(any message)".into(),
    };
    format!(
        "{} {} {}:{} [{}] {msg}",
        e["severity"].as_str().unwrap_or("?"),
        match e["path"].as_str() {
            Some("") | None => "(file)",
            Some(p) => p,
        },
        e["line"],
        e["column"],
        e["rule"].as_str().unwrap_or("?"),
    )
}

/// What is wrong with one bad feed's report, compared with its expectation.
fn compare(report: &Report, exp: &Value) -> Vec<String> {
    let mut why = Vec::new();
    let mut left: Vec<&Problem> = report.problems.iter().collect();
    for e in exp["problems"].as_array().expect("\"problems\" list") {
        match left.iter().position(|p| matches(p, e)) {
            Some(i) => {
                left.remove(i);
            }
            None => why.push(format!("missing   {}", show_expected(e))),
        }
    }
    for p in left.iter().filter(|p| p.severity == Severity::Error) {
        why.push(format!("unexpected {}", show(p)));
    }
    let readable = exp["readable"].as_bool().expect("\"readable\" true/false");
    if report.feed.is_some() != readable {
        why.push(format!(
            "readable: expected {readable}, but check() {} a feed",
            if report.feed.is_some() {
                "produced"
            } else {
                "did not produce"
            }
        ));
    }
    if let Some(n) = exp["actions_kept"].as_u64() {
        match &report.feed {
            Some(f) if f.actions.len() as u64 == n => {}
            Some(f) => why.push(format!(
                "actions_kept: expected {n}, the feed keeps {} ({:?})",
                f.actions.len(),
                f.actions.iter().map(|a| a.id.as_str()).collect::<Vec<_>>()
            )),
            None => why.push(format!("actions_kept: expected {n}, but there is no feed")),
        }
    }
    // "What a problem leaves out is as little as possible": the items each list keeps.
    if let Some(kept) = exp["kept"].as_object() {
        for (list, n) in kept {
            let have = report.feed.as_ref().map(|f| match list.as_str() {
                "inspections" => f.inspections.len(),
                "findings" => f.findings.len(),
                "priorities" => f.priorities.len(),
                "indicators" => f.indicators.len(),
                "meetings" => f.meetings.len(),
                "evidence" => f.actions.iter().map(|a| a.evidence.len()).sum(),
                other => panic!("expected.json: unknown list {other:?} in \"kept\""),
            });
            if have != n.as_u64().map(|n| n as usize) {
                why.push(format!(
                    "kept.{list}: expected {n}, the feed keeps {have:?}"
                ));
            }
        }
    }
    let structural = report
        .problems
        .iter()
        .any(|p| p.severity == Severity::Error && p.rule.structural());
    match exp["schema_invalid"].as_bool() {
        Some(si) if si != structural => why.push(format!(
            "schema_invalid is {si} in expected.json, but the errors' Rule::structural() says {structural}"
        )),
        Some(_) => {}
        None => {
            // Not JSON text at all (only the whole-file rules that come before JSON), or
            // nested too deep for the validator to read: the schema has no say on depth.
            for p in &report.problems {
                if !matches!(p.rule, Rule::Empty | Rule::Encoding | Rule::TooLarge | Rule::TooDeep) {
                    why.push(format!(
                        "schema_invalid is null (not JSON text), but the file gets {}",
                        show(p)
                    ));
                }
            }
        }
    }
    why
}

#[test]
fn every_bad_feed_has_an_expectation_and_every_expectation_a_feed() {
    let exp = expected();
    let files: BTreeSet<String> = feeds_in(&bad_dir()).iter().map(|p| name(p)).collect();
    let expected: BTreeSet<String> = exp.keys().cloned().collect();
    let no_exp: Vec<_> = files.difference(&expected).collect();
    let no_file: Vec<_> = expected.difference(&files).collect();
    assert!(
        no_exp.is_empty() && no_file.is_empty(),
        "files in tests/feeds/bad/ without an entry in expected.json: {no_exp:?}\n\
         entries in expected.json without a file: {no_file:?}"
    );
}

#[test]
fn bad_feeds_give_exactly_the_expected_problems() {
    let exp = expected();
    let mut failures = Vec::new();
    for path in feeds_in(&bad_dir()) {
        let n = name(&path);
        let Some(e) = exp.get(&n) else { continue };
        let bytes = fs::read(&path).unwrap();
        let why = match run(&bytes) {
            Ok(report) => {
                let why = compare(&report, e);
                if why.is_empty() {
                    continue;
                }
                format!(
                    "    {}\n    the validator reported:\n{}",
                    why.join("\n    "),
                    show_all(&report)
                )
            }
            Err(panic) => format!("    {panic}"),
        };
        failures.push(format!("{n}:\n{why}"));
    }
    assert!(
        failures.is_empty(),
        "{} of {} bad feeds are not reported as tests/feeds/bad/expected.json says:\n\n{}",
        failures.len(),
        exp.len(),
        failures.join("\n\n")
    );
}

#[test]
fn every_rule_has_a_bad_feed() {
    // Every variant of validate::Rule; `too_large` is generated below instead of committed.
    const RULES: &[&str] = &[
        "empty",
        "encoding",
        "syntax",
        "too_deep",
        "not_object",
        "required",
        "type",
        "enum",
        "date_form",
        "no_such_date",
        "period_form",
        "no_such_period",
        "url",
        "range",
        "version",
        "duplicate_id",
        "reference",
        "cycle",
        "inconsistent",
        "unknown_key",
        "duplicate_key",
        "suspicious",
    ];
    let used: BTreeSet<String> = expected()
        .values()
        .flat_map(|e| e["problems"].as_array().cloned().unwrap_or_default())
        .filter_map(|p| p["rule"].as_str().map(str::to_string))
        .collect();
    let missing: Vec<_> = RULES.iter().filter(|r| !used.contains(**r)).collect();
    assert!(
        missing.is_empty(),
        "no bad feed breaks the rules {missing:?}"
    );
}

#[test]
fn good_feeds_and_examples_are_clean() {
    let mut files = feeds_in(&root().join("tests/feeds/good"));
    assert!(!files.is_empty(), "tests/feeds/good/ has no feeds");
    // www/examples/ may not exist yet; every feed that is there must be clean.
    files.extend(
        feeds_in(&root().join("www/examples"))
            .into_iter()
            .filter(|p| p.extension().is_some_and(|x| x == "json")),
    );
    let mut failures = Vec::new();
    for path in &files {
        let shown = path
            .strip_prefix(root())
            .unwrap_or(path)
            .display()
            .to_string();
        match run(&fs::read(path).unwrap()) {
            Ok(r) if r.problems.is_empty() && r.feed.is_some() => {}
            Ok(r) => failures.push(format!(
                "{shown}: {} errors, {} warnings{}\n{}",
                r.errors(),
                r.warnings(),
                if r.feed.is_none() {
                    ", and no feed"
                } else {
                    ""
                },
                show_all(&r)
            )),
            Err(panic) => failures.push(format!("{shown}: {panic}")),
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} good feeds are not clean:\n\n{}",
        failures.len(),
        files.len(),
        failures.join("\n\n")
    );
}

#[test]
fn an_invalid_action_leaves_the_valid_ones_in_the_feed() {
    let bytes = fs::read(bad_dir().join("mixed-valid-and-invalid-actions.json")).unwrap();
    let r = check(&bytes);
    let feed = r
        .feed
        .as_ref()
        .expect("a feed with some bad actions is still a feed");
    let ids: Vec<&str> = feed.actions.iter().map(|a| a.id.as_str()).collect();
    // 1.2's status is bad (required: left out); 1.4's due date is bad (optional: the date is
    // left out and the action kept).
    assert_eq!(
        ids,
        ["1.1", "1.3", "1.4", "1.5"],
        "the four actions without a bad required field, in file order"
    );
    assert_eq!(feed.actions[2].due, None);
    assert_eq!(r.errors(), 2, "{}", show_all_problems(&r.problems));
}

fn show_all_problems(ps: &[Problem]) -> String {
    ps.iter().map(show).collect::<Vec<_>>().join("\n")
}

const MINIMAL_HEAD: &str = "{\n  \"schema_version\": \"1.0\",\n  \"publisher\": {\"name\": \"Northbridge Council\"},\n  \"as_of\": \"2026-10-31\",\n  \"plan\": {\"title\": \"Plan\", \"summary\": \"";
const MINIMAL_TAIL: &str = "\"},\n  \"actions\": []\n}\n";

/// A valid feed of exactly `size` bytes (its plan summary padded with text).
fn feed_of_size(size: usize) -> Vec<u8> {
    let pad = size - MINIMAL_HEAD.len() - MINIMAL_TAIL.len();
    let mut v = Vec::with_capacity(size);
    v.extend_from_slice(MINIMAL_HEAD.as_bytes());
    v.extend(std::iter::repeat_n(b'x', pad));
    v.extend_from_slice(MINIMAL_TAIL.as_bytes());
    assert_eq!(v.len(), size);
    v
}

#[test]
fn a_file_over_20_mib_is_refused_with_its_size() {
    assert_eq!(MAX_BYTES, 20 * 1024 * 1024, "feed-v1.md: at most 20 MiB");
    let big = feed_of_size(25 * 1024 * 1024);
    for (how, r) in [
        ("check", check(&big)),
        ("check_text", check_text(std::str::from_utf8(&big).unwrap())),
    ] {
        assert!(r.feed.is_none(), "{how}: a 25 MiB file gives no feed");
        assert_eq!(
            r.problems.len(),
            1,
            "{how}: {}",
            show_all_problems(&r.problems)
        );
        let p = &r.problems[0];
        assert_eq!(
            (p.severity, p.rule, p.path.as_str(), p.line, p.column),
            (Severity::Error, Rule::TooLarge, "", 1, 1),
            "{how}: {}",
            show(p)
        );
        assert!(
            p.message.contains("25.0 MiB") && p.message.contains("at most 20 MiB"),
            "{how}: the message gives the file's size and the limit: {:?}",
            p.message
        );
        assert!(!Rule::TooLarge.structural());
    }
    // One byte over is still too large.
    let r = check(&feed_of_size(MAX_BYTES + 1));
    assert_eq!(r.problems.len(), 1);
    assert_eq!(r.problems[0].rule, Rule::TooLarge);
}

#[test]
fn a_file_of_exactly_20_mib_is_read() {
    let r = check(&feed_of_size(MAX_BYTES));
    assert!(r.problems.is_empty(), "{}", show_all_problems(&r.problems));
    assert!(r.feed.is_some());
}

#[test]
fn ten_thousand_levels_of_nesting_are_refused_without_a_crash() {
    let deep_lists = "[".repeat(10_000);
    let head = "{\"schema_version\": \"1.0\", \"notes\": ";
    let deep_objects = format!("{head}{}", "{\"a\": ".repeat(10_000));
    let closed = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    for (what, text, column) in [
        ("10,000 open lists", deep_lists.as_str(), 65),
        ("10,000 lists, closed", closed.as_str(), 65),
        (
            "10,000 objects under an unknown key",
            deep_objects.as_str(),
            // The outer object is level 1: the 64th object under "notes" is one too many.
            head.len() + 63 * 6 + 1,
        ),
    ] {
        let r = run(text.as_bytes()).unwrap_or_else(|e| panic!("{what}: {e}"));
        assert!(r.feed.is_none(), "{what}");
        assert_eq!(
            r.problems.len(),
            1,
            "{what}: {}",
            show_all_problems(&r.problems)
        );
        let p = &r.problems[0];
        assert_eq!(
            (p.severity, p.rule, p.path.as_str(), p.line, p.column),
            (Severity::Error, Rule::TooDeep, "", 1, column),
            "{what}: {}",
            show(p)
        );
        assert_eq!(
            p.message,
            "lists and objects are nested more than 64 levels deep; a feed needs fewer than ten"
        );
    }
}
