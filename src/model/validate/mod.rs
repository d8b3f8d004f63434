//! Reading and checking a feed: every rule of `feed-v1.md`, explained to a council officer.
//!
//! [`check`] takes the file's bytes exactly as published and returns the [`Feed`] made of
//! every valid item, with every [`Problem`] found on the way. Problems name the JSON path, the
//! line and column, what was found and what was expected. What a problem leaves out is as
//! little as possible: a bad optional field (a date, a URL, a reference, one entry of a list of
//! references) is left out and its item kept; a bad required field or id leaves that item out
//! (the innermost list item: a bad update drops the update, not its action) and keeps the
//! rest; only a file that cannot be read as a version 1 feed at all gives no feed.
//! References are checked against every id written in the file, so a typo in one action does
//! not cascade into errors for every sub-action that points at it.

use crate::feed::*;
use crate::json::{self, LineIndex, Node};
use crate::sort;
use serde::Serialize;

mod fields;
mod items;
mod reader;
mod references;

use reader::{read_feed, Reader};

/// The largest feed accepted: 20 MiB.
pub const MAX_BYTES: usize = 20 * 1024 * 1024;

/// How serious a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The item (or the whole feed) cannot be shown.
    Error,
    /// Shown, but probably not what the publisher meant.
    Warning,
}

/// Which rule a problem breaks. Rules the JSON Schema can express are "structural"
/// ([`Rule::structural`]); the rest need the whole feed (references, cycles, real dates).
/// Written in reports by its [`Rule::name`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    /// The file is empty.
    Empty,
    /// Over [`MAX_BYTES`].
    TooLarge,
    /// Not UTF-8 text.
    Encoding,
    /// Not JSON.
    Syntax,
    /// Nested beyond [`json::MAX_DEPTH`] (the schema cannot say how deep is too deep).
    TooDeep,
    /// A number too large to use (`1e400`): `JSON.parse` reads it as Infinity.
    NumberTooLarge,
    /// The outermost value is not an object.
    NotObject,
    /// A required key is missing.
    Required,
    /// A value of the wrong JSON type.
    Type,
    /// A word that is not one of the allowed values.
    Enum,
    /// Not written `YYYY-MM-DD` (or `YYYY-MM` where a month is allowed).
    DateForm,
    /// `YYYY-MM-DD`, but no such day.
    NoSuchDate,
    /// Not one of the four period forms.
    PeriodForm,
    /// A period form, but not a real month, quarter or financial year.
    NoSuchPeriod,
    /// Not an absolute http(s) address.
    Url,
    /// A number outside its range, or an empty id.
    Range,
    /// `schema_version` not `1.x`.
    Version,
    /// An id used twice in one list.
    DuplicateId,
    /// A reference to an id that is not in the list it should be in.
    Reference,
    /// Sub-actions that are their own ancestors.
    Cycle,
    /// Two facts of one item that contradict each other (e.g. `end` before `start`).
    Inconsistent,
    /// A key the feed format does not know (warning).
    UnknownKey,
    /// A key written twice in one object; the last one is used (warning).
    DuplicateKey,
    /// A value that is allowed but probably a mistake (warning).
    Suspicious,
}

impl Rule {
    /// The rule's name in a report (`validate --format json`, the JavaScript `validate()`):
    /// its own name in snake_case.
    pub fn name(self) -> &'static str {
        use Rule::*;
        match self {
            Empty => "empty",
            TooLarge => "too_large",
            Encoding => "encoding",
            Syntax => "syntax",
            TooDeep => "too_deep",
            NumberTooLarge => "number_too_large",
            NotObject => "not_object",
            Required => "required",
            Type => "type",
            Enum => "enum",
            DateForm => "date_form",
            NoSuchDate => "no_such_date",
            PeriodForm => "period_form",
            NoSuchPeriod => "no_such_period",
            Url => "url",
            Range => "range",
            Version => "version",
            DuplicateId => "duplicate_id",
            Reference => "reference",
            Cycle => "cycle",
            Inconsistent => "inconsistent",
            UnknownKey => "unknown_key",
            DuplicateKey => "duplicate_key",
            Suspicious => "suspicious",
        }
    }

    /// True when the published JSON Schema also rejects this problem's feed.
    pub fn structural(self) -> bool {
        use Rule::*;
        matches!(
            self,
            Empty
                | Syntax
                | NotObject
                | Required
                | Type
                | Enum
                | DateForm
                | PeriodForm
                | Url
                | Range
                | Version
        )
    }
}

