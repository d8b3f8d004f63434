//! An ordered JSON value: import builds the feed as one, and writes its text with the keys in
//! the order the spec (`feed-v1.md`) lists them, so the JSON an officer gets reads like the
//! examples.

use super::cells::number_text;
use crate::validate;

/// A JSON value whose objects keep their keys in the order they were set (and then in the
/// spec's, by [`order`]); serde_json's would sort them.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum OrderedJson {
    Null,
    Bool(bool),
    Number(f64),
    String(String),
    Array(Vec<OrderedJson>),
    /// An object's members, in order.
    Object(Vec<(String, OrderedJson)>),
}

impl OrderedJson {
    pub(super) fn get(&self, key: &str) -> Option<&OrderedJson> {
        match self {
            OrderedJson::Object(m) => m.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The member `key` of an object, added (as `empty`) if missing.
    pub(super) fn entry(&mut self, key: &str, empty: OrderedJson) -> &mut OrderedJson {
        if !matches!(self, OrderedJson::Object(_)) {
            *self = OrderedJson::Object(Vec::new());
        }
        let OrderedJson::Object(m) = self else {
            unreachable!("made an object above")
        };
        let i = match m.iter().position(|(k, _)| k == key) {
            Some(i) => i,
            None => {
                m.push((key.to_string(), empty));
                m.len() - 1
            }
        };
        &mut m[i].1
    }

    /// Sets the value at a path of keys, making objects on the way.
    pub(super) fn set(&mut self, path: &[&str], v: OrderedJson) {
        match path {
            [] => *self = v,
            [k, rest @ ..] => self.entry(k, OrderedJson::Object(Vec::new())).set(rest, v),
        }
    }

    /// Appends to the list `key` of an object; returns the new item's index.
    pub(super) fn push(&mut self, key: &str, v: OrderedJson) -> usize {
        let list = self.entry(key, OrderedJson::Array(Vec::new()));
        if !matches!(list, OrderedJson::Array(_)) {
            *list = OrderedJson::Array(Vec::new());
        }
        match list {
            OrderedJson::Array(a) => {
                a.push(v);
                a.len() - 1
            }
            _ => 0,
        }
    }

    pub(super) fn item_mut(&mut self, list: &str, i: usize) -> Option<&mut OrderedJson> {
        match self {
            OrderedJson::Object(m) => match m.iter_mut().find(|(k, _)| k == list) {
                Some((_, OrderedJson::Array(a))) => a.get_mut(i),
                _ => None,
            },
            _ => None,
        }
    }

    pub(super) fn len(&self, key: &str) -> usize {
        match self.get(key) {
            Some(OrderedJson::Array(a)) => a.len(),
            _ => 0,
        }
    }
}

/// Puts every object's keys in the order `feed-v1.md` lists them.
pub(super) fn order(j: &mut OrderedJson, def: &str) {
    let keys = validate::KEYS
        .iter()
        .find(|(d, _)| *d == def)
        .map_or(&[][..], |(_, k)| *k);
    if let OrderedJson::Object(m) = j {
        m.sort_by_key(|(k, _)| {
            keys.iter()
                .position(|x| *x == k.as_str())
                .unwrap_or(usize::MAX)
        });
        for (k, v) in m.iter_mut() {
            let inner = nested_def(def, k);
            match v {
                OrderedJson::Object(_) => order(v, inner),
                OrderedJson::Array(items) => items.iter_mut().for_each(|i| order(i, inner)),
                _ => {}
            }
        }
    }
}

fn nested_def(def: &str, key: &str) -> &'static str {
    match (def, key) {
        ("Feed", "publisher") => "Publisher",
        ("Feed", "plan") => "Plan",
        ("Feed", "inspections") => "Inspection",
        ("Feed", "findings") => "Finding",
        ("Feed", "priorities") => "Priority",
        ("Feed", "actions") => "Action",
        ("Feed", "indicators") => "Indicator",
        ("Feed", "meetings") => "Meeting",
        ("Plan", "rag_definitions") => "RagDefinitions",
        ("Inspection", "judgements") => "Judgement",
        ("Action", "milestones") => "Milestone",
        ("Action", "updates") => "Update",
        ("Action", "evidence") => "Evidence",
        ("Indicator", "target") => "Target",
        ("Indicator", "comparators") => "Comparator",
        ("Indicator" | "Comparator", "values") => "Value",
        ("Value", "breakdown") => "Part",
        ("Meeting", "follow_ups") => "FollowUp",
        _ => "Text",
    }
}

pub(super) fn write_json(j: &OrderedJson, indent: usize, out: &mut String) {
    match j {
        OrderedJson::Null => out.push_str("null"),
        OrderedJson::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        OrderedJson::Number(n) => out.push_str(&number_text(*n)),
        OrderedJson::String(s) => {
            out.push_str(&serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into()))
        }
        OrderedJson::Array(items) if items.is_empty() => out.push_str("[]"),
        OrderedJson::Array(items)
            if items.iter().all(|i| matches!(i, OrderedJson::String(_))) && items.len() <= 8 =>
        {
            out.push('[');
            for (k, i) in items.iter().enumerate() {
                if k > 0 {
                    out.push_str(", ");
                }
                write_json(i, indent, out);
            }
            out.push(']');
        }
        OrderedJson::Array(items) => {
            out.push('[');
            for (k, i) in items.iter().enumerate() {
                out.push_str(if k == 0 { "\n" } else { ",\n" });
                out.push_str(&" ".repeat(indent + 2));
                write_json(i, indent + 2, out);
            }
            out.push('\n');
            out.push_str(&" ".repeat(indent));
            out.push(']');
        }
        OrderedJson::Object(m) if m.is_empty() => out.push_str("{}"),
        OrderedJson::Object(m) => {
            out.push('{');
            for (k, (key, v)) in m.iter().enumerate() {
                out.push_str(if k == 0 { "\n" } else { ",\n" });
                out.push_str(&" ".repeat(indent + 2));
                write_json(&OrderedJson::String(key.clone()), 0, out);
                out.push_str(": ");
                write_json(v, indent + 2, out);
            }
            out.push('\n');
            out.push_str(&" ".repeat(indent));
            out.push('}');
        }
    }
}
