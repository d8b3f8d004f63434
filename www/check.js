// The feed checker: validate() from the package, problems linked to their place in the text,
// and a live preview through the element's `feed` property. A second WebAssembly module,
// checker/checker.js (`make checker`), loaded only when needed, converts a workbook (or the
// template's CSV files) to the feed as the command line's `import` does, and writes the page
// without JavaScript as `render` does. Nothing leaves the browser.
import { validate } from "./pkg/action-plan-tracker.js";

const text = document.getElementById("check-text");
const file = document.getElementById("check-file");
const drop = document.getElementById("check-drop");
const status = document.getElementById("check-status");
const list = document.getElementById("check-problems");
const preview = document.getElementById("preview");
const save = document.getElementById("check-save");
const download = document.getElementById("check-download");
const pageButton = document.getElementById("check-page");
const pageLang = document.getElementById("check-page-lang");
const pagePrint = document.getElementById("check-page-print");

/** The file name the converted feed is downloaded as. */
let saveName = "feed.json";

/** The offset in `source` of 1-based `line` and `column` (columns count characters). */
function offsetOf(source, line, column) {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const next = source.indexOf("\n", offset);
    if (next < 0) return source.length;
    offset = next + 1;
  }
  // Columns count Unicode characters; the textarea counts UTF-16 units.
  const rest = [...source.slice(offset)].slice(0, column - 1).join("");
  return offset + rest.length;
}

function show(line, column) {
  const at = offsetOf(text.value, line, column);
  text.focus();
  text.setSelectionRange(at, Math.min(at + 1, text.value.length));
  // Scroll the place into view. Long lines wrap, so count pixels, not lines: a hidden copy of
  // the textarea (same width, font and wrapping) holding the text before the place is as tall
  // as the text above it.
  const copy = text.cloneNode();
  copy.removeAttribute("id");
  Object.assign(copy.style, { position: "absolute", visibility: "hidden", height: "0", width: `${text.getBoundingClientRect().width}px` });
  text.after(copy);
  copy.value = text.value.slice(0, at);
  const y = copy.scrollHeight;
  copy.remove();
  text.scrollTop = Math.max(0, y - text.clientHeight / 2);
}

function say(sentence) {
  status.replaceChildren(Object.assign(document.createElement("p"), { textContent: sentence }));
}

const count = (n, one, many) => `${n} ${n === 1 ? one : many}`;

/** A problem's list item: its tag, its place (a button showing it in the text, when known) and message. */
function item({ severity, where, line, column, message }) {
  const li = document.createElement("li");
  li.className = `check-problem check-problem--${severity}`;
  const tag = Object.assign(document.createElement("strong"), {
    className: "check-tag",
    textContent: severity === "error" ? "Error" : "Warning",
  });
  const place = Object.assign(document.createElement(line ? "button" : "span"), {
    className: line ? "check-where" : "check-where check-where--plain",
    textContent: where,
  });
  if (line) {
    place.type = "button";
    place.addEventListener("click", () => show(line, column));
  }
  const text = Object.assign(document.createElement("p"), { textContent: message });
  li.append(tag, " ", place, text);
  return li;
}

/** Lists `problems`, offers the download when there are no errors, and shows the preview. */
function report(sentence, problems, errors, json) {
  say(sentence);
  list.replaceChildren(...problems.map(item));
  save.hidden = errors > 0;
  download.textContent = `Download the feed (${saveName})`;
  preview.feed = json;
}

function check() {
  const source = text.value;
  if (!source.trim()) {
    say("There is nothing to check: open a file or paste the feed's text.");
    list.replaceChildren();
    save.hidden = true;
    return;
  }
  const result = validate(source);
  const problems = [...result.errors, ...result.warnings]
    .sort((a, b) => a.line - b.line || a.column - b.column)
    .map((p) => ({ ...p, where: `Line ${p.line}, column ${p.column}${p.path ? ` (${p.path})` : ""}` }));
  const e = result.errors.length;
  const w = result.warnings.length;
  report(
    e === 0 && w === 0
      ? "No problems found. The feed is ready to publish."
      : `${count(e, "error", "errors")} and ${count(w, "warning", "warnings")}. ${
          e ? "Each error leaves out its field (or its item, when the id or a required field is wrong) until it is corrected." : "Warnings do not stop the plan being shown."
        }`,
    problems,
    e,
    source,
  );
}

/** The checker's own module (spreadsheets in, the page out), loaded once, when first needed. */
let tools;
function checkerTools() {
  tools ??= import("./checker/checker.js").then(async (m) => {
    await m.default();
    return m;
  });
  tools.catch(() => (tools = undefined));
  return tools;
}

