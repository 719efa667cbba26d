"""Rendering: a :class:`~calculator.domein.Reden` becomes its Dutch text from :data:`calculator.teksten.TEKSTEN`,
or the JSON the answer carries next to that text. How placeholders are named and shown is described in
:mod:`calculator.teksten`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import date
from decimal import Decimal
from typing import Any, Final

from calculator.dated import Comparator
from calculator.domein import Reden, Waarde
from calculator.formatting import euro, long_date, number, percent, plain_decimal, vte
from calculator.teksten import GROOTTE_BIJVOEGLIJK, ONDERWERP_LABELS, TEKSTEN, vergelijking

_PLACEHOLDER: Final = re.compile(r"\{([a-z_0-9]+)\}")
_PART: Final = re.compile(r"deel(\d+)")


_BY_SUFFIX: Final[Mapping[str, Callable[[Decimal], str]]] = {
    "_eur": euro,
    "_bedrag": lambda amount: euro(amount, cents=False),
    "_pct": percent,
    "_vte": vte,
}


def _show(name: str, value: Waarde) -> str:
    if isinstance(value, bool) or value is None:
        raise TypeError(f"placeholder {name!r} cannot show {value!r}")
    if name.endswith("_datum") != isinstance(value, date):
        raise TypeError(f"placeholder {name!r}: a date goes in a placeholder named *_datum, and only there")
    if isinstance(value, date):
        return long_date(value)
    if name.endswith("_bijvoeglijk"):
        return GROOTTE_BIJVOEGLIJK[str(value)]
    if name.endswith("_onderwerp"):
        return ONDERWERP_LABELS[str(value)]
    if isinstance(value, str):
        return value
    show = next((show for suffix, show in _BY_SUFFIX.items() if name.endswith(suffix)), number)
    return show(Decimal(value))


def enumeration(parts: list[str]) -> str:
    """``["a", "b", "c"]`` → ``"a, b en c"``."""
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " en " + parts[-1]


def placeholders(code: str) -> set[str]:
    return set(_PLACEHOLDER.findall(TEKSTEN[code]))


def render(reden: Reden) -> str:
    """The Dutch text of a reason, its parts included."""
    template = TEKSTEN[reden.code]
    parts = [render(deel) for deel in reden.delen]
    used: set[int] = set()

    def fill(match: re.Match[str]) -> str:
        name = match.group(1)
        if name == "delen":
            used.update(range(len(parts)))
            return enumeration(parts)
        if part := _PART.fullmatch(name):
            index = int(part.group(1)) - 1
            used.add(index)
            return parts[index]
        if name == "relatie":  # how the value compares: "minder dan", or "niet minder dan" when beyond
            comparator = Comparator(str(reden.waarden["comparator"]))
            return vergelijking(comparator, binnen=bool(reden.waarden["binnen"]))
        if name == "regel":  # what the rule asks: "minder dan", "minstens"
            return vergelijking(Comparator(str(reden.waarden["comparator"])))
        if name.startswith("regel_"):  # the same for one of several bounds: regel_X reads X_comparator
            return vergelijking(Comparator(str(reden.waarden[f"{name.removeprefix('regel_')}_comparator"])))
        if name.startswith("_"):
            raise KeyError(name)
        return _show(name, reden.waarden[name])

    text = _PLACEHOLDER.sub(fill, template)
    rest = [part for index, part in enumerate(parts) if index not in used]
    return " ".join([text, *rest] if text else rest)


def json_value(value: Waarde) -> Any:
    """A value as the answer's JSON carries it: decimals as plain strings, dates in ISO form."""
    if isinstance(value, Decimal):
        return plain_decimal(value)
    if isinstance(value, date):
        return value.isoformat()
    return value


def reden_json(reden: Reden) -> dict[str, Any]:
    """``{"code", "values"[, "parts"]}``: the reason as data, next to its rendered text in the answer."""
    result: dict[str, Any] = {
        "code": reden.code,
        "values": {name: json_value(value) for name, value in reden.waarden.items()},
    }
    if reden.delen:
        result["parts"] = [reden_json(deel) for deel in reden.delen]
    return result
