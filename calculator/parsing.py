"""Reading what people type: Belgian numbers and ISO dates. Anything ambiguous is refused, never guessed.

Accepted number forms (INTERFACE.md): ``1500000``, ``1.500.000``, ``1 500 000``, ``8.000,50``, ``12,5``, ``€ 8000``,
and a single dot followed by one or two digits (``12.5``, ``0.75``) as pasted from an English spreadsheet.
A dot or space followed by groups of exactly three digits separates thousands, so ``900.000`` is 900000.
"""

from __future__ import annotations

import math
import re
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Final

from calculator.domein import Reden, Waarde

# Digits before the decimal separator that we accept: a quadrillion euro is far beyond any enterprise.
MAX_INTEGER_DIGITS: Final = 15
MAX_TEXT_LENGTH: Final = 48

_SPACES: Final = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2009": " ", "\t": " "})
_INTEGER: Final = r"\d+"
_DECIMAL_COMMA: Final = r"(?:,\d+)?"
_FORMS: Final = (
    re.compile(_INTEGER + _DECIMAL_COMMA),  # 1500000 / 12,5
    re.compile(r"\d{1,3}(?:\.\d{3})+" + _DECIMAL_COMMA),  # 1.500.000 / 8.000,50
    re.compile(r"\d{1,3}(?: \d{3})+" + _DECIMAL_COMMA),  # 1 500 000 / 8 000,50
)
_DOT_DECIMAL: Final = re.compile(r"\d+\.\d{1,2}")  # 12.5 / 0.75 (English decimal point)
_ISO_DATE: Final = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_BELGIAN_DATE: Final = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")


class InputError(ValueError):
    """Input that cannot be read: ``reden`` says what is wrong (its text in ``teksten.py`` says how to fix it)."""

    def __init__(self, code: str, **waarden: Waarde) -> None:
        self.reden = Reden(code, waarden)
        super().__init__(code)


def _from_text(text: str, example: str) -> Decimal:
    cleaned = text.translate(_SPACES).strip()
    if cleaned.startswith("€"):
        cleaned = cleaned[1:].lstrip()
    elif cleaned.endswith("€"):
        cleaned = cleaned[:-1].rstrip()
    if not cleaned:
        raise InputError("fout.getal.leeg", voorbeeld=example)
    negative = cleaned[0] in "-\u2212"
    if negative:
        cleaned = cleaned[1:].lstrip()
    if len(text) > MAX_TEXT_LENGTH:
        raise InputError("fout.getal.te_lang", voorbeeld=example)
    if any(form.fullmatch(cleaned) for form in _FORMS):
        normalised = cleaned.replace(".", "").replace(" ", "").replace(",", ".")
    elif _DOT_DECIMAL.fullmatch(cleaned):
        normalised = cleaned
    else:
        raise InputError("fout.getal.dubbelzinnig", waarde=text.strip(), voorbeeld=example)
    value = Decimal(normalised)
    if negative and value != 0:
        raise InputError("fout.getal.negatief")
    return value


def parse_number(raw: object, *, example: str, max_decimals: int | None = None) -> Decimal:
    """A non-negative number from a JSON number or a Belgian-formatted string.

    ``example`` is shown in the message (``12,5``, ``€ 8.000,50``); ``max_decimals`` limits the decimals (2 for money).
    """
    if isinstance(raw, bool) or not isinstance(raw, (int, float, str)):
        raise InputError("fout.getal.geen_getal", voorbeeld=example)
    if isinstance(raw, str):
        value = _from_text(raw, example)
    elif isinstance(raw, float):
        if not math.isfinite(raw):
            raise InputError("fout.getal.niet_eindig", voorbeeld=example)
        try:
            value = Decimal(repr(raw))
        except InvalidOperation as error:  # pragma: no cover - repr of a finite float is always readable
            raise InputError("fout.getal.geen_getal", voorbeeld=example) from error
    else:
        value = Decimal(raw)
    if value < 0:
        raise InputError("fout.getal.negatief")
    if value != 0 and value.adjusted() >= MAX_INTEGER_DIGITS:
        raise InputError("fout.getal.te_groot")
    if value == 0:
        value = Decimal(0)
    exponent = value.as_tuple().exponent
    # Trailing zeros are not extra precision: 8000,500 is 8000,50.
    if (
        max_decimals is not None
        and isinstance(exponent, int)
        and -exponent > max_decimals
        and value != value.quantize(Decimal(1).scaleb(-max_decimals))
    ):
        raise InputError("fout.getal.decimalen", decimalen=max_decimals, voorbeeld=example)
    return value


def parse_date(raw: object) -> date:
    """A date as the form shows it, dd/mm/jjjj (27/11/2026), or as its date field sends it, JJJJ-MM-DD (ISO 8601).
    A date that does not exist is named back the way the form shows dates (30/02/2026)."""
    text = raw.strip() if isinstance(raw, str) else ""
    iso, belgian = _ISO_DATE.fullmatch(text), _BELGIAN_DATE.fullmatch(text)
    if iso:
        year, month, day = iso.groups()
    elif belgian:
        day, month, year = belgian.groups()
    else:
        raise InputError("fout.datum.vorm")
    try:
        return date(int(year), int(month), int(day))
    except ValueError as error:
        raise InputError("fout.datum.bestaat_niet", waarde=f"{int(day):02d}/{int(month):02d}/{year}") from error
