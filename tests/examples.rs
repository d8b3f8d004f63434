//! The example feeds' summaries equal the figures worked out by hand in
//! `tests/feeds/expected/` (see its README for how each figure was counted).

use action_plan_tracker::summary::Summary;
use action_plan_tracker::validate::check;

fn summary_of(name: &str) -> serde_json::Value {
    let bytes = std::fs::read(format!("www/examples/{name}.json")).expect("example feed");
    let report = check(&bytes);
    serde_json::to_value(Summary::of_report(&report).expect("the example can be read"))
        .expect("summary as JSON")
}

fn expected(name: &str) -> serde_json::Value {
    let text = std::fs::read_to_string(format!("tests/feeds/expected/{name}.summary.json"))
        .expect("expected summary");
    serde_json::from_str(&text).expect("expected summary is JSON")
}

#[test]
fn northbridge_summary_is_as_worked_out_by_hand() {
    assert_eq!(summary_of("northbridge"), expected("northbridge"));
}

#[test]
fn cwm_tawel_summary_is_as_worked_out_by_hand() {
    assert_eq!(summary_of("cwm-tawel"), expected("cwm-tawel"));
}

#[test]
fn southmoor_summary_is_as_worked_out_by_hand() {
    assert_eq!(
        summary_of("southmoor-monitoring"),
        expected("southmoor-monitoring")
    );
}

#[test]
fn fernley_draft_summary_is_as_worked_out_by_hand() {
    assert_eq!(summary_of("fernley-draft"), expected("fernley-draft"));
}

#[test]
fn cwm_tawel_changes_since_the_july_scrutiny_committee_are_as_worked_out_by_hand() {
    let bytes = std::fs::read("www/examples/cwm-tawel.json").expect("example feed");
    let report = check(&bytes);
    let feed = report.feed.as_ref().expect("the example can be read");
    let since = action_plan_tracker::date::Date::parse("2026-07-09").ok();
    let summary = Summary::of_report(&report)
        .expect("a summary")
        .with_since(feed, since);
    let text =
        std::fs::read_to_string("tests/feeds/expected/cwm-tawel.changes-since-2026-07-09.json")
            .expect("expected changes");
    let want: serde_json::Value = serde_json::from_str(&text).expect("expected changes are JSON");
    assert_eq!(serde_json::to_value(summary.changes).expect("JSON"), want);
}

#[test]
fn every_example_has_its_expected_summary() {
    for entry in std::fs::read_dir("www/examples").expect("examples folder") {
        let path = entry.expect("entry").path();
        let name = path
            .file_stem()
            .and_then(|s| s.to_str())
            .expect("name")
            .to_string();
        assert!(
            std::path::Path::new(&format!("tests/feeds/expected/{name}.summary.json")).exists(),
            "www/examples/{name}.json has no hand-worked summary in tests/feeds/expected/"
        );
    }
}
