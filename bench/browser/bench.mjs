// The benchmark behind `scripts/bench`: prints five tables.
//   1. bytes of what the first screen downloads (raw, gzip, brotli);
//   2. Lighthouse (mobile preset) on four routes;
//   3. bantin against plain static pages: first headline, cold, warm and
//      in-app navigation, median of RUNS alternating runs, and when the
//      app has taken over the published page;
//   4. scale: generated feeds of 1,000, 10,000 and 50,000 articles, each
//      published first;
//   5. publishing those feeds: a full run and a run after one new story;
//   6. the archive search on those feeds: 200 queries, cold and warm
//      (bench/browser/archive.mjs), and the index's build time and bytes.
// Everything is served by Debian's nginx with the shipped config and driven
// in Debian's Chromium, throttled over the DevTools protocol the way
// Lighthouse's mobile preset is (150 ms RTT, 1.6 Mbps down, 4x CPU).
// It prints figures and goals; it asserts nothing.
import { chromium } from "playwright-core";
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, extname } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";
import { startNginx } from "../../tests/e2e/nginx.mjs";
import { composeSite } from "../../tests/e2e/generated.mjs";
import { writeStaticPages } from "./static-pages.mjs";
import { archiveQueries, archiveBytes, archiveRuns } from "./archive.mjs";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const DIST = process.env.BANTIN_DIST || join(ROOT, "dist");
const FEED_TOOL = process.env.BANTIN_FEED_TOOL || join(ROOT, "target/release/bantin-feed");
const LIGHTHOUSE = fileURLToPath(new URL("node_modules/.bin/lighthouse", import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS || 5);
// Lighthouse runs per route: one run's simulated TBT and LCP swing by
// tens of points with what else the machine does; the median is reported.
const LH_RUNS = Number(process.env.BENCH_LH_RUNS || 3);
const SCALE_RUNS = Number(process.env.BENCH_SCALE_RUNS || 3);
const SIZES = (process.env.BENCH_SIZES || "1000,10000,50000").split(",").map(Number);
const ONLY = new Set((process.env.BENCH_ONLY || "bytes,lighthouse,ratios,scale").split(","));
// BENCH_SCALE_SEARCH=0 leaves out the scale run's archive search queries
// (table 6), the longest part of it, for a run of table 4 alone.
const SCALE_SEARCH = process.env.BENCH_SCALE_SEARCH !== "0";

// Lighthouse's mobile preset, applied through the DevTools protocol.
const THROTTLE = {
  network: { offline: false, latency: 150, downloadThroughput: (1.6e6 / 8) | 0, uploadThroughput: (750e3 / 8) | 0 },
  cpu: 4,
};
const PHONE = { viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true };
const LAUNCH = {
  executablePath: process.env.CHROME_PATH || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--enable-precise-memory-info"],
};
const HEADLINE = ".block--lead .card__title";
const ARTICLE_TITLE = ".article__title";

// ------------------------------------------------------------- helpers

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.round((s.length - 1) * p))];
};
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const ms = (n) => (n == null || Number.isNaN(n) ? "—" : `${Math.round(n)} ms`);
const mb = (n) => `${(n / 1048576).toFixed(1)} MB`;
const verdict = (ok) => (ok ? "met" : "MISSED");

function table(title, head, rows) {
  const cells = [head, ...rows].map((r) => r.map(String));
  const w = head.map((_, i) => Math.max(...cells.map((r) => (r[i] || "").length)));
  const line = (r) => "| " + r.map((c, i) => (i === 0 ? c.padEnd(w[i]) : c.padStart(w[i]))).join(" | ") + " |";
  console.log(`\n## ${title}\n`);
  console.log(line(cells[0]));
  console.log("|" + w.map((n, i) => (i === 0 ? "-".repeat(n + 1) : "-".repeat(n + 1)) + (i === 0 ? "-|" : ":|")).join(""));
  for (const r of cells.slice(1)) console.log(line(r));
}

const log = (...a) => console.error("[bench]", ...a);

