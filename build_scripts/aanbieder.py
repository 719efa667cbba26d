"""The provider (aanbieder) this site is for: one TOML file, read strictly.

Everything that belongs to one registered provider lives in ``aanbieder.toml`` at the top of the repository (or in
the file ``KMO_AANBIEDER`` names): the name, the registration numbers and what each covers, the website, the contact
details, the brand, the tagline and the offer. ``mkdocs.yml`` keeps only the site's mechanics; the build hook's
``on_config`` calls :func:`configure`, which sets the site's name, description, author, address guess, logo and
colours from the file and gives the templates ``config.extra.dienstverlener`` (flat fields) and
``config.extra.aanbieder`` (the calculator's list of services, the next step's contact details).

The loader refuses unknown keys, missing required keys and bad values (an address that is not https, a registration
number that does not match what it covers, a kind of service the classification does not know, a colour without
enough contrast) with a message that names the file, the key and how to fix it: the build fails instead of
showing a guess.

Pages use ``<!-- kmo:aanbod -->`` (the offer as cards, each with what a small and a medium enterprise pay
themselves, computed by ``calculator.evaluate``), ``<!-- kmo:dienstverlener KEY -->`` (one field) and
``<!-- kmo:contactgegevens -->`` (the contact details that are configured, never invented).
"""

from __future__ import annotations

import json
import os
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from html import escape
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from calculator import evaluate
from calculator.domein import Grootteklasse
from calculator.formatting import euro, percent
from calculator.parameters import Classification, Dienst, RulesData
from calculator.steun import soort_subsidieerbaar, tarief

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_FILE = ROOT / "aanbieder.toml"
ENVIRONMENT = "KMO_AANBIEDER"
STYLESHEET = "assets/stylesheets/aanbieder.css"
LOGO = "assets/images/logo"

