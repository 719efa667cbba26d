"""The figures of the rules data, read by name in this module only.

Every other module asks for a figure in the domain's words (``steunplafond(data, klasse, day)``,
``aanvraagtermijn(data, day)``, ``partnergrenzen(data, day)``) and gets a typed value: a dated value with its source,
or a threshold (:class:`Grens`) that applies the comparison the data declares. The names these functions read are
the figures the loader requires (:data:`VEREIST`): data without one of them is refused at load time, and a function
that reads a name not in that list fails at once.

This module depends on the data model (``dated.py``) and the categories only, not on the loader, so the loader can
import :data:`VEREIST` without a circle.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Final, Protocol

from calculator.classificatie import Dienst, Onderwerp
from calculator.dated import Comparator, DatedValue, Parameter
from calculator.domein import Grootteklasse, Waarde

GROOTTES: Final = (Grootteklasse.KLEIN, Grootteklasse.MIDDELGROOT)  # the sizes that get support (and have figures)
KENMERKEN: Final = ("vte", "omzet", "balanstotaal")  # the criteria of the European SME definition, in this order

# The subjects with a higher rate of their own, and the services it covers: the figure is ``<name>.<size>``. The
# rate applies from the first day its figure has a value; before, the ordinary rate does.
_VERHOOGD: Final[Mapping[Onderwerp, tuple[str, frozenset[Dienst]]]] = {
    Onderwerp.CYBERSECURITY: ("steunpercentage.cybersecurity", frozenset({Dienst.ADVIES, Dienst.OPLEIDING})),
    Onderwerp.ENERGIE_EFFICIENTIE: ("steunpercentage.energie_efficientie_opleiding", frozenset({Dienst.OPLEIDING})),
}
VERHOOGDE_ONDERWERPEN: Final = tuple(_VERHOOGD)  # in the order the pages show them


class Figuurbron(Protocol):
    """What the functions read: the figures by name (``RulesData`` is one)."""

    @property
    def parameters(self) -> Mapping[str, Parameter]: ...


@dataclass(frozen=True)
class Grens:
    """A threshold in force: its dated value and the comparison the data declares (``value <vergelijking> grens``
    means "within")."""

    waarde: DatedValue
    vergelijking: Comparator

    @property
    def bedrag(self) -> Decimal:
        assert isinstance(self.waarde.value, Decimal)
        return self.waarde.value

    def omvat(self, value: Decimal) -> bool:
        return self.vergelijking.holds(value, self.bedrag)


@dataclass(frozen=True)
class Minimum(Grens):
    """A minimum amount; not ``bindend``: quoted only by third parties (a warning, never a refusal)."""

    bindend: bool = True


@dataclass(frozen=True)
class Partnergrenzen:
    """The share that makes a partner enterprise: from ``vanaf`` up to ``tot`` (above: a linked enterprise)."""

    vanaf: Grens
    tot: Grens

    def omvat(self, aandeel: Decimal) -> bool:
        return self.vanaf.omvat(aandeel) and self.tot.omvat(aandeel)

    def waarden(self) -> dict[str, Waarde]:
        """The bounds for a sentence: both shares, and how a share compares with each (``{regel_vanaf}``,
        ``{regel_tot}`` in a text), as the data declares them."""
        return {
            "vanaf_pct": self.vanaf.bedrag,
            "tot_pct": self.tot.bedrag,
            "vanaf_comparator": self.vanaf.vergelijking.value,
            "tot_comparator": self.tot.vergelijking.value,
        }


# --- the names ---------------------------------------------------------------------------------------------------


def _steunpercentage(klasse: Grootteklasse) -> str:
    return f"steunpercentage.{klasse.value}"


def _verhoogd(onderwerp: Onderwerp, klasse: Grootteklasse) -> str:
    return f"{_VERHOOGD[onderwerp][0]}.{klasse.value}"


def _steunplafond(klasse: Grootteklasse) -> str:
    return f"steunplafond.{klasse.value}"


def _kmo_grens(klasse: Grootteklasse, kenmerk: str) -> str:
    return f"kmo_definitie.{klasse.value}.{kenmerk}"


def _subsidieerbaar(dienst: Dienst, onderwerp: Onderwerp) -> str | None:
    if dienst is Dienst.OPLEIDING:
        return "diensten.opleiding.subsidieerbaar"
    if dienst is Dienst.ADVIES:
        if onderwerp is Onderwerp.CYBERSECURITY:
            return "diensten.advies_cybersecurity.subsidieerbaar"
        return "diensten.advies_ander_onderwerp.subsidieerbaar"
    return None


def _minimumbedrag(dienst: Dienst) -> str:
    return f"diensten.{dienst.value}.minimumbedrag"


PARTNER_VANAF: Final = "kmo_definitie.partner.aandeel_vanaf"
PARTNER_TOT: Final = "kmo_definitie.partner.aandeel_tot"
PUBLIEKE_PARTICIPATIE: Final = "voorwaarden.publieke_participatie"
AANVERWANT_UITGESLOTEN: Final = "voorwaarden.aanverwante_dienstverlener_uitgesloten"
MAATWERKBEDRIJF_TOEGELATEN: Final = "voorwaarden.maatwerkbedrijf_toegelaten"
THEMAS_BEPERKT: Final = "diensten.themas_beperkt"
AANVRAAGTERMIJN: Final = "procedure.aanvraagtermijn"
REALISATIETERMIJN_OPLEIDING: Final = "procedure.realisatietermijn"
STORTINGSTERMIJN: Final = "procedure.stortingstermijn"
CATERING_OPLEIDING: Final = "diensten.opleiding.catering_per_dag"

# Every figure the functions below read: the loader refuses data without one of them.
VEREIST: Final = frozenset(
    {
        *(_steunpercentage(klasse) for klasse in GROOTTES),
        *(_verhoogd(onderwerp, klasse) for onderwerp in _VERHOOGD for klasse in GROOTTES),
        *(_steunplafond(klasse) for klasse in GROOTTES),
        *(_kmo_grens(klasse, kenmerk) for klasse in GROOTTES for kenmerk in KENMERKEN),
        *(name for dienst in Dienst for onderwerp in Onderwerp if (name := _subsidieerbaar(dienst, onderwerp))),
        *(_minimumbedrag(dienst) for dienst in (Dienst.ADVIES, Dienst.OPLEIDING)),
        PARTNER_VANAF,
        PARTNER_TOT,
        PUBLIEKE_PARTICIPATIE,
        AANVERWANT_UITGESLOTEN,
        MAATWERKBEDRIJF_TOEGELATEN,
        THEMAS_BEPERKT,
        AANVRAAGTERMIJN,
        REALISATIETERMIJN_OPLEIDING,
        STORTINGSTERMIJN,
        CATERING_OPLEIDING,
    }
)


def _figuur(data: Figuurbron, name: str) -> Parameter:
    if name not in VEREIST:
        raise KeyError(f"{name} is read without being listed in figuren.VEREIST")
    return data.parameters[name]


def _grens(data: Figuurbron, name: str, day: date) -> Grens:
    parameter = _figuur(data, name)
    assert parameter.vergelijking is not None, f"{name} declares no comparison"
    return Grens(parameter.at(day), parameter.vergelijking)


def _flag(value: DatedValue) -> bool:
    assert isinstance(value.value, bool)
    return value.value


def _whole(value: DatedValue) -> int:
    assert isinstance(value.value, Decimal)
    return int(value.value)


# --- rates and caps ------------------------------------------------------------------------------------------------


def steunpercentage(data: Figuurbron, klasse: Grootteklasse, day: date) -> DatedValue:
    """The ordinary rate of the period for a small or medium enterprise."""
    return _figuur(data, _steunpercentage(klasse)).at(day)


def verhoogd_steunpercentage(
    data: Figuurbron, dienst: Dienst, onderwerp: Onderwerp, klasse: Grootteklasse, day: date
) -> DatedValue | None:
    """The subject's higher rate for this service on ``day``; ``None`` where the subject has none for the service,
    or none yet on that day."""
    special = _VERHOOGD.get(onderwerp)
    if special is None or dienst not in special[1]:
        return None
    parameter = _figuur(data, _verhoogd(onderwerp, klasse))
    return parameter.at(day) if parameter.applies_on(day) else None


def verhoogd_voor(onderwerp: Onderwerp) -> frozenset[Dienst]:
    """The services a subject's higher rate covers (none for a subject without one)."""
    special = _VERHOOGD.get(onderwerp)
    return special[1] if special else frozenset()


