//! The views, checked natively: each bundled example's view trees (overview, actions with the
//! filter panel and an opened action, findings, indicators, the changes since the last
//! meeting, the compact card, the header's notices, the loading and error states) in English
//! and Welsh, without a browser. The browser tests then
//! only need to check what the browser adds (the DOM, events, the URL, layout, axe).
//!
//! Every figure asserted here is worked out by the test from the feed itself, not read from
//! the summary or the views, so a view that miscounts fails.

use action_plan_tracker::feed::{Feed, Status};
use action_plan_tracker::filter::{FilterKind, Filters, Index, State, View};
use action_plan_tracker::i18n;
use action_plan_tracker::lang::Lang;
use action_plan_tracker::markup::{Element, Node};
use action_plan_tracker::summary::Summary;
use action_plan_tracker::validate::{check, Report};
use action_plan_tracker::view::{self, Ctx, PAGE_SIZE};
use std::path::PathBuf;

fn examples() -> Vec<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("www/examples");
    let mut out: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("www/examples")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    out.sort();
    assert!(out.len() >= 3, "the bundled examples");
    out
}

struct Loaded {
    report: Report,
    summary: Summary,
}

impl Loaded {
    fn of(path: &PathBuf) -> Loaded {
        Loaded::from_bytes(&std::fs::read(path).expect("readable example"))
    }

    fn from_bytes(bytes: &[u8]) -> Loaded {
        let report = check(bytes);
        let summary = Summary::of_report(&report).expect("a summary");
        Loaded { report, summary }
    }

    fn feed(&self) -> &Feed {
        self.report.feed.as_ref().expect("a feed")
    }

    fn cx(&self, lang: Lang) -> Ctx<'_> {
        Ctx {
            feed: self.feed(),
            summary: &self.summary,
            problems: &self.report.problems,
            lang,
            today: None,
            print: false,
            ns: "t",
        }
    }

    fn example(name: &str) -> Loaded {
        Loaded::of(&PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(name))
    }
}

/// Every element of `e`'s tree, depth first, `e` included.
fn all(e: &Element) -> Vec<&Element> {
    let mut out = vec![e];
    for c in &e.children {
        if let Node::El(c) = c {
            out.extend(all(c));
        }
    }
    out
}

fn has_class(e: &Element, class: &str) -> bool {
    e.get("class")
        .is_some_and(|c| c.split_whitespace().any(|x| x == class))
}

fn by_class<'a>(e: &'a Element, class: &str) -> Vec<&'a Element> {
    all(e).into_iter().filter(|x| has_class(x, class)).collect()
}

fn text(e: &Element) -> String {
    Node::El(e.clone()).text_content()
}

fn headings(e: &Element) -> Vec<String> {
    all(e)
        .into_iter()
        .filter(|x| matches!(x.tag, "h2" | "h3" | "h4"))
        .map(text)
        .collect()
}

fn widget(l: &Loaded, lang: Lang, state: &State) -> Element {
    let index = Index::new(l.feed());
    view::widget(&l.cx(lang), state, &index)
}

fn state(view: View, filters: Filters) -> State {
    State {
        view,
        filters,
        ..State::default()
    }
}

#[test]
fn the_overview_names_the_plan_and_counts_what_the_feed_holds() {
    for path in examples() {
        let l = Loaded::of(&path);
        let feed = l.feed();
        for lang in [Lang::En, Lang::Cy] {
            let tree = widget(&l, lang, &state(View::Overview, Filters::default()));
            let heads = headings(&tree);
            let title = feed.plan.title.show(lang);
            assert!(
                heads.iter().any(|h| h.contains(title)),
                "{}: the plan's title {title:?} is a heading: {heads:?}",
                path.display()
            );
            let all_text = text(&tree);
            let complete = feed
                .actions
                .iter()
                .filter(|a| a.status == Status::Complete)
                .count();
            assert!(
                all_text.contains(&complete.to_string()),
                "{}: the number complete ({complete}) is on the overview",
                path.display()
            );
            // The tabs name the four views, the overview chosen.
            let tabs = by_class(&tree, "apt-tabs__tab");
            assert_eq!(tabs.len(), 4, "{}: four tabs", path.display());
            let current: Vec<&&Element> = tabs
                .iter()
                .filter(|t| {
                    t.get("aria-current").is_some() || t.get("aria-selected") == Some("true")
                })
                .collect();
            assert_eq!(current.len(), 1, "{}: one tab is current", path.display());
        }
    }
}

