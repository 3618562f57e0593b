// Offline first, as a reader lives it: one visit through nginx, the
// background storing, then nginx really stopped (the port refuses
// connections) and pages opened by direct URL; nginx started again; a new
// release deployed while the page is open; and the install checks.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { start, openPage, feedFile, DIST, isoWeek, persistentBrowser, testNow } from "./harness.mjs";

const POST_BUILD = fileURLToPath(new URL("../../scripts/post-build.mjs", import.meta.url));
const BANNER = "Đang ngoại tuyến — nội dung cập nhật lúc";

let env;
let page;
let index;
let newest;
before(async () => {
  env = await start();
  index = feedFile("index.json");
  newest = [...index.latest].sort((a, b) => Date.parse(b.published) - Date.parse(a.published));
  page = await openPage(env.browser, { serviceWorkers: "allow" });
});
after(async () => {
  await page?.context().close();
  await env?.stop();
});

const heading = () => page.locator("h1.article__title");

test("the first visit stores the feed in the background, after the first screen", async () => {
  await page.goto(env.url + "/");
  // The first screen does not wait for the storing.
  await page.locator(".card__title").first().waitFor();
  await page.waitForFunction(() => document.documentElement.dataset.offlineStored > 0, null, { timeout: 60000 });
  const stored = Number(await page.evaluate(() => document.documentElement.dataset.offlineStored));
  const caches = await page.evaluate(async () => {
    const out = {};
    for (const name of await caches.keys()) out[name] = (await (await caches.open(name)).keys()).map((r) => r.url);
    return out;
  });
  const feed = caches["bantin-feed"] ?? [];
  const articles = feed.filter((u) => u.includes("/feed/articles/"));
  assert.equal(articles.length, 30, "the 30 newest articles");
  for (const a of newest.slice(0, 30)) assert.ok(articles.some((u) => u.endsWith(`/articles/${a.slug}.json`)), a.slug);
  // The page's clock (testNow) decides which weeks are "around today".
  const now = testNow().getTime();
  for (const w of [isoWeek(now), isoWeek(now - 7 * 86400000), isoWeek(now + 7 * 86400000)]) {
    assert.ok(feed.some((u) => u.endsWith(`/calendar/${w}.json`)), `week ${w}`);
  }
  // The document library's first screen from its library index (format
  // doc §7.9): the root and the first row parts, not every document page.
  const library = feedFile("library/index.json");
  assert.ok(feed.some((u) => u.endsWith("/feed/library/index.json")), "the library index's root");
  assert.ok(feed.some((u) => u.endsWith(`/feed/library/${library.build}/r0.json`)), "the library's first rows");
  assert.ok(!feed.some((u) => u.includes("/documents/pages/")), "no document page");
  assert.ok((caches["bantin-images"] ?? []).length > 0, "images");
  const app = Object.keys(caches).filter((n) => n.startsWith("bantin-app-"));
  assert.equal(app.length, 1, "one release's app files");
  assert.ok(stored >= feed.length, `${stored} stored`);
  // The offline page counts them.
  await page.getByRole("link", { name: "Ngoại tuyến" }).click();
  await page.locator(".offline-table").waitFor();
  const row = (label) => page.locator(".offline-table tr", { hasText: label }).locator("td");
  assert.equal((await row("Bài viết").textContent()).trim(), "30");
  assert.deepEqual(page.errors, []);
});

// A document outside the index's newest, with two files: only saving keeps it.
const SAVED_DOC = "112-hd-btgtu-2026";

test("a document saved for offline reading keeps its files", async () => {
  await page.goto(`${env.url}/van-ban/${SAVED_DOC}`);
  await page.getByRole("button", { name: "Lưu để đọc ngoại tuyến" }).click();
  await page.getByText("Đã lưu để đọc ngoại tuyến").waitFor();
  const saved = await page.evaluate(async () => (await (await caches.open("bantin-saved")).keys()).map((r) => new URL(r.url).pathname));
  const doc = feedFile(`documents/items/${SAVED_DOC}.json`).document;
  assert.equal(saved.length, 1 + doc.files.length, saved.join());
  // It stays saved on the next visit.
  await page.reload();
  await page.getByRole("button", { name: "Bỏ lưu" }).waitFor();
});