def steunplafond(data: Figuurbron, klasse: Grootteklasse, day: date) -> DatedValue:
    """The yearly cap of a small or medium enterprise."""
    return _figuur(data, _steunplafond(klasse)).at(day)


# --- size and conditions -------------------------------------------------------------------------------------------


def kmo_grens(data: Figuurbron, klasse: Grootteklasse, kenmerk: str, day: date) -> Grens:
    """A threshold of the European SME definition: ``kenmerk`` is one of :data:`KENMERKEN`."""
    return _grens(data, _kmo_grens(klasse, kenmerk), day)


def partnergrenzen(data: Figuurbron, day: date) -> Partnergrenzen:
    return Partnergrenzen(_grens(data, PARTNER_VANAF, day), _grens(data, PARTNER_TOT, day))


def publieke_participatie(data: Figuurbron, day: date) -> Grens:
    """The share administrative authorities may hold (private sector)."""
    return _grens(data, PUBLIEKE_PARTICIPATIE, day)


def aanverwante_dienstverlener_uitgesloten(data: Figuurbron, day: date) -> bool:
    return _flag(_figuur(data, AANVERWANT_UITGESLOTEN).at(day))


def maatwerkbedrijf_toegelaten(data: Figuurbron, day: date) -> DatedValue:
    """Whether a recognised maatwerkbedrijf may use the kmo-portefeuille whatever its legal form and size (from 1
    January 2026), with the dated value that says so."""
    return _figuur(data, MAATWERKBEDRIJF_TOEGELATEN).at(day)


