"""The calculator page's address: the form's state lives in the fragment (#aanvraag=...) and never reaches a
server, and a shared address the page cannot read gets one message and an empty form.
"""

from __future__ import annotations

import json
import re
import urllib.parse

import pytest
from browser_helpers import open_calculator, sent_request, wait_for_answer_to, wait_until_ready
from form import answer_three_questions
from playwright.sync_api import BrowserContext, Page, expect

pytestmark = pytest.mark.browser


def test_the_state_never_reaches_a_server(context: BrowserContext, base_url: str) -> None:
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    page = context.new_page()
    open_calculator(page, base_url)
    answer_three_questions(page, amount="12345")
    wait_for_answer_to(page, "r.services[0] && r.services[0].amount === '12345'")
    page.wait_for_function("() => location.hash.includes('12345')")
    assert page.evaluate("() => location.search") == ""
    page.reload()
    wait_until_ready(page)
    page.wait_for_function("() => Number(document.querySelector('[data-results]').dataset.renders || 0) > 0")
    assert sent_request(page)["services"][0]["amount"] == "12345"
    leaked = [url for url in requests if "12345" in urllib.parse.unquote(url) or "aanvraag" in url]
    assert not leaked, leaked


DAMAGED = {
    "cut short by a mail program": "#aanvraag=%7B%22enterprise%22%3A+%7B%22size_category%22%3A+%22kl",
    "cut inside an escape": "#aanvraag=%7B%22enterprise%22%3A+%7B%22size_category%22%3A+%22klein%22%7D%2",
    "bad percent-encoding": "#aanvraag=%7B%22enterprise%22%3A+%7B%22size_category%22%3A+%22kl%E9in%22%7D%7D",
    "not JSON": "#aanvraag=klein+pentest+8000",
    "a JSON array": "#aanvraag=%5B%7B%22kind%22%3A+%22pentest%22%7D%5D",
    "an old query link that is not JSON": "?aanvraag=%7B%22enterprise",
}


@pytest.mark.parametrize("address", list(DAMAGED.values()), ids=list(DAMAGED))
def test_an_unreadable_shared_address_gets_one_message_and_an_empty_form(
    address: str, page: Page, base_url: str
) -> None:
    open_calculator(page, base_url, address)
    problem = page.locator("[data-address-problem]")
    expect(problem).to_be_visible()
    expect(problem).to_have_text(
        re.compile(r"^\s*Deze link naar een berekening is onvolledig of beschadigd.*opnieuw in\.\s*$", re.DOTALL)
    )
    expect(problem).to_have_attribute("role", "alert")
    # The form stays empty, and no other message competes with that one.
    assert page.locator("[data-field]:checked").count() == 0
    for field in page.locator("[data-form] input[type=text], [data-form] select").all():
        expect(field).to_have_value("")
    expect(page.locator("[data-error-summary]")).to_be_hidden()
    expect(page.locator(".kmo-error:visible")).to_have_count(0)
    expect(page.locator("[data-placeholder]")).to_be_visible()
    # The address is left as it came until the visitor changes something.
    page.wait_for_timeout(600)
    assert page.url == base_url + "rekenmodule/" + address
    page.get_by_role("group", name="Grootte van uw onderneming").get_by_label("Klein", exact=True).check()
    sent = wait_for_answer_to(page, "r.enterprise.size_category === 'klein'")
    expect(problem).to_be_hidden()
    page.wait_for_function("(damaged) => location.href !== damaged", arg=base_url + "rekenmodule/" + address)
    parts = urllib.parse.urlsplit(page.url)
    assert parts.query == ""
    assert json.loads(urllib.parse.parse_qs(parts.fragment)["aanvraag"][0]) == sent
