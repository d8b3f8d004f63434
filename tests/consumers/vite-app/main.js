// A bundled app using the package as documented in docs/api.md: the element module is the
// package's main entry, and its .wasm is emitted by Vite as an asset beside the bundle.
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

// For the consumer test (tests/consumers/vite-app.test.mjs).
window.__consumer = {
  tag: tracker.localName,
  defined: customElements.get("action-plan-tracker") === tracker.constructor,
  ok: report.ok,
  errors: report.errors.length,
  summarised: figures.actions.total,
  summary,
};
document.documentElement.dataset.consumer = "ready";
