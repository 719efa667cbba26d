"""The domain: what a request says about the enterprise and its services, and the reasons the rules give.

The request reader (``request.py``) builds these; the rules (``grootte``, ``voorwaarden``, ``steun``) read them and
never import the reader. A reason (:class:`Reden`) is a stable code with the values it used; ``teksten.py`` turns
it into Dutch.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from calculator.classificatie import Dienstsoort
from calculator.dated import Source


class Grootteklasse(enum.StrEnum):
    KLEIN = "klein"
    MIDDELGROOT = "middelgroot"
    GROOT = "groot"

    @property
    def rank(self) -> int:
        return list(Grootteklasse).index(self)


@dataclass(frozen=True)
class Kerncijfers:
    """Headcount in FTE (VTE), turnover excluding VAT, balance total."""

    vte: Decimal
    omzet: Decimal
    balanstotaal: Decimal


@dataclass(frozen=True)
class Partneronderneming:
    aandeel_pct: Decimal
    cijfers: Kerncijfers


@dataclass(frozen=True)
class Onderneming:
    """The enterprise. A condition left out of the request is ``None``: the rules then assume it is met.

    ``aanverwante_dienstverlener``: the enterprise and the provider are related (aanverwante ondernemingen).
    ``eigen`` is ``None`` when the visitor stated the size (``opgegeven_grootte``) instead of giving figures.
    """

    rechtsvorm: str | None
    gewest: str | None
    publieke_participatie_pct: Decimal | None
    hoofdactiviteit_aanvaard: bool | None
    eigen: Kerncijfers | None
    verbonden: tuple[Kerncijfers, ...]
    partners: tuple[Partneronderneming, ...]
    vastgelegde_grootte: Grootteklasse | None
    opgegeven_grootte: Grootteklasse | None = None
    aanverwante_dienstverlener: bool | None = None
    maatwerkbedrijf: bool | None = None  # a recognised maatwerkbedrijf; left out: not one (asked where it matters)


@dataclass(frozen=True)
class Dienstverlening:
    """One service of the request: its kind (a named one, or one described by service, subject and theme, with
    the provider's own name as its label when the request gives one), amount and start date."""

    soort: Dienstsoort
    bedrag: Decimal
    startdatum: date
    startdatum_gegeven: bool = True


@dataclass(frozen=True)
class Aanvraag:
    aanvraagdatum: date
    aanvraagdatum_gegeven: bool
    onderneming: Onderneming
    reeds_gebruikte_steun: Decimal
    diensten: tuple[Dienstverlening, ...]


Waarde = str | int | bool | Decimal | date | None


@dataclass(frozen=True)
class Reden:
    """A reason as data: a stable code (a key of ``teksten.TEKSTEN``) and the values its text needs.

    ``delen`` are reasons that follow this one in the same explanation (rendered after it, in order).
    """

    code: str
    waarden: Mapping[str, Waarde] = field(default_factory=dict)
    delen: tuple[Reden, ...] = ()

    def met(self, *delen: Reden | None) -> Reden:
        """This reason followed by ``delen`` (``None`` entries are skipped)."""
        return Reden(self.code, self.waarden, self.delen + tuple(d for d in delen if d is not None))


# --- what the rules decide (each step's result; antwoord.py writes them as the JSON answer) ----------------------


class Bepaling(enum.StrEnum):
    """How the size was found; the value is part of the reason codes (``grootte.<bepaling>``)."""

    DEFINITIE = "definitie"  # computed from the figures by the European SME definition
    VASTGELEGD = "vastgelegd"  # fixed by the first application of this calendar year
    OPGEGEVEN = "opgegeven"  # stated by the visitor


@dataclass(frozen=True)
class Grootte:
    """The size step: the class that decides the conditions, the class whose rate and cap apply, and why.

    ``groep`` and ``eigen`` are the classes computed from the figures with and without the linked and partner
    enterprises (``None`` without figures); ``totaal`` the group's figures.
    """

    klasse: Grootteklasse
    toegepast: Grootteklasse
    bepaling: Bepaling
    totaal: Kerncijfers | None
    groep: Grootteklasse | None
    eigen: Grootteklasse | None
    reden: Reden
    groep_reden: Reden
    waarschuwingen: tuple[Reden, ...] = ()


@dataclass(frozen=True)
class Voorwaarde:
    """One condition (``id``: kmo, rechtsvorm, vestiging, prive, hoofdactiviteit, niet_aanverwant): met or not,
    whether it was assumed because the visitor left it out, and why."""

    id: str
    voldaan: bool
    reden: Reden
    aangenomen: bool = False


@dataclass(frozen=True)
class Plafond:
    """The yearly cap step: the cap, what is left of it before this request, why, and the cap's source."""

    bedrag: Decimal
    over_voor: Decimal
    reden: Reden
    bron: Source | None = None
    citaat: str | None = None
    waarschuwingen: tuple[Reden, ...] = ()


@dataclass(frozen=True)
class Dienstresultaat:
    """One service: whether it gets support, at which rate, how much (``berekend`` before the cap), its dates."""

    dienst: Dienstverlening
    soort: Dienstsoort
    subsidieerbaar: bool
    tarief_pct: Decimal
    berekend: Decimal
    steun: Decimal
    aanvragen_uiterlijk: date
    afronden_uiterlijk: date | None  # training only: the official text gives no end date for advice
    reden: Reden
    bron: Source | None = None
    citaat: str | None = None

    @property
    def eigen_aandeel(self) -> Decimal:
        return self.dienst.bedrag - self.steun


@dataclass(frozen=True)
class Aanname:
    """What the answer assumed because the visitor left it out: a condition (by its id), the application date
    (``aanvraagdatum``) or the start date of service ``nummer`` (``startdatum``, counted from 0)."""

    wat: str
    reden: Reden
    nummer: int | None = None


@dataclass(frozen=True)
class Uitkomst:
    """Everything the steps decided for one request, before antwoord.py writes it as JSON."""

    aanvraag: Aanvraag
    grootte: Grootte
    voorwaarden: tuple[Voorwaarde, ...]
    plafond: Plafond
    diensten: tuple[Dienstresultaat, ...]
    over_na: Decimal
    waarschuwingen: tuple[Reden, ...]
    aannames: tuple[Aanname, ...]
    gevolgen: tuple[Reden, ...]
