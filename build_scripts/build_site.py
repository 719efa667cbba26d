"""Build everything the site and the tests need, from a clean checkout.

    python -m build_scripts.build_site

Steps (each prints what it did):
1. build the ``kmo-calculator`` wheel into ``build/wheels/``;
2. fetch the pure-Python wheels that run the unit tests inside Pyodide into ``build/test-wheels/``.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "build"
WHEELS = BUILD / "wheels"
TEST_WHEELS = BUILD / "test-wheels"
PYODIDE_TEST_REQUIREMENTS = ROOT / "requirements" / "pyodide-tests.txt"


def log(message: str) -> None:
    print(f"[build] {message}", file=sys.stderr, flush=True)


def run(*command: str | Path, cwd: Path = ROOT) -> None:
    subprocess.run([str(part) for part in command], cwd=cwd, check=True)


def build_wheel() -> Path:
    """The calculator as a pure-Python wheel (standard library only), the same file the browser loads."""
    shutil.rmtree(WHEELS, ignore_errors=True)
    WHEELS.mkdir(parents=True)
    run(
        sys.executable,
        "-m",
        "pip",
        "wheel",
        "--quiet",
        "--no-deps",
        "--disable-pip-version-check",
        "--wheel-dir",
        WHEELS,
        ROOT,
    )
    (wheel,) = WHEELS.glob("kmo_calculator-*-py3-none-any.whl")
    log(f"wheel: {wheel.relative_to(ROOT)} ({wheel.stat().st_size} bytes)")
    return wheel


def fetch_test_wheels() -> None:
    """pytest, Hypothesis and their dependencies as pure-Python wheels for Python 3.14 (Pyodide)."""
    stamp = TEST_WHEELS / ".requirements"
    if stamp.exists() and stamp.read_text() == PYODIDE_TEST_REQUIREMENTS.read_text():
        return
    shutil.rmtree(TEST_WHEELS, ignore_errors=True)
    TEST_WHEELS.mkdir(parents=True)
    run(
        sys.executable,
        "-m",
        "pip",
        "download",
        "--quiet",
        "--disable-pip-version-check",
        "--no-deps",
        "--only-binary=:all:",
        "--python-version",
        "3.14",
        "--implementation",
        "py",
        "--abi",
        "none",
        "--platform",
        "any",
        "--dest",
        TEST_WHEELS,
        "-r",
        PYODIDE_TEST_REQUIREMENTS,
    )
    stamp.write_text(PYODIDE_TEST_REQUIREMENTS.read_text())
    log(f"test wheels for Pyodide: {len(list(TEST_WHEELS.glob('*.whl')))} in {TEST_WHEELS.relative_to(ROOT)}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.parse_args(argv)
    started = time.monotonic()
    build_wheel()
    fetch_test_wheels()
    log(f"done in {time.monotonic() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