#[test]
fn the_actions_view_lists_one_page_of_top_level_actions_and_counts_them_all() {
    for path in examples() {
        let l = Loaded::of(&path);
        let feed = l.feed();
        let tree = widget(&l, Lang::En, &state(View::Actions, Filters::default()));
        let count = by_class(&tree, "apt-count");
        assert_eq!(count.len(), 1, "{}: one count", path.display());
        let n = feed.actions.len();
        let want = if n == 1 {
            "1 action matches".to_string()
        } else {
            format!("{n} actions match")
        };
        assert_eq!(text(count[0]), want, "{}", path.display());
        // Top-level items on the first page: actions with no parent in the feed, up to a page.
        let top = feed
            .actions
            .iter()
            .filter(|a| a.parent.as_deref().and_then(|p| feed.action(p)).is_none())
            .count();
        let list = by_class(&tree, "apt-actions");
        assert!(!list.is_empty(), "{}: a list", path.display());
        let items = list[0]
            .children
            .iter()
            .filter(|c| matches!(c, Node::El(e) if has_class(e, "apt-action")))
            .count();
        assert_eq!(items, top.min(PAGE_SIZE), "{}: first page", path.display());
        // No filter chosen: no chips.
        assert!(by_class(&tree, "apt-chip").is_empty());
    }
}

#[test]
fn a_status_filter_lists_only_those_actions_and_shows_its_chip() {
    for path in examples() {
        let l = Loaded::of(&path);
        let feed = l.feed();
        let filters = Filters {
            status: vec![Status::Complete],
            ..Filters::default()
        };
        for lang in [Lang::En, Lang::Cy] {
            let tree = widget(&l, lang, &state(View::Actions, filters.clone()));
            let complete = feed
                .actions
                .iter()
                .filter(|a| a.status == Status::Complete)
                .count();
            let count = text(by_class(&tree, "apt-count")[0]);
            assert!(
                count.starts_with(&complete.to_string())
                    || (complete == 0 && count.starts_with("Dim")),
                "{}: {count:?} counts {complete}",
                path.display()
            );
            let chips = by_class(&tree, "apt-chip");
            assert_eq!(chips.len(), 1, "{}: one chip", path.display());
            let word = if lang == Lang::En {
                "Complete"
            } else {
                "Cwblhawyd"
            };
            assert!(text(chips[0]).contains(word), "{}", text(chips[0]));
            // Every listed action is complete (its id is in the feed with that status).
            for item in by_class(&tree, "apt-action") {
                let id = item.get("data-id").expect("data-id");
                let a = feed.action(id).expect("a listed action is in the feed");
                let child_of_match = a.parent.as_deref().and_then(|p| feed.action(p)).is_some();
                assert!(
                    a.status == Status::Complete || child_of_match,
                    "{}: {id} listed under status=complete",
                    path.display()
                );
            }
        }
    }
}

#[test]
fn the_findings_view_shows_every_finding_once() {
    for path in examples() {
        let l = Loaded::of(&path);
        let feed = l.feed();
        let tree = widget(&l, Lang::En, &state(View::Findings, Filters::default()));
        let body = text(&tree);
        for f in &feed.findings {
            let words = f.text.show(Lang::En);
            assert_eq!(
                body.matches(words).count(),
                1,
                "{}: finding {} shown once",
                path.display(),
                f.id
            );
        }
    }
}

#[test]
fn a_finding_answered_only_by_withdrawn_actions_links_to_them_whatever_their_ids() {
    // Ids with a `:` and a `%`: the link's act must carry both ids encoded, or the finding
    // "F:1" with action "A%2" would open action "1:A%2" under finding "F".
    let text = r#"{"schema_version": "1.0", "publisher": {"name": "Council"}, "as_of": "2026-10-31",
        "plan": {"title": "Plan"},
        "findings": [{"id": "F:1", "kind": "area_for_improvement", "text": "Supervision"}],
        "actions": [{"id": "A%2", "title": "Audit", "status": "withdrawn", "findings": ["F:1"]}]}"#;
    let l = Loaded::from_bytes(text.as_bytes());
    assert_eq!(l.report.errors(), 0, "{:?}", l.report.problems);
    let tree = widget(&l, Lang::En, &state(View::Findings, Filters::default()));
    let acts: Vec<&str> = all(&tree)
        .into_iter()
        .filter_map(|e| e.attrs.iter().find(|(k, _)| *k == "data-act"))
        .map(|(_, v)| v.as_str())
        .filter(|v| v.starts_with("find:"))
        .collect();
    assert_eq!(acts, ["find:F%3A1:A%252"]);
    let mut s = State::default();
    s.apply(acts[0], None);
    assert_eq!(s.filters.finding, ["F:1"]);
    assert_eq!(s.open, ["A%2"]);
}

