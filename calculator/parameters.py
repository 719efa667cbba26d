"""Strict loader for the dated rules data (``data/parameters.toml`` and ``data/classificatie.toml``).

Every figure is a history of dated values, each with its source (after OpenFisca's parameters). The loader
refuses anything it does not understand: unknown keys, a value without a source, floats (binary fractions are not
money), dates that are not TOML dates, dates out of order. It never fills a gap with a default: asking a figure
for a day before its first value raises :class:`OutsidePeriod`.
"""

from __future__ import annotations

import enum
import functools
import re
import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import Final

PARAMETERS_FILE: Final = "parameters.toml"
CLASSIFICATION_FILE: Final = "classificatie.toml"
SOURCES_FILE: Final = "bronnen.toml"


class RulesDataError(ValueError):
    """The rules data is malformed. Raised at load time, never while answering a request."""


class OutsidePeriod(LookupError):
    """A figure was asked for a day before its first value."""


class Unit(enum.StrEnum):
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


class Begin(enum.StrEnum):
    """What a value's ``from`` date is.

    - ``bekend`` (default): the day the value started to apply, as its source states.
    - ``ten_laatste``: the value applied on that day at the latest; the source confirms it from then, but no public
      source states when it started. The pages say "ten laatste sinds"; it is not a change of the rule set.
    - ``modelstart``: the value is older than the first rule set the calculator models; ``from`` is only that
      modelling start, and the pages show no date for it.
    """

    BEKEND = "bekend"
    TEN_LAATSTE = "ten_laatste"
    MODELSTART = "modelstart"


@dataclass(frozen=True)
class DatedValue:
    start: date
    value: Decimal | bool
    source: Source
    quote: str | None = None
    begin: Begin = Begin.BEKEND


@dataclass(frozen=True)
class Parameter:
    name: str
    label: str
    unit: Unit
    comparator: Comparator | None
    binding: bool
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
        if self.comparator is None:
            raise TypeError(f"{self.name} is not a threshold: it declares no comparator")
        return self.comparator.holds(value, self.amount(day))


@dataclass(frozen=True)
class LegalForm:
    key: str
    label: str
    aanvaard: bool


@dataclass(frozen=True)
class Region:
    key: str
    label: str
    aanvaard: bool


class Dienst(enum.StrEnum):
    ADVIES = "advies"
    OPLEIDING = "opleiding"
    GEEN = "geen"


class Onderwerp(enum.StrEnum):
    CYBERSECURITY = "cybersecurity"
    DIGITALISERING = "digitalisering"
    ENERGIE_EFFICIENTIE = "energie_efficientie"  # has a rate of its own (for training); no service kind offers it


@dataclass(frozen=True)
class ServiceKind:
    key: str
    label: str
    dienst: Dienst
    onderwerp: Onderwerp
    only_as_advice: bool = False  # eligible only when delivered as advice (an assessment with written advice)


@dataclass(frozen=True)
class Classification:
    legal_forms: Mapping[str, LegalForm]
    legal_forms_source: Source
    regions: Mapping[str, Region]
    regions_source: Source
    service_kinds: Mapping[str, ServiceKind]
    service_kinds_source: Source
    themes: tuple[str, ...] = ()  # the future-oriented themes (since the 2023 reform; see diensten.themas_beperkt)
    themes_source: Source | None = None


@dataclass(frozen=True)
class RulesData:
    modelled_from: date
    parameters: Mapping[str, Parameter]
    classification: Classification
    sources: Mapping[str, Source]
    checked_on: date  # the day the data was last checked against its sources (the pages show it)

    def __getitem__(self, name: str) -> Parameter:
        return self.parameters[name]

    def __iter__(self) -> Iterator[Parameter]:
        return iter(self.parameters.values())

    def change_dates(self) -> tuple[date, ...]:
        """Every day on which the rule set changed, from the first modelled rule set on. A "ten laatste" date is
        not one: the change happened on or before it, on a day no source states."""
        days = {v.start for p in self for v in p.values if v.start >= self.modelled_from and v.begin is Begin.BEKEND}
        days.add(self.modelled_from)
        return tuple(sorted(days))

    def rules_in_force_since(self, day: date) -> date:
        """The start of the rule set in force on ``day``: the last change on or before it."""
        if day < self.modelled_from:
            raise OutsidePeriod(f"no rule set is modelled before {self.modelled_from.isoformat()}")
        return max(d for d in self.change_dates() if d <= day)


# --- loading ---------------------------------------------------------------------------------------------------

_PARAMETER_KEYS: Final = frozenset({"label", "unit", "comparator", "binding", "values"})
_VALUE_KEYS: Final = frozenset({"from", "value", "bron"})
_VALUE_OPTIONAL_KEYS: Final = frozenset({"onderdeel", "citaat", "begin"})
_DECIMAL_TEXT: Final = re.compile(r"\d+(\.\d+)?")
_HREF: Final = re.compile(r"https://[^\s\"<>]+")


