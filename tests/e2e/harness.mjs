// Shared set-up for the end-to-end tests: the release build in dist/,
// served by Debian's nginx with the shipped config (nginx.mjs), driven in
// Debian's Chromium through playwright-core.
import { chromium } from "playwright-core";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import { startNginx } from "./nginx.mjs";

// BANTIN_DIST lets a second build (another checkout's work, a benchmark)
// be tested without touching dist/.
export const DIST = process.env.BANTIN_DIST || fileURLToPath(new URL("../../dist", import.meta.url));

// Debian's Chromium, quiet about the hosts this machine cannot reach.
const LAUNCH = {
  executablePath: process.env.CHROME_PATH || "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
};

/**
 * A browser with a real profile on disk (not incognito), as a reader who
 * installs the app has. Resolves to { context, close() }.
 */
export async function persistentBrowser() {
  const dir = mkdtempSync(join(tmpdir(), "bantin-profile-"));
  const context = await chromium.launchPersistentContext(dir, { ...LAUNCH, locale: "vi-VN", timezoneId: "Asia/Ho_Chi_Minh" });
  return {
    context,
    async close() {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function start() {
  if (!existsSync(join(DIST, "index.html"))) {
    throw new Error("no release build in dist/: run `trunk build --release` first");
  }
  const server = await startNginx(DIST);
  const browser = await chromium.launch(LAUNCH);
  return {
    url: server.url,
    browser,
    server,
    async stop() {
      await browser.close();
      await server.close();
    },
  };
}

/**
 * A new page that records uncaught errors and console errors. The service
 * worker is blocked unless asked for (`serviceWorkers: "allow"`): with it,
 * page.route() could not stand in for the server.
 */
export async function openPage(browser, options = {}) {
  const context = await browser.newContext({
    locale: "vi-VN",
    timezoneId: "Asia/Ho_Chi_Minh",
    serviceWorkers: "block",
    ...options,
  });
  const page = await context.newPage();
  page.errors = [];
  page.on("pageerror", (e) => page.errors.push(String(e)));
  page.on("console", (m) => {
    if (m.type() === "error") page.errors.push(m.text());
  });
  return page;
}

/** A JSON file of the built feed, e.g. feedFile("index.json"). */
export const feedFile = (path) => JSON.parse(readFileSync(join(DIST, "feed", path), "utf8"));

/** Every file of a feed folder, parsed, e.g. feedFiles("articles"). */
export const feedFiles = (dir) => readdirSync(join(DIST, "feed", dir)).map((f) => feedFile(`${dir}/${f}`));

/** The ISO week id ("2026-W48") of an instant, in Vietnam time (UTC+7). */
export function isoWeek(ms = Date.now()) {
  const now = new Date(ms + 7 * 3600 * 1000);
  const thursday = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  thursday.setUTCDate(thursday.getUTCDate() - ((thursday.getUTCDay() + 6) % 7) + 3);
  const jan4 = new Date(Date.UTC(thursday.getUTCFullYear(), 0, 4));
  const week = 1 + Math.round(((thursday - jan4) / 86400000 - 3 + ((jan4.getUTCDay() + 6) % 7)) / 7);
  return `${thursday.getUTCFullYear()}-W${String(week).padStart(2, "0")}`;
}
