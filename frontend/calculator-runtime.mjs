// Starting the calculator's Python: shared by the page's worker (calculator-worker.mjs), the standard-library
// trimmer and the unit-test runner (build_scripts/*.mjs), so all three start it the same way.
//
// The kmo-calculator wheel (pure Python, registered in the runtime's lock file with its sha256) is written to the
// file system and put on sys.path as a zip, instead of being unpacked by Pyodide's loadPackage: loadPackage leaves
// JavaScript objects in the interpreter that a memory snapshot cannot hold, and the calculator is read from a zip
// just as well. A runtime restored from a memory snapshot has the calculator imported and its rules loaded already;
// only the wheel file is written again, since files are not part of a snapshot.

export const WHEEL_DIR = "/home/pyodide/wheels";

// The Python the worker calls: two functions that take and give JSON text. Defining them also imports the package,
// loads the rules data and answers an empty request, so all of that is in a snapshot made afterwards.
export const CALCULATOR_FUNCTIONS = `
import json
from calculator import evaluate
from calculator.agenda import agenda
from calculator.parameters import load

def evaluate_json(text):
    return json.dumps(evaluate(json.loads(text)), ensure_ascii=False)

def agenda_json(text):
    return json.dumps(agenda(json.loads(text)), ensure_ascii=False)

load()
evaluate({})
(evaluate_json, agenda_json)
`;

// The same two functions in a runtime restored from a memory snapshot made after CALCULATOR_FUNCTIONS ran: they are
// part of the snapshot already, with the package imported and its rules loaded, so nothing is run again.
export const RESTORED_FUNCTIONS = "(evaluate_json, agenda_json)";

// The Cache Storage cache that holds the memory snapshot of the runtime in the folder of this URL (a file in the
// versioned runtime folder): "kmo-snapshot-<folder name>". The worker stores it; the page's head start looks for it.
export const SNAPSHOT_CACHE_PREFIX = "kmo-snapshot-";
export function snapshotCacheName(url) {
  return SNAPSHOT_CACHE_PREFIX + new URL("./", url).pathname.split("/").filter(Boolean).pop();
}

// The lock file's entry for the calculator wheel: its file name and sha256.
export function wheelEntry(lock) {
  const entry = lock && lock.packages && lock.packages["kmo-calculator"];
  if (!entry || !entry.file_name || !entry.sha256) throw new Error("the lock file has no kmo-calculator wheel");
  return entry;
}

// The wheel's bytes, refused unless their sha256 is the lock file's.
export async function checkedWheel(entry, bytes) {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  const hex = Array.from(digest, (byte) => byte.toString(16).padStart(2, "0")).join("");
  if (hex !== entry.sha256) throw new Error(`${entry.file_name}: sha256 ${hex} is not the lock file's ${entry.sha256}`);
  return bytes;
}

// Write the wheel and put it on sys.path (first), once.
export function installWheel(pyodide, entry, bytes) {
  pyodide.FS.mkdirTree(WHEEL_DIR);
  const path = `${WHEEL_DIR}/${entry.file_name}`;
  pyodide.FS.writeFile(path, bytes);
  pyodide.runPython(`import sys\nif ${JSON.stringify(path)} not in sys.path: sys.path.insert(0, ${JSON.stringify(path)})`);
  return path;
}
