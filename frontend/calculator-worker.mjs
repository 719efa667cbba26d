// The calculator's runtime: Pyodide in a module Web Worker, never on the page's main thread.
//
// It loads Pyodide and the kmo-calculator wheel from the same versioned folder as this file (no other host), then
// answers {type: "evaluate", id, request} with {type: "answer", id, answer}, and {type: "agenda", id, request} with
// {type: "answer", id, answer: {ok, errors, filename, ics}} (the iCalendar file of the timeline). Both are computed
// by the Python package (calculator.evaluate, calculator.agenda.agenda): no rule lives in JavaScript.
//
// Messages to the page: {type: "progress", percent}, {type: "ready", seconds, restored}, {type: "answer", id,
// answer}, {type: "error", message} when the runtime cannot start, {type: "failed", id, message} when one answer
// fails.
//
// Return visits start from a memory snapshot: after the first start, once the calculator has answered and the
// worker is idle, it stores pyodide.makeMemorySnapshot(), packed (only its blocks that are not all zero:
// calculator-runtime.mjs), in Cache Storage (snapshotCacheName: a prefix and the runtime folder's name, which holds
// the Pyodide version and a hash of every runtime file, the wheel included) and deletes older ones. The next start
// restores it (the interpreter with the calculator imported and its rules loaded) instead of starting Python and
// importing everything again. A snapshot that fails to restore is deleted and the worker starts as on a first visit.
// Pyodide checks that a snapshot comes from the same build.
import { loadPyodide } from "./pyodide.mjs";
import {
  CALCULATOR_FUNCTIONS,
  RESTORED_FUNCTIONS,
  SNAPSHOT_CACHE_PREFIX,
  checkedWheel,
  installWheel,
  packSnapshot,
  snapshotCacheName,
  unpackSnapshot,
  wheelEntry,
} from "./calculator-runtime.mjs";
import { fetchRuntimeFile, putAsideSettled } from "./runtime-files.mjs";

const folder = new URL("./", import.meta.url).href;
const snapshotCache = snapshotCacheName(import.meta.url);
const SNAPSHOT_KEY = new URL("memory-snapshot", folder).href;
const SNAPSHOT_DELAY_MS = 2000;
const started = performance.now();
let evaluateJson = null;
let agendaJson = null;

function post(message) {
  self.postMessage(message);
}

// The runtime's files this worker asks for by name, written in by the build from the runtime's manifest
// (build_scripts/runtime_manifest.py): {lock, loader, progress: {file: share of the bytes}}. The wheel's name is in
// the lock file.
const RUNTIME = __RUNTIME_MANIFEST__;

// Progress: the runtime files finish downloading one by one; their share of the bytes drives the bar (5 % to 90 %).
const shares = new Map(Object.entries(RUNTIME.progress));
const totalShare = [...shares.values()].reduce((sum, share) => sum + share, 0);
let downloaded = 0;
let shown = 0;
let finished = false;
function progress(percent) {
  if (finished) return;
  shown = Math.min(100, Math.max(shown, Math.round(percent)));
  post({ type: "progress", percent: shown });
}
if (typeof PerformanceObserver === "function") {
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if (!entry.decodedBodySize) continue; // a HEAD request (runtime-files.mjs), not the file
        const name = entry.name.split("/").pop().split("?")[0].replace(/\.br$/, ""); // a file or its .br copy
        if (shares.has(name)) {
          downloaded += shares.get(name);
          shares.delete(name);
          progress(5 + (85 * downloaded) / totalShare);
        }
      }
    }).observe({ type: "resource", buffered: true });
  } catch {
    // Progress is a courtesy: without resource timing the bar jumps from start to ready.
  }
}

// A failed download inside Pyodide can surface as an unhandled rejection instead of rejecting loadPyodide:
// report it as a start failure, so the page shows its error at once instead of waiting for the watchdog.
self.addEventListener("unhandledrejection", (event) => {
  event.preventDefault();
  if (!evaluateJson) fail(event.reason);
});

