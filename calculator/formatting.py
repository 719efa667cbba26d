"""Belgian (Dutch) formatting of amounts, percentages, FTE and dates for explanations and for the site.

The answer's JSON keeps plain decimal strings (``"3600.00"``); these functions make the sentences a visitor reads
(``€ 3.600,00``, ``45 %``, ``4 december 2026``). The site's build hook uses the same functions, so a figure looks
the same on every page and in the calculator.
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Final

CENT: Final = Decimal("0.01")

MONTHS: Final = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)


def _group_thousands(digits: str) -> str:
    groups = []
    while len(digits) > 3:
        groups.append(digits[-3:])
        digits = digits[:-3]
    groups.append(digits)
    return ".".join(reversed(groups))


def plain_decimal(value: Decimal) -> str:
    """``Decimal("18.50")`` → ``"18.5"``, ``Decimal("10")`` → ``"10"``: no exponent, no trailing zeros."""
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text or "0"


def money_string(value: Decimal) -> str:
    """The answer's money format: a decimal string with exactly two decimals, rounded half-up."""
    return format(value.quantize(CENT, rounding=ROUND_HALF_UP), "f")


def number(value: Decimal, decimals: int | None = None) -> str:
    """``Decimal("1500000")`` → ``"1.500.000"``, ``Decimal("12.5")`` → ``"12,5"``."""
    if decimals is not None:
        value = value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
        text = format(value, "f")
    else:
        text = plain_decimal(value)
    sign = ""
    if text.startswith("-"):
        sign, text = "-", text[1:]
    whole, _, fraction = text.partition(".")
    result = _group_thousands(whole)
    if fraction:
        result += "," + fraction
    return sign + result


def euro(value: Decimal, *, cents: bool = True) -> str:
    """``€ 3.600,00``; with ``cents=False`` and a whole amount: ``€ 7.500``."""
    if not cents and value == value.to_integral_value():
        return "€\u00a0" + number(value, 0)
    return "€\u00a0" + number(value, 2)


def percent(value: Decimal) -> str:
    """``45 %`` (a non-breaking space, as Dutch typography writes it)."""
    return number(value) + "\u00a0%"


def vte(value: Decimal) -> str:
    return number(value) + "\u00a0VTE"


def long_date(day: date) -> str:
    """``4 december 2026``."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"
