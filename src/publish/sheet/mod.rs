//! The spreadsheet template: a feed as the workbook a performance officer keeps in Excel (or
//! a folder of CSV files, one per sheet), and back again. See `docs/spreadsheet-template.md`.
//!
//! One sheet per list of the feed ([`sheets`]); the columns are the feed's keys. A text
//! column `title` holds plain text, `title_en` and `title_cy` hold English and Welsh. A child
//! row names its parent's id in a link column (a milestone's `action`, a judgement's
//! `inspection`, a value's `indicator`); lists of references are ids separated by commas.
//!
//! [`import`] turns the rows into feed JSON with typed cells (numbers, dates as `YYYY-MM-DD`,
//! lists) and checks it with [`validate::check_text`], so a spreadsheet's problems are worded
//! exactly as a JSON feed's; each problem's JSON path (`actions[13].due`) is mapped back to
//! the sheet, row and column its value came from ("actions, row 15, column due"). Excel's
//! date cells, serial day numbers and `DD/MM/YYYY` text are all read as dates.
//!
//! [`workbook_of`] lays a checked feed out as the template; [`to_xlsx`] and [`to_csv`] write
//! it. Dates are real Excel dates shown `dd/mm/yyyy`; ids and periods are text cells, so Excel
//! never turns action "1.10" into the number 1.1.
//!
//! The command line has all of it. The feed checker page's WebAssembly module
//! (`src/web/checker.rs`, feature `checker`) has the reading half: [`read_workbook_bytes`],
//! [`csv_workbook`] and [`import`]; files and `.xlsx` writing stay native.

use crate::csv::{self, unguard};
use crate::date::Date;
use crate::feed::{
    Area, Feed, FindingKind, Grade, InspectionType, Inspectorate, PlanStatus, Polarity, Rag,
    Status, Text, Unit, Url,
};
use crate::i18n::Lang;
use crate::validate::{self, closest, quote, Report, Rule, Severity};
use std::collections::HashMap;
use std::fmt;
#[cfg(not(target_arch = "wasm32"))]
use std::path::Path;

/// The largest workbook (or CSV file) read: 64 MiB.
pub const MAX_BYTES: u64 = 64 * 1024 * 1024;

/// The most one part of a workbook (a sheet's XML, the shared strings) may inflate to: a
/// 64 MiB zip can hold parts of many gigabytes, and the checker page reads it in the officer's
/// browser.
pub const MAX_PART_BYTES: u64 = 128 * 1024 * 1024;
/// The most all of a workbook's parts may inflate to together.
pub const MAX_UNZIPPED_BYTES: u64 = 256 * 1024 * 1024;
/// The most filled cells read from one sheet.
pub const MAX_CELLS: u64 = 2_000_000;
/// The most cells in the rectangle from a sheet's first filled cell to its last: the reader
/// makes a grid of it (cells A1 and XFD1048576 alone would make 17 billion).
pub const MAX_AREA: u64 = 4_000_000;
/// The most shared strings (distinct texts) a workbook may have.
pub const MAX_SHARED_STRINGS: u64 = 2_000_000;

// ---------------------------------------------------------------------------------------------
// The template

/// What a column holds, and so how its cells are typed.
#[derive(Clone, Copy)]
enum Kind {
    /// Text that is not shown to readers (an e-mail address, the plan's reference).
    Str,
    /// `schema_version`: `1.0` even when Excel made it the number 1.
    Version,
    /// The row's own id.
    Id,
    /// The id of an item in another sheet.
    Ref,
    /// Ids of items in another sheet, separated by commas.
    Refs,
    /// Text shown to readers: `name`, or `name_en` and `name_cy`.
    Text,
    /// A date.
    Date,
    /// An indicator period: `2019-03-31`, `2019-03`, `2019-Q1` or `2018/19`.
    Period,
    /// A number.
    Number,
    /// TRUE or FALSE.
    Bool,
    /// A web address.
    Url,
    /// One of the feed's words.
    Enum(fn() -> Vec<&'static str>),
}

struct Col {
    /// The column's name (for text, the plain column; `_en` and `_cy` are added).
    name: &'static str,
    kind: Kind,
    /// Where the value goes in the row's JSON object.
    dest: &'static [&'static str],
}

macro_rules! col {
    ($name:literal, $kind:expr) => {
        Col {
            name: $name,
            kind: $kind,
            dest: &[$name],
        }
    };
    ($name:literal, $kind:expr, [$($d:literal),+]) => {
        Col {
            name: $name,
            kind: $kind,
            dest: &[$($d),+],
        }
    };
}

#[derive(Clone, Copy)]
enum Place {
    /// The one row of the plan sheet: the feed's own keys, `publisher` and `plan`.
    Plan,
    /// Each row is an item of this top-level list.
    List(&'static str),
    /// Each row is an item of the list `key` inside the item of sheet `parent` whose id is
    /// in this sheet's first column.
    Child { parent: usize, key: &'static str },
}

struct SheetDef {
    name: &'static str,
    /// One row of the sheet, as the validator names it.
    noun: &'static str,
    place: Place,
    cols: &'static [Col],
}

const PLAN: usize = 0;
const INSPECTIONS: usize = 1;
const JUDGEMENTS: usize = 2;
const FINDINGS: usize = 3;
const PRIORITIES: usize = 4;
const ACTIONS: usize = 5;
const SUCCESS_MEASURES: usize = 6;
const MILESTONES: usize = 7;
const UPDATES: usize = 8;
const EVIDENCE: usize = 9;
const INDICATORS: usize = 10;
const COMPARATORS: usize = 11;
const VALUES: usize = 12;
const BREAKDOWN: usize = 13;
const MEETINGS: usize = 14;
const FOLLOW_UPS: usize = 15;

fn words<E: Copy>(all: &[E], word: fn(E) -> &'static str) -> Vec<&'static str> {
    all.iter().map(|&e| word(e)).collect()
}
fn inspectorates() -> Vec<&'static str> {
    words(Inspectorate::ALL, Inspectorate::word)
}
fn inspection_types() -> Vec<&'static str> {
    words(InspectionType::ALL, InspectionType::word)
}
fn areas() -> Vec<&'static str> {
    words(Area::ALL, Area::word)
}
fn grades() -> Vec<&'static str> {
    words(Grade::ALL, Grade::word)
}
fn finding_kinds() -> Vec<&'static str> {
    words(FindingKind::ALL, FindingKind::word)
}
fn statuses() -> Vec<&'static str> {
    words(Status::ALL, Status::word)
}
fn rags() -> Vec<&'static str> {
    words(Rag::ALL, Rag::word)
}
fn units() -> Vec<&'static str> {
    words(Unit::ALL, Unit::word)
}
fn polarities() -> Vec<&'static str> {
    words(Polarity::ALL, Polarity::word)
}
fn plan_statuses() -> Vec<&'static str> {
    words(PlanStatus::ALL, PlanStatus::word)
}

use Kind as K;

static SHEETS: [SheetDef; 16] = [
    SheetDef {
        name: "plan",
        noun: "plan",
        place: Place::Plan,
        cols: &[
            col!("schema_version", K::Version),
            col!("as_of", K::Date),
            col!("published", K::Date),
            col!("publisher_name", K::Text, ["publisher", "name"]),
            col!("publisher_url", K::Url, ["publisher", "url"]),
            col!(
                "publisher_contact_email",
                K::Str,
                ["publisher", "contact_email"]
            ),
            col!("id", K::Str, ["plan", "id"]),
            col!("title", K::Text, ["plan", "title"]),
            col!("summary", K::Text, ["plan", "summary"]),
            col!("approved", K::Date, ["plan", "approved"]),
            col!("approved_by", K::Text, ["plan", "approved_by"]),
            col!("next_review", K::Date, ["plan", "next_review"]),
            col!("url", K::Url, ["plan", "url"]),
            col!("rag_red", K::Text, ["plan", "rag_definitions", "red"]),
            col!("rag_amber", K::Text, ["plan", "rag_definitions", "amber"]),
            col!("rag_green", K::Text, ["plan", "rag_definitions", "green"]),
            col!("rag_blue", K::Text, ["plan", "rag_definitions", "blue"]),
            col!("status", K::Enum(plan_statuses), ["plan", "status"]),
            col!("submit_by", K::Date, ["plan", "submit_by"]),
            col!("submitted", K::Date, ["plan", "submitted"]),
        ],
    },
    SheetDef {
        name: "inspections",
        noun: "inspection",
        place: Place::List("inspections"),
        cols: &[
            col!("id", K::Id),
            col!("inspectorate", K::Enum(inspectorates)),
            col!("type", K::Enum(inspection_types)),
            col!("title", K::Text),
            col!("start", K::Date),
            col!("end", K::Date),
            col!("published", K::Date),
            col!("report_url", K::Url),
            col!("summary", K::Text),
        ],
    },
    SheetDef {
        name: "judgements",
        noun: "judgement",
        place: Place::Child {
            parent: INSPECTIONS,
            key: "judgements",
        },
        cols: &[
            col!("inspection", K::Ref),
            col!("area", K::Enum(areas)),
            col!("grade", K::Enum(grades)),
            col!("label", K::Text),
        ],
    },
    SheetDef {
        name: "findings",
        noun: "finding",
        place: Place::List("findings"),
        cols: &[
            col!("id", K::Id),
            col!("inspection", K::Ref),
            col!("kind", K::Enum(finding_kinds)),
            col!("area", K::Enum(areas)),
            col!("text", K::Text),
            col!("response", K::Text),
        ],
    },
    SheetDef {
        name: "priorities",
        noun: "priority",
        place: Place::List("priorities"),
        cols: &[
            col!("id", K::Id),
            col!("title", K::Text),
            col!("description", K::Text),
            col!("lead", K::Text),
            col!("findings", K::Refs),
        ],
    },
    SheetDef {
        name: "actions",
        noun: "action",
        place: Place::List("actions"),
        cols: &[
            col!("id", K::Id),
            col!("priority", K::Ref),
            col!("parent", K::Ref),
            col!("title", K::Text),
            col!("description", K::Text),
            col!("findings", K::Refs),
            col!("lead", K::Text),
            col!("team", K::Text),
            col!("start", K::Date),
            col!("added", K::Date),
            col!("due", K::Date),
            col!("revised_due", K::Date),
            col!("completed", K::Date),
            col!("status", K::Enum(statuses)),
            col!("rag", K::Enum(rags)),
            col!("progress", K::Number),
            col!("indicators", K::Refs),
            col!("signed_off", K::Date),
            col!("number", K::Str),
            col!("recurrence", K::Text),
        ],
    },
    SheetDef {
        name: "success_measures",
        noun: "success measure",
        place: Place::Child {
            parent: ACTIONS,
            key: "success_measures",
        },
        cols: &[col!("action", K::Ref), col!("text", K::Text)],
    },
    SheetDef {
        name: "milestones",
        noun: "milestone",
        place: Place::Child {
            parent: ACTIONS,
            key: "milestones",
        },
        cols: &[
            col!("action", K::Ref),
            col!("title", K::Text),
            col!("due", K::Date),
            col!("completed", K::Date),
        ],
    },
    SheetDef {
        name: "updates",
        noun: "update",
        place: Place::Child {
            parent: ACTIONS,
            key: "updates",
        },
        cols: &[
            col!("action", K::Ref),
            col!("date", K::Date),
            col!("text", K::Text),
            col!("status", K::Enum(statuses)),
            col!("rag", K::Enum(rags)),
            col!("progress", K::Number),
            col!("revised_due", K::Date),
            col!("meeting", K::Ref),
        ],
    },
    SheetDef {
        name: "evidence",
        noun: "piece of evidence",
        place: Place::Child {
            parent: ACTIONS,
            key: "evidence",
        },
        cols: &[
            col!("action", K::Ref),
            col!("text", K::Text),
            col!("url", K::Url),
        ],
    },
    SheetDef {
        name: "indicators",
        noun: "indicator",
        place: Place::List("indicators"),
        cols: &[
            col!("id", K::Id),
            col!("name", K::Text),
            col!("unit", K::Enum(units)),
            col!("polarity", K::Enum(polarities)),
            col!("target_value", K::Number, ["target", "value"]),
            col!("target_by", K::Date, ["target", "by"]),
            col!("source", K::Text),
            col!("description", K::Text),
        ],
    },
    SheetDef {
        name: "comparators",
        noun: "comparator",
        place: Place::Child {
            parent: INDICATORS,
            key: "comparators",
        },
        cols: &[col!("indicator", K::Ref), col!("name", K::Text)],
    },
    SheetDef {
        name: "values",
        noun: "value",
        place: Place::Child {
            parent: INDICATORS,
            key: "values",
        },
        cols: &[
            col!("indicator", K::Ref),
            col!("comparator", K::Str),
            col!("period", K::Period),
            col!("value", K::Number),
            col!("suppressed", K::Bool),
            col!("note", K::Text),
            col!("approximate", K::Bool),
        ],
    },
    SheetDef {
        name: "breakdown",
        noun: "part of a breakdown",
        place: Place::Child {
            parent: INDICATORS,
            key: "breakdown",
        },
        cols: &[
            col!("indicator", K::Ref),
            col!("comparator", K::Str),
            col!("period", K::Period),
            col!("label", K::Text),
            col!("value", K::Number),
            col!("suppressed", K::Bool),
        ],
    },
    SheetDef {
        name: "meetings",
        noun: "meeting",
        place: Place::List("meetings"),
        cols: &[
            col!("id", K::Id),
            col!("date", K::Date),
            col!("body", K::Text),
            col!("title", K::Text),
            col!("url", K::Url),
            col!("outcome", K::Text),
        ],
    },
    SheetDef {
        name: "follow_ups",
        noun: "follow-up",
        place: Place::Child {
            parent: MEETINGS,
            key: "follow_ups",
        },
        cols: &[
            col!("meeting", K::Ref),
            col!("text", K::Text),
            col!("lead", K::Text),
            col!("due", K::Date),
            col!("done", K::Date),
        ],
    },
];

