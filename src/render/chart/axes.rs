//! The plot area of the charts over time (the burn-up, the indicator trends): the value axis
//! with its ticks and unit, the time axis with its months and years, and the gridlines.

use super::draw::{label, line, text_width, SvgAttrs, LABEL, SMALL, W};
use super::scale::{month_short, step_decimals, time_ticks, Linear, TimeScale};
use crate::date::Date;
use crate::feed::Unit;
use crate::i18n::{self, t, Lang};
use crate::markup::Element;

/// The plotting area of a time chart and its scales.
pub(super) struct Frame {
    pub(super) left: f64,
    pub(super) top: f64,
    pub(super) right: f64,
    pub(super) bottom: f64,
    pub(super) x: TimeScale,
    pub(super) y: Linear,
}

/// How a y-axis value is written on a tick.
pub(super) fn tick_text(unit: Option<Unit>, v: f64, decimals: usize) -> String {
    match unit {
        Some(Unit::Percent) => format!("{}%", i18n::number(v, decimals)),
        Some(Unit::CurrencyGbp) => {
            let a = v.abs();
            let sign = if v < 0.0 { "-" } else { "" };
            if a >= 1e9 {
                format!("{sign}£{}bn", i18n::number(a / 1e9, 2))
            } else if a >= 1e6 {
                format!("{sign}£{}m", i18n::number(a / 1e6, 2))
            } else if a >= 1e3 {
                format!("{sign}£{}k", i18n::number(a / 1e3, 1))
            } else {
                format!("{sign}£{}", i18n::number(a, decimals))
            }
        }
        _ => i18n::number(v, decimals),
    }
}

/// What the y-axis measures, when the ticks alone do not say.
fn axis_unit(lang: Lang, unit: Option<Unit>) -> Option<&'static str> {
    match unit {
        Some(Unit::RatePer10000) => Some(t(lang, "per 10,000 children")),
        Some(Unit::Days) => Some(t(lang, "days")),
        Some(Unit::Weeks) => Some(t(lang, "weeks")),
        None => Some(t(lang, "actions")),
        _ => None,
    }
}

/// What a time chart's axes show.
pub(super) struct Axes<'a> {
    pub(super) from: Date,
    pub(super) to: Date,
    pub(super) ticks: &'a [f64],
    pub(super) unit: Option<Unit>,
    pub(super) height: f64,
    /// Room above the plot for the unit and labels.
    pub(super) top: f64,
}

/// Axes, gridlines and tick labels; returns the frame to plot in.
pub(super) fn frame(lang: Lang, axes: &Axes, body: &mut Vec<Element>) -> Frame {
    let ticks = axes.ticks;
    let decimals = ticks
        .windows(2)
        .map(|w| step_decimals(w[1] - w[0]))
        .max()
        .unwrap_or(0);
    let labels: Vec<String> = ticks
        .iter()
        .map(|&v| tick_text(axes.unit, v, decimals))
        .collect();
    let widest = labels
        .iter()
        .map(|l| text_width(l, SMALL))
        .fold(0.0, f64::max);
    let (left, top, right, bottom) = (widest + 8.0, axes.top, W - 6.0, axes.height - 36.0);
    let (lo, hi) = (
        ticks.first().copied().unwrap_or(0.0),
        ticks.last().copied().unwrap_or(1.0),
    );
    let f = Frame {
        left,
        top,
        right,
        bottom,
        x: TimeScale::new(axes.from, axes.to, left + 4.0, right - 4.0),
        y: Linear::new(lo, hi, bottom, top),
    };
    if let Some(u) = axis_unit(lang, axes.unit) {
        body.push(label(0.0, SMALL, SMALL, u));
    }
    for (v, l) in ticks.iter().zip(labels) {
        let y = f.y.at(*v);
        body.push(line(left, y, right, y, "apt-chart__grid").stroke("#b1b4b6", "1"));
        body.push(label(left - 5.0, y + SMALL * 0.35, SMALL, l).anchor("end"));
    }
    time_axis(lang, &f, axes, body);
    f
}

/// The time axis along the plot's foot: round dates ticked, named by month (and year, where
/// it changes) or by year.
fn time_axis(lang: Lang, f: &Frame, axes: &Axes, body: &mut Vec<Element>) {
    body.push(line(f.left, f.bottom, f.right, f.bottom, "apt-chart__axis").stroke("#0b0c0c", "1"));
    let max_ticks = ((f.right - f.left) / 46.0).floor().max(1.0) as usize;
    let (dates, step) = time_ticks(axes.from, axes.to, max_ticks);
    let mut last_year = None;
    for d in dates {
        let x = f.x.at(d);
        body.push(line(x, f.bottom, x, f.bottom + 5.0, "apt-chart__axis").stroke("#0b0c0c", "1"));
        let row1 = f.bottom + 5.0 + SMALL;
        // Centred under its tick, unless that would take it past the chart's edge (a wide
        // font, a Welsh month): then it ends at the edge (or starts at it) instead.
        let tick_label = |y: f64, text: String| {
            let half = text_width(&text, SMALL) * 0.6;
            if x + half > W {
                label(W - 1.0, y, SMALL, text).anchor("end")
            } else if x - half < 0.0 {
                label(1.0, y, SMALL, text)
            } else {
                label(x, y, SMALL, text).anchor("middle")
            }
        };
        if step >= 12 {
            body.push(tick_label(row1, d.year().to_string()));
        } else {
            body.push(tick_label(row1, month_short(lang, d.month()).to_string()));
            if last_year != Some(d.year()) {
                body.push(tick_label(row1 + SMALL + 1.0, d.year().to_string()));
            }
        }
        last_year = Some(d.year());
    }
}

/// "No figures to plot" in the middle of an empty plot.
pub(super) fn no_data(f: &Frame, lang: Lang, body: &mut Vec<Element>) {
    body.push(
        label(
            (f.left + f.right) / 2.0,
            (f.top + f.bottom) / 2.0,
            LABEL,
            t(lang, "No figures to plot"),
        )
        .anchor("middle"),
    );
}
