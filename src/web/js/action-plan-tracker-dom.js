// action-plan-tracker: the tracker's hands in the page. The core (src/web/tracker.rs) decides
// what the shadow root shows and sends it here in one call per render: a flat buffer of
// instructions (src/render/markup.rs, `Patch`; the numbers below are its `op` module's) that
// this patcher applies with createElement, setAttribute and text nodes, never HTML parsing.
// One call instead of one per node, attribute and text, and no DOM glue in the WebAssembly.
// It also does the few other things the core asks of the page: the stylesheet, focus, events
// and the CSV download.

const ROOT = 0, DOWN = 1, UP = 2, SET = 3, DEL = 4, TEXT = 5, CHECKED = 6, VALUE = 7, SELECTED = 8;
const REPLACE = 9, APPEND = 10, TRIM = 11, HTML = 12, SVG = 13, TXT = 14;
const SVG_NS = "http://www.w3.org/2000/svg";

export class TrackerDom {
  /** The tag and attribute names the core has sent, by number. */
  #names = [];
  #mount = null;

  /** For the <action-plan-tracker> `host`, which has an open shadow root. */
  constructor(host) {
    this.host = host;
    this.root = host.shadowRoot;
  }

  /** Empties the shadow root and gives it the widget's stylesheet and an empty mount. */
  start(css) {
    const root = this.root;
    const doc = root.ownerDocument;
    root.replaceChildren();
    // A constructed stylesheet needs no 'unsafe-inline' under a strict CSP; browsers without
    // them (before 2023) get a <style> element instead.
    let adopted = false;
    if ("adoptedStyleSheets" in root) {
      try {
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(css);
        root.adoptedStyleSheets = [sheet];
        adopted = true;
      } catch {
        adopted = false;
      }
    }
    if (!adopted) {
      const style = doc.createElement("style");
      style.textContent = css;
      root.append(style);
    }
    this.#mount = doc.createElement("div");
    this.#mount.setAttribute("part", "tracker");
    root.append(this.#mount);
  }

  /**
   * Applies a patch: `names` are new names, each followed by a space; `ops` the instructions
   * (a view of the core's memory, copied first: page code run by a focus event in the middle,
   * calling back into the core, may grow that memory); `text` the strings they take, in order.
   * Throws when the DOM is not what the core last drew (page code changed it): the core then
   * draws afresh.
   */
  apply(names, ops, text) {
    if (names) this.#names.push(...names.slice(0, -1).split(" "));
    ops = ops.slice();
    const all = this.#names;
    const mount = this.#mount;
    const doc = mount.ownerDocument;
    let i = 0;
    let at = 0;
    const take = () => {
      const len = ops[i++];
      return text.slice(at, (at += len));
    };
    const build = () => {
      const kind = ops[i++];
      if (kind === TXT) return doc.createTextNode(take());
      const tag = all[ops[i++]];
      const el = kind === SVG ? doc.createElementNS(SVG_NS, tag) : doc.createElement(tag);
      let attrs = ops[i++];
      let kids = ops[i++];
      for (; attrs > 0; attrs--) {
        const name = all[ops[i++]];
        el.setAttribute(name, take());
      }
      for (; kids > 0; kids--) el.appendChild(build());
      if (kind === HTML && tag === "input") el.checked = el.hasAttribute("checked");
      return el;
    };
    const stack = [];
    let cur = mount.firstChild;
    const here = () => {
      if (!cur) throw new Error("action-plan-tracker: the DOM is out of step with the core");
      return cur;
    };
    while (i < ops.length) {
      switch (ops[i++]) {
        case ROOT:
          cur = build();
          mount.replaceChildren(cur);
          break;
        case DOWN:
          stack.push(here());
          cur = cur.childNodes[ops[i++]];
          break;
        case UP:
          cur = stack.pop();
          break;
        case SET: {
          const name = all[ops[i++]];
          here().setAttribute(name, take());
          break;
        }
        case DEL:
          here().removeAttribute(all[ops[i++]]);
          break;
        case TEXT:
          here().nodeValue = take();
          break;
        case CHECKED: {
          const want = ops[i++] === 1;
          if (here().checked !== want) cur.checked = want;
          break;
        }
        case VALUE: {
          const want = take();
          if (here().value !== want) cur.value = want;
          break;
        }
        case SELECTED:
          here().selected = ops[i++] === 1;
          break;
        case REPLACE: {
          const old = here();
          cur = build();
          old.parentNode.replaceChild(cur, old);
          break;
        }
        case APPEND:
          here().appendChild(build());
          break;
        case TRIM:
          for (let n = ops[i++]; n > 0; n--) here().removeChild(cur.lastChild);
          break;
        default:
          throw new Error("action-plan-tracker: an unknown instruction from the core");
      }
    }
  }

  /** Moves focus to the element with this id, if the tracker shows one. */
  focus(id) {
    this.#mount?.querySelector(`#${id}`)?.focus();
  }

  /** Sends the page a `tracker-*` event from the element. */
  dispatch(name, detail) {
    this.host.dispatchEvent(new CustomEvent(name, { bubbles: true, composed: true, detail }));
  }

  /** Downloads `text` as a CSV file called `name`. */
  download(text, name) {
    const url = URL.createObjectURL(new Blob([text], { type: "text/csv;charset=utf-8" }));
    const a = this.root.ownerDocument.createElement("a");
    a.href = url;
    a.download = name;
    a.click();
    URL.revokeObjectURL(url);
  }
}
