"""Benchmark: our calculator page against a naive Pyodide embed of the same wheel, on the same host, in one run.

    python -m bench.run [--runs 5] [--no-build] [--out bench/results] [--no-lighthouse]

The naive reference page (generated here, under /naive/ of the same server) is what a first attempt looks like:
Pyodide on the main thread from the stock npm files (stock lock file, full standard library), the wheel loaded with
``loadPackage`` after the runtime booted, no preloading, no service worker. Both pages answer the same contract
request with ``calculator.evaluate``.

Both pages are served by one server (build_scripts/serve.py) that limits all its responses together to 20 Mbit/s
and adds 40 ms to each (so the workers' requests are slowed too), under four host configurations, one after the
other in the same run on the same machine:

- ``precompressed``: what HOSTING.md prescribes (hosting/nginx/): a ``.br`` / ``.gz`` copy when the file has one,
  gzip on the fly for other compressible files (the naive page's stock files have no copies, so they get gzip);
- ``ghpages``: as GitHub Pages serves: gzip on the fly (level 6) for text, JSON, JavaScript and WebAssembly, never
  for zip types, our copies ignored, none of the site's ``_headers`` (no custom header at all: the Content-Security-
  Policy comes only from the pages' ``<meta>``), and ``Cache-Control: max-age=600`` on every response;
- ``gzip``: a host that gzips every compressible file on the fly (level 6) and ignores our copies, with ``_headers``;
- ``none``: a host that compresses nothing (with ``_headers``).

Measured for both pages on each host, ``--runs`` times after one warm-up run (median, min, max), the two pages
interleaved run by run in alternating order, so that a drift in the machine's speed touches both alike:

- ready, cold: navigation to calculator ready in a new browser context;
- ready, return visit: the same in a new tab of that context (ours: once its service worker holds the runtime;
  the naive page: from the HTTP cache);
- main-thread long tasks during boot: the sum of main-thread blocks over 50 ms until ready (a heartbeat probe);
- input change to result shown; bytes on the wire for the cold load, and for the return visit (what a browser with
  its HTTP cache and, for ours, the service worker's cache still downloads).

Then: whether the calculator answers offline after one visit (server stopped, HTTP cache emptied), and Lighthouse's
performance score (desktop and mobile presets) for the home page and the calculator on the precompressed host, and
for the calculator on the ``ghpages`` host. The report holds the targets of issues 12 and 22, each on its host. It
never fails: figures that miss a target are reported as such.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

from build_scripts import build_site
from build_scripts.chromium import CHROMIUM, CHROMIUM_ARGS
from build_scripts.serve import Server, make_server, serve_in_thread

ROOT = Path(__file__).resolve().parent.parent
BENCH_SITE = ROOT / "build" / "bench-site"
NAIVE = Path(__file__).resolve().parent / "naive"
RATE_MBIT = 20.0
LATENCY_MS = 40.0

READY_MESSAGE = "kmo-bench: ready"
# Installed before any page script: collects main-thread blocks and the moment the calculator says it is ready (and
# says so on the console, READY_MESSAGE, for load() below).
# Two measures, both reported: the Long Tasks API (tasks over 50 ms, as the browser defines them), and a
# setTimeout(0) heartbeat, where a gap of more than 50 ms between beats means the main thread could not run a timer
# that long (it also counts rendering work between tasks, such as the first style and layout). An earlier Chromium
# showed the API missing most of the naive page's 1.9 s block; with Chromium 156 both see it (1862 and 1875 ms).
PROBE = """
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
""".replace("__READY__", json.dumps(READY_MESSAGE))

# One input change, timed in the page from the input event to the new result in the DOM.
INPUT_TO_RESULT = """
async ([input, output, value]) => {
  const field = document.querySelector(input);
  const target = document.querySelector(output);
  const before = target ? target.textContent : null;
  return await new Promise((resolve) => {
    const started = performance.now();
    const observer = new MutationObserver(() => {
      const now = document.querySelector(output);
      if (now && now.textContent !== before) {
        observer.disconnect();
        requestAnimationFrame(() => resolve(performance.now() - started));
      }
    });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
    field.value = value;
    field.dispatchEvent(new Event("input", { bubbles: true }));
  });
}
"""

EXAMPLE = {
    "application_date": "2026-11-27",
    "enterprise": {
        "legal_form": "bv",
        "region": "vlaanderen",
        "public_participation_pct": "0",
        "main_activity_eligible": True,
        "fte": "12,5",
        "turnover": "1.500.000",
        "balance_total": "900.000",
        "linked": [],
        "partners": [],
        "locked_size": None,
    },
    "services": [{"kind": "pentest", "amount": "8.000,00", "start_date": "2026-11-20"}],
}

VARIANTS = {
    # name: (path, input selector, output selector)
    "ours": (
        "rekenmodule/#aanvraag=" + urllib.parse.quote(json.dumps(EXAMPLE, separators=(",", ":"))),
        "#services-1-bedrag",
        "[data-answer='support_total']",
    ),
    "naive": ("naive/", "#bedrag", "#steun"),
}
INFORMATION_PAGE = "steun/"


def log(message: str) -> None:
    print(f"[bench] {message}", file=sys.stderr, flush=True)


def prepare_site() -> None:
    """The built site plus the naive page, its stock Pyodide copy and the wheel."""
    shutil.rmtree(BENCH_SITE, ignore_errors=True)
    shutil.copytree(build_site.SITE, BENCH_SITE)
    naive = BENCH_SITE / "naive"
    shutil.copytree(NAIVE, naive)
    runtime = naive / "pyodide"
    runtime.mkdir()
    for name in ("pyodide.js", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json"):
        shutil.copy2(build_site.PYODIDE_PACKAGE / name, runtime / name)
    (wheel,) = build_site.WHEELS.glob("kmo_calculator-*.whl")
    shutil.copy2(wheel, naive / "kmo_calculator.whl")


class Recorder:
    """Bytes on the wire per page load, from Playwright's request sizes (headers + encoded body).

    Asking a request for its sizes costs a round trip to the browser, so the requests are only kept while the page
    loads and asked once the timed load is over (count()); stop() before a load that is timed but not counted."""

    def __init__(self, context: BrowserContext) -> None:
        self.requests: list[Any] = []
        self.context = context
        context.on("requestfinished", self._keep)

    def _keep(self, request: Any) -> None:
        self.requests.append(request)

    def count(self) -> int:
        total = 0
        for request in self.requests:
            sizes = request.sizes()
            total += sizes["responseBodySize"] + sizes["responseHeadersSize"]
        return total

    @property
    def urls(self) -> list[str]:
        return [request.url for request in self.requests]

    def stop(self) -> None:
        self.context.remove_listener("requestfinished", self._keep)


# The browser's own work is kept out of the measured loads, the same for both pages:
# - Chromium 156 in new headless mode runs the full browser UI. Its omnibox popup is a WebUI page in a renderer of its
#   own that loads with every new tab and refreshes its tab suggestions whenever a tab navigates: 175–370 ms of CPU on
#   this 2-core machine, during the very load being timed (seen in a trace of a return visit). Puppeteer disables the
#   same two features by default. Chromium keeps only the last --disable-features switch, and Playwright passes its
#   own list, so the switch given here holds Playwright's list (read from the installed driver) plus these two.
# - Every measured load opens its tab first and waits before navigating, so the tab's own start is not timed.
BROWSER_UI_FEATURES_OFF = ("WebUIOmniboxPopup", "WebUIOmniboxAimPopup")
TAB_SETTLE_MS = 1000


def playwright_disabled_features() -> list[str]:
    """The features Playwright disables when it launches Chromium, read from the installed driver's bundle."""
    import playwright

    bundle = Path(playwright.__file__).parent / "driver" / "package" / "lib" / "coreBundle.js"
    found = re.search(r"disabledFeatures = \[(.*?)\]\.filter", bundle.read_text(encoding="utf-8"), re.S)
    if not found:
        raise RuntimeError(f"no disabledFeatures list in {bundle}: Playwright changed how it launches Chromium")
    return re.findall(r'"([^"]+)"', re.sub(r"//[^\n]*", "", found.group(1)))