// Every document records when each watched selector first shows text, in
// ms since its navigation started, checked once per frame (a frame later
// it is on screen). Same code for bantin and for the static pages.
const WATCH = (selectors) => {
  window.__seen = {};
  window.addEventListener("TrunkApplicationStarted", (e) => (window.__wasm = e.detail.wasm));
  const tick = () => {
    for (const s of selectors) {
      if (window.__seen[s] != null) continue;
      const el = document.querySelector(s);
      if (el && el.textContent.trim() && el.getBoundingClientRect().height > 0) window.__seen[s] = performance.now();
    }
    // bantin: the app has taken over the published page (a tap on a
    // headline now navigates in the app), or mounted on the app's own page.
    if (window.__seen.takeover == null && window.__wasm && !document.getElementById("prerender") && document.querySelector("main")) {
      window.__seen.takeover = performance.now();
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
};

async function throttle(page, on = true) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", on ? THROTTLE.network : { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: on ? THROTTLE.cpu : 1 });
  return cdp;
}

async function newContext(browser, options = {}) {
  const ctx = await browser.newContext({ ...PHONE, ...options });
  await ctx.addInitScript(WATCH, [HEADLINE, ARTICLE_TITLE]);
  return ctx;
}

// Epoch ms at which `selector` first showed in the page's current document.
async function seenAt(page, selector, timeout = 60000) {
  await page.waitForFunction((s) => window.__seen && window.__seen[s] != null, selector, { timeout, polling: 50 });
  return page.evaluate((s) => performance.timeOrigin + window.__seen[s], selector);
}
const navStart = (page) => page.evaluate(() => performance.timeOrigin);

// ------------------------------------------------------------- 1. bytes

function compressed(buf) {
  return [
    buf.length,
    gzipSync(buf, { level: 9 }).length,
    brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: buf.length } }).length,
  ];
}

async function bytes(browser, url, site) {
  const ctx = await newContext(browser, { serviceWorkers: "block" });
  const page = await ctx.newPage();
  const seen = [];
  page.on("response", async (r) => {
    const u = new URL(r.url());
    if (u.origin !== new URL(url).origin) return;
    seen.push({ path: u.pathname, size: (await r.request().sizes().catch(() => null))?.responseBodySize, enc: (await r.allHeaders())["content-encoding"] || "" });
  });
  await page.goto(url);
  await seenAt(page, HEADLINE);
  await page.waitForLoadState("networkidle");
  await ctx.close();
  const kind = (p) =>
    p === "/" || p.endsWith(".html") ? "HTML" : ({ ".js": "JS", ".wasm": "wasm", ".css": "CSS", ".json": "feed" })[extname(p)] || "other";
  const rows = [];
  const total = { app: [0, 0, 0, 0], all: [0, 0, 0, 0] };
  const seenPaths = new Set();
  for (const r of seen) {
    if (seenPaths.has(r.path)) continue;
    seenPaths.add(r.path);
    const file = join(site, r.path === "/" ? "index.html" : decodeURIComponent(r.path));
    if (!existsSync(file) || !statSync(file).isFile()) continue;
    const s = compressed(readFileSync(file));
    const k = kind(r.path);
    const sent = `${kb(r.size ?? 0)}${r.enc ? ` (${r.enc})` : ""}`;
    rows.push([r.path.replace(/-[0-9a-f]{16}(?=[._])/, "-…"), k, kb(s[0]), kb(s[1]), kb(s[2]), sent]);
    for (const t of ["HTML", "JS", "wasm", "CSS"].includes(k) ? [total.app, total.all] : [total.all]) {
      s.forEach((v, i) => (t[i] += v));
      t[3] += r.size ?? 0;
    }
  }
  rows.push(["app files (HTML+JS+wasm+CSS)", "", ...total.app.slice(0, 3).map(kb), kb(total.app[3])]);
  rows.push(["everything above", "", ...total.all.slice(0, 3).map(kb), kb(total.all[3])]);
  table(`1. Bytes the first screen of / downloads — goal: app files <= 200 KB brotli: ${verdict(total.app[2] <= 200 * 1024)} (${kb(total.app[2])})`,
    ["file", "kind", "raw", "gzip -9", "brotli 11", "sent by nginx"], rows);
  return total.app[2];
}

// ------------------------------------------------------------- 2. Lighthouse

