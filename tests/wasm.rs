//! The WebAssembly exports, run in headless Chromium by `wasm-pack test --headless --chrome`
//! (part of `make test`). Native `cargo test` skips this file.
#![cfg(target_arch = "wasm32")]

use action_plan_tracker::web::{summarise, validate};
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
    let r = validate(NORTHBRIDGE).unwrap();
    assert_eq!(get(&r, "ok"), JsValue::TRUE);
    assert_eq!(get(&r, "errors.length").as_f64(), Some(0.0));
    assert_eq!(get(&r, "warnings.length").as_f64(), Some(0.0));
}

#[wasm_bindgen_test]
fn validate_reports_path_line_column_and_message() {
    let text = "{\"schema_version\": \"1.0\", \"publisher\": {\"name\": \"N\"}, \"as_of\": \"2026-10-31\",\n\"plan\": {\"title\": \"P\"},\n\"actions\": [{\"id\": \"1\", \"title\": \"A\", \"status\": \"in_progress\", \"due\": \"2019-02-30\"}]}";
    let r = validate(text).unwrap();
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
    let s = summarise(NORTHBRIDGE).unwrap();
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
    let e = summarise("[1, 2]").unwrap_err();
    let msg = js_sys::Error::from(JsValue::from(e))
        .message()
        .as_string()
        .unwrap();
    assert!(msg.contains("the feed must be one JSON object"), "{msg}");
}
