"""The provider on the site, from its file (``aanbieder.toml``, read by ``build_scripts/aanbieder.py`` into
``Build.provider``): the site's name, description and address guess, what the templates read, the markers that show
the provider's details and registration numbers, and what is missing before the site can go live. Never invented:
a detail the file does not set is not shown.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable, MutableMapping
from typing import Any

from build_scripts import huisstijl
from build_scripts import siteteksten as t
from build_scripts.aanbieder import Aanbieder, AanbiederError
from build_scripts.site_build import Build, none, one
from calculator.classificatie import Dienst, Onderwerp
from calculator.parameters import RulesData
from calculator.request_services import beschreven_soorten, request_fields, zelfde_regels
from calculator.steun import soort_subsidieerbaar

PRODUCTION = "KMO_PRODUCTIE"


def configure(config: MutableMapping[str, Any], build: Build) -> None:
    """Set what MkDocs takes from the provider file: site name, description, author, the address guess (when
    SITE_URL is not set), the logo and the colours' stylesheet, and the fields the templates read
    (``config.extra.aanbiedervelden``: flat fields; ``config.extra.aanbieder``: the calculator's list of services
    and the next step's ways to reach the provider)."""
    provider = build.provider
    config["site_name"] = t.SITE_NAAM.format(naam=provider.naam)
    config["site_description"] = provider.omschrijving
    config["site_author"] = provider.juridische_naam or provider.naam
    if not os.environ.get("SITE_URL") and provider.site_adres:
        config["site_url"] = provider.site_adres.rstrip("/") + "/"
    huisstijl.configure(config, provider.huisstijl)
    config["extra"]["aanbiedervelden"] = provider.fields()
    config["extra"]["aanbieder"] = template_data(provider, build.rules)


def _option(fields: dict[str, str]) -> str:
    """A choice of the calculator's list of services: a named kind by its key, a described service (and the
    provider's own name) as the compact JSON of its request fields, which the page sends as they are."""
    if set(fields) == {"kind"}:
        return fields["kind"]
    return json.dumps(fields, separators=(",", ":"), ensure_ascii=False)


def template_data(provider: Aanbieder, rules: RulesData) -> dict[str, Any]:
    """What the templates need: the calculator's list of services (the offer grouped by kind, then, for anything
    else, every other training or advice described by subject and theme that the offer does not already cover
    under the same rules; never another provider's named kinds) and
    the next step's ways to reach the provider (the website when the file gives no e-mail, contact page or
    phone)."""
    groups: dict[str, list[tuple[str, str]]] = {}
    for service in provider.aanbod:
        groups.setdefault(service.soort.label, []).append((_option(service.request_entry()), service.naam))
    # A described service the offer already has under the same rules (its "Opleiding over cybersecurity" for a
    # training on cybersecurity) is not listed again: its answer would be the same.
    offered = {zelfde_regels(service.soort) for service in provider.aanbod}
    others = [
        (_option(request_fields(kind)), label)
        for kind, label in beschreven_soorten(rules)
        if zelfde_regels(kind) not in offered
    ]
    return {
        "naam": provider.naam,
        "keuzes": [*groups.items(), *([(t.ANDERE_DIENST, others)] if others else [])],
        "website": provider.website,
        "email": provider.contact.email or "",
        "contact_url": provider.contact.contact_url or "",
        "telefoon": provider.contact.telefoon or "",
        "telefoon_link": _phone_link(provider.contact.telefoon or ""),
    }


def reachable(provider: Aanbieder) -> bool:
    """Whether the file gives a direct way to reach the provider (e-mail, a contact or booking page, a phone): the
    calculator's next step uses it; without one, the next step and the contact page send the visitor to the
    provider's website."""
    contact = provider.contact
    return bool(contact.email or contact.contact_url or contact.telefoon)


def _offers(dienst: Dienst) -> Callable[[Aanbieder], bool]:
    return lambda provider: any(service.soort.dienst is dienst for service in provider.aanbod)


# The provider's facts a page may test with <!-- kmo:aanbieder-als NAME --> (kmo:aanbieder-als-niet for the
# opposite; build_scripts/markers.py).
CONDITIONS: dict[str, Callable[[Aanbieder], bool]] = {
    "bereikbaar": reachable,
    "prijzen": lambda provider: any(service.prijs_vanaf is not None for service in provider.aanbod),
    "advies": _offers(Dienst.ADVIES),  # the offer has advice
    "opleiding": _offers(Dienst.OPLEIDING),  # the offer has training
    "cybersecurity": lambda provider: any(s.soort.onderwerp is Onderwerp.CYBERSECURITY for s in provider.aanbod),
}


def support_for(build: Build) -> str:
    """What the provider's qualifying offer gets support for, in the visitor's words ("opleiding en advies over
    cybersecurity", "opleiding"): its services on cybersecurity when there are any, else all that qualify."""
    qualifying = [s.soort for s in build.provider.aanbod if soort_subsidieerbaar(s.soort, build.day, build.rules)[0]]
    cyber = [kind for kind in qualifying if kind.onderwerp is Onderwerp.CYBERSECURITY]
    services = {kind.dienst for kind in cyber or qualifying}
    words = t.STEUN_VOOR[(Dienst.OPLEIDING in services, Dienst.ADVIES in services)]
    return t.STEUN_VOOR_CYBERSECURITY.format(diensten=words) if cyber else words


def problems(provider: Aanbieder, site_url: str | None) -> list[str]:
    """What is missing before the site can go live: the provider's e-mail, phone and legal name, and a confirmed
    public address (site_url is a guess unless SITE_URL is set: canonical links and the sitemap use it)."""
    name = provider.bestand.name
    found = [
        f"{key} is not set in {name}"
        for key, value in (
            ("contact.email", provider.contact.email),
            ("contact.telefoon", provider.contact.telefoon),
            ("juridische_naam", provider.juridische_naam),
        )
        if not value
    ]
    if not os.environ.get("SITE_URL"):
        found.append(f"SITE_URL is not set: site_url is the placeholder guess {site_url}")
    return found


# --- markers ----------------------------------------------------------------------------------------------------


def main_services(build: Build) -> str:
    """The offer's services that qualify on the build date, in the visitor's words ("security audit, pentest en
    opleiding over cybersecurity"): those on cybersecurity when there are any, else all that qualify."""
    qualifying = [
        service for service in build.provider.aanbod if soort_subsidieerbaar(service.soort, build.day, build.rules)[0]
    ]
    cyber = [s for s in qualifying if s.soort.onderwerp is Onderwerp.CYBERSECURITY]
    names = [_in_sentence(service.naam) for service in cyber or qualifying]
    if not names:
        raise AanbiederError(f"kmo:aanbieder hoofddiensten: no service of {build.provider.bestand.name} qualifies")
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} {t.EN} {names[-1]}"


