// The document library: combined filters in the URL, downloads, banners.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { start, openPage, DIST, feedFiles } from "./harness.mjs";

let env;
let docs;
before(async () => {
  env = await start();
  docs = feedFiles("documents/items").map((x) => x.document);
});
after(async () => env?.stop());

const fold = (s) => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase();

test("two filters and a text query combine, live in the URL and survive a reload", async () => {
  // The most common type, and the year most of those were issued in.
  const count = (xs) => xs.reduce((m, x) => m.set(x, (m.get(x) ?? 0) + 1), new Map());
  const type = [...count(docs.map((d) => d.type))].sort((a, b) => b[1] - a[1])[0][0];
  const ofType = docs.filter((d) => d.type === type);
  const year = [...count(ofType.map((d) => d.issued.slice(0, 4)))].sort((a, b) => b[1] - a[1])[0][0];
  const candidates = ofType.filter((d) => d.issued.startsWith(year));
  // The longest word of the first candidate's summary, unaccented.
  const word = fold(candidates[0].summary).split(/[^a-z0-9]+/).sort((a, b) => b.length - a.length)[0];
  const expected = candidates.filter((d) => fold(d.summary).includes(word)).map((d) => d.number).sort();

  const page = await openPage(env.browser);
  await page.goto(env.url + "/van-ban");
  await page.locator(".doc-row").first().waitFor();
  assert.equal(await page.locator(".doc-row").count(), Math.min(docs.length, 30));
  await page.getByLabel("Loại văn bản").selectOption(type);
  await page.getByLabel("Năm ban hành").selectOption(year);
  const box = page.getByLabel("Tìm theo số ký hiệu hoặc trích yếu");
  await box.fill(word);
  await box.press("Enter");
  await page.waitForURL(/q=/);
  const numbers = async () => (await page.locator(".doc-row__number").allTextContents()).map((t) => t.trim()).sort();
  await page.waitForFunction((n) => document.querySelectorAll(".doc-row").length === n, expected.length);
  assert.deepEqual(await numbers(), expected);
  const url = page.url();
  assert.match(url, /loai=/);
  assert.match(url, new RegExp(`nam=${year}`));
  await page.reload();
  await page.locator(".doc-row").first().waitFor();
  assert.deepEqual(await numbers(), expected);
  assert.equal(await page.getByLabel("Năm ban hành").inputValue(), year);
  await page.context().close();
});

test("a number typed loosely finds its document", async () => {
  const d = docs.find((x) => /^\d+-[A-ZĐ]+\//.test(x.number));
  const [num, code] = d.number.split("/")[0].split("-");
  const page = await openPage(env.browser);
  await page.goto(`${env.url}/van-ban?q=${encodeURIComponent(`${num} ${fold(code)}`)}`);
  await page.locator(".doc-row").first().waitFor();
  const numbers = (await page.locator(".doc-row__number").allTextContents()).map((t) => t.trim());
  assert.ok(numbers.includes(d.number), `${d.number} not in ${numbers}`);
  await page.context().close();
});

test("a file downloads with its name and exact bytes", async () => {
  const d = docs.find((x) => x.files.length > 0);
  const file = d.files[0];
  const page = await openPage(env.browser, { acceptDownloads: true });
  await page.goto(`${env.url}/van-ban/${d.id}`);
  await page.locator(".file__download").first().waitFor();
  const link = page.locator(".file__download").first();
  assert.equal(await link.getAttribute("download"), file.name);
  assert.match(await link.textContent(), /(PDF|DOCX|TXT|DOC|ODT) · [\d.,]+ (B|KB|MB)/);
  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  assert.equal(download.suggestedFilename(), file.name);
  const got = readFileSync(await download.path());
  const want = readFileSync(join(DIST, "feed", file.url));
  assert.equal(got.length, file.size);
  assert.ok(got.equals(want), "the bytes are the file's");
  await page.context().close();
});

test("a replaced document says so and links to its replacement", async () => {
  const d = docs.find((x) => x.replaced_by.length > 0);
  const by = docs.find((x) => x.id === d.replaced_by[0]);
  const page = await openPage(env.browser);
  await page.goto(`${env.url}/van-ban/${d.id}`);
  const banner = page.locator(".banner--replaced");
  await banner.waitFor();
  assert.match(await banner.textContent(), /đã được thay thế/);
  await banner.locator("a").first().click();
  await page.waitForURL(`${env.url}/van-ban/${by.id}`);
  await page.locator("h1", { hasText: by.number }).waitFor();
  await page.context().close();
});

test("a document with no signer or no effective date shows no empty row and a sound status", async () => {
  const unsigned = docs.find((x) => !x.signer);
  const undated = docs.find((x) => !x.effective && !x.expires && !x.replaced_by?.length);
  assert.ok(unsigned && undated, "the sample has both");
  const page = await openPage(env.browser);
  const rows = async () => (await page.locator(".document__fields th").allTextContents()).map((t) => t.trim());
  await page.goto(`${env.url}/van-ban/${unsigned.id}`);
  await page.locator(".document__fields").waitFor();
  assert.ok(!(await rows()).includes("Người ký"), "no signer row");
  assert.ok((await rows()).includes("Cơ quan ban hành"));

  await page.goto(`${env.url}/van-ban/${undated.id}`);
  await page.getByRole("heading", { level: 1, name: `${undated.type} ${undated.number}` }).waitFor();
  assert.ok(!(await rows()).includes("Ngày hiệu lực"), "no effective-date row");
  // In force from the day it was issued.
  const status = page.locator(".document__fields tr", { has: page.locator("th", { hasText: "Tình trạng" }) });
  assert.equal((await status.locator("td").textContent()).trim(), "Còn hiệu lực");
  assert.equal(await page.locator(".banner").count(), 0);
  // The library's status filter counts it among those in force.
  await page.goto(`${env.url}/van-ban?hieu-luc=con-hieu-luc`);
  await page.getByRole("link", { name: undated.number, exact: true }).waitFor();
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("a document page shows its fields and loads by direct URL", async () => {
  const d = docs.find((x) => x.signer);
  const page = await openPage(env.browser);
  await page.goto(`${env.url}/van-ban/${d.id}`);
  await page.locator(".document__fields").waitFor();
  assert.equal((await page.locator("h1").textContent()).trim(), `${d.type} ${d.number}`);
  const text = await page.locator(".document__fields").textContent();
  for (const v of [d.number, d.issuer, d.signer.name]) assert.ok(text.includes(v), v);
  await page.goto(`${env.url}/van-ban/khong-co-van-ban-nay`);
  await page.getByText("Không tìm thấy văn bản").first().waitFor();
  await page.context().close();
});
