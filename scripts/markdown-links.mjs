// The links of a Markdown file, its heading anchors as GitHub makes them, and the package
// README (README.md with every link to a file the npm package does not ship made absolute).
//
// Shared by scripts/check-links.mjs (which checks that every link resolves) and
// scripts/finish-pkg.mjs (which writes pkg/README.md), so that the link the checker reads is
// the link the package ships. No dependencies: enough Markdown for the project's own files
// (CommonMark inline links and images, reference definitions, <a href>/<img src>, ATX and
// setext headings, fenced code and code spans skipped).

/** Files at the repository root that scripts/finish-pkg.mjs copies into the package. */
export const SHIPPED_FROM_ROOT = /^(README\.md|CHANGELOG\.md|LICEN[CS]E([-.].*)?|COPYING([-.].*)?)$/i;

/**
 * The text with fenced code blocks and code spans replaced by spaces (newlines kept), so that
 * offsets and line numbers still match the original but nothing in code is read as a link.
 */
export function blankCode(text) {
  const lines = text.split("\n");
  let fence = null;
  const out = lines.map((line) => {
    const m = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fence) {
      if (m && m[1][0] === fence[0] && m[1].length >= fence.length && /^ {0,3}[`~]+\s*$/.test(line)) fence = null;
      return " ".repeat(line.length);
    }
    if (m) {
      fence = m[1];
      return " ".repeat(line.length);
    }
    return line;
  });
  // Code spans: a run of backticks up to the next run of the same length (may cross a line).
  return out.join("\n").replace(/(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)/g, (s) => s.replace(/[^\n]/g, " "));
}

/**
 * Every link of a Markdown text: `{ dest, start, end, line, image }`, where `start`/`end` are
 * the offsets of the destination itself in `text` (for rewriting it in place).
 */
export function extractLinks(text) {
  const plain = blankCode(text);
  const links = [];
  const lineAt = (i) => plain.slice(0, i).split("\n").length;
  const add = (dest, start, image) => {
    let d = dest;
    let s = start;
    if (d.startsWith("<") && d.endsWith(">")) {
      d = d.slice(1, -1);
      s += 1;
    }
    links.push({ dest: d, start: s, end: s + d.length, line: lineAt(start), image });
  };
  // [text](dest "title") and ![alt](dest): text may hold one level of [brackets] and newlines.
  const inline = /(!?)\[((?:[^\[\]]|\[[^\[\]]*\])*)\]\(\s*(<[^<>\n]*>|[^\s()<>]*(?:\([^\s()]*\)[^\s()<>]*)*)(?:\s+(?:"[^"]*"|'[^']*'|\([^)]*\)))?\s*\)/g;
  for (const m of plain.matchAll(inline)) {
    const prefix = m[1].length + m[2].length + 3; // "![" … "]("
    add(m[3], m.index + prefix + m[0].slice(prefix).search(/\S|$/), m[1] === "!");
  }
  // [label]: dest
  for (const m of plain.matchAll(/^ {0,3}\[([^\]\n]+)\]:[ \t]*(<[^<>\n]*>|\S+)/gm)) {
    add(m[2], m.index + m[0].length - m[2].length, false);
  }
  // <a href="…">, <img src="…">
  for (const m of plain.matchAll(/<(a|img)\b[^>]*?\s(href|src)\s*=\s*(["'])([^"']*)\3/gi)) {
    add(m[4], m.index + m[0].length - 1 - m[4].length, m[1].toLowerCase() === "img");
  }
  return links.sort((a, b) => a.start - b.start);
}

/** The plain text of a heading's Markdown, as GitHub renders it before making the anchor. */
function headingText(md) {
  const spans = [];
  let s = md.replace(/(`+)([\s\S]*?[^`])\1(?!`)/g, (_, __, code) => {
    spans.push(code.trim());
    return `\u0000${spans.length - 1}\u0000`;
  });
  s = s
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/\[([^\]]*)\]\[[^\]]*\]/g, "$1")
    .replace(/<[^>]+>/g, "")
    .replace(/\*+/g, "")
    .replace(/(^|[^\p{L}\p{N}])_+|_+(?=[^\p{L}\p{N}]|$)/gu, "$1");
  return s.replace(/\u0000(\d+)\u0000/g, (_, i) => spans[Number(i)]);
}

