// A return visit's head start. The calculator page loads this module from its <head> as an async module, so it runs
// as soon as it has arrived, while the page is still being parsed and laid out.
//
// When the service worker controls the page, the runtime is on this device: the service worker holds every runtime
// file in its cache before it takes control. The calculator's worker then starts here at once, instead of after the
// page's load event, and the page script (calculator-page.mjs) takes it over. The worker's messages until then are
// kept for it. On a first visit nothing happens here: the page starts the worker after its load event, so that
// downloading and compiling the runtime do not compete with the page's first layout.

let early = null;

if (
  typeof navigator.serviceWorker === "object" &&
  navigator.serviceWorker.controller &&
  typeof WebAssembly === "object" &&
  typeof Worker === "function"
) {
  try {
    const worker = new Worker(new URL("./calculator-worker.mjs", import.meta.url), { type: "module" });
    const messages = [];
    const errors = [];
    const keepMessage = (event) => messages.push(event.data || {});
    const keepError = (event) => errors.push(event.message || "worker error");
    worker.addEventListener("message", keepMessage);
    worker.addEventListener("error", keepError);
    early = {
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
  }
}

// The worker started here, once: {worker, release()}, or null (a first visit, or already taken).
export function takeEarlyWorker() {
  const taken = early;
  early = null;
  return taken;
}
