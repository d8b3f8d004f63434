//! Progress by priority: one stacked bar per priority, its actions by status, the overdue
//! part hatched and every count in words.

use super::draw::{
    label, line, rect, text_width, wrap_items, wrap_lines, SvgAttrs, BOLD, CHAR_EM, LABEL, SMALL, W,
};
use super::figure::{completion_sentence, count, join, key_swatch, overdue_words, Chart, Key};
use crate::date::Date;
use crate::feed::{Action, Feed, Status};
use crate::i18n::{t, tf, tn, Lang};
use crate::markup::{svg, Element};
use crate::summary::Tally;
use crate::table::data_table;
use crate::words::status_word;

/// The most lines of a priority's title drawn above its bar.
const TITLE_LINES: usize = 6;

/// The actions of one priority (or of none), by status: a [`Tally`] with the group's name.
#[derive(Debug, Clone, PartialEq)]
struct Group {
    title: String,
    lang: Option<Lang>,
    tally: Tally,
}

impl Group {
    fn of<'a>(
        title: String,
        lang: Option<Lang>,
        acts: impl Iterator<Item = &'a Action>,
        as_of: Date,
    ) -> Group {
        Group {
            title,
            lang,
            tally: Tally::of(acts, as_of),
        }
    }
}

impl std::ops::Deref for Group {
    type Target = Tally;

    fn deref(&self) -> &Tally {
        &self.tally
    }
}

fn priority_groups(lang: Lang, feed: &Feed) -> Vec<Group> {
    let mut groups: Vec<Group> = feed
        .priorities
        .iter()
        .map(|p| {
            let (title, other) = p.title.get(lang);
            Group::of(title.to_string(), other, feed.actions_in(&p.id), feed.as_of)
        })
        .collect();
    let known = |a: &&Action| {
        a.priority
            .as_deref()
            .is_some_and(|p| feed.priority(p).is_some())
    };
    let rest: Vec<&Action> = feed.actions.iter().filter(|a| !known(a)).collect();
    if rest.iter().any(|a| a.status != Status::Withdrawn) || feed.priorities.is_empty() {
        let title = if feed.priorities.is_empty() {
            t(lang, "All actions")
        } else {
            t(lang, "Not in a priority")
        };
        groups.push(Group::of(
            title.to_string(),
            None,
            rest.into_iter(),
            feed.as_of,
        ));
    }
    groups
}

/// One horizontal stacked bar per priority: complete, in progress, not started, with the
/// overdue part of each hatched and every count labelled in words.
pub fn status_by_priority(lang: Lang, feed: &Feed) -> Element {
    let groups = priority_groups(lang, feed);
    let (body, height) = priority_bars(lang, &groups);
    Chart {
        id: "apt-chart-priority".into(),
        title: t(lang, "Progress by priority").to_string(),
        title_lang: None,
        desc: priority_description(lang, feed, &groups),
        height,
        body,
        key: priority_key(lang),
        table: Some(priority_table(lang, &groups)),
    }
    .into_figure(lang)
}

/// The chart's words: the plan's completion and overdue actions, then which priority is the
/// most and the least complete, and which has the most overdue.
fn priority_description(lang: Lang, feed: &Feed, groups: &[Group]) -> String {
    let done: usize = groups.iter().map(|g| g.complete).sum();
    let to_do: usize = groups.iter().map(|g| g.to_do()).sum();
    let overdue: usize = groups.iter().map(|g| g.overdue()).sum();
    let mut sentences = vec![
        completion_sentence(
            lang,
            done,
            to_do,
            crate::summary::percent_complete(done, to_do, 0),
        ),
        overdue_words(lang, to_do, done, overdue, feed.any_due()),
    ];
    sentences.extend(ranking_sentences(lang, groups));
    join(&sentences)
}

