"""The categories a request names, from ``data/classificatie.toml``: legal forms (rechtsvormen), regions
(gewesten), kinds of service (dienstsoorten) and the future-oriented themes, each with its source.

Words only, no figures: the figures are in ``parameters.toml``. Read strictly, like the figures
(:mod:`calculator.strict`).
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Final

from calculator.dated import Source
from calculator.strict import SourceTable, fail, only_keys, read_toml, text, yes_no

CLASSIFICATION_FILE: Final = "classificatie.toml"


@dataclass(frozen=True)
class Categorie:
    """A legal form or a region: its key in the request, its Dutch label, and whether the rules accept it."""

    sleutel: str
    label: str
    aanvaard: bool


class Dienst(enum.StrEnum):
    ADVIES = "advies"
    OPLEIDING = "opleiding"
    GEEN = "geen"


class Onderwerp(enum.StrEnum):
    CYBERSECURITY = "cybersecurity"
    DIGITALISERING = "digitalisering"
    ENERGIE_EFFICIENTIE = "energie_efficientie"  # has a rate of its own (for training); no service kind offers it


@dataclass(frozen=True)
class Dienstsoort:
    """A kind of service the request can name: the service it is (advice, training) and its subject."""

    sleutel: str
    label: str
    dienst: Dienst
    onderwerp: Onderwerp
    enkel_als_advies: bool = False  # eligible only when delivered as advice (an assessment with written advice)


@dataclass(frozen=True)
class Classification:
    legal_forms: Mapping[str, Categorie]
    legal_forms_source: Source
    regions: Mapping[str, Categorie]
    regions_source: Source
    service_kinds: Mapping[str, Dienstsoort]
    service_kinds_source: Source
    themes: tuple[str, ...] = ()  # the future-oriented themes (since the 2023 reform; see diensten.themas_beperkt)
    themes_source: Source | None = None


def _section[T](
    document: Mapping[str, object],
    name: str,
    list_key: str,
    sources: SourceTable,
    *,
    keys: frozenset[str],
    read: Callable[[str, Mapping[str, object], str], T],
) -> tuple[Source, dict[str, T]]:
    """A section (``[name]`` with ``bron`` and a table ``list_key`` of entries), each entry read by ``read``."""
    section = document.get(name)
    if not isinstance(section, dict):
        raise fail(name, "missing section")
    only_keys(section, frozenset({"bron", "onderdeel", list_key}), name)
    source = sources.cite(section, name)
    entries = section.get(list_key)
    if not isinstance(entries, dict) or not entries:
        raise fail(name, f"'{list_key}' must be a non-empty table")
    result: dict[str, T] = {}
    for key, entry in entries.items():
        where = f"{name}.{list_key}.{key}"
        if not isinstance(entry, dict):
            raise fail(where, "must be a table")
        only_keys(entry, keys, where)
        result[key] = read(key, entry, where)
    return source, result


def _categorie(key: str, entry: Mapping[str, object], where: str) -> Categorie:
    return Categorie(key, text(entry, "label", where), yes_no(entry, "aanvaard", where))


def _dienstsoort(key: str, entry: Mapping[str, object], where: str) -> Dienstsoort:
    try:
        dienst = Dienst(text(entry, "dienst", where))
        onderwerp = Onderwerp(text(entry, "onderwerp", where))
    except ValueError as error:
        raise fail(where, f"unknown dienst or onderwerp: {error}") from error
    enkel_als_advies = yes_no(entry, "enkel_als_advies", where) if "enkel_als_advies" in entry else False
    if enkel_als_advies and dienst is not Dienst.ADVIES:
        raise fail(where, "'enkel_als_advies' only applies to a service of dienst = 'advies'")
    return Dienstsoort(key, text(entry, "label", where), dienst, onderwerp, enkel_als_advies)


def _themes(document: Mapping[str, object], sources: SourceTable) -> tuple[Source, tuple[str, ...]]:
    section = document.get("themas")
    if not isinstance(section, dict):
        raise fail("themas", "missing section")
    only_keys(section, frozenset({"bron", "onderdeel", "themas"}), "themas")
    source = sources.cite(section, "themas")
    themes = section.get("themas")
    if not isinstance(themes, list) or not themes or not all(isinstance(t, str) and t.strip() for t in themes):
        raise fail("themas", "'themas' must be a non-empty list of names")
    if len(set(themes)) != len(themes):
        raise fail("themas", "a theme is listed twice")
    return source, tuple(themes)


def parse_classification(document_text: str, sources: SourceTable) -> Classification:
    document = read_toml(document_text, CLASSIFICATION_FILE)
    only_keys(document, frozenset({"rechtsvormen", "gewesten", "diensten", "themas"}), CLASSIFICATION_FILE)
    accepted = frozenset({"label", "aanvaard"})
    forms_source, forms = _section(document, "rechtsvormen", "vormen", sources, keys=accepted, read=_categorie)
    regions_source, regions = _section(document, "gewesten", "gewesten", sources, keys=accepted, read=_categorie)
    kind_keys = frozenset({"label", "dienst", "onderwerp", "enkel_als_advies"})
    kinds_source, kinds = _section(document, "diensten", "soorten", sources, keys=kind_keys, read=_dienstsoort)
    themes_source, themes = _themes(document, sources)
    return Classification(forms, forms_source, regions, regions_source, kinds, kinds_source, themes, themes_source)
