//! `cargo +nightly fuzz run check`: any bytes, as a council's server might send them.
//!
//! Reads the bytes with `validate::check` exactly as the widget does; whenever a feed comes
//! out, its `Summary` must keep the invariants of embedding.md. Any panic, abort,
//! out-of-memory or timeout is a bug: the widget promises never to panic on any input.
//! (`render` goes on to the views, the static page and the CSV.)
#![no_main]

use action_plan_tracker::summary::Summary;
use action_plan_tracker::validate::{check, Severity};
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
});
