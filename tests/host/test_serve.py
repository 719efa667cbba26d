"""The local server's three host modes, which the benchmark compares: precompressed copies (as the repository's
nginx), gzip on the fly for everything compressible, and no compression."""

from __future__ import annotations

import gzip
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from build_scripts.serve import COMPRESSED_ON_THE_FLY_TYPES, serve_in_thread


@pytest.fixture
def site(tmp_path: Path) -> Path:
    (tmp_path / "index.html").write_text("<!doctype html><title>x</title>" + "tekst " * 200, encoding="utf-8")
    (tmp_path / "app.wasm").write_bytes(b"\0asm" + bytes(range(256)) * 40)
    (tmp_path / "app.wasm.br").write_bytes(b"brotli copy")
    (tmp_path / "app.wasm.gz").write_bytes(gzip.compress(b"gzip copy"))
    (tmp_path / "data.whl").write_bytes(b"PK" + bytes(1000))
    return tmp_path


def fetch(base: str, path: str, accept: str = "br, gzip") -> tuple[dict[str, str], bytes]:
    request = urllib.request.Request(base + path, headers={"Accept-Encoding": accept})
    with urllib.request.urlopen(request, timeout=10) as response:
        return {k.lower(): v for k, v in response.headers.items()}, response.read()


@pytest.fixture
def serving(site: Path) -> Iterator[dict[str, str]]:
    servers = {mode: serve_in_thread(site, compression=mode) for mode in ("precompressed", "gzip", "none")}
    yield {mode: url for mode, (_, url) in servers.items()}
    for server, _ in servers.values():
        server.shutdown()
        server.server_close()


def test_precompressed_serves_the_copy_and_gzips_what_has_none(site: Path, serving: dict[str, str]) -> None:
    headers, body = fetch(serving["precompressed"], "app.wasm")
    assert headers["content-encoding"] == "br"
    assert body == b"brotli copy"
    headers, body = fetch(serving["precompressed"], "app.wasm", "gzip")
    assert headers["content-encoding"] == "gzip"
    assert gzip.decompress(body) == b"gzip copy"
    headers, body = fetch(serving["precompressed"], "")
    assert headers["content-encoding"] == "gzip"
    assert gzip.decompress(body) == (site / "index.html").read_bytes()
    assert headers["vary"] == "Accept-Encoding"


def test_gzip_on_the_fly_ignores_copies(site: Path, serving: dict[str, str]) -> None:
    headers, body = fetch(serving["gzip"], "app.wasm")
    assert headers["content-encoding"] == "gzip"
    assert gzip.decompress(body) == (site / "app.wasm").read_bytes()
    assert len(body) < (site / "app.wasm").stat().st_size


@pytest.mark.parametrize("mode", ["precompressed", "gzip", "none"])
def test_a_type_that_is_not_compressible_is_sent_as_it_is(site: Path, serving: dict[str, str], mode: str) -> None:
    headers, body = fetch(serving[mode], "data.whl")
    assert "content-encoding" not in headers
    assert body == (site / "data.whl").read_bytes()


def test_no_compression_sends_every_file_as_it_is(site: Path, serving: dict[str, str]) -> None:
    for path, file in (("", "index.html"), ("app.wasm", "app.wasm")):
        headers, body = fetch(serving["none"], path)
        assert "content-encoding" not in headers
        assert body == (site / file).read_bytes()


def test_the_types_compressed_on_the_fly_are_nginx_gzip_types(root: Path) -> None:
    config = (root / "hosting" / "nginx" / "kmo-site.conf").read_text(encoding="utf-8")
    listed = config.split("gzip_types", 1)[1].split(";", 1)[0].split()
    assert set(listed) == set(COMPRESSED_ON_THE_FLY_TYPES) - {"text/html"}  # nginx always compresses text/html
