//! The reader's state (view, filters, sort, page, opened actions, comparison date, opened
//! filter groups): its URL-fragment form, read within limits from any link, and the controls
//! (`data-act`) that change it.

use super::{Due, FilterKind, Filters, Index, Sort, View};
use crate::changes::Kind;
use crate::date::Date;
use crate::feed::{Area, Feed, Rag, Status};
use serde::Serialize;
use std::collections::HashSet;

/// Everything the reader has chosen: restored from and saved to the URL fragment.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct State {
    /// The view shown.
    pub view: View,
    /// The filters.
    pub filters: Filters,
    /// The order.
    pub sort: Sort,
    /// The page of the action list (0-based).
    pub page: usize,
    /// Actions opened to show their details.
    pub open: Vec<String>,
    /// (1.1) The comparison date the reader chose (`since=` in the URL); `None`: the default,
    /// the latest meeting before `as_of`.
    #[serde(serialize_with = "date_or_null")]
    pub since: Option<Date>,
    /// The filter panel's groups the reader has opened: a closed group's options are not
    /// built unless one is ticked.
    /// Neither in the URL nor in the `tracker-filter-change` event: like any `<details>`
    /// opened, they are how the page is looked at, not what it shows; they are forgotten
    /// when the reader leaves the actions view, as the groups' elements were.
    #[serde(skip)]
    pub groups: Vec<FilterKind>,
}

/// `YYYY-MM-DD`, or `null`.
fn date_or_null<S: serde::Serializer>(d: &Option<Date>, s: S) -> Result<S::Ok, S::Error> {
    match d {
        Some(d) => s.serialize_str(&d.to_string()),
        None => s.serialize_none(),
    }
}

/// The `data-act` that opens the actions view filtered by value `value` of filter `kind` only
/// (e.g. `go:priority:P1` from a priority's row on the overview).
pub fn go_act(kind: FilterKind, value: &str) -> String {
    format!("go:{}:{value}", kind.word())
}

/// The `data-act` that opens action `action` in the list filtered by finding `finding`: both
/// ids percent-encoded, so a `:` in either cannot move the split between them.
pub fn find_act(finding: &str, action: &str) -> String {
    format!("find:{}:{}", encode(finding), encode(action))
}

