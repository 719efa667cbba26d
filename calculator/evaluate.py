"""``evaluate(request) -> answer``: the calculator's one interface (CONTRACT.md).

It reads the request, decides the size, checks the five conditions, computes support per service and returns a
JSON-shaped answer that carries its reasons. It never raises: bad input becomes Dutch field errors.
"""

from __future__ import annotations

from datetime import date
from decimal import localcontext
from typing import Any, Final

from calculator.clock import brussels_today
from calculator.formatting import euro, long_date, money_string, percent, plain_decimal
from calculator.grootte import bepaal_grootteklasse, groepstotaal
from calculator.parameters import Dienst, RulesData, Source, load
from calculator.request import Aanvraag, Grootteklasse, read_request
from calculator.steun import ZERO, Dienstresultaat, bereken_diensten, steunplafond
from calculator.voorwaarden import VRIJ_BEROEP, alle_voorwaarden

INTERNAL_ERROR: Final = (
    "Er ging iets mis bij het berekenen. Controleer uw gegevens; blijft het probleem, neem dan contact met ons op."
)
ESTIMATE_WARNING: Final = (
    "Dit is een schatting. De afronding is niet officieel gepubliceerd, en de steun hangt ook af van het budget "
    "van de kmo-portefeuille: is dat uitgeput, dan kan er geen steun meer aangevraagd worden."
)
# Exact decimal arithmetic: inputs have at most 15 integer digits and 4 decimals, so 60 digits never round.
PRECISION: Final = 60


def _source_json(source: Source | None) -> dict[str, str] | None:
    return None if source is None else {"title": source.title, "href": source.href}


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
        "application_deadline": result.application_deadline.isoformat(),
        "realisation_deadline": result.realisation_deadline.isoformat(),
        "explanation": result.explanation,
        "source": _source_json(result.source),
    }


