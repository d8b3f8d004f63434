// Every view (overview, actions, findings, indicators) and the compact card, in English and
// Welsh, on every example feed, at 1280px and 320px: what each shows is checked against the
// feed, nothing scrolls sideways at 320px, and a screenshot of each is kept in
// test-output/screenshots/widget-<feed>-<lang>-<view>-<width>.png.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { screenshot, trackPageErrors } from "./harness.mjs";
import { setup, exampleFeeds, expectedSummary, waitForLoad, textIn, shownCount } from "./fixtures/widget/support.mjs";

const VIEWS = ["overview", "actions", "findings", "indicators"];
const WIDTHS = [1280, 320];
const ENGLISH_TABS = ["Overview", "Actions", "Findings", "Indicators"];
/** Interface phrases that must not be left in English when lang="cy". */
const ENGLISH_INTERFACE = [
  "Data as at",
  "Latest inspection",
  "Inspected by",
  "actions complete",
  "actions overdue",
  "Actions by status",
  "Filter actions",
  "Search actions",
  "Sort by",
  "actions match",
  "Download these actions",
  "Strengths",
  "Performance indicators",
  "Direction of travel",
  "Not started",
  "In progress",
];

/** A regexp source for the whole number n, not part of a longer number. */
const num = (n) => `(?<![\\d.,])${n}(?![\\d])`;

let site;
let feeds;
let page;
let errors;

before(async () => {
  site = await setup();
  feeds = await exampleFeeds();
  page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
  errors = trackPageErrors(page);
});

after(async () => {
  await site?.close();
});

/** Shows `view` (or the compact card) by attribute, as a host page would. */
async function show(view) {
  await page.evaluate((view) => {
    const el = document.querySelector("action-plan-tracker");
    if (view === "compact") el.setAttribute("compact", "");
    else {
      el.removeAttribute("compact");
      el.setAttribute("view", view);
    }
  }, view);
}

/** Every string in a feed (its text as published, which the widget shows as it is). */
function feedStrings(value, out = new Set()) {
  if (typeof value === "string") out.add(value.trim());
  else if (value && typeof value === "object") for (const v of Object.values(value)) feedStrings(v, out);
  return out;
}

/**
 * Interface text of the widget in `lang`: text nodes whose nearest lang is `lang`, leaving
 * out text that is the feed's own words (a plain-string feed text has no declared language).
 */
function widgetText(lang, feed) {
  return page.evaluate(({ lang, feedTexts }) => {
    const skip = new Set(feedTexts);
    const root = document.querySelector("action-plan-tracker").shadowRoot;
    const out = [];
    const walk = (node) => {
      for (const c of node.childNodes) {
        if (c.nodeType === Node.TEXT_NODE) {
          if (c.parentElement.closest("[lang]")?.getAttribute("lang") === lang && !skip.has(c.data.trim())) out.push(c.data);
        } else if (c.nodeType === Node.ELEMENT_NODE && !c.hidden) {
          for (const a of ["aria-label", "title"]) if (c.hasAttribute(a)) out.push(c.getAttribute(a));
          walk(c);
        }
      }
    };
    walk(root);
    return out.join(" ").replace(/\s+/g, " ");
  }, { lang, feedTexts: [...feedStrings(feed)] });
}

