//! Every word the interface says, in English and Welsh, and how numbers and dates are written.
//!
//! Interface strings are written in the code in English and looked up with [`t`]; the Welsh
//! for each lives in one table ([`cy`]), and a test fails when a string used anywhere in the
//! source has no Welsh. Counted phrases use [`tn`] with CLDR plural categories (Welsh has six:
//! zero, one, two, few, many, other). Dates are written as GOV.UK writes them ("9 November
//! 2018", "9 Tachwedd 2018").

use crate::date::Date;
use crate::feed::Unit;

/// An interface language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Welsh (Cymraeg).
    Cy,
}

impl Lang {
    /// `en` or `cy`, as in the `lang` attribute.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Cy => "cy",
        }
    }

    /// The language for a `lang` attribute value: Welsh for `cy` (and `cy-GB`), else English.
    pub fn from_code(code: &str) -> Lang {
        if code.trim().to_ascii_lowercase().starts_with("cy") {
            Lang::Cy
        } else {
            Lang::En
        }
    }
}

/// The interface string `en` in `lang`.
pub fn t(lang: Lang, en: &'static str) -> &'static str {
    match lang {
        Lang::En => en,
        Lang::Cy => cy(en).unwrap_or(en),
    }
}

/// `t` with `{name}` placeholders filled in.
pub fn tf(lang: Lang, en: &'static str, args: &[(&str, &str)]) -> String {
    fill(t(lang, en), args)
}

fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut s = template.to_string();
    for (k, v) in args {
        s = s.replace(&format!("{{{k}}}"), v);
    }
    s
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

/// A counted phrase: `one` and `other` are the English forms with `{n}`; the Welsh forms are
/// found by the English `other` form.
pub fn tn(lang: Lang, n: usize, one: &'static str, other: &'static str) -> String {
    let num = number(n as f64, 0);
    let template = match lang {
        Lang::En => {
            if n == 1 {
                one
            } else {
                other
            }
        }
        Lang::Cy => match cy_plural(other) {
            Some(forms) => {
                let i = match plural(lang, n) {
                    Plural::Zero => 0,
                    Plural::One => 1,
                    Plural::Two => 2,
                    Plural::Few => 3,
                    Plural::Many => 4,
                    Plural::Other => 5,
                };
                forms[i]
            }
            None => other,
        },
    };
    template.replace("{n}", &num)
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
const MONTHS_CY: [&str; 12] = [
    "Ionawr",
    "Chwefror",
    "Mawrth",
    "Ebrill",
    "Mai",
    "Mehefin",
    "Gorffennaf",
    "Awst",
    "Medi",
    "Hydref",
    "Tachwedd",
    "Rhagfyr",
];

/// The month's name.
pub fn month_name(lang: Lang, month: u8) -> &'static str {
    let i = usize::from(month.clamp(1, 12) - 1);
    match lang {
        Lang::En => MONTHS_EN[i],
        Lang::Cy => MONTHS_CY[i],
    }
}

/// "9 November 2018" / "9 Tachwedd 2018".
pub fn date(lang: Lang, d: Date) -> String {
    format!("{} {} {}", d.day(), month_name(lang, d.month()), d.year())
}

/// "November 2018" / "Tachwedd 2018".
pub fn month_year(lang: Lang, d: Date) -> String {
    format!("{} {}", month_name(lang, d.month()), d.year())
}

/// A number with thousands separators and at most `decimals` decimals (trailing zeros dropped).
pub fn number(x: f64, decimals: usize) -> String {
    let s = format!("{:.*}", decimals, x.abs());
    let (int, frac) = s.split_once('.').unwrap_or((&s, ""));
    let frac = frac.trim_end_matches('0');
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    let neg = if x < 0.0 && (int.bytes().any(|b| b != b'0') || !frac.is_empty()) {
        "-"
    } else {
        ""
    };
    if frac.is_empty() {
        format!("{neg}{grouped}")
    } else {
        format!("{neg}{grouped}.{frac}")
    }
}

/// A value in its unit: "73%", "4.2 days", "31 per 10,000", "£1.2m", "1,234".
pub fn value(lang: Lang, unit: Unit, x: f64) -> String {
    match unit {
        Unit::Percent => format!("{}%", number(x, 1)),
        Unit::Count => number(x, 1),
        Unit::RatePer10000 => tf(lang, "{x} per 10,000", &[("x", &number(x, 1))]),
        Unit::Days => {
            let n = number(x, 1);
            let whole = if x.fract() == 0.0 {
                x.abs() as usize
            } else {
                5
            };
            tn(lang, whole, "{n} day", "{n} days").replace(&number(whole as f64, 0), &n)
        }
        Unit::Weeks => {
            let n = number(x, 1);
            let whole = if x.fract() == 0.0 {
                x.abs() as usize
            } else {
                5
            };
            tn(lang, whole, "{n} week", "{n} weeks").replace(&number(whole as f64, 0), &n)
        }
        Unit::Ratio => number(x, 2),
        Unit::CurrencyGbp => money(x),
    }
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

/// The six Welsh plural forms (zero, one, two, few, many, other) of a counted phrase, by its
/// English `other` form.
pub fn cy_plural(en_other: &str) -> Option<&'static [&'static str; 6]> {
    CY_PLURAL
        .iter()
        .find(|(e, _)| *e == en_other)
        .map(|(_, f)| f)
}

/// English → Welsh for every interface string.
static CY: &[(&str, &str)] = &[("{x} per 10,000", "{x} fesul 10,000")];

/// English `other` form → Welsh forms [zero, one, two, few, many, other].
static CY_PLURAL: &[(&str, [&str; 6])] = &[
    (
        "{n} days",
        [
            "{n} diwrnod",
            "{n} diwrnod",
            "{n} ddiwrnod",
            "{n} diwrnod",
            "{n} diwrnod",
            "{n} diwrnod",
        ],
    ),
    (
        "{n} weeks",
        [
            "{n} wythnos",
            "{n} wythnos",
            "{n} wythnos",
            "{n} wythnos",
            "{n} wythnos",
            "{n} wythnos",
        ],
    ),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_as_gov_uk_writes_them() {
        let d = Date::parse("2018-11-09").unwrap();
        assert_eq!(date(Lang::En, d), "9 November 2018");
        assert_eq!(date(Lang::Cy, d), "9 Tachwedd 2018");
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
