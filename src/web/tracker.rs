//! The browser layer: the WebAssembly exports and the tracker that lives in a shadow root.
//!
//! The JavaScript element (`src/web/js/action-plan-tracker.js`) is a thin shell: it fetches the
//! feed and forwards attributes. Everything else happens here: reading the feed, keeping the
//! reader's state, deciding what the DOM shows (each render compares the view's new [`Node`]
//! tree with the one shown and sends the differences as one [`Patch`] to the patcher in
//! `src/web/js/action-plan-tracker-dom.js`, which makes text nodes and attributes only, never
//! HTML), one delegated listener per event type, the URL fragment, and the `tracker-*` events.
//! Listeners and timers are owned by handles ([`Listener`], [`Timer`]) that remove them when
//! the tracker is freed; no `RefCell` borrow is held while the page's own code can run
//! (patching the DOM, dispatching events, calling the retry callback).

use super::to_js;
use crate::date::Date;
use crate::filter::{Effect, Index, State, View};
use crate::i18n::{t, Lang};
use crate::markup::{Node, Patch};
use crate::summary::Summary;
use crate::validate::{self, Problem};
use crate::{csv, view};
use std::cell::RefCell;
use std::rc::{Rc, Weak};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// An event listener that is removed when the handle is dropped.
pub struct Listener {
    target: web_sys::EventTarget,
    kind: &'static str,
    capture: bool,
    closure: Closure<dyn FnMut(web_sys::Event)>,
}

impl Listener {
    /// Listens for `kind` events on `target` until dropped; in the capture phase when
    /// `capture`: the only way to hear, on an ancestor, an event that does not bubble (a
    /// `<details>`' `toggle`).
    pub fn new(
        target: &web_sys::EventTarget,
        kind: &'static str,
        capture: bool,
        f: impl FnMut(web_sys::Event) + 'static,
    ) -> Result<Listener, JsValue> {
        let closure = Closure::<dyn FnMut(web_sys::Event)>::new(f);
        target.add_event_listener_with_callback_and_bool(
            kind,
            closure.as_ref().unchecked_ref(),
            capture,
        )?;
        Ok(Listener {
            target: target.clone(),
            kind,
            capture,
            closure,
        })
    }
}

impl Drop for Listener {
    fn drop(&mut self) {
        let _ = self.target.remove_event_listener_with_callback_and_bool(
            self.kind,
            self.closure.as_ref().unchecked_ref(),
            self.capture,
        );
    }
}

/// A `setTimeout` that is cleared when the handle is dropped.
pub struct Timer {
    id: i32,
    _closure: Closure<dyn FnMut()>,
}

impl Timer {
    /// Calls `f` once after `ms` milliseconds, unless dropped before.
    pub fn new(ms: i32, f: impl FnMut() + 'static) -> Result<Timer, JsValue> {
        let closure = Closure::<dyn FnMut()>::new(f);
        let id = window()?.set_timeout_with_callback_and_timeout_and_arguments_0(
            closure.as_ref().unchecked_ref(),
            ms,
        )?;
        Ok(Timer {
            id,
            _closure: closure,
        })
    }
}

impl Drop for Timer {
    fn drop(&mut self) {
        if let Ok(w) = window() {
            w.clear_timeout_with_handle(self.id);
        }
    }
}

#[wasm_bindgen]
extern "C" {
    /// The tracker's hands in the page (`TrackerDom`, src/web/js/action-plan-tracker-dom.js):
    /// the DOM patcher, and the few other things done to the page.
    #[derive(Clone)]
    pub type Dom;

    /// The element's shadow root, where the reader's clicks and typing are heard.
    #[wasm_bindgen(method, getter)]
    fn root(this: &Dom) -> web_sys::EventTarget;

    /// Empties the shadow root and gives it the stylesheet and an empty mount.
    #[wasm_bindgen(method, catch)]
    fn start(this: &Dom, css: &str) -> Result<(), JsValue>;

    /// Applies a [`Patch`]; fails when the DOM is not what the tracker last drew.
    #[wasm_bindgen(method, catch)]
    fn apply(this: &Dom, names: &str, ops: &[u32], text: &str) -> Result<(), JsValue>;

    /// Focuses the element with this id, if shown.
    #[wasm_bindgen(method, catch)]
    fn focus(this: &Dom, id: &str) -> Result<(), JsValue>;

    /// Sends a `tracker-*` event from the element.
    #[wasm_bindgen(method, catch)]
    fn dispatch(this: &Dom, name: &str, detail: &JsValue) -> Result<(), JsValue>;

    /// Downloads a CSV file.
    #[wasm_bindgen(method, catch)]
    fn download(this: &Dom, text: &str, name: &str) -> Result<(), JsValue>;
}

