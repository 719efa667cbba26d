"""What applying in the next calendar year would change, when this year's cap limits the support.

Two rules meet here. The cap is one amount per enterprise per calendar year of the application ("Het
steunplafond ... per kalenderjaar", vlaio.be "Hoeveel subsidies kan ik krijgen?"), and a service must be applied
for at the latest 14 calendar days after it starts ("Dit kan tot 14 kalenderdagen na de start van de prestaties",
vlaanderen.be "Projectaanvraag indienen in de kmo-portefeuille"). So a service whose last day to apply falls on or
after 1 January of the next year can be applied for under next year's cap instead.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from calculator.domein import Aanvraag, Grootteklasse, Reden, Waarde
from calculator.parameters import RulesData
from calculator.steun import ZERO, Dienstresultaat, bereken_diensten, steunplafond


def volgend_jaar(
    aanvraag: Aanvraag,
    klasse: Grootteklasse,
    remaining_before: Decimal,
    results: tuple[Dienstresultaat, ...],
    data: RulesData,
) -> list[Reden]:
    """One hint per service that could still be applied for on 1 January of the next year and would then bring more
    support in all: that service under next year's cap (nothing used yet), the others as they are, in their order,
    under this year's. Only when this year's cap limits the support."""
    if not any(result.eligible and result.support < result.computed for result in results):
        return []
    day = aanvraag.aanvraagdatum
    next_day = date(day.year + 1, 1, 1)
    cap = steunplafond(klasse, next_day, data)
    assert cap is not None, "a capped, eligible service means an SME, which has a cap"
    assert not isinstance(cap.value, bool)
    current = sum((result.support for result in results), ZERO)
    hints: list[Reden] = []
    for index, result in enumerate(results):
        if not result.eligible or result.application_deadline < next_day:
            continue
        others = tuple(r.dienst for position, r in enumerate(results) if position != index)
        this_year, _ = bereken_diensten(
            others, klasse=klasse, enterprise_reason=None, remaining=remaining_before, day=day, data=data
        )
        next_year, _ = bereken_diensten(
            (result.dienst,), klasse=klasse, enterprise_reason=None, remaining=cap.value, day=next_day, data=data
        )
        gain = sum((r.support for r in (*this_year, *next_year)), ZERO) - current
        if gain > 0:
            values: dict[str, Waarde] = {
                "nummer": index + 1,
                "uiterlijk_datum": result.application_deadline,
                "jaar": str(next_day.year),
                "meer_eur": gain,
            }
            hints.append(Reden("gevolg.volgend_jaar", values))
    return hints
