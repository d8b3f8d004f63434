// The feed checker page's tools (issue #5): a performance officer opens or drops the workbook
// they keep (or the template's CSV files) and gets, in the browser, exactly what
// `action-plan-tracker import` gives on the command line: the same JSON, the same problems by
// sheet, row and column in the same words. Each problem the validator found in the converted
// JSON is a button that shows its place there; once there are no errors the feed, and the page
// without JavaScript that `render` writes (English or Welsh), can be downloaded, byte for byte
// the command line's; the checker's module is loaded only when needed; axe finds nothing; the
// keyboard alone reaches every place. Nothing to install: the "done when".
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile, writeFile, mkdtemp, rm } from "node:fs/promises";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, basename } from "node:path";
import { runAxe, formatViolations, screenshot, trackPageErrors, REPO_ROOT } from "./harness.mjs";
import { setup, CLI, FIXTURE_DIR } from "./fixtures/publishing/support.mjs";

const run = promisify(execFile);
const TEMPLATE = join(REPO_ROOT, "www", "template", "action-plan-template.xlsx");
const OFFICER = join(FIXTURE_DIR, "officer.xlsx");
const BAD_DATES = join(REPO_ROOT, "tests", "feeds", "sheets", "bad-dates");

let site;
let context;
let page;
let errors;
let scratch;
let templateJson;
const requests = [];

before(async () => {
  site = await setup({ checker: true });
  scratch = await mkdtemp(join(tmpdir(), "apt-checker-tools-"));
  context = await site.browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  context.on("request", (r) => requests.push({ method: r.method(), url: r.url() }));
  await context.addInitScript(() => {
    window.__events = [];
    for (const type of ["tracker-ready", "tracker-error"]) {
      document.addEventListener(type, (e) => window.__events.push({ type, detail: e.detail }));
    }
  });
  page = await context.newPage();
  page.setDefaultTimeout(15_000);
  errors = trackPageErrors(page);
});

