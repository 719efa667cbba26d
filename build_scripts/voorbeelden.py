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

from mkdocs.exceptions import PluginError

from build_scripts import siteteksten as t
from build_scripts.site_build import Build, one
from calculator import evaluate
from calculator.formatting import euro

EXAMPLES_FILE = Path(__file__).with_name("voorbeelden.toml")


def example_requests(day: date) -> dict[str, list[tuple[str, str, dict[str, Any]]]]:
    """The worked examples per group: (key, who, full request for an application on ``day``). Tests use it to
    check that the pages show exactly what calculator.evaluate answers."""
    groups: dict[str, list[tuple[str, str, dict[str, Any]]]] = {}
    for group, examples in tomllib.loads(EXAMPLES_FILE.read_text(encoding="utf-8")).items():
        for example in examples:
            request = copy.deepcopy(example["aanvraag"])
            request["application_date"] = day.isoformat()
            start = (day + timedelta(days=int(example["start_over"]))).isoformat()
            for service in request["services"]:
                service["start_date"] = start
            groups.setdefault(group, []).append((example["sleutel"], example["wie"], request))
    return groups


def _title(who: str, request: dict[str, Any], service: dict[str, Any]) -> str:
    title = who
    used = request.get("support_used_this_year")
    if used:
        title += t.VOORBEELD_AL_GEKREGEN.format(bedrag=euro(Decimal(used), cents=False))
    title += t.VOORBEELD_DIENST.format(soort=service["label"].lower(), bedrag=service["display"]["amount"])
    late = (date.fromisoformat(request["application_date"]) - date.fromisoformat(service["start_date"])).days
    if late > 0:
        title += t.VOORBEELD_TE_LAAT.format(dagen=late)
    return title


def _row(label: str, key: str, shown: dict[str, str]) -> str:
    return f'<tr><th scope="row">{label}</th><td data-bedrag="{key}">{escape(shown[key])}</td></tr>'


def _block(key: str, title: str, service: dict[str, Any]) -> str:
    shown = service["display"]
    rows = _row(t.VOORBEELD_STEUN, "support", shown)
    rows += _row(t.VOORBEELD_EIGEN_AANDEEL if service["eligible"] else t.VOORBEELD_ZELF, "own_share", shown)
    if service["eligible"]:
        rows += _row(t.VOORBEELD_UITERLIJK, "application_deadline", shown)
    return (
        f'<div class="admonition example kmo-voorbeeld" data-voorbeeld="{key}">\n'
        f'<p class="admonition-title">{escape(t.VOORBEELD_TITEL.format(titel=title))}</p>\n'
        f"<table><tbody>{rows}</tbody></table>\n"
        f"<p>{escape(service['explanation'])}</p>\n"
        f"</div>"
    )


def voorbeelden(build: Build, arguments: list[str]) -> str:
    """The worked examples of a group, each computed now by calculator.evaluate (never typed on the page)."""
    group = one(arguments, "voorbeelden")
    examples = example_requests(build.day).get(group)
    if not examples:
        raise PluginError(f"kmo:voorbeelden: no group '{group}' in {EXAMPLES_FILE.name}")
    blocks = []
    for key, who, request in examples:
        answer = evaluate(request, data=build.rules, today=build.day)
        if not answer["ok"]:
            raise PluginError(f"kmo:voorbeelden {group}/{key}: the request is refused: {answer['errors']}")
        service = answer["services"][0]
        blocks.append(_block(key, _title(who, request, service), service))
    return "\n\n".join(blocks)
