// Cut Pyodide's standard library down to what the calculator actually imports, and precompile it.
//
//   node build_scripts/trim_stdlib.mjs --lock RUNTIME/pyodide-lock.json --out RUNTIME/python_stdlib.zip [--pyc]
//        [--report F] [--wheel-out W]
//
// In Node, with the same npm runtime and the full python_stdlib.zip, this boots Pyodide, installs the kmo-calculator
// wheel from the runtime's own lock file the way the worker does (frontend/calculator-runtime.mjs: the wheel as a zip
// on sys.path), defines the worker's functions and answers a corpus of requests that walks every
// rule and every validation message (the corpus is Python's, below, built on the interface's example request,
// examples/request.json). Every standard-library module then in
// sys.modules, plus Pyodide's own packages and the basic codecs, goes into the new zip; with --pyc compiled to bytecode
// by this very Python 3.14 (unchecked hash-based .pyc, so no source is needed), as `python -OO` compiles (no
// docstrings, no asserts). The browser tests run on the result.
import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { loadPyodide } from "pyodide";
import { CALCULATOR_FUNCTIONS, checkedWheel, installWheel, wheelEntry } from "../frontend/calculator-runtime.mjs";

const argv = process.argv.slice(2);
const option = (name) => {
  const index = argv.indexOf(name);
  return index >= 0 ? resolve(argv[index + 1]) : null;
};
const lock = option("--lock");
const out = option("--out");
const report = option("--report");
const wheelOut = option("--wheel-out");
const precompile = argv.includes("--pyc");
if (!lock || !out) {
  console.error("usage: node trim_stdlib.mjs --lock RUNTIME/pyodide-lock.json --out python_stdlib.zip [--report F]");
  process.exit(2);
}

