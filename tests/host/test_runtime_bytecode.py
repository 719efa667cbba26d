"""The Python the site ships, started as the page's worker starts it (its own calculator-runtime.mjs, under Node): the
trimmed standard library, and the calculator's wheel with bytecode beside each source. Every module of the package is
imported from its .pyc, and each .pyc is an unchecked hash-based one compiled from exactly the source next to it (the
hash is checked here, by Pyodide's own Python 3.14, since the host's Python keys source hashes by its own version)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from calculator import evaluate

QUICK = {
    "application_date": "2026-11-27",
    "enterprise": {"size_category": "klein"},
    "services": [{"kind": "pentest", "amount": "8000"}],
}

SCRIPT = """
import { readFileSync } from "node:fs";
import { loadPyodide } from "pyodide";
const [folder, request] = process.argv.slice(1); // the runtime folder's path, ending in "/"
const runtime = await import(new URL("calculator-runtime.mjs", "file://" + folder).href);
const { CALCULATOR_FUNCTIONS, checkedWheel, installWheel, wheelEntry } = runtime;
const lock = JSON.parse(readFileSync(folder + "pyodide-lock.json", "utf-8"));
const entry = wheelEntry(lock);
const pyodide = await loadPyodide({ indexURL: folder, lockFileContents: lock, packages: [], stdout: () => {} });
installWheel(pyodide, entry, await checkedWheel(entry, new Uint8Array(readFileSync(folder + entry.file_name))));
const answer = pyodide.runPython(CALCULATOR_FUNCTIONS).get(0)(request);
const report = pyodide.runPython(`
import importlib.util, inspect, json, sys, zipfile
wheel = next(path for path in sys.path if path.endswith(".whl"))
module = sys.modules["calculator.engine"]
function = next(f for f in vars(module).values() if inspect.isfunction(f) and f.__module__ == module.__name__)
with zipfile.ZipFile(wheel) as archive:
    names = archive.namelist()
    pycs = {name: archive.read(name + "c") if name + "c" in names else b"" for name in names if name.endswith(".py")}
    sources = {name: archive.read(name) for name in pycs}
json.dumps({
    "flags": {name: int.from_bytes(pyc[4:8], "little") for name, pyc in pycs.items()},
    "hash_matches": {name: pyc[8:16] == importlib.util.source_hash(sources[name]) for name, pyc in pycs.items()},
    "module_files": {name: module.__file__ for name, module in sys.modules.items() if name.startswith("calculator")},
    "wheel": wheel,
    "code_file": function.__code__.co_filename,
    "source_found": bool(inspect.getsource(function)),
})
`);
console.log(JSON.stringify({ answer: JSON.parse(answer), report: JSON.parse(report) }));
"""


@pytest.mark.slow
def test_the_shipped_runtime_imports_the_calculator_from_bytecode_compiled_from_its_sources(root: Path) -> None:
    runtimes = root / "site" / "assets" / "rekenmodule"
    assert runtimes.is_dir(), "run `./dev build` (or `./dev test`) first"
    (folder,) = runtimes.iterdir()
    result = subprocess.run(
        ["node", "--input-type=module", "-e", SCRIPT, str(folder) + "/", json.dumps(QUICK)],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    shipped = json.loads(result.stdout.strip().splitlines()[-1])
    report = shipped["report"]
    assert len(report["flags"]) >= 10, report["flags"]
    # Flags 0b01: hash-based and unchecked, so zipimport reads the .pyc without reading the source.
    assert report["flags"] == dict.fromkeys(report["flags"], 1)
    assert report["hash_matches"] == dict.fromkeys(report["flags"], True)
    assert {"calculator", "calculator.engine", "calculator.teksten"} <= set(report["module_files"])
    assert all(path.endswith(".pyc") for path in report["module_files"].values()), report["module_files"]
    # Compiled under the path the module has in the worker, so a traceback or inspect finds its source.
    assert report["code_file"] == report["wheel"] + "/calculator/engine.py"
    assert report["source_found"]
    assert shipped["answer"] == json.loads(json.dumps(evaluate(QUICK)))
