// `npx action-plan-tracker` (the package's bin) against the Rust command line (cli.md), on the
// packed tarball installed with `npm install` into an empty project: for every example, good
// and bad feed, validate (text and --format json, one file and many), summary and render
// (en, and cy for the examples) must print the same bytes, write the same page and end with
// the same exit status as target/debug/action-plan-tracker; standard input, unreadable files
// and usage mistakes too. `--help` says that import and export stay in the Rust command line.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { spawn } from "node:child_process";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { installApp, npm, packTarball, run, rustCli, testFeeds } from "./support.mjs";

let pack;
let app;
let rust;
let npx;
let scratch;

before(async () => {
  pack = await packTarball();
  app = await installApp("cli", pack.tarball);
  rust = await rustCli();
  npx = join(app, "node_modules", ".bin", "action-plan-tracker");
  scratch = await mkdtemp(join(tmpdir(), "apt-cli-out-"));
});

after(async () => {
  if (app) await rm(app, { recursive: true, force: true });
  if (scratch) await rm(scratch, { recursive: true, force: true });
  await pack?.cleanup();
});

/** Runs a command with `input` on standard input; resolves with { code, stdout, stderr }. */
function exec(cmd, args, input = "") {
  return new Promise((ok, fail) => {
    const child = spawn(cmd, args, { cwd: scratch, stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", fail);
    child.on("close", (code) => ok({ code, stdout, stderr }));
    child.stdin.on("error", () => {});
    child.stdin.end(input);
  });
}

/** Both command lines on the same arguments; asserts the same status and standard output. */
async function same(args, { input = "", stderr = "same" } = {}) {
  const [r, n] = await Promise.all([exec(rust, args, input), exec(npx, args, input)]);
  const what = `action-plan-tracker ${args.join(" ")}`;
  assert.equal(n.code, r.code, `${what}: exit status (npx: ${n.stderr})`);
  assert.equal(n.stdout, r.stdout, `${what}: standard output`);
  if (stderr === "same") assert.equal(n.stderr, r.stderr, `${what}: standard error`);
  else if (stderr === "first line") assert.equal(n.stderr.split("\n")[0], r.stderr.split("\n")[0], `${what}: standard error's first line`);
  return { rust: r, npx: n };
}

test("the package has a bin, and npx runs it", async () => {
  const manifest = JSON.parse(readFileSync(join(app, "node_modules", "action-plan-tracker", "package.json"), "utf8"));
  assert.deepEqual(manifest.bin, { "action-plan-tracker": "./action-plan-tracker-cli.js" });
  const feed = testFeeds().find((f) => f.endsWith("northbridge.json"));
  const { code, stdout } = await npm(["exec", "--offline", "--", "action-plan-tracker", "validate", feed], { cwd: app, allowFailure: true });
  assert.equal(code, 0, stdout);
  assert.match(stdout, /northbridge\.json: (no problems found|\d+ errors?, \d+ warnings?)/);
});

test("--help: the commands, the exit statuses, and import/export only in the Rust command line", async () => {
  for (const arg of ["--help", "-h", "help"]) {
    const { code, stdout, stderr } = await exec(npx, [arg]);
    assert.equal(code, 0);
    assert.equal(stderr, "");
    for (const word of ["validate", "--format json", "summary", "render", "-o PAGE.html", "--lang cy", "- reads standard input"]) {
      assert.ok(stdout.includes(word), `--help mentions ${word}`);
    }
    assert.match(stdout, /import.*export.*Rust command line only/s);
  }
  for (const cmd of ["import", "export", "schema"]) {
    const { code, stderr } = await exec(npx, [cmd, "x"]);
    assert.equal(code, 2, `${cmd}: a usage mistake here`);
    assert.match(stderr, new RegExp(`^action-plan-tracker: ${cmd} is in the Rust command line only`));
  }
});

test("validate, text and --format json, over every feed at once: the same as the Rust command line", { timeout: 120_000 }, async () => {
  const feeds = testFeeds();
  assert.ok(feeds.length >= 40);
  const text = await same(["validate", ...feeds]);
  assert.equal(text.rust.code, 1, "the bad feeds have errors");
  await same(["validate", "--format", "json", ...feeds]);
  await same(["validate", "--format=json", ...feeds.slice(0, 5)]);
});

test("validate one feed, with --format json: an object, not a list", async () => {
  for (const feed of testFeeds().filter((f, i) => i % 10 === 0)) {
    await same(["validate", feed]);
    await same(["validate", "--format", "json", feed]);
  }
});

test("summary and render, one feed at a time: the same output, page and exit status", { timeout: 600_000 }, async () => {
  const feeds = testFeeds();
  const examples = feeds.filter((f) => f.includes("/www/examples/"));
  for (const [i, feed] of feeds.entries()) {
    await same(["summary", feed]);
    const langs = examples.includes(feed) ? ["en", "cy"] : ["en"];
    for (const lang of langs) {
      const pages = { rust: join(scratch, `${i}.${lang}.rust.html`), npx: join(scratch, `${i}.${lang}.npx.html`) };
      const [r, n] = await Promise.all([
        exec(rust, ["render", feed, "-o", pages.rust, "--lang", lang]),
        exec(npx, ["render", feed, "-o", pages.npx, "--lang", lang]),
      ]);
      assert.equal(n.code, r.code, `render ${feed} --lang ${lang}: exit status (${n.stderr})`);
      assert.equal(n.stdout, r.stdout.replace(pages.rust, pages.npx), `render ${feed}: standard output`);
      assert.equal(existsSync(pages.npx), existsSync(pages.rust), `render ${feed}: a page written exactly when the CLI writes one`);
      if (r.code === 0) assert.ok(readFileSync(pages.npx, "utf8") === readFileSync(pages.rust, "utf8"), `render ${feed} --lang ${lang}: the same page`);
    }
  }
});

test("summary --since DATE and render --since DATE: the same changes, page and exit status", { timeout: 120_000 }, async () => {
  const cwm = testFeeds().find((f) => f.endsWith("cwm-tawel.json"));
  for (const since of ["2026-07-09", "--since=2026-01-01"]) {
    const args = since.startsWith("--") ? ["summary", cwm, since] : ["summary", cwm, "--since", since];
    const { npx: n } = await same(args);
    assert.equal(n.code, 0, n.stderr);
    const summary = JSON.parse(n.stdout);
    assert.equal(summary.changes.since, since.replace("--since=", ""));
  }
  const [r, n] = [join(scratch, "since-rust.html"), join(scratch, "since-npx.html")];
  const a = await exec(rust, ["render", cwm, "-o", r, "--since", "2026-07-09"]);
  const b = await exec(npx, ["render", cwm, "-o", n, "--since", "2026-07-09"]);
  assert.equal(b.code, a.code, b.stderr);
  assert.equal(readFileSync(n, "utf8"), readFileSync(r, "utf8"), "the same page");
});

test("- reads standard input; -o - writes the page to standard output and the report to standard error", async () => {
  const feed = readFileSync(testFeeds().find((f) => f.endsWith("northbridge.json")));
  await same(["validate", "-"], { input: feed });
  await same(["validate", "--format", "json", "-"], { input: "{\n\"x\": }" });
  await same(["summary", "-"], { input: feed });
  await same(["summary", "-"], { input: "[]" });
  await same(["render", "-", "-o", "-", "--lang", "cy"], { input: feed });
  await same(["render", "-", "-o", "-"], { input: "<html>" });
});

test("files that cannot be read, and usage mistakes: the same exit status and first line", async () => {
  const missing = join(scratch, "no-such-feed.json");
  await writeFile(join(scratch, "ok.json"), readFileSync(testFeeds().find((f) => f.endsWith("northbridge.json"))));
  // The message after "cannot read the file:" is the operating system's, worded by each.
  const prefix = async (args, code) => {
    const [r, n] = await Promise.all([exec(rust, args), exec(npx, args)]);
    assert.equal(r.code, code, `the Rust CLI: ${args.join(" ")}`);
    assert.equal(n.code, code, `npx: ${args.join(" ")}: ${n.stderr}`);
    assert.equal(n.stdout, r.stdout);
    assert.equal(n.stderr.split(": cannot read the file:")[0], r.stderr.split(": cannot read the file:")[0]);
  };
  await prefix(["validate", missing], 2);
  await prefix(["validate", "ok.json", missing], 2);
  await prefix(["summary", missing], 1);
  await prefix(["render", missing, "-o", join(scratch, "x.html")], 1);
  for (const args of [
    [],
    ["frobnicate"],
    ["validate"],
    ["validate", "--format"],
    ["validate", "--format", "xml", "ok.json"],
    ["validate", "--format=text", "ok.json"],
    ["validate", "--strict", "ok.json"],
    ["summary"],
    ["summary", "a.json", "b.json"],
    ["render", "ok.json"],
    ["render", "ok.json", "-o"],
    ["render", "ok.json", "-o", "a.html", "-o", "b.html"],
    ["render", "ok.json", "-o", "a.html", "--lang", "fr"],
    ["render", "ok.json", "-o", "a.html", "--colour"],
    ["summary", "ok.json", "--since"],
    ["summary", "ok.json", "--since", "15/09/2026"],
    ["summary", "ok.json", "--since=2026-02-30"],
    ["summary", "ok.json", "--since", "2027-01-01"],
    ["render", "ok.json", "-o", "a.html", "--since", "soon"],
  ]) {
    const { rust: r, npx: n } = await same(args, { stderr: "first line" });
    assert.equal(r.code, 2, `${args.join(" ")} is a usage mistake`);
    assert.equal(n.stdout, "");
    assert.match(n.stderr, /\nusage:\n/);
  }
});
