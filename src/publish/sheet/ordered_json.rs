//! An ordered JSON value: import builds the feed as one, and writes its text with the keys in
//! the order the spec (`feed-v1.md`) lists them, so the JSON an officer gets reads like the
//! examples.

use super::cells::number_text;
use crate::validate;

#[derive(Debug, Clone, PartialEq)]
pub(super) enum J {
    Null,
    Bool(bool),
    Num(f64),
    Str(String),
    Arr(Vec<J>),
    Obj(Vec<(String, J)>),
}

impl J {
    pub(super) fn get(&self, key: &str) -> Option<&J> {
        match self {
            J::Obj(m) => m.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The member `key` of an object, added (as `empty`) if missing.
    pub(super) fn entry(&mut self, key: &str, empty: J) -> &mut J {
        if !matches!(self, J::Obj(_)) {
            *self = J::Obj(Vec::new());
        }
        let J::Obj(m) = self else {
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
    pub(super) fn set(&mut self, path: &[&str], v: J) {
        match path {
            [] => *self = v,
            [k, rest @ ..] => self.entry(k, J::Obj(Vec::new())).set(rest, v),
        }
    }

    /// Appends to the list `key` of an object; returns the new item's index.
    pub(super) fn push(&mut self, key: &str, v: J) -> usize {
        let list = self.entry(key, J::Arr(Vec::new()));
        if !matches!(list, J::Arr(_)) {
            *list = J::Arr(Vec::new());
        }
        match list {
            J::Arr(a) => {
                a.push(v);
                a.len() - 1
            }
            _ => 0,
        }
    }

    pub(super) fn item_mut(&mut self, list: &str, i: usize) -> Option<&mut J> {
        match self {
            J::Obj(m) => match m.iter_mut().find(|(k, _)| k == list) {
                Some((_, J::Arr(a))) => a.get_mut(i),
                _ => None,
            },
            _ => None,
        }
    }

    pub(super) fn len(&self, key: &str) -> usize {
        match self.get(key) {
            Some(J::Arr(a)) => a.len(),
            _ => 0,
        }
    }
}

/// Puts every object's keys in the order `feed-v1.md` lists them.
pub(super) fn order(j: &mut J, def: &str) {
    let keys = validate::KEYS
        .iter()
        .find(|(d, _)| *d == def)
        .map_or(&[][..], |(_, k)| *k);
    if let J::Obj(m) = j {
        m.sort_by_key(|(k, _)| {
            keys.iter()
                .position(|x| *x == k.as_str())
                .unwrap_or(usize::MAX)
        });
        for (k, v) in m.iter_mut() {
            let inner = nested_def(def, k);
            match v {
                J::Obj(_) => order(v, inner),
                J::Arr(items) => items.iter_mut().for_each(|i| order(i, inner)),
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

pub(super) fn write_json(j: &J, indent: usize, out: &mut String) {
    match j {
        J::Null => out.push_str("null"),
        J::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        J::Num(n) => out.push_str(&number_text(*n)),
        J::Str(s) => out.push_str(&serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into())),
        J::Arr(items) if items.is_empty() => out.push_str("[]"),
        J::Arr(items) if items.iter().all(|i| matches!(i, J::Str(_))) && items.len() <= 8 => {
            out.push('[');
            for (k, i) in items.iter().enumerate() {
                if k > 0 {
                    out.push_str(", ");
                }
                write_json(i, indent, out);
            }
            out.push(']');
        }
        J::Arr(items) => {
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
        J::Obj(m) if m.is_empty() => out.push_str("{}"),
        J::Obj(m) => {
            out.push('{');
            for (k, (key, v)) in m.iter().enumerate() {
                out.push_str(if k == 0 { "\n" } else { ",\n" });
                out.push_str(&" ".repeat(indent + 2));
                write_json(&J::Str(key.clone()), 0, out);
                out.push_str(": ");
                write_json(v, indent + 2, out);
            }
            out.push('\n');
            out.push_str(&" ".repeat(indent));
            out.push('}');
        }
    }
}