/// The template's sheets in order, each with its columns (text columns by their plain name;
/// `NAME_en` and `NAME_cy` are accepted for each of those listed by [`text_columns`]).
pub fn sheets() -> Vec<(&'static str, Vec<&'static str>)> {
    SHEETS
        .iter()
        .map(|d| (d.name, d.cols.iter().map(|c| c.name).collect()))
        .collect()
}

/// The text columns of `sheet`: those that also come as `NAME_en` and `NAME_cy`.
pub fn text_columns(sheet: &str) -> Vec<&'static str> {
    SHEETS
        .iter()
        .filter(|d| d.name == sheet)
        .flat_map(|d| d.cols.iter())
        .filter(|c| matches!(c.kind, K::Text))
        .map(|c| c.name)
        .collect()
}

/// The plain, English and Welsh forms of a text column.
const VARIANTS: [&str; 3] = ["", "_en", "_cy"];

/// The template column (and text variant) a header names.
fn lookup(def: &SheetDef, header: &str) -> Option<(usize, usize)> {
    def.cols.iter().enumerate().find_map(|(ci, c)| {
        if header == c.name {
            return Some((ci, 0));
        }
        if matches!(c.kind, K::Text) {
            let rest = header.strip_prefix(c.name)?;
            return VARIANTS
                .iter()
                .position(|v| !v.is_empty() && rest == *v)
                .map(|v| (ci, v));
        }
        None
    })
}

fn column_names(def: &SheetDef) -> Vec<String> {
    let mut out = Vec::new();
    for c in def.cols {
        out.push(c.name.to_string());
        if matches!(c.kind, K::Text) {
            out.push(format!("{}_en", c.name));
            out.push(format!("{}_cy", c.name));
        }
    }
    out
}

/// The kind of a column of a template sheet, by its header.
#[cfg(not(target_arch = "wasm32"))]
fn kind_of(sheet: &str, header: &str) -> Option<Kind> {
    let def = SHEETS.iter().find(|d| d.name == sheet)?;
    lookup(def, &norm(header)).map(|(ci, _)| def.cols[ci].kind)
}

// ---------------------------------------------------------------------------------------------
// Workbooks

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

/// A sheet's name as matched against the template: trimmed, lower case, `_` for spaces,
/// without `.csv` for a CSV file.
fn sheet_key(name: &str, source: Source) -> String {
    let n = norm(name);
    match source {
        Source::CsvFolder => n.strip_suffix(".csv").map_or(n.clone(), str::to_string),
        _ => n,
    }
}

fn norm(s: &str) -> String {
    s.trim().to_lowercase().replace([' ', '-'], "_")
}

// ---------------------------------------------------------------------------------------------
// Problems

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

// ---------------------------------------------------------------------------------------------
// An ordered JSON value: the feed text is written in the order of the spec

#[derive(Debug, Clone, PartialEq)]
enum J {
    Null,
    Bool(bool),
    Num(f64),
    Str(String),
    Arr(Vec<J>),
    Obj(Vec<(String, J)>),
}

impl J {
    fn get(&self, key: &str) -> Option<&J> {
        match self {
            J::Obj(m) => m.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The member `key` of an object, added (as `empty`) if missing.
    fn entry(&mut self, key: &str, empty: J) -> &mut J {
        if !matches!(self, J::Obj(_)) {
            *self = J::Obj(Vec::new());
        }
        let J::Obj(m) = self else {
            unreachable!("made an object above")
        };
        let i = match m.iter().position(|(k, _)| k == key) {
            Some(i) => i,
            None => {
                m.push((key.to_string(), empty));
                m.len() - 1
            }
        };
        &mut m[i].1
    }

    /// Sets the value at a path of keys, making objects on the way.
    fn set(&mut self, path: &[&str], v: J) {
        match path {
            [] => *self = v,
            [k, rest @ ..] => self.entry(k, J::Obj(Vec::new())).set(rest, v),
        }
    }

    /// Appends to the list `key` of an object; returns the new item's index.
    fn push(&mut self, key: &str, v: J) -> usize {
        let list = self.entry(key, J::Arr(Vec::new()));
        if !matches!(list, J::Arr(_)) {
            *list = J::Arr(Vec::new());
        }
        match list {
            J::Arr(a) => {
                a.push(v);
                a.len() - 1
            }
            _ => 0,
        }
    }

    fn item_mut(&mut self, list: &str, i: usize) -> Option<&mut J> {
        match self {
            J::Obj(m) => match m.iter_mut().find(|(k, _)| k == list) {
                Some((_, J::Arr(a))) => a.get_mut(i),
                _ => None,
            },
            _ => None,
        }
    }

    fn len(&self, key: &str) -> usize {
        match self.get(key) {
            Some(J::Arr(a)) => a.len(),
            _ => 0,
        }
    }
}

/// Puts every object's keys in the order `feed-v1.md` lists them.
fn order(j: &mut J, def: &str) {
    let keys = validate::KEYS
        .iter()
        .find(|(d, _)| *d == def)
        .map_or(&[][..], |(_, k)| *k);
    if let J::Obj(m) = j {
        m.sort_by_key(|(k, _)| {
            keys.iter()
                .position(|x| *x == k.as_str())
                .unwrap_or(usize::MAX)
        });
        for (k, v) in m.iter_mut() {
            let inner = nested_def(def, k);
            match v {
                J::Obj(_) => order(v, inner),
                J::Arr(items) => items.iter_mut().for_each(|i| order(i, inner)),
                _ => {}
            }
        }
    }
}

fn nested_def(def: &str, key: &str) -> &'static str {
    match (def, key) {
        ("Feed", "publisher") => "Publisher",
        ("Feed", "plan") => "Plan",
        ("Feed", "inspections") => "Inspection",
        ("Feed", "findings") => "Finding",
        ("Feed", "priorities") => "Priority",
        ("Feed", "actions") => "Action",
        ("Feed", "indicators") => "Indicator",
        ("Feed", "meetings") => "Meeting",
        ("Plan", "rag_definitions") => "RagDefinitions",
        ("Inspection", "judgements") => "Judgement",
        ("Action", "milestones") => "Milestone",
        ("Action", "updates") => "Update",
        ("Action", "evidence") => "Evidence",
        ("Indicator", "target") => "Target",
        ("Indicator", "comparators") => "Comparator",
        ("Indicator" | "Comparator", "values") => "Value",
        ("Value", "breakdown") => "Part",
        ("Meeting", "follow_ups") => "FollowUp",
        _ => "Text",
    }
}

/// A number as JSON and CSV write it: `60`, `71.5`.
fn number_text(n: f64) -> String {
    format!("{n}")
}

fn write_json(j: &J, indent: usize, out: &mut String) {
    match j {
        J::Null => out.push_str("null"),
        J::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        J::Num(n) => out.push_str(&number_text(*n)),
        J::Str(s) => out.push_str(&serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into())),
        J::Arr(items) if items.is_empty() => out.push_str("[]"),
        J::Arr(items) if items.iter().all(|i| matches!(i, J::Str(_))) && items.len() <= 8 => {
            out.push('[');
            for (k, i) in items.iter().enumerate() {
                if k > 0 {
                    out.push_str(", ");
                }
                write_json(i, indent, out);
            }
            out.push(']');
        }
        J::Arr(items) => {
            out.push('[');
            for (k, i) in items.iter().enumerate() {
                out.push_str(if k == 0 { "\n" } else { ",\n" });
                out.push_str(&" ".repeat(indent + 2));
                write_json(i, indent + 2, out);
            }
            out.push('\n');
            out.push_str(&" ".repeat(indent));
            out.push(']');
        }
        J::Obj(m) if m.is_empty() => out.push_str("{}"),
        J::Obj(m) => {
            out.push('{');
            for (k, (key, v)) in m.iter().enumerate() {
                out.push_str(if k == 0 { "\n" } else { ",\n" });
                out.push_str(&" ".repeat(indent + 2));
                write_json(&J::Str(key.clone()), 0, out);
                out.push_str(": ");
                write_json(v, indent + 2, out);
            }
            out.push('\n');
            out.push_str(&" ".repeat(indent));
            out.push('}');
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Cells to typed JSON values

/// A cell's text, or `None` when it is empty or only spaces.
fn cell_text(cell: &Cell) -> Option<String> {
    match cell {
        Cell::Empty => None,
        Cell::Text(s) if s.trim().is_empty() => None,
        Cell::Text(s) => Some(s.clone()),
        Cell::Number(n) => Some(number_text(*n)),
        Cell::Bool(b) => Some(if *b { "TRUE" } else { "FALSE" }.into()),
        Cell::Date(d) => Some(d.to_string()),
    }
}

/// The date of an Excel serial day number (1 is 1900-01-01, with Excel's 29 February 1900).
pub fn excel_serial_date(n: f64) -> Option<Date> {
    if !(1.0..2_958_466.0).contains(&n) {
        return None;
    }
    let d = n.floor() as i64;
    match d {
        60 => None,
        // 1899-12-31 is day -25568 from 1970-01-01; after the phantom 29 February, 1899-12-30.
        ..=59 => Some(Date::from_days_since_epoch(d - 25_568)),
        _ => Some(Date::from_days_since_epoch(d - 25_569)),
    }
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// A date typed the ways officers type them, as `YYYY-MM-DD` text for the validator:
/// `31/03/2026`, `31.3.2026`, `2026/03/31`, `31 March 2026`, `31 Mar 2026`, with or without a
/// time after it; (1.1) a month alone, `March 2019`, `Mar 2019` or `03/2019`, as `2019-03`. The text is kept as it was when it is none of these, and a day that does not
/// exist (`31/02/2026`) comes out as `2026-02-31` so the validator says it is not a real date.
/// With `month_first`, `01/31/2026` is 31 January (as some programs save CSV files).
pub fn date_text(s: &str, month_first: bool) -> String {
    let t = s.trim();
    // An ISO date and time, "2026-03-31T00:00:00".
    if t.len() > 10
        && t.is_char_boundary(10)
        && t.as_bytes()[10] == b'T'
        && Date::parse(&t[..10]).is_ok()
    {
        return t[..10].to_string();
    }
    // A time of day after the date: "31/03/2026 00:00", "31/03/2026 00:00:00".
    let t = match t.rsplit_once(' ') {
        Some((d, time))
            if !time.is_empty()
                && time.contains(':')
                && time
                    .chars()
                    .all(|c| c.is_ascii_digit() || c == ':' || c == '.') =>
        {
            d.trim()
        }
        _ => t,
    };
    let digits = |p: &str, n: std::ops::RangeInclusive<usize>| {
        n.contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit())
    };
    let parts: Vec<&str> = t.split(['/', '.', '-']).collect();
    if let [a, b, c] = parts[..] {
        if digits(a, 1..=2) && digits(b, 1..=2) && digits(c, 4..=4) {
            let (d, m) = if month_first { (b, a) } else { (a, b) };
            return format!("{c}-{m:0>2}-{d:0>2}");
        }
        if t.contains('/') && digits(a, 4..=4) && digits(b, 1..=2) && digits(c, 1..=2) {
            return format!("{a}-{b:0>2}-{c:0>2}");
        }
    }
    let parts: Vec<&str> = t.split([' ', '-']).filter(|p| !p.is_empty()).collect();
    // (1.1) A month alone: "March 2019", "Mar 2019", "03/2019".
    if let [m, y] = parts[..] {
        let m = m.trim_end_matches([',', '.']).to_lowercase();
        let month = MONTHS
            .iter()
            .position(|full| m.len() >= 3 && full.starts_with(m.as_str()))
            .filter(|&i| m.len() == 3 || m == MONTHS[i] || (i == 8 && m == "sept"));
        if let (Some(i), true) = (month, digits(y, 4..=4)) {
            return format!("{y}-{:02}", i + 1);
        }
    }
    if let [m, y] = t.split('/').collect::<Vec<_>>()[..] {
        if digits(m, 1..=2) && digits(y, 4..=4) {
            return format!("{y}-{m:0>2}");
        }
    }
    if let [d, m, y] = parts[..] {
        let m = m.trim_end_matches([',', '.']).to_lowercase();
        let month = MONTHS
            .iter()
            .position(|full| m.len() >= 3 && full.starts_with(m.as_str()))
            .filter(|&i| m.len() == 3 || m == MONTHS[i] || (i == 8 && m == "sept"));
        let d = d.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        if let Some(i) = month {
            if digits(d, 1..=2) && digits(y, 4..=4) {
                return format!("{y}-{:02}-{d:0>2}", i + 1);
            }
        }
    }
    t.to_string()
}

/// A number typed as text: `60`, `60%`, `£1,250`, `1,234.5`.
fn number_of(s: &str) -> Option<f64> {
    let t = s.trim();
    let t = t.strip_prefix('£').unwrap_or(t).trim();
    let t = t.strip_suffix('%').unwrap_or(t).trim();
    let plain: String = if t.contains(',') {
        // Only thousands separators: 1,234 or 1,234,567.89.
        let (int, frac) = t.split_once('.').unwrap_or((t, ""));
        let int = int.strip_prefix('-').unwrap_or(int);
        let groups: Vec<&str> = int.split(',').collect();
        let ok = !groups[0].is_empty()
            && groups[0].len() <= 3
            && groups[1..].iter().all(|g| g.len() == 3)
            && groups.iter().all(|g| g.bytes().all(|b| b.is_ascii_digit()))
            && frac.bytes().all(|b| b.is_ascii_digit());
        if !ok {
            return None;
        }
        t.replace(',', "")
    } else {
        t.to_string()
    };
    if plain.is_empty()
        || !plain
            .bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'-' | b'+' | b'e' | b'E'))
    {
        return None;
    }
    plain.parse::<f64>().ok().filter(|n| n.is_finite())
}

/// A word of the feed typed as a person would: "In progress" is `in_progress`.
fn enum_word(s: &str, words: &[&str]) -> String {
    let t = s.trim();
    let mut n = norm(t);
    while n.contains("__") {
        n = n.replace("__", "_");
    }
    if let Some(stem) = n.strip_suffix("_to_be_good") {
        n = stem.to_string();
    }
    if words.contains(&n.as_str()) {
        n
    } else {
        t.to_string()
    }
}

/// The day and month parts of a date written `a/b/yyyy` (or with `.` or `-`).
fn day_month(s: &str) -> Option<(u32, u32)> {
    let t = s.trim();
    let t = t.split_once(' ').map_or(t, |(d, _)| d);
    let mut parts = t.split(['/', '.', '-']);
    let (a, b, c) = (parts.next()?, parts.next()?, parts.next()?);
    let ok =
        |p: &str, n: usize| p.len() <= n && !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
    (parts.next().is_none() && ok(a, 2) && ok(b, 2) && c.len() == 4 && ok(c, 4))
        .then(|| Some((a.parse().ok()?, b.parse().ok()?)))
        .flatten()
}

/// How a workbook's cells are read.
#[derive(Clone, Copy, Default)]
struct How {
    /// From a CSV file: take off the formula guard.
    csv: bool,
    /// Dates like `01/31/2026` are month first.
    month_first: bool,
}

/// The typed JSON value of one cell of a column of `kind` (not text), or `None` when empty.
fn typed(kind: Kind, cell: &Cell, how: How) -> Option<J> {
    let csv = how.csv;
    let raw = cell_text(cell)?;
    let text = || {
        let t = raw.trim();
        if csv {
            unguard(t).to_string()
        } else {
            t.to_string()
        }
    };
    Some(match kind {
        K::Text => J::Str(if csv {
            unguard(&raw).to_string()
        } else {
            raw.clone()
        }),
        K::Str | K::Id | K::Ref | K::Url => J::Str(text()),
        K::Version => match cell {
            // Excel makes "1.0" the number 1 (and a CSV file then says 1).
            Cell::Number(n) if n.fract() == 0.0 && n.abs() < 1e9 => J::Str(format!("{n}.0")),
            _ => {
                let t = text();
                J::Str(
                    if !t.is_empty() && t.len() < 9 && t.bytes().all(|b| b.is_ascii_digit()) {
                        format!("{t}.0")
                    } else {
                        t
                    },
                )
            }
        },
        K::Enum(words) => J::Str(enum_word(&text(), &words())),
        K::Refs => {
            let ids: Vec<J> = text()
                .split(',')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(|s| J::Str(s.to_string()))
                .collect();
            if ids.is_empty() {
                return None;
            }
            J::Arr(ids)
        }
        K::Date => match cell {
            Cell::Date(d) => J::Str(d.to_string()),
            Cell::Number(n) => J::Str(excel_serial_date(*n).map_or(raw.clone(), |d| d.to_string())),
            _ => J::Str(date_text(&text(), how.month_first)),
        },
        K::Period => match cell {
            Cell::Date(d) => J::Str(d.to_string()),
            _ => {
                let t = text();
                let d = date_text(&t, how.month_first);
                J::Str(if Date::parse(&d).is_ok() { d } else { t })
            }
        },
        K::Number => match cell {
            Cell::Number(n) => J::Num(*n),
            Cell::Bool(b) => J::Bool(*b),
            _ => number_of(&raw).map_or_else(|| J::Str(text()), J::Num),
        },
        K::Bool => match cell {
            Cell::Bool(b) => J::Bool(*b),
            Cell::Number(n) if *n == 1.0 || *n == 0.0 => J::Bool(*n == 1.0),
            _ => match text().to_lowercase().as_str() {
                "true" | "yes" | "y" | "1" => J::Bool(true),
                "false" | "no" | "n" | "0" => J::Bool(false),
                _ => J::Str(text()),
            },
        },
    })
}

// ---------------------------------------------------------------------------------------------
// Import

/// Where a value of the feed came from.
#[derive(Debug, Clone)]
struct Loc {
    sheet: usize,
    row: usize,
    col: Option<(usize, String)>,
}

/// A template sheet found in the workbook, its columns matched to the template's.
struct Table<'w> {
    def: usize,
    header_row: usize,
    /// For each template column, where its plain, English and Welsh columns are.
    at: Vec<[Option<usize>; 3]>,
    /// And their names as written in the header row.
    written: Vec<[Option<String>; 3]>,
    /// The rows with something in a template column: row number and cells.
    rows: Vec<(usize, &'w [Cell])>,
}

impl Table<'_> {
    fn cell<'c>(&self, cells: &'c [Cell], ci: usize, variant: usize) -> Option<&'c Cell> {
        self.at[ci][variant].and_then(|j| cells.get(j))
    }

    /// The name of the column a template column's values are read from, as written.
    fn col_name(&self, ci: usize) -> String {
        let w = &self.written[ci];
        w[0].clone()
            .or_else(|| w[1].clone())
            .or_else(|| w[2].clone())
            .unwrap_or_else(|| SHEETS[self.def].cols[ci].name.to_string())
    }

    /// The name of one variant (plain, English, Welsh) of a text column, as written.
    fn variant_name(&self, ci: usize, variant: usize) -> String {
        self.written[ci][variant]
            .clone()
            .unwrap_or_else(|| format!("{}{}", SHEETS[self.def].cols[ci].name, VARIANTS[variant]))
    }
}

