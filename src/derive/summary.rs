//! The headline figures of a feed, exactly as `embedding.md` defines them.
//!
//! One definition serves the element's `summary` property and `tracker-ready` event, the
//! JavaScript `summarise()`, the CLI's `summary` command and the overview's headline, so
//! the widget can never say something different from what a script reads.

use crate::changes::{self, Changes};
use crate::date::Date;
use crate::feed::{Action, Feed, Polarity, Status};
use crate::relations::Answerers;
use crate::validate::Report;
use serde::Serialize;

/// The summary of a feed, from its valid items.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Summary {
    /// The date the data is true at, `YYYY-MM-DD`.
    pub as_of: String,
    /// Action counts.
    pub actions: ActionCounts,
    /// Finding counts.
    pub findings: FindingCounts,
    /// Indicator counts.
    pub indicators: IndicatorCounts,
    /// Problem counts (of the whole file, including items left out).
    pub problems: ProblemCounts,
    /// (1.1) What meetings asked for: how many, done and overdue.
    pub follow_ups: FollowUpCounts,
    /// (1.1) What changed since the comparison date (`feed-v1.md`, "Changes since a date");
    /// absent when there is no meeting before `as_of` and no date was chosen.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub changes: Option<Changes>,
}

/// (1.1) The follow-ups of every meeting.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FollowUpCounts {
    /// Every follow-up of every valid meeting.
    pub total: usize,
    /// With a `done` date.
    pub done: usize,
    /// Not done and due before `as_of`.
    pub overdue: usize,
}

/// Actions by status, lateness and completion.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ActionCounts {
    /// Every valid action and sub-action.
    pub total: usize,
    /// Not started.
    pub not_started: usize,
    /// In progress.
    pub in_progress: usize,
    /// Complete.
    pub complete: usize,
    /// Withdrawn.
    pub withdrawn: usize,
    /// Open, not ongoing, with an effective due date before `as_of`.
    pub overdue: usize,
    /// Open, not ongoing, with an effective due date on `as_of` or up to 30 days after.
    pub due_soon: usize,
    /// complete ÷ (total − withdrawn − ongoing) × 100, unrounded; 0 when nothing is to be done.
    pub percent_complete: f64,
    /// (1.1) Work with no end (`recurrence`) that is neither complete nor withdrawn.
    pub ongoing: usize,
}

impl ActionCounts {
    /// The actions to be done: all but withdrawn and ongoing ones (the "of M" in "Actions
    /// complete: N of M").
    pub fn to_do(&self) -> usize {
        self.total.saturating_sub(self.withdrawn + self.ongoing)
    }
}

/// Findings and whether any action answers them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FindingCounts {
    /// Every valid finding.
    pub total: usize,
    /// Named by at least one action, directly or through its priority.
    pub with_actions: usize,
}

/// Indicators by whether their latest value meets the target.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IndicatorCounts {
    /// Every valid indicator.
    pub total: usize,
    /// Latest value on the right side of the target (equal counts as meeting).
    pub meeting_target: usize,
    /// Latest value on the wrong side of the target.
    pub missing_target: usize,
    /// Neutral, without a target, or without values.
    pub no_target: usize,
}

/// How many problems the feed has.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProblemCounts {
    /// Errors (each left an item out, or the feed unreadable).
    pub errors: usize,
    /// Warnings.
    pub warnings: usize,
}

/// Whether an indicator's latest value meets its target.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TargetState {
    /// On the right side of the target, or on it.
    Met,
    /// On the wrong side.
    Missed,
    /// Neutral, no target or no value: nothing to judge.
    NoTarget,
}

/// Judges an indicator's latest value against its target, by its polarity.
pub fn target_state(ind: &crate::feed::Indicator) -> TargetState {
    let (Some(target), Some(latest)) = (&ind.target, ind.latest().and_then(|v| v.value)) else {
        return TargetState::NoTarget;
    };
    let met = match ind.polarity {
        Polarity::HigherIsBetter => latest >= target.value,
        Polarity::LowerIsBetter => latest <= target.value,
        Polarity::Neutral => return TargetState::NoTarget,
    };
    if met {
        TargetState::Met
    } else {
        TargetState::Missed
    }
}

