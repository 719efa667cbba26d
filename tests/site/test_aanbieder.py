"""The provider file (aanbieder.toml, build_scripts/aanbieder.py): read strictly, and a site for any provider.

The example provider's site (examples/aanbieder-voorbeeld.toml) is built like the default one; its offer has
prices, so its cards show what a small and a medium enterprise pay themselves, which must be what
calculator.evaluate answers. Nothing in that site may name the default provider."""

from __future__ import annotations

import json
import re
import tomllib
import urllib.parse
from decimal import Decimal
from html import unescape
from pathlib import Path

import pytest
import site_checks
from site_helpers import ROOT, Page, built_pages, plain

from build_scripts import aanbieder, huisstijl, siteteksten
from calculator import evaluate
from calculator.parameters import load
from calculator.request_services import beschreven_soorten, request_fields
from tests.example_provider import BUILD_DATE, DEFAULT_PROVIDER_WORDS, EXAMPLE_FILE, example_site

RULES = load()
CLASSIFICATION = RULES.classificatie
DEFAULT = (ROOT / "aanbieder.toml").read_text(encoding="utf-8")


def parse(text: str) -> aanbieder.Aanbieder:
    return aanbieder.parse(text, ROOT / "proef.toml", CLASSIFICATION)


# --- the loader ---------------------------------------------------------------------------------------------------


def test_the_default_and_the_example_file_load() -> None:
    default = aanbieder.load(CLASSIFICATION, ROOT / "aanbieder.toml")
    assert default.registratienummers == {"advies": "DV.A242438", "opleiding": "DV.O242439"}
    assert default.contact == aanbieder.Contact(), "no contact detail of the default provider is invented"
    assert all(service.prijs_vanaf is None for service in default.aanbod), (
        "no price of the default provider is invented"
    )
    example = aanbieder.load(CLASSIFICATION, EXAMPLE_FILE)
    assert example.contact.email
    assert any(service.prijs_vanaf for service in example.aanbod)
    assert "voorbeeld" in example.slogan.lower()
    assert "fictief" in example.omschrijving


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda t: t.replace('naam = "Jimber"', 'naam = "Jimber"\nkleur = "rood"'), "unknown key(s) kleur"),
        (lambda t: t.replace('naam = "Jimber"', ""), "missing key(s) naam"),
        (lambda t: t.replace('advies = "DV.A242438"', 'advies = "DV.O242438"'), "registratienummers.advies"),
        (lambda t: t.replace('website = "https://jimber.io/"', 'website = "http://jimber.io/"'), "website"),
        (lambda t: t.replace('primair = "#17324d"', 'primair = "#9fc5e8"'), "huisstijl.primair"),
        (lambda t: t.replace('soort = "pentest"', 'soort = "hacking"'), "unknown kind 'hacking'"),
        (lambda t: t.replace('thema = "digitalisering"\n', 'thema = "innovatie"\n', 1), "aanbod[3].thema"),
        (
            lambda t: t.replace('soort = "pentest"', 'soort = "pentest"\nthema = "innovatie"'),
            "describe it with dienst, onderwerp and thema",
        ),
        (lambda t: t.replace('soort = "pentest"', 'dienst = "advies"\nthema = "innovatie"'), "advice (advies) has no"),
        (lambda t: t.replace('soort = "pentest"', 'dienst = "advies"\nonderwerp = "ict"'), "unknown onderwerp 'ict'"),
        (lambda t: t.replace('soort = "pentest"', 'dienst = "opleiding"'), "a training (opleiding) has a theme"),
        (
            lambda t: t.replace(
                'soort = "pentest"', 'dienst = "opleiding"\nonderwerp = "energie_efficientie"\nthema = "innovatie"'
            ),
            "does not fit onderwerp energie_efficientie",
        ),
        (lambda t: t.replace('soort = "pentest"', 'soort = "pentest"\ndienst = "advies"'), "not both"),
        (lambda t: t.replace('soort = "pentest"', 'soort = "pentest"\nprijs_vanaf = 4500.5'), "aanbod[1].prijs_vanaf"),
        (lambda t: t.replace('soort = "pentest"', 'soort = "pentest"\nprijs_vanaf = -1'), "positive amount"),
        (lambda t: t.replace("[contact]", '[contact]\nemail = "info at jimber"'), "contact.email"),
        (lambda t: t.replace('opleiding = "DV.O242439"', ""), "no registration number for opleiding"),
        (lambda t: t.replace('logo = "material/shield-check-outline"', 'logo = "logo.gif"'), "huisstijl.logo"),
    ],
)
def test_a_bad_provider_file_fails_with_the_key_and_the_fix(change: object, message: str) -> None:
    changed = change(DEFAULT)  # type: ignore[operator]
    assert changed != DEFAULT
    with pytest.raises(aanbieder.AanbiederError) as error:
        parse(changed)
    assert message in str(error.value)
    assert "proef.toml" in str(error.value)


