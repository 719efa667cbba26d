"""Company size (grootteklasse) by the European SME definition, with linked and partner enterprises.

Commission Recommendation 2003/361/EC, Annex, Article 2: "The category of micro, small and medium-sized
enterprises (SMEs) is made up of enterprises which employ fewer than 250 persons and which have an annual turnover
not exceeding EUR 50 million, and/or an annual balance sheet total not exceeding EUR 43 million. [...] a small
enterprise is defined as an enterprise which employs fewer than 50 persons and whose annual turnover and/or annual
balance sheet total does not exceed EUR 10 million."
Article 6: the data of partner enterprises are added "proportional to the percentage interest in the capital or
voting rights (whichever is greater)"; "100 % of the data of any enterprise which is directly or indirectly linked".
https://eur-lex.europa.eu/legal-content/NL/TXT/?uri=CELEX:32003H0361

Micro enterprises count as small here: the kmo-portefeuille knows only small and medium rates. The size fixed by
the first successful application of a calendar year stays for the rest of that year (``locked_size``), and a
liberal profession (vrij beroep) is eligible whatever its size, at the rate and cap of a medium enterprise.
The figures themselves (50, 250, € 10 million, ...) and how they compare come from the rules data.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from typing import Final

from calculator import figuren
from calculator.domein import Bepaling, Grootte, Grootteklasse, Kerncijfers, Onderneming, Reden
from calculator.parameters import RulesData

VRIJ_BEROEP: Final = "vrij_beroep"

HUNDRED = Decimal(100)


@dataclass(frozen=True)
class Groepstotaal:
    cijfers: Kerncijfers
    reden: Reden


@dataclass(frozen=True)
class Groottebepaling:
    klasse: Grootteklasse
    reden: Reden


def groepstotaal(eigen: Kerncijfers, onderneming: Onderneming) -> Groepstotaal:
    """Own data, plus linked enterprises at 100 %, plus partner enterprises pro rata of the share."""
    vte_totaal, omzet_totaal, balans_totaal = eigen.vte, eigen.omzet, eigen.balanstotaal
    parts = [Reden("grootte.groep.eigen", {"eigen_vte": eigen.vte})]
    for index, linked in enumerate(onderneming.verbonden, start=1):
        vte_totaal += linked.vte
        omzet_totaal += linked.omzet
        balans_totaal += linked.balanstotaal
        parts.append(
            Reden("grootte.groep.verbonden", {"nummer": index, "aandeel_pct": HUNDRED, "meegeteld_vte": linked.vte})
        )
    for index, partner in enumerate(onderneming.partners, start=1):
        share = partner.aandeel_pct / HUNDRED
        vte_totaal += partner.cijfers.vte * share
        omzet_totaal += partner.cijfers.omzet * share
        balans_totaal += partner.cijfers.balanstotaal * share
        parts.append(
            Reden(
                "grootte.groep.partner",
                {
                    "nummer": index,
                    "aandeel_pct": partner.aandeel_pct,
                    "meegeteld_vte": partner.cijfers.vte * share,
                    "totaal_vte": partner.cijfers.vte,
                },
            )
        )
    reden = Reden("grootte.groep", delen=tuple(parts)) if len(parts) > 1 else Reden("grootte.groep.alleen_eigen")
    return Groepstotaal(Kerncijfers(vte_totaal, omzet_totaal, balans_totaal), reden)


def _criterion(klasse: Grootteklasse, kenmerk: str, value: Decimal, day: date, data: RulesData) -> tuple[bool, Reden]:
    grens = figuren.kmo_grens(data, klasse, kenmerk, day)
    ok = grens.omvat(value)
    eenheid = "vte" if kenmerk == "vte" else "eur"
    return ok, Reden(
        f"criterium.{kenmerk}",
        {
            f"waarde_{eenheid}": value,
            f"grens_{eenheid}": grens.bedrag,
            "comparator": grens.vergelijking.value,
            "binnen": ok,
        },
    )


def _fits(klasse: Grootteklasse, cijfers: Kerncijfers, day: date, data: RulesData) -> tuple[bool, Reden]:
    """Headcount below the ceiling, and turnover or balance total within theirs (one of the two suffices)."""
    vte_ok, vte_reden = _criterion(klasse, "vte", cijfers.vte, day, data)
    omzet_ok, omzet_reden = _criterion(klasse, "omzet", cijfers.omzet, day, data)
    balans_ok, balans_reden = _criterion(klasse, "balanstotaal", cijfers.balanstotaal, day, data)
    if not vte_ok:
        return False, Reden("grootte.toets.te_veel_vte", delen=(vte_reden,))
    if omzet_ok:
        return True, Reden("grootte.toets.omzet", delen=(vte_reden, omzet_reden))
    if balans_ok:
        return True, Reden("grootte.toets.balanstotaal", delen=(vte_reden, balans_reden, omzet_reden))
    return False, Reden("grootte.toets.beide_te_hoog", delen=(omzet_reden, balans_reden))


def bepaal_grootteklasse(cijfers: Kerncijfers, day: date, data: RulesData) -> Groottebepaling:
    """Small if it fits the small thresholds; else medium if it fits the medium ones; else large."""
    rejected: list[Reden] = []
    for klasse in figuren.GROOTTES:
        fits, reason = _fits(klasse, cijfers, day, data)
        if fits and not rejected:
            return Groottebepaling(klasse, Reden("grootte.berekend.direct", {"klasse": klasse.value}, (reason,)))
        if fits:
            wel = Reden("grootte.wel", {"klasse": klasse.value}, (reason,))
            return Groottebepaling(klasse, Reden("grootte.berekend", {"klasse": klasse.value}, (*rejected, wel)))
        rejected.append(Reden("grootte.niet", {"klasse": klasse.value}, (reason,)))
    groot = Grootteklasse.GROOT
    return Groottebepaling(
        groot, Reden("grootte.berekend", {"klasse": groot.value}, (*rejected, Reden("grootte.groot_geen_kmo")))
    )


def bepaal_grootte(onderneming: Onderneming, day: date, data: RulesData) -> Grootte:
    """The size step: from the figures (with the group), else the locked or stated size."""
    grootte = _uit_cijfers(onderneming, day, data) if onderneming.eigen is not None else _uit_opgave(onderneming)
    if grootte.klasse is not Grootteklasse.GROOT:
        return grootte
    # A large liberal profession, and (from 2026) a large recognised maatwerkbedrijf, is eligible and gets the rate
    # and cap of a medium enterprise.
    if onderneming.rechtsvorm == VRIJ_BEROEP:
        waarschuwing = Reden("waarschuwing.vrij_beroep_groot")
    elif onderneming.maatwerkbedrijf and figuren.maatwerkbedrijf_toegelaten(data, day).value is True:
        waarschuwing = Reden("waarschuwing.maatwerkbedrijf_groot")
    else:
        return grootte
    waarschuwingen = (*grootte.waarschuwingen, waarschuwing)
    return replace(grootte, toegepast=Grootteklasse.MIDDELGROOT, waarschuwingen=waarschuwingen)


def _uit_opgave(onderneming: Onderneming) -> Grootte:
    """No figures: the size locked this year, else the size the visitor stated."""
    klasse = onderneming.vastgelegde_grootte or onderneming.opgegeven_grootte
    assert klasse is not None, "the reader requires figures or a stated size"
    bepaling = Bepaling.VASTGELEGD if onderneming.vastgelegde_grootte is not None else Bepaling.OPGEGEVEN
    reden = Reden(f"grootte.{bepaling.value}", {"klasse": klasse.value})
    return Grootte(klasse, klasse, bepaling, None, None, None, reden, Reden("grootte.groep.opgegeven"))


def _uit_cijfers(onderneming: Onderneming, day: date, data: RulesData) -> Grootte:
    """The figures of the enterprise and its group decide; a locked size overrides them for the rest of the year."""
    assert onderneming.eigen is not None
    totaal = groepstotaal(onderneming.eigen, onderneming)
    groep = bepaal_grootteklasse(totaal.cijfers, day, data)
    eigen = bepaal_grootteklasse(onderneming.eigen, day, data)
    waarschuwingen = _verschillen(onderneming, groep.klasse, eigen.klasse)
    locked = onderneming.vastgelegde_grootte
    if locked is None:
        return Grootte(
            groep.klasse, groep.klasse, Bepaling.DEFINITIE, totaal.cijfers, groep.klasse, eigen.klasse,
            groep.reden, totaal.reden, waarschuwingen,
        )  # fmt: skip
    reden = Reden("grootte.vastgelegd", {"klasse": locked.value}).met(
        Reden("grootte.vastgelegd.ter_informatie", delen=(groep.reden,))
    )
    return Grootte(
        locked, locked, Bepaling.VASTGELEGD, totaal.cijfers, groep.klasse, eigen.klasse, reden, totaal.reden,
        waarschuwingen,
    )  # fmt: skip


def _verschillen(onderneming: Onderneming, groep: Grootteklasse, eigen: Grootteklasse) -> tuple[Reden, ...]:
    """Warnings where the computed size differs from the own figures alone, the stated size or the locked size."""
    warnings: list[Reden] = []
    if eigen is not groep:
        warnings.append(
            Reden("waarschuwing.groep_verandert_grootte", {"eigen_klasse": eigen.value, "klasse": groep.value})
        )
    stated = onderneming.opgegeven_grootte
    if stated is not None and stated is not groep:
        warnings.append(Reden("waarschuwing.opgegeven_verschilt", {"opgegeven": stated.value, "klasse": groep.value}))
    locked = onderneming.vastgelegde_grootte
    if locked is not None and locked is not groep:
        warnings.append(Reden("waarschuwing.vastgelegd_verschilt", {"vastgelegd": locked.value, "klasse": groep.value}))
    return tuple(warnings)
