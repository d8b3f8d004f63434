//! Every word the interface says, in English and Welsh, and how numbers and dates are written.
//!
//! Interface strings are written in the code in English and looked up with [`t`]; the Welsh
//! for each lives in one table (`welsh.rs`, read by [`cy`]), and a test (`tests/i18n_keys.rs`,
//! which reads the source) fails when a string used anywhere in the source has no Welsh.
//! Counted phrases use [`tn`] with CLDR plural categories (Welsh has six: zero, one, two, few,
//! many, other). Dates are written as GOV.UK writes them ("9 November 2018", "9 Tachwedd
//! 2018").
//!
//! Welsh words agree with more than one number in a sentence, and with the kind of period
//! ("ym mis Ionawr 2026" but "yn ystod Ch2 2026"), so a template can choose its words by a
//! value ([`tv`], [`Val`]): `{done, one {wedi'i gwblhau} other {wedi'u cwblhau}}` chooses by
//! the plural category of `done`, `{period, month {ym mis {period}} other {yn ystod
//! {period}}}` by the kind of period, and `{n, zero {Dim camau} …}` says "Dim" for zero (a
//! Welsh category; English has none). A translator can then write what Welsh needs without a
//! change to the code.

use crate::date::{Date, Period};
use crate::feed::Unit;
pub use crate::lang::{number, Lang};

mod welsh;

use welsh::{CY, MONTHS_CY};

/// A percentage as the views write it: whole numbers, "43%".
pub fn percent(x: f64) -> String {
    format!("{}%", number(x, 0))
}

/// The interface string `en` in `lang`.
pub fn t(lang: Lang, en: &'static str) -> &'static str {
    match lang {
        Lang::En => en,
        Lang::Cy => cy(en).unwrap_or(en),
    }
}

/// `t` with `{name}` placeholders filled in with text.
pub fn tf(lang: Lang, en: &'static str, args: &[(&str, &str)]) -> String {
    fill(lang, t(lang, en), args, &[])
}

/// `t` with placeholders filled in with values a template can choose its words by (see the
/// module documentation): counts by their plural category, periods by their kind.
pub fn tv(lang: Lang, en: &'static str, args: &[(&str, Val)]) -> String {
    fill(lang, t(lang, en), &[], args)
}

/// A value for a placeholder: what is written, and what a choice in the template goes by.
#[derive(Debug, Clone, Copy)]
pub enum Val<'a> {
    /// Text, written as it is; a choice on it takes its `other` branch.
    Text(&'a str),
    /// A whole number, written with separators ("1,234"); a choice on it takes the branch
    /// named by its plural category in the language (`zero`, `one`, `two`, `few`, `many`;
    /// English has only `one`), else `other`.
    Count(usize),
    /// A period, written as [`period`] writes it; a choice on it goes by its kind (`day`,
    /// `month`, `quarter`, `year` for a financial year), then `other`.
    Period(Period),
}

impl Val<'_> {
    fn write(&self, lang: Lang, out: &mut String) {
        match *self {
            Val::Text(s) => out.push_str(s),
            Val::Count(n) => out.push_str(&number(n as f64, 0)),
            Val::Period(p) => out.push_str(&period(lang, p)),
        }
    }

    /// Whether the branch named `key` of a choice applies to this value.
    fn matches(&self, lang: Lang, key: &str) -> bool {
        match *self {
            Val::Text(_) => false,
            Val::Count(n) => key == plural(lang, n).key(),
            Val::Period(p) => {
                key == match p {
                    Period::Day(_) => "day",
                    Period::Month { .. } => "month",
                    Period::Quarter { .. } => "quarter",
                    Period::FinancialYear { .. } => "year",
                }
            }
        }
    }
}

