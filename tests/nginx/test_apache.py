"""The site under Apache (shared hosting) with the .htaccess files the build writes: the same security headers and
cache rules as nginx and _headers, precompressed copies by Accept-Encoding (a copy asked for by its own name is sent
as it is), the 404 page, and the embeddable calculator's own framing policy; the repository's copy,
hosting/apache/.htaccess, is the build's file for a site at the root of its host. The same site under a sub-path:
test_apache_subpath.py."""

from __future__ import annotations

import difflib

import pytest
from apache_server import ALLOW_OVERRIDE
from nginx_helpers import ROOT, get, material_bundle, runtime_folder

from build_scripts.aanbieder import chosen_file
from build_scripts.apache import NAME, htaccess
from build_scripts.embedding import PAGE, embed_csp
from build_scripts.hosting import IMMUTABLE, REVALIDATE, SECURITY_HEADERS
from build_scripts.insluiten import insluiten

COMMITTED = ROOT / "hosting" / "apache" / NAME


def test_the_repositorys_htaccess_is_the_one_the_build_writes_for_the_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SITE_URL", raising=False)
    expected = htaccess()
    assert htaccess("/") == expected
    assert COMMITTED.read_text(encoding="utf-8") == expected, "write it again: htaccess('/') of build_scripts/apache.py"


def test_the_override_the_tests_allow_is_the_one_the_documents_name() -> None:
    """Apache runs the tests with the least AllowOverride the files need (apache_server.py): the one HOSTING.md,
    hosting/apache/README.md and the .htaccess itself name."""
    for document in (ROOT / "HOSTING.md", COMMITTED.with_name("README.md")):
        assert ALLOW_OVERRIDE in " ".join(document.read_text(encoding="utf-8").split()), document
    assert ALLOW_OVERRIDE in " ".join(line.lstrip("# ") for line in htaccess("/").splitlines())


def test_the_htaccess_holds_the_security_headers_of_hosting_py() -> None:
    text = htaccess()
    for name, value in SECURITY_HEADERS:
        assert f'Header always set {name} "{value}"' in text, name


@pytest.mark.parametrize("path", ["", "steun/", "rekenmodule/", "404-does-not-exist/"])
def test_every_security_header_is_sent_as_nginx_sends_it(path: str, apache_url: str, nginx_url: str) -> None:
    _, apache, _ = get(apache_url + path)
    _, nginx, _ = get(nginx_url + path)
    for name, value in SECURITY_HEADERS:
        assert apache.get(name.lower()) == value, (path, name)
        assert nginx.get(name.lower()) == value, (path, name)


def test_cache_rules_as_on_every_host(apache_url: str) -> None:
    assert get(apache_url)[1]["cache-control"] == REVALIDATE
    assert get(apache_url + runtime_folder() + "pyodide.asm.wasm")[1]["cache-control"] == IMMUTABLE
    assert get(apache_url + material_bundle())[1]["cache-control"] == IMMUTABLE


@pytest.mark.parametrize(("encoding", "expected"), [("br", "br"), ("gzip", "gzip"), ("gzip, deflate, br", "br")])
def test_a_browser_that_accepts_it_gets_the_precompressed_copy(encoding: str, expected: str, apache_url: str) -> None:
    status, headers, body = get(apache_url + "steun/", encoding)
    assert status == 200
    assert headers.get("content-encoding") == expected
    assert headers["content-type"].startswith("text/html")
    assert "accept-encoding" in headers.get("vary", "").lower()
    plain = get(apache_url + "steun/")
    assert "content-encoding" not in plain[1]
    assert plain[2].lstrip().startswith(b"<!doctype html")
    assert body != plain[2]
    wasm = get(apache_url + runtime_folder() + "pyodide.asm.wasm", "br")[1]
    assert (wasm.get("content-encoding"), wasm["content-type"]) == ("br", "application/wasm")


def test_a_copy_asked_for_by_its_own_name_is_sent_as_it_is(apache_url: str) -> None:
    """The runtime's .br files, downloaded by name and unpacked by the page (frontend/runtime-files.mjs)."""
    status, headers, body = get(apache_url + runtime_folder() + "pyodide.asm.wasm.br", "br")
    assert status == 200
    assert "content-encoding" not in headers
    assert not body.startswith(b"\0asm"), "the brotli bytes themselves"


def test_the_404_page_and_no_htaccess_to_read(apache_url: str) -> None:
    status, _, body = get(apache_url + "bestaat-niet/")
    assert status == 404
    assert b"<!doctype html" in body.lower()
    assert get(apache_url + ".htaccess")[0] == 403


def test_the_embeddable_calculator_may_be_framed_by_the_allowed_sites_only(apache_url: str) -> None:
    headers = get(apache_url + PAGE)[1]
    assert headers["content-security-policy"] == embed_csp(insluiten(chosen_file()).toegelaten)
    assert "x-frame-options" not in headers
    assert get(apache_url + "steun/")[1]["x-frame-options"] == "DENY"


def test_under_a_sub_path_the_404_page_and_the_rewrite_base_follow_site_url(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SITE_URL", "https://www.example.org/kmo/")
    text = htaccess()
    changed = [
        line
        for line in difflib.unified_diff(htaccess("/").splitlines(), text.splitlines(), lineterm="", n=0)
        if line[:1] in "+-" and line[:3] not in ("+++", "---")
    ]
    assert changed == [
        "-ErrorDocument 404 /404.html",
        "+ErrorDocument 404 /kmo/404.html",
        "-  RewriteBase /",
        "+  RewriteBase /kmo/",
    ]
