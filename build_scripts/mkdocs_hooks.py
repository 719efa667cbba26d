"""MkDocs hooks: the pages get their figures from the calculator's rules data, never from the Markdown.

A page writes a marker where a figure belongs, as an HTML comment (after Material's own ``shortcodes.py``):

    <!-- kmo:waarde steunpercentage.klein -->      30 %
    <!-- kmo:figuur steunpercentage.klein -->      30 %, and its source in the page's closing "Bronnen" section
                                                   (what it confirms, and from when the value applies when that
                                                   date is a start); nothing in the text points at it
    <!-- kmo:sinds steunpercentage.klein -->       1 december 2019 (refused for a value whose start is not known)
    <!-- kmo:vanaf steunpercentage.klein -->       "sinds 1 december 2019", or "ten laatste sinds 5 juni 2024"
    <!-- kmo:waarde steunpercentage.klein 2016-04-01 -->   40 %  (any of these: a figure on a given day)
    <!-- kmo:eerste steunpercentage.cybersecurity.klein -->  14 september 2021 (the first day it has a value)
    <!-- kmo:tot steunpercentage.klein 2016-04-01 -->   30 november 2019 (the last day that value applied)
    <!-- kmo:bron steunpercentage.klein -->        only the source, in the closing "Bronnen" section
    <!-- kmo:bron-van KEY -->                      a source of bronnen.toml there, for a statement
    <!-- kmo:url KEY -->                           the address of that source, for a link in the text
    <!-- kmo:als NAME --> ... <!-- kmo:anders --> ... <!-- kmo:einde -->
                                                   text chosen by the rules in force on the build date: NAME is a
                                                   condition the package answers (overzicht.PAGINAVOORWAARDEN:
                                                   verhoogd_cybersecurity, verhoogd_energie_efficientie,
                                                   advies_ander_onderwerp, themas_beperkt); kmo:als-niet NAME for the
                                                   opposite; kmo:als-veranderd tarieven DATE: the ordinary rates of
                                                   DATE are no longer in force; no nesting.
                                                   NAME may also be a fact of the provider file:
                                                   aanbieder.prijzen (a service of the offer has a price),
                                                   aanbieder.bereikbaar (an e-mail, contact page or phone is set)
    <!-- kmo:tarieven -->                          today's rates per kind of service and size, and the caps
    <!-- kmo:hoogste -->                           the highest rate in force ("45 %")
    <!-- kmo:geschiedenis -->                      the dated table of rates and caps, from the first modelled rule
                                                   set (2016) on
    <!-- kmo:drempels -->                          the size thresholds (European SME definition)
    <!-- kmo:themas -->                            the future-oriented themes, as a list
    <!-- kmo:rechtsvormen aanvaard|niet-aanvaard -->
    <!-- kmo:diensten subsidieerbaar|niet-subsidieerbaar -->
    <!-- kmo:voorbeelden GROUP -->                 the worked examples of build_scripts/voorbeelden.toml, computed
    <!-- kmo:aanbieder naam|registratienummer_advies|registratienummer_opleiding|website|... -->
                                                   (hoofddiensten: the offer's main services that qualify today)
    <!-- kmo:contactgegevens -->                   how to reach the provider (only what its file sets)
    <!-- kmo:registraties -->                      its registration numbers, each with the services it covers
    <!-- kmo:aanbod -->                            its offer as cards, with what a small and a medium enterprise pay
                                                   themselves (computed by calculator.evaluate)
    <!-- kmo:termijnvoorbeeld 2026-11-20 -->       the last day to apply for services starting that day
    <!-- kmo:regelset -->                          the date since which today's rule set applies
    <!-- kmo:builddatum -->                        the date the figures were taken for
    <!-- kmo:woordenlijst -->                      the whole glossary (docs_includes/woordenlijst.md)
    <!-- kmo:open-data wiel|versie|regels|feed --> the open data's file names and the package version

The rules behind the tables and lists are decided by the package (``calculator/overzicht.py``, which uses
``calculator/steun.py``); the handlers are in ``build_scripts/markers.py``, ``tables.py``, ``voorbeelden.py`` and
``aanbiedergegevens.py`` and ``aanbod.py``, and every Dutch word they write is in ``build_scripts/siteteksten.py``. One
:class:`~build_scripts.site_build.Build` holds what a build knows (the data, the build date, the provider, the
notes); it travels on MkDocs' config from one event to the next.

Everything about the provider (name, registration numbers, contact details, brand, tagline, offer) is in its file,
``aanbieder.toml`` or the one ``KMO_AANBIEDER`` names (``build_scripts/aanbieder.py``); ``on_config`` sets the
site's name, description and address guess from it, ``on_files`` adds its colours' stylesheet and logo.

Figures are those in force on the build date (``KMO_BUILD_DATE=YYYY-MM-DD`` to choose one; default: today in
Europe/Brussels). ``KMO_RULES_DATA_DIR`` points at another copy of the data files (the tests use it to show that a
changed figure changes the pages). An unknown marker, or an unknown figure, fails the build.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from build_scripts import aanbiedergegevens, huisstijl, includes, markers, opendata, templates
from build_scripts.afkortingen import first_use
from build_scripts.site_build import Build
from calculator import __version__

BUILD_KEY = "kmo_build"  # the Build of this run, kept on MkDocs' config between events


def build_of(config: MkDocsConfig) -> Build:
    build = config[BUILD_KEY]
    assert isinstance(build, Build)
    return build


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    build = Build.from_environment()
    aanbiedergegevens.configure(config, build)  # the site's name, description, address guess and brand
    problems = aanbiedergegevens.problems(build.provider, config.site_url)
    for problem in problems:
        print(f"WARNING (before going live): {problem}", file=sys.stderr)
    if problems and os.environ.get(aanbiedergegevens.PRODUCTION) == "1":
        raise PluginError(f"{aanbiedergegevens.PRODUCTION}=1: the site is not ready to go live: {'; '.join(problems)}")
    build.glossary = markers.glossary(build)  # once per build: every page gets the same glossary
    config[BUILD_KEY] = build
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """The files the provider file makes: its colours' stylesheet and its logo (build_scripts/huisstijl.py)."""
    provider = build_of(config).provider
    return huisstijl.add_files(files, config, provider.huisstijl, provider.bestand.name)


