// Shared set-up for the end-to-end tests: the release build in dist/,
// served by server.mjs, driven in Debian's Chromium through playwright-core.
import { chromium } from "playwright-core";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import { serve } from "./server.mjs";

export const DIST = fileURLToPath(new URL("../../dist", import.meta.url));

export async function start() {
  if (!existsSync(join(DIST, "index.html"))) {
    throw new Error("no release build in dist/: run `trunk build --release` first");
  }
  const server = await serve(DIST);
  const browser = await chromium.launch({
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
  });
  return {
    url: server.url,
    browser,
    async stop() {
      await browser.close();
      await server.close();
    },
  };
}

/** A new page that records uncaught errors and console errors. */
export async function openPage(browser, options = {}) {
  const context = await browser.newContext({ locale: "vi-VN", timezoneId: "Asia/Ho_Chi_Minh", ...options });
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
