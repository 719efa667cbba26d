"""The calculator runtime's manifest: the one place that says which files the runtime folder holds and what each is
for, and the names of the caches the page's scripts keep on the device.

The build (build_site.build_runtime) lays out the folder from these lists and writes ``manifest.json`` into it; then

- the page's template reads it through the generated configuration (``config.extra.kmo.manifest``: the modules and the runtime's
  big files the calculator page preloads, its stylesheets, and ``prefetch``, what an information page prefetches);
- the calculator's worker gets the part it needs written into its copy (``__RUNTIME_MANIFEST__``): fetching
  ``manifest.json`` at run time would put one more request before the worker's first download;
- ``calculator-runtime.mjs`` gets the memory snapshot's cache prefix the same way (``__SNAPSHOT_CACHE_PREFIX__``),
  and the service worker, a classic script that cannot import modules, gets both cache prefixes and the runtime's
  files in its own manifest (build_scripts/service_worker.py);
- the benchmark reads ``manifest.json`` from the built site (bench/site.py).

``manifest.json`` lists every file of the folder but itself: no script of the page asks for it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

NAME = "manifest.json"
LOCK = "pyodide-lock.json"
# Pyodide's core files, from the npm package; nothing else of it is shipped (the standard library is cut down).
PYODIDE = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip")
# Pyodide's script that its loader imports; the worker imports it at once, alongside its other requests.
LOADER = "pyodide.asm.mjs"
# The module that decides how the big files are fetched (the page, its worker and an information page's intent).
UNPACKER = "runtime-files.mjs"
# The page's head start (calculator-boot.mjs) and the modules it imports: preloaded at the top of <head>. The head
# start also asks the host, from there, in which form it sends the big files (runtime-files.mjs).
HEAD_MODULES = ("calculator-runtime.mjs", "page-check.mjs", "runtime-client.mjs", UNPACKER)
BOOT = "calculator-boot.mjs"
# The page script and its imports, preloaded after the stylesheets.
PAGE_MODULES = (
    "calculator-page.mjs",
    "address.mjs",
    "field-errors.mjs",
    "form-state.mjs",
    "service-choice.mjs",
    "render.mjs",
    "next-step.mjs",
)
WORKER = "calculator-worker.mjs"
STYLESHEET = "calculator.css"
NOSCRIPT_STYLESHEET = "calculator-noscript.css"
# The runtime's big files, with their share of the bytes (the worker's progress bar), in the order the page preloads
# them; the worker asks for all of them at once.
BIG_FILES = {LOCK: 1, "pyodide.asm.wasm": 65, "python_stdlib.zip": 20, LOADER: 10}
# The big files a host may send uncompressed (on GitHub Pages, the WebAssembly as gzip and the zips as they are): the
# page and its worker ask for their .br copies unless the host sends them brotli-compressed itself, and unpack them
# (frontend/runtime-files.mjs). The wheel, named in the lock file, is one of them too.
PACKED = ("pyodide.asm.wasm", "python_stdlib.zip")
# The brotli decoder for browsers without DecompressionStream("brotli") (Chromium): its module and WebAssembly, from
# the npm package brotli-dec-wasm (package.json).
DECODER_PACKAGE = "brotli-dec-wasm"
DECODER = ("brotli_dec_wasm.js", "brotli_dec_wasm_bg.wasm")
# The Content-Type an unpacked file is given (WebAssembly must have its own to be compiled while it arrives).
UNPACKED_TYPES = {"wasm": "application/wasm", "zip": "application/zip", "whl": "application/zip"}
# The prefixes of the Cache Storage caches' names: the service worker's copy of the runtime and the page (the prefix
# and its version), the worker's memory snapshot, and the files it unpacked on a first visit (the prefix and the
# runtime folder's name).
CACHES = {"runtime": "kmo-rekenmodule-", "snapshot": "kmo-snapshot-", "unpacked": "kmo-unpacked-"}


def frontend_files() -> tuple[str, ...]:
    """The files of frontend/ the runtime folder holds."""
    return (BOOT, *HEAD_MODULES, *PAGE_MODULES, WORKER, STYLESHEET, NOSCRIPT_STYLESHEET)


def manifest(folder: Path, wheel: str) -> dict[str, Any]:
    """The manifest of a laid-out runtime folder (``wheel``: the wheel's file name, from the lock file)."""
    files = sorted(path.name for path in folder.iterdir() if path.is_file() and path.name != NAME)
    expected = sorted({*PYODIDE, LOCK, wheel, *frontend_files(), *DECODER})
    if files != expected:
        raise SystemExit(f"the runtime folder holds {files}, the manifest expects {expected}")
    return {
        "files": files,
        "pyodide": list(PYODIDE),
        "lock": LOCK,
        "wheel": wheel,
        "boot": BOOT,
        "head_modules": list(HEAD_MODULES),
        "page_modules": list(PAGE_MODULES),
        "worker": WORKER,
        "stylesheet": STYLESHEET,
        "noscript_stylesheet": NOSCRIPT_STYLESHEET,
        "preload": list(BIG_FILES),
        "packed": [*PACKED, wheel],
        "decoder": list(DECODER),
        "unpacker": UNPACKER,
        "caches": CACHES,
        # What an information page prefetches when the visitor shows intent: all the calculator loads.
        "prefetch": [name for name in files if name != NOSCRIPT_STYLESHEET],
    }


def worker_part() -> dict[str, Any]:
    """What the calculator's worker reads: the lock file, Pyodide's script, and the big files' shares."""
    return {"lock": LOCK, "loader": LOADER, "progress": BIG_FILES}


# Placeholders in frontend/ files, each filled in the runtime folder's copy (substitute): file -> {placeholder: value}.
PLACEHOLDERS: dict[str, dict[str, Any]] = {
    WORKER: {"__RUNTIME_MANIFEST__": worker_part()},
    "calculator-runtime.mjs": {'"__SNAPSHOT_CACHE_PREFIX__"': CACHES["snapshot"]},
    UNPACKER: {
        "__RUNTIME_FILES__": {
            "decoder": list(DECODER),
            "packed": list(PACKED),
            "types": UNPACKED_TYPES,
            "unpackedCachePrefix": CACHES["unpacked"],
        }
    },
}


def substitute(name: str, text: str) -> str:
    """A frontend file as the runtime folder holds it: each of its placeholders (exactly once) replaced by its value
    as JSON."""
    for placeholder, value in PLACEHOLDERS.get(name, {}).items():
        if text.count(placeholder) != 1:
            raise SystemExit(f"frontend/{name} must hold {placeholder} once")
        text = text.replace(placeholder, json.dumps(value, separators=(", ", ": ")))
    return text


def write(folder: Path, wheel: str) -> dict[str, Any]:
    written = manifest(folder, wheel)
    (folder / NAME).write_text(json.dumps(written, indent=1) + "\n", encoding="utf-8")
    return written


def read(folder: Path) -> dict[str, Any]:
    """The manifest of a runtime folder (build/rekenmodule, or one in a built site)."""
    loaded: dict[str, Any] = json.loads((folder / NAME).read_text(encoding="utf-8"))
    return loaded
