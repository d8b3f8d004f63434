// No build step: a plain HTML page whose <script type="module"> points at the package's files
// as a CDN copy (unpkg, jsDelivr) or the council's own server would serve them: the tarball is
// unpacked into a folder and served. The page carries the Content-Security-Policy that
// docs/web-teams.md recommends, and holds two trackers (a full one and a Welsh compact card)
// that must work independently.
//
// Then the same page with the package and the feed on other origins (a CDN and a data host that
// send Access-Control-Allow-Origin), and what happens when a web team gets the set-up wrong: a
// feed host without CORS (the widget says so and offers to try again) and a CSP without
// 'wasm-unsafe-eval' (the module cannot start; the element's fallback content stays visible).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { mkdir, cp, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { launchBrowser, runAxe, formatViolations, screenshot, trackPageErrors, REPO_ROOT } from "../browser/harness.mjs";
import { CONSUMERS_DIR, EXAMPLE_FEED, packTarball, tempDir, untar, listFiles, serveWithHeaders, recordTrackerEvents, waitForTrackers } from "./support.mjs";

const AXE_SOURCE = join(REPO_ROOT, "node_modules", "axe-core", "axe.min.js");
const TEMPLATE = readFileSync(join(CONSUMERS_DIR, "cdn", "index.html"), "utf8");
const FEED = JSON.parse(readFileSync(EXAMPLE_FEED, "utf8"));

let pack;
let site;
let version;
let browser;
const servers = [];

/** The CSP docs/web-teams.md recommends, for a package on `pkgOrigin` and a feed on `feedOrigin`. */
function policy({ pkgOrigin = "'self'", feedOrigin = "'self'", wasm = true, trustedTypes = false } = {}) {
  return [
    "default-src 'none'",
    `script-src ${pkgOrigin}${wasm ? " 'wasm-unsafe-eval'" : ""}`,
    `connect-src ${[...new Set([pkgOrigin, feedOrigin])].join(" ")}`,
    "img-src 'self' data:",
    "style-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    ...(trustedTypes ? ["require-trusted-types-for 'script'", "trusted-types 'none'"] : []),
  ].join("; ");
}

function fill(values) {
  return TEMPLATE.replace(/\{\{(\w+)\}\}/g, (_, k) => {
    if (!(k in values)) throw new Error(`no value for {{${k}}}`);
    return values[k];
  });
}

/** Writes a page into the site folder and returns its path. */
async function writePage(name, values) {
  await writeFile(join(site, name), fill(values));
  return name;
}

/** A new page that records errors, CSP violations and tracker events; axe is preloaded (CSP would block injecting it later). */
async function newPage() {
  const page = await browser.newPage({ viewport: { width: 1000, height: 900 }, acceptDownloads: true });
  const errors = trackPageErrors(page);
  await page.addInitScript({ path: AXE_SOURCE });
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) => window.__csp.push(`${e.effectiveDirective} blocked ${e.blockedURI}`));
  });
  await recordTrackerEvents(page);
  return { page, errors };
}

before(async () => {
  pack = await packTarball();
  version = pack.info.version;
  site = await tempDir("cdn");
  // As https://cdn.example/npm/action-plan-tracker@VERSION/ would hold it.
  await untar(pack.tarball, join(site, "npm", `action-plan-tracker@${version}`));
  await mkdir(join(site, "feeds"));
  await cp(EXAMPLE_FEED, join(site, "feeds", "northbridge.json"));
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  for (const s of servers) await s.close();
  if (site) await rm(site, { recursive: true, force: true });
  await pack?.cleanup();
});

test("the unpacked package is the tarball's files, served with the right MIME types", async () => {
  const files = await listFiles(join(site, "npm", `action-plan-tracker@${version}`));
  assert.deepEqual(files, pack.info.files.map((f) => f.path).sort());
});

