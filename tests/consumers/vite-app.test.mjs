// A Vite 7 app that depends on the packed tarball, as a council web team's site would:
// vite-app/ is copied to a temporary folder, `npm install <tarball>` adds the package (and the
// app's locked Vite), `npm run build` bundles `import { mount } from "action-plan-tracker"`,
// and the built dist/ is served and opened in Chromium. The .wasm must be emitted as an asset
// and found by the bundled glue, and tree-shaking must keep the element's registration.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { cp, mkdir, rm } from "node:fs/promises";
import { join } from "node:path";
import { startServer, launchBrowser, runAxe, formatViolations, screenshot, trackPageErrors } from "../browser/harness.mjs";
import { CONSUMERS_DIR, EXAMPLE_FEED, npm, packTarball, tempDir, listFiles, recordTrackerEvents } from "./support.mjs";

let pack;
let app;
let server;
let browser;
let trackerEvents;

before(async () => {
  pack = await packTarball();
  app = await tempDir("vite-app");
  for (const f of ["package.json", "package-lock.json", "index.html", "main.js"]) {
    await cp(join(CONSUMERS_DIR, "vite-app", f), join(app, f));
  }
  await mkdir(join(app, "public"));
  await cp(EXAMPLE_FEED, join(app, "public", "northbridge.json"));
  // As a web team would: the app's own (locked) Vite, then the package.
  await npm(["install", "--no-audit", "--no-fund", "--prefer-offline", pack.tarball], { cwd: app });
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (app) await rm(app, { recursive: true, force: true });
  await pack?.cleanup();
});

test("npm install <tarball> puts the packed package, and nothing else of ours, in node_modules", async () => {
  const installed = JSON.parse(readFileSync(join(app, "node_modules", "action-plan-tracker", "package.json"), "utf8"));
  assert.equal(installed.version, pack.info.version);
  const files = await listFiles(join(app, "node_modules", "action-plan-tracker"));
  assert.deepEqual(files, pack.info.files.map((f) => f.path).sort());
  const appManifest = JSON.parse(readFileSync(join(app, "package.json"), "utf8"));
  assert.match(appManifest.dependencies["action-plan-tracker"], /^file:.*\.tgz$/);
  const vite = JSON.parse(readFileSync(join(app, "node_modules", "vite", "package.json"), "utf8"));
  assert.match(vite.version, /^7\./, "the app builds with Vite 7");
});

test("vite build bundles the element and emits the .wasm as an asset", { timeout: 180_000 }, async () => {
  const { stdout, stderr } = await npm(["run", "build"], { cwd: app });
  const dist = await listFiles(join(app, "dist"));
  assert.ok(dist.includes("index.html"), `dist/: ${dist.join(", ")}`);
  assert.ok(dist.includes("northbridge.json"), "public/ is copied into dist/");
  const wasm = dist.filter((f) => f.endsWith(".wasm"));
  assert.equal(wasm.length, 1, `one .wasm asset in dist/ (${dist.join(", ")})\n${stdout}\n${stderr}`);
  assert.match(wasm[0], /^assets\/action_plan_tracker_core_bg-[\w-]+\.wasm$/);
  const js = dist.filter((f) => f.endsWith(".js"));
  assert.ok(js.length >= 1);
  const bundle = js.map((f) => readFileSync(join(app, "dist", f), "utf8")).join("\n");
  assert.ok(bundle.includes("customElements.define"), "the element's registration survives tree-shaking");
  assert.ok(bundle.includes(wasm[0].slice("assets/".length)), "the bundle refers to the emitted .wasm");
  assert.doesNotMatch(stderr, /error/i, stderr);
});

test("the built app shows the tracker in Chromium: mount(), validate(), summarise() and the element work", { timeout: 90_000 }, async () => {
  server = await startServer(join(app, "dist"));
  browser = await launchBrowser();
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  const errors = trackPageErrors(page);
  const wasmResponses = [];
  page.on("response", (r) => {
    if (r.url().endsWith(".wasm")) wasmResponses.push({ status: r.status(), type: r.headers()["content-type"] });
  });
  await recordTrackerEvents(page);
  await page.goto(server.url);
  await page.waitForFunction(() => document.documentElement.dataset.consumer === "ready", null, { timeout: 30_000 });
  trackerEvents = await page.evaluate(() => window.__trackerEvents);
  const result = await page.evaluate(() => window.__consumer);
  const feed = JSON.parse(readFileSync(EXAMPLE_FEED, "utf8"));
  assert.equal(result.tag, "action-plan-tracker");
  assert.equal(result.defined, true, "the element mount() returns is the registered <action-plan-tracker>");
  assert.equal(result.ok, true, "validate() on the example feed");
  assert.equal(result.errors, 0);
  assert.equal(result.summarised, feed.actions.length, "summarise() counts every action of the example");
  assert.equal(result.summary.actions.total, feed.actions.length, "the element's summary");
  assert.equal(result.summary.as_of, feed.as_of);
  assert.deepEqual(wasmResponses, [{ status: 200, type: "application/wasm" }]);
  const title = await page.locator("action-plan-tracker h2.apt-title").first().textContent();
  const planTitle = typeof feed.plan.title === "string" ? feed.plan.title : feed.plan.title.en;
  assert.equal(title.trim(), planTitle);
  await assert.doesNotReject(page.locator("action-plan-tracker .apt-headline").waitFor());
  const status = await page.locator("#status").textContent();
  assert.match(status, /^\d+ of \d+ actions complete\.$/);
  const violations = await runAxe(page);
  assert.deepEqual(violations, [], formatViolations(violations));
  await screenshot(page, "consumer-vite-app");
  assert.deepEqual(errors, []);
});

test(
  "mount() into a container sends tracker-ready only, not first a tracker-error for the feed it has not yet been given",
  () => {
    assert.ok(trackerEvents, "the previous test ran");
    assert.deepEqual(trackerEvents.map((e) => e.type), ["tracker-ready"], JSON.stringify(trackerEvents.map((e) => [e.type, e.detail.message ?? ""])));
  },
);
