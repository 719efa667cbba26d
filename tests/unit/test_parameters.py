"""The rules data itself: schema, a source on every value, coverage in time, and a strict loader."""

from __future__ import annotations

import ast
import re
from datetime import date, timedelta
from decimal import Decimal
from importlib import resources

import pytest
from rules_helpers import TODAY, docstring_ids, request_with

from calculator.antwoord import evaluate_strict
from calculator.classificatie import CLASSIFICATION_FILE
from calculator.dated import Begin, Comparator, Eenheid, OutsidePeriod, RulesDataError
from calculator.parameters import PARAMETERS_FILE, RulesData, parse
from calculator.strict import SOURCES_FILE

DATA = resources.files("calculator") / "data"
PARAMETERS_TEXT = (DATA / PARAMETERS_FILE).read_text(encoding="utf-8")
CLASSIFICATION_TEXT = (DATA / CLASSIFICATION_FILE).read_text(encoding="utf-8")
SOURCES_TEXT = (DATA / SOURCES_FILE).read_text(
    encoding="utf-8"
) + '\n[voorbeeld]\ntitel = "t"\nlink = "https://example.org/"\n'
SHIPPED_SOURCES_TEXT = (DATA / SOURCES_FILE).read_text(encoding="utf-8")
LAST_DAY_CHECKED = date(2030, 12, 31)

MINIMAL = """
[a.b]
label = "x"
eenheid = "euro"
[[a.b.waarden]]
vanaf = 2016-04-01
waarde = 1
bron = "voorbeeld"
"""


def _with_required(text: str) -> str:
    """A copy of the shipped data with ``text`` appended (to test one malformed figure among valid ones)."""
    return PARAMETERS_TEXT + "\n" + text


def test_every_value_has_a_source_link_and_a_label(rules: RulesData) -> None:
    assert len(rules.parameters) >= 20
    for parameter in rules:
        assert parameter.label.strip()
        for value in parameter.values:
            assert value.bron.title.strip(), parameter.name
            assert value.bron.href.startswith("https://"), parameter.name


def test_thresholds_declare_their_comparison(rules: RulesData) -> None:
    assert rules["kmo_definitie.klein.vte"].vergelijking is Comparator.LESS
    assert rules["kmo_definitie.middelgroot.vte"].vergelijking is Comparator.LESS
    for name in ["klein.omzet", "klein.balanstotaal", "middelgroot.omzet", "middelgroot.balanstotaal"]:
        assert rules[f"kmo_definitie.{name}"].vergelijking is Comparator.LESS_OR_EQUAL
        assert rules[f"kmo_definitie.{name}"].eenheid is Eenheid.EURO
    assert rules["voorwaarden.publieke_participatie"].vergelijking is Comparator.LESS


def test_for_every_day_from_the_first_date_on_exactly_one_value_applies(rules: RulesData) -> None:
    for parameter in rules:
        day = parameter.first_date
        while day <= LAST_DAY_CHECKED:
            applying = [
                v
                for i, v in enumerate(parameter.values)
                if v.start <= day and (i + 1 == len(parameter.values) or day < parameter.values[i + 1].start)
            ]
            assert len(applying) == 1, (parameter.name, day)
            assert parameter.at(day) is applying[0]
            day += timedelta(days=1)
        with pytest.raises(OutsidePeriod):
            parameter.at(parameter.first_date - timedelta(days=1))


