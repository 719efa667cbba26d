"""Rebuild the site when its sources change, for ``./dev serve`` (``python -m build_scripts.serve --watch``).

What is watched, by polling (standard library only), under the project root:

- the pages: ``docs/``, ``docs_includes/``, ``site_overrides/``, ``mkdocs.yml``, the build scripts and their
  worked examples (``build_scripts/``, ``build_scripts/voorbeelden.toml``);
- the build's page modules (``build_scripts/``);
- the provider file: ``aanbieder.toml``, or the file ``KMO_AANBIEDER`` names (relative to the project root), and
  the folder of its own content that it names (``inhoud``, build_scripts/eigen_inhoud.py);
- the package (``calculator/``, its rules data in ``calculator/data/`` included, ``pyproject.toml``), ``frontend/``
  and the runtime's build steps.

A change to the package (the rules data is part of it: the browser's calculator reads it from the wheel) or to
``frontend/`` rebuilds everything (wheel, Pyodide runtime, pages), so the pages and the calculator always answer with
the same data. Any other change rebuilds the pages alone: they reuse the runtime laid out in ``build/rekenmodule/``
under the same folder name, and get what ``build_site.main`` publishes after the pages (the open-data wheel, the
service worker, the precompressed copies, whose brotli cache keeps that quick, and ``_headers``).

A rebuild writes into ``build/site-next/`` and takes the place of ``site/`` only when it succeeded, so a failed
rebuild leaves the served site as it was: the error is printed and the watcher goes on. Saves that come in a burst
(an editor writing several files) make one rebuild.
"""

from __future__ import annotations

import os
import shutil
import sys
import threading
import time
import tomllib
import traceback
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Literal

from build_scripts import build_site

Kind = Literal["full", "pages"]
Snapshot = dict[Path, tuple[int, int]]

# Relative to the project root. Folders are watched with everything below them.
PAGE_SOURCES = ("docs", "docs_includes", "site_overrides", "mkdocs.yml", "build_scripts")
# Checked first: these rebuild everything, also where they sit inside a page source.
RUNTIME_SOURCES = (
    "calculator",
    "frontend",
    "pyproject.toml",
    "build_scripts/build_site.py",
    "build_scripts/trim_stdlib.mjs",
)
PROVIDER_FILE = "aanbieder.toml"
PROVIDER_VARIABLE = "KMO_AANBIEDER"
# Files an editor or Python writes beside the real ones; a change to them is no change to the site.
IGNORED_PARTS = {"__pycache__", ".mypy_cache", ".ruff_cache", ".pytest_cache"}
IGNORED_SUFFIXES = (".pyc", ".swp", ".swx", ".tmp", "~")


def log(message: str) -> None:
    print(f"[watch] {message}", file=sys.stderr, flush=True)


def provider_file(root: Path, environ: Mapping[str, str] = os.environ) -> Path:
    """The provider file the build reads: ``KMO_AANBIEDER`` (relative to the project root), else aanbieder.toml."""
    named = environ.get(PROVIDER_VARIABLE)
    return root / named if named else root / PROVIDER_FILE


def provider_paths(root: Path, environ: Mapping[str, str] = os.environ) -> list[Path]:
    """The provider file and, when it names one (``inhoud``), the folder of its own content beside it."""
    path = provider_file(root, environ)
    try:
        named = tomllib.loads(path.read_text(encoding="utf-8")).get("inhoud")
    except (OSError, tomllib.TOMLDecodeError):
        named = None  # the build says what is wrong with the file
    return [path, *([path.parent / named] if isinstance(named, str) and named else [])]


def _within(path: Path, top: Path) -> bool:
    return path == top or top in path.parents


def _ignored(relative: Path) -> bool:
    name = relative.name
    return (
        any(part in IGNORED_PARTS for part in relative.parts)
        or name.startswith((".#", ".~"))
        or name.endswith(IGNORED_SUFFIXES)
    )


def classify(changed: Iterable[Path], root: Path, environ: Mapping[str, str] = os.environ) -> Kind | None:
    """The rebuild a set of changed paths needs: "full" when the package (its rules data included) or frontend/
    changed, "pages" when only pages, templates, page modules or the provider file did, None for anything else."""
    root = root.resolve()
    provider = [path.resolve() for path in provider_paths(root, environ)]
    kind: Kind | None = None
    for name in changed:
        path = (root / name).resolve()
        if any(_within(path, top) for top in provider):
            kind = kind or "pages"
            continue
        try:
            relative = path.relative_to(root)
        except ValueError:
            continue
        if _ignored(relative):
            continue
        text = relative.as_posix()
        if any(text == source or text.startswith(source + "/") for source in RUNTIME_SOURCES):
            return "full"
        if any(text == source or text.startswith(source + "/") for source in PAGE_SOURCES):
            kind = kind or "pages"
    return kind


def watched_paths(root: Path, environ: Mapping[str, str] = os.environ) -> list[Path]:
    return [root / source for source in (*PAGE_SOURCES, *RUNTIME_SOURCES)] + provider_paths(root, environ)


