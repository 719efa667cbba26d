"""The five conditions an enterprise must meet to use the kmo-portefeuille.

VLAIO's checklist: "1. Uw onderneming is een kmo (volgens de Europese kmo-definitie) of u beoefent een vrij
beroep. 2. Uw onderneming heeft een aanvaardbare rechtsvorm. 3. Uw vestiging ligt in het Vlaams Gewest. Daar zijn
ook de 'werkenden in uw bedrijf' aan de slag. 4. U bent actief in de privésector. De participatie van een
administratieve overheid is minder dan 25 procent. 5. Uw bedrijf heeft een aanvaardbare hoofdactiviteit."
https://www.vlaio.be/nl/subsidies-financiering/subsidiedatabank/kmo-portefeuille-steun-voor-opleiding-en-advies
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Final

from calculator.formatting import percent
from calculator.parameters import RulesData
from calculator.request import Grootteklasse, Onderneming

VRIJ_BEROEP: Final = "vrij_beroep"
VZW: Final = "vzw"
NACE_LIST_URL: Final = (
    "https://www.vlaio.be/nl/subsidies-financiering/subsidiedatabank/kmo-portefeuille-steun-voor-opleiding-en-advies"
)


@dataclass(frozen=True)
class Voorwaarde:
    id: str
    met: bool
    explanation: str

    def as_json(self) -> dict[str, object]:
        return {"id": self.id, "met": self.met, "explanation": self.explanation}


def kmo(onderneming: Onderneming, klasse: Grootteklasse, locked: bool) -> Voorwaarde:
    """An SME by the EU definition (small or medium), or a liberal profession."""
    how = "de grootte die dit kalenderjaar al vastligt" if locked else "de Europese kmo-definitie"
    if klasse is not Grootteklasse.GROOT:
        return Voorwaarde(
            "kmo", True, f"Uw onderneming is een {klasse.adjective} onderneming volgens {how}, dus een kmo."
        )
    if onderneming.rechtsvorm == VRIJ_BEROEP:
        return Voorwaarde(
            "kmo",
            True,
            "Uw onderneming is groter dan een kmo volgens de Europese kmo-definitie, maar u oefent een vrij beroep uit: "
            "ook dan komt u in aanmerking.",
        )
    return Voorwaarde(
        "kmo",
        False,
        "Uw onderneming is een grote onderneming volgens de Europese kmo-definitie. "
        "Alleen kmo's en vrije beroepen kunnen de kmo-portefeuille gebruiken.",
    )


def rechtsvorm(onderneming: Onderneming, data: RulesData) -> Voorwaarde:
    form = data.classification.legal_forms[onderneming.rechtsvorm]
    if form.aanvaard:
        return Voorwaarde("rechtsvorm", True, f"De rechtsvorm {form.label} is aanvaard.")
    if form.key == VZW:
        return Voorwaarde(
            "rechtsvorm",
            False,
            "Een vzw komt niet in aanmerking en kan geen gebruik maken van de kmo-portefeuille.",
        )
    return Voorwaarde("rechtsvorm", False, f"De rechtsvorm {form.label} is niet aanvaard voor de kmo-portefeuille.")


def vestiging(onderneming: Onderneming, data: RulesData) -> Voorwaarde:
    region = data.classification.regions[onderneming.gewest]
    if region.aanvaard:
        return Voorwaarde(
            "vestiging",
            True,
            f"Uw vestiging ligt in {region.label}; daar moeten ook de werkenden voor wie u steun vraagt aan de slag zijn.",
        )
    return Voorwaarde(
        "vestiging",
        False,
        f"Uw vestiging ligt in {region.label}. Alleen een vestiging in het Vlaams Gewest komt in aanmerking.",
    )


def prive(onderneming: Onderneming, day: date, data: RulesData) -> Voorwaarde:
    """Private sector: administrative authorities hold less than the threshold (a strict comparison)."""
    parameter = data["voorwaarden.publieke_participatie"]
    share = onderneming.publieke_participatie_pct
    limit = percent(parameter.amount(day))
    if parameter.within(share, day):
        return Voorwaarde(
            "prive",
            True,
            f"De participatie van een administratieve overheid is {percent(share)}, minder dan {limit}: "
            "u bent actief in de privésector.",
        )
    return Voorwaarde(
        "prive",
        False,
        f"De participatie van een administratieve overheid is {percent(share)}; die moet minder dan {limit} zijn.",
    )


def hoofdactiviteit(onderneming: Onderneming) -> Voorwaarde:
    """The NACE-BEL code of the main activity is on the official list; only the visitor can confirm it."""
    if onderneming.hoofdactiviteit_aanvaard:
        return Voorwaarde(
            "hoofdactiviteit",
            True,
            "U bevestigt dat de NACE-BEL-code van uw hoofdactiviteit op de lijst van aanvaardbare hoofdactiviteiten staat.",
        )
    return Voorwaarde(
        "hoofdactiviteit",
        False,
        "U gaf aan dat de NACE-BEL-code van uw hoofdactiviteit niet op de lijst van aanvaardbare hoofdactiviteiten staat.",
    )


def alle_voorwaarden(
    onderneming: Onderneming, klasse: Grootteklasse, locked: bool, day: date, data: RulesData
) -> tuple[Voorwaarde, ...]:
    return (
        kmo(onderneming, klasse, locked),
        rechtsvorm(onderneming, data),
        vestiging(onderneming, data),
        prive(onderneming, day, data),
        hoofdactiviteit(onderneming),
    )