/// A group of actions (a priority's, or those of no priority) counted by status: the one place
/// where a group's "to do", "overdue" and percentage complete are worked out, for the overview's
/// table and the status-by-priority chart alike.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Tally {
    /// Every action of the group, withdrawn and ongoing ones too.
    pub total: usize,
    /// Complete.
    pub complete: usize,
    /// In progress, not ongoing.
    pub in_progress: usize,
    /// Not started, not ongoing.
    pub not_started: usize,
    /// Withdrawn.
    pub withdrawn: usize,
    /// (1.1) Ongoing work: never to do, never overdue.
    pub ongoing: usize,
    /// In progress and overdue.
    pub overdue_in_progress: usize,
    /// Not started and overdue.
    pub overdue_not_started: usize,
}

impl Tally {
    /// The tally of `actions` on `as_of`.
    pub fn of<'a>(actions: impl IntoIterator<Item = &'a Action>, as_of: Date) -> Tally {
        let mut t = Tally::default();
        for a in actions {
            t.total += 1;
            if a.is_ongoing() {
                t.ongoing += 1;
                continue;
            }
            let late = usize::from(a.is_overdue(as_of));
            match a.status {
                Status::Complete => t.complete += 1,
                Status::InProgress => {
                    t.in_progress += 1;
                    t.overdue_in_progress += late;
                }
                Status::NotStarted => {
                    t.not_started += 1;
                    t.overdue_not_started += late;
                }
                Status::Withdrawn => t.withdrawn += 1,
            }
        }
        t
    }

    /// The actions to be done: all but withdrawn and ongoing ones.
    pub fn to_do(&self) -> usize {
        self.complete + self.in_progress + self.not_started
    }

    /// Overdue.
    pub fn overdue(&self) -> usize {
        self.overdue_in_progress + self.overdue_not_started
    }

    /// Complete as a percentage of those to do ([`percent_complete`]).
    pub fn percent(&self) -> f64 {
        percent_complete(self.complete, self.to_do(), 0)
    }
}

/// complete ÷ (total − excluded) × 100, or 0 when nothing is to be done. `excluded` counts
/// the actions left out of percentages: withdrawn ones and (1.1) ongoing ones.
pub fn percent_complete(complete: usize, total: usize, excluded: usize) -> f64 {
    let to_do = total.saturating_sub(excluded);
    if to_do == 0 {
        0.0
    } else {
        complete as f64 / to_do as f64 * 100.0
    }
}

impl Summary {
    /// The summary of a checked feed (`None` when it could not be read as a feed).
    pub fn of_report(report: &Report) -> Option<Summary> {
        report
            .feed
            .as_ref()
            .map(|f| Summary::of(f, report.errors(), report.warnings()))
    }

    /// The summary of `feed`, with the problem counts of the file it came from.
    pub fn of(feed: &Feed, errors: usize, warnings: usize) -> Summary {
        let count = |s: Status| feed.actions.iter().filter(|a| a.status == s).count();
        let (complete, withdrawn) = (count(Status::Complete), count(Status::Withdrawn));
        let ongoing = feed.actions.iter().filter(|a| a.is_ongoing()).count();
        let total = feed.actions.len();
        let follow_ups = feed.meetings.iter().flat_map(|m| &m.follow_ups);
        let answerers = Answerers::of(feed);
        let states: Vec<TargetState> = feed.indicators.iter().map(target_state).collect();
        let state = |s: TargetState| states.iter().filter(|&&t| t == s).count();
        Summary {
            as_of: feed.as_of.to_string(),
            actions: ActionCounts {
                total,
                not_started: count(Status::NotStarted),
                in_progress: count(Status::InProgress),
                complete,
                withdrawn,
                overdue: feed
                    .actions
                    .iter()
                    .filter(|a| a.is_overdue(feed.as_of))
                    .count(),
                due_soon: feed
                    .actions
                    .iter()
                    .filter(|a| a.is_due_soon(feed.as_of))
                    .count(),
                percent_complete: percent_complete(complete, total, withdrawn + ongoing),
                ongoing,
            },
            findings: FindingCounts {
                total: feed.findings.len(),
                with_actions: feed
                    .findings
                    .iter()
                    .filter(|f| answerers.is_answered(&f.id))
                    .count(),
            },
            indicators: IndicatorCounts {
                total: feed.indicators.len(),
                meeting_target: state(TargetState::Met),
                missing_target: state(TargetState::Missed),
                no_target: state(TargetState::NoTarget),
            },
            problems: ProblemCounts { errors, warnings },
            follow_ups: FollowUpCounts {
                total: follow_ups.clone().count(),
                done: follow_ups.clone().filter(|f| f.done.is_some()).count(),
                overdue: follow_ups.filter(|f| f.is_overdue(feed.as_of)).count(),
            },
            changes: changes::default_since(feed).map(|d| Changes::of(feed, d)),
        }
    }

