// Every relative link and #anchor in the repository's Markdown resolves; none leaves the
// repository. Run by `make test` before the slow steps:
//
//   node scripts/check-links.mjs [ROOT]      (default: the repository this script is in)
//
// Checked: every *.md file of the repository (README, CHANGELOG, SECURITY, DEVELOPERS, docs/,
// bench/, tests/**/README.md, …; not node_modules/, target/ or build output), and the
// package's Markdown as npm ships it: README.md and CHANGELOG.md as scripts/finish-pkg.mjs
// rewrites them, and pkg/*.md too when pkg/ has been built since they last changed. For each
// link:
//
// - a relative path must name a file or folder that exists inside the repository (inside the
//   package, for the package's Markdown: what it ships) and that git does not ignore;
// - `#anchor` must be a heading (GitHub's anchor for it) or an HTML id of the Markdown file
//   it points at;
// - a link to this repository on GitHub (Cargo.toml `repository`, `blob/…`, `tree/…`,
//   `raw/…` or raw.githubusercontent.com) must name a file that exists here;
// - a path from the site root (`/docs/…`) fails: GitHub and npm resolve it differently.
//
// Other absolute URLs are not fetched (the machines have no internet). Exit status 1 with
// one line per broken link, `FILE:LINE: LINK: why`.
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { SHIPPED_FROM_ROOT, anchors, extractLinks, githubRepo, packageReadme } from "./markdown-links.mjs";

const SKIP_DIRS = new Set([".git", "node_modules", "target", "pkg", "test-output"]);

/** The repository's Markdown files, relative to `root`, sorted. */
export function markdownFiles(root) {
  const out = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      const rel = relative(root, full).split(sep).join("/");
      if (statSync(full).isDirectory()) {
        if (!SKIP_DIRS.has(name) && !ignored(root, [rel + "/"]).size) walk(full);
      } else if (name.endsWith(".md")) {
        out.push(rel);
      }
    }
  };
  walk(root);
  return out;
}

/** Whether `manifest` is still wasm-pack's own package.json, which scripts/finish-pkg.mjs
 * rewrites (with `exports`) as the last step of `make pkg`: pkg/ of an interrupted build. */
function unfinished(manifest) {
  try {
    return !JSON.parse(readFileSync(manifest, "utf8")).exports;
  } catch {
    return true;
  }
}

/** Which of `paths` (relative to `root`) git ignores; none when `root` is not a git work tree. */
export function ignored(root, paths) {
  if (paths.length === 0) return new Set();
  const r = spawnSync("git", ["check-ignore", "--stdin"], { cwd: root, input: paths.join("\n") + "\n", encoding: "utf8" });
  if (r.status !== 0 && r.status !== 1) return new Set();
  return new Set(r.stdout.split("\n").filter(Boolean));
}

/** `repository` from Cargo.toml's [package] table, if any. */
function cargoRepository(root) {
  const path = join(root, "Cargo.toml");
  if (!existsSync(path)) return null;
  const m = /^\[package\][\s\S]*?^repository\s*=\s*"([^"]+)"/m.exec(readFileSync(path, "utf8"));
  return m ? m[1] : null;
}

/**
 * Checks the links of Markdown documents. `docs` is a list of
 * `{ name, text, base, root, shipped? }`: `name` for messages, `base` the folder links are
 * relative to, `root` the folder no link may leave (both absolute), `shipped(rel)` for a
 * package README (only files the package ships count). Returns `{ problems, links }`.
 */
