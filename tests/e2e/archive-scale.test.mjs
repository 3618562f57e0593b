// The archive search (format doc §7.8) on a generated feed of 10,000
// articles (2,000 documents, 100 calendar weeks), served by nginx: the
// oldest article by its title, an old document by its number however it
// is typed, a calendar entry of an old week; each fetching only a few
// small parts of the index. Then offline, in a new visit: what was
// fetched is answered from the service worker's store, and a query
// needing parts never fetched says that they are not stored here.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { chromium } from "playwright-core";
import { DIST, openPage, testNow } from "./harness.mjs";
import { startNginx } from "./nginx.mjs";
import { generatedSite } from "./generated.mjs";

const ARTICLES = 10000;

let gen;
let server;
let browser;
before(async () => {
  // Dated up to the tests' day (Vietnam time), as the bundled feed is.
  const today = new Date(testNow() + 7 * 3600e3).toISOString().slice(0, 10);
  gen = generatedSite(DIST, { articles: ARTICLES, today });
  server = await startNginx(gen.site);
  await server.start();
  browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
});
after(async () => {
  await browser?.close();
  await server?.close();
  gen?.remove();
});

const fold = (s) => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase();
const words = (s) => fold(s).split(/[^a-z0-9]+/).filter(Boolean);

// The oldest article: far outside anything index.json embeds.
function oldestArticle() {
  let oldest = null;
  for (const name of gen.dir("articles")) {
    const a = gen.file(`articles/${name}`).article;
    if (!oldest || a.published < oldest.published) oldest = a;
  }
  return oldest;
}

// The oldest document whose number no other document has.
function oldDocument() {
  const docs = gen.dir("documents/items").map((n) => gen.file(`documents/items/${n}`).document);
  const count = new Map();
  for (const d of docs) count.set(d.number, (count.get(d.number) ?? 0) + 1);
  return docs.filter((d) => count.get(d.number) === 1).sort((a, b) => a.issued.localeCompare(b.issued))[0];
}

// An entry of the oldest week whose content no other entry has.
function oldEntry() {
  const weeks = gen.dir("calendar").map((n) => gen.file(`calendar/${n}`));
  const count = new Map();
  for (const w of weeks) for (const e of w.entries) count.set(e.content, (count.get(e.content) ?? 0) + 1);
  weeks.sort((a, b) => a.week.localeCompare(b.week));
  for (const w of weeks) {
    const e = w.entries.find((e) => count.get(e.content) === 1);
    if (e) return { week: w.week, entry: e };
  }
  return null;
}

// Paths under feed/ the page asked for.
function feedRequests(page) {
  const seen = [];
  page.on("request", (r) => {
    const path = new URL(r.url()).pathname;
    if (path.startsWith("/feed/")) seen.push(path);
  });
  return seen;
}

async function search(page, query, filters = "") {
  await page.goto(`${server.url}/tim-kiem?q=${encodeURIComponent(query)}${filters}`);
  await settled(page, 30000);
}

// The whole answer: an early one (the first group, or a page's first
// hits) says more is coming.
const settled = (page, timeout) =>
  page.waitForFunction(() => document.querySelector(".search-archive") && !document.querySelector(".search-loading-more"), null, { timeout });

const hrefs = (page) => page.locator(".search-hit > a").evaluateAll((links) => links.map((a) => a.getAttribute("href")));

let article;
let doc;
let entry;

