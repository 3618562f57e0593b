// Published pages (`bantin-feed publish`, run by the release build on the
// bundled feed): each address a reader lands on answers with its own first
// screen and link-preview tags, readable without JavaScript; the app takes
// the page over without a visible change; a feed changed since publishing
// shows its new headlines; and hostile feed text stays text in every page
// the publish step writes, body and head.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { start, openPage, DIST, feedFile, feedFiles } from "./harness.mjs";
import { startNginx } from "./nginx.mjs";
import { TEXT_PAYLOADS } from "./payloads.mjs";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.stop();
});

const index = () => feedFile("index.json");
const anArticle = () => feedFiles("articles").map((f) => f.article).find((a) => a.cover) ?? feedFiles("articles")[0].article;
const aDocument = () => feedFiles("documents/items")[0].document;

/** The routes every reader can land on, with what their first screen must say. */
function landings() {
  const article = anArticle();
  const doc = aDocument();
  const featured = index().latest.find((a) => a.id === index().featured[0]) ?? index().latest[0];
  return [
    { path: "/", heading: null, text: featured.title, type: "website" },
    { path: `/tin-tuc/${article.slug}`, heading: article.title, text: article.sapo, type: "article" },
    { path: "/lich-cong-tac", heading: "Lịch công tác", text: null, type: "website" },
    { path: "/van-ban", heading: "Văn bản", text: index().documents.latest[0].number, type: "website" },
    { path: `/van-ban/${doc.id}`, heading: doc.number, text: doc.summary, type: "website" },
  ];
}

const meta = (page, key) =>
  page.evaluate((k) => document.querySelector(`meta[property="${k}"], meta[name="${k}"]`)?.getAttribute("content") ?? null, key);

test("without JavaScript, every landing page has its real heading, content and link-preview tags", async () => {
  const page = await openPage(env.browser, { javaScriptEnabled: false, takeover: false });
  for (const landing of landings()) {
    const response = await page.goto(env.url + landing.path);
    assert.equal(response.status(), 200, landing.path);
    const main = await page.locator("main").innerText();
    if (landing.heading) {
      const h1 = await page.locator("main h1").first().innerText();
      assert.ok(h1.includes(landing.heading), `${landing.path}: h1 "${h1}" lacks "${landing.heading}"`);
    }
    if (landing.text) assert.ok(main.includes(landing.text), `${landing.path}: the page lacks "${landing.text}"`);
    assert.ok(!main.includes("Đang tải"), `${landing.path}: a loading line was published`);
    assert.ok(!(await page.locator("#boot").isVisible()), `${landing.path}: the loading screen shows`);

    const url = await meta(page, "og:url");
    assert.equal(url, `http://127.0.0.1:8080${landing.path}`, `${landing.path}: og:url`);
    assert.equal(await page.evaluate(() => document.querySelector("link[rel=canonical]")?.href), url);
    assert.equal(await meta(page, "og:type"), landing.type);
    assert.ok((await meta(page, "og:title"))?.trim(), `${landing.path}: og:title`);
    assert.ok((await meta(page, "og:description"))?.trim(), `${landing.path}: og:description`);
    const image = await meta(page, "og:image");
    assert.match(image, /^https?:\/\/[^/]+\//, `${landing.path}: og:image is absolute`);
    assert.match(await meta(page, "og:image:width"), /^[1-9]\d*$/);
    assert.match(await meta(page, "og:image:height"), /^[1-9]\d*$/);
    assert.equal(await meta(page, "twitter:card"), "summary_large_image");
    assert.equal(await meta(page, "bantin-feed-version"), index().generated_at, `${landing.path}: the feed version`);
    const title = await page.title();
    assert.ok(title.length > 0 && (!landing.heading || title.includes(landing.heading)), `${landing.path}: <title> ${title}`);
  }
  await page.context().close();
});

test("the site card is a 1200×630 PNG", async () => {
  const response = await fetch(`${env.url}/og-card.png`);
  assert.equal(response.status, 200);
  const bytes = Buffer.from(await response.arrayBuffer());
  assert.deepEqual([...bytes.subarray(1, 4)], [0x50, 0x4e, 0x47]);
  assert.equal(bytes.readUInt32BE(16), 1200);
  assert.equal(bytes.readUInt32BE(20), 630);
});

/** Records, from before the page's first byte, layout shifts and any frame showing a loading screen or line. */
async function watchTakeover(page) {
  await page.addInitScript(() => {
    window.__shifts = [];
    window.__flashes = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shifts.push(e.value);
    }).observe({ type: "layout-shift", buffered: true });
    const look = () => {
      for (const el of document.querySelectorAll("#boot, .notice--loading")) {
        if (el.checkVisibility()) window.__flashes.push(el.id || el.className);
      }
      requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  });
}