function lighthouse(url) {
  const out = join(mkdtempSync(join(tmpdir(), "bantin-lh-")), "report.json");
  const r = spawnSync(LIGHTHOUSE, [url, "--output=json", `--output-path=${out}`, "--quiet",
    "--only-categories=performance,accessibility,best-practices,seo",
    `--chrome-flags=--headless=new ${LAUNCH.args.join(" ")}`], { env: { ...process.env, CHROME_PATH: LAUNCH.executablePath }, encoding: "utf8", timeout: 180000 });
  if (!existsSync(out)) throw new Error(`lighthouse failed on ${url}: ${r.stderr || r.error}`);
  let d;
  try {
    d = JSON.parse(readFileSync(out, "utf8"));
  } catch {
    // A run stopped before its report was whole (the timeout, on a busy
    // machine): left out, as a run with an unreadable trace is.
    const error = `no whole report (${r.error?.code ?? `exit ${r.status}`})`;
    return { perf: 0, a11y: 0, bp: 0, seo: 0, lcp: null, tbt: null, cls: null, misses: [], error };
  }
  const score = (k) => Math.round((d.categories[k]?.score ?? 0) * 100);
  const misses = Object.values(d.categories).flatMap((c) =>
    c.auditRefs.filter((a) => a.weight > 0 && d.audits[a.id].score != null && d.audits[a.id].score < 1).map((a) => `${c.id}/${a.id}`));
  return {
    perf: score("performance"), a11y: score("accessibility"), bp: score("best-practices"), seo: score("seo"),
    lcp: d.audits["largest-contentful-paint"]?.numericValue, tbt: d.audits["total-blocking-time"]?.numericValue,
    cls: d.audits["cumulative-layout-shift"]?.numericValue, misses,
    error: d.runtimeError?.message || d.audits["largest-contentful-paint"]?.errorMessage,
  };
}

function lighthouseTable(base, articleSlug) {
  const routes = [["/", "/"], ["article", `/tin-tuc/${articleSlug}`], ["/lich-cong-tac", "/lich-cong-tac"], ["/van-ban", "/van-ban"]];
  const rows = [];
  const notes = [];
  let all = true;
  for (const [name, path] of routes) {
    log(`lighthouse ${path} (${LH_RUNS} runs)`);
    const tried = Array.from({ length: LH_RUNS }, () => lighthouse(base + path));
    // A run whose trace Lighthouse could not read (NO_NAVSTART: it says to
    // run again) scores 0 and is left out; the run with the median
    // Performance score of the others is reported whole.
    const good = tried.filter((x) => !x.error);
    const runs = good.length ? good : tried;
    const r = [...runs].sort((a, b) => a.perf - b.perf)[(runs.length - 1) >> 1];
    const ok = r.perf >= 98 && r.a11y === 100 && r.bp === 100 && r.seo === 100 && r.cls === 0 && r.tbt <= 150;
    all &&= ok;
    rows.push([name, r.perf, tried.map((x) => (x.error ? "error" : x.perf)).join(" / "), r.a11y, r.bp, r.seo, ms(r.lcp), ms(r.tbt), r.cls == null ? "—" : r.cls.toFixed(3), verdict(ok)]);
    if (r.error) notes.push(`${name}: ${r.error}`);
    if (r.misses.length) notes.push(`${name}: below 1 — ${r.misses.join(", ")}`);
  }
  table(`2. Lighthouse 12, mobile preset, the median of ${LH_RUNS} runs per route — goals: Performance >= 98, Accessibility 100, Best Practices 100, SEO 100, CLS 0, TBT <= 150 ms: ${verdict(all)}`,
    ["route", "Perf", "Perf, each run", "A11y", "BP", "SEO", "LCP", "TBT", "CLS", "goals"], rows);
  if (notes.length) console.log("\n" + notes.map((n) => `- ${n}`).join("\n"));
}

// ------------------------------------------------------------- 3. against static pages

// A context whose first visit filled the caches: for bantin its service
// worker controls the page and has stored what it stores.
async function warmed(browser, url, bantin) {
  const ctx = await newContext(browser);
  const page = await ctx.newPage();
  await page.goto(url);
  await seenAt(page, HEADLINE);
  if (bantin) {
    await page.waitForFunction(() => navigator.serviceWorker.controller != null, null, { timeout: 30000 });
    // The background storing (it starts 5 s after the index) has finished.
    await page.waitForFunction(() => document.documentElement.dataset.offlineStored != null, null, { timeout: 90000, polling: 200 });
  }
  await page.close();
  return ctx;
}

