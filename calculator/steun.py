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
from typing import Final

from calculator import figuren
from calculator.classificatie import Dienst, Dienstsoort, Onderwerp
from calculator.dated import Begin, DatedValue, Source
from calculator.domein import Dienstresultaat, Dienstverlening, Grootteklasse, Reden, Waarde
from calculator.parameters import RulesData

HUNDRED = Decimal(100)
ZERO = Decimal("0.00")
CENT: Final = Decimal("0.01")
GROOTTES: Final = figuren.GROOTTES  # the sizes that get support


@dataclass(frozen=True)
class Tarief:
    """A rate in force: its dated value (source, quote, start) and the subject whose higher rate it is, if any."""

    waarde: DatedValue
    verhoogd: Onderwerp | None  # None: the ordinary rate of the period

    @property
    def percentage(self) -> Decimal:
        assert isinstance(self.waarde.value, Decimal)
        return self.waarde.value

    @property
    def sinds(self) -> date:
        return self.waarde.start

    @property
    def bron(self) -> Source:
        return self.waarde.bron

    @property
    def citaat(self) -> str | None:
        return self.waarde.citaat


def round_cent(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def steunplafond(klasse: Grootteklasse, day: date, data: RulesData) -> DatedValue | None:
    """The yearly cap of the calendar year of the application; a large enterprise has none (it gets nothing)."""
    if klasse is Grootteklasse.GROOT:
        return None
    return figuren.steunplafond(data, klasse, day)


def tarief(kind: Dienstsoort, klasse: Grootteklasse, day: date, data: RulesData) -> Tarief:
    """The rate for this kind of service (see :func:`tarief_voor`)."""
    return tarief_voor(kind.dienst, kind.onderwerp, klasse, day, data)


def tarief_voor(dienst: Dienst, onderwerp: Onderwerp, klasse: Grootteklasse, day: date, data: RulesData) -> Tarief:
    """The rate for a service on a subject: the subject's higher rate where it exists on ``day`` and covers the
    service (cybersecurity since 14 September 2021, training on energy efficiency), else the ordinary rate of the
    period."""
    higher = figuren.verhoogd_steunpercentage(data, dienst, onderwerp, klasse, day)
    if higher is not None:
        return Tarief(higher, onderwerp)
    return Tarief(figuren.steunpercentage(data, klasse, day), None)


def subsidieerbaar(dienst: Dienst, onderwerp: Onderwerp, day: date, data: RulesData) -> tuple[bool, DatedValue | None]:
    """Whether a service on a subject qualifies on ``day``, with the dated value that says so (``None``: a service
    that is neither training nor advice never qualifies)."""
    value = figuren.subsidieerbaar(data, dienst, onderwerp, day)
    return figuren.is_subsidieerbaar(value), value


def soort_subsidieerbaar(kind: Dienstsoort, day: date, data: RulesData) -> tuple[bool, Reden, DatedValue | None]:
    """Whether this kind of service qualifies on the application date, with the reason and its dated value."""
    qualifies, value = subsidieerbaar(kind.dienst, kind.onderwerp, day, data)
    if value is None:
        return False, Reden("dienst.soort.nooit", {"soort": kind.label}), None
    reden = _soort_reden(kind, data, qualifies, value.start)
    if qualifies and kind.enkel_als_advies:
        reden = reden.met(Reden("dienst.enkel_als_advies"))
    return qualifies, reden, value


def _soort_reden(kind: Dienstsoort, data: RulesData, qualifies: bool, sinds: date) -> Reden:
    """What the kind is, and, when it no longer qualifies, since when; a kind without a theme says none."""
    waarden = soort_waarden(kind, data)
    if qualifies:
        return Reden("dienst.soort.aanvaard" if kind.thema else "dienst.soort.aanvaard.zonder_thema", waarden)
    code = "dienst.soort.niet_meer" if kind.thema else "dienst.soort.niet_meer.zonder_thema"
    return Reden(code, {**waarden, "sinds_datum": sinds})


def soort_waarden(kind: Dienstsoort, data: RulesData) -> dict[str, Waarde]:
    """What a kind of service is, for its sentence: the service, its subject and its theme."""
    thema = data.classificatie.thema_van(kind)
    return {
        "soort": kind.label,
        "dienst": kind.dienst.value,
        "onderwerp": kind.onderwerp.value,
        "thema": thema.label if thema is not None else "",
    }


def themas_beperkt(day: date, data: RulesData) -> bool:
    """Whether training and advice qualify only within the future-oriented themes (since 1 January 2023)."""
    return figuren.themas_beperkt(data, day)


def aanvraagtermijn(start: date, day: date, data: RulesData) -> date:
    """The last day to apply: the start of the services plus the number of calendar days in the data."""
    return start + timedelta(days=int(figuren.aanvraagtermijn(data, day).bedrag))


def realisatietermijn(kind: Dienstsoort, day: date, data: RulesData) -> date | None:
    """A training must be finished by 31 December of the calendar year after the year of the application. The
    official text gives no such date for advice: ``None``."""
    if kind.dienst is not Dienst.OPLEIDING:
        return None
    return date(day.year + figuren.realisatietermijn_opleiding(data, day), 12, 31)


def _refusals(
    dienst: Dienstverlening,
    kind: Dienstsoort,
    enterprise_reason: Reden | None,
    day: date,
    data: RulesData,
) -> tuple[Reden, list[Reden], Source | None]:
    """The kind's reason, and the reasons that refuse the service with the source of the first of them."""
    termijn = figuren.aanvraagtermijn(data, day)
    qualifies, kind_reason, kind_value = soort_subsidieerbaar(kind, day, data)
    reasons: list[Reden] = [] if enterprise_reason is None else [enterprise_reason]
    if not qualifies:
        return kind_reason, [*reasons, kind_reason], kind_value.bron if kind_value else None
    source: Source | None = None
    if not termijn.omvat(Decimal((day - dienst.startdatum).days)):
        source = source or termijn.waarde.bron
        reasons.append(
            Reden(
                "dienst.te_laat",
                {
                    "uiterlijk_datum": aanvraagtermijn(dienst.startdatum, day, data),
                    "dagen": termijn.bedrag,
                    "start_datum": dienst.startdatum,
                },
            )
        )
    minimum = figuren.minimumbedrag(data, kind.dienst, day)
    if minimum is not None and minimum.bindend and not minimum.omvat(dienst.bedrag):
        source = source or minimum.waarde.bron
        reasons.append(
            Reden(
                "dienst.onder_minimum",
                {
                    "dienst": kind.dienst.value,
                    "minimum_eur": minimum.bedrag,
                    "bedrag_eur": dienst.bedrag,
                    "comparator": str(minimum.vergelijking),
                },
            )
        )
    return kind_reason, reasons, source


def bereken_diensten(
    diensten: tuple[Dienstverlening, ...],
    *,
    klasse: Grootteklasse,
    enterprise_reason: Reden | None,
    remaining: Decimal,
    day: date,
    data: RulesData,
) -> tuple[tuple[Dienstresultaat, ...], Decimal]:
    """The services step: allocate support in the order of the services, each capped by what is left of the year's
    cap.

    ``enterprise_reason`` is the reason the enterprise is not eligible (``None`` when it is). Returns the results
    and what is left of the cap afterwards.
    """
    results: list[Dienstresultaat] = []
    for dienst in diensten:
        kind = dienst.soort
        kind_reason, reasons, source = _refusals(dienst, kind, enterprise_reason, day, data)
        if reasons:
            results.append(_weigering(dienst, kind, reasons, source, day=day, data=data))
            continue
        result = _toekenning(dienst, kind, kind_reason, klasse, remaining=remaining, day=day, data=data)
        remaining -= result.steun
        results.append(result)
    return tuple(results), remaining


def _weigering(
    dienst: Dienstverlening,
    kind: Dienstsoort,
    reasons: list[Reden],
    source: Source | None,
    *,
    day: date,
    data: RulesData,
) -> Dienstresultaat:
    """A refused service: the reasons first, then "Steun: € 0,00."."""
    reden = Reden("dienst.weigering", delen=(*reasons, Reden("dienst.geen_steun", {"steun_eur": ZERO})))
    deadline = aanvraagtermijn(dienst.startdatum, day, data)
    return Dienstresultaat(
        dienst, kind, False, Decimal(0), ZERO, ZERO, deadline, realisatietermijn(kind, day, data), reden, source
    )


def _tarief_code(rate: Tarief) -> str:
    """The sentence for a rate: the ordinary one, or the higher one of its subject (said "ten laatste sinds" when no
    source gives the day it started)."""
    if rate.verhoogd is None:
        return "dienst.tarief"
    if rate.verhoogd is Onderwerp.CYBERSECURITY:
        return "dienst.tarief.verhoogd"
    if rate.waarde.begin is Begin.TEN_LAATSTE:
        return "dienst.tarief.verhoogd.energie_efficientie.ten_laatste"
    return "dienst.tarief.verhoogd.energie_efficientie"


def _toekenning(
    dienst: Dienstverlening,
    kind: Dienstsoort,
    kind_reason: Reden,
    klasse: Grootteklasse,
    *,
    remaining: Decimal,
    day: date,
    data: RulesData,
) -> Dienstresultaat:
    """A service that qualifies: rate × amount, rounded half-up to the cent, never more than what is left."""
    rate = tarief(kind, klasse, day, data)
    computed = round_cent(dienst.bedrag * rate.percentage / HUNDRED)
    support = min(computed, remaining)
    deadline = aanvraagtermijn(dienst.startdatum, day, data)
    waarden = {
        "klasse_bijvoeglijk": klasse.value,
        "sinds_datum": rate.sinds,
        "tarief_pct": rate.percentage,
        "bedrag_eur": dienst.bedrag,
        "berekend_eur": computed,
    }
    parts: list[Reden] = [
        kind_reason,
        Reden(_tarief_code(rate), waarden),
    ]
    if support < computed:
        parts.append(Reden("dienst.plafond_bereikt", {"steun_eur": support}))
    parts.append(Reden("dienst.eigen_bijdrage", {"eigen_eur": dienst.bedrag - support}))
    dagen = figuren.aanvraagtermijn(data, day).bedrag
    parts.append(
        Reden("dienst.termijn", {"uiterlijk_datum": deadline, "dagen": dagen, "start_datum": dienst.startdatum})
    )
    return Dienstresultaat(
        dienst,
        kind,
        True,
        rate.percentage,
        computed,
        support,
        deadline,
        realisatietermijn(kind, day, data),
        Reden("dienst.toekenning", delen=tuple(parts)),
        rate.bron,
        rate.citaat,
    )
