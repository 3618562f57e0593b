// Shared set-up for the end-to-end tests: the release build in dist/,
// served by Debian's nginx with the shipped config (nginx.mjs), driven in
// Debian's Chromium through playwright-core.
import { chromium } from "playwright-core";
import { createRequire } from "node:module";
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
export async function persistentBrowser({ at = testNow() } = {}) {
  const dir = mkdtempSync(join(tmpdir(), "bantin-profile-"));
  const context = await chromium.launchPersistentContext(dir, { ...LAUNCH, locale: "vi-VN", timezoneId: "Asia/Ho_Chi_Minh" });
  if (at !== null) await context.clock.install({ time: at });
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
 *
 * The page's clock starts at `at` (default: `testNow()`) and runs on from
 * there (Playwright's clock; the machine's clock is never read by the
 * app under test). `at: null` leaves the page on the machine's clock, for
 * a test that installs its own.
 */
export async function openPage(browser, { at = testNow(), takeover = true, ...options } = {}) {
  const context = await browser.newContext({
    locale: "vi-VN",
    timezoneId: "Asia/Ho_Chi_Minh",
    serviceWorkers: "block",
    ...options,
  });
  if (at !== null) await context.clock.install({ time: at });
  const page = await context.newPage();
  if (takeover && options.javaScriptEnabled !== false) waitForTakeover(page);
  page.errors = [];
  page.on("pageerror", (e) => page.errors.push(String(e)));
  page.on("console", (m) => {
    if (m.type() === "error") page.errors.push(m.text());
  });
  return page;
}

/**
 * A published page (bantin-feed publish) is static until the app takes it
 * over (src/browser/takeover.rs): its buttons do nothing yet, and for a
 * moment the page holds both copies. Tests drive the app, so after each
 * goto and reload they wait for the takeover (a page kept published, its
 * feed broken, is left as it is after 15 s). `openPage(b, { takeover:
 * false })` leaves that to the test (tests/e2e/publish.test.mjs).
 */
function waitForTakeover(page) {
  for (const name of ["goto", "reload"]) {
    const original = page[name].bind(page);
    page[name] = async (...args) => {
      const response = await original(...args);
      await page
        .waitForFunction(() => !document.getElementById("prerender"), null, { timeout: 15000, polling: 50 })
        .catch(() => {});
      return response;
    };
  }
}

/** A JSON file of the built feed, e.g. feedFile("index.json"). */
export const feedFile = (path) => JSON.parse(readFileSync(join(DIST, "feed", path), "utf8"));

/** Every file of a feed folder, parsed, e.g. feedFiles("articles"). */
export const feedFiles = (dir) => readdirSync(join(DIST, "feed", dir)).map((f) => feedFile(`${dir}/${f}`));

/** The ISO week id ("2026-W48") of an instant, in Vietnam time (UTC+7). */
export function isoWeek(ms) {
  const now = new Date(ms + 7 * 3600 * 1000);
  const thursday = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  thursday.setUTCDate(thursday.getUTCDate() - ((thursday.getUTCDay() + 6) % 7) + 3);
  const jan4 = new Date(Date.UTC(thursday.getUTCFullYear(), 0, 4));
  const week = 1 + Math.round(((thursday - jan4) / 86400000 - 3 + ((jan4.getUTCDay() + 6) % 7)) / 7);
  return `${thursday.getUTCFullYear()}-W${String(week).padStart(2, "0")}`;
}

// ---- Time -----------------------------------------------------------------
// No test reads the machine's clock. The build moves the sample calendar to
// the weeks around the date it is given (scripts/test gives it
// BANTIN_DEMO_TODAY), and every page opens on a clock set inside those
// weeks, at a moment the test names.

const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;

/** Monday 00:00 Vietnam time of an ISO week ("2026-W53"), as a Date. */
export function weekMonday(weekId) {
  const [year, week] = weekId.split("-W").map(Number);
  const jan4 = Date.UTC(year, 0, 4);
  const monday = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * DAY + (week - 1) * 7 * DAY;
  return new Date(monday - 7 * HOUR);
}

/** The week the build put the sample calendar's first week in: embedded first in the index. */
export const demoWeek = () => feedFile("index.json").calendar.embedded[0];

/**
 * An instant in Vietnam time: `day` days after the Monday of `weekId`
 * (0 = Monday, 6 = Sunday, 7 = next Monday), at "HH:MM" or "HH:MM:SS".
 */
export function vietnamTime(weekId, day, clock) {
  const [h, m, sec = 0] = clock.split(":").map(Number);
  return new Date(weekMonday(weekId).getTime() + day * DAY + ((h * 60 + m) * 60 + sec) * 1000);
}

/** The moments of the day and week that matter to the calendar, in the demo week. */
export function moments(week = demoWeek().week) {
  return {
    earlyMorning: vietnamTime(week, 0, "06:00"), // Monday, before its first entry
    midMorning: vietnamTime(week, 2, "09:30"), // Wednesday, during an entry
    afternoon: vietnamTime(week, 2, "15:00"), // Wednesday, the morning's entries over
    lateEvening: vietnamTime(week, 3, "22:30"), // Thursday, after its evening entry
    sunday: vietnamTime(week, 6, "10:00"),
    beforeMidnight: vietnamTime(week, 6, "23:59:30"), // Sunday night, into next week's Monday
  };
}

/** Where every page's clock starts unless a test says otherwise: mid-morning of the demo week. */
export const testNow = () => moments().midMorning;

/** The Vietnamese date ("dd/mm/yyyy") of an instant. */
export function vietnamDate(instant) {
  const d = new Date(new Date(instant).getTime() + 7 * HOUR);
  const pad = (n) => String(n).padStart(2, "0");
  return `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}

// ---- Accessibility ---------------------------------------------------------

const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

/**
 * What axe-core finds wrong with the page, one line per rule ("rule ×n
 * (first selector)"). Every rule runs but the experimental ones and WCAG's
 * AAA level: the best practices too (unique landmarks, heading order…),
 * not only the WCAG tags. The page needs `bypassCSP: true` so axe can be
 * injected; the app itself runs as shipped.
 */
export async function axeViolations(page) {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const rules = window.axe
      .getRules()
      .filter((r) => !r.tags.some((t) => t === "experimental" || t.endsWith("aaa")))
      .map((r) => r.ruleId);
    const result = await window.axe.run(document, { runOnly: { type: "rule", values: rules }, resultTypes: ["violations"] });
    return result.violations.map((v) => `${v.id} ×${v.nodes.length} (${v.nodes[0].target.join(" ")})`);
  });
}
