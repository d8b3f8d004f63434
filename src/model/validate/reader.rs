//! The reader: the JSON document to the typed feed. [`Reader`] holds what one reading has
//! found; its methods open objects (unknown and repeated keys), read required and optional
//! keys and lists, and record problems; [`read_feed`] reads the whole feed with them.
//!
//! Nothing is built for a value that has no problem but what the feed keeps: a problem's
//! place is the node its path starts from and the key after it ([`At`]), made into a path
//! only once every problem is known ([`super::check_text`]).

use super::items::*;
use super::references::{check_cycles, index_ids, seen_before, Ids, Seen};
use super::*;
use crate::date::Date;
use crate::json::{Document, Kind, Node};
use std::borrow::Cow;
use std::collections::HashMap;

/// Where a problem is: the JSON path of node `base` followed by `key` (which may be empty,
/// or itself a path such as `actions[3].parent` when `base` is the root), and the byte offset
/// it points at.
#[derive(Clone, Copy)]
pub(super) struct At<'p> {
    pub(super) base: Node,
    pub(super) key: &'p str,
    pub(super) offset: usize,
}

/// One reading of a feed: the problems found so far, the error count of the item being read
/// (which decides whether it is left out), the ids of every list, and the tallies that cap the
/// warnings for unknown and repeated keys.
pub(super) struct Reader<'a> {
    /// The document being read.
    pub(super) doc: &'a Document<'a>,
    /// Every problem found, in the order found (sorted by place at the end).
    pub(super) problems: Vec<Problem>,
    /// Errors in the item being read (saved and restored around nested items).
    pub(super) item_errors: usize,
    /// For each top-level list, every id written in it and the index of its first use.
    /// References resolve against these (valid items or not), so one typo does not cascade.
    pub(super) ids: Ids<'a>,
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
    /// The first place not reported on its own: the object's node and the key's offset.
    pub(super) rest_at: Option<(Node, usize)>,
    /// For a key written twice in one object (capped the same way): the kind of object.
    pub(super) repeated_in: Option<String>,
}

/// Unknown or repeated keys of one object beyond [`UNKNOWN_KEYS_PER_OBJECT`]: how many, and
/// the offset and name of the first of them.
#[derive(Default)]
struct Beyond {
    count: usize,
    first: Option<(usize, String)>,
}

/// The most keys any kind of object has ([`KEYS`]).
const MAX_KEYS: usize = {
    let mut most = 0;
    let mut i = 0;
    while i < KEYS.len() {
        if KEYS[i].1.len() > most {
            most = KEYS[i].1.len();
        }
        i += 1;
    }
    most
};

/// An object's members, duplicates resolved (the last wins, as in JavaScript): for each key
/// its kind of object can have, the node of its value.
pub(super) struct Obj<'a> {
    doc: &'a Document<'a>,
    /// The object's node.
    pub(super) node: Node,
    /// The object's offset.
    pub(super) offset: usize,
    /// Its kind: where it stands in [`KEYS`].
    kind: usize,
    values: [Option<Node>; MAX_KEYS],
}

impl Obj<'_> {
    /// The value of `key`, treating `null` as absent.
    pub(super) fn get(&self, key: &str) -> Option<Node> {
        self.raw(key).filter(|&v| !self.doc.is_null(v))
    }

    /// The value of `key`, `null` included.
    pub(super) fn raw(&self, key: &str) -> Option<Node> {
        let i = find_key(self.kind, key)?;
        self.values[i]
    }

    /// The place of value `v` of `key`.
    pub(super) fn at<'k>(&self, key: &'k str, v: Node) -> At<'k> {
        At {
            base: self.node,
            key,
            offset: self.doc.offset(v),
        }
    }
}

/// The slots of a table of keys: more than twice the most keys of any kind, so that looking
/// one up nearly always compares it with one key only.
const SLOTS: usize = 64;

/// Where a key starts looking in a table of keys.
const fn slot(key: &[u8]) -> usize {
    match key {
        [] => 0,
        [first, .., last] | [first @ last] => {
            (key.len() * 7 + *first as usize * 3 + *last as usize) % SLOTS
        }
    }
}

