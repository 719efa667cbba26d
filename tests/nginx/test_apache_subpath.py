"""The site built for https://www.example.org/kmo/ under /kmo/ of an Apache host, as a shared host serves a folder
uploaded into its web folder, with the .htaccess that build writes (RewriteBase and ErrorDocument under /kmo/): the
same security headers and cache rules as the site at the root (test_apache.py), the precompressed copies by
Accept-Encoding, the site's own 404 page under /kmo/, and the embeddable calculator's framing policy. The calculator
itself under /kmo/ in Chromium: tests/browser/test_subpath.py."""

from __future__ import annotations

import pytest
from nginx_helpers import get, material_bundle, runtime_folder
from subpath_site import PATH, SITE_URL, subpath_site

from build_scripts.aanbieder import chosen_file
from build_scripts.embedding import PAGE, SNIPPET, embed_csp
from build_scripts.hosting import SECURITY_HEADERS
from build_scripts.insluiten import insluiten

PAGES = ("", "steun/", "rekenmodule/", "insluiten/", "open-data/")


def test_the_sub_path_is_where_apache_serves_the_site(apache_subpath_url: str) -> None:
    assert apache_subpath_url.endswith(PATH)
    assert "RewriteBase /kmo/" in (subpath_site() / ".htaccess").read_text(encoding="utf-8")


@pytest.mark.parametrize("path", PAGES)
def test_every_page_answers_with_the_security_headers(path: str, apache_subpath_url: str) -> None:
    status, headers, body = get(apache_subpath_url + path)
    assert status == 200, path
    for name, value in SECURITY_HEADERS:
        assert headers.get(name.lower()) == value, (path, name)
    assert headers["content-type"] == "text/html; charset=utf-8"
    assert body == (subpath_site() / path / "index.html").read_bytes()


@pytest.mark.parametrize(("encoding", "expected"), [("br", "br"), ("gzip", "gzip"), ("gzip, deflate, br", "br")])
def test_a_browser_that_accepts_it_gets_the_precompressed_copy(
    encoding: str, expected: str, apache_subpath_url: str
) -> None:
    site = subpath_site()
    suffix = {"br": ".br", "gzip": ".gz"}[expected]
    for path, file, content_type in (
        ("steun/", "steun/index.html", "text/html; charset=utf-8"),
        (runtime_folder(site) + "pyodide.asm.wasm", runtime_folder(site) + "pyodide.asm.wasm", "application/wasm"),
        (runtime_folder(site) + "calculator-page.mjs", runtime_folder(site) + "calculator-page.mjs", "text/javascript"),
    ):
        status, headers, body = get(apache_subpath_url + path, encoding)
        assert status == 200, path
        assert headers.get("content-encoding") == expected, path
        assert headers["content-type"].startswith(content_type), path
        assert "accept-encoding" in headers.get("vary", "").lower(), path
        assert body == (site / (file + suffix)).read_bytes(), path
    plain = get(apache_subpath_url + "steun/")
    assert "content-encoding" not in plain[1]


def test_a_copy_asked_for_by_its_own_name_is_sent_as_it_is(apache_subpath_url: str) -> None:
    site = subpath_site()
    name = runtime_folder(site) + "pyodide.asm.wasm.br"
    status, headers, body = get(apache_subpath_url + name, "br")
    assert status == 200
    assert "content-encoding" not in headers
    assert body == (site / name).read_bytes()


@pytest.mark.parametrize("path", ["bestaat-niet/", "steun/bestaat/niet/", "bestaat-niet.html"])
def test_the_404_page_under_the_sub_path_is_the_sites_own(path: str, apache_subpath_url: str) -> None:
    status, headers, body = get(apache_subpath_url + path)
    assert status == 404
    assert body == (subpath_site() / "404.html").read_bytes()
    assert b'href="/kmo/assets/stylesheets/' in body, "its links name the sub-path (MkDocs, from SITE_URL)"
    for name, value in SECURITY_HEADERS:
        assert headers.get(name.lower()) == value, name


def test_the_cache_rules_are_those_of_the_site_at_the_root(apache_subpath_url: str, apache_url: str) -> None:
    site = subpath_site()
    assert runtime_folder(site) == runtime_folder(), "one runtime, so the same paths on both"
    paths = [
        "",
        "steun/",
        "rekenmodule/",
        "sw.js",
        "sitemap.xml",
        "assets/stylesheets/site.css",
        "bestaat-niet/",
        runtime_folder(site) + "pyodide.asm.wasm",
        runtime_folder(site) + "calculator-page.mjs",
        material_bundle(site),
    ]
    for path in paths:
        for encoding in (None, "br"):
            at_root = get(apache_url + path, encoding)[1]["cache-control"]
            assert get(apache_subpath_url + path, encoding)[1]["cache-control"] == at_root, (path, encoding)


def test_the_embeddable_calculator_keeps_its_own_framing_policy(apache_subpath_url: str) -> None:
    headers = get(apache_subpath_url + PAGE)[1]
    assert headers["content-security-policy"] == embed_csp(insluiten(chosen_file()).toegelaten)
    assert "x-frame-options" not in headers
    assert get(apache_subpath_url + "steun/")[1]["x-frame-options"] == "DENY"


def test_the_embed_snippet_names_the_site_under_its_sub_path(apache_subpath_url: str) -> None:
    """The snippet a provider pastes (/insluiten/) loads the script from the sub-path, which is there for any site."""
    page = get(apache_subpath_url + "insluiten/")[2].decode("utf-8")
    assert f'&lt;script src="{SITE_URL}{PAGE}{SNIPPET}" defer&gt;' in page
    assert f'href="{SITE_URL}rekenmodule/"' in page.replace("&quot;", '"')
    status, headers, _ = get(apache_subpath_url + PAGE + SNIPPET)
    assert status == 200
    assert headers["content-type"].startswith("text/javascript")
    assert headers["cross-origin-resource-policy"] == "cross-origin"


def test_no_htaccess_to_read(apache_subpath_url: str) -> None:
    assert get(apache_subpath_url + ".htaccess")[0] == 403
    assert get(apache_subpath_url + PAGE + ".htaccess")[0] == 403
