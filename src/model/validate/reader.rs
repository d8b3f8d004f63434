//! The reader: JSON values to the typed feed. [`Reader`] holds what one reading has found;
//! its methods open objects (unknown and repeated keys), read required and optional keys and
//! lists, and record problems; [`read_feed`] reads the whole feed with them.

use super::items::*;
use super::references::{check_cycles, json_indexes};
use super::*;
use crate::date::Date;
use crate::json::{Kind, Member, Value as JsonValue};
use std::collections::HashMap;

/// Where a value stands: its JSON path and byte offset.
#[derive(Clone, Copy)]
pub(super) struct At<'p> {
    pub(super) parent: &'p str,
    pub(super) key: &'p str,
    pub(super) offset: usize,
}

impl At<'_> {
    pub(super) fn path(&self) -> String {
        match (self.parent.is_empty(), self.key.is_empty()) {
            (_, true) => self.parent.to_string(),
            (true, false) => self.key.to_string(),
            (false, false) => format!("{}.{}", self.parent, self.key),
        }
    }
}

/// One reading of a feed: the problems found so far, the error count of the item being read
/// (which decides whether it is left out), the ids of every list, and the tallies that cap the
/// warnings for unknown and repeated keys.
pub(super) struct Reader {
    /// Every problem found, in the order found (sorted by place at the end).
    pub(super) problems: Vec<Problem>,
    /// Errors in the item being read (saved and restored around nested items).
    pub(super) item_errors: usize,
    /// For each top-level list, every id written in it and the index of its first use.
    /// References resolve against these (valid items or not), so one typo does not cascade.
    pub(super) ids: HashMap<&'static str, HashMap<String, usize>>,
    /// The index in its JSON list of the list item being read.
    pub(super) index: usize,
    /// Where in `unknowns` each unknown key stands, by the kind of object it is in and the
    /// key (`"action\0deu"`).
    pub(super) unknown: HashMap<String, usize>,
    /// Each unknown key: how often it is written, and where the first one not reported on its
    /// own stands.
    pub(super) unknowns: Vec<Unknown>,
}

/// Unknown keys repeated in many items (a spreadsheet's extra column exported into every
/// action) are reported one by one this many times; the rest in one warning.
pub(super) const UNKNOWN_KEY_REPEATS: usize = 3;

/// Unknown keys in one object reported one by one; the rest are one warning.
pub(super) const UNKNOWN_KEYS_PER_OBJECT: usize = 20;

/// A repeated unknown key: see [`Reader::unknown`].
pub(super) struct Unknown {
    pub(super) key: String,
    pub(super) count: usize,
    pub(super) hint: String,
    pub(super) rest_at: Option<(String, usize)>,
    /// For a key written twice in one object (capped the same way): the kind of object.
    pub(super) repeated_in: Option<String>,
}

/// Unknown or repeated keys of one object beyond [`UNKNOWN_KEYS_PER_OBJECT`]: how many, and
/// the path, offset and name of the first of them.
#[derive(Default)]
struct Beyond<'a> {
    count: usize,
    first: Option<(String, usize, &'a str)>,
}

/// An object's members, duplicates resolved (the last wins, as in JavaScript).
pub(super) struct Obj<'v> {
    pub(super) path: String,
    pub(super) offset: usize,
    pub(super) members: Vec<&'v Member<'v>>,
}

impl<'v> Obj<'v> {
    /// The value of `key`, treating `null` as absent.
    pub(super) fn get(&self, key: &str) -> Option<&'v JsonValue<'v>> {
        self.raw(key).filter(|v| v.kind != Kind::Null)
    }

    pub(super) fn raw(&self, key: &str) -> Option<&'v JsonValue<'v>> {
        self.members.iter().find(|m| m.key == key).map(|m| &m.value)
    }

