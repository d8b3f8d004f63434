//! References between items: each item's own id, references to other lists, and the one
//! rule that needs every action read (sub-actions that are their own ancestors).

use super::reader::*;
use super::*;
use crate::json::{Document, Kind, Node};
use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;

/// A top-level list whose items have ids: its name in the feed and its place in [`Ids`].
#[derive(Clone, Copy)]
pub(super) struct List {
    pub(super) name: &'static str,
    index: usize,
}

pub(super) const INSPECTIONS: List = List {
    name: "inspections",
    index: 0,
};
pub(super) const FINDINGS: List = List {
    name: "findings",
    index: 1,
};
pub(super) const PRIORITIES: List = List {
    name: "priorities",
    index: 2,
};
pub(super) const ACTIONS: List = List {
    name: "actions",
    index: 3,
};
pub(super) const INDICATORS: List = List {
    name: "indicators",
    index: 4,
};
pub(super) const MEETINGS: List = List {
    name: "meetings",
    index: 5,
};

/// Every [`List`], in the order of the feed format (and of their places).
const LISTS: [List; 6] = [
    INSPECTIONS,
    FINDINGS,
    PRIORITIES,
    ACTIONS,
    INDICATORS,
    MEETINGS,
];

/// For each [`List`], every id written in it (as text, the item valid or not) and the index
/// of the first item with it. The ids are borrowed from the feed's text.
///
/// The maps keep std's SipHash rather than a faster multiply-and-rotate hash (FxHash): the
/// keys are the feed's own text, and with such a hash a feed can be written whose ids all
/// collide, making reading it quadratic. Measured, the faster hash would save 1.6% of the
/// instructions of reading the 1,000-action feed.
#[derive(Default)]
pub(super) struct Ids<'a>([HashMap<Cow<'a, str>, usize>; 6]);

impl<'a> Ids<'a> {
    fn of(&self, list: List) -> &HashMap<Cow<'a, str>, usize> {
        &self.0[list.index]
    }
}

/// Text seen so far, in [`seen_before`], each with the order it was first seen in (0 for the
/// first): [`seen_before`] tells a new key by its value, the map's length when it was added. A
/// map rather than a set, so that it shares its code with the maps of [`Ids`] (the
/// WebAssembly's size).
pub(super) type Seen<'a> = HashMap<Cow<'a, str>, usize>;

/// Adds `key` to `seen`: true when it was there already.
pub(super) fn seen_before<'a>(seen: &mut Seen<'a>, key: Cow<'a, str>) -> bool {
    let n = seen.len();
    *seen.entry(key).or_insert(n) != n
}

/// Where each id of each top-level list is first written: read before the items, so that a
/// reference resolves against every id in the file (a typo in one action does not cascade).
pub(super) fn index_ids<'a>(doc: &'a Document<'a>) -> Ids<'a> {
    let mut ids = Ids::default();
    for (list, map) in LISTS.iter().zip(&mut ids.0) {
        let Some(items) = doc.get(doc.root(), list.name) else {
            continue;
        };
        map.reserve(doc.len(items));
        for (i, item) in doc.items(items).enumerate() {
            if let Some(id) = doc.get(item, "id").and_then(|v| doc.str(v)) {
                map.entry(id).or_insert(i);
            }
        }
    }
    ids
}

/// The item that a reference is written in, for messages: `action "1.2"`. Written out only
/// when a message needs it.
#[derive(Clone, Copy)]
pub(super) struct Owner<'s> {
    /// "action", "finding", "priority".
    pub(super) noun: &'static str,
    /// The item's id, if it has a good one.
    pub(super) id: Option<&'s str>,
}

impl fmt::Display for Owner<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.noun, quote(self.id.unwrap_or("")))
    }
}

/// A list of references this long or longer finds its repeats with a hash set; shorter ones
/// (nearly all: an action names two or three findings) look through what they have kept.
const SHORT_LIST: usize = 16;

impl<'a> Reader<'a> {
    /// The item's own `id`: required, and not used by an earlier item of `list`.
    pub(super) fn own_id(&mut self, o: &Obj, list: List, noun: &str) -> Option<String> {
        let id = self.req(o, "id", noun, Self::id)?;
        let first = self.ids.of(list).get(id.as_str()).copied();
        if let (Some(first), Some(v)) = (first, o.get("id")) {
            if first != self.index {
                self.error(
                    Rule::DuplicateId,
                    o.at("id", v),
                    format!(
                        "id {} is already used by {}[{first}]; each {noun} needs its own id",
                        quote(&id),
                        list.name
                    ),
                );
            }
        }
        Some(id)
    }

