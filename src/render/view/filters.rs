//! The actions view's filters: the panel (the search box and one checkbox group per filter
//! kind) and the chosen filters, each a button that removes it.
//!
//! A filter value's words are in one place, [`value_label`], so a checkbox and the chip of the
//! same value always say the same thing.

use super::since::{comparison, CHANGE_ORDER};
use super::{bdi, isolated, Ctx};
use crate::changes::Kind;
use crate::feed::{Area, FindingKind, Rag, Status};
use crate::filter::{Due, FilterKind, Filters, Index, State};
use crate::i18n::{t, tf, tn, Lang};
use crate::markup::{el, el_class, el_class_text, el_text, Element};
use crate::words::{area_short, change_word, rag_word, status_word};

/// The filter panel's groups, in the order it shows them.
const PANEL: [FilterKind; 8] = [
    FilterKind::Status,
    FilterKind::Due,
    FilterKind::Changed,
    FilterKind::Rag,
    FilterKind::Priority,
    FilterKind::Area,
    FilterKind::Lead,
    FilterKind::Finding,
];

/// The chosen filters, in the order their buttons are listed.
const CHOSEN: [FilterKind; 8] = [
    FilterKind::Status,
    FilterKind::Rag,
    FilterKind::Due,
    FilterKind::Priority,
    FilterKind::Area,
    FilterKind::Lead,
    FilterKind::Finding,
    FilterKind::Changed,
];

/// The label of a filter kind.
fn kind_label(lang: Lang, kind: FilterKind) -> &'static str {
    t(
        lang,
        match kind {
            FilterKind::Status => "Status",
            FilterKind::Rag => "RAG rating",
            FilterKind::Due => "Due",
            FilterKind::Priority => "Priority",
            FilterKind::Area => "Judgement area",
            FilterKind::Lead => "Lead",
            FilterKind::Finding => "Finding",
            // Only with no comparison date (see `group_label`): a link's `changed=` on a plan
            // with no meeting yet, which no action matches; its chip still says what it is.
            FilterKind::Changed => "Changed",
        },
    )
}