/// The next `{…}` in `s` (braces nest): where it opens and closes.
fn next_brace(s: &str) -> Option<(usize, usize)> {
    let mut depth = 0usize;
    let mut open = 0;
    for (i, b) in s.bytes().enumerate() {
        if b == b'{' {
            if depth == 0 {
                open = i;
            }
            depth += 1;
        } else if b == b'}' && depth > 0 {
            depth -= 1;
            if depth == 0 {
                return Some((open, i));
            }
        }
    }
    None
}

/// Fills a template in one pass, so a value's own text is never read as a placeholder.
/// `{name, key {text} key {text} …}` is a choice: the first branch whose key the value takes,
/// else the `other` branch, else nothing. An unknown placeholder and an unmatched brace are
/// left as written. Values are looked up in `vals`, then in `texts`.
fn fill(lang: Lang, template: &str, texts: &[(&str, &str)], vals: &[(&str, Val)]) -> String {
    let mut out = String::new();
    fill_into(lang, template, texts, vals, &mut out);
    out
}

fn fill_into(
    lang: Lang,
    template: &str,
    texts: &[(&str, &str)],
    vals: &[(&str, Val)],
    out: &mut String,
) {
    let arg = |name: &str| {
        let val = vals.iter().find(|(k, _)| *k == name).map(|&(_, v)| v);
        val.or_else(|| {
            texts
                .iter()
                .find(|(k, _)| *k == name)
                .map(|&(_, v)| Val::Text(v))
        })
    };
    let mut rest = template;
    while let Some((open, close)) = next_brace(rest) {
        out.push_str(&rest[..open]);
        let inner = &rest[open + 1..close];
        match inner.split_once(',') {
            Some((name, body)) if !name.contains('{') => {
                if let Some(text) = chosen(lang, arg(name.trim()), body) {
                    fill_into(lang, text, texts, vals, out);
                }
            }
            _ => match arg(inner) {
                Some(v) => v.write(lang, out),
                None => out.push_str(&rest[open..close + 1]),
            },
        }
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
}

/// The text of the first branch `key {text}` of a choice's body that `value` takes, else of
/// its `other` branch.
fn chosen<'t>(lang: Lang, value: Option<Val>, mut body: &'t str) -> Option<&'t str> {
    let mut other = None;
    while let Some((open, close)) = next_brace(body) {
        let (key, text) = (body[..open].trim(), &body[open + 1..close]);
        if value.is_some_and(|v| v.matches(lang, key)) {
            return Some(text);
        }
        if key == "other" {
            other = Some(text);
        }
        body = &body[close + 1..];
    }
    other
}

/// The CLDR plural category of a whole number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Plural {
    /// Welsh 0.
    Zero,
    /// 1.
    One,
    /// Welsh 2.
    Two,
    /// Welsh 3.
    Few,
    /// Welsh 6.
    Many,
    /// Everything else.
    Other,
}

impl Plural {
    /// The category's CLDR name, as a branch of a choice names it.
    fn key(self) -> &'static str {
        match self {
            Plural::Zero => "zero",
            Plural::One => "one",
            Plural::Two => "two",
            Plural::Few => "few",
            Plural::Many => "many",
            Plural::Other => "other",
        }
    }
}

/// The plural category of `n` in `lang`.
pub fn plural(lang: Lang, n: usize) -> Plural {
    match (lang, n) {
        (_, 1) => Plural::One,
        (Lang::En, _) => Plural::Other,
        (Lang::Cy, 0) => Plural::Zero,
        (Lang::Cy, 2) => Plural::Two,
        (Lang::Cy, 3) => Plural::Few,
        (Lang::Cy, 6) => Plural::Many,
        (Lang::Cy, _) => Plural::Other,
    }
}

/// A counted phrase: `one` and `other` are the English forms with `{n}`; the Welsh, found by
/// the English `other` form, chooses its words by `n` (`{n, zero {Dim camau} two {{n} gam} …}`).
pub fn tn(lang: Lang, n: usize, one: &'static str, other: &'static str) -> String {
    let template = match lang {
        Lang::En if n == 1 => one,
        _ => t(lang, other),
    };
    fill(lang, template, &[], &[("n", Val::Count(n))])
}

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The month's name.
pub fn month_name(lang: Lang, month: u8) -> &'static str {
    let i = usize::from(month.clamp(1, 12) - 1);
    match lang {
        Lang::En => MONTHS_EN[i],
        Lang::Cy => MONTHS_CY[i],
    }
}

