//! The template's sheets in a workbook, and their columns in each sheet's header row: the
//! [`Table`]s that import reads its rows from, with a problem for each sheet or column that is
//! missing, twice, or not the template's.

use super::cells::cell_text;
use super::import::Builder;
use super::template::{
    column_names, lookup, norm, sheet_key, SheetDef, ACTIONS, PLAN, SHEETS, VARIANTS,
};
use super::{column_letter, Cell, Sheet, Source};
use crate::validate::{closest, quote, Severity};

/// A template sheet found in the workbook, its columns matched to the template's.
pub(super) struct Table<'w> {
    pub(super) def: usize,
    pub(super) header_row: usize,
    /// For each template column, where its plain, English and Welsh columns are.
    at: Vec<[Option<usize>; 3]>,
    /// And their names as written in the header row.
    written: Vec<[Option<String>; 3]>,
    /// The rows with something in a template column: row number and cells.
    pub(super) rows: Vec<(usize, &'w [Cell])>,
}

impl Table<'_> {
    pub(super) fn cell<'c>(
        &self,
        cells: &'c [Cell],
        ci: usize,
        variant: usize,
    ) -> Option<&'c Cell> {
        self.at[ci][variant].and_then(|j| cells.get(j))
    }

    /// The name of the column a template column's values are read from, as written.
    pub(super) fn col_name(&self, ci: usize) -> String {
        let w = &self.written[ci];
        w[0].clone()
            .or_else(|| w[1].clone())
            .or_else(|| w[2].clone())
            .unwrap_or_else(|| SHEETS[self.def].cols[ci].name.to_string())
    }

    /// The name of one variant (plain, English, Welsh) of a text column, as written.
    pub(super) fn variant_name(&self, ci: usize, variant: usize) -> String {
        self.written[ci][variant]
            .clone()
            .unwrap_or_else(|| format!("{}{}", SHEETS[self.def].cols[ci].name, VARIANTS[variant]))
    }
}

impl<'w> Builder<'w> {
    /// Matches the workbook's sheets to the template's.
    pub(super) fn tables(&mut self) -> Vec<Option<Table<'w>>> {
        let (found, unknown) = self.find_sheets();
        let missing: Vec<&str> = SHEETS
            .iter()
            .zip(&found)
            .filter(|(_, f)| f.is_none())
            .map(|(d, _)| d.name)
            .collect();
        for s in &unknown {
            self.unknown_sheet(s, &missing);
        }
        for i in [PLAN, ACTIONS] {
            if found[i].is_none() {
                self.missing_sheet(i, &unknown);
            }
        }
        found
            .into_iter()
            .enumerate()
            .map(|(i, s)| s.map(|s| self.header(i, s)))
            .collect()
    }

    /// The workbook's sheet for each template sheet, if it has one (the first, when it has
    /// two: an error), and the sheets that are not the template's.
    fn find_sheets(&mut self) -> (Vec<Option<&'w Sheet>>, Vec<&'w Sheet>) {
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
        (found, unknown)
    }

    /// A warning for a sheet that is not the template's, naming the `missing` sheet it may
    /// have been meant to be.
    fn unknown_sheet(&mut self, s: &Sheet, missing: &[&str]) {
        let key = sheet_key(&s.name, self.wb.source);
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

    /// An error for template sheet `i` (the plan or the actions) missing from the workbook,
    /// naming the `unknown` sheet that may be it, misspelt.
    fn missing_sheet(&mut self, i: usize, unknown: &[&Sheet]) {
        let wb = self.wb;
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
        let skip = header_index(d, sheet);
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
        self.unnamed_columns(&t, sheet, rows);
        self.match_columns(&mut t, sheet, head);
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

    /// A warning for each column with something below the header row (`rows[0]`) but no
    /// name in it: it is not read.
    fn unnamed_columns(&mut self, t: &Table, sheet: &Sheet, rows: &[Vec<Cell>]) {
        let (def, header_row, head) = (t.def, t.header_row, &rows[0]);
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
    }

    /// Finds each template column (and text variant) in the header row `head`: an error for a
    /// column named twice, a warning for a name the template does not have.
    fn match_columns(&mut self, t: &mut Table, sheet: &Sheet, head: &[Cell]) {
        let (def, header_row) = (t.def, t.header_row);
        let d = &SHEETS[def];
        let names = column_names(d);
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
    }
}

/// The index in `sheet.rows` of the header row: the first row, unless a title was put above
/// the column names: then the row (of the first ten) that names the most template columns.
fn header_index(d: &SheetDef, sheet: &Sheet) -> usize {
    let known = |r: &Vec<Cell>| {
        r.iter()
            .filter(|c| cell_text(c).is_some_and(|h| lookup(d, &norm(&h)).is_some()))
            .count()
    };
    (0..sheet.rows.len().min(10))
        .max_by_key(|&i| (known(&sheet.rows[i]), std::cmp::Reverse(i)))
        .filter(|&i| known(&sheet.rows[i]) > 0)
        .unwrap_or(0)
}
