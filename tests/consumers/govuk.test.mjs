// The widget inside a council page built with GOV.UK Frontend (its dist CSS), under a CMS's
// careless global rules (`h2 { color: red }`, `* { font-family: serif }`, ...). Styles must not
// leak either way:
//   - every element of the page has the same computed style with and without the widget;
//   - every element inside the widget has the same computed style on that page as on a bare
//     page with no CSS at all (so the page's rules changed nothing);
//   - the theming the docs promise works: --apt-* custom properties and ::part(tracker);
//   - axe finds no violation on the combined page.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { mkdir, cp, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { launchBrowser, runAxe, formatViolations, screenshot, trackPageErrors } from "../browser/harness.mjs";
import { CONSUMERS_DIR, EXAMPLE_FEED, ensureConsumerDeps, packTarball, tempDir, untar, serveWithHeaders, recordTrackerEvents, waitForTrackers } from "./support.mjs";

const TEMPLATE = readFileSync(join(CONSUMERS_DIR, "govuk", "index.html"), "utf8");

/** Rules a CMS theme might have: they must not reach inside the widget. */
const CARELESS_RULES = `
  html { overflow-y: scroll; }
  h2 { color: red; }
  * { font-family: serif; }
  p { margin: 40px 0; line-height: 2; }
  a { text-decoration: none; }
  button { background: purple; color: white; border-radius: 12px; }
  table, th, td { border: 3px solid orange; }
  ul { list-style: square; }
  div { padding: 2px; }
  svg { display: none; }`;

/**
 * Rules that reach inside a shadow root through inheritance from the host's ancestors, and a
 * root font size (rem units inside the shadow root are the document's). Older CMS themes have
 * `html { font-size: 62.5% }`; centred or upper-case landing pages are common.
 */
const INHERITED_RULES = `
  html { font-size: 62.5%; }
  body { text-align: center; text-transform: uppercase; font-style: italic; letter-spacing: 1px; word-spacing: 4px; white-space: pre-line; }`;

/** What the comparisons read from getComputedStyle. Sizes are left out: they follow the layout. */
const PROPS = [
  "font-family", "font-size", "font-weight", "font-style", "line-height", "letter-spacing",
  "text-transform", "text-align", "text-decoration-line", "color", "background-color",
  "margin-top", "margin-right", "margin-bottom", "margin-left",
  "padding-top", "padding-right", "padding-bottom", "padding-left",
  "border-top-width", "border-top-style", "border-top-color", "border-left-width", "border-left-color",
  "border-top-left-radius", "outline-style", "display", "visibility", "list-style-type", "fill", "stroke",
];

let pack;
let site;
let server;
let browser;

function page(values) {
  return TEMPLATE.replace(/\{\{(\w+)\}\}/g, (_, k) => values[k] ?? "");
}

const GOVUK_CSS = `<link rel="stylesheet" href="/govuk/govuk-frontend.min.css">\n  <style>${CARELESS_RULES}</style>`;
const SCRIPT = `<script type="module" src="/npm/action-plan-tracker/action-plan-tracker.js"></script>`;
const TRACKER = `<action-plan-tracker src="/feeds/northbridge.json"></action-plan-tracker>`;

before(async () => {
  const nodeModules = await ensureConsumerDeps();
  pack = await packTarball();
  site = await tempDir("govuk");
  const govuk = join(nodeModules, "govuk-frontend", "dist", "govuk");
  await mkdir(join(site, "govuk"));
  await cp(join(govuk, "govuk-frontend.min.css"), join(site, "govuk", "govuk-frontend.min.css"));
  await cp(join(govuk, "assets"), join(site, "assets"), { recursive: true }); // the CSS asks for /assets/fonts/...
  await untar(pack.tarball, join(site, "npm", "action-plan-tracker"));
  await mkdir(join(site, "feeds"));
  await cp(EXAMPLE_FEED, join(site, "feeds", "northbridge.json"));
  const pages = {
    // The council's page, without and with the widget.
    "alone.html": page({ STYLES: GOVUK_CSS }),
    "with.html": page({ STYLES: GOVUK_CSS, SCRIPT, TRACKER }),
    // The same markup with no CSS but a column as wide as GOV.UK's.
    "bare.html": page({ STYLES: `<style>html { overflow-y: scroll } .govuk-width-container { max-width: 960px; margin: 0 auto }</style>`, SCRIPT, TRACKER }),
    // Rules on the page's root and body that CSS inheritance (and rem units) carry into a shadow root.
    "inheriting.html": page({
      STYLES: `${GOVUK_CSS}\n  <style>${INHERITED_RULES}</style>`,
      SCRIPT,
      TRACKER,
    }),
    // Themed as docs/web-teams.md shows.
    "themed.html": page({
      STYLES: `${GOVUK_CSS}
  <style>
    action-plan-tracker { --apt-accent: #00703c; --apt-font: Georgia, serif; --apt-text: #1a1a1a; --apt-radius: 6px; --apt-background: #f3f2f1; }
    action-plan-tracker::part(tracker) { border-left: 10px solid #00703c; padding-left: 20px; }
  </style>`,
      SCRIPT,
      TRACKER,
    }),
  };
  for (const [name, html] of Object.entries(pages)) await writeFile(join(site, name), html);
  server = await serveWithHeaders(site);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (site) await rm(site, { recursive: true, force: true });
  await pack?.cleanup();
});

