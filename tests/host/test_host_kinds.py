"""What each kind of static host sends for the calculator's runtime, byte for byte (HOSTING.md, the table of host
kinds), served by build_scripts/serve.py in its three modes:

- ``precompressed`` (nginx with hosting/nginx/, Caddy, Apache with the rules in HOSTING.md): our ``.br`` copies;
- ``gzip`` (GitHub Pages, and as a lower bound Netlify, Cloudflare Pages and CloudFront, which compress by type on
  the fly): gzip for text, JSON, JavaScript and WebAssembly, zip types as they are;
- ``none`` (a bucket without a CDN that compresses): every file as it is.

The standard library zip and the wheel are shipped with deflated entries and their copies hold the same zips with
stored entries (build_scripts/build_site.py ship_deflated_zips): both must be the same archive.

The worker does not take what a host sends for granted (frontend/runtime-files.mjs): for the WebAssembly, the
standard library and the wheel it asks with HEAD whether the host sends our brotli copy for the file; if not, it
downloads the file's ``.br`` copy as it is (every host sends it untouched) and unpacks it with the brotli decoder
from the runtime folder. ``worker_loads`` follows the same rule over HTTP. On every kind of host the runtime must
cost fewer bytes than the naive embed's stock files would on that host. Bytes, never times."""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import re
import urllib.request
import zipfile
from collections.abc import Iterator
from pathlib import Path

import brotli  # type: ignore[import-untyped]
import pytest

from build_scripts import runtime_manifest
from build_scripts.serve import COMPRESSED_ON_THE_FLY_TYPES, GZIP_LEVEL, TYPES, serve_in_thread