def test_a_provider_file_that_does_not_exist_names_the_variable(tmp_path: Path) -> None:
    with pytest.raises(aanbieder.AanbiederError, match="KMO_AANBIEDER"):
        aanbieder.load(CLASSIFICATION, tmp_path / "geen.toml")


def test_the_colours_pass_the_contrast_they_promise() -> None:
    for path in (ROOT / "aanbieder.toml", EXAMPLE_FILE):
        brand = aanbieder.load(CLASSIFICATION, path).huisstijl
        for colour in (brand.primair, brand.accent, brand.link):
            assert huisstijl.contrast(colour, "#ffffff") >= Decimal("4.5"), (path.name, colour)
    assert huisstijl.contrast("#000000", "#ffffff") == Decimal(21)


# --- the default site ------------------------------------------------------------------------------------------------


def test_the_site_takes_its_name_and_colours_from_the_provider_file(site: Path, pages: dict[str, Page]) -> None:
    assert pages["index.html"].title.endswith("Kmo-portefeuille bij Jimber")
    css = (site / huisstijl.STYLESHEET).read_text(encoding="utf-8")
    assert "--md-primary-fg-color: #17324d;" in css
    assert "Cybersecurityadvies en opleiding, met steun van de Vlaamse overheid" in pages["index.html"].text


def test_the_default_offer_shows_no_price_and_says_what_does_not_qualify(site: Path) -> None:
    html = (site / "diensten" / "index.html").read_text(encoding="utf-8")
    cards = cards_of(html)
    default = aanbieder.load(CLASSIFICATION, ROOT / "aanbieder.toml")
    assert [card["naam"] for card in cards] == [service.naam for service in default.aanbod]
    assert not any(card["netto"] for card in cards), "no price is given, so no net price is shown"
    refused = {card["naam"]: card for card in cards if card["subsidieerbaar"] == "false"}
    assert set(refused) >= {"Softwarelicenties", "Ontwikkelingsopdrachten"}
    for card in refused.values():
        assert card["status"] == "Komt niet in aanmerking voor de kmo-portefeuille."
        assert not card["link"], "no calculator link for a service that never qualifies"
    # Without a price on any card, the page does not speak of prices that are not there.
    text = unescape(re.sub(r"<[^>]+>", " ", html))
    assert "Staat er een prijs bij" not in text
    assert "Het eigen aandeel is berekend" not in text


def test_a_training_card_names_cybersecurity_only_when_that_is_its_subject(site: Path) -> None:
    """The theme "digitalisering (met cybersecurity)" is shown as "digitalisering": a training on software (ordinary
    rate) does not read as one on cybersecurity (higher rate)."""
    html = (site / "diensten" / "index.html").read_text(encoding="utf-8")
    default = aanbieder.load(CLASSIFICATION, ROOT / "aanbieder.toml")
    checked = 0
    for service, card in zip(default.aanbod, CARD.finditer(html), strict=True):
        shown = re.search(r"<dt>Soort</dt><dd>([^<]*)</dd>", card.group(0))
        assert shown is not None
        if service.soort.thema is None or service.soort.dienst.value != "opleiding":
            continue
        subject = service.soort.onderwerp.value
        assert ("cybersecurity" in shown.group(1)) is (subject == "cybersecurity"), (service.naam, shown.group(1))
        assert "(" not in shown.group(1)
        checked += 1
    assert checked >= 3


