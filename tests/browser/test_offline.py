"""Return visits and offline use: the calculator's service worker (frontend/service-worker.js).

After one visit the calculator answers with the site's server gone; a new deploy replaces the old cache; the runtime
is never cached from an information page; Pyodide's version check still refuses a mixed runtime. Each test runs its
own server, so stopping it (offline) or switching its folder (a deploy) touches no other test.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from browser_helpers import wait_for_async, wait_until_ready
from playwright.sync_api import Browser, BrowserContext, Page, expect

from build_scripts import service_worker
from build_scripts.serve import Server, serve_in_thread
from calculator import evaluate

pytestmark = pytest.mark.browser

QUICK = {"enterprise": {"size_category": "klein"}, "services": [{"kind": "pentest", "amount": "8000"}]}
QUICK_FRAGMENT = (
    "#aanvraag=" + '{"enterprise":{"size_category":"klein"},"services":[{"kind":"pentest","amount":"8000"}]}'
)


@pytest.fixture
def own_context(browser: Browser) -> Iterator[BrowserContext]:
    context = browser.new_context(locale="nl-BE", viewport={"width": 1000, "height": 900})
    yield context
    context.close()


Serve = Callable[[Path], tuple[Server, str]]


@pytest.fixture
def serve() -> Iterator[Serve]:
    """Start a server for a folder; every server started is stopped after the test (stopping twice is harmless)."""
    servers: list[Server] = []

    def start(folder: Path) -> tuple[Server, str]:
        server, base = serve_in_thread(folder)
        servers.append(server)
        return server, base

    yield start
    for server in servers:
        stop(server)


def stop(server: Server) -> None:
    server.shutdown()
    server.server_close()


def caches(page: Page) -> list[str]:
    return sorted(page.evaluate("async () => await caches.keys()"))


def wait_for_offline_copy(page: Page, version: str) -> None:
    """The worker controls the page and its cache holds every file of the manifest."""
    wait_for_async(
        page,
        """async (name) => {
            if (!navigator.serviceWorker.controller) return false;
            if (!(await caches.keys()).includes(name)) return false;
            return (await (await caches.open(name)).keys()).length > 0;
        }""",
        "kmo-rekenmodule-" + version,
    )


def forget_http_cache(context: BrowserContext, page: Page) -> None:
    context.new_cdp_session(page).send("Network.clearBrowserCache")


def show_quick_answer(page: Page, base: str) -> None:
    page.goto(base + "rekenmodule/" + QUICK_FRAGMENT)
    wait_until_ready(page)
    expect(page.locator("[data-answer='summary']")).to_have_text(evaluate(QUICK)["summary"]["message"])


def test_after_one_visit_the_calculator_answers_offline(own_context: BrowserContext, serve: Serve, site: Path) -> None:
    manifest = service_worker.manifest(site)
    server, base = serve(site)
    page = own_context.new_page()
    show_quick_answer(page, base)
    wait_for_offline_copy(page, str(manifest["version"]))
    cached = page.evaluate(
        "async (name) => (await (await caches.open(name)).keys()).map((r) => r.url)",
        "kmo-rekenmodule-" + str(manifest["version"]),
    )
    files = manifest["files"]
    assert isinstance(files, list)
    assert len(cached) == len(files) + 1  # every listed file and the page
    stop(server)
    # The site's server is gone, and the browser's HTTP cache is emptied: the page, its styles and the runtime can
    # only come from the worker's cache, and the package answers as before.
    forget_http_cache(own_context, page)
    page.reload()
    show_quick_answer(page, base)
    page.locator("label", has_text=re.compile(r"^\s*Middelgroot")).first.click()
    expect(page.locator("[data-answer='summary']")).to_have_text(
        evaluate({**QUICK, "enterprise": {"size_category": "middelgroot"}})["summary"]["message"]
    )
    # A new tab in the same browser, offline too.
    second = own_context.new_page()
    show_quick_answer(second, base)


def deploy(old: Path, new: Path) -> str:
    """A new deploy of the same site: the runtime folder under a new versioned name (as a rebuild with a changed
    file gives), the pages pointing at it, and the service worker written for it. Returns the new folder name."""
    (folder,) = (old / "assets" / "rekenmodule").iterdir()
    renamed = folder.name[:-4] + ("beef" if not folder.name.endswith("beef") else "cafe")
    shutil.copytree(old, new)
    (new / "assets" / "rekenmodule" / folder.name).rename(new / "assets" / "rekenmodule" / renamed)
    for page in new.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        if folder.name in text:
            page.write_text(text.replace(folder.name, renamed), encoding="utf-8")
            for suffix in (".br", ".gz"):
                page.with_name(page.name + suffix).unlink(missing_ok=True)
    service_worker.write(new)
    return renamed


def test_a_new_deploy_replaces_the_old_cache(
    own_context: BrowserContext, serve: Serve, site: Path, tmp_path: Path
) -> None:
    first = tmp_path / "first"
    shutil.copytree(site, first)
    second = tmp_path / "second"
    renamed = deploy(first, second)
    old_version = str(service_worker.manifest(first)["version"])
    (old_folder,) = (folder.name for folder in (first / "assets" / "rekenmodule").iterdir())
    new_version = str(service_worker.manifest(second)["version"])
    assert new_version != old_version
    server, base = serve(first)
    page = own_context.new_page()
    show_quick_answer(page, base)
    wait_for_offline_copy(page, old_version)
    wait_for_async(page, "async (name) => (await caches.keys()).includes(name)", "kmo-snapshot-" + old_folder)
    assert caches(page) == ["kmo-rekenmodule-" + old_version, "kmo-snapshot-" + old_folder]
    server.RequestHandlerClass.settings.root = second  # type: ignore[attr-defined]
    # The cached page is checked against the network's before it answers: it reloads into the new deploy's page,
    # and the new worker installs.
    page.reload()
    wait_until_ready(page)
    # The old service worker controls the new page but holds neither its runtime nor a snapshot of it: no head
    # start, the page starts the worker after its load event.
    assert page.get_attribute("[data-calculator]", "data-worker-start") == "page"
    wait_for_offline_copy(page, new_version)
    # The new worker's activation dropped the old runtime's cache and its memory snapshot; the new runtime
    # stores its own snapshot once it has answered.
    current = sorted(["kmo-rekenmodule-" + new_version, "kmo-snapshot-" + renamed])
    wait_for_async(
        page, "async (names) => JSON.stringify((await caches.keys()).sort()) === JSON.stringify(names)", current
    )
    page.reload()
    show_quick_answer(page, base)
    scripts = page.evaluate("() => performance.getEntriesByType('resource').map((e) => e.name)")
    assert any(f"/assets/rekenmodule/{renamed}/" in url for url in scripts)
    assert not any("/assets/rekenmodule/" in url and renamed not in url for url in scripts)


# Set by the page (page-check.mjs) just before it reloads itself into a new page.
RELOADED = "() => sessionStorage.getItem('kmo-calculator-reloaded')"


def test_a_return_visit_takes_the_page_from_the_cache_and_checks_it_before_answering(
    own_context: BrowserContext, serve: Serve, site: Path, tmp_path: Path
) -> None:
    served = tmp_path / "site"
    shutil.copytree(site, served)
    version = str(service_worker.manifest(served)["version"])
    _, base = serve(served)
    page = own_context.new_page()
    show_quick_answer(page, base)
    wait_for_offline_copy(page, version)
    calculator_page = served / "rekenmodule" / "index.html"
    original = calculator_page.read_text(encoding="utf-8")
    for suffix in (".br", ".gz"):
        calculator_page.with_name(calculator_page.name + suffix).unlink()

    # The server has lost the page (404) but serves everything else: the page comes from the cache, and with the
    # network's page out of reach it answers as offline.
    calculator_page.unlink()
    again = own_context.new_page()
    show_quick_answer(again, base)
    assert again.evaluate(RELOADED) is None  # no reload

    # The server answers with some other page (a Wi-Fi login page, say): that is not the calculator page, so the
    # cached page goes on as offline, and keeps its place in the cache.
    calculator_page.write_text("<!doctype html><title>Aanmelden</title><p>Meld u aan op het netwerk.</p>")
    portal = own_context.new_page()
    show_quick_answer(portal, base)
    assert portal.evaluate(RELOADED) is None

    # The server has another page (a change to the page alone): the cached page is checked against it before any
    # answer, reloads once into it, and the new page answers. The next visit takes the new page from the cache and
    # does not reload.
    calculator_page.write_text(original.replace("</body>", "<!-- changed --></body>"), encoding="utf-8")
    third = own_context.new_page()
    show_quick_answer(third, base)
    assert "<!-- changed -->" in third.content()
    assert third.evaluate(RELOADED) is not None
    fourth = own_context.new_page()
    show_quick_answer(fourth, base)
    assert "<!-- changed -->" in fourth.content()
    assert fourth.evaluate(RELOADED) is None


def test_an_information_page_caches_nothing_and_registers_no_worker(
    own_context: BrowserContext, serve: Serve, site: Path
) -> None:
    _, base = serve(site)
    page = own_context.new_page()
    page.goto(base + "steun/", wait_until="load")
    page.wait_for_timeout(500)
    assert caches(page) == []
    assert page.evaluate("async () => (await navigator.serviceWorker.getRegistrations()).length") == 0


def test_a_mixed_runtime_cannot_start(own_context: BrowserContext, serve: Serve, site: Path) -> None:
    """Pyodide's version check stays on: a loader from another version next to this runtime is a start failure."""
    version = str(service_worker.manifest(site)["version"])
    server, base = serve(site)
    page = own_context.new_page()
    show_quick_answer(page, base)
    wait_for_offline_copy(page, version)
    page.evaluate(
        """async (name) => {
            const cache = await caches.open(name);
            const key = (await cache.keys()).find((request) => request.url.endsWith('/pyodide.mjs'));
            const response = await cache.match(key);
            const text = (await response.text()).replace(/"\\d+\\.\\d+\\.\\d+"/, '"0.0.1"');
            await cache.put(key, new Response(text, { headers: response.headers }));
        }""",
        "kmo-rekenmodule-" + version,
    )
    stop(server)
    messages: list[str] = []
    page.on("console", lambda message: messages.append(message.text))
    forget_http_cache(own_context, page)
    page.reload()
    page.wait_for_selector("[data-calculator][data-state='error']", timeout=60_000)
    assert any("version does not match" in message for message in messages), messages


