// action-plan-tracker: the <action-plan-tracker> element and the JavaScript API (embedding.md).
//
// The browser's entry point (the package's "default" export condition; Node gets
// action-plan-tracker-node.js). It loads the WebAssembly core beside itself with fetch
// (bundlers see `new URL(…, import.meta.url)` in the glue and emit the .wasm), then registers
// the element. The element and the API are in action-plan-tracker-element.js.
//
// Outside a browser (a server build that bundled this entry, a worker, Deno without file
// access) importing it never throws: the element is not defined, and validate(), summarise()
// and render() say that the core could not be loaded. In a browser a core that cannot load
// (a Content-Security-Policy without 'wasm-unsafe-eval', a missing .wasm) fails the import
// as any module would, and the element's fallback content stays in the page.
import init from "./action_plan_tracker_core.js";
import { start } from "./action-plan-tracker-element.js";

export { ActionPlanTrackerElement, mount, validate, summarise, render } from "./action-plan-tracker-element.js";

let failed = null;
try {
  await init();
} catch (e) {
  if (typeof customElements === "object" && customElements !== null) throw e;
  failed = e instanceof Error ? e : new Error(String(e));
}
start(failed);
