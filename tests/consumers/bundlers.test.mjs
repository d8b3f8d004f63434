// The packed tarball bundled by webpack 5, Rollup 4 and esbuild, each as plainly as it can be:
// no loader or plugin for the .wasm or the top-level await. bundlers/main.js (`import { mount,
// validate, summarise } from "action-plan-tracker"`) is built in a temporary project whose
// node_modules/ holds the unpacked tarball, the output is served, and Chromium must show the
// tracker. What each needs is what docs/web-teams.md says:
//
//   webpack  nothing: it emits the .wasm as an asset (`new URL(…, import.meta.url)`) and runs
//            the top-level await; it warns that the .wasm is over its 244 KiB hint.
//   Rollup   @rollup/plugin-node-resolve (Rollup itself finds no package in node_modules),
//            then the .wasm copied beside the bundle (Rollup emits no assets without a plugin).
//   esbuild  the .wasm copied beside the bundle (it leaves `new URL(…, import.meta.url)` be).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { cp, mkdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { startServer, launchBrowser, screenshot, trackPageErrors } from "../browser/harness.mjs";
import { CONSUMERS_DIR, EXAMPLE_FEED, WASM, ensureConsumerDeps, packTarball, tempDir, untar, listFiles, recordTrackerEvents } from "./support.mjs";

const FEED = JSON.parse(readFileSync(EXAMPLE_FEED, "utf8"));
const TEMPLATE = readFileSync(join(CONSUMERS_DIR, "bundlers", "index.html"), "utf8");

let nodeModules;
let pack;
let browser;
const dirs = [];

before(async () => {
  nodeModules = await ensureConsumerDeps();
  pack = await packTarball();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  for (const d of dirs) await rm(d, { recursive: true, force: true });
  await pack?.cleanup();
});

/** A project folder with main.js and the package unpacked in node_modules/, as npm installs it. */
async function project(label) {
  const dir = await tempDir(`bundle-${label}`);
  dirs.push(dir);
  await cp(join(CONSUMERS_DIR, "bundlers", "main.js"), join(dir, "main.js"));
  await untar(pack.tarball, join(dir, "node_modules", "action-plan-tracker"));
  return dir;
}

/** The test tools' own copy of a bundler (tests/consumers/node_modules). */
async function tool(name) {
  const pkg = JSON.parse(readFileSync(join(nodeModules, name, "package.json"), "utf8"));
  const exp = pkg.exports?.["."];
  const entry = typeof exp === "string" ? exp : (exp?.import?.default ?? exp?.import ?? exp?.default?.default ?? exp?.default ?? pkg.main);
  return import(pathToFileURL(join(nodeModules, name, typeof entry === "string" ? entry : pkg.main)).href);
}

/** Writes dist/index.html (script tag `attrs`) and the feed, serves dist/ and checks the page. */
async function showsTracker(dir, label, attrs) {
  const dist = join(dir, "dist");
  await writeFile(join(dist, "index.html"), TEMPLATE.replace("{{SCRIPT}}", attrs));
  await cp(EXAMPLE_FEED, join(dist, "northbridge.json"));
  const server = await startServer(dist);
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  try {
    const errors = trackPageErrors(page);
    const wasm = [];
    page.on("response", (r) => {
      if (r.url().endsWith(".wasm")) wasm.push({ status: r.status(), type: r.headers()["content-type"] });
    });
    await recordTrackerEvents(page);
    await page.goto(server.url);
    await page.waitForFunction(() => document.documentElement.dataset.consumer === "ready", null, { timeout: 30_000 });
    const result = await page.evaluate(() => window.__consumer);
    assert.equal(result.defined, true, "mount() gives the registered <action-plan-tracker>");
    assert.equal(result.ok, true, "validate() on the example feed");
    assert.equal(result.summarised, FEED.actions.length, "summarise()");
    assert.equal(result.summary.actions.total, FEED.actions.length, "the element's summary");
    assert.deepEqual(wasm, [{ status: 200, type: "application/wasm" }]);
    const events = await page.evaluate(() => window.__trackerEvents.map((e) => e.type));
    assert.deepEqual(events, ["tracker-ready"]);
    const title = await page.locator("action-plan-tracker h2.apt-title").first().textContent();
    assert.equal(title.trim(), typeof FEED.plan.title === "string" ? FEED.plan.title : FEED.plan.title.en);
    await page.locator("action-plan-tracker .apt-headline").waitFor();
    await screenshot(page, `consumer-${label}`);
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
    await server.close();
  }
}

/** The bundle's text, to check what it kept. */
async function bundleText(dir) {
  const files = (await listFiles(join(dir, "dist"))).filter((f) => f.endsWith(".js"));
  assert.ok(files.length >= 1, "a JavaScript bundle");
  return files.map((f) => readFileSync(join(dir, "dist", f), "utf8")).join("\n");
}