// (#app is display: contents, which has no box of its own to be visible.)
const tookOver = (page) =>
  page.waitForFunction(() => !document.getElementById("prerender") && document.getElementById("app")?.hidden === false, null, { timeout: 20000 });

/** The page's sections, cards and article blocks, published or the app's. */
const shape = (page) =>
  page.evaluate(() => {
    const main = document.querySelector("#prerender main") ?? document.querySelector("main");
    return {
      // The first class only: "today" may differ (the page was published
      // on another day than the test's clock says).
      sections: [...main.querySelectorAll("section, aside, nav")].map((s) => s.getAttribute("aria-labelledby") ?? s.getAttribute("aria-label") ?? s.classList[0]),
      cards: main.querySelectorAll(".card").length,
      blocks: [...(main.querySelector(".article-body")?.children ?? [])].map((b) => b.tagName),
      pending: main.querySelectorAll("[data-pending]").length,
    };
  });

test("the app takes over each landing page with no layout shift, no loading flash and no scroll jump", async () => {
  for (const landing of landings()) {
    const page = await openPage(env.browser, { takeover: false });
    await watchTakeover(page);
    // The app's wasm waits until the reader has scrolled the published page.
    let release;
    const held = new Promise((ok) => (release = ok));
    await page.route("**/*.wasm", async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(env.url + landing.path, { waitUntil: "domcontentloaded" });
    const before = await page.locator("#prerender main h1").first().innerText();
    const shapeBefore = await shape(page);
    await page.evaluate(() => window.scrollTo(0, 200));
    const scrolled = await page.evaluate(() => window.scrollY);
    release();
    await tookOver(page);
    await page.waitForTimeout(300);
    const after = await page.locator("main h1").first().innerText();
    assert.equal(after, before, `${landing.path}: the heading changed at the takeover`);
    // What the app draws a moment later (below the first screen) was all
    // there before it took the page's place.
    assert.deepEqual(await shape(page), shapeBefore, `${landing.path}: the app's page is not the published one`);
    assert.deepEqual(await page.evaluate(() => window.__shifts), [], `${landing.path}: layout shifts`);
    assert.deepEqual(await page.evaluate(() => window.__flashes), [], `${landing.path}: a loading screen showed`);
    assert.equal(await page.evaluate(() => window.scrollY), scrolled, `${landing.path}: the scroll position moved`);
    assert.deepEqual(page.errors, [], `${landing.path}: errors`);
    await page.context().close();
  }
});

test("after the takeover a tap on a headline navigates inside the app", async () => {
  const page = await openPage(env.browser, { takeover: false });
  await page.goto(env.url + "/");
  await tookOver(page);
  await page.evaluate(() => (window.__samePage = true));
  const link = page.locator("main .card__title a").first();
  const title = await link.innerText();
  await link.click();
  await page.waitForFunction((t) => document.querySelector("main h1")?.innerText.includes(t), title);
  assert.equal(await page.evaluate(() => window.__samePage), true, "the page reloaded");
  await page.context().close();
});

test("a feed changed after publishing shows its new headlines, not the published ones", async () => {
  const page = await openPage(env.browser, { takeover: false });
  const changed = index();
  const old = changed.latest[0].title;
  changed.latest[0].title = "Tin mới đăng sau khi xuất bản trang";
  changed.generated_at = "2030-01-01T08:00:00+07:00";
  await page.route("**/feed/index.json", (route) => route.fulfill({ contentType: "application/json", body: JSON.stringify(changed) }));
  await page.goto(env.url + "/");
  await tookOver(page);
  const main = await page.locator("main").innerText();
  assert.ok(main.includes("Tin mới đăng sau khi xuất bản trang"), "the new headline is missing");
  assert.ok(!main.includes(old), "the published headline lingers");
  await page.context().close();
});

test("a published page asked for another address (?tuan=…) gives way to the app's own page", async () => {
  const page = await openPage(env.browser, { takeover: false });
  await page.goto(env.url + "/tin-tuc?chuyen-muc=khong-co");
  await page.waitForSelector("main h1");
  assert.equal(await page.locator("#prerender").count(), 0);
  assert.equal(await page.locator("#app").count(), 0);
  await page.context().close();
});

// ---- the hostile corpus, published --------------------------------------

function hostileFeed(dir) {
  const feed = join(dir, "feed");
  const read = (p) => JSON.parse(readFileSync(join(feed, p), "utf8"));
  const write = (p, v) => writeFileSync(join(feed, p), JSON.stringify(v));
  const P = TEXT_PAYLOADS;
  const idx = read("index.json");
  idx.site.name = P[0];
  idx.site.description = P[1];
  idx.site.contact.address = P[2];
  idx.categories.forEach((c, i) => (c.name = P[i % P.length]));
  idx.latest.forEach((a, i) => {
    a.title = P[i % P.length];
    a.sapo = P[(i + 1) % P.length];
  });
  idx.documents.latest.forEach((d, i) => (d.summary = P[(i + 2) % P.length]));
  write("index.json", idx);
  const slug = idx.latest[0].slug;
  const file = read(`articles/${slug}.json`);
  const article = file.article;
  Object.assign(article, { title: P[0], sapo: P[1], author: P[2] });
  if (article.cover) Object.assign(article.cover, { alt: P[3], caption: P[4], credit: P[5] });
  article.body = P.map((text, i) => ({ type: "paragraph", runs: [{ text }, { text: P[(i + 1) % P.length], link: "javascript:alert(12)" }] }));
  article.body.push({ type: "heading", level: 2, text: P[6] }, { type: "quote", text: P[7] });
  write(`articles/${slug}.json`, file);
  const id = idx.documents.latest[0].id;
  const docFile = read(`documents/items/${id}.json`);
  Object.assign(docFile.document, { summary: P[2], issuer: P[8] });
  write(`documents/items/${id}.json`, docFile);
  return { slug, id };
}

test("the hostile corpus leaves no tag, attribute or link scheme in the published pages, with JavaScript off and on", async () => {
  const dir = mkdtempSync(join(tmpdir(), "bantin-hostile-"));
  cpSync(DIST, dir, { recursive: true });
  rmSync(join(dir, ".bantin-publish.json"), { force: true });
  try {
    const { slug, id } = hostileFeed(dir);
    execFileSync("cargo", ["run", "--quiet", "--locked", "-p", "bantin-feed", "--", "publish", join(dir, "feed"), "--dist", dir, "--site-url", "https://tuyengiao.example.vn/"], { cwd: ROOT, stdio: "pipe" });
    const shellScripts = (readFileSync(join(dir, "shell.html"), "utf8").match(/<script/gi) ?? []).length;
    const pages = ["index.html", `tin-tuc/${slug}/index.html`, `van-ban/${id}/index.html`, "van-ban/index.html", "tin-tuc/index.html"];
    for (const p of pages) {
      assert.ok(existsSync(join(dir, p)), `${p} was not written`);
      const html = readFileSync(join(dir, p), "utf8");
      assert.equal((html.match(/<script/gi) ?? []).length, shellScripts, `${p}: a script tag from the feed`);
      // Raw tag openings of the payloads (their escaped text reads "&lt;…");
      // attributes and link schemes are looked for in the parsed page below.
      for (const bad of [/<img src=x/i, /<svg onload/i, /<iframe/i, /<body onload/i, /<math>/i, /<a href="javascript/i]) {
        assert.doesNotMatch(html, bad, `${p}: ${bad}`);
      }
    }
    const server = await startNginx(dir);
    try {
      for (const js of [false, true]) {
        const page = await openPage(env.browser, { javaScriptEnabled: js, takeover: false });
        const dialogs = [];
        page.on("dialog", (d) => {
          dialogs.push(d.message());
          d.dismiss();
        });
        for (const p of ["/", `/tin-tuc/${slug}`, `/van-ban/${id}`]) {
          await page.goto(server.url + p);
          if (js) await page.waitForTimeout(1500);
          const found = await page.evaluate(() => ({
            xss: window.__xss ?? null,
            injected: document.querySelectorAll("[onerror], [onload], iframe, svg script, math, a[href^='javascript:' i]").length,
            ogTitle: document.querySelector("meta[property='og:title']")?.getAttribute("content"),
            ogSite: document.querySelector("meta[property='og:site_name']")?.getAttribute("content"),
          }));
          assert.equal(found.xss, null, `${p} (JS ${js}): a payload ran`);
          assert.equal(found.injected, 0, `${p} (JS ${js}): an element from the feed`);
          // The meta tags hold the feed's text as text: read back, it is the payload.
          assert.equal(found.ogSite, TEXT_PAYLOADS[0], `${p}: og:site_name`);
          if (p.startsWith("/tin-tuc/")) assert.equal(found.ogTitle, TEXT_PAYLOADS[0], `${p}: og:title`);
        }
        assert.deepEqual(dialogs, [], `JS ${js}: a dialog opened`);
        await page.context().close();
      }
    } finally {
      await server.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
