// What real minutes say (issue 18, feed 1.1), in the widget: a draft plan's banner and
// deadline, priorities with nothing published, no "overdue" sentence when nothing has a due
// date, self-evaluations named and ordered, the council's response under its finding, what
// committees asked for (overdue first, and under each meeting), ongoing work marked and
// filterable, the council's action numbers (the URL stays by id), breakdowns as a table and a
// bar chart, "about 60"; in English and Welsh, and axe clean. Screenshots are kept in
// test-output/screenshots/widget-minutes-*.png.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { runAxe, formatViolations, screenshot, trackPageErrors } from "./harness.mjs";
import { setup, waitForLoad, shownCount } from "./fixtures/widget/support.mjs";

let site;
let page;
let errors;

before(async () => {
  site = await setup();
  page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
  errors = trackPageErrors(page);
});

after(async () => {
  await site?.close();
});

let n = 0;
/** Loads the widget page with `query` (and an optional hash), waits for it, returns the host. */
async function open(query, hash = "") {
  n += 1;
  await page.goto(`${site.url}widget/one.html?${query}&n=${n}${hash}`);
  const events = await waitForLoad(page);
  assert.equal(events.at(-1).type, "tracker-ready", `${query}: loaded`);
  return page.locator("action-plan-tracker");
}

const squash = (s) => s.replace(/\s+/g, " ").trim();

async function axeClean(label) {
  const violations = await runAxe(page, "action-plan-tracker");
  assert.deepEqual(violations, [], `${label}: ${formatViolations(violations)}`);
}

test("a draft plan says so at the top, with its deadline written as a month, in English and Welsh", { timeout: 30_000 }, async () => {
  let host = await open("src=/examples/fernley-draft.json");
  const banner = squash(await host.locator(".apt-plan-status").innerText());
  assert.equal(banner, "Draft plan This plan is a draft and may change. It must reach the inspectorate by March 2019.");
  await screenshot(page, "widget-minutes-draft-overview-1280");
  await axeClean("overview, en");
  host = await open("src=/examples/fernley-draft.json&lang=cy");
  const cy = squash(await host.locator(".apt-plan-status").innerText());
  assert.match(cy, /^Cynllun drafft /);
  assert.match(cy, /erbyn Mawrth 2019\.$/);
  await screenshot(page, "widget-minutes-draft-overview-cy-1280");
  await axeClean("overview, cy");
  // The compact card says so too.
  host = await open("src=/examples/fernley-draft.json&compact");
  assert.match(squash(await host.locator(".apt-plan-status").innerText()), /by March 2019/);
});

test("priorities with nothing published say so, never 0% or 0 of 0, and the headline counts them", { timeout: 30_000 }, async () => {
  const host = await open("src=/examples/fernley-draft.json");
  const note = squash(await host.locator(".apt-headline-note").innerText());
  assert.equal(note, "6 priorities have no actions published yet, so the plan is not complete.");
  const rows = await host.locator("table:has(caption:text('Actions complete and overdue in each priority')) tbody tr").allInnerTexts();
  assert.equal(rows.length, 9);
  const empty = rows.filter((r) => r.includes("No actions published for this priority yet"));
  assert.equal(empty.length, 6, rows.join("\n"));
  for (const r of empty) assert.doesNotMatch(r, /0\s*\/\s*0|0%/, r);
  // The headline leaves the ongoing audit out: 2 of 5.
  assert.match(squash(await host.locator(".apt-headline").innerText()), /2 of 5/);
  const cy = await open("src=/examples/fernley-draft.json&lang=cy");
  assert.match(squash(await cy.locator(".apt-headline-note").innerText()), /ar gyfer 6 blaenoriaeth/);
});

