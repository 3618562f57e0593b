// The app against the clock. Every screen that reads the time, opened at
// the moments of a day and a week that matter, on a clock the test sets
// (Playwright's clock; the machine's clock is never read):
// - early morning, before the day's first entry;
// - mid-morning, during an entry;
// - the afternoon, with the morning's entries over;
// - late evening, after the day's last entry;
// - a Sunday, a day without entries;
// - the last minute of an ISO year (Sunday of 2026-W53 when scripts/test
//   builds) running on into Monday of week 1 while the page stays open.
// At each moment the calendar, the home page and the kiosk mark today,
// now, next and what is over as the feed says, and axe-core finds nothing
// in the light and dark themes. Also on the clock: a device in another
// time zone, the release checks, and the ages of what the page remembers
// (the index kept in the browser, the articles read).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { start, openPage, feedFile, axeViolations, demoWeek, moments, vietnamDate, isoWeek, weekMonday } from "./harness.mjs";

let env;
let index;
let week; // the demo week's id ("2026-W53")
let at; // its moments
let kinds; // an entry of each 1.1 kind: session-only, all-day, two days
before(async () => {
  env = await start();
  index = feedFile("index.json");
  week = demoWeek().week;
  at = moments(week);
  // The format 1.1 kinds of entry in the sample (format doc §7.5), each at
  // a moment when it is on: a session-only afternoon, a trip all day, and
  // the two days of a two-day training in the next week.
  const entries = index.calendar.embedded.flatMap((w) => w.entries);
  kinds = {
    session: entries.find((e) => e.timing === "session" && !e.end_date),
    allDay: entries.find((e) => e.timing === "all_day" && !e.end_date),
    twoDays: entries.find((e) => e.end_date),
  };
  const dayAt = (e, days, clock) => new Date(at0(dayOf(e.start), 0) + days * 24 * HOUR + clock * 60 * 1000);
  at.sessionAfternoon = dayAt(kinds.session, 0, 13 * 60 + 45);
  at.allDayMorning = dayAt(kinds.allDay, 0, 10 * 60);
  at.twoDaysFirst = dayAt(kinds.twoDays, 0, 6 * 60);
  at.twoDaysSecondEvening = dayAt(kinds.twoDays, 1, 20 * 60);
});
after(async () => env?.stop());

const HOUR = 3600 * 1000;
const WEEKDAYS = ["Chủ Nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy"];
const weekdayOf = (instant) => WEEKDAYS[new Date(instant.getTime() + 7 * HOUR).getUTCDay()];

// The conventional hours of a session-only entry (format doc §7.5), in minutes.
const SESSION_HOURS = { sang: [450, 690], chieu: [810, 1020], toi: [1140, 1290] };
const dayOf = (instant) => vietnamDate(instant).split("/").reverse().join("-"); // "2026-12-30"
/** Midnight (Vietnam time) starting the day "YYYY-MM-DD", plus `minutes`. */
const at0 = (day, minutes = 0) => Date.parse(`${day}T00:00:00+07:00`) + minutes * 60 * 1000;
const nextDay = (day) => new Date(at0(day) + 24 * HOUR + 7 * HOUR).toISOString().slice(0, 10);
const lastDay = (e) => (e.end_date && e.end_date > dayOf(e.start) ? e.end_date : dayOf(e.start));
/** Whole-day entries (all day, or several days): on beside the timed ones, never next. */
const dayLong = (e) => e.timing === "all_day" || lastDay(e) !== dayOf(e.start);

/** When an entry is on, as the format doc says: [from, to) in ms. */
function span(e) {
  const s = Date.parse(e.start);
  const [first, last] = [dayOf(e.start), lastDay(e)];
  const end = e.end ? Date.parse(e.end) : undefined;
  let from = s;
  let to;
  if (e.timing === "session") [from, to] = [at0(first, SESSION_HOURS[e.session][0]), at0(last, SESSION_HOURS[e.session][1])];
  else if (e.timing === "all_day") [from, to] = [at0(first), at0(nextDay(last))];
  else if (last !== first) to = end ?? at0(nextDay(last));
  else to = end ?? s + HOUR;
  return { from, to: Math.max(from, to) };
}

/**
 * The entries of the day of `instant` (Vietnam time), from the weeks the
 * index embeds: those starting that day and multi-day ones covering it,
 * once each; whole-day entries first, then by start.
 */
function entriesOn(instant) {
  const day = dayOf(instant);
  const seen = new Map();
  for (const e of index.calendar.embedded.flatMap((w) => w.entries)) {
    if (dayOf(e.start) <= day && day <= lastDay(e) && !seen.has(e.id)) seen.set(e.id, e);
  }
  return [...seen.values()].sort((a, b) => dayLong(b) - dayLong(a) || span(a).from - span(b).from);
}

