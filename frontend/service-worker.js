// The calculator's service worker, so that the calculator starts from the device on a return visit and works
// offline after one visit. It sits at the site's root because the calculator's Pyodide worker, in the runtime
// folder, is only controlled by a registration whose scope holds that folder. It answers only for the calculator
// page, the files it lists and the calculator page's request for the search index; every other request (the
// information pages) goes to the network untouched.
//
// build_scripts/service_worker.py writes this file into the site with MANIFEST filled in: the versioned runtime
// folder's files, the page's stylesheets and scripts, and a version that changes whenever one of their bytes does.
// The page registers it once the calculator is ready, so precaching reads what the visit has just downloaded.
//
// - install: every listed file into the cache CACHE, its name the runtime prefix and the version (the build writes
//   the caches' prefixes into MANIFEST.caches from build_scripts/runtime_manifest.py, the one place that names them);
//   but the runtime's big files, which come from what the calculator's worker fetched (adoptPacked, below);
// - activate: delete every older cache of this prefix (a new deploy replaces the old one), and every memory snapshot
//   and unpacked-files cache of another runtime (stored by the calculator's worker);
// - the page itself: from the cache when it is there (a return visit then starts without waiting for the network),
//   and checked against the network's page at once, byte for byte. The page asks for that check ("page-status",
//   frontend/page-check.mjs) before it shows its first answer: "current", "offline" (the network is out of reach, or
//   answered with something that is not the calculator page, such as a Wi-Fi login page: the cached page is all there
//   is, as offline), or "updated" (a new deploy: the new page replaces the cached one, the next navigation comes
//   from the network, and the page reloads into it). Without a cached copy: the network, as any page;
// - the listed files: cache first (their URLs are versioned or their bytes are in the version);
// - the site search's index (search/search_index.json) when the calculator page asks for it: held until that page
//   says its calculator has answered ("calculator-answered"), at most SEARCH_HOLD_MS. The theme builds its search
//   index as soon as it has it, about 70 ms of processor time that on a return visit would compete with the
//   calculator's start; the search box works a moment later instead.
// Pyodide's own version check stays on: a runtime from one version and a lock file from another cannot start.
const MANIFEST = __MANIFEST__;
const PREFIX = MANIFEST.caches.runtime;
const CACHE = PREFIX + MANIFEST.version;
const SNAPSHOTS = MANIFEST.caches.snapshot;
const page = new URL(MANIFEST.page, self.location.href).href;
const files = new Set(MANIFEST.files.map((file) => new URL(file, self.location.href).href));

// The runtime's big files (MANIFEST.packed) are never downloaded here: the calculator's worker has fetched them in
// whichever form the host serves best (frontend/runtime-files.mjs). Each is taken from the cache the worker put it in
// after unpacking its .br copy (UNPACKED), or from the browser's HTTP cache when the worker fetched the file itself.
// At install time after a deploy, the worker may still be downloading them: they are then taken once the calculator
// has answered ("calculator-answered", adoptPacked), and until then the worker's own cache serves them.
const UNPACKED = MANIFEST.caches.unpacked + MANIFEST.runtime;
const packed = MANIFEST.packed.map((file) => new URL(file, self.location.href).href);

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      await cache.addAll([page, ...[...files].filter((file) => !packed.includes(file))]);
      await adoptPacked();
      await self.skipWaiting();
    })(),
  );
});

// The big files into this worker's cache, from the worker's unpacked copies or the HTTP cache; once all are there,
// the unpacked copies are deleted. download: once the calculator has answered, a file found in neither (a browser
// that dropped it from its HTTP cache) is downloaded, so that the calculator still works offline.
async function adoptPacked(download = false) {
  if (!(await caches.has(CACHE))) return; // a newer worker has taken over
  const cache = await caches.open(CACHE);
  let missing = 0;
  for (const file of packed) {
    if (await cache.match(file)) continue;
    const held = (await caches.match(file, { cacheName: UNPACKED })) || (await fromHttpCache(file));
    if (held) await cache.put(file, held);
    else if (download) await cache.add(file).catch(() => (missing += 1));
    else missing += 1;
  }
  if (!missing) await caches.delete(UNPACKED);
}

async function fromHttpCache(file) {
  try {
    const response = await fetch(file, { cache: "only-if-cached", mode: "same-origin" });
    return response.ok ? response : null;
  } catch {
    return null;
  }
}

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        const old = name.startsWith(PREFIX)
          ? name !== CACHE
          : [SNAPSHOTS, MANIFEST.caches.unpacked].some((prefix) => name.startsWith(prefix) && name !== prefix + MANIFEST.runtime);
        if (old) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = bare(request.url);
  if (request.mode === "navigate" && url === page) {
    event.respondWith(pageResponse(event));
  } else if (files.has(url)) {
    event.respondWith(cacheFirst(request, url, event.clientId));
  } else if (url === searchIndex && event.clientId && request.referrer && bare(request.referrer) === page) {
    event.respondWith(heldSearchIndex(request, event.clientId));
  }
});