const lockFile = JSON.parse(readFileSync(lock, "utf-8"));
const entry = wheelEntry(lockFile);
const pyodide = await loadPyodide({ lockFileContents: lockFile, stdout: () => {} });
const wheelPath = installWheel(
  pyodide,
  entry,
  await checkedWheel(entry, new Uint8Array(readFileSync(resolve(lock, "..", entry.file_name)))),
);
pyodide.runPython(CALCULATOR_FUNCTIONS);
pyodide.globals.set("PRECOMPILE", precompile);
pyodide.globals.set("EXAMPLE", readFileSync(new URL("../examples/request.json", import.meta.url), "utf-8"));
const result = pyodide.runPython(`
import importlib.util, io, json, sys, zipfile
from importlib._bootstrap_external import _code_to_hash_pyc

def unchecked_pyc(source, filename, optimize):
    """An unchecked hash-based .pyc of a module's source: zipimport reads it without reading the source."""
    code = compile(source, filename, "exec", dont_inherit=True, optimize=optimize)
    return bytes(_code_to_hash_pyc(code, importlib.util.source_hash(source), checked=False))

# --- exercise the calculator the way the worker does ---------------------------------------------------------
from calculator import evaluate
from calculator.parameters import load

rules = load()
example = json.loads(EXAMPLE)  # the interface's example request (examples/request.json)
# The same request with its figures written as people type them, a locked size and every kind of service.
base = json.loads(EXAMPLE)
base["enterprise"].update(
    public_participation_pct="0", fte="12,5", balance_total="900.000",
    linked=[{"fte": "3", "turnover": "200.000", "balance_total": "100.000"}],
    partners=[{"share_pct": "25", "fte": "10", "turnover": "2.000.000", "balance_total": "1.000.000"}],
    locked_size="middelgroot")
base["support_used_this_year"] = "7.000"
base["services"] = [{"kind": kind, "amount": amount, "start_date": start}
                    for kind in rules.classificatie.dienstsoorten
                    for amount, start in (("99,99", "2026-11-20"), ("€ 8.000,50", "2026-11-01"), ("250", "2027-12-31"))]
corpus = [example, base, {}, [], None, "tekst", {"enterprise": {"fte": "1.2.3", "turnover": "", "balance_total": -1}},
          {"application_date": "2016-03-31"}, {"application_date": "2026-02-30"}]
for legal_form in rules.classificatie.rechtsvormen:
    for region in rules.classificatie.gewesten:
        request = json.loads(json.dumps(base))
        request["enterprise"].update(legal_form=legal_form, region=region, locked_size=None, fte="300",
                                     public_participation_pct="25", main_activity_eligible=False)
        corpus.append(request)
for day in ("2016-04-01", "2019-12-01", "2020-01-01", "2021-09-14", "2026-02-01"):
    request = json.loads(json.dumps(base))
    request["application_date"] = day
    corpus.append(request)
for request in corpus:
    answer = json.loads(json.dumps(evaluate(json.loads(json.dumps(request))), ensure_ascii=False))
    assert "Er ging iets mis" not in json.dumps(answer, ensure_ascii=False), answer

# --- collect what was imported from the standard library zip -------------------------------------------------
zip_path = next(p for p in sys.path if p.endswith(".zip"))
prefix = zip_path + "/"
source = zipfile.ZipFile(zip_path)
names = set(source.namelist())
used = set()
for module in list(sys.modules.values()):
    origin = getattr(getattr(module, "__spec__", None), "origin", None) or getattr(module, "__file__", None)
    if isinstance(origin, str) and origin.startswith(prefix):
        used.add(origin[len(prefix):])
ALWAYS = ("pyodide/", "_pyodide/", "encodings/__init__.py", "encodings/aliases.py", "encodings/utf_8.py",
          "encodings/latin_1.py", "encodings/ascii.py", "encodings/utf_16.py", "encodings/utf_32.py",
          "encodings/utf_8_sig.py", "encodings/cp437.py", "_sysconfigdata__emscripten_wasm32-emscripten.py")
used |= {name for name in names if name.startswith(ALWAYS) and not name.endswith("/")}
# Every package that holds a kept module keeps its __init__.
for name in list(used):
    parts = name.split("/")[:-1]
    for depth in range(1, len(parts) + 1):
        init = "/".join(parts[:depth]) + "/__init__.py"
        if init in names:
            used.add(init)

buffer = io.BytesIO()
kept_bytes = 0
# Entries are stored, not deflated: the host's brotli or gzip then compresses across all files of the zip, which
# beats compressing each file on its own (build_scripts/hosting.py).
with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as target:
    for name in sorted(used):
        data = source.read(name)
        kept_bytes += len(data)
        if PRECOMPILE and name.endswith(".py"):
            # Compiled as \`python -OO\` does, without docstrings and asserts, which CPython's standard library
            # supports: the zip is 15 % smaller after brotli (983,890 -> 838,946 bytes). The calculator's own
            # modules are not in this zip and keep theirs.
            data = unchecked_pyc(data, prefix + name, optimize=2)
            name = name + "c"
        info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_STORED
        target.writestr(info, data)
with open("/tmp/python_stdlib.zip", "wb") as written:
    written.write(buffer.getvalue())
json.dumps({"modules": sorted(used), "source_files": len(names),
            "source_bytes": sum(i.file_size for i in source.infolist()), "kept_source_bytes": kept_bytes})
`);
const parsed = JSON.parse(result);
const bytes = pyodide.FS.readFile("/tmp/python_stdlib.zip");
writeFileSync(out, bytes);
if (wheelOut) {
  // The calculator's wheel with its bytecode beside its sources: each module also as an unchecked hash-based .pyc
  // compiled by this Python (normal optimisation: the package's asserts stay), which zipimport reads instead of
  // compiling the source at every first start. Entries are stored so that brotli compresses across them, as in the
  // standard library zip; RECORD lists every file with its hash.
  pyodide.globals.set("WHEEL", wheelPath);
  pyodide.runPython(`
# zipfile and unchecked_pyc come from the run above: both run in the interpreter's same globals.
import base64, hashlib

def record_line(name, data):
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"{name},sha256={digest},{len(data)}"

files = {}
with zipfile.ZipFile(WHEEL) as source:
    for name in source.namelist():
        data = source.read(name)
        if name.endswith(".dist-info/RECORD"):
            record = name
            continue
        files[name] = data
        if name.endswith(".py"):
            # The file name the module has in the browser too (the worker writes the wheel to the same path), so
            # tracebacks and inspect find its source.
            files[name + "c"] = unchecked_pyc(data, f"{WHEEL}/{name}", optimize=0)
lines = [record_line(name, data) for name, data in files.items()] + [f"{record},,"]
files[record] = ("\\n".join(lines) + "\\n").encode()
with zipfile.ZipFile("/tmp/compiled.whl", "w", zipfile.ZIP_STORED) as target:
    for name, data in files.items():
        info = zipfile.ZipInfo(name, date_time=(2020, 2, 2, 0, 0, 0))
        info.external_attr = 0o644 << 16
        target.writestr(info, data)
`);
  writeFileSync(wheelOut, pyodide.FS.readFile("/tmp/compiled.whl"));
}
const summary = {
  files: parsed.modules.length,
  of: parsed.source_files,
  bytes: bytes.length,
  kept_source_bytes: parsed.kept_source_bytes,
  source_bytes: parsed.source_bytes,
  modules: parsed.modules,
};
if (report) writeFileSync(report, JSON.stringify(summary, null, 1) + "\n");
console.log(JSON.stringify({ files: summary.files, of: summary.of, bytes: summary.bytes }));
