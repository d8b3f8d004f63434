//! A small JSON reader that remembers where every value stands in the text.
//!
//! Council officers need to be told *where* a problem is ("line 212, column 15"), for every
//! problem, not only for the first syntax error. `serde_json` forgets positions once it has
//! parsed, so the feed is read here into a tree of [`Value`]s that keep their byte offset.
//! The reader is strict RFC 8259 JSON, limits nesting depth (so hostile input cannot exhaust
//! the stack), refuses numbers too large to represent, and keeps duplicate keys so that the
//! validator can warn about them.

use std::borrow::Cow;

/// How deeply arrays and objects may nest. A real feed needs fewer than ten levels.
pub const MAX_DEPTH: usize = 64;

/// A JSON value and the byte offset in the text where it starts.
#[derive(Debug, Clone, PartialEq)]
pub struct Value<'a> {
    /// What the value is.
    pub kind: Kind<'a>,
    /// Byte offset of the value's first character.
    pub offset: usize,
}

/// The kinds of JSON value.
#[derive(Debug, Clone, PartialEq)]
pub enum Kind<'a> {
    /// `null`
    Null,
    /// `true` or `false`
    Bool(bool),
    /// A number (infinite when too large for a double, as `JSON.parse` reads it).
    Number(f64),
    /// A string, unescaped (borrowed from the text when it has no escapes).
    String(Cow<'a, str>),
    /// An array.
    Array(Vec<Value<'a>>),
    /// An object's members in the order written, duplicates included.
    Object(Vec<Member<'a>>),
}

/// One `"key": value` pair of an object.
#[derive(Debug, Clone, PartialEq)]
pub struct Member<'a> {
    /// The key, unescaped.
    pub key: Cow<'a, str>,
    /// Byte offset of the key's opening quote.
    pub key_offset: usize,
    /// The value.
    pub value: Value<'a>,
}

/// Why the text is not JSON, and where.
#[derive(Debug, Clone, PartialEq)]
pub struct SyntaxError {
    /// Byte offset where reading stopped.
    pub offset: usize,
    /// What was wrong, in plain words.
    pub message: String,
    /// True when the nesting limit was reached (so the caller can say so specifically).
    pub too_deep: bool,
}

impl Kind<'_> {
    /// The JSON type name a council officer would recognise ("a number", "text", ...).
    pub fn describe(&self) -> &'static str {
        match self {
            Kind::Null => "null",
            Kind::Bool(_) => "true/false",
            Kind::Number(_) => "a number",
            Kind::String(_) => "text",
            Kind::Array(_) => "a list [...]",
            Kind::Object(_) => "an object {...}",
        }
    }
}

/// Reads `text` as one JSON value followed only by white space.
pub fn parse(text: &str) -> Result<Value<'_>, SyntaxError> {
    let mut p = Parser {
        s: text.as_bytes(),
        text,
        i: 0,
        depth: 0,
    };
    p.ws();
    let v = p.value()?;
    p.ws();
    if p.i < p.s.len() {
        return Err(p.err("there is more text after the end of the feed's outer object; remove it"));
    }
    Ok(v)
}

struct Parser<'a> {
    s: &'a [u8],
    text: &'a str,
    i: usize,
    depth: usize,
}

impl<'a> Parser<'a> {
    fn err(&self, message: impl Into<String>) -> SyntaxError {
        SyntaxError {
            offset: self.i,
            message: message.into(),
            too_deep: false,
        }
    }

