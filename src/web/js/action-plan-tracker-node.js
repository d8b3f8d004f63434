// action-plan-tracker for Node (the package's "node" export condition: Node itself, and the
// server builds of frameworks that render pages in Node).
//
//   import { validate, summarise, render } from "action-plan-tracker";
//
// Ready as soon as the import is: the WebAssembly core is read from the package's own file
// with fs (or, in a server bundle without that file, from the installed package) and
// compiled synchronously: no network, no fetch, no top-level await, so CommonJS code on
// Node 20.19+ can require() it too. The element class and mount() are there for code
// shared with the browser; without a DOM, ActionPlanTrackerElement is undefined and mount()
// rejects. Importing changes nothing outside this package (no globals, no element
// registered unless a DOM with customElements, such as jsdom's, is already global).
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { initSync } from "./action_plan_tracker_core.js";
import { start } from "./action-plan-tracker-element.js";

export { ActionPlanTrackerElement, mount, validate, summarise, render } from "./action-plan-tracker-element.js";

/**
 * Loads the core from the .wasm beside this module or, when a server build has bundled this
 * module elsewhere without the .wasm, from the installed package. Returns null, or the error
 * that the package's functions will report (importing never throws).
 */
function loadCore() {
  try {
    initSync({ module: readFileSync(new URL("./action_plan_tracker_core_bg.wasm", import.meta.url)) });
    return null;
  } catch (beside) {
    try {
      const installed = createRequire(import.meta.url).resolve("action-plan-tracker/action_plan_tracker_core_bg.wasm");
      initSync({ module: readFileSync(installed) });
      return null;
    } catch {
      return beside;
    }
  }
}

start(loadCore());
