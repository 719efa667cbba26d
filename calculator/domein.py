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


@dataclass(frozen=True)
class Dienstverlening:
    soort: str
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
