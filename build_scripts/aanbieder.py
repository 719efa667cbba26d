"""The provider (aanbieder) this site is for: one TOML file, read strictly.

Everything that belongs to one registered provider lives in ``aanbieder.toml`` at the top of the repository (or in
the file ``KMO_AANBIEDER`` names, relative to the repository or absolute): the name, the registration numbers and
what each covers, the website, the contact details, the brand, the tagline and the offer. ``mkdocs.yml`` keeps only
the site's mechanics. :meth:`build_scripts.site_build.Build.from_environment` loads the file into ``Build.provider``;
``build_scripts/aanbiedergegevens.py`` sets the site's name, description and address from it and shows its contact
details and registration numbers, ``build_scripts/aanbod.py`` shows its offer as cards, and
``build_scripts/huisstijl.py`` turns its brand into the colours' stylesheet and the logo.

The loader refuses unknown keys, missing required keys and bad values (an address that is not https, a registration
number that does not match what it covers, a kind of service the classification does not know, a colour without
enough contrast) with a message that names the file, the key and how to fix it: the build fails instead of
showing a guess.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from build_scripts import eigen_inhoud
from build_scripts.file_reader import AanbiederError, Reader
from build_scripts.huisstijl import MIN_CONTRAST, WHITE, Huisstijl, contrast, passing_colour
from calculator.classificatie import Classificatie, Dienst, Dienstsoort, Onderwerp
from calculator.request_services import DIENSTEN, beschreven_soort, request_fields

__all__ = ["Aanbieder", "AanbiederError", "Contact", "Dienstaanbod", "chosen_file", "load", "parse"]

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_FILE = ROOT / "aanbieder.toml"
ENVIRONMENT = "KMO_AANBIEDER"

REGISTRATION_PATTERN = {"advies": re.compile(r"^DV\.A\d{6}$"), "opleiding": re.compile(r"^DV\.O\d{6}$")}
EMAIL = re.compile(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$")
PHONE = re.compile(r"^\+?[0-9][0-9 ./()-]{7,}[0-9]$")
COMPANY_NUMBER = re.compile(r"^(BE ?)?0?[01]\d{3}\.\d{3}\.\d{3}$")
HTTPS = re.compile(r"^https://[^\s\"'<>]+$")
COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
ICON = re.compile(r"^(material|fontawesome/[a-z]+|octicons|simple)/[a-z0-9-]+$")
HTTPS_HINT = "an address starting with https://"


@dataclass(frozen=True)
class Contact:
    email: str | None = None
    telefoon: str | None = None
    adres: str | None = None
    contact_url: str | None = None
    ondernemingsnummer: str | None = None


@dataclass(frozen=True)
class Dienstaanbod:
    """One service of the offer: its own name, what the customer gets, and its kind: one of the classification's
    named kinds (``soort``) or one described by ``dienst``, ``onderwerp`` and (training) ``thema``."""

    naam: str
    wat_u_krijgt: str
    soort: Dienstsoort
    duur: str | None = None
    prijs_vanaf: Decimal | None = None

    @property
    def beschreven(self) -> bool:
        """Described by dienst, onderwerp and thema (the calculator names it by the provider's own name)."""
        return self.soort.sleutel in DIENSTEN

    def request_entry(self) -> dict[str, str]:
        """The service as the calculator's request names it; a described one carries the provider's name."""
        entry = request_fields(self.soort)
        return {**entry, "label": self.naam} if self.beschreven else entry


@dataclass(frozen=True)
class Aanbieder:
    bestand: Path
    naam: str
    website: str
    slogan: str
    omschrijving: str
    registratienummers: Mapping[str, str]  # "advies" / "opleiding" -> number
    contact: Contact
    huisstijl: Huisstijl
    aanbod: tuple[Dienstaanbod, ...]
    juridische_naam: str | None = None
    site_adres: str | None = None
    inhoud: Path | None = None  # the folder of the provider's own content (build_scripts/eigen_inhoud.py)

    def fields(self) -> dict[str, str]:
        """The flat fields pages and templates name (``kmo:aanbieder KEY``, ``config.extra.aanbiedervelden``):
        only those that are set."""
        values: dict[str, str | None] = {
            "naam": self.naam,
            "juridische_naam": self.juridische_naam,
            "website": self.website,
            "slogan": self.slogan,
            "registratienummer_advies": self.registratienummers.get("advies"),
            "registratienummer_opleiding": self.registratienummers.get("opleiding"),
            "email": self.contact.email,
            "telefoon": self.contact.telefoon,
            "adres": self.contact.adres,
            "contact_url": self.contact.contact_url,
            "ondernemingsnummer": self.contact.ondernemingsnummer,
        }
        return {key: value for key, value in values.items() if value}


# --- reading the file ------------------------------------------------------------------------------------------------

TOP_KEYS = {
    "naam": True,
    "juridische_naam": False,
    "website": True,
    "site_adres": False,
    "slogan": True,
    "omschrijving": True,
    "registratienummers": True,
    "contact": False,
    "huisstijl": True,
    "aanbod": True,
    "inhoud": False,
    "insluiten": False,  # read by build_scripts/insluiten.py
}
CONTACT_KEYS = {"email": False, "telefoon": False, "adres": False, "contact_url": False, "ondernemingsnummer": False}
BRAND_KEYS = {"primair": True, "accent": True, "link": True, "logo": False}
SERVICE_KEYS = {
    "naam": True,
    "wat_u_krijgt": True,
    "soort": False,
    "dienst": False,
    "onderwerp": False,
    "thema": False,
    "duur": False,
    "prijs_vanaf": False,
}


_Reader = Reader  # the name build_scripts/insluiten.py imports


def _colour(reader: Reader, table: Mapping[str, Any], key: str, on_white: str) -> str:
    colour = reader.text(table[key], f"huisstijl.{key}", pattern=COLOUR, hint="a colour as #rrggbb").lower()
    ratio = contrast(colour, WHITE)
    if ratio < MIN_CONTRAST:
        raise reader.fail(
            f"huisstijl.{key}",
            f"{colour}: the contrast of {on_white} is {ratio:.2f}:1, less than {MIN_CONTRAST}:1 (WCAG AA); "
            f"choose a darker colour, such as {passing_colour(colour)} (the same hue, darkened until it passes)",
        )
    return colour


def _brand(reader: Reader, raw: object) -> Huisstijl:
    table = reader.table(raw, "huisstijl", BRAND_KEYS)
    primary = reader.attempt(_colour, reader, table, "primair", "white text on this colour (the header)")
    accent = reader.attempt(_colour, reader, table, "accent", "this colour on white (a link under the mouse)")
    link = reader.attempt(_colour, reader, table, "link", "this colour on white (links)")
    if primary is None or accent is None or link is None:
        raise KeyError("huisstijl")  # its problems are noted
    if "logo" not in table:
        return Huisstijl(primary, accent, link)
    logo = reader.text(table["logo"], "huisstijl.logo")
    if ICON.match(logo):
        return Huisstijl(primary, accent, link, logo_icoon=logo)
    logo_file = (reader.path.parent / logo).resolve()
    if logo_file.suffix.lower() not in {".svg", ".png"} or not logo_file.is_file():
        raise reader.fail(
            "huisstijl.logo",
            f"'{logo}' is neither an icon of Material (such as material/shield-check-outline) nor a .svg or .png "
            "file beside this file",
        )
    return Huisstijl(primary, accent, link, logo_bestand=logo_file)


def _named_theme(reader: Reader, table: Mapping[str, Any], where: str, kind: Dienstsoort) -> None:
    """A named kind has its theme (classificatie.toml): a ``thema`` given with it must be that one."""
    theme = reader.optional(table, "thema", where)
    for key in ("dienst", "onderwerp"):
        if key in table:
            raise reader.fail(f"{where}.{key}", "give either soort, or dienst, onderwerp and thema; not both")
    if theme is not None and theme != kind.thema:
        raise reader.fail(
            f"{where}.thema",
            f"the kind {kind.sleutel} is in theme {kind.thema or 'none'}; for a service in theme '{theme}' leave "
            "soort out and describe it with dienst, onderwerp and thema",
        )


def _described_kind(reader: Reader, table: Mapping[str, Any], where: str, classification: Classificatie) -> Dienstsoort:
    """A service described by dienst (opleiding, advies), onderwerp and, for a training, thema."""
    services = [dienst.value for dienst in DIENSTEN.values()]
    subjects = [onderwerp.value for onderwerp in Onderwerp]
    if "dienst" not in table:
        raise reader.fail(where, f"give soort (one of the named kinds) or dienst (one of: {', '.join(services)})")
    dienst_key = reader.text(table["dienst"], f"{where}.dienst")
    if dienst_key not in services:
        raise reader.fail(f"{where}.dienst", f"unknown dienst '{dienst_key}'; choose one of: {', '.join(services)}")
    subject = reader.text(table.get("onderwerp", ""), f"{where}.onderwerp") if "onderwerp" in table else "ander"
    if subject not in subjects:
        raise reader.fail(f"{where}.onderwerp", f"unknown onderwerp '{subject}'; choose one of: {', '.join(subjects)}")
    dienst, onderwerp = Dienst(dienst_key), Onderwerp(subject)
    themes = classification.themas
    own = next((theme for theme in themes.values() if onderwerp in theme.onderwerpen), None)
    theme_key = reader.optional(table, "thema", where)
    if dienst is Dienst.ADVIES:
        if theme_key is not None:
            raise reader.fail(f"{where}.thema", "advice (advies) has no theme; leave this key out")
        return beschreven_soort(dienst, onderwerp, own)
    fitting = [key for key, theme in themes.items() if theme.past(onderwerp)]
    if theme_key is None and own is None:
        raise reader.fail(f"{where}.thema", f"a training (opleiding) has a theme; choose one of: {', '.join(fitting)}")
    theme_key = theme_key or (own.sleutel if own else "")
    if theme_key not in fitting:
        raise reader.fail(
            f"{where}.thema",
            f"'{theme_key}' does not fit onderwerp {subject}; choose one of: {', '.join(fitting)}",
        )
    return beschreven_soort(dienst, onderwerp, themes[theme_key])


def _kind(reader: Reader, table: Mapping[str, Any], where: str, classification: Classificatie) -> Dienstsoort:
    if "soort" not in table:
        return _described_kind(reader, table, where, classification)
    kind_key = reader.text(table["soort"], f"{where}.soort")
    if kind_key not in classification.dienstsoorten:
        raise reader.fail(
            f"{where}.soort",
            f"unknown kind '{kind_key}'; choose one of {', '.join(classification.dienstsoorten)} "
            "(calculator/data/classificatie.toml), or describe the service with dienst, onderwerp and thema",
        )
    kind = classification.dienstsoorten[kind_key]
    _named_theme(reader, table, where, kind)
    return kind


def _service(reader: Reader, raw: object, index: int, classification: Classificatie) -> Dienstaanbod:
    where = f"aanbod[{index}]"
    table = reader.table(raw, where, SERVICE_KEYS, collect=True)
    name = reader.text(table["naam"], f"{where}.naam")
    what = table["wat_u_krijgt"]
    if isinstance(what, str) and "\n\n" in what.strip():
        raise reader.fail(f"{where}.wat_u_krijgt", "write one paragraph (no empty line)")
    gets = reader.text(what, f"{where}.wat_u_krijgt")
    kind = _kind(reader, table, where, classification)
    duration = reader.optional(table, "duur", where)
    price = reader.price(table["prijs_vanaf"], f"{where}.prijs_vanaf") if "prijs_vanaf" in table else None
    return Dienstaanbod(name, gets, kind, duration, price)


def _numbers(reader: Reader, raw: object) -> dict[str, str]:
    if not isinstance(raw, dict) or not raw:
        raise reader.fail("registratienummers", 'give at least one number: advies = "DV.A…", opleiding = "DV.O…"')
    table = reader.table(raw, "registratienummers", {"advies": False, "opleiding": False})
    numbers = {
        what: reader.attempt(
            reader.text,
            value,
            f"registratienummers.{what}",
            pattern=REGISTRATION_PATTERN[what],
            hint=f"a number for {what} as DV.{'A' if what == 'advies' else 'O'} and six digits",
        )
        for what, value in table.items()
    }
    return {what: number for what, number in numbers.items() if number is not None}


def _contact(reader: Reader, raw: object) -> Contact:
    table = reader.table(raw, "contact", CONTACT_KEYS)
    checks: dict[str, dict[str, Any]] = {
        "email": {"pattern": EMAIL, "hint": "an e-mail address"},
        "telefoon": {"pattern": PHONE, "hint": "a phone number, for example +32 9 123 45 67"},
        "adres": {},
        "contact_url": {"pattern": HTTPS, "hint": HTTPS_HINT},
        "ondernemingsnummer": {"pattern": COMPANY_NUMBER, "hint": "for example 0123.456.789"},
    }
    return Contact(
        **{key: reader.attempt(reader.optional, table, key, "contact", **options) for key, options in checks.items()}
    )


def _offer(
    reader: Reader, raw: object, numbers: Mapping[str, str], classification: Classificatie
) -> tuple[Dienstaanbod, ...]:
    if not isinstance(raw, list) or not raw:
        raise reader.fail("aanbod", "give at least one service as [[aanbod]]")
    read = [reader.attempt(_service, reader, entry, index, classification) for index, entry in enumerate(raw)]
    offer = tuple(service for service in read if service is not None)
    names = [service.naam for service in offer]
    duplicates = sorted({name for name in names if names.count(name) > 1})
    if duplicates:
        reader.problems.append(
            str(reader.fail("aanbod", f"the same name is listed more than once: {', '.join(duplicates)}"))
        )
    for service in offer:
        dienst = service.soort.dienst
        if dienst is not Dienst.GEEN and dienst.value not in numbers:
            reader.problems.append(
                str(
                    reader.fail(
                        "registratienummers",
                        f"'{service.naam}' is {dienst.value}, but there is no registration number for {dienst.value}",
                    )
                )
            )
    return offer


def _content(reader: Reader, raw: object) -> Path:
    """The folder of the provider's own content, beside the file, with only the files the site shows."""
    name = reader.text(raw, "inhoud", hint="a folder beside this file")
    folder = (reader.path.parent / name).resolve()
    found = eigen_inhoud.problems(folder)
    if found:
        raise reader.fail("inhoud", "; ".join(found))
    return folder


def parse(text: str, path: Path, classification: Classificatie) -> Aanbieder:
    """The provider file, or one AanbiederError that lists every problem of it, each with its key and the fix."""
    reader = Reader(path)
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise AanbiederError(f"{path}: not valid TOML: {error}") from None
    top = reader.table(document, "the file", TOP_KEYS, collect=True)
    attempt = reader.attempt
    raw_numbers = top.get("registratienummers")
    numbers = attempt(_numbers, reader, raw_numbers) if "registratienummers" in top else None
    declared = raw_numbers if isinstance(raw_numbers, dict) else {}
    https: dict[str, Any] = {"pattern": HTTPS, "hint": HTTPS_HINT}
    texts: dict[str, dict[str, Any]] = {"naam": {}, "website": https, "slogan": {}, "omschrijving": {}}
    fields: dict[str, Any] = {
        key: attempt(reader.text, top[key], key, **options) for key, options in texts.items() if key in top
    }
    fields["site_adres"] = attempt(reader.optional, top, "site_adres", "", **https)
    fields["juridische_naam"] = attempt(reader.optional, top, "juridische_naam", "")
    fields["contact"] = attempt(_contact, reader, top.get("contact", {}))
    fields["inhoud"] = attempt(_content, reader, top["inhoud"]) if "inhoud" in top else None
    for key, read in (("huisstijl", _brand), ("aanbod", _offer)):
        if key in top:
            extra = (declared, classification) if key == "aanbod" else ()
            fields[key] = attempt(read, reader, top[key], *extra)
    if reader.problems:
        count = len(reader.problems)
        listed = "\n".join(f"  - {problem.removeprefix(f'{path}: ')}" for problem in reader.problems)
        raise AanbiederError(f"{path}: {count} problem{'s' if count > 1 else ''} to fix:\n{listed}")
    return Aanbieder(bestand=path, registratienummers=numbers or {}, **fields)


def chosen_file() -> Path:
    """``KMO_AANBIEDER`` (relative to the repository, as ``build_scripts/watch.py`` reads it, or absolute), else
    ``aanbieder.toml`` at the top."""
    chosen = os.environ.get(ENVIRONMENT)
    return (ROOT / chosen).resolve() if chosen else DEFAULT_FILE


def load(classification: Classificatie, path: Path | None = None) -> Aanbieder:
    path = path or chosen_file()
    if not path.is_file():
        raise AanbiederError(f"{path}: the provider file does not exist (set {ENVIRONMENT} to a .toml file)")
    return parse(path.read_text(encoding="utf-8"), path, classification)
