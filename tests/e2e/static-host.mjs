// A plain static host, like GitHub Pages or an object store's website mode:
// files as they are under a sub-path, no SPA fallback, and 404.html (with
// status 404) for anything missing. The sub-path build must work on it.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { join, extname, normalize } from "node:path";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".webmanifest": "application/manifest+json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".webp": "image/webp",
  ".pdf": "application/pdf",
};

/** Serves `root` at `prefix` ("/bantin/") on a free loopback port. */
export async function staticHost(root, prefix) {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    const inside = path.startsWith(prefix) ? path.slice(prefix.length) : null;
    const file = inside === null ? null : normalize(join(root, inside || "index.html"));
    if (file && file.startsWith(root)) {
      try {
        const target = (await stat(file)).isDirectory() ? join(file, "index.html") : file;
        const body = await readFile(target);
        res.writeHead(200, { "content-type": TYPES[extname(target)] ?? "application/octet-stream" });
        return res.end(body);
      } catch {}
    }
    const page = await readFile(join(root, "404.html")).catch(() => "not found");
    res.writeHead(404, { "content-type": "text/html; charset=utf-8" }).end(page);
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  return {
    url: `http://127.0.0.1:${server.address().port}${prefix}`,
    close: () => new Promise((ok) => server.close(ok)),
  };
}