// A runtime file that breaks off while Pyodide reads it: a start failure, unless the runtime has started already.
function startFailed(error) {
  if (!evaluateJson) fail(error);
}

function fail(error) {
  if (finished) return;
  finished = true;
  post({ type: "error", message: String((error && error.message) || error) });
}

// Pyodide catches a failed download of its WebAssembly file, logs "wasm instantiation failed!" and then waits for
// ever; whether the failure also surfaces as an unhandled rejection depends on timing. So every download this
// worker makes goes through this wrapper: a request that fails, or answers with an HTTP error, before the runtime
// is ready is a start failure at once, whatever Pyodide does with it afterwards.
//
// The start asks for the runtime's big files at once (askEarly, below) instead of one after another as Pyodide
// reaches them; Pyodide's own request for such a file then gets the response already under way, once. Each comes
// from this device's cache, from the host as it is or as its .br copy unpacked here (runtime-files.mjs).
const nativeFetch = self.fetch.bind(self);
const early = new Map();
function askEarly(name) {
  const url = new URL(name, folder).href;
  const response = fetchRuntimeFile(url, nativeFetch, startFailed);
  response.catch(() => {}); // a failure is reported when Pyodide asks for the file, through the wrapper below
  early.set(url, response);
}
function takeEarly(resource, options) {
  if (options && options.integrity) return null; // a request with its own integrity check gets its own response
  const url = resource instanceof Request ? resource.url : new URL(String(resource), folder).href;
  const response = early.get(url);
  early.delete(url);
  return response;
}
self.fetch = async (resource, options) => {
  let response;
  try {
    response = await (takeEarly(resource, options) || nativeFetch(resource, options));
  } catch (error) {
    if (!evaluateJson) fail(error);
    throw error;
  }
  if (!response.ok && !evaluateJson) fail(new Error(`HTTP ${response.status}: ${response.url}`));
  return response;
};

// The smallest valid WebAssembly module (magic number and version). If the page's Content-Security-Policy forbids
// compiling WebAssembly ('wasm-unsafe-eval' missing), compiling it fails at once; Pyodide itself would only log a
// warning and wait forever, so this check turns a hang into a clear error.
const EMPTY_MODULE = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);

async function storedSnapshot() {
  try {
    // caches.match, not caches.open: opening would create the cache, and the page's head start takes an existing
    // snapshot cache as "a snapshot is stored" (calculator-boot.mjs).
    return (await caches.match(SNAPSHOT_KEY, { cacheName: snapshotCache })) || null;
  } catch {
    return null; // no Cache Storage here (a private window may refuse it): start as on a first visit
  }
}

async function storeSnapshot(pyodide) {
  try {
    const snapshot = pyodide.makeMemorySnapshot();
    const packed = packSnapshot(snapshot);
    for (const name of await caches.keys()) {
      if (name.startsWith(SNAPSHOT_CACHE_PREFIX) && name !== snapshotCache) await caches.delete(name);
    }
    const headers = { "Content-Type": "application/octet-stream" };
    await (await caches.open(snapshotCache)).put(SNAPSHOT_KEY, new Response(packed, { headers }));
  } catch (error) {
    console.warn("kmo-calculator: no memory snapshot:", error);
  }
}

async function loadFromSnapshot(options, snapshot) {
  const stored = await snapshot;
  if (!stored) return null;
  try {
    // A promise: Pyodide reads and unpacks the snapshot while it loads its own script.
    const memory = stored.arrayBuffer().then((buffer) => unpackSnapshot(new Uint8Array(buffer)));
    return await loadPyodide({ ...options, _loadSnapshot: memory });
  } catch (error) {
    console.warn("kmo-calculator: the memory snapshot did not restore; starting afresh:", error);
    await caches.delete(snapshotCache).catch(() => {});
    return null;
  }
}

