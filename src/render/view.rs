//! What residents see: the overview, actions, findings and indicators views, the compact
//! card and the loading and error states, built as [`markup`](crate::markup) trees.
//!
//! Views are pure functions of the feed, the reader's state and the language. The browser
//! layer patches them into the shadow root; the static page serialises them. Controls carry a
//! `data-act` attribute naming what they do ([`crate::filter::State::apply`] interprets it),
//! so the same markup works with one delegated listener and without any JavaScript at all.

use crate::date::Date;
use crate::feed::*;
use crate::filter::{self, Due, Filters, Index, Row, Sort, State, View};
use crate::i18n::{self, t, tf, tn, Lang};
use crate::markup::{el, svg, Element, Node};
use crate::relations::{self, Answerers};
use crate::sort;
use crate::summary::{target_state, Summary, Tally, TargetState};
use crate::table::{scroll_box, table};
use crate::validate::{Problem, Severity};
use crate::words::*;
use std::collections::{HashMap, HashSet};

/// How many top-level actions one page of the list shows.
pub const PAGE_SIZE: usize = 20;

/// Everything a view needs to know.
pub struct Ctx<'a> {
    /// The valid items.
    pub feed: &'a Feed,
    /// The figures.
    pub summary: &'a Summary,
    /// Every problem the file had.
    pub problems: &'a [Problem],
    /// The reader's language.
    pub lang: Lang,
    /// The reader's date, if known: for the "this data is old" notice.
    pub today: Option<Date>,
    /// For print and the static page: every matching action, opened, on one page.
    pub print: bool,
    /// This tracker's name in the URL fragment (see [`State::fragment`]).
    pub ns: &'a str,
}

impl Ctx<'_> {
    /// The address of the state `act` leads to from `from`: what a link's own `href` says,
    /// so opening it in a new tab or sharing it shows what clicking it shows.
    fn href(&self, from: &State, act: &str) -> String {
        let mut s = from.clone();
        s.apply(act, None);
        match s.fragment(self.ns, "") {
            f if f.is_empty() => "#".to_string(),
            f => f,
        }
    }

    /// A link that changes the reader's state (e.g. to the actions filtered by a priority);
    /// plain text in print and the static page.
    fn go(&self, act: String, label: Element) -> Element {
        if self.print {
            return label;
        }
        el("a")
            .class("apt-link")
            .attr("href", self.href(&State::default(), &act))
            .attr("data-act", act)
            .child(label)
    }

    pub(crate) fn t(&self, en: &'static str) -> &'static str {
        t(self.lang, en)
    }

    pub(crate) fn date(&self, d: Date) -> String {
        i18n::date(self.lang, d)
    }

    /// Feed text in an element, marked with `lang` when it falls back to the other language.
    /// `dir="auto"` makes the element a bidi isolate: right-to-left text or a stray U+202E in
    /// the feed cannot reorder the words around it.
    pub(crate) fn text(&self, e: Element, s: &Text) -> Element {
        let (s, other) = s.get(self.lang);
        e.attr_opt("lang", other.map(Lang::code))
            .attr("dir", "auto")
            .text(s)
    }

    pub(crate) fn span(&self, s: &Text) -> Element {
        self.text(el("span"), s)
    }
}

/// Feed text inside a line of other words, in its own bidi isolate.
pub(crate) fn bdi(s: impl Into<String>) -> Element {
    el("bdi").text(s)
}

/// An interface sentence (`template`, already in the reader's language) with `{name}`
/// placeholders filled by feed text, each value in its own bidi isolate ([`bdi`]). Filled in
/// one pass, like `i18n::tf`: a value is never searched for placeholders.
fn isolated(template: &str, args: &[(&str, &str)]) -> Vec<Node> {
    let mut out: Vec<Node> = Vec::new();
    let mut rest = template;
    let mut words = String::new();
    while let Some(open) = rest.find('{') {
        words.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let named = after.find('}').and_then(|close| {
            let value = args.iter().find(|(k, _)| *k == &after[..close])?.1;
            Some((value, close))
        });
        match named {
            Some((value, close)) => {
                if !words.is_empty() {
                    out.push(Node::Text(std::mem::take(&mut words)));
                }
                out.push(bdi(value).into());
                rest = &after[close + 1..];
            }
            None => {
                words.push('{');
                rest = after;
            }
        }
    }
    words.push_str(rest);
    if !words.is_empty() {
        out.push(Node::Text(words));
    }
    out
}

/// A GOV.UK-style tag: words, never colour alone.
pub(crate) fn tag(class: &str, label: &str) -> Element {
    el("strong")
        .class(format!("apt-tag apt-tag--{class}"))
        .text(label)
}

fn link(href: &Url, label: Element) -> Element {
    el("a")
        .class("apt-link")
        .attr("href", href.0.clone())
        .attr("rel", "noopener noreferrer")
        .child(label)
}

/// A horizontal bar for a percentage, drawn in SVG (no inline styles: strict CSP allows it).
pub fn bar(percent: f64, label: &str) -> Element {
    let p = percent.clamp(0.0, 100.0);
    el("span")
        .class("apt-bar")
        .child(
            svg("svg")
                .attr("viewBox", "0 0 100 10")
                .attr("preserveAspectRatio", "none")
                .attr("aria-hidden", "true")
                .attr("focusable", "false")
                .class("apt-bar__svg")
                .child(
                    svg("rect")
                        .attr("width", "100")
                        .attr("height", "10")
                        .class("apt-bar__track"),
                )
                .child(
                    svg("rect")
                        .attr("width", format!("{p:.1}"))
                        .attr("height", "10")
                        .class("apt-bar__fill"),
                ),
        )
        .child(el("span").class("apt-bar__label").text(label))
}

/// The whole widget for a loaded feed.
pub fn widget(cx: &Ctx, state: &State, index: &Index) -> Element {
    let feed = cx.feed;
    let tabs = el("nav")
        .class("apt-tabs")
        .attr("aria-label", cx.t("Sections of the plan"))
        .child(
            el("ul")
                .class("apt-tabs__list")
                .children(View::ALL.iter().map(|&v| {
                    let label = view_name(cx.lang, v);
                    let mut a = el("a")
                        .class("apt-tabs__tab")
                        .attr("href", cx.href(state, &format!("view:{}", v.word())))
                        .attr("data-act", format!("view:{}", v.word()));
                    if v == state.view {
                        a = a.attr("aria-current", "page");
                    }
                    el("li").class("apt-tabs__item").child(a.text(label))
                })),
        );
    let body = match state.view {
        View::Overview => overview(cx),
        View::Actions => actions(cx, state, index),
        View::Findings => findings(cx),
        View::Indicators => indicators(cx),
    };
    el("div")
        .class("apt")
        .attr("lang", cx.lang.code())
        .child(header(cx))
        .child(tabs)
        .child(
            el("section")
                .class("apt-view")
                .attr("aria-labelledby", "apt-view-heading")
                .child(
                    el("h3")
                        .class("apt-h3")
                        .attr("id", "apt-view-heading")
                        .attr("tabindex", "-1")
                        .text(view_name(cx.lang, state.view)),
                )
                .child(body),
        )
        .child_opt(
            (feed.actions.is_empty() && state.view == View::Actions)
                .then(|| el("p").text(cx.t("This plan has no actions yet."))),
        )
}

/// The name of a view, as on its tab.
pub fn view_name(lang: Lang, v: View) -> &'static str {
    t(
        lang,
        match v {
            View::Overview => "Overview",
            View::Actions => "Actions",
            View::Findings => "Findings",
            View::Indicators => "Indicators",
        },
    )
}

pub(crate) fn header(cx: &Ctx) -> Element {
    let feed = cx.feed;
    let mut h = el("header")
        .class("apt-header")
        .child(cx.text(el("p").class("apt-caption"), &feed.publisher.name))
        .child(cx.text(el("h2").class("apt-title"), &feed.plan.title))
        .child_opt(
            feed.plan
                .summary
                .as_ref()
                .map(|s| cx.text(el("p").class("apt-summary"), s)),
        )
        .child(el("p").class("apt-asof").text(tf(
            cx.lang,
            "Data as at {date}",
            &[("date", &cx.date(feed.as_of))],
        )))
        .child_opt(plan_status_notice(cx));
    if let Some(today) = cx.today {
        if feed.as_of < today.add_months(-6) {
            h = h.child(
                el("div").class("apt-notice").child(el("p").text(tf(
                    cx.lang,
                    "This information was last updated on {date}, more than six months ago. It may be out of date.",
                    &[("date", &cx.date(feed.as_of))],
                ))),
            );
        }
    }
    h.child_opt(problems_notice(cx))
}

/// (1.1) A plan that is not (or no longer) the approved plan says so at the top: a draft with
/// its deadline, a plan sent to the inspectorate with the date sent, a closed plan kept as a
/// record.
fn plan_status_notice(cx: &Ctx) -> Option<Element> {
    let plan = &cx.feed.plan;
    let date = |d: Date| cx.date(d);
    let (label, words) = match plan.status? {
        PlanStatus::Draft => (
            cx.t("Draft plan"),
            match plan.submit_by {
                Some(d) => tf(
                    cx.lang,
                    "This plan is a draft and may change. It must reach the inspectorate by {date}.",
                    &[("date", &date(d))],
                ),
                None => cx.t("This plan is a draft and may change.").to_string(),
            },
        ),
        PlanStatus::Submitted => (
            cx.t("Plan sent to the inspectorate"),
            match (plan.submitted, plan.submit_by) {
                (Some(d), _) => tf(
                    cx.lang,
                    "This plan was sent to the inspectorate on {date}.",
                    &[("date", &date(d))],
                ),
                (None, Some(d)) => tf(
                    cx.lang,
                    "This plan has been sent to the inspectorate, which asked for it by {date}.",
                    &[("date", &date(d))],
                ),
                (None, None) => cx.t("This plan has been sent to the inspectorate.").to_string(),
            },
        ),
        PlanStatus::Closed => (
            cx.t("Closed plan"),
            cx.t("This plan has ended. It is kept here as a record.").to_string(),
        ),
        PlanStatus::Approved => return None,
    };
    Some(
        el("div").class("apt-notice apt-plan-status").child(
            el("p")
                .child(el("strong").text(label))
                .text(format!(" {words}")),
        ),
    )
}

/// The number of items left out: distinct list items that had errors that left them out
/// (an error that left out only a field keeps its item shown).
pub fn items_left_out(problems: &[Problem]) -> usize {
    let mut items: Vec<&str> = problems
        .iter()
        .filter(|p| p.severity == Severity::Error && !p.item_kept)
        .map(|p| p.path.find(']').map_or(p.path.as_str(), |i| &p.path[..=i]))
        .collect();
    sort::ascending(&mut items);
    items.dedup();
    items.len()
}

fn problems_notice(cx: &Ctx) -> Option<Element> {
    let n = items_left_out(cx.problems);
    let fields = cx
        .problems
        .iter()
        .filter(|p| p.severity == Severity::Error && p.item_kept)
        .count();
    if n == 0 && fields == 0 {
        return None;
    }
    let headline = if n > 0 {
        tn(
            cx.lang,
            n,
            "{n} item in this plan could not be shown",
            "{n} items in this plan could not be shown",
        )
    } else {
        tn(
            cx.lang,
            fields,
            "{n} detail in this plan could not be shown",
            "{n} details in this plan could not be shown",
        )
    };
    let list = el("ul").class("apt-problems__list").children(
        cx.problems
            .iter()
            .filter(|p| p.severity == Severity::Error)
            .take(200)
            .map(|p| {
                let place = tf(
                    cx.lang,
                    "line {line}, column {column}",
                    &[
                        ("line", &p.line.to_string()),
                        ("column", &p.column.to_string()),
                    ],
                );
                el("li")
                    .child(
                        el("span")
                            .class("apt-secondary")
                            .text(format!("{place} · {} ", p.path)),
                    )
                    .child(el("span").attr("lang", "en").text(p.message.clone()))
            }),
    );
    Some(
        el("details")
            .class("apt-problems")
            .child(el("summary").text(headline))
            .child(el("p").text(cx.t("For the publisher: these parts of the feed have errors and are left out until they are corrected.")))
            .child(list),
    )
}

