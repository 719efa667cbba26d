// The calculator page's head start. The page loads this module from its <head> as an async module, so it runs as
// soon as it has arrived, while the page is still being parsed and laid out. On a return visit it starts the worker;
// otherwise it has the runtime's big files preloaded once the page has painted (preloadRuntimeAfterFirstPaint).
//
// When the service worker controls the page and a memory snapshot of this very runtime is stored (a visit ran it
// before, so its files are on this device too), the calculator's worker starts here at once, instead of after the
// page's load event, and the page script (calculator-page.mjs) takes it over; the worker's messages until then are
// kept for it. Otherwise the page starts the worker after its load event, so that downloading and compiling the
// runtime do not compete with the page's first layout: on a first visit, and on the first visit after a deploy (the
// old service worker then controls a page whose runtime it does not hold). Here, the host is then asked how it sends
// the runtime's big files, and they are preloaded (below).
// Nothing here throws: without a head start the page simply starts the worker itself.
import { snapshotCacheName } from "./calculator-runtime.mjs";
import "./page-check.mjs"; // asks the service worker about this page from <head> too (see the file)
import { runtimeSupported } from "./runtime-client.mjs";
import { decideEarly, howToFetch, preloadUrl } from "./runtime-files.mjs";

// The calculator's worker script; the page starts this same one when there is no head start.
export const WORKER = new URL("./calculator-worker.mjs", import.meta.url);
// The runtime's big files to preload, in an inert <template> of the page's <head>.
const PRELOADS = "template[data-runtime-preloads]";
const early = startEarly();
// Preloads only without a head start: with one, this device holds the runtime, and asking Cache Storage about each
// file here would only hold up the worker's own reads (Cache Storage answers one question after another).
early.then((started) => started || preloadRuntimeAfterFirstPaint());

async function startEarly() {
  try {
    const supported = runtimeSupported() && "serviceWorker" in navigator && typeof caches === "object";
    if (!supported || !navigator.serviceWorker.controller) return null;
    if (!(await caches.has(snapshotCacheName(WORKER.href)))) return null;
    const worker = new Worker(WORKER, { type: "module" });
    const messages = [];
    const errors = [];
    const keepMessage = (event) => messages.push(event.data || {});
    const keepError = (event) => errors.push(event.message || "worker error");
    worker.addEventListener("message", keepMessage);
    worker.addEventListener("error", keepError);
    return {
      worker,
      // Stop keeping the worker's messages; returns those kept so far.
      release() {
        worker.removeEventListener("message", keepMessage);
        worker.removeEventListener("error", keepError);
        return { messages, errors };
      },
    };
  } catch (error) {
    console.warn("kmo-calculator: no head start:", error);
    return null;
  }
}

let taken = false;

// The worker started here, once: a promise of {worker, release()}, or of null (no head start, or already taken).
export function takeEarlyWorker() {
  if (taken) return Promise.resolve(null);
  taken = true;
  return early;
}

// A first visit's head start: the runtime's big files (the page's <template data-runtime-preloads>) start downloading
// once the page has painted its content. Not sooner, because on a slow line they would hold back the page's own
// stylesheet and so its first paint; and from here, not from the page script, which runs only once the whole
// document is parsed. A file marked data-packed is preloaded the way the worker will ask for it (runtime-files.mjs),
// or not at all: the HEAD requests that decide the form go out at once (a few hundred bytes), so their answers are
// in by then.
function preloadRuntimeAfterFirstPaint() {
  try {
    decideEarly();
  } catch (error) {
    console.warn("kmo-calculator: no preloads:", error);
    return;
  }
  contentPainted().then(() => {
    const template = document.querySelector(PRELOADS);
    if (!template) return;
    for (const link of [...template.content.cloneNode(true).children]) {
      if (!link.hasAttribute("data-packed")) {
        document.head.append(link);
        continue;
      }
      const url = new URL(link.getAttribute("href"), document.baseURI).href;
      howToFetch(url).then((how) => {
        const wanted = preloadUrl(url, how);
        if (!wanted) return;
        link.href = wanted;
        document.head.append(link);
      });
    }
  });
}

// Settles once the page has painted content: its first contentful paint, where the browser reports paints (this
// module runs while the document is still being parsed, so a frame before that may have painted nothing of the page,
// or its text not yet), else once a frame ran with the calculator in the document and is on screen. By then the
// preloads' <template>, which comes before the calculator, is parsed.
function contentPainted() {
  const calculatorShown = new Promise((resolve) => {
    const frame = () => {
      if (document.querySelector("[data-calculator]")) setTimeout(resolve, 0);
      else if (document.readyState === "loading") requestAnimationFrame(frame);
      else resolve(); // not the calculator page after all: nothing to preload
    };
    requestAnimationFrame(frame);
  });
  const observable = typeof PerformanceObserver === "function" && PerformanceObserver.supportedEntryTypes;
  if (!(observable || []).includes("paint")) return calculatorShown;
  const painted = new Promise((resolve) => {
    const observer = new PerformanceObserver((list) => {
      if (!list.getEntriesByName("first-contentful-paint").length) return;
      observer.disconnect();
      resolve();
    });
    observer.observe({ type: "paint", buffered: true });
  });
  return Promise.all([painted, calculatorShown]);
}
