//! A cell's value typed for the feed: numbers, dates and words as officers type them, and
//! Excel's own dates and serial day numbers.

use super::ordered_json::OrderedJson;
use super::template::{norm, Kind};
use super::Cell;
use crate::csv::unguard;
use crate::date::Date;

/// A cell's text, or `None` when it is empty or only spaces.
pub(super) fn cell_text(cell: &Cell) -> Option<String> {
    match cell {
        Cell::Empty => None,
        Cell::Text(s) if s.trim().is_empty() => None,
        Cell::Text(s) => Some(s.clone()),
        Cell::Number(n) => Some(number_text(*n)),
        Cell::Bool(b) => Some(if *b { "TRUE" } else { "FALSE" }.into()),
        Cell::Date(d) => Some(d.to_string()),
    }
}

/// A number as JSON and CSV write it: `60`, `71.5`.
pub(super) fn number_text(n: f64) -> String {
    format!("{n}")
}

/// The date of an Excel serial day number (1 is 1900-01-01, with Excel's 29 February 1900).
pub fn excel_serial_date(n: f64) -> Option<Date> {
    if !(1.0..2_958_466.0).contains(&n) {
        return None;
    }
    let d = n.floor() as i64;
    match d {
        60 => None,
        // 1899-12-31 is day -25568 from 1970-01-01; after the phantom 29 February, 1899-12-30.
        ..=59 => Some(Date::from_days_since_epoch(d - 25_568)),
        _ => Some(Date::from_days_since_epoch(d - 25_569)),
    }
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// A date typed the ways officers type them, as `YYYY-MM-DD` text for the validator:
/// `31/03/2026`, `31.3.2026`, `2026/03/31`, `31 March 2026`, `31 Mar 2026`, with or without a
/// time after it; (1.1) a month alone, `March 2019`, `Mar 2019` or `03/2019`, as `2019-03`. The text is kept as it was when it is none of these, and a day that does not
/// exist (`31/02/2026`) comes out as `2026-02-31` so the validator says it is not a real date.
/// With `month_first`, `01/31/2026` is 31 January (as some programs save CSV files).
pub fn date_text(s: &str, month_first: bool) -> String {
    let t = s.trim();
    // An ISO date and time, "2026-03-31T00:00:00".
    if t.len() > 10
        && t.is_char_boundary(10)
        && t.as_bytes()[10] == b'T'
        && Date::parse(&t[..10]).is_ok()
    {
        return t[..10].to_string();
    }
    // A time of day after the date: "31/03/2026 00:00", "31/03/2026 00:00:00".
    let t = match t.rsplit_once(' ') {
        Some((d, time))
            if !time.is_empty()
                && time.contains(':')
                && time
                    .chars()
                    .all(|c| c.is_ascii_digit() || c == ':' || c == '.') =>
        {
            d.trim()
        }
        _ => t,
    };
    let digits = |p: &str, n: std::ops::RangeInclusive<usize>| {
        n.contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit())
    };
    let parts: Vec<&str> = t.split(['/', '.', '-']).collect();
    if let [a, b, c] = parts[..] {
        if digits(a, 1..=2) && digits(b, 1..=2) && digits(c, 4..=4) {
            let (d, m) = if month_first { (b, a) } else { (a, b) };
            return format!("{c}-{m:0>2}-{d:0>2}");
        }
        if t.contains('/') && digits(a, 4..=4) && digits(b, 1..=2) && digits(c, 1..=2) {
            return format!("{a}-{b:0>2}-{c:0>2}");
        }
    }
    let parts: Vec<&str> = t.split([' ', '-']).filter(|p| !p.is_empty()).collect();
    // (1.1) A month alone: "March 2019", "Mar 2019", "03/2019".
    if let [m, y] = parts[..] {
        let m = m.trim_end_matches([',', '.']).to_lowercase();
        let month = MONTHS
            .iter()
            .position(|full| m.len() >= 3 && full.starts_with(m.as_str()))
            .filter(|&i| m.len() == 3 || m == MONTHS[i] || (i == 8 && m == "sept"));
        if let (Some(i), true) = (month, digits(y, 4..=4)) {
            return format!("{y}-{:02}", i + 1);
        }
    }
    if let [m, y] = t.split('/').collect::<Vec<_>>()[..] {
        if digits(m, 1..=2) && digits(y, 4..=4) {
            return format!("{y}-{m:0>2}");
        }
    }
    if let [d, m, y] = parts[..] {
        let m = m.trim_end_matches([',', '.']).to_lowercase();
        let month = MONTHS
            .iter()
            .position(|full| m.len() >= 3 && full.starts_with(m.as_str()))
            .filter(|&i| m.len() == 3 || m == MONTHS[i] || (i == 8 && m == "sept"));
        let d = d.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        if let Some(i) = month {
            if digits(d, 1..=2) && digits(y, 4..=4) {
                return format!("{y}-{:02}-{d:0>2}", i + 1);
            }
        }
    }
    t.to_string()
}