struct Builder<'w> {
    wb: &'w Workbook,
    how: How,
    problems: Vec<SheetProblem>,
    locs: HashMap<String, Loc>,
    shown: Vec<String>,
}

impl<'w> Builder<'w> {
    fn problem(
        &mut self,
        severity: Severity,
        sheet: Option<usize>,
        row: Option<usize>,
        col: Option<(usize, String)>,
        message: String,
    ) {
        self.problems.push(SheetProblem {
            severity,
            sheet: sheet.map(|s| self.shown[s].clone()),
            row,
            order: (
                sheet.map_or(0, |s| s + 1),
                row.unwrap_or(0),
                col.as_ref().map_or(0, |c| c.0 + 1),
            ),
            column: col.map(|c| c.1),
            message,
            rule: None,
            json_at: None,
        });
    }

    fn error(&mut self, t: &Table, row: usize, col: Option<(usize, String)>, message: String) {
        self.problem(Severity::Error, Some(t.def), Some(row), col, message);
    }

    fn loc(&mut self, path: String, sheet: usize, row: usize, col: Option<(usize, String)>) {
        self.locs.entry(path).or_insert(Loc { sheet, row, col });
    }

    /// Matches the workbook's sheets to the template's.
    fn tables(&mut self) -> Vec<Option<Table<'w>>> {
        let wb = self.wb;
        let mut found: Vec<Option<&'w Sheet>> = vec![None; SHEETS.len()];
        let mut unknown: Vec<&Sheet> = Vec::new();
        for s in &wb.sheets {
            let key = sheet_key(&s.name, wb.source);
            match SHEETS.iter().position(|d| d.name == key) {
                Some(i) if found[i].is_some() => {
                    let first = found[i].map_or("", |f| f.name.as_str()).to_string();
                    self.problem(
                        Severity::Error,
                        Some(i),
                        None,
                        None,
                        format!(
                            "there are two {} for {}: {} and {}; only the first is read, so delete or rename the other",
                            self.things(),
                            quote(SHEETS[i].name),
                            quote(&first),
                            quote(&s.name)
                        ),
                    );
                }
                Some(i) => {
                    found[i] = Some(s);
                    self.shown[i] = s.name.clone();
                }
                None => unknown.push(s),
            }
        }
        let missing: Vec<&str> = SHEETS
            .iter()
            .zip(&found)
            .filter(|(_, f)| f.is_none())
            .map(|(d, _)| d.name)
            .collect();
        for s in &unknown {
            let key = sheet_key(&s.name, wb.source);
            let hint = closest(&key, missing.iter().copied()).map_or(String::new(), |m| {
                format!("; did you mean {}?", self.file(m))
            });
            self.problem(
                Severity::Warning,
                None,
                None,
                None,
                format!(
                    "{} {} is not part of the template, so it is ignored{hint}",
                    self.thing(),
                    quote(&s.name)
                ),
            );
        }
        for i in [PLAN, ACTIONS] {
            if found[i].is_some() {
                continue;
            }
            let near = unknown
                .iter()
                .find(|s| closest(&sheet_key(&s.name, wb.source), [SHEETS[i].name]).is_some());
            let (container, want) = match wb.source {
                Source::CsvFolder => ("folder", "file"),
                _ => ("workbook", "sheet"),
            };
            let hint = match near {
                Some(s) => format!(
                    "did you mean {}? Rename that {want} {}",
                    quote(&s.name),
                    self.file(SHEETS[i].name)
                ),
                None => "add it, with the column names in its first row".to_string(),
            };
            self.problem(
                Severity::Error,
                Some(i),
                None,
                None,
                format!(
                    "the {container} has no {want} {}; {hint}",
                    self.file(SHEETS[i].name)
                ),
            );
            // The problem names the missing sheet in its message, not as a place.
            if let Some(p) = self.problems.last_mut() {
                p.sheet = None;
            }
        }
        found
            .into_iter()
            .enumerate()
            .map(|(i, s)| s.map(|s| self.header(i, s)))
            .collect()
    }

    /// "sheet" or "file", for messages.
    fn thing(&self) -> &'static str {
        match self.wb.source {
            Source::CsvFolder => "file",
            _ => "sheet",
        }
    }

    fn things(&self) -> &'static str {
        match self.wb.source {
            Source::CsvFolder => "files",
            _ => "sheets",
        }
    }

    /// A template sheet's name as the officer would write it: `"actions"` or `"actions.csv"`.
    fn file(&self, name: &str) -> String {
        match self.wb.source {
            Source::CsvFolder => quote(&format!("{name}.csv")),
            _ => quote(name),
        }
    }

    /// Reads a sheet's header row and finds its rows of data.
    fn header(&mut self, def: usize, sheet: &'w Sheet) -> Table<'w> {
        let d = &SHEETS[def];
        // The column names are in the first row, unless a title was put above them: then in
        // the row (of the first ten) that names the most template columns.
        let known = |r: &Vec<Cell>| {
            r.iter()
                .filter(|c| cell_text(c).is_some_and(|h| lookup(d, &norm(&h)).is_some()))
                .count()
        };
        let skip = (0..sheet.rows.len().min(10))
            .max_by_key(|&i| (known(&sheet.rows[i]), std::cmp::Reverse(i)))
            .filter(|&i| known(&sheet.rows[i]) > 0)
            .unwrap_or(0);
        let rows = &sheet.rows[skip..];
        let header_row = sheet.first_row + skip;
        let mut t = Table {
            def,
            header_row,
            at: vec![[None; 3]; d.cols.len()],
            written: vec![[None, None, None]; d.cols.len()],
            rows: Vec::new(),
        };
        let Some(head) = rows.first() else {
            return t;
        };
        let names = column_names(d);
        let width = rows.iter().map(Vec::len).max().unwrap_or(0);
        let mut used = vec![false; width];
        for r in &rows[1..] {
            for (j, c) in r.iter().enumerate() {
                used[j] |= cell_text(c).is_some();
            }
        }
        for j in (0..width).filter(|&j| used[j] && head.get(j).and_then(cell_text).is_none()) {
            let letter = column_letter(sheet.first_col + j);
            self.problem(
                Severity::Warning,
                Some(def),
                Some(header_row),
                Some((1000 + j, letter.clone())),
                format!("column {letter} has no name in row {header_row}, so it is ignored; write the column's name in row {header_row}"),
            );
        }
        for (j, cell) in head.iter().enumerate() {
            let letter = column_letter(sheet.first_col + j);
            let Some(h) = cell_text(cell).map(|h| h.trim().to_string()) else {
                continue;
            };
            let at = Some((1000 + j, h.clone()));
            match lookup(d, &norm(&h)) {
                Some((ci, v)) => {
                    if let Some(prev) = t.at[ci][v] {
                        self.problem(
                            Severity::Error,
                            Some(def),
                            Some(header_row),
                            at,
                            format!(
                                "there are two columns for \"{}{}\" (columns {} and {letter}); only the first is read, so delete or rename the other",
                                d.cols[ci].name,
                                VARIANTS[v],
                                column_letter(sheet.first_col + prev)
                            ),
                        );
                    } else {
                        t.at[ci][v] = Some(j);
                        t.written[ci][v] = Some(h.clone());
                    }
                }
                None => {
                    let hint = match closest(&h, names.iter().map(String::as_str)) {
                        Some(k) => format!("; did you mean \"{k}\"?"),
                        None => format!(
                            "; the {} sheet can have: {}",
                            d.name,
                            d.cols.iter().map(|c| c.name).collect::<Vec<_>>().join(", ")
                        ),
                    };
                    self.problem(
                        Severity::Warning,
                        Some(def),
                        Some(header_row),
                        at,
                        format!("unknown column {} is ignored{hint}", quote(&h)),
                    );
                }
            }
        }
        let read: Vec<usize> = t.at.iter().flatten().flatten().copied().collect();
        for (i, r) in rows.iter().enumerate().skip(1) {
            if read
                .iter()
                .any(|&j| r.get(j).is_some_and(|c| cell_text(c).is_some()))
            {
                t.rows.push((header_row + i, r.as_slice()));
            }
        }
        t
    }

    /// The value of template column `ci` in a row, typed for the feed.
    fn value(&mut self, t: &Table, cells: &[Cell], ci: usize, row: usize) -> Option<J> {
        let c = &SHEETS[t.def].cols[ci];
        if !matches!(c.kind, K::Text) {
            return t
                .cell(cells, ci, 0)
                .and_then(|cell| typed(c.kind, cell, self.how));
        }
        let [plain, en, cy] = [0, 1, 2].map(|v| {
            t.cell(cells, ci, v)
                .and_then(|cell| typed(K::Text, cell, self.how))
        });
        if en.is_none() && cy.is_none() {
            return plain;
        }
        if plain.is_some() {
            let name = c.name;
            self.error(
                t,
                row,
                Some((ci, name.to_string())),
                format!("this row has text in \"{name}\" and in \"{name}_en\" or \"{name}_cy\"; write plain text in \"{name}\", or English and Welsh in \"{name}_en\" and \"{name}_cy\", not both"),
            );
        }
        let mut o = J::Obj(Vec::new());
        if let Some(en) = en {
            o.set(&["en"], en);
        }
        if let Some(cy) = cy {
            o.set(&["cy"], cy);
        }
        Some(o)
    }

    /// One row as a JSON object (without its first `skip` columns, the links to its parent),
    /// noting where each of its values came from under `path`.
    fn item(&mut self, t: &Table, row: usize, cells: &[Cell], path: &str, skip: usize) -> J {
        let d = &SHEETS[t.def];
        if !path.is_empty() {
            self.loc(path.to_string(), t.def, row, None);
        }
        let mut obj = J::Obj(Vec::new());
        for (ci, c) in d.cols.iter().enumerate().skip(skip) {
            let name = t.col_name(ci);
            let at = |key: &str| {
                if path.is_empty() {
                    key.to_string()
                } else {
                    format!("{path}.{key}")
                }
            };
            for n in 1..=c.dest.len() {
                self.loc(
                    at(&c.dest[..n].join(".")),
                    t.def,
                    row,
                    Some((ci, name.clone())),
                );
            }
            let p = at(&c.dest.join("."));
            if matches!(c.kind, K::Text) {
                for (v, lang) in [(1, "en"), (2, "cy")] {
                    let col = t.variant_name(ci, v);
                    self.loc(format!("{p}.{lang}"), t.def, row, Some((ci, col)));
                }
            }
            let Some(v) = self.value(t, cells, ci, row) else {
                continue;
            };
            if let J::Arr(items) = &v {
                for k in 0..items.len() {
                    self.loc(format!("{p}[{k}]"), t.def, row, Some((ci, name.clone())));
                }
            }
            obj.set(c.dest, v);
        }
        obj
    }

    fn plan(&mut self, t: &Table, root: &mut J) {
        let (row, cells) = t.rows.first().copied().unwrap_or((t.header_row + 1, &[]));
        for &(extra, _) in t.rows.iter().skip(1) {
            self.error(
                t,
                extra,
                None,
                format!("the plan sheet holds one plan, in row {row}; this row is not read, so move what it says into row {row}"),
            );
        }
        let obj = self.item(t, row, cells, "", 0);
        if let J::Obj(members) = obj {
            for (k, v) in members {
                root.set(&[k.as_str()], v);
            }
        }
        if root.get("schema_version").is_none() {
            root.set(&["schema_version"], J::Str("1.0".into()));
        }
        if root.get("plan").is_none() {
            root.set(&["plan"], J::Obj(Vec::new()));
        }
    }

    /// The rows of a top-level list; returns each id's first index.
    fn list(&mut self, t: &Table, root: &mut J, key: &str) -> HashMap<String, usize> {
        let mut ids = HashMap::new();
        root.entry(key, J::Arr(Vec::new()));
        for &(row, cells) in &t.rows {
            let k = root.len(key);
            let obj = self.item(t, row, cells, &format!("{key}[{k}]"), 0);
            if let Some(J::Str(id)) = obj.get("id") {
                ids.entry(id.clone()).or_insert(k);
            }
            root.push(key, obj);
        }
        ids
    }

    /// The rows of a list inside the items of another sheet, linked by their first column.
    fn children(
        &mut self,
        t: &Table,
        root: &mut J,
        ids: &HashMap<String, usize>,
        comparators: &mut HashMap<usize, Vec<Vec<String>>>,
    ) {
        let d = &SHEETS[t.def];
        let Place::Child { parent, key } = d.place else {
            return;
        };
        let pd = &SHEETS[parent];
        let Place::List(list) = pd.place else {
            return;
        };
        for &(row, cells) in &t.rows {
            let link_col = Some((0, t.col_name(0)));
            let Some(J::Str(id)) = t.cell(cells, 0, 0).and_then(|c| typed(K::Ref, c, self.how))
            else {
                self.error(
                    t,
                    row,
                    link_col,
                    format!(
                        "\"{}\" is missing; every {} must have one",
                        d.cols[0].name, d.noun
                    ),
                );
                continue;
            };
            let Some(&p) = ids.get(&id) else {
                self.error(
                    t,
                    row,
                    link_col,
                    format!(
                        "this {} refers to {} {}, but there is no {} with that id in \"{}\"",
                        d.noun,
                        pd.noun,
                        quote(&id),
                        pd.noun,
                        pd.name
                    ),
                );
                continue;
            };
            let Some(parent_obj) = root.item_mut(list, p) else {
                continue;
            };
            match t.def {
                SUCCESS_MEASURES => {
                    let k = parent_obj.len(key);
                    let path = format!("{list}[{p}].{key}[{k}]");
                    let name = t.col_name(1);
                    self.loc(path.clone(), t.def, row, Some((1, name)));
                    for (v, lang) in [(1, "en"), (2, "cy")] {
                        let col = t.variant_name(1, v);
                        self.loc(format!("{path}.{lang}"), t.def, row, Some((1, col)));
                    }
                    match self.value(t, cells, 1, row) {
                        Some(v) => {
                            parent_obj.push(key, v);
                        }
                        None => self.error(
                            t,
                            row,
                            Some((1, t.col_name(1))),
                            format!("\"text\" is missing; every {} must have one", d.noun),
                        ),
                    }
                }
                VALUES | BREAKDOWN => {
                    let comparator = t.cell(cells, 1, 0).and_then(|c| typed(K::Str, c, self.how));
                    let (target, base) = match comparator {
                        None => (parent_obj, format!("{list}[{p}]")),
                        Some(J::Str(name)) => {
                            let names = comparators.get(&p).map(Vec::as_slice).unwrap_or(&[]);
                            let c = names
                                .iter()
                                .position(|n| n.iter().any(|n| n.trim() == name))
                                .or_else(|| {
                                    names.iter().position(|n| {
                                        n.iter()
                                            .any(|n| n.trim().to_lowercase() == name.to_lowercase())
                                    })
                                });
                            let Some(c) = c else {
                                let all = names.iter().flatten().map(String::as_str);
                                let hint = closest(&name, all).map_or(String::new(), |n| {
                                    format!("; did you mean {}?", quote(n))
                                });
                                self.error(
                                    t,
                                    row,
                                    Some((1, t.col_name(1))),
                                    format!(
                                        "this {} refers to comparator {}, but indicator {} has no comparator with that name in \"comparators\"{hint}",
                                        if t.def == VALUES { "value" } else { "part" },
                                        quote(&name),
                                        quote(&id)
                                    ),
                                );
                                continue;
                            };
                            let Some(comp) = parent_obj.item_mut("comparators", c) else {
                                continue;
                            };
                            (comp, format!("{list}[{p}].comparators[{c}]"))
                        }
                        Some(_) => continue,
                    };
                    if t.def == BREAKDOWN {
                        self.part(t, row, cells, target, &base, &id);
                        continue;
                    }
                    let k = target.len("values");
                    let mut obj = self.item(t, row, cells, &format!("{base}.values[{k}]"), 2);
                    if obj.get("value").is_none() {
                        obj.set(&["value"], J::Null);
                    }
                    target.push("values", obj);
                }
                _ => {
                    let k = parent_obj.len(key);
                    let obj = self.item(t, row, cells, &format!("{list}[{p}].{key}[{k}]"), 1);
                    if t.def == COMPARATORS {
                        let names = match obj.get("name") {
                            Some(J::Str(s)) => vec![s.clone()],
                            Some(J::Obj(m)) => m
                                .iter()
                                .filter_map(|(_, v)| match v {
                                    J::Str(s) => Some(s.clone()),
                                    _ => None,
                                })
                                .collect(),
                            _ => Vec::new(),
                        };
                        comparators.entry(p).or_default().push(names);
                    }
                    // The parent was looked up by index just above; it is still there.
                    if let Some(parent_obj) = root.item_mut(list, p) {
                        parent_obj.push(key, obj);
                    }
                }
            }
        }
    }

    /// (1.1) A row of the breakdown sheet: a part of the value of `target` (an indicator or
    /// one of its comparators, at JSON path `base`) for the row's period.
    fn part(
        &mut self,
        t: &Table,
        row: usize,
        cells: &[Cell],
        target: &mut J,
        base: &str,
        id: &str,
    ) {
        let period = t
            .cell(cells, 2, 0)
            .and_then(|c| typed(K::Period, c, self.how));
        let Some(J::Str(period)) = period else {
            self.error(
                t,
                row,
                Some((2, t.col_name(2))),
                "\"period\" is missing; every part of a breakdown must name the period of its figure in the values sheet".into(),
            );
            return;
        };
        let Some(J::Arr(values)) = target.get("values") else {
            self.error(t, row, Some((2, t.col_name(2))), format!("indicator {} has no figure for {} in the values sheet to break down; add the figure there first", quote(id), quote(&period)));
            return;
        };
        let Some(v) = values
            .iter()
            .position(|v| v.get("period") == Some(&J::Str(period.clone())))
        else {
            self.error(t, row, Some((2, t.col_name(2))), format!("indicator {} has no figure for {} in the values sheet to break down; add the figure there first", quote(id), quote(&period)));
            return;
        };
        let Some(value) = target.item_mut("values", v) else {
            return;
        };
        let k = value.len("breakdown");
        let mut obj = self.item(
            t,
            row,
            cells,
            &format!("{base}.values[{v}].breakdown[{k}]"),
            3,
        );
        if obj.get("value").is_none() {
            obj.set(&["value"], J::Null);
        }
        value.push("breakdown", obj);
    }

    /// Where a JSON path's value came from: the path itself, or the nearest enclosing one.
    fn lookup(&self, path: &str) -> Option<&Loc> {
        let mut p = path;
        loop {
            if let Some(l) = self.locs.get(p) {
                return Some(l);
            }
            p = &p[..p.rfind(['.', '['])?];
        }
    }

    /// A message with the JSON paths it names (`actions[3]`) turned into rows.
    fn rows_in(&self, message: &str) -> String {
        let mut out = message.to_string();
        for d in SHEETS.iter() {
            let Place::List(list) = d.place else {
                continue;
            };
            let pat = format!("{list}[");
            let mut from = 0;
            while let Some(i) = out[from..].find(&pat).map(|i| i + from) {
                let start = i + pat.len();
                let end = out[start..]
                    .find(|c: char| !c.is_ascii_digit())
                    .map_or(out.len(), |e| e + start);
                if end > start && out[end..].starts_with(']') {
                    if let Some(l) = self.locs.get(&out[i..=end]) {
                        let words = format!("row {} of {}", l.row, self.shown[l.sheet]);
                        out.replace_range(i..=end, &words);
                        from = i + words.len();
                        continue;
                    }
                }
                from = start;
            }
        }
        out
    }
}

