// The archive search (format doc §7.8): the search page searches the whole
// feed through its search/ index, fetching only the parts a query needs:
// an old article by a word of its body, a document number however it is
// typed, a calendar entry of a week the index does not embed, filters and
// pages in the URL, and offline, with nginx stopped, what was fetched
// still answers while a query needing other parts says they are not stored.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { start, openPage, feedFile, DIST } from "./harness.mjs";

let env;
let index;
let root;
before(async () => {
  env = await start();
  index = feedFile("index.json");
  root = feedFile("search/index.json");
});
after(async () => env?.stop());

const fold = (s) => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase();
const words = (s) => fold(s).split(/[^a-z0-9]+/).filter(Boolean);
const articleText = (a) =>
  [a.title, a.sapo, ...a.tags, ...a.body.flatMap((b) => (b.runs ? b.runs.map((r) => r.text) : [b.text ?? "", ...(b.items ?? [])]))].join(" ");

const folder = (dir) => readdirSync(join(DIST, "feed", dir)).map((f) => feedFile(`${dir}/${f}`));

// An article the index's `latest` does not list, and a word of its body
// that no other article, document, calendar week nor index.json holds:
// only the archive can find it.
function oldArticle() {
  const articles = folder("articles").map((x) => x.article);
  const listed = new Set(index.latest.map((a) => a.id));
  const inIndex = fold(JSON.stringify([index, folder("documents/items"), folder("calendar")]));
  const count = new Map();
  for (const a of articles) for (const w of new Set(words(articleText(a)))) count.set(w, (count.get(w) ?? 0) + 1);
  for (const a of articles.filter((a) => !listed.has(a.id))) {
    const head = new Set(words([a.title, a.sapo, ...a.tags].join(" ")));
    const word = words(articleText(a)).find((w) => w.length >= 5 && /^[a-z]+$/.test(w) && count.get(w) === 1 && !head.has(w) && !inIndex.includes(w));
    if (word) return { article: a, word };
  }
  return null;
}

// The term part a folded word is in (Root::term_part_of).
const termPart = (w) => {
  const common = root.common.findIndex((c) => c[0] === w);
  if (common >= 0) return `c${common}`;
  let k = 0;
  while (k + 1 < root.term_parts.length && root.term_parts[k + 1] <= w) k++;
  return `t${k}`;
};

const hitLinks = async (page) => (await page.locator(".search-hit > a").allTextContents()).map((t) => t.trim());
// The links of one kind's group ("Văn bản").
const groupLinks = (page, kind) => page.locator(".search-group", { has: page.locator("h2", { hasText: kind }) }).locator(".search-hit > a");

async function archiveSearch(page, query) {
  await page.goto(`${env.url}/tim-kiem?q=${encodeURIComponent(query)}`);
  await settled(page);
  return page;
}

// The whole answer: an early one (the first group, or a page's first
// hits) says more is coming.
const settled = (page) =>
  page.waitForFunction(() => document.querySelector(".search-archive") && !document.querySelector(".search-loading-more"));