def browser_args() -> list[str]:
    features = [*playwright_disabled_features(), *BROWSER_UI_FEATURES_OFF]
    return [*CHROMIUM_ARGS, "--disable-features=" + ",".join(dict.fromkeys(features))]


def new_tab(context: BrowserContext) -> Page:
    page = context.new_page()
    page.wait_for_timeout(TAB_SETTLE_MS)
    return page


def load(page: Page, url: str, timeout: float = 180_000) -> dict[str, float]:
    # The probe says "ready" on the console, which reaches the bench without running anything in the page. Polling the
    # page (wait_for_function) would run Playwright's injected script and a check every 20 ms on the page's main thread
    # during the very load being timed: about 30 ms of a 580 ms return visit on this 2-core machine.
    with page.expect_console_message(lambda message: message.text == READY_MESSAGE, timeout=timeout):
        page.goto(url, wait_until="commit")
    bench = page.evaluate("() => window.__bench")
    ready = bench["ready"]
    # Only what blocked the thread before the calculator was ready: a heartbeat gap that runs past "ready" is cut
    # there (the page's first render after ready is not boot), and must still be over 50 ms to count.
    clipped = [min(start + duration, ready) - start for start, duration in bench["longTasks"] if start < ready]
    blocking = sum(duration for duration in clipped if duration > 50)
    api = sum(duration for start, duration in bench["apiLongTasks"] if start <= ready)
    return {"ready_ms": ready, "blocking_ms": blocking, "api_blocking_ms": api}


