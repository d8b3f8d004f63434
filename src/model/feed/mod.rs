//! The council feed, version 1, as Rust types.
//!
//! These types are the one description of `feed-v1.md` in the code: the validator builds
//! them from the JSON text, every view reads them, and the published JSON Schema is generated
//! from them (`schema()`), so the schema cannot drift from what the widget understands.
//! Optional keys are `Option`s or lists that default to empty; references are ids (strings)
//! that the validator has checked resolve to the right list.

use crate::date::{Date, Period};
use crate::lang::Lang;
use schemars::JsonSchema;
use std::collections::{HashMap, HashSet};

mod enums;
mod schema;

pub use enums::*;
pub use schema::schema;
use schema::Day;

/// An id, or a reference to an id in another list.
pub type Id = String;

/// A whole feed: what the widget shows.
#[derive(Debug, Clone, PartialEq, JsonSchema)]
#[schemars(title = "Council inspection and improvement plan feed, version 1")]
pub struct Feed {
    /// `"1.0"`, `"1.1"`, ...: the feed format version.
    #[schemars(regex(pattern = r"^1\.[0-9]+$"))]
    pub schema_version: String,
    /// Who publishes the feed.
    pub publisher: Publisher,
    /// The date the data is true at; "overdue" and "due soon" are judged against it.
    #[schemars(with = "Day")]
    pub as_of: Date,
    /// When this file was published.
    #[serde(default)]
    #[schemars(with = "Option<Day>")]
    pub published: Option<Date>,
    /// The improvement plan.
    pub plan: Plan,
    /// Inspections, monitoring visits and self-evaluations.
    #[serde(default)]
    pub inspections: Vec<Inspection>,
    /// What inspectors found.
    #[serde(default)]
    pub findings: Vec<Finding>,
    /// The plan's key actions or workstreams.
    #[serde(default)]
    pub priorities: Vec<Priority>,
    /// The plan's actions and sub-actions (may be empty).
    pub actions: Vec<Action>,
    /// Performance indicators.
    #[serde(default)]
    pub indicators: Vec<Indicator>,
    /// The governance trail: where progress was reported.
    #[serde(default)]
    pub meetings: Vec<Meeting>,
    /// Where each item stands in its list, by id (made when the feed is read).
    #[schemars(skip)]
    pub(crate) ids: Ids,
}

/// Where each action, priority, finding, indicator and meeting stands in its list, by id:
/// worked out once when the feed is read, so that following a reference never scans a list.
/// (A feed may hold 100,000 priorities; looking each action's up by scanning made the summary
/// quadratic: 4.5 s for 60,000.)
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Ids {
    actions: HashMap<String, usize>,
    priorities: HashMap<String, usize>,
    findings: HashMap<String, usize>,
    indicators: HashMap<String, usize>,
    meetings: HashMap<String, usize>,
    /// The actions of each priority, in feed order.
    by_priority: HashMap<String, Vec<usize>>,
    /// Each comparator name (in English, or as written), numbered in order of first use.
    comparators: HashMap<String, usize>,
    /// The findings each priority names, by the priority's place in `priorities`.
    priority_findings: Vec<HashSet<String>>,
    /// Whether any action has a sign-off date (then complete ones without are awaiting it).
    signs_off: bool,
}

impl Ids {
    /// The first item with each id (the validator leaves out later ones).
    fn of<'a>(ids: impl ExactSizeIterator<Item = &'a String>) -> HashMap<String, usize> {
        let mut map = HashMap::with_capacity(ids.len());
        for (i, id) in ids.enumerate() {
            if !map.contains_key(id) {
                map.insert(id.clone(), i);
            }
        }
        map
    }
}

