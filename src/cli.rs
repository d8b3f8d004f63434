//! The `action-plan-tracker` command line, as `cli.md` defines it.
//!
//! A thin shell over the same core as the widget: it reads files (or standard input for `-`),
//! calls [`validate::check`] and [`Summary`], and prints. It takes its streams as parameters so
//! tests can drive it without spawning a process, and it never panics on any input.

use crate::date::Date;
use crate::feed;
use crate::i18n::Lang;
#[cfg(not(target_arch = "wasm32"))]
use crate::sheet;
use crate::summary::Summary;
use crate::validate::{self, JsonReport, Report, Severity};
use serde::Serialize;
use std::io::{Read, Write};

const USAGE: &str = "usage:
  action-plan-tracker validate [--format json] FEED...   check feeds (- reads standard input)
  action-plan-tracker summary FEED [--since DATE]        print the summary as JSON, with the
                                    changes since the last meeting before as_of (or DATE)
  action-plan-tracker schema                             print the JSON Schema of the feed
  action-plan-tracker render FEED -o PAGE.html [--lang cy] [--since DATE] [--full]
                                    the plan as one HTML page that needs no JavaScript;
                                    printed, the committee report (--full: with every
                                    action's details as an appendix)
  action-plan-tracker import SHEET -o FEED.json
                                    a feed from the spreadsheet template: an .xlsx workbook
                                    or a folder of CSV files (- reads a workbook from standard input)
  action-plan-tracker export FEED -o SHEET.xlsx
                                    the feed as the spreadsheet template (-o FOLDER writes
                                    one CSV file for each sheet)
  action-plan-tracker export --empty [--bilingual] -o SHEET.xlsx
                                    the empty template (--bilingual: title_en and title_cy
                                    columns instead of title)
  -o - writes to standard output (and the report to standard error)
";

/// The standard streams a command uses.
pub struct Io<'a> {
    /// Standard input, for `-`.
    pub stdin: &'a mut dyn Read,
    /// Reports.
    pub out: &'a mut dyn Write,
    /// Usage mistakes and files that cannot be read.
    pub err: &'a mut dyn Write,
}

/// Runs the command line `args` (without the program name); returns the exit status.
pub fn run(args: &[String], io: &mut Io) -> i32 {
    let r = match args.first().map(String::as_str) {
        Some("validate") => validate_cmd(&args[1..], io),
        Some("summary") => summary_cmd(&args[1..], io),
        Some("schema") if args.len() == 1 => print_json(io.out, &feed::schema()).map(|()| 0),
        Some("render") => render_cmd(&args[1..], io),
        #[cfg(not(target_arch = "wasm32"))]
        Some("import") => import_cmd(&args[1..], io),
        #[cfg(not(target_arch = "wasm32"))]
        Some("export") => export_cmd(&args[1..], io),
        Some("-h" | "--help" | "help") => io.out.write_all(USAGE.as_bytes()).map(|()| 0),
        _ => usage(io, "unknown command"),
    };
    // A closed output pipe is not worth a panic; report it and fail.
    r.unwrap_or_else(|e| {
        let _ = writeln!(io.err, "action-plan-tracker: could not write output: {e}");
        2
    })
}

fn usage(io: &mut Io, why: &str) -> std::io::Result<i32> {
    write!(io.err, "action-plan-tracker: {why}\n{USAGE}")?;
    Ok(2)
}

fn read(path: &str, io: &mut Io) -> Result<Vec<u8>, String> {
    let mut bytes = Vec::new();
    let r = if path == "-" {
        io.stdin
            .take(validate::MAX_BYTES as u64 + 1)
            .read_to_end(&mut bytes)
            .map(|_| ())
    } else {
        std::fs::File::open(path)
            .and_then(|f| {
                f.take(validate::MAX_BYTES as u64 + 1)
                    .read_to_end(&mut bytes)
            })
            .map(|_| ())
    };
    r.map(|()| bytes)
        .map_err(|e| format!("{}: cannot read the file: {e}", shown(path)))
}

