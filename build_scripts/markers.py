"""The ``<!-- kmo:... -->`` markers: each one's handler, the ``kmo:als`` blocks, and :func:`render`, which fills in a
page. The list of markers and what they write is in ``build_scripts/markdown_extension.py``'s docstring.

A handler takes the build and the marker's arguments and returns Markdown. An unknown marker, an unknown figure or a
wrong argument raises :class:`BuildError`, so ``mkdocs build --strict`` fails instead of showing a blank.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from html import escape
from pathlib import Path
from typing import Final

from build_scripts import aanbiedergegevens, aanbod, opendata, tables, voorbeelden
from build_scripts import siteteksten as t
from build_scripts.errors import BuildError
from build_scripts.site_build import Build, none, one
from calculator import __version__, overzicht
from calculator.dated import Begin, Parameter
from calculator.formatting import long_date
from calculator.steun import aanvraagtermijn

Handler = Callable[[Build, list[str]], str]
Decide = Callable[..., bool]  # a block's condition groups -> whether its first text is kept

MARKER = re.compile(r"<!--\s*kmo:([a-z_-]+)((?:[ \t]+[^\s>]+)*)\s*-->")
ANY_MARKER = re.compile(r"<!--\s*kmo\b")
CONDITION = re.compile(
    r"<!--\s*kmo:(als|als-niet|als-veranderd)[ \t]+([a-z_.]+)(?:[ \t]+(\d{4}-\d{2}-\d{2}))?\s*-->"
    r"(.*?)(?:<!--\s*kmo:anders\s*-->(.*?))?<!--\s*kmo:einde\s*-->",
    re.DOTALL,
)
# A block chosen by the provider's offer or file, resolved before the rules' blocks, so that it may hold one.
PROVIDER_CONDITION = re.compile(
    r"<!--\s*kmo:aanbieder-(als|als-niet)[ \t]+([a-z_]+)\s*-->"
    r"(.*?)(?:<!--\s*kmo:aanbieder-anders\s*-->(.*?))?<!--\s*kmo:aanbieder-einde\s*-->",
    re.DOTALL,
)
PROVIDER_START = re.compile(r"<!--\s*kmo:aanbieder-(als|als-niet|anders|einde)\b")
VERANDERD = "tarieven"  # kmo:als-veranderd tarieven DATE
CONDITION_START = re.compile(r"<!--\s*kmo:(als|als-niet|als-veranderd|anders|einde)\b")


@dataclass(frozen=True)
class Blocks:
    """A kind of conditional block: its markers' prefix, the whole block, and any of its markers."""

    family: str
    block: re.Pattern[str]
    start: re.Pattern[str]


RULE_BLOCKS: Final = Blocks("kmo:", CONDITION, CONDITION_START)
PROVIDER_BLOCKS: Final = Blocks("kmo:aanbieder-", PROVIDER_CONDITION, PROVIDER_START)


def _figure_and_day(build: Build, arguments: list[str], marker: str) -> tuple[Parameter, date]:
    """``NAME`` (in force on the build date) or ``NAME YYYY-MM-DD`` (in force on that day, for history)."""
    if len(arguments) not in (1, 2):
        raise BuildError(f"kmo:{marker} takes a figure name and optionally a date, got {arguments}")
    parameter = build.parameter(arguments[0])
    day = build.day
    if len(arguments) == 2:
        try:
            day = date.fromisoformat(arguments[1])
        except ValueError:
            raise BuildError(f"kmo:{marker}: '{arguments[1]}' is not a date as YYYY-MM-DD") from None
    if not parameter.applies_on(day):
        raise BuildError(f"kmo:{marker}: {parameter.name} has no value on {day}")
    return parameter, day


# --- one figure ------------------------------------------------------------------------------------------------


def waarde(build: Build, arguments: list[str]) -> str:
    parameter, day = _figure_and_day(build, arguments, "waarde")
    return build.show(parameter, day)


def figuur(build: Build, arguments: list[str]) -> str:
    parameter, day = _figure_and_day(build, arguments, "figuur")
    return f"{build.show(parameter, day)}{build.value_note(parameter.at(day))}"


def sinds(build: Build, arguments: list[str]) -> str:
    parameter, day = _figure_and_day(build, arguments, "sinds")
    value = parameter.at(day)
    if value.begin is not Begin.BEKEND:
        raise BuildError(
            f"kmo:sinds {parameter.name}: its start on {value.start} is not a known start date "
            f"(begin = {value.begin.value}); use kmo:vanaf"
        )
    return long_date(value.start)