test("a word only in an old article's body finds it, with its date, kind and category", async () => {
  const found = oldArticle();
  assert.ok(found, "the sample feed has an old article with a word of its own");
  const { article, word } = found;
  const page = await openPage(env.browser);
  const fetched = [];
  page.on("request", (r) => r.url().includes("/feed/search/") && fetched.push(new URL(r.url()).pathname));
  await archiveSearch(page, word);
  assert.deepEqual(await hitLinks(page), [article.title]);
  const hit = page.locator(".search-hit").first();
  assert.equal(await hit.locator("a").getAttribute("href"), `/tin-tuc/${article.slug}`);
  const meta = await hit.locator(".search-hit__meta").textContent();
  const category = index.categories.find((c) => c.id === article.category)?.name;
  assert.ok(meta.includes("Tin bài") && meta.includes(category), meta);
  assert.match(meta, /\d{2}\/\d{2}\/\d{4}/);
  assert.equal(await page.locator(".list-count").textContent(), "1 kết quả");
  // The facets count it.
  assert.match(await page.locator(".search-facet--kind").textContent(), /Tin bài \(1\)/);
  // Only a few parts, never the whole archive.
  const parts = fetched.filter((p) => !p.endsWith("/search/index.json"));
  assert.ok(parts.length > 0 && parts.length <= 3, parts.join());
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("a document number finds its document however it is typed", async () => {
  const doc = feedFile("documents/items/112-hd-btgtu-2026.json").document;
  const page = await openPage(env.browser);
  for (const typed of ["112 hd", "112/hd", doc.number.toLowerCase()]) {
    await archiveSearch(page, typed);
    const links = groupLinks(page, "Văn bản");
    const first = (await links.first().textContent()).trim();
    assert.ok(first.startsWith(doc.number), `"${typed}": ${first}`);
    assert.equal(await links.first().getAttribute("href"), `/van-ban/${doc.id}`);
    assert.ok((await links.first().locator("mark").count()) >= 2, "the number's parts are marked");
  }
  await page.context().close();
});

test("a calendar entry of a week the index does not embed is found and leads to its week", async () => {
  const embedded = new Set(index.calendar.embedded.map((w) => w.week));
  const week = folder("calendar")
    .find((w) => w.entries?.length && !embedded.has(w.week));
  assert.ok(week, "a week outside the index");
  const entry = week.entries[0];
  const page = await openPage(env.browser);
  await archiveSearch(page, words(entry.content).join(" "));
  const links = await hitLinks(page);
  const at = links.indexOf(entry.content.trim());
  assert.ok(at >= 0, `${entry.content} not in ${links}`);
  const href = await page.locator(".search-hit > a").nth(at).getAttribute("href");
  assert.ok(href.startsWith("/lich-cong-tac?tuan="), href);
  await page.context().close();
});

test("each kind shows its best, and filters and pages live in the URL and survive a reload", async () => {
  const page = await openPage(env.browser);
  await archiveSearch(page, "tuyen giao");
  const total = Number((await page.locator(".list-count").textContent()).match(/\d+/)[0]);
  assert.ok(total > 10, `${total} results`);
  // No kind chosen: a group per kind, its best five, and a link to all of it.
  const groups = page.locator(".search-group");
  assert.deepEqual((await groups.locator("h2").allTextContents()).slice(0, 2), ["Tin bài", "Văn bản"]);
  assert.equal(await groups.first().locator(".search-hit").count(), 5);
  const articles = Number((await page.locator(".search-facet--kind a", { hasText: "Tin bài" }).textContent()).match(/\((\d+)\)/)[1]);
  assert.ok(articles > 10, `${articles} articles`);
  await groups.first().locator(".search-group__more a", { hasText: `Xem tất cả ${articles} kết quả` }).click();
  await page.waitForURL((u) => u.searchParams.get("loai") === "tin-tuc");
  await page.locator(".search-facet--kind .search-facet--on", { hasText: "Tin bài" }).waitFor();
  await settled(page);
  assert.equal(await page.locator(".search-hit").count(), 10);
  // Pages.
  assert.match(await page.locator(".search-pager").textContent(), /Trang 1\//);
  await page.locator(".search-pager a", { hasText: "Trang sau" }).click();
  await page.waitForURL(/trang=2/);
  await page.locator(".search-pager", { hasText: "Trang 2/" }).waitFor();
  // Another kind, then a year: each a filter in the URL, counted beside it.
  const kind = page.locator(".search-facet--kind a", { hasText: "Văn bản" });
  const count = Number((await kind.textContent()).match(/\((\d+)\)/)[1]);
  await kind.click();
  await page.waitForURL((u) => u.searchParams.get("loai") === "van-ban" && !u.searchParams.has("trang"));
  await page.locator(".search-facet--kind .search-facet--on", { hasText: "Văn bản" }).waitFor();
  await settled(page);
  assert.equal(await page.locator(".list-count").textContent(), `${count} kết quả`);
  for (const meta of await page.locator(".search-hit__meta").allTextContents()) assert.ok(meta.includes("Văn bản"), meta);
  const year = page.locator(".search-facet--year li:not(.search-facet--on) a").first();
  const y = (await year.textContent()).match(/^\d{4}/)[0];
  await year.click();
  await page.waitForURL((u) => u.searchParams.get("nam") === y && u.searchParams.get("loai") === "van-ban");
  await page.locator(".search-facet--year .search-facet--on", { hasText: y }).waitFor();
  await settled(page);
  const before = await hitLinks(page);
  assert.ok(before.length > 0);
  await page.reload();
  await page.locator(".search-facet--year .search-facet--on", { hasText: y }).waitFor();
  await page.locator(".search-facet--kind .search-facet--on", { hasText: "Văn bản" }).waitFor();
  await settled(page);
  assert.deepEqual(await hitLinks(page), before);
  assert.equal(await page.locator(".search-form input").inputValue(), "tuyen giao");
  // "Tất cả" drops the filter.
  await page.locator(".search-facet--kind a", { hasText: "Tất cả" }).click();
  await page.waitForURL((u) => !u.searchParams.has("loai"));
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("offline, what was fetched still answers, and a query needing other parts says they are not stored", async () => {
  const { article, word } = oldArticle();
  const page = await openPage(env.browser, { serviceWorkers: "allow" });
  await page.goto(env.url + "/");
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30000 });
  await archiveSearch(page, word);
  assert.deepEqual(await hitLinks(page), [article.title]);
  await archiveSearch(page, "112 hd");
  await page.locator(".search-hit").first().waitFor();

  // A word of some article title whose term part no query above needed.
  const used = new Set([word, "112", "hd"].map(termPart));
  const other = index.latest
    .flatMap((a) => words(a.title))
    .find((w) => w.length >= 4 && /^[a-z]+$/.test(w) && !used.has(termPart(w)) && !root.common.some((c) => c[0] === w));
  assert.ok(other, "a word in another part");

  await env.server.stop();
  try {
    await archiveSearch(page, word);
    assert.deepEqual(await hitLinks(page), [article.title]);
    assert.equal(await page.getByText("Các phần cũ hơn của kho lưu trữ").count(), 0);
    await archiveSearch(page, "112/hd");
    assert.ok((await groupLinks(page, "Văn bản").first().textContent()).trim().startsWith("112-HD/BTGTU"));

    await page.goto(`${env.url}/tim-kiem?q=${other}`);
    await page.getByText("Các phần cũ hơn của kho lưu trữ chưa được lưu trên thiết bị này").waitFor();
    // What the app holds is still searched.
    await page.locator(".search-hit, .notice[role=status]").first().waitFor();
    assert.deepEqual(page.errors.filter((e) => /panicked/.test(e)), []);
  } finally {
    await env.server.start();
  }
  await page.context().close();
});

test("a bad part says so, and the search over what is loaded goes on", async () => {
  const page = await openPage(env.browser);
  await page.route(/\/feed\/search\/[0-9a-f]{12}\/[tc]\d+\.json$/, (route) => route.fulfill({ status: 200, contentType: "application/json", body: '{"kind":"search-terms"}' }));
  const a = index.latest[0];
  await page.goto(`${env.url}/tim-kiem?q=${encodeURIComponent(words(a.title).slice(0, 3).join(" "))}`);
  await page.getByText("Không đọc được chỉ mục tìm kiếm của kho lưu trữ").waitFor();
  await page.locator(".search-hit").first().waitFor();
  assert.ok((await hitLinks(page)).includes(a.title));
  assert.deepEqual(page.errors.filter((e) => /panicked/.test(e)), []);
  await page.context().close();
});

test("an unreadable root says so, and a feed without search/ keeps the search over what is loaded", async () => {
  const a = index.latest[0];
  const q = encodeURIComponent(words(a.title).slice(0, 3).join(" "));
  for (const [answer, message] of [
    [{ status: 200, contentType: "application/json", body: '{"kind":"search-index","version":99}' }, true],
    [{ status: 404, body: "" }, false],
  ]) {
    const page = await openPage(env.browser);
    await page.route(/\/feed\/search\/index\.json$/, (route) => route.fulfill(answer));
    await page.goto(`${env.url}/tim-kiem?q=${q}`);
    await page.locator(".search-hit").first().waitFor();
    assert.ok((await hitLinks(page)).includes(a.title));
    assert.equal(await page.locator(".search-archive").count(), 0, "the in-memory search");
    assert.equal(await page.getByText("Không đọc được chỉ mục tìm kiếm của kho lưu trữ").count(), message ? 1 : 0);
    await page.context().close();
  }
});

test("keys typed within the pause draw nothing, and Enter asks for the last word whole", async () => {
  const page = await openPage(env.browser);
  await archiveSearch(page, "tuyen");
  const box = page.locator(".search-form input");
  await box.focus();
  await page.keyboard.press("End");
  // Whatever the results show changes only once the typing pauses (the
  // debounce): a key must not ask the last text again and draw its answer.
  // The clock stopped, no pause can end while the keys come.
  await page.evaluate(() => {
    window.__drawn = 0;
    new MutationObserver((records) => (window.__drawn += records.length)).observe(document.querySelector("main"), {
      subtree: true,
      childList: true,
      attributes: true,
      characterData: true,
    });
  });
  await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 50);
  await page.keyboard.type(" truye");
  // (Real time: whatever the keys started is done. The page's frames and
  // timers are stopped with its clock.)
  await new Promise((r) => setTimeout(r, 300));
  assert.equal(await page.evaluate(() => window.__drawn), 0, "a key drew the results again");
  assert.equal(await page.locator(".search-archive").getAttribute("data-query"), "tuyen");
  // The pause ends: the address and the results follow, the last word a prefix.
  await page.clock.resume();
  await page.waitForFunction(() => document.querySelector(".search-archive")?.dataset.query === "tuyen truye");
  await settled(page);
  assert.ok(new URL(page.url()).searchParams.get("q") === "tuyen truye", page.url());
  assert.ok(Number((await page.locator(".list-count").textContent()).match(/\d+/)[0]) > 0, "'truye' begins 'truyen'");
  // Enter: every word whole, and no word is "truye".
  await page.keyboard.press("Enter");
  await page.locator(".search-archive .notice", { hasText: "Không tìm thấy kết quả phù hợp." }).waitFor();
  assert.equal(await page.locator(".search-hit").count(), 0);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
