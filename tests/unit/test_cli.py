"""``python -m calculator`` in process (the subprocess twin lives in tests/host)."""

from __future__ import annotations

import io
import json

from rules_helpers import BASE_REQUEST

from calculator.__main__ import main


def run(text: str, *arguments: str) -> tuple[int, str, str]:
    stdout, stderr = io.StringIO(), io.StringIO()
    status = main(list(arguments), stdin=io.StringIO(text), stdout=stdout, stderr=stderr)
    return status, stdout.getvalue(), stderr.getvalue()


def test_an_answer_is_written_with_exit_0() -> None:
    status, out, err = run(json.dumps(BASE_REQUEST))
    assert status == 0
    assert err == ""
    assert json.loads(out)["services"][0]["support"] == "3600.00"


def test_validation_errors_are_an_answer_too() -> None:
    status, out, _ = run(json.dumps({"enterprise": {"fte": "1.2.3"}}))
    assert status == 0
    answer = json.loads(out)
    assert answer["ok"] is False
    assert "enterprise.fte" in [error["field"] for error in answer["errors"]]


def test_input_that_is_not_a_json_object_exits_2_with_one_line() -> None:
    for text in ["", "not json", "[1, 2]", "42", '"text"', "null", "{"]:
        status, out, err = run(text)
        assert status == 2, text
        assert out == ""
        assert err.count("\n") == 1, err
        assert err.startswith("error:"), err


def test_compact_output_is_one_line() -> None:
    status, out, _ = run(json.dumps(BASE_REQUEST), "--compact")
    assert status == 0
    assert out.count("\n") == 1
