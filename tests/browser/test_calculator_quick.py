"""The calculator page, version 2: an answer after three questions, then refinements, as a visitor uses it.

Every expectation is the package's own answer to the request the page sent (calculator.evaluate on the host);
no test here measures time.
"""

from __future__ import annotations

import json
import re
import urllib.parse
from pathlib import Path
from typing import Any

import icalendar
import pytest
from browser_helpers import fragment, open_calculator, open_with_request, renders, submit_and_wait, wait_until_ready
from form import assert_page_shows, choose_kind
from playwright.sync_api import BrowserContext, Locator, Page, Route, expect

from calculator import evaluate
from calculator.agenda import agenda

pytestmark = pytest.mark.browser


def sent_request(page: Page) -> dict[str, Any]:
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


def answer_three_questions(page: Page, size: str = "Klein", kind: str = "pentest", amount: str = "8000") -> None:
    page.get_by_role("group", name="Grootte van uw onderneming").get_by_label(size, exact=True).check()
    choose_kind(page.get_by_label("Soort dienst"), kind)
    page.get_by_label("Bedrag zonder btw (€)").fill(amount)


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
    must not replace the buttons under the visitor's pointer (a press on "Aanpassen" was lost that way)."""
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


# --- a question about the enterprise alone ---------------------------------------------------------------------


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


# --- nothing painted again when the runtime becomes ready ------------------------------------------------------

WATCH_PAINTS = """
window.kmoChanges = [];
document.addEventListener('DOMContentLoaded', () => {
  const root = document.querySelector('[data-calculator]');
  window.kmoPlaceholder = root.querySelector('[data-placeholder]');
  new MutationObserver((records) => {
    for (const record of records) {
      const node = record.target.nodeType === 1 ? record.target : record.target.parentElement;
      if (node.closest('[data-status]')) continue; // the loading line says "Klaar": that one changes
      if (record.type === 'attributes' && record.attributeName.startsWith('data-')) continue; // no paint
      window.kmoChanges.push(`${record.type} ${record.attributeName || ''} on ${node.outerHTML.slice(0, 80)}`);
    }
  }).observe(root, {subtree: true, childList: true, attributes: true, characterData: true});
});
"""


def test_nothing_on_screen_is_written_again_when_the_runtime_becomes_ready(
    context: BrowserContext, base_url: str
) -> None:
    """Only the status line changes when the runtime is ready: the placeholder (the largest paint on a phone) and the
    form stay as they were painted, so the browser has nothing to paint again."""
    page = context.new_page()
    page.set_viewport_size({"width": 360, "height": 740})
    page.add_init_script(WATCH_PAINTS)
    open_calculator(page, base_url)
    page.wait_for_function("() => Number(document.querySelector('[data-results]').dataset.renders || 0) > 0")
    page.wait_for_timeout(500)  # the address is saved 300 ms after an answer
    assert page.evaluate("() => window.kmoChanges") == []
    assert page.evaluate("() => window.kmoPlaceholder.isConnected && !window.kmoPlaceholder.hidden")
    assert page.evaluate("() => location.hash") == ""


def test_the_runtime_downloads_start_after_the_first_paint(page: Page, base_url: str) -> None:
    """The runtime's preloads wait until the page has painted: started with the page, they held back its stylesheet
    on a slow line, and the page's first and largest paint came only after megabytes of runtime (an order of
    events, not a duration)."""
    open_calculator(page, base_url)
    order = page.evaluate(
        """() => {
            const paint = performance.getEntriesByName('first-contentful-paint')[0].startTime;
            return performance.getEntriesByType('resource')
                .filter((entry) => /(pyodide[.]asm[.]wasm|python_stdlib[.]zip)$/.test(entry.name))
                .map((entry) => [entry.name.split('/').pop(), entry.initiatorType, entry.startTime >= paint]);
        }"""
    )
    preloads = [entry for entry in order if entry[1] == "link"]
    assert sorted(name for name, _, _ in preloads) == ["pyodide.asm.wasm", "python_stdlib.zip"], order
    assert all(after for _, _, after in preloads), order


def test_the_head_start_preloads_the_runtime_before_the_page_script_runs(page: Page, base_url: str) -> None:
    """The preloads come from the head start (calculator-boot.mjs, an async module at the top of <head>), not from the
    page script, which runs only once the whole document is parsed: with the page script held back, the big files
    still start downloading once the page has painted, each in the form the host sends it."""
    held: list[Route] = []
    page.route("**/calculator-page.mjs", lambda route: held.append(route))  # noqa: PLW0108
    page.goto(base_url + "rekenmodule/", wait_until="commit")  # the load event waits for the page script
    page.wait_for_function(
        """() => ['pyodide.asm.wasm', 'python_stdlib.zip'].every((name) =>
            performance.getEntriesByType('resource').some((entry) =>
                entry.initiatorType === 'link' && entry.name.split('/').pop() === name))"""
    )
    assert held, "the page script was not held back"
    assert page.get_attribute("[data-calculator]", "data-worker-start") is None  # the page script has not run
    preloaded = page.evaluate(
        """() => [...document.head.querySelectorAll('link[rel=preload][as=fetch]')]
            .map((link) => link.getAttribute('href').split('/').pop()).sort()"""
    )
    assert preloaded == ["pyodide-lock.json", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip"], preloaded
    for route in held:
        route.continue_()
    wait_until_ready(page)


def test_the_form_filled_in_while_loading_is_answered_when_the_runtime_is_ready(page: Page, base_url: str) -> None:
    held: list[Route] = []
    page.route("**/*.wasm", lambda route: held.append(route))  # noqa: PLW0108
    page.goto(base_url + "rekenmodule/")
    page.wait_for_function("() => document.querySelector('[data-calculator]').dataset.state === 'loading'")
    answer_three_questions(page)
    expect(page.get_by_label("Bedrag zonder btw (€)")).to_have_value("8000")
    assert page.get_attribute("[data-calculator]", "data-state") == "loading"
    assert renders(page) == 0
    page.wait_for_function("() => location.hash.includes('aanvraag=')")  # the address follows the form already
    for route in held:
        route.continue_()
    page.unroute("**/*.wasm")
    wait_until_ready(page)
    sent = wait_for_answer_to(page, "r.services[0] && r.services[0].amount === '8000'")
    assert sent == {"enterprise": {"size_category": "klein"}, "services": [{"kind": "pentest", "amount": "8000"}]}
    expect(page.locator("[data-answer='summary']")).to_have_text(evaluate(sent)["summary"]["message"])


# --- a shared address the page cannot read ---------------------------------------------------------------------

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
