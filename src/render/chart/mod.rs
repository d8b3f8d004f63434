//! Progress charts as SVG, made by the core (issue #4).
//!
//! Each chart is a [`markup`](crate::markup) tree: a `<figure class="apt-chart">` holding a
//! visible plain-language description, the `<svg role="img">` (with `<title>` and `<desc>`
//! saying the same), a key, and a `<details>` "Show as table" with the same numbers. No
//! charting library: the widget, the static page, the CLI and the tests share this one
//! implementation, and feed text only ever reaches text nodes and attribute values, which
//! the serialiser escapes.
//!
//! Layout is done in a fixed coordinate space (`viewBox`) sized for a phone, so the charts
//! scale down to 320px and up to the maximum width set in `chart.css`; colour is never the only
//! cue (labels, patterns, dash styles and marker shapes carry the same distinctions), and
//! every colour has a forced-colours equivalent. No inline `style` attributes (strict CSP).
//!
//! The files: `scale` (ticks and scales), `draw` (SVG shapes, text, line styles), `figure`
//! (the frame every chart shares), `axes` and `labels` (the plot area and the direct labels of
//! the charts over time), then one file per chart: `completion`, `priority`, `burn_up`,
//! `indicator` (with the small multiples), `sparkline`, `breakdown` and `then_and_now`.

mod axes;
mod breakdown;
mod burn_up;
mod completion;
mod draw;
mod figure;
pub(crate) mod indicator;
mod labels;
mod priority;
mod scale;
mod sparkline;
mod then_and_now;

pub use breakdown::breakdown;
pub use burn_up::{burn_up, burn_up_has_data};
pub use completion::completion;
pub use indicator::{indicator_trend, small_multiples};
pub use priority::status_by_priority;
pub use scale::{month_short, nice_ticks, step_decimals, time_ticks, Linear, TimeScale};
pub use sparkline::sparkline;
pub use then_and_now::status_then_and_now;

#[cfg(test)]
mod testing;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::render::chart::testing::*;
    use crate::summary::Summary;
    use crate::validate::check;

    #[test]
    fn empty_plan() {
        let (feed, s) = feed_of(
            r#"{"schema_version": "1.0", "publisher": {"name": "N"}, "as_of": "2026-10-31", "plan": {"title": "P"}, "actions": []}"#,
        );
        let comp = completion(Lang::En, &s, true);
        well_formed(&comp);
        assert_eq!(desc(&comp), "There are no actions to complete yet.");
        let pri = status_by_priority(Lang::En, &feed);
        well_formed(&pri);
        assert_eq!(desc(&pri), "There are no actions to complete yet.");
        let bu = burn_up(Lang::En, &feed);
        well_formed(&bu);
        assert!(
            desc(&bu).starts_with("No action has a due date"),
            "{}",
            desc(&bu)
        );
        assert!(!html(&bu).contains("<details"));
        // Welsh builds too (words fall back to English until translated).
        for e in [
            completion(Lang::Cy, &s, true),
            status_by_priority(Lang::Cy, &feed),
            burn_up(Lang::Cy, &feed),
        ] {
            well_formed(&e);
        }
    }

    #[test]
    fn hostile_names_are_escaped() {
        let evil = r#"</text><script>alert(1)</script>"#;
        let json = FEED
            .replace("\"Help and protection\"", &format!("{:?}", evil))
            .replace("\"England\"", &format!("{:?}", evil))
            .replace("\"Permanent social workers\"", &format!("{:?}", evil))
            .replace(
                "\"Northbridge\"",
                &format!("{:?}", format!("{evil}\" onload=\"x")),
            )
            .replace("\"perm sw/1\"", &format!("{:?}", "x\" onload=\"alert(1)"));
        let (feed, _) = feed_of(&json);
        for e in [
            status_by_priority(Lang::En, &feed),
            indicator_trend(Lang::En, &feed, &feed.indicators[0]),
            small_multiples(Lang::En, &feed),
        ] {
            let h = html(&e);
            assert!(!h.contains("<script"), "{h}");
            assert!(!h.contains(evil), "{h}");
            assert!(!h.contains("</text><script"), "{h}");
            assert!(!h.contains("\" onload"), "{h}");
            assert!(
                h.contains("&lt;/text&gt;&lt;script&gt;alert(1)&lt;/script&gt;"),
                "{h}"
            );
        }
    }

    /// Renders the example feed's charts to /tmp/apt-charts.html (and the Welsh to
    /// /tmp/apt-charts-cy.html) for a look in a browser:
    /// `cargo test --lib chart::tests::render_example -- --ignored`.
    #[test]
    #[ignore]
    fn render_example() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/www/examples/northbridge.json");
        let text = std::fs::read(path).unwrap();
        let r = check(&text);
        let s = Summary::of_report(&r).unwrap();
        let feed = r.feed.unwrap();
        for (lang, file) in [
            (Lang::En, "/tmp/apt-charts.html"),
            (Lang::Cy, "/tmp/apt-charts-cy.html"),
        ] {
            let mut page = format!("<!doctype html><html lang=\"{}\"><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\"><title>charts</title><style>", lang.code());
            page.push_str(crate::render::STYLE);
            page.push_str("body{margin:0;padding:10px}</style><div class=\"apt\">");
            page.push_str(&html(&completion(lang, &s, true)));
            page.push_str(&html(&status_by_priority(lang, &feed)));
            page.push_str(&html(&burn_up(lang, &feed)));
            page.push_str(&html(&small_multiples(lang, &feed)));
            page.push_str("<table class=\"apt-table\"><tbody>");
            for ind in &feed.indicators {
                page.push_str(&format!(
                    "<tr><th>{}</th><td>{}</td></tr>",
                    ind.id,
                    html(&sparkline(ind))
                ));
            }
            page.push_str("</tbody></table></div>");
            std::fs::write(file, page).unwrap();
        }
    }
}
