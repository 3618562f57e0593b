// Accessibility: axe-core (every rule but the experimental and AAA ones) on
// every route at phone and desktop widths and in the dark theme (zero
// violations), reflow at 320 px with the text at 100% and 200%, and the
// app by keyboard alone. Pages open on the test clock (harness.mjs), and
// tests/e2e/clock.test.mjs runs axe again at the other moments of a day.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { start, openPage, feedFile, feedFiles, axeViolations } from "./harness.mjs";
let env;
let index;
let routes;
before(async () => {
  env = await start();
  index = feedFile("index.json");
  const articles = feedFiles("articles").map((f) => f.article);
  const everyBlock = [...articles].sort((a, b) => b.body.length - a.body.length)[0];
  // 1.1: a figure whose portal gave no alt, named by its caption; a
  // document with no signer.
  const noAlt = articles.find((a) => a.body.some((b) => b.type === "image" && b.alt === "" && b.caption));
  const noSigner = feedFiles("documents/items").map((f) => f.document).find((d) => !d.signer);
  routes = [
    "/",
    "/tin-tuc",
    // A category's list, with its most read ("Xem nhiều").
    `/tin-tuc?chuyen-muc=${index.categories.find((c) => index.most_read?.categories[c.id])?.slug}`,
    `/tin-tuc/${everyBlock.slug}`,
    `/tin-tuc/${noAlt.slug}`,
    "/tin-tuc/khong-co-bai-nay",
    "/lich-cong-tac",
    "/van-ban",
    `/van-ban/${index.documents.latest[0].id}`,
    `/van-ban/${noSigner.id}`,
    "/tim-kiem?q=tuyen%20giao",
    "/ngoai-tuyen",
    "/da-luu",
    "/kiosk",
    "/khong-co-trang-nay",
  ];
});
after(async () => env?.stop());

const SETUPS = [
  ["phone", { viewport: { width: 360, height: 780 }, colorScheme: "light" }],
  ["desktop", { viewport: { width: 1280, height: 900 }, colorScheme: "light" }],
  ["dark desktop", { viewport: { width: 1280, height: 900 }, colorScheme: "dark" }],
];

for (const [name, options] of SETUPS) {
  test(`axe-core finds no violation on any route (${name})`, async () => {
    // bypassCSP lets the test inject axe; the app itself runs as shipped.
    const page = await openPage(env.browser, { ...options, bypassCSP: true });
    const found = [];
    for (const route of routes) {
      await page.goto(env.url + route);
      await page.locator("main h1, .kiosk__site").first().waitFor({ state: "attached" });
      await page.waitForLoadState("networkidle");
      for (const v of await axeViolations(page)) found.push(`${route}: ${v}`);
    }
    assert.deepEqual(found, []);
    await page.context().close();
  });
}

/**
 * What runs off a 320 px screen or overlaps, found in the page: sideways
 * scrolling; elements and words past the screen's edges (but inside
 * `.table-scroll` and `.cal-table-wrap`, which scroll on their own); words
 * sticking out of their own box; boxes that hide what overflows them; and
 * header controls over one another, each taken as its box and its text
 * together (a link squeezed to nothing still shows its text). Each problem
 * is named by its element's selector.
 */
function reflowProblems() {
  const width = document.documentElement.clientWidth;
  const name = (el) => {
    const parts = [];
    for (let e = el; e && e !== document.body && parts.length < 3; e = e.parentElement) {
      parts.unshift(e.tagName.toLowerCase() + (e.id ? `#${e.id}` : "") + [...e.classList].map((c) => `.${c}`).join(""));
    }
    return parts.join(" > ");
  };
  const scroller = ".table-scroll, .cal-table-wrap";
  const exempt = (el) => el.parentElement?.closest(scroller) || el.closest(".sr-only");
  const outside = (r) => r.width > 0 && (r.right > width + 0.5 || r.left < -0.5);
  const px = (r) => `${Math.round(r.left)}..${Math.round(r.right)}`;
  const found = new Set();
  const { scrollWidth } = document.documentElement;
  if (scrollWidth > window.innerWidth) found.add(`the page scrolls sideways: ${scrollWidth} > ${window.innerWidth}`);
  for (const el of document.body.querySelectorAll("*")) {
    if (exempt(el)) continue;
    const style = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    if (box.height > 0 && outside(box) && style.visibility !== "hidden") found.add(`${name(el)} is at x ${px(box)}`);
    if (["hidden", "clip"].includes(style.overflowX) && el.scrollWidth > el.clientWidth + 1) {
      found.add(`${name(el)} cuts off its content: ${el.scrollWidth} > ${el.clientWidth}`);
    }
  }
  // Word by word: a text's trailing space may hang past its line.
  const range = document.createRange();
  const texts = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let t = texts.nextNode(); t; t = texts.nextNode()) {
    const el = t.parentElement;
    if (exempt(el) || el.closest(scroller)) continue;
    let block = el;
    while (block.parentElement && getComputedStyle(block).display.startsWith("inline")) block = block.parentElement;
    const edge = block.getBoundingClientRect().right;
    for (const word of t.textContent.matchAll(/\S+/g)) {
      range.setStart(t, word.index);
      range.setEnd(t, word.index + word[0].length);
      const r = range.getBoundingClientRect();
      if (outside(r)) {
        found.add(`${name(el)}: "${word[0]}" is at x ${px(r)}`);
        break;
      }
      if (r.width > 0 && r.right > edge + 1) {
        found.add(`${name(el)}: "${word[0]}" sticks out of ${name(block)} (${Math.round(r.right)} > ${Math.round(edge)})`);
        break;
      }
    }
  }
  const controls = [...document.querySelectorAll(".site-header :is(a, button, input, select)")]
    .map((el) => {
      const box = el.getBoundingClientRect();
      range.selectNodeContents(el);
      const text = range.getBoundingClientRect();
      const r = { left: box.left, top: box.top, right: box.right, bottom: box.bottom };
      if (text.width > 0 && text.height > 0) {
        r.left = Math.min(r.left, text.left);
        r.top = Math.min(r.top, text.top);
        r.right = Math.max(r.right, text.right);
        r.bottom = Math.max(r.bottom, text.bottom);
      }
      const shown = r.right > r.left && r.bottom > r.top && getComputedStyle(el).visibility !== "hidden";
      return { el, r, shown: shown && el.getClientRects().length > 0 };
    })
    .filter((c) => c.shown);
  for (const [i, a] of controls.entries()) {
    for (const b of controls.slice(i + 1)) {
      if (a.el.contains(b.el) || b.el.contains(a.el)) continue;
      const w = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
      const h = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
      if (w > 0.5 && h > 0.5) found.add(`${name(a.el)} and ${name(b.el)} overlap by ${Math.round(w)}×${Math.round(h)} px`);
    }
  }
  return [...found];
}

