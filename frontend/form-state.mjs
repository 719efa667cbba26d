// The form's state: reading the request from the form, restoring a request into it, repeatable rows, the panels
// that refine an assumption (the address fragment that holds the state: address.mjs).
//
// A field that is empty or closed is left out of the request, so the package answers with an assumption instead of
// an error. A value from a shared address that a field cannot hold (a date that does not exist, an unknown kind) is
// kept as it was and sent as such, so the package names the problem at that field; it is never replaced by a default.

import { isObject } from "./address.mjs";
import { chooseDescribed, rowValue } from "./service-choice.mjs";

// --- the form --------------------------------------------------------------------------------------------------

export class FormState {
  constructor(root) {
    this.root = root;
    this.form = root.querySelector("[data-form]");
    this.maxRows = Number(root.dataset.maxRows);
    this.held = new Map(); // field path -> the raw value from a shared address that the field cannot hold
  }

  field(path) {
    return [...this.root.querySelectorAll("[data-field]")].filter((input) => input.dataset.field === path);
  }

  // --- panels: the size figures, and the fields that refine an assumption ---

  get computesSize() {
    return this.root.querySelector("[data-size-compute]").checked;
  }

  showSizeFigures() {
    this.root.querySelector('[data-panel="size-figures"]').hidden = !this.computesSize;
  }

  // Open the field that refines ``path`` (an assumption's field, or a field with an error) and return the element
  // to focus: the disclosure that holds it opens, a service's start date appears.
  open(path) {
    const input = this.field(path)[0];
    if (!input) return null;
    const wrapper = input.closest("[data-refine-for]");
    if (wrapper) wrapper.hidden = false;
    const details = input.closest("details");
    if (details) details.open = true;
    return input;
  }

  // "Meer opties" shows every service's start date.
  showStartDates() {
    for (const wrapper of this.root.querySelectorAll("[data-refine-for]")) wrapper.hidden = false;
  }

  isOpen(input) {
    const wrapper = input.closest("[data-refine-for]");
    return !wrapper || !wrapper.hidden;
  }

  // --- rows ---

  rowList(kind) {
    return this.root.querySelector(`[data-rows="${kind}"] [data-row-list]`);
  }

  rows(kind) {
    return [...this.rowList(kind).children];
  }

  addRow(kind, values = null) {
    const template = this.root.querySelector(`template[data-row-template="${kind}"]`);
    const row = template.content.firstElementChild.cloneNode(true);
    this.rowList(kind).append(row);
    this.renumber(kind);
    if (values) {
      for (const input of row.querySelectorAll("[data-field]")) {
        const key = input.dataset.field.split(".").pop();
        if (key in values) this.put(input, values[key]);
      }
    }
    return row;
  }

  removeRow(row) {
    const kind = row.dataset.kind;
    const index = this.rows(kind).indexOf(row);
    row.remove();
    this.renumber(kind);
    this.held.clear(); // row paths moved: a held value would land on the wrong row
    const remaining = this.rows(kind);
    return remaining[Math.min(index, remaining.length - 1)] || null;
  }

  renumber(kind) {
    const rows = this.rows(kind);
    rows.forEach((row, index) => {
      for (const number of row.querySelectorAll("[data-row-number]")) number.textContent = String(index + 1);
      for (const node of row.querySelectorAll("*")) {
        for (const attribute of ["id", "for", "aria-describedby", "data-field", "data-group-for", "data-refine-for", "name"]) {
          const pattern = node.dataset[`pattern${attribute.replace(/[^a-z]/g, "")}`];
          if (pattern) node.setAttribute(attribute, pattern.replace(/-N-/g, `-${index + 1}-`).replace(/\[N\]/g, `[${index}]`));
        }
      }
      if (kind === "services") row.querySelector("[data-remove-row]").hidden = rows.length < 2;
    });
  }

  // --- reading ---
  //
  // Every field is found through its data-field path, and its value through its element: a radio group gives its
  // checked choice (a group of "ja" and "nee" a boolean), a checkbox a boolean, a select or a text or date input its
  // trimmed text. An empty field is left out, and so is a field that is closed (a refining field not yet opened) or
  // in the hidden panel of the size figures; a text field of that panel, once open, is sent even when empty (the
  // visitor chose to compute the size: the package names the figure that is missing). Repeatable rows are read row
  // by row (their list is left out when it has no rows); the services' trailing empty rows are no service yet.

