"""Applying in the next calendar year: the hint appears exactly when the last day to apply reaches 1 January."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from calculator.antwoord import evaluate_strict


def _request(start: str, used: str = "6000", services: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    return {
        "application_date": start,
        "enterprise": {"size_category": "klein"},
        "support_used_this_year": used,
        "services": services or [{"kind": "pentest", "amount": "8000", "start_date": start}],
    }


def _next_year_hints(answer: dict[str, Any]) -> list[dict[str, Any]]:
    return [hint for hint in answer["hints"] if hint["code"] == "gevolg.volgend_jaar"]


@pytest.mark.parametrize(
    ("start", "hinted", "last_day"),
    [("2026-12-17", False, None), ("2026-12-18", True, "2027-01-01"), ("2026-12-19", True, "2027-01-02")],
)
def test_a_capped_service_can_move_to_next_year_only_when_its_last_day_to_apply_reaches_1_january(
    start: str, hinted: bool, last_day: str | None
) -> None:
    answer = evaluate_strict(_request(start))
    assert answer["support_total"] == "1500.00"  # 7500 - 6000 left of this year's cap; 3600 without the cap
    hints = _next_year_hints(answer)
    assert bool(hints) is hinted
    if hinted:
        assert hints[0]["values"] == {"nummer": 1, "uiterlijk_datum": last_day, "jaar": "2027", "meer_eur": "2100"}
        assert "pas in 2027 aan" in hints[0]["message"]
        assert "2.100,00 meer steun" in hints[0]["message"]


def test_no_hint_when_the_cap_does_not_limit_the_support() -> None:
    answer = evaluate_strict(_request("2026-12-19", used="0"))
    assert answer["support_total"] == "3600.00"
    assert _next_year_hints(answer) == []


def test_moving_one_service_also_frees_this_years_cap_for_the_others() -> None:
    services = [
        {"kind": "pentest", "amount": "10000", "start_date": "2026-12-19"},  # 4500, capped to 1500
        {"kind": "cybersecurity_training", "amount": "2000", "start_date": "2026-12-10"},  # 900, gets nothing
    ]
    answer = evaluate_strict(_request("2026-12-19", services=services))
    assert answer["support_total"] == "1500.00"
    hints = _next_year_hints(answer)
    # Only service 1 can still be applied for in 2027 (service 2's last day is 24 December). Moved, it gets 4500
    # under the 2027 cap, and service 2 gets 900 of this year's 1500: 5400 in all, 3900 more.
    assert [hint["values"]["nummer"] for hint in hints] == [1]
    assert Decimal(hints[0]["values"]["meer_eur"]) == Decimal(3900)


def test_an_ineligible_enterprise_gets_no_next_year_hint() -> None:
    request = _request("2026-12-19")
    request["enterprise"]["region"] = "brussel"
    answer = evaluate_strict(request)
    assert answer["eligible"] is False
    assert _next_year_hints(answer) == []
