"""Strict loader for the rules data: ``data/parameters.toml`` (the figures), ``data/classificatie.toml`` (the
categories) and ``data/bronnen.toml`` (the sources), into one :class:`RulesData`.

The loader refuses anything it does not understand: unknown keys, a value without a source, floats (binary
fractions are not money), dates that are not TOML dates, dates out of order, a figure the rules code reads that the
data lacks (``figuren.VEREIST``), a source nothing cites. The model it builds is in :mod:`calculator.dated` (figures) and
:mod:`calculator.classificatie` (categories); the shared checks are in :mod:`calculator.strict`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import Final

from calculator.classificatie import CLASSIFICATION_FILE, Classificatie, parse_classification
from calculator.dated import Begin, Comparator, DatedValue, Eenheid, OutsidePeriod, Parameter, RulesDataError, Source
from calculator.figuren import VEREIST
from calculator.strict import (
    SOURCES_FILE,
    SourceTable,
    fail,
    only_keys,
    parse_sources,
    read_toml,
    text,
    toml_date,
)

PARAMETERS_FILE: Final = "parameters.toml"
DATA_FILES: Final = (PARAMETERS_FILE, CLASSIFICATION_FILE, SOURCES_FILE)


@dataclass(frozen=True)
class RulesData:
    modelled_from: date
    parameters: Mapping[str, Parameter]
    classificatie: Classificatie
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


# --- the figures (parameters.toml) -----------------------------------------------------------------------------

_PARAMETER_KEYS: Final = frozenset({"label", "eenheid", "vergelijking", "bindend", "waarden"})
_VALUE_KEYS: Final = frozenset({"vanaf", "waarde", "bron"})
_VALUE_OPTIONAL_KEYS: Final = frozenset({"onderdeel", "citaat", "begin"})
_DECIMAL_TEXT: Final = re.compile(r"\d+(\.\d+)?")


def _value(raw: object, unit: Eenheid, where: str) -> Decimal | bool:
    if unit is Eenheid.JA_NEE:
        if not isinstance(raw, bool):
            raise fail(where, "a ja_nee figure takes true or false")
        return raw
    if isinstance(raw, bool):
        raise fail(where, f"a {unit} figure takes a number, not true/false")
    if isinstance(raw, int) or (isinstance(raw, str) and _DECIMAL_TEXT.fullmatch(raw)):
        amount = Decimal(raw)
    elif isinstance(raw, float):
        raise fail(where, 'floats are refused: write an integer or a decimal string such as "12.5"')
    else:
        raise fail(where, f"cannot read {raw!r} as a {unit} figure")
    if amount < 0 or (unit is Eenheid.PERCENT and amount > 100):
        raise fail(where, f"{amount} is out of range for a {unit} figure")
    return amount


def _unit(table: Mapping[str, object], name: str) -> tuple[Eenheid, Comparator | None]:
    """The figure's unit, and for a threshold how a value is compared with it."""
    try:
        unit = Eenheid(text(table, "eenheid", name))
    except ValueError as error:
        raise fail(name, f"unknown unit {table['eenheid']!r}; allowed: {', '.join(Eenheid)}") from error
    if "vergelijking" not in table:
        return unit, None
    try:
        comparator = Comparator(text(table, "vergelijking", name))
    except ValueError as error:
        raise fail(name, f"unknown comparator {table['vergelijking']!r}") from error
    if unit is Eenheid.JA_NEE:
        raise fail(name, "a ja_nee figure cannot be a threshold")
    return unit, comparator


def _dated_value(raw: object, unit: Eenheid, where: str, sources: SourceTable) -> DatedValue:
    if not isinstance(raw, dict):
        raise fail(where, "each value must be a table")
    only_keys(raw, _VALUE_KEYS | _VALUE_OPTIONAL_KEYS, where)
    for required in sorted(_VALUE_KEYS):
        if required not in raw:
            raise fail(where, f"missing '{required}'")
    start = toml_date(raw["vanaf"], where, "'vanaf'")
    try:
        begin = Begin(text(raw, "begin", where)) if "begin" in raw else Begin.BEKEND
    except ValueError as error:
        raise fail(where, f"unknown begin {raw['begin']!r}; allowed: {', '.join(Begin)}") from error
    return DatedValue(
        start=start,
        value=_value(raw["waarde"], unit, where),
        bron=sources.cite(raw, where),
        citaat=text(raw, "citaat", where) if "citaat" in raw else None,
        begin=begin,
    )


