// The reader's settings before the first paint: public/prefs.js, a blocking
// script in the <head>, puts the stored text size on <html> before the
// wasm has even arrived, so a page that comes as HTML (published by
// bantin-feed publish) is drawn at the reader's size at once and nothing
// moves when the app takes it over.
//
// The wasm is held back with page.route while the article's published page
// is looked at. Without prefs.js (the control), the same load shifts: the
// test can tell the two apart.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { start, openPage, feedFiles, DIST } from "./harness.mjs";

let env;
let article;
before(async () => {
  env = await start();
  article = feedFiles("articles").map((x) => x.article)[0];
});
after(async () => env?.stop());

// The published page of the article (bantin-feed publish, run by the
// release build): its first screen, before the app.
const PUBLISHED = "#prerender .article";
const tookOver = (page) => page.waitForFunction(() => !document.getElementById("prerender"), null, { timeout: 20000 });

/**
 * Opens the article's published page with the wasm held back;
 * `withoutPrefs` answers the prefs script with nothing. Resolves once the
 * held page has painted, with `release()` to let the wasm through.
 */
async function openHeld(page, { withoutPrefs = false } = {}) {
  let release;
  const held = new Promise((r) => (release = r));
  const wasm = { asked: false, done: false };
  await page.route(/_bg\.wasm$/, async (route) => {
    wasm.asked = true;
    await held;
    await route.continue();
    wasm.done = true;
  });
  if (withoutPrefs) {
    await page.route(/\/prefs-[0-9a-f]+\.js$/, (route) => route.fulfill({ status: 200, contentType: "application/javascript", body: "" }));
  }
  await page.goto(`${env.url}/tin-tuc/${article.slug}`, { waitUntil: "commit" });
  await page.locator(PUBLISHED).waitFor();
  // The wasm is asked for and held; the page has painted meanwhile.
  for (let i = 0; i < 100 && !wasm.asked; i++) await page.waitForTimeout(50);
  assert.ok(wasm.asked, "the page asks for the wasm");
  await page.waitForTimeout(500);
  assert.equal(wasm.done, false);
  return { release, wasm };
}

/** The page's cumulative layout shift so far (every layout-shift entry, buffered). */
const layoutShift = (page) =>
  page.evaluate(
    () =>
      new Promise((resolve) => {
        let total = 0;
        const sources = [];
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) {
            if (e.hadRecentInput) continue;
            total += e.value;
            for (const s of e.sources) {
              const el = s.node?.nodeType === 1 ? s.node : s.node?.parentElement;
              sources.push(el ? `${el.nodeName.toLowerCase()}${el.id ? "#" + el.id : ""}.${el.className}` : "?");
            }
          }
        }).observe({ type: "layout-shift", buffered: true });
        setTimeout(() => resolve({ total, sources }), 300);
      }),
  );

const near = (actual, expected, what = "font size") =>
  assert.ok(Math.abs(actual - expected) < 0.01, `${what}: ${actual} px, not ${expected} px`);
const fontSize = (page, selector) => page.locator(selector).evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
const rootSize = (page) => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));

/** A page whose stored text size is three steps up, set through the app's control. */
async function largeTextPage() {
  const page = await openPage(env.browser, { takeover: false });
  await page.goto(`${env.url}/tin-tuc/${article.slug}`);
  await tookOver(page);
  const larger = page.getByRole("button", { name: "Tăng cỡ chữ" });
  await larger.click();
  await larger.click();
  assert.equal(await page.evaluate(() => document.documentElement.dataset.textSize), "3");
  assert.equal(await page.evaluate(() => localStorage.getItem("bantin.text-size")), "3");
  return page;
}

test("a stored text size is on <html> before the wasm runs, and the takeover shifts nothing", async () => {
  const page = await largeTextPage();
  const { release } = await openHeld(page);
  // The wasm is still held: no app yet.
  assert.equal(await page.locator("#app").count(), 0);
  assert.equal(await page.evaluate(() => document.documentElement.getAttribute("data-text-size")), "3");
  const root = await rootSize(page);
  const held = await fontSize(page, PUBLISHED);
  near(held, root * 1.3, "the published text at step 3 (1.3rem) before the wasm");
  release();
  await tookOver(page);
  await page.waitForTimeout(500);
  assert.equal(await fontSize(page, "main .article"), held, "the app's article at the same size");
  const cls = await layoutShift(page);
  assert.equal(cls.total, 0, `layout shifts from ${cls.sources.join(", ")}`);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("without prefs.js the same load paints at the normal size and jumps (the control)", async () => {
  const page = await largeTextPage();
  const { release } = await openHeld(page, { withoutPrefs: true });
  assert.equal(await page.evaluate(() => document.documentElement.hasAttribute("data-text-size")), false);
  const root = await rootSize(page);
  near(await fontSize(page, PUBLISHED), root, "the normal size until the wasm");
  release();
  await tookOver(page);
  await page.waitForTimeout(500);
  near(await fontSize(page, "main .article"), root * 1.3);
  const cls = await layoutShift(page);
  assert.ok(cls.total > 0, "the size applied by the wasm moves the page");
  await page.context().close();
});

test("nothing stored, or a value the app never writes: the normal size from the script and from the app", async () => {
  const page = await openPage(env.browser, { takeover: false });
  for (const stored of [null, "+3", "9", "2 "]) {
    await page.unrouteAll();
    if (stored !== null) await page.evaluate((v) => localStorage.setItem("bantin.text-size", v), stored);
    const { release } = await openHeld(page);
    const attribute = () => page.evaluate(() => document.documentElement.getAttribute("data-text-size"));
    assert.equal(await attribute(), "1", `before the wasm, stored ${stored}`);
    near(await fontSize(page, PUBLISHED), await rootSize(page));
    release();
    await tookOver(page);
    assert.equal(await attribute(), "1", `after the wasm, stored ${stored}`);
  }
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("the script is a hashed app file: in the head before the stylesheet, in 404.html and precached", () => {
  const html = readFileSync(join(DIST, "index.html"), "utf8");
  const script = html.match(/<script[^>]*\bsrc="?(\/prefs-[0-9a-f]{16}\.js)"?[^>]*>/);
  assert.ok(script, "index.html loads /prefs-<hash>.js");
  assert.doesNotMatch(script[0], /\b(async|defer|type="?module)/, "blocking, a classic script");
  const head = html.slice(0, html.search(/<\/head>|<body/));
  const at = head.indexOf(script[0]);
  const css = head.search(/<link[^>]*rel="?stylesheet/);
  assert.ok(at >= 0 && css > at, "in the head, before the stylesheet");
  assert.equal(readFileSync(join(DIST, "404.html"), "utf8").includes(script[0]), true);
  const sw = readFileSync(join(DIST, "sw.js"), "utf8");
  assert.ok(sw.includes(JSON.stringify(script[1].slice(1))), "the service worker precaches it");
});
