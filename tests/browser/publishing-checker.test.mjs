// The feed checker page (www/check.html): a council officer pastes, opens or drops the feed
// they will publish; every problem is listed with its line, column and message, and its
// button puts the cursor at that place in the text; a good feed says "No problems found" and
// the preview shows the plan. Keyboard-only use works, axe finds nothing, and the page sends
// nothing anywhere (every request is a same-origin GET of the page's own files).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { runAxe, formatViolations, screenshot, trackPageErrors, SCREENSHOT_DIR } from "./harness.mjs";
import { setup, exampleFeeds, fixtureText, utf16Offset, lineColumn, textIn } from "./fixtures/publishing/support.mjs";

let site;
let feeds;
let context;
let page;
let errors;
/** Every request any page of the context makes: { method, url, resourceType, at }. */
const requests = [];
let loads = 0;

before(async () => {
  site = await setup();
  feeds = await exampleFeeds();
  context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: site.origin });
  context.on("request", (r) => requests.push({ method: r.method(), url: r.url(), resourceType: r.resourceType() }));
  // Keep the preview's tracker-* events (they bubble and are composed).
  await context.addInitScript(() => {
    window.__events = [];
    for (const type of ["tracker-ready", "tracker-error"]) {
      document.addEventListener(type, (e) => window.__events.push({ type, detail: e.detail }));
    }
  });
  page = await context.newPage();
  page.setDefaultTimeout(10_000);
  errors = trackPageErrors(page);
});

after(async () => {
  await site?.close();
});

/** A fresh checker page, its modules (the element and check.js) evaluated. */
async function openChecker() {
  await page.goto(`${site.url}check.html?load=${++loads}`);
  // import() of a module the page already loads resolves once that module has run, so
  // check.js's listeners are attached when this returns.
  await page.evaluate(() => import(new URL("check.js", location.href).href).then(() => true));
}

/**
 * Pastes `text` into the emptied textarea as a reader does (clipboard, Ctrl+V). (Playwright's
 * fill() types a 100 KB feed in about 45 s, and Ctrl+A over one takes a second or two; a
 * paste into an empty box is instant.)
 */
async function paste(text) {
  await page.evaluate((t) => {
    document.querySelector("#check-text").value = "";
    return navigator.clipboard.writeText(t);
  }, text);
  await page.locator("#check-text").focus();
  await page.keyboard.press("Control+V");
  assert.equal(await page.locator("#check-text").inputValue(), text.replace(/\r\n?/g, "\n"), "pasted");
}

/** Runs a check of whatever is in the textarea, by clicking the button; waits for the result. */
async function clickCheck() {
  const readyBefore = await page.evaluate(() => window.__events.length);
  await statusChange(true);
  await page.locator("#check-run").click();
  await statusChange();
  return readyBefore;
}

/**
 * Resolves once the result status has been rewritten (check.js replaces its children on every
 * check, even when the sentence is the same as last time); `start` arms it before the action.
 */
async function statusChange(start) {
  if (start) {
    return page.evaluate(() => {
      window.__statusChanged = false;
      new MutationObserver((_, obs) => {
        window.__statusChanged = true;
        obs.disconnect();
      }).observe(document.querySelector("#check-status"), { childList: true, subtree: true, characterData: true });
    });
  }
  await page.waitForFunction(() => window.__statusChanged === true);
}

/** The listed problems: [{ severity, where, line, column, path, message }]. */
function listedProblems() {
  return page.$$eval("#check-problems > li", (lis) =>
    lis.map((li) => {
      const where = li.querySelector("button.check-where").textContent.trim();
      const m = /^Line (\d+), column (\d+)(?: \((.*)\))?$/.exec(where);
      return {
        severity: li.querySelector(".check-tag")?.textContent.trim(),
        where,
        line: m ? Number(m[1]) : NaN,
        column: m ? Number(m[2]) : NaN,
        path: m?.[3] ?? "",
        message: li.querySelector("p")?.textContent.trim() ?? "",
      };
    }),
  );
}