test("a plain page with one <script type=module> shows two independent trackers under a strict CSP (Trusted Types too)", { timeout: 60_000 }, async () => {
  const server = await serveWithHeaders(site);
  servers.push(server);
  const name = await writePage("same-origin.html", {
    CSP: policy({ trustedTypes: true }),
    PACKAGE: `/npm/action-plan-tracker@${version}/`,
    FEED: "/feeds/northbridge.json",
  });
  const { page, errors } = await newPage();
  await page.goto(server.url + name);
  const events = await waitForTrackers(page, 2);
  assert.deepEqual(events.map((e) => `${e.type} ${e.id}`).sort(), ["tracker-ready card", "tracker-ready plan"]);
  assert.equal(events[0].detail.actions.total, FEED.actions.length);
  assert.deepEqual(events[0].detail, events[1].detail, "both trackers summarise the same feed");

  const wasm = server.requests.filter((r) => r.path.endsWith(".wasm"));
  assert.deepEqual(wasm, [{ path: `/npm/action-plan-tracker@${version}/action_plan_tracker_core_bg.wasm`, status: 200, type: "application/wasm", origin: null }], "the .wasm is fetched once, beside the module, as application/wasm");

  // The full widget in English, the card compact and in Welsh.
  const plan = page.locator("#plan");
  const card = page.locator("#card");
  await plan.locator(".apt-tabs__tab").first().waitFor();
  assert.equal(await card.locator(".apt-tabs__tab").count(), 0, "the compact card has no tabs");
  assert.equal(await card.locator(".apt-compact").count(), 1, "the card is the compact one");
  assert.notEqual(await card.locator("[part=tracker]").innerText(), await plan.locator("[part=tracker]").innerText());
  // The fallback links in the light DOM are hidden once the element has its shadow root.
  assert.equal(await page.getByRole("link", { name: "Read the improvement plan" }).count(), 0);

  // Several trackers: the fragment state is kept per tracker, under its id.
  const cardBefore = await card.locator("[part=tracker]").innerHTML();
  await plan.locator(".apt-tabs__tab", { hasText: "Actions" }).click();
  await page.waitForFunction(() => location.hash.includes("plan.view=actions"));
  const hash = await page.evaluate(() => location.hash);
  assert.doesNotMatch(hash, /card\./, `only the plan's state is in the fragment: ${hash}`);
  assert.equal(await card.locator("[part=tracker]").innerHTML(), cardBefore, "the card did not change");
  // The CSV download (a blob: link) works under the policy.
  const [download] = await Promise.all([page.waitForEvent("download", { timeout: 10_000 }), plan.getByRole("button", { name: /CSV/ }).click()]);
  assert.match(download.suggestedFilename(), /\.csv$/);

  assert.deepEqual(await page.evaluate(() => window.__csp), [], "no Content-Security-Policy violation");
  const violations = await runAxe(page);
  assert.deepEqual(violations, [], formatViolations(violations));
  await screenshot(page, "consumer-cdn-page");
  assert.deepEqual(errors, []);
});

test("package on a CDN and feed on a data host (other origins, with CORS) under the recommended CSP", { timeout: 60_000 }, async () => {
  const cdn = await serveWithHeaders(join(site, "npm"), { headers: { "Access-Control-Allow-Origin": "*" } });
  const data = await serveWithHeaders(join(site, "feeds"), { headers: { "Access-Control-Allow-Origin": "*" } });
  const pages = await serveWithHeaders(site);
  servers.push(cdn, data, pages);
  const name = await writePage("cross-origin.html", {
    CSP: policy({ pkgOrigin: cdn.origin, feedOrigin: data.origin }),
    PACKAGE: `${cdn.url}action-plan-tracker@${version}/`,
    FEED: `${data.url}northbridge.json`,
  });
  const { page, errors } = await newPage();
  await page.goto(pages.url + name);
  const events = await waitForTrackers(page, 2);
  assert.deepEqual(events.map((e) => e.type), ["tracker-ready", "tracker-ready"]);
  assert.ok(data.requests.every((r) => r.origin === pages.origin), "the feed is fetched with CORS from the page's origin");
  assert.ok(cdn.requests.some((r) => r.path.endsWith(".wasm") && r.type === "application/wasm"));
  assert.deepEqual(await page.evaluate(() => window.__csp), []);
  assert.deepEqual(errors, []);
});

test("a feed host that does not send CORS headers: the widget says it could not fetch the plan, and offers to try again", { timeout: 60_000 }, async () => {
  const data = await serveWithHeaders(join(site, "feeds")); // no Access-Control-Allow-Origin
  const pages = await serveWithHeaders(site);
  servers.push(data, pages);
  const name = await writePage("no-cors.html", {
    CSP: policy({ feedOrigin: data.origin }),
    PACKAGE: `/npm/action-plan-tracker@${version}/`,
    FEED: `${data.url}northbridge.json`,
  });
  const { page } = await newPage();
  await page.goto(pages.url + name);
  const events = await waitForTrackers(page, 2);
  assert.deepEqual(events.map((e) => e.type), ["tracker-error", "tracker-error"]);
  assert.ok(events.every((e) => e.detail.message.length > 10), JSON.stringify(events));
  const plan = page.locator("#plan");
  await assert.doesNotReject(plan.getByRole("button").first().waitFor({ timeout: 5_000 }), "a way to try again");
  assert.ok((await plan.locator("[part=tracker]").innerText()).includes(events.find((e) => e.id === "plan").detail.message));
  await screenshot(page, "consumer-cdn-no-cors");
});

test("a CSP without 'wasm-unsafe-eval' stops the module: the violation is reported and the fallback content stays", { timeout: 60_000 }, async () => {
  const pages = await serveWithHeaders(site);
  servers.push(pages);
  const name = await writePage("no-wasm-csp.html", {
    CSP: policy({ wasm: false }),
    PACKAGE: `/npm/action-plan-tracker@${version}/`,
    FEED: "/feeds/northbridge.json",
  });
  const { page, errors } = await newPage();
  await page.goto(pages.url + name);
  await page.waitForFunction(() => window.__csp.length > 0, null, { timeout: 15_000 });
  const csp = await page.evaluate(() => window.__csp);
  assert.ok(csp.some((v) => v.startsWith("script-src")), csp.join("\n"));
  assert.equal(await page.evaluate(() => customElements.get("action-plan-tracker")), undefined);
  assert.equal(await page.getByRole("link", { name: "Read the improvement plan" }).count(), 2, "the fallback link in each element is shown");
  assert.ok(errors.some((e) => /WebAssembly|wasm-unsafe-eval|Content Security Policy/i.test(e)), errors.join("\n"));
});