def _answer(aanvraag: Aanvraag, data: RulesData) -> dict[str, Any]:
    day = aanvraag.aanvraagdatum
    onderneming = aanvraag.onderneming
    warnings: list[str] = []

    totaal = groepstotaal(onderneming)
    group = bepaal_grootteklasse(totaal.cijfers, day, data)
    own = bepaal_grootteklasse(onderneming.eigen, day, data)
    group_changes_size = own.klasse is not group.klasse
    if group_changes_size:
        warnings.append(
            f"Op basis van de gegevens van uw onderneming alleen zou ze {own.klasse.value} zijn; met de verbonden en "
            f"partnerondernemingen samen is ze {group.klasse.value}. De kmo-portefeuille stelt een grootte voor op "
            "basis van de gegevens van de Nationale Bank voor uw onderneming alleen: pas die grootte aan in uw aanvraag."
        )
    locked = onderneming.vastgelegde_grootte
    klasse = locked if locked is not None else group.klasse
    size_explanation = group.explanation
    if locked is not None:
        size_explanation = (
            f"De grootte ligt dit kalenderjaar al vast als {locked.value} (bepaald bij uw eerste steunaanvraag van "
            f"het jaar) en blijft gelden tot 31 december. Ter informatie: {group.explanation}"
        )
        if locked is not group.klasse:
            warnings.append(
                f"U gaf aan dat de grootte dit jaar al vastligt als {locked.value}. Die blijft gelden voor de rest van "
                f"het kalenderjaar, ook al geven de cijfers nu {group.klasse.value}."
            )

    voorwaarden = alle_voorwaarden(onderneming, klasse, locked is not None, day, data)
    eligible = all(v.met for v in voorwaarden)

    applied = klasse
    if klasse is Grootteklasse.GROOT and onderneming.rechtsvorm == VRIJ_BEROEP:
        applied = Grootteklasse.MIDDELGROOT
        warnings.append(
            "Uw vrij beroep is groter dan een kmo. De rekenmodule past dan het steunpercentage en het plafond van een "
            "middelgrote onderneming toe; bevestig de grootte bij uw aanvraag."
        )

    partner_from = data["kmo_definitie.partner.aandeel_vanaf"].amount(day)
    for index, partner in enumerate(onderneming.partners, start=1):
        if partner.aandeel_pct == partner_from:
            warnings.append(
                f"Partneronderneming {index} heeft een aandeel van precies {percent(partner.aandeel_pct)}. Volgens de "
                f"Europese kmo-definitie is dat een partneronderneming (vanaf {percent(partner_from)}, zo rekent deze "
                f"module); één pagina van VLAIO spreekt van 'meer dan {percent(partner_from)}'. Twijfelt u, vraag het "
                "na bij VLAIO."
            )

    cap_value = steunplafond(applied, day, data)
    cap = cap_value.value if cap_value is not None and not isinstance(cap_value.value, bool) else ZERO
    used = aanvraag.reeds_gebruikte_steun
    remaining_before = max(ZERO, cap - used)
    if cap_value is None:
        cap_explanation = "Een grote onderneming heeft geen steunplafond: ze komt niet in aanmerking."
    else:
        cap_explanation = (
            f"Het steunplafond voor een {applied.adjective} onderneming is {euro(cap)} per kalenderjaar "
            f"(sinds {long_date(cap_value.start)}), gedeeld door opleiding en advies. U kreeg in {day.year} al "
            f"{euro(used)} steun: er blijft {euro(remaining_before)} over."
        )
        if used > cap:
            warnings.append(
                f"U gaf aan dat u dit jaar al {euro(used)} steun kreeg, meer dan het plafond van {euro(cap)}. "
                "Controleer dat bedrag: er blijft geen steun over."
            )

    failed = [v.explanation for v in voorwaarden if not v.met]
    enterprise_reason = "Uw onderneming voldoet niet aan alle voorwaarden: " + " ".join(failed)
    results, remaining_after = bereken_diensten(
        aanvraag.diensten,
        klasse=applied,
        enterprise_eligible=eligible,
        enterprise_reason=enterprise_reason,
        remaining=remaining_before,
        day=day,
        data=data,
    )

    advice_minimum = data["diensten.advies.minimumbedrag_volgens_derden"]
    for index, result in enumerate(results, start=1):
        if (
            result.kind.dienst is Dienst.ADVIES
            and result.eligible
            and not advice_minimum.within(result.dienst.bedrag, day)
        ):
            warnings.append(
                f"Dienst {index}: sommige bronnen vermelden een minimum van {euro(advice_minimum.amount(day))} voor "
                "advies. Dat staat niet in de officiële voorwaarden, maar vraag het na als uw advies kleiner is."
            )
        if result.dienst.startdatum > result.realisation_deadline:
            warnings.append(
                f"Dienst {index} start na {long_date(result.realisation_deadline)}, de dag waarop de dienstverlening "
                "al beëindigd moet zijn (31 december van het jaar na de aanvraag)."
            )
    warnings.append(ESTIMATE_WARNING)

    support_total = sum((r.support for r in results), ZERO)
    return {
        "ok": True,
        "errors": [],
        "application_date": day.isoformat(),
        "rules_in_force_since": data.rules_in_force_since(day).isoformat(),
        "size": {
            "category": klasse.value,
            "fte": plain_decimal(totaal.cijfers.vte),
            "turnover": money_string(totaal.cijfers.omzet),
            "balance_total": money_string(totaal.cijfers.balanstotaal),
            "locked": locked is not None,
            "group_changes_size": group_changes_size,
            "computed_category": group.klasse.value,
            "own_category": own.klasse.value,
            "applied_category": applied.value,
            "explanation": size_explanation,
            "group_explanation": totaal.explanation,
        },
        "eligible": eligible,
        "conditions": [v.as_json() for v in voorwaarden],
        "services": [_service_json(r) for r in results],
        "cap": money_string(cap),
        "cap_remaining_before": money_string(remaining_before),
        "support_total": money_string(support_total),
        "cap_remaining_after": money_string(remaining_after),
        "cap_explanation": cap_explanation,
        "cap_source": _source_json(None if cap_value is None else cap_value.source),
        "warnings": warnings,
    }


def evaluate_strict(request: object, *, data: RulesData | None = None, today: date | None = None) -> dict[str, Any]:
    """``evaluate`` without its last-resort guard: tests call this so that a bug shows as an exception."""
    rules = data if data is not None else load()
    with localcontext() as context:
        context.prec = PRECISION
        aanvraag = read_request(request, rules, today if today is not None else brussels_today())
        if isinstance(aanvraag, list):
            return {"ok": False, "errors": [error.as_json() for error in aanvraag]}
        return _answer(aanvraag, rules)


def evaluate(request: object, *, data: RulesData | None = None, today: date | None = None) -> dict[str, Any]:
    """Answer a JSON-shaped request with a JSON-shaped answer (CONTRACT.md). Never raises.

    ``data`` defaults to the rules shipped in the package; ``today`` (the default application date) to today in
    Europe/Brussels.
    """
    try:
        return evaluate_strict(request, data=data, today=today)
    except Exception:
        return {"ok": False, "errors": [{"field": "", "message": INTERNAL_ERROR}]}