test("with nginx stopped, pages open by direct URL from what was stored", async () => {
  await env.server.stop();
  const refused = await fetch(env.url + "/").then(
    () => false,
    () => true,
  );
  assert.ok(refused, "the server is really down");

  await page.goto(env.url + "/");
  await page.locator(".card__title").first().waitFor();
  const banner = page.locator(".offline-banner");
  await banner.waitFor();
  assert.match(await banner.textContent(), new RegExp(`^${BANNER} \\d{2}:\\d{2} \\d{2}/\\d{2}$`));

  // The 30th newest article, by a reload of its direct URL.
  const thirtieth = newest[29];
  await page.goto(`${env.url}/tin-tuc/${thirtieth.slug}`);
  await page.reload();
  await heading().waitFor();
  assert.equal((await heading().textContent()).trim(), thirtieth.title);
  assert.ok((await page.locator(".article-body > *").count()) > 0, "the body is there");

  // Next week's calendar.
  const next = isoWeek(testNow().getTime() + 7 * 86400000);
  await page.goto(`${env.url}/lich-cong-tac?tuan=${next}`);
  await page.locator(".cal-table .cal-entry").first().waitFor({ state: "attached" });
  const week = feedFile(`calendar/${next}.json`);
  const content = await page.locator("main").textContent();
  assert.ok(content.includes(week.entries[0].content), "an entry of next week");

  // A document page, and the news list.
  const doc = index.documents.latest[0];
  await page.goto(`${env.url}/van-ban/${doc.id}`);
  await page.getByText(doc.number).first().waitFor();
  await page.goto(`${env.url}/van-ban`);
  await page.locator(".doc-row").first().waitFor();
  await page.goto(`${env.url}/tin-tuc`);
  await page.locator(".card__title").first().waitFor();

  // The saved document: its page and its files.
  const saved = feedFile(`documents/items/${SAVED_DOC}.json`).document;
  await page.goto(`${env.url}/van-ban/${SAVED_DOC}`);
  await page.getByText("Đã lưu để đọc ngoại tuyến").waitFor();
  const hrefs = await page.locator(".file__download").evaluateAll((as) => as.map((a) => a.href));
  assert.equal(hrefs.length, saved.files.length);
  for (const href of hrefs) {
    const status = await page.evaluate(async (u) => (await fetch(u)).status, href);
    assert.equal(status, 200, href);
  }

  // A search over the stored feed.
  const word = newest[0].title.split(" ").slice(0, 2).join(" ");
  await page.goto(`${env.url}/tim-kiem?q=${encodeURIComponent(word)}`);
  await page.locator(".search-hit").first().waitFor();

  // An article that was not stored says so and offers the stored ones.
  const unstored = newest.find((a, i) => i >= 30) ?? null;
  const slug = unstored ? unstored.slug : "bai-chua-luu-tren-may";
  await page.goto(`${env.url}/tin-tuc/${slug}`);
  await page.getByText("Bài viết này chưa được lưu để đọc ngoại tuyến").first().waitFor();
  await page.locator(".stored-list a").first().waitFor();
  assert.equal(await page.locator(".stored-list a").count(), 30);
  await page.locator(".stored-list a").first().click();
  await heading().waitFor();
  assert.equal((await heading().textContent()).trim(), newest[0].title);
  await page.screenshot({ path: "./.artifacts/offline-article.png" });
});

test("when nginx is back, the banner goes by itself", async () => {
  await page.goto(env.url + "/");
  await page.locator(".offline-banner").waitFor();
  await env.server.start();
  await page.locator(".offline-banner").waitFor({ state: "detached", timeout: 30000 });
  await page.locator(".card__title").first().waitFor();
});

test("the Ngoại tuyến page clears what is stored, and storing again refills it", async () => {
  await page.goto(env.url + "/ngoai-tuyen");
  const row = (label) => page.locator(".offline-table tr", { hasText: label }).locator("td");
  await page.locator(".offline-table").waitFor();
  // Opening the page started the app, which stores again: let it finish.
  await page.getByText("Đã lưu xong nội dung để đọc ngoại tuyến.").waitFor({ timeout: 60000 });
  assert.equal((await row("Bài viết").textContent()).trim(), "30");
  await page.getByRole("button", { name: "Xoá nội dung đã lưu" }).click();
  await page.getByText("Đã xoá nội dung đã lưu").waitFor();
  await page.waitForFunction(() => {
    const r = [...document.querySelectorAll(".offline-table tr")].find((tr) => tr.textContent.includes("Bài viết"));
    return r && r.querySelector("td").textContent.trim() === "0";
  });
  assert.equal((await row("Tệp văn bản bạn đã lưu").textContent()).trim(), "0");
  assert.notEqual((await row("Tệp của ứng dụng").textContent()).trim(), "0", "the app itself stays");
  await page.getByRole("button", { name: "Lưu lại ngay" }).click();
  await page.waitForFunction(() => {
    const r = [...document.querySelectorAll(".offline-table tr")].find((tr) => tr.textContent.includes("Bài viết"));
    return r && r.querySelector("td").textContent.trim() === "30";
  }, null, { timeout: 60000 });
});