/// A number typed as text: `60`, `60%`, `£1,250`, `1,234.5`.
fn number_of(s: &str) -> Option<f64> {
    let t = s.trim();
    let t = t.strip_prefix('£').unwrap_or(t).trim();
    let t = t.strip_suffix('%').unwrap_or(t).trim();
    let plain: String = if t.contains(',') {
        // Only thousands separators: 1,234 or 1,234,567.89.
        let (int, frac) = t.split_once('.').unwrap_or((t, ""));
        let int = int.strip_prefix('-').unwrap_or(int);
        let groups: Vec<&str> = int.split(',').collect();
        let ok = !groups[0].is_empty()
            && groups[0].len() <= 3
            && groups[1..].iter().all(|g| g.len() == 3)
            && groups.iter().all(|g| g.bytes().all(|b| b.is_ascii_digit()))
            && frac.bytes().all(|b| b.is_ascii_digit());
        if !ok {
            return None;
        }
        t.replace(',', "")
    } else {
        t.to_string()
    };
    if plain.is_empty()
        || !plain
            .bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'-' | b'+' | b'e' | b'E'))
    {
        return None;
    }
    plain.parse::<f64>().ok().filter(|n| n.is_finite())
}

/// A word of the feed typed as a person would: "In progress" is `in_progress`.
fn enum_word(s: &str, words: &[&str]) -> String {
    let t = s.trim();
    let mut n = norm(t);
    while n.contains("__") {
        n = n.replace("__", "_");
    }
    if let Some(stem) = n.strip_suffix("_to_be_good") {
        n = stem.to_string();
    }
    if words.contains(&n.as_str()) {
        n
    } else {
        t.to_string()
    }
}

/// The day and month parts of a date written `a/b/yyyy` (or with `.` or `-`).
pub(super) fn day_month(s: &str) -> Option<(u32, u32)> {
    let t = s.trim();
    let t = t.split_once(' ').map_or(t, |(d, _)| d);
    let mut parts = t.split(['/', '.', '-']);
    let (a, b, c) = (parts.next()?, parts.next()?, parts.next()?);
    let ok =
        |p: &str, n: usize| p.len() <= n && !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
    (parts.next().is_none() && ok(a, 2) && ok(b, 2) && c.len() == 4 && ok(c, 4))
        .then(|| Some((a.parse().ok()?, b.parse().ok()?)))
        .flatten()
}

/// How a workbook's cells are read.
#[derive(Clone, Copy, Default)]
pub(super) struct How {
    /// From a CSV file: take off the formula guard.
    pub(super) csv: bool,
    /// Dates like `01/31/2026` are month first.
    pub(super) month_first: bool,
}

