"""Build everything the site and the tests need, from a clean checkout.

    python -m build_scripts.build_site

Steps (each prints what it did):
1. build the ``kmo-calculator`` wheel into ``build/wheels/``;
2. fetch the pure-Python wheels that run the unit tests inside Pyodide into ``build/test-wheels/``;
3. lay out the calculator runtime in ``build/rekenmodule/``: Pyodide's core files from the npm package (the version
   pinned in package.json), the wheel registered in a lock file that holds only the entries the page needs (so the
   browser checks the wheel's sha256), a standard library cut down to what is imported and precompiled (it and the
   wheel shipped as zips of deflated entries, their stored-entry twins kept in ``build/stored/`` for the copies),
   the page and worker scripts, and the runtime's manifest (``manifest.json``, build_scripts/runtime_manifest.py:
   which file is what, read by the page's template, the service worker and the benchmark); the folder is named
   after a hash of all of it, so its URL changes whenever a byte does and hosts can cache it forever;
4. build the MkDocs site into ``site/`` (``--strict``: a warning, a broken link or an unknown marker fails) and copy
   the runtime into ``site/assets/rekenmodule/<version>/``;
5. write the calculator's service worker (``sw.js``, build_scripts/service_worker.py), which lists the
   runtime and the page's files under a version hash;
6. write ``.br`` and ``.gz`` copies (of the zips: made from their stored-entry twins) and the ``_headers`` file for
   static hosts (build_scripts/hosting.py).

``--lean`` (``./dev build --lean``, the deploy workflow) skips step 2, which only the tests need.

Environment: ``KMO_BUILD_DATE=YYYY-MM-DD`` builds the pages with the figures in force on that day;
``KMO_AANBIEDER=path/to/file.toml`` builds them for another provider (default: ``aanbieder.toml``).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

from build_scripts import aanbieder, apache, embedding, hosting, insluiten, runtime_manifest, service_worker
from calculator.parameters import load as load_rules

ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "build"
WHEELS = BUILD / "wheels"
TEST_WHEELS = BUILD / "test-wheels"
PYODIDE_TEST_REQUIREMENTS = ROOT / "requirements" / "pyodide-tests.txt"
SITE = ROOT / "site"
RUNTIME_STAGING = BUILD / "rekenmodule"
# The stored-entry zips whose .br/.gz copies the site ships next to their deflated twins (ship_deflated_zips).
STORED_ZIPS = BUILD / "stored"
FRONTEND = ROOT / "frontend"
PYODIDE_PACKAGE = ROOT / "node_modules" / "pyodide"


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


def pinned_pyodide_version() -> str:
    """The exact version package.json pins, checked against what npm installed."""
    pinned = json.loads((ROOT / "package.json").read_text())["dependencies"]["pyodide"]
    installed = str(json.loads((PYODIDE_PACKAGE / "package.json").read_text())["version"])
    if pinned != installed:
        raise SystemExit(f"package.json pins pyodide {pinned} but {installed} is installed: run npm ci")
    return installed


def lock_closure(lock: dict[str, object], roots: list[str]) -> dict[str, object]:
    """The lock entries of ``roots`` and everything they depend on, nothing else."""
    packages = lock["packages"]
    assert isinstance(packages, dict)
    keep: dict[str, object] = {}
    todo = list(roots)
    while todo:
        name = todo.pop()
        if name in keep:
            continue
        entry = packages[name]
        keep[name] = entry
        todo.extend(entry["depends"])
    return {"info": lock["info"], "packages": dict(sorted(keep.items()))}


def trim_standard_library() -> None:
    """Only the standard-library modules the calculator and Pyodide's start-up import, precompiled to bytecode by
    Pyodide's own Python (build_scripts/trim_stdlib.mjs). The browser tests run on this zip. The same run compiles the
    calculator's wheel to bytecode (beside its sources), which then replaces the staged wheel in the lock file."""
    report = BUILD / "stdlib-report.json"
    compiled = BUILD / "compiled-wheel.whl"
    run(
        "node",
        ROOT / "build_scripts" / "trim_stdlib.mjs",
        "--lock",
        RUNTIME_STAGING / "pyodide-lock.json",
        "--out",
        RUNTIME_STAGING / "python_stdlib.zip",
        "--pyc",
        "--report",
        report,
        "--wheel-out",
        compiled,
    )
    summary = json.loads(report.read_text())
    original = (PYODIDE_PACKAGE / "python_stdlib.zip").stat().st_size
    log(f"standard library: {summary['files']} of {summary['of']} files kept, {summary['bytes']} of {original} bytes")
    use_compiled_wheel(compiled)


