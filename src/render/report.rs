//! The printed report: what a committee pack needs of the plan, in the order a progress report
//! gives it.
//!
//! On screen a reader opens what they want; on paper nothing opens, so printing every view one
//! after another made a hundred pages nobody reads. The report is what officers attach to a
//! committee's progress report instead: the plan and its data date, the headline figures, what
//! changed since the last meeting, the exceptions, every action as one row of one table grouped
//! by priority, the indicators, the findings with the actions that answer them, and what the RAG
//! ratings mean. The details of every action (updates, milestones, measures, evidence) follow
//! as an appendix only when asked for. The static page prints it (`render`, `render --full`)
//! and the widget draws it while the browser prints (`print="full"` for the appendix).

use crate::feed::*;
use crate::filter::{Index, State};
use crate::i18n::{self, tf, tn};
use crate::markup::{el, el_class, el_class_text, el_text, Element};
use crate::render::view::{self, rag_tag, tag, Answers, Ctx};
use crate::table::{self, row_header};
use crate::words::*;

/// The report for the feed in `cx`; with `full`, every action's details as an appendix.
pub fn report(cx: &Ctx, full: bool) -> Element {
    let feed = cx.feed;
    el_class("div", "apt apt-report")
        .attr("lang", cx.lang.code())
        .child(view::header(cx))
        .child(section("progress", cx.t("Progress"), progress(cx)))
        .child_opt(view::since_section(cx).map(|s| section("changes", cx.t("What has changed"), s)))
        .child(section("exceptions", cx.t("Exceptions"), exceptions(cx)))
        .child_opt(all_actions(cx).map(|t| section("actions", cx.t("All actions"), t)))
        .child_opt(
            (!feed.indicators.is_empty())
                .then(|| section("indicators", cx.t("Indicators"), view::indicator_table(cx))),
        )
        .child_opt(findings(cx).map(|f| {
            section(
                "findings",
                cx.t("Findings and the actions that answer them"),
                f,
            )
        }))
        .child_opt(
            view::rag_table(cx).map(|r| section("rag", cx.t("What the RAG ratings mean"), r)),
        )
        .child_opt(full.then(|| {
            section(
                "appendix",
                cx.t("Appendix: every action in full"),
                appendix(cx),
            )
        }))
}

/// One part of the report: a heading kept with what follows it.
fn section(name: &str, heading: &str, body: Element) -> Element {
    el_class("section", format!("apt-report__section apt-report__{name}"))
        .child(el_class_text("h3", "apt-h3", heading))
        .child(body)
}

/// The headline figures and the completion chart.
fn progress(cx: &Ctx) -> Element {
    el_class("div", "apt-report__progress")
        .child(el_class_text("p", "apt-headline", view::headline(cx)))
        .child_opt(cx.feed.any_due().then(|| {
            el_class("ul", "apt-stats").children(
                view::due_counts(cx).into_iter().map(|d| {
                    el_class("li", format!("apt-stat apt-stat--{}", d.class)).text(d.words)
                }),
            )
        }))
        .child(
            el_class("div", "apt-report__figures")
                .child(crate::chart::completion(
                    cx.lang,
                    cx.summary,
                    cx.feed.any_due(),
                ))
                .child(view::status_table(cx)),
        )
}

/// The action's newest update: its date and words.
fn latest_update(cx: &Ctx, a: &Action) -> Element {
    match a.updates.iter().max_by_key(|u| u.date) {
        Some(u) => el("td")
            .child(el_text("strong", cx.date(u.date)))
            .child_opt(
                u.text
                    .as_ref()
                    .map(|x| cx.text(el_class("span", "apt-block"), x)),
            ),
        None => el_class_text("td", "apt-secondary", cx.t("No update yet")),
    }
}

/// Whether an action's due date was moved later than first set.
fn slipped(a: &Action) -> bool {
    matches!((a.due, a.revised_due), (Some(d), Some(r)) if r > d)
}

