//! A small JSON reader that remembers where every value stands in the text.
//!
//! Council officers need to be told *where* a problem is ("line 212, column 15"), for every
//! problem, not only for the first syntax error. `serde_json` forgets positions once it has
//! parsed, so the feed is read here into a [`Document`]: one flat array of nodes in the order
//! of the text, each with its byte offset, text borrowed from the feed (unescaped only when
//! asked for, and only if it has escapes), containers knowing where they end so that a reader
//! can step over them. One allocation for the whole document, none per value: the validator
//! then copies into the typed feed only what it keeps (bench/ANALYSIS.md §2 and §4 measured
//! a tree of values with a `String` per key as most of the load's time).
//!
//! The reader is strict RFC 8259 JSON, limits nesting depth (so hostile input cannot exhaust
//! the stack), reads numbers too large for a double as infinite (as `JSON.parse` does; the
//! validator refuses them where a number is expected) and keeps duplicate keys so that the
//! validator can warn about them. Line and column are worked out only for the places that
//! are reported ([`LineIndex`]), and JSON paths only for those too ([`Document::paths`]).

use std::borrow::Cow;

mod lines;
mod number;

pub use lines::LineIndex;

/// How deeply arrays and objects may nest. A real feed needs fewer than ten levels.
pub const MAX_DEPTH: usize = 64;

/// A value of a [`Document`]: its place among the document's nodes, which are in the order
/// of the text (so a node's number also orders it by offset).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Node(u32);

/// The kinds of JSON value.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Kind {
    /// `null`
    Null,
    /// `true` or `false`
    Bool(bool),
    /// A number (infinite when too large for a double, as `JSON.parse` reads it).
    Number(f64),
    /// A string: its text is [`Document::str`].
    String,
    /// An array: its items are [`Document::items`].
    Array,
    /// An object: its members, in the order written and duplicates included, are
    /// [`Document::members`].
    Object,
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

impl Kind {
    /// The JSON type name a council officer would recognise ("a number", "text", ...).
    pub fn describe(&self) -> &'static str {
        match self {
            Kind::Null => "null",
            Kind::Bool(_) => "true/false",
            Kind::Number(_) => "a number",
            Kind::String => "text",
            Kind::Array => "a list [...]",
            Kind::Object => "an object {...}",
        }
    }
}

/// What a node is, with the two numbers that say the rest (see [`Entry`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tag {
    Null,
    True,
    False,
    /// `a` and `b` are the low and high halves of the double's bits.
    Number,
    /// `a` is the offset of the closing quote; `b` is 1 when the text has escapes.
    String,
    /// `a` is the node after the array's last item; `b` is the number of items.
    Array,
    /// `a` is the node after the object's last value; `b` is the number of members. The
    /// members follow as pairs of nodes: the key (a string) and the value.
    Object,
}

/// The tags, by their number in [`Entry`].
const TAGS: [Tag; 7] = [
    Tag::Null,
    Tag::True,
    Tag::False,
    Tag::Number,
    Tag::String,
    Tag::Array,
    Tag::Object,
];

/// Bits of [`Entry`]'s first word that hold the tag; the rest hold the offset.
const TAG_BITS: u32 = 3;

/// The longest text a [`Document`] holds: offsets fit beside the tag (a feed is at most
/// 20 MiB).
pub const MAX_TEXT: usize = (u32::MAX >> TAG_BITS) as usize;

/// One node: 12 bytes, whatever the value (a tenth less memory than the text it is read from,
/// for a typical feed).
#[derive(Debug, Clone, Copy)]
struct Entry {
    /// The offset of the value's first character, shifted, and the tag's number.
    at: u32,
    a: u32,
    b: u32,
}

impl Entry {
    #[inline(always)]
    fn tag(self) -> Tag {
        TAGS[(self.at & ((1 << TAG_BITS) - 1)) as usize]
    }

