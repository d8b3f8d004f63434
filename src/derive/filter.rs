//! Which actions a reader asked to see, in what order, and how that is kept in the page URL.
//!
//! Filters combine as `embedding.md` says: AND across kinds, OR within one kind. The reader's
//! whole state (view, filters, sort, page, opened actions) round-trips through the URL
//! fragment, namespaced per tracker so several on one page keep their own state. The
//! per-action search text and facts are worked out once per feed ([`Index`]) so a keystroke
//! only scans prepared strings.
//!
//! This file holds the filters, their kinds and the index that answers them; the reader's
//! state, its URL form and the controls that change it are in `filter/state.rs`, re-exported
//! here (`filter::State`).

use crate::case::lower;
use crate::changes::{self, Kind};
use crate::date::Date;
use crate::feed::{Action, Area, Feed, Rag, Status};
use crate::lang::Lang;
use crate::relations;
use crate::sort;
use serde::Serialize;
use std::cell::RefCell;
use std::collections::HashMap;

mod state;

pub use state::{
    decode, encode, find_act, go_act, typed_date, Effect, State, MAX_FRAGMENT, MAX_SEARCH,
    MAX_VALUES,
};

/// The widget's views.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum View {
    /// Headline progress.
    #[default]
    Overview,
    /// The filterable action list.
    Actions,
    /// Findings and the actions that answer them.
    Findings,
    /// Performance indicators.
    Indicators,
}

impl View {
    /// Every view, in tab order.
    pub const ALL: [View; 4] = [
        View::Overview,
        View::Actions,
        View::Findings,
        View::Indicators,
    ];

    /// The word used in the `view` attribute and the URL.
    pub fn word(self) -> &'static str {
        match self {
            View::Overview => "overview",
            View::Actions => "actions",
            View::Findings => "findings",
            View::Indicators => "indicators",
        }
    }

    /// The view for a word; `None` for anything else.
    pub fn from_word(s: &str) -> Option<View> {
        View::ALL.into_iter().find(|v| v.word() == s)
    }
}

/// A kind of filter. Its word names it in the URL (`t.status=complete`) and in a control's
/// `data-act` (`toggle:status:complete`): written once, in [`FilterKind::word`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FilterKind {
    /// Priority ids.
    Priority,
    /// Judgement areas (of the findings an action answers).
    Area,
    /// Statuses.
    Status,
    /// RAG ratings.
    Rag,
    /// Leads, as written in the feed.
    Lead,
    /// Due windows.
    Due,
    /// Finding ids.
    Finding,
    /// (1.1) Kinds of change since the comparison date.
    Changed,
}

impl FilterKind {
    /// Every kind, in the order the URL lists them.
    pub const ALL: [FilterKind; 8] = [
        FilterKind::Priority,
        FilterKind::Area,
        FilterKind::Status,
        FilterKind::Rag,
        FilterKind::Lead,
        FilterKind::Due,
        FilterKind::Finding,
        FilterKind::Changed,
    ];

    /// The word in the URL and in `data-act`.
    pub fn word(self) -> &'static str {
        match self {
            FilterKind::Priority => "priority",
            FilterKind::Area => "area",
            FilterKind::Status => "status",
            FilterKind::Rag => "rag",
            FilterKind::Lead => "lead",
            FilterKind::Due => "due",
            FilterKind::Finding => "finding",
            FilterKind::Changed => "changed",
        }
    }

    /// The kind for a word; `None` for anything else.
    pub fn from_word(s: &str) -> Option<FilterKind> {
        FilterKind::ALL.into_iter().find(|k| k.word() == s)
    }
}

/// When an open action is due, relative to `as_of`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Due {
    /// Effective due date before `as_of`.
    Overdue,
    /// On `as_of` or up to 30 days after.
    #[serde(rename = "next_30_days")]
    Next30,
    /// More than 30 days after `as_of`.
    Later,
    /// (1.1) Work with no end (`recurrence`): never overdue or due soon.
    Ongoing,
}

impl Due {
    /// Every window.
    pub const ALL: [Due; 4] = [Due::Overdue, Due::Next30, Due::Later, Due::Ongoing];

    /// The URL word.
    pub fn word(self) -> &'static str {
        match self {
            Due::Overdue => "overdue",
            Due::Next30 => "next_30_days",
            Due::Later => "later",
            Due::Ongoing => "ongoing",
        }
    }

    /// The window for a URL word; `None` for anything else.
    pub fn from_word(s: &str) -> Option<Due> {
        Due::ALL.into_iter().find(|d| d.word() == s)
    }

    /// The window of an action, if it is open and has a due date, or (1.1) is ongoing. The
    /// windows are
    /// [`Action::is_overdue`] and [`Action::is_due_soon`], so the filter, the summary and the
    /// views can never disagree on what "overdue" or "due in the next 30 days" means.
    pub fn of(a: &Action, as_of: Date) -> Option<Due> {
        if a.is_overdue(as_of) {
            Some(Due::Overdue)
        } else if a.is_due_soon(as_of) {
            Some(Due::Next30)
        } else if a.is_ongoing() {
            Some(Due::Ongoing)
        } else if a.is_open() && a.effective_due().is_some() {
            Some(Due::Later)
        } else {
            None
        }
    }
}

