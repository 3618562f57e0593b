// bantin's service worker. scripts/post-build.mjs fills in the release's
// version, its exact list of app files and the protocol the app and this
// worker share (cache names, headers, messages, the feed's folders: written
// once, in crates/format/src/protocol.rs); this file is the template, and
// it names no value of the protocol itself (a test checks).
//
// Caches:
//   appCachePrefix + version  the app files of one release (precached, cache-first)
//   feedCache                 feed JSON (network-first with a short timeout;
//                             articles stored in the last day: stored, then revalidated;
//                             the archive index's parts: stored, never fetched again)
//   imageCache                images (stale-while-revalidate)
//   savedCache                documents and articles (with their pictures) the reader
//                             saved: never cleared by us, not on a new release either;
//                             answered from when the network fails
const VERSION = "__BANTIN_VERSION__";
const RELEASE = "__BANTIN_RELEASE__";
const APP_FILES = [/* __BANTIN_APP_FILES__ */];
const PROTOCOL = {/* __BANTIN_PROTOCOL__ */};

const APP_CACHE = `${PROTOCOL.appCachePrefix}${VERSION}`;
const FEED_CACHE = PROTOCOL.feedCache;
const IMAGE_CACHE = PROTOCOL.imageCache;
// How long the feed may take before the stored copy is shown instead.
const FEED_TIMEOUT_MS = 3500;

const SCOPE = new URL(self.registration.scope);
const appUrl = (file) => new URL(file, SCOPE).href;
const APP_URLS = new Set(APP_FILES.map(appUrl));
const SHELL = appUrl("shell.html");