    /// This summary of `feed` with its `changes` since `chosen` when that is before `as_of`,
    /// else since the default date (the latest meeting before `as_of`).
    pub fn with_since(mut self, feed: &Feed, chosen: Option<Date>) -> Summary {
        self.changes = changes::since(feed, chosen).map(|d| Changes::of(feed, d));
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::check;

    #[test]
    fn counts_follow_the_embedding_definitions() {
        let text = r#"{"schema_version": "1.0", "publisher": {"name": "N"}, "as_of": "2026-10-31", "plan": {"title": "P"},
          "findings": [{"id": "F1", "kind": "area_for_improvement", "text": "a"}, {"id": "F2", "kind": "strength", "text": "b"},
                       {"id": "F3", "kind": "recommendation", "text": "c"}],
          "priorities": [{"id": "P1", "title": "p", "findings": ["F1"]}],
          "actions": [
            {"id": "1", "title": "late", "status": "in_progress", "due": "2026-10-30", "priority": "P1"},
            {"id": "2", "title": "revised, so soon", "status": "not_started", "due": "2026-01-01", "revised_due": "2026-10-31"},
            {"id": "3", "title": "soon at the edge", "status": "in_progress", "due": "2026-11-30"},
            {"id": "4", "title": "later", "status": "in_progress", "due": "2026-12-01", "findings": ["F3"]},
            {"id": "5", "title": "done late", "status": "complete", "completed": "2026-01-01", "due": "2020-01-01"},
            {"id": "6", "title": "withdrawn", "status": "withdrawn", "due": "2020-01-01"},
            {"id": "7", "title": "no date", "status": "not_started"}],
          "indicators": [
            {"id": "I1", "name": "a", "unit": "percent", "polarity": "higher_is_better", "target": {"value": 80},
             "values": [{"period": "2026-Q2", "value": 90}, {"period": "2026-09", "value": 80}, {"period": "2026/27", "value": null, "suppressed": true}]},
            {"id": "I2", "name": "b", "unit": "days", "polarity": "lower_is_better", "target": {"value": 10},
             "values": [{"period": "2025/26", "value": 9}, {"period": "2026-03-31", "value": 11}]},
            {"id": "I3", "name": "c", "unit": "count", "polarity": "neutral", "target": {"value": 10}, "values": [{"period": "2026-01", "value": 1}]},
            {"id": "I4", "name": "d", "unit": "count", "polarity": "higher_is_better", "values": [{"period": "2026-01", "value": 1}]},
            {"id": "I5", "name": "e", "unit": "count", "polarity": "higher_is_better", "target": {"value": 1}}]}"#;
        let r = check(text.as_bytes());
        assert_eq!(r.problems, vec![]);
        let s = Summary::of_report(&r).unwrap();
        let a = &s.actions;
        assert_eq!(
            (
                a.total,
                a.not_started,
                a.in_progress,
                a.complete,
                a.withdrawn
            ),
            (7, 2, 3, 1, 1)
        );
        assert_eq!((a.overdue, a.due_soon), (1, 2));
        assert_eq!(a.percent_complete, 1.0 / 6.0 * 100.0);
        assert_eq!((s.findings.total, s.findings.with_actions), (3, 2));
        // I1: latest 2026-09 (80) meets 80; I2: 2025/26 and 2026-03-31 both end 31 March: the later in the
        // file (11) misses; I3 neutral, I4 no target, I5 no values.
        let i = &s.indicators;
        assert_eq!(
            (i.total, i.meeting_target, i.missing_target, i.no_target),
            (5, 1, 1, 3)
        );
    }

