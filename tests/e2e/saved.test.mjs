// Saved articles ("Lưu bài"): saved from the article page and from a card,
// listed on "Đã lưu", kept with their pictures in the service worker's
// saved cache (bantin-saved: never cleared by the worker nor by the
// automatic storing), readable with nginx stopped, and kept when a new
// release takes over. Unsaving removes them.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { start, openPage, feedFiles, DIST } from "./harness.mjs";

const POST_BUILD = fileURLToPath(new URL("../../scripts/post-build.mjs", import.meta.url));

let env;
let page;
let newest;
let articles;
before(async () => {
  env = await start();
  articles = feedFiles("articles").map((f) => f.article);
  newest = [...articles].sort((a, b) => Date.parse(b.published) - Date.parse(a.published));
  page = await openPage(env.browser, { serviceWorkers: "allow" });
});
after(async () => {
  await page?.context().close();
  await env?.stop();
});

/** The pictures an article shows: its cover and those of its body. */
function pictures(a) {
  const list = a.cover ? [a.cover.src] : [];
  for (const b of a.body) {
    if (b.type === "image") list.push(b.src);
    if (b.type === "gallery") list.push(...b.images.map((i) => i.src));
    if (b.type === "video" && b.poster) list.push(b.poster.src);
  }
  return [...new Set(list.filter((s) => !s.startsWith("data:")))];
}

const savedPaths = () =>
  page.evaluate(async () => (await (await caches.open("bantin-saved")).keys()).map((r) => new URL(r.url).pathname));

// Older than the 30 newest the automatic storing keeps: only saving keeps them.
let fromArticle;
let fromCard;

test("an article is saved from its page with its pictures, and listed on Đã lưu", async () => {
  const old = newest.slice(30);
  fromArticle = old.find((a) => pictures(a).length > 0);
  assert.ok(fromArticle, "the sample has an older article with pictures");
  await page.goto(`${env.url}/tin-tuc/${fromArticle.slug}`);
  await page.locator("h1.article__title").waitFor();
  // Wait for the service worker, so the saved copy is there for it offline.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30000 });
  const save = page.locator(".reading-tools").getByRole("button", { name: "Lưu bài" });
  assert.equal(await save.getAttribute("aria-pressed"), "false");
  await save.click();
  await page.waitForFunction(() => document.querySelector(".reading-tools .save")?.getAttribute("aria-pressed") === "true", null, { timeout: 30000 });
  const saved = await savedPaths();
  assert.ok(saved.includes(`/feed/articles/${fromArticle.slug}.json`), saved.join());
  for (const src of pictures(fromArticle)) assert.ok(saved.includes(`/feed/${src}`), `${src} saved`);
  // Đã lưu, from the main navigation.
  await page.getByRole("link", { name: "Đã lưu" }).first().click();
  await page.locator("h1", { hasText: "Bài đã lưu" }).waitFor();
  await page.getByRole("link", { name: fromArticle.title, exact: true }).waitFor();
  assert.deepEqual(page.errors, []);
});

test("an article is saved from a card, and both are listed, newest saved first", async () => {
  fromCard = newest.slice(30).find((a) => a.id !== fromArticle.id);
  // The second page of the news list holds the older stories.
  await page.goto(`${env.url}/tin-tuc`);
  await page.getByRole("button", { name: "Xem thêm" }).click();
  const card = page.locator(".card").filter({ has: page.getByRole("link", { name: fromCard.title, exact: true }) });
  await card.waitFor();
  const button = card.getByRole("button", { name: "Lưu bài" });
  await button.click();
  await page.waitForFunction((slug) => {
    const link = [...document.querySelectorAll(".card__title a")].find((a) => a.getAttribute("href") === `/tin-tuc/${slug}`);
    return link?.closest(".card").querySelector(".save")?.getAttribute("aria-pressed") === "true";
  }, fromCard.slug, { timeout: 30000 });
  assert.ok((await savedPaths()).includes(`/feed/articles/${fromCard.slug}.json`));
  await page.goto(`${env.url}/da-luu`);
  await page.locator(".saved-list .card").nth(1).waitFor();
  const titles = (await page.locator(".saved-list .card__title").allTextContents()).map((t) => t.trim());
  assert.deepEqual(titles, [fromCard.title, fromArticle.title]);
});