#[wasm_bindgen]
extern "C" {
    /// The browser's (and Node's) `TextEncoder`.
    type TextEncoder;
    #[wasm_bindgen(constructor)]
    fn new() -> TextEncoder;
    #[wasm_bindgen(method, js_name = encodeInto)]
    fn encode_into(
        this: &TextEncoder,
        text: &js_sys::JsString,
        into: &js_sys::Uint8Array,
    ) -> Encoded;

    /// What `encodeInto` did: UTF-16 code units `read`, bytes `written`.
    type Encoded;
    #[wasm_bindgen(method, getter)]
    fn read(this: &Encoded) -> u32;
    #[wasm_bindgen(method, getter)]
    fn written(this: &Encoded) -> u32;
}

/// The UTF-8 bytes of a JavaScript string (as `TextEncoder.encode` gives them: a lone
/// surrogate becomes U+FFFD). A feed is mostly ASCII: `encodeInto` writes it straight into
/// this module's memory, into exactly its length, with no copy in JavaScript first and no loop
/// in JavaScript either (wasm-bindgen's own `&str` argument copies an ASCII text one character
/// at a time: 5.5 ms against 0.7 ms for a megabyte, in a cold load). A text that does not fit
/// (it is not all ASCII) goes the glue's way, whose loop then stops at its first non-ASCII
/// character and hands the rest to `encodeInto`.
pub fn utf8_of(text: &js_sys::JsString) -> Vec<u8> {
    let units = text.length();
    let mut bytes = vec![0; units as usize];
    // The view is made once the vector has its room (memory that grows would detach it).
    let memory: js_sys::WebAssembly::Memory = wasm_bindgen::memory().unchecked_into();
    let into = js_sys::Uint8Array::new_with_byte_offset_and_length(
        &memory.buffer(),
        bytes.as_ptr() as u32,
        units,
    );
    let done = TextEncoder::new().encode_into(text, &into);
    if done.read() == units {
        bytes.truncate(done.written() as usize);
        bytes
    } else {
        String::from(text).into_bytes()
    }
}

/// How long typing in the search box must pause before the address bar follows it (it
/// follows at once when the box reports a `change`: Enter, or leaving it).
const URL_PAUSE_MS: i32 = 300;

struct Loaded {
    feed: crate::feed::Feed,
    problems: Vec<Problem>,
    summary: Summary,
    index: Index,
}

enum Phase {
    Loading,
    Ready(Box<Loaded>),
    Failed {
        message: String,
        problems: Vec<Problem>,
    },
}

struct Inner {
    dom: Dom,
    ns: String,
    lang: Lang,
    default_view: View,
    compact: bool,
    printing: bool,
    /// `print="full"`: the printed report carries every action's details as an appendix.
    print_full: bool,
    phase: Phase,
    state: State,
    /// What the DOM shows now (`None` while a render is patching it, or after a failed one).
    shown: Option<Node>,
    /// The patch made for `dom`'s patcher, which knows the names it has sent (`None` while a
    /// render is using it).
    patch: Option<Patch>,
    /// The search typed and not yet in the address bar: written when typing pauses.
    url_timer: Option<Timer>,
    /// True while `url_timer` has a write to do.
    url_due: bool,
    /// What a render drew: the phase or state changed while it was patching (page code run
    /// by a focus event called back in), so it must draw again.
    draw: Draw,
    on_retry: js_sys::Function,
}

/// Where rendering stands: see [`render`].
#[derive(Clone, Copy, PartialEq, Eq)]
enum Draw {
    Idle,
    Drawing,
    Again,
}