/// Written as serde's derive would with `rename_all = "snake_case"` (a unit variant named
/// [`Rule::name`]), but from one table of names: the derive makes a call for each rule, each
/// adding to the WebAssembly.
impl Serialize for Rule {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_unit_variant("Rule", *self as u32, self.name())
    }
}

/// One thing wrong with a feed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Problem {
    /// Error or warning.
    pub severity: Severity,
    /// The JSON path, e.g. `actions[12].due` (empty for the whole file).
    pub path: String,
    /// 1-based line in the file.
    pub line: usize,
    /// 1-based column (in characters) in the file.
    pub column: usize,
    /// What was found and what was expected, in plain words.
    pub message: String,
    /// The rule broken.
    pub rule: Rule,
    /// True for an error that left out only a field, or one entry of a list of references:
    /// the item it is in is still shown.
    #[serde(skip)]
    pub item_kept: bool,
    #[serde(skip)]
    offset: usize,
    /// While the feed is read: the node whose JSON path `path` continues (see `reader::At`).
    #[serde(skip)]
    base: Option<Node>,
}

/// The outcome of reading a feed.
#[derive(Debug, Clone)]
pub struct Report {
    /// The feed made of every valid item; `None` when it cannot be read as a feed at all.
    pub feed: Option<Feed>,
    /// Every problem, in the order they stand in the file.
    pub problems: Vec<Problem>,
}

impl Report {
    /// The number of errors.
    pub fn errors(&self) -> usize {
        self.problems
            .iter()
            .filter(|p| p.severity == Severity::Error)
            .count()
    }

    /// The number of warnings.
    pub fn warnings(&self) -> usize {
        self.problems.len() - self.errors()
    }
}

/// A report as `validate --format json` prints it and the JavaScript `validate()` returns it.
#[derive(Serialize)]
pub struct JsonReport<'a> {
    /// True when there are no errors.
    pub ok: bool,
    /// The errors.
    pub errors: Vec<&'a Problem>,
    /// The warnings.
    pub warnings: Vec<&'a Problem>,
}

impl<'a> JsonReport<'a> {
    /// The report's problems split into errors and warnings.
    pub fn of(report: &'a Report) -> Self {
        let (errors, warnings): (Vec<&Problem>, Vec<&Problem>) = report
            .problems
            .iter()
            .partition(|p| p.severity == Severity::Error);
        JsonReport {
            ok: errors.is_empty(),
            errors,
            warnings,
        }
    }
}

/// False when `bytes` cannot be a feed written badly, only some other kind of file: its first
/// character (after spaces and a byte-order mark) is ASCII that cannot begin a JSON object or
/// list. That is an HTML page or a plain-text message ("Service temporarily unavailable")
/// served where the feed should be, and the widget tells its reader so rather than that the
/// feed "has mistakes". UTF-16 and other non-ASCII starts are left to [`check`]'s own message.
pub fn starts_like_a_feed(bytes: &[u8]) -> bool {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match bytes.iter().find(|b| !b.is_ascii_whitespace()) {
        Some(b) if b.is_ascii() && *b != 0 => matches!(b, b'{' | b'['),
        _ => true,
    }
}

/// A report of one problem with the whole file, at its start.
fn refusal(rule: Rule, message: String) -> Report {
    Report {
        feed: None,
        problems: vec![Problem {
            severity: Severity::Error,
            path: String::new(),
            line: 1,
            column: 1,
            message,
            rule,
            item_kept: false,
            offset: 0,
            base: None,
        }],
    }
}

/// The report on a file refused before it is read as text: too large, empty, or UTF-16.
fn refused(bytes: &[u8]) -> Option<Report> {
    if bytes.len() > MAX_BYTES {
        return Some(refusal(
            Rule::TooLarge,
            format!(
                "the file is {} bytes ({} MiB); a feed can be at most 20 MiB ({} bytes). Leave out old updates or split the plan",
                crate::lang::number(bytes.len() as f64, 0),
                crate::decimal::fixed(bytes.len() as f64 / 1_048_576.0, 1),
                crate::lang::number(MAX_BYTES as f64, 0)
            ),
        ));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Some(refusal(
            Rule::Empty,
            "the file is empty; a feed is one JSON object starting with {".into(),
        ));
    }
    if bytes.starts_with(b"\xFF\xFE")
        || bytes.starts_with(b"\xFE\xFF")
        || bytes.iter().take(64).filter(|&&b| b == 0).count() > 4
    {
        return Some(refusal(
            Rule::Encoding,
            "the file is saved as UTF-16 (\"Unicode\" in some programs); save it as UTF-8 instead"
                .into(),
        ));
    }
    None
}

