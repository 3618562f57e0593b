// Prints raw, gzip (-9) and brotli (q11) sizes of the app files in a build.
// Node's zlib has both codecs, so this needs nothing installed.
import { readdirSync, readFileSync, existsSync } from "node:fs";
import { join, extname } from "node:path";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";

const dist = process.argv[2];
if (!dist || !existsSync(join(dist, "index.html"))) {
  console.error("no build in dist/: run scripts/build first");
  process.exit(1);
}
const kinds = { ".wasm": "wasm", ".js": "js", ".css": "css", ".html": "html" };
const files = readdirSync(dist)
  .filter((f) => kinds[extname(f)] && (extname(f) !== ".html" || f === "index.html"))
  .sort((a, b) => Object.keys(kinds).indexOf(extname(a)) - Object.keys(kinds).indexOf(extname(b)));

const sizes = (buf) => [
  buf.length,
  gzipSync(buf, { level: 9 }).length,
  brotliCompressSync(buf, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: buf.length },
  }).length,
];
const kb = (n) => (n / 1024).toFixed(1).padStart(8) + " KB";
const row = (name, s) => console.log(name.padEnd(36) + s.map(kb).join(""));

console.log("file".padEnd(36) + "     raw".padStart(11) + "    gzip".padStart(11) + "  brotli".padStart(11));
const total = [0, 0, 0];
for (const f of files) {
  const s = sizes(readFileSync(join(dist, f)));
  s.forEach((v, i) => (total[i] += v));
  row(`${f.replace(/-[0-9a-f]{16}(?=[._])/, "")} (${kinds[extname(f)]})`, s);
}
row("total app files", total);
