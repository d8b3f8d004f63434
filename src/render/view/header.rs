//! The widget's header: the publisher, the plan's title and date, and the notices a reader
//! must see first (a plan that is not the approved one, old data, items left out).

use super::Ctx;
use crate::date::Date;
use crate::feed::PlanStatus;
use crate::i18n::{tf, tn};
use crate::markup::{el, el_class, el_class_text, el_text, Element};
use crate::sort;
use crate::validate::{Problem, Severity};

pub(crate) fn header(cx: &Ctx) -> Element {
    let feed = cx.feed;
    let mut h = el_class("header", "apt-header")
        .child(cx.text(el_class("p", "apt-caption"), &feed.publisher.name))
        .child(cx.text(el_class("h2", "apt-title"), &feed.plan.title))
        .child_opt(
            feed.plan
                .summary
                .as_ref()
                .map(|s| cx.text(el_class("p", "apt-summary"), s)),
        )
        .child(el_class_text(
            "p",
            "apt-asof",
            tf(
                cx.lang,
                "Data as at {date}",
                &[("date", &cx.date(feed.as_of))],
            ),
        ))
        .child_opt(plan_status_notice(cx));
    if let Some(today) = cx.today {
        if feed.as_of < today.add_months(-6) {
            h = h.child(
                el_class("div", "apt-notice").child(el_text("p", tf(
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
pub(super) fn plan_status_notice(cx: &Ctx) -> Option<Element> {
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
        el_class("div", "apt-notice apt-plan-status").child(
            el("p")
                .child(el_text("strong", label))
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
    let list = el_class("ul", "apt-problems__list").children(
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
                    .child(el_class_text(
                        "span",
                        "apt-secondary",
                        format!("{place} · {} ", p.path),
                    ))
                    .child(el("span").attr("lang", "en").text(p.message.clone()))
            }),
    );
    Some(
        el_class("details", "apt-problems")
            .child(el_text("summary", headline))
            .child(el_text("p", cx.t("For the publisher: these parts of the feed have errors and are left out until they are corrected.")))
            .child(list),
    )
}
