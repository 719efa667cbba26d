"""A provider file with problems (build_scripts/aanbieder.py): every problem at once, each with the key and the fix,
a colour without contrast with a passing colour of its hue suggested, and a build that stops before building anything
and prints them without a traceback."""

from __future__ import annotations

import colorsys
import os
import re
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from site_helpers import ROOT

from build_scripts import aanbieder, huisstijl
from calculator.parameters import load
from tests.example_provider import default_provider_text

CLASSIFICATION = load().classificatie
DEFAULT = default_provider_text()


def parse(text: str) -> aanbieder.Aanbieder:
    return aanbieder.parse(text, Path("proef.toml"), CLASSIFICATION)


def test_every_problem_of_the_file_is_reported_at_once() -> None:
    changed = (
        DEFAULT.replace('naam = "Jimber"', 'kleur = "rood"')
        .replace('advies = "DV.A242438"', 'advies = "DV.X"')
        .replace('soort = "pentest"', 'soort = "hacking"')
        .replace('link = "#1f4f82"', 'link = "#9fc5e8"')
    )
    with pytest.raises(aanbieder.AanbiederError) as error:
        parse(changed)
    message = str(error.value)
    assert message.startswith("proef.toml: 5 problems to fix:")
    for part in ("unknown key(s) kleur", "missing key(s) naam", "registratienummers.advies", "huisstijl.link"):
        assert part in message
    assert "unknown kind 'hacking'; choose one of security_audit, " in message, "the allowed kinds are listed"
    assert "no registration number for advies" not in message, "a bad number is one problem, not two"


@pytest.mark.parametrize("colour", ["#9fc5e8", "#ff0000", "#ffff00", "#cccccc"])
def test_a_colour_without_contrast_gets_a_passing_colour_of_its_hue(colour: str) -> None:
    with pytest.raises(aanbieder.AanbiederError) as error:
        parse(DEFAULT.replace('accent = "#9c2b1e"', f'accent = "{colour}"'))
    found = re.search(r"such as (#[0-9a-f]{6})", str(error.value))
    assert found, str(error.value)
    suggested = found.group(1)
    assert huisstijl.contrast(suggested, huisstijl.WHITE) >= huisstijl.MIN_CONTRAST
    assert huisstijl.contrast(suggested, huisstijl.WHITE) < huisstijl.MIN_CONTRAST + Decimal("0.3"), "the nearest"
    hue, _, saturation = colorsys.rgb_to_hls(*(int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)))
    new_hue, _, new_saturation = colorsys.rgb_to_hls(*(int(suggested[i : i + 2], 16) / 255 for i in (1, 3, 5)))
    if saturation:
        assert abs(new_hue - hue) < 0.01, (colour, suggested)
    assert abs(new_saturation - saturation) < 0.05, (colour, suggested)
    assert suggested == huisstijl.passing_colour(suggested), "a passing colour is its own suggestion"


def test_the_build_lists_the_problems_without_a_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "slecht.toml"
    bad.write_text(DEFAULT.replace('soort = "pentest"', 'soort = "hacking"').replace("#17324d", "#9fc5e8"))
    result = subprocess.run(
        [sys.executable, "-m", "build_scripts.build_site", "--site-dir", str(tmp_path / "site")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        env=os.environ | {"KMO_AANBIEDER": str(bad)},
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "2 problems to fix" in result.stderr
    assert "unknown kind 'hacking'" in result.stderr
    assert "huisstijl.primair" in result.stderr
    assert not (tmp_path / "site").exists(), "nothing is built"