/// True when the CSV files' dates are month first: some day can only be read that way
/// (`01/31/2026`) and none only day first (`31/01/2026`).
fn month_first(tables: &[Option<Table>]) -> bool {
    let (mut dmy, mut mdy) = (false, false);
    for t in tables.iter().flatten() {
        for (ci, c) in SHEETS[t.def].cols.iter().enumerate() {
            if !matches!(c.kind, K::Date | K::Period) {
                continue;
            }
            for &(_, cells) in &t.rows {
                if let Some((a, b)) = t.cell(cells, ci, 0).and_then(|c| match c {
                    Cell::Text(s) => day_month(s),
                    _ => None,
                }) {
                    dmy |= a > 12 && b <= 12;
                    mdy |= b > 12 && a <= 12;
                }
            }
        }
    }
    mdy && !dmy
}

/// Reads a spreadsheet as a feed: builds the feed's JSON from the rows, checks it with the
/// validator, and reports every problem by sheet, row and column.
pub fn import(wb: &Workbook) -> Import {
    let mut b = Builder {
        wb,
        how: How {
            csv: wb.source == Source::CsvFolder,
            month_first: false,
        },
        problems: wb.problems.clone(),
        locs: HashMap::new(),
        shown: SHEETS
            .iter()
            .map(|d| match wb.source {
                Source::CsvFolder => format!("{}.csv", d.name),
                _ => d.name.to_string(),
            })
            .collect(),
    };
    let tables = b.tables();
    if b.how.csv {
        b.how.month_first = month_first(&tables);
        if b.how.month_first {
            b.problem(
                Severity::Warning,
                None,
                None,
                None,
                "the dates in these CSV files are written month first (12/31/2026), as some programs save them, so every date like 01/02/2026 is read as 2 January; check a few".into(),
            );
        }
    }
    let mut root = J::Obj(Vec::new());
    if let Some(t) = &tables[PLAN] {
        b.plan(t, &mut root);
    }
    let mut ids: Vec<HashMap<String, usize>> = vec![HashMap::new(); SHEETS.len()];
    for (i, d) in SHEETS.iter().enumerate() {
        if let (Place::List(key), Some(t)) = (d.place, &tables[i]) {
            if !t.rows.is_empty() || i == ACTIONS {
                ids[i] = b.list(t, &mut root, key);
            }
        }
    }
    if root.get("actions").is_none() {
        root.set(&["actions"], J::Arr(Vec::new()));
    }
    let mut comparators = HashMap::new();
    for (i, d) in SHEETS.iter().enumerate() {
        if let (Place::Child { parent, .. }, Some(t)) = (d.place, &tables[i]) {
            b.children(t, &mut root, &ids[parent], &mut comparators);
        }
    }
    order(&mut root, "Feed");
    let mut json = String::new();
    write_json(&root, 0, &mut json);
    json.push('\n');
    let report = validate::check_text(&json);
    let no_plan = tables[PLAN].is_none();
    for p in &report.problems {
        let top = p.path.split(['.', '[']).next().unwrap_or("");
        if no_plan
            && matches!(
                top,
                "" | "schema_version" | "as_of" | "published" | "publisher" | "plan"
            )
        {
            // "The workbook has no sheet plan" says it all.
            continue;
        }
        let loc = b.lookup(&p.path).cloned();
        let message = b.rows_in(&p.message);
        b.problem(
            p.severity,
            loc.as_ref().map(|l| l.sheet),
            loc.as_ref().map(|l| l.row),
            loc.and_then(|l| l.col),
            message,
        );
        if let Some(last) = b.problems.last_mut() {
            last.rule = Some(p.rule);
            last.json_at = Some((p.line, p.column));
        }
    }
    let mut problems = b.problems;
    problems.sort_by_key(|p| p.order);
    Import {
        json,
        report,
        problems,
    }
}

