// Runs the calculator's unit tests inside Pyodide under Node, offline, with the same npm runtime the site ships.
//
//   node build_scripts/pyodide_pytest.mjs --wheels DIR [--wheels DIR ...] --project DIR [--from-snapshot] [pytest arguments...]
//
// --from-snapshot: first start Pyodide the way the page's worker does on a first visit (frontend/calculator-runtime.mjs:
// the wheel as a zip on sys.path, the worker's functions defined, one answer given), make a memory snapshot, pack it
// and unpack it as the worker stores and reads it, and run the tests in a second runtime restored from it, as a return
// visit does. The calculator then comes from that zip.
//
// Every wheel in the --wheels folders (the test tools and the kmo-calculator wheel itself) is unpacked into Pyodide's
// site-packages; the project folder is mounted read-only at /project so pytest finds tests/unit and pyproject.toml.
// The calculator is imported from the installed wheel, never from the source folder (checked below), so this also
// proves the wheel carries its data files. Exit status: pytest's.
import { readdirSync, readFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { loadPyodide } from "pyodide";
import {
  CALCULATOR_FUNCTIONS,
  WHEEL_DIR,
  installWheel,
  packSnapshot,
  unpackSnapshot,
} from "../frontend/calculator-runtime.mjs";

const wheelDirs = [];
let projectDir = null;
let fromSnapshot = false;
const pytestArgs = [];
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  if (argv[i] === "--wheels" && i + 1 < argv.length) wheelDirs.push(resolve(argv[++i]));
  else if (argv[i] === "--project" && i + 1 < argv.length) projectDir = resolve(argv[++i]);
  else if (argv[i] === "--from-snapshot") fromSnapshot = true;
  else pytestArgs.push(argv[i]);
}
if (wheelDirs.length === 0 || projectDir === null) {
  console.error("usage: node pyodide_pytest.mjs --wheels DIR [--wheels DIR ...] --project DIR [pytest args]");
  process.exit(2);
}

const wheels = wheelDirs.flatMap((dir) =>
  readdirSync(dir).filter((name) => name.endsWith(".whl")).map((name) => join(dir, name)),
);
const calculatorWheel = wheels.find((path) => basename(path).startsWith("kmo_calculator-"));
if (!calculatorWheel) {
  console.error(`no kmo_calculator wheel in ${wheelDirs.join(", ")}`);
  process.exit(2);
}

let pyodide;
let calculatorFrom;
if (fromSnapshot) {
  const entry = { file_name: basename(calculatorWheel) };
  const bytes = new Uint8Array(readFileSync(calculatorWheel));
  const first = await loadPyodide({ _makeSnapshot: true });
  installWheel(first, entry, bytes);
  first.runPython(CALCULATOR_FUNCTIONS);
  const snapshot = first.makeMemorySnapshot();
  const packed = packSnapshot(snapshot);
  pyodide = await loadPyodide({ _loadSnapshot: unpackSnapshot(packed) });
  // The restored interpreter holds the calculator already (imported before the snapshot was made).
  if (!pyodide.runPython("import sys; 'calculator' in sys.modules and 'evaluate_json' in globals()")) {
    console.error("the restored runtime does not hold the calculator: the snapshot was not used");
    process.exit(2);
  }
  console.log(`restored from a memory snapshot of ${snapshot.length} bytes, stored packed in ${packed.length}`);
  installWheel(pyodide, entry, bytes); // files are not part of a snapshot
  calculatorFrom = `${WHEEL_DIR}/${entry.file_name}/calculator/`;
} else {
  pyodide = await loadPyodide();
}
// Raw writes keep pytest's progress dots on one line (the line-based default would print one per line).
pyodide.setStdout({ write: (bytes) => { process.stdout.write(bytes); return bytes.length; } });
pyodide.setStderr({ write: (bytes) => { process.stderr.write(bytes); return bytes.length; } });
const sitePackages = pyodide.runPython("import site; site.getsitepackages()[0]");
calculatorFrom = calculatorFrom || sitePackages;
for (const path of wheels) {
  if (fromSnapshot && path === calculatorWheel) continue;
  pyodide.unpackArchive(new Uint8Array(readFileSync(path)), "wheel", { extractDir: sitePackages });
}

pyodide.FS.mkdirTree("/project");
pyodide.mountNodeFS("/project", projectDir);
pyodide.globals.set("pytest_args", pyodide.toPy(pytestArgs));
const status = await pyodide.runPythonAsync(`
import sys, platform
import calculator
assert calculator.__file__.startswith(${JSON.stringify(calculatorFrom)}), calculator.__file__
print(f"Pyodide: Python {platform.python_version()} on {sys.platform}; calculator from {calculator.__file__}")
import pytest
int(pytest.main(["/project/tests/unit", "--rootdir=/project", "-c", "/project/pyproject.toml",
                 "-p", "no:cacheprovider", "-o", "pythonpath=", *pytest_args]))
`);
process.exit(status);
