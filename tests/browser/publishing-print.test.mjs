// The committee report (issue #21): the static page (`action-plan-tracker render`) and the
// widget, printed to PDF in Chromium and read back with poppler's pdfinfo and pdftotext. A clerk
// attaches the printout to a committee pack, so it must be short and whole: page counts within
// the targets, no nearly empty page (under 300 characters) but the last, a running footer on
// every page (the plan's title, its data date, "Page N of M" in the reader's language), and the
// report's sections in order, in English and Welsh. The PDFs and a PNG of a few pages are kept
// in test-output/print/ for a person to look at.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { REPO_ROOT, trackPageErrors } from "./harness.mjs";
import { setup, render } from "./fixtures/publishing/support.mjs";

const run = promisify(execFile);
const OUT = join(REPO_ROOT, "test-output", "print");
/** A page with less text than this is "nearly empty" (the measure). */
const NEARLY_EMPTY = 300;

let site;
let northbridge;

before(async () => {
  site = await setup();
  await mkdir(OUT, { recursive: true });
  northbridge = JSON.parse(await readFile(join(site.root, "examples", "northbridge.json"), "utf8"));
  // The same plan three times over (135 actions): each copy's priorities and actions get ids of
  // their own, and its actions point at their copy's priorities and parents.
  const thrice = structuredClone(northbridge);
  thrice.priorities = [];
  thrice.actions = [];
  for (const k of [1, 2, 3]) {
    const pid = (id) => (k === 1 ? id : `${id}-${k}`);
    const aid = (id) => (k === 1 ? id : `${k}-${id}`);
    for (const p of northbridge.priorities) thrice.priorities.push({ ...structuredClone(p), id: pid(p.id) });
    for (const a of northbridge.actions) {
      const c = { ...structuredClone(a), id: aid(a.id) };
      if (a.priority) c.priority = pid(a.priority);
      if (a.parent) c.parent = aid(a.parent);
      thrice.actions.push(c);
    }
  }
  assert.equal(thrice.actions.length, 135);
  await writeFile(join(site.root, "static", "thrice.json"), JSON.stringify(thrice));
  // A small plan: Northbridge's first eight actions that are not sub-actions.
  const small = structuredClone(northbridge);
  small.actions = northbridge.actions.filter((a) => !a.parent).slice(0, 8);
  await writeFile(join(site.root, "static", "small.json"), JSON.stringify(small));
});

after(async () => {
  await site?.close();
});

/** pdfinfo's page count and pdftotext's text of each page (pages are split at form feeds). */
async function readPdf(file) {
  const { stdout: info } = await run("pdfinfo", [file]);
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
  const { stdout: text } = await run("pdftotext", ["-layout", file, "-"], { maxBuffer: 64 << 20 });
  const texts = text.split("\f").slice(0, pages);
  return { pages, texts };
}