/// Percent-encodes a URL fragment value (letters, digits and `-_.~` kept).
pub fn encode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Decodes percent-encoding (and `+` as a space); bad escapes are kept as written.
pub fn decode(s: &str) -> String {
    let hex = |b: Option<&u8>| b.and_then(|&b| (b as char).to_digit(16)).map(|d| d as u8);
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match (b[i], hex(b.get(i + 1)), hex(b.get(i + 2))) {
            (b'%', Some(hi), Some(lo)) => {
                out.push(hi << 4 | lo);
                i += 3;
            }
            (b'+', _, _) => {
                out.push(b' ');
                i += 1;
            }
            (c, _, _) => {
                out.push(c);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

impl State {
    /// This tracker's state as `ns.key=value` pairs (only what differs from the default).
    pub fn to_pairs(&self, ns: &str) -> Vec<String> {
        let mut out = Vec::new();
        let mut put = |k: &str, vals: Vec<String>| {
            if !vals.is_empty() {
                let mut pair = format!("{ns}.{k}=");
                for (i, v) in vals.iter().enumerate() {
                    if i > 0 {
                        pair.push(',');
                    }
                    pair.push_str(&encode(v));
                }
                out.push(pair);
            }
        };
        if self.view != View::Overview {
            put("view", vec![self.view.word().into()]);
        }
        let f = &self.filters;
        for kind in FilterKind::ALL {
            put(kind.word(), f.words(kind));
        }
        if !f.search.is_empty() {
            put("q", vec![f.search.clone()]);
        }
        if self.sort != Sort::Number {
            put("sort", vec![self.sort.word().into()]);
        }
        if self.page > 0 {
            put("page", vec![(self.page + 1).to_string()]);
        }
        put("open", self.open.clone());
        if let Some(d) = self.since {
            put("since", vec![d.to_string()]);
        }
        out
    }

    /// The URL fragment with this tracker's pairs replaced and every other pair kept.
    pub fn fragment(&self, ns: &str, current: &str) -> String {
        let prefix = format!("{ns}.");
        let mut pairs: Vec<String> = current
            .trim_start_matches('#')
            .split('&')
            .filter(|p| !p.is_empty() && !p.starts_with(&prefix))
            .map(str::to_string)
            .collect();
        pairs.extend(self.to_pairs(ns));
        if pairs.is_empty() {
            String::new()
        } else {
            format!("#{}", pairs.join("&"))
        }
    }

    /// Reads this tracker's state from a URL fragment; unknown keys and words are ignored.
    /// `default_view` is the `view` attribute, used when the fragment names none.
    ///
    /// Anyone can send a resident a link, so the fragment is read within limits: only its
    /// first [`MAX_FRAGMENT`] bytes, at most [`MAX_VALUES`] values per key and a search of
    /// at most [`MAX_SEARCH`] characters. Values naming things in the feed (priorities, leads,
    /// findings, opened actions) are taken as written here; [`State::keep_known`] then drops
    /// those the loaded feed does not have.
    pub fn from_fragment(fragment: &str, ns: &str, default_view: View) -> State {
        State::parse(fragment, ns, default_view).0
    }

    /// [`State::from_fragment`], and whether a limit left something out.
    fn parse(fragment: &str, ns: &str, default_view: View) -> (State, bool) {
        let mut over = false;
        let mut s = State {
            view: default_view,
            ..State::default()
        };
        let prefix = format!("{ns}.");
        let fragment = fragment.trim_start_matches('#');
        let fragment = if fragment.len() > MAX_FRAGMENT {
            over = true;
            // Cut at the last pair boundary before the limit (a pair cut in two is not read).
            let mut end = MAX_FRAGMENT;
            while !fragment.is_char_boundary(end) {
                end -= 1;
            }
            let head = &fragment[..end];
            &head[..head.rfind('&').unwrap_or(0)]
        } else {
            fragment
        };
        for pair in fragment.split('&') {
            let Some((k, v)) = pair.strip_prefix(&prefix).and_then(|p| p.split_once('=')) else {
                continue;
            };
            let vals: Vec<String> = if k == "q" {
                let q = decode(v);
                over |= q.chars().nth(MAX_SEARCH).is_some();
                vec![q.chars().take(MAX_SEARCH).collect()]
            } else {
                let mut given = v.split(',').filter(|v| !v.is_empty());
                let vals: Vec<String> = given
                    .by_ref()
                    .take(MAX_VALUES)
                    .map(decode)
                    .filter(|v| !v.is_empty())
                    .collect();
                over |= given.next().is_some();
                vals
            };
            if let Some(kind) = FilterKind::from_word(k) {
                s.filters.read(kind, vals);
                continue;
            }
            match k {
                "view" => {
                    s.view = vals
                        .first()
                        .and_then(|v| View::from_word(v))
                        .unwrap_or(default_view)
                }
                "q" => s.filters.search = vals.concat(),
                "sort" => {
                    // The one order named exactly once.
                    s.sort = Sort::ALL
                        .into_iter()
                        .find(|o| vals.iter().filter(|v| *v == o.word()).count() == 1)
                        .unwrap_or_default()
                }
                "page" => {
                    s.page = vals
                        .first()
                        .and_then(|p| p.parse::<usize>().ok())
                        .map_or(0, |p| p.saturating_sub(1))
                }
                "open" => s.open = vals,
                "since" => s.since = vals.first().and_then(|v| Date::parse(v).ok()),
                _ => {}
            }
        }
        (s, over)
    }
}

impl State {
    /// Reads this tracker's state from a link's fragment for the loaded `feed` (`index` is
    /// the feed's): [`State::from_fragment`], then [`State::keep_known`]. The flag is true
    /// when the fragment's pairs for this tracker say more than the state kept (values the
    /// feed does not have, repeats, more than the limits), so the caller rewrites the URL
    /// without them.
    pub fn from_link(
        fragment: &str,
        ns: &str,
        default_view: View,
        feed: &Feed,
        index: &Index,
    ) -> (State, bool) {
        let (mut s, over) = State::parse(fragment, ns, default_view);
        let dropped = s.keep_known(feed, index);
        (s, over || dropped)
    }

    /// Drops every value the loaded `feed` cannot mean: a priority, finding or opened action
    /// whose id the feed does not have, a lead no action has (so a crafted link cannot make
    /// the council's page show words of its own as a filter), and repeats. (Words of the
    /// format, such as statuses, are read once each by [`State::from_fragment`].) `index` is the
    /// feed's. Returns true when something was dropped, so the caller rewrites the URL.
    pub fn keep_known(&mut self, feed: &Feed, index: &Index) -> bool {
        // `dyn`: one copy of the code for the four lists, in a widget whose size is budgeted.
        fn keep(list: &mut Vec<String>, known: &dyn Fn(&str) -> bool) -> bool {
            let before = list.len();
            let mut seen = HashSet::new();
            list.retain(|v| known(v) && seen.insert(v.clone()));
            list.len() != before
        }
        let f = &mut self.filters;
        let mut dropped = keep(&mut f.priority, &|p| feed.priority(p).is_some());
        dropped |= keep(&mut f.finding, &|x| feed.finding(x).is_some());
        dropped |= keep(&mut f.lead, &|l| index.count(FilterKind::Lead, l) > 0);
        dropped |= keep(&mut self.open, &|a| feed.action(a).is_some());
        dropped
    }
}

/// The most of a URL fragment read, in bytes: a reader's real choices take a few hundred.
pub const MAX_FRAGMENT: usize = 16 * 1024;
/// The most values read for one key of the fragment (e.g. `lead=a,b,c`).
pub const MAX_VALUES: usize = 100;
/// The longest search read from the fragment, in characters.
pub const MAX_SEARCH: usize = 200;

/// What a reader's action asks of the page besides re-rendering.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    /// Nothing changed.
    None,
    /// The state changed: add a history entry (a discrete choice).
    Push,
    /// The state changed: replace the history entry (typing, opening an action).
    Replace,
    /// Only what is not in the URL changed (a filter group opened or closed): re-render, and
    /// neither the URL nor the page is told.
    Render,
}

fn toggle<T: PartialEq>(list: &mut Vec<T>, v: T) {
    match list.iter().position(|x| *x == v) {
        Some(i) => {
            list.remove(i);
        }
        None => list.push(v),
    }
}

impl Filters {
    /// Adds (`on`) or removes one value of filter `kind`; unknown words are ignored.
    pub fn set(&mut self, kind: FilterKind, value: &str, on: Option<bool>) {
        fn change<T: PartialEq>(list: &mut Vec<T>, v: T, on: Option<bool>) {
            match on {
                None => toggle(list, v),
                Some(true) if !list.contains(&v) => list.push(v),
                Some(false) => list.retain(|x| *x != v),
                Some(true) => {}
            }
        }
        match kind {
            FilterKind::Priority => change(&mut self.priority, value.to_string(), on),
            FilterKind::Lead => change(&mut self.lead, value.to_string(), on),
            FilterKind::Finding => change(&mut self.finding, value.to_string(), on),
            FilterKind::Area => {
                if let Some(a) = Area::from_word(value) {
                    change(&mut self.area, a, on)
                }
            }
            FilterKind::Status => {
                if let Some(a) = Status::from_word(value) {
                    change(&mut self.status, a, on)
                }
            }
            FilterKind::Rag => {
                if let Some(a) = Rag::from_word(value) {
                    change(&mut self.rag, a, on)
                }
            }
            FilterKind::Due => {
                if let Some(d) = Due::from_word(value) {
                    change(&mut self.due, d, on)
                }
            }
            FilterKind::Changed => {
                if let Some(k) = Kind::from_word(value) {
                    change(&mut self.changed, k, on)
                }
            }
        }
    }

    /// Sets filter `kind` to the values a URL gives: words of the format each once, in the
    /// format's order; ids and leads as written ([`State::keep_known`] then checks them).
    fn read(&mut self, kind: FilterKind, vals: Vec<String>) {
        fn known<T: Copy>(all: &[T], word: fn(T) -> &'static str, vals: &[String]) -> Vec<T> {
            // A copy of `all` cut down rather than a filtered iterator collected: smaller, in
            // each of the four types it is made for.
            let mut kept = all.to_vec();
            kept.retain(|&x| vals.iter().any(|v| v == word(x)));
            kept
        }
        match kind {
            FilterKind::Priority => self.priority = vals,
            FilterKind::Area => self.area = known(Area::ALL, Area::word, &vals),
            FilterKind::Status => self.status = known(Status::ALL, Status::word, &vals),
            FilterKind::Rag => self.rag = known(Rag::ALL, Rag::word, &vals),
            FilterKind::Lead => self.lead = vals,
            FilterKind::Due => self.due = known(&Due::ALL, Due::word, &vals),
            FilterKind::Finding => self.finding = vals,
            FilterKind::Changed => {
                self.changed = vals.iter().filter_map(|v| Kind::from_word(v)).collect()
            }
        }
    }
}

impl State {
    /// Applies a control's `data-act` (e.g. `toggle:status:complete`, `search`, `page:2`),
    /// with the control's current value where it has one; `group:status` with `"open"` (or
    /// not) when the reader opens (or closes) a filter group.
    pub fn apply(&mut self, act: &str, value: Option<&str>) -> Effect {
        let before = self.clone();
        let (verb, rest) = act.split_once(':').unwrap_or((act, ""));
        let (kind, arg) = rest.split_once(':').unwrap_or((rest, ""));
        let filter = FilterKind::from_word(kind);
        let mut effect = Effect::Push;
        match verb {
            "view" => {
                if let Some(v) = View::from_word(rest) {
                    self.view = v;
                }
            }
            "toggle" => {
                if let Some(k) = filter {
                    self.filters.set(k, arg, None);
                }
                self.page = 0;
            }
            "remove" => {
                match filter {
                    Some(k) => self.filters.set(k, arg, Some(false)),
                    None if kind == "search" => self.filters.search.clear(),
                    None => {}
                }
                self.page = 0;
            }
            "clear" => {
                self.filters = Filters::default();
                self.page = 0;
            }
            "go" => {
                self.view = View::Actions;
                self.filters = Filters::default();
                if let Some(k) = filter {
                    self.filters.set(k, arg, Some(true));
                }
                self.page = 0;
            }
            "search" => {
                self.filters.search = value.unwrap_or_default().to_string();
                self.page = 0;
                effect = Effect::Replace;
            }
            "sort" => {
                if let Some(s) = Sort::ALL.into_iter().find(|s| Some(s.word()) == value) {
                    self.sort = s;
                    self.page = 0;
                }
            }
            "find" => {
                // An action answering a finding: the list filtered by the finding, the action
                // open. Both ids are percent-encoded (see `find_act`): an id may hold a `:`.
                self.view = View::Actions;
                self.filters = Filters::default();
                self.filters
                    .set(FilterKind::Finding, &decode(kind), Some(true));
                self.open = vec![decode(arg)];
                self.page = 0;
            }
            "since" => {
                // A meeting's date from the select, or a date typed in the date field (as
                // 2026-09-15 or 15/09/2026); empty goes back to the default, and text that is
                // not a date changes nothing.
                let v = value.unwrap_or_default().trim();
                if v.is_empty() {
                    self.since = None;
                } else if let Some(d) = typed_date(v) {
                    self.since = Some(d);
                }
                self.page = 0;
            }
            "page" => self.page = rest.parse().unwrap_or(0),
            "open" => {
                toggle(&mut self.open, rest.to_string());
                effect = Effect::Replace;
            }
            "group" => {
                // `group:status` with "open", or anything else for closed. Set, not
                // toggled: the caller knows which (the click on the summary asks for one, a
                // `toggle` event reports what the browser did).
                match (filter, value == Some("open")) {
                    (Some(k), true) if !self.groups.contains(&k) => self.groups.push(k),
                    (Some(k), false) => self.groups.retain(|&g| g != k),
                    _ => {}
                }
                effect = Effect::Render;
            }
            _ => return Effect::None,
        }
        if self.view != View::Actions {
            self.groups.clear();
        }
        if *self == before {
            Effect::None
        } else {
            effect
        }
    }
}

/// A date as a reader types it: `2026-09-15`, or day, month and year as UK readers write them
/// (`15/09/2026`, `15.9.2026`, `15-09-2026`).
pub fn typed_date(s: &str) -> Option<Date> {
    if let Ok(d) = Date::parse(s) {
        return Some(d);
    }
    let parts: Vec<&str> = s
        .split(['/', '.', '-', ' '])
        .filter(|p| !p.is_empty())
        .collect();
    let [d, m, y] = parts.as_slice() else {
        return None;
    };
    let num = |x: &str| {
        x.bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| x.parse::<i32>().ok())
            .flatten()
    };
    let (d, m, y) = (num(d)?, num(m)?, num(y)?);
    if y < 1000 || !(1..=31).contains(&d) || !(1..=12).contains(&m) {
        return None;
    }
    Date::new(y, m as u8, d as u8)
}