fn summary_row(key: &str, value: Element) -> Element {
    el("div")
        .class("apt-summary-list__row")
        .child(el("dt").class("apt-summary-list__key").text(key))
        .child(el("dd").class("apt-summary-list__value").child(value))
}

/// The council's own look at its services, not an inspection.
fn is_self_evaluation(i: &Inspection) -> bool {
    i.kind == InspectionType::SelfEvaluation || i.inspectorate == Inspectorate::Council
}

/// Inspections and self-evaluations, newest first: those with a date by their latest date,
/// then those with none, in the order of the file (never above a dated one at random).
fn newest_first(feed: &Feed) -> Vec<&Inspection> {
    let mut v: Vec<&Inspection> = feed.inspections.iter().collect();
    sort::by_key(&mut v, |i| {
        let d = i.published.or(i.end).or(i.start);
        (d.is_none(), std::cmp::Reverse(d))
    });
    v
}

/// The newest inspection; a self-evaluation only when there is no inspection at all.
fn latest_inspection(feed: &Feed) -> Option<&Inspection> {
    let all = newest_first(feed);
    all.iter()
        .find(|i| !is_self_evaluation(i))
        .or(all.first())
        .copied()
}

fn fieldwork(cx: &Ctx, i: &Inspection) -> Option<String> {
    match (i.start, i.end) {
        (Some(s), Some(e)) if s != e => Some(tf(
            cx.lang,
            "{start} to {end}",
            &[("start", &cx.date(s)), ("end", &cx.date(e))],
        )),
        (Some(d), _) | (None, Some(d)) => Some(cx.date(d)),
        (None, None) => None,
    }
}

fn inspection_title(cx: &Ctx, i: &Inspection) -> Element {
    match &i.title {
        Some(tt) => cx.span(tt),
        None if is_self_evaluation(i) => el("span").text(cx.t("Self-evaluation")),
        None => el("span").text(inspection_type_word(cx.lang, i.kind)),
    }
}

/// "Read the inspection report", or "Read the self-evaluation".
fn report_link_words(cx: &Ctx, i: &Inspection) -> &'static str {
    if is_self_evaluation(i) {
        cx.t("Read the self-evaluation")
    } else {
        cx.t("Read the inspection report")
    }
}

fn judgements_list(cx: &Ctx, i: &Inspection) -> Option<Element> {
    (!i.judgements.is_empty()).then(|| {
        el("dl")
            .class("apt-summary-list apt-judgements")
            .children(i.judgements.iter().map(|j| {
                let area = match (&j.label, j.area) {
                    (Some(l), Area::Other) => l.show(cx.lang).to_string(),
                    _ => area_word(cx.lang, j.area).to_string(),
                };
                summary_row(
                    &area,
                    tag(grade_class(j.grade), grade_word(cx.lang, j.grade)),
                )
            }))
    })
}

/// The overview: inspection, headline progress, RAG, priorities, governance.
pub fn overview(cx: &Ctx) -> Element {
    let feed = cx.feed;
    let s = &cx.summary.actions;
    let mut out = el("div").class("apt-overview").child_opt(since_section(cx));
    if let Some(i) = latest_inspection(feed) {
        let own = is_self_evaluation(i);
        let mut panel = el("div")
            .class("apt-panel")
            .child(el("h4").class("apt-h4").text(if own {
                cx.t("Latest self-evaluation")
            } else {
                cx.t("Latest inspection")
            }))
            .child(el("p").class("apt-lead").child(inspection_title(cx, i)))
            .child(
                el("dl")
                    .class("apt-summary-list")
                    .child(summary_row(
                        cx.t("Inspected by"),
                        el("span").text(inspectorate_word(cx.lang, i.inspectorate)),
                    ))
                    .child(summary_row(
                        cx.t("Type"),
                        el("span").text(inspection_type_word(cx.lang, i.kind)),
                    ))
                    .child_opt(fieldwork(cx, i).map(|f| {
                        summary_row(
                            if own {
                                cx.t("Dates")
                            } else {
                                cx.t("Inspection dates")
                            },
                            el("span").text(f),
                        )
                    }))
                    .child_opt(i.published.map(|d| {
                        summary_row(cx.t("Report published"), el("span").text(cx.date(d)))
                    })),
            );
        if let Some(j) = judgements_list(cx, i) {
            panel = panel
                .child(el("h5").class("apt-h5").text(cx.t("Judgements")))
                .child(j);
        }
        if let Some(sm) = &i.summary {
            panel = panel.child(cx.text(el("p"), sm));
        }
        if let Some(u) = &i.report_url {
            panel = panel.child(el("p").child(link(u, el("span").text(report_link_words(cx, i)))));
        }
        out = out.child(panel);
    }
    // Headline progress.
    let to_do = s.total.saturating_sub(s.withdrawn + s.ongoing);
    let unpublished = unpublished_priorities(feed);
    let any_due = feed.any_due();
    let headline = tf(
        cx.lang,
        "Actions complete: {done} of {total}",
        &[
            ("done", &i18n::number(s.complete as f64, 0)),
            ("total", &i18n::number(to_do as f64, 0)),
        ],
    );
    out = out.child(
        el("div")
            .class("apt-panel")
            .child(el("h4").class("apt-h4").text(cx.t("Progress")))
            .child(el("p").class("apt-headline").text(headline))
            .child_opt((unpublished > 0).then(|| {
                el("p").class("apt-headline-note").text(tn(
                    cx.lang,
                    unpublished,
                    "{n} priority has no actions published yet, so the plan is not complete.",
                    "{n} priorities have no actions published yet, so the plan is not complete.",
                ))
            }))
            .child_opt((s.ongoing > 0).then(|| {
                el("p").class("apt-secondary").text(tn(
                    cx.lang,
                    s.ongoing,
                    "{n} ongoing action has no end, so it is not counted.",
                    "{n} ongoing actions have no end, so they are not counted.",
                ))
            }))
            .child(crate::chart::completion(cx.lang, cx.summary, any_due))
            .child_opt((!any_due && to_do > s.complete).then(|| {
                el("p")
                    .class("apt-stat apt-stat--grey")
                    .text(cx.t("No action still to do has a due date."))
            }))
            .child_opt(any_due.then(|| {
                el("ul").class("apt-stats").children(
                    [
                        (
                            tn(
                                cx.lang,
                                s.overdue,
                                "{n} action overdue",
                                "{n} actions overdue",
                            ),
                            "due:overdue",
                            "red",
                            s.overdue,
                        ),
                        (
                            tn(
                                cx.lang,
                                s.due_soon,
                                "{n} action due in the next 30 days",
                                "{n} actions due in the next 30 days",
                            ),
                            "due:next_30_days",
                            "yellow",
                            s.due_soon,
                        ),
                    ]
                    .into_iter()
                    .map(|(label, act, class, n)| {
                        let item = el("li").class(format!("apt-stat apt-stat--{class}"));
                        if n == 0 {
                            item.child(el("span").text(label))
                        } else {
                            item.child(cx.go(format!("go:{act}"), el("span").text(label)))
                        }
                    }),
                )
            }))
            .child(status_table(cx))
            .child_opt(rag_table(cx)),
    );
    if !feed.priorities.is_empty() {
        out = out.child(
            el("div")
                .class("apt-panel")
                .child(el("h4").class("apt-h4").text(cx.t("Priorities")))
                .child(crate::chart::status_by_priority(cx.lang, feed))
                .child(priority_table(cx)),
        );
    }
    if crate::chart::burn_up_has_data(feed) {
        out = out.child(
            el("div")
                .class("apt-panel")
                .child(crate::chart::burn_up(cx.lang, feed)),
        );
    }
    out = out.child_opt(follow_ups_panel(cx));
    out = out.child_opt(governance(cx));
    let latest = latest_inspection(feed);
    let earlier: Vec<&Inspection> = newest_first(feed)
        .into_iter()
        .filter(|i| !latest.is_some_and(|l| std::ptr::eq(l, *i)))
        .collect();
    if !earlier.is_empty() {
        let own = earlier.iter().filter(|i| is_self_evaluation(i)).count();
        let heading = if own == 0 {
            cx.t("Earlier inspections")
        } else if own == earlier.len() {
            cx.t("Self-evaluations")
        } else {
            cx.t("Earlier inspections and self-evaluations")
        };
        out = out.child(
            el("div")
                .class("apt-panel")
                .child(el("h4").class("apt-h4").text(heading))
                .child(
                    el("ul")
                        .class("apt-list")
                        .children(earlier.into_iter().map(|i| {
                            let mut li =
                                el("li").child(el("strong").child(inspection_title(cx, i)));
                            if let Some(f) = fieldwork(cx, i) {
                                li = li.text(format!(" — {f}"));
                            }
                            li.child_opt(judgements_list(cx, i))
                                .child_opt(i.summary.as_ref().map(|s| cx.text(el("p"), s)))
                                .child_opt(i.report_url.as_ref().map(|u| {
                                    el("p")
                                        .child(link(u, el("span").text(report_link_words(cx, i))))
                                }))
                        })),
                ),
        );
    }
    out
}

pub(crate) fn status_table(cx: &Ctx) -> Element {
    let s = &cx.summary.actions;
    let rows = [
        (Status::NotStarted, s.not_started),
        (Status::InProgress, s.in_progress),
        (Status::Complete, s.complete),
        (Status::Withdrawn, s.withdrawn),
    ]
    .into_iter()
    .map(|(st, n)| {
        el("tr")
            .child(
                el("th")
                    .attr("scope", "row")
                    .child(tag(status_class(st), status_word(cx.lang, st))),
            )
            .child(el("td").class("apt-num").text(i18n::number(n as f64, 0)))
    })
    .collect();
    table(
        cx.t("Actions by status"),
        &[cx.t("Status"), cx.t("Actions")],
        rows,
    )
}

pub(crate) fn rag_table(cx: &Ctx) -> Option<Element> {
    let feed = cx.feed;
    let counts: Vec<(Rag, usize)> = Rag::ALL
        .iter()
        .map(|&r| (r, feed.actions.iter().filter(|a| a.rag == Some(r)).count()))
        .collect();
    if counts.iter().all(|&(_, n)| n == 0) {
        return None;
    }
    let defs = feed.plan.rag_definitions.clone().unwrap_or_default();
    let rows = counts
        .into_iter()
        .map(|(r, n)| {
            el("tr")
                .child(
                    el("th")
                        .attr("scope", "row")
                        .child(tag(&format!("rag-{}", r.word()), rag_word(cx.lang, r))),
                )
                .child(el("td").class("apt-num").text(i18n::number(n as f64, 0)))
                .child(match defs.get(r) {
                    Some(d) => cx.text(el("td"), d),
                    None => el("td"),
                })
        })
        .collect();
    Some(table(
        cx.t("Actions by RAG rating, with what each rating means"),
        &[cx.t("Rating"), cx.t("Actions"), cx.t("What it means")],
        rows,
    ))
}

/// How many priorities have no actions in the feed: a plan being published as it is written.
fn unpublished_priorities(feed: &Feed) -> usize {
    feed.priorities
        .iter()
        .filter(|p| feed.action_indexes_in(&p.id).is_empty())
        .count()
}