def _fail(where: str, message: str) -> RulesDataError:
    return RulesDataError(f"{where}: {message}")


def _text(table: Mapping[str, object], key: str, where: str) -> str:
    value = table.get(key)
    if not isinstance(value, str) or not value.strip():
        raise _fail(where, f"'{key}' must be a non-empty string")
    return value


def _source(table: Mapping[str, object], where: str, key: str = "") -> Source:
    """A source as written in bronnen.toml: a title and an https link."""
    title = _text(table, "title", where)
    href = _text(table, "href", where)
    if not _HREF.fullmatch(href):
        raise _fail(where, f"'href' must be an https:// link, got {href!r}")
    return Source(title=title, href=href, key=key)


class _SourceTable:
    """The sources of bronnen.toml, looked up by key; remembers which keys were cited."""

    def __init__(self, sources: Mapping[str, Source]) -> None:
        self.sources = sources
        self.cited: set[str] = set()

    def cite(self, table: Mapping[str, object], where: str) -> Source:
        key = _text(table, "bron", where)
        if key not in self.sources:
            raise _fail(where, f"unknown source 'bron = {key!r}'; known: {', '.join(sorted(self.sources))}")
        self.cited.add(key)
        source = self.sources[key]
        if "onderdeel" in table:
            return Source(f"{source.title}, {_text(table, 'onderdeel', where)}", source.href, key)
        return source


def parse_sources(text: str) -> dict[str, Source]:
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise RulesDataError(f"{SOURCES_FILE}: {error}") from error
    sources: dict[str, Source] = {}
    for key, entry in document.items():
        where = f"{SOURCES_FILE}: {key}"
        if not isinstance(entry, dict):
            raise _fail(where, "each source is a table with title and href")
        _only_keys(entry, frozenset({"title", "href", "onderdeel", "enkel_paginas"}), where)
        source = _source(entry, where, key)
        if "onderdeel" in entry:
            source = Source(f"{source.title}, {_text(entry, 'onderdeel', where)}", source.href, key)
        if "enkel_paginas" in entry:
            source = Source(source.title, source.href, key, _yes_no(entry, "enkel_paginas", where))
        sources[key] = source
    if not sources:
        raise RulesDataError(f"{SOURCES_FILE}: no sources")
    return sources


def _only_keys(table: Mapping[str, object], allowed: frozenset[str], where: str) -> None:
    unknown = sorted(set(table) - allowed)
    if unknown:
        raise _fail(where, f"unknown key(s) {', '.join(unknown)}; allowed: {', '.join(sorted(allowed))}")


def _value(raw: object, unit: Unit, where: str) -> Decimal | bool:
    if unit is Unit.JA_NEE:
        if not isinstance(raw, bool):
            raise _fail(where, "a ja_nee figure takes true or false")
        return raw
    if isinstance(raw, bool):
        raise _fail(where, f"a {unit} figure takes a number, not true/false")
    if isinstance(raw, int) or (isinstance(raw, str) and _DECIMAL_TEXT.fullmatch(raw)):
        amount = Decimal(raw)
    elif isinstance(raw, float):
        raise _fail(where, 'floats are refused: write an integer or a decimal string such as "12.5"')
    else:
        raise _fail(where, f"cannot read {raw!r} as a {unit} figure")
    if amount < 0 or (unit is Unit.PERCENT and amount > 100):
        raise _fail(where, f"{amount} is out of range for a {unit} figure")
    return amount