  read() {
    const request = {};
    const seen = new Set();
    for (const input of this.root.querySelectorAll("[data-field]")) {
      const rows = input.closest("[data-rows]");
      const key = rows ? `rows ${rows.dataset.rows}` : input.dataset.field;
      if (seen.has(key) || input.closest("[data-panel][hidden]")) continue;
      seen.add(key);
      if (rows) this.readRows(request, rows.dataset.rows);
      else this.readField(request, input.dataset.field);
    }
    for (const [path, raw] of this.held) setPath(request, path, raw);
    return request;
  }

  readField(request, path) {
    ensureParent(request, path);
    const inputs = this.field(path);
    const value = valueOf(inputs.filter((input) => this.isOpen(input)));
    const required = inputs[0].type === "text" && inputs[0].closest("[data-panel]");
    if (value !== "" || required) setPath(request, path, value);
  }

  readRows(request, kind) {
    const entries = this.rows(kind).map((row) => {
      const entry = {};
      for (const input of row.querySelectorAll("[data-field]")) {
        const value = this.isOpen(input) ? valueOf([input]) : "";
        if (value !== "") Object.assign(entry, rowValue(input.dataset.field.split(".").pop(), value));
      }
      return entry;
    });
    const path = this.rowPath(kind);
    if (kind === "services") {
      // A service row the visitor left empty (the form's first row, or one just added) is no service yet: without
      // any service the package answers the size and the conditions. Only trailing empty rows are left out, so every
      // other row keeps its number, and a row with only an amount still gets the error for its kind.
      const heldRow = (index) => [...this.held.keys()].some((held) => held.startsWith(`${path}[${index}]`));
      while (entries.length && !Object.keys(entries[entries.length - 1]).length && !heldRow(entries.length - 1)) {
        entries.pop();
      }
    } else if (!entries.length) {
      return;
    }
    setPath(request, path, entries);
  }

  // The request path of a kind of row ("enterprise.linked"), from its template's fields ("enterprise.linked[N].fte").
  rowPath(kind) {
    const template = this.root.querySelector(`template[data-row-template="${kind}"]`);
    return template.content.querySelector("[data-field]").dataset.field.split("[N]")[0];
  }

  // A visitor changed this field: their value replaces the one held from the address.
  edited(path) {
    this.held.delete(path);
  }

  // --- restoring ---
  //
  // The size figures' panel opens when the request holds one of its fields and no size; every field then takes the
  // value at its path (a boolean into a group of "ja" and "nee"), and every kind of row its list. A value a field
  // cannot hold is held and sent as it was. A value for a field under "Meer opties" opens that disclosure.

  restore(request) {
    this.held.clear();
    const panel = this.root.querySelector('[data-panel="size-figures"]');
    const inPanel = [...panel.querySelectorAll("[data-field]")].map((input) => input.dataset.field);
    const rowPaths = [...panel.querySelectorAll("[data-rows]")].map((rows) => this.rowPath(rows.dataset.rows));
    const hasFigures = [...inPanel, ...rowPaths].some((path) => getPath(request, path) !== undefined);
    const sizeGiven = getPath(request, "enterprise.size_category") !== undefined;
    for (const radio of this.field("enterprise.size_category")) radio.checked = false;
    this.root.querySelector("[data-size-compute]").checked = hasFigures && !sizeGiven;
    const seen = new Set();
    for (const input of this.root.querySelectorAll("[data-field]")) {
      const path = input.dataset.field;
      const raw = getPath(request, path);
      if (seen.has(path) || input.closest("[data-rows]") || raw === undefined) continue;
      seen.add(path);
      this.restoreField(input, path, raw);
      const more = input.closest("[data-more]");
      if (more && raw !== null && raw !== "") more.open = true;
    }
    this.showSizeFigures();

    const kinds = [...this.root.querySelectorAll("[data-rows]")].map((rows) => rows.dataset.rows);
    for (const kind of kinds) this.rowList(kind).replaceChildren();
    for (const kind of kinds) this.restoreRows(kind, this.rowPath(kind), getPath(request, this.rowPath(kind)));
    if (!this.rows("services").length) this.addRow("services");
    if (this.rows("services").length > 1) this.root.querySelector("[data-more]").open = true;
  }