def test_every_figure_of_the_timeline(rules: RulesData) -> None:
    """The rules' history as the sources state it, figure by figure, on the day before and the day of each change."""

    def amount(name: str, day: str) -> Decimal:
        return rules[name].amount(date.fromisoformat(day))

    assert amount("steunpercentage.klein", "2016-04-01") == 40
    assert amount("steunpercentage.klein", "2019-11-30") == 40
    assert amount("steunpercentage.klein", "2019-12-01") == 30
    assert amount("steunpercentage.middelgroot", "2019-11-30") == 30
    assert amount("steunpercentage.middelgroot", "2019-12-01") == 20
    assert amount("steunplafond.klein", "2019-12-31") == 10000
    assert amount("steunplafond.middelgroot", "2019-12-31") == 15000
    assert amount("steunplafond.klein", "2020-01-01") == 7500
    assert amount("steunplafond.middelgroot", "2020-01-01") == 7500
    assert not rules["steunpercentage.cybersecurity.klein"].applies_on(date(2021, 9, 13))
    assert amount("steunpercentage.cybersecurity.klein", "2021-09-14") == 45
    assert amount("steunpercentage.cybersecurity.middelgroot", "2021-09-14") == 35
    assert rules["diensten.advies_ander_onderwerp.subsidieerbaar"].flag(date(2026, 1, 31)) is True
    assert rules["diensten.advies_ander_onderwerp.subsidieerbaar"].flag(date(2026, 2, 1)) is False
    assert rules["diensten.themas_beperkt"].flag(date(2022, 12, 31)) is False
    assert rules["diensten.themas_beperkt"].flag(date(2023, 1, 1)) is True
    assert rules["voorwaarden.maatwerkbedrijf_toegelaten"].flag(date(2025, 12, 31)) is False
    assert rules["voorwaarden.maatwerkbedrijf_toegelaten"].flag(date(2026, 1, 1)) is True
    assert rules["voorwaarden.maatwerkbedrijf_toegelaten"].at(date(2026, 1, 1)).bron.derde_partij, "third parties"
    assert len(rules.classificatie.themas) == 8
    # Energy-efficiency training: confirmed on 5 June 2024 at the latest, start not stated by any source.
    energy = rules["steunpercentage.energie_efficientie_opleiding.klein"]
    assert energy.amount(date(2024, 6, 5)) == 45
    assert rules["steunpercentage.energie_efficientie_opleiding.middelgroot"].amount(date(2024, 6, 5)) == 35
    assert energy.values[0].begin is Begin.TEN_LAATSTE
    assert not energy.applies_on(date(2024, 6, 4))
    # A "ten laatste" date is not a change of the rule set: the change happened on a day no source states.
    assert rules.change_dates() == tuple(
        date.fromisoformat(d)
        for d in ["2016-04-01", "2019-12-01", "2020-01-01", "2021-09-14", "2023-01-01", "2026-01-01", "2026-02-01"]
    )


def test_begin_modelstart_only_on_a_first_value_at_the_modelling_start() -> None:
    text = PARAMETERS_TEXT
    moved = text.replace(
        "vanaf = 2019-12-01\nwaarde = 30\n", 'vanaf = 2019-12-01\nbegin = "modelstart"\nwaarde = 30\n', 1
    )
    assert moved != text
    with pytest.raises(RulesDataError, match="modelstart"):
        parse(moved, CLASSIFICATION_TEXT, SHIPPED_SOURCES_TEXT)
    unknown = text.replace('begin = "ten_laatste"', 'begin = "ongeveer"', 1)
    with pytest.raises(RulesDataError, match="unknown begin"):
        parse(unknown, CLASSIFICATION_TEXT, SHIPPED_SOURCES_TEXT)


def test_rules_in_force_since(rules: RulesData) -> None:
    assert rules.rules_in_force_since(date(2026, 11, 27)) == date(2026, 2, 1)
    assert rules.rules_in_force_since(date(2021, 9, 13)) == date(2020, 1, 1)
    with pytest.raises(OutsidePeriod):
        rules.rules_in_force_since(date(2016, 3, 31))


def test_both_minimum_amounts_are_official_and_binding(rules: RulesData) -> None:
    assert rules["diensten.advies.minimumbedrag"].bindend is True
    assert rules["diensten.opleiding.minimumbedrag"].bindend is True
    assert all(p.bindend for p in rules)


