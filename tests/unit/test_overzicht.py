"""The rule summaries the pages show come from the same functions as the calculator's answers (calculator.steun)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from calculator import overzicht
from calculator.classificatie import Dienst, Onderwerp
from calculator.domein import Grootteklasse
from calculator.parameters import RulesData
from calculator.rendering import render
from calculator.request_services import beschreven_soort
from calculator.steun import GROOTTES, tarief, tarief_voor

DAYS = [date(2016, 4, 1), date(2021, 1, 1), date(2021, 9, 14), date(2024, 7, 1), date(2026, 2, 1), date(2026, 12, 4)]


def _rows(rules: RulesData, day: date) -> dict[str, tuple[Decimal, ...]]:
    return {
        render(row.waarvoor): tuple(rate.percentage for rate in row.tarieven)
        for row in overzicht.tarieven(day, rules).rijen
    }


@pytest.mark.parametrize("day", DAYS)
def test_each_kind_of_service_gets_on_the_page_the_rate_the_calculator_applies(rules: RulesData, day: date) -> None:
    rows = _rows(rules, day)
    labels = {
        "cybersecurity_training": "Opleiding over cybersecurity",
        "cybersecurity_advice": "Advies over cybersecurity",
    }
    for key, kind in rules.classificatie.dienstsoorten.items():
        if key not in labels or labels[key] not in rows:
            continue
        expected = tuple(tarief(kind, klasse, day, rules).percentage for klasse in GROOTTES)
        assert rows[labels[key]] == expected, (day, key)
    software = rules.classificatie.dienstsoorten["software_training"]
    training = next(label for label in rows if label.startswith("Opleiding") and "over cyber" not in label)
    assert rows[training] == tuple(tarief(software, klasse, day, rules).percentage for klasse in GROOTTES)


def test_rows_follow_the_rules_in_force(rules: RulesData) -> None:
    assert list(_rows(rules, date(2021, 1, 1))) == ["Opleiding", "Advies"]
    assert list(_rows(rules, date(2023, 6, 1))) == [
        "Opleiding over een ander onderwerp (bijvoorbeeld software)",
        "Opleiding over cybersecurity",
        "Advies over cybersecurity",
        "Advies over een ander onderwerp (bijvoorbeeld software)",
    ]
    today = overzicht.tarieven(date(2026, 12, 4), rules)
    refused = today.rijen[-1]
    assert render(refused.waarvoor) == "Advies over een ander onderwerp"
    assert refused.tarieven == ()
    assert refused.geweigerd is not None
    assert refused.geweigerd.start == date(2026, 2, 1)
    assert [cap.value for cap in today.plafonds] == [Decimal(7500), Decimal(7500)]
    assert "Opleiding over energie-efficiëntie" in _rows(rules, date(2026, 12, 4))


def test_the_energy_efficiency_rate_is_decided_by_the_package(rules: RulesData) -> None:
    training = tarief_voor(
        Dienst.OPLEIDING,
        Onderwerp.ENERGIE_EFFICIENTIE,
        Grootteklasse.KLEIN,
        date(2024, 7, 1),
        rules,
    )
    assert training.verhoogd is Onderwerp.ENERGIE_EFFICIENTIE
    assert training.percentage == rules["steunpercentage.energie_efficientie_opleiding.klein"].amount(date(2024, 7, 1))
    advice = tarief_voor(Dienst.ADVIES, Onderwerp.ENERGIE_EFFICIENTIE, Grootteklasse.KLEIN, date(2024, 7, 1), rules)
    assert advice.verhoogd is None, "the energy-efficiency rate is for training only"


def test_the_highest_rate_of_an_offer_counts_only_its_services(rules: RulesData) -> None:
    today = date(2026, 12, 4)
    themes = rules.classificatie.themas
    other = beschreven_soort(Dienst.OPLEIDING, Onderwerp.ANDER, themes["financiele_geletterdheid"])
    energy = beschreven_soort(Dienst.OPLEIDING, Onderwerp.ENERGIE_EFFICIENTIE, themes["duurzaamheid"])
    assert overzicht.hoogste_tarief_van([other], today, rules) == rules["steunpercentage.klein"].amount(today)
    assert overzicht.hoogste_tarief_van([other, energy], today, rules) == rules[
        "steunpercentage.energie_efficientie_opleiding.klein"
    ].amount(today)
    licence = rules.classificatie.dienstsoorten["software_license"]
    assert overzicht.hoogste_tarief_van([licence], today, rules) is None, "a kind that never qualifies has no rate"


def test_the_kinds_of_an_offer_in_the_classifications_order_then_described_once(rules: RulesData) -> None:
    named = rules.classificatie.dienstsoorten
    energy = beschreven_soort(
        Dienst.OPLEIDING, Onderwerp.ENERGIE_EFFICIENTIE, rules.classificatie.themas["duurzaamheid"]
    )
    offer = [energy, named["pentest"], named["security_audit"], energy]
    shown = [kind.soort for kind in overzicht.soorten(date(2026, 12, 4), rules, offer)]
    order = list(named.values())
    assert shown == [*sorted([named["pentest"], named["security_audit"]], key=order.index), energy]
    assert [kind.soort for kind in overzicht.soorten(date(2026, 12, 4), rules)] == order


def test_the_highest_rate_and_cap(rules: RulesData) -> None:
    assert overzicht.hoogste_tarief(date(2021, 1, 1), rules) == rules["steunpercentage.klein"].amount(date(2021, 1, 1))
    today = date(2026, 12, 4)
    assert overzicht.hoogste_tarief(today, rules) == rules["steunpercentage.cybersecurity.klein"].amount(today)
    assert overzicht.hoogste_plafond(date(2019, 1, 1), rules) == rules["steunplafond.middelgroot"].amount(
        date(2019, 1, 1)
    )


def test_the_history_has_one_period_per_change_and_ends_with_the_rules_in_force(rules: RulesData) -> None:
    periods = overzicht.geschiedenis(date(2026, 12, 4), rules)
    assert periods[0].vanaf == rules.modelled_from
    assert [p.vanaf for p in periods] == sorted({p.vanaf for p in periods})
    assert periods[-1].vanaf == date(2026, 2, 1)
    texts = {p.vanaf: (render(p.plafond), [render(r) for r in p.verhoogd], render(p.reikwijdte)) for p in periods}
    assert texts[rules.modelled_from][0] == "€\u00a010.000 (klein), €\u00a015.000 (middelgroot)"
    assert texts[date(2020, 1, 1)][0] == "€\u00a07.500 voor beide"
    assert texts[date(2020, 1, 1)][1] == ["geen apart percentage", "geen apart percentage"]
    assert texts[date(2021, 9, 14)][1][0] == "45\u00a0% / 35\u00a0%"
    assert texts[date(2020, 1, 1)][2] == "opleiding en advies over alle onderwerpen"
    assert texts[date(2023, 1, 1)][2] == "opleiding en advies binnen 8 toekomstgerichte thema's"
    assert texts[date(2026, 2, 1)][2].endswith("advies enkel over cybersecurity")
    ten_laatste = [p for p in periods if p.ten_laatste]
    assert [p.vanaf for p in ten_laatste] == [date(2024, 6, 5)]
    assert all(value.start == p.vanaf for p in periods for value in p.gewijzigd)
    assert overzicht.geschiedenis(date(2021, 1, 1), rules)[-1].vanaf == date(2020, 1, 1)


def test_the_thresholds_and_the_size_choices(rules: RulesData) -> None:
    day = date(2026, 12, 4)
    thresholds = overzicht.drempels(day, rules)
    assert thresholds.bron.title.endswith(", bijlage, artikel 2")
    small = [render(reden) for reden in thresholds.rijen[0][1]]
    assert small == ["minder dan 50\u00a0VTE", "ten hoogste €\u00a010.000.000", "ten hoogste €\u00a010.000.000"]
    hint = render(overzicht.grootte_omschrijving(Grootteklasse.KLEIN, day, rules))
    assert hint == "minder dan 50\u00a0VTE; omzet of balanstotaal ten hoogste €\u00a010.000.000"
    medium = render(overzicht.grootte_omschrijving(Grootteklasse.MIDDELGROOT, day, rules))
    assert medium.startswith("minder dan 250\u00a0VTE; omzet ten hoogste €\u00a050.000.000 of balanstotaal ten hoogste")
    large = render(overzicht.grootte_omschrijving(Grootteklasse.GROOT, day, rules))
    assert large.startswith("250\u00a0VTE of meer, of omzet én balanstotaal boven")


def test_which_kinds_qualify(rules: RulesData) -> None:
    before = {s.soort.sleutel: s for s in overzicht.soorten(date(2025, 1, 1), rules)}
    after = {s.soort.sleutel: s for s in overzicht.soorten(date(2026, 12, 4), rules)}
    assert before["software_advice"].subsidieerbaar
    assert not after["software_advice"].subsidieerbaar
    assert after["pentest"].subsidieerbaar
    assert not after["development"].subsidieerbaar
    assert render(after["development"].omschrijving) == "geen opleiding of advies"
    assert render(after["pentest"].omschrijving) == "advies, thema digitalisering"