def summary(values: Sequence[float]) -> dict[str, float]:
    return {"median": statistics.median(values), "min": min(values), "max": max(values), "runs": len(values)}


# Each host: (build_scripts/serve.py compression mode, whether the site's _headers apply, headers on every response).
HOST_KINDS: dict[str, tuple[str, bool, dict[str, str]]] = {
    "precompressed": ("precompressed", True, {}),
    "ghpages": ("gzip", False, {"Cache-Control": "max-age=600"}),
    "gzip": ("gzip", True, {}),
    "none": ("none", True, {}),
}
HOSTS = tuple(HOST_KINDS)
# The targets of issues 12 and 22: (issue, host, figure key, how it is compared, limit, label). Ratios are ours over
# the naive embed's median on the same host.
TARGETS = (
    (22, "ghpages", "calculator_page_bytes", "ratio", 0.75, "bytes, cold"),
    (22, "ghpages", "ready_cold_ms", "ratio", 0.65, "ready, cold"),
    (22, "ghpages", "ready_return_ms", "ratio", 0.30, "ready, return visit"),
    (22, "none", "calculator_page_bytes", "ratio", 1.0, "bytes, cold"),
    (22, "precompressed", "calculator_page_bytes", "ratio", 0.65, "bytes, cold"),
    (22, "precompressed", "ready_cold_ms", "ratio", 0.55, "ready, cold"),
    (22, "precompressed", "ready_return_ms", "ratio", 0.25, "ready, return visit"),
    (12, "precompressed", "ready_return_ms", "absolute", 500.0, "ready, return visit, absolute (ms)"),
    (
        12,
        "precompressed",
        "long_tasks_api_cold_ms",
        "absolute",
        50.0,
        "long tasks during boot (ms, sum, Long Tasks API)",
    ),
    (
        12,
        "precompressed",
        "blocking_cold_ms",
        "absolute",
        50.0,
        "main-thread blocks during boot (ms, sum of heartbeat gaps > 50 ms)",
    ),
)
LIGHTHOUSE_TARGET = ("ghpages", "calculator-mobile", 95)
FIGURES = (
    ("Ready, cold cache (ms)", "ready_cold_ms"),
    ("Ready, return visit (ms)", "ready_return_ms"),
    ("Main-thread long tasks during boot (ms, sum of blocks > 50 ms)", "blocking_cold_ms"),
    ("Same, as the Long Tasks API reports it (ms)", "long_tasks_api_cold_ms"),
    ("Main-thread long tasks during a return visit (ms)", "blocking_return_ms"),
    ("Input change to result shown (ms)", "input_to_result_ms"),
    ("Calculator page, bytes transferred (cold)", "calculator_page_bytes"),
    ("Calculator page, bytes transferred (return visit)", "return_visit_bytes"),
)

