"""The example provider's site (examples/aanbieder-voorbeeld.toml), built once per test session with the same build
as the default site (python -m build_scripts.build_site --site-dir ..., KMO_AANBIEDER set), for the tests that
check the site works for any provider and names nothing of the default one."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

from build_scripts.site_build import build_day

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE_FILE = ROOT / "examples" / "aanbieder-voorbeeld.toml"
EXAMPLE_SITE = ROOT / "build" / "voorbeeld-site"
# The training-only academy (one registration number, no IT security): the kit for a provider unlike the default.
ACADEMY_FILE = ROOT / "examples" / "aanbieder-opleidingen.toml"
ACADEMY_SITE = ROOT / "build" / "opleidingen-site"
BUILD_DATE = build_day()

# What would name the default provider: its name (and site address) and its registration numbers.
_default = tomllib.loads((ROOT / "aanbieder.toml").read_text(encoding="utf-8"))
DEFAULT_PROVIDER_WORDS = (
    _default["naam"],
    *_default["registratienummers"].values(),
    *(number.split(".")[1][1:] for number in _default["registratienummers"].values()),  # the six digits alone
)


def default_provider_text() -> str:
    """The default provider file, to be changed and written elsewhere: its content folder (``inhoud``, beside the
    file) named by its absolute path, so the copy still finds it."""
    text = (ROOT / "aanbieder.toml").read_text(encoding="utf-8")
    folder = _default["inhoud"]
    return text.replace(f'inhoud = "{folder}"', f'inhoud = "{(ROOT / folder).as_posix()}"', 1)


_built: dict[Path, Path] = {}


def provider_site(provider_file: Path, site_dir: Path) -> Path:
    """The site of ``provider_file``, built once per test session into ``site_dir``."""
    if provider_file not in _built:
        result = subprocess.run(
            [sys.executable, "-m", "build_scripts.build_site", "--site-dir", str(site_dir)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
            env=os.environ | {"KMO_AANBIEDER": str(provider_file), "KMO_BUILD_DATE": BUILD_DATE.isoformat()},
        )
        assert result.returncode == 0, result.stderr[-4000:]
        _built[provider_file] = site_dir
    return _built[provider_file]


def example_site() -> Path:
    return provider_site(EXAMPLE_FILE, EXAMPLE_SITE)


def academy_site() -> Path:
    return provider_site(ACADEMY_FILE, ACADEMY_SITE)
