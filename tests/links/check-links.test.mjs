// scripts/check-links.mjs: each kind of broken link in a small Markdown fixture fails, with a
// message naming the file, line and link; what GitHub and npm resolve passes. The fixtures are
// written to temporary folders (a broken link kept in the repository would fail the real check).
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, mkdirSync, writeFileSync, rmSync, utimesSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { checkDocuments, repositoryDocuments } from "../../scripts/check-links.mjs";
import { anchors, extractLinks, packageReadme, slug } from "../../scripts/markdown-links.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = join(here, "..", "..");
const script = join(repoRoot, "scripts", "check-links.mjs");
const REPO = "https://github.com/example/tracker";

/** A temporary repository with `files` ({path: text}), a Cargo.toml naming REPO, and git. */
function fixture(files, t) {
  const root = mkdtempSync(join(tmpdir(), "check-links-"));
  t.after(() => rmSync(root, { recursive: true, force: true }));
  const all = { "Cargo.toml": `[package]\nname = "x"\nrepository = "${REPO}"\n`, ...files };
  for (const [path, text] of Object.entries(all)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  spawnSync("git", ["init", "-q"], { cwd: root });
  return root;
}

function check(root) {
  const { docs, repository } = repositoryDocuments(root);
  return checkDocuments(docs, { repoRoot: root, repository }).problems;
}

test("a link out of the repository fails, naming file, line and link", (t) => {
  const root = fixture({ "README.md": "# R\n\nThe [format](../shared/spec/feed-v1.md).\n" }, t);
  const problems = check(root).filter((p) => p.startsWith("README.md:"));
  assert.deepEqual(problems, ["README.md:3: ../shared/spec/feed-v1.md: outside the repository"]);
});

test("a link to a missing file, or to a missing heading of another file, fails", (t) => {
  const root = fixture(
    {
      "docs/a.md": "# A\n\n[b](b.md), [gone](gone.md), [b's part](b.md#the-part), [b's nothing](b.md#nothing)\n",
      "docs/b.md": "# B\n\n## The part\n",
    },
    t,
  );
  assert.deepEqual(check(root), [
    "docs/a.md:3: gone.md: no such file or folder",
    'docs/a.md:3: b.md#nothing: no heading or id "nothing" in docs/b.md',
  ]);
});

test("an anchor of the same file must be one of its headings or ids", (t) => {
  const root = fixture(
    {
      "x.md": [
        "# Title",
        "## `mount(element, options?)`",
        "## Links to a filtered view (URL fragment)",
        "## Notes",
        "## Notes",
        '<a id="kept-here"></a>',
        "Setext heading",
        "--------------",
        "",
        "[1](#mountelement-options) [2](#links-to-a-filtered-view-url-fragment) [3](#notes-1)",
        "[4](#kept-here) [5](#setext-heading) [6](#notes-2) [7](#Title)",
      ].join("\n"),
    },
    t,
  );
  assert.deepEqual(check(root), ['x.md:11: #notes-2: no heading or id "notes-2" in this file', 'x.md:11: #Title: no heading or id "Title" in this file']);
});

test("links in code blocks and code spans are not links", (t) => {
  const root = fixture({ "x.md": "# X\n\n```md\n[a](../out.md)\n```\n\n`[b](missing.md)` and ~~~ no fence\n\n~~~\n[c](nope.md)\n~~~\n" }, t);
  assert.deepEqual(check(root), []);
});

test("a path from the site root fails; other absolute URLs are not fetched", (t) => {
  const root = fixture({ "x.md": "# X\n\n[a](/docs/x.md) [b](https://example.org/nowhere) [c](mailto:a@b.c)\n" }, t);
  assert.deepEqual(check(root), ["x.md:3: /docs/x.md: a path from the site root: GitHub and npm resolve it differently; write it relative to this file"]);
});

test("a link to a file git ignores fails: a clone does not have it", (t) => {
  const root = fixture({ ".gitignore": "/build\n", "build/out.html": "", "x.md": "# X\n\n[built](build/out.html)\n" }, t);
  assert.deepEqual(check(root), ["x.md:3: build/out.html: git ignores it: it is not in the repository"]);
});

test("a link to this repository on GitHub must name a file that exists here", (t) => {
  const root = fixture(
    {
      "docs/guide.md": "# Guide\n\n## Part\n",
      "x.md": `# X\n\n[ok](${REPO}/blob/main/docs/guide.md#part) [dir](${REPO}/tree/main/docs) [gone](${REPO}/blob/main/docs/gone.md)\n` +
        `![img](https://raw.githubusercontent.com/example/tracker/main/docs/none.png) [anchor](${REPO}/blob/main/docs/guide.md#whole)\n`,
    },
    t,
  );
  assert.deepEqual(check(root), [
    `x.md:3: ${REPO}/blob/main/docs/gone.md: no such file or folder`,
    "x.md:4: https://raw.githubusercontent.com/example/tracker/main/docs/none.png: no such file or folder",
    `x.md:4: ${REPO}/blob/main/docs/guide.md#whole: no heading or id "whole" in docs/guide.md`,
  ]);
});

test("the package's README and changelog may link only to what the package ships", (t) => {
  const root = fixture(
    {
      ".gitignore": "/pkg\n",
      "README.md": "# R\n",
      "docs/guide.md": "# Guide\n",
      "pkg/package.json": JSON.stringify({ exports: { ".": "./index.js" }, files: ["index.js", "CHANGELOG.md"] }),
      "pkg/index.js": "",
      "pkg/CHANGELOG.md": "# Changes\n\nSee [versions](docs/guide.md).\n",
      "pkg/README.md": "# R\n\n[guide](docs/guide.md) [changes](CHANGELOG.md#changes) [up](../docs/guide.md)\n",
    },
    t,
  );
  assert.deepEqual(check(root), [
    "pkg/CHANGELOG.md:3: docs/guide.md: no such file or folder",
    "pkg/README.md:3: docs/guide.md: no such file or folder",
    "pkg/README.md:3: ../docs/guide.md: outside the package: the package does not ship it (link it absolutely into the repository)",
  ]);
});

test("a pkg/ built before the README last changed is not checked, and says so", (t) => {
  const root = fixture({ ".gitignore": "/pkg\n", "pkg/package.json": '{"exports": {}}', "pkg/README.md": "[old](docs/gone.md)\n", "README.md": "# R\n" }, t);
  const later = new Date(Date.now() + 60_000);
  utimesSync(join(root, "README.md"), later, later);
  const { docs, notes } = repositoryDocuments(root);
  assert.deepEqual(notes, ["pkg/ is older than README.md: its Markdown is checked as it will be built (make pkg rebuilds it)"]);
  assert.equal(docs.filter((d) => d.name.startsWith("pkg/")).length, 0);
  assert.deepEqual(check(root), []);
});

test("a pkg/ left half-built (make pkg interrupted before finish-pkg) is not checked, and says so", (t) => {
  // wasm-pack's own package.json (no "exports") and the repository's README copied as it is.
  const root = fixture({ ".gitignore": "/pkg\n", "pkg/package.json": '{"name": "x", "files": ["README.md"]}', "pkg/README.md": "[guide](docs/guide.md)\n", "README.md": "# R\n" }, t);
  const { docs, notes } = repositoryDocuments(root);
  assert.deepEqual(notes, ["pkg/ was left half-built (wasm-pack ran, scripts/finish-pkg.mjs did not): its Markdown is not checked (make pkg rebuilds it)"]);
  assert.equal(docs.filter((d) => d.name.startsWith("pkg/")).length, 0);
  assert.deepEqual(check(root), []);
});

test("without pkg/, README.md and CHANGELOG.md are checked as the package will ship them", (t) => {
  const readme = "# R\n\n![shot](docs/shot.png) [guide](docs/guide.md#guide) [changes](CHANGELOG.md) [folder](docs/)\n";
  const files = { "README.md": readme, "CHANGELOG.md": "# C\n\n[guide](docs/guide.md#nothing)\n", "docs/guide.md": "# Guide\n", "docs/shot.png": "" };
  const root = fixture(files, t);
  // The changelog's link is rewritten into the repository, where the anchor is still checked.
  assert.deepEqual(check(root), [
    'CHANGELOG.md:3: docs/guide.md#nothing: no heading or id "nothing" in docs/guide.md',
    `CHANGELOG.md (as the npm package ships it):3: ${REPO}/blob/main/docs/guide.md#nothing: no heading or id "nothing" in docs/guide.md`,
  ]);
  const shipped = packageReadme(readme, { repository: REPO, shipped: (p) => p === "CHANGELOG.md", isDir: (p) => p === "docs" });
  assert.equal(
    shipped,
    "# R\n\n![shot](https://raw.githubusercontent.com/example/tracker/main/docs/shot.png) " +
      `[guide](${REPO}/blob/main/docs/guide.md#guide) [changes](CHANGELOG.md) [folder](${REPO}/tree/main/docs)\n`,
  );
});

test("the command exits 1 and lists each broken link; 0 when all resolve", (t) => {
  const bad = fixture({ "README.md": "# R\n\n[spec](../shared/spec/cli.md)\n" }, t);
  const r = spawnSync(process.execPath, [script, bad], { encoding: "utf8" });
  assert.equal(r.status, 1, r.stderr);
  assert.match(r.stderr, /^README\.md:3: \.\.\/shared\/spec\/cli\.md: outside the repository$/m);
  const good = fixture({ "README.md": "# R\n\n[me](#r)\n" }, t);
  const ok = spawnSync(process.execPath, [script, good], { encoding: "utf8" });
  assert.equal(ok.status, 0, ok.stderr);
});

test("GitHub's anchors: punctuation dropped, letters of any language and underscores kept", () => {
  assert.equal(slug("`summary --since DATE`"), "summary---since-date");
  assert.equal(slug("actions[] (1.1: `number`)"), "actions-11-number");
  assert.equal(slug("Cymraeg: ŵ a ŷ"), "cymraeg-ŵ-a-ŷ");
  assert.equal(slug("`schema_version` and *text*"), "schema_version-and-text");
  assert.deepEqual([...anchors("# A\n# A\n# A\n")], ["a", "a-1", "a-2"]);
  assert.deepEqual(
    extractLinks("[a](x.md) ![b](<y z.png>) [c]: r.md\n[d](u.md \"title\")\n[e\nf](w.md)").map((l) => l.dest),
    ["x.md", "y z.png", "u.md", "w.md"],
  );
});

test("the repository's own Markdown passes", () => {
  const r = spawnSync(process.execPath, [script], { encoding: "utf8" });
  assert.equal(r.status, 0, r.stderr);
});