async function checkView({ feed, name }, lang, view) {
  const host = page.locator("action-plan-tracker");
  const root = (sel) => host.locator(sel);
  const label = `${name} ${lang} ${view}`;
  const plan = textIn(feed.plan.title, lang);
  assert.equal((await root(".apt-title").first().textContent()).trim(), plan, `${label}: plan title in ${lang}`);
  assert.equal(await root(".apt").first().getAttribute("lang"), lang, `${label}: the widget says its language`);
  const s = expectedSummary(feed).actions;
  if (view === "compact") {
    assert.equal(await root(".apt-tabs").count(), 0, `${label}: no tabs on the card`);
    const headline = await root(".apt-compact .apt-headline").textContent();
    assert.match(headline, new RegExp(`${num(s.complete)}\\D+${num(s.total - s.withdrawn - s.ongoing)}`), `${label}: done of total`);
    const bar = await root(".apt-compact .apt-bar__label").textContent();
    assert.match(bar, new RegExp(`${num(Math.round(s.percent_complete))}\\s?%`), `${label}: percent complete`);
    const tags = (await root(".apt-compact .apt-tag").allTextContents()).join(" | ");
    assert.match(tags, new RegExp(num(s.overdue)), `${label}: overdue`);
    return;
  }
  const tabs = await root(".apt-tabs a").allTextContents();
  assert.equal(tabs.length, 4, `${label}: four tabs`);
  assert.equal(await root('.apt-tabs [aria-current="page"]').getAttribute("data-act"), `view:${view}`, `${label}: current tab`);
  const heading = (await root("#apt-view-heading").textContent()).trim();
  assert.equal(heading, tabs[VIEWS.indexOf(view)].trim(), `${label}: heading names the view`);
  if (view === "overview") {
    const headline = await root(".apt-headline").textContent();
    assert.match(headline, new RegExp(`${num(s.complete)}\\D+${num(s.total - s.withdrawn - s.ongoing)}`), `${label}: headline`);
    const stats = await root(".apt-stats").textContent();
    assert.match(stats, new RegExp(num(s.overdue)), `${label}: overdue figure`);
    assert.match(stats, new RegExp(num(s.due_soon)), `${label}: due soon figure`);
  } else if (view === "actions") {
    assert.equal(await shownCount(host), feed.actions.length, `${label}: unfiltered count = every action`);
    const first = feed.actions[0];
    const firstShown = await root("li.apt-action .apt-action__toggle").first().textContent();
    assert.ok(firstShown.includes(first.number ?? first.id) && firstShown.includes(textIn(first.title, lang)), `${label}: first action ${firstShown}`);
  } else if (view === "findings") {
    const text = await root(".apt-view").textContent();
    for (const f of feed.findings ?? []) {
      assert.ok(text.includes(textIn(f.text, lang)), `${label}: finding ${f.id} shown in ${lang}`);
    }
  } else if (view === "indicators") {
    const names = await root(".apt-indicators table th[scope=row]").allTextContents();
    assert.deepEqual(
      names.slice(0, feed.indicators.length).map((n) => n.trim()),
      feed.indicators.map((i) => textIn(i.name, lang)),
      `${label}: one row per indicator, named in ${lang}`,
    );
  }
}

test("every view and the compact card, in English and Welsh, on every example feed, at 1280px and 320px", { timeout: 120_000 }, async () => {
  const overflow = [];
  for (const example of feeds) {
    for (const lang of ["en", "cy"]) {
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(`${site.url}widget/one.html?src=/examples/${example.file}&lang=${lang}`);
      const events = await waitForLoad(page);
      assert.equal(events.at(-1).type, "tracker-ready", `${example.name} ${lang}: loads`);
      for (const view of [...VIEWS, "compact"]) {
        await show(view);
        await checkView(example, lang, view);
        for (const width of WIDTHS) {
          await page.setViewportSize({ width, height: 900 });
          await screenshot(page, `widget-${example.name}-${lang}-${view}-${width}`);
          if (width === 320) {
            const sw = await page.evaluate(() => document.documentElement.scrollWidth);
            if (sw > 320) overflow.push(`${example.name} ${lang} ${view}: scrollWidth ${sw}`);
          }
        }
        await page.setViewportSize({ width: 1280, height: 900 });
      }
    }
  }
  assert.deepEqual(overflow, [], "nothing scrolls sideways at 320px");
  assert.deepEqual(errors, []);
});

test("an opened action and a filtered list at 320px: no sideways scrolling", { timeout: 30_000 }, async () => {
  const { feed } = feeds.find((f) => f.name === "northbridge");
  // The action with the most to show: milestones, updates, evidence, indicators.
  const rich = [...feed.actions].sort(
    (a, b) =>
      (b.milestones?.length ?? 0) + (b.updates?.length ?? 0) + (b.evidence?.length ?? 0) + (b.indicators?.length ?? 0) -
      ((a.milestones?.length ?? 0) + (a.updates?.length ?? 0) + (a.evidence?.length ?? 0) + (a.indicators?.length ?? 0)),
  )[0];
  await page.setViewportSize({ width: 320, height: 800 });
  await page.goto(`${site.url}widget/one.html?src=/examples/northbridge.json&n=filtered#apt1.view=actions&apt1.status=in_progress&apt1.due=overdue,next_30_days`);
  await waitForLoad(page);
  await page.evaluate(() => {
    for (const d of document.querySelector("action-plan-tracker").shadowRoot.querySelectorAll("details")) d.open = true;
    // A filter group's checkboxes are built on its `toggle` event, a task of its own.
    return new Promise((done) => requestAnimationFrame(() => setTimeout(done)));
  });
  await screenshot(page, "widget-northbridge-en-actions-filtered-320");
  assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= 320, "filtered list, every filter group open");
  await page.goto(`${site.url}widget/one.html?src=/examples/northbridge.json&n=open#apt1.view=actions&apt1.open=${encodeURIComponent(rich.id)}`);
  await waitForLoad(page);
  const details = page.locator(`action-plan-tracker li.apt-action[data-id="${rich.id}"] .apt-action__details`).first();
  assert.equal(await details.isVisible(), true, `action ${rich.id} opened from the URL`);
  await details.scrollIntoViewIfNeeded();
  await screenshot(page, "widget-northbridge-en-action-open-320");
  assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= 320, "opened action");
  await page.setViewportSize({ width: 1280, height: 900 });
  await screenshot(page, "widget-northbridge-en-action-open-1280");
});

