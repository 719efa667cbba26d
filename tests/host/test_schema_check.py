"""The test run's schema check (tests/conftest.py) fails a test whose answer breaks the schema, even when
``evaluate`` turned the failure into a ``fout.intern`` answer, and it covers the calendar's path too."""

from __future__ import annotations

from typing import Any

import pytest

import calculator
from calculator import antwoord

QUICK: dict[str, Any] = {"enterprise": {"size_category": "klein"}, "services": [{"kind": "pentest", "amount": 8000}]}


def test_the_run_checks_every_answer() -> None:
    assert getattr(antwoord.evaluate_strict, "schema_checked", False)


def _broken_answer(*_: object) -> dict[str, Any]:
    return {"ok": True, "support_total": 3600}


def test_a_broken_answer_is_recorded_though_evaluate_catches_it(
    monkeypatch: pytest.MonkeyPatch, schema_violations: list[str]
) -> None:
    monkeypatch.setattr(antwoord, "answer_json", _broken_answer)
    answer = calculator.evaluate(QUICK)
    assert answer["errors"][0]["code"] == "fout.intern"
    assert len(schema_violations) == 1
    assert "antwoord.schema.json" in schema_violations[0]
    schema_violations.clear()  # provoked on purpose: do not fail this test


def test_the_calendar_goes_through_the_checked_evaluate(
    monkeypatch: pytest.MonkeyPatch, schema_violations: list[str]
) -> None:
    monkeypatch.setattr(antwoord, "answer_json", _broken_answer)
    result = calculator.agenda(QUICK)
    assert result["ok"] is False
    assert len(schema_violations) == 1
    schema_violations.clear()
