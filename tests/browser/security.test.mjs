// Hostile feeds in Chromium (issue #7): nothing in a feed ever runs, hostile text is shown
// exactly as written in every view, chart, table, tooltip, aria-label and the CSV download,
// and what cannot be shown gets a clear message.
//
// The corpus is tests/hostile/ (payloads.json; small feeds committed in feeds/, big ones made
// here by corpus.mjs). Every script payload sets window.__pwned if it ever runs (the
// sentinel). These pages have NO Content-Security-Policy, so the sentinel proves the widget
// itself never turns feed text into markup (security-csp.test.mjs adds the policy).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { launchBrowser, screenshot } from "./harness.mjs";
import { startSite, sendJson } from "./fixtures/network/server.mjs";
import { makeRoot, collectErrors, waitForEvents, snapshot, visitEverything, trackerText } from "./fixtures/security/support.mjs";
import {
  payloads,
  tag,
  shownFields,
  smallFeeds,
  FEEDS_DIR,
  RAW_EXPECT,
  IDS,
  feedText,
  bigStrings,
  manyActions,
  bigArraysInOneAction,
  deepText,
} from "../hostile/corpus.mjs";

/** Fields the widget shows nowhere (shownFields() already leaves out contact_email and plan.id). */
const NOT_SHOWN = new Set([]);

let site;
let dir;
let browser;

before(async () => {
  dir = await makeRoot();
  site = await startSite(dir.root);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await site?.close();
  await dir?.remove();
});

async function open(src, extra = "") {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  page.setDefaultTimeout(15_000);
  const errors = collectErrors(page);
  await page.goto(`${site.url}security/page.html?src=${encodeURIComponent(src)}${extra}`);
  const events = await waitForEvents(page);
  return { page, errors, events, host: page.locator("action-plan-tracker") };
}

/** The tags, attributes and hrefs a hostile render may use: those of a real feed. */
let vocabulary;
async function baseline() {
  if (vocabulary) return vocabulary;
  const { page } = await open("/examples/northbridge.json");
  const s = await visitEverything(page);
  await page.close();
  const c = await open("/examples/northbridge.json", "&compact");
  const sc = await snapshot(c.page);
  await c.page.close();
  vocabulary = { tags: new Set([...s.tags, ...sc.tags]), attrNames: new Set([...s.attrNames, ...sc.attrNames]) };
  return vocabulary;
}

