//! The WebAssembly exports, run in headless Chromium by `wasm-pack test --headless --chrome`
//! (part of `make test`). Native `cargo test` skips this file.
#![cfg(target_arch = "wasm32")]

use action_plan_tracker::web::api::{cli_check, render_static_page, summarise, validate};
use action_plan_tracker::web::tracker::utf8_of;
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

// The DOM patcher (src/web/js/action-plan-tracker-dom.js) applying markup::Patch's
// instructions in the browser, as the widget does.

use action_plan_tracker::markup::{el, svg, text, Node, Patch};
use wasm_bindgen::prelude::wasm_bindgen;

#[wasm_bindgen(module = "/src/web/js/action-plan-tracker-dom.js")]
extern "C" {
    type TrackerDom;
    #[wasm_bindgen(constructor)]
    fn new(host: &JsValue) -> TrackerDom;
    #[wasm_bindgen(method)]
    fn start(this: &TrackerDom, css: &str);
    #[wasm_bindgen(method, catch)]
    fn apply(this: &TrackerDom, names: &str, ops: &[u32], text: &str) -> Result<(), JsValue>;
}

#[wasm_bindgen(inline_js = r#"
const HTML = "http://www.w3.org/1999/xhtml";
export function host() {
  const d = document.createElement("div");
  d.attachShadow({ mode: "open" });
  document.body.append(d);
  return d;
}
// The mount's content: elements with their attributes in name order, texts quoted, and the
// live state of inputs {checked|value} and options {selected}.
function shape(n) {
  if (n.nodeType === 3) return `'${n.nodeValue}'`;
  const attrs = [...n.attributes].map((a) => ` ${a.name}=${a.value}`).sort().join("");
  const html = n.namespaceURI === HTML;
  const live = html && n.localName === "input" ? `{${n.checked}|${n.value}}` : html && n.localName === "option" ? `{${n.selected}}` : "";
  return `<${html ? "" : "svg:"}${n.localName}${attrs}${live}>${[...n.childNodes].map(shape).join("")}</>`;
}
export function shown(host) {
  return [...host.shadowRoot.querySelector('[part="tracker"]').childNodes].map(shape).join("");
}
export function input(host) {
  return host.shadowRoot.querySelector("input");
}
export function typeInto(box, value) {
  box.focus();
  box.value = value;
  box.setSelectionRange(1, 2);
}
export function caret(host) {
  const box = host.shadowRoot.querySelector("input");
  return [host.shadowRoot.activeElement === box, box.value, box.selectionStart, box.selectionEnd].join(" ");
}
export function meddle(host) {
  host.shadowRoot.querySelector('[part="tracker"]').replaceChildren();
}
"#)]
extern "C" {
    fn host() -> JsValue;
    fn shown(host: &JsValue) -> String;
    fn input(host: &JsValue) -> JsValue;
    #[wasm_bindgen(js_name = typeInto)]
    fn type_into(input: &JsValue, value: &str);
    fn caret(host: &JsValue) -> String;
    fn meddle(host: &JsValue);
}

/// What `shown` says the DOM holds when it shows `n`.
fn shape(n: &Node) -> String {
    match n {
        Node::Text(t) => format!("'{t}'"),
        Node::El(e) => {
            let mut attrs: Vec<String> = e.attrs.iter().map(|(k, v)| format!(" {k}={v}")).collect();
            attrs.sort();
            let html = e.ns == action_plan_tracker::markup::Ns::Html;
            let live = match e.tag {
                "input" if html => format!(
                    "{{{}|{}}}",
                    e.get("checked").is_some(),
                    e.get("value").unwrap_or_default()
                ),
                "option" if html => format!("{{{}}}", e.get("selected").is_some()),
                _ => String::new(),
            };
            let kids: String = e.children.iter().map(shape).collect();
            format!(
                "<{}{}{}{live}>{kids}</>",
                if html { "" } else { "svg:" },
                e.tag,
                attrs.concat()
            )
        }
    }
}

/// A small random tree (xorshift from `seed`), with controls, SVG and text beyond ASCII.
fn tree(seed: &mut u64, depth: u32) -> Node {
    let mut next = |n: u64| {
        *seed ^= *seed << 13;
        *seed ^= *seed >> 7;
        *seed ^= *seed << 17;
        *seed % n
    };
    const TAGS: &[&str] = &["div", "p", "span", "input", "option", "ul"];
    const TEXTS: &[&str] = &["", "plan", "Cymraeg: ŵ ŷ", "🙂 a", "x < y & z"];
    if depth == 0 || next(4) == 0 {
        return text(TEXTS[next(5) as usize]);
    }
    let mut e = if next(6) == 0 {
        svg("g")
    } else {
        el(TAGS[next(6) as usize])
    };
    for name in ["class", "id", "checked", "value", "selected", "aria-label"] {
        if next(3) == 0 {
            e = e.attr(name, TEXTS[next(5) as usize]);
        }
    }
    for _ in 0..next(4) {
        e = e.child(tree(seed, depth - 1));
    }
    e.into()
}

