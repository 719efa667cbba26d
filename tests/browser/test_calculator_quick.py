"""The calculator page, version 2: an answer after three questions, then refinements, as a visitor uses it.

Every expectation is the package's own answer to the request the page sent (calculator.evaluate on the host);
no test here measures time. The page asked about the enterprise alone, the page while the runtime loads and the
address that holds the form have their own files (test_calculator_enterprise_only.py, test_calculator_loading.py,
test_calculator_address.py).
"""

from __future__ import annotations

import re
from pathlib import Path

import icalendar
import pytest
from browser_helpers import fragment, open_calculator, open_with_request, renders, wait_for_answer_to
from form import answer_three_questions, assert_page_shows, choose_kind
from playwright.sync_api import BrowserContext, Locator, Page, expect

from calculator import evaluate
from calculator.agenda import agenda

pytestmark = pytest.mark.browser


def test_three_questions_by_their_labels_give_the_amount(page: Page, base_url: str) -> None:
    open_calculator(page, base_url)
    expect(page.locator("[data-placeholder]")).to_be_visible()
    answer_three_questions(page)
    sent = wait_for_answer_to(page, "r.services[0] && r.services[0].amount === '8000'")
    assert sent == {"enterprise": {"size_category": "klein"}, "services": [{"kind": "pentest", "amount": "8000"}]}
    answer = evaluate(sent)
    expect(page.locator("[data-answer='summary']")).to_have_text(answer["summary"]["message"])
    assert answer["services"][0]["support"] == "3600.00"
    # The assumptions are listed, each with the button that opens its field.
    items = page.locator("[data-assumption]")
    expect(items).to_have_count(len(answer["assumptions"]))
    for assumption in answer["assumptions"]:
        item = page.locator(f"[data-assumption='{assumption['field']}']")
        expect(item).to_contain_text(assumption["message"])
        expect(item.get_by_role("button", name="Aanpassen")).to_be_visible()
    # The personal timeline, from the answer.
    card = page.locator("[data-service='0']")
    expect(card).to_contain_text(answer["timeline"][0]["display"]["apply_by"])
    # A pentest is advice: the official text gives the end date for training only, so none is shown.
    assert answer["timeline"][0]["finish_by"] is None
    expect(card).not_to_contain_text("beëindigd")
    expect(card).to_contain_text(answer["timeline"][0]["display"]["deposit"])


def test_each_refinement_changes_the_answer_as_evaluate_does(page: Page, base_url: str) -> None:
    open_calculator(page, base_url)
    answer_three_questions(page)
    wait_for_answer_to(page, "r.services[0] && r.services[0].amount === '8000'")

    # Region: the assumption opens its field; Brussels is not eligible.
    page.locator("[data-assumption='enterprise.region']").get_by_role("button", name="Aanpassen").click()
    region = page.get_by_label("In het Brussels Hoofdstedelijk Gewest", exact=True)
    expect(page.get_by_label("In het Vlaams Gewest", exact=True)).to_be_focused()
    region.check()
    sent = wait_for_answer_to(page, "r.enterprise.region === 'brussel'")
    answer = evaluate(sent)
    assert not answer["eligible"]
    expect(page.locator("[data-answer='summary']")).to_have_text(answer["summary"]["message"])
    expect(page.locator("[data-service='0']")).to_have_attribute("data-eligible", "false")
    expect(page.locator("[data-service='0'] .kmo-timeline")).to_have_count(0)  # no deadline that does not apply

    # Back to Flanders, then the start date: a start three weeks ago is too late.
    page.get_by_label("In het Vlaams Gewest", exact=True).check()
    page.locator("[data-assumption='services[0].start_date']").get_by_role("button", name="Aanpassen").click()
    start = page.get_by_label("Startdatum")
    expect(start).to_be_focused()
    start.fill("2026-11-01")
    sent = wait_for_answer_to(page, "r.services[0].start_date === '2026-11-01' && r.enterprise.region === 'vlaanderen'")
    answer = evaluate(sent)
    expect(page.locator("[data-answer='summary']")).to_have_text(answer["summary"]["message"])
    expect(page.locator("[data-answer='services.0.explanation']").first).to_have_text(
        answer["services"][0]["explanation"]
    )

    # "Weet ik niet" on the main activity keeps the assumption.
    page.get_by_label("Startdatum").fill("")
    page.locator("[data-assumption='enterprise.main_activity_eligible']").get_by_role(
        "button", name="Aanpassen"
    ).click()
    page.get_by_role("group", name=re.compile("NACE-BEL")).get_by_label("Weet ik niet", exact=True).check()
    sent = wait_for_answer_to(page, "!('start_date' in r.services[0])")
    assert "main_activity_eligible" not in sent["enterprise"]
    expect(page.locator("[data-assumption='enterprise.main_activity_eligible']")).to_be_visible()
    expect(page.get_by_role("link", name="de lijst van VLAIO")).to_be_visible()


