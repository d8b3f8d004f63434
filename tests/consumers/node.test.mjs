// The package in Node, as a council web team's build, CI job or server render uses it: the
// packed tarball installed with `npm install` into an empty project, then
//
//   - `import "action-plan-tracker"` (the "node" export condition) does not throw, adds no
//     globals, registers nothing, and validate(), summarise() and render() are ready at once;
//   - a framework's server render (bundlers/server.mjs) works as it is, bundled by esbuild
//     for Node with the package inlined (as SSR builds with `noExternal` do), and CommonJS
//     can require() it;
//   - the browser entry itself, imported in Node (a server bundle made without the "node"
//     condition), does not throw either: its functions say the core could not be loaded;
//   - validate(), summarise() and render() (en and cy) give what the Rust command line gives
//     on every example, good, bad and hostile feed.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { cp, mkdtemp, rm } from "node:fs/promises";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { CONSUMERS_DIR, EXAMPLE_FEED, ensureConsumerDeps, installApp, packTarball, run, rustCli, testFeeds } from "./support.mjs";

let pack;
let app;
let rust;
let scratch;

before(async () => {
  pack = await packTarball();
  app = await installApp("node", pack.tarball);
  rust = await rustCli();
  scratch = await mkdtemp(join(tmpdir(), "apt-node-out-"));
});

after(async () => {
  if (app) await rm(app, { recursive: true, force: true });
  if (scratch) await rm(scratch, { recursive: true, force: true });
  await pack?.cleanup();
});

/** Runs an ES module script in the app folder; returns its standard output parsed as JSON. */
async function inApp(source, { cwd = app } = {}) {
  const { stdout } = await run(process.execPath, ["--input-type=module", "-e", source], { cwd });
  return JSON.parse(stdout);
}

test("import in Node: no throw, no new globals, no element, and the API ready at once", async () => {
  const r = await inApp(`
    const before = new Set(Object.getOwnPropertyNames(globalThis));
    const m = await import("action-plan-tracker");
    const added = Object.getOwnPropertyNames(globalThis).filter((k) => !before.has(k));
    const report = m.validate('{"schema_version": "1.0"}');
    let mountError = null;
    await m.mount({}).catch((e) => (mountError = e.message));
    console.log(JSON.stringify({
      names: Object.keys(m).sort(),
      added,
      element: typeof m.ActionPlanTrackerElement,
      customElements: typeof customElements,
      ok: report.ok,
      errors: report.errors.length,
      mountError,
    }));
  `);
  assert.deepEqual(r.names, ["ActionPlanTrackerElement", "mount", "render", "summarise", "validate"]);
  assert.deepEqual(r.added, [], "importing adds nothing to globalThis");
  assert.equal(r.element, "undefined", "no element class without a DOM");
  assert.equal(r.customElements, "undefined");
  assert.equal(r.ok, false);
  assert.ok(r.errors > 0);
  assert.match(r.mountError, /web page.*validate\(\), summarise\(\) or render\(\)/);
});

test("CommonJS: require('action-plan-tracker') works (no top-level await in Node's entry)", async () => {
  const { stdout } = await run(process.execPath, ["-e", `const m = require("action-plan-tracker"); console.log(JSON.stringify(m.summarise(require("fs").readFileSync(process.argv[1])).as_of))`, EXAMPLE_FEED], {
    cwd: app,
  });
  assert.equal(JSON.parse(stdout), JSON.parse(readFileSync(EXAMPLE_FEED, "utf8")).as_of);
});

test("a server render imports the element and writes the page: as it is, and bundled by esbuild for Node", { timeout: 120_000 }, async () => {
  const nodeModules = await ensureConsumerDeps();
  await cp(join(CONSUMERS_DIR, "bundlers", "server.mjs"), join(app, "server.mjs"));
  const feed = EXAMPLE_FEED;
  const plain = JSON.parse((await run(process.execPath, ["server.mjs", feed], { cwd: app })).stdout);
  assert.equal(plain.ok, true);
  assert.equal(plain.element, "undefined");
  assert.match(plain.html, /<action-plan-tracker src="plan.json">/);
  assert.match(plain.html, /\d+ of \d+ actions complete/);
  // As a framework's SSR build with the package not external: one file in build/, no .wasm beside it.
  const esbuild = await import(join(nodeModules, "esbuild", "lib", "main.js")).then((m) => m.default ?? m);
  await esbuild.build({ absWorkingDir: app, entryPoints: ["server.mjs"], bundle: true, platform: "node", format: "esm", outfile: "build/server.mjs", logLevel: "silent" });
  const bundled = readFileSync(join(app, "build", "server.mjs"), "utf8");
  assert.match(bundled, /readFileSync/, "esbuild chose the package's Node entry");
  const out = JSON.parse((await run(process.execPath, ["build/server.mjs", feed], { cwd: app })).stdout);
  assert.deepEqual(out, plain);
});