/// One `<action-plan-tracker>`: created by the element, freed when it leaves the page.
#[wasm_bindgen]
pub struct Tracker {
    inner: Rc<RefCell<Inner>>,
    _listeners: Vec<Listener>,
}

/// Something to tell the page once no borrow is held.
enum Out {
    Event(&'static str, JsValue),
    Retry,
    Focus(&'static str),
}

fn today() -> Date {
    let d = js_sys::Date::new_0();
    Date::new(
        d.get_full_year() as i32,
        (d.get_month() + 1) as u8,
        d.get_date() as u8,
    )
    .unwrap_or_else(|| Date::from_days_since_epoch(0))
}

fn window() -> Result<web_sys::Window, JsValue> {
    web_sys::window().ok_or_else(|| JsValue::from_str("no window"))
}

fn location_hash() -> String {
    window()
        .and_then(|w| w.location().hash())
        .unwrap_or_default()
}

static PANIC_HOOK: std::sync::Once = std::sync::Once::new();

/// A panic cannot be caught in WebAssembly; tell the JavaScript shell so it can show every
/// tracker's error state instead of a frozen widget.
fn install_panic_hook() {
    PANIC_HOOK.call_once(|| {
        std::panic::set_hook(Box::new(|info| {
            let msg = info.to_string();
            let global = js_sys::global();
            if let Ok(f) =
                js_sys::Reflect::get(&global, &JsValue::from_str("__actionPlanTrackerPanic"))
            {
                if let Some(f) = f.dyn_ref::<js_sys::Function>() {
                    let _ = f.call1(&JsValue::NULL, &JsValue::from_str(&msg));
                }
            }
        }));
    });
}

#[wasm_bindgen]
impl Tracker {
    /// Mounts a tracker into `dom`'s shadow root (a `TrackerDom` of the element). `ns` names
    /// this tracker in the URL fragment; `on_retry` is called when the reader asks to try
    /// loading again.
    #[wasm_bindgen(constructor)]
    pub fn new(dom: Dom, ns: String, on_retry: js_sys::Function) -> Result<Tracker, JsValue> {
        install_panic_hook();
        dom.start(crate::render::STYLE)?;
        let root = dom.root();
        let inner = Rc::new(RefCell::new(Inner {
            dom,
            ns,
            lang: Lang::En,
            default_view: View::Overview,
            compact: false,
            printing: false,
            print_full: false,
            phase: Phase::Loading,
            state: State::default(),
            shown: None,
            patch: Some(Patch::new()),
            url_timer: None,
            url_due: false,
            draw: Draw::Idle,
            on_retry,
        }));
        let weak = Rc::downgrade(&inner);
        let win: web_sys::EventTarget = window()?.into();
        // A table and a loop rather than a call per listener: one closure type, and one way
        // out when adding one fails (the listeners added before it are removed as they drop).
        type Handler = fn(&Weak<RefCell<Inner>>, web_sys::Event);
        let handlers: [(&'static str, &web_sys::EventTarget, bool, Handler); 8] = [
            ("click", &root, false, on_click),
            ("change", &root, false, on_change),
            ("input", &root, false, on_input),
            ("toggle", &root, true, on_toggle),
            ("popstate", &win, false, on_location),
            ("hashchange", &win, false, on_location),
            ("beforeprint", &win, false, |w, _| set_printing(w, true)),
            ("afterprint", &win, false, |w, _| set_printing(w, false)),
        ];
        let mut listeners = Vec::with_capacity(handlers.len());
        for (kind, target, capture, f) in handlers {
            let w = weak.clone();
            listeners.push(Listener::new(target, kind, capture, move |e| f(&w, e))?);
        }
        let tracker = Tracker {
            inner,
            _listeners: listeners,
        };
        tracker.render_now()?;
        Ok(tracker)
    }

    /// Sets the interface language (`en`, `cy`).
    #[wasm_bindgen(js_name = setLang)]
    pub fn set_lang(&self, code: &str) -> Result<(), JsValue> {
        self.inner.borrow_mut().lang = Lang::from_code(code);
        self.render_now()
    }

    /// Sets the view shown when the URL names none.
    #[wasm_bindgen(js_name = setView)]
    pub fn set_view(&self, word: &str) -> Result<(), JsValue> {
        {
            let mut i = self.inner.borrow_mut();
            let v = View::from_word(word.trim()).unwrap_or_default();
            i.default_view = v;
            i.state.view = v;
            if v != View::Actions {
                i.state.groups.clear();
            }
        }
        self.render_now()
    }

    /// Switches the compact card on or off.
    #[wasm_bindgen(js_name = setCompact)]
    pub fn set_compact(&self, on: bool) -> Result<(), JsValue> {
        self.inner.borrow_mut().compact = on;
        self.render_now()
    }

    /// What printing gives: the committee report, with every action's details as an appendix
    /// when `full` (the element's `print="full"`).
    #[wasm_bindgen(js_name = setPrintFull)]
    pub fn set_print_full(&self, full: bool) -> Result<(), JsValue> {
        let printing = {
            let mut i = self.inner.borrow_mut();
            i.print_full = full;
            i.printing
        };
        if printing {
            self.render_now()
        } else {
            Ok(())
        }
    }

    /// Shows the loading state.
    pub fn loading(&self) -> Result<(), JsValue> {
        self.inner.borrow_mut().phase = Phase::Loading;
        self.render_now()
    }

    /// Reads and shows a feed from the bytes of its file. Returns the summary, or `null` when
    /// it cannot be shown (then the error state is shown and `tracker-error` sent).
    pub fn load(&self, bytes: &[u8]) -> Result<JsValue, JsValue> {
        self.show(bytes)
    }

    /// As [`Tracker::load`], for a feed given as its JSON text (the element's `feed`): see
    /// [`utf8_of`].
    #[wasm_bindgen(js_name = loadText)]
    pub fn load_text(&self, text: &js_sys::JsString) -> Result<JsValue, JsValue> {
        self.show(&utf8_of(text))
    }

    fn show(&self, bytes: &[u8]) -> Result<JsValue, JsValue> {
        // The reader's state is read again from the address: a search typed a moment ago
        // goes there first.
        write_due_url(&self.inner)?;
        let report = validate::check(bytes);
        let mut rewrite = false;
        let out = {
            let mut i = self.inner.borrow_mut();
            let summary = Summary::of_report(&report);
            match (report.feed, summary) {
                (Some(feed), Some(summary)) => {
                    let index = Index::new(&feed);
                    let (state, dropped) = state_from_location(&i, &feed, &index);
                    i.state = keep_groups(state, &i.state);
                    rewrite = dropped;
                    // The comparison date the address names, if any, is the summary's too.
                    let detail = to_js(&summary.clone().with_since(&feed, i.state.since))?;
                    i.phase = Phase::Ready(Box::new(Loaded {
                        feed,
                        problems: report.problems,
                        summary,
                        index,
                    }));
                    (Out::Event("tracker-ready", detail.clone()), detail)
                }
                _ => {
                    let message = if validate::starts_like_a_feed(bytes) {
                        view::unreadable_message(i.lang)
                    } else {
                        not_a_feed_message(i.lang)
                    }
                    .to_string();
                    let detail = error_detail(&message, &report.problems)?;
                    i.phase = Phase::Failed {
                        message,
                        problems: report.problems,
                    };
                    (Out::Event("tracker-error", detail), JsValue::NULL)
                }
            }
        };
        if rewrite {
            replace_url(&self.inner)?;
        }
        self.render_now()?;
        self.tell(vec![out.0])?;
        Ok(out.1)
    }

    /// Shows why the feed could not be fetched (`kind`: `http`, `network`, `timeout`,
    /// `too-large`, `no-source`, `not-a-feed` for a `feed` property that is not JSON) and sends
    /// `tracker-error`.
    pub fn fail(&self, kind: &str, status: u16) -> Result<(), JsValue> {
        let detail = {
            let mut i = self.inner.borrow_mut();
            let lang = i.lang;
            let message = match kind {
                "http" if status == 404 => t(lang, "The plan's data file was not found (error 404). The link to it may have changed."),
                "http" => t(lang, "The server holding the plan's data did not send it (it reported an error). Try again in a few minutes."),
                "timeout" => t(lang, "The plan's data took too long to arrive. Check your connection and try again."),
                "too-large" => t(lang, "The plan's data file is larger than 20 MiB, too large to show."),
                "no-source" => t(lang, "No plan has been given to show."),
                "not-a-feed" => not_a_feed_message(lang),
                _ => t(lang, "The plan's data could not be fetched. Check your connection and try again."),
            };
            let message = if kind == "http" && status != 404 {
                format!("{message} (HTTP {status})")
            } else {
                message.to_string()
            };
            let detail = error_detail(&message, &[])?;
            i.phase = Phase::Failed {
                message,
                problems: Vec::new(),
            };
            detail
        };
        self.render_now()?;
        self.tell(vec![Out::Event("tracker-error", detail)])
    }

    /// The summary of the feed shown, or `null`.
    #[wasm_bindgen(getter)]
    pub fn summary(&self) -> Result<JsValue, JsValue> {
        let i = self.inner.borrow();
        match &i.phase {
            Phase::Ready(l) => Ok(to_js(
                &l.summary.clone().with_since(&l.feed, i.state.since),
            )?),
            _ => Ok(JsValue::NULL),
        }
    }

    fn render_now(&self) -> Result<(), JsValue> {
        render(&self.inner)
    }

    fn tell(&self, outs: Vec<Out>) -> Result<(), JsValue> {
        tell(&self.inner, outs)
    }
}

/// What a reader is told when the address gave a web page or a message, not a feed.
fn not_a_feed_message(lang: Lang) -> &'static str {
    t(lang, "The plan's data file is not in the expected format.")
}

/// The most problems sent with `tracker-error` (the widget's own list shows fewer): a feed
/// can have hundreds of thousands, and the page's listener gets a copy of each.
const PROBLEMS_SENT: usize = 200;

/// `tracker-error`'s detail: `{ message, problems, problem_count }`, the first
/// [`PROBLEMS_SENT`] problems and how many there are in all.
fn error_detail(message: &str, problems: &[Problem]) -> Result<JsValue, JsError> {
    #[derive(serde::Serialize)]
    struct Detail<'a> {
        message: &'a str,
        problems: &'a [Problem],
        problem_count: usize,
    }
    to_js(&Detail {
        message,
        problems: &problems[..problems.len().min(PROBLEMS_SENT)],
        problem_count: problems.len(),
    })
}

fn filter_detail(l: &Loaded, s: &State) -> Result<JsValue, JsValue> {
    #[derive(serde::Serialize)]
    struct Detail<'a> {
        #[serde(flatten)]
        state: &'a State,
        matching: usize,
    }
    let matching = l.index.matching(&l.feed, &s.filters, s.sort, s.since).len();
    to_js(&Detail { state: s, matching }).map_err(JsValue::from)
}