/** The textarea's focus and selection. */
function textareaState() {
  return page.evaluate(() => {
    const t = document.querySelector("#check-text");
    return { focused: document.activeElement === t, start: t.selectionStart, end: t.selectionEnd, value: t.value };
  });
}

/** Waits for the preview's n-th tracker-ready/-error after `from`; returns it. */
async function previewLoaded(from) {
  await page.waitForFunction((n) => window.__events.length > n, from);
  return page.evaluate((n) => window.__events[n], from);
}

/** The preview's plan title (from its shadow root) and its summary. */
function previewState() {
  return page.evaluate(() => {
    const el = document.querySelector("#preview");
    return {
      title: el.shadowRoot?.querySelector(".apt-title")?.textContent.trim() ?? null,
      text: el.shadowRoot?.textContent ?? "",
      summary: el.summary,
    };
  });
}

/**
 * northbridge.json with two mistakes: the first "due": "2026-04-30" made 31 April, and the
 * second action-level "status": "in_progress" misspelt. Returns the text and, for each mistake, the
 * line and column (characters) of the value's opening quote, where the validator points.
 */
function brokenNorthbridge() {
  let text = feeds.find((f) => f.name === "northbridge").text;
  const marks = [];
  const spoil = (needle, nth, from, to) => {
    let at = -1;
    for (let i = 0; i < nth; i++) at = text.indexOf(needle, at + 1);
    assert.ok(at >= 0, `northbridge.json has ${nth} × ${needle}`);
    const valueAt = at + needle.indexOf(from) - 1; // the opening quote
    text = text.slice(0, at) + needle.replace(from, to) + text.slice(at + needle.length);
    marks.push({ value: to, offset: valueAt });
  };
  spoil('"due": "2026-04-30"', 1, "2026-04-30", "2026-04-31");
  spoil('\n      "status": "in_progress"', 2, "in_progress", "in_progres"); // an action's own status
  return { text, mistakes: marks.map((m) => ({ value: m.value, offset: m.offset, ...lineColumn(text, m.offset) })) };
}

/**
 * Checks that each mistake is listed (error, its line and column, a message naming the
 * value) and that its button puts the selection on the value's opening quote.
 */
async function assertMistakesListed(mistakes, label) {
  const problems = await listedProblems();
  assert.ok(problems.length >= mistakes.length, `${label}: ${problems.length} problems listed`);
  for (const p of problems) {
    assert.ok(Number.isInteger(p.line) && p.line >= 1 && Number.isInteger(p.column) && p.column >= 1, `${label}: "${p.where}" gives a line and column`);
    assert.ok(p.message.length > 10, `${label}: problem at ${p.where} has a message`);
    assert.match(p.severity, /^(Error|Warning)$/);
  }
  const order = problems.map((p) => [p.line, p.column]);
  assert.deepEqual(order, [...order].sort((a, b) => a[0] - b[0] || a[1] - b[1]), `${label}: problems in the order of the text`);
  const buttons = page.locator("#check-problems button.check-where");
  for (const m of mistakes) {
    const i = problems.findIndex((p) => p.line === m.line && p.column === m.column);
    assert.ok(i >= 0, `${label}: a problem at line ${m.line}, column ${m.column} (${m.value}); listed: ${problems.map((p) => p.where).join("; ")}`);
    const p = problems[i];
    assert.equal(p.severity, "Error", `${label}: ${m.value} is an error`);
    assert.ok(p.message.includes(m.value), `${label}: the message names "${m.value}": ${p.message}`);
    await buttons.nth(i).click();
    const s = await textareaState();
    assert.equal(s.focused, true, `${label}: the place button focuses the textarea`);
    const want = utf16Offset(s.value, m.line, m.column);
    assert.equal(s.start, want, `${label}: selection starts at line ${m.line}, column ${m.column}`);
    assert.ok(s.end === want + 1, `${label}: one character selected`);
    assert.equal(s.value.slice(s.start, s.start + m.value.length + 2), `"${m.value}"`, `${label}: the selection is on the faulty value`);
  }
  return problems;
}

