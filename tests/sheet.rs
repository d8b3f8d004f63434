//! The spreadsheet template: import, export and their command line (`src/publish/sheet/`,
//! `cli.rs`).
//!
//! - Every example feed in `www/examples/` goes feed → workbook → feed (as .xlsx bytes and as
//!   a folder of CSV files) and comes back as the same validated model.
//! - The committed templates in `www/template/` are what `export` makes of northbridge.json,
//!   and import to its model.
//! - `tests/feeds/sheets/*/` are CSV folders an officer might send; each `expected.txt` holds
//!   the exit status and the exact report of `import`. The messages are the validator's own
//!   words, so when `validate.rs` rewords one, regenerate them (and read the diff):
//!
//!   ```sh
//!   cargo build && for d in tests/feeds/sheets/*/; do d=${d%/}
//!     out=$(target/debug/action-plan-tracker import $d -o /tmp/out.json); code=$?
//!     printf 'exit %s\n%s\n' "$code" "${out//\/tmp\/out.json/OUT}" > $d/expected.txt; done
//!   ```
//! - Workbooks made here the way Excel users fill them in (serial dates, date cells,
//!   `DD/MM/YYYY` text, ids Excel made numbers) import as they should, and nothing a reader is
//!   given makes it panic.
#![cfg(not(target_arch = "wasm32"))]

use action_plan_tracker::cli::{run, Io};
use action_plan_tracker::feed::Feed;
use action_plan_tracker::sheet::{self, Cell, Workbook};
use action_plan_tracker::validate;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A fresh, empty folder under the system's temporary folder.
fn temp_dir(name: &str) -> PathBuf {
    static N: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!(
        "apt-sheet-{}-{}-{name}",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed)
    ));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

