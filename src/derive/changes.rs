//! "What has changed since we last met?": the feed compared with itself at an earlier date.
//!
//! Scrutiny committees and improvement boards ask it first, and an officer used to write the
//! answer by hand for each committee paper. `feed-v1.md` ("Changes since a date") defines it
//! exactly: an action's state at the comparison date D is read from its dated updates, each
//! change is one row of the spec's table, and an indicator moved when its latest figure now
//! differs from its latest figure by D. One definition here serves the summary's `changes`,
//! the widget's overview, filter and badges, the static page and the command line, so none of
//! them can count differently. Dates are compared only through [`Date`]'s own ordering, so a
//! month-only date compares as its month's last day wherever it appears.

use crate::date::Date;
use crate::feed::{Action, Feed, Indicator, Meeting, Polarity, Rag, Status, Value};
use serde::Serialize;

/// The comparison date a reader gets without choosing: the date of the latest meeting strictly
/// before `as_of` (`None`: the feed has no such meeting, and no comparison is shown).
pub fn default_since(feed: &Feed) -> Option<Date> {
    feed.meetings
        .iter()
        .map(|m| m.date)
        .filter(|&d| d < feed.as_of)
        .max()
}

/// The first meeting in the file dated `d`, if any.
pub fn meeting_on(feed: &Feed, d: Date) -> Option<&Meeting> {
    feed.meetings.iter().find(|m| m.date == d)
}

/// The meetings a reader can compare with (those before `as_of`), newest first: a day's
/// meetings are next to each other, and (the sort is stable) in their order in the file. The
/// "since" view's meeting select relies on both: it offers a day's first meeting only, found
/// by comparing each meeting's date with the one before it (`view::since`'s `meeting_select`).
pub fn past_meetings(feed: &Feed) -> Vec<&Meeting> {
    let mut v: Vec<&Meeting> = feed
        .meetings
        .iter()
        .filter(|m| m.date < feed.as_of)
        .collect();
    crate::sort::by(&mut v, |a, b| b.date.cmp(&a.date));
    v
}

/// The comparison date to use: `chosen` when it is before `as_of`, else the default.
pub fn since(feed: &Feed, chosen: Option<Date>) -> Option<Date> {
    chosen
        .filter(|&d| d < feed.as_of)
        .or_else(|| default_since(feed))
}

/// What an action's updates say it was at a date.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct StateAt {
    /// Its status, when known.
    pub status: Option<Status>,
    /// Its RAG rating, when an update gave one.
    pub rag: Option<Rag>,
    /// Percent done, when an update gave it.
    pub progress: Option<f64>,
    /// The revised due date, when an update gave one.
    pub revised_due: Option<Date>,
    /// The effective due date: `revised_due`, else the action's `due`.
    pub due: Option<Date>,
}

/// The latest update dated on or before `d` for which `gives` holds (of several on one day, the
/// last in the file). Not generic over the field read: one copy of the code for the four.
fn latest_giving(
    a: &Action,
    d: Date,
    gives: fn(&crate::feed::Update) -> bool,
) -> Option<&crate::feed::Update> {
    a.updates
        .iter()
        .filter(|u| u.date <= d && gives(u))
        .fold(None, |best, u| match best {
            Some(b) if b.date > u.date => best,
            _ => Some(u),
        })
}

/// Action `a` as its updates dated on or before `d` describe it. Without an update giving its
/// status, the status is `complete` when `completed` is on or before `d`, `not_started` when
/// `start` is after `d`, else unknown.
pub fn state_at(a: &Action, d: Date) -> StateAt {
    let status = latest_giving(a, d, |u| u.status.is_some())
        .and_then(|u| u.status)
        .or_else(|| {
            if a.completed.is_some_and(|c| c <= d) {
                Some(Status::Complete)
            } else if a.start.is_some_and(|s| s > d) {
                Some(Status::NotStarted)
            } else {
                None
            }
        });
    let revised_due = latest_giving(a, d, |u| u.revised_due.is_some()).and_then(|u| u.revised_due);
    StateAt {
        status,
        rag: latest_giving(a, d, |u| u.rag.is_some()).and_then(|u| u.rag),
        progress: latest_giving(a, d, |u| u.progress.is_some()).and_then(|u| u.progress),
        revised_due,
        due: revised_due.or(a.due),
    }
}

