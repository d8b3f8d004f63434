//! The completion chart: the share of actions complete, as one bar with the number in words.

use super::draw::{c, label, line, rect, SvgAttrs, LABEL, SMALL, W};
use super::figure::{completion_sentence, count, join, overdue_words, Chart};
use crate::feed::Status;
use crate::i18n::{self, t, tn, Lang};
use crate::markup::{svg, Element};
use crate::summary::{ActionCounts, Summary};
use crate::table::data_table;
use crate::words::status_word;

/// Where the bar is drawn, and its height.
const BAR_Y: f64 = 40.0;
const BAR_H: f64 = 24.0;

/// The share of actions complete (withdrawn and ongoing ones excluded), as a bar with the
/// number in words. `any_due`: some action still to do has a due date (when none has, the
/// words say so rather than that none is overdue).
pub fn completion(lang: Lang, summary: &Summary, any_due: bool) -> Element {
    let a = &summary.actions;
    let to_do = a.to_do();
    Chart {
        id: "apt-chart-completion".into(),
        title: t(lang, "Actions complete").to_string(),
        title_lang: None,
        desc: completion_description(lang, a, to_do, any_due),
        height: BAR_Y + BAR_H + 22.0,
        body: completion_bar(lang, a.percent_complete),
        key: Vec::new(),
        table: Some(completion_table(lang, a, to_do)),
    }
    .into_figure(lang)
}

/// The chart's words: how many of the `to_do` actions are complete, how many are overdue, and
/// which actions are not counted.
fn completion_description(lang: Lang, a: &ActionCounts, to_do: usize, any_due: bool) -> String {
    join(&[
        completion_sentence(lang, a.complete, to_do, a.percent_complete),
        overdue_words(lang, to_do, a.complete, a.overdue, any_due),
        if a.ongoing > 0 {
            tn(
                lang,
                a.ongoing,
                "{n} ongoing action is not counted.",
                "{n} ongoing actions are not counted.",
            )
        } else {
            String::new()
        },
        if a.withdrawn > 0 {
            tn(
                lang,
                a.withdrawn,
                "{n} withdrawn action is not counted.",
                "{n} withdrawn actions are not counted.",
            )
        } else {
            String::new()
        },
    ])
}

/// The drawing: the percentage in large type over a bar filled to it, with a scale below.
fn completion_bar(lang: Lang, pct: f64) -> Vec<Element> {
    let fill = W * (pct.clamp(0.0, 100.0) / 100.0);
    let mut body = vec![
        svg("text")
            .attr("x", "0")
            .attr("y", "30")
            .child(
                svg("tspan")
                    .attr("font-size", "30")
                    .attr("font-weight", "700")
                    .text(i18n::percent(pct)),
            )
            .child(
                svg("tspan")
                    .attr("font-size", c(LABEL + 2.0))
                    .attr("dx", "8")
                    .text(t(lang, "complete")),
            ),
        rect(0.0, BAR_Y, W, BAR_H)
            .class("apt-chart__track")
            .fill("#f3f2f1")
            .stroke("#0b0c0c", "1"),
        rect(0.0, BAR_Y, fill, BAR_H)
            .class("apt-chart__seg--complete")
            .fill("#00703c"),
    ];
    for q in [25.0, 50.0, 75.0] {
        body.push(
            line(
                W * q / 100.0,
                BAR_Y + BAR_H,
                W * q / 100.0,
                BAR_Y + BAR_H + 5.0,
                "apt-chart__axis",
            )
            .attr("stroke", "#0b0c0c"),
        );
    }
    body.push(label(0.0, BAR_Y + BAR_H + 17.0, SMALL, "0%"));
    body.push(label(W, BAR_Y + BAR_H + 17.0, SMALL, "100%").anchor("end"));
    body.push(label(W / 2.0, BAR_Y + BAR_H + 17.0, SMALL, "50%").anchor("middle"));
    body
}

/// The same numbers as a table: the actions by status, the total, the percentage, and those
/// not counted.
fn completion_table(lang: Lang, a: &ActionCounts, to_do: usize) -> Element {
    data_table(
        t(lang, "Actions complete, withdrawn actions excluded"),
        &[
            t(lang, "Actions").to_string(),
            t(lang, "Number").to_string(),
        ],
        vec![
            vec![
                status_word(lang, Status::Complete).to_string(),
                count(a.complete),
            ],
            vec![
                status_word(lang, Status::InProgress).to_string(),
                count(a.in_progress),
            ],
            vec![
                status_word(lang, Status::NotStarted).to_string(),
                count(a.not_started),
            ],
            // "Total": the caption says withdrawn actions are excluded (not "to be done": the
            // total includes the complete ones).
            vec![t(lang, "Total").to_string(), count(to_do)],
            vec![
                t(lang, "Percentage complete").to_string(),
                i18n::percent(a.percent_complete),
            ],
            vec![t(lang, "Overdue").to_string(), count(a.overdue)],
            vec![
                t(lang, "Withdrawn (not counted)").to_string(),
                count(a.withdrawn),
            ],
            vec![
                t(lang, "Ongoing (not counted)").to_string(),
                count(a.ongoing),
            ],
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markup::Node;
    use crate::render::chart::testing::*;

    #[test]
    fn description_equals_the_summary() {
        let (_, s) = feed_of(FEED);
        let (done_of, overdue) = summary_sentences(&s);
        let comp = completion(Lang::En, &s, true);
        well_formed(&comp);
        assert_eq!(
            desc(&comp),
            format!("{done_of} {overdue} 1 withdrawn action is not counted.")
        );
        assert_eq!(desc(&comp), "3 of 8 actions are complete (38%). 2 actions are overdue. 1 withdrawn action is not counted.");
        let text = Node::from(comp.clone()).text_content();
        assert!(text.contains("38%"), "{text}");
    }
}
