"""One home for every text: every code has a text, every text is used, every placeholder is filled."""

from __future__ import annotations

import ast
import copy
import re
from datetime import date
from decimal import Decimal
from importlib import resources
from typing import Any

import pytest
from rules_helpers import BASE_REQUEST, TODAY, docstring_ids

from calculator.antwoord import evaluate_strict
from calculator.domein import Reden
from calculator.formatting import euro, long_date, percent
from calculator.rendering import placeholders, render
from calculator.teksten import TEKSTEN

TEXT_MODULES = {"teksten.py", "foutteksten.py"}  # the table of texts, and the error messages it merges
MODULES = {
    entry.name: entry.read_text(encoding="utf-8")
    for entry in resources.files("calculator").iterdir()
    if entry.name.endswith(".py") and entry.name not in TEXT_MODULES
}


def _code_literals() -> tuple[set[str], set[str]]:
    """Codes written in the package: whole string literals, and the fixed start of f-strings (``f"grootte.{how}"``)."""
    whole: set[str] = set()
    prefixes: set[str] = set()
    for source in MODULES.values():
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value in TEKSTEN:
                whole.add(node.value)
            if isinstance(node, ast.JoinedStr) and node.values and isinstance(node.values[0], ast.Constant):
                prefix = str(node.values[0].value)
                if re.fullmatch(r"[a-z_.]+\.", prefix):
                    prefixes.add(prefix)
    return whole, prefixes


def test_every_text_is_used_by_the_package() -> None:
    whole, prefixes = _code_literals()
    unused = [code for code in TEKSTEN if code not in whole and not any(code.startswith(p) for p in prefixes)]
    assert unused == []


def test_every_reason_the_package_creates_has_a_text() -> None:
    for name, source in MODULES.items():
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) in {"Reden", "InputError"} and node.args:
                first = node.args[0]
                if isinstance(first, ast.Constant):
                    assert first.value in TEKSTEN, f"{name} line {node.lineno}: no text for {first.value!r}"


def test_no_dutch_sentence_is_written_outside_the_text_module() -> None:
    """Sentences a visitor reads live in the text modules; other modules hold codes, labels come from the data."""
    sentence = re.compile(r"\b(?:uw|u|de|het|een|is|niet|van)\b.*\b(?:uw|u|de|het|een|is|niet|van)\b", re.IGNORECASE)
    allowed = {"__main__.py", "parameters.py"}  # command-line help and loader errors are English
    for name, source in MODULES.items():
        if name in allowed:
            continue
        tree = ast.parse(source)
        docstrings = docstring_ids(tree)
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
                assert not (sentence.search(node.value) and " " in node.value.strip()), f"{name}: {node.value!r}"


def test_rendering_fills_every_placeholder_and_refuses_a_missing_value() -> None:
    reden = Reden("plafond", {"klasse_bijvoeglijk": "klein", "plafond_eur": Decimal(7500), "sinds_datum": date(2020, 1, 1),
                              "jaar": "2026", "gebruikt_eur": Decimal(0), "over_eur": Decimal(7500)})  # fmt: skip
    text = render(reden)
    assert "{" not in text
    assert "€\u00a07.500,00" in text
    assert long_date(date(2020, 1, 1)) in text
    assert placeholders("plafond") == set(reden.waarden)
    with pytest.raises(KeyError):
        render(Reden("plafond", {"klasse_bijvoeglijk": "klein"}))
    with pytest.raises(TypeError):
        render(Reden("aanname.aanvraagdatum", {"vandaag_datum": "2026-11-27"}))


def _texts(document: Any) -> list[str]:
    if isinstance(document, dict):
        return [text for value in document.values() for text in _texts(value)]
    if isinstance(document, list):
        return [text for value in document for text in _texts(value)]
    return [document] if isinstance(document, str) else []


def _reasons(document: Any) -> list[dict[str, Any]]:
    if isinstance(document, dict):
        found = [document] if "code" in document and "values" in document else []
        return found + [r for value in document.values() for r in _reasons(value)]
    if isinstance(document, list):
        return [r for value in document for r in _reasons(value)]
    return []


