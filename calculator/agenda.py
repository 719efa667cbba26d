"""The visitor's timeline as an iCalendar file (RFC 5545), made from the answer (INTERFACE.md "timeline").

One all-day event per date (the last day to apply, the day the services must be finished), each with a reminder,
stable UIDs (the same request gives the same file), Dutch summaries, CRLF line endings and lines folded at 75
octets. The deposit has no fixed date (it runs from the provider's confirmation), so it is described in the
apply-by event.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any, Final

from calculator.domein import Reden
from calculator.engine import evaluate
from calculator.rendering import enumeration, render

PRODUCT_ID: Final = "-//kmo-portefeuille rekenmodule//kmo-calculator//NL"
UID_DOMAIN: Final = "kmo-calculator.invalid"
LINE_OCTETS: Final = 75
FILENAME: Final = "kmo-portefeuille-tijdlijn.ics"
# When the reminder goes off: two days before the last day to apply, four weeks before the end date.
REMINDERS: Final = {"aanvragen": "-P2D", "beeindigen": "-P4W"}


def escape_text(text: str) -> str:
    """A TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and newline escaped."""
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def fold(line: str) -> str:
    """Fold a content line at 75 octets (RFC 5545 3.1), never inside a UTF-8 character."""
    encoded = line.encode("utf-8")
    if len(encoded) <= LINE_OCTETS:
        return line
    pieces: list[str] = []
    current = ""
    limit = LINE_OCTETS
    for character in line:
        if len((current + character).encode("utf-8")) > limit:
            pieces.append(current)
            current = ""
            limit = LINE_OCTETS - 1  # a continuation line starts with one space
        current += character
    pieces.append(current)
    return "\r\n ".join(pieces)


def _day(value: str) -> str:
    return date.fromisoformat(value).strftime("%Y%m%d")


def _events(answer: dict[str, Any]) -> Iterator[tuple[str, str, list[dict[str, Any]]]]:
    """(kind of date, ISO date, timeline entries) for every distinct date, in date order."""
    grouped: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for entry in answer["timeline"]:
        grouped.setdefault(("aanvragen", entry["apply_by"]), []).append(entry)
        grouped.setdefault(("beeindigen", entry["finish_by"]), []).append(entry)
    for (kind, day), entries in sorted(grouped.items(), key=lambda item: (item[0][1], item[0][0])):
        yield kind, day, entries


def _uid(kind: str, day: str, entries: list[dict[str, Any]]) -> str:
    key = "|".join([kind, day, *(f"{e['kind']}:{e['start_date']}" for e in entries)])
    return f"{kind}-{day}-{hashlib.sha256(key.encode()).hexdigest()[:16]}@{UID_DOMAIN}"


def icalendar_from_answer(answer: dict[str, Any]) -> str:
    """The iCalendar text of an answer's timeline (an answer with ``ok`` true)."""
    if not answer.get("ok"):
        raise ValueError("an answer with errors has no timeline")
    stamp = _day(answer["application_date"]) + "T000000Z"
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODUCT_ID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "X-WR-CALNAME:" + escape_text("Kmo-portefeuille"),
    ]
    for kind, day, entries in _events(answer):
        deposit_days = entries[0]["deposit_within_days"]
        services = enumeration([f"{e['label']}, start {e['display']['start_date']}" for e in entries])
        values = {"diensten": services, "dagen": entries[0]["apply_within_days"], "storting_dagen": deposit_days}
        summary = render(Reden(f"tijdlijn.{kind}", {"diensten": enumeration([e["label"] for e in entries])}))
        description = render(Reden(f"tijdlijn.{kind}.beschrijving", values))
        start = date.fromisoformat(day)
        lines += [
            "BEGIN:VEVENT",
            f"UID:{_uid(kind, day, entries)}",
            f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{start.strftime('%Y%m%d')}",
            f"DTEND;VALUE=DATE:{(start + timedelta(days=1)).strftime('%Y%m%d')}",
            f"SUMMARY:{escape_text(summary)}",
            f"DESCRIPTION:{escape_text(description)}",
            "TRANSP:TRANSPARENT",
            "BEGIN:VALARM",
            "ACTION:DISPLAY",
            f"DESCRIPTION:{escape_text(render(Reden('tijdlijn.herinnering', {'titel': summary})))}",
            f"TRIGGER:{REMINDERS[kind]}",
            "END:VALARM",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)


def agenda(request: object, *, today: date | None = None) -> dict[str, Any]:
    """For the page: ``{"ok", "errors", "filename", "ics"}``; the file holds the events of ``evaluate(request)``."""
    answer = evaluate(request, today=today)
    if not answer["ok"]:
        return {"ok": False, "errors": answer["errors"], "filename": FILENAME, "ics": ""}
    return {"ok": True, "errors": [], "filename": FILENAME, "ics": icalendar_from_answer(answer)}
