"""The calculator in another site's page, seen from that page (issue 33): keyboard use across the frame's edge, no
request to a third host, and the service worker that the embeddable page registers inside the frame.

The service worker: the embeddable page registers sw.js as the full calculator page does. In a frame the browser
keeps that registration with the host page's site (storage partitioning), so it can only ever control the frame's own
documents of this site's origin: never the host page, which is of another origin. What it gives the visitor there is
the return visit of the full page: the runtime from the device and Python from the memory snapshot. It does not make
the frame work offline: the host page is not ours to keep, and without it there is no frame."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from browser_helpers import wait_for_async
from embedding_helpers import FRAME, answer, open_host
from playwright.sync_api import Browser, Frame, Page, Route

pytestmark = pytest.mark.browser

# Put around the element: a link before and one after it, as any host page has (its menu, its footer).
AROUND = """() => {
    const element = document.querySelector('kmo-rekenmodule');
    for (const [id, where] of [['voor', 'beforebegin'], ['na', 'afterend']]) {
        element.insertAdjacentHTML(where, `<p><a id="${id}" href="#${id}">${id}</a></p>`);
    }
}"""
# What has the focus: the host page's element, and inside the frame its field's label (or its text).
FOCUS = "() => document.activeElement ? (document.activeElement.id || document.activeElement.tagName) : null"
FRAME_FOCUS = """() => {
    const element = document.activeElement;
    if (!element || element === document.body) return null;
    const label = element.labels && element.labels.length ? element.labels[0].textContent : element.textContent;
    return (label || element.getAttribute('aria-label') || element.tagName).trim().replace(/\\s+/g, ' ');
}"""
MAX_TABS = 300  # a guard against a focus trap, far more than the frame's fields and links


def tab_through_frame(page: Page, frame: Frame) -> list[str]:
    """From the link before the element, Tab until the focus is back in the host page: what had it in the frame."""
    page.focus("#voor")
    seen: list[str] = []
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if page.evaluate(FOCUS) != "IFRAME":
            return seen
        seen.append(frame.evaluate(FRAME_FOCUS) or "")
    raise AssertionError(f"the focus stays in the frame after {MAX_TABS} presses of Tab: {seen[-5:]}")


def test_tab_reaches_the_frames_fields_and_shift_tab_leaves_it(browser: Browser, urls: tuple[str, str]) -> None:
    context = browser.new_context(locale="nl-BE")
    try:
        page, frame = open_host(context, urls[1])
        page.evaluate(AROUND)
        seen = tab_through_frame(page, frame)
        # Tab leaves the frame forwards, to the host page's next link.
        assert page.evaluate(FOCUS) == "na"
        for field in ("Klein", "Soort dienst", "Bedrag zonder btw (€)"):
            assert any(text.startswith(field) for text in seen), f"Tab never reaches {field!r} in the frame: {seen}"
        assert seen[-1].startswith("Open de volledige rekenmodule"), seen[-1]
        # Shift+Tab from the host page's next link goes back into the frame, to its last link ...
        page.keyboard.press("Shift+Tab")
        assert page.evaluate(FOCUS) == "IFRAME"
        assert (frame.evaluate(FRAME_FOCUS) or "").startswith("Open de volledige rekenmodule")
        # ... and from the frame's first element, Shift+Tab leaves the frame backwards, to the link before it.
        page.focus("#voor")
        page.keyboard.press("Tab")
        assert (frame.evaluate(FRAME_FOCUS) or "") == seen[0]
        page.keyboard.press("Shift+Tab")
        assert page.evaluate(FOCUS) == "voor"
    finally:
        context.close()


def origin(address: str) -> str:
    parts = urlsplit(address)
    return f"{parts.scheme}://{parts.netloc}"


def test_the_host_page_and_the_frame_ask_no_other_host(browser: Browser, urls: tuple[str, str]) -> None:
    """Every request of the host page, the frame and the calculator's worker, from the first byte to the answer and
    the service worker's copy: only the host page's origin and the site's."""
    context = browser.new_context(locale="nl-BE")
    asked: list[str] = []
    context.on("request", lambda request: asked.append(request.url))

    def through(route: Route) -> None:
        asked.append(route.request.url)
        route.continue_()

    context.route("**/*", through)
    try:
        _, frame = open_host(context, urls[1])
        answer(frame)
        wait_for_async(
            frame,
            "async () => !!navigator.serviceWorker.controller || !!(await navigator.serviceWorker.getRegistration())?.active",
        )
        others = sorted(
            {origin(url) for url in asked if not url.startswith(("data:", "blob:"))}
            - {origin(urls[0]), origin(urls[1])}
        )
        assert others == [], others
        assert any(url.endswith("pyodide.asm.wasm") or url.endswith("pyodide.asm.wasm.br") for url in asked)
    finally:
        context.close()


ACTIVE_COPY = """async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    if (!registration || !registration.active) return false;
    for (const name of await caches.keys()) {
        if (name.startsWith('kmo-snapshot-') && (await (await caches.open(name)).keys()).length) return true;
    }
    return false;
}"""


def test_the_service_worker_in_the_frame_serves_the_frames_return_visit_and_never_the_host_page(
    browser: Browser, urls: tuple[str, str]
) -> None:
    context = browser.new_context(locale="nl-BE")
    try:
        page, frame = open_host(context, urls[1])
        assert frame.get_attribute("[data-calculator]", "data-start") == "fresh"
        answer(frame)
        wait_for_async(frame, ACTIVE_COPY)
        # The host page is of another origin: no service worker of the site controls it, nor is one of its own made.
        assert page.evaluate("navigator.serviceWorker.controller") is None
        assert page.evaluate("async () => (await navigator.serviceWorker.getRegistrations()).length") == 0
        # A return visit to the host page: the page itself from its own server, the frame controlled by the service
        # worker, so the calculator starts from the <head> with the memory snapshot, and answers.
        response = page.reload()
        assert response is not None
        assert response.ok
        assert not response.from_service_worker
        page.wait_for_selector(FRAME)
        again = page.frame_locator(FRAME).locator("[data-calculator][data-state='ready']")
        again.wait_for(timeout=120_000)
        handle = page.locator(FRAME).element_handle()
        inner = handle.content_frame() if handle else None
        assert inner is not None
        assert inner.evaluate("!!navigator.serviceWorker.controller")
        assert inner.get_attribute("[data-calculator]", "data-worker-start") == "head"
        assert inner.get_attribute("[data-calculator]", "data-start") == "snapshot"
        assert page.evaluate("navigator.serviceWorker.controller") is None
        answer(inner)
        # Whether the registration is kept apart per top site (HOSTING.md: a visitor who used both downloads the
        # runtime twice) cannot be seen here: two ports of one loopback address are one site to the browser.
    finally:
        context.close()
