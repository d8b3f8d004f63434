//! Unit tests of the validator: small feeds, one rule at a time.

use super::*;

fn minimal(actions: &str) -> String {
    format!(
        r#"{{"schema_version": "1.0", "publisher": {{"name": "Northbridge"}}, "as_of": "2026-10-31",
            "plan": {{"title": "Plan"}}, "actions": {actions}}}"#
    )
}

#[test]
fn a_minimal_feed_is_clean() {
    let r = check(minimal("[]").as_bytes());
    assert_eq!(r.problems, vec![]);
    assert!(r.feed.is_some());
}

#[test]
fn a_bad_date_names_path_line_column_and_a_real_date() {
    let text = minimal("[\n {\"id\": \"1\", \"title\": \"A\", \"status\": \"in_progress\",\n  \"due\": \"2019-02-30\"}]");
    let r = check(text.as_bytes());
    assert_eq!(r.problems.len(), 1);
    let p = &r.problems[0];
    assert_eq!(p.path, "actions[0].due");
    assert_eq!(
        p.message,
        "\"2019-02-30\" is not a real date; write dates as YYYY-MM-DD, e.g. 2019-02-28"
    );
    assert_eq!((p.line, p.column), (4, 10));
    let feed = r.feed.unwrap();
    assert_eq!(
        feed.actions.len(),
        1,
        "a bad optional date keeps its action"
    );
    assert_eq!(feed.actions[0].due, None, "and the date is left out");
    assert!(p.item_kept);
}

#[test]
fn feed_1_1_added_and_revised_due_of_updates() {
    let text = minimal("[\n {\"id\": \"1\", \"title\": \"A\", \"status\": \"in_progress\", \"start\": \"2026-03-01\", \"added\": \"2026-02-20\",\n  \"updates\": [{\"date\": \"2026-06-01\", \"revised_due\": \"2026-12-31\"},\n   {\"date\": \"2026-07-01\", \"text\": \"kept\", \"revised_due\": \"2026-02-28\"}]}]")
        .replace("1.0", "1.1");
    let r = check(text.as_bytes());
    assert_eq!(r.problems.len(), 1, "{:?}", r.problems);
    let p = &r.problems[0];
    assert_eq!(p.severity, Severity::Error);
    assert_eq!(p.path, "actions[0].updates[1].revised_due");
    assert_eq!((p.line, p.column), (5, 58));
    assert_eq!(p.message, "this update revises the due date to 2026-02-28, before the action starts (2026-03-01); check the two dates (the revised date is left out, the rest of the update is shown)");
    let feed = r.feed.unwrap();
    let a = &feed.actions[0];
    assert_eq!(
        a.added.map(|d| d.to_string()).as_deref(),
        Some("2026-02-20")
    );
    assert_eq!(a.updates.len(), 2, "the update is kept");
    assert_eq!(
        a.updates[0].revised_due.map(|d| d.to_string()).as_deref(),
        Some("2026-12-31")
    );
    assert_eq!(a.updates[1].revised_due, None);
    let bad = check(
        minimal(r#"[{"id": "1", "title": "A", "status": "in_progress", "added": "2026-02-30"}]"#)
            .as_bytes(),
    );
    assert_eq!(bad.problems[0].path, "actions[0].added");
    assert!(bad.problems[0].message.contains("not a real date"));
}

#[test]
fn invalid_items_are_left_out_and_the_rest_kept() {
    let r = check(
        minimal(r#"[{"id": "1", "title": "A", "status": "done"}, {"id": "2", "title": "B", "status": "complete", "completed": "2026-01-01",
            "updates": [{"date": "2026-13-01"}, {"date": "2026-01-01"}]}]"#)
        .as_bytes(),
    );
    let feed = r.feed.unwrap();
    assert_eq!(feed.actions.len(), 1);
    assert_eq!(feed.actions[0].id, "2");
    assert_eq!(
        feed.actions[0].updates.len(),
        1,
        "a bad update drops the update, not the action"
    );
    assert_eq!(r.problems.len(), 2);
    assert!(
        r.problems[0].message.contains("\"done\" is not a status"),
        "{}",
        r.problems[0].message
    );
}

