//! The field tables of `docs/feed-format.md` are generated from the JSON Schema of the Rust
//! types (`feed::schema()`, the same source as `www/schema/feed-v1.json`), so the reference
//! cannot drift from what the widget reads: a field added, removed, retyped or redescribed in
//! `src/model/feed/` fails this test until the document is regenerated with
//!
//! ```sh
//! UPDATE_DOCS=1 cargo test --test feed_format_doc
//! ```
//!
//! Only what lies between `<!-- generated: NAME -->` and `<!-- end generated -->` is written;
//! the prose around it is by hand. `NAME` is a schema definition (`Feed`, `Action`, …): its
//! table, then the tables of the objects and word lists (enums) it leads to that have no
//! block of their own (so a new nested object is documented where it belongs without a new
//! marker), or `value types` for the table of strings with a form (dates, URLs, …).
//!
//! The "since" column is the feed version a key or word arrived in: `1.0`, or the version in a
//! `(1.1) ` (any `(1.N) `) prefix of its `///` doc comment, and never earlier than the object
//! it belongs to (every key of an object that arrived in 1.1 arrived in 1.1). Rows follow the
//! validator's order of keys (`validate::KEYS`, kept equal to the schema's by tests/schema.rs).

use action_plan_tracker::feed::schema;
use action_plan_tracker::validate::KEYS;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet, HashMap, VecDeque};
use std::path::PathBuf;

const DOC: &str = "docs/feed-format.md";
const ENV: &str = "UPDATE_DOCS";
const BEGIN: &str = "<!-- generated: ";
const END: &str = "<!-- end generated -->";
const VALUE_TYPES: &str = "value types";

/// A feed format version, `(1, 1)` for "1.1".
type Version = (u32, u32);

/// `(1.1) ` at the start of a description: the version, and the description without it.
fn since_prefix(desc: &str) -> (Option<Version>, &str) {
    let parse = || {
        let rest = desc.strip_prefix('(')?;
        let (v, tail) = rest.split_once(") ")?;
        let (major, minor) = v.split_once('.')?;
        Some(((major.parse().ok()?, minor.parse().ok()?), tail))
    };
    match parse() {
        Some((v, tail)) => (Some(v), tail),
        None => (None, desc),
    }
}

fn show(v: Version) -> String {
    format!("{}.{}", v.0, v.1)
}

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Object,
    Enum,
    Scalar,
}

/// The schema's definitions by name, the root as `Feed`.
struct Schema {
    defs: BTreeMap<String, Value>,
    root: String,
}

impl Schema {
    fn new(root_name: &str, s: &Value) -> Schema {
        let mut defs: BTreeMap<String, Value> = s
            .get("$defs")
            .and_then(Value::as_object)
            .map(|d| d.iter().map(|(k, v)| (k.clone(), v.clone())).collect())
            .unwrap_or_default();
        let mut root = s.clone();
        if let Some(o) = root.as_object_mut() {
            o.remove("$defs");
        }
        defs.insert(root_name.to_string(), root);
        Schema {
            defs,
            root: root_name.to_string(),
        }
    }

    fn kind(&self, name: &str) -> Kind {
        let d = &self.defs[name];
        if d.get("properties").is_some() || d.get("type") == Some(&Value::from("object")) {
            Kind::Object
        } else if d
            .get("oneOf")
            .and_then(Value::as_array)
            .is_some_and(|a| a.iter().all(|v| v.get("const").is_some()))
        {
            Kind::Enum
        } else {
            Kind::Scalar
        }
    }

    fn description(&self, name: &str) -> &str {
        self.defs[name]
            .get("description")
            .and_then(Value::as_str)
            .unwrap_or("")
    }

    /// An object's properties in the validator's order (then any others, alphabetically).
    fn properties(&self, name: &str, order: &dyn Fn(&str) -> Vec<String>) -> Vec<(String, Value)> {
        let props = self.defs[name]
            .get("properties")
            .and_then(Value::as_object)
            .cloned()
            .unwrap_or_default();
        let mut keys: Vec<String> = order(name)
            .into_iter()
            .filter(|k| props.contains_key(k))
            .collect();
        let rest: BTreeSet<&String> = props.keys().filter(|k| !keys.contains(k)).collect();
        keys.extend(rest.into_iter().cloned());
        keys.into_iter()
            .map(|k| {
                let v = props[&k].clone();
                (k, v)
            })
            .collect()
    }

