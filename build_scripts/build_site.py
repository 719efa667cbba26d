"""Build everything the site and the tests need, from a clean checkout.

    python -m build_scripts.build_site

Steps (each prints what it did):
1. build the ``kmo-calculator`` wheel into ``build/wheels/``;
2. fetch the pure-Python wheels that run the unit tests inside Pyodide into ``build/test-wheels/``;
3. build the MkDocs site into ``site/`` (``--strict``: a warning, a broken link or an unknown marker fails).

Environment: ``KMO_BUILD_DATE=YYYY-MM-DD`` builds the pages with the figures in force on that day.
"""

from __future__ import annotations

import argparse
import os
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
SITE = ROOT / "site"


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


def build_pages(site_dir: Path = SITE, config: Path = ROOT / "mkdocs.yml") -> None:
    """The information pages, with figures filled in from the rules data by build_scripts/mkdocs_hooks.py."""
    environment = os.environ | {"NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT)}
    subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "--quiet",
            "--config-file",
            str(config),
            "--site-dir",
            str(site_dir),
        ],
        cwd=ROOT,
        check=True,
        env=environment,
    )
    pages = sorted(site_dir.rglob("*.html"))
    log(f"site: {len(pages)} HTML pages in {site_dir}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.parse_args(argv)
    started = time.monotonic()
    build_wheel()
    fetch_test_wheels()
    build_pages()
    log(f"done in {time.monotonic() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