// ---------------------------------------------------------------------------------------------
// Export

/// A value of a feed for one template column.
#[derive(Clone)]
enum V {
    No,
    T(Text),
    S(String),
    D(Date),
    N(f64),
    B(bool),
    L(Vec<String>),
}

fn ot(t: &Option<Text>) -> V {
    t.clone().map_or(V::No, V::T)
}
fn od(d: Option<Date>) -> V {
    d.map_or(V::No, date)
}
/// A date cell; (1.1) a whole month stays the text `YYYY-MM`, never a made-up day.
fn date(d: Date) -> V {
    if d.is_whole_month() {
        V::S(d.to_string())
    } else {
        V::D(d)
    }
}
fn os(s: &Option<String>) -> V {
    s.clone().map_or(V::No, V::S)
}
fn ou(u: &Option<Url>) -> V {
    u.as_ref().map_or(V::No, |u| V::S(u.0.clone()))
}
fn on(n: Option<f64>) -> V {
    n.map_or(V::No, V::N)
}
fn ow<E: Copy>(e: Option<E>, word: fn(E) -> &'static str) -> V {
    e.map_or(V::No, |e| V::S(word(e).into()))
}
fn w(word: &str) -> V {
    V::S(word.into())
}

/// The rows of each template sheet for a feed, column by column.
fn rows_of(f: &Feed) -> Vec<Vec<Vec<V>>> {
    let mut s: Vec<Vec<Vec<V>>> = (0..SHEETS.len()).map(|_| Vec::new()).collect();
    let p = &f.plan;
    let rag = |get: fn(&crate::feed::RagDefinitions) -> &Option<Text>| {
        ot(&p.rag_definitions.as_ref().and_then(|r| get(r).clone()))
    };
    s[PLAN].push(vec![
        V::S(f.schema_version.clone()),
        V::D(f.as_of),
        od(f.published),
        V::T(f.publisher.name.clone()),
        ou(&f.publisher.url),
        os(&f.publisher.contact_email),
        os(&p.id),
        V::T(p.title.clone()),
        ot(&p.summary),
        od(p.approved),
        ot(&p.approved_by),
        od(p.next_review),
        ou(&p.url),
        rag(|r| &r.red),
        rag(|r| &r.amber),
        rag(|r| &r.green),
        rag(|r| &r.blue),
        ow(p.status, PlanStatus::word),
        od(p.submit_by),
        od(p.submitted),
    ]);
    for i in &f.inspections {
        s[INSPECTIONS].push(vec![
            V::S(i.id.clone()),
            w(i.inspectorate.word()),
            w(i.kind.word()),
            ot(&i.title),
            od(i.start),
            od(i.end),
            od(i.published),
            ou(&i.report_url),
            ot(&i.summary),
        ]);
        for j in &i.judgements {
            s[JUDGEMENTS].push(vec![
                V::S(i.id.clone()),
                w(j.area.word()),
                w(j.grade.word()),
                ot(&j.label),
            ]);
        }
    }
    for x in &f.findings {
        s[FINDINGS].push(vec![
            V::S(x.id.clone()),
            os(&x.inspection),
            w(x.kind.word()),
            ow(x.area, Area::word),
            V::T(x.text.clone()),
            ot(&x.response),
        ]);
    }
    for x in &f.priorities {
        s[PRIORITIES].push(vec![
            V::S(x.id.clone()),
            V::T(x.title.clone()),
            ot(&x.description),
            ot(&x.lead),
            V::L(x.findings.clone()),
        ]);
    }
    for a in &f.actions {
        s[ACTIONS].push(vec![
            V::S(a.id.clone()),
            os(&a.priority),
            os(&a.parent),
            V::T(a.title.clone()),
            ot(&a.description),
            V::L(a.findings.clone()),
            ot(&a.lead),
            ot(&a.team),
            od(a.start),
            od(a.added),
            od(a.due),
            od(a.revised_due),
            od(a.completed),
            w(a.status.word()),
            ow(a.rag, Rag::word),
            on(a.progress),
            V::L(a.indicators.clone()),
            od(a.signed_off),
            os(&a.number),
            ot(&a.recurrence),
        ]);
        for m in &a.success_measures {
            s[SUCCESS_MEASURES].push(vec![V::S(a.id.clone()), V::T(m.clone())]);
        }
        for m in &a.milestones {
            s[MILESTONES].push(vec![
                V::S(a.id.clone()),
                V::T(m.title.clone()),
                od(m.due),
                od(m.completed),
            ]);
        }
        for u in &a.updates {
            s[UPDATES].push(vec![
                V::S(a.id.clone()),
                date(u.date),
                ot(&u.text),
                ow(u.status, Status::word),
                ow(u.rag, Rag::word),
                on(u.progress),
                od(u.revised_due),
                os(&u.meeting),
            ]);
        }
        for e in &a.evidence {
            s[EVIDENCE].push(vec![V::S(a.id.clone()), V::T(e.text.clone()), ou(&e.url)]);
        }
    }
    for i in &f.indicators {
        s[INDICATORS].push(vec![
            V::S(i.id.clone()),
            V::T(i.name.clone()),
            w(i.unit.word()),
            w(i.polarity.word()),
            on(i.target.as_ref().map(|t| t.value)),
            od(i.target.as_ref().and_then(|t| t.by)),
            ot(&i.source),
            ot(&i.description),
        ]);
        let mut value = |comparator: V, v: &crate::feed::Value| {
            for p in &v.breakdown {
                s[BREAKDOWN].push(vec![
                    V::S(i.id.clone()),
                    comparator.clone(),
                    V::S(v.period.to_string()),
                    V::T(p.label.clone()),
                    on(p.value),
                    V::B(p.suppressed),
                ]);
            }
            s[VALUES].push(vec![
                V::S(i.id.clone()),
                comparator,
                V::S(v.period.to_string()),
                on(v.value),
                V::B(v.suppressed),
                ot(&v.note),
                V::B(v.approximate),
            ]);
        };
        for v in &i.values {
            value(V::No, v);
        }
        for c in &i.comparators {
            for v in &c.values {
                value(V::S(c.name.show(Lang::En).to_string()), v);
            }
        }
        for c in &i.comparators {
            s[COMPARATORS].push(vec![V::S(i.id.clone()), V::T(c.name.clone())]);
        }
    }
    for m in &f.meetings {
        s[MEETINGS].push(vec![
            V::S(m.id.clone()),
            V::D(m.date),
            V::T(m.body.clone()),
            ot(&m.title),
            ou(&m.url),
            ot(&m.outcome),
        ]);
        for x in &m.follow_ups {
            s[FOLLOW_UPS].push(vec![
                V::S(m.id.clone()),
                V::T(x.text.clone()),
                ot(&x.lead),
                od(x.due),
                od(x.done),
            ]);
        }
    }
    s
}

