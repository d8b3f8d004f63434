// The published JSON Schema (www/schema/feed-v1.json), checked with an independent validator
// (Ajv, draft 2020-12) against the same feeds as the Rust tests:
//   - every example in www/examples/ and every feed in tests/feeds/good/ is valid;
//   - every bad feed in tests/feeds/bad/ is rejected exactly when expected.json says
//     "schema_invalid": true (which tests/bad_feeds.rs ties to Rule::structural()).
// "format" is an annotation only (format assertion off, no ajv-formats): real calendar dates
// are checked by the Rust validator, as a non-structural rule.
//
// Run: node --test tests/schema/

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import Ajv2020 from "ajv/dist/2020.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const schema = JSON.parse(readFileSync(join(root, "www/schema/feed-v1.json"), "utf8"));
const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
const validate = ajv.compile(schema);

/** The .json files of a folder (none if it does not exist), except expected.json. */
function feedsIn(dir) {
  const full = join(root, dir);
  if (!existsSync(full)) return [];
  return readdirSync(full)
    .filter((n) => n.endsWith(".json") && n !== "expected.json")
    .sort()
    .map((n) => join(dir, n));
}

/** The file as a JSON value (a leading byte-order mark removed), or undefined if not JSON. */
function readJson(path) {
  const text = readFileSync(join(root, path), "utf8").replace(/^\uFEFF/, "");
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

function why(errors) {
  return (errors ?? [])
    .slice(0, 8)
    .map((e) => `  ${e.instancePath || "(root)"} ${e.message} ${JSON.stringify(e.params)}`)
    .join("\n");
}

test("the schema compiles as draft 2020-12", () => {
  assert.equal(schema.$schema, "https://json-schema.org/draft/2020-12/schema");
  assert.equal(typeof validate, "function");
});

const good = [...feedsIn("www/examples"), ...feedsIn("tests/feeds/good")];
test("there are good feeds to check", () => {
  assert.ok(feedsIn("tests/feeds/good").length > 0, "tests/feeds/good/ has no feeds");
});
for (const path of good) {
  test(`valid: ${path}`, () => {
    const read = readJson(path);
    assert.ok(read.ok, `${path} is not JSON`);
    const ok = validate(read.value);
    assert.ok(ok, `${path} should be valid against the schema, but Ajv says:\n${why(validate.errors)}`);
  });
}

const expected = JSON.parse(
  readFileSync(join(root, "tests/feeds/bad/expected.json"), "utf8"),
).files;
for (const [name, exp] of Object.entries(expected)) {
  const path = join("tests/feeds/bad", name);
  if (typeof exp.schema_invalid !== "boolean") continue; // not JSON text at all
  const read = readJson(path);
  if (!read.ok) {
    // Not JSON for JavaScript either: no schema can accept it.
    test(`not JSON: ${path}`, () => {
      assert.equal(exp.schema_invalid, true, `${path} is not JSON, so it cannot be schema-valid`);
    });
    continue;
  }
  test(`${exp.schema_invalid ? "rejected" : "accepted"}: ${path}`, () => {
    const ok = validate(read.value);
    const rust = (exp.problems ?? [])
      .filter((p) => p.severity === "error")
      .map((p) => `  ${p.path || "(file)"} [${p.rule}]`)
      .join("\n") || "  (no errors)";
    if (exp.schema_invalid) {
      assert.ok(
        !ok,
        `${path}: the Rust validator reports a structural error, so the schema must reject it, but Ajv accepts it.\nRust errors:\n${rust}`,
      );
    } else {
      assert.ok(
        ok,
        `${path}: the Rust validator reports no structural error, so the schema must accept it, but Ajv says:\n${why(validate.errors)}\nRust errors:\n${rust}`,
      );
    }
  });
}
