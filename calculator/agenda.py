"""The visitor's timeline as an iCalendar file (RFC 5545), made from the outcome's domain types (the same dates as
the answer's "timeline", INTERFACE.md).

One all-day event per date (the last day to apply, the day a training must be finished), each with a reminder,
stable UIDs (the same request gives the same file), Dutch summaries, CRLF line endings and lines folded at 75
octets. The deposit has no fixed date (it runs from the provider's confirmation), so it is described in the
apply-by event.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, Final

from calculator import figuren
from calculator.antwoord import bereken, evaluate
from calculator.domein import Dienstresultaat, Reden, Uitkomst, Waarde
from calculator.formatting import long_date
from calculator.parameters import RulesData, load
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


@dataclass(frozen=True)
class _Datum:
    """One date of the timeline: what is due that day, and the services it is due for."""

    soort: str  # "aanvragen" (the last day to apply) or "beeindigen" (the day a training must be finished)
    dag: date
    diensten: tuple[Dienstresultaat, ...]


def _dates(uitkomst: Uitkomst) -> list[_Datum]:
    """Every distinct date of the services that qualify, in date order; advice has no end date."""
    grouped: dict[tuple[str, date], list[Dienstresultaat]] = {}
    for result in uitkomst.diensten:
        if not result.subsidieerbaar:
            continue
        grouped.setdefault(("aanvragen", result.aanvragen_uiterlijk), []).append(result)
        if result.afronden_uiterlijk is not None:
            grouped.setdefault(("beeindigen", result.afronden_uiterlijk), []).append(result)
    ordered = sorted(grouped.items(), key=lambda item: (item[0][1], item[0][0]))
    return [_Datum(kind, day, tuple(results)) for (kind, day), results in ordered]


def _uid(datum: _Datum) -> str:
    day = datum.dag.isoformat()
    key = "|".join(
        [datum.soort, day, *(f"{r.dienst.soort.sleutel}:{r.dienst.startdatum.isoformat()}" for r in datum.diensten)]
    )
    return f"{datum.soort}-{day}-{hashlib.sha256(key.encode()).hexdigest()[:16]}@{UID_DOMAIN}"


def _event(datum: _Datum, stamp: str, values: dict[str, Waarde]) -> list[str]:
    labels = enumeration([r.soort.label for r in datum.diensten])
    services = enumeration([f"{r.soort.label}, start {long_date(r.dienst.startdatum)}" for r in datum.diensten])
    summary = render(Reden(f"tijdlijn.{datum.soort}", {"diensten": labels}))
    description = render(Reden(f"tijdlijn.{datum.soort}.beschrijving", {**values, "diensten": services}))
    return [
        "BEGIN:VEVENT",
        f"UID:{_uid(datum)}",
        f"DTSTAMP:{stamp}",
        f"DTSTART;VALUE=DATE:{datum.dag.strftime('%Y%m%d')}",
        f"DTEND;VALUE=DATE:{(datum.dag + timedelta(days=1)).strftime('%Y%m%d')}",
        f"SUMMARY:{escape_text(summary)}",
        f"DESCRIPTION:{escape_text(description)}",
        "TRANSP:TRANSPARENT",
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        f"DESCRIPTION:{escape_text(render(Reden('tijdlijn.herinnering', {'titel': summary})))}",
        f"TRIGGER:{REMINDERS[datum.soort]}",
        "END:VALARM",
        "END:VEVENT",
    ]


def icalendar(uitkomst: Uitkomst, data: RulesData) -> str:
    """The iCalendar text of the timeline of an outcome: one event per date of the services that qualify."""
    day = uitkomst.aanvraag.aanvraagdatum
    stamp = day.strftime("%Y%m%d") + "T000000Z"
    values: dict[str, Waarde] = {
        "dagen": int(figuren.aanvraagtermijn(data, day).bedrag),
        "storting_dagen": figuren.stortingstermijn(data, day),
    }
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODUCT_ID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "X-WR-CALNAME:" + escape_text("Kmo-portefeuille"),
    ]
    for datum in _dates(uitkomst):
        lines += _event(datum, stamp, values)
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)


def agenda(request: object, *, today: date | None = None) -> dict[str, Any]:
    """For the page and ``--ics``: ``{"ok", "errors", "filename", "ics"}``. The errors are those of
    ``evaluate(request)``; the file holds the dates of the same outcome, made from the domain's types."""
    answer = evaluate(request, today=today)
    if not answer["ok"]:
        return {"ok": False, "errors": answer["errors"], "filename": FILENAME, "ics": ""}
    rules = load()
    result = bereken(request, data=rules, today=today)
    assert not isinstance(result, list), "evaluate read the same request without errors"
    return {"ok": True, "errors": [], "filename": FILENAME, "ics": icalendar(result, rules)}