impl Feed {
    /// The feed with its lookups by id made: call once its lists are final.
    pub(crate) fn indexed(mut self) -> Feed {
        self.ids = Ids {
            actions: Ids::of(self.actions.iter().map(|a| &a.id)),
            priorities: Ids::of(self.priorities.iter().map(|p| &p.id)),
            findings: Ids::of(self.findings.iter().map(|f| &f.id)),
            indicators: Ids::of(self.indicators.iter().map(|i| &i.id)),
            meetings: Ids::of(self.meetings.iter().map(|m| &m.id)),
            by_priority: HashMap::new(),
            comparators: HashMap::new(),
            signs_off: self.actions.iter().any(|a| a.signed_off.is_some()),
            priority_findings: self
                .priorities
                .iter()
                .map(|p| p.findings.iter().cloned().collect())
                .collect(),
        };
        for c in self.indicators.iter().flat_map(|i| &i.comparators) {
            let next = self.ids.comparators.len();
            let name = c.name.show(Lang::En).to_string();
            self.ids.comparators.entry(name).or_insert(next);
        }
        for (i, a) in self.actions.iter().enumerate() {
            if let Some(p) = &a.priority {
                match self.ids.by_priority.get_mut(p) {
                    Some(actions) => actions.push(i),
                    None => {
                        self.ids.by_priority.insert(p.clone(), vec![i]);
                    }
                }
            }
        }
        self
    }

    /// Where action `id` stands in `actions`.
    pub(crate) fn action_index(&self, id: &str) -> Option<usize> {
        self.ids.actions.get(id).copied()
    }

    /// Where comparator `name` first appears among all the feed's comparators (counting each
    /// name once), so that a comparator such as England is drawn alike on every chart.
    pub fn comparator_rank(&self, name: &Text) -> Option<usize> {
        self.ids.comparators.get(name.show(Lang::En)).copied()
    }

    /// The distinct findings priority `id` names (none for an unknown priority).
    pub fn findings_of_priority(&self, id: &str) -> Option<&HashSet<String>> {
        self.priority_index(id)
            .map(|k| self.findings_of_priority_at(k))
    }

    /// Where priority `id` stands in `priorities`.
    pub fn priority_index(&self, id: &str) -> Option<usize> {
        self.ids.priorities.get(id).copied()
    }

    /// The distinct findings the priority at `k` in `priorities` names.
    pub fn findings_of_priority_at(&self, k: usize) -> &HashSet<String> {
        &self.ids.priority_findings[k]
    }

    /// The actions of priority `id`, in feed order.
    pub fn actions_in(&self, priority: &str) -> impl Iterator<Item = &Action> {
        self.action_indexes_in(priority)
            .iter()
            .map(|&i| &self.actions[i])
    }

    /// Where the actions of priority `id` stand in `actions`, in feed order.
    pub fn action_indexes_in(&self, priority: &str) -> &[usize] {
        self.ids
            .by_priority
            .get(priority)
            .map_or(&[], Vec::as_slice)
    }

    /// True when some action still to do (open, not ongoing) has a due date: only then can
    /// the page say how many are overdue rather than that none has a due date.
    pub fn any_due(&self) -> bool {
        self.actions
            .iter()
            .any(|a| a.is_open() && !a.is_ongoing() && a.effective_due().is_some())
    }

    /// The action with id `id`.
    pub fn action(&self, id: &str) -> Option<&Action> {
        self.ids.actions.get(id).map(|&i| &self.actions[i])
    }

    /// The priority with id `id`.
    pub fn priority(&self, id: &str) -> Option<&Priority> {
        self.ids.priorities.get(id).map(|&i| &self.priorities[i])
    }

    /// The finding with id `id`.
    pub fn finding(&self, id: &str) -> Option<&Finding> {
        self.ids.findings.get(id).map(|&i| &self.findings[i])
    }

    /// The indicator with id `id`.
    pub fn indicator(&self, id: &str) -> Option<&Indicator> {
        self.ids.indicators.get(id).map(|&i| &self.indicators[i])
    }

    /// True when any action has a sign-off date: the council signs actions off, so a
    /// complete action without one is awaiting it.
    pub fn signs_off(&self) -> bool {
        self.ids.signs_off
    }

    /// The meeting with id `id`.
    pub fn meeting(&self, id: &str) -> Option<&Meeting> {
        self.ids.meetings.get(id).map(|&i| &self.meetings[i])
    }
}

/// Plain text, or the same text in English and Welsh.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Text {
    /// A plain string, in whatever language the council wrote it.
    Plain(String),
    /// `{"en": "…", "cy": "…"}` with at least one present.
    Bilingual {
        /// English.
        en: Option<String>,
        /// Welsh (Cymraeg).
        cy: Option<String>,
    },
}

