"""The request (INTERFACE.md), read into the domain's frozen dataclasses, or a list of Dutch field errors.

Every problem is collected (not only the first), so the form's error summary can list them all. Missing optional
parts take their documented meaning: no linked enterprises, no services, no support used yet, no locked size; a
left-out condition (legal form, region, public participation, main activity) is ``None`` and the rules assume it
met; a left-out date is today. Invalid values are always errors. Nothing is guessed.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import Final, TypedDict

from calculator import figuren
from calculator.domein import (
    Aanname,
    Aanvraag,
    Grootteklasse,
    Kerncijfers,
    Onderneming,
    Partneronderneming,
)
from calculator.foutteksten import veld
from calculator.parameters import RulesData
from calculator.reader import (
    FIGURE_KEYS,
    FTE_EXAMPLE,
    MAX_ROWS,
    MONEY_EXAMPLE,
    PERCENT_EXAMPLE,
    FieldError,
    Reader,
    given,
)
from calculator.request_services import read_services

__all__ = ["MAX_ROWS", "FieldError", "read_request", "veld_van"]

# The request field each kind of assumption stands for (the answer's ``assumptions[].field``).
AANNAME_VELDEN: Final = {
    "rechtsvorm": "enterprise.legal_form",
    "vestiging": "enterprise.region",
    "prive": "enterprise.public_participation_pct",
    "hoofdactiviteit": "enterprise.main_activity_eligible",
    "niet_aanverwant": "enterprise.provider_related",
    "maatwerkbedrijf": "enterprise.maatwerkbedrijf",
    "aanvraagdatum": "application_date",
}


def veld_van(aanname: Aanname) -> str:
    """The request field an assumption stands for: a condition's field, the application date, a start date."""
    if aanname.wat == "startdatum":
        return f"services[{aanname.nummer}].start_date"
    return AANNAME_VELDEN[aanname.wat]


def _kerncijfers(
    reader: Reader, row: Mapping[str, object], field: str, rij: str | None = None, nummer: int | None = None
) -> Kerncijfers | None:
    vte = reader.number(row, "fte", f"{field}.fte", veld("vte", rij, nummer), example=FTE_EXAMPLE, max_decimals=4)
    omzet = reader.number(
        row, "turnover", f"{field}.turnover", veld("omzet", rij, nummer), example=MONEY_EXAMPLE, max_decimals=2
    )
    balans = reader.number(
        row,
        "balance_total",
        f"{field}.balance_total",
        veld("balanstotaal", rij, nummer),
        example=MONEY_EXAMPLE,
        max_decimals=2,
    )
    if vte is None or omzet is None or balans is None:
        return None
    return Kerncijfers(vte, omzet, balans)


SIZES_LOCKABLE: Final = ("klein", "middelgroot")


def _size(
    reader: Reader, raw: Mapping[str, object], *, key: str, label: str, code: str, allowed: tuple[str, ...]
) -> tuple[bool, Grootteklasse | None]:
    """``(given, size)``: a wrong value is given (and an error), so the caller does not also ask for figures."""
    if not given(raw, key):
        return False, None
    value = raw[key]
    if isinstance(value, str) and value in allowed:
        return True, Grootteklasse(value)
    reader.error(f"enterprise.{key}", label, code)
    return True, None


def _eigen_cijfers(reader: Reader, raw: Mapping[str, object], stated: bool) -> Kerncijfers | None:
    """The enterprise's own figures; with a stated size they may be left out (all three together)."""
    if stated and not any(given(raw, key) for key in FIGURE_KEYS):
        return None
    if not stated and all(key not in raw for key in FIGURE_KEYS):
        reader.error("enterprise.fte", veld("grootte"), "fout.cijfers_onvolledig")
        return None
    return _kerncijfers(reader, raw, "enterprise")


def _partners(reader: Reader, raw: Mapping[str, object], data: RulesData, day: date | None) -> list[Partneronderneming]:
    partners: list[Partneronderneming] = []
    partner_rows = reader.rows(raw, "partners", "enterprise.partners", veld("partner"))
    # With an unreadable application date the bounds of the first rule set still show every error at once.
    bounds_day = day if day is not None else data.modelled_from
    grenzen = figuren.partnergrenzen(data, bounds_day)
    for index, row in enumerate(partner_rows):
        field = f"enterprise.partners[{index}]"
        share_label = veld("aandeel", "partner", index + 1)
        aandeel = reader.number(
            row,
            "share_pct",
            f"{field}.share_pct",
            share_label,
            example=PERCENT_EXAMPLE,
            max_decimals=4,
            maximum=Decimal(100),
        )
        if aandeel is not None and not grenzen.omvat(aandeel):
            reader.error(f"{field}.share_pct", share_label, "fout.partner_aandeel", **grenzen.waarden())
            aandeel = None
        cijfers = _kerncijfers(reader, row, field, "partner", index + 1)
        if aandeel is not None and cijfers is not None:
            partners.append(Partneronderneming(aandeel, cijfers))
    return partners


def _optional_bool(reader: Reader, raw: Mapping[str, object], key: str, label_key: str) -> bool | None:
    """A yes/no answer: ``None`` when left out (an assumption), an error (``fout.<label_key>``) when not a boolean."""
    value = raw.get(key)
    if value is None or isinstance(value, bool):
        return value
    reader.error(f"enterprise.{key}", veld(label_key), f"fout.{label_key}")
    return None


