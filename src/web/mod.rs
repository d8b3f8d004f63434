//! The browser layer: the two WebAssembly modules' exports, and the JavaScript shell in `js/`.
//!
//! [`tracker`] is the widget (the npm package): it mounts the render layer's tree into a shadow
//! root and keeps the reader's state; [`api`] is the package's functions (`validate()`,
//! `summarise()`, `render()`, npx's checks). [`checker`] is the feed checker page's lazily
//! loaded module (spreadsheets in, static page out). Each is compiled only into its own module.

#[cfg(feature = "widget")]
pub mod api;
#[cfg(feature = "checker")]
pub mod checker;
#[cfg(feature = "widget")]
pub mod tracker;
