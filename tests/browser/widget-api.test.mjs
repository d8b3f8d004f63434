// The element's contract (docs/api.md) as a page sees it: tracker-ready and the
// summary property against the test's own arithmetic over each example feed, the feed
// property (string and object), attributes taking effect at once, the open shadow root.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { trackPageErrors } from "./harness.mjs";
import { setup, exampleFeeds, expectedSummary, waitForLoad, textIn } from "./fixtures/widget/support.mjs";

let site;
let feeds;
let page;
let errors;

before(async () => {
  site = await setup();
  feeds = await exampleFeeds();
  page = await site.browser.newPage();
  errors = trackPageErrors(page);
});

after(async () => {
  await site?.close();
});

/** Compares a summary with the test's arithmetic (percent to 1e-9: unrounded, order of operations may differ). */
function assertSummary(actual, feed, label) {
  const want = expectedSummary(feed);
  const { percent_complete: gotPct, ...gotActions } = actual.actions;
  const { percent_complete: wantPct, ...wantActions } = want.actions;
  assert.equal(actual.as_of, want.as_of, `${label}: as_of`);
  assert.deepEqual(gotActions, wantActions, `${label}: actions`);
  assert.ok(Math.abs(gotPct - wantPct) < 1e-9, `${label}: percent_complete ${gotPct}, expected ${wantPct} (unrounded)`);
  assert.deepEqual(actual.findings, want.findings, `${label}: findings`);
  assert.deepEqual(actual.indicators, want.indicators, `${label}: indicators`);
  assert.deepEqual(actual.follow_ups, want.follow_ups, `${label}: follow-ups`);
}

test("tracker-ready detail = summary property = the figures worked out from each example feed", { timeout: 60_000 }, async () => {
  for (const { name, file, feed } of feeds) {
    await page.goto(`${site.url}widget/one.html?src=/examples/${file}`);
    const events = await waitForLoad(page);
    const ready = events.filter((e) => e.type === "tracker-ready");
    assert.equal(ready.length, 1, `${name}: one tracker-ready (events: ${JSON.stringify(events.map((e) => e.type))})`);
    const summary = await page.evaluate(() => document.querySelector("action-plan-tracker").summary);
    assert.deepEqual(ready[0].detail, summary, `${name}: tracker-ready detail equals the summary property`);
    assertSummary(summary, feed, name);
    // The example feeds are clean: no item left out, and nothing to warn about (a bilingual
    // text's "en" and "cy" keys are not unknown keys).
    assert.deepEqual(summary.problems, { errors: 0, warnings: 0 }, `${name}: problems`);
    // The overview's headline says the same figures.
    const headline = await page.locator("action-plan-tracker .apt-headline").textContent();
    const s = expectedSummary(feed).actions;
    assert.match(headline, new RegExp(`\\b${s.complete}\\b.*\\b${s.total - s.withdrawn - s.ongoing}\\b`), `${name}: headline ${headline}`);
  }
  assert.deepEqual(errors, []);
});

test("the summary property is null before a feed has loaded, and the event bubbles out of the shadow root", { timeout: 30_000 }, async () => {
  await page.goto(`${site.url}widget/blank.html`);
  const result = await page.evaluate(async () => {
    await import("/pkg/action-plan-tracker.js");
    const el = document.createElement("action-plan-tracker");
    const before = el.summary;
    const seen = new Promise((resolve) =>
      document.body.addEventListener("tracker-ready", (e) => resolve({ bubbles: e.bubbles, composed: e.composed, target: e.target === el }), { once: true }),
    );
    el.setAttribute("src", "/examples/northbridge.json");
    document.querySelector("main").append(el);
    return { before, event: await seen };
  });
  assert.equal(result.before, null);
  assert.deepEqual(result.event, { bubbles: true, composed: true, target: true });
});

