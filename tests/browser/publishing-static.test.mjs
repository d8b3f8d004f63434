// The static page: `action-plan-tracker render FEED -o PAGE.html [--lang cy]` writes a complete,
// self-contained HTML page of the plan that needs no JavaScript (cli.md). For every example
// feed, in English and Welsh: html-validate's recommended rules find no errors; in Chromium
// with JavaScript disabled the page requests nothing but itself and nothing scrolls sideways at
// 320px (screenshots at 320px and 1280px kept in test-output/screenshots/publishing-static-*.png);
// axe finds nothing; and it prints to more than one A4 page (test-output/publishing-static-*.pdf),
// the committee report in place of the views.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile, writeFile, mkdir } from "node:fs/promises";
import { join } from "node:path";
import { HtmlValidate } from "html-validate";
import { runAxe, formatViolations, REPO_ROOT, SCREENSHOT_DIR } from "./harness.mjs";
import { setup, exampleFeeds, render, textIn } from "./fixtures/publishing/support.mjs";

const LANGS = ["en", "cy"];

/**
 * html-validate's recommended preset, with one rule changed:
 *  - long-title (a <title> over 70 characters) is off: it is search-engine advice, and the
 *    page's title is the plan's own title and the council's name, both from the feed, which
 *    the page must not shorten (Northbridge's is 83 characters).
 *  - aria-label-misuse is kept, with allowAnyNamable: aria-label on an element whose role can
 *    be named (the <ol> of actions and each "Sub-actions of 2.3" list) is allowed by WAI-ARIA
 *    and tells a screen reader user which list they are in; the rule still rejects aria-label
 *    where ARIA forbids a name (a <span>, a <p>, a <div> with no role).
 */
const validator = new HtmlValidate({
  extends: ["html-validate:recommended"],
  rules: {
    "long-title": "off",
    "aria-label-misuse": ["error", { allowAnyNamable: true }],
  },
});

let site;
let feeds;
/** { name, lang, file (path), url, html, feed } for every example in every language. */
const pages = [];

before(async () => {
  site = await setup();
  feeds = await exampleFeeds();
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  for (const { name, file, feed } of feeds) {
    for (const lang of LANGS) {
      const out = join(site.root, "static", `${name}-${lang}.html`);
      const { stdout } = await render(join(site.root, "examples", file), out, lang);
      assert.match(stdout, /written/, `render ${name} ${lang} says it wrote the page`);
      // Screenshots of two pages (a full-page shot of a whole plan takes 10 to 15 s).
      const shots = (name === "northbridge" && lang === "en") || (name === "cwm-tawel" && lang === "cy");
      pages.push({ name, lang, shots, file: out, url: `${site.url}static/${name}-${lang}.html`, html: await readFile(out, "utf8"), feed });
    }
  }
});

after(async () => {
  await site?.close();
});

/**
 * Screenshots of the page as a reader scrolls it: the top of the page, then the top of each view
 * (overview, actions, findings, indicators), one viewport each, as
 * test-output/screenshots/<name>-<top|view>.png.
 */
async function viewShots(page, name) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}-top.png`) });
  for (const v of ["overview", "actions", "findings", "indicators"]) {
    const heading = page.locator(`#apt-${v}`);
    await heading.evaluate((h) => h.scrollIntoView({ block: "start" }));
    await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}-${v}.png`) });
  }
  await page.evaluate(() => window.scrollTo(0, 0));
}

test("render: a complete page per feed and language, with no script and nothing to fetch", () => {
  for (const p of pages) {
    const label = `${p.name} ${p.lang}`;
    assert.ok(p.html.startsWith("<!DOCTYPE html>"), `${label}: a complete document`);
    assert.match(p.html, new RegExp(`<html lang="${p.lang}">`), `${label}: says its language`);
    assert.match(p.html, /<meta charset="utf-8">/i, `${label}: declares UTF-8`);
    assert.match(p.html, /<meta name="viewport" content="width=device-width, initial-scale=1">/, `${label}: fits phones`);
    assert.doesNotMatch(p.html, /<script\b/i, `${label}: no script`);
    assert.doesNotMatch(p.html, /<(link|img|iframe|object|embed|video|audio|source)\b/i, `${label}: nothing loaded from elsewhere`);
    assert.doesNotMatch(p.html, /url\((?!["']?#)|@import/i, `${label}: the stylesheet fetches nothing (url(#…) is an SVG pattern in the page)`);
    assert.doesNotMatch(p.html, /\son[a-z]+=/i, `${label}: no event-handler attributes`);
    const title = textIn(p.feed.plan.title, p.lang).replace(/&/g, "&amp;").replace(/'/g, "&#39;").replace(/"/g, "&quot;");
    assert.ok(p.html.includes(title), `${label}: the plan's title in ${p.lang}`);
  }
});

test("html-validate (recommended preset): no errors on any static page", { timeout: 30_000 }, async () => {
  const found = [];
  for (const p of pages) {
    const report = await validator.validateString(p.html, `${p.name}-${p.lang}.html`);
    for (const r of report.results) {
      for (const m of r.messages) found.push({ where: `${p.name}-${p.lang}.html:${m.line}:${m.column}`, rule: m.ruleId, message: m.message, selector: m.selector });
    }
  }
  // One line per rule and message, with how many places, so a run of the same fault stays readable.
  const grouped = new Map();
  for (const f of found) {
    const key = `[${f.rule}] ${f.message}`;
    grouped.set(key, [...(grouped.get(key) ?? []), f]);
  }
  assert.deepEqual(
    [...grouped].map(([k, fs]) => `${k}: ${fs.length}×, e.g. ${fs[0].where} at ${fs[0].selector}`),
    [],
    "html-validate found errors",
  );
});