/// The order of the action list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Sort {
    /// By the council's numbering, naturally (1.2 before 1.10).
    #[default]
    Number,
    /// By effective due date, soonest first; no date last.
    Due,
    /// By status: not started, in progress, complete, withdrawn.
    Status,
}

impl Sort {
    /// Every order.
    pub const ALL: [Sort; 3] = [Sort::Number, Sort::Due, Sort::Status];

    /// The URL word.
    pub fn word(self) -> &'static str {
        match self {
            Sort::Number => "number",
            Sort::Due => "due",
            Sort::Status => "status",
        }
    }
}

/// The reader's filters: empty lists mean "any".
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filters {
    /// Priority ids.
    pub priority: Vec<String>,
    /// Judgement areas (of the findings an action answers).
    pub area: Vec<Area>,
    /// Statuses.
    pub status: Vec<Status>,
    /// RAG ratings.
    pub rag: Vec<Rag>,
    /// Leads, as written in the feed (any language version).
    pub lead: Vec<String>,
    /// Due windows.
    pub due: Vec<Due>,
    /// Finding ids.
    pub finding: Vec<String>,
    /// Free text: every word must appear in the title, description, lead, team or updates.
    pub search: String,
    /// (1.1) Kinds of change since the comparison date (`feed-v1.md`, "Changes since a date").
    pub changed: Vec<Kind>,
}

impl Filters {
    /// True when nothing is chosen.
    pub fn is_empty(&self) -> bool {
        *self == Filters::default()
    }

    /// The chosen values of filter `kind` as the URL writes them: words of the format, or ids
    /// and leads as written.
    pub fn words(&self, kind: FilterKind) -> Vec<String> {
        fn each<T: Copy>(list: &[T], word: fn(T) -> &'static str) -> Vec<String> {
            list.iter().map(|&x| word(x).to_string()).collect()
        }
        match kind {
            FilterKind::Priority => self.priority.clone(),
            FilterKind::Area => each(&self.area, Area::word),
            FilterKind::Status => each(&self.status, Status::word),
            FilterKind::Rag => each(&self.rag, Rag::word),
            FilterKind::Lead => self.lead.clone(),
            FilterKind::Due => each(&self.due, Due::word),
            FilterKind::Finding => self.finding.clone(),
            FilterKind::Changed => each(&self.changed, Kind::word),
        }
    }
}

/// As `#[derive(Serialize)]` would write it (`tracker-filter-change`'s `filters`): a field per
/// kind, named by its word, with the chosen values as the URL writes them (the format's words
/// are the serialised names of its values), and `search` before `changed`, the fields' order.
/// Written by hand so that the wasm has one list serialiser, of strings, rather than one per
/// kind of value.
impl Serialize for Filters {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut out = s.serialize_struct("Filters", FilterKind::ALL.len() + 1)?;
        for kind in FilterKind::ALL {
            if kind == FilterKind::Changed {
                out.serialize_field("search", &self.search)?;
            }
            out.serialize_field(kind.word(), &self.words(kind))?;
        }
        out.end()
    }
}

/// A question put to [`Index::matching`] (filters, order, comparison date) and its answer.
type Asked = (Filters, Sort, Option<Date>, Vec<usize>);

/// What is known of each action for filtering, worked out once per feed.
pub struct Index {
    /// How many actions have each filter value: by kind (in [`FilterKind::ALL`]'s order), by
    /// URL word or id or lead. (Keyed by the string alone, the maps are the same type as the
    /// feed's own lookups, whose code the wasm already has.)
    counts: [HashMap<String, usize>; FilterKind::ALL.len()],
    /// The leads' names, sorted, in English and in Welsh.
    leads: [Vec<String>; 2],
    haystack: Vec<String>,
    /// The judgement areas each action concerns, through its findings.
    areas: Vec<Areas>,
    number_keys: Vec<Vec<NumPart>>,
    /// The last answer of [`Index::matching`] and what it was asked: a keystroke in the search
    /// box asks twice (the `tracker-filter-change` count and the list), which must not search
    /// twice.
    last: RefCell<Option<Asked>>,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum NumPart {
    Num(u64, usize),
    Word(String),
}

/// A set of judgement areas, a bit for each of [`Area::ALL`] (a `HashSet<Area>` per action
/// costs the wasm a hash table's code of its own).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Areas(u32);

const _: () = assert!(Area::ALL.len() <= 32, "a bit for each area");

impl Areas {
    fn bit(a: Area) -> u32 {
        // The variants are declared in `Area::ALL`'s order.
        1 << a as u32
    }

    fn insert(&mut self, a: Area) {
        self.0 |= Areas::bit(a);
    }

    fn contains(self, a: Area) -> bool {
        self.0 & Areas::bit(a) != 0
    }

