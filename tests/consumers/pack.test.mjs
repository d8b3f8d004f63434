// The npm package as it would be published: `npm pack --dry-run --json` in pkg/ lists exactly
// the files a consumer needs, and pkg/package.json says what a registry, a bundler, Node and
// TypeScript need to know (name, version from Cargo.toml, licence, ES module, exports with
// types first then Node's entry then the browser's, the .wasm reachable, the `npx` command,
// the element registration kept by tree-shaking).
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { PKG_DIR, REPO_ROOT, ENTRY, TYPES, WASM, npm, assertPkgBuilt } from "./support.mjs";

const NODE_ENTRY = "action-plan-tracker-node.js";
const ELEMENT = "action-plan-tracker-element.js";
const DOM = "action-plan-tracker-dom.js";
const CLI = "action-plan-tracker-cli.js";
const GLUE = "action_plan_tracker_core.js";
/** What a browser loads: minified, each with its source map (scripts/finish-pkg.mjs). */
const MINIFIED = [ENTRY, ELEMENT, DOM, GLUE];

/** The modules `text` imports or re-exports from, written as they are (minified or not). */
function specifiers(text) {
  const from = [...text.matchAll(/(?:^|[;\n}])\s*(?:import|export)\b[^;"']*?\bfrom\s*["']([^"']+)["']/g)];
  const bare = [...text.matchAll(/(?:^|[;\n}])\s*import\s*["']([^"']+)["']/g)];
  const dynamic = [...text.matchAll(/\bimport\s*\(\s*["']([^"']+)["']/g)];
  return [...from, ...bare, ...dynamic].map((m) => m[1]);
}

/** The names `text` re-exports from `module`, e.g. `export { a, b } from "./m.js"` (minified or not). */
function reexports(text, module) {
  const names = [];
  for (const m of text.matchAll(/export\s*\{([^}]*)\}\s*from\s*["']([^"']+)["']/g)) {
    if (m[2] !== module) continue;
    names.push(...m[1].split(",").map((n) => n.trim().split(/\s+as\s+/).at(-1)).filter(Boolean));
  }
  return names;
}

let manifest;
let packed;
let cargo;

/** [package] keys of Cargo.toml that are one-line strings or string arrays. */
function cargoPackage() {
  const out = {};
  let inPackage = false;
  for (const raw of readFileSync(join(REPO_ROOT, "Cargo.toml"), "utf8").split(/\r?\n/)) {
    const line = raw.trim();
    if (line.startsWith("[")) inPackage = line === "[package]";
    else if (inPackage) {
      const m = /^([A-Za-z0-9_-]+)\s*=\s*("(?:[^"\\]|\\.)*"|\[.*\])\s*$/.exec(line);
      if (m) out[m[1]] = JSON.parse(m[2]);
    }
  }
  return out;
}

before(async () => {
  assertPkgBuilt();
  manifest = JSON.parse(readFileSync(join(PKG_DIR, "package.json"), "utf8"));
  const { stdout } = await npm(["pack", "--dry-run", "--json"], { cwd: PKG_DIR });
  [packed] = JSON.parse(stdout);
  cargo = cargoPackage();
});

test("the tarball holds the two entry points, the element module and its DOM patcher, the command line, the types, the glue and the .wasm, and nothing else", () => {
  const files = packed.files.map((f) => f.path).sort();
  // No declarations of the glue or the .wasm: nothing a user may import needs them.
  const maps = MINIFIED.map((f) => `${f}.map`);
  const required = ["README.md", "package.json", ENTRY, NODE_ENTRY, ELEMENT, DOM, CLI, TYPES, GLUE, WASM, ...maps];
  for (const f of required) assert.ok(files.includes(f), `the tarball lacks ${f} (has ${files.join(", ")})`);
  // Licence texts and the changelog are welcome once they exist; nothing else is.
  const extra = files.filter((f) => !required.includes(f) && !/^(LICEN[CS]E|COPYING)[^/]*$|^CHANGELOG\.md$/i.test(f));
  assert.deepEqual(extra, [], `unexpected files in the tarball: ${extra.join(", ")}`);
  // Files that exist at the repo root and belong in the package are in it.
  for (const f of ["CHANGELOG.md", "LICENSE", "LICENSE-MIT", "LICENSE-APACHE", "LICENCE"]) {
    if (existsSync(join(REPO_ROOT, f))) assert.ok(files.includes(f), `${f} exists at the repo root but is not in the tarball`);
  }
  const wasm = packed.files.find((f) => f.path === WASM);
  assert.ok(wasm.size > 10_000, `${WASM} is ${wasm.size} bytes: not a built module?`);
  const magic = readFileSync(join(PKG_DIR, WASM)).subarray(0, 4);
  assert.deepEqual([...magic], [0x00, 0x61, 0x73, 0x6d], `${WASM} does not start with the wasm magic number`);
  assert.equal(packed.bundled.length, 0, "no bundled dependencies");
});