test("with no due date anywhere the page says so rather than that nothing is overdue, and draws no empty chart", { timeout: 30_000 }, async () => {
  const host = await open("src=/widget/undated.json");
  const text = squash(await host.locator(".apt-view").innerText());
  assert.ok(text.includes("No action still to do has a due date."), text);
  assert.ok(!/No actions are overdue|0 actions overdue/.test(text), text);
  assert.equal(await host.locator(".apt-stats").count(), 0);
  assert.equal(await host.locator("#apt-chart-burnup-title").count(), 0, "no burn-up chart of bare axes");
  // Sent to the inspectorate: the date it was sent.
  assert.equal(
    squash(await host.locator(".apt-plan-status").innerText()),
    "Plan sent to the inspectorate This plan was sent to the inspectorate on 28 March 2019.",
  );
  // The dated inspection is the latest, the undated self-assessment is listed after it and
  // called a self-evaluation.
  assert.match(squash(await host.locator(".apt-panel").first().innerText()), /^Latest inspection Standard inspection/);
  assert.ok(text.includes("Self-evaluations Children's services self-assessment"), text);
  await screenshot(page, "widget-minutes-undated-overview-1280");
  await axeClean("undated overview");
  // Findings of no area are "Other findings", never "General".
  await host.locator('a[data-act="view:findings"]').click();
  const findings = squash(await host.locator(".apt-view").innerText());
  assert.ok(findings.includes("Other findings"), findings);
  assert.ok(!findings.includes("General"), findings);
  // No target: "No target set", never "Not applicable".
  await host.locator('a[data-act="view:indicators"]').click();
  const inds = squash(await host.locator(".apt-view").innerText());
  assert.ok(inds.includes("No target set"), inds);
  assert.ok(!inds.includes("Not applicable"), inds);
});

test("the council's response is shown under its finding", { timeout: 30_000 }, async () => {
  const host = await open("src=/examples/fernley-draft.json&view=findings");
  const finding = host.locator("li.apt-finding", { hasText: "The engagement of fathers is too variable." });
  assert.equal(await finding.count(), 1);
  const response = squash(await finding.locator(".apt-finding__response").innerText());
  assert.match(response, /^The council's response Accepted\. Some assessments spoke only to the child's mother\./);
  await screenshot(page, "widget-minutes-findings-1280");
  await axeClean("findings");
  const cy = await open("src=/examples/fernley-draft.json&view=findings&lang=cy");
  assert.match(squash(await cy.locator(".apt-finding__response").first().innerText()), /^Ymateb y cyngor /);
});

