"""The page's scripts hold no copy of the package's logic or text (issue: "no month names, euro formatting, size or
condition labels, 'vijf voorwaarden', row limits or 'today' in JavaScript"), and each module has one job."""

from __future__ import annotations

import re
from pathlib import Path

from calculator.formatting import MONTHS
from calculator.parameters import load
from calculator.teksten import GROOTTE_LABELS, VOORWAARDE_LABELS

FRONTEND = Path(__file__).resolve().parents[2] / "frontend"
MODULES = sorted(FRONTEND.glob("*.mjs"))


def _code(path: Path) -> str:
    """The script without its comments (a comment may name what the code must not do)."""
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.DOTALL)
    return "\n".join(re.sub(r"(^|\s)//.*$", "", line) for line in text.splitlines())


def test_the_page_is_split_into_small_modules_with_one_job() -> None:
    names = {path.name for path in MODULES}
    assert {"calculator-page.mjs", "runtime-client.mjs", "form-state.mjs", "render.mjs"} <= names
    for path in MODULES:
        lines = path.read_text(encoding="utf-8").count("\n")
        assert lines <= 330, f"{path.name} has {lines} lines"


def test_no_script_copies_a_text_label_or_format_of_the_package() -> None:
    classification = load().classificatie
    forbidden = [
        *MONTHS,
        *VOORWAARDE_LABELS.values(),
        *(kind.label for kind in classification.dienstsoorten.values()),
        *(form.label for form in classification.rechtsvormen.values()),
        "voorwaarden",
        "€",
        "kleine onderneming",
        "middelgrote onderneming",
    ]
    for path in MODULES:
        code = _code(path)
        for text in forbidden:
            assert text.lower() not in code.lower(), f"{path.name} holds {text!r}: take it from the answer or the page"
        for label in GROOTTE_LABELS.values():
            assert f'"{label}"' not in code, f"{path.name} holds the size label {label!r}"
        assert not re.search(r"new Date\(|toLocale|Intl\.", code), f"{path.name} formats dates or numbers itself"
        assert not re.search(r"\b64\b", code), f"{path.name} types the row limit: read it from the page"


def test_no_script_holds_dutch_sentences() -> None:
    """Every word the page shows comes from the answer or from the page's template: the scripts hold none."""
    dutch = re.compile(
        r"[\"'`][^\"'`\n]*\b(?:de|het|een|uw|niet|wordt|kon|rekenmodule)\b[^\"'`\n]*[\"'`]", re.IGNORECASE
    )
    for path in MODULES:
        found = dutch.findall(_code(path))
        assert not found, f"{path.name}: {found}"
