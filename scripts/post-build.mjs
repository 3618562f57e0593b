// Finishes a release in a build directory (trunk's staging dir, or a dist/
// given as argument). Safe to run twice on the same directory.
//
// 1. Writes the base path (trunk's --public-url) and a release label into
//    index.html, and points its static links (icons, manifest) at the base.
// 2. Hashes the inline loader script trunk writes, and puts a strict
//    Content-Security-Policy in index.html (<meta>) and in bantin-csp.conf,
//    which the shipped nginx config includes as a header.
// 3. Writes sw.js from public/sw.js with this release's exact file list and
//    version, so a release precaches only its own files.
// 4. Copies index.html to 404.html, for static hosts without SPA fallback,
//    and to shell.html, which `bantin-feed publish` and the service worker use.
// 5. Precompresses the app files (.br and .gz) for nginx's *_static.
// 6. Publishes the bundled feed's pages (`bantin-feed publish`).
//
// A debug build (`trunk serve`, TRUNK_PROFILE=debug) gets steps 1 and 4
// only: brotli at quality 11 on a 50 MB debug wasm took a minute of every
// rebuild, and a debug build registers no service worker (src/browser/service_worker.rs).
//
// Environment: TRUNK_STAGING_DIR, TRUNK_PUBLIC_URL and TRUNK_PROFILE (set
// by trunk), BANTIN_RELEASE (a label for this release; default: git
// commit and time).
import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync, readdirSync, statSync, existsSync, rmSync } from "node:fs";
import { join, relative, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, gzipSync, constants } from "node:zlib";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const dir = process.argv[2] || process.env.TRUNK_STAGING_DIR;
if (!dir || !existsSync(join(dir, "index.html"))) {
  console.error("post-build: no index.html in", dir ?? "(no directory given)");
  process.exit(1);
}

// Paths that are not app files: the feed and its schema change without a
// release, the service worker and server snippets are not cached by the SW.
const NOT_APP = [/^feed\//, /^schema\//, /^sw\.js$/, /^404\.html$/, /^index\.html$/, /(^|\/)index\.html$/, /^og-card\.png$/, /^\.bantin-publish\.json$/, /^robots\.txt$/, /\.conf$/, /\.(br|gz)$/];
const COMPRESS = /\.(html|js|wasm|css|svg|webmanifest)$/;
const sha256 = (data, enc = "hex") => createHash("sha256").update(data).digest(enc);

function files(root) {
  const out = [];
  for (const name of readdirSync(root)) {
    const path = join(root, name);
    if (statSync(path).isDirectory()) out.push(...files(path));
    else out.push(relative(dir, path).split("\\").join("/"));
  }
  return out.sort();
}

// <meta name=NAME content=VALUE>, replaced if present (minified or not).
function setMeta(html, name, content) {
  const tag = `<meta name="${name}" content="${content}">`;
  const re = new RegExp(`<meta[^>]*\\bname="?${name}"?[^>]*>`);
  return re.test(html) ? html.replace(re, tag) : intoHead(html, tag);
}

// Puts a tag at the start of the head, after the charset (which must come
// within the first 1024 bytes). The minified page has no <head> tag.
function intoHead(html, tag) {
  for (const re of [/<meta charset=[^>]*>/i, /<head[^>]*>/i, /<html[^>]*>/i]) {
    if (re.test(html)) return html.replace(re, (m) => `${m}${tag}`);
  }
  throw new Error("index.html has no <html> tag");
}

function defaultRelease() {
  let commit = "dev";
  try {
    commit = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT, stdio: ["ignore", "pipe", "ignore"] })
      .toString()
      .trim();
  } catch {}
  return `${commit}-${new Date().toISOString().slice(0, 16).replace(/[-:T]/g, "")}`;
}

let base = process.env.TRUNK_PUBLIC_URL || "";
let html = readFileSync(join(dir, "index.html"), "utf8");
if (!base) base = html.match(/name="?bantin-base"?[^>]*content="?([^" >]+)/)?.[1] ?? "/";
if (!base.startsWith("/") && !/^https?:/.test(base)) base = `/${base}`;
if (!base.endsWith("/")) base += "/";
const release = (process.env.BANTIN_RELEASE || defaultRelease()).replace(/[^\w.-]/g, "");

