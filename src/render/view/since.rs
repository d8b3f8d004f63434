//! Changes since a date (feed 1.1): "what has changed since we last met?" The overview's
//! first section, the actions' change badges and the indicators' figures then.

use super::Ctx;
use crate::changes::Changes;
use crate::date::Date;
use crate::feed::{Action, Feed, Indicator, Rag, Unit};
use crate::filter::{self, FilterKind, State};
use crate::i18n::{self, tf, tn, Lang};
use crate::markup::{el, el_class, el_class_text, el_text, Element};
use crate::table::{row_header, scroll_box, table};
use crate::words::{rag_word, status_word};

/// The comparison the view shows: the summary's `changes`, made for the reader's date.
pub(super) fn comparison<'a>(cx: &Ctx<'a>) -> Option<&'a Changes> {
    cx.summary.changes.as_ref()
}

/// "Since the Children's Services Improvement Board on 22 October 2026", or "Since 1 July 2026".
pub fn since_heading(lang: Lang, feed: &Feed, c: &Changes) -> String {
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
pub(super) const CHANGE_ORDER: [crate::changes::Kind; 8] = {
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
    el_class("a", "apt-link")
        .attr("href", s.fragment(cx.ns, ""))
        .attr("data-act", act.to_string())
        .child(label)
}

/// The reader's choice of comparison: a meeting (newest first) or any date before `as_of`.
fn since_controls(cx: &Ctx, since: Date) -> Element {
    el_class("div", "apt-since__controls")
        .child(meeting_select(cx, since))
        .child(date_field(cx, since))
}

/// The past meetings to compare with, and the date chosen when it is no meeting's.
fn meeting_select(cx: &Ctx, since: Date) -> Element {
    let meetings = crate::changes::past_meetings(cx.feed);
    let is_meeting = meetings.iter().any(|m| m.date == since);
    // A day's first meeting only: they come newest first, so a day's meetings are together
    // (compared with the one before rather than kept in a set: less wasm).
    let mut last = None;
    let options = meetings
        .iter()
        .filter(|m| last.replace(m.date) != Some(m.date))
        .map(|m| {
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
    el_class("div", "apt-form-group")
        .child(
            el_class("label", "apt-label")
                .attr("for", "apt-since-meeting")
                .text(cx.t("Compare with a meeting")),
        )
        .child(
            el_class("select", "apt-select")
                .attr("id", "apt-since-meeting")
                .attr("data-act", "since")
                .child_opt(chosen)
                .children(options),
        )
}

/// Any date to compare with, typed.
fn date_field(cx: &Ctx, since: Date) -> Element {
    let as_of = cx.feed.as_of;
    // As UK readers type a date: 15/09/2026.
    let typed = |d: Date| format!("{:02}/{:02}/{}", d.day(), d.month(), d.year());
    el_class("div", "apt-form-group")
        .child(
            el_class("label", "apt-label")
                .attr("for", "apt-since-date")
                .text(cx.t("Or compare with a date")),
        )
        .child(
            el_class("p", "apt-hint")
                .attr("id", "apt-since-date-hint")
                .text(tf(
                    cx.lang,
                    "Any date before {date}, for example {example}",
                    &[
                        ("date", &cx.date(as_of)),
                        ("example", &typed(as_of.add_months(-1))),
                    ],
                )),
        )
        .child(
            // A text field, not a date picker: GOV.UK's advice, and a picker's own
            // button takes focus without showing it.
            el_class("input", "apt-input apt-since__date")
                .attr("type", "text")
                .attr("id", "apt-since-date")
                .attr("aria-describedby", "apt-since-date-hint")
                .attr("data-act", "since")
                .attr("autocomplete", "off")
                .attr("spellcheck", "false")
                .attr("value", typed(since)),
        )
}

/// The overview's first section: what changed since the comparison date, each count a link to
/// the actions (or indicators) it counts, the reader's choice of date, and a chart of the
/// actions by status then and now.
pub(crate) fn since_section(cx: &Ctx) -> Option<Element> {
    let c = comparison(cx)?;
    let heading = since_heading(cx.lang, cx.feed, c);
    let status = (!cx.print).then(|| {
        el_class("p", "apt-visually-hidden")
            .attr("role", "status")
            .attr("id", "apt-since-status")
            .text(tf(
                cx.lang,
                "Showing the changes since {date}.",
                &[("date", &cx.date(c.since))],
            ))
    });
    Some(
        el_class("div", "apt-panel apt-since")
            .attr("id", "apt-since")
            .child(el_class_text("h4", "apt-h4", heading))
            .child_opt((!cx.print).then(|| since_controls(cx, c.since)))
            .child_opt(status)
            .child(action_changes(cx, c))
            .child_opt(indicator_changes(cx, c))
            .child(crate::chart::status_then_and_now(cx.lang, cx.feed, c.since)),
    )
}

/// How many actions changed in each way, each count a link to those actions.
fn action_changes(cx: &Ctx, c: &Changes) -> Element {
    el_class("ul", "apt-changes")
        .attr("aria-label", cx.t("Actions"))
        .children(CHANGE_ORDER.iter().map(|&k| {
            let n = c.actions.get(k);
            let label = el_text("span", change_count(cx.lang, k, n));
            let item = el_class("li", format!("apt-change apt-change--{}", k.word()));
            if n == 0 {
                item.child(label)
            } else {
                item.child(go_since(
                    cx,
                    c.since,
                    &filter::go_act(FilterKind::Changed, k.word()),
                    label,
                ))
            }
        }))
}

/// How many indicators improved, worsened, changed, and now meet or miss their target, each
/// count a link to the indicators; `None` for a plan without indicators.
fn indicator_changes(cx: &Ctx, c: &Changes) -> Option<Element> {
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
    (!cx.feed.indicators.is_empty()).then(|| {
        el_class("ul", "apt-changes")
            .attr("aria-label", cx.t("Indicators"))
            .children(
                ind_counts
                    .into_iter()
                    .enumerate()
                    // "Changed" is for neutral indicators: shown only when one changed.
                    .filter(|&(k, (_, n))| k != 2 || n > 0)
                    .map(|(_, (text, n))| {
                        let label = el_text("span", text);
                        let item = el_class("li", "apt-change");
                        if n == 0 {
                            item.child(label)
                        } else {
                            item.child(go_since(cx, c.since, "view:indicators", label))
                        }
                    }),
            )
    })
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
            el_class(
                "strong",
                format!("apt-tag apt-tag--{class} apt-change-badge"),
            )
            .text(text)
        })
        .collect()
}

/// The action's status and RAG at the comparison date, next to now, for its details.
pub(super) fn then_and_now(cx: &Ctx, a: &Action) -> Option<Element> {
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
            .child(row_header().text(cx.t("Status")))
            .child(el_text("td", status_then))
            .child(el_text("td", status_word(cx.lang, a.status))),
        el("tr")
            .child(row_header().text(cx.t("RAG rating")))
            .child(el_text("td", rag_then))
            .child(el_text(
                "td",
                a.rag.map_or(cx.t("Not known"), |r| rag_word(cx.lang, r)),
            )),
    ];
    if let (Some(was), Some(is)) = (ch.then.progress, a.progress) {
        rows.push(
            el("tr")
                .child(row_header().text(cx.t("Progress")))
                .child(el_text("td", i18n::percent(was)))
                .child(el_text("td", i18n::percent(is))),
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
pub(super) fn indicator_then(cx: &Ctx, ind: &Indicator) -> Element {
    let Some(c) = comparison(cx) else {
        return el("td");
    };
    let Some(ch) = crate::changes::indicator_change(ind, c.since) else {
        return el_text("td", cx.t("No figure by then"));
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
        .child(el_text("strong", i18n::value(cx.lang, ind.unit, was)))
        .child(el_class_text(
            "span",
            "apt-block apt-secondary",
            i18n::period(cx.lang, ch.then.period),
        ))
        .child(el_class_text(
            "span",
            "apt-block",
            format!("{}: {}", moved, change_in_unit(cx.lang, ind.unit, is - was)),
        ))
}