/// The action's number and title, in one cell.
fn action_cell(cx: &Ctx, a: &Action) -> Element {
    cx.action_name(row_header(), a)
}

/// Red, overdue and slipped actions, and those that changed for the worse since the last
/// meeting, each with why and its latest update.
fn exceptions(cx: &Ctx) -> Element {
    use crate::changes::Kind;
    let feed = cx.feed;
    let rows: Vec<Element> = feed
        .actions
        .iter()
        .filter_map(|a| {
            let badges: Vec<Element> = view::change_badges(cx, a);
            let changed = cx
                .summary
                .changes
                .as_ref()
                .map(|c| crate::changes::action_change(a, c.since, feed.as_of));
            let worse = changed.as_ref().is_some_and(|c| {
                c.has(Kind::Slipped) || c.has(Kind::NewlyOverdue) || c.has(Kind::RagWorse)
            });
            let red = a.rag == Some(Rag::Red);
            let overdue = a.is_overdue(feed.as_of);
            let moved = slipped(a) && a.status != Status::Complete;
            if !(red || overdue || moved || worse) {
                return None;
            }
            let mut why = el_class("td", "apt-report__why");
            if red {
                why = why.child(rag_tag(cx, Rag::Red));
            }
            if overdue {
                why = why.child(tag("red", cx.t("Overdue")));
            }
            if moved && !changed.as_ref().is_some_and(|c| c.has(Kind::Slipped)) {
                why = why.child(tag("yellow", cx.t("Due date moved later")));
            }
            if worse {
                why = why.children(badges);
            }
            Some(
                el("tr")
                    .child(action_cell(cx, a))
                    .child(why)
                    .child(lead_cell(cx, a))
                    .child(due_cell(cx, a))
                    .child(latest_update(cx, a)),
            )
        })
        .collect();
    if rows.is_empty() {
        return el_text("p", cx.t("No action is red, overdue or late."));
    }
    let count = tn(
        cx.lang,
        rows.len(),
        "{n} action needs attention.",
        "{n} actions need attention.",
    );
    el("div")
        .child(el_text("p", count))
        .child(crate::table::table(
            cx.t("Actions that need attention"),
            &[
                cx.t("Action"),
                cx.t("Why"),
                cx.t("Lead"),
                cx.t("Due"),
                cx.t("Latest update"),
            ],
            rows,
        ))
}

fn lead_cell(cx: &Ctx, a: &Action) -> Element {
    match &a.lead {
        Some(l) => cx.text(el("td"), l),
        None => el_text("td", "—"),
    }
}

fn due_cell(cx: &Ctx, a: &Action) -> Element {
    match a.effective_due() {
        Some(d) => el_text("td", cx.date(d)).child_opt(slipped(a).then(|| {
            el_class_text(
                "span",
                "apt-block apt-secondary",
                tf(
                    cx.lang,
                    "was {date}",
                    &[("date", &a.due.map(|x| cx.date(x)).unwrap_or_default())],
                ),
            )
        })),
        None => el_text("td", "—"),
    }
}

