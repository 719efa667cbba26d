"""Checks of a built site that hold for every provider: the default build (test_pages.py, test_html_valid.py) and
the example provider's (test_aanbieder.py) run the same ones."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import urllib.parse
from pathlib import Path

from mkdocs.config import load_config
from site_helpers import ROOT, Page

DOCS = ROOT / "docs"
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


# Pages kept out of the menu (which is for SME owners), each reached from the page that needs it: page -> (the
# built page that links it, where the link sits).
OUTSIDE_THE_MENU = {
    "geschiedenis.md": ("steun/index.html", "article"),
    "open-data.md": ("index.html", "footer"),
    "insluiten.md": ("index.html", "footer"),
    "rekenmodule/insluiten.md": ("insluiten/index.html", "article"),
}


def check_every_page_is_in_the_navigation_or_linked_where_it_belongs(pages: dict[str, Page], site: Path) -> None:
    config = load_config(str(ROOT / "mkdocs.yml"))
    in_nav = set()

    def walk(items: list[object]) -> None:
        for item in items:
            if isinstance(item, dict):
                for value in item.values():
                    walk(value if isinstance(value, list) else [value])
            elif isinstance(item, str):
                in_nav.add(item)

    walk(config["nav"])
    sources = {str(path.relative_to(DOCS)) for path in DOCS.rglob("*.md")}
    assert sources == in_nav | set(OUTSIDE_THE_MENU)
    assert not in_nav & set(OUTSIDE_THE_MENU), "a page both in the menu and outside it"
    home = pages["index.html"]
    for source in in_nav:
        target = "./" if source == "index.md" else source.removesuffix(".md") + "/"
        hrefs = {url for tag, url, _ in home.links if tag == "a"}
        assert target in hrefs or ("." if source == "index.md" else target) in hrefs, (
            f"{source} not linked from the menu"
        )
    for source, (linking_page, where) in OUTSIDE_THE_MENU.items():
        html = (site / linking_page).read_text(encoding="utf-8")
        part = re.search(rf"<{where}\b.*?</{where}>", html, re.DOTALL)
        assert part is not None, f"{linking_page}: no <{where}>"
        target = source.removesuffix(".md") + "/"
        assert re.search(rf'href="(?:\.\./)*{re.escape(target)}"', part.group(0)), f"{source}: no link in {where}"
    for page in (site / "index.html", site / "vragen" / "index.html"):  # the footer is on every page
        footer = re.search(r"<footer\b.*?</footer>", page.read_text(encoding="utf-8"), re.DOTALL)
        assert footer is not None, page
        assert "open-data/" in footer.group(0), page


def _internal_target(site: Path, page: Page, url: str) -> tuple[Path, str] | None:
    parts = urllib.parse.urlsplit(url)
    if parts.scheme or parts.netloc or url.startswith(("mailto:", "tel:", "data:", "javascript:")):
        return None
    base = page.path.parent
    if not parts.path:
        return page.path, parts.fragment
    target = (site / parts.path.lstrip("/")) if parts.path.startswith("/") else (base / parts.path)
    target = Path(os.path.normpath(target))
    if target.is_dir() or parts.path.endswith("/"):
        target = target / "index.html"
    return target, parts.fragment


def check_no_internal_link_is_broken_anchors_included(site: Path, pages: dict[str, Page]) -> None:
    by_path = {page.path: page for page in pages.values()}
    problems = []
    checked = 0
    for page in pages.values():
        for tag, url, _ in page.links:
            resolved = _internal_target(site, page, url)
            if resolved is None:
                continue
            target, fragment = resolved
            checked += 1
            if not target.is_file():
                problems.append(f"{page.path.relative_to(site)}: {tag} {url} -> missing {target}")
            elif fragment.startswith("aanvraag=") and target.parent.name == "rekenmodule":
                continue  # the calculator's state (#aanvraag=<request>), not an anchor
            elif fragment and target.suffix == ".html":
                ids = by_path[target].ids if target in by_path else set()
                if urllib.parse.unquote(fragment) not in ids:
                    problems.append(f"{page.path.relative_to(site)}: {url} -> no #{fragment}")
    assert checked > 100
    assert not problems, "\n".join(problems)


EXTERNAL_RESOURCE = {"script", "link", "img", "iframe", "source", "video", "audio", "embed", "object", "track"}


def check_no_script_style_font_image_or_frame_comes_from_another_host(site: Path, pages: dict[str, Page]) -> None:
    problems = []
    for page in pages.values():
        for tag, url, attributes in page.links:
            if tag == "a" or (tag == "link" and attributes.get("rel") in {"canonical", "prev", "next", "alternate"}):
                continue
            if tag in EXTERNAL_RESOURCE and urllib.parse.urlsplit(url).netloc:
                problems.append(f"{page.path.relative_to(site)}: <{tag}> {url}")
    for stylesheet in site.rglob("*.css"):
        for url in re.findall(
            r"""(?:url\(\s*['"]?|@import\s+['"])([^'")\s]+)""", stylesheet.read_text(errors="replace")
        ):
            if re.match(r"(https?:)?//", url):
                problems.append(f"{stylesheet.relative_to(site)}: {url}")
    assert not problems, "\n".join(problems)


def check_pages_are_dutch_with_a_description_and_a_title(pages: dict[str, Page]) -> None:
    descriptions = []
    for name, page in pages.items():
        assert page.lang == "nl", name
        assert page.title.strip(), name
        description = page.meta.get("description", "")
        assert len(description) >= 50, f"{name}: meta description missing or short"
        assert "kmo:" not in description, name
        assert "<!--" not in description, name
        descriptions.append(description)
    content_pages = [n for n in pages if n not in {"404.html"} and not n.startswith("search")]
    assert len({pages[n].meta["description"] for n in content_pages}) == len(content_pages), "descriptions repeat"


def check_the_sitemap_lists_every_page(site: Path, pages: dict[str, Page]) -> None:
    sitemap = (site / "sitemap.xml").read_text()
    for source in DOCS.rglob("*.md"):
        path = "" if source.name == "index.md" else source.stem + "/"
        assert f"/{path}</loc>" in sitemap, source.name


def check_a_dutch_404_page(pages: dict[str, Page]) -> None:
    page = pages["404.html"]
    assert "Pagina niet gevonden" in page.text
    assert "Voorwaarden" in page.text


def check_every_page_is_valid_html(site: Path) -> None:
    java = shutil.which("java")
    assert java, "Java is needed for the Nu Html Checker (./dev setup installs it)"
    assert VNU.is_file(), "vnu-jar is missing: run npm ci"
    pages = sorted(str(path) for path in site.rglob("*.html") if "/assets/" not in str(path))
    assert len(pages) >= 9
    result = subprocess.run(
        [java, "-jar", str(VNU), "--format", "json", "--stdout", *pages],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    messages = json.loads(result.stdout)["messages"]
    errors = [m for m in messages if m.get("type") == "error" or m.get("subType") == "fatal"]
    report = "\n".join(f"{Path(m.get('url', '')).name}:{m.get('lastLine')}: {m.get('message')}" for m in errors)
    assert not errors, f"{len(errors)} validator errors in {len(pages)} pages:\n{report}"
