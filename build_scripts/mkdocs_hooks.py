"""MkDocs hooks: the pages get their figures from the calculator's rules data, never from the Markdown.

A page writes a marker where a figure belongs, as an HTML comment (after Material's own ``shortcodes.py``):

    <!-- kmo:waarde steunpercentage.klein -->      30 %
    <!-- kmo:figuur steunpercentage.klein -->      30 % (sinds 1 december 2019, bron: VLAIO, ...)
    <!-- kmo:sinds steunpercentage.klein -->       1 december 2019
    <!-- kmo:waarde steunpercentage.klein 2016-04-01 -->   40 %  (any of the first four: a figure on a given day)
    <!-- kmo:eerste steunpercentage.cybersecurity.klein -->  14 september 2021 (the first day it has a value)
    <!-- kmo:tot steunpercentage.klein 2016-04-01 -->   30 november 2019 (the last day that value applied)
    <!-- kmo:bron steunpercentage.klein -->        (bron: VLAIO, ...), a link to the official page
    <!-- kmo:geschiedenis -->                      the dated table of rates and caps, the seed's 2016 figures included
    <!-- kmo:drempels -->                          the size thresholds (European SME definition)
    <!-- kmo:rechtsvormen aanvaard|niet-aanvaard -->
    <!-- kmo:diensten subsidieerbaar|niet-subsidieerbaar -->
    <!-- kmo:dienstverlener naam|erkenning_advies|erkenning_opleiding|website|... -->
    <!-- kmo:termijnvoorbeeld 2026-11-20 -->       the last day to apply for services starting that day
    <!-- kmo:regelset -->                          the date since which today's rule set applies
    <!-- kmo:builddatum -->                        the date the figures were taken for

Figures are those in force on the build date (``KMO_BUILD_DATE=YYYY-MM-DD`` to choose one; default: today in
Europe/Brussels). ``KMO_RULES_DATA_DIR`` points at another copy of the data files (the tests use it to show that a
changed figure changes the pages). An unknown marker, or an unknown figure, fails the build.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from build_scripts.hosting import CSP_META
from calculator.clock import brussels_today
from calculator.formatting import euro, long_date, number, percent
from calculator.parameters import Dienst, Parameter, RulesData, Unit, load, load_from
from calculator.steun import aanvraagtermijn, soort_subsidieerbaar

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
    _state["provider"] = config.extra.get("dienstverlener", {})
    if _state["build_date"] < rules().modelled_from:
        raise PluginError(f"KMO_BUILD_DATE {chosen} is before the first modelled rule set")
    return config


# --- formatting a figure ---------------------------------------------------------------------------------------


def show(parameter: Parameter, day: date) -> str:
    """A figure as the pages write it: 30 %, € 7.500, 50 VTE, 14 kalenderdagen, ja/nee."""
    value = parameter.at(day).value
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if parameter.unit is Unit.PERCENT:
        return percent(value)
    if parameter.unit is Unit.EURO:
        return euro(value, cents=False)
    if parameter.unit is Unit.VTE:
        return f"{number(value)}\u00a0VTE"
    if parameter.unit is Unit.KALENDERDAGEN:
        return f"{number(value)} kalenderdagen"
    return f"{number(value)} kalenderjaar" if value == 1 else f"{number(value)} kalenderjaren"


def source_link(parameter: Parameter, day: date) -> str:
    source = parameter.at(day).source
    title = source.title.replace('"', "'")
    return f'[{source.title}]({source.href} "{title}")'


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
    return long_date(parameter.at(day).start)


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
    return f"(bron: {source_link(parameter, day)})"


def figuur(arguments: list[str]) -> str:
    parameter, day = _figure_and_day(arguments, "figuur")
    start = parameter.at(day).start
    return f"{show(parameter, day)} <small>(sinds {long_date(start)}; bron: {source_link(parameter, day)})</small>"


# --- generated tables and lists ------------------------------------------------------------------------------------

HISTORY_FIGURES = (
    "steunpercentage.klein",
    "steunpercentage.middelgroot",
    "steunpercentage.cybersecurity.klein",
    "steunpercentage.cybersecurity.middelgroot",
    "steunplafond.klein",
    "steunplafond.middelgroot",
    "diensten.advies_ander_onderwerp.subsidieerbaar",
)


def _cyber(day: date) -> str:
    small = rules()["steunpercentage.cybersecurity.klein"]
    medium = rules()["steunpercentage.cybersecurity.middelgroot"]
    if not (small.applies_on(day) and medium.applies_on(day)):
        return "geen apart percentage"
    return f"{show(small, day)} / {show(medium, day)}"


def _cap(day: date) -> str:
    small = show(rules()["steunplafond.klein"], day)
    medium = show(rules()["steunplafond.middelgroot"], day)
    return f"{small} voor beide" if small == medium else f"{small} (klein), {medium} (middelgroot)"


def _advice(day: date) -> str:
    return (
        "alle onderwerpen"
        if rules()["diensten.advies_ander_onderwerp.subsidieerbaar"].flag(day)
        else "enkel cybersecurity"
    )


def geschiedenis(arguments: list[str]) -> str:
    """One row per change of a rate, a cap or the scope of advice, from the first modelled rule set on; the date
    cell links to the source(s) of what changed that day."""
    if arguments:
        raise PluginError("kmo:geschiedenis takes no arguments")
    data = rules()
    days = sorted(
        {v.start for name in HISTORY_FIGURES for v in data[name].values if v.start >= data.modelled_from}
        | {data.modelled_from}
    )
    rows = [
        "| Aanvragen vanaf | Kleine onderneming | Middelgrote onderneming | Cybersecurity (klein / middelgroot) "
        "| Steunplafond per kalenderjaar | Advies over |",
        "|---|---|---|---|---|---|",
    ]
    today = data.rules_in_force_since(build_date())
    for day in days:
        sources: dict[str, str] = {}
        for name in HISTORY_FIGURES:
            parameter = data[name]
            if parameter.applies_on(day) and parameter.at(day).start == day:
                source = parameter.at(day).source
                title = source.title.replace('"', "'")
                sources.setdefault(source.href, f'[bron]({source.href} "{title}")')
        label = f"**{long_date(day)}** (nu van toepassing)" if day == today else long_date(day)
        rows.append(
            f"| {label}<br><small>{', '.join(sources.values())}</small> "
            f"| {show(data['steunpercentage.klein'], day)} | {show(data['steunpercentage.middelgroot'], day)} "
            f"| {_cyber(day)} | {_cap(day)} | {_advice(day)} |"
        )
    return "\n".join(rows)


def drempels(arguments: list[str]) -> str:
    if arguments:
        raise PluginError("kmo:drempels takes no arguments")
    day = build_date()
    rows = ["| Grootte | Werknemers | Jaaromzet | Balanstotaal |", "|---|---|---|---|"]
    for size, label in (("klein", "Kleine onderneming"), ("middelgroot", "Middelgrote onderneming")):
        cells = []
        for part in ("vte", "omzet", "balanstotaal"):
            parameter = _parameter(f"kmo_definitie.{size}.{part}")
            assert parameter.comparator is not None
            cells.append(f"{parameter.comparator.words()} {show(parameter, day)}")
        rows.append(f"| {label} | {cells[0]} | {cells[1]} **of** | {cells[2]} |")
    source = source_link(_parameter("kmo_definitie.klein.vte"), day)
    return "\n".join(rows) + f"\n\n<small>Bron: {source}.</small>"


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
    key = _one(arguments, "dienstverlener")
    provider = _state["provider"]
    if key not in provider:
        raise PluginError(f"kmo:dienstverlener {key}: not in extra.dienstverlener of mkdocs.yml")
    return str(provider[key])


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


MARKERS: dict[str, Callable[[list[str]], str]] = {
    "waarde": waarde,
    "figuur": figuur,
    "sinds": sinds,
    "eerste": eerste,
    "tot": tot,
    "bron": bron,
    "geschiedenis": geschiedenis,
    "drempels": drempels,
    "rechtsvormen": rechtsvormen,
    "diensten": diensten,
    "dienstverlener": dienstverlener,
    "termijnvoorbeeld": termijnvoorbeeld,
    "regelset": regelset,
    "builddatum": builddatum,
}


def render(markdown: str, where: str) -> str:
    """Replace every marker; raise on an unknown one (so ``mkdocs build --strict`` fails instead of a blank)."""

    def replace(match: re.Match[str]) -> str:
        name, rest = match.group(1), match.group(2).split()
        handler = MARKERS.get(name)
        if handler is None:
            raise PluginError(f"{where}: unknown marker kmo:{name} (known: {', '.join(sorted(MARKERS))})")
        try:
            return handler(rest)
        except PluginError as error:
            raise PluginError(f"{where}: {error}") from None

    result = MARKER.sub(replace, markdown)
    leftover = ANY_MARKER.search(result)
    if leftover:
        line = result[: leftover.start()].count("\n") + 1
        raise PluginError(f"{where}, line {line}: malformed kmo marker")
    return result


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
        "runtime": os.environ.get("KMO_REKENMODULE", ""),
    }
    return env


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    description = page.meta.get("description")
    if isinstance(description, str):
        page.meta["description"] = render(description, f"{page.file.src_path} (description)")
    return render(markdown, page.file.src_path)


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


def on_post_build(config: MkDocsConfig) -> None:
    """robots.txt: everything may be indexed; it points at the sitemap under the configured public address."""
    site_url = config.site_url or ""
    lines = ["User-agent: *", "Allow: /"]
    if site_url:
        lines.append(f"Sitemap: {site_url.rstrip('/')}/sitemap.xml")
    Path(config.site_dir, "robots.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