/// One kind of change an action can have, as the summary and the URL name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// Entered the plan after D.
    New,
    /// Completed since D.
    Completed,
    /// Started since D.
    Started,
    /// Withdrawn since D.
    Withdrawn,
    /// RAG rating worse than at D.
    RagWorse,
    /// RAG rating better than at D.
    RagBetter,
    /// Effective due date later than at D.
    Slipped,
    /// Overdue now, but not due (or already complete) at D.
    NewlyOverdue,
}

impl Kind {
    /// Every kind, in the order the spec lists them.
    pub const ALL: [Kind; 8] = [
        Kind::New,
        Kind::Completed,
        Kind::Started,
        Kind::Withdrawn,
        Kind::RagWorse,
        Kind::RagBetter,
        Kind::Slipped,
        Kind::NewlyOverdue,
    ];

    /// The word in the summary and the URL.
    pub fn word(self) -> &'static str {
        match self {
            Kind::New => "new",
            Kind::Completed => "completed",
            Kind::Started => "started",
            Kind::Withdrawn => "withdrawn",
            Kind::RagWorse => "rag_worse",
            Kind::RagBetter => "rag_better",
            Kind::Slipped => "slipped",
            Kind::NewlyOverdue => "newly_overdue",
        }
    }

    /// The kind for a word; `None` for anything else.
    pub fn from_word(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.word() == s)
    }
}

/// How an action changed since D.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ActionChange {
    /// The changes that hold, in the order of [`Kind::ALL`].
    pub kinds: Vec<Kind>,
    /// The action as it was at D.
    pub then: StateAt,
    /// Progress now less progress at D, in points, when both are known.
    pub progress: Option<f64>,
}

impl ActionChange {
    /// Whether change `k` holds.
    pub fn has(&self, k: Kind) -> bool {
        self.kinds.contains(&k)
    }
}

/// Best first: blue, green, amber, red.
fn rag_rank(r: Rag) -> u8 {
    match r {
        Rag::Blue => 0,
        Rag::Green => 1,
        Rag::Amber => 2,
        Rag::Red => 3,
    }
}

/// How action `a` changed between `d` and `as_of`, by the spec's table.
pub fn action_change(a: &Action, d: Date, as_of: Date) -> ActionChange {
    let then = state_at(a, d);
    let mut kinds = Vec::new();
    if a.added.is_some_and(|added| added > d) {
        // New since D, and counted only as new.
        return ActionChange {
            kinds: vec![Kind::New],
            then,
            progress: None,
        };
    }
    let completed = a.status == Status::Complete
        && match a.completed {
            Some(c) => c > d,
            None => then.status.is_some_and(|s| s != Status::Complete),
        };
    if completed {
        kinds.push(Kind::Completed);
    }
    if a.status == Status::InProgress && then.status == Some(Status::NotStarted) {
        kinds.push(Kind::Started);
    }
    if a.status == Status::Withdrawn && then.status.is_some_and(|s| s != Status::Withdrawn) {
        kinds.push(Kind::Withdrawn);
    }
    if let (Some(was), Some(is)) = (then.rag, a.rag) {
        if rag_rank(is) > rag_rank(was) {
            kinds.push(Kind::RagWorse);
        } else if rag_rank(is) < rag_rank(was) {
            kinds.push(Kind::RagBetter);
        }
    }
    if let (Some(was), Some(is)) = (then.due, a.effective_due()) {
        if is > was {
            kinds.push(Kind::Slipped);
        }
    }
    if a.is_overdue(as_of)
        && then.due.is_some_and(|due| due >= d)
        && then.status != Some(Status::Complete)
    {
        kinds.push(Kind::NewlyOverdue);
    }
    ActionChange {
        kinds,
        then,
        progress: a.progress.zip(then.progress).map(|(is, was)| is - was),
    }
}

/// Which way an indicator moved, by its polarity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Movement {
    /// Better.
    Improved,
    /// Worse.
    Worsened,
    /// Different, and neither is better (neutral polarity).
    Changed,
}