fn examples() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = fs::read_dir(root().join("www/examples"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    v.sort();
    assert!(!v.is_empty(), "no example feeds in www/examples");
    v
}

/// The validated model of a JSON feed, which must have no errors.
fn model(path: &Path) -> Feed {
    let r = validate::check(&fs::read(path).unwrap());
    assert_eq!(r.errors(), 0, "{}: {:?}", path.display(), r.problems);
    r.feed.unwrap()
}

/// Imports a workbook that must have no errors; returns its feed model.
fn imported(wb: &Workbook, what: &str) -> Feed {
    let i = sheet::import(wb);
    let lines: Vec<String> = i.problems.iter().map(ToString::to_string).collect();
    assert_eq!(i.errors(), 0, "{what}: {lines:#?}");
    i.report.feed.unwrap()
}

fn cli(args: &[&str], stdin: &[u8]) -> (i32, Vec<u8>, String) {
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let mut input = stdin;
    let args: Vec<String> = args.iter().map(|s| s.to_string()).collect();
    let status = run(
        &args,
        &mut Io {
            stdin: &mut input,
            out: &mut out,
            err: &mut err,
        },
    );
    (status, out, String::from_utf8(err).unwrap())
}

fn text(b: Vec<u8>) -> String {
    String::from_utf8(b).unwrap()
}

#[test]
fn every_example_round_trips_through_a_workbook_and_csv_files() {
    for path in examples() {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let feed = model(&path);
        let wb = sheet::workbook_of(&feed);
        assert_eq!(imported(&wb, &name), feed, "{name}: in memory");

        let bytes = sheet::to_xlsx(&wb).unwrap();
        let back = sheet::read_workbook_bytes(&bytes).unwrap();
        assert_eq!(imported(&back, &name), feed, "{name}: through .xlsx");

        let dir = temp_dir("round-trip");
        sheet::write_csv_folder(&wb, &dir).unwrap();
        let back = sheet::read(&dir).unwrap();
        assert_eq!(imported(&back, &name), feed, "{name}: through CSV files");
        let _ = fs::remove_dir_all(&dir);
    }
}

#[test]
fn the_imported_json_is_the_example_json() {
    // Not only the same model: the same keys and values (numbers compared as numbers).
    fn norm(v: serde_json::Value) -> serde_json::Value {
        use serde_json::Value as V;
        match v {
            V::Number(n) => serde_json::json!(n.as_f64().unwrap()),
            V::Array(a) => V::Array(a.into_iter().map(norm).collect()),
            V::Object(o) => V::Object(o.into_iter().map(|(k, v)| (k, norm(v))).collect()),
            v => v,
        }
    }
    for path in examples() {
        let feed = model(&path);
        let i = sheet::import(&sheet::workbook_of(&feed));
        let want: serde_json::Value = serde_json::from_slice(&fs::read(&path).unwrap()).unwrap();
        let got: serde_json::Value = serde_json::from_str(&i.json).unwrap();
        assert_eq!(norm(got), norm(want), "{}", path.display());
    }
}

#[test]
fn workbooks_hold_real_dates_and_text_ids() {
    let feed = model(&root().join("www/examples/northbridge.json"));
    let bytes = sheet::to_xlsx(&sheet::workbook_of(&feed)).unwrap();
    let wb = sheet::read_workbook_bytes(&bytes).unwrap();
    let actions = wb.sheet("actions").unwrap();
    let head: Vec<&Cell> = actions.rows[0].iter().collect();
    let col = |name: &str| {
        head.iter()
            .position(|c| **c == Cell::Text(name.into()))
            .unwrap()
    };
    let (id, due, progress) = (col("id"), col("due"), col("progress"));
    let first = &actions.rows[1];
    assert_eq!(first[id], Cell::Text(feed.actions[0].id.clone()));
    assert!(
        matches!(first[due], Cell::Date(_)),
        "due is an Excel date: {:?}",
        first[due]
    );
    assert!(matches!(first[progress], Cell::Number(_) | Cell::Empty));
    let values = wb.sheet("values").unwrap();
    assert!(values.rows[1..]
        .iter()
        .all(|r| matches!(r[2], Cell::Text(_))));
}

#[test]
fn the_committed_templates_are_northbridge_and_up_to_date() {
    let feed = model(&root().join("www/examples/northbridge.json"));
    let made = sheet::workbook_of(&feed);

    let xlsx = sheet::read(&root().join("www/template/action-plan-template.xlsx")).unwrap();
    assert_eq!(imported(&xlsx, "action-plan-template.xlsx"), feed);
    assert_eq!(
        xlsx.sheets, made.sheets,
        "www/template/action-plan-template.xlsx is out of date: regenerate it (docs/spreadsheet-template.md)"
    );

    let csv = sheet::read(&root().join("www/template/csv")).unwrap();
    assert_eq!(imported(&csv, "www/template/csv"), feed);
    for s in &made.sheets {
        let file = root().join(format!("www/template/csv/{}.csv", s.name));
        assert_eq!(
            fs::read_to_string(&file).unwrap(),
            sheet::to_csv(s),
            "{} is out of date: regenerate it (docs/spreadsheet-template.md)",
            file.display()
        );
    }

    let empty = sheet::read(&root().join("www/template/empty-template.xlsx")).unwrap();
    let want = sheet::empty_template(false);
    assert_eq!(
        empty.sheets, want.sheets,
        "empty-template.xlsx is out of date"
    );
    let names: Vec<&str> = empty.sheets.iter().map(|s| s.name.as_str()).collect();
    let template: Vec<&str> = sheet::sheets().iter().map(|(n, _)| *n).collect();
    assert_eq!(names, template);
    for (s, (_, cols)) in empty.sheets.iter().zip(sheet::sheets()) {
        let head: Vec<Cell> = cols.iter().map(|c| Cell::Text(c.to_string())).collect();
        assert_eq!(s.rows, vec![head], "{}: only the column names", s.name);
    }
}

/// Each folder of `tests/feeds/sheets/` imported by the command line: exit status and report.
#[test]
fn spreadsheet_problems_are_reported_exactly() {
    let dir = root().join("tests/feeds/sheets");
    let out = temp_dir("cases").join("feed.json");
    let out_s = out.to_string_lossy().into_owned();
    let mut cases: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    cases.sort();
    assert!(cases.len() >= 10, "the cases are missing");
    let mut failures = Vec::new();
    for case in cases {
        let rel = format!(
            "tests/feeds/sheets/{}",
            case.file_name().unwrap().to_string_lossy()
        );
        let want = fs::read_to_string(case.join("expected.txt")).unwrap();
        // Run from the crate root so the report names the folder as written here.
        let (status, stdout, stderr) = cli(&["import", &rel, "-o", &out_s], b"");
        let got = format!("exit {status}\n{}", text(stdout).replace(&out_s, "OUT"));
        if got.trim_end() != want.trim_end() {
            failures.push(format!(
                "{rel}:\n--- want\n{want}\n--- got\n{got}\n{stderr}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn what_officers_type_is_understood() {
    let wb = sheet::read(&root().join("tests/feeds/sheets/officer-typing")).unwrap();
    let i = sheet::import(&wb);
    assert_eq!(i.errors(), 0);
    let v: serde_json::Value = serde_json::from_str(&i.json).unwrap();
    assert_eq!(v["schema_version"], "1.0");
    assert_eq!(v["as_of"], "2026-10-31");
    assert_eq!(v["published"], "2026-11-07");
    let a = &v["actions"][0];
    assert_eq!(a["id"], "1.10");
    assert_eq!(a["status"], "in_progress");
    assert_eq!(a["rag"], "amber");
    assert_eq!(a["progress"], 60.0);
    assert_eq!(a["due"], "2026-03-31");
    assert_eq!(a["revised_due"], "2026-04-30");
    assert_eq!(a["findings"], serde_json::json!(["F1", "F2"]));
    assert_eq!(v["actions"][1]["completed"], "2026-01-15");
    assert_eq!(v["actions"][1]["due"], "2026-01-31");
    assert_eq!(
        v["actions"][1]["title"], "=Refresh the audit framework",
        "the CSV formula guard is taken off"
    );
    assert_eq!(v["findings"][1]["kind"], "priority_action");
    let ind = &v["indicators"][0];
    assert_eq!(ind["unit"], "percent");
    assert_eq!(ind["target"]["value"], 80.0);
    assert_eq!(ind["values"][0]["value"], 71.5);
    assert_eq!(ind["values"][1]["value"], serde_json::Value::Null);
    assert_eq!(ind["values"][1]["suppressed"], true);
    assert_eq!(ind["values"][2]["period"], "2026-03-31");
}

#[test]
fn month_first_csv_dates_are_read_month_first() {
    let wb = sheet::read(&root().join("tests/feeds/sheets/month-first")).unwrap();
    let i = sheet::import(&wb);
    assert_eq!(i.errors(), 0);
    let v: serde_json::Value = serde_json::from_str(&i.json).unwrap();
    assert_eq!(v["as_of"], "2026-10-31");
    assert_eq!(
        v["actions"][0]["start"], "2026-01-05",
        "01/05/2026 is 5 January"
    );
    assert_eq!(v["actions"][0]["due"], "2026-03-31");
}

/// A workbook filled in the way Excel users fill it in, made with rust_xlsxwriter.
fn excel_users_workbook() -> Vec<u8> {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let mut wb = Workbook::new();
    let date = Format::new().set_num_format("d mmm yyyy");
    let plan = wb.add_worksheet();
    plan.set_name("Plan").unwrap();
    for (c, h) in [
        "schema_version",
        "as_of",
        "published",
        "publisher_name",
        "title",
    ]
    .iter()
    .enumerate()
    {
        plan.write_string(0, c as u16, *h).unwrap();
    }
    plan.write_number(1, 0, 1.0).unwrap(); // Excel made "1.0" a number
    plan.write_number(1, 1, 46_326.0).unwrap(); // a serial day number: 2026-10-31
    plan.write_datetime_with_format(1, 2, ExcelDateTime::from_ymd(2026, 11, 7).unwrap(), &date)
        .unwrap();
    plan.write_string(1, 3, "Northbridge Borough Council")
        .unwrap();
    plan.write_string(1, 4, "Improvement plan").unwrap();

    let actions = wb.add_worksheet();
    actions.set_name("Actions").unwrap();
    for (c, h) in ["ID", "Title", "Status", "Due", "Progress", "deu"]
        .iter()
        .enumerate()
    {
        actions.write_string(0, c as u16, *h).unwrap();
    }
    actions.write_number(1, 0, 1.3).unwrap(); // Excel made "1.3" a number
    actions.write_string(1, 1, "Set up the board").unwrap();
    actions.write_string(1, 2, "In progress").unwrap();
    actions.write_string(1, 3, "31/03/2026").unwrap();
    actions.write_number(1, 4, 60).unwrap();
    actions.write_string(2, 0, "1.4").unwrap();
    actions
        .write_string(2, 1, "Recruit social workers")
        .unwrap();
    actions.write_string(2, 2, "not_started").unwrap();
    actions.write_string(2, 3, "31/02/2026").unwrap();
    // Row 4 left empty: ignored. Row 5 repeats an id.
    actions.write_string(4, 0, "1.3").unwrap();
    actions
        .write_string(4, 1, "Launch the practice model")
        .unwrap();
    actions.write_string(4, 2, "not_started").unwrap();
    actions
        .write_datetime_with_format(4, 3, ExcelDateTime::from_ymd(2026, 6, 30).unwrap(), &date)
        .unwrap();

    let notes = wb.add_worksheet();
    notes.set_name("Notes").unwrap();
    notes.write_string(0, 0, "Our own notes").unwrap();
    wb.save_to_buffer().unwrap()
}

#[test]
fn excel_users_workbooks_import_with_exact_messages() {
    let wb = sheet::read_workbook_bytes(&excel_users_workbook()).unwrap();
    let i = sheet::import(&wb);
    let lines: Vec<String> = i.problems.iter().map(ToString::to_string).collect();
    assert_eq!(
        lines,
        [
            "sheet \"Notes\" is not part of the template, so it is ignored",
            "Actions, row 1, column deu: unknown column \"deu\" is ignored; did you mean \"due\"?",
            "Actions, row 3, column Due: \"2026-02-31\" is not a real date; write dates as YYYY-MM-DD, e.g. 2026-02-28",
            "Actions, row 5, column ID: id \"1.3\" is already used by row 2 of Actions; each action needs its own id",
        ]
    );
    let v: serde_json::Value = serde_json::from_str(&i.json).unwrap();
    assert_eq!(v["schema_version"], "1.0");
    assert_eq!(v["as_of"], "2026-10-31", "a serial day number");
    assert_eq!(v["published"], "2026-11-07", "a date cell");
    assert_eq!(v["actions"][0]["id"], "1.3");
    assert_eq!(v["actions"][0]["due"], "2026-03-31", "DD/MM/YYYY text");
    assert_eq!(v["actions"][0]["status"], "in_progress");
    assert_eq!(v["actions"][2]["due"], "2026-06-30");
}

#[test]
fn a_missing_plan_sheet_is_one_problem() {
    let mut wb = sheet::read_workbook_bytes(&excel_users_workbook()).unwrap();
    wb.sheets.retain(|s| s.name != "Plan");
    let i = sheet::import(&wb);
    let errors: Vec<String> = i
        .problems
        .iter()
        .filter(|p| p.severity == validate::Severity::Error)
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        errors[0],
        "the workbook has no sheet \"plan\"; add it, with the column names in its first row"
    );
    assert!(
        errors.iter().all(|e| !e.contains("as_of")),
        "no cascade of plan problems: {errors:#?}"
    );
}

#[test]
fn the_command_line_imports_and_exports() {
    let dir = temp_dir("cli");
    let northbridge = root().join("www/examples/northbridge.json");
    let nb = northbridge.to_string_lossy().into_owned();
    let xlsx = dir.join("plan.xlsx").to_string_lossy().into_owned();
    let json = dir.join("feed.json").to_string_lossy().into_owned();

    let (s, out, err) = cli(&["export", &nb, "-o", &xlsx], b"");
    assert_eq!((s, err.as_str()), (0, ""), "{}", text(out));
    let (s, out, err) = cli(&["import", &xlsx, "-o", &json], b"");
    assert_eq!(s, 0, "{}{err}", text(out));
    assert_eq!(model(Path::new(&json)), model(&northbridge));

    // Standard input and output: a feed in, a workbook out, the report to standard error.
    let feed = fs::read(&northbridge).unwrap();
    let (s, out, err) = cli(&["export", "-", "-o", "-"], &feed);
    assert_eq!(s, 0, "{err}");
    assert!(out.starts_with(b"PK"), "an .xlsx (zip) file");
    assert!(err.contains("written to (standard output)"), "{err}");
    let (s, json_out, err) = cli(&["import", "-", "-o", "-"], &out);
    assert_eq!(s, 0, "{err}");
    let r = validate::check(&json_out);
    assert_eq!(r.feed.unwrap(), model(&northbridge));

    // The empty template, as CSV files, bilingual.
    let csv = dir.join("empty").to_string_lossy().into_owned();
    let (s, _, _) = cli(&["export", "--empty", "--bilingual", "-o", &csv], b"");
    assert_eq!(s, 0);
    let plan = fs::read_to_string(dir.join("empty/plan.csv")).unwrap();
    assert!(plan.contains("\"title_en\",\"title_cy\""), "{plan}");

    // Exit statuses.
    let bad = br#"{"schema_version": "1.0", "publisher": {"name": "N"}, "as_of": "2026-10-31",
        "plan": {"title": "P"}, "actions": [{"id": "1", "title": "A", "status": "done"}]}"#;
    let (s, out, _) = cli(&["export", "-", "-o", &xlsx], bad);
    assert_eq!(s, 1, "a feed with errors is not exported");
    assert!(text(out).contains("not exported"));
    assert_eq!(cli(&["export", "-", "-o", &xlsx], b"[]").0, 1);
    assert_eq!(
        cli(&["export", "/no/such/feed.json", "-o", &xlsx], b"").0,
        1
    );
    assert_eq!(cli(&["export", &nb, "-o", "plan.ods"], b"").0, 2);
    assert_eq!(cli(&["export", &nb], b"").0, 2);
    assert_eq!(cli(&["export", &nb, "-o", &xlsx, "--frob"], b"").0, 2);
    assert_eq!(cli(&["import", &xlsx], b"").0, 2);
    assert_eq!(cli(&["import", "/no/such/folder", "-o", &json], b"").0, 2);
    assert_eq!(
        cli(&["import", &nb, "-o", &json], b"").0,
        2,
        "JSON is no workbook"
    );
    assert_eq!(cli(&["import", "-", "-o", &json], b"not a workbook").0, 2);
    let one_csv = root().join("www/template/csv/plan.csv");
    let (s, _, err) = cli(&["import", &one_csv.to_string_lossy(), "-o", &json], b"");
    assert_eq!(s, 2);
    assert!(err.contains("give the folder"), "{err}");
    let empty_dir = temp_dir("no-csv").to_string_lossy().into_owned();
    assert_eq!(cli(&["import", &empty_dir, "-o", &json], b"").0, 2);
    let (s, _, err) = cli(&["import", &xlsx, "-o", "/no/such/folder/feed.json"], b"");
    assert_eq!(s, 2, "{err}");
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn the_command_line_renders_a_page() {
    let dir = temp_dir("render");
    let page = dir.join("plan.html").to_string_lossy().into_owned();
    let nb = root().join("www/examples/northbridge.json");
    let nb = nb.to_string_lossy();
    let (s, out, err) = cli(&["render", &nb, "-o", &page], b"");
    assert_eq!(s, 0, "{err}");
    assert!(text(out).contains("page written to"));
    let html = fs::read_to_string(&page).unwrap();
    assert!(
        html.starts_with("<!DOCTYPE html>"),
        "{}",
        &html[..50.min(html.len())]
    );
    assert!(!html.contains("<script"));
    let (s, out, _) = cli(&["render", &nb, "--lang", "cy", "-o", "-"], b"");
    assert_eq!(s, 0);
    assert!(text(out).contains("<html lang=\"cy\""));
    assert_eq!(cli(&["render", "-", "-o", &page], b"[]").0, 1);
    assert_eq!(
        cli(&["render", "/no/such/feed.json", "-o", &page], b"").0,
        1
    );
    assert_eq!(cli(&["render", &nb, "--lang", "fr", "-o", &page], b"").0, 2);
    assert_eq!(cli(&["render", &nb], b"").0, 2);
    let _ = fs::remove_dir_all(&dir);
}

/// Anything at all given as a workbook or a CSV file: an answer, never a panic.
#[test]
fn no_input_makes_the_readers_panic() {
    let good = sheet::to_xlsx(&sheet::workbook_of(&model(
        &root().join("www/examples/southmoor-monitoring.json"),
    )))
    .unwrap();
    // Every cut of a real workbook, and the workbook with bytes changed.
    for len in (0..good.len()).step_by(97) {
        if let Ok(wb) = sheet::read_workbook_bytes(&good[..len]) {
            sheet::import(&wb);
        }
    }
    let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for _ in 0..200 {
        let mut b = good.clone();
        for _ in 0..8 {
            let i = (next() as usize) % b.len();
            b[i] = next() as u8;
        }
        if let Ok(wb) = sheet::read_workbook_bytes(&b) {
            sheet::import(&wb);
        }
    }
    // CSV text of every shape: quotes, separators, line ends, invalid UTF-8, UTF-16.
    let alphabet: &[u8] = b"ab,;\t\"\r\n'=1/-\xff\xfe\xef\xbb\xbf ";
    for _ in 0..500 {
        let n = (next() % 64) as usize;
        let bytes: Vec<u8> = (0..n)
            .map(|_| alphabet[(next() as usize) % alphabet.len()])
            .collect();
        let (s, _) = sheet::csv_sheet("actions.csv", &bytes);
        let header = "id,title,status,due,progress,findings\r\n".as_bytes();
        let (a, _) = sheet::csv_sheet("actions.csv", &[header, &bytes].concat());
        let (p, _) = sheet::csv_sheet("plan.csv", &bytes);
        sheet::import(&Workbook {
            sheets: vec![s, a, p],
            source: sheet::Source::CsvFolder,
            problems: Vec::new(),
        });
    }
}

#[test]
fn the_documentation_describes_every_sheet_and_column() {
    let doc = fs::read_to_string(root().join("docs/spreadsheet-template.md")).unwrap();
    for (name, cols) in sheet::sheets() {
        let head = format!("\n## {name}\n");
        let start = doc
            .find(&head)
            .unwrap_or_else(|| panic!("docs/spreadsheet-template.md has no section \"## {name}\""));
        let rest = &doc[start + head.len()..];
        let section = &rest[..rest.find("\n## ").unwrap_or(rest.len())];
        for c in cols {
            assert!(
                section.contains(&format!("`{c}`")),
                "docs/spreadsheet-template.md, section {name}, does not describe column `{c}`"
            );
        }
    }
}

/// A feed with every awkward thing a spreadsheet could lose: text that looks like a formula,
/// a number or a date, line breaks and spaces, Welsh only, ids Excel would change, numbers
/// that are not round, dates Excel cannot hold.
const AWKWARD: &str = r#"{
  "schema_version": "1.3",
  "publisher": {"name": {"cy": "Cyngor Sir Cwm Tawel"}, "contact_email": "plant@cwmtawel.gov.uk"},
  "as_of": "2026-10-31",
  "plan": {"title": "=1+1", "summary": "Line one\nLine two\r\nLine three", "approved": "1899-12-31",
           "rag_definitions": {"red": {"en": "Off track", "cy": "Ddim ar y trywydd iawn"}}},
  "inspections": [{"id": "007", "inspectorate": "other", "type": "other", "title": "  spaces around  ",
                   "start": "1900-02-28", "end": "1900-03-01",
                   "judgements": [{"area": "other", "grade": "not_judged", "label": "@home"}]}],
  "findings": [{"id": "-1", "kind": "strength", "text": "'quoted'", "inspection": "007"}],
  "priorities": [{"id": "1.10", "title": "+44 20 7946 0000", "findings": ["-1"]}],
  "actions": [
    {"id": "1.10", "priority": "1.10", "title": "31/03/2026", "status": "in_progress",
     "progress": 33.333333333333336, "due": "9999-12-31", "findings": ["-1"],
     "success_measures": ["2019-03", {"cy": "Dim ond Cymraeg"}, "TRUE"],
     "milestones": [{"title": "0.1"}],
     "updates": [{"date": "2026-01-01"}, {"date": "2026-02-01", "text": "<script>alert(1)</script> & ŵ ŷ 👍", "meeting": "m 1"}],
     "evidence": [{"text": "\tTabbed"}]},
    {"id": "1.10.1", "parent": "1.10", "title": "Sub-action", "status": "withdrawn", "progress": 0}
  ],
  "indicators": [{"id": "i", "name": "Rate", "unit": "rate_per_10000", "polarity": "neutral",
                  "target": {"value": 1e-7},
                  "values": [{"period": "2018/19", "value": -0.5}, {"period": "2019-Q4", "value": null},
                             {"period": "2020-02", "value": null, "suppressed": true, "note": "=small"},
                             {"period": "2020-02-29", "value": 123456789012.25}],
                  "comparators": [{"name": {"cy": "Cymru"}, "values": [{"period": "2019-Q4", "value": 1}]},
                                  {"name": "England", "values": []}]}],
  "meetings": [{"id": "m 1", "date": "2026-02-01", "body": "Scrutiny", "url": "https://example.gov.uk/a,b?c=\"d\""}]
}"#;

#[test]
fn awkward_feeds_round_trip_exactly() {
    let r = validate::check(AWKWARD.as_bytes());
    assert_eq!(r.errors(), 0, "{:#?}", r.problems);
    let feed = r.feed.unwrap();
    let wb = sheet::workbook_of(&feed);
    assert_eq!(imported(&wb, "in memory"), feed);
    let back = sheet::read_workbook_bytes(&sheet::to_xlsx(&wb).unwrap()).unwrap();
    assert_eq!(imported(&back, "xlsx"), feed);
    let dir = temp_dir("awkward");
    sheet::write_csv_folder(&wb, &dir).unwrap();
    assert_eq!(imported(&sheet::read(&dir).unwrap(), "csv"), feed);
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn what_a_spreadsheet_cannot_hold_is_reported_by_export() {
    // A finding whose id has a comma, in a list of ids.
    let feed = AWKWARD.replace(
        r#""findings": [{"id": "-1","#,
        r#""findings": [{"id": "a,b", "kind": "strength", "text": "Comma"}, {"id": "-1","#,
    );
    let feed = feed.replace(r#""findings": ["-1"]}],"#, r#""findings": ["a,b"]}],"#);
    let (s, out, err) = cli(&["export", "-", "-o", "-"], feed.as_bytes());
    assert_eq!(s, 1, "{err}");
    assert!(out.starts_with(b"PK"), "the workbook is still written");
    assert!(
        err.contains("but the spreadsheet cannot hold priority \"1.10\" exactly"),
        "{err}"
    );
}

/// The browser tests of the feed checker page open this workbook
/// (`tests/browser/fixtures/publishing/officer.xlsx`): it must stay the workbook above, whose
/// problems are checked exactly there. `UPDATE_FIXTURES=1 cargo test --test sheet` rewrites it.
#[test]
fn the_checker_pages_workbook_fixture_is_the_excel_users_workbook() {
    let path = root().join("tests/browser/fixtures/publishing/officer.xlsx");
    if std::env::var_os("UPDATE_FIXTURES").is_some() {
        fs::write(&path, excel_users_workbook()).unwrap();
    }
    let committed = sheet::import(&sheet::read(&path).unwrap());
    let made = sheet::import(&sheet::read_workbook_bytes(&excel_users_workbook()).unwrap());
    assert_eq!(
        committed.problems,
        made.problems,
        "{} is out of date: UPDATE_FIXTURES=1 cargo test --test sheet",
        path.display()
    );
    assert_eq!(committed.json, made.json);
}

/// (1.1) Every key of feed 1.1: month dates, plan status, responses, numbers, recurrence,
/// approximate figures, breakdowns (the council's and a comparator's) and follow-ups.
const MINUTES: &str = r#"{
  "schema_version": "1.1",
  "publisher": {"name": "Council"},
  "as_of": "2019-10-31",
  "plan": {"title": "Draft plan", "status": "draft", "submit_by": "2019-12", "submitted": "2019-11-29", "approved": "2019-03"},
  "findings": [{"id": "F1", "kind": "area_for_improvement", "text": "Supervision", "response": {"en": "Accepted", "cy": "Derbyniwyd"}}],
  "actions": [
    {"id": "a1", "number": "1.3", "title": "Audit", "status": "in_progress", "due": "2019-03",
     "recurrence": "every six weeks", "updates": [{"date": "2019-06", "text": "Done in June"}],
     "milestones": [{"title": "m", "due": "2019-02", "completed": "2019-02"}]},
    {"id": "a2", "number": "1.3", "title": "Second 1.3", "status": "not_started"}],
  "indicators": [{"id": "sw", "name": "Children by social workers had", "unit": "count", "polarity": "lower_is_better",
    "target": {"value": 40, "by": "2020-03"},
    "values": [{"period": "2019-03", "value": 57, "approximate": true,
                "breakdown": [{"label": "6", "value": 36}, {"label": "9 or more", "value": null, "suppressed": true}]},
               {"period": "2019-06", "value": 60}],
    "comparators": [{"name": "England", "values": [{"period": "2019-03", "value": 50,
                "breakdown": [{"label": "6", "value": 30}]}]}]}],
  "meetings": [{"id": "m1", "date": "2019-01-15", "body": "Panel",
    "follow_ups": [{"text": "An annual update to the Panel", "lead": "Director", "due": "2020-01"},
                   {"text": "Agency spend", "due": "2019-03-31", "done": "2019-03"}]}]
}"#;

#[test]
fn feed_1_1_round_trips_through_a_workbook_and_csv_files() {
    let r = validate::check(MINUTES.as_bytes());
    assert_eq!(r.problems, vec![], "{:#?}", r.problems);
    let feed = r.feed.unwrap();
    let wb = sheet::workbook_of(&feed);
    let names: Vec<&str> = wb.sheets.iter().map(|s| s.name.as_str()).collect();
    assert!(
        names.contains(&"breakdown") && names.contains(&"follow_ups"),
        "{names:?}"
    );
    let month = wb.sheet("follow_ups").unwrap().rows[1][3].clone();
    assert_eq!(
        month,
        sheet::Cell::Text("2020-01".into()),
        "a month stays a month"
    );
    assert_eq!(imported(&wb, "in memory"), feed);
    let back = sheet::read_workbook_bytes(&sheet::to_xlsx(&wb).unwrap()).unwrap();
    assert_eq!(imported(&back, "xlsx"), feed);
    let dir = temp_dir("minutes");
    sheet::write_csv_folder(&wb, &dir).unwrap();
    assert_eq!(imported(&sheet::read(&dir).unwrap(), "csv"), feed);
    let _ = fs::remove_dir_all(&dir);
    // The same JSON, key for key.
    let got: serde_json::Value = serde_json::from_str(&sheet::import(&wb).json).unwrap();
    let want: serde_json::Value = serde_json::from_str(MINUTES).unwrap();
    assert_eq!(got, want);
}

#[test]
fn a_breakdown_row_names_a_figure_that_exists() {
    let r = validate::check(MINUTES.as_bytes());
    let mut wb = sheet::workbook_of(&r.feed.unwrap());
    let b = wb
        .sheets
        .iter_mut()
        .find(|s| s.name == "breakdown")
        .unwrap();
    b.rows[1][2] = sheet::Cell::Text("2019-09".into());
    let i = sheet::import(&wb);
    let lines: Vec<String> = i.problems.iter().map(ToString::to_string).collect();
    assert_eq!(
        lines,
        ["breakdown, row 2, column period: indicator \"sw\" has no figure for \"2019-09\" in the values sheet to break down; add the figure there first"]
    );
}

// ---- hostile workbooks (issue #13): the checker page reads them in the officer's browser --

/// Runs `f` on its own thread and fails if it takes over `secs` seconds.
fn within<T: Send + 'static>(secs: u64, what: &str, f: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(f());
    });
    rx.recv_timeout(std::time::Duration::from_secs(secs))
        .unwrap_or_else(|e| panic!("{what}: {e} after {secs} s"))
}

/// A small .xlsx whose Actions sheet has its headings, and `extra` filled in after them.
fn workbook_with(extra: impl FnOnce(&mut rust_xlsxwriter::Worksheet)) -> Vec<u8> {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let actions = wb.add_worksheet();
    actions.set_name("Actions").unwrap();
    for (c, h) in ["id", "title", "status"].iter().enumerate() {
        actions.write_string(0, c as u16, *h).unwrap();
    }
    extra(actions);
    wb.save_to_buffer().unwrap()
}

/// `xlsx` with part `name` replaced (or added) by `content`, compressed.
fn with_part(xlsx: &[u8], name: &str, content: &[u8]) -> Vec<u8> {
    use std::io::{Read, Write};
    let mut zin = zip::ZipArchive::new(std::io::Cursor::new(xlsx)).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(1));
    for i in 0..zin.len() {
        let mut f = zin.by_index(i).unwrap();
        let n = f.name().unwrap().to_string();
        if n == name {
            continue;
        }
        let mut body = Vec::new();
        f.read_to_end(&mut body).unwrap();
        out.start_file(n, opts).unwrap();
        out.write_all(&body).unwrap();
    }
    out.start_file(name, opts).unwrap();
    out.write_all(content).unwrap();
    out.finish().unwrap().into_inner()
}

