"""build_scripts.afkortingen.first_use: a glossary term is marked at its first use in the running text, only there."""

from __future__ import annotations

from build_scripts.afkortingen import first_use

TERMS = [("VTE", "Voltijdsequivalent."), ("steunplafond", 'Het "hoogste" bedrag.'), ("verbonden onderneming", "V.")]


def test_only_the_first_use_is_marked() -> None:
    text = first_use("Minder dan 50 VTE. Met precies 50 VTE bent u niet klein.\n\nOok 10 VTE telt.\n", TERMS)
    assert text.count("<abbr") == 1
    assert text.startswith('Minder dan 50 <abbr title="Voltijdsequivalent.">VTE</abbr>. Met precies 50 VTE')


def test_the_explanation_is_escaped_for_the_attribute() -> None:
    text = first_use("Het steunplafond.", TERMS)
    assert '<abbr title="Het &quot;hoogste&quot; bedrag.">steunplafond</abbr>' in text


def test_a_term_that_does_not_occur_is_left_out_and_whole_words_only() -> None:
    assert first_use("De VTE's en het steunplafondje.", TERMS) == "De VTE's en het steunplafondje."


def test_the_first_part_of_a_compound_is_marked() -> None:
    assert first_use("De VTE-telling.", TERMS) == 'De <abbr title="Voltijdsequivalent.">VTE</abbr>-telling.'


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
    text = first_use(markdown, TERMS)
    assert text.count("<abbr") == 2
    assert text.endswith(
        'Het <abbr title="Het &quot;hoogste&quot; bedrag.">steunplafond</abbr> telt, voor 12 '
        '<abbr title="Voltijdsequivalent.">VTE</abbr>.\n'
    )
    assert text.startswith("# Het steunplafond\n\n## Minder dan 50 VTE { #VTE }\n")


def test_link_text_is_running_text() -> None:
    assert first_use("Zie [het steunplafond](steun.md).", TERMS) == (
        'Zie [het <abbr title="Het &quot;hoogste&quot; bedrag.">steunplafond</abbr>](steun.md).'
    )


def test_a_longer_term_wins_over_a_shorter_one_it_contains() -> None:
    terms = [("onderneming", "O."), ("verbonden onderneming", "V.")]
    text = first_use("Een verbonden onderneming is een onderneming.", terms)
    assert text == 'Een <abbr title="V.">verbonden onderneming</abbr> is een <abbr title="O.">onderneming</abbr>.'


def test_a_term_inside_an_explanation_already_placed_is_not_marked_again() -> None:
    terms = [("eigen aandeel", "Wat u zelf betaalt: de prijs min de steun."), ("steun", "Geld.")]
    text = first_use("Uw eigen aandeel, zonder steun.", terms)
    assert text == (
        'Uw <abbr title="Wat u zelf betaalt: de prijs min de steun.">eigen aandeel</abbr>, zonder '
        '<abbr title="Geld.">steun</abbr>.'
    )
