//! The rules for single values: text, ids, dates, periods, URLs, numbers, true/false and
//! the feed's words, each with the message a council officer reads when it is broken.

use super::reader::*;
use super::*;
use crate::date::{digits, Date, DateError, Period};
use crate::json::{Kind, Node};
use std::borrow::Cow;

impl<'a> Reader<'a> {
    /// Text kept in the feed.
    pub(super) fn string(&mut self, v: Node, at: At) -> Option<String> {
        self.str(v, at).map(Cow::into_owned)
    }

    /// Text only looked at (a date, a word): borrowed from the feed's text unless it has
    /// escapes.
    pub(super) fn str(&mut self, v: Node, at: At) -> Option<Cow<'a, str>> {
        let s = self.doc.str(v);
        if s.is_none() {
            let message = format!(
                "found {}, expected text in \"double quotes\"",
                found(self.doc, v)
            );
            self.error(Rule::Type, at, message);
        }
        s
    }

    pub(super) fn id(&mut self, v: Node, at: At) -> Option<String> {
        let s = match self.doc.kind(v) {
            Kind::Number(n) => {
                self.error(
                    Rule::Type,
                    at,
                    format!("found the number {}, expected an id in quotes: write the id as text, e.g. \"1.10\" (as a number, 1.10 would be read as 1.1)", crate::decimal::shortest(n)),
                );
                return None;
            }
            _ => self.string(v, at)?,
        };
        if s.is_empty() {
            self.error(
                Rule::Range,
                at,
                "an id cannot be empty; give each item a short unique id such as \"1.3\"".into(),
            );
            return None;
        }
        Some(s)
    }

    /// A reference to an item of another list: a non-empty id.
    pub(super) fn reference(&mut self, v: Node, at: At) -> Option<Cow<'a, str>> {
        let s = match self.doc.kind(v) {
            Kind::Number(n) => {
                self.error(
                    Rule::Type,
                    at,
                    format!(
                        "found the number {}, expected the id it refers to in quotes, e.g. \"1.2\"",
                        crate::decimal::shortest(n)
                    ),
                );
                return None;
            }
            _ => self.str(v, at)?,
        };
        if s.is_empty() {
            self.error(Rule::Range, at, "a reference cannot be empty; give the id of the item it refers to, or leave the key out".into());
            return None;
        }
        Some(s)
    }

    pub(super) fn text(&mut self, v: Node, at: At) -> Option<Text> {
        match self.doc.kind(v) {
            Kind::String => self.string(v, at).map(Text::Plain),
            Kind::Object => {
                let o = self.object(v, at, TEXT)?;
                let en = self.opt(&o, "en", Self::string);
                let cy = self.opt(&o, "cy", Self::string);
                if o.get("en").is_none() && o.get("cy").is_none() {
                    self.error(Rule::Required, at, "text must have \"en\" (English), \"cy\" (Welsh) or both, e.g. {\"en\": \"Care leavers\", \"cy\": \"Ymadawyr gofal\"}".into());
                    return None;
                }
                Some(Text::Bilingual { en, cy })
            }
            _ => {
                self.error(Rule::Type, at, format!("found {}, expected text in \"double quotes\" or {{\"en\": \"…\", \"cy\": \"…\"}}", found(self.doc, v)));
                None
            }
        }
    }

    /// (1.1) A date field that may be a whole month: `YYYY-MM-DD` or `YYYY-MM`.
    pub(super) fn date(&mut self, v: Node, at: At) -> Option<Date> {
        let s = self.str(v, at)?;
        if s.len() == 7 {
            return match Date::parse_day_or_month(&s) {
                Ok(d) => Some(d),
                Err(_) => {
                    let rule = if s.as_bytes()[4] == b'-'
                        && s.bytes()
                            .enumerate()
                            .all(|(i, b)| i == 4 || b.is_ascii_digit())
                    {
                        Rule::NoSuchDate
                    } else {
                        Rule::DateForm
                    };
                    self.error(
                        rule,
                        at,
                        format!("{} is not a real date; write a day as YYYY-MM-DD or a whole month as YYYY-MM, e.g. 2019-03", quote(&s)),
                    );
                    None
                }
            };
        }
        self.day_only(&s, at, " (or YYYY-MM for a whole month)")
    }

    /// A date field that must be a whole day (`as_of`, `published`, `meetings[].date`).
    pub(super) fn day(&mut self, v: Node, at: At) -> Option<Date> {
        let s = self.str(v, at)?;
        if let Ok(m) = Date::parse_day_or_month(&s) {
            if m.is_whole_month() {
                let last = m.month_end();
                self.error(
                    Rule::DateForm,
                    at,
                    format!(
                        "{} is a month; \"{}\" needs the day as well, written YYYY-MM-DD, e.g. {last}",
                        quote(&s),
                        at.key
                    ),
                );
                return None;
            }
        }
        self.day_only(&s, at, "")
    }

    /// Reads `s` as `YYYY-MM-DD`; `or_month` is added to the advice when a month is allowed
    /// and the text does not look like a UK date.
    pub(super) fn day_only(&mut self, s: &str, at: At, or_month: &str) -> Option<Date> {
        match Date::parse(s) {
            Ok(d) => Some(d),
            Err(DateError::NoSuchDay) => {
                // `YYYY-MM-DD` in digits (`Date::parse` checked them): no such day, but a
                // year of 4 digits and a month of 2, so both are read and fit their types.
                let hint = digits(&s[0..4])
                    .zip(digits(&s[5..7]))
                    .and_then(|(y, m)| Date::new(y as i32, (m as u8).clamp(1, 12), 1))
                    .map(Date::month_end)
                    .map_or(String::new(), |d| format!(", e.g. {d}"));
                self.error(
                    Rule::NoSuchDate,
                    at,
                    format!(
                        "{} is not a real date; write dates as YYYY-MM-DD{hint}",
                        quote(s)
                    ),
                );
                None
            }
            Err(DateError::Form) => {
                let hint = uk_date(s).map_or_else(
                    || format!("{or_month}, e.g. 2019-02-28"),
                    |d| format!(": {d}"),
                );
                self.error(
                    Rule::DateForm,
                    at,
                    format!("{} is not a date written as YYYY-MM-DD{hint}", quote(s)),
                );
                None
            }
        }
    }

    pub(super) fn period(&mut self, v: Node, at: At) -> Option<Period> {
        let s = self.str(v, at)?;
        if let Some(p) = Period::parse(&s) {
            return Some(p);
        }
        let form_ok =
            s.is_ascii() && s.len() >= 7 && s.as_bytes()[..4].iter().all(u8::is_ascii_digit) && {
                let rest = &s[4..];
                let dd = |t: &str| t.len() == 2 && t.bytes().all(|b| b.is_ascii_digit());
                (rest.len() == 3
                    && (rest.starts_with('/') || rest.starts_with('-'))
                    && dd(&rest[1..]))
                    || (rest.len() == 3
                        && rest.starts_with("-Q")
                        && (b'1'..=b'4').contains(&rest.as_bytes()[2]))
                    || (rest.len() == 6
                        && rest.starts_with('-')
                        && dd(&rest[1..3])
                        && &rest[3..4] == "-"
                        && dd(&rest[4..]))
            };
        let rule = if form_ok {
            Rule::NoSuchPeriod
        } else {
            Rule::PeriodForm
        };
        let why = if form_ok {
            "is not a real period"
        } else {
            "is not a period"
        };
        self.error(
            rule,
            at,
            format!("{} {why}; write a day 2019-03-31, a month 2019-03, a quarter 2019-Q1 or a financial year 2018/19", quote(&s)),
        );
        None
    }

    pub(super) fn url(&mut self, v: Node, at: At) -> Option<Url> {
        let s = self.string(v, at)?;
        if is_web_address(&s) {
            Some(Url(s))
        } else {
            self.error(Rule::Url, at, format!("{} is not allowed: links must be full web addresses starting https:// (or http://)", quote(&s)));
            None
        }
    }

    pub(super) fn number(&mut self, v: Node, at: At) -> Option<f64> {
        match self.doc.kind(v) {
            Kind::Number(n) if n.is_finite() => Some(n),
            Kind::Number(_) => {
                self.error(
                    Rule::NumberTooLarge,
                    at,
                    "this number is too large to use; check for a typing mistake".into(),
                );
                None
            }
            Kind::String => {
                let s = self.doc.str(v).unwrap_or_default();
                let number = s.trim().trim_end_matches('%');
                let message = if reads_as_a_number(number) {
                    format!(
                        "found the text {}, expected a number without quotes, e.g. {number}",
                        quote(&s),
                    )
                } else {
                    format!("found {}, expected a number", found(self.doc, v))
                };
                self.error(Rule::Type, at, message);
                None
            }
            _ => {
                self.error(
                    Rule::Type,
                    at,
                    format!("found {}, expected a number", found(self.doc, v)),
                );
                None
            }
        }
    }

    pub(super) fn progress(&mut self, v: Node, at: At) -> Option<f64> {
        let n = self.number(v, at)?;
        if (0.0..=100.0).contains(&n) {
            Some(n)
        } else {
            self.error(
                Rule::Range,
                at,
                format!(
                    "progress {} is outside 0 to 100; write the percentage done, e.g. 60",
                    crate::decimal::shortest(n)
                ),
            );
            None
        }
    }

    pub(super) fn boolean(&mut self, v: Node, at: At) -> Option<bool> {
        match self.doc.kind(v) {
            Kind::Bool(b) => Some(b),
            _ => {
                self.error(
                    Rule::Type,
                    at,
                    format!(
                        "found {}, expected true or false (without quotes)",
                        found(self.doc, v)
                    ),
                );
                None
            }
        }
    }

    /// One of the feed's words (`all`, written as `words` in the same order), or the error
    /// that names them all. Only this shell is made for each kind of word; the reading and the
    /// message are [`Reader::word_at`], one copy for all of them (the WebAssembly's size).
    pub(super) fn word<E: Copy>(
        &mut self,
        v: Node,
        at: At,
        what: &str,
        all: &[E],
        words: &[&str],
    ) -> Option<E> {
        let i = self.word_at(v, at, what, words)?;
        all.get(i).copied()
    }

    /// The place of the text of `v` among `words`, or the error that names them all.
    fn word_at(&mut self, v: Node, at: At, what: &str, words: &[&str]) -> Option<usize> {
        let s = self.str(v, at)?;
        if let Some(i) = words.iter().position(|w| *w == s) {
            return Some(i);
        }
        let hint = closest_ascii(&s, words.iter().copied())
            .map_or(String::new(), |w| format!("did you mean \"{w}\"? "));
        self.error(
            Rule::Enum,
            at,
            format!(
                "{} is not {what}; {hint}use one of: {}",
                quote(&s),
                words.join(", ")
            ),
        );
        None
    }
}