test("with nginx stopped, the saved articles open with their pictures, from Đã lưu and by direct URL", async () => {
  await env.server.stop();
  const refused = await fetch(env.url + "/").then(() => false, () => true);
  assert.ok(refused, "the server is really down");
  await page.goto(`${env.url}/da-luu`);
  await page.locator(".saved-list .card").nth(1).waitFor();
  await page.getByRole("link", { name: fromArticle.title, exact: true }).click();
  const heading = page.locator("h1.article__title");
  await heading.waitFor();
  assert.equal((await heading.textContent()).trim(), fromArticle.title);
  assert.ok((await page.locator(".article-body > *").count()) > 0, "the body is there");
  // Every picture of it loads from the store.
  await page.waitForFunction(() => [...document.querySelectorAll(".article img")].every((i) => i.complete));
  const broken = await page.locator(".article img").evaluateAll((imgs) => imgs.filter((i) => i.naturalWidth === 0).map((i) => i.src));
  assert.deepEqual(broken, []);
  // By its direct address, reloaded.
  await page.goto(`${env.url}/tin-tuc/${fromCard.slug}`);
  await page.reload();
  await heading.waitFor();
  assert.equal((await heading.textContent()).trim(), fromCard.title);
  await env.server.start();
});

test("unsaving removes the article and its pictures from the store and from Đã lưu", async () => {
  await page.goto(`${env.url}/tin-tuc/${fromArticle.slug}`);
  const save = page.locator(".reading-tools .save");
  await page.waitForFunction(() => document.querySelector(".reading-tools .save")?.getAttribute("aria-pressed") === "true");
  await save.click();
  await page.waitForFunction(() => document.querySelector(".reading-tools .save")?.getAttribute("aria-pressed") === "false");
  const saved = await savedPaths();
  assert.ok(!saved.includes(`/feed/articles/${fromArticle.slug}.json`));
  for (const src of pictures(fromArticle)) assert.ok(!saved.includes(`/feed/${src}`), `${src} removed`);
  await page.goto(`${env.url}/da-luu`);
  await page.locator(".saved-list .card").first().waitFor();
  assert.equal(await page.locator(".saved-list .card").count(), 1);
  assert.deepEqual(page.errors, []);
});

test("a new release keeps what was saved: its activation deletes only the old release's app files", async () => {
  const before = await savedPaths();
  const second = mkdtempSync(join(tmpdir(), "bantin-release-"));
  try {
    cpSync(DIST, second, { recursive: true });
    execFileSync("node", [POST_BUILD, second], { env: { ...process.env, BANTIN_RELEASE: "e2e-saved" }, stdio: "pipe" });
    assert.ok(before.length > 0, "something is saved");
    await page.goto(`${env.url}/da-luu`);
    await page.locator(".saved-list .card").first().waitFor();
    await env.server.deploy(second);
    await page.evaluate(() => document.dispatchEvent(new Event("visibilitychange")));
    const prompt = page.locator(".update-prompt");
    await prompt.waitFor({ timeout: 30000 });
    await Promise.all([page.waitForEvent("load"), prompt.getByRole("button", { name: "Tải lại" }).click()]);
    await page.locator(".saved-list .card").first().waitFor();
    assert.equal(await page.evaluate(() => document.querySelector("meta[name=bantin-release]").content), "e2e-saved");
    const names = await page.evaluate(() => caches.keys());
    assert.equal(names.filter((n) => n.startsWith("bantin-app-")).length, 1, "the old release's files are gone");
    assert.deepEqual((await savedPaths()).sort(), before.sort(), "every saved file stays");
  } finally {
    await env.server.deploy(DIST);
    rmSync(second, { recursive: true, force: true });
  }
});
