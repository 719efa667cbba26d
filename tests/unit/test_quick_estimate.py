"""A quick estimate (INTERFACE.md): a stated size instead of figures, left-out conditions and dates assumed."""

from __future__ import annotations

import copy
import itertools
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rules_helpers import BASE_REQUEST, TODAY

from calculator.antwoord import evaluate_strict

QUICK = {"enterprise": {"size_category": "klein"}, "services": [{"kind": "pentest", "amount": 8000}]}
OPTIONAL_CONDITIONS = {
    "legal_form": ("enterprise.legal_form", "rechtsvorm"),
    "region": ("enterprise.region", "vestiging"),
    "public_participation_pct": ("enterprise.public_participation_pct", "prive"),
    "main_activity_eligible": ("enterprise.main_activity_eligible", "hoofdactiviteit"),
    "provider_related": ("enterprise.provider_related", "niet_aanverwant"),
}


def test_the_contract_quick_request_gives_3600_seven_assumptions_and_a_timeline() -> None:
    answer = evaluate_strict(copy.deepcopy(QUICK), today=TODAY)
    assert answer["ok"], answer["errors"]
    assert answer["support_total"] == "3600.00"
    assert answer["services"][0]["own_share"] == "4400.00"
    assert [a["field"] for a in answer["assumptions"]] == [
        "enterprise.legal_form",
        "enterprise.region",
        "enterprise.public_participation_pct",
        "enterprise.main_activity_eligible",
        "enterprise.provider_related",
        "application_date",
        "services[0].start_date",
    ]
    assert all(a["message"].startswith("We gaan ervan uit dat") for a in answer["assumptions"])
    assert all(a["code"].startswith("aanname.") for a in answer["assumptions"])
    assert answer["timeline"] == [
        {
            "service": 0,
            "kind": "pentest",
            "label": "Pentest",
            "start_date": "2026-11-27",
            "apply_by": "2026-12-11",
            "apply_within_days": 14,
            "deposit_within_days": 30,
            "finish_by": None,  # an advice: the official text gives the end date for training only
            "display": {
                "start_date": "27 november 2026",
                "apply_by": "11 december 2026",
                "deposit": "Eigen aandeel storten binnen 30 kalenderdagen na de bevestiging door de dienstverlener",
                "finish_by": None,
            },
        }
    ]
    assert (
        answer["summary"]["message"]
        == "U krijgt naar schatting €\u00a03.600 steun; uw eigen aandeel is €\u00a04.400, zonder btw."
    )
    assert answer["size"]["stated"] is True
    assert answer["size"]["fte"] is None


@pytest.mark.parametrize("day", ["2026-01-01", "2026-06-30", "2026-12-31"])
def test_the_quick_request_gives_3600_on_any_day_in_2026(day: str) -> None:
    answer = evaluate_strict(copy.deepcopy(QUICK), today=date.fromisoformat(day))
    assert answer["support_total"] == "3600.00"
    assert answer["application_date"] == day
    assert len(answer["assumptions"]) == 7


@pytest.mark.parametrize(("size", "support"), [("klein", "3600.00"), ("middelgroot", "2800.00"), ("groot", "0.00")])
def test_a_stated_size_decides_the_rate(size: str, support: str) -> None:
    request: dict[str, Any] = copy.deepcopy(QUICK)
    request["enterprise"]["size_category"] = size
    answer = evaluate_strict(request, today=TODAY)
    assert answer["support_total"] == support
    assert answer["eligible"] is (size != "groot")
    assert answer["conditions"][0]["code"] == (
        # A large enterprise is refused unless it is a recognised maatwerkbedrijf (from 2026; TODAY is in 2026).
        "voorwaarde.kmo.groot.behalve_maatwerkbedrijf" if size == "groot" else "voorwaarde.kmo.opgegeven"
    )


