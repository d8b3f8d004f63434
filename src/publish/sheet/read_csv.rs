//! The CSV reader: a folder of CSV files (or the files the checker page is given), one per
//! sheet, read the way Excel writes them: UTF-8 or UTF-16, commas, semicolons or tabs.

use super::read::MAX_BYTES;
use super::template::{sheet_key, SHEETS};
use super::{Cell, Sheet, SheetProblem, Source, Workbook};
use crate::validate::{Rule, Severity};
#[cfg(not(target_arch = "wasm32"))]
use std::path::Path;

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
    let (text, not_utf8) = decode(bytes);
    if let Some((row, byte)) = not_utf8 {
        problem(
            row,
            format!(
                "the file is not UTF-8 text: byte 0x{:02X} cannot be read. Save the file as UTF-8 (in Excel: \"CSV UTF-8\"; in other editors: encoding UTF-8)",
                byte
            ),
        );
    }
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

/// A CSV file's text: UTF-16 after its byte-order mark, else UTF-8 (with or without one).
/// Bytes that are not UTF-8 are read as U+FFFD, and the first is given with its row.
fn decode(bytes: &[u8]) -> (String, Option<(usize, u8)>) {
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
    if let Some(b) = bytes.strip_prefix(b"\xFF\xFE") {
        return (utf16(b, true), None);
    }
    if let Some(b) = bytes.strip_prefix(b"\xFE\xFF") {
        return (utf16(b, false), None);
    }
    let b = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(b) {
        Ok(s) => (s.to_string(), None),
        Err(e) => {
            let at = e.valid_up_to();
            let row = b[..at].iter().filter(|&&c| c == b'\n').count() + 1;
            (String::from_utf8_lossy(b).into_owned(), Some((row, b[at])))
        }
    }
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
    use super::*;

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
}
