//! The spreadsheet template: a feed as the workbook a performance officer keeps in Excel (or
//! a folder of CSV files, one per sheet), and back again. See `docs/spreadsheet-template.md`.
//!
//! One sheet per list of the feed ([`sheets`]); the columns are the feed's keys. A text
//! column `title` holds plain text, `title_en` and `title_cy` hold English and Welsh. A child
//! row names its parent's id in a link column (a milestone's `action`, a judgement's
//! `inspection`, a value's `indicator`); lists of references are ids separated by commas.
//!
//! [`import()`] turns the rows into feed JSON with typed cells (numbers, dates as `YYYY-MM-DD`,
//! lists) and checks it with [`validate::check_text`](crate::validate::check_text), so a
//! spreadsheet's problems are worded exactly as a JSON feed's; each problem's JSON path
//! (`actions[13].due`) is mapped back to the sheet, row and column its value came from
//! ("actions, row 15, column due"). Excel's date cells, serial day numbers and `DD/MM/YYYY`
//! text are all read as dates.
//!
//! [`workbook_of`] lays a checked feed out as the template; [`to_xlsx`] and [`to_csv`] write
//! it. Dates are real Excel dates shown `dd/mm/yyyy`; ids and periods are text cells, so Excel
//! never turns action "1.10" into the number 1.1.
//!
//! The command line has all of it. The feed checker page's WebAssembly module
//! (`src/web/checker.rs`, feature `checker`) has the reading half: [`read_workbook_bytes`],
//! [`csv_workbook`] and [`import()`]; files and `.xlsx` writing stay native.
//!
//! One file for each step, in the order a spreadsheet goes through them: `template.rs` (the
//! sheets and their columns), `read.rs` and `read_csv.rs` (a workbook or CSV files to cells,
//! within the caps on what is read), `tables.rs` (the template's sheets and columns found in
//! them), `cells.rs` (a cell typed for the feed), `import.rs` (rows to the feed's JSON, kept in
//! the spec's order by `ordered_json.rs`); and back: `export.rs` (a feed to rows), `write.rs`
//! and `write_csv.rs` (rows to an .xlsx workbook and to CSV files). This file has the types
//! they share and the public entry points.

mod cells;
mod export;
mod import;
mod ordered_json;
mod read;
mod read_csv;
mod tables;
mod template;
#[cfg(not(target_arch = "wasm32"))]
mod write;
mod write_csv;

pub use cells::{date_text, excel_serial_date};
pub use export::{difference, empty_template, workbook_of};
pub use import::import;
#[cfg(not(target_arch = "wasm32"))]
pub use read::read;
pub use read::{
    read_workbook_bytes, MAX_AREA, MAX_BYTES, MAX_CELLS, MAX_PART_BYTES, MAX_SHARED_STRINGS,
    MAX_UNZIPPED_BYTES,
};
#[cfg(not(target_arch = "wasm32"))]
pub use read_csv::read_csv_folder;
pub use read_csv::{csv_sheet, csv_workbook};
pub use template::{sheets, text_columns};
#[cfg(not(target_arch = "wasm32"))]
pub use write::to_xlsx;
pub use write_csv::to_csv;
#[cfg(not(target_arch = "wasm32"))]
pub use write_csv::write_csv_folder;

use crate::date::Date;
use crate::validate::{Report, Rule, Severity};
use std::fmt;
use template::sheet_key;

/// One cell as the spreadsheet holds it.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Nothing written.
    Empty,
    /// Text (everything in a CSV file is text).
    Text(String),
    /// A number.
    Number(f64),
    /// TRUE or FALSE.
    Bool(bool),
    /// A cell Excel holds as a date.
    Date(Date),
}

