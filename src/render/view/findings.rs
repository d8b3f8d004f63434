//! The findings view: the findings by inspection and judgement area, each with the actions
//! that answer it and how far they have got.

use super::inspections::{fieldwork, inspection_title, newest_first};
use super::{bar, bdi, tag, Ctx};
use crate::feed::{Action, Area, Feed, Finding, FindingKind, Inspection, Status};
use crate::filter::{self, FilterKind};
use crate::i18n::{self, tf};
use crate::markup::{el, el_class, el_class_text, el_text, Element};
use crate::relations::Answerers;
use crate::sort;
use crate::words::{area_word, kind_word, status_class, status_word};
use std::collections::{HashMap, HashSet};

/// How many answering actions a finding lists, and answered findings an action lists; the rest
/// are counted ("and 2,980 more"), and the actions view filtered by the finding shows them all.
pub(super) const ANSWERS_SHOWN: usize = 20;

/// Who answers each finding: the actions naming it themselves (and not through their
/// priority), and every action of each priority naming it. Counted and listed without making
/// every (finding, action) pair: a priority naming thousands of findings, with thousands of
/// actions, is a small feed.
pub(crate) struct Answers<'a> {
    feed: &'a Feed,
    /// Who answers each finding ([`relations`]).
    who: Answerers<'a>,
    /// Each priority's tally.
    by_priority: Vec<(usize, usize, usize)>,
}

impl<'a> Answers<'a> {
    /// The answers for every finding of `feed`.
    pub(crate) fn new(feed: &'a Feed) -> Self {
        let by_priority = feed
            .priorities
            .iter()
            .map(|p| Self::tally(feed, feed.action_indexes_in(&p.id)))
            .collect();
        Answers {
            feed,
            who: Answerers::of(feed),
            by_priority,
        }
    }

    /// (done, withdrawn or ongoing, all) of some actions.
    fn tally(feed: &Feed, idx: &[usize]) -> (usize, usize, usize) {
        idx.iter().fold((0, 0, 0), |(d, w, n), &i| {
            let a = &feed.actions[i];
            (
                d + usize::from(a.status == Status::Complete),
                w + usize::from(a.status == Status::Withdrawn || a.is_ongoing()),
                n + 1,
            )
        })
    }

    /// The finding's tally (done, withdrawn or ongoing, all), and its first [`ANSWERS_SHOWN`]
    /// answering actions in feed order.
    pub(crate) fn of(&self, f: &Finding) -> ((usize, usize, usize), Vec<&'a Action>) {
        let feed = self.feed;
        let own_idx = self.who.own(&f.id);
        let mut t = Self::tally(feed, own_idx);
        let mut first: Vec<usize> = own_idx.iter().take(ANSWERS_SHOWN).copied().collect();
        for &k in self.who.priorities(&f.id) {
            let (d, w, n) = self.by_priority[k];
            t = (t.0 + d, t.1 + w, t.2 + n);
            let id = &feed.priorities[k].id;
            first.extend(feed.action_indexes_in(id).iter().take(ANSWERS_SHOWN));
        }
        sort::ascending(&mut first);
        first.dedup();
        first.truncate(ANSWERS_SHOWN);
        (t, first.into_iter().map(|i| &feed.actions[i]).collect())
    }
}

/// The findings view: by inspection and judgement area, most urgent first, strengths apart.
pub fn findings(cx: &Ctx) -> Element {
    let feed = cx.feed;
    if feed.findings.is_empty() {
        return el_text("p", cx.t("This plan lists no inspection findings."));
    }
    let answers = Answers::new(feed);
    // Group by inspection (latest first, findings with no inspection last), then by area.
    let mut inspections: Vec<Option<&Inspection>> =
        newest_first(feed).into_iter().map(Some).collect();
    inspections.push(None);
    // Each inspection's findings, in feed order (under `None`: those of no known inspection),
    // gathered in one pass rather than by scanning every finding for every inspection.
    let known: HashSet<&str> = feed.inspections.iter().map(|i| i.id.as_str()).collect();
    let mut by_inspection: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut other: Vec<usize> = Vec::new();
    for (k, f) in feed.findings.iter().enumerate() {
        match f.inspection.as_deref().filter(|id| known.contains(id)) {
            Some(id) => by_inspection.entry(id).or_default().push(k),
            None => other.push(k),
        }
    }
    let mut out = el_class("div", "apt-findings");
    for insp in inspections {
        let of_this: Vec<&Finding> = match insp {
            Some(i) => by_inspection.remove(i.id.as_str()).unwrap_or_default(),
            None => std::mem::take(&mut other),
        }
        .into_iter()
        .map(|k| &feed.findings[k])
        .collect();
        if !of_this.is_empty() {
            out = out.child(inspection_findings(cx, &answers, insp, &of_this));
        }
    }
    out
}

/// How urgent a kind of finding is: the most urgent first within an area.
fn urgency(k: FindingKind) -> usize {
    match k {
        FindingKind::PriorityAction => 0,
        FindingKind::AreaForImprovement => 1,
        FindingKind::Recommendation => 2,
        FindingKind::Strength => 3,
    }
}