/// Builds the tree for the current phase and state.
fn build(i: &Inner) -> Node {
    match &i.phase {
        Phase::Loading => view::loading(i.lang).into(),
        Phase::Failed { message, problems } => view::error_state(i.lang, message, problems).into(),
        Phase::Ready(l) => {
            // The summary made at load compares with the default date; a date the reader
            // chose needs its own changes.
            let chosen;
            let summary = match i.state.since {
                None => &l.summary,
                Some(_) => {
                    chosen = l.summary.clone().with_since(&l.feed, i.state.since);
                    &chosen
                }
            };
            let cx = view::Ctx {
                feed: &l.feed,
                summary,
                problems: &l.problems,
                lang: i.lang,
                today: Some(today()),
                print: i.printing,
                ns: &i.ns,
            };
            if i.compact {
                view::compact(&cx).into()
            } else if i.printing {
                // On paper: the committee report, not the view on screen.
                crate::report::report(&cx, i.print_full).into()
            } else {
                view::widget(&cx, &i.state, &l.index).into()
            }
        }
    }
}

fn render(cell: &Rc<RefCell<Inner>>) -> Result<(), JsValue> {
    loop {
        let (old, new, mut patch, dom) = {
            let mut i = cell.borrow_mut();
            if i.draw != Draw::Idle {
                // Called back from inside a render's patching: that render draws again.
                i.draw = Draw::Again;
                return Ok(());
            }
            i.draw = Draw::Drawing;
            let patch = i.patch.take().unwrap_or_default();
            (i.shown.take(), build(&i), patch, i.dom.clone())
        };
        // No borrow is held while the DOM changes: removing the focused control fires blur
        // and focusout at once, and the page's listeners may call back into this tracker.
        let drawn = draw(&dom, &mut patch, old.as_ref(), &new);
        let mut i = cell.borrow_mut();
        let again = i.draw == Draw::Again;
        i.draw = Draw::Idle;
        i.patch = Some(patch);
        drawn?;
        i.shown = Some(new);
        if !again {
            return Ok(());
        }
    }
}

