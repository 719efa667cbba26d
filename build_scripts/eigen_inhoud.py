"""The provider's own content: what one provider says about its own services (Jimber's pentest and security audit,
its questions, its worked examples) lives in a folder its file names (``inhoud = "aanbieder/"`` in aanbieder.toml),
not in the kit's pages, so another provider's site shows none of it.

The folder may hold:

- ``SLOT.md`` for a place a kit page keeps for it with ``<!-- kmo:eigen SLOT -->`` (:data:`PLAATSEN`). Its text is
  put in before the markers are filled in, like an include (build_scripts/includes.py): figures, ``kmo:als``
  blocks, sources and glossary terms work in it as in the page. A slot without a file shows nothing.
- ``voorbeelden.toml``: the provider's worked examples, in the format of build_scripts/voorbeelden.toml. A group
  it has (``steun``, ``index``, ``procedure``) replaces the kit's examples of that group.

Any other file in the folder is refused with the names it may have, so a typo never hides a text.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Final

from build_scripts.errors import BuildError

# slot -> where a page shows it (for the error message and CONTRIBUTING.md)
PLAATSEN: Final = {
    "diensten": "the Diensten page, after the kinds of service that qualify",
    "vragen-kosten": "the Vragen page, first under 'Welke kosten?'",
}
VOORBEELDEN: Final = "voorbeelden.toml"
SLOT = re.compile(r"^[ \t]*<!--\s*kmo:eigen[ \t]+([a-z-]+)\s*-->[ \t]*$", re.MULTILINE)


def allowed_names() -> list[str]:
    return [*(f"{slot}.md" for slot in PLAATSEN), VOORBEELDEN]


def problems(folder: Path) -> list[str]:
    """What is wrong with the folder: it is missing, or holds a file it may not (named with what it may hold)."""
    if not folder.is_dir():
        return [f"'{folder}' is not a folder"]
    allowed = allowed_names()
    return [
        f"'{path.name}' in {folder.name}/ is not a file the site shows; allowed: {', '.join(allowed)} "
        "(build_scripts/eigen_inhoud.py)"
        for path in sorted(folder.iterdir())
        if path.name not in allowed and not path.name.startswith(".")
    ]


def expand(markdown: str, where: str, folder: Path | None) -> str:
    """``markdown`` with each ``kmo:eigen SLOT`` line replaced by the folder's ``SLOT.md`` (or by nothing)."""

    def replace(match: re.Match[str]) -> str:
        slot = match.group(1)
        if slot not in PLAATSEN:
            raise BuildError(f"{where}: kmo:eigen {slot}: a slot is one of {', '.join(PLAATSEN)}")
        path = folder / f"{slot}.md" if folder is not None else None
        return path.read_text(encoding="utf-8").strip("\n") if path is not None and path.is_file() else ""

    return SLOT.sub(replace, markdown)
