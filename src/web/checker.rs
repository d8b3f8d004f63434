//! The feed checker page's own tools (`www/check.html`), so that an officer needs nothing
//! installed to go from the spreadsheet template to a published feed and page:
//!
//! - `readWorkbook` / `readCsvFiles`: a workbook, or the template's CSV files, converted with
//!   the command line's own [`sheet::import`], so the JSON and every problem (by sheet, row
//!   and column, in the validator's words) are exactly what `action-plan-tracker import` gives;
//! - `renderPage`: the page without JavaScript, the command line's `render` ([`page::render_since`]).
//!
//! This is a WebAssembly module of its own (`make checker`, the crate built with
//! `--no-default-features --features checker`): the workbook reader (calamine, with its zip,
//! XML and text-encoding readers) more than doubles the widget's size, so the widget's package
//! never carries it, and the checker page loads this module only when a spreadsheet is opened
//! or a page is asked for. Nothing here touches the page: it takes bytes and text, gives data.

use crate::i18n::Lang;
use crate::page;
use crate::sheet::{self, Import, SheetProblem};
use crate::validate::{self, Severity};
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// What `readWorkbook` and `readCsvFiles` return.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Converted<'a> {
    /// The feed's JSON text, as `import` writes it.
    json: &'a str,
    /// The number of errors: while there are any, `import` writes no feed.
    errors: usize,
    /// The number of warnings.
    warnings: usize,
    /// Every problem, in the order of the sheets and rows.
    problems: Vec<Place<'a>>,
}

/// One problem as the page lists it.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Place<'a> {
    severity: Severity,
    /// "Actions, row 3, column Due" (empty for the whole workbook).
    location: String,
    /// What was found and what was expected.
    message: &'a str,
    /// The sheet (tab name, or CSV file name), when known.
    sheet: Option<&'a str>,
    /// The row as the spreadsheet numbers it, when known.
    row: Option<usize>,
    /// The column's name, when known.
    column: Option<&'a str>,
    /// Line of the place in `json`, when the validator found the problem there.
    json_line: Option<usize>,
    /// Column (in characters) of the place in `json`.
    json_column: Option<usize>,
}

impl<'a> Place<'a> {
    fn of(p: &'a SheetProblem) -> Self {
        Place {
            severity: p.severity,
            location: p.location(),
            message: &p.message,
            sheet: p.sheet.as_deref(),
            row: p.row,
            column: p.column.as_deref(),
            json_line: p.json_at.map(|a| a.0),
            json_column: p.json_at.map(|a| a.1),
        }
    }
}

fn converted(import: &Import) -> Result<JsValue, JsError> {
    let out = Converted {
        json: &import.json,
        errors: import.errors(),
        warnings: import.warnings(),
        problems: import.problems.iter().map(Place::of).collect(),
    };
    super::to_js(&out)
}

/// `readWorkbook(bytes)`: an `.xlsx` (or `.xls`, `.xlsb`, `.ods`) workbook made from the
/// spreadsheet template, converted to the feed: `{ json, errors, warnings, problems }`. Throws
/// an `Error` saying why when the bytes are not a workbook that can be read.
#[wasm_bindgen(js_name = readWorkbook)]
pub fn read_workbook(bytes: &[u8]) -> Result<JsValue, JsError> {
    let wb = sheet::read_workbook_bytes(bytes).map_err(|e| JsError::new(&e))?;
    converted(&sheet::import(&wb))
}

/// `readCsvFiles(names, files)`: the template's CSV files (`plan.csv`, `actions.csv`, …, the
/// bytes of each in `files`, in the same order) converted to the feed, as [`read_workbook`].
#[wasm_bindgen(js_name = readCsvFiles)]
pub fn read_csv_files(
    names: Vec<String>,
    files: Vec<js_sys::Uint8Array>,
) -> Result<JsValue, JsError> {
    if names.len() != files.len() {
        return Err(JsError::new("readCsvFiles needs one name for each file"));
    }
    let files: Vec<(String, Vec<u8>)> = names
        .into_iter()
        .zip(files.iter().map(js_sys::Uint8Array::to_vec))
        .collect();
    let wb = sheet::csv_workbook(&files).map_err(|e| JsError::new(&e))?;
    converted(&sheet::import(&wb))
}

/// `renderPage(jsonText, lang, full)`: the whole plan as one self-contained HTML page without
/// JavaScript, in `lang` (`"cy"` for Welsh, else English), exactly as `action-plan-tracker render` writes
/// it; printed, the committee report, with every action's details as an appendix when `full`
/// (`render --full`). Throws an `Error` saying why when the feed cannot be shown at all.
#[wasm_bindgen(js_name = renderPage)]
pub fn render_page(text: &str, lang: &str, full: bool) -> Result<String, JsError> {
    let lang = Lang::from_code(lang);
    let report = validate::check_text(text);
    page::render_since(&report, lang, None, full).ok_or_else(|| {
        let why = report
            .problems
            .first()
            .map_or("it is not a feed", |p| p.message.as_str());
        JsError::new(&format!("the feed cannot be shown: {why}"))
    })
}
