// Reflow with the reader's own settings (WCAG 2.2 SC 1.4.10, 1.4.4, 1.4.12), with the widest
// font on the machine (fixtures/layout/measure.mjs: WIDE_FONT):
//  - at 320 CSS px, every view and the compact card, in English and Welsh, on every example feed
//    and on a feed of long unbroken words (fixtures/layout/long-words.mjs), with every <details>
//    and every action opened, and the static page of each: nothing reaches past the widget's box
//    or the screen except a data table inside its own scroll box, which is focusable and named;
//  - with the browser's default font size at 32px (200%): the text is twice the size, and nothing
//    is clipped, sticks out or is drawn over other text;
//  - with SC 1.4.12's text spacing applied inside the shadow root: the same, for the HTML text.
//    A chart's labels are placed in the SVG's own coordinates and cannot move apart when a
//    reader spaces letters out; everything a chart says is also in its description and its
//    "Show as table" table, which are HTML and are checked.
// Screenshots: test-output/screenshots/layout-*.png.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { screenshot, trackPageErrors } from "./harness.mjs";
import { setup, render, exampleFeeds } from "./fixtures/publishing/support.mjs";
import { waitForLoad } from "./fixtures/widget/support.mjs";
import { longWordsFeed } from "./fixtures/layout/long-words.mjs";
import { inspect, openAllDetails, openAllActions, useWideFont, useTextSpacing, setDefaultFontSize } from "./fixtures/layout/measure.mjs";

const VIEWS = ["overview", "actions", "findings", "indicators"];
const LANGS = ["en", "cy"];

let site;
/** [{ name, file }] served under /examples/. */
let feeds;

before(async () => {
  site = await setup();
  feeds = (await exampleFeeds()).map(({ name, file }) => ({ name, file }));
  await writeFile(join(site.root, "examples", "long-words.json"), JSON.stringify(await longWordsFeed()));
  feeds.push({ name: "long-words", file: "long-words.json" });
  for (const { name, file } of feeds) {
    for (const lang of LANGS) await render(join(site.root, "examples", file), join(site.root, "static", `${name}-${lang}.html`), lang);
  }
});

after(async () => {
  await site?.close();
});

/** Shows `view` (or the compact card) by attribute, as a host page would. */
async function show(page, view) {
  await page.evaluate((view) => {
    const el = document.querySelector("action-plan-tracker");
    if (view === "compact") el.setAttribute("compact", "");
    else {
      el.removeAttribute("compact");
      el.setAttribute("view", view);
    }
  }, view);
}

async function openWidget(page, file, lang) {
  await page.goto(`${site.url}widget/one.html?src=/examples/${file}&lang=${lang}`);
  await useWideFont(page);
  const events = await waitForLoad(page);
  assert.equal(events.at(-1).type, "tracker-ready", `${file} ${lang}: loads`);
}

/** Problems of one state, as lines; `what` names it. */
function problems(what, found, { overlaps = false } = {}) {
  const out = [];
  for (const s of found.sideways.slice(0, 3)) out.push(`${what}: sticks out: ${s}`);
  for (const s of found.unlabelledScroll) out.push(`${what}: scroll box without tabindex=0 and a name: ${s}`);
  for (const s of found.clipped.slice(0, 3)) out.push(`${what}: clipped: ${s}`);
  if (overlaps) for (const s of found.overlaps.slice(0, 3)) out.push(`${what}: overlapping text: ${s}`);
  return out;
}

test("320px, widest font: every view, the compact card, details and actions opened, en and cy, every feed: nothing sticks out", { timeout: 600_000 }, async () => {
  const page = await site.browser.newPage({ viewport: { width: 320, height: 800 } });
  const errors = trackPageErrors(page);
  const found = [];
  try {
    for (const { name, file } of feeds) {
      for (const lang of LANGS) {
        await openWidget(page, file, lang);
        for (const view of [...VIEWS, "compact"]) {
          await show(page, view);
          const what = `${name} ${lang} ${view}`;
          found.push(...problems(what, await page.evaluate(inspect, { host: true })));
          await page.evaluate(openAllDetails, { host: true });
          if (view === "actions") await openAllActions(page);
          const opened = await page.evaluate(inspect, { host: true });
          found.push(...problems(`${what} (opened)`, opened));
          if (opened.scrollWidth > 320) found.push(`${what} (opened): the page scrolls sideways (${opened.scrollWidth}px)`);
          if ((lang === "cy" && name !== "southmoor-monitoring") || (name === "long-words" && lang === "en")) {
            await screenshot(page, `layout-320-${name}-${lang}-${view}`);
          }
        }
      }
    }
  } finally {
    await page.close();
  }
  assert.deepEqual(found, [], "nothing wider than 320px but a table in its own scroll box");
  assert.deepEqual(errors, []);
});

test("320px, widest font, no JavaScript: the static page of every feed, en and cy: nothing sticks out", { timeout: 300_000 }, async () => {
  const context = await site.browser.newContext({ javaScriptEnabled: false, viewport: { width: 320, height: 800 } });
  const page = await context.newPage();
  const found = [];
  try {
    for (const { name } of feeds) {
      for (const lang of LANGS) {
        await page.goto(`${site.url}static/${name}-${lang}.html`);
        await useWideFont(page);
        const got = await page.evaluate(inspect, { host: false });
        found.push(...problems(`static ${name} ${lang}`, got));
        if (got.scrollWidth > 320) found.push(`static ${name} ${lang}: the page scrolls sideways (${got.scrollWidth}px)`);
        if (name === "long-words") await page.screenshot({ path: join("test-output", "screenshots", `layout-320-static-${name}-${lang}.png`) });
      }
    }
  } finally {
    await context.close();
  }
  assert.deepEqual(found, [], "nothing wider than 320px but a table in its own scroll box");
});