/// Makes the DOM show `new`: patches what shows `old`, or builds it afresh when there is no
/// `old`, or when the DOM turns out not to show it (page code changed the shadow root).
fn draw(dom: &Dom, patch: &mut Patch, old: Option<&Node>, new: &Node) -> Result<(), JsValue> {
    if let Some(old) = old {
        patch.update(old, new);
        if patch.is_empty() || send(dom, patch).is_ok() {
            return Ok(());
        }
    }
    patch.create(new);
    send(dom, patch)
}

/// The one call into JavaScript that applies a patch.
fn send(dom: &Dom, patch: &Patch) -> Result<(), JsValue> {
    dom.apply(&patch.names, &patch.ops, &patch.text)
}

/// Sends events and callbacks with no borrow held (page code may call back in).
fn tell(cell: &Rc<RefCell<Inner>>, outs: Vec<Out>) -> Result<(), JsValue> {
    let (dom, retry) = {
        let i = cell.borrow();
        (i.dom.clone(), i.on_retry.clone())
    };
    for o in outs {
        match o {
            Out::Event(name, detail) => dom.dispatch(name, &detail)?,
            Out::Retry => {
                retry.call0(&JsValue::NULL)?;
            }
            Out::Focus(id) => dom.focus(id)?,
        }
    }
    Ok(())
}