def snapshot(paths: Iterable[Path]) -> Snapshot:
    """Modification time and size of every file under ``paths`` (a missing path is simply absent)."""
    found: Snapshot = {}
    for top in paths:
        candidates = [top] if top.is_file() else (top.rglob("*") if top.is_dir() else [])
        for path in candidates:
            try:
                stat = path.stat()
            except OSError:  # removed while we looked
                continue
            if path.is_file() and not _ignored(path):
                found[path] = (stat.st_mtime_ns, stat.st_size)
    return found


def differences(before: Snapshot, after: Snapshot) -> set[Path]:
    return {path for path in before.keys() | after.keys() if before.get(path) != after.get(path)}


class Builder:
    """Builds the site of one project root into ``site_dir``; the package and runtime always come from this
    repository (build_site: build/wheels, build/rekenmodule)."""

    def __init__(self, root: Path, site_dir: Path | None = None) -> None:
        self.root = root.resolve()
        self.site_dir = site_dir or self.root / "site"
        self.next_dir = self.root / "build" / "site-next"
        self.old_dir = self.root / "build" / "site-old"
        self.runtime_current = self._runtime_ready()

    @staticmethod
    def _runtime_ready() -> bool:
        staging = build_site.RUNTIME_STAGING
        return (staging / "pyodide.asm.wasm").is_file() and any(build_site.WHEELS.glob("kmo_calculator-*.whl"))

    def build(self, kind: Kind) -> float:
        """Build, then put the result in place of the site; returns the seconds it took. Raises when it fails,
        leaving the site as it was (and, after a failed full build, the next build a full one again)."""
        started = time.monotonic()
        if kind == "pages" and not self.runtime_current:
            kind = "full"
        if kind == "full":
            self.runtime_current = False
            wheel = build_site.build_wheel()
            runtime = build_site.build_runtime(wheel)
            self.runtime_current = True
        else:
            (wheel,) = build_site.WHEELS.glob("kmo_calculator-*.whl")
            runtime = build_site.runtime_folder()
        shutil.rmtree(self.next_dir, ignore_errors=True)
        self.next_dir.parent.mkdir(parents=True, exist_ok=True)
        build_site.build_pages(site_dir=self.next_dir, config=self.root / "mkdocs.yml", runtime=runtime)
        build_site.publish(wheel, self.next_dir)
        self._swap()
        return time.monotonic() - started

    def _swap(self) -> None:
        shutil.rmtree(self.old_dir, ignore_errors=True)
        if self.site_dir.exists():
            self.site_dir.rename(self.old_dir)
        self.next_dir.rename(self.site_dir)
        shutil.rmtree(self.old_dir, ignore_errors=True)


class Watcher:
    """Polls the sources every ``interval`` seconds; after a change it waits until nothing changed for ``quiet``
    seconds (a burst of saves), rebuilds, and calls ``on_rebuilt`` when the new site is in place."""

    def __init__(
        self,
        root: Path,
        site_dir: Path | None = None,
        *,
        on_rebuilt: Callable[[], None] = lambda: None,
        interval: float = 0.5,
        quiet: float = 0.4,
        environ: Mapping[str, str] = os.environ,
    ) -> None:
        self.root = root.resolve()
        self.builder = Builder(self.root, site_dir)
        self.on_rebuilt = on_rebuilt
        self.interval = interval
        self.quiet = quiet
        self.environ = environ
        self.stopped = threading.Event()
        self.seen = self._snapshot()

    def _snapshot(self) -> Snapshot:
        return snapshot(watched_paths(self.root, self.environ))

    def stop(self) -> None:
        self.stopped.set()

    def poll(self) -> set[Path]:
        """The files changed since the last poll, after the burst they belong to has settled."""
        current = self._snapshot()
        changed = differences(self.seen, current)
        while changed and not self.stopped.is_set():
            time.sleep(self.quiet)
            settled = self._snapshot()
            more = differences(current, settled)
            if not more:
                break
            changed |= more
            current = settled
        self.seen = current
        return changed

    def rebuild(self, changed: set[Path]) -> bool:
        kind = classify(changed, self.root, self.environ)
        if kind is None:
            return False
        names = sorted(path.relative_to(self.root).as_posix() for path in changed if path.is_relative_to(self.root))
        shown = ", ".join(names[:5]) + (f" and {len(names) - 5} more" if len(names) > 5 else "")
        log(f"changed: {shown or 'the provider file'}; rebuilding {'everything' if kind == 'full' else 'the pages'}")
        try:
            seconds = self.builder.build(kind)
        except (Exception, SystemExit) as error:  # any failure: keep serving, keep watching
            if not isinstance(error, SystemExit) or error.code not in (0, None):
                traceback.print_exception(error, limit=3, file=sys.stderr)
            log("the rebuild failed (see above); still serving the last good site, still watching")
            return False
        log(f"rebuilt {'everything' if kind == 'full' else 'the pages'} in {seconds:.1f} s; reloading open pages")
        self.on_rebuilt()
        return True

    def run(self) -> None:
        log(f"watching {self.root} for changes (Ctrl+C to stop)")
        while not self.stopped.wait(self.interval):
            changed = self.poll()
            if changed:
                self.rebuild(changed)


def start(watcher: Watcher) -> threading.Thread:
    thread = threading.Thread(target=watcher.run, name="kmo-watch", daemon=True)
    thread.start()
    return thread