const SPREADSHEET = /\.(xlsx|xlsm|xls|xlsb|ods)$/i;
const CSV = /\.csv$/i;
/** The largest spreadsheet read, as the command line's `import`: 64 MiB. */
const MAX_BYTES = 64 * 1024 * 1024;

/**
 * Converts a workbook, or the template's CSV files, to the feed: the JSON goes into the text
 * box and every problem is listed by sheet, row and column.
 */
async function convert(files) {
  const name = files.length === 1 ? files[0].name : `${files.length} CSV files`;
  say(`Reading ${name}…`);
  list.replaceChildren();
  save.hidden = true;
  const big = files.find((f) => f.size > MAX_BYTES);
  if (big) {
    say(`${big.name} is ${Math.floor(big.size / 1048576)} MiB; a spreadsheet can be at most 64 MiB.`);
    return;
  }
  let m;
  try {
    m = await checkerTools();
  } catch (e) {
    say(`The spreadsheet reader could not be loaded (${e.message}). Reload the page and try again.`);
    return;
  }
  let result;
  try {
    const bytes = await Promise.all(files.map(async (f) => new Uint8Array(await f.arrayBuffer())));
    result = SPREADSHEET.test(files[0].name) || files.length === 1 && !CSV.test(files[0].name)
      ? m.readWorkbook(bytes[0])
      : m.readCsvFiles(files.map((f) => f.name), bytes);
  } catch (e) {
    say(`${name} cannot be read: ${e.message}`);
    return;
  }
  saveName = files.length === 1 ? files[0].name.replace(/\.[^.]*$/, "") + ".json" : "feed.json";
  text.value = result.json;
  const { errors: e, warnings: w } = result;
  const problems = result.problems.map((p) => ({
    severity: p.severity,
    where: p.location || "The whole spreadsheet",
    line: p.jsonLine,
    column: p.jsonColumn,
    message: p.message,
  }));
  report(
    e === 0 && w === 0
      ? `Converted ${name} to the feed: no problems found. The feed is ready to publish.`
      : `Converted ${name} to the feed: ${count(e, "error", "errors")} and ${count(w, "warning", "warnings")}. ${
          e
            ? "Correct the errors in the spreadsheet and open it again; the feed can be downloaded once there are none."
            : "Warnings do not stop the plan being shown."
        }`,
    problems,
    e,
    result.json,
  );
}

/** Opens what the reader chose or dropped: one JSON feed, one workbook, or CSV files. */
async function open(files) {
  if (files.length === 0) return;
  const csv = files.filter((f) => CSV.test(f.name));
  if (files.length > 1 && csv.length !== files.length) {
    say("Open one feed or one workbook at a time, or the template's CSV files together.");
    return;
  }
  if (csv.length || SPREADSHEET.test(files[0].name)) {
    await convert(files);
    return;
  }
  // A workbook saved without its .xlsx ending is still a zip file.
  const head = new Uint8Array(await files[0].slice(0, 4).arrayBuffer());
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 3 && head[3] === 4) {
    await convert(files);
    return;
  }
  saveName = files[0].name.replace(/\.[^.]*$/, "") + ".json";
  text.value = await files[0].text();
  check();
}

/** Saves `content` as a file called `name` (the browser's own download). */
function saveAs(content, type, name) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = Object.assign(document.createElement("a"), { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

document.getElementById("check-run").addEventListener("click", check);
download.addEventListener("click", () => saveAs(text.value, "application/json", saveName));
pageButton.addEventListener("click", async () => {
  const lang = pageLang.value;
  const full = pagePrint.value === "full";
  const name = saveName.replace(/\.json$/, "") + (lang === "cy" ? "-cy" : "") + (full ? "-full" : "") + ".html";
  let html;
  try {
    html = (await checkerTools()).renderPage(text.value, lang, full);
  } catch (e) {
    say(`The page could not be made: ${e.message}`);
    return;
  }
  saveAs(html, "text/html", name);
});
// What is offered for download is always what was last checked: editing hides it until the
// next check.
text.addEventListener("input", () => (save.hidden = true));
file.addEventListener("change", () => {
  const chosen = [...file.files];
  // Emptied, so that choosing the same file again after correcting it is a change too.
  file.value = "";
  open(chosen);
});
drop.addEventListener("dragover", (e) => {
  e.preventDefault();
  drop.classList.add("check-drop--over");
});
drop.addEventListener("dragleave", () => drop.classList.remove("check-drop--over"));
drop.addEventListener("drop", (e) => {
  e.preventDefault();
  drop.classList.remove("check-drop--over");
  open([...e.dataTransfer.files]);
});
