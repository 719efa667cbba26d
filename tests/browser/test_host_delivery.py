"""How the runtime's big files reach a real browser on each kind of static host (frontend/runtime-files.mjs):

- on a host that sends our ``.br`` copies (``precompressed``), the WebAssembly, the standard library and the wheel are
  asked for by their own names, and no decoder is downloaded;
- on a host like GitHub Pages (gzip on the fly by type, no ``_headers``) and on one that compresses nothing, their
  ``.br`` copies are downloaded instead, once each, and unpacked by the brotli decoder in WebAssembly;
- either way the service worker then holds the unpacked files (what the ``.br`` copies hold), and a return visit
  downloads none of them.

Requests and bytes, never times."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import brotli  # type: ignore[import-untyped]
import pytest
from browser_helpers import wait_for_async, wait_until_ready
from playwright.sync_api import Browser

from build_scripts import runtime_manifest
from build_scripts.serve import Settings, make_server

pytestmark = pytest.mark.browser

# Each host: build_scripts/serve.py's compression mode, whether the site's _headers apply, and headers on every
# response (GitHub Pages: max-age=600; without it, a file built seconds ago would be revalidated at once).
HOSTS: dict[str, tuple[str, bool, dict[str, str]]] = {
    "precompressed": ("precompressed", True, {}),
    "ghpages": ("gzip", False, {"Cache-Control": "max-age=600"}),
    "none": ("none", True, {}),
}
SERVICE_WORKER_HOLDS = """async (urls) => {
  const registration = await navigator.serviceWorker.getRegistration();
  if (!registration || !registration.active) return false;
  const names = (await caches.keys()).filter((name) => name.startsWith("kmo-rekenmodule-"));
  if (names.length !== 1) return false;
  const sizes = [];
  for (const url of urls) {
    const held = await caches.match(url, { cacheName: names[0] });
    if (!held) return false;
    sizes.push((await held.arrayBuffer()).byteLength);
  }
  return sizes;
}"""


@pytest.fixture(params=list(HOSTS))
def host(request: pytest.FixtureRequest, site: Path) -> Iterator[tuple[str, str, Settings]]:
    compression, own_headers, added = HOSTS[request.param]
    server, settings = make_server(site, 0, compression=compression, extra_headers=added)
    if not own_headers:
        settings.rules = []
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield request.param, f"http://127.0.0.1:{server.server_address[1]}/", settings
    server.shutdown()
    server.server_close()


def test_the_big_files_arrive_as_brotli_on_every_host_and_only_once(
    browser: Browser, site: Path, host: tuple[str, str, Settings]
) -> None:
    kind, base, server = host
    (folder,) = (site / "assets" / "rekenmodule").iterdir()
    runtime = "/" + folder.relative_to(site).as_posix() + "/"
    packed = [*runtime_manifest.PACKED, runtime_manifest.read(folder)["packed"][-1]]
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(base + "rekenmodule/")
        wait_until_ready(page)
        held = [base.rstrip("/") + runtime + name for name in packed]
        sizes = page.evaluate(SERVICE_WORKER_HOLDS, held)
        if not sizes:
            wait_for_async(page, SERVICE_WORKER_HOLDS, held)
            sizes = page.evaluate(SERVICE_WORKER_HOLDS, held)
        # What the .br copies hold: the WebAssembly, and the zips with their entries stored.
        assert sizes == [len(brotli.decompress((folder / (name + ".br")).read_bytes())) for name in packed], kind
        # What reached the host (not what the browser's caches answered).
        first = [path for method, path in server.methods if method == "GET"]
        for name in packed:
            plain, copy = first.count(runtime + name), first.count(runtime + name + ".br")
            assert (plain, copy) == ((1, 0) if kind == "precompressed" else (0, 1)), (kind, name, plain, copy)
        decoder = [url for url in first if url.startswith(runtime + "brotli_dec_wasm")]
        assert len(decoder) == (0 if kind == "precompressed" else 2), (kind, decoder)

        server.methods.clear()
        page.reload()
        wait_until_ready(page)
        again = [path for _, path in server.methods if any(path.startswith(runtime + name) for name in packed)]
        assert again == [], (kind, again)
    finally:
        context.close()


def test_a_br_copy_that_breaks_off_is_a_start_failure_not_a_hang(browser: Browser, site: Path) -> None:
    # The worker unpacks the copy while Pyodide already reads the WebAssembly; a copy cut off halfway must end the
    # start with the page's error at once (runtime-files.mjs onError), not after the watchdog, which is set far
    # beyond this test's wait.
    server, settings = make_server(site, 0, compression="gzip", extra_headers={"Cache-Control": "max-age=600"})
    settings.rules = []
    threading.Thread(target=server.serve_forever, daemon=True).start()
    (copy,) = (site / "assets" / "rekenmodule").glob("*/pyodide.asm.wasm.br")
    half = copy.read_bytes()[: copy.stat().st_size // 2]
    context = browser.new_context()
    try:
        page = context.new_page()
        page.add_init_script("window.kmoStartTimeoutMs = 600000;")
        page.route("**/pyodide.asm.wasm.br", lambda route: route.fulfill(status=200, body=half))
        page.goto(f"http://127.0.0.1:{server.server_address[1]}/rekenmodule/")
        page.wait_for_selector("[data-calculator][data-state='error']", timeout=30_000)
        assert "De rekenmodule kon niet starten" in (page.text_content("[data-status-text]") or "")
    finally:
        context.close()
        server.shutdown()
        server.server_close()