impl Text {
    /// The text to show a reader of `lang`: that language if given, else the other.
    /// The second value is the language of the text when it is known to differ from the
    /// page's (so the view can mark it with `lang` for screen readers).
    pub fn get(&self, lang: Lang) -> (&str, Option<Lang>) {
        match self {
            Text::Plain(s) => (s, None),
            Text::Bilingual { en, cy } => {
                let (want, other, other_lang) = match lang {
                    Lang::En => (en, cy, Lang::Cy),
                    Lang::Cy => (cy, en, Lang::En),
                };
                match (want, other) {
                    (Some(s), _) => (s, None),
                    (None, Some(s)) => (s, Some(other_lang)),
                    (None, None) => ("", None),
                }
            }
        }
    }

    /// The text in `lang` (falling back to the other language), without the language mark.
    pub fn show(&self, lang: Lang) -> &str {
        self.get(lang).0
    }

    /// Every language version of the text, for searching.
    pub fn all(&self) -> impl Iterator<Item = &str> {
        let (a, b) = match self {
            Text::Plain(s) => (Some(s.as_str()), None),
            Text::Bilingual { en, cy } => (en.as_deref(), cy.as_deref()),
        };
        a.into_iter().chain(b)
    }
}

impl From<&str> for Text {
    fn from(s: &str) -> Text {
        Text::Plain(s.to_string())
    }
}

/// An absolute `http:` or `https:` address (checked by the validator).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Url(pub String);

/// Who publishes the feed.
#[derive(Debug, Clone, PartialEq, JsonSchema)]
pub struct Publisher {
    /// The council's name.
    pub name: Text,
    /// The council's website.
    #[serde(default)]
    pub url: Option<Url>,
    /// Where to send questions about the data.
    #[serde(default)]
    pub contact_email: Option<String>,
}

/// The improvement plan.
#[derive(Debug, Clone, PartialEq, JsonSchema)]
pub struct Plan {
    /// The council's reference for the plan.
    #[serde(default)]
    pub id: Option<String>,
    /// Its title.
    pub title: Text,
    /// A short summary.
    #[serde(default)]
    pub summary: Option<Text>,
    /// When it was approved.
    #[serde(default)]
    pub approved: Option<Date>,
    /// Who approved it, e.g. "Cabinet".
    #[serde(default)]
    pub approved_by: Option<Text>,
    /// When it is next reviewed.
    #[serde(default)]
    pub next_review: Option<Date>,
    /// The full plan on the council's site.
    #[serde(default)]
    pub url: Option<Url>,
    /// What the council means by each RAG rating.
    #[serde(default)]
    pub rag_definitions: Option<RagDefinitions>,
    /// (1.1) Where the plan stands: draft, submitted to the inspectorate, approved or closed.
    #[serde(default)]
    pub status: Option<PlanStatus>,
    /// (1.1) When the plan must reach the inspectorate (e.g. Ofsted's deadline).
    #[serde(default)]
    pub submit_by: Option<Date>,
    /// (1.1) When the plan was sent to the inspectorate.
    #[serde(default)]
    pub submitted: Option<Date>,
}

/// What the council means by each RAG rating: the legend wherever RAG appears.
#[derive(Debug, Clone, PartialEq, Default, JsonSchema)]
pub struct RagDefinitions {
    /// Red.
    #[serde(default)]
    pub red: Option<Text>,
    /// Amber.
    #[serde(default)]
    pub amber: Option<Text>,
    /// Green.
    #[serde(default)]
    pub green: Option<Text>,
    /// Blue (complete).
    #[serde(default)]
    pub blue: Option<Text>,
}

impl RagDefinitions {
    /// The council's definition of `rag`, if it gave one.
    pub fn get(&self, rag: Rag) -> Option<&Text> {
        match rag {
            Rag::Red => self.red.as_ref(),
            Rag::Amber => self.amber.as_ref(),
            Rag::Green => self.green.as_ref(),
            Rag::Blue => self.blue.as_ref(),
        }
    }
}