test("Welsh: the interface is in Welsh in every view, and bilingual feed text is shown in Welsh", { timeout: 60_000 }, async () => {
  const leftovers = [];
  for (const example of feeds) {
    await page.goto(`${site.url}widget/one.html?src=/examples/${example.file}&lang=cy`);
    await waitForLoad(page);
    for (const view of [...VIEWS, "compact"]) {
      await show(view);
      const text = await widgetText("cy", example.feed);
      for (const phrase of ENGLISH_INTERFACE) {
        if (text.includes(phrase)) leftovers.push(`${example.name} ${view}: "${phrase}"`);
      }
      if (view !== "compact") {
        const tabs = (await page.locator("action-plan-tracker .apt-tabs a").allTextContents()).map((t) => t.trim());
        for (const [i, t] of tabs.entries()) if (t === ENGLISH_TABS[i]) leftovers.push(`${example.name} ${view}: tab "${t}"`);
      }
    }
  }
  assert.deepEqual([...new Set(leftovers)], [], "English interface text in the Welsh widget");
  // Feed text: a bilingual feed's Welsh is what a Welsh reader sees.
  const cwm = feeds.find((f) => f.name === "cwm-tawel");
  await page.goto(`${site.url}widget/one.html?src=/examples/cwm-tawel.json&lang=cy&view=actions`);
  await waitForLoad(page);
  const titles = await page.locator("action-plan-tracker li.apt-action .apt-action__toggle").allTextContents();
  for (const a of cwm.feed.actions.slice(0, 5)) {
    const want = textIn(a.title, "cy");
    assert.ok(titles.some((t) => t.includes(want)), `action ${a.id} in Welsh: ${want}`);
  }
});

/** Words (within one text node) that the layout splits across two lines: cut text. */
function brokenWords() {
  return page.evaluate(() => {
    const root = document.querySelector("action-plan-tracker").shadowRoot;
    const out = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    // Visually hidden text (for screen readers: clipped, or squeezed into a 1px box) wraps by design.
    const clipped = new Map();
    const isClipped = (el) => {
      if (!el || el === root.host) return false;
      if (!clipped.has(el)) {
        const cs = getComputedStyle(el);
        const r = el.getBoundingClientRect();
        clipped.set(el, cs.clipPath !== "none" || cs.clip !== "auto" || r.width <= 1 || r.height <= 1 || isClipped(el.parentElement));
      }
      return clipped.get(el);
    };
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (!n.parentElement.checkVisibility() || isClipped(n.parentElement)) continue;
      // Split at spaces and at the places a line may properly break (hyphens, slashes, dashes).
      for (const m of n.data.matchAll(/[^\s\-\u2010-\u2014\/]+/g)) {
        if (m[0].length < 2 || m[0].length > 24) continue; // long codes and addresses may wrap
        range.setStart(n, m.index);
        range.setEnd(n, m.index + m[0].length);
        const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
        if (tops.size > 1) out.push(m[0]);
      }
    }
    return out;
  });
}

test("no word is split across lines (cut text), at 1280px or 320px", { timeout: 60_000 }, async () => {
  const split = [];
  for (const example of feeds.filter((f) => f.name !== "southmoor-monitoring")) {
    for (const lang of ["en", "cy"]) {
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(`${site.url}widget/one.html?src=/examples/${example.file}&lang=${lang}&words=1`);
      await waitForLoad(page);
      for (const view of [...VIEWS, "compact"]) {
        await show(view);
        for (const width of WIDTHS) {
          await page.setViewportSize({ width, height: 900 });
          const words = await brokenWords();
          if (words.length) split.push(`${example.name} ${lang} ${view} ${width}px: ${words.length} split, e.g. ${[...new Set(words)].slice(0, 8).join(" | ")}`);
        }
      }
    }
  }
  // An opened action with milestones, updates and evidence, at 320px.
  await page.setViewportSize({ width: 320, height: 900 });
  await page.goto(`${site.url}widget/one.html?src=/examples/northbridge.json&words=2#apt1.view=actions&apt1.open=1.2`);
  await waitForLoad(page);
  const words = await brokenWords();
  if (words.length) split.push(`northbridge en action 1.2 opened 320px: ${words.length} split, e.g. ${[...new Set(words)].slice(0, 8).join(" | ")}`);
  // The check itself catches a squeezed word.
  await page.evaluate(() => {
    const p = document.createElement("p");
    p.style.width = "30px";
    p.textContent = "Leadership";
    document.querySelector("action-plan-tracker").shadowRoot.querySelector(".apt-header").append(p);
  });
  assert.ok((await brokenWords()).includes("Leadership"), "the check finds a word squeezed into 30px");
  await page.setViewportSize({ width: 1280, height: 900 });
  assert.deepEqual(split, []);
});
