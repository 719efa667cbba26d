"""Lighthouse 12.8.2 (desktop and mobile presets) on the home page, a rule page and the calculator.

Budgets: Accessibility, Best Practices and SEO 100; Performance at least 95 on information pages and 90 on the
calculator. Lighthouse exits 0 whatever the scores, so the test reads its JSON; the reports are kept in
test-reports/lighthouse/.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Any

import pytest
from browser_helpers import ROOT

from build_scripts.chromium import CHROMIUM, CHROMIUM_ARGS

pytestmark = [pytest.mark.browser, pytest.mark.slow]

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
REPORTS = ROOT / "test-reports" / "lighthouse"
PAGES = {
    "home": "",
    "rule-page": "steun/",
    "questions": "vragen/",
    "open-data": "open-data/",
    "calculator": "rekenmodule/",
    "offer": "diensten/",
    "contact": "contact/",
    "history": "geschiedenis/",
}
BUDGETS = {"accessibility": 100, "best-practices": 100, "seo": 100}


def run_lighthouse(url: str, preset: str, output: Path, attempts: int = 3) -> dict[str, Any]:
    """One Lighthouse run; a run that Lighthouse itself reports as broken (runtimeError, e.g. NO_NAVSTART when
    Chromium's trace misses the navigation) is repeated, up to three runs in all: a full `./dev test` once saw
    NO_NAVSTART twice in a row on the rule page, which passed on its own right after."""
    for _ in range(attempts):
        report = _run_once(url, preset, output)
        if not report.get("runtimeError"):
            break
    return report


def _run_once(url: str, preset: str, output: Path) -> dict[str, object]:
    flags = " ".join([*CHROMIUM_ARGS, "--headless=new"])
    command = [
        str(LIGHTHOUSE),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={output}",
        f"--chrome-flags={flags}",
        "--only-categories=performance,accessibility,best-practices,seo",
        "--max-wait-for-load=60000",
    ]
    if preset == "desktop":
        command.append("--preset=desktop")
    result = subprocess.run(
        command, env=os.environ | {"CHROME_PATH": CHROMIUM}, capture_output=True, text=True, timeout=300, check=False
    )
    assert output.is_file(), result.stderr[-3000:]
    report: dict[str, Any] = json.loads(output.read_text())
    return report


@pytest.mark.parametrize("preset", ["desktop", "mobile"])
@pytest.mark.parametrize("name", list(PAGES))
def test_lighthouse_scores(name: str, preset: str, base_url: str) -> None:
    REPORTS.mkdir(parents=True, exist_ok=True)
    report = run_lighthouse(base_url + PAGES[name], preset, REPORTS / f"{name}-{preset}.json")
    assert not report.get("runtimeError"), report.get("runtimeError")
    scores = {key: round(category["score"] * 100) for key, category in report["categories"].items()}
    (REPORTS / f"{name}-{preset}.scores.json").write_text(json.dumps(scores) + "\n")
    # The performance score moves with the load on two cores: it is recorded here and reported by `./dev bench`,
    # never asserted. Accessibility, best practices and SEO do not depend on timing.
    failing = {key: (scores[key], minimum) for key, minimum in BUDGETS.items() if scores[key] < minimum}
    details = []
    for key in failing:
        for ref in report["categories"][key]["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref["weight"] and audit["score"] is not None and audit["score"] < 1:
                details.append(f"{key}: {ref['id']} = {audit['score']} ({audit.get('displayValue', '')})")
    assert not failing, f"{name} ({preset}): {failing}\n" + "\n".join(details)
