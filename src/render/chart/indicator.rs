//! An indicator's trend: its figures over time with its target, its comparators' lines and
//! gaps for suppressed figures; and every indicator's trend side by side.

use super::axes::{frame, no_data, tick_text, Axes, Frame};
use super::draw::{
    id_part, line, path_d, LineStyle, Points, SvgAttrs, COMPARATORS, COUNCIL, GAP, SMALL, TARGET,
};
use super::figure::{join, Chart, Key};
use super::labels::{place_labels, segments, DirectLabel};
use super::scale::nice_ticks;
use crate::date::{Date, Period};
use crate::feed::{Feed, Indicator, Polarity, Target, Unit, Value};
use crate::i18n::{self, t, tf, tn, tv, Lang, Val};
use crate::markup::{el_class, Element};
use crate::sort;
use crate::summary::{target_state, TargetState};
use crate::table::{data_table, figure_rows, FigureRows};

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
    let vals = ordered(&ind.values);
    let figures: Vec<(Period, f64)> = vals
        .iter()
        .filter_map(|v| Some((v.period, v.value?)))
        .collect();
    let suppressed = vals.iter().filter(|v| v.value.is_none()).count();
    let mut s = vec![figures_sentence(lang, ind.unit, &figures, suppressed)];
    s.extend(target_sentences(lang, ind));
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
    s.extend(comparator_sentences(lang, ind));
    if suppressed > 0 && !figures.is_empty() {
        s.push(tn(
            lang,
            suppressed,
            "{n} figure is suppressed to protect children's privacy and shown as a gap.",
            "{n} figures are suppressed to protect children's privacy and shown as gaps.",
        ));
    }
    join(&s)
}

/// How the council's own figures went: none, the only one, or from the first to the last.
fn figures_sentence(
    lang: Lang,
    unit: Unit,
    figures: &[(Period, f64)],
    suppressed: usize,
) -> String {
    match figures {
        [] if suppressed > 0 => tn(
            lang,
            suppressed,
            "Its only figure is suppressed to protect children's privacy.",
            "All {n} figures are suppressed to protect children's privacy.",
        ),
        [] => t(lang, "There are no figures for this indicator yet.").to_string(),
        [(p, x)] => tf(
            lang,
            "{value} {when}, the only figure.",
            &[
                ("value", &value_text(lang, unit, *x)),
                ("when", &when(lang, *p)),
            ],
        ),
        [(p0, x0), .., (p1, x1)] => {
            let template = if x1 > x0 {
                "Rose from {first} {start} to {last} {end}."
            } else if x1 < x0 {
                "Fell from {first} {start} to {last} {end}."
            } else {
                "Was {first} {start} and {last} {end}."
            };
            tf(
                lang,
                template,
                &[
                    ("first", &value_text(lang, unit, *x0)),
                    ("start", &when(lang, *p0)),
                    ("last", &value_text(lang, unit, *x1)),
                    ("end", &when(lang, *p1)),
                ],
            )
        }
    }
}

/// The target, and whether the latest figure meets it.
fn target_sentences(lang: Lang, ind: &Indicator) -> Vec<String> {
    let mut s = Vec::new();
    let Some(tg) = &ind.target else {
        return s;
    };
    let v = value_text(lang, ind.unit, tg.value);
    s.push(match tg.by {
        Some(by) => tf(
            lang,
            "Target {value} by {date}.",
            &[("value", &v), ("date", &i18n::date(lang, by))],
        ),
        None => tf(lang, "Target {value}.", &[("value", &v)]),
    });
    let verdict = match target_state(ind) {
        TargetState::Met => "The latest figure meets the target.",
        TargetState::Missed => "The latest figure does not meet the target.",
        TargetState::NoTarget => return s,
    };
    s.push(t(lang, verdict).to_string());
    s
}

/// Each comparator's latest figure.
fn comparator_sentences(lang: Lang, ind: &Indicator) -> Vec<String> {
    let mut s = Vec::new();
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
    s
}

/// One line of an indicator's chart: the council's or a comparator's figures, in period order.
pub(crate) struct Series<'a> {
    name: String,
    lang: Option<Lang>,
    values: Vec<&'a Value>,
    style: LineStyle,
}

