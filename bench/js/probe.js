// Installed before any page script (an init script): collects main-thread blocks and the moment the calculator says
// it is ready, and says so on the console (__READY__, which bench/browser.py fills in), so the bench waits without
// running anything in the page.
// Two measures, both reported: the Long Tasks API (tasks over 50 ms, as the browser defines them), and a
// setTimeout(0) heartbeat, where a gap of more than 50 ms between beats means the main thread could not run a timer
// that long (it also counts rendering work between tasks, such as the first style and layout). An earlier Chromium
// showed the API missing most of the naive page's 1.9 s block; with Chromium 156 both see it (1862 and 1875 ms).
window.__bench = { longTasks: [], apiLongTasks: [], ready: null };
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) window.__bench.apiLongTasks.push([entry.startTime, entry.duration]);
}).observe({ type: "longtask", buffered: true });
let lastBeat = performance.now();
(function beat() {
  const now = performance.now();
  if (now - lastBeat > 50) window.__bench.longTasks.push([lastBeat, now - lastBeat]);
  lastBeat = now;
  if (window.__bench.ready === null || now - window.__bench.ready < 100) setTimeout(beat, 0);
})();
new MutationObserver(() => {
  const root = document.querySelector("[data-calculator]");
  if (root && root.dataset.state === "ready" && window.__bench.ready === null) {
    window.__bench.ready = performance.now();
    console.log(__READY__);
  }
}).observe(document, { subtree: true, attributes: true, attributeFilter: ["data-state"], childList: true });
