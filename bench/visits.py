"""The measured visits: both pages, cold and returning, on one host; bytes of one visit with a disk cache; an
information page's bytes; and the calculator offline after one visit."""

from __future__ import annotations

import tempfile
import time
from typing import Any

from playwright.sync_api import Browser, Page, Playwright

from bench.browser import Recorder, browser_args, load, new_tab, probe, script, summary
from bench.site import BENCH_SITE, INFORMATION_PAGE, VARIANTS, runtime
from build_scripts.chromium import CHROMIUM
from build_scripts.serve import serve_in_thread


def caches() -> dict[str, str]:
    """The prefixes of the caches the page's scripts keep (the runtime's manifest)."""
    names: dict[str, str] = runtime()["caches"]
    return names


def wait_for_offline_copy(page: Page, limit_s: float = 120) -> None:
    """Poll until the service worker controls the page and its cache holds the files, and the calculator's worker
    has stored its memory snapshot (wait_for_function would take the async function's promise itself as true)."""
    deadline = time.monotonic() + limit_s
    check, prefixes = script("offline-copy.js"), caches()
    while not page.evaluate(check, prefixes):
        if time.monotonic() > deadline:
            raise RuntimeError("the service worker did not take the runtime into its cache")
        page.wait_for_timeout(50)


def visit_twice(browser: Browser, url: str, ours: bool) -> tuple[Page, list[dict[str, float]], list[int]]:
    """A cold load and a return visit in a new tab of the same context (ours: once its service worker holds the
    runtime). Returns the return visit's page (its context still open), both loads and their bytes."""
    context = browser.new_context(locale="nl-BE", viewport={"width": 1400, "height": 1000})
    context.add_init_script(probe())
    loads, sizes = [], []
    for visit in ("cold", "return"):
        recorder = Recorder(context)
        page = new_tab(context)
        loads.append(load(page, url))
        page.wait_for_timeout(300)  # let late requests finish before counting bytes
        recorder.stop()
        sizes.append(recorder.count())
        if visit == "cold":
            if ours:
                wait_for_offline_copy(page)
            page.close()
    return page, loads, sizes


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
        ours = self.variant == "ours"
        page, (first, second), (cold_bytes, return_bytes) = visit_twice(browser, base + path, ours)
        if ours:
            self.starts.append(page.get_attribute("[data-calculator]", "data-start") or "")
            # The same return visit without the memory snapshot (its cache deleted first): what the snapshot gains.
            page.evaluate(script("delete-snapshots.js"), caches())
            page.close()
            page = new_tab(page.context)
            without = load(page, base + path)
            if run:
                self.no_snapshot.append(without["ready_ms"])
        if run:
            self.cold.append(first)
            self.returning.append(second)
            self.page_bytes.append(cold_bytes)
            self.return_bytes.append(return_bytes)
            for step in range(4):
                value = f"{8000 + 1000 * run + 111 * step},00"
                arguments = [input_selector, output_selector, value]
                self.latencies.append(page.evaluate(script("input-to-result.js"), arguments))
        page.context.close()

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


def disk_cache_bytes(playwright: Playwright, base: str) -> dict[str, float]:
    """Bytes of one cold visit per page in a browser profile with a disk cache, as a real browser has. The measured
    contexts above keep their HTTP cache in memory, where Chromium does not store a response body as large as the
    uncompressed WebAssembly (9.6 MB): on a host that compresses nothing, the file the page preloads is then
    downloaded again when the worker asks for it."""
    found: dict[str, float] = {}
    for variant, (path, _, _) in VARIANTS.items():
        with tempfile.TemporaryDirectory() as profile:
            context = playwright.chromium.launch_persistent_context(
                profile, executable_path=CHROMIUM, args=browser_args(playwright), locale="nl-BE"
            )
            try:
                context.add_init_script(probe())
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
    context.add_init_script(probe())
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
