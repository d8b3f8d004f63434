// Helpers for the consumer tests in this folder: the npm package as people will get it.
//
//   node --test tests/consumers/        (after `make pkg`)
//
// Every test starts from the tarball `npm pack` makes of pkg/ (not from pkg/ itself), so what
// is checked is exactly what the registry would serve: a Vite 7 app that installs it, a plain
// page that loads an unpacked copy as a CDN would serve it, TypeScript against its
// declarations, and the element inside a GOV.UK Frontend page.
//
// The tests' own npm dependencies (TypeScript, GOV.UK Frontend) are in package.json and
// package-lock.json here; ensureConsumerDeps() runs `npm ci` when node_modules/ is missing or
// older than them, and does nothing otherwise. The Vite app (vite-app/) has its own lockfile;
// its test runs `npm install <tarball>` in a temporary copy, as a council's web team would.
// Only the npm registry is contacted (npm's cache makes later runs quick).
import { spawn } from "node:child_process";
import { createServer } from "node:http";
import { createReadStream, existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { mkdir, mkdtemp, rm, rmdir, stat, cp, readdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve, extname, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { MIME_TYPES } from "../../scripts/serve.mjs";

/** Absolute path of the repository root (ends with a separator). */
export const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));
/** This folder. */
export const CONSUMERS_DIR = fileURLToPath(new URL("./", import.meta.url));
/** The package as `make pkg` builds it. */
export const PKG_DIR = join(REPO_ROOT, "pkg");
/** Scratch space that outlives a run (gitignored): the install lock. */
export const WORK_DIR = join(REPO_ROOT, "test-output", "consumers");
/** The example feed every consumer shows. */
export const EXAMPLE_FEED = join(REPO_ROOT, "www", "examples", "northbridge.json");

export const ENTRY = "action-plan-tracker.js";
export const TYPES = "action-plan-tracker.d.ts";
export const WASM = "action_plan_tracker_core_bg.wasm";

/**
 * Run a command; resolve with its output, or reject with the command, exit status and output.
 * @param {string} cmd
 * @param {string[]} args
 * @param {{ cwd?: string, env?: object, allowFailure?: boolean, timeout?: number }} [options]
 * @returns {Promise<{ code: number, stdout: string, stderr: string }>}
 */