test("(a) a pasted bad feed: each problem with line, column and message; its button selects the place", { timeout: 30_000 }, async () => {
  await openChecker();
  const { text, mistakes } = brokenNorthbridge();
  await paste(text);
  const from = await clickCheck();
  const status = (await page.locator("#check-status").textContent()).trim();
  const problems = await assertMistakesListed(mistakes, "northbridge, two mistakes");
  const errorsListed = problems.filter((p) => p.severity === "Error").length;
  assert.match(status, new RegExp(`^${errorsListed} errors? and \\d+ warnings?\\.`), `status counts the errors: ${status}`);
  // The path of each mistake names the field.
  const byValue = (v) => problems.find((p) => p.message.includes(v));
  assert.match(byValue("2026-04-31").path, /^actions\[\d+\]\.due$/);
  assert.match(byValue("in_progres").path, /^actions\[\d+\]\.status$/);
  // The preview shows the valid items, and says items were left out.
  const ev = await previewLoaded(from);
  assert.equal(ev.type, "tracker-ready", "the preview shows what it can");
  const pv = await previewState();
  assert.equal(pv.title, feeds.find((f) => f.name === "northbridge").feed.plan.title);
  assert.equal(pv.summary.problems.errors, errorsListed, "the preview counts the same errors");
  await screenshot(page, "publishing-checker-bad-feed");

  // Characters outside the Basic Multilingual Plane before the mistake on the same line:
  // the validator counts characters, the textarea UTF-16 units; the place must still be right.
  const astral = await fixtureText("astral-bad.json");
  const want = [
    { value: "in_progres", offset: astral.indexOf('"in_progres"') },
    { value: "2026-02-30", offset: astral.indexOf('"2026-02-30"') },
  ].map((m) => ({ ...m, ...lineColumn(astral, m.offset) }));
  assert.ok(want[0].column < want[0].offset - astral.lastIndexOf("\n", want[0].offset), "the fixture has astral characters before the mistake");
  await paste(astral);
  await clickCheck();
  const listed = await assertMistakesListed(want, "astral-bad.json");
  assert.equal(listed.length, 2, "exactly the two mistakes");
  assert.match(await page.locator("#check-status").textContent(), /^2 errors and 0 warnings\./);
  assert.deepEqual(errors, []);
});

/**
 * Where the textarea's selection is drawn, against what the textarea shows: the caret's y is
 * measured with a hidden copy of the textarea (same width, font and wrapping) holding the text
 * before the selection.
 */
function selectionInView() {
  return page.evaluate(() => {
    const t = document.querySelector("#check-text");
    const copy = t.cloneNode();
    Object.assign(copy.style, { position: "absolute", visibility: "hidden", height: "0px", width: `${t.getBoundingClientRect().width}px` });
    t.after(copy);
    copy.value = t.value.slice(0, t.selectionStart);
    const pad = parseFloat(getComputedStyle(t).paddingBottom);
    const lineHeight = parseFloat(getComputedStyle(t).lineHeight);
    const bottom = copy.scrollHeight - pad; // the bottom of the caret's line
    copy.remove();
    return {
      caretTop: Math.round(bottom - lineHeight),
      caretBottom: Math.round(bottom),
      scrollTop: Math.round(t.scrollTop),
      scrollBottom: Math.round(t.scrollTop + t.clientHeight),
      inView: bottom - lineHeight >= t.scrollTop - 1 && bottom <= t.scrollTop + t.clientHeight + 1,
    };
  });
}

