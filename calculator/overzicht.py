"""Rule summaries for the pages: the rates per kind of service and size on a day, the size thresholds, the history
of rates and caps, and which kinds of service qualify.

Every summary is built from the functions the calculator itself uses (``calculator.steun``), so a rate is decided in
one place: a reform is written in the data and in ``steun.py``, and the pages follow. Summaries are typed values;
what a visitor reads is a :class:`~calculator.domein.Reden` that ``teksten.py`` renders, or a dated value whose
figure and source the site shows.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Final

from calculator import figuren
from calculator.classificatie import Dienst, Dienstsoort, Onderwerp
from calculator.dated import Begin, DatedValue, Source
from calculator.domein import Grootteklasse, Reden
from calculator.figuren import GROOTTES, KENMERKEN, VERHOOGDE_ONDERWERPEN, verhoogd_voor
from calculator.parameters import RulesData
from calculator.steun import (
    Tarief,
    soort_subsidieerbaar,
    soort_waarden,
    steunplafond,
    subsidieerbaar,
    tarief_voor,
    themas_beperkt,
)

ANDER: Final = Onderwerp.ANDER  # a subject without a rate of its own ("another subject")
DREMPELS_BRON: Final = "eu_kmo_drempels"  # bronnen.toml: the article that states all thresholds
NIET_SUBSIDIEERBAAR: Final = Reden("overzicht.tarieven.niet")  # a cell of a row that does not qualify

# The rows of the rates table, in order: (service, subject); None is "another subject". A subject's own row shows
# only while its higher rate exists for that service.
_TARIEFRIJEN: Final = (
    (Dienst.OPLEIDING, None),
    *((Dienst.OPLEIDING, onderwerp) for onderwerp in VERHOOGDE_ONDERWERPEN),
    *((Dienst.ADVIES, onderwerp) for onderwerp in VERHOOGDE_ONDERWERPEN),
    (Dienst.ADVIES, None),
)


@dataclass(frozen=True)
class Tariefrij:
    """One row of the rates table: what for, and its rate per size of ``GROOTTES``; when it does not qualify, no
    rates and the dated value that says so."""

    waarvoor: Reden
    dienst: Dienst
    onderwerp: Onderwerp | None  # None: every subject without a row of its own
    tarieven: tuple[Tarief, ...]
    geweigerd: DatedValue | None = None


@dataclass(frozen=True)
class Tarieven:
    rijen: tuple[Tariefrij, ...]
    plafonds: tuple[DatedValue, ...]  # the yearly cap per size of GROOTTES


@dataclass(frozen=True)
class Periode:
    """One row of the history: the rules from ``vanaf`` on."""

    vanaf: date
    ten_laatste: bool  # no source states the day: the values applied on it at the latest
    gewijzigd: tuple[DatedValue, ...]  # the values that start that day (their sources document the change)
    gewoon: tuple[Tarief, ...]  # the ordinary rate per size of GROOTTES
    verhoogd: tuple[Reden, ...]  # per subject of VERHOOGDE_ONDERWERPEN: its rates, or no separate rate
    plafond: Reden
    reikwijdte: Reden  # which training and advice qualify


@dataclass(frozen=True)
class Drempels:
    """The size thresholds: per size of ``GROOTTES``, one reason per criterion of ``KENMERKEN``."""

    rijen: tuple[tuple[Grootteklasse, tuple[Reden, ...]], ...]
    bron: Source
    waarde: DatedValue  # when the thresholds apply (the small enterprise's headcount, the first of them)


@dataclass(frozen=True)
class Soort:
    soort: Dienstsoort
    subsidieerbaar: bool
    omschrijving: Reden  # what it is: training or advice on a subject, or neither


def _waarvoor(dienst: Dienst, onderwerp: Onderwerp | None, variant: str) -> Reden:
    if onderwerp is not None:
        return Reden(f"overzicht.tarieven.{dienst.value}.{onderwerp.value}")
    return Reden(f"overzicht.tarieven.{dienst.value}{variant}")


def tarieven(day: date, data: RulesData) -> Tarieven:
    """The rates in force on ``day`` per service and subject, for a small and a medium enterprise, and the caps.
    A subject's own row only while its higher rate exists; a service that no longer qualifies says so."""
    rows: list[tuple[Dienst, Onderwerp | None]] = [
        (dienst, onderwerp)
        for dienst, onderwerp in _TARIEFRIJEN
        if onderwerp is None or tarief_voor(dienst, onderwerp, GROOTTES[0], day, data).verhoogd is onderwerp
    ]
    themes = themas_beperkt(day, data)
    if any(onderwerp is not None for _, onderwerp in rows):
        variant = ".ander_thema" if themes else ".ander_onderwerp"
    else:
        variant = ".binnen_themas" if themes else ""
    result: list[Tariefrij] = []
    for dienst, onderwerp in rows:
        qualifies, value = subsidieerbaar(dienst, onderwerp or ANDER, day, data)
        if qualifies:
            rates = tuple(tarief_voor(dienst, onderwerp or ANDER, klasse, day, data) for klasse in GROOTTES)
            result.append(Tariefrij(_waarvoor(dienst, onderwerp, variant), dienst, onderwerp, rates))
        else:
            result.append(Tariefrij(_waarvoor(dienst, onderwerp, ".ander_onderwerp"), dienst, onderwerp, (), value))
    return Tarieven(tuple(result), _plafonds(day, data))