    #[inline(always)]
    fn offset(self) -> usize {
        (self.at >> TAG_BITS) as usize
    }
}

/// A JSON text read into nodes: see the module's documentation.
#[derive(Debug, Clone)]
pub struct Document<'a> {
    text: &'a str,
    nodes: Vec<Entry>,
}

/// Reads `text` as one JSON value followed only by white space.
pub fn parse(text: &str) -> Result<Document<'_>, SyntaxError> {
    if text.len() > MAX_TEXT {
        return Err(SyntaxError {
            offset: 0,
            message: "the text is too long to read (over 512 MiB)".into(),
            too_deep: false,
        });
    }
    let mut p = Parser {
        s: text.as_bytes(),
        text,
        i: 0,
        depth: 0,
        // A minified feed has a node (a key or a value) for every 14 to 15 bytes, a
        // pretty-printed one fewer: one allocation, without growing (and copying) for most,
        // and no larger than the text.
        nodes: Vec::with_capacity(text.len() / 12 + 4),
    };
    p.ws();
    p.value()?;
    p.ws();
    if p.i < p.s.len() {
        return Err(p.err("there is more text after the end of the feed's outer object; remove it"));
    }
    Ok(Document {
        text,
        nodes: p.nodes,
    })
}

impl<'a> Document<'a> {
    /// The outermost value.
    pub fn root(&self) -> Node {
        Node(0)
    }

