//! Everything about one action, shown when it is opened (and always in print and the static
//! page).

use super::findings::{and_more, ANSWERS_SHOWN};
use super::since::then_and_now;
use super::{bdi, isolated, link, rag_rating, summary_row, tag, Ctx};
use crate::feed::{Action, Finding, Indicator, Update};
use crate::i18n::{self, tf};
use crate::markup::{el, el_class, el_class_text, el_text, Element};
use crate::relations;
use crate::sort;
use crate::table::table;
use crate::words::{kind_word, status_class, status_word};
use std::collections::HashSet;

/// A section of an action's details: its heading and its list, or nothing.
type Section = Option<(&'static str, Element)>;

/// The details `d` with `section` added, when there is one.
fn add(d: Element, section: Section) -> Element {
    match section {
        Some((heading, list)) => d.child(el_class_text("h5", "apt-h5", heading)).child(list),
        None => d,
    }
}

/// Everything about one action, shown when it is opened (and always in print and the static page).
pub fn action_details(cx: &Ctx, a: &Action) -> Element {
    let d = el_class("div", "apt-action__details")
        .child_opt(a.description.as_ref().map(|desc| cx.text(el("p"), desc)))
        .child(facts(cx, a))
        .child_opt(then_and_now(cx, a))
        .child_opt(milestones(cx, a));
    let d = add(d, success_measures(cx, a));
    let d = add(d, evidence(cx, a));
    let d = add(d, findings_answered(cx, a));
    let d = add(d, indicators(cx, a));
    add(d, updates(cx, a))
}

/// Who leads it, its priority and parent, and its dates: the facts it has, as a summary list.
fn facts(cx: &Ctx, a: &Action) -> Element {
    let feed = cx.feed;
    let mut dl = el_class("dl", "apt-summary-list");
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
        (cx.t("Start"), a.start.map(|x| el_text("span", cx.date(x)))),
        (
            if a.revised_due.is_some() {
                cx.t("Original due date")
            } else {
                cx.t("Due date")
            },
            a.due.map(|x| el_text("span", cx.date(x))),
        ),
        (
            cx.t("Revised due date"),
            a.revised_due.map(|x| el_text("span", cx.date(x))),
        ),
        (
            cx.t("Completed"),
            a.completed.map(|x| el_text("span", cx.date(x))),
        ),
        (
            cx.t("Signed off"),
            a.signed_off.map(|x| el_text("span", cx.date(x))),
        ),
    ];
    for (k, v) in rows {
        if let Some(v) = v {
            dl = dl.child(summary_row(k, v));
        }
    }
    dl
}

/// The milestones as a table, if it has any.
fn milestones(cx: &Ctx, a: &Action) -> Option<Element> {
    if a.milestones.is_empty() {
        return None;
    }
    let rows = a
        .milestones
        .iter()
        .map(|m| {
            el("tr")
                .child(cx.text(el("td"), &m.title))
                .child(el_text("td", m.due.map(|x| cx.date(x)).unwrap_or_default()))
                .child(el_text(
                    "td",
                    m.completed
                        .map(|x| cx.date(x))
                        .unwrap_or_else(|| cx.t("Not yet").to_string()),
                ))
        })
        .collect();
    Some(table(
        &tf(cx.lang, "Milestones for action {id}", &[("id", a.number())]),
        &[cx.t("Milestone"), cx.t("Due"), cx.t("Completed")],
        rows,
    ))
}

fn success_measures(cx: &Ctx, a: &Action) -> Section {
    (!a.success_measures.is_empty()).then(|| {
        (
            cx.t("How success will be measured"),
            el_class("ul", "apt-list")
                .children(a.success_measures.iter().map(|s| cx.text(el("li"), s))),
        )
    })
}

fn evidence(cx: &Ctx, a: &Action) -> Section {
    (!a.evidence.is_empty()).then(|| {
        (
            cx.t("Evidence"),
            el_class("ul", "apt-list").children(a.evidence.iter().map(|e| match &e.url {
                Some(u) => el("li").child(link(u, cx.span(&e.text))),
                None => cx.text(el("li"), &e.text),
            })),
        )
    })
}

/// The findings it answers: its own, then its priority's. The first [`ANSWERS_SHOWN`] are
/// listed and all counted, without going through every finding of a priority that may name
/// thousands.
fn findings_answered(cx: &Ctx, a: &Action) -> Section {
    let feed = cx.feed;
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
    if linked.is_empty() {
        return None;
    }
    Some((
        cx.t("Inspection findings this action answers"),
        el_class("ul", "apt-list")
            .children(linked.iter().map(|f| {
                el("li")
                    .child(tag("grey", kind_word(cx.lang, f.kind)))
                    .text(" ")
                    .child(cx.span(&f.text))
            }))
            .child_opt(
                (answered > linked.len())
                    .then(|| el_text("li", and_more(cx, answered - linked.len()))),
            ),
    ))
}

/// The indicators that show its impact, each with its latest figure.
fn indicators(cx: &Ctx, a: &Action) -> Section {
    let inds: Vec<&Indicator> = a
        .indicators
        .iter()
        .filter_map(|id| cx.feed.indicator(id))
        .collect();
    if inds.is_empty() {
        return None;
    }
    Some((
        cx.t("Indicators that show its impact"),
        el_class("ul", "apt-list").children(inds.iter().map(|ind| {
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
        })),
    ))
}

/// Its updates, newest first.
fn updates(cx: &Ctx, a: &Action) -> Section {
    if a.updates.is_empty() {
        return None;
    }
    let mut ups: Vec<&Update> = a.updates.iter().collect();
    sort::by_key(&mut ups, |u| std::cmp::Reverse(u.date));
    Some((
        cx.t("Updates, newest first"),
        el_class("ol", "apt-updates").children(ups.into_iter().map(|u| update(cx, u))),
    ))
}

/// One update: its date, what it changed, its words and the meeting it was reported to.
fn update(cx: &Ctx, u: &Update) -> Element {
    let mut head = el_class("p", "apt-update__head").child(el_text("strong", cx.date(u.date)));
    if let Some(s) = u.status {
        head = head
            .text(" ")
            .child(tag(status_class(s), status_word(cx.lang, s)));
    }
    if let Some(r) = u.rag {
        head = head.text(" ").child(rag_rating(cx, r));
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
    let meeting = u
        .meeting
        .as_ref()
        .and_then(|m| cx.feed.meeting(m))
        .map(|m| {
            el_class("p", "apt-secondary").children(isolated(
                cx.t("Reported to {body} on {date}"),
                &[("body", m.body.show(cx.lang)), ("date", &cx.date(m.date))],
            ))
        });
    el_class("li", "apt-update")
        .child(head)
        .child_opt(u.text.as_ref().map(|x| cx.text(el("p"), x)))
        .child_opt(meeting)
}