def test_the_contact_page_and_the_next_step_of_a_provider_with_only_a_website(pages: dict[str, Page]) -> None:
    """The default provider's file has no e-mail, contact page or phone: the contact page sends the visitor to its
    website with the calculation's link (the calculator sends them there too), not back to the calculator."""
    page = pages["contact/index.html"]
    default = aanbieder.load(CLASSIFICATION, ROOT / "aanbieder.toml")
    assert not (default.contact.email)
    assert not (default.contact.contact_url)
    assert not (default.contact.telefoon)
    assert default.website in {url for _, url, _ in page.links}
    assert "vermeld de link naar uw berekening" in page.text
    assert "Kopieer samenvatting" in page.text
    assert "staat hoe u ons die berekening bezorgt" not in page.text
    calculator = pages["rekenmodule/index.html"].path.read_text(encoding="utf-8")
    assert f'data-website="{default.website}"' in calculator


def test_the_contact_page_says_what_happens_next_and_where_to_ask_about_the_wallet(pages: dict[str, Page]) -> None:
    text = pages["contact/index.html"].text
    order = [
        text.index(words)
        for words in ("Zo bereikt u ons", "Wat gebeurt er daarna?", "Geregistreerd als dienstverlener", "1700")
    ]
    assert order == sorted(order)
    assert "DV.A242438 voor advies" in text
    assert "DV.O242439 voor opleiding" in text
    assert "uiterlijk 14 kalenderdagen na de start" in text
    assert "kmo-portefeuille@vlaanderen.be" in text


# --- the example provider's site -------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def example() -> Path:
    return example_site()


@pytest.fixture(scope="module")
def example_pages(example: Path) -> dict[str, Page]:
    return {str(page.path.relative_to(example)): page for page in built_pages(example)}


CARD = re.compile(r'<section class="kmo-aanbod__kaart" data-aanbod="(\d+)".*?</section>', re.DOTALL)


def cards_of(html: str) -> list[dict[str, object]]:
    cards = []
    for match in CARD.finditer(html):
        block = match.group(0)
        status = re.search(r'<p class="kmo-aanbod__status" data-subsidieerbaar="(\w+)">(.*?)</p>', block, re.DOTALL)
        assert status is not None
        link = re.search(r'<a class="md-button" href="([^"]+)"', block)
        cards.append(
            {
                "naam": unescape(re.search(r"<h3[^>]*>(.*?)</h3>", block).group(1)),  # type: ignore[union-attr]
                "subsidieerbaar": status.group(1),
                "status": plain(unescape(re.sub(r"<[^>]+>", "", status.group(2)))),
                "netto": dict(re.findall(r'<td data-netto="(\w+)">([^<]*)</td>', block)),
                "steun": dict(re.findall(r'<td data-steun="(\w+)">([^<]*)</td>', block)),
                "link": unescape(link.group(1)) if link else "",
            }
        )
    return cards