    fn required(&self, name: &str) -> Vec<String> {
        self.defs[name]
            .get("required")
            .and_then(Value::as_array)
            .map(|r| {
                r.iter()
                    .filter_map(|x| x.as_str().map(String::from))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// An enum's words with their descriptions.
    fn words(&self, name: &str) -> Vec<(String, String)> {
        self.defs[name]["oneOf"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|v| {
                (
                    v["const"].as_str().unwrap_or_default().to_string(),
                    v.get("description")
                        .and_then(Value::as_str)
                        .unwrap_or("")
                        .to_string(),
                )
            })
            .collect()
    }
}

/// The property schema without the `null` the schema allows for every optional key.
fn unnull(p: &Value) -> Value {
    if let Some(any) = p.get("anyOf").and_then(Value::as_array) {
        let not_null: Vec<&Value> = any
            .iter()
            .filter(|x| x.get("type") != Some(&Value::from("null")))
            .collect();
        if not_null.len() == 1 {
            let mut inner = not_null[0].clone();
            if let (Some(o), Some(d)) = (inner.as_object_mut(), p.get("description")) {
                o.entry("description").or_insert(d.clone());
            }
            return inner;
        }
    }
    p.clone()
}

/// The JSON type word of a schema, `null` left out of `["string", "null"]`.
fn json_type(p: &Value) -> Option<&str> {
    match p.get("type") {
        Some(Value::String(t)) => Some(t),
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).find(|t| *t != "null"),
        _ => None,
    }
}

/// The definitions a property refers to (through `items`, `anyOf` and `$ref`).
fn refs(p: &Value) -> Vec<String> {
    let mut out = Vec::new();
    fn walk(v: &Value, out: &mut Vec<String>) {
        if let Some(r) = v.get("$ref").and_then(Value::as_str) {
            out.push(r.trim_start_matches("#/$defs/").to_string());
        }
        if let Some(items) = v.get("items") {
            walk(items, out);
        }
        for c in ["anyOf", "oneOf", "allOf"] {
            for b in v.get(c).and_then(Value::as_array).into_iter().flatten() {
                walk(b, out);
            }
        }
    }
    walk(p, &mut out);
    out
}

fn is_array(p: &Value) -> bool {
    json_type(&unnull(p)) == Some("array")
}

/// GitHub's anchor for a heading (as scripts/markdown-links.mjs makes it; the link check
/// verifies every link the tables make).
fn slug(heading: &str) -> String {
    heading
        .trim()
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric() || *c == '_' || *c == '-' || *c == ' ')
        .map(|c| if c == ' ' { '-' } else { c })
        .collect()
}

/// A Markdown table cell: one line, `|` escaped.
fn cell(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace('|', "\\|")
}

/// One generated block in the document.
struct Block {
    name: String,
    /// Line of the begin marker, and of the end marker.
    begin: usize,
    end: usize,
    /// The anchor of the heading the block is under.
    anchor: String,
}

fn blocks(doc: &str) -> Result<Vec<Block>, String> {
    let lines: Vec<&str> = doc.lines().collect();
    let mut out = Vec::new();
    let mut heading = String::new();
    let mut open: Option<(String, usize)> = None;
    let mut fence = false;
    for (i, line) in lines.iter().enumerate() {
        if line.starts_with("```") {
            fence = !fence;
        }
        if fence {
            continue;
        }
        if let Some(name) = line
            .strip_prefix(BEGIN)
            .and_then(|r| r.strip_suffix(" -->"))
        {
            if let Some((n, _)) = &open {
                return Err(format!("line {}: \"{name}\" begins inside \"{n}\"", i + 1));
            }
            open = Some((name.to_string(), i));
        } else if *line == END {
            let (name, begin) = open
                .take()
                .ok_or(format!("line {}: an end marker without a begin", i + 1))?;
            out.push(Block {
                name,
                begin,
                end: i,
                anchor: heading.clone(),
            });
        } else if open.is_none() {
            if let Some(h) = line.strip_prefix('#') {
                heading = slug(&h.trim_start_matches('#').replace('`', ""));
            }
        }
    }
    match open {
        Some((n, b)) => Err(format!("line {}: \"{n}\" is never ended", b + 1)),
        None => Ok(out),
    }
}

/// The generator: where each definition is documented, and how to write its tables.
struct Gen<'a> {
    s: &'a Schema,
    order: &'a dyn Fn(&str) -> Vec<String>,
    since: HashMap<String, Version>,
    path: HashMap<String, String>,
    /// The anchor each documented definition's table is under.
    anchor: HashMap<String, String>,
    /// Which block documents each definition.
    home: HashMap<String, String>,
}

