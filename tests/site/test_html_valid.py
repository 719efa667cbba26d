"""Every built page passes the Nu Html Checker (vnu-jar from npm, on the machine's Java): zero errors."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from site_helpers import ROOT, Page

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


@pytest.mark.slow
def test_every_page_is_valid_html(site: Path) -> None:
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
        assert policy in guide and policy in headers_file
