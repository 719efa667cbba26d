"""axe-core in a page (the accessibility checks of test_accessibility.py and test_next_step.py): a context that lets
the axe script in, the violations of a page, and the pages of a built site."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser_helpers import ROOT
from playwright.sync_api import Browser, BrowserContext, Page

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@pytest.fixture
def axe_context(browser: Browser) -> Iterator[BrowserContext]:
    # axe is injected as a script tag; the site's CSP (rightly) refuses scripts it does not know, so this context
    # bypasses it. The CSP itself is tested in test_security.py.
    context = browser.new_context(bypass_csp=True, locale="nl-BE", viewport={"width": 1280, "height": 900})
    yield context
    context.close()


def violations(page: Page) -> list[dict[str, Any]]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        TAGS,
    )
    found: list[dict[str, Any]] = result["violations"]
    return found


def describe(found: list[dict[str, Any]]) -> str:
    return "\n".join(
        f"{v['id']} ({v['impact']}): {v['help']} -> {[n['target'] for n in v['nodes']][:5]}" for v in found
    )


def built_pages(site: Path) -> list[str]:
    pages = []
    for path in sorted(site.rglob("*.html")):
        relative = path.relative_to(site).as_posix()
        if relative.startswith(("assets/", "search/")):
            continue
        pages.append(relative.removesuffix("index.html"))
    return pages


def site_problems(page: Page, base_url: str, paths: list[str]) -> dict[str, str]:
    """Each page of ``paths`` with axe violations, described."""
    problems = {}
    for path in paths:
        page.goto(base_url + path)
        found = violations(page)
        if found:
            problems[path or "/"] = describe(found)
    return problems