/// (1.1) What the meetings asked for and is not done yet, the overdue first, then by due date
/// (none last): where a reader looks for what is outstanding.
fn follow_ups_panel(cx: &Ctx) -> Option<Element> {
    let feed = cx.feed;
    let mut open: Vec<(&Meeting, &FollowUp)> = feed
        .meetings
        .iter()
        .flat_map(|m| m.follow_ups.iter().map(move |f| (m, f)))
        .filter(|(_, f)| f.done.is_none())
        .collect();
    if open.is_empty() {
        return None;
    }
    sort::by_key(&mut open, |(_, f)| {
        (!f.is_overdue(feed.as_of), f.due.is_none(), f.due)
    });
    let overdue = open
        .iter()
        .filter(|(_, f)| f.is_overdue(feed.as_of))
        .count();
    let mut panel = el("div")
        .class("apt-panel apt-follow-ups")
        .child(
            el("h4")
                .class("apt-h4")
                .text(cx.t("What committees asked for")),
        )
        .child(el("p").text(tn(
            cx.lang,
            open.len(),
            "{n} request is not done yet.",
            "{n} requests are not done yet.",
        )));
    if overdue > 0 {
        panel = panel.child(el("p").child(tag(
            "red",
            &tn(cx.lang, overdue, "{n} overdue", "{n} overdue"),
        )));
    }
    Some(
        panel.child(
            el("ul").class("apt-list").children(
                open.into_iter()
                    .map(|(m, f)| follow_up_item(cx, f, Some(m))),
            ),
        ),
    )
}

/// One follow-up: what was asked, its state, who leads it, when it is due and (on the
/// overview) which meeting asked.
fn follow_up_item(cx: &Ctx, f: &FollowUp, asked_by: Option<&Meeting>) -> Element {
    let as_of = cx.feed.as_of;
    let state = match f.done {
        Some(d) => tag(
            "green",
            &tf(cx.lang, "Done {date}", &[("date", &cx.date(d))]),
        ),
        None if f.is_overdue(as_of) => tag("red", cx.t("Overdue")),
        None => tag("grey", cx.t("Not done yet")),
    };
    let mut facts = el("p").class("apt-action__facts");
    if let Some(l) = &f.lead {
        facts = facts.child(
            el("span")
                .text(format!("{} ", cx.t("Lead:")))
                .child(cx.span(l)),
        );
    }
    if let Some(d) = f.due {
        facts = facts.child(el("span").text(tf(cx.lang, "Due {date}", &[("date", &cx.date(d))])));
    }
    if let Some(m) = asked_by {
        facts = facts.child(el("span").text(tf(
            cx.lang,
            "Asked for by {body} on {date}",
            &[("body", m.body.show(cx.lang)), ("date", &cx.date(m.date))],
        )));
    }
    el("li")
        .class("apt-follow-up")
        .child(el("p").child(state).text(" ").child(cx.span(&f.text)))
        .child(facts)
}

fn priority_table(cx: &Ctx) -> Element {
    let feed = cx.feed;
    let rows = feed
        .priorities
        .iter()
        .map(|p| {
            let tally = Tally::of(feed.actions_in(&p.id), feed.as_of);
            let row = el("tr").child(
                el("th")
                    .attr("scope", "row")
                    .child(cx.go(format!("go:priority:{}", p.id), cx.span(&p.title)))
                    .child_opt(
                        p.description
                            .as_ref()
                            .map(|d| cx.text(el("span").class("apt-block"), d)),
                    )
                    .child_opt(p.lead.as_ref().map(|l| {
                        el("span")
                            .class("apt-secondary apt-block")
                            .children(isolated(cx.t("Lead: {lead}"), &[("lead", l.show(cx.lang))]))
                    })),
            );
            if tally.total == 0 {
                // Never "0 of 0" or "0%": the priority's actions are not published yet.
                return row.child(
                    el("td")
                        .attr("colspan", "3")
                        .class("apt-secondary")
                        .text(cx.t("No actions published for this priority yet")),
                );
            }
            row.child(el("td").class("apt-num").text(format!(
                "{} / {}",
                i18n::number(tally.complete as f64, 0),
                i18n::number(tally.to_do() as f64, 0)
            )))
            .child(
                el("td")
                    .class("apt-num")
                    .text(i18n::number(tally.overdue() as f64, 0)),
            )
            .child(el("td").child(bar(tally.percent(), &i18n::percent(tally.percent()))))
        })
        .collect();
    table(
        cx.t("Actions complete and overdue in each priority"),
        &[
            cx.t("Priority"),
            cx.t("Complete"),
            cx.t("Overdue"),
            cx.t("Progress"),
        ],
        rows,
    )
}

fn governance(cx: &Ctx) -> Option<Element> {
    let feed = cx.feed;
    let mut meetings: Vec<&Meeting> = feed
        .meetings
        .iter()
        .filter(|m| m.date <= feed.as_of)
        .collect();
    sort::by_key(&mut meetings, |m| std::cmp::Reverse(m.date));
    let upcoming: Vec<&Meeting> = {
        let mut v: Vec<&Meeting> = feed
            .meetings
            .iter()
            .filter(|m| m.date > feed.as_of)
            .collect();
        sort::by_key(&mut v, |m| m.date);
        v
    };
    if meetings.is_empty()
        && upcoming.is_empty()
        && feed.plan.next_review.is_none()
        && feed.plan.approved.is_none()
    {
        return None;
    }
    let meeting_item = |m: &Meeting| {
        let mut li = el("li")
            .child(el("strong").text(cx.date(m.date)))
            .text(" — ")
            .child(cx.span(&m.body));
        if let Some(tt) = &m.title {
            li = li.text(": ").child(cx.span(tt));
        }
        if let Some(o) = &m.outcome {
            li = li.child(
                el("span")
                    .class("apt-block apt-secondary")
                    .text(format!("{} ", cx.t("Outcome:")))
                    .child(cx.span(o)),
            );
        }
        li.child_opt(m.url.as_ref().map(|u| {
            el("span")
                .class("apt-block")
                .child(link(u, el("span").text(cx.t("Papers and minutes"))))
        }))
        .child_opt((!m.follow_ups.is_empty()).then(|| {
            el("div")
                .class("apt-meeting__follow-ups")
                .child(el("p").class("apt-block").text(cx.t("Asked for:")))
                .child(
                    el("ul")
                        .class("apt-list")
                        .children(m.follow_ups.iter().map(|f| follow_up_item(cx, f, None))),
                )
        }))
    };
    let plan = &feed.plan;
    let mut dl = el("dl").class("apt-summary-list");
    if let Some(d) = plan.approved {
        let by = plan
            .approved_by
            .as_ref()
            .map(|b| b.show(cx.lang).to_string());
        let v = match by {
            Some(b) => tf(
                cx.lang,
                "{date} by {body}",
                &[("date", &cx.date(d)), ("body", &b)],
            ),
            None => cx.date(d),
        };
        dl = dl.child(summary_row(cx.t("Plan approved"), el("span").text(v)));
    }
    if let Some(d) = plan.next_review {
        dl = dl.child(summary_row(
            cx.t("Next review"),
            el("span").text(cx.date(d)),
        ));
    }
    let mut panel = el("div")
        .class("apt-panel")
        .child(el("h4").class("apt-h4").text(cx.t("Governance")))
        .child(dl);
    if !meetings.is_empty() {
        panel = panel
            .child(el("h5").class("apt-h5").text(cx.t("Recent meetings")))
            .child(
                el("ul")
                    .class("apt-list")
                    .children(meetings.into_iter().take(4).map(meeting_item)),
            );
    }
    if !upcoming.is_empty() {
        panel = panel
            .child(el("h5").class("apt-h5").text(cx.t("Coming up")))
            .child(
                el("ul")
                    .class("apt-list")
                    .children(upcoming.into_iter().take(3).map(meeting_item)),
            );
    }
    if let Some(u) = &plan.url {
        panel = panel.child(el("p").child(link(
            u,
            el("span").text(cx.t("Read the full improvement plan")),
        )));
    }
    Some(panel)
}

/// The label of a filter kind.
fn kind_label(lang: Lang, kind: &str) -> &'static str {
    t(
        lang,
        match kind {
            "status" => "Status",
            "rag" => "RAG rating",
            "due" => "Due",
            "priority" => "Priority",
            "area" => "Judgement area",
            "lead" => "Lead",
            "finding" => "Finding",
            _ => "Search",
        },
    )
}

/// The label of a filter kind; "Changed since 22 October 2026" for the changes.
fn group_label(cx: &Ctx, kind: &str) -> String {
    match (kind, comparison(cx)) {
        ("changed", Some(c)) => tf(
            cx.lang,
            "Changed since {date}",
            &[("date", &cx.date(c.since))],
        ),
        _ => kind_label(cx.lang, kind).to_string(),
    }
}

fn due_word(lang: Lang, d: Due) -> &'static str {
    t(
        lang,
        match d {
            Due::Overdue => "Overdue",
            Due::Next30 => "Due in the next 30 days",
            Due::Later => "Due later",
            Due::Ongoing => "Ongoing",
        },
    )
}

/// Each chosen filter as (kind, value, label) — for the removable list.
fn chosen(cx: &Ctx, f: &Filters) -> Vec<(&'static str, String, String)> {
    let feed = cx.feed;
    let mut out = Vec::new();
    for s in &f.status {
        out.push((
            "status",
            s.word().to_string(),
            status_word(cx.lang, *s).to_string(),
        ));
    }
    for r in &f.rag {
        out.push((
            "rag",
            r.word().to_string(),
            rag_word(cx.lang, *r).to_string(),
        ));
    }
    for d in &f.due {
        out.push((
            "due",
            d.word().to_string(),
            due_word(cx.lang, *d).to_string(),
        ));
    }
    // A value the feed does not have is never shown (State::keep_known drops it first): a
    // crafted link must not put its own words on the council's page.
    for p in &f.priority {
        if let Some(x) = feed.priority(p) {
            out.push(("priority", p.clone(), x.title.show(cx.lang).to_string()));
        }
    }
    for a in &f.area {
        out.push((
            "area",
            a.word().to_string(),
            area_short(cx.lang, *a).to_string(),
        ));
    }
    for l in &f.lead {
        out.push(("lead", l.clone(), l.clone()));
    }
    for x in f.finding.iter().filter(|x| feed.finding(x).is_some()) {
        out.push(("finding", x.clone(), finding_label(cx, x)));
    }
    for k in &f.changed {
        out.push((
            "changed",
            k.word().to_string(),
            change_word(cx.lang, *k).to_string(),
        ));
    }
    out
}

fn finding_label(cx: &Ctx, id: &str) -> String {
    cx.feed.finding(id).map_or(id.to_string(), |f| {
        let words: String = f.text.show(cx.lang).chars().take(70).collect();
        let more = if words.chars().count() < f.text.show(cx.lang).chars().count() {
            "…"
        } else {
            ""
        };
        format!("{id}: {words}{more}")
    })
}

fn checkbox_group(
    cx: &Ctx,
    kind: &'static str,
    options: Vec<(String, String, usize)>,
    selected: &[String],
) -> Element {
    let n_sel = selected.len();
    let legend = if n_sel > 0 {
        format!(
            "{} ({})",
            group_label(cx, kind),
            tn(cx.lang, n_sel, "{n} selected", "{n} selected")
        )
    } else {
        group_label(cx, kind)
    };
    let boxes = options
        .into_iter()
        .enumerate()
        .map(|(i, (value, label, count))| {
            let id = format!("apt-f-{kind}-{i}");
            el("div")
                .class("apt-checkbox")
                .child(
                    el("input")
                        .class("apt-checkbox__input")
                        .attr("type", "checkbox")
                        .attr("id", id.clone())
                        .attr("value", value.clone())
                        .attr("data-act", format!("toggle:{kind}:{value}"))
                        .flag("checked", selected.contains(&value)),
                )
                .child(
                    el("label")
                        .class("apt-checkbox__label")
                        .attr("for", id)
                        .child(bdi(label))
                        .child(
                            el("span")
                                .class("apt-secondary")
                                .text(format!(" ({count})")),
                        ),
                )
        });
    el("details")
        .class("apt-filter-group")
        .child(
            el("summary")
                .class("apt-filter-group__summary")
                .text(legend),
        )
        .child(
            el("fieldset")
                .class("apt-fieldset")
                .child(
                    el("legend")
                        .class("apt-visually-hidden")
                        .text(group_label(cx, kind)),
                )
                .children(boxes),
        )
}

