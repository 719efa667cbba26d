"""How the bench drives Chromium: its switches, a timed page load, bytes on the wire, and the scripts it runs in the
pages (bench/js/)."""

from __future__ import annotations

import functools
import json
import statistics
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from playwright.sync_api import BrowserContext, Page, Playwright

from build_scripts.chromium import CHROMIUM, CHROMIUM_ARGS

SCRIPTS = Path(__file__).resolve().parent / "js"
READY_MESSAGE = "kmo-bench: ready"

# The browser's own work is kept out of the measured loads, the same for both pages:
# - Chromium 156 in new headless mode runs the full browser UI. Its omnibox popup is a WebUI page in a renderer of its
#   own that loads with every new tab and refreshes its tab suggestions whenever a tab navigates: 175–370 ms of CPU on
#   this 2-core machine, during the very load being timed (seen in a trace of a return visit). Puppeteer disables the
#   same two features by default. Chromium keeps only the last --disable-features switch, and Playwright passes its
#   own list, so the switch given here holds Playwright's list (read from a browser Playwright launched) plus these.
# - Every measured load opens its tab first and waits before navigating, so the tab's own start is not timed.
BROWSER_UI_FEATURES_OFF = ("WebUIOmniboxPopup", "WebUIOmniboxAimPopup")
TAB_SETTLE_MS = 1000


def log(message: str) -> None:
    print(f"[bench] {message}", file=sys.stderr, flush=True)


def script(name: str) -> str:
    """A script of bench/js/ without its leading comment lines (Playwright recognises a function only at the start)."""
    lines = (SCRIPTS / name).read_text(encoding="utf-8").splitlines()
    while lines and lines[0].startswith("//"):
        lines.pop(0)
    return "\n".join(lines)


def probe() -> str:
    """The init script that reports main-thread blocks and the calculator's ready moment (bench/js/probe.js)."""
    return script("probe.js").replace("__READY__", json.dumps(READY_MESSAGE))


def playwright_disabled_features(playwright: Playwright) -> list[str]:
    """The features Playwright disables when it launches Chromium, from the command line of a browser it launched
    (the DevTools protocol's Browser.getBrowserCommandLine, which answers only with --enable-automation)."""
    browser = playwright.chromium.launch(executable_path=CHROMIUM, args=[*CHROMIUM_ARGS, "--enable-automation"])
    try:
        arguments = browser.new_browser_cdp_session().send("Browser.getBrowserCommandLine")["arguments"]
    finally:
        browser.close()
    switches = [argument for argument in arguments if argument.startswith("--disable-features=")]
    return switches[-1].removeprefix("--disable-features=").split(",") if switches else []


@functools.cache
def _features_off(playwright: Playwright) -> tuple[str, ...]:
    return tuple(dict.fromkeys([*playwright_disabled_features(playwright), *BROWSER_UI_FEATURES_OFF]))


def browser_args(playwright: Playwright) -> list[str]:
    return [*CHROMIUM_ARGS, "--disable-features=" + ",".join(_features_off(playwright))]


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
