// How the runtime's big files reach this browser, on any static host.
//
// The WebAssembly, the standard library zip and the wheel are the bytes that matter. A host that serves the runtime
// folder's .br copies (HOSTING.md: nginx, Caddy, Apache) sends them brotli-compressed, and the browser unpacks them
// itself. Most static hosts do not: GitHub Pages gzips the WebAssembly on the fly (3.5 MB instead of 2.8 MB) and
// sends zips as they are, a bucket compresses nothing (9.6 MB of WebAssembly). So for each of these files:
//
// - "held": a cache on this device holds it unpacked (the service worker's, or the copy a first visit put aside):
//   it is read from there, no request at all;
// - "plain": the host sends our .br copy for the file (HEAD requests for both: Content-Encoding br, and the same
//   Content-Length): the file is asked for as it is, and the browser unpacks it;
// - "packed": otherwise (a host that compresses on the fly, if at all, at a lower brotli quality than our copy's, or
//   gzip, or nothing) its .br copy is asked for, a file no host compresses again (its type is not compressible),
//   and unpacked here as it arrives: with the browser's DecompressionStream("brotli") where it has one (Firefox,
//   Safari), else with a brotli decoder in WebAssembly from the same folder (about 100 kB on the wire). The unpacked
//   bytes are also put aside in Cache Storage (named after the runtime folder), where the service worker takes them
//   from, instead of downloading the files again (frontend/service-worker.js adoptPacked).
//
// The build writes FILES in from the runtime's manifest (build_scripts/runtime_manifest.py): {decoder: [script,
// wasm], packed: [the big files of this folder the page preloads this way], types: {suffix: Content-Type},
// unpackedCachePrefix}; the manifest's "packed" also names the wheel. The page's head start (calculator-boot.mjs)
// uses decideEarly, howToFetch and preloadUrl to preload the same files its worker will ask for.
import { runtimeFolderName } from "./calculator-runtime.mjs";

const FILES = __RUNTIME_FILES__;
const COPY = ".br";

// The Cache Storage cache for the unpacked copies of the runtime in the folder of this URL.
function unpackedCacheName(url) {
  return FILES.unpackedCachePrefix + runtimeFolderName(url);
}

// Whether a response's body travelled brotli-compressed (the browser has unpacked it).
function sentAsBrotli(response) {
  return /\bbr\b/.test(response.headers.get("Content-Encoding") || "");
}

// The file as a cache on this device holds it, or null.
async function heldCopy(url) {
  try {
    return (typeof caches === "object" && (await caches.match(url))) || null;
  } catch {
    return null; // no Cache Storage here (a private window may refuse it): ask the network
  }
}

// "plain" or "packed" (above), from the host's answers to HEAD requests for the file and its copy. fetchOnce: the
// fetch to use (the worker's unwrapped one).
async function hostForm(url, fetchOnce) {
  try {
    // Past the HTTP cache: a HEAD request must not wait for a download of the same file already under way.
    const head = (address) => fetchOnce(address, { method: "HEAD", cache: "no-store" });
    const [file, copy] = await Promise.all([url, url + COPY].map(head));
    const length = (response) => response.headers.get("Content-Length");
    const same = length(file) !== null && length(file) === length(copy);
    if (file.ok && copy.ok && sentAsBrotli(file) && same) return "plain";
    if (file.ok && copy.status === 404) return "plain"; // a deploy without the .br copies: the file as it is
  } catch {
    // no answer to HEAD: the .br copy is a plain static file on every host
  }
  return "packed";
}

const decided = new Map(); // url -> the promise of howToFetch's answer, asked once per page

// "held", "plain" or "packed" (above), asked once per file and page.
export function howToFetch(url, fetchOnce = fetch) {
  if (!decided.has(url)) decided.set(url, heldCopy(url).then((held) => (held ? "held" : hostForm(url, fetchOnce))));
  return decided.get(url);
}

// Asks at once how each of this folder's packed files will be fetched (howToFetch), so that the answers are there
// when the page preloads them after its first paint: the calculator page's head start calls it from <head>.
export function decideEarly() {
  for (const name of FILES.packed) howToFetch(new URL(name, import.meta.url).href);
}