def _rich_requests() -> list[dict[str, Any]]:
    base = copy.deepcopy(BASE_REQUEST)
    group = copy.deepcopy(BASE_REQUEST)
    group["enterprise"]["linked"] = [{"fte": 45, "turnover": 1, "balance_total": 1}]
    group["enterprise"]["partners"] = [{"share_pct": 25, "fte": 10, "turnover": 1, "balance_total": 1}]
    refused = copy.deepcopy(BASE_REQUEST)
    refused["enterprise"].update({"legal_form": "vzw", "region": "brussel", "public_participation_pct": 30,
                                  "main_activity_eligible": False, "fte": 300})  # fmt: skip
    refused["services"] = [{"kind": "software_advice", "amount": 50, "start_date": "2026-01-01"}]
    capped = copy.deepcopy(BASE_REQUEST)
    capped["support_used_this_year"] = 7000
    capped["services"].append({"kind": "software_training", "amount": 50, "start_date": "2026-11-27"})
    capped["services"].append({"kind": "cybersecurity_advice", "amount": 100, "start_date": "2026-11-27"})
    locked = copy.deepcopy(BASE_REQUEST)
    locked["enterprise"]["locked_size"] = "middelgroot"
    large_liberal = copy.deepcopy(BASE_REQUEST)
    large_liberal["enterprise"].update({"legal_form": "vrij_beroep", "fte": 400})
    return [base, group, refused, capped, locked, large_liberal, {"enterprise": {"size_category": "middelgroot"}}]


@pytest.mark.parametrize("request_", _rich_requests())
def test_every_explanation_warning_and_assumption_carries_its_code_and_renders_from_it(
    request_: dict[str, Any],
) -> None:
    answer = evaluate_strict(request_, today=TODAY)
    assert answer["ok"], answer["errors"]
    assert not [text for text in _texts(answer) if re.search(r"\{[a-z_0-9]+\}", text)]
    for condition in answer["conditions"]:
        assert condition["code"] in TEKSTEN
    for service in answer["services"]:
        assert service["code"] in TEKSTEN
    assert [w["message"] for w in answer["warning_details"]] == answer["warnings"]
    for reason in _reasons(answer):
        assert reason["code"] in TEKSTEN, reason
        named = {p for p in placeholders(reason["code"]) if not re.fullmatch(r"deel\d+|delen|relatie|regel", p)}
        assert named <= set(reason["values"]), reason


def test_the_answer_carries_display_strings_so_the_page_formats_nothing() -> None:
    answer = evaluate_strict(copy.deepcopy(BASE_REQUEST), today=TODAY)
    service = answer["services"][0]
    assert service["display"] == {
        "label": "Pentest",
        "rate": percent(Decimal(45)),
        "amount": euro(Decimal(8000)),
        "support": euro(Decimal(3600)),
        "own_share": euro(Decimal(4400)),
        "start_date": "20 november 2026",
        "application_deadline": "4 december 2026",
        "realisation_deadline": None,  # an advice: the official text gives the end date for training only
    }
    assert answer["display"]["application_date"] == "27 november 2026"
    assert answer["display"]["rules_in_force_since"] == "1 februari 2026"
    assert answer["display"]["support_total"] == "€\u00a03.600,00"
    assert answer["display"]["support_total_rounded"] == "€\u00a03.600"
    assert answer["display"]["conditions"] == "Voorwaarden: alle 6 voldaan."
    assert answer["size"]["display"]["category"] == "klein"
    assert answer["conditions"][0]["label"] == "Een kmo of een vrij beroep"


def test_what_would_change_the_outcome() -> None:
    group = copy.deepcopy(BASE_REQUEST)
    group["enterprise"]["linked"] = [{"fte": 45, "turnover": 1, "balance_total": 1}]
    answer = evaluate_strict(group, today=TODAY)
    messages = [hint["message"] for hint in answer["hints"]]
    assert (
        "Met de verbonden en partnerondernemingen bent u middelgroot: 35\u00a0% in plaats van 45\u00a0% voor dienst 1."
        in messages
    )
    assert "Vraag dienst 1 uiterlijk op 4 december 2026 aan." in messages
    capped = copy.deepcopy(BASE_REQUEST)
    capped["support_used_this_year"] = 7000
    capped_hints = {hint["code"]: hint for hint in evaluate_strict(capped, today=TODAY)["hints"]}
    assert capped_hints["gevolg.plafond"]["values"] == {"verloren_eur": "3100"}