def vanaf(build: Build, arguments: list[str]) -> str:
    """ "sinds 1 februari 2026", or "ten laatste sinds 5 juni 2024" for a start no source states."""
    parameter, day = _figure_and_day(build, arguments, "vanaf")
    value = parameter.at(day)
    if value.begin is Begin.MODELSTART:
        raise BuildError(f"kmo:vanaf {parameter.name}: older than the modelled period, its start is not known")
    words = t.VANAF_TEN_LAATSTE if value.begin is Begin.TEN_LAATSTE else t.VANAF
    return words.format(datum=long_date(value.start))


def tot(build: Build, arguments: list[str]) -> str:
    """The last day the value in force on the given day applied (the day before the next change)."""
    parameter, day = _figure_and_day(build, arguments, "tot")
    later = [v.start for v in parameter.values if v.start > day]
    if not later:
        raise BuildError(f"kmo:tot: {parameter.name} has not changed since {day}")
    return long_date(later[0] - timedelta(days=1))


def eerste(build: Build, arguments: list[str]) -> str:
    """The first day a figure has a value (for "before this day there was no such rule")."""
    return long_date(build.parameter(one(arguments, "eerste")).first_date)


def bron(build: Build, arguments: list[str]) -> str:
    parameter, day = _figure_and_day(build, arguments, "bron")
    return build.value_note(parameter.at(day))


def bron_van(build: Build, arguments: list[str]) -> str:
    """The note for a source of bronnen.toml by its key, for a statement that is not a figure."""
    return build.note(build.source(one(arguments, "bron-van"), "bron-van"))


def url(build: Build, arguments: list[str]) -> str:
    """The address of a source of bronnen.toml, for a link in the text (one place for every official address)."""
    return build.source(one(arguments, "url"), "url").href


# --- dates and names ---------------------------------------------------------------------------------------------


def termijnvoorbeeld(build: Build, arguments: list[str]) -> str:
    """The last day to apply for services starting on the given ISO date, under today's rules."""
    try:
        start = date.fromisoformat(one(arguments, "termijnvoorbeeld"))
    except ValueError:
        raise BuildError("kmo:termijnvoorbeeld takes a date as YYYY-MM-DD") from None
    return long_date(aanvraagtermijn(start, build.day, build.rules))


def regelset(build: Build, arguments: list[str]) -> str:
    none(arguments, "regelset")
    return long_date(build.rules.rules_in_force_since(build.day))


def builddatum(build: Build, arguments: list[str]) -> str:
    none(arguments, "builddatum")
    return long_date(build.day)


def open_data(build: Build, arguments: list[str]) -> str:
    """The names the open-data page shows: the wheel's file name, the package version, the rules file and feed."""
    key = one(arguments, "open-data")
    names = {
        "wiel": opendata.wheel_name(),
        "versie": __version__,
        "regels": opendata.RULES_FILE,
        "feed": opendata.FEED_FILE,
    }
    if key not in names:
        raise BuildError(f"kmo:open-data takes one of {', '.join(names)}")
    return names[key]


# --- the glossary ------------------------------------------------------------------------------------------------

GLOSSARY_FILE = Path(__file__).parent.parent / "docs_includes" / "woordenlijst.md"
GLOSSARY_LINE = re.compile(r"^\*\[([^\]]+)\]: (.+)$")


def glossary(build: Build) -> list[tuple[str, str]]:
    """The glossary's terms and explanations, figures filled in (one file: docs_includes/woordenlijst.md)."""
    text = render(build, GLOSSARY_FILE.read_text(encoding="utf-8"), GLOSSARY_FILE.name, notes=False)
    return [(m.group(1), m.group(2)) for m in map(GLOSSARY_LINE.match, text.splitlines()) if m]


def woordenlijst(build: Build, arguments: list[str]) -> str:
    """The whole glossary as a definition list (for the page that shows it in full)."""
    none(arguments, "woordenlijst")
    items = "\n".join(f"<dt>{escape(term)}</dt>\n<dd>{escape(text)}</dd>" for term, text in build.glossary)
    return f'<dl class="kmo-woordenlijst">\n{items}\n</dl>'


MARKERS: dict[str, Handler] = {
    "waarde": waarde,
    "figuur": figuur,
    "sinds": sinds,
    "vanaf": vanaf,
    "eerste": eerste,
    "tot": tot,
    "bron": bron,
    "bron-van": bron_van,
    "url": url,
    "themas": tables.themas,
    "tarieven": tables.tarieven,
    "voorbeelden": voorbeelden.voorbeelden,
    "woordenlijst": woordenlijst,
    "hoogste": tables.hoogste,
    "hoeveel": tables.hoeveel,
    "geschiedenis": tables.geschiedenis,
    "drempels": tables.drempels,
    "rechtsvormen": tables.rechtsvormen,
    "niet-in-aanmerking": tables.niet_in_aanmerking,
    "aanbieder": aanbiedergegevens.aanbieder,
    "termijnvoorbeeld": termijnvoorbeeld,
    "contactgegevens": aanbiedergegevens.contactgegevens,
    "registraties": aanbiedergegevens.registraties,
    "aanbod": aanbod.aanbod,
    "open-data": open_data,
    "regelset": regelset,
    "builddatum": builddatum,
}


