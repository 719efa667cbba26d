"""The default application date: today in Europe/Brussels, summer time included."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from calculator.clock import brussels_offset, brussels_today


@pytest.mark.parametrize(
    ("utc", "expected"),
    [
        (datetime(2026, 11, 27, 22, 59, tzinfo=UTC), date(2026, 11, 27)),  # 23:59 CET
        (datetime(2026, 11, 27, 23, 0, tzinfo=UTC), date(2026, 11, 28)),  # 00:00 CET
        (datetime(2026, 7, 1, 21, 59, tzinfo=UTC), date(2026, 7, 1)),  # 23:59 CEST
        (datetime(2026, 7, 1, 22, 0, tzinfo=UTC), date(2026, 7, 2)),  # 00:00 CEST
        (datetime(2026, 12, 31, 23, 30, tzinfo=UTC), date(2027, 1, 1)),
    ],
)
def test_brussels_today(utc: datetime, expected: date) -> None:
    assert brussels_today(utc) == expected


def test_summer_time_switches_on_the_last_sundays_at_one_utc() -> None:
    # 2026: summer time from Sunday 29 March 01:00 UTC to Sunday 25 October 01:00 UTC.
    assert brussels_offset(datetime(2026, 3, 29, 0, 59, tzinfo=UTC)) == timedelta(hours=1)
    assert brussels_offset(datetime(2026, 3, 29, 1, 0, tzinfo=UTC)) == timedelta(hours=2)
    assert brussels_offset(datetime(2026, 10, 25, 0, 59, tzinfo=UTC)) == timedelta(hours=2)
    assert brussels_offset(datetime(2026, 10, 25, 1, 0, tzinfo=UTC)) == timedelta(hours=1)


def test_other_time_zones_are_converted() -> None:
    tokyo = timezone(timedelta(hours=9))
    assert brussels_today(datetime(2026, 11, 28, 7, 30, tzinfo=tokyo)) == date(2026, 11, 27)


def test_a_naive_time_is_refused() -> None:
    with pytest.raises(ValueError, match="aware"):
        brussels_today(datetime(2026, 11, 27, 12, 0))