    /// The areas, in [`Area::ALL`]'s order.
    fn iter(self) -> impl Iterator<Item = Area> {
        Area::ALL.iter().copied().filter(move |&a| self.contains(a))
    }
}

/// A sort key in which runs of digits compare as numbers: "1.2" < "1.10" < "2a".
fn natural_key(s: &str) -> Vec<NumPart> {
    let mut out = Vec::new();
    let mut chars = s.chars().peekable();
    while let Some(&c) = chars.peek() {
        if c.is_ascii_digit() {
            let mut digits = String::new();
            while let Some(&d) = chars.peek().filter(|d| d.is_ascii_digit()) {
                digits.push(d);
                chars.next();
            }
            let trimmed = digits.trim_start_matches('0');
            out.push(NumPart::Num(
                trimmed.parse().unwrap_or(u64::MAX),
                digits.len(),
            ));
        } else {
            let mut word = String::new();
            while let Some(&d) = chars.peek().filter(|d| !d.is_ascii_digit()) {
                word.push(lower(d));
                chars.next();
            }
            out.push(NumPart::Word(word));
        }
    }
    out
}

/// Case- and accent-insensitive form for searching ("Llŷr" finds "llyr").
pub fn fold(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    s.chars()
        .map(|c| match lower(c) {
            'à' | 'á' | 'â' | 'ä' => 'a',
            'è' | 'é' | 'ê' | 'ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' => 'i',
            'ò' | 'ó' | 'ô' | 'ö' => 'o',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            'ẁ' | 'ẃ' | 'ŵ' | 'ẅ' => 'w',
            'ỳ' | 'ý' | 'ŷ' | 'ÿ' => 'y',
            '’' | '‘' => '\'',
            c => c,
        })
        .collect()
}

/// The text an action is searched in, folded (see [`fold`]): its title, description, lead,
/// team and updates in both languages, its id, (1.1) number and recurrence, a line each.
fn haystack(a: &crate::feed::Action) -> String {
    let mut hay = String::new();
    let texts = [
        Some(&a.title),
        a.description.as_ref(),
        a.lead.as_ref(),
        a.team.as_ref(),
    ];
    for t in texts
        .into_iter()
        .flatten()
        .chain(a.updates.iter().filter_map(|u| u.text.as_ref()))
    {
        for s in t.all() {
            hay.push_str(&fold(s));
            hay.push('\n');
        }
    }
    hay.push_str(&fold(&a.id));
    // (1.1) The council's number, and how often ongoing work recurs.
    if let Some(n) = &a.number {
        hay.push('\n');
        hay.push_str(&fold(n));
    }
    for r in a.recurrence.iter().flat_map(crate::feed::Text::all) {
        hay.push('\n');
        hay.push_str(&fold(r));
    }
    hay
}

impl Index {
    /// Prepares `feed`'s actions for filtering.
    pub fn new(feed: &Feed) -> Index {
        let areas_of = |findings: &mut dyn Iterator<Item = &str>| {
            let mut areas = Areas::default();
            for a in findings.filter_map(|f| feed.finding(f)?.area) {
                areas.insert(a);
            }
            areas
        };
        let priority_areas: Vec<Areas> = (0..feed.priorities.len())
            .map(|k| areas_of(&mut feed.findings_of_priority_at(k).iter().map(String::as_str)))
            .collect();
        let mut counts: [HashMap<String, usize>; FilterKind::ALL.len()] = Default::default();
        let mut count = |kind: FilterKind, value: &str, n: usize| {
            *counts[kind as usize].entry(value.to_string()).or_insert(0) += n;
        };
        let (mut areas_by_action, mut haystacks, mut number_keys) = (vec![], vec![], vec![]);
        // Each action counts once under each value it has.
        for a in &feed.actions {
            count(FilterKind::Status, a.status.word(), 1);
            if let Some(d) = Due::of(a, feed.as_of) {
                count(FilterKind::Due, d.word(), 1);
            }
            if let Some(r) = a.rag {
                count(FilterKind::Rag, r.word(), 1);
            }
            if let Some(p) = &a.priority {
                count(FilterKind::Priority, p, 1);
            }
            // Its own findings, each once; those of its priority are counted once per
            // priority below.
            let findings: Vec<&str> = relations::own_findings(feed, a).collect();
            for f in &findings {
                count(FilterKind::Finding, f, 1);
            }
            let mut areas = areas_of(&mut findings.iter().copied());
            if let Some(k) = a.priority.as_deref().and_then(|p| feed.priority_index(p)) {
                areas.0 |= priority_areas[k].0;
            }
            for area in areas.iter() {
                count(FilterKind::Area, area.word(), 1);
            }
            // The lead in English and in Welsh, once if both say the same.
            // (A text has two names at most: the second is counted unless it is the first.)
            if let Some(lead) = &a.lead {
                let mut counted = None;
                for l in lead.all() {
                    if counted != Some(l) {
                        count(FilterKind::Lead, l, 1);
                        counted = Some(l);
                    }
                }
            }
            areas_by_action.push(areas);
            haystacks.push(haystack(a));
            number_keys.push(natural_key(a.number()));
        }
        // Every action of a priority answers each finding the priority names.
        for (k, p) in feed.priorities.iter().enumerate() {
            let actions = feed.action_indexes_in(&p.id).len();
            if actions > 0 {
                for f in feed.findings_of_priority_at(k) {
                    count(FilterKind::Finding, f, actions);
                }
            }
        }
        Index {
            counts,
            leads: [leads(feed, Lang::En), leads(feed, Lang::Cy)],
            haystack: haystacks,
            areas: areas_by_action,
            number_keys,
            last: RefCell::new(None),
        }
    }

