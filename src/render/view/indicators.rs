//! The indicators view: the latest figures against their targets, then each indicator's
//! figures, charts and (1.1) breakdowns.

use super::since::{comparison, indicator_then};
use super::{dom_id, tag, Ctx};
use crate::date::Date;
use crate::feed::{Indicator, Polarity, Value};
use crate::i18n::{self, t, tf, Lang};
use crate::markup::{el, el_class, el_class_text, el_text, Element};
use crate::sort;
use crate::summary::{target_state, TargetState};
use crate::table::{figure_rows, row_header, scroll_box, table, FigureRows};

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
    let rows = cx
        .feed
        .indicators
        .iter()
        .map(|ind| indicator_row(cx, ind))
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

/// One indicator's row of [`indicator_table`].
fn indicator_row(cx: &Ctx, ind: &Indicator) -> Element {
    el("tr")
        .child(row_header().child(cx.span(&ind.name)))
        .child(latest_cell(cx, ind))
        .child_opt(comparison(cx).map(|_| indicator_then(cx, ind)))
        .child(target_cell(cx, ind))
        .child(against_target_cell(cx, ind))
        .child(trend_cell(cx, ind))
        .child(comparators_cell(cx, ind))
}

/// The latest figure and its period, and whether the most recent one was suppressed.
fn latest_cell(cx: &Ctx, ind: &Indicator) -> Element {
    let latest = ind.latest();
    let last_suppressed = ind
        .values
        .iter()
        .max_by_key(|v| v.period.end())
        .is_some_and(|v| v.value.is_none());
    match latest.and_then(|v| v.value.map(|x| (v.period, x, v))) {
        Some((p, x, v)) => el("td")
            .child(el_text(
                "strong",
                figure(cx.lang, ind.unit, x, v.approximate),
            ))
            .child(el_class_text(
                "span",
                "apt-block apt-secondary",
                i18n::period(cx.lang, p),
            )),
        None => el_text("td", cx.t("No figures yet")),
    }
    .child_opt(last_suppressed.then(|| {
        el_class_text(
            "span",
            "apt-block apt-secondary",
            cx.t("Most recent figure suppressed to protect children's privacy"),
        )
    }))
}

/// The target and the date it is for.
fn target_cell(cx: &Ctx, ind: &Indicator) -> Element {
    match &ind.target {
        Some(tg) => {
            el_text("td", i18n::value(cx.lang, ind.unit, tg.value)).child_opt(tg.by.map(|b| {
                el_class_text(
                    "span",
                    "apt-block apt-secondary",
                    tf(cx.lang, "by {date}", &[("date", &cx.date(b))]),
                )
            }))
        }
        None => el_text("td", cx.t("No target set")),
    }
}

/// Whether the latest figure meets the target, in words.
fn against_target_cell(cx: &Ctx, ind: &Indicator) -> Element {
    match target_state(ind) {
        TargetState::Met => el("td").child(tag("green", &format!("✓ {}", cx.t("Target met")))),
        TargetState::Missed => el("td").child(tag("red", &format!("✗ {}", cx.t("Target not met")))),
        TargetState::NoTarget => el_text("td", "—").child(el_class_text(
            "span",
            "apt-visually-hidden",
            cx.t("No target set"),
        )),
    }
}

/// The direction of travel: a sparkline, an arrow and its words.
fn trend_cell(cx: &Ctx, ind: &Indicator) -> Element {
    match trend(cx.lang, ind) {
        Some((arrow, word)) => el("td")
            .child(crate::chart::sparkline(ind))
            .child(
                el("span")
                    .attr("aria-hidden", "true")
                    .text(format!("{arrow} ")),
            )
            .text(word),
        None => el_text("td", "—"),
    }
}

/// Each comparator's latest figure.
fn comparators_cell(cx: &Ctx, ind: &Indicator) -> Element {
    el("td").children(ind.comparators.iter().filter_map(|c| {
        let v = latest_of(&c.values)?;
        Some(
            el_class("span", "apt-block")
                .child(cx.span(&c.name))
                .text(format!(
                    ": {} ({})",
                    i18n::value(cx.lang, ind.unit, v.1),
                    i18n::period(cx.lang, v.0)
                )),
        )
    }))
}

