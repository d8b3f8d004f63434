//! The actions view: the filters, the chosen filters, the count, the sort and one page of
//! actions, each with its line of facts and, once opened, its details (built only then: a
//! page of closed actions is a fifth of the nodes).

use super::action_details::action_details;
use super::filters::{chosen_filters, filter_panel};
use super::since::change_badges;
use super::{bar, dom_id, rag_rating, tag, Ctx};
use crate::date::Date;
use crate::feed::{Action, Status, Text};
use crate::filter::{self, Index, Row, Sort, State};
use crate::i18n::{self, t, tf, tn};
use crate::markup::{el, el_class, el_class_text, el_text, Element};
use crate::words::{status_class, status_word};

/// How many top-level actions one page of the list shows.
pub const PAGE_SIZE: usize = 20;

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
    let count_text = tn(
        cx.lang,
        matching.len(),
        "{n} action matches",
        "{n} actions match",
    );
    let shown = groups.iter().skip(page * page_size).take(page_size);
    let list = el_class("ol", "apt-actions")
        .attr("aria-label", cx.t("Actions"))
        .children(shown.map(|g| action_group(cx, state, g)));
    if cx.print {
        // Print and the static page: every matching action, opened; no controls.
        return el_class("div", "apt-actions-view apt-actions-view--print")
            .child(el_class_text("p", "apt-count", count_text))
            .child(list);
    }
    let mut results = el_class("div", "apt-results")
        .child(
            el_class("div", "apt-results__bar")
                .child(
                    el_class("p", "apt-count")
                        .attr("id", "apt-count")
                        .attr("tabindex", "-1")
                        .attr("role", "status")
                        .attr("aria-live", "polite")
                        .text(count_text),
                )
                .child(sort_select(cx, state)),
        )
        .child(chosen_filters(cx, &state.filters))
        .child(
            el_class("p", "apt-csv").child(
                el_class("button", "apt-button apt-button--secondary")
                    .attr("type", "button")
                    .attr("data-act", "csv")
                    .text(cx.t("Download these actions (CSV)")),
            ),
        )
        .child(list);
    if matching.is_empty() && !feed.actions.is_empty() {
        results = results.child(el_class_text(
            "p",
            "apt-empty",
            cx.t("No actions match these filters. Remove a filter or clear them all."),
        ));
    }
    if pages > 1 {
        results = results.child(pagination(cx, page, pages));
    }
    el_class("div", "apt-actions-view")
        .child(filter_panel(cx, state, index))
        .child(results)
}

/// The order of the list, as a select.
fn sort_select(cx: &Ctx, state: &State) -> Element {
    el_class("div", "apt-form-group apt-sort")
        .child(
            el_class("label", "apt-label")
                .attr("for", "apt-sort")
                .text(cx.t("Sort by")),
        )
        .child(
            el_class("select", "apt-select")
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
        )
}

fn pagination(cx: &Ctx, page: usize, pages: usize) -> Element {
    let mut nav = el_class("nav", "apt-pagination").attr("aria-label", cx.t("Pages of actions"));
    if page > 0 {
        nav = nav.child(
            el_class("button", "apt-button apt-button--secondary")
                .attr("type", "button")
                .attr("data-act", format!("page:{}", page - 1))
                .text(cx.t("Previous page")),
        );
    }
    nav = nav.child(el_class_text(
        "span",
        "apt-pagination__status",
        tf(
            cx.lang,
            "Page {page} of {pages}",
            &[
                ("page", &(page + 1).to_string()),
                ("pages", &pages.to_string()),
            ],
        ),
    ));
    if page + 1 < pages {
        nav = nav.child(
            el_class("button", "apt-button apt-button--secondary")
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
                el_class("ol", "apt-actions apt-actions--sub")
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

/// The compact line of facts under an action's title.
fn action_meta(cx: &Ctx, a: &Action) -> Element {
    let feed = cx.feed;
    let mut meta = el_class("div", "apt-action__meta")
        .child(tag(status_class(a.status), status_word(cx.lang, a.status)));
    if a.status == Status::Complete && a.signed_off.is_none() && feed.signs_off() {
        meta = meta.child(tag("grey", cx.t("Awaiting sign-off")));
    }
    if let Some(r) = a.rag {
        meta = meta.child(rag_rating(cx, r));
    }
    if a.is_overdue(feed.as_of) {
        meta = meta.child(tag("red", cx.t("Overdue")));
    } else if a.is_due_soon(feed.as_of) {
        meta = meta.child(tag("yellow", cx.t("Due soon")));
    }
    if let (true, Some(r)) = (a.is_ongoing(), &a.recurrence) {
        meta = meta.child(
            el_class_text(
                "strong",
                "apt-tag apt-tag--ongoing",
                format!("{} ", cx.t("Ongoing:")),
            )
            .child(cx.span(r)),
        );
    }
    meta = meta.children(change_badges(cx, a));
    let mut facts = facts_line(cx, a.lead.as_ref(), a.effective_due());
    if let Some(c) = a.completed {
        facts = facts.child(el_text(
            "span",
            tf(cx.lang, "Completed {date}", &[("date", &cx.date(c))]),
        ));
    }
    if let Some(p) = a.progress {
        facts = facts.child(bar(
            p,
            &tf(cx.lang, "{percent} done", &[("percent", &i18n::percent(p))]),
        ));
    }
    meta.child(facts)
}

/// The start of a line of facts: who leads it and when it is due (an action's, and a
/// committee's request's on the overview).
pub(super) fn facts_line(cx: &Ctx, lead: Option<&Text>, due: Option<Date>) -> Element {
    let mut facts = el_class("p", "apt-action__facts");
    if let Some(l) = lead {
        facts = facts.child(el_text("span", format!("{} ", cx.t("Lead:"))).child(cx.span(l)));
    }
    if let Some(d) = due {
        facts = facts.child(el_text(
            "span",
            tf(cx.lang, "Due {date}", &[("date", &cx.date(d))]),
        ));
    }
    facts
}

fn action_item(cx: &Ctx, state: &State, i: usize) -> Element {
    let a = &cx.feed.actions[i];
    let open = cx.print || state.open.iter().any(|o| o == &a.id);
    let details_id = dom_id("apt-d", &a.id);
    if cx.print {
        let title = cx.action_name(el_class("h4", "apt-action__title"), a);
        return el_class("li", "apt-action")
            .attr("data-id", a.id.clone())
            .child(title)
            .child(action_meta(cx, a))
            .child(action_details(cx, a));
    }
    let title = el_class("h4", "apt-action__title").child(
        cx.action_name(
            el_class("button", "apt-action__toggle")
                .attr("type", "button")
                .attr("aria-expanded", if open { "true" } else { "false" })
                .attr("aria-controls", details_id.clone())
                .attr("data-act", format!("open:{}", a.id)),
            a,
        ),
    );
    // A closed action's details are built when it is opened: until then an empty box with
    // their id, so that the button's `aria-controls` names an element.
    let details = if open {
        action_details(cx, a)
    } else {
        el_class("div", "apt-action__details")
    }
    .attr("id", details_id)
    .flag("hidden", !open);
    el_class("li", "apt-action")
        .attr("data-id", a.id.clone())
        .child(title)
        .child(action_meta(cx, a))
        .child(details)
}
