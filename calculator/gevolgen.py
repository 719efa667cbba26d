"""What would change the outcome, where that helps the visitor decide or act: another size, the group, the last day
to apply, the yearly cap, and applying in the next calendar year.

Two rules meet in the last one. The cap is one amount per enterprise per calendar year of the application (vlaio.be
"Hoeveel subsidies kan ik krijgen?"), and a service must be applied for at the latest 14 calendar days after it
starts ("Dit kan tot 14 kalenderdagen na de start van de prestaties", vlaanderen.be "Projectaanvraag indienen in de
kmo-portefeuille"). So a service whose last day to apply falls on or after 1 January of the next year can be applied
for under next year's cap instead.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from calculator.domein import Aanvraag, Bepaling, Dienstresultaat, Grootte, Grootteklasse, Reden, Waarde
from calculator.parameters import RulesData
from calculator.steun import ZERO, bereken_diensten, steunplafond, tarief


def gevolgen(
    aanvraag: Aanvraag, grootte: Grootte, over_voor: Decimal, results: tuple[Dienstresultaat, ...], data: RulesData
) -> list[Reden]:
    """The hints step, per eligible service in order, then the cap, then the next calendar year."""
    day = aanvraag.aanvraagdatum
    hints: list[Reden] = []
    for index, result in enumerate(results, start=1):
        if result.subsidieerbaar:
            hints.extend(_andere_grootte(grootte, result, index, day, data))
            hints.append(Reden("gevolg.termijn", {"nummer": index, "uiterlijk_datum": result.aanvragen_uiterlijk}))
    lost = sum((r.berekend - r.steun for r in results if r.subsidieerbaar), ZERO)
    if lost > 0:
        hints.append(Reden("gevolg.plafond", {"verloren_eur": lost}))
        hints.extend(volgend_jaar(aanvraag, grootte.toegepast, over_voor, results, data))
    return hints


def _andere_grootte(grootte: Grootte, result: Dienstresultaat, index: int, day: date, data: RulesData) -> list[Reden]:
    """The rate the service would get without the group (computed size), or at the other size (stated size)."""
    pct = result.tarief_pct
    eigen = grootte.eigen
    if (
        grootte.bepaling is Bepaling.DEFINITIE
        and eigen is not None
        and eigen not in (grootte.toegepast, Grootteklasse.GROOT)
    ):
        own_pct = tarief(result.soort, eigen, day, data).percentage
        if own_pct != pct:
            values = {
                "klasse": grootte.toegepast.value,
                "tarief_pct": pct,
                "eigen_tarief_pct": own_pct,
                "nummer": index,
            }
            return [Reden("gevolg.groep", values)]
    if grootte.bepaling is Bepaling.OPGEGEVEN and grootte.toegepast is not Grootteklasse.GROOT:
        other = Grootteklasse.MIDDELGROOT if grootte.toegepast is Grootteklasse.KLEIN else Grootteklasse.KLEIN
        other_pct = tarief(result.soort, other, day, data).percentage
        if other_pct != pct:
            values = {
                "andere_klasse": other.value,
                "klasse": grootte.toegepast.value,
                "ander_tarief_pct": other_pct,
                "tarief_pct": pct,
                "nummer": index,
            }
            return [Reden("gevolg.andere_grootte", values)]
    return []


def volgend_jaar(
    aanvraag: Aanvraag,
    klasse: Grootteklasse,
    over_voor: Decimal,
    results: tuple[Dienstresultaat, ...],
    data: RulesData,
) -> list[Reden]:
    """One hint per service that could still be applied for on 1 January of the next year and would then bring more
    support in all: that service under next year's cap (nothing used yet), the others as they are, in their order,
    under this year's. Only when this year's cap limits the support."""
    if not any(result.subsidieerbaar and result.steun < result.berekend for result in results):
        return []
    day = aanvraag.aanvraagdatum
    next_day = date(day.year + 1, 1, 1)
    cap = steunplafond(klasse, next_day, data)
    assert cap is not None, "a capped, eligible service means an SME, which has a cap"
    assert not isinstance(cap.value, bool)
    current = sum((result.steun for result in results), ZERO)
    hints: list[Reden] = []
    for index, result in enumerate(results):
        if not result.subsidieerbaar or result.aanvragen_uiterlijk < next_day:
            continue
        others = tuple(r.dienst for position, r in enumerate(results) if position != index)
        this_year, _ = bereken_diensten(
            others, klasse=klasse, enterprise_reason=None, remaining=over_voor, day=day, data=data
        )
        next_year, _ = bereken_diensten(
            (result.dienst,), klasse=klasse, enterprise_reason=None, remaining=cap.value, day=next_day, data=data
        )
        gain = sum((r.steun for r in (*this_year, *next_year)), ZERO) - current
        if gain > 0:
            values: dict[str, Waarde] = {
                "nummer": index + 1,
                "uiterlijk_datum": result.aanvragen_uiterlijk,
                "jaar": str(next_day.year),
                "meer_eur": gain,
            }
            hints.append(Reden("gevolg.volgend_jaar", values))
    return hints
