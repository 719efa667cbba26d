"""A page built before a change in the rules says so from that day on (site_overrides/main.html, shown by
material-content.js): the site built for 20 January 2026 (the reform of 1 February 2026 ahead) shows its notice when
the browser's clock says 5 February 2026, not when it says 25 January 2026; the day is the visitor's day in Brussels;
without JavaScript nothing changes; the notice makes no request and passes axe.

The pages are built for that day into a temporary folder with the runtime ./dev build staged (build_pages), so the
runtime is not built again."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date

import pytest
from axe_helpers import describe, violations
from playwright.sync_api import Browser, BrowserContext, Page, expect

from build_scripts import build_site
from build_scripts.serve import serve_in_thread
from calculator.formatting import long_date

pytestmark = pytest.mark.browser

BUILT_FOR = date(2026, 1, 20)
CHANGE = date(2026, 2, 1)  # the reform: advice on other subjects than cybersecurity no longer qualifies
BEFORE = "2026-01-25T12:00:00+01:00"
AFTER = "2026-02-05T12:00:00+01:00"
NOTICE = "[data-regelwijziging]"


@pytest.fixture(scope="module")
def stale_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    assert (build_site.RUNTIME_STAGING / "manifest.json").is_file(), "no staged runtime: run `./dev build` first"
    site = tmp_path_factory.mktemp("site-2026-01-20") / "site"
    with pytest.MonkeyPatch.context() as patch:
        patch.setitem(os.environ, "KMO_BUILD_DATE", BUILT_FOR.isoformat())
        build_site.build_pages(site, runtime=build_site.runtime_folder())
    server, url = serve_in_thread(site)
    yield url
    server.shutdown()
    server.server_close()


def visit(context: BrowserContext, url: str, clock: str) -> tuple[Page, list[str]]:
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.clock.set_fixed_time(clock)
    page.goto(url, wait_until="load")
    return page, requests


def test_the_notice_shows_from_the_day_the_rules_change(context: BrowserContext, stale_url: str) -> None:
    page, _ = visit(context, stale_url + "steun/", AFTER)
    notice = page.locator(NOTICE)
    expect(notice).to_be_visible()
    assert notice.get_attribute("data-regelwijziging") == CHANGE.isoformat()
    text = " ".join((notice.text_content() or "").split())
    assert f"Op {long_date(CHANGE)} zijn de regels" in text
    assert "De rekenmodule rekent al met de nieuwe regels" in text
    link = notice.get_by_role("link")
    assert link.get_attribute("href") == "../rekenmodule/"
    link.click()
    page.wait_for_url(stale_url + "rekenmodule/")


def test_the_notice_stays_hidden_before_that_day(context: BrowserContext, stale_url: str) -> None:
    for path in ("", "steun/", "diensten/"):
        page, _ = visit(context, stale_url + path, BEFORE)
        notice = page.locator(NOTICE)
        expect(notice).to_have_count(1)
        expect(notice).to_be_hidden()
        page.close()


def test_the_day_is_the_visitors_day_in_brussels(browser: Browser, stale_url: str) -> None:
    # 23:30 in UTC on 31 January is already 1 February in Brussels; a visitor's own time zone does not matter.
    for zone in ("UTC", "America/New_York", "Europe/Brussels"):
        context = browser.new_context(locale="nl-BE", timezone_id=zone)
        page, _ = visit(context, stale_url + "steun/", "2026-01-31T23:30:00Z")
        expect(page.locator(NOTICE)).to_be_visible()
        page.clock.set_fixed_time("2026-01-31T22:30:00Z")  # 23:30 in Brussels: still 31 January
        page.reload()
        expect(page.locator(NOTICE)).to_be_hidden()
        context.close()


def test_without_javascript_nothing_changes(browser: Browser, stale_url: str) -> None:
    context = browser.new_context(locale="nl-BE", java_script_enabled=False)
    page, _ = visit(context, stale_url + "steun/", AFTER)
    expect(page.locator(NOTICE)).to_be_hidden()
    context.close()


def test_the_notice_makes_no_request(context: BrowserContext, stale_url: str) -> None:
    hidden, before = visit(context, stale_url + "steun/", BEFORE)
    hidden.wait_for_load_state("networkidle")
    shown, after = visit(context, stale_url + "steun/", AFTER)
    shown.wait_for_load_state("networkidle")
    expect(hidden.locator(NOTICE)).to_be_hidden()
    expect(shown.locator(NOTICE)).to_be_visible()
    assert sorted(after) == sorted(before)
    assert all(url.startswith(stale_url) for url in after), after


def test_the_shown_notice_passes_axe(axe_context: BrowserContext, stale_url: str) -> None:
    for path in ("", "steun/", "rekenmodule/"):
        page, _ = visit(axe_context, stale_url + path, AFTER)
        expect(page.locator(NOTICE)).to_be_visible()
        found = violations(page)
        assert not found, f"{path or '/'}: {describe(found)}"
        page.close()