fn shown(path: &str) -> &str {
    if path == "-" {
        "(standard input)"
    } else {
        path
    }
}

fn validate_cmd(args: &[String], io: &mut Io) -> std::io::Result<i32> {
    let mut json = false;
    let mut files = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--format" => match it.next().map(String::as_str) {
                Some("json") => json = true,
                Some("text" | "human") => json = false,
                other => {
                    return usage(
                        io,
                        &format!(
                            "--format takes json or text, not {}",
                            other.unwrap_or("nothing")
                        ),
                    )
                }
            },
            "--format=json" => json = true,
            f if f.starts_with('-') && f != "-" => {
                return usage(io, &format!("unknown option {f}"))
            }
            f => files.push(f.to_string()),
        }
    }
    if files.is_empty() {
        return usage(io, "validate needs at least one feed file");
    }
    let mut status = 0;
    let mut reports = Vec::new();
    for path in &files {
        let bytes = match read(path, io) {
            Ok(b) => b,
            Err(e) => {
                writeln!(io.err, "action-plan-tracker: {e}")?;
                status = 2;
                continue;
            }
        };
        let report = validate::check(&bytes);
        if report.errors() > 0 && status == 0 {
            status = 1;
        }
        if json {
            reports.push(report);
        } else {
            human(io.out, shown(path), &report)?;
        }
    }
    if json {
        let views: Vec<JsonReport> = reports.iter().map(JsonReport::of).collect();
        match views.as_slice() {
            [one] => print_json(io.out, one)?,
            many => print_json(io.out, &many)?,
        }
    }
    Ok(status)
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Text from a feed, safe to print on a terminal: control characters (which could move the
/// cursor or change colours) and bidi controls (which reverse the rest of the line, e.g. the
/// file name and line number after a quoted title) are shown as `\u{..}` escapes.
fn printable(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let bidi = matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}');
        if c.is_control() || bidi {
            out.push_str(&format!("\\u{{{:04x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

/// The human report: one line a problem, `FILE:LINE:COLUMN: severity: path: message`.
fn human(out: &mut dyn Write, name: &str, report: &Report) -> std::io::Result<()> {
    for p in &report.problems {
        let sev = match p.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let path = if p.path.is_empty() {
            String::new()
        } else {
            format!("{}: ", p.path)
        };
        let line = format!("{name}:{}:{}: {sev}: {path}{}", p.line, p.column, p.message);
        writeln!(out, "{}", printable(&line))?;
    }
    let counts = format!(
        "{}, {}",
        plural(report.errors(), "error", "errors"),
        plural(report.warnings(), "warning", "warnings")
    );
    match &report.feed {
        None => writeln!(out, "{name}: cannot be read as a feed ({counts})"),
        Some(f) if report.problems.is_empty() => {
            writeln!(
                out,
                "{name}: no problems found ({}, {})",
                plural(f.actions.len(), "action", "actions"),
                plural(f.indicators.len(), "indicator", "indicators")
            )
        }
        Some(_) if report.errors() > 0 => writeln!(
            out,
            "{name}: {counts}; the widget leaves out each bad field (the whole item when an id or a required field is bad)"
        ),
        Some(_) => writeln!(out, "{name}: {counts}"),
    }
}

fn summary_cmd(args: &[String], io: &mut Io) -> std::io::Result<i32> {
    let mut files = Vec::new();
    let mut since_text = None;
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        if let Some(v) = arg.strip_prefix("--since=") {
            since_text = Some(v.to_string());
        } else if arg == "--since" {
            match it.next() {
                Some(v) => since_text = Some(v.clone()),
                None => return usage(io, "--since needs a date, YYYY-MM-DD"),
            }
        } else if arg.starts_with('-') && arg != "-" {
            return usage(io, &format!("unknown option {arg}"));
        } else {
            files.push(arg.clone());
        }
    }
    let [path] = files.as_slice() else {
        return usage(io, "summary takes exactly one feed file");
    };
    let since = match since_text.as_deref().map(|t| (t, Date::parse(t))) {
        None => None,
        Some((_, Ok(d))) => Some(d),
        Some((t, Err(_))) => return usage(io, &since_usage(t)),
    };
    let bytes = match read(path, io) {
        Ok(b) => b,
        Err(e) => {
            writeln!(io.err, "action-plan-tracker: {e}")?;
            return Ok(1);
        }
    };
    let report = validate::check(&bytes);
    match (Summary::of_report(&report), &report.feed) {
        (Some(s), Some(feed)) => {
            if let Some(d) = since.filter(|&d| d >= feed.as_of) {
                return usage(io, &since_too_late(d, feed.as_of));
            }
            print_json(io.out, &s.with_since(feed, since)).map(|()| 0)
        }
        _ => {
            writeln!(
                io.err,
                "action-plan-tracker: {} cannot be read as a feed:",
                shown(path)
            )?;
            for p in &report.problems {
                writeln!(
                    io.err,
                    "  line {}, column {}: {}",
                    p.line, p.column, p.message
                )?;
            }
            Ok(1)
        }
    }
}

/// What `--since` says when its value is not a date (the package's `npx` command says the same).
pub fn since_usage(text: &str) -> String {
    format!(
        "--since takes a date written YYYY-MM-DD (e.g. 2026-09-15), not \"{}\"",
        printable(text)
    )
}

/// What `--since` says when its date is not before the feed's `as_of` (`npx` too).
pub fn since_too_late(d: Date, as_of: Date) -> String {
    format!("--since {d} is not before the feed's as_of date ({as_of}); changes are counted since an earlier date")
}

fn print_json<T: Serialize>(out: &mut dyn Write, value: &T) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value)?;
    writeln!(out)
}

/// The arguments of `render`, `import` and `export`: input files, `-o OUTPUT`, `--lang L`
/// and the flags the command allows.
#[derive(Default)]
struct Args {
    files: Vec<String>,
    output: Option<String>,
    lang: Option<String>,
    /// `--since DATE` (render only).
    since: Option<String>,
    flags: Vec<String>,
}

fn parse_args(args: &[String], flags: &[&str], lang: bool) -> Result<Args, String> {
    let mut a = Args::default();
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let (name, inline) = match arg.split_once('=') {
            Some((n, v)) if n.starts_with("--") => (n, Some(v.to_string())),
            _ => (arg.as_str(), None),
        };
        let mut value = |what: &str| {
            inline
                .clone()
                .or_else(|| it.next().cloned())
                .ok_or(format!("{name} needs {what}"))
        };
        match name {
            "-o" | "--output" => {
                if a.output.is_some() {
                    return Err("give -o only once".into());
                }
                a.output = Some(value("the file to write")?);
            }
            "--lang" if lang => a.lang = Some(value("a language, en or cy")?),
            "--since" if lang => a.since = Some(value("a date, YYYY-MM-DD")?),
            f if flags.contains(&f) && inline.is_none() => a.flags.push(f.to_string()),
            f if f.starts_with('-') && f != "-" => return Err(format!("unknown option {f}")),
            f => a.files.push(f.to_string()),
        }
    }
    Ok(a)
}