/**
 * What the format doc says of a day's entries at `instant`: over once
 * ended (an hour after the start when no end is given); of the timed
 * entries, on now when started and not ended (the latest to start,
 * cancelled ones never), and next the first still to start when none is
 * on; a whole-day entry is on now all through its span, beside them.
 */
function expected(instant) {
  const t = instant.getTime();
  const spans = entriesOn(instant).map((e) => ({ e, s: span(e).from, end: span(e).to, live: e.status !== "cancelled", long: dayLong(e) }));
  const isOn = (x) => x.live && x.s <= t && t < x.end;
  const on = spans.filter((x) => !x.long && isOn(x)).sort((a, b) => b.s - a.s)[0];
  const next = on ? undefined : spans.filter((x) => !x.long && x.live && x.s > t).sort((a, b) => a.s - b.s)[0];
  const now = spans.filter((x) => x === on || (x.long && isOn(x)));
  return {
    now: now.map((x) => x.e.content),
    next: next ? [next.e.content] : [],
    past: spans.filter((x) => !now.includes(x) && x !== next && x.end <= t).map((x) => x.e.content),
  };
}

const texts = (locator) => locator.evaluateAll((els) => els.map((el) => el.querySelector(".cal-text, .kiosk__what").textContent.trim()));

async function markedOnCalendar(page, scope) {
  return {
    now: await texts(page.locator(`${scope} .is-now`)),
    next: await texts(page.locator(`${scope} .is-next`)),
    past: await texts(page.locator(`${scope} .is-past`)),
  };
}

const NAMES = ["earlyMorning", "midMorning", "afternoon", "lateEvening", "sunday"];
const KIND_NAMES = ["sessionAfternoon", "allDayMorning", "twoDaysFirst", "twoDaysSecondEvening"];

test("the sample gives each moment something to show", () => {
  // Guards the moments themselves: a sample feed edited so that a moment no
  // longer tests anything fails here, not silently below.
  assert.deepEqual(expected(at.earlyMorning).now, []);
  assert.equal(expected(at.earlyMorning).next.length, 1, "early morning: an entry to come");
  assert.deepEqual(expected(at.earlyMorning).past, []);
  assert.equal(expected(at.midMorning).now.length, 1, "mid-morning: an entry on now");
  assert.equal(expected(at.afternoon).now.length, 1, "afternoon: an entry on now");
  assert.ok(expected(at.afternoon).past.length >= 1, "afternoon: entries over");
  const evening = expected(at.lateEvening);
  assert.deepEqual([evening.now, evening.next], [[], []], "late evening: nothing on, nothing to come");
  assert.equal(evening.past.length, entriesOn(at.lateEvening).filter((e) => e.status !== "cancelled").length);
  assert.equal(entriesOn(at.sunday).length, 0, "the Sunday has no entries");
  assert.ok(entriesOn(new Date(at.beforeMidnight.getTime() + HOUR)).length > 0, "the Monday after has entries");
});

test("the sample has a session-only, an all-day and a two-day entry, each on at its moment", () => {
  assert.ok(kinds.session && kinds.allDay && kinds.twoDays, "one of each kind");
  assert.equal(lastDay(kinds.twoDays), nextDay(dayOf(kinds.twoDays.start)), "two days");
  assert.ok(expected(at.sessionAfternoon).now.includes(kinds.session.content), "the session is on");
  assert.deepEqual(expected(at.allDayMorning).now.slice(0, 1), [kinds.allDay.content], "the all-day entry is on, listed first");
  assert.ok(expected(at.allDayMorning).now.length > 1, "beside a timed entry on now");
  // 06:00 of the first day: the training is on; the day's first timed entry is still next.
  assert.deepEqual(expected(at.twoDaysFirst).now, [kinds.twoDays.content]);
  assert.equal(expected(at.twoDaysFirst).next.length, 1);
  // 20:00 of the second day: still on, whatever else is over.
  assert.deepEqual(expected(at.twoDaysSecondEvening).now, [kinds.twoDays.content]);
  assert.ok(entriesOn(at.twoDaysSecondEvening).includes(kinds.twoDays), "listed on its second day");
});

