// Every route loads by direct URL (not only through in-app navigation),
// shows its heading, and the shared layout works on a phone and by keyboard.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { start, openPage } from "./harness.mjs";

let env;
before(async () => (env = await start()));
after(async () => env?.stop());

const ROUTES = [
  ["/", "Tin mới nhất"],
  ["/tin-tuc", "Tin tức"],
  ["/lich-cong-tac", "Lịch công tác"],
  ["/van-ban", "Văn bản"],
  ["/tim-kiem", "Tìm kiếm"],
  ["/ngoai-tuyen", "Đọc ngoại tuyến"],
  ["/da-luu", "Bài đã lưu"],
  // The kiosk's heading is the department's name, read from across the room.
  ["/kiosk", "Ban Tuyên giáo Tỉnh ủy Hồng Lam", "Bảng tin"],
];

for (const [path, heading, title = heading] of ROUTES) {
  test(`${path} loads directly and shows "${heading}"`, async () => {
    const page = await openPage(env.browser);
    const response = await page.goto(env.url + path);
    assert.equal(response.status(), 200);
    await page.locator("h1").first().waitFor();
    assert.equal((await page.locator("h1").first().textContent()).trim(), heading);
    // Each page names itself in the tab; home carries the site's name.
    if (path !== "/") assert.match(await page.title(), new RegExp(title));
    assert.equal(await page.locator("html").getAttribute("lang"), "vi");
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
}

test("an unknown address shows the 404 page with a way home", async () => {
  const page = await openPage(env.browser);
  await page.goto(env.url + "/khong-co-trang-nay");
  await page.locator("h1").first().waitFor();
  assert.equal((await page.locator("h1").textContent()).trim(), "Không tìm thấy trang");
  await page.getByRole("link", { name: "Về trang chủ" }).click();
  await page.waitForURL(env.url + "/");
  assert.equal((await page.locator("h1").first().textContent()).trim(), "Tin mới nhất");
  await page.context().close();
});

test("the kiosk screen has no site header or footer", async () => {
  const page = await openPage(env.browser);
  await page.goto(env.url + "/kiosk");
  await page.locator("h1").first().waitFor();
  assert.equal(await page.locator(".site-header").count(), 0);
  assert.equal(await page.locator(".site-footer").count(), 0);
  await page.context().close();
});

test("on a 360 px phone the menu opens, fits the screen and navigates", async () => {
  const page = await openPage(env.browser, { viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
  await page.goto(env.url + "/");
  await page.locator("h1").first().waitFor();
  const nav = page.locator("#main-nav");
  assert.equal(await nav.isVisible(), false, "the menu starts closed on a phone");
  const toggle = page.locator(".menu-toggle");
  assert.equal(await toggle.getAttribute("aria-expanded"), "false");
  await toggle.tap();
  assert.equal(await toggle.getAttribute("aria-expanded"), "true");
  assert.equal(await nav.isVisible(), true);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page is ${overflow}px wider than the phone`);
  await nav.getByRole("link", { name: "Lịch công tác" }).tap();
  await page.waitForURL(env.url + "/lich-cong-tac");
  assert.equal((await page.locator("h1").first().textContent()).trim(), "Lịch công tác");
  assert.equal(await nav.isVisible(), false, "following a link closes the menu");
  await page.context().close();
});

test("the layout works with the keyboard alone", async () => {
  const page = await openPage(env.browser, { viewport: { width: 360, height: 740 } });
  await page.goto(env.url + "/");
  await page.locator("h1").first().waitFor();
  // First Tab: the skip link, which moves focus to the content.
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.className), "skip-link");
  // Then the site name, then the menu button; Enter opens the menu.
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.className), "menu-toggle");
  await page.keyboard.press("Enter");
  assert.equal(await page.locator("#main-nav").isVisible(), true);
  // Tab into the menu and follow the "Văn bản" link with Enter.
  for (let i = 0; i < 4; i++) await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.textContent.trim()), "Văn bản");
  await page.keyboard.press("Enter");
  await page.waitForURL(env.url + "/van-ban");
  assert.equal((await page.locator("h1").first().textContent()).trim(), "Văn bản");
  await page.context().close();
});

test("the current section is marked in the navigation", async () => {
  const page = await openPage(env.browser, { viewport: { width: 1280, height: 800 } });
  await page.goto(env.url + "/van-ban");
  await page.locator("h1").first().waitFor();
  const current = page.locator('#main-nav a[aria-current="page"]');
  assert.equal(await current.count(), 1);
  assert.equal((await current.textContent()).trim(), "Văn bản");
  await page.context().close();
});
