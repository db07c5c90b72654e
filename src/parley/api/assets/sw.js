// The members' pages' service worker (scope /app): the app shell for a reload while the
// server is out of reach, so a member can still write and sign (the outbox, outbox.js,
// sends it later).
//
// It keeps the shell (/app), the pages' scripts, their message catalogs and the entry
// schemas (public: what the page checks a body against before signing) — nothing else.
// Network first: while the server answers, the page always gets the current version
// (and the copy is refreshed); only when it does not is the kept copy used. API answers
// (/v1/..., which carry a member's token and the channel's private record) are never
// touched: they go to the network as if there were no worker.
//
// The server fills in BUILD (routes/pages.py): the list to keep and a version that
// changes with any of them; a new version is a new cache, and older caches are deleted
// when it takes over.

const BUILD = /*BUILD*/ { version: "dev", shell: ["/app"] } /*END*/;
const CACHE = `parley-shell-${BUILD.version}`;
const KEPT = new Set(BUILD.shell);

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    // One by one: a file that fails (a catalog being deployed) does not void the rest.
    await Promise.all(BUILD.shell.map((url) => cache.add(new Request(url, { cache: "no-cache" })).catch(() => {})));
    await self.skipWaiting();
  })());
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith("parley-shell-") && name !== CACHE) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

/** The path a request is kept under, or null when this worker leaves it alone. */
function keptAs(request) {
  if (request.method !== "GET") return null;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return null;
  if (url.pathname === "/app") return "/app"; // the shell, whatever the query
  if (KEPT.has(url.pathname) && !url.search) return url.pathname;
  // A script or catalog added since this worker was built is kept too, once fetched.
  if (/^\/assets\/(i18n\/)?[\w.-]+\.(js|json)$/.test(url.pathname) && url.pathname !== "/assets/sw.js" && !url.search) return url.pathname;
  return null;
}

self.addEventListener("fetch", (event) => {
  const key = keptAs(event.request);
  if (!key) return; // the network, untouched (every /v1 call but the public schemas)
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    try {
      const r = await fetch(event.request);
      if (r.ok && r.type === "basic") await cache.put(key, r.clone());
      return r;
    } catch (e) {
      const kept = await cache.match(key);
      if (kept) return kept;
      throw e;
    }
  })());
});