def test_refining_the_size_shows_the_size_as_the_visitor_types(page: Page, base_url: str) -> None:
    open_calculator(page, base_url)
    choose_kind(page.get_by_label("Soort dienst"), "cybersecurity_training")
    page.get_by_label("Bedrag zonder btw (€)").fill("2000")
    page.get_by_role("group", name="Grootte van uw onderneming").get_by_label("Weet ik niet", exact=True).check()
    figures = page.get_by_role("group", name="De grootte van uw onderneming berekenen")
    expect(figures).to_be_visible()
    figures.get_by_label("Aantal werknemers (VTE)", exact=True).first.fill("60")
    figures.get_by_label("Jaaromzet zonder btw (€)", exact=True).first.fill("5.000.000")
    figures.get_by_label("Balanstotaal (€)", exact=True).first.fill("2.000.000")
    sent = wait_for_answer_to(page, "r.enterprise.balance_total === '2.000.000'")
    answer = evaluate(sent)
    assert answer["size"]["category"] == "middelgroot"
    expect(page.locator("[data-size-result]")).to_have_text(answer["size"]["explanation"])
    expect(page.locator("[data-answer='summary']")).to_have_text(answer["summary"]["message"])


def test_a_value_the_form_cannot_hold_is_an_error_at_its_field(page: Page, base_url: str) -> None:
    request = {
        "application_date": "2026-02-30",
        "enterprise": {"size_category": "klein"},
        "services": [{"kind": "quantum", "amount": "-5"}],
    }
    sent = open_with_request(page, base_url, request)
    assert sent == request, "a value the form cannot hold is sent as it was, never replaced by a default"
    answer = evaluate(sent)
    assert not answer["ok"]
    for error in answer["errors"]:
        group = page.locator(f"[data-group-for='{error['field']}']")
        expect(group.locator(".kmo-error")).to_have_text(error["message"])
        expect(group).to_be_visible()
    fields = {error["field"] for error in answer["errors"]}
    assert fields >= {"application_date", "services[0].kind", "services[0].amount"}
    # Choosing a real kind replaces the held value.
    choose_kind(page.get_by_label("Soort dienst"), "pentest")
    sent = wait_for_answer_to(page, "r.services[0].kind === 'pentest'")
    assert "services[0].kind" not in {error["field"] for error in evaluate(sent)["errors"]}


def test_the_calendar_file_downloads_and_holds_the_timeline(page: Page, base_url: str, tmp_path: Path) -> None:
    request = {
        "application_date": "2026-11-27",
        "enterprise": {"size_category": "klein"},
        "services": [{"kind": "cybersecurity_training", "amount": "2000", "start_date": "2026-12-01"}],
    }
    sent = open_with_request(page, base_url, request)
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Zet in mijn agenda").click()
    download = download_info.value
    expected = agenda(sent)
    assert download.suggested_filename == expected["filename"]
    target = tmp_path / download.suggested_filename
    download.save_as(target)
    data = target.read_bytes()
    assert data.decode("utf-8") == expected["ics"]
    calendar = icalendar.Calendar.from_ical(data)
    events = list(calendar.walk("VEVENT"))
    timeline = evaluate(sent)["timeline"][0]
    days = {event.decoded("DTSTART").isoformat() for event in events}
    assert {day for day in (timeline["apply_by"], timeline["finish_by"]) if day} <= days


def test_an_ineligible_service_shows_why_and_no_deadline(page: Page, base_url: str) -> None:
    request = {"enterprise": {"size_category": "klein"}, "services": [{"kind": "software_license", "amount": "900"}]}
    sent = open_with_request(page, base_url, request)
    service = evaluate(sent)["services"][0]
    card = page.locator("[data-service='0']")
    expect(card).to_have_attribute("data-eligible", "false")
    expect(card).to_contain_text(service["explanation"])
    expect(card.locator(".kmo-timeline")).to_have_count(0)
    expect(card.locator("dl")).to_be_hidden()
    expect(page.get_by_role("button", name="Zet in mijn agenda")).to_be_hidden()


def test_on_a_phone_the_questions_and_the_answer_fit_the_first_screen(context: BrowserContext, base_url: str) -> None:
    page = context.new_page()
    page.set_viewport_size({"width": 360, "height": 740})
    open_calculator(
        page,
        base_url,
        fragment({"enterprise": {"size_category": "klein"}, "services": [{"kind": "pentest", "amount": "8000"}]}),
    )
    page.wait_for_function("() => Number(document.querySelector('[data-results]').dataset.renders || 0) > 0")
    page.evaluate("() => window.scrollTo(0, 0)")
    # Without scrolling: the heading, the three questions and the answer sentence are on the first screen.
    sentence = page.locator("[data-answer='summary']").bounding_box()
    assert sentence is not None
    assert sentence["y"] + sentence["height"] <= 740, sentence
    for label in ("Grootte van uw onderneming", "Soort dienst", "Bedrag zonder btw (€)"):
        box = page.get_by_text(label, exact=True).first.bounding_box()
        assert box is not None, label
        assert box["y"] + box["height"] <= 740, label
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= 360, "nothing is wider than the phone"
    small = page.evaluate(
        """() => [...document.querySelectorAll(['[data-calculator] button', '[data-calculator] select',
                 '[data-calculator] input:not([type=radio])', '[data-calculator] .kmo-choice label',
                 '[data-calculator] summary'].join(','))]
            .filter((node) => node.offsetParent !== null)
            .map((node) => ({text: (node.textContent || node.id).trim().slice(0, 40), box: node.getBoundingClientRect()}))
            .filter(({box}) => box.width < 44 || box.height < 44)
            .map(({text, box}) => `${text}: ${Math.round(box.width)}x${Math.round(box.height)}`)"""
    )
    assert not small, small


