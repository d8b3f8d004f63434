// A tiny static file server for the demo and the browser tests. No dependencies.
//
//   node scripts/serve.mjs [root] [port] [--label NAME]
//       root defaults to www, port to $PORT or 8000 (0 picks a free port);
//       prints "NAME: http://127.0.0.1:PORT/" once listening
//
//   import { serve } from "./scripts/serve.mjs";
//   const { server, url, close } = await serve("www", { port: 0 });
//
// Binds 127.0.0.1 only. Serves files under root and nothing outside it; a
// directory serves its index.html. Sends no caching headers, so a rebuilt pkg/
// is picked up on reload.
import { createServer } from "node:http";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { resolve, join, extname, sep } from "node:path";
import { fileURLToPath } from "node:url";

export const MIME_TYPES = {
  ".html": "text/html; charset=utf-8",
  ".htm": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".ico": "image/x-icon",
  ".webp": "image/webp",
  ".txt": "text/plain; charset=utf-8",
  ".md": "text/markdown; charset=utf-8",
  ".ts": "text/plain; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ".woff2": "font/woff2",
};

function send(res, status, text, headers = {}) {
  res.writeHead(status, { "Content-Type": "text/plain; charset=utf-8", ...headers });
  res.end(text + "\n");
}

// Map a request path to a file under root, or null if it would leave root.
function resolveInside(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes("\0")) return null;
  const full = resolve(join(root, decoded));
  if (full !== root && !full.startsWith(root + sep)) return null;
  return full;
}

async function handle(root, req, res) {
  if (req.method !== "GET" && req.method !== "HEAD") {
    return send(res, 405, "Method Not Allowed", { Allow: "GET, HEAD" });
  }
  const { pathname } = new URL(req.url ?? "/", "http://localhost");
  let file = resolveInside(root, pathname);
  if (!file) return send(res, 403, "Forbidden");

  let info;
  try {
    info = await stat(file);
    if (info.isDirectory()) {
      if (!pathname.endsWith("/")) {
        return send(res, 301, "Moved", { Location: pathname + "/" });
      }
      file = join(file, "index.html");
      info = await stat(file);
    }
  } catch {
    return send(res, 404, "Not Found");
  }
  if (!info.isFile()) return send(res, 404, "Not Found");

  res.writeHead(200, {
    "Content-Type": MIME_TYPES[extname(file).toLowerCase()] ?? "application/octet-stream",
    "Content-Length": info.size,
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
  });
  if (req.method === "HEAD") return res.end();
  createReadStream(file)
    .on("error", () => res.destroy())
    .pipe(res);
}

/**
 * Serve `root` on 127.0.0.1.
 * @param {string} root directory to serve
 * @param {{ port?: number, host?: string }} [options] port 0 (the default) picks a free port
 * @returns {Promise<{ server: import("node:http").Server, url: string, close: () => Promise<void> }>}
 */
export async function serve(root, { port = 0, host = "127.0.0.1" } = {}) {
  const absRoot = resolve(root);
  const rootInfo = await stat(absRoot).catch(() => null);
  if (!rootInfo?.isDirectory()) throw new Error(`serve: ${absRoot} is not a directory`);

  const server = createServer((req, res) => {
    handle(absRoot, req, res).catch((err) => {
      if (!res.headersSent) send(res, 500, "Internal Server Error");
      else res.destroy();
      console.error("serve:", err);
    });
  });
  await new Promise((ok, fail) => {
    server.once("error", fail);
    server.listen(port, host, () => {
      server.off("error", fail);
      ok();
    });
  });
  const address = server.address();
  const url = `http://${host}:${address.port}/`;
  const close = () =>
    new Promise((ok) => {
      server.close(() => ok());
      server.closeAllConnections?.();
    });
  return { server, url, close };
}

// CLI
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  let label = null;
  const li = args.indexOf("--label");
  if (li !== -1) [, label] = args.splice(li, 2);
  const root = args[0] ?? "www";
  const portArg = args[1] ?? process.env.PORT ?? "8000";
  const port = Number(portArg);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`serve: bad port ${JSON.stringify(portArg)}`);
    process.exit(2);
  }
  try {
    const { url } = await serve(root, { port });
    console.log(label ? `${label}: ${url}` : `Serving ${resolve(root)} at ${url}`);
    console.log("(Ctrl+C to stop)");
  } catch (err) {
    console.error(`serve: ${err.code === "EADDRINUSE" ? `port ${port} is in use (try PORT=...)` : err.message}`);
    process.exit(1);
  }
}
