// scripts/serve.mjs: MIME types, index.html, 404, no way out of the root.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { request } from "node:http";
import { startServer } from "./harness.mjs";

let server;
before(async () => {
  server = await startServer("tests/browser/fixtures");
});
after(() => server?.close());

// Raw request, so paths such as /../ reach the server unnormalised.
function get(path) {
  const { hostname, port } = new URL(server.url);
  return new Promise((ok, fail) => {
    request({ hostname, port, path, method: "GET" }, (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => ok({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    })
      .on("error", fail)
      .end();
  });
}

test("binds 127.0.0.1 on the port it was given (0 = any free port)", () => {
  assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
  assert.equal(server.server.address().address, "127.0.0.1");
});

test("serves files with their MIME types", async () => {
  const cases = {
    "/smoke.html": "text/html; charset=utf-8",
    "/smoke.js": "text/javascript; charset=utf-8",
    "/add.wasm": "application/wasm",
  };
  for (const [path, type] of Object.entries(cases)) {
    const res = await get(path);
    assert.equal(res.status, 200, path);
    assert.equal(res.headers["content-type"], type, path);
  }
});

test("missing files are 404", async () => {
  assert.equal((await get("/nope.html")).status, 404);
});

test("never serves a file outside the root", async () => {
  for (const path of ["/../harness.mjs", "/..%2fharness.mjs", "/%2e%2e/%2e%2e/package.json", "/../../../../etc/passwd"]) {
    const res = await get(path);
    assert.ok(res.status === 403 || res.status === 404, `${path} gave ${res.status}`);
    assert.ok(!res.body.toString().includes("import"), `${path} leaked a file`);
  }
});
