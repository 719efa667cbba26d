"""Pages written for a customer, not an auditor (issue 31): no source marked in the text of the pages a prospect
reads, one story of the steps shown the same wherever it is shown, each shared message once per page, and what a
buyer asks (the main services, what "klein" means, the advice minimum, VTE where the calculator asks for it)."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from site_helpers import PROSPECT_PAGES, build_at, content_pages, plain

from build_scripts.aanbiedergegevens import main_services
from build_scripts.site_build import build_day
from calculator.formatting import euro, long_date
from calculator.parameters import load

STEPS_SHOWN_ON = ("index.html", "procedure/index.html", "contact/index.html")


def article(path: Path) -> str:
    source = path.read_text(encoding="utf-8")
    return source[source.index("<article") : source.index("</article>")]


def body_text(path: Path) -> str:
    """The text a visitor reads: the article without its closing sources section and without the glossary's tooltips
    (they repeat a term's explanation, shown only on tap, Tab or hover)."""
    body = article(path)
    body = re.sub(r'<h2 id="bronnen".*', " ", body, flags=re.DOTALL)
    body = re.sub(r'<span class="kmo-term__haakje"> \(</span><span class="kmo-term__uitleg".*?\)</span>', "", body)
    body = re.sub(r"<(script|style|svg|template)\b.*?</\1>", " ", body, flags=re.DOTALL)
    return tidy(body)


def tidy(fragment: str) -> str:
    """A fragment's text in one line: tags as spaces, no space before a punctuation mark (an inline tag's end)."""
    text = plain(" ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split()))
    return re.sub(r" ([.,;:])", r"\1", text)


@pytest.mark.parametrize("page", PROSPECT_PAGES)
def test_no_footnote_marker_in_the_text_and_the_page_ends_with_its_sources(site: Path, page: str) -> None:
    text = article(site / page)
    assert 'class="footnote' not in text, f"{page}: a footnote"
    assert "fnref" not in text, f"{page}: a note reference"
    assert "[^" not in text, f"{page}: a note reference"
    assert not re.search(r"\[\d+\]", body_text(site / page)), f"{page}: a bracketed number in the text"
    assert text.rindex('<div class="kmo-bronnen">') > text.rindex("<h2"), f"{page}: the sources are not the end"


def test_no_doubt_about_the_sources_stands_in_the_body_text(site: Path) -> None:
    doubts = ("ten laatste sinds", "noemt geen", "spreken elkaar tegen", "elkaar tegen", "Eén pagina van VLAIO")
    for page in PROSPECT_PAGES:
        text = body_text(site / page)
        for doubt in doubts:
            assert doubt not in text, f"{page}: '{doubt}' in the body text"


def steps(path: Path) -> tuple[list[str], str]:
    """The step names (each step's bold start) and the whole text of the steps shown on a page."""
    block = re.search(r'<div class="kmo-stappen">(.*?)</div>', article(path), re.DOTALL)
    assert block is not None, f"{path}: no steps"
    without_tips = re.sub(
        r'<span class="kmo-term__haakje"> \(</span><span class="kmo-term__uitleg".*?\)</span>', "", block.group(1)
    )
    names = [
        html.unescape(re.sub(r"<[^>]+>", "", name)) for name in re.findall(r"<strong>(.*?)</strong>", without_tips)
    ]
    return names, tidy(without_tips)


def test_the_steps_are_one_story_shown_the_same_on_home_procedure_and_contact(site: Path) -> None:
    shown = {page: steps(site / page) for page in STEPS_SHOWN_ON}
    names, text = shown["index.html"]
    assert len(names) >= 5
    assert names[0].startswith("Meld u aan"), "the first log-in comes first: it can take days"
    assert "rechten voor uw onderneming" in text
    for page, (other_names, other_text) in shown.items():
        assert other_names == names, page
        assert other_text == text, page


def test_procedure_explains_each_step_under_its_name(site: Path) -> None:
    names, _ = steps(site / "procedure/index.html")
    headings = [
        " ".join(html.unescape(re.sub(r"<[^>]+>", "", h)).replace("¶", "").split())
        for h in re.findall(r"<h2[^>]*>(.*?)</h2>", article(site / "procedure/index.html"), re.DOTALL)
    ]
    for number, name in enumerate(names, start=1):
        assert f"{number}. {name.rstrip('.')}" in headings, (name, headings)


def test_each_shared_message_stands_at_most_once_on_a_page(site: Path) -> None:
    rules = load()
    change = rules["diensten.advies_ander_onderwerp.subsidieerbaar"].at(build_day())
    vat_pages, change_pages = [], []
    for name, path in content_pages(site).items():
        text = body_text(path)
        source = article(path)
        assert source.count('href="tel:1700"') <= 1, f"{name}: VLAIO's line twice"
        assert text.count("1700") <= 1, f"{name}: VLAIO's line twice"
        assert text.count("kmo-portefeuille@vlaanderen.be") <= 1, f"{name}: VLAIO's e-mail twice"
        if re.search(r"btw betaalt u rechtstreeks", text, re.IGNORECASE):
            vat_pages.append(name)
        told = [s for s in re.split(r"(?<=[.?!]) ", text) if long_date(change.start) in s and "dvies" in s]
        if name != "geschiedenis.md" and told:
            change_pages.append(name)
    assert vat_pages == ["steun.md"]
    if not change.value:  # advice on other subjects no longer qualifies: the change is told on one page
        assert change_pages == ["diensten.md"]


def test_the_home_page_speaks_to_the_buyer(site: Path) -> None:
    rules = load()
    day = build_day()
    text = body_text(site / "index.html")
    assert main_services(build_at(day)) in text, "the provider's main services, from its offer"
    for word in ("pentest", "security audit", "opleiding over cybersecurity"):  # this provider's offer
        assert word in text
    small = plain(euro(rules["kmo_definitie.klein.omzet"].amount(day), cents=False))
    assert re.search(rf"Klein: minder dan \d+ VTE en een omzet of balanstotaal tot {re.escape(small)}", text)
    assert "Middelgroot: minder dan" in text
    assert "Voorbeeld:" in text, "one worked amount"
    assert "Eigen aandeel" in text, "one worked amount"


def test_the_advice_minimum_is_on_steun_and_next_to_the_offer(site: Path) -> None:
    minimum = plain(euro(load()["diensten.advies.minimumbedrag"].amount(build_day()), cents=False))
    for page in ("steun/index.html", "diensten/index.html"):
        assert minimum in body_text(site / page), page


def test_the_calculator_explains_vte_where_it_asks_for_the_size(site: Path) -> None:
    source = (site / "rekenmodule" / "index.html").read_text(encoding="utf-8")
    fieldset = re.search(r'<fieldset class="kmo-field kmo-radios kmo-sizes".*?</fieldset>', source, re.DOTALL)
    assert fieldset is not None
    # One line, so the three questions and the answer still fit a phone's first screen (test_calculator_quick).
    assert "1 VTE is één voltijdse werknemer." in fieldset.group(0)


def test_no_page_says_a_vzw_can_never_apply(site: Path) -> None:
    for name, path in content_pages(site).items():
        text = body_text(path).lower()
        assert "vzw kan de kmo-portefeuille niet" not in text, name
        assert "vzw's komen niet in aanmerking" not in text, name
        assert "vzw komt niet in aanmerking" not in text, name
    assert "erkend maatwerkbedrijf" in body_text(site / "voorwaarden/index.html")


def test_the_questions_prospects_ask_are_answered(site: Path) -> None:
    procedure = body_text(site / "procedure/index.html")
    stop = procedure[procedure.index("Stoppen of annuleren") :]
    for case in ("nog niets betaald", "al een deel betaald", "annuleert een opleiding", "niet te volgen"):
        assert case in stop, case
    assert "hetzelfde kalenderjaar" in stop
    conditions = body_text(site / "voorwaarden/index.html")
    for worker in ("uitzendkrachten", "jobstudenten", "stagiairs", "seizoenarbeiders"):
        assert worker in conditions, worker
    assert "onderneming in oprichting" in conditions
    questions = body_text(site / "vragen/index.html")
    for answer in ("starter", "boekhouder", "belastingen"):
        assert answer in questions, answer
    assert "examen" in questions
    assert "het afnemen van een examen" in article(site / "vragen/index.html"), "the 2020 exclusion list"


def test_every_advice_card_of_the_offer_names_the_official_minimum(site: Path) -> None:
    """A prospect who buys a pentest or an audit reads the € 500 minimum on the card itself (from the figure); a card
    of a service that does not qualify says only that."""
    minimum = plain(euro(load()["diensten.advies.minimumbedrag"].amount(build_day()), cents=False))
    html = (site / "diensten" / "index.html").read_text(encoding="utf-8")
    cards = re.findall(r'<section class="kmo-aanbod__kaart".*?</section>', html, re.DOTALL)
    advice = [card for card in cards if "<dd>Advies" in card and 'data-subsidieerbaar="false"' not in card]
    assert len(advice) >= 3, "the default provider offers an audit, a pentest and cybersecurity advice"
    for card in advice:
        assert f"<dt>Minimum</dt><dd>{minimum} zonder btw" in plain(card), card[:120]
    assert not any("<dt>Minimum</dt>" in card for card in cards if card not in advice), "only where it matters"
