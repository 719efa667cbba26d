"""The table of cases in cases.toml: thresholds and dates, each on both sides."""

from __future__ import annotations

import tomllib
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from rules_helpers import TODAY, get_path, request_with

from calculator.antwoord import evaluate_strict
from calculator.parameters import RulesData
from calculator.parsing import InputError, parse_number

CASES: list[dict[str, Any]] = tomllib.loads((Path(__file__).parent / "cases.toml").read_text(encoding="utf-8"))["case"]


def test_case_names_are_unique() -> None:
    names = [case["name"] for case in CASES]
    assert len(names) == len(set(names)), "case names must be unique"


def test_the_table_has_cases_on_the_day_before_and_the_day_of_every_change(rules: RulesData) -> None:
    days = {
        date.fromisoformat(case["set"]["application_date"])
        for case in CASES
        if "application_date" in case.get("set", {})
    }
    for change in rules.change_dates():
        assert change in days, f"no case on {change}"
        assert change - timedelta(days=1) in days, f"no case on the day before {change}"


# Which request field each threshold of the data is compared with (the figures of the base request stay small).
THRESHOLD_FIELDS = {
    "kmo_definitie.klein.vte": "enterprise.fte",
    "kmo_definitie.middelgroot.vte": "enterprise.fte",
    "kmo_definitie.klein.omzet": "enterprise.turnover",
    "kmo_definitie.middelgroot.omzet": "enterprise.turnover",
    "kmo_definitie.klein.balanstotaal": "enterprise.balance_total",
    "kmo_definitie.middelgroot.balanstotaal": "enterprise.balance_total",
    "voorwaarden.publieke_participatie": "enterprise.public_participation_pct",
    "kmo_definitie.partner.aandeel_vanaf": "enterprise.partners[0].share_pct",
    "kmo_definitie.partner.aandeel_tot": "enterprise.partners[0].share_pct",
    "diensten.opleiding.minimumbedrag": "services[0].amount",
    "diensten.advies.minimumbedrag": "services[0].amount",
}


def _typed_values(field: str) -> set[Decimal]:
    values: set[Decimal] = set()
    for case in CASES:
        changes = dict(case.get("set", {}))
        if field.startswith("enterprise.partners[0]") and "enterprise.partners" in changes:
            changes.update({f"enterprise.partners[0].{k}": v for k, v in changes["enterprise.partners"][0].items()})
        if field in changes:
            try:
                values.add(parse_number(changes[field], example="1"))
            except InputError:
                continue  # a malformed value probes the reader, not a threshold
    return values


def test_the_table_has_cases_below_on_and_above_every_threshold(rules: RulesData) -> None:
    thresholds = {p.name for p in rules if p.vergelijking is not None}
    assert thresholds - {"procedure.aanvraagtermijn"} == set(THRESHOLD_FIELDS), "map every new threshold to its field"
    for name, field in THRESHOLD_FIELDS.items():
        parameter = rules[name]
        values = _typed_values(field)
        for value in parameter.values:
            threshold = value.value
            assert isinstance(threshold, Decimal)
            assert threshold in values, f"{name}: no case exactly on {threshold}"
            assert any(threshold - 1 <= v < threshold for v in values), f"{name}: no case just below {threshold}"
            assert any(threshold < v <= threshold + 1 for v in values), f"{name}: no case just above {threshold}"
    offsets = {
        (
            date.fromisoformat(case["set"].get("application_date", "2026-11-27"))
            - date.fromisoformat(case["set"]["services[0].start_date"])
        ).days
        for case in CASES
        if "services[0].start_date" in case.get("set", {}) and "error" not in case
    }
    days = rules["procedure.aanvraagtermijn"].amount(date(2026, 11, 27))
    assert {int(days) - 1, int(days), int(days) + 1} <= offsets, "the 14-day deadline: the day before, on, after"


@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
def test_case(case: dict[str, Any]) -> None:
    assert ("expect" in case) != ("error" in case), "a case checks either an answer or an error"
    answer = evaluate_strict(request_with(case.get("set", {})), today=TODAY)
    if "error" in case:
        assert answer["ok"] is False
        fields = [error["field"] for error in answer["errors"]]
        assert case["error"] in fields, answer["errors"]
        return
    assert answer["ok"] is True, answer["errors"]
    for path, expected in case["expect"].items():
        assert get_path(answer, path) == expected, f"{path}: {get_path(answer, path)!r} != {expected!r}"