def snapshot_stored(page: Page) -> None:
    wait_for_async(
        page,
        """async () => {
            for (const name of await caches.keys()) {
                if (name.startsWith('kmo-snapshot-') && (await (await caches.open(name)).keys()).length) return true;
            }
            return false;
        }""",
    )


def visit(context: BrowserContext, base: str) -> tuple[Page, str]:
    """A new tab on the calculator with the quick request: the tab, and how its runtime started."""
    page = context.new_page()
    show_quick_answer(page, base)
    return page, page.get_attribute("[data-calculator]", "data-start") or ""


def test_a_return_visit_starts_from_the_memory_snapshot_and_answers_the_same(
    own_context: BrowserContext, serve: Serve, site: Path
) -> None:
    _, base = serve(site)
    first, start = visit(own_context, base)
    assert start == "fresh"
    # A first visit starts the worker from the page script, after the page's load event.
    assert first.get_attribute("[data-calculator]", "data-worker-start") == "page"
    # Looking for a snapshot creates no cache: a snapshot cache that exists holds the snapshot, which is what the
    # head start takes it to mean.
    empty = first.evaluate(
        """async () => {
            const empty = [];
            for (const name of await caches.keys()) {
                if (name.startsWith('kmo-snapshot-') && !(await (await caches.open(name)).keys()).length) empty.push(name);
            }
            return empty;
        }"""
    )
    assert empty == []
    snapshot_stored(first)
    again, start = visit(own_context, base)
    assert start == "snapshot"
    # The service worker controls the return visit, so calculator-boot.mjs started the worker from the <head>, and
    # the page took it over.
    assert again.get_attribute("[data-calculator]", "data-worker-start") == "head"
    # With a head start the page preloads none of the runtime's files (the biggest, its .br copy, Pyodide's script):
    # this device holds them, and the worker reads them from the cache.
    preloaded = again.evaluate(
        "(names) => performance.getEntriesByType('resource')"
        ".filter((e) => names.some((name) => e.name.endsWith(name)))"
        ".map((e) => [e.name.split('/').pop(), e.initiatorType, e.decodedBodySize])",
        ["/pyodide.asm.wasm", "/pyodide.asm.wasm.br", "/pyodide.asm.mjs"],
    )
    assert [entry for entry in preloaded if entry[1] == "link"] == [], preloaded
    # The restored runtime answers other requests as the package does: the other sizes.
    for size, label in (("middelgroot", "Middelgroot"), ("groot", "Groot")):
        again.locator("label", has_text=re.compile(rf"^\s*{label}")).first.click()
        request = {**QUICK, "enterprise": {"size_category": size}}
        expect(again.locator("[data-answer='summary']")).to_have_text(evaluate(request)["summary"]["message"])


