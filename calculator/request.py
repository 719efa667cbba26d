"""The request of CONTRACT.md, read into frozen dataclasses, or a list of Dutch field errors.

Every problem is collected (not only the first), so the form's error summary can list them all. Missing optional
parts take their documented meaning (no linked enterprises, no services, no support used yet, no locked size);
missing required fields are errors. Nothing is guessed.
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Final, TypeVar

from calculator.formatting import long_date, number
from calculator.parameters import RulesData
from calculator.parsing import InputError, parse_iso_date, parse_number

MAX_ROWS: Final = 64


class Grootteklasse(enum.StrEnum):
    KLEIN = "klein"
    MIDDELGROOT = "middelgroot"
    GROOT = "groot"

    @property
    def adjective(self) -> str:
        """As in "een kleine onderneming"."""
        return {"klein": "kleine", "middelgroot": "middelgrote", "groot": "grote"}[self.value]

    @property
    def rank(self) -> int:
        return {"klein": 0, "middelgroot": 1, "groot": 2}[self.value]


@dataclass(frozen=True)
class FieldError:
    field: str
    message: str

    def as_json(self) -> dict[str, str]:
        return {"field": self.field, "message": self.message}


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
    rechtsvorm: str
    gewest: str
    publieke_participatie_pct: Decimal
    hoofdactiviteit_aanvaard: bool
    eigen: Kerncijfers
    verbonden: tuple[Kerncijfers, ...]
    partners: tuple[Partneronderneming, ...]
    vastgelegde_grootte: Grootteklasse | None


@dataclass(frozen=True)
class Dienstverlening:
    soort: str
    bedrag: Decimal
    startdatum: date


@dataclass(frozen=True)
class Aanvraag:
    aanvraagdatum: date
    aanvraagdatum_gegeven: bool
    onderneming: Onderneming
    reeds_gebruikte_steun: Decimal
    diensten: tuple[Dienstverlening, ...]


T = TypeVar("T")

MONEY_EXAMPLE: Final = "8.000,50"
FTE_EXAMPLE: Final = "12,5"
PERCENT_EXAMPLE: Final = "10"


class _Reader:
    """Collects errors while reading; each read returns None when the field is wrong."""

    def __init__(self) -> None:
        self.errors: list[FieldError] = []

    def error(self, field: str, label: str, message: str) -> None:
        self.errors.append(FieldError(field, f"{label}: {message}"))

    def read(self, field: str, label: str, parse: Callable[[], T]) -> T | None:
        try:
            return parse()
        except InputError as problem:
            self.error(field, label, problem.message)
            return None

    def number(
        self,
        table: Mapping[str, object],
        key: str,
        field: str,
        label: str,
        *,
        example: str,
        max_decimals: int,
        maximum: Decimal | None = None,
        minimum: Decimal | None = None,
        default: Decimal | None = None,
    ) -> Decimal | None:
        if key not in table or table[key] is None:
            if default is not None:
                return default
            self.error(field, label, f"dit veld ontbreekt. Vul een getal in, bijvoorbeeld {example}.")
            return None
        value = self.read(field, label, lambda: parse_number(table[key], example=example, max_decimals=max_decimals))
        if value is None:
            return None
        if minimum is not None and value < minimum:
            self.error(field, label, f"vul een getal van minstens {_plain(minimum)} in.")
            return None
        if maximum is not None and value > maximum:
            self.error(field, label, f"vul een getal van hoogstens {_plain(maximum)} in.")
            return None
        return value

    def choice(
        self, table: Mapping[str, object], key: str, field: str, label: str, options: Mapping[str, str]
    ) -> str | None:
        raw = table.get(key)
        if isinstance(raw, str) and raw in options:
            return raw
        if raw is None or raw == "":
            self.error(field, label, "maak een keuze uit de lijst.")
        else:
            self.error(
                field, label, f"„{_shorten(raw)}” staat niet in de lijst. Kies een van: {', '.join(options.values())}."
            )
        return None

    def rows(self, table: Mapping[str, object], key: str, field: str, label: str) -> list[Mapping[str, object]]:
        raw = table.get(key)
        if raw is None:
            return []
        if not isinstance(raw, list):
            self.error(field, label, "verwacht een lijst.")
            return []
        if len(raw) > MAX_ROWS:
            self.error(field, label, f"geef hoogstens {MAX_ROWS} rijen op.")
            return []
        rows: list[Mapping[str, object]] = []
        for index, row in enumerate(raw):
            if isinstance(row, dict):
                rows.append(row)
            else:
                self.error(f"{field}[{index}]", f"{label} {index + 1}", "verwacht een object met velden.")
        return rows if len(rows) == len(raw) else []


def _plain(value: Decimal) -> str:
    return number(value)


def _shorten(raw: object) -> str:
    text = str(raw)
    return text if len(text) <= 48 else text[:47] + "…"


def _kerncijfers(reader: _Reader, row: Mapping[str, object], field: str, label: str) -> Kerncijfers | None:
    vte = reader.number(
        row, "fte", f"{field}.fte", f"{label}aantal werknemers (VTE)", example=FTE_EXAMPLE, max_decimals=4
    )
    omzet = reader.number(
        row, "turnover", f"{field}.turnover", f"{label}jaaromzet zonder btw (€)", example=MONEY_EXAMPLE, max_decimals=2
    )
    balans = reader.number(
        row,
        "balance_total",
        f"{field}.balance_total",
        f"{label}balanstotaal (€)",
        example=MONEY_EXAMPLE,
        max_decimals=2,
    )
    if vte is None or omzet is None or balans is None:
        return None
    return Kerncijfers(vte, omzet, balans)


SIZES_LOCKABLE: Final = {"klein": "klein", "middelgroot": "middelgroot"}


def _onderneming(reader: _Reader, raw: object, data: RulesData, day: date | None) -> Onderneming | None:
    if not isinstance(raw, dict):
        reader.error("enterprise", "Onderneming", "de gegevens van uw onderneming ontbreken.")
        return None
    classification = data.classification
    rechtsvorm = reader.choice(
        raw,
        "legal_form",
        "enterprise.legal_form",
        "Rechtsvorm",
        {key: form.label for key, form in classification.legal_forms.items()},
    )
    gewest = reader.choice(
        raw,
        "region",
        "enterprise.region",
        "Vestiging",
        {key: region.label for key, region in classification.regions.items()},
    )
    participatie = reader.number(
        raw,
        "public_participation_pct",
        "enterprise.public_participation_pct",
        "Participatie van een administratieve overheid (%)",
        example=PERCENT_EXAMPLE,
        max_decimals=4,
        maximum=Decimal(100),
    )
    hoofdactiviteit = raw.get("main_activity_eligible")
    if not isinstance(hoofdactiviteit, bool):
        reader.error(
            "enterprise.main_activity_eligible",
            "Hoofdactiviteit",
            "geef aan of de NACE-BEL-code van uw hoofdactiviteit op de lijst van aanvaardbare hoofdactiviteiten staat (ja of nee).",
        )
    eigen = _kerncijfers(reader, raw, "enterprise", "")

    verbonden: list[Kerncijfers] = []
    for index, row in enumerate(reader.rows(raw, "linked", "enterprise.linked", "Verbonden onderneming")):
        cijfers = _kerncijfers(reader, row, f"enterprise.linked[{index}]", f"Verbonden onderneming {index + 1}, ")
        if cijfers is not None:
            verbonden.append(cijfers)

    partners: list[Partneronderneming] = []
    partner_rows = reader.rows(raw, "partners", "enterprise.partners", "Partneronderneming")
    # With an unreadable application date the bounds of the first rule set still show every error at once.
    bounds_day = day if day is not None else data.modelled_from
    vanaf = data["kmo_definitie.partner.aandeel_vanaf"].amount(bounds_day)
    tot = data["kmo_definitie.partner.aandeel_tot"].amount(bounds_day)
    for index, row in enumerate(partner_rows):
        field = f"enterprise.partners[{index}]"
        label = f"Partneronderneming {index + 1}, "
        aandeel = reader.number(
            row,
            "share_pct",
            f"{field}.share_pct",
            f"{label}aandeel in kapitaal of stemrechten (%)",
            example=PERCENT_EXAMPLE,
            max_decimals=4,
            maximum=Decimal(100),
        )
        if aandeel is not None and not (vanaf <= aandeel <= tot):
            reader.error(
                f"{field}.share_pct",
                f"{label}aandeel in kapitaal of stemrechten (%)",
                f"een partneronderneming heeft een aandeel van {_plain(vanaf)} tot en met {_plain(tot)} %. "
                f"Met meer dan {_plain(tot)} % is het een verbonden onderneming (voeg ze daar toe); "
                f"met minder dan {_plain(vanaf)} % telt ze niet mee (laat ze weg).",
            )
            aandeel = None
        cijfers = _kerncijfers(reader, row, field, label)
        if aandeel is not None and cijfers is not None:
            partners.append(Partneronderneming(aandeel, cijfers))

    locked_raw = raw.get("locked_size")
    vastgelegd: Grootteklasse | None = None
    if locked_raw is not None and locked_raw != "":
        if isinstance(locked_raw, str) and locked_raw in SIZES_LOCKABLE:
            vastgelegd = Grootteklasse(locked_raw)
        else:
            reader.error(
                "enterprise.locked_size",
                "Grootte die dit jaar al vastligt",
                "kies klein, middelgroot of laat leeg als de grootte dit kalenderjaar nog niet vastligt.",
            )

    if (
        rechtsvorm is None
        or gewest is None
        or participatie is None
        or not isinstance(hoofdactiviteit, bool)
        or eigen is None
        or reader.errors
    ):
        return None
    return Onderneming(
        rechtsvorm, gewest, participatie, hoofdactiviteit, eigen, tuple(verbonden), tuple(partners), vastgelegd
    )


def _diensten(reader: _Reader, raw: Mapping[str, object], data: RulesData) -> tuple[Dienstverlening, ...]:
    kinds = {key: kind.label for key, kind in data.classification.service_kinds.items()}
    result: list[Dienstverlening] = []
    for index, row in enumerate(reader.rows(raw, "services", "services", "Dienst")):
        field = f"services[{index}]"
        label = f"Dienst {index + 1}, "
        soort = reader.choice(row, "kind", f"{field}.kind", f"{label}soort dienst", kinds)
        bedrag = reader.number(
            row, "amount", f"{field}.amount", f"{label}bedrag zonder btw (€)", example=MONEY_EXAMPLE, max_decimals=2
        )
        start: date | None = None
        if row.get("start_date") in (None, ""):
            reader.error(
                f"{field}.start_date",
                f"{label}startdatum",
                "vul de dag in waarop de dienstverlening start (JJJJ-MM-DD).",
            )
        else:
            start = reader.read(
                f"{field}.start_date", f"{label}startdatum", functools.partial(parse_iso_date, row["start_date"])
            )
        if soort is not None and bedrag is not None and start is not None:
            result.append(Dienstverlening(soort, bedrag, start))
    return tuple(result)


def read_request(raw: object, data: RulesData, today: date) -> Aanvraag | list[FieldError]:
    """Read a JSON-shaped request; ``today`` (Europe/Brussels) is used only when no application date is given."""
    reader = _Reader()
    if not isinstance(raw, dict):
        reader.error("", "Aanvraag", "het verzoek moet een JSON-object zijn.")
        return reader.errors

    day: date | None
    given = raw.get("application_date") not in (None, "")
    if given:
        day = reader.read(
            "application_date", "Aanvraagdatum", functools.partial(parse_iso_date, raw["application_date"])
        )
    else:
        day = today
    if day is not None and day < data.modelled_from:
        reader.error(
            "application_date",
            "Aanvraagdatum",
            f"de rekenmodule kent de regels vanaf {long_date(data.modelled_from)}. "
            "Kies een aanvraagdatum vanaf die dag; voor oudere aanvragen geldt een andere regeling.",
        )
        day = None

    onderneming = _onderneming(reader, raw.get("enterprise"), data, day)
    gebruikt = reader.number(
        raw,
        "support_used_this_year",
        "support_used_this_year",
        "Steun die u dit kalenderjaar al kreeg (€)",
        example=MONEY_EXAMPLE,
        max_decimals=2,
        default=Decimal(0),
    )
    diensten = _diensten(reader, raw, data)

    if reader.errors or day is None or onderneming is None or gebruikt is None:
        return reader.errors
    return Aanvraag(day, given, onderneming, gebruikt, diensten)
