//! The hostile corpus (`tests/hostile/`), natively: the validator, the static page, the CSV
//! export and the command line against feeds written to hurt.
//!
//! - every file in `feeds/raw/` is explained with the rule `expected-raw.json` names, never a
//!   panic;
//! - `feeds/everything.json` (markup payloads in every text field and id) gives a static page
//!   whose tags and attributes are only the widget's own, with every field's text shown
//!   exactly as written, and a CSV that keeps the text and neutralises formulas;
//! - every bad URL in `feeds/urls*.json` is an error and never becomes a link;
//! - big inputs (1 MB strings, 100,000-element lists, 100,000 levels of nesting, far-future
//!   dates, long sub-action chains, many keys) are read, summarised and rendered within a
//!   time budget, on a small stack.
//!
//! The big inputs are made here, at test time; only small files are committed
//! (`node tests/hostile/corpus.mjs` rewrites them from `payloads.json`).
#![cfg(not(target_arch = "wasm32"))]

use action_plan_tracker::cli::{self, Io};
use action_plan_tracker::i18n::Lang;
use action_plan_tracker::summary::Summary;
use action_plan_tracker::validate::{check, check_text, Report, Rule, Severity, MAX_BYTES};
use action_plan_tracker::{csv, markup, page, view};
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::mpsc;
use std::time::{Duration, Instant};

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/hostile")
}

fn read(name: &str) -> Vec<u8> {
    std::fs::read(dir().join(name)).unwrap_or_else(|e| panic!("tests/hostile/{name}: {e}"))
}

fn payloads() -> Value {
    serde_json::from_slice(&read("payloads.json")).expect("payloads.json is JSON")
}

fn rule(r: Rule) -> String {
    serde_json::to_value(r)
        .unwrap()
        .as_str()
        .unwrap()
        .to_string()
}

/// Timed runs take turns: run side by side on a 2-core machine, six of them would each take
/// several times their own time, and a limit meant to catch quadratic work would catch the
/// machine instead.
static TIMED: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// Runs `f` on a thread with `stack` bytes of stack and fails if it takes over `secs`
/// seconds (the thread is left behind; the test process ends when the tests do). WebAssembly
/// in the browser has a 1 MiB stack and a single thread that a slow feed freezes. One timed
/// run at a time ([`TIMED`]).
fn within<T: Send + 'static>(
    secs: u64,
    stack: usize,
    what: &str,
    f: impl FnOnce() -> T + Send + 'static,
) -> T {
    let _turn = TIMED
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let (tx, rx) = mpsc::channel();
    let started = Instant::now();
    std::thread::Builder::new()
        .stack_size(stack)
        .spawn(move || {
            let _ = tx.send(f());
        })
        .unwrap();
    match rx.recv_timeout(Duration::from_secs(secs)) {
        Ok(v) => v,
        Err(mpsc::RecvTimeoutError::Timeout) => {
            panic!("{what}: still running after {secs} s (a reader's browser tab would freeze)")
        }
        Err(mpsc::RecvTimeoutError::Disconnected) => panic!(
            "{what}: panicked or overflowed its stack after {:?}",
            started.elapsed()
        ),
    }
}

const MIB: usize = 1 << 20;

// ---- a small HTML reader, to see the static page as a browser would -------------------

#[derive(Default, Debug)]
struct Html {
    /// Every start tag's name (lower case).
    tags: BTreeSet<String>,
    /// Every attribute name.
    attr_names: BTreeSet<String>,
    /// (tag, attribute, decoded value) of every attribute.
    attrs: Vec<(String, String, String)>,
    /// Each run of text between two tags, decoded.
    texts: Vec<String>,
    /// The raw content of each `<style>` element.
    styles: Vec<String>,
    /// Anything the reader could not make sense of.
    oddities: Vec<String>,
}

