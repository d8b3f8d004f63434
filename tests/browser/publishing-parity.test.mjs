// The widget and the static page (`action-plan-tracker render`) show the same facts for the same
// feed: for every example feed in English, and the bilingual one (Cwm Tawel) in Welsh too, the
// headline and progress figures, every action (number, title, status and RAG words, due date,
// and everything in its details), every finding with its progress, and every indicator's name,
// latest value and target. The widget's
// actions are read from its printed report's appendix (`print="full"`, print media and a
// `beforeprint` event: every action opened), the other views as the reader sees them. Both are
// also checked against the feed itself, so "the same" cannot mean "the same mistake".
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { trackPageErrors } from "./harness.mjs";
import { setup, exampleFeeds, render, textIn, readFactsInPage } from "./fixtures/publishing/support.mjs";
import { expectedSummary } from "./fixtures/widget/support.mjs";

/** Every feed in English; the bilingual feed in Welsh as well (its text changes with the language). */
const CASES = [
  ["cwm-tawel", "en"],
  ["cwm-tawel", "cy"],
  ["northbridge", "en"],
  ["southmoor-monitoring", "en"],
  ["fernley-draft", "en"],
];
const SECTIONS = ["overview", "actions", "findings", "indicators"];

let site;
let feeds;
let page;
let errors;

before(async () => {
  site = await setup();
  feeds = await exampleFeeds();
  assert.deepEqual([...new Set(CASES.map(([n]) => n))].sort(), feeds.map((f) => f.name).sort(), "every example feed is compared");
  for (const [name, lang] of CASES) {
    await render(join(site.root, "examples", `${name}.json`), join(site.root, "static", `${name}-${lang}.html`), lang);
  }
  page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.setDefaultTimeout(10_000);
  errors = trackPageErrors(page);
});

/**
 * The page's errors, leaving out the browser's own request for /favicon.ico on the static page
 * (it has no <link rel="icon">, so a council's own favicon is used where it has one).
 */
const pageErrors = () => errors.filter((e) => !/\/favicon\.ico\)$/.test(e));

after(async () => {
  await site?.close();
});

/** What the widget shows in each view, the actions view in print mode. */
async function widgetFacts(file, lang) {
  await page.goto(`${site.url}widget/one.html?src=/examples/${file}&lang=${lang}`);
  await page.waitForFunction(() => window.__events?.some((e) => e.type === "tracker-ready" || e.type === "tracker-error"), null, { timeout: 20_000 });
  const out = {};
  for (const section of SECTIONS) {
    await page.evaluate((v) => document.querySelector("action-plan-tracker").setAttribute("view", v), section);
    await page.waitForFunction(
      (v) => document.querySelector("action-plan-tracker").shadowRoot.querySelector('.apt-tabs [aria-current="page"]')?.getAttribute("data-act") === `view:${v}`,
      section,
    );
    if (section === "actions") {
      // Printed with print="full", the report's appendix is every action opened.
      await page.evaluate(() => document.querySelector("action-plan-tracker").setAttribute("print", "full"));
      await page.emulateMedia({ media: "print" });
      await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
    }
    out[section] = await page.evaluate(readFactsInPage, { where: section === "actions" ? "shadow-appendix" : "shadow", section });
    if (section === "actions") {
      await page.evaluate(() => window.dispatchEvent(new Event("afterprint")));
      await page.emulateMedia({ media: "screen" });
      await page.evaluate(() => document.querySelector("action-plan-tracker").removeAttribute("print"));
    }
  }
  return out;
}

/** What the static page shows in each of its sections. */
async function staticFacts(name, lang) {
  await page.goto(`${site.url}static/${name}-${lang}.html`);
  const out = {};
  for (const section of SECTIONS) out[section] = await page.evaluate(readFactsInPage, { where: "document", section });
  return out;
}

/** "9 November 2018" in the feed's date's own words is not checked here (the widget tests do). */
const dueFact = (facts) => facts.find((f) => /\d{4}$/.test(f) && !/^(Completed|Cwblhawyd)/.test(f)) ?? null;

