"""The rules tests cover the calculator package: branch coverage of calculator/ stays at or above the floor."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def test_the_rules_tests_cover_at_least_95_percent_of_the_package(root: Path, tmp_path: Path) -> None:
    env = {**os.environ, "COVERAGE_FILE": str(tmp_path / ".coverage")}
    run = subprocess.run(
        [sys.executable, "-m", "coverage", "run", "-m", "pytest", "tests/unit", "-q", "-p", "no:cacheprovider"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    # fail_under and the source come from pyproject.toml's [tool.coverage] sections.
    report = subprocess.run(
        [sys.executable, "-m", "coverage", "report"], cwd=root, env=env, capture_output=True, text=True, check=False
    )
    assert report.returncode == 0, report.stdout + report.stderr
    assert "TOTAL" in report.stdout
