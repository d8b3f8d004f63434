//! The burn-up: by month, the actions planned to be complete (by current and by original due
//! dates) against those completed, under the plan's total, with the data date marked.

use super::axes::{frame, no_data, Axes, Frame};
use super::draw::{
    halo_label, path_d, text_width, Points, SvgAttrs, CEILING, DONE, ORIGINAL, PLANNED, SMALL,
    TODAY, W,
};
use super::figure::{completion_sentence, count, join, overdue_sentence, Chart, Key};
use super::labels::{place_labels, segments, Box4, DirectLabel};
use super::scale::{month_start, nice_ticks};
use crate::date::Date;
use crate::feed::{Action, Feed, Status};
use crate::i18n::{self, t, tf, tn, Lang};
use crate::markup::Element;
use crate::sort;
use crate::table::data_table;

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

/// The drawing's height.
const HEIGHT: f64 = 260.0;

/// By month: actions planned to be complete (by current and by original due dates) against
/// actions actually completed, under the plan's total, with the data date marked.
pub fn burn_up(lang: Lang, feed: &Feed) -> Element {
    let b = burn_up_data(feed);
    let mut body = Vec::new();
    let key = burn_up_plot(lang, feed.as_of, &b, &mut body);
    Chart {
        id: "apt-chart-burnup".into(),
        title: t(lang, "Actions planned and completed over time").to_string(),
        title_lang: None,
        desc: burn_up_description(lang, feed, &b),
        height: HEIGHT,
        body,
        key,
        table: burn_up_table(lang, &b),
    }
    .into_figure(lang)
}

/// The chart's words: what was planned and done by the data date, what is overdue, when the
/// plan ends, and which actions no line shows.
fn burn_up_description(lang: Lang, feed: &Feed, b: &BurnUp) -> String {
    let as_of = feed.as_of;
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
        return join(&sentences);
    }
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
        let overdue = feed.actions.iter().filter(|a| a.is_overdue(as_of)).count();
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
    join(&sentences)
}

/// The plot: the axes, the plan's total, the data date, the three lines and their labels (or,
/// when no action has a date, the axes of the data date's month and "No figures to plot").
/// Returns the key.
fn burn_up_plot(lang: Lang, as_of: Date, b: &BurnUp, body: &mut Vec<Element>) -> Key {
    // The months shown, or the data date's month with "No figures to plot" when there are none.
    let months = b.months.first().zip(b.months.last());
    let (from, to, max_ticks) = match months {
        Some((&first, &last)) => (month_start(first), last, 6),
        None => (month_start(as_of), as_of.month_end(), 5),
    };
    let ticks = nice_ticks(0.0, b.total.max(1) as f64, max_ticks);
    let axes = Axes {
        from,
        to,
        ticks: &ticks,
        unit: None,
        height: HEIGHT,
        top: 2.0 * SMALL + 14.0,
    };
    let f = frame(lang, &axes, body);
    if months.is_none() {
        no_data(&f, lang, body);
        return Vec::new();
    }
    // Ceiling: the plan's total.
    let top_y = f.y.at(b.total as f64);
    let ceiling = vec![Some((f.left, top_y)), Some((f.right, top_y))];
    body.push(CEILING.path(path_d(&ceiling)));
    let (today, today_box) = data_date(lang, &f, as_of, body);
    // The planned, originally planned and completed lines, each from zero at the start of the
    // first month; the completed line stops at the data date.
    let origin = Some((f.x.at(from), f.y.at(0.0)));
    let series = |vals: &[usize]| -> Points {
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
    let mut done: Points = vec![origin];
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
    let lines = vec![
        segments(&done),
        segments(&planned),
        segments(&original),
        segments(&ceiling),
        segments(&today),
    ];
    let labels = line_labels(lang, &f, b, [&done, &planned, &original], top_y);
    place_labels(&f, labels, &lines, vec![today_box], body);
    burn_up_key(lang)
}

/// The data date: a line across the plot, labelled above it. Returns the line and the box
/// its label takes.
fn data_date(lang: Lang, f: &Frame, as_of: Date, body: &mut Vec<Element>) -> (Points, Box4) {
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
    body.push(halo_label(tx0, ty, SMALL, today_text).anchor(anchor));
    let today_box = if anchor == "start" {
        Box4(tx0, ty - SMALL, tx0 + tw, ty + 3.0)
    } else {
        Box4(tx0 - tw, ty - SMALL, tx0, ty + 3.0)
    };
    (today, today_box)
}

/// The direct labels of the completed, planned and (when it differs) originally planned
/// lines, and of the plan's total at `top_y`; each `line` is its index in the plot's lines.
fn line_labels(
    lang: Lang,
    f: &Frame,
    b: &BurnUp,
    [done, planned, original]: [&Points; 3],
    top_y: f64,
) -> Vec<DirectLabel> {
    let pts = |v: &[Option<(f64, f64)>]| v.iter().flatten().copied().collect::<Vec<_>>();
    let mut labels = vec![
        DirectLabel {
            text: t(lang, "Completed").to_string(),
            lang: None,
            bold: true,
            line: 0,
            points: pts(done),
        },
        DirectLabel {
            text: t(lang, "Planned").to_string(),
            lang: None,
            bold: false,
            line: 1,
            points: pts(planned),
        },
    ];
    if b.original != b.planned {
        labels.push(DirectLabel {
            text: t(lang, "Originally planned").to_string(),
            lang: None,
            bold: false,
            line: 2,
            points: pts(original),
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
    labels
}

/// The key: each line's picture and name.
fn burn_up_key(lang: Lang) -> Key {
    vec![
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
    ]
}

/// The same numbers as a table, a row per month (none when there are no months).
fn burn_up_table(lang: Lang, b: &BurnUp) -> Option<Element> {
    // The months and their figures side by side (all four are made from the months).
    let rows: Vec<Vec<String>> = b
        .months
        .iter()
        .zip(&b.planned)
        .zip(&b.original)
        .zip(&b.done)
        .map(|(((&m, &planned), &original), done)| {
            vec![
                i18n::month_year(lang, m),
                count(planned),
                count(original),
                done.map_or_else(|| "—".to_string(), count),
            ]
        })
        .collect();
    (!rows.is_empty()).then(|| {
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
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::chart::testing::*;

    #[test]
    fn description_equals_the_summary() {
        let (feed, s) = feed_of(FEED);
        let (_, overdue) = summary_sentences(&s);
        let a = &s.actions;
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
}