test("the browser entry imported in Node does not throw; its functions say why they cannot run", async () => {
  const r = await inApp(`
    const m = await import("./node_modules/action-plan-tracker/action-plan-tracker.js");
    let error = null;
    try { m.validate("{}"); } catch (e) { error = e.message; }
    console.log(JSON.stringify({ element: typeof m.ActionPlanTrackerElement, error, customElements: typeof customElements }));
  `);
  assert.equal(r.element, "undefined");
  assert.equal(r.customElements, "undefined");
  assert.match(r.error, /^action-plan-tracker: validate\(\) cannot run: the WebAssembly core could not be loaded/);
});

test("render() takes lang en or cy, and says so otherwise", async () => {
  const r = await inApp(`
    import { render } from "action-plan-tracker";
    import { readFileSync } from "node:fs";
    const feed = readFileSync(${JSON.stringify(EXAMPLE_FEED)}, "utf8");
    let bad = null;
    try { render(feed, { lang: "fr" }); } catch (e) { bad = e.constructor.name + ": " + e.message; }
    let notFeed = null;
    try { render("<html>"); } catch (e) { notFeed = e.message; }
    console.log(JSON.stringify({ en: render(feed).slice(0, 60), cy: render(feed, { lang: "cy" }).slice(0, 60), bad, notFeed }));
  `);
  assert.match(r.en, /^<!DOCTYPE html>\n<html lang="en">/);
  assert.match(r.cy, /^<!DOCTYPE html>\n<html lang="cy">/);
  assert.equal(r.bad, 'RangeError: render() takes lang "en" or "cy", not "fr"');
  assert.match(r.notFeed, /^the feed cannot be shown: /);
});

test("validate(), summarise() and render() give the Rust command line's results on every example, good, bad and hostile feed", { timeout: 300_000 }, async () => {
  const feeds = testFeeds();
  assert.ok(feeds.length >= 40, `${feeds.length} feeds`);
  // The package's side, in one Node process: bytes (exactly as the CLI reads them) and text.
  const results = await inApp(`
    import { validate, summarise, render } from "action-plan-tracker";
    import { readFileSync, writeFileSync } from "node:fs";
    const feeds = ${JSON.stringify(feeds)};
    const out = [];
    const attempt = (f) => { try { return { value: f() }; } catch (e) { return { error: e.message }; } };
    feeds.forEach((path, i) => {
      const bytes = readFileSync(path);
      let text = null;
      try { text = new TextDecoder("utf-8", { fatal: true }).decode(bytes); } catch {}
      const pages = {};
      for (const lang of ["en", "cy"]) {
        const page = attempt(() => render(bytes, { lang }));
        if (page.value !== undefined) writeFileSync(${JSON.stringify(scratch)} + "/" + i + "." + lang + ".node.html", page.value);
        pages[lang] = page.value !== undefined;
      }
      out.push({
        validate: validate(bytes),
        fromText: text === null ? null : validate(text),
        summary: attempt(() => summarise(bytes)),
        summaryFromText: text === null ? null : attempt(() => summarise(text)),
        pages,
      });
    });
    console.log(JSON.stringify(out));
  `);
  for (const [i, path] of feeds.entries()) {
    const name = path.split("/").slice(-2).join("/");
    const r = results[i];
    const v = await run(rust, ["validate", "--format", "json", path], { allowFailure: true });
    assert.deepEqual(r.validate, JSON.parse(v.stdout), `${name}: validate()`);
    if (r.fromText) assert.deepEqual(r.fromText, r.validate, `${name}: validate(text) = validate(bytes)`);
    const s = await run(rust, ["summary", path], { allowFailure: true });
    if (s.code === 0) assert.deepEqual(r.summary.value, JSON.parse(s.stdout), `${name}: summarise()`);
    else assert.ok(r.summary.error, `${name}: the CLI makes no summary (${s.stderr.trim()}), summarise() must throw`);
    if (r.summaryFromText) assert.deepEqual(r.summaryFromText, r.summary, `${name}: summarise(text) = summarise(bytes)`);
    for (const lang of ["en", "cy"]) {
      const page = join(scratch, `${i}.${lang}.rust.html`);
      const p = await run(rust, ["render", path, "-o", page, "--lang", lang], { allowFailure: true });
      assert.equal(r.pages[lang], p.code === 0, `${name}: render(${lang}) made a page exactly when the CLI did`);
      if (p.code === 0) {
        assert.ok(readFileSync(join(scratch, `${i}.${lang}.node.html`), "utf8") === readFileSync(page, "utf8"), `${name}: render(${lang}) = the CLI's page`);
      }
    }
  }
});
