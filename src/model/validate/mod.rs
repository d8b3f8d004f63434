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

use crate::date::{Date, DateError, Period};
use crate::feed::*;
use crate::json::{self, Kind, LineIndex, Member, Value as J};
use crate::sort;
use serde::Serialize;
use std::collections::{HashMap, HashSet};

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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
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

/// Reads and checks a feed from the bytes of its file.
pub fn check(bytes: &[u8]) -> Report {
    let fail = |rule, message: String| Report {
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
        }],
    };
    if bytes.len() > MAX_BYTES {
        return fail(
            Rule::TooLarge,
            format!(
                "the file is {} bytes ({:.1} MiB); a feed can be at most 20 MiB ({} bytes). Leave out old updates or split the plan",
                crate::lang::number(bytes.len() as f64, 0),
                bytes.len() as f64 / 1_048_576.0,
                crate::lang::number(MAX_BYTES as f64, 0)
            ),
        );
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return fail(
            Rule::Empty,
            "the file is empty; a feed is one JSON object starting with {".into(),
        );
    }
    if bytes.starts_with(b"\xFF\xFE")
        || bytes.starts_with(b"\xFE\xFF")
        || bytes.iter().take(64).filter(|&&b| b == 0).count() > 4
    {
        return fail(
            Rule::Encoding,
            "the file is saved as UTF-16 (\"Unicode\" in some programs); save it as UTF-8 instead"
                .into(),
        );
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let good = &bytes[..e.valid_up_to()];
            // The prefix is valid UTF-8 by construction.
            let prefix = std::str::from_utf8(good).unwrap_or_default();
            let (line, column) = LineIndex::new(prefix).line_col(prefix.len());
            let mut r = fail(
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
    let lines = LineIndex::new(text);
    let mut cx = Cx {
        problems: Vec::new(),
        item_errors: 0,
        ids: HashMap::new(),
        index: 0,
        unknown: HashMap::new(),
        unknowns: Vec::new(),
    };
    let feed = match json::parse(text) {
        Err(e) => {
            let (rule, message) = if e.too_deep {
                (Rule::TooDeep, e.message)
            } else {
                (
                    Rule::Syntax,
                    format!("this is not valid JSON: {}", e.message),
                )
            };
            cx.push(Severity::Error, rule, String::new(), e.offset, message);
            None
        }
        Ok(root) => read_feed(&mut cx, &root),
    };
    cx.unknown_keys_left_over();
    let mut problems = cx.problems;
    sort::by_key(&mut problems, |p| p.offset);
    let places = lines.line_cols(problems.iter().map(|p| p.offset));
    for (p, place) in problems.iter_mut().zip(places) {
        (p.line, p.column) = place;
    }
    Report { feed, problems }
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

fn keys_of(def: &str) -> &'static [&'static str] {
    KEYS.iter().find(|(d, _)| *d == def).map_or(&[], |(_, k)| k)
}

/// Where a value stands: its JSON path and byte offset.
#[derive(Clone, Copy)]
struct At<'p> {
    parent: &'p str,
    key: &'p str,
    offset: usize,
}

impl At<'_> {
    fn path(&self) -> String {
        match (self.parent.is_empty(), self.key.is_empty()) {
            (_, true) => self.parent.to_string(),
            (true, false) => self.key.to_string(),
            (false, false) => format!("{}.{}", self.parent, self.key),
        }
    }
}

struct Cx {
    problems: Vec<Problem>,
    /// Errors in the item being read (saved and restored around nested items).
    item_errors: usize,
    /// For each top-level list, every id written in it and the index of its first use.
    /// References resolve against these (valid items or not), so one typo does not cascade.
    ids: HashMap<&'static str, HashMap<String, usize>>,
    /// The index in its JSON list of the list item being read.
    index: usize,
    /// Where in `unknowns` each unknown key stands, by the kind of object it is in and the
    /// key (`"action\0deu"`).
    unknown: HashMap<String, usize>,
    /// Each unknown key: how often it is written, and where the first one not reported on its
    /// own stands.
    unknowns: Vec<Unknown>,
}

/// Unknown keys repeated in many items (a spreadsheet's extra column exported into every
/// action) are reported one by one this many times; the rest in one warning.
const UNKNOWN_KEY_REPEATS: usize = 3;

/// Unknown keys in one object reported one by one; the rest are one warning.
const UNKNOWN_KEYS_PER_OBJECT: usize = 20;

/// A repeated unknown key: see [`Cx::unknown`].
struct Unknown {
    key: String,
    count: usize,
    hint: String,
    rest_at: Option<(String, usize)>,
    /// For a key written twice in one object (capped the same way): the kind of object.
    repeated_in: Option<String>,
}

/// An object's members, duplicates resolved (the last wins, as in JavaScript).
struct Obj<'v> {
    path: String,
    offset: usize,
    members: Vec<&'v Member<'v>>,
}

impl<'v> Obj<'v> {
    /// The value of `key`, treating `null` as absent.
    fn get(&self, key: &str) -> Option<&'v J<'v>> {
        self.raw(key).filter(|v| v.kind != Kind::Null)
    }

    fn raw(&self, key: &str) -> Option<&'v J<'v>> {
        self.members.iter().find(|m| m.key == key).map(|m| &m.value)
    }

    fn at<'a>(&'a self, key: &'a str, v: &J) -> At<'a> {
        At {
            parent: &self.path,
            key,
            offset: v.offset,
        }
    }
}

/// Feed or sheet text quoted in a problem message: at most 60 characters ("…" after), on one
/// line. Shared by the validator and the spreadsheet import, so both quote alike.
pub fn quote(s: &str) -> String {
    let short: String = s.chars().take(60).collect();
    let more = if short.len() < s.len() { "…" } else { "" };
    format!("\"{}{more}\"", short.replace('\n', " "))
}

fn found(v: &J) -> String {
    match &v.kind {
        Kind::String(s) => format!("the text {}", quote(s)),
        Kind::Number(n) => format!("the number {n}"),
        Kind::Bool(b) => format!("{b}"),
        k => k.describe().to_string(),
    }
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
/// to be a slip of the keyboard: the "did you mean" of every message.
pub(crate) fn closest<'a>(
    word: &str,
    options: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let norm = word.trim().to_lowercase().replace([' ', '-'], "_");
    let options: Vec<&'a str> = options.into_iter().collect();
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
        .map(|o| (distance(&norm, &o.to_lowercase()), o))
        .filter(|&(d, o)| d <= 2.max(o.len() / 4))
        .min_by_key(|&(d, _)| d)
        .map(|(_, o)| o)
}

impl Cx {
    fn report(&mut self, severity: Severity, rule: Rule, at: At, message: String) {
        if severity == Severity::Error {
            self.item_errors += 1;
        }
        self.push(severity, rule, at.path(), at.offset, message);
    }

    /// Records a problem at `path`, byte `offset` (its line and column are found at the end).
    fn push(
        &mut self,
        severity: Severity,
        rule: Rule,
        path: String,
        offset: usize,
        message: String,
    ) {
        self.problems.push(Problem {
            severity,
            path,
            line: 0,
            column: 0,
            message,
            rule,
            item_kept: false,
            offset,
        });
    }

    /// One warning for each unknown or repeated key written more than [`UNKNOWN_KEY_REPEATS`]
    /// times in the same kind of object, at the first place not reported on its own.
    fn unknown_keys_left_over(&mut self) {
        for u in std::mem::take(&mut self.unknowns) {
            let key = &u.key;
            let Some((path, offset)) = u.rest_at else {
                continue;
            };
            let rest = u.count - UNKNOWN_KEY_REPEATS;
            if let Some(what) = &u.repeated_in {
                let message = match rest - 1 {
                    0 => format!("\"{key}\" is written twice in this {what}; only the last one is used"),
                    more => format!(
                        "\"{key}\" is written twice in this {what} and in {more} more like it after it; only the last one is used"
                    ),
                };
                self.push(Severity::Warning, Rule::DuplicateKey, path, offset, message);
                continue;
            }
            let message = if rest == 1 {
                format!("unknown key \"{key}\" is ignored{}", u.hint)
            } else {
                format!(
                    "unknown key \"{key}\" is ignored here and in {} more places like it{}",
                    rest - 1,
                    u.hint
                )
            };
            self.push(Severity::Warning, Rule::UnknownKey, path, offset, message);
        }
    }

    fn error(&mut self, rule: Rule, at: At, message: String) {
        self.report(Severity::Error, rule, at, message);
    }

    fn warn(&mut self, rule: Rule, at: At, message: String) {
        self.report(Severity::Warning, rule, at, message);
    }

    /// Reads `f` as a part of an item that can be left out alone (an optional field, one entry
    /// of a list of references): its errors leave out that part, not the item it is in.
    fn part<T>(&mut self, f: impl FnOnce(&mut Self) -> Option<T>) -> Option<T> {
        let mark = self.part_begin();
        let r = f(self);
        if self.part_end(mark) {
            None
        } else {
            r
        }
    }

    /// Starts a part (see [`Cx::part`]): where the problems and the item's errors stand.
    /// Not generic, so the many optional fields share one copy of it (the WebAssembly's size).
    #[inline(never)]
    fn part_begin(&mut self) -> (usize, usize) {
        (
            self.problems.len(),
            std::mem::replace(&mut self.item_errors, 0),
        )
    }

