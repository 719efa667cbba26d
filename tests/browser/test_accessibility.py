"""Accessibility: axe-core (WCAG 2.1 A and AA) on every built page and on the calculator in each state, and the
calculator used with the keyboard alone."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from axe_helpers import built_pages, describe, site_problems, violations
from browser_helpers import open_calculator, submit_and_wait, wait_until_ready
from form import fill_form
from playwright.sync_api import Browser, BrowserContext, Page, Route, expect
from scenarios import SCENARIOS

from calculator import evaluate

pytestmark = pytest.mark.browser


def test_every_built_page_has_no_axe_violation(axe_context: BrowserContext, base_url: str, site: Path) -> None:
    pages = built_pages(site)
    assert len(pages) >= 9
    problems = site_problems(axe_context.new_page(), base_url, pages)
    assert not problems, "\n\n".join(f"{path}:\n{text}" for path, text in problems.items())


def test_the_calculator_while_loading(axe_context: BrowserContext, base_url: str) -> None:
    held: list[Route] = []
    page = axe_context.new_page()

    # A function, not held.append: Playwright sets an attribute on the handler, which a builtin method refuses.
    def hold(route: Route) -> None:
        held.append(route)

    page.route("**/*.wasm", hold)
    page.goto(base_url + "rekenmodule/")
    expect(page.locator("[data-calculator]")).to_have_attribute("data-state", "loading")
    assert not violations(page), describe(violations(page))


def test_the_calculator_when_the_runtime_failed(axe_context: BrowserContext, base_url: str) -> None:
    page = axe_context.new_page()
    page.route("**/*.wasm", lambda route: route.abort())
    page.goto(base_url + "rekenmodule/")
    page.wait_for_selector("[data-calculator][data-state='error']", timeout=30_000)
    found = violations(page)
    assert not found, describe(found)


STATES = [
    "empty",
    "quick answer",
    "assumptions open",
    "refining the size",
    "errors shown",
    "more options and rows",
    "no service yet",
    "unreadable address",
]


@pytest.mark.parametrize("state", STATES)
def test_the_calculator_in_each_state(state: str, axe_context: BrowserContext, base_url: str) -> None:
    page = axe_context.new_page()
    open_calculator(page, base_url, "#aanvraag=%7B%22enterprise" if state == "unreadable address" else "")
    if state == "unreadable address":
        expect(page.locator("[data-address-problem]")).to_be_visible()
    elif state == "no service yet":
        fill_form(page, {"enterprise": {"fte": "12", "turnover": "1.000.000", "balance_total": "500.000"}})
        expect(page.locator("[data-answer='summary']")).to_contain_text("Uw onderneming is")
    elif state != "empty":
        fill_form(page, {"enterprise": {"size_category": "klein"}, "services": [{"kind": "pentest", "amount": "8000"}]})
        expect(page.locator("[data-output]")).to_be_visible()
    if state == "assumptions open":
        page.locator("[data-assumption='enterprise.legal_form']").get_by_role("button", name="Aanpassen").click()
        expect(page.get_by_label("Rechtsvorm", exact=True)).to_be_focused()
    elif state == "refining the size":
        fill_form(page, SCENARIOS["contract example: small with a linked and a partner enterprise, pentest"])
        expect(page.locator("[data-size-result]")).not_to_be_empty()
    elif state == "errors shown":
        fill_form(page, SCENARIOS["bad input: ambiguous headcount, empty turnover, partner share of 60 %"])
        submit_and_wait(page)
        expect(page.locator("[data-error-summary]")).to_be_visible()
    elif state == "more options and rows":
        fill_form(page, SCENARIOS["medium by headcount: cybersecurity and IT training"])
        expect(page.locator("[data-rows='services'] .kmo-row")).to_have_count(2)
        expect(page.locator("[data-service]")).to_have_count(2)
    found = violations(page)
    assert not found, describe(found)


def _tab_to(page: Page, selector: str, limit: int = 80) -> None:
    """Press Tab until the focus is on an element that matches ``selector``."""
    for _ in range(limit):
        if page.evaluate("(selector) => document.activeElement.matches(selector)", selector):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached {selector}")


def _type_into(page: Page, selector: str, text: str) -> None:
    _tab_to(page, selector)
    page.keyboard.press("Control+A")
    page.keyboard.type(text)


def _type_date(page: Page, selector: str, iso: str) -> None:
    """A date field takes its parts in the browser's own order: find it out, then type the date in it."""
    keyboard = page.keyboard
    _tab_to(page, selector)
    keyboard.type("01022003")
    year, month, day = iso.split("-")
    order = {"2003-02-01": day + month + year, "2003-01-02": month + day + year}
    parts = order.get(page.input_value(selector), year + month + day)
    keyboard.press("Shift+Tab")
    keyboard.press("Shift+Tab")  # back to the field's first part
    keyboard.type(parts)
    assert page.input_value(selector) == iso