async function coldRun(browser, url, { takeover = false } = {}) {
  const ctx = await newContext(browser);
  const page = await ctx.newPage();
  await throttle(page);
  await page.goto(url, { waitUntil: "commit" });
  const start = await navStart(page);
  const t = (await seenAt(page, HEADLINE)) - start;
  const taken = takeover ? (await seenAt(page, "takeover")) - start : null;
  await ctx.close();
  return takeover ? { first: t, taken } : t;
}

async function warmRun(browser, url, bantin, articleHref) {
  const ctx = await warmed(browser, url, bantin);
  const page = await ctx.newPage();
  await throttle(page);
  await page.goto(url, { waitUntil: "commit" });
  const warm = (await seenAt(page, HEADLINE)) - (await navStart(page));
  // In-app navigation (bantin) or a link to the next page (static): from
  // the click to the article's title on screen.
  await page.waitForTimeout(300);
  const clicked = await page.evaluate((href) => {
    const a = document.querySelector(`a[href="${href}"]`);
    const t = performance.timeOrigin + performance.now();
    a.click();
    return t;
  }, articleHref);
  if (!bantin) await page.waitForURL(`**${articleHref}`);
  const nav = (await seenAt(page, ARTICLE_TITLE)) - clicked;
  await ctx.close();
  return { warm, nav };
}

async function ratios(browser, base, slug) {
  const sides = { bantin: { cold: [], warm: [], nav: [], taken: [] }, static: { cold: [], warm: [], nav: [] } };
  const urls = { bantin: `${base}/`, static: `${base}/static/home.html` };
  const href = { bantin: `/tin-tuc/${slug}`, static: `/static/${slug}.html` };
  for (let i = 0; i < RUNS; i++) {
    const order = i % 2 ? ["static", "bantin"] : ["bantin", "static"];
    for (const side of order) {
      if (side === "bantin") {
        const { first, taken } = await coldRun(browser, urls[side], { takeover: true });
        sides.bantin.cold.push(first);
        sides.bantin.taken.push(taken);
      } else {
        sides[side].cold.push(await coldRun(browser, urls[side]));
      }
      const { warm, nav } = await warmRun(browser, urls[side], side === "bantin", href[side]);
      sides[side].warm.push(warm);
      sides[side].nav.push(nav);
    }
    log(`ratios run ${i + 1}/${RUNS}: bantin ${sides.bantin.cold.at(-1) | 0}/${sides.bantin.warm.at(-1) | 0}/${sides.bantin.nav.at(-1) | 0} ms, static ${sides.static.cold.at(-1) | 0}/${sides.static.warm.at(-1) | 0}/${sides.static.nav.at(-1) | 0} ms`);
  }
  const rows = [];
  const goals = { cold: 1.1, warm: 1.0, nav: 0.3 };
  const names = { cold: "cold first visit", warm: "warm visit (service worker, caches)", nav: "home → article (bantin in-app; static: next page)" };
  for (const k of ["cold", "warm", "nav"]) {
    const b = median(sides.bantin[k]);
    const s = median(sides.static[k]);
    const r = b / s;
    rows.push([names[k], ms(b), ms(s), r.toFixed(2), `<= ${goals[k]}`, verdict(r <= goals[k])]);
  }
  const taken = median(sides.bantin.taken);
  rows.push(["cold: the app has taken over (a tap navigates in the app)", ms(taken), "—", "—", "<= 2000 ms", verdict(taken <= 2000)]);
  table(`3. Time to the first headline on screen, bantin over plain static HTML (median of ${RUNS} alternating runs, throttled)`,
    ["measure", "bantin", "static", "ratio", "goal", ""], rows);
}

// ------------------------------------------------------------- 4. scale

async function memory(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("HeapProfiler.collectGarbage");
  const heap = (await cdp.send("Runtime.getHeapUsage")).usedSize;
  const wasm = await page.evaluate(() => window.__wasm?.memory?.buffer?.byteLength ?? 0);
  return { heap, wasm, total: heap + wasm };
}

