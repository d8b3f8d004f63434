//! The Welsh page reads as a Welsh council would publish it (issue #20): every counted phrase
//! at 0, 1, 2, 3, 6 and 11 (the numbers whose Welsh differs: "Dim", radical, soft mutation,
//! aspirate, aspirate, radical), every period phrase with a month, a quarter and a financial
//! year, the example pages' corrected sentences, and Welsh for every text of every bilingual
//! example feed (every file in www/examples/, so a feed added later is checked too).
//!
//! The pages are rendered as the command line and the checker page render them
//! (`page::render`) and read as text, tags removed, so a sentence split across elements
//! still reads as one.

use action_plan_tracker::feed::schema;
use action_plan_tracker::i18n::Lang;
use action_plan_tracker::page::render;
use action_plan_tracker::validate::check;
use serde_json::{json, Value};

const COUNTS: [usize; 6] = [0, 1, 2, 3, 6, 11];

/// The page's text: tags out (a block's edge is a space, an inline element's is not, as a
/// browser shows "(<bdi>Y Cabinet</bdi>)"), entities decoded, white space collapsed.
fn text_of(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    let mut skip = false;
    let lower = html.to_ascii_lowercase();
    let mut i = 0;
    while i < html.len() {
        let rest = &lower[i..];
        if rest.starts_with("<style") || rest.starts_with("<script") {
            skip = true;
        }
        if rest.starts_with("</style>") || rest.starts_with("</script>") {
            skip = false;
        }
        let c = html[i..].chars().next().unwrap_or(' ');
        match c {
            '<' => {
                in_tag = true;
                let name: String = rest
                    .trim_start_matches("</")
                    .trim_start_matches('<')
                    .chars()
                    .take_while(char::is_ascii_alphanumeric)
                    .collect();
                if !matches!(
                    name.as_str(),
                    "bdi" | "span" | "strong" | "a" | "em" | "time"
                ) {
                    out.push(' ');
                }
            }
            '>' if in_tag => in_tag = false,
            _ if in_tag || skip => {}
            _ => out.push(c),
        }
        i += c.len_utf8();
    }
    let out = out
        .replace("&#39;", "'")
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The Welsh page of a feed, as text.
fn welsh_page(feed: &Value) -> String {
    let bytes = serde_json::to_vec(feed).expect("feed as JSON");
    let page = render(&check(&bytes), Lang::Cy).expect("the feed can be shown");
    text_of(&page)
}

fn assert_has(page: &str, want: &str, what: &str) {
    assert!(
        page.contains(want),
        "{what}: the Welsh page should say {want:?}\n--- page text ---\n{page}"
    );
}

fn assert_lacks(page: &str, wrong: &str, what: &str) {
    assert!(
        !page.contains(wrong),
        "{what}: the Welsh page still says {wrong:?}"
    );
}

/// A feed of as_of 2026-09-30 with one priority and the given actions.
fn feed(actions: Vec<Value>) -> Value {
    json!({
        "schema_version": "1.0",
        "publisher": {"name": {"en": "Cwm Tawel County Council", "cy": "Cyngor Sir Cwm Tawel"}},
        "as_of": "2026-09-30",
        "plan": {"title": {"en": "Improvement plan", "cy": "Cynllun gwella"}},
        "priorities": [{"id": "P", "title": {"en": "Workforce", "cy": "Gweithlu"}}],
        "actions": actions,
    })
}

/// `n` actions, numbered from `from`, with `fields` (status, dates) in common.
fn actions(from: usize, n: usize, fields: Value) -> Vec<Value> {
    (from..from + n)
        .map(|i| {
            let mut a = json!({"id": format!("{i}"), "title": {"en": "Act", "cy": "Gweithredu"}, "priority": "P"});
            if let (Some(a), Some(f)) = (a.as_object_mut(), fields.as_object()) {
                a.extend(f.clone());
            }
            a
        })
        .collect()
}

fn overdue(from: usize, n: usize) -> Vec<Value> {
    actions(
        from,
        n,
        json!({"status": "in_progress", "due": "2026-06-30"}),
    )
}

fn later(from: usize, n: usize) -> Vec<Value> {
    actions(
        from,
        n,
        json!({"status": "not_started", "due": "2027-03-31"}),
    )
}

fn complete(from: usize, n: usize) -> Vec<Value> {
    actions(
        from,
        n,
        json!({"status": "complete", "due": "2026-03-31", "completed": "2026-03-20"}),
    )
}

/// For each of 0, 1, 2, 3, 6, 11: (the count, what the page must say).
fn each(forms: [&str; 6]) -> impl Iterator<Item = (usize, &str)> {
    COUNTS.into_iter().zip(forms)
}

#[test]
fn overdue_actions_are_counted_in_welsh() {
    let stat = [
        "Dim camau gweithredu yn hwyr",
        "1 cam gweithredu yn hwyr",
        "2 gam gweithredu yn hwyr",
        "3 cham gweithredu yn hwyr",
        "6 cham gweithredu yn hwyr",
        "11 cam gweithredu yn hwyr",
    ];
    let sentence = [
        "Nid oes unrhyw gamau gweithredu yn hwyr.",
        "Mae 1 cam gweithredu yn hwyr.",
        "Mae 2 gam gweithredu yn hwyr.",
        "Mae 3 cham gweithredu yn hwyr.",
        "Mae 6 cham gweithredu yn hwyr.",
        "Mae 11 cam gweithredu yn hwyr.",
    ];
    for ((n, stat), sentence) in each(stat).zip(sentence) {
        let page = welsh_page(&feed([overdue(1, n), later(100, 1)].concat()));
        assert_has(&page, stat, &format!("{n} overdue, the overview's count"));
        assert_has(&page, sentence, &format!("{n} overdue, the chart's words"));
        if n > 0 {
            assert_has(&page, &format!("{n} yn hwyr"), "the priority bar's words");
        }
        assert_lacks(&page, "0 cam gweithredu", "zero is \"Dim\"");
    }
}

#[test]
fn actions_due_soon_are_counted_in_welsh() {
    let forms = [
        "Dim camau gweithredu i'w cwblhau o fewn y 30 diwrnod nesaf",
        "1 cam gweithredu i'w gwblhau o fewn y 30 diwrnod nesaf",
        "2 gam gweithredu i'w cwblhau o fewn y 30 diwrnod nesaf",
        "3 cham gweithredu i'w cwblhau o fewn y 30 diwrnod nesaf",
        "6 cham gweithredu i'w cwblhau o fewn y 30 diwrnod nesaf",
        "11 cam gweithredu i'w cwblhau o fewn y 30 diwrnod nesaf",
    ];
    for (n, want) in each(forms) {
        let soon = actions(1, n, json!({"status": "in_progress", "due": "2026-10-15"}));
        let page = welsh_page(&feed([soon, later(100, 1)].concat()));
        assert_has(&page, want, &format!("{n} due soon"));
    }
}

#[test]
fn matching_actions_are_counted_in_welsh() {
    // The actions view counts every action in the feed.
    let forms = [
        "Dim camau gweithredu yn cyfateb",
        "1 cam gweithredu yn cyfateb",
        "2 gam gweithredu yn cyfateb",
        "3 cham gweithredu yn cyfateb",
        "6 cham gweithredu yn cyfateb",
        "11 cam gweithredu yn cyfateb",
    ];
    for (n, want) in each(forms) {
        let page = welsh_page(&feed(later(1, n)));
        assert_has(&page, want, &format!("{n} actions"));
    }
}

#[test]
fn the_completion_sentence_agrees_with_each_number() {
    // The noun mutates after the total; the verb agrees with the number complete.
    let by_total = [
        "Nid oes unrhyw gamau gweithredu i'w cwblhau eto.",
        "Mae 1 o'r 1 cam gweithredu wedi'i gwblhau (100%).",
        "Mae 1 o'r 2 gam gweithredu wedi'i gwblhau (50%).",
        "Mae 1 o'r 3 cham gweithredu wedi'i gwblhau (33%).",
        "Mae 1 o'r 6 cham gweithredu wedi'i gwblhau (17%).",
        "Mae 1 o'r 11 cam gweithredu wedi'i gwblhau (9%).",
    ];
    for (n, want) in each(by_total) {
        let acts = if n == 0 {
            Vec::new()
        } else {
            [complete(1, 1), later(100, n - 1)].concat()
        };
        let page = welsh_page(&feed(acts));
        assert_has(&page, want, &format!("1 of {n} complete"));
    }
    let by_done = [
        "Nid oes yr un o'r 11 cam gweithredu wedi'i gwblhau eto (0%).",
        "Mae 1 o'r 11 cam gweithredu wedi'i gwblhau (9%).",
        "Mae 2 o'r 11 cam gweithredu wedi'u cwblhau (18%).",
        "Mae 3 o'r 11 cam gweithredu wedi'u cwblhau (27%).",
        "Mae 6 o'r 11 cam gweithredu wedi'u cwblhau (55%).",
        "Mae 11 o'r 11 cam gweithredu wedi'u cwblhau (100%).",
    ];
    for (n, want) in each(by_done) {
        let page = welsh_page(&feed([complete(1, n), later(100, 11 - n)].concat()));
        assert_has(&page, want, &format!("{n} of 11 complete"));
        let word = match n {
            0 => None,
            1 => Some("1 wedi'i gwblhau".to_string()),
            _ => Some(format!("{n} wedi'u cwblhau")),
        };
        if let Some(word) = word {
            assert_has(&page, &word, "the priority bar's words");
        }
    }
}

#[test]
fn withdrawn_actions_are_counted_in_welsh() {
    // Shown only when there are some: with none, no sentence at all.
    let forms = [
        "",
        "Nid yw'r ffigurau hyn yn cynnwys 1 cam gweithredu a dynnwyd yn ôl.",
        "Nid yw'r ffigurau hyn yn cynnwys 2 gam gweithredu a dynnwyd yn ôl.",
        "Nid yw'r ffigurau hyn yn cynnwys 3 cham gweithredu a dynnwyd yn ôl.",
        "Nid yw'r ffigurau hyn yn cynnwys 6 cham gweithredu a dynnwyd yn ôl.",
        "Nid yw'r ffigurau hyn yn cynnwys 11 cam gweithredu a dynnwyd yn ôl.",
    ];
    for (n, want) in each(forms) {
        let gone = actions(1, n, json!({"status": "withdrawn"}));
        let page = welsh_page(&feed([gone, later(100, 1)].concat()));
        if n == 0 {
            assert_lacks(&page, "a dynnwyd yn ôl.", "no withdrawn actions");
        } else {
            assert_has(&page, want, &format!("{n} withdrawn"));
        }
    }
}

#[test]
fn actions_without_due_dates_are_counted_in_welsh() {
    let forms = [
        "",
        "Nid oes gan 1 cam gweithredu ddyddiad targed, felly nid yw wedi'i gynnwys yn y llinellau cynlluniedig.",
        "Nid oes gan 2 gam gweithredu ddyddiad targed, felly nid ydynt wedi'u cynnwys yn y llinellau cynlluniedig.",
        "Nid oes gan 3 cham gweithredu ddyddiad targed, felly nid ydynt wedi'u cynnwys yn y llinellau cynlluniedig.",
        "Nid oes gan 6 cham gweithredu ddyddiad targed, felly nid ydynt wedi'u cynnwys yn y llinellau cynlluniedig.",
        "Nid oes gan 11 cam gweithredu ddyddiad targed, felly nid ydynt wedi'u cynnwys yn y llinellau cynlluniedig.",
    ];
    for (n, want) in each(forms) {
        let undated = actions(1, n, json!({"status": "in_progress"}));
        let page = welsh_page(&feed([undated, later(100, 1)].concat()));
        if n == 0 {
            assert_lacks(
                &page,
                "ddyddiad targed, felly",
                "every action has a due date",
            );
        } else {
            assert_has(&page, want, &format!("{n} without a due date"));
        }
    }
}

#[test]
fn items_left_out_are_counted_in_welsh() {
    let forms = [
        "",
        "Nid oes modd dangos 1 eitem yn y cynllun hwn",
        "Nid oes modd dangos 2 eitem yn y cynllun hwn",
        "Nid oes modd dangos 3 eitem yn y cynllun hwn",
        "Nid oes modd dangos 6 eitem yn y cynllun hwn",
        "Nid oes modd dangos 11 eitem yn y cynllun hwn",
    ];
    for (n, want) in each(forms) {
        let bad = actions(1, n, json!({"status": "finished"}));
        let page = welsh_page(&feed([bad, later(100, 1)].concat()));
        if n == 0 {
            assert_lacks(&page, "Nid oes modd dangos", "nothing left out");
        } else {
            assert_has(&page, want, &format!("{n} left out"));
            // The checker's messages stay English, and the page says why, in Welsh.
            assert_has(
                &page,
                "Mae'r manylion yn Saesneg am eu bod yn dyfynnu enwau meysydd y ffeil ddata",
                "why the details are in English",
            );
        }
    }
}

/// An indicator with `values` (period, value) and a Welsh comparator with the last period.
fn indicator(id: &str, values: &[(&str, f64)]) -> Value {
    let vals: Vec<Value> = values
        .iter()
        .map(|(p, v)| json!({"period": p, "value": v}))
        .collect();
    let last = values.last().map_or("", |v| v.0);
    json!({
        "id": id,
        "name": {"en": id, "cy": id},
        "unit": "percent",
        "polarity": "higher_is_better",
        "values": vals,
        "comparators": [{"name": {"en": "Wales", "cy": "Cymru"}, "values": [{"period": last, "value": 12}]}],
    })
}

#[test]
fn every_period_phrase_fits_a_month_a_quarter_and_a_financial_year() {
    // (kind, first period, last period, how Welsh says "in" each).
    let kinds = [
        (
            "month",
            "2026-01",
            "2026-08",
            "ym mis Ionawr 2026",
            "ym mis Awst 2026",
        ),
        (
            "quarter",
            "2025-Q4",
            "2026-Q2",
            "yn ystod Ch4 2025",
            "yn ystod Ch2 2026",
        ),
        (
            "year",
            "2024/25",
            "2025/26",
            "yn ystod 2024/25",
            "yn ystod 2025/26",
        ),
        (
            "day",
            "2025-03-31",
            "2026-03-31",
            "ar 31 Mawrth 2025",
            "ar 31 Mawrth 2026",
        ),
    ];
    for (kind, p0, p1, w0, w1) in kinds {
        let mut f = feed(later(1, 1));
        f["indicators"] = json!([
            indicator("rose", &[(p0, 10.0), (p1, 20.0)]),
            indicator("fell", &[(p0, 20.0), (p1, 10.0)]),
            indicator("same", &[(p0, 10.0), (p1, 10.0)]),
            indicator("only", &[(p1, 10.0)]),
        ]);
        let page = welsh_page(&f);
        for want in [
            format!("Cododd o 10% {w0} i 20% {w1}."),
            format!("Gostyngodd o 20% {w0} i 10% {w1}."),
            format!("Roedd yn 10% {w0} ac yn 10% {w1}."),
            format!("10% {w1}, yr unig ffigur."),
            format!("Cymru: 12% {w1}."),
        ] {
            assert_has(&page, &want, &format!("a {kind}"));
        }
        assert_lacks(&page, "yn ystod Ionawr", "a month is \"ym mis\"");
        assert_lacks(&page, "yn ystod Awst", "a month is \"ym mis\"");
    }
}

/// The example feeds, by file name.
fn examples() -> Vec<(String, Value)> {
    let mut out: Vec<(String, Value)> = std::fs::read_dir("www/examples")
        .expect("examples folder")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .map(|p| {
            let text = std::fs::read_to_string(&p).expect("readable example");
            let v: Value = serde_json::from_str(&text).expect("example is JSON");
            (p.display().to_string(), v)
        })
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

/// `node` with its `$ref`s followed.
fn resolve<'a>(schema: &'a Value, mut node: &'a Value) -> &'a Value {
    while let Some(r) = node.get("$ref").and_then(Value::as_str) {
        let name = r.rsplit('/').next().unwrap_or("");
        node = &schema["$defs"][name];
    }
    node
}

/// Where a feed's text fields are: a walk of the feed beside its JSON Schema (generated from
/// the Rust types, so a text field added later is found too), calling `found` with the path
/// and value of every text field.
fn texts(
    schema: &Value,
    node: &Value,
    value: &Value,
    path: &str,
    found: &mut Vec<(String, Value)>,
) {
    let is_text = |s: &Value| {
        let text = |s: &Value| s.get("$ref").and_then(Value::as_str) == Some("#/$defs/Text");
        text(s)
            || s.get("anyOf")
                .and_then(Value::as_array)
                .is_some_and(|b| b.iter().any(text))
    };
    if value.is_null() {
        return;
    }
    if is_text(node) {
        found.push((path.to_string(), value.clone()));
        return;
    }
    for branch in node
        .get("anyOf")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        texts(schema, resolve(schema, branch), value, path, found);
    }
    let node = resolve(schema, node);
    match value {
        Value::Object(m) => {
            for (k, v) in m {
                if let Some(s) = node.get("properties").and_then(|p| p.get(k)) {
                    texts(schema, s, v, &format!("{path}.{k}"), found);
                }
            }
        }
        Value::Array(items) => {
            if let Some(s) = node.get("items") {
                for (i, v) in items.iter().enumerate() {
                    texts(schema, s, v, &format!("{path}[{i}]"), found);
                }
            }
        }
        _ => {}
    }
}

#[test]
fn every_bilingual_example_has_welsh_for_every_text() {
    let schema = schema();
    let mut bilingual = 0;
    for (file, feed) in examples() {
        let mut found = Vec::new();
        texts(&schema, &schema, &feed, "", &mut found);
        assert!(
            found.len() > 10,
            "{file}: only {} text fields found: is the walk broken?",
            found.len()
        );
        let welsh = |v: &Value| {
            v.get("cy")
                .and_then(Value::as_str)
                .is_some_and(|s| !s.trim().is_empty())
        };
        if !found.iter().any(|(_, v)| welsh(v)) {
            continue; // An English-only feed.
        }
        bilingual += 1;
        let missing: Vec<String> = found
            .iter()
            .filter(|(_, v)| !welsh(v))
            .map(|(p, v)| format!("  {p}: {v}"))
            .collect();
        assert!(
            missing.is_empty(),
            "{file} is bilingual, but these texts have no Welsh (\"cy\"), so the Welsh page \
             shows them in English:\n{}",
            missing.join("\n")
        );
    }
    assert!(
        bilingual > 0,
        "no bilingual example feed was found in www/examples/"
    );
}

#[test]
fn the_welsh_example_page_reads_as_corrected() {
    let (_, feed) = examples()
        .into_iter()
        .find(|(f, _)| f.ends_with("cwm-tawel.json"))
        .expect("the Welsh example feed");
    let page = welsh_page(&feed);
    for want in [
        "Mae 5 o'r 14 cam gweithredu wedi'u cwblhau (36%).",
        "Camau gweithredu wedi'u cwblhau: 5 o'r 14",
        "Cododd o 78% ym mis Ionawr 2026 i 91% ym mis Awst 2026.",
        "Cododd o 68% yn ystod Ch4 2024 i 77% yn ystod Ch2 2026.",
        "Cymru: 81% yn ystod 2024/25.",
        "Adroddwyd ar 15 Medi 2026 (Y Cabinet)",
        "Heb ddechrau 2 Cyfanswm 14 Canran a gwblhawyd 36%",
        "Dyddiad targed yn agosáu",
        "80% wedi'i gwblhau",
        "36% wedi'u cwblhau",
        "Heb ei chwblhau eto",
        "O gymharu â'r targed",
        "Tuedd",
        "Y cynnydd mwyaf: Adnabod ein hymarfer: sicrhau ansawdd a dysgu, 1 o'r 2.",
        "Ailarchwilio llais y plentyn mewn asesiadau a chynlluniau",
        "beth oedd cael eiriolwr wedi'i olygu iddynt.",
        "Fformat newydd y cynllun llwybr y cytunwyd arno â phobl ifanc",
        "Crëwyd gydag action-plan-tracker o ddata a gyhoeddwyd gan y cyngor.",
    ] {
        assert_has(&page, want, "cwm-tawel.json");
    }
    for wrong in [
        "yn ystod Ionawr",
        "Adroddwyd i gyfarfod",
        "yn gyflawn",
        "cyflawn:",
        "Cyfanswm i'w cwblhau",
        "Canran wedi'i chwblhau",
        "Ddim eto",
        "O'i gymharu",
        "Cyfeiriad teithio",
        "targed yn agos ",
        "Re-audit",
        "iddyn nhw",
        "wedi'i gytuno gyda",
        "0 cam gweithredu",
    ] {
        assert_lacks(&page, wrong, "cwm-tawel.json");
    }
}
