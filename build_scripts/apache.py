"""Apache, for shared hosting: the site's ``.htaccess``, written by the build into ``site/`` (so an upload of the
folder takes it along) from the same values as ``_headers`` and ``hosting/nginx/`` (build_scripts/hosting.py): the
security headers, the cache rules, and the precompressed copies (``x.br``, ``x.gz``) sent with their
Content-Encoding to a browser that accepts it.

A copy asked for by its own name (the runtime's ``.br`` files, frontend/runtime-files.mjs) is sent as it is, like on
every other host: only a request that the rewrite rules turned into a copy gets a Content-Encoding. The embeddable
calculator's folder has its own ``.htaccess`` (build_scripts/embedding.py) that replaces the framing policy there.
Needs mod_headers, mod_rewrite and mod_mime, which shared hosts enable; tests/nginx/test_apache.py runs it under
Debian's Apache, at the root of a host and under a sub-path (test_apache_subpath.py).

For a site under a sub-path (``SITE_URL=https://www.example.org/kmo/``) only two lines differ: the rewrite base and
the 404 page's address, both ``SITE_URL``'s path. ``hosting/apache/.htaccess`` is the file for a site at the root
of its host, the text of ``htaccess("/")`` (a test holds it equal).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Final
from urllib.parse import urlsplit

from build_scripts.hosting import HASHED, IMMUTABLE, PRECOMPRESSED_SUFFIXES, REVALIDATE, SECURITY_HEADERS

NAME: Final = ".htaccess"
# The types Apache's defaults lack or name otherwise (the same as hosting/nginx/kmo-site.conf's types block).
TYPES: Final = (
    ("text/javascript", ".js .mjs"),
    ("application/wasm", ".wasm"),
    ("application/json", ".json .map"),
    ("application/zip", ".zip"),
    ("application/octet-stream", ".whl"),
    ("application/atom+xml", ".atom"),
    ("image/svg+xml", ".svg"),
)
CHARSET_SUFFIXES: Final = ".html .css .js .mjs .json .xml .txt .svg"
# The copies a browser may get instead of the file, best first: (suffix, Content-Encoding, Accept-Encoding token).
ENCODINGS: Final = ((".br", "br", "br"), (".gz", "gzip", "gzip"))


def base_path() -> str:
    """The path the site lives under (``SITE_URL``'s, ``/`` by default), for the 404 page and the rewrite base."""
    path = urlsplit(os.environ.get("SITE_URL", "")).path or "/"
    return path if path.endswith("/") else path + "/"


def _rewrite_rules(base: str) -> list[str]:
    suffixes = "|".join(sorted(suffix.lstrip(".") for suffix in PRECOMPRESSED_SUFFIXES))
    lines = ["<IfModule mod_rewrite.c>", "  RewriteEngine On", f"  RewriteBase {base}"]
    for suffix, encoding, token in ENCODINGS:
        flag = f"kmo_{encoding}"
        lines += [
            f"  RewriteCond %{{HTTP:Accept-Encoding}} \\b{token}\\b",
            f"  RewriteCond %{{REQUEST_FILENAME}}{suffix} -f",
            f"  RewriteRule \\.({suffixes})$ %{{REQUEST_URI}}{suffix} [E={flag}:1,E=no-gzip:1,L]",
        ]
    return [*lines, "</IfModule>"]


def _copy_headers() -> list[str]:
    """A copy the rewrite chose (its variable arrives as REDIRECT_…) gets its encoding; its type is the original's,
    since ``.br`` and ``.gz`` map to no type (``RemoveType``), so ``x.js.br`` is text/javascript."""
    lines = ["<IfModule mod_headers.c>"]
    for _, encoding, _ in ENCODINGS:
        lines.append(f'  Header always set Content-Encoding "{encoding}" env=REDIRECT_kmo_{encoding}')
    lines.append('  Header always merge Vary "Accept-Encoding"')
    return [*lines, "</IfModule>"]


HEADER: Final = """\
# The site's rules for Apache (shared hosting), written by build_scripts/apache.py from build_scripts/hosting.py:
# the same headers, cache rules and precompressed copies as hosting/nginx/ and _headers (HOSTING.md, 'Apache').
# Needs mod_headers, mod_rewrite and mod_mime, and for this folder AllowOverride All (or at least
# FileInfo Indexes Options=Indexes AuthConfig). RewriteBase and ErrorDocument name the path the site lives under
# (SITE_URL's, which the build writes in): / at the root of a host, /kmo/ for https://www.example.org/kmo/.
"""


def htaccess(base: str | None = None) -> str:
    """The site's root ``.htaccess`` for a site under ``base`` (``/``, ``/kmo/``; by default SITE_URL's path)."""
    base = base or base_path()
    immutable = " || ".join(f"%{{REQUEST_URI}} =~ m#{pattern.pattern.lstrip('^')}#" for pattern in HASHED)
    lines = [
        "Options -Indexes",
        "DirectoryIndex index.html",
        f"ErrorDocument 404 {base}404.html",
        "<IfModule mod_mime.c>",
        *(f"  AddType {content_type} {names}" for content_type, names in TYPES),
        "  RemoveType .br .gz",
        "  RemoveEncoding .br .gz",
        f"  AddCharset utf-8 {CHARSET_SUFFIXES}",
        "</IfModule>",
        "<IfModule mod_headers.c>",
        *(f'  Header always set {name} "{value}"' for name, value in SECURITY_HEADERS),
        f'  Header always set Cache-Control "{REVALIDATE}"',
        f'  <If "{immutable}">',
        f'    Header always set Cache-Control "{IMMUTABLE}"',
        "  </If>",
        "</IfModule>",
        *_rewrite_rules(base),
        *_copy_headers(),
        '<Files ".htaccess">',
        "  Require all denied",
        "</Files>",
    ]
    return HEADER + "\n".join(lines) + "\n"


def write(site: Path) -> Path:
    target = site / NAME
    target.write_text(htaccess(), encoding="utf-8")
    return target