/// All the lines: the council's first (named "This council" when the publisher has no name),
/// then the comparators'.
pub(crate) fn series_of<'a>(lang: Lang, feed: &Feed, ind: &'a Indicator) -> Vec<Series<'a>> {
    let council_name = feed.publisher.name.show(lang).to_string();
    let council_label = if council_name.is_empty() {
        t(lang, "This council").to_string()
    } else {
        council_name
    };
    let mut series = vec![Series {
        name: council_label,
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
    series
}

/// The drawing's height.
const HEIGHT: f64 = 240.0;

/// An indicator's figures over time, with its target, comparators and suppressed gaps.
pub fn indicator_trend(lang: Lang, feed: &Feed, ind: &Indicator) -> Element {
    let (name, name_lang) = ind.name.get(lang);
    let series = series_of(lang, feed, ind);
    let mut body = Vec::new();
    let key = trend_plot(lang, feed, ind, &series, &mut body);
    Chart {
        id: format!("apt-chart-ind-{}", id_part(&ind.id)),
        title: name.to_string(),
        title_lang: name_lang,
        desc: trend_description(lang, ind),
        height: HEIGHT,
        body,
        key,
        table: all_figures_table(lang, ind, &series),
    }
    .into_figure(lang)
}

/// The plot: the axes, the suppressed figures' gaps, the target, every line and their direct
/// labels. Returns the key.
fn trend_plot(
    lang: Lang,
    feed: &Feed,
    ind: &Indicator,
    series: &[Series],
    body: &mut Vec<Element>,
) -> Key {
    let (ticks, has_figures) = value_ticks(ind, series);
    let (from, to) = time_span(feed, ind, series);
    let axes = Axes {
        from,
        to,
        ticks: &ticks,
        unit: Some(ind.unit),
        height: HEIGHT,
        top: SMALL + 16.0,
    };
    let f = frame(lang, &axes, body);
    let gaps = suppressed_gaps(&f, &series[0], body);
    if !has_figures {
        no_data(&f, lang, body);
    }
    // Every line's points: the series, then the target.
    let mut lines: Vec<Points> = series
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
    if let (Some(tg), true) = (&ind.target, has_figures) {
        let (target, label) = target_line(lang, &f, ind.unit, tg, lines.len(), body);
        labels.push(label);
        lines.push(target);
    }
    draw_lines(&f, series, &lines, body);
    series_labels(series, &lines, &mut labels);
    let obstacles: Vec<Vec<(f64, f64, f64, f64)>> = lines.iter().map(|l| segments(l)).collect();
    place_labels(&f, labels, &obstacles, Vec::new(), body);
    trend_key(lang, ind, series, has_figures, !gaps.is_empty())
}

/// The value axis's ticks, round and covering every figure and the target (from zero for
/// percentages and counts); and whether there is any figure at all.
fn value_ticks(ind: &Indicator, series: &[Series]) -> (Vec<f64>, bool) {
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
    (ticks, has_figures)
}

/// The time axis's span: every figure's date and the target's (a year to the data date when
/// there is none; a year around a single date).
fn time_span(feed: &Feed, ind: &Indicator, series: &[Series]) -> (Date, Date) {
    let mut dates: Vec<Date> = series
        .iter()
        .flat_map(|s| s.values.iter().map(|v| v.period.end()))
        .collect();
    if let Some(by) = ind.target.as_ref().and_then(|t| t.by) {
        if !dates.is_empty() {
            dates.push(by);
        }
    }
    match (dates.iter().min(), dates.iter().max()) {
        (Some(&a), Some(&b)) if a != b => (a, b),
        (Some(&a), _) => (a.add_days(-183), a.add_days(183)),
        _ => (feed.as_of.add_days(-365), feed.as_of),
    }
}

/// Suppressed figures of the council's own line: a faint dotted line at their date (the line
/// itself has a gap there). Returns their dates.
fn suppressed_gaps(f: &Frame, council: &Series, body: &mut Vec<Element>) -> Vec<Date> {
    let gaps: Vec<Date> = council
        .values
        .iter()
        .filter(|v| v.value.is_none())
        .map(|v| v.period.end())
        .collect();
    for &d in &gaps {
        let x = f.x.at(d);
        body.push(GAP.path(path_d(&[Some((x, f.top)), Some((x, f.bottom))])));
    }
    gaps
}

/// The target: a line at its value up to its date, ending in a tick. Returns the line's
/// points and its direct label (`line` is its index among the plot's lines).
fn target_line(
    lang: Lang,
    f: &Frame,
    unit: Unit,
    tg: &Target,
    line_index: usize,
    body: &mut Vec<Element>,
) -> (Points, DirectLabel) {
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
        .stroke(TARGET.colour, "2"),
    );
    let label = DirectLabel {
        text: tf(
            lang,
            "Target {value}",
            &[(
                "value",
                &if unit == Unit::CurrencyGbp {
                    tick_text(Some(unit), tg.value, 2)
                } else {
                    value_text(lang, unit, tg.value)
                },
            )],
        ),
        lang: None,
        bold: false,
        line: line_index,
        points: (0..=8)
            .map(|i| (f.left + (x1 - f.left) * f64::from(i) / 8.0, y))
            .collect(),
    };
    (target_line, label)
}

/// Every series' line and markers; comparators first, so the council's line is drawn on top.
fn draw_lines(f: &Frame, series: &[Series], lines: &[Points], body: &mut Vec<Element>) {
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
}

