//! The WebAssembly exports, run in headless Chromium by `wasm-pack test --headless --chrome`
//! (part of `make test`). Native `cargo test` skips this file.
#![cfg(target_arch = "wasm32")]

use action_plan_tracker::web::tracker::{cli_check, render_static_page, summarise, validate};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const NORTHBRIDGE: &str = include_str!("../www/examples/northbridge.json");

fn get(v: &JsValue, path: &str) -> JsValue {
    path.split('.')
        .fold(v.clone(), |v, k| match k.parse::<u32>() {
            Ok(i) => js_sys::Reflect::get_u32(&v, i).unwrap(),
            Err(_) => js_sys::Reflect::get(&v, &JsValue::from_str(k)).unwrap(),
        })
}

#[wasm_bindgen_test]
fn validate_reports_a_clean_example() {
    let r = validate(NORTHBRIDGE.into()).unwrap();
    assert_eq!(get(&r, "ok"), JsValue::TRUE);
    assert_eq!(get(&r, "errors.length").as_f64(), Some(0.0));
    assert_eq!(get(&r, "warnings.length").as_f64(), Some(0.0));
}

#[wasm_bindgen_test]
fn validate_reports_path_line_column_and_message() {
    let text = "{\"schema_version\": \"1.0\", \"publisher\": {\"name\": \"N\"}, \"as_of\": \"2026-10-31\",\n\"plan\": {\"title\": \"P\"},\n\"actions\": [{\"id\": \"1\", \"title\": \"A\", \"status\": \"in_progress\", \"due\": \"2019-02-30\"}]}";
    let r = validate(text.into()).unwrap();
    assert_eq!(get(&r, "ok"), JsValue::FALSE);
    assert_eq!(
        get(&r, "errors.0.path").as_string().unwrap(),
        "actions[0].due"
    );
    assert_eq!(get(&r, "errors.0.line").as_f64(), Some(3.0));
    assert_eq!(get(&r, "errors.0.column").as_f64(), Some(71.0));
    assert_eq!(
        get(&r, "errors.0.message").as_string().unwrap(),
        "\"2019-02-30\" is not a real date; write dates as YYYY-MM-DD, e.g. 2019-02-28"
    );
}

#[wasm_bindgen_test]
fn summarise_gives_the_embedding_figures_as_a_plain_object() {
    let s = summarise(NORTHBRIDGE.into(), None).unwrap();
    assert!(s.is_object());
    assert_eq!(get(&s, "as_of").as_string().unwrap(), "2026-10-31");
    assert_eq!(get(&s, "actions.total").as_f64(), Some(45.0));
    assert_eq!(get(&s, "actions.complete").as_f64(), Some(16.0));
    assert_eq!(get(&s, "actions.overdue").as_f64(), Some(7.0));
    assert_eq!(get(&s, "indicators.meeting_target").as_f64(), Some(6.0));
    assert_eq!(get(&s, "problems.errors").as_f64(), Some(0.0));
}

#[wasm_bindgen_test]
fn summarise_refuses_what_is_not_a_feed() {
    let e = summarise("[1, 2]".into(), None).unwrap_err();
    let msg = js_sys::Error::from(JsValue::from(e))
        .message()
        .as_string()
        .unwrap();
    assert!(msg.contains("the feed must be one JSON object"), "{msg}");
}

fn error_message(e: wasm_bindgen::JsError) -> String {
    js_sys::Error::from(JsValue::from(e))
        .message()
        .as_string()
        .unwrap()
}

#[wasm_bindgen_test]
fn a_feed_may_be_given_as_the_bytes_of_its_file() {
    let bytes = js_sys::Uint8Array::from(NORTHBRIDGE.as_bytes());
    let s = summarise(bytes.into(), None).unwrap();
    assert_eq!(get(&s, "actions.total").as_f64(), Some(45.0));
    // Bytes that are not UTF-8 get the command line's message, not a replacement character.
    let latin1 = js_sys::Uint8Array::from(&b"{\"plan\": \"Caf\xe9\"}"[..]);
    let r = validate(latin1.into()).unwrap();
    let message = get(&r, "errors.0.message").as_string().unwrap();
    assert!(
        message.starts_with("the file is not UTF-8 text"),
        "{message}"
    );
    // An empty text is "empty", as the command line says of an empty file.
    let r = validate("".into()).unwrap();
    assert_eq!(get(&r, "errors.0.rule").as_string().unwrap(), "empty");
    let e = validate(JsValue::from_f64(42.0)).unwrap_err();
    assert!(error_message(e).contains("validate() takes the feed's JSON text"));
}

#[wasm_bindgen_test]
fn render_static_page_is_the_command_lines_page() {
    let en = render_static_page(NORTHBRIDGE.into(), "en", None, false).unwrap();
    assert!(
        en.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"),
        "{}",
        &en[..60]
    );
    let cy = render_static_page(NORTHBRIDGE.into(), "cy", None, false).unwrap();
    assert!(cy.starts_with("<!DOCTYPE html>\n<html lang=\"cy\">"));
    let e = render_static_page("<html>".into(), "en", None, false).unwrap_err();
    assert!(error_message(e).starts_with("the feed cannot be shown: "));
}

#[wasm_bindgen_test]
fn cli_check_lists_problems_in_file_order_with_the_summary() {
    let text = "{\"schema_version\": \"1.0\", \"publisher\": {\"name\": \"N\"}, \"as_of\": \"2026-10-31\", \"plan\": {\"title\": \"P\"},\n\"actions\": [{\"id\": \"1\", \"title\": \"A\", \"status\": \"complete\", \"colour\": 1}, {\"id\": \"2\", \"title\": \"B\", \"status\": \"done\"}]}";
    let c = cli_check(text.as_bytes(), None).unwrap();
    let severities: Vec<String> = (0..get(&c, "problems.length").as_f64().unwrap() as u32)
        .map(|i| {
            get(&c, &format!("problems.{i}.severity"))
                .as_string()
                .unwrap()
        })
        .collect();
    // A warning on the first action comes before the error on the second, as in the file.
    assert_eq!(
        severities.first().map(String::as_str),
        Some("warning"),
        "{severities:?}"
    );
    assert!(severities.iter().any(|s| s == "error"), "{severities:?}");
    assert_eq!(get(&c, "summary.actions.total").as_f64(), Some(1.0));
    let c = cli_check(b"[]", None).unwrap();
    assert!(get(&c, "summary").is_null() || get(&c, "summary").is_undefined());
}