/** Every way a render could have let feed text become markup. */
function assertInert(snap, vocab, what) {
  const problems = [];
  if (snap.pwned !== null) problems.push(`a payload ran: window.__pwned = ${JSON.stringify(snap.pwned)}`);
  for (const t of snap.tags) if (!vocab.tags.has(t)) problems.push(`a <${t}> element, which the widget never makes`);
  for (const a of snap.attrNames) {
    if (a.startsWith("on") || !vocab.attrNames.has(a)) problems.push(`an attribute "${a}", which the widget never sets`);
  }
  for (const { tag, name, value } of snap.attrs) {
    if ((name === "href" || name === "src" || name === "xlink:href" || name === "action") && !/^(#|https?:\/\/)/i.test(value)) {
      problems.push(`<${tag} ${name}="${value}">: not a web address`);
    }
    if (name === "style" && value.includes("__pwned")) problems.push(`feed text in a style attribute: ${value}`);
  }
  for (const c of snap.comments) problems.push(`a comment node: ${c.slice(0, 60)}`);
  assert.deepEqual(problems, [], `${what}:\n${problems.join("\n")}`);
}

test("the committed corpus is what corpus.mjs makes from payloads.json", async () => {
  const stale = [];
  for (const [name, bytes] of Object.entries(smallFeeds())) {
    const onDisk = await readFile(join(FEEDS_DIR, name)).catch(() => null);
    if (!onDisk || !onDisk.equals(bytes)) stale.push(name);
  }
  assert.deepEqual(stale, [], "run `node tests/hostile/corpus.mjs` and commit tests/hostile/feeds/");
});

test("hostile text in every field: nothing runs, every field shown exactly as written in every view", { timeout: 120_000 }, async () => {
  const vocab = await baseline();
  const { page, errors, events } = await open("/hostile/everything.json");
  assert.equal(events[0].type, "tracker-ready", JSON.stringify(events[0].detail).slice(0, 500));
  // The first view as it loads, before any click (an injected <style> could hide the tabs).
  await page.waitForTimeout(300);
  const first = await snapshot(page);
  assertInert(first, vocab, "everything.json, the first view");
  const snap = await visitEverything(page);
  // Give any injected handler (onerror of an image, onload of an svg) time to fire.
  await page.waitForTimeout(500);
  snap.pwned = await page.evaluate(() => window.__pwned ?? null);
  assertInert(snap, vocab, "everything.json");

  const missing = shownFields("en")
    .filter((f) => !NOT_SHOWN.has(f))
    .filter((f) => !snap.texts.some((t) => t.includes(tag(f))));
  assert.deepEqual(missing, [], "fields not shown exactly as written (or not at all)");
  const missingIds = [IDS.action, IDS.sub, IDS.action2].filter((id) => !snap.texts.some((t) => t.includes(id)));
  assert.deepEqual(missingIds, [], "action ids not shown as written");

  // Tooltips: every chart's <title> (shown on hover) holds text only, never elements.
  const tooltipKids = await page.evaluate(() =>
    [...document.querySelector("action-plan-tracker").shadowRoot.querySelectorAll("svg title")].flatMap((t) =>
      [...t.childNodes].filter((n) => n.nodeType !== Node.TEXT_NODE).map((n) => n.nodeName),
    ),
  );
  assert.deepEqual(tooltipKids, [], "chart tooltips are plain text");
  await screenshot(page, "security-everything");
  assert.deepEqual(errors, [], "no errors in the console");
  await page.close();
});

test("hostile text in aria-labels: the chosen-filter chip names the lead exactly", { timeout: 60_000 }, async () => {
  const { page, host } = await open("/hostile/everything.json", "&view=actions");
  const lead = tag("actions[0].lead");
  const box = host.locator('input[data-act^="toggle:lead:"]').first();
  await host.locator("summary", { hasText: /^Lead/ }).first().click();
  await box.check();
  const chip = host.locator('button[data-act^="remove:lead:"]');
  await chip.waitFor();
  const label = await chip.getAttribute("aria-label");
  assert.ok(label.includes(lead), `aria-label keeps the text: ${label.slice(0, 200)}`);
  assert.equal(await page.evaluate(() => window.__pwned ?? null), null);
  // The state went through the URL fragment and back: still text.
  await page.reload();
  await waitForEvents(page);
  const again = await host.locator('button[data-act^="remove:lead:"]').getAttribute("aria-label");
  assert.equal(again, label, "the filter chosen from the URL shows the same text");
  assert.equal(await page.evaluate(() => window.__pwned ?? null), null);
  await page.close();
});

test("the compact card and the Welsh interface show hostile text as text", { timeout: 60_000 }, async () => {
  const vocab = await baseline();
  for (const extra of ["&compact", "&lang=cy"]) {
    const { page, errors } = await open("/hostile/everything.json", extra);
    const snap = extra === "&compact" ? await snapshot(page) : await visitEverything(page);
    await page.waitForTimeout(300);
    snap.pwned = await page.evaluate(() => window.__pwned ?? null);
    assertInert(snap, vocab, extra);
    assert.ok(snap.texts.some((t) => t.includes(tag("plan.title"))), "the title, literally");
    if (extra === "&lang=cy") {
      assert.ok(snap.texts.some((t) => t.includes(tag("indicators[1].name.cy"))), "the Welsh name, literally");
    }
    assert.deepEqual(errors, []);
    await page.close();
  }
});

/** Splits CSV text into rows of cells (RFC 4180). */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let cell = "";
  let quoted = false;
  const s = text.replace(/^\uFEFF/, "");
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") row.push(cell), (cell = "");
    else if (c === "\r" && s[i + 1] === "\n") row.push(cell), rows.push(row), (row = []), (cell = ""), i++;
    else cell += c;
  }
  if (cell || row.length) row.push(cell), rows.push(row);
  return rows;
}

