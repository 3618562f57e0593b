// A site for a generated feed (`bantin-feed gen`): the release build
// without its bundled feed and published pages, the app's own page as
// index.html (nginx falls back to shell.html for every other address),
// and the generated feed linked in as feed/. Shared by the end-to-end
// tests of large feeds and the benchmark's scale tables.
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

// What `bantin-feed publish` wrote into the release for the bundled feed.
const PUBLISHED = /^(tin-tuc|van-ban|lich-cong-tac)(\/|$)|^index\.html(\.(br|gz))?$|^og-card\.png$|^\.bantin-publish\.json$/;

/** Copies `dist` into `site` for the feed at `feed` (see the module's doc). */
export function composeSite(dist, feed, site) {
  cpSync(dist, site, {
    recursive: true,
    filter: (src) => !src.startsWith(join(dist, "feed")) && !PUBLISHED.test(relative(dist, src)),
  });
  cpSync(join(dist, "shell.html"), join(site, "index.html"));
  symlinkSync(feed, join(site, "feed"));
}

/**
 * Runs the feed tool: `BANTIN_FEED_TOOL` if set, else the checkout's own
 * through cargo (the build the release's post-build step already made).
 */
export function feedTool(args, options = {}) {
  const tool = process.env.BANTIN_FEED_TOOL;
  return tool
    ? execFileSync(tool, args, { encoding: "utf8", ...options })
    : execFileSync("cargo", ["run", "--quiet", "--locked", "-p", "bantin-feed", "--", ...args], { cwd: ROOT, encoding: "utf8", ...options });
}

/**
 * Generates a feed of `articles` articles (documents and calendar weeks in
 * proportion) dated up to `today`, and a site serving it from `dist`.
 * Resolves to { feed, site, file(path), dir(path), remove() }.
 */
export function generatedSite(dist, { articles, today, seed = 1 }) {
  if (!existsSync(join(dist, "shell.html"))) throw new Error(`no release build in ${dist}: run \`trunk build --release\` first`);
  const work = mkdtempSync(join(tmpdir(), `bantin-gen-${articles}-`));
  const feed = join(work, "feed");
  const site = join(work, "site");
  feedTool(["gen", "--articles", String(articles), "--seed", String(seed), "--out", feed, "--today", today], { stdio: ["ignore", "ignore", "inherit"] });
  composeSite(dist, feed, site);
  return {
    feed,
    site,
    /** A JSON file of the feed. */
    file: (path) => JSON.parse(readFileSync(join(feed, path), "utf8")),
    /** The names of a folder's files, sorted. */
    dir: (path) => readdirSync(join(feed, path)).sort(),
    remove: () => rmSync(work, { recursive: true, force: true }),
  };
}