for (const name of [...NAMES, ...KIND_NAMES]) {
  test(`${name}: the calendar marks today, now, next and what is over, on a table and on cards`, async () => {
    const instant = at[name];
    const want = expected(instant);
    for (const [viewport, scope] of [
      [{ width: 1280, height: 900 }, ".cal-table"],
      [{ width: 360, height: 780 }, ".cal-cards"],
    ]) {
      const page = await openPage(env.browser, { at: instant, viewport });
      await page.goto(env.url + "/lich-cong-tac");
      await page.locator(`${scope} .cal-entry`).first().waitFor();
      const heading = (await page.locator(".calendar__week").textContent()).trim();
      const shown = isoWeek(instant.getTime()); // the week of the moment: the demo week or the next
      assert.match(heading, new RegExp(`^Tuần ${Number(shown.split("-W")[1])} năm ${shown.split("-W")[0]} `));
      const [dd, mm] = vietnamDate(instant).split("/");
      const today = page.locator(`${scope} .is-today`);
      assert.equal(await today.count(), 1, "one day is today");
      assert.match(await today.textContent(), new RegExp(`${dd}/${mm}[\\s\\S]*Hôm nay`));
      assert.deepEqual(await markedOnCalendar(page, scope), want, `${name} at ${viewport.width} px`);
      // Nothing but today is marked.
      assert.equal(await page.locator(`${scope} :is(.is-now, .is-next, .is-past)`).count(), want.now.length + want.next.length + want.past.length);
      for (const badge of await page.locator(`${scope} .is-past .badge--past`).allTextContents()) assert.equal(badge, "Đã diễn ra");
      if (name === "sunday") assert.match(await today.textContent(), /Không có lịch\./);
      assert.deepEqual(page.errors, []);
      await page.context().close();
    }
  });

  test(`${name}: the home page and the kiosk show that day, with its entries`, async () => {
    const instant = at[name];
    const want = expected(instant);
    const day = entriesOn(instant);
    const page = await openPage(env.browser, { at: instant, viewport: { width: 1280, height: 900 } });
    await page.goto(env.url + "/");
    await page.locator(".today__date").waitFor();
    assert.equal((await page.locator(".today__date").textContent()).trim(), `${weekdayOf(instant)}, ${vietnamDate(instant)}`);
    if (day.length) {
      assert.deepEqual(
        (await page.locator(".today__content").allTextContents()).map((t) => t.trim()),
        day.map((e) => e.content),
      );
    } else {
      await page.getByText("Hôm nay không có lịch công tác.").waitFor();
    }
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.goto(env.url + "/kiosk?xoay=600");
    await page.locator(".kiosk__day").first().waitFor();
    assert.equal((await page.locator(".kiosk__date").textContent()).trim(), `${weekdayOf(instant)}, ${vietnamDate(instant)}`);
    const todayBox = page.locator(".kiosk__day").first();
    assert.match(await todayBox.locator("h3").textContent(), new RegExp(`^Hôm nay · ${weekdayOf(instant)}, ${vietnamDate(instant)}$`));
    assert.deepEqual(await markedOnCalendar(page, ".kiosk__day:first-of-type"), want);
    const tomorrow = new Date(instant.getTime() + 24 * HOUR);
    assert.equal(await page.locator(".kiosk__day").nth(1).locator("li").count(), entriesOn(tomorrow).length, "tomorrow's entries");
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });

  if (KIND_NAMES.includes(name) && name !== "allDayMorning") continue;
  test(`${name}: axe-core finds nothing on the calendar, the home page and the kiosk, light and dark`, async () => {
    const found = [];
    for (const [setup, options] of [
      ["phone", { viewport: { width: 360, height: 780 }, colorScheme: "light" }],
      ["desktop", { viewport: { width: 1280, height: 900 }, colorScheme: "light" }],
      ["dark desktop", { viewport: { width: 1280, height: 900 }, colorScheme: "dark" }],
    ]) {
      const page = await openPage(env.browser, { at: at[name], ...options, bypassCSP: true });
      for (const route of ["/lich-cong-tac", "/", "/kiosk"]) {
        await page.goto(env.url + route);
        await page.locator("main h1, .kiosk__site").first().waitFor({ state: "attached" });
        await page.locator(".cal-entry, .today__date, .kiosk__day").first().waitFor({ state: "attached" });
        for (const v of await axeViolations(page)) found.push(`${setup} ${route}: ${v}`);
      }
      await page.context().close();
    }
    assert.deepEqual(found, []);
  });
}