def test_pentest_and_audit_explain_that_they_count_as_advice_only_when_delivered_as_advice() -> None:
    for kind in ["pentest", "security_audit"]:
        request = copy.deepcopy(BASE_REQUEST)
        request["services"][0]["kind"] = kind
        service = evaluate_strict(request, today=TODAY)["services"][0]
        assert "schriftelijk rapport en aanbevelingen" in service["explanation"]
        assert "dienst.enkel_als_advies" in [p["code"] for p in service["parts"][0]["parts"]]
    request = copy.deepcopy(BASE_REQUEST)
    request["services"][0]["kind"] = "cybersecurity_training"
    assert "als advies geleverd" not in evaluate_strict(request, today=TODAY)["services"][0]["explanation"]


@pytest.mark.parametrize(
    ("changes", "code", "phrase"),
    [
        ({}, "samenvatting.steun", "U krijgt naar schatting €\u00a03.600 steun"),
        ({"support_used_this_year": 7500}, "samenvatting.plafond_op", "al opgebruikt"),
        ({"services": []}, "samenvatting.geen_diensten", "Kies een dienst"),
        (
            {"services": [{"kind": "development", "amount": 1000, "start_date": "2026-11-20"}]},
            "samenvatting.geen_steun",
            "nooit in aanmerking",
        ),
        (
            {"services": [{"kind": "pentest", "amount": 1000, "start_date": "2026-11-01"}]},
            "samenvatting.geen_steun",
            "uiterlijk op",
        ),
    ],
)
def test_the_one_sentence_summary_names_the_reason_that_decides(
    changes: dict[str, Any], code: str, phrase: str
) -> None:
    request = copy.deepcopy(BASE_REQUEST)
    request.update(changes)
    summary = evaluate_strict(request, today=TODAY)["summary"]
    assert summary["code"] == code
    assert phrase in summary["message"]


@pytest.mark.parametrize(
    ("enterprise", "sentence"),
    [
        (
            {"fte": 10, "turnover": 1, "balance_total": 1},
            "Uw onderneming is klein, berekend uit de cijfers die u opgaf.",
        ),
        (
            {"size_category": "klein", "locked_size": "middelgroot"},
            "Uw onderneming is middelgroot: die grootte ligt dit kalenderjaar al vast.",
        ),
    ],
)
def test_a_computed_or_locked_size_is_named_in_the_answer_sentence(enterprise: dict[str, Any], sentence: str) -> None:
    answer = evaluate_strict({"enterprise": enterprise, "services": [{"kind": "pentest", "amount": 8000}]}, today=TODAY)
    assert answer["summary"]["message"].startswith("U krijgt naar schatting")
    assert answer["summary"]["message"].endswith(sentence)


def test_a_stated_size_is_not_repeated_in_the_answer_sentence() -> None:
    answer = evaluate_strict(
        {"enterprise": {"size_category": "klein"}, "services": [{"kind": "pentest", "amount": 8000}]}, today=TODAY
    )
    assert "klein" not in answer["summary"]["message"]


@pytest.mark.parametrize("services", [None, []])
def test_a_question_without_services_answers_the_size_and_the_conditions_and_asks_for_a_service(
    services: list[Any] | None,
) -> None:
    request: dict[str, Any] = {"enterprise": {"fte": 60, "turnover": 1, "balance_total": 1}}
    if services is not None:
        request["services"] = services
    answer = evaluate_strict(request, today=TODAY)
    assert answer["ok"]
    assert answer["size"]["category"] == "middelgroot"
    assert len(answer["conditions"]) == 6
    assert answer["services"] == []
    assert answer["summary"]["code"] == "samenvatting.geen_diensten"
    assert [part["code"] for part in answer["summary"]["parts"]] == [
        "samenvatting.grootte.definitie",
        "samenvatting.voorwaarden.alle_aangenomen",
    ]
    assert answer["summary"]["message"].startswith("Uw onderneming is middelgroot")
    assert answer["summary"]["message"].endswith(
        "Kies een dienst en vul het bedrag in: dan ziet u hoeveel steun u krijgt."
    )


def test_a_question_without_services_from_an_ineligible_enterprise_says_why_there_is_no_support() -> None:
    answer = evaluate_strict({"enterprise": {"size_category": "klein", "legal_form": "vzw"}}, today=TODAY)
    assert answer["summary"]["code"] == "samenvatting.geen_steun"
    # Since 2026 a vzw is refused unless it is a recognised maatwerkbedrijf: the answer says so, never "never".
    assert answer["summary"]["parts"][0]["code"] == "voorwaarde.rechtsvorm.vzw.behalve_maatwerkbedrijf"
    assert "maatwerkbedrijf" in answer["summary"]["message"]
