"""The rules' steps on a request that was read: ``uitkomst(aanvraag, data)``.

``calculator.antwoord.evaluate`` reads the request (``request.py``), then this module runs the named steps, each in its own module: the size (``grootte``),
the six conditions (``voorwaarden``), the yearly cap (``plafond``), the support per service (``steun``), the warnings
(``waarschuwingen``), the assumptions (``aannames``) and what would change the outcome (``gevolgen``). The steps
return reasons as data (:class:`~calculator.domein.Reden`) in the result types of ``domein.py``;
:mod:`calculator.antwoord` renders them into the JSON answer.
"""

from __future__ import annotations

from calculator.aannames import aannames
from calculator.domein import Aanvraag, Reden, Uitkomst
from calculator.gevolgen import gevolgen
from calculator.grootte import bepaal_grootte
from calculator.parameters import RulesData
from calculator.plafond import bepaal_plafond
from calculator.steun import bereken_diensten
from calculator.voorwaarden import alle_voorwaarden
from calculator.waarschuwingen import dienst_waarschuwingen, partner_waarschuwingen


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
