//! (1.1) A figure split into parts: one bar per part, each labelled with its figure.

use super::draw::{label, rect, wrap, SvgAttrs, SMALL, W};
use super::figure::Chart;
use crate::i18n::{self, t, Lang};
use crate::markup::Element;
use crate::table::data_table;

/// (1.1) A figure split into parts (children by how many social workers they have had): one
/// bar per part, each labelled with its figure; a suppressed part says so and has no bar.
pub fn breakdown(
    lang: Lang,
    id: &str,
    title: &str,
    unit: crate::feed::Unit,
    parts: &[crate::feed::Part],
) -> Element {
    let shown = |p: &crate::feed::Part| p.value.filter(|_| !p.suppressed);
    let max = parts
        .iter()
        .filter_map(shown)
        .fold(0.0_f64, f64::max)
        .max(f64::MIN_POSITIVE);
    let words: Vec<(String, Option<Lang>, String)> = parts
        .iter()
        .map(|p| {
            let (name, other) = p.label.get(lang);
            let v = match shown(p) {
                Some(x) => i18n::value(lang, unit, x),
                None => t(lang, "suppressed").to_string(),
            };
            (name.to_string(), other, v)
        })
        .collect();
    let desc = words
        .iter()
        .map(|(name, _, v)| format!("{name}: {v}"))
        .collect::<Vec<_>>()
        .join("; ")
        + ".";
    let label_w = W * 0.32;
    let value_w = 64.0;
    let bar_max = W - label_w - value_w;
    let row = 26.0;
    let mut body = Vec::new();
    for (i, (p, (name, other, v))) in parts.iter().zip(&words).enumerate() {
        let y = i as f64 * row;
        let short: String = wrap(name, (label_w / (SMALL * 0.55)) as usize)
            .into_iter()
            .next()
            .unwrap_or_default();
        body.push(label(0.0, y + 17.0, SMALL, short).attr_opt("lang", other.map(Lang::code)));
        let w = shown(p).map_or(0.0, |x| bar_max * (x.max(0.0) / max));
        if w > 0.0 {
            body.push(
                rect(label_w, y + 4.0, w, 18.0)
                    .class("apt-chart__seg apt-chart__seg--in-progress")
                    .fill("#1d70b8"),
            );
        }
        body.push(label(label_w + w + 4.0, y + 17.0, SMALL, v.clone()));
    }
    let table = data_table(
        title,
        &[t(lang, "Part").to_string(), t(lang, "Figure").to_string()],
        words.into_iter().map(|(n, _, v)| vec![n, v]).collect(),
    );
    Chart {
        id: id.to_string(),
        title: title.to_string(),
        title_lang: None,
        desc,
        height: (parts.len() as f64 * row).max(row),
        body,
        key: Vec::new(),
        table: Some(table),
    }
    .into_figure(lang)
}