# --- conditional text and the whole page ------------------------------------------------------------------------


def holds(build: Build, kind: str, name: str, since: str | None) -> bool:
    """A condition on the rules in force on the build date, asked of the package. ``als NAME``: one of the package's
    page conditions (``overzicht.PAGINAVOORWAARDEN``) holds (``als-niet``: it does not). ``als-veranderd tarieven
    DATE``: the ordinary rates in force on DATE no longer are (so a page may speak of them as history)."""
    if kind == "als-veranderd":
        if name != VERANDERD or since is None:
            raise BuildError(f"kmo:als-veranderd takes '{VERANDERD}' and a date, not {name} {since}")
        return overzicht.tarieven_veranderd(date.fromisoformat(since), build.day, build.rules)
    condition = overzicht.PAGINAVOORWAARDEN.get(name)
    if condition is None or since is not None:
        raise BuildError(
            f"kmo:{kind} {name}: a condition is one of {', '.join(overzicht.PAGINAVOORWAARDEN)}, without a date"
        )
    return condition(build.day, build.rules) is (kind == "als")


def _provider_holds(build: Build, kind: str, name: str) -> bool:
    """``aanbieder-als NAME``: a fact of the provider's file holds (``aanbieder-als-niet``: it does not)."""
    condition = aanbiedergegevens.CONDITIONS.get(name)
    if condition is None:
        raise BuildError(
            f"kmo:aanbieder-{kind} {name}: a condition on the provider is one of {', '.join(aanbiedergegevens.CONDITIONS)}"
        )
    return condition(build.provider) is (kind == "als")


def _select(markdown: str, where: str, blocks: Blocks, decide: Decide) -> str:
    """Keep the chosen text of each block of a kind (``decide`` gets the block's condition groups); a block inside
    one of its kind, or a start, ``anders`` or ``einde`` without its block, fails the build."""
    family, block, start = blocks.family, blocks.block, blocks.start

    def replace(match: re.Match[str]) -> str:
        *condition, then, otherwise = match.groups()
        if start.search(then) or start.search(otherwise or ""):
            raise BuildError(f"{where}: {family}als blocks cannot be nested")
        try:
            wanted = decide(*condition)
        except BuildError as error:
            raise BuildError(f"{where}: {error}") from None
        return str(then if wanted else (otherwise or ""))

    chosen = block.sub(replace, markdown)
    stray = start.search(chosen)
    if stray:
        raise BuildError(
            f"{where}, line {_line(chosen, stray)}: {family}{stray.group(1)} without its block "
            f"({family}als … {family}einde)"
        )
    return chosen


def choose(build: Build, markdown: str, where: str) -> str:
    """Keep the text of each block that the build selects: first the ``kmo:aanbieder-als`` blocks, by the provider's
    file (``aanbiedergegevens.CONDITIONS``: its offer has advice, training, a price; it can be reached), then the
    ``kmo:als`` blocks, by the rules in force on the build date (:func:`holds`). A block of one kind may hold one
    of the other kind or sit inside one; not inside another of its own kind."""
    by_provider = _select(markdown, where, PROVIDER_BLOCKS, lambda kind, name: _provider_holds(build, kind, name))
    return _select(by_provider, where, RULE_BLOCKS, lambda kind, name, since: holds(build, kind, name, since))


def _line(text: str, match: re.Match[str]) -> int:
    return text[: match.start()].count("\n") + 1


def render(build: Build, markdown: str, where: str, *, notes: bool = True) -> str:
    """Choose the conditional text, replace every marker and add the page's numbered notes; raise on an unknown
    marker (so ``mkdocs build --strict`` fails instead of a blank). With ``notes=False`` (a meta description) a
    marker that makes a note is refused."""
    build.notes = {}
    chosen = choose(build, markdown, where)

    def replace(match: re.Match[str]) -> str:
        name, rest = match.group(1), match.group(2).split()
        handler = MARKERS.get(name)
        if handler is None:
            raise BuildError(f"{where}: unknown marker kmo:{name} (known: {', '.join(sorted(MARKERS))})")
        try:
            return handler(build, rest)
        except BuildError as error:
            raise BuildError(f"{where}: {error}") from None

    result = MARKER.sub(replace, chosen)
    leftover = ANY_MARKER.search(result)
    if leftover:
        raise BuildError(f"{where}, line {_line(result, leftover)}: malformed kmo marker")
    if build.notes and not notes:
        raise BuildError(f"{where}: a marker that makes a note (kmo:figuur, kmo:bron) cannot be used here")
    return build.notes_section(result)