#[test]
fn a_changed_filter_on_a_plan_with_no_meeting_yet_says_what_it_is() {
    // A link's `changed=new` on a plan with no meeting to compare with: no action matches,
    // and the chip names the filter (it used to say "Search").
    let feed = r#"{"schema_version": "1.1", "publisher": {"name": "Council"}, "as_of": "2026-10-31",
        "plan": {"title": "Plan"},
        "actions": [{"id": "1", "title": "Audit", "status": "in_progress"}]}"#;
    let l = Loaded::from_bytes(feed.as_bytes());
    let filters = Filters {
        changed: vec![action_plan_tracker::changes::Kind::New],
        ..Filters::default()
    };
    for (lang, word) in [(Lang::En, "Changed"), (Lang::Cy, "Wedi newid")] {
        let tree = widget(&l, lang, &state(View::Actions, filters.clone()));
        let chips: Vec<String> = by_class(&tree, "apt-chip").into_iter().map(text).collect();
        assert_eq!(chips.len(), 1, "{chips:?}");
        assert!(chips[0].starts_with(&format!("✕ {word}: ")), "{chips:?}");
    }
}

#[test]
fn the_indicators_view_names_every_indicator() {
    for path in examples() {
        let l = Loaded::of(&path);
        let feed = l.feed();
        for lang in [Lang::En, Lang::Cy] {
            let tree = widget(&l, lang, &state(View::Indicators, Filters::default()));
            let heads = headings(&tree).join("\n");
            for i in &feed.indicators {
                let name = i.name.show(lang);
                assert!(
                    heads.contains(name),
                    "{}: {name:?} is a heading",
                    path.display()
                );
            }
        }
    }
}

#[test]
fn every_link_in_every_view_is_http_or_a_fragment() {
    for path in examples() {
        let l = Loaded::of(&path);
        for v in [
            View::Overview,
            View::Actions,
            View::Findings,
            View::Indicators,
        ] {
            for lang in [Lang::En, Lang::Cy] {
                let tree = widget(&l, lang, &state(v, Filters::default()));
                for a in all(&tree).into_iter().filter(|e| e.tag == "a") {
                    let href = a.get("href").expect("every link has an address");
                    assert!(
                        href.starts_with("https://")
                            || href.starts_with("http://")
                            || href.starts_with('#'),
                        "{}: {href}",
                        path.display()
                    );
                }
            }
        }
    }
}

#[test]
fn the_compact_card_gives_the_headline() {
    for path in examples() {
        let l = Loaded::of(&path);
        let card = view::compact(&l.cx(Lang::En));
        let body = text(&card);
        assert!(body.contains(l.feed().plan.title.show(Lang::En)), "{body}");
        let complete = l
            .feed()
            .actions
            .iter()
            .filter(|a| a.status == Status::Complete)
            .count();
        assert!(
            body.contains(&format!("{complete} of ")),
            "{}: the number complete is on the card: {body}",
            path.display()
        );
    }
}

/// The example plan with its actions replaced by 1,200 complete ones, each answering the
/// finding "2025-AFI1": enough for thousands separators.
fn a_plan_of_1200_complete_actions() -> Loaded {
    let mut feed: serde_json::Value = serde_json::from_slice(
        &std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/www/examples/northbridge.json"
        ))
        .expect("the example"),
    )
    .expect("JSON");
    let first = feed["actions"][0].clone();
    feed["actions"] = (0..1200)
        .map(|i| {
            let mut a = first.clone();
            a["id"] = format!("A{i}").into();
            a["status"] = "complete".into();
            a["completed"] = "2026-01-31".into();
            a["findings"] = serde_json::json!(["2025-AFI1"]);
            a
        })
        .collect();
    Loaded::from_bytes(&serde_json::to_vec(&feed).expect("JSON"))
}

