"""The glossary works by touch, keyboard and screen reader (issue 31): every marked term shows its explanation when
tapped on a phone (touch emulation) and when reached with Tab, its explanation is its accessible description, no
request goes to another host, and it all works without JavaScript (the tooltip is CSS on focus and hover)."""

from __future__ import annotations

import urllib.parse
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

PAGES = ("", "grootte/", "procedure/", "voorwaarden/")
TERM = ".kmo-term__woord"


@pytest.fixture(params=[True, False], ids=["with-javascript", "without-javascript"])
def phone(browser: Browser, request: pytest.FixtureRequest) -> Iterator[BrowserContext]:
    context = browser.new_context(
        locale="nl-BE",
        viewport={"width": 360, "height": 740},
        device_scale_factor=2,
        is_mobile=True,
        has_touch=True,
        java_script_enabled=request.param,
    )
    yield context
    context.close()


def tooltip_of(page: Page, index: int) -> tuple[str, str]:
    """A term's text and the id of the explanation it names."""
    term = page.locator(TERM).nth(index)
    return term.inner_text(), term.get_attribute("aria-describedby") or ""


def hosts_asked(page: Page, base_url: str, path: str) -> set[str]:
    asked: set[str] = set()
    page.on("request", lambda request: asked.add(urllib.parse.urlsplit(request.url).netloc))
    page.goto(base_url + path)
    page.wait_for_load_state("networkidle")
    return asked - {urllib.parse.urlsplit(base_url).netloc}


@pytest.mark.parametrize("path", PAGES)
def test_a_tap_on_a_term_shows_its_explanation_on_a_phone(phone: BrowserContext, base_url: str, path: str) -> None:
    page = phone.new_page()
    assert not hosts_asked(page, base_url, path), "a request to another host"
    count = page.locator(TERM).count()
    assert count >= 2, f"{path}: too few marked terms to test ({count})"
    for index in range(count):
        word, tip_id = tooltip_of(page, index)
        tip = page.locator(f"#{tip_id}")
        expect(tip).to_be_hidden()
        page.locator(TERM).nth(index).tap()
        expect(tip).to_be_visible()
        box = tip.bounding_box()
        assert box is not None
        assert box["width"] > 40, f"{path}: {word}: the explanation is not readable"
        page.locator("h1").first.tap()  # a tap elsewhere closes it
        expect(tip).to_be_hidden()


@pytest.mark.parametrize("path", PAGES)
def test_tab_reaches_every_term_and_shows_its_explanation(context: BrowserContext, base_url: str, path: str) -> None:
    page = context.new_page()
    page.goto(base_url + path)
    expected = page.locator(TERM).count()
    reached: list[str] = []
    for _ in range(400):
        page.keyboard.press("Tab")
        focused = page.evaluate(
            """(selector) => {
                const element = document.activeElement;
                if (!element || !element.matches(selector)) return null;
                const tip = document.getElementById(element.getAttribute('aria-describedby'));
                return {id: tip.id, shown: getComputedStyle(tip).display !== 'none'};
            }""",
            TERM,
        )
        if focused is None:
            if reached and page.evaluate("() => document.activeElement === document.body"):
                break
            continue
        assert focused["shown"], f"{path}: {focused['id']} is focused but its explanation is hidden"
        if focused["id"] not in reached:
            reached.append(focused["id"])
        if len(reached) == expected:
            break
    assert len(reached) == expected, f"{path}: Tab reached {len(reached)} of {expected} terms"


def test_a_screen_reader_gets_the_explanation_as_the_terms_description(context: BrowserContext, base_url: str) -> None:
    page = context.new_page()
    page.goto(base_url + "grootte/")
    term = page.locator(TERM, has_text="VTE").first
    explanation = page.locator(f"#{term.get_attribute('aria-describedby')}").text_content() or ""
    assert "voltijdse werknemer" in explanation
    expect(term).to_have_accessible_description(explanation)
    assert page.locator(f"#{term.get_attribute('aria-describedby')}").get_attribute("role") == "tooltip"


def test_without_css_the_explanation_stands_in_the_text(context: BrowserContext, base_url: str) -> None:
    """A reader mode or a text browser shows the page without the site's CSS: the explanation is there, in brackets."""
    page = context.new_page()
    page.route("**/*.css", lambda route: route.abort())
    page.goto(base_url + "grootte/")
    text = page.locator("article").inner_text()
    assert "VTE (Voltijdsequivalent" in text
