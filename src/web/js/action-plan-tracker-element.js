// action-plan-tracker: the <action-plan-tracker> element and the JavaScript API, shared by the
// browser's entry (action-plan-tracker.js) and Node's (action-plan-tracker-node.js), which load
// the core and call start(). The class exists only where HTMLElement does. A thin shell over
// the core: it fetches the feed and forwards attributes; the rest is in Rust (src/web/tracker.rs),
// which draws through action-plan-tracker-dom.js.
import {
  Tracker,
  validate as coreValidate,
  summarise as coreSummarise,
  renderStaticPage,
} from "./action_plan_tracker_core.js";
import { TrackerDom } from "./action-plan-tracker-dom.js";

/** Why the core could not be loaded (outside a browser), or null once it is. */
let loadError = new Error("the WebAssembly core has not been loaded yet");

/** The largest feed accepted, as the feed spec says. */
const MAX_BYTES = 20 * 1024 * 1024;
/** How long a fetch may take before the widget gives up and offers to try again. */
const TIMEOUT_MS = 30_000;
const TAG = "action-plan-tracker";
const live = new Set();

class TooLarge extends Error {}

/**
 * Fetches `src`, stopping early (not downloading it all) once it passes MAX_BYTES. No cookies
 * or HTTP authentication are sent unless the page asks with `crossorigin="use-credentials"`
 * (a feed on a council's intranet that needs the reader's login): a public feed needs none, and
 * fetch's default would send the page's cookies to a feed on the same site.
 */
async function fetchFeed(src, signal, credentials) {
  const res = await fetch(src, { signal, credentials, headers: { Accept: "application/json" } });
  if (!res.ok) {
    // An error page's body is not needed: stop it downloading.
    res.body?.cancel().catch(() => {});
    return { status: res.status };
  }
  const declared = Number(res.headers.get("content-length"));
  if (declared > MAX_BYTES) {
    res.body?.cancel().catch(() => {});
    throw new TooLarge();
  }
  const reader = res.body.getReader();
  const chunks = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > MAX_BYTES) {
      await reader.cancel();
      throw new TooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.length;
  }
  return { bytes };
}

/**
 * Starts fetching a feed: `{ key, abort, result }`, where `result` resolves (never rejects) to
 * `{ bytes }`, `{ status }` for an HTTP error, `{ error }` (`network`, `timeout`, `too-large`),
 * or `{ aborted: true }` when it was stopped by `abort` before its timeout.
 */
function startFetch(src, credentials) {
  const abort = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    abort.abort();
  }, TIMEOUT_MS);
  const result = (async () => {
    try {
      return await fetchFeed(new URL(src, document.baseURI), abort.signal, credentials);
    } catch (e) {
      if (e?.name === "AbortError" && !timedOut) return { aborted: true };
      return { error: timedOut ? "timeout" : e instanceof TooLarge ? "too-large" : "network" };
    } finally {
      clearTimeout(timer);
    }
  })();
  return { key: fetchKey(src, credentials), abort, result };
}

/** What makes two fetches of a feed the same request. */
const fetchKey = (src, credentials) => `${credentials} ${document.baseURI} ${src}`;

/** What fetch sends with the feed's request: see fetchFeed. */
const credentialsOf = (el) => (el.getAttribute("crossorigin") === "use-credentials" ? "include" : "omit");

/** The feeds fetched by prefetch(), by element, until the element takes its own. */
const early = new WeakMap();

/**
 * Starts fetching the feed of every tracker already in the document, while the core is still
 * being downloaded and compiled (the browser's entry calls this before waiting for it), so
 * that neither waits for the other. Each element takes its fetch when it starts, if its `src`
 * has not changed meanwhile; a tracker given a `feed` fetches nothing.
 */
export function prefetch() {
  if (typeof document !== "object" || document === null || typeof fetch !== "function") return;
  if (typeof customElements !== "object" || customElements === null || customElements.get(TAG)) return;
  for (const el of document.querySelectorAll(`${TAG}[src]`)) {
    if (Object.hasOwn(el, "feed")) continue;
    early.set(el, startFetch(el.getAttribute("src"), credentialsOf(el)));
  }
}

