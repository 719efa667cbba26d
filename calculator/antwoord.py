"""The answer's JSON (INTERFACE.md): the outcome of the rules, rendered with its texts and display strings.

The page shows what this module writes and formats nothing itself: every amount, date, percentage and label comes
with a ready display string (``display``), every explanation, warning and assumption with its reason code and the
values it used.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from calculator.domein import Aanvraag, Grootteklasse, Kerncijfers, Reden
from calculator.formatting import euro, long_date, money_string, number, percent, plain_decimal
from calculator.parameters import RulesData, Source
from calculator.steun import ZERO, Dienstresultaat
from calculator.teksten import GROOTTE_LABELS, reden_json, render
from calculator.voorwaarden import Voorwaarde


@dataclass(frozen=True)
class Uitkomst:
    """Everything the steps decided, before it is written as JSON."""

    aanvraag: Aanvraag
    grootte_klasse: Grootteklasse
    applied: Grootteklasse
    totaal: Kerncijfers | None
    group_klasse: Grootteklasse | None
    own_klasse: Grootteklasse | None
    size_reden: Reden
    groep_reden: Reden
    size_how: str
    voorwaarden: tuple[Voorwaarde, ...]
    cap: Decimal
    cap_remaining_before: Decimal
    cap_reden: Reden
    cap_source: Source | None
    cap_quote: str | None
    results: tuple[Dienstresultaat, ...]
    remaining_after: Decimal
    warnings: tuple[Reden, ...]
    assumptions: tuple[tuple[str, Reden], ...]
    hints: tuple[Reden, ...]


def _source_json(source: Source | None) -> dict[str, str] | None:
    return None if source is None else {"title": source.title, "href": source.href}


def _rendered(reden: Reden, key: str = "message") -> dict[str, Any]:
    return {key: render(reden), **reden_json(reden)}


def _service_json(result: Dienstresultaat) -> dict[str, Any]:
    return {
        "kind": result.dienst.soort,
        "label": result.kind.label,
        "eligible": result.eligible,
        "rate_pct": plain_decimal(result.rate_pct),
        "amount": money_string(result.dienst.bedrag),
        "support": money_string(result.support),
        "own_share": money_string(result.own_share),
        "start_date": result.dienst.startdatum.isoformat(),
        "start_date_assumed": not result.dienst.startdatum_gegeven,
        "application_deadline": result.application_deadline.isoformat(),
        "realisation_deadline": result.realisation_deadline.isoformat(),
        "explanation": render(result.reden),
        **reden_json(result.reden),
        "source": _source_json(result.source),
        "quote": result.quote,
        "display": {
            "label": result.kind.label,
            "rate": percent(result.rate_pct),
            "amount": euro(result.dienst.bedrag),
            "support": euro(result.support),
            "own_share": euro(result.own_share),
            "start_date": long_date(result.dienst.startdatum),
            "application_deadline": long_date(result.application_deadline),
            "realisation_deadline": long_date(result.realisation_deadline),
        },
    }


def tijdlijn(results: tuple[Dienstresultaat, ...], day: date, data: RulesData) -> list[dict[str, Any]]:
    """Per eligible service, the visitor's own dates: apply by, deposit within, finish by."""
    deposit_days = int(data["procedure.stortingstermijn"].amount(day))
    apply_days = int(data["procedure.aanvraagtermijn"].amount(day))
    entries = []
    for index, result in enumerate(results):
        if not result.eligible:
            continue
        entries.append(
            {
                "service": index,
                "kind": result.dienst.soort,
                "label": result.kind.label,
                "start_date": result.dienst.startdatum.isoformat(),
                "apply_by": result.application_deadline.isoformat(),
                "apply_within_days": apply_days,
                "deposit_within_days": deposit_days,
                "finish_by": result.realisation_deadline.isoformat(),
                "display": {
                    "start_date": long_date(result.dienst.startdatum),
                    "apply_by": long_date(result.application_deadline),
                    "deposit": render(Reden("tijdlijn.storten", {"storting_dagen": deposit_days})),
                    "finish_by": long_date(result.realisation_deadline),
                },
            }
        )
    return entries


def _summary(uitkomst: Uitkomst, support_total: Decimal) -> Reden:
    """The answer in one sentence: the support, or the one reason that decides there is none."""
    results = uitkomst.results
    if not results:
        return Reden("samenvatting.geen_diensten")
    if support_total == 0:
        refused = next((r for r in results if not r.eligible), None)
        if refused is not None:  # the first reason that refuses the first refused service
            return Reden("samenvatting.geen_steun", delen=(refused.reden.delen[0],))
        if uitkomst.cap_remaining_before == 0:
            return Reden("samenvatting.plafond_op", {"plafond_eur": uitkomst.cap})
    own = sum((r.own_share for r in results if r.eligible), ZERO)
    return Reden("samenvatting.steun", {"steun_bedrag": support_total, "eigen_bedrag": own})