@pytest.mark.slow
def test_the_cards_net_prices_are_what_evaluate_answers(example: Path) -> None:
    offer = tomllib.loads(EXAMPLE_FILE.read_text(encoding="utf-8"))["aanbod"]
    html = (example / "diensten" / "index.html").read_text(encoding="utf-8")
    cards = cards_of(html)
    assert [card["naam"] for card in cards] == [service["naam"] for service in offer]
    # One word per concept: what the customer pays is the "eigen aandeel", as in the calculator's answer.
    heads = re.findall(r'<table class="kmo-aanbod__prijzen">.*?<thead>(.*?)</thead>', html, re.DOTALL)
    assert heads
    for head in heads:
        assert re.findall(r"<th[^>]*>([^<]*)</th>", head) == ["Uw onderneming", "Eigen aandeel", "Steun"]
    compared = 0
    for service, card in zip(offer, cards, strict=True):
        if card["subsidieerbaar"] == "false":
            assert not card["netto"], service["naam"]
            continue
        assert "prijs_vanaf" in service
        for size in ("klein", "middelgroot"):
            day = BUILD_DATE.isoformat()
            answer = evaluate(
                {
                    "application_date": day,
                    "enterprise": {"size_category": size},
                    "services": [{"kind": service["soort"], "amount": str(service["prijs_vanaf"]), "start_date": day}],
                },
                today=BUILD_DATE,
            )
            shown = answer["services"][0]["display"]
            assert card["netto"][size] == shown["own_share"], (service["naam"], size)  # type: ignore[index]
            assert card["steun"][size] == shown["support"], (service["naam"], size)  # type: ignore[index]
            compared += 1
    assert compared >= 6


@pytest.mark.slow
def test_each_card_opens_the_calculator_with_its_service_and_price(example: Path) -> None:
    offer = tomllib.loads(EXAMPLE_FILE.read_text(encoding="utf-8"))["aanbod"]
    cards = cards_of((example / "diensten" / "index.html").read_text(encoding="utf-8"))
    for service, card in zip(offer, cards, strict=True):
        if card["subsidieerbaar"] == "false":
            continue
        address = urllib.parse.urlsplit(str(card["link"]))
        assert address.path == "../rekenmodule/"
        request = json.loads(urllib.parse.parse_qs(address.fragment)["aanvraag"][0])
        assert request == {"services": [{"kind": service["soort"], "amount": str(service["prijs_vanaf"])}]}


def service_groups(site: Path) -> list[tuple[str, str]]:
    """The calculator's list of services: (group label, its options' HTML)."""
    html = (site / "rekenmodule" / "index.html").read_text(encoding="utf-8")
    select = html[html.index('id="services-1-soort"') : html.index("</select>", html.index('id="services-1-soort"'))]
    return re.findall(r'<optgroup label="([^"]+)">(.*?)</optgroup>', select, re.DOTALL)


def _described_values(provider_file: Path) -> list[str]:
    """The calculator's general group: every training and advice described by subject and theme (the package's),
    except those the offer has under the same rules (service, subject, theme)."""
    offer = aanbieder.load(CLASSIFICATION, provider_file).aanbod
    covered = {(s.soort.dienst, s.soort.onderwerp, s.soort.thema) for s in offer}
    return [
        json.dumps(request_fields(kind), separators=(",", ":"), ensure_ascii=False)
        for kind, _ in beschreven_soorten(RULES)
        if (kind.dienst, kind.onderwerp, kind.thema) not in covered
    ]


def _values(options: str) -> list[str]:
    return [unescape(value) for value in re.findall(r'value="([^"]+)"', options)]


@pytest.mark.slow
def test_the_calculator_lists_the_offer_grouped_by_kind_then_any_other_training_or_advice(example: Path) -> None:
    """The offer first; then every other training or advice described by subject and theme, never the named kinds
    (another provider's catalogue). The truth changed with issue 30: the general group held the named kinds the
    offer left out."""
    groups = service_groups(example)
    assert [label for label, _ in groups][-1] == siteteksten.ANDERE_DIENST
    offered = [name for _, options in groups[:-1] for name in re.findall(r">([^<]+)</option>", options)]
    assert "Workshop veilig online werken" in offered
    assert "Pentest van uw webwinkel" in offered
    assert _values(groups[-1][1]) == _described_values(EXAMPLE_FILE)


def test_the_general_group_never_repeats_a_kind_of_the_offer(site: Path) -> None:
    """The default provider's list: each of its named kinds once, in the offer's groups; the general group holds
    only described trainings and advice, never a named kind."""
    offered = {service["soort"] for service in tomllib.loads((ROOT / "aanbieder.toml").read_text("utf-8"))["aanbod"]}
    groups = service_groups(site)
    assert groups[-1][0] == siteteksten.ANDERE_DIENST
    kinds = [kind for _, options in groups[:-1] for kind in _values(options)]
    assert set(kinds) == offered
    assert _values(groups[-1][1]) == _described_values(ROOT / "aanbieder.toml")
    assert not set(_values(groups[-1][1])) & set(CLASSIFICATION.dienstsoorten)
    labels = [label for _, options in groups for label in re.findall(r">([^<]+)</option>", options)]
    assert len(labels) == len(set(labels)), "no choice is listed twice under the same name"


