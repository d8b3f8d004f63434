//! Property tests: whatever bytes arrive, reading them never panics and the summary always
//! adds up.
//!
//! - arbitrary bytes, JSON-like token soup, and the Northbridge example mutated byte by byte
//!   (delete, insert, replace, truncate) and value by value (swap two values, change a value's
//!   type, remove, duplicate, replace with hostile text) all go through `validate::check`,
//!   `Summary` and the static page without a panic;
//! - for every feed that comes out, the summary's invariants hold (statuses add up to the
//!   total, percent within 0 to 100, overdue + due soon at most the open actions, findings with
//!   actions at most the findings, indicator categories add up to the total);
//! - for generated feeds the figures are exactly those of `embedding.md`, worked out here;
//! - escaping (`markup::escape`), the CSV cell (`csv::cell`) and the JSON reader (`json::parse`
//!   against serde_json) keep their promises for any text;
//! - `decimal` writes any double as `format!("{x}")` and `format!("{x:.N}")` do.
//!
//! 256 cases each by default (`PROPTEST_CASES=10000 cargo test --test properties` for more);
//! `cargo +nightly fuzz run check` (fuzz/) searches for longer.
#![cfg(not(target_arch = "wasm32"))]

use action_plan_tracker::i18n::Lang;
use action_plan_tracker::json;
use action_plan_tracker::summary::Summary;
use action_plan_tracker::validate::{check, Report, Severity};
use action_plan_tracker::{csv, decimal, markup, page};
use proptest::prelude::*;
use proptest::sample::Index;
use serde_json::{json, Value};

const NORTHBRIDGE: &[u8] = include_bytes!("../www/examples/northbridge.json");

fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        // PROPTEST_CASES in the environment wins, for longer runs.
        cases: std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|c| c.parse().ok())
            .unwrap_or(cases),
        max_shrink_iters: 2_000,
        ..ProptestConfig::default()
    }
}

#[path = "support/invariants.rs"]
mod support;

/// The summary's invariants (`tests/support/invariants.rs`), for any report. Returns the
/// summary when there is a feed.
fn invariants(report: &Report) -> Result<Option<Summary>, TestCaseError> {
    support::invariants(report).map_err(TestCaseError::fail)
}

/// Reads `bytes`, checks the invariants and (when there is a feed) makes the static page
/// and the CSV, which reach every view. Nothing may panic.
fn read_everything(bytes: &[u8], render: bool) -> Result<Report, TestCaseError> {
    let report = check(bytes);
    invariants(&report)?;
    if let (true, Some(feed)) = (render, &report.feed) {
        let html = page::render(&report, Lang::En);
        prop_assert!(html.is_some(), "a feed but no page");
        prop_assert!(!html.unwrap().contains("<script"));
        let all: Vec<usize> = (0..feed.actions.len()).collect();
        let _ = csv::actions(feed, &all, Lang::Cy, None);
    }
    Ok(report)
}

// ---- mutations of a real feed --------------------------------------------------------------

#[derive(Debug, Clone)]
enum ByteEdit {
    Delete(Index, usize),
    Insert(Index, Vec<u8>),
    Replace(Index, u8),
    Truncate(Index),
}

fn byte_edit() -> impl Strategy<Value = ByteEdit> {
    let interesting = prop_oneof![
        any::<u8>(),
        Just(b'"'),
        Just(b'\\'),
        Just(b'{'),
        Just(b'}'),
        Just(b'['),
        Just(b']'),
        Just(b','),
        Just(b':'),
        Just(b'0'),
        Just(b'-'),
        Just(0xC3),
        Just(0xFF),
        Just(0x00),
    ];
    prop_oneof![
        (any::<Index>(), 1..64usize).prop_map(|(i, n)| ByteEdit::Delete(i, n)),
        (
            any::<Index>(),
            prop::collection::vec(interesting.clone(), 1..8)
        )
            .prop_map(|(i, b)| ByteEdit::Insert(i, b)),
        (any::<Index>(), interesting).prop_map(|(i, b)| ByteEdit::Replace(i, b)),
        any::<Index>().prop_map(ByteEdit::Truncate),
    ]
}

