"""The figures the loader requires are the figures the rules code reads.

Each module that reads figures declares them (its ``FIGUREN``); the loader refuses data without one of them. Here
every worked case of cases.toml and every page summary runs on data that records each figure asked for: none may be
missing from the declarations, and no declaration may name a figure the code never reads.
"""

from __future__ import annotations

import dataclasses
import tomllib
from pathlib import Path

from rules_helpers import TODAY, request_with

from calculator import overzicht
from calculator.dated import Parameter
from calculator.domein import Grootteklasse
from calculator.engine import evaluate_strict
from calculator.parameters import RulesData, required_parameters


class _Recording(dict[str, Parameter]):
    """The figures by name, remembering every name asked for."""

    def __init__(self, parameters: dict[str, Parameter]) -> None:
        super().__init__(parameters)
        self.asked: set[str] = set()

    def __getitem__(self, name: str) -> Parameter:
        self.asked.add(name)
        return super().__getitem__(name)

    def get(self, name: str, default: Parameter | None = None) -> Parameter | None:  # type: ignore[override]
        self.asked.add(name)
        return super().get(name, default)


def _figures_read(rules: RulesData) -> set[str]:
    recording = _Recording(dict(rules.parameters))
    data = dataclasses.replace(rules, parameters=recording)
    cases = tomllib.loads((Path(__file__).parent / "cases.toml").read_text(encoding="utf-8"))["case"]
    for case in cases:
        evaluate_strict(request_with(case.get("set", {})), data=data, today=TODAY)
    for day in (*rules.change_dates(), TODAY):
        overzicht.tarieven(day, data)
        overzicht.geschiedenis(day, data)
        overzicht.drempels(day, data)
        overzicht.soorten(day, data)
        for klasse in Grootteklasse:
            overzicht.grootte_omschrijving(klasse, day, data)
    return recording.asked


def test_every_figure_the_code_reads_is_declared_and_every_declared_figure_is_read(rules: RulesData) -> None:
    read = _figures_read(rules)
    required = required_parameters()
    assert "steunplafond.klein" in read
    assert sorted(read - required) == []
    assert sorted(required - read) == []
    assert required <= set(rules.parameters)
