"""./dev serve's editor loop: with the watcher running, a changed Markdown page shows in the open browser without a
restart. The pages are a copy in tmp_path (the repository's docs/ is never edited); the runtime is the one
`./dev build` laid out in build/rekenmodule."""

from __future__ import annotations

import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import ConsoleMessage, Page, expect

from build_scripts import build_site, watch
from build_scripts.reload import RELOAD_SCRIPT, Reload
from build_scripts.serve import make_server, watch_and_reload

ROOT = Path(__file__).resolve().parents[2]
# What a build of the pages reads from the project root: the pages, the glossary, the templates, the configuration,
# the hooks with their worked examples, and the provider file when there is one.
PROJECT_FILES = (
    "docs",
    "docs_includes",
    "site_overrides",
    "mkdocs.yml",
    "build_scripts/mkdocs_hooks.py",
    "build_scripts/voorbeelden.toml",
    "aanbieder.toml",
)
NEW_SENTENCE = "Deze zin kwam erbij terwijl de pagina openstond."


@pytest.fixture
def project(tmp_path: Path) -> Path:
    assert (build_site.RUNTIME_STAGING / "pyodide.asm.wasm").is_file(), "no runtime in build/: run `./dev build` first"
    for name in PROJECT_FILES:
        source, target = ROOT / name, tmp_path / name
        if source.is_dir():
            shutil.copytree(source, target)
        elif source.is_file():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    watch.Builder(tmp_path).build("pages")
    return tmp_path


@pytest.fixture
def watched_url(project: Path) -> Iterator[str]:
    server, settings = make_server(project / "site", 0, reload=Reload())
    threading.Thread(target=server.serve_forever, daemon=True).start()
    watcher = watch_and_reload(project, settings, interval=0.2, quiet=0.3)
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    watcher.stop()
    server.shutdown()
    server.server_close()


def test_a_changed_markdown_page_shows_in_the_open_page(project: Path, watched_url: str, page: Page) -> None:
    refused: list[str] = []

    def on_console(message: ConsoleMessage) -> None:
        if "Content Security Policy" in message.text:
            refused.append(message.text)

    page.on("console", on_console)
    page.goto(watched_url + "voorwaarden/")
    expect(page.locator(f'script[src="{RELOAD_SCRIPT}"]')).to_have_count(1)
    expect(page.get_by_text(NEW_SENTENCE)).to_have_count(0)
    page.evaluate("window.kmoOpenedBeforeTheChange = true")

    markdown = project / "docs" / "voorwaarden.md"
    markdown.write_text(markdown.read_text(encoding="utf-8") + f"\n{NEW_SENTENCE}\n", encoding="utf-8")

    # A generous deadline for the rebuild (the machine may be busy), not a measurement.
    expect(page.get_by_text(NEW_SENTENCE)).to_be_visible(timeout=180_000)
    assert page.evaluate("window.kmoOpenedBeforeTheChange") is None, "the page was not reloaded"
    assert page.url == watched_url + "voorwaarden/"
    assert not refused, refused
    # The script is added by the development server only: the built files stay as a normal build writes them.
    built = (project / "site" / "voorwaarden" / "index.html").read_text(encoding="utf-8")
    assert NEW_SENTENCE in built
    assert "__kmo-reload" not in built
