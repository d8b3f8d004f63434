// Keyboard only (page.keyboard: Tab, Shift+Tab, Enter, Space, arrows, typing; no mouse):
// every control in every view can be reached, shows where focus is, and can be operated;
// focus is never dropped on the floor after a control re-renders the widget.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { screenshot, trackPageErrors } from "./harness.mjs";
import { setup, exampleFeeds, expectedMatches, waitForLoad, shownCount, focused } from "./fixtures/widget/support.mjs";

let site;
let feed;
let page;
let errors;
let loads = 0;

before(async () => {
  site = await setup();
  feed = (await exampleFeeds()).find((f) => f.name === "northbridge").feed;
  page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.setDefaultTimeout(5_000);
  errors = trackPageErrors(page);
});

after(async () => {
  await site?.close();
});

async function open(query, hash = "") {
  await page.goto(`${site.url}widget/one.html?${query}&load=${++loads}${hash}`);
  const events = await waitForLoad(page);
  return { host: page.locator("action-plan-tracker"), events };
}

/** Presses Tab (or Shift+Tab) until `want(focused)` holds; fails after `max` presses. */
async function tabTo(want, what, { max = 80, back = false } = {}) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(back ? "Shift+Tab" : "Tab");
    const f = await focused(page);
    if (want(f)) return f;
  }
  throw new Error(`could not reach ${what} with ${back ? "Shift+Tab" : "Tab"} in ${max} presses`);
}

function assertVisibleFocus(f, what) {
  assert.ok(f.inWidget, `${what}: focus is inside the widget (it is on ${f.tag})`);
  assert.ok(f.focusVisible && f.indicator, `${what}: focus is visible on ${f.tag} ${f.act ?? ""} (:focus-visible ${f.focusVisible}, outline or shadow ${f.indicator})`);
}

/**
 * Tabs from the top of the page through the whole widget and back out, and returns the
 * controls it never reached and the stops where focus was not visible.
 */
async function walkEveryControl() {
  // Start from the host page's own first link, above the widget.
  await page.evaluate(() => {
    window.__seen = new Set();
    document.getElementById("site-home").focus();
  });
  const invisible = [];
  let entered = false;
  for (let i = 0; i < 400; i++) {
    await page.keyboard.press("Tab");
    const f = await page.evaluate(() => {
      let el = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      const inWidget = el?.getRootNode() instanceof ShadowRoot;
      if (inWidget) window.__seen.add(el);
      return inWidget;
    });
    const now = await focused(page);
    if (f) {
      entered = true;
      if (!(now.focusVisible && now.indicator)) invisible.push(`${now.tag} ${now.act ?? now.id ?? ""} "${now.text}"`);
    } else if (entered) break;
  }
  const missed = await page.evaluate(() => {
    const root = document.querySelector("action-plan-tracker").shadowRoot;
    const controls = [...root.querySelectorAll("a[href], button, input, select, textarea, summary, [tabindex]")].filter(
      (el) => el.tabIndex >= 0 && !el.disabled && el.checkVisibility({ visibilityProperty: true }),
    );
    return {
      total: controls.length,
      missed: controls.filter((el) => !window.__seen.has(el)).map((el) => `${el.localName} ${el.getAttribute("data-act") ?? el.id ?? ""} "${el.textContent.trim().slice(0, 50)}"`),
    };
  });
  return { ...missed, invisible, entered };
}

