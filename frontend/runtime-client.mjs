// The runtime client: starts the calculator's Web Worker, watches its start, and asks it questions.
//
// One question at a time: while an answer is on its way, a newer question replaces any waiting one, and the answer
// to an outdated question is dropped. A fast answer (a few ms) thus follows every keystroke, and the page only ever
// shows the answer to the newest form. No rule and no text lives here: the worker runs the Python package.

// Whether this browser can run the calculator's worker at all.
export function runtimeSupported() {
  return typeof WebAssembly === "object" && typeof Worker === "function";
}

export class RuntimeClient {
  // workerUrl: the worker module. startTimeout, answerTimeout: milliseconds. handlers: {progress(percent),
  // ready(restored), failed(kind, detail)} where kind is "unsupported", "start", "timeout" or "answer"; restored
  // says the worker started from its memory snapshot.
  constructor(workerUrl, { startTimeout, answerTimeout }, handlers) {
    this.workerUrl = workerUrl;
    this.startTimeout = startTimeout;
    this.answerTimeout = answerTimeout;
    this.handlers = handlers;
    this.worker = null;
    this.ready = false;
    this.nextId = 1;
    this.inFlight = null; // {id, timer, resolve, reject, kind}
    this.waiting = new Map(); // per kind, the newest question not yet sent: {request, resolve, reject}
  }

  // early: a worker already started (calculator-boot.mjs), {worker, release()}, to take over instead of starting one;
  // the messages it kept are handled as if they arrived now.
  start(early = null) {
    this.stop();
    if (!runtimeSupported()) {
      this.handlers.failed("unsupported");
      return;
    }
    this.watchdog = setTimeout(() => this.fail("timeout"), this.startTimeout);
    try {
      this.worker = early ? early.worker : new Worker(this.workerUrl, { type: "module" });
    } catch (error) {
      this.fail("start", error);
      return;
    }
    const worker = this.worker;
    worker.addEventListener("message", (event) => this.received(event.data || {}));
    worker.addEventListener("error", (event) => this.fail("start", event.message));
    if (!early) return;
    const kept = early.release();
    if (kept.errors.length) {
      this.fail("start", kept.errors[0]);
      return;
    }
    for (const message of kept.messages) {
      if (this.worker !== worker) return; // a kept message ended this start (an error)
      this.received(message);
    }
  }

  stop() {
    clearTimeout(this.watchdog);
    if (this.worker) this.worker.terminate();
    this.worker = null;
    this.ready = false;
    if (this.inFlight) {
      clearTimeout(this.inFlight.timer);
      this.inFlight.reject(new Error("stopped"));
    }
    for (const question of this.waiting.values()) question.reject(new Error("stopped"));
    this.inFlight = null;
    this.waiting.clear();
  }

  fail(kind, detail = null) {
    this.stop();
    if (detail) console.error("kmo-calculator:", detail);
    this.handlers.failed(kind, detail);
  }

  received(message) {
    if (message.type === "progress") {
      if (!this.ready) this.handlers.progress(message.percent);
    } else if (message.type === "ready") {
      clearTimeout(this.watchdog);
      this.ready = true;
      this.handlers.ready(Boolean(message.restored));
      this.sendWaiting();
    } else if (message.type === "error") {
      this.fail("start", message.message);
    } else if (message.type === "answer" || message.type === "failed") {
      const question = this.inFlight;
      if (!question || question.id !== message.id) return;
      clearTimeout(question.timer);
      this.inFlight = null;
      if (message.type === "failed") {
        question.reject(new Error(message.message));
        this.fail("answer", message.message);
        return;
      }
      if (this.waiting.has(question.kind)) {
        question.reject(new Error("outdated")); // a newer question of the same kind is waiting: drop this answer
      } else {
        question.resolve(message.answer);
      }
      this.sendWaiting();
    }
  }

  // Ask the newest question of a kind ("evaluate" or "agenda"). Resolves with the answer, or rejects with
  // "outdated" when a newer question replaced it.
  ask(kind, request) {
    return new Promise((resolve, reject) => {
      const older = this.waiting.get(kind);
      if (older) older.reject(new Error("outdated"));
      this.waiting.set(kind, { request, resolve, reject });
      this.sendWaiting();
    });
  }

  get busy() {
    return Boolean(this.inFlight || this.waiting.size);
  }

  sendWaiting() {
    if (!this.ready || !this.worker || this.inFlight || !this.waiting.size) return;
    const kind = this.waiting.has("evaluate") ? "evaluate" : this.waiting.keys().next().value;
    const { request, resolve, reject } = this.waiting.get(kind);
    this.waiting.delete(kind);
    const id = this.nextId++;
    const timer = setTimeout(() => this.fail("answer"), this.answerTimeout);
    this.inFlight = { id, timer, resolve, reject, kind };
    this.worker.postMessage({ type: kind, id, request });
  }
}
