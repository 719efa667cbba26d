// Memory snapshot experiment (bench/snapshot.py), not part of the site: one start of the calculator's runtime in a
// module worker, timed from the worker's first line to the first answer of calculator.evaluate.
//   ?mode=make      start as the calculator does, answer once, then store pyodide.makeMemorySnapshot() in Cache
//                   Storage under the key (Pyodide version and runtime folder, which holds the wheel's hash);
//   ?mode=normal    start as the calculator does (a return visit today);
//   ?mode=snapshot  start from the stored snapshot.
const params = new URL(self.location.href).searchParams;
const runtime = new URL(params.get("runtime"), self.location.href).href;
const mode = params.get("mode");
const key = new URL("snapshot-" + encodeURIComponent(params.get("key")), self.location.href).href;
const request = {
  application_date: "2026-11-27",
  enterprise: { size_category: "klein" },
  services: [{ kind: "pentest", amount: "8000", start_date: "2026-11-27" }],
};
const started = performance.now();
try {
  const { loadPyodide } = await import(runtime + "pyodide.mjs");
  const options = {
    indexURL: runtime,
    lockFileURL: runtime + "pyodide-lock.json",
    packages: ["kmo-calculator"],
    stdout: () => {},
    stderr: () => {},
  };
  const cache = await caches.open("kmo-snapshot-experiment");
  if (mode === "make") {
    options._makeSnapshot = true;
    delete options.stdout;
    delete options.stderr;
    options.packages = [];
  }
  if (mode === "snapshot") {
    const stored = await cache.match(key);
    if (!stored) throw new Error("no snapshot stored");
    options._loadSnapshot = new Uint8Array(await stored.arrayBuffer());
    options.packages = [];
  }
  const pyodide = await loadPyodide(options);
  if (mode !== "normal") {
    // loadPackage leaves JavaScript objects behind that a snapshot cannot hold ("Unexpected hiwire entry"), so
    // here the wheel goes onto the file system and onto sys.path as a zip (it is pure Python).
    const lock = await (await fetch(runtime + "pyodide-lock.json")).json();
    const wheel = lock.packages["kmo-calculator"].file_name;
    const bytes = new Uint8Array(await (await fetch(runtime + wheel)).arrayBuffer());
    pyodide.FS.writeFile("/home/pyodide/kmo_calculator.whl", bytes);
    if (mode === "make") pyodide.runPython("import sys; sys.path.insert(0, '/home/pyodide/kmo_calculator.whl')");
  }
  const loaded = performance.now();
  const answer = pyodide.runPython(`
import json
from calculator import evaluate
json.dumps(evaluate(json.loads(${JSON.stringify(JSON.stringify(request))})))
`);
  const answered = performance.now();
  const support = JSON.parse(answer).support_total;
  let bytes = 0;
  if (mode === "make") {
    const snapshot = pyodide.makeMemorySnapshot();
    bytes = snapshot.length;
    await cache.put(key, new Response(snapshot));
  }
  self.postMessage({ ok: true, mode, ms: answered - started, loadMs: loaded - started, support, bytes });
} catch (error) {
  self.postMessage({ ok: false, mode, error: String((error && error.stack) || error) });
}
