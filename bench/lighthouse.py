"""Lighthouse's performance score on the bench site, as one kind of host serves it."""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from bench.browser import log
from bench.site import ROOT, serve
from build_scripts.chromium import CHROMIUM, CHROMIUM_ARGS

PAGES = {
    "precompressed": (("home", ""), ("calculator", "rekenmodule/")),
    "ghpages": (("calculator", "rekenmodule/"),),
}
PRESETS = ("desktop", "mobile")
# Lighthouse's score varies from run to run (its own docs advise the median of several runs): each page and preset
# is scored this many times, and the median is the score; the runs are reported beside it.
RUNS = 3


def score(url: str, preset: str, output: Path) -> int | None:
    """One Lighthouse run (its own simulated throttling); the performance score out of 100, or None."""
    command = [
        str(ROOT / "node_modules" / ".bin" / "lighthouse"),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={output}",
        f"--chrome-flags={' '.join([*CHROMIUM_ARGS, '--headless=new'])}",
        "--only-categories=performance",
        "--max-wait-for-load=60000",
        *(["--preset=desktop"] if preset == "desktop" else []),
    ]
    subprocess.run(command, env=os.environ | {"CHROME_PATH": CHROMIUM}, capture_output=True, timeout=300, check=False)
    report = json.loads(output.read_text()) if output.is_file() else {}
    found = (report.get("categories") or {}).get("performance", {}).get("score")
    return round(found * 100) if found is not None else None


def performance(host: str) -> dict[str, Any]:
    """The scores of this host's pages (PAGES), desktop and mobile, on an unthrottled server: the median of RUNS."""
    scores: dict[str, Any] = {}
    server, base = serve(host)
    try:
        with tempfile.TemporaryDirectory() as folder:
            for name, path in PAGES[host]:
                for preset in PRESETS:
                    log(f"lighthouse: {host}, {name}, {preset}, {RUNS} runs")
                    runs = [
                        score(base + path, preset, Path(folder) / f"{name}-{preset}-{run}.json") for run in range(RUNS)
                    ]
                    found = sorted(value for value in runs if value is not None)
                    scores[f"{name}-{preset}"] = found[len(found) // 2] if found else None
                    scores[f"{name}-{preset} runs"] = "/".join(str(value) for value in runs)
    finally:
        server.shutdown()
        server.server_close()
    return scores
