"""The worked examples (``kmo:voorbeelden GROUP``): situations from ``voorbeelden.toml``, each computed at build time
by ``calculator.evaluate`` for the build date, so no amount is typed on a page.
"""

from __future__ import annotations

import copy
import tomllib
from datetime import date, timedelta
from decimal import Decimal
from html import escape
from pathlib import Path
from typing import Any

from build_scripts import eigen_inhoud
from build_scripts import siteteksten as t
from build_scripts.aanbieder import Aanbieder
from build_scripts.errors import BuildError
from build_scripts.site_build import Build, one
from calculator import evaluate
from calculator.formatting import euro

EXAMPLES_FILE = Path(__file__).with_name("voorbeelden.toml")


def _examples(provider: Aanbieder) -> dict[str, list[dict[str, Any]]]:
    """The kit's examples per group, a group of the provider's own ``voorbeelden.toml`` (in the folder its file
    names, build_scripts/eigen_inhoud.py) replacing the kit's."""
    loaded: dict[str, list[dict[str, Any]]] = tomllib.loads(EXAMPLES_FILE.read_text(encoding="utf-8"))
    own = provider.inhoud / eigen_inhoud.VOORBEELDEN if provider.inhoud is not None else None
    if own is not None and own.is_file():
        try:
            loaded.update(tomllib.loads(own.read_text(encoding="utf-8")))
        except tomllib.TOMLDecodeError as error:
            raise BuildError(f"{own}: not valid TOML: {error}") from None
    return loaded


def _request(example: dict[str, Any], day: date) -> dict[str, Any]:
    """The example's request, for an application on ``day`` and services starting ``start_over`` days later."""
    request: dict[str, Any] = copy.deepcopy(example["aanvraag"])
    request["application_date"] = day.isoformat()
    start = (day + timedelta(days=int(example["start_over"]))).isoformat()
    for service in request["services"]:
        service["start_date"] = start
    return request


def example_requests(day: date, provider: Aanbieder) -> dict[str, list[tuple[str, str, dict[str, Any]]]]:
    """The worked examples per group that fit ``provider``: (key, title, full request for an application on
    ``day``). Tests use it to check that the pages show exactly what calculator.evaluate answers."""
    return {
        group: [(example["sleutel"], example["titel"], _request(example, day)) for example in examples]
        for group, examples in _examples(provider).items()
    }


def _story(template: str, request: dict[str, Any], answer: dict[str, Any], where: str) -> str:
    """The situation as voorbeelden.toml tells it, every amount and date filled in from the answer."""
    shown = answer["services"][0]["display"]
    values = {
        "prijs": shown["amount"],
        "steun": shown["support"],
        "eigen_aandeel": shown["own_share"],
        "percentage": shown["rate"],
        "start": shown["start_date"],
        "uiterlijk": shown["application_deadline"],
        "aanvraagdatum": answer["display"]["application_date"],
        "al_gekregen": euro(Decimal(request.get("support_used_this_year", "0")), cents=False),
        "rest_plafond": answer["display"]["cap_remaining_before"],
    }
    try:
        return template.format_map(values)
    except (KeyError, ValueError) as error:
        raise BuildError(f"kmo:voorbeelden {where}: the story has an unknown name {error}") from None


def _row(label: str, key: str, shown: dict[str, str]) -> str:
    return f'<tr><th scope="row">{label}</th><td data-bedrag="{key}">{escape(shown[key])}</td></tr>'


def _check_story(template: str, service: dict[str, Any], where: str) -> None:
    """The story names what the table builds on: the price (the eigen aandeel is shown), and the start date when
    the last day to apply is shown."""
    needed = ["{prijs}"] + (["{start}"] if service["eligible"] else [])
    missing = [name for name in needed if name not in template]
    if missing:
        raise BuildError(f"kmo:voorbeelden {where}: the story must name {', '.join(missing)}")


def _block(key: str, title: str, story: str, service: dict[str, Any]) -> str:
    shown = service["display"]
    rows = _row(t.VOORBEELD_STEUN, "support", shown) + _row(t.VOORBEELD_EIGEN_AANDEEL, "own_share", shown)
    if service["eligible"]:
        rows += _row(t.VOORBEELD_UITERLIJK, "application_deadline", shown)
    return (
        f'<div class="admonition example kmo-voorbeeld" data-voorbeeld="{key}">\n'
        f'<p class="admonition-title">{escape(t.VOORBEELD_TITEL.format(titel=title))}</p>\n'
        f"<p>{escape(story)}</p>\n"
        f"<table><tbody>{rows}</tbody></table>\n"
        f"</div>"
    )


def voorbeelden(build: Build, arguments: list[str]) -> str:
    """The worked examples of a group: the situation as voorbeelden.toml tells it, with every amount and date
    computed now by calculator.evaluate (never typed on the page), and a small table of the outcome."""
    group = one(arguments, "voorbeelden")
    examples = _examples(build.provider).get(group)
    if not examples:
        raise BuildError(f"kmo:voorbeelden: no group '{group}' in {EXAMPLES_FILE.name}")
    blocks = []
    for example in examples:
        key, request = example["sleutel"], _request(example, build.day)
        answer = evaluate(request, data=build.rules, today=build.day)
        if not answer["ok"]:
            raise BuildError(f"kmo:voorbeelden {group}/{key}: the request is refused: {answer['errors']}")
        _check_story(example["verhaal"], answer["services"][0], f"{group}/{key}")
        story = _story(example["verhaal"], request, answer, f"{group}/{key}")
        blocks.append(_block(key, example["titel"], story, answer["services"][0]))
    return "\n\n".join(blocks)
