"""``evaluate(request) -> answer``, the calculator's one interface (INTERFACE.md), and the answer's JSON: the outcome of the rules, rendered with its texts and display strings.

The page shows what this module writes and formats nothing itself: every amount, date, percentage and label comes
with a ready display string (``display``), every explanation, warning and assumption with its reason code and the
values it used.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal, localcontext
from typing import Any, Final

from calculator import figuren
from calculator.clock import brussels_today
from calculator.dated import Source
from calculator.domein import Bepaling, Dienstresultaat, Reden, Uitkomst, Voorwaarde
from calculator.engine import uitkomst
from calculator.formatting import euro, long_date, money_string, number, percent, plain_decimal
from calculator.parameters import RulesData, load
from calculator.rendering import reden_json, render
from calculator.request import FieldError, read_request, veld_van
from calculator.request_services import ONDERWERPEN
from calculator.steun import ZERO
from calculator.teksten import GROOTTE_LABELS, VOORWAARDE_LABELS

SUBJECTS: Final = {onderwerp: key for key, onderwerp in ONDERWERPEN.items()}  # the answer's ``subject``


def _iso(day: date | None) -> str | None:
    return None if day is None else day.isoformat()


def _long(day: date | None) -> str | None:
    return None if day is None else long_date(day)


def _source_json(source: Source | None) -> dict[str, str] | None:
    return None if source is None else {"title": source.title, "href": source.href}


def _rendered(reden: Reden, key: str = "message") -> dict[str, Any]:
    return {key: render(reden), **reden_json(reden)}


def _condition_json(voorwaarde: Voorwaarde) -> dict[str, Any]:
    return {
        "id": voorwaarde.id,
        "label": VOORWAARDE_LABELS[voorwaarde.id],
        "met": voorwaarde.voldaan,
        "assumed": voorwaarde.aangenomen,
        "explanation": render(voorwaarde.reden),
        **reden_json(voorwaarde.reden),
    }


def _service_json(result: Dienstresultaat) -> dict[str, Any]:
    return {
        "kind": result.dienst.soort.sleutel,
        "subject": SUBJECTS[result.soort.onderwerp],
        "theme": result.soort.thema,
        "label": result.soort.label,
        "eligible": result.subsidieerbaar,
        "rate_pct": plain_decimal(result.tarief_pct),
        "amount": money_string(result.dienst.bedrag),
        "support": money_string(result.steun),
        "own_share": money_string(result.eigen_aandeel),
        "start_date": result.dienst.startdatum.isoformat(),
        "start_date_assumed": not result.dienst.startdatum_gegeven,
        "application_deadline": result.aanvragen_uiterlijk.isoformat(),
        "realisation_deadline": _iso(result.afronden_uiterlijk),
        "explanation": render(result.reden),
        **reden_json(result.reden),
        "source": _source_json(result.bron),
        "quote": result.citaat,
        "display": {
            "label": result.soort.label,
            "rate": percent(result.tarief_pct),
            "amount": euro(result.dienst.bedrag),
            "support": euro(result.steun),
            "own_share": euro(result.eigen_aandeel),
            "start_date": long_date(result.dienst.startdatum),
            "application_deadline": long_date(result.aanvragen_uiterlijk),
            "realisation_deadline": _long(result.afronden_uiterlijk),
        },
    }


def tijdlijn(results: tuple[Dienstresultaat, ...], day: date, data: RulesData) -> list[dict[str, Any]]:
    """Per eligible service, the visitor's own dates: apply by, deposit within, finish by."""
    deposit_days = figuren.stortingstermijn(data, day)
    apply_days = int(figuren.aanvraagtermijn(data, day).bedrag)
    entries = []
    for index, result in enumerate(results):
        if not result.subsidieerbaar:
            continue
        entries.append(
            {
                "service": index,
                "kind": result.dienst.soort.sleutel,
                "label": result.soort.label,
                "start_date": result.dienst.startdatum.isoformat(),
                "apply_by": result.aanvragen_uiterlijk.isoformat(),
                "apply_within_days": apply_days,
                "deposit_within_days": deposit_days,
                "finish_by": _iso(result.afronden_uiterlijk),
                "display": {
                    "start_date": long_date(result.dienst.startdatum),
                    "apply_by": long_date(result.aanvragen_uiterlijk),
                    "deposit": render(Reden("tijdlijn.storten", {"storting_dagen": deposit_days})),
                    "finish_by": _long(result.afronden_uiterlijk),
                },
            }
        )
    return entries


