"""The provider's own content (build_scripts/eigen_inhoud.py): a folder the provider file names, whose texts fill the
places the kit's pages keep for them and whose worked examples replace the kit's. What is one provider's (Jimber's
pentest and security audit) is in its folder, never in the kit's pages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from build_scripts import aanbieder, eigen_inhoud
from build_scripts.errors import BuildError
from calculator.parameters import load

ROOT = Path(__file__).resolve().parents[2]
CLASSIFICATION = load().classificatie
KIT_SOURCES = ("docs", "docs_includes", "build_scripts/voorbeelden.toml", "build_scripts/siteteksten.py")
ONE_PROVIDERS_WORDS = re.compile(r"pentest|security ?audit|jimber|DV\.[AO]2", re.IGNORECASE)


def _kit_files() -> list[Path]:
    found: list[Path] = []
    for name in KIT_SOURCES:
        path = ROOT / name
        found += sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
    return found


def test_the_kits_pages_and_examples_name_no_providers_service() -> None:
    offenders = [
        f"{path.relative_to(ROOT)}: {match.group(0)}"
        for path in _kit_files()
        for match in ONE_PROVIDERS_WORDS.finditer(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_the_default_providers_own_content_is_in_its_folder() -> None:
    provider = aanbieder.load(CLASSIFICATION, ROOT / "aanbieder.toml")
    assert provider.inhoud == ROOT / "aanbieder"
    own = "\n".join(path.read_text(encoding="utf-8") for path in sorted(provider.inhoud.iterdir()))
    assert "pentest" in own.lower()
    assert "security audit" in own.lower()


def test_every_slot_is_kept_by_one_page_and_every_page_slot_is_known() -> None:
    used: dict[str, list[str]] = {}
    for page in sorted((ROOT / "docs").rglob("*.md")):
        for slot in eigen_inhoud.SLOT.findall(page.read_text(encoding="utf-8")):
            used.setdefault(slot, []).append(page.name)
    assert set(used) == set(eigen_inhoud.PLAATSEN)
    assert all(len(pages) == 1 for pages in used.values()), used


def test_a_slot_shows_the_folders_text_or_nothing(tmp_path: Path) -> None:
    page = "# Diensten\n\n<!-- kmo:eigen diensten -->\n\nEinde\n"
    (tmp_path / "diensten.md").write_text("## Onze audit\n\nTekst.\n", encoding="utf-8")
    assert eigen_inhoud.expand(page, "diensten.md", tmp_path) == "# Diensten\n\n## Onze audit\n\nTekst.\n\nEinde\n"
    assert eigen_inhoud.expand(page, "diensten.md", None) == "# Diensten\n\n\n\nEinde\n"
    assert eigen_inhoud.expand(page, "diensten.md", tmp_path / "leeg") == "# Diensten\n\n\n\nEinde\n"


def test_an_unknown_slot_fails_the_build() -> None:
    with pytest.raises(BuildError, match="kmo:eigen prijzen: a slot is one of diensten"):
        eigen_inhoud.expand("<!-- kmo:eigen prijzen -->\n", "index.md", None)


def _provider_text(folder: str) -> str:
    text = (ROOT / "examples" / "aanbieder-opleidingen.toml").read_text(encoding="utf-8")
    return text.replace("[registratienummers]", f'inhoud = "{folder}"\n\n[registratienummers]', 1)


def test_the_folder_must_exist_and_hold_only_what_the_site_shows(tmp_path: Path) -> None:
    with pytest.raises(aanbieder.AanbiederError, match=r"inhoud: .* is not a folder"):
        aanbieder.parse(_provider_text("eigen"), tmp_path / "a.toml", CLASSIFICATION)
    (tmp_path / "eigen").mkdir()
    (tmp_path / "eigen" / "dienst.md").write_text("Tekst\n", encoding="utf-8")
    with pytest.raises(aanbieder.AanbiederError) as error:
        aanbieder.parse(_provider_text("eigen"), tmp_path / "a.toml", CLASSIFICATION)
    assert "'dienst.md' in eigen/ is not a file the site shows; allowed: diensten.md, vragen-kosten.md" in str(
        error.value
    )
    (tmp_path / "eigen" / "dienst.md").rename(tmp_path / "eigen" / "diensten.md")
    read = aanbieder.parse(_provider_text("eigen"), tmp_path / "a.toml", CLASSIFICATION)
    assert read.inhoud == tmp_path / "eigen"
