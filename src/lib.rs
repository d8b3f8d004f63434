//! action-plan-tracker: a council's inspection findings, improvement plan and indicators,
//! from one JSON feed, for the browser (WebAssembly) and the command line.

pub mod date;
pub mod feed;
pub mod i18n;
pub mod json;
pub mod validate;