    #[test]
    fn ongoing_work_is_never_late_and_left_out_of_percentages() {
        let text = r#"{"schema_version": "1.1", "publisher": {"name": "N"}, "as_of": "2019-12-31", "plan": {"title": "P"},
          "actions": [
            {"id": "1", "title": "audit", "status": "in_progress", "due": "2019-01", "recurrence": "every six weeks"},
            {"id": "2", "title": "audit soon", "status": "not_started", "due": "2020-01-15", "recurrence": "monthly"},
            {"id": "3", "title": "finished routine", "status": "complete", "completed": "2019-06", "recurrence": "monthly"},
            {"id": "4", "title": "stopped routine", "status": "withdrawn", "recurrence": "monthly"},
            {"id": "5", "title": "late by a month", "status": "in_progress", "due": "2019-11"},
            {"id": "6", "title": "due this month", "status": "in_progress", "due": "2019-12"},
            {"id": "7", "title": "due next month", "status": "in_progress", "due": "2020-01"}]}"#;
        let r = check(text.as_bytes());
        assert_eq!(r.problems, vec![]);
        let a = Summary::of_report(&r).unwrap().actions;
        assert_eq!(a.ongoing, 2);
        // "2019-11" is 30 November, before as_of; "2019-12" is 31 December, on as_of (due
        // soon); "2020-01" is 31 January, 31 days on (neither). The ongoing ones are neither.
        assert_eq!((a.overdue, a.due_soon), (1, 1));
        // complete 1 ÷ (7 − 1 withdrawn − 2 ongoing).
        assert_eq!(a.percent_complete, 25.0);
    }

    #[test]
    fn follow_ups_done_and_overdue() {
        let text = r#"{"schema_version": "1.1", "publisher": {"name": "N"}, "as_of": "2019-12-01", "plan": {"title": "P"}, "actions": [],
          "meetings": [
            {"id": "m1", "date": "2019-06-01", "body": "Panel", "follow_ups": [
              {"text": "annual update", "due": "2019-11"},
              {"text": "agency spend", "due": "2019-09-01", "done": "2019-09-01"},
              {"text": "no date"}]},
            {"id": "m2", "date": "2019-10-01", "body": "Panel", "follow_ups": [
              {"text": "due this month", "due": "2019-12"},
              {"text": "due on as_of", "due": "2019-12-01"},
              {"text": "done late", "due": "2019-10-02", "done": "2019-11-15"}]}]}"#;
        let r = check(text.as_bytes());
        assert_eq!(r.problems, vec![]);
        let f = Summary::of_report(&r).unwrap().follow_ups;
        assert_eq!((f.total, f.done, f.overdue), (6, 2, 1));
    }

    #[test]
    fn a_tally_leaves_withdrawn_and_ongoing_work_out_of_what_is_to_do() {
        let text = r#"{"schema_version": "1.1", "publisher": {"name": "N"}, "as_of": "2026-10-31",
          "plan": {"title": "P"}, "actions": [
            {"id": "1", "title": "t", "status": "complete", "completed": "2026-01-01"},
            {"id": "2", "title": "t", "status": "in_progress", "due": "2026-09-30"},
            {"id": "3", "title": "t", "status": "not_started", "due": "2026-09"},
            {"id": "4", "title": "t", "status": "not_started", "due": "2027-01-01"},
            {"id": "5", "title": "t", "status": "withdrawn", "due": "2026-01-01"},
            {"id": "6", "title": "t", "status": "in_progress", "due": "2026-01-01", "recurrence": "monthly"}]}"#;
        let feed = check(text.as_bytes()).feed.unwrap();
        let t = Tally::of(&feed.actions, feed.as_of);
        assert_eq!((t.total, t.withdrawn, t.ongoing), (6, 1, 1));
        assert_eq!((t.complete, t.in_progress, t.not_started), (1, 1, 2));
        assert_eq!((t.overdue_in_progress, t.overdue_not_started), (1, 1));
        assert_eq!((t.to_do(), t.overdue()), (4, 2));
        assert_eq!(t.percent(), 25.0);
    }

    #[test]
    fn nothing_to_do_is_zero_percent() {
        assert_eq!(percent_complete(0, 0, 0), 0.0);
        assert_eq!(percent_complete(0, 2, 2), 0.0);
        assert_eq!(percent_complete(17, 42, 2), 42.5);
    }
}