@pytest.mark.slow
def test_the_example_site_names_nothing_of_the_default_provider(example: Path) -> None:
    """Every page, asset, feed, JSON file (the JSON Schemas included) and the service worker."""
    pattern = re.compile("|".join(re.escape(word) for word in DEFAULT_PROVIDER_WORDS), re.IGNORECASE)
    checked, problems = 0, []
    for path in sorted(example.rglob("*")):
        if not path.is_file() or path.suffix in {".br", ".gz", ".whl", ".wasm", ".zip"}:
            continue
        name = path.relative_to(example).as_posix()
        text = path.read_bytes().decode("utf-8", errors="replace")
        checked += 1
        for match in pattern.finditer(text):
            problems.append(f"{name}: …{text[max(0, match.start() - 60) : match.end() + 20]}…")
    assert checked > 40
    assert (example / "sw.js").is_file()
    assert (example / "search" / "search_index.json").is_file()
    assert not problems, "\n".join(problems[:20])


@pytest.mark.slow
def test_the_example_contact_page_shows_its_e_mail_and_invents_no_phone(example_pages: dict[str, Page]) -> None:
    page = example_pages["contact/index.html"]
    assert ("a", "mailto:offerte@example.org") in {(tag, url) for tag, url, _ in page.links}
    assert "Telefoon" not in page.text
    assert "DV.A000000 voor advies" in page.text
    assert "staat hoe u ons die berekening bezorgt" in page.text  # its next step is the e-mail


@pytest.mark.slow
def test_the_example_offer_with_prices_explains_them(example: Path) -> None:
    text = unescape(re.sub(r"<[^>]+>", " ", (example / "diensten" / "index.html").read_text(encoding="utf-8")))
    assert "Staat er een prijs bij" in text
    assert "Het eigen aandeel is berekend" in text


@pytest.mark.slow
def test_the_page_tests_pass_for_the_example_provider(example: Path, example_pages: dict[str, Page]) -> None:
    site_checks.check_every_page_is_in_the_navigation_or_linked_where_it_belongs(example_pages, example)
    site_checks.check_no_internal_link_is_broken_anchors_included(example, example_pages)
    site_checks.check_no_script_style_font_image_or_frame_comes_from_another_host(example, example_pages)
    site_checks.check_pages_are_dutch_with_a_description_and_a_title(example_pages)
    site_checks.check_the_sitemap_lists_every_page(example, example_pages)
    site_checks.check_a_dutch_404_page(example_pages)


@pytest.mark.slow
def test_every_page_of_the_example_provider_is_valid_html(example: Path) -> None:
    site_checks.check_every_page_is_valid_html(example)


def test_the_default_providers_own_content_shows_on_its_site(pages: dict[str, Page]) -> None:
    """Jimber's folder (aanbieder/): its pentest section on Diensten, its question on Vragen, its worked examples."""
    own = ROOT / "aanbieder"
    diensten, vragen = pages["diensten/index.html"].text, pages["vragen/index.html"].text
    assert "Een security audit of pentest is advies, met een rapport" in diensten
    assert "Komt een pentest in aanmerking?" in vragen
    examples = tomllib.loads((own / "voorbeelden.toml").read_text(encoding="utf-8"))
    shown = "".join(pages[name].path.read_text(encoding="utf-8") for name in ("steun/index.html", "index.html"))
    for group in ("steun", "index"):
        for example in examples[group]:
            assert f'data-voorbeeld="{example["sleutel"]}"' in shown
    assert "laat zijn netwerk testen" in pages["steun/index.html"].text
