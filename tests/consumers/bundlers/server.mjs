// A framework's server render, in its smallest form (tests/consumers/ssr.test.mjs): the page's
// component module imports the element (as a Next.js, Nuxt, Astro or SvelteKit component
// does, for the browser's sake) and the server writes the page's HTML around it. The feed is
// checked at build time with the same import.
import { ActionPlanTrackerElement, validate, summarise } from "action-plan-tracker";
import { readFileSync } from "node:fs";

const feed = readFileSync(process.argv[2]);
const report = validate(feed);
const summary = summarise(feed);
const html = `<!doctype html>
<html lang="en"><body>
<p>${summary.actions.complete} of ${summary.actions.total} actions complete.</p>
<action-plan-tracker src="plan.json"><a href="plan.json">Read the improvement plan</a></action-plan-tracker>
</body></html>`;
process.stdout.write(JSON.stringify({ html, ok: report.ok, element: typeof ActionPlanTrackerElement }));