/// The label of a filter kind; "Changed since 22 October 2026" for the changes.
fn group_label(cx: &Ctx, kind: FilterKind) -> String {
    match (kind, comparison(cx)) {
        (FilterKind::Changed, Some(c)) => tf(
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

/// The words for value `value` (a word of the format, an id or a lead) of filter `kind`, as its
/// checkbox and its chip show them. `None` for a priority or finding the feed does not have
/// (`State::keep_known` drops those first): a crafted link must not put its own words on the
/// council's page.
fn value_label(cx: &Ctx, kind: FilterKind, value: &str) -> Option<String> {
    let lang = cx.lang;
    Some(match kind {
        FilterKind::Status => status_word(lang, Status::from_word(value)?).to_string(),
        FilterKind::Rag => rag_word(lang, Rag::from_word(value)?).to_string(),
        FilterKind::Due => due_word(lang, Due::from_word(value)?).to_string(),
        FilterKind::Priority => cx.feed.priority(value)?.title.show(lang).to_string(),
        FilterKind::Area => area_short(lang, Area::from_word(value)?).to_string(),
        FilterKind::Lead => value.to_string(),
        FilterKind::Finding => finding_label(cx, value)?,
        FilterKind::Changed => change_word(lang, Kind::from_word(value)?).to_string(),
    })
}

/// "F3: Leaders do not have a clear enough…": the finding's id and the start of its text.
fn finding_label(cx: &Ctx, id: &str) -> Option<String> {
    let text = cx.feed.finding(id)?.text.show(cx.lang);
    let words: String = text.chars().take(70).collect();
    let more = if words.chars().count() < text.chars().count() {
        "…"
    } else {
        ""
    };
    Some(format!("{id}: {words}{more}"))
}

/// The values group `kind` offers, each with how many actions have it. Empty when the group is
/// not shown: no RAG ratings, priorities, judgement areas, leads or answered findings in the
/// plan, or no comparison date.
fn group_values(cx: &Ctx, index: &Index, f: &Filters, kind: FilterKind) -> Vec<(String, usize)> {
    let feed = cx.feed;
    let count = |value: &str| index.count(kind, value);
    let values: Vec<String> = match kind {
        FilterKind::Status => Status::ALL.iter().map(|s| s.word().to_string()).collect(),
        // (1.1) "Ongoing" only for a plan that has ongoing work (or when chosen).
        FilterKind::Due => Due::ALL
            .iter()
            .filter(|&&d| d != Due::Ongoing || count(d.word()) > 0 || f.due.contains(&d))
            .map(|d| d.word().to_string())
            .collect(),
        FilterKind::Changed => {
            // Counted since the comparison date, which the index does not know.
            let Some(c) = comparison(cx) else {
                return Vec::new();
            };
            return CHANGE_ORDER
                .iter()
                .map(|&k| (k.word().to_string(), c.actions.get(k)))
                .collect();
        }
        FilterKind::Rag if feed.actions.iter().any(|a| a.rag.is_some()) => {
            Rag::ALL.iter().map(|r| r.word().to_string()).collect()
        }
        FilterKind::Rag => Vec::new(),
        FilterKind::Priority => feed.priorities.iter().map(|p| p.id.clone()).collect(),
        FilterKind::Area => Area::ALL
            .iter()
            .map(|a| a.word().to_string())
            .filter(|w| count(w) > 0)
            .collect(),
        FilterKind::Lead => index.leads(cx.lang).to_vec(),
        FilterKind::Finding => feed
            .findings
            .iter()
            .filter(|x| x.kind != FindingKind::Strength && count(&x.id) > 0)
            .map(|x| x.id.clone())
            .collect(),
    };
    values
        .into_iter()
        .map(|v| {
            let n = count(&v);
            (v, n)
        })
        .collect()
}

/// The checkbox group of filter `kind` (every group of the panel is built here): a
/// disclosure whose summary says how many are chosen, and a checkbox per value with its count.
/// The group is `open` when the reader opened it; its checkboxes are built then, or when one
/// is ticked (a closed group's ticks are in the page, as they always were). Otherwise a closed
/// group is its summary. `None` when the group offers nothing.
///
/// The `<details>` carries `data-group` (not `data-act`: a click on its summary or a label
/// must do what it does natively), so that a click on its summary, or its `toggle` event,
/// can say which group it was.
fn checkbox_group(
    cx: &Ctx,
    index: &Index,
    f: &Filters,
    kind: FilterKind,
    open: bool,
) -> Option<Element> {
    let values = group_values(cx, index, f, kind);
    if values.is_empty() {
        return None;
    }
    let selected = f.words(kind);
    let legend = match selected.len() {
        0 => group_label(cx, kind),
        n => format!(
            "{} ({})",
            group_label(cx, kind),
            tn(cx.lang, n, "{n} selected", "{n} selected")
        ),
    };
    let group = el_class("details", "apt-filter-group")
        .attr("data-group", kind.word())
        .flag("open", open)
        .child(el_class_text(
            "summary",
            "apt-filter-group__summary",
            legend,
        ));
    if !open && selected.is_empty() {
        return Some(group);
    }
    let boxes = values
        .into_iter()
        .filter_map(|(value, count)| Some((value_label(cx, kind, &value)?, value, count)))
        .enumerate()
        .map(|(i, (label, value, count))| {
            let id = format!("apt-f-{}-{i}", kind.word());
            el_class("div", "apt-checkbox")
                .child(
                    el_class("input", "apt-checkbox__input")
                        .attr("type", "checkbox")
                        .attr("id", id.clone())
                        .attr("value", value.clone())
                        .attr("data-act", format!("toggle:{}:{value}", kind.word()))
                        .flag("checked", selected.contains(&value)),
                )
                .child(
                    el_class("label", "apt-checkbox__label")
                        .attr("for", id)
                        .child(bdi(label))
                        .child(el_class_text(
                            "span",
                            "apt-secondary",
                            format!(" ({count})"),
                        )),
                )
        });
    Some(
        group.child(
            el_class("fieldset", "apt-fieldset")
                .child(el_class_text(
                    "legend",
                    "apt-visually-hidden",
                    group_label(cx, kind),
                ))
                .children(boxes),
        ),
    )
}

/// The search box: every word must appear in the action.
fn search_box(cx: &Ctx, f: &Filters) -> Element {
    el_class("div", "apt-form-group")
        .child(
            el_class("label", "apt-label")
                .attr("for", "apt-search")
                .text(cx.t("Search actions")),
        )
        .child(
            el_class("p", "apt-hint")
                .attr("id", "apt-search-hint")
                .text(cx.t("Words in the title, description, lead, team or updates")),
        )
        .child(
            el_class("input", "apt-input")
                .attr("type", "search")
                .attr("id", "apt-search")
                .attr("aria-describedby", "apt-search-hint")
                .attr("data-act", "search")
                .attr("autocomplete", "off")
                .attr("value", f.search.clone()),
        )
}

/// The filter panel: the search box, then a checkbox group for each kind the plan has, open
/// (its checkboxes built) when the reader opened it.
pub(super) fn filter_panel(cx: &Ctx, state: &State, index: &Index) -> Element {
    let f = &state.filters;
    el_class("div", "apt-filters")
        .attr("role", "search")
        .attr("aria-label", cx.t("Filter actions"))
        .child(el_class_text("h4", "apt-h4", cx.t("Filter actions")))
        .child(search_box(cx, f))
        .children(
            PANEL.into_iter().filter_map(|kind| {
                checkbox_group(cx, index, f, kind, state.groups.contains(&kind))
            }),
        )
}

/// A button that removes one chosen filter: `name` for screen readers, `shown` on the button.
fn chip(cx: &Ctx, act: String, name: &str, shown: Element) -> Element {
    el("li").child(
        el_class("button", "apt-chip")
            .attr("type", "button")
            .attr("data-act", act)
            .attr(
                "aria-label",
                tf(cx.lang, "Remove filter {name}", &[("name", name)]),
            )
            .child(el("span").attr("aria-hidden", "true").text("✕ "))
            .child(shown),
    )
}

/// The chosen filters, each a button that removes it, and one that clears them all; an empty
/// box when nothing is chosen.
pub(super) fn chosen_filters(cx: &Ctx, f: &Filters) -> Element {
    let mut items: Vec<Element> = CHOSEN
        .into_iter()
        .flat_map(|kind| f.words(kind).into_iter().map(move |value| (kind, value)))
        .filter_map(|(kind, value)| {
            let label = value_label(cx, kind, &value)?;
            let group = group_label(cx, kind);
            let shown = el_text("span", format!("{group}: ")).child(bdi(label.clone()));
            Some(chip(
                cx,
                format!("remove:{}:{value}", kind.word()),
                &format!("{group}: {label}"),
                shown,
            ))
        })
        .collect();
    if !f.search.is_empty() {
        // The reader's own words (a link can carry any), quoted as theirs: never shown as a
        // label of the council's.
        let template = cx.t("Your search: “{words}”");
        let words = [("words", f.search.as_str())];
        let name = tf(cx.lang, "Your search: “{words}”", &words);
        let shown = el("span").children(isolated(template, &words));
        items.push(chip(cx, "remove:search:".to_string(), &name, shown));
    }
    let chosen = el_class("div", "apt-chosen");
    if items.is_empty() {
        return chosen;
    }
    chosen
        .child(el_class_text("h4", "apt-h4", cx.t("Chosen filters")))
        .child(el_class("ul", "apt-chips").children(items))
        .child(
            el_class("button", "apt-button apt-button--secondary")
                .attr("type", "button")
                .attr("data-act", "clear")
                .text(cx.t("Clear all filters")),
        )
}
