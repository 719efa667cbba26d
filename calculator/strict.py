"""Strict reading of the TOML data files: the checks every loader shares, and the sources of ``data/bronnen.toml``.

Every check raises :class:`~calculator.dated.RulesDataError` naming the file, the place in it and what is allowed;
nothing is guessed or filled with a default.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from datetime import date, datetime
from typing import Final

from calculator.dated import RulesDataError, Source

SOURCES_FILE: Final = "bronnen.toml"
_HREF: Final = re.compile(r"https://[^\s\"<>]+")


def fail(where: str, message: str) -> RulesDataError:
    return RulesDataError(f"{where}: {message}")


def read_toml(text: str, file: str) -> dict[str, object]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise RulesDataError(f"{file}: {error}") from error


def text(table: Mapping[str, object], key: str, where: str) -> str:
    value = table.get(key)
    if not isinstance(value, str) or not value.strip():
        raise fail(where, f"'{key}' must be a non-empty string")
    return value


def yes_no(table: Mapping[str, object], key: str, where: str) -> bool:
    value = table.get(key)
    if not isinstance(value, bool):
        raise fail(where, f"'{key}' must be true or false")
    return value


def toml_date(value: object, where: str, what: str) -> date:
    """A TOML date (``2016-04-01``): not a string, not a date with a time."""
    if not isinstance(value, date) or isinstance(value, datetime):
        raise fail(where, f"{what} must be a TOML date such as 2016-04-01 (no time, no quotes)")
    return value


def only_keys(table: Mapping[str, object], allowed: frozenset[str], where: str) -> None:
    unknown = sorted(set(table) - allowed)
    if unknown:
        raise fail(where, f"unknown key(s) {', '.join(unknown)}; allowed: {', '.join(sorted(allowed))}")


class SourceTable:
    """The sources of bronnen.toml, looked up by key; remembers which keys were cited."""

    def __init__(self, sources: Mapping[str, Source]) -> None:
        self.sources = sources
        self.cited: set[str] = set()

    def cite(self, table: Mapping[str, object], where: str) -> Source:
        """The source a table cites with ``bron`` (and optionally ``onderdeel``, the article or section)."""
        key = text(table, "bron", where)
        if key not in self.sources:
            raise fail(where, f"unknown source 'bron = {key!r}'; known: {', '.join(sorted(self.sources))}")
        self.cited.add(key)
        source = self.sources[key]
        if "onderdeel" in table:
            return Source(f"{source.title}, {text(table, 'onderdeel', where)}", source.href, key)
        return source

    def uncited(self) -> list[str]:
        """The sources nothing cites, except those kept for the site's pages only."""
        return sorted(key for key, source in self.sources.items() if key not in self.cited and not source.pages_only)


def parse_sources(document_text: str) -> dict[str, Source]:
    """The sources as written in bronnen.toml: per key a ``titel`` and an https ``link``; optionally ``onderdeel`` (the part
    cited), ``enkel_paginas`` (cited by the pages only) and ``derde_partij`` (not an official text)."""
    sources: dict[str, Source] = {}
    for key, entry in read_toml(document_text, SOURCES_FILE).items():
        where = f"{SOURCES_FILE}: {key}"
        if not isinstance(entry, dict):
            raise fail(where, "each source is a table with titel and link")
        only_keys(entry, frozenset({"titel", "link", "onderdeel", "enkel_paginas", "derde_partij"}), where)
        title = text(entry, "titel", where)
        href = text(entry, "link", where)
        if not _HREF.fullmatch(href):
            raise fail(where, f"'link' must be an https:// link, got {href!r}")
        if "onderdeel" in entry:  # the part the pages cite as a whole (an article, a section)
            title = f"{title}, {text(entry, 'onderdeel', where)}"
        pages_only = yes_no(entry, "enkel_paginas", where) if "enkel_paginas" in entry else False
        third_party = yes_no(entry, "derde_partij", where) if "derde_partij" in entry else False
        sources[key] = Source(title, href, key, pages_only, third_party)
    if not sources:
        raise RulesDataError(f"{SOURCES_FILE}: no sources")
    return sources
