"""The information site: a strict build, complete navigation, no broken link, no other host, every topic the site must cover."""

from __future__ import annotations

import dataclasses
import html as html_module
import json
import re
import shutil
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
import site_checks
from site_helpers import PROSPECT_PAGES, RATE_FIGURES, ROOT, Page, build, build_at, built_pages

from build_scripts import markers, voorbeelden
from build_scripts.aanbieder import Contact
from build_scripts.errors import BuildError
from build_scripts.site_build import build_day
from calculator.dated import Begin, Eenheid
from calculator.formatting import euro, long_date, percent
from calculator.parameters import load

DOCS = ROOT / "docs"


def text_of(site_dir: Path, page: str) -> str:
    return next(p.text for p in built_pages(site_dir) if p.path == site_dir / page)


@pytest.mark.slow
def test_the_strict_build_passes(tmp_path: Path) -> None:
    result = build(tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "site" / "index.html").is_file()


def test_every_page_is_in_the_navigation_or_linked_where_it_belongs(pages: dict[str, Page], site: Path) -> None:
    site_checks.check_every_page_is_in_the_navigation_or_linked_where_it_belongs(pages, site)


def test_no_internal_link_is_broken_anchors_included(site: Path, pages: dict[str, Page]) -> None:
    site_checks.check_no_internal_link_is_broken_anchors_included(site, pages)


def test_no_script_style_font_image_or_frame_comes_from_another_host(site: Path, pages: dict[str, Page]) -> None:
    site_checks.check_no_script_style_font_image_or_frame_comes_from_another_host(site, pages)


def test_pages_are_dutch_with_a_description_and_a_title(pages: dict[str, Page]) -> None:
    site_checks.check_pages_are_dutch_with_a_description_and_a_title(pages)


def test_the_sitemap_lists_every_page(site: Path, pages: dict[str, Page]) -> None:
    site_checks.check_the_sitemap_lists_every_page(site, pages)


def test_a_dutch_404_page(pages: dict[str, Page]) -> None:
    site_checks.check_a_dutch_404_page(pages)


def test_no_marker_is_left_and_no_figure_is_typed_in_the_markdown() -> None:
    """Figures come from the data: the Markdown outside the markers holds none of the data's values."""
    rules = load()
    forms: set[str] = set()
    for parameter in rules:
        for value in parameter.values:
            if isinstance(value.value, bool):
                continue
            if parameter.eenheid is Eenheid.PERCENT:
                forms |= {percent(value.value).replace("\u00a0", " "), f"{value.value}%", f"{value.value} procent"}
            elif parameter.eenheid is Eenheid.EURO:
                forms |= {
                    euro(value.value, cents=False).replace("\u00a0", " "),
                    f"{euro(value.value, cents=False)[2:]} euro",
                }
            elif parameter.eenheid is Eenheid.VTE:
                forms.add(f"{value.value} VTE")
            elif parameter.eenheid is Eenheid.KALENDERDAGEN:
                forms.add(f"{value.value} kalenderdagen")
    for source in DOCS.rglob("*.md"):
        text = markers.MARKER.sub("", source.read_text(encoding="utf-8"))
        for form in forms:
            assert form not in text, f"{source.name} types the figure '{form}': use a kmo marker"


def test_each_figure_has_its_source_and_start_in_the_closing_sources_section(site: Path) -> None:
    """Sources are listed at the end of the page, not marked in the text: the source of each kmo:figuur is in the
    page's closing "Bronnen" list, which says from when the value applies, unless its date is only the start of the
    modelled period (then no date: it would read as a start)."""
    rules = load()
    today = build_day()
    checked = 0
    for source in DOCS.rglob("*.md"):
        page_name = "index.html" if source.name == "index.md" else f"{source.stem}/index.html"
        listed = sources_of(site / page_name)
        markdown = source.read_text(encoding="utf-8")
        names = re.findall(r"<!--\s*kmo:figuur\s+(\S+)\s*-->", markdown)
        if "kmo:tarieven" in markdown:  # the generated table of today's rates and caps
            names += [name for name in TABLE_FIGURES if rules[name].applies_on(today)]
        for name in names:
            value = rules[name].at(today)
            matching = [text for href, text in listed if href == value.bron.href]
            assert matching, f"{page_name}: the sources section does not list the source of {name}"
            if value.begin is Begin.MODELSTART:
                assert any("Van toepassing" not in text for text in matching), f"{page_name}: {name}"
            else:
                assert any(long_date(value.start) in text for text in matching), f"{page_name}: {name} start"
            checked += 1
    assert checked >= 12
    for page in (site / "index.html", *site.glob("*/index.html")):
        text = page.read_text(encoding="utf-8")
        assert "(bron:" not in text, f"{page}: an inline source bracket"
        assert "; bron:" not in text, f"{page}: an inline source bracket"
        assert "sinds 1 april 2016" not in text.replace("\u00a0", " "), f"{page}: the modelling start as a start"


