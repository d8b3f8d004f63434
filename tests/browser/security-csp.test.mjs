// The widget under the strict Content-Security-Policy of issue #7, sent as a response header
// by this test's own server:
//
//   default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self';
//   img-src 'self' data:; require-trusted-types-for 'script'
//
// It must work fully (load, every view, filters, search, open an action, the CSV download,
// the compact card, Try again) with no CSP or Trusted Types violation and no console error.
// watch.js listens for `securitypolicyviolation` before the module loads. A positive control
// at the end proves the policy is really enforced and the listener really hears it.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { launchBrowser, screenshot } from "./harness.mjs";
import { startSite } from "./fixtures/network/server.mjs";
import { makeRoot, collectErrors, waitForEvents, visitEverything, STRICT_CSP } from "./fixtures/security/support.mjs";

let site;
let dir;
let browser;

before(async () => {
  dir = await makeRoot();
  site = await startSite(dir.root, { headers: { "Content-Security-Policy": STRICT_CSP } });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await site?.close();
  await dir?.remove();
});

async function open(query) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  page.setDefaultTimeout(15_000);
  const errors = collectErrors(page);
  const response = await page.goto(`${site.url}security/page.html?${query}`);
  assert.equal(response.headers()["content-security-policy"], STRICT_CSP, "the page is served with the policy");
  const events = await waitForEvents(page);
  return { page, errors, events, host: page.locator("action-plan-tracker") };
}

const violations = (page) => page.evaluate(() => window.__violations);

test("under a strict CSP with Trusted Types the widget works fully, with no violation", { timeout: 120_000 }, async () => {
  const { page, errors, events, host } = await open("src=/examples/northbridge.json");
  assert.equal(events[0].type, "tracker-ready", JSON.stringify(events[0].detail).slice(0, 300));

  // Every view, every action on the first page opened.
  await visitEverything(page);

  // Filters: a status checkbox, the search box, a sort, a chip removed, all cleared.
  await host.locator('a[data-act="view:actions"]').click();
  await host.locator("summary", { hasText: /^Status/ }).first().click();
  await host.locator('input[data-act="toggle:status:in_progress"]').check();
  await page.waitForFunction(() => window.__events.some((e) => e.type === "tracker-filter-change"));
  await host.locator("#apt-search").fill("social");
  await host.locator("#apt-sort").selectOption({ index: 1 });
  await host.locator('button[data-act^="remove:status:"]').click();
  await host.locator('button[data-act="clear"]').click();

  // Open (or close) one action.
  const toggle = host.locator('button[data-act^="open:"]').first();
  const was = await toggle.getAttribute("aria-expanded");
  await toggle.click();
  assert.equal(await toggle.getAttribute("aria-expanded"), was === "true" ? "false" : "true");

  // The CSV download (a Blob URL clicked from an <a download>).
  const [download] = await Promise.all([page.waitForEvent("download"), host.locator('button[data-act="csv"]').click()]);
  const csv = await readFile(await download.path(), "utf8");
  assert.match(csv, /^\uFEFF"Number","Title"/, "a real CSV file");

  // Back to the overview (its charts), then a compact card on a fresh page.
  await host.locator('a[data-act="view:overview"]').click();
  await screenshot(page, "security-csp-overview");

  assert.deepEqual(await violations(page), [], "no CSP or Trusted Types violation");
  assert.deepEqual(errors, [], "no console error");
  await page.close();

  const compact = await open("src=/examples/cwm-tawel.json&compact&lang=cy");
  assert.equal(compact.events[0].type, "tracker-ready");
  assert.deepEqual(await violations(compact.page), []);
  assert.deepEqual(compact.errors, []);
  await compact.page.close();
});

test("under the strict CSP, an error state and Try again cause no violation", { timeout: 60_000 }, async () => {
  let calls = 0;
  site.route("/flaky.json", async (req, res) => {
    calls++;
    if (calls === 1) {
      res.writeHead(500, { "Content-Type": "text/html" });
      res.end("<!doctype html><h1>Internal Server Error</h1>");
    } else {
      res.writeHead(200, { "Content-Type": "application/json" });
      res.end(await readFile(new URL("../../www/examples/southmoor-monitoring.json", import.meta.url)));
    }
  });
  const { page, errors, events, host } = await open("src=/flaky.json");
  assert.equal(events[0].type, "tracker-error");
  await host.locator('button[data-act="retry"]').click();
  const after = await waitForEvents(page, 2);
  assert.equal(after[1].type, "tracker-ready");
  assert.deepEqual(await violations(page), []);
  // The 500 itself is a console error the browser logs; nothing else.
  assert.deepEqual(errors.filter((e) => !/status of 500/.test(e)), []);
  await page.close();
});

test("under the strict CSP, a hostile feed causes no violation (nothing even tries to run)", { timeout: 120_000 }, async () => {
  const { page, errors, events } = await open("src=/hostile/everything.json");
  assert.equal(events[0].type, "tracker-ready");
  await visitEverything(page);
  await page.waitForTimeout(500);
  // A blocked inline handler or script would show here, even though the policy stopped it.
  assert.deepEqual(await violations(page), []);
  assert.equal(await page.evaluate(() => window.__pwned ?? null), null);
  assert.deepEqual(errors, []);
  await page.close();
});

test("positive control: the policy is enforced and violations are heard", { timeout: 60_000 }, async () => {
  const { page } = await open("src=/examples/northbridge.json");
  const outcome = await page.evaluate(async () => {
    const out = {};
    try {
      document.createElement("div").innerHTML = "<b>x</b>";
      out.innerHTML = "allowed";
    } catch (e) {
      out.innerHTML = e.name;
    }
    try {
      document.createElement("script").src = "data:text/javascript,window.__pwned='control'";
      out.scriptSrc = "allowed";
    } catch (e) {
      out.scriptSrc = e.name;
    }
    const p = document.createElement("p");
    p.setAttribute("style", "color: red");
    document.body.append(p);
    await new Promise((r) => setTimeout(r, 300));
    out.inlineStyle = getComputedStyle(p).color;
    out.pwned = window.__pwned ?? null;
    return out;
  });
  assert.equal(outcome.innerHTML, "TypeError", "Trusted Types refuses a string for innerHTML");
  assert.equal(outcome.scriptSrc, "TypeError", "Trusted Types refuses a string for script.src");
  assert.notEqual(outcome.inlineStyle, "rgb(255, 0, 0)", "an inline style attribute is not applied");
  assert.equal(outcome.pwned, null);
  const v = await violations(page);
  assert.ok(v.some((x) => /require-trusted-types-for/.test(x.directive)), JSON.stringify(v));
  assert.ok(v.some((x) => /style-src/.test(x.effective)), JSON.stringify(v));
  await page.close();
});