export function checkDocuments(docs, { repoRoot, repository }) {
  const repo = githubRepo(repository);
  const problems = [];
  const pending = [];
  const anchorCache = new Map();
  const anchorsOf = (file) => {
    if (!anchorCache.has(file)) anchorCache.set(file, anchors(readFileSync(file, "utf8")));
    return anchorCache.get(file);
  };
  let links = 0;
  for (const doc of docs) {
    const ownAnchors = anchors(doc.text);
    for (const link of extractLinks(doc.text)) {
      links++;
      const fail = (why) => problems.push(`${doc.name}:${link.line}: ${link.dest}: ${why}`);
      let dest = link.dest.trim();
      let root = doc.root;
      let base = doc.base;
      let shipped = doc.shipped;
      if (repo) {
        const m = new RegExp(`^(?:${escape(repo)}/(?:blob|tree|raw)|${escape(repo.replace("https://github.com/", "https://raw.githubusercontent.com/"))})/[^/#?]+(/[^?#]*)?([?#].*)?$`).exec(dest);
        if (m) {
          // This repository on GitHub: the file must exist here (any branch is read as this one).
          dest = "." + (m[1] ?? "/") + (m[2] ?? "");
          root = base = repoRoot;
          shipped = undefined;
        }
      }
      if (/^[a-z][a-z0-9+.-]*:/i.test(dest) || dest.startsWith("//")) continue;
      if (dest.startsWith("/")) {
        fail("a path from the site root: GitHub and npm resolve it differently; write it relative to this file");
        continue;
      }
      const hashAt = dest.indexOf("#");
      const pathPart = (hashAt < 0 ? dest : dest.slice(0, hashAt)).replace(/\?.*$/, "");
      const anchor = hashAt < 0 ? null : decodeURIComponent(dest.slice(hashAt + 1));
      if (pathPart === "") {
        if (anchor !== null && anchor !== "" && !ownAnchors.has(anchor)) fail(`no heading or id "${anchor}" in this file`);
        continue;
      }
      let path;
      try {
        path = decodeURIComponent(pathPart);
      } catch {
        fail("not a valid percent-encoded path");
        continue;
      }
      const target = resolve(base, path);
      const rel = relative(root, target).split(sep).join("/");
      if (rel.startsWith("..") || rel.startsWith("/") || /^[a-zA-Z]:/.test(rel)) {
        fail(root === repoRoot ? "outside the repository" : "outside the package: the package does not ship it (link it absolutely into the repository)");
        continue;
      }
      if (!existsSync(target)) {
        fail("no such file or folder");
        continue;
      }
      if (shipped && rel !== "" && !shipped(rel)) {
        fail("the package does not ship it (link it absolutely into the repository)");
        continue;
      }
      if (root === repoRoot) pending.push({ rel: statSync(target).isDirectory() ? rel + "/" : rel, fail });
      if (anchor && target.endsWith(".md") && !anchorsOf(target).has(anchor)) {
        fail(`no heading or id "${anchor}" in ${rel}`);
      }
    }
  }
  // A file git ignores is not in a clone, nor on GitHub.
  const ig = ignored(repoRoot, [...new Set(pending.map((p) => p.rel).filter((r) => r !== "" && r !== "/"))]);
  for (const p of pending) if (ig.has(p.rel)) p.fail("git ignores it: it is not in the repository");
  return { problems, links };
}

function escape(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Every document to check in the repository at `root`, the package's Markdown included. */
export function repositoryDocuments(root) {
  const repository = cargoRepository(root);
  const notes = [];
  const docs = markdownFiles(root).map((rel) => ({
    name: rel,
    text: readFileSync(join(root, rel), "utf8"),
    base: dirname(join(root, rel)),
    root,
  }));
  if (repository) {
    // The README and changelog as scripts/finish-pkg.mjs will write them into the package,
    // checked as if there.
    const isFile = (rel) => existsSync(join(root, rel)) && statSync(join(root, rel)).isFile();
    const shipped = (rel) => SHIPPED_FROM_ROOT.test(rel) && isFile(rel);
    for (const name of readdirSync(root).filter((n) => n.endsWith(".md") && shipped(n)).sort()) {
      docs.push({
        name: `${name} (as the npm package ships it)`,
        text: packageReadme(readFileSync(join(root, name), "utf8"), {
          repository,
          shipped,
          isDir: (rel) => existsSync(join(root, rel)) && !isFile(rel),
        }),
        base: root,
        root,
        shipped,
      });
    }
  }
  const pkg = join(root, "pkg");
  const manifest = join(pkg, "package.json");
  if (existsSync(manifest)) {
    // The package as built, when it was built from the Markdown and scripts as they are now.
    const sources = ["README.md", "CHANGELOG.md", "scripts/finish-pkg.mjs", "scripts/markdown-links.mjs"]
      .map((f) => join(root, f))
      .filter((f) => existsSync(f));
    const built = statSync(manifest).mtimeMs;
    const newer = sources.filter((f) => statSync(f).mtimeMs > built);
    if (unfinished(manifest)) {
      notes.push("pkg/ was left half-built (wasm-pack ran, scripts/finish-pkg.mjs did not): its Markdown is not checked (make pkg rebuilds it)");
    } else if (newer.length) {
      notes.push(`pkg/ is older than ${newer.map((f) => relative(root, f)).join(", ")}: its Markdown is checked as it will be built (make pkg rebuilds it)`);
    } else {
      const files = JSON.parse(readFileSync(manifest, "utf8")).files ?? null;
      for (const name of readdirSync(pkg).filter((n) => n.endsWith(".md")).sort()) {
        docs.push({
          name: `pkg/${name}`,
          text: readFileSync(join(pkg, name), "utf8"),
          base: pkg,
          root: pkg,
          shipped: (rel) => rel === "package.json" || !files || files.some((f) => f === rel || f.startsWith(rel + "/")),
        });
      }
    }
  }
  return { docs, repository, notes };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = resolve(process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), ".."));
  const { docs, repository, notes } = repositoryDocuments(root);
  for (const note of notes) console.log(`check-links: note: ${note}`);
  const { problems, links } = checkDocuments(docs, { repoRoot: root, repository });
  if (problems.length) {
    console.error(problems.join("\n"));
    console.error(`check-links: ${problems.length} broken link${problems.length === 1 ? "" : "s"} in ${docs.length} Markdown files`);
    process.exit(1);
  }
  console.log(`check-links: ${links} links in ${docs.length} Markdown files resolve`);
}