/// Prose sections of the document that explain the common value types.
const SCALAR_ANCHORS: &[(&str, &str, &str)] = &[
    ("Text", "text", "text"),
    ("Date", "date", "dates"),
    ("Day", "day", "dates"),
    ("Url", "URL", "urls"),
    ("Period", "period", "periods"),
];

impl<'a> Gen<'a> {
    fn new(s: &'a Schema, order: &'a dyn Fn(&str) -> Vec<String>) -> Gen<'a> {
        // The earliest version through which each definition can be reached, and its path.
        let base = (1, 0);
        let root_since = since_prefix(s.description(&s.root))
            .0
            .unwrap_or(base)
            .max(base);
        let mut since = HashMap::from([(s.root.clone(), root_since)]);
        let mut path = HashMap::from([(s.root.clone(), String::new())]);
        let mut queue = VecDeque::from([s.root.clone()]);
        while let Some(d) = queue.pop_front() {
            if s.kind(&d) != Kind::Object {
                continue;
            }
            let here = since[&d];
            for (key, p) in s.properties(&d, order) {
                let desc = description(&p);
                let field = since_prefix(&desc).0.unwrap_or(base).max(here);
                for r in refs(&p) {
                    let v = since_prefix(s.description(&r)).0.unwrap_or(base).max(field);
                    let parent = &path[&d];
                    let step = if is_array(&p) {
                        format!("{key}[]")
                    } else {
                        key.clone()
                    };
                    let full = if parent.is_empty() {
                        step
                    } else {
                        format!("{parent}.{step}")
                    };
                    path.entry(r.clone()).or_insert(full);
                    if since.get(&r).is_none_or(|old| v < *old) {
                        since.insert(r.clone(), v);
                        queue.push_back(r);
                    }
                }
            }
        }
        Gen {
            s,
            order,
            since,
            path,
            anchor: HashMap::new(),
            home: HashMap::new(),
        }
    }

    fn heading(&self, def: &str) -> String {
        match self.s.kind(def) {
            Kind::Enum => format!("Values of `{}`", self.path[def]),
            _ => format!("`{}`", self.path[def]),
        }
    }

    /// Decides where every definition is documented: its own block, or the first block that
    /// leads to it. Fails on a block naming no definition, and on definitions left out.
    fn place(&mut self, blocks: &[Block]) -> Result<(), String> {
        for b in blocks {
            if b.name == VALUE_TYPES {
                continue;
            }
            if !self.s.defs.contains_key(&b.name) {
                return Err(format!(
                    "{DOC} has a block for \"{}\", which the schema does not define",
                    b.name
                ));
            }
            if self.home.insert(b.name.clone(), b.name.clone()).is_some() {
                return Err(format!("{DOC} has two blocks for \"{}\"", b.name));
            }
            self.anchor.insert(b.name.clone(), b.anchor.clone());
        }
        let value_types = blocks.iter().find(|b| b.name == VALUE_TYPES);
        for b in blocks.iter().filter(|b| b.name != VALUE_TYPES) {
            let mut stack = vec![b.name.clone()];
            while let Some(d) = stack.pop() {
                let mut next = Vec::new();
                for (_, p) in self.s.properties(&d, self.order) {
                    for r in refs(&p) {
                        if self.s.kind(&r) == Kind::Scalar || self.home.contains_key(&r) {
                            continue;
                        }
                        self.home.insert(r.clone(), b.name.clone());
                        self.anchor
                            .insert(r.clone(), slug(&self.heading(&r).replace('`', "")));
                        next.push(r);
                    }
                }
                stack.extend(next.into_iter().rev());
            }
        }
        let mut missing = Vec::new();
        for d in self.since.keys() {
            match self.s.kind(d) {
                Kind::Scalar => {
                    if let Some(vt) = value_types {
                        self.home.insert(d.clone(), VALUE_TYPES.into());
                        self.anchor.entry(d.clone()).or_insert(vt.anchor.clone());
                    } else {
                        missing.push(d.clone());
                    }
                }
                _ if !self.home.contains_key(d) => missing.push(d.clone()),
                _ => {}
            }
        }
        if missing.is_empty() {
            Ok(())
        } else {
            missing.sort();
            Err(format!(
                "{DOC} documents nowhere {missing:?}: add a `{BEGIN}NAME -->` … `{END}` block \
                 (for an object or word list; or `{BEGIN}{VALUE_TYPES} -->` for strings with a form)"
            ))
        }
    }

    /// The type column of a property.
    fn type_of(&self, p: &Value) -> String {
        let p = unnull(p);
        if let Some(r) = p.get("$ref").and_then(Value::as_str) {
            return self.ref_type(r.trim_start_matches("#/$defs/"));
        }
        match json_type(&p) {
            Some("array") => match p.get("items").map(|i| self.type_of(i)) {
                Some(t) if t == "string" => "list of strings".into(),
                Some(t) => format!("list of {t}"),
                None => "list".into(),
            },
            Some("string") => "string".into(),
            Some("number") | Some("integer") => {
                let n = if json_type(&p) == Some("integer") {
                    "whole number"
                } else {
                    "number"
                };
                match (p.get("minimum"), p.get("maximum")) {
                    (Some(lo), Some(hi)) => format!("{n}, {lo} to {hi}"),
                    (Some(lo), None) => format!("{n}, at least {lo}"),
                    (None, Some(hi)) => format!("{n}, at most {hi}"),
                    _ => n.into(),
                }
            }
            Some("boolean") => "`true` or `false`".into(),
            Some(t) => t.into(),
            None => "any".into(),
        }
    }

    fn ref_type(&self, def: &str) -> String {
        match self.s.kind(def) {
            Kind::Scalar => match SCALAR_ANCHORS.iter().find(|(n, _, _)| *n == def) {
                Some((_, word, anchor)) => format!("[{word}](#{anchor})"),
                None => format!("[{def}](#{})", self.anchor[def]),
            },
            Kind::Object => format!("[object](#{})", self.anchor[def]),
            Kind::Enum => {
                let words: Vec<String> = self
                    .s
                    .words(def)
                    .into_iter()
                    .map(|(w, _)| format!("`{w}`"))
                    .collect();
                format!("{} ([meanings](#{}))", words.join(", "), self.anchor[def])
            }
        }
    }

    fn object_table(&self, def: &str, out: &mut String) {
        let required = self.s.required(def);
        out.push_str("| key | type | required | since | meaning |\n|---|---|---|---|---|\n");
        for (key, p) in self.s.properties(def, self.order) {
            let desc = description(&p);
            let (v, text) = since_prefix(&desc);
            let v = v.unwrap_or((1, 0)).max(self.since[def]);
            // Required yet nullable: an indicator's `value` (a number, or null when suppressed).
            let null = required.contains(&key)
                && matches!(p.get("type"), Some(Value::Array(ts)) if ts.contains(&Value::from("null")));
            out.push_str(&format!(
                "| `{key}` | {}{} | {} | {} | {} |\n",
                self.type_of(&p),
                if null { " or `null`" } else { "" },
                if required.contains(&key) { "yes" } else { "no" },
                show(v),
                cell(text)
            ));
        }
    }

    fn enum_table(&self, def: &str, out: &mut String) {
        out.push_str("| value | since | meaning |\n|---|---|---|\n");
        for (word, desc) in self.s.words(def) {
            let (v, text) = since_prefix(&desc);
            let v = v.unwrap_or((1, 0)).max(self.since[def]);
            out.push_str(&format!("| `{word}` | {} | {} |\n", show(v), cell(text)));
        }
    }

    /// The Markdown between a block's markers.
    fn render(&self, block: &str) -> String {
        let mut out = String::new();
        if block == VALUE_TYPES {
            out.push_str("| type | written in JSON as | meaning |\n|---|---|---|\n");
            let mut scalars: Vec<&String> = self
                .since
                .keys()
                .filter(|d| self.s.kind(d) == Kind::Scalar)
                .collect();
            scalars.sort();
            for d in scalars {
                let json = written_as(&self.s.defs[d.as_str()]);
                let word = SCALAR_ANCHORS
                    .iter()
                    .find(|(n, _, _)| n == d)
                    .map_or(d.to_string(), |(_, w, a)| format!("[{w}](#{a})"));
                out.push_str(&format!(
                    "| {word} | {} | {} |\n",
                    cell(&json),
                    cell(since_prefix(self.s.description(d)).1)
                ));
            }
            return out;
        }
        let mut first = true;
        let mut todo = vec![block.to_string()];
        let mut done = BTreeSet::new();
        while let Some(d) = todo.pop() {
            if !done.insert(d.clone()) {
                continue;
            }
            if !first {
                out.push_str(&format!("\n### {}\n\n", self.heading(&d)));
                let (_, desc) = since_prefix(self.s.description(&d));
                if !desc.is_empty() {
                    out.push_str(&format!("{}\n\n", cell(desc)));
                }
            }
            match self.s.kind(&d) {
                Kind::Object => self.object_table(&d, &mut out),
                Kind::Enum => self.enum_table(&d, &mut out),
                Kind::Scalar => {}
            }
            first = false;
            let mut next = Vec::new();
            for (_, p) in self.s.properties(&d, self.order) {
                for r in refs(&p) {
                    if self.home.get(&r).map(String::as_str) == Some(block)
                        && r != block
                        && !next.contains(&r)
                        && self.s.kind(&r) != Kind::Scalar
                    {
                        next.push(r);
                    }
                }
            }
            // Depth first, in the order of the keys: an object's nested tables follow it.
            todo.extend(next.into_iter().rev().filter(|r| !done.contains(r)));
        }
        out
    }
}