export function run(cmd, args, { cwd = REPO_ROOT, env = {}, allowFailure = false, timeout = 300_000 } = {}) {
  return new Promise((ok, fail) => {
    const child = spawn(cmd, args, {
      cwd,
      env: { ...process.env, npm_config_update_notifier: "false", npm_config_fund: "false", npm_config_audit: "false", ...env },
      stdio: ["ignore", "pipe", "pipe"],
      timeout,
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", fail);
    child.on("close", (code, signal) => {
      const result = { code: code ?? 1, stdout, stderr };
      if (code === 0 || allowFailure) return ok(result);
      fail(new Error(`${cmd} ${args.join(" ")} (in ${cwd}) exited with ${code ?? signal}\n${stdout}\n${stderr}`.trim()));
    });
  });
}

const NPM = process.platform === "win32" ? "npm.cmd" : "npm";

/** Run npm with the given arguments (see run()). */
export function npm(args, options) {
  return run(NPM, args, options);
}

/**
 * The source `pkg/${name}` was built from: the file itself, or for a minified module (one with a
 * source map, scripts/finish-pkg.mjs) the source its map carries.
 */
export function builtFrom(name) {
  const map = join(PKG_DIR, `${name}.map`);
  if (existsSync(map)) return JSON.parse(readFileSync(map, "utf8")).sourcesContent?.[0];
  return existsSync(join(PKG_DIR, name)) ? readFileSync(join(PKG_DIR, name), "utf8") : undefined;
}

/** Fails with the command to run unless pkg/ holds a built package matching src/web/js/. */
export function assertPkgBuilt() {
  const missing = [ENTRY, TYPES, WASM, "package.json"].filter((f) => !existsSync(join(PKG_DIR, f)));
  if (missing.length) {
    throw new Error(`pkg/ has no ${missing.join(", ")}: run \`make pkg\` before \`node --test tests/consumers/\``);
  }
  for (const f of readdirSync(join(REPO_ROOT, "src", "web", "js"))) {
    if (readFileSync(join(REPO_ROOT, "src", "web", "js", f), "utf8") !== builtFrom(f)) {
      throw new Error(`pkg/${f} differs from src/web/js/${f}: pkg/ is stale, run \`make pkg\``);
    }
  }
}

/** Holds a lock (a directory) while `f` runs, so parallel test files do not install at once. */
async function withLock(name, f) {
  await mkdir(WORK_DIR, { recursive: true });
  const lock = join(WORK_DIR, `${name}.lock`);
  const deadline = Date.now() + 10 * 60_000;
  for (;;) {
    try {
      await mkdir(lock);
      break;
    } catch (e) {
      if (e.code !== "EEXIST") throw e;
      // A lock left by a killed run: older than ten minutes.
      const info = await stat(lock).catch(() => null);
      if (info && Date.now() - info.mtimeMs > 10 * 60_000) await rm(lock, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${lock}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  try {
    return await f();
  } finally {
    await rmdir(lock).catch(() => {});
  }
}

function newer(a, b) {
  return statSync(a).mtimeMs >= statSync(b).mtimeMs;
}

/** The packages the tests here need, each with a file that must exist once installed. */
const CONSUMER_DEPS = {
  typescript: "typescript/bin/tsc",
  "typescript-7": "typescript-7/bin/tsc",
  "govuk-frontend": "govuk-frontend/dist/govuk/govuk-frontend.min.css",
  webpack: "webpack/package.json",
  rollup: "rollup/package.json",
  "@rollup/plugin-node-resolve": "@rollup/plugin-node-resolve/package.json",
  esbuild: "esbuild/package.json",
};

/**
 * Installs tests/consumers/node_modules with `npm ci` unless it is already current
 * (node_modules/.package-lock.json, which npm writes, newer than package.json and
 * package-lock.json, and every package present). Safe to call from parallel test files.
 * @returns {Promise<string>} the node_modules folder
 */
export async function ensureConsumerDeps() {
  const nm = join(CONSUMERS_DIR, "node_modules");
  const stamp = join(nm, ".package-lock.json");
  const current = () =>
    existsSync(stamp) &&
    newer(stamp, join(CONSUMERS_DIR, "package.json")) &&
    newer(stamp, join(CONSUMERS_DIR, "package-lock.json")) &&
    Object.values(CONSUMER_DEPS).every((f) => existsSync(join(nm, f)));
  if (current()) return nm;
  await withLock("npm-ci", async () => {
    if (current()) return;
    await npm(["ci", "--no-audit", "--no-fund", "--prefer-offline"], { cwd: CONSUMERS_DIR });
  });
  return nm;
}

/**
 * An empty Node project (ES modules) with the tarball installed by `npm install`, as a web
 * team's build would have it: node_modules/action-plan-tracker and the `npx` link in
 * node_modules/.bin. Remove it with `rm(dir, { recursive: true, force: true })`.
 */
export async function installApp(label, tarball) {
  const dir = await tempDir(label);
  await writeFile(join(dir, "package.json"), JSON.stringify({ name: `apt-${label}-consumer`, private: true, type: "module" }, null, 2));
  await npm(["install", "--no-audit", "--no-fund", "--prefer-offline", tarball], { cwd: dir });
  return dir;
}

/**
 * The Rust command line, built with `cargo build` (quick when it is up to date): the reference
 * the npm package's Node entry and `npx` command are checked against.
 */
export async function rustCli() {
  await withLock("cargo-build", () => run("cargo", ["build", "--quiet", "--bin", "action-plan-tracker"], { timeout: 900_000 }));
  const bin = join(REPO_ROOT, "target", "debug", process.platform === "win32" ? "action-plan-tracker.exe" : "action-plan-tracker");
  if (!existsSync(bin)) throw new Error(`cargo build made no ${bin}`);
  return bin;
}

/** Every example feed and every test feed: good, bad and hostile (absolute paths, sorted). */
export function testFeeds() {
  const dirs = [
    join(REPO_ROOT, "www", "examples"),
    join(REPO_ROOT, "tests", "feeds", "good"),
    join(REPO_ROOT, "tests", "feeds", "bad"),
    join(REPO_ROOT, "tests", "hostile", "feeds"),
    join(REPO_ROOT, "tests", "hostile", "feeds", "raw"),
  ];
  return dirs.flatMap((d) => readdirSync(d).filter((f) => f.endsWith(".json") && f !== "expected.json").sort().map((f) => join(d, f)));
}

/** A new temporary directory; remove it with `rm(dir, { recursive: true, force: true })`. */
export function tempDir(label) {
  return mkdtemp(join(tmpdir(), `apt-${label}-`));
}

/**
 * Packs pkg/ with `npm pack` into a new temporary directory.
 * @returns {Promise<{ tarball: string, dir: string, info: object, cleanup: () => Promise<void> }>}
 *   `info` is npm's JSON description of the tarball (name, version, files, ...)
 */
export async function packTarball() {
  assertPkgBuilt();
  const dir = await tempDir("pack");
  const { stdout } = await npm(["pack", "--json", "--pack-destination", dir], { cwd: PKG_DIR });
  const [info] = JSON.parse(stdout);
  const tarball = join(dir, info.filename);
  if (!existsSync(tarball)) throw new Error(`npm pack said it wrote ${info.filename}, but ${tarball} does not exist`);
  return { tarball, dir, info, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/**
 * Unpacks a tarball made by npm pack into `dest` (its `package/` folder's contents, as a CDN
 * such as unpkg or jsDelivr serves them, or as npm installs them into node_modules/NAME).
 */
export async function untar(tarball, dest) {
  await mkdir(dest, { recursive: true });
  await run("tar", ["-xzf", tarball, "-C", dest, "--strip-components=1"]);
  return dest;
}

/** Every file under `dir`, as sorted "/"-separated paths relative to it. */
export async function listFiles(dir, prefix = "") {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await listFiles(join(dir, entry.name), rel)));
    else out.push(rel);
  }
  return out.sort();
}

/** Copies a folder (not its node_modules). */
export function copyDir(from, to) {
  return cp(from, to, { recursive: true, filter: (src) => !src.split(sep).includes("node_modules") });
}

/**
 * A static server like scripts/serve.mjs that adds response headers of the test's choosing
 * (e.g. Access-Control-Allow-Origin for a CDN or a feed host on another origin). It also records
 * every request with the Content-Type it answered, so a test can check what was served.
 * @param {string} root
 * @param {{ headers?: Record<string,string>, host?: string }} [options]
 * @returns {Promise<{ url: string, origin: string, requests: {path:string,status:number,type:string}[], close: () => Promise<void> }>}
 */
export async function serveWithHeaders(root, { headers = {}, host = "127.0.0.1" } = {}) {
  const absRoot = resolve(root);
  const requests = [];
  const server = createServer(async (req, res) => {
    const { pathname } = new URL(req.url ?? "/", "http://localhost");
    const record = (status, type) => requests.push({ path: pathname, status, type, origin: req.headers.origin ?? null });
    let file = resolve(join(absRoot, decodeURIComponent(pathname)));
    if (file !== absRoot && !file.startsWith(absRoot + sep)) {
      record(403, "");
      res.writeHead(403, headers).end();
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, "index.html");
      const info = await stat(file);
      const type = MIME_TYPES[extname(file).toLowerCase()] ?? "application/octet-stream";
      record(200, type);
      res.writeHead(200, { "Content-Type": type, "Content-Length": info.size, "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff", ...headers });
      if (req.method === "HEAD") return res.end();
      createReadStream(file).pipe(res);
    } catch {
      record(404, "");
      res.writeHead(404, { "Content-Type": "text/plain", ...headers }).end("Not Found\n");
    }
  });
  await new Promise((ok) => server.listen(0, host, ok));
  const origin = `http://${host}:${server.address().port}`;
  return {
    url: `${origin}/`,
    origin,
    requests,
    close: () =>
      new Promise((ok) => {
        server.close(() => ok());
        server.closeAllConnections?.();
      }),
  };
}

/**
 * Waits until every <action-plan-tracker> in the page has sent tracker-ready or tracker-error
 * (listeners are added before the page's scripts run), and returns the events seen.
 * Call before page.goto(): `const events = recordTrackerEvents(page); await page.goto(...);
 * await waitForTrackers(page, 2)`.
 */
export async function recordTrackerEvents(page) {
  await page.addInitScript(() => {
    window.__trackerEvents = [];
    for (const type of ["tracker-ready", "tracker-error"]) {
      document.addEventListener(type, (e) =>
        window.__trackerEvents.push({ type, id: e.target.id || null, detail: JSON.parse(JSON.stringify(e.detail)) }),
      );
    }
  });
}

/** Resolves once `count` tracker-ready/tracker-error events have been recorded; returns them. */
export async function waitForTrackers(page, count = 1, timeout = 30_000) {
  await page.waitForFunction((n) => (window.__trackerEvents ?? []).length >= n, count, { timeout });
  return page.evaluate(() => window.__trackerEvents);
}
