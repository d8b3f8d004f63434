//! The .xlsx writer (native only): the template as a workbook an officer can fill in Excel.

use super::cells::{cell_text, number_text};
use super::template::{kind_of, sheet_key, Kind};
use super::{column_letter, Cell, Sheet, Source, Workbook};
use rust_xlsxwriter::{
    Color, DataValidation, DataValidationErrorStyle, ExcelDateTime, Format, FormatBorder,
    IgnoreError, Workbook as Xlsx, Worksheet, XlsxError,
};

/// The kind of each of a sheet's columns, by the name in its header row.
fn kinds(sheet: &Sheet) -> Vec<Option<Kind>> {
    let key = sheet_key(&sheet.name, Source::CsvFolder);
    sheet.rows.first().map_or(Vec::new(), |h| {
        h.iter()
            .map(|c| cell_text(c).and_then(|n| kind_of(&key, &n)))
            .collect()
    })
}

/// Whether a column's cells are text cells, so that Excel keeps `1.10` and `2019-03` as written.
fn is_text_kind(k: Option<Kind>) -> bool {
    matches!(
        k,
        Some(Kind::Str | Kind::Version | Kind::Id | Kind::Ref | Kind::Refs | Kind::Period)
    )
}

/// The workbook as an .xlsx file: a bold, frozen header row with filters, readable column
/// widths, dates as Excel dates shown `dd/mm/yyyy`, ids and periods as text, and a list to
/// choose from in each column of feed words (status, RAG, …).
pub fn to_xlsx(wb: &Workbook) -> Result<Vec<u8>, String> {
    let formats = Formats {
        head: Format::new()
            .set_bold()
            .set_border_bottom(FormatBorder::Thin)
            .set_background_color(Color::RGB(0xF3F2F1)),
        text: Format::new().set_num_format("@"),
        date: Format::new().set_num_format("dd/mm/yyyy"),
    };
    let mut x = Xlsx::new();
    for s in &wb.sheets {
        let ws = x.add_worksheet();
        ws.set_name(&s.name).map_err(whole)?;
        write_sheet(ws, s, &formats)?;
    }
    x.save_to_buffer().map_err(whole)
}

/// The formats of the template's cells.
struct Formats {
    /// The header row: bold, on grey, with a line under it.
    head: Format,
    /// Text that must stay text (an id such as 1.10).
    text: Format,
    /// A date, `dd/mm/yyyy`.
    date: Format,
}

/// An error in writing the workbook, not one cell.
fn whole(e: XlsxError) -> String {
    format!("the workbook cannot be written: {e}")
}

/// One sheet: its cells, then each column's width and format, then the frozen header row
/// with filters.
fn write_sheet(ws: &mut Worksheet, s: &Sheet, f: &Formats) -> Result<(), String> {
    let kinds = kinds(s);
    let ncols = s.rows.iter().map(Vec::len).max().unwrap_or(0);
    let mut widths = vec![8usize; ncols];
    for (r, row) in s.rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            let kind = kinds.get(c).copied().flatten();
            let len = write_cell(ws, (r, c), cell, kind, f).map_err(|err| {
                format!(
                    "{}, row {}, column {}: cannot be written: {err}",
                    s.name,
                    r + 1,
                    column_letter(c)
                )
            })?;
            widths[c] = widths[c].max(len + 1);
        }
    }
    for (c, wdt) in widths.iter().enumerate() {
        format_column(ws, c as u16, *wdt, kinds.get(c).copied().flatten(), f).map_err(whole)?;
    }
    if ncols > 0 {
        ws.set_freeze_panes(1, 0).map_err(whole)?;
        let last = s.rows.len().saturating_sub(1) as u32;
        ws.autofilter(0, 0, last, (ncols - 1) as u16)
            .map_err(whole)?;
    }
    Ok(())
}

/// Writes the cell at (row, column) of a column of `kind`; returns how wide it is, in
/// characters.
fn write_cell(
    ws: &mut Worksheet,
    (r, c): (usize, usize),
    cell: &Cell,
    kind: Option<Kind>,
    f: &Formats,
) -> Result<usize, XlsxError> {
    let (rn, cn) = (r as u32, c as u16);
    Ok(match cell {
        Cell::Empty => 0,
        Cell::Text(t) if r == 0 => {
            ws.write_string_with_format(rn, cn, t, &f.head)?;
            t.chars().count() + 3
        }
        Cell::Text(t) if is_text_kind(kind) => {
            ws.write_string_with_format(rn, cn, t, &f.text)?;
            t.chars().count()
        }
        Cell::Text(t) => {
            ws.write_string(rn, cn, t)?;
            t.lines().map(|l| l.chars().count()).max().unwrap_or(0)
        }
        Cell::Number(n) => {
            ws.write_number(rn, cn, *n)?;
            number_text(*n).len()
        }
        Cell::Bool(b) => {
            ws.write_boolean(rn, cn, *b)?;
            5
        }
        Cell::Date(d) => {
            let xd = u16::try_from(d.year())
                .ok()
                .and_then(|y| ExcelDateTime::from_ymd(y, d.month(), d.day()).ok());
            match xd {
                Some(xd) => {
                    ws.write_datetime_with_format(rn, cn, &xd, &f.date)?;
                }
                // Before 1900: Excel has no such date, so ISO text.
                None => {
                    ws.write_string_with_format(rn, cn, d.to_string(), &f.text)?;
                }
            }
            11
        }
    })
}

/// A column's width (at most 60), and by its `kind` its format (text, date) or the list of
/// the feed's words to choose from.
fn format_column(
    ws: &mut Worksheet,
    cn: u16,
    width: usize,
    kind: Option<Kind>,
    f: &Formats,
) -> Result<(), XlsxError> {
    ws.set_column_width(cn, width.min(60) as f64)?;
    match kind {
        k if is_text_kind(k) => {
            ws.set_column_format(cn, &f.text)?;
            // Ids such as 1.3 are meant as text: no "number stored as text" marks.
            ws.ignore_error_range(1, cn, 1_048_575, cn, IgnoreError::NumberStoredAsText)?;
        }
        Some(Kind::Date) => {
            ws.set_column_format(cn, &f.date)?;
        }
        Some(Kind::Enum(words)) => {
            let dv = DataValidation::new()
                .allow_list_strings(words)
                .and_then(|dv| {
                    dv.set_error_style(DataValidationErrorStyle::Warning)
                        .set_error_message(
                            "This is not one of the feed's words: import will report it.",
                        )
                })?;
            ws.add_data_validation(1, cn, 1_048_575, cn, &dv)?;
        }
        _ => {}
    }
    Ok(())
}
