// The document library at scale (format doc §7.9): a 10,000-article feed
// made by `bantin-feed gen` (its documents in proportion), served with the
// release build through nginx. /van-ban fetches the library index's root
// and the row parts it shows, never documents/pages/*, with the right
// first rows and counts; a filter change fetches only the parts of what it
// shows; paging fetches the next rows' parts; a spoilt part says so in
// Vietnamese and keeps what is shown.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { openPage, DIST } from "./harness.mjs";
import { startNginx } from "./nginx.mjs";
import { generatedSite } from "./generated.mjs";
import { chromium } from "playwright-core";

const ARTICLES = 10000;

let work;
let feed;
let server;
let browser;
let root;
let docs; // every document, in the library's order (from the row parts)

const fold = (s) => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase();
const readFeed = (path) => JSON.parse(readFileSync(join(feed, path), "utf8"));
const number = (n) => n.toLocaleString("de-DE");

before(async () => {
  const today = process.env.BANTIN_DEMO_TODAY || "2027-01-03";
  work = generatedSite(DIST, { articles: ARTICLES, today, seed: 5 });
  feed = work.feed;
  const site = work.site;
  root = readFeed("library/index.json");
  docs = [];
  for (let k = 0; k * root.row_part_size < root.documents; k++) docs.push(...readFeed(`library/${root.build}/r${k}.json`).rows);
  server = await startNginx(site);
  await server.start();
  browser = await chromium.launch({ executablePath: process.env.CHROME_PATH || "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"] });
});

after(async () => {
  await browser?.close();
  await server?.close();
  work?.remove();
});

// A page that records the feed files it asks for (paths under /feed/).
async function recorded() {
  const page = await openPage(browser);
  page.fetched = [];
  page.on("request", (r) => {
    const path = new URL(r.url()).pathname;
    if (path.startsWith("/feed/")) page.fetched.push(path.slice("/feed/".length));
  });
  return page;
}

const rowNumbers = async (page) => (await page.locator(".doc-row__number").allTextContents()).map((t) => t.trim());
const countLine = (page) => page.locator(".list-count").textContent();
const rowPart = (id) => `library/${root.build}/r${Math.floor(id / root.row_part_size)}.json`;

async function settled(page, rows) {
  await page.waitForFunction((n) => document.querySelectorAll(".doc-row").length === n && !/Đang tải/.test(document.querySelector(".list-count")?.textContent ?? "Đang tải"), rows, { timeout: 30000, polling: 50 });
  await page.waitForLoadState("networkidle");
}

test("the generated feed has a library index of thousands of documents", () => {
  const index = readFeed("index.json");
  assert.equal(root.documents, index.documents.total);
  assert.ok(root.documents >= 1500, `${root.documents} documents`);
  assert.equal(docs.length, root.documents);
});

