// New since your last visit (src/logic/visits.rs): a first visit marks
// nothing; the next visit (after a pause of more than 30 minutes) marks the
// stories published since the first one on the home page and the lists,
// with their count in the tab's title until they are opened; the marks
// stay while the reader moves from page to page and reloads.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { start, openPage, feedFile, testNow, axeViolations } from "./harness.mjs";

let env;
let index;
before(async () => {
  env = await start();
  index = feedFile("index.json");
});
after(async () => env?.stop());

const MIN = 60 * 1000;

/** The titles of the cards marked new on the page, each once. */
async function markedTitles(page) {
  const titles = await page.locator(".card--new .card__title").allTextContents();
  return [...new Set(titles.map((t) => t.trim()))].sort();
}

test("stories published since the previous visit are marked on home and lists, counted in the title until opened", async () => {
  // The first visit: the reader saw the feed as it was at noon on 19/11/2026.
  const firstVisit = new Date("2026-11-19T12:00:00+07:00");
  const since = index.latest.filter((a) => Date.parse(a.published) > firstVisit.getTime());
  const before = index.latest.filter((a) => Date.parse(a.published) <= firstVisit.getTime());
  assert.ok(since.length >= 3 && before.length >= 3, "the sample has stories on both sides");
  // bypassCSP lets the test inject axe; the app itself runs as shipped.
  const page = await openPage(env.browser, { at: firstVisit, bypassCSP: true });
  const context = page.context();
  await page.route("**/feed/index.json", async (route) => {
    const response = await route.fetch();
    const body = await response.json();
    body.latest = body.latest.filter((a) => Date.parse(a.published) <= firstVisit.getTime());
    body.featured = body.featured.filter((id) => body.latest.some((a) => a.id === id));
    await route.fulfill({ response, json: body });
  });
  await page.goto(env.url + "/");
  await page.locator(".card__title").first().waitFor();
  assert.deepEqual(await markedTitles(page), [], "a first visit marks nothing");
  assert.doesNotMatch(await page.title(), /^\(/);
  await page.close();

  // The next visit, weeks later, with the whole feed.
  await context.clock.setSystemTime(testNow());
  const second = await context.newPage();
  second.errors = [];
  second.on("pageerror", (e) => second.errors.push(String(e)));
  await second.goto(env.url + "/");
  await second.waitForFunction(() => !document.getElementById("prerender"), null, { timeout: 15000 });
  await second.locator(".card--new").first().waitFor();
  const expected = since.map((a) => a.title).sort();
  // Every new story the home page shows is marked, and no other.
  const shown = new Set((await second.locator(".card__title").allTextContents()).map((t) => t.trim()));
  assert.deepEqual(await markedTitles(second), expected.filter((t) => shown.has(t)));
  assert.ok((await markedTitles(second)).length >= 3);
  assert.equal(await second.locator(".card--new .card__new").first().textContent(), "Mới");
  await second.waitForFunction((n) => document.title.startsWith(`(${n}) `), since.length);
  // The marks pass axe (contrast, names), in the light theme and the dark.
  assert.deepEqual(await axeViolations(second), []);
  await second.emulateMedia({ colorScheme: "dark" });
  assert.deepEqual(await axeViolations(second), []);
  await second.emulateMedia({ colorScheme: "light" });

  // Opening a new story: one fewer in the title; its mark and the others stay.
  const opened = since[0];
  await second.getByRole("link", { name: opened.title, exact: true }).first().click();
  await second.locator("h1.article__title").waitFor();
  await second.waitForFunction((n) => document.title.startsWith(`(${n}) `), since.length - 1);
  await second.getByRole("link", { name: "Trang chủ", exact: true }).first().click();
  await second.locator(".card--new").first().waitFor();
  assert.deepEqual(await markedTitles(second), expected.filter((t) => shown.has(t)), "marks survive navigation");

  // The news list marks them too.
  await second.getByRole("link", { name: "Tin tức", exact: true }).first().click();
  await second.locator(".card--new").first().waitFor();
  const listed = new Set((await second.locator(".card__title").allTextContents()).map((t) => t.trim()));
  assert.deepEqual(await markedTitles(second), expected.filter((t) => listed.has(t)));

  // A reload ten minutes on is the same visit: the same marks, the same count.
  await context.clock.setSystemTime(testNow().getTime() + 10 * MIN);
  await second.reload();
  await second.waitForFunction(() => !document.getElementById("prerender"), null, { timeout: 15000 });
  await second.locator(".card--new").first().waitFor();
  assert.deepEqual(await markedTitles(second), expected.filter((t) => listed.has(t)));
  await second.waitForFunction((n) => document.title.startsWith(`(${n}) `), since.length - 1);

  // Opening every new story: no count left in the title.
  for (const a of since.slice(1)) {
    await second.goto(`${env.url}/tin-tuc/${a.slug}`);
    await second.waitForFunction(() => !document.getElementById("prerender"), null, { timeout: 15000 });
    await second.locator("h1.article__title").waitFor();
  }
  await second.waitForFunction(() => !document.title.startsWith("("));

  assert.deepEqual(second.errors, []);
  await second.close();

  // A visit after another long pause: nothing was published since, nothing is new.
  await context.clock.setSystemTime(testNow().getTime() + 3 * 60 * MIN);
  const third = await context.newPage();
  await third.goto(env.url + "/");
  await third.waitForFunction(() => !document.getElementById("prerender"), null, { timeout: 15000 });
  await third.locator(".card__title").first().waitFor();
  assert.deepEqual(await markedTitles(third), []);
  assert.doesNotMatch(await third.title(), /^\(/);
  await context.close();
});
