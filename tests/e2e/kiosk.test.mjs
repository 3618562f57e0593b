// The kiosk screen, as a lobby screen lives: the clock, the rotation's order
// and interval, a QR code that decodes to the story's address, the return
// from a story after a while without touch, a refresh that picks up a
// changed feed without reloading, and running on through a dead network.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import jsQR from "jsqr";
import { start, openPage, feedFile, DIST, demoWeek, vietnamTime, vietnamDate } from "./harness.mjs";

let env;
let index;
before(async () => {
  env = await start();
  index = feedFile("index.json");
});
after(async () => env?.stop());

/** The stories the kiosk rotates: featured first, then the newest with a picture (at most 8). */
function expectedStories() {
  const out = [];
  const featured = index.featured.map((id) => index.latest.find((a) => a.id === id)).filter(Boolean);
  for (const a of [...featured, ...index.latest.filter((a) => a.cover)]) {
    if (out.length === 8) break;
    if (!out.some((o) => o.id === a.id)) out.push(a);
  }
  return out;
}

// Monday of the demo week, 08:05:09 in Vietnam.
const monday0805 = () => vietnamTime(demoWeek().week, 0, "08:05:09");

test("the clock shows Vietnamese date and time, ticking every second without moving the layout", async () => {
  const page = await openPage(env.browser, { viewport: { width: 1920, height: 1080 }, at: monday0805() });
  await page.goto(env.url + "/kiosk");
  await page.locator(".kiosk__title").waitFor();
  assert.equal((await page.locator(".kiosk__date").textContent()).trim(), `Thứ Hai, ${vietnamDate(monday0805())}`);
  const time = page.locator(".kiosk__time");
  const first = await time.textContent();
  assert.match(first, /^08:05:\d\d$/);
  const box = await time.boundingBox();
  const header = await page.locator(".kiosk__header").boundingBox();
  const seen = new Set([first]);
  for (let i = 0; i < 5; i++) {
    await page.clock.runFor(1000);
    seen.add(await time.textContent());
    assert.deepEqual(await page.locator(".kiosk__header").boundingBox(), header, "the header keeps its size");
    assert.equal((await time.boundingBox()).width, box.width, "digits are fixed-width");
  }
  assert.equal(seen.size, 6, `one new reading a second: ${[...seen]}`);
  await page.screenshot({ path: "./.artifacts/kiosk-1920.png" });
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("stories rotate in the feed's order at the interval set by ?xoay=, with a progress indicator", async () => {
  const page = await openPage(env.browser, { viewport: { width: 1920, height: 1080 }, at: monday0805() });
  await page.goto(env.url + "/kiosk?xoay=20");
  await page.locator(".kiosk__story").waitFor();
  const expected = expectedStories();
  assert.ok(expected.length >= 3);
  const story = () => page.locator(".kiosk__story").getAttribute("data-story");
  // Stop the clock, then find a rotation to count from (within 100 ms).
  await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 50);
  const first = await story();
  assert.equal(first, expected[0].id, "the rotation starts with the first featured story");
  while ((await story()) === first) await page.clock.runFor(100);
  const order = [first, await story()];
  for (let i = 0; i < expected.length - 1; i++) {
    await page.clock.runFor(19800);
    assert.equal(await story(), order.at(-1), "not before the interval");
    await page.clock.runFor(200);
    order.push(await story());
    assert.equal(await page.locator(".kiosk__dots li").count(), expected.length);
    assert.equal(await page.locator(".kiosk__dots li.active").count(), 1);
  }
  // Round and round: after the last comes the first again.
  assert.deepEqual(order, [...expected.map((a) => a.id), expected[0].id]);
  const duration = await page.locator(".kiosk__bar").evaluate((el) => getComputedStyle(el).animationDuration);
  assert.equal(duration, "20s");
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("each story's QR code decodes to its address", async () => {
  const page = await openPage(env.browser, { viewport: { width: 1920, height: 1080 } });
  await page.goto(env.url + "/kiosk?xoay=600");
  const svg = page.locator(".kiosk__qr svg");
  await svg.waitFor();
  // Draw the SVG into a canvas in the page, and decode its pixels here.
  const { width, height, data } = await svg.evaluate(async (el) => {
    const size = 400;
    const img = new Image();
    img.src = "data:image/svg+xml;charset=utf-8," + encodeURIComponent(new XMLSerializer().serializeToString(el));
    await img.decode();
    const canvas = document.createElement("canvas");
    canvas.width = canvas.height = size;
    const ctx = canvas.getContext("2d");
    ctx.imageSmoothingEnabled = false;
    ctx.drawImage(img, 0, 0, size, size);
    return { width: size, height: size, data: Array.from(ctx.getImageData(0, 0, size, size).data) };
  });
  const code = jsQR(Uint8ClampedArray.from(data), width, height);
  assert.ok(code, "the QR code decodes");
  const id = await page.locator(".kiosk__story").getAttribute("data-story");
  const story = index.latest.find((a) => a.id === id);
  assert.equal(code.data, `${env.url}/tin-tuc/${story.slug}`);
  await page.context().close();
});

test("a tap opens the story in large type; without touch the screen returns to the rotation", async () => {
  const page = await openPage(env.browser, { viewport: { width: 1920, height: 1080 }, hasTouch: true, at: monday0805() });
  await page.goto(env.url + "/kiosk?cho=30&xoay=10");
  await page.locator(".kiosk__story").waitFor();
  const id = await page.locator(".kiosk__story").getAttribute("data-story");
  const story = index.latest.find((a) => a.id === id);
  await page.locator(".kiosk__open").tap();
  await page.locator(".kiosk__reader .article-body").waitFor();
  assert.equal((await page.locator(".kiosk__article-title").textContent()).trim(), story.title);
  // The rotation waits while a visitor reads.
  await page.clock.runFor(25000);
  assert.equal(await page.locator(".kiosk__reader").count(), 1, "still reading after 25 s");
  // A touch restarts the wait.
  await page.locator(".kiosk__article").tap();
  await page.clock.runFor(25000);
  assert.equal(await page.locator(".kiosk__reader").count(), 1, "a touch restarted the wait");
  // No link leaves the kiosk.
  const link = page.locator(".kiosk__reader a").first();
  if (await link.count()) {
    const url = page.url();
    await link.click();
    assert.equal(page.url(), url);
  }
  // No long-press menu, no text selection.
  const prevented = await page.locator(".kiosk").evaluate((el) => {
    const e = new MouseEvent("contextmenu", { bubbles: true, cancelable: true });
    el.dispatchEvent(e);
    return e.defaultPrevented;
  });
  assert.ok(prevented, "the context menu is suppressed");
  assert.equal(await page.locator(".kiosk").evaluate((el) => getComputedStyle(el).userSelect), "none");
  await page.clock.runFor(31000);
  await page.locator(".kiosk__story").waitFor();
  assert.equal(await page.locator(".kiosk__reader").count(), 0, "back to the rotation");
  await page.context().close();
});

test("the back button returns at once, and reduced motion stops the progress animation", async () => {
  const page = await openPage(env.browser, { viewport: { width: 1080, height: 1920 }, reducedMotion: "reduce" });
  await page.goto(env.url + "/kiosk");
  await page.locator(".kiosk__open").click();
  await page.getByRole("button", { name: "Quay lại bảng tin" }).click();
  await page.locator(".kiosk__story").waitFor();
  assert.equal(await page.locator(".kiosk__bar").evaluate((el) => getComputedStyle(el).animationName), "none");
  await page.screenshot({ path: "./.artifacts/kiosk-totem.png" });
  await page.context().close();
});

test("a refresh picks up a changed feed without reloading the page", async () => {
  const changed = mkdtempSync(join(tmpdir(), "bantin-kiosk-"));
  try {
    const page = await openPage(env.browser, { viewport: { width: 1920, height: 1080 } });
    // Refresh every 0.6 s.
    await page.goto(env.url + "/kiosk?lammoi=0.01&xoay=600");
    await page.locator(".kiosk__story").waitFor();
    await page.evaluate(() => (window.__sameDocument = true));
    const first = expectedStories()[0];
    cpSync(DIST, changed, { recursive: true });
    const file = join(changed, "feed", "index.json");
    const feed = JSON.parse(readFileSync(file, "utf8"));
    const newTitle = `${first.title} (tin cập nhật)`;
    feed.latest.find((a) => a.id === first.id).title = newTitle;
    feed.generated_at = feed.generated_at.replace(/:\d\d(\+|Z)/, ":59$1");
    writeFileSync(file, JSON.stringify(feed));
    await env.server.deploy(changed);
    await page.locator(".kiosk__title", { hasText: "(tin cập nhật)" }).waitFor({ timeout: 15000 });
    assert.equal(await page.evaluate(() => window.__sameDocument), true, "no reload");
    const refreshes = Number(await page.locator(".kiosk").getAttribute("data-refreshes"));
    assert.ok(refreshes >= 1);
    await page.context().close();
  } finally {
    await env.server.deploy(DIST);
    rmSync(changed, { recursive: true, force: true });
  }
});

test("with the network down, the kiosk goes on with the stored feed and says since when", async () => {
  const page = await openPage(env.browser, { viewport: { width: 1920, height: 1080 }, serviceWorkers: "allow" });
  await page.goto(env.url + "/kiosk?lammoi=0.01&xoay=1");
  await page.waitForFunction(() => document.documentElement.dataset.offlineStored > 0, null, { timeout: 60000 });
  await page.locator(".kiosk__updated").waitFor();
  assert.match(await page.locator(".kiosk__updated").textContent(), /^Cập nhật lúc \d\d:\d\d$/);
  await env.server.stop();
  try {
    const updated = page.locator(".kiosk__updated.offline");
    await updated.waitFor({ timeout: 15000 });
    assert.match(await updated.textContent(), /^Cập nhật lúc \d\d:\d\d · không có mạng$/);
    // Still rotating, still showing stories.
    const before = Number(await page.locator(".kiosk").getAttribute("data-rotations"));
    await page.waitForTimeout(2500);
    const after = Number(await page.locator(".kiosk").getAttribute("data-rotations"));
    assert.ok(after >= before + 2, `${before} → ${after}`);
    await page.locator(".kiosk__title").waitFor();
  } finally {
    await env.server.start();
  }
  await page.locator(".kiosk__updated:not(.offline)").waitFor({ timeout: 15000 });
  await page.context().close();
});

// Format 1.1 entries on the kiosk's agenda and the home page's today block:
// a session-only entry shows its session, an all-day one "Cả ngày", a
// two-day one its dates on both days; each is on now when it is.
test("the agenda and the home page show session-only, all-day and two-day entries, marked when on", async () => {
  const entries = index.calendar.embedded.flatMap((w) => w.entries);
  const session = entries.find((e) => e.timing === "session" && !e.end_date);
  const allDay = entries.find((e) => e.timing === "all_day" && !e.end_date);
  const twoDays = entries.find((e) => e.end_date);
  const day = (e, days, clock) => new Date(Date.parse(e.start.slice(0, 10) + `T${clock}:00+07:00`) + days * 86400e3);
  const ddmm = (d) => vietnamDate(d).slice(0, 5);
  const item = (page, box, e) => page.locator(".kiosk__day").nth(box).locator("li").filter({ hasText: e.content });
  for (const [e, instant, when] of [
    [session, day(session, 0, "13:45"), "Chiều"],
    [allDay, day(allDay, 0, "10:00"), "Cả ngày"],
    [twoDays, day(twoDays, 0, "10:00"), `${ddmm(day(twoDays, 0, "12:00"))} – ${ddmm(day(twoDays, 1, "12:00"))}`],
  ]) {
    const page = await openPage(env.browser, { viewport: { width: 1920, height: 1080 }, at: instant });
    await page.goto(env.url + "/kiosk?xoay=600");
    await page.locator(".kiosk__day").first().waitFor();
    const today = item(page, 0, e);
    assert.equal((await today.locator(".kiosk__when").textContent()).trim(), when);
    assert.match(await today.getAttribute("class"), /\bis-now\b/, `${e.id} on now`);
    assert.match(await today.textContent(), /Đang diễn ra/);
    if (e === twoDays) {
      // Tomorrow is its second day: listed again, not marked.
      const tomorrow = item(page, 1, e);
      assert.equal((await tomorrow.locator(".kiosk__when").textContent()).trim(), when);
      assert.doesNotMatch((await tomorrow.getAttribute("class")) ?? "", /is-now|is-next|is-past/);
    }
    if (e === allDay) {
      // Whole-day entries come first.
      assert.equal((await page.locator(".kiosk__day").first().locator(".kiosk__what").first().textContent()).trim(), e.content);
    }
    await page.goto(env.url + "/");
    const home = page.locator(".today__list li").filter({ hasText: e.content });
    await home.waitFor();
    assert.equal((await home.locator(".today__time").textContent()).trim(), when);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  }
});
