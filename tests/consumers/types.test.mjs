// The package's TypeScript declarations, as a TypeScript app sees them: types/ is copied to a
// temporary folder, the packed package is put in its node_modules/ (as `npm install` would),
// and `tsc --noEmit` runs with both the JavaScript compiler (5.x) and the native one (7.x):
//
//   good.ts   everything docs/api.md shows: must type-check (strict, moduleResolution bundler,
//             and again with node16 resolution, which reads the same `exports`)
//   node.ts   a Node project's uses (validate/summarise/render, the CLI's JSON), no "dom" lib
//   bad.ts    wrong uses, each line marked `// error TSnnnn`: must fail, with exactly those
//             errors on exactly those lines, so the types really constrain
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { CONSUMERS_DIR, ensureConsumerDeps, packTarball, tempDir, untar, copyDir, run } from "./support.mjs";

const COMPILERS = [
  { label: "TypeScript 5 (tsc)", pkg: "typescript" },
  { label: "TypeScript 7 (native tsc)", pkg: "typescript-7" },
];

let nodeModules;
let pack;
let dir;

before(async () => {
  nodeModules = await ensureConsumerDeps();
  pack = await packTarball();
  dir = await tempDir("types");
  await copyDir(join(CONSUMERS_DIR, "types"), dir);
  await untar(pack.tarball, join(dir, "node_modules", "action-plan-tracker"));
});

after(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  await pack?.cleanup();
});

/** Writes tsconfig.NAME.json (the base config with other files/options) and returns its name. */
async function config(name, files, compilerOptions = {}) {
  const file = `tsconfig.${name}.json`;
  await writeFile(join(dir, file), JSON.stringify({ extends: "./tsconfig.json", compilerOptions, files }, null, 2));
  return file;
}

/** Runs tsc -p CONFIG; returns its exit status and errors as { file, line, code, text }. */
async function tsc(compiler, project) {
  const bin = join(nodeModules, compiler.pkg, "bin", "tsc");
  const { code, stdout, stderr } = await run(process.execPath, [bin, "-p", project, "--pretty", "false"], { cwd: dir, allowFailure: true });
  const errors = [];
  for (const line of (stdout + stderr).split("\n")) {
    const m = /^(.+?)\((\d+),(\d+)\): error (TS\d+): (.*)$/.exec(line.trim());
    if (m) errors.push({ file: m[1], line: Number(m[2]), code: m[4], text: m[5] });
  }
  return { code, errors, output: (stdout + stderr).trim() };
}

for (const compiler of COMPILERS) {
  test(`${compiler.label}: the version used`, async () => {
    const version = JSON.parse(readFileSync(join(nodeModules, compiler.pkg, "package.json"), "utf8")).version;
    assert.match(version, compiler.pkg === "typescript" ? /^5\./ : /^7\./);
  });

  test(`${compiler.label}: good.ts type-checks (strict, moduleResolution bundler, the package's own .d.ts checked too)`, { timeout: 120_000 }, async () => {
    const { code, output } = await tsc(compiler, "tsconfig.json");
    assert.equal(code, 0, output);
  });

  test(`${compiler.label}: good.ts type-checks with moduleResolution node16`, { timeout: 120_000 }, async () => {
    const project = await config("node16", ["good.ts"], { module: "node16", moduleResolution: "node16" });
    const { code, output } = await tsc(compiler, project);
    assert.equal(code, 0, output);
  });

  test(`${compiler.label}: bad.ts fails, with exactly the errors it marks`, { timeout: 120_000 }, async () => {
    const source = readFileSync(join(dir, "bad.ts"), "utf8").split("\n");
    const expected = source
      .map((text, i) => ({ line: i + 1, m: /\/\/ error (TS\d+)/.exec(text) }))
      .filter((x) => x.m)
      .map((x) => `bad.ts:${x.line} ${x.m[1]}`);
    assert.ok(expected.length >= 15, "bad.ts marks its wrong lines");
    const project = await config("bad", ["bad.ts"]);
    const { code, errors, output } = await tsc(compiler, project);
    assert.notEqual(code, 0, "bad.ts must not type-check");
    const got = [...new Set(errors.map((e) => `${e.file}:${e.line} ${e.code}`))];
    assert.deepEqual(got, expected, output);
  });

  test(`${compiler.label}: node.ts, a Node project (lib es2022 without "dom", node16 resolution): render() and the CLI's JSON typed`, { timeout: 120_000 }, async () => {
    const project = await config("node", ["node.ts"], { lib: ["es2022"], module: "node16", moduleResolution: "node16" });
    const { code, output } = await tsc(compiler, project);
    assert.equal(code, 0, output);
  });

  test(
    `${compiler.label}: listeners on document and window, and a feed typed with the app's own interface`,
    {},
    async () => {
      const project = await config("document", ["document-events.ts"]);
      const { code, output } = await tsc(compiler, project);
      assert.equal(code, 0, output);
    },
  );
}