def test_classification_covers_the_contract(rules: RulesData) -> None:
    classification = rules.classificatie
    assert set(classification.rechtsvormen) == {
        "eenmanszaak",
        "vrij_beroep",
        "bv",
        "nv",
        "cv",
        "vof",
        "commv",
        "commva",
        "esv",
        "se",
        "sce",
        "buitenlandse_vennootschap",
        "vzw",
        "maatschap",
        "feitelijke_vereniging",
        "tijdelijke_handelsvennootschap",
        "stille_handelsvennootschap",
    }
    refused = {key for key, form in classification.rechtsvormen.items() if not form.aanvaard}
    assert refused == {
        "vzw",
        "maatschap",
        "feitelijke_vereniging",
        "tijdelijke_handelsvennootschap",
        "stille_handelsvennootschap",
    }
    assert set(classification.gewesten) == {"vlaanderen", "brussel", "wallonie", "buitenland"}
    assert [k for k, r in classification.gewesten.items() if r.aanvaard] == ["vlaanderen"]
    assert set(classification.dienstsoorten) == {
        "security_audit",
        "pentest",
        "cybersecurity_advice",
        "cybersecurity_training",
        "software_advice",
        "software_training",
        "it_training",
        "software_license",
        "development",
    }


def test_the_shipped_data_parses_twice_to_the_same_result() -> None:
    first = parse(PARAMETERS_TEXT, CLASSIFICATION_TEXT, SHIPPED_SOURCES_TEXT)
    assert first == parse(PARAMETERS_TEXT, CLASSIFICATION_TEXT, SHIPPED_SOURCES_TEXT)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (('label = "x"', 'label = "x"\ncolour = "red"'), "unknown key"),
        (('bron = "voorbeeld"\n', ""), "missing 'bron'"),
        (('bron = "voorbeeld"', 'bron = "onbekend"'), "unknown source"),
        (('bron = "voorbeeld"', 'bron = "voorbeeld"\ntitel = "t"'), "unknown key"),
        (('bron = "voorbeeld"', 'bron = "voorbeeld"\ncitaat = ""'), "'citaat'"),
        (('bron = "voorbeeld"', 'bron = "voorbeeld"\ncitaat = "De regel."\nonderdeel = "artikel 1"'), None),
        (("waarde = 1", "waarde = 1.5"), "floats are refused"),
        (("waarde = 1", 'waarde = "1,5"'), "cannot read"),
        (("waarde = 1", "waarde = true"), "not true/false"),
        (("vanaf = 2016-04-01", 'vanaf = "2016-04-01"'), "TOML date"),
        (("vanaf = 2016-04-01", "vanaf = 2016-04-01T00:00:00"), "TOML date"),
        (('eenheid = "euro"', 'eenheid = "dollar"'), "unknown unit"),
        (('eenheid = "euro"', 'eenheid = "euro"\nvergelijking = "=="'), "unknown comparator"),
        (('eenheid = "euro"', 'eenheid = "ja_nee"\nvergelijking = "<"'), "ja_nee"),
        (('eenheid = "euro"', 'eenheid = "percent"'), None),
        (("waarde = 1", "waarde = -1"), "out of range"),
    ],
)
def test_the_loader_refuses_malformed_figures(change: tuple[str, str], message: str | None) -> None:
    old, new = change
    text = MINIMAL.replace(old, new, 1)
    assert text != MINIMAL
    if message is None:  # control: the change alone is valid, so the other cases fail for their own reason
        parse(_with_required(text), CLASSIFICATION_TEXT, SOURCES_TEXT)
        return
    with pytest.raises(RulesDataError, match=message):
        parse(_with_required(text), CLASSIFICATION_TEXT, SOURCES_TEXT)


def test_the_loader_refuses_unsorted_or_repeated_dates() -> None:
    extra = MINIMAL + '[[a.b.waarden]]\nvanaf = 2016-04-01\nwaarde = 2\nbron = "voorbeeld"\n'
    with pytest.raises(RulesDataError, match="increase strictly"):
        parse(_with_required(extra), CLASSIFICATION_TEXT, SOURCES_TEXT)


