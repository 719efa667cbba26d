"""MkDocs hooks: the pages get their figures from the calculator's rules data, never from the Markdown.

A page writes a marker where a figure belongs, as an HTML comment (after Material's own ``shortcodes.py``):

    <!-- kmo:waarde steunpercentage.klein -->      30 %
    <!-- kmo:figuur steunpercentage.klein -->      30 %[^1], with a numbered note at the end of the page: its source,
                                                   and from when the value applies (when that date is a start)
    <!-- kmo:sinds steunpercentage.klein -->       1 december 2019 (refused for a value whose start is not known)
    <!-- kmo:vanaf steunpercentage.klein -->       "sinds 1 december 2019", or "ten laatste sinds 5 juni 2024"
    <!-- kmo:waarde steunpercentage.klein 2016-04-01 -->   40 %  (any of these: a figure on a given day)
    <!-- kmo:eerste steunpercentage.cybersecurity.klein -->  14 september 2021 (the first day it has a value)
    <!-- kmo:tot steunpercentage.klein 2016-04-01 -->   30 november 2019 (the last day that value applied)
    <!-- kmo:bron steunpercentage.klein -->        [^1]: only the numbered note with the source
    <!-- kmo:bron-van KEY -->                      [^1]: the note for a source of bronnen.toml, for a statement
    <!-- kmo:url KEY -->                           the address of that source, for a link in the text
    <!-- kmo:als NAME --> ... <!-- kmo:anders --> ... <!-- kmo:einde -->
                                                   text chosen by the rules in force on the build date: NAME is a
                                                   ja_nee figure that is true, or another figure that has a value
                                                   (kmo:als-niet NAME for the opposite; kmo:als-veranderd NAME DATE:
                                                   the value of DATE is no longer in force); no nesting
    <!-- kmo:geschiedenis -->                      the dated table of rates and caps, the seed's 2016 figures included
    <!-- kmo:drempels -->                          the size thresholds (European SME definition)
    <!-- kmo:rechtsvormen aanvaard|niet-aanvaard -->
    <!-- kmo:diensten subsidieerbaar|niet-subsidieerbaar -->
    <!-- kmo:dienstverlener naam|registratienummer_advies|registratienummer_opleiding|website|... -->
    <!-- kmo:contactgegevens -->, <!-- kmo:registraties -->, <!-- kmo:aanbod -->
                                                   the provider (aanbieder.toml, build_scripts/aanbieder.py)
    <!-- kmo:termijnvoorbeeld 2026-11-20 -->       the last day to apply for services starting that day
    <!-- kmo:regelset -->                          the date since which today's rule set applies
    <!-- kmo:builddatum -->                        the date the figures were taken for

Figures are those in force on the build date (``KMO_BUILD_DATE=YYYY-MM-DD`` to choose one; default: today in
Europe/Brussels). ``KMO_RULES_DATA_DIR`` points at another copy of the data files (the tests use it to show that a
changed figure changes the pages). An unknown marker, or an unknown figure, fails the build.
"""

from __future__ import annotations

import copy
import os
import re
import sys
import tomllib
from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal
from html import escape
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from build_scripts import aanbieder
from build_scripts.build_site import RUNTIME_STAGING
from build_scripts.hosting import CSP_META
from calculator import __version__, evaluate, opendata
from calculator.clock import brussels_today
from calculator.formatting import euro, long_date, number, percent
from calculator.parameters import Begin, DatedValue, Dienst, Parameter, RulesData, Source, Unit, load, load_from
from calculator.request import MAX_ROWS
from calculator.steun import aanvraagtermijn, soort_subsidieerbaar
from calculator.teksten import VELDEN, veld

MARKER = re.compile(r"<!--\s*kmo:([a-z_-]+)((?:[ \t]+[^\s>]+)*)\s*-->")
ANY_MARKER = re.compile(r"<!--\s*kmo\b")

_state: dict[str, Any] = {}


def rules() -> RulesData:
    data = _state["rules"]
    assert isinstance(data, RulesData)
    return data


def build_date() -> date:
    day = _state["build_date"]
    assert isinstance(day, date)
    return day


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    folder = os.environ.get("KMO_RULES_DATA_DIR")
    _state["rules"] = load_from(Path(folder)) if folder else load()
    chosen = os.environ.get("KMO_BUILD_DATE")
    _state["build_date"] = date.fromisoformat(chosen) if chosen else brussels_today()
    _state["provider"] = aanbieder.configure(config, rules().classification)  # aanbieder.toml (or KMO_AANBIEDER)
    _state["cited"] = set()
    problems = contact_problems(config)
    for problem in problems:
        print(f"WARNING (before going live): {problem}", file=sys.stderr)
    if problems and os.environ.get(PRODUCTION) == "1":
        raise PluginError(f"{PRODUCTION}=1: the site is not ready to go live: {'; '.join(problems)}")
    if _state["build_date"] < rules().modelled_from:
        raise PluginError(f"KMO_BUILD_DATE {chosen} is before the first modelled rule set")
    _state["glossary"] = glossary()  # once per build: every page gets the same glossary
    return config