test("(a2) a problem's button scrolls its place into view in the textarea, long lines wrapping, at 1280px and 320px", { timeout: 30_000 }, async () => {
  const { text, mistakes } = brokenNorthbridge();
  // The mistake furthest down the file: the more wrapped lines above it, the larger any error.
  const last = [...mistakes].sort((a, b) => b.line - a.line)[0];
  const misses = [];
  for (const width of [1280, 320]) {
    await page.setViewportSize({ width, height: 900 });
    await openChecker();
    await paste(text);
    await clickCheck();
    // Each place with the textarea scrolled to its end first, as a reader reading the text
    // would leave it; and the last place again from the top.
    for (const [m, from] of [...mistakes.map((m) => [m, "end"]), [last, "top"]]) {
      const problems = await listedProblems();
      const i = problems.findIndex((p) => p.line === m.line && p.column === m.column);
      assert.ok(i >= 0, `line ${m.line} listed`);
      await page.evaluate((top) => (document.querySelector("#check-text").scrollTop = top), from === "top" ? 0 : 1e7);
      await page.locator("#check-problems button.check-where").nth(i).click();
      const v = await selectionInView();
      if (!v.inView) {
        misses.push(`${width}px, line ${m.line} (from the ${from}): caret at ${v.caretTop}–${v.caretBottom}px, textarea shows ${v.scrollTop}–${v.scrollBottom}px`);
      }
    }
    await page.locator("#check-text").screenshot({ path: join(SCREENSHOT_DIR, `publishing-checker-place-${width}.png`) });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  assert.deepEqual(misses, [], "the selected place is visible in the textarea");
});

test("(b) a good feed: no problems found, and the preview shows the plan", { timeout: 30_000 }, async () => {
  await openChecker();
  const { feed, text } = feeds.find((f) => f.name === "northbridge");
  await paste(text);
  const from = await clickCheck();
  assert.match(await page.locator("#check-status").textContent(), /No problems found/);
  assert.equal(await page.locator("#check-problems > li").count(), 0, "no problems listed");
  const ev = await previewLoaded(from);
  assert.equal(ev.type, "tracker-ready", "tracker-ready fired for the preview");
  assert.equal(ev.detail.actions.total, feed.actions.length);
  const pv = await previewState();
  assert.equal(pv.title, feed.plan.title, "the preview's shadow root shows the plan title");
  assert.equal(pv.summary.problems.errors, 0);
  // A bad feed after a good one: the list fills; then the good one again: it empties.
  await paste(brokenNorthbridge().text);
  await clickCheck();
  assert.ok((await page.locator("#check-problems > li").count()) >= 2);
  await paste(text);
  await clickCheck();
  assert.equal(await page.locator("#check-problems > li").count(), 0, "the old problems are cleared");
  assert.match(await page.locator("#check-status").textContent(), /No problems found/);
  // Nothing to check.
  await paste("   \n");
  await clickCheck();
  assert.match(await page.locator("#check-status").textContent(), /nothing to check/i);
  assert.equal(await page.locator("#check-problems > li").count(), 0);
  // Cut short: one problem where the text ends; the preview says it cannot show the plan.
  const cut = '{\n  "schema_version": "1.0",\n  "publisher": {"name": "Northbridge"},\n';
  await paste(cut);
  const from3 = await clickCheck();
  const problems = await listedProblems();
  assert.equal(problems.length, 1, "one problem");
  assert.deepEqual([problems[0].line, problems[0].column], [4, 1], "at the end of the text");
  assert.equal((await previewLoaded(from3)).type, "tracker-error", "the preview reports it cannot show the feed");
  assert.ok((await previewState()).text.trim().length > 0, "the preview is not blank");
  await paste(text);
  await clickCheck();
  await screenshot(page, "publishing-checker-good-feed");
  assert.deepEqual(errors, []);
});

test("(c) the file input: a JSON file (CRLF line ends) is read, checked and located", { timeout: 30_000 }, async () => {
  await openChecker();
  const { text, mistakes } = brokenNorthbridge();
  // Saved on Windows: CRLF. The textarea normalises line ends to LF; lines stay the same.
  const crlf = text.replace(/\n/g, "\r\n");
  const from = await page.evaluate(() => window.__events.length);
  await page.locator("#check-file").setInputFiles({ name: "plan.json", mimeType: "application/json", buffer: Buffer.from(crlf, "utf8") });
  await page.waitForFunction(() => document.querySelectorAll("#check-problems > li").length > 0);
  const value = await page.locator("#check-text").inputValue();
  assert.equal(value, text, "the file's text is in the textarea (line ends normalised)");
  await assertMistakesListed(mistakes, "file input, CRLF");
  assert.equal((await previewLoaded(from)).type, "tracker-ready");
  // A good file, with a byte-order mark (as Windows Notepad may save it).
  const good = feeds.find((f) => f.name === "cwm-tawel");
  await page.locator("#check-file").setInputFiles({
    name: "cwm-tawel.json",
    mimeType: "application/json",
    buffer: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(good.text, "utf8")]),
  });
  await page.waitForFunction(() => /No problems found/.test(document.querySelector("#check-status").textContent));
  assert.equal(await page.locator("#check-problems > li").count(), 0);
  await page.waitForFunction(
    (t) => document.querySelector("#preview").shadowRoot?.querySelector(".apt-title")?.textContent.trim() === t,
    textIn(good.feed.plan.title, "en"),
  );
  assert.deepEqual(errors, []);
});

