// Rewrite pkg/package.json (written by wasm-pack for the core module) into the
// manifest of the published "action-plan-tracker" package: the browser's entry point
// action-plan-tracker.js (the custom element), Node's action-plan-tracker-node.js (the
// "node" export condition), and the `npx action-plan-tracker` command line; and minify the
// modules a browser loads, each with its source map.
//
//   node scripts/finish-pkg.mjs [pkgDir]     (default: pkg)
//
// Metadata (version, description, license, repository, keywords, homepage,
// authors) comes from the [package] table of Cargo.toml, so Cargo.toml stays the
// one place to change it.
import { readFileSync, writeFileSync, readdirSync, statSync, existsSync, rmSync, copyFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { minify } from "terser";
import { SHIPPED_FROM_ROOT, packageReadme } from "./markdown-links.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const pkgDir = process.argv[2] ?? join(root, "pkg");
const ENTRY = "action-plan-tracker.js";
const NODE_ENTRY = "action-plan-tracker-node.js";
const ELEMENT = "action-plan-tracker-element.js";
const DOM = "action-plan-tracker-dom.js";
const CLI = "action-plan-tracker-cli.js";
const TYPES = "action-plan-tracker.d.ts";
const CORE_WASM = "action_plan_tracker_core_bg.wasm";
const GLUE = "action_plan_tracker_core.js";

// Just enough TOML for Cargo.toml's [package] table: `key = "string"` and
// `key = ["string", ...]` on one line each.
function cargoPackage(tomlText) {
  const out = {};
  let inPackage = false;
  for (const raw of tomlText.split(/\r?\n/)) {
    const line = raw.trim();
    if (line.startsWith("[")) {
      inPackage = line === "[package]";
      continue;
    }
    if (!inPackage || line === "" || line.startsWith("#")) continue;
    const m = /^([A-Za-z0-9_-]+)\s*=\s*(.+)$/.exec(line);
    if (!m) continue;
    const [, key, value] = m;
    try {
      // TOML basic strings and string arrays are valid JSON.
      out[key] = JSON.parse(value.replace(/,\s*]$/, "]"));
    } catch {
      // Not a plain string or array (e.g. `edition.workspace = true`): skip.
    }
  }
  return out;
}

function listFiles(dir) {
  const files = [];
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) files.push(...listFiles(full));
    else files.push(full);
  }
  return files;
}

const manifestPath = join(pkgDir, "package.json");
if (!existsSync(manifestPath)) {
  console.error(`finish-pkg: ${manifestPath} not found; run wasm-pack build first`);
  process.exit(1);
}
const generated = JSON.parse(readFileSync(manifestPath, "utf8"));
const cargo = cargoPackage(readFileSync(join(root, "Cargo.toml"), "utf8"));

// wasm-pack writes a pkg/.gitignore containing "*"; the repo's own .gitignore
// already ignores pkg/, and npm must not read it as an ignore list.
rmSync(join(pkgDir, ".gitignore"), { force: true });

// The README, the changelog and any licence texts at the repo root ship with the package
// (wasm-pack copies README.md, and LICENSE* only in some versions).
for (const name of readdirSync(root).sort()) {
  if (SHIPPED_FROM_ROOT.test(name) && statSync(join(root, name)).isFile()) {
    copyFileSync(join(root, name), join(pkgDir, name));
  }
}

// The README and changelog link the repository's docs, screenshot and schema, which the
// package does not ship: those links become absolute links into the repository (Cargo.toml
// `repository`), so that they resolve on npmjs.com and inside node_modules too
// (scripts/check-links.mjs checks).
if (cargo.repository) {
  const isFile = (rel) => existsSync(join(root, rel)) && statSync(join(root, rel)).isFile();
  for (const name of readdirSync(root).sort()) {
    if (!name.endsWith(".md") || !SHIPPED_FROM_ROOT.test(name) || !isFile(name)) continue;
    const text = packageReadme(readFileSync(join(root, name), "utf8"), {
      repository: cargo.repository,
      shipped: (rel) => SHIPPED_FROM_ROOT.test(rel) && isFile(rel),
      isDir: (rel) => existsSync(join(root, rel)) && !isFile(rel),
    });
    writeFileSync(join(pkgDir, name), text);
  }
}

