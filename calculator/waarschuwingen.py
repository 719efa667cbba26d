"""Warnings: what does not change the amount, but what the visitor should know or check."""

from __future__ import annotations

from datetime import date

from calculator import figuren
from calculator.domein import Dienstresultaat, Onderneming, Reden, Waarde
from calculator.parameters import RulesData


def partner_waarschuwingen(onderneming: Onderneming, day: date, data: RulesData) -> list[Reden]:
    """A partner at exactly the lower bound: the EU text makes it a partner, one VLAIO page says "more than"."""
    partner_from = figuren.partnergrenzen(data, day).vanaf.bedrag
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
        minimum = figuren.minimumbedrag(data, result.soort.dienst, day)
        if (
            minimum is not None
            and not minimum.bindend
            and result.subsidieerbaar
            and not minimum.omvat(result.dienst.bedrag)
        ):
            minimum_eur = minimum.bedrag
            values: dict[str, Waarde] = {
                "nummer": index,
                "minimum_eur": minimum_eur,
                "dienst": result.soort.dienst.value,
            }
            warnings.append(Reden("waarschuwing.minimum_niet_bindend", values))
        if result.afronden_uiterlijk is not None and result.dienst.startdatum > result.afronden_uiterlijk:
            einde: dict[str, Waarde] = {"nummer": index, "einde_datum": result.afronden_uiterlijk}
            warnings.append(Reden("waarschuwing.start_na_realisatietermijn", einde))
    return warnings
