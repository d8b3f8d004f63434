//! What real minutes say (#18, feed 1.1), as the static page shows it: the page never reads
//! wrong for a plan in progress, and responses, follow-ups, ongoing work, numbers, approximate
//! figures and breakdowns are where a reader looks for them. The widget draws the same views
//! (src/render/view.rs), so these hold for it too; the browser tests look at the widget itself.

use action_plan_tracker::i18n::Lang;
use action_plan_tracker::page;
use action_plan_tracker::validate::check;

/// The page's text without tags, spaces collapsed.
fn text_of(html: &str) -> String {
    let body = html.split("<body").nth(1).unwrap_or(html);
    let mut out = String::new();
    let mut in_tag = false;
    let mut in_style = false;
    let lower = body.to_string();
    let mut i = 0;
    let bytes = lower.as_bytes();
    while i < bytes.len() {
        if lower[i..].starts_with("<style") {
            in_style = true;
        }
        if in_style && lower[i..].starts_with("</style>") {
            in_style = false;
        }
        let c = lower[i..].chars().next().unwrap();
        match c {
            '<' => {
                in_tag = true;
                out.push(' ');
            }
            '>' => in_tag = false,
            _ if !in_tag && !in_style => out.push(c),
            _ => {}
        }
        i += c.len_utf8();
    }
    out.replace("&amp;", "&")
        .replace("&#39;", "'")
        .replace("&quot;", "\"")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn page(feed: &str, lang: Lang) -> (String, String) {
    let r = check(feed.as_bytes());
    assert_eq!(r.errors(), 0, "{:#?}", r.problems);
    let html = page::render(&r, lang).expect("a page");
    (text_of(&html), html)
}

fn feed(plan: &str, rest: &str) -> String {
    format!(
        r#"{{"schema_version": "1.1", "publisher": {{"name": "Council"}}, "as_of": "2019-01-31",
            "plan": {{"title": "Improvement plan"{plan}}}, {rest}}}"#
    )
}