    pub(super) fn at<'a>(&'a self, key: &'a str, v: &JsonValue) -> At<'a> {
        At {
            parent: &self.path,
            key,
            offset: v.offset,
        }
    }
}

pub(super) fn found(v: &JsonValue) -> String {
    match &v.kind {
        Kind::String(s) => format!("the text {}", quote(s)),
        Kind::Number(n) => format!("the number {}", crate::decimal::shortest(*n)),
        Kind::Bool(b) => format!("{b}"),
        k => k.describe().to_string(),
    }
}

impl Reader {
    pub(super) fn report(&mut self, severity: Severity, rule: Rule, at: At, message: String) {
        if severity == Severity::Error {
            self.item_errors += 1;
        }
        self.push(severity, rule, at.path(), at.offset, message);
    }

    /// Records a problem at `path`, byte `offset` (its line and column are found at the end).
    pub(super) fn push(
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
    pub(super) fn unknown_keys_left_over(&mut self) {
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

    pub(super) fn error(&mut self, rule: Rule, at: At, message: String) {
        self.report(Severity::Error, rule, at, message);
    }

    pub(super) fn warn(&mut self, rule: Rule, at: At, message: String) {
        self.report(Severity::Warning, rule, at, message);
    }

    /// Reads `f` as a part of an item that can be left out alone (an optional field, one entry
    /// of a list of references): its errors leave out that part, not the item it is in.
    pub(super) fn part<T>(&mut self, f: impl FnOnce(&mut Self) -> Option<T>) -> Option<T> {
        let mark = self.part_begin();
        let r = f(self);
        if self.part_end(mark) {
            None
        } else {
            r
        }
    }

    /// Starts a part (see [`Reader::part`]): where the problems and the item's errors stand.
    /// Not generic, so the many optional fields share one copy of it (the WebAssembly's size).
    #[inline(never)]
    pub(super) fn part_begin(&mut self) -> (usize, usize) {
        (
            self.problems.len(),
            std::mem::replace(&mut self.item_errors, 0),
        )
    }

    /// Ends a part begun at `mark`: true when it had errors (then it is left out). Its errors
    /// are marked as leaving their item shown, and the item's own error count is restored.
    #[inline(never)]
    pub(super) fn part_end(&mut self, (first, saved): (usize, usize)) -> bool {
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
    pub(super) fn item<T>(&mut self, f: impl FnOnce(&mut Self) -> Option<T>) -> Option<T> {
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

    /// Opens an object of kind `what`, warning about unknown and repeated keys.
    pub(super) fn object<'v>(
        &mut self,
        v: &'v JsonValue<'v>,
        at: At,
        what: &str,
    ) -> Option<Obj<'v>> {
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
        let mut unknown = Beyond::default();
        let mut repeated = Beyond::default();
        for m in members {
            let at = At {
                parent: &path,
                key: &m.key,
                offset: m.key_offset,
            };
            if let Some(&i) = place.get(&*m.key) {
                kept[i] = m;
                self.repeated_key(at, what, &mut repeated);
                continue;
            } else if !(known.contains(&&*m.key) || what == "feed" && m.key == "$schema") {
                self.unknown_key(at, what, known, &mut unknown);
            }
            place.insert(&m.key, kept.len());
            kept.push(m);
        }
        if let Some((path, offset, first)) = repeated.first {
            let n = repeated.count - UNKNOWN_KEYS_PER_OBJECT;
            let message = if n == 1 {
                format!("1 more key is written twice in this {what} (\"{first}\"); only the last one is used")
            } else {
                format!("{n} more keys are written again in this {what} (\"{first}\" and those after it); only the last of each is used")
            };
            self.push(Severity::Warning, Rule::DuplicateKey, path, offset, message);
        }
        if let Some((path, offset, first)) = unknown.first {
            let n = unknown.count - UNKNOWN_KEYS_PER_OBJECT;
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

    /// A key written again in one object (the last one is used): warned about one by one up to
    /// the caps, per object and per kind of object.
    fn repeated_key<'a>(&mut self, at: At<'a>, what: &str, here: &mut Beyond<'a>) {
        let key = at.key;
        // Capped like unknown keys: a million repeats are not a million warnings.
        here.count += 1;
        if here.count > UNKNOWN_KEYS_PER_OBJECT {
            here.first.get_or_insert((at.path(), at.offset, key));
            return;
        }
        let n = self.unknowns.len();
        let slot = *self.unknown.entry(format!("{what}\u{1}{key}")).or_insert(n);
        if slot == n {
            self.unknowns.push(Unknown {
                key: key.to_string(),
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
            return;
        }
        self.warn(
            Rule::DuplicateKey,
            at,
            format!("\"{key}\" is written twice in this {what}; only the last one is used"),
        );
    }

    /// A key the feed format does not know in this kind of object: warned about one by one up
    /// to the caps, with a "did you mean" or the keys it can have.
    fn unknown_key<'a>(&mut self, at: At<'a>, what: &str, known: &[&str], here: &mut Beyond<'a>) {
        let key = at.key;
        here.count += 1;
        if here.count > UNKNOWN_KEYS_PER_OBJECT {
            here.first.get_or_insert((at.path(), at.offset, key));
            return;
        }
        let n = self.unknowns.len();
        let slot = *self.unknown.entry(format!("{what}\0{key}")).or_insert(n);
        if slot == n {
            self.unknowns.push(Unknown {
                key: key.to_string(),
                count: 0,
                hint: match closest(key, known.iter().copied()) {
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
            let message = format!("unknown key \"{key}\" is ignored{}", seen.hint);
            self.warn(Rule::UnknownKey, at, message);
        } else if seen.rest_at.is_none() {
            seen.rest_at = Some((at.path(), at.offset));
        }
    }

    /// A required key: reports it missing (or null), else reads it with `f`.
    pub(super) fn req<'v, T>(
        &mut self,
        o: &Obj<'v>,
        key: &str,
        what: &str,
        f: impl FnOnce(&mut Self, &'v JsonValue<'v>, At) -> Option<T>,
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
    pub(super) fn opt<'v, T>(
        &mut self,
        o: &Obj<'v>,
        key: &str,
        f: impl FnOnce(&mut Self, &'v JsonValue<'v>, At) -> Option<T>,
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
    pub(super) fn list<'v, T>(
        &mut self,
        o: &Obj<'v>,
        key: &str,
        mut f: impl FnMut(&mut Self, &'v JsonValue<'v>, At) -> Option<T>,
    ) -> Vec<T> {
        let Some((items, path)) = self.part(|rd| rd.array(o, key, "a list [ ... ]")) else {
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
            if let Some(t) = self.item(|rd| f(rd, item, iat)) {
                out.push(t);
            }
            self.index = saved;
        }
        out
    }

    /// The items of an optional list and its path; `None` when absent or null, or (reported)
    /// when it is not a list.
    pub(super) fn array<'v>(
        &mut self,
        o: &Obj<'v>,
        key: &str,
        expected: &str,
    ) -> Option<(&'v [JsonValue<'v>], String)> {
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
}

pub(super) fn what_def(what: &str) -> &str {
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

pub(super) const ROOT: At = At {
    parent: "",
    key: "",
    offset: 0,
};

/// The lists whose items have ids, in the order of the feed format.
const LISTS: [&str; 6] = [
    "inspections",
    "findings",
    "priorities",
    "actions",
    "indicators",
    "meetings",
];

/// Reads the whole feed: the outer object, its version, its dates, publisher and plan, then
/// each list; `None` when it cannot be read as a version 1 feed at all.
pub(super) fn read_feed(rd: &mut Reader, root: &JsonValue) -> Option<Feed> {
    let at = At {
        offset: root.offset,
        ..ROOT
    };
    if !matches!(root.kind, Kind::Object(_)) {
        rd.push(
            Severity::Error,
            Rule::NotObject,
            String::new(),
            root.offset,
            format!(
                "the feed must be one JSON object {{ ... }} but the file holds {}",
                found(root)
            ),
        );
        return None;
    }
    let o = rd.object(root, at, "feed")?;
    for list in LISTS {
        let first = json_indexes(root, list)
            .into_iter()
            .map(|(id, at)| (id, at[0]))
            .collect();
        rd.ids.insert(list, first);
    }
    let schema_version = read_schema_version(rd, &o);
    // A feed of another major version cannot be read as version 1 at all.
    if schema_version
        .as_deref()
        .is_some_and(|s| !s.starts_with("1."))
    {
        return None;
    }
    let as_of = read_as_of(rd, &o);
    let published = rd.opt(&o, "published", Reader::day);
    let publisher = rd
        .req(&o, "publisher", "feed", read_publisher)
        .unwrap_or(Publisher {
            name: Text::Plain(String::new()),
            url: None,
            contact_email: None,
        });
    let plan = rd
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
    let inspections = rd.list(&o, "inspections", read_inspection);
    let findings = rd.list(&o, "findings", read_finding);
    let priorities = rd.list(&o, "priorities", read_priority);
    require_actions(rd, &o);
    let actions = rd.list(&o, "actions", read_action);
    let indicators = rd.list(&o, "indicators", read_indicator);
    let meetings = rd.list(&o, "meetings", read_meeting);
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
    check_cycles(rd, root, &mut feed);
    Some(feed.indexed())
}

/// `schema_version`: `"1.x"` is read; another major version is reported and returned (the
/// caller then stops); anything else is reported and `None`.
fn read_schema_version(rd: &mut Reader, o: &Obj) -> Option<String> {
    rd.req(o, "schema_version", "feed", |rd, v, at| {
        if let Kind::Number(n) = v.kind {
            rd.error(Rule::Type, at, format!("found the number {}, expected the version as text in quotes: \"1.0\"", crate::decimal::shortest(n)));
            return None;
        }
        let s = rd.string(v, at)?;
        let major = s.split('.').next().unwrap_or("");
        let minor_ok = s.split_once('.').is_some_and(|(_, m)| !m.is_empty() && m.bytes().all(|b| b.is_ascii_digit()));
        if major == "1" && minor_ok {
            Some(s)
        } else if !major.is_empty() && major.bytes().all(|b| b.is_ascii_digit()) && major != "1" {
            rd.error(
                Rule::Version,
                at,
                format!("this is a version {major} feed (schema_version {}), but this widget reads version 1 feeds (\"1.0\", \"1.1\", …); publish a version 1 feed or use a newer widget", quote(&s)),
            );
            Some(s)
        } else {
            rd.error(Rule::Version, at, format!("schema_version {} is not a version number; write \"1.0\"", quote(&s)));
            None
        }
    })
}

/// `as_of`, whose problem says why it matters: without it the plan cannot be shown at all.
fn read_as_of(rd: &mut Reader, o: &Obj) -> Option<Date> {
    let as_of = rd.req(o, "as_of", "feed", Reader::day);
    if as_of.is_none() {
        if let Some(p) = rd.problems.iter_mut().rev().find(|p| p.path == "as_of") {
            p.message.push_str(". Without the date the data is true at, nothing can be judged overdue, so the plan cannot be shown");
        }
    }
    as_of
}

/// `actions` must be written, even as an empty list.
fn require_actions(rd: &mut Reader, o: &Obj) {
    if o.get("actions").is_none() {
        let at = At {
            parent: "",
            key: "actions",
            offset: o.raw("actions").map_or(o.offset, |v| v.offset),
        };
        rd.error(Rule::Required, at, "\"actions\" is missing; a feed must have a list of actions, even an empty one: \"actions\": []".into());
    }
}