fn decode(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let end = rest.find(';').filter(|&e| e < 12);
        let ent = end.map(|e| &rest[1..e]);
        let c = match ent {
            Some("amp") => Some('&'),
            Some("lt") => Some('<'),
            Some("gt") => Some('>'),
            Some("quot") => Some('"'),
            Some("apos") => Some('\''),
            Some(n) if n.starts_with("#x") => u32::from_str_radix(&n[2..], 16)
                .ok()
                .and_then(char::from_u32),
            Some(n) if n.starts_with('#') => n[1..].parse().ok().and_then(char::from_u32),
            _ => None,
        };
        match (c, end) {
            (Some(c), Some(e)) => {
                out.push(c);
                rest = &rest[e + 1..];
            }
            _ => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Reads HTML the way the tokenizer of a browser would for the markup the widget writes:
/// tags, double-quoted attributes, text; `<style>` as raw text.
fn read_html(s: &str) -> Html {
    let mut h = Html::default();
    let b = s.as_bytes();
    let mut i = 0;
    let mut text_start = 0;
    let name_end = |from: usize| {
        let mut j = from;
        while j < b.len() && (b[j].is_ascii_alphanumeric() || b[j] == b'-' || b[j] == b':') {
            j += 1;
        }
        j
    };
    while i < b.len() {
        if b[i] != b'<' {
            i += 1;
            continue;
        }
        h.texts.push(decode(&s[text_start..i]));
        if s[i..].starts_with("<!DOCTYPE") || s[i..].starts_with("<!doctype") {
            i += s[i..].find('>').map_or(b.len() - i, |e| e + 1);
        } else if s[i..].starts_with("<!") || s[i..].starts_with("<?") {
            h.oddities.push(format!(
                "markup declaration at {i}: {}",
                &s[i..(i + 40).min(s.len())]
            ));
            i += 2;
        } else if s[i..].starts_with("</") {
            let j = name_end(i + 2);
            if b.get(j) != Some(&b'>') {
                h.oddities.push(format!(
                    "odd end tag at {i}: {}",
                    &s[i..(i + 40).min(s.len())]
                ));
            }
            i = j + 1;
        } else {
            let j = name_end(i + 1);
            if j == i + 1 {
                h.oddities.push(format!("a bare '<' at {i}"));
                i += 1;
                text_start = i;
                continue;
            }
            let tag = s[i + 1..j].to_ascii_lowercase();
            h.tags.insert(tag.clone());
            i = j;
            loop {
                while i < b.len() && b[i].is_ascii_whitespace() {
                    i += 1;
                }
                match b.get(i) {
                    None => break,
                    Some(b'>') => {
                        i += 1;
                        break;
                    }
                    Some(b'/') if b.get(i + 1) == Some(&b'>') => {
                        i += 2;
                        break;
                    }
                    _ => {}
                }
                let a = i;
                while i < b.len() && !b[i].is_ascii_whitespace() && !b"=/>\"'".contains(&b[i]) {
                    i += 1;
                }
                if a == i {
                    h.oddities
                        .push(format!("odd attribute in <{tag}> at {i}: {}", b[i] as char));
                    i += 1;
                    continue;
                }
                let name = s[a..i].to_ascii_lowercase();
                let mut value = String::new();
                if b.get(i) == Some(&b'=') {
                    if b.get(i + 1) == Some(&b'"') {
                        let end = s[i + 2..].find('"').map_or(b.len(), |e| i + 2 + e);
                        value = decode(&s[i + 2..end]);
                        i = end + 1;
                    } else {
                        h.oddities
                            .push(format!("unquoted value of {name} in <{tag}>"));
                        i += 1;
                    }
                }
                h.attr_names.insert(name.clone());
                h.attrs.push((tag.clone(), name, value));
            }
            if tag == "style" {
                let end = s[i..].find("</style>").map_or(b.len(), |e| i + e);
                h.styles.push(s[i..end].to_string());
                i = end;
            }
        }
        text_start = i.min(b.len());
    }
    h.texts.push(decode(&s[text_start.min(s.len())..]));
    h
}

/// Every string of the form `⟦path⟧ …` in a feed: the field's path and its whole text.
fn tagged(v: &Value, out: &mut Vec<(String, String)>) {
    match v {
        Value::String(s) if s.starts_with('⟦') => {
            let path = s[3..s.find('⟧').unwrap()].to_string();
            out.push((path, s.clone()));
        }
        Value::Array(a) => a.iter().for_each(|x| tagged(x, out)),
        Value::Object(m) => m.values().for_each(|x| tagged(x, out)),
        _ => {}
    }
}

/// Fields the widget does not show anywhere today (so they cannot be checked for being shown
/// literally). Listed so a change is noticed: if one starts being shown, take it out.
const NOT_SHOWN: &[&str] = &["publisher.contact_email", "plan.id"];

const DANGEROUS_TAGS: &[&str] = &[
    "script",
    "img",
    "iframe",
    "object",
    "embed",
    "link",
    "base",
    "form",
    "input",
    "textarea",
    "button",
    "math",
    "foreignobject",
    "animate",
    "set",
    "template",
    "noscript",
    "audio",
    "video",
    "source",
    "frame",
    "frameset",
    "marquee",
    "mglyph",
];

/// The tag and attribute names the static page uses for the example feeds: its vocabulary.
fn vocabulary() -> (BTreeSet<String>, BTreeSet<String>) {
    let mut tags = BTreeSet::new();
    let mut attrs = BTreeSet::new();
    for name in [
        "northbridge",
        "cwm-tawel",
        "southmoor-monitoring",
        "fernley-draft",
    ] {
        let path =
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("www/examples/{name}.json"));
        let Ok(bytes) = std::fs::read(&path) else {
            continue;
        };
        for lang in [Lang::En, Lang::Cy] {
            if let Some(html) = page::render(&check(&bytes), lang) {
                let h = read_html(&html);
                tags.extend(h.tags);
                attrs.extend(h.attr_names);
            }
        }
    }
    (tags, attrs)
}

#[test]
fn raw_files_are_explained_never_a_panic() {
    let expected: Value = serde_json::from_slice(&read("expected-raw.json")).unwrap();
    let mut failures = Vec::new();
    for (name, want) in expected.as_object().unwrap() {
        let bytes = read(&format!("feeds/raw/{name}"));
        let r = check(&bytes);
        let loads = want["loads"].as_bool().unwrap_or(false);
        if r.feed.is_some() != loads {
            failures.push(format!(
                "{name}: feed {} but expected {}: {:?}",
                r.feed.is_some(),
                loads,
                r.problems
            ));
            continue;
        }
        if let Some(rule_name) = want["rule"].as_str() {
            let Some(p) = r
                .problems
                .iter()
                .find(|p| p.severity == Severity::Error && rule(p.rule) == rule_name)
            else {
                failures.push(format!("{name}: no {rule_name} error: {:?}", r.problems));
                continue;
            };
            if let Some(says) = want["says"].as_str() {
                if !p.message.contains(says) {
                    failures.push(format!(
                        "{name}: message does not say {says:?}: {}",
                        p.message
                    ));
                }
            }
            if p.line == 0 || p.column == 0 || p.message.len() < 20 {
                failures.push(format!("{name}: unhelpful problem {p:?}"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn duplicate_keys_the_last_wins_with_a_warning() {
    let r = check(&read("feeds/raw/duplicate-keys.json"));
    let feed = r.feed.as_ref().unwrap();
    assert_eq!(feed.plan.title.show(Lang::En), "Second title wins");
    assert_eq!(feed.actions.len(), 1);
    assert_eq!(feed.actions[0].id, "A", "the last \"actions\" list is used");
    assert!(r
        .problems
        .iter()
        .all(|p| p.severity == Severity::Warning && p.rule == Rule::DuplicateKey));
    let html = page::render(&r, Lang::En).unwrap();
    assert!(
        !html.contains("first title"),
        "the overridden value is not shown"
    );
}

#[test]
fn the_static_page_shows_every_field_literally_and_adds_no_markup() {
    let bytes = read("feeds/everything.json");
    let report = check(&bytes);
    assert!(
        report.problems.is_empty(),
        "everything.json is a valid feed: {:?}",
        report.problems
    );
    let doc: Value = serde_json::from_slice(&bytes).unwrap();
    let mut fields = Vec::new();
    tagged(&doc, &mut fields);
    assert!(fields.len() > 40, "{} tagged fields", fields.len());
    let (known_tags, known_attrs) = vocabulary();
    assert!(known_tags.contains("table"), "the example feeds render");
    let sentinel = payloads()["sentinel"].as_str().unwrap().to_string();
    for lang in [Lang::En, Lang::Cy] {
        let html = page::render(&report, lang).expect("a page");
        let h = read_html(&html);
        let mut failures = h.oddities.clone();
        for t in &h.tags {
            if DANGEROUS_TAGS.contains(&t.as_str()) || !known_tags.contains(t) {
                failures.push(format!("a <{t}> element that the widget never writes"));
            }
        }
        for a in &h.attr_names {
            if a.starts_with("on") || !known_attrs.contains(a) {
                failures.push(format!("an attribute {a} that the widget never writes"));
            }
        }
        for (tag, name, value) in &h.attrs {
            let lower = value.to_ascii_lowercase();
            if name == "href"
                && !(lower.starts_with('#')
                    || lower.starts_with("https://")
                    || lower.starts_with("http://"))
            {
                failures.push(format!("<{tag} href={value:?}>: not a web address"));
            }
            if matches!(name.as_str(), "style" | "class" | "id") && value.contains(&sentinel) {
                failures.push(format!("feed text in <{tag} {name}>: {value}"));
            }
        }
        assert_eq!(h.styles.len(), 1, "one stylesheet, in the head");
        if h.styles[0].contains('⟦') || h.styles[0].contains(&sentinel) || h.styles[0].contains('<')
        {
            failures.push("feed text inside <style>".into());
        }
        let lang_code = if lang == Lang::Cy { "cy" } else { "en" };
        for (path, text) in &fields {
            if NOT_SHOWN.contains(&path.as_str()) {
                continue;
            }
            let other = if lang == Lang::Cy { ".en" } else { ".cy" };
            if path.ends_with(other) {
                continue;
            }
            if !h.texts.iter().any(|t| t.contains(text.as_str())) {
                failures.push(format!(
                    "[{lang_code}] {path}: not shown exactly as written"
                ));
            }
        }
        for id in [
            "1\"><img src=x onerror=window.__pwned='aid'>",
            "2 <script>window.__pwned='aid2'</script>",
        ] {
            if !h.texts.iter().any(|t| t.contains(id)) {
                failures.push(format!(
                    "[{lang_code}] the action id {id:?} is not shown as written"
                ));
            }
        }
        assert!(
            failures.is_empty(),
            "static page, {lang_code}:\n{}",
            failures.join("\n")
        );
    }
}

#[test]
fn every_bad_url_is_an_error_and_never_a_link() {
    let p = payloads();
    let bad: Vec<&str> = p["bad_urls"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    let r = check(&read("feeds/urls.json"));
    let feed = r.feed.as_ref().expect("the feed still shows");
    let mut failures = Vec::new();
    for (i, _) in bad.iter().enumerate() {
        for path in [
            format!("inspections[{}].report_url", i + 1),
            format!("actions[0].evidence[{}].url", i + 1),
            format!("meetings[{}].url", i + 1),
        ] {
            if !r
                .problems
                .iter()
                .any(|p| p.path == path && p.rule == Rule::Url && p.severity == Severity::Error)
            {
                failures.push(format!("{path} ({:?}): no URL error", bad[i]));
            }
        }
    }
    // A bad URL leaves out the URL, not its item (feed 1.1's "as little as possible"): every
    // inspection, meeting and piece of evidence is shown, and only the good one has a link.
    assert_eq!(
        feed.inspections.len(),
        bad.len() + 1,
        "every inspection is kept"
    );
    assert_eq!(
        feed.inspections
            .iter()
            .filter(|i| i.report_url.is_some())
            .count(),
        1,
        "only the good inspection has its report's address"
    );
    assert_eq!(feed.meetings.len(), bad.len() + 1, "every meeting is kept");
    assert_eq!(
        feed.meetings.iter().filter(|m| m.url.is_some()).count(),
        1,
        "only the good meeting has its address"
    );
    assert_eq!(feed.actions.len(), 1, "the action stays");
    assert_eq!(
        feed.actions[0]
            .evidence
            .iter()
            .filter(|e| e.url.is_some())
            .count(),
        1,
        "only the good evidence has its address"
    );
    let html = page::render(&r, Lang::En).unwrap();
    for (tag, name, value) in read_html(&html).attrs {
        if name == "href"
            && !value.starts_with('#')
            && !value.starts_with("https://example.gov.uk/")
        {
            failures.push(format!("<{tag} href={value:?}>"));
        }
    }
    let top = check(&read("feeds/urls-top.json"));
    for path in ["publisher.url", "plan.url"] {
        if !top
            .problems
            .iter()
            .any(|p| p.path == path && p.rule == Rule::Url)
        {
            failures.push(format!("urls-top.json {path}: no URL error"));
        }
    }
    match page::render(&top, Lang::En) {
        Some(html) => {
            for (tag, name, value) in read_html(&html).attrs {
                if name == "href" && !value.starts_with('#') {
                    failures.push(format!("urls-top.json: <{tag} href={value:?}>"));
                }
            }
        }
        None => failures.push(
            "urls-top.json: a bad publisher or plan URL hides the whole plan (feed-v1: errors never hide the rest)".into(),
        ),
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Splits CSV text (RFC 4180, as csv.rs writes it) into rows of cells.
fn parse_csv(s: &str) -> Vec<Vec<String>> {
    let mut rows = vec![];
    let mut row = vec![];
    let mut cell = String::new();
    let mut quoted = false;
    let mut chars = s.trim_start_matches('\u{FEFF}').chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                cell.push('"');
                chars.next();
            }
            (true, '"') => quoted = false,
            (true, c) => cell.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut cell)),
            (false, '\r') if chars.peek() == Some(&'\n') => {
                chars.next();
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => cell.push(c),
        }
    }
    if !cell.is_empty() || !row.is_empty() {
        row.push(cell);
        rows.push(row);
    }
    rows
}

#[test]
fn the_csv_neutralises_formulas_and_keeps_text() {
    let r = check(&read("feeds/formulas.json"));
    let feed = r.feed.as_ref().expect("formulas.json is a feed");
    let p = payloads();
    let formulas: Vec<&str> = p["formulas"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert_eq!(feed.actions.len(), formulas.len(), "{:?}", r.problems);
    let all: Vec<usize> = (0..feed.actions.len()).collect();
    for lang in [Lang::En, Lang::Cy] {
        let text = csv::actions(feed, &all, lang, None);
        let rows = parse_csv(&text);
        assert_eq!(
            rows.len(),
            formulas.len() + 1,
            "a header and one row an action"
        );
        let mut failures = Vec::new();
        for row in &rows[1..] {
            for cell in row {
                if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
                    failures.push(format!("a cell a spreadsheet runs: {cell:?}"));
                }
            }
        }
        // Each formula is kept (after the neutralising apostrophe) in the title column.
        for f in &formulas {
            let shown = if f.starts_with(['=', '+', '-', '@', '\t', '\r']) {
                format!("'{f}")
            } else {
                f.to_string()
            };
            if !rows.iter().any(|r| r.get(1) == Some(&shown)) {
                failures.push(format!("title {f:?} not kept as {shown:?}"));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }
    // Hostile markup is kept in the CSV as written (it is text to a spreadsheet).
    let r = check(&read("feeds/everything.json"));
    let feed = r.feed.as_ref().unwrap();
    let text = csv::actions(feed, &[0, 1, 2], Lang::En, None);
    let rows = parse_csv(&text);
    let doc: Value = serde_json::from_slice(&read("feeds/everything.json")).unwrap();
    assert_eq!(rows[1][1], doc["actions"][0]["title"].as_str().unwrap());
    assert_eq!(rows[1][0], doc["actions"][0]["id"].as_str().unwrap());
}

#[test]
fn the_command_line_never_prints_control_characters_from_a_feed() {
    // A terminal obeys escape sequences: feed text quoted in a message must not carry them;
    // nor bidi controls, which reverse the rest of the line (issue #13).
    let feed = "{\"schema_version\": \"1.0\", \"publisher\": {\"name\": \"N\"}, \"as_of\": \"2026-10-31\", \
        \"plan\": {\"title\": \"P\"}, \"actions\": [{\"id\": \"1\", \"title\": \"t\", \
        \"status\": \"\\u001b]0;pwned\\u0007\\u001b[2J\\r\\u0000\\u202e\\u2067\\u200f\"}]}";
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let mut stdin = feed.as_bytes();
    let args: Vec<String> = ["validate", "-"].iter().map(|s| s.to_string()).collect();
    let status = cli::run(
        &args,
        &mut Io {
            stdin: &mut stdin,
            out: &mut out,
            err: &mut err,
        },
    );
    assert_eq!(status, 1);
    let text = String::from_utf8(out).unwrap();
    let bad: Vec<char> = text
        .chars()
        .filter(|c| {
            (c.is_control() && *c != '\n') || matches!(c, '\u{200F}' | '\u{202E}' | '\u{2067}')
        })
        .collect();
    assert!(
        bad.is_empty(),
        "validate printed control characters {bad:?} from the feed:\n{}",
        text.escape_debug()
    );
}

// ---- size and time -----------------------------------------------------------------------

fn minimal(rest: &str) -> String {
    format!(
        r#"{{"schema_version":"1.0","publisher":{{"name":"N"}},"as_of":"2026-10-31","plan":{{"title":"P"}},{rest}}}"#
    )
}

/// Reads, summarises and renders `text` (both languages) within `secs`, on a 1 MiB stack.
fn survive(what: &str, secs: u64, text: String) -> Report {
    within(secs, MIB, what, move || {
        let r = check(text.as_bytes());
        if let Some(s) = Summary::of_report(&r) {
            let a = &s.actions;
            assert_eq!(
                a.not_started + a.in_progress + a.complete + a.withdrawn,
                a.total
            );
            let _ = page::render(&r, Lang::En).expect("a page");
        }
        r
    })
}

#[test]
fn over_20_mib_is_refused_before_reading() {
    let r = within(20, MIB, "21 MiB", || check(&vec![b' '; MAX_BYTES + 1]));
    assert_eq!(r.problems[0].rule, Rule::TooLarge);
    assert!(r.problems[0].message.contains("20 MiB"));
    let text = format!("\"{}\"", "x".repeat(MAX_BYTES));
    let r = within(20, MIB, "21 MiB text", move || check_text(&text));
    assert_eq!(r.problems[0].rule, Rule::TooLarge);
}

#[test]
fn nesting_far_beyond_the_limit_is_an_error_not_a_stack_overflow() {
    for n in [65, 1_000, 100_000, 1_000_000] {
        let text = format!(
            r#"{{"schema_version":"1.0","x":{}{}}}"#,
            "[".repeat(n),
            "]".repeat(n)
        );
        // A quarter of WebAssembly's stack.
        let r = within(20, 256 * 1024, "deep nesting", move || {
            check(text.as_bytes())
        });
        assert!(r.feed.is_none());
        assert_eq!(
            r.problems[0].rule,
            Rule::TooDeep,
            "{n}: {:?}",
            r.problems[0]
        );
        let objects = format!("{}{}", "{\"a\":".repeat(n), "}".repeat(n));
        let r = within(20, 256 * 1024, "deep objects", move || {
            check(objects.as_bytes())
        });
        assert_eq!(r.problems[0].rule, Rule::TooDeep);
    }
}

#[test]
fn one_megabyte_strings_are_shown_whole() {
    let big: String = "<b>é😀\u{202E}&".repeat(MIB / 12);
    let text = minimal(&format!(
        r#""actions":[{{"id":"1","title":{0},"description":{0},"lead":{0},"status":"in_progress"}}]"#,
        serde_json::to_string(&big).unwrap()
    ));
    let r = survive("1 MB strings", 30, text);
    assert_eq!(r.feed.unwrap().actions[0].title.show(Lang::En), big);
}

#[test]
fn a_hundred_thousand_actions() {
    let mut actions = Vec::with_capacity(100_000);
    for i in 0..100_000 {
        actions.push(format!(
            r#"{{"id":"A{i}","title":"<img src=x onerror=alert({i})>","status":"{}","due":"2026-1{}-0{}"}}"#,
            ["not_started", "in_progress", "complete", "withdrawn"][i % 4],
            i % 3,
            1 + i % 9
        ));
    }
    let text = minimal(&format!(r#""actions":[{}]"#, actions.join(",")));
    let r = within(60, MIB, "100,000 actions", move || {
        let r = check(text.as_bytes());
        let s = Summary::of_report(&r).unwrap();
        (r.errors(), s)
    });
    assert_eq!(r.0, 0);
    assert_eq!(r.1.actions.total, 100_000);
    assert_eq!(r.1.actions.withdrawn, 25_000);
    assert_eq!(r.1.actions.percent_complete, 25_000.0 / 75_000.0 * 100.0);
}

#[test]
fn twenty_thousand_problems_are_reported_without_trouble() {
    let bad: Vec<String> = (0..20_000)
        .map(|i| format!(r#"{{"id":"A{i}","title":"t","status":"nope"}}"#))
        .collect();
    let text = minimal(&format!(r#""actions":[{}]"#, bad.join(",")));
    let r = survive("20,000 bad actions", 60, text);
    assert_eq!(r.errors(), 20_000);
    assert_eq!(r.feed.unwrap().actions.len(), 0);
}

#[test]
fn many_keys_in_one_object_are_read_in_linear_time() {
    // 100,000 unknown keys (about 1 MB): reading them (and finding repeated keys) must not
    // compare every key with every other (it did: Cx::object, kept.iter().position(), about
    // 16 s natively for this feed; now a map). Sized to pass in a debug build.
    let keys: Vec<String> = (0..100_000).map(|i| format!("\"k{i}\":0")).collect();
    let text = minimal(&format!(r#""actions":[],{}"#, keys.join(",")));
    let r = survive("100,000 keys", 20, text);
    // Twenty one by one, then one warning for the rest.
    assert_eq!(r.warnings(), 21);
    let last = r.problems.last().unwrap();
    assert_eq!(last.path, "k20");
    assert_eq!(
        last.message,
        "99980 more unknown keys in this feed are ignored (\"k20\" and those after it)"
    );
}

#[test]
fn an_unknown_key_in_every_action_is_a_few_warnings_not_thousands() {
    // A spreadsheet's extra column exported into each of 10,000 actions: 10,000 identical
    // warnings bury every other problem (and the checker page's list). The first three are
    // reported one by one, then one warning stands for the rest, at the first of them.
    let actions: Vec<String> = (0..10_000)
        .map(|i| {
            format!(r#"{{"id":"{i}","title":"t","status":"in_progress","deu":"x","colour":1}}"#)
        })
        .collect();
    let text = minimal(&format!(r#""actions":[{}]"#, actions.join(",")));
    let r = survive("an unknown key in 10,000 actions", 20, text);
    let warnings: Vec<(&str, &str)> = r
        .problems
        .iter()
        .map(|p| (p.path.as_str(), p.message.as_str()))
        .collect();
    let colour_hint = warnings[1].1.split_once("; ").map_or("", |h| h.1);
    assert!(
        colour_hint.starts_with("an action can have: "),
        "{colour_hint}"
    );
    let mut want = Vec::new();
    for i in 0..3 {
        want.push((
            format!("actions[{i}].deu"),
            "unknown key \"deu\" is ignored; did you mean \"due\"?".to_string(),
        ));
        want.push((
            format!("actions[{i}].colour"),
            format!("unknown key \"colour\" is ignored; {colour_hint}"),
        ));
    }
    want.push((
        "actions[3].deu".into(),
        "unknown key \"deu\" is ignored here and in 9996 more places like it; did you mean \"due\"?".into(),
    ));
    want.push((
        "actions[3].colour".into(),
        format!(
            "unknown key \"colour\" is ignored here and in 9996 more places like it; {colour_hint}"
        ),
    ));
    let got: Vec<(String, String)> = warnings
        .iter()
        .map(|(p, m)| (p.to_string(), m.to_string()))
        .collect();
    assert_eq!(got, want);
    assert_eq!(
        r.feed.unwrap().actions.len(),
        10_000,
        "the actions are all kept"
    );

    // Four of them: the fourth is reported as itself, not as "0 more places".
    let four: Vec<String> = (0..4)
        .map(|i| format!(r#"{{"id":"{i}","title":"t","status":"in_progress","deu":"x"}}"#))
        .collect();
    let r = survive(
        "an unknown key in 4 actions",
        20,
        minimal(&format!(r#""actions":[{}]"#, four.join(","))),
    );
    let messages: Vec<&str> = r.problems.iter().map(|p| p.message.as_str()).collect();
    assert_eq!(
        messages,
        ["unknown key \"deu\" is ignored; did you mean \"due\"?"; 4]
    );
}

#[test]
fn references_between_many_items_are_followed_in_linear_time() {
    // 20,000 priorities and 20,000 actions, each action in a priority and the sub-action of
    // the one before; one action answering every finding and indicator; 20,000 inspections
    // with a finding each. The summary, the views and the CSV followed each reference by
    // scanning its list: quadratic (the summary alone took 4.5 s natively at 60,000, on every
    // load; the findings view scanned every action for every finding, and every finding for
    // every inspection). Now Feed::priority() and the others look ids up in maps
    // made when the feed is read. Only the parts that followed references are run here, so
    // that the test fits a debug build; the whole page is rendered by the tests above.
    let n = 20_000;
    let list = |f: &dyn Fn(usize) -> String| (0..n).map(f).collect::<Vec<_>>().join(",");
    let priorities = list(&|i| format!(r#"{{"id":"P{i}","title":"t","findings":["F{i}"]}}"#));
    let inspections = list(&|i| {
        format!(
            r#"{{"id":"S{i}","inspectorate":"ofsted","type":"ilacs_standard","start":"2025-01-01"}}"#
        )
    });
    let findings = list(&|i| {
        format!(r#"{{"id":"F{i}","inspection":"S{i}","kind":"area_for_improvement","text":"t"}}"#)
    });
    let indicators = list(&|i| {
        format!(r#"{{"id":"I{i}","name":"n","unit":"count","polarity":"higher_is_better"}}"#)
    });
    let refs = |p: &str| list(&|i| format!(r#""{p}{i}""#));
    let actions = list(&|i| match i {
        0 => format!(
            r#"{{"id":"0","title":"t","status":"in_progress","priority":"P{}","findings":[{}],"indicators":[{}]}}"#,
            n - 1,
            refs("F"),
            refs("I")
        ),
        _ => format!(
            r#"{{"id":"{i}","title":"t","status":"in_progress","priority":"P{}","parent":"{}"}}"#,
            n - 1 - i,
            i - 1
        ),
    });
    let text = minimal(&format!(
        r#""inspections":[{inspections}],"findings":[{findings}],"priorities":[{priorities}],"indicators":[{indicators}],"actions":[{actions}]"#
    ));
    let (total, answered, details, findings_view, csv_rows) =
        within(20, MIB, "references between 20,000 items", move || {
            let r = check(text.as_bytes());
            assert_eq!(r.problems.len(), 0, "{:?}", r.problems.first());
            let s = Summary::of_report(&r).unwrap();
            let feed = r.feed.as_ref().unwrap();
            let cx = view::Ctx {
                feed,
                summary: &s,
                problems: &r.problems,
                lang: Lang::En,
                today: None,
                print: true,
                ns: "apt",
            };
            let overview = markup::Node::from(view::overview(&cx)).to_html();
            assert!(overview.contains("apt-headline"), "the overview is drawn");
            let details = markup::Node::from(view::action_details(&cx, &feed.actions[0])).to_html();
            let findings = markup::Node::from(view::findings(&cx)).to_html();
            let all: Vec<usize> = (0..feed.actions.len()).collect();
            let csv = csv::actions(feed, &all, Lang::En, None);
            (
                s.actions.total,
                s.findings.with_actions,
                details,
                findings.matches("apt-finding\"").count(),
                csv.lines().count(),
            )
        });
    assert_eq!(total, n);
    assert_eq!(
        answered, n,
        "every finding is answered through its priority"
    );
    assert!(
        details.matches("<li").count() >= n + 20,
        "action 0 lists every indicator and its first 20 findings"
    );
    assert!(
        details.contains(&format!(
            "and {} more",
            action_plan_tracker::i18n::number((n - 20) as f64, 0)
        )),
        "and counts the rest, with thousands separators"
    );
    assert_eq!(findings_view, n, "the findings view lists every finding");
    assert_eq!(
        csv_rows,
        n + 1,
        "a CSV row for every action, and the headings"
    );
}

#[test]
fn a_priority_naming_many_findings_with_many_actions_stays_small() {
    // One priority naming 3,000 findings, with 3,000 actions in it: a 360 KB feed, but every
    // action answers every finding, 9 million pairs. The filter index kept each action's own
    // copy of the priority's findings, the findings view listed every answering action under
    // every finding and each action's details every finding: this machine ran out of memory
    // (24 GB). Now the pairs are counted, not made; each list shows its first 20 and "and N
    // more", the finding's link opening the actions filtered by it.
    let n = 3_000;
    let list = |f: &dyn Fn(usize) -> String| (0..n).map(f).collect::<Vec<_>>().join(",");
    let findings = list(&|i| {
        format!(
            r#"{{"id":"F{i}","kind":"area_for_improvement","area":"impact_of_leaders","text":"t"}}"#
        )
    });
    let named = list(&|i| format!(r#""F{i}""#));
    let actions = list(&|i| {
        let status = if i % 3 == 0 {
            r#""complete","completed":"2026-01-01""#
        } else {
            r#""in_progress""#
        };
        format!(r#"{{"id":"{i}","title":"t","status":{status},"priority":"P"}}"#)
    });
    let text = minimal(&format!(
        r#""findings":[{findings}],"priorities":[{{"id":"P","title":"t","findings":[{named}]}}],"actions":[{actions}]"#
    ));
    let (with_actions, count, page_len, progress) =
        within(20, MIB, "a priority naming 3,000 findings", move || {
            let r = check(text.as_bytes());
            assert_eq!(r.problems.len(), 0, "{:?}", r.problems.first());
            let s = Summary::of_report(&r).unwrap();
            let feed = r.feed.as_ref().unwrap();
            let index = action_plan_tracker::filter::Index::new(feed);
            let html = page::render(&r, Lang::En).unwrap();
            let progress = html.contains("Actions complete: 1,000 of 3,000")
                && html.contains("and 2,980 more");
            (
                s.findings.with_actions,
                index.count(action_plan_tracker::filter::FilterKind::Finding, "F7"),
                html.len(),
                progress,
            )
        });
    assert_eq!(with_actions, n, "every finding is answered");
    assert_eq!(
        count, n,
        "the finding filter counts every action of the priority"
    );
    assert!(
        progress,
        "each finding's progress counts all 3,000 actions and lists 20"
    );
    assert!(
        page_len < 100 * MIB,
        "the page stays small: {page_len} bytes"
    );
}

#[test]
fn a_long_chain_of_sub_actions_is_checked_in_linear_time() {
    // 5,000 sub-actions, each the parent of the next (a 300 KB feed). validate.rs
    // check_cycles walks every chain from every action, with chain.contains(): cubic.
    let n = 5_000;
    let chain: Vec<String> = (0..n)
        .map(|i| match i {
            0 => r#"{"id":"0","title":"t","status":"in_progress"}"#.to_string(),
            _ => format!(
                r#"{{"id":"{i}","title":"t","status":"in_progress","parent":"{}"}}"#,
                i - 1
            ),
        })
        .collect();
    let text = minimal(&format!(r#""actions":[{}]"#, chain.join(",")));
    let r = survive("a 5,000-long chain of sub-actions", 20, text);
    assert!(r.problems.is_empty());
}

#[test]
fn a_long_cycle_of_sub_actions_is_reported_in_linear_time_and_space() {
    // The same, closed into a circle: every action is reported, each message naming the
    // whole circle (n messages of n ids: quadratic memory) unless it is shortened.
    let n = 5_000;
    let chain: Vec<String> = (0..n)
        .map(|i| {
            format!(
                r#"{{"id":"{i}","title":"t","status":"in_progress","parent":"{}"}}"#,
                (i + n - 1) % n
            )
        })
        .collect();
    let text = minimal(&format!(r#""actions":[{}]"#, chain.join(",")));
    let r = survive("a 5,000-long cycle of sub-actions", 20, text);
    assert_eq!(
        r.problems.iter().filter(|p| p.rule == Rule::Cycle).count(),
        n
    );
    let longest = r.problems.iter().map(|p| p.message.len()).max().unwrap();
    assert!(
        longest < 2_000,
        "a cycle message of {longest} bytes: name the first few actions, then how many more"
    );
}

#[test]
fn an_indicator_with_many_figures_renders_in_linear_time() {
    // 50,000 monthly figures with a comparator. chart.rs scored every point of a line as a
    // label position against every segment of every line (place_labels), looked for segments
    // at each figure's marker, and looked up each period's figure in the table, all by
    // scanning: quadratic, minutes for this feed. Now only the last LABEL_CANDIDATES points
    // are label candidates, and markers and table cells are found through maps.
    let values: Vec<String> = (0..50_000)
        .map(|i| {
            format!(
                r#"{{"period":"{}-{:02}","value":{i}}}"#,
                1000 + i / 12,
                1 + i % 12
            )
        })
        .collect();
    let text = minimal(&format!(
        r#""actions":[],"indicators":[{{"id":"I","name":"n","unit":"count","polarity":"higher_is_better","target":{{"value":5}},"values":[{0}],"comparators":[{{"name":"England","values":[{0}]}}]}}]"#,
        values.join(",")
    ));
    survive("an indicator with 50,000 figures", 20, text);
}

#[test]
fn many_comparators_are_drawn_in_linear_time() {
    // One indicator compared with 20,000 others, and 5,000 indicators each compared with
    // England. Every comparator's line got a direct label, each placed against every other
    // (chart.rs place_labels), and each chart listed the feed's comparator names by scanning:
    // 16 s natively for the first alone. Now only the first few comparators are labelled on
    // the line (the key names every one) and the names are numbered once per feed.
    let many: Vec<String> = (0..20_000)
        .map(|i| format!(r#"{{"name":"Area {i}","values":[{{"period":"2025-Q1","value":{i}}}]}}"#))
        .collect();
    let each: Vec<String> = (0..5_000)
        .map(|i| {
            format!(
                r#"{{"id":"I{i}","name":"n","unit":"count","polarity":"higher_is_better","values":[{{"period":"2025-Q1","value":1}}],"comparators":[{{"name":"England","values":[{{"period":"2025-Q1","value":2}}]}}]}}"#
            )
        })
        .collect();
    let text = minimal(&format!(
        r#""actions":[],"indicators":[{{"id":"X","name":"n","unit":"count","polarity":"higher_is_better","values":[{{"period":"2025-Q1","value":1}},{{"period":"2025-Q2","value":2}}],"comparators":[{}]}},{}]"#,
        many.join(","),
        each.join(",")
    ));
    let r = survive("20,000 comparators", 20, text);
    assert_eq!(r.problems.len(), 0, "{:?}", r.problems.first());
    assert_eq!(r.feed.unwrap().indicators[0].comparators.len(), 20_000);
}

#[test]
fn a_due_date_far_in_the_future_does_not_freeze_the_overview() {
    // One action due in 9999 (a typing slip for 2029 does it too): the burn-up chart has a
    // point for every month from 2026 to 9999, and chart.rs place_labels scores every label
    // position against every segment: quadratic in months, minutes for this 200-byte feed.
    let text = minimal(
        r#""actions":[{"id":"1","title":"t","status":"in_progress","due":"9999-12-31"},{"id":"2","title":"t","status":"complete","completed":"0001-01-01"}]"#,
    );
    survive("a due date in 9999", 20, text);
}

#[test]
fn a_huge_figure_does_not_panic_the_chart() {
    // Found by tests/properties.rs: a target of 1e15 (or any figure whose label is wider than
    // the chart) makes chart.rs place_labels call px.clamp(f.left + w, W) with min > max,
    // which panics: the CLI's render aborts and, in the browser, every tracker on the page
    // shows "Something went wrong".
    for (target, value) in [("1e15", "2"), ("5", "800000000201"), ("1e300", "-1e300")] {
        let text = minimal(&format!(
            r#""actions":[],"indicators":[{{"id":"I","name":"Social workers","unit":"count","polarity":"higher_is_better","target":{{"value":{target}}},"values":[{{"period":"2025-Q1","value":1}},{{"period":"2025-Q2","value":{value}}}]}}]"#
        ));
        survive("a huge figure", 20, text);
    }
}

#[test]
fn many_problems_in_a_minified_feed_are_placed_in_linear_time() {
    // A feed written by a program is often one long line. validate.rs places each problem
    // with LineIndex::line_col, which counts the characters from the start of the line: for
    // a one-line feed that is O(offset) per problem, so 100,000 warnings in a 7 MB line
    // count about 3 * 10^11 characters (25,000 warnings in a 12 MB line took 12 s natively).
    let actions: Vec<String> = (0..100_000)
        .map(|i| format!(r#"{{"id":"A{i}","title":"t","status":"in_progress","x{i}":1}}"#))
        .collect();
    // Each key its own (the same unknown key repeated is capped at a few warnings).
    let text = minimal(&format!(r#""actions":[{}]"#, actions.join(",")));
    assert!(!text.contains('\n'));
    let r = within(20, MIB, "100,000 warnings on one line", move || {
        check(text.as_bytes())
    });
    assert_eq!(r.warnings(), 100_000);
    assert_eq!(r.problems.last().unwrap().line, 1);
}

#[test]
fn numbers_at_the_edges() {
    // -0, 1e-300 and the largest double are valid; "50", "50%", 100.0000001, -1 and 1e400
    // are errors that leave out the figure (an optional field: its item is kept, feed 1.1),
    // with a message that says what to write instead.
    let bytes = read("feeds/numbers.json");
    let r = check(&bytes);
    let feed = r.feed.as_ref().expect("the feed shows");
    let with_progress: Vec<&str> = feed
        .actions
        .iter()
        .filter(|a| a.progress.is_some())
        .map(|a| a.id.as_str())
        .collect();
    assert_eq!(feed.actions.len(), 7, "every action is kept");
    assert_eq!(with_progress, ["minus-zero", "tiny"]);
    let inds: Vec<&str> = feed.indicators.iter().map(|i| i.id.as_str()).collect();
    // A bad figure leaves out the figure, and a bad target the target, not the indicator.
    assert_eq!(inds, ["huge", "text-value", "infinite-target"]);
    assert!(
        feed.indicators[2].target.is_none(),
        "the bad target is left out"
    );
    for (path, says) in [
        ("actions[2].progress", "without quotes"),
        ("actions[3].progress", "without quotes"),
        ("actions[4].progress", "outside 0 to 100"),
        ("actions[5].progress", "outside 0 to 100"),
        ("actions[6].progress", "too large"),
        ("indicators[1].values[0].value", "without quotes"),
        ("indicators[2].target.value", "too large"),
    ] {
        assert!(
            r.problems.iter().any(|p| p.path == path
                && p.severity == Severity::Error
                && p.message.contains(says)),
            "{path}: no error saying {says:?}: {:?}",
            r.problems
        );
    }
    // The largest double as a target and a value: the indicators view and its chart must
    // still be made (today: the clamp panic of a_huge_figure_does_not_panic_the_chart).
    let text = String::from_utf8(bytes).unwrap();
    let r = survive("numbers.json", 20, text);
    let html = page::render(&r, Lang::En).unwrap();
    assert!(!html.contains("-0%"), "minus zero is shown as 0%");
}

// ---- links: the URL fragment is the reader's, and anyone can write one --------------------

/// A small feed, and what a tracker named `t` shows (the widget, as HTML) for link `hash`;
/// the flag says the URL must be rewritten.
fn follow_link(hash: &str) -> (action_plan_tracker::filter::State, bool, Html) {
    use action_plan_tracker::filter::{Index, State, View};
    let text = minimal(
        r#""findings":[{"id":"F1","kind":"area_for_improvement","area":"care_leavers","text":"Plans are weak"}],
        "priorities":[{"id":"P1","title":"Improve audits","findings":["F1"]}],
        "actions":[{"id":"1.1","title":"Audit plans","status":"in_progress","priority":"P1","lead":"Head of Service","due":"2026-11-05"}]"#,
    );
    let r = check(text.as_bytes());
    let feed = r.feed.as_ref().unwrap();
    let summary = Summary::of_report(&r).unwrap();
    let index = Index::new(feed);
    let (state, rewrite) = State::from_link(hash, "t", View::Overview, feed, &index);
    let cx = view::Ctx {
        feed,
        summary: &summary,
        problems: &r.problems,
        lang: Lang::En,
        today: None,
        print: false,
        ns: "t",
    };
    let html = markup::Node::from(view::widget(&cx, &state, &index)).to_html();
    (state, rewrite, read_html(&html))
}

#[test]
fn a_crafted_link_cannot_put_words_on_the_councils_page() {
    // Issue #13: `#t.view=actions&t.priority=Data%20breach…` showed a chip "Priority: Data
    // breach: call 0900 123 456 now" inside the council's page. Every key of the fragment is
    // tried with the same words; none may be shown, and the URL is rewritten without them.
    let words = "Data breach: call 0900 123 456 now";
    let enc = action_plan_tracker::filter::encode(words);
    for key in [
        "priority", "lead", "finding", "open", "area", "status", "rag", "due", "sort", "page",
        "view", "x", "",
    ] {
        let (state, rewrite, html) = follow_link(&format!("#t.view=actions&t.{key}={enc}"));
        let shown: Vec<&String> = html
            .texts
            .iter()
            .chain(html.attrs.iter().map(|(_, _, v)| v))
            .filter(|s| s.contains("0900"))
            .collect();
        assert!(shown.is_empty(), "t.{key}: the page shows {shown:?}");
        assert!(state.filters.is_empty() && state.open.is_empty(), "t.{key}");
        if ["priority", "lead", "finding", "open"].contains(&key) {
            assert!(rewrite, "t.{key}: the URL is rewritten without the value");
        }
    }
    // What the feed has is kept, and the URL left alone.
    let (state, rewrite, html) = follow_link(
        "#t.view=actions&t.priority=P1&t.lead=Head%20of%20Service&t.finding=F1&t.open=1.1",
    );
    assert!(!rewrite);
    assert_eq!(
        (
            state.filters.priority,
            state.filters.lead,
            state.filters.finding,
            state.open
        ),
        (
            vec!["P1".into()],
            vec!["Head of Service".into()],
            vec!["F1".into()],
            vec!["1.1".into()]
        )
    );
    let texts: Vec<&str> = html
        .texts
        .iter()
        .map(String::as_str)
        .filter(|t| !t.is_empty())
        .collect();
    let chip = texts.iter().position(|t| *t == "Priority: ").unwrap();
    assert_eq!(texts[chip + 1], "Improve audits");
    // Known and unknown together: the unknown one goes, the rest stays.
    let (state, rewrite, _) = follow_link(&format!(
        "#t.view=actions&t.priority=P1,{enc},P1&t.lead={enc}"
    ));
    assert!(rewrite);
    assert_eq!(state.filters.priority, ["P1"]);
    assert!(state.filters.lead.is_empty());
}

#[test]
fn a_search_from_a_link_is_quoted_as_the_readers_own() {
    // A search can be anything, so it is shown only in the search box and in a chip that
    // quotes it as the reader's search, never as a label of the council's.
    let words = "Data breach: call 0900 123 456 now";
    let enc = action_plan_tracker::filter::encode(words);
    let (state, rewrite, html) = follow_link(&format!("#t.view=actions&t.q={enc}"));
    assert!(!rewrite);
    assert_eq!(state.filters.search, words);
    let texts: Vec<&str> = html
        .texts
        .iter()
        .map(String::as_str)
        .filter(|t| !t.is_empty())
        .collect();
    let at: Vec<usize> = (0..texts.len())
        .filter(|&i| texts[i].contains("0900"))
        .collect();
    assert_eq!(at.len(), 1, "{texts:?}");
    // In a chip, quoted, in its own bidi isolate: "Your search: “<bdi>…</bdi>”".
    let i = at[0];
    assert_eq!(texts[i], words);
    assert!(
        texts[i - 1].ends_with("Your search: “"),
        "{:?}",
        &texts[i - 1..]
    );
    assert_eq!(texts[i + 1], "”");
    for (tag, name, value) in html.attrs.iter().filter(|(_, _, v)| v.contains("0900")) {
        assert!(
            // The widget's own links keep the state, percent-encoded.
            (name == "href" && value.starts_with('#') && !value.contains(' '))
                || (tag == "input" && name == "value" && value == words)
                || (name == "aria-label"
                    && value == &format!("Remove filter Your search: “{words}”")),
            "{tag} {name}={value}"
        );
    }
}

#[test]
fn a_link_with_a_million_values_is_read_within_limits() {
    // `lead=` + `x,` × 1,000,000 froze the page: a million chips, and every action matched
    // against every value. Now at most 100 values per key and 16 KiB of fragment are read,
    // and a search of at most 200 characters.
    use action_plan_tracker::filter::{MAX_SEARCH, MAX_VALUES};
    let many = "x,".repeat(1_000_000);
    let long = "y".repeat(1_000_000);
    let (n, q, rewrite) = within(5, MIB, "a link with a million values", move || {
        let mut hash = format!("#t.view=actions&t.lead={many}");
        let (state, rewrite, html) = follow_link(&hash);
        assert!(html.texts.len() < 1_000);
        hash = format!("#t.view=actions&t.q={long}");
        let (s2, _, _) = follow_link(&hash);
        (
            state.filters.lead.len(),
            s2.filters.search.chars().count(),
            rewrite,
        )
    });
    assert_eq!(n, 0, "no lead named x");
    assert!(q <= MAX_SEARCH, "a search of {q} characters");
    assert!(rewrite);
    let frag = format!("#t.status={}", "complete,".repeat(500));
    let s = action_plan_tracker::filter::State::from_fragment(
        &frag,
        "t",
        action_plan_tracker::filter::View::Overview,
    );
    assert!(s.filters.status.len() <= MAX_VALUES);
}

// ---- issue #13: small feeds that cost far more than linear work ----------------------------

#[test]
fn a_circle_of_sub_actions_in_a_feed_with_many_keys_is_reported_in_linear_time() {
    // validate.rs found each action of a circle in the JSON by scanning every top-level key
    // (`locate` from the root): 2,000 actions in a circle with 200,000 unknown keys beside
    // them made 400 million comparisons. Now "actions" is found once.
    let n = 2_000;
    let chain: Vec<String> = (0..n)
        .map(|i| {
            format!(
                r#"{{"id":"{i}","title":"t","status":"in_progress","parent":"{}"}}"#,
                (i + n - 1) % n
            )
        })
        .collect();
    let keys: Vec<String> = (0..200_000).map(|i| format!("\"k{i}\":0")).collect();
    let text = minimal(&format!(
        r#""actions":[{}],{}"#,
        chain.join(","),
        keys.join(",")
    ));
    let r = survive("a circle of 2,000 with 200,000 keys", 15, text);
    assert_eq!(
        r.problems.iter().filter(|p| p.rule == Rule::Cycle).count(),
        n
    );
}

#[test]
fn a_finding_named_again_and_again_is_counted_once_in_linear_time() {
    // A priority naming "F1" 300,000 times with 2,000 actions: each opened action (the static
    // page opens them all) went through the priority's whole list of findings, and the
    // findings view counted each action once per time the finding was named.
    let actions: Vec<String> = (0..2_000)
        .map(|i| format!(r#"{{"id":"{i}","title":"t","status":"in_progress","priority":"P"}}"#))
        .collect();
    let named = vec![r#""F1""#; 300_000].join(",");
    let text = minimal(&format!(
        r#""findings":[{{"id":"F1","kind":"area_for_improvement","area":"care_leavers","text":"t"}}],
        "priorities":[{{"id":"P","title":"t","findings":[{named}]}}],"actions":[{}]"#,
        actions.join(",")
    ));
    let r = survive("a finding named 300,000 times", 15, text);
    let repeats: Vec<&String> = r
        .problems
        .iter()
        .filter(|p| p.rule == Rule::Suspicious)
        .map(|p| &p.message)
        .collect();
    assert_eq!(
        repeats,
        [
            "priority \"P\" names finding \"F1\" more than once in \"findings\" (and 299998 more repeats in this list); each finding is counted once"
        ]
    );
    assert_eq!(r.feed.unwrap().priorities[0].findings, ["F1"]);

    // Named twice, with one complete action: "Actions complete: 2 of 2" under the finding.
    let text = minimal(
        r#""findings":[{"id":"F1","kind":"area_for_improvement","area":"care_leavers","text":"t"}],
        "priorities":[{"id":"P","title":"t","findings":["F1","F1"]}],
        "actions":[{"id":"1","title":"t","status":"complete","completed":"2026-01-01","priority":"P","findings":["F1","F1"]}]"#,
    );
    let r = check(text.as_bytes());
    assert_eq!(r.warnings(), 2, "{:?}", r.problems);
    let html = page::render(&r, Lang::En).unwrap();
    assert!(html.contains("Actions complete: 1 of 1"), "counted once");
    assert!(!html.contains("of 2"), "never counted twice");
}

#[test]
fn a_three_million_character_title_is_wrapped_in_linear_time() {
    // chart.rs `wrap` drained a Vec<char> from the front for every line: 21 s in a release
    // build for a 3-million-character priority title. Now each cut is found once and the
    // chart draws at most six lines of it.
    let title = "x".repeat(3_000_000);
    let text = minimal(&format!(
        r#""priorities":[{{"id":"P","title":"{title}"}}],"actions":[{{"id":"1","title":"t","status":"in_progress","priority":"P"}}]"#
    ));
    survive("a 3-million-character title", 20, text);
}

#[test]
fn many_complete_actions_without_sign_off_render_in_linear_time() {
    // Each complete action without a sign-off date scanned every action for one that has one
    // (to say "Awaiting sign-off"): 50,000 took 10 s to print. Now the feed knows once.
    let mut actions: Vec<String> = (0..30_000)
        .map(|i| {
            format!(r#"{{"id":"{i}","title":"t","status":"complete","completed":"2026-01-01"}}"#)
        })
        .collect();
    actions.push(
        r#"{"id":"s","title":"t","status":"complete","completed":"2026-01-01","signed_off":"2026-02-01"}"#
            .into(),
    );
    let text = minimal(&format!(r#""actions":[{}]"#, actions.join(",")));
    let html = within(30, MIB, "30,000 complete actions", move || {
        page::render(&check(text.as_bytes()), Lang::En).unwrap()
    });
    assert_eq!(html.matches("Awaiting sign-off").count(), 30_000);
}

#[test]
fn a_million_repeated_keys_are_a_few_warnings() {
    // Unknown keys were capped; a key written again was not: 1.5 million repeats were 1.5
    // million warnings, all sent with tracker-error. Now 20 per object are reported one by
    // one, then one warning for the rest; and the same repeat in many objects of a kind is
    // reported three times, then once for the rest.
    let keys = vec![r#""title":"t""#; 1_000_000].join(",");
    let text = minimal(&format!(
        r#""actions":[{{"id":"1","status":"in_progress",{keys}}}]"#
    ));
    let r = within(20, MIB, "a million repeated keys", move || {
        check(text.as_bytes())
    });
    let dup: Vec<&String> = r
        .problems
        .iter()
        .filter(|p| p.rule == Rule::DuplicateKey)
        .map(|p| &p.message)
        .collect();
    assert!(dup.len() <= 21, "{} warnings", dup.len());
    assert!(
        dup.iter()
            .any(|m| m.contains("999979 more keys are written again in this action")),
        "{dup:?}"
    );
    let actions: Vec<String> = (0..1_000)
        .map(|i| format!(r#"{{"id":"{i}","title":"t","title":"u","status":"in_progress"}}"#))
        .collect();
    let r = check(minimal(&format!(r#""actions":[{}]"#, actions.join(","))).as_bytes());
    let dup: Vec<&String> = r
        .problems
        .iter()
        .filter(|p| p.rule == Rule::DuplicateKey)
        .map(|p| &p.message)
        .collect();
    assert_eq!(dup.len(), 4, "{dup:?}");
    assert_eq!(
        dup[3],
        "\"title\" is written twice in this action and in 996 more like it after it; only the last one is used"
    );
}

#[test]
fn charts_from_year_1_to_9999_are_drawn_in_linear_time() {
    // chart.rs time_ticks tried each tick step by going through every month between the
    // first and last date: 120,000 months × 20 steps for a chart from 0001 to 9999, and every
    // indicator has a chart. Now the ticks of a step are counted before any is made.
    let each: Vec<String> = (0..2_000)
        .map(|i| {
            format!(
                r#"{{"id":"I{i}","name":"n","unit":"count","polarity":"higher_is_better","values":[{{"period":"0001-01-01","value":1}},{{"period":"9999-12-31","value":2}}]}}"#
            )
        })
        .collect();
    let text = minimal(&format!(
        r#""actions":[],"indicators":[{}]"#,
        each.join(",")
    ));
    let r = survive("2,000 charts over 10,000 years", 20, text);
    assert_eq!(r.problems.len(), 0, "{:?}", r.problems.first());
}

#[test]
fn comparators_with_periods_of_their_own_make_a_table_that_grows_with_the_figures() {
    // An indicator's "all figures" table had a row per period and a column per line: 3,000
    // comparators, each with one figure for a month of its own, made 9 million cells from a
    // 250 KB feed. Such a table is now written a row per figure.
    let many: Vec<String> = (0..3_000)
        .map(|i| {
            format!(
                r#"{{"name":"Area {i}","values":[{{"period":"{}-{:02}","value":{i}}}]}}"#,
                1800 + i / 12,
                1 + i % 12
            )
        })
        .collect();
    let text = minimal(&format!(
        r#""actions":[],"indicators":[{{"id":"X","name":"n","unit":"count","polarity":"higher_is_better","values":[{{"period":"2025-Q1","value":1}}],"comparators":[{}]}}]"#,
        many.join(",")
    ));
    let html = within(20, MIB, "3,000 comparators each with a period", move || {
        page::render(&check(text.as_bytes()), Lang::En).unwrap()
    });
    assert!(html.len() < 20 * MIB, "a page of {} bytes", html.len());
    assert!(html.contains("Council or comparator"));
    assert!(html.contains("Area 2999"));
}

#[test]
fn long_misspelt_words_are_not_measured_against_every_option() {
    // "Did you mean" measured the edit distance from each wrong word (a status, an area, an
    // unknown key) to every allowed one: length × length for each. A hundred statuses of
    // 100,000 characters made over a billion steps. A word far longer than every option is
    // not a slip of the keyboard, and is no longer measured.
    let long = "z".repeat(100_000);
    let actions: Vec<String> = (0..100)
        .map(|i| format!(r#"{{"id":"{i}","title":"t","status":"{long}{i}","{long}{i}":1}}"#))
        .collect();
    let text = minimal(&format!(r#""actions":[{}]"#, actions.join(",")));
    let r = survive("100 statuses of 100,000 characters", 10, text);
    assert_eq!(r.errors(), 100);
    // A slip is still caught.
    let r =
        check(minimal(r#""actions":[{"id":"1","title":"t","status":"in_progres"}]"#).as_bytes());
    assert!(
        r.problems[0]
            .message
            .contains("did you mean \"in_progress\""),
        "{:?}",
        r.problems
    );
}

// ---- text that cannot rearrange the page ---------------------------------------------------

/// Every text node holding a bidi control, with the tag of its element, where that element
/// does not isolate it: not a `<bdi>`, no `dir`, and other content beside it in the same line.
fn bidi_leaks(e: &markup::Element, out: &mut Vec<String>) {
    let isolates = e.tag == "bdi" || e.get("dir").is_some();
    // A chart's labels are each their own <text>; titles and descriptions are not drawn.
    let own_line = e.children.len() == 1
        && matches!(
            e.tag,
            "text"
                | "title"
                | "desc"
                | "td"
                | "th"
                | "caption"
                | "li"
                | "p"
                | "dt"
                | "dd"
                | "h3"
                | "h4"
                | "h5"
                | "option"
        );
    for c in &e.children {
        match c {
            markup::Node::Text(t) => {
                let bidi = t
                    .chars()
                    .any(|c| matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'));
                if bidi && !isolates && !own_line {
                    out.push(format!("<{}> {:?}", e.tag, t));
                }
            }
            markup::Node::El(child) => bidi_leaks(child, out),
        }
    }
}

#[test]
fn feed_text_is_in_its_own_bidi_isolate() {
    // A U+202E (right-to-left override) or U+2067 in a title, lead or id reversed the
    // interface words after it on the same line ("Lead: …", a filter chip, an action's id
    // before its title). Feed text now sits in a <bdi> or an element with dir="auto".
    use action_plan_tracker::filter::{Index, State, View};
    let r = check(&read("feeds/unicode.json"));
    let feed = r.feed.as_ref().unwrap();
    let summary = Summary::of_report(&r).unwrap();
    let index = Index::new(feed);
    for (lang, print) in [(Lang::En, true), (Lang::Cy, true), (Lang::En, false)] {
        let cx = view::Ctx {
            feed,
            summary: &summary,
            problems: &r.problems,
            lang,
            today: None,
            print,
            ns: "t",
        };
        let mut leaks = Vec::new();
        bidi_leaks(&view::document_body(&cx), &mut leaks);
        for v in View::ALL {
            // Every lead and the search chosen, so the chips show them too.
            let mut state = State {
                view: v,
                open: feed.actions.iter().map(|a| a.id.clone()).collect(),
                ..State::default()
            };
            state.filters.lead = index.leads(lang).to_vec();
            state.filters.search = "\u{202E}gnp.exe".into();
            bidi_leaks(&view::widget(&cx, &state, &index), &mut leaks);
        }
        leaks.sort();
        leaks.dedup();
        assert!(
            leaks.is_empty(),
            "{lang:?}: {} leaks:\n{}",
            leaks.len(),
            leaks.join("\n")
        );
    }
}

#[test]
fn distinct_ids_make_distinct_element_ids() {
    // dom_id turned "a%41" and "a_2541" into the same element id (so aria-controls named the
    // wrong action's details).
    let ids = ["a%41", "a_2541", "a:b", "a_3ab", "a b", "a-b", "a_20b"];
    let actions: Vec<String> = ids
        .iter()
        .map(|id| format!(r#"{{"id":"{id}","title":"t","status":"in_progress"}}"#))
        .collect();
    let r = check(minimal(&format!(r#""actions":[{}]"#, actions.join(","))).as_bytes());
    assert_eq!(r.errors(), 0);
    use action_plan_tracker::filter::{Index, State, View};
    let feed = r.feed.as_ref().unwrap();
    let summary = Summary::of_report(&r).unwrap();
    let index = Index::new(feed);
    let cx = view::Ctx {
        feed,
        summary: &summary,
        problems: &r.problems,
        lang: Lang::En,
        today: None,
        print: false,
        ns: "t",
    };
    let state = State {
        view: View::Actions,
        open: ids.iter().map(|s| s.to_string()).collect(),
        ..State::default()
    };
    let html = read_html(&markup::Node::from(view::widget(&cx, &state, &index)).to_html());
    let mut element_ids: Vec<&String> = html
        .attrs
        .iter()
        .filter(|(_, name, _)| name == "id")
        .map(|(_, _, v)| v)
        .collect();
    let n = element_ids.len();
    element_ids.sort();
    element_ids.dedup();
    assert_eq!(element_ids.len(), n, "an element id is used twice");
    assert!(
        element_ids
            .iter()
            .filter(|v| v.starts_with("apt-d-"))
            .count()
            >= ids.len()
    );
}