TABLE_FIGURES = (*RATE_FIGURES, "steunplafond.klein", "steunplafond.middelgroot")  # the cells of kmo:tarieven


def sources_of(page: Path) -> list[tuple[str, str]]:
    """(source link, its line's text) for each source of a page's closing sources section."""
    html = page.read_text(encoding="utf-8")
    block = re.search(r'<div class="kmo-bronnen">(.*?)</div>', html, re.DOTALL)
    if block is None:
        return []
    listed = []
    for item in re.findall(r"<li>(.*?)</li>", block.group(1), re.DOTALL):
        href = re.search(r'href="(https://[^"]+)"', item)
        text = html_module.unescape(re.sub(r"<[^>]+>", "", item))
        listed.append((href.group(1) if href else "", " ".join(text.replace("\u00a0", " ").split())))
    return listed


def test_sources_sit_under_one_heading_at_the_end_of_the_page_and_say_what_they_confirm(site: Path) -> None:
    for page in PROSPECT_PAGES:
        html = (site / page).read_text(encoding="utf-8")
        assert html.count('id="bronnen"') == 1, page
        heading = html.index('id="bronnen"')
        listed = html.index('<div class="kmo-bronnen">')
        assert heading < listed, page
        body = html[: html.index("</article>")]
        assert body.rindex("<h2") <= heading, f"{page}: a section after the sources"
        assert sources_of(site / page), f"{page}: no source listed"
        for href, text in sources_of(site / page):
            assert href, f"{page}: {text} (a link)"
            assert ": " in text, f"{page}: {text} (a link, then what it confirms)"