def numbers(provider: Aanbieder) -> str:
    """The registration numbers the provider has, each with what it covers ("registratienummer **DV.O…** voor
    opleiding"): a provider registered for training only shows only that one."""
    shown = [t.REGISTRATIE.format(nummer=number, wat=what) for what, number in provider.registratienummers.items()]
    listed = shown[0] if len(shown) == 1 else f"{', '.join(shown[:-1])} {t.EN} {shown[-1]}"
    return t.REGISTRATIENUMMERS[len(shown) > 1].format(nummers=listed)


def _in_sentence(name: str) -> str:
    """A service's name inside a sentence: "Pentest" -> "pentest", "IT-opleiding" stays."""
    return name if name[1:2].isupper() else name[:1].lower() + name[1:]


def service_words(provider: Aanbieder, key: str) -> str:
    """The provider's kind of service in a sentence: "de opleiding" for a training-only offer, "het advies" for an
    advice-only one, "de opleiding of het advies" for both (``siteteksten.DIENST_WOORDEN``)."""
    offered = (CONDITIONS["opleiding"](provider), CONDITIONS["advies"](provider))
    return t.DIENST_WOORDEN[key].get(offered, t.DIENST_WOORDEN_BEIDE[key])


def aanbieder(build: Build, arguments: list[str]) -> str:
    """One field of the provider file; a field that is not set fails the build (never a blank). ``hoofddiensten``:
    the offer's main services (:func:`main_services`); ``registratienummers``: the numbers it has (:func:`numbers`);
    ``een_dienst``, ``de_dienst``, ``volg_de_dienst``: its kind of service in a sentence (:func:`service_words`);
    ``ons_registratienummer``: "ons registratienummer" or "onze registratienummers"."""
    key = one(arguments, "aanbieder")
    if key in t.DIENST_WOORDEN:
        return service_words(build.provider, key)
    if key == "ons_registratienummer":
        return t.ONS_REGISTRATIENUMMER[len(build.provider.registratienummers) > 1]
    if key == "hoofddiensten":
        return main_services(build)
    if key == "registratienummers":
        return numbers(build.provider)
    if key == "steun_voor":
        return support_for(build)
    fields = build.provider.fields()
    if key not in fields:
        raise AanbiederError(
            f"kmo:aanbieder {key}: not set in {build.provider.bestand.name} (set: {', '.join(fields)})"
        )
    return fields[key]


def _phone_link(phone: str) -> str:
    return re.sub(r"[^0-9+]", "", phone)


def _link(key: str, value: str) -> str:
    if key == "email":
        return f"[{value}](mailto:{value})"
    if key == "telefoon":
        return f"[{value}](tel:{_phone_link(value)})"
    if key in {"website", "contact_url"}:
        return f"[{value.removeprefix('https://').rstrip('/')}]({value})"
    return value


def contactgegevens(build: Build, arguments: list[str]) -> str:
    """How to reach the provider: only what its file sets, never invented."""
    none(arguments, "contactgegevens")
    fields = build.provider.fields()
    return "\n".join(f"- {label}: {_link(key, fields[key])}" for key, label in t.CONTACTVELDEN if fields.get(key))


def registraties(build: Build, arguments: list[str]) -> str:
    """The registration numbers, each with what it covers: the kind of service, and the provider's services of that
    kind that qualify on the build date."""
    none(arguments, "registraties")
    lines = []
    for what, number in build.provider.registratienummers.items():
        services = [
            service.naam
            for service in build.provider.aanbod
            if service.soort.dienst.value == what and soort_subsidieerbaar(service.soort, build.day, build.rules)[0]
        ]
        if services:
            lines.append(f"- {t.REGISTRATIE_DIENSTEN.format(nummer=number, wat=what, diensten=', '.join(services))}")
        else:
            lines.append(f"- {t.REGISTRATIE.format(nummer=number, wat=what)}")
    return "\n".join(lines)
