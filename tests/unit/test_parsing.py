"""Numbers and dates as people type them in Belgium (INTERFACE.md); anything ambiguous is an error, never a guess."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from calculator.parsing import InputError, parse_date, parse_number
from calculator.rendering import render


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("1.500.000", Decimal(1500000)),
        ("1 500 000", Decimal(1500000)),
        ("1\u00a0500\u00a0000", Decimal(1500000)),
        ("8.000,50", Decimal("8000.50")),
        ("€ 8000", Decimal(8000)),
        ("€8.000,50", Decimal("8000.50")),
        ("8000 €", Decimal(8000)),
        ("12,5", Decimal("12.5")),
        ("900.000", Decimal(900000)),
        ("12.5", Decimal("12.5")),
        ("0.75", Decimal("0.75")),
        ("  42  ", Decimal(42)),
        ("0", Decimal(0)),
        ("-0", Decimal(0)),
        (12.5, Decimal("12.5")),
        (900000, Decimal(900000)),
        ("8000,500", Decimal("8000.500")),
    ],
)
def test_accepted_forms(typed: object, value: Decimal) -> None:
    assert parse_number(typed, example="1", max_decimals=4) == value


@pytest.mark.parametrize(
    "typed",
    [
        "1.2.3",
        "1,5,0",
        "12,345.67",
        "1,234.5",
        "",
        "   ",
        "abc",
        "12a",
        "1.5000",
        "1 50",
        "1.500 000",
        "€",
        "e5",
        "1e5",
        "NaN",
        ",5",
        "5,",
        "1..5",
        "+5",
        "12.345.6",
    ],
)
def test_ambiguous_or_malformed_text_is_refused(typed: str) -> None:
    with pytest.raises(InputError) as problem:
        parse_number(typed, example="12,5")
    assert "bijvoorbeeld 12,5" in render(problem.value.reden), "the message shows how to write the number"
    assert problem.value.reden.code.startswith("fout.getal.")


@pytest.mark.parametrize("typed", [-1, -0.5, "-5", "−5", "€ -8.000"])
def test_negative_numbers_are_refused(typed: object) -> None:
    with pytest.raises(InputError, match=r"fout\.getal\.negatief"):
        parse_number(typed, example="1")


@pytest.mark.parametrize("typed", [None, True, False, [], {}, float("nan"), float("inf")])
def test_non_numbers_are_refused(typed: object) -> None:
    with pytest.raises(InputError):
        parse_number(typed, example="1")


def test_money_takes_at_most_two_decimals() -> None:
    assert parse_number("8.000,50", example="1", max_decimals=2) == Decimal("8000.50")
    with pytest.raises(InputError, match=r"fout\.getal\.decimalen") as problem:
        parse_number("8.000,505", example="1", max_decimals=2)
    assert "2 cijfers na de komma" in render(problem.value.reden)
    with pytest.raises(InputError):
        parse_number(0.1 + 0.2, example="1", max_decimals=2)


def test_absurdly_large_numbers_are_refused() -> None:
    assert parse_number("999.999.999.999.999", example="1") == Decimal(999999999999999)
    with pytest.raises(InputError, match=r"fout\.getal\.te_groot"):
        parse_number("1.000.000.000.000.000", example="1")
    with pytest.raises(InputError, match=r"fout\.getal\.te_groot"):
        parse_number(1e300, example="1")
    with pytest.raises(InputError):
        parse_number("1" * 60, example="1")


def test_dates_as_the_form_shows_them_or_as_iso() -> None:
    assert parse_date("2026-11-27") == date(2026, 11, 27)
    assert parse_date("27/11/2026") == date(2026, 11, 27)
    assert parse_date(" 7/1/2026 ") == date(2026, 1, 7)
    for typed in ["27-11-2026", "20261127", "2026-11-27T10:00", "", None, 20261127, "2026-13-01", "11/27/2026"]:
        with pytest.raises(InputError):
            parse_date(typed)
    with pytest.raises(InputError) as raised:
        parse_date("2026-02-30")
    assert raised.value.reden.waarden == {"waarde": "30/02/2026"}
    assert "30/02/2026 bestaat niet" in render(raised.value.reden)
