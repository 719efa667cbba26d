"""The calculator in another site's page (issue 33): examples/insluiten.html served from a second loopback origin
embeds /rekenmodule/insluiten/ with <kmo-rekenmodule>. The site is served as a provider that lists that origin in
[insluiten] toegelaten would serve it (build_scripts/embedding.py's policy, for the test server's port)."""

from __future__ import annotations

from pathlib import Path

import pytest
from axe_helpers import describe, violations
from embedding_helpers import FRAME, answer, host_folder, open_host
from playwright.sync_api import Browser, BrowserContext, Frame, Page
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from build_scripts.embedding import PAGE
from build_scripts.serve import serve_in_thread

pytestmark = pytest.mark.browser


def wait_for_fitting_height(page: Page, frame: Frame) -> None:
    """Until the frame is exactly as high as the page in it."""
    page.wait_for_function(
        "() => document.querySelector('kmo-rekenmodule iframe').style.height !== '40rem'", timeout=30_000
    )
    while True:
        inner = frame.evaluate("Math.ceil(document.body.getBoundingClientRect().height)")
        try:
            page.wait_for_function(
                "(h) => document.querySelector('kmo-rekenmodule iframe').style.height === h + 'px'",
                arg=inner,
                timeout=5_000,
            )
            return
        except PlaywrightTimeout:  # the page grew again meanwhile (a late layout): measure again
            continue


@pytest.mark.parametrize("width", [360, 1280])
def test_the_quick_estimate_answers_in_the_frame_which_is_as_high_as_its_page(
    browser: Browser, urls: tuple[str, str], width: int
) -> None:
    context = browser.new_context(locale="nl-BE")
    try:
        page, frame = open_host(context, urls[1], width)
        answer(frame)
        assert "€" in (frame.text_content(".kmo-answer__sentence") or "")
        wait_for_fitting_height(page, frame)
        scroll = frame.evaluate(
            """() => { const e = document.scrollingElement;
                       return [e.scrollHeight - e.clientHeight, e.scrollWidth - e.clientWidth]; }"""
        )
        assert scroll == [0, 0], f"the frame scrolls inside at {width} px: {scroll}"
    finally:
        context.close()


def test_the_embeddable_page_raises_no_script_error(page: Page, urls: tuple[str, str]) -> None:
    """Without the site's header, menu and footer, the theme's scripts still find what they look for: the page
    fixture fails the test on any uncaught error (the theme's bundle threw 'Missing element' for the header)."""
    page.set_viewport_size({"width": 360, "height": 800})
    page.goto(urls[0] + PAGE)
    page.wait_for_selector("[data-calculator][data-state='ready']", timeout=120_000)
    answer(page.main_frame)
    assert page.locator("header").first.is_hidden()


def test_links_that_leave_the_calculator_open_outside_the_frame(browser: Browser, urls: tuple[str, str]) -> None:
    context = browser.new_context(locale="nl-BE")
    # The provider's website (the next step of a provider file without e-mail or contact page) is answered here:
    # no request leaves this machine.
    context.route("https://**/*", lambda route: route.fulfill(status=200, body="buiten", content_type="text/plain"))
    try:
        page, frame = open_host(context, urls[1])
        answer(frame)
        frame_url, page_url = frame.url.split("#")[0], page.url
        next_step = frame.locator("[data-next-link]")
        with context.expect_page() as opened:
            next_step.click()
        assert opened.value.url == next_step.get_attribute("href")
        with context.expect_page() as full:
            frame.get_by_role("link", name="Open de volledige rekenmodule", exact=False).click()
        assert full.value.url.startswith(urls[0] + "rekenmodule/#aanvraag=")
        share = frame.locator("[data-share]").get_attribute("href") or ""
        assert share.startswith(urls[0] + "rekenmodule/#aanvraag="), share
        # Both stay where they were (the frame's fragment holds the form's state, written as the visitor types).
        assert (frame.url.split("#")[0], page.url) == (frame_url, page_url)
    finally:
        context.close()


def test_a_height_from_another_window_is_ignored(browser: Browser, urls: tuple[str, str]) -> None:
    context = browser.new_context(locale="nl-BE")
    try:
        page, frame = open_host(context, urls[1])
        wait_for_fitting_height(page, frame)
        before = page.eval_on_selector(FRAME, "frame => frame.style.height")
        # The host page's own window posts a height: neither the frame nor the site's origin. A listener added after
        # the element's sees the message once the element has handled it.
        after = page.evaluate(
            """() => new Promise((resolve) => {
                 addEventListener('message', (event) => {
                   if (event.data && event.data.probe) resolve(document.querySelector('kmo-rekenmodule iframe').style.height);
                 });
                 postMessage({ type: 'kmo-rekenmodule', height: 5, probe: true }, '*');
               })"""
        )
        assert after == before
    finally:
        context.close()


def test_the_embeddable_page_passes_axe(axe_context: BrowserContext, urls: tuple[str, str]) -> None:
    page = axe_context.new_page()
    page.goto(urls[0] + PAGE)
    page.wait_for_selector("[data-calculator][data-state='ready']", timeout=120_000)
    answer(page.main_frame)
    found = violations(page)
    assert not found, describe(found)


def test_an_origin_that_is_not_listed_is_refused(browser: Browser, site: Path, tmp_path: Path) -> None:
    """The site as built: aanbieder.toml lists no origin, so only the site itself may frame the page."""
    site_server, site_url = serve_in_thread(site)
    host_server, host_url = serve_in_thread(host_folder(tmp_path, site_url))
    context = browser.new_context(locale="nl-BE")
    try:
        page = context.new_page()
        with page.expect_event("framenavigated", predicate=lambda frame: frame.url.startswith("chrome-error:")):
            page.goto(host_url + "insluiten.html")
    finally:
        context.close()
        for server in (site_server, host_server):
            server.shutdown()
            server.server_close()