fn filter_panel(cx: &Ctx, state: &State, index: &Index) -> Element {
    let feed = cx.feed;
    let f = &state.filters;
    let count = |kind: &'static str, value: &str| index.count(kind, value);
    let mut groups = vec![
        checkbox_group(
            cx,
            "status",
            Status::ALL
                .iter()
                .map(|&s| {
                    (
                        s.word().into(),
                        status_word(cx.lang, s).into(),
                        count("status", s.word()),
                    )
                })
                .collect(),
            &f.status
                .iter()
                .map(|s| s.word().to_string())
                .collect::<Vec<_>>(),
        ),
        checkbox_group(
            cx,
            "due",
            Due::ALL
                .iter()
                // (1.1) "Ongoing" only for a plan that has ongoing work (or when chosen).
                .filter(|&&d| d != Due::Ongoing || count("due", d.word()) > 0 || f.due.contains(&d))
                .map(|&d| {
                    (
                        d.word().into(),
                        due_word(cx.lang, d).into(),
                        count("due", d.word()),
                    )
                })
                .collect(),
            &f.due
                .iter()
                .map(|s| s.word().to_string())
                .collect::<Vec<_>>(),
        ),
    ];
    if let Some(c) = comparison(cx) {
        groups.push(checkbox_group(
            cx,
            "changed",
            CHANGE_ORDER
                .iter()
                .map(|&k| {
                    (
                        k.word().into(),
                        change_word(cx.lang, k).into(),
                        c.actions.get(k),
                    )
                })
                .collect(),
            &f.changed
                .iter()
                .map(|k| k.word().to_string())
                .collect::<Vec<_>>(),
        ));
    }

    if feed.actions.iter().any(|a| a.rag.is_some()) {
        groups.push(checkbox_group(
            cx,
            "rag",
            Rag::ALL
                .iter()
                .map(|&r| {
                    (
                        r.word().into(),
                        rag_word(cx.lang, r).into(),
                        count("rag", r.word()),
                    )
                })
                .collect(),
            &f.rag
                .iter()
                .map(|s| s.word().to_string())
                .collect::<Vec<_>>(),
        ));
    }
    if !feed.priorities.is_empty() {
        groups.push(checkbox_group(
            cx,
            "priority",
            feed.priorities
                .iter()
                .map(|p| {
                    (
                        p.id.clone(),
                        p.title.show(cx.lang).to_string(),
                        count("priority", &p.id),
                    )
                })
                .collect(),
            &f.priority,
        ));
    }
    let areas: Vec<Area> = Area::ALL
        .iter()
        .copied()
        .filter(|a| count("area", a.word()) > 0)
        .collect();
    if !areas.is_empty() {
        groups.push(checkbox_group(
            cx,
            "area",
            areas
                .iter()
                .map(|&a| {
                    (
                        a.word().into(),
                        area_short(cx.lang, a).into(),
                        count("area", a.word()),
                    )
                })
                .collect(),
            &f.area
                .iter()
                .map(|s| s.word().to_string())
                .collect::<Vec<_>>(),
        ));
    }
    let leads = index.leads(cx.lang);
    if !leads.is_empty() {
        groups.push(checkbox_group(
            cx,
            "lead",
            leads
                .iter()
                .map(|l| (l.clone(), l.clone(), count("lead", l)))
                .collect(),
            &f.lead,
        ));
    }
    let answered: Vec<&Finding> = feed
        .findings
        .iter()
        .filter(|x| x.kind != FindingKind::Strength && count("finding", &x.id) > 0)
        .collect();
    if !answered.is_empty() {
        groups.push(checkbox_group(
            cx,
            "finding",
            answered
                .iter()
                .map(|x| {
                    (
                        x.id.clone(),
                        finding_label(cx, &x.id),
                        count("finding", &x.id),
                    )
                })
                .collect(),
            &f.finding,
        ));
    }
    el("div")
        .class("apt-filters")
        .attr("role", "search")
        .attr("aria-label", cx.t("Filter actions"))
        .child(el("h4").class("apt-h4").text(cx.t("Filter actions")))
        .child(
            el("div")
                .class("apt-form-group")
                .child(
                    el("label")
                        .class("apt-label")
                        .attr("for", "apt-search")
                        .text(cx.t("Search actions")),
                )
                .child(
                    el("p")
                        .class("apt-hint")
                        .attr("id", "apt-search-hint")
                        .text(cx.t("Words in the title, description, lead, team or updates")),
                )
                .child(
                    el("input")
                        .class("apt-input")
                        .attr("type", "search")
                        .attr("id", "apt-search")
                        .attr("aria-describedby", "apt-search-hint")
                        .attr("data-act", "search")
                        .attr("autocomplete", "off")
                        .attr("value", f.search.clone()),
                ),
        )
        .children(groups)
}

/// The actions view: filters, the chosen filters, the count, the sort and one page of actions.
pub fn actions(cx: &Ctx, state: &State, index: &Index) -> Element {
    let feed = cx.feed;
    let matching = index.matching(feed, &state.filters, state.sort, state.since);
    let groups = filter::tree(feed, &matching);
    let page_size = if cx.print {
        groups.len().max(1)
    } else {
        PAGE_SIZE
    };
    let pages = groups.len().div_ceil(page_size).max(1);
    let page = state.page.min(pages - 1);
    let chosen = chosen(cx, &state.filters);
    let mut chosen_el = el("div").class("apt-chosen");
    if !chosen.is_empty() || !state.filters.search.is_empty() {
        let mut items: Vec<Element> = chosen
            .iter()
            .map(|(kind, value, label)| {
                let name = format!("{}: {label}", group_label(cx, kind));
                let shown = el("span")
                    .text(format!("{}: ", group_label(cx, kind)))
                    .child(bdi(label.clone()));
                el("li").child(
                    el("button")
                        .class("apt-chip")
                        .attr("type", "button")
                        .attr("data-act", format!("remove:{kind}:{value}"))
                        .attr(
                            "aria-label",
                            tf(cx.lang, "Remove filter {name}", &[("name", &name)]),
                        )
                        .child(el("span").attr("aria-hidden", "true").text("✕ "))
                        .child(shown),
                )
            })
            .collect();
        if !state.filters.search.is_empty() {
            // The reader's own words (a link can carry any), quoted as theirs: never shown
            // as a label of the council's.
            let template = cx.t("Your search: “{words}”");
            let words = [("words", state.filters.search.as_str())];
            let name = tf(cx.lang, "Your search: “{words}”", &words);
            let shown = el("span").children(isolated(template, &words));
            items.push(
                el("li").child(
                    el("button")
                        .class("apt-chip")
                        .attr("type", "button")
                        .attr("data-act", "remove:search:")
                        .attr(
                            "aria-label",
                            tf(cx.lang, "Remove filter {name}", &[("name", &name)]),
                        )
                        .child(el("span").attr("aria-hidden", "true").text("✕ "))
                        .child(shown),
                ),
            );
        }
        chosen_el = chosen_el
            .child(el("h4").class("apt-h4").text(cx.t("Chosen filters")))
            .child(el("ul").class("apt-chips").children(items))
            .child(
                el("button")
                    .class("apt-button apt-button--secondary")
                    .attr("type", "button")
                    .attr("data-act", "clear")
                    .text(cx.t("Clear all filters")),
            );
    }
    let count_text = tn(
        cx.lang,
        matching.len(),
        "{n} action matches",
        "{n} actions match",
    );
    let sort = el("div")
        .class("apt-form-group apt-sort")
        .child(
            el("label")
                .class("apt-label")
                .attr("for", "apt-sort")
                .text(cx.t("Sort by")),
        )
        .child(
            el("select")
                .class("apt-select")
                .attr("id", "apt-sort")
                .attr("data-act", "sort")
                .children(Sort::ALL.iter().map(|&s| {
                    el("option")
                        .attr("value", s.word())
                        .flag("selected", s == state.sort)
                        .text(t(
                            cx.lang,
                            match s {
                                Sort::Number => "Action number",
                                Sort::Due => "Due date",
                                Sort::Status => "Status",
                            },
                        ))
                })),
        );
    let shown = groups.iter().skip(page * page_size).take(page_size);
    let list = el("ol")
        .class("apt-actions")
        .attr("aria-label", cx.t("Actions"))
        .children(shown.map(|g| action_group(cx, state, g)));
    if cx.print {
        // Print and the static page: every matching action, opened; no controls.
        return el("div")
            .class("apt-actions-view apt-actions-view--print")
            .child(el("p").class("apt-count").text(count_text))
            .child(list);
    }
    let mut results = el("div")
        .class("apt-results")
        .child(
            el("div")
                .class("apt-results__bar")
                .child(
                    el("p")
                        .class("apt-count")
                        .attr("id", "apt-count")
                        .attr("tabindex", "-1")
                        .attr("role", "status")
                        .attr("aria-live", "polite")
                        .text(count_text),
                )
                .child(sort),
        )
        .child(chosen_el)
        .child(
            el("p").class("apt-csv").child(
                el("button")
                    .class("apt-button apt-button--secondary")
                    .attr("type", "button")
                    .attr("data-act", "csv")
                    .text(cx.t("Download these actions (CSV)")),
            ),
        )
        .child(list);
    if matching.is_empty() && !feed.actions.is_empty() {
        results = results.child(
            el("p")
                .class("apt-empty")
                .text(cx.t("No actions match these filters. Remove a filter or clear them all.")),
        );
    }
    if pages > 1 {
        results = results.child(pagination(cx, page, pages));
    }
    el("div")
        .class("apt-actions-view")
        .child(filter_panel(cx, state, index))
        .child(results)
}

fn pagination(cx: &Ctx, page: usize, pages: usize) -> Element {
    let mut nav = el("nav")
        .class("apt-pagination")
        .attr("aria-label", cx.t("Pages of actions"));
    if page > 0 {
        nav = nav.child(
            el("button")
                .class("apt-button apt-button--secondary")
                .attr("type", "button")
                .attr("data-act", format!("page:{}", page - 1))
                .text(cx.t("Previous page")),
        );
    }
    nav = nav.child(el("span").class("apt-pagination__status").text(tf(
        cx.lang,
        "Page {page} of {pages}",
        &[
            ("page", &(page + 1).to_string()),
            ("pages", &pages.to_string()),
        ],
    )));
    if page + 1 < pages {
        nav = nav.child(
            el("button")
                .class("apt-button apt-button--secondary")
                .attr("type", "button")
                .attr("data-act", format!("page:{}", page + 1))
                .text(cx.t("Next page")),
        );
    }
    nav
}

/// A group of rows (an action and its sub-actions) as nested list items.
fn action_group(cx: &Ctx, state: &State, rows: &[Row]) -> Element {
    fn nest(cx: &Ctx, state: &State, rows: &[Row]) -> Element {
        let head = rows[0];
        let mut li = action_item(cx, state, head.action);
        let rest = &rows[1..];
        if !rest.is_empty() {
            let mut subs = Vec::new();
            let mut i = 0;
            while i < rest.len() {
                let start = i;
                i += 1;
                while i < rest.len() && rest[i].depth > rest[start].depth {
                    i += 1;
                }
                subs.push(nest(cx, state, &rest[start..i]));
            }
            li = li.child(
                el("ol")
                    .class("apt-actions apt-actions--sub")
                    .attr(
                        "aria-label",
                        tf(
                            cx.lang,
                            "Sub-actions of {id}",
                            &[("id", &cx.feed.actions[head.action].id)],
                        ),
                    )
                    .children(subs),
            );
        }
        li
    }
    nest(cx, state, rows)
}

/// An element id for feed id `id`: letters, digits and `-` kept, every other byte `_` and
/// two hex digits (`_` itself too), so distinct ids never share an element id (`a%41` and
/// `a_2541` did).
fn dom_id(prefix: &str, id: &str) -> String {
    let mut out = format!("{prefix}-");
    for b in id.bytes() {
        if b.is_ascii_alphanumeric() || b == b'-' {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("_{b:02x}"));
        }
    }
    out
}

