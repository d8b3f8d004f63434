//! `cargo +nightly fuzz run render`: what `check` does, then every view as the static page
//! (overview with its charts, actions, findings, indicators, in English and Welsh) and the
//! CSV export, the code every feed reaches. Any panic, abort, out-of-memory or timeout (a
//! frozen browser tab) is a bug.
#![no_main]

use action_plan_tracker::i18n::Lang;
use action_plan_tracker::summary::Summary;
use action_plan_tracker::validate::{check, Severity};
use action_plan_tracker::{csv, page};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let report = check(data);
    // Every problem says what is wrong, and where (lines and columns count from 1).
    for p in &report.problems {
        assert!(!p.message.is_empty(), "a problem without a message");
        assert!(p.line >= 1 && p.column >= 1, "{p:?}");
    }
    assert!(
        report.feed.is_some()
            || report
                .problems
                .iter()
                .any(|p| p.severity == Severity::Error),
        "no feed, yet no error says why"
    );
    let Some(s) = Summary::of_report(&report) else {
        return;
    };
    let a = &s.actions;
    assert_eq!(
        a.not_started + a.in_progress + a.complete + a.withdrawn,
        a.total
    );
    assert!(
        (0.0..=100.0).contains(&a.percent_complete),
        "percent_complete {}",
        a.percent_complete
    );
    assert!(a.overdue + a.due_soon <= a.not_started + a.in_progress);
    assert!(s.findings.with_actions <= s.findings.total);
    let i = &s.indicators;
    assert_eq!(i.meeting_target + i.missing_target + i.no_target, i.total);
    assert_eq!(s.problems.errors, report.errors());

    let feed = report.feed.as_ref().expect("a summary means a feed");
    // Keep each run cheap: the views are O(size) for ordinary feeds.
    if data.len() <= 64 * 1024 {
        for lang in [Lang::En, Lang::Cy] {
            let html = page::render(&report, lang).expect("a feed means a page");
            assert!(
                !html.contains("<script"),
                "the static page never has a script"
            );
            let all: Vec<usize> = (0..feed.actions.len()).collect();
            let _ = csv::actions(feed, &all, lang);
        }
    }
});