fn apply_bytes(mut b: Vec<u8>, edits: &[ByteEdit]) -> Vec<u8> {
    for e in edits {
        let len = b.len();
        match e {
            ByteEdit::Delete(i, n) if len > 0 => {
                let at = i.index(len);
                b.drain(at..(at + n).min(len));
            }
            ByteEdit::Insert(i, bytes) => {
                let at = i.index(len + 1);
                b.splice(at..at, bytes.iter().copied());
            }
            ByteEdit::Replace(i, byte) if len > 0 => b[i.index(len)] = *byte,
            ByteEdit::Truncate(i) => b.truncate(i.index(len + 1)),
            _ => {}
        }
    }
    b
}

#[derive(Debug, Clone)]
enum ValueEdit {
    /// Swap two values anywhere in the feed.
    Swap(Index, Index),
    /// Replace a value with one of another type (or a hostile one).
    Retype(Index, Value),
    /// Remove a member or an item.
    Remove(Index),
    /// Duplicate an item of a list (duplicate ids, repeated references).
    Duplicate(Index),
}

fn odd_value() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        (-1e6f64..1e6).prop_map(|n| json!(n)),
        Just(json!(-0.0)),
        Just(json!(f64::MAX)),
        Just(json!("")),
        Just(json!("2026-02-29")),
        Just(json!("2019/20")),
        Just(json!("2026-Q5")),
        Just(json!("1e400")),
        Just(json!("50")),
        Just(json!("javascript:alert(1)")),
        Just(json!("<img src=x onerror=alert(1)>")),
        Just(json!("=cmd|' /C calc'!A0")),
        Just(json!({"en": "a", "cy": null})),
        Just(json!({"cy": "<b>x</b>"})),
        Just(json!({})),
        Just(json!([])),
        Just(json!([1, "a", null])),
        ".{0,40}".prop_map(Value::String),
    ]
}

fn value_edit() -> impl Strategy<Value = ValueEdit> {
    prop_oneof![
        (any::<Index>(), any::<Index>()).prop_map(|(a, b)| ValueEdit::Swap(a, b)),
        (any::<Index>(), odd_value()).prop_map(|(i, v)| ValueEdit::Retype(i, v)),
        any::<Index>().prop_map(ValueEdit::Remove),
        any::<Index>().prop_map(ValueEdit::Duplicate),
    ]
}

/// JSON pointers of every value below the root.
fn pointers(v: &Value, at: String, out: &mut Vec<String>) {
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                let p = format!("{at}/{}", k.replace('~', "~0").replace('/', "~1"));
                out.push(p.clone());
                pointers(x, p, out);
            }
        }
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                let p = format!("{at}/{i}");
                out.push(p.clone());
                pointers(x, p, out);
            }
        }
        _ => {}
    }
}

fn parent_of(p: &str) -> (&str, &str) {
    p.rsplit_once('/').unwrap_or(("", p))
}

fn apply_values(mut doc: Value, edits: &[ValueEdit]) -> Value {
    for e in edits {
        let mut ps = Vec::new();
        pointers(&doc, String::new(), &mut ps);
        if ps.is_empty() {
            break;
        }
        match e {
            ValueEdit::Swap(a, b) => {
                let (pa, pb) = (&ps[a.index(ps.len())], &ps[b.index(ps.len())]);
                // Not a value with one inside the other.
                if pa.starts_with(&format!("{pb}/")) || pb.starts_with(&format!("{pa}/")) {
                    continue;
                }
                let va = doc.pointer(pa).cloned().unwrap();
                let vb = doc.pointer(pb).cloned().unwrap();
                *doc.pointer_mut(pa).unwrap() = vb;
                *doc.pointer_mut(pb).unwrap() = va;
            }
            ValueEdit::Retype(i, v) => {
                *doc.pointer_mut(&ps[i.index(ps.len())]).unwrap() = v.clone()
            }
            ValueEdit::Remove(i) => {
                let p = &ps[i.index(ps.len())];
                let (parent, last) = parent_of(p);
                match doc.pointer_mut(parent) {
                    Some(Value::Object(m)) => {
                        m.remove(&last.replace("~1", "/").replace("~0", "~"));
                    }
                    Some(Value::Array(a)) => {
                        if let Ok(n) = last.parse::<usize>() {
                            a.remove(n);
                        }
                    }
                    _ => {}
                }
            }
            ValueEdit::Duplicate(i) => {
                let p = &ps[i.index(ps.len())];
                let (parent, last) = parent_of(p);
                if let Some(Value::Array(a)) = doc.pointer_mut(parent) {
                    if let Ok(n) = last.parse::<usize>() {
                        let copy = a[n].clone();
                        a.push(copy);
                    }
                }
            }
        }
    }
    doc
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        read_everything(&bytes, true)?;
    }

    #[test]
    fn json_like_token_soup_never_panics(tokens in prop::collection::vec(prop_oneof![
        Just("{"), Just("}"), Just("["), Just("]"), Just(","), Just(":"), Just("\""), Just("\\"),
        Just("\\u"), Just("d83d"), Just("null"), Just("true"), Just("-0"), Just("1e400"), Just("0.5"),
        Just("\"schema_version\":\"1.0\""), Just("\"as_of\":\"2026-10-31\""),
        Just("\"publisher\":{\"name\":\"N\"}"), Just("\"plan\":{\"title\":\"P\"}"),
        Just("\"actions\":"), Just("\"id\":\"1\""), Just("\"parent\":\"1\""), Just("\"title\":"),
        Just("\"status\":\"complete\""), Just("\"due\":\"2026-11-01\""), Just("\"indicators\":"),
        Just("\"values\":"), Just("\"period\":\"2026-Q1\""), Just("\"value\":"), Just(" "), Just("\n"),
        Just("\u{FEFF}"), Just("é"), Just("\u{0}"),
    ], 0..120)) {
        read_everything(tokens.concat().as_bytes(), true)?;
    }

    #[test]
    fn the_example_mutated_byte_by_byte_never_panics(edits in prop::collection::vec(byte_edit(), 1..6)) {
        let bytes = apply_bytes(NORTHBRIDGE.to_vec(), &edits);
        // Rendering the whole example is the slow part: do it for a quarter of the cases.
        let render = edits.len() % 4 == 1;
        read_everything(&bytes, render)?;
    }
}