    /// The text the document was read from.
    pub fn text(&self) -> &'a str {
        self.text
    }

    #[inline(always)]
    fn entry(&self, n: Node) -> Entry {
        // Through the slice, not `Vec`'s `Index` (a call of its own where code is small).
        let nodes: &[Entry] = &self.nodes;
        nodes[n.0 as usize]
    }

    /// The byte offset of the value's first character.
    #[inline]
    pub fn offset(&self, n: Node) -> usize {
        self.entry(n).offset()
    }

    /// What the value is.
    #[inline]
    pub fn kind(&self, n: Node) -> Kind {
        let e = self.entry(n);
        match e.tag() {
            Tag::Null => Kind::Null,
            Tag::True => Kind::Bool(true),
            Tag::False => Kind::Bool(false),
            Tag::Number => Kind::Number(f64::from_bits(u64::from(e.a) | u64::from(e.b) << 32)),
            Tag::String => Kind::String,
            Tag::Array => Kind::Array,
            Tag::Object => Kind::Object,
        }
    }

    /// True for `null`.
    #[inline]
    pub fn is_null(&self, n: Node) -> bool {
        self.entry(n).tag() == Tag::Null
    }

    /// The text of a string, unescaped: borrowed from the document unless it has escapes.
    /// `None` for any other kind of value.
    pub fn str(&self, n: Node) -> Option<Cow<'a, str>> {
        let e = self.entry(n);
        (e.tag() == Tag::String).then(|| string_text(self.text, e))
    }

    /// The text of a string without escapes, borrowed (`None` for a string with escapes, and
    /// for any other kind of value): what [`Document::str`] gives, without a `Cow`.
    pub fn plain_str(&self, n: Node) -> Option<&'a str> {
        let e = self.entry(n);
        (e.tag() == Tag::String && e.b == 0)
            .then(|| self.text.get(e.offset() + 1..e.a as usize))
            .flatten()
    }

    /// True when `n` is a string whose text is `s` (without unescaping when it has no escapes).
    pub fn str_is(&self, n: Node, s: &str) -> bool {
        let e = self.entry(n);
        let (start, end) = (e.offset() + 1, e.a as usize);
        e.tag() == Tag::String
            && if e.b == 0 {
                end - start == s.len() && self.text.as_bytes().get(start..end) == Some(s.as_bytes())
            } else {
                self.str(n).is_some_and(|t| t == s)
            }
    }

    /// How many items an array has, or members an object (0 for other values).
    pub fn len(&self, n: Node) -> usize {
        let e = self.entry(n);
        match e.tag() {
            Tag::Array | Tag::Object => e.b as usize,
            _ => 0,
        }
    }

    /// The node after `n` and everything in it.
    #[inline]
    fn after(&self, n: Node) -> u32 {
        let e = self.entry(n);
        match e.tag() {
            Tag::Array | Tag::Object => e.a,
            _ => n.0 + 1,
        }
    }

    /// The items of an array, in order (none for other values).
    pub fn items(&self, n: Node) -> Items<'_, 'a> {
        let e = self.entry(n);
        let (next, left) = match e.tag() {
            Tag::Array => (n.0 + 1, e.b),
            _ => (0, 0),
        };
        Items {
            doc: self,
            next,
            left,
        }
    }

    /// The members of an object as (key, value), in the order written, duplicates included
    /// (none for other values).
    pub fn members(&self, n: Node) -> Members<'_, 'a> {
        let e = self.entry(n);
        let (next, left) = match e.tag() {
            Tag::Object => (n.0 + 1, e.b),
            _ => (0, 0),
        };
        Members {
            doc: self,
            next,
            left,
        }
    }

    /// The value of the last member of object `n` named `key` (the one JavaScript keeps).
    pub fn get(&self, n: Node, key: &str) -> Option<Node> {
        self.members(n)
            .filter(|&(k, _)| self.str_is(k, key))
            .last()
            .map(|(_, v)| v)
    }

    /// The JSON paths (`actions[12].updates[0]`; the root's is empty) of `nodes`, which must
    /// be in ascending order: one walk of the document that steps over every value holding
    /// none of them, so that it costs little even for many nodes.
    pub fn paths(&self, nodes: &[Node]) -> Vec<String> {
        let mut out = Vec::with_capacity(nodes.len());
        // The path to the value being looked at, as the steps from the root.
        let mut steps: Vec<Step> = Vec::new();
        let mut wanted = nodes.iter().peekable();
        self.walk(self.root(), &mut steps, &mut wanted, &mut out);
        out
    }

    fn walk(
        &self,
        n: Node,
        steps: &mut Vec<Step>,
        wanted: &mut std::iter::Peekable<std::slice::Iter<'_, Node>>,
        out: &mut Vec<String>,
    ) {
        while wanted.peek().is_some_and(|w| **w == n) {
            wanted.next();
            out.push(self.path_of(steps));
        }
        let end = self.after(n);
        if wanted.peek().is_none_or(|w| w.0 >= end) {
            return;
        }
        match self.entry(n).tag() {
            Tag::Array => {
                for (i, item) in self.items(n).enumerate() {
                    steps.push(Step::Index(i));
                    self.walk(item, steps, wanted, out);
                    steps.pop();
                }
            }
            Tag::Object => {
                for (key, value) in self.members(n) {
                    // A key's path is its object's.
                    while wanted.peek().is_some_and(|w| **w == key) {
                        wanted.next();
                        out.push(self.path_of(steps));
                    }
                    steps.push(Step::Key(key));
                    self.walk(value, steps, wanted, out);
                    steps.pop();
                }
            }
            _ => {}
        }
    }

    fn path_of(&self, steps: &[Step]) -> String {
        let mut path = String::new();
        for s in steps {
            match *s {
                Step::Index(i) => {
                    path.push('[');
                    path.push_str(&i.to_string());
                    path.push(']');
                }
                Step::Key(k) => join_key(&mut path, &self.str(k).unwrap_or_default()),
            }
        }
        path
    }
}

/// `key` added to JSON path `path` as the validator writes paths: `a.b`, or just `b` at the
/// root; an empty key adds nothing.
pub fn join_key(path: &mut String, key: &str) {
    if !path.is_empty() && !key.is_empty() {
        path.push('.');
    }
    path.push_str(key);
}

/// One step of a path from the root: a member's key, or an item's index.
#[derive(Clone, Copy)]
enum Step {
    Key(Node),
    Index(usize),
}