/** The <action-plan-tracker> element class, made only where there is a DOM. */
function elementClass() {
  return class ActionPlanTrackerElement extends HTMLElement {
    static observedAttributes = ["src", "lang", "view", "compact", "print"];

    #tracker = null;
    #feed = undefined;
    #abort = null;
    #seq = 0;

    constructor() {
      super();
      if (!this.shadowRoot) this.attachShadow({ mode: "open" });
    }

    connectedCallback() {
      if (this.#tracker) return;
      // A `feed` set before the element was defined sits on the instance: take it over.
      if (Object.hasOwn(this, "feed")) {
        const value = this.feed;
        delete this.feed;
        this.#feed = value;
      }
      const ns = this.id || `apt${[...document.querySelectorAll(TAG)].indexOf(this) + 1}`;
      try {
        this.#tracker = new Tracker(new TrackerDom(this), ns, () => this.#load());
        this.#tracker.setLang(this.getAttribute("lang") || "en");
        this.#tracker.setView(this.getAttribute("view") || "overview");
        this.#tracker.setCompact(this.hasAttribute("compact"));
        this.#tracker.setPrintFull(this.getAttribute("print") === "full");
      } catch (e) {
        this._broken(String(e));
        return;
      }
      live.add(this);
      this.#load();
    }

    disconnectedCallback() {
      this.#abort?.abort();
      early.get(this)?.abort.abort();
      early.delete(this);
      live.delete(this);
      this.#tracker?.free();
      this.#tracker = null;
    }

    attributeChangedCallback(name, old, value) {
      if (!this.#tracker || old === value) return;
      this.#guard(() => {
        if (name === "src") this.#load();
        else if (name === "lang") this.#tracker.setLang(value || "en");
        else if (name === "view") this.#tracker.setView(value || "overview");
        else if (name === "compact") this.#tracker.setCompact(value !== null);
        else if (name === "print") this.#tracker.setPrintFull(value === "full");
      });
    }

    /** The feed as a JSON string or a plain object, instead of `src`. */
    get feed() {
      return this.#feed;
    }

    set feed(value) {
      this.#feed = value;
      if (this.#tracker) this.#load();
    }

    /** The summary of the feed shown (see embedding.md), or null before one has loaded. */
    get summary() {
      return this.#tracker ? this.#tracker.summary : null;
    }

    #guard(f) {
      try {
        return f();
      } catch (e) {
        this._broken(String(e));
      }
    }

    /** Loads the feed; nothing it does can end in an unhandled rejection. */
    #load() {
      this.#loadFeed().catch((e) => this._broken(String(e)));
    }

    async #loadFeed() {
      const seq = ++this.#seq;
      this.#abort?.abort();
      const tracker = this.#tracker;
      if (!tracker) return;
      // A fetch started before the element was (see prefetch): this load's, if it asks the same.
      let fetched = early.get(this);
      early.delete(this);
      const src = this.getAttribute("src");
      const credentials = credentialsOf(this);
      const given = this.#feed !== undefined && this.#feed !== null;
      if (fetched && (given || !src || fetched.key !== fetchKey(src, credentials))) {
        fetched.abort.abort();
        fetched = null;
      }
      if (given) {
        // Whatever the page set: a cyclic object, a BigInt, a throwing getter or toJSON, a
        // function, is "not in the expected format" (tracker-error), never an exception.
        let text;
        try {
          text = typeof this.#feed === "string" ? this.#feed : JSON.stringify(this.#feed);
        } catch {
          text = undefined;
        }
        this.#guard(() => {
          if (typeof text === "string") tracker.loadText(text);
          else tracker.fail("not-a-feed", 0);
        });
        return;
      }
      if (!src) {
        this.#guard(() => tracker.fail("no-source", 0));
        return;
      }
      this.#guard(() => tracker.loading());
      fetched ??= startFetch(src, credentials);
      this.#abort = fetched.abort;
      const result = await fetched.result;
      if (result.aborted) return;
      if (seq !== this.#seq || this.#tracker !== tracker) return;
      this.#guard(() => {
        if (result.bytes) tracker.load(result.bytes);
        else if (result.status) tracker.fail("http", result.status);
        else tracker.fail(result.error, 0);
      });
    }

    /** The last resort: the core failed. Say so in plain words; never a frozen widget. */
    _broken(message) {
      const root = this.shadowRoot;
      root.replaceChildren();
      const box = document.createElement("div");
      box.setAttribute("role", "alert");
      box.setAttribute("part", "tracker");
      const p = document.createElement("p");
      p.textContent =
        this.getAttribute("lang") === "cy"
          ? "Aeth rhywbeth o'i le wrth ddangos y cynllun. Ail-lwythwch y dudalen i roi cynnig arall arni."
          : "Something went wrong while showing the plan. Reload the page to try again.";
      box.append(p);
      root.append(box);
      this.dispatchEvent(new CustomEvent("tracker-error", { bubbles: true, composed: true, detail: { message, problems: [], problem_count: 0 } }));
    }
  };
}

