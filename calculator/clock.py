"""Today's date in Europe/Brussels, the default application date (INTERFACE.md).

Only the interface asks the clock; rules always receive the application date. The time zone is computed from the
EU summer-time rule (Directive 2000/84/EC: from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last
Sunday of October, UTC+2; otherwise UTC+1) so that it needs no time zone database, which Pyodide does not ship.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta


def _last_sunday(year: int, month: int) -> date:
    following = date(year + (month == 12), month % 12 + 1, 1)
    last = following - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - 6) % 7)


def brussels_offset(moment: datetime) -> timedelta:
    """UTC+1 in winter, UTC+2 in summer, for an aware ``moment``."""
    utc = moment.astimezone(UTC)
    summer_start = datetime.combine(_last_sunday(utc.year, 3), datetime.min.time(), UTC) + timedelta(hours=1)
    summer_end = datetime.combine(_last_sunday(utc.year, 10), datetime.min.time(), UTC) + timedelta(hours=1)
    return timedelta(hours=2) if summer_start <= utc < summer_end else timedelta(hours=1)


def brussels_today(now: datetime | None = None) -> date:
    moment = now if now is not None else datetime.now(UTC)
    if moment.tzinfo is None:
        raise ValueError("brussels_today needs an aware datetime")
    return (moment.astimezone(UTC) + brussels_offset(moment)).date()
