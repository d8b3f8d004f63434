// Uses the declarations should allow but do not yet (see the `todo` test in types.test.mjs):
// the events are composed and bubble, so a page listens for them on document or window; and a
// feed typed with the app's own interface is a plain object the feed property accepts.
import type { ActionPlanTrackerElement } from "action-plan-tracker";

document.addEventListener("tracker-ready", (e) => console.log(e.detail.as_of, e.detail.actions.total));
window.addEventListener("tracker-error", (e) => console.log(e.detail.message));
document.addEventListener("tracker-filter-change", (e) => console.log(e.detail.matching));

interface CouncilFeed {
  schema_version: string;
  as_of: string;
  actions: { id: string; title: string; status: string }[];
}
const feed: CouncilFeed = { schema_version: "1.0", as_of: "2026-10-31", actions: [] };
const tracker: ActionPlanTrackerElement = document.querySelector("action-plan-tracker")!;
tracker.feed = feed;
