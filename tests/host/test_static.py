"""Static checks: the package type-checks strictly, and the code is linted and formatted."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def test_the_calculator_type_checks_strictly(root: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "mypy", "--strict", "-p", "calculator"], cwd=root,
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Success: no issues found" in result.stdout


def test_ruff_finds_nothing(root: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "ruff", "check", "calculator", "build_scripts", "bench"], cwd=root,
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_package_is_formatted(root: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "ruff", "format", "--check", "calculator", "build_scripts", "bench"],
                            cwd=root, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