    /// A reference from `owner` to an id of `list`: the id, borrowed from the feed's text.
    fn resolve(
        &mut self,
        v: Node,
        at: At,
        list: List,
        noun: &str,
        owner: Owner,
    ) -> Option<Cow<'a, str>> {
        let id = self.reference(v, at)?;
        if self.ids.of(list).contains_key(&id) {
            Some(id)
        } else {
            self.error(
                Rule::Reference,
                at,
                format!(
                    "{owner} refers to {noun} {}, but there is no {noun} with that id in \"{}\"",
                    quote(&id),
                    list.name
                ),
            );
            None
        }
    }

    /// An optional reference (key `key` of `o`) from `owner` (e.g. `action "1.2"`) to an id of
    /// `list`; a bad one is left out and its item kept.
    pub(super) fn refers(
        &mut self,
        o: &Obj,
        key: &str,
        list: List,
        noun: &str,
        owner: Owner,
    ) -> Option<String> {
        self.opt(o, key, |rd, v, at| {
            rd.resolve(v, at, list, noun, owner).map(Cow::into_owned)
        })
    }

    /// A list of references from `owner` to ids of `list`; a bad one is left out alone.
    /// An id named again is left out (one warning for the list): counted twice, a finding
    /// named twice by a priority would count each of its actions twice, and a list naming one
    /// id a million times would make every view that follows it do a million times the work.
    pub(super) fn refs(
        &mut self,
        o: &Obj,
        key: &str,
        list: List,
        noun: &str,
        owner: Owner,
    ) -> Vec<Id> {
        let Some(items) = self.array(o, key, "a list of ids [\"…\", \"…\"]") else {
            return Vec::new();
        };
        let doc = self.doc;
        let mut kept: Vec<Cow<'a, str>> = Vec::with_capacity(doc.len(items));
        let mut seen: Option<Seen<'a>> = None;
        let mut repeats = 0;
        let mut first_repeat: Option<(Node, Cow<'a, str>)> = None;
        for item in doc.items(items) {
            let at = At {
                base: item,
                key: "",
                offset: doc.offset(item),
            };
            let Some(id) = self.part(|rd| rd.resolve(item, at, list, noun, owner)) else {
                continue;
            };
            let repeat = if kept.len() < SHORT_LIST {
                kept.contains(&id)
            } else {
                let seen = seen.get_or_insert_with(|| {
                    let mut seen = Seen::new();
                    for k in &kept {
                        seen_before(&mut seen, k.clone());
                    }
                    seen
                });
                seen_before(seen, id.clone())
            };
            if repeat {
                repeats += 1;
                first_repeat.get_or_insert((item, id));
            } else {
                kept.push(id);
            }
        }
        if let Some((item, id)) = first_repeat {
            let more = if repeats > 1 {
                format!(" (and {} more repeats in this list)", repeats - 1)
            } else {
                String::new()
            };
            let at = At {
                base: item,
                key: "",
                offset: doc.offset(item),
            };
            self.warn(
                Rule::Suspicious,
                at,
                format!("{owner} names {noun} {} more than once in \"{key}\"{more}; each {noun} is counted once", quote(&id)),
            );
        }
        kept.into_iter().map(Cow::into_owned).collect()
    }
}

/// Sub-actions that are their own ancestors: the one rule that needs every action read (and
/// the feed's lookups by id made). Each action in a cycle is reported at its `parent`, which
/// is left out: the actions are still shown, as actions of no parent.
pub(super) fn check_cycles(rd: &mut Reader, feed: &mut Feed) {
    // Each action's parent among the actions kept (a parent left out ends the chain).
    let parent: Vec<Option<usize>> = feed
        .actions
        .iter()
        .map(|a| a.parent.as_deref().and_then(|p| feed.action_index(p)))
        .collect();
    // Walk each chain of parents once: every action is visited a bounded number of times, so
    // a chain or circle of thousands of sub-actions is checked in linear time.
    // How far the walk has got with each action: not reached, on the chain being walked, or
    // done with.
    #[derive(Clone, Copy, PartialEq)]
    enum Visit {
        Not,
        OnPath,
        Done,
    }
    let mut visit = vec![Visit::Not; feed.actions.len()];
    let mut cycles: Vec<Vec<usize>> = Vec::new();
    let mut path: Vec<usize> = Vec::new();
    for a in 0..feed.actions.len() {
        path.clear();
        let mut cur = Some(a);
        while let Some(i) = cur {
            match visit[i] {
                Visit::Done => break,
                Visit::OnPath => {
                    let start = path.iter().position(|p| *p == i).unwrap_or(0);
                    cycles.push(path[start..].to_vec());
                    break;
                }
                Visit::Not => {
                    visit[i] = Visit::OnPath;
                    path.push(i);
                    cur = parent[i];
                }
            }
        }
        for &i in &path {
            visit[i] = Visit::Done;
        }
    }
    if cycles.is_empty() {
        return;
    }
    report_cycles(rd, feed, &cycles);
    // Ids are unique among the actions kept (own_id drops one whose id is repeated), so the
    // places the walk found by id are those actions: clearing the parents by place clears the
    // same actions as clearing them by id would.
    for &k in cycles.iter().flatten() {
        feed.actions[k].parent = None;
    }
}

/// Reports each action of each circle (the places of its actions in `feed.actions`) at its
/// `parent`.
fn report_cycles(rd: &mut Reader, feed: &Feed, cycles: &[Vec<usize>]) {
    let doc = rd.doc;
    // Found once: the root may have a million keys, and a circle thousands of actions.
    let actions_json: Vec<Node> = doc
        .get(doc.root(), ACTIONS.name)
        .map(|a| doc.items(a).collect())
        .unwrap_or_default();
    let id = |action: usize| feed.actions[action].id.as_str();
    for cycle in cycles {
        for (k, &action) in cycle.iter().enumerate() {
            // Name the circle from this action, shortened when long: "a" → "b" → … → "a".
            let n = cycle.len();
            let mut names: Vec<String> = (0..n.min(6))
                .map(|j| quote(id(cycle[(k + j) % n])))
                .collect();
            if n > 6 {
                names.push(format!("… {} more", n - 6));
            }
            names.push(quote(id(action)));
            let circle = names.join(" → ");
            let i = rd.ids.of(ACTIONS).get(id(action)).copied().unwrap_or(0);
            let offset = actions_json
                .get(i)
                .filter(|&&a| doc.kind(a) == Kind::Object)
                .and_then(|&a| doc.get(a, "parent"))
                .map_or(0, |v| doc.offset(v));
            let path = format!("actions[{i}].parent");
            let at = At {
                base: doc.root(),
                key: &path,
                offset,
            };
            rd.part(|rd| {
                rd.error(
                    Rule::Cycle,
                    at,
                    format!("sub-actions go round in a circle ({circle}); an action cannot be a sub-action of itself"),
                );
                Some(())
            });
        }
    }
}
