// One search box: unaccented queries find articles, documents and calendar entries.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { start, openPage, feedFile, feedFiles } from "./harness.mjs";

let env;
let index;
before(async () => {
  env = await start();
  index = feedFile("index.json");
});
after(async () => env?.stop());

const fold = (s) => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase();
// The first three words of a text, unaccented.
const plain = (s) => fold(s).split(/[^a-z0-9]+/).filter(Boolean).slice(0, 3).join(" ");

async function search(q) {
  const page = await openPage(env.browser);
  await page.goto(env.url + "/");
  await page.locator(".card__title").first().waitFor();
  await page.getByPlaceholder("Tìm tin, văn bản, lịch…").first().fill(q);
  await page.getByPlaceholder("Tìm tin, văn bản, lịch…").first().press("Enter");
  await page.waitForURL(/\/tim-kiem\?q=/);
  await page.locator(".search-hit, .notice").first().waitFor();
  return page;
}

test("an unaccented query finds an article, with the words highlighted", async () => {
  const a = index.latest[3];
  const page = await search(plain(a.title));
  const titles = (await page.locator(".search-group").first().locator(".search-hit > a").allTextContents()).map((t) => t.trim());
  assert.ok(titles.includes(a.title), `${a.title} not in ${titles}`);
  assert.ok((await page.locator(".search-hit mark").count()) > 0);
  await page.context().close();
});

test("an unaccented query finds a document", async () => {
  const d = index.documents.latest[0];
  const page = await search(plain(d.summary));
  const hits = await page.locator(".search-hit > a").allTextContents();
  assert.ok(hits.some((t) => t.includes(d.number)), `${d.number} not in ${hits}`);
  await page.context().close();
});

test("an unaccented query finds a calendar entry", async () => {
  const e = index.calendar.embedded[0].entries[0];
  const page = await search(plain(e.content));
  const hits = (await page.locator(".search-hit > a").allTextContents()).map((t) => t.trim());
  assert.ok(hits.includes(e.content), `${e.content} not in ${hits}`);
  await page.context().close();
});

test("results follow the typing and every word must match", async () => {
  const page = await openPage(env.browser);
  await page.goto(`${env.url}/tim-kiem?q=${encodeURIComponent("tuyen giao")}`);
  await page.locator(".search-hit").first().waitFor();
  const box = page.locator(".search-form input");
  assert.equal(await box.inputValue(), "tuyen giao");
  await box.fill("tuyen giao xyzkhongco");
  await page.getByText("Không tìm thấy kết quả phù hợp.").waitFor();
  await page.waitForURL(/xyzkhongco/);
  await page.context().close();
});

test("after reading an article, words of its body find it too", async () => {
  const articles = feedFiles("articles").map((x) => x.article);
  const shallow = index.latest.map((a) => fold([a.title, a.sapo, ...a.tags].join(" "))).join(" ");
  // A body word of some listed article that no title, sapo or tag contains.
  let a, word;
  for (const x of articles.filter((x) => index.latest.some((l) => l.id === x.id))) {
    const words = x.body.filter((b) => b.type === "paragraph").flatMap((b) => b.runs.map((r) => fold(r.text)))
      .join(" ").split(/[^a-z0-9]+/).filter((w) => w.length >= 6 && !shallow.includes(w));
    if (words.length) { a = x; word = words[0]; break; }
  }
  assert.ok(a, "some article has a body-only word");
  const page = await openPage(env.browser);
  await page.goto(`${env.url}/tin-tuc/${a.slug}`);
  await page.locator(".article-body").waitFor();
  await page.getByPlaceholder("Tìm tin, văn bản, lịch…").first().fill(word);
  await page.getByPlaceholder("Tìm tin, văn bản, lịch…").first().press("Enter");
  await page.locator(".search-hit").first().waitFor();
  const titles = (await page.locator(".search-hit > a").allTextContents()).map((t) => t.trim());
  assert.ok(titles.includes(a.title), `"${word}" should find ${a.title}: ${titles}`);
  await page.context().close();
});