/// `DD/MM/YYYY` (as Excel writes UK dates) turned into `YYYY-MM-DD`, for a hint.
fn uk_date(s: &str) -> Option<Date> {
    let mut parts = s.trim().split(['/', '.', '-']);
    let (d, m, y) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || y.len() != 4 {
        return None;
    }
    let number = |s: &str| unsigned(s).and_then(|n| u8::try_from(n).ok());
    Date::new(i32::try_from(unsigned(y)?).ok()?, number(m)?, number(d)?)
}

/// The number `s` writes as `str::parse` reads one of an unsigned type: an optional `+`, then
/// ASCII digits (`None` for anything else, or past `u32`). Checked by hand so that the
/// WebAssembly carries no copy of core's integer parser for each type the hints need. (A
/// year is read so too: `uk_date` splits the text at `-`, so its year has no minus sign.)
fn unsigned(s: &str) -> Option<u32> {
    digits(s.strip_prefix('+').unwrap_or(s))
}

/// True when Rust's `str::parse::<f64>` would read `s` (an optional sign, then `inf`,
/// `infinity` or `nan` in any case, or digits with an optional point and exponent): the text
/// a spreadsheet wrote for a number, quoted. Checked by hand so that the WebAssembly carries
/// no float parser (its tables take kilobytes).
fn reads_as_a_number(s: &str) -> bool {
    let s = s.strip_prefix(['+', '-']).unwrap_or(s);
    if ["inf", "infinity", "nan"]
        .iter()
        .any(|w| s.eq_ignore_ascii_case(w))
    {
        return true;
    }
    let b = s.as_bytes();
    let digits = |i: &mut usize| {
        let from = *i;
        while b.get(*i).is_some_and(u8::is_ascii_digit) {
            *i += 1;
        }
        *i - from
    };
    let mut i = 0;
    let mut n = digits(&mut i);
    if b.get(i) == Some(&b'.') {
        i += 1;
        n += digits(&mut i);
    }
    if n == 0 {
        return false;
    }
    if let Some(b'e' | b'E') = b.get(i) {
        i += 1;
        if let Some(b'+' | b'-') = b.get(i) {
            i += 1;
        }
        if digits(&mut i) == 0 {
            return false;
        }
    }
    i == b.len()
}