/// How an indicator's latest figure compares with its latest figure by D.
#[derive(Debug, Clone, PartialEq)]
pub struct IndicatorChange<'f> {
    /// The latest figure among the periods ending on or before D.
    pub then: &'f Value,
    /// The latest figure now.
    pub now: &'f Value,
    /// How it moved; `None` when the figure is the same.
    pub movement: Option<Movement>,
    /// Meets its target now, and did not at D.
    pub now_meeting: bool,
    /// Met its target at D, and does not now.
    pub no_longer_meeting: bool,
}

/// Whether `v` meets `ind`'s target (`None`: nothing to judge).
fn meets(ind: &Indicator, v: f64) -> Option<bool> {
    let t = ind.target.as_ref()?.value;
    match ind.polarity {
        Polarity::HigherIsBetter => Some(v >= t),
        Polarity::LowerIsBetter => Some(v <= t),
        Polarity::Neutral => None,
    }
}

/// Indicator `ind` compared with D; `None` when it has no figure now or none by D (suppressed
/// figures are skipped, as for "latest").
pub fn indicator_change(ind: &Indicator, d: Date) -> Option<IndicatorChange<'_>> {
    let now = ind.latest()?;
    let then = latest_by(&ind.values, d)?;
    let (was, is) = (then.value?, now.value?);
    let movement = if is == was {
        None
    } else {
        Some(match ind.polarity {
            Polarity::Neutral => Movement::Changed,
            Polarity::HigherIsBetter if is > was => Movement::Improved,
            Polarity::LowerIsBetter if is < was => Movement::Improved,
            _ => Movement::Worsened,
        })
    };
    let (met_then, met_now) = (meets(ind, was), meets(ind, is));
    Some(IndicatorChange {
        then,
        now,
        movement,
        now_meeting: met_now == Some(true) && met_then == Some(false),
        no_longer_meeting: met_now == Some(false) && met_then == Some(true),
    })
}

fn as_text<S: serde::Serializer>(d: &Date, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&d.to_string())
}

/// The summary's `changes`: how many actions and indicators changed since D.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Changes {
    /// D, written `YYYY-MM-DD`.
    #[serde(serialize_with = "as_text")]
    pub since: Date,
    /// The id of the first meeting in the file dated D; `null` when none is.
    pub meeting: Option<String>,
    /// Actions by kind of change.
    pub actions: ActionCounts,
    /// Indicators by how they moved.
    pub indicators: IndicatorCounts,
}

/// How many actions had each kind of change (an action may count under several).
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct ActionCounts {
    /// Added to the plan after D (counted only here).
    pub new: usize,
    /// Completed since D.
    pub completed: usize,
    /// Started since D.
    pub started: usize,
    /// Withdrawn since D.
    pub withdrawn: usize,
    /// RAG rating worse than at D.
    pub rag_worse: usize,
    /// RAG rating better than at D.
    pub rag_better: usize,
    /// Effective due date later than at D.
    pub slipped: usize,
    /// Overdue now, not overdue-to-be at D.
    pub newly_overdue: usize,
}

impl ActionCounts {
    /// The count of kind `k`.
    pub fn get(&self, k: Kind) -> usize {
        match k {
            Kind::New => self.new,
            Kind::Completed => self.completed,
            Kind::Started => self.started,
            Kind::Withdrawn => self.withdrawn,
            Kind::RagWorse => self.rag_worse,
            Kind::RagBetter => self.rag_better,
            Kind::Slipped => self.slipped,
            Kind::NewlyOverdue => self.newly_overdue,
        }
    }

    fn add(&mut self, k: Kind) {
        let n = match k {
            Kind::New => &mut self.new,
            Kind::Completed => &mut self.completed,
            Kind::Started => &mut self.started,
            Kind::Withdrawn => &mut self.withdrawn,
            Kind::RagWorse => &mut self.rag_worse,
            Kind::RagBetter => &mut self.rag_better,
            Kind::Slipped => &mut self.slipped,
            Kind::NewlyOverdue => &mut self.newly_overdue,
        };
        *n += 1;
    }
}

