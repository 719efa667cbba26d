"""The open data the build publishes: every dated value in the rules JSON and one Atom entry for each."""

from __future__ import annotations

import json
from decimal import Decimal
from xml.etree import ElementTree

import pytest

from build_scripts.opendata import FEED_FILE, RULES_FILE, SCHEMAS, atom_feed, rules_json, rules_json_text, schema
from calculator import __version__
from calculator.parameters import RulesData, load

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def rules() -> RulesData:
    return load()


def test_the_rules_json_has_every_value_with_its_start_and_source(rules: RulesData) -> None:
    published = json.loads(rules_json_text(rules, __version__))
    assert published == json.loads(json.dumps(rules_json(rules, __version__)))
    by_name = {parameter["naam"]: parameter for parameter in published["parameters"]}
    for parameter in rules:
        values = by_name[parameter.name]["waarden"]
        assert len(values) == len(parameter.values)
        for shown, value in zip(values, parameter.values, strict=True):
            assert shown["vanaf"] == value.start.isoformat()
            assert shown["begin"] == value.begin.value
            if isinstance(value.value, bool):
                assert shown["waarde"] is value.value
            else:
                assert Decimal(str(shown["waarde"])) == value.value
    assert published["bronnen"]["vlaio_hoeveel_subsidies"]["href"].startswith("https://")


def test_the_feed_has_one_entry_per_dated_value(rules: RulesData) -> None:
    feed = ElementTree.fromstring(atom_feed(rules, "https://voorbeeld.be/", "Kmo-portefeuille bij Voorbeeld"))
    assert feed.tag == f"{ATOM}feed"
    assert feed.findtext(f"{ATOM}author/{ATOM}name") == "Kmo-portefeuille bij Voorbeeld", "the site's name"
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == sum(len(parameter.values) for parameter in rules)
    ids = [entry.findtext(f"{ATOM}id") for entry in entries]
    assert len(set(ids)) == len(ids)
    assert all(
        identifier and identifier.startswith(f"https://voorbeeld.be/open-data/{RULES_FILE}#") for identifier in ids
    )
    self_link = feed.find(f"{ATOM}link[@rel='self']")
    assert self_link is not None
    assert self_link.get("href") == f"https://voorbeeld.be/{FEED_FILE}"
    titles = [entry.findtext(f"{ATOM}title") or "" for entry in entries]
    assert any("ten laatste sinds 5 juni 2024" in title for title in titles)
    assert any("al vóór 1 april 2016" in title for title in titles)


def test_the_schemas_are_json() -> None:
    for name in SCHEMAS:
        document = json.loads(schema(name))
        assert document["$schema"].startswith("https://json-schema.org/")