def _summary(uitkomst: Uitkomst, support_total: Decimal, conditions: Reden) -> Reden:
    """The answer in one sentence, followed by the size when the visitor did not state it (computed or locked).

    Without services it answers the enterprise alone: its size, the conditions, and a request to choose a service.
    """
    grootte = uitkomst.grootte
    size = Reden(f"samenvatting.grootte.{grootte.bepaling.value}", {"klasse": grootte.klasse.value})
    failed = next((v.reden for v in uitkomst.voorwaarden if not v.voldaan), None)
    if uitkomst.diensten:
        main = _main_summary(uitkomst, support_total)
    elif failed is not None:
        main = Reden("samenvatting.geen_steun", delen=(failed,))
    else:
        return Reden("samenvatting.geen_diensten", delen=(size, conditions))
    return main if grootte.bepaling is Bepaling.OPGEGEVEN else main.met(size)


def _main_summary(uitkomst: Uitkomst, support_total: Decimal) -> Reden:
    """The support, or the one reason that decides there is none."""
    results = uitkomst.diensten
    if support_total == 0:
        refused = next((r for r in results if not r.subsidieerbaar), None)
        if refused is not None:  # the first reason that refuses the first refused service
            return Reden("samenvatting.geen_steun", delen=(refused.reden.delen[0],))
        if uitkomst.plafond.over_voor == 0:
            return Reden("samenvatting.plafond_op", {"plafond_eur": uitkomst.plafond.bedrag})
    own = sum((r.eigen_aandeel for r in results if r.subsidieerbaar), ZERO)
    return Reden("samenvatting.steun", {"steun_bedrag": support_total, "eigen_bedrag": own})


def _size_json(uitkomst: Uitkomst) -> dict[str, Any]:
    grootte = uitkomst.grootte
    totaal = grootte.totaal
    return {
        "category": grootte.klasse.value,
        "fte": plain_decimal(totaal.vte) if totaal else None,
        "turnover": money_string(totaal.omzet) if totaal else None,
        "balance_total": money_string(totaal.balanstotaal) if totaal else None,
        "locked": uitkomst.aanvraag.onderneming.vastgelegde_grootte is not None,
        "stated": grootte.bepaling is Bepaling.OPGEGEVEN,
        "group_changes_size": grootte.eigen is not None and grootte.eigen is not grootte.groep,
        "computed_category": grootte.groep.value if grootte.groep else None,
        "own_category": grootte.eigen.value if grootte.eigen else None,
        "applied_category": grootte.toegepast.value,
        "explanation": render(grootte.reden),
        **reden_json(grootte.reden),
        "group_explanation": render(grootte.groep_reden),
        "group": reden_json(grootte.groep_reden),
        "display": {
            "category": GROOTTE_LABELS[grootte.klasse.value],
            "fte": number(totaal.vte) if totaal else None,
            "turnover": euro(totaal.omzet) if totaal else None,
            "balance_total": euro(totaal.balanstotaal) if totaal else None,
        },
    }


def _conditions_summary(voorwaarden: tuple[Voorwaarde, ...]) -> Reden:
    assumed = sum(1 for v in voorwaarden if v.aangenomen)
    if not all(v.voldaan for v in voorwaarden):
        return Reden("samenvatting.voorwaarden.niet_alle")
    if assumed:
        return Reden("samenvatting.voorwaarden.alle_aangenomen", {"aantal": len(voorwaarden), "aangenomen": assumed})
    return Reden("samenvatting.voorwaarden.alle", {"aantal": len(voorwaarden)})