/// For each kind of object in [`KEYS`], its keys by [`slot`] (open addressing: a key taken
/// goes to the next free slot), each as its place in the kind's list plus one (0 is free).
/// Made by the compiler.
const KEY_TABLES: [[u8; SLOTS]; KEYS.len()] = {
    let mut tables = [[0; SLOTS]; KEYS.len()];
    let mut kind = 0;
    while kind < KEYS.len() {
        let keys = KEYS[kind].1;
        let mut k = 0;
        while k < keys.len() {
            let mut at = slot(keys[k].as_bytes());
            while tables[kind][at] != 0 {
                at = (at + 1) % SLOTS;
            }
            tables[kind][at] = k as u8 + 1;
            k += 1;
        }
        kind += 1;
    }
    tables
};

/// Where `key` stands in the keys of kind `kind` (see [`KEY_TABLES`]). This runs for every
/// key written and every key read, so it compares one key, not all of them.
fn find_key(kind: usize, key: &str) -> Option<usize> {
    let (table, keys) = (&KEY_TABLES[kind], KEYS[kind].1);
    let mut at = slot(key.as_bytes());
    loop {
        let i = usize::from(table[at]).checked_sub(1)?;
        let (k, key) = (keys[i].as_bytes(), key.as_bytes());
        // Keys are short: a plain loop, not a call to compare memory.
        if k.len() == key.len() && (0..k.len()).all(|j| k[j] == key[j]) {
            return Some(i);
        }
        at = (at + 1) % SLOTS;
    }
}

/// What a value is, for a message: "the text "…"", "the number 12", "a list [...]".
pub(super) fn found(doc: &Document, v: Node) -> String {
    match doc.kind(v) {
        Kind::String => format!("the text {}", quote(&doc.str(v).unwrap_or_default())),
        Kind::Number(n) => format!("the number {}", crate::decimal::shortest(n)),
        Kind::Bool(b) => format!("{b}"),
        k => k.describe().to_string(),
    }
}

impl<'a> Reader<'a> {
    /// A reader of `doc`, which has found nothing yet.
    pub(super) fn new(doc: &'a Document<'a>) -> Self {
        Reader {
            doc,
            problems: Vec::new(),
            item_errors: 0,
            ids: Ids::default(),
            index: 0,
            unknown: HashMap::new(),
            unknowns: Vec::new(),
        }
    }

    pub(super) fn report(&mut self, severity: Severity, rule: Rule, at: At, message: String) {
        if severity == Severity::Error {
            self.item_errors += 1;
        }
        self.push(severity, rule, at, message);
    }

    /// Records a problem at `at` (its path, line and column are found at the end).
    pub(super) fn push(&mut self, severity: Severity, rule: Rule, at: At, message: String) {
        self.problems.push(Problem {
            severity,
            path: at.key.to_string(),
            line: 0,
            column: 0,
            message,
            rule,
            item_kept: false,
            offset: at.offset,
            base: Some(at.base),
        });
    }

