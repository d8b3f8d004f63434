//! The .xlsx writer (native only): the template as a workbook an officer can fill in Excel.

use super::cells::number_text;
use super::Cell;
use super::Sheet;
#[cfg(not(target_arch = "wasm32"))]
use super::{
    cells::cell_text,
    column_letter,
    template::{kind_of, sheet_key, Kind},
    Source, Workbook,
};

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
        Some(Kind::Str | Kind::Version | Kind::Id | Kind::Ref | Kind::Refs | Kind::Period)
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
                Some(Kind::Date) => {
                    ws.set_column_format(cn, &date).map_err(e)?;
                }
                Some(Kind::Enum(words)) => {
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