/** Renders `feed` with the command line and prints the page to A4 PDF with JavaScript off. */
async function printStatic(feed, name, lang, extra = []) {
  const html = join(site.root, "static", `${name}.html`);
  await render(feed, html, lang, extra);
  const context = await site.browser.newContext({ javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    await page.goto(`${site.url}static/${name}.html`);
    const file = join(OUT, `${name}.pdf`);
    await writeFile(file, await page.pdf({ format: "A4", preferCSSPageSize: true }));
    return { file, ...(await readPdf(file)) };
  } finally {
    await context.close();
  }
}

/** Pages other than the last with under NEARLY_EMPTY characters of text (footer included). */
const nearlyEmpty = (texts) =>
  texts
    .map((t, i) => ({ page: i + 1, chars: t.replace(/\s+/g, " ").trim().length }))
    .filter((p, i) => i < texts.length - 1 && p.chars < NEARLY_EMPTY);

/** The first line that is each heading on its own, for the order of the sections. */
const order = (texts, headings) => {
  const lines = texts.join("\n").split("\n").map((l) => l.trim());
  return headings.map((h) => ({ h, at: lines.indexOf(h) }));
};

const SECTIONS = {
  en: ["Data as at 31 October 2026", "Progress", "What has changed", "Exceptions", "All actions", "Indicators", "Findings and the actions that answer them", "What the RAG ratings mean"],
  cy: ["Data fel ar 31 Hydref 2026", "Cynnydd", "Beth sydd wedi newid", "Eithriadau", "Pob cam gweithredu", "Dangosyddion", "Canfyddiadau a'r camau gweithredu sy'n ymateb iddynt", "Ystyr y sgoriau RAG"],
};
const FOOTER = {
  en: (n, m) => new RegExp(`Children's Services Improvement Plan 2026 to 2028 · Data as at 31 October 2026\\s+Page ${n} of ${m}\\s*$`),
  cy: (n, m) => new RegExp(`Data fel ar 31 Hydref 2026\\s+Tudalen ${n} o ${m}\\s*$`),
};

for (const lang of ["en", "cy"]) {
  test(`Northbridge's report (${lang}): at most 12 A4 pages, none nearly empty, a footer on each, the sections in order`, { timeout: 60_000 }, async () => {
    const pdf = await printStatic(join(site.root, "examples", "northbridge.json"), `northbridge-${lang}`, lang);
    assert.ok(pdf.pages >= 3 && pdf.pages <= 12, `Northbridge ${lang}: ${pdf.pages} pages (at most 12)`);
    assert.deepEqual(nearlyEmpty(pdf.texts), [], "no nearly empty page but the last");
    pdf.texts.forEach((t, i) => assert.match(t.trimEnd(), FOOTER[lang](i + 1, pdf.pages), `page ${i + 1}'s footer`));
    // No heading left alone at the foot of a page: the last line above the footer is never one.
    const alone = pdf.texts
      .map((t, i) => ({ page: i + 1, last: t.split("\n").map((l) => l.trim()).filter(Boolean).at(-2) }))
      .filter((p) => SECTIONS[lang].includes(p.last));
    assert.deepEqual(alone, [], "a heading alone at a page's foot");
    const at = order(pdf.texts, SECTIONS[lang]);
    assert.ok(at.every((s) => s.at >= 0), `every section is printed: ${JSON.stringify(at.filter((s) => s.at < 0))}`);
    assert.deepEqual([...at].sort((a, b) => a.at - b.at).map((s) => s.h), SECTIONS[lang], "in the report's order");
    // One row per action: every action's number and title, and no action's details.
    const all = pdf.texts.join("\n").replace(/\s+/g, " ");
    for (const a of northbridge.actions) assert.ok(all.includes(`${a.id} `), `action ${a.id} is in the table`);
    assert.ok(!all.includes(northbridge.actions[0].success_measures[0]), "no action's details without --full");
    if (lang === "en") await run("pdftoppm", ["-r", "60", "-png", "-f", "1", "-l", "4", pdf.file, join(OUT, "northbridge-en")]);
  });
}

test("a 135-action plan prints on at most 25 pages and an 8-action plan on at most 5", { timeout: 60_000 }, async () => {
  for (const [name, most] of [["thrice", 25], ["small", 5]]) {
    const pdf = await printStatic(join(site.root, "static", `${name}.json`), name, "en");
    assert.ok(pdf.pages <= most, `${name}: ${pdf.pages} pages (at most ${most})`);
    assert.deepEqual(nearlyEmpty(pdf.texts), [], `${name}: no nearly empty page but the last`);
    pdf.texts.forEach((t, i) => assert.match(t.trimEnd(), FOOTER.en(i + 1, pdf.pages), `${name}: page ${i + 1}'s footer`));
  }
});

test("Cwm Tawel in Welsh: a short report, a Welsh footer on each page, none nearly empty", { timeout: 60_000 }, async () => {
  const pdf = await printStatic(join(site.root, "examples", "cwm-tawel.json"), "cwm-tawel-cy", "cy");
  assert.ok(pdf.pages <= 8, `${pdf.pages} pages (it was 44 before the report)`);
  assert.deepEqual(nearlyEmpty(pdf.texts), [], "no nearly empty page but the last");
  pdf.texts.forEach((t, i) => assert.match(t.trimEnd(), new RegExp(`Tudalen ${i + 1} o ${pdf.pages}\\s*$`), `page ${i + 1}'s footer`));
});

test("with --full, Northbridge's report and every action's details fit 45 pages", { timeout: 60_000 }, async () => {
  const pdf = await printStatic(join(site.root, "examples", "northbridge.json"), "northbridge-full", "en", ["--full"]);
  assert.ok(pdf.pages <= 45, `${pdf.pages} pages (at most 45)`);
  assert.deepEqual(nearlyEmpty(pdf.texts), [], "no nearly empty page but the last");
  const all = pdf.texts.join("\n").replace(/\s+/g, " ");
  const appendix = all.indexOf("Appendix: every action in full");
  assert.ok(appendix > all.indexOf("What the RAG ratings mean"), "the appendix comes after the report");
  assert.ok(all.indexOf(northbridge.actions[0].success_measures[0]) > appendix, "with the details in it");
  await run("pdftoppm", ["-r", "60", "-png", "-f", pdf.pages - 3, "-l", pdf.pages - 2, pdf.file, join(OUT, "northbridge-full")]);
});

test("the widget, printed, is the same report (and the appendix with print=\"full\")", { timeout: 60_000 }, async () => {
  const page = await site.browser.newPage();
  const errors = trackPageErrors(page);
  try {
    await page.goto(`${site.url}widget/one.html?src=/examples/northbridge.json&lang=cy`);
    await page.waitForFunction(() => window.__events?.some((e) => e.type === "tracker-ready"));
    const pdf = async (name) => {
      const file = join(OUT, `${name}.pdf`);
      await writeFile(file, await page.pdf({ format: "A4", margin: { top: "14mm", bottom: "14mm", left: "13mm", right: "13mm" } }));
      return readPdf(file);
    };
    const report = await pdf("widget-cy");
    assert.ok(report.pages <= 12, `the widget's report: ${report.pages} pages (at most 12)`);
    const at = order(report.texts, SECTIONS.cy);
    assert.deepEqual([...at].sort((a, b) => a.at - b.at).map((s) => s.h), SECTIONS.cy, "the report's sections, in order");
    assert.deepEqual(nearlyEmpty(report.texts), [], "no nearly empty page but the last");
    await page.evaluate(() => document.querySelector("action-plan-tracker").setAttribute("print", "full"));
    const full = await pdf("widget-cy-full");
    assert.ok(full.pages > report.pages && full.pages <= 45, `with print="full": ${full.pages} pages`);
    assert.ok(full.texts.join("\n").includes("Atodiad: pob cam gweithredu yn llawn"), "the appendix");
    // After printing, the view on screen is back.
    assert.ok(await page.locator("action-plan-tracker .apt-tabs").count(), "the tabs are back after printing");
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
  }
});
