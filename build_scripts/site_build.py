"""One site build: the rules data and the day the figures are taken for, the provider (its file, read by
``build_scripts/aanbieder.py``), and what the pages cited so far. The Markdown extension makes one :class:`Build` per
build (build_scripts/markdown_extension.py); the marker handlers read and fill it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from build_scripts import aanbieder
from build_scripts import siteteksten as t
from build_scripts.errors import BuildError
from calculator.clock import brussels_today
from calculator.dated import Begin, DatedValue, Parameter, Source
from calculator.formatting import MONTHS, long_date
from calculator.parameters import RulesData, load, load_from


def one(arguments: list[str], marker: str) -> str:
    """A marker's one argument."""
    if len(arguments) != 1:
        raise BuildError(f"kmo:{marker} takes exactly one argument, got {arguments}")
    return arguments[0]


def none(arguments: list[str], marker: str) -> None:
    """A marker that takes no arguments."""
    if arguments:
        raise BuildError(f"kmo:{marker} takes no arguments")


def build_day() -> date:
    """The day a build takes its figures for: ``KMO_BUILD_DATE``, else today in Brussels. ``./dev test`` fixes it
    once, before it builds, so the tests compare the site with the day it was built for, also across midnight."""
    chosen = os.environ.get("KMO_BUILD_DATE")
    return date.fromisoformat(chosen) if chosen else brussels_today()


@dataclass
class Build:
    rules: RulesData
    day: date  # the build date: figures are those in force that day
    provider: aanbieder.Aanbieder  # aanbieder.toml, or the file KMO_AANBIEDER names
    cited: set[str] = field(default_factory=set)  # keys of bronnen.toml some page cites
    notes: dict[str, str] = field(default_factory=dict)  # the page's cited sources: key -> when the rules apply
    _sources: dict[str, Source] = field(default_factory=dict)  # the sources cited so far, by key
    glossary: list[tuple[str, str]] = field(default_factory=list)  # (term, explanation), figures filled in

    @classmethod
    def from_environment(cls) -> Build:
        """``KMO_BUILD_DATE`` (default: today in Brussels), ``KMO_RULES_DATA_DIR`` (default: the package's data) and
        ``KMO_AANBIEDER`` (default: aanbieder.toml)."""
        folder = os.environ.get("KMO_RULES_DATA_DIR")
        rules = load_from(Path(folder)) if folder else load()
        build = cls(rules, build_day(), aanbieder.load(rules.classificatie))
        if build.day < build.rules.modelled_from:
            raise BuildError(f"KMO_BUILD_DATE {build.day} is before the first modelled rule set")
        return build

    # --- figures ------------------------------------------------------------------------------------------------

    def parameter(self, name: str) -> Parameter:
        try:
            return self.rules[name]
        except KeyError:
            raise BuildError(f"unknown figure '{name}' (see calculator/data/parameters.toml)") from None

    def source(self, key: str, marker: str) -> Source:
        try:
            return self.rules.sources[key]
        except KeyError:
            raise BuildError(f"kmo:{marker}: unknown source '{key}' (see calculator/data/bronnen.toml)") from None

    def next_change(self) -> date | None:
        """The first day after the build day on which the rules change (a figure gets a new value), or None when the
        data holds no later change: from that day on, the pages built today show the rules before it."""
        return next((day for day in self.rules.change_dates() if day > self.day), None)

    def show(self, parameter: Parameter, day: date) -> str:
        """A figure in force on ``day`` as the pages write it (the feed writes it the same way)."""
        return t.shown(parameter, parameter.at(day))

    # --- notes --------------------------------------------------------------------------------------------------

    def start_words(self, value: DatedValue) -> str:
        """When a value applies, as a note says it; empty when its date is only the start of the modelled period."""
        if value.begin is Begin.MODELSTART:
            return ""
        if value.begin is Begin.TEN_LAATSTE:
            return t.NOTE_TEN_LAATSTE.format(datum=long_date(value.start))
        if value.start < self.rules.modelled_from:
            return t.NOTE_SINDS.format(datum=long_date(value.start))
        return t.NOTE_VANAF.format(datum=long_date(value.start))

    def note(self, source: Source, when: str = "") -> str:
        """Cite a source on the page being rendered: it is listed once in the page's closing sources section, with
        what it confirms and, optionally, when the rule applies. Nothing is written in the text itself (sources
        stay out of the reading path), so this returns an empty string where a marker stood."""
        self.cited.add(source.key or source.href)
        known = self.notes.get(source.key or source.href, "")
        if when and when not in known.split("\n"):
            known = f"{known}\n{when}".strip()
        self.notes[source.key or source.href] = known
        self._sources[source.key or source.href] = source
        return ""

    def value_note(self, value: DatedValue) -> str:
        """Cite the source of a dated value, and from when it applies."""
        return self.note(value.bron, self.start_words(value))

    def notes_section(self, markdown: str) -> str:
        """The page with its sources at the end: one short list under the heading "Bronnen", a link per source with
        what it confirms. A page that writes that heading itself (for a doubt in plain words) gets the list right
        under it; any other page gets the heading and the list at its end. No source cited: the page as it is."""
        if not self.notes:
            return markdown
        lines = "\n".join(f"- {self._source_line(key, when)}" for key, when in self.notes.items())
        block = f'<div class="kmo-bronnen" markdown>\n\n{lines}\n\n</div>'
        heading = t.BRONNEN_KOP
        if heading in markdown:
            before, after = markdown.split(heading, 1)
            return f"{before}{heading}\n\n{block}\n{after}"
        return f"{markdown.rstrip()}\n\n{heading}\n\n{block}\n"

    def _source_line(self, key: str, when: str) -> str:
        source = self._sources[key]
        link = f"[{source.title}]({source.href})"
        confirms = t.BEVESTIGT.get(source.key, "")
        text = f"{link}: {confirms}." if confirms else f"{link}."
        return " ".join([text, *_joined_starts(when.split("\n") if when else [])])


def _long_date_key(text: str) -> tuple[int, int, int]:
    """A long Dutch date ("1 december 2019") as (year, month, day), to list dates in order."""
    day, month, year = text.split(" ")
    return int(year), MONTHS.index(month), int(day)


def _joined_starts(phrases: list[str]) -> list[str]:
    """The start phrases of one source's values, those of the form "Voor aanvragen vanaf {datum}." as one sentence
    ("Voor aanvragen vanaf 1 december 2019 en 1 januari 2020.")."""
    prefix, suffix = t.NOTE_VANAF.split("{datum}")
    dates = sorted(
        (p.removeprefix(prefix).removesuffix(suffix) for p in phrases if p.startswith(prefix)), key=_long_date_key
    )
    others = [p for p in phrases if not p.startswith(prefix)]
    if not dates:
        return others
    listed = dates[0] if len(dates) == 1 else f"{', '.join(dates[:-1])} {t.EN} {dates[-1]}"
    return [f"{prefix}{listed}{suffix}", *others]
