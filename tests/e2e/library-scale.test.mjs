// The document library at scale (format doc §7.9): a 50,000-article feed
// made by `bantin-feed gen` (10,000 documents, in proportion: the issue's
// size for /van-ban), served with the release build through nginx. /van-ban fetches the library index's root
// and the row parts it shows, never documents/pages/*, with the right
// first rows and counts; a filter change fetches only the parts of what it
// shows; paging fetches the next rows' parts; a spoilt part says so in
// Vietnamese and keeps what is shown. The text filter asks the archive
// index (§7.8) for its term parts (a common word's documents part, not
// the whole term's) and the library for the rows it shows, ten at a time;
// offline it says the parts are not stored; without an archive index it
// reads the whole list.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { openPage, DIST } from "./harness.mjs";
import { startNginx } from "./nginx.mjs";
import { generatedSite } from "./generated.mjs";
import { chromium } from "playwright-core";

const ARTICLES = 50000;

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
  assert.ok(root.documents >= 10000, `${root.documents} documents`);
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

// The bytes on the wire (DevTools' encodedDataLength: compressed, headers
// included) of the feed files a page fetches, from the moment it is called.
async function wireBytes(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  const urls = new Map();
  const done = [];
  cdp.on("Network.responseReceived", (e) => urls.set(e.requestId, e.response.url));
  cdp.on("Network.loadingFinished", (e) => done.push({ url: urls.get(e.requestId) ?? "", bytes: e.encodedDataLength }));
  return {
    mark: () => done.length,
    since: (at) => done.slice(at).filter((r) => new URL(r.url).pathname.startsWith("/feed/")).reduce((n, r) => n + r.bytes, 0),
    // The same files, largest first: "path bytes".
    files: (at) => done.slice(at).filter((r) => new URL(r.url).pathname.startsWith("/feed/")).sort((a, b) => b.bytes - a.bytes).map((r) => `${new URL(r.url).pathname.slice("/feed/".length)} ${r.bytes}`),
  };
}

const rowIds = async (page) => (await page.locator(".doc-row__number").evaluateAll((links) => links.map((a) => a.getAttribute("href")))).map((h) => decodeURIComponent(h.split("/").pop()));

// Types `q` in the library's text box and waits for its list.
async function typeQuery(page, q) {
  const box = page.getByLabel("Tìm theo số ký hiệu hoặc trích yếu");
  await box.fill(q);
  await box.press("Enter");
  await page.waitForFunction((want) => new URL(location.href).searchParams.get("q") === want, q, { timeout: 10000 });
  await page.waitForFunction(() => !/Đang tải/.test(document.querySelector(".list-count")?.textContent ?? "Đang tải") && !document.querySelector("[data-pending]"), null, { timeout: 30000, polling: 50 });
  await page.waitForLoadState("networkidle");
}

