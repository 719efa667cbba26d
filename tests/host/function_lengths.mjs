// The length of every function in JavaScript files, for tests/host/test_size_bounds.py, measured on acorn's syntax
// tree (so a brace in a string, a template literal, a regular expression or a comment counts for nothing).
// Usage: node tests/host/function_lengths.mjs FILE...  →  JSON on standard output:
//   {"FILE": [{"name": "...", "line": N, "length": N}, ...], ...}
// A module (.mjs) is parsed as a module; any other file first as a module, then as a classic script (a page script,
// or a function Playwright evaluates).

import { readFileSync } from "node:fs";
import { parse } from "acorn";

const FUNCTIONS = new Set(["FunctionDeclaration", "FunctionExpression", "ArrowFunctionExpression"]);

function syntaxTree(path, text) {
  const options = { ecmaVersion: "latest", locations: true, allowHashBang: true };
  if (path.endsWith(".mjs")) return parse(text, { ...options, sourceType: "module" });
  try {
    return parse(text, { ...options, sourceType: "module" });
  } catch {
    return parse(text, { ...options, sourceType: "script" });
  }
}

function keyName(key) {
  if (!key) return null;
  if (key.type === "Identifier" || key.type === "PrivateIdentifier") return key.name;
  if (key.type === "Literal") return String(key.value);
  return "[computed]";
}

// Every function with the name a reader would look for: its own, or that of the method, property or variable it is
// the value of. A method is measured from its name, where a reader sees it start.
function collect(node, found, context = null) {
  if (!node || typeof node.type !== "string") return;
  let start = null;
  if (FUNCTIONS.has(node.type)) {
    const name = (node.id && node.id.name) || (context && context.name) || "(anonymous)";
    start = context && context.start !== undefined ? context.start : node.loc.start.line;
    found.push({ name, line: start, length: node.loc.end.line - start + 1 });
  }
  for (const [field, value] of Object.entries(node)) {
    if (field === "loc") continue;
    const children = Array.isArray(value) ? value : [value];
    for (const child of children) {
      if (!child || typeof child !== "object" || typeof child.type !== "string") continue;
      collect(child, found, contextFor(node, field, child));
    }
  }
}

function contextFor(parent, field, child) {
  if (!FUNCTIONS.has(child.type)) return null;
  if ((parent.type === "MethodDefinition" || parent.type === "Property" || parent.type === "PropertyDefinition") &&
    field === "value") {
    return { name: keyName(parent.key), start: parent.loc.start.line };
  }
  if (parent.type === "VariableDeclarator" && field === "init" && parent.id.type === "Identifier") {
    return { name: parent.id.name };
  }
  if (parent.type === "AssignmentExpression" && field === "right") {
    const target = parent.left;
    if (target.type === "Identifier") return { name: target.name };
    if (target.type === "MemberExpression" && !target.computed) return { name: keyName(target.property) };
  }
  return null;
}

const lengths = {};
for (const path of process.argv.slice(2)) {
  const text = readFileSync(path, "utf8");
  const functions = [];
  collect(syntaxTree(path, text), functions);
  lengths[path] = functions;
}
process.stdout.write(JSON.stringify(lengths));