/** Opens a page (waiting for its tracker, if it has one, and for its fonts). */
async function open(name) {
  const p = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  const errors = trackPageErrors(p);
  await recordTrackerEvents(p);
  await p.goto(server.url + name);
  if (name !== "alone.html") {
    const events = await waitForTrackers(p, 1);
    assert.equal(events[0].type, "tracker-ready", JSON.stringify(events[0]));
  }
  await p.evaluate(() => document.fonts.ready);
  return { page: p, errors };
}

/** Computed styles of the page's own elements (not the widget's), in document order. */
function pageStyles(p) {
  return p.evaluate((props) => {
    const label = (el) => el.localName + (el.getAttribute("class") ? "." + el.getAttribute("class").trim().split(/\s+/).join(".") : "");
    const els = [document.documentElement, ...document.querySelectorAll("body, body *")].filter((el) => !el.closest("action-plan-tracker"));
    return els.map((el) => {
      const cs = getComputedStyle(el);
      return { label: label(el), style: Object.fromEntries(props.map((k) => [k, cs.getPropertyValue(k)])) };
    });
  }, PROPS);
}

/**
 * Computed styles of every element in the widget's shadow root, in tree order, except the
 * [part=tracker] wrapper: that one is the page's to style (::part(tracker)), and holds no text.
 */
function widgetStyles(p) {
  return p.evaluate((props) => {
    const root = document.querySelector("action-plan-tracker").shadowRoot;
    const label = (el) => el.localName + (el.getAttribute("class") ? "." + el.getAttribute("class").trim().split(/\s+/).join(".") : "");
    return [...root.querySelectorAll(":not([part=tracker])")].map((el) => {
      const cs = getComputedStyle(el);
      return { label: label(el), style: Object.fromEntries(props.map((k) => [k, cs.getPropertyValue(k)])) };
    });
  }, PROPS);
}

/** "" when the two lists match; else the first differences, readably. */
function differences(a, b, what) {
  if (a.length !== b.length) return `${what}: ${a.length} elements against ${b.length}`;
  const out = [];
  for (let i = 0; i < a.length && out.length < 12; i++) {
    if (a[i].label !== b[i].label) return `${what}: element ${i} is ${a[i].label} against ${b[i].label}`;
    for (const k of PROPS) {
      if (a[i].style[k] !== b[i].style[k]) out.push(`${what}: ${a[i].label} (element ${i}) ${k}: ${a[i].style[k]} → ${b[i].style[k]}`);
    }
  }
  return out.join("\n");
}

test("the GOV.UK page's own elements look exactly the same with the widget on it", { timeout: 60_000 }, async () => {
  const alone = await open("alone.html");
  const withWidget = await open("with.html");
  const before = await pageStyles(alone.page);
  const afterwards = await pageStyles(withWidget.page);
  assert.ok(before.length > 40 && before.some((e) => e.label.includes("govuk-heading-xl")), "the page has its GOV.UK elements");
  assert.equal(before.find((e) => e.label.includes("govuk-heading-xl")).style["font-family"].startsWith('"GDS Transport"'), true, "GOV.UK Frontend's CSS is applied");
  assert.equal(differences(before, afterwards, "page"), "");
  // Nothing added to the document's style sheets, its root or its body.
  const docState = (p) =>
    p.evaluate(() => ({
      sheets: document.styleSheets.length,
      adopted: document.adoptedStyleSheets.length,
      html: document.documentElement.getAttribute("class"),
      body: document.body.getAttribute("class"),
      headChildren: document.head.children.length,
    }));
  const a = await docState(alone.page);
  const b = await docState(withWidget.page);
  assert.deepEqual({ ...b, headChildren: b.headChildren - 1 /* the module script */ }, a);
  assert.deepEqual(alone.errors, []);
  assert.deepEqual(withWidget.errors, []);
  await alone.page.close();
  await withWidget.page.close();
});