#[test]
fn what_starts_like_a_feed() {
    for feed in [
        &b"{}"[..],
        b"  \n[1]",
        b"\xEF\xBB\xBF {",
        b"",
        b"   ",
        b"\xFF\xFE{\x00",
        b"\x00{",
    ] {
        assert!(starts_like_a_feed(feed), "{feed:?}");
    }
    for other in [
        &b"<!doctype html>"[..],
        b"\n  <html>",
        b"Service temporarily unavailable",
        b"\xEF\xBB\xBFOK",
        b"null",
        b"\"text\"",
        b"404",
        b"id,title,status\r\n",
    ] {
        assert!(!starts_like_a_feed(other), "{other:?}");
    }
}

#[test]
fn suggestions_for_near_misses() {
    let r = check(
        minimal(r#"[{"id": "1", "title": "A", "status": "In progress", "deu": "2026-01-01"}]"#)
            .as_bytes(),
    );
    let msgs: Vec<_> = r.problems.iter().map(|p| p.message.as_str()).collect();
    assert!(
        msgs.iter()
            .any(|m| m.contains("did you mean \"in_progress\"")),
        "{msgs:?}"
    );
    assert!(
        msgs.iter()
            .any(|m| m.contains("unknown key \"deu\" is ignored; did you mean \"due\"?")),
        "{msgs:?}"
    );
}

#[test]
fn cycles_and_dangling_references() {
    let r = check(
        minimal(
            r#"[{"id": "1", "title": "A", "status": "in_progress", "parent": "2"},
                {"id": "2", "title": "B", "status": "in_progress", "parent": "1"},
                {"id": "3", "title": "C", "status": "in_progress", "priority": "P9"},
                {"id": "4", "title": "D", "status": "in_progress", "parent": "3"}]"#,
        )
        .as_bytes(),
    );
    let feed = r.feed.unwrap();
    // Every action is kept: the parents in the circle and the dangling priority are left out.
    assert_eq!(
        feed.actions
            .iter()
            .map(|a| (a.id.as_str(), a.parent.as_deref(), a.priority.as_deref()))
            .collect::<Vec<_>>(),
        [
            ("1", None, None),
            ("2", None, None),
            ("3", None, None),
            ("4", Some("3"), None)
        ]
    );
    assert!(r.problems.iter().all(|p| p.item_kept));
    assert_eq!(
        r.problems.iter().filter(|p| p.rule == Rule::Cycle).count(),
        2
    );
    let dangling = r
        .problems
        .iter()
        .find(|p| p.rule == Rule::Reference)
        .unwrap();
    assert_eq!(dangling.path, "actions[2].priority");
    assert_eq!(dangling.message, "action \"3\" refers to priority \"P9\", but there is no priority with that id in \"priorities\"");
}

#[test]
fn whole_file_problems() {
    assert_eq!(check(b"").problems[0].rule, Rule::Empty);
    assert_eq!(check(b"[]").problems[0].rule, Rule::NotObject);
    assert_eq!(check(b"{\"a\": \xff}").problems[0].rule, Rule::Encoding);
    assert_eq!(check(b"\xff\xfe{\0}\0").problems[0].rule, Rule::Encoding);
    assert_eq!(
        check("[".repeat(10_000).as_bytes()).problems[0].rule,
        Rule::TooDeep
    );
    let r = check(b"{\n  \"a\": 1,\n}");
    assert_eq!(
        (r.problems[0].rule, r.problems[0].line, r.problems[0].column),
        (Rule::Syntax, 3, 1)
    );
    let bom = format!("\u{feff}{}", minimal("[]"));
    assert!(check(bom.as_bytes()).problems.is_empty());
    let v2 = minimal("[]").replace("1.0", "2.0");
    let r = check(v2.as_bytes());
    assert!(r.feed.is_none());
    assert!(
        r.problems[0].message.contains("version 2 feed"),
        "{}",
        r.problems[0].message
    );
}

#[test]
fn urls_must_be_web_addresses() {
    for ok in ["https://example.gov.uk/x", "HTTP://a"] {
        assert!(is_web_address(ok), "{ok}");
    }
    for bad in [
        "javascript:alert(1)",
        "data:text/html,x",
        "/plan.json",
        "https://",
        "https:///x",
        "ftp://a",
        " https://a",
    ] {
        assert!(!is_web_address(bad), "{bad}");
    }
}

