// Draws the app icons in public/icons/ from the star of public/favicon.svg,
// with Debian's Chromium. Run by hand when the logo changes (the PNGs are
// committed): node scripts/icons.mjs
import { createRequire } from "node:module";
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";

const require = createRequire(new URL("../tests/e2e/package.json", import.meta.url));
const { chromium } = require("playwright-core");
const out = fileURLToPath(new URL("../public/icons/", import.meta.url));
mkdirSync(out, { recursive: true });

const STAR = "M32 12l5.9 12.9 14.1 1.6-10.5 9.5 2.9 13.9L32 42.8l-12.4 7.1 2.9-13.9L12 26.5l14.1-1.6z";
// Rounded tile for "any"; full bleed with the star inside the safe circle
// (the middle 80%) for "maskable" and for iOS, which rounds it itself.
const svg = (rounded, scale) =>
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" width="100%" height="100%">` +
  `<rect width="64" height="64" ${rounded ? 'rx="12"' : ""} fill="#a50e0e"/>` +
  `<g transform="translate(32 31) scale(${scale}) translate(-32 -31)"><path d="${STAR}" fill="#ffd400"/></g></svg>`;

const icons = [
  ["icon-192.png", 192, svg(true, 1)],
  ["icon-512.png", 512, svg(true, 1)],
  ["maskable-512.png", 512, svg(false, 0.72)],
  ["apple-touch-icon.png", 180, svg(false, 0.85)],
];

const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
});
for (const [name, size, markup] of icons) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(`<html><body style="margin:0">${markup}</body></html>`);
  await page.screenshot({ path: `${out}${name}`, omitBackground: true });
  await page.close();
}
await browser.close();
console.log(`icons written to ${out}`);
