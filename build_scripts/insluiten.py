"""Who may show the calculator in a frame: the ``[insluiten]`` table of the provider file (aanbieder.toml), read as
strictly as the rest of it (build_scripts/aanbieder.py). The page /rekenmodule/insluiten/ sends these origins as its
``frame-ancestors`` (build_scripts/embedding.py)."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from build_scripts.aanbieder import AanbiederError, _Reader

# An origin, as a browser writes it: https with a host and an optional port, nothing after it. http only for the
# loopback addresses, for trying a host page on this machine (examples/insluiten.html).
ORIGIN = re.compile(
    r"^(https://[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+|http://(127\.0\.0\.1|localhost))(:\d{1,5})?$"
)
ORIGIN_HINT = (
    "an origin such as https://www.example.be (no path, no trailing slash; http only for 127.0.0.1 or localhost)"
)
EMBED_KEYS = {"toegelaten": False}


@dataclass(frozen=True)
class Insluiten:
    """The sites that may show the calculator in a frame (``[insluiten] toegelaten``); empty: only this site."""

    toegelaten: tuple[str, ...] = ()


def insluiten(path: Path) -> Insluiten:
    """The ``[insluiten]`` table of the provider file at ``path``, read as strictly as the rest of it."""
    reader = _Reader(path)
    try:
        document = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise AanbiederError(f"{path}: not valid TOML: {error}") from None
    table = reader.table(document.get("insluiten", {}), "insluiten", EMBED_KEYS)
    raw = table.get("toegelaten", [])
    if not isinstance(raw, list):
        raise reader.fail("insluiten.toegelaten", 'must be a list of origins, for example ["https://www.example.be"]')
    origins = tuple(
        reader.text(item, f"insluiten.toegelaten[{index}]", pattern=ORIGIN, hint=ORIGIN_HINT)
        for index, item in enumerate(raw)
    )
    if len(set(origins)) != len(origins):
        raise reader.fail("insluiten.toegelaten", "lists an origin twice")
    return Insluiten(origins)
