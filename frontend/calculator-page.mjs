// The calculator page: wires the form (form-state.mjs), the runtime (runtime-client.mjs) and the answer
// (render.mjs) together. JavaScript only forwards the request and shows the answer; every rule, every message and
// every formatted figure comes from the Python package running in the worker, every other word from the page.

import { RuntimeClient } from "./runtime-client.mjs";
import { WORKER, takeEarlyWorker } from "./calculator-boot.mjs";
import { addressFor, requestFromAddress } from "./address.mjs";
import { showFieldErrors, setHidden, setText } from "./field-errors.mjs";
import { FormState } from "./form-state.mjs";
import { calculatorAnswered, pageIsCurrent } from "./page-check.mjs";
import { answerText, renderAnswer } from "./render.mjs";
import { showNextStep } from "./next-step.mjs";

const START_TIMEOUT_MS = 60000;
const ANSWER_TIMEOUT_MS = 15000;
const ADDRESS_DELAY_MS = 300;

class CalculatorPage {
  constructor(root) {
    this.root = root;
    this.texts = root.dataset;
    this.state = new FormState(root);
    this.form = this.state.form;
    this.statusText = root.querySelector("[data-status-text]");
    this.progressBar = root.querySelector("[data-progress]");
    this.retryButton = root.querySelector("[data-retry]");
    this.summary = root.querySelector("[data-error-summary]");
    this.summaryList = root.querySelector("[data-error-list]");
    this.results = root.querySelector("[data-results]");
    this.placeholder = root.querySelector("[data-placeholder]");
    this.output = root.querySelector("[data-output]");
    this.addressProblem = root.querySelector("[data-address-problem]");
    this.keepAddress = false; // an unreadable shared address stays as it was until the visitor changes something
    this.submitted = false;
    this.focusSummary = false;
    this.touched = new Set();
    this.view = null;
    this.lastRequest = null;
    this.checked = false; // the page is known to be current (page-check.mjs): answers may be shown
    // The start watchdog's limit; a page (or a test) may set window.kmoStartTimeoutMs before this script runs.
    const startTimeout = Number(window.kmoStartTimeoutMs) || START_TIMEOUT_MS;
    this.client = new RuntimeClient(
      WORKER,
      { startTimeout, answerTimeout: ANSWER_TIMEOUT_MS },
      {
        progress: (percent) => {
          this.progressBar.value = percent;
          this.statusText.textContent = `${this.texts.textLoading} ${percent} %`;
        },
        ready: (restored) => {
          // No answer before the page is known to be the network's (or the network is out of reach): a page from
          // the service worker's cache that a new deploy has replaced reloads into the new one instead.
          this.current.then((current) => {
            if (!current) return;
            this.checked = true;
            this.root.dataset.start = restored ? "snapshot" : "fresh"; // how the runtime started (tests, benchmark)
            this.progressBar.hidden = true;
            this.setState("ready", this.texts.textReady);
            this.compute();
            this.keepForOffline();
          });
        },
        failed: (kind) => this.failed(kind),
      },
    );
  }

  init() {
    this.current = pageIsCurrent();
    this.listenToFields();
    this.listenToButtons();
    window.addEventListener("hashchange", () => this.restoreFromAddress());
    window.addEventListener("beforeprint", () => {
      for (const details of this.output.querySelectorAll("details")) details.open = true;
    });
    this.state.renumber("services");
    this.restoreFromAddress();
    // When calculator-boot.mjs started the worker (a return visit), take it over. Otherwise start the runtime once
    // the page itself has loaded: downloading and compiling it then do not compete for the CPU with the theme's own
    // start-up script and the first layout.
    takeEarlyWorker().then((early) => {
      if (early || document.readyState === "complete") this.start(early);
      else window.addEventListener("load", () => this.start(), { once: true });
    });
  }

  // The form's fields sit in the form (the three questions) and below the answer (the refinements): one set of
  // listeners on the calculator's root serves both.
  listenToFields() {
    this.root.addEventListener("input", (event) => this.changed(event));
    this.root.addEventListener("change", (event) => this.changed(event));
    this.root.addEventListener("focusout", (event) => {
      const field = event.target.dataset && event.target.dataset.field;
      if (field) this.touched.add(field);
    });
    this.form.addEventListener("submit", (event) => {
      event.preventDefault();
      this.submitted = true;
      this.focusSummary = true;
      this.compute();
    });
  }