/// A plan of 1,200 actions: the compact card's headline is the overview's, thousands
/// separators and all ("1,200 of 1,200"), as both are written by `overview::headline`.
#[test]
fn the_compact_card_and_the_overview_write_the_headline_alike() {
    let l = a_plan_of_1200_complete_actions();
    for lang in [Lang::En, Lang::Cy] {
        let cx = l.cx(lang);
        let card = text(by_class(&view::compact(&cx), "apt-headline")[0]);
        let overview = text(by_class(&view::overview(&cx), "apt-headline")[0]);
        assert_eq!(card, overview, "{lang:?}");
        assert!(card.contains("1,200"), "{card}");
    }
}

/// A finding answered by 1,200 actions counts them with thousands separators, as the
/// overview's headline does: "1,200 of 1,200" and "and 1,180 more", not "1200" and "1180".
#[test]
fn a_finding_answered_by_1200_actions_counts_them_with_separators() {
    let l = a_plan_of_1200_complete_actions();
    let tree = widget(&l, Lang::En, &state(View::Findings, Filters::default()));
    let body = text(&tree);
    assert!(body.contains("Actions complete: 1,200 of 1,200"), "{body}");
    assert!(body.contains("and 1,180 more"), "{body}");
}

/// The count a checkbox's label ends with: "Complete (12)" is 12.
fn label_count(label: &str) -> usize {
    let open = label.rfind('(').expect("a count in brackets");
    label[open + 1..label.len() - 1].parse().expect("a number")
}

/// The number a sentence starts with: "3 actions completed" is 3.
fn leading_number(s: &str) -> usize {
    let digits: String = s.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().expect("a leading number")
}

/// The checkboxes of the filter panel for kind `kind`, each as (value, label, checked).
fn checkboxes(tree: &Element, kind: FilterKind) -> Vec<(String, String, bool)> {
    let boxes = by_class(tree, "apt-checkbox");
    boxes
        .into_iter()
        .filter_map(|b| {
            let input = all(b).into_iter().find(|e| e.tag == "input")?;
            let act = input.get("data-act")?;
            let value = act.strip_prefix(&format!("toggle:{}:", kind.word()))?;
            let label = all(b).into_iter().find(|e| e.tag == "label")?;
            Some((
                value.to_string(),
                text(label),
                input.get("checked").is_some(),
            ))
        })
        .collect()
}

#[test]
fn the_filter_panel_counts_each_status_and_ticks_the_chosen_one() {
    for path in examples() {
        let l = Loaded::of(&path);
        let feed = l.feed();
        let filters = Filters {
            status: vec![Status::Complete],
            ..Filters::default()
        };
        // The reader opened every group: their checkboxes are built.
        let opened = State {
            groups: FilterKind::ALL.to_vec(),
            ..state(View::Actions, filters.clone())
        };
        let tree = widget(&l, Lang::En, &opened);
        let statuses = checkboxes(&tree, FilterKind::Status);
        assert_eq!(statuses.len(), Status::ALL.len(), "{}", path.display());
        for (value, label, checked) in statuses {
            let n = feed
                .actions
                .iter()
                .filter(|a| a.status.word() == value)
                .count();
            assert_eq!(label_count(&label), n, "{}: {label}", path.display());
            assert_eq!(checked, value == "complete", "{}: {value}", path.display());
        }
        let groups: Vec<String> = by_class(&tree, "apt-filter-group__summary")
            .into_iter()
            .map(text)
            .collect();
        assert_eq!(groups[0], "Status (1 selected)", "{}", path.display());
        // A group for the priorities and the leads exactly when the plan has them.
        let priorities = checkboxes(&tree, FilterKind::Priority);
        assert_eq!(
            priorities.len(),
            feed.priorities.len(),
            "{}",
            path.display()
        );
        for (id, label, _) in &priorities {
            let p = feed.priority(id).expect("a priority of the feed");
            let n = feed
                .actions
                .iter()
                .filter(|a| a.priority.as_deref() == Some(id.as_str()))
                .count();
            assert!(label.starts_with(p.title.show(Lang::En)), "{label}");
            assert_eq!(label_count(label), n, "{}: {label}", path.display());
        }
        let any_lead = feed.actions.iter().any(|a| a.lead.is_some());
        assert_eq!(
            !checkboxes(&tree, FilterKind::Lead).is_empty(),
            any_lead,
            "{}",
            path.display()
        );
        let open_groups = all(&tree)
            .into_iter()
            .filter(|e| e.tag == "details" && e.get("open").is_some())
            .count();
        assert_eq!(open_groups, groups.len(), "{}", path.display());
        // Closed (as they start), the same groups say the same, and only the one with a
        // tick holds its checkboxes.
        let closed = widget(&l, Lang::En, &state(View::Actions, filters));
        let summaries: Vec<String> = by_class(&closed, "apt-filter-group__summary")
            .into_iter()
            .map(text)
            .collect();
        assert_eq!(summaries, groups, "{}", path.display());
        assert_eq!(
            checkboxes(&closed, FilterKind::Status),
            checkboxes(&tree, FilterKind::Status)
        );
        assert_eq!(
            by_class(&closed, "apt-checkbox").len(),
            Status::ALL.len(),
            "{}",
            path.display()
        );
        assert!(all(&closed).iter().all(|e| e.get("open").is_none()));
    }
}