/// Where a command's report goes: standard error when its output goes to standard output.
fn report_to<'b>(io: &'b mut Io, to_err: bool) -> &'b mut dyn Write {
    if to_err {
        &mut *io.err
    } else {
        &mut *io.out
    }
}

/// Writes a command's output to the file `path`, or to standard output for `-`.
fn write_output(path: &str, bytes: &[u8], io: &mut Io) -> Result<(), String> {
    if path == "-" {
        io.out
            .write_all(bytes)
            .and_then(|()| io.out.flush())
            .map_err(|e| format!("(standard output): cannot write to it: {e}"))
    } else {
        std::fs::write(path, bytes).map_err(|e| format!("{path}: cannot write it: {e}"))
    }
}

fn output_name(path: &str) -> &str {
    if path == "-" {
        "(standard output)"
    } else {
        path
    }
}

fn render_cmd(args: &[String], io: &mut Io) -> std::io::Result<i32> {
    let a = match parse_args(args, &["--full"], true) {
        Ok(a) => a,
        Err(e) => return usage(io, &e),
    };
    let full = a.flags.iter().any(|f| f == "--full");
    let since = match a.since.as_deref().map(|t| (t, Date::parse(t))) {
        None => None,
        Some((_, Ok(d))) => Some(d),
        Some((t, Err(_))) => return usage(io, &since_usage(t)),
    };
    let ([path], Some(out)) = (a.files.as_slice(), a.output.as_deref()) else {
        return usage(io, "render takes one feed file and -o PAGE.html");
    };
    let lang = match a.lang.as_deref().map(str::to_ascii_lowercase).as_deref() {
        None => Lang::En,
        Some(l) if l == "en" || l.starts_with("en-") => Lang::En,
        Some(l) if l == "cy" || l.starts_with("cy-") => Lang::Cy,
        Some(l) => return usage(io, &format!("--lang takes en or cy, not {l}")),
    };
    let bytes = match read(path, io) {
        Ok(b) => b,
        Err(e) => {
            writeln!(io.err, "action-plan-tracker: {e}")?;
            return Ok(1);
        }
    };
    let report = validate::check(&bytes);
    if let (Some(d), Some(feed)) = (since, &report.feed) {
        if d >= feed.as_of {
            return usage(io, &since_too_late(d, feed.as_of));
        }
    }
    let to_err = out == "-";
    let Some(html) = crate::page::render_since(&report, lang, since, full) else {
        let w = report_to(io, to_err);
        human(w, shown(path), &report)?;
        writeln!(
            w,
            "{}: cannot be shown, so no page was written",
            shown(path)
        )?;
        return Ok(1);
    };
    if let Err(e) = write_output(out, html.as_bytes(), io) {
        writeln!(io.err, "action-plan-tracker: {e}")?;
        return Ok(1);
    }
    let w = report_to(io, to_err);
    if !report.problems.is_empty() {
        human(w, shown(path), &report)?;
    }
    writeln!(w, "{}: page written to {}", shown(path), output_name(out))?;
    Ok(0)
}

