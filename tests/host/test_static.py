"""Static checks: the package, the build, the bench and the tests type-check strictly, and all of them are linted
and formatted."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LINTED = ["calculator", "build_scripts", "bench", "tests"]
# Each test folder has its own conftest.py and imports its helpers by plain name: mypy checks one folder at a time,
# with the folders as bases of top-level modules (pyproject.toml: mypy_path), and the files of tests/ itself apart.
TEST_FOLDERS = sorted(
    path for path in (ROOT / "tests").iterdir() if path.is_dir() and not path.name.startswith((".", "__"))
)
TARGETS = {
    "calculator": ["-p", "calculator"],
    "build": ["build_scripts", "bench"],
    **{f"tests/{folder.name}": [f"tests/{folder.name}"] for folder in TEST_FOLDERS},
    "tests": sorted(str(path.relative_to(ROOT)) for path in (ROOT / "tests").glob("*.py")),
}


def _run(root: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *arguments], cwd=root, capture_output=True, text=True, check=False)


@pytest.mark.parametrize("target", TARGETS.values(), ids=list(TARGETS))
def test_the_code_type_checks_strictly(root: Path, target: list[str]) -> None:
    result = _run(root, "mypy", "--strict", *target)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Success: no issues found" in result.stdout


def test_every_test_folder_is_a_base_for_mypy(root: Path) -> None:
    configured = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["mypy"]["mypy_path"]
    assert sorted(configured) == [f"tests/{folder.name}" for folder in TEST_FOLDERS]


def test_ruff_finds_nothing(root: Path) -> None:
    result = _run(root, "ruff", "check", *LINTED)
    assert result.returncode == 0, result.stdout + result.stderr


def test_no_rule_is_switched_off_for_length(root: Path) -> None:
    """Too many branches, statements, return statements or nested blocks: ruff's length checks all apply."""
    lint = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["ruff"]["lint"]
    assert "PL" in lint["select"]
    assert not {"PLR0911", "PLR0912", "PLR0915", "PLR1702"} & set(lint["ignore"])
    assert not lint.get("per-file-ignores")


def test_the_code_is_formatted(root: Path) -> None:
    result = _run(root, "ruff", "format", "--check", *LINTED)
    assert result.returncode == 0, result.stdout + result.stderr
