//! The "Download these actions (CSV)" file.
//!
//! Councillors and officers take the filtered list into Excel. The file is UTF-8 with a
//! byte-order mark (so Excel reads Welsh letters right), CRLF line ends, every cell quoted,
//! and any cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return prefixed with
//! `'` so a spreadsheet never runs feed text as a formula.

use crate::changes;
use crate::date::Date;
use crate::feed::Feed;
use crate::i18n::{self, t, tf, Lang};
use crate::view::{change_word, rag_word, status_word};

/// One cell, quoted and neutralised against formula injection.
pub fn cell(s: &str, out: &mut String) {
    out.push('"');
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        out.push('\'');
    }
    out.push_str(&s.replace('"', "\"\""));
    out.push('"');
}

/// The actions at `indexes` (in that order) as a CSV file's text, BOM included. With a
/// comparison date `since` (feed 1.1), a last column says how each action changed since then.
pub fn actions(feed: &Feed, indexes: &[usize], lang: Lang, since: Option<Date>) -> String {
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
    ];
    let mut out = String::from("\u{FEFF}");
    let row = |cells: Vec<String>, out: &mut String| {
        for (i, c) in cells.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            cell(c, out);
        }
        out.push_str("\r\n");
    };
    let mut head: Vec<String> = heads.iter().map(|h| t(lang, h).to_string()).collect();
    head.extend(since.map(|d| {
        tf(
            lang,
            "Changed since {date}",
            &[("date", &i18n::date(lang, d))],
        )
    }));
    row(head, &mut out);
    let date = |d: Option<crate::date::Date>| d.map(|d| d.to_string()).unwrap_or_default();
    for &i in indexes {
        let Some(a) = feed.actions.get(i) else {
            continue;
        };
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
        let mut cells = vec![
            a.id.clone(),
            a.title.show(lang).to_string(),
            status_word(lang, a.status).to_string(),
            a.rag
                .map(|r| rag_word(lang, r).to_string())
                .unwrap_or_default(),
            a.progress.map(|p| i18n::number(p, 1)).unwrap_or_default(),
            text(&a.lead),
            text(&a.team),
            priority,
            a.parent.clone().unwrap_or_default(),
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
        ];
        cells.extend(since.map(|d| {
            changes::action_change(a, d, feed.as_of)
                .kinds
                .iter()
                .map(|&k| change_word(lang, k))
                .collect::<Vec<_>>()
                .join("; ")
        }));
        row(cells, &mut out);
    }
    out
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
    fn file_bytes() {
        let text = r#"{"schema_version": "1.0", "publisher": {"name": "N"}, "as_of": "2026-10-31", "plan": {"title": "P"},
          "actions": [{"id": "1", "title": "=cmd|' /C calc'!A0", "status": "in_progress", "due": "2026-01-01", "lead": "Llŷr"}]}"#;
        let feed = check(text.as_bytes()).feed.unwrap();
        let csv = actions(&feed, &[0], Lang::En, None);
        assert!(csv.starts_with("\u{FEFF}\"Number\",\"Title\",\"Status\""));
        let line = csv.split("\r\n").nth(1).unwrap();
        assert_eq!(line, "\"1\",\"'=cmd|' /C calc'!A0\",\"In progress\",\"\",\"\",\"Llŷr\",\"\",\"\",\"\",\"\",\"2026-01-01\",\"\",\"\",\"\",\"Yes\"");
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
        assert!(lines[0].ends_with(",\"Overdue\",\"Changed since 15 September 2026\""));
        assert!(lines[1].ends_with(",\"No\",\"Completed; RAG better\""));
        assert!(lines[2].ends_with(",\"No\",\"\""));
        let cy = actions(&feed, &[0], Lang::Cy, Date::parse("2026-09-15").ok());
        assert!(cy.contains("\"Wedi newid ers 15 Medi 2026\""));
    }
}
