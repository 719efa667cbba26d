"""What a static host must send with the site: security headers, cache rules, precompressed copies.

One source for all of it: the pages get the Content-Security-Policy as a ``<meta>`` (through the generated configuration, ``config.extra.kmo.csp``), and
``site/_headers`` (read by Netlify, Cloudflare Pages and ``build_scripts/serve.py``) carries the same policy plus the
headers a ``<meta>`` cannot set. ``hosting/nginx/`` holds the nginx equivalent (HOSTING.md; tests/nginx/ checks it).
"""

from __future__ import annotations

import gzip
import hashlib
import io
import re
import zipfile
from collections.abc import Iterable
from pathlib import Path
from typing import Final

import brotli  # type: ignore[import-untyped]

# Scripts only from the site itself; WebAssembly compilation allowed ('wasm-unsafe-eval', which Pyodide needs and
# which does not allow eval); no inline script or style, no plugin, no framing, no request to another host.
CSP_DIRECTIVES: Final = (
    ("default-src", "'self'"),
    ("script-src", "'self' 'wasm-unsafe-eval'"),
    ("worker-src", "'self'"),
    ("style-src", "'self'"),
    ("img-src", "'self' data:"),
    ("font-src", "'self'"),
    ("connect-src", "'self'"),
    ("object-src", "'none'"),
    ("base-uri", "'self'"),
    ("form-action", "'self'"),
)
# Only in a header: browsers ignore frame-ancestors in a <meta> policy.
CSP_HEADER_ONLY: Final = (("frame-ancestors", "'none'"),)


def csp(directives: Iterable[tuple[str, str]]) -> str:
    return "; ".join(f"{name} {value}" for name, value in directives)


CSP_META: Final = csp(CSP_DIRECTIVES)
CSP_HEADER: Final = csp((*CSP_DIRECTIVES, *CSP_HEADER_ONLY))

SECURITY_HEADERS: Final = (
    ("Content-Security-Policy", CSP_HEADER),
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "strict-origin-when-cross-origin"),
    ("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=()"),
    ("X-Frame-Options", "DENY"),
    ("Cross-Origin-Opener-Policy", "same-origin"),
    ("Cross-Origin-Resource-Policy", "same-origin"),
)

IMMUTABLE: Final = "public, max-age=31536000, immutable"
REVALIDATE: Final = "no-cache"  # may be stored, but checked with the ETag before every use

# Files whose name carries a content hash: Material's bundles, and everything in the calculator's versioned folder.
HASHED: Final = (
    re.compile(r"^assets/rekenmodule/[^/]+/"),
    re.compile(r"\.[0-9a-f]{8}\.min\.(js|css)(\.map)?$"),
)
# .zip and .whl: the standard library zip and the calculator's wheel are shipped as zips of deflated entries, which a
# host that serves files as they are sends as they are (no host compresses zip types on the fly), but their .br/.gz
# copies are made from the same zips with stored entries (build_site.py keeps those in build/stored/), so that brotli
# and gzip compress across files: the standard library is 0.84 MB with brotli instead of 1.22 MB deflated.
PRECOMPRESSED_SUFFIXES: Final = {
    ".html",
    ".css",
    ".js",
    ".mjs",
    ".json",
    ".xml",
    ".svg",
    ".txt",
    ".wasm",
    ".map",
    ".ico",
    ".zip",
    ".whl",
}


def cache_policy(relative: str) -> str:
    return IMMUTABLE if any(pattern.search(relative) for pattern in HASHED) else REVALIDATE


def _is_copy(path: Path) -> bool:
    """A precompressed copy (``x.js.br`` next to ``x.js``), not a file of its own like ``sitemap.xml.gz``."""
    return path.suffix in {".gz", ".br"} and path.with_suffix("").is_file() and not path.name.startswith("sitemap")


def _served_files(site: Path) -> list[str]:
    return sorted(
        str(path.relative_to(site))
        for path in site.rglob("*")
        if path.is_file() and not _is_copy(path) and path.name != "_headers"
    )


