"""Shared helpers for the rules tests. These tests run on the host and, unchanged, inside Pyodide."""

from __future__ import annotations

import ast
import copy
import os
import re
from datetime import date
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

from calculator.parameters import RulesData, load

# Pyodide is slower than CPython: no per-example deadline there; fewer examples unless asked for more.
settings.register_profile("default", deadline=None, max_examples=100, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("thorough", deadline=None, max_examples=1000, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

TODAY = date(2026, 11, 27)

BASE_REQUEST: dict[str, Any] = {
    "application_date": "2026-11-27",
    "enterprise": {
        "legal_form": "bv",
        "region": "vlaanderen",
        "public_participation_pct": 0,
        "main_activity_eligible": True,
        "fte": 10,
        "turnover": 500000,
        "balance_total": 400000,
        "linked": [],
        "partners": [],
        "locked_size": None,
        "provider_related": False,
    },
    "support_used_this_year": 0,
    "services": [{"kind": "pentest", "amount": "8.000,00", "start_date": "2026-11-20"}],
}


def docstring_ids(tree: ast.AST) -> set[int]:
    """The ids of the docstring nodes of a module, its classes and functions (documentation, not code)."""
    return {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }


DELETE = "__delete__"
_STEP = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


def _steps(path: str) -> list[str | int]:
    return [name if name else int(index) for name, index in _STEP.findall(path)]


def get_path(document: Any, path: str) -> Any:
    for step in _steps(path):
        document = document[step]
    return document


def set_path(document: Any, path: str, value: Any) -> None:
    *parents, last = _steps(path)
    for step in parents:
        document = document[step]
    if value == DELETE:
        del document[last]
    else:
        document[last] = value


def request_with(changes: dict[str, Any]) -> dict[str, Any]:
    request = copy.deepcopy(BASE_REQUEST)
    for path, value in changes.items():
        set_path(request, path, value)
    return request


@pytest.fixture(scope="session")
def rules() -> RulesData:
    return load()
