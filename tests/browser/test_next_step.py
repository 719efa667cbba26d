"""The next step below an answer (frontend/next-step.mjs), and the offer's cards that open the calculator.

The example provider (examples/aanbieder-voorbeeld.toml) has an e-mail address: its next step is a mailto: link
that holds the summary, the apply-by date and the link to this calculation. The default provider's file gives no
e-mail, contact page or phone: its next step leads to its website and says to mention the calculation's link. The
page itself sends nothing."""

from __future__ import annotations

import json
import tomllib
import urllib.parse
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from axe_helpers import built_pages, describe, site_problems, violations
from browser_helpers import fragment, open_calculator, wait_until_ready
from form import choose_kind
from playwright.sync_api import Browser, BrowserContext, Page, expect

from build_scripts.serve import serve_in_thread
from calculator import evaluate
from tests.example_provider import example_site

DEFAULT_PROVIDER_FILE = Path(__file__).resolve().parents[2] / "aanbieder.toml"

pytestmark = pytest.mark.browser

QUICK = {"enterprise": {"size_category": "klein"}, "services": [{"kind": "pentest", "amount": "8000"}]}


@pytest.fixture(scope="module")
def example_url() -> Iterator[str]:
    server, url = serve_in_thread(example_site())
    yield url
    server.shutdown()
    server.server_close()


@pytest.fixture
def watched(browser: Browser) -> Iterator[tuple[BrowserContext, list[str]]]:
    context = browser.new_context(locale="nl-BE", viewport={"width": 360, "height": 740})
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    yield context, requests
    context.close()


def answered(page: Page) -> dict[str, Any]:
    page.wait_for_function("() => Number(document.querySelector('[data-results]').dataset.renders || 0) > 0")
    sent: dict[str, Any] = json.loads(page.get_attribute("[data-results]", "data-result-for") or "{}")
    return sent


def mail_parts(href: str) -> tuple[str, dict[str, str]]:
    address, _, query = href.removeprefix("mailto:").partition("?")
    return address, {key: values[0] for key, values in urllib.parse.parse_qs(query).items()}


def test_after_a_quick_answer_the_mailto_link_holds_the_amount_and_the_calculation(
    watched: tuple[BrowserContext, list[str]], example_url: str
) -> None:
    context, requests = watched
    page = context.new_page()
    open_calculator(page, example_url)
    page.get_by_role("group", name="Grootte van uw onderneming").get_by_label("Klein", exact=True).check()
    choose_kind(page.get_by_label("Soort dienst"), "pentest")
    page.get_by_label("Bedrag zonder btw (€)").fill("8000")
    page.wait_for_function("() => (document.querySelector('[data-results]').dataset.resultFor || '').includes('8000')")
    sent = answered(page)
    answer = evaluate(sent)
    link = page.get_by_role("link", name="Vraag een offerte")
    expect(link).to_be_visible()
    address, parts = mail_parts(link.get_attribute("href") or "")
    assert address == "offerte@example.org"
    body = parts["body"]
    shown = answer["display"]["support_total_rounded"].replace("\u00a0", " ")
    assert shown in parts["subject"]
    assert answer["summary"]["message"].replace("\u00a0", " ") in body
    assert f"Steun aanvragen uiterlijk op: {answer['timeline'][0]['display']['apply_by']}" in body
    calculation = next(line for line in body.splitlines() if line.startswith("Link naar deze berekening: "))
    url = calculation.removeprefix("Link naar deze berekening: ")
    assert url.startswith(example_url + "rekenmodule/#aanvraag=")
    assert json.loads(urllib.parse.parse_qs(urllib.parse.urlsplit(url).fragment)["aanvraag"][0]) == sent
    # The same summary as "Kopieer samenvatting", and the page says what the e-mail holds.
    assert "Kopieer samenvatting" not in body
    assert "Vraag een offerte" not in body
    expect(page.locator("[data-next-privacy]")).to_contain_text("met uw cijfers")
    # Nothing left the page: every request went to this site.
    assert requests
    assert all(request.startswith(example_url) for request in requests), [
        r for r in requests if not r.startswith(example_url)
    ]


def test_an_answer_without_support_gets_fitting_words(
    watched: tuple[BrowserContext, list[str]], example_url: str
) -> None:
    context, _ = watched
    page = context.new_page()
    request = {"enterprise": {"size_category": "klein"}, "services": [{"kind": "software_license", "amount": "900"}]}
    open_calculator(page, example_url, fragment(request))
    answered(page)
    link = page.get_by_role("link", name="Bespreek met ons wat wel kan")
    expect(link).to_be_visible()
    _, parts = mail_parts(link.get_attribute("href") or "")
    assert parts["subject"].startswith("Vraag over de kmo-portefeuille")
    assert "Steun aanvragen uiterlijk op" not in parts["body"]


