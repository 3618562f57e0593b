// Most read ("Xem nhiều"): the feed tool ranks the stories by their views
// within 30 days up to the newest story (crates/format/src/most_read.rs)
// when it writes index.json; the home page and each category's list show
// them with the same cards as every other list. The ranking is worked out
// here again, independently, from the built feed's article files.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { start, openPage, feedFile, feedFiles } from "./harness.mjs";

let env;
let index;
let articles;
before(async () => {
  env = await start();
  index = feedFile("index.json");
  articles = feedFiles("articles").map((f) => f.article);
});
after(async () => env?.stop());

const DAY = 24 * 3600 * 1000;

/** The 5 most read of `stories`: counted ones within 30 days up to the newest of all. */
function ranked(stories) {
  const until = Math.max(...articles.map((a) => Date.parse(a.published)));
  return stories
    .filter((a) => a.views > 0)
    .filter((a) => Date.parse(a.published) >= until - 30 * DAY && Date.parse(a.published) <= until)
    .sort((a, b) => b.views - a.views || Date.parse(b.published) - Date.parse(a.published) || (a.id < b.id ? -1 : 1))
    .slice(0, 5)
    .map((a) => a.title);
}

const blockTitles = async (page) =>
  (await page.locator(".most-read .card__title").allTextContents()).map((t) => t.trim());

test("the home page shows the site's most read within the window, most read first, as cards", async () => {
  const expected = ranked(articles);
  assert.equal(expected.length, 5, "the sample has enough counted stories");
  // The feed's own numbers decide it: an older story read more is left out.
  const older = articles.filter((a) => Date.parse(a.published) < Date.parse(index.latest[0].published) - 30 * DAY);
  assert.ok(older.some((a) => a.views > 0), "the sample has counted stories outside the window");
  assert.equal(index.most_read.days, 30);
  const page = await openPage(env.browser);
  await page.goto(env.url + "/");
  const block = page.getByRole("region", { name: "Xem nhiều" });
  await block.waitFor();
  assert.deepEqual(await blockTitles(page), expected);
  // The same card as every list: picture, title link, date and views.
  const first = block.locator(".card").first();
  assert.match(await first.locator(".card__meta").textContent(), /Lượt xem [\d.]+/);
  const top = articles.find((a) => a.title === expected[0]);
  assert.equal(await first.locator(".card__title a").getAttribute("href"), `/tin-tuc/${top.slug}`);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("each category's list shows that category's most read", async () => {
  const page = await openPage(env.browser);
  let shown = 0;
  for (const c of index.categories) {
    const expected = ranked(articles.filter((a) => a.category === c.id || (a.categories || []).includes(c.id)));
    await page.goto(`${env.url}/tin-tuc?chuyen-muc=${c.slug}`);
    await page.locator(".card-list--news .card").first().waitFor();
    if (expected.length === 0) {
      assert.equal(await page.locator(".most-read").count(), 0, `${c.slug}: no block without counted stories`);
      continue;
    }
    await page.locator(".most-read").waitFor();
    assert.deepEqual(await blockTitles(page), expected, c.slug);
    shown += 1;
  }
  assert.ok(shown >= 2, "most categories of the sample have a block");
  // The list of every story has none (the home page has the site's).
  await page.goto(`${env.url}/tin-tuc`);
  await page.locator(".card-list--news .card").first().waitFor();
  assert.equal(await page.locator(".most-read").count(), 0);
  await page.context().close();
});