/// Every action as one row of one table, a group of rows for each priority (then the actions
/// of no priority); `None` for a plan with no actions yet.
fn all_actions(cx: &Ctx) -> Option<Element> {
    let feed = cx.feed;
    let heads = [
        cx.t("Action"),
        cx.t("Lead"),
        cx.t("Due"),
        cx.t("Status"),
        cx.t("RAG"),
        cx.t("Progress"),
    ];
    let row = |a: &Action| {
        let mut status =
            el("td").child(tag(status_class(a.status), status_word(cx.lang, a.status)));
        if a.is_overdue(feed.as_of) {
            status = status.text(" ").child(tag("red", cx.t("Overdue")));
        }
        el_class("tr", "apt-report__row")
            .attr("data-id", a.id.clone())
            .child(action_cell(cx, a))
            .child(lead_cell(cx, a))
            .child(due_cell(cx, a))
            .child(status)
            .child(match a.rag {
                Some(r) => el("td").child(rag_tag(cx, r)),
                None => el_text("td", "—"),
            })
            .child(match (a.progress, a.status) {
                (Some(p), _) => el_class_text("td", "apt-num", i18n::percent(p)),
                (None, Status::Complete) => el_class_text("td", "apt-num", i18n::percent(100.0)),
                _ => el_class_text("td", "apt-num", "—"),
            })
    };
    let group = |title: Element, acts: Vec<&Action>| {
        el("tbody")
            .child(
                el_class("tr", "apt-report__group").child(
                    el("th")
                        .attr("scope", "colgroup")
                        .attr("colspan", heads.len().to_string())
                        .child(title),
                ),
            )
            .children(acts.into_iter().map(row))
    };
    let mut bodies: Vec<Element> = feed
        .priorities
        .iter()
        .map(|p| (p, feed.actions_in(&p.id).collect::<Vec<&Action>>()))
        .filter(|(_, acts)| !acts.is_empty())
        .map(|(p, acts)| group(cx.span(&p.title), acts))
        .collect();
    let others: Vec<&Action> = feed
        .actions
        .iter()
        .filter(|a| {
            a.priority
                .as_deref()
                .and_then(|p| feed.priority(p))
                .is_none()
        })
        .collect();
    if !others.is_empty() {
        let title = if feed.priorities.is_empty() {
            el_text("span", cx.t("Actions"))
        } else {
            el_text("span", cx.t("Other actions"))
        };
        bodies.push(group(title, others));
    }
    if bodies.is_empty() {
        return None;
    }
    let table = el_class("table", "apt-table apt-report__table")
        .child(el_class_text(
            "caption",
            "apt-table__caption",
            cx.t("All actions, by priority"),
        ))
        .child(table::thead(&heads))
        .children(bodies);
    Some(table)
}

/// Every finding but the strengths, with the actions answering it and how many are complete.
fn findings(cx: &Ctx) -> Option<Element> {
    let feed = cx.feed;
    let answers = Answers::new(feed);
    let rows: Vec<Element> = feed
        .findings
        .iter()
        .filter(|f| f.kind != FindingKind::Strength)
        .map(|f| {
            let ((done, withdrawn, answered), acts) = answers.of(f);
            let finding = row_header()
                .child(tag(
                    if f.kind == FindingKind::PriorityAction {
                        "red"
                    } else {
                        "grey"
                    },
                    kind_word(cx.lang, f.kind),
                ))
                .text(" ")
                .child(cx.span(&f.text));
            let numbers: Vec<String> = acts.iter().map(|a| a.number().to_string()).collect();
            let mut listed = numbers.join(", ");
            if answered > acts.len() {
                listed.push(' ');
                listed.push_str(&view::and_more(cx, answered - acts.len()));
            }
            let answering = if acts.is_empty() {
                el_class_text(
                    "td",
                    "apt-secondary",
                    cx.t("No action in the plan names this finding yet."),
                )
            } else {
                el("td").child(view::bdi(listed))
            };
            let progress = if answered > withdrawn {
                let p = crate::summary::percent_complete(done, answered, withdrawn);
                el_text("td", view::complete_of(cx, done, answered - withdrawn)).child(
                    el_class_text("span", "apt-block apt-secondary", i18n::percent(p)),
                )
            } else {
                el_text("td", "—")
            };
            el("tr").child(finding).child(answering).child(progress)
        })
        .collect();
    (!rows.is_empty()).then(|| {
        crate::table::table(
            cx.t("Findings and the actions that answer them"),
            &[cx.t("Finding"), cx.t("Actions"), cx.t("Progress")],
            rows,
        )
    })
}

