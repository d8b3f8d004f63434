//! The package's functions (docs/api.md): `validate()`, `summarise()` and `render()`, and what
//! `npx action-plan-tracker` needs to say what the command line says. Each reads a feed given
//! as its text or its bytes exactly as the command line reads a file.

use super::to_js;
use crate::date::Date;
use crate::i18n::Lang;
use crate::summary::Summary;
use crate::validate::{self, Problem};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The report on a feed given as its JSON text (a string) or the bytes of its file (a
/// `Uint8Array`, e.g. Node's `readFileSync(path)`). Both are checked exactly as the command
/// line checks a file (text as its UTF-8 bytes), so an empty text gets the same message too.
fn report_of(feed: &JsValue, what: &str) -> Result<validate::Report, JsError> {
    if let Some(text) = feed.dyn_ref::<js_sys::JsString>() {
        // Written into wasm memory by `encodeInto` (the glue's string copy goes a character
        // at a time in JavaScript: 17% of `validate()` at 10,000 actions).
        Ok(validate::check(&crate::web::tracker::utf8_of(text)))
    } else if let Some(bytes) = feed.dyn_ref::<js_sys::Uint8Array>() {
        Ok(validate::check(&bytes.to_vec()))
    } else {
        Err(JsError::new(&format!(
            "{what}() takes the feed's JSON text (a string) or its bytes (a Uint8Array)"
        )))
    }
}

/// The date `since` names, if given; else an `Error` from `what()` with the command line's
/// usage message for `--since`.
fn since_of(since: Option<String>, what: &str) -> Result<Option<Date>, JsError> {
    since
        .map(|t| {
            Date::parse(&t)
                .map_err(|_| JsError::new(&format!("{what}(): {}", crate::cli::since_usage(&t))))
        })
        .transpose()
}

/// `validate(feed)`: `{ ok, errors: [{path, line, column, message}], warnings: [...] }`.
#[wasm_bindgen]
pub fn validate(feed: JsValue) -> Result<JsValue, JsError> {
    let report = report_of(&feed, "validate")?;
    to_js(&validate::JsonReport::of(&report))
}

/// `summarise(feed)`: the summary of `embedding.md`, or a thrown `Error` saying why not.
#[wasm_bindgen]
pub fn summarise(feed: JsValue, since: Option<String>) -> Result<JsValue, JsError> {
    let since = since_of(since, "summarise")?;
    let report = report_of(&feed, "summarise")?;
    match (Summary::of_report(&report), &report.feed) {
        (Some(s), Some(f)) => to_js(&s.with_since(f, since)),
        _ => {
            let why: Vec<String> = report
                .problems
                .iter()
                .map(|p| format!("line {}, column {}: {}", p.line, p.column, p.message))
                .collect();
            Err(JsError::new(&format!(
                "the feed cannot be read: {}",
                why.join("; ")
            )))
        }
    }
}

/// `renderStaticPage(feed, lang, full)`: the whole plan as one self-contained HTML page without
/// JavaScript, in `lang` (`"cy"` for Welsh, else English), exactly as `action-plan-tracker
/// render` writes it; printed, the committee report, with every action's details when `full`
/// (`render --full`); the package's `render()`. Throws an `Error` saying why when the feed
/// cannot be shown at all.
#[wasm_bindgen(js_name = renderStaticPage)]
pub fn render_static_page(
    feed: JsValue,
    lang: &str,
    since: Option<String>,
    full: bool,
) -> Result<String, JsError> {
    let since = since_of(since, "render")?;
    let report = report_of(&feed, "render")?;
    crate::page::render_since(&report, Lang::from_code(lang), since, full).ok_or_else(|| {
        let why = report
            .problems
            .first()
            .map_or("it is not a feed", |p| p.message.as_str());
        JsError::new(&format!("the feed cannot be shown: {why}"))
    })
}

/// What `npx action-plan-tracker` (the package's `bin`) needs to print what the command line
/// prints about a file: its problems in the order the command line lists them (`validate()`
/// splits them into errors and warnings), and the summary, absent when the file cannot be read
/// as a feed.
#[derive(serde::Serialize)]
struct FileCheck<'a> {
    problems: &'a [Problem],
    summary: Option<Summary>,
    /// The command line's usage message when `--since` is not before the feed's `as_of`.
    since_too_late: Option<String>,
}

/// `sinceUsage(text)`: the command line's usage message when `--since TEXT` is not a date,
/// else `undefined`; so that `npx` says what the command line says, before reading a file.
#[wasm_bindgen(js_name = sinceUsage)]
pub fn since_usage(text: &str) -> Option<String> {
    Date::parse(text)
        .is_err()
        .then(|| crate::cli::since_usage(text))
}

/// `cliCheck(bytes, since)`: a file's bytes checked exactly as the command line checks them,
/// with the summary's changes since `since` (a date `sinceUsage` accepted) when given.
#[wasm_bindgen(js_name = cliCheck)]
pub fn cli_check(bytes: &[u8], since: Option<String>) -> Result<JsValue, JsError> {
    let report = validate::check(bytes);
    let since = since.and_then(|t| Date::parse(&t).ok());
    let (summary, since_too_late) = match (Summary::of_report(&report), &report.feed) {
        (Some(s), Some(f)) => match since.filter(|&d| d >= f.as_of) {
            Some(d) => (None, Some(crate::cli::since_too_late(d, f.as_of))),
            None => (Some(s.with_since(f, since)), None),
        },
        _ => (None, None),
    };
    to_js(&FileCheck {
        problems: &report.problems,
        summary,
        since_too_late,
    })
}
