"""Memory snapshot experiment (issue 12): does starting Pyodide from a memory snapshot make a return visit faster?

    python -m bench.snapshot [--runs 5] [--no-build]

Pyodide's private API (``loadPyodide({_makeSnapshot: true})``, ``pyodide.makeMemorySnapshot()``,
``loadPyodide({_loadSnapshot})``) is exercised in a module worker (bench/snapshot/worker.mjs) on the built site,
which starts Python with the runtime folder's own calculator-runtime.mjs, as the calculator's worker does:
the snapshot is made in the browser after a first start and one answer, and stored in Cache Storage under a key of
the Pyodide version and the runtime folder (whose name holds the hash of the wheel and the other files). Then, warm
(every runtime file in the HTTP cache), a normal start and a start from the snapshot alternate, each timed from the
worker's first line to the first answer of ``calculator.evaluate``. The calculator keeps the snapshot only if it
cuts that time by 40 % or more; the report says whether it does.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
from pathlib import Path
from typing import Any

from playwright.sync_api import sync_playwright

from bench.run import BENCH_SITE, browser_args, log, prepare_site, summary
from build_scripts import build_site
from build_scripts.chromium import CHROMIUM
from build_scripts.serve import serve_in_thread

HERE = Path(__file__).resolve().parent
GAIN_NEEDED = 0.40

START = """async ([url]) => await new Promise((resolve) => {
  const worker = new Worker(url, { type: "module" });
  worker.onmessage = (event) => { worker.terminate(); resolve(event.data); };
  worker.onerror = (event) => { worker.terminate(); resolve({ ok: false, error: String(event.message) }); };
})"""


def run(runs: int) -> dict[str, Any]:
    shutil.copytree(HERE / "snapshot", BENCH_SITE / "snapshot")
    (runtime,) = (BENCH_SITE / "assets" / "rekenmodule").iterdir()
    server, base = serve_in_thread(BENCH_SITE)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=browser_args())
            context = browser.new_context()
            page = context.new_page()
            page.goto(base + "snapshot/index.html")

            def start(mode: str) -> dict[str, Any]:
                query = f"?mode={mode}&runtime=../assets/rekenmodule/{runtime.name}/&key={runtime.name}"
                result: dict[str, Any] = page.evaluate(START, [base + "snapshot/worker.mjs" + query])
                if not result.get("ok"):
                    log(f"{mode}: {result.get('error')}")
                return result

            made = start("make")
            results: dict[str, Any] = {"chromium": browser.version, "runtime": runtime.name, "make": made}
            normal: list[float] = []
            restored: list[float] = []
            answers = set()
            for index in range(runs + 1):  # the first pair warms up and is not counted
                for mode, values in (("normal", normal), ("snapshot", restored)):
                    outcome = start(mode)
                    if outcome.get("ok") and index:
                        values.append(outcome["ms"])
                        answers.add(outcome["support"])
                    elif not outcome.get("ok"):
                        results[f"{mode}_error"] = outcome.get("error")
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    results["normal_ms"] = summary(normal) if normal else None
    results["snapshot_ms"] = summary(restored) if restored else None
    results["same_answer"] = len(answers) == 1
    if normal and restored:
        gain = 1 - statistics.median(restored) / statistics.median(normal)
        results["gain"] = round(gain, 3)
        results["keep"] = gain >= GAIN_NEEDED and results["same_answer"]
    else:
        results["gain"] = None
        results["keep"] = False
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-build", action="store_true")
    parser.add_argument("--out", type=Path, default=HERE / "results")
    arguments = parser.parse_args(argv)
    if not arguments.no_build:
        build_site.main([])
    prepare_site()
    results = run(arguments.runs)
    arguments.out.mkdir(parents=True, exist_ok=True)
    (arguments.out / "snapshot.json").write_text(json.dumps(results, indent=2) + "\n")
    print(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
