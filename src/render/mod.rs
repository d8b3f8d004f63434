//! The render layer: views and charts as a tree of markup data, in the reader's language.
//!
//! [`view`] turns a feed, its summary and the reader's state into a [`markup::Node`] tree;
//! [`chart`] draws the SVG charts with their descriptions and tables; [`i18n`] holds every
//! interface string in English and Welsh; [`words`] the words for the feed's own enums. The tree
//! is data: the browser layer patches it into the DOM and the publishing layer serialises it,
//! so both show the same thing. Nothing here touches the DOM.

pub mod chart;
pub mod i18n;
pub mod markup;
pub mod report;
pub mod table;
pub mod view;
pub mod words;

/// The widget's stylesheet (shadow root and static page alike): src/render/style.css and
/// chart.css, minified by build.rs.
pub const STYLE: &str = include_str!(concat!(env!("OUT_DIR"), "/style.css"));