def use_compiled_wheel(compiled: Path) -> None:
    """Put the compiled wheel in the staged wheel's place, under the same name, with its sha256 in the lock file."""
    lock_path = RUNTIME_STAGING / "pyodide-lock.json"
    lock = json.loads(lock_path.read_text())
    entry = lock["packages"]["kmo-calculator"]
    target = RUNTIME_STAGING / entry["file_name"]
    source_size = target.stat().st_size
    shutil.move(compiled, target)
    entry["sha256"] = hashlib.sha256(target.read_bytes()).hexdigest()
    lock_path.write_text(json.dumps(lock, indent=1, sort_keys=True) + "\n")
    log(f"wheel compiled to bytecode: {target.name} ({source_size} -> {target.stat().st_size} bytes, entries stored)")


def ship_deflated_zips() -> None:
    """The standard library zip and the wheel are built with stored entries, so that brotli and gzip compress across
    files. A host that serves files as they are (and none compresses zip types on the fly) would send them that way
    at full size, more than a naive embed's stock files. So the runtime folder gets the same zips with their entries
    deflated, and the stored ones are kept in build/stored/: the .br/.gz copies are made from those
    (prepare_for_hosting). The lock file's sha256 is the deflated wheel's; ``stored_sha256`` is the stored one's,
    which a browser gets from a host that serves the copies (calculator-runtime.mjs checkedWheel takes either)."""
    shutil.rmtree(STORED_ZIPS, ignore_errors=True)
    STORED_ZIPS.mkdir(parents=True)
    lock_path = RUNTIME_STAGING / "pyodide-lock.json"
    lock = json.loads(lock_path.read_text())
    entry = lock["packages"]["kmo-calculator"]
    for name in ("python_stdlib.zip", entry["file_name"]):
        staged = RUNTIME_STAGING / name
        stored = STORED_ZIPS / name
        shutil.move(staged, stored)
        staged.write_bytes(hosting.deflated_zip(stored.read_bytes()))
        log(f"{name}: {stored.stat().st_size} bytes stored, shipped deflated as {staged.stat().st_size} bytes")
    wheel = entry["file_name"]
    entry["stored_sha256"] = hashlib.sha256((STORED_ZIPS / wheel).read_bytes()).hexdigest()
    entry["sha256"] = hashlib.sha256((RUNTIME_STAGING / wheel).read_bytes()).hexdigest()
    lock_path.write_text(json.dumps(lock, indent=1, sort_keys=True) + "\n")


def stored_sources(site_dir: Path = SITE) -> dict[str, Path]:
    """For each deflated zip in the site's runtime folder, the stored zip its .br/.gz copies are made from."""
    (runtime,) = (site_dir / "assets" / "rekenmodule").iterdir()
    return {
        (runtime / stored.name).relative_to(site_dir).as_posix(): stored
        for stored in sorted(STORED_ZIPS.iterdir())
        if (runtime / stored.name).is_file()
    }


def build_runtime(wheel: Path) -> str:
    """Lay out the browser runtime; returns its versioned folder name."""
    version = pinned_pyodide_version()
    shutil.rmtree(RUNTIME_STAGING, ignore_errors=True)
    RUNTIME_STAGING.mkdir(parents=True)
    for name in runtime_manifest.PYODIDE:
        if name != "python_stdlib.zip":
            shutil.copy2(PYODIDE_PACKAGE / name, RUNTIME_STAGING / name)
    shutil.copy2(wheel, RUNTIME_STAGING / wheel.name)
    for name in runtime_manifest.DECODER:
        shutil.copy2(ROOT / "node_modules" / runtime_manifest.DECODER_PACKAGE / "pkg" / name, RUNTIME_STAGING / name)
    full_lock = BUILD / "pyodide-lock.full.json"
    run(
        Path(sys.executable).parent / "pyodide",
        "lockfile",
        "add-wheels",
        "--input",
        PYODIDE_PACKAGE / "pyodide-lock.json",
        "--output",
        full_lock,
        "--base-path",
        RUNTIME_STAGING,
        RUNTIME_STAGING / wheel.name,
    )
    lock = lock_closure(json.loads(full_lock.read_text()), ["kmo-calculator"])
    (RUNTIME_STAGING / "pyodide-lock.json").write_text(json.dumps(lock, indent=1, sort_keys=True) + "\n")
    trim_standard_library()
    ship_deflated_zips()
    for name in runtime_manifest.frontend_files():  # with the manifest's values written in (its placeholders)
        text = (FRONTEND / name).read_text(encoding="utf-8")
        (RUNTIME_STAGING / name).write_text(runtime_manifest.substitute(name, text), encoding="utf-8")
    runtime_manifest.write(RUNTIME_STAGING, wheel.name)
    folder = runtime_folder(version)
    total = sum(path.stat().st_size for path in RUNTIME_STAGING.iterdir())
    entries = lock["packages"]
    assert isinstance(entries, dict)
    log(f"runtime: Pyodide {version}, lock entries {sorted(entries)}, {total} bytes, folder {folder}")
    return folder


