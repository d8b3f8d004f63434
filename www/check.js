// The feed checker: validate() from the package, problems linked to their place in the text,
// and a live preview through the element's `feed` property. Nothing leaves the browser.
import { validate } from "./pkg/action-plan-tracker.js";

const text = document.getElementById("check-text");
const file = document.getElementById("check-file");
const drop = document.getElementById("check-drop");
const status = document.getElementById("check-status");
const list = document.getElementById("check-problems");
const preview = document.getElementById("preview");

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

function item(problem) {
  const li = document.createElement("li");
  li.className = `check-problem check-problem--${problem.severity}`;
  const tag = Object.assign(document.createElement("strong"), {
    className: "check-tag",
    textContent: problem.severity === "error" ? "Error" : "Warning",
  });
  const where = Object.assign(document.createElement("button"), {
    type: "button",
    className: "check-where",
    textContent: `Line ${problem.line}, column ${problem.column}${problem.path ? ` (${problem.path})` : ""}`,
  });
  where.addEventListener("click", () => show(problem.line, problem.column));
  const message = Object.assign(document.createElement("p"), { textContent: problem.message });
  li.append(tag, " ", where, message);
  return li;
}

function check() {
  const source = text.value;
  if (!source.trim()) {
    say("There is nothing to check: open a file or paste the feed's text.");
    list.replaceChildren();
    return;
  }
  const report = validate(source);
  const problems = [...report.errors, ...report.warnings].sort((a, b) => a.line - b.line || a.column - b.column);
  const e = report.errors.length;
  const w = report.warnings.length;
  const count = (n, one, many) => `${n} ${n === 1 ? one : many}`;
  say(
    e === 0 && w === 0
      ? "No problems found. The feed is ready to publish."
      : `${count(e, "error", "errors")} and ${count(w, "warning", "warnings")}. ${
          e ? "Items with errors are left out of the widget until they are corrected." : "Warnings do not stop the plan being shown."
        }`,
  );
  list.replaceChildren(...problems.map(item));
  preview.feed = source;
}

async function load(f) {
  text.value = await f.text();
  check();
}

document.getElementById("check-run").addEventListener("click", check);
file.addEventListener("change", () => file.files[0] && load(file.files[0]));
drop.addEventListener("dragover", (e) => {
  e.preventDefault();
  drop.classList.add("check-drop--over");
});
drop.addEventListener("dragleave", () => drop.classList.remove("check-drop--over"));
drop.addEventListener("drop", (e) => {
  e.preventDefault();
  drop.classList.remove("check-drop--over");
  const f = e.dataTransfer.files[0];
  if (f) load(f);
});
