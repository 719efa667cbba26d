"""The calculator and the pages say the same thing: one name per kind of service, cybersecurity within the theme
digitalisering (never a theme of its own), and the end date for training only."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from site_helpers import Page

from calculator import evaluate
from calculator.parameters import load

KINDS = tuple(load().classificatie.dienstsoorten)


def _answer(kind: str) -> dict[str, object]:
    request = {"enterprise": {"size_category": "klein"}, "services": [{"kind": kind, "amount": "900"}]}
    answer = evaluate(request)
    assert answer["ok"], answer
    return answer


@pytest.mark.parametrize("kind", KINDS)
def test_no_answer_makes_cybersecurity_a_theme(kind: str) -> None:
    assert "thema cybersecurity" not in json.dumps(_answer(kind), ensure_ascii=False)


def test_no_page_makes_cybersecurity_a_theme(pages: dict[str, Page]) -> None:
    assert [name for name, page in pages.items() if "thema cybersecurity" in page.text] == []


def test_an_advice_answer_gives_no_end_date_and_a_training_one_does() -> None:
    for kind in KINDS:
        answer = _answer(kind)
        for service, entry in zip(answer["services"], answer["timeline"], strict=False):  # type: ignore[call-overload]
            assert (entry["finish_by"] is None) is (service["explanation"].count("valt onder advies") == 1), kind


def test_each_kind_has_one_name_on_the_pages_and_in_the_answers(pages: dict[str, Page], site: Path) -> None:
    """The answer names a kind by its label; no page names it otherwise ("Pentesting" for a pentest)."""
    labels = {kind: _answer(kind)["services"][0]["label"] for kind in KINDS}  # type: ignore[index]
    assert labels["pentest"] == "Pentest"
    text = " ".join(page.text for page in pages.values())
    assert "Pentesting" not in text
    assert (site / "index.html").is_file()


def test_the_calculator_offers_every_legal_form_and_region_of_the_data(site: Path) -> None:
    """The form's choices come from the classification (a template that names a missing value renders nothing)."""
    html = (site / "rekenmodule" / "index.html").read_text(encoding="utf-8")
    classificatie = load().classificatie
    for key in (*classificatie.rechtsvormen, *classificatie.gewesten):
        assert f'value="{key}"' in html, key