test("in Chromium with JavaScript disabled: nothing but the page is requested, the plan is all there, nothing scrolls sideways at 320px", { timeout: 60_000 }, async () => {
  const context = await site.browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
  const requests = [];
  context.on("request", (r) => requests.push(`${r.method()} ${r.url()}`));
  const page = await context.newPage();
  const problems = [];
  try {
    for (const p of pages) {
      const label = `${p.name} ${p.lang}`;
      requests.length = 0;
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(p.url);
      await page.waitForTimeout(100); // anything the page might start after load
      assert.deepEqual(requests, [`GET ${p.url}`], `${label}: the page itself, nothing else`);
      assert.equal(await page.evaluate(() => document.scripts.length), 0, `${label}: no scripts`);
      // The plan is there without any script running.
      const h = (await page.locator(".apt-title").first().textContent()).trim();
      assert.equal(h, textIn(p.feed.plan.title, p.lang), `${label}: the plan's title`);
      assert.equal(await page.locator("li.apt-action").count(), p.feed.actions.length, `${label}: every action`);
      assert.equal(await page.locator(".apt-action__details").count(), p.feed.actions.length, `${label}: every action's details`);
      assert.equal(await page.locator(".apt-action__details[hidden]").count(), 0, `${label}: shown without opening`);
      if (p.shots) await viewShots(page, `publishing-static-${p.name}-${p.lang}-1280`);
      await page.setViewportSize({ width: 320, height: 800 });
      const sw = await page.evaluate(() => document.documentElement.scrollWidth);
      if (sw > 320) {
        const wide = await page.evaluate(() =>
          [...document.querySelectorAll("body *")]
            .filter((e) => e.getBoundingClientRect().right > 321 && !e.closest(".apt-table-wrap"))
            .slice(0, 5)
            .map((e) => `${e.localName}.${[...e.classList].join(".")} right=${Math.round(e.getBoundingClientRect().right)}`),
        );
        problems.push(`${label}: scrollWidth ${sw} at 320px; e.g. ${wide.join(", ")}`);
      }
      if (p.shots) await viewShots(page, `publishing-static-${p.name}-${p.lang}-320`);
    }
  } finally {
    await context.close();
  }
  assert.deepEqual(problems, [], "nothing scrolls sideways at 320px");
});

// axe needs scripts to run (with JavaScript disabled its promise never settles), so it runs in
// an ordinary context: the page has no scripts of its own (checked above), so what axe sees is
// what a reader without JavaScript gets. Every "Show as table" is opened first, so the tables
// are checked too. Two pages (axe takes several seconds over a whole plan): English and Welsh.
test("axe finds no violations on the static page (every table opened), English and Welsh", { timeout: 60_000 }, async () => {
  const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
  const problems = [];
  try {
    for (const p of pages.filter((x) => (x.name === "northbridge" && x.lang === "en") || (x.name === "cwm-tawel" && x.lang === "cy"))) {
      await page.goto(p.url);
      await page.evaluate(() => document.querySelectorAll("details").forEach((d) => (d.open = true)));
      const v = await runAxe(page);
      if (v.length) problems.push(`${p.name} ${p.lang}: ${formatViolations(v)}`);
    }
  } finally {
    await page.close();
  }
  assert.deepEqual(problems, [], problems.join("\n"));
});

test("print: the page makes an A4 PDF of more than one page, and on paper it is the committee report, not the screen's views", { timeout: 60_000 }, async () => {
  const context = await site.browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  try {
    for (const p of pages.filter((x) => x.name === "northbridge" && x.lang === "en")) {
      const label = `${p.name} ${p.lang}`;
      await page.goto(p.url);
      const pdf = await page.pdf({ format: "A4" });
      assert.equal(pdf.subarray(0, 5).toString("latin1"), "%PDF-", `${label}: a PDF`);
      // Each page is one /Type /Page object (Chromium's PDFs are not compressed object streams).
      const count = (pdf.toString("latin1").match(/\/Type\s*\/Page(?![a-z])/g) ?? []).length;
      assert.ok(count > 1, `${label}: more than one page (${count})`);
      await mkdir(join(REPO_ROOT, "test-output"), { recursive: true });
      await writeFile(join(REPO_ROOT, "test-output", `publishing-static-${p.name}-${p.lang}.pdf`), pdf);
      // The print stylesheet: the screen's views (and their contents list, whose links go
      // nowhere on paper) give way to the report (publishing-print.test.mjs reads the PDF).
      const shown = () =>
        page.evaluate(() => ({
          screen: getComputedStyle(document.querySelector(".apt-screen")).display,
          report: getComputedStyle(document.querySelector(".apt-print")).display,
        }));
      assert.deepEqual(await shown(), { screen: "block", report: "none" }, `${label}: on screen, the views`);
      await page.emulateMedia({ media: "print" });
      const print = await shown();
      await page.emulateMedia({ media: "screen" });
      assert.deepEqual(print, { screen: "none", report: "block" }, `${label}: on paper, the report`);
    }
  } finally {
    await context.close();
  }
});