proptest! {
    #![proptest_config(config(128))]

    #[test]
    fn the_example_mutated_value_by_value_never_panics(edits in prop::collection::vec(value_edit(), 1..8), pretty in any::<bool>()) {
        let doc: Value = serde_json::from_slice(NORTHBRIDGE).unwrap();
        let doc = apply_values(doc, &edits);
        let text = if pretty { serde_json::to_string_pretty(&doc) } else { serde_json::to_string(&doc) }.unwrap();
        let report = read_everything(text.as_bytes(), true)?;
        // An edit inside a list item never loses the whole feed unless it hit the top level
        // or a required top-level member.
        if report.feed.is_none() {
            prop_assert!(report.problems.iter().any(|p| p.severity == Severity::Error && !p.path.contains('[')),
                "the whole feed lost for an item's error: {:?}", report.problems);
        }
    }
}

// ---- generated feeds: the figures, worked out here ----------------------------------------

const AS_OF_DAYS: i64 = 20_757; // 2026-10-31, days since 1970-01-01

/// `YYYY-MM-DD` of a day number (days since 1970-01-01), proleptic Gregorian.
fn date(days: i64) -> String {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

#[derive(Debug, Clone)]
struct GenAction {
    status: usize,
    due: Option<i64>,
    revised: Option<i64>,
    priority: Option<usize>,
    findings: Vec<usize>,
    progress: Option<f64>,
}

#[derive(Debug, Clone)]
struct GenIndicator {
    polarity: usize,
    target: Option<f64>,
    values: Vec<(usize, Option<f64>)>,
}

#[derive(Debug, Clone)]
struct GenFeed {
    findings: usize,
    priorities: Vec<Vec<usize>>,
    actions: Vec<GenAction>,
    indicators: Vec<GenIndicator>,
}

const STATUSES: [&str; 4] = ["not_started", "in_progress", "complete", "withdrawn"];
const POLARITIES: [&str; 3] = ["higher_is_better", "lower_is_better", "neutral"];

fn gen_feed() -> impl Strategy<Value = GenFeed> {
    (0..6usize, 0..4usize).prop_flat_map(|(nf, np)| {
        let finding_refs = move || prop::collection::vec(0..nf.max(1), 0..3);
        let action = (
            0..4usize,
            prop::option::of(-90i64..90),
            prop::option::of(-90i64..90),
            prop::option::of(0..np.max(1)),
            finding_refs(),
            prop::option::of(0.0f64..=100.0),
        )
            .prop_map(
                move |(status, due, revised, priority, findings, progress)| GenAction {
                    status,
                    due,
                    revised,
                    priority: priority.filter(|_| np > 0),
                    findings: if nf > 0 { findings } else { vec![] },
                    progress,
                },
            );
        let indicator = (
            0..3usize,
            prop::option::of(-50.0f64..150.0),
            // Distinct months, so "latest" is never a tie.
            prop::sample::subsequence((0..24usize).collect::<Vec<_>>(), 0..6)
                .prop_flat_map(|months| {
                    let n = months.len();
                    (
                        Just(months),
                        prop::collection::vec(prop::option::weighted(0.8, -50.0f64..150.0), n),
                    )
                })
                .prop_map(|(m, v)| m.into_iter().zip(v).collect::<Vec<_>>()),
        )
            .prop_map(|(polarity, target, values)| GenIndicator {
                polarity,
                target,
                values,
            });
        (
            Just(nf),
            prop::collection::vec(finding_refs(), np),
            prop::collection::vec(action, 0..25),
            prop::collection::vec(indicator, 0..5),
        )
            .prop_map(move |(findings, priorities, actions, indicators)| GenFeed {
                findings,
                priorities: if nf > 0 { priorities } else { vec![vec![]; np] },
                actions,
                indicators,
            })
    })
}

impl GenFeed {
    fn to_json(&self) -> Value {
        let actions: Vec<Value> = self
            .actions
            .iter()
            .enumerate()
            .map(|(i, a)| {
                let mut o = json!({"id": format!("{}", i + 1), "title": format!("Action <{i}>"), "status": STATUSES[a.status]});
                if let Some(d) = a.due {
                    o["due"] = json!(date(AS_OF_DAYS + d));
                }
                if let Some(d) = a.revised {
                    o["revised_due"] = json!(date(AS_OF_DAYS + d));
                }
                if a.status == 2 {
                    o["completed"] = json!(date(AS_OF_DAYS - 100));
                }
                if let Some(p) = a.priority {
                    o["priority"] = json!(format!("P{p}"));
                }
                if !a.findings.is_empty() {
                    o["findings"] = json!(a.findings.iter().map(|f| format!("F{f}")).collect::<Vec<_>>());
                }
                if let Some(p) = a.progress {
                    o["progress"] = json!(p);
                }
                o
            })
            .collect();
        let indicators: Vec<Value> = self
            .indicators
            .iter()
            .enumerate()
            .map(|(i, ind)| {
                let mut o = json!({"id": format!("I{i}"), "name": "n", "unit": "count", "polarity": POLARITIES[ind.polarity],
                    "values": ind.values.iter().map(|&(m, v)| match v {
                        Some(v) => json!({"period": format!("{}-{:02}", 2024 + m / 12, 1 + m % 12), "value": v}),
                        None => json!({"period": format!("{}-{:02}", 2024 + m / 12, 1 + m % 12), "value": null, "suppressed": true}),
                    }).collect::<Vec<_>>()});
                if let Some(t) = ind.target {
                    o["target"] = json!({"value": t});
                }
                o
            })
            .collect();
        json!({
            "schema_version": "1.0",
            "publisher": {"name": "Generated Council"},
            "as_of": date(AS_OF_DAYS),
            "plan": {"title": "Generated plan"},
            "findings": (0..self.findings).map(|f| json!({"id": format!("F{f}"), "kind": "area_for_improvement", "text": "t"})).collect::<Vec<_>>(),
            "priorities": self.priorities.iter().enumerate().map(|(p, fs)| json!({"id": format!("P{p}"), "title": "p",
                "findings": fs.iter().map(|f| format!("F{f}")).collect::<Vec<_>>()})).collect::<Vec<_>>(),
            "actions": actions,
            "indicators": indicators,
        })
    }
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn the_summary_of_a_generated_feed_is_exactly_embedding_md(g in gen_feed()) {
        let text = serde_json::to_string(&g.to_json()).unwrap();
        let report = check(text.as_bytes());
        prop_assert_eq!(report.errors(), 0, "a generated feed is valid: {:?}", report.problems);
        let s = invariants(&report)?.unwrap();
        let a = &s.actions;
        let count = |st: usize| g.actions.iter().filter(|x| x.status == st).count();
        prop_assert_eq!(a.total, g.actions.len());
        prop_assert_eq!((a.not_started, a.in_progress, a.complete, a.withdrawn), (count(0), count(1), count(2), count(3)));
        let open = |x: &&GenAction| x.status < 2;
        let due = |x: &GenAction| x.revised.or(x.due);
        prop_assert_eq!(a.overdue, g.actions.iter().filter(open).filter(|x| due(x).is_some_and(|d| d < 0)).count(), "overdue");
        prop_assert_eq!(a.due_soon, g.actions.iter().filter(open).filter(|x| due(x).is_some_and(|d| (0..=30).contains(&d))).count(), "due soon");
        let to_do = a.total - a.withdrawn;
        let pct = if to_do == 0 { 0.0 } else { a.complete as f64 / to_do as f64 * 100.0 };
        prop_assert!((a.percent_complete - pct).abs() < 1e-9, "percent {} != {}", a.percent_complete, pct);
        let answered = (0..g.findings).filter(|f| g.actions.iter().any(|x| x.findings.contains(f)
            || x.priority.is_some_and(|p| g.priorities[p].contains(f)))).count();
        prop_assert_eq!(s.findings.with_actions, answered, "findings with actions");
        let mut no_target = 0;
        let (mut met, mut missed) = (0, 0);
        for ind in &g.indicators {
            let latest = ind.values.iter().filter_map(|&(m, v)| Some((m, v?))).max_by_key(|&(m, _)| m).map(|(_, v)| v);
            match (ind.polarity, ind.target, latest) {
                (2, _, _) | (_, None, _) | (_, _, None) => no_target += 1,
                (0, Some(t), Some(v)) => if v >= t { met += 1 } else { missed += 1 },
                (_, Some(t), Some(v)) => if v <= t { met += 1 } else { missed += 1 },
            }
        }
        let i = &s.indicators;
        prop_assert_eq!((i.meeting_target, i.missing_target, i.no_target), (met, missed, no_target), "indicators");
    }
}

// ---- generated histories: the changes since a date, read directly -------------------------

const RAGS: [&str; 4] = ["blue", "green", "amber", "red"];

#[derive(Debug, Clone)]
struct GenUpdate {
    day: i64,
    status: Option<usize>,
    rag: Option<usize>,
    revised: Option<i64>,
}

#[derive(Debug, Clone)]
struct GenHistory {
    status: usize,
    rag: Option<usize>,
    due: Option<i64>,
    revised: Option<i64>,
    start: Option<i64>,
    completed: Option<i64>,
    added: Option<i64>,
    updates: Vec<GenUpdate>,
}

/// An indicator's polarity, target, and (day, figure or suppressed) on distinct days.
type GenFigures = (usize, Option<f64>, Vec<(i64, Option<f64>)>);

#[derive(Debug, Clone)]
struct GenChanges {
    meetings: Vec<i64>,
    since: Option<i64>,
    actions: Vec<GenHistory>,
    indicators: Vec<GenFigures>,
}

fn gen_changes() -> impl Strategy<Value = GenChanges> {
    let day = || -120i64..60;
    let update = (
        -120i64..0,
        prop::option::of(0..4usize),
        prop::option::of(0..4usize),
        prop::option::of(-60i64..120),
    )
        .prop_map(|(day, status, rag, revised)| GenUpdate {
            day,
            status,
            rag,
            revised,
        });
    let action = (
        (
            0..4usize,
            prop::option::of(0..4usize),
            prop::option::of(day()),
            prop::option::of(day()),
        ),
        (
            prop::option::of(-120i64..60),
            prop::option::of(-120i64..0),
            prop::option::of(-120i64..0),
        ),
        prop::collection::vec(update, 0..5),
    )
        .prop_map(
            |((status, rag, due, revised), (start, completed, added), updates)| GenHistory {
                status,
                rag,
                due,
                revised,
                // Before every revised date, so that none is an error.
                start: start.map(|s| s.min(-200)),
                completed: completed.filter(|_| status == 2),
                added,
                updates,
            },
        );
    let indicator = (
        0..3usize,
        prop::option::of(0.0f64..10.0),
        prop::sample::subsequence((-150i64..0).step_by(7).collect::<Vec<_>>(), 0..6).prop_flat_map(
            |days| {
                let n = days.len();
                (
                    Just(days),
                    prop::collection::vec(
                        prop::option::weighted(0.8, (0..10u8).prop_map(f64::from)),
                        n,
                    ),
                )
            },
        ),
    )
        .prop_map(|(p, t, (days, vals))| (p, t, days.into_iter().zip(vals).collect::<Vec<_>>()));
    (
        prop::collection::vec(-120i64..10, 0..4),
        prop::option::of(-120i64..0),
        prop::collection::vec(action, 0..20),
        prop::collection::vec(indicator, 0..5),
    )
        .prop_map(|(meetings, since, actions, indicators)| GenChanges {
            meetings,
            since,
            actions,
            indicators,
        })
}

impl GenChanges {
    fn to_json(&self) -> Value {
        let d = |n: i64| json!(date(AS_OF_DAYS + n));
        let actions: Vec<Value> = self
            .actions
            .iter()
            .enumerate()
            .map(|(i, a)| {
                let mut o =
                    json!({"id": format!("{i}"), "title": "t", "status": STATUSES[a.status]});
                let mut put = |k: &str, v: Option<Value>| {
                    if let Some(v) = v {
                        o[k] = v;
                    }
                };
                put("rag", a.rag.map(|r| json!(RAGS[r])));
                put("due", a.due.map(d));
                put("revised_due", a.revised.map(d));
                put("start", a.start.map(d));
                put("completed", a.completed.map(d));
                put("added", a.added.map(d));
                o["updates"] = a
                    .updates
                    .iter()
                    .map(|u| {
                        let mut v = json!({"date": d(u.day)});
                        if let Some(s) = u.status {
                            v["status"] = json!(STATUSES[s]);
                        }
                        if let Some(r) = u.rag {
                            v["rag"] = json!(RAGS[r]);
                        }
                        if let Some(r) = u.revised {
                            v["revised_due"] = d(r);
                        }
                        v
                    })
                    .collect();
                o
            })
            .collect();
        let indicators: Vec<Value> = self.indicators.iter().enumerate().map(|(i, (p, t, vals))| {
            let mut o = json!({"id": format!("I{i}"), "name": "n", "unit": "count", "polarity": POLARITIES[*p],
                "values": vals.iter().map(|&(day, v)| match v {
                    Some(v) => json!({"period": date(AS_OF_DAYS + day), "value": v}),
                    None => json!({"period": date(AS_OF_DAYS + day), "value": null, "suppressed": true}),
                }).collect::<Vec<_>>()});
            if let Some(t) = t { o["target"] = json!({"value": t}); }
            o
        }).collect();
        json!({
            "schema_version": "1.1", "publisher": {"name": "G"}, "as_of": date(AS_OF_DAYS), "plan": {"title": "P"},
            "meetings": self.meetings.iter().enumerate().map(|(i, &m)| json!({"id": format!("m{i}"), "date": d(m), "body": "Board"})).collect::<Vec<_>>(),
            "actions": actions, "indicators": indicators,
        })
    }
}

/// The latest value of `field` among updates dated on or before `d`; of several on one day the
/// last in the file.
fn given<T: Copy>(ups: &[GenUpdate], d: i64, field: impl Fn(&GenUpdate) -> Option<T>) -> Option<T> {
    let mut best: Option<(i64, T)> = None;
    for u in ups.iter().filter(|u| u.day <= d) {
        if let Some(v) = field(u) {
            if best.is_none_or(|(bd, _)| u.day >= bd) {
                best = Some((u.day, v));
            }
        }
    }
    best.map(|(_, v)| v)
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn the_changes_since_a_date_agree_with_a_direct_reading(g in gen_changes()) {
        let text = serde_json::to_string(&g.to_json()).unwrap();
        let report = check(text.as_bytes());
        prop_assert_eq!(report.errors(), 0, "{:?}", report.problems);
        let feed = report.feed.as_ref().unwrap();
        let s = Summary::of_report(&report).unwrap();
        let default = g.meetings.iter().copied().filter(|&m| m < 0).max();
        prop_assert_eq!(s.changes.as_ref().map(|c| c.since.to_string()), default.map(|m| date(AS_OF_DAYS + m)));
        let Some(d) = g.since.or(default) else { return Ok(()) };
        let s = s.with_since(feed, g.since.map(|n| action_plan_tracker::date::Date::parse(&date(AS_OF_DAYS + n)).unwrap()));
        let c = s.changes.unwrap();
        prop_assert_eq!(c.since.to_string(), date(AS_OF_DAYS + d));
        let meeting = g.meetings.iter().position(|&m| m == d).map(|i| format!("m{i}"));
        prop_assert_eq!(&c.meeting, &meeting);
        let mut want = [0usize; 8];
        for a in &g.actions {
            if a.added.is_some_and(|x| x > d) { want[0] += 1; continue; }
            let status = given(&a.updates, d, |u| u.status).or(if a.completed.is_some_and(|x| x <= d) { Some(2) }
                else if a.start.is_some_and(|x| x > d) { Some(0) } else { None });
            let rag = given(&a.updates, d, |u| u.rag);
            let due_then = given(&a.updates, d, |u| u.revised).or(a.due);
            let due_now = a.revised.or(a.due);
            if a.status == 2 && match a.completed { Some(x) => x > d, None => status.is_some_and(|s| s != 2) } { want[1] += 1; }
            if a.status == 1 && status == Some(0) { want[2] += 1; }
            if a.status == 3 && status.is_some_and(|s| s != 3) { want[3] += 1; }
            if let (Some(was), Some(is)) = (rag, a.rag) {
                if is > was { want[4] += 1; } else if is < was { want[5] += 1; }
            }
            if let (Some(was), Some(is)) = (due_then, due_now) { if is > was { want[6] += 1; } }
            if a.status < 2 && due_now.is_some_and(|x| x < 0) && due_then.is_some_and(|x| x >= d) && status != Some(2) { want[7] += 1; }
        }
        let a = &c.actions;
        prop_assert_eq!([a.new, a.completed, a.started, a.withdrawn, a.rag_worse, a.rag_better, a.slipped, a.newly_overdue], want);
        let mut ind = [0usize; 5];
        for (p, t, vals) in &g.indicators {
            let latest = |upto: i64| vals.iter().filter_map(|&(day, v)| Some((day, v?))).filter(|&(day, _)| day <= upto).max_by_key(|&(day, _)| day).map(|(_, v)| v);
            let (Some(was), Some(is)) = (latest(d), latest(i64::MAX)) else { continue };
            if was != is {
                match p { 2 => ind[2] += 1, 0 if is > was => ind[0] += 1, 1 if is < was => ind[0] += 1, _ => ind[1] += 1 }
            }
            if let (Some(t), true) = (t, *p != 2) {
                let meets = |v: f64| if *p == 0 { v >= *t } else { v <= *t };
                if meets(is) && !meets(was) { ind[3] += 1; }
                if !meets(is) && meets(was) { ind[4] += 1; }
            }
        }
        let i = &c.indicators;
        prop_assert_eq!([i.improved, i.worsened, i.changed, i.now_meeting, i.no_longer_meeting], ind);
    }
}

// ---- escaping, CSV cells and the JSON reader -----------------------------------------------

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn escaped_text_has_no_markup_and_reads_back(s in prop_oneof![
        ".{0,200}",
        prop::collection::vec(prop_oneof![Just("<"), Just(">"), Just("\""), Just("'"), Just("&"), Just("&amp;"),
            Just("<script>"), Just("</"), Just("\u{0}"), Just("\r"), Just("\n"), Just("\t"), Just("é"), Just("\u{202E}")], 0..40)
            .prop_map(|v| v.concat()),
    ]) {
        let mut out = String::new();
        markup::escape(&s, &mut out);
        prop_assert!(!out.contains(['<', '>', '"', '\'']), "{out:?}");
        // Every & starts an entity the escaper wrote.
        for (i, _) in out.match_indices('&') {
            let rest = &out[i..];
            prop_assert!(["&amp;", "&lt;", "&gt;", "&quot;", "&#39;"].iter().any(|e| rest.starts_with(e)), "{out:?}");
        }
        let shown: String = s.chars().map(|c| if c.is_control() && c != '\n' && c != '\t' { '\u{FFFD}' } else { c }).collect();
        prop_assert_eq!(unescape(&out), shown);
        // In a whole element, as the static page writes it.
        let html = markup::Node::from(markup::el("p").attr("title", s.clone()).text(s.clone())).to_html();
        prop_assert_eq!(html.matches('<').count(), 2, "{}", html);
        prop_assert_eq!(html.matches('"').count(), 2, "{}", html);
    }

    #[test]
    fn a_csv_cell_is_quoted_and_never_a_formula(s in ".{0,60}") {
        let mut out = String::new();
        csv::cell(&s, &mut out);
        prop_assert!(out.starts_with('"') && out.ends_with('"') && out.len() >= 2);
        let inner = &out[1..out.len() - 1];
        prop_assert!(!inner.replace("\"\"", "").contains('"'), "an unescaped quote: {out:?}");
        let value = inner.replace("\"\"", "\"");
        prop_assert!(!value.starts_with(['=', '+', '-', '@', '\t', '\r']), "{out:?}");
        let neutralised = format!("'{}", s);
        prop_assert!(value == s || value == neutralised, "{:?} became {:?}", s, value);
    }
}

