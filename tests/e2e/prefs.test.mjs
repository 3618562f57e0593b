// The reader's settings before the first paint: public/prefs.js, a blocking
// script in the <head>, puts the stored text size on <html> before the
// wasm has even arrived, so a page that comes as HTML (prerendered) is
// drawn at the reader's size at once and nothing moves when the app starts.
//
// The wasm is held back with page.route while the page is looked at; the
// page is the release's own, with a block of article text put in its body
// as a prerendered page has it. Without prefs.js (the control), the same
// load shifts: the test can tell the two apart.
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

// What a prerendered article page holds before the app: its text, in the
// stylesheet's .article, with more of the page below it.
const PRERENDERED =
  '<article class="article" id="prerendered"><p>' +
  "Sáng nay, Ban Tuyên giáo Tỉnh ủy tổ chức hội nghị triển khai nhiệm vụ công tác tuyên giáo năm 2027. ".repeat(6) +
  '</p></article><p id="below">Phần sau của trang.</p>';

/**
 * Opens the article with the wasm held back; `withoutPrefs` answers the
 * prefs script with nothing. Resolves once the held page has painted, with
 * `release()` to let the wasm through.
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
  const url = `${env.url}/tin-tuc/${article.slug}`;
  await page.route(url, async (route) => {
    const response = await route.fetch();
    // A prerendered page: its content in place of the loading screen.
    const html = (await response.text())
      .replace(/<div[^>]*\bid="?boot"?[^>]*>[\s\S]*?<\/div>/, "")
      .replace(/<body[^>]*>/, `<body>${PRERENDERED}`);
    await route.fulfill({ response, body: html });
  });
  await page.goto(url, { waitUntil: "commit" });
  await page.locator("#prerendered").waitFor();
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
  const page = await openPage(env.browser);
  await page.goto(`${env.url}/tin-tuc/${article.slug}`);
  await page.locator(".article__title").waitFor();
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
  assert.equal(await page.locator(".article__title").count(), 0);
  assert.equal(await page.evaluate(() => document.documentElement.getAttribute("data-text-size")), "3");
  const root = await rootSize(page);
  const held = await fontSize(page, "#prerendered");
  near(held, root * 1.3, "the prerendered text at step 3 (1.3rem) before the wasm");
  release();
  await page.locator(".article__title").waitFor();
  await page.waitForTimeout(500);
  assert.equal(await fontSize(page, "#prerendered"), held);
  assert.equal(await fontSize(page, ".article:not(#prerendered)"), held, "the app's article at the same size");
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
  near(await fontSize(page, "#prerendered"), root, "the normal size until the wasm");
  release();
  await page.locator(".article__title").waitFor();
  await page.waitForTimeout(500);
  near(await fontSize(page, "#prerendered"), root * 1.3);
  const cls = await layoutShift(page);
  assert.ok(cls.total > 0, "the size applied by the wasm moves the page");
  await page.context().close();
});

test("nothing stored, or a value the app never writes: the normal size from the script and from the app", async () => {
  const page = await openPage(env.browser);
  for (const stored of [null, "+3", "9", "2 "]) {
    await page.unrouteAll();
    if (stored !== null) await page.evaluate((v) => localStorage.setItem("bantin.text-size", v), stored);
    const { release } = await openHeld(page);
    const attribute = () => page.evaluate(() => document.documentElement.getAttribute("data-text-size"));
    assert.equal(await attribute(), "1", `before the wasm, stored ${stored}`);
    near(await fontSize(page, "#prerendered"), await rootSize(page));
    release();
    await page.locator(".article__title").waitFor();
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