test("(d) dropping a file on the drop zone checks it", { timeout: 30_000 }, async () => {
  await openChecker();
  const good = feeds.find((f) => f.name === "southmoor-monitoring");
  const transfer = await page.evaluateHandle((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], "southmoor.json", { type: "application/json" }));
    return dt;
  }, good.text);
  const drop = page.locator("#check-drop");
  const from = await page.evaluate(() => window.__events.length);
  await drop.dispatchEvent("dragenter", { dataTransfer: transfer });
  await drop.dispatchEvent("dragover", { dataTransfer: transfer });
  assert.match(await drop.getAttribute("class"), /check-drop--over/, "the drop zone shows it will take the file");
  await drop.dispatchEvent("drop", { dataTransfer: transfer });
  await page.waitForFunction(() => /No problems found/.test(document.querySelector("#check-status").textContent));
  assert.doesNotMatch(await drop.getAttribute("class"), /check-drop--over/);
  assert.equal(await page.locator("#check-text").inputValue(), good.text, "the dropped file's text is shown");
  const ev = await previewLoaded(from);
  assert.equal(ev.type, "tracker-ready");
  assert.equal((await previewState()).title, textIn(good.feed.plan.title, "en"));
  // A dropped bad file lists its problems.
  const bad = await fixtureText("astral-bad.json");
  const badTransfer = await page.evaluateHandle((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], "bad.json", { type: "application/json" }));
    return dt;
  }, bad);
  await drop.dispatchEvent("drop", { dataTransfer: badTransfer });
  await page.waitForFunction(() => document.querySelectorAll("#check-problems > li").length === 2);
  assert.deepEqual(errors, []);
});

test("(e) axe finds no violations before and after a check", { timeout: 60_000 }, async () => {
  await openChecker();
  const before = await runAxe(page);
  assert.deepEqual(before, [], formatViolations(before));
  await paste(brokenNorthbridge().text);
  const from = await clickCheck();
  await previewLoaded(from);
  const withProblems = await runAxe(page);
  assert.deepEqual(withProblems, [], formatViolations(withProblems));
  await paste(feeds.find((f) => f.name === "cwm-tawel").text);
  const from2 = await clickCheck();
  await previewLoaded(from2);
  const good = await runAxe(page);
  assert.deepEqual(good, [], formatViolations(good));
  await page.setViewportSize({ width: 320, height: 800 });
  await screenshot(page, "publishing-checker-320");
  assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= 320, "nothing scrolls sideways at 320px");
  await page.setViewportSize({ width: 1280, height: 900 });
});

