// The build for a sub-path (`trunk build --release --public-url /bantin/`,
// which scripts/test makes in target/dist-subpath) on a plain static host
// with only a 404.html fallback: every route, link and the offline cache
// stay under /bantin/.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { start, openPage, feedFile } from "./harness.mjs";
import { staticHost } from "./static-host.mjs";

const SUBPATH_DIST = fileURLToPath(new URL("../../target/dist-subpath", import.meta.url));
let env;
let host;
before(async () => {
  if (!existsSync(`${SUBPATH_DIST}/index.html`)) {
    throw new Error("no sub-path build: run `trunk build --release --public-url /bantin/ --dist target/dist-subpath`");
  }
  env = await start();
  host = await staticHost(SUBPATH_DIST, "/bantin/");
});
after(async () => {
  await host?.close();
  await env?.stop();
});

test("under /bantin/ on a static host, deep links, navigation and the service worker stay under the base", async () => {
  const index = feedFile("index.json");
  const article = index.latest[0];
  const page = await openPage(env.browser, { serviceWorkers: "allow" });
  const missing = [];
  page.on("response", (r) => r.status() === 404 && missing.push(r.url()));
  const prefs = [];
  page.on("response", (r) => /\/prefs-[0-9a-f]+\.js$/.test(r.url()) && prefs.push(`${r.status()} ${new URL(r.url()).pathname}`));
  // A deep link to a story: its published page (tin-tuc/{slug}/index.html,
  // which a static host serves), which the app then takes over.
  const deep = `${host.url}tin-tuc/${article.slug}`;
  await page.goto(deep);
  await page.locator("h1.article__title").waitFor();
  assert.equal((await page.locator("h1.article__title").textContent()).trim(), article.title);
  // The settings script before the first paint comes from under the base.
  assert.equal(prefs.length, 1, prefs.join());
  assert.match(prefs[0], /^200 \/bantin\/prefs-[0-9a-f]{16}\.js$/);
  // Links of the app carry the base.
  const hrefs = await page.locator(".main-nav a").evaluateAll((as) => as.map((a) => new URL(a.href).pathname));
  assert.ok(hrefs.length >= 4);
  for (const h of hrefs) assert.ok(h.startsWith("/bantin"), h);
  await page.locator(".main-nav a", { hasText: "Lịch công tác" }).click();
  await page.waitForURL(/\/bantin\/lich-cong-tac/);
  await page.locator(".calendar__week").waitFor();
  await page.locator(".main-nav a", { hasText: "Trang chủ" }).click();
  await page.waitForURL((u) => u.pathname === "/bantin" || u.pathname === "/bantin/");
  await page.locator(".card__title").first().waitFor();
  // Quick links from the feed ("/van-ban?…") move under the base too.
  const quick = await page.locator("#tai-lieu ~ ul a").evaluateAll((as) => as.map((a) => new URL(a.href).pathname));
  assert.ok(quick.length > 0, "the sample has quick links");
  for (const q of quick) assert.ok(q.startsWith("/bantin/"), q);
  // The service worker is scoped to the sub-path and stores the feed there.
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  assert.equal(new URL(scope).pathname, "/bantin/");
  await page.waitForFunction(() => document.documentElement.dataset.offlineStored > 0, null, { timeout: 60000 });
  const feedUrls = await page.evaluate(async () => (await (await caches.open("bantin-feed")).keys()).map((r) => new URL(r.url).pathname));
  assert.ok(feedUrls.includes("/bantin/feed/index.json"), feedUrls.slice(0, 3).join());
  // Nothing was missing: no file of the app or the feed was looked for
  // outside the base.
  assert.deepEqual(missing, []);
  assert.deepEqual(page.errors.filter((e) => !/status of 404/.test(e)), []);
  await page.context().close();
});

test("under /bantin/ on a static host, a published page says its address under the base, and an unpublished one loads the app from 404.html", async () => {
  const index = feedFile("index.json");
  const article = index.latest[0];
  const plain = await openPage(env.browser, { javaScriptEnabled: false, takeover: false });
  const response = await plain.goto(`${host.url}tin-tuc/${article.slug}`);
  assert.equal(response.status(), 200);
  assert.equal((await plain.locator("h1.article__title").textContent()).trim(), article.title);
  const og = await plain.evaluate(() => document.querySelector("meta[property='og:url']")?.content);
  assert.equal(og, `http://127.0.0.1:8080/bantin/tin-tuc/${article.slug}`);
  const links = await plain.locator("#prerender a[href^='/']").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
  assert.ok(links.length > 5);
  for (const l of links) assert.ok(l.startsWith("/bantin/"), l);
  await plain.context().close();
  const page = await openPage(env.browser);
  const searched = await page.goto(`${host.url}tim-kiem?q=h%E1%BB%99i+ngh%E1%BB%8B`);
  assert.equal(searched.status(), 404);
  await page.locator("main h1").first().waitFor();
  assert.equal(await page.locator("#prerender").count(), 0);
  await page.context().close();
});
