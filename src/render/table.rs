//! Tables: the one builder behind every table the views and charts show, and the box that
//! lets a wide table scroll sideways on its own.
//!
//! Every table has a caption and column headers with `scope`, so a screen reader can name each
//! cell; the views' tables and the charts' "Show as table" tables share the markup and the
//! stylesheet's classes.

use crate::date::{Date, Period};
use crate::feed::Value;
use crate::markup::{el, el_class, el_class_text, Element, Node};
use crate::sort;
use std::collections::HashMap;

/// A table in a box that scrolls sideways when the table is wider than the screen. The box
/// can take keyboard focus and is named, so keyboard users can scroll it too.
pub fn scroll_box(label: &str, table: Element) -> Element {
    el_class("section", "apt-table-wrap")
        .attr("aria-label", label)
        .attr("tabindex", "0")
        .child(table)
}

/// A row's header cell (`<th scope="row">`): one call at each of the tables' rows.
#[inline(never)]
pub fn row_header() -> Element {
    el("th").attr("scope", "row")
}

/// A captioned table with column headers. Tables of three or more columns stack into labelled
/// rows on narrow screens (each cell carries its column's name in `data-label`), so that they
/// fit 320 CSS px whatever the reader's font (WCAG 1.4.10).
pub fn table(caption: &str, heads: &[&str], mut rows: Vec<Element>) -> Element {
    let stack = heads.len() >= 3;
    if stack {
        for row in &mut rows {
            for (cell, head) in row.children.iter_mut().zip(heads).skip(1) {
                if let Node::El(c) = cell {
                    if !c.attrs.iter().any(|(k, _)| *k == "colspan") {
                        c.attrs.push(("data-label", head.to_string()));
                    }
                }
            }
        }
    }
    frame(caption, heads, rows, stack)
}

/// A captioned table of figures (a chart's "Show as table"): the first cell of each row is a
/// row header, the others are numbers. It never stacks: its columns are comparable figures.
pub fn data_table(caption: &str, heads: &[String], rows: Vec<Vec<String>>) -> Element {
    let rows = rows.into_iter().map(|row| {
        let mut cells = row.into_iter();
        let head = cells.next().unwrap_or_default();
        el("tr")
            .child(row_header().text(head))
            .children(cells.map(|v| el_class_text("td", "apt-num", v)))
    });
    let heads: Vec<&str> = heads.iter().map(String::as_str).collect();
    frame(caption, &heads, rows.collect(), false)
}

/// The `<table>` with its caption, header row and body.
fn frame(caption: &str, heads: &[&str], rows: Vec<Element>, stack: bool) -> Element {
    el_class(
        "table",
        if stack {
            "apt-table apt-table--stack"
        } else {
            "apt-table"
        },
    )
    .child(el_class_text("caption", "apt-table__caption", caption))
    .child(thead(heads))
    .child(el("tbody").children(rows))
}

/// A table's `<thead>`: a column header per name.
pub(crate) fn thead(heads: &[&str]) -> Element {
    el("thead")
        .child(el("tr").children(heads.iter().map(|h| el("th").attr("scope", "col").text(*h))))
}

/// The most cells an indicator's "all figures" table has as a grid of periods by lines.
pub const MAX_TABLE_CELLS: usize = 20_000;

/// Whether a table of `periods` rows and `columns` columns (the period's among them) is
/// written as a grid: up to [`MAX_TABLE_CELLS`], or while it is no larger than a row per
/// figure (three cells each) would be.
pub fn grid_fits(periods: usize, columns: usize, figures: usize) -> bool {
    let grid = periods.saturating_mul(columns);
    grid <= MAX_TABLE_CELLS || grid <= figures.saturating_mul(3)
}

/// An indicator's figures laid out for an "all figures" table: the one rule behind the
/// indicators view's table and the trend chart's "Show as table".
pub enum FigureRows<'a> {
    /// A row per period, in time order, and a column per line: each line's figure for the
    /// period, if it has one (the last written for a period wins).
    Grid(Vec<(Period, Vec<Option<&'a Value>>)>),
    /// A row per figure, line by line and each line in time order: (period, line, figure).
    /// Used when the lines do not share their periods, where a grid of periods × lines would
    /// grow with the square of the feed (3,000 comparators each with a month of its own: 9
    /// million cells from 250 KB).
    PerFigure(Vec<(Period, usize, &'a Value)>),
}

/// Lays out the figures of `lines` (the council's own, then each comparator's) for a table.
/// Each line's figures are found through a map: a line may have tens of thousands of them.
pub fn figure_rows<'a>(lines: &[Vec<&'a Value>]) -> FigureRows<'a> {
    let by_period: Vec<HashMap<Period, &Value>> = lines
        .iter()
        .map(|l| l.iter().map(|v| (v.period, *v)).collect())
        .collect();
    let mut periods: Vec<Period> = lines.iter().flatten().map(|v| v.period).collect();
    // In time order; the same period written twice sorts together, so it is kept once.
    sort::by_key(&mut periods, time_order);
    periods.dedup();
    let figures = by_period.iter().map(HashMap::len).sum();
    if grid_fits(periods.len(), 1 + lines.len(), figures) {
        let rows = periods
            .into_iter()
            .map(|p| (p, by_period.iter().map(|m| m.get(&p).copied()).collect()))
            .collect();
        return FigureRows::Grid(rows);
    }
    let mut rows = Vec::with_capacity(figures);
    for (line, values) in by_period.iter().enumerate() {
        let mut mine: Vec<Period> = values.keys().copied().collect();
        sort::by_key(&mut mine, time_order);
        rows.extend(
            mine.into_iter()
                .filter_map(|p| Some((p, line, *values.get(&p)?))),
        );
    }
    FigureRows::PerFigure(rows)
}

/// The order of periods in a table: by their end, then as written (one function for both
/// sorts above, so that the wasm has one copy of the sort's comparison).
fn time_order(p: &Period) -> (Date, String) {
    (p.end(), p.to_string())
}