WAIT_FOR_OFFLINE_COPY = """async () => {
  if (!navigator.serviceWorker.controller) return false;
  const names = await caches.keys();
  const filled = async (prefix) => {
    for (const name of names.filter((n) => n.startsWith(prefix))) {
      if ((await (await caches.open(name)).keys()).length > 0) return true;
    }
    return false;
  };
  return (await filled("kmo-rekenmodule-")) && (await filled("kmo-snapshot-"));
}"""


DELETE_SNAPSHOTS = """async () => {
  for (const name of await caches.keys()) if (name.startsWith("kmo-snapshot-")) await caches.delete(name);
}"""


def wait_for_offline_copy(page: Page, limit_s: float = 120) -> None:
    """Poll until the service worker controls the page and its cache holds the files, and the calculator's worker
    has stored its memory snapshot (wait_for_function would take the async function's promise itself as true)."""
    deadline = time.monotonic() + limit_s
    while not page.evaluate(WAIT_FOR_OFFLINE_COPY):
        if time.monotonic() > deadline:
            raise RuntimeError("the service worker did not take the runtime into its cache")
        page.wait_for_timeout(50)


class VariantRuns:
    """One page's visits on one host: each run opens a new browser context (a cold load, then a return visit)."""

    def __init__(self, variant: str) -> None:
        self.variant = variant
        self.cold: list[dict[str, float]] = []
        self.returning: list[dict[str, float]] = []
        self.page_bytes: list[float] = []
        self.return_bytes: list[float] = []
        self.latencies: list[float] = []
        self.starts: list[str] = []
        self.no_snapshot: list[float] = []

    def visit(self, browser: Browser, base: str, run: int) -> None:
        """Run 0 warms the machine up and is not counted."""
        path, input_selector, output_selector = VARIANTS[self.variant]
        url = base + path
        ours = self.variant == "ours"
        context = browser.new_context(locale="nl-BE", viewport={"width": 1400, "height": 1000})
        context.add_init_script(PROBE)
        recorder = Recorder(context)
        page = new_tab(context)
        first = load(page, url)
        page.wait_for_timeout(300)  # let late requests finish before counting bytes
        recorder.stop()
        cold_bytes = recorder.count()
        if ours:  # the return visit starts once the service worker holds the runtime
            wait_for_offline_copy(page)
        page.close()
        recorder = Recorder(context)
        page = new_tab(context)
        second = load(page, url)
        page.wait_for_timeout(300)
        recorder.stop()
        return_bytes = recorder.count()
        if ours:
            self.starts.append(page.get_attribute("[data-calculator]", "data-start") or "")
            # The same return visit without the memory snapshot (its cache deleted first): what the snapshot gains.
            page.evaluate(DELETE_SNAPSHOTS)
            page.close()
            page = new_tab(context)
            without = load(page, url)
            if run:
                self.no_snapshot.append(without["ready_ms"])
        if run:
            self.cold.append(first)
            self.returning.append(second)
            self.page_bytes.append(cold_bytes)
            self.return_bytes.append(return_bytes)
            for step in range(4):
                value = f"{8000 + 1000 * run + 111 * step},00"
                self.latencies.append(page.evaluate(INPUT_TO_RESULT, [input_selector, output_selector, value]))
        context.close()

    def figures(self) -> dict[str, Any]:
        return {
            "ready_cold_ms": summary([r["ready_ms"] for r in self.cold]),
            "ready_return_ms": summary([r["ready_ms"] for r in self.returning]),
            "blocking_cold_ms": summary([r["blocking_ms"] for r in self.cold]),
            "long_tasks_api_cold_ms": summary([r["api_blocking_ms"] for r in self.cold]),
            "blocking_return_ms": summary([r["blocking_ms"] for r in self.returning]),
            "input_to_result_ms": summary(self.latencies),
            "calculator_page_bytes": summary(self.page_bytes),
            "return_visit_bytes": summary(self.return_bytes),
            "return_visit_starts": self.starts,
            **({"ready_return_without_snapshot_ms": summary(self.no_snapshot)} if self.no_snapshot else {}),
        }


