"""The site under a sub-path in Chromium: built for https://www.example.org/kmo/ (subpath_site.py) and served under
/kmo/ by Apache with the .htaccess that build writes, as a shared host serves a folder uploaded into its web folder
(apache_server.py; its headers: tests/nginx/test_apache_subpath.py). The pages load with their styles and scripts
and ask for nothing outside /kmo/ (the 404 page too, whose links are absolute); intent prefetches the runtime from
/kmo/; the calculator answers; its service worker sits at /kmo/sw.js with the scope /kmo/; and after one visit the
calculator answers with the host gone and the browser offline, as at the root (test_offline.py)."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest
from apache_server import apache_serving
from browser_helpers import fragment, wait_for_answer_to, wait_for_async, wait_until_ready
from form import answer_three_questions
from playwright.sync_api import Browser, BrowserContext, Page, Request, Response, expect
from subpath_site import PATH, subpath_site

from build_scripts import service_worker
from calculator import evaluate

pytestmark = pytest.mark.browser

QUICK = {"enterprise": {"size_category": "klein"}, "services": [{"kind": "pentest", "amount": "8000"}]}
SUMMARY = "[data-answer='summary']"


@dataclass
class Traffic:
    """Every request of a browser context, and those that failed or answered with an error."""

    requested: list[str] = field(default_factory=list)
    settled: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)

    def outside(self, base: str) -> list[str]:
        return [url for url in self.requested if url.startswith("http") and not url.startswith(base)]

    def wait_until_settled(self, page: Page, limit_s: float = 60) -> None:
        """Until every request has finished or failed (prefetches go on after the page's load)."""
        deadline = time.monotonic() + limit_s
        while len(self.settled) < len(self.requested):
            assert time.monotonic() < deadline, sorted(set(self.requested) - set(self.settled))
            page.wait_for_timeout(100)


def watch(context: BrowserContext, expected_404: tuple[str, ...] = ()) -> Traffic:
    traffic = Traffic()

    def answered(response: Response) -> None:
        if response.status >= 400 and response.url not in expected_404:
            traffic.failed.append(f"{response.status} {response.url}")

    def failed(request: Request) -> None:
        traffic.settled.append(request.url)
        # Chromium reports a HEAD request (frontend/runtime-files.mjs asks two) as aborted once its headers came,
        # for want of a body: its answer is the response, checked above.
        if request.method != "HEAD" or request.response() is None:
            traffic.failed.append(f"{request.failure} {request.url}")

    context.on("request", lambda request: traffic.requested.append(request.url))
    context.on("requestfinished", lambda request: traffic.settled.append(request.url))
    context.on("requestfailed", failed)
    context.on("response", answered)
    return traffic


@pytest.fixture
def own_context(browser: Browser) -> Iterator[BrowserContext]:
    context = browser.new_context(locale="nl-BE", viewport={"width": 1280, "height": 900})
    yield context
    context.close()


def styled_and_scripted(page: Page) -> None:
    """Every stylesheet of the page applied, and Material's script running (it exports its observables)."""
    sheets = page.evaluate(
        "() => [...document.querySelectorAll('link[rel=stylesheet]')].map((l) => [l.href, l.sheet ? 1 : 0])"
    )
    assert len(sheets) >= 3, sheets
    assert all(loaded for _, loaded in sheets), sheets
    page.wait_for_function("() => typeof window.component$ === 'object'")


def test_the_pages_load_with_their_files_from_the_sub_path_only(
    own_context: BrowserContext, apache_subpath_url: str
) -> None:
    base = apache_subpath_url
    missing = base + "bestaat/niet/"
    traffic = watch(own_context, expected_404=(missing,))
    errors: list[str] = []
    page = own_context.new_page()
    page.on("pageerror", lambda error: errors.append(str(error)))
    for path, status in (("", 200), ("bestaat/niet/", 404), ("steun/", 200)):
        response = page.goto(base + path, wait_until="networkidle")
        assert response is not None, path
        assert response.status == status, path
        styled_and_scripted(page)
    # Intent: pointing at a link to the calculator prefetches the runtime, from the sub-path.
    with page.expect_request(lambda request: request.url.endswith("/pyodide.asm.wasm")) as wasm:
        page.locator("main a[href$='rekenmodule/']").first.hover()
    assert wasm.value.url.startswith(base + "assets/rekenmodule/")
    traffic.wait_until_settled(page)
    assert not errors, errors
    assert traffic.failed == []
    assert traffic.outside(base) == []
    assert len(traffic.requested) > 20


def wait_for_offline_copy(page: Page) -> None:
    """The service worker controls the page, and its cache holds the page and every file of its list."""
    manifest = service_worker.manifest(subpath_site())
    files = manifest["files"]
    assert isinstance(files, list)
    wait_for_async(
        page,
        """async ([name, count]) => {
            if (!navigator.serviceWorker.controller || !(await caches.keys()).includes(name)) return false;
            return (await (await caches.open(name)).keys()).length === count;
        }""",
        ["kmo-rekenmodule-" + str(manifest["version"]), len(files) + 1],
    )


def shows_the_quick_answer_from_the_service_worker(page: Page, base: str) -> None:
    response = page.goto(base + "rekenmodule/" + fragment(QUICK))
    assert response is not None
    assert response.from_service_worker
    wait_until_ready(page)
    expect(page.locator(SUMMARY)).to_have_text(evaluate(QUICK)["summary"]["message"])


def test_the_calculator_answers_under_the_sub_path_and_offline_after_one_visit(own_context: BrowserContext) -> None:
    page = own_context.new_page()
    with apache_serving(subpath_site(), PATH) as base:
        traffic = watch(own_context)
        page.goto(base + "rekenmodule/")
        wait_until_ready(page)
        answer_three_questions(page)
        sent = wait_for_answer_to(page, "r.services[0] && r.services[0].amount === '8000'")
        assert sent == QUICK
        expect(page.locator(SUMMARY)).to_have_text(evaluate(sent)["summary"]["message"])
        wait_for_offline_copy(page)
        registrations = page.evaluate(
            "async () => (await navigator.serviceWorker.getRegistrations())"
            ".map((r) => [r.scope, (r.active || r.waiting || r.installing).scriptURL])"
        )
        assert registrations == [[base, base + "sw.js"]]
        traffic.wait_until_settled(page)
        assert traffic.failed == []
        assert traffic.outside(base) == []
    # The host is gone (Apache stopped) and the browser is offline, its HTTP cache emptied: the page, its styles and
    # the runtime can only come from the service worker's cache.
    own_context.set_offline(True)
    own_context.new_cdp_session(page).send("Network.clearBrowserCache")
    page.goto("about:blank")  # so that the calculator's address with a fragment is a new document
    shows_the_quick_answer_from_the_service_worker(page, base)
    page.locator("label", has_text=re.compile(r"^\s*Middelgroot")).first.click()
    sent = wait_for_answer_to(page, "r.enterprise.size_category === 'middelgroot'")
    expect(page.locator(SUMMARY)).to_have_text(evaluate(sent)["summary"]["message"])
    assert sent == {**QUICK, "enterprise": {"size_category": "middelgroot"}}
    shows_the_quick_answer_from_the_service_worker(own_context.new_page(), base)  # a new tab, offline too