/// A draft plan with nine priorities, two of them with actions, none with a due date.
fn draft() -> String {
    let priorities: Vec<String> = (1..=9)
        .map(|i| format!(r#"{{"id": "P{i}", "title": "Key action {i}"}}"#))
        .collect();
    feed(
        r#", "status": "draft", "submit_by": "2019-03""#,
        &format!(
            r#""priorities": [{}],
               "actions": [{{"id": "a1", "priority": "P1", "title": "Audit", "status": "complete", "completed": "2019-01"}},
                           {{"id": "a2", "priority": "P2", "title": "Training", "status": "in_progress"}}]"#,
            priorities.join(",")
        ),
    )
}

#[test]
fn a_draft_plan_says_so_with_its_deadline_as_a_month() {
    let (en, _) = page(&draft(), Lang::En);
    assert!(
        en.contains("Draft plan This plan is a draft and may change. It must reach the inspectorate by March 2019."),
        "{en}"
    );
    let (cy, _) = page(&draft(), Lang::Cy);
    assert!(cy.contains("erbyn Mawrth 2019"), "{cy}");
    assert!(
        !en.contains("31 March 2019"),
        "a month is never a made-up day"
    );
}

#[test]
fn submitted_and_closed_plans_say_so() {
    let sent = feed(
        r#", "status": "submitted", "submit_by": "2019-03", "submitted": "2019-02-28""#,
        r#""actions": []"#,
    );
    let (en, _) = page(&sent, Lang::En);
    assert!(
        en.contains("This plan was sent to the inspectorate on 28 February 2019."),
        "{en}"
    );
    let closed = feed(r#", "status": "closed""#, r#""actions": []"#);
    let (en, _) = page(&closed, Lang::En);
    assert!(
        en.contains("This plan has ended. It is kept here as a record."),
        "{en}"
    );
    let approved = feed(r#", "status": "approved""#, r#""actions": []"#);
    let (en, _) = page(&approved, Lang::En);
    for banner in [
        "This plan is a draft",
        "This plan was sent",
        "This plan has been sent",
        "This plan has ended",
    ] {
        assert!(
            !en.contains(banner),
            "an approved plan needs no banner: {en}"
        );
    }
}

#[test]
fn priorities_with_nothing_published_never_read_as_zero_per_cent() {
    let (en, html) = page(&draft(), Lang::En);
    assert_eq!(
        en.matches("No actions published for this priority yet")
            .count(),
        7 * 2,
        "in the table and the chart's words for each of the seven: {en}"
    );
    assert!(!html.contains("0 / 0"), "never 0 of 0");
    assert!(
        en.contains("7 priorities have no actions published yet, so the plan is not complete."),
        "{en}"
    );
    let (cy, _) = page(&draft(), Lang::Cy);
    assert!(
        cy.contains("Nid oes camau gweithredu wedi'u cyhoeddi eto ar gyfer 7 blaenoriaeth"),
        "{cy}"
    );
}

#[test]
fn no_overdue_sentence_when_nothing_has_a_due_date() {
    let (en, html) = page(&draft(), Lang::En);
    assert!(en.contains("No action still to do has a due date."), "{en}");
    assert!(!en.contains("No actions are overdue"), "{en}");
    assert!(!en.contains("0 actions overdue"), "{en}");
    // The draft has a completion date to chart; a plan with no date at all has no burn-up
    // chart of bare axes.
    assert!(html.contains("apt-chart-burnup"));
    let undated = draft().replace(r#", "completed": "2019-01""#, "");
    let (_, html) = page(&undated, Lang::En);
    assert!(!html.contains("apt-chart-burnup"), "no empty burn-up chart");
}

#[test]
fn self_evaluations_are_named_and_ordered_after_dated_inspections() {
    let f = feed(
        "",
        r#""inspections": [
             {"id": "self", "inspectorate": "council", "type": "other"},
             {"id": "ofsted", "inspectorate": "ofsted", "type": "ilacs_standard", "published": "2018-12-20"},
             {"id": "old", "inspectorate": "ofsted", "type": "focused_visit", "end": "2017-05"}],
           "findings": [{"id": "F1", "inspection": "ofsted", "kind": "area_for_improvement", "text": "Supervision",
                         "response": "Accepted: supervision policy relaunched."},
                        {"id": "F2", "inspection": "self", "kind": "area_for_improvement", "text": "Our own finding"}],
           "actions": []"#,
    );
    let (en, _) = page(&f, Lang::En);
    let latest = en.find("Latest inspection").expect("latest");
    let ilacs = en[latest..].find("Standard inspection").unwrap();
    assert!(
        ilacs < 60,
        "the dated Ofsted inspection is the latest: {en}"
    );
    assert!(
        en.contains("Earlier inspections and self-evaluations"),
        "{en}"
    );
    let focused = en.find("Focused visit — May 2017").expect("month-only end");
    let own = en[focused..].find("Self-evaluation").map(|i| i + focused);
    assert!(
        own.is_some(),
        "the undated self-evaluation comes after the dated visit: {en}"
    );
    // The council's response under its finding.
    let finding = en.find("Supervision").unwrap();
    let response = en.find("The council's response Accepted: supervision policy relaunched.");
    assert!(response.is_some_and(|r| r > finding), "{en}");
}

#[test]
fn findings_without_an_area_and_indicators_without_a_target() {
    let f = feed(
        "",
        r#""findings": [{"id": "F1", "kind": "area_for_improvement", "text": "No area"}],
           "indicators": [{"id": "i", "name": "Children seen", "unit": "count", "polarity": "neutral",
                           "values": [{"period": "2018-12", "value": 60, "approximate": true}]}],
           "actions": []"#,
    );
    let (en, _) = page(&f, Lang::En);
    assert!(en.contains("Other findings"), "{en}");
    assert!(!en.contains("General"), "{en}");
    assert!(en.contains("No target set"), "{en}");
    assert!(!en.contains("Not applicable"), "{en}");
    assert!(en.contains("about 60"), "{en}");
    let (cy, _) = page(&f, Lang::Cy);
    assert!(cy.contains("tua 60"), "{cy}");
}

#[test]
fn breakdowns_are_a_table_and_a_bar_chart() {
    let f = feed(
        "",
        r#""indicators": [{"id": "sw", "name": "Children by number of social workers", "unit": "count",
             "polarity": "lower_is_better",
             "values": [{"period": "2018-12", "value": 57, "breakdown": [
                {"label": "6", "value": 36}, {"label": "7", "value": 15}, {"label": "8", "value": 4},
                {"label": "9 or more", "value": null, "suppressed": true}]}]}],
           "actions": []"#,
    );
    let (en, html) = page(&f, Lang::En);
    assert!(
        en.contains("Children by number of social workers, Council, December 2018: 57, in parts"),
        "{en}"
    );
    assert!(
        en.contains("6 36 7 15 8 4 9 or more suppressed"),
        "the table: {en}"
    );
    assert!(
        html.contains(
            "<desc id=\"apt-chart-bd-sw-1-desc\">6: 36; 7: 15; 8: 4; 9 or more: suppressed.</desc>"
        ),
        "the chart's description"
    );
}

#[test]
fn follow_ups_overdue_first_and_under_their_meeting() {
    let f = feed(
        "",
        r#""actions": [],
           "meetings": [
             {"id": "m1", "date": "2018-06-12", "body": "Scrutiny Panel", "follow_ups": [
                {"text": "An annual update to the Panel", "due": "2019-06"},
                {"text": "A report on agency spend to the next meeting", "lead": "Director", "due": "2018-09"},
                {"text": "A visit to the front door", "done": "2018-10"}]}]"#,
    );
    let (en, _) = page(&f, Lang::En);
    let panel = en.find("What committees asked for").expect("the panel");
    let agency = en[panel..].find("A report on agency spend").unwrap();
    let annual = en[panel..].find("An annual update").unwrap();
    assert!(agency < annual, "the overdue one first: {en}");
    assert!(
        en.contains("2 requests are not done yet. 1 overdue"),
        "{en}"
    );
    assert!(
        en.contains("Overdue A report on agency spend to the next meeting Lead: Director Due September 2018 Asked for by Scrutiny Panel on 12 June 2018"),
        "{en}"
    );
    // The meeting lists its own, done ones too.
    let own = en.find("Asked for:").expect("the meeting's own list");
    assert!(
        en[own..].contains("Done October 2018 A visit to the front door"),
        "{en}"
    );
}

#[test]
fn ongoing_work_is_marked_and_numbers_are_shown() {
    let f = feed(
        "",
        r#""actions": [
             {"id": "a", "number": "1.3", "title": "Audit case files", "status": "in_progress",
              "due": "2018-06", "recurrence": "every six weeks"},
             {"id": "b", "number": "1.3", "title": "Second plan's 1.3", "status": "not_started", "parent": "a"}]"#,
    );
    let (en, _) = page(&f, Lang::En);
    assert!(en.contains("Ongoing: every six weeks"), "{en}");
    assert!(
        en.contains("1.3 Audit case files In progress Ongoing: every six weeks Due June 2018"),
        "ongoing work is never overdue: {en}"
    );
    assert!(en.contains("1.3 Audit case files"), "{en}");
    assert!(en.contains("Part of 1.3 Audit case files"), "{en}");
    assert!(
        en.contains("1 ongoing action has no end, so it is not counted."),
        "{en}"
    );
}
