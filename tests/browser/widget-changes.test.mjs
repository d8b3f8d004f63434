// "What has changed since we last met?" (issue #16, feed-v1.md "Changes since a date"): the
// overview opens with the changes since the last meeting before as_of, each count a link to
// the actions it counts; a reader can compare with another meeting or any date, kept in the
// URL (`since=`) and in tracker-filter-change's detail; the actions view filters by change and
// badges each changed action; details and the indicators view show then and now. English and
// Welsh, axe-clean, by keyboard. The expected counts are those worked out by hand in
// tests/feeds/expected/ (northbridge.summary.json) and below from the feed's own updates.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { assertNoAxeViolations, screenshot, trackPageErrors, REPO_ROOT } from "./harness.mjs";
import { setup, waitForLoad, shownCount } from "./fixtures/widget/support.mjs";

let site;
let page;
let errors;
let expected;

before(async () => {
  site = await setup();
  page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.setDefaultTimeout(5_000);
  errors = trackPageErrors(page);
  const text = await readFile(join(REPO_ROOT, "tests/feeds/expected/northbridge.summary.json"), "utf8");
  expected = JSON.parse(text).changes;
});

after(async () => {
  await site?.close();
});

let loads = 0;

/** A fresh document showing northbridge.json with the given query and hash. */
async function open(query = "", hash = "") {
  loads++;
  await page.goto(`${site.url}widget/one.html?src=/examples/northbridge.json&load=${loads}${query}${hash}`);
  await waitForLoad(page);
  return page.locator("action-plan-tracker").first();
}

const heading = (host) => host.locator("#apt-since h4").textContent();
const hash = () => decodeURIComponent(new URL(page.url()).hash);
const summary = () => page.evaluate(() => document.querySelector("action-plan-tracker").summary);

test("the overview opens with the changes since the last meeting, as worked out by hand", { timeout: 60_000 }, async () => {
  const host = await open();
  assert.equal(await heading(host), "Since the Children's Services Improvement Board on 22 October 2026");
  const first = await host.locator(".apt-overview > *").first().getAttribute("id");
  assert.equal(first, "apt-since", "the overview opens with the section");
  const items = await host.locator("#apt-since .apt-change").allTextContents();
  for (const want of [
    "1 action completed",
    "0 actions started",
    "1 new action",
    "0 actions withdrawn",
    "2 actions with their due date moved later",
    "1 action newly overdue",
    "1 action with a better RAG rating",
    "0 actions with a worse RAG rating",
    "0 indicators improved",
  ]) {
    assert.ok(items.includes(want), `${want} in ${JSON.stringify(items)}`);
  }
  // A count of 0 is not a link; the others are.
  assert.equal(await host.locator('#apt-since a[data-act="go:changed:started"]').count(), 0);
  assert.equal(await host.locator('#apt-since a[data-act="go:changed:completed"]').count(), 1);
  const events = await page.evaluate(() => window.__events);
  const ready = events.find((e) => e.type === "tracker-ready");
  assert.deepEqual(ready.detail.changes, expected, "tracker-ready detail");
  assert.deepEqual((await summary()).changes, expected, "summary property");
  // The chart has its description and its table.
  const chart = host.locator("#apt-chart-since");
  assert.match(await chart.locator("desc").textContent(), /^On 22 October 2026: Not started 2, In progress 14, Complete 15/);
  assert.equal(await chart.locator("table tbody tr").count(), 6);
  await screenshot(page, "widget-changes-overview-en");
  assert.deepEqual(errors, []);
});

