"""The site built for a sub-path (``SITE_URL=https://www.example.org/kmo/``), once per test session, for the tests
that serve it under ``/kmo/``: Apache with the ``.htaccess`` that build writes (tests/nginx/test_apache.py) and
Chromium against that Apache (test_subpath.py).

Only the pages and what follows them are built (build_site.build_pages and publish, as build_scripts/watch.py does
for a rebuild of the pages alone): the runtime is the one ``./dev build`` staged in build/rekenmodule/, never built
again, so this costs a few seconds.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Final

import pytest

from build_scripts import build_site

SITE_URL: Final = "https://www.example.org/kmo/"
PATH: Final = "/kmo/"
TARGET: Final = build_site.BUILD / "subpath-site"

_built: list[Path] = []


def subpath_site() -> Path:
    """The sub-path site, built once per session into build/subpath-site/ (its address's path, ``/kmo/``, is where
    a server puts it)."""
    if not _built:
        assert (build_site.RUNTIME_STAGING / "manifest.json").is_file(), "no staged runtime: run `./dev build` first"
        (wheel,) = build_site.WHEELS.glob("kmo_calculator-*.whl")
        shutil.rmtree(TARGET, ignore_errors=True)
        with pytest.MonkeyPatch.context() as patch:
            patch.setitem(os.environ, "SITE_URL", SITE_URL)
            build_site.build_pages(TARGET, runtime=build_site.runtime_folder())
            build_site.publish(wheel, TARGET)
        _built.append(TARGET)
    return _built[0]
