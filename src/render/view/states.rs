//! The widget before and instead of a feed: loading, and the error state.

use crate::i18n::{t, tf, Lang};
use crate::markup::{el, el_class, el_class_text, el_text, Element};
use crate::validate::Problem;

/// While the feed is fetched.
pub fn loading(lang: Lang) -> Element {
    el_class("div", "apt").attr("lang", lang.code()).child(
        el_class("p", "apt-loading")
            .attr("role", "status")
            .text(t(lang, "Loading the improvement plan…")),
    )
}

/// When the feed cannot be fetched or read: the reason and a way to try again.
pub fn error_state(lang: Lang, message: &str, problems: &[Problem]) -> Element {
    let mut box_ = el_class("div", "apt-error")
        .attr("role", "alert")
        .child(el_class_text(
            "h2",
            "apt-title",
            t(lang, "The improvement plan cannot be shown"),
        ))
        .child(el_text("p", message.to_string()));
    if !problems.is_empty() {
        box_ = box_.child(
            el_class("details", "apt-problems")
                .child(el_text("summary", t(lang, "Details for the publisher")))
                .child(el_class("ul", "apt-problems__list").children(
                    problems.iter().take(50).map(|p| {
                        let place = tf(
                            lang,
                            "line {line}, column {column}",
                            &[
                                ("line", &p.line.to_string()),
                                ("column", &p.column.to_string()),
                            ],
                        );
                        el("li")
                            .child(el_class_text("span", "apt-secondary", format!("{place}: ")))
                            .child(el("span").attr("lang", "en").text(p.message.clone()))
                    }),
                )),
        );
    }
    el_class("div", "apt").attr("lang", lang.code()).child(
        box_.child(
            el_class("button", "apt-button")
                .attr("type", "button")
                .attr("data-act", "retry")
                .text(t(lang, "Try again")),
        ),
    )
}

/// A message for a feed that could not be read as a feed at all, in the reader's language.
pub fn unreadable_message(lang: Lang) -> &'static str {
    t(
        lang,
        "The plan's data file has mistakes that stop it being shown.",
    )
}
