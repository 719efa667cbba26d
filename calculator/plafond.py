"""The yearly cap (steunplafond): one amount per enterprise per calendar year of the application, shared by training
and advice.

VLAIO, "Hoeveel subsidies kan ik krijgen?": "Je ontvangt maximaal € 7.500 steun per jaar."
https://www.vlaio.be/nl/subsidies-financiering/kmo-portefeuille/hoeveel-subsidies-kan-ik-krijgen
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from calculator.domein import Grootteklasse, Plafond, Reden
from calculator.parameters import RulesData
from calculator.steun import ZERO, steunplafond


def bepaal_plafond(toegepast: Grootteklasse, gebruikt: Decimal, day: date, data: RulesData) -> Plafond:
    """The cap step: the yearly cap and what is left of it before this request."""
    value = steunplafond(toegepast, day, data)
    if value is None or isinstance(value.value, bool):
        return Plafond(ZERO, ZERO, Reden("plafond.groot"))
    cap = value.value
    over = max(ZERO, cap - gebruikt)
    reden = Reden(
        "plafond",
        {
            "klasse_bijvoeglijk": toegepast.value,
            "plafond_eur": cap,
            "sinds_datum": value.start,
            "jaar": str(day.year),
            "gebruikt_eur": gebruikt,
            "over_eur": over,
        },
    )
    waarschuwingen = (
        (Reden("waarschuwing.meer_gebruikt_dan_plafond", {"gebruikt_eur": gebruikt, "plafond_eur": cap}),)
        if gebruikt > cap
        else ()
    )
    return Plafond(cap, over, reden, value.bron, value.citaat, waarschuwingen)
