// Script injection through the feed. The test suite turns the sample feed
// into a hostile one: every text field gets a script payload (after the
// OWASP XSS filter evasion cheat sheet: script tags, event handlers,
// javascript: and data: URLs, SVG, mixed case, entities, direction
// overrides) and every URL field a hostile URL. Every route is visited
// with the nginx config's CSP in force; nothing may run, no script or
// event-handler attribute may reach the DOM, and no link may have a
// scheme other than http, https or a relative path.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { start, openPage, DIST } from "./harness.mjs";
import { TEXT_PAYLOADS } from "./payloads.mjs";

const URL_PAYLOADS = [
  "javascript:alert(1)",
  "JaVaScRiPt:alert(2)",
  "java\tscript:alert(3)",
  " javascript:alert(4)",
  "data:text/html;base64,PHNjcmlwdD5hbGVydCg1KTwvc2NyaXB0Pg==",
  "data:image/svg+xml,<svg onload=alert(6)>",
  "vbscript:msgbox(7)",
  "//evil.example/x.js",
  "&#106;avascript:alert(8)",
  "jav&#x09;ascript:alert(9)",
];
// Fields whose value the app needs to find things; they stay, so the
// pages have content to render the payloads with.
const KEEP = new Set([
  "id", "slug", "published", "updated", "start", "end", "issued", "effective", "expires", "generated_at",
  "format_version", "kind", "type", "session", "status", "category", "categories", "week", "document",
  "related", "replaces", "replaced_by", "featured", "weeks", "format", "level", "ordered", "tags", "fields",
  "number", "page", "pages", "page_size", "total", "list", "issuer_code", "type_code", "lists",
]);
const URL_KEYS = new Set(["url", "src", "link"]);

let n = 0;
function poison(value, key) {
  if (Array.isArray(value)) return value.map((v) => poison(v, key));
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, poison(v, k)]));
  }
  if (typeof value !== "string" || KEEP.has(key)) return value;
  n++;
  if (URL_KEYS.has(key)) return URL_PAYLOADS[n % URL_PAYLOADS.length];
  return `${value} ${TEXT_PAYLOADS[n % TEXT_PAYLOADS.length]}`;
}

function jsonFiles(dir) {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? jsonFiles(p) : p.endsWith(".json") ? [p] : [];
  });
}

let env;
let hostile;
let index;
before(async () => {
  env = await start();
  hostile = mkdtempSync(join(tmpdir(), "bantin-hostile-"));
  cpSync(DIST, hostile, { recursive: true });
  for (const file of jsonFiles(join(hostile, "feed"))) {
    writeFileSync(file, JSON.stringify(poison(JSON.parse(readFileSync(file, "utf8")), "")));
  }
  index = JSON.parse(readFileSync(join(hostile, "feed", "index.json"), "utf8"));
  await env.server.deploy(hostile);
});
after(async () => {
  await env?.server.deploy(DIST);
  await env?.stop();
  if (hostile) rmSync(hostile, { recursive: true, force: true });
});

