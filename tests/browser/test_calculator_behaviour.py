"""How the calculator page behaves: its origin, its failure paths, the main thread, sharing, printing, copying."""

from __future__ import annotations

import json
import re
import urllib.parse

import pytest
from browser_helpers import open_calculator, submit_and_wait, wait_until_ready
from form import assert_page_shows, fill_form
from playwright.sync_api import Browser, BrowserContext, Page, Route, expect
from scenarios import SCENARIOS

from calculator import evaluate

pytestmark = pytest.mark.browser

EXAMPLE = SCENARIOS["contract example: small with a linked and a partner enterprise, pentest"]


def test_no_request_leaves_the_origin(context: BrowserContext, base_url: str) -> None:
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    page = context.new_page()
    open_calculator(page, base_url)
    fill_form(page, EXAMPLE)
    submit_and_wait(page)
    page.get_by_role("link", name="Voorwaarden", exact=True).first.click()
    page.wait_for_load_state("load")
    assert any(url.endswith(".wasm") for url in requests), "the worker's requests must be recorded too"
    assert any(url.endswith(".whl") for url in requests)
    foreign = [url for url in requests if not url.startswith(base_url) and not url.startswith("data:")]
    assert not foreign, foreign


def test_the_state_goes_from_loading_to_ready(page: Page, base_url: str) -> None:
    page.goto(base_url + "rekenmodule/")
    expect(page.locator("[data-calculator]")).to_have_attribute("data-state", re.compile("loading|ready"))
    wait_until_ready(page)
    expect(page.locator("[data-status-text]")).to_contain_text(re.compile("klaar", re.IGNORECASE))
    expect(page.locator("[data-results]")).to_have_attribute("aria-live", "polite")


def test_a_blocked_runtime_shows_the_dutch_error_and_the_page_keeps_working(page: Page, base_url: str) -> None:
    page.route("**/*.wasm", lambda route: route.abort("blockedbyclient"))
    page.goto(base_url + "rekenmodule/")
    page.wait_for_selector("[data-calculator][data-state='error']", timeout=30_000)
    status = page.locator("[data-status-text]")
    expect(status).to_contain_text("De rekenmodule kon niet starten")
    expect(status).to_contain_text("De informatiepagina's werken wel")
    retry = page.get_by_role("button", name="Opnieuw proberen")
    expect(retry).to_be_visible()
    # Retry once the network is back: the calculator starts.
    page.unroute("**/*.wasm")
    retry.click()
    wait_until_ready(page)
    # The rest of the page works: navigation to an information page.
    page.get_by_role("link", name="Hoeveel steun?", exact=True).first.click()
    expect(page.locator("h1")).to_have_text(re.compile("Hoeveel steun"))


def test_a_runtime_file_answering_404_is_a_start_failure_not_a_hang(page: Page, base_url: str) -> None:
    # Pyodide swallows a failed WebAssembly download and waits for ever; the worker must report it at once, so the
    # watchdog is set far beyond this test's wait and cannot be what ends the loading state.
    page.add_init_script("window.kmoStartTimeoutMs = 600000;")
    page.route("**/*.wasm", lambda route: route.fulfill(status=404, body="weg"))
    page.goto(base_url + "rekenmodule/")
    page.wait_for_selector("[data-calculator][data-state='error']", timeout=30_000)
    expect(page.locator("[data-status-text]")).to_contain_text("De rekenmodule kon niet starten")


def test_a_hanging_runtime_trips_the_watchdog(page: Page, base_url: str) -> None:
    page.add_init_script("window.kmoStartTimeoutMs = 3000;")
    hung: list[Route] = []

    # A function, not hung.append: Playwright sets an attribute on the handler, which a builtin method refuses.
    def hang(route: Route) -> None:
        hung.append(route)

    page.route("**/*.wasm", hang)  # never answered
    page.goto(base_url + "rekenmodule/")
    page.wait_for_selector("[data-calculator][data-state='error']", timeout=20_000)
    expect(page.locator("[data-status-text]")).to_contain_text("na 3 seconden nog niet gestart")
    expect(page.get_by_role("button", name="Opnieuw proberen")).to_be_visible()
    assert hung, "the wasm request was made and held"


