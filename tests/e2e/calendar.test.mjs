// The working calendar on a fixed clock (Playwright's clock injection; the
// machine's clock is never touched). The clock is set inside the week the
// sample feed covers, whatever date the build moved it to.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { start, openPage, feedFile, vietnamTime } from "./harness.mjs";

let env;
let index;
let week; // the generation week, embedded in the index
let entry; // an entry on a weekday of that week, not cancelled, with an end
before(async () => {
  env = await start();
  index = feedFile("index.json");
  week = index.calendar.embedded[0];
  entry = week.entries.find((e) => e.status !== "cancelled" && e.end && new Date(e.start).getUTCDay() !== 0);
});
after(async () => env?.stop());

const vn = (iso) => {
  // Day and month in Vietnam time.
  const d = new Date(new Date(iso).getTime() + 7 * 3600 * 1000);
  return { day: d.getUTCDate(), month: d.getUTCMonth() + 1, year: d.getUTCFullYear() };
};
const pad = (n) => String(n).padStart(2, "0");
const nextDay = (day) => new Date(Date.parse(day) + 86400e3).toISOString().slice(0, 10);
const dayOf = (iso) => new Date(new Date(iso).getTime() + 7 * 3600 * 1000).toISOString().slice(0, 10);
/** The days (YYYY-MM-DD) an entry covers: its start's, and on to end_date (format 1.1). */
function daysOf(e) {
  const days = [dayOf(e.start)];
  while (e.end_date && days.at(-1) < e.end_date) days.push(nextDay(days.at(-1)));
  return days;
}
/** The rows of a week's table: one per entry and day it covers inside the week. */
function rowsOf(w) {
  const [mon, sun] = [0, 6].map((d) => dayOf(vietnamTime(w.week, d, "12:00")));
  return w.entries.reduce((n, e) => n + daysOf(e).filter((d) => mon <= d && d <= sun).length, 0);
}

async function calendarAt(time, options = {}, path = "/lich-cong-tac") {
  const page = await openPage(env.browser, options);
  await page.clock.setFixedTime(new Date(time));
  await page.goto(env.url + path);
  await page.locator(".calendar__week").waitFor();
  await page.locator(".cal-entry, .notice").first().waitFor({ state: "attached" });
  return page;
}

