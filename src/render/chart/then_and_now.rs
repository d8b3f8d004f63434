//! (1.1) Then and now: the actions by status at the comparison date and at the data date,
//! side by side, for "what has moved since we met?".

use super::draw::{label, rect, wrap, CHAR_EM, LABEL, SMALL, W};
use super::figure::{count, join, key_swatch, Chart, Key};
use crate::date::Date;
use crate::feed::{Feed, Status};
use crate::i18n::{self, t, tf, Lang};
use crate::markup::Element;
use crate::table::data_table;
use crate::words::status_word;

/// The actions counted by status at both dates. Rows: the four statuses, then "not known" and
/// "not yet in the plan" (at the date only).
struct ThenAndNow {
    /// Each row's name.
    names: Vec<String>,
    then: [usize; 6],
    now: [usize; 6],
    /// The rows shown: the statuses, and the other two when they count any action.
    shown: Vec<usize>,
}

impl ThenAndNow {
    fn of(lang: Lang, feed: &Feed, since: Date) -> ThenAndNow {
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
        ThenAndNow {
            names,
            then,
            now,
            shown,
        }
    }
}

/// The actions by status on `since` (read from their updates, as `changes` reads them) and at
/// `as_of`, side by side: at a glance what a committee asks, "what has moved since we met?".
pub fn status_then_and_now(lang: Lang, feed: &Feed, since: Date) -> Element {
    let counts = ThenAndNow::of(lang, feed, since);
    let (d_then, d_now) = (i18n::date(lang, since), i18n::date(lang, feed.as_of));
    let on_then = tf(lang, "On {date}", &[("date", &d_then)]);
    let on_now = tf(lang, "On {date}", &[("date", &d_now)]);
    let (body, height) = then_and_now_bars(lang, &counts);
    Chart {
        id: "apt-chart-since".into(),
        title: t(lang, "Actions by status, then and now").to_string(),
        title_lang: None,
        desc: then_and_now_description(lang, &counts, &d_then, &d_now),
        height,
        body,
        key: then_and_now_key(lang, &on_then, &on_now),
        table: Some(then_and_now_table(lang, &counts, on_then, on_now)),
    }
    .into_figure(lang)
}

/// The drawing: per status its counts in words, then a bar for each date; and its height.
fn then_and_now_bars(lang: Lang, c: &ThenAndNow) -> (Vec<Element>, f64) {
    let max = c
        .shown
        .iter()
        .map(|&k| c.then[k].max(c.now[k]))
        .max()
        .unwrap_or(0)
        .max(1);
    let bar_w = W - 40.0;
    let mut body = Vec::new();
    let mut y = 0.0;
    for &k in &c.shown {
        let words = tf(
            lang,
            "{status}: {then} then, {now} now",
            &[
                ("status", &c.names[k]),
                ("then", &count(c.then[k])),
                ("now", &count(c.now[k])),
            ],
        );
        // Wrapped to the chart's width: a wide font or a long Welsh label never sticks out.
        for line in wrap(&words, (W / (LABEL * CHAR_EM)) as usize) {
            y += LABEL + 4.0;
            // Not at 0: a glyph's side bearing would put the first letter outside the box.
            body.push(label(2.0, y, LABEL, line));
        }
        for (n, class, fill) in [
            (c.then[k], "apt-chart__then", "#b1b4b6"),
            (c.now[k], "apt-chart__now", "#1d70b8"),
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
    (body, y + 4.0)
}

/// The chart's words: the counts on each date.
fn then_and_now_description(lang: Lang, c: &ThenAndNow, d_then: &str, d_now: &str) -> String {
    let list = |v: &[usize; 6]| {
        c.shown
            .iter()
            .map(|&k| format!("{} {}", c.names[k], count(v[k])))
            .collect::<Vec<_>>()
            .join(", ")
    };
    join([
        tf(
            lang,
            "On {date}: {counts}.",
            &[("date", d_then), ("counts", &list(&c.then))],
        ),
        tf(
            lang,
            "On {date}: {counts}.",
            &[("date", d_now), ("counts", &list(&c.now))],
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
fn then_and_now_table(lang: Lang, c: &ThenAndNow, on_then: String, on_now: String) -> Element {
    data_table(
        t(lang, "Actions by status, then and now"),
        &[t(lang, "Status").to_string(), on_then, on_now],
        c.shown
            .iter()
            .map(|&k| vec![c.names[k].clone(), count(c.then[k]), count(c.now[k])])
            .collect(),
    )
}