/// Reads and checks a feed from the bytes of its file.
pub fn check(bytes: &[u8]) -> Report {
    if let Some(r) = refused(bytes) {
        return r;
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let good = &bytes[..e.valid_up_to()];
            // The prefix is valid UTF-8 by construction.
            let prefix = std::str::from_utf8(good).unwrap_or_default();
            let (line, column) = LineIndex::new(prefix).line_col(prefix.len());
            let mut r = refusal(
                Rule::Encoding,
                format!(
                    "the file is not UTF-8 text: byte 0x{:02X} cannot be read. Save the file as UTF-8 (in Excel: \"CSV UTF-8\"; in other editors: encoding UTF-8)",
                    bytes[e.valid_up_to()]
                ),
            );
            r.problems[0].line = line;
            r.problems[0].column = column;
            return r;
        }
    };
    check_text(text)
}

/// Reads and checks a feed already decoded to text (a leading byte-order mark is allowed).
pub fn check_text(text: &str) -> Report {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    if text.len() > MAX_BYTES {
        return check(text.as_bytes());
    }
    let (feed, mut problems) = match json::parse(text) {
        Err(e) => {
            let (rule, message) = if e.too_deep {
                (Rule::TooDeep, e.message)
            } else {
                (
                    Rule::Syntax,
                    format!("this is not valid JSON: {}", e.message),
                )
            };
            let p = Problem {
                severity: Severity::Error,
                path: String::new(),
                line: 0,
                column: 0,
                message,
                rule,
                item_kept: false,
                offset: e.offset,
                base: None,
            };
            (None, vec![p])
        }
        Ok(doc) => {
            let mut rd = Reader::new(&doc);
            let feed = read_feed(&mut rd);
            rd.unknown_keys_left_over();
            let mut problems = rd.problems;
            write_paths(&doc, &mut problems);
            (feed, problems)
        }
    };
    if !problems.is_empty() {
        sort::by_key(&mut problems, |p| p.offset);
        let places = LineIndex::new(text).line_cols(problems.iter().map(|p| p.offset));
        for (p, place) in problems.iter_mut().zip(places) {
            (p.line, p.column) = place;
        }
    }
    Report { feed, problems }
}

/// Each problem's whole JSON path: the path of its node, then the rest it holds so far.
/// Made only now, in one walk of the document, so that reading a feed builds no path for a
/// value that has no problem.
fn write_paths(doc: &json::Document, problems: &mut [Problem]) {
    let mut bases: Vec<Node> = problems.iter().filter_map(|p| p.base).collect();
    if bases.is_empty() {
        return;
    }
    sort::by_key(&mut bases, |n| *n);
    bases.dedup();
    let paths = doc.paths(&bases);
    for p in problems {
        let Some(base) = p.base.take() else {
            continue;
        };
        let Ok(i) = bases.binary_search(&base) else {
            continue;
        };
        let mut path = paths[i].clone();
        json::join_key(&mut path, &p.path);
        p.path = path;
    }
}

/// The keys each kind of object may have, by the name of its schema definition.
pub const KEYS: &[(&str, &[&str])] = &[
    (
        "Feed",
        &[
            "schema_version",
            "publisher",
            "as_of",
            "published",
            "plan",
            "inspections",
            "findings",
            "priorities",
            "actions",
            "indicators",
            "meetings",
        ],
    ),
    ("Publisher", &["name", "url", "contact_email"]),
    ("Text", &["en", "cy"]),
    (
        "Plan",
        &[
            "id",
            "title",
            "summary",
            "approved",
            "approved_by",
            "next_review",
            "url",
            "rag_definitions",
            "status",
            "submit_by",
            "submitted",
        ],
    ),
    ("RagDefinitions", &["red", "amber", "green", "blue"]),
    (
        "Inspection",
        &[
            "id",
            "inspectorate",
            "type",
            "title",
            "start",
            "end",
            "published",
            "report_url",
            "judgements",
            "summary",
        ],
    ),
    ("Judgement", &["area", "grade", "label"]),
    (
        "Finding",
        &["id", "inspection", "kind", "area", "text", "response"],
    ),
    (
        "Priority",
        &["id", "title", "description", "lead", "findings"],
    ),
    (
        "Action",
        &[
            "id",
            "priority",
            "parent",
            "title",
            "description",
            "findings",
            "lead",
            "team",
            "start",
            "due",
            "revised_due",
            "completed",
            "added",
            "status",
            "rag",
            "progress",
            "success_measures",
            "milestones",
            "updates",
            "indicators",
            "evidence",
            "signed_off",
            "number",
            "recurrence",
        ],
    ),
    ("Milestone", &["title", "due", "completed"]),
    (
        "Update",
        &[
            "date",
            "text",
            "status",
            "rag",
            "progress",
            "revised_due",
            "meeting",
        ],
    ),
    ("Evidence", &["text", "url"]),
    (
        "Indicator",
        &[
            "id",
            "name",
            "unit",
            "polarity",
            "target",
            "values",
            "comparators",
            "source",
            "description",
        ],
    ),
    ("Target", &["value", "by"]),
    (
        "Value",
        &[
            "period",
            "value",
            "suppressed",
            "note",
            "approximate",
            "breakdown",
        ],
    ),
    ("Part", &["label", "value", "suppressed"]),
    ("Comparator", &["name", "values"]),
    (
        "Meeting",
        &[
            "id",
            "date",
            "body",
            "title",
            "url",
            "outcome",
            "follow_ups",
        ],
    ),
    ("FollowUp", &["text", "lead", "due", "done"]),
];

