//! action-plan-tracker: a council's inspection findings, improvement plan and indicators,
//! from one JSON feed, for the browser (WebAssembly) and the command line.
//!
//! The crate is layered; each layer imports only those before it (docs/architecture.md):
//!
//! - [`model`]: bytes to a typed feed and a report of problems (json, date, lang, feed,
//!   validate);
//! - [`derive`]: figures and selections from the feed (summary, filter);
//! - [`render`]: views and charts as markup data, in English and Welsh (view, chart, i18n);
//! - [`publish`]: the static page, the CSV download, the spreadsheet template;
//! - `web` (wasm32 only): the widget's and the checker page's exports; [`cli`]: the command line.
//!
//! Nothing below `web` knows of the browser, and nothing reads the clock.

pub mod cli;
pub mod derive;
pub mod model;
pub mod publish;
pub mod render;
#[cfg(target_arch = "wasm32")]
pub mod web;

// The modules by their short names, as tests/, fuzz/ and the layers' own code name them.
pub use derive::{changes, filter, relations, summary};
pub use model::{case, date, decimal, feed, json, lang, sort, validate};
#[cfg(any(not(target_arch = "wasm32"), feature = "checker"))]
pub use publish::sheet;
pub use publish::{csv, page};
pub use render::{chart, i18n, markup, report, table, view, words};

// The wasm's allocator: Talc, not the standard library's dlmalloc: kilobytes less wasm. In
// Node, validate() and the static page of 10,000 and 50,000 actions take about as long and as
// much memory as with dlmalloc. The module is single-threaded.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
