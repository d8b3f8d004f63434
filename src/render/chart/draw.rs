//! Drawing primitives the charts share: the coordinate space, SVG shapes and text, text
//! measured and wrapped for a layout made with no browser to ask, and the line styles that
//! tell lines apart without colour.

use super::scale::round_to;
use crate::markup::{svg, Element};

/// Width of the coordinate space every chart is laid out in (a phone's width), so that at
/// 320px text is drawn at about its nominal size, and at most 1.5 times it on a desktop.
pub(super) const W: f64 = 320.0;
/// Tick and small label size, in viewBox units.
pub(super) const SMALL: f64 = 13.0;
/// Label size.
pub(super) const LABEL: f64 = 14.0;

/// A coordinate as written in the SVG: one decimal at most.
pub(super) fn c(x: f64) -> String {
    // A figure at the edge of what a double holds can make a scale overflow: draw it at 0
    // rather than write "NaN" into the SVG.
    if !x.is_finite() {
        return "0".into();
    }
    let r = round_to(x, 1);
    let s = crate::decimal::fixed(r, 1);
    s.strip_suffix(".0").map(str::to_string).unwrap_or(s)
}

/// Advance of a lowercase letter, in em, in DejaVu Sans: the widest common sans-serif, and the
/// only font a fresh Debian machine has. Labels laid out for it also fit Arial or Liberation Sans.
pub(super) const CHAR_EM: f64 = 0.58;
/// How much wider bold text is (DejaVu Sans Bold).
pub(super) const BOLD: f64 = 1.1;

