"""Company size (grootteklasse) by the European SME definition, with linked and partner enterprises.

Commission Recommendation 2003/361/EC, Annex, Article 2: "The category of micro, small and medium-sized
enterprises (SMEs) is made up of enterprises which employ fewer than 250 persons and which have an annual turnover
not exceeding EUR 50 million, and/or an annual balance sheet total not exceeding EUR 43 million. [...] a small
enterprise is defined as an enterprise which employs fewer than 50 persons and whose annual turnover and/or annual
balance sheet total does not exceed EUR 10 million."
Article 6: the data of partner enterprises are added "proportional to the percentage interest in the capital or
voting rights (whichever is greater)"; "100 % of the data of any enterprise which is directly or indirectly linked".
https://eur-lex.europa.eu/legal-content/NL/TXT/?uri=CELEX:32003H0361

Micro enterprises count as small here: the kmo-portefeuille knows only small and medium rates.
The figures themselves (50, 250, € 10 million, ...) and how they compare come from the rules data.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from calculator.formatting import euro, percent, vte
from calculator.parameters import Parameter, RulesData
from calculator.request import Grootteklasse, Kerncijfers, Onderneming

HUNDRED = Decimal(100)


@dataclass(frozen=True)
class Groepstotaal:
    cijfers: Kerncijfers
    explanation: str


@dataclass(frozen=True)
class Groottebepaling:
    klasse: Grootteklasse
    explanation: str


def groepstotaal(onderneming: Onderneming) -> Groepstotaal:
    """Own data, plus linked enterprises at 100 %, plus partner enterprises pro rata of the share."""
    vte_total = onderneming.eigen.vte
    omzet_total = onderneming.eigen.omzet
    balans_total = onderneming.eigen.balanstotaal
    parts = [f"uw onderneming ({vte(onderneming.eigen.vte)})"]
    for index, linked in enumerate(onderneming.verbonden, start=1):
        vte_total += linked.vte
        omzet_total += linked.omzet
        balans_total += linked.balanstotaal
        parts.append(f"verbonden onderneming {index} voor {percent(HUNDRED)} ({vte(linked.vte)})")
    for index, partner in enumerate(onderneming.partners, start=1):
        share = partner.aandeel_pct / HUNDRED
        vte_total += partner.cijfers.vte * share
        omzet_total += partner.cijfers.omzet * share
        balans_total += partner.cijfers.balanstotaal * share
        parts.append(
            f"partneronderneming {index} voor {percent(partner.aandeel_pct)} "
            f"({vte(partner.cijfers.vte * share)} van {vte(partner.cijfers.vte)})"
        )
    if len(parts) == 1:
        explanation = (
            "Alleen de gegevens van uw eigen onderneming tellen mee: u gaf geen verbonden of partnerondernemingen op."
        )
    else:
        explanation = "Meegeteld: " + ", ".join(parts[:-1]) + " en " + parts[-1] + "."
    return Groepstotaal(Kerncijfers(vte_total, omzet_total, balans_total), explanation)


def _criterion(
    parameter: Parameter, value: Decimal, day: date, subject: str, show: Callable[[Decimal], str]
) -> tuple[bool, str]:
    assert parameter.comparator is not None
    threshold = parameter.amount(day)
    ok = parameter.within(value, day)
    relation = parameter.comparator.words(within=ok)
    return ok, f"{subject}{show(value)} is {relation} {show(threshold)}"


def _fits(klasse: Grootteklasse, cijfers: Kerncijfers, day: date, data: RulesData) -> tuple[bool, str]:
    """Headcount below the ceiling, and turnover or balance total within theirs (one of the two suffices)."""
    prefix = f"kmo_definitie.{klasse.value}"
    vte_ok, vte_text = _criterion(data[f"{prefix}.vte"], cijfers.vte, day, "", vte)
    omzet_ok, omzet_text = _criterion(data[f"{prefix}.omzet"], cijfers.omzet, day, "de jaaromzet van ", euro)
    balans_ok, balans_text = _criterion(
        data[f"{prefix}.balanstotaal"], cijfers.balanstotaal, day, "het balanstotaal van ", euro
    )
    if not vte_ok:
        return False, vte_text
    if omzet_ok:
        return True, f"{vte_text} en {omzet_text}"
    if balans_ok:
        return True, f"{vte_text} en {balans_text} (omzet of balanstotaal volstaat; {omzet_text})"
    return False, f"{omzet_text} en {balans_text}"


def bepaal_grootteklasse(cijfers: Kerncijfers, day: date, data: RulesData) -> Groottebepaling:
    """Small if it fits the small thresholds; else medium if it fits the medium ones; else large."""
    rejected: list[str] = []
    for klasse in (Grootteklasse.KLEIN, Grootteklasse.MIDDELGROOT):
        fits, reason = _fits(klasse, cijfers, day, data)
        if fits:
            return Groottebepaling(klasse, _sentence(klasse, rejected, reason))
        rejected.append(f"Niet {klasse.value}: {reason}.")
    return Groottebepaling(Grootteklasse.GROOT, _sentence(Grootteklasse.GROOT, rejected, None))


def _sentence(klasse: Grootteklasse, rejected: list[str], reason: str | None) -> str:
    text = f"Volgens de Europese kmo-definitie is de onderneming {klasse.value}"
    if not rejected and reason is not None:
        return f"{text}: {reason}."
    parts = [text + ".", *rejected]
    if reason is not None:
        parts.append(f"Wel {klasse.value}: {reason}.")
    else:
        parts.append("Een grote onderneming is geen kmo.")
    return " ".join(parts)