// WCAG 1.4.4 and 1.4.10: on a 320 px screen, with the text at its size and
// at twice it, nothing needs scrolling sideways, is cut off or is covered,
// with the phone menu closed and open. The kiosk is left out: a lobby
// screen fitted to its display, which never scrolls.
for (const size of ["100%", "200%"]) {
  test(`at 320 px with the text at ${size}, nothing runs off the screen or covers the header's controls`, async () => {
    const page = await openPage(env.browser, { viewport: { width: 320, height: 640 } });
    const found = [];
    for (const route of routes.filter((r) => r !== "/kiosk")) {
      await page.goto(env.url + route);
      await page.locator("main h1").first().waitFor({ state: "attached" });
      await page.waitForLoadState("networkidle");
      await page.evaluate((s) => {
        document.documentElement.style.fontSize = s;
      }, size);
      for (const p of await page.evaluate(reflowProblems)) found.push(`${route}: ${p}`);
      await page.locator(".menu-toggle").click();
      await page.locator("#main-nav.open").waitFor();
      for (const p of await page.evaluate(reflowProblems)) found.push(`${route}, menu open: ${p}`);
    }
    assert.deepEqual(found, [], `${found.length} problems:\n${found.join("\n")}`);
    await page.context().close();
  });
}

/** Presses Tab until `predicate` holds for the focused element. */
async function tabTo(page, predicate, max = 80) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate(predicate)) return;
  }
  throw new Error(`not reached by Tab: ${predicate}`);
}

test("by keyboard alone: home to an article and back, and the calendar's weeks", async () => {
  const page = await openPage(env.browser, { viewport: { width: 1280, height: 900 } });
  await page.goto(env.url + "/");
  await page.locator(".card__title").first().waitFor();
  await tabTo(page, () => document.activeElement?.closest(".card__title") !== null);
  const title = (await page.evaluate(() => document.activeElement.textContent)).trim();
  await page.keyboard.press("Enter");
  await page.locator("h1.article__title").waitFor();
  assert.equal((await page.locator("h1.article__title").textContent()).trim(), title);
  // Back home through the page's own links, by keyboard.
  await tabTo(page, () => document.activeElement?.getAttribute("href") === "/" );
  await page.keyboard.press("Enter");
  await page.waitForURL((u) => u.pathname === "/");
  await page.locator(".card__title").first().waitFor();

  await page.goto(env.url + "/lich-cong-tac");
  const heading = page.locator(".calendar__week");
  await heading.waitFor();
  const before = await heading.textContent();
  await tabTo(page, () => document.activeElement?.tagName === "A" && /Tuần sau/.test(document.activeElement.textContent));
  await page.keyboard.press("Enter");
  await page.waitForURL(/tuan=/);
  await page.waitForFunction((b) => document.querySelector(".calendar__week")?.textContent !== b, before);
  const after = await heading.textContent();
  await tabTo(page, () => document.activeElement?.tagName === "A" && /Tuần trước/.test(document.activeElement.textContent));
  const focused = await page.evaluate(() => document.activeElement.outerHTML);
  await page.keyboard.press("Enter");
  await page.waitForFunction((a) => document.querySelector(".calendar__week")?.textContent !== a, after, { timeout: 5000 }).catch(async () => {
    throw new Error(`Tuần trước did not move the week: focused ${focused}, url ${page.url()}`);
  });
  assert.equal(await heading.textContent(), before);
  // Focus is always visible.
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.notEqual(outline, "none");
  await page.context().close();
});
