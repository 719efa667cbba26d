"""One reading of the figures: ``calculator/figuren.py`` is the only module that names a figure of the data, its list
of names is what the loader requires, and the package's imports form no circle."""

from __future__ import annotations

import ast
from datetime import date
from decimal import Decimal
from importlib import resources

import pytest
from rules_helpers import docstring_ids

from calculator import figuren
from calculator.classificatie import Dienst, Onderwerp
from calculator.dated import Comparator
from calculator.domein import Grootteklasse
from calculator.parameters import RulesData

DAY = date(2026, 6, 1)


def _modules() -> dict[str, str]:
    folder = resources.files("calculator")
    return {
        entry.name.removesuffix(".py"): entry.read_text(encoding="utf-8")
        for entry in folder.iterdir()
        if entry.name.endswith(".py")
    }


def _figure_names(rules: RulesData) -> set[str]:
    return set(rules.parameters)


def test_every_figure_of_the_data_is_read_by_the_figures_module(rules: RulesData) -> None:
    assert _figure_names(rules) == figuren.VEREIST


def test_only_the_figures_module_names_a_figure(rules: RulesData) -> None:
    """No other module of the package holds a figure's name, whole or as a prefix it completes (``steunplafond.``)."""
    names = _figure_names(rules)
    prefixes = {name.rsplit(".", 1)[0] + "." for name in names if name.count(".") > 1}
    for module, source in _modules().items():
        if module == "figuren":
            continue
        tree = ast.parse(source)
        docstrings = docstring_ids(tree)
        for node in ast.walk(tree):
            if id(node) in docstrings or not isinstance(node, ast.Constant) or not isinstance(node.value, str):
                continue
            assert node.value not in names, f"{module}.py line {node.lineno}: {node.value}"
            assert not any(node.value.startswith(p) for p in prefixes), f"{module}.py line {node.lineno}"


def test_a_name_the_list_does_not_hold_is_refused(rules: RulesData) -> None:
    with pytest.raises(KeyError, match=r"figuren\.VEREIST"):
        figuren._figuur(rules, "steunpercentage.groot")


def test_thresholds_apply_the_comparison_the_data_declares(rules: RulesData) -> None:
    fte = figuren.kmo_grens(rules, Grootteklasse.KLEIN, "vte", DAY)
    assert fte.vergelijking is Comparator.LESS
    assert fte.omvat(Decimal("49.99"))
    assert not fte.omvat(Decimal(50))
    turnover = figuren.kmo_grens(rules, Grootteklasse.KLEIN, "omzet", DAY)
    assert turnover.omvat(Decimal(10_000_000))
    assert not turnover.omvat(Decimal("10000000.01"))
    partners = figuren.partnergrenzen(rules, DAY)
    assert [partners.omvat(Decimal(share)) for share in ("24.99", "25", "50", "50.01")] == [False, True, True, False]


def test_the_end_date_is_a_rule_for_training_only(rules: RulesData) -> None:
    assert figuren.realisatietermijn_opleiding(rules, DAY) == 1
    assert (
        figuren.verhoogd_steunpercentage(rules, Dienst.ADVIES, Onderwerp.ENERGIE_EFFICIENTIE, figuren.GROOTTES[0], DAY)
        is None
    )


def _imports(source: str) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.module:
            if node.module == "calculator":
                found.update(alias.name for alias in node.names)
            elif node.module.startswith("calculator."):
                found.add(node.module.removeprefix("calculator.").split(".")[0])
    return found


def test_the_package_has_no_import_circle() -> None:
    modules = _modules()
    graph = {name: _imports(source) & set(modules) for name, source in modules.items() if name != "__init__"}
    graph = {name: {target for target in targets if target in graph} for name, targets in graph.items()}

    def reaches(start: str, goal: str, seen: set[str]) -> bool:
        for target in graph[start]:
            if target == goal or (target not in seen and reaches(target, goal, seen | {target})):
                return True
        return False

    circles = sorted(name for name in graph if reaches(name, name, set()))
    assert circles == []


def test_catering_counts_up_to_an_official_amount_per_person_per_day(rules: RulesData) -> None:
    """Shown on the pages only (the calculator does not split a price), from the official page on eligible costs."""
    catering = figuren.catering_opleiding(rules, DAY)
    assert catering.value == 25
    assert catering.bron.key == "vlaanderen_kosten"
    assert not catering.bron.derde_partij
    assert catering.citaat is not None
    assert "25 euro" in catering.citaat
