//! The views, checked natively: each bundled example's view trees (overview, actions, findings,
//! indicators, compact card) in English and Welsh, without a browser. The browser tests then
//! only need to check what the browser adds (the DOM, events, the URL, layout, axe).
//!
//! Every figure asserted here is worked out by the test from the feed itself, not read from
//! the summary or the views, so a view that miscounts fails.

use action_plan_tracker::feed::{Feed, Status};
use action_plan_tracker::filter::{Filters, Index, State, View};
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
        let report = check(&std::fs::read(path).expect("readable example"));
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
