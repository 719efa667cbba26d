"""Intent: an information page fetches the calculator's runtime only when the visitor points at, focuses or touches
a link to the calculator, and never with Save-Data on or on a 2G connection (site_overrides/.../kmo-intent.js)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from browser_helpers import wait_until_ready
from playwright.sync_api import BrowserContext, Page

from build_scripts.serve import serve_in_thread

pytestmark = pytest.mark.browser

CALCULATOR_LINK = "main a[href$='rekenmodule/']"


def runtime_files(site: Path) -> set[str]:
    (folder,) = (site / "assets" / "rekenmodule").iterdir()
    return {
        path.name
        for path in folder.iterdir()
        if path.suffix not in (".br", ".gz") and path.name not in ("calculator-noscript.css", "manifest.json")
    }


def record_runtime_requests(context: BrowserContext) -> list[str]:
    requested: list[str] = []
    context.on(
        "request",
        lambda request: (
            requested.append(request.url.rsplit("/", 1)[1]) if "/assets/rekenmodule/" in request.url else None
        ),
    )
    return requested


def open_information_page(page: Page, base_url: str) -> None:
    page.goto(base_url + "steun/", wait_until="load")
    assert page.locator(CALCULATOR_LINK).count() > 0


@pytest.mark.parametrize("gesture", ["hover", "focus", "tap"])
def test_intent_on_a_calculator_link_prefetches_the_whole_runtime(
    context: BrowserContext, base_url: str, site: Path, gesture: str
) -> None:
    requested = record_runtime_requests(context)
    page = context.new_page()
    open_information_page(page, base_url)
    page.wait_for_timeout(300)
    assert requested == [], "no runtime before the visitor shows intent"
    link = page.locator(CALCULATOR_LINK).first
    with page.expect_request(lambda request: request.url.endswith("/pyodide.asm.wasm")):
        if gesture == "hover":
            link.hover()
        elif gesture == "focus":
            link.focus()
        else:
            link.dispatch_event("touchstart")
    page.wait_for_function(
        "(count) => document.querySelectorAll('link[rel=prefetch]').length === count", arg=len(runtime_files(site))
    )
    hinted = page.eval_on_selector_all("link[rel=prefetch]", "(links) => links.map((l) => l.href.split('/').pop())")
    assert set(hinted) == runtime_files(site)
    assert page.evaluate("async () => (await navigator.serviceWorker.getRegistrations()).length") == 0


def test_pointing_at_another_link_fetches_nothing(context: BrowserContext, base_url: str) -> None:
    requested = record_runtime_requests(context)
    page = context.new_page()
    open_information_page(page, base_url)
    page.locator("main a[href$='voorwaarden/']").first.hover()
    page.wait_for_timeout(500)
    assert requested == []
    assert page.locator("link[rel=prefetch]").count() == 0


@pytest.mark.parametrize(
    "connection", [{"saveData": True, "effectiveType": "4g"}, {"saveData": False, "effectiveType": "2g"}]
)
def test_no_prefetch_with_save_data_or_on_2g(
    context: BrowserContext, base_url: str, connection: dict[str, object]
) -> None:
    page = context.new_page()
    page.add_init_script(
        "Object.defineProperty(Navigator.prototype, 'connection', "
        f"{{ get: () => ({json.dumps(connection)}), configurable: true }})"
    )
    requested = record_runtime_requests(context)
    open_information_page(page, base_url)
    assert page.evaluate("() => navigator.connection.effectiveType") == connection["effectiveType"]
    page.locator(CALCULATOR_LINK).first.hover()
    page.locator(CALCULATOR_LINK).first.focus()
    page.wait_for_timeout(500)
    assert requested == []
    assert page.locator("link[rel=prefetch]").count() == 0


def test_the_calculator_then_starts_from_what_was_prefetched(context: BrowserContext, site: Path) -> None:
    server, base = serve_in_thread(site)
    requests: list[str] = server.RequestHandlerClass.settings.requests  # type: ignore[attr-defined]
    try:
        page = context.new_page()
        open_information_page(page, base)
        page.locator(CALCULATOR_LINK).first.hover()
        page.wait_for_function(
            """(count) => {
                const hinted = [...document.querySelectorAll('link[rel=prefetch]')].map((link) => link.href);
                const done = performance.getEntriesByType('resource').filter((e) => hinted.includes(e.name) && e.responseEnd > 0);
                return hinted.length === count && done.length === count;
            }""",
            arg=len(runtime_files(site)),
        )
        page.locator(CALCULATOR_LINK).first.click()
        wait_until_ready(page)
        fetched = [path.rsplit("/", 1)[1] for path in requests if "/assets/rekenmodule/" in path]
        # Each runtime file went over the network once: the prefetch. The calculator took them from the cache. (The
        # service worker, registered once the calculator is ready, also stores the <noscript> stylesheet.)
        assert sorted(name for name in fetched if name != "calculator-noscript.css") == sorted(runtime_files(site))
    finally:
        server.shutdown()
        server.server_close()
