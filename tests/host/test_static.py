"""Static checks: the package type-checks strictly, and the code is linted and formatted."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest


@pytest.mark.parametrize("target", [["-p", "calculator"], ["build_scripts", "bench"]], ids=["calculator", "build"])
def test_the_code_type_checks_strictly(root: Path, target: list[str]) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", *target],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Success: no issues found" in result.stdout


def test_ruff_finds_nothing(root: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "calculator", "build_scripts", "bench"],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_package_is_formatted(root: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "format", "--check", "calculator", "build_scripts", "bench", "tests"],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