# --- formatting a figure ---------------------------------------------------------------------------------------


def show(parameter: Parameter, day: date) -> str:
    """A figure in force on ``day`` as the pages write it (the feed writes it the same way)."""
    return opendata.shown(parameter, parameter.at(day))


def _link(source: Source) -> str:
    title = source.title.replace('"', "'")
    return f'[{source.title}]({source.href} "{title}")'


def start_words(value: DatedValue) -> str:
    """When a value applies, as a note says it; empty when its date is only the start of the modelled period."""
    if value.begin is Begin.MODELSTART:
        return ""
    if value.begin is Begin.TEN_LAATSTE:
        return f"Van toepassing ten laatste sinds {long_date(value.start)}; een officiële begindatum vonden we niet."
    if value.start < rules().modelled_from:
        return f"Van toepassing sinds {long_date(value.start)}."
    return f"Van toepassing op aanvragen vanaf {long_date(value.start)}."


def note(source: Source, when: str = "") -> str:
    """A numbered note at the end of the page (Markdown footnotes): the source, and optionally when the rule
    applies. The same note cited twice on a page is one note."""
    notes: dict[str, str] = _state["notes"]
    _state.setdefault("cited", set()).add(source.key)
    link = _link(source)
    text = link + ("" if source.title.endswith(("?", "!", ".")) else ".") + (f" {when}" if when else "")
    for label, existing in notes.items():
        if existing == text:
            return f"[^{label}]"
    label = f"kmo{len(notes) + 1}"
    notes[label] = text
    return f"[^{label}]"


def value_note(parameter: Parameter, day: date) -> str:
    value = parameter.at(day)
    return note(value.source, start_words(value))


def _parameter(name: str) -> Parameter:
    try:
        return rules()[name]
    except KeyError:
        raise PluginError(f"unknown figure '{name}' (see calculator/data/parameters.toml)") from None


def _one(arguments: list[str], marker: str) -> str:
    if len(arguments) != 1:
        raise PluginError(f"kmo:{marker} takes exactly one argument, got {arguments}")
    return arguments[0]


def _figure_and_day(arguments: list[str], marker: str) -> tuple[Parameter, date]:
    """``NAME`` (in force on the build date) or ``NAME YYYY-MM-DD`` (in force on that day, for history)."""
    if len(arguments) not in (1, 2):
        raise PluginError(f"kmo:{marker} takes a figure name and optionally a date, got {arguments}")
    parameter = _parameter(arguments[0])
    day = build_date()
    if len(arguments) == 2:
        try:
            day = date.fromisoformat(arguments[1])
        except ValueError:
            raise PluginError(f"kmo:{marker}: '{arguments[1]}' is not a date as YYYY-MM-DD") from None
    if not parameter.applies_on(day):
        raise PluginError(f"kmo:{marker}: {parameter.name} has no value on {day}")
    return parameter, day


def waarde(arguments: list[str]) -> str:
    parameter, day = _figure_and_day(arguments, "waarde")
    return show(parameter, day)


def sinds(arguments: list[str]) -> str:
    parameter, day = _figure_and_day(arguments, "sinds")
    value = parameter.at(day)
    if value.begin is not Begin.BEKEND:
        raise PluginError(
            f"kmo:sinds {parameter.name}: its start on {value.start} is not a known start date "
            f"(begin = {value.begin.value}); use kmo:vanaf"
        )
    return long_date(value.start)


def vanaf(arguments: list[str]) -> str:
    """ "sinds 1 februari 2026", or "ten laatste sinds 5 juni 2024" for a start no source states."""
    parameter, day = _figure_and_day(arguments, "vanaf")
    value = parameter.at(day)
    if value.begin is Begin.MODELSTART:
        raise PluginError(f"kmo:vanaf {parameter.name}: older than the modelled period, its start is not known")
    prefix = "ten laatste sinds" if value.begin is Begin.TEN_LAATSTE else "sinds"
    return f"{prefix} {long_date(value.start)}"


def tot(arguments: list[str]) -> str:
    """The last day the value in force on the given day applied (the day before the next change)."""
    parameter, day = _figure_and_day(arguments, "tot")
    later = [v.start for v in parameter.values if v.start > day]
    if not later:
        raise PluginError(f"kmo:tot: {parameter.name} has not changed since {day}")
    return long_date(later[0] - timedelta(days=1))


