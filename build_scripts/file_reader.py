"""Reading the provider file strictly (build_scripts/aanbieder.py, insluiten.py): a text, a pattern, a price, a
table with its allowed keys, each problem named with the file, the key and the fix; and collecting them, so that the
build reports every problem of the file at once.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, TypeVar

from build_scripts.errors import BuildError


class AanbiederError(BuildError):
    """A provider file that cannot be used; the message names the file, the key and the fix."""


T = TypeVar("T")


class Reader:
    """Reads the file and collects every problem (each with the key and the fix), so that the build reports them
    all at once: a part that fails is left out and the reading goes on with the next."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.problems: list[str] = []

    def fail(self, where: str, message: str) -> AanbiederError:
        return AanbiederError(f"{self.path}: {where}: {message}")

    def attempt(self, read: Callable[..., T], *arguments: Any, **options: Any) -> T | None:
        """``read(*arguments, **options)``, or None with its problem noted (a missing key: noted by :meth:`table`)."""
        try:
            return read(*arguments, **options)
        except AanbiederError as error:
            self.problems.append(str(error))
        except KeyError:
            pass
        return None

    def table(self, raw: object, where: str, keys: Mapping[str, bool], *, collect: bool = False) -> dict[str, Any]:
        """The table; an unknown or missing key fails, or with ``collect`` is noted and reading goes on with the
        keys it has."""
        if not isinstance(raw, dict):
            raise self.fail(where, "must be a table")
        unknown = sorted(set(raw) - set(keys))
        missing = [key for key, required in keys.items() if required and key not in raw]
        found = [
            *([f"unknown key(s) {', '.join(unknown)}; allowed: {', '.join(keys)}"] if unknown else []),
            *([f"missing key(s) {', '.join(missing)}"] if missing else []),
        ]
        if found and not collect:
            raise self.fail(where, "; ".join(found))
        self.problems += [str(self.fail(where, problem)) for problem in found]
        return {key: value for key, value in raw.items() if key in keys}

    def text(self, raw: object, where: str, *, pattern: re.Pattern[str] | None = None, hint: str = "") -> str:
        if not isinstance(raw, str) or not raw.strip():
            raise self.fail(where, "must be a non-empty text")
        value = " ".join(raw.split())
        if pattern is not None and not pattern.match(value):
            raise self.fail(where, f"'{value}' is not valid{': write ' + hint if hint else ''}")
        return value

    def optional(self, table: Mapping[str, Any], key: str, where: str, **options: Any) -> str | None:
        if key not in table:
            return None
        return self.text(table[key], f"{where}.{key}" if where else key, **options)

    def price(self, raw: object, where: str) -> Decimal:
        if isinstance(raw, bool) or not isinstance(raw, (int, str)):
            raise self.fail(where, 'write the price excl. VAT as a whole number (4500) or as a text ("4500.00")')
        try:
            value = Decimal(str(raw))
        except InvalidOperation:
            raise self.fail(where, f"'{raw}' is not an amount; write for example 4500 or \"4500.00\"") from None
        if not value.is_finite() or value <= 0 or value != value.quantize(Decimal("0.01")):
            raise self.fail(where, f"'{raw}' must be a positive amount in euro, with at most two decimals")
        return value