async function assertInert(page, route) {
  const report = await page.evaluate(() => {
    const bad = [];
    // Scripts: only the app's own (the trunk loader and its module, and
    // the settings script in the head, public/prefs.js).
    const own = (s) =>
      (s.type === "module" && (s.src === "" ? s.textContent.includes("TrunkApplicationStarted") : true)) ||
      (s.parentElement === document.head && s.src !== "" && new URL(s.src).origin === location.origin && /^\/prefs-[0-9a-f]{16}\.js$/.test(new URL(s.src).pathname));
    for (const s of document.querySelectorAll("script")) {
      if (!own(s)) {
        bad.push(`script: ${s.outerHTML.slice(0, 80)}`);
      }
    }
    for (const el of document.querySelectorAll("*")) {
      for (const a of el.attributes) {
        if (/^on/i.test(a.name)) bad.push(`${el.tagName} ${a.name}`);
      }
      if (/^(IFRAME|OBJECT|EMBED|FRAME|BASE)$/.test(el.tagName)) bad.push(`element ${el.tagName}`);
    }
    for (const el of document.querySelectorAll("[href], [src], [action], [formaction], [xlink\\:href]")) {
      for (const name of ["href", "src", "action", "formaction"]) {
        const raw = el.getAttribute(name);
        if (raw === null) continue;
        const url = new URL(raw, location.href);
        const relative = !/^[a-z][a-z0-9+.-]*:/i.test(raw.trim()) && !raw.trim().startsWith("//");
        const ok = relative || url.protocol === "http:" || url.protocol === "https:";
        // Inline pictures the validator allows (data:image/png|jpeg|gif|webp).
        const dataImage = el.tagName === "IMG" && /^data:image\/(png|jpeg|gif|webp);base64,/.test(raw);
        // The app's own "Gửi e-mail" link: no addressee and exactly a subject
        // and a body, each percent-encoded, so nothing in the feed's title can
        // add a recipient or a field (an "&" in it arrives as %26).
        const ownMail = el.matches(".reading-tools a.tool") && /^mailto:\?subject=[^&=#]*&body=[^&=#]*$/.test(raw);
        if (!ok && !dataImage && !ownMail) bad.push(`${el.tagName} ${name}=${raw.slice(0, 60)}`);
      }
    }
    const text = document.body.innerText;
    return { bad, xss: window.__xss ?? null, text: text.length, shown: /<script>|onerror=|<svg onload/i.test(text) };
  });
  assert.deepEqual(report.bad, [], `${route}: ${report.bad.join("; ")}`);
  assert.equal(report.xss, null, `${route}: a payload ran`);
  assert.ok(report.text > 50, `${route}: the page shows content`);
  return report.shown;
}

test("a hostile feed runs nothing on any route, with the shipped CSP in force", async () => {
  const page = await openPage(env.browser);
  const dialogs = [];
  page.on("dialog", (d) => (dialogs.push(`${d.type()}: ${d.message()}`), d.dismiss()));
  const csp = [];
  page.on("console", (m) => /Content Security Policy/.test(m.text()) && csp.push(m.text()));
  const article = index.latest.find((a) => a.slug)?.slug;
  const every = readdirSync(join(hostile, "feed", "articles")).map((f) => f.replace(/\.json$/, ""));
  const docs = readdirSync(join(hostile, "feed", "documents", "items")).map((f) => f.replace(/\.json$/, ""));
  const routes = [
    "/",
    "/tin-tuc",
    `/tin-tuc/${article}`,
    ...every.slice(0, 8).map((s) => `/tin-tuc/${s}`),
    "/lich-cong-tac",
    "/van-ban",
    ...docs.slice(0, 4).map((d) => `/van-ban/${d}`),
    "/tim-kiem?q=script",
    "/tim-kiem?q=alert",
    "/kiosk",
    "/ngoai-tuyen",
    "/da-luu",
  ];
  const response = await page.goto(env.url + "/");
  assert.match(response.headers()["content-security-policy"], /script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
  const shown = [];
  for (const route of routes) {
    await page.goto(env.url + route);
    await page.locator("main h1, .kiosk__site").first().waitFor({ state: "attached" });
    await page.waitForTimeout(300);
    if (await assertInert(page, route)) shown.push(route);
  }
  // The payloads reached the pages, as text: the test did test something.
  for (const route of ["/", "/lich-cong-tac", "/van-ban", "/kiosk"]) assert.ok(shown.includes(route), `${route} shows payload text`);
  // Open the kiosk's reading view and the phone menu too.
  await page.goto(env.url + "/kiosk?xoay=600");
  await page.locator(".kiosk__open").click();
  await page.locator(".kiosk__reader").waitFor();
  await page.waitForTimeout(300);
  await assertInert(page, "/kiosk reading view");
  assert.deepEqual(dialogs, []);
  assert.deepEqual(page.errors.filter((e) => /panicked/.test(e)), []);
  await page.context().close();
});
