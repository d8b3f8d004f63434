//! What the charts' tests share: a feed with every kind of chart in it, and checks that
//! every figure is well formed.

use crate::feed::Feed;
use crate::markup::{Element, Node};
use crate::summary::Summary;
use crate::validate::check;

pub(super) fn feed_of(json: &str) -> (Feed, Summary) {
    let r = check(json.as_bytes());
    assert!(
        r.problems
            .iter()
            .all(|p| p.severity != crate::validate::Severity::Error),
        "{:?}",
        r.problems
    );
    let s = Summary::of_report(&r).unwrap();
    (r.feed.unwrap(), s)
}

pub(super) const FEED: &str = r#"{"schema_version": "1.0", "publisher": {"name": "Northbridge"}, "as_of": "2026-10-31", "plan": {"title": "P"},
  "priorities": [{"id": "P1", "title": "Help and protection"}, {"id": "P2", "title": "Children in care"}],
  "actions": [
    {"id": "1", "title": "a", "status": "complete", "priority": "P1", "due": "2026-02-28", "completed": "2026-02-20"},
    {"id": "2", "title": "b", "status": "complete", "priority": "P1", "due": "2026-03-31", "completed": "2026-05-02"},
    {"id": "3", "title": "c", "status": "in_progress", "priority": "P1", "due": "2026-06-30", "revised_due": "2026-12-31"},
    {"id": "4", "title": "d", "status": "in_progress", "priority": "P2", "due": "2026-09-30"},
    {"id": "5", "title": "e", "status": "not_started", "priority": "P2", "due": "2026-10-15"},
    {"id": "6", "title": "f", "status": "withdrawn", "priority": "P2", "due": "2026-04-30"},
    {"id": "7", "title": "g", "status": "not_started", "due": "2027-03-31"},
    {"id": "8", "title": "h", "status": "complete", "priority": "P2"},
    {"id": "9", "title": "i", "status": "in_progress", "priority": "P2"}],
  "indicators": [
    {"id": "perm sw/1", "name": "Permanent social workers", "unit": "percent", "polarity": "higher_is_better",
     "target": {"value": 80, "by": "2019-03-31"},
     "values": [{"period": "2017/18", "value": 61}, {"period": "2018-Q3", "value": null, "suppressed": true}, {"period": "2018/19", "value": 73}],
     "comparators": [{"name": "England", "values": [{"period": "2017/18", "value": 70}, {"period": "2018/19", "value": 71}]},
                     {"name": "Statistical neighbours", "values": [{"period": "2018-03", "value": 65}]}]},
    {"id": "none", "name": "No figures", "unit": "count", "polarity": "neutral"},
    {"id": "one", "name": "One figure", "unit": "days", "polarity": "lower_is_better", "values": [{"period": "2026-05", "value": 40}]},
    {"id": "hidden", "name": "All suppressed", "unit": "count", "polarity": "higher_is_better",
     "values": [{"period": "2026-Q1", "value": null, "suppressed": true}, {"period": "2026-Q2", "value": null, "suppressed": true}]}]}"#;

pub(super) fn html(e: &Element) -> String {
    Node::from(e.clone()).to_html()
}

/// The `<desc>` of the chart's SVG.
pub(super) fn desc(e: &Element) -> String {
    fn find(e: &Element) -> Option<String> {
        if e.tag == "desc" {
            return Some(Node::from(e.clone()).text_content());
        }
        e.children.iter().find_map(|c| match c {
            Node::El(x) => find(x),
            Node::Text(_) => None,
        })
    }
    find(e).expect("a <desc>")
}

pub(super) fn all<'a>(e: &'a Element, tag: &str, out: &mut Vec<&'a Element>) {
    if e.tag == tag {
        out.push(e);
    }
    for c in &e.children {
        if let Node::El(x) = c {
            all(x, tag, out);
        }
    }
}

/// Every figure has its parts, unique ids, and no inline style anywhere.
pub(super) fn well_formed(e: &Element) {
    let h = html(e);
    assert!(h.starts_with("<figure class=\"apt-chart\""), "{h}");
    assert!(!h.contains("style="), "inline style: {h}");
    let mut svgs = Vec::new();
    all(e, "svg", &mut svgs);
    let main = svgs
        .iter()
        .find(|s| s.get("role") == Some("img"))
        .expect("role=img");
    let labelled = main.get("aria-labelledby").unwrap();
    for id in labelled.split(' ') {
        assert!(h.contains(&format!("id=\"{id}\"")), "{id} missing");
    }
    let mut ids: Vec<&str> = Vec::new();
    fn collect<'a>(e: &'a Element, ids: &mut Vec<&'a str>) {
        if let Some(i) = e.get("id") {
            ids.push(i);
        }
        for c in &e.children {
            if let Node::El(x) = c {
                collect(x, ids);
            }
        }
    }
    collect(e, &mut ids);
    let n = ids.len();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), n, "duplicate ids");
}

/// What [`FEED`]'s summary says, as the charts' descriptions start: "3 of 8 actions are
/// complete (38%)." and "2 actions are overdue.".
pub(super) fn summary_sentences(s: &Summary) -> (String, String) {
    let a = &s.actions;
    assert_eq!((a.complete, a.total - a.withdrawn, a.overdue), (3, 8, 2));
    let done_of = format!(
        "{} of {} actions are complete ({}%).",
        a.complete,
        a.total - a.withdrawn,
        crate::i18n::number(a.percent_complete, 0)
    );
    let overdue = format!("{} actions are overdue.", a.overdue);
    (done_of, overdue)
}
