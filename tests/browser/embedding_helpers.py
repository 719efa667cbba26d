"""The calculator in another site's page (issue 33), shared by test_embedding.py and test_embedding_host.py:
examples/insluiten.html served from a second loopback origin embeds /rekenmodule/insluiten/ with <kmo-rekenmodule>.
The site is served as a provider that lists that origin in [insluiten] toegelaten would serve it
(build_scripts/embedding.py's policy, for the test server's port)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from browser_helpers import ROOT
from playwright.sync_api import BrowserContext, Frame, Page

from build_scripts.embedding import PAGE, embed_csp
from build_scripts.serve import serve_in_thread

EXAMPLE = ROOT / "examples" / "insluiten.html"
FRAME = "kmo-rekenmodule iframe"


def host_folder(tmp: Path, site_url: str) -> Path:
    """examples/insluiten.html, pointing at the test's site instead of ./dev serve's."""
    (tmp / "insluiten.html").write_text(
        EXAMPLE.read_text(encoding="utf-8").replace("http://127.0.0.1:8000/", site_url), encoding="utf-8"
    )
    (tmp / "404.html").write_text(
        "<!DOCTYPE html><title>Niet gevonden</title>", encoding="utf-8"
    )  # the favicon's answer
    return tmp


@pytest.fixture(scope="module")
def urls(site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    """(the site's address, the host page's address), on two ports: two origins."""
    folder = tmp_path_factory.mktemp("host")
    host, host_url = serve_in_thread(folder)
    embedder, site_url = serve_in_thread(site)
    settings = embedder.RequestHandlerClass.settings  # type: ignore[attr-defined]
    settings.rules.append((f"/{PAGE}*", [("Content-Security-Policy", embed_csp([host_url.rstrip("/")]))]))
    host_folder(folder, site_url)
    yield site_url, host_url + "insluiten.html"
    for server in (host, embedder):
        server.shutdown()
        server.server_close()


def open_host(context: BrowserContext, address: str, width: int = 1280) -> tuple[Page, Frame]:
    page = context.new_page()
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(address)
    page.wait_for_selector(FRAME)
    frame = page.frame_locator(FRAME).locator("[data-calculator][data-state='ready']")
    frame.wait_for(timeout=120_000)
    inner = page.locator(FRAME).element_handle()
    assert inner is not None
    content = inner.content_frame()
    assert content is not None
    return page, content


def answer(frame: Frame) -> None:
    frame.get_by_role("group", name="Grootte van uw onderneming").get_by_label("Klein", exact=True).check()
    frame.get_by_label("Soort dienst").select_option(value="pentest")
    frame.get_by_label("Bedrag zonder btw (€)").fill("8000")
    frame.wait_for_selector("[data-output]:not([hidden]) .kmo-answer")
