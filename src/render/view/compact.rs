//! The compact card: the headline of the plan in a small space.

use super::header::plan_status_notice;
use super::inspections::{
    inspection_title, is_self_evaluation, judgements_list, latest_inspection,
};
use super::overview::{headline, unpublished_priorities};
use super::{bar, link, tag, Ctx};
use crate::i18n::{self, tf, tn};
use crate::markup::{el, el_class, el_class_text, el_text, Element};

/// The compact card: title, percent complete, overdue, latest judgements, link to the plan.
pub fn compact(cx: &Ctx) -> Element {
    let feed = cx.feed;
    let s = &cx.summary.actions;
    let mut card = el_class("div", "apt apt-compact")
        .attr("lang", cx.lang.code())
        .child(cx.text(el_class("p", "apt-caption"), &feed.publisher.name))
        .child(cx.text(
            el_class("h2", "apt-title apt-title--compact"),
            &feed.plan.title,
        ))
        .child(el_class_text("p", "apt-headline", headline(cx)))
        .child_opt({
            let n = unpublished_priorities(feed);
            (n > 0).then(|| {
                el_class_text("p", "apt-headline-note", tn(
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
        .child(el_class_text(
            "p",
            "apt-secondary",
            tf(
                cx.lang,
                "Data as at {date}",
                &[("date", &cx.date(feed.as_of))],
            ),
        ));
    if let Some(i) = latest_inspection(feed) {
        card = card
            .child(el_class_text(
                "h3",
                "apt-h4",
                if is_self_evaluation(i) {
                    cx.t("Latest self-evaluation")
                } else {
                    cx.t("Latest inspection")
                },
            ))
            .child(el("p").child(inspection_title(cx, i)))
            .child_opt(judgements_list(cx, i));
    }
    if let Some(u) = &feed.plan.url {
        card = card.child(el("p").child(link(
            u,
            el_text("span", cx.t("See the full improvement plan")),
        )));
    }
    card
}
