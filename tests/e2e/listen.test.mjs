// Listening ("Nghe bài viết"): with the feed's recording, an <audio>
// player; otherwise the browser's speech synthesis with a Vietnamese voice,
// part by part, the part being read marked; with no Vietnamese voice the
// player says so and reads nothing. Headless Chromium has no voices of its
// own, so each test gives the page a controlled speechSynthesis (the list
// of voices it names, and a record of what it was asked to read).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { start, openPage, feedFiles, axeViolations } from "./harness.mjs";

let env;
let articles;
before(async () => {
  env = await start();
  articles = feedFiles("articles").map((f) => f.article);
});
after(async () => env?.stop());

/** Runs in the page before the app: a speechSynthesis with `voices`. */
function fakeSpeech(voices) {
  const spoken = [];
  let current = null;
  let cancels = 0;
  const synth = {
    getVoices: () => voices.map((v) => ({ voiceURI: v.name, localService: true, default: false, ...v })),
    speak(u) {
      current = u;
      spoken.push({ text: u.text, lang: u.lang, voice: u.voice ? u.voice.name : null, rate: u.rate });
    },
    cancel() {
      cancels += 1;
      const u = current;
      current = null;
      if (u && u.onerror) u.onerror({ error: "canceled" });
    },
    pause() {},
    resume() {},
    addEventListener() {},
    removeEventListener() {},
    speaking: false,
    pending: false,
    paused: false,
  };
  Object.defineProperty(window, "speechSynthesis", { value: synth, configurable: true });
  window.SpeechSynthesisUtterance = class {
    constructor(text) {
      this.text = text;
      this.lang = "";
      this.voice = null;
      this.rate = 1;
    }
  };
  // The test's hands: what was read, and the end of the part being read.
  window.__speech = {
    spoken,
    cancels: () => cancels,
    finish() {
      const u = current;
      current = null;
      if (u && u.onend) u.onend({});
    },
  };
}

const VI = [
  { name: "Google US English", lang: "en-US" },
  { name: "Microsoft HoaiMy Online (Natural) - Vietnamese (Vietnam)", lang: "vi-VN" },
  { name: "Samantha", lang: "en-US" },
];
const EN = [
  { name: "Google US English", lang: "en-US" },
  { name: "Samantha", lang: "en-US" },
];

const spoken = (page) => page.evaluate(() => window.__speech.spoken.slice());
const last = async (page) => (await spoken(page)).at(-1);
const marked = (page) => page.locator(".listen-now");

const withoutAudio = () => articles.find((a) => !a.audio && a.body.filter((b) => b.type === "paragraph").length >= 3);

