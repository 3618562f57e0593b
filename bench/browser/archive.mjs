// The archive search on a generated feed (format doc §7.8), for the
// benchmark's scale table 6: a fixed set of 200 queries drawn from the
// feed's own files (whole titles, three words of a body, titles typed
// without or with wrong diacritics, document numbers in three spellings,
// calendar entries), each run
//   - cold: a new page with nothing of the index fetched but its root
//     (fetched as the search page opens) and the HTTP cache off; the
//     query is sent under the benchmark's throttling, and the bytes of
//     the root and the parts it fetches and the time until its results
//     are in the page are recorded;
//   - warm: once every part the set needs is in memory, the same queries
//     in one page, timed from the submit to the results in the page, each
//     typed once the page has drawn the answer before it.
// It also says whether each query's own story, document or week is among
// the results shown. Figures only: it asserts nothing.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

const fold = (s) => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase();

// The k-th of n files, spread over the whole archive.
const spread = (names, count) => Array.from({ length: count }, (_, k) => names[(k * 7919 + 13) % names.length]);

const MISSPELT = { á: "à", ả: "ạ", ư: "u", ộ: "ô", ế: "ể", đ: "d", ờ: "ơ", ọ: "o" };

/** The query set: [{ q, filter, href, what }], 200 queries. */
export function archiveQueries(feed) {
  const read = (path) => JSON.parse(readFileSync(join(feed, path), "utf8"));
  const names = (dir) => readdirSync(join(feed, dir)).sort();
  const out = [];
  const articles = spread(names("articles"), 50).map((n) => read(`articles/${n}`).article);
  for (const a of articles) out.push({ q: a.title, href: `/tin-tuc/${a.slug}`, what: "title" });
  for (const a of articles) {
    const para = a.body.find((b) => b.type === "paragraph")?.runs?.map((r) => r.text).join("") ?? a.sapo;
    const words = para.split(/\s+/).filter(Boolean);
    const s = Math.floor(words.length / 3);
    out.push({ q: words.slice(s, s + 3).join(" "), href: `/tin-tuc/${a.slug}`, what: "body" });
  }
  for (const [i, a] of articles.slice(0, 30).entries()) {
    const title = a.title.split(/\s+/).slice(0, 6).join(" ");
    const q = i % 2 ? fold(title) : [...title].map((c) => MISSPELT[c] ?? c).join("");
    out.push({ q, href: `/tin-tuc/${a.slug}`, what: i % 2 ? "no diacritics" : "misspelt" });
  }
  const docs = spread(names("documents/items"), 15).map((n) => read(`documents/items/${n}`).document);
  for (const d of docs) {
    const [n, ...rest] = d.number.split("-");
    const type = fold(rest.join("-").split("/")[0]);
    for (const q of [d.number, `${n} ${type}`, `${n}/${type}`]) out.push({ q, filter: "&loai=van-ban", href: `/van-ban/${d.id}`, what: "number" });
  }
  const weeks = names("calendar");
  for (const name of spread(weeks, 25)) {
    const w = read(`calendar/${name}`);
    const e = w.entries[(name.length * 7) % w.entries.length];
    out.push({ q: e.content, filter: "&loai=lich-cong-tac", href: `/lich-cong-tac?tuan=${w.week}`, what: "entry" });
  }
  return out;
}

/** Bytes of the feed's files (without the index) and of the index. */
export function archiveBytes(feed) {
  const walk = (dir) =>
    readdirSync(dir, { withFileTypes: true }).reduce((sum, e) => sum + (e.isDirectory() ? walk(join(dir, e.name)) : statSync(join(dir, e.name)).size), 0);
  const index = walk(join(feed, "search"));
  return { index, feed: walk(feed) - index };
}

