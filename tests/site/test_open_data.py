"""/open-data/: the rules as JSON, the JSON Schemas, the wheel and the Atom feed, all from the same data as the pages."""

from __future__ import annotations

import json
import subprocess
import sys
import venv
from pathlib import Path

import feedparser
import jsonschema
import pytest
from site_helpers import Page

from build_scripts import opendata
from calculator import __version__, evaluate
from calculator.parameters import load
from calculator.request_services import DIENSTEN, ONDERWERPEN

EXAMPLE = {"enterprise": {"size_category": "klein"}, "services": [{"kind": "pentest", "amount": 8000}]}


def published(site: Path, name: str) -> str:
    return (site / "open-data" / name).read_text(encoding="utf-8")


@pytest.mark.parametrize("name", opendata.SCHEMAS)
def test_the_published_schemas_are_valid_and_the_packages_own(name: str, site: Path) -> None:
    text = published(site, name)
    assert text == opendata.schema(name)
    jsonschema.Draft202012Validator.check_schema(json.loads(text))


def test_the_rules_file_holds_every_dated_value_and_matches_its_schema(site: Path) -> None:
    rules = json.loads(published(site, opendata.RULES_FILE))
    jsonschema.Draft202012Validator(json.loads(opendata.schema("regels.schema.json"))).validate(rules)
    data = load()
    assert rules["versie"] == __version__
    assert rules["gegevens_gecontroleerd_op"] == data.checked_on.isoformat()
    by_name = {parameter["naam"]: parameter for parameter in rules["parameters"]}
    assert set(by_name) == set(data.parameters)
    for parameter in data:
        values = by_name[parameter.name]["waarden"]
        assert [v["vanaf"] for v in values] == [v.start.isoformat() for v in parameter.values]
        assert [v["bron"] for v in values] == [v.bron.key for v in parameter.values]
        assert by_name[parameter.name]["vergelijking"] == (
            parameter.vergelijking.value if parameter.vergelijking else None
        )
    assert set(rules["bronnen"]) == set(data.sources)
    assert len(rules["classificatie"]["themas"]) == len(data.classificatie.themas)


def test_requests_and_answers_match_their_schemas() -> None:
    """The schemas describe real requests and answers (tests/conftest.py also checks every answer of the run)."""
    request_schema = jsonschema.Draft202012Validator(json.loads(opendata.schema("aanvraag.schema.json")))
    answer_schema = jsonschema.Draft202012Validator(json.loads(opendata.schema("antwoord.schema.json")))
    request_schema.validate(EXAMPLE)
    answer_schema.validate(evaluate(EXAMPLE))
    refused = evaluate({"enterprise": {}, "services": "geen lijst"})
    assert not refused["ok"]
    answer_schema.validate(refused)
    with pytest.raises(jsonschema.ValidationError):
        answer_schema.validate({**evaluate(EXAMPLE), "support_total": 3600})  # a float would lose cents
    assert getattr(evaluate, "schema_checked", False), "tests/conftest.py checks every answer of the test run"


def test_the_feed_is_atom_with_one_entry_per_dated_value(site: Path) -> None:
    text = (site / opendata.FEED_FILE).read_text(encoding="utf-8")
    feed = feedparser.parse(text)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    values = [value for parameter in load() for value in parameter.values]
    assert len(feed.entries) == len(values)
    assert len({entry.id for entry in feed.entries}) == len(values)
    assert feed.feed.title == "Wijzigingen in de regels van de kmo-portefeuille"
    newest = feed.entries[0]
    assert "1 februari 2026" in newest.title


def test_every_page_links_the_feed_in_its_head(site: Path, pages: dict[str, Page]) -> None:
    feed = (site / opendata.FEED_FILE).resolve()
    for name, page in pages.items():
        links = [
            url
            for tag, url, attributes in page.links
            if tag == "link" and attributes.get("type") == "application/atom+xml"
        ]
        assert len(links) == 1, name
        target = site / links[0].lstrip("/") if links[0].startswith("/") else page.path.parent / links[0]
        assert target.resolve() == feed, (name, links[0])