def eerste(arguments: list[str]) -> str:
    """The first day a figure has a value (for "before this day there was no such rule")."""
    return long_date(_parameter(_one(arguments, "eerste")).first_date)


def bron(arguments: list[str]) -> str:
    parameter, day = _figure_and_day(arguments, "bron")
    return value_note(parameter, day)


def figuur(arguments: list[str]) -> str:
    parameter, day = _figure_and_day(arguments, "figuur")
    return f"{show(parameter, day)}{value_note(parameter, day)}"


def url(arguments: list[str]) -> str:
    """The address of a source of bronnen.toml, for a link in the text (one place for every official address)."""
    key = _one(arguments, "url")
    try:
        return rules().sources[key].href
    except KeyError:
        raise PluginError(f"kmo:url: unknown source '{key}' (see calculator/data/bronnen.toml)") from None


def bron_van(arguments: list[str]) -> str:
    """The note for a source of bronnen.toml by its key, for a statement that is not a figure."""
    key = _one(arguments, "bron-van")
    try:
        return note(rules().sources[key])
    except KeyError:
        raise PluginError(f"kmo:bron-van: unknown source '{key}' (see calculator/data/bronnen.toml)") from None


# --- generated tables and lists ------------------------------------------------------------------------------------

RATE_SMALL, RATE_MEDIUM = "steunpercentage.klein", "steunpercentage.middelgroot"
CYBER_SMALL, CYBER_MEDIUM = "steunpercentage.cybersecurity.klein", "steunpercentage.cybersecurity.middelgroot"
ENERGY_SMALL = "steunpercentage.energie_efficientie_opleiding.klein"
ENERGY_MEDIUM = "steunpercentage.energie_efficientie_opleiding.middelgroot"
RATES = (RATE_SMALL, RATE_MEDIUM, CYBER_SMALL, CYBER_MEDIUM, ENERGY_SMALL, ENERGY_MEDIUM)
CAP_SMALL, CAP_MEDIUM = "steunplafond.klein", "steunplafond.middelgroot"
HISTORY_FIGURES = (
    *RATES,
    CAP_SMALL,
    CAP_MEDIUM,
    "diensten.themas_beperkt",
    "diensten.advies_ander_onderwerp.subsidieerbaar",
)


def _pair(small_name: str, medium_name: str, day: date) -> str:
    small, medium = rules()[small_name], rules()[medium_name]
    if not (small.applies_on(day) and medium.applies_on(day)):
        return "geen apart percentage"
    return f"{show(small, day)} / {show(medium, day)}"


def _cap(day: date) -> str:
    small = show(rules()[CAP_SMALL], day)
    medium = show(rules()[CAP_MEDIUM], day)
    return f"{small} voor beide" if small == medium else f"{small} (klein), {medium} (middelgroot)"


def scope(day: date) -> str:
    """Which training and advice qualify on ``day``, in a few words (the history table's last column)."""
    themes = rules()["diensten.themas_beperkt"].flag(day)
    other_advice = rules()["diensten.advies_ander_onderwerp.subsidieerbaar"].flag(day)
    count = number(Decimal(len(rules().classification.themes)))
    if not themes:
        return "opleiding en advies over alle onderwerpen"
    if other_advice:
        return f"opleiding en advies binnen {count} toekomstgerichte thema's"
    return f"opleiding binnen {count} toekomstgerichte thema's; advies enkel over cybersecurity"


def geschiedenis(arguments: list[str]) -> str:
    """One row per change of a rate, a cap or the scope of training and advice, from the first modelled rule set
    on; the date cell has notes for the source(s) of what changed that day. A value whose start no source states
    gets its own row, "ten laatste sinds"."""
    if arguments:
        raise PluginError("kmo:geschiedenis takes no arguments")
    data = rules()
    starts: dict[date, Begin] = {data.modelled_from: Begin.BEKEND}
    for name in HISTORY_FIGURES:
        for value in data[name].values:
            if value.start >= data.modelled_from and value.begin is not Begin.MODELSTART:
                starts[value.start] = min(starts.get(value.start, value.begin), value.begin)
    rows = [
        "| Aanvragen vanaf | Kleine onderneming | Middelgrote onderneming | Cybersecurity (klein / middelgroot) "
        "| Opleiding over energie-efficiëntie (klein / middelgroot) | Steunplafond per kalenderjaar "
        "| Welke opleiding en advies |",
        "|---|---|---|---|---|---|---|",
    ]
    shown = sorted(d for d in starts if d <= build_date())
    for day in shown:
        notes = []
        for name in HISTORY_FIGURES:
            parameter = data[name]
            if parameter.applies_on(day) and parameter.at(day).start == day:
                notes.append(value_note(parameter, day))
        label = long_date(day)
        if starts[day] is Begin.TEN_LAATSTE:
            label = f"ten laatste {label}"
        if day == shown[-1]:
            label = f"**{label}** (nu van toepassing)"
        rows.append(
            f"| {label}{''.join(dict.fromkeys(notes))} "
            f"| {show(data['steunpercentage.klein'], day)} | {show(data['steunpercentage.middelgroot'], day)} "
            f"| {_pair('steunpercentage.cybersecurity.klein', 'steunpercentage.cybersecurity.middelgroot', day)} "
            f"| {_pair(ENERGY_SMALL, ENERGY_MEDIUM, day)} "
            f"| {_cap(day)} | {scope(day)} |"
        )
    return "\n".join(rows)


