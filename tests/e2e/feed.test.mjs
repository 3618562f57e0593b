// The release build loads the bundled sample feed and shows its real
// content; a broken or missing feed gives a clear Vietnamese message.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { start, openPage, feedFile, isoWeek, DIST } from "./harness.mjs";

let env;
let index;
before(async () => {
  env = await start();
  index = feedFile("index.json");
});
after(async () => env?.stop());

test("the home page shows the feed's real headlines and site name", async () => {
  const page = await openPage(env.browser);
  await page.goto(env.url + "/");
  await page.locator(".card__title").first().waitFor();
  const lead = index.latest.find((a) => a.id === index.featured[0]);
  assert.ok(lead, "the sample features a story");
  const titles = await page.locator(".card__title").allTextContents();
  assert.ok(titles.map((t) => t.trim()).includes(lead.title), `lead story "${lead.title}" missing from ${titles}`);
  // Every headline on the page is one of the feed's.
  const known = new Set(index.latest.map((a) => a.title));
  for (const t of titles) assert.ok(known.has(t.trim()), `unexpected headline "${t}"`);
  assert.equal((await page.locator(".brand__name").textContent()).trim(), index.site.name);
  assert.match(await page.title(), new RegExp(index.site.name));
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("the newest documents and linked websites appear on the home page", async () => {
  const page = await openPage(env.browser);
  await page.goto(env.url + "/");
  await page.locator(".doc-list li").first().waitFor();
  const numbers = await page.locator(".doc-list strong").allTextContents();
  assert.deepEqual(numbers, index.documents.latest.slice(0, 3).map((d) => d.number));
  const links = await page.locator("#lien-ket ~ ul a").evaluateAll((as) => as.map((a) => a.href));
  assert.equal(links.length, index.site.linked_websites.length);
  await page.context().close();
});

test("the sample calendar was moved to the weeks around the date the build was given", () => {
  // scripts/test builds with BANTIN_DEMO_TODAY; a build by hand, with today.
  const given = process.env.BANTIN_DEMO_TODAY;
  const id = isoWeek(given ? Date.parse(`${given}T12:00:00+07:00`) : Date.now());
  assert.ok(index.calendar.weeks.includes(id), `${id} not in ${index.calendar.weeks}`);
  const current = index.calendar.embedded.find((w) => w.week === id);
  assert.ok(current && current.entries.length > 0, "the current week has entries");
});

test("a feed that cannot be loaded gives a clear message and a retry", async () => {
  const page = await openPage(env.browser);
  await page.route("**/feed/index.json", (route) => route.fulfill({ status: 500, body: "lỗi" }));
  await page.goto(env.url + "/");
  const notice = page.locator(".notice--error");
  await notice.waitFor();
  assert.match(await notice.textContent(), /Máy chủ đang gặp sự cố/);
  // The feed comes back: Thử lại loads it without reloading the page.
  await page.unroute("**/feed/index.json");
  await notice.getByRole("button", { name: "Thử lại" }).click();
  await page.locator(".card__title").first().waitFor();
  // The published page showed the lent notice: it goes once the app's
  // page (drawn a few tasks later) takes the published one's place.
  await page.locator(".notice--error").waitFor({ state: "detached", timeout: 10000 });
  await page.locator("#prerender").waitFor({ state: "detached", timeout: 10000 });
  await page.context().close();
});

test("a feed that is not JSON is reported, not shown as a blank page", async () => {
  const page = await openPage(env.browser);
  await page.route("**/feed/index.json", (route) =>
    route.fulfill({ status: 200, contentType: "text/html", body: "<!doctype html><h1>502 Bad Gateway</h1>" }),
  );
  await page.goto(env.url + "/");
  const notice = page.locator(".notice--error");
  await notice.waitFor();
  assert.match(await notice.textContent(), /Dữ liệu nhận được bị lỗi/);
  assert.equal((await page.locator("h1").first().textContent()).trim(), "Tin mới nhất");
  await page.context().close();
});

test("the built service worker carries the protocol the app was built with", async () => {
  const root = fileURLToPath(new URL("../..", import.meta.url));
  const printed = JSON.parse(execFileSync("cargo", ["run", "--quiet", "--locked", "-p", "bantin-feed", "--", "sw-protocol"], { cwd: root, encoding: "utf8" }));
  const sw = readFileSync(join(DIST, "sw.js"), "utf8");
  const written = sw.match(/const PROTOCOL = (\{[^\n]*\});/);
  assert.ok(written, "sw.js has its protocol");
  assert.deepEqual(JSON.parse(written[1]), printed);
  assert.ok(!sw.includes("__BANTIN_"), "every placeholder is filled");
});
