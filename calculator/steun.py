"""Support per service: which services qualify on the application date, the rate, the yearly cap, the deadline.

Rates and caps (VLAIO, "Hoeveel subsidies kan ik krijgen?"): "Een kleine onderneming die investeert in opleiding
en advies kan 30% steun genieten [...]. Je ontvangt maximaal € 7.500 steun per jaar." and "Elke steunaanvraag die na
13 september 2021 ingediend wordt voor een advies of opleiding met betrekking tot het thema cybersecurity krijgt
een verhoogd steunpercentage. Kleine ondernemingen krijgen een tussenkomst van 45% en middelgrote ondernemingen
krijgen een tussenkomst van 35%."
https://www.vlaio.be/nl/subsidies-financiering/kmo-portefeuille/hoeveel-subsidies-kan-ik-krijgen

Deadline (Vlaanderen.be, "Projectaanvraag indienen in de kmo-portefeuille"): "Dit kan tot 14 kalenderdagen na de
start van de prestaties". Weekends and holidays do not move the last day.

Rounding is not published: support is computed exactly, rounded half-up to the cent, and the own share is the
amount minus the support, so both always add up to the amount.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from calculator.formatting import CENT, euro, long_date, percent
from calculator.parameters import DatedValue, Dienst, Onderwerp, RulesData, ServiceKind, Source
from calculator.request import Dienstverlening, Grootteklasse

HUNDRED = Decimal(100)
ZERO = Decimal("0.00")


@dataclass(frozen=True)
class Tarief:
    pct: Decimal
    since: date
    source: Source
    cybersecurity: bool


@dataclass(frozen=True)
class Dienstresultaat:
    dienst: Dienstverlening
    kind: ServiceKind
    eligible: bool
    rate_pct: Decimal
    support: Decimal
    application_deadline: date
    realisation_deadline: date
    explanation: str
    source: Source | None

    @property
    def own_share(self) -> Decimal:
        return self.dienst.bedrag - self.support


def round_cent(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def steunplafond(klasse: Grootteklasse, day: date, data: RulesData) -> DatedValue | None:
    """The yearly cap of the calendar year of the application; a large enterprise has none (it gets nothing)."""
    if klasse is Grootteklasse.GROOT:
        return None
    return data[f"steunplafond.{klasse.value}"].at(day)


def tarief(kind: ServiceKind, klasse: Grootteklasse, day: date, data: RulesData) -> Tarief:
    """The rate for this kind of service: the higher cybersecurity rate where it exists on ``day``, else the
    ordinary rate of the period (before 14 September 2021 there is no separate cybersecurity rate)."""
    if kind.onderwerp is Onderwerp.CYBERSECURITY:
        cyber = data[f"steunpercentage.cybersecurity.{klasse.value}"]
        if cyber.applies_on(day):
            value = cyber.at(day)
            return Tarief(cyber.amount(day), value.start, value.source, True)
    ordinary = data[f"steunpercentage.{klasse.value}"]
    value = ordinary.at(day)
    return Tarief(ordinary.amount(day), value.start, value.source, False)


def _kind_rule(kind: ServiceKind) -> str | None:
    if kind.dienst is Dienst.OPLEIDING:
        return "diensten.opleiding.subsidieerbaar"
    if kind.dienst is Dienst.ADVIES:
        if kind.onderwerp is Onderwerp.CYBERSECURITY:
            return "diensten.advies_cybersecurity.subsidieerbaar"
        return "diensten.advies_ander_onderwerp.subsidieerbaar"
    return None


def soort_subsidieerbaar(kind: ServiceKind, day: date, data: RulesData) -> tuple[bool, str, Source | None]:
    """Whether this kind of service qualifies on the application date, with the reason and its source."""
    name = _kind_rule(kind)
    if name is None:
        return (
            False,
            f"{kind.label} is geen opleiding of advies en komt nooit in aanmerking voor de kmo-portefeuille.",
            None,
        )
    parameter = data[name]
    value = parameter.at(day)
    if parameter.flag(day):
        return True, f"{kind.label} geldt als {kind.dienst.value} (thema {kind.onderwerp.value}).", value.source
    return (
        False,
        f"{kind.label} geldt als {kind.dienst.value} (thema {kind.onderwerp.value}). Sinds {long_date(value.start)} komt "
        f"{kind.dienst.value} over een ander onderwerp dan cybersecurity niet meer in aanmerking.",
        value.source,
    )


def aanvraagtermijn(start: date, day: date, data: RulesData) -> date:
    """The last day to apply: the start of the services plus the number of calendar days in the data."""
    days = data["procedure.aanvraagtermijn"].amount(day)
    return start + timedelta(days=int(days))


def realisatietermijn(day: date, data: RulesData) -> date:
    """The services must be finished by 31 December of the calendar year after the year of the application."""
    years = data["procedure.realisatietermijn"].amount(day)
    return date(day.year + int(years), 12, 31)


def bereken_diensten(
    diensten: tuple[Dienstverlening, ...],
    *,
    klasse: Grootteklasse,
    enterprise_eligible: bool,
    enterprise_reason: str,
    remaining: Decimal,
    day: date,
    data: RulesData,
) -> tuple[tuple[Dienstresultaat, ...], Decimal]:
    """Allocate support in the order of the services, each capped by what is left of the year's cap.

    Returns the results and what is left of the cap afterwards.
    """
    results: list[Dienstresultaat] = []
    termijn = data["procedure.aanvraagtermijn"]
    minimum = data["diensten.opleiding.minimumbedrag"]
    for dienst in diensten:
        kind = data.classification.service_kinds[dienst.soort]
        deadline = aanvraagtermijn(dienst.startdatum, day, data)
        realisation = realisatietermijn(day, data)
        deadline_text = (
            f"Vraag de steun uiterlijk op {long_date(deadline)} aan ({int(termijn.amount(day))} kalenderdagen na de "
            f"start op {long_date(dienst.startdatum)})."
        )
        qualifies, kind_reason, source = soort_subsidieerbaar(kind, day, data)
        reasons: list[str] = []
        reason_source: Source | None = None  # the source of the first reason that refuses the service
        if not enterprise_eligible:
            reasons.append(enterprise_reason)
        if not qualifies:
            reasons.append(kind_reason)
            reason_source = reason_source or source
        days_after_start = Decimal((day - dienst.startdatum).days)
        if qualifies and not termijn.within(days_after_start, day):
            reason_source = reason_source or termijn.at(day).source
            reasons.append(
                f"De aanvraag moest uiterlijk op {long_date(deadline)} ingediend zijn ({int(termijn.amount(day))} "
                f"kalenderdagen na de start op {long_date(dienst.startdatum)}); een latere aanvraag wordt geweigerd."
            )
        if qualifies and kind.dienst is Dienst.OPLEIDING and not minimum.within(dienst.bedrag, day):
            reason_source = reason_source or minimum.at(day).source
            reasons.append(
                f"De kostprijs van een opleiding moet minstens {euro(minimum.amount(day))} zonder btw zijn; "
                f"u gaf {euro(dienst.bedrag)} op."
            )
        if reasons:
            results.append(
                Dienstresultaat(
                    dienst,
                    kind,
                    False,
                    Decimal(0),
                    ZERO,
                    deadline,
                    realisation,
                    " ".join(reasons) + " Steun: € 0,00.",
                    reason_source,
                )
            )
            continue

        rate = tarief(kind, klasse, day, data)
        computed = round_cent(dienst.bedrag * rate.pct / HUNDRED)
        support = min(computed, remaining)
        remaining -= support
        which = "het verhoogde steunpercentage voor cybersecurity" if rate.cybersecurity else "het steunpercentage"
        text = (
            f"{kind_reason} Voor een {klasse.adjective} onderneming geldt sinds {long_date(rate.since)} {which} "
            f"van {percent(rate.pct)}: {percent(rate.pct)} van {euro(dienst.bedrag)} is {euro(computed)}."
        )
        if support < computed:
            text += (
                f" Van het steunplafond van dit kalenderjaar blijft nog {euro(support)} over, "
                f"dus de steun is {euro(support)}."
            )
        text += f" Uw eigen bijdrage is {euro(dienst.bedrag - support)}. " + deadline_text
        results.append(Dienstresultaat(dienst, kind, True, rate.pct, support, deadline, realisation, text, rate.source))
    return tuple(results), remaining