REQUIRED_TOPICS = {
    # topic: (page, phrases that must all be there)
    "registered provider with both numbers": (
        "index.html",
        ["geregistreerde dienstverlener", "DV.A242438", "DV.O242439"],
    ),
    "what the kmo-portefeuille is": ("index.html", ["financiële steun", "kwaliteit van uw onderneming verbeteren"]),
    "contact call to action": ("index.html", ["Contacteer ons!"]),
    "condition: SME or liberal profession": ("voorwaarden/index.html", ["Europese kmo-definitie", "vrij beroep"]),
    "condition: legal form": ("voorwaarden/index.html", ["aanvaardbare rechtsvorm"]),
    "condition: Flemish Region and workers": ("voorwaarden/index.html", ["Vlaams Gewest", "werkenden in uw bedrijf"]),
    "condition: private sector below 25 %": ("voorwaarden/index.html", ["privésector", "minder dan 25 %"]),
    "condition: main activity": ("voorwaarden/index.html", ["aanvaardbare hoofdactiviteit", "NACE-BEL"]),
    "a vzw or large firm only as a recognised maatwerkbedrijf": (
        "voorwaarden/index.html",
        ["Een vzw en een grote onderneming komen niet in aanmerking", "erkend maatwerkbedrijf"],
    ),
    "most recent info on conditions": ("voorwaarden/index.html", ["meest actuele informatie"]),
    "cybersecurity rate, small and medium": ("steun/index.html", ["45 %", "35 %", "cybersecurity"]),
    "support depends on size": ("steun/index.html", ["afhankelijk van de grootte van uw onderneming"]),
    "today's rates and cap": ("steun/index.html", ["30 %", "20 %", "€ 7.500"]),
    "the 2016 figures in the history": (
        "geschiedenis/index.html",
        ["40 %", "€ 10.000", "€ 15.000", "1 april 2016"],
    ),
    "personal maximum or budget exhausted": ("steun/index.html", ["persoonlijke maximum", "budget"]),
    "size criteria": ("grootte/index.html", ["aantal werknemers", "omzet", "balanstotaal"]),
    "size thresholds": (
        "grootte/index.html",
        ["minder dan 50 VTE", "€ 10.000.000", "minder dan 250 VTE", "€ 50.000.000", "€ 43.000.000"],
    ),
    "what a VTE is": ("grootte/index.html", ["voltijdsequivalent", "twee halftijdse"]),
    "National Bank data": ("grootte/index.html", ["Nationale Bank van België"]),
    "size fixed for the calendar year": (
        "grootte/index.html",
        ["eerste goedgekeurde aanvraag van het kalenderjaar", "vast"],
    ),
    "groups": ("grootte/index.html", ["deel uit van een groep", "Verbonden ondernemingen", "Partnerondernemingen"]),
    "eligible services": (
        "diensten/index.html",
        [
            "Security audit",
            "Pentest",
            "Advies over cybersecurity",
            "Opleiding over cybersecurity",
            "Opleiding over software",
            "IT-opleiding op maat",
        ],
    ),
    "not eligible services": ("diensten/index.html", ["Softwarelicentie", "development"]),
    "advice only cybersecurity since 2026": ("diensten/index.html", ["1 februari 2026", "enkel nog"]),
    "log in with eID, itsme or a security code": (
        "procedure/index.html",
        ["gemachtigde", "e-loket kmo-portefeuille", "eID", "kaartlezer", "itsme", "beveiligingscode", "KBO"],
    ),
    "the federal token only as history": ("procedure/index.html", ["federaal token. Dat kan niet meer"]),
    "the deposit deadline runs from the provider's confirmation": (
        "procedure/index.html",
        ["Na de bevestiging door de dienstverlener stort u uw eigen aandeel", "harde termijn", "vervalt uw aanvraag"],
    ),
    "register the enterprise": ("procedure/index.html", ["registreert u uw onderneming"]),
    "the provider confirms the application": ("procedure/index.html", ["De dienstverlener controleert uw aanvraag"]),
    "apply before the start": ("procedure/index.html", ["al aanvragen vóór de start"]),
    "attendance lists for training": ("procedure/index.html", ["aanwezigheidslijst", "bij elke les"]),
    "VAT paid directly": ("steun/index.html", ["btw", "rechtstreeks aan de dienstverlener"]),
    "pay the invoice from the wallet": ("procedure/index.html", ["factuur", "via de kmo-portefeuille"]),
    "the e-loket and VLAIO's page": ("procedure/index.html", ["e-loket kmo-portefeuille", "VLAIO"]),
    "agreement before applying": ("procedure/index.html", ["overeenkomst", "geregistreerde dienstverlener"]),
    "14 calendar days": ("procedure/index.html", ["14 kalenderdagen", "aanvang van de prestaties"]),
    "deposit own share and pay provider": (
        "procedure/index.html",
        ["eigen aandeel", "betaalt u de factuur", "aan de dienstverlener te betalen"],
    ),
}


@pytest.mark.parametrize("topic", REQUIRED_TOPICS, ids=list(REQUIRED_TOPICS))
def test_each_required_topic_is_on_the_site(topic: str, pages: dict[str, Page]) -> None:
    page_name, phrases = REQUIRED_TOPICS[topic]
    text = pages[page_name].text
    for phrase in phrases:
        assert phrase in text, f"{page_name}: '{phrase}' missing ({topic})"


