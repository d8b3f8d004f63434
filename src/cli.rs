//! The `action-plan-tracker` command line, as `cli.md` defines it.
//!
//! A thin shell over the same core as the widget: it reads files (or standard input for `-`),
//! calls [`validate::check`] and [`Summary`], and prints. It takes its streams as parameters so
//! tests can drive it without spawning a process, and it never panics on any input.

use crate::feed;
use crate::summary::Summary;
use crate::validate::{self, JsonReport, Report, Severity};
use serde::Serialize;
use std::io::{Read, Write};

const USAGE: &str = "usage:
  action-plan-tracker validate [--format json] FEED...   check feeds (- reads standard input)
  action-plan-tracker summary FEED                       print the summary as JSON
  action-plan-tracker schema                             print the JSON Schema of the feed
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
        writeln!(
            out,
            "{name}:{}:{}: {sev}: {path}{}",
            p.line, p.column, p.message
        )?;
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
            "{name}: {counts}; items with errors are left out of the widget"
        ),
        Some(_) => writeln!(out, "{name}: {counts}"),
    }
}

fn summary_cmd(args: &[String], io: &mut Io) -> std::io::Result<i32> {
    let [path] = args else {
        return usage(io, "summary takes exactly one feed file");
    };
    let bytes = match read(path, io) {
        Ok(b) => b,
        Err(e) => {
            writeln!(io.err, "action-plan-tracker: {e}")?;
            return Ok(1);
        }
    };
    let report = validate::check(&bytes);
    match Summary::of_report(&report) {
        Some(s) => print_json(io.out, &s).map(|()| 0),
        None => {
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

fn print_json<T: Serialize>(out: &mut dyn Write, value: &T) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value)?;
    writeln!(out)
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
    fn summary_is_json() {
        let (_, out, _) = cli(&["summary", "-"], GOOD);
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(v["actions"]["complete"], 1);
        assert_eq!(v["problems"]["warnings"], 1);
        assert_eq!(v["as_of"], "2026-10-31");
    }
}
