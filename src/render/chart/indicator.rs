//! An indicator's trend: its figures over time with its target, its comparators' lines and
//! gaps for suppressed figures; and every indicator's trend side by side.

use super::axes::{frame, no_data, tick_text, Axes};
use super::draw::{id_part, line, path_d, LineStyle, COMPARATORS, COUNCIL, GAP, SMALL, TARGET};
use super::figure::{join, Chart};
use super::labels::{place_labels, segments, DirectLabel};
use super::scale::nice_ticks;
use crate::date::{Date, Period};
use crate::feed::{Feed, Indicator, Polarity, Unit, Value};
use crate::i18n::{self, t, tf, tn, tv, Lang, Val};
use crate::markup::{el, Element};
use crate::sort;
use crate::summary::{target_state, TargetState};
use crate::table::data_table;
use std::collections::HashMap;

/// How many comparators' lines on an indicator chart get a direct label (the key names all).
const LABELLED_COMPARATORS: usize = 6;

/// A series' figures in period order (stable for periods ending on the same day).
pub(super) fn ordered(values: &[Value]) -> Vec<&Value> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::chart::sparkline;
    use crate::render::chart::testing::*;

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
}