async function start() {
  // The check that WebAssembly may be compiled runs alongside the requests below (they are only wasted if it fails).
  const wasmAllowed = WebAssembly.compile(EMPTY_MODULE);
  wasmAllowed.catch(() => {}); // awaited below
  // Everything the start reads is asked for now, together: Pyodide's script (the same module Pyodide imports later),
  // its WebAssembly and standard library, the memory snapshot, the lock file and then the wheel. Pyodide takes the
  // lock file as a promise.
  import(new URL(RUNTIME.loader, folder).href).catch(() => {}); // a failure is reported by Pyodide's own import of it
  for (const name of Object.keys(RUNTIME.progress)) {
    if (name !== RUNTIME.loader && name !== RUNTIME.lock) askEarly(name); // the WebAssembly, the standard library
  }
  const snapshot = storedSnapshot();
  const lock = fetch(new URL(RUNTIME.lock, folder)).then((response) => response.json());
  const entry = lock.then(wheelEntry);
  const wheel = entry.then(async (found) => {
    const response = await fetchRuntimeFile(new URL(found.file_name, folder).href, nativeFetch, startFailed);
    if (!response.ok) throw new Error(`HTTP ${response.status}: ${response.url}`);
    return checkedWheel(found, new Uint8Array(await response.arrayBuffer()));
  });
  entry.catch(() => {}); // a failure is reported where each is awaited, below
  wheel.catch(() => {});
  await wasmAllowed;
  progress(2);
  const options = {
    indexURL: folder,
    packageBaseUrl: folder,
    lockFileContents: lock,
    packages: [],
    stdout: () => {},
    stderr: (line) => console.warn(line),
  };
  let pyodide = await loadFromSnapshot(options, snapshot);
  const restored = Boolean(pyodide);
  if (!pyodide) pyodide = await loadPyodide({ ...options, _makeSnapshot: true });
  progress(90);
  installWheel(pyodide, await entry, await wheel);
  // A snapshot holds the two functions (it is made after CALCULATOR_FUNCTIONS ran); should one lack them, they are
  // defined again rather than failing every start from that snapshot.
  const inSnapshot = restored && pyodide.globals.has("evaluate_json") && pyodide.globals.has("agenda_json");
  const functions = pyodide.runPython(inSnapshot ? RESTORED_FUNCTIONS : CALCULATOR_FUNCTIONS);
  agendaJson = functions.get(1);
  evaluateJson = functions.get(0);
  await putAsideSettled();
  progress(100);
  finished = true;
  post({ type: "ready", seconds: (performance.now() - started) / 1000, restored });
  if (!restored && typeof caches === "object") setTimeout(() => storeSnapshot(pyodide), SNAPSHOT_DELAY_MS);
}

// JSON has no Infinity, and JSON.stringify writes null for a number too large for JavaScript (1e309 in a shared
// link), which the package would read as a missing field. Such a number is sent as the token Python's json reads
// (Infinity, -Infinity, NaN), so the package names the problem at its field.
const NOT_FINITE = "\u0000not-finite:";

function requestJson(request) {
  const text = JSON.stringify(request, (key, value) =>
    typeof value === "number" && !Number.isFinite(value) ? NOT_FINITE + String(value) : value,
  );
  return text.replace(/"\\u0000not-finite:(-?Infinity|NaN)"/g, "$1");
}

self.addEventListener("message", (event) => {
  const message = event.data || {};
  if (message.type !== "evaluate" && message.type !== "agenda") return;
  if (!evaluateJson) {
    post({ type: "failed", id: message.id, message: "not ready" });
    return;
  }
  try {
    const run = message.type === "agenda" ? agendaJson : evaluateJson;
    const answer = JSON.parse(run(requestJson(message.request)));
    post({ type: "answer", id: message.id, answer });
  } catch (error) {
    post({ type: "failed", id: message.id, message: String((error && error.message) || error) });
  }
});

start().catch(fail);