def measure_host(browser: Browser, base: str, runs: int) -> dict[str, dict[str, Any]]:
    """Both pages on one host, run by run and in alternating order (ours first on even runs, the naive page first on
    odd ones), so that a change in the machine's speed during the run touches both pages alike."""
    collected = {variant: VariantRuns(variant) for variant in VARIANTS}
    for run in range(runs + 1):
        order = list(VARIANTS) if run % 2 == 0 else list(reversed(VARIANTS))
        for variant in order:
            collected[variant].visit(browser, base, run)
    return {variant: variant_runs.figures() for variant, variant_runs in collected.items()}


def disk_cache_bytes(playwright: Any, base: str) -> dict[str, float]:
    """Bytes of one cold visit per page in a browser profile with a disk cache, as a real browser has. The measured
    contexts above keep their HTTP cache in memory, where Chromium does not store a response body as large as the
    uncompressed WebAssembly (9.6 MB): on a host that compresses nothing, the file the page preloads is then
    downloaded again when the worker asks for it."""
    found: dict[str, float] = {}
    for variant, (path, _, _) in VARIANTS.items():
        with tempfile.TemporaryDirectory() as profile:
            context = playwright.chromium.launch_persistent_context(
                profile, executable_path=CHROMIUM, args=browser_args(), locale="nl-BE"
            )
            try:
                context.add_init_script(PROBE)
                recorder = Recorder(context)
                page = new_tab(context)
                load(page, base + path)
                page.wait_for_timeout(300)
                recorder.stop()
                found[variant] = recorder.count()
            finally:
                context.close()
    return found


def information_page_bytes(browser: Browser, base: str, runs: int) -> dict[str, Any]:
    values = []
    runtime_requests = 0
    for _ in range(runs):
        context = browser.new_context()
        recorder = Recorder(context)
        page = context.new_page()
        page.goto(base + INFORMATION_PAGE, wait_until="load")
        page.wait_for_timeout(500)
        values.append(recorder.count())
        runtime_requests += sum("/assets/rekenmodule/" in url or "pyodide" in url for url in recorder.urls)
        context.close()
    return {"bytes": summary(values), "runtime_requests": runtime_requests}


def offline_after_one_visit(browser: Browser) -> dict[str, Any]:
    """Visit once, wait for the service worker's copy, stop the server, empty the HTTP cache, open the page again.

    Again in a new tab: going to the very same address (its fragment included) in the same tab is a same-document
    navigation, which loads nothing and would report the first visit's answer."""
    server, base = serve_in_thread(BENCH_SITE)
    context = browser.new_context(locale="nl-BE")
    context.add_init_script(PROBE)
    page = context.new_page()
    try:
        load(page, base + VARIANTS["ours"][0])
        wait_for_offline_copy(page)
    finally:
        server.shutdown()
        server.server_close()
    context.new_cdp_session(page).send("Network.clearBrowserCache")
    page.close()
    page = context.new_page()
    try:
        offline = load(page, base + VARIANTS["ours"][0], timeout=60_000)
        shown = page.text_content(VARIANTS["ours"][2]) or ""
        return {"answers": bool(shown.strip()), "ready_ms": offline["ready_ms"], "shown": shown.strip()}
    except Exception as error:
        return {"answers": False, "error": str(error)[:300]}
    finally:
        context.close()


LIGHTHOUSE_PAGES = {
    "precompressed": (("home", ""), ("calculator", "rekenmodule/")),
    "ghpages": (("calculator", "rekenmodule/"),),
}


