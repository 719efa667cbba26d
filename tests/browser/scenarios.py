"""The scenarios typed into the calculator page (test_calculator_scenarios.py) and reused by the behaviour,
accessibility and security tests: every size class, every condition, every service kind, the first modelled (2016)
and current dates, the cap, the deadline and bad input."""

from __future__ import annotations

from typing import Any

BASE_ENTERPRISE = {
    "legal_form": "bv",
    "region": "vlaanderen",
    "public_participation_pct": "0",
    "main_activity_eligible": True,
    "fte": "12,5",
    "turnover": "1.500.000",
    "balance_total": "900.000",
}


def scenario(date: str, services: list[dict[str, str]], **enterprise: Any) -> dict[str, Any]:
    extra = {key: value for key, value in enterprise.items() if key != "support_used_this_year"}
    request: dict[str, Any] = {"application_date": date, "enterprise": BASE_ENTERPRISE | extra, "services": services}
    if "support_used_this_year" in enterprise:
        request["support_used_this_year"] = enterprise["support_used_this_year"]
    return request


def service(kind: str, amount: str, start: str) -> dict[str, str]:
    return {"kind": kind, "amount": amount, "start_date": start}


SCENARIOS: dict[str, dict[str, Any]] = {
    "contract example: small with a linked and a partner enterprise, pentest": scenario(
        "2026-11-27",
        [service("pentest", "8.000,00", "2026-11-20")],
        linked=[{"fte": "3", "turnover": "200.000", "balance_total": "100.000"}],
        partners=[{"share_pct": "30", "fte": "10", "turnover": "2.000.000", "balance_total": "1.000.000"}],
    ),
    "medium by headcount: cybersecurity and IT training": scenario(
        "2026-11-27",
        [service("cybersecurity_training", "€ 4.000", "2026-11-25"), service("it_training", "2.500,50", "2026-11-27")],
        fte="60",
    ),
    "large enterprise: not an SME, no support": scenario(
        "2026-11-27",
        [service("cybersecurity_advice", "10.000", "2026-11-20")],
        fte="300",
        turnover="60.000.000",
        balance_total="50.000.000",
    ),
    "large liberal profession: eligible at the medium rate": scenario(
        "2026-11-27", [service("security_audit", "6.000", "2026-11-20")], legal_form="vrij_beroep", fte="260"
    ),
    "a vzw is excluded": scenario("2026-11-27", [service("pentest", "5.000", "2026-11-20")], legal_form="vzw"),
    "an establishment in Brussels": scenario(
        "2026-11-27", [service("pentest", "5.000", "2026-11-20")], region="brussel"
    ),
    "public participation of 25 %": scenario(
        "2026-11-27", [service("pentest", "5.000", "2026-11-20")], public_participation_pct="25"
    ),
    "main activity not on the list": scenario(
        "2026-11-27", [service("pentest", "5.000", "2026-11-20")], main_activity_eligible=False
    ),
    "first modelled rules (2016): 40 %, cap 10.000, development never eligible": scenario(
        "2016-06-01",
        [service("security_audit", "30.000", "2016-05-25"), service("development", "12.000", "2016-05-25")],
    ),
    "December 2019, medium: software advice at 20 %, cap 15.000": scenario(
        "2019-12-15", [service("software_advice", "20.000", "2019-12-10")], fte="75"
    ),
    "13 September 2021: cybersecurity advice at the ordinary 30 %": scenario(
        "2021-09-13", [service("cybersecurity_advice", "3.000", "2021-09-13")]
    ),
    "14 September 2021: cybersecurity advice at 45 %": scenario(
        "2021-09-14", [service("cybersecurity_advice", "3.000", "2021-09-14")]
    ),
    "1 February 2026: software advice out, software training in": scenario(
        "2026-02-01",
        [service("software_advice", "4.000", "2026-01-30"), service("software_training", "1.500", "2026-01-30")],
    ),
    "the cap: 7.000 used, a licence never counts": scenario(
        "2026-11-27",
        [service("software_license", "9.000", "2026-11-20"), service("pentest", "8.000", "2026-11-20")],
        support_used_this_year="7.000",
    ),
    "the deadline: 15 days late and 14 days in time": scenario(
        "2026-11-27", [service("pentest", "2.000", "2026-11-12"), service("pentest", "2.000", "2026-11-13")]
    ),
    "locked size and a training below the minimum": scenario(
        "2026-11-27",
        [service("it_training", "99,99", "2026-11-20"), service("cybersecurity_training", "1.000", "2026-11-20")],
        fte="70",
        locked_size="klein",
    ),
    "bad input: ambiguous headcount, empty turnover, partner share of 60 %": scenario(
        "2026-11-27",
        [service("pentest", "8.000", "2026-11-20")],
        fte="1.2.3",
        turnover="",
        partners=[{"share_pct": "60", "fte": "5", "turnover": "0", "balance_total": "0"}],
    ),
    "bad input: letters in an amount, no service kind": scenario(
        "2026-11-27", [service("", "acht duizend", "2026-11-20")]
    ),
    # A question about the enterprise alone, as a shared address holds it: no services key at all.
    "enterprise only: no service, medium by its figures": {
        "application_date": "2026-11-27",
        "enterprise": BASE_ENTERPRISE | {"fte": "80"},
    },
}