test("a release deployed while the app is open is offered, and the reload runs it whole", async () => {
  await page.goto(env.url + "/");
  await page.locator(".card__title").first().waitFor();
  const second = mkdtempSync(join(tmpdir(), "bantin-release-"));
  try {
    cpSync(DIST, second, { recursive: true });
    execFileSync("node", [POST_BUILD, second], { env: { ...process.env, BANTIN_RELEASE: "e2e-second" }, stdio: "pipe" });
    const before = await page.evaluate(() => document.querySelector("meta[name=bantin-release]").content);
    assert.notEqual(before, "e2e-second");
    const oldCaches = await page.evaluate(async () => (await caches.keys()).filter((n) => n.startsWith("bantin-app-")));

    await env.server.deploy(second);
    // The reader comes back to the tab: the app asks for a new release.
    await page.evaluate(() => document.dispatchEvent(new Event("visibilitychange")));
    const prompt = page.locator(".update-prompt");
    await prompt.waitFor({ timeout: 30000 });
    assert.match(await prompt.textContent(), /Đã có phiên bản mới/);
    await Promise.all([page.waitForEvent("load"), prompt.getByRole("button", { name: "Tải lại" }).click()]);
    await page.locator(".card__title").first().waitFor();
    const after = await page.evaluate(() => document.querySelector("meta[name=bantin-release]").content);
    assert.equal(after, "e2e-second");
    const appCaches = await page.evaluate(async () => (await caches.keys()).filter((n) => n.startsWith("bantin-app-")));
    assert.equal(appCaches.length, 1, "the previous release's cache is gone");
    assert.notDeepEqual(appCaches, oldCaches);
    // The new release's files are what the page runs: its own release label.
    await page.goto(env.url + "/ngoai-tuyen");
    assert.equal((await page.locator("[data-release]").textContent()).trim(), "e2e-second");
  } finally {
    await env.server.deploy(DIST);
    rmSync(second, { recursive: true, force: true });
  }
});

test("the app is installable: manifest, icons, service worker (Chromium's own checks)", async () => {
  // Incognito windows cannot install: this one has a profile on disk.
  const profile = await persistentBrowser();
  const page = profile.context.pages()[0] ?? (await profile.context.newPage());
  page.errors = [];
  page.on("pageerror", (e) => page.errors.push(String(e)));
  await page.goto(env.url + "/");
  await page.locator(".card__title").first().waitFor();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  const cdp = await page.context().newCDPSession(page);
  const { installabilityErrors: errors } = await cdp.send("Page.getInstallabilityErrors");
  assert.deepEqual(errors, [], JSON.stringify(errors));
  const { url, errors: manifestErrors } = await cdp.send("Page.getAppManifest");
  assert.ok(url.endsWith("/manifest.webmanifest"));
  assert.deepEqual(manifestErrors, []);
  const manifest = JSON.parse(readFileSync(join(DIST, "manifest.webmanifest"), "utf8"));
  assert.equal(manifest.short_name, "Bản tin");
  assert.equal(manifest.display, "standalone");
  const sizes = manifest.icons.map((i) => `${i.sizes} ${i.purpose}`);
  for (const want of ["192x192 any", "512x512 any", "512x512 maskable"]) assert.ok(sizes.includes(want), want);
  const theme = await page.evaluate(() => document.querySelector("meta[name=theme-color]").content);
  assert.equal(theme, "#a50e0e");
  const touch = await page.evaluate(() => document.querySelector("link[rel=apple-touch-icon]").href);
  const res = await fetch(touch);
  assert.equal(res.headers.get("content-type"), "image/png");
  assert.deepEqual(page.errors, []);
  await profile.close();
});