test("the oldest of 10,000 articles is found by its title, with a few small parts", async () => {
  article = oldestArticle();
  const page = await openPage(browser);
  const fetched = feedRequests(page);
  await search(page, article.title, "&loai=tin-tuc");
  const links = await hrefs(page);
  assert.equal(links[0], `/tin-tuc/${article.slug}`, `${article.title}: ${links.join(", ")}`);
  const parts = fetched.filter((p) => p.startsWith("/feed/search/") && p !== "/feed/search/index.json");
  assert.ok(parts.length > 0 && parts.length <= 16, `${parts.length} parts: ${parts.join(", ")}`);
  // Neither the news lists nor any article's own file: the index answered.
  assert.deepEqual(fetched.filter((p) => /^\/feed\/(news|articles)\//.test(p)), []);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("an old document is found by its number in three spellings", async () => {
  doc = oldDocument();
  assert.ok(doc, "a document with a number of its own");
  // "05-QĐ/TU", "05 qd tu", "05qđ/tu": the whole number, however typed
  // (other numbers begin "05-QĐ/…").
  const parts = doc.number.split(/[-/]/);
  const page = await openPage(browser);
  for (const typed of [doc.number, fold(parts.join(" ")), `${parts[0]}${parts.slice(1).join("/").toLowerCase()}`]) {
    await search(page, typed, "&loai=van-ban");
    const first = page.locator(".search-hit > a").first();
    assert.equal(await first.getAttribute("href"), `/van-ban/${doc.id}`, `"${typed}"`);
    assert.ok((await first.textContent()).trim().startsWith(doc.number), `"${typed}"`);
  }
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("an entry of an old calendar week is found and leads to its week", async () => {
  entry = oldEntry();
  assert.ok(entry, "an entry of its own");
  const page = await openPage(browser);
  await search(page, entry.entry.content, "&loai=lich-cong-tac");
  const links = await hrefs(page);
  assert.ok(links.includes(`/lich-cong-tac?tuan=${entry.week}`), `${entry.week}: ${links.join(", ")}`);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

// Opens the search at `query` (and its filters) with every record part
// held, lets them through one at a time in the order the page asked for
// them (the order its hits are shown), and gives the page's state after
// each, up to the whole answer: { groups, hits, more, answered }.
async function recordsOneByOne(page, query, filters = "") {
  const held = [];
  await page.route(/\/feed\/search\/[0-9a-f]+\/r\d+\.json$/, (route) => held.push(route));
  await page.goto(`${server.url}/tim-kiem?q=${encodeURIComponent(query)}${filters}`);
  const state = () =>
    page.evaluate(() => ({
      groups: [...document.querySelectorAll(".search-archive .search-group .block__title")].map((h) => h.textContent),
      hits: [...document.querySelectorAll(".search-archive .search-hit > a")].map((a) => a.getAttribute("href")),
      more: document.querySelector(".search-loading-more") !== null,
      answered: document.querySelector(".search-archive") !== null,
    }));
  const steps = [];
  const deadline = Date.now() + 30000;
  for (;;) {
    const now = await state();
    steps.push({ ...now, held: held.length });
    if (now.answered && !now.more) return steps;
    assert.ok(Date.now() < deadline, JSON.stringify(steps.slice(-3)));
    const next = held.shift();
    if (next) await next.continue();
    else await page.waitForTimeout(50);
  }
}

test("a page's first group shows as soon as its records come; the later groups are added below it", async () => {
  const page = await openPage(browser);
  const steps = await recordsOneByOne(page, "chuyển đổi số");
  const last = steps.at(-1);
  assert.ok(last.groups.length >= 2, `two kinds or more: ${JSON.stringify(last)}`);
  // An early answer: the first group shown, with the line saying more is
  // coming, while later groups' parts had not come.
  const early = steps.find((s) => s.more);
  assert.ok(early && early.groups.length >= 1 && early.groups.length < last.groups.length, JSON.stringify(steps));
  assert.equal(early.groups[0], last.groups[0]);
  // Groups only ever added below: each step's groups begin the last's.
  for (const s of steps) assert.deepEqual(s.groups, last.groups.slice(0, s.groups.length), JSON.stringify(steps));
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("a page of one kind shows its first five hits as soon as their records come; the rest are added below them", async () => {
  const page = await openPage(browser);
  const steps = await recordsOneByOne(page, "chuyển đổi số", "&loai=tin-tuc");
  const last = steps.at(-1);
  assert.equal(last.hits.length, 10, JSON.stringify(last));
  // The early answer: the page's best five, in their places, while the
  // parts of the other five were still held.
  const early = steps.find((s) => s.more);
  assert.ok(early, JSON.stringify(steps));
  assert.deepEqual(early.hits, last.hits.slice(0, 5));
  for (const s of steps) assert.deepEqual(s.hits, last.hits.slice(0, s.hits.length), JSON.stringify(steps));
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("offline, in a new visit, what was fetched still answers; other parts are said not to be stored", async () => {
  assert.ok(article && doc && entry, "the searches above ran");
  const queries = [
    [article.title, "&loai=tin-tuc", `/tin-tuc/${article.slug}`],
    [doc.number, "&loai=van-ban", `/van-ban/${doc.id}`],
    [entry.entry.content, "&loai=lich-cong-tac", `/lich-cong-tac?tuan=${entry.week}`],
  ];
  const context = await browser.newContext({ locale: "vi-VN", timezoneId: "Asia/Ho_Chi_Minh", serviceWorkers: "allow" });
  await context.clock.install({ time: testNow() });
  let page = await context.newPage();
  await page.goto(`${server.url}/`);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30000 });
  for (const [q, f, href] of queries) {
    await search(page, q, f);
    assert.ok((await hrefs(page)).includes(href), `online: ${q}`);
  }
  // A word held by records no query above needed: a term of the newest
  // article's title that none of the three queries holds.
  const asked = new Set(queries.flatMap(([q]) => words(q)));
  const newest = gen.file("index.json").latest[0];
  const other = words(newest.title).find((w) => w.length >= 5 && /^[a-z]+$/.test(w) && !asked.has(w));
  assert.ok(other, "a word no query asked");

  await server.stop();
  try {
    await page.close();
    page = await context.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    for (const [q, f, href] of queries) {
      await search(page, q, f);
      assert.ok((await hrefs(page)).includes(href), `offline: ${q}`);
      assert.equal(await page.locator(".archive-not-stored").count(), 0, `offline: ${q} is whole`);
    }
    await page.goto(`${server.url}/tim-kiem?q=${other}`);
    await page.getByText("Các phần cũ hơn của kho lưu trữ chưa được lưu trên thiết bị này").waitFor({ timeout: 30000 });
    assert.deepEqual(errors, []);
  } finally {
    await server.start();
    await context.close();
  }
});
