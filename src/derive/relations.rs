//! Which actions answer which inspection findings: the one place for the rule.
//!
//! An action answers a finding when it names the finding itself (`actions[].findings`) or when
//! its priority names it (`priorities[].findings`). The summary's `with_actions`, the finding
//! filter, the findings view and an action's details all ask this, and all ask it here.
//!
//! A priority may name thousands of findings and have thousands of actions (a 360 KB feed), so
//! the pairs are never made: an action's own findings are kept apart from its priority's, and a
//! finding's answering actions are counted priority by priority.

use crate::feed::{Action, Feed};
use std::collections::{HashMap, HashSet};

/// The findings `a` answers through its priority (none when it has no priority the feed has).
pub fn via_priority<'f>(feed: &'f Feed, a: &Action) -> Option<&'f HashSet<String>> {
    a.priority
        .as_deref()
        .and_then(|p| feed.findings_of_priority(p))
}

/// The findings `a` names itself that its priority does not name, each once, in its order.
pub fn own_findings<'a>(feed: &'a Feed, a: &'a Action) -> impl Iterator<Item = &'a str> + 'a {
    let via = via_priority(feed, a);
    let mut seen = HashSet::new();
    a.findings
        .iter()
        .map(String::as_str)
        .filter(move |f| !via.is_some_and(|v| v.contains(*f)) && seen.insert(*f))
}

/// Whether `a` answers finding `id`, itself or through its priority.
pub fn answers(feed: &Feed, a: &Action, id: &str) -> bool {
    a.findings.iter().any(|f| f == id) || via_priority(feed, a).is_some_and(|v| v.contains(id))
}

/// Who answers each finding of a feed, worked out once: the actions that name it themselves
/// (not through their priority) and the priorities that name it.
pub struct Answerers<'f> {
    feed: &'f Feed,
    /// By finding id: the actions naming it themselves, by their place in `actions`, in order.
    own: HashMap<&'f str, Vec<usize>>,
    /// By finding id: the priorities naming it, by their place in `priorities`.
    naming: HashMap<&'f str, Vec<usize>>,
}

impl<'f> Answerers<'f> {
    /// Who answers each finding of `feed`.
    pub fn of(feed: &'f Feed) -> Answerers<'f> {
        let mut own: HashMap<&str, Vec<usize>> = HashMap::new();
        for (i, a) in feed.actions.iter().enumerate() {
            for f in own_findings(feed, a) {
                own.entry(f).or_default().push(i);
            }
        }
        let mut naming: HashMap<&str, Vec<usize>> = HashMap::new();
        for k in 0..feed.priorities.len() {
            for f in feed.findings_of_priority_at(k) {
                naming.entry(f.as_str()).or_default().push(k);
            }
        }
        Answerers { feed, own, naming }
    }

    /// The actions that name finding `id` themselves, by their place in `actions`.
    pub fn own(&self, id: &str) -> &[usize] {
        self.own.get(id).map_or(&[], Vec::as_slice)
    }

    /// The priorities that name finding `id`, by their place in `priorities`; every action of
    /// each answers it.
    pub fn priorities(&self, id: &str) -> &[usize] {
        self.naming.get(id).map_or(&[], Vec::as_slice)
    }

    /// Whether any action answers finding `id`.
    pub fn is_answered(&self, id: &str) -> bool {
        !self.own(id).is_empty()
            || self.priorities(id).iter().any(|&k| {
                !self
                    .feed
                    .action_indexes_in(&self.feed.priorities[k].id)
                    .is_empty()
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::check;

    const FEED: &str = r#"{"schema_version": "1.0", "publisher": {"name": "N"}, "as_of": "2026-10-31",
      "plan": {"title": "P"},
      "findings": [{"id": "F1", "kind": "area_for_improvement", "text": "a"},
                   {"id": "F2", "kind": "area_for_improvement", "text": "b"},
                   {"id": "F3", "kind": "area_for_improvement", "text": "c"},
                   {"id": "F4", "kind": "area_for_improvement", "text": "d"}],
      "priorities": [{"id": "P1", "title": "p", "findings": ["F1"]},
                     {"id": "P2", "title": "q", "findings": ["F4"]}],
      "actions": [{"id": "1", "title": "t", "status": "in_progress", "priority": "P1", "findings": ["F1", "F2"]},
                  {"id": "2", "title": "t", "status": "in_progress", "findings": ["F2"]}]}"#;

    #[test]
    fn an_action_answers_its_own_findings_and_its_prioritys() {
        let feed = check(FEED.as_bytes()).feed.unwrap();
        let a = &feed.actions[0];
        assert!(answers(&feed, a, "F1") && answers(&feed, a, "F2"));
        assert!(!answers(&feed, a, "F3") && !answers(&feed, a, "F4"));
        // F1 is its priority's, so it is not among its own.
        assert_eq!(own_findings(&feed, a).collect::<Vec<_>>(), ["F2"]);
        assert_eq!(via_priority(&feed, a).map(HashSet::len), Some(1));
        assert!(via_priority(&feed, &feed.actions[1]).is_none());
    }

    #[test]
    fn each_finding_knows_who_answers_it() {
        let feed = check(FEED.as_bytes()).feed.unwrap();
        let who = Answerers::of(&feed);
        assert_eq!(who.own("F1"), [] as [usize; 0]);
        assert_eq!(who.priorities("F1"), [0]);
        assert_eq!(who.own("F2"), [0, 1]);
        assert!(who.is_answered("F1") && who.is_answered("F2"));
        // F3 is named by nobody; F4 by a priority with no actions.
        assert!(!who.is_answered("F3") && !who.is_answered("F4"));
    }
}