test("/van-ban shows its first rows and counts from the root and the first row parts only", async () => {
  const page = await recorded();
  await page.goto(`${server.url}/van-ban`);
  await settled(page, 30);
  assert.deepEqual(await rowNumbers(page), docs.slice(0, 30).map((d) => d.number));
  assert.equal((await countLine(page)).trim(), `${number(root.documents)} văn bản`);
  // The menus' counts are the root's.
  const type = root.types[0];
  const option = page.getByLabel("Loại văn bản").locator("option", { hasText: type[0] });
  assert.equal((await option.textContent()).trim().replace(/[\u2066-\u2069]/g, ""), `${type[0]} (${type[1]})`);
  const year = root.years[0];
  assert.equal((await page.getByLabel("Năm ban hành").locator(`option[value="${year[0]}"]`).textContent()).trim(), `${year[0]} (${year[1]})`);
  const library = page.fetched.filter((p) => p.startsWith("library/"));
  assert.deepEqual(library.sort(), ["library/index.json", rowPart(0), rowPart(10), rowPart(20)].sort());
  assert.ok(!page.fetched.some((p) => p.startsWith("documents/")), page.fetched.join(" "));
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("a filter change fetches only the id part of its value and the rows it shows", async () => {
  const page = await recorded();
  await page.goto(`${server.url}/van-ban`);
  await settled(page, 30);
  // An issuer whose documents are spread out: its rows are in other parts.
  const j = root.issuers.findIndex((c) => c[1] >= 40 && c[1] < root.documents / 2);
  assert.ok(j >= 0, "an issuer with some documents");
  const [issuer, count] = root.issuers[j];
  const want = docs.map((d, id) => ({ d, id })).filter(({ d }) => fold(d.issuer) === fold(issuer));
  assert.equal(want.length, count);
  const at = page.fetched.length;
  await page.getByLabel("Cơ quan ban hành").selectOption(issuer);
  await page.waitForURL(/co-quan=/);
  await settled(page, 30);
  assert.deepEqual(await rowNumbers(page), want.slice(0, 30).map(({ d }) => d.number));
  assert.equal((await countLine(page)).trim(), `${number(count)} văn bản`);
  const parts = new Set([`library/${root.build}/i${j}.json`, ...want.slice(0, 30).map(({ id }) => rowPart(id))]);
  const fetched = page.fetched.slice(at);
  assert.ok(fetched.every((p) => parts.has(p)), `fetched ${fetched.join(" ")}`);
  assert.ok(fetched.includes(`library/${root.build}/i${j}.json`));
  assert.equal(new Set(fetched).size, fetched.length, "no part twice");

  // The status, on top: the dates part, and rows; nothing else.
  const atStatus = page.fetched.length;
  await page.getByLabel("Tình trạng").selectOption("con-hieu-luc");
  await page.waitForURL(/hieu-luc=/);
  await page.waitForFunction(() => !/Đang tải/.test(document.querySelector(".list-count")?.textContent ?? "Đang tải"), null, { timeout: 30000 });
  await page.waitForLoadState("networkidle");
  const statusFetched = page.fetched.slice(atStatus);
  assert.ok(statusFetched.includes(`library/${root.build}/dates.json`), statusFetched.join(" "));
  assert.ok(statusFetched.every((p) => p === `library/${root.build}/dates.json` || /\/r\d+\.json$/.test(p)), statusFetched.join(" "));

  // Back to the issuer alone: everything is at hand, nothing is fetched.
  const atBack = page.fetched.length;
  await page.getByLabel("Tình trạng").selectOption("");
  await settled(page, 30);
  assert.deepEqual(page.fetched.slice(atBack), []);
  assert.ok(!page.fetched.some((p) => p.startsWith("documents/")));
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("a year and paging fetch only the parts of the rows they show", async () => {
  const page = await recorded();
  const [year, count] = root.years[1];
  await page.goto(`${server.url}/van-ban?nam=${year}`);
  const first = docs.findIndex((d) => d.issued.startsWith(String(year)));
  await settled(page, Math.min(30, count));
  assert.deepEqual(await rowNumbers(page), docs.slice(first, first + 30).map((d) => d.number));
  assert.equal((await countLine(page)).trim(), `${number(count)} văn bản`);
  const at = page.fetched.length;
  await page.getByRole("button", { name: "Xem thêm" }).click();
  await settled(page, Math.min(60, count));
  const more = page.fetched.slice(at);
  const parts = new Set(docs.slice(first + 30, first + 60).map((_, i) => rowPart(first + 30 + i)));
  assert.ok(more.length > 0 && more.every((p) => parts.has(p)), more.join(" "));
  assert.ok(!page.fetched.some((p) => p.startsWith("documents/")));
  await page.context().close();
});

test("a spoilt part says so in Vietnamese and keeps the rows shown", async () => {
  const page = await recorded();
  await page.goto(`${server.url}/van-ban`);
  await settled(page, 30);
  // The rows after the first screen come from a part that is spoilt.
  await page.route(`**/feed/library/${root.build}/r3.json`, (route) => route.fulfill({ status: 200, contentType: "application/json", body: '{"kind":"library-rows"}' }));
  await page.getByRole("button", { name: "Xem thêm" }).click();
  await page.getByRole("alert").waitFor();
  assert.match(await page.getByRole("alert").textContent(), /Không tải được một phần danh sách văn bản/);
  assert.equal(await page.locator(".doc-row").count(), 30);
  await page.context().close();
});

test("a feed without a library index still shows the library from its pages", async () => {
  // The same feed with library/ moved away: the whole-list path.
  const page = await recorded();
  await page.route("**/feed/library/index.json", (route) => route.fulfill({ status: 404, body: "" }));
  await page.goto(`${server.url}/van-ban`);
  await settled(page, 30);
  assert.deepEqual(await rowNumbers(page), docs.slice(0, 30).map((d) => d.number));
  assert.ok(page.fetched.some((p) => p.startsWith("documents/pages/")));
  await page.context().close();
});