/// "Most complete: …", "Least complete: …", "Most overdue: …", among the priorities with
/// actions to do, when there are two or more.
fn ranking_sentences(lang: Lang, groups: &[Group]) -> Vec<String> {
    let mut sentences = Vec::new();
    let ranked: Vec<&Group> = groups.iter().filter(|g| g.to_do() > 0).collect();
    if ranked.len() < 2 {
        return sentences;
    }
    let best = ranked
        .iter()
        .copied()
        .reduce(|a, b| if b.percent() > a.percent() { b } else { a });
    let worst = ranked
        .iter()
        .copied()
        .reduce(|a, b| if b.percent() < a.percent() { b } else { a });
    if let (Some(best), Some(worst)) = (best, worst) {
        if best.percent() > worst.percent() {
            sentences.push(tf(
                lang,
                "Most complete: {name}, {done} of {total}.",
                &[
                    ("name", &best.title),
                    ("done", &count(best.complete)),
                    ("total", &count(best.to_do())),
                ],
            ));
            sentences.push(tf(
                lang,
                "Least complete: {name}, {done} of {total}.",
                &[
                    ("name", &worst.title),
                    ("done", &count(worst.complete)),
                    ("total", &count(worst.to_do())),
                ],
            ));
        }
    }
    let late = ranked
        .iter()
        .copied()
        .reduce(|a, b| if b.overdue() > a.overdue() { b } else { a });
    if let Some(late) = late.filter(|g| g.overdue() > 0) {
        sentences.push(tf(
            lang,
            "Most overdue: {name}, {n}.",
            &[("name", &late.title), ("n", &count(late.overdue()))],
        ));
    }
    sentences
}

/// The id of the hatching that marks overdue actions, in the bars and the key.
const OVERDUE_PATTERN: &str = "apt-chart-priority-overdue";
/// The fill that uses it.
const HATCH: &str = "url(#apt-chart-priority-overdue)";
/// The height of a priority's bar.
const BAR_H: f64 = 22.0;

/// The drawing: per priority, its title (wrapped), the bar, then the counts in words; and its
/// height.
fn priority_bars(lang: Lang, groups: &[Group]) -> (Vec<Element>, f64) {
    let mut body = vec![overdue_pattern()];
    let max = groups.iter().map(|g| g.to_do()).max().unwrap_or(0).max(1);
    let unit = W / max as f64;
    let mut y = 0.0;
    for g in groups {
        y = group_title(g, y, &mut body);
        y += 6.0;
        group_bar(g, y, unit, &mut body);
        y = group_words(lang, g, y + BAR_H, &mut body);
        y += 14.0;
    }
    if groups.is_empty() {
        y = 30.0;
        body.push(label(
            0.0,
            20.0,
            LABEL,
            t(lang, "There are no actions to complete yet."),
        ));
    }
    (body, y.max(30.0))
}

/// The red diagonal hatching laid over the overdue part of a bar.
fn overdue_pattern() -> Element {
    svg("defs").child(
        svg("pattern")
            .attr("id", OVERDUE_PATTERN)
            .attr("patternUnits", "userSpaceOnUse")
            .attr("width", "6")
            .attr("height", "6")
            .attr("patternTransform", "rotate(45)")
            .child(
                rect(0.0, 0.0, 6.0, 6.0)
                    .class("apt-chart__hatch-bg")
                    .fill("#ffffff"),
            )
            .child(line(0.0, 0.0, 0.0, 6.0, "apt-chart__hatch-line").stroke("#d4351c", "4")),
    )
}

/// A priority's title in bold, wrapped, below `y`; returns where it ends.
fn group_title(g: &Group, mut y: f64, body: &mut Vec<Element>) -> f64 {
    let title_chars = (W / (LABEL * CHAR_EM * BOLD)) as usize;
    for (i, l) in wrap_lines(&g.title, title_chars, TITLE_LINES)
        .into_iter()
        .enumerate()
    {
        y += if i == 0 { LABEL + 2.0 } else { LABEL + 3.0 };
        body.push(
            label(0.0, y, LABEL, l)
                .attr("font-weight", "700")
                .attr_opt("lang", g.lang.map(Lang::code)),
        );
    }
    y
}

