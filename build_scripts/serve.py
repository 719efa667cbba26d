"""Serve the built site on 127.0.0.1 the way a good static host does.

    python -m build_scripts.serve [--port 8000] [--root site] [--rate-mbit 20 --latency-ms 40]

- The response headers come from ``site/_headers`` (the file static hosts such as Netlify and Cloudflare Pages
  read), so the tests see the same Content-Security-Policy and cache rules a host would send.
- Precompressed ``.br`` / ``.gz`` copies are served when the browser accepts them.
- Unknown paths get ``404.html`` with status 404; ``/page`` redirects to ``/page/``.
- ``ETag`` and ``Last-Modified`` on every file, ``304 Not Modified`` for a matching ``If-None-Match``.
- ``--rate-mbit`` and ``--latency-ms`` slow responses down in the server itself (the benchmark uses it), so requests
  from web workers are limited too: the rate is shared by all connections, the latency is added to each response.
- ``--compression`` chooses how the host compresses (the benchmark compares the three):
  ``precompressed`` (the default, as the nginx configuration in hosting/nginx/ does: a ``.br`` / ``.gz`` copy when
  there is one, gzip on the fly for the other files of a compressible type), ``gzip`` (a host that ignores copies and
  gzips every compressible file on the fly, at level 6) or ``none``. On-the-fly results are kept in memory, as a
  CDN's cache would, so the benchmark times the transfer, not this server's zlib.
- ``--watch`` (``./dev serve``) rebuilds the site when its sources change (build_scripts/watch.py) and reloads the
  open pages: only then, every HTML response gets one same-origin script, ``/__kmo-reload.js`` (served from here,
  never written into ``site/``, so it runs under the site's Content-Security-Policy), which waits at
  ``/__kmo-reload`` (a long poll) for the next rebuild and reloads the page. HTML is then sent uncompressed.
"""

from __future__ import annotations

import argparse
import contextlib
import email.utils
import fnmatch
import gzip
import mimetypes
import posixpath
import sys
import threading
import time
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from build_scripts import watch
from build_scripts.reload import RELOAD_JS, RELOAD_SCRIPT, RELOAD_WAIT, Reload

ROOT = Path(__file__).resolve().parent.parent
TYPES = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".json": "application/json",
    ".wasm": "application/wasm",
    ".whl": "application/octet-stream",
    ".zip": "application/zip",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".ico": "image/x-icon",
    ".xml": "application/xml",
    ".txt": "text/plain; charset=utf-8",
    ".webmanifest": "application/manifest+json",
    # A precompressed copy asked for by its own name (the runtime's .br files, frontend/runtime-files.mjs) is a file
    # like any other, of a type no host compresses again.
    ".br": "application/octet-stream",
    ".gz": "application/octet-stream",
}
# The types a host compresses on the fly: the same list as gzip_types in hosting/nginx/kmo-site.conf (a test holds
# them equal), plus text/html, which nginx always compresses.
COMPRESSED_ON_THE_FLY_TYPES = (
    "text/html",
    "text/css",
    "text/javascript",
    "text/plain",
    "application/json",
    "application/xml",
    "application/atom+xml",
    "application/schema+json",
    "application/wasm",
    "image/svg+xml",
)
COMPRESSION_MODES = ("precompressed", "gzip", "none")
GZIP_LEVEL = 6


def parse_headers_file(text: str) -> list[tuple[str, list[tuple[str, str]]]]:
    """Rules of a ``_headers`` file: a path pattern on its own line, then indented ``Name: value`` lines."""
    rules: list[tuple[str, list[tuple[str, str]]]] = []
    for raw in text.splitlines():
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        if not raw[0].isspace():
            rules.append((raw.strip(), []))
        elif rules:
            name, _, value = raw.strip().partition(":")
            rules[-1][1].append((name.strip(), value.strip()))
    return rules


def headers_for(path: str, rules: list[tuple[str, list[tuple[str, str]]]]) -> dict[str, str]:
    """All rules whose pattern matches, in file order; a later rule overrides (or, with ``! Name``, drops) a header of an
    earlier one."""
    result: dict[str, str] = {}
    for pattern, headers in rules:
        if fnmatch.fnmatchcase(path, pattern) or (pattern.endswith("/*") and path == pattern[:-1]):
            for name, value in headers:
                if name.startswith("!"):  # "! Name": drop a header an earlier rule set (Cloudflare Pages' syntax)
                    result.pop(name[1:].strip(), None)
                else:
                    result[name] = value
    return result


class Throttle:
    """One shared link: every byte of every response waits for its turn at ``rate`` bytes per second."""

    def __init__(self, rate: float) -> None:
        self.rate = rate
        self.lock = threading.Lock()
        self.next_free = time.monotonic()

    def send(self, write: Callable[[bytes], object], body: bytes, chunk: int = 16 * 1024) -> None:
        for offset in range(0, len(body), chunk):
            piece = body[offset : offset + chunk]
            with self.lock:
                start = max(time.monotonic(), self.next_free)
                self.next_free = start + len(piece) / self.rate
                due = self.next_free
            pause = due - time.monotonic()
            if pause > 0:
                time.sleep(pause)
            write(piece)


