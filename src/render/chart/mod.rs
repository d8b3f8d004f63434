//! Progress charts as SVG, made by the core (issue #4).
//!
//! Each chart is a [`markup`](crate::markup) tree: a `<figure class="apt-chart">` holding a
//! visible plain-language description, the `<svg role="img">` (with `<title>` and `<desc>`
//! saying the same), a key, and a `<details>` "Show as table" with the same numbers. No
//! charting library: the widget, the static page, the CLI and the tests share this one
//! implementation, and feed text only ever reaches text nodes and attribute values, which
//! the serialiser escapes.
//!
//! Layout is done in a fixed coordinate space (`viewBox`) sized for a phone, so the charts
//! scale down to 320px and up to the maximum width set in `chart.css`; colour is never the only
//! cue (labels, patterns, dash styles and marker shapes carry the same distinctions), and
//! every colour has a forced-colours equivalent. No inline `style` attributes (strict CSP).

use crate::date::{Date, Period};
use crate::feed::{Action, Feed, Indicator, Polarity, Status, Unit, Value};
use crate::i18n::{self, t, tf, tn, tv, Lang, Val};
use crate::markup::{el, svg, Element};
use crate::sort;
use crate::summary::{target_state, Summary, Tally, TargetState};
use crate::table::{data_table, scroll_box};
use crate::words::status_word;
use std::collections::HashMap;

// ---------------------------------------------------------------------------------------
// Scales.
// ---------------------------------------------------------------------------------------

/// Rounds `x` to `decimals` decimal places (so ticks print as 0.3, not 0.30000000000000004).
fn round_to(x: f64, decimals: i32) -> f64 {
    let f = 10f64.powi(decimals);
    let r = (x * f).round() / f;
    if r == 0.0 {
        0.0
    } else {
        r
    }
}

/// The number of decimals a tick step needs (0 for steps of 1 or more).
pub fn step_decimals(step: f64) -> usize {
    if !(step.is_finite() && step > 0.0) || step >= 1.0 {
        return 0;
    }
    (-step.log10().floor()).max(0.0) as usize
}

/// Round axis ticks: evenly spaced by 1, 2 or 5 × a power of ten, from a multiple of the step
/// at or below `min` to one at or above `max`, at most `max_count` of them (at least 2).
/// Percent and count axes pass `min = 0` so they start at zero.
pub fn nice_ticks(min: f64, max: f64, max_count: usize) -> Vec<f64> {
    let max_count = max_count.max(2);
    let (mut lo, mut hi) = match (min.is_finite(), max.is_finite()) {
        (true, true) => (min.min(max), min.max(max)),
        (true, false) => (min, min),
        (false, true) => (max, max),
        (false, false) => (0.0, 1.0),
    };
    if lo == hi {
        let pad = if lo == 0.0 { 1.0 } else { lo.abs() * 0.1 };
        if lo >= 0.0 && lo - pad < 0.0 {
            lo = 0.0;
        } else {
            lo -= pad;
        }
        hi += pad;
    }
    let raw = (hi - lo) / (max_count - 1) as f64;
    let mut mag = 10f64.powf(raw.log10().floor());
    loop {
        for m in [1.0, 2.0, 5.0] {
            let step = m * mag;
            let first = (lo / step + 1e-9).floor();
            let last = (hi / step - 1e-9).ceil();
            let count = (last - first) as usize + 1;
            if count <= max_count {
                let d = step_decimals(step) as i32;
                return (0..count)
                    .map(|i| round_to((first + i as f64) * step, d))
                    .collect();
            }
        }
        mag *= 10.0;
    }
}

/// A linear map from a data interval to a drawing interval (either may be reversed).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Linear {
    d0: f64,
    d1: f64,
    r0: f64,
    r1: f64,
}

impl Linear {
    /// Maps `d0..d1` onto `r0..r1`.
    pub fn new(d0: f64, d1: f64, r0: f64, r1: f64) -> Linear {
        Linear { d0, d1, r0, r1 }
    }

    /// Where `x` is drawn (the middle of the range when the domain is a single value).
    pub fn at(&self, x: f64) -> f64 {
        if self.d1 == self.d0 {
            (self.r0 + self.r1) / 2.0
        } else {
            self.r0 + (x - self.d0) / (self.d1 - self.d0) * (self.r1 - self.r0)
        }
    }
}

/// A linear map from calendar days to a drawing interval.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TimeScale {
    inner: Linear,
}

impl TimeScale {
    /// Maps the days `from..=to` onto `r0..r1`.
    pub fn new(from: Date, to: Date, r0: f64, r1: f64) -> TimeScale {
        TimeScale {
            inner: Linear::new(
                from.days_since_epoch() as f64,
                to.days_since_epoch() as f64,
                r0,
                r1,
            ),
        }
    }

    /// Where `d` is drawn.
    pub fn at(&self, d: Date) -> f64 {
        self.inner.at(d.days_since_epoch() as f64)
    }
}

/// The first day of `d`'s month.
fn month_start(d: Date) -> Date {
    Date::new(d.year(), d.month(), 1).unwrap_or(d)
}

fn month_index(d: Date) -> i64 {
    i64::from(d.year()) * 12 + i64::from(d.month()) - 1
}

/// Round time-axis ticks: first days of months, every 1, 3, 6 or 12 months or 2, 5, 10,
/// 20… years (aligned: quarters start in January, April…; years are multiples of the step),
/// within `from..=to`, at most `max_count`. Returns the ticks and the step in months.
pub fn time_ticks(from: Date, to: Date, max_count: usize) -> (Vec<Date>, i64) {
    let (from, to) = if from <= to { (from, to) } else { (to, from) };
    let max_count = max_count.max(1);
    let mut steps = vec![1i64, 3, 6, 12, 24, 60, 120];
    let mut s = 240;
    while s < 12 * 100_000 {
        steps.push(s);
        s *= if (s / 12).to_string().starts_with('2') {
            5
        } else {
            2
        };
        s = s.max(1);
    }
    let first = month_index(month_start(from)) + i64::from(month_start(from) < from);
    let last = month_index(to);
    for step in steps {
        // The multiples of `step` in first..=last, counted before any is made: a chart from
        // 0001 to 9999 spans 120,000 months, and every indicator has a chart.
        let lo = first.div_euclid(step) + i64::from(first.rem_euclid(step) != 0);
        let hi = last.div_euclid(step);
        if hi - lo < max_count as i64 {
            let ticks: Vec<Date> = (lo..=hi)
                .map(|k| k * step)
                .filter_map(|m| Date::new(m.div_euclid(12) as i32, (m.rem_euclid(12) + 1) as u8, 1))
                .collect();
            return (ticks, step);
        }
    }
    (Vec::new(), 12)
}

const MONTHS_SHORT_EN: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
const MONTHS_SHORT_CY: [&str; 12] = [
    "Ion", "Chwef", "Maw", "Ebr", "Mai", "Meh", "Gorff", "Awst", "Medi", "Hyd", "Tach", "Rhag",
];

/// A month's short name for axis labels: "Mar" / "Maw".
pub fn month_short(lang: Lang, month: u8) -> &'static str {
    let i = usize::from(month.clamp(1, 12) - 1);
    match lang {
        Lang::En => MONTHS_SHORT_EN[i],
        Lang::Cy => MONTHS_SHORT_CY[i],
    }
}

// ---------------------------------------------------------------------------------------
// Drawing helpers.
// ---------------------------------------------------------------------------------------

/// Width of the coordinate space every chart is laid out in (a phone's width), so that at
/// 320px text is drawn at about its nominal size, and at most 1.5 times it on a desktop.
const W: f64 = 320.0;
/// Tick and small label size, in viewBox units.
const SMALL: f64 = 13.0;
/// Label size.
const LABEL: f64 = 14.0;

/// A coordinate as written in the SVG: one decimal at most.
fn c(x: f64) -> String {
    // A figure at the edge of what a double holds can make a scale overflow: draw it at 0
    // rather than write "NaN" into the SVG.
    if !x.is_finite() {
        return "0".into();
    }
    let r = round_to(x, 1);
    let s = format!("{r:.1}");
    s.strip_suffix(".0").map(str::to_string).unwrap_or(s)
}

/// Advance of a lowercase letter, in em, in DejaVu Sans: the widest common sans-serif, and the
/// only font a fresh Debian machine has. Labels laid out for it also fit Arial or Liberation Sans.
const CHAR_EM: f64 = 0.58;
/// How much wider bold text is (DejaVu Sans Bold).
const BOLD: f64 = 1.1;

/// A bar chart's key swatch: a small filled box beside the words in the key.
fn key_swatch(fill: &str, class: &str, stroke: &str) -> Element {
    svg("svg")
        .class("apt-chart__key")
        .attr("viewBox", "0 0 32 16")
        .attr("aria-hidden", "true")
        .attr("focusable", "false")
        .child(
            rect(1.0, 1.0, 30.0, 14.0)
                .class(class)
                .attr("fill", fill)
                .attr("stroke", stroke)
                .attr("stroke-width", "1.5"),
        )
}

/// A generous estimate of the width of `s` at `size` (DejaVu Sans proportions), for layout.
fn text_width(s: &str, size: f64) -> f64 {
    let ems: f64 = s
        .chars()
        .map(|ch| match ch {
            '%' | '@' | 'm' | 'M' | 'W' | '…' => 1.0,
            ' ' => 0.32,
            '0'..='9' => 0.64,
            ch if ch.is_ascii_uppercase() || ch == 'w' => 0.82,
            _ => CHAR_EM,
        })
        .sum();
    ems * size
}

/// The most lines of a priority's title drawn above its bar.
const TITLE_LINES: usize = 6;

