"""build_scripts.afkortingen.first_use: a glossary term is marked at its first use in the running text, only there,
as a term that takes focus and names its explanation (a tooltip the site's CSS shows on tap, Tab and hover)."""

from __future__ import annotations

import re

from build_scripts.afkortingen import first_use, marked

TERMS = [("VTE", "Voltijdsequivalent."), ("steunplafond", 'Het "hoogste" bedrag.'), ("verbonden onderneming", "V.")]


def plain_terms(text: str) -> str:
    """The text with each marked term written as [term|explanation], to compare with what a test expects."""
    return re.sub(
        r'<span class="kmo-term"><abbr [^>]*>([^<]*)</abbr><span class="kmo-term__haakje"> \(</span>'
        r'<span class="kmo-term__uitleg"[^>]*>(.*?)</span><span class="kmo-term__haakje">\)</span></span>',
        r"[\1|\2]",
        text,
    )


def test_a_marked_term_takes_focus_and_names_its_explanation() -> None:
    html = marked("VTE", 'Een "voltijds" equivalent.', 3)
    assert '<abbr class="kmo-term__woord" tabindex="0" aria-describedby="kmo-term-3">VTE</abbr>' in html
    assert '<span class="kmo-term__uitleg" role="tooltip" id="kmo-term-3">' in html
    assert "Een &quot;voltijds&quot; equivalent." in html
    assert "title=" not in html, "no title: the theme's and the browser's tooltips would show it a second time"


def test_only_the_first_use_is_marked() -> None:
    text = first_use("Minder dan 50 VTE. Met precies 50 VTE bent u niet klein.\n\nOok 10 VTE telt.\n", TERMS)
    assert text.count("<abbr") == 1
    assert plain_terms(text).startswith("Minder dan 50 [VTE|Voltijdsequivalent.]. Met precies 50 VTE")


def test_each_marked_term_on_a_page_has_its_own_id() -> None:
    text = first_use("Het steunplafond en 12 VTE.", TERMS)
    assert sorted(re.findall(r'id="(kmo-term-\d+)"', text)) == ["kmo-term-1", "kmo-term-2"]


def test_the_explanation_is_escaped() -> None:
    text = first_use("Het steunplafond.", TERMS)
    assert "Het &quot;hoogste&quot; bedrag." in text


def test_a_term_that_does_not_occur_is_left_out_and_whole_words_only() -> None:
    assert first_use("De VTE's en het steunplafondje.", TERMS) == "De VTE's en het steunplafondje."


def test_the_first_part_of_a_compound_is_marked() -> None:
    assert plain_terms(first_use("De VTE-telling.", TERMS)) == "De [VTE|Voltijdsequivalent.]-telling."


def test_headings_code_links_tags_comments_and_attributes_are_not_running_text() -> None:
    markdown = (
        "# Het steunplafond\n\n"
        "## Minder dan 50 VTE { #VTE }\n\n"
        '!!! note "Over het steunplafond"\n'
        '    Zie [de regels](regels.md#steunplafond) en `VTE` en <span data-x="VTE">x</span>.\n'
        "    <!-- VTE -->\n\n"
        "```\nsteunplafond\n```\n\n"
        "[^1]: Over het steunplafond.\n\n"
        "Het steunplafond telt, voor 12 VTE.\n"
    )
    text = plain_terms(first_use(markdown, TERMS))
    assert text.count("|") == 2
    assert text.endswith(
        "Het [steunplafond|Het &quot;hoogste&quot; bedrag.] telt, voor 12 [VTE|Voltijdsequivalent.].\n"
    )
    assert text.startswith("# Het steunplafond\n\n## Minder dan 50 VTE { #VTE }\n")


def test_link_text_and_the_sources_section_are_not_marked() -> None:
    """A link may not hold an element that takes focus (HTML), and a source's title is not running text."""
    markdown = (
        "Zie [het steunplafond](steun.md) en <a href='x'>12 VTE</a>.\n\n"
        '<div class="kmo-bronnen" markdown>\n\n- [VLAIO](https://x): het steunplafond.\n\n</div>\n\n'
        "Het steunplafond.\n"
    )
    text = plain_terms(first_use(markdown, TERMS))
    assert text.count("|") == 1
    assert text.endswith("Het [steunplafond|Het &quot;hoogste&quot; bedrag.].\n")


def test_a_longer_term_wins_over_a_shorter_one_it_contains() -> None:
    terms = [("onderneming", "O."), ("verbonden onderneming", "V.")]
    text = plain_terms(first_use("Een verbonden onderneming is een onderneming.", terms))
    assert text == "Een [verbonden onderneming|V.] is een [onderneming|O.]."


def test_a_term_inside_an_explanation_already_placed_is_not_marked_again() -> None:
    terms = [("eigen aandeel", "Wat u zelf betaalt: de prijs min de steun."), ("steun", "Geld.")]
    text = plain_terms(first_use("Uw eigen aandeel, zonder steun.", terms))
    assert text == "Uw [eigen aandeel|Wat u zelf betaalt: de prijs min de steun.], zonder [steun|Geld.]."
