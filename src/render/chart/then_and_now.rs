//! (1.1) Then and now: the actions by status at the comparison date and at the data date,
//! side by side, for "what has moved since we met?".

use super::draw::{label, rect, wrap, SvgAttrs, CHAR_EM, LABEL, SMALL, W};
use super::figure::{count, join, key_swatch, Chart, Key};
use crate::date::Date;
use crate::feed::{Feed, Status};
use crate::i18n::{self, t, tf, Lang};
use crate::markup::Element;
use crate::table::data_table;
use crate::words::status_word;

/// One row of the chart: a status (or "not known", "not yet in the plan") and how many
/// actions had it on each date.
struct Row {
    name: String,
    then: usize,
    now: usize,
}

/// The rows: the four statuses, then "not known" and "not yet in the plan" (at the date only)
/// when they count any action.
fn rows(lang: Lang, feed: &Feed, since: Date) -> Vec<Row> {
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
    let names = Status::ALL
        .iter()
        .map(|&s| status_word(lang, s).to_string())
        .chain([
            t(lang, "Not known").to_string(),
            t(lang, "Not yet in the plan").to_string(),
        ]);
    names
        .zip(then.into_iter().zip(now))
        .enumerate()
        .filter(|&(k, (_, (then, now)))| k < 4 || then + now > 0)
        .map(|(_, (name, (then, now)))| Row { name, then, now })
        .collect()
}

/// The actions by status on `since` (read from their updates, as `changes` reads them) and at
/// `as_of`, side by side: at a glance what a committee asks, "what has moved since we met?".
pub fn status_then_and_now(lang: Lang, feed: &Feed, since: Date) -> Element {
    let rows = rows(lang, feed, since);
    let (d_then, d_now) = (i18n::date(lang, since), i18n::date(lang, feed.as_of));
    let on_then = tf(lang, "On {date}", &[("date", &d_then)]);
    let on_now = tf(lang, "On {date}", &[("date", &d_now)]);
    let (body, height) = then_and_now_bars(lang, &rows);
    Chart {
        id: "apt-chart-since".into(),
        title: t(lang, "Actions by status, then and now").to_string(),
        title_lang: None,
        desc: then_and_now_description(lang, &rows, &d_then, &d_now),
        height,
        body,
        key: then_and_now_key(lang, &on_then, &on_now),
        table: Some(then_and_now_table(lang, &rows, on_then, on_now)),
    }
    .into_figure(lang)
}

/// The drawing: per status its counts in words, then a bar for each date; and its height.
fn then_and_now_bars(lang: Lang, rows: &[Row]) -> (Vec<Element>, f64) {
    let max = rows
        .iter()
        .map(|r| r.then.max(r.now))
        .max()
        .unwrap_or(0)
        .max(1);
    let bar_w = W - 40.0;
    let mut body = Vec::new();
    let mut y = 0.0;
    for r in rows {
        let words = tf(
            lang,
            "{status}: {then} then, {now} now",
            &[
                ("status", &r.name),
                ("then", &count(r.then)),
                ("now", &count(r.now)),
            ],
        );
        // Wrapped to the chart's width: a wide font or a long Welsh label never sticks out.
        for line in wrap(&words, (W / (LABEL * CHAR_EM)) as usize) {
            y += LABEL + 4.0;
            // Not at 0: a glyph's side bearing would put the first letter outside the box.
            body.push(label(2.0, y, LABEL, line));
        }
        for (n, class, fill) in [
            (r.then, "apt-chart__then", "#b1b4b6"),
            (r.now, "apt-chart__now", "#1d70b8"),
        ] {
            y += 4.0;
            let w = bar_w * n as f64 / max as f64;
            body.push(
                rect(0.0, y, w.max(1.0), 12.0)
                    .class(class)
                    .fill(fill)
                    .stroke("#0b0c0c", "1"),
            );
            body.push(label(w.max(1.0) + 4.0, y + 11.0, SMALL, count(n)));
            y += 12.0;
        }
        y += 6.0;
    }
    (body, y + 4.0)
}

/// The chart's words: the counts on each date.
fn then_and_now_description(lang: Lang, rows: &[Row], d_then: &str, d_now: &str) -> String {
    let list = |n: fn(&Row) -> usize| {
        rows.iter()
            .map(|r| format!("{} {}", r.name, count(n(r))))
            .collect::<Vec<_>>()
            .join(", ")
    };
    join(&[
        tf(
            lang,
            "On {date}: {counts}.",
            &[("date", d_then), ("counts", &list(|r| r.then))],
        ),
        tf(
            lang,
            "On {date}: {counts}.",
            &[("date", d_now), ("counts", &list(|r| r.now))],
        ),
    ])
}

/// The key: which bar is which date.
fn then_and_now_key(lang: Lang, on_then: &str, on_now: &str) -> Key {
    let swatch = |fill: &str, class: &str| key_swatch(fill, class, "#0b0c0c", "1.5");
    vec![
        (
            swatch("#b1b4b6", "apt-chart__then"),
            format!("{on_then} ({})", t(lang, "upper bar")),
        ),
        (
            swatch("#1d70b8", "apt-chart__now"),
            format!("{on_now} ({})", t(lang, "lower bar")),
        ),
    ]
}

/// The same numbers as a table: a row per status, a column per date.
fn then_and_now_table(lang: Lang, rows: &[Row], on_then: String, on_now: String) -> Element {
    data_table(
        t(lang, "Actions by status, then and now"),
        &[t(lang, "Status").to_string(), on_then, on_now],
        rows.iter()
            .map(|r| vec![r.name.clone(), count(r.then), count(r.now)])
            .collect(),
    )
}