@dataclass
class Settings:
    root: Path
    throttle: Throttle | None = None
    latency_seconds: float = 0.0
    log: bool = False
    rules: list[tuple[str, list[tuple[str, str]]]] = field(default_factory=list)
    extra_headers: dict[str, str] = field(default_factory=dict)
    drop_headers: set[str] = field(default_factory=set)
    requests: list[str] = field(default_factory=list)
    methods: list[tuple[str, str]] = field(default_factory=list)  # (method, path) of each request, as requests
    compression: str = "precompressed"
    gzipped: dict[tuple[Path, int, int], bytes] = field(default_factory=dict)
    gzip_lock: threading.Lock = field(default_factory=threading.Lock)
    reload: Reload | None = None

    def read_rules(self) -> None:
        """The rules of the site's _headers file, read again (after a rebuild, its cache rules name new files)."""
        headers_file = self.root / "_headers"
        self.rules = parse_headers_file(headers_file.read_text()) if headers_file.is_file() else []

    def on_the_fly(self, path: Path) -> bytes:
        """The file gzipped, once per version of it (a file changed while the server runs is compressed anew)."""
        stat = path.stat()
        key = (path, stat.st_mtime_ns, stat.st_size)
        with self.gzip_lock:
            if key not in self.gzipped:
                self.gzipped[key] = gzip.compress(path.read_bytes(), GZIP_LEVEL, mtime=0)
            return self.gzipped[key]


class Handler(BaseHTTPRequestHandler):
    server_version = "kmo-static"
    sys_version = ""
    settings: Settings

    def log_message(self, format: str, *args: object) -> None:
        if self.settings.log:
            super().log_message(format, *args)

    def _resolve(self, url_path: str) -> Path | None:
        clean = posixpath.normpath(urllib.parse.unquote(url_path))
        if clean.startswith(".."):
            return None
        candidate = (self.settings.root / clean.lstrip("/")).resolve()
        if self.settings.root.resolve() not in (candidate, *candidate.parents):
            return None
        if candidate.is_dir():
            candidate = candidate / "index.html"
        return candidate if candidate.is_file() else None

    def do_HEAD(self) -> None:
        self._serve(head=True)

    def do_GET(self) -> None:
        self._serve(head=False)

    def _serve(self, head: bool) -> None:
        if self.settings.latency_seconds:  # the round trip, added to every response (304s and redirects too)
            time.sleep(self.settings.latency_seconds)
        url = urllib.parse.urlsplit(self.path)
        url_path = url.path
        self.settings.requests.append(url_path)
        self.settings.methods.append((self.command, url_path))
        if self.settings.reload is not None and url_path in (RELOAD_SCRIPT, RELOAD_WAIT):
            self._serve_reload(url_path, url.query, head)
            return
        target = self._resolve(url_path)
        if target is not None and target.name == "index.html" and not url_path.endswith(("/", ".html")):
            self._redirect(url_path + "/")
            return
        status = HTTPStatus.OK
        if target is None:
            status = HTTPStatus.NOT_FOUND
            target = self.settings.root / "404.html"
            url_path = "/404.html"
        content_type = TYPES.get(target.suffix) or mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        if self.settings.reload is not None and target.suffix == ".html":
            self._send(status, content_type, self.settings.reload.inject(target.read_bytes()), url_path, head)
            return
        body_path, encoding, body, vary = self._encoding(target, content_type)
        stat = body_path.stat()
        etag = f'"{stat.st_size:x}-{stat.st_mtime_ns:x}{"-" + encoding if encoding else ""}"'
        headers = headers_for(url_path, self.settings.rules) | self.settings.extra_headers
        headers = {name: value for name, value in headers.items() if name.lower() not in self.settings.drop_headers}
        if status == HTTPStatus.OK and etag in self.headers.get("If-None-Match", ""):
            self._not_modified(etag, headers)
            return
        if body is None:
            body = body_path.read_bytes()
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        if encoding:
            self.send_header("Content-Encoding", encoding)
        if vary:
            self.send_header("Vary", "Accept-Encoding")
        self.send_header("ETag", etag)
        self.send_header("Last-Modified", email.utils.formatdate(stat.st_mtime, usegmt=True))
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        if head:
            return
        self._write(body)

    def _redirect(self, location: str) -> None:
        self.send_response(HTTPStatus.MOVED_PERMANENTLY)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _not_modified(self, etag: str, headers: dict[str, str]) -> None:
        self.send_response(HTTPStatus.NOT_MODIFIED)
        self.send_header("ETag", etag)
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()

    def _serve_reload(self, url_path: str, query: str, head: bool) -> None:
        reload = self.settings.reload
        assert reload is not None
        if url_path == RELOAD_SCRIPT:
            self._send(HTTPStatus.OK, TYPES[".js"], RELOAD_JS.encode(), url_path, head)
            return
        since = urllib.parse.parse_qs(query).get("since", [""])[0]
        build = reload.wait(since) if since else reload.build
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # the page that waited has gone meanwhile
            self._send(HTTPStatus.OK, TYPES[".json"], f'{{"build": "{build}"}}'.encode(), url_path, head)

    def _send(self, status: HTTPStatus, content_type: str, body: bytes, url_path: str, head: bool) -> None:
        """A response made here (watch mode): the site's headers for its path, never stored by the browser."""
        headers = headers_for(url_path, self.settings.rules) | self.settings.extra_headers
        headers["Cache-Control"] = "no-store"
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            if name.lower() not in self.settings.drop_headers:
                self.send_header(name, value)
        self.end_headers()
        if not head:
            self._write(body)

    def _encoding(self, target: Path, content_type: str) -> tuple[Path, str | None, bytes | None, bool]:
        """The file to send for ``target`` and its encoding (a precompressed sibling, or gzip on the fly), the body
        when it was compressed on the fly, and whether the answer varies with Accept-Encoding."""
        accepted = self.headers.get("Accept-Encoding", "")
        mode = self.settings.compression
        body_path, encoding, body = target, None, None
        for suffix, name in ((".br", "br"), (".gz", "gzip")):
            compressed = target.with_name(target.name + suffix)
            if mode == "precompressed" and name in accepted and compressed.is_file():
                body_path, encoding = compressed, name
                break
        compressible = content_type.split(";", maxsplit=1)[0] in COMPRESSED_ON_THE_FLY_TYPES
        if encoding is None and mode != "none" and compressible and "gzip" in accepted:
            encoding, body = "gzip", self.settings.on_the_fly(target)
        vary = compressible if mode != "none" else False
        if mode == "precompressed":
            vary = vary or any(target.with_name(target.name + s).is_file() for s in (".br", ".gz"))
        return body_path, encoding, body, vary

    def _write(self, body: bytes) -> None:
        if self.settings.throttle is None:
            self.wfile.write(body)
        else:
            self.settings.throttle.send(self.wfile.write, body)


class Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True


def make_server(
    root: Path,
    port: int = 0,
    *,
    rate_mbit: float | None = None,
    latency_ms: float = 0.0,
    log: bool = False,
    extra_headers: dict[str, str] | None = None,
    drop_headers: set[str] | None = None,
    compression: str = "precompressed",
    reload: Reload | None = None,
) -> tuple[Server, Settings]:
    if compression not in COMPRESSION_MODES:
        raise ValueError(f"compression must be one of {COMPRESSION_MODES}, not {compression!r}")
    headers_file = root / "_headers"
    settings = Settings(
        root=root,
        throttle=Throttle(rate_mbit * 1_000_000 / 8) if rate_mbit else None,
        latency_seconds=latency_ms / 1000,
        log=log,
        rules=parse_headers_file(headers_file.read_text()) if headers_file.is_file() else [],
        extra_headers=extra_headers or {},
        drop_headers={name.lower() for name in drop_headers or set()},
        compression=compression,
        reload=reload,
    )
    handler = type("BoundHandler", (Handler,), {"settings": settings})
    return Server(("127.0.0.1", port), handler), settings


def serve_in_thread(root: Path, **options: object) -> tuple[Server, str]:
    """Start a server on a free port in a background thread; returns it and its base URL (for tests)."""
    server, _ = make_server(root, 0, **options)  # type: ignore[arg-type]
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--root", type=Path, default=ROOT / "site")
    parser.add_argument("--rate-mbit", type=float, default=None, help="limit each response to this many Mbit/s")
    parser.add_argument("--latency-ms", type=float, default=0.0, help="add this delay before each response")
    parser.add_argument("--compression", choices=COMPRESSION_MODES, default="precompressed")
    parser.add_argument("--watch", action="store_true", help="rebuild on changes and reload the open pages")
    parser.add_argument("--project", type=Path, default=ROOT, help="with --watch: the project whose sources to watch")
    arguments = parser.parse_args(argv)
    if not (arguments.root / "index.html").is_file():
        print(f"{arguments.root} holds no built site: run ./dev build first", file=sys.stderr)
        return 1
    server, settings = make_server(
        arguments.root,
        arguments.port,
        rate_mbit=arguments.rate_mbit,
        latency_ms=arguments.latency_ms,
        log=True,
        compression=arguments.compression,
        reload=Reload() if arguments.watch else None,
    )
    watcher = watch_and_reload(arguments.project, settings) if arguments.watch else None
    print(f"Serving {arguments.root} on http://127.0.0.1:{arguments.port}/ (Ctrl+C to stop)", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        if watcher is not None:
            watcher.stop()
        server.server_close()
    return 0


def watch_and_reload(project: Path, settings: Settings, interval: float = 0.5, quiet: float = 0.4) -> watch.Watcher:
    """Start watching ``project`` (its site is the one served): each rebuild reloads the open pages."""
    reload = settings.reload
    assert reload is not None

    def rebuilt() -> None:
        settings.read_rules()
        reload.rebuilt()

    watcher = watch.Watcher(project, settings.root, on_rebuilt=rebuilt, interval=interval, quiet=quiet)
    watch.start(watcher)
    return watcher


if __name__ == "__main__":
    sys.exit(main())