REGISTRATION_PATTERN = {"advies": re.compile(r"^DV\.A\d{6}$"), "opleiding": re.compile(r"^DV\.O\d{6}$")}
EMAIL = re.compile(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$")
PHONE = re.compile(r"^\+?[0-9][0-9 ./()-]{7,}[0-9]$")
COMPANY_NUMBER = re.compile(r"^(BE ?)?0?[01]\d{3}\.\d{3}\.\d{3}$")
HTTPS = re.compile(r"^https://[^\s\"'<>]+$")
COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
ICON = re.compile(r"^(material|fontawesome/[a-z]+|octicons|simple)/[a-z0-9-]+$")
MIN_CONTRAST = Decimal("4.5")  # WCAG 2.1 AA for normal text


class AanbiederError(PluginError):
    """A provider file that cannot be used; the message names the file, the key and the fix."""


@dataclass(frozen=True)
class Contact:
    email: str | None = None
    telefoon: str | None = None
    adres: str | None = None
    contact_url: str | None = None
    ondernemingsnummer: str | None = None


@dataclass(frozen=True)
class Huisstijl:
    primair: str
    accent: str
    link: str
    logo_icoon: str | None = None
    logo_bestand: Path | None = None


@dataclass(frozen=True)
class Dienstaanbod:
    naam: str
    wat_u_krijgt: str
    soort: str
    thema: str | None = None
    duur: str | None = None
    prijs_vanaf: Decimal | None = None


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

    def fields(self) -> dict[str, str]:
        """The flat fields pages and templates name (``kmo:dienstverlener KEY``, ``config.extra.dienstverlener``):
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
}
CONTACT_KEYS = {"email": False, "telefoon": False, "adres": False, "contact_url": False, "ondernemingsnummer": False}
BRAND_KEYS = {"primair": True, "accent": True, "link": True, "logo": False}
SERVICE_KEYS = {
    "naam": True,
    "wat_u_krijgt": True,
    "soort": True,
    "thema": False,
    "duur": False,
    "prijs_vanaf": False,
}


class _Reader:
    def __init__(self, path: Path) -> None:
        self.path = path

    def fail(self, where: str, message: str) -> AanbiederError:
        return AanbiederError(f"{self.path}: {where}: {message}")

    def table(self, raw: object, where: str, keys: Mapping[str, bool]) -> dict[str, Any]:
        if not isinstance(raw, dict):
            raise self.fail(where, "moet een tabel zijn")
        unknown = sorted(set(raw) - set(keys))
        if unknown:
            raise self.fail(where, f"onbekende sleutel(s) {', '.join(unknown)}; toegelaten: {', '.join(keys)}")
        missing = [key for key, required in keys.items() if required and key not in raw]
        if missing:
            raise self.fail(where, f"ontbrekende sleutel(s) {', '.join(missing)}")
        return raw

    def text(self, raw: object, where: str, *, pattern: re.Pattern[str] | None = None, hint: str = "") -> str:
        if not isinstance(raw, str) or not raw.strip():
            raise self.fail(where, "moet een niet-lege tekst zijn")
        value = " ".join(raw.split())
        if pattern is not None and not pattern.match(value):
            raise self.fail(where, f"'{value}' is ongeldig{': ' + hint if hint else ''}")
        return value

    def optional(self, table: Mapping[str, Any], key: str, where: str, **options: Any) -> str | None:
        if key not in table:
            return None
        return self.text(table[key], f"{where}.{key}" if where else key, **options)

    def price(self, raw: object, where: str) -> Decimal:
        if isinstance(raw, bool) or not isinstance(raw, (int, str)):
            raise self.fail(where, 'schrijf de prijs als geheel getal (4500) of als tekst ("4500.00"), zonder btw')
        try:
            value = Decimal(str(raw))
        except InvalidOperation:
            raise self.fail(where, f"'{raw}' is geen bedrag; schrijf bijvoorbeeld 4500 of \"4500.00\"") from None
        if not value.is_finite() or value <= 0 or value != value.quantize(Decimal("0.01")):
            raise self.fail(where, f"'{raw}' moet een positief bedrag in euro zijn, met ten hoogste twee decimalen")
        return value


def _luminance(colour: str) -> Decimal:
    channels = []
    for index in (1, 3, 5):
        value = int(colour[index : index + 2], 16) / 255
        channels.append(value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4)
    red, green, blue = channels
    return Decimal(str(0.2126 * red + 0.7152 * green + 0.0722 * blue))


def contrast(first: str, second: str) -> Decimal:
    """The WCAG contrast ratio of two colours (#rrggbb)."""
    light, dark = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (light + Decimal("0.05")) / (dark + Decimal("0.05"))


def mix(colour: str, other: str, share: Decimal) -> str:
    """``colour`` moved ``share`` of the way towards ``other`` (for the palette's lighter and darker shades)."""
    parts = []
    for index in (1, 3, 5):
        a, b = int(colour[index : index + 2], 16), int(other[index : index + 2], 16)
        parts.append(round(a + (b - a) * float(share)))
    return "#" + "".join(f"{part:02x}" for part in parts)


def _brand(reader: _Reader, raw: object) -> Huisstijl:
    table = reader.table(raw, "huisstijl", BRAND_KEYS)
    hint = "een kleur als #rrggbb"
    primary = reader.text(table["primair"], "huisstijl.primair", pattern=COLOUR, hint=hint).lower()
    accent = reader.text(table["accent"], "huisstijl.accent", pattern=COLOUR, hint=hint).lower()
    link = reader.text(table["link"], "huisstijl.link", pattern=COLOUR, hint=hint).lower()
    for key, colour, words in (
        ("primair", primary, "witte tekst op deze kleur (de kopbalk)"),
        ("accent", accent, "deze kleur op wit (een link onder de muis)"),
        ("link", link, "deze kleur op wit (links)"),
    ):
        ratio = contrast(colour, "#ffffff")
        if ratio < MIN_CONTRAST:
            raise reader.fail(
                f"huisstijl.{key}",
                f"{colour}: het contrast van {words} is {ratio:.2f}:1, minder dan {MIN_CONTRAST}:1 (WCAG AA); "
                "kies een donkerdere kleur",
            )
    icon: str | None = None
    logo_file: Path | None = None
    if "logo" in table:
        logo = reader.text(table["logo"], "huisstijl.logo")
        if ICON.match(logo):
            icon = logo
        else:
            logo_file = (reader.path.parent / logo).resolve()
            if logo_file.suffix.lower() not in {".svg", ".png"} or not logo_file.is_file():
                raise reader.fail(
                    "huisstijl.logo",
                    f"'{logo}' is geen icoon van Material (zoals material/shield-check-outline) en geen .svg- of "
                    ".png-bestand naast dit bestand",
                )
    return Huisstijl(primary, accent, link, icon, logo_file)


def _service(reader: _Reader, raw: object, index: int, classification: Classification) -> Dienstaanbod:
    where = f"aanbod[{index}]"
    table = reader.table(raw, where, SERVICE_KEYS)
    name = reader.text(table["naam"], f"{where}.naam")
    what = table["wat_u_krijgt"]
    if isinstance(what, str) and "\n\n" in what.strip():
        raise reader.fail(f"{where}.wat_u_krijgt", "schrijf één alinea (zonder lege regel)")
    gets = reader.text(what, f"{where}.wat_u_krijgt")
    kind_key = reader.text(table["soort"], f"{where}.soort")
    kind = classification.service_kinds.get(kind_key)
    if kind is None:
        raise reader.fail(
            f"{where}.soort",
            f"onbekende soort '{kind_key}'; kies uit {', '.join(classification.service_kinds)} "
            "(calculator/data/classificatie.toml)",
        )
    theme = reader.optional(table, "thema", where)
    if kind.dienst is Dienst.OPLEIDING:
        if theme is None:
            raise reader.fail(
                f"{where}.thema", f"een opleiding heeft een thema; kies uit: {'; '.join(classification.themes)}"
            )
        if theme not in classification.themes:
            raise reader.fail(
                f"{where}.thema", f"onbekend thema '{theme}'; kies uit: {'; '.join(classification.themes)}"
            )
        if kind.onderwerp.value not in theme:
            raise reader.fail(
                f"{where}.thema", f"'{theme}' past niet bij de soort {kind_key} (onderwerp {kind.onderwerp.value})"
            )
    elif theme is not None:
        raise reader.fail(f"{where}.thema", "alleen een opleiding heeft een thema; laat deze sleutel weg")
    duration = reader.optional(table, "duur", where)
    price = reader.price(table["prijs_vanaf"], f"{where}.prijs_vanaf") if "prijs_vanaf" in table else None
    return Dienstaanbod(name, gets, kind_key, theme, duration, price)


def parse(text: str, path: Path, classification: Classification) -> Aanbieder:
    reader = _Reader(path)
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise AanbiederError(f"{path}: geen geldige TOML: {error}") from None
    top = reader.table(document, "het bestand", TOP_KEYS)
    numbers_raw = top["registratienummers"]
    if not isinstance(numbers_raw, dict) or not numbers_raw:
        raise reader.fail("registratienummers", 'geef minstens één nummer: advies = "DV.A…", opleiding = "DV.O…"')
    numbers_table = reader.table(numbers_raw, "registratienummers", {"advies": False, "opleiding": False})
    numbers = {
        what: reader.text(
            value,
            f"registratienummers.{what}",
            pattern=REGISTRATION_PATTERN[what],
            hint=f"een nummer voor {what} heeft de vorm DV.{'A' if what == 'advies' else 'O'} en zes cijfers",
        )
        for what, value in numbers_table.items()
    }
    contact_table = reader.table(top.get("contact", {}), "contact", CONTACT_KEYS)
    contact = Contact(
        email=reader.optional(contact_table, "email", "contact", pattern=EMAIL, hint="een e-mailadres"),
        telefoon=reader.optional(
            contact_table, "telefoon", "contact", pattern=PHONE, hint="een telefoonnummer, bijvoorbeeld +32 9 123 45 67"
        ),
        adres=reader.optional(contact_table, "adres", "contact"),
        contact_url=reader.optional(
            contact_table, "contact_url", "contact", pattern=HTTPS, hint="een adres dat met https:// begint"
        ),
        ondernemingsnummer=reader.optional(
            contact_table, "ondernemingsnummer", "contact", pattern=COMPANY_NUMBER, hint="bijvoorbeeld 0123.456.789"
        ),
    )
    raw_offer = top["aanbod"]
    if not isinstance(raw_offer, list) or not raw_offer:
        raise reader.fail("aanbod", "geef minstens één dienst als [[aanbod]]")
    offer = tuple(_service(reader, raw, index, classification) for index, raw in enumerate(raw_offer))
    names = [service.naam for service in offer]
    duplicates = sorted({name for name in names if names.count(name) > 1})
    if duplicates:
        raise reader.fail("aanbod", f"dezelfde naam staat meer dan eens: {', '.join(duplicates)}")
    for service in offer:
        kind = classification.service_kinds[service.soort]
        if kind.dienst is not Dienst.GEEN and kind.dienst.value not in numbers:
            raise reader.fail(
                "registratienummers",
                f"'{service.naam}' is {kind.dienst.value}, maar er is geen registratienummer voor {kind.dienst.value}",
            )
    return Aanbieder(
        bestand=path,
        naam=reader.text(top["naam"], "naam"),
        juridische_naam=reader.optional(top, "juridische_naam", ""),
        website=reader.text(top["website"], "website", pattern=HTTPS, hint="een adres dat met https:// begint"),
        site_adres=reader.optional(top, "site_adres", "", pattern=HTTPS, hint="een adres dat met https:// begint"),
        slogan=reader.text(top["slogan"], "slogan"),
        omschrijving=reader.text(top["omschrijving"], "omschrijving"),
        registratienummers=numbers,
        contact=contact,
        huisstijl=_brand(reader, top["huisstijl"]),
        aanbod=offer,
    )


def chosen_file() -> Path:
    """``KMO_AANBIEDER`` (relative to the repository or absolute), else ``aanbieder.toml`` at the top."""
    chosen = os.environ.get(ENVIRONMENT)
    if not chosen:
        return DEFAULT_FILE
    path = Path(chosen)
    return path if path.is_absolute() else (Path.cwd() / path).resolve()


def load(classification: Classification, path: Path | None = None) -> Aanbieder:
    path = path or chosen_file()
    if not path.is_file():
        raise AanbiederError(
            f"{path}: het bestand van de aanbieder bestaat niet (zet {ENVIRONMENT} op een .toml-bestand)"
        )
    return parse(path.read_text(encoding="utf-8"), path, classification)


# --- the site's configuration ------------------------------------------------------------------------------------------


def configure(config: MkDocsConfig, classification: Classification) -> Aanbieder:
    """Read the provider file and set what MkDocs takes from it: site name, description, author, the address guess
    (when SITE_URL is not set), the logo and the colours' stylesheet, and the fields the templates read."""
    provider = load(classification)
    _current["provider"] = provider
    config["site_name"] = f"Kmo-portefeuille bij {provider.naam}"
    config["site_description"] = provider.omschrijving
    config["site_author"] = provider.juridische_naam or provider.naam
    if not os.environ.get("SITE_URL") and provider.site_adres:
        config["site_url"] = provider.site_adres.rstrip("/") + "/"
    brand = provider.huisstijl
    if brand.logo_icoon:
        config["theme"]["icon"] = {**(config["theme"].get("icon") or {}), "logo": brand.logo_icoon}
    if brand.logo_bestand:
        config["theme"]["logo"] = LOGO + brand.logo_bestand.suffix.lower()
    if STYLESHEET not in config["extra_css"]:
        config["extra_css"].append(STYLESHEET)
    config["extra"]["dienstverlener"] = provider.fields()
    config["extra"]["aanbieder"] = template_data(provider, classification)
    return provider


_current: dict[str, Aanbieder] = {}


def current() -> Aanbieder:
    """The provider :func:`configure` read for this build (the other hook's files use it)."""
    provider = _current.get("provider")
    if provider is None:
        raise AanbiederError(
            "the provider file was not read: build_scripts/mkdocs_hooks.py's on_config calls configure"
        )
    return provider


def stylesheet(provider: Aanbieder) -> str:
    """The provider's colours as Material's palette variables (theme.palette.primary/accent = custom)."""
    brand = provider.huisstijl
    return (
        f"/* The colours of {provider.bestand.name} (huisstijl), checked for contrast by build_scripts/aanbieder.py. */\n"
        ":root {\n"
        f"  --md-primary-fg-color: {brand.primair};\n"
        f"  --md-primary-fg-color--light: {mix(brand.primair, '#ffffff', Decimal('0.15'))};\n"
        f"  --md-primary-fg-color--dark: {mix(brand.primair, '#000000', Decimal('0.3'))};\n"
        "  --md-primary-bg-color: #ffffff;\n"
        f"  --md-accent-fg-color: {brand.accent};\n"
        f"  --md-accent-fg-color--transparent: {brand.accent}1a;\n"
        f"  --md-typeset-a-color: {brand.link};\n"
        "}\n"
    )


def add_files(files: Files, config: MkDocsConfig) -> Files:
    """The generated files of the provider read by :func:`configure`: the colours' stylesheet and the logo."""
    provider = current()
    files.append(File.generated(config, STYLESHEET, content=stylesheet(provider)))
    logo = provider.huisstijl.logo_bestand
    if logo is not None:
        files.append(File.generated(config, LOGO + logo.suffix.lower(), abs_src_path=str(logo)))
    return files


def production_problems(provider: Aanbieder) -> list[str]:
    """What the provider file still lacks before the site can go live (KMO_PRODUCTIE=1 fails on each)."""
    problems = []
    for key, value in (("contact.email", provider.contact.email), ("contact.telefoon", provider.contact.telefoon)):
        if not value:
            problems.append(f"{key} is not set in {provider.bestand.name}")
    if not provider.juridische_naam:
        problems.append(f"juridische_naam is not set in {provider.bestand.name}")
    return problems


def field_value(provider: Aanbieder, key: str) -> str:
    """One field for ``kmo:dienstverlener KEY``; a field that is not set fails the build (never a blank)."""
    fields = provider.fields()
    if key not in fields:
        known = (
            "naam, juridische_naam, website, slogan, registratienummer_advies, registratienummer_opleiding, "
            "email, telefoon, adres, contact_url, ondernemingsnummer"
        )
        raise AanbiederError(f"kmo:dienstverlener {key}: not set in {provider.bestand.name} (fields: {known})")
    return fields[key]


# --- the calculator page ----------------------------------------------------------------------------------------------


def template_data(provider: Aanbieder, classification: Classification) -> dict[str, Any]:
    """What the templates need: the calculator's list of services (the offer grouped by kind, then every kind for
    anything else) and the next step's ways to reach the provider."""
    groups: dict[str, list[tuple[str, str]]] = {}
    for service in provider.aanbod:
        kind = classification.service_kinds[service.soort]
        groups.setdefault(kind.label, []).append((service.soort, service.naam))
    others = [(key, kind.label) for key, kind in classification.service_kinds.items()]
    return {
        "naam": provider.naam,
        "keuzes": [*groups.items(), ("Een andere dienst", others)],
        "email": provider.contact.email or "",
        "contact_url": provider.contact.contact_url or "",
        "telefoon": provider.contact.telefoon or "",
        "telefoon_link": re.sub(r"[^0-9+]", "", provider.contact.telefoon or ""),
    }


# --- markers ----------------------------------------------------------------------------------------------------------

CONTACT_FIELDS = (
    ("email", "E-mail"),
    ("telefoon", "Telefoon"),
    ("contact_url", "Afspraak of contactformulier"),
    ("adres", "Adres"),
    ("website", "Website"),
)


def _no_arguments(arguments: list[str], marker: str) -> None:
    if arguments:
        raise AanbiederError(f"kmo:{marker} takes no arguments, got {arguments}")


def contactgegevens(arguments: list[str], provider: Aanbieder) -> str:
    """How to reach the provider: only what its file sets, never invented."""
    _no_arguments(arguments, "contactgegevens")
    fields = provider.fields()
    lines = []
    for key, label in CONTACT_FIELDS:
        value = fields.get(key)
        if not value:
            continue
        if key == "email":
            value = f"[{value}](mailto:{value})"
        elif key == "telefoon":
            value = f"[{value}](tel:{re.sub(r'[^0-9+]', '', value)})"
        elif key in {"website", "contact_url"}:
            value = f"[{value.removeprefix('https://').rstrip('/')}]({value})"
        lines.append(f"- {label}: {value}")
    return "\n".join(lines)


def registraties(arguments: list[str], provider: Aanbieder, data: RulesData, day: date) -> str:
    """The registration numbers, each with what it covers: the kind of service, and the provider's services of that
    kind that qualify on ``day``."""
    _no_arguments(arguments, "registraties")
    lines = []
    for what, number in provider.registratienummers.items():
        services = []
        for service in provider.aanbod:
            kind = data.classification.service_kinds[service.soort]
            if kind.dienst.value == what and soort_subsidieerbaar(kind, day, data)[0]:
                services.append(service.naam)
        covers = f": {', '.join(services)}" if services else ""
        lines.append(f"- **{number}** voor {what}{covers}")
    return "\n".join(lines)


def request_for(service: Dienstaanbod, size: str | None, day: date | None = None) -> dict[str, Any]:
    """The quick-estimate request for a service of the offer at its typical price (the card's figures and its
    "Bereken voor uw onderneming" link use the same shape)."""
    entry: dict[str, Any] = {"kind": service.soort}
    if service.prijs_vanaf is not None:
        entry["amount"] = format(service.prijs_vanaf, "f")
    request: dict[str, Any] = {"services": [entry]}
    if size is not None:
        request["enterprise"] = {"size_category": size}
    if day is not None:
        request["application_date"] = day.isoformat()
        entry["start_date"] = day.isoformat()
    return request


def calculator_link(service: Dienstaanbod) -> str:
    """The calculator with this service (and its price) filled in, as the page reads its fragment."""
    request = request_for(service, None)
    return "../rekenmodule/#" + urlencode({"aanvraag": json.dumps(request, separators=(",", ":"), ensure_ascii=False)})


SIZES = (("klein", "Klein"), ("middelgroot", "Middelgroot"))


def net_prices(service: Dienstaanbod, data: RulesData, day: date) -> list[tuple[str, dict[str, Any]]]:
    """For a service with a price: calculator.evaluate's answer for a small and a medium enterprise that apply on
    ``day`` for services starting that day (the card's figures; a test compares them)."""
    results = []
    for size, _ in SIZES:
        answer = evaluate(request_for(service, size, day), data=data, today=day)
        if not answer["ok"]:
            raise AanbiederError(f"kmo:aanbod: '{service.naam}' is refused by the calculator: {answer['errors']}")
        results.append((size, answer["services"][0]))
    return results


def aanbod(arguments: list[str], provider: Aanbieder, data: RulesData, day: date) -> str:
    """The offer as cards: what the customer gets, whether it qualifies on ``day`` and at which rate, and where a
    price is given, what a small and a medium enterprise pay themselves (calculator.evaluate)."""
    _no_arguments(arguments, "aanbod")
    classification = data.classification
    cards = []
    for index, service in enumerate(provider.aanbod):
        kind = classification.service_kinds[service.soort]
        qualifies, _, _ = soort_subsidieerbaar(kind, day, data)
        if kind.dienst is Dienst.GEEN:
            what = "Geen opleiding of advies"
        elif service.thema:
            what = f"{kind.dienst.value.capitalize()}, thema {service.thema}"
        else:
            what = f"{kind.dienst.value.capitalize()} over {kind.onderwerp.value}"
        facts = [f"<dt>Soort</dt><dd>{escape(what)}</dd>"]
        if service.duur:
            facts.append(f"<dt>Duur</dt><dd>{escape(service.duur)}</dd>")
        if service.prijs_vanaf is not None:
            facts.append(f"<dt>Prijs</dt><dd>vanaf {escape(euro(service.prijs_vanaf, cents=False))} zonder btw</dd>")
        body = [
            f'<p class="kmo-aanbod__wat">{escape(service.wat_u_krijgt)}</p>',
            f'<dl class="kmo-aanbod__feiten">{"".join(facts)}</dl>',
        ]
        if not qualifies:
            body.append(
                '<p class="kmo-aanbod__status" data-subsidieerbaar="false">Komt niet in aanmerking voor de '
                "kmo-portefeuille.</p>"
            )
        else:
            small = tarief(kind, Grootteklasse.KLEIN, day, data).pct
            medium = tarief(kind, Grootteklasse.MIDDELGROOT, day, data).pct
            body.append(
                '<p class="kmo-aanbod__status" data-subsidieerbaar="true">Komt vandaag in aanmerking: '
                f"<strong>{escape(percent(small))}</strong> steun voor een kleine onderneming, "
                f"<strong>{escape(percent(medium))}</strong> voor een middelgrote.</p>"
            )
            if service.prijs_vanaf is not None:
                rows = []
                for (size, answer), (_, who) in zip(net_prices(service, data, day), SIZES, strict=True):
                    shown = answer["display"]
                    if answer["eligible"]:
                        cell = (
                            f'<td data-netto="{size}">{escape(shown["own_share"])}</td>'
                            f'<td data-steun="{size}">{escape(shown["support"])}</td>'
                        )
                    else:
                        cell = f'<td data-netto="{size}">{escape(shown["own_share"])}</td><td data-steun="{size}">geen</td>'
                    rows.append(f'<tr><th scope="row">{who}</th>{cell}</tr>')
                body.append(
                    '<table class="kmo-aanbod__prijzen"><caption>Wat u betaalt bij de prijs vanaf, zonder btw'
                    '</caption><thead><tr><th scope="col">Uw onderneming</th><th scope="col">U betaalt zelf</th>'
                    f'<th scope="col">Steun</th></tr></thead><tbody>{"".join(rows)}</tbody></table>'
                )
            label = "Bereken voor uw onderneming"
            body.append(
                f'<p><a class="md-button" href="{escape(calculator_link(service))}" '
                f'aria-label="{escape(label)}: {escape(service.naam)}">{label}</a></p>'
            )
        cards.append(
            f'<section class="kmo-aanbod__kaart" data-aanbod="{index}" aria-labelledby="aanbod-{index}">\n'
            f'<h3 id="aanbod-{index}">{escape(service.naam)}</h3>\n' + "\n".join(body) + "\n</section>"
        )
    return '<div class="kmo-aanbod">\n' + "\n".join(cards) + "\n</div>"
