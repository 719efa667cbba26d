// Memory snapshot experiment (bench/snapshot.py), not part of the site: one start of the calculator's runtime in a
// module worker, timed from the worker's first line to the first answer of calculator.evaluate. It starts Python
// exactly as the calculator's worker does, with the runtime folder's own calculator-runtime.mjs:
//   ?mode=make      a first start (with _makeSnapshot), then store pyodide.makeMemorySnapshot() in Cache Storage
//                   under the key (the runtime folder, whose name holds the Pyodide version and the files' hash);
//   ?mode=normal    a start without a snapshot (a return visit without the snapshot);
//   ?mode=snapshot  a start from the stored snapshot.
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
  const { CALCULATOR_FUNCTIONS, RESTORED_FUNCTIONS, checkedWheel, installWheel, wheelEntry } = await import(
    runtime + "calculator-runtime.mjs"
  );
  const lock = await (await fetch(runtime + "pyodide-lock.json")).json();
  const entry = wheelEntry(lock);
  const wheel = await checkedWheel(entry, new Uint8Array(await (await fetch(runtime + entry.file_name)).arrayBuffer()));
  const options = { indexURL: runtime, packageBaseUrl: runtime, lockFileContents: lock, packages: [] };
  const cache = await caches.open("kmo-snapshot-experiment");
  if (mode === "snapshot") {
    const stored = await cache.match(key);
    if (!stored) throw new Error("no snapshot stored");
    options._loadSnapshot = new Uint8Array(await stored.arrayBuffer());
  } else {
    options._makeSnapshot = mode === "make";
  }
  const pyodide = await loadPyodide(options);
  installWheel(pyodide, entry, wheel);
  const functions = pyodide.runPython(mode === "snapshot" ? RESTORED_FUNCTIONS : CALCULATOR_FUNCTIONS);
  const support = JSON.parse(functions.get(0)(JSON.stringify(request))).support_total;
  const answered = performance.now();
  let bytes = 0;
  if (mode === "make") {
    const snapshot = pyodide.makeMemorySnapshot();
    bytes = snapshot.length;
    await cache.put(key, new Response(snapshot));
  }
  self.postMessage({ ok: true, mode, ms: answered - started, support, bytes });
} catch (error) {
  self.postMessage({ ok: false, mode, error: String((error && error.stack) || error) });
}
