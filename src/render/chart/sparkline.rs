//! A sparkline: an indicator's own figures as a tiny line for a table cell.

use super::draw::{c, path_d, SvgAttrs};
use super::indicator::ordered;
use super::scale::{Linear, TimeScale};
use crate::feed::Indicator;
use crate::markup::{svg, Element};

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
            .fill("none")
            .stroke("#1d70b8", "1.5")
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
                .fill("#1d70b8"),
        );
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::chart::testing::*;

    #[test]
    fn sparklines_of_each_kind() {
        let (feed, _) = feed_of(FEED);
        for ind in &feed.indicators {
            let s = html(&sparkline(ind));
            assert!(
                s.starts_with("<svg class=\"apt-sparkline\"") && s.contains("aria-hidden=\"true\"")
            );
        }
        // A gap at the suppressed figure: two runs.
        assert!(html(&sparkline(&feed.indicators[0])).matches('M').count() == 2);
        // All suppressed: no line.
        assert!(!html(&sparkline(&feed.indicators[3])).contains("<path"));
    }
}
