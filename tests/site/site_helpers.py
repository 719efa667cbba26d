"""Helpers for the tests of the built site (``site/``, built by ``./dev build`` or ``./dev test``)."""

from __future__ import annotations

import html
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest

from build_scripts import aanbieder, markers
from build_scripts.site_build import Build, build_day
from calculator.parameters import load

ROOT = Path(__file__).resolve().parents[2]


def plain(text: str) -> str:
    """Text with its no-break spaces as ordinary spaces (the pages write "€\u00a07.500")."""
    return text.replace("\u00a0", " ")


SITE = ROOT / "site"

# The pages a prospect reads (issue 31): no source marked in their text, each ends with its sources.
PROSPECT_PAGES = (
    "index.html",
    *(
        f"{name}/index.html"
        for name in ("voorwaarden", "steun", "grootte", "diensten", "procedure", "vragen", "contact", "rekenmodule")
    ),
)


def build(
    site_dir: Path,
    *,
    docs_dir: Path | None = None,
    env: dict[str, str] | None = None,
    config: Path | None = None,
    generator: str = "mkdocs",
) -> subprocess.CompletedProcess[str]:
    config = config or ROOT / "mkdocs.yml"
    if docs_dir is not None:  # a copy of the configuration that points at another docs folder
        text = config.read_text(encoding="utf-8")
        for old, new in [
            ("docs_dir: docs", f"docs_dir: {docs_dir}"),
            ("custom_dir: site_overrides", f"custom_dir: {ROOT / 'site_overrides'}"),
            ("- build_scripts/mkdocs_hooks.py", f"- {ROOT / 'build_scripts' / 'mkdocs_hooks.py'}"),
        ]:
            assert old in text, f"mkdocs.yml no longer has {old!r}: update this copy"
            text = text.replace(old, new)
        config = docs_dir.parent / "mkdocs.yml"
        config.write_text(text, encoding="utf-8")
    return subprocess.run(  # the pages as build_site builds them: generated configuration, MkDocs, open data
        [
            sys.executable,
            "-m",
            "build_scripts.build_site",
            "--pages-only",
            "--config",
            str(config),
            "--site-dir",
            str(site_dir),
            "--generator",
            generator,
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        env=os.environ | {"NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT)} | (env or {}),
    )


@dataclass
class Page:
    path: Path
    ids: set[str] = field(default_factory=set)
    links: list[tuple[str, str, dict[str, str]]] = field(default_factory=list)  # (tag, url, attributes)
    text: str = ""
    lang: str | None = None
    meta: dict[str, str] = field(default_factory=dict)
    title: str = ""
    inline_scripts: list[str] = field(default_factory=list)
    inline_styles: int = 0


BLOCKS = {
    "p",
    "li",
    "td",
    "th",
    "tr",
    "div",
    "br",
    "ul",
    "ol",
    "table",
    "section",
    "article",
    "header",
    "footer",
    "nav",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "label",
    "legend",
    "fieldset",
    "dt",
    "dd",
    "details",
    "summary",
    "main",
    "aside",
    "form",
    "option",
    "button",
}


class _Collector(HTMLParser):
    def __init__(self, page: Page) -> None:
        super().__init__(convert_charrefs=True)
        self.page = page
        self.skip = 0
        self.in_title = False
        self.in_script: dict[str, str] | None = None
        self.chunks: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in BLOCKS:
            self.chunks.append(" ")
        attributes = {name: value or "" for name, value in attrs}
        self._record_targets(tag, attributes)
        if "style" in attributes:
            self.page.inline_styles += 1
        if tag == "html":
            self.page.lang = attributes.get("lang")
        if tag == "meta" and "name" in attributes:
            self.page.meta[attributes["name"]] = attributes.get("content", "")
        if tag == "title":
            self.in_title = True
        if tag == "script":
            self.in_script = attributes
        if tag in {"script", "style", "svg"}:
            self.skip += 1

    def _record_targets(self, tag: str, attributes: dict[str, str]) -> None:
        """The anchors the tag defines and the addresses it points to."""
        if "id" in attributes:
            self.page.ids.add(attributes["id"])
        if tag == "a" and "name" in attributes:
            self.page.ids.add(attributes["name"])
        for name in ("href", "src", "action", "poster", "data"):
            if name in attributes:
                self.page.links.append((tag, attributes[name], attributes))
        if "srcset" in attributes:
            for part in attributes["srcset"].split(","):
                self.page.links.append((tag, part.strip().split(" ")[0], attributes))

    def handle_endtag(self, tag: str) -> None:
        if tag in BLOCKS:
            self.chunks.append(" ")
        if tag in {"script", "style", "svg"} and self.skip:
            self.skip -= 1
        if tag == "title":
            self.in_title = False
        if tag == "script":
            self.in_script = None

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.page.title += data
        if self.in_script is not None and "src" not in self.in_script and data.strip():
            self.page.inline_scripts.append(self.in_script.get("type", "") + ":" + data.strip()[:80])
        if not self.skip:
            self.chunks.append(data)


def parse_page(path: Path) -> Page:
    page = Page(path)
    collector = _Collector(page)
    collector.feed(path.read_text(encoding="utf-8"))
    page.text = re.sub(r"\s+", " ", html.unescape("".join(collector.chunks)).replace("\u00a0", " "))
    return page


def built_pages(site: Path = SITE) -> Iterator[Page]:
    for path in sorted(site.rglob("*.html")):
        yield parse_page(path)


@pytest.fixture(scope="session")
def site() -> Path:
    assert (SITE / "index.html").is_file(), "no built site: run `./dev build` (./dev test builds it first)"
    return SITE


@pytest.fixture(scope="session")
def pages(site: Path) -> dict[str, Page]:
    return {str(page.path.relative_to(site)): page for page in built_pages(site)}


# Every rate of the data (for "the highest rate"), read from the data itself rather than from the build code.
RATE_FIGURES = tuple(name for name in load().parameters if name.startswith("steunpercentage."))


def build_at(day: date) -> Build:
    """A site build as the hooks make one, for a build on ``day``."""
    rules = load()
    return Build(rules, day, aanbieder.load(rules.classificatie))


def glossary_at_today() -> list[tuple[str, str]]:
    """The glossary's terms and explanations, with the figures of today's build."""
    return markers.glossary(build_at(build_day()))


# The closing sources section and a glossary term's explanation (shown on tap, Tab or hover) are not read as a page's
# text; old footnotes neither.
LEFT_OUT = frozenset({"footnote", "kmo-bronnen", "kmo-term__uitleg", "kmo-term__haakje"})
# A text several pages include, written once in docs_includes/ (the steps).
SHARED = frozenset({"kmo-stappen"})


class _Prose(HTMLParser):
    """The running text of a page's article: paragraphs, list items and definitions, each on its own; headings,
    tables, code, forms, the closing sources section and the glossary's tooltips left out."""

    SKIP = frozenset(
        {"table", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "script", "style", "svg", "sup", "form", "nav"}
    )
    UNITS = frozenset({"p", "li", "dd", "dt", "blockquote", "summary", "figcaption"})

    def __init__(self, left_out: frozenset[str] = LEFT_OUT) -> None:
        super().__init__(convert_charrefs=True)
        self.left_out = left_out
        self.article = 0
        self.skip = 0
        self.divs: list[bool] = []
        self.open: list[list[str]] = []
        self.units: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "article":
            self.article += 1
        if not self.article:
            return
        if tag in ("div", "span"):
            classes = (dict(attrs).get("class") or "").split()
            notes = bool(set(classes) & self.left_out)
            self.divs.append(notes)
            self.skip += notes
        if tag in self.SKIP:
            self.skip += 1
        if tag in self.UNITS:
            self.open.append([])

    def handle_endtag(self, tag: str) -> None:
        if not self.article:
            return
        if tag == "article":
            self.article -= 1
        if tag in ("div", "span") and self.divs:
            self.skip -= self.divs.pop()
        if tag in self.SKIP and self.skip:
            self.skip -= 1
        if tag in self.UNITS and self.open:
            text = " ".join("".join(self.open.pop()).replace("\u00a0", " ").split())
            if text:
                self.units.append(text)

    def handle_data(self, data: str) -> None:
        if self.article and not self.skip and self.open:
            self.open[-1].append(data)


SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'‘“(À-Ý€*])")
WORD = re.compile(r"\w")


def sentences(path: Path, *, shared: bool = True) -> list[str]:
    """The sentences of a page's running text (a paragraph, list item or definition split after . ! or ?); with
    ``shared=False`` without the texts written once in docs_includes/ and shown on several pages."""
    collector = _Prose(LEFT_OUT if shared else LEFT_OUT | SHARED)
    collector.feed(path.read_text(encoding="utf-8"))
    return [part.strip() for unit in collector.units for part in SENTENCE_END.split(unit) if part.strip()]


def words(sentence: str) -> list[str]:
    """The words of a sentence: what holds a letter or a digit ("€" and "–" are not words, "7.500" is)."""
    return [word for word in sentence.split() if WORD.search(word)]


def full_sentences(path: Path) -> list[str]:
    """The page's sentences that end as a sentence (. ! ? or :); a list entry like "Pentesting (advies)" is not."""
    return [sentence for sentence in sentences(path) if re.search(r"[.!?:][\"'’”)]*$", sentence)]


EMBEDDABLE = "rekenmodule/insluiten.md"


def content_pages(site: Path = SITE) -> dict[str, Path]:
    """The built page of every Markdown page in docs/: name (as in docs/) -> index.html. Not the embeddable calculator
    (rekenmodule/insluiten.md): it is rekenmodule.md's calculator for another site's frame, the same form and words
    by design, and no page of this site's own."""
    found = {}
    for source in sorted((ROOT / "docs").rglob("*.md")):
        name = str(source.relative_to(ROOT / "docs"))
        if name == EMBEDDABLE:
            continue
        found[name] = site / ("index.html" if name == "index.md" else name.removesuffix(".md") + "/index.html")
    return found
