"""Every built page passes the Nu Html Checker (vnu-jar from npm, on the machine's Java): zero errors."""

from __future__ import annotations

from pathlib import Path

import pytest
import site_checks
from site_helpers import ROOT, Page


@pytest.mark.slow
def test_every_page_is_valid_html(site: Path) -> None:
    site_checks.check_every_page_is_valid_html(site)


def test_pages_carry_the_policy_and_no_inline_script_or_style(pages: dict[str, Page]) -> None:
    from build_scripts.hosting import CSP_META

    for name, page in pages.items():
        assert page.inline_styles == 0, name
        assert all(script.startswith("application/json:") for script in page.inline_scripts), (
            name,
            page.inline_scripts,
        )
    for name in pages:
        html = (ROOT / "site" / name).read_text(encoding="utf-8")
        assert f'<meta http-equiv="Content-Security-Policy" content="{CSP_META}">' in html, name


def test_the_hosting_guide_shows_the_headers_the_build_writes() -> None:
    from build_scripts.hosting import CSP_HEADER, IMMUTABLE, REVALIDATE, SECURITY_HEADERS

    guide = (ROOT / "HOSTING.md").read_text(encoding="utf-8")
    headers_file = (ROOT / "site" / "_headers").read_text(encoding="utf-8")
    assert CSP_HEADER in guide
    for name, value in SECURITY_HEADERS:
        assert value in guide, name
        assert f"  {name}: {value}" in headers_file, name
    for policy in (IMMUTABLE, REVALIDATE):
        assert policy in guide
        assert policy in headers_file
