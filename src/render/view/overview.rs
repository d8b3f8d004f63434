//! The overview: what changed, the latest inspection, headline progress, RAG, priorities,
//! what committees asked for, governance and earlier inspections.

use super::actions::facts_line;
use super::inspections::{
    fieldwork, inspection_title, is_self_evaluation, judgements_list, latest_inspection,
    newest_first, report_link_words,
};
use super::since::since_section;
use super::{bar, complete_of, isolated, link, rag_tag, summary_row, tag, Ctx};
use crate::feed::{Feed, FollowUp, Inspection, Meeting, Rag, Status};
use crate::filter::{self, Due, FilterKind};
use crate::i18n::{self, tf, tn};
use crate::markup::{el, el_class, el_class_text, el_text, Element};
use crate::sort;
use crate::summary::Tally;
use crate::table::{row_header, table};
use crate::words::{inspection_type_word, inspectorate_word, status_class, status_word};

/// The overview: inspection, headline progress, RAG, priorities, governance.
pub fn overview(cx: &Ctx) -> Element {
    el_class("div", "apt-overview")
        .child_opt(since_section(cx))
        .child_opt(latest_inspection_panel(cx))
        .child(progress_panel(cx))
        .child_opt(priorities_panel(cx))
        .child_opt(burn_up_panel(cx))
        .child_opt(follow_ups_panel(cx))
        .child_opt(governance(cx))
        .child_opt(earlier_inspections_panel(cx))
}

/// The latest inspection (or self-evaluation): who, what, when, its judgements and report.
fn latest_inspection_panel(cx: &Ctx) -> Option<Element> {
    let i = latest_inspection(cx.feed)?;
    let own = is_self_evaluation(i);
    let mut panel =
        el_class("div", "apt-panel")
            .child(el_class_text(
                "h4",
                "apt-h4",
                if own {
                    cx.t("Latest self-evaluation")
                } else {
                    cx.t("Latest inspection")
                },
            ))
            .child(el_class("p", "apt-lead").child(inspection_title(cx, i)))
            .child(
                el_class("dl", "apt-summary-list")
                    .child(summary_row(
                        cx.t("Inspected by"),
                        el_text("span", inspectorate_word(cx.lang, i.inspectorate)),
                    ))
                    .child(summary_row(
                        cx.t("Type"),
                        el_text("span", inspection_type_word(cx.lang, i.kind)),
                    ))
                    .child_opt(fieldwork(cx, i).map(|f| {
                        summary_row(
                            if own {
                                cx.t("Dates")
                            } else {
                                cx.t("Inspection dates")
                            },
                            el_text("span", f),
                        )
                    }))
                    .child_opt(i.published.map(|d| {
                        summary_row(cx.t("Report published"), el_text("span", cx.date(d)))
                    })),
            );
    if let Some(j) = judgements_list(cx, i) {
        panel = panel
            .child(el_class_text("h5", "apt-h5", cx.t("Judgements")))
            .child(j);
    }
    if let Some(sm) = &i.summary {
        panel = panel.child(cx.text(el("p"), sm));
    }
    if let Some(u) = &i.report_url {
        panel = panel.child(el("p").child(link(u, el_text("span", report_link_words(cx, i)))));
    }
    Some(panel)
}

/// Headline progress: how many actions are complete, the completion chart, what is overdue
/// or due soon, and the actions by status and by RAG rating.
fn progress_panel(cx: &Ctx) -> Element {
    let feed = cx.feed;
    let s = &cx.summary.actions;
    let to_do = s.to_do();
    let unpublished = unpublished_priorities(feed);
    let any_due = feed.any_due();
    el_class("div", "apt-panel")
        .child(el_class_text("h4", "apt-h4", cx.t("Progress")))
        .child(el_class_text("p", "apt-headline", headline(cx)))
        .child_opt((unpublished > 0).then(|| {
            el_class_text(
                "p",
                "apt-headline-note",
                tn(
                    cx.lang,
                    unpublished,
                    "{n} priority has no actions published yet, so the plan is not complete.",
                    "{n} priorities have no actions published yet, so the plan is not complete.",
                ),
            )
        }))
        .child_opt((s.ongoing > 0).then(|| {
            el_class_text(
                "p",
                "apt-secondary",
                tn(
                    cx.lang,
                    s.ongoing,
                    "{n} ongoing action has no end, so it is not counted.",
                    "{n} ongoing actions have no end, so they are not counted.",
                ),
            )
        }))
        .child(crate::chart::completion(cx.lang, cx.summary, any_due))
        .child_opt((!any_due && to_do > s.complete).then(|| {
            el_class_text(
                "p",
                "apt-stat apt-stat--grey",
                cx.t("No action still to do has a due date."),
            )
        }))
        .child_opt(any_due.then(|| due_stats(cx)))
        .child(status_table(cx))
        .child_opt(rag_table(cx))
}

