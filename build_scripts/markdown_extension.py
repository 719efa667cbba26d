"""The pages' content as a Python-Markdown extension: the figures come from the calculator's rules data, never from
the Markdown.

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
    <!-- kmo:aanbieder-als NAME --> ... <!-- kmo:aanbieder-anders --> ... <!-- kmo:aanbieder-einde -->
                                                   text chosen by the provider's file, before the rules' blocks (so
                                                   it may hold one): NAME is advies, opleiding or cybersecurity
                                                   (the offer has it), prijzen (a service has a price), bereikbaar (an e-mail,
                                                   contact page or phone is set); kmo:aanbieder-als-niet NAME
    <!-- kmo:tarieven -->                          today's rates per kind of service and size, and the caps
    <!-- kmo:hoeveel -->                           today's rates as a short list, the provider's own offer first
    <!-- kmo:hoogste -->                           the highest rate in force ("45 %")
    <!-- kmo:geschiedenis -->                      the dated table of rates and caps, from the first modelled rule
                                                   set (2016) on
    <!-- kmo:drempels -->                          the size thresholds (European SME definition)
    <!-- kmo:themas -->                            the future-oriented themes, as a list
    <!-- kmo:rechtsvormen aanvaard|niet-aanvaard -->
    <!-- kmo:niet-in-aanmerking -->               the kinds of the provider's offer that do not qualify, under a
                                                   heading; nothing when all do
    <!-- kmo:voorbeelden GROUP -->                 the worked examples of build_scripts/voorbeelden.toml, computed
                                                   (the provider's own voorbeelden.toml replaces a group it has)
    <!-- kmo:eigen SLOT -->                        on a line of its own: the provider's own text for that place
                                                   (SLOT.md in the folder its file names; build_scripts/eigen_inhoud.py)
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
notes); one is made per process (:func:`shared_build`), and each page is filled in on a copy of it with its own
notes, which shares the set of cited sources.

Listed under ``markdown_extensions:`` in ``mkdocs.yml`` as ``build_scripts.markdown_extension``, it runs under any
Python-Markdown site generator (MkDocs, Zensical), before every other preprocessor: it puts in the included texts
(build_scripts/includes.py) and the provider's own texts (build_scripts/eigen_inhoud.py), fills in the markers, and marks each glossary term at its first use on the page
(build_scripts/afkortingen.py; not on the glossary's own page). The page's ``title``, ``description``, ``lead`` and ``kop`` are
filled in too when the generator tells the extension which page it renders: Zensical through its rendering
context, MkDocs through :func:`set_page` (build_scripts/mkdocs_hooks.py).

Figures are those in force on the build date (``KMO_BUILD_DATE=YYYY-MM-DD`` to choose one; default: today in
Europe/Brussels). ``KMO_RULES_DATA_DIR`` points at another copy of the data files (the tests use it to show that a
changed figure changes the pages). An unknown marker, or an unknown figure, fails the build.
"""

from __future__ import annotations

from collections.abc import MutableMapping
from dataclasses import dataclass, field, replace
from typing import Any

from markdown import Extension, Markdown  # type: ignore[import-untyped]  # no stubs in requirements/dev.txt
from markdown.preprocessors import Preprocessor  # type: ignore[import-untyped]

from build_scripts import eigen_inhoud, includes, markers
from build_scripts.afkortingen import first_use
from build_scripts.site_build import Build

GLOSSARY_PAGE = "woordenlijst.md"  # shows the whole glossary, so no term is marked on it
META_KEYS = ("title", "description", "lead", "kop")  # the front matter that may hold markers
PRIORITY = 40  # before every preprocessor of Python-Markdown (normalize_whitespace: 30) and pymdownx.snippets (32)


@dataclass
class PageContext:
    """The page being rendered, as far as the generator tells: its path in docs/ and its front matter."""

    path: str = "page"
    meta: MutableMapping[str, Any] = field(default_factory=dict)


_state: dict[str, Any] = {}  # "build": this process's Build; "page": the PageContext MkDocs set last


def shared_build() -> Build:
    """This process's build (the data, the day, the provider, the glossary), made on first use; the pages fill in
    copies of it, and all of them add to its set of cited sources (read by build_scripts/mkdocs_hooks.py)."""
    build = _state.get("build")
    if not isinstance(build, Build):
        build = Build.from_environment()
        build.glossary = markers.glossary(build)
        _state["build"] = build
    return build


def set_page(path: str, meta: MutableMapping[str, Any]) -> None:
    """Tell the extension which page comes next (MkDocs' on_page_markdown; Zensical needs no call)."""
    _state["page"] = PageContext(path, meta)


def _page_of(md: Markdown) -> PageContext:
    """Zensical's rendering context when there is one (its ``rendering_context`` preprocessor holds the page), else
    what :func:`set_page` was told, else a page without a name."""
    if "rendering_context" in md.preprocessors:
        page = getattr(md.preprocessors["rendering_context"], "page", None)
        path, meta = getattr(page, "path", None), getattr(page, "meta", None)
        if isinstance(path, str) and isinstance(meta, dict):
            return PageContext(path, meta)
    known = _state.get("page")
    return known if isinstance(known, PageContext) else PageContext()


def render_page(build: Build, markdown: str, page: PageContext) -> str:
    """One page: its includes put in, its front matter and text filled in, its glossary terms marked."""
    page_build = replace(build, notes={}, _sources={})  # its own notes; the cited sources are shared
    markdown = eigen_inhoud.expand(includes.expand(markdown, page.path), page.path, build.provider.inhoud)
    for key in META_KEYS:
        value = page.meta.get(key)
        if isinstance(value, str):
            page.meta[key] = markers.render(page_build, value, f"{page.path} ({key})", notes=False)
    result = markers.render(page_build, markdown, page.path)
    if page.path == GLOSSARY_PAGE:
        return result
    return first_use(result, build.glossary)


class MarkerPreprocessor(Preprocessor):  # type: ignore[misc]  # Python-Markdown is untyped
    def run(self, lines: list[str]) -> list[str]:
        page = _page_of(self.md)
        return render_page(shared_build(), "\n".join(lines), page).split("\n")


class MarkerExtension(Extension):  # type: ignore[misc]
    """The ``<!-- kmo:... -->`` markers, the includes and the glossary terms (see the module's docstring)."""

    def extendMarkdown(self, md: Markdown) -> None:
        md.preprocessors.register(MarkerPreprocessor(md), "kmo_markers", PRIORITY)


def makeExtension(**kwargs: Any) -> MarkerExtension:
    return MarkerExtension(**kwargs)