/// A priority's stacked bar at `top`, `unit` wide per action: its segments with their counts
/// (a dashed empty track when it has nothing to do).
fn group_bar(g: &Group, top: f64, unit: f64, body: &mut Vec<Element>) {
    let mut x = 0.0;
    // Complete, then in progress (overdue first), then not started (overdue first).
    let segments = [
        (g.complete, "complete", "#00703c", false),
        (g.overdue_in_progress, "in-progress", "#1d70b8", true),
        (
            g.in_progress - g.overdue_in_progress,
            "in-progress",
            "#1d70b8",
            false,
        ),
        (g.overdue_not_started, "not-started", "#ffffff", true),
        (
            g.not_started - g.overdue_not_started,
            "not-started",
            "#ffffff",
            false,
        ),
    ];
    if g.to_do() == 0 {
        body.push(
            rect(0.0, top, W, BAR_H)
                .class("apt-chart__track")
                .fill("#f3f2f1")
                .stroke("#0b0c0c", "1")
                .attr("stroke-dasharray", "3 3"),
        );
    }
    for (n, kind, colour, late) in segments {
        if n == 0 {
            continue;
        }
        let w = n as f64 * unit;
        segment(x, top, w, (n, kind, colour, late), body);
        x += w;
    }
}

/// One segment of a bar: `n` actions of one `kind` from `x`, `w` wide, hatched when `late`,
/// with its count inside when it fits.
fn segment(
    x: f64,
    top: f64,
    w: f64,
    (n, kind, colour, late): (usize, &str, &'static str, bool),
    body: &mut Vec<Element>,
) {
    // Segments are outlined in the background colour so neighbours stay apart; the white
    // "not started" one in black so it shows at all.
    body.push(
        rect(x, top, w, BAR_H)
            .class(format!("apt-chart__seg apt-chart__seg--{kind}"))
            .fill(colour)
            .attr(
                "stroke",
                if kind == "not-started" {
                    "#0b0c0c"
                } else {
                    "#ffffff"
                },
            )
            .attr("stroke-width", "1"),
    );
    if late {
        body.push(
            rect(x + 1.5, top + 1.5, w - 3.0, BAR_H - 3.0)
                .class("apt-chart__seg--overdue")
                .fill(HATCH)
                .stroke("#d4351c", "2"),
        );
    }
    let num = count(n);
    if w >= text_width(&num, SMALL) + 6.0 {
        let mut tx = label(x + w / 2.0, top + BAR_H / 2.0 + SMALL * 0.35, SMALL, num)
            .anchor("middle")
            .attr("font-weight", "700");
        tx = if late || kind == "not-started" {
            tx.class("apt-chart__halo")
                .stroke("#ffffff", "3")
                .attr("paint-order", "stroke")
        } else {
            tx.class("apt-chart__on-dark").fill("#ffffff")
        };
        body.push(tx);
    }
}

/// A priority's counts in words below its bar, from `y`; returns where they end.
fn group_words(lang: Lang, g: &Group, mut y: f64, body: &mut Vec<Element>) -> f64 {
    let mut words: Vec<String> = Vec::new();
    if g.total == 0 {
        words.push(t(lang, "No actions published for this priority yet").to_string());
    } else if g.to_do() == 0 {
        words.push(t(lang, "No actions to do").to_string());
    }
    // Each count's words at its own `tn` call, so the Welsh check sees them wherever the
    // function lives.
    if g.complete > 0 {
        words.push(tn(lang, g.complete, "{n} complete", "{n} complete"));
    }
    if g.in_progress > 0 {
        words.push(tn(
            lang,
            g.in_progress,
            "{n} in progress",
            "{n} in progress",
        ));
    }
    if g.not_started > 0 {
        words.push(tn(
            lang,
            g.not_started,
            "{n} not started",
            "{n} not started",
        ));
    }
    if g.overdue() > 0 {
        words.push(tn(lang, g.overdue(), "{n} overdue", "{n} overdue"));
    }
    let words_chars = (W / (SMALL * CHAR_EM)) as usize;
    for l in wrap_items(&words, " · ", words_chars) {
        y += SMALL + 4.0;
        body.push(label(0.0, y, SMALL, l));
    }
    y
}

/// The key: a swatch for each status, and the overdue hatching.
fn priority_key(lang: Lang) -> Key {
    vec![
        (
            key_swatch("#00703c", "apt-chart__seg--complete", "#00703c", "1.5"),
            status_word(lang, Status::Complete).to_string(),
        ),
        (
            key_swatch("#1d70b8", "apt-chart__seg--in-progress", "#1d70b8", "1.5"),
            status_word(lang, Status::InProgress).to_string(),
        ),
        (
            key_swatch("#ffffff", "apt-chart__seg--not-started", "#0b0c0c", "1.5"),
            status_word(lang, Status::NotStarted).to_string(),
        ),
        (
            key_swatch(HATCH, "apt-chart__seg--overdue", "#d4351c", "2"),
            t(lang, "Overdue").to_string(),
        ),
    ]
}

/// The same numbers as a table: a row per priority.
fn priority_table(lang: Lang, groups: &[Group]) -> Element {
    let rows = groups
        .iter()
        .map(|g| {
            vec![
                g.title.clone(),
                count(g.complete),
                count(g.in_progress),
                count(g.not_started),
                count(g.overdue()),
                count(g.to_do()),
            ]
        })
        .collect();
    data_table(
        t(
            lang,
            "Actions by status in each priority, withdrawn actions excluded",
        ),
        &[
            t(lang, "Priority").to_string(),
            status_word(lang, Status::Complete).to_string(),
            status_word(lang, Status::InProgress).to_string(),
            status_word(lang, Status::NotStarted).to_string(),
            t(lang, "Overdue").to_string(),
            t(lang, "Total").to_string(),
        ],
        rows,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::chart::testing::*;

    #[test]
    fn description_and_table_equal_the_summary() {
        let (feed, s) = feed_of(FEED);
        let (done_of, overdue) = summary_sentences(&s);
        let pri = status_by_priority(Lang::En, &feed);
        well_formed(&pri);
        let d = desc(&pri);
        assert!(d.starts_with(&format!("{done_of} {overdue}")), "{d}");
        assert!(
            d.contains("Most complete: Help and protection, 2 of 3."),
            "{d}"
        );
        assert!(
            d.contains("Least complete: Not in a priority, 0 of 1."),
            "{d}"
        );
        // The table's columns add up to the summary.
        let h = html(&pri);
        assert!(h.contains("<th scope=\"row\">Children in care</th><td class=\"apt-num\">1</td><td class=\"apt-num\">2</td><td class=\"apt-num\">1</td><td class=\"apt-num\">2</td><td class=\"apt-num\">4</td>"), "{h}");
        let a = &s.actions;
        let groups = priority_groups(Lang::En, &feed);
        assert_eq!(groups.iter().map(|g| g.complete).sum::<usize>(), a.complete);
        assert_eq!(
            groups.iter().map(|g| g.in_progress).sum::<usize>(),
            a.in_progress
        );
        assert_eq!(
            groups.iter().map(|g| g.not_started).sum::<usize>(),
            a.not_started
        );
        assert_eq!(groups.iter().map(|g| g.overdue()).sum::<usize>(), a.overdue);
    }

    #[test]
    fn the_hatching_is_the_pattern_drawn() {
        assert_eq!(HATCH, format!("url(#{OVERDUE_PATTERN})"));
    }
}