/// Splits `s` into lines of at most `max_chars` characters, at spaces where possible.
fn wrap(s: &str, max_chars: usize) -> Vec<String> {
    let max_chars = max_chars.max(4);
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    let mut line_len = 0;
    for word in s.split_whitespace() {
        // A word longer than a line is cut into lines: each cut found once, from where the
        // last one ended (a 3-million-character title is read once, not once per line).
        let mut rest = word;
        let mut len = word.chars().count();
        while len > max_chars {
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            let cut = rest
                .char_indices()
                .nth(max_chars)
                .map_or(rest.len(), |(i, _)| i);
            lines.push(rest[..cut].to_string());
            rest = &rest[cut..];
            len -= max_chars;
        }
        if rest.is_empty() {
            continue;
        }
        if line.is_empty() {
            line = rest.to_string();
            line_len = len;
        } else if line_len + 1 + len <= max_chars {
            line.push(' ');
            line.push_str(rest);
            line_len += 1 + len;
        } else {
            lines.push(std::mem::replace(&mut line, rest.to_string()));
            line_len = len;
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// [`wrap`], at most `max_lines` lines: the last one ends with an ellipsis when text is left.
fn wrap_lines(s: &str, max_chars: usize, max_lines: usize) -> Vec<String> {
    let max_chars = max_chars.max(4);
    // Only as much text as the lines can hold is wrapped.
    let room = max_chars.saturating_mul(max_lines.max(1) + 1);
    let end = s.char_indices().nth(room).map_or(s.len(), |(i, _)| i);
    let mut lines = wrap(&s[..end], max_chars);
    if lines.len() > max_lines || end < s.len() {
        lines.truncate(max_lines.max(1));
        if let Some(last) = lines.last_mut() {
            let kept: String = last.chars().take(max_chars - 1).collect();
            *last = format!("{}…", kept.trim_end());
        }
    }
    lines
}

/// Joins `items` with `sep` into lines of at most `max_chars`, never breaking inside an item.
fn wrap_items(items: &[String], sep: &str, max_chars: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for item in items {
        match lines.last_mut() {
            Some(l)
                if l.chars().count() + sep.chars().count() + item.chars().count() <= max_chars =>
            {
                l.push_str(sep);
                l.push_str(item);
            }
            // An item longer than a line is word-wrapped on its own lines.
            _ if item.chars().count() > max_chars => lines.extend(wrap(item, max_chars)),
            _ => lines.push(item.clone()),
        }
    }
    lines
}

/// `s` cut to `max_chars` characters with an ellipsis.
fn truncate(s: &str, max_chars: usize) -> String {
    if s.chars().count() <= max_chars {
        s.to_string()
    } else {
        let mut out: String = s.chars().take(max_chars.saturating_sub(1)).collect();
        out = out.trim_end().to_string();
        out.push('…');
        out
    }
}

/// A `<text>` at (x, y).
fn label(x: f64, y: f64, size: f64, s: impl Into<String>) -> Element {
    svg("text")
        .attr("x", c(x))
        .attr("y", c(y))
        .attr("font-size", c(size))
        .text(s)
}

/// A `<text>` with a background-coloured outline, readable over lines and patterns.
fn halo_label(x: f64, y: f64, size: f64, s: impl Into<String>) -> Element {
    label(x, y, size, s)
        .class("apt-chart__halo")
        .attr("stroke", "#ffffff")
        .attr("stroke-width", "3")
        .attr("stroke-linejoin", "round")
        .attr("paint-order", "stroke")
}

fn line(x1: f64, y1: f64, x2: f64, y2: f64, class: &str) -> Element {
    svg("line")
        .class(class)
        .attr("x1", c(x1))
        .attr("y1", c(y1))
        .attr("x2", c(x2))
        .attr("y2", c(y2))
}

fn rect(x: f64, y: f64, w: f64, h: f64) -> Element {
    svg("rect")
        .attr("x", c(x))
        .attr("y", c(y))
        .attr("width", c(w.max(0.0)))
        .attr("height", c(h.max(0.0)))
}

/// A path through runs of points; `None` breaks the line (a gap, never a zero).
fn path_d(points: &[Option<(f64, f64)>]) -> String {
    let mut d = String::new();
    let mut pen_down = false;
    for p in points {
        match p {
            Some((x, y)) => {
                if !d.is_empty() {
                    d.push(' ');
                }
                d.push(if pen_down { 'L' } else { 'M' });
                d.push_str(&c(*x));
                d.push(' ');
                d.push_str(&c(*y));
                pen_down = true;
            }
            None => pen_down = false,
        }
    }
    d
}

/// How a line is drawn: colour class, width, dashes, marker shape.
#[derive(Debug, Clone, Copy)]
struct LineStyle {
    class: &'static str,
    colour: &'static str,
    width: f64,
    dash: Option<&'static str>,
    marker: Option<Marker>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Marker {
    Circle,
    Square,
    Diamond,
    Triangle,
}

impl LineStyle {
    fn path(&self, d: String) -> Element {
        svg("path")
            .class(format!("apt-chart__line apt-chart__line--{}", self.class))
            .attr("d", d)
            .attr("fill", "none")
            .attr("stroke", self.colour)
            .attr("stroke-width", c(self.width))
            .attr("stroke-linejoin", "round")
            .attr("stroke-linecap", "round")
            .attr_opt("stroke-dasharray", self.dash)
    }

    fn marker(&self, x: f64, y: f64) -> Option<Element> {
        let m = self.marker?;
        let r = if m == Marker::Circle { 3.0 } else { 3.2 };
        let shape = match m {
            Marker::Circle => svg("circle")
                .attr("cx", c(x))
                .attr("cy", c(y))
                .attr("r", c(r)),
            Marker::Square => rect(x - r * 0.85, y - r * 0.85, r * 1.7, r * 1.7),
            Marker::Diamond => svg("path").attr(
                "d",
                format!(
                    "M{} {}L{} {}L{} {}L{} {}Z",
                    c(x),
                    c(y - r * 1.2),
                    c(x + r * 1.2),
                    c(y),
                    c(x),
                    c(y + r * 1.2),
                    c(x - r * 1.2),
                    c(y)
                ),
            ),
            Marker::Triangle => svg("path").attr(
                "d",
                format!(
                    "M{} {}L{} {}L{} {}Z",
                    c(x),
                    c(y - r * 1.2),
                    c(x + r * 1.1),
                    c(y + r * 0.9),
                    c(x - r * 1.1),
                    c(y + r * 0.9)
                ),
            ),
        };
        Some(
            shape
                .class(format!("apt-chart__mark apt-chart__mark--{}", self.class))
                .attr("fill", self.colour),
        )
    }

    /// A small picture of the line for the key.
    fn key(&self) -> Element {
        let mut s = svg("svg")
            .class("apt-chart__key")
            .attr("viewBox", "0 0 32 16")
            .attr("aria-hidden", "true")
            .attr("focusable", "false")
            .child(self.path("M2 8 L30 8".to_string()));
        if let Some(m) = self.marker(16.0, 8.0) {
            s = s.child(m);
        }
        s
    }
}

const COUNCIL: LineStyle = LineStyle {
    class: "council",
    colour: "#1d70b8",
    width: 3.0,
    dash: None,
    marker: Some(Marker::Circle),
};
const TARGET: LineStyle = LineStyle {
    class: "target",
    colour: "#00703c",
    width: 2.0,
    dash: Some("10 3 2 3"),
    marker: None,
};
const COMPARATORS: [LineStyle; 3] = [
    LineStyle {
        class: "comp0",
        colour: "#505a5f",
        width: 2.0,
        dash: Some("7 4"),
        marker: Some(Marker::Square),
    },
    LineStyle {
        class: "comp1",
        colour: "#4c2c92",
        width: 2.0,
        dash: Some("2 3"),
        marker: Some(Marker::Diamond),
    },
    LineStyle {
        class: "comp2",
        colour: "#0b0c0c",
        width: 1.5,
        dash: Some("12 3 3 3 3 3"),
        marker: Some(Marker::Triangle),
    },
];
const PLANNED: LineStyle = LineStyle {
    class: "planned",
    colour: "#1d70b8",
    width: 2.0,
    dash: None,
    marker: None,
};
const ORIGINAL: LineStyle = LineStyle {
    class: "original",
    colour: "#1d70b8",
    width: 2.0,
    dash: Some("6 4"),
    marker: None,
};
const DONE: LineStyle = LineStyle {
    class: "done",
    colour: "#00703c",
    width: 3.0,
    dash: None,
    marker: Some(Marker::Circle),
};
const CEILING: LineStyle = LineStyle {
    class: "ceiling",
    colour: "#505a5f",
    width: 1.5,
    dash: Some("2 3"),
    marker: None,
};
const TODAY: LineStyle = LineStyle {
    class: "today",
    colour: "#0b0c0c",
    width: 1.0,
    dash: Some("4 3"),
    marker: None,
};
const GAP: LineStyle = LineStyle {
    class: "gap",
    colour: "#505a5f",
    width: 1.0,
    dash: Some("1 3"),
    marker: None,
};

/// An id safe for `id` attributes and `url(#…)`, one-to-one with `s`.
fn id_part(s: &str) -> String {
    let mut out = String::new();
    for ch in s.chars() {
        if ch.is_ascii_alphanumeric() {
            out.push(ch);
        } else {
            out.push_str(&format!("_{:x}_", u32::from(ch)));
        }
    }
    out
}

/// One chart as a figure: caption, SVG, key, and the same numbers as a table.
struct Chart {
    id: String,
    title: String,
    title_lang: Option<Lang>,
    desc: String,
    height: f64,
    body: Vec<Element>,
    key: Vec<(Element, String)>,
    table: Option<Element>,
}

impl Chart {
    fn into_figure(self, lang: Lang) -> Element {
        let title_id = format!("{}-title", self.id);
        let desc_id = format!("{}-desc", self.id);
        let lang_attr = self.title_lang.map(Lang::code);
        let graphic = svg("svg")
            .class("apt-chart__svg")
            .attr("viewBox", format!("0 0 {} {}", c(W), c(self.height)))
            .attr("role", "img")
            .attr("aria-labelledby", format!("{title_id} {desc_id}"))
            .attr("focusable", "false")
            .child(
                svg("title")
                    .attr("id", title_id)
                    .attr_opt("lang", lang_attr)
                    .text(self.title.clone()),
            )
            .child(svg("desc").attr("id", desc_id).text(self.desc.clone()))
            .children(self.body);
        // The visible caption says exactly what the image's name and description say, so it
        // is hidden from assistive technology to avoid hearing it twice.
        let caption = el("figcaption")
            .class("apt-chart__caption")
            .attr("aria-hidden", "true")
            .child(
                el("span")
                    .class("apt-chart__title")
                    .attr_opt("lang", lang_attr)
                    .text(self.title.clone()),
            )
            .child(el("span").class("apt-chart__desc").text(self.desc));
        let key = (!self.key.is_empty()).then(|| {
            el("ul")
                .class("apt-chart__legend")
                .attr("aria-hidden", "true")
                .children(
                    self.key
                        .into_iter()
                        .map(|(pic, name)| el("li").child(pic).child(el("span").text(name))),
                )
        });
        let title = self.title;
        let table = self.table.map(|tb| {
            el("details")
                .class("apt-chart__table")
                .child(el("summary").text(t(lang, "Show as table")))
                .child(scroll_box(&title, tb))
        });
        el("figure")
            .class("apt-chart")
            .attr("id", self.id)
            .child(caption)
            .child(graphic)
            .child_opt(key)
            .child_opt(table)
    }
}

fn count(n: usize) -> String {
    i18n::number(n as f64, 0)
}

/// "17 of 40 actions are complete (43%)."
fn completion_sentence(lang: Lang, done: usize, to_do: usize, pct: f64) -> String {
    if to_do == 0 {
        return t(lang, "There are no actions to complete yet.").to_string();
    }
    // The noun goes with the total, the verb with the number complete.
    tv(
        lang,
        "{done} of {n} {n, one {action} other {actions}} {done, one {is} other {are}} complete ({percent}).",
        &[
            ("done", Val::Count(done)),
            ("n", Val::Count(to_do)),
            ("percent", Val::Text(&i18n::percent(pct))),
        ],
    )
}

/// "5 actions are overdue." / "No actions are overdue."
fn overdue_sentence(lang: Lang, n: usize) -> String {
    if n == 0 {
        t(lang, "No actions are overdue.").to_string()
    } else {
        tn(
            lang,
            n,
            "{n} action is overdue.",
            "{n} actions are overdue.",
        )
    }
}

fn join(parts: impl IntoIterator<Item = String>) -> String {
    parts
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

// ---------------------------------------------------------------------------------------
// 1. Completion.
// ---------------------------------------------------------------------------------------

/// The share of actions complete (withdrawn and ongoing ones excluded), as a bar with the
/// number in words. `any_due`: some action still to do has a due date (when none has, the
/// words say so rather than that none is overdue).
pub fn completion(lang: Lang, summary: &Summary, any_due: bool) -> Element {
    let a = &summary.actions;
    let to_do = a.total.saturating_sub(a.withdrawn + a.ongoing);
    let pct = a.percent_complete;
    let desc = join([
        completion_sentence(lang, a.complete, to_do, pct),
        if to_do > 0 && any_due {
            overdue_sentence(lang, a.overdue)
        } else if to_do > a.complete {
            t(lang, "No action still to do has a due date.").to_string()
        } else {
            String::new()
        },
        if a.ongoing > 0 {
            tn(
                lang,
                a.ongoing,
                "{n} ongoing action is not counted.",
                "{n} ongoing actions are not counted.",
            )
        } else {
            String::new()
        },
        if a.withdrawn > 0 {
            tn(
                lang,
                a.withdrawn,
                "{n} withdrawn action is not counted.",
                "{n} withdrawn actions are not counted.",
            )
        } else {
            String::new()
        },
    ]);
    let (bar_y, bar_h) = (40.0, 24.0);
    let fill = W * (pct.clamp(0.0, 100.0) / 100.0);
    let mut body = vec![
        svg("text")
            .attr("x", "0")
            .attr("y", "30")
            .child(
                svg("tspan")
                    .attr("font-size", "30")
                    .attr("font-weight", "700")
                    .text(i18n::percent(pct)),
            )
            .child(
                svg("tspan")
                    .attr("font-size", c(LABEL + 2.0))
                    .attr("dx", "8")
                    .text(t(lang, "complete")),
            ),
        rect(0.0, bar_y, W, bar_h)
            .class("apt-chart__track")
            .attr("fill", "#f3f2f1")
            .attr("stroke", "#0b0c0c")
            .attr("stroke-width", "1"),
        rect(0.0, bar_y, fill, bar_h)
            .class("apt-chart__seg--complete")
            .attr("fill", "#00703c"),
    ];
    for q in [25.0, 50.0, 75.0] {
        body.push(
            line(
                W * q / 100.0,
                bar_y + bar_h,
                W * q / 100.0,
                bar_y + bar_h + 5.0,
                "apt-chart__axis",
            )
            .attr("stroke", "#0b0c0c"),
        );
    }
    body.push(label(0.0, bar_y + bar_h + 17.0, SMALL, "0%"));
    body.push(label(W, bar_y + bar_h + 17.0, SMALL, "100%").attr("text-anchor", "end"));
    body.push(label(W / 2.0, bar_y + bar_h + 17.0, SMALL, "50%").attr("text-anchor", "middle"));
    let title = t(lang, "Actions complete").to_string();
    let table = data_table(
        t(lang, "Actions complete, withdrawn actions excluded"),
        &[
            t(lang, "Actions").to_string(),
            t(lang, "Number").to_string(),
        ],
        vec![
            vec![
                status_word(lang, Status::Complete).to_string(),
                count(a.complete),
            ],
            vec![
                status_word(lang, Status::InProgress).to_string(),
                count(a.in_progress),
            ],
            vec![
                status_word(lang, Status::NotStarted).to_string(),
                count(a.not_started),
            ],
            // "Total": the caption says withdrawn actions are excluded (not "to be done": the
            // total includes the complete ones).
            vec![t(lang, "Total").to_string(), count(to_do)],
            vec![
                t(lang, "Percentage complete").to_string(),
                i18n::percent(pct),
            ],
            vec![t(lang, "Overdue").to_string(), count(a.overdue)],
            vec![
                t(lang, "Withdrawn (not counted)").to_string(),
                count(a.withdrawn),
            ],
            vec![
                t(lang, "Ongoing (not counted)").to_string(),
                count(a.ongoing),
            ],
        ],
    );
    Chart {
        id: "apt-chart-completion".into(),
        title,
        title_lang: None,
        desc,
        height: bar_y + bar_h + 22.0,
        body,
        key: Vec::new(),
        table: Some(table),
    }
    .into_figure(lang)
}

// ---------------------------------------------------------------------------------------
// 2. Status by priority.
// ---------------------------------------------------------------------------------------

/// The actions of one priority (or of none), by status: a [`Tally`] with the group's name.
#[derive(Debug, Clone, PartialEq)]
struct Group {
    title: String,
    lang: Option<Lang>,
    tally: Tally,
}

impl Group {
    fn of<'a>(
        title: String,
        lang: Option<Lang>,
        acts: impl Iterator<Item = &'a Action>,
        as_of: Date,
    ) -> Group {
        Group {
            title,
            lang,
            tally: Tally::of(acts, as_of),
        }
    }
}

impl std::ops::Deref for Group {
    type Target = Tally;

    fn deref(&self) -> &Tally {
        &self.tally
    }
}

fn priority_groups(lang: Lang, feed: &Feed) -> Vec<Group> {
    let mut groups: Vec<Group> = feed
        .priorities
        .iter()
        .map(|p| {
            let (title, other) = p.title.get(lang);
            Group::of(title.to_string(), other, feed.actions_in(&p.id), feed.as_of)
        })
        .collect();
    let known = |a: &&Action| {
        a.priority
            .as_deref()
            .is_some_and(|p| feed.priority(p).is_some())
    };
    let rest: Vec<&Action> = feed.actions.iter().filter(|a| !known(a)).collect();
    if rest.iter().any(|a| a.status != Status::Withdrawn) || feed.priorities.is_empty() {
        let title = if feed.priorities.is_empty() {
            t(lang, "All actions")
        } else {
            t(lang, "Not in a priority")
        };
        groups.push(Group::of(
            title.to_string(),
            None,
            rest.into_iter(),
            feed.as_of,
        ));
    }
    groups
}

/// One horizontal stacked bar per priority: complete, in progress, not started, with the
/// overdue part of each hatched and every count labelled in words.
pub fn status_by_priority(lang: Lang, feed: &Feed) -> Element {
    let groups = priority_groups(lang, feed);
    let done: usize = groups.iter().map(|g| g.complete).sum();
    let to_do: usize = groups.iter().map(|g| g.to_do()).sum();
    let overdue: usize = groups.iter().map(|g| g.overdue()).sum();
    let mut sentences = vec![
        completion_sentence(
            lang,
            done,
            to_do,
            crate::summary::percent_complete(done, to_do, 0),
        ),
        if to_do > 0 && feed.any_due() {
            overdue_sentence(lang, overdue)
        } else if to_do > done {
            t(lang, "No action still to do has a due date.").to_string()
        } else {
            String::new()
        },
    ];
    let ranked: Vec<&Group> = groups.iter().filter(|g| g.to_do() > 0).collect();
    if ranked.len() >= 2 {
        let best = ranked
            .iter()
            .copied()
            .reduce(|a, b| if b.percent() > a.percent() { b } else { a });
        let worst = ranked
            .iter()
            .copied()
            .reduce(|a, b| if b.percent() < a.percent() { b } else { a });
        if let (Some(best), Some(worst)) = (best, worst) {
            if best.percent() > worst.percent() {
                sentences.push(tf(
                    lang,
                    "Most complete: {name}, {done} of {total}.",
                    &[
                        ("name", &best.title),
                        ("done", &count(best.complete)),
                        ("total", &count(best.to_do())),
                    ],
                ));
                sentences.push(tf(
                    lang,
                    "Least complete: {name}, {done} of {total}.",
                    &[
                        ("name", &worst.title),
                        ("done", &count(worst.complete)),
                        ("total", &count(worst.to_do())),
                    ],
                ));
            }
        }
        let late = ranked
            .iter()
            .copied()
            .reduce(|a, b| if b.overdue() > a.overdue() { b } else { a });
        if let Some(late) = late.filter(|g| g.overdue() > 0) {
            sentences.push(tf(
                lang,
                "Most overdue: {name}, {n}.",
                &[("name", &late.title), ("n", &count(late.overdue()))],
            ));
        }
    }
    let desc = join(sentences);

    // Layout: per priority, its title (wrapped), the bar, then the counts in words.
    let pattern_id = "apt-chart-priority-overdue";
    let hatch = format!("url(#{pattern_id})");
    let mut body = vec![svg("defs").child(
        svg("pattern")
            .attr("id", pattern_id)
            .attr("patternUnits", "userSpaceOnUse")
            .attr("width", "6")
            .attr("height", "6")
            .attr("patternTransform", "rotate(45)")
            .child(
                rect(0.0, 0.0, 6.0, 6.0)
                    .class("apt-chart__hatch-bg")
                    .attr("fill", "#ffffff"),
            )
            .child(
                line(0.0, 0.0, 0.0, 6.0, "apt-chart__hatch-line")
                    .attr("stroke", "#d4351c")
                    .attr("stroke-width", "4"),
            ),
    )];
    let max = groups.iter().map(|g| g.to_do()).max().unwrap_or(0).max(1);
    let unit = W / max as f64;
    let bar_h = 22.0;
    let mut y = 0.0;
    let title_chars = (W / (LABEL * CHAR_EM * BOLD)) as usize;
    let words_chars = (W / (SMALL * CHAR_EM)) as usize;
    for g in &groups {
        for (i, l) in wrap_lines(&g.title, title_chars, TITLE_LINES)
            .into_iter()
            .enumerate()
        {
            y += if i == 0 { LABEL + 2.0 } else { LABEL + 3.0 };
            body.push(
                label(0.0, y, LABEL, l)
                    .attr("font-weight", "700")
                    .attr_opt("lang", g.lang.map(Lang::code)),
            );
        }
        y += 6.0;
        let top = y;
        let mut x = 0.0;
        // Complete, then in progress (overdue first), then not started (overdue first).
        let segments = [
            (g.complete, "complete", "#00703c", false),
            (g.overdue_in_progress, "in-progress", "#1d70b8", true),
            (
                g.in_progress - g.overdue_in_progress,
                "in-progress",
                "#1d70b8",
                false,
            ),
            (g.overdue_not_started, "not-started", "#ffffff", true),
            (
                g.not_started - g.overdue_not_started,
                "not-started",
                "#ffffff",
                false,
            ),
        ];
        if g.to_do() == 0 {
            body.push(
                rect(0.0, top, W, bar_h)
                    .class("apt-chart__track")
                    .attr("fill", "#f3f2f1")
                    .attr("stroke", "#0b0c0c")
                    .attr("stroke-width", "1")
                    .attr("stroke-dasharray", "3 3"),
            );
        }
        for (n, kind, colour, late) in segments {
            if n == 0 {
                continue;
            }
            let w = n as f64 * unit;
            // Segments are outlined in the background colour so neighbours stay apart; the
            // white "not started" one in black so it shows at all.
            body.push(
                rect(x, top, w, bar_h)
                    .class(format!("apt-chart__seg apt-chart__seg--{kind}"))
                    .attr("fill", colour)
                    .attr(
                        "stroke",
                        if kind == "not-started" {
                            "#0b0c0c"
                        } else {
                            "#ffffff"
                        },
                    )
                    .attr("stroke-width", "1"),
            );
            if late {
                body.push(
                    rect(x + 1.5, top + 1.5, w - 3.0, bar_h - 3.0)
                        .class("apt-chart__seg--overdue")
                        .attr("fill", hatch.clone())
                        .attr("stroke", "#d4351c")
                        .attr("stroke-width", "2"),
                );
            }
            let num = count(n);
            if w >= text_width(&num, SMALL) + 6.0 {
                let mut tx = label(x + w / 2.0, top + bar_h / 2.0 + SMALL * 0.35, SMALL, num)
                    .attr("text-anchor", "middle")
                    .attr("font-weight", "700");
                tx = if late || kind == "not-started" {
                    tx.class("apt-chart__halo")
                        .attr("stroke", "#ffffff")
                        .attr("stroke-width", "3")
                        .attr("paint-order", "stroke")
                } else {
                    tx.class("apt-chart__on-dark").attr("fill", "#ffffff")
                };
                body.push(tx);
            }
            x += w;
        }
        y = top + bar_h;
        let mut words: Vec<String> = Vec::new();
        if g.total == 0 {
            words.push(t(lang, "No actions published for this priority yet").to_string());
        } else if g.to_do() == 0 {
            words.push(t(lang, "No actions to do").to_string());
        }
        // Each count's words at its own `tn` call, so the Welsh check sees them wherever the
        // function lives.
        if g.complete > 0 {
            words.push(tn(lang, g.complete, "{n} complete", "{n} complete"));
        }
        if g.in_progress > 0 {
            words.push(tn(
                lang,
                g.in_progress,
                "{n} in progress",
                "{n} in progress",
            ));
        }
        if g.not_started > 0 {
            words.push(tn(
                lang,
                g.not_started,
                "{n} not started",
                "{n} not started",
            ));
        }
        if g.overdue() > 0 {
            words.push(tn(lang, g.overdue(), "{n} overdue", "{n} overdue"));
        }
        for l in wrap_items(&words, " · ", words_chars) {
            y += SMALL + 4.0;
            body.push(label(0.0, y, SMALL, l));
        }
        y += 14.0;
    }
    if groups.is_empty() {
        y = 30.0;
        body.push(label(
            0.0,
            20.0,
            LABEL,
            t(lang, "There are no actions to complete yet."),
        ));
    }
    let key = vec![
        (
            key_swatch("#00703c", "apt-chart__seg--complete", "#00703c"),
            status_word(lang, Status::Complete).to_string(),
        ),
        (
            key_swatch("#1d70b8", "apt-chart__seg--in-progress", "#1d70b8"),
            status_word(lang, Status::InProgress).to_string(),
        ),
        (
            key_swatch("#ffffff", "apt-chart__seg--not-started", "#0b0c0c"),
            status_word(lang, Status::NotStarted).to_string(),
        ),
        (
            svg("svg")
                .class("apt-chart__key")
                .attr("viewBox", "0 0 32 16")
                .attr("aria-hidden", "true")
                .attr("focusable", "false")
                .child(
                    rect(1.0, 1.0, 30.0, 14.0)
                        .class("apt-chart__seg--overdue")
                        .attr("fill", hatch.clone())
                        .attr("stroke", "#d4351c")
                        .attr("stroke-width", "2"),
                ),
            t(lang, "Overdue").to_string(),
        ),
    ];
    let rows = groups
        .iter()
        .map(|g| {
            vec![
                g.title.clone(),
                count(g.complete),
                count(g.in_progress),
                count(g.not_started),
                count(g.overdue()),
                count(g.to_do()),
            ]
        })
        .collect();
    let table = data_table(
        t(
            lang,
            "Actions by status in each priority, withdrawn actions excluded",
        ),
        &[
            t(lang, "Priority").to_string(),
            status_word(lang, Status::Complete).to_string(),
            status_word(lang, Status::InProgress).to_string(),
            status_word(lang, Status::NotStarted).to_string(),
            t(lang, "Overdue").to_string(),
            t(lang, "Total").to_string(),
        ],
        rows,
    );
    Chart {
        id: "apt-chart-priority".into(),
        title: t(lang, "Progress by priority").to_string(),
        title_lang: None,
        desc,
        height: y.max(30.0),
        body,
        key,
        table: Some(table),
    }
    .into_figure(lang)
}

// ---------------------------------------------------------------------------------------
// Shared plot frame for charts over time.
// ---------------------------------------------------------------------------------------

/// The plotting area of a time chart and its scales.
struct Frame {
    left: f64,
    top: f64,
    right: f64,
    bottom: f64,
    x: TimeScale,
    y: Linear,
}

/// How a y-axis value is written on a tick.
fn tick_text(unit: Option<Unit>, v: f64, decimals: usize) -> String {
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

/// Axes, gridlines and tick labels; returns the frame to plot in.
/// What a time chart's axes show.
struct Axes<'a> {
    from: Date,
    to: Date,
    ticks: &'a [f64],
    unit: Option<Unit>,
    height: f64,
    /// Room above the plot for the unit and labels.
    top: f64,
}

/// Axes, gridlines and tick labels; returns the frame to plot in.
fn frame(lang: Lang, axes: &Axes, body: &mut Vec<Element>) -> Frame {
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
        body.push(
            line(left, y, right, y, "apt-chart__grid")
                .attr("stroke", "#b1b4b6")
                .attr("stroke-width", "1"),
        );
        body.push(label(left - 5.0, y + SMALL * 0.35, SMALL, l).attr("text-anchor", "end"));
    }
    body.push(
        line(left, bottom, right, bottom, "apt-chart__axis")
            .attr("stroke", "#0b0c0c")
            .attr("stroke-width", "1"),
    );
    let max_ticks = ((right - left) / 46.0).floor().max(1.0) as usize;
    let (dates, step) = time_ticks(axes.from, axes.to, max_ticks);
    let mut last_year = None;
    for d in dates {
        let x = f.x.at(d);
        body.push(
            line(x, bottom, x, bottom + 5.0, "apt-chart__axis")
                .attr("stroke", "#0b0c0c")
                .attr("stroke-width", "1"),
        );
        let row1 = bottom + 5.0 + SMALL;
        // Centred under its tick, unless that would take it past the chart's edge (a wide
        // font, a Welsh month): then it ends at the edge (or starts at it) instead.
        let tick_label = |y: f64, text: String| {
            let half = text_width(&text, SMALL) * 0.6;
            if x + half > W {
                label(W - 1.0, y, SMALL, text).attr("text-anchor", "end")
            } else if x - half < 0.0 {
                label(1.0, y, SMALL, text)
            } else {
                label(x, y, SMALL, text).attr("text-anchor", "middle")
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
    f
}

/// A box in chart coordinates: left, top, right, bottom.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Box4(f64, f64, f64, f64);

impl Box4 {
    fn overlaps(&self, o: &Box4) -> bool {
        self.0 < o.2 && o.0 < self.2 && self.1 < o.3 && o.1 < self.3
    }

    fn centre(&self) -> (f64, f64) {
        ((self.0 + self.2) / 2.0, (self.1 + self.3) / 2.0)
    }

    /// Whether the segment (x1, y1)–(x2, y2) passes through the box (Liang–Barsky).
    fn crossed_by(&self, (x1, y1, x2, y2): (f64, f64, f64, f64)) -> bool {
        let (dx, dy) = (x2 - x1, y2 - y1);
        let (mut t0, mut t1) = (0.0f64, 1.0f64);
        for (p, q) in [
            (-dx, x1 - self.0),
            (dx, self.2 - x1),
            (-dy, y1 - self.1),
            (dy, self.3 - y1),
        ] {
            if p == 0.0 {
                if q < 0.0 {
                    return false;
                }
            } else {
                let r = q / p;
                if p < 0.0 {
                    t0 = t0.max(r);
                } else {
                    t1 = t1.min(r);
                }
                if t0 > t1 {
                    return false;
                }
            }
        }
        true
    }
}

/// The distance from a point to a segment.
fn distance((px, py): (f64, f64), (x1, y1, x2, y2): (f64, f64, f64, f64)) -> f64 {
    let (dx, dy) = (x2 - x1, y2 - y1);
    let len2 = dx * dx + dy * dy;
    let t = if len2 == 0.0 {
        0.0
    } else {
        (((px - x1) * dx + (py - y1) * dy) / len2).clamp(0.0, 1.0)
    };
    ((px - x1 - t * dx).powi(2) + (py - y1 - t * dy).powi(2)).sqrt()
}

/// The segments of a line with gaps, for label placement.
fn segments(points: &[Option<(f64, f64)>]) -> Vec<(f64, f64, f64, f64)> {
    let mut out = Vec::new();
    for w in points.windows(2) {
        if let [Some(a), Some(b)] = w {
            out.push((a.0, a.1, b.0, b.1));
        }
    }
    // Lone points count as tiny segments, so labels keep off their markers too.
    for (i, p) in points.iter().enumerate() {
        if let Some(p) = p {
            let before = i > 0 && points[i - 1].is_some();
            let after = points.get(i + 1).is_some_and(Option::is_some);
            if !before && !after {
                out.push((p.0, p.1, p.0, p.1));
            }
        }
    }
    out
}

/// A line's direct label: what it says, and the points of the line it may sit beside.
struct DirectLabel {
    text: String,
    lang: Option<Lang>,
    bold: bool,
    /// Which line it names (an index into the obstacles' lines).
    line: usize,
    points: Vec<(f64, f64)>,
}

/// How many comparators' lines on an indicator chart get a direct label (the key names all).
const LABELLED_COMPARATORS: usize = 6;

/// How many of a line's points, counted from its end, a direct label may be placed beside.
const LABEL_CANDIDATES: usize = 24;

/// Places each label beside its own line: near the line's end where possible, clear of other
/// labels, crossing as few lines as possible, and nearer its own line than any other (so it
/// cannot be read as naming a neighbour). `lines` are every line's segments; `taken` are
/// boxes already used (other text).
fn place_labels(
    f: &Frame,
    labels: Vec<DirectLabel>,
    lines: &[Vec<(f64, f64, f64, f64)>],
    mut taken: Vec<Box4>,
    body: &mut Vec<Element>,
) {
    let size = SMALL;
    for l in labels {
        let text = truncate(&l.text, 24);
        let w = text_width(&text, size) * if l.bold { BOLD } else { 1.0 };
        let mut best: Option<(f64, f64, f64, &'static str)> = None;
        // Only the last few points are candidates: a label belongs near its line's end, and
        // scoring each candidate against every segment would otherwise grow with the square
        // of a long series' points.
        for (from_end, &(px, py)) in l.points.iter().rev().take(LABEL_CANDIDATES).enumerate() {
            let from_end = from_end as f64;
            for (k, (dx, dy, anchor)) in [
                (6.0, 4.5, "start"),
                (-5.0, -7.0, "end"),
                (-5.0, 8.0 + size, "end"),
                (5.0, -7.0, "start"),
                (5.0, 8.0 + size, "start"),
                (-8.0, 4.5, "end"),
            ]
            .into_iter()
            .enumerate()
            {
                let (x, y) = (px + dx, py + dy);
                let (x0, x1) = if anchor == "start" {
                    (x, x + w)
                } else {
                    (x - w, x)
                };
                let b = Box4(x0 - 1.0, y - size * 0.8, x1 + 1.0, y + size * 0.25);
                if b.0 < f.left + 1.0 || b.2 > W || b.1 < f.top - size - 4.0 || b.3 > f.bottom - 1.0
                {
                    continue;
                }
                let mut score = from_end * 0.6 + k as f64 * 0.3;
                score += 1000.0 * taken.iter().filter(|t| t.overlaps(&b)).count() as f64;
                let mut own = f64::INFINITY;
                let mut other = f64::INFINITY;
                for (j, segs) in lines.iter().enumerate() {
                    let crossings = segs.iter().filter(|s| b.crossed_by(**s)).count() as f64;
                    let d = segs
                        .iter()
                        .map(|s| distance(b.centre(), *s))
                        .fold(f64::INFINITY, f64::min);
                    if j == l.line {
                        score += 14.0 * crossings;
                        own = own.min(d);
                    } else {
                        score += 20.0 * crossings;
                        other = other.min(d);
                    }
                }
                score += own * 0.4;
                if other < own + 2.0 {
                    score += 30.0;
                }
                if !best.is_some_and(|(s, ..)| score >= s) {
                    best = Some((score, x, y, anchor));
                }
            }
        }
        let Some((_, x, y, anchor)) = best.or_else(|| {
            let &(px, py) = l.points.last()?;
            // max then min, not clamp: a label wider than the chart must not panic.
            Some((0.0, px.max(f.left + w).min(W), (py - 7.0).max(f.top), "end"))
        }) else {
            continue;
        };
        let (x0, x1) = if anchor == "start" {
            (x, x + w)
        } else {
            (x - w, x)
        };
        taken.push(Box4(x0 - 1.0, y - size * 0.8, x1 + 1.0, y + size * 0.25));
        let mut e = halo_label(x, y, size, text)
            .attr("text-anchor", anchor)
            .attr_opt("lang", l.lang.map(Lang::code));
        if l.bold {
            e = e.attr("font-weight", "700");
        }
        body.push(e);
    }
}

fn no_data(f: &Frame, lang: Lang, body: &mut Vec<Element>) {
    body.push(
        label(
            (f.left + f.right) / 2.0,
            (f.top + f.bottom) / 2.0,
            LABEL,
            t(lang, "No figures to plot"),
        )
        .attr("text-anchor", "middle"),
    );
}

// ---------------------------------------------------------------------------------------
// 3. Burn-up.
// ---------------------------------------------------------------------------------------

/// The burn-up's numbers, month by month.
#[derive(Debug, Clone, PartialEq)]
struct BurnUp {
    /// The last day of each month shown.
    months: Vec<Date>,
    /// Cumulative actions due by each month's end, by effective due date.
    planned: Vec<usize>,
    /// The same by original due date.
    original: Vec<usize>,
    /// Cumulative actions completed by each month's end (by `as_of` in its month), up to `as_of`.
    done: Vec<Option<usize>>,
    /// Actions to be done (withdrawn excluded).
    total: usize,
    /// Complete actions (withdrawn excluded), dated or not: the summary's count.
    complete: usize,
    /// Due by `as_of`, by effective and by original due date.
    planned_now: usize,
    original_now: usize,
    /// Complete with a completion date on or before `as_of`.
    done_now: usize,
    /// Actions with no due date at all.
    no_due: usize,
    /// Complete actions with no completion date.
    undated_complete: usize,
    /// The last effective due date.
    last_due: Option<Date>,
}

/// (1.1) A figure split into parts (children by how many social workers they have had): one
/// bar per part, each labelled with its figure; a suppressed part says so and has no bar.
pub fn breakdown(
    lang: Lang,
    id: &str,
    title: &str,
    unit: crate::feed::Unit,
    parts: &[crate::feed::Part],
) -> Element {
    let shown = |p: &crate::feed::Part| p.value.filter(|_| !p.suppressed);
    let max = parts
        .iter()
        .filter_map(shown)
        .fold(0.0_f64, f64::max)
        .max(f64::MIN_POSITIVE);
    let words: Vec<(String, Option<Lang>, String)> = parts
        .iter()
        .map(|p| {
            let (name, other) = p.label.get(lang);
            let v = match shown(p) {
                Some(x) => i18n::value(lang, unit, x),
                None => t(lang, "suppressed").to_string(),
            };
            (name.to_string(), other, v)
        })
        .collect();
    let desc = words
        .iter()
        .map(|(name, _, v)| format!("{name}: {v}"))
        .collect::<Vec<_>>()
        .join("; ")
        + ".";
    let label_w = W * 0.32;
    let value_w = 64.0;
    let bar_max = W - label_w - value_w;
    let row = 26.0;
    let mut body = Vec::new();
    for (i, (p, (name, other, v))) in parts.iter().zip(&words).enumerate() {
        let y = i as f64 * row;
        let short: String = wrap(name, (label_w / (SMALL * 0.55)) as usize)
            .into_iter()
            .next()
            .unwrap_or_default();
        body.push(label(0.0, y + 17.0, SMALL, short).attr_opt("lang", other.map(Lang::code)));
        let w = shown(p).map_or(0.0, |x| bar_max * (x.max(0.0) / max));
        if w > 0.0 {
            body.push(
                rect(label_w, y + 4.0, w, 18.0)
                    .class("apt-chart__seg apt-chart__seg--in-progress")
                    .attr("fill", "#1d70b8"),
            );
        }
        body.push(label(label_w + w + 4.0, y + 17.0, SMALL, v.clone()));
    }
    let table = data_table(
        title,
        &[t(lang, "Part").to_string(), t(lang, "Figure").to_string()],
        words.into_iter().map(|(n, _, v)| vec![n, v]).collect(),
    );
    Chart {
        id: id.to_string(),
        title: title.to_string(),
        title_lang: None,
        desc,
        height: (parts.len() as f64 * row).max(row),
        body,
        key: Vec::new(),
        table: Some(table),
    }
    .into_figure(lang)
}

/// True when the burn-up chart has something to draw: some action to do has a due date or a
/// completion date. Without one the page says so in words instead of drawing bare axes.
pub fn burn_up_has_data(feed: &Feed) -> bool {
    // The dates `burn_up_data` makes its months from.
    feed.actions.iter().any(|a| {
        a.status != Status::Withdrawn
            && !a.is_ongoing()
            && (a.due.is_some()
                || a.revised_due.is_some()
                || (a.status == Status::Complete && a.completed.is_some()))
    })
}

fn burn_up_data(feed: &Feed) -> BurnUp {
    let as_of = feed.as_of;
    // Ongoing work (1.1) is never planned to be complete, so it is not in the lines.
    let acts: Vec<&Action> = feed
        .actions
        .iter()
        .filter(|a| a.status != Status::Withdrawn && !a.is_ongoing())
        .collect();
    let done_date = |a: &Action| a.completed.filter(|_| a.status == Status::Complete);
    let dates: Vec<Date> = acts
        .iter()
        .flat_map(|a| [a.due, a.revised_due, done_date(a)])
        .flatten()
        .collect();
    let mut months = Vec::new();
    if let (Some(&first), Some(&last)) = (dates.iter().min(), dates.iter().max()) {
        // Ten years either side of the data date is the most a plan's chart needs; a date typed
        // as 9999 must not make a chart of eighty thousand months.
        let first = month_start(first.min(as_of).max(as_of.add_months(-120)));
        let last = last.max(as_of).min(as_of.add_months(120)).month_end();
        let mut m = first.month_end();
        while m <= last {
            months.push(m);
            m = m.add_days(1).month_end();
        }
    }
    // Running totals by binary search in each kind of date, sorted once: linear in the
    // number of months and actions together, not their product.
    let sorted = |f: fn(&Action) -> Option<Date>| {
        let mut v: Vec<Date> = acts.iter().filter_map(|a| f(a)).collect();
        sort::ascending(&mut v);
        v
    };
    let eff_dates = sorted(|a| a.effective_due());
    let orig_dates = sorted(|a| a.due);
    let done_dates = sorted(|a| a.completed.filter(|_| a.status == Status::Complete));
    let by = |d: Date, dates: &Vec<Date>| dates.partition_point(|&x| x <= d);
    let (eff, orig, comp) = (&eff_dates, &orig_dates, &done_dates);
    BurnUp {
        planned: months.iter().map(|&m| by(m, eff)).collect(),
        original: months.iter().map(|&m| by(m, orig)).collect(),
        done: months
            .iter()
            .map(|&m| {
                if month_start(m) > as_of {
                    None
                } else {
                    Some(by(m.min(as_of), comp))
                }
            })
            .collect(),
        months,
        total: acts.len(),
        complete: acts.iter().filter(|a| a.status == Status::Complete).count(),
        planned_now: by(as_of, eff),
        original_now: by(as_of, orig),
        done_now: by(as_of, comp),
        no_due: acts.iter().filter(|a| a.effective_due().is_none()).count(),
        undated_complete: acts
            .iter()
            .filter(|a| a.status == Status::Complete && a.completed.is_none())
            .count(),
        last_due: acts.iter().filter_map(|a| a.effective_due()).max(),
    }
}

/// By month: actions planned to be complete (by current and by original due dates) against
/// actions actually completed, under the plan's total, with the data date marked.
pub fn burn_up(lang: Lang, feed: &Feed) -> Element {
    let b = burn_up_data(feed);
    let as_of = feed.as_of;
    let overdue = feed.actions.iter().filter(|a| a.is_overdue(as_of)).count();
    let mut sentences = Vec::new();
    if b.months.is_empty() {
        sentences.push(
            t(
                lang,
                "No action has a due date or a completion date yet, so there is nothing to chart.",
            )
            .to_string(),
        );
        sentences.push(completion_sentence(
            lang,
            b.complete,
            b.total,
            crate::summary::percent_complete(b.complete, b.total, 0),
        ));
    } else {
        sentences.push(tf(
            lang,
            "By {date}: planned to be complete, {planned} ({original} by their original due dates); complete, {done}.",
            &[
                ("date", &i18n::date(lang, as_of)),
                ("planned", &count(b.planned_now)),
                ("original", &count(b.original_now)),
                ("done", &count(b.complete)),
            ],
        ));
        if feed.any_due() {
            sentences.push(overdue_sentence(lang, overdue));
        }
        if let Some(last) = b.last_due {
            sentences.push(tf(
                lang,
                "Actions in the plan: {total}; the last is due on {date}.",
                &[
                    ("total", &count(b.total)),
                    ("date", &i18n::date(lang, last)),
                ],
            ));
        }
        if b.no_due > 0 {
            sentences.push(tn(
                lang,
                b.no_due,
                "{n} action has no due date, so it is not in the planned lines.",
                "{n} actions have no due date, so they are not in the planned lines.",
            ));
        }
        let missing = b.complete - b.done_now;
        if missing > 0 {
            sentences.push(tn(
                lang,
                missing,
                "{n} complete action has no completion date by the data date, so it is not in the completed line.",
                "{n} complete actions have no completion date by the data date, so they are not in the completed line.",
            ));
        }
    }
    let desc = join(sentences);

    let height = 260.0;
    let mut body = Vec::new();
    let key;
    if let (Some(&first), Some(&last)) = (b.months.first(), b.months.last()) {
        let from = month_start(first);
        let ticks = nice_ticks(0.0, b.total.max(1) as f64, 6);
        let f = frame(
            lang,
            &Axes {
                from,
                to: last,
                ticks: &ticks,
                unit: None,
                height,
                top: 2.0 * SMALL + 14.0,
            },
            &mut body,
        );
        // Ceiling: the plan's total.
        let top_y = f.y.at(b.total as f64);
        let ceiling = vec![Some((f.left, top_y)), Some((f.right, top_y))];
        body.push(CEILING.path(path_d(&ceiling)));
        // The data date, labelled above the plot.
        let tx = f.x.at(as_of);
        let today = vec![Some((tx, f.top - 4.0)), Some((tx, f.bottom))];
        body.push(TODAY.path(path_d(&today)));
        let today_text = tf(
            lang,
            "Data date: {date}",
            &[("date", &i18n::date(lang, as_of))],
        );
        let tw = text_width(&today_text, SMALL);
        let ty = f.top - 8.0;
        let (tx0, anchor) = if tx + 4.0 + tw <= W {
            (tx + 4.0, "start")
        } else {
            ((tx - 4.0).max(tw), "end")
        };
        body.push(halo_label(tx0, ty, SMALL, today_text).attr("text-anchor", anchor));
        let today_box = if anchor == "start" {
            Box4(tx0, ty - SMALL, tx0 + tw, ty + 3.0)
        } else {
            Box4(tx0 - tw, ty - SMALL, tx0, ty + 3.0)
        };
        let origin = Some((f.x.at(from), f.y.at(0.0)));
        let series = |vals: &[usize]| -> Vec<Option<(f64, f64)>> {
            std::iter::once(origin)
                .chain(
                    b.months
                        .iter()
                        .zip(vals)
                        .map(|(&m, &v)| Some((f.x.at(m), f.y.at(v as f64)))),
                )
                .collect()
        };
        let planned = series(&b.planned);
        let original = series(&b.original);
        let mut done: Vec<Option<(f64, f64)>> = vec![origin];
        for (&m, v) in b.months.iter().zip(&b.done) {
            if let Some(v) = v {
                done.push(Some((f.x.at(m.min(as_of)), f.y.at(*v as f64))));
            }
        }
        body.push(ORIGINAL.path(path_d(&original)));
        body.push(PLANNED.path(path_d(&planned)));
        body.push(DONE.path(path_d(&done)));
        if let Some(Some((x, y))) = done.last() {
            body.extend(DONE.marker(*x, *y));
        }
        let pts = |v: &[Option<(f64, f64)>]| v.iter().flatten().copied().collect::<Vec<_>>();
        let lines = vec![
            segments(&done),
            segments(&planned),
            segments(&original),
            segments(&ceiling),
            segments(&today),
        ];
        let mut labels = vec![
            DirectLabel {
                text: t(lang, "Completed").to_string(),
                lang: None,
                bold: true,
                line: 0,
                points: pts(&done),
            },
            DirectLabel {
                text: t(lang, "Planned").to_string(),
                lang: None,
                bold: false,
                line: 1,
                points: pts(&planned),
            },
        ];
        if b.original != b.planned {
            labels.push(DirectLabel {
                text: t(lang, "Originally planned").to_string(),
                lang: None,
                bold: false,
                line: 2,
                points: pts(&original),
            });
        }
        labels.push(DirectLabel {
            text: tf(lang, "All actions ({n})", &[("n", &count(b.total))]),
            lang: None,
            bold: false,
            line: 3,
            points: (0..=8)
                .map(|i| (f.left + (f.right - f.left) * f64::from(i) / 8.0, top_y))
                .collect(),
        });
        place_labels(&f, labels, &lines, vec![today_box], &mut body);
        key = vec![
            (DONE.key(), t(lang, "Completed").to_string()),
            (
                PLANNED.key(),
                t(lang, "Planned (current due dates)").to_string(),
            ),
            (
                ORIGINAL.key(),
                t(lang, "Originally planned (original due dates)").to_string(),
            ),
            (
                CEILING.key(),
                t(lang, "All actions in the plan").to_string(),
            ),
            (TODAY.key(), t(lang, "Data date").to_string()),
        ];
    } else {
        let ticks = nice_ticks(0.0, b.total.max(1) as f64, 5);
        let f = frame(
            lang,
            &Axes {
                from: month_start(as_of),
                to: as_of.month_end(),
                ticks: &ticks,
                unit: None,
                height,
                top: 2.0 * SMALL + 14.0,
            },
            &mut body,
        );
        no_data(&f, lang, &mut body);
        key = Vec::new();
    }
    let rows: Vec<Vec<String>> = b
        .months
        .iter()
        .enumerate()
        .map(|(i, &m)| {
            vec![
                i18n::month_year(lang, m),
                count(b.planned[i]),
                count(b.original[i]),
                b.done[i].map_or_else(|| "—".to_string(), count),
            ]
        })
        .collect();
    let table = (!rows.is_empty()).then(|| {
        data_table(
            t(
                lang,
                "Actions planned and completed, running totals by the end of each month",
            ),
            &[
                t(lang, "Month").to_string(),
                t(lang, "Planned (current due dates)").to_string(),
                t(lang, "Originally planned (original due dates)").to_string(),
                t(lang, "Completed").to_string(),
            ],
            rows,
        )
    });
    Chart {
        id: "apt-chart-burnup".into(),
        title: t(lang, "Actions planned and completed over time").to_string(),
        title_lang: None,
        desc,
        height,
        body,
        key,
        table,
    }
    .into_figure(lang)
}

// ---------------------------------------------------------------------------------------
// 4. Indicator trends.
// ---------------------------------------------------------------------------------------

/// A series' figures in period order (stable for periods ending on the same day).
fn ordered(values: &[Value]) -> Vec<&Value> {
    let mut v: Vec<&Value> = values.iter().collect();
    sort::by_key(&mut v, |v| v.period.end());
    v
}

fn value_text(lang: Lang, unit: Unit, x: f64) -> String {
    i18n::value(lang, unit, x)
}

/// When a figure is for: "in 2018/19", "in March 2019", "in Q2 2019", "on 31 March 2019".
fn when(lang: Lang, p: Period) -> String {
    tv(
        lang,
        "{period, day {on {period}} other {in {period}}}",
        &[("period", Val::Period(p))],
    )
}

/// The plain-language description of an indicator's figures.
fn trend_description(lang: Lang, ind: &Indicator) -> String {
    let mut s = Vec::new();
    let vals = ordered(&ind.values);
    let figures: Vec<(Period, f64)> = vals
        .iter()
        .filter_map(|v| Some((v.period, v.value?)))
        .collect();
    let suppressed = vals.iter().filter(|v| v.value.is_none()).count();
    match figures.as_slice() {
        [] if suppressed > 0 => s.push(tn(
            lang,
            suppressed,
            "Its only figure is suppressed to protect children's privacy.",
            "All {n} figures are suppressed to protect children's privacy.",
        )),
        [] => s.push(t(lang, "There are no figures for this indicator yet.").to_string()),
        [(p, x)] => s.push(tf(
            lang,
            "{value} {when}, the only figure.",
            &[
                ("value", &value_text(lang, ind.unit, *x)),
                ("when", &when(lang, *p)),
            ],
        )),
        [(p0, x0), .., (p1, x1)] => {
            let template = if x1 > x0 {
                "Rose from {first} {start} to {last} {end}."
            } else if x1 < x0 {
                "Fell from {first} {start} to {last} {end}."
            } else {
                "Was {first} {start} and {last} {end}."
            };
            s.push(tf(
                lang,
                template,
                &[
                    ("first", &value_text(lang, ind.unit, *x0)),
                    ("start", &when(lang, *p0)),
                    ("last", &value_text(lang, ind.unit, *x1)),
                    ("end", &when(lang, *p1)),
                ],
            ));
        }
    }
    if let Some(tg) = &ind.target {
        let v = value_text(lang, ind.unit, tg.value);
        s.push(match tg.by {
            Some(by) => tf(
                lang,
                "Target {value} by {date}.",
                &[("value", &v), ("date", &i18n::date(lang, by))],
            ),
            None => tf(lang, "Target {value}.", &[("value", &v)]),
        });
        match target_state(ind) {
            TargetState::Met => s.push(t(lang, "The latest figure meets the target.").to_string()),
            TargetState::Missed => {
                s.push(t(lang, "The latest figure does not meet the target.").to_string())
            }
            TargetState::NoTarget => {}
        }
    }
    s.push(
        t(
            lang,
            match ind.polarity {
                Polarity::HigherIsBetter => "Higher is better.",
                Polarity::LowerIsBetter => "Lower is better.",
                Polarity::Neutral => "Neither higher nor lower is better.",
            },
        )
        .to_string(),
    );
    for comp in &ind.comparators {
        if let Some(v) = crate::feed::latest(&comp.values) {
            if let Some(x) = v.value {
                s.push(tf(
                    lang,
                    "{name}: {value} {when}.",
                    &[
                        ("name", comp.name.show(lang)),
                        ("value", &value_text(lang, ind.unit, x)),
                        ("when", &when(lang, v.period)),
                    ],
                ));
            }
        }
    }
    if suppressed > 0 && !figures.is_empty() {
        s.push(tn(
            lang,
            suppressed,
            "{n} figure is suppressed to protect children's privacy and shown as a gap.",
            "{n} figures are suppressed to protect children's privacy and shown as gaps.",
        ));
    }
    join(s)
}

/// An indicator's figures over time, with its target, comparators and suppressed gaps.
pub fn indicator_trend(lang: Lang, feed: &Feed, ind: &Indicator) -> Element {
    let (name, name_lang) = ind.name.get(lang);
    let desc = trend_description(lang, ind);
    let council_name = feed.publisher.name.show(lang).to_string();
    let council_label = if council_name.is_empty() {
        t(lang, "This council").to_string()
    } else {
        council_name.clone()
    };
    // All the series: the council's first, then comparators.
    struct Series<'a> {
        name: String,
        lang: Option<Lang>,
        values: Vec<&'a Value>,
        style: LineStyle,
    }
    let mut series = vec![Series {
        name: council_label.clone(),
        lang: feed.publisher.name.get(lang).1,
        values: ordered(&ind.values),
        style: COUNCIL,
    }];
    // A comparator keeps its style in every chart: England looks the same throughout.
    for (i, comp) in ind.comparators.iter().enumerate() {
        let (n, l) = comp.name.get(lang);
        let k = feed.comparator_rank(&comp.name).unwrap_or(i);
        series.push(Series {
            name: n.to_string(),
            lang: l,
            values: ordered(&comp.values),
            style: COMPARATORS[k % COMPARATORS.len()],
        });
    }
    let mut dates: Vec<Date> = series
        .iter()
        .flat_map(|s| s.values.iter().map(|v| v.period.end()))
        .collect();
    if let Some(by) = ind.target.as_ref().and_then(|t| t.by) {
        if !dates.is_empty() {
            dates.push(by);
        }
    }
    let mut numbers: Vec<f64> = series
        .iter()
        .flat_map(|s| s.values.iter().filter_map(|v| v.value))
        .filter(|x| x.is_finite())
        .collect();
    let has_figures = !numbers.is_empty();
    if let Some(tg) = &ind.target {
        if has_figures {
            numbers.push(tg.value);
        }
    }
    let zero_based = matches!(ind.unit, Unit::Percent | Unit::Count);
    let lo = numbers.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = numbers.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let ticks = if has_figures {
        nice_ticks(if zero_based { lo.min(0.0) } else { lo }, hi, 6)
    } else if ind.unit == Unit::Percent {
        vec![0.0, 50.0, 100.0]
    } else {
        vec![0.0]
    };
    let (from, to) = match (dates.iter().min(), dates.iter().max()) {
        (Some(&a), Some(&b)) if a != b => (a, b),
        (Some(&a), _) => (a.add_days(-183), a.add_days(183)),
        _ => (feed.as_of.add_days(-365), feed.as_of),
    };
    let height = 240.0;
    let mut body = Vec::new();
    let f = frame(
        lang,
        &Axes {
            from,
            to,
            ticks: &ticks,
            unit: Some(ind.unit),
            height,
            top: SMALL + 16.0,
        },
        &mut body,
    );
    let mut key: Vec<(Element, String)> = Vec::new();
    // Suppressed figures: a faint dotted line at their date, and a gap in the line.
    let gaps: Vec<Date> = series[0]
        .values
        .iter()
        .filter(|v| v.value.is_none())
        .map(|v| v.period.end())
        .collect();
    for &d in &gaps {
        let x = f.x.at(d);
        body.push(GAP.path(path_d(&[Some((x, f.top)), Some((x, f.bottom))])));
    }
    if !has_figures {
        no_data(&f, lang, &mut body);
    }
    // Every line's points: the series, then the target.
    let mut lines: Vec<Vec<Option<(f64, f64)>>> = series
        .iter()
        .map(|s| {
            s.values
                .iter()
                .map(|v| {
                    v.value
                        .filter(|x| x.is_finite())
                        .map(|x| (f.x.at(v.period.end()), f.y.at(x)))
                })
                .collect()
        })
        .collect();
    let mut labels = Vec::new();
    // Target: a line at its value up to its date, ending in a tick.
    if let (Some(tg), true) = (&ind.target, has_figures) {
        let y = f.y.at(tg.value);
        let x1 = tg.by.map_or(f.right, |d| f.x.at(d));
        let target_line = vec![Some((f.left, y)), Some((x1, y))];
        body.push(TARGET.path(path_d(&target_line)));
        body.push(
            line(
                x1,
                y - 5.0,
                x1,
                y + 5.0,
                "apt-chart__line apt-chart__line--target",
            )
            .attr("stroke", TARGET.colour)
            .attr("stroke-width", "2"),
        );
        labels.push(DirectLabel {
            text: tf(
                lang,
                "Target {value}",
                &[(
                    "value",
                    &if ind.unit == Unit::CurrencyGbp {
                        tick_text(Some(ind.unit), tg.value, 2)
                    } else {
                        value_text(lang, ind.unit, tg.value)
                    },
                )],
            ),
            lang: None,
            bold: false,
            line: lines.len(),
            points: (0..=8)
                .map(|i| (f.left + (x1 - f.left) * f64::from(i) / 8.0, y))
                .collect(),
        });
        lines.push(target_line);
    }
    // Comparators first, so the council's line is drawn on top.
    for (i, s) in series.iter().enumerate().rev() {
        let points = &lines[i];
        if points.iter().all(Option::is_none) {
            continue;
        }
        body.push(s.style.path(path_d(points)));
        // Markers on every figure while they fit; else only where a figure stands alone.
        let n = points.iter().flatten().count().max(1);
        let roomy = (f.right - f.left) / n as f64 >= 12.0;
        let last_figure = points.iter().rposition(Option::is_some);
        for (k, p) in points.iter().enumerate() {
            let Some(p) = p else { continue };
            // Alone: no figure either side of it, or the next one straight above or below it
            // (its line would hide it). Judged from its neighbours, not every segment.
            let before = k > 0 && points[k - 1].is_some();
            let next = points.get(k + 1).copied().flatten();
            let alone = (!before && next.is_none()) || next.is_some_and(|n| n.0 == p.0);
            let last = Some(k) == last_figure;
            if roomy || alone || last {
                body.extend(s.style.marker(p.0, p.1));
            }
        }
    }
    // Direct labels for the council's line and the first few comparators; the key names
    // every line. (Placing each label scores it against every other: an indicator with
    // thousands of comparators would take minutes to draw.)
    for (i, s) in series.iter().enumerate().take(1 + LABELLED_COMPARATORS) {
        let points: Vec<(f64, f64)> = lines[i].iter().flatten().copied().collect();
        if !points.is_empty() {
            labels.insert(
                usize::from(i > 0) * labels.len(),
                DirectLabel {
                    text: s.name.clone(),
                    lang: s.lang,
                    bold: i == 0,
                    line: i,
                    points,
                },
            );
        }
    }
    let obstacles: Vec<Vec<(f64, f64, f64, f64)>> = lines.iter().map(|l| segments(l)).collect();
    place_labels(&f, labels, &obstacles, Vec::new(), &mut body);
    for s in &series {
        if s.values.iter().any(|v| v.value.is_some()) {
            key.push((s.style.key(), s.name.clone()));
        }
    }
    if ind.target.is_some() && has_figures {
        key.push((TARGET.key(), t(lang, "Target").to_string()));
    }
    if !gaps.is_empty() {
        key.push((
            GAP.key(),
            t(lang, "Suppressed figure (a gap in the line)").to_string(),
        ));
    }

    // The table: one row per period, one column per series.
    // Each series' figure for each period (the last one written wins), found through a map:
    // a series may have tens of thousands of figures.
    let by_period: Vec<HashMap<Period, &Value>> = series
        .iter()
        .map(|s| s.values.iter().map(|v| (v.period, *v)).collect())
        .collect();
    let mut periods: Vec<Period> = series
        .iter()
        .flat_map(|s| s.values.iter().map(|v| v.period))
        .collect();
    // In time order; the same period written twice sorts together, so it is kept once.
    sort::by_key(&mut periods, |p| (p.end(), p.to_string()));
    periods.dedup();
    let cell = |values: &HashMap<Period, &Value>, p: Period| -> String {
        match values.get(&p) {
            Some(v) if v.value.is_none() || v.suppressed => t(lang, "suppressed").to_string(),
            Some(Value { value: Some(x), .. }) => value_text(lang, ind.unit, *x),
            _ => "—".to_string(),
        }
    };
    // When the lines do not share their periods, a grid of periods × lines grows with the
    // square of the feed (3,000 comparators each with a month of its own: 9 million cells),
    // so the table is written a row per figure instead.
    let (heads, rows) = if crate::view::grid_fits(
        periods.len(),
        1 + series.len(),
        by_period.iter().map(HashMap::len).sum(),
    ) {
        let rows: Vec<Vec<String>> = periods
            .iter()
            .map(|&p| {
                std::iter::once(i18n::period(lang, p))
                    .chain(by_period.iter().map(|values| cell(values, p)))
                    .collect()
            })
            .collect();
        let mut heads = vec![t(lang, "Period").to_string()];
        heads.extend(series.iter().map(|s| s.name.clone()));
        (heads, rows)
    } else {
        let mut rows: Vec<Vec<String>> = Vec::new();
        for (s, values) in series.iter().zip(&by_period) {
            let mut mine: Vec<Period> = values.keys().copied().collect();
            sort::by_key(&mut mine, |p| (p.end(), p.to_string()));
            for p in mine {
                rows.push(vec![i18n::period(lang, p), s.name.clone(), cell(values, p)]);
            }
        }
        let heads = vec![
            t(lang, "Period").to_string(),
            t(lang, "Council or comparator").to_string(),
            t(lang, "Figure").to_string(),
        ];
        (heads, rows)
    };
    let table = (!rows.is_empty()).then(|| {
        data_table(
            &tf(lang, "{name}: all figures", &[("name", name)]),
            &heads,
            rows,
        )
    });
    Chart {
        id: format!("apt-chart-ind-{}", id_part(&ind.id)),
        title: name.to_string(),
        title_lang: name_lang,
        desc,
        height,
        body,
        key,
        table,
    }
    .into_figure(lang)
}

/// Every indicator's trend chart, side by side where there is room (small multiples).
pub fn small_multiples(lang: Lang, feed: &Feed) -> Element {
    el("div").class("apt-chart-grid").children(
        feed.indicators
            .iter()
            .map(|ind| indicator_trend(lang, feed, ind)),
    )
}

// ---------------------------------------------------------------------------------------
// 5. Sparkline.
// ---------------------------------------------------------------------------------------

/// A tiny line of an indicator's own figures for a table cell: decorative (the row says the
/// numbers), so hidden from assistive technology. Suppressed figures are gaps.
pub fn sparkline(ind: &Indicator) -> Element {
    let (w, h, pad) = (60.0, 16.0, 2.0);
    let vals = ordered(&ind.values);
    let figures: Vec<f64> = vals
        .iter()
        .filter_map(|v| v.value)
        .filter(|x| x.is_finite())
        .collect();
    let mut s = svg("svg")
        .class("apt-sparkline")
        .attr("viewBox", format!("0 0 {} {}", c(w), c(h)))
        .attr("aria-hidden", "true")
        .attr("focusable", "false");
    if figures.is_empty() {
        return s;
    }
    let lo = figures.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = figures.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let from = vals.first().map(|v| v.period.end());
    let to = vals.last().map(|v| v.period.end());
    let (Some(from), Some(to)) = (from, to) else {
        return s;
    };
    let x = TimeScale::new(from, to, pad, w - pad);
    let y = Linear::new(lo, hi, h - pad, pad);
    let points: Vec<Option<(f64, f64)>> = vals
        .iter()
        .map(|v| {
            v.value
                .filter(|x| x.is_finite())
                .map(|val| (x.at(v.period.end()), y.at(val)))
        })
        .collect();
    s = s.child(
        svg("path")
            .class("apt-sparkline__line")
            .attr("d", path_d(&points))
            .attr("fill", "none")
            .attr("stroke", "#1d70b8")
            .attr("stroke-width", "1.5")
            .attr("stroke-linejoin", "round")
            .attr("stroke-linecap", "round"),
    );
    if let Some(Some((px, py))) = points.iter().rev().find(|p| p.is_some()) {
        s = s.child(
            svg("circle")
                .class("apt-sparkline__dot")
                .attr("cx", c(*px))
                .attr("cy", c(*py))
                .attr("r", "2")
                .attr("fill", "#1d70b8"),
        );
    }
    s
}

// ---------------------------------------------------------------------------------------
// Actions by status at the comparison date and now (feed 1.1, "changes since a date").
// ---------------------------------------------------------------------------------------

/// The actions by status on `since` (read from their updates, as `changes` reads them) and at
/// `as_of`, side by side: at a glance what a committee asks, "what has moved since we met?".
pub fn status_then_and_now(lang: Lang, feed: &Feed, since: Date) -> Element {
    // Rows: the four statuses, then "not known" and "not yet in the plan" (at the date only).
    let mut then = [0usize; 6];
    let mut now = [0usize; 6];
    let row = |s: Status| Status::ALL.iter().position(|&x| x == s).unwrap_or(0);
    for a in &feed.actions {
        now[row(a.status)] += 1;
        let k = if a.added.is_some_and(|d| d > since) {
            5
        } else {
            crate::changes::state_at(a, since).status.map_or(4, row)
        };
        then[k] += 1;
    }
    let names: Vec<String> = Status::ALL
        .iter()
        .map(|&s| status_word(lang, s).to_string())
        .chain([
            t(lang, "Not known").to_string(),
            t(lang, "Not yet in the plan").to_string(),
        ])
        .collect();
    let shown: Vec<usize> = (0..6).filter(|&k| k < 4 || then[k] + now[k] > 0).collect();
    let (d_then, d_now) = (i18n::date(lang, since), i18n::date(lang, feed.as_of));
    let max = shown
        .iter()
        .map(|&k| then[k].max(now[k]))
        .max()
        .unwrap_or(0)
        .max(1);
    let bar_w = W - 40.0;
    let mut body = Vec::new();
    let mut y = 0.0;
    for &k in &shown {
        let words = tf(
            lang,
            "{status}: {then} then, {now} now",
            &[
                ("status", &names[k]),
                ("then", &count(then[k])),
                ("now", &count(now[k])),
            ],
        );
        // Wrapped to the chart's width: a wide font or a long Welsh label never sticks out.
        for line in wrap(&words, (W / (LABEL * CHAR_EM)) as usize) {
            y += LABEL + 4.0;
            // Not at 0: a glyph's side bearing would put the first letter outside the box.
            body.push(label(2.0, y, LABEL, line));
        }
        for (n, class, fill) in [
            (then[k], "apt-chart__then", "#b1b4b6"),
            (now[k], "apt-chart__now", "#1d70b8"),
        ] {
            y += 4.0;
            let w = bar_w * n as f64 / max as f64;
            body.push(
                rect(0.0, y, w.max(1.0), 12.0)
                    .class(class)
                    .attr("fill", fill)
                    .attr("stroke", "#0b0c0c")
                    .attr("stroke-width", "1"),
            );
            body.push(label(w.max(1.0) + 4.0, y + 11.0, SMALL, count(n)));
            y += 12.0;
        }
        y += 6.0;
    }
    let list = |v: &[usize; 6]| {
        shown
            .iter()
            .map(|&k| format!("{} {}", names[k], count(v[k])))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let desc = join([
        tf(
            lang,
            "On {date}: {counts}.",
            &[("date", &d_then), ("counts", &list(&then))],
        ),
        tf(
            lang,
            "On {date}: {counts}.",
            &[("date", &d_now), ("counts", &list(&now))],
        ),
    ]);
    let swatch = |fill: &str, class: &str| key_swatch(fill, class, "#0b0c0c");
    let on_then = tf(lang, "On {date}", &[("date", &d_then)]);
    let on_now = tf(lang, "On {date}", &[("date", &d_now)]);
    let key = vec![
        (
            swatch("#b1b4b6", "apt-chart__then"),
            format!("{on_then} ({})", t(lang, "upper bar")),
        ),
        (
            swatch("#1d70b8", "apt-chart__now"),
            format!("{on_now} ({})", t(lang, "lower bar")),
        ),
    ];
    let table = data_table(
        t(lang, "Actions by status, then and now"),
        &[t(lang, "Status").to_string(), on_then, on_now],
        shown
            .iter()
            .map(|&k| vec![names[k].clone(), count(then[k]), count(now[k])])
            .collect(),
    );
    Chart {
        id: "apt-chart-since".into(),
        title: t(lang, "Actions by status, then and now").to_string(),
        title_lang: None,
        desc,
        height: y + 4.0,
        body,
        key,
        table: Some(table),
    }
    .into_figure(lang)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markup::Node;
    use crate::validate::check;

    fn feed_of(json: &str) -> (Feed, Summary) {
        let r = check(json.as_bytes());
        assert!(
            r.problems
                .iter()
                .all(|p| p.severity != crate::validate::Severity::Error),
            "{:?}",
            r.problems
        );
        let s = Summary::of_report(&r).unwrap();
        (r.feed.unwrap(), s)
    }

    const FEED: &str = r#"{"schema_version": "1.0", "publisher": {"name": "Northbridge"}, "as_of": "2026-10-31", "plan": {"title": "P"},
      "priorities": [{"id": "P1", "title": "Help and protection"}, {"id": "P2", "title": "Children in care"}],
      "actions": [
        {"id": "1", "title": "a", "status": "complete", "priority": "P1", "due": "2026-02-28", "completed": "2026-02-20"},
        {"id": "2", "title": "b", "status": "complete", "priority": "P1", "due": "2026-03-31", "completed": "2026-05-02"},
        {"id": "3", "title": "c", "status": "in_progress", "priority": "P1", "due": "2026-06-30", "revised_due": "2026-12-31"},
        {"id": "4", "title": "d", "status": "in_progress", "priority": "P2", "due": "2026-09-30"},
        {"id": "5", "title": "e", "status": "not_started", "priority": "P2", "due": "2026-10-15"},
        {"id": "6", "title": "f", "status": "withdrawn", "priority": "P2", "due": "2026-04-30"},
        {"id": "7", "title": "g", "status": "not_started", "due": "2027-03-31"},
        {"id": "8", "title": "h", "status": "complete", "priority": "P2"},
        {"id": "9", "title": "i", "status": "in_progress", "priority": "P2"}],
      "indicators": [
        {"id": "perm sw/1", "name": "Permanent social workers", "unit": "percent", "polarity": "higher_is_better",
         "target": {"value": 80, "by": "2019-03-31"},
         "values": [{"period": "2017/18", "value": 61}, {"period": "2018-Q3", "value": null, "suppressed": true}, {"period": "2018/19", "value": 73}],
         "comparators": [{"name": "England", "values": [{"period": "2017/18", "value": 70}, {"period": "2018/19", "value": 71}]},
                         {"name": "Statistical neighbours", "values": [{"period": "2018-03", "value": 65}]}]},
        {"id": "none", "name": "No figures", "unit": "count", "polarity": "neutral"},
        {"id": "one", "name": "One figure", "unit": "days", "polarity": "lower_is_better", "values": [{"period": "2026-05", "value": 40}]},
        {"id": "hidden", "name": "All suppressed", "unit": "count", "polarity": "higher_is_better",
         "values": [{"period": "2026-Q1", "value": null, "suppressed": true}, {"period": "2026-Q2", "value": null, "suppressed": true}]}]}"#;

    fn html(e: &Element) -> String {
        Node::from(e.clone()).to_html()
    }

    /// The `<desc>` of the chart's SVG.
    fn desc(e: &Element) -> String {
        fn find(e: &Element) -> Option<String> {
            if e.tag == "desc" {
                return Some(Node::from(e.clone()).text_content());
            }
            e.children.iter().find_map(|c| match c {
                Node::El(x) => find(x),
                Node::Text(_) => None,
            })
        }
        find(e).expect("a <desc>")
    }

    fn all<'a>(e: &'a Element, tag: &str, out: &mut Vec<&'a Element>) {
        if e.tag == tag {
            out.push(e);
        }
        for c in &e.children {
            if let Node::El(x) = c {
                all(x, tag, out);
            }
        }
    }

    /// Every figure has its parts, unique ids, and no inline style anywhere.
    fn well_formed(e: &Element) {
        let h = html(e);
        assert!(h.starts_with("<figure class=\"apt-chart\""), "{h}");
        assert!(!h.contains("style="), "inline style: {h}");
        let mut svgs = Vec::new();
        all(e, "svg", &mut svgs);
        let main = svgs
            .iter()
            .find(|s| s.get("role") == Some("img"))
            .expect("role=img");
        let labelled = main.get("aria-labelledby").unwrap();
        for id in labelled.split(' ') {
            assert!(h.contains(&format!("id=\"{id}\"")), "{id} missing");
        }
        let mut ids: Vec<&str> = Vec::new();
        fn collect<'a>(e: &'a Element, ids: &mut Vec<&'a str>) {
            if let Some(i) = e.get("id") {
                ids.push(i);
            }
            for c in &e.children {
                if let Node::El(x) = c {
                    collect(x, ids);
                }
            }
        }
        collect(e, &mut ids);
        let n = ids.len();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), n, "duplicate ids");
    }

    #[test]
    fn ticks_are_round_and_cover_the_data() {
        assert_eq!(nice_ticks(0.0, 73.0, 6), vec![0.0, 20.0, 40.0, 60.0, 80.0]);
        assert_eq!(
            nice_ticks(0.0, 100.0, 6),
            vec![0.0, 20.0, 40.0, 60.0, 80.0, 100.0]
        );
        assert_eq!(
            nice_ticks(16.9, 19.8, 5),
            vec![16.0, 17.0, 18.0, 19.0, 20.0]
        );
        assert_eq!(nice_ticks(0.0, 1.0, 6), vec![0.0, 0.2, 0.4, 0.6, 0.8, 1.0]);
        assert_eq!(nice_ticks(0.1, 0.3, 3), vec![0.1, 0.2, 0.3]);
        assert_eq!(
            nice_ticks(812_400.0, 1_312_500.0, 5),
            vec![800_000.0, 1_000_000.0, 1_200_000.0, 1_400_000.0]
        );
        // A single value, zero, negatives, reversed and non-finite bounds.
        assert_eq!(nice_ticks(18.6, 18.6, 5), vec![16.0, 18.0, 20.0, 22.0]);
        assert_eq!(nice_ticks(0.0, 0.0, 5), vec![0.0, 0.5, 1.0]);
        assert_eq!(nice_ticks(-3.0, 7.0, 6), vec![-5.0, 0.0, 5.0, 10.0]);
        assert_eq!(nice_ticks(7.0, -3.0, 6), nice_ticks(-3.0, 7.0, 6));
        assert_eq!(nice_ticks(f64::NAN, f64::INFINITY, 5), vec![0.0, 0.5, 1.0]);
        for (lo, hi, n) in [
            (0.0, 43.0, 6),
            (3.0, 1_000_003.0, 4),
            (-0.004, 0.0071, 5),
            (61.0, 73.0, 5),
            (0.0, 45.0, 6),
            (1e-9, 2e-9, 5),
            (2.5, 2.5, 2),
        ] {
            let t = nice_ticks(lo, hi, n);
            assert!(t.len() >= 2 && t.len() <= n.max(2), "{lo} {hi} {t:?}");
            assert!(t[0] <= lo && *t.last().unwrap() >= hi, "{lo} {hi} {t:?}");
            let step = t[1] - t[0];
            let mant = step / 10f64.powf(step.log10().floor());
            assert!(
                [1.0, 2.0, 5.0].iter().any(|m| (mant - m).abs() < 1e-6),
                "step {step} of {t:?}"
            );
            for w in t.windows(2) {
                assert!(((w[1] - w[0]) - step).abs() < step * 1e-6, "{t:?}");
            }
            for x in &t {
                assert!((x / step - (x / step).round()).abs() < 1e-6, "{x} in {t:?}");
            }
        }
        let t = nice_ticks(-3.0, 7.0, 6);
        assert!(
            t[0] <= -3.0 && *t.last().unwrap() >= 7.0 && t.contains(&0.0),
            "{t:?}"
        );
    }

    #[test]
    fn scales_map_data_to_coordinates() {
        let y = Linear::new(0.0, 100.0, 200.0, 0.0);
        assert_eq!(y.at(0.0), 200.0);
        assert_eq!(y.at(50.0), 100.0);
        assert_eq!(y.at(80.0), 40.0);
        assert_eq!(Linear::new(5.0, 5.0, 0.0, 10.0).at(5.0), 5.0);
        let d = |s: &str| Date::parse(s).unwrap();
        let x = TimeScale::new(d("2026-01-01"), d("2027-01-01"), 0.0, 365.0);
        assert_eq!(x.at(d("2026-01-01")), 0.0);
        assert_eq!(x.at(d("2026-07-02")), 182.0);
        assert_eq!(x.at(d("2027-01-01")), 365.0);
        // Every period form lands on its last day.
        for (p, day) in [
            ("2026-03", "2026-03-31"),
            ("2026-Q1", "2026-03-31"),
            ("2025/26", "2026-03-31"),
            ("2026-03-31", "2026-03-31"),
        ] {
            assert_eq!(x.at(Period::parse(p).unwrap().end()), x.at(d(day)));
        }
        assert_eq!(x.at(Period::parse("2026-Q1").unwrap().end()), 89.0);
    }

    #[test]
    fn time_ticks_are_round() {
        let d = |s: &str| Date::parse(s).unwrap();
        let (t, step) = time_ticks(d("2025-10-15"), d("2026-10-31"), 6);
        assert_eq!(step, 3);
        assert_eq!(
            t.iter().map(Date::to_string).collect::<Vec<_>>(),
            ["2026-01-01", "2026-04-01", "2026-07-01", "2026-10-01"]
        );
        let (t, step) = time_ticks(d("2018-03-31"), d("2026-03-31"), 6);
        assert_eq!(step, 24);
        assert_eq!(t[0].to_string(), "2020-01-01");
        let (t, step) = time_ticks(d("2026-01-01"), d("2026-03-31"), 6);
        assert_eq!((t.len(), step), (3, 1));
        assert_eq!(time_ticks(d("2026-01-02"), d("2026-01-30"), 6).0, vec![]);
        let (t, _) = time_ticks(d("1900-01-01"), d("2900-01-01"), 6);
        assert!(!t.is_empty() && t.len() <= 6);
    }

    #[test]
    fn wrapping_and_ids() {
        assert_eq!(
            wrap("one two three four", 9),
            vec!["one two", "three", "four"]
        );
        assert_eq!(wrap("abcdefghij", 4), vec!["abcd", "efgh", "ij"]);
        assert_eq!(wrap("", 10), vec![""]);
        assert_eq!(wrap("ab cdefghijk l", 4), vec!["ab", "cdef", "ghij", "k l"]);
        assert_eq!(
            wrap_lines("one two three four", 9, 2),
            vec!["one two", "three…"]
        );
        assert_eq!(wrap_lines("one two", 9, 2), vec!["one two"]);
        assert_eq!(truncate("Statistical neighbours", 10), "Statistic…");
        assert_eq!(id_part("perm sw/1"), "perm_20_sw_2f_1");
        assert_ne!(id_part("a b"), id_part("a-b"));
        assert_eq!(c(1.25), "1.3");
        assert_eq!(c(-0.04), "0");
        assert_eq!(c(12.0), "12");
    }

    #[test]
    fn descriptions_equal_the_summary() {
        let (feed, s) = feed_of(FEED);
        let a = &s.actions;
        assert_eq!((a.complete, a.total - a.withdrawn, a.overdue), (3, 8, 2));
        let done_of = format!(
            "{} of {} actions are complete ({}%).",
            a.complete,
            a.total - a.withdrawn,
            i18n::number(a.percent_complete, 0)
        );
        let overdue = format!("{} actions are overdue.", a.overdue);

        let comp = completion(Lang::En, &s, true);
        well_formed(&comp);
        assert_eq!(
            desc(&comp),
            format!("{done_of} {overdue} 1 withdrawn action is not counted.")
        );
        assert_eq!(desc(&comp), "3 of 8 actions are complete (38%). 2 actions are overdue. 1 withdrawn action is not counted.");
        let text = Node::from(comp.clone()).text_content();
        assert!(text.contains("38%"), "{text}");

        let pri = status_by_priority(Lang::En, &feed);
        well_formed(&pri);
        let d = desc(&pri);
        assert!(d.starts_with(&format!("{done_of} {overdue}")), "{d}");
        assert!(
            d.contains("Most complete: Help and protection, 2 of 3."),
            "{d}"
        );
        assert!(
            d.contains("Least complete: Not in a priority, 0 of 1."),
            "{d}"
        );
        // The table's columns add up to the summary.
        let h = html(&pri);
        assert!(h.contains("<th scope=\"row\">Children in care</th><td class=\"apt-num\">1</td><td class=\"apt-num\">2</td><td class=\"apt-num\">1</td><td class=\"apt-num\">2</td><td class=\"apt-num\">4</td>"), "{h}");
        let groups = priority_groups(Lang::En, &feed);
        assert_eq!(groups.iter().map(|g| g.complete).sum::<usize>(), a.complete);
        assert_eq!(
            groups.iter().map(|g| g.in_progress).sum::<usize>(),
            a.in_progress
        );
        assert_eq!(
            groups.iter().map(|g| g.not_started).sum::<usize>(),
            a.not_started
        );
        assert_eq!(groups.iter().map(|g| g.overdue()).sum::<usize>(), a.overdue);

        let bu = burn_up(Lang::En, &feed);
        well_formed(&bu);
        let d = desc(&bu);
        assert!(
            d.starts_with(&format!(
                "By 31 October 2026: planned to be complete, 4 (5 by their original due dates); complete, {}. {overdue}",
                a.complete
            )),
            "{d}"
        );
        assert!(
            d.contains(&format!(
                "Actions in the plan: {}; the last is due on 31 March 2027.",
                a.total - a.withdrawn
            )),
            "{d}"
        );
        assert!(d.contains("2 actions have no due date"), "{d}");
        assert!(
            d.contains("1 complete action has no completion date"),
            "{d}"
        );
    }

    #[test]
    fn burn_up_counts_by_month() {
        let (feed, _) = feed_of(FEED);
        let b = burn_up_data(&feed);
        assert_eq!(b.months.first().unwrap().to_string(), "2026-02-28");
        assert_eq!(b.months.last().unwrap().to_string(), "2027-03-31");
        let at = |m: &str| b.months.iter().position(|d| d.to_string() == m).unwrap();
        // By the end of June 2026: 1, 2 due; 3 was originally due then but revised to December.
        assert_eq!(b.planned[at("2026-06-30")], 2);
        assert_eq!(b.original[at("2026-06-30")], 3);
        assert_eq!(b.done[at("2026-04-30")], Some(1));
        assert_eq!(b.done[at("2026-05-31")], Some(2));
        assert_eq!(b.done[at("2026-10-31")], Some(2));
        assert_eq!(b.done[at("2026-11-30")], None);
        assert_eq!(*b.planned.last().unwrap(), 6);
        assert_eq!((b.total, b.complete, b.done_now, b.no_due), (8, 3, 2, 2));
        // Withdrawn action 6 (due April) is in no line.
        assert_eq!(b.original[at("2026-04-30")], 2);
    }

    #[test]
    fn indicator_descriptions_and_gaps() {
        let (feed, _) = feed_of(FEED);
        let ind = &feed.indicators[0];
        let e = indicator_trend(Lang::En, &feed, ind);
        well_formed(&e);
        let d = desc(&e);
        assert!(
            d.starts_with("Rose from 61% in 2017/18 to 73% in 2018/19. Target 80% by 31 March 2019. The latest figure does not meet the target. Higher is better."),
            "{d}"
        );
        assert!(d.contains("England: 71% in 2018/19."), "{d}");
        assert!(
            d.contains("Statistical neighbours: 65% in March 2018."),
            "{d}"
        );
        assert!(d.contains("1 figure is suppressed"), "{d}");
        let h = html(&e);
        assert!(h.contains("id=\"apt-chart-ind-perm_20_sw_2f_1\""), "{h}");
        // The council's line breaks at the suppressed quarter: two runs, never a zero.
        let mut paths = Vec::new();
        all(&e, "path", &mut paths);
        let council = paths
            .iter()
            .find(|p| p.get("class") == Some("apt-chart__line apt-chart__line--council"))
            .unwrap();
        let dd = council.get("d").unwrap();
        assert_eq!(dd.matches('M').count(), 2, "{dd}");
        assert!(!dd.contains('L'), "{dd}");
        // Zero-based percent axis: the bottom gridline is 0%.
        assert!(h.contains(">0%</text>"), "{h}");
        assert!(
            h.contains("<th scope=\"row\">Q3 2018</th><td class=\"apt-num\">suppressed</td>"),
            "{h}"
        );
        assert!(h.contains("stroke-dasharray=\"7 4\"") && h.contains("stroke-dasharray=\"2 3\""));

        // No figures at all; a single figure; all suppressed.
        let none = indicator_trend(Lang::En, &feed, &feed.indicators[1]);
        well_formed(&none);
        assert_eq!(
            desc(&none),
            "There are no figures for this indicator yet. Neither higher nor lower is better."
        );
        assert!(html(&none).contains("No figures to plot"));
        let one = indicator_trend(Lang::En, &feed, &feed.indicators[2]);
        well_formed(&one);
        assert!(
            desc(&one).starts_with("40 days in May 2026, the only figure."),
            "{}",
            desc(&one)
        );
        let hidden = indicator_trend(Lang::En, &feed, &feed.indicators[3]);
        well_formed(&hidden);
        assert!(desc(&hidden)
            .starts_with("All 2 figures are suppressed to protect children's privacy."));
        assert!(html(&hidden).contains("No figures to plot"));
        // Sparklines of each kind.
        for ind in &feed.indicators {
            let s = html(&sparkline(ind));
            assert!(
                s.starts_with("<svg class=\"apt-sparkline\"") && s.contains("aria-hidden=\"true\"")
            );
        }
        assert!(html(&sparkline(&feed.indicators[0])).matches('M').count() == 2);
        assert!(!html(&sparkline(&feed.indicators[3])).contains("<path"));
    }

    #[test]
    fn met_target_is_said_from_the_summary_rule() {
        let json = FEED.replace(
            "{\"period\": \"2018/19\", \"value\": 73}",
            "{\"period\": \"2018/19\", \"value\": 80}",
        );
        let (feed, s) = feed_of(&json);
        assert_eq!(s.indicators.meeting_target, 1);
        let d = desc(&indicator_trend(Lang::En, &feed, &feed.indicators[0]));
        assert!(d.contains("The latest figure meets the target."), "{d}");
    }

    #[test]
    fn the_burn_up_is_drawn_exactly_when_it_has_months() {
        for actions in [
            r#"[]"#,
            r#"[{"id": "1", "title": "a", "status": "in_progress"}]"#,
            r#"[{"id": "1", "title": "a", "status": "in_progress", "due": "2019-03"}]"#,
            r#"[{"id": "1", "title": "a", "status": "withdrawn", "due": "2019-03"}]"#,
            r#"[{"id": "1", "title": "a", "status": "in_progress", "due": "2019-03", "recurrence": "monthly"}]"#,
            r#"[{"id": "1", "title": "a", "status": "complete", "completed": "2019-03"}]"#,
            r#"[{"id": "1", "title": "a", "status": "in_progress", "completed": "2019-03"}]"#,
        ] {
            let (feed, _) = feed_of(&format!(
                r#"{{"schema_version": "1.1", "publisher": {{"name": "N"}}, "as_of": "2019-06-30", "plan": {{"title": "P"}}, "actions": {actions}}}"#
            ));
            assert_eq!(
                burn_up_has_data(&feed),
                !burn_up_data(&feed).months.is_empty(),
                "{actions}"
            );
        }
    }

    #[test]
    fn empty_plan() {
        let (feed, s) = feed_of(
            r#"{"schema_version": "1.0", "publisher": {"name": "N"}, "as_of": "2026-10-31", "plan": {"title": "P"}, "actions": []}"#,
        );
        let comp = completion(Lang::En, &s, true);
        well_formed(&comp);
        assert_eq!(desc(&comp), "There are no actions to complete yet.");
        let pri = status_by_priority(Lang::En, &feed);
        well_formed(&pri);
        assert_eq!(desc(&pri), "There are no actions to complete yet.");
        let bu = burn_up(Lang::En, &feed);
        well_formed(&bu);
        assert!(
            desc(&bu).starts_with("No action has a due date"),
            "{}",
            desc(&bu)
        );
        assert!(!html(&bu).contains("<details"));
        // Welsh builds too (words fall back to English until translated).
        for e in [
            completion(Lang::Cy, &s, true),
            status_by_priority(Lang::Cy, &feed),
            burn_up(Lang::Cy, &feed),
        ] {
            well_formed(&e);
        }
    }

    #[test]
    fn hostile_names_are_escaped() {
        let evil = r#"</text><script>alert(1)</script>"#;
        let json = FEED
            .replace("\"Help and protection\"", &format!("{:?}", evil))
            .replace("\"England\"", &format!("{:?}", evil))
            .replace("\"Permanent social workers\"", &format!("{:?}", evil))
            .replace(
                "\"Northbridge\"",
                &format!("{:?}", format!("{evil}\" onload=\"x")),
            )
            .replace("\"perm sw/1\"", &format!("{:?}", "x\" onload=\"alert(1)"));
        let (feed, _) = feed_of(&json);
        for e in [
            status_by_priority(Lang::En, &feed),
            indicator_trend(Lang::En, &feed, &feed.indicators[0]),
            small_multiples(Lang::En, &feed),
        ] {
            let h = html(&e);
            assert!(!h.contains("<script"), "{h}");
            assert!(!h.contains(evil), "{h}");
            assert!(!h.contains("</text><script"), "{h}");
            assert!(!h.contains("\" onload"), "{h}");
            assert!(
                h.contains("&lt;/text&gt;&lt;script&gt;alert(1)&lt;/script&gt;"),
                "{h}"
            );
        }
    }

    /// Renders the example feed's charts to /tmp/apt-charts.html (and the Welsh to
    /// /tmp/apt-charts-cy.html) for a look in a browser:
    /// `cargo test --lib chart::tests::render_example -- --ignored`.
    #[test]
    #[ignore]
    fn render_example() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/www/examples/northbridge.json");
        let text = std::fs::read(path).unwrap();
        let r = check(&text);
        let s = Summary::of_report(&r).unwrap();
        let feed = r.feed.unwrap();
        for (lang, file) in [
            (Lang::En, "/tmp/apt-charts.html"),
            (Lang::Cy, "/tmp/apt-charts-cy.html"),
        ] {
            let mut page = format!("<!doctype html><html lang=\"{}\"><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\"><title>charts</title><style>", lang.code());
            page.push_str(crate::render::STYLE);
            page.push_str("body{margin:0;padding:10px}</style><div class=\"apt\">");
            page.push_str(&html(&completion(lang, &s, true)));
            page.push_str(&html(&status_by_priority(lang, &feed)));
            page.push_str(&html(&burn_up(lang, &feed)));
            page.push_str(&html(&small_multiples(lang, &feed)));
            page.push_str("<table class=\"apt-table\"><tbody>");
            for ind in &feed.indicators {
                page.push_str(&format!(
                    "<tr><th>{}</th><td>{}</td></tr>",
                    ind.id,
                    html(&sparkline(ind))
                ));
            }
            page.push_str("</tbody></table></div>");
            std::fs::write(file, page).unwrap();
        }
    }
}
