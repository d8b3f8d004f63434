//! The CSV writer: the template as a folder of CSV files, one per sheet, written with the
//! download's own cell writer.

use super::cells::number_text;
#[cfg(not(target_arch = "wasm32"))]
use super::Workbook;
use super::{Cell, Sheet};
use crate::csv;
#[cfg(not(target_arch = "wasm32"))]
use std::path::Path;

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

#[cfg(test)]
mod tests {
    use super::super::{
        cells::{typed, How},
        ordered_json::OrderedJson,
        read_csv::csv_sheet,
        template::Kind,
    };
    use super::*;

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
                    Kind::Text,
                    cell,
                    How {
                        csv: true,
                        month_first: false
                    }
                ),
                Some(OrderedJson::String(s.into())),
                "{s} → {text}"
            );
        }
    }
}