  restoreField(input, path, raw) {
    if (input.type === "checkbox") {
      if (typeof raw === "boolean") input.checked = raw;
      else this.hold(path, raw);
    } else if (input.type !== "radio") {
      this.putPath(path, raw);
    } else if (!isYesNo(this.field(path))) {
      this.putChoice(path, raw);
    } else if (typeof raw === "boolean") {
      this.putChoice(path, raw ? YES : NO);
    } else {
      this.hold(path, raw);
    }
  }

  restoreRows(kind, path, items) {
    if (items === undefined) return;
    if (!Array.isArray(items) || items.length > this.maxRows) {
      this.hold(path, items); // the package says what is wrong (not a list, too many rows) at this field
      return;
    }
    items.forEach((item, index) => {
      const row = this.addRow(kind);
      if (!isObject(item)) {
        this.hold(`${path}[${index}]`, item);
        return;
      }
      const rest = chooseDescribed(this.field(`${path}[${index}].kind`)[0], item);
      for (const [key, raw] of Object.entries(rest)) this.putPath(`${path}[${index}].${key}`, raw);
    });
  }

  putPath(path, raw) {
    const input = this.field(path)[0];
    if (!input) {
      this.hold(path, raw);
      return;
    }
    this.put(input, raw);
  }

  // Write a value into a field; if the field cannot hold it exactly, keep the raw value for the request.
  put(input, raw) {
    const path = input.dataset.field;
    const wrapper = input.closest("[data-refine-for]");
    if (wrapper && raw !== null && raw !== undefined && raw !== "") this.open(path);
    if (typeof raw === "number" && Number.isFinite(raw)) {
      // A JSON number: written the Belgian way, so 12.5 is not read as twelve thousand five hundred.
      input.value = String(raw).replace(".", ",");
      return;
    }
    if (typeof raw !== "string") {
      input.value = "";
      if (raw !== null && raw !== undefined) this.hold(path, raw);
      return;
    }
    input.value = raw;
    if (input.value !== raw) this.hold(path, raw); // a select without that option, a date that does not exist
  }

  putChoice(path, raw) {
    const radios = this.field(path);
    const match = radios.find((radio) => radio.value === raw && raw !== "");
    for (const radio of radios) radio.checked = radio === match;
    if (match) {
      this.open(path);
    } else if (raw !== null && raw !== undefined && raw !== "") {
      this.open(path);
      this.hold(path, raw);
    }
  }

  hold(path, raw) {
    this.held.set(path, raw);
  }
}


// A group of radios that answers yes or no: its value is a boolean in the request.
const YES = "ja";
const NO = "nee";
function isYesNo(radios) {
  const values = radios.map((radio) => radio.value);
  return values.includes(YES) && values.includes(NO);
}

// The value of a field's open elements (a radio group's, or one input's), "" when it has none.
function valueOf(inputs) {
  if (!inputs.length) return "";
  if (inputs[0].type === "checkbox") return inputs[0].checked;
  if (inputs[0].type !== "radio") return inputs[0].value.trim();
  const checked = inputs.find((input) => input.checked);
  if (!checked || checked.value === "") return "";
  return isYesNo(inputs) ? checked.value === YES : checked.value;
}

// request.a.b[2].c, or undefined when a step on the way is missing or is not an object or array.
function getPath(target, path) {
  let node = target;
  for (const part of path.replace(/\[(\d+)\]/g, ".$1").split(".")) {
    if (!isObject(node) && !Array.isArray(node)) return undefined;
    node = node[part];
  }
  return node;
}

// The objects that hold request.a.b, created when missing (a.b's value may be left out; its object is sent).
function ensureParent(target, path) {
  const parent = path.split(".").slice(0, -1).join(".");
  if (parent && getPath(target, parent) === undefined) setPath(target, parent, {});
}

// Set request.a.b[2].c = value, creating objects and arrays on the way (for values held from an address).
function setPath(target, path, value) {
  const parts = path.replace(/\[(\d+)\]/g, ".$1").split(".");
  let node = target;
  parts.slice(0, -1).forEach((part, index) => {
    const nextIsIndex = /^\d+$/.test(parts[index + 1]);
    if (!isObject(node[part]) && !Array.isArray(node[part])) node[part] = nextIsIndex ? [] : {};
    node = node[part];
  });
  node[parts[parts.length - 1]] = value;
}