/// The compact line of facts under an action's title.
fn action_meta(cx: &Ctx, a: &Action) -> Element {
    let feed = cx.feed;
    let mut meta = el("div")
        .class("apt-action__meta")
        .child(tag(status_class(a.status), status_word(cx.lang, a.status)));
    if a.status == Status::Complete && a.signed_off.is_none() && feed.signs_off() {
        meta = meta.child(tag("grey", cx.t("Awaiting sign-off")));
    }
    if let Some(r) = a.rag {
        meta = meta.child(tag(
            &format!("rag-{}", r.word()),
            &tf(
                cx.lang,
                "RAG: {rating}",
                &[("rating", rag_word(cx.lang, r))],
            ),
        ));
    }
    if a.is_overdue(feed.as_of) {
        meta = meta.child(tag("red", cx.t("Overdue")));
    } else if a.is_due_soon(feed.as_of) {
        meta = meta.child(tag("yellow", cx.t("Due soon")));
    }
    if let (true, Some(r)) = (a.is_ongoing(), &a.recurrence) {
        meta = meta.child(
            el("strong")
                .class("apt-tag apt-tag--ongoing")
                .text(format!("{} ", cx.t("Ongoing:")))
                .child(cx.span(r)),
        );
    }
    meta = meta.children(change_badges(cx, a));
    let mut facts = el("p").class("apt-action__facts");
    if let Some(l) = &a.lead {
        facts = facts.child(
            el("span")
                .text(format!("{} ", cx.t("Lead:")))
                .child(cx.span(l)),
        );
    }
    if let Some(d) = a.effective_due() {
        facts = facts.child(el("span").text(tf(cx.lang, "Due {date}", &[("date", &cx.date(d))])));
    }
    if let Some(c) = a.completed {
        facts =
            facts.child(el("span").text(tf(cx.lang, "Completed {date}", &[("date", &cx.date(c))])));
    }
    if let Some(p) = a.progress {
        facts = facts.child(bar(
            p,
            &tf(cx.lang, "{percent} done", &[("percent", &i18n::percent(p))]),
        ));
    }
    meta.child(facts)
}

fn action_item(cx: &Ctx, state: &State, i: usize) -> Element {
    let a = &cx.feed.actions[i];
    let open = cx.print || state.open.iter().any(|o| o == &a.id);
    let details_id = dom_id("apt-d", &a.id);
    if cx.print {
        let title = el("h4")
            .class("apt-action__title")
            .child(
                el("span")
                    .class("apt-action__id")
                    .attr("dir", "auto")
                    .text(a.number().to_string()),
            )
            .text(" ")
            .child(cx.span(&a.title));
        return el("li")
            .class("apt-action")
            .attr("data-id", a.id.clone())
            .child(title)
            .child(action_meta(cx, a))
            .child(action_details(cx, a));
    }
    let title = el("h4").class("apt-action__title").child(
        el("button")
            .class("apt-action__toggle")
            .attr("type", "button")
            .attr("aria-expanded", if open { "true" } else { "false" })
            .attr("aria-controls", details_id.clone())
            .attr("data-act", format!("open:{}", a.id))
            .child(
                el("span")
                    .class("apt-action__id")
                    .attr("dir", "auto")
                    .text(a.number().to_string()),
            )
            .text(" ")
            .child(cx.span(&a.title)),
    );
    let details = action_details(cx, a)
        .attr("id", details_id)
        .flag("hidden", !open);
    el("li")
        .class("apt-action")
        .attr("data-id", a.id.clone())
        .child(title)
        .child(action_meta(cx, a))
        .child(details)
}

/// Everything about one action, shown when it is opened (and always in print and the static page).
pub fn action_details(cx: &Ctx, a: &Action) -> Element {
    let feed = cx.feed;
    let mut d = el("div").class("apt-action__details");
    if let Some(desc) = &a.description {
        d = d.child(cx.text(el("p"), desc));
    }
    let mut dl = el("dl").class("apt-summary-list");
    let rows: [(&str, Option<Element>); 10] = [
        (cx.t("Lead"), a.lead.as_ref().map(|l| cx.span(l))),
        (cx.t("Happens"), a.recurrence.as_ref().map(|r| cx.span(r))),
        (cx.t("Team"), a.team.as_ref().map(|l| cx.span(l))),
        (
            cx.t("Priority"),
            a.priority
                .as_ref()
                .and_then(|p| feed.priority(p))
                .map(|p| cx.span(&p.title)),
        ),
        (
            cx.t("Part of"),
            a.parent.as_ref().and_then(|p| feed.action(p)).map(|p| {
                el("span")
                    .child(bdi(p.number().to_string()))
                    .text(" ")
                    .child(cx.span(&p.title))
            }),
        ),
        (cx.t("Start"), a.start.map(|x| el("span").text(cx.date(x)))),
        (
            if a.revised_due.is_some() {
                cx.t("Original due date")
            } else {
                cx.t("Due date")
            },
            a.due.map(|x| el("span").text(cx.date(x))),
        ),
        (
            cx.t("Revised due date"),
            a.revised_due.map(|x| el("span").text(cx.date(x))),
        ),
        (
            cx.t("Completed"),
            a.completed.map(|x| el("span").text(cx.date(x))),
        ),
        (
            cx.t("Signed off"),
            a.signed_off.map(|x| el("span").text(cx.date(x))),
        ),
    ];
    for (k, v) in rows {
        if let Some(v) = v {
            dl = dl.child(summary_row(k, v));
        }
    }
    d = d.child(dl).child_opt(then_and_now(cx, a));
    if !a.milestones.is_empty() {
        let rows = a
            .milestones
            .iter()
            .map(|m| {
                el("tr")
                    .child(cx.text(el("td"), &m.title))
                    .child(el("td").text(m.due.map(|x| cx.date(x)).unwrap_or_default()))
                    .child(
                        el("td").text(
                            m.completed
                                .map(|x| cx.date(x))
                                .unwrap_or_else(|| cx.t("Not yet").to_string()),
                        ),
                    )
            })
            .collect();
        d = d.child(table(
            &tf(cx.lang, "Milestones for action {id}", &[("id", a.number())]),
            &[cx.t("Milestone"), cx.t("Due"), cx.t("Completed")],
            rows,
        ));
    }
    if !a.success_measures.is_empty() {
        d = d
            .child(
                el("h5")
                    .class("apt-h5")
                    .text(cx.t("How success will be measured")),
            )
            .child(
                el("ul")
                    .class("apt-list")
                    .children(a.success_measures.iter().map(|s| cx.text(el("li"), s))),
            );
    }
    if !a.evidence.is_empty() {
        d =
            d.child(el("h5").class("apt-h5").text(cx.t("Evidence")))
                .child(el("ul").class("apt-list").children(a.evidence.iter().map(
                    |e| match &e.url {
                        Some(u) => el("li").child(link(u, cx.span(&e.text))),
                        None => cx.text(el("li"), &e.text),
                    },
                )));
    }
    // Its own findings, then its priority's: the first ANSWERS_SHOWN listed, all counted,
    // without going through every finding of a priority that may name thousands.
    let via = relations::via_priority(feed, a);
    let own: Vec<&str> = relations::own_findings(feed, a).collect();
    let mut seen: HashSet<&str> = own.iter().copied().collect();
    let via_list = a
        .priority
        .as_deref()
        .and_then(|p| feed.priority(p))
        .map_or(&[][..], |p| p.findings.as_slice());
    let answered = own.len() + via.map_or(0, HashSet::len);
    let linked: Vec<&Finding> = own
        .into_iter()
        .chain(
            via_list
                .iter()
                .map(String::as_str)
                .filter(|f| seen.insert(f)),
        )
        .take(ANSWERS_SHOWN)
        .filter_map(|id| feed.finding(id))
        .collect();
    if !linked.is_empty() {
        d = d
            .child(
                el("h5")
                    .class("apt-h5")
                    .text(cx.t("Inspection findings this action answers")),
            )
            .child(
                el("ul")
                    .class("apt-list")
                    .children(linked.iter().map(|f| {
                        el("li")
                            .child(tag("grey", kind_word(cx.lang, f.kind)))
                            .text(" ")
                            .child(cx.span(&f.text))
                    }))
                    .child_opt((answered > linked.len()).then(|| {
                        el("li").text(tf(
                            cx.lang,
                            "and {count} more",
                            &[("count", &(answered - linked.len()).to_string())],
                        ))
                    })),
            );
    }
    let inds: Vec<&Indicator> = a
        .indicators
        .iter()
        .filter_map(|id| feed.indicator(id))
        .collect();
    if !inds.is_empty() {
        d = d
            .child(
                el("h5")
                    .class("apt-h5")
                    .text(cx.t("Indicators that show its impact")),
            )
            .child(el("ul").class("apt-list").children(inds.iter().map(|ind| {
                let latest = ind.latest().and_then(|v| v.value.map(|x| (v.period, x)));
                let mut li = el("li").child(cx.span(&ind.name));
                if let Some((p, x)) = latest {
                    li = li.text(format!(
                        ": {} ({})",
                        i18n::value(cx.lang, ind.unit, x),
                        i18n::period(cx.lang, p)
                    ));
                }
                li
            })));
    }
    if !a.updates.is_empty() {
        let mut ups: Vec<&Update> = a.updates.iter().collect();
        sort::by_key(&mut ups, |u| std::cmp::Reverse(u.date));
        d = d
            .child(el("h5").class("apt-h5").text(cx.t("Updates, newest first")))
            .child(
                el("ol")
                    .class("apt-updates")
                    .children(ups.into_iter().map(|u| {
                        let mut head = el("p")
                            .class("apt-update__head")
                            .child(el("strong").text(cx.date(u.date)));
                        if let Some(s) = u.status {
                            head = head
                                .text(" ")
                                .child(tag(status_class(s), status_word(cx.lang, s)));
                        }
                        if let Some(r) = u.rag {
                            head = head.text(" ").child(tag(
                                &format!("rag-{}", r.word()),
                                &tf(
                                    cx.lang,
                                    "RAG: {rating}",
                                    &[("rating", rag_word(cx.lang, r))],
                                ),
                            ));
                        }
                        if let Some(p) = u.progress {
                            head = head.text(format!(
                                " {}",
                                tf(cx.lang, "{percent} done", &[("percent", &i18n::percent(p))])
                            ));
                        }
                        if let Some(r) = u.revised_due {
                            head = head.text(format!(
                                " · {}",
                                tf(
                                    cx.lang,
                                    "Due date revised to {date}",
                                    &[("date", &cx.date(r))]
                                )
                            ));
                        }
                        let meeting = u.meeting.as_ref().and_then(|m| feed.meeting(m)).map(|m| {
                            el("p").class("apt-secondary").children(isolated(
                                cx.t("Reported to {body} on {date}"),
                                &[("body", m.body.show(cx.lang)), ("date", &cx.date(m.date))],
                            ))
                        });
                        el("li")
                            .class("apt-update")
                            .child(head)
                            .child_opt(u.text.as_ref().map(|x| cx.text(el("p"), x)))
                            .child_opt(meeting)
                    })),
            );
    }
    d
}

