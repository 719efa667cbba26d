"""The site under nginx with the repository's configuration: the headers HOSTING.md promises, precompressed
copies by Accept-Encoding, the immutable cache rule on hashed files only, and the calculator under the real CSP."""

from __future__ import annotations

import re

import pytest
from nginx_helpers import CONFIG, ROOT, SITE, get, material_bundle, runtime_folder

from build_scripts.aanbieder import chosen_file
from build_scripts.embedding import NGINX_FILE, PAGE, SNIPPET, embed_csp, nginx_conf
from build_scripts.hosting import IMMUTABLE, REVALIDATE, SECURITY_HEADERS
from build_scripts.insluiten import insluiten

HOSTING = ROOT / "HOSTING.md"


def hosting_table_headers() -> list[str]:
    """The header names of the table in HOSTING.md ("The headers a host must send")."""
    text = HOSTING.read_text(encoding="utf-8")
    table = text.split("## The headers a host must send", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"^\| `([A-Za-z-]+)` \|", table, re.MULTILINE)


def test_the_configuration_files_are_the_ones_hosting_md_shows() -> None:
    text = HOSTING.read_text(encoding="utf-8")
    assert "hosting/nginx/kmo-site.conf" in text
    assert "hosting/nginx/kmo-security.conf" in text
    assert "add_header" not in text, "HOSTING.md points at the files instead of holding a copy"
    snippet = (CONFIG / "kmo-security.conf").read_text(encoding="utf-8")
    written = dict(re.findall(r'^add_header ([A-Za-z-]+) "([^"]*)" always;$', snippet, re.MULTILINE))
    assert written == dict(SECURITY_HEADERS), "the snippet and build_scripts/hosting.py say the same"


@pytest.mark.parametrize("kind", ["page", "calculator page", "runtime file", "404 page", "stylesheet"])
def test_every_header_of_the_table_is_sent(kind: str, nginx_url: str) -> None:
    path = {
        "page": "",
        "calculator page": "rekenmodule/",
        "runtime file": runtime_folder() + "pyodide.asm.wasm",
        "404 page": "bestaat-niet/",
        "stylesheet": "assets/stylesheets/site.css",
    }[kind]
    status, headers, _ = get(nginx_url + path, "br, gzip")
    assert status == (404 if kind == "404 page" else 200)
    for name, value in SECURITY_HEADERS:
        assert headers.get(name.lower()) == value, (kind, name, headers.get(name.lower()))
    table = hosting_table_headers()
    assert set(table) >= {name for name, _ in SECURITY_HEADERS} | {"Cache-Control", "Content-Type"}
    for name in table:
        if name != "Content-Encoding" or kind in {"runtime file", "page"}:
            assert name.lower() in headers, (kind, name)
    if kind == "404 page":
        assert "Pagina niet gevonden" in get(nginx_url + path)[2].decode("utf-8")


@pytest.mark.parametrize(
    ("file", "content_type"),
    [
        ("pyodide.asm.wasm", "application/wasm"),
        ("calculator-page.mjs", "text/javascript"),
        ("pyodide.asm.mjs", "text/javascript"),
        ("python_stdlib.zip", "application/zip"),
        # The calculator's wheel stores its entries (build_scripts/trim_stdlib.mjs), so it has copies too.
        ("*.whl", "application/octet-stream"),
    ],
)
def test_precompressed_copies_follow_accept_encoding(file: str, content_type: str, nginx_url: str) -> None:
    if "*" in file:
        file = next((SITE / runtime_folder()).glob(file)).name
    url = nginx_url + runtime_folder() + file
    original = (SITE / runtime_folder() / file).read_bytes()
    for accepted, encoding, suffix in [("br, gzip", "br", ".br"), ("gzip", "gzip", ".gz"), (None, None, "")]:
        status, headers, body = get(url, accepted)
        assert status == 200
        assert headers["content-type"].split(";")[0] == content_type
        assert headers.get("content-encoding") == encoding, (file, accepted)
        assert body == (SITE / runtime_folder() / (file + suffix)).read_bytes() if suffix else body == original
        assert "accept-encoding" in headers.get("vary", "").lower(), (file, accepted)


def test_a_file_without_a_copy_is_compressed_on_the_fly_if_it_is_text(nginx_url: str) -> None:
    folder = runtime_folder()
    lock = SITE / folder / "pyodide-lock.json"
    assert not (SITE / folder / "pyodide-lock.json.gz").exists()
    status, headers, _ = get(nginx_url + folder + "pyodide-lock.json", "br, gzip")
    assert status == 200
    assert headers["content-type"].startswith("application/json")
    if lock.stat().st_size > 20:
        assert headers.get("content-encoding") == "gzip"
    # An image is compressed already: no copy, and not compressed again on the fly.
    image = "assets/images/favicon.png"
    assert not (SITE / (image + ".gz")).exists()
    status, headers, body = get(nginx_url + image, "br, gzip")
    assert headers["content-type"] == "image/png"
    assert "content-encoding" not in headers
    assert body == (SITE / image).read_bytes()


def test_a_page_is_sent_brotli_to_a_browser_that_accepts_it(nginx_url: str) -> None:
    status, headers, body = get(nginx_url + "steun/", "gzip, deflate, br")
    assert status == 200
    assert headers.get("content-encoding") == "br"
    assert body == (SITE / "steun" / "index.html.br").read_bytes()
    assert headers["content-type"].startswith("text/html")


def test_only_hashed_files_are_immutable(nginx_url: str) -> None:
    immutable = [runtime_folder() + "pyodide.asm.wasm", runtime_folder() + "calculator-page.mjs", material_bundle()]
    revalidated = ["", "steun/", "assets/stylesheets/site.css", "sitemap.xml", "bestaat-niet/"]
    for path in immutable:
        assert get(nginx_url + path)[1]["cache-control"] == IMMUTABLE, path
    for path in revalidated:
        assert get(nginx_url + path)[1]["cache-control"] == REVALIDATE, path


def test_only_the_embeddable_page_may_be_framed_and_only_as_aanbieder_toml_says(nginx_url: str) -> None:
    origins = insluiten(chosen_file()).toegelaten
    assert (CONFIG / NGINX_FILE).read_text(encoding="utf-8") == nginx_conf(origins), "run the build's writer again"
    for path in (PAGE, PAGE + "index.html", PAGE + SNIPPET):
        status, headers, _ = get(nginx_url + path)
        assert status == 200, path
        assert headers["content-security-policy"] == embed_csp(origins), path
        assert "x-frame-options" not in headers, path
        assert headers["cross-origin-resource-policy"] == "cross-origin", path
    for path in ("", "rekenmodule/", "insluiten/"):
        headers = get(nginx_url + path)[1]
        assert headers["content-security-policy"].endswith("frame-ancestors 'none'"), path
        assert headers["x-frame-options"] == "DENY", path
    assert get(nginx_url + PAGE + ".htaccess")[0] == 404
