// Proves the browser test harness works on this machine: the static server,
// headless Debian chromium through playwright-core, axe-core and screenshots.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import {
  startServer,
  launchBrowser,
  runAxe,
  formatViolations,
  screenshot,
  trackPageErrors,
} from "./harness.mjs";

let server;
let browser;

before(async () => {
  server = await startServer("tests/browser/fixtures");
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test("a served page runs its module and wasm, and a click changes its text", { timeout: 60_000 }, async () => {
  const page = await browser.newPage();
  const errors = trackPageErrors(page);
  await page.goto(server.url + "smoke.html");

  await page.getByText("WebAssembly says 2 + 3 = 5").waitFor();
  const status = page.getByRole("status");
  assert.equal(await status.textContent(), "Not done yet");

  await page.getByRole("button", { name: "Mark as done" }).click();
  assert.equal(await status.textContent(), "Done");

  const file = await screenshot(page, "smoke");
  assert.ok(existsSync(file), `screenshot written to ${file}`);
  assert.deepEqual(errors, []);
  await page.close();
});

test("the fixture page has no axe violations (WCAG 2.2 AA + best practice)", { timeout: 60_000 }, async () => {
  const page = await browser.newPage();
  await page.goto(server.url + "smoke.html");
  const violations = await runAxe(page);
  assert.deepEqual(violations, [], formatViolations(violations));
  await page.close();
});

test("axe reports a real violation readably", { timeout: 60_000 }, async () => {
  const page = await browser.newPage();
  await page.setContent(
    '<!doctype html><html lang="en"><title>t</title><main><h1>x</h1><button></button></main></html>',
  );
  const violations = await runAxe(page, "main");
  assert.deepEqual(violations.map((v) => v.id), ["button-name"]);
  assert.match(formatViolations(violations), /button-name: Buttons must have discernible text/);
  await page.close();
});
