//! Each optional field and each entry of a list of references, broken one at a time: one
//! error there, and the feed as if the field were not given.

use super::*;
use serde_json::{json, Value as Js};

/// A feed with one of every item, each with every optional field, all valid.
fn base() -> Js {
    json!({
      "schema_version": "1.1", "as_of": "2019-10-31", "published": "2019-10-31",
      "publisher": {"name": "Council", "url": "https://example.gov.uk", "contact_email": "a@b"},
      "plan": {"id": "P", "title": "Plan", "summary": "s", "approved": "2019-02", "approved_by": "Cabinet",
               "next_review": "2020-01", "url": "https://example.gov.uk/plan",
               "rag_definitions": {"red": "r", "amber": "a", "green": "g", "blue": "b"},
               "status": "submitted", "submit_by": "2019-03", "submitted": "2019-03-20"},
      "inspections": [{"id": "I", "inspectorate": "ofsted", "type": "ilacs_standard", "title": "t",
               "start": "2018-11-05", "end": "2018-11-16", "published": "2018-12-20",
               "report_url": "https://example.gov.uk/r", "summary": "s",
               "judgements": [{"area": "overall_effectiveness", "grade": "good"}]}],
      "findings": [{"id": "F1", "inspection": "I", "kind": "area_for_improvement", "area": "help_and_protection",
               "text": "t", "response": "accepted"},
               {"id": "F2", "kind": "strength", "text": "t"}],
      "priorities": [{"id": "PR", "title": "t", "description": "d", "lead": "l", "findings": ["F1", "F2"]}],
      "actions": [
        {"id": "A", "number": "1.3", "priority": "PR", "title": "t", "description": "d", "findings": ["F1", "F2"],
         "lead": "l", "team": "t", "start": "2019-01", "due": "2019-03", "revised_due": "2019-06-30",
         "completed": "2019-06", "status": "complete", "rag": "blue", "progress": 100,
         "success_measures": ["m"], "milestones": [{"title": "m", "due": "2019-02", "completed": "2019-02-10"}],
         "updates": [{"date": "2019-06", "text": "u", "status": "complete", "rag": "blue", "progress": 100, "meeting": "M"}],
         "indicators": ["IN"], "evidence": [{"text": "e", "url": "https://example.gov.uk/e"}],
         "signed_off": "2019-07", "recurrence": "every six weeks"},
        {"id": "B", "parent": "A", "title": "t", "status": "in_progress"}],
      "indicators": [{"id": "IN", "name": "n", "unit": "count", "polarity": "lower_is_better",
         "target": {"value": 1, "by": "2020-03"}, "source": "s", "description": "d",
         "values": [{"period": "2019-03", "value": 57, "note": "n", "approximate": true,
                     "breakdown": [{"label": "6", "value": 36}, {"label": "9 or more", "value": null, "suppressed": true}]}],
         "comparators": [{"name": "England", "values": [{"period": "2019-03", "value": 10}]}]}],
      "meetings": [{"id": "M", "date": "2019-07-01", "body": "Panel", "title": "t",
         "url": "https://example.gov.uk/m", "outcome": "o",
         "follow_ups": [{"text": "annual update", "lead": "Director", "due": "2020-07", "done": "2020-06-30"}]}]
    })
}

fn read(j: &Js) -> Report {
    check(serde_json::to_string_pretty(j).unwrap().as_bytes())
}

#[test]
fn the_base_feed_is_clean() {
    let r = read(&base());
    assert_eq!(r.problems, vec![]);
}

