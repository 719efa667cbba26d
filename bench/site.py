"""The bench's site: the built site plus the naive reference page, served as each kind of host would serve it."""

from __future__ import annotations

import json
import shutil
import threading
import urllib.parse
from pathlib import Path
from typing import Any

from build_scripts import build_site, runtime_manifest
from build_scripts.serve import Server, make_server

ROOT = Path(__file__).resolve().parent.parent
BENCH_SITE = ROOT / "build" / "bench-site"
NAIVE = Path(__file__).resolve().parent / "naive"
# The interface's example request (INTERFACE.md), which both pages answer.
EXAMPLE_FILE = ROOT / "examples" / "request.json"
EXAMPLE: dict[str, Any] = json.loads(EXAMPLE_FILE.read_text(encoding="utf-8"))

VARIANTS = {
    # name: (path, input selector, output selector)
    "ours": (
        "rekenmodule/#aanvraag=" + urllib.parse.quote(json.dumps(EXAMPLE, separators=(",", ":"))),
        "#services-1-bedrag",
        "[data-answer='support_total']",
    ),
    "naive": ("naive/", "#bedrag", "#steun"),
}
INFORMATION_PAGE = "steun/"

# Each host: (build_scripts/serve.py compression mode, whether the site's _headers apply, headers on every response).
HOST_KINDS: dict[str, tuple[str, bool, dict[str, str]]] = {
    "precompressed": ("precompressed", True, {}),
    "ghpages": ("gzip", False, {"Cache-Control": "max-age=600"}),
    "gzip": ("gzip", True, {}),
    "none": ("none", True, {}),
}
HOSTS = tuple(HOST_KINDS)


def runtime(site: Path = BENCH_SITE) -> dict[str, Any]:
    """The manifest of the site's runtime folder (build_scripts/runtime_manifest.py)."""
    (folder,) = (site / "assets" / "rekenmodule").iterdir()
    return runtime_manifest.read(folder)


def prepare_site() -> None:
    """The built site plus the naive page, its stock Pyodide copy (the npm package's files of the same core files
    ours ships, with the classic loader its <script> uses and the stock lock file), the wheel, and the example
    request written into its script."""
    shutil.rmtree(BENCH_SITE, ignore_errors=True)
    shutil.copytree(build_site.SITE, BENCH_SITE)
    naive = BENCH_SITE / "naive"
    shutil.copytree(NAIVE, naive)
    script = naive / "naive.js"
    script.write_text(script.read_text(encoding="utf-8").replace("__REQUEST__", json.dumps(EXAMPLE)), encoding="utf-8")
    stock = runtime()
    (naive / "pyodide").mkdir()
    for name in ["pyodide.js", stock["lock"], *(name for name in stock["pyodide"] if name != "pyodide.mjs")]:
        shutil.copy2(build_site.PYODIDE_PACKAGE / name, naive / "pyodide" / name)
    (wheel,) = build_site.WHEELS.glob("kmo_calculator-*.whl")
    shutil.copy2(wheel, naive / "kmo_calculator.whl")


def serve(host: str, **options: Any) -> tuple[Server, str]:
    """The bench site served as this host kind would (HOST_KINDS)."""
    compression, own_headers, added = HOST_KINDS[host]
    server, settings = make_server(BENCH_SITE, 0, compression=compression, extra_headers=added, **options)
    if not own_headers:
        settings.rules = []
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"