/// How many answering actions a finding lists, and answered findings an action lists; the rest
/// are counted ("and 2,980 more"), and the actions view filtered by the finding shows them all.
const ANSWERS_SHOWN: usize = 20;

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
        return el("p").text(cx.t("This plan lists no inspection findings."));
    }
    let answers = Answers::new(feed);
    let answering = |f: &Finding| answers.of(f);
    let rank = |k: FindingKind| match k {
        FindingKind::PriorityAction => 0,
        FindingKind::AreaForImprovement => 1,
        FindingKind::Recommendation => 2,
        FindingKind::Strength => 3,
    };
    let finding_item = |f: &Finding| {
        let ((done, withdrawn, answered), acts) = answering(f);
        let mut li = el("li").class("apt-finding").child(
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
        if let Some(r) = &f.response {
            li = li.child(
                el("div")
                    .class("apt-finding__response")
                    .child(el("p").class("apt-h5").text(cx.t("The council's response")))
                    .child(cx.text(el("p"), r)),
            );
        }
        if f.kind != FindingKind::Strength {
            if acts.is_empty() {
                li = li.child(
                    el("p")
                        .class("apt-secondary")
                        .text(cx.t("No action in the plan names this finding yet.")),
                );
            } else if answered == withdrawn {
                // Only withdrawn or ongoing actions: nothing to count as complete.
                li = li.child(el("ul").class("apt-list apt-finding__actions").children(
                    acts.iter().map(|a| {
                        el("li").child(
                            cx.go(
                                format!("find:{}:{}", f.id, a.id),
                                el("span")
                                    .text(format!("{} ", a.number()))
                                    .child(cx.span(&a.title)),
                            ),
                        )
                    }),
                ));
            } else {
                let p = crate::summary::percent_complete(done, answered, withdrawn);
                li = li
                    .child(
                        el("p")
                            .class("apt-secondary")
                            .text(tf(
                                cx.lang,
                                "Actions complete: {done} of {total}",
                                &[
                                    ("done", &done.to_string()),
                                    ("total", &(answered - withdrawn).to_string()),
                                ],
                            ))
                            .text(" ")
                            .child(bar(p, &i18n::percent(p))),
                    )
                    .child(
                        el("ul")
                            .class("apt-list apt-finding__actions")
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
                                    .child(tag(
                                        status_class(a.status),
                                        status_word(cx.lang, a.status),
                                    ))
                            }))
                            .child_opt((answered > acts.len()).then(|| {
                                el("li").child(cx.go(
                                    format!("go:finding:{}", f.id),
                                    el("span").text(tf(
                                        cx.lang,
                                        "and {count} more",
                                        &[("count", &(answered - acts.len()).to_string())],
                                    )),
                                ))
                            })),
                    );
            }
        }
        li
    };
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
    let mut out = el("div").class("apt-findings");
    for insp in inspections {
        let of_this: Vec<&Finding> = match insp {
            Some(i) => by_inspection.remove(i.id.as_str()).unwrap_or_default(),
            None => std::mem::take(&mut other),
        }
        .into_iter()
        .map(|k| &feed.findings[k])
        .collect();
        if of_this.is_empty() {
            continue;
        }
        let heading = match insp {
            Some(i) => {
                let mut h = el("h4").class("apt-h4").child(inspection_title(cx, i));
                if let Some(f) = fieldwork(cx, i) {
                    h = h.text(format!(" ({f})"));
                }
                h
            }
            None => el("h4").class("apt-h4").text(cx.t("Other findings")),
        };
        let mut section = el("section").class("apt-panel").child(heading);
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
            sort::by_key(&mut fs, |f| rank(f.kind));
            section = section
                .child(
                    el("h5")
                        .class("apt-h5")
                        .text(area.map_or(cx.t("Other findings"), |a| area_word(cx.lang, a))),
                )
                .child(
                    el("ul")
                        .class("apt-list apt-findings__list")
                        .children(fs.into_iter().map(|f| finding_item(f))),
                );
        }
        let strengths: Vec<&&Finding> = of_this
            .iter()
            .filter(|f| f.kind == FindingKind::Strength)
            .collect();
        if !strengths.is_empty() {
            section = section
                .child(el("h5").class("apt-h5").text(cx.t("Strengths")))
                .child(
                    el("ul")
                        .class("apt-list apt-findings__list")
                        .children(strengths.into_iter().map(|f| finding_item(f))),
                );
        }
        out = out.child(section);
    }
    out
}

/// Direction of travel between the last two figures, judged by polarity.
pub fn trend(lang: Lang, ind: &Indicator) -> Option<(&'static str, &'static str)> {
    let mut vals: Vec<(Date, f64)> = ind
        .values
        .iter()
        .filter_map(|v| Some((v.period.end(), v.value?)))
        .collect();
    sort::by_key(&mut vals, |v| v.0);
    let [.., (_, prev), (_, last)] = vals.as_slice() else {
        return None;
    };
    use std::cmp::Ordering::{Greater, Less};
    let moved = last.partial_cmp(prev);
    let arrow = match moved {
        Some(Greater) => "↑",
        Some(Less) => "↓",
        _ => "→",
    };
    let word = match (moved, ind.polarity) {
        (Some(Greater), Polarity::HigherIsBetter) | (Some(Less), Polarity::LowerIsBetter) => {
            "Improving"
        }
        (Some(Greater), Polarity::LowerIsBetter) | (Some(Less), Polarity::HigherIsBetter) => {
            "Getting worse"
        }
        (Some(Greater), Polarity::Neutral) => "Going up",
        (Some(Less), Polarity::Neutral) => "Going down",
        _ => "No change",
    };
    Some((arrow, t(lang, word)))
}

/// The indicators' latest figures against their targets, one row each: the indicators view's
/// first table and the printed report's.
pub(crate) fn indicator_table(cx: &Ctx) -> Element {
    let feed = cx.feed;
    let rows = feed
        .indicators
        .iter()
        .map(|ind| {
            let latest = ind.latest();
            let last_suppressed = ind
                .values
                .iter()
                .max_by_key(|v| v.period.end())
                .is_some_and(|v| v.value.is_none());
            let latest_cell = match latest.and_then(|v| v.value.map(|x| (v.period, x, v))) {
                Some((p, x, v)) => el("td")
                    .child(el("strong").text(figure(cx.lang, ind.unit, x, v.approximate)))
                    .child(
                        el("span")
                            .class("apt-block apt-secondary")
                            .text(i18n::period(cx.lang, p)),
                    ),
                None => el("td").text(cx.t("No figures yet")),
            }
            .child_opt(last_suppressed.then(|| {
                el("span")
                    .class("apt-block apt-secondary")
                    .text(cx.t("Most recent figure suppressed to protect children's privacy"))
            }));
            let target_cell = match &ind.target {
                Some(tg) => el("td")
                    .text(i18n::value(cx.lang, ind.unit, tg.value))
                    .child_opt(tg.by.map(|b| {
                        el("span").class("apt-block apt-secondary").text(tf(
                            cx.lang,
                            "by {date}",
                            &[("date", &cx.date(b))],
                        ))
                    })),
                None => el("td").text(cx.t("No target set")),
            };
            let met = match target_state(ind) {
                TargetState::Met => {
                    el("td").child(tag("green", &format!("✓ {}", cx.t("Target met"))))
                }
                TargetState::Missed => {
                    el("td").child(tag("red", &format!("✗ {}", cx.t("Target not met"))))
                }
                TargetState::NoTarget => el("td").text("—").child(
                    el("span")
                        .class("apt-visually-hidden")
                        .text(cx.t("No target set")),
                ),
            };
            let trend_cell = match trend(cx.lang, ind) {
                Some((arrow, word)) => el("td")
                    .child(crate::chart::sparkline(ind))
                    .child(
                        el("span")
                            .attr("aria-hidden", "true")
                            .text(format!("{arrow} ")),
                    )
                    .text(word),
                None => el("td").text("—"),
            };
            let comps = el("td").children(ind.comparators.iter().filter_map(|c| {
                let v = latest_of(&c.values)?;
                Some(
                    el("span")
                        .class("apt-block")
                        .child(cx.span(&c.name))
                        .text(format!(
                            ": {} ({})",
                            i18n::value(cx.lang, ind.unit, v.1),
                            i18n::period(cx.lang, v.0)
                        )),
                )
            }));
            el("tr")
                .child(el("th").attr("scope", "row").child(cx.span(&ind.name)))
                .child(latest_cell)
                .child_opt(comparison(cx).map(|_| indicator_then(cx, ind)))
                .child(target_cell)
                .child(met)
                .child(trend_cell)
                .child(comps)
        })
        .collect();
    let then_head =
        comparison(cx).map(|c| tf(cx.lang, "On {date}", &[("date", &cx.date(c.since))]));
    let mut heads = vec![cx.t("Indicator"), cx.t("Latest")];
    heads.extend(then_head.as_deref());
    heads.extend([
        cx.t("Target"),
        cx.t("Against target"),
        cx.t("Direction of travel"),
        cx.t("Compared with"),
    ]);
    table(
        cx.t("Performance indicators: latest figures against targets"),
        &heads,
        rows,
    )
}

/// The indicators view: a table of latest figures against targets, then each indicator's figures.
pub fn indicators(cx: &Ctx) -> Element {
    let feed = cx.feed;
    if feed.indicators.is_empty() {
        return el("p").text(cx.t("This plan lists no performance indicators."));
    }
    let summary_table = indicator_table(cx);
    let mut out = el("div")
        .class("apt-indicators")
        .child(scroll_box(
            cx.t("Performance indicators: latest figures against targets"),
            summary_table,
        ))
        .child(crate::chart::small_multiples(cx.lang, feed));
    for ind in &feed.indicators {
        out = out.child(indicator_detail(cx, ind));
    }
    out
}

/// The most cells an indicator's "all figures" table has as a grid of periods by lines.
pub const MAX_TABLE_CELLS: usize = 20_000;

/// Whether a table of `periods` rows and `columns` columns (the period's among them) is
/// written as a grid: up to [`MAX_TABLE_CELLS`], or while it is no larger than a row per
/// figure (three cells each) would be.
pub fn grid_fits(periods: usize, columns: usize, figures: usize) -> bool {
    let grid = periods.saturating_mul(columns);
    grid <= MAX_TABLE_CELLS || grid <= figures.saturating_mul(3)
}

fn latest_of(values: &[Value]) -> Option<(crate::date::Period, f64)> {
    crate::feed::latest(values).and_then(|v| Some((v.period, v.value?)))
}

fn indicator_detail(cx: &Ctx, ind: &Indicator) -> Element {
    // Each series by period (the last figure for a period wins), so long series stay linear.
    fn by_period(values: &[Value]) -> std::collections::HashMap<crate::date::Period, &Value> {
        values.iter().map(|v| (v.period, v)).collect()
    }
    let own = by_period(&ind.values);
    let theirs: Vec<_> = ind
        .comparators
        .iter()
        .map(|c| by_period(&c.values))
        .collect();
    let mut periods: Vec<crate::date::Period> = ind
        .values
        .iter()
        .chain(ind.comparators.iter().flat_map(|c| &c.values))
        .map(|v| v.period)
        .collect();
    sort::by_key(&mut periods, |p| (p.end(), p.to_string()));
    periods.dedup();
    let cell = |values: &std::collections::HashMap<crate::date::Period, &Value>,
                p: crate::date::Period|
     -> Element {
        match values.get(&p).copied() {
            Some(v) if v.suppressed => el("td").text(cx.t("suppressed")),
            Some(Value {
                value: Some(x),
                note,
                approximate,
                ..
            }) => el("td")
                .class("apt-num")
                .text(figure(cx.lang, ind.unit, *x, *approximate))
                .child_opt(
                    note.as_ref()
                        .map(|n| cx.text(el("span").class("apt-block apt-secondary"), n)),
                ),
            Some(_) | None => el("td").text("—"),
        }
    };
    let heads: Vec<String> = std::iter::once(cx.t("Period").to_string())
        .chain(std::iter::once(
            cx.feed.publisher.name.show(cx.lang).to_string(),
        ))
        .chain(
            ind.comparators
                .iter()
                .map(|c| c.name.show(cx.lang).to_string()),
        )
        .collect();
    // A row per period and a column per line: periods × lines cells. When the lines do not
    // share their periods (each of 5,000 comparators with its own year: 25 million cells from
    // a 400 KB feed) the table is written a row per figure instead, which grows only with the
    // figures.
    let (heads, rows): (Vec<String>, Vec<Element>) = if grid_fits(
        periods.len(),
        heads.len(),
        std::iter::once(&own).chain(&theirs).map(|m| m.len()).sum(),
    ) {
        let rows = periods
            .iter()
            .map(|&p| {
                el("tr")
                    .child(el("th").attr("scope", "row").text(i18n::period(cx.lang, p)))
                    .child(cell(&own, p))
                    .children(theirs.iter().map(|c| cell(c, p)))
            })
            .collect();
        (heads, rows)
    } else {
        let mut rows = Vec::new();
        for (k, map) in std::iter::once(&own).chain(&theirs).enumerate() {
            let mut mine: Vec<crate::date::Period> = map.keys().copied().collect();
            sort::by_key(&mut mine, |p| (p.end(), p.to_string()));
            for p in mine {
                rows.push(
                    el("tr")
                        .child(el("th").attr("scope", "row").text(i18n::period(cx.lang, p)))
                        .child(el("td").text(heads[k + 1].clone()))
                        .child(cell(map, p)),
                );
            }
        }
        let heads = [
            cx.t("Period"),
            cx.t("Council or comparator"),
            cx.t("Figure"),
        ]
        .map(str::to_string)
        .to_vec();
        (heads, rows)
    };
    let head_refs: Vec<&str> = heads.iter().map(String::as_str).collect();
    let caption = tf(
        cx.lang,
        "{name}: all figures",
        &[("name", ind.name.show(cx.lang))],
    );
    let mut section = el("section")
        .class("apt-panel apt-indicator")
        .child(cx.text(el("h4").class("apt-h4"), &ind.name));
    if let Some(d) = &ind.description {
        section = section.child(cx.text(el("p"), d));
    }
    if let Some(s) = &ind.source {
        section = section.child(
            el("p")
                .class("apt-secondary")
                .text(format!("{} ", cx.t("Source:")))
                .child(cx.span(s)),
        );
    }
    section = section.child(scroll_box(&caption, table(&caption, &head_refs, rows)));
    // (1.1) Figures split into parts: each as a table and a small bar chart.
    let series = std::iter::once((cx.feed.publisher.name.show(cx.lang), &ind.values)).chain(
        ind.comparators
            .iter()
            .map(|c| (c.name.show(cx.lang), &c.values)),
    );
    let mut k = 0;
    for (who, values) in series {
        for v in values.iter().filter(|v| !v.breakdown.is_empty()) {
            k += 1;
            section = section.child(breakdown(cx, ind, who, v, k));
        }
    }
    section
}