/// A bad value at `pointer` is one error there, and the feed is the same as with the
/// field not given (or, for one entry of a list of references, without that entry).
#[test]
fn a_bad_optional_field_is_left_out_and_its_item_kept() {
    let cases: &[(&str, Js)] = &[
        ("/published", json!("2019-10")),
        ("/publisher/url", json!("javascript:x")),
        ("/plan/id", json!(5)),
        ("/plan/summary", json!(5)),
        ("/plan/approved", json!("2019-02-30")),
        ("/plan/approved_by", json!(5)),
        ("/plan/next_review", json!("next year")),
        ("/plan/url", json!("/plan")),
        ("/plan/rag_definitions", json!("x")),
        ("/plan/rag_definitions/red", json!(5)),
        ("/plan/status", json!("drafted")),
        ("/plan/submit_by", json!("2019-13")),
        ("/plan/submitted", json!(20190320)),
        ("/inspections/0/title", json!(5)),
        ("/inspections/0/start", json!("5/11/18")),
        ("/inspections/0/published", json!("2018-12")),
        ("/inspections/0/report_url", json!("ftp://x")),
        ("/inspections/0/judgements", json!("good")),
        ("/inspections/0/summary", json!(5)),
        ("/findings/0/inspection", json!("J")),
        ("/findings/0/area", json!("help")),
        ("/findings/0/response", json!(5)),
        ("/priorities/0/description", json!(5)),
        ("/priorities/0/lead", json!(5)),
        ("/priorities/0/findings", json!("F1")),
        ("/actions/0/number", json!(1.3)),
        ("/actions/0/priority", json!("PR9")),
        ("/actions/1/parent", json!("Z")),
        ("/actions/0/description", json!(5)),
        ("/actions/0/findings", json!("F1")),
        ("/actions/0/lead", json!(5)),
        ("/actions/0/team", json!(5)),
        ("/actions/0/start", json!("2019-1")),
        ("/actions/0/due", json!("March 2019")),
        ("/actions/0/revised_due", json!("2019-06-31")),
        ("/actions/0/completed", json!("x")),
        ("/actions/0/rag", json!("purple")),
        ("/actions/0/progress", json!(120)),
        ("/actions/0/success_measures", json!("m")),
        ("/actions/0/milestones", json!("m")),
        ("/actions/0/milestones/0/due", json!("x")),
        ("/actions/0/milestones/0/completed", json!("x")),
        ("/actions/0/updates", json!("u")),
        ("/actions/0/updates/0/text", json!(5)),
        ("/actions/0/updates/0/status", json!("done")),
        ("/actions/0/updates/0/rag", json!("purple")),
        ("/actions/0/updates/0/progress", json!("50%")),
        ("/actions/0/updates/0/meeting", json!("M9")),
        ("/actions/0/indicators", json!("IN")),
        ("/actions/0/evidence", json!("e")),
        ("/actions/0/evidence/0/url", json!("e.pdf")),
        ("/actions/0/signed_off", json!("x")),
        ("/actions/0/recurrence", json!(6)),
        ("/indicators/0/target", json!("1")),
        ("/indicators/0/target/by", json!("x")),
        ("/indicators/0/values", json!("x")),
        ("/indicators/0/values/0/note", json!(5)),
        ("/indicators/0/values/0/approximate", json!("about")),
        ("/indicators/0/values/0/breakdown", json!("x")),
        ("/indicators/0/comparators", json!("England")),
        ("/indicators/0/source", json!(5)),
        ("/indicators/0/description", json!(5)),
        ("/meetings/0/title", json!(5)),
        ("/meetings/0/url", json!("x")),
        ("/meetings/0/outcome", json!(5)),
        ("/meetings/0/follow_ups", json!("x")),
        ("/meetings/0/follow_ups/0/lead", json!(5)),
        ("/meetings/0/follow_ups/0/due", json!("x")),
        ("/meetings/0/follow_ups/0/done", json!("x")),
    ];
    for (pointer, bad) in cases {
        let mut broken = base();
        *broken.pointer_mut(pointer).unwrap() = bad.clone();
        let r = read(&broken);
        let errors: Vec<&Problem> = r
            .problems
            .iter()
            .filter(|p| p.severity == Severity::Error)
            .collect();
        assert_eq!(errors.len(), 1, "{pointer}: {:?}", r.problems);
        let path =
            pointer[1..]
                .split('/')
                .fold(String::new(), |acc, step| match step.parse::<usize>() {
                    Ok(i) => format!("{acc}[{i}]"),
                    Err(_) if acc.is_empty() => step.to_string(),
                    Err(_) => format!("{acc}.{step}"),
                });
        assert_eq!(errors[0].path, path, "{pointer}");
        assert!(errors[0].item_kept, "{pointer}");
        let mut without = base();
        *without.pointer_mut(pointer).unwrap() = Js::Null;
        let expected = read(&without);
        assert_eq!(expected.errors(), 0, "{pointer}");
        assert_eq!(r.feed, expected.feed, "{pointer}");
    }
}

#[test]
fn one_bad_reference_in_a_list_leaves_out_that_entry_only() {
    for (pointer, bad) in [
        ("/priorities/0/findings/1", "F9"),
        ("/actions/0/findings/0", ""),
        ("/actions/0/indicators/0", "IN9"),
    ] {
        let mut broken = base();
        *broken.pointer_mut(pointer).unwrap() = json!(bad);
        let r = read(&broken);
        assert_eq!(r.errors(), 1, "{pointer}: {:?}", r.problems);
        assert!(r.problems[0].item_kept);
        let (list, i) = pointer.rsplit_once('/').unwrap();
        let mut without = base();
        without
            .pointer_mut(list)
            .unwrap()
            .as_array_mut()
            .unwrap()
            .remove(i.parse().unwrap());
        assert_eq!(r.feed, read(&without).feed, "{pointer}");
    }
}

