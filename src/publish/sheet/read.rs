//! The workbook reader: an .xlsx (or .xls, .xlsb, .ods) workbook's sheets as cells, and the
//! caps that keep a hostile workbook from taking the officer's browser or the command line
//! down with it: each part is measured as it is inflated, and each sheet as it is read.

#[cfg(not(target_arch = "wasm32"))]
use super::read_csv::read_csv_folder;
use super::template::{column_names, norm, SHEETS};
use super::{column_letter, Cell, Sheet, Source, Workbook};
use crate::date::Date;
use crate::validate::quote;
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
    use calamine::{open_workbook_auto_from_rs, Reader};
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
            .map(|row| row.iter().map(cell_of).collect())
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

/// A cell as calamine reads it, as the template's cell: a date cell as a date (as text when
/// it is not a real date), a duration as Excel's number for it.
fn cell_of(d: &calamine::Data) -> Cell {
    use calamine::Data;
    match d {
        Data::Empty => Cell::Empty,
        Data::String(s) => Cell::Text(s.clone()),
        Data::Float(f) => Cell::Number(*f),
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Bool(b) => Cell::Bool(*b),
        Data::DateTime(dt) if dt.is_datetime() => {
            let (y, m, d, ..) = dt.to_ymd_hms_milli();
            Date::new(i32::from(y), m, d)
                .map_or_else(|| Cell::Text(format!("{y:04}-{m:02}-{d:02}")), Cell::Date)
        }
        Data::DateTime(dt) => Cell::Number(dt.as_f64()),
        Data::DateTimeIso(s) | Data::DurationIso(s) => Cell::Text(s.clone()),
        Data::Error(e) => Cell::Text(e.to_string()),
    }
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