/// The indicators view: a table of latest figures against targets, then each indicator's figures.
pub fn indicators(cx: &Ctx) -> Element {
    let feed = cx.feed;
    if feed.indicators.is_empty() {
        return el_text("p", cx.t("This plan lists no performance indicators."));
    }
    let summary_table = indicator_table(cx);
    let mut out = el_class("div", "apt-indicators")
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

fn latest_of(values: &[Value]) -> Option<(crate::date::Period, f64)> {
    crate::feed::latest(values).and_then(|v| Some((v.period, v.value?)))
}

/// An indicator's "all figures" table, in its scrolling box.
fn all_figures(cx: &Ctx, ind: &Indicator) -> Element {
    let cell = |v: Option<&Value>| -> Element {
        match v {
            Some(v) if v.suppressed => el_text("td", cx.t("suppressed")),
            Some(Value {
                value: Some(x),
                note,
                approximate,
                ..
            }) => el_class_text("td", "apt-num", figure(cx.lang, ind.unit, *x, *approximate))
                .child_opt(
                    note.as_ref()
                        .map(|n| cx.text(el_class("span", "apt-block apt-secondary"), n)),
                ),
            Some(_) | None => el_text("td", "—"),
        }
    };
    let names: Vec<String> = std::iter::once(cx.feed.publisher.name.show(cx.lang).to_string())
        .chain(
            ind.comparators
                .iter()
                .map(|c| c.name.show(cx.lang).to_string()),
        )
        .collect();
    let lines: Vec<Vec<&Value>> = std::iter::once(&ind.values)
        .chain(ind.comparators.iter().map(|c| &c.values))
        .map(|values| values.iter().collect())
        .collect();
    let period_cell = |p| row_header().text(i18n::period(cx.lang, p));
    let (heads, rows): (Vec<String>, Vec<Element>) = match figure_rows(&lines) {
        FigureRows::Grid(grid) => {
            let rows = grid
                .into_iter()
                .map(|(p, figures)| {
                    el("tr")
                        .child(period_cell(p))
                        .children(figures.into_iter().map(cell))
                })
                .collect();
            let heads = std::iter::once(cx.t("Period").to_string())
                .chain(names)
                .collect();
            (heads, rows)
        }
        FigureRows::PerFigure(figures) => {
            let rows = figures
                .into_iter()
                .map(|(p, line, v)| {
                    el("tr")
                        .child(period_cell(p))
                        .child(el_text("td", names[line].clone()))
                        .child(cell(Some(v)))
                })
                .collect();
            let heads = [
                cx.t("Period"),
                cx.t("Council or comparator"),
                cx.t("Figure"),
            ]
            .map(str::to_string)
            .to_vec();
            (heads, rows)
        }
    };
    let head_refs: Vec<&str> = heads.iter().map(String::as_str).collect();
    let caption = tf(
        cx.lang,
        "{name}: all figures",
        &[("name", ind.name.show(cx.lang))],
    );
    scroll_box(&caption, table(&caption, &head_refs, rows))
}

/// One indicator: its name, description and source, every figure as a table (the "all
/// figures" table: its rows laid out by `table::figure_rows`, the rule the trend chart's table
/// shares; its cells say more than the chart's: approximate figures and notes), and (1.1) each
/// figure split into parts.
fn indicator_detail(cx: &Ctx, ind: &Indicator) -> Element {
    let mut section = el_class("section", "apt-panel apt-indicator")
        .child(cx.text(el_class("h4", "apt-h4"), &ind.name));
    if let Some(d) = &ind.description {
        section = section.child(cx.text(el("p"), d));
    }
    if let Some(s) = &ind.source {
        section = section.child(
            el_class_text("p", "apt-secondary", format!("{} ", cx.t("Source:"))).child(cx.span(s)),
        );
    }
    section = section.child(all_figures(cx, ind));
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
                .child(cx.text(row_header(), &p.label))
                .child(match p.value {
                    Some(x) if !p.suppressed => {
                        el_class_text("td", "apt-num", i18n::value(cx.lang, ind.unit, x))
                    }
                    _ => el_text("td", cx.t("suppressed")),
                })
        })
        .collect();
    let id = format!("apt-chart-{}-{k}", dom_id("bd", &ind.id));
    el_class("div", "apt-breakdown")
        .child(el_class_text("h5", "apt-h5", title.clone()))
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
