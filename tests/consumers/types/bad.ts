// Wrong uses of the API. Each line marked `// error TSnnnn` must fail type-checking with that
// error, and no other line may fail: if one of them type-checks, the declarations do not
// constrain what they should.
import { mount, validate, summarise, render } from "action-plan-tracker";

const tracker = document.querySelector("action-plan-tracker")!;
console.log(tracker.summary.actions.total); // error TS18047: summary is null before a feed has loaded
console.log(tracker.summary?.actions.totl); // error TS2551: no such figure (did you mean total?)
console.log(tracker.summary?.findings.overdue); // error TS2339: overdue belongs to actions
tracker.feed = 42; // error TS2322: a feed is text or an object
tracker.addEventListener("tracker-ready", (e) => console.log(e.detail.asOf)); // error TS2551: as_of
tracker.addEventListener("tracker-error", (e) => console.log(e.detail.problems[0]?.line.toUpperCase())); // error TS2339: a number
tracker.addEventListener("tracker-filter-change", (e) => console.log(e.detail.filters.colour)); // error TS2339: no such filter
const view: "overview" = tracker.summary!.as_of; // error TS2322: a date string is not a view

void mount("#plan"); // error TS2345: an element, not a selector
void mount(tracker, { lang: "fr" }); // error TS2322: en or cy
void mount(tracker, { view: "charts" }); // error TS2322: no such view
void mount(tracker, { source: "/plan.json" }); // error TS2353: the option is src
void mount(tracker, { compact: "yes" }); // error TS2322: a boolean
void mount(tracker).then((t) => t.summary?.as_of.x); // error TS2339: as_of is a string

validate({ schema_version: "1.0" }); // error TS2353: validate takes JSON text or bytes, not an object
const ok: string = validate("{}").ok; // error TS2322: a boolean
console.log(validate("{}").errors[0]?.path.line); // error TS2339: path is a string
summarise("{}").actions.total = "many"; // error TS2322: a number
const pct: string = summarise("{}").actions.percent_complete; // error TS2322: a number
const html: number = render("{}"); // error TS2322: a page is HTML text
render("{}", { lang: "fr" }); // error TS2322: en or cy
render("{}", "cy"); // error TS2559: options, not the language alone
render(["{}"]); // error TS2322: text or bytes, not a list
console.log(view, ok, pct, html);
tracker.summary = null; // error TS2540: read-only (last: the assignment would narrow the lines after it)
