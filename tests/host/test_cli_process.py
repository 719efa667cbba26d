"""``python -m calculator`` as a real process, as INTERFACE.md describes it."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

from calculator import evaluate

# The interface's example request: one file, which INTERFACE.md shows and README.md's command reads, and which the
# benchmark and the standard library's trimmer (build_scripts/trim_stdlib.mjs) use as well.
EXAMPLE_FILE = Path(__file__).resolve().parents[2] / "examples" / "request.json"
INTERFACE_EXAMPLE: dict[str, Any] = json.loads(EXAMPLE_FILE.read_text(encoding="utf-8"))


def run(text: str, root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "calculator"], input=text, capture_output=True, text=True, cwd=root, check=False
    )


def test_the_contract_example_gives_the_contract_answer(root: Path) -> None:
    result = run(json.dumps(INTERFACE_EXAMPLE), root)
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout)
    assert answer["ok"] is True
    assert answer["rules_in_force_since"] == "2026-02-01"
    for key, value in {
        "category": "klein",
        "fte": "18.5",
        "turnover": "2300000.00",
        "balance_total": "1300000.00",
        "locked": False,
        "group_changes_size": False,
    }.items():
        assert answer["size"][key] == value, key
    assert answer["eligible"] is True
    assert [c["id"] for c in answer["conditions"]] == [
        "kmo",
        "rechtsvorm",
        "vestiging",
        "prive",
        "hoofdactiviteit",
        "niet_aanverwant",
    ]
    (service,) = answer["services"]
    assert {
        k: service[k]
        for k in ["kind", "eligible", "rate_pct", "amount", "support", "own_share", "application_deadline"]
    } == {
        "kind": "pentest",
        "eligible": True,
        "rate_pct": "45",
        "amount": "8000.00",
        "support": "3600.00",
        "own_share": "4400.00",
        "application_deadline": "2026-12-04",
    }
    assert (answer["cap"], answer["cap_remaining_before"], answer["support_total"], answer["cap_remaining_after"]) == (
        "7500.00",
        "7500.00",
        "3600.00",
        "3900.00",
    )
    assert answer == evaluate(INTERFACE_EXAMPLE)


def test_validation_errors_exit_0(root: Path) -> None:
    result = run(json.dumps({"enterprise": {"fte": "1,5,0"}}), root)
    assert result.returncode == 0
    assert json.loads(result.stdout)["ok"] is False


def test_non_objects_exit_2_with_one_line_on_standard_error(root: Path) -> None:
    for text in ["[]", "garbage", ""]:
        result = run(text, root)
        assert result.returncode == 2
        assert result.stdout == ""
        assert len(result.stderr.strip().splitlines()) == 1


def test_a_missing_application_date_means_today_in_brussels(root: Path) -> None:
    request = {key: value for key, value in INTERFACE_EXAMPLE.items() if key != "application_date"}
    result = run(json.dumps(request), root)
    answer = json.loads(result.stdout)
    assert answer["ok"] is True
    assert answer["application_date"] == evaluate(request)["application_date"]


def test_interface_md_shows_the_example_file(root: Path) -> None:
    text = (root / "INTERFACE.md").read_text(encoding="utf-8")
    shown = re.search(r"## The request\n.*?```json\n(.*?)```", text, re.DOTALL)
    assert shown is not None, "INTERFACE.md has no JSON block under '## The request'"
    assert json.loads(shown.group(1)) == INTERFACE_EXAMPLE


def test_the_readme_runs_the_example_file(root: Path) -> None:
    readme = (root / "README.md").read_text(encoding="utf-8")
    assert f"python -m calculator < {EXAMPLE_FILE.relative_to(root).as_posix()}" in readme