test("a count leads to the actions it counts, filtered and badged; the filter in the URL and the event", { timeout: 60_000 }, async () => {
  const host = await open();
  await host.locator('#apt-since a[data-act="go:changed:slipped"]').click();
  await host.locator("#apt-count").waitFor();
  assert.equal(await shownCount(host), 2);
  const ids = await host.locator(".apt-actions > li").evaluateAll((els) => els.map((e) => e.dataset.id));
  assert.deepEqual(ids, ["1.3", "7.1"]);
  const badges = await host.locator('.apt-action[data-id="1.3"] .apt-change-badge').allTextContents();
  assert.deepEqual(badges, ["Due date moved from 30 September 2026 to 31 December 2026"]);
  // The default date is not written into the URL (a reader who chose none follows the feed);
  // the link's own address names it, so a copied link keeps the comparison.
  assert.equal(hash(), "#apt1.view=actions&apt1.changed=slipped");
  assert.equal(
    await page.evaluate(() => location.hash) !== "" && (await host.locator('.apt-chosen button[data-act="remove:changed:slipped"]').count()),
    1,
    "the chosen filter can be removed",
  );
  // The filter group says what it is and counts like the overview.
  const group = host.locator('details.apt-filter-group[data-group="changed"]');
  assert.equal((await group.locator("summary").textContent()).trim(), "Changed since 22 October 2026 (1 selected)");
  await group.locator("summary").click();
  await host.locator('input[data-act="toggle:changed:completed"]').check();
  assert.equal(await shownCount(host), 3, "slipped or completed");
  const changed = (await page.evaluate(() => window.__events)).filter((e) => e.type === "tracker-filter-change").at(-1);
  assert.deepEqual(changed.detail.filters.changed, ["slipped", "completed"]);
  assert.equal(changed.detail.matching, 3);
  // The completed one's details show then and now.
  await host.locator('button[data-act="open:1.6"]').click();
  const rows = await host.locator('.apt-action[data-id="1.6"] table').filter({ hasText: "on 22 October 2026 and now" }).locator("tbody tr").allTextContents();
  assert.deepEqual(rows, ["StatusIn progressComplete", "RAG ratingAmberBlue", "Progress80%100%"]);
  assert.ok(
    (await host.locator('.apt-action[data-id="1.6"] .apt-change-badge').allTextContents()).includes("Completed since 22 October 2026"),
  );
  await screenshot(page, "widget-changes-actions-en");
  await assertNoAxeViolations(page, "action-plan-tracker");
  assert.deepEqual(errors, []);
});

test("choosing another meeting and a date, by keyboard; kept in the URL; back and reload", { timeout: 60_000 }, async () => {
  const host = await open();
  const select = host.locator("#apt-since-meeting");
  const options = await select.locator("option").evaluateAll((os) => os.map((o) => o.value));
  assert.equal(options[0], "2026-10-22", "newest first");
  assert.deepEqual([...options].sort().reverse(), options);
  await select.focus();
  await select.selectOption("2026-09-17");
  await page.waitForFunction(() => document.querySelector("action-plan-tracker").shadowRoot.querySelector("#apt-since h4").textContent.includes("17 September"));
  assert.equal(await heading(host), "Since the Children's Services Improvement Board on 17 September 2026");
  assert.equal((await host.locator("#apt-since-status").textContent()).trim(), "Showing the changes since 17 September 2026.");
  assert.equal(await host.locator("#apt-since-status").getAttribute("role"), "status");
  assert.ok(hash().includes("apt1.since=2026-09-17"), hash());
  const s = await summary();
  // Worked out from the feed's updates on or before 17 September: 1.8 new (added 26 October;
  // 6.5 was added on the day itself); 1.6 completed; 4.3 started (starts 1 October); 1.3, 2.3a,
  // 3.2c and 7.1 slipped (1.6's new date was reported at that board itself).
  assert.equal(s.changes.since, "2026-09-17");
  assert.equal(s.changes.meeting, "ib-2026-09-17");
  assert.equal(s.changes.actions.new, 1);
  assert.equal(s.changes.actions.completed, 1);
  assert.equal(s.changes.actions.started, 1);
  assert.equal(s.changes.actions.slipped, 4);
  const change = (await page.evaluate(() => window.__events)).filter((e) => e.type === "tracker-filter-change").at(-1);
  assert.equal(change.detail.since, "2026-09-17", "tracker-filter-change carries the date");
  // The indicators view shows the figure at that date next to the latest, with the change.
  await host.locator('a[data-act="view:indicators"]').first().click();
  const heads = await host.locator(".apt-indicators table").first().locator("thead th").allTextContents();
  assert.deepEqual(heads.slice(0, 3), ["Indicator", "Latest", "On 17 September 2026"]);
  const caseload = await host.locator(".apt-indicators table").first().locator("tbody tr").filter({ hasText: "caseload" }).first().locator("td").nth(1).textContent();
  assert.match(caseload, /(Improved|Worsened|No change): /);
  await page.goBack();
  await page.goBack();
  await page.waitForFunction(() => document.querySelector("action-plan-tracker").shadowRoot.querySelector("#apt-since h4")?.textContent.includes("22 October"));
  assert.equal(await heading(host), "Since the Children's Services Improvement Board on 22 October 2026", "back to the default");
  // A date typed in the date field.
  const date = host.locator("#apt-since-date");
  await date.focus();
  await date.fill("31/07/2026");
  await date.press("Tab");
  await page.waitForFunction(() => document.querySelector("action-plan-tracker").shadowRoot.querySelector("#apt-since h4").textContent === "Since 31 July 2026");
  assert.equal(await select.inputValue(), "2026-07-31", "the select says the date chosen");
  const url = page.url();
  assert.ok(hash().includes("apt1.since=2026-07-31"), hash());
  loads++;
  await page.goto(url.replace(/load=\d+/, `load=${loads}`));
  await waitForLoad(page);
  assert.equal(await heading(page.locator("action-plan-tracker")), "Since 31 July 2026", "reload keeps the date");
  assert.equal((await summary()).changes.since, "2026-07-31");
  const ready = (await page.evaluate(() => window.__events)).find((e) => e.type === "tracker-ready");
  assert.equal(ready.detail.changes.since, "2026-07-31", "tracker-ready follows the URL's date");
  await screenshot(page, "widget-changes-date-en");
  assert.deepEqual(errors, []);
});

