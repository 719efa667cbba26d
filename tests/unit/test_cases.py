"""The table of cases in cases.toml: thresholds and dates, each on both sides."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from calculator.evaluate import evaluate_strict
from rules_helpers import TODAY, get_path, request_with

CASES: list[dict[str, Any]] = tomllib.loads((Path(__file__).parent / "cases.toml").read_text(encoding="utf-8"))["case"]


def test_the_table_has_cases_on_both_sides_of_every_threshold() -> None:
    assert len(CASES) >= 60
    names = [case["name"] for case in CASES]
    assert len(names) == len(set(names)), "case names must be unique"


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
