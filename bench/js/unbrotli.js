// Unpack a .br copy `runs` times as the calculator's worker does (runtime-files.mjs brotliStream: the browser's
// DecompressionStream("brotli") where it has one, else the decoder in WebAssembly), through page.evaluate
// (bench/decompression.py). The first run includes loading the decoder.
async ([moduleUrl, url, runs]) => {
  const { brotliStream } = await import(moduleUrl);
  const packed = await (await fetch(url)).arrayBuffer();
  const times = [];
  let size = 0;
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    const stream = new Blob([packed]).stream().pipeThrough(await brotliStream());
    size = (await new Response(stream).arrayBuffer()).byteLength;
    times.push(performance.now() - started);
  }
  return { packed: packed.byteLength, size, times };
}
