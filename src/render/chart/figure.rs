//! The frame every chart shares: the `<figure>` with its visible description, the named SVG,
//! the key and the "Show as table" table; the key's swatch; and the sentences that more than
//! one chart's description says.

use super::draw::{c, key_picture, rect, SvgAttrs, W};
use crate::i18n::{self, t, tn, tv, Lang, Val};
use crate::markup::{el, el_class, el_class_text, el_text, svg, Element};
use crate::table::scroll_box;

/// A chart's key: each entry's picture and its words.
pub(super) type Key = Vec<(Element, String)>;

/// One chart as a figure: caption, SVG, key, and the same numbers as a table.
pub(super) struct Chart {
    pub(super) id: String,
    pub(super) title: String,
    pub(super) title_lang: Option<Lang>,
    pub(super) desc: String,
    pub(super) height: f64,
    pub(super) body: Vec<Element>,
    pub(super) key: Key,
    pub(super) table: Option<Element>,
}

impl Chart {
    pub(super) fn into_figure(self, lang: Lang) -> Element {
        let title_id = format!("{}-title", self.id);
        let desc_id = format!("{}-desc", self.id);
        let lang_attr = self.title_lang.map(Lang::code);
        let graphic = svg("svg")
            .class("apt-chart__svg")
            .attr("viewBox", format!("0 0 {} {}", c(W), c(self.height)))
            .attr("role", "img")
            .attr("aria-labelledby", format!("{title_id} {desc_id}"))
            .attr("focusable", "false")
            .child(
                svg("title")
                    .attr("id", title_id)
                    .attr_opt("lang", lang_attr)
                    .text(self.title.clone()),
            )
            .child(svg("desc").attr("id", desc_id).text(self.desc.clone()))
            .children(self.body);
        // The visible caption says exactly what the image's name and description say, so it
        // is hidden from assistive technology to avoid hearing it twice.
        let caption = el_class("figcaption", "apt-chart__caption")
            .attr("aria-hidden", "true")
            .child(
                el_class("span", "apt-chart__title")
                    .attr_opt("lang", lang_attr)
                    .text(self.title.clone()),
            )
            .child(el_class_text("span", "apt-chart__desc", self.desc));
        let key = (!self.key.is_empty()).then(|| {
            el_class("ul", "apt-chart__legend")
                .attr("aria-hidden", "true")
                .children(
                    self.key
                        .into_iter()
                        .map(|(pic, name)| el("li").child(pic).child(el_text("span", name))),
                )
        });
        let title = self.title;
        let table = self.table.map(|tb| {
            el_class("details", "apt-chart__table")
                .child(el_text("summary", t(lang, "Show as table")))
                .child(scroll_box(&title, tb))
        });
        el_class("figure", "apt-chart")
            .attr("id", self.id)
            .child(caption)
            .child(graphic)
            .child_opt(key)
            .child_opt(table)
    }
}

pub(super) fn count(n: usize) -> String {
    i18n::number(n as f64, 0)
}

/// "17 of 40 actions are complete (43%)."
pub(super) fn completion_sentence(lang: Lang, done: usize, to_do: usize, pct: f64) -> String {
    if to_do == 0 {
        return t(lang, "There are no actions to complete yet.").to_string();
    }
    // The noun goes with the total, the verb with the number complete.
    tv(
        lang,
        "{done} of {n} {n, one {action} other {actions}} {done, one {is} other {are}} complete ({percent}).",
        &[
            ("done", Val::Count(done)),
            ("n", Val::Count(to_do)),
            ("percent", Val::Text(&i18n::percent(pct))),
        ],
    )
}

/// "5 actions are overdue." / "No actions are overdue."
pub(super) fn overdue_sentence(lang: Lang, n: usize) -> String {
    if n == 0 {
        t(lang, "No actions are overdue.").to_string()
    } else {
        tn(
            lang,
            n,
            "{n} action is overdue.",
            "{n} actions are overdue.",
        )
    }
}

/// What the completion and priority charts say of overdue actions: how many of the `to_do`
/// actions are overdue, or, when no action still to do has a due date (`any_due` false), that;
/// nothing when every action is done.
pub(super) fn overdue_words(
    lang: Lang,
    to_do: usize,
    done: usize,
    overdue: usize,
    any_due: bool,
) -> String {
    if to_do > 0 && any_due {
        overdue_sentence(lang, overdue)
    } else if to_do > done {
        t(lang, "No action still to do has a due date.").to_string()
    } else {
        String::new()
    }
}

/// The sentences that are not empty, joined by spaces. (A slice, not any iterator: one copy in
/// the wasm for every chart's description.)
pub(super) fn join(parts: &[String]) -> String {
    parts
        .iter()
        .filter(|s| !s.is_empty())
        .map(String::as_str)
        .collect::<Vec<_>>()
        .join(" ")
}

/// A bar chart's key swatch: a small filled box beside the words in the key, outlined
/// `stroke_width` wide.
pub(super) fn key_swatch(fill: &str, class: &str, stroke: &str, stroke_width: &str) -> Element {
    key_picture(
        rect(1.0, 1.0, 30.0, 14.0)
            .class(class)
            .fill(fill)
            .attr("stroke", stroke)
            .attr("stroke-width", stroke_width),
    )
}
