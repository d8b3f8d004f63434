#!/usr/bin/env node
// `npx action-plan-tracker validate|summary|render`: the command line of cli.md for people and
// pipelines with Node but no Rust toolchain, on the same WebAssembly core as the widget.
//
// The checks, summaries and pages come from the same core as the Rust command line (cliCheck
// and renderStaticPage in src/web/api.rs: the problems in the file's order, the summary, the
// page); this file reads files, parses the arguments and words the report as src/cli.rs
// does, and tests/consumers/cli.test.mjs checks that the two print the same, byte for byte.
// Importing and exporting spreadsheets (and `schema`) stay in the Rust command line: the
// spreadsheet reader would more than double the package. Exit status: 0 fine, 1 problems
// (errors in a feed, a feed that cannot be shown), 2 a file that validate cannot read, or a
// usage mistake.
import { closeSync, openSync, readFileSync, readSync, writeFileSync } from "node:fs";
import { initSync, cliCheck, renderStaticPage, sinceUsage } from "./action_plan_tracker_core.js";

/** The largest feed accepted (feed-v1.md); one byte more is read, so the core can say so. */
const MAX_BYTES = 20 * 1024 * 1024;

const USAGE = `usage:
  npx action-plan-tracker validate [--format json] FEED...   check feeds (- reads standard input)
  npx action-plan-tracker summary FEED [--since DATE]        print the summary as JSON, with the
                                    changes since the last meeting before as_of (or DATE)
  npx action-plan-tracker render FEED -o PAGE.html [--lang cy] [--since DATE] [--full]
                                    the plan as one HTML page that needs no JavaScript
  -o - writes to standard output (and the report to standard error)

Exit status: 0 fine (warnings allowed), 1 errors found or the feed cannot be shown,
2 a file could not be read (validate) or the command was not understood.

import (a feed from the spreadsheet template), export (a feed to the template) and schema
(the feed's JSON Schema) are in the Rust command line only: build it with cargo (see the
project's README), or use the feed checker page for spreadsheets.
`;

class Usage extends Error {}

/** How a path is named in messages. */
const shown = (path) => (path === "-" ? "(standard input)" : path);
const outputName = (path) => (path === "-" ? "(standard output)" : path);

/** A file system error in words, like Rust's (without its error number). */
function why(e) {
  const words = {
    ENOENT: "No such file or directory",
    EACCES: "Permission denied",
    EISDIR: "Is a directory",
    ENOTDIR: "Not a directory",
    EPERM: "Operation not permitted",
  };
  return words[e?.code] ?? e?.message ?? String(e);
}

/** Reads at most MAX_BYTES + 1 bytes of a file descriptor. */
function readLimited(fd) {
  const chunks = [];
  let size = 0;
  for (;;) {
    const buf = Buffer.alloc(Math.min(1 << 20, MAX_BYTES + 1 - size));
    if (buf.length === 0) break;
    let n;
    try {
      n = readSync(fd, buf, 0, buf.length, null);
    } catch (e) {
      // Standard input opened non-blocking (some terminals and pipes): wait and read again.
      if (e.code === "EAGAIN") {
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
        continue;
      }
      if (e.code === "EOF") break;
      throw e;
    }
    if (n === 0) break;
    chunks.push(buf.subarray(0, n));
    size += n;
  }
  return new Uint8Array(Buffer.concat(chunks, size));
}

/** The bytes of FEED (`-` is standard input), or throws a message saying why not. */
function read(path) {
  try {
    if (path === "-") return readLimited(0);
    const fd = openSync(path, "r");
    try {
      return readLimited(fd);
    } finally {
      closeSync(fd);
    }
  } catch (e) {
    throw new Error(`${shown(path)}: cannot read the file: ${why(e)}`);
  }
}

/** Writes the output to the file `path`, or to standard output for `-`. */
function writeOutput(path, text) {
  if (path === "-") {
    out(text);
    return;
  }
  try {
    writeFileSync(path, text);
  } catch (e) {
    throw new Error(`${path}: cannot write it: ${why(e)}`);
  }
}

let stdout = "";
let stderr = "";
const out = (s) => (stdout += s);
const err = (s) => (stderr += s);

const plural = (n, one, many) => `${n} ${n === 1 ? one : many}`;