def tarieven_voor_aanbod(kinds: Iterable[Dienstsoort], day: date, data: RulesData) -> tuple[Tariefrij, ...]:
    """Today's rows of :func:`tarieven`, those of the given kinds of service (a provider's offer) first, the
    highest rate first among them; then the others in the table's order. A kind belongs to its subject's row
    while that subject has a rate of its own for its service, else to the row of the other subjects."""

    def row_of(kind: Dienstsoort) -> tuple[Dienst, Onderwerp | None]:
        own = tarief_voor(kind.dienst, kind.onderwerp, GROOTTES[0], day, data).verhoogd
        return kind.dienst, own

    offered = {row_of(kind) for kind in kinds if kind.dienst is not Dienst.GEEN}
    rows = tarieven(day, data).rijen
    first = [row for row in rows if (row.dienst, row.onderwerp) in offered and row.geweigerd is None]
    first.sort(key=lambda row: -row.tarieven[0].percentage)
    return (*first, *(row for row in rows if row not in first))


def _plafonds(day: date, data: RulesData) -> tuple[DatedValue, ...]:
    caps = tuple(steunplafond(klasse, day, data) for klasse in GROOTTES)
    return tuple(cap for cap in caps if cap is not None)


def _amount(value: DatedValue) -> Decimal:
    assert isinstance(value.value, Decimal)
    return value.value


def hoogste_tarief(day: date, data: RulesData) -> Decimal:
    """The highest rate in force on ``day``, over every service, subject and size ("tot 45 %")."""
    return max(
        tarief_voor(dienst, onderwerp, klasse, day, data).percentage
        for dienst in (Dienst.ADVIES, Dienst.OPLEIDING)
        for onderwerp in Onderwerp
        for klasse in GROOTTES
    )


def hoogste_tarief_van(kinds: Iterable[Dienstsoort], day: date, data: RulesData) -> Decimal | None:
    """The highest rate in force on ``day`` over these kinds of service (a provider's offer: "tot 45 %"), counting
    only those that qualify on ``day``; ``None`` when none does."""
    rates = [
        tarief_voor(kind.dienst, kind.onderwerp, klasse, day, data).percentage
        for kind in kinds
        if soort_subsidieerbaar(kind, day, data)[0]
        for klasse in GROOTTES
    ]
    return max(rates, default=None)


def hoogste_plafond(day: date, data: RulesData) -> Decimal:
    return max(_amount(cap) for cap in _plafonds(day, data))


def reikwijdte(day: date, data: RulesData) -> Reden:
    """Which training and advice qualify on ``day``, in a few words."""
    if not themas_beperkt(day, data):
        return Reden("overzicht.reikwijdte.alles")
    count = {"aantal": len(data.classificatie.themas)}
    if subsidieerbaar(Dienst.ADVIES, ANDER, day, data)[0]:
        return Reden("overzicht.reikwijdte.themas", count)
    return Reden("overzicht.reikwijdte.themas_advies_cybersecurity", count)