/// Applies a control's act to the state; re-renders, updates the URL and tells the page.
fn act(w: &Weak<RefCell<Inner>>, act: &str, value: Option<String>) -> Result<(), JsValue> {
    let Some(cell) = w.upgrade() else {
        return Ok(());
    };
    let mut outs = Vec::new();
    if act == "retry" {
        outs.push(Out::Retry);
        return tell(&cell, outs);
    }
    if act == "csv" {
        return download_csv(&cell);
    }
    // Typing in the search box writes the address bar once typing pauses. Anything else
    // writes it at once, after the search typed before it, so that a new history entry
    // (a tick, say) keeps the search in the entry before it, as typed.
    let typing = act == "search";
    if !typing {
        write_due_url(&cell)?;
    }
    let (effect, url) = {
        let mut i = cell.borrow_mut();
        let before_view = i.state.view;
        let effect = i.state.apply(act, value.as_deref());
        let mut url = String::new();
        if effect != Effect::None {
            if !typing {
                url = page_url(&i.state.fragment(&i.ns, &location_hash()))?;
            }
            if let Phase::Ready(l) = &i.phase {
                if act != "open"
                    && !act.starts_with("open:")
                    && (i.state.view == crate::filter::View::Actions || act == "since")
                {
                    outs.push(Out::Event(
                        "tracker-filter-change",
                        filter_detail(l, &i.state)?,
                    ));
                }
            }
            if i.state.view != before_view {
                outs.push(Out::Focus("apt-view-heading"));
            } else if act.starts_with("remove:") || act == "clear" || act.starts_with("page:") {
                outs.push(Out::Focus("apt-count"));
            }
        }
        (effect, url)
    };
    if effect != Effect::None {
        if typing {
            url_later(&cell)?;
        } else {
            // No borrow is held: analytics scripts often wrap pushState and run the page's
            // code inside it, which may call back into this tracker.
            let history = window()?.history()?;
            match effect {
                Effect::Push => history.push_state_with_url(&JsValue::NULL, "", Some(&url))?,
                _ => history.replace_state_with_url(&JsValue::NULL, "", Some(&url))?,
            }
        }
        render(&cell)?;
    }
    tell(&cell, outs)
}