// The bytes on the wire (as nginx sends them, compressed, headers
// included: DevTools' encodedDataLength) of the feed's files /van-ban
// fetches before its first rows show (a fresh visit, no service worker,
// unthrottled), all it has fetched once the network is quiet, and of each
// filter change after that: the first three
// values of each menu in turn, one at a time, each measured from the
// change until the list is updated and the network is quiet; then of each
// text filter of `textQueries(feed)` the same way (the archive index's
// term parts and the library's parts, never documents/pages/*).
async function libraryBytes(browser, base, feed) {
  const ctx = await newContext(browser, { serviceWorkers: "block" });
  const page = await ctx.newPage();
  const cdp = await ctx.newCDPSession(page);
  await cdp.send("Network.enable");
  const urls = new Map();
  const done = [];
  cdp.on("Network.responseReceived", (e) => urls.set(e.requestId, e.response.url));
  cdp.on("Network.loadingFinished", (e) => done.push({ url: urls.get(e.requestId) ?? "", bytes: e.encodedDataLength }));
  const feedBytes = (list) => list.filter((r) => new URL(r.url, base).pathname.startsWith("/feed/"));
  await page.goto(`${base}/van-ban`);
  await page.waitForSelector(".doc-table li", { timeout: 120000 });
  const before = feedBytes(done.slice());
  const first = before.reduce((n, r) => n + r.bytes, 0);
  await page.waitForLoadState("networkidle", { timeout: 120000 });
  const quiet = feedBytes(done.slice());
  const total = quiet.reduce((n, r) => n + r.bytes, 0);
  const changes = [];
  const selects = await page.locator(".doc-filters select").count();
  for (let i = 0; i < selects; i++) {
    const select = page.locator(".doc-filters select").nth(i);
    const values = (await select.locator("option").evaluateAll((os) => os.map((o) => o.value))).filter(Boolean).slice(0, 3);
    for (const value of values) {
      const at = done.length;
      const url = page.url();
      await select.selectOption(value);
      await page.waitForFunction((u) => location.href !== u, url, { timeout: 10000 }).catch(() => {});
      await page.waitForLoadState("networkidle", { timeout: 60000 });
      await page.waitForFunction(() => !/Đang tải/.test(document.querySelector(".list-count")?.textContent ?? "") && !document.querySelector("[data-pending]"), null, { timeout: 60000, polling: 50 });
      changes.push(feedBytes(done.slice(at)).reduce((n, r) => n + r.bytes, 0));
      await select.selectOption("");
      await page.waitForLoadState("networkidle", { timeout: 60000 });
    }
  }
  const texts = [];
  let pages = 0;
  const box = page.locator(".doc-filter--text input");
  for (const q of textQueries(feed)) {
    const at = done.length;
    await box.fill(q);
    await box.press("Enter");
    await page.waitForFunction((want) => new URL(location.href).searchParams.get("q") === want, q, { timeout: 10000 }).catch(() => {});
    await page.waitForLoadState("networkidle", { timeout: 60000 });
    await page.waitForFunction(() => !/Đang tải/.test(document.querySelector(".list-count")?.textContent ?? "") && !document.querySelector("[data-pending]"), null, { timeout: 60000, polling: 50 });
    const files = feedBytes(done.slice(at));
    pages += files.filter((r) => new URL(r.url, base).pathname.startsWith("/feed/documents/pages/")).length;
    texts.push(files.reduce((n, r) => n + r.bytes, 0));
  }
  await ctx.close();
  return { first, firstFiles: before.length, total, totalFiles: quiet.length, changes: changes.length, changeMax: changes.length ? Math.max(...changes) : NaN, changeMedian: changes.length ? median(changes) : NaN,
    texts: texts.length, textMax: texts.length ? Math.max(...texts) : NaN, textMedian: texts.length ? median(texts) : NaN, textPages: pages };
}

// The library's text filters measured: five documents spread over the
// list (from the library index's row parts), each by its number as
// written, its number typed loosely without diacritics, and its summary
// without diacritics.
function textQueries(feed) {
  const fold = (s) => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase();
  const root = JSON.parse(readFileSync(join(feed, "library/index.json"), "utf8"));
  const out = [];
  for (const share of [0.1, 0.3, 0.5, 0.7, 0.9]) {
    const id = Math.floor(root.documents * share);
    const part = JSON.parse(readFileSync(join(feed, `library/${root.build}/r${Math.floor(id / root.row_part_size)}.json`), "utf8"));
    const d = part.rows[id % root.row_part_size];
    out.push(d.number, fold(d.number).replace(/[-/]/g, " "), fold(d.summary));
  }
  return out;
}