def themas(arguments: list[str]) -> str:
    """The future-oriented themes within which training and advice qualify since the 2023 reform, as a list."""
    if arguments:
        raise PluginError("kmo:themas takes no arguments")
    classification = rules().classification
    items = [f"- {theme}" for theme in classification.themes]
    if classification.themes_source is not None:
        items[-1] += note(classification.themes_source)
    return "\n".join(items)


def _rate_cells(small_name: str, medium_name: str, day: date) -> str:
    small, medium = _parameter(small_name), _parameter(medium_name)
    return f"| {show(small, day)}{value_note(small, day)} | {show(medium, day)}{value_note(medium, day)} |"


def tarieven(arguments: list[str]) -> str:
    """Today's rates as a table: per kind of service and subject, for a small and a medium enterprise, with the
    cap. Only rows for rules in force on the build date: no cybersecurity row before that rate existed, advice on
    other subjects as "komt niet in aanmerking" once it no longer qualifies."""
    if arguments:
        raise PluginError("kmo:tarieven takes no arguments")
    day = build_date()
    data = rules()
    rows = ["| Waarvoor | Kleine onderneming | Middelgrote onderneming |", "|---|---|---|"]
    themes = data["diensten.themas_beperkt"].flag(day)
    cyber = data[CYBER_SMALL].applies_on(day)
    energy = data[ENERGY_SMALL].applies_on(day)
    if cyber or energy:
        other = (
            " over een ander toekomstgericht thema (bijvoorbeeld software)" if themes else " over een ander onderwerp"
        )
    else:
        other = " binnen de toekomstgerichte thema's" if themes else ""
    rows.append(f"| Opleiding{other} " + _rate_cells(RATE_SMALL, RATE_MEDIUM, day))
    if cyber:
        rows.append("| Opleiding over cybersecurity " + _rate_cells(CYBER_SMALL, CYBER_MEDIUM, day))
    if energy:
        rows.append("| Opleiding over energie-efficiëntie " + _rate_cells(ENERGY_SMALL, ENERGY_MEDIUM, day))
    if cyber:
        rows.append("| Advies over cybersecurity " + _rate_cells(CYBER_SMALL, CYBER_MEDIUM, day))
    other_advice = data["diensten.advies_ander_onderwerp.subsidieerbaar"]
    if other_advice.flag(day):
        rows.append(f"| Advies{other} " + _rate_cells(RATE_SMALL, RATE_MEDIUM, day))
    else:
        refused = f"komt niet in aanmerking{value_note(other_advice, day)}"
        rows.append(f"| Advies over een ander onderwerp | {refused} | {refused} |")
    rows.append("| **Steunplafond** per kalenderjaar " + _rate_cells(CAP_SMALL, CAP_MEDIUM, day))
    return "\n".join(rows)


def hoogste(arguments: list[str]) -> str:
    """The highest support rate in force on the build date ("tot 45 %"), over all rates."""
    if arguments:
        raise PluginError("kmo:hoogste takes no arguments")
    day = build_date()
    rates = [rules()[name].amount(day) for name in RATES if rules()[name].applies_on(day)]
    return percent(max(rates))


EXAMPLES_FILE = Path(__file__).with_name("voorbeelden.toml")


def example_requests(day: date) -> dict[str, list[tuple[str, str, dict[str, Any]]]]:
    """The worked examples per group: (key, who, full request for an application on ``day``). Tests use it to
    check that the pages show exactly what calculator.evaluate answers."""
    groups: dict[str, list[tuple[str, str, dict[str, Any]]]] = {}
    for group, examples in tomllib.loads(EXAMPLES_FILE.read_text(encoding="utf-8")).items():
        for example in examples:
            request = copy.deepcopy(example["aanvraag"])
            request["application_date"] = day.isoformat()
            start = (day + timedelta(days=int(example["start_over"]))).isoformat()
            for service in request["services"]:
                service["start_date"] = start
            groups.setdefault(group, []).append((example["sleutel"], example["wie"], request))
    return groups