def answer_json(uitkomst: Uitkomst, data: RulesData) -> dict[str, Any]:
    day = uitkomst.aanvraag.aanvraagdatum
    results = uitkomst.diensten
    plafond = uitkomst.plafond
    support_total = sum((r.steun for r in results), ZERO)
    own_total = sum((r.eigen_aandeel for r in results), ZERO)
    eligible = all(v.voldaan for v in uitkomst.voorwaarden)
    since = data.rules_in_force_since(day)
    conditions_summary = _conditions_summary(uitkomst.voorwaarden)
    summary = _summary(uitkomst, support_total, conditions_summary)
    return {
        "ok": True,
        "errors": [],
        "application_date": day.isoformat(),
        "application_date_assumed": not uitkomst.aanvraag.aanvraagdatum_gegeven,
        "rules_in_force_since": since.isoformat(),
        "size": _size_json(uitkomst),
        "eligible": eligible,
        "conditions": [_condition_json(v) for v in uitkomst.voorwaarden],
        "services": [_service_json(r) for r in results],
        "cap": money_string(plafond.bedrag),
        "cap_remaining_before": money_string(plafond.over_voor),
        "support_total": money_string(support_total),
        "own_share_total": money_string(own_total),
        "cap_remaining_after": money_string(uitkomst.over_na),
        "cap_explanation": render(plafond.reden),
        "cap_reason": reden_json(plafond.reden),
        "cap_source": _source_json(plafond.bron),
        "cap_quote": plafond.citaat,
        "warnings": [render(w) for w in uitkomst.waarschuwingen],
        "warning_details": [_rendered(w) for w in uitkomst.waarschuwingen],
        "assumptions": [{"field": veld_van(a), **_rendered(a.reden)} for a in uitkomst.aannames],
        "hints": [_rendered(h) for h in uitkomst.gevolgen],
        "timeline": tijdlijn(results, day, data),
        "summary": _rendered(summary),
        "display": {
            "application_date": long_date(day),
            "rules_in_force_since": long_date(since),
            "support_total": euro(support_total),
            "support_total_rounded": euro(support_total, cents=False),
            "own_share_total": euro(own_total),
            "cap": euro(plafond.bedrag),
            "cap_remaining_before": euro(plafond.over_voor),
            "cap_remaining_after": euro(uitkomst.over_na),
            "conditions": render(conditions_summary),
        },
    }


def _error_json(error: FieldError) -> dict[str, str]:
    return {"field": error.field, "message": render(error.reden), "code": error.reden.delen[0].code}


# Exact decimal arithmetic: inputs have at most 15 integer digits and 4 decimals, so 60 digits never round.
PRECISION: Final = 60


def bereken(
    request: object, *, data: RulesData | None = None, today: date | None = None
) -> Uitkomst | list[FieldError]:
    """Read the request and run the rules' steps: the outcome in the domain's types, or the request's errors."""
    rules = data if data is not None else load()
    with localcontext() as context:
        context.prec = PRECISION
        aanvraag = read_request(request, rules, today if today is not None else brussels_today())
        return aanvraag if isinstance(aanvraag, list) else uitkomst(aanvraag, rules)


def evaluate_strict(request: object, *, data: RulesData | None = None, today: date | None = None) -> dict[str, Any]:
    """``evaluate`` without its last-resort guard: tests call this so that a bug shows as an exception."""
    rules = data if data is not None else load()
    result = bereken(request, data=rules, today=today)
    if isinstance(result, list):
        return {"ok": False, "errors": [_error_json(error) for error in result]}
    with localcontext() as context:
        context.prec = PRECISION
        return answer_json(result, rules)


def evaluate(request: object, *, data: RulesData | None = None, today: date | None = None) -> dict[str, Any]:
    """Answer a JSON-shaped request with a JSON-shaped answer (INTERFACE.md). Never raises.

    ``data`` defaults to the rules shipped in the package; ``today`` (the default application and start date) to
    today in Europe/Brussels.
    """
    try:
        return evaluate_strict(request, data=data, today=today)
    except Exception:
        return {"ok": False, "errors": [{"field": "", "message": render(Reden("fout.intern")), "code": "fout.intern"}]}
