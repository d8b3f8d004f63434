//! What residents see: the overview, actions, findings and indicators views, the compact
//! card and the loading and error states, built as [`markup`](crate::markup) trees.
//!
//! Views are pure functions of the feed, the reader's state and the language. The browser
//! layer patches them into the shadow root; the static page serialises them. Controls carry a
//! `data-act` attribute naming what they do ([`crate::filter::State::apply`] interprets it),
//! so the same markup works with one delegated listener and without any JavaScript at all.
//!
//! This file holds what every view shares: the context ([`Ctx`]), the small builders (tags,
//! links, bars, bidi isolates), the widget's shell (the tabs around the view) and the static
//! page's body. Each view has a file of its own under `view/`; their public functions are
//! re-exported here, so callers name them `view::overview`, `view::findings` and so on.

mod action_details;
mod actions;
mod compact;
mod filters;
mod findings;
mod header;
mod indicators;
mod inspections;
mod overview;
mod since;
mod states;

pub use action_details::action_details;
pub use actions::{actions, PAGE_SIZE};
pub use compact::compact;
pub use findings::findings;
pub(crate) use findings::{and_more, complete_of, Answers};
pub(crate) use header::header;
pub use header::items_left_out;
pub(crate) use indicators::indicator_table;
pub use indicators::{indicators, trend};
pub use overview::overview;
pub(crate) use overview::{due_counts, headline, rag_table, status_table};
pub use since::since_heading;
pub(crate) use since::{change_badges, since_section};
pub use states::{error_state, loading, unreadable_message};

use crate::date::Date;
use crate::feed::{Feed, Rag, Text, Url};
use crate::filter::{Index, State, View};
use crate::i18n::{self, t, tf, Lang};
use crate::markup::{el, el_class, el_class_text, el_text, svg, Element, Node};
use crate::summary::Summary;
use crate::validate::Problem;
use crate::words::{rag_class, rag_word};

/// Everything a view needs to know.
pub struct Ctx<'a> {
    /// The valid items.
    pub feed: &'a Feed,
    /// The figures.
    pub summary: &'a Summary,
    /// Every problem the file had.
    pub problems: &'a [Problem],
    /// The reader's language.
    pub lang: Lang,
    /// The reader's date, if known: for the "this data is old" notice.
    pub today: Option<Date>,
    /// For print and the static page: every matching action, opened, on one page.
    pub print: bool,
    /// This tracker's name in the URL fragment (see [`State::fragment`]).
    pub ns: &'a str,
}

impl Ctx<'_> {
    /// The address of the state `act` leads to from `from`: what a link's own `href` says,
    /// so opening it in a new tab or sharing it shows what clicking it shows.
    fn href(&self, from: &State, act: &str) -> String {
        let mut s = from.clone();
        s.apply(act, None);
        match s.fragment(self.ns, "") {
            f if f.is_empty() => "#".to_string(),
            f => f,
        }
    }

    /// A link that changes the reader's state (e.g. to the actions filtered by a priority);
    /// plain text in print and the static page.
    fn go(&self, act: String, label: Element) -> Element {
        if self.print {
            return label;
        }
        el_class("a", "apt-link")
            .attr("href", self.href(&State::default(), &act))
            .attr("data-act", act)
            .child(label)
    }

    pub(crate) fn t(&self, en: &'static str) -> &'static str {
        t(self.lang, en)
    }

    pub(crate) fn date(&self, d: Date) -> String {
        i18n::date(self.lang, d)
    }

    /// Feed text in an element, marked with `lang` when it falls back to the other language.
    /// `dir="auto"` makes the element a bidi isolate: right-to-left text or a stray U+202E in
    /// the feed cannot reorder the words around it.
    pub(crate) fn text(&self, e: Element, s: &Text) -> Element {
        let (s, other) = s.get(self.lang);
        e.attr_opt("lang", other.map(Lang::code))
            .attr("dir", "auto")
            .text(s)
    }

    pub(crate) fn span(&self, s: &Text) -> Element {
        self.text(el("span"), s)
    }

    /// An action named as everywhere in the widget and the report, in `e`: its number (in
    /// its own bidi isolate), a space, and its title.
    pub(crate) fn action_name(&self, e: Element, a: &crate::feed::Action) -> Element {
        e.child(
            el_class("span", "apt-action__id")
                .attr("dir", "auto")
                .text(a.number().to_string()),
        )
        .text(" ")
        .child(self.span(&a.title))
    }
}

/// Feed text inside a line of other words, in its own bidi isolate.
pub(crate) fn bdi(s: impl Into<String>) -> Element {
    el_text("bdi", s)
}

/// An interface sentence (`template`, already in the reader's language) with `{name}`
/// placeholders filled by feed text, each value in its own bidi isolate ([`bdi`]). Filled in
/// one pass, like `i18n::tf`: a value is never searched for placeholders.
fn isolated(template: &str, args: &[(&str, &str)]) -> Vec<Node> {
    let mut out: Vec<Node> = Vec::new();
    let mut rest = template;
    let mut words = String::new();
    while let Some(open) = rest.find('{') {
        words.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let named = after.find('}').and_then(|close| {
            let value = args.iter().find(|(k, _)| *k == &after[..close])?.1;
            Some((value, close))
        });
        match named {
            Some((value, close)) => {
                if !words.is_empty() {
                    out.push(Node::Text(std::mem::take(&mut words)));
                }
                out.push(bdi(value).into());
                rest = &after[close + 1..];
            }
            None => {
                words.push('{');
                rest = after;
            }
        }
    }
    words.push_str(rest);
    if !words.is_empty() {
        out.push(Node::Text(words));
    }
    out
}

