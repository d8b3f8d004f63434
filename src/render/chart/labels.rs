//! Direct labels for the lines of a chart over time: each beside its own line, near its end,
//! clear of the other labels and lines, so the reader need not match colours with a key.

use super::axes::Frame;
use super::draw::{halo_label, text_width, truncate, SvgAttrs, BOLD, SMALL, W};
use crate::i18n::Lang;
use crate::markup::Element;

/// A box in chart coordinates: left, top, right, bottom.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Box4(
    pub(super) f64,
    pub(super) f64,
    pub(super) f64,
    pub(super) f64,
);

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
pub(super) fn segments(points: &[Option<(f64, f64)>]) -> Vec<(f64, f64, f64, f64)> {
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
pub(super) struct DirectLabel {
    pub(super) text: String,
    pub(super) lang: Option<Lang>,
    pub(super) bold: bool,
    /// Which line it names (an index into the obstacles' lines).
    pub(super) line: usize,
    pub(super) points: Vec<(f64, f64)>,
}

/// How many of a line's points, counted from its end, a direct label may be placed beside.
const LABEL_CANDIDATES: usize = 24;

/// Places each label beside its own line: near the line's end where possible, clear of other
/// labels, crossing as few lines as possible, and nearer its own line than any other (so it
/// cannot be read as naming a neighbour). `lines` are every line's segments; `taken` are
/// boxes already used (other text).
pub(super) fn place_labels(
    f: &Frame,
    labels: Vec<DirectLabel>,
    lines: &[Vec<(f64, f64, f64, f64)>],
    mut taken: Vec<Box4>,
    body: &mut Vec<Element>,
) {
    for l in labels {
        let text = truncate(&l.text, 24);
        let w = text_width(&text, SMALL) * if l.bold { BOLD } else { 1.0 };
        let Some((x, y, anchor)) = best_place(f, &l, w, lines, &taken).or_else(|| {
            let &(px, py) = l.points.last()?;
            // max then min, not clamp: a label wider than the chart must not panic.
            Some((px.max(f.left + w).min(W), (py - 7.0).max(f.top), "end"))
        }) else {
            continue;
        };
        taken.push(label_box(x, y, w, anchor));
        let mut e = halo_label(x, y, SMALL, text)
            .anchor(anchor)
            .attr_opt("lang", l.lang.map(Lang::code));
        if l.bold {
            e = e.attr("font-weight", "700");
        }
        body.push(e);
    }
}

/// The box a label `w` wide takes when written at (x, y) with its `anchor`.
fn label_box(x: f64, y: f64, w: f64, anchor: &str) -> Box4 {
    let (x0, x1) = if anchor == "start" {
        (x, x + w)
    } else {
        (x - w, x)
    };
    Box4(x0 - 1.0, y - SMALL * 0.8, x1 + 1.0, y + SMALL * 0.25)
}

/// The best place for a label `w` wide inside the plot, as (x, y, anchor): the lowest scoring
/// of six places around each of its line's last points. `None` when none fits.
fn best_place(
    f: &Frame,
    l: &DirectLabel,
    w: f64,
    lines: &[Vec<(f64, f64, f64, f64)>],
    taken: &[Box4],
) -> Option<(f64, f64, &'static str)> {
    let mut best: Option<(f64, f64, f64, &'static str)> = None;
    // Only the last few points are candidates: a label belongs near its line's end, and
    // scoring each candidate against every segment would otherwise grow with the square
    // of a long series' points.
    for (from_end, &(px, py)) in l.points.iter().rev().take(LABEL_CANDIDATES).enumerate() {
        let from_end = from_end as f64;
        for (k, (dx, dy, anchor)) in [
            (6.0, 4.5, "start"),
            (-5.0, -7.0, "end"),
            (-5.0, 8.0 + SMALL, "end"),
            (5.0, -7.0, "start"),
            (5.0, 8.0 + SMALL, "start"),
            (-8.0, 4.5, "end"),
        ]
        .into_iter()
        .enumerate()
        {
            let (x, y) = (px + dx, py + dy);
            let b = label_box(x, y, w, anchor);
            if b.0 < f.left + 1.0 || b.2 > W || b.1 < f.top - SMALL - 4.0 || b.3 > f.bottom - 1.0 {
                continue;
            }
            let score = score(from_end * 0.6 + k as f64 * 0.3, &b, l.line, lines, taken);
            if !best.is_some_and(|(s, ..)| score >= s) {
                best = Some((score, x, y, anchor));
            }
        }
    }
    best.map(|(_, x, y, anchor)| (x, y, anchor))
}

/// A place's score, added to `score` (lower is better): overlapping other text costs most,
/// then crossing other lines, crossing its own line, distance from its own line, and being
/// as near another line as its own.
fn score(
    mut score: f64,
    b: &Box4,
    own_line: usize,
    lines: &[Vec<(f64, f64, f64, f64)>],
    taken: &[Box4],
) -> f64 {
    score += 1000.0 * taken.iter().filter(|t| t.overlaps(b)).count() as f64;
    let mut own = f64::INFINITY;
    let mut other = f64::INFINITY;
    for (j, segs) in lines.iter().enumerate() {
        let crossings = segs.iter().filter(|s| b.crossed_by(**s)).count() as f64;
        let d = segs
            .iter()
            .map(|s| distance(b.centre(), *s))
            .fold(f64::INFINITY, f64::min);
        if j == own_line {
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
    score
}
