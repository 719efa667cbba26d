"""The pages built by Zensical (Material for MkDocs' successor, from .venv-zensical, requirements/zensical.txt) say
what MkDocs' pages say: the same main text on every page, every marker filled in, the same front matter. What the
theme itself writes around the text (menus, search, header, footer) is not compared; the 404 page, a theme template
that lists the menu, is not a page of docs/.

Both sites are built here, without the calculator's runtime (the pages only, as the other site tests build them).
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from site_helpers import ROOT, build, content_pages

ZENSICAL = ROOT / ".venv-zensical" / "bin" / "zensical"
ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>', re.DOTALL)
DESCRIPTION = re.compile(r'<meta name="description" content="([^"]*)"')


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    assert ZENSICAL.is_file(), "no .venv-zensical: run ./dev setup (or ./dev build --zensical)"
    folder = tmp_path_factory.mktemp("generators")
    for generator in ("mkdocs", "zensical"):
        result = build(folder / generator, generator=generator)
        assert result.returncode == 0, result.stderr
    return folder / "mkdocs", folder / "zensical"


def main_text(page: Path) -> str:
    """The page's article as text: tags, scripts and styles removed, whitespace collapsed."""
    found = ARTICLE.search(page.read_text(encoding="utf-8"))
    assert found is not None, f"{page}: no article"
    without_code = re.sub(r"<(script|style)\b.*?</\1>", " ", found.group(1), flags=re.DOTALL)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", without_code)).split())


@pytest.mark.slow
def test_every_page_has_the_same_main_text(sites: tuple[Path, Path]) -> None:
    mkdocs_site, zensical_site = sites
    pages = content_pages(mkdocs_site)
    assert len(pages) >= 12
    for name, page in pages.items():
        twin = zensical_site / page.relative_to(mkdocs_site)
        assert twin.is_file(), f"{name}: not built by Zensical"
        assert main_text(twin) == main_text(page), name


@pytest.mark.slow
def test_the_front_matter_is_filled_in_the_same(sites: tuple[Path, Path]) -> None:
    mkdocs_site, zensical_site = sites
    for name, page in content_pages(mkdocs_site).items():
        twin = zensical_site / page.relative_to(mkdocs_site)
        ours, theirs = (DESCRIPTION.findall(path.read_text(encoding="utf-8")) for path in (page, twin))
        assert theirs == ours, name
    home = (zensical_site / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<h1 id="kmo-hero-title">\S', home), "the home page's title (kop) is empty"


@pytest.mark.slow
def test_no_marker_is_left_in_the_zensical_site(sites: tuple[Path, Path]) -> None:
    _, zensical_site = sites
    built = sorted(zensical_site.rglob("*.html"))
    assert len(built) >= 13
    for page in built:
        assert "kmo:" not in page.read_text(encoding="utf-8"), page.name