/// serde_json's reading of the same value, for comparison (objects: the last key wins).
fn to_serde(d: &json::Document, n: json::Node) -> Value {
    match d.kind(n) {
        json::Kind::Null => Value::Null,
        json::Kind::Bool(b) => Value::Bool(b),
        json::Kind::Number(x) => json!(x),
        json::Kind::String => Value::String(d.str(n).unwrap_or_default().into_owned()),
        json::Kind::Array => Value::Array(d.items(n).map(|i| to_serde(d, i)).collect()),
        json::Kind::Object => {
            let mut o = serde_json::Map::new();
            for (key, value) in d.members(n) {
                o.insert(
                    d.str(key).unwrap_or_default().into_owned(),
                    to_serde(d, value),
                );
            }
            Value::Object(o)
        }
    }
}

fn numbers_as_f64(v: &Value) -> Value {
    match v {
        Value::Number(n) => json!(n.as_f64().unwrap()),
        Value::Array(a) => Value::Array(a.iter().map(numbers_as_f64).collect()),
        Value::Object(m) => Value::Object(
            m.iter()
                .map(|(k, x)| (k.clone(), numbers_as_f64(x)))
                .collect(),
        ),
        x => x.clone(),
    }
}

fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i32>().prop_map(|n| json!(n)),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(|f| json!(f)),
        ".{0,12}".prop_map(Value::String),
        "[\\u{0}-\\u{1f}\"\\\\/]{0,6}".prop_map(Value::String),
    ];
    leaf.prop_recursive(6, 64, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map(".{0,6}", inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn the_json_reader_agrees_with_serde_json(v in any_json(), pretty in any::<bool>()) {
        let text = if pretty { serde_json::to_string_pretty(&v) } else { serde_json::to_string(&v) }.unwrap();
        let parsed = json::parse(&text);
        prop_assert!(parsed.is_ok(), "{text}: {:?}", parsed.err());
        let doc = parsed.unwrap();
        prop_assert_eq!(to_serde(&doc, doc.root()), numbers_as_f64(&v));
    }

    #[test]
    fn the_json_reader_refuses_what_serde_json_refuses(bytes in prop::collection::vec(prop_oneof![
        Just(b'{'), Just(b'}'), Just(b'['), Just(b']'), Just(b','), Just(b':'), Just(b'"'), Just(b'\\'),
        Just(b'u'), Just(b'1'), Just(b'0'), Just(b'-'), Just(b'.'), Just(b'e'), Just(b'+'), Just(b' '),
        Just(b'n'), Just(b't'), Just(b'a'), Just(b'\n'),
    ], 0..40)) {
        let text = String::from_utf8(bytes).unwrap();
        let ours = json::parse(&text);
        let theirs = serde_json::from_str::<serde::de::IgnoredAny>(&text);
        // serde_json refuses numbers too large for a double, lone surrogates and more than
        // 128 levels; json.rs reads the first two (as JSON.parse does) and stops at 64.
        if ours.is_ok() {
            prop_assert!(theirs.is_ok() || text.contains('e') || text.contains("\\u"), "json.rs accepts {text:?} but serde_json refuses: {:?}", theirs.err());
        }
        if theirs.is_ok() {
            prop_assert!(ours.is_ok(), "json.rs refuses valid JSON {text:?}: {:?}", ours.err());
        }
    }
}

#[test]
fn the_example_itself_is_clean_and_adds_up() {
    let r = check(NORTHBRIDGE);
    assert_eq!(r.errors(), 0, "{:?}", r.problems);
    let s = invariants(&r).unwrap().unwrap();
    assert!(s.actions.total > 10);
}

// ---- numbers written without core's float printing ----------------------------------------

proptest! {
    #![proptest_config(config(2_000))]

    #[test]
    fn decimal_writes_any_double_as_format_does(bits in any::<u64>(), n in 0usize..5) {
        let x = f64::from_bits(bits);
        prop_assert_eq!(decimal::shortest(x), format!("{x}"));
        prop_assert_eq!(decimal::fixed(x, n), format!("{x:.n$}"));
    }

    #[test]
    fn decimal_writes_figures_as_format_does(whole in -10_000_000i64..10_000_000, thousandths in 0u32..1000, scale in -9i32..9, n in 0usize..5) {
        // Figures as feeds hold them: a few digits, a few decimals, at any scale.
        let x = (whole as f64 + f64::from(thousandths) / 1000.0) * 10f64.powi(scale);
        prop_assert_eq!(decimal::shortest(x), format!("{x}"));
        prop_assert_eq!(decimal::fixed(x, n), format!("{x:.n$}"));
    }
}