ROOT = Path(__file__).resolve().parents[2]
SITE = ROOT / "site"
PYODIDE = ROOT / "node_modules" / "pyodide"
MODES = ("precompressed", "gzip", "none")
CHROMIUM_ACCEPTS = "gzip, deflate, br, zstd"
# What the worker loads from the runtime folder, and what a naive embed loads instead (tests/browser/test_budgets.py).
WORKER_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json")
NAIVE_FILES = ("pyodide.js", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json")


def runtime() -> Path:
    folders = list((SITE / "assets" / "rekenmodule").iterdir()) if (SITE / "assets" / "rekenmodule").is_dir() else []
    assert len(folders) == 1, "run `./dev build` (or `./dev test`) first"
    return folders[0]


def wheel_name() -> str:
    lock = json.loads((runtime() / "pyodide-lock.json").read_text())
    return str(lock["packages"]["kmo-calculator"]["file_name"])


def compressible(name: str) -> bool:
    return TYPES.get(Path(name).suffix, "application/octet-stream").split(";")[0] in COMPRESSED_ON_THE_FLY_TYPES


@pytest.fixture(scope="module")
def hosts() -> Iterator[dict[str, str]]:
    servers = {mode: serve_in_thread(SITE, compression=mode) for mode in MODES}
    yield {mode: url for mode, (_, url) in servers.items()}
    for server, _ in servers.values():
        server.shutdown()
        server.server_close()


def fetch(url: str) -> tuple[str | None, bytes]:
    request = urllib.request.Request(url, headers={"Accept-Encoding": CHROMIUM_ACCEPTS})
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.headers.get("Content-Encoding"), response.read()


def worker_loads(base: str) -> dict[str, tuple[str | None, bytes]]:
    """What the calculator's worker downloads from the runtime folder at ``base`` on a first visit, by URL name:
    runtime-files.mjs's rule for the packed files (the file if the host sends our .br copy for it, else that copy
    by its own name, and then the decoder too), the other files as the host sends them."""
    loads: dict[str, tuple[str | None, bytes]] = {}
    packed = (*runtime_manifest.PACKED, wheel_name())
    for name in (*WORKER_FILES, wheel_name()):
        asked = name + ".br" if name in packed and not sends_our_copy(base + name) else name
        loads[asked] = fetch(base + asked)
    if any(name.endswith(".br") for name in loads):
        loads |= {name: fetch(base + name) for name in runtime_manifest.DECODER}
    return loads


def sends_our_copy(url: str) -> bool:
    """runtime-files.mjs's test: HEAD answers for the file and its .br copy, with brotli and the same length."""
    headers = []
    for address in (url, url + ".br"):
        request = urllib.request.Request(address, headers={"Accept-Encoding": CHROMIUM_ACCEPTS}, method="HEAD")
        with urllib.request.urlopen(request, timeout=30) as response:
            headers.append(response.headers)
    file, copy = headers
    length = file.get("Content-Length")
    return bool(file.get("Content-Encoding") == "br" and length is not None and length == copy.get("Content-Length"))


def worker_bytes(base: str) -> int:
    return sum(len(body) for _, body in worker_loads(base).values())


def decoded(encoding: str | None, body: bytes) -> bytes:
    return brotli.decompress(body) if encoding == "br" else gzip.decompress(body) if encoding == "gzip" else body


def entries(data: bytes) -> list[tuple[str, int, bytes]]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.testzip() is None
        return [(info.filename, info.compress_type, archive.read(info)) for info in archive.infolist()]


@pytest.mark.parametrize("mode", MODES)
def test_each_host_kind_sends_the_file_it_should(hosts: dict[str, str], mode: str) -> None:
    folder = runtime()
    base = hosts[mode] + folder.relative_to(SITE).as_posix() + "/"
    for name in (*WORKER_FILES, wheel_name()):
        plain = (folder / name).read_bytes()
        encoding, body = fetch(base + name)
        copy = folder / (name + ".br")
        if mode == "precompressed" and copy.is_file():
            assert (encoding, body) == ("br", copy.read_bytes()), name
        elif mode != "none" and compressible(name) and len(plain) > 0:
            assert encoding == "gzip", name
            assert body == gzip.compress(plain, GZIP_LEVEL, mtime=0), name
        else:
            assert (encoding, body) == (None, plain), (mode, name)
    # Zip types are never compressed on the fly: a host that does not serve our copies sends the deflated zips.
    if mode != "precompressed":
        for name in ("python_stdlib.zip", wheel_name()):
            encoding, body = fetch(base + name)
            assert encoding is None, (mode, name)
            assert body == (folder / name).read_bytes(), (mode, name)
    # A .br copy asked for by its own name is sent as it is by every kind of host.
    for name in (*runtime_manifest.PACKED, wheel_name()):
        assert fetch(base + name + ".br") == (None, (folder / (name + ".br")).read_bytes()), (mode, name)


# Which form of each packed file the worker downloads on each kind of host.
WORKER_GETS = {"precompressed": "the file, as brotli", "gzip": "the .br copy", "none": "the .br copy"}


@pytest.mark.parametrize("mode", MODES)
def test_the_worker_downloads_brotli_on_every_host_kind(hosts: dict[str, str], mode: str) -> None:
    folder = runtime()
    loads = worker_loads(hosts[mode] + folder.relative_to(SITE).as_posix() + "/")
    for name in (*runtime_manifest.PACKED, wheel_name()):
        copy = (folder / (name + ".br")).read_bytes()
        if WORKER_GETS[mode] == "the file, as brotli":
            assert loads[name] == ("br", copy), name
        else:
            assert name not in loads, (mode, name)
            assert loads[name + ".br"] == (None, copy), (mode, name)
    assert (runtime_manifest.DECODER[1] in loads) == (WORKER_GETS[mode] == "the .br copy"), mode


@pytest.mark.parametrize("name", ["python_stdlib.zip", "wheel"])
def test_the_shipped_zip_and_its_copies_are_the_same_archive(name: str) -> None:
    folder = runtime()
    name = wheel_name() if name == "wheel" else name
    plain = (folder / name).read_bytes()
    from_brotli = brotli.decompress((folder / (name + ".br")).read_bytes())
    from_gzip = gzip.decompress((folder / (name + ".gz")).read_bytes())
    assert from_brotli == from_gzip
    shipped, stored = entries(plain), entries(from_brotli)
    assert {kind for _, kind, _ in shipped} == {zipfile.ZIP_DEFLATED}
    assert {kind for _, kind, _ in stored} == {zipfile.ZIP_STORED}
    assert [(entry, data) for entry, _, data in shipped] == [(entry, data) for entry, _, data in stored]
    # Deflated, the file a host sends as it is is much smaller than the stored zip.
    assert len(plain) < 0.6 * len(from_brotli)


def test_the_lock_file_holds_the_hash_of_each_form_of_the_wheel() -> None:
    folder = runtime()
    entry = json.loads((folder / "pyodide-lock.json").read_text())["packages"]["kmo-calculator"]
    name = entry["file_name"]
    assert hashlib.sha256((folder / name).read_bytes()).hexdigest() == entry["sha256"]
    for suffix, decode in ((".br", brotli.decompress), (".gz", gzip.decompress)):
        assert hashlib.sha256(decode((folder / (name + suffix)).read_bytes())).hexdigest() == entry["stored_sha256"]


def naive_bytes(mode: str) -> int:
    """What the naive embed's stock files (and the unchanged wheel) would cost on this kind of host: no copies, so
    gzip on the fly for compressible types wherever the host compresses."""
    (wheel,) = (ROOT / "build" / "wheels").glob("kmo_calculator-*.whl")
    total = wheel.stat().st_size
    for name in NAIVE_FILES:
        data = (PYODIDE / name).read_bytes()
        total += len(gzip.compress(data, GZIP_LEVEL, mtime=0)) if mode != "none" and compressible(name) else len(data)
    return total


@pytest.mark.parametrize("mode", MODES)
def test_on_every_host_kind_the_runtime_costs_fewer_bytes_than_the_naive_embed(
    hosts: dict[str, str], mode: str
) -> None:
    ours = worker_bytes(hosts[mode] + runtime().relative_to(SITE).as_posix() + "/")
    naive = naive_bytes(mode)
    assert ours < naive, f"{mode}: the runtime sends {ours} bytes, the naive embed {naive}"


# The rows of HOSTING.md's table of host kinds whose runtime bytes this file measures, by server mode.
HOSTING_ROWS = {
    "precompressed": "| nginx with",
    "gzip": "| GitHub Pages |",
    "none": "| any host that compresses nothing |",
}


@pytest.mark.parametrize("mode", MODES)
def test_hosting_md_gives_the_runtime_bytes_each_host_kind_sends(hosts: dict[str, str], mode: str) -> None:
    text = (ROOT / "HOSTING.md").read_text(encoding="utf-8")
    (row,) = [line for line in text.splitlines() if line.startswith(HOSTING_ROWS[mode])]
    cells = [cell.strip() for cell in row.strip("|").split("|")]
    figures = re.match(r"([\d.]+) MB \(([\d.]+) MB\)", cells[3])
    assert figures, row
    ours = worker_bytes(hosts[mode] + runtime().relative_to(SITE).as_posix() + "/")
    # Within 2 %: a change to the rules data moves the wheel by a few kilobytes, not the figure's meaning.
    assert float(figures.group(1)) * 1e6 == pytest.approx(ours, rel=0.02), (mode, ours)
    assert float(figures.group(2)) * 1e6 == pytest.approx(naive_bytes(mode), rel=0.02), (mode, naive_bytes(mode))
