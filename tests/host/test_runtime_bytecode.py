"""The Python the site ships, started as the page's worker starts it (its own calculator-runtime.mjs, under Node): the
trimmed standard library, and the calculator's wheel with bytecode beside each source. Every module of the package is
imported from its .pyc, and each .pyc is an unchecked hash-based one compiled from exactly the source next to it (the
hash is checked here, by Pyodide's own Python 3.14, since the host's Python keys source hashes by its own version)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import brotli  # type: ignore[import-untyped]
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


def as_the_copies_decode(folder: Path, target: Path) -> Path:
    """The runtime folder as a host that serves the .br copies sends it: each file with a copy replaced by the
    copy's bytes decoded (the standard library and the wheel then hold stored entries instead of deflated ones)."""
    target.mkdir()
    for path in folder.iterdir():
        if path.suffix in (".br", ".gz"):
            continue
        copy = path.with_name(path.name + ".br")
        (target / path.name).write_bytes(brotli.decompress(copy.read_bytes()) if copy.is_file() else path.read_bytes())
    return target


def run_node(root: Path, script: str, *arguments: str) -> Any:
    """Run a script under Node from the project root; it must succeed, and its last line of output is JSON."""
    result = subprocess.run(
        ["node", "--input-type=module", "-e", script, *arguments],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.mark.slow
@pytest.mark.parametrize("served", ["files as they are", "the .br copies"])
def test_the_shipped_runtime_imports_the_calculator_from_bytecode_compiled_from_its_sources(
    root: Path, served: str, tmp_path: Path
) -> None:
    runtimes = root / "site" / "assets" / "rekenmodule"
    assert runtimes.is_dir(), "run `./dev build` (or `./dev test`) first"
    (folder,) = runtimes.iterdir()
    if served == "the .br copies":
        folder = as_the_copies_decode(folder, tmp_path / folder.name)
        assert (folder / "python_stdlib.zip").read_bytes() != (
            runtimes / folder.name / "python_stdlib.zip"
        ).read_bytes()
    shipped = run_node(root, SCRIPT, str(folder) + "/", json.dumps(QUICK))
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


# A memory snapshot made from one form of the zips, restored with the other (a visitor whose snapshot came from a
# host that served the stored copies, now getting the deflated files, or the other way round): every module the
# snapshot had not imported yet, and every file of the wheel, must still read. zipimport keeps each zip's table of
# contents (offsets) in the interpreter's memory; the restored runtime reads them again (RESTORED_FUNCTIONS).
CROSS_SNAPSHOT = """
import { readFileSync } from "node:fs";
import { loadPyodide } from "pyodide";
const [made, restored] = process.argv.slice(1); // two runtime folders, ending in "/"
const runtime = await import(new URL("calculator-runtime.mjs", "file://" + restored).href);
const { CALCULATOR_FUNCTIONS, RESTORED_FUNCTIONS, installWheel, wheelEntry } = runtime;
const lock = JSON.parse(readFileSync(restored + "pyodide-lock.json", "utf-8"));
const entry = wheelEntry(lock);
const options = { lockFileContents: lock, packages: [], stdout: () => {} };
const first = await loadPyodide({ ...options, indexURL: made, _makeSnapshot: true });
installWheel(first, entry, new Uint8Array(readFileSync(made + entry.file_name)));
first.runPython(CALCULATOR_FUNCTIONS);
const snapshot = first.makeMemorySnapshot();
const pyodide = await loadPyodide({ ...options, indexURL: restored, _loadSnapshot: snapshot });
installWheel(pyodide, entry, new Uint8Array(readFileSync(restored + entry.file_name)));
pyodide.runPython(RESTORED_FUNCTIONS);
console.log(pyodide.runPython(`
import importlib, json, sys, zipfile
stdlib = next(path for path in sys.path if path.endswith(".zip"))
wheel = next(path for path in sys.path if path.endswith(".whl"))
imported = []
with zipfile.ZipFile(stdlib) as archive:
    for name in archive.namelist():
        module = name.removesuffix(".pyc").removesuffix("/__init__").replace("/", ".")
        if name.endswith(".pyc") and module not in sys.modules and not module.startswith(("_pyodide", "pyodide")):
            try:
                importlib.import_module(module)
                imported.append(module)
            except ImportError as error:  # a module that needs what the trimmed zip left out is not a zip error
                if "zlib" in str(error) or "bad local file header" in str(error) or "CRC" in str(error):
                    raise
loader = sys.modules["calculator"].__loader__
with zipfile.ZipFile(wheel) as archive:
    read = [name for name in archive.namelist() if loader.get_data(wheel + "/" + name) == archive.read(name)]
    total = len(archive.namelist())
json.dumps({"imported": imported, "read": len(read), "files": total})
`));
"""


@pytest.mark.slow
@pytest.mark.parametrize("direction", ["stored to deflated", "deflated to stored"])
def test_a_snapshot_restores_with_either_form_of_the_zips(root: Path, direction: str, tmp_path: Path) -> None:
    runtimes = root / "site" / "assets" / "rekenmodule"
    assert runtimes.is_dir(), "run `./dev build` (or `./dev test`) first"
    (plain,) = runtimes.iterdir()
    copies = as_the_copies_decode(plain, tmp_path / plain.name)
    made, restored = (copies, plain) if direction == "stored to deflated" else (plain, copies)
    report = run_node(root, CROSS_SNAPSHOT, f"{made}/", f"{restored}/")
    assert report["imported"], "every module of the zip was imported before the snapshot: nothing was checked"
    assert report["read"] == report["files"]
