"""The provider's details from ``mkdocs.yml`` (``extra.dienstverlener``): the markers that show them, and what is
missing before the site can go live. Never invented: a detail that is not configured is not shown.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from typing import Any

from mkdocs.exceptions import PluginError

from build_scripts import siteteksten as t
from build_scripts.site_build import Build, none, one

PRODUCTION = "KMO_PRODUCTIE"


def problems(provider: Mapping[str, Any], site_url: str | None) -> list[str]:
    """What is missing before the site can go live: the provider's e-mail and phone, and a confirmed public
    address (site_url is a guess unless SITE_URL is set: canonical links and the sitemap use it)."""
    found = [
        f"extra.dienstverlener.{key} is not set in mkdocs.yml" for key in ("email", "telefoon") if not provider.get(key)
    ]
    if not os.environ.get("SITE_URL"):
        found.append(f"SITE_URL is not set: site_url is the placeholder guess {site_url}")
    return found


def dienstverlener(build: Build, arguments: list[str]) -> str:
    key = one(arguments, "dienstverlener")
    if key not in build.provider:
        raise PluginError(f"kmo:dienstverlener {key}: not in extra.dienstverlener of mkdocs.yml")
    return str(build.provider[key])


def _link(key: str, value: str) -> str:
    if key == "email":
        return f"[{value}](mailto:{value})"
    if key == "telefoon":
        return f"[{value}](tel:{re.sub(r'[^0-9+]', '', value)})"
    if key == "website":
        return f"[{value}]({value})"
    return value


def contactgegevens(build: Build, arguments: list[str]) -> str:
    """The provider's contact details as configured in mkdocs.yml (extra.dienstverlener); never invented."""
    none(arguments, "contactgegevens")
    lines = []
    for key, label in t.CONTACTVELDEN:
        value = str(build.provider.get(key, "")).strip()
        if value:
            lines.append(f"- {label}: {_link(key, value)}")
    for key, what in t.REGISTRATIENUMMERS:
        lines.append(f"- {t.REGISTRATIENUMMER.format(wat=what, nummer=build.provider[key])}")
    return "\n".join(lines)
