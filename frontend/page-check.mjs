// The calculator page and its service worker (service-worker.js) on a return visit.
//
// The service worker serves this page from its cache and checks it against the network's page at once. This module
// asks for that check's outcome as soon as it runs (calculator-boot.mjs imports it from the top of <head>), so the
// outcome is in long before the calculator has started:
// - "current": the network has this very page;
// - "offline": the network is out of reach (or answered something that is not this page): the cached page is all
//   there is, as offline;
// - "updated": the network has another page (a new deploy): the page reloads into it before it shows any answer;
// - "network": no service worker served this page (a first visit);
// - "unanswered": no outcome within STATUS_TIMEOUT_MS. The page goes on, and still reloads should "updated" come
//   later.
// With the question it sends this page's runtime folder, which names the rules it calculates with: a service worker
// that no longer holds the check it made for this page (it was restarted, or a new one took over) checks that folder
// against the network's page instead.
//
// It also tells the service worker when the calculator has shown its first answer, which lets the site search's
// index through (the service worker holds it back for this page until then).
import { runtimeFolderName } from "./calculator-runtime.mjs";

const STATUS_TIMEOUT_MS = 10000;
const RELOADED_KEY = "kmo-calculator-reloaded";
const RELOAD_GUARD_MS = 30000;

const outcome = askForCheck();
let answered = false;

// A promise of true when the page may show answers, of false when it is reloading into a new page.
export function pageIsCurrent() {
  return outcome.then((status) => !(status === "updated" && reloadIntoNewPage()));
}

// Called with every answer shown; only the first one counts.
export function calculatorAnswered() {
  if (answered) return;
  answered = true;
  performance.mark("kmo-calculator-answered");
  const controller = serviceWorker() && navigator.serviceWorker.controller;
  if (controller) controller.postMessage({ type: "calculator-answered" });
}

function serviceWorker() {
  try {
    return "serviceWorker" in navigator ? navigator.serviceWorker : null;
  } catch {
    return null; // an opaque-origin document throws on reading it
  }
}

function askForCheck() {
  try {
    const container = serviceWorker();
    if (!container || !container.controller) return Promise.resolve("network");
    return new Promise((resolve) => {
      let settled = false;
      const timer = setTimeout(() => settle("unanswered"), STATUS_TIMEOUT_MS);
      function settle(status) {
        clearTimeout(timer);
        if (!settled) resolve(status);
        else if (status === "updated") reloadIntoNewPage(); // a late outcome: answers are shown already
        settled = true;
      }
      container.addEventListener("message", (event) => {
        if (event.data && event.data.type === "page-status") settle(event.data.status);
      });
      container.startMessages();
      container.controller.postMessage({ type: "page-status", runtime: runtimeFolderName(import.meta.url) });
    });
  } catch (error) {
    console.warn("kmo-calculator: no page check:", error);
    return Promise.resolve("network");
  }
}

// Reload into the new page, once: the service worker fetches that reload from the network. Should the reloaded page
// be reported outdated again within RELOAD_GUARD_MS (the service worker could not keep the new page and was restarted
// meanwhile), it goes on instead of reloading for ever.
function reloadIntoNewPage() {
  try {
    const last = Number(sessionStorage.getItem(RELOADED_KEY));
    if (last && Date.now() - last < RELOAD_GUARD_MS) return false;
    sessionStorage.setItem(RELOADED_KEY, String(Date.now()));
  } catch {
    // No sessionStorage (a locked-down browser): reload without the guard.
  }
  location.reload();
  return true;
}
