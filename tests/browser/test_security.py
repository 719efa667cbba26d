"""Security: the headers, the Content-Security-Policy with and without 'wasm-unsafe-eval', and no input ever
rendered as HTML."""

from __future__ import annotations

import json
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from browser_helpers import open_calculator, submit_and_wait
from form import fill_form
from playwright.sync_api import BrowserContext, Page, expect
from scenarios import SCENARIOS

from build_scripts.embedding import PAGE, SNIPPET, embed_headers
from build_scripts.hosting import CSP_HEADER, SECURITY_HEADERS
from build_scripts.serve import serve_in_thread

pytestmark = pytest.mark.browser


def headers_of(url: str) -> dict[str, str]:
    with urllib.request.urlopen(url) as response:
        return {name.lower(): value for name, value in response.headers.items()}


def test_every_kind_of_file_is_served_with_the_security_headers(base_url: str, site: Path) -> None:
    (runtime,) = (site / "assets" / "rekenmodule").iterdir()
    paths = [
        "",
        "steun/",
        "rekenmodule/",
        "assets/stylesheets/site.css",
        "sitemap.xml",
        f"assets/rekenmodule/{runtime.name}/calculator-worker.mjs",
        f"assets/rekenmodule/{runtime.name}/pyodide.asm.wasm",
    ]
    for path in paths:
        headers = headers_of(base_url + path)
        for name, value in SECURITY_HEADERS:
            assert headers.get(name.lower()) == value, (path, name)
    assert "wasm-unsafe-eval" in CSP_HEADER
    assert "unsafe-inline" not in CSP_HEADER
    assert "'unsafe-eval'" not in CSP_HEADER
    wasm = headers_of(base_url + f"assets/rekenmodule/{runtime.name}/pyodide.asm.wasm")
    assert wasm["content-type"] == "application/wasm"
    assert wasm["cache-control"] == "public, max-age=31536000, immutable"
    assert headers_of(base_url + "steun/")["cache-control"] == "no-cache"


def test_the_calculator_works_under_the_policy(page: Page, base_url: str) -> None:
    violations: list[str] = []
    page.on(
        "console",
        lambda message: violations.append(message.text) if "Content Security Policy" in message.text else None,
    )
    open_calculator(page, base_url)
    fill_form(page, SCENARIOS["contract example: small with a linked and a partner enterprise, pentest"])
    submit_and_wait(page)
    expect(page.locator("[data-answer='support_total']").first).to_have_text("€\u00a03.600,00")
    assert not violations, violations


def test_without_wasm_unsafe_eval_the_page_shows_the_dutch_error_instead_of_hanging(
    context: BrowserContext, site: Path
) -> None:
    strict = CSP_HEADER.replace(" 'wasm-unsafe-eval'", "")
    server, url = serve_in_thread(site, extra_headers={"Content-Security-Policy": strict})
    try:
        page = context.new_page()
        page.goto(url + "rekenmodule/")
        # Well before the 60 s watchdog: the worker reports the refused compilation at once.
        page.wait_for_selector("[data-calculator][data-state='error']", timeout=20_000)
        expect(page.locator("[data-status-text]")).to_contain_text("De rekenmodule kon niet starten")
        expect(page.get_by_role("button", name="Opnieuw proberen")).to_be_visible()
    finally:
        server.shutdown()
        server.server_close()


PAYLOADS = [
    "<script>window.__xss=1</script>",
    '"><img src=x onerror="window.__xss=1">',
    "'; window.__xss=1; '",
    "<b onmouseover=window.__xss=1>x</b>",
]


def test_input_is_never_rendered_as_html(page: Page, base_url: str) -> None:
    open_calculator(page, base_url)
    page.get_by_label("Weet ik niet", exact=False).first.check()
    page.get_by_role("button", name="Verbonden onderneming toevoegen").click()
    page.get_by_role("button", name="Partneronderneming toevoegen").click()
    page.locator("summary", has_text="Meer opties").click()
    page.locator("summary", has_text="Uw onderneming:").click()
    fields = page.locator("[data-form] input[type='text']:visible, [data-refinements] input[type='text']:visible")
    count = fields.count()
    assert count >= 12
    for payload in PAYLOADS:
        for index in range(count):
            fields.nth(index).fill(payload)
        submit_and_wait(page)
        messages = page.locator("[data-error-summary] li").all_text_contents()
        assert any(payload.strip()[:20] in message for message in messages), messages
        assert page.locator("[data-calculator] img, [data-calculator] script, [data-calculator] b").count() == 0
        assert page.evaluate("() => window.__xss") is None


def test_a_hostile_address_is_filled_in_as_text(page: Page, base_url: str) -> None:
    hostile = {
        "application_date": PAYLOADS[1],
        "enterprise": {
            "legal_form": PAYLOADS[0],
            "region": PAYLOADS[1],
            "fte": PAYLOADS[0],
            "turnover": PAYLOADS[1],
            "balance_total": PAYLOADS[2],
            "linked": [{"fte": PAYLOADS[3]}],
            "partners": [{"share_pct": PAYLOADS[1]}],
            "locked_size": PAYLOADS[0],
        },
        "services": [{"kind": PAYLOADS[0], "amount": PAYLOADS[1], "start_date": PAYLOADS[3]}],
        "support_used_this_year": PAYLOADS[3],
    }
    query = urllib.parse.urlencode({"aanvraag": json.dumps(hostile)})
    open_calculator(page, base_url, "#" + query)
    page.wait_for_function("() => Number(document.querySelector('[data-results]').dataset.renders || 0) > 0")
    expect(page.locator("#vte")).to_have_value(PAYLOADS[0])
    expect(page.locator("[data-error-summary]")).to_be_visible()
    assert page.locator("[data-calculator] img, [data-calculator] script, [data-calculator] b").count() == 0
    assert page.evaluate("() => window.__xss") is None


def test_only_the_embeddable_page_may_be_framed_and_its_script_loaded_by_another_site(base_url: str) -> None:
    """Under _headers (./dev serve): the embeddable page's folder, its snippet script included, has its own policy
    (aanbieder.toml lists no origin: only the site itself may frame it) and no X-Frame-Options; the providers' page
    about it is an ordinary page, which refuses every frame."""
    for path in (PAGE, PAGE + SNIPPET):
        headers = headers_of(base_url + path)
        for name, value in embed_headers(()):
            assert headers.get(name.lower()) == value, (path, name)
        assert "x-frame-options" not in headers, path
    assert headers_of(base_url + PAGE)["content-security-policy"].endswith("frame-ancestors 'self'")
    ordinary = headers_of(base_url + "insluiten/")
    for name, value in SECURITY_HEADERS:
        assert ordinary.get(name.lower()) == value, ("insluiten/", name)
