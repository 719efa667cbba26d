"""Outside the package, the rules are asked, never read: build scripts, pages, templates and the page scripts hold no
figure's name, except inside a marker that places that figure's value or its source on a page (``<!-- kmo:figuur
NAME -->``, ``kmo:waarde``, ``kmo:tot``, ``kmo:eerste``, ``kmo:bron-van``)."""

from __future__ import annotations

import re
from pathlib import Path

from calculator.parameters import load

ROOT = Path(__file__).resolve().parents[2]
FOLDERS = ("build_scripts", "docs", "docs_includes", "frontend", "site_overrides", "aanbieder", "examples")
SUFFIXES = (".py", ".md", ".html", ".mjs", ".js", ".css", ".toml", ".json")
NAME = re.compile(r"[a-z_]+(?:\.[a-z_]+)+")
PLACING_MARKER = re.compile(r"<!--\s*kmo:(?:figuur|waarde|tot|eerste|bron|bron-van|sinds|vanaf)\s[^>]*-->")


def _offenders() -> list[str]:
    names = set(load().parameters)
    found = []
    for folder in FOLDERS:
        for path in sorted((ROOT / folder).rglob("*")):
            if path.suffix not in SUFFIXES or not path.is_file():
                continue
            text = PLACING_MARKER.sub("", path.read_text(encoding="utf-8"))
            for match in NAME.finditer(text):
                word = match.group(0)
                if word in names:
                    found.append(f"{path.relative_to(ROOT)}: {word}")
    return found


def test_no_figure_is_named_outside_the_package() -> None:
    assert _offenders() == []


def test_the_check_sees_a_figure_name() -> None:
    assert "steunplafond.klein" in set(load().parameters)
    assert NAME.fullmatch("steunplafond.klein")
    assert PLACING_MARKER.sub("", "<!-- kmo:figuur steunplafond.klein --> steunplafond.klein") == " steunplafond.klein"
