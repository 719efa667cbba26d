// Starting the calculator's Python: shared by the page's worker (calculator-worker.mjs), the standard-library
// trimmer and the unit-test runner (build_scripts/*.mjs), so all three start it the same way.
//
// The kmo-calculator wheel (pure Python, registered in the runtime's lock file with its sha256) is written to the
// file system and put on sys.path as a zip, instead of being unpacked by Pyodide's loadPackage: loadPackage leaves
// JavaScript objects in the interpreter that a memory snapshot cannot hold, and the calculator is read from a zip
// just as well. A runtime restored from a memory snapshot has the calculator imported and its rules loaded already;
// only the wheel file is written again, since files are not part of a snapshot.

export const WHEEL_DIR = "/home/pyodide/wheels";

// The Python the worker calls: two functions that take and give JSON text. Defining them also imports the package,
// loads the rules data and answers an empty request, so all of that is in a snapshot made afterwards.
export const CALCULATOR_FUNCTIONS = `
import json
from calculator import evaluate
from calculator.agenda import agenda
from calculator.parameters import load

def evaluate_json(text):
    return json.dumps(evaluate(json.loads(text)), ensure_ascii=False)

def agenda_json(text):
    return json.dumps(agenda(json.loads(text)), ensure_ascii=False)

load()
evaluate({})
(evaluate_json, agenda_json)
`;

// The same two functions in a runtime restored from a memory snapshot made after CALCULATOR_FUNCTIONS ran: they are
// part of the snapshot already, with the package imported and its rules loaded, so nothing is run again. The zips'
// tables of contents that zipimport keeps are read again first: the standard library and the wheel are the same
// archives whichever way the host sent them, but their entries sit at other offsets in the deflated files than in
// the stored ones the .br/.gz copies hold (build_scripts/build_site.py ship_deflated_zips), and the snapshot may come
// from a visit that got the other kind.
// (importlib.invalidate_caches would also import importlib.metadata, which the trimmed standard library leaves out.)
export const RESTORED_FUNCTIONS = `
import sys, zipimport
for finder in list(sys.path_importer_cache.values()):
    if isinstance(finder, zipimport.zipimporter):
        finder.invalidate_caches()
(evaluate_json, agenda_json)
`;

// The Cache Storage cache that holds the memory snapshot of the runtime in the folder of this URL (a file in the
// versioned runtime folder): the prefix and the folder's name. The worker stores it; the page's head start looks for
// it. The build writes the prefix in (build_scripts/runtime_manifest.py, the one place that names the caches).
export const SNAPSHOT_CACHE_PREFIX = "__SNAPSHOT_CACHE_PREFIX__";
export function snapshotCacheName(url) {
  return SNAPSHOT_CACHE_PREFIX + runtimeFolderName(url);
}

// The name of the versioned runtime folder that holds the file at this URL: the Pyodide version and a hash of every
// runtime file, the rules included.
export function runtimeFolderName(url) {
  return new URL("./", url).pathname.split("/").filter(Boolean).pop();
}

// A memory snapshot is stored packed: the interpreter's memory is about 31 MB, of which most 4 KiB blocks are zero
// (free heap), and reading it back is on a return visit's critical path. Packed, it holds only the blocks that are not
// all zero, so the browser reads about 12 MB instead.
//
// Layout, 32-bit little-endian words: magic, the snapshot's full length in bytes, the block size, the number of runs;
// then for each run (consecutive blocks that are not all zero) its first block and its number of blocks; then the
// bytes of every run, in order. The last block may be shorter than the block size.
const PACKED_MAGIC = 0x4b4d5331; // "1SMK"
const PACKED_BLOCK = 4096;
const PACKED_HEADER_WORDS = 4;

function isZero(bytes, start, end) {
  // Eight bytes at a time where the view allows it (the snapshot's buffer is aligned), then byte by byte.
  let at = start;
  if ((bytes.byteOffset + at) % 8 === 0) {
    const words = new BigUint64Array(bytes.buffer, bytes.byteOffset + at, Math.floor((end - at) / 8));
    for (let i = 0; i < words.length; i += 1) if (words[i] !== 0n) return false;
    at += words.length * 8;
  }
  for (; at < end; at += 1) if (bytes[at] !== 0) return false;
  return true;
}

