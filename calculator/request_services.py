"""The request's ``services``: each row names one of the classification's kinds (``pentest``, ...) or describes the
service by what the rules look at (``kind`` = ``training`` or ``advice``, its ``subject`` and, for a training, its
``theme``), optionally with the provider's own name for it (``label``). See INTERFACE.md.

Every problem is collected, each at its own field, like the rest of the request (:mod:`calculator.reader`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import date
from typing import Final

from calculator.classificatie import Dienst, Dienstsoort, Onderwerp, Thema
from calculator.domein import Dienstverlening, Reden
from calculator.foutteksten import veld
from calculator.parameters import RulesData
from calculator.reader import MONEY_EXAMPLE, Reader, given, shorten
from calculator.rendering import render
from calculator.teksten import ONDERWERP_LABELS

# The request's words for a described service (INTERFACE.md), and what they are in the rules.
DIENSTEN: Final[Mapping[str, Dienst]] = {"training": Dienst.OPLEIDING, "advice": Dienst.ADVIES}
ONDERWERPEN: Final[Mapping[str, Onderwerp]] = {
    "cybersecurity": Onderwerp.CYBERSECURITY,
    "energy_efficiency": Onderwerp.ENERGIE_EFFICIENTIE,
    "other": Onderwerp.ANDER,
}
MAX_LABEL: Final = 120  # the longest own name of a service the answer repeats


def beschreven_soort(dienst: Dienst, onderwerp: Onderwerp, thema: Thema | None) -> Dienstsoort:
    """A kind of service described by what the rules look at, labelled in words ("Opleiding over
    energie-efficiëntie"); ``thema`` is ``None`` only for advice on a subject without a theme of its own."""
    key = next(key for key, value in DIENSTEN.items() if value is dienst)
    naam = render(Reden(f"soort.beschreven.{dienst.value}", {"naam_onderwerp": onderwerp.value}))
    return Dienstsoort(key, naam, dienst, onderwerp, False, None if thema is None else thema.sleutel)


def request_fields(kind: Dienstsoort) -> dict[str, str]:
    """How a request names this kind: its key, and for a described one its subject and (training) theme."""
    if kind.sleutel not in DIENSTEN:
        return {"kind": kind.sleutel}
    subject = next(key for key, value in ONDERWERPEN.items() if value is kind.onderwerp)
    fields = {"kind": kind.sleutel, "subject": subject}
    if kind.dienst is Dienst.OPLEIDING and kind.thema is not None:
        fields["theme"] = kind.thema
    return fields


def beschreven_soorten(data: RulesData) -> list[tuple[Dienstsoort, str]]:
    """Every training and advice a visitor can describe, with a label for a list: a training on a subject with a
    rate of its own, a training on another subject per theme, advice per subject."""
    themes = data.classificatie.themas
    choices: list[tuple[Dienstsoort, str]] = []
    for dienst in DIENSTEN.values():
        for onderwerp in ONDERWERPEN.values():
            own = next((theme for theme in themes.values() if onderwerp in theme.onderwerpen), None)
            if dienst is Dienst.OPLEIDING and own is None:
                for theme in themes.values():
                    label = render(Reden("soort.beschreven.opleiding.thema", {"thema": theme.label}))
                    choices.append((beschreven_soort(dienst, onderwerp, theme), label))
                continue
            kind = beschreven_soort(dienst, onderwerp, own)
            choices.append((kind, kind.label))
    return choices


def zelfde_regels(kind: Dienstsoort) -> tuple[Dienst, Onderwerp, str | None]:
    """What the rules look at in a kind of service: two kinds alike in this get the same answer."""
    return kind.dienst, kind.onderwerp, kind.thema


def _row_label(key: str, nummer: int) -> str:
    return veld(key, "dienst", nummer)


def _kinds(data: RulesData) -> dict[str, str]:
    """The request's kinds with the label an error lists them by: the named kinds, then the described ones."""
    kinds = {key: kind.label for key, kind in data.classificatie.dienstsoorten.items()}
    for key, dienst in DIENSTEN.items():
        kinds[key] = render(Reden(f"soort.beschrijving.{dienst.value}"))
    return kinds


def _given_theme(
    reader: Reader, row: Mapping[str, object], onderwerp: Onderwerp, index: int, data: RulesData
) -> tuple[bool, Thema | None]:
    """A training's given theme, which must fit its subject."""
    themes = data.classificatie.themas
    field, label = f"services[{index}].theme", _row_label("thema", index + 1)
    key = reader.choice(row, "theme", field, label, {key: theme.label for key, theme in themes.items()})
    if key is None:
        return False, None
    if not themes[key].past(onderwerp):
        own = next(theme.label for theme in themes.values() if onderwerp in theme.onderwerpen)
        reader.error(
            field, label, "fout.thema_past_niet", naam_onderwerp=onderwerp.value, thema=themes[key].label, juist=own
        )
        return False, None
    return True, themes[key]


def _theme(
    reader: Reader, row: Mapping[str, object], kind: tuple[Dienst, Onderwerp], index: int, data: RulesData
) -> tuple[bool, Thema | None]:
    """``(read, theme)`` of a described service: no theme for advice on another subject, the theme its subject
    belongs to, or the training's given theme; ``read`` is false after an error."""
    dienst, onderwerp = kind
    themes = data.classificatie.themas
    own = next((theme for theme in themes.values() if onderwerp in theme.onderwerpen), None)
    if dienst is Dienst.OPLEIDING and given(row, "theme"):
        return _given_theme(reader, row, onderwerp, index, data)
    if dienst is Dienst.ADVIES and given(row, "theme"):
        reader.error(f"services[{index}].theme", _row_label("thema", index + 1), "fout.thema_bij_advies")
        return False, None
    if dienst is Dienst.OPLEIDING and own is None:
        opties = ", ".join(theme.label for theme in themes.values())
        reader.error(f"services[{index}].theme", _row_label("thema", index + 1), "fout.thema_ontbreekt", opties=opties)
        return False, None
    return True, own


def _described(reader: Reader, row: Mapping[str, object], key: str, index: int, data: RulesData) -> Dienstsoort | None:
    """A service described by kind, subject and (for a training) theme."""
    dienst = DIENSTEN[key]
    subjects = {name: ONDERWERP_LABELS[onderwerp.value] for name, onderwerp in ONDERWERPEN.items()}
    subject = reader.choice(row, "subject", f"services[{index}].subject", _row_label("onderwerp", index + 1), subjects)
    if subject is None:
        return None
    onderwerp = ONDERWERPEN[subject]
    read, thema = _theme(reader, row, (dienst, onderwerp), index, data)
    if not read:
        return None
    return beschreven_soort(dienst, onderwerp, thema)


def _named(reader: Reader, row: Mapping[str, object], key: str, index: int, data: RulesData) -> Dienstsoort | None:
    """A named kind: its subject and theme are fixed, so the row may not give them."""
    for extra in ("subject", "theme"):
        if given(row, extra):
            label = _row_label("onderwerp" if extra == "subject" else "thema", index + 1)
            reader.error(f"services[{index}].{extra}", label, "fout.soort_ligt_vast")
            return None
    return data.classificatie.dienstsoorten[key]


def _own_name(reader: Reader, row: Mapping[str, object], index: int) -> str | None:
    """The provider's own name for the service (``label``), shown instead of the kind's label."""
    if not given(row, "label"):
        return None
    raw = row["label"]
    if not isinstance(raw, str) or not raw.strip() or len(raw.strip()) > MAX_LABEL:
        reader.error(
            f"services[{index}].label",
            _row_label("naam", index + 1),
            "fout.naam_dienst",
            waarde=shorten(raw),
            maximum=MAX_LABEL,
        )
        return None
    return " ".join(raw.split())


def _soort(reader: Reader, row: Mapping[str, object], index: int, data: RulesData) -> Dienstsoort | None:
    key = reader.choice(row, "kind", f"services[{index}].kind", _row_label("soort", index + 1), _kinds(data))
    if key is None:
        return None
    kind = _described(reader, row, key, index, data) if key in DIENSTEN else _named(reader, row, key, index, data)
    naam = _own_name(reader, row, index)
    return kind if kind is None or naam is None else replace(kind, label=naam)


def read_services(
    reader: Reader, raw: Mapping[str, object], data: RulesData, today: date
) -> tuple[Dienstverlening, ...]:
    """The services in the request's order; a left-out start date is ``today`` (an assumption)."""
    result: list[Dienstverlening] = []
    for index, row in enumerate(reader.rows(raw, "services", "services", veld("dienst"))):
        field = f"services[{index}]"
        soort = _soort(reader, row, index, data)
        bedrag = reader.number(
            row, "amount", f"{field}.amount", _row_label("bedrag", index + 1), example=MONEY_EXAMPLE, max_decimals=2
        )
        start_given, start = reader.day(row, "start_date", f"{field}.start_date", _row_label("startdatum", index + 1))
        if not start_given:
            start = today
        if soort is not None and bedrag is not None and start is not None:
            result.append(Dienstverlening(soort, bedrag, start, start_given))
    return tuple(result)