#[test]
fn each_chosen_filter_is_a_button_that_removes_it_and_a_link_adds_no_words() {
    for path in examples() {
        let l = Loaded::of(&path);
        let feed = l.feed();
        let Some(p) = feed.priorities.first() else {
            continue;
        };
        // As a crafted link can ask, before the feed's own ids are checked.
        let filters = Filters {
            priority: vec![p.id.clone(), "not-in-the-feed".into()],
            search: "audit".into(),
            ..Filters::default()
        };
        let tree = widget(&l, Lang::En, &state(View::Actions, filters));
        let chips = by_class(&tree, "apt-chip");
        assert_eq!(
            chips.len(),
            2,
            "{}: the priority and the search",
            path.display()
        );
        assert_eq!(
            chips[0].get("data-act"),
            Some(format!("remove:priority:{}", p.id).as_str())
        );
        assert_eq!(
            text(chips[0]),
            format!("✕ Priority: {}", p.title.show(Lang::En))
        );
        assert_eq!(chips[1].get("data-act"), Some("remove:search:"));
        assert_eq!(text(chips[1]), "✕ Your search: “audit”");
        assert!(
            !text(&tree).contains("not-in-the-feed"),
            "{}",
            path.display()
        );
        let clear = all(&tree)
            .into_iter()
            .filter(|e| e.get("data-act") == Some("clear"))
            .count();
        assert_eq!(clear, 1, "{}: one button clears them all", path.display());
    }
}

#[test]
fn an_opened_action_shows_its_facts_milestones_findings_and_updates_newest_first() {
    let l = Loaded::example("www/examples/northbridge.json");
    let feed = l.feed();
    // The action with the most updates, and one with milestones.
    let a = feed
        .actions
        .iter()
        .max_by_key(|a| (a.updates.len(), a.milestones.len()))
        .expect("actions");
    assert!(a.updates.len() > 1);
    let s = State {
        view: View::Actions,
        open: vec![a.id.clone()],
        ..State::default()
    };
    let tree = widget(&l, Lang::En, &s);
    let item = all(&tree)
        .into_iter()
        .find(|e| e.get("data-id") == Some(a.id.as_str()))
        .expect("the action is listed");
    let details = by_class(item, "apt-action__details");
    assert_eq!(details.len(), 1);
    let d = details[0];
    assert!(d.get("hidden").is_none(), "opened");
    let h5: Vec<String> = all(d)
        .into_iter()
        .filter(|e| e.tag == "h5")
        .map(text)
        .collect();
    assert!(h5.contains(&"Updates, newest first".to_string()), "{h5:?}");
    // Every update, newest first.
    let mut dates: Vec<_> = a.updates.iter().map(|u| u.date).collect();
    dates.sort_by(|x, y| y.cmp(x));
    let want: Vec<String> = dates.iter().map(|&d| i18n::date(Lang::En, d)).collect();
    let shown: Vec<String> = by_class(d, "apt-update__head")
        .into_iter()
        .map(|h| {
            text(
                &h.children
                    .iter()
                    .find_map(|c| match c {
                        Node::El(e) if e.tag == "strong" => Some(e.clone()),
                        _ => None,
                    })
                    .expect("a date"),
            )
        })
        .collect();
    assert_eq!(shown, want);
    // The facts it has: its lead.
    if let Some(lead) = &a.lead {
        assert!(text(d).contains(lead.show(Lang::En)));
    }
    // Its milestones, a row each.
    if !a.milestones.is_empty() {
        let table = all(d)
            .into_iter()
            .find(|e| e.tag == "table" && text(e).starts_with("Milestones for action"))
            .expect("the milestones table");
        let rows = all(table).into_iter().filter(|e| e.tag == "tr").count();
        assert_eq!(rows, a.milestones.len() + 1, "a head row and a row each");
    }
    // The findings it names itself are listed.
    for f in a.findings.iter().filter_map(|f| feed.finding(f)) {
        assert!(text(d).contains(f.text.show(Lang::En)), "{}", f.id);
    }
    // Another action stays closed.
    let closed = all(&tree)
        .into_iter()
        .filter(|e| e.get("data-id").is_some_and(|id| id != a.id))
        .flat_map(|e| by_class(e, "apt-action__details"))
        .filter(|d| d.get("hidden").is_some())
        .inspect(|d| {
            // Built only when opened: an empty box the button's `aria-controls` names.
            assert!(
                d.children.is_empty(),
                "a closed action's details are not built"
            );
            assert!(d.get("id").is_some_and(|id| id.starts_with("apt-d")));
        })
        .count();
    assert!(closed > 0);
}