def _parameter(name: str, table: Mapping[str, object], sources: _SourceTable) -> Parameter:
    _only_keys(table, _PARAMETER_KEYS, name)
    label = _text(table, "label", name)
    try:
        unit = Unit(_text(table, "unit", name))
    except ValueError as error:
        raise _fail(name, f"unknown unit {table['unit']!r}; allowed: {', '.join(Unit)}") from error
    comparator: Comparator | None = None
    if "comparator" in table:
        try:
            comparator = Comparator(_text(table, "comparator", name))
        except ValueError as error:
            raise _fail(name, f"unknown comparator {table['comparator']!r}") from error
        if unit is Unit.JA_NEE:
            raise _fail(name, "a ja_nee figure cannot be a threshold")
    binding = table.get("binding", True)
    if not isinstance(binding, bool):
        raise _fail(name, "'binding' must be true or false")
    raw_values = table.get("values")
    if not isinstance(raw_values, list) or not raw_values:
        raise _fail(name, "'values' must hold at least one dated value")
    values: list[DatedValue] = []
    for index, raw in enumerate(raw_values):
        where = f"{name}.values[{index}]"
        if not isinstance(raw, dict):
            raise _fail(where, "each value must be a table")
        _only_keys(raw, _VALUE_KEYS | _VALUE_OPTIONAL_KEYS, where)
        for required in sorted(_VALUE_KEYS):
            if required not in raw:
                raise _fail(where, f"missing '{required}'")
        start = raw["from"]
        if not isinstance(start, date) or isinstance(start, datetime):
            raise _fail(where, "'from' must be a TOML date such as 2016-04-01 (no time, no quotes)")
        if values and start <= values[-1].start:
            raise _fail(where, f"dates must increase strictly: {start} follows {values[-1].start}")
        quote = _text(raw, "citaat", where) if "citaat" in raw else None
        try:
            begin = Begin(_text(raw, "begin", where)) if "begin" in raw else Begin.BEKEND
        except ValueError as error:
            raise _fail(where, f"unknown begin {raw['begin']!r}; allowed: {', '.join(Begin)}") from error
        values.append(
            DatedValue(
                start=start,
                value=_value(raw["value"], unit, where),
                source=sources.cite(raw, where),
                quote=quote,
                begin=begin,
            )
        )
    return Parameter(name=name, label=label, unit=unit, comparator=comparator, binding=binding, values=tuple(values))


def _walk(prefix: str, table: Mapping[str, object], into: dict[str, Parameter], sources: _SourceTable) -> None:
    if "values" in table:
        into[prefix] = _parameter(prefix, table, sources)
        return
    if not table:
        raise _fail(prefix, "empty table")
    for key, child in table.items():
        name = f"{prefix}.{key}" if prefix else key
        if not isinstance(child, dict):
            raise _fail(name, "unknown key: only tables of figures (with 'values') belong here")
        _walk(name, child, into, sources)


def _top_date(document: dict[str, object], key: str) -> date:
    value = document.pop(key, None)
    if not isinstance(value, date) or isinstance(value, datetime):
        raise RulesDataError(f"{PARAMETERS_FILE}: '{key}' must be a TOML date")
    return value


def parse_parameters(text: str, sources: _SourceTable) -> tuple[date, date, dict[str, Parameter]]:
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise RulesDataError(f"{PARAMETERS_FILE}: {error}") from error
    modelled_from = _top_date(document, "modelled_from")
    checked_on = _top_date(document, "gecontroleerd_op")
    parameters: dict[str, Parameter] = {}
    _walk("", document, parameters, sources)
    for parameter in parameters.values():
        for index, value in enumerate(parameter.values):
            if value.begin is Begin.MODELSTART and (index > 0 or value.start != modelled_from):
                raise _fail(
                    f"{parameter.name}.values[{index}]",
                    f"begin = 'modelstart' is only for a first value dated modelled_from ({modelled_from})",
                )
    return modelled_from, checked_on, parameters


def _entries(section: Mapping[str, object], key: str, where: str) -> Mapping[str, Mapping[str, object]]:
    entries = section.get(key)
    if not isinstance(entries, dict) or not entries:
        raise _fail(where, f"'{key}' must be a non-empty table")
    for name, entry in entries.items():
        if not isinstance(entry, dict):
            raise _fail(f"{where}.{key}.{name}", "must be a table")
    return entries


def _section(
    document: Mapping[str, object], name: str, list_key: str, sources: _SourceTable
) -> tuple[Source, Mapping[str, Mapping[str, object]]]:
    section = document.get(name)
    if not isinstance(section, dict):
        raise _fail(name, "missing section")
    _only_keys(section, frozenset({"bron", "onderdeel", list_key}), name)
    return sources.cite(section, name), _entries(section, list_key, name)


def _yes_no(entry: Mapping[str, object], key: str, where: str) -> bool:
    value = entry.get(key)
    if not isinstance(value, bool):
        raise _fail(where, f"'{key}' must be true or false")
    return value


