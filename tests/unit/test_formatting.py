from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from calculator.formatting import euro, long_date, money_string, number, percent, plain_decimal
from calculator.parsing import parse_number


def test_money_the_belgian_way() -> None:
    assert euro(Decimal("3600")) == "€\u00a03.600,00"
    assert euro(Decimal("1234567.891")) == "€\u00a01.234.567,89"
    assert euro(Decimal("7500"), cents=False) == "€\u00a07.500"
    assert euro(Decimal("0.005")) == "€\u00a00,01"


def test_answer_formats() -> None:
    assert money_string(Decimal("3600")) == "3600.00"
    assert money_string(Decimal("0.125")) == "0.13"
    assert plain_decimal(Decimal("18.50")) == "18.5"
    assert plain_decimal(Decimal("1E+1")) == "10"
    assert plain_decimal(Decimal("0.000")) == "0"


def test_percent_and_dates() -> None:
    assert percent(Decimal(45)) == "45\u00a0%"
    assert percent(Decimal("24.99")) == "24,99\u00a0%"
    assert long_date(date(2026, 12, 4)) == "4 december 2026"


@pytest.mark.parametrize("value", ["0", "1", "999", "1000", "1234567.5", "10000000", "0.07"])
def test_formatted_numbers_read_back_to_the_same_value(value: str) -> None:
    assert parse_number(number(Decimal(value)), example="1") == Decimal(value)