def lighthouse_performance(host: str) -> dict[str, Any]:
    """Lighthouse's performance score (its own simulated throttling) on one host kind, unthrottled server."""
    lighthouse = ROOT / "node_modules" / ".bin" / "lighthouse"
    scores: dict[str, Any] = {}
    server, base = serve(host)
    try:
        with tempfile.TemporaryDirectory() as folder:
            for name, path in LIGHTHOUSE_PAGES[host]:
                for preset in ("desktop", "mobile"):
                    output = Path(folder) / f"{name}-{preset}.json"
                    command = [
                        str(lighthouse),
                        base + path,
                        "--quiet",
                        "--output=json",
                        f"--output-path={output}",
                        f"--chrome-flags={' '.join([*CHROMIUM_ARGS, '--headless=new'])}",
                        "--only-categories=performance",
                        "--max-wait-for-load=60000",
                        *(["--preset=desktop"] if preset == "desktop" else []),
                    ]
                    log(f"lighthouse: {host}, {name}, {preset}")
                    subprocess.run(
                        command,
                        env=os.environ | {"CHROME_PATH": CHROMIUM},
                        capture_output=True,
                        timeout=300,
                        check=False,
                    )
                    report = json.loads(output.read_text()) if output.is_file() else {}
                    score = (report.get("categories") or {}).get("performance", {}).get("score")
                    scores[f"{name}-{preset}"] = round(score * 100) if score is not None else None
    finally:
        server.shutdown()
        server.server_close()
    return scores


def serve(host: str, **options: Any) -> tuple[Server, str]:
    """The bench site served as this host kind would (HOST_KINDS)."""
    compression, own_headers, added = HOST_KINDS[host]
    server, settings = make_server(BENCH_SITE, 0, compression=compression, extra_headers=added, **options)
    if not own_headers:
        settings.rules = []
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def ratio(ours: float, naive: float) -> float:
    return round(ours / naive, 3) if naive else float("inf")


def run(runs: int, lighthouse: bool = True, hosts: tuple[str, ...] = HOSTS) -> dict[str, Any]:
    results: dict[str, Any] = {"runs": runs, "network": f"{RATE_MBIT:g} Mbit/s + {LATENCY_MS:g} ms", "hosts": {}}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=browser_args())
        results["chromium"] = browser.version
        for host in hosts:
            server, base = serve(host, rate_mbit=RATE_MBIT, latency_ms=LATENCY_MS)
            try:
                log(f"host {host}: both pages, {runs} runs after a warm-up, interleaved")
                figures: dict[str, Any] = dict(measure_host(browser, base, runs))
                figures["ratios"] = {
                    key: ratio(figures["ours"][key]["median"], figures["naive"][key]["median"]) for _, key in FIGURES
                }
                if host == "none":
                    figures["disk_cache_cold_bytes"] = disk_cache_bytes(playwright, base)
                if host == "precompressed":
                    figures["information_page"] = information_page_bytes(browser, base, max(1, min(runs, 3)))
                results["hosts"][host] = figures
            finally:
                server.shutdown()
                server.server_close()
        log("offline after one visit")
        results["offline"] = offline_after_one_visit(browser)
        browser.close()
    if lighthouse:
        results["lighthouse_performance"] = {
            host: lighthouse_performance(host) for host in LIGHTHOUSE_PAGES if host in hosts
        }
    results["targets"] = targets(results)
    return results


def targets(results: dict[str, Any]) -> list[dict[str, Any]]:
    rows = []
    for issue, host, key, kind, limit, label in TARGETS:
        if host not in results["hosts"]:
            continue
        figures = results["hosts"][host]
        value = figures["ratios"][key] if kind == "ratio" else figures["ours"][key]["median"]
        rows.append(
            {
                "issue": issue,
                "host": host,
                "figure": label,
                "kind": kind,
                "value": value,
                "target": limit,
                "met": value <= limit,
            }
        )
    host, name, minimum = LIGHTHOUSE_TARGET
    score = results.get("lighthouse_performance", {}).get(host, {}).get(name)
    if score is not None:
        rows.append(
            {
                "issue": 22,
                "host": host,
                "figure": f"Lighthouse performance, {name}",
                "kind": "score",
                "value": score,
                "target": minimum,
                "met": score >= minimum,
            }
        )
    answers = bool(results.get("offline", {}).get("answers"))
    rows.append(
        {
            "issue": 12,
            "host": "precompressed",
            "figure": "offline after one visit",
            "kind": "yes/no",
            "value": answers,
            "target": True,
            "met": answers,
        }
    )
    return rows