/// A figure in its unit; (1.1) "about 60" when the figure is approximate.
fn figure(lang: Lang, unit: crate::feed::Unit, x: f64, approximate: bool) -> String {
    let v = i18n::value(lang, unit, x);
    if approximate {
        tf(lang, "about {value}", &[("value", &v)])
    } else {
        v
    }
}

/// (1.1) One figure split into parts: its parts as a table, and as a bar chart with its
/// description (and the chart's own table).
fn breakdown(cx: &Ctx, ind: &Indicator, who: &str, v: &Value, k: usize) -> Element {
    let total = match v.value {
        Some(x) => figure(cx.lang, ind.unit, x, v.approximate),
        None => cx.t("suppressed").to_string(),
    };
    let title = tf(
        cx.lang,
        "{name}, {who}, {period}: {total}, in parts",
        &[
            ("name", ind.name.show(cx.lang)),
            ("who", who),
            ("period", &i18n::period(cx.lang, v.period)),
            ("total", &total),
        ],
    );
    let rows = v
        .breakdown
        .iter()
        .map(|p| {
            el("tr")
                .child(cx.text(el("th").attr("scope", "row"), &p.label))
                .child(match p.value {
                    Some(x) if !p.suppressed => el("td")
                        .class("apt-num")
                        .text(i18n::value(cx.lang, ind.unit, x)),
                    _ => el("td").text(cx.t("suppressed")),
                })
        })
        .collect();
    let id = format!("apt-chart-{}-{k}", dom_id("bd", &ind.id));
    el("div")
        .class("apt-breakdown")
        .child(el("h5").class("apt-h5").text(title.clone()))
        .child(scroll_box(
            &title,
            table(&title, &[cx.t("Part"), cx.t("Figure")], rows),
        ))
        .child(crate::chart::breakdown(
            cx.lang,
            &id,
            &tf(cx.lang, "Bar chart: {title}", &[("title", &title)]),
            ind.unit,
            &v.breakdown,
        ))
}

/// The compact card: title, percent complete, overdue, latest judgements, link to the plan.
pub fn compact(cx: &Ctx) -> Element {
    let feed = cx.feed;
    let s = &cx.summary.actions;
    let mut card = el("div")
        .class("apt apt-compact")
        .attr("lang", cx.lang.code())
        .child(cx.text(el("p").class("apt-caption"), &feed.publisher.name))
        .child(cx.text(
            el("h2").class("apt-title apt-title--compact"),
            &feed.plan.title,
        ))
        .child(el("p").class("apt-headline").text(tf(
            cx.lang,
            "Actions complete: {done} of {total}",
            &[
                ("done", &s.complete.to_string()),
                (
                    "total",
                    &s.total.saturating_sub(s.withdrawn + s.ongoing).to_string(),
                ),
            ],
        )))
        .child_opt({
            let n = unpublished_priorities(feed);
            (n > 0).then(|| {
                el("p").class("apt-headline-note").text(tn(
                    cx.lang,
                    n,
                    "{n} priority has no actions published yet, so the plan is not complete.",
                    "{n} priorities have no actions published yet, so the plan is not complete.",
                ))
            })
        })
        .child(bar(
            s.percent_complete,
            &tf(
                cx.lang,
                "{percent} complete",
                &[("percent", &i18n::percent(s.percent_complete))],
            ),
        ))
        .child(el("p").child(if feed.any_due() {
            tag(
                if s.overdue > 0 { "red" } else { "green" },
                &tn(
                    cx.lang,
                    s.overdue,
                    "{n} action overdue",
                    "{n} actions overdue",
                ),
            )
        } else {
            tag("grey", cx.t("No action still to do has a due date."))
        }))
        .child_opt(plan_status_notice(cx))
        .child(el("p").class("apt-secondary").text(tf(
            cx.lang,
            "Data as at {date}",
            &[("date", &cx.date(feed.as_of))],
        )));
    if let Some(i) = latest_inspection(feed) {
        card = card
            .child(el("h3").class("apt-h4").text(if is_self_evaluation(i) {
                cx.t("Latest self-evaluation")
            } else {
                cx.t("Latest inspection")
            }))
            .child(el("p").child(inspection_title(cx, i)))
            .child_opt(judgements_list(cx, i));
    }
    if let Some(u) = &feed.plan.url {
        card = card.child(el("p").child(link(
            u,
            el("span").text(cx.t("See the full improvement plan")),
        )));
    }
    card
}

/// While the feed is fetched.
pub fn loading(lang: Lang) -> Element {
    el("div").class("apt").attr("lang", lang.code()).child(
        el("p")
            .class("apt-loading")
            .attr("role", "status")
            .text(t(lang, "Loading the improvement plan…")),
    )
}

/// When the feed cannot be fetched or read: the reason and a way to try again.
pub fn error_state(lang: Lang, message: &str, problems: &[Problem]) -> Element {
    let mut box_ = el("div")
        .class("apt-error")
        .attr("role", "alert")
        .child(
            el("h2")
                .class("apt-title")
                .text(t(lang, "The improvement plan cannot be shown")),
        )
        .child(el("p").text(message.to_string()));
    if !problems.is_empty() {
        box_ = box_.child(
            el("details")
                .class("apt-problems")
                .child(el("summary").text(t(lang, "Details for the publisher")))
                .child(el("ul").class("apt-problems__list").children(
                    problems.iter().take(50).map(|p| {
                        let place = tf(
                            lang,
                            "line {line}, column {column}",
                            &[
                                ("line", &p.line.to_string()),
                                ("column", &p.column.to_string()),
                            ],
                        );
                        el("li")
                            .child(el("span").class("apt-secondary").text(format!("{place}: ")))
                            .child(el("span").attr("lang", "en").text(p.message.clone()))
                    }),
                )),
        );
    }
    el("div").class("apt").attr("lang", lang.code()).child(
        box_.child(
            el("button")
                .class("apt-button")
                .attr("type", "button")
                .attr("data-act", "retry")
                .text(t(lang, "Try again")),
        ),
    )
}

/// A message for a feed that could not be read as a feed at all, in the reader's language.
pub fn unreadable_message(lang: Lang) -> &'static str {
    t(
        lang,
        "The plan's data file has mistakes that stop it being shown.",
    )
}

/// Every view one after another, for the static page and committee papers: the overview,
/// every action opened, the findings and the indicators. Needs no JavaScript.
pub fn document_body(cx: &Ctx) -> Element {
    let state = State::default();
    let index = Index::new(cx.feed);
    let section = |v: View, body: Element| {
        let id = format!("apt-{}", v.word());
        el("section")
            .class("apt-view apt-view--static")
            .attr("aria-labelledby", id.clone())
            .child(
                el("h3")
                    .class("apt-h3")
                    .attr("id", id)
                    .text(view_name(cx.lang, v)),
            )
            .child(body)
    };
    let contents = el("nav")
        .class("apt-contents")
        .attr("aria-label", cx.t("Contents"))
        .child(
            el("ul")
                .class("apt-list")
                .children(View::ALL.iter().map(|&v| {
                    el("li").child(
                        el("a")
                            .class("apt-link")
                            .attr("href", format!("#apt-{}", v.word()))
                            .text(view_name(cx.lang, v)),
                    )
                })),
        );
    el("div")
        .class("apt apt--static")
        .attr("lang", cx.lang.code())
        .child(header(cx))
        .child(contents)
        .child(section(View::Overview, overview(cx)))
        .child(section(View::Actions, actions(cx, &state, &index)))
        .child(section(View::Findings, findings(cx)))
        .child(section(View::Indicators, indicators(cx)))
}

// ---------------------------------------------------------------------------------------------
// Changes since a date (feed 1.1): "what has changed since we last met?"

/// The comparison the view shows: the summary's `changes`, made for the reader's date.
fn comparison<'a>(cx: &Ctx<'a>) -> Option<&'a crate::changes::Changes> {
    cx.summary.changes.as_ref()
}

/// "Since the Children's Services Improvement Board on 22 October 2026", or "Since 1 July 2026".
pub fn since_heading(lang: Lang, feed: &Feed, c: &crate::changes::Changes) -> String {
    let date = i18n::date(lang, c.since);
    match c.meeting.as_deref().and_then(|m| feed.meeting(m)) {
        Some(m) => tf(
            lang,
            "Since the {body} on {date}",
            &[("body", m.body.show(lang)), ("date", &date)],
        ),
        None => tf(lang, "Since {date}", &[("date", &date)]),
    }
}

/// "3 actions completed", with Welsh plurals.
fn change_count(lang: Lang, k: crate::changes::Kind, n: usize) -> String {
    use crate::changes::Kind;
    match k {
        Kind::New => tn(lang, n, "{n} new action", "{n} new actions"),
        Kind::Completed => tn(lang, n, "{n} action completed", "{n} actions completed"),
        Kind::Started => tn(lang, n, "{n} action started", "{n} actions started"),
        Kind::Withdrawn => tn(lang, n, "{n} action withdrawn", "{n} actions withdrawn"),
        Kind::RagWorse => tn(
            lang,
            n,
            "{n} action with a worse RAG rating",
            "{n} actions with a worse RAG rating",
        ),
        Kind::RagBetter => tn(
            lang,
            n,
            "{n} action with a better RAG rating",
            "{n} actions with a better RAG rating",
        ),
        Kind::Slipped => tn(
            lang,
            n,
            "{n} action with its due date moved later",
            "{n} actions with their due date moved later",
        ),
        Kind::NewlyOverdue => tn(
            lang,
            n,
            "{n} action newly overdue",
            "{n} actions newly overdue",
        ),
    }
}

/// The order the overview lists the changes in: what a committee asks first.
const CHANGE_ORDER: [crate::changes::Kind; 8] = {
    use crate::changes::Kind::*;
    [
        Completed,
        Started,
        New,
        Withdrawn,
        Slipped,
        NewlyOverdue,
        RagBetter,
        RagWorse,
    ]
};

