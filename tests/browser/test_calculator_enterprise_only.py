"""The calculator page asked about the enterprise alone: a form without a service, or with an empty service row,
gets the package's answer about the size and the conditions, not an error about the missing service.

Every expectation is the package's own answer to the request the page sent (calculator.evaluate on the host).
"""

from __future__ import annotations

from typing import Any

import pytest
from browser_helpers import open_calculator, open_with_request, submit_and_wait, wait_for_answer_to
from form import answer_three_questions, assert_page_shows, choose_kind
from playwright.sync_api import Page, expect

from calculator import evaluate

pytestmark = pytest.mark.browser


def test_a_question_without_a_service_answers_the_size_and_the_conditions(page: Page, base_url: str) -> None:
    """The empty service row is no service: choosing only the size gives the package's answer about the enterprise
    (size, conditions, a request for a service), not "Dienst 1, soort dienst: maak een keuze uit de lijst."."""
    open_calculator(page, base_url)
    page.get_by_role("group", name="Grootte van uw onderneming").get_by_label("Middelgroot", exact=True).check()
    sent = wait_for_answer_to(page, "r.enterprise.size_category === 'middelgroot'")
    assert sent == {"enterprise": {"size_category": "middelgroot"}, "services": []}
    answer = evaluate(sent)
    assert answer["ok"]
    assert not answer["services"]
    expect(page.locator("[data-answer='summary']")).to_have_text(answer["summary"]["message"])
    expect(page.locator("[data-answer='eligible']")).to_have_text(answer["display"]["conditions"])
    expect(page.locator("[data-condition]")).to_have_count(len(answer["conditions"]))
    expect(page.locator("[data-service]")).to_have_count(0)
    # Pressing the button shows no error either: there is nothing wrong with a question without a service.
    sent = submit_and_wait(page)
    assert sent["services"] == []
    expect(page.locator("[data-error-summary]")).to_be_hidden()
    expect(page.locator("[data-output]")).to_be_visible()

    # A row with an amount but no kind is a real error, at its field and in the summary.
    page.get_by_label("Bedrag zonder btw (€)").fill("5000")
    sent = wait_for_answer_to(page, "r.services.length === 1 && r.services[0].amount === '5000'")
    assert sent["services"] == [{"amount": "5000"}]
    errors = evaluate(sent)["errors"]
    assert [error["field"] for error in errors] == ["services[0].kind"]
    expect(page.locator("[data-group-for='services[0].kind'] .kmo-error")).to_have_text(errors[0]["message"])
    expect(page.locator("[data-error-summary]")).to_contain_text(errors[0]["message"])


def test_an_empty_row_after_a_service_is_left_out_but_an_empty_row_before_one_is_not(page: Page, base_url: str) -> None:
    open_calculator(page, base_url)
    answer_three_questions(page)
    wait_for_answer_to(page, "r.services[0] && r.services[0].amount === '8000'")
    page.locator("details[data-more] > summary").click()
    page.get_by_role("button", name="Dienst toevoegen").first.click()
    expect(page.locator("[data-rows='services'] .kmo-row")).to_have_count(2)
    sent = submit_and_wait(page)
    assert sent["services"] == [{"kind": "pentest", "amount": "8000"}], "the new, still empty row is not a service"
    expect(page.locator("[data-error-summary]")).to_be_hidden()
    expect(page.locator("[data-service]")).to_have_count(1)
    # Emptying the first row while the second holds a service: the first row keeps its number and its errors.
    second = page.get_by_role("group", name="Dienst 2")
    choose_kind(second.get_by_label("Soort dienst"), "pentest")
    second.get_by_label("Bedrag zonder btw (€)").fill("1000")
    first = page.get_by_role("group", name="Dienst 1")
    first.get_by_label("Soort dienst").select_option(label="Kies een dienst")
    first.get_by_label("Bedrag zonder btw (€)").fill("")
    sent = wait_for_answer_to(page, "r.services.length === 2 && Object.keys(r.services[0]).length === 0")
    fields = [error["field"] for error in evaluate(sent)["errors"]]
    assert "services[0].kind" in fields
    expect(page.locator("[data-group-for='services[0].kind'] .kmo-error")).to_be_visible()


@pytest.mark.parametrize(
    "request_",
    [{"enterprise": {"size_category": "klein"}}, {"enterprise": {"size_category": "groot"}, "services": []}],
    ids=["no services key", "empty services list"],
)
def test_a_shared_address_without_services_shows_the_enterprise_answer(
    request_: dict[str, Any], page: Page, base_url: str
) -> None:
    sent = open_with_request(page, base_url, request_)
    assert evaluate(sent) == evaluate(request_), sent
    answer = evaluate(sent)
    assert answer["ok"]
    assert_page_shows(page, answer)
    expect(page.locator("[data-answer='summary']")).to_have_text(answer["summary"]["message"])
    expect(page.locator("[data-error-summary]")).to_be_hidden()
    expect(page.locator(".kmo-error:visible")).to_have_count(0)
    expect(page.locator("[data-address-problem]")).to_be_hidden()