test("with a Vietnamese voice: reads part by part in vi-VN, marks the part, pauses, resumes, skips, changes speed", async () => {
  const a = withoutAudio();
  // bypassCSP lets the test inject axe; the app itself runs as shipped.
  const page = await openPage(env.browser, { bypassCSP: true });
  await page.addInitScript(fakeSpeech, VI);
  await page.goto(`${env.url}/tin-tuc/${a.slug}`);
  await page.locator("h1.article__title").waitFor();
  const open = page.getByRole("button", { name: "Nghe bài viết" });
  assert.equal(await open.getAttribute("aria-expanded"), "false");
  await open.click();
  assert.equal(await open.getAttribute("aria-expanded"), "true");
  // The title first, in Vietnamese, by the Vietnamese voice, never another.
  await page.waitForFunction(() => window.__speech.spoken.length === 1);
  assert.deepEqual(await last(page), { text: a.title, lang: "vi-VN", voice: VI[1].name, rate: 1 });
  assert.equal(await marked(page).count(), 1);
  assert.ok(await page.locator(".article__title.listen-now").count(), "the title is marked");
  await page.getByRole("status").filter({ hasText: "Đang đọc đoạn 1/" }).waitFor();
  // The open player and the mark pass axe.
  assert.deepEqual(await axeViolations(page), []);
  // At its end, the sapo.
  await page.evaluate(() => window.__speech.finish());
  await page.waitForFunction(() => window.__speech.spoken.length === 2);
  assert.equal((await last(page)).text, a.sapo);
  assert.ok(await page.locator(".article__sapo.listen-now").count(), "the sapo is marked");
  // Skip to the next part: the body's first paragraph, marked and in view.
  await page.getByRole("button", { name: "Đoạn sau" }).click();
  await page.waitForFunction(() => window.__speech.spoken.length === 3);
  const first = a.body.find((b) => b.type === "paragraph").runs.map((r) => r.text).join("");
  assert.equal((await last(page)).text, first);
  assert.equal((await marked(page).textContent()).trim(), first.trim());
  assert.ok(await marked(page).evaluate((el) => { const r = el.getBoundingClientRect(); return r.bottom > 0 && r.top < innerHeight; }), "in view");
  assert.ok((await spoken(page)).every((s) => s.lang === "vi-VN" && s.voice === VI[1].name));
  // Pause: reading stops; resume reads the same part again.
  const cancels = await page.evaluate(() => window.__speech.cancels());
  await page.getByRole("button", { name: "Tạm dừng" }).click();
  assert.ok((await page.evaluate(() => window.__speech.cancels())) > cancels, "paused");
  await page.getByRole("status").filter({ hasText: "Đã tạm dừng ở đoạn 3/" }).waitFor();
  await page.getByRole("button", { name: "Nghe tiếp" }).click();
  await page.waitForFunction(() => window.__speech.spoken.length === 4);
  assert.equal((await last(page)).text, first);
  // Speed, by keyboard: the part is read again at 1.5.
  await page.getByRole("button", { name: "1,5×" }).focus();
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => window.__speech.spoken.at(-1).rate === 1.5);
  assert.equal(await page.getByRole("button", { name: "1,5×" }).getAttribute("aria-pressed"), "true");
  // Back one part: the sapo.
  await page.getByRole("button", { name: "Đoạn trước" }).click();
  await page.waitForFunction((sapo) => window.__speech.spoken.at(-1).text === sapo, a.sapo);
  assert.equal((await last(page)).rate, 1.5);
  // Leaving the page stops the reading and the mark.
  const before = await page.evaluate(() => window.__speech.cancels());
  await page.getByRole("link", { name: "Trang chủ" }).first().click();
  await page.locator(".card__title").first().waitFor();
  assert.ok((await page.evaluate(() => window.__speech.cancels())) > before, "stopped on leaving");
  assert.equal(await marked(page).count(), 0);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("with only English voices: the player says there is no Vietnamese voice and reads nothing", async () => {
  const a = withoutAudio();
  const page = await openPage(env.browser);
  await page.addInitScript(fakeSpeech, EN);
  await page.goto(`${env.url}/tin-tuc/${a.slug}`);
  await page.getByRole("button", { name: "Nghe bài viết" }).click();
  await page.getByText("Máy này chưa có giọng đọc tiếng Việt").waitFor();
  assert.deepEqual(await spoken(page), []);
  assert.equal(await page.getByRole("button", { name: "Tạm dừng" }).count(), 0);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("with the feed's recording: an audio player with its voice, length and speed, and no speech synthesis", async () => {
  const a = articles.find((x) => x.audio);
  assert.ok(a, "the sample has an article with a recording");
  const page = await openPage(env.browser, { bypassCSP: true });
  await page.addInitScript(fakeSpeech, VI);
  await page.goto(`${env.url}/tin-tuc/${a.slug}`);
  await page.getByRole("button", { name: "Nghe bài viết" }).click();
  const audio = page.locator("audio.listen__audio");
  await audio.waitFor();
  assert.equal(await audio.locator("source").getAttribute("src"), `/feed/${a.audio.url}`);
  assert.equal(await audio.locator("source").getAttribute("type"), a.audio.media_type);
  assert.equal(await audio.getAttribute("controls"), "");
  // The file is there and plays: its length is known once its data loads.
  await page.waitForFunction(() => document.querySelector("audio.listen__audio").duration > 0, null, { timeout: 15000 });
  const about = await page.locator(".listen__about").textContent();
  assert.match(about, new RegExp(a.audio.voice));
  assert.match(about, /Thời lượng: \d+:\d\d/);
  await page.getByRole("button", { name: "1,25×" }).click();
  assert.equal(await audio.evaluate((el) => el.playbackRate), 1.25);
  assert.deepEqual(await spoken(page), [], "the recording, not the device's voice");
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
