// scripts/ensure-tools.sh's npm step, with a stand-in `npm` that records its calls: it installs
// once, then not again while package.json and package-lock.json are the same text, whatever
// their dates (a fresh clone, a git worktree whose node_modules links to another's: once such
// a checkout ran `npm ci` through the link and emptied the folder other builds were using);
// and again when either changes or a tool the build needs is missing.
//
//   node --test tests/scripts/
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, mkdirSync, copyFileSync, writeFileSync, readFileSync, rmSync, utimesSync, existsSync, chmodSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const REPO = fileURLToPath(new URL("../../", import.meta.url));
let dir;

// Writes what `npm ci` would leave behind that the script checks for, and logs the call.
const FAKE_NPM = `#!/usr/bin/env bash
echo "$*" >> "$FAKE_NPM_LOG"
mkdir -p node_modules/.bin node_modules/playwright-core node_modules/axe-core node_modules/terser
printf '#!/bin/sh\\n' > node_modules/.bin/wasm-opt && chmod +x node_modules/.bin/wasm-opt
touch node_modules/axe-core/axe.min.js node_modules/terser/package.json
`;

before(() => {
  dir = mkdtempSync(join(tmpdir(), "apt-ensure-tools-"));
  mkdirSync(join(dir, "scripts"));
  mkdirSync(join(dir, "bin"));
  copyFileSync(join(REPO, "scripts", "ensure-tools.sh"), join(dir, "scripts", "ensure-tools.sh"));
  writeFileSync(join(dir, "bin", "npm"), FAKE_NPM);
  chmodSync(join(dir, "bin", "npm"), 0o755);
  writeFileSync(join(dir, "package.json"), '{ "devDependencies": { "terser": "^5" } }\n');
  writeFileSync(join(dir, "package-lock.json"), '{ "lockfileVersion": 3 }\n');
});

after(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `ensure-tools.sh node` and returns the npm commands it ran. */
function ensure() {
  const log = join(dir, "npm.log");
  rmSync(log, { force: true });
  execFileSync("bash", [join(dir, "scripts", "ensure-tools.sh"), "node"], {
    cwd: dir,
    env: { ...process.env, PATH: `${join(dir, "bin")}:${process.env.PATH}`, FAKE_NPM_LOG: log },
    stdio: "pipe",
  });
  return existsSync(log) ? readFileSync(log, "utf8").trim().split("\n") : [];
}

test("installs when there is no node_modules", () => {
  assert.deepEqual(ensure(), ["ci --no-audit --no-fund"]);
});

test("does not install again, even when the lock file is newer than node_modules", () => {
  assert.deepEqual(ensure(), []);
  const later = new Date(Date.now() + 60_000);
  utimesSync(join(dir, "package-lock.json"), later, later);
  assert.deepEqual(ensure(), [], "a new date alone (a checkout) is no reason to reinstall");
});

test("installs again when the lock file changes", () => {
  writeFileSync(join(dir, "package-lock.json"), '{ "lockfileVersion": 3, "packages": {} }\n');
  assert.deepEqual(ensure(), ["ci --no-audit --no-fund"]);
  assert.deepEqual(ensure(), []);
});

test("installs again when a tool the build needs is missing", () => {
  rmSync(join(dir, "node_modules", "terser"), { recursive: true });
  assert.deepEqual(ensure(), ["ci --no-audit --no-fund"]);
});
