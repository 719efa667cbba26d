"""The rules as open data: every figure with its dated values and sources as JSON, and an Atom feed of the changes.

Both are generated from the same data files as the calculator and the pages (``calculator/data/*.toml``), so one
build publishes one version of the rules. Site publishing, so it lives with the build, not in the package the
browser runs; the JSON Schemas it publishes are in ``build_scripts/schemas/``.
"""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any, Final
from xml.sax.saxutils import escape

from build_scripts import siteteksten as t
from calculator import __version__, overzicht
from calculator.dated import DatedValue, Parameter
from calculator.formatting import long_date
from calculator.parameters import RulesData
from calculator.rendering import render

SCHEMAS: Final = ("aanvraag.schema.json", "antwoord.schema.json", "regels.schema.json")
RULES_FILE: Final = "kmo-portefeuille-regels.json"
# At the site's root: Material for MkDocs looks for sitemap.xml next to every <link rel="alternate"> it finds.
FEED_FILE: Final = "wijzigingen.xml"


SCHEMA_FOLDER: Final = Path(__file__).with_name("schemas")


def schema(name: str) -> str:
    """The text of one of the published JSON Schemas (``SCHEMAS``)."""
    return (SCHEMA_FOLDER / name).read_text(encoding="utf-8")


def wheel_name() -> str:
    """The calculator's wheel as the open-data page offers it (the file the browser runs)."""
    return f"kmo_calculator-{__version__}-py3-none-any.whl"


def _number(value: Decimal) -> int | str:
    """An integer stays a JSON number; anything else is a decimal string (no binary fractions)."""
    return int(value) if value == value.to_integral_value() else str(value)


def _value(value: DatedValue, data: RulesData) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "vanaf": value.start.isoformat(),
        "begin": value.begin.value,
        "waarde": value.value if isinstance(value.value, bool) else _number(value.value),
        "bron": value.bron.key,
    }
    if value.bron.title != data.sources[value.bron.key].title:
        entry["bron_titel"] = value.bron.title  # the source with its article or section
    if value.citaat:
        entry["citaat"] = value.citaat
    return entry


def _parameter(parameter: Parameter, data: RulesData) -> dict[str, Any]:
    return {
        "naam": parameter.name,
        "omschrijving": parameter.label,
        "eenheid": parameter.eenheid.value,
        "vergelijking": parameter.vergelijking.value if parameter.vergelijking else None,
        "bindend": parameter.bindend,
        "waarden": [_value(value, data) for value in parameter.values],
    }


def rules_json(data: RulesData, version: str) -> dict[str, Any]:
    """Every figure with its dated values, units, comparisons and sources, and the classifications."""
    classification = data.classificatie
    return {
        "$schema": "regels.schema.json",
        "titel": t.OPENDATA_TITEL,
        "versie": version,
        "gegevens_gecontroleerd_op": data.checked_on.isoformat(),
        "gemodelleerd_vanaf": data.modelled_from.isoformat(),
        "uitleg": dict(t.OPENDATA_UITLEG),
        "parameters": [_parameter(parameter, data) for parameter in data],
        "classificatie": {
            "rechtsvormen": [
                {"sleutel": form.sleutel, "omschrijving": form.label, "aanvaard": form.aanvaard}
                for form in classification.rechtsvormen.values()
            ],
            "gewesten": [
                {"sleutel": region.sleutel, "omschrijving": region.label, "aanvaard": region.aanvaard}
                for region in classification.gewesten.values()
            ],
            "diensten": [
                {
                    "sleutel": kind.sleutel,
                    "omschrijving": kind.label,
                    "dienst": kind.dienst.value,
                    "onderwerp": kind.onderwerp.value,
                    "enkel_als_advies": kind.enkel_als_advies,
                }
                for kind in classification.dienstsoorten.values()
            ],
            "themas": [render(theme) for theme in overzicht.themas(data)],
        },
        "bronnen": {key: {"titel": source.title, "href": source.href} for key, source in data.sources.items()},
    }


def rules_json_text(data: RulesData, version: str) -> str:
    return json.dumps(rules_json(data, version), ensure_ascii=False, indent=2) + "\n"


def _when(value: DatedValue) -> str:
    return t.OPENDATA_WANNEER[value.begin.value].format(datum=long_date(value.start))


def atom_feed(data: RulesData, site_url: str, author: str) -> str:
    """An Atom feed (RFC 4287) with one entry per dated value, newest first; ``author`` is the site's name."""
    base = site_url.rstrip("/") + "/"
    feed_url = f"{base}{FEED_FILE}"
    entries = sorted(
        ((value, parameter) for parameter in data for value in parameter.values),
        key=lambda item: (item[0].start, item[1].name),
        reverse=True,
    )
    updated = max(data.checked_on, *(value.start for value, _ in entries))
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="nl">',
        f"  <title>{escape(t.OPENDATA_FEED_TITEL)}</title>",
        f"  <id>{escape(feed_url)}</id>",
        f'  <link rel="self" type="application/atom+xml" href="{escape(feed_url)}"/>',
        f'  <link rel="alternate" type="text/html" href="{escape(base)}open-data/"/>',
        f"  <updated>{_timestamp(updated)}</updated>",
        f"  <author><name>{escape(author)}</name></author>",
    ]
    for value, parameter in entries:
        title = t.OPENDATA_BERICHT.format(
            figuur=parameter.label, waarde=t.shown(parameter, value), wanneer=_when(value)
        )
        summary = t.OPENDATA_SAMENVATTING.format(bericht=title, bron=value.bron.title)
        if value.citaat:
            summary += f" “{value.citaat}”"
        entry_id = f"{base}open-data/{RULES_FILE}#{parameter.name}@{value.start.isoformat()}"
        lines += [
            "  <entry>",
            f"    <title>{escape(title)}</title>",
            f"    <id>{escape(entry_id)}</id>",
            f'    <link rel="alternate" href="{escape(value.bron.href)}"/>',
            f"    <updated>{_timestamp(value.start)}</updated>",
            f"    <summary>{escape(summary)}</summary>",
            "  </entry>",
        ]
    lines.append("</feed>")
    return "\n".join(lines) + "\n"


def _timestamp(day: date) -> str:
    return f"{day.isoformat()}T00:00:00Z"
