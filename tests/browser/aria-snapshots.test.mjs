// What a screen reader is given, reviewed like code: the accessibility tree (playwright-core's
// ariaSnapshot: roles, names, headings, counts) of every view and the compact card, in English
// and Welsh, compared with the snapshots committed in tests/browser/aria/. A change to a heading,
// a name, a role or a count shows as a diff there. The clock is fixed (the widget shows how old
// the data is), so the snapshots do not change from day to day.
//
//   UPDATE_ARIA=1 node --test tests/browser/aria-snapshots.test.mjs     rewrites them all
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { setup, waitForLoad } from "./fixtures/widget/support.mjs";
import { compareSnapshot } from "./fixtures/layout/measure.mjs";

const VIEWS = ["overview", "actions", "findings", "indicators", "compact"];
/** The bilingual example in both languages, and the English-only one. */
const CASES = [
  ["cwm-tawel", "en"],
  ["cwm-tawel", "cy"],
  ["northbridge", "en"],
];
/** Noon on a fixed day after every example's as_of. */
const NOW = new Date("2026-12-01T12:00:00Z");

let site;

before(async () => {
  site = await setup();
});

after(async () => {
  await site?.close();
});

test("the accessibility tree of every view, en and cy, matches tests/browser/aria/*.yml", { timeout: 180_000 }, async () => {
  const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.clock.setFixedTime(NOW);
  const differ = [];
  try {
    for (const [name, lang] of CASES) {
      for (const view of VIEWS) {
        await page.goto(`${site.url}widget/one.html?src=/examples/${name}.json&lang=${lang}${view === "compact" ? "&compact" : `&view=${view}`}`);
        await waitForLoad(page);
        const snapshot = await page.locator("action-plan-tracker").ariaSnapshot();
        assert.ok(snapshot.split("\n").length > 5, `${name} ${lang} ${view}: the widget's tree, not an empty host`);
        const d = await compareSnapshot(`${name}-${lang}-${view}`, snapshot);
        if (d) differ.push(d);
      }
    }
  } finally {
    await page.close();
  }
  assert.deepEqual(
    differ,
    [],
    "the accessibility tree changed: if the change is meant, run `UPDATE_ARIA=1 node --test tests/browser/aria-snapshots.test.mjs` and review the diff of tests/browser/aria/",
  );
});