// What a browser downloads is minified (about 6 KB less gzip, issue #15): a web team that
// serves pkg/ as it is, with no bundler, gets the small files. Each has a source map with the
// readable source in it, which browsers' developer tools fetch and nothing else does. Export
// names, strings and the `new URL("…wasm", import.meta.url)` that bundlers look for are kept;
// class names too, for error messages. Node's entry and the command line stay as written.
for (const name of [ENTRY, ELEMENT, DOM, GLUE]) {
  const path = join(pkgDir, name);
  if (!existsSync(path)) continue;
  const text = readFileSync(path, "utf8");
  // Already minified (this script run twice on one pkg/): the map keeps the first source.
  if (text.trimEnd().endsWith(`//# sourceMappingURL=${name}.map`)) continue;
  // The readable source has a name of its own in the map (source/…), so that developer tools
  // and `node --enable-source-maps` show it beside the minified file, not in its place.
  const out = await minify(
    { [`source/${name}`]: text },
    {
      module: true,
      ecma: 2020,
      compress: { passes: 2 },
      keep_classnames: true,
      format: { comments: false },
      sourceMap: { filename: name, url: `${name}.map`, includeSources: true },
    },
  );
  writeFileSync(path, out.code);
  writeFileSync(`${path}.map`, out.map);
}

const shipped = listFiles(pkgDir)
  .map((f) => relative(pkgDir, f).split(sep).join("/"))
  .filter((f) => f !== "package.json" && !f.startsWith("."));

for (const required of [ENTRY, NODE_ENTRY, ELEMENT, DOM, CLI, TYPES, CORE_WASM]) {
  if (!shipped.includes(required)) {
    console.warn(`finish-pkg: warning: pkg/${required} is missing; the package is incomplete`);
  }
}

const repository = cargo.repository ?? generated.repository?.url;
// For a GitHub repository, npm's "homepage" and "bugs" links follow from it.
const github = /^https:\/\/github\.com\/[^/]+\/[^/]+?(\.git)?\/?$/.test(repository ?? "") ? repository.replace(/(\.git)?\/?$/, "") : null;
const homepage = cargo.homepage ?? (github ? `${github}#readme` : undefined);
const manifest = {
  name: "action-plan-tracker",
  version: cargo.version ?? generated.version,
  description: cargo.description ?? generated.description,
  license: cargo.license ?? generated.license,
  // npm's own form (git+https://….git): otherwise `npm publish` rewrites it and warns.
  ...(repository ? { repository: { type: "git", url: github ? `git+${github}.git` : repository } } : {}),
  ...(homepage ? { homepage } : {}),
  ...(github ? { bugs: { url: `${github}/issues` } } : {}),
  ...(cargo.authors?.length ? { author: cargo.authors[0] } : {}),
  keywords: cargo.keywords ?? generated.keywords ?? [],
  type: "module",
  main: ENTRY,
  module: ENTRY,
  types: TYPES,
  // Node (and server builds for Node) read the .wasm from disk; everything else fetches it.
  // One set of types describes both: the same names, with the element undefined without a DOM.
  exports: {
    ".": {
      types: `./${TYPES}`,
      node: `./${NODE_ENTRY}`,
      default: `./${ENTRY}`,
    },
    [`./${CORE_WASM}`]: `./${CORE_WASM}`,
    "./package.json": "./package.json",
  },
  bin: { "action-plan-tracker": `./${CLI}` },
  engines: { node: ">=20" },
  files: shipped,
  // Both entry points register the element (where there is a DOM).
  sideEffects: [`./${ENTRY}`, `./${NODE_ENTRY}`],
};

writeFileSync(manifestPath, JSON.stringify(manifest, null, 2) + "\n");
console.log(`finish-pkg: wrote ${relative(root, manifestPath)} (${manifest.name}@${manifest.version}, ${shipped.length} files)`);