// Types `q` into the search page's box and submits it; resolves to the
// milliseconds, in the page, from the submit until the archive's first
// results for it are there (its `.search-archive` says which text it
// answers; on a page of every kind, the best kind's group may come before
// the others, see browser/archive.rs) and until every group is there:
// { first, all }, each null after 20 s.
async function ask(page, q) {
  return page.evaluate(async (q) => {
    const frames = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    // Typed once the page has drawn what came before (two frames), as a
    // reader's next query is: else the style and layout of the last
    // answer, still pending, would be timed as part of this one.
    await frames();
    const input = document.querySelector(".search-form input[type=search]");
    input.value = q;
    input.dispatchEvent(new Event("input", { bubbles: true }));
    // Sent once the box has drawn the text, as a reader's Enter comes
    // after the typing: else the box's own layout of the new text, which
    // the submit forces, would be timed as the search's (until session 13
    // it was; the table then gave 4-6 ms more at 4x).
    await frames();
    const answered = () => document.querySelector(".search-archive")?.dataset.query === q && !document.querySelector(".search-loading");
    const whole = () => answered() && !document.querySelector(".search-loading-more");
    const t0 = performance.now();
    const times = { first: null, all: null };
    const done = new Promise((resolve) => {
      const observer = new MutationObserver(() => {
        if (times.first === null && answered()) times.first = performance.now() - t0;
        if (whole()) {
          times.all = performance.now() - t0;
          observer.disconnect();
          resolve(times);
        }
      });
      observer.observe(document.querySelector("main"), { subtree: true, childList: true, attributes: true });
      setTimeout(() => (observer.disconnect(), resolve(times)), 20000);
    });
    input.form.requestSubmit();
    return done;
  }, q);
}

const hrefs = (page) => page.locator(".search-hit > a").evaluateAll((links) => links.map((a) => a.getAttribute("href")));

/**
 * Runs the query set against `url` (a server of the generated site).
 * `throttle(page, on)` applies the benchmark's throttling and returns its
 * DevTools session. Resolves to { cold: [{bytes, ms, found}], warm: [ms] }.
 */
export async function archiveRuns(browser, url, queries, throttle, newContext) {
  const cold = [];
  const ctx = await newContext(browser, { serviceWorkers: "block" });
  for (const { q, filter = "", href } of queries) {
    const page = await ctx.newPage();
    const cdp = await throttle(page, false);
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
    const sizes = new Map();
    const urls = new Map();
    cdp.on("Network.requestWillBeSent", (e) => urls.set(e.requestId, e.request.url));
    cdp.on("Network.loadingFinished", (e) => {
      const u = urls.get(e.requestId) ?? "";
      if (u.includes("/feed/search/")) sizes.set(e.requestId, e.encodedDataLength);
    });
    await page.goto(`${url}/tim-kiem${filter ? `?${filter.slice(1)}` : ""}`);
    await page.waitForSelector(".search-form input[type=search]");
    // The root comes as the page opens; the query is timed from its send.
    await page.waitForFunction(() => performance.getEntriesByType("resource").some((r) => r.name.endsWith("/feed/search/index.json") && r.responseEnd > 0), null, { polling: 50 });
    await throttle(page, true);
    const { first: ms, all } = await ask(page, q);
    const found = (await hrefs(page)).includes(href);
    cold.push({ bytes: [...sizes.values()].reduce((a, b) => a + b, 0), ms, all, found });
    await page.close();
  }
  await ctx.close();

  // Warm: every part in memory (one pass fetches them), then timed; one
  // query after another, so each submit changes the address.
  const warm = { throttled: [], unthrottled: [] };
  const wctx = await newContext(browser, { serviceWorkers: "block" });
  const page = await wctx.newPage();
  await page.goto(`${url}/tim-kiem`);
  await page.waitForSelector(".search-form input[type=search]");
  for (const { q } of queries) await ask(page, q);
  for (const [key, on] of [["unthrottled", false], ["throttled", true]]) {
    await throttle(page, on);
    for (const { q } of queries) warm[key].push((await ask(page, q)).all);
  }
  await wctx.close();
  return { cold, warm };
}
