"""A value in a shared address that JavaScript cannot hold as a number (1e309 is Infinity there) still reaches the
package as it was, so the package names the problem at its field instead of reporting the field missing."""

from __future__ import annotations

import json
import urllib.parse

import pytest
from browser_helpers import open_calculator
from playwright.sync_api import Page, expect

from calculator import evaluate

pytestmark = pytest.mark.browser

RAW = '{"enterprise": {"size_category": "klein"}, "services": [{"kind": "pentest", "amount": 1e309}]}'


def test_an_amount_too_large_for_javascript_is_named_at_its_field(page: Page, base_url: str) -> None:
    expected = evaluate(json.loads(RAW))  # Python reads 1e309 as infinity
    assert [error["code"] for error in expected["errors"]] == ["fout.getal.niet_eindig"]
    open_calculator(page, base_url, "#" + urllib.parse.urlencode({"aanvraag": RAW}))
    summary = page.locator("[data-error-summary]")
    expect(summary).to_be_visible()
    expect(summary.locator("li a")).to_have_text([expected["errors"][0]["message"]])
    expect(summary).not_to_contain_text("ontbreekt")