test("keyboard: reach the Actions tab, tick a status, type a search, open an action; focus visible, count updated", { timeout: 60_000 }, async () => {
  const { host } = await open("src=/examples/northbridge.json");
  // From the top of the page (the council's own header link) to the Actions tab.
  await page.locator("#site-home").focus();
  let f = await tabTo((x) => x.act === "view:actions", "the Actions tab");
  assertVisibleFocus(f, "Actions tab");
  await page.keyboard.press("Enter");
  assert.equal(await host.locator('[aria-current="page"]').getAttribute("data-act"), "view:actions");
  f = await focused(page);
  assert.equal(f.id, "apt-view-heading", "focus moves to the new view's heading");
  assert.equal(await shownCount(host), feed.actions.length);

  // Status group: open it with Enter, tick "In progress" with Space.
  f = await tabTo((x) => x.tag === "summary" && /status/i.test(x.text), "the Status filter group");
  assertVisibleFocus(f, "Status group");
  await page.keyboard.press("Enter");
  f = await tabTo((x) => x.act === "toggle:status:in_progress", "the In progress checkbox", { max: 6 });
  assertVisibleFocus(f, "In progress checkbox");
  await page.keyboard.press("Space");
  assert.equal(await host.locator('input[data-act="toggle:status:in_progress"]').isChecked(), true, "ticked with Space");
  const afterTick = expectedMatches(feed, { status: ["in_progress"] }).length;
  assert.equal(await shownCount(host), afterTick, "the count follows the tick");
  f = await focused(page);
  assert.equal(f.act, "toggle:status:in_progress", "focus stays on the checkbox after the list re-renders");
  assertVisibleFocus(f, "checkbox after ticking");

  // Back to the search box and type.
  f = await tabTo((x) => x.id === "apt-search", "the search box", { back: true, max: 10 });
  assertVisibleFocus(f, "search box");
  await page.keyboard.type("plan");
  const afterSearch = expectedMatches(feed, { status: ["in_progress"], q: "plan" }).length;
  assert.equal(await shownCount(host), afterSearch, "the count follows the search");
  assert.equal((await focused(page)).id, "apt-search", "typing keeps focus in the search box");
  assert.equal(await host.locator("#apt-count").getAttribute("aria-live"), "polite", "the count is announced politely");

  // On to the first action in the list and open it.
  f = await tabTo((x) => x.act?.startsWith("open:"), "an action");
  assertVisibleFocus(f, "action toggle");
  const id = f.act.slice("open:".length);
  const toggle = host.locator(`button[data-act="open:${id}"]`);
  assert.equal(await toggle.getAttribute("aria-expanded"), "false");
  await page.keyboard.press("Enter");
  assert.equal(await toggle.getAttribute("aria-expanded"), "true", "Enter opens the action");
  const details = host.locator(`[id="${await toggle.getAttribute("aria-controls")}"]`);
  assert.equal(await details.isVisible(), true, "its details show");
  f = await focused(page);
  assert.equal(f.act, `open:${id}`, "focus stays on the action's button");
  assertVisibleFocus(f, "action toggle after opening");
  await page.keyboard.press("Space");
  assert.equal(await toggle.getAttribute("aria-expanded"), "false", "Space closes it again");
  await page.keyboard.press("Enter");
  assert.equal(await toggle.getAttribute("aria-expanded"), "true");
  await screenshot(page, "widget-keyboard-action-open-1280");
  assert.match(page.url(), new RegExp(`apt1\\.open=${id.replace(".", "\\.")}`), "the opened action is in the URL");
  assert.deepEqual(errors, []);
});

for (const [name, query, hash] of [
  ["overview", "src=/examples/northbridge.json", ""],
  ["actions (filters open, an action open, page 1 of 2)", "src=/examples/northbridge.json&view=actions", ""],
  ["findings", "src=/examples/northbridge.json&view=findings", ""],
  ["indicators", "src=/examples/northbridge.json&view=indicators", ""],
  ["compact card", "src=/examples/northbridge.json&compact", ""],
  ["Welsh overview", "src=/examples/cwm-tawel.json&lang=cy", ""],
  ["error state", "src=/examples/no-such-feed.json", ""],
]) {
  test(`keyboard: every control in the ${name} is reached by Tab, with visible focus`, { timeout: 60_000 }, async () => {
    const { host } = await open(query, hash);
    if (name.startsWith("actions")) {
      // Open every filter group and one action with the keyboard first, so their insides count too.
      await host.locator("#apt-search").focus();
      const groups = await host.locator("details.apt-filter-group").count();
      for (let i = 0; i < groups; i++) {
        await tabTo((x) => x.tag === "summary", `filter group ${i + 1}`, { max: 40 });
        await page.keyboard.press("Enter");
      }
      await tabTo((x) => x.act?.startsWith("open:"), "an action", { max: 200 });
      await page.keyboard.press("Enter");
    }
    const r = await walkEveryControl();
    assert.ok(r.entered && r.total > 0, "Tab entered the widget");
    assert.deepEqual(r.missed, [], `controls never reached by Tab (of ${r.total})`);
    assert.deepEqual(r.invisible, [], "focus stops without a visible focus indicator");
  });
}