test("a date not before as_of in the URL is ignored for the default", { timeout: 30_000 }, async () => {
  const host = await open("", "#apt1.since=2026-12-01");
  assert.equal(await heading(host), "Since the Children's Services Improvement Board on 22 October 2026");
  assert.equal((await summary()).changes.since, "2026-10-22");
  assert.deepEqual(errors, []);
});

test("in Welsh, with Welsh plurals, and axe-clean in both languages", { timeout: 60_000 }, async () => {
  let host = await open("&lang=cy");
  assert.equal(await heading(host), "Ers 22 Hydref 2026 (Children's Services Improvement Board)");
  const items = await host.locator("#apt-since .apt-change").allTextContents();
  for (const want of [
    "1 cam gweithredu wedi'i gwblhau",
    "Dim camau gweithredu wedi dechrau",
    "1 cam gweithredu newydd",
    "2 gam gweithredu â dyddiad targed diweddarach",
    "Dim dangosyddion wedi gwella",
  ]) {
    assert.ok(items.includes(want), `${want} in ${JSON.stringify(items)}`);
  }
  assert.equal(await host.locator('label[for="apt-since-meeting"]').textContent(), "Cymharu â chyfarfod");
  await screenshot(page, "widget-changes-overview-cy");
  await assertNoAxeViolations(page, "action-plan-tracker");
  await host.locator('#apt-since a[data-act="go:changed:completed"]').click();
  assert.deepEqual(await host.locator(".apt-change-badge").allTextContents(), [
    "Wedi'i gwblhau ers 22 Hydref 2026",
    "RAG gwell: Ambr bryd hynny, Glas nawr",
  ]);
  await assertNoAxeViolations(page, "action-plan-tracker");
  host = await open();
  await assertNoAxeViolations(page, "action-plan-tracker");
  await page.setViewportSize({ width: 320, height: 800 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
  assert.equal(overflow, false, "nothing scrolls sideways at 320px");
  await screenshot(page, "widget-changes-overview-320");
  await page.setViewportSize({ width: 1280, height: 900 });
  assert.deepEqual(errors, []);
});