self.addEventListener("install", (event) => {
  // "reload" skips the HTTP cache, so a release never mixes in old files.
  event.waitUntil(
    caches.open(APP_CACHE).then((cache) => cache.addAll(APP_FILES.map((f) => new Request(appUrl(f), { cache: "reload" })))),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith(PROTOCOL.appCachePrefix) && name !== APP_CACHE) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("message", (event) => {
  const data = event.data || {};
  if (data.type === PROTOCOL.messageSkipWaiting) self.skipWaiting();
  if (data.type === PROTOCOL.messageVersion && event.ports[0]) event.ports[0].postMessage({ version: VERSION, release: RELEASE });
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  const sameOrigin = url.origin === SCOPE.origin;

  if (request.mode === "navigate" && sameOrigin && isAppRoute(url)) {
    event.respondWith(appShell(request));
  } else if (APP_URLS.has(url.origin + url.pathname)) {
    event.respondWith(cacheFirst(request));
  } else if (isArchivePart(url.pathname)) {
    event.respondWith(storedForGood(request, event));
  } else if (isArticle(url.pathname)) {
    event.respondWith(storedThenRevalidate(request, event));
  } else if (url.pathname.endsWith(".json")) {
    event.respondWith(networkFirst(request, event));
  } else if (request.destination === "image" || /\.(png|jpe?g|gif|webp|avif|svg)$/i.test(url.pathname)) {
    event.respondWith(staleWhileRevalidate(request, event));
  } else if (sameOrigin) {
    event.respondWith(networkThenStored(request));
  }
});

// A page of the app (a path without a file extension, under the scope):
// answered with this release's index.html, so pages open with no network.
function isAppRoute(url) {
  if (!url.pathname.startsWith(SCOPE.pathname)) return false;
  const last = url.pathname.slice(SCOPE.pathname.length).split("/").pop();
  return !last.includes(".") || last === "index.html";
}

async function appShell(request) {
  const cached = await caches.match(SHELL, { cacheName: APP_CACHE });
  if (cached) return cached;
  return fetch(request);
}

async function cacheFirst(request) {
  const cached = await caches.match(request, { cacheName: APP_CACHE });
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await put(APP_CACHE, request, response.clone());
  return response;
}

// The feed: the network when it answers in time, else the stored copy,
// marked so the app can say it is offline and since when.
async function networkFirst(request, event) {
  const network = fetch(request, { cache: "no-cache" }).then(async (response) => {
    await storeFeedFile(request, response.clone());
    return response;
  });
  // A late answer still refreshes the store.
  event.waitUntil(network.catch(() => {}));
  const timeout = new Promise((resolve) => setTimeout(() => resolve("timeout"), FEED_TIMEOUT_MS));
  let outcome;
  try {
    outcome = await Promise.race([network, timeout]);
  } catch {
    outcome = "no-network";
  }
  // A server error is treated like no network: the stored copy is better.
  if (outcome instanceof Response && outcome.status < 500) return outcome;
  const stored = await caches.match(request);
  if (stored) {
    return withHeaders(stored, { [PROTOCOL.sourceHeader]: outcome instanceof Response ? PROTOCOL.sourceStale : PROTOCOL.sourceOffline });
  }
  if (outcome instanceof Response) return outcome;
  if (outcome === "timeout") {
    try {
      return await network;
    } catch {}
  }
  return new Response("", { status: 504, statusText: "Offline", headers: { [PROTOCOL.sourceHeader]: PROTOCOL.sourceMissing } });
}

// An article stored within the last day opens at once, without a round
// trip, and is fetched again behind it, so a correction shows on the next
// visit. Older or missing ones go to the network first.
const ARTICLES = `/${PROTOCOL.articlesDir}`;
const isArticle = (path) => path.endsWith(".json") && path.includes(ARTICLES) && !path.slice(path.lastIndexOf(ARTICLES) + ARTICLES.length).includes("/");
const ARTICLE_FRESH_MS = 24 * 3600 * 1000;

async function storedThenRevalidate(request, event) {
  const stored = await caches.match(request, { cacheName: FEED_CACHE });
  const fetched = Date.parse(stored?.headers.get(PROTOCOL.fetchedHeader) || "");
  if (!stored || !(Date.now() - fetched < ARTICLE_FRESH_MS)) return networkFirst(request, event);
  event.waitUntil(
    fetch(request, { cache: "no-cache" })
      .then((response) => storeFeedFile(request, response))
      .catch(() => {}),
  );
  return stored;
}

// The parts of the archive index (search/{build}/…, format doc §7.8) and
// of the library index (library/{build}/…, §7.9) are named by a hash of
// the whole index: a stored part never changes, so it is answered from the
// store without a round trip, offline or not (a part the page fetched
// online is stored as it passes). The roots (search/index.json,
// library/index.json) are feed JSON like any other.
const HASHED_DIRS = [`/${PROTOCOL.searchDir}`, `/${PROTOCOL.libraryDir}`];
const isArchivePart = (path) =>
  path.endsWith(".json") &&
  HASHED_DIRS.some((dir) => {
    const at = path.lastIndexOf(dir);
    return at >= 0 && path.slice(at + dir.length).includes("/");
  });

async function storedForGood(request, event) {
  const stored = await caches.match(request, { cacheName: FEED_CACHE });
  return stored || networkFirst(request, event);
}

async function staleWhileRevalidate(request, event) {
  const stored = await caches.match(request);
  const network = fetch(request)
    .then(async (response) => {
      if (response.ok || response.type === "opaque") await put(IMAGE_CACHE, request, response.clone());
      return response;
    })
    .catch(() => null);
  if (stored) {
    event.waitUntil(network);
    return stored;
  }
  return (await network) || new Response("", { status: 504, statusText: "Offline" });
}

// Document files and anything else of ours: the network, else whatever
// copy is stored (a document the reader saved, say).
async function networkThenStored(request) {
  try {
    return await fetch(request);
  } catch (error) {
    const stored = await caches.match(request);
    if (stored) return stored;
    throw error;
  }
}

// Only a whole JSON file replaces the stored copy: a truncated answer or
// an HTML error page must not overwrite what works. The copy carries when
// it was fetched, for the app's offline banner.
async function storeFeedFile(request, response) {
  if (response.ok && (await isJson(response.clone()))) {
    await put(FEED_CACHE, request, await withHeaders(response, { [PROTOCOL.fetchedHeader]: new Date().toISOString() }));
  }
}

async function isJson(response) {
  try {
    JSON.parse(await response.text());
    return true;
  } catch {
    return false;
  }
}

async function withHeaders(response, extra) {
  const headers = new Headers(response.headers);
  for (const [k, v] of Object.entries(extra)) headers.set(k, v);
  return new Response(await response.blob(), { status: response.status, statusText: response.statusText, headers });
}

// Storing may fail (quota, private mode): the answer still reaches the page.
async function put(cacheName, request, response) {
  try {
    const cache = await caches.open(cacheName);
    await cache.put(request, response);
  } catch (error) {
    console.warn("bantin: could not store", request.url, error && error.name);
  }
}
