// Issue #13 in Chromium: a crafted link cannot make the council's page speak, the feed is
// fetched without the reader's cookies unless the page asks, and any `feed` property value
// ends in a tracker-error, never an exception or an unhandled rejection.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { launchBrowser, screenshot, REPO_ROOT } from "./harness.mjs";
import { startSite, sendJson } from "./fixtures/network/server.mjs";
import { makeRoot, collectErrors, waitForEvents } from "./fixtures/security/support.mjs";

let site;
let dir;
let browser;
let good;

before(async () => {
  dir = await makeRoot();
  site = await startSite(dir.root);
  browser = await launchBrowser();
  good = await readFile(join(REPO_ROOT, "www", "examples", "southmoor-monitoring.json"));
});

after(async () => {
  await browser?.close();
  await site?.close();
  await dir?.remove();
});

/** Every text node and attribute value in the tracker's shadow root. */
function shownText(page) {
  return page.evaluate(() => {
    const out = [];
    const walk = (node) => {
      for (const n of node.childNodes) {
        if (n.nodeType === Node.TEXT_NODE) out.push(n.data);
        else if (n.nodeType === Node.ELEMENT_NODE) {
          for (const a of n.attributes) if (a.name !== "href") out.push(a.value);
          walk(n);
        }
      }
    };
    walk(document.querySelector("action-plan-tracker").shadowRoot);
    return out;
  });
}

test("a crafted link cannot put words on the council's page, and is rewritten", async () => {
  const words = "Data breach: call 0900 123 456 now";
  const enc = encodeURIComponent(words);
  for (const key of ["priority", "lead", "finding", "open"]) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = collectErrors(page);
    const src = "/examples/southmoor-monitoring.json";
    await page.goto(`${site.url}security/page.html?id=t&src=${encodeURIComponent(src)}#t.view=actions&t.${key}=${enc}&other=1`);
    await waitForEvents(page);
    await page.waitForFunction(() => document.querySelector("action-plan-tracker").shadowRoot.querySelector("#apt-count"));
    const shown = (await shownText(page)).filter((t) => t.includes("0900"));
    assert.deepEqual(shown, [], `t.${key}: the page shows ${JSON.stringify(shown)}`);
    const hash = await page.evaluate(() => location.hash);
    assert.equal(hash, "#other=1&t.view=actions", `t.${key}: the URL keeps the view and the page's own pair`);
    if (key === "priority") await screenshot(page, "security-links-spoofed-priority");
    assert.deepEqual(errors, []);
    await page.close();
  }
  // What the feed has stays, in a chip; a search is quoted as the reader's own.
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const src = "/examples/southmoor-monitoring.json";
  await page.goto(`${site.url}security/page.html?id=t&src=${encodeURIComponent(src)}#t.view=actions&t.q=${enc}`);
  await waitForEvents(page);
  const chips = await page.evaluate(() =>
    [...document.querySelector("action-plan-tracker").shadowRoot.querySelectorAll(".apt-chip")].map((c) => c.textContent),
  );
  assert.deepEqual(chips, [`✕ Your search: “${words}”`]);
  assert.equal(await page.evaluate(() => location.hash), `#t.view=actions&t.q=${enc.replace(/%20/g, "%20")}`);
  await page.close();
});

test("a link with a million values does not freeze the page", async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = collectErrors(page);
  const src = "/examples/southmoor-monitoring.json";
  const started = Date.now();
  await page.goto(`${site.url}security/page.html?id=t&src=${encodeURIComponent(src)}#t.view=actions&t.lead=${"x,".repeat(1_000_000)}`);
  await waitForEvents(page);
  await page.waitForFunction(() => document.querySelector("action-plan-tracker").shadowRoot.querySelector("#apt-count"));
  assert.ok(Date.now() - started < 20_000, `took ${Date.now() - started} ms`);
  const chips = await page.evaluate(() => document.querySelector("action-plan-tracker").shadowRoot.querySelectorAll(".apt-chip").length);
  assert.equal(chips, 0);
  assert.ok((await page.evaluate(() => location.href.length)) < 1000, "the URL is rewritten without them");
  assert.deepEqual(errors, []);
  await page.close();
});

test("the feed is fetched without cookies unless the page asks for them", async () => {
  const seen = [];
  site.route("/cookie-feed.json", (req, res) => {
    seen.push(req.headers.cookie ?? null);
    sendJson(res, good);
  });
  for (const [extra, want] of [
    ["", null],
    ["&crossorigin=anonymous", null],
    ["&crossorigin=use-credentials", "session=secret"],
  ]) {
    const context = await browser.newContext();
    await context.addCookies([{ name: "session", value: "secret", url: site.url }]);
    const page = await context.newPage();
    await page.goto(`${site.url}security/page.html?src=/cookie-feed.json${extra}`);
    const events = await waitForEvents(page);
    assert.equal(events.at(-1).type, "tracker-ready");
    assert.equal(seen.at(-1), want, `crossorigin ${extra || "absent"}`);
    await context.close();
  }
  site.unroute("/cookie-feed.json");
});

test("any feed property value ends in tracker-error, never an unhandled rejection", async () => {
  const page = await browser.newPage();
  const errors = collectErrors(page);
  await page.goto(`${site.url}security/page.html?src=/examples/southmoor-monitoring.json`);
  await waitForEvents(page);
  const results = await page.evaluate(async () => {
    const rejections = [];
    window.addEventListener("unhandledrejection", (e) => rejections.push(String(e.reason)));
    const el = document.querySelector("action-plan-tracker");
    const cyclic = { schema_version: "1.0" };
    cyclic.self = cyclic;
    const values = {
      cyclic,
      bigint: { schema_version: "1.0", n: 1n },
      "throwing toJSON": { toJSON() { throw new Error("no"); } },
      "throwing getter": Object.defineProperty({}, "x", { enumerable: true, get() { throw new Error("no"); } }),
      function: () => 1,
      symbol: Symbol("s"),
      number: 42,
    };
    const out = {};
    for (const [name, value] of Object.entries(values)) {
      const got = new Promise((resolve) => {
        const on = (e) => {
          el.removeEventListener("tracker-error", on);
          el.removeEventListener("tracker-ready", on);
          resolve({ type: e.type, message: e.detail?.message });
        };
        el.addEventListener("tracker-error", on);
        el.addEventListener("tracker-ready", on);
      });
      let threw = null;
      try {
        el.feed = value;
      } catch (e) {
        threw = String(e);
      }
      out[name] = { ...(await got), threw };
    }
    await new Promise((r) => setTimeout(r, 100));
    return { out, rejections };
  });
  for (const [name, r] of Object.entries(results.out)) {
    assert.equal(r.threw, null, `${name}: setting feed threw`);
    assert.equal(r.type, "tracker-error", `${name}: ${JSON.stringify(r)}`);
    assert.match(r.message, /not in the expected format|cannot be read|mistakes/, `${name}: ${r.message}`);
  }
  assert.deepEqual(results.rejections, []);
  assert.deepEqual(errors, []);
  await page.close();
});