def test_the_loader_refuses_duplicate_keys_and_percentages_above_100() -> None:
    with pytest.raises(RulesDataError):
        parse(
            PARAMETERS_TEXT.replace('eenheid = "percent"', 'eenheid = "percent"\neenheid = "percent"', 1),
            CLASSIFICATION_TEXT,
            SHIPPED_SOURCES_TEXT,
        )
    with pytest.raises(RulesDataError, match="out of range"):
        parse(PARAMETERS_TEXT.replace("waarde = 40", "waarde = 140", 1), CLASSIFICATION_TEXT, SHIPPED_SOURCES_TEXT)


def test_the_loader_refuses_a_missing_figure() -> None:
    start = PARAMETERS_TEXT.index("[steunplafond.klein]")
    end = PARAMETERS_TEXT.index("[steunplafond.middelgroot]")
    with pytest.raises(RulesDataError, match=r"missing figure\(s\) steunplafond.klein"):
        parse(PARAMETERS_TEXT[:start] + PARAMETERS_TEXT[end:], CLASSIFICATION_TEXT, SHIPPED_SOURCES_TEXT)


def test_the_loader_refuses_malformed_classification() -> None:
    with pytest.raises(RulesDataError, match="unknown key"):
        parse(
            PARAMETERS_TEXT,
            CLASSIFICATION_TEXT.replace("aanvaard = true }", "aanvaard = true, extra = 1 }", 1),
            SHIPPED_SOURCES_TEXT,
        )
    with pytest.raises(RulesDataError, match="dienst or onderwerp"):
        parse(
            PARAMETERS_TEXT,
            CLASSIFICATION_TEXT.replace('dienst = "advies"', 'dienst = "consultancy"', 1),
            SHIPPED_SOURCES_TEXT,
        )
    with pytest.raises(RulesDataError, match="unknown source"):
        parse(
            PARAMETERS_TEXT, CLASSIFICATION_TEXT.replace('bron = "vlaio_', 'bron = "vlaio_x', 1), SHIPPED_SOURCES_TEXT
        )
    with pytest.raises(RulesDataError, match="only applies to a service of dienst"):
        parse(
            PARAMETERS_TEXT,
            CLASSIFICATION_TEXT.replace(
                'dienst = "opleiding", onderwerp = "cybersecurity", thema = "digitalisering" }',
                'dienst = "opleiding", onderwerp = "cybersecurity", thema = "digitalisering", enkel_als_advies = true }',
            ),
            SHIPPED_SOURCES_TEXT,
        )


def test_sources_are_a_table_referred_to_by_key() -> None:
    """One table of sources: a link is written once, however many values cite it; every source is cited."""
    hrefs = re.findall(r'^link = "(.*)"', SHIPPED_SOURCES_TEXT, flags=re.MULTILINE)
    assert len(hrefs) >= 7
    assert "https://" not in PARAMETERS_TEXT  # links live in bronnen.toml only
    assert "https://" not in CLASSIFICATION_TEXT
    with pytest.raises(RulesDataError, match="nothing cites: ongebruikt"):
        parse(
            PARAMETERS_TEXT,
            CLASSIFICATION_TEXT,
            SHIPPED_SOURCES_TEXT + '\n[ongebruikt]\ntitel = "t"\nlink = "https://example.org/"\n',
        )
    with pytest.raises(RulesDataError, match="'link' must be an https"):
        parse(
            PARAMETERS_TEXT, CLASSIFICATION_TEXT, SHIPPED_SOURCES_TEXT.replace('link = "https://', 'link = "ftp://', 1)
        )
    with pytest.raises(RulesDataError, match="unknown key"):
        parse(PARAMETERS_TEXT, CLASSIFICATION_TEXT, SHIPPED_SOURCES_TEXT.replace("titel =", "kleur = 1\ntitel =", 1))


