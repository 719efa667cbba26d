"""What unpacking the runtime in the browser costs, in headless Chromium:

- ``brotli``: the .br copies the calculator's worker downloads where the host does not send them itself
  (frontend/runtime-files.mjs brotliStream: in Chromium, the decoder in WebAssembly), once per first visit (a return
  visit reads the unpacked files from the cache);
- ``gzip``: DecompressionStream('gzip') on the .gz copies, the alternative that was measured and not kept.

    python -m bench.decompression [--runs 5]

Prints, per file, the bytes of the file and of each copy fetched as an opaque file, and the median time to unpack the
copy. It reads the built site (site/)."""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from typing import Any

from playwright.sync_api import sync_playwright

from bench.browser import browser_args, script
from build_scripts import build_site, runtime_manifest
from build_scripts.chromium import CHROMIUM
from build_scripts.serve import serve_in_thread

FILES = ("pyodide.asm.wasm", "pyodide.asm.mjs", "python_stdlib.zip")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    arguments = parser.parse_args(argv)
    (folder,) = (build_site.SITE / "assets" / "rekenmodule").iterdir()
    server, base = serve_in_thread(build_site.SITE, compression="none")
    results: dict[str, dict[str, Any]] = {}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=browser_args(playwright))
            page = browser.new_page()
            page.goto(base)
            runtime = f"{base}assets/rekenmodule/{folder.name}/"
            for name in FILES:
                results[name] = {"plain_bytes": (folder / name).stat().st_size}
                for kind, suffix in (("brotli", ".br"), ("gzip", ".gz")):
                    if kind == "brotli" and name not in runtime_manifest.PACKED:
                        continue
                    measured = page.evaluate(
                        script("unbrotli.js" if kind == "brotli" else "unpack.js"),
                        [runtime + runtime_manifest.UNPACKER, runtime + name + suffix, arguments.runs]
                        if kind == "brotli"
                        else [runtime + name + suffix, arguments.runs],
                    )
                    results[name][kind] = {
                        "copy_bytes": measured["packed"],
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