/// The items of an array: [`Document::items`].
pub struct Items<'d, 'a> {
    doc: &'d Document<'a>,
    next: u32,
    left: u32,
}

impl Iterator for Items<'_, '_> {
    type Item = Node;
    fn next(&mut self) -> Option<Node> {
        if self.left == 0 {
            return None;
        }
        self.left -= 1;
        let n = Node(self.next);
        self.next = self.doc.after(n);
        Some(n)
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.left as usize, Some(self.left as usize))
    }
}

/// The members of an object: [`Document::members`].
pub struct Members<'d, 'a> {
    doc: &'d Document<'a>,
    next: u32,
    left: u32,
}

impl Iterator for Members<'_, '_> {
    type Item = (Node, Node);
    fn next(&mut self) -> Option<(Node, Node)> {
        if self.left == 0 {
            return None;
        }
        self.left -= 1;
        let key = Node(self.next);
        let value = Node(self.next + 1);
        self.next = self.doc.after(value);
        Some((key, value))
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.left as usize, Some(self.left as usize))
    }
}

/// The text of string node `e` of `text`, unescaped.
fn string_text(text: &str, e: Entry) -> Cow<'_, str> {
    let raw = &text[e.offset() + 1..e.a as usize];
    if e.b == 0 {
        Cow::Borrowed(raw)
    } else {
        Cow::Owned(unescape(raw))
    }
}