/// An inspection, monitoring visit or self-evaluation.
#[derive(Debug, Clone, PartialEq, JsonSchema)]
pub struct Inspection {
    /// Unique among inspections.
    #[schemars(length(min = 1))]
    pub id: Id,
    /// Who inspected.
    pub inspectorate: Inspectorate,
    /// What kind of inspection.
    #[serde(rename = "type")]
    pub kind: InspectionType,
    /// E.g. "Fourth monitoring visit".
    #[serde(default)]
    pub title: Option<Text>,
    /// First day of fieldwork.
    #[serde(default)]
    pub start: Option<Date>,
    /// Last day of fieldwork (not before `start`).
    #[serde(default)]
    pub end: Option<Date>,
    /// When the report was published.
    #[serde(default)]
    #[schemars(with = "Option<Day>")]
    pub published: Option<Date>,
    /// The report.
    #[serde(default)]
    pub report_url: Option<Url>,
    /// The judgements made.
    #[serde(default)]
    pub judgements: Vec<Judgement>,
    /// A summary of the report.
    #[serde(default)]
    pub summary: Option<Text>,
}

/// A graded judgement.
#[derive(Debug, Clone, PartialEq, JsonSchema)]
pub struct Judgement {
    /// The area judged.
    pub area: Area,
    /// The grade given.
    pub grade: Grade,
    /// The area's name; required when `area` is `other`.
    #[serde(default)]
    pub label: Option<Text>,
}

/// Something an inspection found.
#[derive(Debug, Clone, PartialEq, JsonSchema)]
pub struct Finding {
    /// Unique among findings.
    #[schemars(length(min = 1))]
    pub id: Id,
    /// The inspection that found it.
    #[serde(default)]
    #[schemars(length(min = 1))]
    pub inspection: Option<Id>,
    /// What kind of finding.
    pub kind: FindingKind,
    /// The judgement area it concerns.
    #[serde(default)]
    pub area: Option<Area>,
    /// The finding's words.
    pub text: Text,
    /// (1.1) The council's response: how it is being addressed, context, or where it disagrees.
    #[serde(default)]
    pub response: Option<Text>,
}

/// A key action or workstream of the plan.
#[derive(Debug, Clone, PartialEq, JsonSchema)]
pub struct Priority {
    /// Unique among priorities.
    #[schemars(length(min = 1))]
    pub id: Id,
    /// Its title.
    pub title: Text,
    /// What it is about.
    #[serde(default)]
    pub description: Option<Text>,
    /// The accountable role.
    #[serde(default)]
    pub lead: Option<Text>,
    /// Findings it answers.
    #[serde(default)]
    #[schemars(inner(length(min = 1)))]
    pub findings: Vec<Id>,
}

/// An action or sub-action of the plan.
#[derive(Debug, Clone, PartialEq, JsonSchema)]
pub struct Action {
    /// As the council numbers it, e.g. "1.3".
    #[schemars(length(min = 1))]
    pub id: Id,
    /// The priority it belongs to.
    #[serde(default)]
    #[schemars(length(min = 1))]
    pub priority: Option<Id>,
    /// The action this is a sub-action of.
    #[serde(default)]
    #[schemars(length(min = 1))]
    pub parent: Option<Id>,
    /// Its title.
    pub title: Text,
    /// What will be done.
    #[serde(default)]
    pub description: Option<Text>,
    /// Findings it answers (in addition to its priority's).
    #[serde(default)]
    #[schemars(inner(length(min = 1)))]
    pub findings: Vec<Id>,
    /// The accountable role.
    #[serde(default)]
    pub lead: Option<Text>,
    /// The team doing it.
    #[serde(default)]
    pub team: Option<Text>,
    /// Start date.
    #[serde(default)]
    pub start: Option<Date>,
    /// Original due date.
    #[serde(default)]
    pub due: Option<Date>,
    /// Revised due date: replaces `due` for lateness.
    #[serde(default)]
    pub revised_due: Option<Date>,
    /// When it was completed.
    #[serde(default)]
    pub completed: Option<Date>,
    /// (1.1) When the action entered the plan (e.g. added after a monitoring visit): an action
    /// added after the comparison date is counted only as new.
    #[serde(default)]
    pub added: Option<Date>,
    /// Where it stands.
    pub status: Status,
    /// RAG rating.
    #[serde(default)]
    pub rag: Option<Rag>,
    /// Percent done, 0–100.
    #[serde(default)]
    #[schemars(range(min = 0, max = 100))]
    pub progress: Option<f64>,
    /// How success will be judged.
    #[serde(default)]
    pub success_measures: Vec<Text>,
    /// Milestones.
    #[serde(default)]
    pub milestones: Vec<Milestone>,
    /// Progress updates, in any order.
    #[serde(default)]
    pub updates: Vec<Update>,
    /// Indicators that show its impact.
    #[serde(default)]
    #[schemars(inner(length(min = 1)))]
    pub indicators: Vec<Id>,
    /// What shows it was done.
    #[serde(default)]
    pub evidence: Vec<Evidence>,
    /// When completion was verified.
    #[serde(default)]
    pub signed_off: Option<Date>,
    /// (1.1) The number readers see, when the id is not it (numbers need not be unique).
    #[serde(default)]
    pub number: Option<String>,
    /// (1.1) How often work with no end recurs, e.g. "every six weeks": the action is ongoing.
    #[serde(default)]
    pub recurrence: Option<Text>,
}

