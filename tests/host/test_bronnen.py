"""The watch on the sources (``./dev bronnen``, build_scripts/bronnen.py), run as a process against a server on
loopback that stands in for every source's host (``--via``): pages that keep their quote (split by tags, line breaks,
entities and no-break spaces), change it, lose it, or do not answer. Nothing here reaches the internet."""

from __future__ import annotations

import http.server
import socket
import subprocess
import sys
import threading
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import pytest

from build_scripts.bronnen import Watched, normalised, watched_sources
from calculator.parameters import load

RULES = load()
SOURCES = {source.key: source for source in watched_sources(RULES)}
CHANGED = "vlaio_hervorming_2026"  # a word of its quote changed
LOST = "vlaanderen_kosten"  # its page no longer holds the quote
GONE = "vlaio_beoordeling_dienstverleners"  # its page answers 404
KEPT = [key for key in SOURCES if key not in {CHANGED, LOST, GONE}]


def local_path(link: str) -> str:
    parts = urllib.parse.urlsplit(link)
    return "/" + parts.netloc + parts.path + (f"?{parts.query}" if parts.query else "")


def noisy(quote: str) -> str:
    """The quote as a page may write it: its first word in bold, a line break, a no-break space and an entity."""
    first, _, rest = quote.partition(" ")
    rest = rest.replace(" ", "\n    ", 1).replace(" ", "&nbsp;", 1).replace("’", "&rsquo;")
    return f"<strong>{first}</strong> {rest}"


def page(source: Watched, how: str) -> str:
    quotes = list(source.quotes)
    if how == "changed":
        quotes = [quote.replace(" enkel nog ", " ook nog ") for quote in quotes]
    elif how == "lost":
        quotes = ["Deze pagina is herschreven."]
    body = "".join(f"<p>Inleiding.</p><p>{noisy(quote)}</p><script>var x = 1;</script>" for quote in quotes)
    return f"<!doctype html><html lang='nl'><head><title>{source.key}</title></head><body>{body}</body></html>"


def serve(pages: dict[str, tuple[int, str]]) -> tuple[http.server.ThreadingHTTPServer, str]:
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            status, body = pages.get(self.path, (404, "<p>niet gevonden</p>"))
            data = body.encode("utf-8")
            self.send_response(status)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, format: str, *args: object) -> None:  # quiet
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


@pytest.fixture
def local_sources() -> Iterator[str]:
    pages = {local_path(SOURCES[key].link): (200, page(SOURCES[key], "kept")) for key in KEPT}
    pages[local_path(SOURCES[CHANGED].link)] = (200, page(SOURCES[CHANGED], "changed"))
    pages[local_path(SOURCES[LOST].link)] = (200, page(SOURCES[LOST], "lost"))
    server, url = serve(pages)
    yield url
    server.shutdown()
    server.server_close()


@pytest.fixture
def all_kept() -> Iterator[str]:
    server, url = serve({local_path(source.link): (200, page(source, "kept")) for source in SOURCES.values()})
    yield url
    server.shutdown()
    server.server_close()


def watch(via: str, root: Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "build_scripts.bronnen", "--via", via, "--timeout", "10"]
    return subprocess.run(command, cwd=root, capture_output=True, text=True, check=False)


def lines_of(report: str, key: str) -> list[str]:
    """The report's lines about one source: its own line and the indented lines under it."""
    lines = report.splitlines()
    start = next(index for index, line in enumerate(lines) if f" {key}: " in line)
    end = next((i for i in range(start + 1, len(lines)) if not lines[i].startswith(" ")), len(lines))
    return lines[start:end]


def test_the_watch_covers_every_quoted_source() -> None:
    quoted = {value.bron.key for parameter in RULES for value in parameter.values if value.citaat}
    assert set(SOURCES) == quoted
    assert {CHANGED, LOST, GONE} <= set(SOURCES)
    assert len(KEPT) >= 3


def test_normalising_ignores_tags_entities_and_whitespace() -> None:
    quote = "Kleine ondernemingen krijgen 45% steun voor ‘cybersecurity’."
    written = "<p><strong>Kleine</strong>\n ondernemingen krijgen 45&nbsp;% steun <!-- x -->voor &lsquo;cybersecurity&rsquo;.</p>"
    assert normalised(quote) in normalised(written)
    assert normalised("Kleine ondernemingen krijgen 35% steun") not in normalised(written)
    assert normalised("var x") not in normalised("<p>a</p><script>var x = 1;</script>")


def test_kept_changed_lost_and_gone_quotes_are_reported(local_sources: str, root: Path) -> None:
    result = watch(local_sources, root)
    assert result.returncode == 1, result.stdout + result.stderr
    report = result.stdout
    checked_on = RULES.checked_on.isoformat()
    for key in KEPT:
        own = lines_of(report, key)
        assert own[0].startswith("OK "), own
        assert f"last checked by hand on {checked_on}" in own[1]
        assert len(own) == 2, own
    changed = lines_of(report, CHANGED)
    assert changed[0].startswith("CHANGED "), changed
    assert repr(next(iter(SOURCES[CHANGED].quotes))) in changed[2]
    assert "diensten.advies_ander_onderwerp.subsidieerbaar (2026-02-01)" in changed[3]
    lost = lines_of(report, LOST)
    assert lost[0].startswith("CHANGED "), lost
    assert repr(next(iter(SOURCES[LOST].quotes))) in lost[2], lost
    gone = lines_of(report, GONE)
    assert gone[0].startswith("NO ANSWER "), gone
    assert "the page does not answer: HTTP 404" in gone[2]
    assert report.splitlines()[-2].endswith(": 3 to look at")


def test_every_quote_kept_passes(all_kept: str, root: Path) -> None:
    result = watch(all_kept, root)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.rstrip().endswith("every quote is still on its page")
    assert result.stdout.count("\nOK ") + result.stdout.startswith("OK ") == len(SOURCES)


def test_a_host_that_does_not_answer_is_reported(root: Path) -> None:
    with socket.socket() as probe:  # a port nothing listens on: the connection is refused
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    result = watch(f"http://127.0.0.1:{port}/", root)
    assert result.returncode == 1
    for key in SOURCES:
        own = lines_of(result.stdout, key)
        assert own[0].startswith("NO ANSWER "), own
        assert "the page does not answer: no answer" in own[2]
