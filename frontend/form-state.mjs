// The form's state: reading the request from the form, restoring a request into it, repeatable rows, the panels
// that refine an assumption (the address fragment that holds the state: address.mjs).
//
// A field that is empty or closed is left out of the request, so the package answers with an assumption instead of
// an error. A value from a shared address that a field cannot hold (a date that does not exist, an unknown kind) is
// kept as it was and sent as such, so the package names the problem at that field; it is never replaced by a default.

import { isObject } from "./address.mjs";

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

  read() {
    const value = (path) => {
      const input = this.field(path)[0];
      return input && this.isOpen(input) ? input.value.trim() : "";
    };
    const checked = (path) => {
      const input = this.field(path).find((node) => node.checked && this.isOpen(node));
      return input ? input.value : "";
    };
    const rowValues = (kind, keys) =>
      this.rows(kind).map((row) => {
        const entry = {};
        for (const input of row.querySelectorAll("[data-field]")) {
          const key = input.dataset.field.split(".").pop();
          if (keys.includes(key) && this.isOpen(input) && input.value.trim() !== "") entry[key] = input.value.trim();
        }
        return entry;
      });

    const enterprise = {};
    const size = checked("enterprise.size_category");
    if (size) enterprise.size_category = size;
    if (this.computesSize) {
      for (const [key, path] of [["fte", "enterprise.fte"], ["turnover", "enterprise.turnover"], ["balance_total", "enterprise.balance_total"]]) {
        enterprise[key] = value(path);
      }
      const locked = value("enterprise.locked_size");
      if (locked) enterprise.locked_size = locked;
      const linked = rowValues("linked", ["fte", "turnover", "balance_total"]);
      const partners = rowValues("partners", ["share_pct", "fte", "turnover", "balance_total"]);
      if (linked.length) enterprise.linked = linked;
      if (partners.length) enterprise.partners = partners;
    }
    const legalForm = value("enterprise.legal_form");
    if (legalForm) enterprise.legal_form = legalForm;
    const region = checked("enterprise.region");
    if (region) enterprise.region = region;
    const participation = value("enterprise.public_participation_pct");
    if (participation) enterprise.public_participation_pct = participation;
    const activity = checked("enterprise.main_activity_eligible");
    if (activity) enterprise.main_activity_eligible = activity === "ja";
    const related = checked("enterprise.provider_related");
    if (related) enterprise.provider_related = related === "ja";

    const request = {};
    const day = value("application_date");
    if (day) request.application_date = day;
    request.enterprise = enterprise;
    const used = value("support_used_this_year");
    if (used) request.support_used_this_year = used;
    // A service row the visitor left empty (the form's first row, or one just added) is no service yet: without any
    // service the package answers the size and the conditions. Only trailing empty rows are left out, so every
    // other row keeps its number, and a row with only an amount still gets the error for its kind.
    const services = rowValues("services", ["kind", "amount", "start_date"]);
    const heldRow = (index) => [...this.held.keys()].some((path) => path.startsWith(`services[${index}]`));
    while (services.length && !Object.keys(services[services.length - 1]).length && !heldRow(services.length - 1)) {
      services.pop();
    }
    request.services = services;
    for (const [path, raw] of this.held) setPath(request, path, raw);
    return request;
  }

  // A visitor changed this field: their value replaces the one held from the address.
  edited(path) {
    this.held.delete(path);
  }

  // --- restoring ---

  restore(request) {
    this.held.clear();
    const enterprise = isObject(request.enterprise) ? request.enterprise : {};
    const hasFigures = ["fte", "turnover", "balance_total", "linked", "partners", "locked_size"].some((key) => key in enterprise);
    const sizeRadio = this.field("enterprise.size_category");
    for (const radio of sizeRadio) radio.checked = false;
    this.root.querySelector("[data-size-compute]").checked = hasFigures && !("size_category" in enterprise);
    if ("size_category" in enterprise) this.putChoice("enterprise.size_category", enterprise.size_category);
    this.showSizeFigures();

    for (const [key, path] of [
      ["fte", "enterprise.fte"],
      ["turnover", "enterprise.turnover"],
      ["balance_total", "enterprise.balance_total"],
      ["locked_size", "enterprise.locked_size"],
      ["legal_form", "enterprise.legal_form"],
      ["public_participation_pct", "enterprise.public_participation_pct"],
    ]) {
      if (key in enterprise) this.putPath(path, enterprise[key]);
    }
    if ("region" in enterprise) this.putChoice("enterprise.region", enterprise.region);
    if ("main_activity_eligible" in enterprise) {
      const activity = enterprise.main_activity_eligible;
      if (typeof activity === "boolean") this.putChoice("enterprise.main_activity_eligible", activity ? "ja" : "nee");
      else this.hold("enterprise.main_activity_eligible", activity);
    }
    if ("provider_related" in enterprise) {
      const related = enterprise.provider_related;
      if (typeof related === "boolean") this.putChoice("enterprise.provider_related", related ? "ja" : "nee");
      else this.hold("enterprise.provider_related", related);
    }
    if ("application_date" in request) {
      this.putPath("application_date", request.application_date);
      if (request.application_date) this.root.querySelector("[data-more]").open = true;
    }
    if ("support_used_this_year" in request) {
      this.putPath("support_used_this_year", request.support_used_this_year);
      this.root.querySelector("[data-more]").open = true;
    }

    for (const kind of ["linked", "partners", "services"]) this.rowList(kind).replaceChildren();
    this.restoreRows("linked", "enterprise.linked", enterprise.linked);
    this.restoreRows("partners", "enterprise.partners", enterprise.partners);
    this.restoreRows("services", "services", request.services);
    if (!this.rows("services").length) this.addRow("services");
    if (this.rows("services").length > 1) this.root.querySelector("[data-more]").open = true;
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
      for (const [key, raw] of Object.entries(item)) this.putPath(`${path}[${index}].${key}`, raw);
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