impl Action {
    /// `revised_due`, else `due`: the date lateness is judged by.
    pub fn effective_due(&self) -> Option<Date> {
        self.revised_due.or(self.due)
    }

    /// Still to be done (neither complete nor withdrawn).
    pub fn is_open(&self) -> bool {
        matches!(self.status, Status::NotStarted | Status::InProgress)
    }

    /// The number readers see: `number`, else the id.
    pub fn number(&self) -> &str {
        self.number.as_deref().unwrap_or(&self.id)
    }

    /// (1.1) Work that goes on with no end: has a `recurrence` and is still open. Never
    /// overdue or due soon, and left out of completion percentages like a withdrawn action.
    pub fn is_ongoing(&self) -> bool {
        self.recurrence.is_some() && self.is_open()
    }

    /// Open, not ongoing, and its effective due date is before `as_of`.
    pub fn is_overdue(&self, as_of: Date) -> bool {
        self.is_open() && !self.is_ongoing() && self.effective_due().is_some_and(|d| d < as_of)
    }

    /// Open, not ongoing, and its effective due date is on `as_of` or at most 30 days after.
    pub fn is_due_soon(&self, as_of: Date) -> bool {
        self.is_open()
            && !self.is_ongoing()
            && self
                .effective_due()
                .is_some_and(|d| d >= as_of && as_of.days_until(d) <= 30)
    }
}

/// A step on the way to completing an action.
#[derive(Debug, Clone, PartialEq, JsonSchema)]
pub struct Milestone {
    /// What the step is.
    pub title: Text,
    /// When it is due.
    #[serde(default)]
    pub due: Option<Date>,
    /// When it was reached.
    #[serde(default)]
    pub completed: Option<Date>,
}

/// A dated progress update on an action.
#[derive(Debug, Clone, PartialEq, JsonSchema)]
pub struct Update {
    /// When.
    pub date: Date,
    /// What was reported.
    #[serde(default)]
    pub text: Option<Text>,
    /// The status at that date.
    #[serde(default)]
    pub status: Option<Status>,
    /// The RAG rating at that date.
    #[serde(default)]
    pub rag: Option<Rag>,
    /// Percent done at that date.
    #[serde(default)]
    #[schemars(range(min = 0, max = 100))]
    pub progress: Option<f64>,
    /// (1.1) The revised due date as of that update (not before the action's start): how a
    /// slipped date is seen.
    #[serde(default)]
    pub revised_due: Option<Date>,
    /// The meeting it was reported to.
    #[serde(default)]
    #[schemars(length(min = 1))]
    pub meeting: Option<Id>,
}

/// What shows an action was done.
#[derive(Debug, Clone, PartialEq, JsonSchema)]
pub struct Evidence {
    /// What it is.
    pub text: Text,
    /// Where to read it.
    #[serde(default)]
    pub url: Option<Url>,
}

