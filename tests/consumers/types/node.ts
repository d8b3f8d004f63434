// The package in a Node project (a build script, a CI check, a server render), as TypeScript
// sees it: validate(), summarise() and render() on text or a file's bytes, and the JSON that
// `npx action-plan-tracker` prints. Checked with lib es2022 only (no "dom" in the project):
// the declarations bring in what the element's types need. Must type-check (strict).
import { validate, summarise, render, ActionPlanTrackerElement } from "action-plan-tracker";
import type { CliSummaryJson, CliValidateJson, CliValidateJsonMany, FeedInput, RenderOptions, TrackerSummary, ValidationReport } from "action-plan-tracker";

declare const fileBytes: Uint8Array; // e.g. readFileSync("plan.json")
declare const stdout: string; // what `npx action-plan-tracker … --format json` printed

const inputs: FeedInput[] = ['{"schema_version": "1.0"}', fileBytes, fileBytes.buffer as ArrayBuffer];
for (const feed of inputs) {
  const report: ValidationReport = validate(feed);
  if (!report.ok) process_exit(1, report.errors.map((e) => `${e.line}:${e.column}: ${e.path}: ${e.message}`).join("\n"));
  const summary: TrackerSummary = summarise(feed);
  const options: RenderOptions = { lang: "cy" };
  const page: string = render(feed, options);
  const english: string = render(feed);
  const british: string = render(feed, { lang: "en-GB" });
  console.log(summary.actions.percent_complete.toFixed(1), page.length, english.length, british.length);
}

// The command line's JSON output.
const one: CliValidateJson = JSON.parse(stdout) as CliValidateJson;
const many: CliValidateJsonMany = JSON.parse(stdout) as CliValidateJsonMany;
const figures: CliSummaryJson = JSON.parse(stdout) as CliSummaryJson;
const failed: boolean = !one.ok || many.some((r) => r.errors.length > 0);
console.log(failed, figures.as_of, figures.actions.overdue, one.warnings[0]?.rule);

// Outside a browser the element class is undefined: code shared with the browser checks.
if (typeof ActionPlanTrackerElement === "function") console.log(ActionPlanTrackerElement.observedAttributes);

function process_exit(code: number, message: string): void {
  console.log(code, message);
}