test("200% text (the browser's default font size at 32px): twice the size, nothing clipped, sticking out or overlapping", { timeout: 600_000 }, async () => {
  const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
  const found = [];
  try {
    for (const { name, file } of feeds.filter((f) => f.name !== "southmoor-monitoring")) {
      for (const lang of LANGS) {
        await openWidget(page, file, lang);
        const sizes = () =>
          page.evaluate(() =>
            [...document.querySelector("action-plan-tracker").shadowRoot.querySelectorAll(".apt, .apt-title, .apt-h3, .apt-tag, .apt-table, .apt-hint, .apt-button")].map(
              (e) => `${e.className}: ${parseFloat(getComputedStyle(e).fontSize)}`,
            ),
          );
        // Breakpoints are in em, so 200% text at 2000px has the layout of 100% at 1000px.
        await show(page, "overview");
        await page.setViewportSize({ width: 1000, height: 900 });
        const normal = await sizes();
        const cdp = await setDefaultFontSize(page, 32);
        await page.setViewportSize({ width: 2000, height: 900 });
        const big = await sizes();
        const doubled = normal.map((s) => s.replace(/: ([\d.]+)$/, (_, n) => `: ${Math.round(n * 2 * 10) / 10}`));
        assert.deepEqual(big.map((s) => s.replace(/: ([\d.]+)$/, (_, n) => `: ${Math.round(n * 10) / 10}`)), doubled, `${name} ${lang}: every size doubles with the reader's default font size`);
        for (const width of [1280, 640]) {
          await page.setViewportSize({ width, height: 900 });
          for (const view of [...VIEWS, "compact"]) {
            await show(page, view);
            await page.evaluate(openAllDetails, { host: true });
            if (view === "actions") await openAllActions(page);
            found.push(...problems(`${name} ${lang} ${view} ${width}px`, await page.evaluate(inspect, { host: true, overlaps: true }), { overlaps: true }));
            if (lang === "cy" && name === "cwm-tawel" && width === 640) await screenshot(page, `layout-200pc-${name}-${lang}-${view}-${width}`);
          }
        }
        await cdp.send("Page.setFontSizes", { fontSizes: { standard: 16, fixed: 13 } });
        await page.setViewportSize({ width: 1280, height: 900 });
      }
    }
  } finally {
    await page.close();
  }
  assert.deepEqual(found, [], "200% text: nothing clipped, sticking out or overlapping");
});

test("200% text on the static page: nothing clipped, sticking out or overlapping", { timeout: 300_000 }, async () => {
  const context = await site.browser.newContext({ javaScriptEnabled: false, viewport: { width: 640, height: 900 } });
  const page = await context.newPage();
  await setDefaultFontSize(page, 32);
  const found = [];
  try {
    for (const { name } of feeds) {
      for (const lang of LANGS) {
        await page.setViewportSize({ width: 1400, height: 900 });
        await page.goto(`${site.url}static/${name}-${lang}.html`);
        await useWideFont(page);
        const size = await page.evaluate(() => parseFloat(getComputedStyle(document.querySelector(".apt")).fontSize));
        assert.equal(size, 38, `static ${name} ${lang}: the text is 200% of 19px`);
        for (const width of [1400, 640]) {
          await page.setViewportSize({ width, height: 900 });
          found.push(...problems(`static ${name} ${lang} ${width}px`, await page.evaluate(inspect, { host: false, overlaps: true }), { overlaps: true }));
        }
      }
    }
  } finally {
    await context.close();
  }
  assert.deepEqual(found, [], "200% text: nothing clipped, sticking out or overlapping");
});

test("text spacing (SC 1.4.12) inside the shadow root, at 1280px and 320px: nothing clipped, sticking out or overlapping", { timeout: 600_000 }, async () => {
  const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
  const found = [];
  try {
    for (const { name, file } of feeds.filter((f) => f.name !== "southmoor-monitoring")) {
      for (const lang of LANGS) {
        await openWidget(page, file, lang);
        await useTextSpacing(page);
        const ls = await page.evaluate(() => getComputedStyle(document.querySelector("action-plan-tracker").shadowRoot.querySelector(".apt-title")).letterSpacing);
        assert.notEqual(ls, "normal", "the spacing reaches inside the shadow root");
        for (const width of [1280, 320]) {
          await page.setViewportSize({ width, height: 900 });
          for (const view of [...VIEWS, "compact"]) {
            await show(page, view);
            await page.evaluate(openAllDetails, { host: true });
            if (view === "actions") await openAllActions(page);
            const got = await page.evaluate(inspect, { host: true, overlaps: true, svg: false });
            found.push(...problems(`${name} ${lang} ${view} ${width}px`, got, { overlaps: true }));
            if (lang === "cy" && name === "cwm-tawel") await screenshot(page, `layout-spacing-${name}-${lang}-${view}-${width}`);
          }
        }
        await page.setViewportSize({ width: 1280, height: 900 });
      }
    }
  } finally {
    await page.close();
  }
  assert.deepEqual(found, [], "text spacing: nothing clipped, sticking out or overlapping");
});