html = setMeta(html, "bantin-base", base);
html = setMeta(html, "bantin-release", release);
// The feed index downloads alongside the wasm instead of after it: the
// page's preload scanner starts it, and the app's fetch (same URL, mode
// and credentials) takes the answer. Built from bantin-feed: a deployer
// who points that tag elsewhere should rebuild, or edit both.
{
  const feed = html.match(/name="?bantin-feed"?[^>]*content="?([^" >]+)/)?.[1] ??
    html.match(/content="?([^" >]+)"? name="?bantin-feed"?/)?.[1] ?? "feed/";
  const feedBase = (/^(\/|https?:)/i.test(feed) ? feed : `${base}${feed}`).replace(/\/?$/, "/");
  const preload = `<link rel="preload" href="${feedBase}index.json" as="fetch" crossorigin>`;
  html = html.replace(/<link rel="preload" href="[^"]*index\.json"[^>]*>/, "");
  html = intoHead(html, preload);
}
// The loader starts the wasm once the page has loaded (its first screen's
// pictures and stylesheet), or after 3 s at most: on a published page the
// reader reads meanwhile, and 360 KB of wasm no longer shares a phone's
// bandwidth with the picture the page leads with. On the app's own page
// (index.html without content) `load` comes at once. After `load`, one
// frame more: the page has been painted before the wasm is asked for, even
// where `load` comes before the first paint (a fast network). When the service
// worker controls the page, the wasm comes from its store, no bandwidth is
// shared, and it starts at once. The hash below covers the edited script.
{
  const wait = "navigator.serviceWorker?.controller||await Promise.race([new Promise(r=>document.readyState===\"complete\"?r():addEventListener(\"load\",r,{once:true})).then(()=>new Promise(r=>requestAnimationFrame(()=>setTimeout(r)))),new Promise(r=>setTimeout(r,3e3))]);";
  const call = /const wasm ?= ?await init\(/;
  if (!html.includes(wait)) {
    if (!call.test(html)) throw new Error("post-build: trunk's loader has changed (no `const wasm = await init(`)");
    html = html.replace(call, (m) => wait + m);
  }
}
// Static links in index.html are written for "/": move them under the base.
// (Trunk's own outputs, the wasm, its loader, the stylesheet and prefs.js,
// already carry the base and a hashed name; they are app files below.)
if (base !== "/") {
  html = html.replace(/(href|src)=("?)\/(favicon\.svg|manifest\.webmanifest|icons\/)/g, (m, attr, q, rest) => `${attr}=${q}${base}${rest}`);
}

if (process.env.TRUNK_PROFILE === "debug") {
  writeFileSync(join(dir, "index.html"), html);
  writeFileSync(join(dir, "404.html"), html);
  writeFileSync(join(dir, "shell.html"), html);
  console.log(`post-build: debug build, base ${base} (no service worker, CSP or precompressed files)`);
  process.exit(0);
}

// The policy. Scripts: this release's own files, wasm, and the hash of each
// inline script trunk wrote (its loader); never 'unsafe-inline'.
const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => `'sha256-${sha256(m[1], "base64")}'`);
const policy = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${inline.join(" ")}`.trim(),
  "style-src 'self'",
  "img-src 'self' data: https:",
  "media-src 'self' https:",
  "connect-src 'self' https:",
  "font-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "frame-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join("; ");
const cspMeta = `<meta http-equiv="Content-Security-Policy" content="${policy}">`;
html = html.replace(/<meta http-equiv="?Content-Security-Policy"?[^>]*>/i, "");
html = intoHead(html, cspMeta);
// frame-ancestors only works as a header: nginx sends the full policy.
writeFileSync(join(dir, "bantin-csp.conf"), `# Made by scripts/post-build.mjs for release ${release}.\nset $bantin_csp "${policy}; frame-ancestors 'none'";\n`);

writeFileSync(join(dir, "index.html"), html);
writeFileSync(join(dir, "404.html"), html);
// The app's own page, kept whole: `bantin-feed publish` makes its pages
// from it (and may then write index.html as the published home page), and
// the service worker opens it for any address when offline.
writeFileSync(join(dir, "shell.html"), html);

// The service worker, with this release's files and a version that changes
// whenever any of them does.
const appFiles = files(dir).filter((f) => !NOT_APP.some((re) => re.test(f)));
const version = sha256(appFiles.map((f) => `${f} ${sha256(readFileSync(join(dir, f)))}\n`).join("")).slice(0, 16);
// The protocol it shares with the app, from its one source (the format
// crate, through the feed tool).
const protocol = execFileSync("cargo", ["run", "--quiet", "--locked", "-p", "bantin-feed", "--", "sw-protocol"], { cwd: ROOT, encoding: "utf8" }).trim();
JSON.parse(protocol);
const template = readFileSync(join(ROOT, "public", "sw.js"), "utf8");
const placeholders = ['"__BANTIN_VERSION__"', '"__BANTIN_RELEASE__"', "[/* __BANTIN_APP_FILES__ */]", "{/* __BANTIN_PROTOCOL__ */}"];
for (const p of placeholders) if (!template.includes(p)) throw new Error(`public/sw.js lacks the placeholder ${p}`);
const sw = template
  .replace(placeholders[0], JSON.stringify(version))
  .replace(placeholders[1], JSON.stringify(release))
  .replace(placeholders[2], JSON.stringify(appFiles))
  .replace(placeholders[3], protocol);
writeFileSync(join(dir, "sw.js"), sw);

// Precompressed copies for nginx (gzip_static, brotli_static). Stale ones
// from an earlier run go first.
for (const f of files(dir)) if (/\.(br|gz)$/.test(f) && !/^feed\//.test(f)) rmSync(join(dir, f));
let compressed = 0;
for (const f of files(dir)) {
  if (/^(feed|schema)\//.test(f) || !COMPRESS.test(f)) continue;
  const data = readFileSync(join(dir, f));
  writeFileSync(join(dir, `${f}.gz`), gzipSync(data, { level: 9 }));
  writeFileSync(join(dir, `${f}.br`), brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
  compressed++;
}
console.log(`post-build: release ${release}, version ${version}, base ${base}, ${appFiles.length} app files precached, ${compressed} files precompressed`);

// The bundled feed's pages, published (bantin-feed publish): every address
// a reader lands on gets its first screen as HTML, with link previews.
// A deployment whose feed lives elsewhere publishes its own feed with the
// same command (README). BANTIN_SITE_URL is the public address; the tests'
// clock sits in the demo weeks (BANTIN_DEMO_TODAY), so the pages do too.
if (existsSync(join(dir, "feed", "index.json"))) {
  const siteUrl = process.env.BANTIN_SITE_URL || `http://127.0.0.1:8080${base}`;
  const args = ["run", "--quiet", "--locked", "-p", "bantin-feed", "--", "publish", join(dir, "feed"), "--dist", dir, "--site-url", siteUrl];
  if (process.env.BANTIN_DEMO_TODAY) args.push("--now", `${process.env.BANTIN_DEMO_TODAY}T09:30:00+07:00`);
  execFileSync("cargo", args, { cwd: ROOT, stdio: ["ignore", "inherit", "inherit"] });
}