test("name, version (Cargo.toml's), licence, repository, description and keywords", () => {
  assert.equal(manifest.name, "action-plan-tracker");
  assert.equal(packed.name, "action-plan-tracker");
  assert.equal(manifest.version, cargo.version, "version comes from Cargo.toml");
  assert.match(manifest.version, /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/, "a semver version");
  assert.equal(manifest.license, cargo.license);
  assert.match(manifest.license, /^[A-Za-z0-9.-]+( (OR|AND) [A-Za-z0-9.-]+)*$/, "an SPDX expression");
  assert.equal(manifest.repository?.type, "git");
  // In npm's normal form, so that `npm publish` has nothing to correct (it warns when it does).
  const repo = cargo.repository.replace(/(\.git)?\/?$/, "");
  assert.equal(manifest.repository?.url, /^https:\/\/github\.com\//.test(repo) ? `git+${repo}.git` : cargo.repository);
  if (/^https:\/\/github\.com\//.test(repo)) {
    assert.equal(manifest.bugs?.url, `${repo}/issues`);
    assert.equal(manifest.homepage, `${repo}#readme`);
  }
  assert.equal(manifest.description, cargo.description);
  assert.ok(manifest.description.length > 20, "a description that says what it is");
  assert.deepEqual(manifest.keywords, cargo.keywords);
  assert.ok(manifest.keywords.length >= 3);
  assert.equal(manifest.private, undefined, "publishable");
});

test("an ES module package: types first in exports, then Node's entry, then the browser's as the default; the .wasm exported", () => {
  assert.equal(manifest.type, "module");
  assert.equal(manifest.main, ENTRY);
  assert.equal(manifest.types, TYPES);
  const root = manifest.exports?.["."];
  assert.ok(root && typeof root === "object", 'exports["."] is a conditions object');
  assert.equal(Object.keys(root)[0], "types", 'exports["."]: "types" comes first (TypeScript reads conditions in order)');
  assert.equal(root.types, `./${TYPES}`);
  assert.deepEqual(Object.keys(root), ["types", "node", "default"], "no condition before node that Node would match first (import, require)");
  assert.equal(root.node, `./${NODE_ENTRY}`);
  assert.equal(root.default, `./${ENTRY}`);
  assert.equal(manifest.exports[`./${WASM}`], `./${WASM}`, "the .wasm file is reachable for bundlers and asset pipelines");
  assert.equal(manifest.exports["./package.json"], "./package.json");
  // Every path the manifest names is in the tarball.
  const files = new Set(packed.files.map((f) => f.path));
  const named = [manifest.main, manifest.types, ...Object.values(manifest.bin ?? {}), ...Object.values(manifest.exports).flatMap((v) => (typeof v === "string" ? [v] : Object.values(v)))];
  for (const p of named) assert.ok(files.has(p.replace(/^\.\//, "")), `package.json names ${p}, which is not in the tarball`);
  assert.deepEqual(manifest.files.slice().sort(), [...files].filter((f) => f !== "package.json").sort(), '"files" lists what is packed');
});

test("bin: `npx action-plan-tracker` runs the command line, a Node script", () => {
  assert.deepEqual(manifest.bin, { "action-plan-tracker": `./${CLI}` });
  const text = readFileSync(join(PKG_DIR, CLI), "utf8");
  assert.ok(text.startsWith("#!/usr/bin/env node\n"), "a shebang npm's bin links can run");
  assert.match(manifest.engines?.node ?? "", /^>=\s*20/, "engines says which Node it needs");
});

test("sideEffects keeps the element registration (never false)", () => {
  const se = manifest.sideEffects;
  assert.notEqual(se, false, "sideEffects: false would let a bundler drop `import \"action-plan-tracker\"`, and the element with it");
  if (Array.isArray(se)) {
    for (const entry of [ENTRY, NODE_ENTRY]) {
      assert.ok(
        se.some((p) => p.replace(/^\.\//, "") === entry || p === "*.js" || p === "./*.js"),
        `sideEffects ${JSON.stringify(se)} does not include ${entry}, which registers the element`,
      );
    }
  } else {
    assert.ok(se === undefined || se === true, `sideEffects ${JSON.stringify(se)}`);
  }
});

test("self-contained: no runtime dependencies, and the modules import only files in the package", () => {
  assert.deepEqual(manifest.dependencies ?? {}, {}, "a CDN copy must work without resolving other packages");
  assert.deepEqual(manifest.peerDependencies ?? {}, {});
  const files = new Set(packed.files.map((f) => f.path));
  for (const mod of packed.files.map((f) => f.path).filter((f) => f.endsWith(".js"))) {
    const text = readFileSync(join(PKG_DIR, mod), "utf8");
    // Node's entry and the command line may use Node's own modules; what a browser loads may not.
    const forNode = mod === NODE_ENTRY || mod === CLI;
    for (const s of specifiers(text)) {
      if (forNode && /^node:/.test(s)) continue;
      assert.match(s, /^\.\//, `${mod} imports ${s}: a bare specifier would not load from a CDN copy`);
      assert.ok(files.has(s.slice(2)), `${mod} imports ${s}, which is not in the tarball`);
    }
  }
  // The reading of imports above finds every browser module's, minified (so the loop cannot
  // pass by finding none).
  const imports = { [ENTRY]: [ELEMENT, ELEMENT, GLUE], [ELEMENT]: [DOM, GLUE], [DOM]: [], [GLUE]: [] };
  for (const [mod, want] of Object.entries(imports)) {
    const got = specifiers(readFileSync(join(PKG_DIR, mod), "utf8")).sort();
    assert.deepEqual(got, want.map((f) => `./${f}`).sort(), `${mod}'s imports, read from its minified text`);
  }
  for (const mod of MINIFIED) {
    assert.doesNotMatch(readFileSync(join(PKG_DIR, mod), "utf8"), /["']node:/, `${mod} is loaded by browsers: no Node modules`);
  }
  // The glue finds the .wasm beside itself (what lets a CDN copy and Vite work without setup).
  const glue = readFileSync(join(PKG_DIR, "action_plan_tracker_core.js"), "utf8");
  assert.match(glue, new RegExp(`new URL\\(["']${WASM}["'],\\s*import\\.meta\\.url\\)`), "the glue locates the .wasm relative to import.meta.url");
});

test("the declarations describe the element and the API", () => {
  const dts = readFileSync(join(PKG_DIR, TYPES), "utf8");
  for (const name of ["mount", "validate", "summarise", "render"]) {
    assert.match(dts, new RegExp(`export declare function ${name}\\(`), `${TYPES} declares ${name}()`);
  }
  assert.match(dts, /interface HTMLElementTagNameMap\s*{\s*"action-plan-tracker": ActionPlanTrackerElement;/);
  for (const ev of ["tracker-ready", "tracker-error", "tracker-filter-change"]) assert.ok(dts.includes(`"${ev}"`), `${TYPES} types ${ev}`);
  // The element module exports what the declarations declare, and both entry points pass it on.
  const js = readFileSync(join(PKG_DIR, ELEMENT), "utf8");
  for (const name of ["mount", "validate", "summarise", "render"]) assert.match(js, new RegExp(`export (async )?function ${name}\\(`));
  assert.match(js, /export const ActionPlanTrackerElement\b/);
  assert.match(dts, /export declare class ActionPlanTrackerElement\b/);
  for (const entry of [ENTRY, NODE_ENTRY]) {
    const text = readFileSync(join(PKG_DIR, entry), "utf8");
    assert.deepEqual(
      reexports(text, `./${ELEMENT}`).sort(),
      ["ActionPlanTrackerElement", "mount", "render", "summarise", "validate"],
      `${entry} exports the whole API`,
    );
  }
  for (const type of ["FeedInput", "RenderOptions", "CliValidateJson", "CliValidateJsonMany", "CliSummaryJson"]) {
    assert.match(dts, new RegExp(`export (type|interface) ${type}\\b`), `${TYPES} declares ${type}`);
  }
});
