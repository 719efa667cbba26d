"""Warnings: what does not change the amount, but what the visitor should know or check."""

from __future__ import annotations

from datetime import date
from typing import Final

from calculator.domein import Dienstresultaat, Onderneming, Reden, Waarde
from calculator.parameters import RulesData
from calculator.steun import minimumbedrag

# The figures this module reads itself (the loader refuses data without one of them).
FIGUREN: Final = frozenset({"kmo_definitie.partner.aandeel_vanaf"})


def partner_waarschuwingen(onderneming: Onderneming, day: date, data: RulesData) -> list[Reden]:
    """A partner at exactly the lower bound: the EU text makes it a partner, one VLAIO page says "more than"."""
    partner_from = data["kmo_definitie.partner.aandeel_vanaf"].amount(day)
    return [
        Reden(
            "waarschuwing.partner_precies_grens",
            {"nummer": index, "aandeel_pct": partner.aandeel_pct, "grens_pct": partner_from},
        )
        for index, partner in enumerate(onderneming.partners, start=1)
        if partner.aandeel_pct == partner_from
    ]


def dienst_waarschuwingen(results: tuple[Dienstresultaat, ...], day: date, data: RulesData) -> list[Reden]:
    """A minimum that only third parties quote (a figure marked not binding), a start after the end date."""
    warnings: list[Reden] = []
    for index, result in enumerate(results, start=1):
        minimum = minimumbedrag(result.soort, data)
        if (
            minimum is not None
            and not minimum.binding
            and result.subsidieerbaar
            and not minimum.within(result.dienst.bedrag, day)
        ):
            minimum_eur = minimum.amount(day)
            values: dict[str, Waarde] = {
                "nummer": index,
                "minimum_eur": minimum_eur,
                "dienst": result.soort.dienst.value,
            }
            warnings.append(Reden("waarschuwing.minimum_niet_bindend", values))
        if result.dienst.startdatum > result.afronden_uiterlijk:
            einde: dict[str, Waarde] = {"nummer": index, "einde_datum": result.afronden_uiterlijk}
            warnings.append(Reden("waarschuwing.start_na_realisatietermijn", einde))
    return warnings