#[test]
fn a_stray_cell_far_away_is_named_not_read_as_a_grid() {
    // Cells A1 and XFD1048576 made the reader build a grid of 17 billion cells.
    let bytes = workbook_with(|s| {
        s.write_string(1_048_575, 16_383, "x").unwrap();
    });
    let r = within(20, "a stray cell at XFD1048576", move || {
        sheet::read_workbook_bytes(&bytes).map(|_| ())
    });
    let err = r.unwrap_err();
    assert!(
        err.starts_with("the sheet \"Actions\" uses 16,384 columns; the template has "),
        "{err}"
    );
    assert!(err.contains("Remove the stray cell at XFD1048576"), "{err}");
    // Far down, in the template's columns: the rows are named.
    let bytes = workbook_with(|s| {
        s.write_string(1_048_575, 3, "x").unwrap();
    });
    let err = sheet::read_workbook_bytes(&bytes).map(|_| ()).unwrap_err();
    assert!(err.contains("uses 1,048,576 rows"), "{err}");
    assert!(err.contains("Remove the stray cell at D1048576"), "{err}");
}

#[test]
fn shared_strings_that_claim_or_unpack_to_too_much_are_refused() {
    let base = workbook_with(|s| {
        s.write_string(1, 0, "1").unwrap();
    });
    // A count the reader reserved room for at once: 100 billion strings.
    let claim = br#"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="100000000000"><si><t>1</t></si></sst>"#;
    let bytes = with_part(&base, "xl/sharedStrings.xml", claim);
    let err = within(20, "uniqueCount", move || {
        sheet::read_workbook_bytes(&bytes).map(|_| ())
    })
    .unwrap_err();
    assert!(err.contains("100,000,000,000 different texts"), "{err}");
    // 129 MiB of spaces, a few hundred KB zipped.
    let mut big = b"<?xml version=\"1.0\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">".to_vec();
    big.resize(129 << 20, b' ');
    big.extend_from_slice(b"</sst>");
    let bytes = with_part(&base, "xl/sharedStrings.xml", &big);
    assert!(bytes.len() < 4 << 20, "{} bytes zipped", bytes.len());
    let err = within(60, "a 129 MiB part", move || {
        sheet::read_workbook_bytes(&bytes).map(|_| ())
    })
    .unwrap_err();
    assert!(
        err.contains("\"xl/sharedStrings.xml\" of this workbook unpacks to more than 128 MiB"),
        "{err}"
    );
}