test("what committees asked for: outstanding on the overview, overdue first, and under each meeting", { timeout: 30_000 }, async () => {
  const host = await open("src=/examples/fernley-draft.json");
  const panel = host.locator(".apt-follow-ups");
  assert.match(squash(await panel.locator("p").first().innerText()), /^4 requests are not done yet\.$/);
  const items = (await panel.locator("li.apt-follow-up").allInnerTexts()).map(squash);
  assert.equal(items.length, 4);
  assert.match(items[0], /^Overdue A note on the children who have had six or more social workers/);
  assert.match(items[0], /Due January 2019 Asked for by Children and Young People's Scrutiny Panel on 10 December 2018$/);
  assert.ok(items.slice(1).every((i) => i.startsWith("Not done yet")), items.join("\n"));
  // The meeting's own list, the done one too.
  const meeting = host.locator(".apt-meeting__follow-ups").filter({ hasText: "IRO" }).or(host.locator(".apt-meeting__follow-ups").filter({ hasText: "reviewing officers" }));
  assert.match(squash(await meeting.first().innerText()), /Done 20 December 2018 A briefing on independent reviewing officers' caseloads/);
  await panel.scrollIntoViewIfNeeded();
  await screenshot(page, "widget-minutes-follow-ups-1280");
  const cy = await open("src=/examples/fernley-draft.json&lang=cy");
  assert.match(squash(await cy.locator(".apt-follow-ups h4").innerText()), /^Yr hyn y gofynnodd pwyllgorau amdano$/);
  assert.match(squash(await cy.locator(".apt-follow-ups p").first().innerText()), /^Nid yw 4 cais wedi'u gwneud eto\.$/);
});

test("ongoing work is marked, never overdue, and can be filtered; actions show the council's numbers while the URL keeps the id", { timeout: 30_000 }, async () => {
  let host = await open("src=/examples/fernley-draft.json&view=actions");
  const audit = host.locator('li.apt-action[data-id="ka1-audit"]');
  assert.match(squash(await audit.locator(".apt-action__toggle").innerText()), /^1\.3 Audit children in need plans$/);
  assert.match(squash(await audit.locator(".apt-action__meta").innerText()), /Ongoing: every six weeks/);
  assert.doesNotMatch(squash(await audit.locator(".apt-action__meta").innerText()), /Overdue|Due soon/);
  // The filter: "Ongoing" among the due windows.
  const box = host.locator('input[data-act="toggle:due:ongoing"]');
  await host.locator('details.apt-filter-group[data-group="due"] > summary').click();
  assert.equal(await box.count(), 1, "an Ongoing choice in the due filter");
  await box.check();
  assert.equal(await shownCount(host), 1);
  assert.match(page.url(), /due=ongoing/);
  await screenshot(page, "widget-minutes-ongoing-filter-1280");
  await axeClean("actions filtered to ongoing");
  // Opened by id from the URL; shown by number.
  host = await open("src=/examples/fernley-draft.json", "#apt1.view=actions&apt1.open=ka1-standard");
  const opened = host.locator('li.apt-action[data-id="ka1-standard"]');
  assert.equal(await opened.locator(".apt-action__details").isVisible(), true);
  assert.match(squash(await opened.locator(".apt-action__toggle").innerText()), /^1\.1 Relaunch/);
  await axeClean("an action opened");
  // The findings view names actions by number too.
  host = await open("src=/examples/fernley-draft.json&view=findings");
  const chips = (await host.locator(".apt-finding__actions li").allInnerTexts()).map(squash);
  assert.ok(chips.some((c) => c.startsWith("1.1 Relaunch")), chips.join("\n"));
  assert.ok(!chips.some((c) => c.includes("ka1-")), chips.join("\n"));
});

test("a breakdown is a table and a small bar chart with its description; an approximate figure reads \"about 60\"", { timeout: 30_000 }, async () => {
  const host = await open("src=/examples/fernley-draft.json&view=indicators");
  const part = host.locator(".apt-breakdown");
  assert.equal(await part.count(), 1);
  const rows = (await part.locator(":scope > .apt-table-wrap tbody tr").allInnerTexts()).map(squash);
  assert.deepEqual(rows, ["6 36", "7 15", "8 4", "9 or more suppressed"]);
  const desc = await part.locator("svg desc").textContent();
  assert.equal(desc, "6: 36; 7: 15; 8: 4; 9 or more: suppressed.");
  assert.equal(await part.locator("svg rect.apt-chart__seg").count(), 3, "a bar for each figure, none for the suppressed one");
  const latest = squash(await host.locator("table:has(caption:text('Performance indicators: latest figures against targets')) tbody").innerText());
  assert.ok(latest.includes("about 60"), latest);
  await part.locator("details.apt-chart__table > summary").click();
  await part.scrollIntoViewIfNeeded();
  await screenshot(page, "widget-minutes-breakdown-1280");
  await axeClean("indicators with a breakdown");
  await page.setViewportSize({ width: 320, height: 900 });
  assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= 320, "no sideways scrolling at 320px");
  await screenshot(page, "widget-minutes-breakdown-320");
  await page.setViewportSize({ width: 1280, height: 900 });
  const cy = await open("src=/examples/fernley-draft.json&view=indicators&lang=cy");
  const cyLatest = squash(await cy.locator(".apt-indicators table").first().innerText());
  assert.ok(cyLatest.includes("tua 60"), cyLatest);
  await axeClean("indicators, cy");
  assert.deepEqual(errors, []);
});
