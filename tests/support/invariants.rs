//! The invariants of every report and its summary, whatever the input: shared by the property
//! tests (`tests/properties.rs`, `#[path]`) and the fuzz targets (`fuzz/fuzz_targets/`), so the
//! long searches and the quick ones check exactly the same promises.
//!
//! - every problem has a message and a place (lines and columns count from 1);
//! - no feed only with an error saying why;
//! - statuses add up to the total, percent complete within 0 to 100, overdue + due soon at
//!   most the open actions, findings with actions at most the findings, indicator categories
//!   add up, the problem counts and totals are the report's and the feed's.

use action_plan_tracker::summary::Summary;
use action_plan_tracker::validate::{Report, Severity};

/// Checks `report`: its summary (`None` when there is no feed), or the first broken promise.
pub fn invariants(report: &Report) -> Result<Option<Summary>, String> {
    macro_rules! ensure {
        ($ok:expr, $($why:tt)+) => {
            if !$ok {
                return Err(format!($($why)+));
            }
        };
    }
    for p in &report.problems {
        ensure!(!p.message.is_empty(), "a problem without a message: {p:?}");
        ensure!(
            p.line >= 1 && p.column >= 1,
            "a problem without a place: {p:?}"
        );
    }
    let Some(s) = Summary::of_report(report) else {
        ensure!(report.feed.is_none(), "a feed without a summary");
        ensure!(
            report
                .problems
                .iter()
                .any(|p| p.severity == Severity::Error),
            "no feed, and no error saying why"
        );
        return Ok(None);
    };
    let Some(feed) = report.feed.as_ref() else {
        return Err("a summary without a feed".into());
    };
    let a = &s.actions;
    ensure!(
        a.not_started + a.in_progress + a.complete + a.withdrawn == a.total,
        "statuses do not add up to the total {}: {a:?}",
        a.total
    );
    ensure!(
        (0.0..=100.0).contains(&a.percent_complete),
        "percent_complete {} outside 0 to 100",
        a.percent_complete
    );
    ensure!(
        a.overdue + a.due_soon <= a.not_started + a.in_progress,
        "overdue {} + due soon {} > open {}",
        a.overdue,
        a.due_soon,
        a.not_started + a.in_progress
    );
    ensure!(
        s.findings.with_actions <= s.findings.total,
        "findings with actions {} > findings {}",
        s.findings.with_actions,
        s.findings.total
    );
    let i = &s.indicators;
    ensure!(
        i.meeting_target + i.missing_target + i.no_target == i.total,
        "indicator categories do not add up to the total {}",
        i.total
    );
    ensure!(
        s.problems.errors == report.errors(),
        "error count {} != {}",
        s.problems.errors,
        report.errors()
    );
    ensure!(
        s.problems.warnings == report.warnings(),
        "warning count {} != {}",
        s.problems.warnings,
        report.warnings()
    );
    ensure!(
        a.total == feed.actions.len(),
        "action total {} != {}",
        a.total,
        feed.actions.len()
    );
    ensure!(s.findings.total == feed.findings.len(), "finding total");
    ensure!(i.total == feed.indicators.len(), "indicator total");
    Ok(Some(s))
}