/// "Actions complete: 5 of 12": the overview's and the report's headline.
pub(crate) fn headline(cx: &Ctx) -> String {
    let s = &cx.summary.actions;
    complete_of(cx, s.complete, s.to_do())
}

/// One of the due figures of [`due_counts`].
pub(crate) struct DueCount {
    /// The figure in words: "3 actions overdue".
    pub(crate) words: String,
    /// The window the actions are due in: the filter the overview's link opens.
    pub(crate) due: Due,
    /// Its colour, as the class `apt-stat--{class}` ends.
    pub(crate) class: &'static str,
    /// How many actions.
    pub(crate) n: usize,
}

/// How many actions are overdue and due in the next 30 days (the overview's links and the
/// report's figures).
pub(crate) fn due_counts(cx: &Ctx) -> [DueCount; 2] {
    let s = &cx.summary.actions;
    [
        DueCount {
            words: tn(
                cx.lang,
                s.overdue,
                "{n} action overdue",
                "{n} actions overdue",
            ),
            due: Due::Overdue,
            class: "red",
            n: s.overdue,
        },
        DueCount {
            words: tn(
                cx.lang,
                s.due_soon,
                "{n} action due in the next 30 days",
                "{n} actions due in the next 30 days",
            ),
            due: Due::Next30,
            class: "yellow",
            n: s.due_soon,
        },
    ]
}

/// How many actions are overdue and due in the next 30 days, each a link to them.
fn due_stats(cx: &Ctx) -> Element {
    el_class("ul", "apt-stats").children(due_counts(cx).into_iter().map(|d| {
        let item = el_class("li", format!("apt-stat apt-stat--{}", d.class));
        if d.n == 0 {
            item.child(el_text("span", d.words))
        } else {
            let act = filter::go_act(FilterKind::Due, d.due.word());
            item.child(cx.go(act, el_text("span", d.words)))
        }
    }))
}

/// The priorities: the chart of their actions by status and the table of their progress.
fn priorities_panel(cx: &Ctx) -> Option<Element> {
    let feed = cx.feed;
    (!feed.priorities.is_empty()).then(|| {
        el_class("div", "apt-panel")
            .child(el_class_text("h4", "apt-h4", cx.t("Priorities")))
            .child(crate::chart::status_by_priority(cx.lang, feed))
            .child(priority_table(cx))
    })
}

/// Actions due and done over time, when the plan has the dates to draw it.
fn burn_up_panel(cx: &Ctx) -> Option<Element> {
    crate::chart::burn_up_has_data(cx.feed)
        .then(|| el_class("div", "apt-panel").child(crate::chart::burn_up(cx.lang, cx.feed)))
}