class _Voorwaarden(TypedDict):
    rechtsvorm: str | None
    gewest: str | None
    publieke_participatie_pct: Decimal | None
    hoofdactiviteit_aanvaard: bool | None
    aanverwante_dienstverlener: bool | None
    maatwerkbedrijf: bool | None


class _Groep(TypedDict):
    eigen: Kerncijfers | None
    verbonden: tuple[Kerncijfers, ...]
    partners: tuple[Partneronderneming, ...]
    vastgelegde_grootte: Grootteklasse | None
    opgegeven_grootte: Grootteklasse | None


def _voorwaarden(reader: Reader, raw: Mapping[str, object], data: RulesData) -> _Voorwaarden | None:
    """The answers that decide the conditions; a left-out one is ``None`` (the rules assume it met)."""
    classification = data.classificatie
    forms = {key: form.label for key, form in classification.rechtsvormen.items()}
    form_given, rechtsvorm = reader.optional_choice(
        raw, "legal_form", "enterprise.legal_form", veld("rechtsvorm"), forms
    )
    regions = {key: region.label for key, region in classification.gewesten.items()}
    region_given, gewest = reader.optional_choice(raw, "region", "enterprise.region", veld("vestiging"), regions)
    participatie = None
    if given(raw, "public_participation_pct"):
        participatie = reader.number(
            raw,
            "public_participation_pct",
            "enterprise.public_participation_pct",
            veld("participatie"),
            example=PERCENT_EXAMPLE,
            max_decimals=4,
            maximum=Decimal(100),
        )
    answers: _Voorwaarden = {
        "rechtsvorm": rechtsvorm,
        "gewest": gewest,
        "publieke_participatie_pct": participatie,
        "hoofdactiviteit_aanvaard": _optional_bool(reader, raw, "main_activity_eligible", "hoofdactiviteit"),
        "aanverwante_dienstverlener": _optional_bool(reader, raw, "provider_related", "aanverwant"),
        "maatwerkbedrijf": _optional_bool(reader, raw, "maatwerkbedrijf", "maatwerkbedrijf"),
    }
    return None if (form_given and rechtsvorm is None) or (region_given and gewest is None) else answers


def _groep(reader: Reader, raw: Mapping[str, object], data: RulesData, day: date | None) -> _Groep:
    """The size: a stated or locked class, the own figures, and the linked and partner enterprises."""
    size_given, stated = _size(
        reader,
        raw,
        key="size_category",
        label=veld("grootte"),
        code="fout.grootte_opgegeven",
        allowed=tuple(Grootteklasse),
    )
    eigen = _eigen_cijfers(reader, raw, size_given)
    verbonden: list[Kerncijfers] = []
    for index, row in enumerate(reader.rows(raw, "linked", "enterprise.linked", veld("verbonden"))):
        cijfers = _kerncijfers(reader, row, f"enterprise.linked[{index}]", "verbonden", index + 1)
        if cijfers is not None:
            verbonden.append(cijfers)
    partners = _partners(reader, raw, data, day)
    if eigen is None and (verbonden or partners):
        reader.error("enterprise.fte", veld("grootte"), "fout.cijfers_onvolledig")
    _, vastgelegd = _size(
        reader,
        raw,
        key="locked_size",
        label=veld("vastgelegde_grootte"),
        code="fout.grootte_vastgelegd",
        allowed=SIZES_LOCKABLE,
    )
    return {
        "eigen": eigen,
        "verbonden": tuple(verbonden),
        "partners": tuple(partners),
        "vastgelegde_grootte": vastgelegd,
        "opgegeven_grootte": stated,
    }


def _onderneming(reader: Reader, raw: object, data: RulesData, day: date | None) -> Onderneming | None:
    if not isinstance(raw, dict):
        reader.error("enterprise", veld("onderneming"), "fout.onderneming_ontbreekt")
        return None
    voorwaarden = _voorwaarden(reader, raw, data)
    groep = _groep(reader, raw, data, day)
    if reader.errors or voorwaarden is None:
        return None
    return Onderneming(**voorwaarden, **groep)


def read_request(raw: object, data: RulesData, today: date) -> Aanvraag | list[FieldError]:
    """Read a JSON-shaped request; ``today`` (Europe/Brussels) stands in for a left-out application or start date."""
    reader = Reader()
    if not isinstance(raw, dict):
        reader.error("", veld("aanvraag"), "fout.geen_json_object")
        return reader.errors

    given, day = reader.day(raw, "application_date", "application_date", veld("aanvraagdatum"))
    if not given:
        day = today
    if day is not None and day < data.modelled_from:
        reader.error("application_date", veld("aanvraagdatum"), "fout.voor_modellering", vanaf_datum=data.modelled_from)
        day = None

    onderneming = _onderneming(reader, raw.get("enterprise"), data, day)
    gebruikt = reader.number(
        raw,
        "support_used_this_year",
        "support_used_this_year",
        veld("reeds_gebruikt"),
        example=MONEY_EXAMPLE,
        max_decimals=2,
        default=Decimal(0),
    )
    diensten = read_services(reader, raw, data, today)

    if reader.errors or day is None or onderneming is None or gebruikt is None:
        return reader.errors
    return Aanvraag(day, given, onderneming, gebruikt, diensten)