    /// How many actions have value `value` of filter `kind` (e.g. `(FilterKind::Status,
    /// "complete")`).
    pub fn count(&self, kind: FilterKind, value: &str) -> usize {
        self.counts[kind as usize].get(value).copied().unwrap_or(0)
    }

    /// The leads' names in `lang`, sorted, each once.
    pub fn leads(&self, lang: Lang) -> &[String] {
        &self.leads[usize::from(lang == Lang::Cy)]
    }

    /// Whether action `i` of `feed` (the feed the index was made from) answers finding `id`,
    /// directly or through its priority.
    pub fn answers(&self, feed: &Feed, i: usize, id: &str) -> bool {
        feed.actions
            .get(i)
            .is_some_and(|a| relations::answers(feed, a, id))
    }

    /// The indexes of the actions that match `f`, in the order `sort`. `feed` is the feed the
    /// index was made from; `since` the comparison date the reader chose, for the "changed
    /// since" filter (`None`: the default). The answer for the same question is remembered.
    pub fn matching(
        &self,
        feed: &Feed,
        f: &Filters,
        sort: Sort,
        since: Option<Date>,
    ) -> Vec<usize> {
        if let Some((lf, ls, ld, out)) = &*self.last.borrow() {
            if lf == f && *ls == sort && *ld == since {
                return out.clone();
            }
        }
        let out = self.search(feed, f, sort, since);
        *self.last.borrow_mut() = Some((f.clone(), sort, since, out.clone()));
        out
    }

    fn search(&self, feed: &Feed, f: &Filters, sort: Sort, since: Option<Date>) -> Vec<usize> {
        let words: Vec<String> = fold(&f.search)
            .split_whitespace()
            .map(str::to_string)
            .collect();
        // With no comparison date, nothing has changed "since".
        let since = (!f.changed.is_empty()).then(|| changes::since(feed, since));
        let changed = |a: &Action| match since {
            None => true,
            Some(None) => false,
            Some(Some(d)) => changes::action_change(a, d, feed.as_of)
                .kinds
                .iter()
                .any(|k| f.changed.contains(k)),
        };
        let any = |chosen: bool, ok: bool| !chosen || ok;
        let mut out: Vec<usize> = (0..feed.actions.len())
            .filter(|&i| {
                let a = &feed.actions[i];
                any(
                    !f.priority.is_empty(),
                    a.priority.as_ref().is_some_and(|p| f.priority.contains(p)),
                ) && any(!f.status.is_empty(), f.status.contains(&a.status))
                    && any(!f.rag.is_empty(), a.rag.is_some_and(|r| f.rag.contains(&r)))
                    && any(
                        !f.lead.is_empty(),
                        a.lead
                            .as_ref()
                            .is_some_and(|l| l.all().any(|s| f.lead.iter().any(|x| x == s))),
                    )
                    && any(
                        !f.due.is_empty(),
                        Due::of(a, feed.as_of).is_some_and(|d| f.due.contains(&d)),
                    )
                    && any(
                        !f.area.is_empty(),
                        f.area.iter().any(|&x| self.areas[i].contains(x)),
                    )
                    && any(
                        !f.finding.is_empty(),
                        f.finding.iter().any(|x| self.answers(feed, i, x)),
                    )
                    && words.iter().all(|w| self.haystack[i].contains(w.as_str()))
                    && changed(a)
            })
            .collect();
        let status_rank = |s: Status| Status::ALL.iter().position(|&x| x == s).unwrap_or(0);
        match sort {
            Sort::Number => sort::by(&mut out, |&a, &b| {
                self.number_keys[a].cmp(&self.number_keys[b])
            }),
            Sort::Due => sort::by(&mut out, |&a, &b| {
                let key = |i: usize| {
                    (
                        feed.actions[i].effective_due().is_none(),
                        feed.actions[i].effective_due(),
                    )
                };
                key(a)
                    .cmp(&key(b))
                    .then_with(|| self.number_keys[a].cmp(&self.number_keys[b]))
            }),
            Sort::Status => sort::by(&mut out, |&a, &b| {
                status_rank(feed.actions[a].status)
                    .cmp(&status_rank(feed.actions[b].status))
                    .then_with(|| self.number_keys[a].cmp(&self.number_keys[b]))
            }),
        }
        out
    }
}

/// One row of the action list: an action and its depth under its parent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Row {
    /// Index into `feed.actions`.
    pub action: usize,
    /// 0 for a top-level row, 1 for a sub-action shown under its parent, ...
    pub depth: usize,
}