/// How a value type is written in JSON: its type and pattern, or its alternatives.
fn written_as(def: &Value) -> String {
    let Some(t) = json_type(def) else {
        let any = def.get("anyOf").and_then(Value::as_array);
        let ways: Vec<String> = any.into_iter().flatten().map(written_as).collect();
        return if ways.is_empty() {
            "any value".into()
        } else {
            ways.join(", or ")
        };
    };
    let t = if t == "object" {
        match def.get("properties").and_then(Value::as_object) {
            Some(p) => format!(
                "an object with {}",
                p.keys()
                    .map(|k| format!("`{k}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            None => "an object".into(),
        }
    } else {
        format!("a {t}")
    };
    match def.get("pattern").and_then(Value::as_str) {
        Some(pat) => format!("{t} matching `{pat}`"),
        None => t,
    }
}

/// A property's description, looking inside `anyOf` where schemars put it.
fn description(p: &Value) -> String {
    if let Some(d) = p.get("description").and_then(Value::as_str) {
        return d.to_string();
    }
    p.get("anyOf")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .find_map(|b| b.get("description").and_then(Value::as_str))
        .unwrap_or("")
        .to_string()
}

/// The document with every block regenerated from `schema`.
fn regenerate(
    doc: &str,
    schema: &Value,
    order: &dyn Fn(&str) -> Vec<String>,
) -> Result<String, String> {
    let s = Schema::new("Feed", schema);
    let bs = blocks(doc)?;
    let mut g = Gen::new(&s, order);
    g.place(&bs)?;
    // Each definition is rendered once, in its home block; a block renders only its own.
    let lines: Vec<&str> = doc.lines().collect();
    let mut out = String::new();
    let mut at = 0;
    for b in &bs {
        for l in &lines[at..=b.begin] {
            out.push_str(l);
            out.push('\n');
        }
        // Blank lines around the tables, so that no Markdown reader runs them into the markers.
        out.push('\n');
        out.push_str(&g.render(&b.name));
        out.push('\n');
        at = b.end;
    }
    for l in &lines[at..] {
        out.push_str(l);
        out.push('\n');
    }
    Ok(out)
}

fn keys_order(def: &str) -> Vec<String> {
    KEYS.iter()
        .find(|(d, _)| *d == def)
        .map(|(_, k)| k.iter().map(|k| k.to_string()).collect())
        .unwrap_or_default()
}

#[test]
fn the_feed_format_reference_has_the_tables_of_the_rust_types() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(DOC);
    let committed =
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {DOC}: {e}"));
    let fresh = regenerate(&committed, &schema(), &keys_order).unwrap_or_else(|e| panic!("{e}"));
    if committed == fresh {
        return;
    }
    if std::env::var(ENV).is_ok_and(|v| !v.is_empty() && v != "0") {
        std::fs::write(&path, &fresh).unwrap_or_else(|e| panic!("cannot write {DOC}: {e}"));
        eprintln!("{DOC}: field tables regenerated; review the difference before committing");
        return;
    }
    let first = committed
        .lines()
        .zip(fresh.lines())
        .position(|(a, b)| a != b)
        .unwrap_or_else(|| committed.lines().count().min(fresh.lines().count()));
    panic!(
        "{DOC}'s field tables are out of date with the Rust types in src/model/feed/.\n\
         Regenerate them with:\n\n    {ENV}=1 cargo test --test feed_format_doc\n\n\
         then write any prose the change needs, and review the difference before committing.\n\
         First difference at line {}:\n  committed: {:?}\n  generated: {:?}",
        first + 1,
        committed.lines().nth(first).unwrap_or("(end of file)"),
        fresh.lines().nth(first).unwrap_or("(end of file)"),
    );
}

// The generator on small schemas, for what today's types do not show (1.1 keys).

fn small_schema() -> Value {
    serde_json::json!({
        "type": "object",
        "required": ["items"],
        "properties": {
            "items": { "type": "array", "items": { "$ref": "#/$defs/Item" }, "description": "The items." },
            "extra": { "anyOf": [{ "$ref": "#/$defs/Extra" }, { "type": "null" }], "description": "(1.1) Something new | with a bar." }
        },
        "$defs": {
            "Item": {
                "type": "object", "description": "An item.", "required": ["id", "value"],
                "properties": {
                    "tags": { "type": ["array", "null"], "items": { "type": "string" }, "description": "Tags." },
                    "value": { "type": ["number", "null"], "description": "A figure." },
                    "id": { "type": "string", "minLength": 1, "description": "Unique." },
                    "state": { "$ref": "#/$defs/State", "description": "Where it stands." },
                    "score": { "anyOf": [{ "type": ["number", "null"], "minimum": 0, "maximum": 100, "description": "(1.1) Out of 100." }, { "type": "null" }] },
                    "when": { "anyOf": [{ "$ref": "#/$defs/Date" }, { "type": "null" }], "description": "When." },
                    "name": { "$ref": "#/$defs/Text", "description": "Its name." }
                }
            },
            "Extra": {
                "type": "object", "description": "Extra things.",
                "properties": { "note": { "type": ["string", "null"], "description": "A note." } }
            },
            "State": { "description": "A state.", "oneOf": [
                { "const": "open", "type": "string", "description": "Open." },
                { "const": "shut", "type": "string", "description": "(1.1) Shut." } ] },
            "Date": { "type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", "description": "A date." },
            "Text": { "description": "Plain or bilingual.", "anyOf": [ { "type": "string" },
                { "type": "object", "properties": { "en": { "type": "string" }, "cy": { "type": "string" } } } ] }
        }
    })
}

fn no_order(_: &str) -> Vec<String> {
    Vec::new()
}

#[test]
fn since_comes_from_a_version_prefix_and_a_new_objects_keys_inherit_it() {
    let doc = "# Doc\n\n## Top\n\n<!-- generated: Feed -->\n<!-- end generated -->\n\n## Types\n\n<!-- generated: value types -->\n<!-- end generated -->\n";
    let out = regenerate(doc, &small_schema(), &no_order).unwrap();
    // The top level: "(1.1) " read and dropped, `|` escaped, the nested object linked.
    assert!(
        out.contains("| `extra` | [object](#extra) | no | 1.1 | Something new \\| with a bar. |"),
        "{out}"
    );
    assert!(
        out.contains("| `items` | list of [object](#items) | yes | 1.0 | The items. |"),
        "{out}"
    );
    // A key of a 1.0 object with its own prefix; one of a 1.1 object without one.
    assert!(
        out.contains("| `score` | number, 0 to 100 | no | 1.1 | Out of 100. |"),
        "{out}"
    );
    assert!(
        out.contains("| `id` | string | yes | 1.0 | Unique. |"),
        "{out}"
    );
    assert!(
        out.contains("### `extra`\n\nExtra things.\n\n| key |"),
        "{out}"
    );
    assert!(
        out.contains("| `note` | string | no | 1.1 | A note. |"),
        "{out}"
    );
    // Words of a word list, and the list itself in the type column.
    assert!(out.contains("| `state` | `open`, `shut` ([meanings](#values-of-itemsstate)) | no | 1.0 | Where it stands. |"), "{out}");
    assert!(out.contains("### Values of `items[].state`\n\nA state.\n\n| value | since | meaning |\n|---|---|---|\n| `open` | 1.0 | Open. |\n| `shut` | 1.1 | Shut. |\n"), "{out}");
    assert!(
        out.contains("| `when` | [date](#dates) | no | 1.0 | When. |"),
        "{out}"
    );
    assert!(
        out.contains(
            "| [date](#dates) | a string matching `^[0-9]{4}-[0-9]{2}-[0-9]{2}$` | A date. |"
        ),
        "{out}"
    );
    assert!(
        out.contains(
            "| [text](#text) | a string, or an object with `cy`, `en` | Plain or bilingual. |"
        ),
        "{out}"
    );
    assert!(
        out.contains("| `name` | [text](#text) | no | 1.0 | Its name. |"),
        "{out}"
    );
    // Regenerating is stable, and what is outside the blocks is kept.
    assert_eq!(regenerate(&out, &small_schema(), &no_order).unwrap(), out);
    assert!(out.starts_with("# Doc\n\n## Top\n\n<!-- generated: Feed -->\n\n| key |"));
    assert!(out.contains(" |\n\n<!-- end generated -->\n"), "{out}");
}

#[test]
fn a_nested_object_with_a_block_of_its_own_is_documented_there_and_linked() {
    let doc = "## Top\n<!-- generated: Feed -->\n<!-- end generated -->\n## The items\n<!-- generated: Item -->\nold text\n<!-- end generated -->\n<!-- generated: value types -->\n<!-- end generated -->\n";
    let out = regenerate(doc, &small_schema(), &no_order).unwrap();
    assert!(
        out.contains("| `items` | list of [object](#the-items) |"),
        "{out}"
    );
    assert!(!out.contains("old text"));
    let item_block = out.split("## The items").nth(1).unwrap();
    assert!(item_block.contains("| `id` | string | yes | 1.0 | Unique. |"));
    assert!(item_block.contains("### Values of `items[].state`"));
    assert_eq!(out.matches("| `id` |").count(), 1);
}

#[test]
fn a_definition_documented_nowhere_or_a_block_for_nothing_fails() {
    let no_types = "<!-- generated: Feed -->\n<!-- end generated -->\n";
    let err = regenerate(no_types, &small_schema(), &no_order).unwrap_err();
    assert!(
        err.contains("documents nowhere [\"Date\", \"Text\"]"),
        "{err}"
    );
    let unknown = "<!-- generated: Feed -->\n<!-- end generated -->\n<!-- generated: value types -->\n<!-- end generated -->\n<!-- generated: Nothing -->\n<!-- end generated -->\n";
    let err = regenerate(unknown, &small_schema(), &no_order).unwrap_err();
    assert!(
        err.contains("\"Nothing\", which the schema does not define"),
        "{err}"
    );
    let unended = "<!-- generated: Feed -->\n";
    assert!(regenerate(unended, &small_schema(), &no_order)
        .unwrap_err()
        .contains("never ended"));
}

#[test]
fn every_object_of_the_real_schema_has_its_rows_in_the_validators_order() {
    let s = Schema::new("Feed", &schema());
    let action: Vec<String> = s
        .properties("Action", &keys_order)
        .into_iter()
        .map(|(k, _)| k)
        .collect();
    assert_eq!(&action[..4], ["id", "priority", "parent", "title"]);
}
