"""True for any build date: the pages built on the day before and the day of every change in the data (and today)
state the rules in force that day, and nothing later.

Each build runs MkDocs with KMO_BUILD_DATE set; the expectations are read from the data here, not from the hook
that writes the pages.
"""

from __future__ import annotations

import html
import re
from datetime import date, timedelta
from decimal import Decimal

import pytest
from site_helpers import RATE_FIGURES, Page, build, built_pages, plain

from build_scripts import aanbieder
from build_scripts.site_build import build_day
from build_scripts.voorbeelden import example_requests
from calculator import evaluate
from calculator.dated import Begin
from calculator.figuren import geschiedenis
from calculator.formatting import MONTHS, euro, long_date, percent
from calculator.parameters import RulesData, load

RULES = load()
PROVIDER = aanbieder.load(RULES.classificatie)  # the default site's provider, whose examples its pages show


def build_dates(rules: RulesData) -> list[date]:
    """The day before and the day of every dated value from the modelled period on (a "ten laatste" date too),
    and today."""
    days = {build_day()}
    for parameter in rules:
        for value in parameter.values:
            if value.start >= rules.modelled_from and value.begin is not Begin.MODELSTART:
                days.add(value.start)
                if value.start - timedelta(days=1) >= rules.modelled_from:
                    days.add(value.start - timedelta(days=1))
    return sorted(days)


DATES = build_dates(RULES)
LONG_DATE = re.compile(r"\b(sinds|vanaf) (\d{1,2}) (" + "|".join(MONTHS) + r") (\d{4})")


@pytest.fixture(scope="module", params=DATES, ids=[day.isoformat() for day in DATES])
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[date, dict[str, Page]]:
    day: date = request.param
    site = tmp_path_factory.mktemp(f"site-{day.isoformat()}")
    result = build(site, env={"KMO_BUILD_DATE": day.isoformat()})
    assert result.returncode == 0, result.stderr
    return day, {str(page.path.relative_to(site)): page for page in built_pages(site)}


def test_the_dates_cover_every_change() -> None:
    assert date(2016, 4, 1) in DATES
    for change in ("2019-12-01", "2020-01-01", "2021-09-14", "2023-01-01", "2024-06-05", "2026-02-01"):
        day = date.fromisoformat(change)
        assert day in DATES, change
        assert day - timedelta(days=1) in DATES, change


def _cells(row: str) -> list[str]:
    cells = re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", row, re.DOTALL)
    return [
        " ".join(html.unescape(re.sub(r"<sup.*?</sup>|<[^>]+>", "", cell)).replace("\u00a0", " ").split())
        for cell in cells
    ]


def table_rows(page: Page) -> list[list[str]]:
    """Every table row of a page, as cell texts (note references removed)."""
    source = page.path.read_text(encoding="utf-8")
    return [_cells(row) for row in re.findall(r"<tr>(.*?)</tr>", source, re.DOTALL)]


def _rates_table(page: Page) -> dict[str, tuple[str, str]]:
    """The rows of the table of today's rates (steun page): label -> (small, medium)."""
    rows = {}
    for cells in table_rows(page):
        if len(cells) == 3 and cells[0].startswith(("Opleiding", "Advies", "Steunplafond")):
            rows[cells[0]] = (cells[1], cells[2])
    return rows


def examples(page: Page) -> dict[str, dict[str, str]]:
    """The worked examples of a page: key -> {support, own_share, application_deadline} as shown."""
    source = page.path.read_text(encoding="utf-8")
    found = {}
    for key, block in re.findall(r'data-voorbeeld="([^"]+)">(.*?)</div>', source, re.DOTALL):
        found[key] = {
            name: plain(html.unescape(value)) for name, value in re.findall(r'data-bedrag="([^"]+)">([^<]*)<', block)
        }
    return found


@pytest.mark.slow
def test_rates_caps_and_rule_sentences_match_the_rules_of_the_build_date(
    built: tuple[date, dict[str, Page]],
) -> None:
    day, pages = built

    def rate(name: str) -> str:
        return percent(RULES[name].amount(day)).replace("\u00a0", " ")

    cyber = RULES["steunpercentage.cybersecurity.klein"].applies_on(day)
    energy = RULES["steunpercentage.energie_efficientie_opleiding.klein"].applies_on(day)
    other_advice = RULES["diensten.advies_ander_onderwerp.subsidieerbaar"].flag(day)
    themes = RULES["diensten.themas_beperkt"].flag(day)

    table = _rates_table(pages["steun/index.html"])
    training = next(label for label in table if label.startswith("Opleiding") and "cyber" not in label)
    assert table[training] == (rate("steunpercentage.klein"), rate("steunpercentage.middelgroot")), day
    assert ("Opleiding over cybersecurity" in table) is cyber, day
    assert ("Advies over cybersecurity" in table) is cyber, day
    if cyber:
        expected = (rate("steunpercentage.cybersecurity.klein"), rate("steunpercentage.cybersecurity.middelgroot"))
        assert table["Opleiding over cybersecurity"] == expected
        assert table["Advies over cybersecurity"] == expected
    assert ("Opleiding over energie-efficiëntie" in table) is energy, day
    refused = table.get("Advies over een ander onderwerp", ("", ""))[0] == "komt niet in aanmerking"
    assert refused is not other_advice, day
    caps = tuple(plain(euro(RULES[f"steunplafond.{s}"].amount(day), cents=False)) for s in ("klein", "middelgroot"))
    assert table["Steunplafond per kalenderjaar"] == caps, day

    home = plain(pages["index.html"].text)
    highest = max(RULES[name].amount(day) for name in RATE_FIGURES if RULES[name].applies_on(day))
    assert f"tot {plain(percent(highest))}" in home, day
    cap = max(RULES[f"steunplafond.{s}"].amount(day) for s in ("klein", "middelgroot"))
    assert f"tot {plain(euro(cap, cents=False))}" in home, day
    assert ("Advies over een ander onderwerp: komt niet in aanmerking" in home) is not other_advice, day
    assert "Leest u ergens nog" not in home, "no history on the home page"
    history = pages["geschiedenis/index.html"].text
    assert ("Leest u ergens nog" in history) is (RULES["steunpercentage.klein"].at(day).start > RULES.modelled_from)

    services = pages["diensten/index.html"]
    assert ("themas" in services.ids) is themes, day
    assert ("advies" in services.ids) is not other_advice, day
    assert ("personeelsmanagement" in services.text) is themes, day
    questions = pages["vragen/index.html"].text
    assert ("Nee. Alleen advies over cybersecurity" in questions) is not other_advice, day  # the date: on diensten
    assert ("Ja, tegen het gewone steunpercentage" in questions) is other_advice, day


