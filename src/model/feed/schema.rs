//! The published JSON Schema, generated from the feed's types: the hand-written schemas of
//! the types whose JSON form is a string with a pattern (text, dates, periods, addresses), and
//! `schema()` itself.

use super::*;
use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
use std::borrow::Cow;

impl JsonSchema for Text {
    fn schema_name() -> Cow<'static, str> {
        "Text".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "Plain text (never HTML): a string, or {\"en\": \"…\", \"cy\": \"…\"} with at least one language.",
            "anyOf": [
                { "type": "string" },
                {
                    "type": "object",
                    "properties": { "en": { "type": "string" }, "cy": { "type": "string" } },
                    "anyOf": [ { "required": ["en"] }, { "required": ["cy"] } ]
                }
            ]
        })
    }
}

impl JsonSchema for Date {
    fn schema_name() -> Cow<'static, str> {
        "Date".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A real calendar date, YYYY-MM-DD, or (1.1) a whole month, YYYY-MM, which stands for its last day.",
            "anyOf": [
                { "type": "string", "format": "date", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$" },
                { "type": "string", "pattern": "^[0-9]{4}-[0-9]{2}$" }
            ]
        })
    }
}

/// The schema of the date fields that must be a whole day (`as_of`, `published`,
/// `meetings[].date`): they are [`Date`]s in Rust, but never a month alone.
pub(super) struct Day;

impl JsonSchema for Day {
    fn schema_name() -> Cow<'static, str> {
        "Day".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A real calendar date, YYYY-MM-DD (a month alone is not enough here).",
            "type": "string",
            "format": "date",
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
        })
    }
}

impl JsonSchema for Period {
    fn schema_name() -> Cow<'static, str> {
        "Period".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A day (YYYY-MM-DD), month (YYYY-MM), calendar quarter (YYYY-Qn) or UK financial year (YYYY/YY).",
            "type": "string",
            "pattern": "^[0-9]{4}(-[0-9]{2}-[0-9]{2}|-[0-9]{2}|-Q[1-4]|/[0-9]{2})$"
        })
    }
}

impl JsonSchema for Url {
    fn schema_name() -> Cow<'static, str> {
        "Url".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "An absolute https: or http: address.",
            "type": "string",
            "pattern": "^[Hh][Tt][Tt][Pp][Ss]?://[^\\s/?#]+"
        })
    }
}

/// The JSON Schema (draft 2020-12) of feed v1, generated from these types.
pub fn schema() -> serde_json::Value {
    let mut s = schemars::generate::SchemaSettings::draft2020_12()
        .into_generator()
        .into_root_schema_for::<Feed>();
    s.insert(
        "$id".into(),
        "https://action-plan-tracker.github.io/schema/feed-v1.json".into(),
    );
    let mut v = s.to_value();
    // `value` must be written, as a number or (suppressed) null: required yet nullable.
    for def in ["Value", "Part"] {
        if let Some(req) = v
            .pointer_mut(&format!("/$defs/{def}/required"))
            .and_then(serde_json::Value::as_array_mut)
        {
            req.push("value".into());
        }
    }
    allow_null_for_optional(&mut v);
    v
}

/// The feed treats `null` as "not given" for every optional key (spreadsheet exports write
/// nulls for empty cells), so the schema says so too: each property that is not required
/// also accepts `null`.
fn allow_null_for_optional(schema: &mut serde_json::Value) {
    use serde_json::{json, Value as V};
    fn visit(o: &mut V) {
        let required: Vec<String> = o
            .get("required")
            .and_then(V::as_array)
            .map(|r| {
                r.iter()
                    .filter_map(|x| x.as_str().map(String::from))
                    .collect()
            })
            .unwrap_or_default();
        if let Some(props) = o.get_mut("properties").and_then(V::as_object_mut) {
            for (name, p) in props.iter_mut() {
                if required.contains(name) {
                    continue;
                }
                let nullable = p
                    .get("anyOf")
                    .and_then(V::as_array)
                    .is_some_and(|a| a.iter().any(|x| x.get("type") == Some(&json!("null"))))
                    || p.get("type") == Some(&json!("null"));
                if nullable {
                    continue;
                }
                match p.get("type").cloned() {
                    Some(V::String(t)) => p["type"] = json!([t, "null"]),
                    _ => {
                        let inner = p.take();
                        *p = json!({ "anyOf": [inner, { "type": "null" }] });
                    }
                }
            }
        }
        if let Some(any) = o.get_mut("anyOf").and_then(V::as_array_mut) {
            any.iter_mut().for_each(visit);
        }
        if let Some(defs) = o.get_mut("$defs").and_then(V::as_object_mut) {
            defs.values_mut().for_each(visit);
        }
    }
    visit(schema);
}