def test_a_value_carries_its_quote_and_the_article_of_its_source(rules: RulesData) -> None:
    cap = rules["steunplafond.klein"].at(date(2026, 1, 1))
    assert cap.citaat is not None
    assert "7.500" in cap.citaat
    assert cap.bron.key == "vlaio_hoeveel_subsidies"
    small = rules["kmo_definitie.klein.vte"].at(date(2026, 1, 1))
    assert small.bron.title.endswith("bijlage, artikel 2.2")
    assert rules["kmo_definitie.middelgroot.vte"].at(date(2026, 1, 1)).bron.href == small.bron.href


RULE_MODULES = sorted(
    entry.name.removesuffix(".py") for entry in resources.files("calculator").iterdir() if entry.name.endswith(".py")
)


def test_the_figure_check_walks_every_module() -> None:
    assert {"teksten", "engine", "antwoord", "agenda", "domein", "steun", "request", "gevolgen", "plafond"} <= set(
        RULE_MODULES
    )


def test_no_figure_is_written_as_a_literal_in_the_rules_code(rules: RulesData) -> None:
    """Every figure comes from the data: no rules module may contain one of the data's values as a number.

    0, 1 and 2 are everyday integers (first, next, two decimals) and 100 is the base of a percentage; those are
    allowed even though a figure may equal them.
    """
    figures = {
        value.value for parameter in rules for value in parameter.values if not isinstance(value.value, bool)
    } - {Decimal(0), Decimal(1), Decimal(2), Decimal(100)}
    assert Decimal(7500) in figures
    for module in RULE_MODULES:
        source = (resources.files("calculator") / f"{module}.py").read_text(encoding="utf-8")
        tree = ast.parse(source)
        # Docstrings quote the law beside the code (figures included); they are documentation, not rules.
        docstrings = docstring_ids(tree)
        for node in ast.walk(tree):
            if id(node) in docstrings:
                continue
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, int | float)
                and not isinstance(node.value, bool)
            ):
                assert Decimal(str(node.value)) not in figures, f"{module}.py line {node.lineno}: {node.value}"
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                # Numbers inside texts too ("vanaf 25 %"), read the Belgian way ("8.000,50" is 8000.50).
                for token in re.findall(r"\d[\d.]*(?:,\d+)?", node.value):
                    value = _belgian_number(token.rstrip("."))
                    assert value not in figures, f"{module}.py line {node.lineno}: {token!r} in {node.value!r}"


def _belgian_number(token: str) -> Decimal:
    """Read a number in a text: dots before groups of three digits separate thousands ("8.000,50"); any other dot
    is a decimal point ("VERSION:2.0" is 2, not 20)."""
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", token):
        return Decimal(token.replace(".", "").replace(",", "."))
    if token.count(".") == 1 and "," not in token:
        return Decimal(token)
    return Decimal(token.replace(".", "").replace(",", "."))


@pytest.mark.parametrize(
    ("token", "value"), [("8.000,50", "8000.50"), ("7.500", "7500"), ("2.0", "2"), ("25", "25"), ("12,5", "12.5")]
)
def test_numbers_in_texts_are_read_the_belgian_way(token: str, value: str) -> None:
    assert _belgian_number(token) == Decimal(value)


def test_a_minimum_marked_not_binding_warns_instead_of_refusing() -> None:
    """The data can still mark a figure only third parties quote (bindend = false): then it warns, never refuses."""
    marker = '[diensten.advies.minimumbedrag]\nlabel = "Minimale aanvaardbare kostprijs van een advies (zonder btw)"\n'
    assert marker in PARAMETERS_TEXT
    quoted = parse(
        PARAMETERS_TEXT.replace(marker, marker + "bindend = false\n"), CLASSIFICATION_TEXT, SHIPPED_SOURCES_TEXT
    )
    request = request_with({"services[0].amount": "499,99"})
    answer = evaluate_strict(request, data=quoted, today=TODAY)
    assert answer["services"][0]["eligible"] is True
    assert answer["warning_details"][0]["code"] == "waarschuwing.minimum_niet_bindend"
    assert evaluate_strict(request, today=TODAY)["services"][0]["eligible"] is False