def _parameter(name: str, table: Mapping[str, object], sources: SourceTable) -> Parameter:
    only_keys(table, _PARAMETER_KEYS, name)
    label = text(table, "label", name)
    unit, comparator = _unit(table, name)
    binding = table.get("bindend", True)
    if not isinstance(binding, bool):
        raise fail(name, "'bindend' must be true or false")
    raw_values = table.get("waarden")
    if not isinstance(raw_values, list) or not raw_values:
        raise fail(name, "'waarden' must hold at least one dated value")
    values: list[DatedValue] = []
    for index, raw in enumerate(raw_values):
        where = f"{name}.waarden[{index}]"
        value = _dated_value(raw, unit, where, sources)
        if values and value.start <= values[-1].start:
            raise fail(where, f"dates must increase strictly: {value.start} follows {values[-1].start}")
        values.append(value)
    return Parameter(
        name=name, label=label, eenheid=unit, vergelijking=comparator, bindend=binding, values=tuple(values)
    )


def _walk(prefix: str, table: Mapping[str, object], into: dict[str, Parameter], sources: SourceTable) -> None:
    if "waarden" in table:
        into[prefix] = _parameter(prefix, table, sources)
        return
    if not table:
        raise fail(prefix, "empty table")
    for key, child in table.items():
        name = f"{prefix}.{key}" if prefix else key
        if not isinstance(child, dict):
            raise fail(name, "unknown key: only tables of figures (with 'waarden') belong here")
        _walk(name, child, into, sources)


def parse_parameters(document_text: str, sources: SourceTable) -> tuple[date, date, dict[str, Parameter]]:
    document = read_toml(document_text, PARAMETERS_FILE)
    modelled_from = toml_date(document.pop("gemodelleerd_vanaf", None), PARAMETERS_FILE, "'gemodelleerd_vanaf'")
    checked_on = toml_date(document.pop("gecontroleerd_op", None), PARAMETERS_FILE, "'gecontroleerd_op'")
    parameters: dict[str, Parameter] = {}
    _walk("", document, parameters, sources)
    for parameter in parameters.values():
        for index, value in enumerate(parameter.values):
            if value.begin is Begin.MODELSTART and (index > 0 or value.start != modelled_from):
                raise fail(
                    f"{parameter.name}.waarden[{index}]",
                    f"begin = 'modelstart' is only for a first value dated gemodelleerd_vanaf ({modelled_from})",
                )
    return modelled_from, checked_on, parameters


# --- the whole data --------------------------------------------------------------------------------------------


def parse(parameters_text: str, classification_text: str, sources_text: str) -> RulesData:
    sources = SourceTable(parse_sources(sources_text))
    modelled_from, checked_on, parameters = parse_parameters(parameters_text, sources)
    missing = sorted(VEREIST - set(parameters))
    if missing:
        raise RulesDataError(f"{PARAMETERS_FILE}: missing figure(s) {', '.join(missing)}")
    classification = parse_classification(classification_text, sources)
    unused = sources.uncited()
    if unused:
        raise RulesDataError(f"{SOURCES_FILE}: source(s) nothing cites: {', '.join(unused)}")
    return RulesData(modelled_from, parameters, classification, sources.sources, checked_on)


def load_from(folder: Path) -> RulesData:
    """Load the data files from ``folder`` (tests use it on an edited copy)."""
    return parse(*((folder / name).read_text(encoding="utf-8") for name in DATA_FILES))


@functools.cache
def load() -> RulesData:
    """The rules data shipped inside the package (read once per process)."""
    data = resources.files("calculator") / "data"
    return parse(*((data / name).read_text(encoding="utf-8") for name in DATA_FILES))