after(async () => {
  await site?.close();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

/**
 * `action-plan-tracker import SHEET -o OUT`: { code, json (the file written, or null),
 * lines (each problem line it prints, "error: …" / "warning: …") }.
 */
async function cliImport(sheet) {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`cargo build\` first`);
  const out = join(scratch, `${basename(sheet)}.json`);
  await rm(out, { force: true });
  let code = 0;
  let stdout;
  try {
    ({ stdout } = await run(CLI, ["import", sheet, "-o", out]));
  } catch (e) {
    code = e.code;
    stdout = e.stdout;
  }
  const lines = stdout.split("\n").filter((l) => /^(error|warning): /.test(l));
  return { code, json: existsSync(out) ? await readFile(out, "utf8") : null, lines };
}

async function openChecker() {
  await page.goto(`${site.url}check.html`);
  await page.evaluate(() => import(new URL("check.js", location.href).href).then(() => true));
}

/** Waits until the status no longer says "Reading …"; returns its text. */
async function settled() {
  await page.waitForFunction(() => {
    const s = document.querySelector("#check-status").textContent;
    return !/^\s*(Reading|No feed checked)/.test(s);
  });
  return (await page.locator("#check-status").textContent()).trim();
}

/** The listed problems as the command line prints them: "error: PLACE: MESSAGE". */
function listedLines() {
  return page.$$eval("#check-problems > li", (lis) =>
    lis.map((li) => {
      const tag = li.querySelector(".check-tag").textContent.trim().toLowerCase();
      const where = li.querySelector(".check-where").textContent.trim();
      const message = li.querySelector("p").textContent.trim();
      return where === "The whole spreadsheet" ? `${tag}: ${message}` : `${tag}: ${where}: ${message}`;
    }),
  );
}

function textareaState() {
  return page.evaluate(() => {
    const t = document.querySelector("#check-text");
    return { focused: document.activeElement === t, start: t.selectionStart, value: t.value };
  });
}

/** Drops `files` ([{ name, text }]) on the drop zone, as a reader drags them from a folder. */
async function dropFiles(files) {
  await page.evaluate((fs) => {
    const dt = new DataTransfer();
    for (const f of fs) dt.items.add(new File([f.text], f.name, { type: "text/csv" }));
    const zone = document.querySelector("#check-drop");
    zone.dispatchEvent(new DragEvent("dragover", { dataTransfer: dt, bubbles: true, cancelable: true }));
    zone.dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, files);
}

test("the template workbook gives the command line's JSON, a preview and a download of that JSON", async () => {
  const want = await cliImport(TEMPLATE);
  assert.equal(want.code, 0, "the CLI imports the template");
  templateJson = want.json;
  await openChecker();
  const loadedBefore = requests.filter((r) => r.url.includes("/checker/")).length;
  assert.equal(loadedBefore, 0, "the spreadsheet reader is not loaded until a spreadsheet is opened");
  const from = await page.evaluate(() => window.__events.length);
  await page.setInputFiles("#check-file", TEMPLATE);
  const status = await settled();
  assert.match(status, /^Converted action-plan-template\.xlsx to the feed: no problems found/);
  assert.ok(requests.some((r) => r.url.endsWith("/checker/checker_bg.wasm")), "the reader was loaded");
  assert.equal((await textareaState()).value, want.json, "the converted JSON is the CLI's, byte for byte");
  assert.deepEqual(await listedLines(), []);

  await page.waitForFunction((n) => window.__events.length > n, from);
  const event = await page.evaluate((n) => window.__events[n], from);
  assert.equal(event.type, "tracker-ready");
  const title = await page.evaluate(() => document.querySelector("#preview").shadowRoot.querySelector(".apt-title").textContent);
  assert.equal(title.trim(), JSON.parse(want.json).plan.title.en ?? JSON.parse(want.json).plan.title);

  const button = page.locator("#check-download");
  assert.ok(await button.isVisible(), "the download is offered");
  assert.equal((await button.textContent()).trim(), "Download the feed (action-plan-template.json)");
  const [download] = await Promise.all([page.waitForEvent("download"), button.click()]);
  assert.equal(download.suggestedFilename(), "action-plan-template.json");
  const saved = join(scratch, "downloaded.json");
  await download.saveAs(saved);
  assert.equal(await readFile(saved, "utf8"), want.json, "the downloaded file is the CLI's JSON");
  await screenshot(page, "publishing-workbook-template");
  assert.deepEqual(errors.splice(0), []);
});

/** `action-plan-tracker render FEED -o OUT [--lang cy] [--full]`: the page's text. */
async function cliRender(feedText, lang, full = false) {
  const feed = join(scratch, "for-render.json");
  const out = join(scratch, `render-${lang}.html`);
  await writeFile(feed, feedText);
  await run(CLI, ["render", feed, "-o", out, ...(lang === "cy" ? ["--lang", "cy"] : []), ...(full ? ["--full"] : [])]);
  return readFile(out, "utf8");
}

test("the page without JavaScript downloads in English and Welsh, byte for byte the command line's render", async () => {
  assert.ok(templateJson, "runs after the template test");
  // The page as the officer has it now: the template converted (previous test).
  for (const [lang, name] of [["en", "action-plan-template.html"], ["cy", "action-plan-template-cy.html"]]) {
    await page.selectOption("#check-page-lang", lang);
    const [download] = await Promise.all([page.waitForEvent("download"), page.locator("#check-page").click()]);
    assert.equal(download.suggestedFilename(), name);
    const saved = join(scratch, name);
    await download.saveAs(saved);
    const html = await readFile(saved, "utf8");
    assert.equal(html, await cliRender(templateJson, lang), `${lang}: the same page as \`render\``);
    assert.match(html, new RegExp(`<html lang="${lang}"`));
    assert.doesNotMatch(html, /<script/i, "no JavaScript");
  }
  // The full record on request: the report with every action's details, as `render --full`.
  await page.selectOption("#check-page-lang", "en");
  await page.selectOption("#check-page-print", "full");
  const [full] = await Promise.all([page.waitForEvent("download"), page.locator("#check-page").click()]);
  assert.equal(full.suggestedFilename(), "action-plan-template-full.html");
  await full.saveAs(join(scratch, "full.html"));
  const fullHtml = await readFile(join(scratch, "full.html"), "utf8");
  assert.equal(fullHtml, await cliRender(templateJson, "en", true), "the same page as `render --full`");
  assert.match(fullHtml, /Appendix: every action in full/);
  await page.selectOption("#check-page-print", "report");
  // Editing the text takes the downloads away until it is checked again.
  await page.locator("#check-text").press("End");
  await page.keyboard.type(" ");
  assert.ok(await page.locator("#check-save").isHidden(), "an edit hides the downloads");
  await page.locator("#check-run").click();
  await page.waitForFunction(() => !document.querySelector("#check-save").hidden);
  const violations = await runAxe(page);
  assert.deepEqual(violations, [], formatViolations(violations));
  assert.deepEqual(errors.splice(0), []);
});

test("a workbook with mistakes lists the command line's problems by sheet, row and column, and no download", async () => {
  const want = await cliImport(OFFICER);
  assert.equal(want.code, 1);
  assert.equal(want.json, null, "the CLI writes no feed while there are errors");
  await openChecker();
  await page.setInputFiles("#check-file", OFFICER);
  const status = await settled();
  assert.equal(
    status,
    "Converted officer.xlsx to the feed: 2 errors and 2 warnings. Correct the errors in the spreadsheet and open it again; the feed can be downloaded once there are none.",
  );
  assert.deepEqual(await listedLines(), want.lines, "the same problems, in the same words and order");
  assert.ok(await page.locator("#check-save").isHidden(), "no download while there are errors");

  // The officer corrects the workbook and chooses the same file again. A browser fires no
  // change event for the file it already holds, so the input must have let go of it.
  assert.equal(await page.locator("#check-file").inputValue(), "", "the file input is emptied after reading");

  // Each problem the validator found in the JSON shows its place there; the rest are plain.
  const buttons = page.locator("#check-problems button.check-where");
  assert.deepEqual(await buttons.allTextContents(), ["Actions, row 3, column Due", "Actions, row 5, column ID"]);
  assert.equal(await page.locator("#check-problems span.check-where").count(), 2);
  await buttons.nth(0).click();
  let t = await textareaState();
  assert.ok(t.focused);
  assert.ok(t.value.slice(t.start).startsWith('"2026-02-31"'), `the cursor is at the bad date: ${t.value.slice(t.start, t.start + 20)}`);
  await buttons.nth(1).click();
  t = await textareaState();
  assert.ok(t.value.slice(t.start).startsWith('"1.3"'), "the cursor is at the repeated id");
  assert.ok(t.start > t.value.indexOf('"1.3"'), "at the second 1.3, not the first");

  const violations = await runAxe(page);
  assert.deepEqual(violations, [], formatViolations(violations));
  await screenshot(page, "publishing-workbook-mistakes");
  assert.deepEqual(errors.splice(0), []);
});

test("the keyboard alone opens a problem's place in the converted JSON", async () => {
  await openChecker();
  await page.setInputFiles("#check-file", OFFICER);
  await settled();
  await page.locator("#check-run").focus();
  let on = "";
  for (let i = 0; i < 10 && on !== "Actions, row 3, column Due"; i++) {
    await page.keyboard.press("Tab");
    on = await page.evaluate(() => document.activeElement.textContent.trim());
  }
  assert.equal(on, "Actions, row 3, column Due", "Tab reaches the first place button");
  await page.keyboard.press("Enter");
  const t = await textareaState();
  assert.ok(t.focused && t.value.slice(t.start).startsWith('"2026-02-31"'));
});

test("the template's CSV files dropped together are read as the command line reads their folder", async () => {
  const want = await cliImport(BAD_DATES);
  const expected = (await readFile(join(BAD_DATES, "expected.txt"), "utf8")).split("\n").filter((l) => /^(error|warning): /.test(l));
  assert.deepEqual(want.lines, expected, "the CLI agrees with the committed expectation");
  await openChecker();
  const files = [];
  for (const name of ["plan.csv", "actions.csv"]) files.push({ name, text: await readFile(join(BAD_DATES, name), "utf8") });
  await dropFiles(files);
  const status = await settled();
  assert.match(status, /^Converted 2 CSV files to the feed: 3 errors and 0 warnings\./);
  assert.deepEqual(await listedLines(), expected);

  // A file that is neither, dropped with them, is refused in plain words.
  await dropFiles([...files, { name: "notes.txt", text: "hello" }]);
  await page.waitForFunction(() => document.querySelector("#check-status").textContent.includes("at a time"));
  assert.equal(
    (await page.locator("#check-status").textContent()).trim(),
    "Open one feed or one workbook at a time, or the template's CSV files together.",
  );
});

test("a file that is not a workbook gets a clear message and no feed", async () => {
  const fake = join(scratch, "plan.xlsx");
  await writeFile(fake, "this is not a spreadsheet");
  await openChecker();
  await page.setInputFiles("#check-file", fake);
  const status = await settled();
  assert.match(status, /^plan\.xlsx cannot be read: this is not a workbook that can be read/);
  assert.equal(await page.locator("#check-problems > li").count(), 0);
  assert.ok(await page.locator("#check-save").isHidden());
  assert.deepEqual(errors.splice(0), []);
});

test("nothing is sent anywhere: every request is a GET of the site's own files", () => {
  const origin = site.origin;
  const elsewhere = requests.filter((r) => r.method !== "GET" || !(r.url.startsWith(`${origin}/`) || r.url.startsWith("blob:")));
  assert.deepEqual(elsewhere, []);
});