#[cfg(not(target_arch = "wasm32"))]
fn severity(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn import_cmd(args: &[String], io: &mut Io) -> std::io::Result<i32> {
    let a = match parse_args(args, &[], false) {
        Ok(a) => a,
        Err(e) => return usage(io, &e),
    };
    let ([path], Some(out)) = (a.files.as_slice(), a.output.as_deref()) else {
        return usage(
            io,
            "import takes one spreadsheet (an .xlsx workbook or a folder of CSV files) and -o FEED.json",
        );
    };
    let wb = if path == "-" {
        let mut bytes = Vec::new();
        match io.stdin.take(sheet::MAX_BYTES + 1).read_to_end(&mut bytes) {
            Ok(_) => {
                sheet::read_workbook_bytes(&bytes).map_err(|e| format!("(standard input): {e}"))
            }
            Err(e) => Err(format!("(standard input): cannot read it: {e}")),
        }
    } else {
        sheet::read(std::path::Path::new(path))
    };
    let wb = match wb {
        Ok(wb) => wb,
        Err(e) => {
            writeln!(io.err, "action-plan-tracker: {e}")?;
            return Ok(2);
        }
    };
    let imported = sheet::import(&wb);
    let to_err = out == "-";
    let name = shown(path);
    let counts = format!(
        "{}, {}",
        plural(imported.errors(), "error", "errors"),
        plural(imported.warnings(), "warning", "warnings")
    );
    {
        let w = report_to(io, to_err);
        for p in &imported.problems {
            writeln!(w, "{}: {p}", severity(p.severity))?;
        }
        if imported.errors() > 0 {
            writeln!(
                w,
                "{name}: {counts}; no feed was written: correct the spreadsheet and import it again"
            )?;
            return Ok(1);
        }
    }
    if let Err(e) = write_output(out, imported.json.as_bytes(), io) {
        writeln!(io.err, "action-plan-tracker: {e}")?;
        return Ok(2);
    }
    let what = imported.report.feed.as_ref().map_or(String::new(), |f| {
        format!(
            " ({}, {})",
            plural(f.actions.len(), "action", "actions"),
            plural(f.indicators.len(), "indicator", "indicators")
        )
    });
    let warned = if imported.warnings() > 0 {
        format!("; {}", plural(imported.warnings(), "warning", "warnings"))
    } else {
        String::new()
    };
    writeln!(
        report_to(io, to_err),
        "{name}: feed written to {}{what}{warned}",
        output_name(out)
    )?;
    Ok(0)
}

/// Whether `export -o OUT` writes a workbook (`true`) or a folder of CSV files (`false`); the
/// error is the usage message for a file of another kind.
#[cfg(not(target_arch = "wasm32"))]
fn writes_workbook(out: &str) -> Result<bool, String> {
    let ext = std::path::Path::new(out)
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase());
    match ext.as_deref() {
        _ if out == "-" => Ok(true),
        Some("xlsx") => Ok(true),
        Some("xls" | "xlsm" | "xlsb" | "ods" | "csv" | "json" | "txt") => Err(format!(
            "export writes an .xlsx workbook, or CSV files into a folder; {out} is neither"
        )),
        _ => Ok(false),
    }
}

