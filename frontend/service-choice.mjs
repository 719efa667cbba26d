// A service in the calculator's list of services is a named kind ("pentest") or a described service: the compact
// JSON of its request fields (kind, subject, theme and the provider's own name as label), written by the build and
// sent as they are. This module reads a row's value into request fields and puts a shared request's service back.
import { isObject } from "./address.mjs";

const DESCRIBED_KEYS = ["kind", "subject", "theme", "label"];

// The request fields of a row's field: a described service's JSON becomes its fields, anything else stays one field.
export function rowValue(key, value) {
  if (key !== "kind" || !value.startsWith("{")) return { [key]: value };
  return JSON.parse(value);
}

// The list's value for a described service of a request, or null for a named kind (in the build's key order).
function describedChoice(item) {
  if (!isObject(item) || !("subject" in item || "theme" in item || "label" in item)) return null;
  const fields = {};
  for (const key of DESCRIBED_KEYS) if (key in item) fields[key] = item[key];
  return JSON.stringify(fields);
}

// Choose a shared request's described service in the row's list (``select``) when the list has it, and return the
// fields left to put back; else return them all (a named kind, or a service the list does not offer, is put back
// field by field, so the package names what is wrong).
export function chooseDescribed(select, item) {
  const described = describedChoice(item);
  if (!select || !described || ![...select.options].some((option) => option.value === described)) return item;
  select.value = described;
  return Object.fromEntries(Object.entries(item).filter(([key]) => !DESCRIBED_KEYS.includes(key)));
}
