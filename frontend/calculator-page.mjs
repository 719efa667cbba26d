// The calculator page: reads the form, sends the request to the worker, renders the answer.
//
// JavaScript only forwards the request and renders the answer; every rule (and every validation message) comes
// from the Python package running in the worker. Rendering uses textContent and createElement, never HTML from
// input. The request lives in the address (?aanvraag=...) so a result can be bookmarked and shared.

const START_TIMEOUT_MS = 60000;
const ANSWER_TIMEOUT_MS = 15000;
const ADDRESS_DELAY_MS = 300;
const MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
  "november", "december"];
const NBSP = "\u00a0";
const QUERY_KEY = "aanvraag";

// --- formatting (display only; the numbers themselves come from the answer) ---------------------------------

function groupThousands(digits) {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
}

export function formatEuro(text) {
  const [whole, fraction = "00"] = String(text).split(".");
  return `€${NBSP}${groupThousands(whole)},${fraction.padEnd(2, "0")}`;
}

export function formatNumber(text) {
  const [whole, fraction] = String(text).split(".");
  return fraction ? `${groupThousands(whole)},${fraction}` : groupThousands(whole);
}

export function formatPercent(text) {
  return `${formatNumber(text)}${NBSP}%`;
}

export function formatDate(iso) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(iso));
  if (!match) return String(iso);
  return `${Number(match[3])} ${MONTHS[Number(match[2]) - 1]} ${match[1]}`;
}

const SIZE_LABELS = { klein: "kleine onderneming", middelgroot: "middelgrote onderneming", groot: "grote onderneming" };
const CONDITION_LABELS = {
  kmo: "Kmo of vrij beroep",
  rechtsvorm: "Aanvaardbare rechtsvorm",
  vestiging: "Vestiging in het Vlaams Gewest",
  prive: "Privésector",
  hoofdactiviteit: "Aanvaardbare hoofdactiviteit",
};

// --- small DOM helpers ---------------------------------------------------------------------------------------

