//! The actions view's filter panel (the search box and a checkbox group per filter kind) and
//! the words for the chosen filters.

use super::since::{comparison, CHANGE_ORDER};
use super::{bdi, Ctx};
use crate::feed::{Area, Finding, FindingKind, Rag, Status};
use crate::filter::{Due, Filters, Index, State};
use crate::i18n::{t, tf, tn, Lang};
use crate::markup::{el, Element};
use crate::words::{area_short, change_word, rag_word, status_word};

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
pub(super) fn group_label(cx: &Ctx, kind: &str) -> String {
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
pub(super) fn chosen(cx: &Ctx, f: &Filters) -> Vec<(&'static str, String, String)> {
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

pub(super) fn filter_panel(cx: &Ctx, state: &State, index: &Index) -> Element {
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