test("the calendar opens on the current week with its ISO heading", async () => {
  const page = await calendarAt(new Date(new Date(entry.start).getTime() + 10 * 60 * 1000));
  const [y, w] = week.week.split("-W");
  const heading = (await page.locator(".calendar__week").textContent()).trim();
  assert.match(heading, new RegExp(`^Tuần ${Number(w)} năm ${y} \\(từ \\d\\d/\\d\\d đến \\d\\d/\\d\\d\\)$`));
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("today is marked, the entry on now is marked, earlier entries of today are dimmed", async () => {
  const now = new Date(new Date(entry.start).getTime() + 10 * 60 * 1000);
  const page = await calendarAt(now, { viewport: { width: 1280, height: 900 } });
  const { day, month } = vn(entry.start);
  const todayCell = page.locator(".cal-group.is-today .cal-day");
  assert.match(await todayCell.textContent(), new RegExp(`${pad(day)}/${pad(month)}.*Hôm nay`));
  const current = page.locator(".cal-table .is-now");
  assert.equal(await current.count(), 1);
  assert.match(await current.textContent(), /Đang diễn ra/);
  assert.ok((await current.textContent()).includes(entry.content));
  // Everything of today that ended before now is dimmed.
  const earlier = week.entries.filter((e) => vn(e.start).day === day && new Date(e.end ?? new Date(new Date(e.start).getTime() + 3600e3)) <= now);
  assert.equal(await page.locator(".cal-table .cal-group.is-today .is-past").count(), earlier.length);
  await page.context().close();
});

test("before the day's first entry, the next one is marked", async () => {
  const { year, month, day } = vn(entry.start);
  const page = await calendarAt(`${year}-${pad(month)}-${pad(day)}T06:00:00+07:00`, { viewport: { width: 1280, height: 900 } });
  assert.equal(await page.locator(".cal-table .is-now").count(), 0);
  const next = page.locator(".cal-table .is-next");
  assert.equal(await next.count(), 1);
  assert.match(await next.textContent(), /Sắp diễn ra/);
  await page.context().close();
});

test("changed and cancelled entries show it", async () => {
  const page = await calendarAt(entry.start, { viewport: { width: 1280, height: 900 } });
  const cancelled = week.entries.find((e) => e.status === "cancelled");
  const changed = week.entries.find((e) => e.status === "changed");
  const c = page.locator(".cal-table .is-cancelled").first();
  assert.match(await c.textContent(), /Đã hoãn/);
  assert.equal(await c.locator(".cal-text").evaluate((el) => getComputedStyle(el).textDecorationLine), "line-through");
  assert.ok((await page.locator(".cal-table .is-cancelled").allTextContents()).some((t) => t.includes(cancelled.content)));
  const ch = page.locator(".cal-table .is-changed").filter({ hasText: changed.content });
  assert.match(await ch.textContent(), /Có thay đổi/);
  assert.ok((await ch.textContent()).includes(changed.change));
  await page.context().close();
});

test("weeks are navigated through the URL, and a week without a calendar says so", async () => {
  const page = await calendarAt(entry.start);
  await page.getByRole("link", { name: "Tuần sau ›" }).click();
  const next = index.calendar.weeks[index.calendar.weeks.indexOf(week.week) + 1];
  await page.waitForURL(`${env.url}/lich-cong-tac?tuan=${next}`);
  await page.locator(".cal-table .cal-entry").first().waitFor();
  assert.match(await page.locator(".calendar__week").textContent(), new RegExp(`Tuần ${Number(next.split("-W")[1])} `));
  // A reload keeps the week.
  await page.reload();
  await page.locator(".cal-table .cal-entry").first().waitFor();
  assert.match(await page.locator(".calendar__week").textContent(), new RegExp(`Tuần ${Number(next.split("-W")[1])} `));
  await page.goto(`${env.url}/lich-cong-tac?tuan=2019-W10`);
  await page.getByText("Chưa có lịch công tác của tuần này.").waitFor();
  await page.context().close();
});

test("of the week links, only the one to the week shown is marked current", async () => {
  // The router's own test looks at the path alone, which the three share.
  const page = await calendarAt(entry.start);
  const current = () => page.locator('.week-nav a[aria-current="page"]').allTextContents();
  assert.deepEqual(await current(), ["Tuần này"]);
  await page.getByRole("link", { name: "Tuần sau ›" }).click();
  const next = index.calendar.weeks[index.calendar.weeks.indexOf(week.week) + 1];
  await page.waitForURL(`${env.url}/lich-cong-tac?tuan=${next}`);
  await page.locator(".calendar__week", { hasText: `Tuần ${Number(next.split("-W")[1])} ` }).waitFor();
  assert.deepEqual(await current(), []);
  await page.getByRole("link", { name: "Tuần này" }).click();
  await page.waitForURL(`${env.url}/lich-cong-tac?tuan=${week.week}`);
  await page.locator(".calendar__week", { hasText: `Tuần ${Number(week.week.split("-W")[1])} ` }).waitFor();
  assert.deepEqual(await current(), ["Tuần này"]);
  // The section stays current in the main navigation.
  assert.equal(await page.locator('#main-nav a[aria-current="page"]').getAttribute("href"), "/lich-cong-tac");
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("phones get one card per entry under day headings, in the table's order", async () => {
  const wide = await calendarAt(entry.start, { viewport: { width: 1280, height: 900 } });
  const tableOrder = await wide.locator(".cal-table .cal-text").allTextContents();
  await wide.context().close();
  const page = await calendarAt(entry.start, { viewport: { width: 360, height: 740 }, isMobile: true });
  assert.equal(await page.locator(".cal-table").isVisible(), false);
  assert.equal(await page.locator(".cal-cards").isVisible(), true);
  assert.deepEqual(await page.locator(".cal-card .cal-text").allTextContents(), tableOrder);
  assert.equal(await page.locator(".cal-day-group h3").count(), 7);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `${overflow}px too wide`);
  await page.context().close();
});

test("the filter narrows the week with an unaccented query", async () => {
  const withChair = week.entries.find((e) => e.chair);
  const name = withChair.chair.split(",")[0].split(" ").slice(-2).join(" "); // e.g. "Minh Nguyệt"
  const plain = name.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase();
  const page = await calendarAt(entry.start, { viewport: { width: 1280, height: 900 } });
  const all = await page.locator(".cal-table .cal-entry").count();
  await page.getByPlaceholder("Lọc: tên người, địa điểm, nội dung…").fill(plain);
  const rows = page.locator(".cal-table .cal-entry");
  const expected = week.entries.filter((e) => [e.content, e.chair, e.participants, e.location].join(" ").includes(name)).length;
  await page.waitForFunction((n) => document.querySelectorAll(".cal-table .cal-entry").length === n, expected);
  assert.ok(expected > 0 && expected < all, `${expected} of ${all}`);
  for (const t of await rows.allTextContents()) assert.ok(t.includes(name), t);
  await page.getByPlaceholder("Lọc: tên người, địa điểm, nội dung…").fill("khong co ai ten nay");
  await page.getByText("Không có mục nào khớp với bộ lọc.").waitFor();
  await page.context().close();
});

test("printing gives the whole week in one table with the department and the print date", async () => {
  const page = await calendarAt(entry.start, { viewport: { width: 360, height: 740 } });
  await page.emulateMedia({ media: "print" });
  assert.equal(await page.locator(".cal-table").isVisible(), true);
  assert.equal(await page.locator(".cal-cards").isVisible(), false);
  assert.equal(await page.locator(".site-header").isVisible(), false);
  assert.equal(await page.locator(".week-nav").isVisible(), false);
  assert.equal((await page.locator(".print-head").textContent()).trim(), index.site.name);
  const { day, month, year } = vn(entry.start);
  assert.match(await page.locator(".calendar").textContent(), new RegExp(`In ngày ${pad(day)}/${pad(month)}/${year}`));
  assert.equal(await page.locator(".cal-table .cal-entry").count(), rowsOf(week));
  await page.context().close();
});

// .ics downloads, parsed by Python's icalendar (scripts/test installs it
// and names its interpreter in BANTIN_PYTHON).
function parseIcs(text) {
  assert.ok(!/[^\r]\n/.test(text), "CRLF line endings only");
  for (const line of text.split("\r\n")) assert.ok(Buffer.byteLength(line) <= 75, `long line: ${line}`);
  const py = `import sys, icalendar\ncal = icalendar.Calendar.from_ical(sys.stdin.read())\nfor e in cal.walk("VEVENT"):\n    print(e["UID"], e["STATUS"], e.decoded("DTSTART").isoformat(), e.decoded("DTEND").isoformat() if "DTEND" in e else "", sep="\\t")`;
  return execFileSync(process.env.BANTIN_PYTHON || "python3", ["-c", py], { input: text, encoding: "utf8" })
    .trim().split("\n").filter(Boolean).map((l) => l.split("\t"));
}

test("Thêm vào lịch downloads an .ics event, and the week downloads as one .ics", async () => {
  const page = await calendarAt(entry.start, { viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const row = page.locator(".cal-table .cal-entry").filter({ hasText: entry.content }).first();
  const [one] = await Promise.all([page.waitForEvent("download"), row.getByRole("button", { name: "Thêm vào lịch" }).click()]);
  assert.equal(one.suggestedFilename(), `lich-${entry.id}.ics`);
  const text = readFileSync(await one.path(), "utf8");
  const events = parseIcs(text);
  assert.equal(events.length, 1);
  assert.match(events[0][0], new RegExp(`^${entry.id}@`));
  assert.equal(new Date(events[0][2]).getTime(), new Date(entry.start).getTime());
  const [all] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Tải lịch cả tuần (.ics)" }).click()]);
  assert.equal(all.suggestedFilename(), `lich-cong-tac-${week.week}.ics`);
  const weekEvents = parseIcs(readFileSync(await all.path(), "utf8"));
  assert.equal(weekEvents.length, week.entries.length);
  assert.equal(weekEvents.filter((e) => e[1] === "CANCELLED").length, week.entries.filter((e) => e.status === "cancelled").length);
  await page.context().close();
});

// Format 1.1: entries with only a session, all-day entries and entries over
// several days (format doc §7.5), as the week shows them and as they export.
function kinds() {
  const entries = index.calendar.embedded.flatMap((w) => w.entries);
  return {
    session: entries.find((e) => e.timing === "session" && !e.end_date),
    allDay: entries.find((e) => e.timing === "all_day" && !e.end_date),
    twoDays: entries.find((e) => e.end_date),
  };
}
const ddmm = (day) => `${day.slice(8, 10)}/${day.slice(5, 7)}`;
const weekOfEntry = (e) => index.calendar.embedded.find((w) => w.entries.some((x) => x.id === e.id)).week;
const rowOf = (page, scope, e) => page.locator(`${scope} .cal-entry`).filter({ hasText: e.content });

test("a session-only entry shows its session and no hour, an all-day one 'Cả ngày', on the table and the cards", async () => {
  const { session, allDay } = kinds();
  assert.ok(session && allDay, "the sample has both");
  for (const [viewport, scope] of [
    [{ width: 1280, height: 900 }, ".cal-table"],
    [{ width: 360, height: 780 }, ".cal-cards"],
  ]) {
    const page = await calendarAt(allDay.start, { viewport }, `/lich-cong-tac?tuan=${weekOfEntry(allDay)}`);
    assert.equal((await rowOf(page, scope, session).locator(".cal-time").textContent()).trim(), "Chiều");
    assert.equal((await rowOf(page, scope, allDay).locator(".cal-time").textContent()).trim(), "Cả ngày");
    // An entry with real hours keeps them, with its session.
    const timed = index.calendar.embedded[0].entries.find((e) => !e.timing && !e.end_date);
    assert.match((await rowOf(page, scope, timed).first().locator(".cal-time").textContent()).trim(), /^\d\d:\d\d.*(Sáng|Chiều|Tối)$/s);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  }
});

test("a two-day entry shows on both its days with its dates, and is on now on each", async () => {
  const { twoDays } = kinds();
  const [first, second] = daysOf(twoDays);
  const range = `${ddmm(first)} – ${ddmm(second)}`;
  const path = `/lich-cong-tac?tuan=${weekOfEntry(twoDays)}`;
  for (const instant of [`${first}T10:00:00+07:00`, `${second}T20:00:00+07:00`]) {
    const page = await calendarAt(instant, { viewport: { width: 1280, height: 900 } }, path);
    const rows = rowOf(page, ".cal-table", twoDays);
    assert.equal(await rows.count(), 2, "one row on each day");
    for (const t of await rows.locator(".cal-time").allTextContents()) assert.equal(t.trim(), range);
    const groups = await rows.evaluateAll((els) => els.map((el) => el.closest("tbody").querySelector(".cal-day").textContent));
    assert.deepEqual(groups.map((g) => g.match(/\d\d\/\d\d/)[0]), [ddmm(first), ddmm(second)]);
    // On now on today's row only (other days are never marked).
    const onToday = page.locator(".cal-table .cal-group.is-today .is-now").filter({ hasText: twoDays.content });
    assert.equal(await onToday.count(), 1, `on now at ${instant}`);
    assert.match(await onToday.textContent(), /Đang diễn ra/);
    assert.equal(await page.locator(".cal-table .cal-group:not(.is-today) .is-now").count(), 0);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  }
});

test("all-day and two-day entries export as date events, a session-only one as its session's hours", async () => {
  const { session, allDay, twoDays } = kinds();
  const page = await calendarAt(allDay.start, { viewport: { width: 1280, height: 900 }, acceptDownloads: true }, `/lich-cong-tac?tuan=${weekOfEntry(allDay)}`);
  const download = async (e) => {
    const [file] = await Promise.all([page.waitForEvent("download"), rowOf(page, ".cal-table", e).first().getByRole("button", { name: "Thêm vào lịch" }).click()]);
    const events = parseIcs(readFileSync(await file.path(), "utf8"));
    assert.equal(events.length, 1);
    return events[0];
  };
  const [, , dayStart, dayEnd] = await download(allDay);
  assert.equal(dayStart, dayOf(allDay.start));
  assert.equal(dayEnd, nextDay(dayOf(allDay.start)), "DTEND is the next day");
  const [, , sessionStart, sessionEnd] = await download(session);
  assert.equal(Date.parse(sessionStart), Date.parse(`${dayOf(session.start)}T13:30:00+07:00`));
  assert.equal(Date.parse(sessionEnd), Date.parse(`${dayOf(session.start)}T17:00:00+07:00`));
  // The week with the two-day entry, downloaded whole.
  await page.goto(`${env.url}/lich-cong-tac?tuan=${weekOfEntry(twoDays)}`);
  await rowOf(page, ".cal-table", twoDays).first().waitFor();
  const [all] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Tải lịch cả tuần (.ics)" }).click()]);
  const events = parseIcs(readFileSync(await all.path(), "utf8"));
  const w = index.calendar.embedded.find((x) => x.week === weekOfEntry(twoDays));
  assert.equal(events.length, w.entries.length, "one event per entry, not per day");
  const two = events.find((e) => e[0].startsWith(`${twoDays.id}@`));
  const [first, second] = daysOf(twoDays);
  assert.deepEqual(two.slice(2), [first, nextDay(second)], "DTEND is the day after the last");
  await page.context().close();
});