/// Direct labels for the council's line (first) and the first few comparators' (last); the
/// key names every line. (Placing each label scores it against every other: an indicator with
/// thousands of comparators would take minutes to draw.)
fn series_labels(series: &[Series], lines: &[Points], labels: &mut Vec<DirectLabel>) {
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
}

/// The key: every line with a figure, the target, and the gaps when there are any.
fn trend_key(
    lang: Lang,
    ind: &Indicator,
    series: &[Series],
    has_figures: bool,
    has_gaps: bool,
) -> Key {
    let mut key = Key::new();
    for s in series {
        if s.values.iter().any(|v| v.value.is_some()) {
            key.push((s.style.key(), s.name.clone()));
        }
    }
    if ind.target.is_some() && has_figures {
        key.push((TARGET.key(), t(lang, "Target").to_string()));
    }
    if has_gaps {
        key.push((
            GAP.key(),
            t(lang, "Suppressed figure (a gap in the line)").to_string(),
        ));
    }
    key
}

/// An indicator's "all figures" table: a row per period and a column per line (the council's,
/// then each comparator's), "suppressed" where a figure is withheld and "—" where a line has
/// none; or, when the lines do not share their periods, a row per figure. `None` when there is
/// no figure at all. `series` are the indicator's lines, from [`series_of`].
pub(crate) fn all_figures_table(lang: Lang, ind: &Indicator, series: &[Series]) -> Option<Element> {
    let cell = |v: Option<&Value>| -> String {
        match v {
            Some(v) if v.value.is_none() || v.suppressed => t(lang, "suppressed").to_string(),
            Some(Value { value: Some(x), .. }) => value_text(lang, ind.unit, *x),
            _ => "—".to_string(),
        }
    };
    let lines: Vec<Vec<&Value>> = series.iter().map(|s| s.values.clone()).collect();
    let (heads, rows) = match figure_rows(&lines) {
        FigureRows::Grid(grid) => {
            let rows: Vec<Vec<String>> = grid
                .into_iter()
                .map(|(p, figures)| {
                    std::iter::once(i18n::period(lang, p))
                        .chain(figures.into_iter().map(cell))
                        .collect()
                })
                .collect();
            let mut heads = vec![t(lang, "Period").to_string()];
            heads.extend(series.iter().map(|s| s.name.clone()));
            (heads, rows)
        }
        FigureRows::PerFigure(figures) => {
            let rows = figures
                .into_iter()
                .map(|(p, line, v)| {
                    vec![
                        i18n::period(lang, p),
                        series[line].name.clone(),
                        cell(Some(v)),
                    ]
                })
                .collect();
            let heads = vec![
                t(lang, "Period").to_string(),
                t(lang, "Council or comparator").to_string(),
                t(lang, "Figure").to_string(),
            ];
            (heads, rows)
        }
    };
    let name = ind.name.show(lang);
    (!rows.is_empty()).then(|| {
        data_table(
            &tf(lang, "{name}: all figures", &[("name", name)]),
            &heads,
            rows,
        )
    })
}

/// Every indicator's trend chart, side by side where there is room (small multiples).
pub fn small_multiples(lang: Lang, feed: &Feed) -> Element {
    el_class("div", "apt-chart-grid").children(
        feed.indicators
            .iter()
            .map(|ind| indicator_trend(lang, feed, ind)),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
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
    }

    #[test]
    fn all_figures_are_a_grid_until_it_outgrows_a_row_per_figure() {
        use crate::table::grid_fits;
        assert!(grid_fits(100, 200, 0));
        assert!(!grid_fits(101, 200, 0));
        assert!(grid_fits(1_000, 100, 40_000));
        assert!(!grid_fits(1_000, 100, 30_000));
        let (feed, _) = feed_of(FEED);
        let h = html(
            &all_figures_table(
                Lang::En,
                &feed.indicators[0],
                &series_of(Lang::En, &feed, &feed.indicators[0]),
            )
            .unwrap(),
        );
        assert!(
            h.contains("Permanent social workers: all figures</caption>"),
            "{h}"
        );
        assert!(
            h.contains("<th scope=\"col\">Period</th><th scope=\"col\">Northbridge</th><th scope=\"col\">England</th><th scope=\"col\">Statistical neighbours</th>"),
            "{h}"
        );
        assert!(
            h.contains("<th scope=\"row\">2017/18</th><td class=\"apt-num\">61%</td><td class=\"apt-num\">70%</td><td class=\"apt-num\">—</td>"),
            "{h}"
        );
        // No figures, no table.
        assert!(all_figures_table(
            Lang::En,
            &feed.indicators[1],
            &series_of(Lang::En, &feed, &feed.indicators[1])
        )
        .is_none());
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