/// A link to the state `act` leads to with the comparison date kept (plain text in print).
fn go_since(cx: &Ctx, since: Date, act: &str, label: Element) -> Element {
    if cx.print {
        return label;
    }
    let mut s = State {
        since: Some(since),
        ..State::default()
    };
    s.apply(act, None);
    el("a")
        .class("apt-link")
        .attr("href", s.fragment(cx.ns, ""))
        .attr("data-act", act.to_string())
        .child(label)
}

/// The reader's choice of comparison: a meeting (newest first) or any date before `as_of`.
fn since_controls(cx: &Ctx, since: Date) -> Element {
    let feed = cx.feed;
    let meetings = crate::changes::past_meetings(feed);
    let is_meeting = meetings.iter().any(|m| m.date == since);
    let mut seen: HashSet<Date> = HashSet::new();
    let options = meetings.iter().filter(|m| seen.insert(m.date)).map(|m| {
        el("option")
            .attr("value", m.date.to_string())
            .flag("selected", m.date == since)
            .text(tf(
                cx.lang,
                "{date}: {body}",
                &[("date", &cx.date(m.date)), ("body", m.body.show(cx.lang))],
            ))
    });
    let chosen = (!is_meeting).then(|| {
        el("option")
            .attr("value", since.to_string())
            .flag("selected", true)
            .text(tf(
                cx.lang,
                "Date chosen: {date}",
                &[("date", &cx.date(since))],
            ))
    });
    // As UK readers type a date: 15/09/2026.
    let typed = |d: Date| format!("{:02}/{:02}/{}", d.day(), d.month(), d.year());
    el("div")
        .class("apt-since__controls")
        .child(
            el("div")
                .class("apt-form-group")
                .child(
                    el("label")
                        .class("apt-label")
                        .attr("for", "apt-since-meeting")
                        .text(cx.t("Compare with a meeting")),
                )
                .child(
                    el("select")
                        .class("apt-select")
                        .attr("id", "apt-since-meeting")
                        .attr("data-act", "since")
                        .child_opt(chosen)
                        .children(options),
                ),
        )
        .child(
            el("div")
                .class("apt-form-group")
                .child(
                    el("label")
                        .class("apt-label")
                        .attr("for", "apt-since-date")
                        .text(cx.t("Or compare with a date")),
                )
                .child(
                    el("p")
                        .class("apt-hint")
                        .attr("id", "apt-since-date-hint")
                        .text(tf(
                            cx.lang,
                            "Any date before {date}, for example {example}",
                            &[
                                ("date", &cx.date(feed.as_of)),
                                ("example", &typed(feed.as_of.add_months(-1))),
                            ],
                        )),
                )
                .child(
                    // A text field, not a date picker: GOV.UK's advice, and a picker's own
                    // button takes focus without showing it.
                    el("input")
                        .class("apt-input apt-since__date")
                        .attr("type", "text")
                        .attr("id", "apt-since-date")
                        .attr("aria-describedby", "apt-since-date-hint")
                        .attr("data-act", "since")
                        .attr("autocomplete", "off")
                        .attr("spellcheck", "false")
                        .attr("value", typed(since)),
                ),
        )
}

/// The overview's first section: what changed since the comparison date, each count a link to
/// the actions (or indicators) it counts, the reader's choice of date, and a chart of the
/// actions by status then and now.
pub(crate) fn since_section(cx: &Ctx) -> Option<Element> {
    let c = comparison(cx)?;
    let heading = since_heading(cx.lang, cx.feed, c);
    let actions = el("ul")
        .class("apt-changes")
        .attr("aria-label", cx.t("Actions"))
        .children(CHANGE_ORDER.iter().map(|&k| {
            let n = c.actions.get(k);
            let label = el("span").text(change_count(cx.lang, k, n));
            let item = el("li").class(format!("apt-change apt-change--{}", k.word()));
            if n == 0 {
                item.child(label)
            } else {
                item.child(go_since(
                    cx,
                    c.since,
                    &format!("go:changed:{}", k.word()),
                    label,
                ))
            }
        }));
    let i = &c.indicators;
    let ind_counts = [
        (
            tn(
                cx.lang,
                i.improved,
                "{n} indicator improved",
                "{n} indicators improved",
            ),
            i.improved,
        ),
        (
            tn(
                cx.lang,
                i.worsened,
                "{n} indicator worsened",
                "{n} indicators worsened",
            ),
            i.worsened,
        ),
        (
            tn(
                cx.lang,
                i.changed,
                "{n} indicator changed",
                "{n} indicators changed",
            ),
            i.changed,
        ),
        (
            tn(
                cx.lang,
                i.now_meeting,
                "{n} indicator now meeting its target",
                "{n} indicators now meeting their target",
            ),
            i.now_meeting,
        ),
        (
            tn(
                cx.lang,
                i.no_longer_meeting,
                "{n} indicator no longer meeting its target",
                "{n} indicators no longer meeting their target",
            ),
            i.no_longer_meeting,
        ),
    ];
    let indicators = (!cx.feed.indicators.is_empty()).then(|| {
        el("ul")
            .class("apt-changes")
            .attr("aria-label", cx.t("Indicators"))
            .children(
                ind_counts
                    .into_iter()
                    .enumerate()
                    // "Changed" is for neutral indicators: shown only when one changed.
                    .filter(|&(k, (_, n))| k != 2 || n > 0)
                    .map(|(_, (text, n))| {
                        let label = el("span").text(text);
                        let item = el("li").class("apt-change");
                        if n == 0 {
                            item.child(label)
                        } else {
                            item.child(go_since(cx, c.since, "view:indicators", label))
                        }
                    }),
            )
    });
    let status = (!cx.print).then(|| {
        el("p")
            .class("apt-visually-hidden")
            .attr("role", "status")
            .attr("id", "apt-since-status")
            .text(tf(
                cx.lang,
                "Showing the changes since {date}.",
                &[("date", &cx.date(c.since))],
            ))
    });
    Some(
        el("div")
            .class("apt-panel apt-since")
            .attr("id", "apt-since")
            .child(el("h4").class("apt-h4").text(heading))
            .child_opt((!cx.print).then(|| since_controls(cx, c.since)))
            .child_opt(status)
            .child(actions)
            .child_opt(indicators)
            .child(crate::chart::status_then_and_now(cx.lang, cx.feed, c.since)),
    )
}

/// The badges of an action that changed since the comparison date ("Completed since 22 October
/// 2026", "Due date moved from 30 June 2026 to 30 September 2026").
pub(crate) fn change_badges(cx: &Ctx, a: &Action) -> Vec<Element> {
    use crate::changes::Kind;
    let Some(c) = comparison(cx) else {
        return Vec::new();
    };
    let ch = crate::changes::action_change(a, c.since, cx.feed.as_of);
    let since = cx.date(c.since);
    let d = [("date", since.as_str())];
    ch.kinds
        .iter()
        .map(|&k| {
            let (class, text) = match k {
                Kind::New => ("blue", tf(cx.lang, "New since {date}", &d)),
                Kind::Completed => ("green", tf(cx.lang, "Completed since {date}", &d)),
                Kind::Started => ("blue", tf(cx.lang, "Started since {date}", &d)),
                Kind::Withdrawn => ("grey", tf(cx.lang, "Withdrawn since {date}", &d)),
                Kind::RagWorse | Kind::RagBetter => {
                    let word = |r: Option<Rag>| r.map_or("", |r| rag_word(cx.lang, r));
                    let args = [("from", word(ch.then.rag)), ("to", word(a.rag))];
                    if k == Kind::RagWorse {
                        ("red", tf(cx.lang, "RAG worse: {from} to {to}", &args))
                    } else {
                        ("green", tf(cx.lang, "RAG better: {from} to {to}", &args))
                    }
                }
                Kind::Slipped => {
                    let day = |x: Option<Date>| x.map(|x| cx.date(x)).unwrap_or_default();
                    (
                        "yellow",
                        tf(
                            cx.lang,
                            "Due date moved from {from} to {to}",
                            &[("from", &day(ch.then.due)), ("to", &day(a.effective_due()))],
                        ),
                    )
                }
                Kind::NewlyOverdue => ("red", tf(cx.lang, "Became overdue after {date}", &d)),
            };
            el("strong")
                .class(format!("apt-tag apt-tag--{class} apt-change-badge"))
                .text(text)
        })
        .collect()
}

/// The action's status and RAG at the comparison date, next to now, for its details.
fn then_and_now(cx: &Ctx, a: &Action) -> Option<Element> {
    let c = comparison(cx)?;
    let ch = crate::changes::action_change(a, c.since, cx.feed.as_of);
    let date = cx.date(c.since);
    let status_then = if ch.has(crate::changes::Kind::New) {
        cx.t("Not yet in the plan").to_string()
    } else {
        ch.then.status.map_or(cx.t("Not known").to_string(), |s| {
            status_word(cx.lang, s).to_string()
        })
    };
    let rag_then = ch
        .then
        .rag
        .map_or(cx.t("Not known"), |r| rag_word(cx.lang, r));
    let mut rows = vec![
        el("tr")
            .child(el("th").attr("scope", "row").text(cx.t("Status")))
            .child(el("td").text(status_then))
            .child(el("td").text(status_word(cx.lang, a.status))),
        el("tr")
            .child(el("th").attr("scope", "row").text(cx.t("RAG rating")))
            .child(el("td").text(rag_then))
            .child(el("td").text(a.rag.map_or(cx.t("Not known"), |r| rag_word(cx.lang, r)))),
    ];
    if let (Some(was), Some(is)) = (ch.then.progress, a.progress) {
        rows.push(
            el("tr")
                .child(el("th").attr("scope", "row").text(cx.t("Progress")))
                .child(el("td").text(i18n::percent(was)))
                .child(el("td").text(i18n::percent(is))),
        );
    }
    let on_then = tf(cx.lang, "On {date}", &[("date", &date)]);
    let on_now = tf(cx.lang, "On {date}", &[("date", &cx.date(cx.feed.as_of))]);
    let caption = tf(
        cx.lang,
        "Action {id} on {date} and now",
        &[("id", &a.id), ("date", &date)],
    );
    let t = table(
        &caption,
        &[cx.t("Status and RAG rating"), &on_then, &on_now],
        rows,
    );
    Some(scroll_box(&caption, t))
}

/// "+3.2 percentage points", "−4 days": the change of an indicator's figure in its unit.
fn change_in_unit(lang: Lang, unit: Unit, diff: f64) -> String {
    let sign = if diff > 0.0 {
        "+"
    } else if diff < 0.0 {
        "−"
    } else {
        ""
    };
    let size = diff.abs();
    match unit {
        Unit::Percent => format!(
            "{sign}{}",
            tf(
                lang,
                "{x} percentage points",
                &[("x", &i18n::number(size, 1))]
            )
        ),
        _ => format!("{sign}{}", i18n::value(lang, unit, size)),
    }
}

/// An indicator's figure at the comparison date and its change since, for the indicators table.
fn indicator_then(cx: &Ctx, ind: &Indicator) -> Element {
    let Some(c) = comparison(cx) else {
        return el("td");
    };
    let Some(ch) = crate::changes::indicator_change(ind, c.since) else {
        return el("td").text(cx.t("No figure by then"));
    };
    let (Some(was), Some(is)) = (ch.then.value, ch.now.value) else {
        return el("td");
    };
    let moved = match ch.movement {
        Some(crate::changes::Movement::Improved) => cx.t("Improved"),
        Some(crate::changes::Movement::Worsened) => cx.t("Worsened"),
        Some(crate::changes::Movement::Changed) => cx.t("Changed"),
        None => cx.t("No change"),
    };
    el("td")
        .child(el("strong").text(i18n::value(cx.lang, ind.unit, was)))
        .child(
            el("span")
                .class("apt-block apt-secondary")
                .text(i18n::period(cx.lang, ch.then.period)),
        )
        .child(el("span").class("apt-block").text(format!(
            "{}: {}",
            moved,
            change_in_unit(cx.lang, ind.unit, is - was)
        )))
}
