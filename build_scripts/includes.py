"""A text several pages show, written once in ``docs_includes/`` and included with ``--8<-- "name.md"`` on a line of
its own, is put into the page before the markers are filled in: its figures, its ``kmo:als`` blocks and its
glossary terms then work as in the page itself (pymdownx.snippets, which would include it later, after the markers,
finds nothing left to do).
"""

from __future__ import annotations

import re
from pathlib import Path

from build_scripts.errors import BuildError

FOLDER = Path(__file__).parent.parent / "docs_includes"
INCLUDE = re.compile(r'^([ \t]*)--8<--[ \t]+"([^"]+)"[ \t]*$', re.MULTILINE)


def expand(markdown: str, where: str, folder: Path = FOLDER) -> str:
    """``markdown`` with each include line replaced by the file it names, indented as the line was."""

    def replace(match: re.Match[str]) -> str:
        indent, name = match.groups()
        path = folder / name
        if not path.is_file() or path.parent != folder:
            raise BuildError(f"{where}: --8<-- names {name!r}, which is not a file of {folder.name}/")
        text = path.read_text(encoding="utf-8").rstrip("\n")
        return "\n".join(f"{indent}{line}" if line else line for line in text.splitlines())

    return INCLUDE.sub(replace, markdown)
