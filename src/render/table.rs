//! Tables: the one builder behind every table the views and charts show, and the box that
//! lets a wide table scroll sideways on its own.
//!
//! Every table has a caption and column headers with `scope`, so a screen reader can name each
//! cell; the views' tables and the charts' "Show as table" tables share the markup and the
//! stylesheet's classes.

use crate::markup::{el, Element, Node};

/// A table in a box that scrolls sideways when the table is wider than the screen. The box
/// can take keyboard focus and is named, so keyboard users can scroll it too.
pub fn scroll_box(label: &str, table: Element) -> Element {
    el("section")
        .class("apt-table-wrap")
        .attr("aria-label", label)
        .attr("tabindex", "0")
        .child(table)
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
    frame(caption, heads.iter().copied(), rows, stack)
}

/// A captioned table of figures (a chart's "Show as table"): the first cell of each row is a
/// row header, the others are numbers. It never stacks: its columns are comparable figures.
pub fn data_table(caption: &str, heads: &[String], rows: Vec<Vec<String>>) -> Element {
    let rows = rows.into_iter().map(|row| {
        let mut cells = row.into_iter();
        let head = cells.next().unwrap_or_default();
        el("tr")
            .child(el("th").attr("scope", "row").text(head))
            .children(cells.map(|v| el("td").class("apt-num").text(v)))
    });
    frame(
        caption,
        heads.iter().map(String::as_str),
        rows.collect(),
        false,
    )
}

/// The `<table>` with its caption, header row and body.
fn frame<'h>(
    caption: &str,
    heads: impl Iterator<Item = &'h str>,
    rows: Vec<Element>,
    stack: bool,
) -> Element {
    el("table")
        .class(if stack {
            "apt-table apt-table--stack"
        } else {
            "apt-table"
        })
        .child(el("caption").class("apt-table__caption").text(caption))
        .child(
            el("thead")
                .child(el("tr").children(heads.map(|h| el("th").attr("scope", "col").text(h)))),
        )
        .child(el("tbody").children(rows))
}
