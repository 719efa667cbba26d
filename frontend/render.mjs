// Rendering: the package's answer into the page. Every word and every number shown comes from the answer (its
// sentences and its `display` strings) or from the page's <template> elements; nothing is formatted here.
// Text goes in with textContent, never as HTML.

function clone(root, name) {
  return root.querySelector(`template[data-t="${name}"]`).content.firstElementChild.cloneNode(true);
}

function slot(node, name) {
  return node.querySelector(`[data-slot="${name}"]`);
}

function fill(node, name, text) {
  const target = slot(node, name);
  if (target) target.textContent = text ?? "";
  return target;
}

function answerSlot(node, key, text) {
  const target = node.querySelector(`[data-answer="${key}"]`);
  if (target) target.textContent = text ?? "";
  return target;
}

function sourceNote(root, source) {
  if (!source || typeof source.href !== "string" || !/^https:\/\/[^\s"<>]+$/.test(source.href)) return null;
  const note = clone(root, "source");
  const link = slot(note, "link");
  link.href = source.href;
  link.textContent = source.title;
  return note;
}

// The answer as a block of the page. handlers: {open(field), agenda(), copy(status), print()}.
export function renderAnswer(root, request, answer, handlers) {
  const view = clone(root, "answer");
  const display = answer.display;
  // The package's answer sentence; it names a size the visitor did not state (computed or fixed earlier this year).
  answerSlot(view, "summary", answer.summary.message);
  answerSlot(view, "application_date", display.application_date);
  answerSlot(view, "rules_in_force_since", display.rules_in_force_since);
  const eligible = answerSlot(view, "eligible", display.conditions);
  eligible.dataset.value = String(answer.eligible);
  renderServices(root, view, answer, handlers);
  renderAssumptions(root, view, answer, handlers);
  for (const key of ["cap", "cap_remaining_before", "support_total", "cap_remaining_after"]) {
    answerSlot(view, key, display[key]);
  }
  renderSize(view, answer.size);
  renderConditions(root, view, answer);
  renderWarnings(view, answer);
  renderReasons(root, view, answer);
  const status = view.querySelector("[data-copy-status]");
  view.querySelector("[data-copy]").addEventListener("click", () => handlers.copy(status));
  view.querySelector("[data-print]").addEventListener("click", () => handlers.print());
  return view;
}

// Each service with its figures and, when it has one, its timeline; the agenda button when any service has one.
function renderServices(root, view, answer, handlers) {
  const services = slot(view, "services");
  const timeline = new Map(answer.timeline.map((entry) => [entry.service, entry]));
  answer.services.forEach((service, index) => {
    const item = clone(root, service.eligible ? "service" : "service-refused");
    item.dataset.service = String(index);
    item.dataset.eligible = String(service.eligible);
    fill(item, "label", service.display.label);
    for (const key of ["amount", "rate_pct", "support", "own_share", "application_deadline"]) {
      const target = slot(item, key);
      if (!target) continue;
      target.textContent = key === "rate_pct" ? service.display.rate : service.display[key];
      target.dataset.answer = `services.${index}.${key}`;
    }
    const explanation = fill(item, "explanation", service.explanation);
    if (explanation) explanation.dataset.answer = `services.${index}.explanation`;
    const entry = timeline.get(index);
    if (entry) {
      fill(item, "start_date", entry.display.start_date);
      fill(item, "deposit", entry.display.deposit);
      // Training only: the answer gives no end date for advice (null), and the line goes.
      fill(item, "finish_by", entry.display.finish_by);
      if (entry.display.finish_by) slot(item, "finish_by_item").hidden = false;
      else slot(item, "finish_by_item").remove();
    }
    services.append(item);
  });
  if (answer.timeline.length) {
    slot(view, "agenda-block").hidden = false;
    view.querySelector("[data-agenda]").addEventListener("click", () => handlers.agenda());
  }
}

// What the package assumed, each with a button that opens the field that refines it.
function renderAssumptions(root, view, answer, handlers) {
  const assumptions = slot(view, "assumptions");
  for (const assumption of answer.assumptions) {
    const item = clone(root, "assumption");
    fill(item, "message", assumption.message);
    item.dataset.assumption = assumption.field;
    slot(item, "open").addEventListener("click", () => handlers.open(assumption.field));
    assumptions.append(item);
  }
  slot(view, "assumptions-block").hidden = !answer.assumptions.length;
}

// The size category, and the figures it was decided on when the visitor gave them.
function renderSize(view, size) {
  const category = answerSlot(view, "size.category", size.display.category);
  category.dataset.value = size.category;
  const figures = slot(view, "size-figures");
  figures.hidden = size.fte === null;
  for (const key of ["fte", "turnover", "balance_total"]) answerSlot(view, `size.${key}`, size.display[key]);
}

// Each condition with its status (met, not met, or assumed) in the page's own words.
function renderConditions(root, view, answer) {
  const conditions = slot(view, "conditions");
  answer.conditions.forEach((condition, index) => {
    const item = clone(root, "condition");
    item.dataset.condition = condition.id;
    item.dataset.met = String(condition.met);
    item.dataset.assumed = String(condition.assumed);
    const status = slot(item, "status");
    status.textContent = condition.assumed ? status.dataset.assumed : condition.met ? status.dataset.met : status.dataset.notMet;
    fill(item, "label", condition.label);
    fill(item, "explanation", condition.explanation).dataset.answer = `conditions.${index}.explanation`;
    conditions.append(item);
  });
}

function renderWarnings(view, answer) {
  const warnings = slot(view, "warnings");
  answer.warnings.forEach((warning, index) => {
    const item = document.createElement("li");
    item.textContent = warning;
    item.dataset.answer = `warnings.${index}`;
    warnings.append(item);
  });
  slot(view, "warnings-block").hidden = !answer.warnings.length;
}

// "Waarom?": the package's explanations of the size, the cap and each service, with their sources.
function renderReasons(root, view, answer) {
  const why = slot(view, "why");
  const reason = (title, text, key, source = null) => {
    const item = clone(root, "why");
    fill(item, "title", title);
    const body = fill(item, "text", text);
    if (key) body.dataset.answer = key;
    const note = sourceNote(root, source);
    if (note) slot(item, "source").append(note);
    why.append(item);
  };
  reason("", answer.size.explanation, "size.explanation");
  reason("", answer.size.group_explanation, "size.group_explanation");
  reason("", answer.cap_explanation, "cap_explanation", answer.cap_source);
  for (const [index, service] of answer.services.entries()) {
    reason(`${service.display.label}:`, service.explanation, `services.${index}.explanation`, service.source);
    if (service.quote) reason("", `“${service.quote}”`, null);
  }
  for (const hint of answer.hints) reason("", hint.message, null);
}

// The answer as plain text, for "Kopieer samenvatting": the visible text of the answer, without the buttons.
export function answerText(view, address) {
  const copy = view.cloneNode(true);
  for (const node of copy.querySelectorAll("button, .kmo-result-actions, [hidden], .kmo-hint")) node.remove();
  for (const details of copy.querySelectorAll("details")) details.open = true;
  const blocks = [...copy.querySelectorAll("p, li, dt, dd, h3, h4, summary")]
    .filter((node) => !node.querySelector("p, li, dt, dd"))
    .map((node) => node.textContent.replace(/\s+/g, " ").trim())
    .filter(Boolean);
  return [...blocks, address].join("\n").replaceAll("\u00a0", " ");
}