def on_env(env: Any, config: MkDocsConfig, files: Files) -> Any:
    """Give the templates the form's choices (from the data) and the calculator runtime's versioned folder."""
    env.globals["kmo"] = templates.template_globals(build_of(config))
    return env


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Put in the texts the page includes (build_scripts/includes.py), fill in the page, then mark each glossary term
    at its first use on the page (build_scripts/afkortingen.py)."""
    build = build_of(config)
    markdown = includes.expand(markdown, page.file.src_path)
    for key in ("title", "description", "lead", "kop"):
        value = page.meta.get(key)
        if isinstance(value, str):
            page.meta[key] = markers.render(build, value, f"{page.file.src_path} ({key})", notes=False)
    if isinstance(page.meta.get("title"), str):
        page.title = page.meta["title"]  # read before this event; a provider's marker in it is filled in now
    result = markers.render(build, markdown, page.file.src_path)
    if page.file.src_path == "woordenlijst.md":
        return result
    return first_use(result, build.glossary)


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return templates.fix_theme_html(output)


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    """The same for theme templates rendered outside the pages (404.html)."""
    return templates.fix_theme_html(output_content)


def write_open_data(build: Build, site_dir: Path, site_url: str, author: str) -> None:
    """/open-data/: the rules as JSON, the JSON Schemas and the Atom feed, from the data this build used (the wheel
    is added by build_scripts/build_site.py, which builds it)."""
    folder = site_dir / "open-data"
    folder.mkdir(parents=True, exist_ok=True)
    rules_text = opendata.rules_json_text(build.rules, __version__)
    (folder / opendata.RULES_FILE).write_text(rules_text, encoding="utf-8")
    for name in opendata.SCHEMAS:
        (folder / name).write_text(opendata.schema(name), encoding="utf-8")
    (site_dir / opendata.FEED_FILE).write_text(opendata.atom_feed(build.rules, site_url, author), encoding="utf-8")


def on_post_build(config: MkDocsConfig) -> None:
    """robots.txt: everything may be indexed; it points at the sitemap under the configured public address.
    A source kept for the pages only (bronnen.toml, enkel_paginas) that no page cites fails the build."""
    build = build_of(config)
    unused = sorted(key for key, source in build.rules.sources.items() if source.pages_only and key not in build.cited)
    if unused:
        raise PluginError(f"bronnen.toml: source(s) for the pages that no page cites: {', '.join(unused)}")
    site_url = config.site_url or ""
    write_open_data(build, Path(config.site_dir), site_url or "/", config.site_name)
    lines = ["User-agent: *", "Allow: /"]
    if site_url:
        lines.append(f"Sitemap: {site_url.rstrip('/')}/sitemap.xml")
    Path(config.site_dir, "robots.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
