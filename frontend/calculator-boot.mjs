// A return visit's head start. The calculator page loads this module from its <head> as an async module, so it runs
// as soon as it has arrived, while the page is still being parsed and laid out.
//
// When the service worker controls the page and a memory snapshot of this very runtime is stored (a visit ran it
// before, so its files are on this device too), the calculator's worker starts here at once, instead of after the
// page's load event, and the page script (calculator-page.mjs) takes it over; the worker's messages until then are
// kept for it. Otherwise nothing happens here and the page starts the worker after its load event, so that
// downloading and compiling the runtime do not compete with the page's first layout: on a first visit, and on the
// first visit after a deploy (the old service worker then controls a page whose runtime it does not hold).
// Nothing here throws: without a head start the page simply starts the worker itself.
import { snapshotCacheName } from "./calculator-runtime.mjs";
import "./page-check.mjs"; // asks the service worker about this page from <head> too (see the file)
import { runtimeSupported } from "./runtime-client.mjs";

// The calculator's worker script; the page starts this same one when there is no head start.
export const WORKER = new URL("./calculator-worker.mjs", import.meta.url);
const early = startEarly();

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