def voorbeelden(arguments: list[str]) -> str:
    """The worked examples of a group, each computed now by calculator.evaluate (never typed on the page)."""
    group = _one(arguments, "voorbeelden")
    examples = example_requests(build_date()).get(group)
    if not examples:
        raise PluginError(f"kmo:voorbeelden: no group '{group}' in {EXAMPLES_FILE.name}")
    blocks = []
    for key, who, request in examples:
        answer = evaluate(request, data=rules(), today=build_date())
        if not answer["ok"]:
            raise PluginError(f"kmo:voorbeelden {group}/{key}: the request is refused: {answer['errors']}")
        service = answer["services"][0]
        shown = service["display"]
        title = f"{who}"
        used = request.get("support_used_this_year")
        if used:
            title += f" die dit jaar al {euro(Decimal(used), cents=False)} steun kreeg"
        title += f": {service['label'].lower()} van {shown['amount']} zonder btw"
        late = (date.fromisoformat(request["application_date"]) - date.fromisoformat(service["start_date"])).days
        if late > 0:
            title += f", aangevraagd {late} dagen na de start"
        rows = (
            f'<tr><th scope="row">Steun</th><td data-bedrag="support">{escape(shown["support"])}</td></tr>'
            f'<tr><th scope="row">{"Uw eigen aandeel" if service["eligible"] else "U betaalt zelf"}</th>'
            f'<td data-bedrag="own_share">{escape(shown["own_share"])}</td></tr>'
        )
        if service["eligible"]:
            rows += (
                f'<tr><th scope="row">Aanvragen uiterlijk op</th>'
                f'<td data-bedrag="application_deadline">{escape(shown["application_deadline"])}</td></tr>'
            )
        blocks.append(
            f'<div class="admonition example kmo-voorbeeld" data-voorbeeld="{key}">\n'
            f'<p class="admonition-title">Voorbeeld: {escape(title)}</p>\n'
            f"<table><tbody>{rows}</tbody></table>\n"
            f"<p>{escape(service['explanation'])}</p>\n"
            f"</div>"
        )
    return "\n\n".join(blocks)


def drempels(arguments: list[str]) -> str:
    if arguments:
        raise PluginError("kmo:drempels takes no arguments")
    day = build_date()
    rows = ["| Grootte | Werknemers | Jaaromzet | **of** balanstotaal |", "|---|---|---|---|"]
    for size, label in (("klein", "Kleine onderneming"), ("middelgroot", "Middelgrote onderneming")):
        cells = []
        for part in ("vte", "omzet", "balanstotaal"):
            parameter = _parameter(f"kmo_definitie.{size}.{part}")
            assert parameter.comparator is not None
            cells.append(f"{parameter.comparator.words()} {show(parameter, day)}")
        rows.append(f"| {label} | {cells[0]} | {cells[1]} | {cells[2]} |")
    value = _parameter("kmo_definitie.klein.vte").at(day)
    eu = rules().sources[value.source.key]
    article = Source(f"{eu.title}, bijlage, artikel 2", eu.href, eu.key)
    return "\n".join(rows) + f"\n\nBron: de Europese kmo-definitie.{note(article, start_words(value))}"


def rechtsvormen(arguments: list[str]) -> str:
    which = _one(arguments, "rechtsvormen")
    if which not in {"aanvaard", "niet-aanvaard"}:
        raise PluginError("kmo:rechtsvormen takes 'aanvaard' or 'niet-aanvaard'")
    wanted = which == "aanvaard"
    forms = [form.label for form in rules().classification.legal_forms.values() if form.aanvaard is wanted]
    return "\n".join(f"- {label}" for label in forms)


def diensten(arguments: list[str]) -> str:
    which = _one(arguments, "diensten")
    if which not in {"subsidieerbaar", "niet-subsidieerbaar"}:
        raise PluginError("kmo:diensten takes 'subsidieerbaar' or 'niet-subsidieerbaar'")
    day = build_date()
    lines = []
    for kind in rules().classification.service_kinds.values():
        qualifies, _, _ = soort_subsidieerbaar(kind, day, rules())
        if qualifies is (which == "subsidieerbaar"):
            what = (
                "geen opleiding of advies"
                if kind.dienst is Dienst.GEEN
                else f"{kind.dienst.value}, thema {kind.onderwerp.value}"
            )
            lines.append(f"- **{kind.label}** ({what})")
    return "\n".join(lines)


def dienstverlener(arguments: list[str]) -> str:
    return aanbieder.field_value(_state["provider"], _one(arguments, "dienstverlener"))


PRODUCTION = "KMO_PRODUCTIE"


