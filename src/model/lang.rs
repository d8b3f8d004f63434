//! The reader's language, and how numbers are written for UK readers in English and Welsh.
//!
//! In the model layer because feed text itself is bilingual ([`crate::feed::Text`] picks a
//! language) and the validator's messages write sizes as readers write them; the interface's
//! words are in the render layer ([`crate::i18n`]).

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

/// A number with thousands separators and at most `decimals` decimals (trailing zeros dropped).
pub fn number(x: f64, decimals: usize) -> String {
    let s = crate::decimal::fixed(x.abs(), decimals);
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
