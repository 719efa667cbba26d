"""The watch on the sources (``./dev bronnen``): fetch each source of ``calculator/data/bronnen.toml`` that a value
quotes (``citaat`` in parameters.toml) and report every quote no longer on its page, every page that does not
answer, and each source's last check (the data's ``gecontroleerd_op``: the day a person last compared the figures
with their sources).

    python -m build_scripts.bronnen [--via http://127.0.0.1:8123/] [--timeout 30]

A quote is found when the page's text holds it, both compared after normalising HTML (tags, entities) and
whitespace. Exit status 0 when every quote is found, 1 otherwise (the report says what to look at). It reads the
data and never changes it: a person decides what a changed page means for the figures.

``--via`` sends every request to another address instead, with the source's host and path after it
(``https://www.vlaio.be/nl/x`` -> ``<via>www.vlaio.be/nl/x``): the tests serve their pages that way on loopback.
"""

from __future__ import annotations

import argparse
import html
import re
import sys
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from email.message import Message

from calculator.parameters import RulesData, load

USER_AGENT = "kmo-portefeuille-bronnen/1 (checks that the quoted rules are still on their page)"
_SKIPPED = re.compile(r"<(script|style|noscript|template)\b.*?</\1\s*>|<!--.*?-->", re.DOTALL | re.IGNORECASE)
_TAG = re.compile(r"<[^>]*>")
_WHITESPACE = re.compile(r"\s+")


@dataclass
class Watched:
    """One source with the quotes the data takes from it."""

    key: str
    link: str
    quotes: dict[str, list[str]] = field(default_factory=dict)  # quote -> the figures (name, start) that cite it


@dataclass
class Finding:
    source: Watched
    error: str | None = None  # why the page did not answer
    missing: list[str] = field(default_factory=list)  # quotes no longer on the page

    @property
    def ok(self) -> bool:
        return self.error is None and not self.missing


def watched_sources(rules: RulesData) -> list[Watched]:
    """Every source a value quotes, with its quotes, in the order of bronnen.toml."""
    found: dict[str, Watched] = {}
    for parameter in rules:
        for value in parameter.values:
            if value.citaat is None:
                continue
            source = rules.sources[value.bron.key]
            watched = found.setdefault(source.key, Watched(source.key, source.href))
            watched.quotes.setdefault(value.citaat, []).append(f"{parameter.name} ({value.start.isoformat()})")
    return [found[key] for key in rules.sources if key in found]


def normalised(text: str) -> str:
    """Text as compared: without tags, scripts and comments, entities resolved, and without whitespace at all (so
    that a quote split by a tag, a line break or a no-break space is still found)."""
    text = _TAG.sub(" ", _SKIPPED.sub(" ", text))
    return _WHITESPACE.sub("", html.unescape(text))


def address(link: str, via: str | None) -> str:
    if via is None:
        return link
    parts = urllib.parse.urlsplit(link)
    return via.rstrip("/") + "/" + parts.netloc + parts.path + (f"?{parts.query}" if parts.query else "")


def fetch(url: str, timeout: float) -> str:
    """The page's text; raises OSError (urllib's errors are OSErrors) when it does not answer with 200."""
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "text/html"})
    with urllib.request.urlopen(request, timeout=timeout) as response:
        headers: Message = response.headers
        body: bytes = response.read()
    return body.decode(headers.get_content_charset() or "utf-8", errors="replace")


def check(sources: Iterable[Watched], get: Callable[[str], str], via: str | None = None) -> list[Finding]:
    """Each source's finding; a link several sources share is fetched once."""
    pages: dict[str, str | OSError] = {}
    findings = []
    for source in sources:
        if source.link not in pages:
            try:
                pages[source.link] = normalised(get(address(source.link, via)))
            except OSError as error:
                pages[source.link] = error
        page = pages[source.link]
        if isinstance(page, OSError):
            findings.append(Finding(source, error=describe(page)))
        else:
            findings.append(
                Finding(source, missing=[quote for quote in source.quotes if normalised(quote) not in page])
            )
    return findings


def describe(error: OSError) -> str:
    if isinstance(error, urllib.error.HTTPError):
        return f"HTTP {error.code} {error.reason}"
    if isinstance(error, urllib.error.URLError):
        return f"no answer ({error.reason})"
    return f"no answer ({error})"


def report(findings: list[Finding], checked_on: date) -> str:
    lines = []
    for finding in findings:
        source = finding.source
        state = "OK" if finding.ok else ("NO ANSWER" if finding.error else "CHANGED")
        count = len(source.quotes)
        lines.append(f"{state:9} {source.key}: {count} quote{'s' if count != 1 else ''}, {source.link}")
        lines.append(f"          last checked by hand on {checked_on.isoformat()} (gecontroleerd_op)")
        if finding.error:
            lines.append(f"          the page does not answer: {finding.error}")
        for quote in finding.missing:
            lines.append(f"          quote no longer on the page: {quote!r}")
            lines.append(f"            cited by {', '.join(source.quotes[quote])}")
    problems = [finding for finding in findings if not finding.ok]
    lines.append(
        f"{len(findings)} sources, {sum(len(f.source.quotes) for f in findings)} quotes: "
        + (f"{len(problems)} to look at" if problems else "every quote is still on its page")
    )
    if problems:
        lines.append("Compare each page with calculator/data/parameters.toml; this check changed nothing.")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--via", help="send every request to this address, followed by the source's host and path")
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds to wait for each page (default 30)")
    arguments = parser.parse_args(argv)
    rules = load()
    findings = check(watched_sources(rules), lambda url: fetch(url, arguments.timeout), arguments.via)
    print(report(findings, rules.checked_on))
    return 0 if all(finding.ok for finding in findings) else 1


if __name__ == "__main__":
    sys.exit(main())
