// The article page: direct links, the body's typed blocks, reading tools,
// and a clear page for an unknown slug.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { start, openPage, feedFile, feedFiles } from "./harness.mjs";

let env;
let articles;
before(async () => {
  env = await start();
  articles = feedFiles("articles").map((x) => x.article);
});
after(async () => env?.stop());

const withBlock = (type) => articles.find((a) => a.body.some((b) => b.type === type));

test("an article loads by direct URL with its title, sapo, meta and body", async () => {
  const a = withBlock("table");
  const page = await openPage(env.browser);
  await page.goto(`${env.url}/tin-tuc/${a.slug}`);
  await page.locator("h1.article__title").waitFor();
  assert.equal((await page.locator("h1").textContent()).trim(), a.title);
  assert.equal((await page.locator(".article__sapo").textContent()).trim(), a.sapo);
  assert.match(await page.locator(".article__meta").textContent(), /(Thứ (Hai|Ba|Tư|Năm|Sáu|Bảy)|Chủ Nhật), \d\d\/\d\d\/\d{4} \d\d:\d\d/);
  assert.match(await page.locator(".article__meta").textContent(), /phút đọc/);
  assert.match(await page.title(), new RegExp(a.title.slice(0, 20)));
  assert.equal(await page.locator('meta[name="description"]').getAttribute("content"), a.sapo);
  // Each paragraph of the feed is a paragraph on the page, as text.
  const paragraphs = a.body.filter((b) => b.type === "paragraph").length;
  assert.equal(await page.locator(".article-body > p").count(), paragraphs);
  // Tables scroll sideways inside their own region on a phone.
  assert.ok((await page.locator(".table-scroll table").count()) >= 1);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("a table does not widen a 360 px phone page", async () => {
  const a = withBlock("table");
  const page = await openPage(env.browser, { viewport: { width: 360, height: 740 }, isMobile: true });
  await page.goto(`${env.url}/tin-tuc/${a.slug}`);
  await page.locator(".table-scroll").first().waitFor();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page is ${overflow}px wider than the phone`);
  await page.context().close();
});

test("images keep their alt text and captions; attachments link to their document page", async () => {
  const a = withBlock("attachment");
  const page = await openPage(env.browser);
  await page.goto(`${env.url}/tin-tuc/${a.slug}`);
  await page.locator(".article-body").waitFor();
  const attachment = a.body.find((b) => b.type === "attachment");
  const link = page.locator(".attachment a").first();
  assert.equal(await link.getAttribute("href"), `/van-ban/${attachment.document}`);
  for (const alt of await page.locator(".article-body img").evaluateAll((imgs) => imgs.map((i) => i.alt))) {
    assert.ok(alt.length > 0, "every picture has alt text");
  }
  await page.context().close();
});

test("a figure whose portal gave no alt is named by its caption", async () => {
  const a = articles.find((x) => x.body.some((b) => b.type === "image" && b.alt === "" && b.caption));
  const image = a.body.find((b) => b.type === "image" && b.alt === "");
  const page = await openPage(env.browser);
  await page.goto(`${env.url}/tin-tuc/${a.slug}`);
  const figure = page.getByRole("figure", { name: image.caption });
  await figure.waitFor();
  // The caption beside the picture names the figure; the picture itself
  // says nothing more (no junk, no second reading of the caption).
  assert.equal(await figure.locator("img").getAttribute("alt"), "");
  assert.match(await figure.locator("figcaption").textContent(), new RegExp(`^${image.caption}`));
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("a date-only story shows its day without an hour; one not counted shows no views; an author's position follows the name", async () => {
  const dayOnly = articles.find((x) => x.date_only);
  const page = await openPage(env.browser);
  await page.goto(`${env.url}/tin-tuc/${dayOnly.slug}`);
  await page.locator(".article__meta").waitFor();
  const meta = (await page.locator(".article__meta").textContent()).trim();
  const [y, m, d] = dayOnly.published.slice(0, 10).split("-");
  assert.match(meta, new RegExp(`^(Thứ (Hai|Ba|Tư|Năm|Sáu|Bảy)|Chủ Nhật), ${d}/${m}/${y} · Lượt xem`));
  assert.doesNotMatch(meta, /\d\d:\d\d/);
  assert.equal(await page.locator(".article__meta time").first().getAttribute("datetime"), `${y}-${m}-${d}`);

  const uncounted = articles.find((x) => x.views === undefined);
  await page.goto(`${env.url}/tin-tuc/${uncounted.slug}`);
  await page.getByRole("heading", { level: 1, name: uncounted.title }).waitFor();
  const other = (await page.locator(".article__meta").textContent()).trim();
  assert.match(other, /\d\d:\d\d · \d+ phút đọc$/);
  assert.doesNotMatch(other, /Lượt xem/);

  const signed = articles.find((x) => x.author_position);
  await page.goto(`${env.url}/tin-tuc/${signed.slug}`);
  await page.getByRole("heading", { level: 1, name: signed.title }).waitFor();
  assert.equal(
    (await page.locator(".article__author").textContent()).trim(),
    `Tác giả: ${signed.author}, ${signed.author_position}`,
  );
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("the text size control has several steps and is remembered across visits", async () => {
  const a = articles[0];
  const page = await openPage(env.browser);
  await page.goto(`${env.url}/tin-tuc/${a.slug}`);
  await page.locator(".article__title").waitFor();
  const size = () => page.locator(".article").evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  const normal = await size();
  const larger = page.getByRole("button", { name: "Tăng cỡ chữ" });
  await larger.click();
  await larger.click();
  await larger.click();
  assert.ok((await size()) > normal * 1.3, "three steps up is much larger");
  assert.equal(await larger.isDisabled(), true, "the largest step is the last");
  await page.reload();
  await page.locator(".article__title").waitFor();
  assert.ok((await size()) > normal * 1.3, "the size survives a reload");
  await page.getByRole("button", { name: "Cỡ chữ mặc định" }).click();
  assert.equal(await size(), normal);
  await page.context().close();
});

test("share copies the link and says so where the Web Share API is missing", async () => {
  const a = articles[1];
  const page = await openPage(env.browser, { permissions: ["clipboard-read", "clipboard-write"] });
  await page.addInitScript(() => { delete Navigator.prototype.share; });
  await page.goto(`${env.url}/tin-tuc/${a.slug}`);
  await page.locator(".article__title").waitFor();
  await page.getByRole("button", { name: "Chia sẻ" }).click();
  await page.getByText("Đã sao chép đường dẫn bài viết.").waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), `${env.url}/tin-tuc/${a.slug}`);
  await page.context().close();
});

test("send by e-mail: a mailto link with the title as subject and the title and address as body", async () => {
  const a = articles[2];
  const page = await openPage(env.browser);
  await page.goto(`${env.url}/tin-tuc/${a.slug}`);
  await page.locator(".article__title").waitFor();
  const link = page.locator(".reading-tools").getByRole("link", { name: "Gửi e-mail" });
  const href = await link.getAttribute("href");
  assert.match(href, /^mailto:\?subject=[^&]*&body=[^&]*$/, "two fields, each encoded");
  const fields = Object.fromEntries(href.slice("mailto:?".length).split("&").map((kv) => {
    const [k, v] = kv.split("=");
    return [k, decodeURIComponent(v)];
  }));
  assert.equal(fields.subject, a.title);
  assert.equal(fields.body, `${a.title}\r\n${env.url}/tin-tuc/${a.slug}`);
  // Beside share and print, in the same toolbar (before "Lưu bài").
  const tools = await page.locator(".reading-tools .tool--wide").allTextContents();
  assert.deepEqual(tools.map((t) => t.trim()), ["In bài", "Chia sẻ", "Gửi e-mail", "Lưu bài"]);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("an article with every block type shows every element of the page", async () => {
  const types = ["paragraph", "heading", "image", "quote", "list", "table", "gallery", "attachment", "video"];
  const a = articles.find((x) => types.every((t) => x.body.some((b) => b.type === t)));
  assert.ok(a, "the sample has an article using every block type");
  const index = feedFile("index.json");
  const page = await openPage(env.browser);
  await page.goto(`${env.url}/tin-tuc/${a.slug}`);
  await page.locator(".article-body").waitFor();
  // Breadcrumb: Trang chủ › the main category.
  const crumbs = (await page.locator(".breadcrumb li").allTextContents()).map((t) => t.trim());
  assert.deepEqual(crumbs, ["Trang chủ", index.categories.find((c) => c.id === a.category).name]);
  // Date line with the weekday, the update time, views, reading time.
  const meta = await page.locator(".article__meta").textContent();
  assert.match(meta, /^(Thứ (Hai|Ba|Tư|Năm|Sáu|Bảy)|Chủ Nhật), \d\d\/\d\d\/\d{4} \d\d:\d\d/);
  assert.match(meta, /Cập nhật/);
  assert.match(meta, /Lượt xem [\d.]+/);
  assert.match(meta, /\d+ phút đọc/);
  // Author, and the source linked where the feed links it.
  assert.match(await page.locator(".article__author").textContent(), new RegExp(a.author));
  assert.equal(await page.locator(".article__source a").getAttribute("href"), a.source.url);
  // Sapo in bold.
  const weight = await page.locator(".article__sapo").evaluate((el) => getComputedStyle(el).fontWeight);
  assert.ok(Number(weight) >= 600);
  // Every block kind.
  for (const sel of ["p strong", "p em", "h2", "h3", "figure.figure figcaption", "blockquote", "ul li", "ol li",
                     ".table-scroll table th", ".gallery img", ".attachment a", ".video a img"]) {
    assert.ok((await page.locator(`.article-body ${sel}`).count()) > 0, `missing ${sel}`);
  }
  // Tags link to their lists; related stories are listed.
  assert.equal(await page.locator(".tags a").count(), a.tags.length);
  assert.ok((await page.locator("#lien-quan ~ .card-list .card").count()) > 0);
  // Print: the source address is printed, the navigation is not.
  await page.emulateMedia({ media: "print" });
  assert.equal(await page.locator(".site-header").isVisible(), false);
  assert.equal(await page.locator(".reading-tools").isVisible(), false);
  const after = await page.locator(".article").evaluate((el) => getComputedStyle(el, "::after").content);
  assert.match(after, new RegExp(`/tin-tuc/${a.slug}`));
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("an unknown article says so and offers a way back", async () => {
  const page = await openPage(env.browser);
  await page.goto(`${env.url}/tin-tuc/bai-viet-khong-ton-tai`);
  await page.locator("h1").waitFor();
  assert.equal((await page.locator("h1").textContent()).trim(), "Không tìm thấy bài viết");
  assert.equal(await page.getByRole("link", { name: "Về trang Tin tức" }).getAttribute("href"), "/tin-tuc");
  await page.context().close();
});

// The index can come after the article's own file (a slow line, a big
// index): the story's neighbours and related stories, which come from the
// index, are there once it has come, both when the app takes over the
// published page and on the app's own page.
for (const published of [true, false]) {
  test(`an article whose file comes before the index still gets its neighbours and related stories (${published ? "published page" : "app's own page"})`, async () => {
    const index = feedFile("index.json");
    const inLatest = (id) => index.latest.some((s) => s.id === id);
    const a = articles.find((x) => inLatest(x.id) && x.related.some(inLatest)
      && index.latest.filter((s) => s.category === x.category).length > 1);
    const page = await openPage(env.browser);
    let release;
    const articleCame = new Promise((resolve) => (release = resolve));
    // Never a deadlock, should the app ask for the index first.
    setTimeout(() => release(), 5000);
    await page.route("**/feed/index.json", async (route) => {
      await articleCame;
      await route.continue();
    });
    page.on("requestfinished", (r) => {
      if (r.url().endsWith(`/feed/articles/${a.slug}.json`)) release();
    });
    // With a query, the published file gives way to the app's own page
    // (public/prefs.js).
    await page.goto(`${env.url}/tin-tuc/${a.slug}${published ? "" : "?e2e=1"}`);
    await page.locator("#lien-quan").waitFor({ timeout: 15000 });
    await page.locator("nav.prev-next").waitFor();
    assert.ok((await page.locator("#lien-quan ~ .card-list .card").count()) >= 1);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
}