#[test]
fn the_header_warns_of_old_data_a_draft_plan_and_items_left_out() {
    let l = Loaded::example("www/examples/northbridge.json");
    let feed = l.feed();
    let header = |today| {
        let cx = Ctx {
            today: Some(today),
            ..l.cx(Lang::En)
        };
        text(&view::widget(&cx, &State::default(), &Index::new(feed)))
    };
    let old = "more than six months ago";
    assert!(header(feed.as_of.add_months(7)).contains(old));
    assert!(!header(feed.as_of.add_months(1)).contains(old));

    let draft = Loaded::example("www/examples/fernley-draft.json");
    let tree = widget(&draft, Lang::En, &State::default());
    let notice = by_class(&tree, "apt-plan-status");
    assert_eq!(notice.len(), 1);
    assert!(
        text(notice[0]).starts_with("Draft plan"),
        "{}",
        text(notice[0])
    );

    // Some of its actions have errors that leave them out.
    let bad = Loaded::example("tests/feeds/bad/mixed-valid-and-invalid-actions.json");
    let written: serde_json::Value = serde_json::from_slice(
        &std::fs::read(
            PathBuf::from(env!("CARGO_MANIFEST_DIR"))
                .join("tests/feeds/bad/mixed-valid-and-invalid-actions.json"),
        )
        .expect("readable"),
    )
    .expect("JSON");
    let left_out = written["actions"].as_array().expect("actions").len() - bad.feed().actions.len();
    assert!(left_out > 0);
    let tree = widget(&bad, Lang::En, &State::default());
    let problems = by_class(&tree, "apt-problems");
    assert_eq!(problems.len(), 1);
    let summary = all(problems[0])
        .into_iter()
        .find(|e| e.tag == "summary")
        .map(text)
        .expect("a summary");
    let want = match left_out {
        1 => "1 item in this plan could not be shown".to_string(),
        n => format!("{n} items in this plan could not be shown"),
    };
    assert_eq!(summary, want);
}

#[test]
fn loading_and_error_states_say_what_is_happening_in_the_readers_language() {
    for lang in [Lang::En, Lang::Cy] {
        let loading = view::loading(lang);
        let status = all(&loading)
            .into_iter()
            .find(|e| e.get("role") == Some("status"))
            .expect("a live status");
        assert!(!text(status).is_empty());
        assert_eq!(loading.get("lang"), Some(lang.code()));
    }
    assert_ne!(
        text(&view::loading(Lang::En)),
        text(&view::loading(Lang::Cy))
    );
    let report = check(b"{\"schema_version\": \"1.0\", \"actions\": 3}");
    assert!(!report.problems.is_empty());
    let e = view::error_state(Lang::En, "The file could not be read.", &report.problems);
    let alert = all(&e)
        .into_iter()
        .find(|x| x.get("role") == Some("alert"))
        .expect("an alert");
    assert!(text(alert).contains("The file could not be read."));
    let listed = by_class(&e, "apt-problems__list");
    assert_eq!(listed.len(), 1);
    assert_eq!(
        listed[0].children.len(),
        report.problems.len().min(50),
        "each problem, up to 50"
    );
    let retry = all(&e)
        .into_iter()
        .filter(|x| x.get("data-act") == Some("retry"))
        .count();
    assert_eq!(retry, 1, "a way to try again");
}