/// The rule declared after `rule`, `None` after the last: a match the compiler holds to every
/// rule, so a new rule does not build until it is named here. Put it in the chain at its place
/// in the enum (a rule left out of the middle fails
/// `each_rule_is_written_by_its_name_in_snake_case`, which walks the chain and checks each
/// rule's place), and a new last rule takes the `None`.
fn rule_after(rule: Rule) -> Option<Rule> {
    use Rule::*;
    match rule {
        Empty => Some(TooLarge),
        TooLarge => Some(Encoding),
        Encoding => Some(Syntax),
        Syntax => Some(TooDeep),
        TooDeep => Some(NumberTooLarge),
        NumberTooLarge => Some(NotObject),
        NotObject => Some(Required),
        Required => Some(Type),
        Type => Some(Enum),
        Enum => Some(DateForm),
        DateForm => Some(NoSuchDate),
        NoSuchDate => Some(PeriodForm),
        PeriodForm => Some(NoSuchPeriod),
        NoSuchPeriod => Some(Url),
        Url => Some(Range),
        Range => Some(Version),
        Version => Some(DuplicateId),
        DuplicateId => Some(Reference),
        Reference => Some(Cycle),
        Cycle => Some(Inconsistent),
        Inconsistent => Some(UnknownKey),
        UnknownKey => Some(DuplicateKey),
        DuplicateKey => Some(Suspicious),
        Suspicious => None,
    }
}

#[test]
fn each_rule_is_written_by_its_name_in_snake_case() {
    let all: Vec<Rule> = std::iter::successors(Some(Rule::Empty), |&r| rule_after(r)).collect();
    for (i, &rule) in all.iter().enumerate() {
        assert_eq!(
            rule as usize, i,
            "{rule:?} is in the chain at its place in the enum"
        );
    }
    for rule in all {
        let snake: String = format!("{rule:?}")
            .chars()
            .enumerate()
            .flat_map(|(i, c)| {
                let sep = (i > 0 && c.is_ascii_uppercase()).then_some('_');
                sep.into_iter().chain([c.to_ascii_lowercase()])
            })
            .collect();
        assert_eq!(rule.name(), snake);
        assert_eq!(
            serde_json::to_string(&rule).unwrap(),
            format!("\"{snake}\"")
        );
    }
}

/// `closest_ascii` is given the words of the feed's enums and the keys of its objects, and is
/// `closest` only for options written in ASCII: every one of them is.
#[test]
fn every_word_and_key_closest_ascii_is_given_is_ascii() {
    use crate::feed::*;
    let words = [
        PlanStatus::WORDS,
        Inspectorate::WORDS,
        InspectionType::WORDS,
        Area::WORDS,
        Grade::WORDS,
        FindingKind::WORDS,
        Status::WORDS,
        Rag::WORDS,
        Unit::WORDS,
        Polarity::WORDS,
    ];
    let declared = include_str!("../feed/enums.rs")
        .matches("\nfeed_enum!(")
        .count();
    assert_eq!(
        words.len(),
        declared,
        "the words of every feed_enum! are checked"
    );
    for word in words.iter().copied().flatten() {
        assert!(word.is_ascii(), "{word:?}");
    }
    for (_, keys) in KEYS {
        for key in *keys {
            assert!(key.is_ascii(), "{key:?}");
        }
    }
}

/// The feed's messages find their "did you mean" with `closest_ascii`: the same as `closest`
/// whatever the text, since every option is ASCII.
#[cfg(not(target_arch = "wasm32"))]
mod closest_ascii_is_closest {
    use super::super::{closest, closest_ascii, KEYS};
    use crate::feed::Status;
    use proptest::prelude::*;

    fn same(word: &str) -> Result<(), TestCaseError> {
        let statuses = || Status::ALL.iter().map(|s| s.word());
        prop_assert_eq!(closest_ascii(word, statuses()), closest(word, statuses()));
        for (_, keys) in KEYS {
            let keys = || keys.iter().copied();
            prop_assert_eq!(
                closest_ascii(word, keys()),
                closest(word, keys()),
                "{}",
                word
            );
        }
        Ok(())
    }

    #[test]
    fn for_the_letters_whose_lower_case_is_odd() {
        for word in [
            "ΟΔΟΣ",
            "ΣΤΑΤΟΣ ΣΤΑΤΟΣ",
            "İn progress",
            "\u{212A}ind",
            "COMPLETE",
            "Not Started",
            "ĞOOD",
            "ǅone",
            "stAtUs",
        ] {
            same(word).unwrap();
        }
    }

    proptest! {
        #[test]
        fn for_any_text(word in "\\PC{0,14}", ascii in "[a-zA-Z _-]{0,20}") {
            same(&word)?;
            same(&ascii)?;
            same(&format!("{ascii}Σ"))?;
        }
    }
}