#[cfg(test)]
mod tests {
    use super::{reads_as_a_number, unsigned};

    #[test]
    fn unsigned_agrees_with_str_parse() {
        for s in [
            "",
            "+",
            "-",
            "0",
            "+0",
            "-0",
            "07",
            "0000000000005",
            "255",
            "256",
            "+255",
            "2019",
            "+201",
            "-201",
            "4294967295",
            "4294967296",
            "99999999999",
            "1a",
            " 1",
            "1 ",
            "١",
            "+-1",
            "-+1",
            "++1",
        ] {
            assert_eq!(
                unsigned(s).and_then(|n| u8::try_from(n).ok()),
                s.parse::<u8>().ok(),
                "{s:?}"
            );
            assert_eq!(unsigned(s), s.parse::<u32>().ok(), "{s:?}");
            if !s.starts_with('-') {
                assert_eq!(
                    unsigned(s).and_then(|n| i32::try_from(n).ok()),
                    s.parse::<i32>().ok(),
                    "{s:?}"
                );
            }
        }
    }

    #[test]
    fn reads_as_a_number_agrees_with_str_parse() {
        let parts = [
            "", "+", "-", "1", "12", ".", "5", "e", "E", "+", "-", "3", "inf", "InFinity", "nan",
            "x", " ", "%",
        ];
        // Every string of up to four of the parts.
        let mut strings = vec![String::new()];
        for _ in 0..4 {
            let longer: Vec<String> = strings
                .iter()
                .flat_map(|s| parts.iter().map(move |p| format!("{s}{p}")))
                .collect();
            strings.extend(longer);
            strings.sort();
            strings.dedup();
        }
        for s in strings {
            assert_eq!(reads_as_a_number(&s), s.parse::<f64>().is_ok(), "{s:?}");
        }
    }
}