// Each filter of the document list, timed from the change until the list
// has changed.
async function filterTimes(page) {
  return page.evaluate(async () => {
    const nextTask = () => new Promise((r) => { const c = new MessageChannel(); c.port1.onmessage = r; c.port2.postMessage(0); });
    const times = [];
    for (const select of document.querySelectorAll(".doc-filters select")) {
      for (const option of [...select.options].filter((o) => o.value).slice(0, 3)) {
        const changed = new Promise((r) => new MutationObserver((_, o) => (o.disconnect(), r())).observe(document.querySelector("main"), { subtree: true, childList: true, characterData: true }));
        const t0 = performance.now();
        select.value = option.value;
        select.dispatchEvent(new Event("change", { bubbles: true }));
        const timeout = new Promise((r) => setTimeout(() => r("timeout"), 3000));
        if ((await Promise.race([changed, timeout])) === "timeout") continue;
        await nextTask();
        times.push(performance.now() - t0);
      }
      select.value = "";
      select.dispatchEvent(new Event("change", { bubbles: true }));
      await new Promise((r) => setTimeout(r, 200));
    }
    return times;
  });
}

// `bantin-feed publish` on a generated feed: a full run, then a run after
// one new story (a copy of the newest, re-indexed), with the bytes written.
function publishTimes(feed, site, n) {
  const run = () => {
    const t0 = Date.now();
    const out = execFileSync(FEED_TOOL, ["publish", feed, "--dist", site, "--site-url", "http://127.0.0.1/"], { encoding: "utf8" });
    return { ms: Date.now() - t0, line: out.trim().split("\n").at(-1) };
  };
  const full = run();
  const index = JSON.parse(readFileSync(join(feed, "index.json"), "utf8"));
  const newest = index.latest[0];
  const file = JSON.parse(readFileSync(join(feed, "articles", `${newest.slug}.json`), "utf8"));
  file.article.id = `${file.article.id}-moi`;
  file.article.slug = `${newest.slug}-moi`;
  file.article.published = new Date(Date.parse(newest.published) + 3600e3).toISOString().replace(/\.\d+Z$/, "+00:00");
  file.article.related = [];
  writeFileSync(join(feed, "articles", `${file.article.slug}.json`), JSON.stringify(file));
  execFileSync(FEED_TOOL, ["index", feed], { stdio: "ignore" });
  const again = run();
  const bytesAll = Number(full.line.match(/; (\d+) bytes of pages in all/)?.[1] ?? NaN);
  const written = Number(again.line.match(/written \((\d+) bytes\)/)?.[1] ?? NaN);
  const renderedAgain = again.line.match(/(\d+) rendered/)?.[1] ?? "?";
  log(`publish ${n}: ${full.line} | after one new story: ${again.line}`);
  return { full: full.ms, again: again.ms, bytesAll, written, renderedAgain };
}