/** The <action-plan-tracker> element; undefined where there is no DOM (Node, Deno, a server build). */
export const ActionPlanTrackerElement = typeof HTMLElement === "function" ? elementClass() : undefined;

/** Called by an entry once the core is loaded (`error` null) or not: registers the element
 * where there is a registry and no copy of the package did; that copy also hears of panics. */
export function start(error) {
  loadError = error;
  if (error || ActionPlanTrackerElement === undefined || typeof customElements !== "object" || customElements === null) return;
  if (customElements.get(TAG)) return;
  customElements.define(TAG, ActionPlanTrackerElement);
  // A panic in the core cannot be caught in WebAssembly: show every tracker's error state.
  globalThis.__actionPlanTrackerPanic = (message) => {
    for (const el of live) el._broken(message);
  };
}

/**
 * Shows a tracker in `element` (an <action-plan-tracker>, or a container that gets one).
 * Resolves with the tracker element once its first feed has loaded or failed.
 */
export function mount(element, options = {}) {
  if (typeof Element !== "function" || !globalThis.customElements?.get(TAG)) {
    return Promise.reject(new Error("mount() shows the tracker in a web page; outside a browser, use validate(), summarise() or render()"));
  }
  if (!(element instanceof Element)) return Promise.reject(new TypeError("mount() needs an element to show the tracker in"));
  // A new element is put in the page only once it has its feed, so it never reports "no feed".
  const tracker = element.localName === TAG ? element : document.createElement(TAG);
  for (const name of ["lang", "view", "crossorigin", "print"]) if (options[name] != null) tracker.setAttribute(name, options[name]);
  if (options.compact) tracker.setAttribute("compact", "");
  return new Promise((resolve) => {
    const done = () => {
      tracker.removeEventListener("tracker-ready", done);
      tracker.removeEventListener("tracker-error", done);
      resolve(tracker);
    };
    tracker.addEventListener("tracker-ready", done);
    tracker.addEventListener("tracker-error", done);
    if (options.feed != null) tracker.feed = options.feed;
    else if (options.src != null) tracker.setAttribute("src", options.src);
    if (tracker !== element) element.append(tracker);
  });
}

/** The feed as the core takes it: its JSON text, or the bytes of its file. */
function feedInput(feed, what) {
  if (loadError) throw new Error(`action-plan-tracker: ${what}() cannot run: the WebAssembly core could not be loaded (${loadError.message})`);
  if (feed instanceof Uint8Array) return feed;
  if (feed instanceof ArrayBuffer) return new Uint8Array(feed);
  return String(feed);
}

/** Checks a feed: `{ ok, errors: [{path, line, column, message}], warnings: [...] }`. */
export function validate(feed) {
  return coreValidate(feedInput(feed, "validate"));
}

/**
 * The summary of a feed (see docs/api.md), with `changes` since `since` (a date, YYYY-MM-DD)
 * when given, else since the last meeting before `as_of`; throws an Error saying why when the
 * feed cannot be read or `since` is not a date.
 */
export function summarise(feed, since) {
  return coreSummarise(feedInput(feed, "summarise"), since ?? undefined);
}

/**
 * The static page of a feed, as `action-plan-tracker render` writes it; lang "en" or "cy";
 * `since` (a date) for the changes since then; `full` adds every action's details to the
 * printed report (`render --full`).
 */
export function render(feed, { lang = "en", since, full = false } = {}) {
  const code = String(lang).toLowerCase();
  const which = code === "cy" || code.startsWith("cy-") ? "cy" : code === "en" || code.startsWith("en-") ? "en" : null;
  if (!which) throw new RangeError(`render() takes lang "en" or "cy", not ${JSON.stringify(lang)}`);
  return renderStaticPage(feedInput(feed, "render"), which, since ?? undefined, full === true);
}