def _verhoogd(onderwerp: Onderwerp, day: date, data: RulesData) -> Reden:
    dienst = sorted(verhoogd_voor(onderwerp))[0]
    rates = [tarief_voor(dienst, onderwerp, klasse, day, data) for klasse in GROOTTES]
    if any(rate.verhoogd is not onderwerp for rate in rates):
        return Reden("overzicht.paar.geen")
    return Reden("overzicht.paar", {"klein_pct": rates[0].percentage, "middelgroot_pct": rates[1].percentage})


def _plafond(day: date, data: RulesData) -> Reden:
    small, medium = (_amount(cap) for cap in _plafonds(day, data))
    if small == medium:
        return Reden("overzicht.plafond.beide", {"plafond_bedrag": small})
    return Reden("overzicht.plafond.per_grootte", {"klein_bedrag": small, "middelgroot_bedrag": medium})


def _starts(data: RulesData) -> dict[date, Begin]:
    """The days a figure of the history changed, from the first modelled rule set on, with how the day is known."""
    starts: dict[date, Begin] = {data.modelled_from: Begin.BEKEND}
    for parameter in figuren.geschiedenis(data):
        for value in parameter.values:
            if value.start >= data.modelled_from and value.begin is not Begin.MODELSTART:
                starts[value.start] = min(starts.get(value.start, value.begin), value.begin)
    return starts


def geschiedenis(day: date, data: RulesData) -> tuple[Periode, ...]:
    """One period per change of a rate, a cap or the scope of training and advice, from the first modelled rule
    set until ``day`` (the last period is the one in force). A value whose start no source states gets its own
    period, marked ``ten_laatste``."""
    starts = _starts(data)
    periods: list[Periode] = []
    for start in sorted(d for d in starts if d <= day):
        changed = tuple(
            parameter.at(start)
            for parameter in figuren.geschiedenis(data)
            if parameter.applies_on(start) and parameter.at(start).start == start
        )
        periods.append(
            Periode(
                vanaf=start,
                ten_laatste=starts[start] is Begin.TEN_LAATSTE,
                gewijzigd=changed,
                gewoon=tuple(tarief_voor(Dienst.OPLEIDING, ANDER, klasse, start, data) for klasse in GROOTTES),
                verhoogd=tuple(_verhoogd(onderwerp, start, data) for onderwerp in VERHOOGDE_ONDERWERPEN),
                plafond=_plafond(start, data),
                reikwijdte=reikwijdte(start, data),
            )
        )
    return tuple(periods)


def _drempel(klasse: Grootteklasse, kenmerk: str, day: date, data: RulesData) -> Reden:
    grens = figuren.kmo_grens(data, klasse, kenmerk, day)
    name = "grens_vte" if kenmerk == "vte" else "grens_bedrag"
    return Reden(f"overzicht.drempel.{kenmerk}", {"comparator": grens.vergelijking.value, name: grens.bedrag})


def drempels(day: date, data: RulesData) -> Drempels:
    """The thresholds of the European SME definition in force on ``day``, with the article that states them."""
    rows = tuple((klasse, tuple(_drempel(klasse, kenmerk, day, data) for kenmerk in KENMERKEN)) for klasse in GROOTTES)
    return Drempels(rows, data.sources[DREMPELS_BRON], figuren.kmo_grens(data, GROOTTES[0], "vte", day).waarde)


def grootte_omschrijving(klasse: Grootteklasse, day: date, data: RulesData) -> Reden:
    """A size in its thresholds, for a choice on the calculator page: "minder dan 50 VTE; omzet of balanstotaal ten
    hoogste € 10.000.000"; a large enterprise is one beyond a medium-sized one."""
    if klasse is Grootteklasse.GROOT:
        fte = figuren.kmo_grens(data, Grootteklasse.MIDDELGROOT, "vte", day)
        return Reden(
            "overzicht.grootte.groot",
            {"comparator": fte.vergelijking.value, "binnen": False, "grens_vte": fte.bedrag},
        )
    fte_reden, turnover, balance = (_drempel(klasse, kenmerk, day, data) for kenmerk in KENMERKEN)
    if turnover.waarden["grens_bedrag"] == balance.waarden["grens_bedrag"]:
        money = Reden("overzicht.grootte.geld_samen", turnover.waarden)
    else:
        money = Reden("overzicht.grootte.geld_apart", delen=(turnover, balance))
    return Reden("overzicht.grootte", delen=(fte_reden, money))