    /// One warning for each unknown or repeated key written more than [`UNKNOWN_KEY_REPEATS`]
    /// times in the same kind of object, at the first place not reported on its own.
    pub(super) fn unknown_keys_left_over(&mut self) {
        for u in std::mem::take(&mut self.unknowns) {
            let key = &u.key;
            let Some((base, offset)) = u.rest_at else {
                continue;
            };
            let at = At { base, key, offset };
            let rest = u.count - UNKNOWN_KEY_REPEATS;
            if let Some(what) = &u.repeated_in {
                let message = match rest - 1 {
                    0 => format!("\"{key}\" is written twice in this {what}; only the last one is used"),
                    more => format!(
                        "\"{key}\" is written twice in this {what} and in {more} more like it after it; only the last one is used"
                    ),
                };
                self.push(Severity::Warning, Rule::DuplicateKey, at, message);
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
            self.push(Severity::Warning, Rule::UnknownKey, at, message);
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

    /// Opens an object of kind `def`, warning about unknown and repeated keys.
    pub(super) fn object(&mut self, v: Node, at: At, def: Def) -> Option<Obj<'a>> {
        let (doc, what) = (self.doc, def.what);
        if doc.kind(v) != Kind::Object {
            self.error(
                Rule::Type,
                at,
                format!(
                    "found {}, expected {what} written as an object {{ ... }}",
                    found(doc, v)
                ),
            );
            return None;
        }
        let kind = def.keys;
        let known = KEYS[kind].1;
        let mut values = [None; MAX_KEYS];
        // The keys read that are not known (so that one written again is found in linear
        // time however many there are); made only for an object that has one.
        let mut others: Option<Seen<'a>> = None;
        let mut unknown = Beyond::default();
        let mut repeated = Beyond::default();
        for (k, value) in doc.members(v) {
            // Keys are nearly always plain: borrowed as they are, with no `Cow` to go through.
            let plain = doc.plain_str(k);
            let escaped;
            let key: &str = match plain {
                Some(key) => key,
                None => {
                    escaped = doc.str(k).unwrap_or_default();
                    &escaped
                }
            };
            let at = At {
                base: v,
                key,
                offset: doc.offset(k),
            };
            let (seen, is_known) = match find_key(kind, key) {
                Some(i) => (values[i].replace(value).is_some(), true),
                None => {
                    let key = plain.map_or_else(|| Cow::Owned(key.to_string()), Cow::Borrowed);
                    (
                        seen_before(others.get_or_insert_with(Seen::new), key),
                        false,
                    )
                }
            };
            if seen {
                self.repeated_key(at, what, &mut repeated);
            } else if !(is_known || what == "feed" && key == "$schema") {
                self.unknown_key(at, what, known, &mut unknown);
            }
        }
        self.keys_beyond_caps(v, what, repeated, unknown);
        Some(Obj {
            doc,
            node: v,
            offset: doc.offset(v),
            kind,
            values,
        })
    }

    /// The one warning each for the repeated and the unknown keys of object `v` beyond
    /// [`UNKNOWN_KEYS_PER_OBJECT`].
    fn keys_beyond_caps(&mut self, v: Node, what: &str, repeated: Beyond, unknown: Beyond) {
        if let Some((offset, first)) = repeated.first {
            let n = repeated.count - UNKNOWN_KEYS_PER_OBJECT;
            let message = if n == 1 {
                format!("1 more key is written twice in this {what} (\"{first}\"); only the last one is used")
            } else {
                format!("{n} more keys are written again in this {what} (\"{first}\" and those after it); only the last of each is used")
            };
            let at = At {
                base: v,
                key: &first,
                offset,
            };
            self.push(Severity::Warning, Rule::DuplicateKey, at, message);
        }
        if let Some((offset, first)) = unknown.first {
            let n = unknown.count - UNKNOWN_KEYS_PER_OBJECT;
            let message = if n == 1 {
                format!("1 more unknown key in this {what} is ignored (\"{first}\")")
            } else {
                format!("{n} more unknown keys in this {what} are ignored (\"{first}\" and those after it)")
            };
            let at = At {
                base: v,
                key: &first,
                offset,
            };
            self.push(Severity::Warning, Rule::UnknownKey, at, message);
        }
    }

    /// A key written again in one object (the last one is used): warned about one by one up to
    /// the caps, per object and per kind of object.
    fn repeated_key(&mut self, at: At, what: &str, here: &mut Beyond) {
        let key = at.key;
        let tag = format!("{what}\u{1}{key}");
        let first = || Unknown {
            key: key.to_string(),
            count: 0,
            hint: String::new(),
            rest_at: None,
            repeated_in: Some(what.to_string()),
        };
        if self.within_caps(&at, tag, here, first).is_some() {
            self.warn(
                Rule::DuplicateKey,
                at,
                format!("\"{key}\" is written twice in this {what}; only the last one is used"),
            );
        }
    }

    /// A key the feed format does not know in this kind of object: warned about one by one up
    /// to the caps, with a "did you mean" or the keys it can have.
    fn unknown_key(&mut self, at: At, what: &str, known: &[&str], here: &mut Beyond) {
        let key = at.key;
        let first = || Unknown {
            key: key.to_string(),
            count: 0,
            hint: match closest_ascii(key, known.iter().copied()) {
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
        };
        if let Some(slot) = self.within_caps(&at, format!("{what}\0{key}"), here, first) {
            let message = format!(
                "unknown key \"{key}\" is ignored{}",
                self.unknowns[slot].hint
            );
            self.warn(Rule::UnknownKey, at, message);
        }
    }

    /// Counts a repeated or unknown key against the caps (a million of them are not a million
    /// warnings): per object (`here`: past it, only the first is kept, for one warning about
    /// the rest) and per key in each kind of object (`tag`; `first` makes its entry the first
    /// time: past the cap, where the rest start is kept). Its entry's slot while a warning of
    /// its own is still due.
    fn within_caps(
        &mut self,
        at: &At,
        tag: String,
        here: &mut Beyond,
        first: impl FnOnce() -> Unknown,
    ) -> Option<usize> {
        here.count += 1;
        if here.count > UNKNOWN_KEYS_PER_OBJECT {
            here.first
                .get_or_insert_with(|| (at.offset, at.key.to_string()));
            return None;
        }
        let n = self.unknowns.len();
        let slot = *self.unknown.entry(tag).or_insert(n);
        if slot == n {
            self.unknowns.push(first());
        }
        let seen = &mut self.unknowns[slot];
        seen.count += 1;
        if seen.count > UNKNOWN_KEY_REPEATS {
            seen.rest_at.get_or_insert((at.base, at.offset));
            return None;
        }
        Some(slot)
    }

    /// A required key: reports it missing (or null), else reads it with `f`.
    pub(super) fn req<T>(
        &mut self,
        o: &Obj,
        key: &str,
        what: &str,
        f: impl FnOnce(&mut Self, Node, At) -> Option<T>,
    ) -> Option<T> {
        match o.get(key) {
            Some(v) => f(self, v, o.at(key, v)),
            None => {
                self.missing(o, key, what);
                None
            }
        }
    }

    /// The error for required key `key` of `o` (a `what`) missing or null. Not generic, so
    /// that every required key shares one copy of it (the WebAssembly's size).
    fn missing(&mut self, o: &Obj, key: &str, what: &str) {
        let raw = o.raw(key);
        let at = match raw {
            Some(v) => o.at(key, v),
            None => At {
                base: o.node,
                key,
                offset: o.offset,
            },
        };
        let how = if raw.is_some() {
            "is null (empty)"
        } else {
            "is missing"
        };
        self.error(
            Rule::Required,
            at,
            format!("\"{key}\" {how}; every {what} must have one"),
        );
    }

    /// An optional key: `None` when absent or null, else read with `f`. A bad value is left
    /// out (`None`) and its item kept.
    pub(super) fn opt<T>(
        &mut self,
        o: &Obj,
        key: &str,
        f: impl FnOnce(&mut Self, Node, At) -> Option<T>,
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
    pub(super) fn list<T>(
        &mut self,
        o: &Obj,
        key: &str,
        read: impl FnMut(&mut Self, Node, At) -> Option<T>,
    ) -> Vec<T> {
        let Some(list) = self.array(o, key, "a list [ ... ]") else {
            return Vec::new();
        };
        let mut keep = KeptItems {
            kept: Vec::with_capacity(self.doc.len(list)),
            read,
        };
        self.each_item(list, &mut keep);
        keep.kept
    }

    /// Reads each item of `list` with `items`, as its own item: with the item's index and a
    /// count of its own errors. Not generic, so that the many kinds of list share one copy of
    /// the walk (the WebAssembly's size).
    fn each_item(&mut self, list: Node, items: &mut dyn ItemReader<'a>) {
        let doc = self.doc;
        for (i, item) in doc.items(list).enumerate() {
            let at = At {
                base: item,
                key: "",
                offset: doc.offset(item),
            };
            let index = std::mem::replace(&mut self.index, i);
            let errors = std::mem::replace(&mut self.item_errors, 0);
            items.item(self, item, at);
            self.item_errors = errors;
            self.index = index;
        }
    }

    /// The node of an optional list; `None` when absent or null, or when it is not a list:
    /// then reported as a part (see [`Reader::part`]), left out and the item it is in kept.
    pub(super) fn array(&mut self, o: &Obj, key: &str, expected: &str) -> Option<Node> {
        let v = o.get(key)?;
        if self.doc.kind(v) != Kind::Array {
            let message = format!("found {}, expected {expected}", found(self.doc, v));
            let mark = self.part_begin();
            self.error(Rule::Type, o.at(key, v), message);
            self.part_end(mark);
            return None;
        }
        Some(v)
    }
}

/// What [`Reader::each_item`] does with each item of a list. A trait of its own rather than a
/// `dyn FnMut`, whose vtable carries one more copy of the call for each kind of list.
trait ItemReader<'a> {
    fn item(&mut self, rd: &mut Reader<'a>, item: Node, at: At);
}

/// The items of a list read by `read`, each kept unless it had an error of its own.
struct KeptItems<T, F> {
    kept: Vec<T>,
    read: F,
}

impl<'a, T, F: FnMut(&mut Reader<'a>, Node, At) -> Option<T>> ItemReader<'a> for KeptItems<T, F> {
    fn item(&mut self, rd: &mut Reader<'a>, item: Node, at: At) {
        match (self.read)(rd, item, at) {
            Some(t) if rd.item_errors == 0 => self.kept.push(t),
            _ => {}
        }
    }
}

/// A kind of object: the word for it in messages ("piece of evidence") and its place in
/// [`KEYS`], found by the compiler.
#[derive(Clone, Copy)]
pub(super) struct Def {
    pub(super) what: &'static str,
    keys: usize,
}

/// The kind `what` whose keys [`KEYS`] lists as `name` (a build error when it does not).
const fn def(what: &'static str, name: &str) -> Def {
    let mut k = 0;
    while k < KEYS.len() {
        let (a, b) = (KEYS[k].0.as_bytes(), name.as_bytes());
        if a.len() == b.len() {
            let mut i = 0;
            while i < a.len() && a[i] == b[i] {
                i += 1;
            }
            if i == a.len() {
                return Def { what, keys: k };
            }
        }
        k += 1;
    }
    panic!("a kind of object that KEYS does not list")
}

pub(super) const FEED: Def = def("feed", "Feed");
pub(super) const PUBLISHER: Def = def("publisher", "Publisher");
pub(super) const PLAN: Def = def("plan", "Plan");
pub(super) const RAG_DEFINITIONS: Def = def("set of RAG definitions", "RagDefinitions");
pub(super) const INSPECTION: Def = def("inspection", "Inspection");
pub(super) const JUDGEMENT: Def = def("judgement", "Judgement");
pub(super) const FINDING: Def = def("finding", "Finding");
pub(super) const PRIORITY: Def = def("priority", "Priority");
pub(super) const ACTION: Def = def("action", "Action");
pub(super) const MILESTONE: Def = def("milestone", "Milestone");
pub(super) const UPDATE: Def = def("update", "Update");
pub(super) const EVIDENCE: Def = def("piece of evidence", "Evidence");
pub(super) const INDICATOR: Def = def("indicator", "Indicator");
pub(super) const TARGET: Def = def("target", "Target");
pub(super) const VALUE: Def = def("value", "Value");
pub(super) const COMPARATOR: Def = def("comparator", "Comparator");
pub(super) const PART: Def = def("part of a breakdown", "Part");
pub(super) const MEETING: Def = def("meeting", "Meeting");
pub(super) const FOLLOW_UP: Def = def("follow-up", "FollowUp");
pub(super) const TEXT: Def = def("text", "Text");

/// Reads the whole feed: the outer object, its version, its dates, publisher and plan, then
/// each list; `None` when it cannot be read as a version 1 feed at all.
pub(super) fn read_feed(rd: &mut Reader) -> Option<Feed> {
    let root = rd.doc.root();
    let at = At {
        base: root,
        key: "",
        offset: rd.doc.offset(root),
    };
    if rd.doc.kind(root) != Kind::Object {
        let message = format!(
            "the feed must be one JSON object {{ ... }} but the file holds {}",
            found(rd.doc, root)
        );
        rd.push(Severity::Error, Rule::NotObject, at, message);
        return None;
    }
    let o = rd.object(root, at, FEED)?;
    rd.ids = index_ids(rd.doc);
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
    let feed = Feed {
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
    let mut feed = feed.indexed();
    check_cycles(rd, &mut feed);
    Some(feed)
}

/// `schema_version`: `"1.x"` is read; another major version is reported and returned (the
/// caller then stops); anything else is reported and `None`.
fn read_schema_version(rd: &mut Reader, o: &Obj) -> Option<String> {
    rd.req(o, "schema_version", "feed", |rd, v, at| {
        if let Kind::Number(n) = rd.doc.kind(v) {
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
        let root = Some(o.node);
        if let Some(p) = rd
            .problems
            .iter_mut()
            .rev()
            .find(|p| p.base == root && p.path == "as_of")
        {
            p.message.push_str(". Without the date the data is true at, nothing can be judged overdue, so the plan cannot be shown");
        }
    }
    as_of
}

/// `actions` must be written, even as an empty list.
fn require_actions(rd: &mut Reader, o: &Obj) {
    if o.get("actions").is_none() {
        let at = match o.raw("actions") {
            Some(v) => o.at("actions", v),
            None => At {
                base: o.node,
                key: "actions",
                offset: o.offset,
            },
        };
        rd.error(Rule::Required, at, "\"actions\" is missing; a feed must have a list of actions, even an empty one: \"actions\": []".into());
    }
}