// An old document (far from the first rows) whose summary no other has.
function oldDocument() {
  const summaries = docs.reduce((m, d) => m.set(d.summary, (m.get(d.summary) ?? 0) + 1), new Map());
  const at = docs.findIndex((d, i) => i >= Math.floor(docs.length * 0.6) && summaries.get(d.summary) === 1 && /^\d+-[A-ZĐ]+\//.test(d.number));
  assert.ok(at >= 0, "an old document with a summary of its own");
  return docs[at];
}

test("a text filter asks the archive index, never documents/pages/*, and lists the document by number and by title", async (t) => {
  const d = oldDocument();
  const order = new Map(docs.map((x, i) => [x.id, i]));
  const [num, rest] = [d.number.split("-")[0], d.number.slice(d.number.indexOf("-") + 1)];
  const queries = [
    ["the number as written", d.number],
    ["the number loosely, no diacritics", `${num} ${fold(rest).replace(/\//g, " ")}`],
    ["the number with a slash", `${num}/${fold(rest.split("/")[0])}`],
    ["the title's words, no diacritics", fold(d.summary)],
  ];
  const figures = [];
  let documentsParts = 0;
  // Each in a fresh visit: the library's first screen, then the text.
  for (const [what, q] of queries) {
    const page = await recorded();
    const wire = await wireBytes(page);
    await page.goto(`${server.url}/van-ban`);
    await settled(page, 30);
    const at = page.fetched.length;
    const bytesAt = wire.mark();
    await typeQuery(page, q);
    const bytes = wire.since(bytesAt);
    const fetched = page.fetched.slice(at);
    assert.ok(!fetched.some((p) => p.startsWith("documents/")), `${what}: ${fetched.join(" ")}`);
    assert.ok(fetched.every((p) => p.startsWith("search/") || p.startsWith("library/")), `${what}: ${fetched.join(" ")}`);
    // No record part of the archive: the library's rows show the list.
    assert.ok(!fetched.some((p) => /^search\/[0-9a-f]+\/r\d+\.json$/.test(p)), `${what}: ${fetched.join(" ")}`);
    // A common word's documents (d{i}), never all its records (c{i}).
    assert.ok(!fetched.some((p) => /^search\/[0-9a-f]+\/c\d+\.json$/.test(p)), `${what}: ${fetched.join(" ")}`);
    documentsParts += fetched.filter((p) => /^search\/[0-9a-f]+\/d\d+\.json$/.test(p)).length;
    const count = Number((await countLine(page)).replace(/\D/g, ""));
    let ids = await rowIds(page);
    // Ten rows at first: text matches lie anywhere, a row part each.
    assert.equal(ids.length, Math.min(count, 10), `${what}: ${ids.length} rows of ${count}`);
    // In the library's order, newest first.
    const places = ids.map((id) => order.get(id));
    assert.deepEqual(places, [...places].sort((a, b) => a - b), `${what}: ${ids.join(" ")}`);
    // Further down the list when many match: "Xem thêm" until it shows.
    for (let more = 0; !ids.includes(d.id) && more < 20 && ids.length < count; more++) {
      await page.getByRole("button", { name: "Xem thêm" }).click();
      await settled(page, Math.min(ids.length + 10, count));
      ids = await rowIds(page);
    }
    assert.ok(ids.includes(d.id), `${what} ${JSON.stringify(q)}: ${d.number} not in ${count} rows`);
    figures.push(`${what} ${JSON.stringify(q)}: ${count} văn bản, ${fetched.length} files, ${(bytes / 1024).toFixed(1)} KB`);
    // The goal for a filter change.
    assert.ok(bytes <= 50 * 1024, `${what}: ${bytes} bytes: ${wire.files(bytesAt).join(", ")}`);
    assert.ok(!page.fetched.some((p) => p.startsWith("documents/")));
    assert.deepEqual(page.errors, []);
    await page.context().close();
  }
  // The title's common words were read from their documents' parts.
  assert.ok(documentsParts > 0, "no d{i} part fetched");
  t.diagnostic(figures.join("\n"));
});

test("a text filter with a facet filter lists only the documents of both", async () => {
  const page = await recorded();
  const d = oldDocument();
  const q = fold(d.summary);
  await page.goto(`${server.url}/van-ban?loai=${encodeURIComponent(d.type)}&q=${encodeURIComponent(q)}`);
  await page.waitForFunction(() => !/Đang tải/.test(document.querySelector(".list-count")?.textContent ?? "Đang tải") && !document.querySelector("[data-pending]"), null, { timeout: 30000, polling: 50 });
  await page.waitForLoadState("networkidle");
  const byId = new Map(docs.map((x) => [x.id, x]));
  const ids = await rowIds(page);
  assert.ok(ids.length > 0);
  assert.ok(ids.every((id) => fold(byId.get(id).type) === fold(d.type)), ids.join(" "));
  assert.ok(!page.fetched.some((p) => p.startsWith("documents/")), page.fetched.join(" "));
  await page.context().close();
});

test("offline, a text whose archive parts were never fetched says so in Vietnamese", async () => {
  const page = await recorded();
  await page.goto(`${server.url}/van-ban`);
  await settled(page, 30);
  await page.route(`**/feed/search/*/*.json`, (route) => route.abort("internetdisconnected"));
  const box = page.getByLabel("Tìm theo số ký hiệu hoặc trích yếu");
  await box.fill(oldDocument().number);
  await box.press("Enter");
  await page.getByRole("alert").waitFor();
  assert.match(await page.getByRole("alert").textContent(), /chưa được lưu trên thiết bị này/);
  assert.ok(!page.fetched.some((p) => p.startsWith("documents/")));
  // Back online, "Thử lại" asks again and lists it.
  await page.unroute(`**/feed/search/*/*.json`);
  await page.getByRole("button", { name: "Thử lại" }).click();
  await page.waitForFunction(() => document.querySelectorAll(".doc-row").length > 0, null, { timeout: 30000 });
  await page.context().close();
});

test("a feed without an archive index filters the text over the whole list", async () => {
  const page = await recorded();
  await page.route("**/feed/search/index.json", (route) => route.fulfill({ status: 404, body: "" }));
  const d = oldDocument();
  await page.goto(`${server.url}/van-ban?q=${encodeURIComponent(d.number)}`);
  await page.locator(".doc-row").first().waitFor({ timeout: 60000 });
  await page.waitForFunction(() => !/Đang tải/.test(document.querySelector(".list-count")?.textContent ?? "Đang tải"), null, { timeout: 60000, polling: 50 });
  assert.ok((await rowIds(page)).includes(d.id));
  assert.ok(page.fetched.some((p) => p.startsWith("documents/pages/")));
  await page.context().close();
});