def contact_problems(config: MkDocsConfig) -> list[str]:
    """What is missing before the site can go live: the provider's e-mail and phone, and a confirmed public
    address (site_url is a guess unless SITE_URL is set: canonical links and the sitemap use it)."""
    problems = aanbieder.production_problems(_state["provider"])
    if not os.environ.get("SITE_URL"):
        problems.append(f"SITE_URL is not set: site_url is the placeholder guess {config.site_url}")
    return problems


def open_data(arguments: list[str]) -> str:
    """The names the open-data page shows: the wheel's file name, the package version, the rules file and feed."""
    key = _one(arguments, "open-data")
    names = {
        "wiel": wheel_name(),
        "versie": __version__,
        "regels": opendata.RULES_FILE,
        "feed": opendata.FEED_FILE,
    }
    if key not in names:
        raise PluginError(f"kmo:open-data takes one of {', '.join(names)}")
    return names[key]


def termijnvoorbeeld(arguments: list[str]) -> str:
    """The last day to apply for services starting on the given ISO date, under today's rules."""
    try:
        start = date.fromisoformat(_one(arguments, "termijnvoorbeeld"))
    except ValueError:
        raise PluginError("kmo:termijnvoorbeeld takes a date as YYYY-MM-DD") from None
    return long_date(aanvraagtermijn(start, build_date(), rules()))


def regelset(arguments: list[str]) -> str:
    if arguments:
        raise PluginError("kmo:regelset takes no arguments")
    return long_date(rules().rules_in_force_since(build_date()))


def builddatum(arguments: list[str]) -> str:
    if arguments:
        raise PluginError("kmo:builddatum takes no arguments")
    return long_date(build_date())


GLOSSARY_FILE = Path(__file__).parent.parent / "docs_includes" / "woordenlijst.md"
GLOSSARY_LINE = re.compile(r"^\*\[([^\]]+)\]: (.+)$")


def glossary() -> list[tuple[str, str]]:
    """The glossary's terms and explanations, figures filled in (one file: docs_includes/woordenlijst.md)."""
    text = render(GLOSSARY_FILE.read_text(encoding="utf-8"), GLOSSARY_FILE.name, notes=False)
    return [(m.group(1), m.group(2)) for m in map(GLOSSARY_LINE.match, text.splitlines()) if m]


def woordenlijst(arguments: list[str]) -> str:
    """The whole glossary as a definition list (for the page that shows it in full)."""
    if arguments:
        raise PluginError("kmo:woordenlijst takes no arguments")
    items = "\n".join(f"<dt>{escape(term)}</dt>\n<dd>{escape(text)}</dd>" for term, text in _state["glossary"])
    return f'<dl class="kmo-woordenlijst">\n{items}\n</dl>'


MARKERS: dict[str, Callable[[list[str]], str]] = {
    "waarde": waarde,
    "figuur": figuur,
    "sinds": sinds,
    "vanaf": vanaf,
    "eerste": eerste,
    "tot": tot,
    "bron": bron,
    "bron-van": bron_van,
    "url": url,
    "themas": themas,
    "tarieven": tarieven,
    "voorbeelden": voorbeelden,
    "woordenlijst": woordenlijst,
    "hoogste": hoogste,
    "geschiedenis": geschiedenis,
    "drempels": drempels,
    "rechtsvormen": rechtsvormen,
    "diensten": diensten,
    "dienstverlener": dienstverlener,
    "termijnvoorbeeld": termijnvoorbeeld,
    "contactgegevens": lambda arguments: aanbieder.contactgegevens(arguments, _state["provider"]),
    "registraties": lambda arguments: aanbieder.registraties(arguments, _state["provider"], rules(), build_date()),
    "aanbod": lambda arguments: aanbieder.aanbod(arguments, _state["provider"], rules(), build_date()),
    "open-data": open_data,
    "regelset": regelset,
    "builddatum": builddatum,
}


CONDITION = re.compile(
    r"<!--\s*kmo:(als|als-niet|als-veranderd)[ \t]+([a-z_.]+)(?:[ \t]+(\d{4}-\d{2}-\d{2}))?\s*-->"
    r"(.*?)(?:<!--\s*kmo:anders\s*-->(.*?))?<!--\s*kmo:einde\s*-->",
    re.DOTALL,
)


def holds(kind: str, name: str, since: str | None) -> bool:
    """A condition on the rules in force on the build date. ``als NAME``: a ja_nee figure is true, another figure
    has a value (``als-niet``: the opposite). ``als-veranderd NAME DATE``: the value in force on DATE is no longer
    in force (so a page may speak of it as history)."""
    parameter = _parameter(name)
    day = build_date()
    if kind == "als-veranderd":
        if since is None:
            raise PluginError(f"kmo:als-veranderd {name} needs a date")
        then = date.fromisoformat(since)
        return parameter.applies_on(then) and parameter.at(day).start > parameter.at(then).start
    if since is not None:
        raise PluginError(f"kmo:{kind} {name} takes no date")
    if parameter.unit is Unit.JA_NEE:
        present = parameter.applies_on(day) and parameter.flag(day)
    else:
        present = parameter.applies_on(day)
    return present is (kind == "als")