/// A generous estimate of the width of `s` at `size` (DejaVu Sans proportions), for layout.
pub(super) fn text_width(s: &str, size: f64) -> f64 {
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

/// Splits `s` into lines of at most `max_chars` characters, at spaces where possible.
pub(super) fn wrap(s: &str, max_chars: usize) -> Vec<String> {
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
pub(super) fn wrap_lines(s: &str, max_chars: usize, max_lines: usize) -> Vec<String> {
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
pub(super) fn wrap_items(items: &[String], sep: &str, max_chars: usize) -> Vec<String> {
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
pub(super) fn truncate(s: &str, max_chars: usize) -> String {
    if s.chars().count() <= max_chars {
        s.to_string()
    } else {
        let mut out: String = s.chars().take(max_chars.saturating_sub(1)).collect();
        out = out.trim_end().to_string();
        out.push('…');
        out
    }
}

/// The charts' commonest attributes in one out-of-line call each, rather than an attribute
/// built inline at every site (smaller wasm).
pub(super) trait SvgAttrs {
    /// Sets `stroke` and `stroke-width`.
    fn stroke(self, colour: &'static str, width: &'static str) -> Self;
    /// Sets `text-anchor`: "middle" or "end".
    fn anchor(self, anchor: &'static str) -> Self;
    /// Sets `fill`.
    fn fill(self, colour: &str) -> Self;
}

impl SvgAttrs for Element {
    #[inline(never)]
    fn stroke(self, colour: &'static str, width: &'static str) -> Self {
        self.attr("stroke", colour).attr("stroke-width", width)
    }

    #[inline(never)]
    fn anchor(self, anchor: &'static str) -> Self {
        self.attr("text-anchor", anchor)
    }

    #[inline(never)]
    fn fill(self, colour: &str) -> Self {
        self.attr("fill", colour)
    }
}

/// A `<text>` at (x, y).
pub(super) fn label(x: f64, y: f64, size: f64, s: impl Into<String>) -> Element {
    svg("text")
        .attr("x", c(x))
        .attr("y", c(y))
        .attr("font-size", c(size))
        .text(s)
}

/// A `<text>` with a background-coloured outline, readable over lines and patterns.
pub(super) fn halo_label(x: f64, y: f64, size: f64, s: impl Into<String>) -> Element {
    label(x, y, size, s)
        .class("apt-chart__halo")
        .stroke("#ffffff", "3")
        .attr("stroke-linejoin", "round")
        .attr("paint-order", "stroke")
}

pub(super) fn line(x1: f64, y1: f64, x2: f64, y2: f64, class: &str) -> Element {
    svg("line")
        .class(class)
        .attr("x1", c(x1))
        .attr("y1", c(y1))
        .attr("x2", c(x2))
        .attr("y2", c(y2))
}

pub(super) fn rect(x: f64, y: f64, w: f64, h: f64) -> Element {
    svg("rect")
        .attr("x", c(x))
        .attr("y", c(y))
        .attr("width", c(w.max(0.0)))
        .attr("height", c(h.max(0.0)))
}

/// A line's points in chart coordinates; `None` is a gap.
pub(super) type Points = Vec<Option<(f64, f64)>>;

/// A path through runs of points; `None` breaks the line (a gap, never a zero).
pub(super) fn path_d(points: &[Option<(f64, f64)>]) -> String {
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

/// A closed shape through `corners`: "M1 2L3 4L5 6Z".
fn polygon(corners: &[(f64, f64)]) -> String {
    let mut d = String::new();
    for (i, &(x, y)) in corners.iter().enumerate() {
        d.push(if i == 0 { 'M' } else { 'L' });
        d.push_str(&c(x));
        d.push(' ');
        d.push_str(&c(y));
    }
    d.push('Z');
    d
}

/// A picture in a chart's key, 32 by 16, beside the words (which say everything, so the
/// picture is hidden from assistive technology).
pub(super) fn key_picture(shape: Element) -> Element {
    svg("svg")
        .class("apt-chart__key")
        .attr("viewBox", "0 0 32 16")
        .attr("aria-hidden", "true")
        .attr("focusable", "false")
        .child(shape)
}

/// How a line is drawn: colour class, width, dashes, marker shape.
#[derive(Debug, Clone, Copy)]
pub(super) struct LineStyle {
    class: &'static str,
    pub(super) colour: &'static str,
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
    pub(super) fn path(&self, d: String) -> Element {
        svg("path")
            .class(format!("apt-chart__line apt-chart__line--{}", self.class))
            .attr("d", d)
            .fill("none")
            .attr("stroke", self.colour)
            .attr("stroke-width", c(self.width))
            .attr("stroke-linejoin", "round")
            .attr("stroke-linecap", "round")
            .attr_opt("stroke-dasharray", self.dash)
    }

    pub(super) fn marker(&self, x: f64, y: f64) -> Option<Element> {
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
                polygon(&[
                    (x, y - r * 1.2),
                    (x + r * 1.2, y),
                    (x, y + r * 1.2),
                    (x - r * 1.2, y),
                ]),
            ),
            Marker::Triangle => svg("path").attr(
                "d",
                polygon(&[
                    (x, y - r * 1.2),
                    (x + r * 1.1, y + r * 0.9),
                    (x - r * 1.1, y + r * 0.9),
                ]),
            ),
        };
        Some(
            shape
                .class(format!("apt-chart__mark apt-chart__mark--{}", self.class))
                .fill(self.colour),
        )
    }

    /// A small picture of the line for the key.
    pub(super) fn key(&self) -> Element {
        key_picture(self.path("M2 8 L30 8".to_string())).child_opt(self.marker(16.0, 8.0))
    }
}

pub(super) const COUNCIL: LineStyle = LineStyle {
    class: "council",
    colour: "#1d70b8",
    width: 3.0,
    dash: None,
    marker: Some(Marker::Circle),
};
pub(super) const TARGET: LineStyle = LineStyle {
    class: "target",
    colour: "#00703c",
    width: 2.0,
    dash: Some("10 3 2 3"),
    marker: None,
};
pub(super) const COMPARATORS: [LineStyle; 3] = [
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
pub(super) const PLANNED: LineStyle = LineStyle {
    class: "planned",
    colour: "#1d70b8",
    width: 2.0,
    dash: None,
    marker: None,
};
pub(super) const ORIGINAL: LineStyle = LineStyle {
    class: "original",
    colour: "#1d70b8",
    width: 2.0,
    dash: Some("6 4"),
    marker: None,
};
pub(super) const DONE: LineStyle = LineStyle {
    class: "done",
    colour: "#00703c",
    width: 3.0,
    dash: None,
    marker: Some(Marker::Circle),
};
pub(super) const CEILING: LineStyle = LineStyle {
    class: "ceiling",
    colour: "#505a5f",
    width: 1.5,
    dash: Some("2 3"),
    marker: None,
};
pub(super) const TODAY: LineStyle = LineStyle {
    class: "today",
    colour: "#0b0c0c",
    width: 1.0,
    dash: Some("4 3"),
    marker: None,
};
pub(super) const GAP: LineStyle = LineStyle {
    class: "gap",
    colour: "#505a5f",
    width: 1.0,
    dash: Some("1 3"),
    marker: None,
};

/// An id safe for `id` attributes and `url(#…)`, one-to-one with `s`.
pub(super) fn id_part(s: &str) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