def build_pages(
    site_dir: Path = SITE, config: Path = ROOT / "mkdocs.yml", runtime: str | None = None, generator: str = "mkdocs"
) -> None:
    """The information pages: the generated configuration (build_scripts/site_config.py), the site generator with
    the Markdown extension that fills in the figures (build_scripts/generators.py), the runtime copied in, then the
    files written after the generator (build_scripts/site_outputs.py: open data, feed, robots.txt, brand)."""
    from build_scripts import generators, site_config, site_outputs
    from build_scripts.site_build import Build

    build = Build.from_environment()
    folder = f"assets/rekenmodule/{runtime}/" if runtime else ""
    generated = site_config.write(config, build, generator, folder)
    values = json.loads(generated.read_text(encoding="utf-8"))
    try:
        generators.run(generator, generated, site_dir)
    finally:
        site_config.remove(generated)
    if runtime:
        shutil.copytree(RUNTIME_STAGING, site_dir / "assets" / "rekenmodule" / runtime)
    site_outputs.write(build, site_dir, site_config.site_url(build), values["site_name"])
    pages = sorted(site_dir.rglob("*.html"))
    log(f"site: {len(pages)} HTML pages in {site_dir} ({generator})")


def publish_wheel(wheel: Path, site_dir: Path = SITE) -> None:
    """The open-data page offers the calculator's wheel for `pip install`: the same package the browser runs (the
    browser's copy carries bytecode for Pyodide's Python beside the same sources, see use_compiled_wheel)."""
    target = site_dir / "open-data" / wheel.name
    shutil.copy(wheel, target)
    log(f"open data: {target.relative_to(site_dir)}")


def prepare_for_hosting(site_dir: Path = SITE) -> None:
    """Precompressed copies for hosts that serve them, then the _headers file (security and cache rules)."""
    started = time.monotonic()
    sources = stored_sources(site_dir) if (site_dir / "assets" / "rekenmodule").is_dir() else {}
    files, before, after = hosting.precompress(site_dir, cache=BUILD / "brotli-cache", sources=sources)
    origins = insluiten.insluiten(aanbieder.chosen_file()).toegelaten  # who may frame /rekenmodule/insluiten/
    hosting.write_headers(site_dir, embedding.headers_rules(origins))
    embedding.write(site_dir, BUILD / "hosting", origins)
    apache.write(site_dir)
    log(
        f"hosting: {files} files precompressed ({before} -> {after} bytes with brotli), _headers and .htaccess "
        f"in {time.monotonic() - started:.1f} s"
    )


def provider_file_usable() -> bool:
    """Read the provider file before anything is built: when it has problems, print them all, in words with the
    key and the fix, without a traceback, and say no."""
    try:
        aanbieder.load(load_rules().classificatie)
    except aanbieder.AanbiederError as error:
        print(f"[build] the provider file cannot be used. {error}", file=sys.stderr)
        return False
    return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "--site-dir",
        type=Path,
        default=SITE,
        help="where to build the site (default: site/; the tests build the "
        "example provider's site elsewhere with KMO_AANBIEDER)",
    )
    parser.add_argument(
        "--lean", action="store_true", help="build only the site, without the wheels the tests run inside Pyodide"
    )
    parser.add_argument(
        "--generator",
        choices=("mkdocs", "zensical"),
        default="mkdocs",
        help="the site generator (default: MkDocs with Material; zensical: from .venv-zensical, see generators.py)",
    )
    parser.add_argument(
        "--pages-only",
        action="store_true",
        help="build only the pages and what follows them (open data, robots.txt), without wheel or runtime (tests)",
    )
    parser.add_argument("--config", type=Path, default=ROOT / "mkdocs.yml", help="with --pages-only: the configuration")
    arguments = parser.parse_args(argv)
    if not provider_file_usable():
        return 2
    if arguments.pages_only:
        build_pages(arguments.site_dir.resolve(), arguments.config.resolve(), generator=arguments.generator)
        return 0
    site_dir = arguments.site_dir.resolve()
    started = time.monotonic()
    wheel = build_wheel()
    if not arguments.lean:
        fetch_test_wheels()
    runtime = build_runtime(wheel)
    build_pages(site_dir, runtime=runtime, generator=arguments.generator)
    publish(wheel, site_dir)
    log(f"done in {time.monotonic() - started:.1f} s")
    return 0


def runtime_folder(version: str | None = None, staging: Path = RUNTIME_STAGING) -> str:
    """The runtime's versioned folder name: the Pyodide version and a hash of every staged file, names included
    (build_scripts/watch.py names the staged runtime again for a rebuild of the pages alone)."""
    digest = hashlib.sha256()
    for path in sorted(staging.iterdir()):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return f"{version or pinned_pyodide_version()}-{digest.hexdigest()[:12]}"


def publish(wheel: Path, site_dir: Path = SITE) -> None:
    """What follows the pages: the wheel for open data, the service worker, then the files for hosting."""
    publish_wheel(wheel, site_dir)
    written = service_worker.write(site_dir)
    files = written["files"]
    assert isinstance(files, list)
    log(f"service worker: {service_worker.NAME} ({len(files)} files, version {written['version']})")
    prepare_for_hosting(site_dir)


if __name__ == "__main__":
    sys.exit(main())
