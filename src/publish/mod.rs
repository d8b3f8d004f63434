//! The publishing layer: what officers and committee papers take away.
//!
//! [`page`] writes the static page (the views as HTML and SVG, no JavaScript), [`csv`] the
//! actions download, [`sheet`] the spreadsheet template's import and export. They reuse the
//! render layer's views and words, so a printed page says what the widget says.

pub mod csv;
pub mod page;
#[cfg(any(not(target_arch = "wasm32"), feature = "checker"))]
pub mod sheet;
