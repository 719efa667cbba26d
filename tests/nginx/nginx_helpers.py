"""Paths and requests shared by the nginx and Apache tests (the fixtures are in tests/browser/: nginx_server.py,
apache_server.py)."""

from __future__ import annotations

import urllib.error
import urllib.request
from pathlib import Path

from nginx_server import CONFIG, ROOT, SITE

__all__ = ["CONFIG", "ROOT", "SITE", "get", "material_bundle", "runtime_folder"]


def get(url: str, encoding: str | None = None) -> tuple[int, dict[str, str], bytes]:
    """Status, headers (lower-case names) and body of a GET, 4xx and 5xx included."""
    request = urllib.request.Request(url, headers={"Accept-Encoding": encoding} if encoding else {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, {k.lower(): v for k, v in response.headers.items()}, response.read()
    except urllib.error.HTTPError as error:
        return error.code, {k.lower(): v for k, v in error.headers.items()}, error.read()


def runtime_folder(site: Path = SITE) -> str:
    folders = sorted((site / "assets" / "rekenmodule").iterdir())
    assert len(folders) == 1
    return f"assets/rekenmodule/{folders[0].name}/"


def material_bundle(site: Path = SITE) -> str:
    bundle = next((site / "assets" / "javascripts").glob("bundle.*.min.js"))
    return bundle.relative_to(site).as_posix()
