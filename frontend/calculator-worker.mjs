// The calculator's runtime: Pyodide in a module Web Worker, never on the page's main thread.
//
// It loads Pyodide and the kmo-calculator wheel from the same versioned folder as this file (no other host), then
// answers {type: "evaluate", id, request} with {type: "answer", id, answer}, and {type: "agenda", id, request} with
// {type: "answer", id, answer: {ok, errors, filename, ics}} (the iCalendar file of the timeline). Both are computed
// by the Python package (calculator.evaluate, calculator.agenda.agenda): no rule lives in JavaScript.
//
// Messages to the page: {type: "progress", percent}, {type: "ready", seconds}, {type: "answer", id, answer},
// {type: "error", message} when the runtime cannot start, {type: "failed", id, message} when one answer fails.
import { loadPyodide } from "./pyodide.mjs";

const folder = new URL("./", import.meta.url).href;
const started = performance.now();
let evaluateJson = null;
let agendaJson = null;

function post(message) {
  self.postMessage(message);
}

// Progress: the runtime files finish downloading one by one; their share of the bytes drives the bar (5 % to 90 %).
const shares = new Map([
  ["pyodide.asm.mjs", 10],
  ["pyodide.asm.wasm", 65],
  ["python_stdlib.zip", 20],
  ["pyodide-lock.json", 1],
]);
const totalShare = [...shares.values()].reduce((sum, share) => sum + share, 0);
let downloaded = 0;
let shown = 0;
let finished = false;
function progress(percent) {
  if (finished) return;
  shown = Math.min(100, Math.max(shown, Math.round(percent)));
  post({ type: "progress", percent: shown });
}
if (typeof PerformanceObserver === "function") {
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        const name = entry.name.split("/").pop().split("?")[0];
        if (shares.has(name)) {
          downloaded += shares.get(name);
          shares.delete(name);
          progress(5 + (85 * downloaded) / totalShare);
        }
      }
    }).observe({ type: "resource", buffered: true });
  } catch {
    // Progress is a courtesy: without resource timing the bar jumps from start to ready.
  }
}

// A failed download inside Pyodide can surface as an unhandled rejection instead of rejecting loadPyodide:
// report it as a start failure, so the page shows its error at once instead of waiting for the watchdog.
self.addEventListener("unhandledrejection", (event) => {
  event.preventDefault();
  if (!evaluateJson) fail(event.reason);
});

function fail(error) {
  if (finished) return;
  finished = true;
  post({ type: "error", message: String((error && error.message) || error) });
}

// Pyodide catches a failed download of its WebAssembly file, logs "wasm instantiation failed!" and then waits for
// ever; whether the failure also surfaces as an unhandled rejection depends on timing. So every download this
// worker makes goes through this wrapper: a request that fails, or answers with an HTTP error, before the runtime
// is ready is a start failure at once, whatever Pyodide does with it afterwards.
const nativeFetch = self.fetch.bind(self);
self.fetch = async (resource, options) => {
  let response;
  try {
    response = await nativeFetch(resource, options);
  } catch (error) {
    if (!evaluateJson) fail(error);
    throw error;
  }
  if (!response.ok && !evaluateJson) fail(new Error(`HTTP ${response.status}: ${response.url}`));
  return response;
};

// The smallest valid WebAssembly module (magic number and version). If the page's Content-Security-Policy forbids
// compiling WebAssembly ('wasm-unsafe-eval' missing), compiling it fails at once; Pyodide itself would only log a
// warning and wait forever, so this check turns a hang into a clear error.
const EMPTY_MODULE = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);

async function start() {
  await WebAssembly.compile(EMPTY_MODULE);
  progress(2);
  const pyodide = await loadPyodide({
    indexURL: folder,
    lockFileURL: new URL("pyodide-lock.json", folder).href,
    packages: ["kmo-calculator"],
    stdout: () => {},
    stderr: (line) => console.warn(line),
  });
  progress(92);
  const functions = pyodide.runPython(`
import json
from calculator import evaluate
from calculator.agenda import agenda

def evaluate_json(text):
    return json.dumps(evaluate(json.loads(text)), ensure_ascii=False)

def agenda_json(text):
    return json.dumps(agenda(json.loads(text)), ensure_ascii=False)

(evaluate_json, agenda_json)
`);
  agendaJson = functions.get(1);
  evaluateJson = functions.get(0);
  progress(100);
  finished = true;
  post({ type: "ready", seconds: (performance.now() - started) / 1000 });
}

self.addEventListener("message", (event) => {
  const message = event.data || {};
  if (message.type !== "evaluate" && message.type !== "agenda") return;
  if (!evaluateJson) {
    post({ type: "failed", id: message.id, message: "not ready" });
    return;
  }
  try {
    const run = message.type === "agenda" ? agendaJson : evaluateJson;
    const answer = JSON.parse(run(JSON.stringify(message.request)));
    post({ type: "answer", id: message.id, answer });
  } catch (error) {
    post({ type: "failed", id: message.id, message: String((error && error.message) || error) });
  }
});

start().catch(fail);