@pytest.mark.slow
def test_no_page_states_a_date_after_the_build_date_as_in_force(built: tuple[date, dict[str, Page]]) -> None:
    day, pages = built
    for name, page in pages.items():
        for _, number, month, year in LONG_DATE.findall(plain(page.text)):
            stated = date(int(year), MONTHS.index(month) + 1, int(number))
            assert stated <= day, f"{name} built for {day} says 'sinds/vanaf {long_date(stated)}'"


NOTICE = re.compile(r'<aside class="kmo-regelwijziging" data-regelwijziging="([0-9-]+)"[^>]*\shidden>')


@pytest.mark.slow
def test_every_page_carries_the_next_change_hidden(built: tuple[date, dict[str, Page]]) -> None:
    """The first later day on which a value starts (a "ten laatste" day is not a change), hidden until then; none
    when the data holds no later change."""
    day, pages = built
    later = sorted(v.start for p in RULES for v in p.values if v.start > day and v.begin is Begin.BEKEND)
    expected = [later[0].isoformat()] if later else []
    for name, page in pages.items():
        assert NOTICE.findall(page.path.read_text(encoding="utf-8")) == expected, (name, day)
        if later:
            assert f"Op {long_date(later[0])} zijn de regels" in plain(page.text), (name, day)


@pytest.mark.slow
def test_the_history_ends_with_the_rule_set_in_force(built: tuple[date, dict[str, Page]]) -> None:
    day, pages = built
    history = [cells for cells in table_rows(pages["geschiedenis/index.html"]) if len(cells) == 7]
    starts = [
        value.start
        for parameter in geschiedenis(RULES)
        for value in parameter.values
        if value.begin is not Begin.MODELSTART and value.start <= day
    ]
    last = max([RULES.modelled_from, *starts])
    now = [cells[0] for cells in history if "(nu van toepassing)" in cells[0]]
    assert len(now) == 1, "one row of rules in force"
    assert now[0] == history[-1][0], "the rules in force are the last row: nothing later shown"
    assert now[0].endswith(f"{long_date(last)} (nu van toepassing)"), (day, now)


@pytest.mark.slow
def test_worked_examples_are_what_evaluate_answers_on_the_build_date(built: tuple[date, dict[str, Page]]) -> None:
    day, pages = built
    check_examples(day, pages)


def check_examples(day: date, pages: dict[str, Page]) -> None:
    checked = 0
    for group, requests in example_requests(day, PROVIDER).items():
        page = pages["index.html" if group == "index" else f"{group}/index.html"]  # group "index": the home page
        for key, _, request in requests:
            shown = examples(page).get(key)
            assert shown is not None, f"{group}/{key} is not on the page"
            answer = evaluate(request, today=day)
            service = answer["services"][0]["display"]
            assert shown["support"] == plain(service["support"]), (day, key)
            assert shown["own_share"] == plain(service["own_share"]), (day, key)
            assert (shown.get("application_deadline") is not None) is answer["services"][0]["eligible"]
            if answer["services"][0]["eligible"]:
                assert shown["application_deadline"] == plain(service["application_deadline"]), (day, key)
            checked += 1
    assert checked >= 4


def test_worked_examples_on_todays_site(pages: dict[str, Page]) -> None:
    check_examples(build_day(), pages)


def test_the_late_example_is_refused_and_the_cap_example_is_capped(pages: dict[str, Page]) -> None:
    late = examples(pages["procedure/index.html"])["te-laat"]
    assert late["support"] == plain(euro(Decimal(0)))
    assert "application_deadline" not in late
    capped = examples(pages["steun/index.html"])["plafond-bereikt"]
    requests = {key: request for key, _, request in example_requests(build_day(), PROVIDER)["steun"]}
    answer = evaluate(requests["plafond-bereikt"], today=build_day())
    assert answer["cap_remaining_before"] == answer["services"][0]["support"] != "0.00"
    assert capped["support"] == plain(answer["services"][0]["display"]["support"])
