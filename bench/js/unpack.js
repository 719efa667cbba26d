// Unpack a .gz copy with DecompressionStream, `runs` times (bench/decompression.py, through page.evaluate).
async ([url, runs]) => {
  const packed = await (await fetch(url)).arrayBuffer();
  const times = [];
  let size = 0;
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    const stream = new Blob([packed]).stream().pipeThrough(new DecompressionStream("gzip"));
    size = (await new Response(stream).arrayBuffer()).byteLength;
    times.push(performance.now() - started);
  }
  return { packed: packed.byteLength, size, times };
}