/// A feed file as the spreadsheet template.
#[cfg(not(target_arch = "wasm32"))]
struct FeedWorkbook {
    workbook: sheet::Workbook,
    /// The feed's name as shown.
    name: String,
    report: Report,
    /// What the workbook cannot hold exactly (it must give the same feed back).
    lossy: Option<String>,
}

/// The feed at `path` as the spreadsheet template; `None` when it has said why there is
/// nothing to write (unreadable, or errors in the feed).
#[cfg(not(target_arch = "wasm32"))]
fn feed_workbook(path: &str, io: &mut Io, to_err: bool) -> std::io::Result<Option<FeedWorkbook>> {
    let bytes = match read(path, io) {
        Ok(b) => b,
        Err(e) => {
            writeln!(io.err, "action-plan-tracker: {e}")?;
            return Ok(None);
        }
    };
    let report = validate::check(&bytes);
    let name = shown(path).to_string();
    let feed = match &report.feed {
        Some(f) if report.errors() == 0 => f,
        _ => {
            let w = report_to(io, to_err);
            human(w, &name, &report)?;
            writeln!(
                w,
                "{name}: not exported: correct the errors first, so that no item is left out of the spreadsheet"
            )?;
            return Ok(None);
        }
    };
    let wb = sheet::workbook_of(feed);
    let back = sheet::import(&wb);
    let lossy = match &back.report.feed {
        Some(b) => sheet::difference(feed, b),
        None => None,
    }
    .or_else(|| (back.errors() > 0).then(|| "the feed".to_string()));
    Ok(Some(FeedWorkbook {
        workbook: wb,
        name,
        report,
        lossy,
    }))
}