function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === "class") node.className = value;
    else node.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function safeLink(href, text) {
  // Only https links from the rules data become links; anything else stays text.
  if (typeof href === "string" && /^https:\/\/[^\s"<>]+$/.test(href)) {
    return element("a", { href, rel: "noopener" }, text);
  }
  return document.createTextNode(text);
}

// --- the calculator ------------------------------------------------------------------------------------------

class Calculator {
  constructor(root) {
    this.root = root;
    this.form = root.querySelector("[data-form]");
    this.statusText = root.querySelector("[data-status-text]");
    this.progressBar = root.querySelector("[data-progress]");
    this.retryButton = root.querySelector("[data-retry]");
    this.summary = root.querySelector("[data-error-summary]");
    this.summaryList = root.querySelector("[data-error-list]");
    this.results = root.querySelector("[data-results]");
    this.placeholder = root.querySelector("[data-placeholder]");
    this.output = root.querySelector("[data-output]");
    this.worker = null;
    this.ready = false;
    this.nextId = 1;
    this.pending = new Map();
    this.submitted = false;
    this.interacted = false;
    this.focusSummary = false;
    this.touched = new Set();
    this.addressTimer = null;
    this.dirty = false;
    this.lastAnswer = null;
    this.lastRequest = null;
    // The start watchdog's limit; a page (or a test) may set window.kmoStartTimeoutMs before this script runs.
    this.startTimeout = Number(window.kmoStartTimeoutMs) || Number(root.dataset.startTimeout) || START_TIMEOUT_MS;
  }

  init() {
    this.form.addEventListener("input", (event) => this.changed(event));
    this.form.addEventListener("change", (event) => this.changed(event));
    this.form.addEventListener("focusout", (event) => {
      const field = event.target.dataset && event.target.dataset.field;
      if (field) this.touched.add(field);
    });
    this.form.addEventListener("submit", (event) => {
      event.preventDefault();
      this.submitted = true;
      this.focusSummary = true;
      this.saveToAddress(this.readForm());
      this.compute();
    });
    for (const fieldset of this.root.querySelectorAll("[data-rows]")) {
      fieldset.querySelector("[data-add-row]").addEventListener("click", () => {
        const row = this.addRow(fieldset.dataset.rows);
        row.querySelector("input, select").focus();
        this.interacted = true;
        this.compute();
      });
    }
    this.retryButton.addEventListener("click", () => {
      this.startTimeout *= 2;
      this.startWorker();
    });
    for (const row of this.form.querySelectorAll("[data-row-list] > .kmo-row")) this.adoptRow(row);
    if (!this.restore()) this.form.querySelector("#aanvraagdatum").value = todayIso();
    // Start the runtime once the page itself has loaded: Pyodide's compilation then does not compete for the CPU
    // with the theme's own start-up script, which would otherwise become a long task on small machines.
    if (document.readyState === "complete") this.startWorker();
    else window.addEventListener("load", () => this.startWorker(), { once: true });
  }

  // --- rows ---

  rowList(kind) {
    return this.root.querySelector(`[data-rows="${kind}"] [data-row-list]`);
  }

  addRow(kind, values = null) {
    const template = this.root.querySelector(`template[data-row-template="${kind}"]`);
    const row = template.content.firstElementChild.cloneNode(true);
    this.adoptRow(row);
    this.rowList(kind).append(row);
    this.renumber(kind);
    if (values) {
      for (const input of row.querySelectorAll("[data-field]")) {
        const key = input.dataset.field.split(".").pop();
        if (key in values) setValue(input, values[key]);
      }
    }
    return row;
  }

  adoptRow(row) {
    row.querySelector("[data-remove-row]").addEventListener("click", () => this.removeRow(row));
  }

  removeRow(row) {
    const kind = row.dataset.kind;
    const fieldset = row.closest("[data-rows]");
    const rows = [...this.rowList(kind).children];
    const index = rows.indexOf(row);
    row.remove();
    this.renumber(kind);
    const remaining = [...this.rowList(kind).children];
    const focus = remaining[Math.min(index, remaining.length - 1)];
    (focus ? focus.querySelector("input, select") : fieldset.querySelector("[data-add-row]")).focus();
    this.interacted = true;
    this.compute();
  }

  renumber(kind) {
    [...this.rowList(kind).children].forEach((row, index) => {
      for (const number of row.querySelectorAll("[data-row-number]")) number.textContent = String(index + 1);
      for (const node of row.querySelectorAll("*")) {
        for (const attribute of ["id", "for", "aria-describedby", "data-field", "data-group-for", "name"]) {
          const pattern = node.dataset[`pattern${attribute.replace(/[^a-z]/g, "")}`];
          if (pattern) node.setAttribute(attribute, pattern.replace(/-N-/g, `-${index + 1}-`).replace(/\[N\]/g, `[${index}]`));
        }
      }
    });
  }

  // --- reading and restoring the form ---

  readForm() {
    const form = this.form;
    const value = (selector) => form.querySelector(selector).value.trim();
    const checked = (name) => {
      const input = form.querySelector(`input[name="${name}"]:checked`);
      return input ? input.value : null;
    };
    const rows = (kind, keys) =>
      [...this.rowList(kind).children].map((row) => {
        const entry = {};
        for (const input of row.querySelectorAll("[data-field]")) {
          const key = input.dataset.field.split(".").pop();
          if (keys.includes(key)) entry[key] = input.value.trim();
        }
        return entry;
      });
    const enterprise = {
      legal_form: value("#rechtsvorm"),
      region: checked("vestiging") || "",
      public_participation_pct: value("#participatie"),
      fte: value("#vte"),
      turnover: value("#omzet"),
      balance_total: value("#balanstotaal"),
      linked: rows("linked", ["fte", "turnover", "balance_total"]),
      partners: rows("partners", ["share_pct", "fte", "turnover", "balance_total"]),
      locked_size: value("#vastgelegde-grootte") || null,
    };
    const activity = checked("hoofdactiviteit");
    if (activity !== null) enterprise.main_activity_eligible = activity === "ja";
    const request = {};
    const date = value("#aanvraagdatum");
    if (date) request.application_date = date;
    request.enterprise = enterprise;
    const used = value("#reeds-gebruikt");
    if (used) request.support_used_this_year = used;
    request.services = rows("services", ["kind", "amount", "start_date"]);
    return request;
  }

  restore() {
    const raw = new URLSearchParams(location.search).get(QUERY_KEY);
    if (!raw) return false;
    let request;
    try {
      request = JSON.parse(raw);
    } catch {
      return false;
    }
    if (!request || typeof request !== "object" || Array.isArray(request)) return false;
    const form = this.form;
    const enterprise = request.enterprise && typeof request.enterprise === "object" ? request.enterprise : {};
    setValue(form.querySelector("#aanvraagdatum"), request.application_date);
    setValue(form.querySelector("#rechtsvorm"), enterprise.legal_form);
    setRadio(form, "vestiging", enterprise.region);
    setValue(form.querySelector("#participatie"), enterprise.public_participation_pct);
    if (typeof enterprise.main_activity_eligible === "boolean") {
      setRadio(form, "hoofdactiviteit", enterprise.main_activity_eligible ? "ja" : "nee");
    }
    setValue(form.querySelector("#vte"), enterprise.fte);
    setValue(form.querySelector("#omzet"), enterprise.turnover);
    setValue(form.querySelector("#balanstotaal"), enterprise.balance_total);
    setValue(form.querySelector("#vastgelegde-grootte"), enterprise.locked_size || "");
    setValue(form.querySelector("#reeds-gebruikt"), request.support_used_this_year ?? "");
    const list = (items) => (Array.isArray(items) ? items.filter((item) => item && typeof item === "object").slice(0, 64) : []);
    for (const kind of ["linked", "partners", "services"]) this.rowList(kind).replaceChildren();
    for (const item of list(enterprise.linked)) this.addRow("linked", item);
    for (const item of list(enterprise.partners)) this.addRow("partners", item);
    for (const item of list(request.services)) this.addRow("services", item);
    this.submitted = true; // a shared result shows its problems at once
    return true;
  }

  // --- talking to the worker ---

  setState(state, text = null) {
    this.root.dataset.state = state;
    if (text !== null) this.statusText.textContent = text;
  }

  startWorker() {
    if (this.worker) this.worker.terminate();
    this.ready = false;
    this.retryButton.hidden = true;
    this.progressBar.hidden = false;
    this.progressBar.value = 0;
    this.setState("loading", "De rekenmodule wordt geladen…");
    if (typeof WebAssembly !== "object" || typeof Worker !== "function") {
      this.fail("Uw browser ondersteunt de rekenmodule niet (WebAssembly en web workers zijn nodig). Gebruik een recente browser.");
      return;
    }
    clearTimeout(this.watchdog);
    this.watchdog = setTimeout(() => {
      this.fail(`De rekenmodule is na ${Math.round(this.startTimeout / 1000)} seconden nog niet gestart. Uw verbinding is misschien traag, of uw browser of netwerk blokkeert de rekenmodule.`);
    }, this.startTimeout);
    try {
      this.worker = new Worker(new URL("./calculator-worker.mjs", import.meta.url), { type: "module" });
    } catch (error) {
      this.fail("Uw browser kon de rekenmodule niet starten.", error);
      return;
    }
    this.worker.addEventListener("message", (event) => this.received(event.data || {}));
    this.worker.addEventListener("error", (event) => this.fail("De rekenmodule kon niet starten.", event.message));
  }

  fail(text, detail = null) {
    clearTimeout(this.watchdog);
    if (this.worker) this.worker.terminate();
    this.worker = null;
    this.ready = false;
    for (const { timer } of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
    if (detail) console.error("kmo-rekenmodule:", detail);
    this.progressBar.hidden = true;
    this.retryButton.hidden = false;
    this.setState("error", `${text} De informatiepagina's werken wel. Probeer het opnieuw, of lees de regels op de pagina's over voorwaarden en steun.`);
  }

  received(message) {
    if (message.type === "progress") {
      if (this.ready || this.root.dataset.state === "error") return;
      this.progressBar.value = message.percent;
      this.statusText.textContent = `${message.label} (${message.percent} %)`;
    } else if (message.type === "ready") {
      clearTimeout(this.watchdog);
      this.ready = true;
      this.progressBar.hidden = true;
      this.setState("ready", "De rekenmodule is klaar. Het resultaat verandert terwijl u typt.");
      this.compute();
    } else if (message.type === "error") {
      this.fail("De rekenmodule kon niet starten.", message.message);
    } else if (message.type === "answer" || message.type === "failed") {
      const entry = this.pending.get(message.id);
      if (!entry) return;
      clearTimeout(entry.timer);
      this.pending.delete(message.id);
      if (message.type === "failed") {
        this.fail("De rekenmodule gaf geen antwoord.", message.message);
        return;
      }
      if (this.dirty) {
        this.compute(); // the form changed while this answer was computed: ask again, render the newest
        return;
      }
      this.setState("ready");
      this.render(entry.request, message.answer);
    }
  }

  changed(event) {
    this.interacted = true;
    const field = event.target.dataset && event.target.dataset.field;
    if (field && event.type === "change") this.touched.add(field);
    this.compute();
  }

  compute() {
    // Typing is coalesced, not delayed: while an answer is on its way, keystrokes only mark the form dirty, and
    // the newest form is sent when that answer arrives. A fast answer (a few ms) thus follows every keystroke.
    const request = this.readForm();
    if (this.interacted || this.submitted) {
      clearTimeout(this.addressTimer);
      this.addressTimer = setTimeout(() => this.saveToAddress(this.readForm()), ADDRESS_DELAY_MS);
    }
    if (!this.ready || !this.worker) return;
    if (this.pending.size) {
      this.dirty = true;
      return;
    }
    this.dirty = false;
    const id = this.nextId++;
    const timer = setTimeout(() => this.fail("De rekenmodule antwoordt niet meer."), ANSWER_TIMEOUT_MS);
    this.pending.set(id, { request, timer });
    this.setState("busy");
    this.worker.postMessage({ type: "evaluate", id, request });
  }

  saveToAddress(request) {
    const params = new URLSearchParams(location.search);
    params.set(QUERY_KEY, JSON.stringify(request));
    history.replaceState(history.state, "", `${location.pathname}?${params.toString()}${location.hash}`);
  }

  // --- rendering ---

  render(request, answer) {
    this.results.dataset.resultFor = JSON.stringify(request);
    this.results.dataset.renders = String(Number(this.results.dataset.renders || 0) + 1);
    this.showErrors(answer.ok ? [] : answer.errors);
    this.output.replaceChildren();
    if (!answer.ok) {
      this.lastAnswer = null;
      this.output.hidden = true;
      this.placeholder.hidden = false;
      if (!this.submitted && !this.interacted) return; // nothing typed yet: keep the invitation
      const count = answer.errors.length;
      this.placeholder.textContent = count === 1
        ? "Nog 1 gegeven ontbreekt of is niet correct. Het resultaat verschijnt zodra het formulier volledig is."
        : `Nog ${count} gegevens ontbreken of zijn niet correct. Het resultaat verschijnt zodra het formulier volledig is.`;
      return;
    }
    this.lastAnswer = answer;
    this.lastRequest = request;
    this.placeholder.hidden = true;
    this.output.hidden = false;
    this.output.append(
      this.renderSummary(answer),
      this.renderServices(answer),
      this.renderCap(answer),
      this.renderSize(answer),
      this.renderConditions(answer),
      this.renderWarnings(answer),
      this.renderWhy(answer),
      this.renderActions(),
    );
  }

  showErrors(errors) {
    for (const node of this.root.querySelectorAll(".kmo-error")) {
      node.hidden = true;
      node.textContent = "";
    }
    for (const node of this.root.querySelectorAll("[aria-invalid]")) {
      node.removeAttribute("aria-invalid");
      const described = (node.getAttribute("aria-describedby") || "").split(" ").filter((id) => !id.endsWith("-error"));
      if (described.length) node.setAttribute("aria-describedby", described.join(" "));
      else node.removeAttribute("aria-describedby");
    }
    for (const node of this.root.querySelectorAll(".kmo-field--error")) node.classList.remove("kmo-field--error");
    this.summaryList.replaceChildren();
    const visible = errors.filter((error) => this.submitted || this.touched.has(error.field));
    for (const error of visible) {
      const inputs = [...this.root.querySelectorAll("[data-field]")].filter((input) => input.dataset.field === error.field);
      const group = this.root.querySelector(`[data-group-for="${CSS.escape(error.field)}"]`);
      const target = inputs[0] || null;
      if (group) {
        group.classList.add("kmo-field--error");
        const slot = group.querySelector(".kmo-error");
        if (slot) {
          slot.hidden = false;
          slot.replaceChildren(element("span", { class: "kmo-visually-hidden" }, "Fout: "), error.message);
          for (const input of inputs) {
            input.setAttribute("aria-invalid", "true");
            const described = (input.getAttribute("aria-describedby") || "").split(" ").filter(Boolean);
            input.setAttribute("aria-describedby", [...described, slot.id].join(" "));
          }
        }
      }
      if (this.submitted) {
        const link = element("a", { href: target ? `#${target.id}` : "#kmo-results-title" }, error.message);
        link.addEventListener("click", (event) => {
          event.preventDefault();
          const focus = target || this.form.querySelector("input, select");
          focus.focus();
          focus.scrollIntoView({ block: "center" });
        });
        this.summaryList.append(element("li", {}, link));
      }
    }
    this.summary.hidden = !(this.submitted && visible.length);
    if (this.focusSummary && !this.summary.hidden) this.summary.focus();
    this.focusSummary = false;
  }

  renderSummary(answer) {
    const support = element("strong", { "data-answer": "support_total" }, formatEuro(answer.support_total));
    return element("div", { class: "kmo-summary" },
      element("p", { class: "kmo-summary__total" }, "Geschatte steun: ", support),
      element("p", { "data-answer": "eligible", "data-value": String(answer.eligible) },
        answer.eligible
          ? "Uw onderneming voldoet aan de vijf voorwaarden van de kmo-portefeuille."
          : "Uw onderneming voldoet niet aan alle voorwaarden: ze krijgt geen steun via de kmo-portefeuille."),
      element("p", { class: "kmo-summary__rules" },
        "Berekend voor een aanvraag op ",
        element("span", { "data-answer": "application_date" }, formatDate(answer.application_date)),
        ", met de regels die gelden voor aanvragen vanaf ",
        element("span", { "data-answer": "rules_in_force_since" }, formatDate(answer.rules_in_force_since)),
        "."));
  }

  renderServices(answer) {
    const section = element("div", { class: "kmo-block" }, element("h3", {}, "Steun per dienst"));
    if (!answer.services.length) {
      section.append(element("p", {}, "U gaf geen diensten op. Voeg een dienst toe om de steun te berekenen."));
      return section;
    }
    const list = element("ol", { class: "kmo-services" });
    answer.services.forEach((service, index) => {
      const figure = (label, name, text) => [
        element("dt", {}, label),
        element("dd", { "data-answer": `services.${index}.${name}` }, text),
      ];
      list.append(element("li", { class: "kmo-service", "data-service": index, "data-eligible": String(service.eligible) },
        element("p", { class: "kmo-service__title" }, element("strong", {}, service.label),
          service.eligible ? null : element("span", { class: "kmo-badge" }, "Komt niet in aanmerking")),
        element("dl", { class: "kmo-figures" },
          figure("Bedrag zonder btw", "amount", formatEuro(service.amount)),
          figure("Steunpercentage", "rate_pct", formatPercent(service.rate_pct)),
          figure("Steun", "support", formatEuro(service.support)),
          figure("Eigen aandeel", "own_share", formatEuro(service.own_share)),
          figure("Uiterlijk aanvragen op", "application_deadline", formatDate(service.application_deadline)))));
    });
    section.append(list);
    return section;
  }

  renderCap(answer) {
    const row = (label, key) => [element("dt", {}, label), element("dd", { "data-answer": key }, formatEuro(answer[key]))];
    return element("div", { class: "kmo-block" },
      element("h3", {}, "Steunplafond"),
      element("dl", { class: "kmo-figures" },
        row("Plafond voor dit kalenderjaar", "cap"),
        row("Nog over vóór deze diensten", "cap_remaining_before"),
        row("Steun voor deze diensten", "support_total"),
        row("Nog over daarna", "cap_remaining_after")));
  }

  renderSize(answer) {
    const size = answer.size;
    const notes = [];
    if (size.locked) notes.push(element("p", {}, "U gaf aan dat de grootte dit kalenderjaar al vastligt; die wordt gebruikt."));
    if (size.group_changes_size) {
      notes.push(element("p", { "data-answer": "size.group_changes_size" },
        `Let op: zonder uw groep zou uw onderneming een ${SIZE_LABELS[size.own_category]} zijn. Pas de grootte aan in uw aanvraag.`));
    }
    return element("div", { class: "kmo-block" },
      element("h3", {}, "Grootte van uw onderneming"),
      element("p", {}, "Uw onderneming is een ",
        element("strong", { "data-answer": "size.category", "data-value": size.category }, SIZE_LABELS[size.category]),
        " volgens de Europese kmo-definitie."),
      element("dl", { class: "kmo-figures" },
        element("dt", {}, "Werknemers (VTE), met uw groep"), element("dd", { "data-answer": "size.fte" }, formatNumber(size.fte)),
        element("dt", {}, "Jaaromzet, met uw groep"), element("dd", { "data-answer": "size.turnover" }, formatEuro(size.turnover)),
        element("dt", {}, "Balanstotaal, met uw groep"), element("dd", { "data-answer": "size.balance_total" }, formatEuro(size.balance_total))),
      notes);
  }

  renderConditions(answer) {
    const list = element("ul", { class: "kmo-conditions" });
    answer.conditions.forEach((condition, index) => {
      list.append(element("li", { class: condition.met ? "kmo-met" : "kmo-not-met", "data-condition": condition.id,
        "data-met": String(condition.met) },
        element("strong", {}, `${condition.met ? "Voldaan" : "Niet voldaan"}: ${CONDITION_LABELS[condition.id] || condition.id}. `),
        element("span", { "data-answer": `conditions.${index}.explanation` }, condition.explanation)));
    });
    return element("div", { class: "kmo-block" }, element("h3", {}, "De vijf voorwaarden"), list);
  }

  renderWarnings(answer) {
    if (!answer.warnings.length) return null;
    return element("div", { class: "kmo-block kmo-warnings" },
      element("h3", {}, "Let op"),
      element("ul", {}, answer.warnings.map((warning, index) => element("li", { "data-answer": `warnings.${index}` }, warning))));
  }

  renderWhy(answer) {
    const items = [
      element("li", { "data-answer": "size.explanation" }, answer.size.explanation),
      element("li", { "data-answer": "size.group_explanation" }, answer.size.group_explanation),
      element("li", {}, element("span", { "data-answer": "cap_explanation" }, answer.cap_explanation),
        answer.cap_source ? [" (bron: ", safeLink(answer.cap_source.href, answer.cap_source.title), ")"] : null),
    ];
    answer.services.forEach((service, index) => {
      items.push(element("li", {},
        element("strong", {}, `Dienst ${index + 1}, ${service.label}: `),
        element("span", { "data-answer": `services.${index}.explanation` }, service.explanation),
        service.source ? [" (bron: ", safeLink(service.source.href, service.source.title), ")"] : null));
    });
    return element("details", { class: "kmo-why", open: true },
      element("summary", {}, "Waarom?"),
      element("ul", {}, items));
  }

  renderActions() {
    const status = element("p", { class: "kmo-copy-status", role: "status" });
    const copy = element("button", { type: "button", class: "md-button", "data-copy": true }, "Kopieer samenvatting");
    copy.addEventListener("click", () => this.copySummary(status));
    const print = element("button", { type: "button", class: "md-button", "data-print": true }, "Afdrukken");
    print.addEventListener("click", () => window.print());
    return element("div", { class: "kmo-result-actions" },
      copy, print,
      element("p", { class: "kmo-share" }, "Deze berekening delen of bewaren? Het adres van deze pagina bevat uw gegevens: ",
        element("a", { href: location.href, "data-share": true }, "link naar deze berekening"), "."),
      status);
  }

  summaryText() {
    const answer = this.lastAnswer;
    if (!answer) return "";
    const lines = [
      `Kmo-portefeuille: berekening voor een aanvraag op ${formatDate(answer.application_date)} (regels vanaf ${formatDate(answer.rules_in_force_since)})`,
      `Grootte: ${SIZE_LABELS[answer.size.category]} (${formatNumber(answer.size.fte)} VTE, omzet ${formatEuro(answer.size.turnover)}, balanstotaal ${formatEuro(answer.size.balance_total)})`,
      answer.eligible ? "Voorwaarden: alle vijf voldaan." : "Voorwaarden: niet alle voorwaarden voldaan.",
    ];
    for (const condition of answer.conditions.filter((c) => !c.met)) lines.push(`- ${condition.explanation}`);
    answer.services.forEach((service, index) => {
      lines.push(`Dienst ${index + 1}, ${service.label}: bedrag ${formatEuro(service.amount)}, steun ${formatEuro(service.support)} (${formatPercent(service.rate_pct)}), eigen aandeel ${formatEuro(service.own_share)}, uiterlijk aanvragen op ${formatDate(service.application_deadline)}`);
    });
    lines.push(`Totale steun: ${formatEuro(answer.support_total)}; plafond ${formatEuro(answer.cap)}, nog over daarna ${formatEuro(answer.cap_remaining_after)}`);
    for (const warning of answer.warnings) lines.push(`Let op: ${warning}`);
    lines.push(`Berekening: ${location.href}`);
    return lines.join("\n").replaceAll(NBSP, " ");
  }

  async copySummary(status) {
    const text = this.summaryText();
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      const area = element("textarea", { class: "kmo-visually-hidden", "aria-hidden": "true" });
      area.value = text;
      document.body.append(area);
      area.select();
      document.execCommand("copy");
      area.remove();
    }
    status.textContent = "De samenvatting is gekopieerd.";
  }
}

function todayIso() {
  const now = new Date();
  const pad = (value) => String(value).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function setValue(input, value) {
  if (!input || value === undefined || value === null) return;
  if (typeof value === "number") {
    // A JSON number in a shared address: write it the Belgian way so "12.345" is not read as thousands.
    input.value = Number.isFinite(value) ? String(value).replace(".", ",") : "";
    return;
  }
  if (typeof value !== "string" && typeof value !== "boolean") return;
  input.value = String(value);
}

function setRadio(form, name, value) {
  if (typeof value !== "string") return;
  for (const input of form.querySelectorAll(`input[name="${name}"]`)) input.checked = input.value === value;
}

const root = document.querySelector("[data-calculator]");
if (root) {
  const calculator = new Calculator(root);
  calculator.init();
}
