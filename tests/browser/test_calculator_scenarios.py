"""At least 15 scenarios typed into the real page: what the page shows equals calculator.evaluate on the host.

They cover every size class, every condition, every service kind, the first modelled (2016) and current dates, the cap, the
deadline and bad input.
"""

from __future__ import annotations

from typing import Any

import pytest
from browser_helpers import open_with_request
from form import assert_page_shows
from playwright.sync_api import Page
from scenarios import SCENARIOS

from calculator import evaluate


def test_the_scenarios_cover_what_the_issue_asks() -> None:
    answers = [evaluate(request) for request in SCENARIOS.values()]
    ok = [answer for answer in answers if answer["ok"]]
    assert len(SCENARIOS) >= 15
    assert {answer["size"]["category"] for answer in ok} == {"klein", "middelgroot", "groot"}
    for condition in ["kmo", "rechtsvorm", "vestiging", "prive", "hoofdactiviteit"]:
        assert any(not c["met"] for a in ok for c in a["conditions"] if c["id"] == condition), condition
    kinds = {s["kind"] for request in SCENARIOS.values() for s in request.get("services", [])}
    assert kinds >= {
        "security_audit",
        "pentest",
        "cybersecurity_advice",
        "cybersecurity_training",
        "software_advice",
        "software_training",
        "it_training",
        "software_license",
        "development",
    }
    assert {a["rules_in_force_since"] for a in ok} >= {
        "2016-04-01",
        "2019-12-01",
        "2020-01-01",
        "2021-09-14",
        "2026-02-01",
    }
    assert any(
        s["support"] != "0.00" and s["support"] != s["amount"] and a["cap_remaining_after"] == "0.00"
        for a in ok
        for s in a["services"]
    )
    # A service refused because it was applied for too late, its reason naming the last day to apply.
    assert any(
        not s["eligible"] and late["values"]["uiterlijk_datum"] == s["application_deadline"]
        for a in ok
        for s in a["services"]
        for late in parts(s)
        if late["code"] == "dienst.te_laat"
    )
    assert sum(1 for answer in answers if not answer["ok"]) >= 2


def parts(reason: dict[str, Any]) -> list[dict[str, Any]]:
    """The parts of a reason in the answer (its ``code`` and ``values``), nested parts included."""
    found: list[dict[str, Any]] = []
    for part in reason.get("parts", []):
        found += [part, *parts(part)]
    return found


@pytest.mark.browser
@pytest.mark.parametrize("name", SCENARIOS, ids=list(SCENARIOS))
def test_the_page_shows_what_evaluate_computes(name: str, page: Page, base_url: str) -> None:
    request = SCENARIOS[name]
    sent = open_with_request(page, base_url, request)
    # The form holds what the address held: the host gives the same answer for both.
    assert evaluate(sent) == evaluate(request), sent
    checks = assert_page_shows(page, evaluate(sent))
    assert checks >= 2
