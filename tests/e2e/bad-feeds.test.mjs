// Bad feeds in the running app. For each kind of bad index.json: a reader
// who had the good feed comes back (a reload) to a broken one. The page
// must show what it had with a clear Vietnamese message, never panic or go
// blank, and recover by itself once the feed is fixed.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { start, openPage, feedFile, DIST } from "./harness.mjs";

let env;
let good;
before(async () => {
  env = await start();
  good = feedFile("index.json");
});
after(async () => env?.stop());

const json = (v) => ({ status: 200, contentType: "application/json", body: JSON.stringify(v) });
const withIndex = (f) => {
  const v = structuredClone(good);
  f(v);
  return json(v);
};
const TEN_MB = "Đ".repeat(5 << 20);

// name → the answer for index.json, and what the reader must see:
// "message" (the feed was refused: the stored index with a notice) or
// "partial" (the feed was used without its bad items, no notice).
const CASES = [
  ["truncated JSON", () => ({ status: 200, contentType: "application/json", body: JSON.stringify(good).slice(0, 5000) }), "message"],
  ["not JSON (an HTML error page)", () => ({ status: 200, contentType: "text/html", body: "<html><body><h1>502 Bad Gateway</h1><script>alert(1)</script></body></html>" }), "message"],
  ["wrong types", () => withIndex((v) => (v.site = "Ban Tuyên giáo")), "message"],
  ["missing required fields", () => withIndex((v) => delete v.latest), "message"],
  ["an unknown major version", () => withIndex((v) => (v.format_version = "2.0")), "message"],
  // Over the 4 MB a feed file may have: refused before parsing.
  ["a 10 MB string", () => withIndex((v) => (v.latest[0].title = TEN_MB)), "message"],
  // Under 4 MB, a long title is dropped with its story; the rest shows.
  ["a 1 MB string", () => withIndex((v) => (v.latest[0].title = TEN_MB.slice(0, 1 << 19))), "partial"],
  [
    "100,000 items",
    () => ({
      // 40 MB: too big for page.route, so nginx serves it from a deployed copy.
      deploy: withIndex((v) => {
        const base = v.latest[1];
        v.latest = Array.from({ length: 100000 }, (_, i) => ({ ...base, id: `x${i}`, slug: `bai-${i}` }));
        v.featured = [];
      }).body,
    }),
    "message",
  ],
  ["invalid dates", () => withIndex((v) => (v.latest[0].published = "hôm qua")), "partial"],
  ["duplicate ids", () => withIndex((v) => (v.latest[1].id = v.latest[0].id)), "partial"],
  ["HTTP 404", () => ({ status: 404, contentType: "text/html", body: "<h1>Not Found</h1>" }), "message"],
  ["HTTP 500", () => ({ status: 500, contentType: "text/plain", body: "Internal Server Error" }), "message"],
  [
    "a response that stops half-way",
    () => {
      // Cut inside a multi-byte character, as a dropped connection would.
      const bytes = Buffer.from(JSON.stringify(good), "utf8");
      let cut = Math.floor(bytes.length / 2);
      while ((bytes[cut] & 0xc0) !== 0x80) cut++;
      return { status: 200, contentType: "application/json", body: bytes.subarray(0, cut) };
    },
    "message",
  ],
  ["a response that never finishes", () => null, "message"],
];

for (const [name, answer, expect] of CASES) {
  test(`bad feed: ${name}`, async () => {
    const page = await openPage(env.browser);
    await page.goto(env.url + "/");
    await page.locator(".card__title").first().waitFor();
    const dialogs = [];
    page.on("dialog", (d) => (dialogs.push(d.message()), d.dismiss()));

    let broken = true;
    const first = answer();
    let deployed = null;
    if (first?.deploy) {
      deployed = mkdtempSync(join(tmpdir(), "bantin-bad-"));
      cpSync(DIST, deployed, { recursive: true });
      writeFileSync(join(deployed, "feed", "index.json"), first.deploy);
      await env.server.deploy(deployed);
    }
    await page.route("**/feed/index.json", (route) => {
      if (!broken || deployed) return route.continue();
      const a = answer();
      if (a === null) return; // never answered: the app's own time-out must act
      return route.fulfill(a);
    });
    await page.reload();
    await page.locator(".card__title").first().waitFor({ timeout: 30000 });
    // The page's clock (harness.mjs) stands in for waiting: an answer that
    // never comes is cut off by the app's own 12 s limit.
    if (first === null) await page.clock.fastForward(12_000);
    const main = page.locator("main");
    if (expect === "message") {
      const notice = page.locator(".notice--error");
      await notice.waitFor({ timeout: 30000 });
      assert.match(await notice.textContent(), /Chưa cập nhật được tin mới; đang hiển thị nội dung đã tải trước đó/);
      assert.ok((await page.locator(".card__title").count()) > 3, "the stored stories stay on screen");
    } else {
      assert.equal(await page.locator(".notice--error").count(), 0);
      const titles = await page.locator(".card__title").allTextContents();
      assert.ok(titles.length > 3);
      assert.ok(titles.every((t) => t.length < 500), "no 10 MB headline");
    }
    assert.ok((await main.textContent()).trim().length > 200, "never a blank page");
    assert.deepEqual(dialogs, []);
    assert.deepEqual(page.errors.filter((e) => /panicked|RuntimeError|unreachable/.test(e)), []);

    // Fixed on the server: the app notices by itself, at its next try
    // (every 8 s; the clock moves there at once).
    broken = false;
    if (deployed) {
      await env.server.deploy(DIST);
      rmSync(deployed, { recursive: true, force: true });
    }
    await page.clock.fastForward(8_000);
    if (expect === "message") {
      await page.locator(".notice--error").waitFor({ state: "detached", timeout: 30000 });
    }
    await page.locator(".card__title", { hasText: good.latest.find((a) => a.id === good.featured[0]).title }).first().waitFor();
    await page.context().close();
  });
}

test("bad feed: an index that points at missing article files", async () => {
  const page = await openPage(env.browser);
  await page.route("**/feed/articles/**", (route) => route.fulfill({ status: 404, contentType: "text/html", body: "<h1>404</h1>" }));
  await page.goto(`${env.url}/tin-tuc/${good.latest[0].slug}`);
  await page.getByRole("heading", { name: "Không tìm thấy bài viết" }).waitFor();
  await page.getByRole("link", { name: /trang chủ|Về/i }).first().waitFor();
  assert.deepEqual(page.errors.filter((e) => /panicked/.test(e)), []);
  await page.context().close();
});
