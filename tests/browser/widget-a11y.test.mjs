// axe-core (WCAG 2.0/2.1/2.2 A and AA, and best practice) finds nothing in each state a
// resident can reach, at 1280px and at 320px; and at 320px nothing scrolls sideways.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { runAxe, formatViolations, screenshot } from "./harness.mjs";
import { setup, waitForLoad } from "./fixtures/widget/support.mjs";

let site;
let page;

before(async () => {
  site = await setup();
  page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
});

after(async () => {
  await site?.close();
});

// Each state is a fresh page load (a query string that differs, so a hash-only change
// cannot reuse the last document), then `then` does what a reader would.
const STATES = [
  // (wide: true) states are checked at 1280px only, to keep the run short.
  { name: "overview-en", url: "one.html?src=/examples/northbridge.json" },
  { name: "overview-cy", url: "one.html?src=/examples/cwm-tawel.json&lang=cy" },
  { name: "overview-cy-english-feed", url: "one.html?src=/examples/northbridge.json&lang=cy", wide: true },
  {
    name: "actions-filtered",
    url: "one.html?src=/examples/northbridge.json&view=actions",
    then: async (host) => {
      // Choose filters the way a reader does: open the group, tick, type.
      await host.locator("details.apt-filter-group > summary").first().click();
      await host.locator('input[data-act="toggle:status:in_progress"]').check();
      await host.locator('details.apt-filter-group[data-group="due"] > summary').click();
      await host.locator('input[data-act="toggle:due:overdue"]').check();
      await host.locator("#apt-search").fill("plan");
    },
  },
  {
    name: "action-open",
    url: "one.html?src=/examples/northbridge.json&view=actions",
    then: async (host) => {
      const toggle = host.locator('button[data-act="open:1.2"]');
      await toggle.click();
      assert.equal(await toggle.getAttribute("aria-expanded"), "true");
    },
  },
  { name: "action-open-cy", url: "one.html?src=/examples/cwm-tawel.json&lang=cy&view=actions", then: (host) => host.locator("button.apt-action__toggle").nth(1).click(), wide: true },
  { name: "findings", url: "one.html?src=/examples/northbridge.json&view=findings" },
  { name: "indicators", url: "one.html?src=/examples/northbridge.json&view=indicators" },
  {
    // Every chart's "Show as table" opened: the tables are checked too (issue 4).
    name: "charts-as-tables",
    url: "one.html?src=/examples/northbridge.json",
    then: async (host) => {
      const summaries = host.locator("details.apt-chart__table > summary");
      const n = await summaries.count();
      assert.ok(n >= 3, `the overview has its charts (found ${n})`);
      for (let i = 0; i < n; i++) await summaries.nth(i).click();
      assert.equal(await host.locator("details.apt-chart__table[open] table caption").count(), n);
    },
  },
  {
    name: "indicator-charts-as-tables",
    url: "one.html?src=/examples/northbridge.json&view=indicators",
    then: async (host) => {
      const summaries = host.locator("details.apt-chart__table > summary");
      const n = await summaries.count();
      assert.ok(n >= 8, `every indicator has a chart (found ${n})`);
      for (let i = 0; i < n; i++) await summaries.nth(i).click();
    },
  },
  { name: "compact", url: "one.html?src=/examples/northbridge.json&compact" },
  { name: "compact-cy", url: "one.html?src=/examples/cwm-tawel.json&lang=cy&compact", wide: true },
  { name: "error", url: "one.html?src=/examples/no-such-feed.json", error: true },
  { name: "partial", url: "one.html?src=/widget/partial.json", then: (host) => host.locator("details.apt-problems > summary").click() },
];

for (const width of [1280, 320]) {
  test(`axe finds no violations in any state at ${width}px`, { timeout: 90_000 }, async () => {
    await page.setViewportSize({ width, height: 900 });
    const failures = [];
    const overflow = [];
    for (const [i, state] of STATES.entries()) {
      if (state.wide && width !== 1280) continue;
      await page.goto(`${site.url}widget/${state.url}&n=${width}-${i}`);
      const events = await waitForLoad(page);
      assert.equal(events.at(-1).type, state.error ? "tracker-error" : "tracker-ready", `${state.name}: loaded`);
      const host = page.locator("action-plan-tracker");
      if (state.then) await state.then(host);
      const violations = await runAxe(page, "action-plan-tracker");
      if (violations.length) failures.push(`${state.name} at ${width}px: ${formatViolations(violations)}`);
      if (width === 320) {
        const sw = await page.evaluate(() => document.documentElement.scrollWidth);
        if (sw > 320) overflow.push(`${state.name}: scrollWidth ${sw}`);
      }
      if (state.name.startsWith("error") || state.name.startsWith("partial") || state.name.startsWith("actions-filtered")) {
        await screenshot(page, `widget-state-${state.name}-${width}`);
      }
    }
    assert.deepEqual(overflow, [], "sideways scrolling at 320px");
    assert.equal(failures.length, 0, failures.join("\n\n"));
  });
}

test("axe: the whole test page with the widget is clean too (landmarks, headings across the boundary)", { timeout: 30_000 }, async () => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`${site.url}widget/static.html`);
  await waitForLoad(page);
  const violations = await runAxe(page);
  assert.deepEqual(violations, [], formatViolations(violations));
});

test("axe really looks inside the widget's shadow root (a planted nameless button is found)", { timeout: 30_000 }, async () => {
  await page.goto(`${site.url}widget/one.html?src=/examples/northbridge.json&n=plant`);
  await waitForLoad(page);
  await page.evaluate(() => {
    const b = document.createElement("button");
    document.querySelector("action-plan-tracker").shadowRoot.querySelector(".apt-header").append(b);
  });
  const violations = await runAxe(page, "action-plan-tracker");
  assert.deepEqual(violations.map((v) => v.id), ["button-name"]);
});