/// Writes the address bar [`URL_PAUSE_MS`] after the last keystroke in the search box (each
/// keystroke restarts the wait), unless something writes it before.
fn url_later(cell: &Rc<RefCell<Inner>>) -> Result<(), JsValue> {
    let w = Rc::downgrade(cell);
    let timer = Timer::new(URL_PAUSE_MS, move || {
        if let Some(cell) = w.upgrade() {
            report(write_due_url(&cell));
        }
    })?;
    let earlier = {
        let mut i = cell.borrow_mut();
        i.url_due = true;
        i.url_timer.replace(timer)
    };
    // Cleared with no borrow held.
    drop(earlier);
    Ok(())
}

/// Writes the search typed so far into the address bar, if it is not there yet.
fn write_due_url(cell: &Rc<RefCell<Inner>>) -> Result<(), JsValue> {
    let due = std::mem::replace(&mut cell.borrow_mut().url_due, false);
    if due {
        replace_url(cell)
    } else {
        Ok(())
    }
}

fn target_act(e: &web_sys::Event) -> Option<(web_sys::Element, String)> {
    let target: web_sys::Element = e.target()?.dyn_into().ok()?;
    let el = target.closest("[data-act]").ok()??;
    let act = el.get_attribute("data-act")?;
    Some((el, act))
}

fn report(r: Result<(), JsValue>) {
    if let Err(e) = r {
        web_sys::console::error_2(&JsValue::from_str("action-plan-tracker:"), &e);
    }
}

fn on_click(w: &Weak<RefCell<Inner>>, e: web_sys::Event) {
    if let Some(group) = clicked_group(&e) {
        // Opened (or closed) here rather than by the browser, whose `toggle` comes a task
        // later: after a Tab pressed at once, which would skip the options not yet built.
        let open = !group.has_attribute("open");
        match set_group(w, &group, open) {
            Ok(true) => e.prevent_default(),
            Ok(false) => {}
            Err(err) => report(Err(err)),
        }
        return;
    }
    let Some((el, a)) = target_act(&e) else {
        return;
    };
    // Checkboxes and selects act on "change"; the search box on "input".
    if matches!(el.tag_name().as_str(), "INPUT" | "SELECT") {
        return;
    }
    e.prevent_default();
    report(act(w, &a, None));
}

fn on_change(w: &Weak<RefCell<Inner>>, e: web_sys::Event) {
    let Some((el, a)) = target_act(&e) else {
        return;
    };
    if a == "search" {
        // Enter, or leaving the box: the address bar takes the search at once.
        if let Some(cell) = w.upgrade() {
            report(write_due_url(&cell));
        }
        return;
    }
    let value = if let Some(s) = el.dyn_ref::<web_sys::HtmlSelectElement>() {
        Some(s.value())
    } else if a == "since" {
        // The date field: "change" fires when the reader presses Enter or leaves it.
        el.dyn_ref::<web_sys::HtmlInputElement>().map(|i| i.value())
    } else if a.starts_with("toggle:") {
        None
    } else {
        return;
    };
    report(act(w, &a, value));
}

fn on_input(w: &Weak<RefCell<Inner>>, e: web_sys::Event) {
    let Some((el, a)) = target_act(&e) else {
        return;
    };
    if a != "search" {
        return;
    }
    let value = el.dyn_ref::<web_sys::HtmlInputElement>().map(|i| i.value());
    report(act(w, &a, value));
}

/// The filter group (a `<details>` with `data-group`) whose summary `e` clicked: a click, or
/// Enter or Space on the summary.
fn clicked_group(e: &web_sys::Event) -> Option<web_sys::Element> {
    let target: web_sys::Element = e.target()?.dyn_into().ok()?;
    let group = target.closest("summary").ok()??.parent_element()?;
    group.has_attribute("data-group").then_some(group)
}

/// A filter group opened or closed by anything but its summary (find in page, the page's
/// code): `toggle` is sent after the change, to the group alone, so it is heard in the
/// capture phase. After a click on the summary the state already says so: nothing to do.
fn on_toggle(w: &Weak<RefCell<Inner>>, e: web_sys::Event) {
    let Some(group) = e
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .filter(|el| el.tag_name() == "DETAILS" && el.has_attribute("data-group"))
    else {
        return;
    };
    let open = group.has_attribute("open");
    report(set_group(w, &group, open).map(drop));
}