def test_the_page_offers_every_file(site: Path, pages: dict[str, Page]) -> None:
    page = pages["open-data/index.html"]
    hrefs = {url for tag, url, _ in page.links if tag == "a"}
    for name in (opendata.RULES_FILE, opendata.wheel_name(), *opendata.SCHEMAS):
        assert name in hrefs, name
        assert (site / "open-data" / name).is_file(), name
    assert f"../{opendata.FEED_FILE}" in hrefs
    assert (site / opendata.FEED_FILE).is_file()
    assert f"pip install {opendata.wheel_name()}" in page.text
    assert "Creative Commons" in page.text


@pytest.mark.slow
def test_the_wheel_installs_in_a_fresh_environment_and_answers_from_the_command_line(
    site: Path, tmp_path: Path
) -> None:
    environment = tmp_path / "venv"
    venv.create(environment, with_pip=True)
    python = environment / "bin" / "python"
    wheel = site / "open-data" / opendata.wheel_name()
    install = subprocess.run(
        [python, "-m", "pip", "install", "--quiet", "--no-index", "--no-deps", str(wheel)],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
    )
    assert install.returncode == 0, install.stderr
    answer = subprocess.run(
        [python, "-m", "calculator"],
        input=json.dumps(EXAMPLE),
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
    )
    assert answer.returncode == 0, answer.stderr
    assert json.loads(answer.stdout)["services"][0]["support"] == evaluate(EXAMPLE)["services"][0]["support"]
    assert sys.executable != str(python)


DESCRIBED = [
    {"kind": "training", "subject": "energy_efficiency", "theme": "duurzaamheid", "amount": 300, "label": "Energie"},
    {"kind": "training", "subject": "other", "theme": "financiele_geletterdheid", "amount": 450},
    {"kind": "training", "subject": "cybersecurity", "amount": 900},
    {"kind": "advice", "subject": "cybersecurity", "amount": 4000},
    {"kind": "pentest", "amount": 8000, "label": "Pentesting"},
]
REFUSED = [
    {"kind": "advice", "subject": "cybersecurity", "theme": "digitalisering", "amount": 4000},  # a theme for advice
    {"kind": "training", "subject": "energy_efficiency", "theme": "digitalisering", "amount": 300},  # does not fit
    {"kind": "training", "subject": "cybersecurity", "theme": "innovatie", "amount": 300},  # does not fit
    {"kind": "training", "subject": "other", "amount": 300},  # another subject needs its theme
    {"kind": "training", "subject": "boekhouding", "theme": "innovatie", "amount": 300},  # unknown subject
    {"kind": "training", "subject": "other", "theme": "koken", "amount": 300},  # unknown theme
    {"kind": "advice", "amount": 900},  # no subject
    {"kind": "pentest", "subject": "other", "amount": 8000},  # a named kind has its subject
]


def test_the_request_schema_describes_a_service_by_kind_subject_and_theme_as_the_package_reads_it() -> None:
    """The schema accepts what the package accepts and refuses what it refuses, and lists the package's values."""
    request_schema = json.loads(opendata.schema("aanvraag.schema.json"))
    validator = jsonschema.Draft202012Validator(request_schema)
    for service in DESCRIBED:
        request = {"enterprise": {"size_category": "klein"}, "services": [service]}
        validator.validate(request)
        assert evaluate(request)["ok"], service
    for service in REFUSED:
        request = {"enterprise": {"size_category": "klein"}, "services": [service]}
        assert not validator.is_valid(request), service
        assert not evaluate(request)["ok"], service
    item = request_schema["properties"]["services"]["items"]
    assert item["properties"]["subject"]["enum"] == list(ONDERWERPEN)
    assert item["properties"]["theme"]["enum"] == list(load().classificatie.themas)
    assert item["allOf"][0]["if"]["properties"]["kind"]["enum"] == list(DIENSTEN)