/// Lays rows out as a sheet: a text column becomes `name`, `name_en` and `name_cy` as used
/// (or, when unused, `name` in a plain feed and `name_en`, `name_cy` in a bilingual one).
fn grid(def: usize, rows: &[Vec<V>], bilingual: bool) -> Sheet {
    let d = &SHEETS[def];
    let mut header = Vec::new();
    // For each sheet column: the template column and the variant (0 plain, 1 en, 2 cy).
    let mut cols: Vec<(usize, usize)> = Vec::new();
    for (ci, c) in d.cols.iter().enumerate() {
        let variants: Vec<usize> = if matches!(c.kind, K::Text) {
            let mut used = [false; 3];
            for r in rows {
                match &r[ci] {
                    V::T(Text::Plain(_)) => used[0] = true,
                    V::T(Text::Bilingual { en, cy }) => {
                        used[1] |= en.is_some();
                        used[2] |= cy.is_some();
                    }
                    _ => {}
                }
            }
            if !used.contains(&true) {
                used = if bilingual {
                    [false, true, true]
                } else {
                    [true, false, false]
                };
            }
            (0..3).filter(|&v| used[v]).collect()
        } else {
            vec![0]
        };
        for v in variants {
            header.push(Cell::Text(format!("{}{}", c.name, VARIANTS[v])));
            cols.push((ci, v));
        }
    }
    let mut out = vec![header];
    for r in rows {
        out.push(
            cols.iter()
                .map(|&(ci, variant)| match (&r[ci], variant) {
                    (V::T(Text::Plain(s)), 0) => Cell::Text(s.clone()),
                    (V::T(Text::Bilingual { en: Some(s), .. }), 1)
                    | (V::T(Text::Bilingual { cy: Some(s), .. }), 2) => Cell::Text(s.clone()),
                    (V::S(s), _) => Cell::Text(s.clone()),
                    (V::D(d), _) => Cell::Date(*d),
                    (V::N(n), _) => Cell::Number(*n),
                    (V::B(true), _) => Cell::Bool(true),
                    (V::L(ids), _) if !ids.is_empty() => Cell::Text(ids.join(", ")),
                    _ => Cell::Empty,
                })
                .collect(),
        );
    }
    Sheet {
        name: d.name.to_string(),
        first_row: 1,
        first_col: 0,
        rows: out,
    }
}

/// A feed laid out as the spreadsheet template.
pub fn workbook_of(feed: &Feed) -> Workbook {
    let rows = rows_of(feed);
    let bilingual = rows
        .iter()
        .flatten()
        .flatten()
        .any(|v| matches!(v, V::T(Text::Bilingual { .. })));
    Workbook {
        sheets: rows
            .iter()
            .enumerate()
            .map(|(i, r)| grid(i, r, bilingual))
            .collect(),
        source: Source::Memory,
        problems: Vec::new(),
    }
}

/// The empty template: every sheet with its column names only; text columns are plain, or
/// English and Welsh (`title_en`, `title_cy`) when `bilingual`.
pub fn empty_template(bilingual: bool) -> Workbook {
    Workbook {
        sheets: (0..SHEETS.len()).map(|i| grid(i, &[], bilingual)).collect(),
        source: Source::Memory,
        problems: Vec::new(),
    }
}

/// Where a feed and the same feed read back from its spreadsheet differ, if they do:
/// what a spreadsheet cannot hold (an id with a comma in it, text that is only spaces).
pub fn difference(a: &Feed, b: &Feed) -> Option<String> {
    fn first<T: PartialEq>(a: &[T], b: &[T], id: impl Fn(&T) -> String) -> Option<String> {
        (0..a.len().max(b.len()))
            .find(|&i| a.get(i) != b.get(i))
            .map(|i| a.get(i).or(b.get(i)).map_or(String::new(), &id))
    }
    if a.schema_version != b.schema_version
        || a.publisher != b.publisher
        || a.as_of != b.as_of
        || a.published != b.published
        || a.plan != b.plan
    {
        return Some("the plan sheet".into());
    }
    let id = |noun: &str, id: &str| format!("{noun} {}", quote(id));
    first(&a.inspections, &b.inspections, |x| id("inspection", &x.id))
        .or_else(|| first(&a.findings, &b.findings, |x| id("finding", &x.id)))
        .or_else(|| first(&a.priorities, &b.priorities, |x| id("priority", &x.id)))
        .or_else(|| first(&a.actions, &b.actions, |x| id("action", &x.id)))
        .or_else(|| first(&a.indicators, &b.indicators, |x| id("indicator", &x.id)))
        .or_else(|| first(&a.meetings, &b.meetings, |x| id("meeting", &x.id)))
}

// ---------------------------------------------------------------------------------------------
// Writing

#[cfg(not(target_arch = "wasm32"))]
fn kinds(sheet: &Sheet) -> Vec<Option<Kind>> {
    let key = sheet_key(&sheet.name, Source::CsvFolder);
    sheet.rows.first().map_or(Vec::new(), |h| {
        h.iter()
            .map(|c| cell_text(c).and_then(|n| kind_of(&key, &n)))
            .collect()
    })
}

#[cfg(not(target_arch = "wasm32"))]
fn is_text_kind(k: Option<Kind>) -> bool {
    matches!(
        k,
        Some(K::Str | K::Version | K::Id | K::Ref | K::Refs | K::Period)
    )
}

/// The workbook as an .xlsx file: a bold, frozen header row with filters, readable column
/// widths, dates as Excel dates shown `dd/mm/yyyy`, ids and periods as text, and a list to
/// choose from in each column of feed words (status, RAG, …).
#[cfg(not(target_arch = "wasm32"))]
pub fn to_xlsx(wb: &Workbook) -> Result<Vec<u8>, String> {
    use rust_xlsxwriter::{
        Color, DataValidation, DataValidationErrorStyle, ExcelDateTime, Format, FormatBorder,
        IgnoreError, Workbook as Xlsx, XlsxError,
    };
    let e = |e: XlsxError| format!("the workbook cannot be written: {e}");
    let head = Format::new()
        .set_bold()
        .set_border_bottom(FormatBorder::Thin)
        .set_background_color(Color::RGB(0xF3F2F1));
    let text = Format::new().set_num_format("@");
    let date = Format::new().set_num_format("dd/mm/yyyy");
    let mut x = Xlsx::new();
    for s in &wb.sheets {
        let ws = x.add_worksheet();
        ws.set_name(&s.name).map_err(e)?;
        let kinds = kinds(s);
        let ncols = s.rows.iter().map(Vec::len).max().unwrap_or(0);
        let mut widths = vec![8usize; ncols];
        for (r, row) in s.rows.iter().enumerate() {
            let rn = r as u32;
            for (c, cell) in row.iter().enumerate() {
                let cn = c as u16;
                let kind = kinds.get(c).copied().flatten();
                let at = |err: XlsxError| {
                    format!(
                        "{}, row {}, column {}: cannot be written: {err}",
                        s.name,
                        r + 1,
                        column_letter(c)
                    )
                };
                let len = match cell {
                    Cell::Empty => 0,
                    Cell::Text(t) if r == 0 => {
                        ws.write_string_with_format(rn, cn, t, &head).map_err(at)?;
                        t.chars().count() + 3
                    }
                    Cell::Text(t) if is_text_kind(kind) => {
                        ws.write_string_with_format(rn, cn, t, &text).map_err(at)?;
                        t.chars().count()
                    }
                    Cell::Text(t) => {
                        ws.write_string(rn, cn, t).map_err(at)?;
                        t.lines().map(|l| l.chars().count()).max().unwrap_or(0)
                    }
                    Cell::Number(n) => {
                        ws.write_number(rn, cn, *n).map_err(at)?;
                        number_text(*n).len()
                    }
                    Cell::Bool(b) => {
                        ws.write_boolean(rn, cn, *b).map_err(at)?;
                        5
                    }
                    Cell::Date(d) => {
                        let xd = u16::try_from(d.year())
                            .ok()
                            .and_then(|y| ExcelDateTime::from_ymd(y, d.month(), d.day()).ok());
                        match xd {
                            Some(xd) => {
                                ws.write_datetime_with_format(rn, cn, &xd, &date)
                                    .map_err(at)?;
                            }
                            // Before 1900: Excel has no such date, so ISO text.
                            None => {
                                ws.write_string_with_format(rn, cn, d.to_string(), &text)
                                    .map_err(at)?;
                            }
                        }
                        11
                    }
                };
                widths[c] = widths[c].max(len + 1);
            }
        }
        for (c, wdt) in widths.iter().enumerate() {
            let cn = c as u16;
            ws.set_column_width(cn, (*wdt).min(60) as f64).map_err(e)?;
            match kinds.get(c).copied().flatten() {
                k if is_text_kind(k) => {
                    ws.set_column_format(cn, &text).map_err(e)?;
                    // Ids such as 1.3 are meant as text: no "number stored as text" marks.
                    ws.ignore_error_range(1, cn, 1_048_575, cn, IgnoreError::NumberStoredAsText)
                        .map_err(e)?;
                }
                Some(K::Date) => {
                    ws.set_column_format(cn, &date).map_err(e)?;
                }
                Some(K::Enum(words)) => {
                    let dv = DataValidation::new()
                        .allow_list_strings(words().as_slice())
                        .and_then(|dv| {
                            dv.set_error_style(DataValidationErrorStyle::Warning)
                                .set_error_message(
                                    "This is not one of the feed's words: import will report it.",
                                )
                        })
                        .map_err(e)?;
                    ws.add_data_validation(1, cn, 1_048_575, cn, &dv)
                        .map_err(e)?;
                }
                _ => {}
            }
        }
        if ncols > 0 {
            ws.set_freeze_panes(1, 0).map_err(e)?;
            let last = s.rows.len().saturating_sub(1) as u32;
            ws.autofilter(0, 0, last, (ncols - 1) as u16).map_err(e)?;
        }
    }
    x.save_to_buffer().map_err(e)
}

/// A sheet as a CSV file's text: UTF-8 with a byte-order mark (so Excel reads Welsh letters
/// right), CRLF line ends, and text cells written by the download's own [`csv::cell`] (quoted,
/// `'` before text a spreadsheet would run as a formula, taken off again on import).
pub fn to_csv(sheet: &Sheet) -> String {
    let mut out = String::from("\u{feff}");
    for row in &sheet.rows {
        for (c, cell) in row.iter().enumerate() {
            if c > 0 {
                out.push(',');
            }
            match cell {
                Cell::Empty => {}
                Cell::Text(t) => csv::cell(t, &mut out),
                Cell::Number(n) => out.push_str(&number_text(*n)),
                Cell::Bool(b) => out.push_str(if *b { "TRUE" } else { "FALSE" }),
                Cell::Date(d) => out.push_str(&d.to_string()),
            }
        }
        out.push_str("\r\n");
    }
    out
}

