"""The calendar file parses with a well-kept iCalendar library (icalendar), and its dates match the answer."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import icalendar

from calculator import evaluate

REQUEST = {
    "application_date": "2026-11-27",
    "enterprise": {"size_category": "klein"},
    "services": [
        {"kind": "pentest", "amount": 8000, "start_date": "2026-11-20"},
        {"kind": "cybersecurity_training", "amount": 2000, "start_date": "2026-11-26"},
    ],
}


def test_the_command_line_ics_parses_and_every_date_matches_the_answer(root: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "calculator", "--ics"],
        input=json.dumps(REQUEST).encode(),
        capture_output=True,
        cwd=root,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    calendar = icalendar.Calendar.from_ical(result.stdout)
    events = list(calendar.walk("VEVENT"))
    answer = evaluate(REQUEST)
    expected = {date.fromisoformat(e["apply_by"]) for e in answer["timeline"]}
    expected |= {date.fromisoformat(e["finish_by"]) for e in answer["timeline"] if e["finish_by"]}
    assert {event.decoded("DTSTART") for event in events} == expected
    assert expected == {date(2026, 12, 4), date(2026, 12, 10), date(2027, 12, 31)}
    for event in events:
        start = event.decoded("DTSTART")
        assert type(start) is date  # all-day
        assert event.decoded("DTEND") == start + timedelta(days=1)
        assert str(event["SUMMARY"]).startswith("Kmo-portefeuille")
        alarms = list(event.walk("VALARM"))
        assert len(alarms) == 1
        assert alarms[0].decoded("TRIGGER") < timedelta(0)
    assert len({str(event["UID"]) for event in events}) == len(events)