export function packSnapshot(snapshot) {
  const blocks = Math.ceil(snapshot.length / PACKED_BLOCK);
  const runs = [];
  let dataLength = 0;
  for (let block = 0; block < blocks; block += 1) {
    const start = block * PACKED_BLOCK;
    const end = Math.min(snapshot.length, start + PACKED_BLOCK);
    if (isZero(snapshot, start, end)) continue;
    const last = runs[runs.length - 1];
    if (last && last[0] + last[1] === block) last[1] += 1;
    else runs.push([block, 1]);
    dataLength += end - start;
  }
  const headerLength = 4 * (PACKED_HEADER_WORDS + 2 * runs.length);
  const packed = new Uint8Array(headerLength + dataLength);
  const header = new DataView(packed.buffer);
  [PACKED_MAGIC, snapshot.length, PACKED_BLOCK, runs.length].forEach((word, i) => header.setUint32(4 * i, word, true));
  let at = headerLength;
  runs.forEach(([first, count], i) => {
    header.setUint32(4 * (PACKED_HEADER_WORDS + 2 * i), first, true);
    header.setUint32(4 * (PACKED_HEADER_WORDS + 2 * i + 1), count, true);
    const run = snapshot.subarray(first * PACKED_BLOCK, Math.min(snapshot.length, (first + count) * PACKED_BLOCK));
    packed.set(run, at);
    at += run.length;
  });
  return packed;
}

// The memory snapshot a packed one holds. Everything is checked before the snapshot is built: a damaged one throws,
// and is never half restored.
export function unpackSnapshot(packed) {
  const fail = (why) => {
    throw new Error(`the stored memory snapshot is damaged: ${why}`);
  };
  const header = new DataView(packed.buffer, packed.byteOffset, packed.byteLength);
  if (packed.length < 4 * PACKED_HEADER_WORDS || header.getUint32(0, true) !== PACKED_MAGIC) fail("no packed snapshot");
  const length = header.getUint32(4, true);
  const block = header.getUint32(8, true);
  const count = header.getUint32(12, true);
  const headerLength = 4 * (PACKED_HEADER_WORDS + 2 * count);
  if (block === 0 || headerLength > packed.length) fail("its header is cut short");
  if (length > 2 ** 31) fail("its length is beyond the interpreter's memory"); // Pyodide's memory stops at 2 GiB
  const copies = [];
  let at = headerLength;
  let previousEnd = 0;
  for (let i = 0; i < count; i += 1) {
    const start = header.getUint32(4 * (PACKED_HEADER_WORDS + 2 * i), true) * block;
    const end = Math.min(length, start + header.getUint32(4 * (PACKED_HEADER_WORDS + 2 * i + 1), true) * block);
    if (start < previousEnd || end <= start || at + (end - start) > packed.length) fail(`run ${i} is out of place`);
    copies.push([at, start, end]);
    at += end - start;
    previousEnd = end;
  }
  if (at !== packed.length) fail("it holds more bytes than its runs");
  const memory = new Uint8Array(length); // zero-filled: the blocks left out
  for (const [from, start, end] of copies) memory.set(packed.subarray(from, from + (end - start)), start);
  return memory;
}

// The lock file's entry for the calculator wheel: its file name and sha256.
export function wheelEntry(lock) {
  const entry = lock && lock.packages && lock.packages["kmo-calculator"];
  if (!entry || !entry.file_name || !entry.sha256) throw new Error("the lock file has no kmo-calculator wheel");
  return entry;
}

// The wheel's bytes, refused unless their sha256 is the lock file's. The wheel file holds its entries deflated
// (sha256); a host that serves the folder's .br/.gz copies sends the same wheel with its entries stored, which
// compresses better across files (stored_sha256, build_scripts/build_site.py ship_deflated_zips).
export async function checkedWheel(entry, bytes) {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  const hex = Array.from(digest, (byte) => byte.toString(16).padStart(2, "0")).join("");
  if (hex !== entry.sha256 && hex !== entry.stored_sha256) {
    throw new Error(`${entry.file_name}: sha256 ${hex} is not the lock file's ${entry.sha256}`);
  }
  return bytes;
}

// Write the wheel and put it on sys.path (first), once.
export function installWheel(pyodide, entry, bytes) {
  pyodide.FS.mkdirTree(WHEEL_DIR);
  const path = `${WHEEL_DIR}/${entry.file_name}`;
  pyodide.FS.writeFile(path, bytes);
  pyodide.runPython(`import sys\nif ${JSON.stringify(path)} not in sys.path: sys.path.insert(0, ${JSON.stringify(path)})`);
  return path;
}
