"""Reading a JSON-shaped request field by field: each read returns ``None`` when the field is wrong and keeps its
Dutch error, so that every problem of a request is reported at once (``request.py`` and ``request_services.py``).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Final, TypeVar

from calculator.domein import Reden, Waarde
from calculator.formatting import number
from calculator.parsing import InputError, parse_date, parse_number

MAX_ROWS: Final = 64


@dataclass(frozen=True)
class FieldError:
    """A field of the request and the reason it cannot be read (the answer layer renders it)."""

    field: str
    reden: Reden


T = TypeVar("T")
MONEY_EXAMPLE: Final = "8.000,50"
FTE_EXAMPLE: Final = "12,5"
PERCENT_EXAMPLE: Final = "10"
FIGURE_KEYS: Final = ("fte", "turnover", "balance_total")


class Reader:
    """Collects errors while reading; each read returns None when the field is wrong."""

    def __init__(self) -> None:
        self.errors: list[FieldError] = []

    def error(self, field: str, label: str, code: str, **waarden: Waarde) -> None:
        self.fail(field, label, Reden(code, waarden))

    def fail(self, field: str, label: str, reden: Reden) -> None:
        self.errors.append(FieldError(field, Reden("fout.veld", {"label": label}, (reden,))))

    def read(self, field: str, label: str, parse: Callable[[], T]) -> T | None:
        try:
            return parse()
        except InputError as problem:
            self.fail(field, label, problem.reden)
            return None

    def number(
        self,
        table: Mapping[str, object],
        key: str,
        field: str,
        label: str,
        *,
        example: str,
        max_decimals: int,
        maximum: Decimal | None = None,
        default: Decimal | None = None,
    ) -> Decimal | None:
        if key not in table or table[key] is None:
            if default is not None:
                return default
            self.error(field, label, "fout.getal_ontbreekt", voorbeeld=example)
            return None
        value = self.read(field, label, lambda: parse_number(table[key], example=example, max_decimals=max_decimals))
        if value is None:
            return None
        if maximum is not None and value > maximum:
            self.error(field, label, "fout.getal_te_groot", grens=number(maximum))
            return None
        return value

    def choice(
        self, table: Mapping[str, object], key: str, field: str, label: str, options: Mapping[str, str]
    ) -> str | None:
        raw = table.get(key)
        if isinstance(raw, str) and raw in options:
            return raw
        if raw is None or raw == "":
            self.error(field, label, "fout.keuze_ontbreekt")
        else:
            self.error(field, label, "fout.keuze_onbekend", waarde=shorten(raw), opties=", ".join(options.values()))
        return None

    def optional_choice(
        self, table: Mapping[str, object], key: str, field: str, label: str, options: Mapping[str, str]
    ) -> tuple[bool, str | None]:
        """``(given, value)``: a left-out or empty field is not given (an assumption), a wrong one an error."""
        if not given(table, key):
            return False, None
        return True, self.choice(table, key, field, label, options)

    def rows(self, table: Mapping[str, object], key: str, field: str, label: str) -> list[Mapping[str, object]]:
        raw = table.get(key)
        if raw is None:
            return []
        if not isinstance(raw, list):
            self.error(field, label, "fout.geen_lijst")
            return []
        if len(raw) > MAX_ROWS:
            self.error(field, label, "fout.te_veel_rijen", maximum=MAX_ROWS)
            return []
        rows: list[Mapping[str, object]] = []
        for index, row in enumerate(raw):
            if isinstance(row, dict):
                rows.append(row)
            else:
                self.error(f"{field}[{index}]", f"{label} {index + 1}", "fout.geen_object")
        return rows if len(rows) == len(raw) else []

    def day(self, table: Mapping[str, object], key: str, field: str, label: str) -> tuple[bool, date | None]:
        """``(given, day)``: a left-out date is not given (the caller assumes today)."""
        if not given(table, key):
            return False, None
        return True, self.read(field, label, functools.partial(parse_date, table[key]))


def given(table: Mapping[str, object], key: str) -> bool:
    """A field counts as given unless it is left out, ``null`` or empty (then the documented default applies)."""
    return table.get(key) not in (None, "")


def shorten(raw: object) -> str:
    text = str(raw)
    return text if len(text) <= 48 else text[:47] + "…"