/// A GOV.UK-style tag: words, never colour alone.
pub(crate) fn tag(class: &str, label: &str) -> Element {
    el_class("strong", format!("apt-tag apt-tag--{class}")).text(label)
}

/// A RAG rating's tag in its colour: "Amber".
pub(crate) fn rag_tag(cx: &Ctx, r: Rag) -> Element {
    tag(rag_class(r), rag_word(cx.lang, r))
}

/// A RAG rating's tag in its colour, named: "RAG: Amber" (an action's, and an update's).
pub(crate) fn rag_rating(cx: &Ctx, r: Rag) -> Element {
    tag(
        rag_class(r),
        &tf(
            cx.lang,
            "RAG: {rating}",
            &[("rating", rag_word(cx.lang, r))],
        ),
    )
}

fn link(href: &Url, label: Element) -> Element {
    el_class("a", "apt-link")
        .attr("href", href.0.clone())
        .attr("rel", "noopener noreferrer")
        .child(label)
}

/// A horizontal bar for a percentage, drawn in SVG (no inline styles: strict CSP allows it).
pub fn bar(percent: f64, label: &str) -> Element {
    let p = percent.clamp(0.0, 100.0);
    el_class("span", "apt-bar")
        .child(
            svg("svg")
                .attr("viewBox", "0 0 100 10")
                .attr("preserveAspectRatio", "none")
                .attr("aria-hidden", "true")
                .attr("focusable", "false")
                .class("apt-bar__svg")
                .child(
                    svg("rect")
                        .attr("width", "100")
                        .attr("height", "10")
                        .class("apt-bar__track"),
                )
                .child(
                    svg("rect")
                        .attr("width", crate::decimal::fixed(p, 1))
                        .attr("height", "10")
                        .class("apt-bar__fill"),
                ),
        )
        .child(el_class_text("span", "apt-bar__label", label))
}

/// The whole widget for a loaded feed.
pub fn widget(cx: &Ctx, state: &State, index: &Index) -> Element {
    let feed = cx.feed;
    let tabs = el_class("nav", "apt-tabs")
        .attr("aria-label", cx.t("Sections of the plan"))
        .child(
            el_class("ul", "apt-tabs__list").children(View::ALL.iter().map(|&v| {
                let label = view_name(cx.lang, v);
                let mut a = el_class("a", "apt-tabs__tab")
                    .attr("href", cx.href(state, &format!("view:{}", v.word())))
                    .attr("data-act", format!("view:{}", v.word()));
                if v == state.view {
                    a = a.attr("aria-current", "page");
                }
                el_class("li", "apt-tabs__item").child(a.text(label))
            })),
        );
    let body = match state.view {
        View::Overview => overview(cx),
        View::Actions => actions(cx, state, index),
        View::Findings => findings(cx),
        View::Indicators => indicators(cx),
    };
    el_class("div", "apt")
        .attr("lang", cx.lang.code())
        .child(header(cx))
        .child(tabs)
        .child(
            el_class("section", "apt-view")
                .attr("aria-labelledby", "apt-view-heading")
                .child(
                    el_class("h3", "apt-h3")
                        .attr("id", "apt-view-heading")
                        .attr("tabindex", "-1")
                        .text(view_name(cx.lang, state.view)),
                )
                .child(body),
        )
        .child_opt(
            (feed.actions.is_empty() && state.view == View::Actions)
                .then(|| el_text("p", cx.t("This plan has no actions yet."))),
        )
}

/// The name of a view, as on its tab.
pub fn view_name(lang: Lang, v: View) -> &'static str {
    t(
        lang,
        match v {
            View::Overview => "Overview",
            View::Actions => "Actions",
            View::Findings => "Findings",
            View::Indicators => "Indicators",
        },
    )
}

fn summary_row(key: &str, value: Element) -> Element {
    el_class("div", "apt-summary-list__row")
        .child(el_class_text("dt", "apt-summary-list__key", key))
        .child(el_class("dd", "apt-summary-list__value").child(value))
}

/// An element id for feed id `id`: letters, digits and `-` kept, every other byte `_` and
/// two hex digits (`_` itself too), so distinct ids never share an element id (`a%41` and
/// `a_2541` did).
fn dom_id(prefix: &str, id: &str) -> String {
    let mut out = format!("{prefix}-");
    for b in id.bytes() {
        if b.is_ascii_alphanumeric() || b == b'-' {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("_{b:02x}"));
        }
    }
    out
}

/// Every view one after another, for the static page and committee papers: the overview,
/// every action opened, the findings and the indicators. Needs no JavaScript.
pub fn document_body(cx: &Ctx) -> Element {
    let state = State::default();
    let index = Index::new(cx.feed);
    let section = |v: View, body: Element| {
        let id = format!("apt-{}", v.word());
        el_class("section", "apt-view apt-view--static")
            .attr("aria-labelledby", id.clone())
            .child(
                el_class("h3", "apt-h3")
                    .attr("id", id)
                    .text(view_name(cx.lang, v)),
            )
            .child(body)
    };
    let contents = el_class("nav", "apt-contents")
        .attr("aria-label", cx.t("Contents"))
        .child(
            el_class("ul", "apt-list").children(View::ALL.iter().map(|&v| {
                el("li").child(
                    el_class("a", "apt-link")
                        .attr("href", format!("#apt-{}", v.word()))
                        .text(view_name(cx.lang, v)),
                )
            })),
        );
    el_class("div", "apt apt--static")
        .attr("lang", cx.lang.code())
        .child(header(cx))
        .child(contents)
        .child(section(View::Overview, overview(cx)))
        .child(section(View::Actions, actions(cx, &state, &index)))
        .child(section(View::Findings, findings(cx)))
        .child(section(View::Indicators, indicators(cx)))
}
