//! Every word the interface says, in English and Welsh, and how numbers and dates are written.
//!
//! Interface strings are written in the code in English and looked up with [`t`]; the Welsh
//! for each lives in one table ([`cy`]), and a test fails when a string used anywhere in the
//! source has no Welsh. Counted phrases use [`tn`] with CLDR plural categories (Welsh has six:
//! zero, one, two, few, many, other). Dates are written as GOV.UK writes them ("9 November
//! 2018", "9 Tachwedd 2018").
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

#[cfg(test)]
mod tests {
    use super::*;

    // ---- A small scanner for the interface strings used in the source ----------------------

    #[derive(Debug, Clone, PartialEq)]
    enum Tok {
        Ident(String),
        Punct(char),
        Str(String),
    }

    #[derive(Debug, Clone)]
    struct Token {
        tok: Tok,
        line: usize,
    }

    /// Splits Rust source into identifiers, punctuation and (decoded) string literals, skipping
    /// comments, char literals and lifetimes. Tolerant: it never fails, it only has to be good
    /// enough to find the arguments of `t(`, `tf(` and `tn(`.
    fn lex(src: &str) -> Vec<Token> {
        let c: Vec<char> = src.chars().collect();
        let mut out = Vec::new();
        let mut i = 0;
        let mut line = 1;
        let at = |i: usize| c.get(i).copied().unwrap_or('\0');
        while i < c.len() {
            let ch = c[i];
            if ch == '\n' {
                line += 1;
                i += 1;
            } else if ch.is_whitespace() {
                i += 1;
            } else if ch == '/' && at(i + 1) == '/' {
                while i < c.len() && c[i] != '\n' {
                    i += 1;
                }
            } else if ch == '/' && at(i + 1) == '*' {
                let mut depth = 0;
                while i < c.len() {
                    if c[i] == '/' && at(i + 1) == '*' {
                        depth += 1;
                        i += 2;
                    } else if c[i] == '*' && at(i + 1) == '/' {
                        depth -= 1;
                        i += 2;
                        if depth == 0 {
                            break;
                        }
                    } else {
                        if c[i] == '\n' {
                            line += 1;
                        }
                        i += 1;
                    }
                }
            } else if ch == '"' {
                let start = line;
                let mut s = String::new();
                i += 1;
                while i < c.len() && c[i] != '"' {
                    if c[i] == '\\' {
                        i += 1;
                        match at(i) {
                            'n' => s.push('\n'),
                            't' => s.push('\t'),
                            'r' => s.push('\r'),
                            '0' => s.push('\0'),
                            'u' => {
                                let close = (i..c.len()).find(|&j| c[j] == '}').unwrap_or(i);
                                let hex: String = c[i + 2..close].iter().collect();
                                s.extend(
                                    u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32),
                                );
                                i = close;
                            }
                            '\n' => {
                                line += 1;
                                while at(i + 1).is_whitespace() {
                                    if at(i + 1) == '\n' {
                                        line += 1;
                                    }
                                    i += 1;
                                }
                            }
                            other => s.push(other),
                        }
                        i += 1;
                    } else {
                        if c[i] == '\n' {
                            line += 1;
                        }
                        s.push(c[i]);
                        i += 1;
                    }
                }
                i += 1;
                out.push(Token {
                    tok: Tok::Str(s),
                    line: start,
                });
            } else if ch == '\'' {
                if at(i + 1) == '\\' {
                    i += 2;
                    while i < c.len() && c[i] != '\'' {
                        i += 1;
                    }
                    i += 1;
                } else if at(i + 2) == '\'' {
                    i += 3;
                } else {
                    out.push(Token {
                        tok: Tok::Punct('\''),
                        line,
                    });
                    i += 1;
                }
            } else if ch.is_alphanumeric() || ch == '_' {
                let mut w = String::new();
                while i < c.len() && (c[i].is_alphanumeric() || c[i] == '_') {
                    w.push(c[i]);
                    i += 1;
                }
                // Raw strings: r"…", r#"…"#, br"…".
                if (w == "r" || w == "br") && (at(i) == '"' || at(i) == '#') {
                    let mut hashes = 0;
                    while at(i) == '#' {
                        hashes += 1;
                        i += 1;
                    }
                    if at(i) == '"' {
                        let start = line;
                        i += 1;
                        let mut s = String::new();
                        while i < c.len() {
                            if c[i] == '"' && (1..=hashes).all(|k| at(i + k) == '#') {
                                i += 1 + hashes;
                                break;
                            }
                            if c[i] == '\n' {
                                line += 1;
                            }
                            s.push(c[i]);
                            i += 1;
                        }
                        out.push(Token {
                            tok: Tok::Str(s),
                            line: start,
                        });
                        continue;
                    }
                }
                if w != "b" || at(i) != '"' {
                    out.push(Token {
                        tok: Tok::Ident(w),
                        line,
                    });
                }
            } else {
                out.push(Token {
                    tok: Tok::Punct(ch),
                    line,
                });
                i += 1;
            }
        }
        out
    }

    /// The index of the bracket closing the one at `open`.
    fn closing(toks: &[Token], open: usize) -> usize {
        let mut depth = 0i32;
        for (j, tk) in toks.iter().enumerate().skip(open) {
            match tk.tok {
                Tok::Punct('(' | '[' | '{') => depth += 1,
                Tok::Punct(')' | ']' | '}') => {
                    depth -= 1;
                    if depth == 0 {
                        return j;
                    }
                }
                _ => {}
            }
        }
        toks.len()
    }

    /// A literal that is a match pattern (`"x" =>`, `"x" | "y"`, `"x" if …`), not a value.
    fn is_pattern(toks: &[Token], j: usize) -> bool {
        match toks.get(j + 1).map(|t| &t.tok) {
            Some(Tok::Punct('|')) => true,
            Some(Tok::Ident(w)) => w == "if",
            Some(Tok::Punct('=')) => {
                matches!(toks.get(j + 2).map(|t| &t.tok), Some(Tok::Punct('>')))
            }
            _ => false,
        }
    }

    /// The value literals (not match patterns) in `toks[from..to]`.
    fn values(toks: &[Token], from: usize, to: usize) -> Vec<(String, usize)> {
        (from..to.min(toks.len()))
            .filter(|&j| !is_pattern(toks, j))
            .filter_map(|j| match &toks[j].tok {
                Tok::Str(s) => Some((s.clone(), toks[j].line)),
                _ => None,
            })
            .collect()
    }

    /// Calls whose strings the scanner cannot see at the call (no literal, and no
    /// `let NAME = …;` to follow): (file, enclosing function, where the strings are).
    enum Via {
        /// A wrapper that passes its own argument on (its callers are scanned instead).
        PassThrough,
        /// Every literal with a letter in it, in the function's body, is a key.
        FnLiterals,
        /// Every literal in `let NAME = [ … ]` in the function is a key.
        Array(&'static str),
        /// Every pair of adjacent literals `"{n} …", "{n} …"` in the function is a `tn` pair.
        TnPairs,
    }
    const INDIRECT: &[(&str, &str, Via)] = &[
        ("render/i18n/mod.rs", "tf", Via::PassThrough),
        ("render/i18n/mod.rs", "tv", Via::PassThrough),
        ("render/i18n/mod.rs", "tn", Via::PassThrough),
        ("render/view.rs", "t", Via::PassThrough),
        ("render/view.rs", "trend", Via::FnLiterals),
        ("publish/csv.rs", "actions", Via::Array("heads")),
        ("render/chart.rs", "status_by_priority", Via::TnPairs),
    ];

    /// The body of `fn name` as a token range.
    fn fn_body(toks: &[Token], name: &str) -> Option<(usize, usize)> {
        let at = toks.windows(2).position(|w| {
            w[0].tok == Tok::Ident("fn".into()) && w[1].tok == Tok::Ident(name.into())
        })?;
        let open = (at..toks.len()).find(|&j| toks[j].tok == Tok::Punct('{'))?;
        Some((open, closing(toks, open)))
    }

    /// A call's arguments, `toks[open + 1..close]` split at top-level commas.
    fn args(toks: &[Token], open: usize, close: usize) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut depth = 0i32;
        let mut start = open + 1;
        let end = close.min(toks.len());
        for (j, t) in toks.iter().enumerate().take(end).skip(open + 1) {
            match t.tok {
                Tok::Punct('(' | '[' | '{') => depth += 1,
                Tok::Punct(')' | ']' | '}') => depth -= 1,
                Tok::Punct(',') if depth == 0 => {
                    out.push((start, j));
                    start = j + 1;
                }
                _ => {}
            }
        }
        if start < close {
            out.push((start, close));
        }
        out
    }

    /// The keys one argument yields: its value literals (a literal, or the arms of a `match` or
    /// `if` in it), or for a lone identifier those of its `let NAME = …;` earlier in the function.
    fn arg_keys(toks: &[Token], (a, b): (usize, usize), fn_start: usize) -> Vec<(String, usize)> {
        let v = values(toks, a, b);
        if !v.is_empty() || b != a + 1 {
            return v;
        }
        let Tok::Ident(name) = &toks[a].tok else {
            return v;
        };
        let binding = (fn_start..a).rev().find(|&j| {
            toks[j].tok == Tok::Ident("let".into())
                && (toks[j + 1].tok == Tok::Ident(name.clone())
                    || (toks[j + 1].tok == Tok::Ident("mut".into())
                        && toks.get(j + 2).map(|t| &t.tok) == Some(&Tok::Ident(name.clone()))))
        });
        let Some(j) = binding else { return v };
        let Some(eq) = (j..a).find(|&k| toks[k].tok == Tok::Punct('=')) else {
            return v;
        };
        let mut depth = 0i32;
        let mut end = eq;
        while end < a {
            match toks[end].tok {
                Tok::Punct('(' | '[' | '{') => depth += 1,
                Tok::Punct(')' | ']' | '}') => depth -= 1,
                Tok::Punct(';') if depth == 0 => break,
                _ => {}
            }
            end += 1;
        }
        values(toks, eq + 1, end)
    }

    #[derive(Default)]
    struct Found {
        /// (English, file:line) for `t` and `tf`.
        keys: Vec<(String, String)>,
        /// (English one form, English other form, file:line) for `tn`.
        counted: Vec<(String, String, String)>,
        /// Calls the scanner cannot follow.
        unknown: Vec<String>,
    }

    fn scan_file(file: &str, src: &str, found: &mut Found) {
        // Test code is not interface: stop at the test module.
        let src = src
            .find("#[cfg(test)]\nmod tests")
            .map_or(src, |i| &src[..i]);
        let toks = lex(src);
        let place = |line: usize| format!("src/{file}:{line}");
        let (mut current_fn, mut fn_start) = (String::new(), 0);
        for i in 0..toks.len() {
            let Tok::Ident(name) = &toks[i].tok else {
                continue;
            };
            if name == "fn" {
                if let Some(Tok::Ident(f)) = toks.get(i + 1).map(|t| &t.tok) {
                    current_fn = f.clone();
                    fn_start = i;
                }
                continue;
            }
            if !matches!(name.as_str(), "t" | "tf" | "tn" | "tv")
                || toks.get(i + 1).map(|t| &t.tok) != Some(&Tok::Punct('('))
            {
                continue;
            }
            let method = match i.checked_sub(1).map(|p| &toks[p].tok) {
                Some(Tok::Ident(w)) if w == "fn" => continue,
                Some(Tok::Punct('.')) if name != "t" => continue,
                Some(Tok::Punct('.')) => true,
                _ => false,
            };
            let args = args(&toks, i + 1, closing(&toks, i + 1));
            let arg = |n: usize| {
                args.get(n)
                    .map_or_else(Vec::new, |&r| arg_keys(&toks, r, fn_start))
            };
            let seen = match name.as_str() {
                "tn" => {
                    let (one, other) = (arg(2), arg(3));
                    let ok = !one.is_empty() && one.len() == other.len();
                    if ok {
                        found.counted.extend(
                            one.into_iter()
                                .zip(other)
                                .map(|((o, l), (p, _))| (o, p, place(l))),
                        );
                    }
                    ok
                }
                _ => {
                    let keys = arg(if method { 0 } else { 1 });
                    let ok = !keys.is_empty();
                    found
                        .keys
                        .extend(keys.into_iter().map(|(s, l)| (s, place(l))));
                    ok
                }
            };
            if seen {
                continue;
            }
            let line = toks[i].line;
            let body = || fn_body(&toks, &current_fn).unwrap_or((0, 0));
            match INDIRECT
                .iter()
                .find(|(f, n, _)| *f == file && *n == current_fn)
            {
                Some((_, _, Via::PassThrough)) => {}
                Some((_, _, Via::FnLiterals)) => {
                    let (a, b) = body();
                    found.keys.extend(
                        values(&toks, a, b)
                            .into_iter()
                            .filter(|(s, _)| s.chars().any(char::is_alphabetic))
                            .map(|(s, l)| (s, place(l))),
                    );
                }
                Some((_, _, Via::TnPairs)) => {
                    let (a, b) = body();
                    let lit = |j: usize| match toks.get(j).map(|t| &t.tok) {
                        Some(Tok::Str(s)) if s.contains("{n}") && j < b => Some(s.clone()),
                        _ => None,
                    };
                    let before = found.counted.len();
                    for j in a..b {
                        if let (Some(one), Some(Tok::Punct(',')), Some(other)) =
                            (lit(j), toks.get(j + 1).map(|t| &t.tok), lit(j + 2))
                        {
                            found.counted.push((one, other, place(toks[j].line)));
                        }
                    }
                    if found.counted.len() == before {
                        found.unknown.push(format!(
                            "{} (no \"{{n}} …\", \"{{n}} …\" pairs in fn {current_fn})",
                            place(line)
                        ));
                    }
                }
                Some((_, _, Via::Array(arr))) => {
                    let (a, b) = body();
                    let start = (a..b).find(|&j| {
                        toks[j].tok == Tok::Ident("let".into())
                            && toks.get(j + 1).map(|t| &t.tok) == Some(&Tok::Ident((*arr).into()))
                    });
                    match start.and_then(|j| (j..b).find(|&k| toks[k].tok == Tok::Punct('['))) {
                        Some(open) => found.keys.extend(
                            values(&toks, open, closing(&toks, open))
                                .into_iter()
                                .map(|(s, l)| (s, place(l))),
                        ),
                        None => found.unknown.push(format!(
                            "{} (no `let {arr} = [` in fn {current_fn})",
                            place(line)
                        )),
                    }
                }
                None => found.unknown.push(format!(
                    "{} ({name}( in fn {current_fn} has no string literal argument)",
                    place(line)
                )),
            }
        }
    }

    /// Every `.rs` file under `src/` (read now, so the test sees what is on disk).
    fn scan_source() -> Found {
        fn walk(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
            for e in std::fs::read_dir(dir)
                .expect("readable source directory")
                .flatten()
            {
                let p = e.path();
                if p.is_dir() {
                    walk(&p, out);
                } else if p.extension().is_some_and(|x| x == "rs") {
                    out.push(p);
                }
            }
        }
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut files = Vec::new();
        walk(&dir, &mut files);
        files.sort();
        let mut found = Found::default();
        for p in files {
            let src = std::fs::read_to_string(&p).expect("readable source");
            let name = p
                .strip_prefix(&dir)
                .unwrap_or(&p)
                .to_string_lossy()
                .replace('\\', "/");
            scan_file(&name, &src, &mut found);
        }
        found
    }

    /// `fill` with the values in a list, as `tv` passes them.
    fn fill_with(lang: Lang, template: &str, args: &[(&str, Val)]) -> String {
        fill(lang, template, &[], args)
    }

    /// A choice's branches: `(key, text)` in order.
    type Branches<'t> = Vec<(&'t str, &'t str)>;

    /// The `{…}`s of a template at the top level: `(name, Some(branches))` for a choice,
    /// `(name, None)` for a placeholder, as `fill_into` reads them.
    fn parts(s: &str) -> Vec<(&str, Option<Branches<'_>>)> {
        let mut out = Vec::new();
        let mut rest = s;
        while let Some((open, close)) = next_brace(rest) {
            let inner = &rest[open + 1..close];
            match inner.split_once(',') {
                Some((name, mut body)) if !name.contains('{') => {
                    let mut branches = Vec::new();
                    while let Some((o, c)) = next_brace(body) {
                        branches.push((body[..o].trim(), &body[o + 1..c]));
                        body = &body[c + 1..];
                    }
                    out.push((name.trim(), Some(branches)));
                }
                _ => out.push((inner, None)),
            }
            rest = &rest[close + 1..];
        }
        out
    }

    /// The values a template uses, as `{name}`, in placeholders and choices at any depth.
    fn placeholders(s: &str) -> Vec<String> {
        fn walk(s: &str, out: &mut Vec<String>) {
            for (name, branches) in parts(s) {
                out.push(format!("{{{name}}}"));
                for (_, text) in branches.unwrap_or_default() {
                    walk(text, out);
                }
            }
        }
        let mut out = Vec::new();
        walk(s, &mut out);
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Choices with a branch no value can take (a misspelt category), or with no `other`.
    fn bad_choices(s: &str) -> Vec<String> {
        const KEYS: [&str; 10] = [
            "zero", "one", "two", "few", "many", "other", "day", "month", "quarter", "year",
        ];
        let mut out = Vec::new();
        for (name, branches) in parts(s) {
            let Some(branches) = branches else { continue };
            for (k, text) in &branches {
                if !KEYS.contains(k) {
                    out.push(format!("{s:?}: {{{name}, …}} has a branch {k:?}"));
                }
                out.extend(bad_choices(text));
            }
            if !branches.iter().any(|(k, _)| *k == "other") {
                out.push(format!("{s:?}: {{{name}, …}} has no \"other\" branch"));
            }
        }
        out
    }

    #[test]
    fn scanner_reads_rust_literals() {
        let src = "fn f() { let c = '\"'; let q = '\\''; x.t(\"A \\\"b\\\"\"); t(\n  lang,\n  match k {\n \"k\" => \"One\",\n _ => r#\"Two \"2\"\"#,\n },\n);\n tn(lang, n, \"{n} cat\",\n \"{n} cats\"); tf(lang, \"Hi {x}\", &[(\"x\", \"y\")]); fn t(a: u8) {} }";
        let mut found = Found::default();
        scan_file("x.rs", src, &mut found);
        let keys: Vec<&str> = found.keys.iter().map(|k| k.0.as_str()).collect();
        assert_eq!(keys, ["A \"b\"", "One", "Two \"2\"", "Hi {x}"]);
        assert_eq!(found.counted[0].0, "{n} cat");
        assert_eq!(found.counted[0].1, "{n} cats");
        assert_eq!(found.counted[0].2, "src/x.rs:8");
        assert!(found.unknown.is_empty());
        let mut found = Found::default();
        scan_file("x.rs", "fn g(w: &'static str) { t(lang, w) }", &mut found);
        assert_eq!(found.unknown.len(), 1);
        // A template chosen earlier by `let` is followed; placeholder names are not keys.
        let src = "fn h() { let tpl = if up { \"Rose to {x}\" } else { \"Fell to {x}\" };\n tf(lang, tpl, &[(\"x\", &v)]); }";
        let mut found = Found::default();
        scan_file("x.rs", src, &mut found);
        let keys: Vec<&str> = found.keys.iter().map(|k| k.0.as_str()).collect();
        assert_eq!(keys, ["Rose to {x}", "Fell to {x}"]);
        assert!(found.unknown.is_empty());
    }

    /// What is wrong between what the scanner found and the Welsh tables.
    fn missing_welsh(found: &Found) -> Vec<String> {
        let mut problems: Vec<String> = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for (en, at) in &found.keys {
            if cy(en).is_none() && seen.insert(en.clone()) {
                problems.push(format!("no Welsh in CY for {en:?} ({at})"));
            }
        }
        for (one, other, at) in &found.counted {
            if cy(other).is_none() && seen.insert(other.clone()) {
                problems.push(format!(
                    "no Welsh in CY for the counted phrase {other:?} (one form {one:?}, {at})"
                ));
            }
        }
        for u in &found.unknown {
            problems.push(format!(
                "cannot see which strings reach this call, so cannot check their Welsh: {u}; \
                 pass a literal, or tell INDIRECT in src/render/i18n/mod.rs's tests where they come from"
            ));
        }
        problems
    }

    /// Duplicate keys, and placeholders that differ between the English and the Welsh.
    fn table_problems() -> Vec<String> {
        let mut problems = Vec::new();
        let mut keys = std::collections::HashSet::new();
        for (en, cy) in CY {
            if !keys.insert(*en) {
                problems.push(format!("{en:?} is in CY twice"));
            }
            if placeholders(en) != placeholders(cy) {
                problems.push(format!(
                    "placeholders differ: {en:?} {:?} → {cy:?} {:?}",
                    placeholders(en),
                    placeholders(cy)
                ));
            }
            if cy.trim().is_empty() {
                problems.push(format!("{en:?} has empty Welsh"));
            }
            problems.extend(bad_choices(en));
            problems.extend(bad_choices(cy));
        }
        problems
    }

    /// Every interface string in the source has Welsh; the tables are well formed.
    #[test]
    fn every_interface_string_has_welsh() {
        let found = scan_source();
        assert!(
            found.keys.len() > 100 && found.counted.len() > 3,
            "the scanner found too little ({} strings, {} counted phrases): is it broken?",
            found.keys.len(),
            found.counted.len()
        );
        let mut problems = missing_welsh(&found);
        problems.extend(table_problems());
        assert!(
            problems.is_empty(),
            "{} problem(s) with the Welsh tables:\n{}",
            problems.len(),
            problems.join("\n")
        );
    }

    /// No Welsh is left behind for English the source no longer uses (a reworded string
    /// shows up here and as missing above).
    #[test]
    fn every_welsh_entry_is_used() {
        let found = scan_source();
        let used: std::collections::HashSet<&str> = found
            .keys
            .iter()
            .map(|k| k.0.as_str())
            .chain(found.counted.iter().map(|c| c.1.as_str()))
            .collect();
        let unused: Vec<&str> = CY
            .iter()
            .map(|e| e.0)
            .filter(|en| !used.contains(en))
            .collect();
        assert!(
            unused.is_empty(),
            "Welsh for English no longer in the source (remove it, or reword it to match):\n{}",
            unused.join("\n")
        );
    }

    #[test]
    fn new_words_without_welsh_are_caught() {
        let src = "fn f(lang: Lang) {\n let a = t(lang, \"Overview\");\n let b = t(lang, \"New words\");\n let c = tn(lang, n, \"{n} new thing\", \"{n} new things\");\n let d = tf(\n  lang,\n  \"Fresh {x}\",\n  &[(\"x\", \"y\")],\n );\n}";
        let mut found = Found::default();
        scan_file("new.rs", src, &mut found);
        let problems = missing_welsh(&found);
        assert_eq!(problems.len(), 3, "{problems:#?}");
        assert!(problems[0].contains("\"New words\" (src/new.rs:3)"));
        assert!(problems[1].contains("\"Fresh {x}\" (src/new.rs:7)"));
        assert!(problems[2].contains("counted phrase \"{n} new things\""));
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

    /// Every counted phrase at 0, 1, 2, 3, 6 and 11: zero is never "0 …" (but "Dim …" or a
    /// sentence), and a masculine "cam" takes its numeral's mutation.
    #[test]
    fn every_counted_phrase_reads_right_at_0_1_2_3_6_11() {
        let found = scan_source();
        assert!(
            found.counted.len() > 10,
            "the scanner found too few counted phrases"
        );
        for (_, en, _) in &found.counted {
            let Some(welsh) = cy(en) else { continue }; // reported by the test above
            let at = |n| fill_with(Lang::Cy, welsh, &[("n", Val::Count(n))]);
            // A number that is a value, not a count of things, stays a digit at zero.
            if en != "{n} days" && en != "{n} weeks" {
                let zero = at(0);
                assert!(
                    !zero.split_whitespace().any(|w| w == "0"),
                    "{en:?} at 0: {zero:?}"
                );
            }
            if at(11).contains("11 cam ") {
                for (n, noun) in [
                    (1, "cam"),
                    (2, "gam"),
                    (3, "cham"),
                    (6, "cham"),
                    (11, "cam"),
                ] {
                    let want = format!("{n} {noun} gweithredu");
                    assert!(at(n).contains(&want), "{en:?} at {n}: {:?}", at(n));
                }
            }
        }
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
