"""What a prospect reads: the landing block, the glossary (each term at its first use on a page:
test_leesbaarheid.py), the questions page, the contact details and the checks before going live."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from site_helpers import RATE_FIGURES, Page, build, glossary_at_today, plain

from build_scripts.site_build import build_day
from calculator.formatting import euro, percent
from calculator.parameters import load
from tests.example_provider import default_provider_text


def test_the_home_page_opens_with_what_matters_and_two_calls_to_action(site: Path) -> None:
    rules = load()
    today = build_day()
    html = (site / "index.html").read_text(encoding="utf-8")
    hero = re.search(r'<section class="kmo-hero".*?</section>', html, re.DOTALL)
    assert hero is not None, "no landing block"
    block = plain(hero.group(0))
    highest = max(rules[name].amount(today) for name in RATE_FIGURES if rules[name].applies_on(today))
    assert f"tot {plain(percent(highest))}" in block
    assert f"tot {plain(euro(rules['steunplafond.klein'].amount(today), cents=False))}" in block
    assert f"{rules['procedure.aanvraagtermijn'].amount(today)} kalenderdagen" in block
    links = re.findall(r'<a class="md-button[^"]*" href="([^"]+)">([^<]+)</a>', block)
    assert [(href, text) for href, text in links] == [
        ("rekenmodule/", "Bereken uw steun"),
        ("contact/", "Contacteer ons!"),
    ]
    assert html.index("kmo-hero__figures") < html.index('<h2 id="stappen"'), "figures before the text"
    assert len(re.findall(r"<h1\b", html)) == 1
    assert "Cybersecurityadvies en opleiding, met steun van de Vlaamse overheid" in block, "the tagline is the heading"


def test_the_steps_on_the_home_page_start_with_the_first_log_in(pages: dict[str, Page]) -> None:
    """The home page shows the one story of the steps (docs_includes/stappen.md; the same on procedure and contact:
    test_klantgericht.py), the first log-in and the rights for the enterprise included."""
    text = pages["index.html"].text
    assert "Zo gaat het" in text
    steps = (
        "Meld u aan in het e-loket",
        "rechten voor uw onderneming",
        "Spreek de opleiding of het advies met ons af",
        "Vraag de steun aan",
        "Stort uw eigen aandeel",
    )
    positions = [text.index(step) for step in steps]
    assert positions == sorted(positions)


GLOSSARY_TERMS = (
    "VTE",
    "NACE-BEL",
    "KBO",
    "administratieve overheid",
    "verbonden onderneming",
    "partneronderneming",
    "steunplafond",
    "eigen aandeel",
    "subsidie",
)


def test_the_glossary_has_every_term_the_issue_names() -> None:
    with_figures = dict(glossary_at_today())
    for term in GLOSSARY_TERMS:
        assert term in with_figures, term
        assert len(with_figures[term]) > 30, term
    assert "kmo:" not in " ".join(with_figures.values()), "a figure marker was left in the glossary"


def test_the_glossary_page_shows_every_term(pages: dict[str, Page]) -> None:
    text = pages["woordenlijst/index.html"].text
    for term, _ in glossary_at_today():
        assert term in text


def test_the_questions_page_answers_at_least_twelve_questions(site: Path) -> None:
    html = (site / "vragen" / "index.html").read_text(encoding="utf-8")
    questions = re.findall(r"<h3[^>]*>(.*?)<a", html)
    assert len(questions) >= 12, questions
    assert all(question.strip().endswith("?") for question in questions), questions
    text = re.sub(r"<[^>]+>", " ", html)
    for topic in ("bijberoep", "btw", "te laat", "annuleren", "boekhouder", "examen", "e-learning", "combineren"):
        assert topic in text, topic


def test_the_contact_page_shows_only_what_is_configured(pages: dict[str, Page]) -> None:
    text = pages["contact/index.html"].text
    assert "DV.A242438" in text
    assert "DV.O242439" in text
    # No e-mail or phone is configured: none is invented.
    assert "E-mail" not in text
    assert "Telefoon" not in text


@pytest.mark.slow
def test_a_production_build_fails_until_contact_and_address_are_set(tmp_path: Path) -> None:
    result = build(tmp_path / "site", env={"KMO_PRODUCTIE": "1"})
    assert result.returncode != 0
    assert "contact.email" in result.stderr
    assert "SITE_URL" in result.stderr
    # A preview build only warns.
    preview = build(tmp_path / "preview")
    assert preview.returncode == 0, preview.stderr
    assert "WARNING (before going live)" in preview.stderr
    # With e-mail, phone, the legal name and the public address, the production build passes and the contact page
    # shows them.
    provider = default_provider_text()
    filled = provider.replace(
        "[contact]\n",
        '[contact]\nemail = "info@example.org"\ntelefoon = "+32 9 000 00 00"\n',
        1,
    ).replace("[registratienummers]", 'juridische_naam = "Voorbeeld nv"\n\n[registratienummers]', 1)
    assert filled.count("info@example.org") == 1
    assert "Voorbeeld nv" in filled
    (tmp_path / "aanbieder.toml").write_text(filled, encoding="utf-8")
    ready = build(
        tmp_path / "ready",
        env={
            "KMO_PRODUCTIE": "1",
            "SITE_URL": "https://www.example.org/",
            "KMO_AANBIEDER": str(tmp_path / "aanbieder.toml"),
        },
    )
    assert ready.returncode == 0, ready.stderr
    contact = (tmp_path / "ready" / "contact" / "index.html").read_text(encoding="utf-8")
    assert 'href="mailto:info@example.org"' in contact
    assert 'href="tel:+3290000000"' in contact