/// One inspection's findings (`None`: those of no known inspection): by judgement area, most
/// urgent first, then its strengths.
fn inspection_findings(
    cx: &Ctx,
    answers: &Answers,
    insp: Option<&Inspection>,
    of_this: &[&Finding],
) -> Element {
    let heading = match insp {
        Some(i) => {
            let mut h = el_class("h4", "apt-h4").child(inspection_title(cx, i));
            if let Some(f) = fieldwork(cx, i) {
                h = h.text(format!(" ({f})"));
            }
            h
        }
        None => el_class_text("h4", "apt-h4", cx.t("Other findings")),
    };
    let list = |fs: Vec<&&Finding>| {
        el_class("ul", "apt-list apt-findings__list")
            .children(fs.into_iter().map(|f| finding_item(cx, answers, f)))
    };
    let mut section = el_class("section", "apt-panel").child(heading);
    let mut areas: Vec<Option<Area>> = Vec::new();
    for f in of_this.iter().filter(|f| f.kind != FindingKind::Strength) {
        if !areas.contains(&f.area) {
            areas.push(f.area);
        }
    }
    sort::by_key(&mut areas, |a| {
        a.map_or(usize::MAX, |a| {
            Area::ALL.iter().position(|&x| x == a).unwrap_or(0)
        })
    });
    for area in areas {
        let mut fs: Vec<&&Finding> = of_this
            .iter()
            .filter(|f| f.kind != FindingKind::Strength && f.area == area)
            .collect();
        sort::by_key(&mut fs, |f| urgency(f.kind));
        section = section
            .child(el_class_text(
                "h5",
                "apt-h5",
                area.map_or(cx.t("Other findings"), |a| area_word(cx.lang, a)),
            ))
            .child(list(fs));
    }
    let strengths: Vec<&&Finding> = of_this
        .iter()
        .filter(|f| f.kind == FindingKind::Strength)
        .collect();
    if !strengths.is_empty() {
        section = section
            .child(el_class_text("h5", "apt-h5", cx.t("Strengths")))
            .child(list(strengths));
    }
    section
}

/// One finding: its kind and words, the council's response, and (but for a strength) the
/// actions that answer it.
fn finding_item(cx: &Ctx, answers: &Answers, f: &Finding) -> Element {
    let li = el_class("li", "apt-finding").child(
        el("p")
            .child(tag(
                if f.kind == FindingKind::PriorityAction {
                    "red"
                } else {
                    "grey"
                },
                kind_word(cx.lang, f.kind),
            ))
            .text(" ")
            .child(cx.span(&f.text)),
    );
    let li = li.child_opt(f.response.as_ref().map(|r| {
        el_class("div", "apt-finding__response")
            .child(el_class_text("p", "apt-h5", cx.t("The council's response")))
            .child(cx.text(el("p"), r))
    }));
    if f.kind == FindingKind::Strength {
        return li;
    }
    answering(cx, answers, f, li)
}

/// "Actions complete: 3 of 4" for a finding's answering actions (its view and the report's
/// table alike) and for the whole plan (the overview's headline), with thousands separators.
pub(crate) fn complete_of(cx: &Ctx, done: usize, total: usize) -> String {
    tf(
        cx.lang,
        "Actions complete: {done} of {total}",
        &[
            ("done", &i18n::number(done as f64, 0)),
            ("total", &i18n::number(total as f64, 0)),
        ],
    )
}

/// "and 3 more": the answers (findings or actions) counted but not listed.
pub(crate) fn and_more(cx: &Ctx, n: usize) -> String {
    tf(
        cx.lang,
        "and {count} more",
        &[("count", &i18n::number(n as f64, 0))],
    )
}

/// Finding `f`'s item `li` with the actions answering it: how many are complete, and the first
/// [`ANSWERS_SHOWN`], each a link to it in the actions filtered by the finding.
fn answering(cx: &Ctx, answers: &Answers, f: &Finding, li: Element) -> Element {
    let ((done, withdrawn, answered), acts) = answers.of(f);
    if acts.is_empty() {
        return li.child(el_class_text(
            "p",
            "apt-secondary",
            cx.t("No action in the plan names this finding yet."),
        ));
    }
    if answered == withdrawn {
        // Only withdrawn or ongoing actions: nothing to count as complete.
        return li.child(el_class("ul", "apt-list apt-finding__actions").children(
            acts.iter().map(|a| {
                el("li").child(cx.go(
                    filter::find_act(&f.id, &a.id),
                    el_text("span", format!("{} ", a.number())).child(cx.span(&a.title)),
                ))
            }),
        ));
    }
    let p = crate::summary::percent_complete(done, answered, withdrawn);
    let progress = el_class_text(
        "p",
        "apt-secondary",
        complete_of(cx, done, answered - withdrawn),
    )
    .text(" ")
    .child(bar(p, &i18n::percent(p)));
    let list = el_class("ul", "apt-list apt-finding__actions")
        .children(acts.iter().map(|a| {
            el("li")
                .child(
                    cx.go(
                        filter::find_act(&f.id, &a.id),
                        el("span")
                            .child(bdi(a.number().to_string()))
                            .text(" ")
                            .child(cx.span(&a.title)),
                    ),
                )
                .text(" ")
                .child(tag(status_class(a.status), status_word(cx.lang, a.status)))
        }))
        .child_opt((answered > acts.len()).then(|| {
            el("li").child(cx.go(
                filter::go_act(FilterKind::Finding, &f.id),
                el_text("span", and_more(cx, answered - acts.len())),
            ))
        }));
    li.child(progress).child(list)
}
