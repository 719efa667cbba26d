"""The six conditions an enterprise must meet to use the kmo-portefeuille (for services of this provider).

From 1 January 2026 a recognised maatwerkbedrijf meets the first two whatever its size and legal form (two third
parties state it; VLAIO's own text is not among the pages we could check).

VLAIO's checklist: "1. Uw onderneming is een kmo (volgens de Europese kmo-definitie) of u beoefent een vrij
beroep. 2. Uw onderneming heeft een aanvaardbare rechtsvorm. 3. Uw vestiging ligt in het Vlaams Gewest. Daar zijn
ook de 'werkenden in uw bedrijf' aan de slag. 4. U bent actief in de privésector. De participatie van een
administratieve overheid is minder dan 25 procent. 5. Uw bedrijf heeft een aanvaardbare hoofdactiviteit."
https://www.vlaio.be/nl/subsidies-financiering/subsidiedatabank/kmo-portefeuille-steun-voor-opleiding-en-advies

6. The provider is not a related enterprise: "Aanverwante ondernemingen kunnen geen subsidie krijgen voor de diensten
die ingekocht worden bij de 'aanverwante' dienstverlener."
https://www.vlaio.be/nl/subsidies-financiering/kmo-portefeuille/kmo-portefeuille-voor-dienstverleners/beoordeling-van-de
"""

from __future__ import annotations

from datetime import date
from typing import Final

from calculator import figuren
from calculator.domein import Bepaling, Grootteklasse, Onderneming, Reden, Voorwaarde, Waarde
from calculator.grootte import VRIJ_BEROEP
from calculator.parameters import RulesData

VZW: Final = "vzw"


def _assumed(id_: str, reden: Reden) -> Voorwaarde:
    return Voorwaarde(id_, True, reden, aangenomen=True)


# The reasons that refuse an enterprise a recognised maatwerkbedrijf would not be refused for: where the answer
# assumes the enterprise is not one (aannames.py), so the page asks it only where it matters.
MAATWERKBEDRIJF_VRAAG: Final = frozenset(
    {
        "voorwaarde.kmo.groot.behalve_maatwerkbedrijf",
        "voorwaarde.rechtsvorm.vzw.behalve_maatwerkbedrijf",
        "voorwaarde.rechtsvorm.niet_aanvaard.behalve_maatwerkbedrijf",
    }
)


def _maatwerkbedrijf(day: date, data: RulesData) -> date | None:
    """The day from which a recognised maatwerkbedrijf may use the kmo-portefeuille whatever its legal form and
    size, when that holds on ``day``."""
    value = figuren.maatwerkbedrijf_toegelaten(data, day)
    return value.start if value.value is True else None


def kmo(onderneming: Onderneming, klasse: Grootteklasse, bepaling: Bepaling, day: date, data: RulesData) -> Voorwaarde:
    """An SME by the EU definition (small or medium), or a liberal profession, or (from 2026) a recognised
    maatwerkbedrijf of any size."""
    if klasse is not Grootteklasse.GROOT:
        return Voorwaarde("kmo", True, Reden(f"voorwaarde.kmo.{bepaling.value}", {"klasse_bijvoeglijk": klasse.value}))
    if onderneming.rechtsvorm == VRIJ_BEROEP:
        return Voorwaarde("kmo", True, Reden("voorwaarde.kmo.vrij_beroep"))
    sinds = _maatwerkbedrijf(day, data)
    if sinds is None:
        return Voorwaarde("kmo", False, Reden("voorwaarde.kmo.groot"))
    if onderneming.maatwerkbedrijf:
        return Voorwaarde("kmo", True, Reden("voorwaarde.kmo.maatwerkbedrijf", {"sinds_datum": sinds}))
    return Voorwaarde("kmo", False, Reden("voorwaarde.kmo.groot.behalve_maatwerkbedrijf", {"sinds_datum": sinds}))


