// Accessibility: axe-core on every route at phone and desktop widths and
// in the dark theme (zero violations), and the app by keyboard alone.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { start, openPage, feedFile, feedFiles } from "./harness.mjs";

const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
let env;
let index;
let routes;
before(async () => {
  env = await start();
  index = feedFile("index.json");
  const everyBlock = feedFiles("articles").map((f) => f.article).sort((a, b) => b.body.length - a.body.length)[0];
  routes = [
    "/",
    "/tin-tuc",
    `/tin-tuc/${everyBlock.slug}`,
    "/tin-tuc/khong-co-bai-nay",
    "/lich-cong-tac",
    "/van-ban",
    `/van-ban/${index.documents.latest[0].id}`,
    "/tim-kiem?q=tuyen%20giao",
    "/ngoai-tuyen",
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
      await page.addScriptTag({ path: AXE });
      const violations = await page.evaluate(async () =>
        (await window.axe.run(document, { resultTypes: ["violations"] })).violations.map(
          (v) => `${v.id} ×${v.nodes.length} (${v.nodes[0].target.join(" ")})`,
        ),
      );
      for (const v of violations) found.push(`${route}: ${v}`);
    }
    assert.deepEqual(found, []);
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
