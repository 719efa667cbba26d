"""The dated-value model of the rules data: a figure (:class:`Parameter`) is a history of dated values, each with
its source (after OpenFisca's parameters). It never fills a gap with a default: asking a figure for a day before its
first value raises :class:`OutsidePeriod`.

The strict loader that builds these from ``data/parameters.toml`` is :mod:`calculator.parameters`.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date
from decimal import Decimal


class RulesDataError(ValueError):
    """The rules data is malformed. Raised at load time, never while answering a request."""


class OutsidePeriod(LookupError):
    """A figure was asked for a day before its first value."""


class Eenheid(enum.StrEnum):
    PERCENT = "percent"
    EURO = "euro"
    VTE = "vte"
    KALENDERDAGEN = "kalenderdagen"
    KALENDERJAREN = "kalenderjaren"
    JA_NEE = "ja_nee"


class Comparator(enum.StrEnum):
    """How a value is compared with a threshold: ``value <comparator> threshold`` means "within"."""

    LESS = "<"
    LESS_OR_EQUAL = "<="
    GREATER_OR_EQUAL = ">="

    def holds(self, value: Decimal, threshold: Decimal) -> bool:
        if self is Comparator.LESS:
            return value < threshold
        if self is Comparator.LESS_OR_EQUAL:
            return value <= threshold
        return value >= threshold


@dataclass(frozen=True)
class Source:
    """A public page that states a rule; ``title`` includes the article or section when the data names one."""

    title: str
    href: str
    key: str = ""
    pages_only: bool = False  # cited by the site's pages, not by a figure (bronnen.toml: enkel_paginas = true)
    derde_partij: bool = False  # not an official text: a third party states the rule (bronnen.toml: derde_partij)


class Begin(enum.StrEnum):
    """What a value's ``vanaf`` date (its ``start``) is.

    - ``bekend`` (default): the day the value started to apply, as its source states.
    - ``ten_laatste``: the value applied on that day at the latest; the source confirms it from then, but no public
      source states when it started. The pages say "ten laatste sinds"; it is not a change of the rule set.
    - ``modelstart``: the value is older than the first rule set the calculator models; ``vanaf`` is only that
      modelling start, and the pages show no date for it.
    """

    BEKEND = "bekend"
    TEN_LAATSTE = "ten_laatste"
    MODELSTART = "modelstart"


@dataclass(frozen=True)
class DatedValue:
    start: date
    value: Decimal | bool
    bron: Source
    citaat: str | None = None
    begin: Begin = Begin.BEKEND


@dataclass(frozen=True)
class Parameter:
    name: str
    label: str
    eenheid: Eenheid
    vergelijking: Comparator | None
    bindend: bool
    values: tuple[DatedValue, ...]

    @property
    def first_date(self) -> date:
        return self.values[0].start

    def applies_on(self, day: date) -> bool:
        """True when the figure has a value on ``day`` (it has none before its first date)."""
        return day >= self.first_date

    def at(self, day: date) -> DatedValue:
        """The value in force on ``day``: the last one whose start is on or before that day."""
        if not self.applies_on(day):
            raise OutsidePeriod(f"{self.name} has no value before {self.first_date.isoformat()} (asked: {day})")
        current = self.values[0]
        for candidate in self.values[1:]:
            if candidate.start > day:
                break
            current = candidate
        return current

    def amount(self, day: date) -> Decimal:
        value = self.at(day).value
        if isinstance(value, bool):
            raise TypeError(f"{self.name} is a yes/no figure, not an amount")
        return value

    def flag(self, day: date) -> bool:
        value = self.at(day).value
        if not isinstance(value, bool):
            raise TypeError(f"{self.name} is an amount, not a yes/no figure")
        return value

    def within(self, value: Decimal, day: date) -> bool:
        """Compare ``value`` with this threshold on ``day``, using the comparison the data declares."""
        if self.vergelijking is None:
            raise TypeError(f"{self.name} is not a threshold: it declares no comparator")
        return self.vergelijking.holds(value, self.amount(day))
