// Field errors and the error summary ("Er is een probleem"): each message at its field (aria-invalid, described by
// the message) and, once the visitor asked for the answer, as a link in the summary that takes focus.

export function showFieldErrors(page, errors) {
  clearFieldErrors(page);
  const visible = errors.filter((error) => page.submitted || page.touched.has(error.field) || page.state.held.has(error.field));
  for (const error of visible) {
    const inputs = page.state.field(error.field);
    markField(page, error, inputs);
    if (page.submitted) page.summaryList.append(summaryItem(page, error, inputs));
  }
  setHidden(page.summary, !(page.submitted && visible.length));
  if (page.focusSummary && !page.summary.hidden) page.summary.focus();
  page.focusSummary = false;
}

// Every message, mark and summary link of the previous answer removed; the fields keep their own descriptions.
function clearFieldErrors(page) {
  for (const node of page.root.querySelectorAll(".kmo-error")) {
    setHidden(node, true);
    setText(node, "");
  }
  for (const node of page.root.querySelectorAll("[aria-invalid]")) {
    node.removeAttribute("aria-invalid");
    const described = (node.getAttribute("aria-describedby") || "").split(" ").filter((id) => !id.endsWith("-error"));
    if (described.length) node.setAttribute("aria-describedby", described.join(" "));
    else node.removeAttribute("aria-describedby");
  }
  for (const node of page.root.querySelectorAll(".kmo-field--error")) node.classList.remove("kmo-field--error");
  if (page.summaryList.firstChild) page.summaryList.replaceChildren();
}

// The message at its field: the field's group opened and marked, its inputs invalid and described by the message.
function markField(page, error, inputs) {
  const group = [...page.root.querySelectorAll("[data-group-for]")].find((node) => node.dataset.groupFor === error.field);
  if (!group) return;
  page.state.open(error.field);
  group.classList.add("kmo-field--error");
  const slot = group.querySelector(".kmo-error");
  if (!slot) return;
  slot.hidden = false;
  slot.textContent = error.message;
  for (const input of inputs) {
    input.setAttribute("aria-invalid", "true");
    const described = (input.getAttribute("aria-describedby") || "").split(" ").filter(Boolean);
    input.setAttribute("aria-describedby", [...described, slot.id].join(" "));
  }
}

// The message as a link in the summary, which moves focus to the field (or to the form when it has no input).
function summaryItem(page, error, inputs) {
  const target = inputs[0] || null;
  const link = document.createElement("a");
  link.href = target ? `#${target.id}` : "#kmo-results-title";
  link.textContent = error.message;
  link.addEventListener("click", (event) => {
    event.preventDefault();
    const focus = target || page.form.querySelector("input, select");
    focus.focus();
    focus.scrollIntoView({ block: "center" });
  });
  const item = document.createElement("li");
  item.append(link);
  return item;
}

// Change an element only when the change is real: writing the same value again still queues work for the browser.
export function setHidden(node, hidden) {
  if (node.hidden !== hidden) node.hidden = hidden;
}

export function setText(node, text) {
  if (node.textContent !== text) node.textContent = text;
}

