"""What unpacking the runtime in the worker would cost: DecompressionStream('gzip') on the runtime's .gz copies, in
headless Chromium, as a worker would run it on every start that reads them (a first visit, and a return visit whose
copy of the runtime is kept compressed).

    python -m bench.decompression [--runs 5]

Prints, per file, the bytes a host that compresses nothing would send (the file, or its .gz copy fetched as an
opaque file) and the median time to unpack the copy. It reads the built site (site/)."""

from __future__ import annotations

import argparse
import json
import statistics
import sys

from playwright.sync_api import sync_playwright

from bench.browser import browser_args, script
from build_scripts import build_site
from build_scripts.chromium import CHROMIUM
from build_scripts.serve import serve_in_thread

FILES = ("pyodide.asm.wasm", "pyodide.asm.mjs", "python_stdlib.zip")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    arguments = parser.parse_args(argv)
    (folder,) = (build_site.SITE / "assets" / "rekenmodule").iterdir()
    server, base = serve_in_thread(build_site.SITE, compression="none")
    results = {}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=browser_args(playwright))
            page = browser.new_page()
            page.goto(base)
            for name in FILES:
                url = f"{base}assets/rekenmodule/{folder.name}/{name}.gz"
                measured = page.evaluate(script("unpack.js"), [url, arguments.runs])
                results[name] = {
                    "plain_bytes": (folder / name).stat().st_size,
                    "gz_bytes": measured["packed"],
                    "unpacked_bytes": measured["size"],
                    "unpack_ms_median": round(statistics.median(measured["times"]), 1),
                    "unpack_ms": [round(time, 1) for time in measured["times"]],
                }
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    print(json.dumps(results, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