def test_the_same_request_again_keeps_the_view_so_a_pressed_button_stays(page: Page, base_url: str) -> None:
    """Leaving a field fires its change event after its input event already asked: the answer to that same request
    must not replace the buttons under the visitor's pointer (a press on "Aanpassen" would be lost)."""
    open_calculator(page, base_url)
    answer_three_questions(page)
    wait_for_answer_to(page, "r.services[0] && r.services[0].amount === '8000'")
    page.evaluate("() => { window.kmoButton = document.querySelector('[data-assumption] button'); }")
    before = renders(page)
    page.get_by_label("Bedrag zonder btw (€)").dispatch_event("change")
    page.wait_for_function(
        "(before) => Number(document.querySelector('[data-results]').dataset.renders) > before", arg=before
    )
    assert page.evaluate("() => window.kmoButton.isConnected")
    # A different request does build a new view.
    page.get_by_label("Bedrag zonder btw (€)").fill("9000")
    wait_for_answer_to(page, "r.services[0].amount === '9000'")
    assert not page.evaluate("() => window.kmoButton.isConnected")


# --- the size in the answer sentence ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("enterprise", "how"),
    [
        ({"fte": "60", "turnover": "5.000.000", "balance_total": "2.000.000"}, "computed"),
        ({"fte": "70", "turnover": "1.000.000", "balance_total": "100.000", "locked_size": "klein"}, "locked"),
        ({"size_category": "middelgroot"}, "stated"),
    ],
)
def test_a_size_the_visitor_did_not_state_is_named_in_the_answer_sentence(
    enterprise: dict[str, str], how: str, page: Page, base_url: str
) -> None:
    request = {"enterprise": enterprise, "services": [{"kind": "pentest", "amount": "8000"}]}
    sent = open_with_request(page, base_url, request)
    answer = evaluate(sent)
    size = answer["size"]
    assert (size["stated"], size["locked"]) == {
        "computed": (False, False),
        "locked": (False, True),
        "stated": (True, False),
    }[how]
    named = page.locator("[data-answer='summary']")
    expect(named).to_have_text(answer["summary"]["message"])
    category = size["display"]["category"]
    if how == "stated":
        assert category not in answer["summary"]["message"]  # the visitor said it: the sentence does not repeat it
        return
    # Visible without opening anything: in the sentence, not inside a closed disclosure.
    expect(named).to_be_visible()
    assert named.evaluate("(node) => node.closest('details') === null")
    expect(named).to_contain_text(f" {category}")
    if how == "locked":
        assert size["computed_category"] != size["category"], "the figures alone would give another size"
        assert answer["summary"]["parts"][-1]["code"] == "samenvatting.grootte.vastgelegd"
    else:
        assert answer["summary"]["parts"][-1]["code"] == "samenvatting.grootte.definitie"


# --- the related provider --------------------------------------------------------------------------------------


def related_question(page: Page) -> Locator:
    return page.get_by_role("group", name=re.compile("aanverwante ondernemingen"))


def test_the_related_provider_question_sits_in_uw_onderneming_and_is_sent(page: Page, base_url: str) -> None:
    open_calculator(page, base_url)
    answer_three_questions(page)
    wait_for_answer_to(page, "r.services[0] && r.services[0].amount === '8000'")
    question = related_question(page)
    expect(question).to_be_hidden()  # inside the closed "Uw onderneming" disclosure
    page.locator("details[data-refine] > summary").click()
    expect(question).to_be_visible()
    expect(question.locator(".kmo-hint")).to_contain_text("zaakvoerder")
    question.get_by_label("Ja", exact=True).check()
    sent = wait_for_answer_to(page, "r.enterprise.provider_related === true")
    assert_page_shows(page, evaluate(sent))
    question.get_by_label("Nee", exact=True).check()
    sent = wait_for_answer_to(page, "r.enterprise.provider_related === false")
    assert_page_shows(page, evaluate(sent))
    question.get_by_label("Weet ik niet", exact=True).check()
    sent = wait_for_answer_to(page, "!('provider_related' in r.enterprise) && r.services.length === 1")
    assert_page_shows(page, evaluate(sent))


def test_a_shared_related_provider_is_restored(page: Page, base_url: str) -> None:
    request = {
        "enterprise": {"size_category": "klein", "provider_related": True},
        "services": [{"kind": "pentest", "amount": "8000"}],
    }
    sent = open_with_request(page, base_url, request)
    assert sent == request
    question = related_question(page)
    expect(question).to_be_visible()  # its disclosure opens to show the value the address holds
    expect(question.get_by_label("Ja", exact=True)).to_be_checked()
    assert_page_shows(page, evaluate(sent))
