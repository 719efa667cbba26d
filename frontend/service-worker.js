// The calculator's service worker, so that the calculator starts from the device on a return visit and works
// offline after one visit. It sits at the site's root because the calculator's Pyodide worker, in the runtime
// folder, is only controlled by a registration whose scope holds that folder. It answers only for the calculator
// page and the files it lists; every other request (the information pages) goes to the network untouched.
//
// build_scripts/service_worker.py writes this file into the site with MANIFEST filled in: the versioned runtime
// folder's files, the page's stylesheets and scripts, and a version that changes whenever one of their bytes does.
// The page registers it once the calculator is ready, so precaching reads what the visit has just downloaded.
//
// - install: every listed file into the cache "kmo-rekenmodule-<version>";
// - activate: delete every older "kmo-rekenmodule-*" cache (a new deploy replaces the old one), and every memory
//   snapshot of another runtime ("kmo-snapshot-*", stored by the calculator's worker);
// - the page itself: network first, the cached copy when the network fails (so a new deploy is seen at once);
// - the listed files: cache first (their URLs are versioned or their bytes are in the version).
// Pyodide's own version check stays on: a runtime from one version and a lock file from another cannot start.
const MANIFEST = __MANIFEST__;
const PREFIX = "kmo-rekenmodule-";
const CACHE = PREFIX + MANIFEST.version;
const SNAPSHOTS = "kmo-snapshot-";
const page = new URL(MANIFEST.page, self.location.href).href;
const files = new Set(MANIFEST.files.map((file) => new URL(file, self.location.href).href));

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      await cache.addAll([page, ...files]);
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        const old = name.startsWith(PREFIX) ? name !== CACHE : name.startsWith(SNAPSHOTS) && name !== SNAPSHOTS + MANIFEST.runtime;
        if (old) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  url.hash = "";
  url.search = "";
  if (request.mode === "navigate" && url.href === page) {
    event.respondWith(networkFirst(request));
  } else if (files.has(url.href)) {
    event.respondWith(cacheFirst(request, url.href, event.clientId));
  }
});

// The calculator page preloads the runtime's big files (rel=preload) so that a first visit downloads them with the
// page. Only its worker reads them; once they are in this cache, a preload from the page itself gets an empty
// answer instead of megabytes it would never use.
const preloaded = new Set(MANIFEST.preloaded.map((file) => new URL(file, self.location.href).href));

async function cacheFirst(request, key, clientId) {
  const cached = await caches.match(key, { cacheName: CACHE });
  if (cached && clientId && preloaded.has(key)) {
    const client = await self.clients.get(clientId);
    if (client && client.type === "window") return new Response(null, { status: 204 });
  }
  return cached || fetch(request);
}

async function networkFirst(request) {
  try {
    const response = await fetch(request);
    if (response.ok) {
      const cache = await caches.open(CACHE);
      await cache.put(page, response.clone());
    }
    return response;
  } catch (error) {
    const cached = await caches.match(page, { cacheName: CACHE });
    if (cached) return cached;
    throw error;
  }
}
