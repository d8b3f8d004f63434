//! The "Download these actions (CSV)" file.
//!
//! Councillors and officers take the filtered list into Excel. The file is UTF-8 with a
//! byte-order mark (so Excel reads Welsh letters right), CRLF line ends, every cell quoted,
//! and any cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return prefixed with
//! `'` so a spreadsheet never runs feed text as a formula. The cell writer here is also the
//! spreadsheet template's ([`crate::sheet::to_csv`]): one rule for both files.

use crate::changes;
use crate::date::Date;
use crate::feed::{Action, Feed};
use crate::i18n::{self, t, tf, Lang};
use crate::words::{change_word, rag_word, status_word};

/// Whether a spreadsheet would run a cell's text as a formula: it starts with `=`, `+`, `-`,
/// `@`, a tab or a carriage return, after any `'` already put before it (so that a guarded
/// cell is guarded again, and taking one `'` off on import gives the text back exactly).
pub fn formula_like(s: &str) -> bool {
    s.trim_start_matches('\'')
        .starts_with(['=', '+', '-', '@', '\t', '\r'])
}

/// A cell's text as written before [`cell`] guarded it: one `'` off a formula-like cell.
pub fn unguard(s: &str) -> &str {
    match s.strip_prefix('\'') {
        Some(rest) if formula_like(s) => rest,
        _ => s,
    }
}

/// One cell, the only CSV cell writer (the actions download and the spreadsheet template's
/// CSV files): always quoted, and `'` put before formula-like text ([`formula_like`]).
pub fn cell(s: &str, out: &mut String) {
    out.push('"');
    if formula_like(s) {
        out.push('\'');
    }
    out.push_str(&s.replace('"', "\"\""));
    out.push('"');
}

/// The actions at `indexes` (in that order) as a CSV file's text, BOM included. With a
/// comparison date `since` (feed 1.1), a last column says how each action changed since then.
pub fn actions(feed: &Feed, indexes: &[usize], lang: Lang, since: Option<Date>) -> String {
    let mut out = String::from("\u{FEFF}");
    row(&header(lang, since), &mut out);
    for a in indexes.iter().filter_map(|&i| feed.actions.get(i)) {
        row(&action_row(feed, a, lang, since), &mut out);
    }
    out
}

/// One line of the CSV: every cell quoted and guarded, ended with CRLF.
fn row(cells: &[String], out: &mut String) {
    for (i, c) in cells.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        cell(c, out);
    }
    out.push_str("\r\n");
}

/// The column heads in the reader's language, with the changes' column when there is a date
/// to compare with.
fn header(lang: Lang, since: Option<Date>) -> Vec<String> {
    let heads = [
        "Number",
        "Title",
        "Status",
        "RAG rating",
        "Progress (%)",
        "Lead",
        "Team",
        "Priority",
        "Part of",
        "Start",
        "Due date",
        "Revised due date",
        "Completed",
        "Signed off",
        "Overdue",
        "Ongoing",
    ];
    let mut head: Vec<String> = heads.iter().map(|h| t(lang, h).to_string()).collect();
    head.extend(since.map(|d| {
        tf(
            lang,
            "Changed since {date}",
            &[("date", &i18n::date(lang, d))],
        )
    }));
    head
}