const searchIndex = new URL("search/search_index.json", self.location.href).href;
const SEARCH_HOLD_MS = 10000;
const answered = new Set(); // calculator pages (client ids) that have answered
const holds = new Map(); // client id → release

// An address without its query and fragment.
function bare(address) {
  const url = new URL(address);
  url.hash = "";
  url.search = "";
  return url.href;
}

async function heldSearchIndex(request, clientId) {
  if (!answered.has(clientId)) {
    await new Promise((release) => {
      holds.set(clientId, release);
      setTimeout(release, SEARCH_HOLD_MS);
    });
  }
  holds.delete(clientId);
  answered.delete(clientId);
  return fetch(request);
}

// The calculator page preloads the runtime's big files (rel=preload) so that a first visit downloads them with the
// page. Only its worker reads them; once they are in this cache, a preload from the page itself gets an empty
// answer instead of megabytes it would never use.
const preloaded = new Set(MANIFEST.preloaded.map((file) => new URL(file, self.location.href).href));

async function cacheFirst(request, key, clientId) {
  const cached = (await caches.match(key, { cacheName: CACHE })) || (await caches.match(key, { cacheName: UNPACKED }));
  if (cached && clientId && preloaded.has(key)) {
    const client = await self.clients.get(clientId);
    if (client && client.type === "window") return new Response(null, { status: 204 });
  }
  return cached || fetch(request);
}

// The page's check, per client (the page's window), until the page asks for it.
const pageChecks = new Map();
// After a check found another page: the reload that follows comes from the network, whether or not the cache could
// take the new page.
let networkNext = false;

async function pageResponse(event) {
  const cached = networkNext ? null : await caches.match(page, { cacheName: CACHE }).catch(() => null);
  networkNext = false;
  if (!cached) {
    const [response, status] = await networkFirst(event.request);
    pageChecks.set(event.resultingClientId, Promise.resolve(status));
    return response;
  }
  const check = checkPage(cached.clone());
  pageChecks.set(event.resultingClientId, check);
  event.waitUntil(check);
  return cached;
}

// The network's page against the cached one, byte for byte; another page replaces the cached one.
async function checkPage(cached) {
  return checkAgainstNetwork(async (fresh) => sameBytes(fresh, new Uint8Array(await cached.arrayBuffer())));
}

// The network's page against the runtime folder a page names: for a page whose own check this worker no longer holds
// (it was restarted since, or took over from an older worker). The folder's name is a hash of the runtime, the rules
// included.
function checkRuntime(folder) {
  return checkAgainstNetwork(async (fresh, text) => typeof folder === "string" && text.includes(`/${folder}/`));
}

// same(bytes, text) says whether the network's page is the page in question.
async function checkAgainstNetwork(same) {
  try {
    const response = await fetch(page, { cache: "no-cache" });
    const type = response.headers.get("Content-Type") || "";
    if (!response.ok || response.redirected || !type.startsWith("text/html")) return "offline";
    const fresh = new Uint8Array(await response.clone().arrayBuffer());
    const text = new TextDecoder().decode(fresh);
    if (!text.includes("data-calculator")) return "offline"; // not the calculator page
    if (await same(fresh, text)) return "current";
    networkNext = true;
    await keepPage(response);
    return "updated";
  } catch {
    return networkNext ? "updated" : "offline";
  }
}

// Into this worker's cache, unless a newer worker has deleted it meanwhile.
async function keepPage(response) {
  if (await caches.has(CACHE)) await (await caches.open(CACHE)).put(page, response);
}

// The page from the network (kept in the cache), or the cached copy when the network fails; and its status.
async function networkFirst(request) {
  try {
    const response = await fetch(request);
    if (response.ok && (response.headers.get("Content-Type") || "").startsWith("text/html")) {
      await keepPage(response.clone()).catch(() => {});
    }
    return [response, "current"];
  } catch (error) {
    const cached = await caches.match(page, { cacheName: CACHE });
    if (cached) return [cached, "offline"];
    throw error;
  }
}

function sameBytes(a, b) {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return false;
  return true;
}

self.addEventListener("message", (event) => {
  const client = event.source;
  if (!client || !event.data) return;
  if (event.data.type === "calculator-answered") {
    const release = holds.get(client.id);
    if (release) release();
    else answered.add(client.id);
    event.waitUntil(adoptPacked(true));
    return;
  }
  if (event.data.type !== "page-status") return;
  const check = pageChecks.get(client.id) || checkRuntime(event.data.runtime);
  pageChecks.delete(client.id);
  event.waitUntil(check.then((status) => client.postMessage({ type: "page-status", status })));
});
