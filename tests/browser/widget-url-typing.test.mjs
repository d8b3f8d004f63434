// The search box and the address bar (issue #15): typing writes the URL fragment once typing
// pauses, or at once when the box reports a change (Enter), not on every keystroke; whatever
// writes the address next writes the search typed before it, so the history is as it was
// when every keystroke wrote it (a tick after a search: back gives the search without it).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { trackPageErrors } from "./harness.mjs";
import { setup, waitForLoad } from "./fixtures/widget/support.mjs";

let site;
let page;
let errors;

before(async () => {
  site = await setup();
  page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.setDefaultTimeout(5_000);
  errors = trackPageErrors(page);
});

after(async () => {
  await site?.close();
});

const address = () => page.evaluate(() => ({ hash: decodeURIComponent(location.hash), entries: history.length }));

test("the address follows the search when typing pauses or on Enter, with the history of before", { timeout: 30_000 }, async () => {
  await page.goto(`${site.url}widget/one.html?src=/examples/northbridge.json&view=actions`);
  await waitForLoad(page);
  const host = page.locator("action-plan-tracker");
  const box = host.locator("#apt-search");
  const start = await address();
  await box.focus();
  await page.keyboard.type("pla");
  assert.equal((await address()).hash, start.hash, "not written while typing");
  await page.waitForFunction(() => decodeURIComponent(location.hash).includes("apt1.q=pla"), null, { timeout: 2_000 });
  await page.keyboard.type("n");
  await page.keyboard.press("Enter");
  assert.ok((await address()).hash.includes("apt1.q=plan"), "written at once on Enter");
  assert.equal((await address()).entries, start.entries, "typing adds no history entry");
  // A tick straight after more typing: the search goes into the entry before the tick's.
  await page.keyboard.type("s");
  await host.locator("details.apt-filter-group > summary").first().click();
  await host.locator('input[data-act="toggle:status:in_progress"]').check();
  const ticked = await address();
  assert.ok(ticked.hash.includes("apt1.q=plans") && ticked.hash.includes("apt1.status=in_progress"), ticked.hash);
  assert.equal(ticked.entries, start.entries + 1);
  await page.goBack();
  await page.waitForFunction(() => !location.hash.includes("status="));
  assert.ok((await address()).hash.includes("apt1.q=plans"), "back: the search typed before the tick");
  assert.equal(await box.inputValue(), "plans");
  assert.deepEqual(errors, []);
});
