"""Benchmark: our calculator page against a naive Pyodide embed of the same wheel, on the same host, in one run.

    python -m bench.run [--runs 5] [--no-build] [--out bench/results] [--no-lighthouse]

The naive reference page (generated here, under /naive/ of the same server) is what a first attempt looks like:
Pyodide on the main thread from the stock npm files (stock lock file, full standard library), the wheel loaded with
``loadPackage`` after the runtime booted, no preloading, no service worker. Both pages answer the same contract
request (examples/request.json, the interface's example) with ``calculator.evaluate``.

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
for the calculator on the ``ghpages`` host. The report holds the performance targets (bench/report.py), each on its
host. It never fails: figures that miss a target are reported as such.

The parts: bench/site.py (the bench site, the naive page, the hosts), bench/browser.py (Chromium, a timed load,
bytes), bench/visits.py (the measured visits), bench/lighthouse.py, bench/report.py; the scripts run in the pages
are in bench/js/.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

from playwright.sync_api import Browser, Playwright, sync_playwright

from bench import lighthouse, visits
from bench.browser import browser_args, log
from bench.report import FIGURES, markdown, ratio, targets
from bench.site import HOSTS, ROOT, prepare_site, serve
from build_scripts import build_site
from build_scripts.chromium import CHROMIUM

RATE_MBIT = 20.0
LATENCY_MS = 40.0


def measure(playwright: Playwright, browser: Browser, host: str, runs: int) -> dict[str, Any]:
    """Both pages on one host, slowed down as a visitor's line would be."""
    server, base = serve(host, rate_mbit=RATE_MBIT, latency_ms=LATENCY_MS)
    try:
        log(f"host {host}: both pages, {runs} runs after a warm-up, interleaved")
        figures: dict[str, Any] = dict(visits.measure_host(browser, base, runs))
        figures["ratios"] = {
            key: ratio(figures["ours"][key]["median"], figures["naive"][key]["median"]) for _, key in FIGURES
        }
        if host == "none":
            figures["disk_cache_cold_bytes"] = visits.disk_cache_bytes(playwright, base)
        if host == "precompressed":
            figures["information_page"] = visits.information_page_bytes(browser, base, max(1, min(runs, 3)))
        return figures
    finally:
        server.shutdown()
        server.server_close()


def run(runs: int, with_lighthouse: bool = True, hosts: tuple[str, ...] = HOSTS) -> dict[str, Any]:
    results: dict[str, Any] = {"runs": runs, "network": f"{RATE_MBIT:g} Mbit/s + {LATENCY_MS:g} ms", "hosts": {}}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=browser_args(playwright))
        results["chromium"] = browser.version
        for host in hosts:
            results["hosts"][host] = measure(playwright, browser, host, runs)
        log("offline after one visit")
        results["offline"] = visits.offline_after_one_visit(browser)
        browser.close()
    if with_lighthouse:
        results["lighthouse_performance"] = {
            host: lighthouse.performance(host) for host in lighthouse.PAGES if host in hosts
        }
    results["targets"] = targets(results)
    return results


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
    results = run(arguments.runs, with_lighthouse=not arguments.no_lighthouse, hosts=tuple(arguments.hosts))
    results["seconds"] = round(time.monotonic() - started, 1)
    arguments.out.mkdir(parents=True, exist_ok=True)
    (arguments.out / "bench.json").write_text(json.dumps(results, indent=2) + "\n")
    table = markdown(results)
    (arguments.out / "bench.md").write_text(table + "\n")
    print(table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