test("the page's rules (h2 { color: red }, * { font-family: serif }, ...) change nothing inside the widget", { timeout: 60_000 }, async () => {
  const bare = await open("bare.html");
  const govuk = await open("with.html");
  const inBare = await widgetStyles(bare.page);
  const inGovuk = await widgetStyles(govuk.page);
  assert.ok(inBare.length > 100, `the widget has rendered (${inBare.length} elements)`);
  assert.equal(differences(inBare, inGovuk, "widget"), "");
  // And in so many words, for the heading the brief names.
  const title = inGovuk.find((e) => e.label === "h2.apt-title").style;
  assert.equal(title.color, "rgb(11, 12, 12)", "the widget's heading keeps its own colour (#0b0c0c)");
  assert.match(title["font-family"], /^"GDS Transport", arial, sans-serif$/);
  assert.equal(title["font-weight"], "700");
  const pageH2 = await govuk.page.evaluate(() => getComputedStyle(document.querySelector("h2:not([class])") ?? document.body).color);
  assert.ok(pageH2, "(the page's own unclassed h2 rule is in force outside)");
  assert.deepEqual(bare.errors, []);
  assert.deepEqual(govuk.errors, []);
  await bare.page.close();
  await govuk.page.close();
});

test(
  "inherited page styles (body { text-align: center; text-transform: uppercase; … }) and the page's root font size change nothing inside the widget",
  { timeout: 60_000 },
  async () => {
    const bare = await open("bare.html");
    const page = await open("inheriting.html");
    const inBare = await widgetStyles(bare.page);
    const inPage = await widgetStyles(page.page);
    const sizes = (p) =>
      p.evaluate(() => {
        const root = document.querySelector("action-plan-tracker").shadowRoot;
        return [...root.querySelectorAll("figure, svg, .apt-chart")].map((el) => getComputedStyle(el).maxWidth);
      });
    const before = await sizes(bare.page);
    const after = await sizes(page.page);
    await bare.page.close();
    await page.page.close();
    assert.equal(differences(inBare, inPage, "widget"), "");
    assert.deepEqual(after, before, "max-width of the charts (rem units follow the page's root font size)");
  },
);

test("axe finds no violation on the GOV.UK page with the widget", { timeout: 90_000 }, async () => {
  const { page: p, errors } = await open("with.html");
  const violations = await runAxe(p);
  assert.deepEqual(violations, [], formatViolations(violations));
  await screenshot(p, "consumer-govuk-page");
  assert.deepEqual(errors, []);
  await p.close();
});

test("theming: the --apt-* custom properties and ::part(tracker) reach the widget", { timeout: 60_000 }, async () => {
  const { page: p, errors } = await open("themed.html");
  const themed = await p.evaluate(() => {
    const root = document.querySelector("action-plan-tracker").shadowRoot;
    const cs = (sel) => getComputedStyle(root.querySelector(sel));
    return {
      link: cs(".apt a[href]:not(.apt-tabs__tab)").color,
      font: cs(".apt-title").fontFamily,
      text: cs(".apt-title").color,
      background: cs(".apt").backgroundColor,
      part: { border: cs("[part=tracker]").borderLeftWidth, colour: cs("[part=tracker]").borderLeftColor, padding: cs("[part=tracker]").paddingLeft },
    };
  });
  assert.deepEqual(themed, {
    link: "rgb(0, 112, 60)",
    font: "Georgia, serif",
    text: "rgb(26, 26, 26)",
    background: "rgb(243, 242, 241)",
    part: { border: "10px", colour: "rgb(0, 112, 60)", padding: "20px" },
  });
  const violations = await runAxe(p);
  assert.deepEqual(violations, [], formatViolations(violations));
  await screenshot(p, "consumer-govuk-themed");
  assert.deepEqual(errors, []);
  await p.close();
});