def markdown(results: dict[str, Any]) -> str:
    lines = [
        f"Chromium {results['chromium']}, {results['network']} for all responses together, {results['runs']} runs "
        "after a warm-up; median (min–max). Both pages on the same server, host by host, in one run.",
        "",
        "### Targets (ratios: ours / the naive embed on the same host)",
        "",
        "| issue | host | figure | ours | target | met |",
        "|---|---|---|---|---|---|",
    ]
    for row in results.get("targets", []):
        value, kind = row["value"], row["kind"]
        if kind == "ratio":
            shown, target = f"{value:.3f}×", f"≤ {row['target']:.2f}×"
        elif kind == "absolute":
            shown, target = f"{value:.0f}", f"≤ {row['target']:.0f}"
        elif kind == "score":
            shown, target = f"{value}", f"≥ {row['target']}"
        else:
            shown, target = ("answers" if value else "does not answer"), "answers"
        lines.append(
            f"| {row['issue']} | {row['host']} | {row['figure']} | {shown} | {target} | "
            f"{'met' if row['met'] else '**no**'} |"
        )
    lines.append("")
    for host, figures in results["hosts"].items():
        lines += [f"### Host: {host}", "", "| | ours | naive | ours/naive |", "|---|---|---|---|"]
        for label, key in FIGURES:
            ours, naive = figures["ours"][key], figures["naive"][key]
            lines.append(
                f"| {label} | {ours['median']:.0f} ({ours['min']:.0f}–{ours['max']:.0f}) "
                f"| {naive['median']:.0f} ({naive['min']:.0f}–{naive['max']:.0f}) | {figures['ratios'][key]:.2f} |"
            )
        if "ready_return_without_snapshot_ms" in figures["ours"]:
            without = figures["ours"]["ready_return_without_snapshot_ms"]
            with_snapshot = figures["ours"]["ready_return_ms"]["median"]
            lines.append(
                f"| Ours, return visit without the memory snapshot (ms) | {without['median']:.0f} "
                f"({without['min']:.0f}–{without['max']:.0f}) | | snapshot cuts "
                f"{100 * (1 - with_snapshot / without['median']):.0f} % |"
            )
        starts = figures["ours"]["return_visit_starts"]
        lines.append(
            f"| Our return visits that started from the memory snapshot | {starts.count('snapshot')} of {len(starts)} | | |"
        )
        if "disk_cache_cold_bytes" in figures:
            disk = figures["disk_cache_cold_bytes"]
            lines.append(
                f"| Calculator page, bytes transferred (cold, one visit in a profile with a disk cache) "
                f"| {disk['ours']:.0f} | {disk['naive']:.0f} | {ratio(disk['ours'], disk['naive']):.2f} |"
            )
        if "information_page" in figures:
            info = figures["information_page"]
            lines += [
                f"| Information page ({INFORMATION_PAGE}), bytes transferred | {info['bytes']['median']:.0f} | | |",
                f"| Runtime requests from the information page | {info['runtime_requests']} | | |",
            ]
        lines.append("")
    offline = results["offline"]
    lines.append(
        "Offline after one visit (server stopped, HTTP cache emptied): "
        + (
            f"answers, ready in {offline['ready_ms']:.0f} ms, shows {offline['shown']}"
            if offline["answers"]
            else f"does not answer ({offline.get('error', '')})"
        )
    )
    for host, scores in results.get("lighthouse_performance", {}).items():
        shown = ", ".join(f"{name} {score}" for name, score in scores.items())
        lines += [
            "",
            f"Lighthouse performance ({host} host, unthrottled server, Lighthouse's own throttling): {shown}",
        ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-build", action="store_true", help="use the site already in site/")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results")
    parser.add_argument("--no-lighthouse", action="store_true", help="skip the Lighthouse performance scores")
    parser.add_argument("--hosts", nargs="+", choices=HOSTS, default=list(HOSTS), help="only these host configurations")
    arguments = parser.parse_args(argv)
    if not arguments.no_build:
        build_site.main([])
    prepare_site()
    started = time.monotonic()
    results = run(arguments.runs, lighthouse=not arguments.no_lighthouse, hosts=tuple(arguments.hosts))
    results["seconds"] = round(time.monotonic() - started, 1)
    arguments.out.mkdir(parents=True, exist_ok=True)
    (arguments.out / "bench.json").write_text(json.dumps(results, indent=2) + "\n")
    table = markdown(results)
    (arguments.out / "bench.md").write_text(table + "\n")
    print(table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
