"""Properties that hold for every request (Hypothesis)."""

from __future__ import annotations

import io
import json
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from hypothesis import assume, given
from hypothesis import strategies as st
from rules_helpers import TODAY

from calculator.__main__ import main
from calculator.antwoord import evaluate, evaluate_strict
from calculator.domein import Kerncijfers
from calculator.formatting import number
from calculator.grootte import bepaal_grootteklasse
from calculator.parameters import load

RULES = load()
KINDS = sorted(RULES.classificatie.dienstsoorten)
FORMS = sorted(RULES.classificatie.rechtsvormen)
REGIONS = sorted(RULES.classificatie.gewesten)

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=20,
)
days = st.dates(min_value=date(2016, 4, 1), max_value=date(2030, 12, 31))
money = st.decimals(min_value=0, max_value=10**8, places=2)
fte = st.decimals(min_value=0, max_value=400, places=2)
share = st.decimals(min_value=25, max_value=50, places=2)


def typed(value: Decimal) -> st.SearchStrategy[Any]:
    """The same number as a visitor could send it: Belgian text, with a euro sign, or a JSON number."""
    options: list[Any] = [number(value), f"€ {number(value)}", str(value).replace(".", ",")]
    if value == value.to_integral_value():
        options.append(int(value))
    return st.sampled_from(options)


@st.composite
def valid_requests(draw: st.DrawFn) -> dict[str, Any]:
    day = draw(days)

    def figures() -> dict[str, Any]:
        return {
            "fte": draw(fte.flatmap(typed)),
            "turnover": draw(money.flatmap(typed)),
            "balance_total": draw(money.flatmap(typed)),
        }

    enterprise = {
        "legal_form": draw(st.sampled_from(FORMS)),
        "region": draw(st.sampled_from(REGIONS)),
        "public_participation_pct": draw(st.decimals(min_value=0, max_value=100, places=2).flatmap(typed)),
        "main_activity_eligible": draw(st.booleans()),
        "provider_related": draw(st.sampled_from([None, False, True])),
        **figures(),
        "linked": [figures() for _ in range(draw(st.integers(0, 2)))],
        "partners": [{"share_pct": draw(share.flatmap(typed)), **figures()} for _ in range(draw(st.integers(0, 2)))],
        "locked_size": draw(st.sampled_from([None, "klein", "middelgroot"])),
    }
    services = [
        {
            "kind": draw(st.sampled_from(KINDS)),
            "amount": draw(money.flatmap(typed)),
            "start_date": (day + timedelta(days=draw(st.integers(-30, 60)))).isoformat(),
        }
        for _ in range(draw(st.integers(0, 4)))
    ]
    return {
        "application_date": day.isoformat(),
        "enterprise": enterprise,
        "support_used_this_year": draw(st.decimals(min_value=0, max_value=20000, places=2).flatmap(typed)),
        "services": services,
    }


@given(json_values)
def test_evaluate_returns_an_answer_and_never_raises_on_any_json(request: Any) -> None:
    answer = evaluate_strict(request, today=TODAY)
    assert answer["ok"] is (not answer["errors"])
    assert all(set(error) == {"field", "message", "code"} and error["message"] for error in answer["errors"])


@given(
    valid_requests(),
    st.sampled_from(
        [
            "application_date",
            "enterprise",
            "services",
            "support_used_this_year",
            "enterprise.fte",
            "enterprise.partners",
            "services.0",
            "services.0.amount",
        ]
    ),
    json_values,
)
def test_evaluate_never_raises_when_one_field_is_replaced_by_any_json(
    request: dict[str, Any], path: str, junk: Any
) -> None:
    if path.startswith("services.0"):
        assume(request["services"])
    target: Any = request
    *parents, last = path.split(".")
    for step in parents:
        target = target[int(step)] if isinstance(target, list) else target[step]
    if isinstance(target, list):
        target[int(last)] = junk
    else:
        target[last] = junk
    answer = evaluate_strict(request, today=TODAY)
    assert answer["ok"] is (not answer["errors"])


@given(valid_requests())
def test_support_never_exceeds_rate_times_amount_nor_what_is_left_of_the_cap(request: dict[str, Any]) -> None:
    answer = evaluate_strict(request, today=TODAY)
    assert answer["ok"], answer["errors"]
    left = Decimal(answer["cap_remaining_before"])
    assert left <= Decimal(answer["cap"])
    for service in answer["services"]:
        amount, support = Decimal(service["amount"]), Decimal(service["support"])
        rate = Decimal(service["rate_pct"])
        assert support >= 0
        assert support <= (amount * rate / 100).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        assert support <= left
        assert support + Decimal(service["own_share"]) == amount
        if not service["eligible"]:
            assert support == 0
            assert rate == 0
        left -= support
    assert Decimal(answer["cap_remaining_after"]) == left
    assert Decimal(answer["support_total"]) == Decimal(answer["cap_remaining_before"]) - left
    if not answer["eligible"]:
        assert Decimal(answer["support_total"]) == 0


@given(valid_requests())
def test_the_deadline_is_never_before_the_start(request: dict[str, Any]) -> None:
    answer = evaluate_strict(request, today=TODAY)
    for service in answer["services"]:
        assert date.fromisoformat(service["application_deadline"]) > date.fromisoformat(service["start_date"])


@given(valid_requests())
def test_the_command_line_gives_the_same_answer_as_the_function(request: dict[str, Any]) -> None:
    output = io.StringIO()
    status = main(["--compact"], stdin=io.StringIO(json.dumps(request)), stdout=output, stderr=io.StringIO())
    assert status == 0
    assert json.loads(output.getvalue()) == evaluate(request)


cijfers = st.builds(Kerncijfers, fte, money, money)
growth = st.builds(Kerncijfers, st.decimals(0, 300, places=2), money, money)


@given(cijfers, growth, days)
def test_a_bigger_company_never_lands_in_a_smaller_class(base: Kerncijfers, extra: Kerncijfers, day: date) -> None:
    bigger = Kerncijfers(base.vte + extra.vte, base.omzet + extra.omzet, base.balanstotaal + extra.balanstotaal)
    assert bepaal_grootteklasse(base, day, RULES).klasse.rank <= bepaal_grootteklasse(bigger, day, RULES).klasse.rank


@given(days)
def test_every_day_from_the_first_rule_set_on_has_all_its_rules(day: date) -> None:
    request = {
        "application_date": day.isoformat(),
        "enterprise": {
            "legal_form": "bv",
            "region": "vlaanderen",
            "public_participation_pct": 0,
            "main_activity_eligible": True,
            "fte": 10,
            "turnover": 1,
            "balance_total": 1,
        },
        "services": [{"kind": kind, "amount": 1000, "start_date": day.isoformat()} for kind in KINDS],
    }
    answer = evaluate_strict(request, today=TODAY)
    assert answer["ok"], answer["errors"]
    assert date.fromisoformat(answer["rules_in_force_since"]) <= day
