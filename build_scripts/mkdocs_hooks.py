"""What only MkDocs does for this site, kept small: everything that makes the pages true is the Markdown extension
(build_scripts/markdown_extension.py, listed under ``markdown_extensions:``), the templates' values are in the
generated configuration (build_scripts/site_config.py), and the files after the build are written by
build_scripts/build_site.py. A build with another generator (Zensical) lacks exactly these four events:

- ``on_page_markdown``: tells the extension which page it renders (its path, for messages and the glossary page,
  and its front matter, whose ``description``, ``lead`` and ``kop`` get their markers filled in); Zensical gives
  the extension its own rendering context instead;
- ``on_post_page`` and ``on_post_template``: two fixes to Material's own markup (build_scripts/templates.py);
- ``on_post_build``: the unused-sources check (a source kept for the pages only that no page cites fails the
  build), which needs every page rendered in this process.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from build_scripts import markdown_extension, markers, templates


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """The page the extension renders next: its path and its front matter (filled in by the extension). The title,
    which MkDocs reads before this event, is filled in here (a provider's marker in it, build_scripts/aanbieder...)."""
    title = page.meta.get("title")
    if isinstance(title, str):
        where = f"{page.file.src_path} (title)"
        page.meta["title"] = page.title = markers.render(markdown_extension.shared_build(), title, where, notes=False)
    markdown_extension.set_page(page.file.src_path, page.meta)
    return markdown


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return templates.fix_theme_html(output)


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    """The same for theme templates rendered outside the pages (404.html)."""
    return templates.fix_theme_html(output_content)


def on_post_build(config: MkDocsConfig) -> None:
    """A source kept for the pages only (bronnen.toml, enkel_paginas) that no page cites fails the build."""
    build = markdown_extension.shared_build()
    unused = sorted(key for key, source in build.rules.sources.items() if source.pages_only and key not in build.cited)
    if unused:
        raise PluginError(f"bronnen.toml: source(s) for the pages that no page cites: {', '.join(unused)}")