def test_figures_and_a_stated_size_together_the_figures_decide_with_a_warning() -> None:
    request = copy.deepcopy(BASE_REQUEST)
    request["enterprise"]["size_category"] = "middelgroot"  # the figures (10 VTE) say klein
    answer = evaluate_strict(request, today=TODAY)
    assert answer["size"]["category"] == "klein"
    assert answer["services"][0]["rate_pct"] == "45"
    codes = [w["code"] for w in answer["warning_details"]]
    assert "waarschuwing.opgegeven_verschilt" in codes
    same = copy.deepcopy(BASE_REQUEST)
    same["enterprise"]["size_category"] = "klein"
    assert "waarschuwing.opgegeven_verschilt" not in [
        w["code"] for w in evaluate_strict(same, today=TODAY)["warning_details"]
    ]


@pytest.mark.parametrize(
    ("enterprise", "field"),
    [
        ({"size_category": "reus"}, "enterprise.size_category"),
        ({"size_category": "klein", "region": "mars"}, "enterprise.region"),
        ({"size_category": "klein", "public_participation_pct": "-5"}, "enterprise.public_participation_pct"),
        ({"size_category": "klein", "main_activity_eligible": "misschien"}, "enterprise.main_activity_eligible"),
        ({}, "enterprise.fte"),
        ({"size_category": "klein", "fte": 3}, "enterprise.turnover"),
        ({"size_category": "klein", "linked": [{"fte": 1, "turnover": 1, "balance_total": 1}]}, "enterprise.fte"),
    ],
)
def test_an_invalid_or_incomplete_value_is_still_an_error(enterprise: dict[str, Any], field: str) -> None:
    answer = evaluate_strict({"enterprise": enterprise, "services": QUICK["services"]}, today=TODAY)
    assert answer["ok"] is False
    assert field in [error["field"] for error in answer["errors"]], answer["errors"]


def test_a_given_value_is_never_an_assumption() -> None:
    answer = evaluate_strict(copy.deepcopy(BASE_REQUEST), today=TODAY)
    assert answer["assumptions"] == []
    assert not any(condition["assumed"] for condition in answer["conditions"])


def test_a_left_out_start_date_is_today_and_an_assumption() -> None:
    request = copy.deepcopy(BASE_REQUEST)
    del request["services"][0]["start_date"]
    answer = evaluate_strict(request, today=TODAY)
    assert answer["services"][0]["start_date"] == TODAY.isoformat()
    assert answer["services"][0]["start_date_assumed"] is True
    assert [a["field"] for a in answer["assumptions"]] == ["services[0].start_date"]
    assert answer["assumptions"][0]["values"] == {"nummer": 1, "vandaag_datum": TODAY.isoformat()}


def _full_requests() -> st.SearchStrategy[dict[str, Any]]:
    """Full requests whose five optional conditions are all met (so removing them must not change support)."""
    return st.builds(
        lambda fte, turnover, kind, amount, offset, used: {
            "application_date": TODAY.isoformat(),
            "enterprise": {
                "legal_form": "bv",
                "region": "vlaanderen",
                "public_participation_pct": 0,
                "main_activity_eligible": True,
                "provider_related": False,
                "maatwerkbedrijf": False,  # given, so a large enterprise's answer assumes nothing about it
                "fte": str(fte),
                "turnover": str(turnover),
                "balance_total": str(turnover),
            },
            "support_used_this_year": str(used),
            "services": [
                {"kind": kind, "amount": str(amount), "start_date": (TODAY - timedelta(days=offset)).isoformat()}
            ],
        },
        st.decimals(0, 300, places=1),
        st.decimals(0, 60_000_000, places=2),
        st.sampled_from(["pentest", "cybersecurity_training", "software_training", "software_advice", "development"]),
        st.decimals(0, 40_000, places=2),
        st.integers(-20, 20),
        st.decimals(0, 9000, places=2),
    )


SUBSETS = [set(c) for r in range(len(OPTIONAL_CONDITIONS) + 1) for c in itertools.combinations(OPTIONAL_CONDITIONS, r)]