    fn ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.s.get(self.i) {
            self.i += 1;
        }
    }

    fn found(&self) -> String {
        match self.text[self.i..].chars().next() {
            None => "the end of the file".to_string(),
            Some('\n' | '\r') => "the end of the line".to_string(),
            Some(c) if c.is_control() => format!("the control character U+{:04X}", c as u32),
            Some('\'') => "a single quote (') — text must be in \"double quotes\"".to_string(),
            Some(c) => format!("'{c}'"),
        }
    }

    fn value(&mut self) -> Result<Value<'a>, SyntaxError> {
        let offset = self.i;
        let kind = match self.s.get(self.i) {
            Some(b'{') => self.nested(Self::object)?,
            Some(b'[') => self.nested(Self::array)?,
            Some(b'"') => Kind::String(self.string()?),
            Some(b't') => self.literal("true", Kind::Bool(true))?,
            Some(b'f') => self.literal("false", Kind::Bool(false))?,
            Some(b'n') => self.literal("null", Kind::Null)?,
            Some(b'-' | b'0'..=b'9') => Kind::Number(self.number()?),
            _ => {
                return Err(self.err(format!(
                    "expected a value (text in \"double quotes\", a number, true, false, null, a list or an object) but found {}",
                    self.found()
                )))
            }
        };
        Ok(Value { kind, offset })
    }

    fn nested(
        &mut self,
        f: fn(&mut Self) -> Result<Kind<'a>, SyntaxError>,
    ) -> Result<Kind<'a>, SyntaxError> {
        if self.depth >= MAX_DEPTH {
            let mut e = self.err(format!(
                "lists and objects are nested more than {MAX_DEPTH} levels deep; a feed needs fewer than ten"
            ));
            e.too_deep = true;
            return Err(e);
        }
        self.depth += 1;
        let r = f(self);
        self.depth -= 1;
        r
    }

    fn literal(&mut self, word: &str, kind: Kind<'a>) -> Result<Kind<'a>, SyntaxError> {
        if self.s[self.i..].starts_with(word.as_bytes()) {
            self.i += word.len();
            Ok(kind)
        } else {
            Err(self.err(format!(
                "expected a value but found {}; text must be in \"double quotes\"",
                self.found()
            )))
        }
    }

    fn object(&mut self) -> Result<Kind<'a>, SyntaxError> {
        self.i += 1;
        let mut members = Vec::new();
        self.ws();
        if self.s.get(self.i) == Some(&b'}') {
            self.i += 1;
            return Ok(Kind::Object(members));
        }
        loop {
            self.ws();
            let key_offset = self.i;
            if self.s.get(self.i) != Some(&b'"') {
                return Err(self.err(format!(
                    "expected a key in \"double quotes\" but found {}{}",
                    self.found(),
                    if self.s.get(self.i) == Some(&b'}') {
                        " (a comma before a closing } is not allowed in JSON)"
                    } else {
                        ""
                    }
                )));
            }
            let key = self.string()?;
            self.ws();
            if self.s.get(self.i) != Some(&b':') {
                return Err(self.err(format!(
                    "expected ':' after the key \"{key}\" but found {}",
                    self.found()
                )));
            }
            self.i += 1;
            self.ws();
            let value = self.value()?;
            members.push(Member {
                key,
                key_offset,
                value,
            });
            self.ws();
            match self.s.get(self.i) {
                Some(b',') => self.i += 1,
                Some(b'}') => {
                    self.i += 1;
                    return Ok(Kind::Object(members));
                }
                _ => {
                    return Err(self.err(format!(
                        "expected ',' or '}}' after a value in an object but found {}; is a comma missing?",
                        self.found()
                    )))
                }
            }
        }
    }

    fn array(&mut self) -> Result<Kind<'a>, SyntaxError> {
        self.i += 1;
        let mut items = Vec::new();
        self.ws();
        if self.s.get(self.i) == Some(&b']') {
            self.i += 1;
            return Ok(Kind::Array(items));
        }
        loop {
            self.ws();
            if self.s.get(self.i) == Some(&b']') {
                return Err(self.err(
                    "a comma before a closing ] is not allowed in JSON; remove the last comma",
                ));
            }
            items.push(self.value()?);
            self.ws();
            match self.s.get(self.i) {
                Some(b',') => self.i += 1,
                Some(b']') => {
                    self.i += 1;
                    return Ok(Kind::Array(items));
                }
                _ => {
                    return Err(self.err(format!(
                    "expected ',' or ']' after an item in a list but found {}; is a comma missing?",
                    self.found()
                )))
                }
            }
        }
    }

    fn hex4(&mut self) -> Result<u32, SyntaxError> {
        let digits = self
            .s
            .get(self.i..self.i + 4)
            .and_then(|h| std::str::from_utf8(h).ok());
        match digits.and_then(|h| u32::from_str_radix(h, 16).ok()) {
            Some(n) if digits.is_some_and(|h| h.bytes().all(|b| b.is_ascii_hexdigit())) => {
                self.i += 4;
                Ok(n)
            }
            _ => Err(self.err("\\u must be followed by four hexadecimal digits")),
        }
    }

    fn string(&mut self) -> Result<Cow<'a, str>, SyntaxError> {
        let start = self.i;
        self.i += 1;
        // The common case, text without escapes, is borrowed from the feed: no allocation.
        let plain = self.s[self.i..]
            .iter()
            .position(|&b| b == b'"' || b == b'\\' || b < 0x20);
        if let Some(n) = plain {
            if self.s[self.i + n] == b'"' {
                let text: &'a str = self.text;
                let out = &text[self.i..self.i + n];
                self.i += n + 1;
                return Ok(Cow::Borrowed(out));
            }
        }
        let mut out = String::new();
        loop {
            // Copy the plain run up to the next quote, backslash or control character.
            let run = self.i;
            while let Some(&b) = self.s.get(self.i) {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    break;
                }
                self.i += 1;
            }
            out.push_str(&self.text[run..self.i]);
            match self.s.get(self.i) {
                None => {
                    self.i = start;
                    return Err(self.err("this text in quotes is never closed; add the closing \""));
                }
                Some(b'"') => {
                    self.i += 1;
                    return Ok(Cow::Owned(out));
                }
                Some(b'\\') => {
                    self.i += 1;
                    let esc = self.s.get(self.i).copied();
                    self.i += 1;
                    match esc {
                        Some(b'"') => out.push('"'),
                        Some(b'\\') => out.push('\\'),
                        Some(b'/') => out.push('/'),
                        Some(b'b') => out.push('\u{8}'),
                        Some(b'f') => out.push('\u{c}'),
                        Some(b'n') => out.push('\n'),
                        Some(b'r') => out.push('\r'),
                        Some(b't') => out.push('\t'),
                        Some(b'u') => {
                            let hi = self.hex4()?;
                            let c = if (0xD800..0xDC00).contains(&hi) {
                                if self.s.get(self.i..self.i + 2) == Some(b"\\u") {
                                    self.i += 2;
                                    let lo = self.hex4()?;
                                    if (0xDC00..0xE000).contains(&lo) {
                                        char::from_u32(0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00))
                                    } else {
                                        None
                                    }
                                } else {
                                    None
                                }
                            } else {
                                char::from_u32(hi)
                            };
                            // A lone surrogate cannot be UTF-8; show the replacement character.
                            out.push(c.unwrap_or('\u{FFFD}'));
                        }
                        _ => {
                            self.i -= 1;
                            return Err(self.err(format!(
                                "'\\' in text must be followed by one of \" \\ / b f n r t u, but found {}; write a backslash as \\\\",
                                self.found()
                            )));
                        }
                    }
                }
                Some(b'\n' | b'\r') => {
                    return Err(self.err(
                        "this text in quotes is not closed before the end of the line; add the closing \" (a line break inside text must be written \\n)",
                    ))
                }
                Some(_) => {
                    return Err(self.err(format!(
                        "text in quotes cannot contain {} (a tab must be written \\t)",
                        self.found()
                    )))
                }
            }
        }
    }

    fn number(&mut self) -> Result<f64, SyntaxError> {
        let start = self.i;
        let digits = |p: &mut Self| {
            let from = p.i;
            while p.s.get(p.i).is_some_and(u8::is_ascii_digit) {
                p.i += 1;
            }
            p.i - from
        };
        if self.s.get(self.i) == Some(&b'-') {
            self.i += 1;
        }
        let int_start = self.i;
        let n = digits(self);
        if n == 0 || (n > 1 && self.s[int_start] == b'0') {
            self.i = start;
            return Err(self.err("a number must be written with digits, without leading zeros or a leading '+', e.g. 12 or 0.5"));
        }
        if self.s.get(self.i) == Some(&b'.') {
            self.i += 1;
            if digits(self) == 0 {
                return Err(self.err("a decimal point must be followed by digits, e.g. 4.0"));
            }
        }
        if let Some(b'e' | b'E') = self.s.get(self.i) {
            self.i += 1;
            if let Some(b'+' | b'-') = self.s.get(self.i) {
                self.i += 1;
            }
            if digits(self) == 0 {
                return Err(self.err("an exponent must have digits, e.g. 1e3"));
            }
        }
        // A number too large for a double reads as infinite, as in JavaScript; the validator
        // reports it where a number is expected (and an unknown key holding one is harmless).
        let raw = &self.text[start..self.i];
        Ok(raw.parse::<f64>().unwrap_or(f64::NAN))
    }
}