fn send(dom: &TrackerDom, p: &Patch) -> Result<(), JsValue> {
    dom.apply(&p.names, &p.ops, &p.text)
}

#[wasm_bindgen_test]
fn the_patcher_makes_the_dom_show_each_new_tree() {
    let h = host();
    let dom = TrackerDom::new(&h);
    dom.start("");
    let mut patch = Patch::new();
    let mut seed = 0x2545_f491_4f6c_dd1d;
    let mut old = el("div").into();
    patch.create(&old);
    send(&dom, &patch).unwrap();
    for _ in 0..300 {
        let mut new = old.clone();
        match &mut new {
            Node::El(e) if !e.children.is_empty() && seed % 2 == 0 => {
                let k = (seed % e.children.len() as u64) as usize;
                e.children[k] = tree(&mut seed, 3);
            }
            _ => new = tree(&mut seed, 4),
        }
        patch.update(&old, &new);
        send(&dom, &patch).unwrap();
        assert_eq!(shown(&h), shape(&new), "{}", new.to_html());
        old = new;
    }
}

#[wasm_bindgen_test]
fn a_box_being_typed_in_keeps_its_text_focus_and_selection() {
    let page = |q: &str, count: &str| -> Node {
        el("div")
            .child(el("input").attr("type", "search").attr("value", q))
            .child(el("p").text(count))
            .into()
    };
    let h = host();
    let dom = TrackerDom::new(&h);
    dom.start("");
    let mut patch = Patch::new();
    let a = page("pl", "5 actions");
    patch.create(&a);
    send(&dom, &patch).unwrap();
    // The reader types "a": the box says "pla" before the tracker hears of it.
    type_into(&input(&h), "pla");
    let b = page("pla", "3 actions");
    patch.update(&a, &b);
    send(&dom, &patch).unwrap();
    assert_eq!(caret(&h), "true pla 1 2");
    assert!(shown(&h).contains("'3 actions'"), "{}", shown(&h));
    // The tree clears the box (a "remove search" button): the DOM follows.
    let c = page("", "5 actions");
    patch.update(&b, &c);
    send(&dom, &patch).unwrap();
    assert_eq!(shown(&h), shape(&c));
}

#[wasm_bindgen_test]
fn a_dom_changed_behind_the_patchers_back_is_reported() {
    let h = host();
    let dom = TrackerDom::new(&h);
    dom.start("");
    let mut patch = Patch::new();
    let a: Node = el("p").text("a").into();
    let b: Node = el("p").text("b").into();
    patch.create(&a);
    send(&dom, &patch).unwrap();
    meddle(&h);
    patch.update(&a, &b);
    assert!(send(&dom, &patch).is_err());
    // Built afresh, it shows the tree again.
    patch.create(&b);
    send(&dom, &patch).unwrap();
    assert_eq!(shown(&h), shape(&b));
}

#[wasm_bindgen(inline_js = r#"
export function encoded(text) { return new TextEncoder().encode(text); }
export function lone() { return "a\uD800b\uDC00"; }
"#)]
extern "C" {
    fn encoded(text: &js_sys::JsString) -> Vec<u8>;
    fn lone() -> js_sys::JsString;
}

#[wasm_bindgen_test]
fn a_feed_given_as_text_reaches_the_core_as_text_encoder_would_encode_it() {
    let long_ascii = NORTHBRIDGE.repeat(3);
    let late_welsh = format!("{}ŵ and 🙂", "x".repeat(1000));
    for text in [
        "",
        "plan",
        "ŵ",
        "Cymraeg: ŵ ŷ",
        "🙂",
        &long_ascii,
        &late_welsh,
    ] {
        let js = js_sys::JsString::from(text);
        assert_eq!(
            utf8_of(&js),
            text.as_bytes(),
            "{}",
            &text[..text.len().min(40)]
        );
    }
    // Lone surrogates (a JavaScript string can hold them): U+FFFD, as encode() gives.
    assert_eq!(utf8_of(&lone()), encoded(&lone()));
}
