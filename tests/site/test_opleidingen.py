"""The training-only academy (examples/aanbieder-opleidingen.toml): one registration number, three trainings
described by dienst, onderwerp and thema, nothing on IT security. Its site builds from its file alone, shows the right
rates, and names no pentest, security audit, nor the default provider or its numbers."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest
from site_helpers import Page, built_pages, plain

from build_scripts import aanbieder
from calculator import overzicht
from calculator.formatting import percent
from calculator.parameters import load
from tests.example_provider import ACADEMY_FILE, BUILD_DATE, DEFAULT_PROVIDER_WORDS, academy_site

pytestmark = pytest.mark.slow

SECURITY_WORDS = ("pentest", "security audit", "securityaudit", "softwarelicentie", "ontwikkelingsopdracht")


@pytest.fixture(scope="module")
def academy() -> Path:
    return academy_site()


@pytest.fixture(scope="module")
def academy_pages(academy: Path) -> dict[str, Page]:
    return {str(page.path.relative_to(academy)): page for page in built_pages(academy)}


def _cards(academy: Path) -> dict[str, str]:
    html = (academy / "diensten" / "index.html").read_text(encoding="utf-8")
    found = re.findall(r'<h3 id="aanbod-\d+">(.*?)</h3>.*?data-subsidieerbaar="true">(.*?)</p>', html, re.DOTALL)
    return {unescape(name): plain(unescape(re.sub(r"<[^>]+>", "", status))) for name, status in found}


def test_the_cards_show_each_training_at_its_rate(academy: Path) -> None:
    cards = _cards(academy)
    assert set(cards) == {
        "Excel voor boekhouders",
        "Financiële geletterdheid voor zaakvoerders",
        "Energiebesparing in uw kantoor",
    }
    assert "45 %" in cards["Energiebesparing in uw kantoor"]
    assert "35 %" in cards["Energiebesparing in uw kantoor"]
    for name in ("Excel voor boekhouders", "Financiële geletterdheid voor zaakvoerders"):
        assert "30 %" in cards[name]
        assert "20 %" in cards[name]


def test_the_calculator_lists_the_academys_trainings_and_no_named_kind(academy: Path) -> None:
    html = (academy / "rekenmodule" / "index.html").read_text(encoding="utf-8")
    select = html[html.index('name="services-1-soort"') :]
    select = select[: select.index("</select>")]
    values = [unescape(value) for value in re.findall(r'value="([^"]*)"', select)]
    names = [unescape(name) for name in re.findall(r">([^<]+)</option>", select)]
    assert {"Excel voor boekhouders", "Energiebesparing in uw kantoor"} <= set(names)
    assert not {"pentest", "security_audit", "software_license", "development"} & set(values)


def test_only_the_training_number_is_printed(academy_pages: dict[str, Page]) -> None:
    for name in ("index.html", "procedure/index.html", "contact/index.html"):
        text = academy_pages[name].text
        assert "DV.O000001" in text, name
        assert not re.search(r"DV\.A\d", text), name  # the glossary's general "DV.A…" is no number


def test_the_home_page_does_not_speak_as_an_it_security_firm(academy_pages: dict[str, Page]) -> None:
    home = academy_pages["index.html"]
    assert "cybersecurity" not in home.title.lower()
    assert "steun voor opleiding" in home.title


def test_no_page_names_a_security_service_or_the_default_provider(academy: Path) -> None:
    words = (*SECURITY_WORDS, *DEFAULT_PROVIDER_WORDS)
    pattern = re.compile("|".join(re.escape(word) for word in words), re.IGNORECASE)
    problems = []
    for path in sorted(academy.rglob("*.html")):
        text = plain(unescape(re.sub(r"<[^>]+>", " ", path.read_text(encoding="utf-8"))))
        problems += [
            f"{path.relative_to(academy)}: …{text[max(0, m.start() - 60) : m.end() + 20]}…"
            for m in pattern.finditer(text)
        ]
    assert not problems, "\n".join(problems[:30])


def test_the_home_pages_highest_rate_is_that_of_the_offer(academy_pages: dict[str, Page]) -> None:
    rules = load()
    offer = aanbieder.load(rules.classificatie, ACADEMY_FILE).aanbod
    highest = overzicht.hoogste_tarief_van((service.soort for service in offer), BUILD_DATE, rules)
    assert highest is not None
    assert f"tot {plain(percent(highest))} steun" in academy_pages["index.html"].text


def test_the_academy_file_is_the_one_built() -> None:
    assert "fictief" in ACADEMY_FILE.read_text(encoding="utf-8")


def test_how_much_opens_with_the_rate_of_the_academys_own_offer(academy_pages: dict[str, Page]) -> None:
    text = academy_pages["index.html"].text
    section = text[text.index("Hoeveel?") :]
    first = re.search(r"(Opleiding|Advies) over [^:]+:", section)
    assert first is not None
    assert first.group(0) == "Opleiding over energie-efficiëntie:"
    assert section.index("Opleiding over energie-efficiëntie") < section.index("cybersecurity")


def test_the_academys_pages_speak_of_training_only(academy_pages: dict[str, Page]) -> None:
    """A training-only provider: its steps, contact page and answers speak of its training and its one number; the
    advice sections (the advice-only-on-cybersecurity change, the question on other advice) are not on its site."""
    for name in ("index.html", "procedure/index.html", "contact/index.html"):
        text = academy_pages[name].text
        assert "Spreek de opleiding met ons af" in text, name
        assert "ons registratienummer" in text, name
        assert "het advies" not in text.replace("de eerste dag van het advies", ""), name
    assert "wat een opleiding bij" in academy_pages["contact/index.html"].text
    services = academy_pages["diensten/index.html"]
    assert not {"advies", "niet"} & services.ids
    assert "advies dat niet over cybersecurity" not in academy_pages["vragen/index.html"].text
    assert "Welke diensten van" not in academy_pages["steun/index.html"].text  # none of them is on cybersecurity
