// action-plan-tracker, the browser's entry (Node's is action-plan-tracker-node.js): loads the
// core beside itself, then registers the element (action-plan-tracker-element.js). Outside a
// browser it never throws: the functions then say the core could not be loaded. In a browser
// a core that cannot load fails the import, and the element's fallback content stays.
// The feeds of the trackers already on the page are fetched while the core is downloaded and
// compiled (the glue streams the .wasm into WebAssembly.instantiateStreaming), not after.
import init from "./action_plan_tracker_core.js";
import { start, prefetch } from "./action-plan-tracker-element.js";

export { ActionPlanTrackerElement, mount, validate, summarise, render } from "./action-plan-tracker-element.js";

let failed = null;
const core = init();
prefetch();
try {
  await core;
} catch (e) {
  if (typeof customElements === "object" && customElements !== null) throw e;
  failed = e instanceof Error ? e : new Error(String(e));
}
start(failed);
