"""Which theme a subject belongs to is data (classificatie.toml, [themas.themas]): the loader refuses a kind whose
subject does not fit its theme, an unknown theme, and a subject listed under two themes."""

from __future__ import annotations

from importlib import resources

import pytest

from calculator.classificatie import CLASSIFICATION_FILE, Onderwerp
from calculator.dated import RulesDataError
from calculator.parameters import PARAMETERS_FILE, RulesData, parse
from calculator.strict import SOURCES_FILE

DATA = resources.files("calculator") / "data"
PARAMETERS_TEXT = (DATA / PARAMETERS_FILE).read_text(encoding="utf-8")
CLASSIFICATION_TEXT = (DATA / CLASSIFICATION_FILE).read_text(encoding="utf-8")
SHIPPED_SOURCES_TEXT = (DATA / SOURCES_FILE).read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        # A subject with a rate of its own belongs to the theme that lists it: cybersecurity is not innovatie.
        (
            'onderwerp = "cybersecurity", thema = "digitalisering" }',
            'onderwerp = "cybersecurity", thema = "innovatie" }',
            "does not belong to theme innovatie",
        ),
        (
            'onderwerp = "ander", thema = "digitalisering" }',
            'onderwerp = "ander", thema = "boekhouding" }',
            "unknown thema 'boekhouding'",
        ),
        ('label = "innovatie" }', 'label = "innovatie", onderwerpen = ["cybersecurity"] }', "one theme at most"),
        ('label = "innovatie" }', 'label = "innovatie", onderwerpen = ["ander"] }', "fits every theme"),
        ('onderwerp = "ander" }', 'onderwerp = "ander", thema = "innovatie" }', "other services none"),
    ],
)
def test_the_loader_refuses_a_theme_that_does_not_fit(old: str, new: str, message: str) -> None:
    assert old in CLASSIFICATION_TEXT
    with pytest.raises(RulesDataError, match=message):
        parse(PARAMETERS_TEXT, CLASSIFICATION_TEXT.replace(old, new, 1), SHIPPED_SOURCES_TEXT)


def test_the_theme_of_a_subject_is_read_from_the_data(rules: RulesData) -> None:
    themes = rules.classificatie.themas
    assert [key for key, theme in themes.items() if theme.past(Onderwerp.CYBERSECURITY)] == ["digitalisering"]
    assert [key for key, theme in themes.items() if theme.past(Onderwerp.ENERGIE_EFFICIENTIE)] == ["duurzaamheid"]
    assert all(theme.past(Onderwerp.ANDER) for theme in themes.values())
    assert (
        rules.classificatie.thema_van(rules.classificatie.dienstsoorten["cybersecurity_training"])
        is themes["digitalisering"]
    )