def test_a_shared_address_restores_the_form_and_its_result(context: BrowserContext, base_url: str) -> None:
    page = context.new_page()
    open_calculator(page, base_url)
    fill_form(page, EXAMPLE)
    sent = submit_and_wait(page)
    # The address is saved 300 ms after the last change: wait for the one that holds this request (an address saved
    # during a pause in the typing already holds "aanvraag=", with a form not yet complete).
    page.wait_for_function(
        """(sent) => {
            const raw = new URLSearchParams(location.hash.slice(1)).get('aanvraag');
            return raw !== null && raw === JSON.stringify(sent);
        }""",
        arg=sent,
    )
    shared = page.url
    parts = urllib.parse.urlsplit(shared)
    assert parts.query == "", "the state is never in the query: it would reach the server"
    assert json.loads(urllib.parse.parse_qs(parts.fragment)["aanvraag"][0]) == sent

    other = context.browser.new_context(locale="nl-BE")  # type: ignore[union-attr]
    try:
        fresh = other.new_page()
        fresh.goto(shared)
        wait_until_ready(fresh)
        fresh.wait_for_function("() => Number(document.querySelector('[data-results]').dataset.renders || 0) > 0")
        figures = fresh.get_by_role("group", name="De grootte van uw onderneming berekenen")
        expect(figures.get_by_label("Aantal werknemers (VTE)", exact=True).first).to_have_value("12,5")
        expect(
            fresh.get_by_role("group", name="Partneronderneming 1").get_by_label(
                "Aandeel in kapitaal of stemrechten (%)"
            )
        ).to_have_value("30")
        restored = json.loads(fresh.get_attribute("[data-results]", "data-result-for") or "{}")
        assert restored == sent
        assert_page_shows(fresh, evaluate(sent))
    finally:
        other.close()


def test_an_old_query_address_is_restored_and_moved_to_the_fragment(page: Page, base_url: str) -> None:
    request = {"enterprise": {"size_category": "middelgroot"}, "services": [{"kind": "pentest", "amount": "8000"}]}
    open_calculator(page, base_url, "?" + urllib.parse.urlencode({"aanvraag": json.dumps(request)}))
    page.wait_for_function("() => Number(document.querySelector('[data-results]').dataset.renders || 0) > 0")
    assert page.evaluate("() => location.search") == ""
    assert "aanvraag=" in page.evaluate("() => location.hash")
    sent = json.loads(page.get_attribute("[data-results]", "data-result-for") or "{}")
    assert sent == request
    expect(page.locator("[data-answer='summary']")).to_have_text(evaluate(request)["summary"]["message"])


def test_results_follow_typing_without_pressing_the_button(page: Page, base_url: str) -> None:
    open_calculator(page, base_url)
    fill_form(page, EXAMPLE)
    expect(page.locator("[data-answer='support_total']").first).to_have_text("€\u00a03.600,00")
    amount = page.get_by_role("group", name="Dienst 1").get_by_label("Bedrag zonder btw (€)")
    amount.fill("")
    amount.press_sequentially("10.000")
    expect(page.locator("[data-answer='support_total']").first).to_have_text("€\u00a04.500,00")