test("the feed property accepts a JSON string and a plain object, before and after the element is defined", { timeout: 30_000 }, async () => {
  const { feed, text } = feeds.find((f) => f.name === "northbridge");
  const other = feeds.find((f) => f.name === "cwm-tawel");
  await page.goto(`${site.url}widget/blank.html`);
  // Set before the module has defined the element: the upgrade takes the value over.
  const early = await page.evaluate(async (obj) => {
    const el = document.createElement("action-plan-tracker");
    el.id = "early";
    el.feed = obj;
    document.querySelector("main").append(el);
    await import("/pkg/action-plan-tracker.js");
    await new Promise((r) => (el.summary ? r() : el.addEventListener("tracker-ready", r, { once: true })));
    return { summary: el.summary, title: el.shadowRoot.querySelector(".apt-title")?.textContent };
  }, feed);
  assertSummary(early.summary, feed, "object set before definition");
  assert.equal(early.title, feed.plan.title);

  const late = await page.evaluate(async ({ text, obj }) => {
    const el = document.createElement("action-plan-tracker");
    el.id = "late";
    document.querySelector("main").append(el);
    const ready = () => new Promise((r) => el.addEventListener("tracker-ready", (e) => r(e.detail), { once: true }));
    let p = ready();
    el.feed = text; // a JSON string
    const fromString = await p;
    p = ready();
    el.feed = obj; // then a plain object: replaces it
    const fromObject = await p;
    return { fromString, fromObject, summary: el.summary, title: el.shadowRoot.querySelector(".apt-title")?.textContent };
  }, { text, obj: other.feed });
  assertSummary(late.fromString, feed, "JSON string");
  assertSummary(late.fromObject, other.feed, "plain object");
  assert.deepEqual(late.summary, late.fromObject);
  assert.equal(late.title, textIn(other.feed.plan.title, "en"));
  assert.deepEqual(errors, []);
});

test("changing lang, view and compact takes effect at once (synchronously)", { timeout: 30_000 }, async () => {
  const cwm = feeds.find((f) => f.name === "cwm-tawel").feed;
  await page.goto(`${site.url}widget/one.html?src=/examples/cwm-tawel.json`);
  await waitForLoad(page);
  const steps = await page.evaluate(() => {
    const el = document.querySelector("action-plan-tracker");
    const root = el.shadowRoot;
    const look = () => ({
      lang: root.querySelector(".apt")?.getAttribute("lang"),
      title: root.querySelector(".apt-title")?.textContent,
      heading: root.querySelector("#apt-view-heading")?.textContent ?? null,
      current: root.querySelector('[aria-current="page"]')?.getAttribute("data-act") ?? null,
      compact: !!root.querySelector(".apt-compact"),
      tabs: !!root.querySelector(".apt-tabs"),
    });
    const out = { start: look() };
    el.setAttribute("lang", "cy");
    out.cy = look();
    el.setAttribute("view", "findings");
    out.findings = look();
    el.setAttribute("compact", "");
    out.compact = look();
    el.removeAttribute("compact");
    out.full = look();
    el.setAttribute("lang", "en");
    el.setAttribute("view", "indicators");
    out.back = look();
    return out;
  });
  assert.deepEqual(
    { lang: steps.start.lang, title: steps.start.title, current: steps.start.current, compact: steps.start.compact },
    { lang: "en", title: cwm.plan.title.en, current: "view:overview", compact: false },
  );
  assert.equal(steps.cy.lang, "cy");
  assert.equal(steps.cy.title, cwm.plan.title.cy, "bilingual feed text follows lang at once");
  assert.equal(steps.findings.current, "view:findings");
  assert.deepEqual([steps.compact.compact, steps.compact.tabs], [true, false], "compact card at once");
  assert.deepEqual([steps.full.compact, steps.full.tabs, steps.full.current], [false, true, "view:findings"]);
  assert.deepEqual([steps.back.lang, steps.back.title, steps.back.current], ["en", cwm.plan.title.en, "view:indicators"]);
  assert.deepEqual(errors, []);
});

test("the element renders into an open shadow root, and the page's CSS does not leak in", { timeout: 30_000 }, async () => {
  await page.goto(`${site.url}widget/static.html`);
  await waitForLoad(page);
  const r = await page.evaluate(() => {
    const style = document.createElement("style");
    style.textContent = "p, h2, button, a { color: rgb(255, 0, 0) !important; display: none !important; }";
    document.head.append(style);
    const el = document.querySelector("action-plan-tracker");
    const title = el.shadowRoot?.querySelector(".apt-title");
    return {
      mode: el.shadowRoot?.mode,
      lightChildren: el.children.length,
      titleColor: title && getComputedStyle(title).color,
      titleDisplay: title && getComputedStyle(title).display,
    };
  });
  assert.equal(r.mode, "open");
  assert.equal(r.lightChildren, 0, "nothing rendered into the light DOM");
  assert.notEqual(r.titleColor, "rgb(255, 0, 0)");
  assert.notEqual(r.titleDisplay, "none");
});