/** GitHub's anchor for a heading's text (github-slugger): lower case, punctuation dropped, spaces to hyphens. */
export function slug(text) {
  return headingText(text)
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, "")
    .replace(/ /g, "-");
}

/** Every anchor a Markdown text offers: its headings' (with GitHub's -1, -2 for repeats) and HTML ids. */
export function anchors(text) {
  const plain = blankCode(text);
  const lines = plain.split("\n");
  const seen = new Map();
  const out = new Set();
  const addHeading = (t) => {
    const base = slug(t);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    out.add(n === 0 ? base : `${base}-${n}`);
  };
  // Heading text comes from the original (code spans included), located through the blanked copy.
  const original = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const atx = /^ {0,3}(#{1,6})(?:[ \t]+|$)/.exec(lines[i]);
    if (atx) {
      addHeading(original[i].replace(/^ {0,3}#{1,6}[ \t]*/, "").replace(/[ \t]+#+[ \t]*$/, "").replace(/^#+$/, ""));
      continue;
    }
    const next = lines[i + 1];
    if (next !== undefined && /^ {0,3}(=+|-+)[ \t]*$/.test(next) && /\S/.test(lines[i]) && !/^ {0,3}([-*+>]|\d+[.)]|\|)/.test(lines[i])) {
      addHeading(original[i].trim());
      i++;
    }
  }
  for (const m of plain.matchAll(/<[a-z][^>]*?\s(?:id|name)\s*=\s*(["'])([^"']+)\1/gi)) out.add(m[2]);
  return out;
}

/** `https://github.com/OWNER/REPO` from a repository URL (`git+…`, `.git` tolerated), or null. */
export function githubRepo(url) {
  const m = /^(?:git\+)?(https:\/\/github\.com\/[^/\s]+\/[^/\s]+?)(?:\.git)?\/?$/.exec(url ?? "");
  return m ? m[1] : null;
}

/**
 * A Markdown file (the README, the changelog) as the npm package ships it: every relative link
 * to a file the package does not ship becomes an absolute link into the repository (`blob/main/…`; images from
 * raw.githubusercontent.com so that they show on npmjs.com), so that it resolves on the
 * repository, on the registry's page and inside node_modules alike.
 *
 * `shipped(path)` says whether the package holds the repository-root-relative `path`; `isDir(path)`
 * whether it is a folder (linked as `tree/`).
 */
export function packageReadme(text, { repository, shipped, isDir = () => false, ref = "main" }) {
  const repo = githubRepo(repository);
  if (!repo) throw new Error(`packageReadme: not a GitHub repository URL: ${repository}`);
  const raw = repo.replace("https://github.com/", "https://raw.githubusercontent.com/");
  let out = text;
  for (const link of extractLinks(text).reverse()) {
    const { dest } = link;
    if (dest === "" || dest.startsWith("#") || /^[a-z][a-z0-9+.-]*:/i.test(dest) || dest.startsWith("/")) continue;
    const [pathPart, ...frag] = dest.split("#");
    const path = decodeURI(pathPart).replace(/^\.\//, "");
    if (path === "" || path.startsWith("../") || shipped(path.replace(/\/$/, ""))) continue;
    const hash = frag.length ? `#${frag.join("#")}` : "";
    const clean = path.replace(/\/$/, "");
    const absolute = link.image
      ? `${raw}/${ref}/${encodeURI(clean)}`
      : `${repo}/${isDir(clean) ? "tree" : "blob"}/${ref}/${encodeURI(clean)}${hash}`;
    out = out.slice(0, link.start) + absolute + out.slice(link.end);
  }
  return out;
}