def test_the_calculator_works_with_the_keyboard_alone(page: Page, base_url: str) -> None:
    open_calculator(page, base_url)
    keyboard = page.keyboard
    page.locator("body").focus()
    _tab_to(page, "input[name='grootte']")
    keyboard.press("Space")  # the first choice: klein
    _tab_to(page, "[data-rows='services'] select")
    # The label the visitor sees for a pentest: the provider's name for it (each kind is listed once).
    keyboard.type((page.locator("[data-rows='services'] select option[value='pentest']").text_content() or "").strip())
    _type_into(page, "[data-rows='services'] input[data-field$='amount']", "8.000,00")
    page.wait_for_function("() => document.querySelector('[data-answer=summary]') !== null")
    # Refine by keyboard: the start-date assumption opens its field and takes the focus.
    _tab_to(page, "[data-assumption='services[0].start_date'] button")
    keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.dataset.field") == "services[0].start_date"
    _type_date(page, "[data-rows='services'] input[type='date']", "2026-11-20")
    page.wait_for_function(
        "() => JSON.parse(document.querySelector('[data-results]').dataset.resultFor || '{}')"
        ".services?.[0]?.start_date === '2026-11-20'"
    )
    wait_until_ready(page)
    sent = json.loads(page.get_attribute("[data-results]", "data-result-for") or "{}")
    assert sent["services"][0]["kind"] == "pentest"
    answer = evaluate(sent)
    expect(page.locator("[data-answer='summary']")).to_have_text(answer["summary"]["message"])
    expect(page.locator("[data-answer='services.0.application_deadline']")).to_have_text(
        answer["services"][0]["display"]["application_deadline"]
    )


def test_no_page_is_wider_than_a_phone(browser: Browser, base_url: str, site: Path) -> None:
    """At 360 px (WCAG 1.4.10, reflow) nothing sticks out sideways: no page scrolls horizontally, and no block of
    the article (a card, a figure, a table cell) reaches past the screen's edge."""
    context = browser.new_context(viewport={"width": 360, "height": 740})
    try:
        page = context.new_page()
        wide = {}
        for path in built_pages(site):
            page.goto(base_url + path)
            found = page.evaluate(
                """() => {
                  const edge = document.documentElement.clientWidth;
                  const out = [...document.querySelectorAll('article *')]
                    .filter((node) => !node.closest('table, pre, .md-typeset__scrollwrap'))
                    .filter((node) => node.getBoundingClientRect().width > 0 && node.getBoundingClientRect().right > edge + 1)
                    .map((node) => node.tagName.toLowerCase() + '.' + node.className);
                  return {scroll: document.documentElement.scrollWidth > edge, out: out.slice(0, 3)};
                }"""
            )
            if found["scroll"] or found["out"]:
                wide[path or "/"] = found
        assert not wide, wide
    finally:
        context.close()