/// Feed or sheet text quoted in a problem message: at most 60 characters ("…" after), on one
/// line. Shared by the validator and the spreadsheet import, so both quote alike.
pub fn quote(s: &str) -> String {
    let short: String = s.chars().take(60).collect();
    let more = if short.len() < s.len() { "…" } else { "" };
    format!("\"{}{more}\"", short.replace('\n', " "))
}

/// Levenshtein distance, for "did you mean" suggestions.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

/// The option nearest to `word` (or the longest one it starts with), if it is near enough
/// to be a slip of the keyboard: the "did you mean" of the spreadsheet import, whose options
/// may be any text (the feed's own messages use [`closest_ascii`]).
#[cfg(any(not(target_arch = "wasm32"), feature = "checker"))]
pub(crate) fn closest<'a>(
    word: &str,
    options: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    nearest(word, options.into_iter().collect(), str::to_lowercase)
}

/// `closest` for options written in ASCII (the feed's keys and words): the same answer, with
/// text put in lower case letter by letter ([`super::case::lower`], which the widget has
/// anyway) rather than by `str::to_lowercase`, kilobytes of the WebAssembly used by nothing
/// else. The two differ only for a capital sigma ending a word (ς, not σ), which matches no
/// ASCII option either way, and for "İ", which becomes "i" without a combining dot: a closer
/// match. (A test checks that every key and word of the feed is ASCII.)
fn closest_ascii<'a>(word: &str, options: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let letters = |s: &str| s.chars().map(super::case::lower).collect();
    nearest(word, options.into_iter().collect(), letters)
}

/// The option nearest to `word`, with text put in lower case by `lower` (see `closest`).
fn nearest<'a>(word: &str, options: Vec<&'a str>, lower: fn(&str) -> String) -> Option<&'a str> {
    let norm = lower(word.trim()).replace([' ', '-'], "_");
    // "Requires improvement to be good" → "requires_improvement".
    if let Some(o) = options
        .iter()
        .filter(|o| o.len() >= 4 && norm.starts_with(**o))
        .max_by_key(|o| o.len())
    {
        return Some(o);
    }
    let len = norm.chars().count();
    options
        .into_iter()
        // The distance is at least the difference in length: skip those too far to be near.
        .filter(|o| len.abs_diff(o.chars().count()) <= 2.max(o.len() / 4))
        .map(|o| (distance(&norm, &lower(o)), o))
        .filter(|&(d, o)| d <= 2.max(o.len() / 4))
        .min_by_key(|&(d, _)| d)
        .map(|(_, o)| o)
}

/// White space as JavaScript's (and so the JSON Schema pattern's) `\s` sees it.
fn js_space(c: char) -> bool {
    matches!(
        c,
        '\t' | '\n' | '\u{b}' | '\u{c}' | '\r' | ' ' | '\u{a0}' | '\u{1680}' | '\u{2000}'
            ..='\u{200a}'
                | '\u{2028}'
                | '\u{2029}'
                | '\u{202f}'
                | '\u{205f}'
                | '\u{3000}'
                | '\u{feff}'
    )
}

/// An absolute `http:` or `https:` address with a host: the only links the widget makes.
pub fn is_web_address(s: &str) -> bool {
    let lower = s.get(..8).unwrap_or(s).to_ascii_lowercase();
    let rest = if lower.starts_with("https://") {
        &s[8..]
    } else if lower.starts_with("http://") {
        &s[7..]
    } else {
        return false;
    };
    rest.chars()
        .next()
        .is_some_and(|c| !js_space(c) && !matches!(c, '/' | '?' | '#'))
}

#[cfg(test)]
mod tests;

/// (1.1) "What a problem leaves out is as little as possible", field by field.
#[cfg(test)]
mod as_little_as_possible;