  // The rows' add and remove buttons, "more questions" and "try again".
  listenToButtons() {
    this.root.addEventListener("click", (event) => {
      const remove = event.target.closest("[data-remove-row]");
      if (remove) this.removeRow(remove);
    });
    for (const fieldset of this.root.querySelectorAll("[data-rows]")) {
      const add = fieldset.querySelector("[data-add-row]");
      if (add) add.addEventListener("click", () => this.addRow(fieldset.dataset.rows));
    }
    this.root.querySelector("[data-add-service]").addEventListener("click", () => this.addRow("services"));
    this.root.querySelector("[data-more]").addEventListener("toggle", (event) => {
      if (event.target.open) this.state.showStartDates();
    });
    this.retryButton.addEventListener("click", () => {
      this.client.startTimeout *= 2;
      this.start();
    });
  }

  start(early = null) {
    this.retryButton.hidden = true;
    this.progressBar.hidden = false;
    this.progressBar.value = 0;
    this.setState("loading", this.texts.textLoading);
    this.root.dataset.workerStart = early ? "head" : "page"; // who started the worker (tests, benchmark)
    this.client.start(early);
  }

  setState(state, text = null) {
    this.root.dataset.state = state;
    if (text !== null) this.statusText.textContent = text;
  }

  // Once the calculator runs, its service worker keeps the runtime on this device (sw.js at the site's root): the next
  // visit starts without downloading it, also offline. Registering after "ready" means precaching reads the files
  // this visit has just downloaded, and the first start never competes with it.
  keepForOffline() {
    const url = this.root.dataset.serviceWorker;
    if (!url || !("serviceWorker" in navigator)) return;
    navigator.serviceWorker.register(url).catch((error) => console.warn("kmo-calculator: no offline copy:", error));
  }

  failed(kind) {
    const seconds = String(Math.round(this.client.startTimeout / 1000));
    const sentences = {
      unsupported: [this.texts.textStartFailed, this.texts.textUnsupported],
      timeout: [this.texts.textStartFailed, this.texts.textTimeout.replace("{seconden}", seconds)],
      answer: [this.texts.textNoAnswer],
    }[kind] || [this.texts.textStartFailed];
    this.progressBar.hidden = true;
    this.retryButton.hidden = false;
    this.setState("error", [...sentences, this.texts.textAdvice].join(" "));
  }

  restoreFromAddress() {
    const found = requestFromAddress(location);
    this.showAddressProblem(Boolean(found && found.damaged));
    if (!found || found.damaged) return;
    this.state.restore(found.request);
    this.submitted = "enterprise" in found.request; // a shared calculation shows its problems at once, an offer link (services only) waits
    if (found.fromQuery) history.replaceState(history.state, "", addressFor(location, this.state.read()));
    this.compute();
  }

  // An address the page cannot read gets one message; the form stays as it is (empty on arrival), and the address is
  // kept until the visitor changes something, so the damaged link can still be looked at or copied.
  showAddressProblem(damaged) {
    this.keepAddress = damaged;
    if (this.addressProblem.hidden === damaged) this.addressProblem.hidden = !damaged;
  }

  // The visitor changed the form: their form replaces an unreadable address, and its message goes.
  visitorChanged() {
    if (this.keepAddress) this.showAddressProblem(false);
  }

  // Focus moves to the next row, or else to the fieldset's add button, so the keyboard stays where it was.
  removeRow(button) {
    const row = button.closest(".kmo-row");
    const fieldset = row.closest("[data-rows]");
    this.visitorChanged();
    const next = this.state.removeRow(row);
    (next ? next.querySelector("input, select") : fieldset.querySelector("[data-add-row], [data-add-service]") || this.form).focus();
    this.compute();
  }

  addRow(kind) {
    this.visitorChanged();
    const row = this.state.addRow(kind);
    if (kind === "services") this.state.showStartDates();
    row.querySelector("input, select").focus();
    this.compute();
  }