def test_rows_are_added_removed_and_renumbered(page: Page, base_url: str) -> None:
    open_calculator(page, base_url)
    page.get_by_label(re.compile("^Weet ik niet")).first.check()
    for _ in range(3):
        page.get_by_role("button", name="Verbonden onderneming toevoegen").click()
    expect(page.locator("[data-rows='linked'] .kmo-row")).to_have_count(3)
    page.get_by_role("group", name="Verbonden onderneming 2").get_by_label("Aantal werknemers (VTE)").fill("7")
    page.get_by_role("button", name="Verwijder verbonden onderneming 1").click()
    expect(page.locator("[data-rows='linked'] .kmo-row")).to_have_count(2)
    first = page.get_by_role("group", name="Verbonden onderneming 1").get_by_label("Aantal werknemers (VTE)")
    expect(first).to_have_value("7")
    expect(first).to_have_attribute("data-field", "enterprise.linked[0].fte")
    expect(first).to_be_focused()
    page.get_by_role("button", name="Verwijder verbonden onderneming 2").click()
    page.get_by_role("button", name="Verwijder verbonden onderneming 1").click()
    expect(page.get_by_role("button", name="Verbonden onderneming toevoegen")).to_be_focused()


def test_the_error_summary_takes_focus_and_links_to_the_field(page: Page, base_url: str) -> None:
    open_calculator(page, base_url)
    fill_form(page, SCENARIOS["bad input: ambiguous headcount, empty turnover, partner share of 60 %"])
    submit_and_wait(page)
    summary = page.locator("[data-error-summary]")
    expect(summary).to_be_focused()
    expect(summary.get_by_role("heading")).to_have_text("Er is een probleem")
    link = summary.get_by_role("link").filter(has_text="Aantal werknemers (VTE):").first
    link.click()
    field = page.locator("#vte")
    expect(field).to_be_focused()
    expect(field).to_have_attribute("aria-invalid", "true")


def test_copy_summary_puts_the_result_on_the_clipboard(context: BrowserContext, base_url: str) -> None:
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url.rstrip("/"))
    page = context.new_page()
    open_calculator(page, base_url)
    fill_form(page, EXAMPLE)
    sent = submit_and_wait(page)
    page.get_by_role("button", name="Kopieer samenvatting").click()
    expect(page.locator(".kmo-copy-status")).to_have_text("De samenvatting is gekopieerd.")
    text = page.evaluate("() => navigator.clipboard.readText()")
    answer = evaluate(sent)
    assert answer["summary"]["message"].replace("\u00a0", " ") in text
    assert "Pentest" in text
    assert "€ 3.600,00" in text
    assert "4 december 2026" in text
    assert "aanvraag=" in text


def test_the_print_stylesheet_keeps_only_the_result(page: Page, base_url: str) -> None:
    open_calculator(page, base_url)
    fill_form(page, EXAMPLE)
    submit_and_wait(page)
    page.emulate_media(media="print")
    expect(page.locator("[data-form]")).to_be_hidden()
    expect(page.locator(".md-header")).to_be_hidden()
    expect(page.locator(".md-sidebar--primary")).to_be_hidden()
    expect(page.locator("[data-results]")).to_be_visible()
    expect(page.locator("[data-answer='summary']")).to_be_visible()
    expect(page.locator("[data-service='0'] .kmo-timeline")).to_be_visible()
    expect(page.locator("[data-answer='support_total']").first).to_be_visible()
    pdf = page.pdf(format="A4")
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1, "the printed result takes more than one A4 page"


def test_without_javascript_the_page_explains_and_links_to_the_rules(browser: Browser, base_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(base_url + "rekenmodule/")
        expect(page.locator("[data-calculator]")).to_be_hidden()
        expect(
            page.get_by_text("heeft ze JavaScript nodig", exact=False)
            .or_(page.get_by_text("JavaScript nodig", exact=False))
            .first
        ).to_be_visible()
        for name in ["voorwaarden", "hoeveel steun", "procedure"]:
            expect(page.get_by_role("link", name=name, exact=True).first).to_be_visible()
        page.goto(base_url + "steun/")
        expect(page.locator("article table").filter(has_text="Waarvoor")).to_be_visible()
        page.get_by_role("link", name="alle bedragen sinds 2016").click()
        expect(page.get_by_role("heading", level=1)).to_contain_text("Alle bedragen sinds 2016")
        expect(page.locator("article table").filter(has_text="Aanvragen vanaf")).to_be_visible()
    finally:
        context.close()
