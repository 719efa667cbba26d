"""Every answer the test suite produces is checked against the published JSON Schema (open data, antwoord.schema.json).

calculator.evaluate and calculator.engine.evaluate_strict are wrapped for the whole run: an answer that does not
match the schema fails the test that asked for it. Inside Pyodide (tests/unit run there too) jsonschema is not
installed and the wrapper is left out; the host run covers it.
"""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable
from typing import Any

import calculator

try:
    import jsonschema
except ImportError:  # inside Pyodide
    jsonschema = None

if jsonschema is not None:
    from build_scripts.opendata import schema

    ANSWER_SCHEMA = jsonschema.Draft202012Validator(json.loads(schema("antwoord.schema.json")))
    _module = sys.modules["calculator.engine"]

    def _checked(function: Callable[..., dict[str, Any]]) -> Callable[..., dict[str, Any]]:
        @functools.wraps(function)
        def wrapper(*arguments: Any, **keywords: Any) -> dict[str, Any]:
            answer = function(*arguments, **keywords)
            error = jsonschema.exceptions.best_match(ANSWER_SCHEMA.iter_errors(answer))
            if error is not None:
                raise AssertionError(
                    f"the answer does not match antwoord.schema.json: {error.message} at {list(error.path)}"
                )
            return answer

        wrapper.schema_checked = True  # type: ignore[attr-defined]
        return wrapper

    _module.evaluate = _checked(_module.evaluate)
    _module.evaluate_strict = _checked(_module.evaluate_strict)
    calculator.evaluate = _module.evaluate