    /// Ends a part begun at `mark`: true when it had errors (then it is left out). Its errors
    /// are marked as leaving their item shown, and the item's own error count is restored.
    #[inline(never)]
    fn part_end(&mut self, (first, saved): (usize, usize)) -> bool {
        let bad = self.item_errors > 0;
        self.item_errors = saved;
        for p in &mut self.problems[first..] {
            if p.severity == Severity::Error {
                p.item_kept = true;
            }
        }
        bad
    }

    /// Reads `f` as one item: returns `None` (leaving it out) if it had any error of its own.
    fn item<T>(&mut self, f: impl FnOnce(&mut Self) -> Option<T>) -> Option<T> {
        let saved = std::mem::replace(&mut self.item_errors, 0);
        let r = f(self);
        let bad = self.item_errors > 0;
        self.item_errors = saved;
        if bad {
            None
        } else {
            r
        }
    }

    /// Opens an object of kind `def`, warning about unknown and repeated keys.
    fn object<'v>(&mut self, v: &'v J<'v>, at: At, what: &str) -> Option<Obj<'v>> {
        let Kind::Object(members) = &v.kind else {
            self.error(
                Rule::Type,
                at,
                format!(
                    "found {}, expected {what} written as an object {{ ... }}",
                    found(v)
                ),
            );
            return None;
        };
        let path = at.path();
        let known = keys_of(what_def(what));
        let mut kept: Vec<&Member> = Vec::with_capacity(members.len());
        // Where each key stands in `kept`, so thousands of keys are still read in linear time.
        let mut place: HashMap<&str, usize> = HashMap::with_capacity(members.len());
        let mut unknown_here = 0;
        let mut more_unknown: Option<(String, usize, &str)> = None;
        let mut duplicated_here = 0;
        let mut more_duplicated: Option<(String, usize, &str)> = None;
        for m in members {
            if let Some(&i) = place.get(&*m.key) {
                let at = At {
                    parent: &path,
                    key: &m.key,
                    offset: m.key_offset,
                };
                kept[i] = m;
                // Capped like unknown keys: a million repeats are not a million warnings.
                duplicated_here += 1;
                if duplicated_here > UNKNOWN_KEYS_PER_OBJECT {
                    more_duplicated.get_or_insert((at.path(), at.offset, &*m.key));
                    continue;
                }
                let n = self.unknowns.len();
                let slot = *self
                    .unknown
                    .entry(format!("{what}\u{1}{}", m.key))
                    .or_insert(n);
                if slot == n {
                    self.unknowns.push(Unknown {
                        key: m.key.to_string(),
                        count: 0,
                        hint: String::new(),
                        rest_at: None,
                        repeated_in: Some(what.to_string()),
                    });
                }
                let seen = &mut self.unknowns[slot];
                seen.count += 1;
                if seen.count > UNKNOWN_KEY_REPEATS {
                    seen.rest_at.get_or_insert((at.path(), at.offset));
                    continue;
                }
                self.warn(
                    Rule::DuplicateKey,
                    at,
                    format!(
                        "\"{}\" is written twice in this {what}; only the last one is used",
                        m.key
                    ),
                );
                continue;
            } else if !(known.contains(&&*m.key) || what == "feed" && m.key == "$schema") {
                let at = At {
                    parent: &path,
                    key: &m.key,
                    offset: m.key_offset,
                };
                unknown_here += 1;
                if unknown_here > UNKNOWN_KEYS_PER_OBJECT {
                    more_unknown.get_or_insert((at.path(), at.offset, &*m.key));
                    place.insert(&m.key, kept.len());
                    kept.push(m);
                    continue;
                }
                let n = self.unknowns.len();
                let slot = *self
                    .unknown
                    .entry(format!("{what}\0{}", m.key))
                    .or_insert(n);
                if slot == n {
                    self.unknowns.push(Unknown {
                        key: m.key.to_string(),
                        count: 0,
                        hint: match closest(&m.key, known.iter().copied()) {
                            Some(k) => format!("; did you mean \"{k}\"?"),
                            None => {
                                let a = if what.starts_with(['a', 'e', 'i', 'o', 'u']) {
                                    "an"
                                } else {
                                    "a"
                                };
                                format!("; {a} {what} can have: {}", known.join(", "))
                            }
                        },
                        rest_at: None,
                        repeated_in: None,
                    });
                }
                let seen = &mut self.unknowns[slot];
                seen.count += 1;
                if seen.count <= UNKNOWN_KEY_REPEATS {
                    let message = format!("unknown key \"{}\" is ignored{}", m.key, seen.hint);
                    self.warn(Rule::UnknownKey, at, message);
                } else if seen.rest_at.is_none() {
                    seen.rest_at = Some((at.path(), at.offset));
                }
            }
            place.insert(&m.key, kept.len());
            kept.push(m);
        }
        if let Some((path, offset, first)) = more_duplicated {
            let n = duplicated_here - UNKNOWN_KEYS_PER_OBJECT;
            let message = if n == 1 {
                format!("1 more key is written twice in this {what} (\"{first}\"); only the last one is used")
            } else {
                format!("{n} more keys are written again in this {what} (\"{first}\" and those after it); only the last of each is used")
            };
            self.push(Severity::Warning, Rule::DuplicateKey, path, offset, message);
        }
        if let Some((path, offset, first)) = more_unknown {
            let n = unknown_here - UNKNOWN_KEYS_PER_OBJECT;
            let message = if n == 1 {
                format!("1 more unknown key in this {what} is ignored (\"{first}\")")
            } else {
                format!("{n} more unknown keys in this {what} are ignored (\"{first}\" and those after it)")
            };
            self.push(Severity::Warning, Rule::UnknownKey, path, offset, message);
        }
        Some(Obj {
            path,
            offset: v.offset,
            members: kept,
        })
    }

