//! The inspections and self-evaluations as the overview, the findings view and the compact
//! card name them: which is the latest, their titles, dates and judgements.

use super::{summary_row, tag, Ctx};
use crate::feed::{Area, Feed, Inspection, InspectionType, Inspectorate};
use crate::i18n::tf;
use crate::markup::{el_class, el_text, Element};
use crate::sort;
use crate::words::{area_word, grade_class, grade_word, inspection_type_word};

/// The council's own look at its services, not an inspection.
pub(super) fn is_self_evaluation(i: &Inspection) -> bool {
    i.kind == InspectionType::SelfEvaluation || i.inspectorate == Inspectorate::Council
}

/// Inspections and self-evaluations, newest first: those with a date by their latest date,
/// then those with none, in the order of the file (never above a dated one at random).
pub(super) fn newest_first(feed: &Feed) -> Vec<&Inspection> {
    let mut v: Vec<&Inspection> = feed.inspections.iter().collect();
    sort::by_key(&mut v, |i| {
        let d = i.published.or(i.end).or(i.start);
        (d.is_none(), std::cmp::Reverse(d))
    });
    v
}

/// The newest inspection; a self-evaluation only when there is no inspection at all.
pub(super) fn latest_inspection(feed: &Feed) -> Option<&Inspection> {
    let all = newest_first(feed);
    all.iter()
        .find(|i| !is_self_evaluation(i))
        .or(all.first())
        .copied()
}

pub(super) fn fieldwork(cx: &Ctx, i: &Inspection) -> Option<String> {
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

pub(super) fn inspection_title(cx: &Ctx, i: &Inspection) -> Element {
    match &i.title {
        Some(tt) => cx.span(tt),
        None if is_self_evaluation(i) => el_text("span", cx.t("Self-evaluation")),
        None => el_text("span", inspection_type_word(cx.lang, i.kind)),
    }
}

/// "Read the inspection report", or "Read the self-evaluation".
pub(super) fn report_link_words(cx: &Ctx, i: &Inspection) -> &'static str {
    if is_self_evaluation(i) {
        cx.t("Read the self-evaluation")
    } else {
        cx.t("Read the inspection report")
    }
}

pub(super) fn judgements_list(cx: &Ctx, i: &Inspection) -> Option<Element> {
    (!i.judgements.is_empty()).then(|| {
        el_class("dl", "apt-summary-list apt-judgements").children(i.judgements.iter().map(|j| {
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
