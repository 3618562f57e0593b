// Memory soak of the kiosk screen (run by scripts/soak-kiosk; a benchmark
// that prints figures, not a test). The release build behind the shipped
// nginx config, in headless Chromium, with a 50 ms rotation and a feed
// refresh every 60 ms; every refresh gets a changed index (two versions,
// alternating), so each one re-renders. JS heap (after a forced GC) and
// wasm memory are read after a warm-up and again at the end.
import { start, openPage, DIST } from "../../tests/e2e/harness.mjs";
import { readFileSync } from "node:fs";
import { join } from "node:path";

const TARGET = Number(process.env.SOAK_COUNT || 500);
const WARMUP = 50;

const env = await start();
const page = await openPage(env.browser, { at: null, viewport: { width: 1920, height: 1080 } });
await page.addInitScript(() => {
  addEventListener("TrunkApplicationStarted", (e) => (window.__wasm = e.detail.wasm));
});

// Two versions of the index, told apart by time and the lead title.
const original = readFileSync(join(DIST, "feed", "index.json"), "utf8");
const parsed = JSON.parse(original);
const other = structuredClone(parsed);
other.generated_at = parsed.generated_at.replace(/:\d\d(\+|Z)/, ":58$1");
other.latest[0].title += " (bản cập nhật)";
const versions = [original, JSON.stringify(other)];
let served = 0;
await page.route("**/feed/index.json", (route) =>
  route.fulfill({ status: 200, contentType: "application/json", body: versions[served++ % 2] }),
);

const cdp = await page.context().newCDPSession(page);
await cdp.send("Performance.enable");
async function measure() {
  await cdp.send("HeapProfiler.collectGarbage");
  await cdp.send("HeapProfiler.collectGarbage");
  const { usedSize } = await cdp.send("Runtime.getHeapUsage");
  const { metrics } = await cdp.send("Performance.getMetrics");
  const metric = (name) => metrics.find((m) => m.name === name)?.value ?? 0;
  const state = await page.evaluate(() => ({
    wasm: window.__wasm?.memory?.buffer.byteLength ?? 0,
    rotations: Number(document.querySelector(".kiosk")?.dataset.rotations ?? 0),
    refreshes: Number(document.querySelector(".kiosk")?.dataset.refreshes ?? 0),
  }));
  return { heap: usedSize, nodes: metric("Nodes"), listeners: metric("JSEventListeners"), served, ...state };
}

async function waitFor(n) {
  await page.waitForFunction(
    (n) => {
      const k = document.querySelector(".kiosk");
      return k && Number(k.dataset.rotations) >= n && Number(k.dataset.refreshes) >= n;
    },
    n,
    { timeout: 600000, polling: 200 },
  );
}

const t0 = Date.now();
await page.goto(env.url + "/kiosk?xoay=0.05&lammoi=0.001");
await page.locator(".kiosk__story").waitFor();
await waitFor(WARMUP);
const a = await measure();
await waitFor(WARMUP + TARGET);
const b = await measure();
const seconds = ((Date.now() - t0) / 1000).toFixed(1);
await env.stop();

const kb = (n) => `${(n / 1024).toFixed(0)} KB`;
const pct = (x, y) => `${(((y - x) / x) * 100).toFixed(1)}%`;
const rows = [
  ["JS heap (after GC)", kb(a.heap), kb(b.heap), pct(a.heap, b.heap)],
  ["wasm memory", kb(a.wasm), kb(b.wasm), pct(a.wasm, b.wasm)],
  ["JS heap + wasm", kb(a.heap + a.wasm), kb(b.heap + b.wasm), pct(a.heap + a.wasm, b.heap + b.wasm)],
  ["DOM nodes", a.nodes, b.nodes, pct(a.nodes, b.nodes)],
  ["JS event listeners", a.listeners, b.listeners, pct(a.listeners, b.listeners)],
];
console.log(`kiosk soak: ${b.rotations - a.rotations} rotations and ${b.refreshes - a.refreshes} refresh ticks after a warm-up of ${WARMUP} (${b.served - a.served} index files served, each a changed feed), ${seconds} s`);
console.log("");
console.log("| measure | after warm-up | at the end | growth |");
console.log("|---|---|---|---|");
for (const r of rows) console.log(`| ${r.join(" | ")} |`);
const growth = (b.heap + b.wasm - a.heap - a.wasm) / (a.heap + a.wasm);
console.log("");
console.log(`goal: JS heap + wasm growth under 10% after warm-up: ${growth < 0.1 ? "met" : "MISSED"} (${(growth * 100).toFixed(1)}%)`);
if (page.errors.length) console.log("page errors:", page.errors);
