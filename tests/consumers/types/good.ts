// Everything docs/api.md shows, as a TypeScript app would write it. Must type-check (strict).
import { mount, validate, summarise, ActionPlanTrackerElement } from "action-plan-tracker";
import type {
  Feed,
  FeedProblem,
  MountOptions,
  TrackerErrorDetail,
  TrackerFilterState,
  TrackerLang,
  TrackerSummary,
  TrackerView,
  ValidationReport,
} from "action-plan-tracker";

// The element, found through HTMLElementTagNameMap.
const tracker = document.querySelector("action-plan-tracker")!;
const total: number | undefined = tracker.summary?.actions.total;
const percent: number | undefined = tracker.summary?.actions.percent_complete;
const summaryOrNull: TrackerSummary | null = tracker.summary;
const created: ActionPlanTrackerElement = document.createElement("action-plan-tracker");
const all: NodeListOf<ActionPlanTrackerElement> = document.querySelectorAll("action-plan-tracker");
console.log(total, percent, summaryOrNull, created, all.length);

// Attributes are plain strings; the feed property takes text or an object.
tracker.setAttribute("src", "https://www.example.gov.uk/ofsted/plan.json");
tracker.setAttribute("lang", "cy");
tracker.toggleAttribute("compact", true);
tracker.feed = '{"schema_version": "1.0"}';
tracker.feed = { schema_version: "1.0", actions: [] };
const feed: Feed | undefined = tracker.feed;
console.log(feed);

// Events, typed on the element and on any ancestor they bubble to.
tracker.addEventListener("tracker-ready", (e) => {
  const asOf: string = e.detail.as_of;
  const overdue: number = e.detail.actions.overdue;
  const meeting: number = e.detail.indicators.meeting_target;
  console.log(asOf, overdue, meeting, e.bubbles);
});
tracker.addEventListener("tracker-error", (e) => {
  const detail: TrackerErrorDetail = e.detail;
  for (const p of detail.problems) console.log(p.path, p.line, p.column, p.message, p.severity);
});
tracker.addEventListener("tracker-filter-change", (e) => {
  const state: TrackerFilterState = e.detail;
  const view: TrackerView = state.view;
  const statuses: string[] = state.filters.status;
  console.log(view, statuses, state.filters.due, state.filters.search, state.sort, state.page, state.open, state.matching);
});
tracker.addEventListener("click", (e) => console.log(e.clientX)); // ordinary events still typed
const onReady = (e: CustomEvent<TrackerSummary>) => console.log(e.detail.findings.with_actions);
tracker.addEventListener("tracker-ready", onReady);
tracker.removeEventListener("tracker-ready", onReady);
document.body.addEventListener("tracker-ready", (e) => console.log(e.detail.problems.warnings));
document.getElementById("main")?.addEventListener("tracker-error", (e) => console.log(e.detail.message));

if (document.body.firstElementChild instanceof ActionPlanTrackerElement) {
  console.log(document.body.firstElementChild.summary?.as_of);
}

// The API.
async function show(container: HTMLElement): Promise<void> {
  const lang: TrackerLang = "cy";
  const options: MountOptions = { src: "/ofsted/plan.json", lang, view: "indicators", compact: true };
  const shown: ActionPlanTrackerElement = await mount(container, options);
  console.log(shown.summary?.indicators.missing_target);
  await mount(shown, { feed: { schema_version: "1.0" } });
  await mount(container, { feed: "{}" });
  await mount(container);

  const report: ValidationReport = validate('{"schema_version": "1.0"}');
  if (!report.ok) {
    const first: FeedProblem | undefined = report.errors[0];
    console.log(first?.path, first?.line, first?.column, first?.message, first?.rule);
  }
  report.warnings.forEach((w) => console.log(w.message));

  try {
    const summary: TrackerSummary = summarise('{"schema_version": "1.0"}');
    console.log(summary.as_of, summary.actions.due_soon, summary.problems.errors);
  } catch (err) {
    if (err instanceof Error) console.log(err.message);
  }
}
void show(document.body);