def test_on_a_return_visit_the_search_index_reaches_the_calculator_page_after_its_first_answer(
    own_context: BrowserContext, serve: Serve, site: Path
) -> None:
    _, base = serve(site)
    first, _ = visit(own_context, base)
    wait_for_offline_copy(first, str(service_worker.manifest(site)["version"]))
    again, _ = visit(own_context, base)
    # The theme asks for the index while the page loads; the service worker answers once the page has said that the
    # calculator answered, and the site search then works as on any page.
    again.wait_for_function(
        "() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('/search/search_index.json'))",
        timeout=30_000,
    )
    index_start, answered = again.evaluate(
        """() => [
            performance.getEntriesByType('resource').find((e) => e.name.endsWith('/search/search_index.json'))
                .responseStart,
            performance.getEntriesByName('kmo-calculator-answered')[0].startTime,
        ]"""
    )
    assert index_start >= answered
    again.keyboard.press("/")  # the theme's shortcut to the search box
    again.keyboard.type("pentest")
    expect(again.locator(".md-search-result__item").first).to_be_visible(timeout=30_000)


def test_a_snapshot_that_does_not_restore_is_dropped_and_the_calculator_starts_afresh(
    own_context: BrowserContext, serve: Serve, site: Path
) -> None:
    _, base = serve(site)
    first, _ = visit(own_context, base)
    snapshot_stored(first)
    first.evaluate(
        """async () => {
            for (const name of await caches.keys()) {
                if (!name.startsWith('kmo-snapshot-')) continue;
                const cache = await caches.open(name);
                for (const key of await cache.keys()) await cache.put(key, new Response(new Uint8Array(4096)));
            }
        }"""
    )
    again, start = visit(own_context, base)
    assert start == "fresh"
    snapshot_stored(again)  # a good snapshot replaces the broken one
    _, start = visit(own_context, base)
    assert start == "snapshot"