/// How many indicators moved each way since D.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct IndicatorCounts {
    /// Better by their polarity.
    pub improved: usize,
    /// Worse by their polarity.
    pub worsened: usize,
    /// Different, neutral polarity.
    pub changed: usize,
    /// Meeting the target now, not at D.
    pub now_meeting: usize,
    /// Meeting the target at D, not now.
    pub no_longer_meeting: usize,
}

impl Changes {
    /// The changes in `feed` since `d`.
    pub fn of(feed: &Feed, d: Date) -> Changes {
        let mut actions = ActionCounts::default();
        for a in &feed.actions {
            for k in action_change(a, d, feed.as_of).kinds {
                actions.add(k);
            }
        }
        let mut indicators = IndicatorCounts::default();
        for c in feed
            .indicators
            .iter()
            .filter_map(|i| indicator_change(i, d))
        {
            match c.movement {
                Some(Movement::Improved) => indicators.improved += 1,
                Some(Movement::Worsened) => indicators.worsened += 1,
                Some(Movement::Changed) => indicators.changed += 1,
                None => {}
            }
            indicators.now_meeting += usize::from(c.now_meeting);
            indicators.no_longer_meeting += usize::from(c.no_longer_meeting);
        }
        Changes {
            since: d,
            meeting: meeting_on(feed, d).map(|m| m.id.clone()),
            actions,
            indicators,
        }
    }
}