async function downloadCsv(page, host) {
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    host.locator('button[data-act="csv"]').click(),
  ]);
  return { name: download.suggestedFilename(), text: await readFile(await download.path(), "utf8") };
}

test("the CSV download keeps hostile text and neutralises every formula", { timeout: 60_000 }, async () => {
  {
    const { page, host } = await open("/hostile/everything.json", "&view=actions");
    const { name, text } = await downloadCsv(page, host);
    assert.match(name, /\.csv$/);
    const rows = parseCsv(text);
    const titles = rows.slice(1).map((r) => r[1]);
    for (const f of ["actions[0].title", "actions[1].title", "actions[2].title"]) {
      assert.ok(titles.includes(tag(f)), `${f} in the CSV exactly`);
    }
    assert.ok(rows.slice(1).some((r) => r[0] === IDS.action), "the hostile id as written");
    assert.equal(await page.evaluate(() => window.__pwned ?? null), null);
    await page.close();
  }
  {
    const { page, host } = await open("/hostile/formulas.json", "&view=actions");
    const { text } = await downloadCsv(page, host);
    const rows = parseCsv(text);
    // Only the first page is on screen, but the CSV has every matching action.
    assert.equal(rows.length - 1, payloads.formulas.length, "every action in the CSV");
    const live = rows.slice(1).flat().filter((c) => /^[=+\-@\t\r]/.test(c));
    assert.deepEqual(live, [], "no cell a spreadsheet would run as a formula");
    for (const f of payloads.formulas) {
      const shown = /^[=+\-@\t\r]/.test(f) ? `'${f}` : f;
      assert.ok(rows.some((r) => r[1] === shown), `title ${JSON.stringify(f)} kept as ${JSON.stringify(shown)}`);
    }
    await page.close();
  }
});

test("right-to-left, zero-width, combining, emoji and control characters are shown as written", { timeout: 60_000 }, async () => {
  const { page, errors, events } = await open("/hostile/unicode.json", "&view=actions");
  assert.equal(events[0].type, "tracker-ready");
  const texts = (await snapshot(page)).texts;
  const missing = [...payloads.unicode, ...payloads.controls].filter((p) => !texts.some((t) => t.includes(p)));
  assert.deepEqual(missing.map((m) => JSON.stringify(m)), [], "each string is in one text node, unchanged");
  // A right-to-left override in a title must not reverse the text around it.
  const directionOk = await page.evaluate(() => {
    const root = document.querySelector("action-plan-tracker").shadowRoot;
    const h = root.querySelector(".apt-title, h2");
    return getComputedStyle(h).direction === "ltr";
  });
  assert.ok(directionOk, "the widget's own text stays left-to-right");
  await screenshot(page, "security-unicode");
  assert.deepEqual(errors, []);
  await page.close();
});

