"""Assumptions: what the answer takes as given where the request leaves a fact out (a condition, the application
date, a start date), so that three facts (size, kind of service, amount) are enough for an estimate; the answer
lists each one, and the page offers the field that refines it."""

from __future__ import annotations

from calculator.domein import Aanname, Aanvraag, Reden, Voorwaarde
from calculator.voorwaarden import MAATWERKBEDRIJF_VRAAG


def aannames(aanvraag: Aanvraag, voorwaarden: tuple[Voorwaarde, ...]) -> list[Aanname]:
    """The assumptions step: the conditions assumed met, a left-out application date, left-out start dates."""
    assumed = [Aanname(v.id, v.reden) for v in voorwaarden if v.aangenomen]
    if aanvraag.onderneming.maatwerkbedrijf is None and any(v.reden.code in MAATWERKBEDRIJF_VRAAG for v in voorwaarden):
        assumed.append(Aanname("maatwerkbedrijf", Reden("aanname.maatwerkbedrijf")))
    if not aanvraag.aanvraagdatum_gegeven:
        assumed.append(
            Aanname("aanvraagdatum", Reden("aanname.aanvraagdatum", {"vandaag_datum": aanvraag.aanvraagdatum}))
        )
    for index, dienst in enumerate(aanvraag.diensten):
        if not dienst.startdatum_gegeven:
            reden = Reden("aanname.startdatum", {"nummer": index + 1, "vandaag_datum": dienst.startdatum})
            assumed.append(Aanname("startdatum", reden, index))
    return assumed