/// Turns byte offsets into 1-based line and column numbers (columns count characters).
pub struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    /// Indexes the line starts of `text` once, so each look-up is a binary search.
    pub fn new(text: &'a str) -> Self {
        let mut starts = vec![0];
        starts.extend(
            text.bytes()
                .enumerate()
                .filter(|&(_, b)| b == b'\n')
                .map(|(i, _)| i + 1),
        );
        LineIndex { text, starts }
    }

    /// The lines and columns of ascending byte offsets, counting each stretch of text once, so
    /// thousands of problems on one long line (a minified feed) are placed in linear time.
    pub fn line_cols(&self, offsets: impl IntoIterator<Item = usize>) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut prev: Option<(usize, usize, usize)> = None;
        for offset in offsets {
            let mut offset = offset.min(self.text.len());
            while !self.text.is_char_boundary(offset) {
                offset -= 1;
            }
            let line = self.starts.partition_point(|&s| s <= offset) - 1;
            let column = match prev {
                Some((po, pl, pc)) if pl == line && po <= offset => {
                    pc + self.text[po..offset].chars().count()
                }
                _ => self.text[self.starts[line]..offset].chars().count() + 1,
            };
            prev = Some((offset, line, column));
            out.push((line + 1, column));
        }
        out
    }

    /// The line and column of byte `offset` (clamped to the text).
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let start = self.starts[line];
        let mut end = offset;
        while !self.text.is_char_boundary(end) {
            end -= 1;
        }
        (line + 1, self.text[start..end].chars().count() + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_values_with_offsets() {
        let v = parse(" {\"a\": [1, -2.5e1, \"x\\u00e9\\ud83d\\ude00\"], \"b\": null}").unwrap();
        let Kind::Object(m) = &v.kind else { panic!() };
        assert_eq!(v.offset, 1);
        assert_eq!(m[0].key, "a");
        let Kind::Array(items) = &m[0].value.kind else {
            panic!()
        };
        assert_eq!(items[1].kind, Kind::Number(-25.0));
        assert_eq!(items[2].kind, Kind::String("xé😀".into()));
        assert_eq!(items[2].offset, 19);
        assert_eq!(m[1].value.kind, Kind::Null);
    }

    #[test]
    fn rejects_what_json_rejects() {
        for bad in [
            "",
            "{",
            "[1,]",
            "{\"a\":1,}",
            "01",
            "+1",
            "1.",
            "'x'",
            "\"a\nb\"",
            "{a:1}",
            "[1] x",
            "\"\\x\"",
        ] {
            assert!(parse(bad).is_err(), "{bad:?} should be refused");
        }
    }

    #[test]
    fn huge_numbers_read_as_infinite_like_json_parse() {
        assert_eq!(parse("1e400").unwrap().kind, Kind::Number(f64::INFINITY));
        let e = parse("{\"a\": \"x\n\"}").unwrap_err();
        assert!(
            e.message.contains("not closed before the end of the line"),
            "{}",
            e.message
        );
        assert!(parse("{'a': 1}")
            .unwrap_err()
            .message
            .contains("single quote"));
    }

    #[test]
    fn keeps_duplicate_keys() {
        let v = parse("{\"a\":1,\"a\":2}").unwrap();
        let Kind::Object(m) = v.kind else { panic!() };
        assert_eq!(m.len(), 2);
    }

    #[test]
    fn limits_depth_without_overflowing_the_stack() {
        let deep = "[".repeat(100_000);
        let e = parse(&deep).unwrap_err();
        assert!(e.too_deep);
        assert_eq!(e.offset, MAX_DEPTH);
    }

    #[test]
    fn line_and_column_count_characters() {
        let text = "{\n  \"é\": x\n}";
        let e = parse(text).unwrap_err();
        assert_eq!(LineIndex::new(text).line_col(e.offset), (2, 8));
    }
}
