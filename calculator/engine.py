"""``evaluate(request) -> answer``: the calculator's one interface (INTERFACE.md).

It reads the request (``request.py``), then runs the named steps, each in its own module: the size (``grootte``),
the six conditions (``voorwaarden``), the yearly cap (``plafond``), the support per service (``steun``), the warnings
(``waarschuwingen``), the assumptions (``aannames``) and what would change the outcome (``gevolgen``). The steps
return reasons as data (:class:`~calculator.domein.Reden`) in the result types of ``domein.py``;
:mod:`calculator.antwoord` renders them into the JSON answer. It never raises: bad input becomes Dutch field errors.
"""

from __future__ import annotations

from datetime import date
from decimal import localcontext
from typing import Any, Final

from calculator.aannames import aannames
from calculator.antwoord import answer_json
from calculator.clock import brussels_today
from calculator.domein import Aanvraag, Reden, Uitkomst
from calculator.gevolgen import gevolgen
from calculator.grootte import bepaal_grootte
from calculator.parameters import RulesData, load
from calculator.plafond import bepaal_plafond
from calculator.rendering import render
from calculator.request import read_request
from calculator.steun import bereken_diensten
from calculator.voorwaarden import alle_voorwaarden
from calculator.waarschuwingen import dienst_waarschuwingen, partner_waarschuwingen

# Exact decimal arithmetic: inputs have at most 15 integer digits and 4 decimals, so 60 digits never round.
PRECISION: Final = 60


def uitkomst(aanvraag: Aanvraag, data: RulesData) -> Uitkomst:
    """Run the steps in order on a request that was read without errors."""
    day = aanvraag.aanvraagdatum
    onderneming = aanvraag.onderneming
    grootte = bepaal_grootte(onderneming, day, data)
    voorwaarden = alle_voorwaarden(onderneming, grootte.klasse, grootte.bepaling, day, data)
    plafond = bepaal_plafond(grootte.toegepast, aanvraag.reeds_gebruikte_steun, day, data)
    failed = tuple(v.reden for v in voorwaarden if not v.voldaan)
    diensten, over_na = bereken_diensten(
        aanvraag.diensten,
        klasse=grootte.toegepast,
        enterprise_reason=Reden("dienst.onderneming_niet", delen=failed) if failed else None,
        remaining=plafond.over_voor,
        day=day,
        data=data,
    )
    waarschuwingen = (
        *grootte.waarschuwingen,
        *partner_waarschuwingen(onderneming, day, data),
        *plafond.waarschuwingen,
        *dienst_waarschuwingen(diensten, day, data),
        Reden("waarschuwing.schatting"),
    )
    return Uitkomst(
        aanvraag=aanvraag,
        grootte=grootte,
        voorwaarden=voorwaarden,
        plafond=plafond,
        diensten=diensten,
        over_na=over_na,
        waarschuwingen=waarschuwingen,
        aannames=tuple(aannames(aanvraag, voorwaarden)),
        gevolgen=tuple(gevolgen(aanvraag, grootte, plafond.over_voor, diensten, data)),
    )


def evaluate_strict(request: object, *, data: RulesData | None = None, today: date | None = None) -> dict[str, Any]:
    """``evaluate`` without its last-resort guard: tests call this so that a bug shows as an exception."""
    rules = data if data is not None else load()
    with localcontext() as context:
        context.prec = PRECISION
        aanvraag = read_request(request, rules, today if today is not None else brussels_today())
        if isinstance(aanvraag, list):
            return {"ok": False, "errors": [error.as_json() for error in aanvraag]}
        return answer_json(uitkomst(aanvraag, rules), rules)


def evaluate(request: object, *, data: RulesData | None = None, today: date | None = None) -> dict[str, Any]:
    """Answer a JSON-shaped request with a JSON-shaped answer (INTERFACE.md). Never raises.

    ``data`` defaults to the rules shipped in the package; ``today`` (the default application and start date) to
    today in Europe/Brussels.
    """
    try:
        return evaluate_strict(request, data=data, today=today)
    except Exception:
        return {"ok": False, "errors": [{"field": "", "message": render(Reden("fout.intern")), "code": "fout.intern"}]}