/// A performance indicator.
#[derive(Debug, Clone, PartialEq, JsonSchema)]
pub struct Indicator {
    /// Unique among indicators.
    #[schemars(length(min = 1))]
    pub id: Id,
    /// What it measures.
    pub name: Text,
    /// How it is measured.
    pub unit: Unit,
    /// Which way is better.
    pub polarity: Polarity,
    /// The target.
    #[serde(default)]
    pub target: Option<Target>,
    /// The council's figures.
    #[serde(default)]
    pub values: Vec<Value>,
    /// Figures to compare with, e.g. England, statistical neighbours.
    #[serde(default)]
    pub comparators: Vec<Comparator>,
    /// Where the figures come from.
    #[serde(default)]
    pub source: Option<Text>,
    /// What the indicator means.
    #[serde(default)]
    pub description: Option<Text>,
}

impl Indicator {
    /// The value whose period ends last, skipping suppressed ones.
    pub fn latest(&self) -> Option<&Value> {
        latest(&self.values)
    }
}

/// The value with the latest-ending period among those that have a figure.
pub fn latest(values: &[Value]) -> Option<&Value> {
    values
        .iter()
        .filter(|v| v.value.is_some())
        .max_by_key(|v| v.period.end())
}

/// An indicator's target.
#[derive(Debug, Clone, PartialEq, JsonSchema)]
pub struct Target {
    /// The figure to reach.
    pub value: f64,
    /// By when.
    #[serde(default)]
    pub by: Option<Date>,
}

/// One figure of an indicator for one period.
#[derive(Debug, Clone, PartialEq, JsonSchema)]
pub struct Value {
    /// The period it covers.
    pub period: Period,
    /// The figure; `null` (and `suppressed: true`) when withheld.
    pub value: Option<f64>,
    /// Withheld because it is small enough to identify children.
    #[serde(default)]
    pub suppressed: bool,
    /// A note on the figure.
    #[serde(default)]
    pub note: Option<Text>,
    /// (1.1) The figure is approximate, as in "about 60".
    #[serde(default)]
    pub approximate: bool,
    /// (1.1) The figure split into parts (children by how many social workers they have had).
    #[serde(default)]
    pub breakdown: Vec<Part>,
}

/// (1.1) One part of a figure's breakdown.
#[derive(Debug, Clone, PartialEq, JsonSchema)]
pub struct Part {
    /// (1.1) What the part counts, e.g. "9 or more".
    pub label: Text,
    /// (1.1) The part's figure; `null` (and `suppressed: true`) when withheld.
    pub value: Option<f64>,
    /// (1.1) Withheld because it is small enough to identify children.
    #[serde(default)]
    pub suppressed: bool,
}

/// Figures to compare an indicator with.
#[derive(Debug, Clone, PartialEq, JsonSchema)]
pub struct Comparator {
    /// E.g. "England".
    pub name: Text,
    /// Its figures.
    #[serde(default)]
    pub values: Vec<Value>,
}

/// A meeting where progress was reported.
#[derive(Debug, Clone, PartialEq, JsonSchema)]
pub struct Meeting {
    /// Unique among meetings.
    #[schemars(length(min = 1))]
    pub id: Id,
    /// When.
    #[schemars(with = "Day")]
    pub date: Date,
    /// E.g. "Overview and Scrutiny Committee".
    pub body: Text,
    /// The agenda item.
    #[serde(default)]
    pub title: Option<Text>,
    /// The minutes or report.
    #[serde(default)]
    pub url: Option<Url>,
    /// E.g. "Noted".
    #[serde(default)]
    pub outcome: Option<Text>,
    /// (1.1) What the committee asked for.
    #[serde(default)]
    pub follow_ups: Vec<FollowUp>,
}

/// (1.1) Something a meeting asked for: "a report on agency spend to the next meeting".
#[derive(Debug, Clone, PartialEq, JsonSchema)]
pub struct FollowUp {
    /// (1.1) What was asked for.
    pub text: Text,
    /// (1.1) Who is to do it.
    #[serde(default)]
    pub lead: Option<Text>,
    /// (1.1) When it is due.
    #[serde(default)]
    pub due: Option<Date>,
    /// (1.1) When it was done.
    #[serde(default)]
    pub done: Option<Date>,
}

impl FollowUp {
    /// Not done, and due before `as_of`.
    pub fn is_overdue(&self, as_of: Date) -> bool {
        self.done.is_none() && self.due.is_some_and(|d| d < as_of)
    }
}