/// The text of a string's escapes written out: `raw` is between the quotes and was checked
/// by the parser. A lone surrogate cannot be UTF-8 and becomes the replacement character.
fn unescape(raw: &str) -> String {
    let s = raw.as_bytes();
    let mut out = String::with_capacity(raw.len());
    let mut i = 0;
    while let Some(n) = s[i..].iter().position(|&b| b == b'\\') {
        out.push_str(&raw[i..i + n]);
        i += n + 1;
        let esc = s.get(i).copied();
        i += 1;
        match esc {
            Some(b'"') => out.push('"'),
            Some(b'\\') => out.push('\\'),
            Some(b'/') => out.push('/'),
            Some(b'b') => out.push('\u{8}'),
            Some(b'f') => out.push('\u{c}'),
            Some(b'n') => out.push('\n'),
            Some(b'r') => out.push('\r'),
            Some(b't') => out.push('\t'),
            _ => {
                let hi = hex4(s, i).unwrap_or(0xFFFD);
                i += 4;
                let c = if (0xD800..0xDC00).contains(&hi) {
                    if s.get(i..i + 2) == Some(b"\\u") {
                        let lo = hex4(s, i + 2).unwrap_or(0);
                        i += 6;
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
                out.push(c.unwrap_or('\u{FFFD}'));
            }
        }
    }
    out.push_str(&raw[i..]);
    out
}

/// The four hexadecimal digits at `i`, if they are.
fn hex4(s: &[u8], i: usize) -> Option<u32> {
    let digits = s.get(i..i + 4)?;
    digits.iter().try_fold(0, |n, &b| {
        let d = (b as char).to_digit(16)?;
        Some(n * 16 + d)
    })
}

/// Eight bytes with each byte's high bit set where the byte is a quote, a backslash or a
/// control character (so the lowest one set is the first such byte: the borrows that can
/// set a higher byte wrongly only start at a byte that is one).
fn specials(w: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let zero = |v: u64| v.wrapping_sub(ONES) & !v & HIGH;
    zero(w ^ (ONES * b'"' as u64))
        | zero(w ^ (ONES * b'\\' as u64))
        | (w.wrapping_sub(ONES * 0x20) & !w & HIGH)
}

struct Parser<'a> {
    s: &'a [u8],
    text: &'a str,
    i: usize,
    depth: usize,
    nodes: Vec<Entry>,
}

impl<'a> Parser<'a> {
    fn err(&self, message: impl Into<String>) -> SyntaxError {
        SyntaxError {
            offset: self.i,
            message: message.into(),
            too_deep: false,
        }
    }

    #[inline(always)]
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

    /// Adds a node (offsets fit: `parse` refuses texts over [`MAX_TEXT`]).
    #[inline(always)]
    fn push(&mut self, offset: usize, tag: Tag, a: u32, b: u32) {
        self.nodes.push(Entry {
            at: (offset as u32) << TAG_BITS | tag as u32,
            a,
            b,
        });
    }

    fn value(&mut self) -> Result<(), SyntaxError> {
        let offset = self.i;
        match self.s.get(self.i) {
            Some(b'{') => self.nested(Self::object),
            Some(b'[') => self.nested(Self::array),
            Some(b'"') => self.string(),
            Some(b't') => self.literal("true", Tag::True),
            Some(b'f') => self.literal("false", Tag::False),
            Some(b'n') => self.literal("null", Tag::Null),
            Some(b'-' | b'0'..=b'9') => {
                let bits = self.number()?.to_bits();
                self.push(offset, Tag::Number, bits as u32, (bits >> 32) as u32);
                Ok(())
            }
            _ => Err(self.err(format!(
                "expected a value (text in \"double quotes\", a number, true, false, null, a list or an object) but found {}",
                self.found()
            ))),
        }
    }

    /// Reads an array or object (`f`) one level deeper, refusing to go beyond [`MAX_DEPTH`].
    fn nested(&mut self, f: fn(&mut Self) -> Result<(), SyntaxError>) -> Result<(), SyntaxError> {
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

    fn literal(&mut self, word: &str, tag: Tag) -> Result<(), SyntaxError> {
        if self.s[self.i..].starts_with(word.as_bytes()) {
            self.push(self.i, tag, 0, 0);
            self.i += word.len();
            Ok(())
        } else {
            Err(self.err(format!(
                "expected a value but found {}; text must be in \"double quotes\"",
                self.found()
            )))
        }
    }

    /// Ends the container whose node is `at`: where it ends, and how many it holds.
    fn close(&mut self, at: usize, count: u32) {
        let end = self.nodes.len() as u32;
        let e = &mut self.nodes[at];
        e.a = end;
        e.b = count;
    }

    fn object(&mut self) -> Result<(), SyntaxError> {
        let at = self.nodes.len();
        self.push(self.i, Tag::Object, 0, 0);
        self.i += 1;
        let mut count = 0;
        self.ws();
        if self.s.get(self.i) == Some(&b'}') {
            self.i += 1;
            self.close(at, count);
            return Ok(());
        }
        loop {
            self.ws();
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
            self.string()?;
            self.ws();
            if self.s.get(self.i) != Some(&b':') {
                let key = self.nodes[self.nodes.len() - 1];
                return Err(self.err(format!(
                    "expected ':' after the key \"{}\" but found {}",
                    string_text(self.text, key),
                    self.found()
                )));
            }
            self.i += 1;
            self.ws();
            self.value()?;
            count += 1;
            self.ws();
            match self.s.get(self.i) {
                Some(b',') => self.i += 1,
                Some(b'}') => {
                    self.i += 1;
                    self.close(at, count);
                    return Ok(());
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

    fn array(&mut self) -> Result<(), SyntaxError> {
        let at = self.nodes.len();
        self.push(self.i, Tag::Array, 0, 0);
        self.i += 1;
        let mut count = 0;
        self.ws();
        if self.s.get(self.i) == Some(&b']') {
            self.i += 1;
            self.close(at, count);
            return Ok(());
        }
        loop {
            self.ws();
            if self.s.get(self.i) == Some(&b']') {
                return Err(self.err(
                    "a comma before a closing ] is not allowed in JSON; remove the last comma",
                ));
            }
            self.value()?;
            count += 1;
            self.ws();
            match self.s.get(self.i) {
                Some(b',') => self.i += 1,
                Some(b']') => {
                    self.i += 1;
                    self.close(at, count);
                    return Ok(());
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

    /// Checks the four hexadecimal digits of a `\u` escape and steps over them.
    fn hex4(&mut self) -> Result<u32, SyntaxError> {
        match hex4(self.s, self.i) {
            Some(n) => {
                self.i += 4;
                Ok(n)
            }
            None => Err(self.err("\\u must be followed by four hexadecimal digits")),
        }
    }

    /// The next quote, backslash or control character from `self.i` (or the end).
    fn skip_to_special(&mut self) {
        while let Some(&[a, b, c, d, e, f, g, h]) = self.s.get(self.i..self.i + 8) {
            let found = specials(u64::from_le_bytes([a, b, c, d, e, f, g, h]));
            if found != 0 {
                self.i += found.trailing_zeros() as usize / 8;
                return;
            }
            self.i += 8;
        }
        while let Some(&b) = self.s.get(self.i) {
            if b == b'"' || b == b'\\' || b < 0x20 {
                return;
            }
            self.i += 1;
        }
    }

    /// Reads a string (a value or a key) into a node: its escapes are checked here and
    /// written out only when its text is asked for.
    fn string(&mut self) -> Result<(), SyntaxError> {
        let start = self.i;
        self.i += 1;
        let mut escaped = 0;
        loop {
            self.skip_to_special();
            match self.s.get(self.i) {
                None => {
                    self.i = start;
                    return Err(self.err("this text in quotes is never closed; add the closing \""));
                }
                Some(b'"') => {
                    self.push(start, Tag::String, self.i as u32, escaped);
                    self.i += 1;
                    return Ok(());
                }
                Some(b'\\') => {
                    escaped = 1;
                    self.i += 1;
                    let esc = self.s.get(self.i).copied();
                    self.i += 1;
                    match esc {
                        Some(b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't') => {}
                        Some(b'u') => {
                            let hi = self.hex4()?;
                            if (0xD800..0xDC00).contains(&hi)
                                && self.s.get(self.i..self.i + 2) == Some(b"\\u")
                            {
                                self.i += 2;
                                self.hex4()?;
                            }
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

    /// Steps over a run of digits: how many.
    fn digits(&mut self) -> usize {
        let from = self.i;
        while self.i < self.s.len() && self.s[self.i].is_ascii_digit() {
            self.i += 1;
        }
        self.i - from
    }

    fn number(&mut self) -> Result<f64, SyntaxError> {
        let start = self.i;
        if self.s.get(self.i) == Some(&b'-') {
            self.i += 1;
        }
        let int_start = self.i;
        let n = self.digits();
        if n == 0 || (n > 1 && self.s[int_start] == b'0') {
            self.i = start;
            return Err(self.err("a number must be written with digits, without leading zeros or a leading '+', e.g. 12 or 0.5"));
        }
        if self.s.get(self.i) == Some(&b'.') {
            self.i += 1;
            if self.digits() == 0 {
                return Err(self.err("a decimal point must be followed by digits, e.g. 4.0"));
            }
        }
        if let Some(b'e' | b'E') = self.s.get(self.i) {
            self.i += 1;
            if let Some(b'+' | b'-') = self.s.get(self.i) {
                self.i += 1;
            }
            if self.digits() == 0 {
                return Err(self.err("an exponent must have digits, e.g. 1e3"));
            }
        }
        // A number too large for a double reads as infinite, as in JavaScript; the validator
        // reports it where a number is expected (and an unknown key holding one is harmless).
        Ok(number::parse(&self.s[start..self.i]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_values_with_offsets() {
        let d = parse(" {\"a\": [1, -2.5e1, \"x\\u00e9\\ud83d\\ude00\"], \"b\": null}").unwrap();
        let root = d.root();
        assert_eq!(d.kind(root), Kind::Object);
        assert_eq!(d.offset(root), 1);
        let m: Vec<_> = d.members(root).collect();
        assert_eq!(d.str(m[0].0).unwrap(), "a");
        let items: Vec<_> = d.items(m[0].1).collect();
        assert_eq!(d.kind(items[1]), Kind::Number(-25.0));
        assert_eq!(d.str(items[2]).unwrap(), "xé😀");
        assert_eq!(d.offset(items[2]), 19);
        assert_eq!(d.kind(m[1].1), Kind::Null);
        assert_eq!(d.paths(&[root, items[2], m[1].1]), ["", "a[2]", "b"]);
    }

    #[test]
    fn text_without_escapes_is_borrowed() {
        let d = parse("[\"plain\", \"tab\\there\", \"\\ud800\\u0041\", \"\\udc00\"]").unwrap();
        let items: Vec<_> = d.items(d.root()).collect();
        assert!(matches!(d.str(items[0]), Some(Cow::Borrowed("plain"))));
        assert_eq!(d.str(items[1]).unwrap(), "tab\there");
        // A high surrogate followed by an escape that is not a low one: both become one
        // replacement character, as the reader always read them.
        assert_eq!(d.str(items[2]).unwrap(), "\u{FFFD}");
        assert_eq!(d.str(items[3]).unwrap(), "\u{FFFD}");
        assert!(d.str_is(items[1], "tab\there"));
    }

    #[test]
    fn the_special_bytes_of_a_string_are_found_in_any_of_eight_places() {
        for at in 0..20 {
            let mut s = "a".repeat(at);
            s.push('\u{1}');
            let e = parse(&format!("\"{s}\"")).unwrap_err();
            assert_eq!(e.offset, at + 1, "{s:?}");
            let text = format!("\"{}é\\\"\"", "b".repeat(at));
            let d = parse(&text).unwrap();
            assert_eq!(d.str(d.root()).unwrap(), format!("{}é\"", "b".repeat(at)));
        }
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
            "\"\\u12\"",
            "\"\\ud800\\u12\"",
        ] {
            assert!(parse(bad).is_err(), "{bad:?} should be refused");
        }
        let e = parse("{\"k\\u0065y\" 1}").unwrap_err();
        assert_eq!(
            e.message,
            "expected ':' after the key \"key\" but found '1'"
        );
    }

    #[test]
    fn huge_numbers_read_as_infinite_like_json_parse() {
        let d = parse("1e400").unwrap();
        assert_eq!(d.kind(d.root()), Kind::Number(f64::INFINITY));
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
        let d = parse("{\"a\":1,\"a\":2}").unwrap();
        assert_eq!(d.members(d.root()).count(), 2);
        let last = d.get(d.root(), "a").unwrap();
        assert_eq!(d.kind(last), Kind::Number(2.0));
    }

    #[test]
    fn limits_depth_without_overflowing_the_stack() {
        let deep = "[".repeat(100_000);
        let e = parse(&deep).unwrap_err();
        assert!(e.too_deep);
        assert_eq!(e.offset, MAX_DEPTH);
    }

    #[test]
    fn paths_of_many_nodes_in_one_walk() {
        let d = parse(r#"{"x": {"": [0, {"k": [true]}]}, "y": [[], [null]]}"#).unwrap();
        let all: Vec<Node> = (0..d.nodes.len() as u32).map(Node).collect();
        let paths = d.paths(&all);
        // Keys are nodes too: they take the path of the object they are in.
        assert_eq!(
            paths,
            [
                "",
                "",
                "x",
                "x",
                "x",
                "x[0]",
                "x[1]",
                "x[1]",
                "x[1].k",
                "x[1].k[0]",
                "",
                "y",
                "y[0]",
                "y[1]",
                "y[1][0]"
            ]
        );
    }

    #[test]
    fn line_and_column_count_characters() {
        let text = "{\n  \"é\": x\n}";
        let e = parse(text).unwrap_err();
        assert_eq!(LineIndex::new(text).line_col(e.offset), (2, 8));
    }
}