def choose(markdown: str, where: str) -> str:
    """Keep the text of each kmo:als block that the rules in force on the build date select."""

    def replace(match: re.Match[str]) -> str:
        kind, name, since, then, otherwise = match.groups()
        if CONDITION_START.search(then) or CONDITION_START.search(otherwise or ""):
            raise PluginError(f"{where}: kmo:als blocks cannot be nested")
        try:
            wanted = holds(kind, name, since)
        except PluginError as error:
            raise PluginError(f"{where}: {error}") from None
        return then if wanted else (otherwise or "")

    return CONDITION.sub(replace, markdown)


CONDITION_START = re.compile(r"<!--\s*kmo:(als|als-niet|als-veranderd|anders|einde)\b")


def render(markdown: str, where: str, *, notes: bool = True) -> str:
    """Choose the conditional text, replace every marker and add the page's numbered notes; raise on an unknown
    marker (so ``mkdocs build --strict`` fails instead of a blank). With ``notes=False`` (a meta description) a
    marker that makes a note is refused."""
    _state["notes"] = {}
    chosen = choose(markdown, where)
    stray = CONDITION_START.search(chosen)
    if stray:
        line = chosen[: stray.start()].count("\n") + 1
        raise PluginError(f"{where}, line {line}: kmo:{stray.group(1)} without its block (kmo:als … kmo:einde)")

    def replace(match: re.Match[str]) -> str:
        name, rest = match.group(1), match.group(2).split()
        handler = MARKERS.get(name)
        if handler is None:
            raise PluginError(f"{where}: unknown marker kmo:{name} (known: {', '.join(sorted(MARKERS))})")
        try:
            return handler(rest)
        except PluginError as error:
            raise PluginError(f"{where}: {error}") from None

    result = MARKER.sub(replace, chosen)
    leftover = ANY_MARKER.search(result)
    if leftover:
        line = result[: leftover.start()].count("\n") + 1
        raise PluginError(f"{where}, line {line}: malformed kmo marker")
    made: dict[str, str] = _state["notes"]
    if made and not notes:
        raise PluginError(f"{where}: a marker that makes a note (kmo:figuur, kmo:bron) cannot be used here")
    if made:
        definitions = "\n".join(f"[^{label}]: {text}" for label, text in made.items())
        result = f"{result.rstrip()}\n\n## Bronnen {{ #bronnen }}\n\n///Footnotes Go Here///\n\n{definitions}\n"
    return result


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """The files the provider file makes: its colours' stylesheet and its logo (build_scripts/aanbieder.py)."""
    return aanbieder.add_files(files, config)


def on_env(env: Any, config: MkDocsConfig, files: Files) -> Any:
    """Give the templates the form's choices (from the data) and the calculator runtime's versioned folder."""
    classification = rules().classification
    env.globals["kmo"] = {
        "legal_forms": [(key, form.label) for key, form in classification.legal_forms.items()],
        "regions": [(key, region.label) for key, region in classification.regions.items()],
        "service_kinds": [(key, kind.label) for key, kind in classification.service_kinds.items()],
        "modelled_from": rules().modelled_from.isoformat(),
        "partner_from": number(rules()["kmo_definitie.partner.aandeel_vanaf"].amount(build_date())),
        "partner_to": number(rules()["kmo_definitie.partner.aandeel_tot"].amount(build_date())),
        "csp": CSP_META,
        "gecontroleerd_op": long_date(rules().checked_on),
        "home": {
            "hoogste": hoogste([]),
            "plafond": euro(
                max(rules()[f"steunplafond.{size}"].amount(build_date()) for size in ("klein", "middelgroot")),
                cents=False,
            ),
            "termijn": f"{number(rules()['procedure.aanvraagtermijn'].amount(build_date()))} dagen",
        },
        "runtime": os.environ.get("KMO_REKENMODULE", ""),
        "runtime_files": runtime_files(),
        "calculator": calculator_page_data(),
    }
    return env


def runtime_files() -> list[str]:
    """The files the calculator's worker and page load from the runtime folder (build/rekenmodule, laid out before
    the pages are built): what an information page prefetches when the visitor shows intent. Empty for a build
    without the runtime."""
    if not os.environ.get("KMO_REKENMODULE") or not RUNTIME_STAGING.is_dir():
        return []
    return sorted(
        path.name for path in RUNTIME_STAGING.iterdir() if path.is_file() and path.name != "calculator-noscript.css"
    )