test("javascript:, data: and relative addresses are never links; the rest of the plan shows", { timeout: 60_000 }, async () => {
  for (const file of ["urls.json", "urls-top.json"]) {
    const { page, events } = await open(`/hostile/${file}`);
    assert.equal(events[0].type, "tracker-ready", `${file} still shows`);
    const snap = await visitEverything(page);
    const hrefs = snap.attrs.filter((a) => a.name === "href").map((a) => a.value);
    const bad = hrefs.filter((h) => !/^(#|https?:\/\/)/i.test(h));
    assert.deepEqual(bad, [], `${file}: links that are not web addresses`);
    for (const u of payloads.bad_urls.filter((u) => u.length > 0)) {
      assert.ok(!hrefs.includes(u), `${file}: ${JSON.stringify(u)} became a link`);
    }
    const text = await trackerText(page);
    assert.match(text, /could not be shown|not be shown/i, `${file}: the reader is told items were left out`);
    assert.equal(await page.evaluate(() => window.__pwned ?? null), null);
    await page.close();
  }
});

test("every file that is not a feed gets a clear message, a Try again button and tracker-error", { timeout: 120_000 }, async () => {
  const failures = [];
  for (const [name, want] of Object.entries(RAW_EXPECT)) {
    const { page, events, host } = await open(`/hostile/raw/${name}`);
    const ev = events.at(-1);
    if (want.loads) {
      if (ev.type !== "tracker-ready") failures.push(`${name}: ${ev.type} ${JSON.stringify(ev.detail).slice(0, 300)}`);
    } else if (ev.type !== "tracker-error") {
      failures.push(`${name}: ${ev.type}, expected tracker-error`);
    } else {
      const { message, problems } = ev.detail;
      if (typeof message !== "string" || message.length < 20) failures.push(`${name}: message ${JSON.stringify(message)}`);
      if (!Array.isArray(problems)) failures.push(`${name}: problems is not a list`);
      // The shell refuses an HTML page before the core sees it; every other file is explained
      // by the validator's problem, rule and words.
      if (name !== "html-page.json") {
        const p = problems.find((p) => p.rule === want.rule);
        if (!p) failures.push(`${name}: no ${want.rule} problem in ${JSON.stringify(problems).slice(0, 300)}`);
        else if (want.says && !new RegExp(want.says).test(p.message)) failures.push(`${name}: "${p.message}" does not say ${want.says}`);
      }
      const alert = await host.locator('[role="alert"]').textContent();
      if (!alert.includes(message)) failures.push(`${name}: the reader does not see the message`);
      if ((await host.locator('button[data-act="retry"]').count()) !== 1) failures.push(`${name}: no Try again`);
    }
    if ((await page.evaluate(() => window.__pwned ?? null)) !== null) failures.push(`${name}: a payload ran`);
    await page.close();
  }
  assert.deepEqual(failures, []);
});

test("big feeds: 1 MB strings, 100,000 actions, 100,000 measures and updates, 100,000 levels of nesting", { timeout: 300_000 }, async () => {
  const serve = (path, text) => site.route(path, (req, res) => sendJson(res, text));
  const big = bigStrings();
  serve("/big/strings.json", feedText(big));
  serve("/big/actions.json", feedText(manyActions(100_000)));
  serve("/big/arrays.json", feedText(bigArraysInOneAction(100_000)));
  serve("/big/deep.json", deepText(100_000));

  {
    const { page, events, errors } = await open("/big/strings.json");
    assert.equal(events[0].type, "tracker-ready");
    const title = await page.evaluate(() => document.querySelector("action-plan-tracker").shadowRoot.querySelector("h2").textContent);
    assert.equal(title.length, big.plan.title.length, "the 1 MB title is shown whole");
    assert.equal(title, big.plan.title);
    assert.deepEqual(errors, []);
    await page.close();
  }
  {
    const started = Date.now();
    const { page, events, host } = await open("/big/actions.json", "&view=actions");
    assert.equal(events[0].type, "tracker-ready");
    assert.equal(events[0].detail.actions.total, 100_000);
    assert.equal(await host.locator("li.apt-action").count(), 20, "one page of 20");
    assert.match(await host.locator("#apt-count").textContent(), /100,000/);
    // A keystroke in the search box must not take long.
    const t0 = Date.now();
    await host.locator("#apt-search").fill("action 99999");
    await page.waitForFunction(() => /\b1 action/.test(document.querySelector("action-plan-tracker").shadowRoot.querySelector("#apt-count").textContent));
    const searchMs = Date.now() - t0;
    assert.ok(searchMs < 5_000, `a search over 100,000 actions took ${searchMs} ms`);
    assert.ok(Date.now() - started < 60_000);
    assert.equal(await page.evaluate(() => window.__pwned ?? null), null);
    await page.close();
  }
  {
    const { page, events, host } = await open("/big/arrays.json", "&view=actions");
    assert.equal(events[0].type, "tracker-ready");
    // 200,000 list items in one action's details: slow (about 15 s here: the DOM, not the
    // Rust), but it must get there, with no error.
    const t0 = Date.now();
    await host.locator('button[data-act^="open:"]').first().click({ timeout: 120_000 });
    await page.waitForFunction(
      () => document.querySelector("action-plan-tracker").shadowRoot.textContent.includes("measure 99999"),
      null,
      { timeout: 120_000 },
    );
    console.log(`# opening an action with 100,000 measures and 100,000 updates took ${Date.now() - t0} ms`);
    await page.close();
  }
  {
    const { page, events, host } = await open("/big/deep.json");
    assert.equal(events[0].type, "tracker-error");
    assert.equal(events[0].detail.problems[0].rule, "too_deep");
    assert.match(await host.locator('[role="alert"]').textContent(), /64/);
    await page.close();
  }
});

test("a page whose path starts with // (a CMS's double slash): switching views still works", { timeout: 60_000 }, async () => {
  // src/web/tracker.rs builds the history URL as pathname + search + hash; "//evil.example/page.html"
  // then reads as another host, pushState throws SecurityError, and the tab does nothing.
  // (Not exploitable: the browser refuses a cross-origin pushState. Fix: keep location.href
  // up to the '#' and append the new fragment.)
  const html = await readFile(join(dir.root, "security", "page.html"), "utf8");
  site.route("//evil.example/page.html", (req, res) =>
    res
      .writeHead(200, { "Content-Type": "text/html" })
      .end(html.replace(/(href|src)="(page\.css|watch\.js|boot\.js)"/g, '$1="/security/$2"')),
  );
  const page = await browser.newPage();
  const errors = collectErrors(page);
  await page.goto(`${site.origin}//evil.example/page.html?src=/examples/northbridge.json`);
  await waitForEvents(page);
  const host = page.locator("action-plan-tracker");
  await host.locator('a[data-act="view:actions"]').click();
  await page.waitForTimeout(300);
  const current = await host.locator('a[aria-current="page"]').textContent();
  assert.equal(current.trim(), "Actions", "the Actions tab is shown");
  assert.ok(new URL(page.url()).hash.includes("view=actions"), `the view is in the URL: ${page.url()}`);
  assert.deepEqual(errors, []);
  await page.close();
});

test("numbers at the edges (-0, the largest double, 1e400, numbers in quotes): shown or explained, never a crash", { timeout: 60_000 }, async () => {
  // Today the largest double as an indicator's target makes chart.rs panic (a clamp with
  // min > max): every tracker on the page then shows "Something went wrong".
  const { page, events, errors, host } = await open("/hostile/numbers.json", "&view=actions");
  assert.equal(events[0].type, "tracker-ready");
  // Feed 1.1: a bad optional number leaves out only the number; the figure (a required
  // value) is the one item left out.
  assert.match(await trackerText(page), /1 item in this plan could not be shown/);
  for (const view of ["actions", "overview", "findings", "indicators"]) {
    const tab = host.locator(`a[data-act="view:${view}"]`);
    if ((await tab.count()) === 1) await tab.click();
    await page.waitForTimeout(200);
    const text = await trackerText(page);
    assert.doesNotMatch(text, /Something went wrong/, `the core panicked showing the ${view} view`);
    assert.doesNotMatch(text, /-0%/, "minus zero is shown as 0%");
  }
  assert.equal(await host.locator('a[data-act="view:indicators"][aria-current="page"]').count(), 1);
  assert.deepEqual(errors, []);
  await page.close();
});