/// The latest figure of `values` among the periods ending on or before `d`, suppressed ones
/// skipped: what "latest" was at D.
pub fn latest_by(values: &[Value], d: Date) -> Option<&Value> {
    values
        .iter()
        .filter(|v| v.value.is_some() && v.period.end() <= d)
        .max_by_key(|v| v.period.end())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::check;

    /// A feed as of 2026-10-31 with meetings on 10 June, 15 September (twice: m2 first) and on
    /// `as_of` itself, so the default comparison date is 15 September.
    fn feed(actions: &str, indicators: &str) -> Feed {
        let text = format!(
            r#"{{"schema_version": "1.1", "publisher": {{"name": "N"}}, "as_of": "2026-10-31", "plan": {{"title": "P"}},
              "meetings": [{{"id": "m1", "date": "2026-06-10", "body": "Board"}},
                           {{"id": "m3", "date": "2026-10-31", "body": "Board"}},
                           {{"id": "m2", "date": "2026-09-15", "body": "Scrutiny"}},
                           {{"id": "m2b", "date": "2026-09-15", "body": "Cabinet"}}],
              "actions": {actions}, "indicators": {indicators}}}"#
        );
        let r = check(text.as_bytes());
        assert!(r.errors() == 0, "{:?}", r.problems);
        r.feed.unwrap()
    }

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    /// The kinds of change of each action since 15 September 2026.
    fn kinds(actions: &str) -> Vec<Vec<Kind>> {
        let f = feed(actions, "[]");
        f.actions
            .iter()
            .map(|a| action_change(a, d("2026-09-15"), f.as_of).kinds)
            .collect()
    }

    #[test]
    fn the_default_date_is_the_latest_meeting_strictly_before_as_of() {
        let f = feed("[]", "[]");
        assert_eq!(default_since(&f), Some(d("2026-09-15")));
        let c = Changes::of(&f, d("2026-09-15"));
        assert_eq!(
            c.meeting.as_deref(),
            Some("m2"),
            "the first in the file that day"
        );
        assert_eq!(Changes::of(&f, d("2026-09-16")).meeting, None);
        let order: Vec<&str> = past_meetings(&f).iter().map(|m| m.id.as_str()).collect();
        assert_eq!(
            order,
            ["m2", "m2b", "m1"],
            "newest first, not the one on as_of"
        );
        assert_eq!(
            since(&f, Some(d("2026-10-31"))),
            Some(d("2026-09-15")),
            "as_of itself is not before as_of"
        );
        assert_eq!(since(&f, Some(d("2026-01-01"))), Some(d("2026-01-01")));
    }

    #[test]
    fn no_meeting_before_as_of_means_no_changes() {
        let text = r#"{"schema_version": "1.0", "publisher": {"name": "N"}, "as_of": "2026-10-31", "plan": {"title": "P"},
            "meetings": [{"id": "m", "date": "2026-11-02", "body": "Board"}], "actions": []}"#;
        let r = check(text.as_bytes());
        let f = r.feed.as_ref().unwrap();
        assert_eq!(default_since(f), None);
        let s = crate::summary::Summary::of_report(&r).unwrap();
        assert_eq!(s.changes, None);
        assert!(serde_json::to_value(&s).unwrap().get("changes").is_none());
        let chosen = s.with_since(f, Some(d("2026-03-01"))).changes.unwrap();
        assert_eq!((chosen.since, chosen.meeting), (d("2026-03-01"), None));
    }

    #[test]
    fn completed_since() {
        let k = kinds(
            r#"[{"id": "after", "title": "a", "status": "complete", "completed": "2026-09-16"},
                {"id": "on-d", "title": "a", "status": "complete", "completed": "2026-09-15"},
                {"id": "no-date-was-open", "title": "a", "status": "complete", "updates": [{"date": "2026-09-01", "status": "in_progress"}]},
                {"id": "no-date-unknown", "title": "a", "status": "complete"},
                {"id": "no-date-was-complete", "title": "a", "status": "complete", "updates": [{"date": "2026-09-15", "status": "complete"}]},
                {"id": "date-wins-over-updates", "title": "a", "status": "complete", "completed": "2026-08-01", "updates": [{"date": "2026-09-01", "status": "in_progress"}]}]"#,
        );
        let c = vec![Kind::Completed];
        assert_eq!(k, [c.clone(), vec![], c, vec![], vec![], vec![]]);
    }

    #[test]
    fn started_since() {
        let k = kinds(
            r#"[{"id": "by-update", "title": "a", "status": "in_progress", "updates": [{"date": "2026-07-01", "status": "not_started"}]},
                {"id": "by-start", "title": "a", "status": "in_progress", "start": "2026-10-01"},
                {"id": "started-before", "title": "a", "status": "in_progress", "start": "2026-09-15"},
                {"id": "unknown", "title": "a", "status": "in_progress"},
                {"id": "still-not", "title": "a", "status": "not_started", "start": "2026-12-01"}]"#,
        );
        assert_eq!(
            k,
            [
                vec![Kind::Started],
                vec![Kind::Started],
                vec![],
                vec![],
                vec![]
            ]
        );
    }

    #[test]
    fn withdrawn_since() {
        let k = kinds(
            r#"[{"id": "w", "title": "a", "status": "withdrawn", "updates": [{"date": "2026-09-15", "status": "in_progress"}]},
                {"id": "already", "title": "a", "status": "withdrawn", "updates": [{"date": "2026-08-01", "status": "withdrawn"}]},
                {"id": "unknown", "title": "a", "status": "withdrawn"},
                {"id": "not-started-then", "title": "a", "status": "withdrawn", "start": "2027-01-01"}]"#,
        );
        assert_eq!(
            k,
            [vec![Kind::Withdrawn], vec![], vec![], vec![Kind::Withdrawn]]
        );
    }

    #[test]
    fn rag_better_and_worse_best_first_blue_green_amber_red() {
        let k = kinds(
            r#"[{"id": "worse", "title": "a", "status": "in_progress", "rag": "red", "updates": [{"date": "2026-09-01", "rag": "amber"}]},
                {"id": "better", "title": "a", "status": "complete", "completed": "2026-08-01", "rag": "blue", "updates": [{"date": "2026-09-01", "rag": "green"}]},
                {"id": "same", "title": "a", "status": "in_progress", "rag": "amber", "updates": [{"date": "2026-09-01", "rag": "amber"}]},
                {"id": "none-then", "title": "a", "status": "in_progress", "rag": "red", "updates": [{"date": "2026-09-16", "rag": "green"}]},
                {"id": "none-now", "title": "a", "status": "in_progress", "updates": [{"date": "2026-09-01", "rag": "green"}]}]"#,
        );
        assert_eq!(
            k,
            [
                vec![Kind::RagWorse],
                vec![Kind::RagBetter],
                vec![],
                vec![],
                vec![]
            ]
        );
    }

    #[test]
    fn slipped_compares_effective_due_dates() {
        let k = kinds(
            r#"[{"id": "revised-since", "title": "a", "status": "in_progress", "due": "2027-01-31", "revised_due": "2027-03-31"},
                {"id": "revised-again", "title": "a", "status": "in_progress", "due": "2027-01-31", "revised_due": "2027-06-30",
                 "updates": [{"date": "2026-09-01", "revised_due": "2027-03-31"}, {"date": "2026-10-01", "revised_due": "2027-06-30"}]},
                {"id": "revised-before", "title": "a", "status": "in_progress", "due": "2027-01-31", "revised_due": "2027-03-31",
                 "updates": [{"date": "2026-09-01", "revised_due": "2027-03-31"}]},
                {"id": "brought-forward", "title": "a", "status": "in_progress", "due": "2027-01-31", "revised_due": "2026-12-31"},
                {"id": "no-due-then", "title": "a", "status": "in_progress", "revised_due": "2027-03-31"}]"#,
        );
        let s = vec![Kind::Slipped];
        assert_eq!(k, [s.clone(), s, vec![], vec![], vec![]]);
    }

    #[test]
    fn newly_overdue() {
        let k = kinds(
            r#"[{"id": "due-after-d", "title": "a", "status": "in_progress", "due": "2026-10-01"},
                {"id": "due-on-d", "title": "a", "status": "in_progress", "due": "2026-09-15"},
                {"id": "overdue-at-d", "title": "a", "status": "in_progress", "due": "2026-09-14"},
                {"id": "was-complete", "title": "a", "status": "in_progress", "due": "2026-10-01", "updates": [{"date": "2026-09-01", "status": "complete"}]},
                {"id": "not-overdue-now", "title": "a", "status": "in_progress", "due": "2026-10-31"},
                {"id": "revised-at-d", "title": "a", "status": "in_progress", "due": "2026-08-31", "updates": [{"date": "2026-09-01", "revised_due": "2026-09-30"}]}]"#,
        );
        let n = vec![Kind::NewlyOverdue];
        assert_eq!(k, [n.clone(), n.clone(), vec![], vec![], vec![], n]);
    }

    #[test]
    fn an_update_on_the_date_itself_counts_as_then_and_later_ones_do_not() {
        let f = feed(
            r#"[{"id": "1", "title": "a", "status": "complete", "completed": "2026-10-20", "rag": "blue", "progress": 100,
                 "updates": [{"date": "2026-10-20", "status": "complete", "rag": "blue", "progress": 100},
                             {"date": "2026-09-15", "status": "in_progress", "progress": 60},
                             {"date": "2026-09-15", "rag": "red"},
                             {"date": "2026-06-01", "status": "not_started", "rag": "green", "progress": 0}]}]"#,
            "[]",
        );
        let a = &f.actions[0];
        let then = state_at(a, d("2026-09-15"));
        assert_eq!(then.status, Some(Status::InProgress));
        assert_eq!(then.rag, Some(Rag::Red));
        assert_eq!(then.progress, Some(60.0));
        let c = action_change(a, d("2026-09-15"), f.as_of);
        assert_eq!(c.kinds, [Kind::Completed, Kind::RagBetter]);
        assert_eq!(c.progress, Some(40.0));
        // The day before, the June update is the latest.
        assert_eq!(
            state_at(a, d("2026-09-14")).status,
            Some(Status::NotStarted)
        );
        // No update on or before the date: nothing known but what the dates say.
        assert_eq!(state_at(a, d("2026-05-31")), StateAt::default());
    }

    #[test]
    fn an_action_added_after_the_date_counts_only_as_new() {
        let f = feed(
            r#"[{"id": "new", "title": "a", "status": "complete", "completed": "2026-10-20", "added": "2026-09-20", "due": "2026-10-01", "rag": "blue",
                 "updates": [{"date": "2026-09-20", "status": "not_started", "rag": "red"}]},
                {"id": "added-on-d", "title": "a", "status": "complete", "completed": "2026-10-20", "added": "2026-09-15"},
                {"id": "late-new", "title": "a", "status": "in_progress", "added": "2026-09-20", "due": "2026-10-01"}]"#,
            "[]",
        );
        let c = Changes::of(&f, d("2026-09-15"));
        assert_eq!(
            c.actions,
            ActionCounts {
                new: 2,
                completed: 1,
                ..Default::default()
            }
        );
    }

    fn indicator(polarity: &str, target: &str, values: &str) -> String {
        format!(
            r#"{{"id": "ID", "name": "n", "unit": "percent", "polarity": "{polarity}", {target} "values": {values}}}"#
        )
    }

    #[test]
    fn indicators_improved_worsened_changed_and_their_targets() {
        let t = r#""target": {"value": 80},"#;
        let inds = [
            // improved and now meets: 2026-Q2 ends 30 June, before D; 2026-09 ends after D.
            indicator(
                "higher_is_better",
                t,
                r#"[{"period": "2026-Q2", "value": 78}, {"period": "2026-09", "value": 81}]"#,
            ),
            // worsened and no longer meets (lower is better).
            indicator(
                "lower_is_better",
                t,
                r#"[{"period": "2026-08", "value": 79}, {"period": "2026-10", "value": 85.5}]"#,
            ),
            // neutral: changed.
            indicator(
                "neutral",
                "",
                r#"[{"period": "2026-08-31", "value": 5}, {"period": "2026-10-31", "value": 6}]"#,
            ),
            // the figure by D is suppressed: the one before it is used; the latest now is suppressed: skipped.
            indicator(
                "higher_is_better",
                "",
                r#"[{"period": "2026-06", "value": 50}, {"period": "2026-09-15", "value": null, "suppressed": true},
                                                  {"period": "2026-10", "value": 55}, {"period": "2026-10-30", "value": null, "suppressed": true}]"#,
            ),
            // no figure by D: not compared.
            indicator(
                "higher_is_better",
                t,
                r#"[{"period": "2026-Q3", "value": 70}, {"period": "2026-10", "value": 90}]"#,
            ),
            // the same figure: not moved.
            indicator(
                "higher_is_better",
                t,
                r#"[{"period": "2026-Q2", "value": 70}, {"period": "2026-10", "value": 70}]"#,
            ),
        ];
        let numbered: Vec<String> = inds
            .iter()
            .enumerate()
            .map(|(k, i)| i.replace("\"ID\"", &format!("\"i{k}\"")))
            .collect();
        let f = feed("[]", &format!("[{}]", numbered.join(",")));
        let c = Changes::of(&f, d("2026-09-15"));
        assert_eq!(
            c.indicators,
            IndicatorCounts {
                improved: 2,
                worsened: 1,
                changed: 1,
                now_meeting: 1,
                no_longer_meeting: 1
            }
        );
        let moved: Vec<Option<Movement>> = f
            .indicators
            .iter()
            .map(|i| indicator_change(i, d("2026-09-15")).and_then(|c| c.movement))
            .collect();
        assert_eq!(
            moved,
            [
                Some(Movement::Improved),
                Some(Movement::Worsened),
                Some(Movement::Changed),
                Some(Movement::Improved),
                None,
                None
            ]
        );
        let fourth = indicator_change(&f.indicators[3], d("2026-09-15")).unwrap();
        assert_eq!(
            (fourth.then.value, fourth.now.value),
            (Some(50.0), Some(55.0))
        );
        assert!(indicator_change(&f.indicators[4], d("2026-09-15")).is_none());
    }

    #[test]
    fn the_summary_carries_the_counts_and_the_meeting() {
        let f = feed(
            r#"[{"id": "1", "title": "a", "status": "complete", "completed": "2026-10-01"},
                {"id": "2", "title": "a", "status": "in_progress", "start": "2026-10-01", "due": "2026-10-15"}]"#,
            "[]",
        );
        let s = crate::summary::Summary::of(&f, 0, 0);
        let v = serde_json::to_value(&s).unwrap();
        assert_eq!(
            v["changes"],
            serde_json::json!({"since": "2026-09-15", "meeting": "m2",
              "actions": {"new": 0, "completed": 1, "started": 1, "withdrawn": 0, "rag_worse": 0, "rag_better": 0, "slipped": 0, "newly_overdue": 1},
              "indicators": {"improved": 0, "worsened": 0, "changed": 0, "now_meeting": 0, "no_longer_meeting": 0}})
        );
    }
}