async function scale(browser, dist, workdir) {
  const rows = [];
  const publishing = {};
  const searching = {};
  const results = {};
  const today = new Date().toISOString().slice(0, 10);
  for (const n of SIZES) {
    const feed = join(workdir, `feed-${n}`);
    log(`scale: generating ${n} articles`);
    execFileSync(FEED_TOOL, ["gen", "--articles", String(n), "--seed", "1", "--out", feed, "--today", today], { stdio: ["ignore", "ignore", "inherit"] });
    // The index, lists and archive index written again, timed.
    const indexStart = Date.now();
    execFileSync(FEED_TOOL, ["index", feed], { stdio: "ignore" });
    searching[n] = { indexMs: Date.now() - indexStart, ...archiveBytes(feed), queries: archiveQueries(feed) };
    const site = join(workdir, `site-${n}`);
    // The release without the sample's feed and published pages; then
    // this feed, published (timed, with the bytes it writes).
    composeSite(dist, feed, site);
    publishing[n] = publishTimes(feed, site, n);
    const server = await startNginx(site);
    await server.start();
    try {
      const first = [];
      for (let i = 0; i < SCALE_RUNS; i++) first.push(await coldRun(browser, `${server.url}/`));
      // Memory after the first screen, unthrottled.
      let ctx = await newContext(browser, { serviceWorkers: "block" });
      let page = await ctx.newPage();
      await page.goto(`${server.url}/`);
      await seenAt(page, HEADLINE);
      await page.waitForLoadState("networkidle");
      const mem = await memory(page);
      await ctx.close();
      // (The search is table 6: with the archive index, what the search
      // page does is fetch parts, not search what the app holds.)
      ctx = await newContext(browser, { serviceWorkers: "block" });
      page = await ctx.newPage();
      // The document list: its first rows, then all of it (unthrottled).
      const t0 = Date.now();
      await page.goto(`${server.url}/van-ban`);
      await page.waitForSelector(".doc-table li", { timeout: 120000 });
      const firstRows = Date.now() - t0;
      await page.waitForFunction(() => !/Đang tải/.test(document.querySelector(".list-count")?.textContent ?? "Đang tải"), null, { timeout: 120000, polling: 50 });
      const allRows = Date.now() - t0;
      const docs = await page.evaluate(() => document.querySelector(".list-count")?.textContent ?? "");
      const filters = await filterTimes(page);
      await ctx.close();
      const wire = await libraryBytes(browser, server.url, feed);
      results[n] = { first: median(first), mem: mem.total };
      rows.push([n.toLocaleString("en"), ms(median(first)), `${mb(mem.total)} (${mb(mem.heap)} + ${mb(mem.wasm)})`, `${docs.trim()}: ${ms(firstRows)} / ${ms(allRows)}`,
        `${kb(wire.first)} in ${wire.firstFiles} files (goal <= 100 KB: ${verdict(wire.first <= 100 * 1024)}); ${kb(wire.total)} in ${wire.totalFiles} once quiet`,
        `${kb(wire.changeMax)} max, ${kb(wire.changeMedian)} median of ${wire.changes} (goal <= 50 KB: ${verdict(wire.changeMax <= 50 * 1024)})`,
        `${kb(wire.textMax)} max, ${kb(wire.textMedian)} median of ${wire.texts}; ${wire.textPages} documents/pages files (goal <= 50 KB: ${verdict(wire.textMax <= 50 * 1024)})`,
        filters.length ? `${median(filters).toFixed(1)} / ${Math.max(...filters).toFixed(1)} ms (${filters.length})` : "—"]);
      log(`scale ${n}: ${rows.at(-1).join(" · ")}`);
      if (SCALE_SEARCH) {
        log(`scale ${n}: the archive search, ${searching[n].queries.length} queries cold and warm`);
        Object.assign(searching[n], await archiveRuns(browser, server.url, searching[n].queries, throttle, newContext));
      }
    } finally {
      await server.close();
    }
  }
  table("5. Publishing (bantin-feed publish, release build, 2 threads): a full run, and a run after one new story",
    ["articles", "full run", "pages written", "after one new story", "pages made again", "bytes written again", "goal"],
    SIZES.filter((n) => publishing[n]).map((n) => {
      const p = publishing[n];
      return [n.toLocaleString("en"), ms(p.full), mb(p.bytesAll), ms(p.again), p.renderedAgain, kb(p.written), `full <= 300 s: ${verdict(p.full <= 300000)}; again <= 10 s: ${verdict(p.again <= 10000)}`];
    }));
  archiveTable(searching);
  const lo = results[SIZES[0]];
  const hi = results[SIZES.at(-1)];
  table("4. Scale: generated feeds (first headline: median of cold throttled loads; the rest unthrottled)",
    ["articles", "first headline", "JS heap + wasm", "/van-ban: first rows / all loaded", "/van-ban: feed bytes before first rows", "/van-ban: bytes of a filter change", "/van-ban: bytes of a text filter change", "doc filter median / max"], rows);
  if (lo && hi) {
    const dt = hi.first / lo.first - 1;
    const dm = hi.mem / lo.mem - 1;
    console.log(`\n- first headline at ${SIZES.at(-1)} vs ${SIZES[0]}: ${(dt * 100).toFixed(1)}% — goal within 10%: ${verdict(dt <= 0.1)}`);
    console.log(`- memory at ${SIZES.at(-1)} vs ${SIZES[0]}: ${(dm * 100).toFixed(1)}% — goal within 10%: ${verdict(dm <= 0.1)}`);
  }
}