/// The inspections and self-evaluations before the latest, newest first.
fn earlier_inspections_panel(cx: &Ctx) -> Option<Element> {
    let feed = cx.feed;
    let latest = latest_inspection(feed);
    let earlier: Vec<&Inspection> = newest_first(feed)
        .into_iter()
        .filter(|i| !latest.is_some_and(|l| std::ptr::eq(l, *i)))
        .collect();
    if earlier.is_empty() {
        return None;
    }
    let own = earlier.iter().filter(|i| is_self_evaluation(i)).count();
    let heading = if own == 0 {
        cx.t("Earlier inspections")
    } else if own == earlier.len() {
        cx.t("Self-evaluations")
    } else {
        cx.t("Earlier inspections and self-evaluations")
    };
    Some(
        el_class("div", "apt-panel")
            .child(el_class_text("h4", "apt-h4", heading))
            .child(
                el_class("ul", "apt-list").children(earlier.into_iter().map(|i| {
                    let mut li = el("li").child(el("strong").child(inspection_title(cx, i)));
                    if let Some(f) = fieldwork(cx, i) {
                        li = li.text(format!(" — {f}"));
                    }
                    li.child_opt(judgements_list(cx, i))
                        .child_opt(i.summary.as_ref().map(|s| cx.text(el("p"), s)))
                        .child_opt(i.report_url.as_ref().map(|u| {
                            el("p").child(link(u, el_text("span", report_link_words(cx, i))))
                        }))
                })),
            ),
    )
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
            .child(row_header().child(tag(status_class(st), status_word(cx.lang, st))))
            .child(el_class_text("td", "apt-num", i18n::number(n as f64, 0)))
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
                .child(row_header().child(rag_tag(cx, r)))
                .child(el_class_text("td", "apt-num", i18n::number(n as f64, 0)))
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
pub(super) fn unpublished_priorities(feed: &Feed) -> usize {
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
    let mut panel = el_class("div", "apt-panel apt-follow-ups")
        .child(el_class_text(
            "h4",
            "apt-h4",
            cx.t("What committees asked for"),
        ))
        .child(el_text(
            "p",
            tn(
                cx.lang,
                open.len(),
                "{n} request is not done yet.",
                "{n} requests are not done yet.",
            ),
        ));
    if overdue > 0 {
        panel = panel.child(el("p").child(tag(
            "red",
            &tn(cx.lang, overdue, "{n} overdue", "{n} overdue"),
        )));
    }
    Some(
        panel.child(
            el_class("ul", "apt-list").children(
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
    let mut facts = facts_line(cx, f.lead.as_ref(), f.due);
    if let Some(m) = asked_by {
        facts = facts.child(el_text(
            "span",
            tf(
                cx.lang,
                "Asked for by {body} on {date}",
                &[("body", m.body.show(cx.lang)), ("date", &cx.date(m.date))],
            ),
        ));
    }
    el_class("li", "apt-follow-up")
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
                row_header()
                    .child(cx.go(
                        filter::go_act(FilterKind::Priority, &p.id),
                        cx.span(&p.title),
                    ))
                    .child_opt(
                        p.description
                            .as_ref()
                            .map(|d| cx.text(el_class("span", "apt-block"), d)),
                    )
                    .child_opt(p.lead.as_ref().map(|l| {
                        el_class("span", "apt-secondary apt-block")
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
            row.child(el_class_text(
                "td",
                "apt-num",
                format!(
                    "{} / {}",
                    i18n::number(tally.complete as f64, 0),
                    i18n::number(tally.to_do() as f64, 0)
                ),
            ))
            .child(el_class_text(
                "td",
                "apt-num",
                i18n::number(tally.overdue() as f64, 0),
            ))
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

/// Governance: when the plan was approved and is next reviewed, recent and coming meetings,
/// and the full plan.
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
    let mut panel = el_class("div", "apt-panel")
        .child(el_class_text("h4", "apt-h4", cx.t("Governance")))
        .child(plan_dates(cx));
    if !meetings.is_empty() {
        panel = panel
            .child(el_class_text("h5", "apt-h5", cx.t("Recent meetings")))
            .child(
                el_class("ul", "apt-list")
                    .children(meetings.into_iter().take(4).map(|m| meeting_item(cx, m))),
            );
    }
    if !upcoming.is_empty() {
        panel = panel
            .child(el_class_text("h5", "apt-h5", cx.t("Coming up")))
            .child(
                el_class("ul", "apt-list")
                    .children(upcoming.into_iter().take(3).map(|m| meeting_item(cx, m))),
            );
    }
    if let Some(u) = &feed.plan.url {
        panel = panel.child(el("p").child(link(
            u,
            el_text("span", cx.t("Read the full improvement plan")),
        )));
    }
    Some(panel)
}

/// When the plan was approved (and by whom) and when it is next reviewed.
fn plan_dates(cx: &Ctx) -> Element {
    let plan = &cx.feed.plan;
    let mut dl = el_class("dl", "apt-summary-list");
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
        dl = dl.child(summary_row(cx.t("Plan approved"), el_text("span", v)));
    }
    if let Some(d) = plan.next_review {
        dl = dl.child(summary_row(
            cx.t("Next review"),
            el_text("span", cx.date(d)),
        ));
    }
    dl
}

/// One meeting: its date, body and title, its outcome and papers, and what it asked for.
fn meeting_item(cx: &Ctx, m: &Meeting) -> Element {
    let mut li = el("li")
        .child(el_text("strong", cx.date(m.date)))
        .text(" — ")
        .child(cx.span(&m.body));
    if let Some(tt) = &m.title {
        li = li.text(": ").child(cx.span(tt));
    }
    if let Some(o) = &m.outcome {
        li = li.child(
            el_class_text(
                "span",
                "apt-block apt-secondary",
                format!("{} ", cx.t("Outcome:")),
            )
            .child(cx.span(o)),
        );
    }
    li.child_opt(m.url.as_ref().map(|u| {
        el_class("span", "apt-block").child(link(u, el_text("span", cx.t("Papers and minutes"))))
    }))
    .child_opt((!m.follow_ups.is_empty()).then(|| {
        el_class("div", "apt-meeting__follow-ups")
            .child(el_class_text("p", "apt-block", cx.t("Asked for:")))
            .child(
                el_class("ul", "apt-list")
                    .children(m.follow_ups.iter().map(|f| follow_up_item(cx, f, None))),
            )
    }))
}