def parse_classification(text: str, sources: _SourceTable) -> Classification:
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise RulesDataError(f"{CLASSIFICATION_FILE}: {error}") from error
    _only_keys(document, frozenset({"rechtsvormen", "gewesten", "diensten", "themas"}), CLASSIFICATION_FILE)

    forms_source, raw_forms = _section(document, "rechtsvormen", "vormen", sources)
    forms: dict[str, LegalForm] = {}
    for key, entry in raw_forms.items():
        where = f"rechtsvormen.vormen.{key}"
        _only_keys(entry, frozenset({"label", "aanvaard"}), where)
        forms[key] = LegalForm(key, _text(entry, "label", where), _yes_no(entry, "aanvaard", where))

    regions_source, raw_regions = _section(document, "gewesten", "gewesten", sources)
    regions: dict[str, Region] = {}
    for key, entry in raw_regions.items():
        where = f"gewesten.gewesten.{key}"
        _only_keys(entry, frozenset({"label", "aanvaard"}), where)
        regions[key] = Region(key, _text(entry, "label", where), _yes_no(entry, "aanvaard", where))

    kinds_source, raw_kinds = _section(document, "diensten", "soorten", sources)
    kinds: dict[str, ServiceKind] = {}
    for key, entry in raw_kinds.items():
        where = f"diensten.soorten.{key}"
        _only_keys(entry, frozenset({"label", "dienst", "onderwerp", "enkel_als_advies"}), where)
        try:
            dienst = Dienst(_text(entry, "dienst", where))
            onderwerp = Onderwerp(_text(entry, "onderwerp", where))
        except ValueError as error:
            raise _fail(where, f"unknown dienst or onderwerp: {error}") from error
        only_as_advice = _yes_no(entry, "enkel_als_advies", where) if "enkel_als_advies" in entry else False
        if only_as_advice and dienst is not Dienst.ADVIES:
            raise _fail(where, "'enkel_als_advies' only applies to a service of dienst = 'advies'")
        kinds[key] = ServiceKind(key, _text(entry, "label", where), dienst, onderwerp, only_as_advice)

    raw_themes = document.get("themas")
    if not isinstance(raw_themes, dict):
        raise _fail("themas", "missing section")
    _only_keys(raw_themes, frozenset({"bron", "onderdeel", "themas"}), "themas")
    themes_source = sources.cite(raw_themes, "themas")
    themes = raw_themes.get("themas")
    if not isinstance(themes, list) or not themes or not all(isinstance(t, str) and t.strip() for t in themes):
        raise _fail("themas", "'themas' must be a non-empty list of names")
    if len(set(themes)) != len(themes):
        raise _fail("themas", "a theme is listed twice")

    return Classification(
        forms, forms_source, regions, regions_source, kinds, kinds_source, tuple(themes), themes_source
    )


# The rules code asks for these figures by name; a data file without one of them is refused at load time.
REQUIRED_PARAMETERS: Final = frozenset(
    {
        "steunpercentage.klein",
        "steunpercentage.middelgroot",
        "steunpercentage.cybersecurity.klein",
        "steunpercentage.cybersecurity.middelgroot",
        "steunplafond.klein",
        "steunplafond.middelgroot",
        "kmo_definitie.klein.vte",
        "kmo_definitie.klein.omzet",
        "kmo_definitie.klein.balanstotaal",
        "kmo_definitie.middelgroot.vte",
        "kmo_definitie.middelgroot.omzet",
        "kmo_definitie.middelgroot.balanstotaal",
        "kmo_definitie.partner.aandeel_vanaf",
        "kmo_definitie.partner.aandeel_tot",
        "voorwaarden.publieke_participatie",
        "voorwaarden.aanverwante_dienstverlener_uitgesloten",
        "diensten.opleiding.subsidieerbaar",
        "diensten.advies_cybersecurity.subsidieerbaar",
        "diensten.advies_ander_onderwerp.subsidieerbaar",
        "diensten.themas_beperkt",
        "diensten.opleiding.minimumbedrag",
        "diensten.advies.minimumbedrag",
        "procedure.aanvraagtermijn",
        "procedure.realisatietermijn",
        "procedure.stortingstermijn",
    }
)


def parse(parameters_text: str, classification_text: str, sources_text: str) -> RulesData:
    sources = _SourceTable(parse_sources(sources_text))
    modelled_from, checked_on, parameters = parse_parameters(parameters_text, sources)
    missing = sorted(REQUIRED_PARAMETERS - set(parameters))
    if missing:
        raise RulesDataError(f"{PARAMETERS_FILE}: missing figure(s) {', '.join(missing)}")
    classification = parse_classification(classification_text, sources)
    unused = sorted(
        key for key, source in sources.sources.items() if key not in sources.cited and not source.pages_only
    )
    if unused:
        raise RulesDataError(f"{SOURCES_FILE}: source(s) nothing cites: {', '.join(unused)}")
    return RulesData(modelled_from, parameters, classification, sources.sources, checked_on)


DATA_FILES: Final = (PARAMETERS_FILE, CLASSIFICATION_FILE, SOURCES_FILE)


def load_from(folder: Path) -> RulesData:
    """Load the data files from ``folder`` (tests use it on an edited copy)."""
    return parse(*((folder / name).read_text(encoding="utf-8") for name in DATA_FILES))


@functools.cache
def load() -> RulesData:
    """The rules data shipped inside the package (read once per process)."""
    data = resources.files("calculator") / "data"
    return parse(*((data / name).read_text(encoding="utf-8") for name in DATA_FILES))