test("keyboard: the overview's 'actions overdue' link opens the list filtered to them", { timeout: 30_000 }, async () => {
  const { host } = await open("src=/examples/northbridge.json");
  await tabTo((x) => x.act === "go:due:overdue", "the overdue link");
  await page.keyboard.press("Enter");
  assert.equal(await host.locator('[aria-current="page"]').getAttribute("data-act"), "view:actions");
  assert.equal(await shownCount(host), expectedMatches(feed, { due: ["overdue"] }).length);
  assert.equal((await focused(page)).id, "apt-view-heading");
});

test("keyboard: the sort order changes with the arrow keys", { timeout: 30_000 }, async () => {
  const { host } = await open("src=/examples/northbridge.json&view=actions");
  await tabTo((x) => x.id === "apt-sort", "the sort select", { max: 30 });
  await page.keyboard.press("ArrowDown");
  assert.equal(await host.locator("#apt-sort").inputValue(), "due");
  assert.match(page.url(), /apt1\.sort=due/);
  // Soonest effective due date first.
  const firstId = await host.locator("li.apt-action").first().getAttribute("data-id");
  const soonest = [...feed.actions].filter((a) => a.revised_due ?? a.due).sort((a, b) => ((a.revised_due ?? a.due) < (b.revised_due ?? b.due) ? -1 : 1))[0];
  assert.equal(firstId, soonest.id);
  assert.equal((await focused(page)).id, "apt-sort", "focus stays on the select");
});

test("keyboard: unticking a filter keeps focus on it (its group does not snap shut)", { timeout: 30_000 }, async () => {
  const { host } = await open("src=/examples/northbridge.json&view=actions");
  await host.locator("#apt-search").focus();
  await tabTo((x) => x.tag === "summary", "the Status group", { max: 3 });
  await page.keyboard.press("Enter");
  await tabTo((x) => x.act === "toggle:status:complete", "Complete", { max: 6 });
  await page.keyboard.press("Space");
  assert.equal(await shownCount(host), expectedMatches(feed, { status: ["complete"] }).length);
  await page.keyboard.press("Space"); // untick: the only ticked box in its group
  assert.equal(await shownCount(host), feed.actions.length);
  const f = await focused(page);
  assert.equal(f.act, "toggle:status:complete", `focus stays on the checkbox just unticked (it went to ${f.tag})`);
  // A keyboard user carries on to the next box without reopening the group.
  await page.keyboard.press("Tab");
  assert.equal((await focused(page)).act, "toggle:status:withdrawn", "Tab goes on to the next status");
});

test("keyboard: removing a chosen filter, clearing them all and changing page never drop focus", { timeout: 30_000 }, async () => {
  const { host } = await open("src=/examples/northbridge.json&view=actions", "#apt1.view=actions&apt1.status=complete");
  const problems = [];
  // Remove the only chip.
  await tabTo((x) => x.act === "remove:status:complete", "the chosen-filter chip", { max: 40 });
  await page.keyboard.press("Enter");
  assert.equal(await shownCount(host), feed.actions.length, "chip removed the filter");
  let f = await focused(page);
  if (!f.inWidget) problems.push(`after removing the last chip, focus went to ${f.tag}`);
  // Clear all filters.
  await page.goto(`${site.url}widget/one.html?src=/examples/northbridge.json&view=actions&load=${++loads}#apt1.view=actions&apt1.status=complete&apt1.rag=blue`);
  await waitForLoad(page);
  await page.locator("action-plan-tracker #apt-search").focus();
  await tabTo((x) => x.act === "clear", "Clear all filters", { max: 40 });
  await page.keyboard.press("Enter");
  assert.equal(await shownCount(host), feed.actions.length, "cleared");
  f = await focused(page);
  if (!f.inWidget) problems.push(`after "Clear all filters", focus went to ${f.tag}`);
  // Next page.
  await page.locator("action-plan-tracker #apt-sort").focus();
  await tabTo((x) => x.act === "page:1", "Next page", { max: 120 });
  await page.keyboard.press("Enter");
  assert.match(page.url(), /apt1\.page=2/);
  f = await focused(page);
  if (!f.inWidget) problems.push(`after "Next page", focus went to ${f.tag}`);
  assert.deepEqual(problems, []);
});