#[cfg(not(target_arch = "wasm32"))]
fn export_cmd(args: &[String], io: &mut Io) -> std::io::Result<i32> {
    let a = match parse_args(args, &["--empty", "--bilingual"], false) {
        Ok(a) => a,
        Err(e) => return usage(io, &e),
    };
    let empty = a.flags.iter().any(|f| f == "--empty");
    let bilingual = a.flags.iter().any(|f| f == "--bilingual");
    let Some(out) = a.output.as_deref() else {
        return usage(
            io,
            "export needs -o SHEET.xlsx (or -o FOLDER for CSV files)",
        );
    };
    let xlsx = match writes_workbook(out) {
        Ok(x) => x,
        Err(e) => return usage(io, &e),
    };
    let to_err = out == "-";
    let (wb, name, report, lossy) = match (empty, a.files.as_slice()) {
        (true, []) => (
            sheet::empty_template(bilingual),
            "the empty template".to_string(),
            None,
            None,
        ),
        (true, _) => return usage(io, "export --empty takes no feed file"),
        (false, _) if bilingual => return usage(io, "--bilingual goes with --empty"),
        (false, [path]) => match feed_workbook(path, io, to_err)? {
            Some(f) => (f.workbook, f.name, Some(f.report), f.lossy),
            None => return Ok(1),
        },
        (false, _) => return usage(io, "export takes one feed file and -o SHEET.xlsx"),
    };
    let written = if xlsx {
        sheet::to_xlsx(&wb).and_then(|bytes| write_output(out, &bytes, io))
    } else {
        sheet::write_csv_folder(&wb, std::path::Path::new(out))
    };
    if let Err(e) = written {
        writeln!(io.err, "action-plan-tracker: {e}")?;
        return Ok(1);
    }
    let w = report_to(io, to_err);
    if let Some(r) = report.as_ref().filter(|r| !r.problems.is_empty()) {
        human(w, &name, r)?;
    }
    let target = if xlsx {
        output_name(out).to_string()
    } else {
        format!("{out} (one CSV file for each sheet)")
    };
    if let Some(what) = lossy {
        writeln!(
            w,
            "{name}: written to {target}, but the spreadsheet cannot hold {what} exactly as the feed has it (an id with a comma in it, or text that is only spaces, for example); check it there"
        )?;
        return Ok(1);
    }
    writeln!(w, "{name}: written to {target}")?;
    Ok(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cli(args: &[&str], stdin: &str) -> (i32, String, String) {
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let mut input = stdin.as_bytes();
        let args: Vec<String> = args.iter().map(|s| s.to_string()).collect();
        let status = run(
            &args,
            &mut Io {
                stdin: &mut input,
                out: &mut out,
                err: &mut err,
            },
        );
        (
            status,
            String::from_utf8(out).unwrap(),
            String::from_utf8(err).unwrap(),
        )
    }

    const GOOD: &str = r#"{"schema_version": "1.0", "publisher": {"name": "N"}, "as_of": "2026-10-31", "plan": {"title": "P"},
        "actions": [{"id": "1", "title": "A", "status": "complete"}]}"#;

    #[test]
    fn exit_statuses() {
        assert_eq!(cli(&["validate", "-"], GOOD).0, 0, "warnings allowed");
        assert_eq!(cli(&["validate", "-"], "{").0, 1);
        assert_eq!(cli(&["validate", "/no/such/file.json"], "").0, 2);
        assert_eq!(cli(&["validate"], "").0, 2);
        assert_eq!(cli(&["frobnicate"], "").0, 2);
        assert_eq!(cli(&["summary", "-"], GOOD).0, 0);
        assert_eq!(cli(&["summary", "-"], "[]").0, 1);
        assert_eq!(cli(&["schema"], "").0, 0);
    }

    #[test]
    fn human_report_has_place_path_and_message() {
        let (_, out, _) = cli(&["validate", "-"], GOOD);
        assert_eq!(
            out,
            "(standard input):2:57: warning: actions[0].completed: action \"1\" is complete but has no \"completed\" date; add the date it was completed\n\
             (standard input): 0 errors, 1 warning\n"
        );
    }

    #[test]
    fn json_report_shape() {
        let (_, out, _) = cli(&["validate", "--format", "json", "-"], "{\n\"x\": }");
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(v["ok"], false);
        assert_eq!(v["errors"][0]["line"], 2);
        assert_eq!(v["errors"][0]["column"], 6);
        assert_eq!(v["errors"][0]["path"], "");
        assert!(v["errors"][0]["message"]
            .as_str()
            .unwrap()
            .starts_with("this is not valid JSON"));
        assert_eq!(v["warnings"], serde_json::json!([]));
    }

    #[test]
    fn summary_since_a_date() {
        let feed = r#"{"schema_version": "1.1", "publisher": {"name": "N"}, "as_of": "2026-10-31", "plan": {"title": "P"},
            "meetings": [{"id": "m1", "date": "2026-09-15", "body": "Board"}],
            "actions": [{"id": "1", "title": "A", "status": "complete", "completed": "2026-08-01"}]}"#;
        let (code, out, _) = cli(&["summary", "-"], feed);
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(code, 0);
        assert_eq!(v["changes"]["since"], "2026-09-15");
        assert_eq!(v["changes"]["meeting"], "m1");
        assert_eq!(v["changes"]["actions"]["completed"], 0);
        for args in [
            &["summary", "--since", "2026-07-31", "-"][..],
            &["summary", "-", "--since=2026-07-31"],
        ] {
            let (code, out, _) = cli(args, feed);
            let v: serde_json::Value = serde_json::from_str(&out).unwrap();
            assert_eq!(code, 0);
            assert_eq!(v["changes"]["since"], "2026-07-31");
            assert_eq!(v["changes"]["meeting"], serde_json::Value::Null);
            assert_eq!(v["changes"]["actions"]["completed"], 1);
        }
        let (code, out, err) = cli(&["summary", "--since", "31/07/2026", "-"], feed);
        assert_eq!((code, out.as_str()), (2, ""));
        assert!(
            err.starts_with("action-plan-tracker: --since takes a date written YYYY-MM-DD (e.g. 2026-09-15), not \"31/07/2026\"\n"),
            "{err}"
        );
        let (code, _, err) = cli(&["summary", "--since", "2026-10-31", "-"], feed);
        assert_eq!(code, 2);
        assert!(
            err.contains("--since 2026-10-31 is not before the feed's as_of date (2026-10-31)"),
            "{err}"
        );
        assert_eq!(cli(&["summary", "-", "--since"], feed).0, 2);
        assert_eq!(cli(&["summary", "--sinse", "2026-01-01", "-"], feed).0, 2);
    }

    #[test]
    fn render_since_a_date() {
        let feed = r#"{"schema_version": "1.1", "publisher": {"name": "N"}, "as_of": "2026-10-31", "plan": {"title": "P"},
            "actions": [{"id": "1", "title": "A", "status": "complete", "completed": "2026-08-01"}]}"#;
        let (code, out, _) = cli(&["render", "-", "-o", "-", "--since", "2026-07-31"], feed);
        assert_eq!(code, 0);
        assert!(
            out.contains("Since 31 July 2026</h3>"),
            "no meeting: the date alone"
        );
        assert!(out.contains("1 action completed"));
        let (code, out, _) = cli(&["render", "-", "-o", "-"], feed);
        assert_eq!(code, 0);
        assert!(
            !out.contains("Since "),
            "no meeting before as_of, no date: no comparison"
        );
        assert_eq!(
            cli(&["render", "-", "-o", "-", "--since", "July"], feed).0,
            2
        );
        assert_eq!(
            cli(&["render", "-", "-o", "-", "--since=2026-11-01"], feed).0,
            2
        );
    }

    #[test]
    fn render_full_adds_the_appendix() {
        let feed = r#"{"schema_version": "1.1", "publisher": {"name": "N"}, "as_of": "2026-10-31", "plan": {"title": "P"},
            "actions": [{"id": "1", "title": "A", "status": "in_progress", "updates": [{"date": "2026-08-01", "text": "Halfway there"}]}]}"#;
        let (code, out, _) = cli(&["render", "-", "-o", "-"], feed);
        assert_eq!(code, 0);
        assert!(
            out.contains("All actions, by priority"),
            "the report is printed"
        );
        assert!(!out.contains("Appendix: every action in full"));
        let (code, full, _) = cli(&["render", "-", "--full", "-o", "-"], feed);
        assert_eq!(code, 0);
        assert!(full.contains("Appendix: every action in full"));
        assert_eq!(cli(&["render", "-", "--full=yes", "-o", "-"], feed).0, 2);
    }

    #[test]
    fn summary_is_json() {
        let (_, out, _) = cli(&["summary", "-"], GOOD);
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(v["actions"]["complete"], 1);
        assert_eq!(v["problems"]["warnings"], 1);
        assert_eq!(v["as_of"], "2026-10-31");
    }
}