function noNodeModulesInBundle(text) {
  assert.ok(text.includes("customElements.define"), "the element's registration survives tree-shaking");
  assert.doesNotMatch(text, /node:fs|readFileSync/, "the browser bundle has the browser entry, not Node's");
}

test("webpack 5, no configuration beyond entry and output: builds, emits the .wasm, and the page shows the tracker", { timeout: 240_000 }, async () => {
  const dir = await project("webpack");
  const { default: webpack } = await tool("webpack");
  const stats = await new Promise((ok, fail) =>
    webpack({ mode: "production", context: dir, entry: "./main.js", output: { path: join(dir, "dist"), filename: "main.js" } }, (e, s) =>
      e ? fail(e) : ok(s),
    ),
  );
  const info = stats.toJson({ all: false, errors: true, warnings: true, assets: true });
  assert.deepEqual(info.errors.map((e) => e.message), [], "no build errors");
  // The only warnings are webpack's size hints about the .wasm (the size budget is size.test.mjs's).
  for (const w of info.warnings) assert.match(w.message, /size limit|performance|exceed/i, w.message);
  const dist = await listFiles(join(dir, "dist"));
  assert.equal(dist.filter((f) => f.endsWith(".wasm")).length, 1, `one .wasm emitted: ${dist.join(", ")}`);
  noNodeModulesInBundle(await bundleText(dir));
  await showsTracker(dir, "webpack", "defer");
});

test("Rollup 4 with @rollup/plugin-node-resolve only, the .wasm copied beside the bundle: the page shows the tracker", { timeout: 240_000 }, async () => {
  const dir = await project("rollup");
  const { rollup } = await tool("rollup");
  const { nodeResolve } = await tool("@rollup/plugin-node-resolve");
  const warnings = [];
  const bundle = await rollup({ input: join(dir, "main.js"), plugins: [nodeResolve()], onwarn: (w) => warnings.push(w.message) });
  await bundle.write({ dir: join(dir, "dist"), format: "es" });
  await bundle.close();
  assert.deepEqual(warnings, [], "Rollup has nothing to warn about");
  await mkdir(join(dir, "dist"), { recursive: true });
  await cp(join(dir, "node_modules", "action-plan-tracker", WASM), join(dir, "dist", WASM));
  noNodeModulesInBundle(await bundleText(dir));
  await showsTracker(dir, "rollup", 'type="module"');
});

test("esbuild --bundle --format=esm, the .wasm copied beside the bundle: the page shows the tracker", { timeout: 240_000 }, async () => {
  const dir = await project("esbuild");
  const mod = await tool("esbuild");
  const esbuild = mod.default ?? mod;
  const result = await esbuild.build({
    absWorkingDir: dir,
    entryPoints: ["main.js"],
    bundle: true,
    format: "esm",
    outdir: "dist",
    minify: true,
    logLevel: "silent",
  });
  assert.deepEqual(result.errors, []);
  assert.deepEqual(result.warnings.map((w) => w.text), []);
  await cp(join(dir, "node_modules", "action-plan-tracker", WASM), join(dir, "dist", WASM));
  noNodeModulesInBundle(await bundleText(dir));
  await showsTracker(dir, "esbuild", 'type="module"');
});

test("two copies of the package on one page (two bundles, two versions): one registration, both APIs work", { timeout: 120_000 }, async () => {
  const dir = await tempDir("two-copies");
  dirs.push(dir);
  for (const copy of ["a", "b"]) await untar(pack.tarball, join(dir, copy));
  await cp(EXAMPLE_FEED, join(dir, "northbridge.json"));
  await writeFile(
    join(dir, "index.html"),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Two copies</title><link rel="icon" href="data:,"></head>
<body><main><h1>Two copies</h1><div id="tracker"></div></main>
<script type="module">
  const a = await import("./a/action-plan-tracker.js");
  const b = await import("./b/action-plan-tracker.js");
  const text = await (await fetch("northbridge.json")).text();
  const tracker = await b.mount(document.getElementById("tracker"), { feed: text });
  window.__copies = {
    registered: customElements.get("action-plan-tracker") === a.ActionPlanTrackerElement,
    second: b.ActionPlanTrackerElement !== a.ActionPlanTrackerElement,
    instance: tracker instanceof a.ActionPlanTrackerElement,
    total: tracker.summary && tracker.summary.actions.total,
    a: a.validate(text).ok,
    b: b.summarise(text).actions.total,
  };
</script></body></html>`,
  );
  const server = await startServer(dir);
  const page = await browser.newPage();
  try {
    const errors = trackPageErrors(page);
    await page.goto(server.url);
    await page.waitForFunction(() => window.__copies, null, { timeout: 30_000 });
    const r = await page.evaluate(() => window.__copies);
    assert.deepEqual(r, { registered: true, second: true, instance: true, total: FEED.actions.length, a: true, b: FEED.actions.length });
    await page.locator("action-plan-tracker .apt-headline").waitFor();
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
    await server.close();
  }
});