/// One sheet: its name and its rows of cells (the first row holds the column names).
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    /// The tab's name, or the CSV file's name (`actions.csv`).
    pub name: String,
    /// The row number (1 for the first row) of `rows[0]`.
    pub first_row: usize,
    /// The column (0 for A) of each row's first cell.
    pub first_col: usize,
    /// The rows, from the header row down.
    pub rows: Vec<Vec<Cell>>,
}

/// Where a workbook came from: it decides how sheets are named in messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// An .xlsx (or .xls, .xlsb, .ods) workbook.
    Workbook,
    /// A folder of CSV files.
    CsvFolder,
    /// Made in memory (by [`workbook_of`]).
    Memory,
}

/// A spreadsheet: sheets of cells.
#[derive(Debug, Clone)]
pub struct Workbook {
    /// The sheets, in order.
    pub sheets: Vec<Sheet>,
    /// What it was read from.
    pub source: Source,
    /// Problems found while reading it (a CSV file that is not UTF-8, an unclosed quote).
    pub problems: Vec<SheetProblem>,
}

impl Workbook {
    /// The sheet of the template called `name`, if there is one.
    pub fn sheet(&self, name: &str) -> Option<&Sheet> {
        self.sheets
            .iter()
            .find(|s| sheet_key(&s.name, self.source) == name)
    }
}

/// One thing wrong with a spreadsheet, located by sheet, row and column.
#[derive(Debug, Clone, PartialEq)]
pub struct SheetProblem {
    /// Error or warning.
    pub severity: Severity,
    /// The sheet (its tab name, or the CSV file's name); `None` for the whole workbook.
    pub sheet: Option<String>,
    /// The row number as the spreadsheet shows it (the column names are in row 1).
    pub row: Option<usize>,
    /// The column's name.
    pub column: Option<String>,
    /// What was found and what was expected, worded as the JSON validator words it.
    pub message: String,
    /// The validator's rule, when the problem was found by the validator.
    pub rule: Option<Rule>,
    /// The line and column (in characters) of the problem in the imported JSON text, when
    /// the validator found it there: the feed checker page shows that place.
    pub json_at: Option<(usize, usize)>,
    order: (usize, usize, usize),
}

impl SheetProblem {
    /// "actions, row 14, column due" (as much of it as is known).
    pub fn location(&self) -> String {
        let mut parts = Vec::new();
        if let Some(s) = &self.sheet {
            parts.push(s.clone());
        }
        if let Some(r) = self.row {
            parts.push(format!("row {r}"));
        }
        if let Some(c) = &self.column {
            parts.push(format!("column {c}"));
        }
        parts.join(", ")
    }
}

impl fmt::Display for SheetProblem {
    /// "actions, row 14, column due: …".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let at = self.location();
        if at.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{at}: {}", self.message)
        }
    }
}

/// A spreadsheet read as a feed.
#[derive(Debug, Clone)]
pub struct Import {
    /// The feed's JSON text (what `import` writes).
    pub json: String,
    /// The validator's report on that text: the feed model and its problems by JSON path.
    pub report: Report,
    /// Every problem, by sheet, row and column, in the order of the sheets and rows.
    pub problems: Vec<SheetProblem>,
}

impl Import {
    /// The number of errors.
    pub fn errors(&self) -> usize {
        self.problems
            .iter()
            .filter(|p| p.severity == Severity::Error)
            .count()
    }

    /// The number of warnings.
    pub fn warnings(&self) -> usize {
        self.problems.len() - self.errors()
    }
}

/// A column's letter: 0 is A, 26 is AA.
pub fn column_letter(mut i: usize) -> String {
    let mut s = Vec::new();
    loop {
        s.push(b'A' + (i % 26) as u8);
        if i < 26 {
            break;
        }
        i = i / 26 - 1;
    }
    s.reverse();
    String::from_utf8(s).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_letters() {
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(25), "Z");
        assert_eq!(column_letter(26), "AA");
        assert_eq!(column_letter(701), "ZZ");
        assert_eq!(column_letter(702), "AAA");
    }
}