def _size_json(uitkomst: Uitkomst) -> dict[str, Any]:
    totaal = uitkomst.totaal
    return {
        "category": uitkomst.grootte_klasse.value,
        "fte": plain_decimal(totaal.vte) if totaal else None,
        "turnover": money_string(totaal.omzet) if totaal else None,
        "balance_total": money_string(totaal.balanstotaal) if totaal else None,
        "locked": uitkomst.aanvraag.onderneming.vastgelegde_grootte is not None,
        "stated": uitkomst.size_how == "opgegeven",
        "group_changes_size": uitkomst.own_klasse is not None and uitkomst.own_klasse is not uitkomst.group_klasse,
        "computed_category": uitkomst.group_klasse.value if uitkomst.group_klasse else None,
        "own_category": uitkomst.own_klasse.value if uitkomst.own_klasse else None,
        "applied_category": uitkomst.applied.value,
        "explanation": render(uitkomst.size_reden),
        **reden_json(uitkomst.size_reden),
        "group_explanation": render(uitkomst.groep_reden),
        "group": reden_json(uitkomst.groep_reden),
        "display": {
            "category": GROOTTE_LABELS[uitkomst.grootte_klasse.value],
            "fte": number(totaal.vte) if totaal else None,
            "turnover": euro(totaal.omzet) if totaal else None,
            "balance_total": euro(totaal.balanstotaal) if totaal else None,
        },
    }


def answer_json(uitkomst: Uitkomst, data: RulesData) -> dict[str, Any]:
    day = uitkomst.aanvraag.aanvraagdatum
    results = uitkomst.results
    support_total = sum((r.support for r in results), ZERO)
    own_total = sum((r.own_share for r in results), ZERO)
    eligible = all(v.met for v in uitkomst.voorwaarden)
    since = data.rules_in_force_since(day)
    summary = _summary(uitkomst, support_total)
    assumed = sum(1 for v in uitkomst.voorwaarden if v.assumed)
    if not eligible:
        conditions_summary = Reden("samenvatting.voorwaarden.niet_alle")
    elif assumed:
        conditions_summary = Reden(
            "samenvatting.voorwaarden.alle_aangenomen", {"aantal": len(uitkomst.voorwaarden), "aangenomen": assumed}
        )
    else:
        conditions_summary = Reden("samenvatting.voorwaarden.alle", {"aantal": len(uitkomst.voorwaarden)})
    return {
        "ok": True,
        "errors": [],
        "application_date": day.isoformat(),
        "application_date_assumed": not uitkomst.aanvraag.aanvraagdatum_gegeven,
        "rules_in_force_since": since.isoformat(),
        "size": _size_json(uitkomst),
        "eligible": eligible,
        "conditions": [v.as_json() for v in uitkomst.voorwaarden],
        "services": [_service_json(r) for r in results],
        "cap": money_string(uitkomst.cap),
        "cap_remaining_before": money_string(uitkomst.cap_remaining_before),
        "support_total": money_string(support_total),
        "own_share_total": money_string(own_total),
        "cap_remaining_after": money_string(uitkomst.remaining_after),
        "cap_explanation": render(uitkomst.cap_reden),
        "cap_reason": reden_json(uitkomst.cap_reden),
        "cap_source": _source_json(uitkomst.cap_source),
        "cap_quote": uitkomst.cap_quote,
        "warnings": [render(w) for w in uitkomst.warnings],
        "warning_details": [_rendered(w) for w in uitkomst.warnings],
        "assumptions": [{"field": field, **_rendered(reden)} for field, reden in uitkomst.assumptions],
        "hints": [_rendered(h) for h in uitkomst.hints],
        "timeline": tijdlijn(results, day, data),
        "summary": _rendered(summary),
        "display": {
            "application_date": long_date(day),
            "rules_in_force_since": long_date(since),
            "support_total": euro(support_total),
            "support_total_rounded": euro(support_total, cents=False),
            "own_share_total": euro(own_total),
            "cap": euro(uitkomst.cap),
            "cap_remaining_before": euro(uitkomst.cap_remaining_before),
            "cap_remaining_after": euro(uitkomst.remaining_after),
            "conditions": render(conditions_summary),
        },
    }