test("open through midnight at the end of the ISO year: calendar, home and kiosk move to Monday of week 1", async () => {
  const sunday = at.beforeMidnight; // Sunday 23:59:30
  const monday = new Date(sunday.getTime() + 30 * 1000);
  const nextWeek = isoWeek(monday.getTime());
  assert.notEqual(nextWeek, week);
  assert.equal(weekMonday(nextWeek).getTime(), monday.getTime(), "midnight starts the next ISO week");
  const mondayEntries = entriesOn(new Date(monday.getTime() + HOUR));
  const first = mondayEntries.find((e) => e.status !== "cancelled");
  const [y1, w1] = week.split("-W").map(Number);
  const [y2, w2] = nextWeek.split("-W").map(Number);

  const page = await openPage(env.browser, { at: sunday, viewport: { width: 1280, height: 900 } });
  const kiosk = await page.context().newPage();
  await kiosk.setViewportSize({ width: 1920, height: 1080 });
  const home = await page.context().newPage();
  await page.goto(env.url + "/lich-cong-tac");
  await kiosk.goto(env.url + "/kiosk?xoay=600");
  await home.goto(env.url + "/");
  // A page opened beside openPage's: wait for the app to take the
  // published home page over, as openPage's own goto does.
  await home.locator("#prerender").waitFor({ state: "detached", timeout: 15000 });
  await page.locator(".cal-table .cal-entry").first().waitFor();
  await kiosk.locator(".kiosk__day").first().waitFor();
  await home.locator(".today__date").waitFor();
  assert.match(await page.locator(".calendar__week").textContent(), new RegExp(`^Tuần ${w1} năm ${y1} `));
  assert.equal((await kiosk.locator(".kiosk__date").textContent()).trim(), `Chủ Nhật, ${vietnamDate(sunday)}`);
  assert.equal((await home.locator(".today__date").textContent()).trim(), `Chủ Nhật, ${vietnamDate(sunday)}`);
  assert.equal(await kiosk.locator(".kiosk__day").nth(1).locator("li").count(), mondayEntries.length, "Monday is tomorrow");

  // Stop the clock where it is (still Sunday), then let it run on past
  // midnight, firing every timer on the way, without a reload.
  const paused = (await page.evaluate(() => Date.now())) + 50;
  assert.ok(paused < monday.getTime(), "still Sunday when the clock stops");
  await page.clock.pauseAt(paused);
  await page.clock.runFor(monday.getTime() - paused + 31 * 1000);

  await page.locator(".calendar__week", { hasText: new RegExp(`^Tuần ${w2} năm ${y2} `) }).waitFor();
  await page.locator(".cal-table .is-today", { hasText: vietnamDate(monday).slice(0, 5) }).waitFor();
  assert.deepEqual(await texts(page.locator(".cal-table .is-next")), [first.content], "Monday's first entry is next");
  assert.equal(await page.locator(".cal-table .is-past").count(), 0);
  assert.equal(await page.locator('.week-nav a[aria-current="page"]').getAttribute("href"), `/lich-cong-tac?tuan=${nextWeek}`);

  await kiosk.locator(".kiosk__date", { hasText: `Thứ Hai, ${vietnamDate(monday)}` }).waitFor();
  assert.equal(await kiosk.locator(".kiosk__day").first().locator("li").count(), mondayEntries.length, "Monday is today");
  assert.deepEqual(await texts(kiosk.locator(".kiosk__day:first-of-type .is-next")), [first.content]);

  await home.locator(".today__date", { hasText: `Thứ Hai, ${vietnamDate(monday)}` }).waitFor();
  assert.deepEqual(
    (await home.locator(".today__content").allTextContents()).map((t) => t.trim()),
    mondayEntries.map((e) => e.content),
  );
  for (const p of [page, kiosk, home]) assert.deepEqual(p.errors ?? [], []);
  await page.context().close();
});

test("the index kept in the browser shows at once under 30 minutes old, and waits for the network when older", async () => {
  // The takeover of the published page is awaited here, step by step: a
  // held answer keeps the app waiting (until its own 12 s limit).
  const page = await openPage(env.browser, { at: at.midMorning, takeover: false });
  const tookOver = () => page.waitForFunction(() => !document.getElementById("prerender"), null, { timeout: 20000 });
  await page.goto(env.url + "/");
  await tookOver();
  await page.locator(".card__title").first().waitFor();
  const first = (await page.locator(".card__title").first().textContent()).trim();
  // Hold the network's answer to see what shows before it.
  let release;
  const held = new Promise((r) => (release = r));
  await page.route("**/feed/index.json", async (route) => {
    await held;
    // A request the reload abandoned can no longer be continued.
    await route.continue().catch(() => {});
  });
  for (const [minutes, shownAtOnce] of [
    [10, true],
    [40, false],
  ]) {
    await page.clock.fastForward(minutes * 60 * 1000);
    await page.reload();
    if (shownAtOnce) {
      await tookOver();
      await page.locator(".card__title").first().waitFor();
      assert.equal((await page.locator(".card__title").first().textContent()).trim(), first);
    } else {
      // The published page stays on screen; the app shows no old copy.
      await page.waitForTimeout(1500);
      assert.equal(await page.locator("#app .card__title").count(), 0, `a copy ${minutes} minutes old is not shown before the network`);
      assert.equal(await page.locator("#prerender").count(), 1, "the published page stays while the app waits");
    }
    // Each visit's answer stores the index again: the next step counts from here.
    if (!shownAtOnce) {
      release();
      await tookOver();
      await page.locator(".card__title").first().waitFor();
    }
  }
  await page.context().close();
});