// The archive search's table (see archive.mjs).
function archiveTable(searching) {
  const sizes = SIZES.filter((n) => searching[n]?.cold);
  // Left out of the run (BENCH_SCALE_SEARCH=0): no table.
  if (!sizes.length) return;
  const rows = sizes.map((n) => {
    const s = searching[n];
    const bytes = s.cold.map((c) => c.bytes);
    const times = s.cold.map((c) => c.ms).filter((t) => t != null);
    const alls = s.cold.map((c) => c.all).filter((t) => t != null);
    const warm = (key) => s.warm[key].filter((t) => t != null);
    const found = s.cold.filter((c) => c.found).length;
    const goals = n >= 50000 ? `cold p95 <= 150 KB: ${verdict(pct(bytes, 0.95) <= 150 * 1024)}; ` : "";
    return [
      n.toLocaleString("en"),
      `${mb(s.index)} / ${mb(s.feed)} (${((100 * s.index) / s.feed).toFixed(0)}%)`,
      ms(s.indexMs),
      `${kb(pct(bytes, 0.5))} / ${kb(pct(bytes, 0.95))}`,
      `${ms(pct(times, 0.5))} / ${ms(pct(times, 0.95))}${times.length < s.cold.length ? ` (${s.cold.length - times.length} no answer)` : ""}`,
      `${ms(pct(alls, 0.95))}`,
      `${pct(warm("unthrottled"), 0.95).toFixed(1)} / ${pct(warm("throttled"), 0.95).toFixed(1)} ms`,
      `${found}/${s.cold.length}`,
      `${goals}index <= 60 s: ${verdict(s.indexMs <= 60000)}; cold p95 <= 800 ms: ${verdict(pct(times, 0.95) <= 800)}; warm p95 < 16 ms: ${verdict(pct(warm("throttled"), 0.95) < 16)}`,
    ];
  });
  table(
    "6. Archive search (search/, 200 queries: whole titles, three words of a body, titles without or with wrong diacritics, document numbers in three spellings, calendar entries; cold: nothing but the root fetched, sent throttled)",
    ["articles", "index / feed bytes", "bantin-feed index", "cold bytes p50 / p95", "cold first results p50 / p95", "cold every group p95", "warm p95 (1x / 4x CPU)", "own result shown", "goals"],
    rows,
  );
  const by = {};
  for (const n of sizes) for (const [i, c] of searching[n].cold.entries()) {
    const what = searching[n].queries[i].what;
    by[what] ??= {};
    by[what][n] = (by[what][n] ?? 0) + (c.found ? 1 : 0);
  }
  const counts = (what) => searching[sizes[0]].queries.filter((q) => q.what === what).length;
  console.log(`\n- own result among those shown (kind groups show their best 5, a kind's page 10): ${Object.entries(by).map(([w, f]) => `${w} ${sizes.map((n) => f[n] ?? 0).join("/")} of ${counts(w)}`).join("; ")}`);
}

// ------------------------------------------------------------- main

async function main() {
  if (!existsSync(join(DIST, "index.html"))) throw new Error(`no release build in ${DIST}`);
  const workdir = mkdtempSync(join(tmpdir(), "bantin-bench-"));
  const site = join(workdir, "site");
  cpSync(DIST, site, { recursive: true });
  const server = await startNginx(site);
  await server.start();
  const browser = await chromium.launch(LAUNCH);
  const started = Date.now();
  try {
    // The lead story of the home page is "the article" everywhere below.
    const ctx = await newContext(browser, { serviceWorkers: "block" });
    const page = await ctx.newPage();
    await page.goto(`${server.url}/`);
    await seenAt(page, HEADLINE);
    const href = await page.getAttribute(`${HEADLINE} a`, "href");
    await ctx.close();
    const slug = href.split("/").pop();
    writeStaticPages(DIST, join(site, "static"), slug);
    console.log(`# bantin benchmark — release ${readFileSync(join(DIST, "index.html"), "utf8").match(/bantin-release" content="([^"]+)"/)?.[1] ?? "?"}, ${new Date().toISOString().slice(0, 16)}Z`);
    console.log(`Chromium ${browser.version()}; throttling: ${THROTTLE.network.latency} ms RTT, 1.6 Mbps down, 750 kbps up, ${THROTTLE.cpu}x CPU; phone viewport 412x823.`);
    if (ONLY.has("bytes")) await bytes(browser, `${server.url}/`, site);
    if (ONLY.has("lighthouse")) lighthouseTable(server.url, slug);
    if (ONLY.has("ratios")) await ratios(browser, server.url, slug);
    if (ONLY.has("scale")) await scale(browser, DIST, workdir);
    console.log(`\n(benchmark took ${Math.round((Date.now() - started) / 1000)} s)`);
  } finally {
    await browser.close();
    await server.close();
    rmSync(workdir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
