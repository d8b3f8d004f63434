//! References between items: each item's own id, references to other lists, and the one
//! rule that needs every action read (sub-actions that are their own ancestors).

use super::reader::*;
use super::*;
use crate::json::{Kind, Value as JsonValue};
use std::collections::{HashMap, HashSet};

impl Reader {
    /// The item's own `id`: required, and not used by an earlier item of `list`.
    pub(super) fn own_id(&mut self, o: &Obj, list: &str, noun: &str) -> Option<String> {
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
    pub(super) fn refers(
        &mut self,
        v: &JsonValue,
        at: At,
        list: &str,
        noun: &str,
        owner: &str,
    ) -> Option<String> {
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
    pub(super) fn refs(
        &mut self,
        o: &Obj,
        key: &str,
        list: &str,
        noun: &str,
        owner: &str,
    ) -> Vec<Id> {
        let Some((items, path)) = self.part(|rd| rd.array(o, key, "a list of ids [\"…\", \"…\"]"))
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
            let Some(id) = self.part(|rd| rd.refers(item, at, list, noun, owner)) else {
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

/// The JSON value at a simple path of keys and indexes, for locating cross-item problems.
pub(super) fn locate<'v>(root: &'v JsonValue<'v>, steps: &[Step]) -> Option<&'v JsonValue<'v>> {
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

pub(super) enum Step<'a> {
    Key(&'a str),
    Index(usize),
}

/// Where each item of a top-level list stands in the file: its index in the JSON list.
/// Items left out earlier are skipped, so valid items are matched to their JSON by id order.
pub(super) fn json_indexes(root: &JsonValue, list: &str) -> HashMap<String, Vec<usize>> {
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
pub(super) fn check_cycles(rd: &mut Reader, root: &JsonValue, feed: &mut Feed) {
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
            let i = rd
                .ids
                .get("actions")
                .and_then(|m| m.get(*id))
                .copied()
                .unwrap_or(0);
            let offset = actions_json
                .and_then(|a| locate(a, &[Step::Index(i), Step::Key("parent")]))
                .map_or(0, |v| v.offset);
            let path = format!("actions[{i}]");
            rd.part(|rd| {
                rd.error(
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