/// "9 November 2018" / "9 Tachwedd 2018"; (1.1) a whole month "March 2019" / "Mawrth 2019".
pub fn date(lang: Lang, d: Date) -> String {
    if d.is_whole_month() {
        return month_year(lang, d);
    }
    format!("{} {} {}", d.day(), month_name(lang, d.month()), d.year())
}

/// "November 2018" / "Tachwedd 2018".
pub fn month_year(lang: Lang, d: Date) -> String {
    format!("{} {}", month_name(lang, d.month()), d.year())
}

/// A period as a label: "2018/19", "Q2 2019" ("Ch2 2019"), "March 2019", "31 March 2019".
pub fn period(lang: Lang, p: Period) -> String {
    match p {
        Period::Day(d) => date(lang, d),
        Period::Month { .. } => month_year(lang, p.end()),
        Period::Quarter { year, quarter } => tf(
            lang,
            "Q{q} {year}",
            &[("q", &quarter.to_string()), ("year", &year.to_string())],
        ),
        Period::FinancialYear { .. } => p.to_string(),
    }
}

/// A value in its unit: "73%", "4.2 days", "31 per 10,000", "£1.2m", "1,234".
pub fn value(lang: Lang, unit: Unit, x: f64) -> String {
    match unit {
        Unit::Percent => format!("{}%", number(x, 1)),
        Unit::Count => number(x, 1),
        Unit::RatePer10000 => tf(lang, "{x} per 10,000", &[("x", &number(x, 1))]),
        Unit::Days => counted(x, |whole| tn(lang, whole, "{n} day", "{n} days")),
        Unit::Weeks => counted(x, |whole| tn(lang, whole, "{n} week", "{n} weeks")),
        Unit::Ratio => number(x, 2),
        Unit::CurrencyGbp => money(x),
    }
}

/// `x` days or weeks, as `words` counts a whole number of them ("{n} days"), with `x` written
/// in place of that number: "1 day", "4.2 days" (a fraction takes the `other` form, which 5
/// has in both languages).
fn counted(x: f64, words: impl Fn(usize) -> String) -> String {
    let whole = if x.fract() == 0.0 {
        x.abs() as usize
    } else {
        5
    };
    words(whole).replace(number(whole as f64, 0).as_str(), &number(x, 1))
}

/// Pounds: "£950", "£12,500", "£1.2m", "£3bn".
pub fn money(x: f64) -> String {
    let sign = if x < 0.0 { "-" } else { "" };
    let a = x.abs();
    if a >= 1e9 {
        format!("{sign}£{}bn", number(a / 1e9, 1))
    } else if a >= 1e6 {
        format!("{sign}£{}m", number(a / 1e6, 1))
    } else {
        format!("{sign}£{}", number(a, 0))
    }
}

/// The Welsh for an English interface string, if the table has it.
pub fn cy(en: &str) -> Option<&'static str> {
    CY.iter().find(|(e, _)| *e == en).map(|(_, c)| *c)
}