test("a device set to another time zone still sees the Vietnamese day", async () => {
  // 06:00 on Monday in Vietnam is 23:00 on Sunday in UTC and 15:00 on Sunday in California.
  const instant = at.earlyMorning;
  for (const timezoneId of ["UTC", "America/Los_Angeles"]) {
    const page = await openPage(env.browser, { at: instant, timezoneId, viewport: { width: 1280, height: 900 } });
    await page.goto(env.url + "/lich-cong-tac");
    await page.locator(".cal-table .cal-entry").first().waitFor();
    const [dd, mm] = vietnamDate(instant).split("/");
    assert.match(await page.locator(".cal-table .is-today").textContent(), new RegExp(`Thứ Hai[\\s\\S]*${dd}/${mm}`), timezoneId);
    assert.deepEqual(await markedOnCalendar(page, ".cal-table"), expected(instant), timezoneId);
    await page.goto(env.url + "/kiosk?xoay=600");
    await page.locator(".kiosk__time").waitFor();
    assert.equal((await page.locator(".kiosk__time").textContent()).slice(0, 5), "06:00", timezoneId);
    await page.context().close();
  }
});

test("an open app asks for a new release every 5 minutes, and on an in-app navigation a minute after the last check", async () => {
  const swRequests = () => readFileSync(join(env.server.dir, "logs", "access.log"), "utf8").split("\n").filter((l) => l.includes('"GET /sw.js')).length;
  const page = await openPage(env.browser, { at: at.midMorning, serviceWorkers: "allow" });
  await page.goto(env.url + "/");
  await page.locator(".card__title").first().waitFor();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30000 });
  const paused = (await page.evaluate(() => Date.now())) + 100;
  await page.clock.pauseAt(paused);
  const before = swRequests();
  // Four minutes: no check yet.
  await page.clock.runFor(4 * 60 * 1000);
  await page.waitForTimeout(500);
  assert.equal(swRequests(), before, "no check before 5 minutes");
  await page.clock.runFor(61 * 1000);
  await waitUntil(() => swRequests() > before, "the 5-minute check");
  const afterTimer = swRequests();
  // An in-app navigation within the minute: no check; after it: a check.
  // (The pages render on a running clock.)
  await page.clock.resume();
  await page.getByRole("link", { name: "Văn bản", exact: true }).first().click();
  await page.locator("main h1", { hasText: "Văn bản" }).waitFor();
  await page.waitForTimeout(500);
  assert.equal(swRequests(), afterTimer, "no check within a minute of the last");
  await page.clock.fastForward(61 * 1000);
  await page.getByRole("link", { name: "Lịch công tác", exact: true }).first().click();
  await page.locator(".calendar__week").waitFor();
  await waitUntil(() => swRequests() > afterTimer, "the check on navigation");
  await page.context().close();
});

async function waitUntil(predicate, what, ms = 10000) {
  const end = performance.now() + ms;
  while (!predicate()) {
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

test("an article read in the last 10 minutes opens again from memory; after that it is fetched again", async () => {
  const page = await openPage(env.browser, { at: at.midMorning, viewport: { width: 1280, height: 900 } });
  const fetched = [];
  page.on("request", (r) => {
    if (r.url().includes("/feed/articles/")) fetched.push(r.url());
  });
  await page.goto(env.url + "/");
  const card = page.locator(".card__title a").first();
  await card.waitFor();
  const open = async () => {
    await page.locator(".card__title a").first().click();
    await page.locator("h1.article__title").waitFor();
    await page.goBack();
    await page.locator(".card__title a").first().waitFor();
  };
  await open();
  assert.equal(fetched.length, 1, "read once");
  await page.clock.fastForward(9 * 60 * 1000);
  await open();
  assert.equal(fetched.length, 1, "9 minutes later: from memory");
  await page.clock.fastForward(2 * 60 * 1000);
  await open();
  assert.equal(fetched.length, 2, "11 minutes after it was read: fetched again");
  await page.context().close();
});