/** Text safe to print on a terminal: control characters as `\u{..}` escapes (cli.rs's printable). */
const printable = (s) => s.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\u{${c.codePointAt(0).toString(16).padStart(4, "0")}}`);

/** The human report on a checked file named `name` (cli.rs's human): one line a problem, then the counts. */
function human(name, check) {
  let text = "";
  for (const p of check.problems) {
    const path = p.path === "" ? "" : `${p.path}: `;
    text += `${printable(`${name}:${p.line}:${p.column}: ${p.severity}: ${path}${p.message}`)}\n`;
  }
  const errors = check.problems.filter((p) => p.severity === "error").length;
  const counts = `${plural(errors, "error", "errors")}, ${plural(check.problems.length - errors, "warning", "warnings")}`;
  const s = check.summary;
  if (s == null) return `${text}${name}: cannot be read as a feed (${counts})\n`;
  if (check.problems.length === 0) {
    return `${text}${name}: no problems found (${plural(s.actions.total, "action", "actions")}, ${plural(s.indicators.total, "indicator", "indicators")})\n`;
  }
  if (errors > 0) return `${text}${name}: ${counts}; the widget leaves out each bad field (the whole item when an id or a required field is bad)\n`;
  return `${text}${name}: ${counts}\n`;
}

/**
 * The summary's fields that are floating-point numbers in Rust (src/derive/summary.rs). serde_json
 * writes a whole one as `50.0`, JavaScript as `50`; tests/consumers/cli.test.mjs compares the
 * two command lines' output byte for byte, so a new float field must be added here.
 */
const FLOAT_FIELDS = new Set(["percent_complete"]);

/** JSON as the Rust command line prints it (serde_json's pretty form, two spaces). */
function prettyJson(value) {
  const mark = "\u0001float:";
  const text = JSON.stringify(value, (key, v) => (FLOAT_FIELDS.has(key) && Number.isInteger(v) ? `${mark}${v}` : v), 2);
  return text.replace(/"\\u0001float:(-?\d+)"/g, "$1.0") + "\n";
}

function validateCommand(args) {
  let json = false;
  const files = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "--format") {
      const v = args[++i];
      if (v === "json") json = true;
      else if (v === "text" || v === "human") json = false;
      else throw new Usage(`--format takes json or text, not ${v ?? "nothing"}`);
    } else if (a === "--format=json") json = true;
    else if (a.startsWith("-") && a !== "-") throw new Usage(`unknown option ${a}`);
    else files.push(a);
  }
  if (files.length === 0) throw new Usage("validate needs at least one feed file");
  let status = 0;
  const reports = [];
  for (const path of files) {
    let bytes;
    try {
      bytes = read(path);
    } catch (e) {
      err(`action-plan-tracker: ${e.message}\n`);
      status = 2;
      continue;
    }
    const check = cliCheck(bytes);
    const errors = check.problems.filter((p) => p.severity === "error");
    if (errors.length > 0 && status === 0) status = 1;
    if (json) reports.push({ ok: errors.length === 0, errors, warnings: check.problems.filter((p) => p.severity !== "error") });
    else out(human(shown(path), check));
  }
  if (json) out(JSON.stringify(reports.length === 1 ? reports[0] : reports, null, 2) + "\n");
  return status;
}

function summaryCommand(args) {
  // Read as src/cli.rs reads them: one feed, and --since DATE or --since=DATE.
  const files = [];
  let sinceText = null;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg.startsWith("--since=")) sinceText = arg.slice("--since=".length);
    else if (arg === "--since") {
      if (i + 1 >= args.length) throw new Usage("--since needs a date, YYYY-MM-DD");
      sinceText = args[++i];
    } else if (arg.startsWith("-") && arg !== "-") throw new Usage(`unknown option ${arg}`);
    else files.push(arg);
  }
  if (files.length !== 1) throw new Usage("summary takes exactly one feed file");
  const [path] = files;
  const bad = sinceText === null ? undefined : sinceUsage(sinceText);
  if (bad) throw new Usage(bad);
  let bytes;
  try {
    bytes = read(path);
  } catch (e) {
    err(`action-plan-tracker: ${e.message}\n`);
    return 1;
  }
  const check = cliCheck(bytes, sinceText ?? undefined);
  if (check.since_too_late) throw new Usage(check.since_too_late);
  if (check.summary != null) {
    out(prettyJson(check.summary));
    return 0;
  }
  err(`action-plan-tracker: ${shown(path)} cannot be read as a feed:\n`);
  for (const p of check.problems) err(`  line ${p.line}, column ${p.column}: ${p.message}\n`);
  return 1;
}

/** render's arguments, read as src/cli.rs reads them. */
function renderArgs(args) {
  const files = [];
  let output = null;
  let lang = null;
  let since = null;
  let full = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const eq = arg.indexOf("=");
    const [name, inline] = eq >= 0 && arg.slice(0, eq).startsWith("--") ? [arg.slice(0, eq), arg.slice(eq + 1)] : [arg, null];
    const value = (what) => {
      const v = inline ?? args[++i];
      if (v === undefined) throw new Usage(`${name} needs ${what}`);
      return v;
    };
    if (name === "-o" || name === "--output") {
      if (output !== null) throw new Usage("give -o only once");
      output = value("the file to write");
    } else if (name === "--lang") lang = value("a language, en or cy");
    else if (name === "--since") since = value("a date, YYYY-MM-DD");
    else if (name === "--full" && inline === null) full = true;
    else if (name.startsWith("-") && name !== "-") throw new Usage(`unknown option ${name}`);
    else files.push(name);
  }
  return { files, output, lang, since, full };
}

function renderCommand(args) {
  const a = renderArgs(args);
  // As src/cli.rs: a --since that is not a date first, then the files.
  const bad = a.since === null ? undefined : sinceUsage(a.since);
  if (bad) throw new Usage(bad);
  if (a.files.length !== 1 || a.output === null) throw new Usage("render takes one feed file and -o PAGE.html");
  const [path] = a.files;
  const l = a.lang?.toLowerCase();
  let lang;
  if (l === undefined || l === "en" || l.startsWith("en-")) lang = "en";
  else if (l === "cy" || l.startsWith("cy-")) lang = "cy";
  else throw new Usage(`--lang takes en or cy, not ${l}`);
  let bytes;
  try {
    bytes = read(path);
  } catch (e) {
    err(`action-plan-tracker: ${e.message}\n`);
    return 1;
  }
  const check = cliCheck(bytes, a.since ?? undefined);
  if (check.since_too_late) throw new Usage(check.since_too_late);
  // The report goes to standard error when the page goes to standard output.
  const report = a.output === "-" ? err : out;
  let html;
  try {
    html = renderStaticPage(bytes, lang, a.since ?? undefined, a.full);
  } catch {
    report(human(shown(path), check));
    report(`${shown(path)}: cannot be shown, so no page was written\n`);
    return 1;
  }
  try {
    writeOutput(a.output, html);
  } catch (e) {
    err(`action-plan-tracker: ${e.message}\n`);
    return 1;
  }
  if (check.problems.length > 0) report(human(shown(path), check));
  report(`${shown(path)}: page written to ${outputName(a.output)}\n`);
  return 0;
}

function run(args) {
  const [command, ...rest] = args;
  try {
    switch (command) {
      case "validate":
        return validateCommand(rest);
      case "summary":
        return summaryCommand(rest);
      case "render":
        return renderCommand(rest);
      case "-h":
      case "--help":
      case "help":
        out(USAGE);
        return 0;
      case "import":
      case "export":
      case "schema":
        throw new Usage(`${command} is in the Rust command line only, not in the npm package`);
      default:
        throw new Usage("unknown command");
    }
  } catch (e) {
    if (!(e instanceof Usage)) throw e;
    err(`action-plan-tracker: ${e.message}\n${USAGE}`);
    return 2;
  }
}

let status;
try {
  initSync({ module: readFileSync(new URL("./action_plan_tracker_core_bg.wasm", import.meta.url)) });
  status = run(process.argv.slice(2));
} catch (e) {
  // Never a stack trace: say what failed, in one line.
  err(`action-plan-tracker: ${e?.message ?? e}\n`);
  status = 2;
}
process.exitCode = status;
for (const [stream, text] of [
  [process.stdout, stdout],
  [process.stderr, stderr],
]) {
  // A closed pipe (`... | head`) is not worth a stack trace.
  stream.on("error", () => (process.exitCode = 2));
  if (text) stream.write(text);
}
