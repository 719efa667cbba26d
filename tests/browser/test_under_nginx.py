"""The calculator under nginx with the production configuration (hosting/nginx/) and its Content-Security-Policy."""

from __future__ import annotations

import json

import pytest
from browser_helpers import fragment
from playwright.sync_api import Browser

from build_scripts.hosting import SECURITY_HEADERS
from calculator import evaluate

pytestmark = pytest.mark.browser


def test_the_calculator_answers_under_nginx_and_its_policy(browser: Browser, nginx_url: str) -> None:
    request = {"enterprise": {"size_category": "klein"}, "services": [{"kind": "pentest", "amount": "8000"}]}
    violations: list[str] = []
    page = browser.new_page()
    try:
        page.on(
            "console",
            lambda message: violations.append(message.text) if "Content Security Policy" in message.text else None,
        )
        response = page.goto(nginx_url + "rekenmodule/" + fragment(request))
        assert response is not None
        assert response.headers["content-security-policy"] == dict(SECURITY_HEADERS)["Content-Security-Policy"]
        page.wait_for_function(
            "() => Number(document.querySelector('[data-results]').dataset.renders || 0) > 0", timeout=60_000
        )
        sent = json.loads(page.get_attribute("[data-results]", "data-result-for") or "{}")
        assert sent == request
        assert page.text_content("[data-answer='summary']") == evaluate(sent)["summary"]["message"]
    finally:
        page.close()
    assert not violations, violations