@pytest.mark.slow
def test_changing_a_figure_in_the_data_changes_every_page_that_shows_it(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(ROOT / "calculator" / "data", data)
    parameters = data / "parameters.toml"
    original = parameters.read_text(encoding="utf-8")
    # Add a new dated value to the small cap: today's pages must show it, with its own date and source.
    text = original.replace(
        "[steunplafond.middelgroot]",
        '[[steunplafond.klein.waarden]]\nvanaf = 2026-06-01\nwaarde = 8250\nbron = "testbron"\n\n[steunplafond.middelgroot]',
        1,
    )
    assert text != original, "the edit must change the data"
    parameters.write_text(text, encoding="utf-8")
    sources = data / "bronnen.toml"
    sources.write_text(
        sources.read_text(encoding="utf-8")
        + '\n[testbron]\ntitel = "Testbron"\nlink = "https://example.org/testbron"\n',
        encoding="utf-8",
    )
    result = build(tmp_path / "site", env={"KMO_RULES_DATA_DIR": str(data), "KMO_BUILD_DATE": "2026-11-27"})
    assert result.returncode == 0, result.stderr
    home = text_of(tmp_path / "site", "index.html")
    assert "tot € 8.250" in home  # the landing block's "up to" figure
    notes = sources_of(tmp_path / "site" / "steun" / "index.html")
    assert ("https://example.org/testbron", "Testbron. Voor aanvragen vanaf 1 juni 2026.") in notes
    history = text_of(tmp_path / "site", "geschiedenis/index.html")
    assert "€ 8.250 (klein), € 7.500 (middelgroot)" in history
    # The same build publishes the changed figure as open data: in the rules file and in the feed.
    rules = json.loads((tmp_path / "site" / "open-data" / "kmo-portefeuille-regels.json").read_text(encoding="utf-8"))
    small_cap = next(p for p in rules["parameters"] if p["naam"] == "steunplafond.klein")
    assert {"vanaf": "2026-06-01", "begin": "bekend", "waarde": 8250, "bron": "testbron"} in small_cap["waarden"]
    feed = (tmp_path / "site" / "wijzigingen.xml").read_text(encoding="utf-8")
    assert "steunplafond.klein@2026-06-01" in feed
    assert "8.250" in feed
    assert "1 juni 2026" in history
    # The medium cap did not change: its source still says from when its value applies.
    assert any(text.startswith("VLAIO, Hoeveel subsidies") and "1 januari 2020" in text for _, text in notes)


def test_a_marker_for_a_figure_that_does_not_exist_yet_fails_instead_of_guessing() -> None:
    # A page that shows the cybersecurity rate outside a kmo:als block cannot be built for 2018, when that rate
    # did not exist: no silent default.
    build_2018 = build_at(date(2018, 6, 1))
    with pytest.raises(BuildError, match="has no value on 2018-06-01"):
        markers.render(build_2018, "<!-- kmo:waarde steunpercentage.cybersecurity.klein -->", "test.md")
    chosen = markers.render(
        build_2018,
        "<!-- kmo:als verhoogd_cybersecurity -->A <!-- kmo:waarde "
        "steunpercentage.cybersecurity.klein --><!-- kmo:anders -->B<!-- kmo:einde -->",
        "test.md",
    )
    assert chosen.strip() == "B"


def test_conditional_blocks_refuse_nesting_and_strays() -> None:
    build = build_at(date(2026, 11, 27))
    with pytest.raises(BuildError, match="nested"):
        markers.render(
            build,
            "<!-- kmo:als themas_beperkt -->a<!-- kmo:als themas_beperkt -->b<!-- kmo:einde --><!-- kmo:einde -->",
            "test.md",
        )
    with pytest.raises(BuildError, match="without its block"):
        markers.render(build, "a <!-- kmo:einde -->", "test.md")
    # A condition names a question the package answers, never a figure of the data.
    with pytest.raises(BuildError, match="a condition is one of verhoogd_cybersecurity"):
        markers.render(build, "<!-- kmo:als diensten.themas_beperkt -->a<!-- kmo:einde -->", "test.md")
    with pytest.raises(BuildError, match="not a known start date"):
        markers.render(build, "<!-- kmo:sinds procedure.aanvraagtermijn -->", "test.md")
    with pytest.raises(BuildError, match="cannot be used here"):
        markers.render(build, "<!-- kmo:figuur steunplafond.klein -->", "description", notes=False)


def test_a_block_can_depend_on_the_provider_file() -> None:
    """kmo:aanbieder-als NAME: the default provider gives no price and no e-mail, contact page or phone; its offer
    has advice and training. A provider block is chosen first, so it may hold a block on the rules."""
    build = build_at(date(2026, 11, 27))
    assert not any(service.prijs_vanaf for service in build.provider.aanbod)
    text = "<!-- kmo:aanbieder-als prijzen -->P<!-- kmo:aanbieder-anders -->G<!-- kmo:aanbieder-einde -->"
    assert markers.render(build, text, "test.md").strip() == "G"
    priced = dataclasses.replace(build.provider.aanbod[0], prijs_vanaf=Decimal("800"))
    with_price = dataclasses.replace(build, provider=dataclasses.replace(build.provider, aanbod=(priced,)))
    assert markers.render(with_price, text, "test.md").strip() == "P"
    unreachable = "<!-- kmo:aanbieder-als-niet bereikbaar -->W<!-- kmo:aanbieder-einde -->"
    assert markers.render(build, unreachable, "t.md").strip() == "W"
    reachable = dataclasses.replace(
        build, provider=dataclasses.replace(build.provider, contact=Contact(telefoon="+32 9 000 00 00"))
    )
    assert not markers.render(reachable, unreachable, "t.md")
    nested = (
        "<!-- kmo:aanbieder-als advies -->A<!-- kmo:als-niet advies_ander_onderwerp -->C<!-- kmo:einde -->"
        "<!-- kmo:aanbieder-einde -->"
    )
    assert markers.render(build, nested, "t.md").strip() == "AC"
    training_only = tuple(s for s in build.provider.aanbod if s.soort.dienst.value == "opleiding")
    academy = dataclasses.replace(build, provider=dataclasses.replace(build.provider, aanbod=training_only))
    assert markers.render(academy, nested, "t.md").strip() == ""
    for wrong, message in (
        ("<!-- kmo:aanbieder-als onbekend -->x<!-- kmo:aanbieder-einde -->", "a condition on the provider is one of"),
        ("<!-- kmo:als aanbieder.prijzen -->x<!-- kmo:einde -->", "a condition is one of verhoogd_cybersecurity"),
        ("<!-- kmo:aanbieder-als prijzen -->x", "kmo:aanbieder-als without its block"),
    ):
        with pytest.raises(BuildError, match=message):
            markers.render(build, wrong, "test.md")


def test_a_worked_example_names_the_price_and_the_start_its_table_builds_on() -> None:
    service = {"eligible": True}
    voorbeelden._check_story("Begint op {start} en kost {prijs}.", service, "steun/x")
    voorbeelden._check_story("Kost {prijs}.", {"eligible": False}, "procedure/x")
    with pytest.raises(BuildError, match=r"must name \{start\}"):
        voorbeelden._check_story("Kost {prijs}.", service, "steun/x")
    with pytest.raises(BuildError, match=r"must name \{prijs\}"):
        voorbeelden._check_story("Begint op {start}.", {"eligible": False}, "procedure/x")


def test_an_unknown_marker_fails_the_build(tmp_path: Path) -> None:
    today = build_at(build_day())
    with pytest.raises(BuildError, match="unknown marker kmo:onbekend"):
        markers.render(today, "x <!-- kmo:onbekend a -->", "test.md")
    with pytest.raises(BuildError, match="malformed"):
        markers.render(today, "x <!-- kmo waarde steunpercentage.klein -->", "test.md")
    docs = tmp_path / "docs"
    shutil.copytree(DOCS, docs)
    (docs / "steun.md").write_text((docs / "steun.md").read_text() + "\n<!-- kmo:waarde steunpercentage.reus -->\n")
    result = build(tmp_path / "site", docs_dir=docs)
    assert result.returncode != 0
    assert "unknown figure 'steunpercentage.reus'" in result.stderr


def test_no_page_says_what_is_no_longer_true(pages: dict[str, Page], site: Path) -> None:
    """The token is history, advice is no longer 'strategic', the deposit is not 'about' 30 days, and the page
    does not claim that figures never leave the computer while they are in the address."""
    for name, page in pages.items():
        assert "Strategisch advies" not in page.text, name
        assert "verlaten uw computer niet" not in page.text, name
        assert "binnen ongeveer" not in page.text, name
        for sentence in re.split(r"(?<=[.!?])\s", page.text):
            if "token" in sentence:
                assert "Vroeger" in sentence or "token werkt" in sentence or "tokens" in sentence, f"{name}: {sentence}"
    html = (site / "procedure" / "index.html").read_text(encoding="utf-8")
    description = re.search(r'<meta name="description" content="([^"]*)"', html)
    assert description is not None
    assert "token" not in description.group(1)
    assert "itsme" in description.group(1)