// The URL the page preloads for a file, given howToFetch's answer (null: nothing to preload).
export function preloadUrl(url, how) {
  return how === "held" ? null : how === "plain" ? url : url + COPY;
}

// The file's response: from the cache, from the host as it is, or its .br copy unpacked here. onError(error) hears of
// a copy that breaks off or does not unpack: the response has been handed over by then, and whoever reads it (Pyodide,
// for the WebAssembly) might only log the failure.
export async function fetchRuntimeFile(url, fetchOnce = fetch, onError = () => {}) {
  const held = await heldCopy(url);
  if (held) return held;
  if ((await hostForm(url, fetchOnce)) === "plain") return fetchOnce(url);
  // The decoder loads while the copy downloads.
  const response = fetchOnce(url + COPY);
  let decompress;
  try {
    decompress = await brotliStream();
  } catch (error) {
    response.then((answer) => answer.body && answer.body.cancel()).catch(() => {});
    throw error;
  }
  return unpacked(url, await response, decompress, onError);
}

async function unpacked(url, response, decompress, onError) {
  if (!response.ok || !response.body) return response; // the caller reports the HTTP error
  // A host that marks .br files as brotli-encoded has had the browser unpack them already.
  const body = sentAsBrotli(response) ? response.body : response.body.pipeThrough(decompress);
  const name = new URL(url).pathname.split("/").pop();
  const headers = { "Content-Type": FILES.types[name.split(".").pop()] || "application/octet-stream" };
  const [mine, aside] = body.tee();
  putting.push(putAside(url, new Response(aside, { headers })));
  return new Response(reporting(mine, onError), { headers });
}

// The same stream, with its failure also reported to onError.
function reporting(stream, onError) {
  const reader = stream.getReader();
  return new ReadableStream({
    async pull(controller) {
      try {
        const { done, value } = await reader.read();
        if (done) controller.close();
        else controller.enqueue(value);
      } catch (error) {
        onError(error);
        controller.error(error);
      }
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
}

const putting = [];

// Settles once the unpacked files are in Cache Storage (or could not be put there): the worker waits for it before
// it says it is ready, since the page then registers the service worker, which looks for them when it installs.
export function putAsideSettled() {
  return Promise.allSettled(putting);
}

async function putAside(url, response) {
  try {
    await (await caches.open(unpackedCacheName(url))).put(url, response);
  } catch {
    // no Cache Storage: the service worker downloads the file once the calculator has answered
    response.body.cancel().catch(() => {});
  }
}

let decoder = null;

// Whether this browser's DecompressionStream unpacks brotli itself (Firefox, Safari; not Chromium).
export function nativeBrotli() {
  try {
    new DecompressionStream("brotli");
    return true;
  } catch {
    return false;
  }
}

// A TransformStream from brotli to the bytes it holds.
export async function brotliStream() {
  if (nativeBrotli()) return new DecompressionStream("brotli");
  decoder = decoder || loadDecoder();
  const { BrotliDecStream, BrotliStreamResultCode: Code } = await decoder;
  const stream = new BrotliDecStream();
  let done = false;
  return new TransformStream({
    transform(chunk, controller) {
      let input = chunk;
      while (!done) {
        const result = stream.dec(input, OUTPUT_CHUNK);
        const { buf, code } = result; // each read of buf copies it out of the decoder's memory
        input = input.subarray(result.input_offset);
        result.free();
        if (buf.length) controller.enqueue(buf);
        done = code === Code.ResultSuccess;
        if (code !== Code.NeedsMoreOutput) break;
      }
    },
    flush() {
      stream.free();
      if (!done) throw new Error("a .br file of the runtime ends before its last block");
    },
  });
}

const OUTPUT_CHUNK = 256 * 1024;

// The decoder's module and WebAssembly, from the runtime folder (FILES.decoder).
function loadDecoder() {
  const [script, wasm] = FILES.decoder.map((name) => new URL(name, import.meta.url));
  return import(script.href).then(async (module) => {
    await module.default({ module_or_path: wasm });
    return module;
  });
}