test("(f) keyboard only: Tab to the text, type, Tab to the button, Enter, Tab to the problem, Enter", { timeout: 60_000 }, async () => {
  await openChecker();
  const small = await fixtureText("small-bad.json");
  const kb = page.keyboard;
  const active = () =>
    page.evaluate(() => {
      const el = document.activeElement;
      return { id: el?.id ?? "", tag: el?.localName, cls: el?.className ?? "", visible: el?.matches(":focus-visible") ?? false };
    });
  // From the top of the page, Tab until the textarea has focus (a few stops on the way).
  const stops = [];
  for (let i = 0; i < 10; i++) {
    await kb.press("Tab");
    const a = await active();
    stops.push(a.id || a.tag);
    if (a.id === "check-text") break;
  }
  assert.equal(stops.at(-1), "check-text", `Tab reaches the textarea: ${stops.join(" → ")}`);
  assert.ok(stops.includes("check-file"), `the file input is on the way: ${stops.join(" → ")}`);
  await kb.type(small); // "\n" types Enter: a new line in the textarea
  assert.equal(await page.locator("#check-text").inputValue(), small, "typed into the textarea");
  await kb.press("Tab");
  assert.equal((await active()).id, "check-run", "Tab from the textarea goes to the button");
  assert.equal((await active()).visible, true, "the button shows keyboard focus");
  await kb.press("Enter");
  await page.waitForFunction(() => document.querySelectorAll("#check-problems > li").length === 1);
  await kb.press("Tab");
  const a = await active();
  assert.ok(a.tag === "button" && /check-where/.test(a.cls), `Tab from the button goes to the first problem's place: ${JSON.stringify(a)}`);
  assert.equal(a.visible, true, "the place button shows keyboard focus");
  await kb.press("Enter");
  const s = await textareaState();
  assert.equal(s.focused, true, "Enter on the place puts focus in the textarea");
  const at = small.indexOf('"2026-09-31"');
  const { line, column } = lineColumn(small, at);
  assert.equal(s.start, utf16Offset(s.value, line, column), `selection at line ${line}, column ${column}`);
  assert.equal(s.start, at);
  // The status is announced politely and says what was found.
  assert.equal(await page.locator("#check-status").getAttribute("role"), "status");
  assert.match(await page.locator("#check-status").textContent(), /^1 error and 0 warnings\./);
  await screenshot(page, "publishing-checker-keyboard");
  assert.deepEqual(errors, []);
});

test("(g) nothing is sent anywhere: only same-origin GETs of the page's own files", { timeout: 30_000 }, async () => {
  requests.length = 0;
  await openChecker();
  const loading = requests.length;
  assert.ok(loading > 0, "the page's own files were requested");
  // Every way in: paste and click, a file, a drop.
  await paste(brokenNorthbridge().text);
  const from = await clickCheck();
  await previewLoaded(from);
  await page.locator("#check-file").setInputFiles({ name: "plan.json", mimeType: "application/json", buffer: Buffer.from(feeds[0].text) });
  await page.waitForFunction(() => /No problems found/.test(document.querySelector("#check-status").textContent));
  const transfer = await page.evaluateHandle((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], "x.json", { type: "application/json" }));
    return dt;
  }, await fixtureText("astral-bad.json"));
  await page.locator("#check-drop").dispatchEvent("drop", { dataTransfer: transfer });
  await page.waitForFunction(() => document.querySelectorAll("#check-problems > li").length === 2);
  // Let anything deferred (a beacon, a lazy fetch) happen before looking.
  await page.waitForTimeout(500);
  const duringChecks = requests.slice(loading);
  assert.deepEqual(duringChecks, [], "no request at all while checking");
  for (const r of requests) {
    const u = new URL(r.url);
    assert.equal(r.method, "GET", `${r.method} ${r.url}`);
    if (u.protocol === "data:") continue;
    assert.equal(u.origin, site.origin, `same origin: ${r.url}`);
    // One of the page's own files, served from the site root.
    const file = join(site.root, decodeURIComponent(u.pathname));
    await readFile(file).catch(() => assert.fail(`${r.url} is not one of the page's files`));
  }
  const paths = requests.map((r) => new URL(r.url).pathname);
  for (const own of ["/check.html", "/check.js", "/demo.css", "/pkg/action-plan-tracker.js"]) {
    assert.ok(paths.includes(own), `${own} was loaded (the recording works)`);
  }
});
