"""``<!-- kmo:aanbod -->``: the provider's offer as cards. Each card says what the customer gets, whether the service
qualifies on the build date and at which rate, and where a price is given, what a small and a medium enterprise pay
themselves (their eigen aandeel), computed by ``calculator.evaluate``; and it links to the calculator with the
service and its price filled in.
"""

from __future__ import annotations

import json
from datetime import date
from html import escape
from typing import Any
from urllib.parse import urlencode

from build_scripts import siteteksten as t
from build_scripts.aanbieder import AanbiederError, Dienstaanbod
from build_scripts.site_build import Build, none
from calculator import evaluate, overzicht
from calculator.classificatie import Classificatie, Dienst, Dienstsoort, Onderwerp
from calculator.domein import Grootteklasse
from calculator.figuren import GROOTTES
from calculator.formatting import euro, percent
from calculator.parameters import RulesData
from calculator.steun import soort_subsidieerbaar, tarief
from calculator.teksten import ONDERWERP_LABELS

SIZES = GROOTTES  # the sizes that get support


def request_for(service: Dienstaanbod, size: Grootteklasse | None, day: date | None = None) -> dict[str, Any]:
    """The quick-estimate request for a service of the offer at its typical price (the card's figures and its
    calculator link use the same shape)."""
    entry: dict[str, Any] = service.request_entry()
    if service.prijs_vanaf is not None:
        entry["amount"] = format(service.prijs_vanaf, "f")
    request: dict[str, Any] = {"services": [entry]}
    if size is not None:
        request["enterprise"] = {"size_category": size.value}
    if day is not None:
        request["application_date"] = day.isoformat()
        entry["start_date"] = day.isoformat()
    return request


def calculator_link(service: Dienstaanbod) -> str:
    """The calculator with this service (and its price) filled in, as the page reads its fragment."""
    request = request_for(service, None)
    return "../rekenmodule/#" + urlencode({"aanvraag": json.dumps(request, separators=(",", ":"), ensure_ascii=False)})


def net_prices(service: Dienstaanbod, data: RulesData, day: date) -> list[tuple[Grootteklasse, dict[str, Any]]]:
    """For a service with a price: calculator.evaluate's answer for a small and a medium enterprise that apply on
    ``day`` for services starting that day (the card's figures; a test compares them)."""
    results = []
    for size in SIZES:
        answer = evaluate(request_for(service, size, day), data=data, today=day)
        if not answer["ok"]:
            raise AanbiederError(f"kmo:aanbod: '{service.naam}' is refused by the calculator: {answer['errors']}")
        results.append((size, answer["services"][0]))
    return results


def _what(kind: Dienstsoort, service: Dienstaanbod, classification: Classificatie) -> str:
    if kind.dienst is Dienst.GEEN:
        return t.AANBOD_GEEN_DIENST
    dienst = kind.dienst.value.capitalize()
    # The kind's theme; a subject with a rate of its own (cybersecurity within digitalisering) is named too. Advice
    # on another subject, described by the provider, has no theme.
    if kind.thema is None:
        return t.AANBOD_ONDERWERP.format(dienst=dienst, onderwerp=ONDERWERP_LABELS[kind.onderwerp.value])
    theme = classification.themas[kind.thema].label
    if kind.onderwerp is Onderwerp.ANDER:
        return t.AANBOD_THEMA.format(dienst=dienst, thema=theme)
    onderwerp = ONDERWERP_LABELS[kind.onderwerp.value]
    return t.AANBOD_ONDERWERP_THEMA.format(dienst=dienst, onderwerp=onderwerp, thema=theme)


def _facts(kind: Dienstsoort, service: Dienstaanbod, build: Build) -> str:
    facts = [(t.AANBOD_SOORT, _what(kind, service, build.rules.classificatie))]
    qualifying_advice = kind.dienst is Dienst.ADVIES and soort_subsidieerbaar(kind, build.day, build.rules)[0]
    minimum = overzicht.minimumbedrag(kind.dienst, build.day, build.rules) if qualifying_advice else None
    if minimum is not None:  # the official minimum of an advice, on every card of an advice that qualifies
        facts.append((t.AANBOD_MINIMUM, t.AANBOD_MINIMUM_ADVIES.format(bedrag=euro(minimum, cents=False))))
    if service.duur:
        facts.append((t.AANBOD_DUUR, service.duur))
    if service.prijs_vanaf is not None:
        facts.append((t.AANBOD_PRIJS, t.AANBOD_PRIJS_VANAF.format(prijs=euro(service.prijs_vanaf, cents=False))))
    items = "".join(f"<dt>{escape(term)}</dt><dd>{escape(value)}</dd>" for term, value in facts)
    return f'<dl class="kmo-aanbod__feiten">{items}</dl>'


def _price_table(service: Dienstaanbod, data: RulesData, day: date) -> str:
    """What a small and a medium enterprise pay themselves at the price "vanaf", and the support."""
    rows = []
    for size, answer in net_prices(service, data, day):
        shown = answer["display"]
        support = shown["support"] if answer["eligible"] else t.AANBOD_GEEN_STEUN
        rows.append(
            f'<tr><th scope="row">{escape(t.GROOTTE_KEUZE[size.value])}</th>'
            f'<td data-netto="{size.value}">{escape(shown["own_share"])}</td>'
            f'<td data-steun="{size.value}">{escape(support)}</td></tr>'
        )
    head = "".join(f'<th scope="col">{escape(label)}</th>' for label in t.AANBOD_TABEL_KOP)
    return (
        f'<table class="kmo-aanbod__prijzen"><caption>{escape(t.AANBOD_TABEL_TITEL)}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


def _qualifying(build: Build, kind: Dienstsoort, service: Dienstaanbod) -> list[str]:
    """The rates, the price table (with a price) and the calculator link of a service that qualifies."""
    small, medium = (escape(percent(tarief(kind, size, build.day, build.rules).percentage)) for size in SIZES)
    body = [
        '<p class="kmo-aanbod__status" data-subsidieerbaar="true">'
        f"{t.AANBOD_WEL.format(klein=small, middelgroot=medium)}</p>"
    ]
    if service.prijs_vanaf is not None:
        body.append(_price_table(service, build.rules, build.day))
    label = escape(t.AANBOD_BEREKEN)
    body.append(
        f'<p><a class="md-button" href="{escape(calculator_link(service))}" '
        f'aria-label="{label}: {escape(service.naam)}">{label}</a></p>'
    )
    return body


def _card(build: Build, index: int, service: Dienstaanbod) -> str:
    kind = service.soort
    body = [
        f'<p class="kmo-aanbod__wat">{escape(service.wat_u_krijgt)}</p>',
        _facts(kind, service, build),
    ]
    if soort_subsidieerbaar(kind, build.day, build.rules)[0]:
        body += _qualifying(build, kind, service)
    else:
        body.append(f'<p class="kmo-aanbod__status" data-subsidieerbaar="false">{escape(t.AANBOD_NIET)}</p>')
    return (
        f'<section class="kmo-aanbod__kaart" data-aanbod="{index}" aria-labelledby="aanbod-{index}">\n'
        f'<h3 id="aanbod-{index}">{escape(service.naam)}</h3>\n' + "\n".join(body) + "\n</section>"
    )


def aanbod(build: Build, arguments: list[str]) -> str:
    """The offer as cards (see the module's docstring)."""
    none(arguments, "aanbod")
    cards = [_card(build, index, service) for index, service in enumerate(build.provider.aanbod)]
    return '<div class="kmo-aanbod">\n' + "\n".join(cards) + "\n</div>"