/// Places matching sub-actions under their matching parents, keeping the sort order; a
/// sub-action whose parent does not match stands at the top level. Returns groups: each a
/// top-level row followed by its descendants (the unit of paging).
pub fn tree(feed: &Feed, matching: &[usize]) -> Vec<Vec<Row>> {
    let mut shown = vec![false; feed.actions.len()];
    for &i in matching {
        shown[i] = true;
    }
    // By the place of an action in `actions`: its matching sub-actions, in the sort order.
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); feed.actions.len()];
    let mut roots = Vec::new();
    for &i in matching {
        let parent = feed.actions[i].parent.as_deref();
        match parent.and_then(|p| feed.action_index(p)) {
            Some(p) if p != i && shown[p] => children[p].push(i),
            _ => roots.push(i),
        }
    }
    fn walk(i: usize, depth: usize, children: &[Vec<usize>], out: &mut Vec<Row>) {
        out.push(Row { action: i, depth });
        // The validator has ruled out cycles; the depth bound is a second guard.
        if depth < 32 {
            for &c in &children[i] {
                walk(c, depth + 1, children, out);
            }
        }
    }
    roots
        .into_iter()
        .map(|r| {
            let mut g = Vec::new();
            walk(r, 0, &children, &mut g);
            g
        })
        .collect()
}