/// One action's cells, in the order of [`header`].
fn action_row(feed: &Feed, a: &Action, lang: Lang, since: Option<Date>) -> Vec<String> {
    let date = |d: Option<Date>| d.map(|d| d.to_string()).unwrap_or_default();
    let text = |x: &Option<crate::feed::Text>| {
        x.as_ref()
            .map(|x| x.show(lang).to_string())
            .unwrap_or_default()
    };
    let priority = a
        .priority
        .as_ref()
        .map(|p| {
            feed.priority(p)
                .map_or(p.clone(), |x| x.title.show(lang).to_string())
        })
        .unwrap_or_default();
    let parent = a
        .parent
        .as_ref()
        .map(|p| {
            feed.action(p)
                .map_or(p.as_str(), |x| x.number())
                .to_string()
        })
        .unwrap_or_default();
    let mut cells = vec![
        a.number().to_string(),
        a.title.show(lang).to_string(),
        status_word(lang, a.status).to_string(),
        a.rag
            .map(|r| rag_word(lang, r).to_string())
            .unwrap_or_default(),
        a.progress.map(|p| i18n::number(p, 1)).unwrap_or_default(),
        text(&a.lead),
        text(&a.team),
        priority,
        parent,
        date(a.start),
        date(a.due),
        date(a.revised_due),
        date(a.completed),
        date(a.signed_off),
        t(
            lang,
            if a.is_overdue(feed.as_of) {
                "Yes"
            } else {
                "No"
            },
        )
        .to_string(),
        if a.is_ongoing() {
            text(&a.recurrence)
        } else {
            String::new()
        },
    ];
    cells.extend(since.map(|d| {
        changes::action_change(a, d, feed.as_of)
            .kinds
            .iter()
            .map(|&k| change_word(lang, k))
            .collect::<Vec<_>>()
            .join("; ")
    }));
    cells
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::check;

    #[test]
    fn neutralises_formulas_and_quotes_everything() {
        let mut s = String::new();
        for c in [
            "=HYPERLINK(\"http://x\")",
            "+1",
            "-2",
            "@SUM(A1)",
            "\tx",
            "\rx",
            "plain, \"quoted\"",
        ] {
            cell(c, &mut s);
            s.push('|');
        }
        assert_eq!(s, "\"'=HYPERLINK(\"\"http://x\"\")\"|\"'+1\"|\"'-2\"|\"'@SUM(A1)\"|\"'\tx\"|\"'\rx\"|\"plain, \"\"quoted\"\"\"|");
    }

    #[test]
    fn numbers_months_and_ongoing_work() {
        let text = r#"{"schema_version": "1.1", "publisher": {"name": "N"}, "as_of": "2019-10-31", "plan": {"title": "P"},
          "actions": [{"id": "a", "number": "1.3", "title": "Audit", "status": "in_progress", "due": "2019-03", "recurrence": "every six weeks"},
                      {"id": "b", "number": "1.3.1", "parent": "a", "title": "Sub", "status": "not_started"}]}"#;
        let feed = check(text.as_bytes()).feed.unwrap();
        let csv = actions(&feed, &[0, 1], Lang::En, None);
        let lines: Vec<&str> = csv.trim_start_matches('\u{FEFF}').lines().collect();
        assert!(
            lines[0].ends_with("\"Overdue\",\"Ongoing\""),
            "{}",
            lines[0]
        );
        assert!(lines[1].starts_with("\"1.3\",\"Audit\""), "{}", lines[1]);
        assert!(lines[1].contains("\"2019-03\""), "{}", lines[1]);
        assert!(
            lines[1].ends_with("\"No\",\"every six weeks\""),
            "{}",
            lines[1]
        );
        assert!(lines[2].starts_with("\"1.3.1\""), "{}", lines[2]);
        assert!(
            lines[2].contains(",\"1.3\","),
            "the parent by its number: {}",
            lines[2]
        );
    }

    #[test]
    fn file_bytes() {
        let text = r#"{"schema_version": "1.0", "publisher": {"name": "N"}, "as_of": "2026-10-31", "plan": {"title": "P"},
          "actions": [{"id": "1", "title": "=cmd|' /C calc'!A0", "status": "in_progress", "due": "2026-01-01", "lead": "Llŷr"}]}"#;
        let feed = check(text.as_bytes()).feed.unwrap();
        let csv = actions(&feed, &[0], Lang::En, None);
        assert!(csv.starts_with("\u{FEFF}\"Number\",\"Title\",\"Status\""));
        let line = csv.split("\r\n").nth(1).unwrap();
        assert_eq!(line, "\"1\",\"'=cmd|' /C calc'!A0\",\"In progress\",\"\",\"\",\"Llŷr\",\"\",\"\",\"\",\"\",\"2026-01-01\",\"\",\"\",\"\",\"Yes\",\"\"");
        assert!(csv.ends_with("\r\n"));
    }

    #[test]
    fn a_changed_since_column_with_a_comparison() {
        let text = r#"{"schema_version": "1.1", "publisher": {"name": "N"}, "as_of": "2026-10-31", "plan": {"title": "P"},
          "actions": [{"id": "1", "title": "A", "status": "complete", "completed": "2026-10-01", "rag": "blue",
                       "updates": [{"date": "2026-09-01", "status": "in_progress", "rag": "amber"}]},
                      {"id": "2", "title": "B", "status": "in_progress"}]}"#;
        let feed = check(text.as_bytes()).feed.unwrap();
        let csv = actions(&feed, &[0, 1], Lang::En, Date::parse("2026-09-15").ok());
        let lines: Vec<&str> = csv.split("\r\n").collect();
        assert!(lines[0].ends_with(",\"Overdue\",\"Ongoing\",\"Changed since 15 September 2026\""));
        assert!(lines[1].ends_with(",\"No\",\"\",\"Completed; RAG better\""));
        assert!(lines[2].ends_with(",\"No\",\"\",\"\""));
        let cy = actions(&feed, &[0], Lang::Cy, Date::parse("2026-09-15").ok());
        assert!(cy.contains("\"Wedi newid ers 15 Medi 2026\""));
    }
}
