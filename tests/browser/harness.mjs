// Helpers for the node:test browser tests in this folder (run: `make test-browser`,
// or `node --test tests/browser/` once `make pkg` has built pkg/).
//
// They drive Debian's chromium (/usr/bin/chromium, installed by
// scripts/ensure-tools.sh browser) with playwright-core, which never downloads
// a browser of its own, and check pages with axe-core.
//
//   import { startServer, launchBrowser, runAxe, formatViolations, screenshot } from "./harness.mjs";
//
//   const server = await startServer("tests/browser/fixtures");   // http://127.0.0.1:<free port>/
//   const browser = await launchBrowser();
//   const page = await browser.newPage();
//   await page.goto(server.url + "smoke.html");
//   const violations = await runAxe(page);                       // or runAxe(page, "action-plan-tracker")
//   assert.deepEqual(violations, [], formatViolations(violations));
//   await screenshot(page, "smoke");                              // test-output/screenshots/smoke.png
//   await browser.close(); await server.close();
import { mkdir, cp, rm, readFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { resolve, join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { serve } from "../../scripts/serve.mjs";

/** Absolute path of the repository root. */
export const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** Where screenshot() writes (gitignored). */
export const SCREENSHOT_DIR = join(REPO_ROOT, "test-output", "screenshots");

/** Debian's chromium; override with CHROMIUM=/path/to/chrome. */
export const CHROMIUM_PATH = process.env.CHROMIUM ?? "/usr/bin/chromium";

/**
 * Flags for chromium on this machine: headless as root, and no background
 * connections (the machine has no network beyond the package registries, and
 * chromium's attempts would be refused, many at a time).
 */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-dev-shm-usage",
];

/** The axe rule tags runAxe() checks: WCAG 2.0/2.1/2.2 A and AA, and axe's best practices. */
export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

const AXE_SOURCE = join(REPO_ROOT, "node_modules", "axe-core", "axe.min.js");

/**
 * Serve a directory on 127.0.0.1 at a free port.
 * @param {string} root directory; a relative path is taken from the repo root
 * @returns {Promise<{ url: string, server: import("node:http").Server, close: () => Promise<void> }>}
 *   url ends with "/"
 */
export async function startServer(root) {
  return serve(resolve(REPO_ROOT, root), { port: 0 });
}

/**
 * Launch headless Debian chromium through playwright-core. Playwright gives
 * each launch a fresh temporary profile (user data dir) and removes it on close.
 * @param {import("playwright-core").LaunchOptions} [options] merged over the defaults
 * @returns {Promise<import("playwright-core").Browser>}
 */
export async function launchBrowser(options = {}) {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `${CHROMIUM_PATH} not found: run \`scripts/ensure-tools.sh browser\` (Debian chromium + chromium-driver)`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    timeout: 60_000,
    ...options,
    args: [...CHROMIUM_ARGS, ...(options.args ?? [])],
  });
}

/**
 * Record a page's uncaught errors and console errors (failed loads included),
 * so a test can assert there were none:
 * `const errors = trackPageErrors(page); ...; assert.deepEqual(errors, [])`.
 * Give fixture pages `<link rel="icon" href="data:,">`, or the favicon 404 counts.
 * @param {import("playwright-core").Page} page
 * @returns {string[]} filled in as errors happen
 */
export function trackPageErrors(page) {
  const errors = [];
  page.on("pageerror", (err) => errors.push(`pageerror: ${err.message}`));
  page.on("console", (msg) => {
    if (msg.type() !== "error") return;
    const where = msg.location()?.url;
    errors.push(`console.error: ${msg.text()}${where ? ` (${where})` : ""}`);
  });
  return errors;
}

/**
 * Run axe-core in the page and return its violations (an empty array when clean).
 * Open shadow roots (the widget's) are checked too.
 * @param {import("playwright-core").Page} page
 * @param {string | object} [context] a CSS selector or an axe context object
 *   ({ include: [...], exclude: [...] }); the whole document when omitted
 * @param {object} [options] extra axe.run options, e.g. { rules: { "color-contrast": { enabled: false } } }
 * @returns {Promise<object[]>} axe violation objects; see formatViolations()
 */
export async function runAxe(page, context, options = {}) {
  const loaded = await page.evaluate(() => typeof window.axe === "object");
  if (!loaded) await page.addScriptTag({ path: AXE_SOURCE });
  return page.evaluate(
    async ({ context, options }) => {
      const results = await window.axe.run(context ?? document, {
        runOnly: { type: "tag", values: options.tags },
        resultTypes: ["violations"],
        ...options.extra,
      });
      // Only plain data crosses back to Node.
      return results.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        helpUrl: v.helpUrl,
        tags: v.tags,
        nodes: v.nodes.map((n) => ({
          target: n.target,
          html: n.html,
          failureSummary: n.failureSummary,
        })),
      }));
    },
    { context: context ?? null, options: { tags: AXE_TAGS, extra: options } },
  );
}

/**
 * Readable text of axe violations, for assertion messages:
 * `assert.deepEqual(violations, [], formatViolations(violations))`.
 * @param {object[]} violations from runAxe()
 * @returns {string}
 */
export function formatViolations(violations) {
  if (!violations.length) return "no accessibility violations";
  const lines = [`${violations.length} accessibility violation(s):`];
  for (const v of violations) {
    lines.push(`- [${v.impact ?? "?"}] ${v.id}: ${v.help} (${v.helpUrl})`);
    for (const n of v.nodes) {
      lines.push(`    at ${JSON.stringify(n.target)}: ${n.html}`);
      if (n.failureSummary) {
        lines.push(...n.failureSummary.split("\n").map((l) => `      ${l}`));
      }
    }
  }
  return lines.join("\n");
}

/**
 * Run axe and fail with a readable message unless there are no violations.
 * @param {import("playwright-core").Page} page
 * @param {string | object} [context]
 * @param {object} [options]
 */
export async function assertNoAxeViolations(page, context, options) {
  const violations = await runAxe(page, context, options);
  if (violations.length) throw new Error(formatViolations(violations));
}

/**
 * Save a full-page PNG as test-output/screenshots/<name>.png (gitignored).
 * @param {import("playwright-core").Page} page
 * @param {string} name file name without extension; unsafe characters become "-"
 * @returns {Promise<string>} the file's path
 */
export async function screenshot(page, name) {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const file = join(SCREENSHOT_DIR, `${String(name).replace(/[^A-Za-z0-9._-]+/g, "-")}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/**
 * Copies pkg/ to `to`, again (up to 15 s) while its .wasm is not a valid module: a `make pkg`
 * elsewhere may be halfway through writing it.
 */
export async function copyPkg(to) {
  const wasm = "action_plan_tracker_core_bg.wasm";
  for (let tries = 0; ; tries++) {
    await rm(to, { recursive: true, force: true });
    await cp(join(REPO_ROOT, "pkg"), to, { recursive: true });
    const bytes = await readFile(join(to, wasm)).catch(() => null);
    if (bytes && WebAssembly.validate(bytes)) return;
    if (tries >= 15) throw new Error(`pkg/${wasm} is missing or not a valid module: run \`make pkg\``);
    await new Promise((r) => setTimeout(r, 1000));
  }
}