/// The lead names of the feed's actions, in the reader's language, sorted, each once.
pub fn leads(feed: &Feed, lang: Lang) -> Vec<String> {
    let mut v: Vec<String> = feed
        .actions
        .iter()
        .filter_map(|a| a.lead.as_ref().map(|l| l.show(lang)))
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect();
    // Sorted first, so that each name's copies stand together (no hash set, for the wasm).
    sort::by_cached_key(&mut v, |s| (fold(s), s.clone()));
    v.dedup();
    v
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::check;

    fn feed() -> Feed {
        let text = r#"{"schema_version": "1.0", "publisher": {"name": "N"}, "as_of": "2026-10-31", "plan": {"title": "P"},
          "findings": [{"id": "F1", "kind": "area_for_improvement", "area": "care_leavers", "text": "a"},
                       {"id": "F2", "kind": "priority_action", "area": "help_and_protection", "text": "b"}],
          "priorities": [{"id": "P1", "title": "p", "findings": ["F1"]}, {"id": "P2", "title": "q"}],
          "actions": [
            {"id": "1.10", "title": "Audit plans", "status": "in_progress", "due": "2026-10-30", "priority": "P1", "lead": "Head of Service", "rag": "red"},
            {"id": "1.2", "title": "Train staff", "status": "not_started", "due": "2026-11-20", "priority": "P2", "lead": {"en": "Principal Social Worker", "cy": "Prif Weithiwr Cymdeithasol"}},
            {"id": "1.2a", "parent": "1.2", "title": "Café sessions", "status": "complete", "completed": "2026-01-01", "findings": ["F2"], "rag": "blue",
             "updates": [{"date": "2026-01-01", "text": "Re-audit booked"}]},
            {"id": "2", "title": "Recruit", "status": "in_progress", "due": "2027-06-01", "lead": "Head of Service", "rag": "amber"}]}"#;
        check(text.as_bytes()).feed.unwrap()
    }

    fn ids(feed: &Feed, f: &Filters, sort: Sort) -> Vec<String> {
        Index::new(feed)
            .matching(feed, f, sort, None)
            .into_iter()
            .map(|i| feed.actions[i].id.clone())
            .collect()
    }

    #[test]
    fn numbers_and_ongoing_work() {
        let text = r#"{"schema_version": "1.1", "publisher": {"name": "N"}, "as_of": "2019-02-20", "plan": {"title": "P"},
          "actions": [
            {"id": "ka1-audit", "number": "1.10", "title": "Audit", "status": "in_progress", "due": "2019-01", "recurrence": "every six weeks"},
            {"id": "ka1-standard", "number": "1.2", "title": "Standard", "status": "in_progress", "due": "2019-01"},
            {"id": "ka2", "number": "2.1", "title": "Prompt", "status": "not_started", "due": "2019-03"}]}"#;
        let f = check(text.as_bytes()).feed.unwrap();
        // Sorted by the council's number, not by id.
        assert_eq!(
            ids(&f, &Filters::default(), Sort::Number),
            ["ka1-standard", "ka1-audit", "ka2"]
        );
        let due = |d: Due| Filters {
            due: vec![d],
            ..Filters::default()
        };
        // A month is its last day: "2019-01" is overdue on 20 February, "2019-03" is later.
        assert_eq!(ids(&f, &due(Due::Overdue), Sort::Number), ["ka1-standard"]);
        assert_eq!(ids(&f, &due(Due::Ongoing), Sort::Number), ["ka1-audit"]);
        assert_eq!(ids(&f, &due(Due::Later), Sort::Number), ["ka2"]);
        let q = |s: &str| Filters {
            search: s.into(),
            ..Filters::default()
        };
        assert_eq!(ids(&f, &q("1.10"), Sort::Number), ["ka1-audit"]);
        assert_eq!(ids(&f, &q("six weeks"), Sort::Number), ["ka1-audit"]);
    }

    #[test]
    fn natural_number_order() {
        let f = feed();
        assert_eq!(
            ids(&f, &Filters::default(), Sort::Number),
            ["1.2", "1.2a", "1.10", "2"]
        );
        assert_eq!(
            ids(&f, &Filters::default(), Sort::Due),
            ["1.10", "1.2", "2", "1.2a"]
        );
        assert_eq!(
            ids(&f, &Filters::default(), Sort::Status),
            ["1.2", "1.10", "2", "1.2a"]
        );
    }

    #[test]
    fn and_across_kinds_or_within() {
        let f = feed();
        let mut x = Filters {
            status: vec![Status::InProgress, Status::Complete],
            ..Filters::default()
        };
        assert_eq!(ids(&f, &x, Sort::Number), ["1.2a", "1.10", "2"]);
        x.lead = vec!["Head of Service".into()];
        assert_eq!(ids(&f, &x, Sort::Number), ["1.10", "2"]);
        x.due = vec![Due::Overdue, Due::Next30];
        assert_eq!(ids(&f, &x, Sort::Number), ["1.10"]);
        let area = Filters {
            area: vec![Area::CareLeavers, Area::HelpAndProtection],
            ..Filters::default()
        };
        assert_eq!(
            ids(&f, &area, Sort::Number),
            ["1.2a", "1.10"],
            "through the priority's findings and directly"
        );
        let welsh_lead = Filters {
            lead: vec!["Prif Weithiwr Cymdeithasol".into()],
            ..Filters::default()
        };
        assert_eq!(ids(&f, &welsh_lead, Sort::Number), ["1.2"]);
    }

    #[test]
    fn search_every_word_in_any_field_ignoring_case_and_accents() {
        let f = feed();
        let q = |s: &str| {
            ids(
                &f,
                &Filters {
                    search: s.into(),
                    ..Filters::default()
                },
                Sort::Number,
            )
        };
        assert_eq!(q("cafe"), ["1.2a"]);
        assert_eq!(q("CAFÉ"), ["1.2a"], "a capital with an accent folds too");
        assert_eq!(q("RE-AUDIT"), ["1.2a"], "update text is searched");
        assert_eq!(q("head audit"), ["1.10"]);
        assert_eq!(q("prif"), ["1.2"], "both languages are searched");
        assert!(q("nothing-like-this").is_empty());
    }

    #[test]
    fn fold_ignores_case_and_welsh_accents() {
        assert_eq!(fold("LLŶR Ŵyn ÂR"), "llyr wyn ar");
        assert_eq!(fold("Ysgol Gymraeg"), "ysgol gymraeg");
        assert_eq!(
            fold("ΣΟΦΊΑ ЖЁ"),
            "σοφία жё",
            "other alphabets are lower-cased as well"
        );
        assert_eq!(fold("‘quoted’"), "'quoted'");
    }

    #[test]
    fn one_index_answers_each_question_afresh() {
        // matching() remembers its last answer: asking again with other filters or another
        // order must not get it back.
        let f = feed();
        let index = Index::new(&f);
        let ask = |search: &str, sort: Sort| -> Vec<String> {
            let filters = Filters {
                search: search.into(),
                ..Filters::default()
            };
            let m = index.matching(&f, &filters, sort, None);
            m.iter().map(|&i| f.actions[i].id.clone()).collect()
        };
        let everything = ask("", Sort::Number);
        assert_eq!(everything, ["1.2", "1.2a", "1.10", "2"]);
        assert_eq!(ask("cafe", Sort::Number), ["1.2a"]);
        assert_eq!(ask("", Sort::Number), everything);
        assert_eq!(ask("", Sort::Number), everything, "asked twice");
        assert_ne!(ask("", Sort::Status), everything, "another order");
        assert_eq!(ask("", Sort::Number), everything);
    }

    #[test]
    fn changed_since_filters_by_the_chosen_date() {
        let text = r#"{"schema_version": "1.1", "publisher": {"name": "N"}, "as_of": "2026-10-31", "plan": {"title": "P"},
          "meetings": [{"id": "m", "date": "2026-09-15", "body": "Board"}],
          "actions": [{"id": "1", "title": "a", "status": "complete", "completed": "2026-10-01"},
                      {"id": "2", "title": "b", "status": "complete", "completed": "2026-08-01"},
                      {"id": "3", "title": "c", "status": "in_progress", "added": "2026-09-20"}]}"#;
        let f = check(text.as_bytes()).feed.unwrap();
        let index = Index::new(&f);
        let mut s = State::default();
        assert_eq!(s.apply("toggle:changed:completed", None), Effect::Push);
        let ids = |s: &State| -> Vec<String> {
            index
                .matching(&f, &s.filters, s.sort, s.since)
                .iter()
                .map(|&i| f.actions[i].id.clone())
                .collect()
        };
        assert_eq!(ids(&s), ["1"], "since the meeting on 15 September");
        assert_eq!(s.apply("since", Some("2026-07-31")), Effect::Push);
        assert_eq!(s.since, Date::parse("2026-07-31").ok());
        assert_eq!(ids(&s), ["1", "2"], "since 31 July");
        s.apply("toggle:changed:new", None);
        assert_eq!(ids(&s), ["1", "2", "3"], "3 was added after 31 July: new");
        assert_eq!(
            s.apply("since", Some("31/07/2026")),
            Effect::None,
            "the same date"
        );
        assert_eq!(s.apply("since", Some("next week")), Effect::None);
        assert_eq!(s.since, Date::parse("2026-07-31").ok());
        assert_eq!(typed_date("1.8.2026"), Date::parse("2026-08-01").ok());
        assert_eq!(typed_date("31/02/2026"), None);
        assert_eq!(s.apply("since", Some("")), Effect::Push);
        assert_eq!(s.since, None);
        assert_eq!(ids(&s), ["1", "3"]);
        assert!(s
            .to_pairs("t")
            .contains(&"t.changed=completed,new".to_string()));
    }

    #[test]
    fn sub_actions_sit_under_matching_parents() {
        let f = feed();
        let all = Index::new(&f).matching(&f, &Filters::default(), Sort::Number, None);
        let groups = tree(&f, &all);
        let shape: Vec<Vec<(String, usize)>> = groups
            .iter()
            .map(|g| {
                g.iter()
                    .map(|r| (f.actions[r.action].id.clone(), r.depth))
                    .collect()
            })
            .collect();
        assert_eq!(
            shape,
            vec![
                vec![("1.2".into(), 0), ("1.2a".into(), 1)],
                vec![("1.10".into(), 0)],
                vec![("2".into(), 0)]
            ]
        );
        let only_sub = Index::new(&f).matching(
            &f,
            &Filters {
                status: vec![Status::Complete],
                ..Filters::default()
            },
            Sort::Number,
            None,
        );
        assert_eq!(
            tree(&f, &only_sub),
            vec![vec![Row {
                action: 2,
                depth: 0
            }]]
        );
    }

    #[test]
    fn controls_change_the_state() {
        let mut s = State {
            page: 3,
            ..State::default()
        };
        assert_eq!(s.apply("view:actions", None), Effect::Push);
        assert_eq!(s.apply("toggle:status:complete", None), Effect::Push);
        assert_eq!(
            (s.filters.status.clone(), s.page),
            (vec![Status::Complete], 0)
        );
        assert_eq!(
            s.apply("toggle:lead:Head of Service: Early Help", None),
            Effect::Push
        );
        assert_eq!(s.filters.lead, ["Head of Service: Early Help"]);
        assert_eq!(s.apply("search", Some("audit")), Effect::Replace);
        assert_eq!(s.apply("search", Some("audit")), Effect::None);
        assert_eq!(s.apply("remove:status:complete", None), Effect::Push);
        assert!(s.filters.status.is_empty());
        assert_eq!(s.apply("remove:search:", None), Effect::Push);
        assert_eq!(s.filters.search, "");
        s.apply("sort", Some("due"));
        assert_eq!(s.sort, Sort::Due);
        s.apply("page:2", None);
        assert_eq!(s.page, 2);
        s.apply("open:1.2", None);
        s.apply("open:1.3", None);
        s.apply("open:1.2", None);
        assert_eq!(s.open, ["1.3"]);
        s.apply("clear", None);
        assert!(s.filters.is_empty());
        s.apply("go:due:overdue", None);
        assert_eq!(
            (s.view, s.filters.due.clone()),
            (View::Actions, vec![Due::Overdue])
        );
        assert_eq!(s.apply("nonsense", None), Effect::None);
    }

    #[test]
    fn the_filters_serialise_as_tracker_filter_change_gives_them() {
        let mut f = Filters::default();
        for (k, v) in [
            (FilterKind::Priority, "P1"),
            (FilterKind::Area, "care_leavers"),
            (FilterKind::Status, "complete"),
            (FilterKind::Rag, "red"),
            (FilterKind::Lead, "Ann"),
            (FilterKind::Due, "next_30_days"),
            (FilterKind::Finding, "F1"),
            (FilterKind::Changed, "rag_worse"),
            (FilterKind::Status, "not_started"),
        ] {
            f.set(k, v, Some(true));
        }
        f.search = "x".into();
        assert_eq!(
            serde_json::to_string(&f).unwrap(),
            r#"{"priority":["P1"],"area":["care_leavers"],"status":["complete","not_started"],"rag":["red"],"lead":["Ann"],"due":["next_30_days"],"finding":["F1"],"search":"x","changed":["rag_worse"]}"#
        );
    }

    #[test]
    fn an_opened_filter_group_is_kept_out_of_the_url_and_the_event() {
        let mut s = State {
            view: View::Actions,
            ..State::default()
        };
        assert_eq!(s.apply("group:status", Some("open")), Effect::Render);
        assert_eq!(s.apply("group:status", Some("open")), Effect::None);
        assert_eq!(s.apply("group:lead", Some("open")), Effect::Render);
        assert_eq!(s.apply("group:nonsense", Some("open")), Effect::None);
        assert_eq!(s.groups, [FilterKind::Status, FilterKind::Lead]);
        // Ticking and unticking a box leaves its group open.
        s.apply("toggle:status:complete", None);
        s.apply("toggle:status:complete", None);
        assert_eq!(s.groups, [FilterKind::Status, FilterKind::Lead]);
        assert_eq!(s.fragment("t", ""), "#t.view=actions");
        let json = serde_json::to_value(&s).unwrap();
        assert!(json.get("groups").is_none(), "{json}");
        assert_eq!(s.apply("group:status", Some("closed")), Effect::Render);
        assert_eq!(s.groups, [FilterKind::Lead]);
        // Leaving the actions view forgets them, as their elements go.
        s.apply("view:overview", None);
        assert!(s.groups.is_empty());
        assert_eq!(s.apply("group:lead", Some("open")), Effect::None);
    }

    #[test]
    fn each_filter_kind_has_one_word_and_reads_back_from_the_url() {
        for k in FilterKind::ALL {
            assert_eq!(FilterKind::from_word(k.word()), Some(k));
        }
        assert_eq!(FilterKind::from_word("search"), None, "the search is `q=`");
        let mut s = State::default();
        for (k, v) in [
            (FilterKind::Priority, "P1"),
            (FilterKind::Area, "care_leavers"),
            (FilterKind::Status, "complete"),
            (FilterKind::Rag, "red"),
            (FilterKind::Lead, "Head of Service"),
            (FilterKind::Due, "later"),
            (FilterKind::Finding, "F1"),
            (FilterKind::Changed, "slipped"),
        ] {
            s.filters.set(k, v, Some(true));
            assert_eq!(s.filters.words(k), [v]);
            assert_eq!(go_act(k, v), format!("go:{}:{v}", k.word()));
        }
        let url = s.fragment("t", "");
        assert!(
            url.starts_with("#t.priority=P1&t.area=care_leavers&t.status="),
            "{url}"
        );
        assert_eq!(State::from_fragment(&url, "t", View::Overview), s);
    }

    #[test]
    fn find_is_not_confused_by_colons_in_ids() {
        // `find:{finding}:{action}` split at the first `:`: finding "F:1" with action "2"
        // opened action "1:2" under finding "F".
        let mut s = State::default();
        s.apply(&find_act("F:1", "2"), None);
        assert_eq!(
            (s.filters.finding, s.open),
            (vec!["F:1".into()], vec!["2".into()])
        );
        let mut s = State::default();
        s.apply(&find_act("F", "1:2 %41"), None);
        assert_eq!(
            (s.filters.finding, s.open),
            (vec!["F".into()], vec!["1:2 %41".into()])
        );
    }

    #[test]
    fn state_round_trips_through_the_fragment_per_instance() {
        let s = State {
            view: View::Actions,
            filters: Filters {
                status: vec![Status::InProgress],
                lead: vec!["Head of Service, Early Help & MASH".into()],
                search: "re-audit 50%".into(),
                due: vec![Due::Overdue],
                changed: vec![Kind::Slipped, Kind::New],
                ..Filters::default()
            },
            sort: Sort::Due,
            page: 2,
            open: vec!["1.2".into()],
            since: Date::parse("2026-09-15").ok(),
            groups: Vec::new(),
        };
        let frag = s.fragment("apt", "#other.view=findings&x=1");
        assert!(
            frag.starts_with("#other.view=findings&x=1&apt.view=actions"),
            "{frag}"
        );
        assert_eq!(State::from_fragment(&frag, "apt", View::Overview), s);
        assert_eq!(
            State::from_fragment(&frag, "other", View::Overview).view,
            View::Findings
        );
        assert_eq!(
            State::from_fragment(
                "#apt.view=nonsense&apt.status=bogus",
                "apt",
                View::Indicators
            ),
            State {
                view: View::Indicators,
                ..State::default()
            }
        );
        assert_eq!(decode("%zz%E2%9C%93+a"), "%zz✓ a");
        let json = serde_json::to_value(&s).unwrap();
        assert_eq!(json["filters"]["due"], serde_json::json!(["overdue"]));
        assert_eq!(
            json["filters"]["status"],
            serde_json::json!(["in_progress"])
        );
        assert_eq!(
            (
                json["view"].as_str(),
                json["sort"].as_str(),
                json["page"].as_u64()
            ),
            (Some("actions"), Some("due"), Some(2))
        );
        let next = serde_json::to_value(Due::Next30).unwrap();
        assert_eq!(next.as_str(), Some(Due::Next30.word()));
    }
}