    /// A required key: reports it missing (or null), else reads it with `f`.
    fn req<'v, T>(
        &mut self,
        o: &Obj<'v>,
        key: &str,
        what: &str,
        f: impl FnOnce(&mut Self, &'v J<'v>, At) -> Option<T>,
    ) -> Option<T> {
        match o.get(key) {
            Some(v) => f(self, v, o.at(key, v)),
            None => {
                let at = At {
                    parent: &o.path,
                    key,
                    offset: o.raw(key).map_or(o.offset, |v| v.offset),
                };
                let how = if o.raw(key).is_some() {
                    "is null (empty)"
                } else {
                    "is missing"
                };
                self.error(
                    Rule::Required,
                    at,
                    format!("\"{key}\" {how}; every {what} must have one"),
                );
                None
            }
        }
    }

    /// An optional key: `None` when absent or null, else read with `f`. A bad value is left
    /// out (`None`) and its item kept.
    fn opt<'v, T>(
        &mut self,
        o: &Obj<'v>,
        key: &str,
        f: impl FnOnce(&mut Self, &'v J<'v>, At) -> Option<T>,
    ) -> Option<T> {
        let v = o.get(key)?;
        let mark = self.part_begin();
        let r = f(self, v, o.at(key, v));
        if self.part_end(mark) {
            None
        } else {
            r
        }
    }

    /// An optional list (absent or null is empty); each item read as its own item. A value
    /// that is not a list is left out and the item it is in kept.
    fn list<'v, T>(
        &mut self,
        o: &Obj<'v>,
        key: &str,
        mut f: impl FnMut(&mut Self, &'v J<'v>, At) -> Option<T>,
    ) -> Vec<T> {
        let Some((items, path)) = self.part(|cx| cx.array(o, key, "a list [ ... ]")) else {
            return Vec::new();
        };
        let mut out = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            let ipath = format!("{path}[{i}]");
            let iat = At {
                parent: &ipath,
                key: "",
                offset: item.offset,
            };
            let saved = std::mem::replace(&mut self.index, i);
            if let Some(t) = self.item(|cx| f(cx, item, iat)) {
                out.push(t);
            }
            self.index = saved;
        }
        out
    }

    /// The items of an optional list and its path; `None` when absent or null, or (reported)
    /// when it is not a list.
    fn array<'v>(
        &mut self,
        o: &Obj<'v>,
        key: &str,
        expected: &str,
    ) -> Option<(&'v [J<'v>], String)> {
        let v = o.get(key)?;
        let at = o.at(key, v);
        let Kind::Array(items) = &v.kind else {
            self.error(
                Rule::Type,
                at,
                format!("found {}, expected {expected}", found(v)),
            );
            return None;
        };
        Some((items, at.path()))
    }

    fn string(&mut self, v: &J, at: At) -> Option<String> {
        match &v.kind {
            Kind::String(s) => Some(s.to_string()),
            _ => {
                self.error(
                    Rule::Type,
                    at,
                    format!("found {}, expected text in \"double quotes\"", found(v)),
                );
                None
            }
        }
    }

    fn id(&mut self, v: &J, at: At) -> Option<String> {
        let s = match &v.kind {
            Kind::Number(n) => {
                self.error(
                    Rule::Type,
                    at,
                    format!("found the number {n}, expected an id in quotes: write the id as text, e.g. \"1.10\" (as a number, 1.10 would be read as 1.1)"),
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
    fn reference(&mut self, v: &J, at: At) -> Option<String> {
        let s = match &v.kind {
            Kind::Number(n) => {
                self.error(Rule::Type, at, format!("found the number {n}, expected the id it refers to in quotes, e.g. \"1.2\""));
                return None;
            }
            _ => self.string(v, at)?,
        };
        if s.is_empty() {
            self.error(Rule::Range, at, "a reference cannot be empty; give the id of the item it refers to, or leave the key out".into());
            return None;
        }
        Some(s)
    }

    fn text(&mut self, v: &J, at: At) -> Option<Text> {
        match &v.kind {
            Kind::String(s) => Some(Text::Plain(s.to_string())),
            Kind::Object(_) => {
                let o = self.object(v, at, "text")?;
                let en = self.opt(&o, "en", Self::string);
                let cy = self.opt(&o, "cy", Self::string);
                if o.get("en").is_none() && o.get("cy").is_none() {
                    self.error(Rule::Required, at, "text must have \"en\" (English), \"cy\" (Welsh) or both, e.g. {\"en\": \"Care leavers\", \"cy\": \"Ymadawyr gofal\"}".into());
                    return None;
                }
                Some(Text::Bilingual { en, cy })
            }
            _ => {
                self.error(Rule::Type, at, format!("found {}, expected text in \"double quotes\" or {{\"en\": \"…\", \"cy\": \"…\"}}", found(v)));
                None
            }
        }
    }

    /// (1.1) A date field that may be a whole month: `YYYY-MM-DD` or `YYYY-MM`.
    fn date(&mut self, v: &J, at: At) -> Option<Date> {
        let s = self.string(v, at)?;
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
    fn day(&mut self, v: &J, at: At) -> Option<Date> {
        let s = self.string(v, at)?;
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
    fn day_only(&mut self, s: &str, at: At, or_month: &str) -> Option<Date> {
        let s = s.to_string();
        match Date::parse(&s) {
            Ok(d) => Some(d),
            Err(DateError::NoSuchDay) => {
                let y: i32 = s[0..4].parse().unwrap_or(2000);
                let m: u8 = s[5..7].parse().unwrap_or(1);
                let hint = Date::new(y, m.clamp(1, 12), 1)
                    .map(Date::month_end)
                    .map_or(String::new(), |d| format!(", e.g. {d}"));
                self.error(
                    Rule::NoSuchDate,
                    at,
                    format!(
                        "{} is not a real date; write dates as YYYY-MM-DD{hint}",
                        quote(&s)
                    ),
                );
                None
            }
            Err(DateError::Form) => {
                let hint = uk_date(&s).map_or_else(
                    || format!("{or_month}, e.g. 2019-02-28"),
                    |d| format!(": {d}"),
                );
                self.error(
                    Rule::DateForm,
                    at,
                    format!("{} is not a date written as YYYY-MM-DD{hint}", quote(&s)),
                );
                None
            }
        }
    }

    fn period(&mut self, v: &J, at: At) -> Option<Period> {
        let s = self.string(v, at)?;
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

    fn url(&mut self, v: &J, at: At) -> Option<Url> {
        let s = self.string(v, at)?;
        if is_web_address(&s) {
            Some(Url(s))
        } else {
            self.error(Rule::Url, at, format!("{} is not allowed: links must be full web addresses starting https:// (or http://)", quote(&s)));
            None
        }
    }

    fn number(&mut self, v: &J, at: At) -> Option<f64> {
        match &v.kind {
            Kind::Number(n) if n.is_finite() => Some(*n),
            Kind::Number(_) => {
                self.error(
                    Rule::NumberTooLarge,
                    at,
                    "this number is too large to use; check for a typing mistake".into(),
                );
                None
            }
            Kind::String(s) if s.trim().trim_end_matches('%').parse::<f64>().is_ok() => {
                self.error(
                    Rule::Type,
                    at,
                    format!(
                        "found the text {}, expected a number without quotes, e.g. {}",
                        quote(s),
                        s.trim().trim_end_matches('%')
                    ),
                );
                None
            }
            _ => {
                self.error(
                    Rule::Type,
                    at,
                    format!("found {}, expected a number", found(v)),
                );
                None
            }
        }
    }

    fn progress(&mut self, v: &J, at: At) -> Option<f64> {
        let n = self.number(v, at)?;
        if (0.0..=100.0).contains(&n) {
            Some(n)
        } else {
            self.error(
                Rule::Range,
                at,
                format!("progress {n} is outside 0 to 100; write the percentage done, e.g. 60"),
            );
            None
        }
    }

    fn boolean(&mut self, v: &J, at: At) -> Option<bool> {
        match v.kind {
            Kind::Bool(b) => Some(b),
            _ => {
                self.error(
                    Rule::Type,
                    at,
                    format!(
                        "found {}, expected true or false (without quotes)",
                        found(v)
                    ),
                );
                None
            }
        }
    }

    fn word<E: Copy>(
        &mut self,
        v: &J,
        at: At,
        what: &str,
        all: &[E],
        word: fn(E) -> &'static str,
        from: fn(&str) -> Option<E>,
    ) -> Option<E> {
        let s = self.string(v, at)?;
        if let Some(e) = from(&s) {
            return Some(e);
        }
        let words = all.iter().map(|&e| word(e));
        let hint =
            closest(&s, words.clone()).map_or(String::new(), |w| format!("did you mean \"{w}\"? "));
        self.error(
            Rule::Enum,
            at,
            format!(
                "{} is not {what}; {hint}use one of: {}",
                quote(&s),
                words.collect::<Vec<_>>().join(", ")
            ),
        );
        None
    }

    /// The item's own `id`: required, and not used by an earlier item of `list`.
    fn own_id(&mut self, o: &Obj, list: &str, noun: &str) -> Option<String> {
        let id = self.req(o, "id", noun, Self::id)?;
        let first = self.ids.get(list).and_then(|m| m.get(&id)).copied();
        if let (Some(first), Some(v)) = (first, o.get("id")) {
            if first != self.index {
                self.error(
                    Rule::DuplicateId,
                    o.at("id", v),
                    format!(
                        "id {} is already used by {list}[{first}]; each {noun} needs its own id",
                        quote(&id)
                    ),
                );
            }
        }
        Some(id)
    }

    /// A reference from `owner` (e.g. `action "1.2"`) to an id of `list`.
    fn refers(&mut self, v: &J, at: At, list: &str, noun: &str, owner: &str) -> Option<String> {
        let id = self.reference(v, at)?;
        if self.ids.get(list).is_some_and(|m| m.contains_key(&id)) {
            Some(id)
        } else {
            self.error(
                Rule::Reference,
                at,
                format!("{owner} refers to {noun} {}, but there is no {noun} with that id in \"{list}\"", quote(&id)),
            );
            None
        }
    }

    /// A list of references from `owner` to ids of `list`; a bad one is left out alone.
    /// An id named again is left out (one warning for the list): counted twice, a finding
    /// named twice by a priority would count each of its actions twice, and a list naming one
    /// id a million times would make every view that follows it do a million times the work.
    fn refs(&mut self, o: &Obj, key: &str, list: &str, noun: &str, owner: &str) -> Vec<Id> {
        let Some((items, path)) = self.part(|cx| cx.array(o, key, "a list of ids [\"…\", \"…\"]"))
        else {
            return Vec::new();
        };
        let mut seen: HashSet<Id> = HashSet::new();
        let mut repeats = 0;
        let mut first_repeat: Option<(String, usize, Id)> = None;
        let mut out = Vec::new();
        for (i, item) in items.iter().enumerate() {
            let p = format!("{path}[{i}]");
            let at = At {
                parent: &p,
                key: "",
                offset: item.offset,
            };
            let Some(id) = self.part(|cx| cx.refers(item, at, list, noun, owner)) else {
                continue;
            };
            if seen.contains(&id) {
                repeats += 1;
                first_repeat.get_or_insert((p, item.offset, id));
            } else {
                seen.insert(id.clone());
                out.push(id);
            }
        }
        if let Some((p, offset, id)) = first_repeat {
            let more = if repeats > 1 {
                format!(" (and {} more repeats in this list)", repeats - 1)
            } else {
                String::new()
            };
            let at = At {
                parent: &p,
                key: "",
                offset,
            };
            self.warn(
                Rule::Suspicious,
                at,
                format!("{owner} names {noun} {} more than once in \"{key}\"{more}; each {noun} is counted once", quote(&id)),
            );
        }
        out
    }
}

fn what_def(what: &str) -> &str {
    match what {
        "feed" => "Feed",
        "publisher" => "Publisher",
        "plan" => "Plan",
        "set of RAG definitions" => "RagDefinitions",
        "inspection" => "Inspection",
        "judgement" => "Judgement",
        "finding" => "Finding",
        "priority" => "Priority",
        "action" => "Action",
        "milestone" => "Milestone",
        "update" => "Update",
        "piece of evidence" => "Evidence",
        "indicator" => "Indicator",
        "target" => "Target",
        "value" => "Value",
        "comparator" => "Comparator",
        "part of a breakdown" => "Part",
        "meeting" => "Meeting",
        "follow-up" => "FollowUp",
        "text" => "Text",
        _ => "",
    }
}

/// `DD/MM/YYYY` (as Excel writes UK dates) turned into `YYYY-MM-DD`, for a hint.
fn uk_date(s: &str) -> Option<Date> {
    let mut parts = s.trim().split(['/', '.', '-']);
    let (d, m, y) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || y.len() != 4 {
        return None;
    }
    Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
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

const ROOT: At = At {
    parent: "",
    key: "",
    offset: 0,
};

fn read_feed(cx: &mut Cx, root: &J) -> Option<Feed> {
    let at = At {
        offset: root.offset,
        ..ROOT
    };
    if !matches!(root.kind, Kind::Object(_)) {
        cx.problems.push(Problem {
            severity: Severity::Error,
            path: String::new(),
            line: 0,
            column: 0,
            message: format!(
                "the feed must be one JSON object {{ ... }} but the file holds {}",
                found(root)
            ),
            rule: Rule::NotObject,
            item_kept: false,
            offset: root.offset,
        });
        return None;
    }
    let o = cx.object(root, at, "feed")?;
    for list in [
        "inspections",
        "findings",
        "priorities",
        "actions",
        "indicators",
        "meetings",
    ] {
        let first = json_indexes(root, list)
            .into_iter()
            .map(|(id, at)| (id, at[0]))
            .collect();
        cx.ids.insert(list, first);
    }
    let schema_version = cx.req(&o, "schema_version", "feed", |cx, v, at| {
        if let Kind::Number(n) = v.kind {
            cx.error(Rule::Type, at, format!("found the number {n}, expected the version as text in quotes: \"1.0\""));
            return None;
        }
        let s = cx.string(v, at)?;
        let major = s.split('.').next().unwrap_or("");
        let minor_ok = s.split_once('.').is_some_and(|(_, m)| !m.is_empty() && m.bytes().all(|b| b.is_ascii_digit()));
        if major == "1" && minor_ok {
            Some(s)
        } else if !major.is_empty() && major.bytes().all(|b| b.is_ascii_digit()) && major != "1" {
            cx.error(
                Rule::Version,
                at,
                format!("this is a version {major} feed (schema_version {}), but this widget reads version 1 feeds (\"1.0\", \"1.1\", …); publish a version 1 feed or use a newer widget", quote(&s)),
            );
            Some(s)
        } else {
            cx.error(Rule::Version, at, format!("schema_version {} is not a version number; write \"1.0\"", quote(&s)));
            None
        }
    });
    // A feed of another major version cannot be read as version 1 at all.
    if schema_version
        .as_deref()
        .is_some_and(|s| !s.starts_with("1."))
    {
        return None;
    }
    let as_of = cx.req(&o, "as_of", "feed", Cx::day);
    if as_of.is_none() {
        // Say why this one matters: without it the plan cannot be shown at all.
        if let Some(p) = cx.problems.iter_mut().rev().find(|p| p.path == "as_of") {
            p.message.push_str(". Without the date the data is true at, nothing can be judged overdue, so the plan cannot be shown");
        }
    }
    let published = cx.opt(&o, "published", Cx::day);
    let publisher = cx
        .req(&o, "publisher", "feed", |cx, v, at| {
            let p = cx.object(v, at, "publisher")?;
            let name = cx.req(&p, "name", "publisher", Cx::text);
            let url = cx.opt(&p, "url", Cx::url);
            let contact_email = cx.opt(&p, "contact_email", Cx::string);
            Some(Publisher {
                name: name.unwrap_or_else(|| Text::Plain(String::new())),
                url,
                contact_email,
            })
        })
        .unwrap_or(Publisher {
            name: Text::Plain(String::new()),
            url: None,
            contact_email: None,
        });
    let plan = cx
        .req(&o, "plan", "feed", read_plan)
        .unwrap_or_else(|| Plan {
            id: None,
            title: Text::Plain(String::new()),
            summary: None,
            approved: None,
            approved_by: None,
            next_review: None,
            url: None,
            rag_definitions: None,
            status: None,
            submit_by: None,
            submitted: None,
        });
    let inspections = cx.list(&o, "inspections", read_inspection);
    let findings = cx.list(&o, "findings", read_finding);
    let priorities = cx.list(&o, "priorities", read_priority);
    if o.get("actions").is_none() {
        let at = At {
            parent: "",
            key: "actions",
            offset: o.raw("actions").map_or(o.offset, |v| v.offset),
        };
        cx.error(Rule::Required, at, "\"actions\" is missing; a feed must have a list of actions, even an empty one: \"actions\": []".into());
    }
    let actions = cx.list(&o, "actions", read_action);
    let indicators = cx.list(&o, "indicators", read_indicator);
    let meetings = cx.list(&o, "meetings", read_meeting);
    // Without the date the data is true at, nothing can be judged overdue: not a readable feed.
    let as_of = as_of?;
    let mut feed = Feed {
        schema_version: schema_version.unwrap_or_else(|| "1.0".into()),
        publisher,
        as_of,
        published,
        plan,
        inspections,
        findings,
        priorities,
        actions,
        indicators,
        meetings,
        ids: Default::default(),
    };
    check_cycles(cx, root, &mut feed);
    Some(feed.indexed())
}

fn read_plan(cx: &mut Cx, v: &J, at: At) -> Option<Plan> {
    let o = cx.object(v, at, "plan")?;
    let title = cx
        .req(&o, "title", "plan", Cx::text)
        .unwrap_or_else(|| Text::Plain(String::new()));
    Some(Plan {
        id: cx.opt(&o, "id", Cx::string),
        title,
        summary: cx.opt(&o, "summary", Cx::text),
        approved: cx.opt(&o, "approved", Cx::date),
        approved_by: cx.opt(&o, "approved_by", Cx::text),
        next_review: cx.opt(&o, "next_review", Cx::date),
        url: cx.opt(&o, "url", Cx::url),
        rag_definitions: cx.opt(&o, "rag_definitions", |cx, v, at| {
            let r = cx.object(v, at, "set of RAG definitions")?;
            Some(RagDefinitions {
                red: cx.opt(&r, "red", Cx::text),
                amber: cx.opt(&r, "amber", Cx::text),
                green: cx.opt(&r, "green", Cx::text),
                blue: cx.opt(&r, "blue", Cx::text),
            })
        }),
        status: cx.opt(&o, "status", |cx, v, at| {
            cx.word(
                v,
                at,
                "a plan status",
                PlanStatus::ALL,
                PlanStatus::word,
                PlanStatus::from_word,
            )
        }),
        submit_by: cx.opt(&o, "submit_by", Cx::date),
        submitted: cx.opt(&o, "submitted", Cx::date),
    })
}

fn read_inspection(cx: &mut Cx, v: &J, at: At) -> Option<Inspection> {
    let o = cx.object(v, at, "inspection")?;
    let id = cx.own_id(&o, "inspections", "inspection");
    let inspectorate = cx.req(&o, "inspectorate", "inspection", |cx, v, at| {
        cx.word(
            v,
            at,
            "an inspectorate",
            Inspectorate::ALL,
            Inspectorate::word,
            Inspectorate::from_word,
        )
    });
    let kind = cx.req(&o, "type", "inspection", |cx, v, at| {
        cx.word(
            v,
            at,
            "an inspection type",
            InspectionType::ALL,
            InspectionType::word,
            InspectionType::from_word,
        )
    });
    let start = cx.opt(&o, "start", Cx::date);
    let mut end = cx.opt(&o, "end", Cx::date);
    if let (Some(s), Some(e), Some(ev)) = (start, end, o.get("end")) {
        if e < s {
            // The end is left out; the inspection and its judgements are still shown.
            cx.part(|cx| {
                cx.error(
                    Rule::Inconsistent,
                    o.at("end", ev),
                    format!(
                        "the inspection ends ({e}) before it starts ({s}); check the two dates"
                    ),
                );
                Some(())
            });
            end = None;
        }
    }
    let insp = Inspection {
        title: cx.opt(&o, "title", Cx::text),
        start,
        end,
        published: cx.opt(&o, "published", Cx::day),
        report_url: cx.opt(&o, "report_url", Cx::url),
        judgements: cx.list(&o, "judgements", read_judgement),
        summary: cx.opt(&o, "summary", Cx::text),
        id: id?,
        inspectorate: inspectorate?,
        kind: kind?,
    };
    Some(insp)
}

fn read_judgement(cx: &mut Cx, v: &J, at: At) -> Option<Judgement> {
    let o = cx.object(v, at, "judgement")?;
    let area = cx.req(&o, "area", "judgement", read_area);
    let grade = cx.req(&o, "grade", "judgement", |cx, v, at| {
        cx.word(v, at, "a grade", Grade::ALL, Grade::word, Grade::from_word)
    });
    let label = cx.opt(&o, "label", Cx::text);
    if area == Some(Area::Other) && label.is_none() && o.get("label").is_none() {
        let at = At {
            parent: &o.path,
            key: "label",
            offset: o.offset,
        };
        cx.error(
            Rule::Inconsistent,
            at,
            "a judgement with area \"other\" needs a \"label\" naming the area".into(),
        );
    }
    Some(Judgement {
        label,
        area: area?,
        grade: grade?,
    })
}

fn read_area(cx: &mut Cx, v: &J, at: At) -> Option<Area> {
    cx.word(
        v,
        at,
        "a judgement area",
        Area::ALL,
        Area::word,
        Area::from_word,
    )
}

fn read_finding(cx: &mut Cx, v: &J, at: At) -> Option<Finding> {
    let o = cx.object(v, at, "finding")?;
    let id = cx.own_id(&o, "findings", "finding");
    let owner = format!("finding {}", quote(id.as_deref().unwrap_or("")));
    let kind = cx.req(&o, "kind", "finding", |cx, v, at| {
        cx.word(
            v,
            at,
            "a kind of finding",
            FindingKind::ALL,
            FindingKind::word,
            FindingKind::from_word,
        )
    });
    let text = cx.req(&o, "text", "finding", Cx::text);
    Some(Finding {
        inspection: cx.opt(&o, "inspection", |cx, v, at| {
            cx.refers(v, at, "inspections", "inspection", &owner)
        }),
        area: cx.opt(&o, "area", read_area),
        response: cx.opt(&o, "response", Cx::text),
        id: id?,
        kind: kind?,
        text: text?,
    })
}

fn read_priority(cx: &mut Cx, v: &J, at: At) -> Option<Priority> {
    let o = cx.object(v, at, "priority")?;
    let id = cx.own_id(&o, "priorities", "priority");
    let owner = format!("priority {}", quote(id.as_deref().unwrap_or("")));
    let title = cx.req(&o, "title", "priority", Cx::text);
    Some(Priority {
        description: cx.opt(&o, "description", Cx::text),
        lead: cx.opt(&o, "lead", Cx::text),
        findings: cx.refs(&o, "findings", "findings", "finding", &owner),
        id: id?,
        title: title?,
    })
}

fn read_status(cx: &mut Cx, v: &J, at: At) -> Option<Status> {
    cx.word(
        v,
        at,
        "a status",
        Status::ALL,
        Status::word,
        Status::from_word,
    )
}

fn read_rag(cx: &mut Cx, v: &J, at: At) -> Option<Rag> {
    cx.word(v, at, "a RAG rating", Rag::ALL, Rag::word, Rag::from_word)
}

fn read_action(cx: &mut Cx, v: &J, at: At) -> Option<Action> {
    let o = cx.object(v, at, "action")?;
    let id = cx.own_id(&o, "actions", "action");
    let owner = format!("action {}", quote(id.as_deref().unwrap_or("")));
    let title = cx.req(&o, "title", "action", Cx::text);
    let status = cx.req(&o, "status", "action", read_status);
    let start = cx.opt(&o, "start", Cx::date);
    let completed = cx.opt(&o, "completed", Cx::date);
    let a = Action {
        priority: cx.opt(&o, "priority", |cx, v, at| {
            cx.refers(v, at, "priorities", "priority", &owner)
        }),
        parent: cx.opt(&o, "parent", |cx, v, at| {
            cx.refers(v, at, "actions", "action", &owner)
        }),
        description: cx.opt(&o, "description", Cx::text),
        findings: cx.refs(&o, "findings", "findings", "finding", &owner),
        lead: cx.opt(&o, "lead", Cx::text),
        team: cx.opt(&o, "team", Cx::text),
        start,
        due: cx.opt(&o, "due", Cx::date),
        revised_due: cx.opt(&o, "revised_due", Cx::date),
        completed,
        added: cx.opt(&o, "added", Cx::date),
        rag: cx.opt(&o, "rag", read_rag),
        progress: cx.opt(&o, "progress", Cx::progress),
        success_measures: cx.list(&o, "success_measures", Cx::text),
        milestones: cx.list(&o, "milestones", |cx, v, at| {
            let m = cx.object(v, at, "milestone")?;
            let title = cx.req(&m, "title", "milestone", Cx::text);
            Some(Milestone {
                title: title?,
                due: cx.opt(&m, "due", Cx::date),
                completed: cx.opt(&m, "completed", Cx::date),
            })
        }),
        updates: cx.list(&o, "updates", |cx, v, at| {
            let u = cx.object(v, at, "update")?;
            let date = cx.req(&u, "date", "update", Cx::date);
            let mut revised_due = cx.opt(&u, "revised_due", Cx::date);
            if let (Some(s), Some(r), Some(rv)) = (start, revised_due, u.get("revised_due")) {
                if r < s {
                    // A due date before the work began cannot be right. Only the date is left
                    // out (not the update, whose text and status still stand), so that it is
                    // not counted as a slipped or brought-forward date.
                    let at = u.at("revised_due", rv);
                    cx.push(Severity::Error, Rule::Inconsistent, at.path(), at.offset, format!("this update revises the due date to {r}, before the action starts ({s}); check the two dates (the revised date is left out, the rest of the update is shown)"));
                    revised_due = None;
                }
            }
            Some(Update {
                date: date?,
                text: cx.opt(&u, "text", Cx::text),
                status: cx.opt(&u, "status", read_status),
                rag: cx.opt(&u, "rag", read_rag),
                progress: cx.opt(&u, "progress", Cx::progress),
                revised_due,
                meeting: cx.opt(&u, "meeting", |cx, v, at| {
                    cx.refers(v, at, "meetings", "meeting", &owner)
                }),
            })
        }),
        indicators: cx.refs(&o, "indicators", "indicators", "indicator", &owner),
        evidence: cx.list(&o, "evidence", |cx, v, at| {
            let e = cx.object(v, at, "piece of evidence")?;
            let text = cx.req(&e, "text", "piece of evidence", Cx::text);
            Some(Evidence {
                text: text?,
                url: cx.opt(&e, "url", Cx::url),
            })
        }),
        signed_off: cx.opt(&o, "signed_off", Cx::date),
        number: cx.opt(&o, "number", |cx, v, at| {
            if let Kind::Number(n) = v.kind {
                cx.error(Rule::Type, at, format!("found the number {n}, expected the action's number as text in quotes, e.g. \"1.10\" (as a number, 1.10 would be read as 1.1)"));
                return None;
            }
            let s = cx.string(v, at)?;
            if s.trim().is_empty() {
                cx.error(Rule::Range, at, "the number is empty; give the number readers see, e.g. \"1.3\", or leave the key out to show the id".into());
                return None;
            }
            Some(s)
        }),
        recurrence: cx.opt(&o, "recurrence", Cx::text),
        id: id?,
        title: title?,
        status: status?,
    };
    if a.status == Status::Complete && a.completed.is_none() {
        let at = At {
            parent: &o.path,
            key: "completed",
            offset: o.get("status").map_or(o.offset, |v| v.offset),
        };
        cx.warn(Rule::Suspicious, at, format!("action \"{}\" is complete but has no \"completed\" date; add the date it was completed", a.id));
    }
    if let (Some(s), Some(c), Some(cv)) = (start, completed, o.get("completed")) {
        if c < s {
            cx.warn(Rule::Suspicious, o.at("completed", cv), format!("action \"{}\" was completed ({c}) before it started ({s}); check the two dates", a.id));
        }
    }
    Some(a)
}

fn read_value(cx: &mut Cx, v: &J, at: At) -> Option<Value> {
    let o = cx.object(v, at, "value")?;
    let period = cx.req(&o, "period", "value", Cx::period);
    let (value, suppressed) = read_figure(cx, &o, "the figure");
    Some(Value {
        note: cx.opt(&o, "note", Cx::text),
        approximate: cx.opt(&o, "approximate", Cx::boolean).unwrap_or(false),
        breakdown: cx.list(&o, "breakdown", read_part),
        period: period?,
        value: value?,
        suppressed,
    })
}

/// The required `value` of a figure or of a part of one (a number, or `null` when withheld)
/// and its `suppressed` flag. `what` names it in the message when it is missing.
fn read_figure(cx: &mut Cx, o: &Obj, what: &str) -> (Option<Option<f64>>, bool) {
    let suppressed = cx.opt(o, "suppressed", Cx::boolean).unwrap_or(false);
    let value = match o.raw("value") {
        None => {
            let at = At {
                parent: &o.path,
                key: "value",
                offset: o.offset,
            };
            cx.error(Rule::Required, at, format!("\"value\" is missing; give {what}, or \"value\": null with \"suppressed\": true for a withheld figure"));
            None
        }
        Some(j) if j.kind == Kind::Null => {
            if !suppressed {
                cx.warn(Rule::Suspicious, o.at("value", j), "the figure is null but not marked \"suppressed\": true; it is shown as no figure".into());
            }
            Some(None)
        }
        Some(j) => {
            let n = cx.number(j, o.at("value", j));
            if suppressed && n.is_some() {
                cx.warn(Rule::Suspicious, o.at("value", j), "this figure is marked \"suppressed\" so it is not shown; write \"value\": null for a withheld figure".into());
                Some(None)
            } else {
                n.map(Some)
            }
        }
    };
    (value, suppressed)
}

/// (1.1) One part of a figure's breakdown: a label and a figure (or a withheld one).
fn read_part(cx: &mut Cx, v: &J, at: At) -> Option<Part> {
    let o = cx.object(v, at, "part of a breakdown")?;
    let label = cx.req(&o, "label", "part of a breakdown", Cx::text);
    let (value, suppressed) = read_figure(cx, &o, "the part's figure");
    Some(Part {
        label: label?,
        value: value?,
        suppressed,
    })
}

fn read_indicator(cx: &mut Cx, v: &J, at: At) -> Option<Indicator> {
    let o = cx.object(v, at, "indicator")?;
    let id = cx.own_id(&o, "indicators", "indicator");
    let name = cx.req(&o, "name", "indicator", Cx::text);
    let unit = cx.req(&o, "unit", "indicator", |cx, v, at| {
        cx.word(v, at, "a unit", Unit::ALL, Unit::word, Unit::from_word)
    });
    let polarity = cx.req(&o, "polarity", "indicator", |cx, v, at| {
        cx.word(
            v,
            at,
            "a polarity",
            Polarity::ALL,
            Polarity::word,
            Polarity::from_word,
        )
    });
    let target = cx.opt(&o, "target", |cx, v, at| {
        let t = cx.object(v, at, "target")?;
        let value = cx.req(&t, "value", "target", Cx::number);
        let by = cx.opt(&t, "by", Cx::date);
        Some(Target { value: value?, by })
    });
    Some(Indicator {
        target,
        values: cx.list(&o, "values", read_value),
        comparators: cx.list(&o, "comparators", |cx, v, at| {
            let c = cx.object(v, at, "comparator")?;
            let name = cx.req(&c, "name", "comparator", Cx::text);
            Some(Comparator {
                name: name?,
                values: cx.list(&c, "values", read_value),
            })
        }),
        source: cx.opt(&o, "source", Cx::text),
        description: cx.opt(&o, "description", Cx::text),
        id: id?,
        name: name?,
        unit: unit?,
        polarity: polarity?,
    })
}

fn read_meeting(cx: &mut Cx, v: &J, at: At) -> Option<Meeting> {
    let o = cx.object(v, at, "meeting")?;
    let id = cx.own_id(&o, "meetings", "meeting");
    let date = cx.req(&o, "date", "meeting", Cx::day);
    let body = cx.req(&o, "body", "meeting", Cx::text);
    Some(Meeting {
        title: cx.opt(&o, "title", Cx::text),
        url: cx.opt(&o, "url", Cx::url),
        outcome: cx.opt(&o, "outcome", Cx::text),
        follow_ups: cx.list(&o, "follow_ups", |cx, v, at| {
            let f = cx.object(v, at, "follow-up")?;
            let text = cx.req(&f, "text", "follow-up", Cx::text);
            Some(FollowUp {
                lead: cx.opt(&f, "lead", Cx::text),
                due: cx.opt(&f, "due", Cx::date),
                done: cx.opt(&f, "done", Cx::date),
                text: text?,
            })
        }),
        id: id?,
        date: date?,
        body: body?,
    })
}

/// The JSON value at a simple path of keys and indexes, for locating cross-item problems.
fn locate<'v>(root: &'v J<'v>, steps: &[Step]) -> Option<&'v J<'v>> {
    let mut v = root;
    for s in steps {
        v = match (s, &v.kind) {
            (Step::Key(k), Kind::Object(m)) => &m.iter().rev().find(|m| m.key == *k)?.value,
            (Step::Index(i), Kind::Array(a)) => a.get(*i)?,
            _ => return None,
        };
    }
    Some(v)
}

enum Step<'a> {
    Key(&'a str),
    Index(usize),
}

/// Where each item of a top-level list stands in the file: its index in the JSON list.
/// Items left out earlier are skipped, so valid items are matched to their JSON by id order.
fn json_indexes(root: &J, list: &str) -> HashMap<String, Vec<usize>> {
    let mut out: HashMap<String, Vec<usize>> = HashMap::new();
    if let Some(Kind::Array(items)) = locate(root, &[Step::Key(list)]).map(|v| &v.kind) {
        for (i, item) in items.iter().enumerate() {
            if let Some(Kind::String(id)) = locate(item, &[Step::Key("id")]).map(|v| &v.kind) {
                out.entry(id.to_string()).or_default().push(i);
            }
        }
    }
    out
}

/// Sub-actions that are their own ancestors: the one rule that needs every action read.
/// Each action in a cycle is reported at its `parent`, which is left out: the actions are
/// still shown, as actions of no parent.
fn check_cycles(cx: &mut Cx, root: &J, feed: &mut Feed) {
    let parent: HashMap<&str, &str> = feed
        .actions
        .iter()
        .filter_map(|a| Some((a.id.as_str(), a.parent.as_deref()?)))
        .collect();
    // Walk each chain of parents once: every action is visited a bounded number of times, so
    // a chain or circle of thousands of sub-actions is checked in linear time.
    #[derive(Clone, Copy, PartialEq)]
    enum Seen {
        OnPath,
        Done,
    }
    let mut seen: HashMap<&str, Seen> = HashMap::with_capacity(feed.actions.len());
    let mut cycles: Vec<Vec<&str>> = Vec::new();
    for a in &feed.actions {
        let mut path: Vec<&str> = Vec::new();
        let mut cur = Some(a.id.as_str());
        while let Some(id) = cur {
            match seen.get(id) {
                Some(Seen::Done) => break,
                Some(Seen::OnPath) => {
                    let start = path.iter().position(|p| *p == id).unwrap_or(0);
                    cycles.push(path[start..].to_vec());
                    break;
                }
                None => {
                    seen.insert(id, Seen::OnPath);
                    path.push(id);
                    cur = parent.get(id).copied();
                }
            }
        }
        for id in path {
            seen.insert(id, Seen::Done);
        }
    }
    // Found once: the root may have a million keys, and a circle thousands of actions.
    let actions_json = locate(root, &[Step::Key("actions")]);
    let mut bad = HashSet::new();
    for cycle in &cycles {
        for (k, id) in cycle.iter().enumerate() {
            // Name the circle from this action, shortened when long: "a" → "b" → … → "a".
            let n = cycle.len();
            let mut names: Vec<String> = (0..n.min(6)).map(|j| quote(cycle[(k + j) % n])).collect();
            if n > 6 {
                names.push(format!("… {} more", n - 6));
            }
            names.push(quote(id));
            let circle = names.join(" → ");
            let i = cx
                .ids
                .get("actions")
                .and_then(|m| m.get(*id))
                .copied()
                .unwrap_or(0);
            let offset = actions_json
                .and_then(|a| locate(a, &[Step::Index(i), Step::Key("parent")]))
                .map_or(0, |v| v.offset);
            let path = format!("actions[{i}]");
            cx.part(|cx| {
                cx.error(
                    Rule::Cycle,
                    At { parent: &path, key: "parent", offset },
                    format!("sub-actions go round in a circle ({circle}); an action cannot be a sub-action of itself"),
                );
                Some(())
            });
            bad.insert(id.to_string());
        }
    }
    for a in &mut feed.actions {
        if bad.contains(&a.id) {
            a.parent = None;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn minimal(actions: &str) -> String {
        format!(
            r#"{{"schema_version": "1.0", "publisher": {{"name": "Northbridge"}}, "as_of": "2026-10-31",
                "plan": {{"title": "Plan"}}, "actions": {actions}}}"#
        )
    }

    #[test]
    fn a_minimal_feed_is_clean() {
        let r = check(minimal("[]").as_bytes());
        assert_eq!(r.problems, vec![]);
        assert!(r.feed.is_some());
    }

    #[test]
    fn a_bad_date_names_path_line_column_and_a_real_date() {
        let text = minimal("[\n {\"id\": \"1\", \"title\": \"A\", \"status\": \"in_progress\",\n  \"due\": \"2019-02-30\"}]");
        let r = check(text.as_bytes());
        assert_eq!(r.problems.len(), 1);
        let p = &r.problems[0];
        assert_eq!(p.path, "actions[0].due");
        assert_eq!(
            p.message,
            "\"2019-02-30\" is not a real date; write dates as YYYY-MM-DD, e.g. 2019-02-28"
        );
        assert_eq!((p.line, p.column), (4, 10));
        let feed = r.feed.unwrap();
        assert_eq!(
            feed.actions.len(),
            1,
            "a bad optional date keeps its action"
        );
        assert_eq!(feed.actions[0].due, None, "and the date is left out");
        assert!(p.item_kept);
    }

    #[test]
    fn feed_1_1_added_and_revised_due_of_updates() {
        let text = minimal("[\n {\"id\": \"1\", \"title\": \"A\", \"status\": \"in_progress\", \"start\": \"2026-03-01\", \"added\": \"2026-02-20\",\n  \"updates\": [{\"date\": \"2026-06-01\", \"revised_due\": \"2026-12-31\"},\n   {\"date\": \"2026-07-01\", \"text\": \"kept\", \"revised_due\": \"2026-02-28\"}]}]")
            .replace("1.0", "1.1");
        let r = check(text.as_bytes());
        assert_eq!(r.problems.len(), 1, "{:?}", r.problems);
        let p = &r.problems[0];
        assert_eq!(p.severity, Severity::Error);
        assert_eq!(p.path, "actions[0].updates[1].revised_due");
        assert_eq!((p.line, p.column), (5, 58));
        assert_eq!(p.message, "this update revises the due date to 2026-02-28, before the action starts (2026-03-01); check the two dates (the revised date is left out, the rest of the update is shown)");
        let feed = r.feed.unwrap();
        let a = &feed.actions[0];
        assert_eq!(
            a.added.map(|d| d.to_string()).as_deref(),
            Some("2026-02-20")
        );
        assert_eq!(a.updates.len(), 2, "the update is kept");
        assert_eq!(
            a.updates[0].revised_due.map(|d| d.to_string()).as_deref(),
            Some("2026-12-31")
        );
        assert_eq!(a.updates[1].revised_due, None);
        let bad = check(
            minimal(
                r#"[{"id": "1", "title": "A", "status": "in_progress", "added": "2026-02-30"}]"#,
            )
            .as_bytes(),
        );
        assert_eq!(bad.problems[0].path, "actions[0].added");
        assert!(bad.problems[0].message.contains("not a real date"));
    }

    #[test]
    fn invalid_items_are_left_out_and_the_rest_kept() {
        let r = check(
            minimal(r#"[{"id": "1", "title": "A", "status": "done"}, {"id": "2", "title": "B", "status": "complete", "completed": "2026-01-01",
                "updates": [{"date": "2026-13-01"}, {"date": "2026-01-01"}]}]"#)
            .as_bytes(),
        );
        let feed = r.feed.unwrap();
        assert_eq!(feed.actions.len(), 1);
        assert_eq!(feed.actions[0].id, "2");
        assert_eq!(
            feed.actions[0].updates.len(),
            1,
            "a bad update drops the update, not the action"
        );
        assert_eq!(r.problems.len(), 2);
        assert!(
            r.problems[0].message.contains("\"done\" is not a status"),
            "{}",
            r.problems[0].message
        );
    }

    #[test]
    fn what_starts_like_a_feed() {
        for feed in [
            &b"{}"[..],
            b"  \n[1]",
            b"\xEF\xBB\xBF {",
            b"",
            b"   ",
            b"\xFF\xFE{\x00",
            b"\x00{",
        ] {
            assert!(starts_like_a_feed(feed), "{feed:?}");
        }
        for other in [
            &b"<!doctype html>"[..],
            b"\n  <html>",
            b"Service temporarily unavailable",
            b"\xEF\xBB\xBFOK",
            b"null",
            b"\"text\"",
            b"404",
            b"id,title,status\r\n",
        ] {
            assert!(!starts_like_a_feed(other), "{other:?}");
        }
    }

    #[test]
    fn suggestions_for_near_misses() {
        let r = check(
            minimal(r#"[{"id": "1", "title": "A", "status": "In progress", "deu": "2026-01-01"}]"#)
                .as_bytes(),
        );
        let msgs: Vec<_> = r.problems.iter().map(|p| p.message.as_str()).collect();
        assert!(
            msgs.iter()
                .any(|m| m.contains("did you mean \"in_progress\"")),
            "{msgs:?}"
        );
        assert!(
            msgs.iter()
                .any(|m| m.contains("unknown key \"deu\" is ignored; did you mean \"due\"?")),
            "{msgs:?}"
        );
    }

    #[test]
    fn cycles_and_dangling_references() {
        let r = check(
            minimal(
                r#"[{"id": "1", "title": "A", "status": "in_progress", "parent": "2"},
                    {"id": "2", "title": "B", "status": "in_progress", "parent": "1"},
                    {"id": "3", "title": "C", "status": "in_progress", "priority": "P9"},
                    {"id": "4", "title": "D", "status": "in_progress", "parent": "3"}]"#,
            )
            .as_bytes(),
        );
        let feed = r.feed.unwrap();
        // Every action is kept: the parents in the circle and the dangling priority are left out.
        assert_eq!(
            feed.actions
                .iter()
                .map(|a| (a.id.as_str(), a.parent.as_deref(), a.priority.as_deref()))
                .collect::<Vec<_>>(),
            [
                ("1", None, None),
                ("2", None, None),
                ("3", None, None),
                ("4", Some("3"), None)
            ]
        );
        assert!(r.problems.iter().all(|p| p.item_kept));
        assert_eq!(
            r.problems.iter().filter(|p| p.rule == Rule::Cycle).count(),
            2
        );
        let dangling = r
            .problems
            .iter()
            .find(|p| p.rule == Rule::Reference)
            .unwrap();
        assert_eq!(dangling.path, "actions[2].priority");
        assert_eq!(dangling.message, "action \"3\" refers to priority \"P9\", but there is no priority with that id in \"priorities\"");
    }

    #[test]
    fn whole_file_problems() {
        assert_eq!(check(b"").problems[0].rule, Rule::Empty);
        assert_eq!(check(b"[]").problems[0].rule, Rule::NotObject);
        assert_eq!(check(b"{\"a\": \xff}").problems[0].rule, Rule::Encoding);
        assert_eq!(check(b"\xff\xfe{\0}\0").problems[0].rule, Rule::Encoding);
        assert_eq!(
            check("[".repeat(10_000).as_bytes()).problems[0].rule,
            Rule::TooDeep
        );
        let r = check(b"{\n  \"a\": 1,\n}");
        assert_eq!(
            (r.problems[0].rule, r.problems[0].line, r.problems[0].column),
            (Rule::Syntax, 3, 1)
        );
        let bom = format!("\u{feff}{}", minimal("[]"));
        assert!(check(bom.as_bytes()).problems.is_empty());
        let v2 = minimal("[]").replace("1.0", "2.0");
        let r = check(v2.as_bytes());
        assert!(r.feed.is_none());
        assert!(
            r.problems[0].message.contains("version 2 feed"),
            "{}",
            r.problems[0].message
        );
    }

    #[test]
    fn urls_must_be_web_addresses() {
        for ok in ["https://example.gov.uk/x", "HTTP://a"] {
            assert!(is_web_address(ok), "{ok}");
        }
        for bad in [
            "javascript:alert(1)",
            "data:text/html,x",
            "/plan.json",
            "https://",
            "https:///x",
            "ftp://a",
            " https://a",
        ] {
            assert!(!is_web_address(bad), "{bad}");
        }
    }
}

/// (1.1) "What a problem leaves out is as little as possible", field by field.
#[cfg(test)]
mod as_little_as_possible {
    use super::*;
    use serde_json::{json, Value as Js};

    /// A feed with one of every item, each with every optional field, all valid.
    fn base() -> Js {
        json!({
          "schema_version": "1.1", "as_of": "2019-10-31", "published": "2019-10-31",
          "publisher": {"name": "Council", "url": "https://example.gov.uk", "contact_email": "a@b"},
          "plan": {"id": "P", "title": "Plan", "summary": "s", "approved": "2019-02", "approved_by": "Cabinet",
                   "next_review": "2020-01", "url": "https://example.gov.uk/plan",
                   "rag_definitions": {"red": "r", "amber": "a", "green": "g", "blue": "b"},
                   "status": "submitted", "submit_by": "2019-03", "submitted": "2019-03-20"},
          "inspections": [{"id": "I", "inspectorate": "ofsted", "type": "ilacs_standard", "title": "t",
                   "start": "2018-11-05", "end": "2018-11-16", "published": "2018-12-20",
                   "report_url": "https://example.gov.uk/r", "summary": "s",
                   "judgements": [{"area": "overall_effectiveness", "grade": "good"}]}],
          "findings": [{"id": "F1", "inspection": "I", "kind": "area_for_improvement", "area": "help_and_protection",
                   "text": "t", "response": "accepted"},
                   {"id": "F2", "kind": "strength", "text": "t"}],
          "priorities": [{"id": "PR", "title": "t", "description": "d", "lead": "l", "findings": ["F1", "F2"]}],
          "actions": [
            {"id": "A", "number": "1.3", "priority": "PR", "title": "t", "description": "d", "findings": ["F1", "F2"],
             "lead": "l", "team": "t", "start": "2019-01", "due": "2019-03", "revised_due": "2019-06-30",
             "completed": "2019-06", "status": "complete", "rag": "blue", "progress": 100,
             "success_measures": ["m"], "milestones": [{"title": "m", "due": "2019-02", "completed": "2019-02-10"}],
             "updates": [{"date": "2019-06", "text": "u", "status": "complete", "rag": "blue", "progress": 100, "meeting": "M"}],
             "indicators": ["IN"], "evidence": [{"text": "e", "url": "https://example.gov.uk/e"}],
             "signed_off": "2019-07", "recurrence": "every six weeks"},
            {"id": "B", "parent": "A", "title": "t", "status": "in_progress"}],
          "indicators": [{"id": "IN", "name": "n", "unit": "count", "polarity": "lower_is_better",
             "target": {"value": 1, "by": "2020-03"}, "source": "s", "description": "d",
             "values": [{"period": "2019-03", "value": 57, "note": "n", "approximate": true,
                         "breakdown": [{"label": "6", "value": 36}, {"label": "9 or more", "value": null, "suppressed": true}]}],
             "comparators": [{"name": "England", "values": [{"period": "2019-03", "value": 10}]}]}],
          "meetings": [{"id": "M", "date": "2019-07-01", "body": "Panel", "title": "t",
             "url": "https://example.gov.uk/m", "outcome": "o",
             "follow_ups": [{"text": "annual update", "lead": "Director", "due": "2020-07", "done": "2020-06-30"}]}]
        })
    }

    fn read(j: &Js) -> Report {
        check(serde_json::to_string_pretty(j).unwrap().as_bytes())
    }

    #[test]
    fn the_base_feed_is_clean() {
        let r = read(&base());
        assert_eq!(r.problems, vec![]);
    }

    /// A bad value at `pointer` is one error there, and the feed is the same as with the
    /// field not given (or, for one entry of a list of references, without that entry).
    #[test]
    fn a_bad_optional_field_is_left_out_and_its_item_kept() {
        let cases: &[(&str, Js)] = &[
            ("/published", json!("2019-10")),
            ("/publisher/url", json!("javascript:x")),
            ("/plan/id", json!(5)),
            ("/plan/summary", json!(5)),
            ("/plan/approved", json!("2019-02-30")),
            ("/plan/approved_by", json!(5)),
            ("/plan/next_review", json!("next year")),
            ("/plan/url", json!("/plan")),
            ("/plan/rag_definitions", json!("x")),
            ("/plan/rag_definitions/red", json!(5)),
            ("/plan/status", json!("drafted")),
            ("/plan/submit_by", json!("2019-13")),
            ("/plan/submitted", json!(20190320)),
            ("/inspections/0/title", json!(5)),
            ("/inspections/0/start", json!("5/11/18")),
            ("/inspections/0/published", json!("2018-12")),
            ("/inspections/0/report_url", json!("ftp://x")),
            ("/inspections/0/judgements", json!("good")),
            ("/inspections/0/summary", json!(5)),
            ("/findings/0/inspection", json!("J")),
            ("/findings/0/area", json!("help")),
            ("/findings/0/response", json!(5)),
            ("/priorities/0/description", json!(5)),
            ("/priorities/0/lead", json!(5)),
            ("/priorities/0/findings", json!("F1")),
            ("/actions/0/number", json!(1.3)),
            ("/actions/0/priority", json!("PR9")),
            ("/actions/1/parent", json!("Z")),
            ("/actions/0/description", json!(5)),
            ("/actions/0/findings", json!("F1")),
            ("/actions/0/lead", json!(5)),
            ("/actions/0/team", json!(5)),
            ("/actions/0/start", json!("2019-1")),
            ("/actions/0/due", json!("March 2019")),
            ("/actions/0/revised_due", json!("2019-06-31")),
            ("/actions/0/completed", json!("x")),
            ("/actions/0/rag", json!("purple")),
            ("/actions/0/progress", json!(120)),
            ("/actions/0/success_measures", json!("m")),
            ("/actions/0/milestones", json!("m")),
            ("/actions/0/milestones/0/due", json!("x")),
            ("/actions/0/milestones/0/completed", json!("x")),
            ("/actions/0/updates", json!("u")),
            ("/actions/0/updates/0/text", json!(5)),
            ("/actions/0/updates/0/status", json!("done")),
            ("/actions/0/updates/0/rag", json!("purple")),
            ("/actions/0/updates/0/progress", json!("50%")),
            ("/actions/0/updates/0/meeting", json!("M9")),
            ("/actions/0/indicators", json!("IN")),
            ("/actions/0/evidence", json!("e")),
            ("/actions/0/evidence/0/url", json!("e.pdf")),
            ("/actions/0/signed_off", json!("x")),
            ("/actions/0/recurrence", json!(6)),
            ("/indicators/0/target", json!("1")),
            ("/indicators/0/target/by", json!("x")),
            ("/indicators/0/values", json!("x")),
            ("/indicators/0/values/0/note", json!(5)),
            ("/indicators/0/values/0/approximate", json!("about")),
            ("/indicators/0/values/0/breakdown", json!("x")),
            ("/indicators/0/comparators", json!("England")),
            ("/indicators/0/source", json!(5)),
            ("/indicators/0/description", json!(5)),
            ("/meetings/0/title", json!(5)),
            ("/meetings/0/url", json!("x")),
            ("/meetings/0/outcome", json!(5)),
            ("/meetings/0/follow_ups", json!("x")),
            ("/meetings/0/follow_ups/0/lead", json!(5)),
            ("/meetings/0/follow_ups/0/due", json!("x")),
            ("/meetings/0/follow_ups/0/done", json!("x")),
        ];
        for (pointer, bad) in cases {
            let mut broken = base();
            *broken.pointer_mut(pointer).unwrap() = bad.clone();
            let r = read(&broken);
            let errors: Vec<&Problem> = r
                .problems
                .iter()
                .filter(|p| p.severity == Severity::Error)
                .collect();
            assert_eq!(errors.len(), 1, "{pointer}: {:?}", r.problems);
            let path = pointer[1..].split('/').fold(String::new(), |acc, step| {
                match step.parse::<usize>() {
                    Ok(i) => format!("{acc}[{i}]"),
                    Err(_) if acc.is_empty() => step.to_string(),
                    Err(_) => format!("{acc}.{step}"),
                }
            });
            assert_eq!(errors[0].path, path, "{pointer}");
            assert!(errors[0].item_kept, "{pointer}");
            let mut without = base();
            *without.pointer_mut(pointer).unwrap() = Js::Null;
            let expected = read(&without);
            assert_eq!(expected.errors(), 0, "{pointer}");
            assert_eq!(r.feed, expected.feed, "{pointer}");
        }
    }

    #[test]
    fn one_bad_reference_in_a_list_leaves_out_that_entry_only() {
        for (pointer, bad) in [
            ("/priorities/0/findings/1", "F9"),
            ("/actions/0/findings/0", ""),
            ("/actions/0/indicators/0", "IN9"),
        ] {
            let mut broken = base();
            *broken.pointer_mut(pointer).unwrap() = json!(bad);
            let r = read(&broken);
            assert_eq!(r.errors(), 1, "{pointer}: {:?}", r.problems);
            assert!(r.problems[0].item_kept);
            let (list, i) = pointer.rsplit_once('/').unwrap();
            let mut without = base();
            without
                .pointer_mut(list)
                .unwrap()
                .as_array_mut()
                .unwrap()
                .remove(i.parse().unwrap());
            assert_eq!(r.feed, read(&without).feed, "{pointer}");
        }
    }

    #[test]
    fn a_bad_required_field_or_id_leaves_out_its_item() {
        for (pointer, bad, list) in [
            ("/actions/1/status", json!("done"), "actions"),
            ("/actions/1/id", json!(""), "actions"),
            ("/findings/1/kind", json!("good"), "findings"),
            ("/meetings/0/date", json!("2019-07"), "meetings"),
            (
                "/indicators/0/values/0/breakdown/0/label",
                Js::Null,
                "parts",
            ),
            (
                "/indicators/0/values/0/breakdown/1/value",
                json!("none"),
                "parts",
            ),
            ("/meetings/0/follow_ups/0/text", json!(5), "follow-ups"),
        ] {
            let mut broken = base();
            *broken.pointer_mut(pointer).unwrap() = bad;
            let r = read(&broken);
            assert!(r.errors() >= 1, "{pointer}");
            assert!(
                r.problems.iter().all(|p| !p.item_kept),
                "{pointer}: {:?}",
                r.problems
            );
            let f = r.feed.unwrap();
            let n = match list {
                "actions" => f.actions.len() + 1,
                "findings" => f.findings.len() + 1,
                "meetings" => f.meetings.len() + 1,
                "parts" => f.indicators[0].values[0].breakdown.len() + 1,
                _ => f.meetings[0].follow_ups.len() + 1,
            };
            let whole = match list {
                "actions" | "findings" | "parts" => 2,
                _ => 1,
            };
            assert_eq!(n, whole, "{pointer}: one {list} left out");
        }
    }

    #[test]
    fn a_month_where_only_a_day_will_do() {
        let mut b = base();
        b["as_of"] = json!("2019-10");
        let r = read(&b);
        assert!(r.feed.is_none());
        assert_eq!(r.problems[0].path, "as_of");
        assert!(
            r.problems[0]
                .message
                .starts_with("\"2019-10\" is a month; \"as_of\" needs the day as well, written YYYY-MM-DD, e.g. 2019-10-31"),
            "{}",
            r.problems[0].message
        );
        let mut b = base();
        b["actions"][0]["due"] = json!("2019-13");
        let r = read(&b);
        assert_eq!(r.problems[0].rule, Rule::NoSuchDate);
        assert_eq!(
            r.problems[0].message,
            "\"2019-13\" is not a real date; write a day as YYYY-MM-DD or a whole month as YYYY-MM, e.g. 2019-03"
        );
        b["actions"][0]["due"] = json!("March 2019");
        let r = read(&b);
        assert_eq!(r.problems[0].rule, Rule::DateForm);
        assert_eq!(
            r.problems[0].message,
            "\"March 2019\" is not a date written as YYYY-MM-DD (or YYYY-MM for a whole month), e.g. 2019-02-28"
        );
    }

    #[test]
    fn an_inspection_ending_before_it_starts_keeps_its_judgements() {
        let mut b = base();
        b["inspections"][0]["end"] = json!("2018-11-01");
        let r = read(&b);
        assert_eq!(r.errors(), 1);
        assert!(r.problems[0].item_kept);
        let f = r.feed.unwrap();
        assert_eq!(f.inspections[0].end, None);
        assert_eq!(f.inspections[0].judgements.len(), 1);
    }

    #[test]
    fn the_new_keys_are_read() {
        let f = read(&base()).feed.unwrap();
        assert_eq!(f.plan.status, Some(PlanStatus::Submitted));
        assert_eq!(f.plan.submit_by.unwrap().to_string(), "2019-03");
        assert_eq!(f.findings[0].response, Some(Text::from("accepted")));
        assert_eq!(f.actions[0].number(), "1.3");
        assert_eq!(f.actions[1].number(), "B");
        assert!(
            !f.actions[0].is_ongoing(),
            "complete routine work is not ongoing"
        );
        let v = &f.indicators[0].values[0];
        assert!(v.approximate);
        assert_eq!(v.breakdown.len(), 2);
        assert_eq!(v.breakdown[1].value, None);
        assert!(v.breakdown[1].suppressed);
        assert_eq!(
            f.meetings[0].follow_ups[0].done.unwrap().to_string(),
            "2020-06-30"
        );
    }
}