#[test]
fn each_change_since_the_last_meeting_links_to_the_actions_it_counts() {
    let mut seen = 0;
    for path in examples() {
        let l = Loaded::of(&path);
        let feed = l.feed();
        if l.summary.changes.is_none() {
            continue;
        }
        let tree = widget(&l, Lang::En, &State::default());
        let since = by_class(&tree, "apt-since");
        assert_eq!(since.len(), 1, "{}", path.display());
        let heading = all(since[0])
            .into_iter()
            .find(|e| e.tag == "h4")
            .map(text)
            .expect("a heading");
        assert!(heading.starts_with("Since "), "{heading}");
        let items = by_class(since[0], "apt-change");
        assert!(!items.is_empty());
        for item in items {
            let Some(link) = all(item).into_iter().find(|e| e.tag == "a") else {
                assert_eq!(leading_number(&text(item)), 0, "{}", text(item));
                continue;
            };
            let href = link.get("href").expect("an address");
            let to = State::from_fragment(href, "t", View::Overview);
            if to.view != View::Actions {
                continue; // the indicators
            }
            seen += 1;
            // The list the link opens counts what the link said.
            let summary = l.summary.clone().with_since(feed, to.since);
            let cx = Ctx {
                summary: &summary,
                ..l.cx(Lang::En)
            };
            let list = view::widget(&cx, &to, &Index::new(feed));
            let count = text(by_class(&list, "apt-count")[0]);
            assert_eq!(
                leading_number(&count),
                leading_number(&text(link)),
                "{}: {} opens {count}",
                path.display(),
                text(link)
            );
        }
    }
    assert!(seen > 0, "some example has changes to follow");
}

#[test]
fn the_overview_names_the_latest_inspection_and_lists_the_earlier_ones() {
    use action_plan_tracker::feed::{InspectionType, Inspectorate};
    for path in examples() {
        let l = Loaded::of(&path);
        let feed = l.feed();
        let own = |i: &&action_plan_tracker::feed::Inspection| {
            i.kind == InspectionType::SelfEvaluation || i.inspectorate == Inspectorate::Council
        };
        let date = |i: &&action_plan_tracker::feed::Inspection| i.published.or(i.end).or(i.start);
        let latest = feed
            .inspections
            .iter()
            .filter(|i| !own(i))
            .max_by_key(date)
            .or_else(|| feed.inspections.iter().max_by_key(date));
        let Some(latest) = latest else {
            continue;
        };
        let tree = widget(&l, Lang::En, &State::default());
        let lead = by_class(&tree, "apt-lead");
        assert_eq!(lead.len(), 1, "{}", path.display());
        if let Some(title) = &latest.title {
            assert_eq!(text(lead[0]), title.show(Lang::En), "{}", path.display());
        }
        let earlier = feed.inspections.len() - 1;
        let heads = headings(&tree);
        assert_eq!(
            heads
                .iter()
                .any(|h| h.starts_with("Earlier inspections") || h == "Self-evaluations"),
            earlier > 0,
            "{}: {heads:?}",
            path.display()
        );
    }
}

#[test]
fn each_indicator_has_all_its_figures_in_a_table_a_row_per_period() {
    for path in examples() {
        let l = Loaded::of(&path);
        let feed = l.feed();
        let tree = widget(&l, Lang::En, &state(View::Indicators, Filters::default()));
        for ind in &feed.indicators {
            let caption = format!("{}: all figures", ind.name.show(Lang::En));
            let table = all(&tree)
                .into_iter()
                .find(|e| {
                    e.tag == "table"
                        && e.children.iter().any(
                            |c| matches!(c, Node::El(c) if c.tag == "caption" && text(c) == caption),
                        )
                })
                .unwrap_or_else(|| panic!("{}: {caption}", path.display()));
            let mut periods: Vec<_> = ind
                .values
                .iter()
                .chain(ind.comparators.iter().flat_map(|c| &c.values))
                .map(|v| v.period)
                .collect();
            periods.sort_by_key(|p| p.to_string());
            periods.dedup();
            let rows = all(table).into_iter().filter(|e| e.tag == "tr").count();
            assert_eq!(rows, periods.len() + 1, "{}: {caption}", path.display());
        }
    }
}
