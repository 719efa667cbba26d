"""The two site generators the pages build with, over the same generated configuration (build_scripts/site_config.py)
and the same Markdown extension (build_scripts/markdown_extension.py):

- ``mkdocs``: MkDocs with Material for MkDocs, from ``.venv`` (``--strict``: a warning, a broken link or an unknown
  marker fails); the one ``./dev build``, ``./dev serve`` and ``./dev test`` use;
- ``zensical``: Zensical, Material's successor, from its own virtual environment ``.venv-zensical``
  (``requirements/zensical.txt``; ``./dev build --zensical``). It reads the same configuration, but wants its pages
  and its output inside the folder of its configuration file, and relative paths (absolute ones make 0.0.73 panic),
  so that file is written next to ``mkdocs.yml`` and the site is built in ``build/`` and then moved where it was
  asked for.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ZENSICAL = ROOT / ".venv-zensical" / "bin" / "zensical"


def environment() -> dict[str, str]:
    """The generator's environment: the extension and the build scripts importable from the repository."""
    return os.environ | {"NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT)}


def run_mkdocs(config: Path, site_dir: Path) -> None:
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-f", str(config), "-d", str(site_dir)]
    subprocess.run(command, cwd=ROOT, check=True, env=environment())


def run_zensical(config: Path, site_dir: Path) -> None:
    """Zensical in its own environment; its output, built inside the configuration's folder, is moved to
    ``site_dir``."""
    if not ZENSICAL.is_file():
        raise SystemExit(f"{ZENSICAL} is missing: run ./dev build --zensical")
    output = config.parent / json.loads(config.read_text(encoding="utf-8"))["site_dir"]
    shutil.rmtree(output, ignore_errors=True)
    subprocess.run(
        [str(ZENSICAL), "build", "--clean", "-f", str(config)], cwd=config.parent, check=True, env=environment()
    )
    shutil.rmtree(site_dir, ignore_errors=True)
    shutil.move(output, site_dir)


def run(generator: str, config: Path, site_dir: Path) -> None:
    if generator == "zensical":
        run_zensical(config, site_dir)
    else:
        run_mkdocs(config, site_dir)
