// A page's script using the package as docs/web-teams.md shows, bundled by webpack 5, Rollup
// or esbuild (tests/consumers/bundlers.test.mjs): the element module is the package's main
// entry, and its .wasm is found beside the bundle (emitted there by webpack; copied there for
// Rollup and esbuild).
import { mount, validate, summarise } from "action-plan-tracker";

const status = document.getElementById("status");
const feedUrl = new URL("northbridge.json", document.baseURI).href;

const text = await (await fetch(feedUrl)).text();
const report = validate(text);
const figures = summarise(text);

const tracker = await mount(document.getElementById("tracker"), { src: feedUrl, view: "overview" });
const summary = tracker.summary;
status.textContent = summary
  ? `${summary.actions.complete} of ${summary.actions.total} actions complete.`
  : "The plan could not be shown.";

window.__consumer = {
  tag: tracker.localName,
  defined: customElements.get("action-plan-tracker") === tracker.constructor,
  ok: report.ok,
  errors: report.errors.length,
  summarised: figures.actions.total,
  summary,
};
document.documentElement.dataset.consumer = "ready";