/// Writes the workbook as a folder of CSV files, one per sheet (`actions.csv`, …).
#[cfg(not(target_arch = "wasm32"))]
pub fn write_csv_folder(wb: &Workbook, dir: &Path) -> Result<(), String> {
    std::fs::create_dir_all(dir)
        .map_err(|e| format!("{}: cannot make the folder: {e}", dir.display()))?;
    for s in &wb.sheets {
        let path = dir.join(format!("{}.csv", s.name));
        std::fs::write(&path, to_csv(s))
            .map_err(|e| format!("{}: cannot write it: {e}", path.display()))?;
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Reading

/// Reads a spreadsheet: a folder of CSV files, or a workbook (.xlsx, .xls, .xlsb, .ods).
/// An error says why it cannot be read at all.
#[cfg(not(target_arch = "wasm32"))]
pub fn read(path: &Path) -> Result<Workbook, String> {
    let meta =
        std::fs::metadata(path).map_err(|e| format!("{}: cannot read it: {e}", path.display()))?;
    if meta.is_dir() {
        return read_csv_folder(path);
    }
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    if ext == "csv" {
        return Err(format!(
            "{}: this is one CSV file; import reads a folder of CSV files, one for each sheet (plan.csv, actions.csv, …), so give the folder",
            path.display()
        ));
    }
    if meta.len() > MAX_BYTES {
        return Err(format!(
            "{}: the file is {} MiB; a workbook can be at most {} MiB",
            path.display(),
            meta.len() / (1024 * 1024),
            MAX_BYTES / (1024 * 1024)
        ));
    }
    let bytes =
        std::fs::read(path).map_err(|e| format!("{}: cannot read it: {e}", path.display()))?;
    read_workbook_bytes(&bytes).map_err(|e| format!("{}: {e}", path.display()))
}

/// Reads a workbook (.xlsx, .xls, .xlsb or .ods) from its bytes.
pub fn read_workbook_bytes(bytes: &[u8]) -> Result<Workbook, String> {
    use calamine::{open_workbook_auto_from_rs, Data, Reader};
    if bytes.len() as u64 > MAX_BYTES {
        return Err(format!(
            "the workbook is {} MiB; it can be at most {} MiB",
            bytes.len() / (1024 * 1024),
            MAX_BYTES / (1024 * 1024)
        ));
    }
    let not = |e: calamine::Error| {
        format!("this is not a workbook that can be read (an .xlsx file saved by Excel, or a folder of CSV files): {e}")
    };
    if bytes.starts_with(b"PK\x03\x04") {
        check_parts(bytes)?;
    }
    let mut book = open_workbook_auto_from_rs(std::io::Cursor::new(bytes)).map_err(not)?;
    let mut sheets = Vec::new();
    for name in book.sheet_names() {
        check_extent(&mut book, &name, MAX_CELLS)?;
        let range = match book.worksheet_range(&name) {
            Ok(r) => r,
            // A chart sheet or a sheet that cannot be read: only a problem if it is one of
            // the template's, and then the workbook is not readable.
            Err(err) => {
                if SHEETS.iter().any(|d| d.name == norm(&name)) {
                    return Err(format!("the sheet {} cannot be read: {err}", quote(&name)));
                }
                continue;
            }
        };
        // .xls and .ods are measured once read (their readers cannot stream cells); .xls
        // cannot be larger than 65,536 × 256.
        let (height, width) = range.get_size();
        if let (Some(start), Some(end)) = (range.start(), range.end()) {
            let e = Extent {
                cells: 0,
                first: start,
                last: end,
                widest: end,
                deepest: end,
            };
            if (height as u64).saturating_mul(width as u64) > MAX_AREA {
                return Err(e.too_big(&name));
            }
        }
        let (r0, c0) = range.start().unwrap_or((0, 0));
        let rows = range
            .rows()
            .map(|row| {
                row.iter()
                    .map(|d| match d {
                        Data::Empty => Cell::Empty,
                        Data::String(s) => Cell::Text(s.clone()),
                        Data::Float(f) => Cell::Number(*f),
                        Data::Int(i) => Cell::Number(*i as f64),
                        Data::Bool(b) => Cell::Bool(*b),
                        Data::DateTime(dt) if dt.is_datetime() => {
                            let (y, m, d, ..) = dt.to_ymd_hms_milli();
                            Date::new(i32::from(y), m, d).map_or_else(
                                || Cell::Text(format!("{y:04}-{m:02}-{d:02}")),
                                Cell::Date,
                            )
                        }
                        Data::DateTime(dt) => Cell::Number(dt.as_f64()),
                        Data::DateTimeIso(s) | Data::DurationIso(s) => Cell::Text(s.clone()),
                        Data::Error(e) => Cell::Text(e.to_string()),
                    })
                    .collect()
            })
            .collect();
        sheets.push(Sheet {
            name,
            first_row: r0 as usize + 1,
            first_col: c0 as usize,
            rows,
        });
    }
    Ok(Workbook {
        sheets,
        source: Source::Workbook,
        problems: Vec::new(),
    })
}

/// How much of a sheet is used: filled cells, and the rectangle they span (row, column from 0).
struct Extent {
    cells: u64,
    first: (u32, u32),
    last: (u32, u32),
    /// A cell in the last column used, and one in the last row: the stray ones, if any.
    widest: (u32, u32),
    deepest: (u32, u32),
}

impl Extent {
    fn height(&self) -> u64 {
        u64::from(self.last.0 - self.first.0) + 1
    }

    fn width(&self) -> u64 {
        u64::from(self.last.1 - self.first.1) + 1
    }

    /// What the officer is told when the sheet spans more than [`MAX_AREA`] cells.
    fn too_big(&self, sheet: &str) -> String {
        let n = |x: u64| crate::i18n::number(x as f64, 0);
        let at = |(r, c): (u32, u32)| format!("{}{}", column_letter(c as usize), r + 1);
        let template = SHEETS
            .iter()
            .find(|d| d.name == norm(sheet))
            .map(|d| column_names(d).len());
        // The stray cell: the one far to the right when the columns are too many, else the
        // one far down.
        let wide = template.map_or(self.width() > 1_000, |t| self.width() > t as u64);
        let (stray, uses, what) = if wide {
            (self.widest, self.width(), "columns")
        } else {
            (self.deepest, self.height(), "rows")
        };
        let has = match template {
            Some(t) if wide => format!("the template has {t}"),
            _ => format!(
                "a sheet can be read here only if its rows × columns come to at most {}",
                n(MAX_AREA)
            ),
        };
        format!(
            "the sheet {} uses {} {what}; {has}. Remove the stray cell at {} (select it, and the empty rows or columns before it, and delete them), then save the workbook again",
            quote(sheet),
            n(uses),
            at(stray)
        )
    }
}

/// Measures sheet `name` of an .xlsx or .xlsb workbook cell by cell, before the reader makes a
/// grid of it: an error for the officer when it has more than `max_cells` filled cells
/// ([`MAX_CELLS`]) or spans more than [`MAX_AREA`]. Other formats, and sheets the reader
/// cannot stream, are measured once read.
fn check_extent<RS: std::io::Read + std::io::Seek>(
    book: &mut calamine::Sheets<RS>,
    name: &str,
    max_cells: u64,
) -> Result<(), String> {
    use calamine::{DataRef, Sheets};
    let mut e: Option<Extent> = None;
    let mut see = |pos: (u32, u32), empty: bool| -> Result<(), String> {
        if empty {
            return Ok(());
        }
        let x = e.get_or_insert(Extent {
            cells: 0,
            first: pos,
            last: pos,
            widest: pos,
            deepest: pos,
        });
        x.cells += 1;
        x.first = (x.first.0.min(pos.0), x.first.1.min(pos.1));
        if pos.0 > x.last.0 {
            x.last.0 = pos.0;
            x.deepest = pos;
        }
        if pos.1 > x.last.1 {
            x.last.1 = pos.1;
            x.widest = pos;
        }
        if x.cells > max_cells {
            return Err(format!(
                "the sheet {} has more than {} filled cells, more than a workbook can have here; the template's sheets need far fewer (check for a column or block of cells filled by mistake)",
                quote(name),
                crate::i18n::number(max_cells as f64, 0)
            ));
        }
        Ok(())
    };
    match book {
        Sheets::Xlsx(x) => {
            let Ok(mut cells) = x.worksheet_cells_reader(name) else {
                return Ok(());
            };
            while let Ok(Some(c)) = cells.next_cell() {
                see(c.get_position(), *c.get_value() == DataRef::Empty)?;
            }
        }
        Sheets::Xlsb(x) => {
            let Ok(mut cells) = x.worksheet_cells_reader(name) else {
                return Ok(());
            };
            while let Ok(Some(c)) = cells.next_cell() {
                see(c.get_position(), *c.get_value() == DataRef::Empty)?;
            }
        }
        _ => {}
    }
    match e {
        Some(e) if e.height().saturating_mul(e.width()) > MAX_AREA => Err(e.too_big(name)),
        _ => Ok(()),
    }
}

/// Measures every part of a zipped workbook (.xlsx, .xlsb, .ods) by inflating it, without
/// keeping it, before the reader does: an error when one part inflates to more than
/// [`MAX_PART_BYTES`], all of them to more than [`MAX_UNZIPPED_BYTES`] (sizes written in the
/// zip are not trusted), or the shared strings number more than [`MAX_SHARED_STRINGS`].
fn check_parts(bytes: &[u8]) -> Result<(), String> {
    use std::io::Read;
    let Ok(mut zip) = zip::ZipArchive::new(std::io::Cursor::new(bytes)) else {
        // Not a zip that can be read: the workbook reader says why.
        return Ok(());
    };
    let mib = |x: u64| x / (1024 * 1024);
    let mut total: u64 = 0;
    for i in 0..zip.len() {
        let Ok(part) = zip.by_index(i) else {
            continue;
        };
        let name = part.name().map(|n| n.to_string()).unwrap_or_default();
        let shared = name.to_ascii_lowercase().ends_with("sharedstrings.xml");
        let mut counter = Counter::new(shared);
        let mut limited = part.take(MAX_PART_BYTES + 1);
        let mut buf = vec![0u8; 64 * 1024];
        loop {
            match limited.read(&mut buf) {
                Ok(0) | Err(_) => break,
                Ok(n) => counter.feed(&buf[..n]),
            }
        }
        if counter.bytes > MAX_PART_BYTES {
            return Err(format!(
                "the part {} of this workbook unpacks to more than {} MiB, more than a workbook can have here; save the workbook again from Excel, or export its sheets as CSV files",
                quote(&name),
                mib(MAX_PART_BYTES)
            ));
        }
        total += counter.bytes;
        if total > MAX_UNZIPPED_BYTES {
            return Err(format!(
                "this workbook unpacks to more than {} MiB, more than can be read here; save the workbook again from Excel, or export its sheets as CSV files",
                mib(MAX_UNZIPPED_BYTES)
            ));
        }
        let strings = counter.strings.max(counter.declared.unwrap_or(0));
        if strings > MAX_SHARED_STRINGS {
            return Err(format!(
                "this workbook has {} different texts (shared strings), more than {} can be read here; the template needs far fewer (check for a sheet filled with text by mistake)",
                crate::i18n::number(strings as f64, 0),
                crate::i18n::number(MAX_SHARED_STRINGS as f64, 0)
            ));
        }
    }
    Ok(())
}

/// Counts a part's bytes as it is inflated and, for the shared strings, the texts in it
/// (`<si>` elements) and the number its `uniqueCount` declares (the reader reserves room
/// for that many at once).
struct Counter {
    bytes: u64,
    shared: bool,
    strings: u64,
    declared: Option<u64>,
    /// The end of the last chunk, so a tag cut between two chunks is still seen.
    tail: Vec<u8>,
}

impl Counter {
    fn new(shared: bool) -> Counter {
        Counter {
            bytes: 0,
            shared,
            strings: 0,
            declared: None,
            tail: Vec::new(),
        }
    }

    fn feed(&mut self, chunk: &[u8]) {
        self.bytes += chunk.len() as u64;
        if !self.shared {
            return;
        }
        let mut text = std::mem::take(&mut self.tail);
        let carried = text.len();
        text.extend_from_slice(chunk);
        // Each "<si>" or "<si " starting in this chunk (not in the carried tail).
        let mut at = 0;
        while let Some(k) = find(&text[at..], b"<si") {
            let start = at + k;
            if start + 3 < text.len() && matches!(text[start + 3], b'>' | b' ' | b'/') {
                if start + 3 >= carried {
                    self.strings += 1;
                }
            } else if start + 3 >= text.len() {
                break;
            }
            at = start + 3;
        }
        if self.declared.is_none() && self.bytes <= 64 * 1024 {
            if let Some(k) = find(&text, b"uniqueCount=\"") {
                let digits: String = text[k + 13..]
                    .iter()
                    .take_while(|b| b.is_ascii_digit())
                    .map(|&b| char::from(b))
                    .collect();
                if text[k + 13 + digits.len()..].first() == Some(&b'"') {
                    // As the reader reads it: a number too long to read is not reserved for.
                    self.declared = digits.parse().ok();
                }
            }
        }
        let keep = text.len().min(32);
        self.tail = text[text.len() - keep..].to_vec();
    }
}

/// Where `needle` first occurs in `hay`.
fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// Reads a folder of CSV files (`plan.csv`, `actions.csv`, …), each UTF-8 (with or without a
/// byte-order mark) or UTF-16 as Excel's "Unicode text", separated by commas, semicolons or tabs.
#[cfg(not(target_arch = "wasm32"))]
pub fn read_csv_folder(dir: &Path) -> Result<Workbook, String> {
    let entries = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: cannot read the folder: {e}", dir.display()))?;
    let mut paths: Vec<(String, std::path::PathBuf)> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_file())
        .filter(|p| {
            p.extension()
                .is_some_and(|e| e.to_string_lossy().eq_ignore_ascii_case("csv"))
        })
        .filter_map(|p| Some((p.file_name()?.to_string_lossy().into_owned(), p)))
        .collect();
    paths.sort();
    if paths.is_empty() {
        return Err(format!(
            "{}: the folder has no CSV files; import reads a workbook (.xlsx) or a folder of CSV files, one for each sheet (plan.csv, actions.csv, …)",
            dir.display()
        ));
    }
    let mut files = Vec::new();
    for (name, path) in paths {
        let meta = std::fs::metadata(&path)
            .map_err(|e| format!("{}: cannot read it: {e}", path.display()))?;
        // Said before reading, so that a huge file is not read whole first.
        too_big(&path.display().to_string(), meta.len())?;
        let bytes =
            std::fs::read(&path).map_err(|e| format!("{}: cannot read it: {e}", path.display()))?;
        files.push((name, bytes));
    }
    csv_workbook(&files)
}

/// CSV files, each a name (`actions.csv`) and its bytes, as the workbook a folder of them
/// makes: one sheet per file, in the order given. The feed checker page reads the files a
/// reader opens or drops with this; [`read_csv_folder`] reads a folder's.
pub fn csv_workbook(files: &[(String, Vec<u8>)]) -> Result<Workbook, String> {
    if files.is_empty() {
        return Err(
            "there are no CSV files; give one for each sheet (plan.csv, actions.csv, …)".into(),
        );
    }
    let mut wb = Workbook {
        sheets: Vec::new(),
        source: Source::CsvFolder,
        problems: Vec::new(),
    };
    for (name, bytes) in files {
        too_big(name, bytes.len() as u64)?;
        let (sheet, problems) = csv_sheet(name, bytes);
        wb.sheets.push(sheet);
        wb.problems.extend(problems);
    }
    Ok(wb)
}

/// "NAME: the file is N MiB; a CSV file can be at most 64 MiB" for a file over [`MAX_BYTES`].
fn too_big(name: &str, len: u64) -> Result<(), String> {
    if len > MAX_BYTES {
        return Err(format!(
            "{name}: the file is {} MiB; a CSV file can be at most {} MiB",
            len / (1024 * 1024),
            MAX_BYTES / (1024 * 1024)
        ));
    }
    Ok(())
}

/// One CSV file as a sheet, with what was wrong in reading it.
pub fn csv_sheet(name: &str, bytes: &[u8]) -> (Sheet, Vec<SheetProblem>) {
    let def = SHEETS
        .iter()
        .position(|d| d.name == sheet_key(name, Source::CsvFolder));
    let mut problems = Vec::new();
    let mut problem = |row: usize, message: String| {
        problems.push(SheetProblem {
            severity: Severity::Error,
            sheet: Some(name.to_string()),
            row: Some(row),
            column: None,
            message,
            rule: Some(Rule::Encoding),
            json_at: None,
            order: (def.map_or(0, |d| d + 1), row, 0),
        })
    };
    let utf16 = |bytes: &[u8], le: bool| {
        let units: Vec<u16> = bytes
            .chunks_exact(2)
            .map(|p| {
                if le {
                    u16::from_le_bytes([p[0], p[1]])
                } else {
                    u16::from_be_bytes([p[0], p[1]])
                }
            })
            .collect();
        String::from_utf16_lossy(&units)
    };
    let text = if let Some(b) = bytes.strip_prefix(b"\xFF\xFE") {
        utf16(b, true)
    } else if let Some(b) = bytes.strip_prefix(b"\xFE\xFF") {
        utf16(b, false)
    } else {
        let b = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        match std::str::from_utf8(b) {
            Ok(s) => s.to_string(),
            Err(e) => {
                let at = e.valid_up_to();
                let row = b[..at].iter().filter(|&&c| c == b'\n').count() + 1;
                problem(
                    row,
                    format!(
                        "the file is not UTF-8 text: byte 0x{:02X} cannot be read. Save the file as UTF-8 (in Excel: \"CSV UTF-8\"; in other editors: encoding UTF-8)",
                        b[at]
                    ),
                );
                String::from_utf8_lossy(b).into_owned()
            }
        }
    };
    let (rows, unclosed) = parse_csv(&text);
    if let Some(row) = unclosed {
        problem(
            row,
            "a cell here starts with a double quote (\") that is never closed, so the rest of the file was read into it; add the closing \"".into(),
        );
        if let Some(p) = problems.last_mut() {
            p.rule = Some(Rule::Syntax);
        }
    }
    let sheet = Sheet {
        name: name.to_string(),
        first_row: 1,
        first_col: 0,
        rows: rows
            .into_iter()
            .map(|r| {
                r.into_iter()
                    .map(|c| {
                        if c.is_empty() {
                            Cell::Empty
                        } else {
                            Cell::Text(c)
                        }
                    })
                    .collect()
            })
            .collect(),
    };
    (sheet, problems)
}

/// The separator of a CSV text: whichever of `,` `;` and tab its first line has most of.
fn separator(text: &str) -> char {
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for c in text.chars() {
        match c {
            '"' => quoted = !quoted,
            '\n' | '\r' if !quoted => break,
            ',' if !quoted => counts[0] += 1,
            ';' if !quoted => counts[1] += 1,
            '\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let best = (0..3).max_by_key(|&i| (counts[i], 3 - i)).unwrap_or(0);
    [',', ';', '\t'][best]
}

/// Parses CSV text the way Excel does: quoted cells may hold separators, `""` and line
/// breaks; CRLF, LF or CR end a row; an empty line is an empty row. Returns the rows and, if
/// a quoted cell is never closed, the row it starts in.
fn parse_csv(text: &str) -> (Vec<Vec<String>>, Option<usize>) {
    let sep = separator(text);
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut fresh = true; // at the start of a field
    let mut open_row = None;
    let mut chars = text.chars().peekable();
    let mut any = false; // anything read since the last row ended
    while let Some(c) = chars.next() {
        any = true;
        if quoted {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    chars.next();
                    field.push('"');
                } else {
                    quoted = false;
                }
            } else {
                field.push(c);
            }
            continue;
        }
        match c {
            '"' if fresh => {
                quoted = true;
                fresh = false;
                open_row = Some(rows.len() + 1);
            }
            c if c == sep => {
                row.push(std::mem::take(&mut field));
                fresh = true;
            }
            '\r' | '\n' => {
                if c == '\r' && chars.peek() == Some(&'\n') {
                    chars.next();
                }
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
                fresh = true;
                any = false;
            }
            c => {
                field.push(c);
                fresh = false;
            }
        }
    }
    if any {
        row.push(field);
        rows.push(row);
    }
    (rows, if quoted { open_row } else { None })
}

#[cfg(test)]
mod tests {

    #[test]
    fn too_many_filled_cells_are_refused_as_they_are_read() {
        // The limit is 2,000,000 (too slow to reach in a debug build): the same check with 30.
        use calamine::{open_workbook_auto_from_rs, Reader};
        let mut wb = rust_xlsxwriter::Workbook::new();
        let s = wb.add_worksheet();
        s.set_name("Actions").unwrap();
        for r in 0..11u32 {
            for c in 0..3u16 {
                s.write_number(r, c, 1.0).unwrap();
            }
        }
        let bytes = wb.save_to_buffer().unwrap();
        let mut book = open_workbook_auto_from_rs(std::io::Cursor::new(&bytes[..])).unwrap();
        assert_eq!(book.sheet_names(), ["Actions"]);
        assert_eq!(check_extent(&mut book, "Actions", 33), Ok(()));
        assert_eq!(
            check_extent(&mut book, "Actions", 30),
            Err("the sheet \"Actions\" has more than 30 filled cells, more than a workbook can have here; the template's sheets need far fewer (check for a column or block of cells filled by mistake)".into())
        );
    }
    use super::*;

    #[test]
    fn excel_serial_days() {
        let d = |n| excel_serial_date(n).map(|d| d.to_string());
        assert_eq!(d(1.0).as_deref(), Some("1900-01-01"));
        assert_eq!(d(59.0).as_deref(), Some("1900-02-28"));
        assert_eq!(d(60.0), None, "Excel's 29 February 1900 does not exist");
        assert_eq!(d(61.0).as_deref(), Some("1900-03-01"));
        assert_eq!(d(46_326.0).as_deref(), Some("2026-10-31"));
        assert_eq!(d(46_326.75).as_deref(), Some("2026-10-31"), "a time of day");
        assert_eq!(d(0.0), None);
        assert_eq!(d(3e6), None);
    }

    #[test]
    fn dates_as_officers_type_them() {
        for (typed, iso) in [
            ("31/03/2026", "2026-03-31"),
            ("1/4/2026", "2026-04-01"),
            ("31.03.2026", "2026-03-31"),
            ("31-03-2026", "2026-03-31"),
            ("2026/03/31", "2026-03-31"),
            ("31/03/2026 00:00", "2026-03-31"),
            ("31/03/2026 00:00:00", "2026-03-31"),
            ("2026-03-31T00:00:00", "2026-03-31"),
            (" 2026-03-31 ", "2026-03-31"),
            ("31 March 2026", "2026-03-31"),
            ("31 Mar 2026", "2026-03-31"),
            ("1st Sept 2026", "2026-09-01"),
            ("31-Mar-2026", "2026-03-31"),
            ("30/02/2026", "2026-02-30"),
            ("next week", "next week"),
            ("2026-03", "2026-03"),
            ("31 Marchx 2026", "31 Marchx 2026"),
            ("March 2019", "2019-03"),
            ("Mar 2019", "2019-03"),
            ("Sept 2019", "2019-09"),
            ("Mar-2019", "2019-03"),
            ("3/2019", "2019-03"),
            ("12/2019", "2019-12"),
            ("Marchx 2019", "Marchx 2019"),
            ("2019 March", "2019 March"),
        ] {
            assert_eq!(date_text(typed, false), iso, "{typed}");
        }
    }

    #[test]
    fn numbers_as_officers_type_them() {
        assert_eq!(number_of("60"), Some(60.0));
        assert_eq!(number_of(" 71.5% "), Some(71.5));
        assert_eq!(number_of("£1,250"), Some(1250.0));
        assert_eq!(number_of("-1,234,567.5"), Some(-1_234_567.5));
        assert_eq!(number_of("1,2"), None);
        assert_eq!(number_of("inf"), None);
        assert_eq!(number_of("NaN"), None);
        assert_eq!(number_of("1e999"), None);
        assert_eq!(number_of("sixty"), None);
    }

    #[test]
    fn feed_words_as_people_write_them() {
        let s = statuses();
        assert_eq!(enum_word("In progress", &s), "in_progress");
        assert_eq!(enum_word(" Not-started ", &s), "not_started");
        assert_eq!(enum_word("done", &s), "done");
        assert_eq!(
            enum_word("Requires improvement to be good", &grades()),
            "requires_improvement"
        );
    }

    #[test]
    fn csv_as_excel_writes_it() {
        let (rows, open) = parse_csv("a,\"b, c\",\"say \"\"hi\"\"\"\r\n\r\n1,\"two\nlines\",3\n");
        assert_eq!(open, None);
        assert_eq!(
            rows,
            vec![
                vec!["a", "b, c", "say \"hi\""],
                vec![""],
                vec!["1", "two\nlines", "3"]
            ]
        );
        let (rows, _) = parse_csv("a;b\n1;2");
        assert_eq!(rows, vec![vec!["a", "b"], vec!["1", "2"]]);
        let (rows, _) = parse_csv("a\tb\r1\t2\r");
        assert_eq!(rows, vec![vec!["a", "b"], vec!["1", "2"]]);
        let (_, open) = parse_csv("a,b\n1,\"never closed\n2,3\n");
        assert_eq!(open, Some(2));
    }

    #[test]
    fn the_formula_guard_round_trips() {
        for s in ["=SUM(A1)", "'=x", "-1 day", "plain", "'quoted'", "@home"] {
            let sheet = Sheet {
                name: "actions.csv".into(),
                first_row: 1,
                first_col: 0,
                rows: vec![vec![Cell::Text("title".into())], vec![Cell::Text(s.into())]],
            };
            let text = to_csv(&sheet);
            let (back, _) = csv_sheet("actions.csv", text.as_bytes());
            let cell = &back.rows[1][0];
            assert_eq!(
                typed(
                    K::Text,
                    cell,
                    How {
                        csv: true,
                        month_first: false
                    }
                ),
                Some(J::Str(s.into())),
                "{s} → {text}"
            );
        }
    }

    #[test]
    fn column_letters() {
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(25), "Z");
        assert_eq!(column_letter(26), "AA");
        assert_eq!(column_letter(701), "ZZ");
        assert_eq!(column_letter(702), "AAA");
    }

    #[test]
    fn every_feed_key_has_a_column() {
        // Each key the validator knows for a list item is a column (or a child sheet).
        let has = |sheet: &str, key: &str| {
            SHEETS
                .iter()
                .find(|d| d.name == sheet)
                .is_some_and(|d| d.cols.iter().any(|c| c.dest[0] == key))
        };
        for (def, sheet, children) in [
            ("Inspection", "inspections", &["judgements"][..]),
            ("Finding", "findings", &[]),
            ("Priority", "priorities", &[]),
            (
                "Action",
                "actions",
                &["success_measures", "milestones", "updates", "evidence"],
            ),
            ("Indicator", "indicators", &["values", "comparators"]),
            ("Meeting", "meetings", &["follow_ups"]),
            ("Judgement", "judgements", &[]),
            ("Milestone", "milestones", &[]),
            ("Update", "updates", &[]),
            ("Evidence", "evidence", &[]),
            ("Value", "values", &["breakdown"]),
            ("Comparator", "comparators", &["values"]),
            ("Part", "breakdown", &[]),
            ("FollowUp", "follow_ups", &[]),
        ] {
            let keys = validate::KEYS.iter().find(|(d, _)| *d == def).unwrap().1;
            for key in keys {
                assert!(
                    has(sheet, key) || children.contains(key),
                    "{def}.{key} has no column in {sheet}"
                );
            }
        }
    }
}