  changed(event) {
    const target = event.target;
    if (!target.closest("[data-form], [data-refinements]")) return;
    this.visitorChanged();
    if (target.matches("[name='grootte']")) this.state.showSizeFigures();
    const field = target.dataset && target.dataset.field;
    if (field) {
      this.state.edited(field);
      if (event.type === "change") this.touched.add(field);
    }
    this.compute();
  }

  compute() {
    const request = this.state.read();
    clearTimeout(this.addressTimer);
    this.addressTimer = setTimeout(() => this.saveAddress(), ADDRESS_DELAY_MS);
    if (!this.client.ready || !this.checked) return;
    this.setState("busy");
    this.client.ask("evaluate", request).then(
      (answer) => {
        if (!this.client.busy) this.setState("ready");
        this.render(request, answer);
        calculatorAnswered(); // after the first: the service worker lets the site search's index through
      },
      () => {}, // outdated (a newer form was sent) or stopped (the failure is shown already)
    );
  }

  saveAddress() {
    const touchedForm = this.submitted || this.touched.size || this.root.querySelector("[data-field]:checked") ||
      [...this.root.querySelectorAll("[data-field]")].some((input) => input.type !== "radio" && input.value);
    if (this.keepAddress || (!touchedForm && !location.hash)) return;
    history.replaceState(history.state, "", addressFor(location, this.state.read()));
  }

  // --- the answer ---

  render(request, answer) {
    // The same request again (a field's change event on leaving it, after its input event already asked): keep the
    // view, so a button the visitor is pressing at that moment is not replaced under the pointer.
    const key = JSON.stringify(request);
    const unchanged = this.view !== null && this.results.dataset.resultFor === key;
    this.results.dataset.resultFor = key;
    this.results.dataset.renders = String(Number(this.results.dataset.renders || 0) + 1);
    this.lastRequest = request;
    this.showErrors(answer.ok ? [] : answer.errors);
    setText(this.root.querySelector("[data-size-result]"), answer.ok && !answer.size.stated ? answer.size.explanation : "");
    if (!answer.ok) {
      // Written only when it changes: the first answer to a form still empty (when the runtime becomes ready) leaves
      // the page as painted, so the placeholder is not painted again (it is the page's largest paint on a phone).
      this.view = null;
      setHidden(this.output, true);
      if (this.output.firstChild) this.output.replaceChildren();
      setHidden(this.placeholder, false);
      return;
    }
    if (unchanged) return;
    this.view = renderAnswer(this.root, request, answer, {
      open: (field) => this.openField(field),
      agenda: () => this.downloadAgenda(),
      copy: (status) => this.copy(status),
      print: () => window.print(),
    });
    this.view.querySelector("[data-share]").href = this.sharedAddress(request);
    showNextStep(this.view, answer, answerText(this.view, ""), this.sharedAddress(request));
    this.output.replaceChildren(this.view);
    setHidden(this.placeholder, true);
    setHidden(this.output, false);
  }

  // The address that shows this calculation: this page's, or, in the embeddable page (data-share-page), the full
  // calculator page's, never the frame's.
  sharedAddress(request) {
    const shared = this.root.dataset.sharePage;
    const page = shared ? new URL(shared, location.href) : location;
    return new URL(addressFor(page, request), page.href).href;
  }

  openField(field) {
    const input = this.state.open(field);
    if (!input) return;
    input.focus();
    input.scrollIntoView({ block: "center" });
  }

  downloadAgenda() {
    const request = this.lastRequest;
    this.client.ask("agenda", request).then((file) => {
      if (!file.ok) return;
      const url = URL.createObjectURL(new Blob([file.ics], { type: "text/calendar;charset=utf-8" }));
      const link = document.createElement("a");
      link.href = url;
      link.download = file.filename;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10000);
    }, () => {});
  }

  async copy(status) {
    const text = answerText(this.view, this.sharedAddress(this.lastRequest));
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      const area = document.createElement("textarea");
      area.className = "kmo-visually-hidden";
      area.setAttribute("aria-hidden", "true");
      area.value = text;
      document.body.append(area);
      area.select();
      document.execCommand("copy");
      area.remove();
    }
    status.textContent = this.texts.textCopied;
  }

  showErrors(errors) {
    showFieldErrors(this, errors);
  }
}

const root = document.querySelector("[data-calculator]");
if (root) new CalculatorPage(root).init();
