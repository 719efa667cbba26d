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
    """What a service is about, as far as the rules care: a subject with a rate of its own, or another one."""

    CYBERSECURITY = "cybersecurity"
    ENERGIE_EFFICIENTIE = "energie_efficientie"  # has a rate of its own (for training)
    ANDER = "ander"  # any other subject (software, accounting, ...)


@dataclass(frozen=True)
class Thema:
    """A future-oriented theme: its key in the request, its Dutch label, and the subjects with a rate of their own
    that belong to it (cybersecurity to digitalisering, energy efficiency to duurzaamheid)."""

    sleutel: str
    label: str
    onderwerpen: frozenset[Onderwerp] = frozenset()

    def past(self, onderwerp: Onderwerp) -> bool:
        """Whether a service on ``onderwerp`` can fall under this theme: another subject under any theme, a
        subject with a rate of its own only under the theme that lists it."""
        return onderwerp is Onderwerp.ANDER or onderwerp in self.onderwerpen


@dataclass(frozen=True)
class Dienstsoort:
    """A kind of service the request can name: the service it is (advice, training) and its subject."""

    sleutel: str
    label: str
    dienst: Dienst
    onderwerp: Onderwerp
    enkel_als_advies: bool = False  # eligible only when delivered as advice (an assessment with written advice)
    thema: str | None = None  # the key of its future-oriented theme (training and advice)


@dataclass(frozen=True)
class Classificatie:
    rechtsvormen: Mapping[str, Categorie]
    rechtsvormen_bron: Source
    gewesten: Mapping[str, Categorie]
    gewesten_bron: Source
    dienstsoorten: Mapping[str, Dienstsoort]
    dienstsoorten_bron: Source
    themas: Mapping[str, Thema]  # the future-oriented themes (since the 2023 reform; see diensten.themas_beperkt)
    themas_bron: Source

    def thema_van(self, kind: Dienstsoort) -> Thema | None:
        return None if kind.thema is None else self.themas[kind.thema]


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
    thema = text(entry, "thema", where) if "thema" in entry else None
    if (thema is None) is (dienst is not Dienst.GEEN):
        raise fail(where, "training and advice have a 'thema' (a key of [themas.themas]); other services none")
    return Dienstsoort(key, text(entry, "label", where), dienst, onderwerp, enkel_als_advies, thema)


def _thema(key: str, entry: Mapping[str, object], where: str) -> Thema:
    raw = entry.get("onderwerpen", [])
    if not isinstance(raw, list) or not all(isinstance(item, str) for item in raw):
        raise fail(where, "'onderwerpen' must be a list of subjects")
    try:
        subjects = frozenset(Onderwerp(item) for item in raw)
    except ValueError as error:
        raise fail(where, f"unknown onderwerp: {error}") from error
    if Onderwerp.ANDER in subjects:
        raise fail(where, "'ander' fits every theme: list only subjects with a rate of their own")
    return Thema(key, text(entry, "label", where), subjects)


def _check_themes(kinds: Mapping[str, Dienstsoort], themes: Mapping[str, Thema]) -> None:
    """Every kind names a known theme that fits its subject, and a subject belongs to one theme at most."""
    for key, kind in kinds.items():
        if kind.thema is None:
            continue
        theme = themes.get(kind.thema)
        if theme is None:
            raise fail(f"diensten.soorten.{key}", f"unknown thema {kind.thema!r}; allowed: {', '.join(themes)}")
        if not theme.past(kind.onderwerp):
            raise fail(f"diensten.soorten.{key}", f"subject {kind.onderwerp} does not belong to theme {kind.thema}")
    listed = [subject for theme in themes.values() for subject in theme.onderwerpen]
    if len(listed) != len(set(listed)):
        raise fail("themas", "a subject belongs to one theme at most")


def parse_classification(document_text: str, sources: SourceTable) -> Classificatie:
    document = read_toml(document_text, CLASSIFICATION_FILE)
    only_keys(document, frozenset({"rechtsvormen", "gewesten", "diensten", "themas"}), CLASSIFICATION_FILE)
    accepted = frozenset({"label", "aanvaard"})
    forms_source, forms = _section(document, "rechtsvormen", "vormen", sources, keys=accepted, read=_categorie)
    gewesten_bron, regions = _section(document, "gewesten", "gewesten", sources, keys=accepted, read=_categorie)
    kind_keys = frozenset({"label", "dienst", "onderwerp", "enkel_als_advies", "thema"})
    kinds_source, kinds = _section(document, "diensten", "soorten", sources, keys=kind_keys, read=_dienstsoort)
    theme_keys = frozenset({"label", "onderwerpen"})
    themas_bron, themes = _section(document, "themas", "themas", sources, keys=theme_keys, read=_thema)
    _check_themes(kinds, themes)
    return Classificatie(forms, forms_source, regions, gewesten_bron, kinds, kinds_source, themes, themas_bron)
