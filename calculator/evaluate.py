"""``evaluate(request) -> answer``: the calculator's one interface (CONTRACT.md).

It reads the request, then runs named steps: the size, the six conditions, the yearly cap, the support per
service, the warnings, the assumptions and what would change the outcome (applying in the next calendar year
included). The steps return reasons as data
(:class:`~calculator.domein.Reden`); :mod:`calculator.antwoord` renders them into the JSON answer. It never
raises: bad input becomes Dutch field errors.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal, localcontext
from typing import Any, Final

from calculator.antwoord import Uitkomst, answer_json
from calculator.clock import brussels_today
from calculator.domein import Aanvraag, Grootteklasse, Kerncijfers, Onderneming, Reden
from calculator.grootte import Groottebepaling, bepaal_grootteklasse, groepstotaal
from calculator.parameters import RulesData, Source, load
from calculator.request import read_request
from calculator.steun import ZERO, Dienstresultaat, bereken_diensten, minimumbedrag, steunplafond, tarief
from calculator.teksten import render
from calculator.volgend_jaar import volgend_jaar
from calculator.voorwaarden import VRIJ_BEROEP, Voorwaarde, alle_voorwaarden

# Exact decimal arithmetic: inputs have at most 15 integer digits and 4 decimals, so 60 digits never round.
PRECISION: Final = 60


@dataclass(frozen=True)
class Grootte:
    """The size step: the class that decides the conditions, the class whose rate and cap apply, and why."""

    klasse: Grootteklasse
    applied: Grootteklasse
    how: str  # definitie | vastgelegd | opgegeven
    totaal: Kerncijfers | None
    group: Groottebepaling | None
    own: Groottebepaling | None
    reden: Reden
    groep_reden: Reden
    warnings: tuple[Reden, ...]


@dataclass(frozen=True)
class Plafond:
    cap: Decimal
    remaining_before: Decimal
    reden: Reden
    source: Source | None
    quote: str | None
    warnings: tuple[Reden, ...]


def bepaal_grootte(onderneming: Onderneming, day: date, data: RulesData) -> Grootte:
    """Step 1: the size from the figures (with the group), else the locked or stated size."""
    grootte = _uit_cijfers(onderneming, day, data) if onderneming.eigen is not None else _uit_opgave(onderneming)
    if grootte.klasse is Grootteklasse.GROOT and onderneming.rechtsvorm == VRIJ_BEROEP:
        # A large liberal profession is eligible and gets the rate and cap of a medium enterprise.
        warnings = (*grootte.warnings, Reden("waarschuwing.vrij_beroep_groot"))
        return replace(grootte, applied=Grootteklasse.MIDDELGROOT, warnings=warnings)
    return grootte


def _uit_opgave(onderneming: Onderneming) -> Grootte:
    """No figures: the size locked this year, else the size the visitor stated."""
    klasse = onderneming.vastgelegde_grootte or onderneming.opgegeven_grootte
    assert klasse is not None, "the reader requires figures or a stated size"
    how = "vastgelegd" if onderneming.vastgelegde_grootte is not None else "opgegeven"
    reden = Reden(f"grootte.{how}", {"klasse": klasse.value})
    return Grootte(klasse, klasse, how, None, None, None, reden, Reden("grootte.groep.opgegeven"), ())


def _uit_cijfers(onderneming: Onderneming, day: date, data: RulesData) -> Grootte:
    """The figures of the enterprise and its group decide; a locked size overrides them for the rest of the year."""
    assert onderneming.eigen is not None
    warnings: list[Reden] = []
    locked = onderneming.vastgelegde_grootte
    stated = onderneming.opgegeven_grootte
    totaal = groepstotaal(onderneming.eigen, onderneming)
    group = bepaal_grootteklasse(totaal.cijfers, day, data)
    own = bepaal_grootteklasse(onderneming.eigen, day, data)
    if own.klasse is not group.klasse:
        values = {"eigen_klasse": own.klasse.value, "klasse": group.klasse.value}
        warnings.append(Reden("waarschuwing.groep_verandert_grootte", values))
    if stated is not None and stated is not group.klasse:
        values = {"opgegeven": stated.value, "klasse": group.klasse.value}
        warnings.append(Reden("waarschuwing.opgegeven_verschilt", values))
    if locked is None:
        return Grootte(
            group.klasse,
            group.klasse,
            "definitie",
            totaal.cijfers,
            group,
            own,
            group.reden,
            totaal.reden,
            tuple(warnings),
        )
    if locked is not group.klasse:
        values = {"vastgelegd": locked.value, "klasse": group.klasse.value}
        warnings.append(Reden("waarschuwing.vastgelegd_verschilt", values))
    reden = Reden("grootte.vastgelegd", {"klasse": locked.value}).met(
        Reden("grootte.vastgelegd.ter_informatie", delen=(group.reden,))
    )
    return Grootte(locked, locked, "vastgelegd", totaal.cijfers, group, own, reden, totaal.reden, tuple(warnings))


def partner_waarschuwingen(onderneming: Onderneming, day: date, data: RulesData) -> list[Reden]:
    """Step 2b: a partner at exactly the lower bound (the EU text and one VLAIO page differ there)."""
    partner_from = data["kmo_definitie.partner.aandeel_vanaf"].amount(day)
    return [
        Reden(
            "waarschuwing.partner_precies_grens",
            {"nummer": index, "aandeel_pct": partner.aandeel_pct, "grens_pct": partner_from},
        )
        for index, partner in enumerate(onderneming.partners, start=1)
        if partner.aandeel_pct == partner_from
    ]


def bepaal_plafond(applied: Grootteklasse, used: Decimal, day: date, data: RulesData) -> Plafond:
    """Step 3: the yearly cap and what is left of it before this request."""
    cap_value = steunplafond(applied, day, data)
    if cap_value is None or isinstance(cap_value.value, bool):
        return Plafond(ZERO, ZERO, Reden("plafond.groot"), None, None, ())
    cap = cap_value.value
    remaining = max(ZERO, cap - used)
    reden = Reden(
        "plafond",
        {
            "klasse_bn": applied.value,
            "plafond_eur": cap,
            "sinds_datum": cap_value.start,
            "jaar": str(day.year),
            "gebruikt_eur": used,
            "over_eur": remaining,
        },
    )
    warnings = (
        (Reden("waarschuwing.meer_gebruikt_dan_plafond", {"gebruikt_eur": used, "plafond_eur": cap}),)
        if used > cap
        else ()
    )
    return Plafond(cap, remaining, reden, cap_value.source, cap_value.quote, warnings)


def dienst_waarschuwingen(results: tuple[Dienstresultaat, ...], day: date, data: RulesData) -> list[Reden]:
    """Step 5: a minimum that only third parties quote (a non-binding figure), a start after the end date."""
    warnings: list[Reden] = []
    for index, result in enumerate(results, start=1):
        minimum = minimumbedrag(result.kind, data)
        if (
            minimum is not None
            and not minimum.binding
            and result.eligible
            and not minimum.within(result.dienst.bedrag, day)
        ):
            warnings.append(
                Reden(
                    "waarschuwing.minimum_niet_bindend",
                    {"nummer": index, "minimum_eur": minimum.amount(day), "dienst": result.kind.dienst.value},
                )
            )
        if result.dienst.startdatum > result.realisation_deadline:
            warnings.append(
                Reden(
                    "waarschuwing.start_na_realisatietermijn",
                    {"nummer": index, "einde_datum": result.realisation_deadline},
                )
            )
    return warnings


def aannames(aanvraag: Aanvraag, voorwaarden: tuple[Voorwaarde, ...]) -> list[tuple[str, Reden]]:
    """Step 6: what the answer assumed because the visitor left it out, as (field, reason)."""
    assumed = [(v.field, v.reden) for v in voorwaarden if v.assumed]
    if not aanvraag.aanvraagdatum_gegeven:
        assumed.append(("application_date", Reden("aanname.aanvraagdatum", {"datum_datum": aanvraag.aanvraagdatum})))
    for index, dienst in enumerate(aanvraag.diensten):
        if not dienst.startdatum_gegeven:
            assumed.append(
                (
                    f"services[{index}].start_date",
                    Reden("aanname.startdatum", {"nummer": index + 1, "datum_datum": dienst.startdatum}),
                )
            )
    return assumed


def gevolgen(grootte: Grootte, results: tuple[Dienstresultaat, ...], day: date, data: RulesData) -> list[Reden]:
    """Step 7: what would change the outcome, where that helps the visitor decide or act."""
    hints: list[Reden] = []
    for index, result in enumerate(results, start=1):
        if not result.eligible:
            continue
        pct = result.rate_pct
        own = grootte.own
        if grootte.how == "definitie" and own is not None and own.klasse not in (grootte.applied, Grootteklasse.GROOT):
            own_pct = tarief(result.kind, own.klasse, day, data).pct
            if own_pct != pct:
                hints.append(
                    Reden(
                        "gevolg.groep",
                        {
                            "klasse": grootte.applied.value,
                            "tarief_pct": pct,
                            "eigen_tarief_pct": own_pct,
                            "nummer": index,
                        },
                    )
                )
        if grootte.how == "opgegeven" and grootte.applied is not Grootteklasse.GROOT:
            other = Grootteklasse.MIDDELGROOT if grootte.applied is Grootteklasse.KLEIN else Grootteklasse.KLEIN
            other_pct = tarief(result.kind, other, day, data).pct
            if other_pct != pct:
                hints.append(
                    Reden(
                        "gevolg.andere_grootte",
                        {
                            "andere_klasse": other.value,
                            "klasse": grootte.applied.value,
                            "ander_tarief_pct": other_pct,
                            "tarief_pct": pct,
                            "nummer": index,
                        },
                    )
                )
        hints.append(Reden("gevolg.termijn", {"nummer": index, "uiterlijk_datum": result.application_deadline}))
    lost = sum((r.computed - r.support for r in results if r.eligible), ZERO)
    if lost > 0:
        hints.append(Reden("gevolg.plafond", {"verloren_eur": lost}))
    return hints


def _answer(aanvraag: Aanvraag, data: RulesData) -> dict[str, Any]:
    day = aanvraag.aanvraagdatum
    onderneming = aanvraag.onderneming
    grootte = bepaal_grootte(onderneming, day, data)
    voorwaarden = alle_voorwaarden(onderneming, grootte.klasse, grootte.how, day, data)
    plafond = bepaal_plafond(grootte.applied, aanvraag.reeds_gebruikte_steun, day, data)
    failed = tuple(v.reden for v in voorwaarden if not v.met)
    results, remaining_after = bereken_diensten(
        aanvraag.diensten,
        klasse=grootte.applied,
        enterprise_reason=Reden("dienst.onderneming_niet", delen=failed) if failed else None,
        remaining=plafond.remaining_before,
        day=day,
        data=data,
    )
    warnings = [
        *grootte.warnings,
        *partner_waarschuwingen(onderneming, day, data),
        *plafond.warnings,
        *dienst_waarschuwingen(results, day, data),
        Reden("waarschuwing.schatting"),
    ]
    uitkomst = Uitkomst(
        aanvraag=aanvraag,
        grootte_klasse=grootte.klasse,
        applied=grootte.applied,
        totaal=grootte.totaal,
        group_klasse=grootte.group.klasse if grootte.group else None,
        own_klasse=grootte.own.klasse if grootte.own else None,
        size_reden=grootte.reden,
        groep_reden=grootte.groep_reden,
        size_how=grootte.how,
        voorwaarden=voorwaarden,
        cap=plafond.cap,
        cap_remaining_before=plafond.remaining_before,
        cap_reden=plafond.reden,
        cap_source=plafond.source,
        cap_quote=plafond.quote,
        results=results,
        remaining_after=remaining_after,
        warnings=tuple(warnings),
        assumptions=tuple(aannames(aanvraag, voorwaarden)),
        hints=(
            *gevolgen(grootte, results, day, data),
            *volgend_jaar(aanvraag, grootte.applied, plafond.remaining_before, results, data),
        ),
    )
    return answer_json(uitkomst, data)


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

    ``data`` defaults to the rules shipped in the package; ``today`` (the default application and start date) to
    today in Europe/Brussels.
    """
    try:
        return evaluate_strict(request, data=data, today=today)
    except Exception:
        return {"ok": False, "errors": [{"field": "", "message": render(Reden("fout.intern")), "code": "fout.intern"}]}