# --- services ------------------------------------------------------------------------------------------------------


def subsidieerbaar(data: Figuurbron, dienst: Dienst, onderwerp: Onderwerp, day: date) -> DatedValue | None:
    """The dated yes/no that says whether a service on a subject qualifies; ``None`` for neither training nor
    advice (never qualifies)."""
    name = _subsidieerbaar(dienst, onderwerp)
    return None if name is None else _figuur(data, name).at(day)


def is_subsidieerbaar(value: DatedValue | None) -> bool:
    return value is not None and _flag(value)


def themas_beperkt(data: Figuurbron, day: date) -> bool:
    """Whether training and advice qualify only within the future-oriented themes (since 1 January 2023)."""
    return _flag(_figuur(data, THEMAS_BEPERKT).at(day))


def minimumbedrag(data: Figuurbron, dienst: Dienst, day: date) -> Minimum | None:
    """The minimum amount of a training or an advice on ``day``, if the data gives one."""
    if dienst is Dienst.GEEN:
        return None
    parameter = _figuur(data, _minimumbedrag(dienst))
    if not parameter.applies_on(day):
        return None
    assert parameter.vergelijking is not None
    return Minimum(parameter.at(day), parameter.vergelijking, parameter.bindend)


def catering_opleiding(data: Figuurbron, day: date) -> DatedValue:
    """The most catering per person per day that counts in a training's price (invoiced with the training). The pages
    state it; the calculator does not split a price into its parts."""
    return _figuur(data, CATERING_OPLEIDING).at(day)


# --- procedure -----------------------------------------------------------------------------------------------------


def aanvraagtermijn(data: Figuurbron, day: date) -> Grens:
    """The number of calendar days after the start of the services within which the application is made."""
    return _grens(data, AANVRAAGTERMIJN, day)


def realisatietermijn_opleiding(data: Figuurbron, day: date) -> int:
    """A training must be finished by 31 December of this many calendar years after the year of the application."""
    return _whole(_figuur(data, REALISATIETERMIJN_OPLEIDING).at(day))


def stortingstermijn(data: Figuurbron, day: date) -> int:
    """Calendar days to deposit the own share after the provider's confirmation."""
    return _whole(_figuur(data, STORTINGSTERMIJN).at(day))


# --- for the history and the open data ------------------------------------------------------------------------------


def geschiedenis(data: Figuurbron) -> tuple[Parameter, ...]:
    """The figures whose changes make a row of the history, in the order their sources are cited: the ordinary
    rates, the higher rates, the caps, the scope of the themes and of advice."""
    names = (
        *(_steunpercentage(klasse) for klasse in GROOTTES),
        *(_verhoogd(onderwerp, klasse) for onderwerp in _VERHOOGD for klasse in GROOTTES),
        *(_steunplafond(klasse) for klasse in GROOTTES),
        THEMAS_BEPERKT,
        _subsidieerbaar(Dienst.ADVIES, Onderwerp.ANDER) or "",
    )
    return tuple(_figuur(data, name) for name in names)
