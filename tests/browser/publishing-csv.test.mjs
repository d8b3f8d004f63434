// "Download these actions (CSV)" in the widget: after ticking a filter, the file is
// actions-<as_of>.csv, UTF-8 with a byte-order mark (so Excel reads Welsh letters), CRLF line
// ends, a header row, then exactly the filtered actions in the order the list shows them; a cell
// that starts with = + - @ is prefixed with ' so a spreadsheet never runs it as a formula; and
// Welsh letters (ŷ, ŵ, and a decomposed â) come through byte for byte.
// Fixture: tests/browser/fixtures/publishing/csv.json.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { trackPageErrors } from "./harness.mjs";
import { setup, fixtureText, textIn } from "./fixtures/publishing/support.mjs";
import { expectedMatches } from "./fixtures/widget/support.mjs";

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

let site;
let feed;
let page;
let errors;
let loads = 0;

before(async () => {
  site = await setup();
  feed = JSON.parse(await fixtureText("csv.json"));
  const context = await site.browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  page.setDefaultTimeout(10_000);
  errors = trackPageErrors(page);
});

after(async () => {
  await site?.close();
});

/** The widget on the actions view of csv.json, in `lang`. */
async function open(lang = "en") {
  await page.goto(`${site.url}widget/one.html?src=/publishing/csv.json&view=actions&lang=${lang}&load=${++loads}`);
  await page.waitForFunction(() => window.__events?.some((e) => e.type === "tracker-ready" || e.type === "tracker-error"), null, { timeout: 20_000 });
  const events = await page.evaluate(() => window.__events);
  assert.equal(events.at(-1).type, "tracker-ready", "csv.json loads");
  return page.locator("action-plan-tracker");
}

/** Ticks a filter checkbox with the mouse, opening its group first if it is closed. */
async function tick(host, act) {
  const sel = `input[data-act="${act}"]`;
  const box = host.locator(sel);
  if (!(await box.isVisible())) {
    // A closed group's checkboxes are built once it is opened: found by its kind.
    await host.locator(`details.apt-filter-group[data-group="${act.split(":")[1]}"] > summary`).click();
  }
  await box.check();
}

/** Clicks the download button; resolves to { name, bytes }. */
async function download(host) {
  const [dl] = await Promise.all([page.waitForEvent("download"), host.locator('button[data-act="csv"]').click()]);
  const failure = await dl.failure();
  assert.equal(failure, null, "the download completes");
  return { name: dl.suggestedFilename(), bytes: await readFile(await dl.path()) };
}

/** RFC 4180: rows of cells; quoted cells may hold commas, "" and line breaks. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(cell);
      cell = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i++;
    } else cell += c;
  }
  assert.equal(quoted, false, "every quote is closed");
  if (cell !== "" || row.length) rows.push([...row, cell]);
  return rows;
}

/** The action numbers the list shows, in order (every page of it). */
async function listedIds(host) {
  return host.locator("ol.apt-actions li.apt-action").evaluateAll((lis) => lis.map((li) => li.dataset.id));
}

/** The raw bytes of one cell as written: "…" with " doubled. */
const quotedCell = (s) => Buffer.from(`"${s.replace(/"/g, '""')}"`, "utf8");

