"""Every answer the test suite produces is checked against the published JSON Schema (open data, antwoord.schema.json).

calculator.antwoord.evaluate_strict, through which every answer passes (calculator.evaluate and calculator.agenda
call it), is wrapped for the whole run. An answer that does not match the schema raises in the test that asked for
it, and is also recorded: ``evaluate`` turns any exception into a ``fout.intern`` answer, so the autouse fixture
below fails the test afterwards even when the exception was caught. Inside Pyodide (tests/unit run there too)
jsonschema is not installed and the wrapper is left out; the host run covers it.
"""

from __future__ import annotations

import functools
import importlib
import json
from collections.abc import Callable, Iterator
from typing import Any

import pytest

import calculator
from calculator import antwoord

# The module, not the function of the same name that calculator/__init__.py exports.
_agenda_module: Any = importlib.import_module("calculator.agenda")

try:
    import jsonschema
except ImportError:  # inside Pyodide
    jsonschema = None

_VIOLATIONS: list[str] = []

if jsonschema is not None:
    from build_scripts.opendata import schema

    ANSWER_SCHEMA = jsonschema.Draft202012Validator(json.loads(schema("antwoord.schema.json")))

    def _checked(function: Callable[..., dict[str, Any]]) -> Callable[..., dict[str, Any]]:
        @functools.wraps(function)
        def wrapper(*arguments: Any, **keywords: Any) -> dict[str, Any]:
            answer = function(*arguments, **keywords)
            error = jsonschema.exceptions.best_match(ANSWER_SCHEMA.iter_errors(answer))
            if error is not None:
                message = f"the answer does not match antwoord.schema.json: {error.message} at {list(error.path)}"
                _VIOLATIONS.append(message)
                raise AssertionError(message)
            return answer

        wrapper.schema_checked = True  # type: ignore[attr-defined]
        return wrapper

    antwoord.evaluate_strict = _checked(antwoord.evaluate_strict)
    antwoord.evaluate = _checked(antwoord.evaluate)
    calculator.evaluate = antwoord.evaluate
    _agenda_module.evaluate = antwoord.evaluate


@pytest.fixture
def schema_violations() -> list[str]:
    """The schema violations recorded during the current test (a test that provokes one clears it itself)."""
    return _VIOLATIONS


@pytest.fixture(autouse=True)
def _every_answer_matches_the_schema() -> Iterator[None]:
    _VIOLATIONS.clear()
    yield
    assert not _VIOLATIONS, f"an answer did not match antwoord.schema.json: {_VIOLATIONS}"