#[test]
fn a_bad_required_field_or_id_leaves_out_its_item() {
    for (pointer, bad, list) in [
        ("/actions/1/status", json!("done"), "actions"),
        ("/actions/1/id", json!(""), "actions"),
        ("/findings/1/kind", json!("good"), "findings"),
        ("/meetings/0/date", json!("2019-07"), "meetings"),
        (
            "/indicators/0/values/0/breakdown/0/label",
            Js::Null,
            "parts",
        ),
        (
            "/indicators/0/values/0/breakdown/1/value",
            json!("none"),
            "parts",
        ),
        ("/meetings/0/follow_ups/0/text", json!(5), "follow-ups"),
    ] {
        let mut broken = base();
        *broken.pointer_mut(pointer).unwrap() = bad;
        let r = read(&broken);
        assert!(r.errors() >= 1, "{pointer}");
        assert!(
            r.problems.iter().all(|p| !p.item_kept),
            "{pointer}: {:?}",
            r.problems
        );
        let f = r.feed.unwrap();
        let n = match list {
            "actions" => f.actions.len() + 1,
            "findings" => f.findings.len() + 1,
            "meetings" => f.meetings.len() + 1,
            "parts" => f.indicators[0].values[0].breakdown.len() + 1,
            _ => f.meetings[0].follow_ups.len() + 1,
        };
        let whole = match list {
            "actions" | "findings" | "parts" => 2,
            _ => 1,
        };
        assert_eq!(n, whole, "{pointer}: one {list} left out");
    }
}

#[test]
fn a_month_where_only_a_day_will_do() {
    let mut b = base();
    b["as_of"] = json!("2019-10");
    let r = read(&b);
    assert!(r.feed.is_none());
    assert_eq!(r.problems[0].path, "as_of");
    assert!(
        r.problems[0]
            .message
            .starts_with("\"2019-10\" is a month; \"as_of\" needs the day as well, written YYYY-MM-DD, e.g. 2019-10-31"),
        "{}",
        r.problems[0].message
    );
    let mut b = base();
    b["actions"][0]["due"] = json!("2019-13");
    let r = read(&b);
    assert_eq!(r.problems[0].rule, Rule::NoSuchDate);
    assert_eq!(
        r.problems[0].message,
        "\"2019-13\" is not a real date; write a day as YYYY-MM-DD or a whole month as YYYY-MM, e.g. 2019-03"
    );
    b["actions"][0]["due"] = json!("March 2019");
    let r = read(&b);
    assert_eq!(r.problems[0].rule, Rule::DateForm);
    assert_eq!(
        r.problems[0].message,
        "\"March 2019\" is not a date written as YYYY-MM-DD (or YYYY-MM for a whole month), e.g. 2019-02-28"
    );
}

#[test]
fn an_inspection_ending_before_it_starts_keeps_its_judgements() {
    let mut b = base();
    b["inspections"][0]["end"] = json!("2018-11-01");
    let r = read(&b);
    assert_eq!(r.errors(), 1);
    assert!(r.problems[0].item_kept);
    let f = r.feed.unwrap();
    assert_eq!(f.inspections[0].end, None);
    assert_eq!(f.inspections[0].judgements.len(), 1);
}

#[test]
fn the_new_keys_are_read() {
    let f = read(&base()).feed.unwrap();
    assert_eq!(f.plan.status, Some(PlanStatus::Submitted));
    assert_eq!(f.plan.submit_by.unwrap().to_string(), "2019-03");
    assert_eq!(f.findings[0].response, Some(Text::from("accepted")));
    assert_eq!(f.actions[0].number(), "1.3");
    assert_eq!(f.actions[1].number(), "B");
    assert!(
        !f.actions[0].is_ongoing(),
        "complete routine work is not ongoing"
    );
    let v = &f.indicators[0].values[0];
    assert!(v.approximate);
    assert_eq!(v.breakdown.len(), 2);
    assert_eq!(v.breakdown[1].value, None);
    assert!(v.breakdown[1].suppressed);
    assert_eq!(
        f.meetings[0].follow_ups[0].done.unwrap().to_string(),
        "2020-06-30"
    );
}