/// Records filter group `group` as open or closed in the reader's state (`group:KIND`) and
/// re-renders: its options are built or dropped, its summary (and the focus on it) left where
/// they are. Neither the address nor the page is told ([`Effect::Render`]). True when the
/// state changed.
fn set_group(
    w: &Weak<RefCell<Inner>>,
    group: &web_sys::Element,
    open: bool,
) -> Result<bool, JsValue> {
    let (Some(cell), Some(kind)) = (w.upgrade(), group.get_attribute("data-group")) else {
        return Ok(false);
    };
    let value = if open { "open" } else { "closed" };
    let effect = cell
        .borrow_mut()
        .state
        .apply(&format!("group:{kind}"), Some(value));
    if effect == Effect::None {
        return Ok(false);
    }
    render(&cell)?;
    Ok(true)
}

/// `state` (read from the address) with the filter groups `shown` has open, which the address
/// does not hold: a reader going back, or a feed read again, does not see them snap shut.
fn keep_groups(mut state: State, shown: &State) -> State {
    if state.view == View::Actions {
        state.groups = shown.groups.clone();
    }
    state
}

fn on_location(w: &Weak<RefCell<Inner>>, _e: web_sys::Event) {
    let Some(cell) = w.upgrade() else { return };
    let (changed, dropped) = {
        let mut i = cell.borrow_mut();
        // The address rules now: a search waiting to be written there is dropped with it.
        i.url_due = false;
        let (s, dropped) = match &i.phase {
            Phase::Ready(l) => state_from_location(&i, &l.feed, &l.index),
            _ => (
                State::from_fragment(&location_hash(), &i.ns, i.default_view),
                false,
            ),
        };
        let s = keep_groups(s, &i.state);
        let changed = s != i.state;
        i.state = s;
        (changed, dropped)
    };
    if dropped {
        report(replace_url(&cell));
    }
    if changed {
        report(render(&cell));
    }
}

/// The reader's state from the URL fragment, less every value `feed` cannot mean (a link
/// can carry anything); true when the URL says more than that and must be rewritten.
fn state_from_location(i: &Inner, feed: &crate::feed::Feed, index: &Index) -> (State, bool) {
    State::from_link(&location_hash(), &i.ns, i.default_view, feed, index)
}

/// Replaces the URL (no new history entry) with one holding this tracker's state as it is:
/// what a crafted link carried beyond it is gone from the address bar and any link copied.
fn replace_url(cell: &Rc<RefCell<Inner>>) -> Result<(), JsValue> {
    let url = {
        let i = cell.borrow();
        page_url(&i.state.fragment(&i.ns, &location_hash()))?
    };
    // No borrow is held: the page's code may wrap replaceState.
    window()?
        .history()?
        .replace_state_with_url(&JsValue::NULL, "", Some(&url))
}

/// The page's own address with fragment `hash` (not pathname + search: a path that starts
/// with "//" would be read as another host). `location` cannot be replaced by the page's
/// scripts, so reading it cannot re-enter.
fn page_url(hash: &str) -> Result<String, JsValue> {
    let href = window()?.location().href()?;
    let base = href.split('#').next().unwrap_or_default();
    Ok(format!("{base}{hash}"))
}

fn set_printing(w: &Weak<RefCell<Inner>>, on: bool) {
    let Some(cell) = w.upgrade() else { return };
    cell.borrow_mut().printing = on;
    report(render(&cell));
}

fn download_csv(cell: &Rc<RefCell<Inner>>) -> Result<(), JsValue> {
    let (text, name, dom) = {
        let i = cell.borrow();
        let Phase::Ready(l) = &i.phase else {
            return Ok(());
        };
        let rows = l
            .index
            .matching(&l.feed, &i.state.filters, i.state.sort, i.state.since);
        (
            csv::actions(
                &l.feed,
                &rows,
                i.lang,
                crate::changes::since(&l.feed, i.state.since),
            ),
            format!("actions-{}.csv", l.feed.as_of),
            i.dom.clone(),
        )
    };
    dom.download(&text, &name)
}
