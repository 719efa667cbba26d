"""The timeline as an iCalendar file: RFC 5545 structure, checked without any library (this runs in Pyodide too)."""

from __future__ import annotations

import copy
import io
import re

from rules_helpers import BASE_REQUEST, TODAY

from calculator.__main__ import main
from calculator.agenda import agenda, fold
from calculator.antwoord import evaluate_strict


def _two_services() -> dict[str, object]:
    request = copy.deepcopy(BASE_REQUEST)
    request["services"].append({"kind": "cybersecurity_training", "amount": "2.000", "start_date": "2026-11-25"})
    request["services"].append({"kind": "development", "amount": "2.000", "start_date": "2026-11-25"})
    return request


def _ics(request: dict[str, object]) -> str:
    result = agenda(request, today=TODAY)
    assert result["ok"], result
    text: str = result["ics"]
    return text


def _unfold(text: str) -> list[str]:
    return text.replace("\r\n ", "").split("\r\n")[:-1]


def test_the_file_has_crlf_lines_of_at_most_75_octets() -> None:
    text = _ics(_two_services())
    assert text.endswith("\r\n")
    assert "\n" not in text.replace("\r\n", "")
    lines = text.split("\r\n")[:-1]
    assert max(len(line.encode("utf-8")) for line in lines) <= 75
    assert any(line.startswith(" ") for line in lines), "long Dutch descriptions are folded"


def test_folding_never_splits_a_character() -> None:
    line = "SUMMARY:" + "beëindigd " * 30
    folded = fold(line)
    assert folded.replace("\r\n ", "") == line
    assert all(len(part.encode("utf-8")) <= 75 for part in folded.split("\r\n"))


def test_one_all_day_event_with_a_reminder_per_date_of_the_timeline() -> None:
    answer = evaluate_strict(_two_services(), today=TODAY)
    lines = _unfold(_ics(_two_services()))
    starts = [line.split(":")[1] for line in lines if line.startswith("DTSTART;VALUE=DATE:")]
    dates = {entry["apply_by"].replace("-", "") for entry in answer["timeline"]}
    dates |= {entry["finish_by"].replace("-", "") for entry in answer["timeline"] if entry["finish_by"]}
    assert sorted(starts) == sorted(dates)
    assert len(starts) == 3  # 4 and 9 December (apply by), 31 December 2027 (finish by, the training only)
    assert [entry["finish_by"] for entry in answer["timeline"]] == [None, "2027-12-31"], "no end date for advice"
    assert lines.count("BEGIN:VEVENT") == lines.count("BEGIN:VALARM") == 3
    assert [line for line in lines if line.startswith("TRIGGER:")] == ["TRIGGER:-P2D", "TRIGGER:-P2D", "TRIGGER:-P4W"]
    assert lines[0] == "BEGIN:VCALENDAR"
    assert lines[-1] == "END:VCALENDAR"
    assert "VERSION:2.0" in lines
    summaries = [line for line in lines if line.startswith("SUMMARY:")]
    assert all("Kmo-portefeuille" in s for s in summaries)
    assert not any("Ontwikkelingsopdracht" in s for s in summaries), "an ineligible service has no dates"


def test_uids_are_stable_and_unique() -> None:
    first = _unfold(_ics(_two_services()))
    second = _unfold(_ics(_two_services()))
    uids = [line for line in first if line.startswith("UID:")]
    assert uids == [line for line in second if line.startswith("UID:")]
    assert len(set(uids)) == len(uids) == 3


def test_text_values_are_escaped() -> None:
    lines = _unfold(_ics(_two_services()))
    descriptions = [line for line in lines if line.startswith("DESCRIPTION:")]
    assert any("\\;" in d or "\\," in d for d in descriptions)
    assert not any(re.search(r"(?<!\\)[;,]", d.removeprefix("DESCRIPTION:")) for d in descriptions)


def test_the_worker_function_and_the_command_line_give_the_same_file() -> None:
    request = _two_services()
    result = agenda(copy.deepcopy(request), today=TODAY)
    assert result["ok"]
    assert result["filename"].endswith(".ics")
    output = io.StringIO()
    request_with_date = dict(request)
    import json

    status = main(["--ics"], stdin=io.StringIO(json.dumps(request_with_date)), stdout=output, stderr=io.StringIO())
    assert status == 0
    assert output.getvalue() == result["ics"]


def test_a_request_with_errors_gives_no_file() -> None:
    request = copy.deepcopy(BASE_REQUEST)
    request["enterprise"]["fte"] = "veel"
    result = agenda(request, today=TODAY)
    assert result["ok"] is False
    assert result["ics"] == ""
    error = io.StringIO()
    status = main(["--ics"], stdin=io.StringIO('{"enterprise": {"fte": "veel"}}'), stdout=io.StringIO(), stderr=error)
    assert status == 1
    assert "enterprise.fte" in error.getvalue()
