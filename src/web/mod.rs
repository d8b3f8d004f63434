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

use wasm_bindgen::{JsError, JsValue};

/// A Rust value as a plain JavaScript object, for both modules' exports and the tracker's
/// events: its JSON text, given to `JSON.parse`. Smaller in the wasm than building the object
/// by a call into JavaScript per field (as serde-wasm-bindgen does): each field is then a few
/// bytes written into a buffer.
pub(crate) fn to_js<T: serde::Serialize>(v: &T) -> Result<JsValue, JsError> {
    let mut text = Vec::new();
    let written = v.serialize(&mut serde_json::Serializer::with_formatter(
        &mut text, Numbers,
    ));
    // Nothing here fails (every value serialises, serde_json writes UTF-8 that `JSON.parse`
    // reads); one message of our own spares the wasm serde_json's error texts.
    let text = written.ok().and_then(|()| String::from_utf8(text).ok());
    text.and_then(|t| js_sys::JSON::parse(&t).ok())
        .ok_or_else(|| JsError::new("a value could not be passed to JavaScript"))
}

/// serde_json's compact JSON with its doubles written by [`crate::decimal::shortest`]: the
/// digits that read back as the same double, which is all `JSON.parse` needs, without the
/// float printer serde_json would otherwise bring into the wasm.
struct Numbers;

impl serde_json::ser::Formatter for Numbers {
    fn write_f64<W: ?Sized + std::io::Write>(&mut self, w: &mut W, x: f64) -> std::io::Result<()> {
        w.write_all(crate::decimal::shortest(x).as_bytes())
    }
}
