// News lists: all stories, a category, a tag; older stories on demand.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { start, openPage, feedFile } from "./harness.mjs";

let env;
let index;
before(async () => {
  env = await start();
  index = feedFile("index.json");
});
after(async () => env?.stop());

test("the news list shows the newest page and loads older stories on demand, once each", async () => {
  const all = index.news.lists.find((l) => l.id === "tat-ca");
  assert.ok(all.pages >= 2, "the sample has more than one page of stories");
  const page = await openPage(env.browser);
  const fetched = [];
  page.on("request", (r) => r.url().includes("/feed/news/") && fetched.push(new URL(r.url()).pathname));
  await page.goto(env.url + "/tin-tuc");
  await page.locator(".card__title").first().waitFor();
  const first = feedFile("news/tat-ca/1.json");
  assert.equal(await page.locator(".card").count(), first.items.length);
  assert.equal((await page.locator(".card__title").first().textContent()).trim(), first.items[0].title);
  // Each card has its date and views.
  assert.match(await page.locator(".card__meta").first().textContent(), /\d\d\/\d\d\/\d{4} \d\d:\d\d · Lượt xem/);
  await page.getByRole("button", { name: "Xem thêm" }).click();
  const second = feedFile("news/tat-ca/2.json");
  await page.getByText(second.items[0].title, { exact: true }).waitFor();
  assert.equal(await page.locator(".card").count(), first.items.length + second.items.length);
  assert.deepEqual(fetched, ["/feed/news/tat-ca/1.json", "/feed/news/tat-ca/2.json"], "no page fetched twice");
  await page.context().close();
});

test("a story dated by the day shows no hour, and one whose portal counts no views shows no views", async () => {
  const all = feedFile("news/tat-ca/1.json").items;
  const dayOnly = all.find((a) => a.date_only);
  const uncounted = all.find((a) => a.views === undefined);
  assert.ok(dayOnly && uncounted, "the sample's first page has both");
  const page = await openPage(env.browser);
  await page.goto(env.url + "/tin-tuc");
  const card = (a) => page.locator(".card").filter({ has: page.getByRole("link", { name: a.title, exact: true }) });
  await card(dayOnly).waitFor();
  const day = dayOnly.published.slice(0, 10);
  const [y, m, d] = day.split("-");
  const meta = (await card(dayOnly).locator(".card__meta").textContent()).trim();
  assert.match(meta, new RegExp(`^(Thứ (Hai|Ba|Tư|Năm|Sáu|Bảy)|Chủ Nhật), ${d}/${m}/${y} · Lượt xem [\\d.]+$`));
  assert.doesNotMatch(meta, /\d\d:\d\d/, "no hour");
  assert.equal(await card(dayOnly).locator("time").getAttribute("datetime"), day);
  const other = (await card(uncounted).locator(".card__meta").textContent()).trim();
  assert.match(other, /\d\d\/\d\d\/\d{4} \d\d:\d\d$/);
  assert.doesNotMatch(other, /Lượt xem/);
  await page.context().close();
});

