//! action-plan-tracker: a council's inspection findings, improvement plan and indicators,
//! from one JSON feed, for the browser (WebAssembly) and the command line.
//!
//! The core (`feed`, `validate`, `summary`, ...) knows nothing of the browser or the clock;
//! `web` mounts it into a page, `web_checker` gives the feed checker page its spreadsheet
//! reader and page writer, and `cli` serves the command line.

pub mod changes;
pub mod chart;
pub mod cli;
pub mod csv;
pub mod date;
pub mod feed;
pub mod filter;
pub mod i18n;
pub mod json;
pub mod markup;
pub mod page;
#[cfg(any(not(target_arch = "wasm32"), feature = "checker"))]
pub mod sheet;
pub mod sort;
pub mod summary;
pub mod validate;
pub mod view;
#[cfg(all(target_arch = "wasm32", feature = "widget"))]
pub mod web;
#[cfg(all(target_arch = "wasm32", feature = "checker"))]
pub mod web_checker;
