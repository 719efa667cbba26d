"""Browser tests: Debian's Chromium driven by Playwright against the built site served on 127.0.0.1."""

from __future__ import annotations

import json
import time
import urllib.parse
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Frame, Page, Playwright, sync_playwright

from build_scripts.chromium import CHROMIUM, CHROMIUM_ARGS
from build_scripts.serve import serve_in_thread

ROOT = Path(__file__).resolve().parents[2]
SITE = ROOT / "site"


@pytest.fixture(scope="session")
def site() -> Path:
    assert (SITE / "rekenmodule" / "index.html").is_file(), "no built site: run `./dev build` first"
    assert list((SITE / "assets" / "rekenmodule").glob("*/pyodide.asm.wasm")), "the site was built without the runtime"
    return SITE


@pytest.fixture(scope="session")
def base_url(site: Path) -> Iterator[str]:
    server, url = serve_in_thread(site)
    yield url
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as instance:
        yield instance


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    browser = playwright.chromium.launch(executable_path=CHROMIUM, args=list(CHROMIUM_ARGS))
    yield browser
    browser.close()


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    context = browser.new_context(locale="nl-BE", viewport={"width": 1400, "height": 1000})
    yield context
    context.close()


@pytest.fixture
def page(context: BrowserContext) -> Iterator[Page]:
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    assert not errors, f"JavaScript errors on the page: {errors}"


def wait_until_ready(page: Page, timeout: float = 60_000) -> None:
    page.wait_for_selector(
        "[data-calculator][data-state='ready'], [data-calculator][data-state='error']", timeout=timeout
    )
    state = page.get_attribute("[data-calculator]", "data-state")
    assert state == "ready", page.text_content("[data-status-text]")


def wait_for_async(page: Page | Frame, function: str, arg: Any = None, limit_s: float = 60) -> None:
    """Wait until an async function of a page (or of a frame in it) resolves truthy. (Playwright's wait_for_function takes the returned
    promise itself as truthy, so a condition on Cache Storage or service workers is polled here.) The limit is a
    generous deadline against hanging, not a measurement."""
    deadline = time.monotonic() + limit_s
    while not page.evaluate(function, arg):
        if time.monotonic() > deadline:
            raise AssertionError(f"still not true after {limit_s} s: {function}")
        page.wait_for_timeout(100)


def open_calculator(page: Page, base_url: str, query: str = "") -> None:
    page.goto(base_url + "rekenmodule/" + query)
    wait_until_ready(page)


def renders(page: Page) -> int:
    return int(page.get_attribute("[data-results]", "data-renders") or 0)


def fragment(request: dict[str, Any]) -> str:
    """The address fragment that holds a request (INTERFACE.md: #aanvraag=<JSON, URI-encoded>)."""
    return "#" + urllib.parse.urlencode({"aanvraag": json.dumps(request, ensure_ascii=False)})


def open_with_request(page: Page, base_url: str, request: dict[str, Any]) -> dict[str, Any]:
    """Open the calculator at an address that holds ``request``; returns the request the page computed."""
    open_calculator(page, base_url, fragment(request))
    page.wait_for_function(
        """() => document.querySelector('[data-calculator]').dataset.state === 'ready'
                 && Number(document.querySelector('[data-results]').dataset.renders || 0) > 0"""
    )
    return sent_request(page)


def submit_and_wait(page: Page) -> dict[str, Any]:
    """Press the form's button like a visitor and wait for the answer to that form; returns the request sent."""
    before = renders(page)
    page.get_by_role("button", name="Controleer mijn gegevens", exact=True).click()
    page.wait_for_function(
        """(before) => {
            const root = document.querySelector('[data-calculator]');
            const results = document.querySelector('[data-results]');
            return root.dataset.state === 'ready' && Number(results.dataset.renders || 0) > before;
        }""",
        arg=before,
    )
    return sent_request(page)


def sent_request(page: Page) -> dict[str, Any]:
    """The request of the answer the page shows."""
    sent: dict[str, Any] = json.loads(page.get_attribute("[data-results]", "data-result-for") or "{}")
    return sent


def wait_for_answer_to(page: Page, predicate: str) -> dict[str, Any]:
    """Wait until the shown answer is for a request that satisfies ``predicate`` (a JS expression on ``r``)."""
    page.wait_for_function(
        f"""() => {{
            const results = document.querySelector('[data-results]');
            if (!results.dataset.resultFor) return false;
            const r = JSON.parse(results.dataset.resultFor);
            return document.querySelector('[data-calculator]').dataset.state === 'ready' && ({predicate});
        }}"""
    )
    return sent_request(page)