def cache_rules(site: Path) -> list[tuple[str, str]]:
    """Non-overlapping (pattern, Cache-Control) rules: a folder gets one ``/folder/*`` rule when every file below it
    shares a policy, otherwise its files and subfolders get their own. Hosts that join the values of overlapping
    rules (Cloudflare Pages does) thus never see two policies for one file."""
    files = _served_files(site)
    policies = {name: cache_policy(name) for name in files}

    def walk(prefix: str) -> list[tuple[str, str]]:
        below = [name for name in files if name.startswith(prefix)]
        kinds = {policies[name] for name in below}
        if len(kinds) == 1 and prefix:
            return [(f"/{prefix}*", kinds.pop())]
        rules: list[tuple[str, str]] = []
        children = sorted(
            {name[len(prefix) :].split("/", 1)[0] + ("/" if "/" in name[len(prefix) :] else "") for name in below}
        )
        for child in children:
            if child.endswith("/"):
                rules.extend(walk(prefix + child))
            else:
                path = f"/{prefix}{child}"
                rules.append((path, policies[prefix + child]))
                if child == "index.html":
                    rules.append((f"/{prefix}", policies[prefix + child]))
        return rules

    return walk("")


def headers_file(site: Path, page_rules: Iterable[str] = ()) -> str:
    """``page_rules``: lines for a page whose security headers differ (the embeddable calculator, embedding.py)."""
    lines = [
        "# Written by build_scripts/hosting.py: the headers a static host must send (Netlify / Cloudflare Pages format).",
        "# Security headers for every path; then one Cache-Control rule per path, never two for one file.",
        "/*",
        *(f"  {name}: {value}" for name, value in SECURITY_HEADERS),
        *page_rules,
    ]
    for pattern, policy in cache_rules(site):
        lines += [pattern, f"  Cache-Control: {policy}"]
    return "\n".join(lines) + "\n"


def write_headers(site: Path, page_rules: Iterable[str] = ()) -> Path:
    target = site / "_headers"
    target.write_text(headers_file(site, page_rules), encoding="utf-8")
    return target


def brotli_max(data: bytes, cache: Path | None = None) -> bytes:
    """Brotli at its maximum quality and window (what every browser decodes). For the 9.6 MB WebAssembly file that
    takes about 20 s, so results are kept in ``cache`` by content hash: the runtime changes rarely."""
    if cache is None:
        return bytes(brotli.compress(data, quality=11, lgwin=24))
    cached = cache / f"{hashlib.sha256(data).hexdigest()}.br"
    if cached.is_file():
        return cached.read_bytes()
    compressed = bytes(brotli.compress(data, quality=11, lgwin=24))
    cache.mkdir(parents=True, exist_ok=True)
    cached.write_bytes(compressed)
    return compressed


def deflated_zip(stored: bytes) -> bytes:
    """The same zip with every entry deflated (level 9): the same names, order, dates and attributes, so both are the
    same archive to zipimport; the bytes depend only on the stored zip's."""
    target = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(stored)) as source, zipfile.ZipFile(target, "w") as written:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=info.date_time)
            entry.external_attr = info.external_attr
            entry.compress_type = zipfile.ZIP_DEFLATED
            written.writestr(entry, source.read(info), compresslevel=9)
    return target.getvalue()


def precompress(
    site: Path, minimum_bytes: int = 1024, cache: Path | None = None, sources: dict[str, Path] | None = None
) -> tuple[int, int, int]:
    """Write ``.br`` and ``.gz`` copies next to every compressible file where they save bytes.

    ``sources`` maps a file (site-relative) to the file its copies are made from, when that is not the file itself:
    a zip of stored entries for a shipped zip of deflated ones (deflated_zip). Returns (files, bytes before, bytes
    after brotli)."""
    count = before = after = 0
    sources = sources or {}
    for relative in _served_files(site):
        path = site / relative
        if path.suffix not in PRECOMPRESSED_SUFFIXES:
            continue
        plain = path.read_bytes()
        if len(plain) < minimum_bytes:
            continue
        data = sources[relative].read_bytes() if relative in sources else plain
        compressed_br = brotli_max(data, cache)
        compressed_gz = gzip.compress(data, compresslevel=9, mtime=0)
        written = False
        if len(compressed_br) < len(plain) * 0.95:
            path.with_name(path.name + ".br").write_bytes(compressed_br)
            written = True
        if len(compressed_gz) < len(plain) * 0.95:
            path.with_name(path.name + ".gz").write_bytes(compressed_gz)
            written = True
        if written:
            count += 1
            before += len(plain)
            after += min(len(compressed_br), len(plain))
    return count, before, after