test("mount() resolves with the tracker once its feed has loaded", { timeout: 30_000 }, async () => {
  const { feed } = feeds.find((f) => f.name === "northbridge");
  await page.goto(`${site.url}widget/blank.html`);
  const r = await page.evaluate(async (obj) => {
    const { mount } = await import("/pkg/action-plan-tracker.js");
    const box = document.createElement("div");
    document.querySelector("main").append(box);
    const el = await mount(box, { feed: obj, view: "actions", lang: "cy" });
    return { tag: el.localName, parent: el.parentElement === box, total: el.summary?.actions.total, lang: el.getAttribute("lang"), view: el.shadowRoot.querySelector('[aria-current="page"]')?.getAttribute("data-act") };
  }, feed);
  assert.deepEqual(r, { tag: "action-plan-tracker", parent: true, total: feed.actions.length, lang: "cy", view: "view:actions" });
});

test("a page that wraps history.pushState and calls the tracker from inside it does not break it", { timeout: 30_000 }, async () => {
  // Analytics and tag managers wrap pushState and run the page's code inside it. The tracker
  // pushes a history entry when the reader changes view; it must hold none of its own state
  // then (a RefCell borrow), or the page's call back into it (reading `summary`, setting
  // `lang`) would fail and the reader would see "Something went wrong".
  await page.addInitScript(() => {
    const push = history.pushState.bind(history);
    window.__inside = [];
    history.pushState = (...args) => {
      const el = document.querySelector("action-plan-tracker");
      window.__inside.push(el.summary?.actions.total ?? null);
      el.setAttribute("lang", "cy");
      return push(...args);
    };
  });
  const feed = feeds.find((f) => f.name === "northbridge").feed;
  await page.goto(`${site.url}widget/one.html?src=/examples/northbridge.json`);
  await waitForLoad(page);
  await page.locator('action-plan-tracker [data-act="view:actions"]').click();
  await page.waitForFunction(() => window.__inside.length > 0);
  assert.deepEqual(await page.evaluate(() => window.__inside), [feed.actions.length], "the summary, read inside pushState");
  // The view changed and the language set from inside pushState took effect.
  await page.waitForFunction(() =>
    document.querySelector("action-plan-tracker").shadowRoot.querySelector(".apt")?.getAttribute("lang") === "cy",
  );
  const heading = await page.locator("action-plan-tracker #apt-view-heading, action-plan-tracker .apt-view h3").first().textContent();
  assert.match(heading, /Camau gweithredu/);
  assert.deepEqual(errors, []);
});

test("page code run by a focus event during a re-render can call the tracker, and what it changes is drawn", { timeout: 30_000 }, async () => {
  // Removing the focused control fires blur and focusout at once (Chromium), in the middle of
  // the tracker's re-render. A page listening for focusout may read `summary` or set `lang`;
  // neither may fail, and the change it makes must be drawn.
  const fresh = await site.browser.newPage();
  const pageErrors = trackPageErrors(fresh);
  const feed = feeds.find((f) => f.name === "northbridge").feed;
  await fresh.goto(`${site.url}widget/one.html?src=/examples/northbridge.json&view=actions`);
  await waitForLoad(fresh);
  const seen = await fresh.evaluate(() => {
    const el = document.querySelector("action-plan-tracker");
    const box = el.shadowRoot.querySelector('[data-act="search"]');
    box.focus();
    const inside = [];
    document.addEventListener("focusout", () => {
      inside.push(el.summary?.actions.total ?? null);
      if (inside.length === 1) el.setAttribute("lang", "cy");
    });
    el.setAttribute("view", "findings");
    return { inside, focusedGone: !box.isConnected };
  });
  assert.ok(seen.focusedGone, "the focused search box was removed by the re-render");
  assert.deepEqual(seen.inside.slice(0, 1), [feed.actions.length], "summary read from inside the re-render");
  const state = await fresh.evaluate(() => {
    const root = document.querySelector("action-plan-tracker").shadowRoot;
    return { lang: root.querySelector(".apt")?.getAttribute("lang"), heading: root.querySelector("#apt-view-heading")?.textContent };
  });
  assert.equal(state.lang, "cy", "the language set from inside is drawn");
  assert.match(state.heading, /Canfyddiadau/, "in the findings view");
  assert.deepEqual(pageErrors, []);
  await fresh.close();
});