def size_hint(size: str) -> str:
    """ "minder dan 50 VTE; omzet of balanstotaal ten hoogste € 10.000.000" (from the data)."""
    day = build_date()
    fte = _parameter(f"kmo_definitie.{size}.vte")
    turnover = _parameter(f"kmo_definitie.{size}.omzet")
    balance = _parameter(f"kmo_definitie.{size}.balanstotaal")
    assert fte.comparator is not None
    assert turnover.comparator is not None
    assert balance.comparator is not None
    if show(turnover, day) == show(balance, day):
        money = f"omzet of balanstotaal {turnover.comparator.words()} {show(turnover, day)}"
    else:
        money = (
            f"omzet {turnover.comparator.words()} {show(turnover, day)} "
            f"of balanstotaal {balance.comparator.words()} {show(balance, day)}"
        )
    return f"{fte.comparator.words()} {show(fte, day)}; {money}"


def calculator_page_data() -> dict[str, Any]:
    """What the calculator page's template needs from the package: the field labels the package's error messages
    use, the size choices with their thresholds, the row limit, and the official addresses."""
    medium_fte = _parameter("kmo_definitie.middelgroot.vte")
    assert medium_fte.comparator is not None
    return {
        "velden": {key: veld(key) for key in VELDEN},
        "sizes": [
            ("klein", "Klein", size_hint("klein")),
            ("middelgroot", "Middelgroot", size_hint("middelgroot")),
            (
                "groot",
                "Groot",
                f"{medium_fte.comparator.words(within=False)} {show(medium_fte, build_date())}, "
                "of omzet én balanstotaal boven die van een middelgrote onderneming",
            ),
        ],
        "max_rows": MAX_ROWS,
        "nace_list": rules().sources["vlaio_subsidiedatabank"].href,
    }


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Fill in the page; then add the glossary, so every term in it is explained where it appears."""
    terms: list[tuple[str, str]] = _state["glossary"]
    for key in ("description", "lead", "kop"):
        value = page.meta.get(key)
        if isinstance(value, str):
            page.meta[key] = render(value, f"{page.file.src_path} ({key})", notes=False)
    result = render(markdown, page.file.src_path)
    if page.file.src_path == "woordenlijst.md":
        return result
    return result + "\n\n" + "\n".join(f"*[{term}]: {text}" for term, text in terms) + "\n"


_CHECKBOX_AUTOCOMPLETE = re.compile(r'(<input\b[^>]*\btype="(?:checkbox|radio)"[^>]*?)\s+autocomplete="off"')
_SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'


def fix_theme_html(html: str) -> str:
    """Two fixes to Material's markup, found by the validator and by Lighthouse:
    - it writes autocomplete="off" on its checkbox toggles (drawer, search), which HTML allows only on text-like
      inputs (the Nu Html Checker reports each one);
    - its search overlay is a dialog without a name (Lighthouse's aria-dialog-name audit)."""
    html = _CHECKBOX_AUTOCOMPLETE.sub(r"\1", html)
    return html.replace(_SEARCH_DIALOG, _SEARCH_DIALOG.replace('role="dialog"', 'role="dialog" aria-label="Zoeken"'))


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return fix_theme_html(output)


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    """The same for theme templates rendered outside the pages (404.html)."""
    return fix_theme_html(output_content)


def write_open_data(site_dir: Path, site_url: str) -> None:
    """/open-data/: the rules as JSON, the JSON Schemas and the Atom feed, from the data this build used (the wheel
    is added by build_scripts/build_site.py, which builds it)."""
    folder = site_dir / "open-data"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / opendata.RULES_FILE).write_text(opendata.rules_json_text(rules(), __version__), encoding="utf-8")
    for name in opendata.SCHEMAS:
        (folder / name).write_text(opendata.schema(name), encoding="utf-8")
    (site_dir / opendata.FEED_FILE).write_text(opendata.atom_feed(rules(), site_url), encoding="utf-8")


def wheel_name() -> str:
    return f"kmo_calculator-{__version__}-py3-none-any.whl"


def on_post_build(config: MkDocsConfig) -> None:
    """robots.txt: everything may be indexed; it points at the sitemap under the configured public address.
    A source kept for the pages only (bronnen.toml, enkel_paginas) that no page cites fails the build."""
    cited: set[str] = _state.get("cited", set())
    unused = sorted(key for key, source in rules().sources.items() if source.pages_only and key not in cited)
    if unused:
        raise PluginError(f"bronnen.toml: source(s) for the pages that no page cites: {', '.join(unused)}")
    site_url = config.site_url or ""
    write_open_data(Path(config.site_dir), site_url or "/")
    lines = ["User-agent: *", "Allow: /"]
    if site_url:
        lines.append(f"Sitemap: {site_url.rstrip('/')}/sitemap.xml")
    Path(config.site_dir, "robots.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