@given(_full_requests(), st.sampled_from(SUBSETS))
def test_removing_met_conditions_never_raises_nor_changes_support_and_lists_exactly_them(
    request: dict[str, Any], removed: set[str]
) -> None:
    full = evaluate_strict(request, today=TODAY)
    assert full["ok"], full["errors"]
    quick_request = copy.deepcopy(request)
    for key in removed:
        del quick_request["enterprise"][key]
    quick = evaluate_strict(quick_request, today=TODAY)
    assert quick["ok"], quick["errors"]
    assert quick["support_total"] == full["support_total"]
    assert [s["support"] for s in quick["services"]] == [s["support"] for s in full["services"]]
    assert {a["field"] for a in quick["assumptions"]} == {OPTIONAL_CONDITIONS[key][0] for key in removed}
    assumed = {c["id"] for c in quick["conditions"] if c["assumed"]}
    assert assumed == {OPTIONAL_CONDITIONS[key][1] for key in removed}


@given(st.sampled_from(SUBSETS), st.sampled_from(["vzw", "brussel", "50", "false", "related"]))
def test_an_unmet_condition_that_is_removed_becomes_an_assumption_that_is_met(removed: set[str], unmet: str) -> None:
    request = copy.deepcopy(BASE_REQUEST)
    key = {
        "vzw": "legal_form",
        "brussel": "region",
        "50": "public_participation_pct",
        "false": "main_activity_eligible",
        "related": "provider_related",
    }[unmet]
    request["enterprise"][key] = {"false": False, "50": 50, "related": True}.get(unmet, unmet)
    for name in removed:
        request["enterprise"].pop(name, None)
    answer = evaluate_strict(request, today=TODAY)
    assert answer["ok"], answer["errors"]
    assert answer["eligible"] is (key in removed)
    assert (Decimal(answer["support_total"]) > 0) is (key in removed)


@pytest.mark.parametrize(
    ("enterprise", "day", "asked"),
    [
        ({"size_category": "klein", "legal_form": "vzw"}, "2026-06-01", True),
        ({"size_category": "groot"}, "2026-06-01", True),
        ({"size_category": "klein", "legal_form": "maatschap"}, "2026-06-01", True),
        ({"size_category": "klein", "legal_form": "bv"}, "2026-06-01", False),
        ({"size_category": "klein"}, "2026-06-01", False),
        ({"size_category": "klein", "legal_form": "vzw"}, "2025-12-31", False),
        ({"size_category": "groot"}, "2025-12-31", False),
        ({"size_category": "groot", "maatwerkbedrijf": False}, "2026-06-01", False),
    ],
)
def test_the_maatwerkbedrijf_question_is_an_assumption_only_where_it_matters(
    enterprise: dict[str, Any], day: str, asked: bool
) -> None:
    """Only a vzw (or another refused legal form) or a large enterprise, and only from 1 January 2026, would change
    with the answer; elsewhere the page does not ask it."""
    request = {"application_date": day, "enterprise": enterprise, "services": [{"kind": "pentest", "amount": 8000}]}
    answer = evaluate_strict(request, today=TODAY)
    fields = [assumption["field"] for assumption in answer["assumptions"]]
    assert ("enterprise.maatwerkbedrijf" in fields) is asked, fields


@pytest.mark.parametrize(("day", "exception"), [("2025-12-31", False), ("2026-01-01", True)])
def test_the_assumed_legal_form_names_the_maatwerkbedrijf_exception_from_its_date(day: str, exception: bool) -> None:
    """No answer says a vzw can never get support once a recognised maatwerkbedrijf may (from 1 January 2026)."""
    request = {
        "application_date": day,
        "enterprise": {"size_category": "klein"},
        "services": [{"kind": "pentest", "amount": 8000}],
    }
    answer = evaluate_strict(request, today=TODAY)
    legal = next(a for a in answer["assumptions"] if a["field"] == "enterprise.legal_form")
    assert legal["code"].endswith(".behalve_maatwerkbedrijf") is exception
    assert ("tenzij ze een erkend maatwerkbedrijf is" in legal["message"]) is exception