def rechtsvorm(onderneming: Onderneming, day: date, data: RulesData) -> Voorwaarde:
    if onderneming.rechtsvorm is None:
        allowed = _maatwerkbedrijf(day, data) is not None  # a vzw that is a maatwerkbedrijf may then apply
        return _assumed(
            "rechtsvorm", Reden("aanname.rechtsvorm.behalve_maatwerkbedrijf" if allowed else "aanname.rechtsvorm")
        )
    form = data.classificatie.rechtsvormen[onderneming.rechtsvorm]
    if form.aanvaard:
        return Voorwaarde("rechtsvorm", True, Reden("voorwaarde.rechtsvorm.aanvaard", {"rechtsvorm": form.label}))
    code = "voorwaarde.rechtsvorm.vzw" if form.sleutel == VZW else "voorwaarde.rechtsvorm.niet_aanvaard"
    waarden: dict[str, Waarde] = {} if form.sleutel == VZW else {"rechtsvorm": form.label}
    sinds = _maatwerkbedrijf(day, data)
    if sinds is None:
        return Voorwaarde("rechtsvorm", False, Reden(code, waarden))
    if onderneming.maatwerkbedrijf:
        reden = Reden("voorwaarde.rechtsvorm.maatwerkbedrijf", {"rechtsvorm": form.label, "sinds_datum": sinds})
        return Voorwaarde("rechtsvorm", True, reden)
    return Voorwaarde("rechtsvorm", False, Reden(f"{code}.behalve_maatwerkbedrijf", {**waarden, "sinds_datum": sinds}))


def vestiging(onderneming: Onderneming, data: RulesData) -> Voorwaarde:
    if onderneming.gewest is None:
        return _assumed("vestiging", Reden("aanname.vestiging"))
    region = data.classificatie.gewesten[onderneming.gewest]
    code = "voorwaarde.vestiging.aanvaard" if region.aanvaard else "voorwaarde.vestiging.niet_aanvaard"
    return Voorwaarde("vestiging", region.aanvaard, Reden(code, {"gewest": region.label}))


def prive(onderneming: Onderneming, day: date, data: RulesData) -> Voorwaarde:
    """Private sector: administrative authorities hold less than the threshold (a strict comparison)."""
    grens = figuren.publieke_participatie(data, day)
    rule: dict[str, Waarde] = {"grens_pct": grens.bedrag, "comparator": grens.vergelijking.value}
    share = onderneming.publieke_participatie_pct
    if share is None:
        return _assumed("prive", Reden("aanname.prive", rule))
    met = grens.omvat(share)
    code = "voorwaarde.prive.ja" if met else "voorwaarde.prive.nee"
    return Voorwaarde("prive", met, Reden(code, {"aandeel_pct": share, **rule}))


def hoofdactiviteit(onderneming: Onderneming) -> Voorwaarde:
    """The NACE-BEL code of the main activity is on the official list; only the visitor can confirm it."""
    confirmed = onderneming.hoofdactiviteit_aanvaard
    if confirmed is None:
        return _assumed("hoofdactiviteit", Reden("aanname.hoofdactiviteit"))
    code = "voorwaarde.hoofdactiviteit.ja" if confirmed else "voorwaarde.hoofdactiviteit.nee"
    return Voorwaarde("hoofdactiviteit", confirmed, Reden(code))


def niet_aanverwant(onderneming: Onderneming, day: date, data: RulesData) -> Voorwaarde:
    """The provider is not a related enterprise (aanverwante onderneming); only the visitor can say so."""
    related = onderneming.aanverwante_dienstverlener
    if related is None:
        return _assumed("niet_aanverwant", Reden("aanname.niet_aanverwant"))
    met = not (related and figuren.aanverwante_dienstverlener_uitgesloten(data, day))
    code = "voorwaarde.niet_aanverwant.ja" if met else "voorwaarde.niet_aanverwant.nee"
    return Voorwaarde("niet_aanverwant", met, Reden(code))


def alle_voorwaarden(
    onderneming: Onderneming, klasse: Grootteklasse, bepaling: Bepaling, day: date, data: RulesData
) -> tuple[Voorwaarde, ...]:
    """The conditions step: the six conditions, in the order the answer lists them."""
    return (
        kmo(onderneming, klasse, bepaling, day, data),
        rechtsvorm(onderneming, day, data),
        vestiging(onderneming, data),
        prive(onderneming, day, data),
        hoofdactiviteit(onderneming),
        niet_aanverwant(onderneming, day, data),
    )