test("CSV of the filtered actions: BOM, CRLF, header, exactly the filtered rows in order, formulas neutralised, Welsh letters byte-exact", { timeout: 30_000 }, async () => {
  const host = await open("en");
  await tick(host, "toggle:status:in_progress");
  const want = expectedMatches(feed, { status: ["in_progress"] });
  assert.deepEqual(want, ["1", "2", "2a", "4"], "the fixture's in-progress actions");
  await page.waitForFunction(
    (n) => /\d+/.exec(document.querySelector("action-plan-tracker").shadowRoot.querySelector("#apt-count").textContent)?.[0] === String(n),
    want.length,
  );
  const shown = await listedIds(host);
  assert.deepEqual(shown, want, "the list shows the in-progress actions");

  const { name, bytes } = await download(host);
  assert.equal(name, `actions-${feed.as_of}.csv`, "named after the data date");
  assert.deepEqual(bytes.subarray(0, 3), BOM, "starts with the UTF-8 byte-order mark EF BB BF");
  const text = bytes.subarray(3).toString("utf8");
  assert.deepEqual(Buffer.from(text, "utf8"), bytes.subarray(3), "valid UTF-8 throughout");
  assert.ok(text.endsWith("\r\n"), "the last row ends with CRLF");
  assert.doesNotMatch(text.replace(/\r\n/g, ""), /[\r\n]/, "every line end is CRLF (no bare LF or CR)");

  const rows = parseCsv(text);
  const [header, ...body] = rows;
  for (const h of ["Number", "Title", "Status", "Lead", "Due date"]) assert.ok(header.includes(h), `header has "${h}": ${header.join(" | ")}`);
  for (const r of rows) assert.equal(r.length, header.length, `every row has ${header.length} cells: ${r.join(" | ")}`);
  // Every cell is quoted: a spreadsheet never guesses a type (e.g. 2a as a date).
  for (const line of text.split("\r\n").filter(Boolean)) {
    assert.match(line, /^"(?:[^"]|"")*"(?:,"(?:[^"]|"")*")*$/, `every cell quoted: ${line}`);
  }
  const col = (h) => header.indexOf(h);
  assert.deepEqual(body.map((r) => r[col("Number")]), shown, "exactly the filtered actions, in the list's order");
  for (const r of body) {
    const a = feed.actions.find((x) => x.id === r[col("Number")]);
    assert.equal(r[col("Status")], "In progress", `action ${a.id}: status in words`);
    const title = textIn(a.title, "en");
    assert.equal(r[col("Title")], /^[=+\-@\t\r]/.test(title) ? `'${title}` : title, `action ${a.id}: title`);
  }

  // Formula injection: the cell shows the text, never runs it.
  const hyper = body.find((r) => r[col("Number")] === "1");
  assert.equal(hyper[col("Title")], `'=HYPERLINK("https://evil.example/","Click me")`);
  assert.ok(bytes.includes(quotedCell(`'=HYPERLINK("https://evil.example/","Click me")`)), "written as \"'=HYPERLINK(\"\"…\"\")\"");
  assert.ok(!bytes.includes(Buffer.from(',"=')), "no cell starts with =");
  const minus = body.find((r) => r[col("Number")] === "4");
  assert.equal(minus[col("Title")], "'-5% agency staff by March");
  assert.equal(minus[col("Lead")], "'@Head of Service");
  // A title with quotes and a comma stays one cell.
  assert.equal(body.find((r) => r[col("Number")] === "2")[col("Title")], 'Audit "voice of the child", then re-audit');

  // Welsh letters, byte for byte (precomposed ŷ and î; a decomposed "a" + U+0302 left as it is).
  assert.equal(hyper[col("Lead")], "Llŷr ap Gruffydd");
  assert.ok(bytes.includes(quotedCell("Llŷr ap Gruffydd")), "Llŷr: 4C 6C C5 B7 72");
  assert.ok(bytes.includes(Buffer.from([0x4c, 0x6c, 0xc5, 0xb7, 0x72])));
  assert.ok(bytes.includes(quotedCell("Tîm Derbyn ac Asesu")), "Tîm");
  const sian = feed.actions.find((a) => a.id === "2").lead;
  assert.equal(sian.normalize("NFC") === sian, false, "the fixture's Siân is decomposed");
  assert.ok(bytes.includes(quotedCell(sian)), "the decomposed Siân is not normalised");
  // The sub-action says what it is part of.
  assert.equal(body.find((r) => r[col("Number")] === "2a")[col("Part of")], "2");
  assert.deepEqual(errors, []);
});

test("CSV in Welsh, and with two filters: Welsh header and words, the bilingual title in Welsh", { timeout: 30_000 }, async () => {
  const host = await open("cy");
  await tick(host, "toggle:status:in_progress");
  await tick(host, "toggle:lead:Llŷr ap Gruffydd");
  const want = expectedMatches(feed, { status: ["in_progress"], lead: ["Llŷr ap Gruffydd"] });
  assert.deepEqual(want, ["1", "2a"]);
  await page.waitForFunction(
    (n) => /\d+/.exec(document.querySelector("action-plan-tracker").shadowRoot.querySelector("#apt-count").textContent)?.[0] === String(n),
    want.length,
  );
  const { bytes } = await download(host);
  assert.deepEqual(bytes.subarray(0, 3), BOM);
  const [header, ...body] = parseCsv(bytes.subarray(3).toString("utf8"));
  assert.ok(!header.includes("Number") && !header.includes("Title"), `the header is in Welsh: ${header.join(" | ")}`);
  assert.deepEqual(body.map((r) => r[0]), want, "exactly the filtered actions");
  for (const r of body) assert.ok(!r.includes("In progress"), `status in Welsh: ${r.join(" | ")}`);
  // No filter: every action, the bilingual one in Welsh.
  await open("cy");
  const all = parseCsv((await download(page.locator("action-plan-tracker"))).bytes.subarray(3).toString("utf8")).slice(1);
  assert.deepEqual(all.map((r) => r[0]), feed.actions.map((a) => a.id), "no filter: every action");
  assert.equal(all.find((r) => r[0] === "2")[1], textIn(feed.actions[1].title, "cy"), "the bilingual title in Welsh");
  assert.deepEqual(errors, []);
});

test("CSV sorted by due date: the same actions; the order compared with the list's", { timeout: 30_000 }, async (t) => {
  const host = await open("en");
  await tick(host, "toggle:status:in_progress");
  await host.locator('select[data-act="sort"]').selectOption("due");
  await page.waitForFunction(() => document.querySelector("action-plan-tracker").shadowRoot.querySelector("li.apt-action")?.dataset.id === "4");
  const shown = await listedIds(host);
  const { bytes } = await download(host);
  const [header, ...body] = parseCsv(bytes.subarray(3).toString("utf8"));
  const ids = body.map((r) => r[header.indexOf("Number")]);
  assert.deepEqual([...ids].sort(), [...shown].sort(), "the same actions as the list");
  // By effective due date: 4 (1 Oct), 2a (20 Nov), 1 (15 Dec), 2 (revised to 31 Jan).
  // The list nests 2a under its parent 2; the file is flat. Reported, not failed: which order
  // the file should have is the lead's call (see the report).
  if (JSON.stringify(ids) !== JSON.stringify(shown)) t.diagnostic(`CSV order ${ids.join(", ")}; list order ${shown.join(", ")}`);
  assert.deepEqual(ids, ["4", "2a", "1", "2"], "the file is in due-date order");
  assert.deepEqual(errors, []);
});
