"""The same unit tests, run inside Pyodide (Python 3.14 under Node, the npm runtime the site ships): in a runtime
started afresh, and in one restored from a memory snapshot made as the page's worker makes it (return visits)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest


@pytest.mark.slow
@pytest.mark.parametrize("start", ["fresh", "snapshot"])
def test_the_unit_tests_pass_inside_pyodide(root: Path, start: str) -> None:
    wheels = root / "build" / "wheels"
    test_wheels = root / "build" / "test-wheels"
    assert list(wheels.glob("kmo_calculator-*.whl")), "run `./dev build` (or `./dev test`) first"
    assert list(test_wheels.glob("pytest-*.whl")), "run `./dev build` (or `./dev test`) first"

    collected = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider", "tests/unit"],
        cwd=root,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    host_count = int(re.search(r"(\d+) tests? collected", collected).group(1))  # type: ignore[union-attr]

    result = subprocess.run(
        [
            "node",
            "build_scripts/pyodide_pytest.mjs",
            "--wheels",
            wheels,
            "--wheels",
            test_wheels,
            "--project",
            root,
            *(["--from-snapshot"] if start == "snapshot" else []),
            "-q",
        ],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output[-4000:]
    assert "Python 3.14" in output, output[:2000]
    assert "on emscripten" in output, output[:2000]
    if start == "snapshot":
        assert "restored from a memory snapshot" in output, output[:2000]
        assert "/home/pyodide/wheels/kmo_calculator-" in output, "the calculator must come from the wheel's zip"
    else:
        assert "/site-packages/calculator/" in output, "the calculator must come from the wheel"
    passed = int(re.search(r"(\d+) passed", output).group(1))  # type: ignore[union-attr]
    assert passed == host_count, f"{passed} passed in Pyodide, {host_count} collected on the host"
    assert not re.search(r"\d+ (failed|skipped|error)", output), output[-2000:]