/// The English of every interface string the Welsh table translates, in the table's order:
/// `tests/i18n_keys.rs` checks that the source still uses each.
pub fn translated() -> impl Iterator<Item = &'static str> {
    CY.iter().map(|(en, _)| *en)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `fill` with the values in a list, as `tv` passes them.
    fn fill_with(lang: Lang, template: &str, args: &[(&str, Val)]) -> String {
        fill(lang, template, &[], args)
    }

    #[test]
    fn welsh_counted_phrases_mutate_after_numerals() {
        let overdue = |n| tn(Lang::Cy, n, "{n} action overdue", "{n} actions overdue");
        assert_eq!(overdue(0), "Dim camau gweithredu yn hwyr");
        assert_eq!(overdue(1), "1 cam gweithredu yn hwyr");
        assert_eq!(overdue(2), "2 gam gweithredu yn hwyr");
        assert_eq!(overdue(3), "3 cham gweithredu yn hwyr");
        assert_eq!(overdue(4), "4 cam gweithredu yn hwyr");
        assert_eq!(overdue(6), "6 cham gweithredu yn hwyr");
        assert_eq!(overdue(1234), "1,234 cam gweithredu yn hwyr");
        assert_eq!(
            tn(Lang::En, 1, "{n} action overdue", "{n} actions overdue"),
            "1 action overdue"
        );
        assert_eq!(
            tn(Lang::Cy, 2, "{n} day", "{n} days"),
            "2 ddiwrnod",
            "soft mutation after dau"
        );
        assert_eq!(tn(Lang::Cy, 2, "{n} week", "{n} weeks"), "2 wythnos");
        assert_eq!(
            tn(Lang::Cy, 3, "{n} selected", "{n} selected"),
            "Wedi dewis 3"
        );
    }

    #[test]
    fn templates_choose_by_count_and_period() {
        let m = Period::parse("2026-01").unwrap();
        let q = Period::parse("2026-Q2").unwrap();
        let y = Period::parse("2024/25").unwrap();
        let d = Period::parse("2025-03-31").unwrap();
        let tpl = "{p, day {ar {p}} month {ym mis {p}} other {yn ystod {p}}}";
        let when = |p| fill_with(Lang::Cy, tpl, &[("p", Val::Period(p))]);
        assert_eq!(when(m), "ym mis Ionawr 2026");
        assert_eq!(when(q), "yn ystod Ch2 2026");
        assert_eq!(when(y), "yn ystod 2024/25");
        assert_eq!(when(d), "ar 31 Mawrth 2025");
        let done = |v| tv(Lang::Cy, "Completed {date}", &[("date", v)]);
        assert_eq!(
            done(Val::Period(Period::parse("2026-03").unwrap())),
            "Cwblhawyd ym mis Mawrth 2026"
        );
        assert_eq!(
            done(Val::Text("20 Mawrth 2026")),
            "Cwblhawyd ar 20 Mawrth 2026"
        );
        // Two numbers, each agreeing where it belongs; branches are tried in the order written.
        let tpl = "{done, zero {Dim} other {{done}}} o'r {n} {n, two {gam} few {cham} many {cham} other {cam}} {done, one {wedi'i gwblhau} other {wedi'u cwblhau}}";
        let done_of = |done, n| {
            fill_with(
                Lang::Cy,
                tpl,
                &[("done", Val::Count(done)), ("n", Val::Count(n))],
            )
        };
        assert_eq!(done_of(0, 2), "Dim o'r 2 gam wedi'u cwblhau");
        assert_eq!(done_of(1, 3), "1 o'r 3 cham wedi'i gwblhau");
        assert_eq!(done_of(2, 6), "2 o'r 6 cham wedi'u cwblhau");
        assert_eq!(done_of(3, 1234), "3 o'r 1,234 cam wedi'u cwblhau");
        // English has no "zero" category: 0 is "other".
        let en = "{n, zero {none} one {one} other {many}}";
        assert_eq!(fill_with(Lang::En, en, &[("n", Val::Count(0))]), "many");
        assert_eq!(fill_with(Lang::Cy, en, &[("n", Val::Count(0))]), "none");
        // Text takes `other`; a choice with no branch for the value and no `other` is empty.
        let tpl = "[{x, one {one} other {{x}}}][{x, one {one}}]";
        assert_eq!(
            fill_with(Lang::Cy, tpl, &[("x", Val::Text("Y Cabinet"))]),
            "[Y Cabinet][]"
        );
        // One pass: a value's own braces are never read as a placeholder; unknown ones stay;
        // unmatched braces are literal text.
        let args = [("a", Val::Text("{b}")), ("b", Val::Text("B"))];
        assert_eq!(fill_with(Lang::En, "{a} {b} {c}", &args), "{b} B {c}");
        assert_eq!(fill_with(Lang::En, "{b} {b", &args), "B {b");
        assert_eq!(fill_with(Lang::En, "}{b}{", &args), "}B{");
    }

    /// Counted phrases whose Welsh changes most with the number, in full at 0, 1, 2, 3, 6 and
    /// 11 (tests/i18n_keys.rs checks every counted phrase in the source for "0 …" and "cam").
    #[test]
    fn counted_phrases_in_full_at_0_1_2_3_6_11() {
        let table: &[(&str, [&str; 6])] = &[
            (
                "{n} complete",
                [
                    "Dim un wedi'i gwblhau",
                    "1 wedi'i gwblhau",
                    "2 wedi'u cwblhau",
                    "3 wedi'u cwblhau",
                    "6 wedi'u cwblhau",
                    "11 wedi'u cwblhau",
                ],
            ),
            (
                "{n} selected",
                [
                    "Dim un wedi'i ddewis",
                    "Wedi dewis 1",
                    "Wedi dewis 2",
                    "Wedi dewis 3",
                    "Wedi dewis 6",
                    "Wedi dewis 11",
                ],
            ),
            (
                "{n} days",
                [
                    "0 diwrnod",
                    "1 diwrnod",
                    "2 ddiwrnod",
                    "3 diwrnod",
                    "6 diwrnod",
                    "11 diwrnod",
                ],
            ),
            (
                "{n} figures are suppressed to protect children's privacy and shown as gaps.",
                [
                    "Nid oes unrhyw ffigurau wedi'u hatal.",
                    "Mae 1 ffigur wedi'i atal er mwyn diogelu preifatrwydd plant, ac fe'i dangosir fel bwlch.",
                    "Mae 2 ffigur wedi'u hatal er mwyn diogelu preifatrwydd plant, ac fe'u dangosir fel bylchau.",
                    "Mae 3 ffigur wedi'u hatal er mwyn diogelu preifatrwydd plant, ac fe'u dangosir fel bylchau.",
                    "Mae 6 ffigur wedi'u hatal er mwyn diogelu preifatrwydd plant, ac fe'u dangosir fel bylchau.",
                    "Mae 11 ffigur wedi'u hatal er mwyn diogelu preifatrwydd plant, ac fe'u dangosir fel bylchau.",
                ],
            ),
        ];
        for (en, want) in table {
            let got: Vec<String> = [0, 1, 2, 3, 6, 11]
                .iter()
                .map(|&n| tn(Lang::Cy, n, "", en))
                .collect();
            assert_eq!(got, want, "{en:?}");
        }
    }

    #[test]
    fn welsh_strings_dates_and_values() {
        let d = Date::parse("2018-11-09").unwrap();
        assert_eq!(t(Lang::Cy, "Overdue"), "Yn hwyr");
        assert_eq!(t(Lang::Cy, "Actions"), "Camau gweithredu");
        assert_eq!(
            t(Lang::Cy, "Care Inspectorate Wales"),
            "Arolygiaeth Gofal Cymru"
        );
        assert_eq!(t(Lang::Cy, "not in the table"), "not in the table");
        assert_eq!(
            tf(
                Lang::Cy,
                "Data as at {date}",
                &[("date", &date(Lang::Cy, d))]
            ),
            "Data fel ar 9 Tachwedd 2018"
        );
        assert_eq!(
            tf(
                Lang::Cy,
                "Reported to {body} on {date}",
                &[("body", "Pwyllgor Craffu"), ("date", "9 Tachwedd 2018")]
            ),
            "Adroddwyd ar 9 Tachwedd 2018 (Pwyllgor Craffu)"
        );
        assert_eq!(month_year(Lang::Cy, d), "Tachwedd 2018");
        assert_eq!(value(Lang::Cy, Unit::RatePer10000, 31.0), "31 fesul 10,000");
        assert_eq!(value(Lang::Cy, Unit::Days, 3.0), "3 diwrnod");
        assert_eq!(value(Lang::Cy, Unit::Days, 4.2), "4.2 diwrnod");
        assert_eq!(value(Lang::Cy, Unit::Weeks, 2.0), "2 wythnos");
        assert_eq!(value(Lang::Cy, Unit::Percent, 72.45), "72.5%");
        assert_eq!(value(Lang::Cy, Unit::CurrencyGbp, 1_234_000.0), "£1.2m");
        assert_eq!(Lang::from_code(" CY-gb"), Lang::Cy);
        assert_eq!(Lang::from_code("en"), Lang::En);
    }

    #[test]
    fn dates_as_gov_uk_writes_them() {
        let d = Date::parse("2018-11-09").unwrap();
        assert_eq!(date(Lang::En, d), "9 November 2018");
        assert_eq!(date(Lang::Cy, d), "9 Tachwedd 2018");
        let m = Date::parse_day_or_month("2019-03").unwrap();
        assert_eq!(date(Lang::En, m), "March 2019");
        assert_eq!(date(Lang::Cy, m), "Mawrth 2019");
    }

    #[test]
    fn welsh_plural_categories() {
        let cats: Vec<Plural> = [0, 1, 2, 3, 4, 6, 11]
            .iter()
            .map(|&n| plural(Lang::Cy, n))
            .collect();
        assert_eq!(
            cats,
            [
                Plural::Zero,
                Plural::One,
                Plural::Two,
                Plural::Few,
                Plural::Other,
                Plural::Many,
                Plural::Other
            ]
        );
        assert_eq!(plural(Lang::En, 0), Plural::Other);
    }

    #[test]
    fn fill_never_substitutes_inside_feed_text() {
        // A priority titled "{n}" (or "{total}") is shown as written.
        let texts = |pairs: &[(&'static str, &'static str)]| -> Vec<(&'static str, Val<'static>)> {
            pairs.iter().map(|&(k, v)| (k, Val::Text(v))).collect()
        };
        let a = texts(&[("name", "{n} and {total}"), ("n", "3"), ("total", "9")]);
        assert_eq!(
            fill_with(Lang::En, "{name}: {n} of {total}", &a),
            "{n} and {total}: 3 of 9"
        );
        let b = texts(&[("n", "{name}"), ("name", "P")]);
        assert_eq!(fill_with(Lang::En, "{name} has {n}", &b), "P has {name}");
        assert_eq!(fill_with(Lang::En, "{unknown} {", &b), "{unknown} {");
        assert_eq!(fill_with(Lang::En, "{}{name}}", &b), "{}P}");
    }

    #[test]
    fn values_by_unit() {
        assert_eq!(value(Lang::En, Unit::Percent, 73.0), "73%");
        assert_eq!(value(Lang::En, Unit::Percent, 72.45), "72.5%");
        assert_eq!(value(Lang::En, Unit::Days, 4.2), "4.2 days");
        assert_eq!(value(Lang::En, Unit::Days, 1.0), "1 day");
        assert_eq!(value(Lang::En, Unit::RatePer10000, 31.0), "31 per 10,000");
        assert_eq!(value(Lang::En, Unit::CurrencyGbp, 1_234_000.0), "£1.2m");
        assert_eq!(value(Lang::En, Unit::CurrencyGbp, 12_500.0), "£12,500");
        assert_eq!(value(Lang::En, Unit::Count, 1234.0), "1,234");
        assert_eq!(value(Lang::Cy, Unit::Days, 2.0), "2 ddiwrnod");
        assert_eq!(number(-0.0, 1), "0");
        assert_eq!(number(-1234.5, 1), "-1,234.5");
    }
}