/// The typed JSON value of one cell of a column of `kind` (not text), or `None` when empty.
pub(super) fn typed(kind: Kind, cell: &Cell, how: How) -> Option<OrderedJson> {
    let csv = how.csv;
    let raw = cell_text(cell)?;
    let text = || {
        let t = raw.trim();
        if csv {
            unguard(t).to_string()
        } else {
            t.to_string()
        }
    };
    Some(match kind {
        Kind::Text => OrderedJson::String(if csv {
            unguard(&raw).to_string()
        } else {
            raw.clone()
        }),
        Kind::Str | Kind::Id | Kind::Ref | Kind::Url => OrderedJson::String(text()),
        Kind::Version => match cell {
            // Excel makes "1.0" the number 1 (and a CSV file then says 1).
            Cell::Number(n) if n.fract() == 0.0 && n.abs() < 1e9 => {
                OrderedJson::String(format!("{n}.0"))
            }
            _ => {
                let t = text();
                OrderedJson::String(
                    if !t.is_empty() && t.len() < 9 && t.bytes().all(|b| b.is_ascii_digit()) {
                        format!("{t}.0")
                    } else {
                        t
                    },
                )
            }
        },
        Kind::Enum(words) => OrderedJson::String(enum_word(&text(), words)),
        Kind::Refs => {
            let ids: Vec<OrderedJson> = text()
                .split(',')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(|s| OrderedJson::String(s.to_string()))
                .collect();
            if ids.is_empty() {
                return None;
            }
            OrderedJson::Array(ids)
        }
        Kind::Date => match cell {
            Cell::Date(d) => OrderedJson::String(d.to_string()),
            Cell::Number(n) => {
                OrderedJson::String(excel_serial_date(*n).map_or(raw.clone(), |d| d.to_string()))
            }
            _ => OrderedJson::String(date_text(&text(), how.month_first)),
        },
        Kind::Period => match cell {
            Cell::Date(d) => OrderedJson::String(d.to_string()),
            _ => {
                let t = text();
                let d = date_text(&t, how.month_first);
                OrderedJson::String(if Date::parse(&d).is_ok() { d } else { t })
            }
        },
        Kind::Number => match cell {
            Cell::Number(n) => OrderedJson::Number(*n),
            Cell::Bool(b) => OrderedJson::Bool(*b),
            _ => number_of(&raw).map_or_else(|| OrderedJson::String(text()), OrderedJson::Number),
        },
        Kind::Bool => match cell {
            Cell::Bool(b) => OrderedJson::Bool(*b),
            Cell::Number(n) if *n == 1.0 || *n == 0.0 => OrderedJson::Bool(*n == 1.0),
            _ => match text().to_lowercase().as_str() {
                "true" | "yes" | "y" | "1" => OrderedJson::Bool(true),
                "false" | "no" | "n" | "0" => OrderedJson::Bool(false),
                _ => OrderedJson::String(text()),
            },
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::feed::{Grade, Status};

    #[test]
    fn excel_serial_days() {
        let d = |n| excel_serial_date(n).map(|d| d.to_string());
        assert_eq!(d(1.0).as_deref(), Some("1900-01-01"));
        assert_eq!(d(59.0).as_deref(), Some("1900-02-28"));
        assert_eq!(d(60.0), None, "Excel's 29 February 1900 does not exist");
        assert_eq!(d(61.0).as_deref(), Some("1900-03-01"));
        assert_eq!(d(46_326.0).as_deref(), Some("2026-10-31"));
        assert_eq!(d(46_326.75).as_deref(), Some("2026-10-31"), "a time of day");
        assert_eq!(d(0.0), None);
        assert_eq!(d(3e6), None);
    }

    #[test]
    fn dates_as_officers_type_them() {
        for (typed, iso) in [
            ("31/03/2026", "2026-03-31"),
            ("1/4/2026", "2026-04-01"),
            ("31.03.2026", "2026-03-31"),
            ("31-03-2026", "2026-03-31"),
            ("2026/03/31", "2026-03-31"),
            ("31/03/2026 00:00", "2026-03-31"),
            ("31/03/2026 00:00:00", "2026-03-31"),
            ("2026-03-31T00:00:00", "2026-03-31"),
            (" 2026-03-31 ", "2026-03-31"),
            ("31 March 2026", "2026-03-31"),
            ("31 Mar 2026", "2026-03-31"),
            ("1st Sept 2026", "2026-09-01"),
            ("31-Mar-2026", "2026-03-31"),
            ("30/02/2026", "2026-02-30"),
            ("next week", "next week"),
            ("2026-03", "2026-03"),
            ("31 Marchx 2026", "31 Marchx 2026"),
            ("March 2019", "2019-03"),
            ("Mar 2019", "2019-03"),
            ("Sept 2019", "2019-09"),
            ("Mar-2019", "2019-03"),
            ("3/2019", "2019-03"),
            ("12/2019", "2019-12"),
            ("Marchx 2019", "Marchx 2019"),
            ("2019 March", "2019 March"),
        ] {
            assert_eq!(date_text(typed, false), iso, "{typed}");
        }
    }

    #[test]
    fn numbers_as_officers_type_them() {
        assert_eq!(number_of("60"), Some(60.0));
        assert_eq!(number_of(" 71.5% "), Some(71.5));
        assert_eq!(number_of("£1,250"), Some(1250.0));
        assert_eq!(number_of("-1,234,567.5"), Some(-1_234_567.5));
        assert_eq!(number_of("1,2"), None);
        assert_eq!(number_of("inf"), None);
        assert_eq!(number_of("NaN"), None);
        assert_eq!(number_of("1e999"), None);
        assert_eq!(number_of("sixty"), None);
    }

    #[test]
    fn feed_words_as_people_write_them() {
        let s = Status::WORDS;
        assert_eq!(enum_word("In progress", s), "in_progress");
        assert_eq!(enum_word(" Not-started ", s), "not_started");
        assert_eq!(enum_word("done", s), "done");
        assert_eq!(
            enum_word("Requires improvement to be good", Grade::WORDS),
            "requires_improvement"
        );
    }
}