def test_a_used_up_cap_gets_the_next_step_that_fits_it(
    watched: tuple[BrowserContext, list[str]], example_url: str
) -> None:
    """The year's cap is used up: the answer says "plafond op"; the next step must not offer to go on "with this
    support" over an estimate of € 0."""
    context, _ = watched
    page = context.new_page()
    request = {**QUICK, "support_used_this_year": "7500"}
    assert evaluate(request)["summary"]["code"] == "samenvatting.plafond_op"
    open_calculator(page, example_url, fragment(request))
    answered(page)
    block = page.locator("[data-next-step]")
    expect(block).to_have_attribute("data-outcome", "cap")
    expect(block).not_to_contain_text("met deze steun verder")
    expect(block.locator("[data-next-lead]")).to_contain_text("steunplafond")
    link = page.get_by_role("link", name="Bespreek met ons wat wel kan")
    _, parts = mail_parts(link.get_attribute("href") or "")
    assert parts["subject"].startswith("Vraag over de kmo-portefeuille")


def test_without_e_mail_contact_page_or_phone_the_next_step_is_the_website_with_the_calculation(
    watched: tuple[BrowserContext, list[str]], base_url: str
) -> None:
    """The default provider's file gives only a website: the next step leads there (not to the contact page, which
    would point back here) and says to mention the calculation's link, which "Kopieer samenvatting" copies."""
    provider = tomllib.loads(DEFAULT_PROVIDER_FILE.read_text(encoding="utf-8"))
    assert not provider.get("contact"), "this test is about a provider file without contact details"
    context, _ = watched
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url.rstrip("/"))
    page = context.new_page()
    open_calculator(page, base_url, fragment(QUICK))
    sent = answered(page)
    link = page.get_by_role("link", name=f"Naar de website van {provider['naam']}")
    expect(link).to_be_visible()
    assert link.get_attribute("href") == provider["website"]
    assert page.locator("[data-next-step]").get_attribute("data-way") == "website"
    expect(page.get_by_role("link", name="Neem contact met ons op")).to_have_count(0)
    hint = page.locator("[data-next-copy]")
    expect(hint).to_be_visible()
    expect(hint).to_contain_text("vermeld de link naar deze berekening")
    expect(hint).to_contain_text("Kopieer samenvatting")
    expect(page.locator("[data-next-privacy]")).to_be_hidden()
    # What the hint promises: the copied summary ends with the link to this calculation.
    page.get_by_role("button", name="Kopieer samenvatting").click()
    copied = str(page.evaluate("() => navigator.clipboard.readText()"))
    url = copied.strip().splitlines()[-1]
    assert url.startswith(base_url + "rekenmodule/#aanvraag=")
    assert json.loads(urllib.parse.parse_qs(urllib.parse.urlsplit(url).fragment)["aanvraag"][0]) == sent
    assert "Naar de website van" not in copied


def test_a_card_of_the_offer_opens_the_calculator_with_its_service_and_price(
    watched: tuple[BrowserContext, list[str]], example_url: str
) -> None:
    context, _ = watched
    page = context.new_page()
    page.goto(example_url + "diensten/")
    card = page.locator("[data-aanbod]", has_text="Pentest van uw webwinkel")
    card.get_by_role("link", name="Bereken voor uw onderneming").click()
    wait_until_ready(page)
    expect(page.get_by_label("Soort dienst")).to_have_value("pentest")
    expect(page.get_by_label("Bedrag zonder btw (€)")).to_have_value("6500.00")
    page.get_by_role("group", name="Grootte van uw onderneming").get_by_label("Middelgroot", exact=True).check()
    page.wait_for_function(
        "() => (document.querySelector('[data-results]').dataset.resultFor || '').includes('middelgroot')"
    )
    sent = answered(page)
    assert sent["services"] == [{"kind": "pentest", "amount": "6500.00"}]
    expect(page.locator("[data-answer='summary']")).to_have_text(evaluate(sent)["summary"]["message"])


def test_every_page_of_the_example_provider_has_no_axe_violation(axe_context: BrowserContext, example_url: str) -> None:
    paths = built_pages(example_site())
    assert len(paths) >= 9
    problems = site_problems(axe_context.new_page(), example_url, paths)
    assert not problems, "\n\n".join(f"{path}:\n{text}" for path, text in problems.items())


@pytest.mark.parametrize("request_", [QUICK, {"enterprise": {"size_category": "groot"}, "services": QUICK["services"]}])
def test_the_next_step_has_no_axe_violation(
    request_: dict[str, Any], axe_context: BrowserContext, example_url: str
) -> None:
    page = axe_context.new_page()
    open_calculator(page, example_url, fragment(request_))
    answered(page)
    expect(page.locator("[data-next-step]")).to_be_visible()
    found = violations(page)
    assert not found, describe(found)
