"""Intent: an information page fetches the calculator's runtime only when the visitor points at, focuses or touches
a link to the calculator, and never with Save-Data on or on a 2G connection (site_overrides/.../kmo-intent.js)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from browser_helpers import wait_until_ready
from playwright.sync_api import BrowserContext, Page

from build_scripts import runtime_manifest
from build_scripts.serve import serve_in_thread

pytestmark = pytest.mark.browser

CALCULATOR_LINK = "main a[href$='rekenmodule/']"


def runtime_files(site: Path) -> set[str]:
    """What intent prefetches on a host that sends our .br copies: every runtime file but the <noscript> stylesheet,
    the manifest, the brotli decoder (only a host that does not send the copies needs it) and runtime-files.mjs
    (imported, not prefetched: it decides how to fetch the big files)."""
    (folder,) = (site / "assets" / "rekenmodule").iterdir()
    left_out = ("calculator-noscript.css", "manifest.json", runtime_manifest.UNPACKER, *runtime_manifest.DECODER)
    return {path.name for path in folder.iterdir() if path.suffix not in (".br", ".gz") and path.name not in left_out}


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


def prefetched_on(site: Path, compression: str) -> set[str]:
    """What intent prefetches on a host: on one that does not send our .br copies, the copies of the big files by
    their own names and the brotli decoder instead of the files (runtime-files.mjs)."""
    if compression == "precompressed":
        return runtime_files(site)
    (folder,) = (site / "assets" / "rekenmodule").iterdir()
    packed = set(runtime_manifest.read(folder)["packed"])
    return (runtime_files(site) - packed) | {name + ".br" for name in packed} | set(runtime_manifest.DECODER)


@pytest.mark.parametrize("compression", ["precompressed", "gzip"])
def test_the_calculator_then_starts_from_what_was_prefetched(
    context: BrowserContext, site: Path, compression: str
) -> None:
    server, base = serve_in_thread(site, compression=compression)
    requests: list[tuple[str, str]] = server.RequestHandlerClass.settings.methods  # type: ignore[attr-defined]
    try:
        page = context.new_page()
        open_information_page(page, base)
        page.locator(CALCULATOR_LINK).first.hover()
        # Every hinted file and runtime-files.mjs (imported to decide the form of the big files) has arrived.
        page.wait_for_function(
            """([count, unpacker]) => {
                const hinted = [...document.querySelectorAll('link[rel=prefetch]')].map((link) => link.href);
                const done = new Set(performance.getEntriesByType('resource')
                    .filter((e) => e.responseEnd > 0 && (hinted.includes(e.name) || e.name.endsWith('/' + unpacker)))
                    .map((e) => e.name));
                return hinted.length === count && done.size === count + 1;
            }""",
            arg=[len(prefetched_on(site, compression)), runtime_manifest.UNPACKER],
        )
        # A response that has arrived may still be on its way into the HTTP cache: a navigation at that moment drops
        # it. Half a second lets the cache finish writing; a visitor who clicks sooner downloads the rest then.
        page.wait_for_timeout(500)
        page.locator(CALCULATOR_LINK).first.click()
        wait_until_ready(page)
        fetched = [
            name.rsplit("/", 1)[1] for method, name in requests if method == "GET" and "/assets/rekenmodule/" in name
        ]
        # Each runtime file went over the network once: the prefetch. The calculator took them from the cache. (The
        # service worker, registered once the calculator is ready, also stores the <noscript> stylesheet.) Only the
        # host's answers to HEAD requests (runtime-files.mjs: does the host send our .br copies?) are asked again.
        expected = prefetched_on(site, compression)
        assert sorted(name for name in fetched if name != "calculator-noscript.css") == sorted(
            [*expected, runtime_manifest.UNPACKER]
        )
    finally:
        server.shutdown()
        server.server_close()