/// Every action's details, as the actions view prints them.
fn appendix(cx: &Ctx) -> Element {
    let printing = Ctx {
        feed: cx.feed,
        summary: cx.summary,
        problems: cx.problems,
        lang: cx.lang,
        today: cx.today,
        print: true,
        ns: cx.ns,
    };
    el_class("div", "apt-report__full").child(view::actions(
        &printing,
        &State::default(),
        &Index::new(cx.feed),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::summary::Summary;
    use crate::validate::check;

    const FEED: &str = r#"{"schema_version": "1.1", "publisher": {"name": "N"}, "as_of": "2026-10-31", "plan": {"title": "P",
        "rag_definitions": {"red": "Off track"}},
      "meetings": [{"id": "m", "date": "2026-09-15", "body": "Board"}],
      "priorities": [{"id": "P1", "title": "Help early"}],
      "findings": [{"id": "F1", "kind": "area_for_improvement", "text": "Plans are weak"}],
      "actions": [
        {"id": "1", "title": "Audit plans", "status": "in_progress", "priority": "P1", "rag": "red", "due": "2026-12-31",
         "lead": "Head of Service", "findings": ["F1"], "success_measures": ["Every plan audited"],
         "updates": [{"date": "2026-08-01", "text": "Older words"}, {"date": "2026-10-01", "text": "Newest words"}]},
        {"id": "2", "title": "Train staff", "status": "in_progress", "due": "2026-06-30", "revised_due": "2026-09-30"},
        {"id": "3", "title": "Publish scorecard", "status": "complete", "priority": "P1", "rag": "blue", "due": "2026-03-31"}]}"#;

    fn html(lang: Lang, full: bool) -> String {
        let r = check(FEED.as_bytes());
        let feed = r.feed.as_ref().unwrap();
        let summary = Summary::of_report(&r).unwrap().with_since(feed, None);
        let cx = Ctx {
            feed,
            summary: &summary,
            problems: &r.problems,
            lang,
            today: None,
            print: true,
            ns: "apt",
        };
        let mut out = String::new();
        crate::markup::Node::from(report(&cx, full)).write_html(&mut out);
        out
    }

    #[test]
    fn the_report_in_order_with_one_row_per_action_and_the_exceptions() {
        let h = html(Lang::En, false);
        let at = |s: &str| h.find(s).unwrap_or_else(|| panic!("{s:?} missing"));
        let order = [
            "Data as at 31 October 2026",
            ">Progress</h3>",
            ">What has changed</h3>",
            ">Exceptions</h3>",
            ">All actions</h3>",
            ">Findings and the actions that answer them</h3>",
            ">What the RAG ratings mean</h3>",
        ];
        assert!(order.windows(2).all(|w| at(w[0]) < at(w[1])), "{h}");
        // Red action 1 and overdue, slipped action 2 are exceptions; complete action 3 is not.
        let exceptions = &h[at(">Exceptions</h3>")..at(">All actions</h3>")];
        assert!(exceptions.contains("2 actions need attention."));
        assert!(exceptions.contains("Newest words") && !exceptions.contains("Older words"));
        assert!(exceptions.contains("Train staff") && !exceptions.contains("Publish scorecard"));
        assert!(exceptions.contains("Overdue"));
        // One row per action, grouped: the priority's, then the rest.
        assert_eq!(h.matches("class=\"apt-report__row\"").count(), 3);
        assert!(at(">Help early<") < at(">Other actions<"));
        assert!(h.contains("was 30 June 2026"));
        assert!(h.contains("Off track"));
        assert!(!h.contains("Every plan audited"), "no details without full");
        assert!(!h.contains("Appendix"));
    }

    #[test]
    fn full_adds_every_action_in_detail_and_welsh_is_welsh() {
        let h = html(Lang::En, true);
        let appendix = h.find(">Appendix: every action in full</h3>").unwrap();
        assert!(h[appendix..].contains("Every plan audited"));
        assert!(h[appendix..].contains("Older words"));
        let cy = html(Lang::Cy, false);
        for s in [
            ">Eithriadau</h3>",
            ">Pob cam gweithredu</h3>",
            "Mae angen sylw ar 2 gam gweithredu.",
            ">Camau gweithredu eraill<",
        ] {
            assert!(cy.contains(s), "{s:?} missing");
        }
    }
}
