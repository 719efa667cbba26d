"""The calculator's service worker: frontend/service-worker.js with its manifest, written to the site's root.

It sits at the root because its scope must hold the runtime folder as well as the page: a dedicated worker (the
calculator's Pyodide worker) is controlled by the registration whose scope matches the worker script's own URL, not
by its page's. The manifest lists, relative to the site's root:

- ``page``: the calculator page (``rekenmodule/``);
- ``files``: every file of the versioned runtime folder its ``manifest.json`` lists (not the ``.br`` / ``.gz``
  copies: the browser asks for the file, and a file the calculator's worker unpacked from its copy is taken from the
  cache it put it in; nor the manifest, which no script reads; nor the brotli decoder, which only a visit without
  those files needs), and the stylesheets, scripts and icons the page links to on this site;
- ``version``: a hash of the page's asset list and of all those files' bytes, so a deploy that changes any of them
  changes the worker, and the browser installs the new one and drops the old cache;
- ``preloaded``: the runtime files the page preloads, which the worker answers with an empty response once it holds
  them (only the page's Pyodide worker reads them);
- ``packed``: the runtime's big files, which the service worker takes from what the calculator's worker fetched
  (the unpacked copies it put aside, or the HTTP cache) rather than download them again;
- ``runtime``: the runtime folder's name, so the new worker also drops the memory snapshots of other runtimes
  (the calculator's worker stores them as ``<snapshot prefix><runtime folder>``);
- ``caches``: the prefixes of the caches' names (build_scripts/runtime_manifest.py, the one place that names them).
"""

from __future__ import annotations

import hashlib
import json
import posixpath
import urllib.parse
from html.parser import HTMLParser
from pathlib import Path

from build_scripts import runtime_manifest

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = ROOT / "frontend" / "service-worker.js"
PAGE = "rekenmodule"
NAME = "sw.js"  # at the site's root
COPIES = (".br", ".gz")
LINK_RELS = {"stylesheet", "modulepreload", "icon", "preload"}


class _Assets(HTMLParser):
    """The same-site URLs a page loads: stylesheets, preloads, icons, scripts and images."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self.preloads: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        rels = set(values.get("rel", "").split())
        if tag == "link" and LINK_RELS & rels:
            self.urls.append(values.get("href", ""))
            if "preload" in rels:
                self.preloads.append(values.get("href", ""))
        elif tag in ("script", "img") and values.get("src"):
            self.urls.append(values["src"])


def page_assets(site: Path) -> tuple[list[str], list[str]]:
    """The calculator page's own files, as site-relative paths (``assets/stylesheets/...``), and those of them it
    preloads (``rel=preload``)."""
    parser = _Assets()
    parser.feed((site / PAGE / "index.html").read_text(encoding="utf-8"))

    def paths(urls: list[str]) -> list[str]:
        found = []
        for url in urls:
            parts = urllib.parse.urlsplit(url)
            if not url or parts.scheme or parts.netloc or url.startswith("data:"):
                continue
            path = posixpath.normpath(posixpath.join(PAGE, parts.path))
            if not (site / path).is_file():
                raise SystemExit(f"the calculator page links to {url}, which is not in the site")
            found.append(path)
        return sorted(set(found))

    return paths(parser.urls), paths(parser.preloads)


def manifest(site: Path) -> dict[str, object]:
    (runtime,) = (site / "assets" / "rekenmodule").iterdir()
    listed = runtime_manifest.read(runtime)
    # Not the brotli decoder: it only unpacks files the cache will then hold (frontend/runtime-files.mjs).
    names = [name for name in listed["files"] if name not in runtime_manifest.DECODER]
    files = [(runtime / name).relative_to(site).as_posix() for name in names]
    assets, preloaded = page_assets(site)
    files = sorted(set(files) | set(assets))
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.encode() + b"\0" + (site / path).read_bytes())
    return {
        "version": digest.hexdigest()[:16],
        "page": PAGE + "/",
        "runtime": runtime.name,
        "files": files,
        "preloaded": preloaded,
        "packed": [(runtime / name).relative_to(site).as_posix() for name in listed["packed"]],
        "caches": runtime_manifest.CACHES,
    }


def write(site: Path) -> dict[str, object]:
    """Write ``sw.js`` into a built site (with its runtime); returns the manifest it holds."""
    text = TEMPLATE.read_text(encoding="utf-8")
    if text.count("__MANIFEST__") != 1:
        raise SystemExit(f"{TEMPLATE} must hold __MANIFEST__ once")
    written = manifest(site)
    target = site / NAME
    target.write_text(text.replace("__MANIFEST__", json.dumps(written, indent=2)), encoding="utf-8")
    for suffix in COPIES:  # a stale precompressed copy would be served instead of the new file
        target.with_name(NAME + suffix).unlink(missing_ok=True)
    return written