test("the home page shows the portal's banners named by their alt or title, and its labelled counters", async () => {
  const page = await openPage(env.browser);
  await page.goto(env.url + "/");
  const linked = page.locator("section", { has: page.locator("#lien-ket") });
  await linked.locator("a").first().waitFor();
  const links = index.site.linked_websites;
  assert.equal(await linked.locator("a img.link-banner").count(), links.filter((l) => l.image).length);
  for (const l of links.filter((x) => x.image)) {
    // The banner's alt names the link; an empty alt leaves it to the title.
    const name = l.image.alt || l.title;
    const a = linked.getByRole("link", { name, exact: true });
    assert.equal(await a.getAttribute("href"), l.url);
    assert.equal(await a.getAttribute("title"), l.title);
    assert.equal(await a.locator("img").getAttribute("src"), `/feed/${l.image.src}`);
  }
  // Quick links: the banner where the portal has one, the title otherwise.
  const quick = page.locator("section", { has: page.locator("#tai-lieu") });
  const banner = index.site.quick_links.find((l) => l.image);
  assert.equal(await quick.getByRole("link", { name: banner.image.alt, exact: true }).locator("img").count(), 1);
  const plain = index.site.quick_links.find((l) => !l.image);
  assert.equal(await quick.getByRole("link", { name: plain.title, exact: true }).locator("img").count(), 0);
  // The counters as the portal labels them, in its order, not the 1.0 three.
  const labels = { online: "Đang truy cập", today: "Hôm nay", yesterday: "Hôm qua", week: "Tuần này", month: "Tháng này", year: "Năm nay", total: "Tổng lượt truy cập" };
  const counters = page.locator(".counters dl");
  const terms = (await counters.locator("dt").allTextContents()).map((t) => t.trim());
  const values = (await counters.locator("dd").allTextContents()).map((t) => t.trim());
  assert.deepEqual(terms, index.site.visits.map((v) => labels[v.period]));
  assert.deepEqual(values, index.site.visits.map((v) => v.count.toLocaleString("de-DE")));
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("a category list is headed by its name and holds only its stories", async () => {
  const category = [...index.categories].sort((a, b) => a.order - b.order)[1];
  const list = feedFile(`news/chuyen-muc-${category.slug}/1.json`);
  const page = await openPage(env.browser);
  await page.goto(`${env.url}/tin-tuc?chuyen-muc=${category.slug}`);
  await page.locator(".card__title").first().waitFor();
  assert.equal((await page.locator("h1").textContent()).trim(), category.name);
  const titles = (await page.locator(".card-list--news .card__title").allTextContents()).map((t) => t.trim());
  assert.deepEqual(titles, list.items.map((a) => a.title));
  await page.context().close();
});

test("a tag on an article leads to the list of that tag", async () => {
  const a = index.latest.find((x) => x.tags.length > 0);
  const page = await openPage(env.browser);
  await page.goto(`${env.url}/tin-tuc/${a.slug}`);
  await page.locator(".tags a").first().click();
  await page.locator(".card__title").first().waitFor();
  assert.equal((await page.locator("h1").textContent()).trim(), `Từ khóa: ${a.tags[0]}`);
  const titles = (await page.locator(".card__title").allTextContents()).map((t) => t.trim());
  assert.ok(titles.includes(a.title), "the story is in its tag's list");
  await page.context().close();
});

test("from the home page, a story of each block opens its article", async () => {
  const page = await openPage(env.browser);
  await page.goto(env.url + "/");
  await page.locator(".card__title").first().waitFor();
  const blocks = await page.locator(".home__main .block").count();
  assert.ok(blocks >= 3, "lead, latest and category blocks");
  for (let i = 0; i < blocks; i++) {
    const link = page.locator(".home__main .block").nth(i).locator(".card__title a").first();
    const title = (await link.textContent()).trim();
    await link.click();
    await page.locator("h1.article__title").waitFor();
    assert.equal((await page.locator("h1").textContent()).trim(), title);
    await page.goBack();
    await page.locator(".home__main .block").nth(i).waitFor();
  }
  await page.context().close();
});

test("the home page shows today's calendar entries or says there are none", async () => {
  const page = await openPage(env.browser);
  await page.goto(env.url + "/");
  const block = page.locator(".today");
  await block.waitFor();
  const items = await block.locator("li").count();
  if (items === 0) {
    assert.match(await block.textContent(), /Hôm nay không có lịch công tác/);
  } else {
    assert.match(await block.locator(".today__time").first().textContent(), /^\d\d:\d\d/);
  }
  assert.equal(await block.getByRole("link", { name: "Xem lịch cả tuần" }).getAttribute("href"), "/lich-cong-tac");
  await page.context().close();
});

test("pages fit every width from 320 px to 1920 px; screenshots at 360 and 1280 px are saved", async () => {
  const { mkdirSync } = await import("node:fs");
  const dir = new URL("./.artifacts/", import.meta.url);
  mkdirSync(dir, { recursive: true });
  for (const width of [320, 360, 1280, 1920]) {
    const page = await openPage(env.browser, { viewport: { width, height: 900 } });
    for (const [name, path] of [["home", "/"], ["article", `/tin-tuc/${index.latest[0].slug}`], ["news", "/tin-tuc"]]) {
      await page.goto(env.url + path);
      await page.locator(".card__title, .article__title").first().waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${path} at ${width}px is ${overflow}px too wide`);
      if (width === 360 || width === 1280) {
        await page.screenshot({ path: new URL(`${name}-${width}.png`, dir).pathname, fullPage: true });
      }
    }
    await page.context().close();
  }
});

test("a dark system theme gets a dark page", async () => {
  const bg = async (scheme) => {
    const page = await openPage(env.browser, { colorScheme: scheme });
    await page.goto(env.url + "/");
    await page.locator(".card__title").first().waitFor();
    const color = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await page.context().close();
    return color.match(/\d+/g).slice(0, 3).map(Number).reduce((a, b) => a + b, 0);
  };
  assert.ok((await bg("dark")) < 150, "dark background in dark mode");
  assert.ok((await bg("light")) > 600, "light background otherwise");
});