test("the widget and the static page show the same facts, for every example feed (English; the bilingual one in Welsh too)", { timeout: 90_000 }, async () => {
  const differences = [];
  const same = (label, a, b) => {
    try {
      assert.deepEqual(a, b);
    } catch {
      differences.push(`${label}:\n  widget: ${JSON.stringify(a)}\n  static: ${JSON.stringify(b)}`);
    }
  };
  for (const [name, lang] of CASES) {
    const { file, feed } = feeds.find((f) => f.name === name);
    const label = `${name} ${lang}`;
    const w = await widgetFacts(file, lang);
    const s = await staticFacts(name, lang);
    for (const section of SECTIONS) {
      assert.ok(!w[section].missing, `${label}: the widget shows ${section}`);
      assert.ok(!s[section].missing, `${label}: the static page has a ${section} section`);
    }

    // Overview: the headline "N of M" and each progress figure.
    same(`${label} headline`, w.overview.headline, s.overview.headline);
    same(`${label} progress figures`, w.overview.stats, s.overview.stats);
    const sum = expectedSummary(feed).actions;
    assert.match(s.overview.headline, new RegExp(`(?<![\\d.,])${sum.complete}\\D+${sum.total - sum.withdrawn - sum.ongoing}(?!\\d)`), `${label}: the headline counts the feed's actions`);

    // Actions: every one, in the same order, with the same words.
    same(`${label} action count`, w.actions.count, s.actions.count);
    same(`${label} action numbers in order`, w.actions.actions.map((a) => a.id), s.actions.actions.map((a) => a.id));
    const staticById = new Map(s.actions.actions.map((a) => [a.id, a]));
    for (const wa of w.actions.actions) {
      const sa = staticById.get(wa.id);
      if (!sa) continue; // reported by the order check
      same(`${label} action ${wa.id} title`, wa.title, sa.title);
      same(`${label} action ${wa.id} status words`, wa.tags, sa.tags);
      same(`${label} action ${wa.id} due date`, dueFact(wa.facts), dueFact(sa.facts));
      same(`${label} action ${wa.id} lead, dates and progress`, wa.facts, sa.facts);
      same(`${label} action ${wa.id} details`, wa.details, sa.details);
      assert.equal(wa.detailsHidden, false, `${label}: action ${wa.id} opened in print mode`);
    }
    assert.deepEqual(
      [...s.actions.actions.map((a) => a.id)].sort(),
      feed.actions.map((a) => a.id).sort(),
      `${label}: the static page lists every action in the feed`,
    );
    for (const a of feed.actions) {
      const shown = staticById.get(a.id);
      assert.equal(shown?.title, textIn(a.title, lang), `${label}: action ${a.id}'s title in ${lang}`);
      if (a.revised_due ?? a.due) assert.ok(dueFact(shown.facts), `${label}: action ${a.id} shows its due date`);
    }

    // Findings: every one, with its text and its actions' progress.
    same(`${label} findings`, w.findings.findings, s.findings.findings);
    assert.equal(s.findings.findings.length, (feed.findings ?? []).length, `${label}: every finding`);
    for (const f of feed.findings ?? []) {
      assert.ok(s.findings.findings.some((x) => x.text.endsWith(textIn(f.text, lang))), `${label}: finding ${f.id} in ${lang}`);
    }

    // Indicators: every one, named, with its latest value and target.
    same(`${label} indicators`, w.indicators.indicators, s.indicators.indicators);
    assert.deepEqual(
      s.indicators.indicators.map((i) => i.name),
      (feed.indicators ?? []).map((i) => textIn(i.name, lang)),
      `${label}: every indicator, named in ${lang}`,
    );
  }
  assert.deepEqual(differences, [], `the widget and the static page differ:\n${differences.slice(0, 15).join("\n")}`);
  assert.deepEqual(pageErrors(), []);
});

test("print mode lasts only while printing: after afterprint the widget is interactive again", { timeout: 30_000 }, async () => {
  const { file, feed } = feeds.find((f) => f.name === "northbridge");
  await page.goto(`${site.url}widget/one.html?src=/examples/${file}&view=actions&again=1`);
  await page.waitForFunction(() => window.__events?.some((e) => e.type === "tracker-ready"));
  const host = page.locator("action-plan-tracker");
  const shown = () => host.locator("li.apt-action").count();
  const paged = await shown();
  assert.ok(paged < feed.actions.length, `the screen pages the list (${paged} of ${feed.actions.length})`);
  await page.emulateMedia({ media: "print" });
  await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
  assert.equal(await host.locator("tr.apt-report__row").count(), feed.actions.length, "print: the report, a row for every action");
  assert.equal(await shown(), 0, "print: no action opened without print=\"full\"");
  const visibleControls = await page.evaluate(() =>
    [...document.querySelector("action-plan-tracker").shadowRoot.querySelectorAll("[data-act]")].filter((e) => e.checkVisibility()).map((e) => e.getAttribute("data-act")),
  );
  assert.deepEqual(visibleControls, [], "print: no controls on paper");
  await page.evaluate(() => window.dispatchEvent(new Event("afterprint")));
  await page.emulateMedia({ media: "screen" });
  assert.equal(await shown(), paged, "after printing: paged again");
  assert.ok((await host.locator('button[data-act="csv"]').count()) === 1, "after printing: controls back");
  assert.deepEqual(pageErrors(), []);
});