def soorten(day: date, data: RulesData, kinds: Iterable[Dienstsoort] | None = None) -> tuple[Soort, ...]:
    """Every kind of service of the classification (or only ``kinds``, a provider's offer: the classification's
    named kinds in its order, then the described ones in theirs, each once), whether it qualifies on ``day``, and
    what it is."""
    named = tuple(data.classificatie.dienstsoorten.values())
    if kinds is not None:
        chosen = tuple(dict.fromkeys(kinds))
        named = tuple(kind for kind in named if kind in chosen) + tuple(k for k in chosen if k not in named)
    result = []
    for kind in named:
        qualifies, _, _ = soort_subsidieerbaar(kind, day, data)
        if kind.dienst is Dienst.GEEN:
            what = Reden("overzicht.soort.geen")
        else:
            what = Reden("overzicht.soort", soort_waarden(kind, data))
        result.append(Soort(kind, qualifies, what))
    return tuple(result)


def partnergrenzen(day: date, data: RulesData) -> Reden:
    """How the figures of a group count, in a few words: linked enterprises in full, partners pro rata."""
    return Reden("overzicht.partnergrenzen", figuren.partnergrenzen(data, day).waarden())


def aanvraagtermijn_dagen(day: date, data: RulesData) -> int:
    """The calendar days after the start of the services within which the application is made."""
    return int(figuren.aanvraagtermijn(data, day).bedrag)


# The conditions a page may place text under (``<!-- kmo:als NAME -->``), each a question about the rules in force on
# a day, answered by the same functions the calculator uses.
PAGINAVOORWAARDEN: Final[Mapping[str, Callable[[date, RulesData], bool]]] = {
    "verhoogd_cybersecurity": lambda day, data: (
        tarief_voor(Dienst.ADVIES, Onderwerp.CYBERSECURITY, GROOTTES[0], day, data).verhoogd is not None
    ),
    "verhoogd_energie_efficientie": lambda day, data: (
        tarief_voor(Dienst.OPLEIDING, Onderwerp.ENERGIE_EFFICIENTIE, GROOTTES[0], day, data).verhoogd is not None
    ),
    "advies_ander_onderwerp": lambda day, data: subsidieerbaar(Dienst.ADVIES, ANDER, day, data)[0],
    "themas_beperkt": themas_beperkt,
    "maatwerkbedrijf_toegelaten": lambda day, data: figuren.maatwerkbedrijf_toegelaten(data, day).value is True,
}


def tarieven_veranderd(since: date, day: date, data: RulesData) -> bool:
    """Whether the ordinary rates in force on ``since`` no longer are on ``day`` (a page may then call them
    history)."""
    if since < data.modelled_from:
        return False
    return any(
        tarief_voor(Dienst.OPLEIDING, ANDER, klasse, day, data).sinds
        > tarief_voor(Dienst.OPLEIDING, ANDER, klasse, since, data).sinds
        for klasse in GROOTTES
    )


def themas(data: RulesData) -> tuple[Reden, ...]:
    """The future-oriented themes, each with the subjects of a rate of their own it includes: "digitalisering (met
    cybersecurity)"."""
    result = []
    for thema in data.classificatie.themas.values():
        subjects = tuple(
            Reden("overzicht.onderwerp", {"naam_onderwerp": o.value}) for o in Onderwerp if o in thema.onderwerpen
        )
        if subjects:
            result.append(Reden("overzicht.thema.met", {"thema": thema.label}, subjects))
        else:
            result.append(Reden("overzicht.thema", {"thema": thema.label}))
    return tuple(result)


def minimumbedrag(dienst: Dienst, day: date, data: RulesData) -> Decimal | None:
    """The official minimum amount of a training or an advice on ``day`` (excluding VAT), where the data gives a
    binding one; ``None`` otherwise."""
    minimum = figuren.minimumbedrag(data, dienst, day)
    return minimum.bedrag if minimum is not None and minimum.bindend else None
