"""The embeddable calculator page (/rekenmodule/insluiten/): who may show it in a frame, as each kind of host sends it.

Every page refuses to be framed (``frame-ancestors 'none'`` and ``X-Frame-Options: DENY``, build_scripts/hosting.py)
except this one: its Content-Security-Policy names the site itself and the origins the provider file allows
(``[insluiten] toegelaten`` in aanbieder.toml, build_scripts/aanbieder.py), and it carries no ``X-Frame-Options``,
which cannot name another origin. The same policy is written for three kinds of host:

- ``site/_headers`` (Netlify, Cloudflare Pages, build_scripts/serve.py): a rule for the page after the ``/*`` rule,
  which first detaches the two headers it replaces (``! Name``, Cloudflare Pages' syntax);
- Apache: ``site/rekenmodule/insluiten/.htaccess``, in the page's own folder, so it never touches the site's root
  ``.htaccess``;
- nginx: ``kmo-insluiten.conf``, included by ``hosting/nginx/kmo-site.conf`` for the page's location. The repository
  holds the one for an empty list; the build writes the provider's into ``build/hosting/`` (HOSTING.md).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Final

from build_scripts.hosting import CSP_DIRECTIVES, SECURITY_HEADERS, csp

PAGE: Final = "rekenmodule/insluiten/"  # the embeddable page, relative to the site's root
NGINX_FILE: Final = "kmo-insluiten.conf"
REPLACED: Final = ("Content-Security-Policy", "X-Frame-Options", "Cross-Origin-Resource-Policy")
SNIPPET: Final = "kmo-rekenmodule.js"  # the script that defines <kmo-rekenmodule>, in the page's folder


def frame_ancestors(origins: Iterable[str]) -> str:
    return " ".join(("'self'", *origins))


def embed_csp(origins: Iterable[str]) -> str:
    return csp((*CSP_DIRECTIVES, ("frame-ancestors", frame_ancestors(origins))))


def embed_headers(origins: Iterable[str]) -> tuple[tuple[str, str], ...]:
    """The security headers of the embeddable page's folder: those of every page, with its own policy, no
    X-Frame-Options, and ``Cross-Origin-Resource-Policy: cross-origin``, so that another site may load the snippet's
    script (kmo-rekenmodule.js, in the same folder) with a plain ``<script src>``."""
    replaced = {"Content-Security-Policy": embed_csp(origins), "Cross-Origin-Resource-Policy": "cross-origin"}
    return tuple((name, replaced.get(name, value)) for name, value in SECURITY_HEADERS if name != "X-Frame-Options")


def headers_rules(origins: Iterable[str]) -> list[str]:
    """The ``_headers`` lines for the page (after the ``/*`` rule, which they partly replace)."""
    lines = [f"/{PAGE}*", *(f"  ! {name}" for name in REPLACED)]
    return lines + [f"  {name}: {value}" for name, value in embed_headers(origins) if name in REPLACED]


def htaccess(origins: Iterable[str]) -> str:
    """Apache (mod_headers), for the page's folder: replaces the root's policy and drops X-Frame-Options there."""
    return (
        "# Written by build_scripts/embedding.py: who may show the calculator in a frame (aanbieder.toml [insluiten]).\n"
        "<IfModule mod_headers.c>\n"
        f'  Header always set Content-Security-Policy "{embed_csp(origins)}"\n'
        '  Header always set Cross-Origin-Resource-Policy "cross-origin"\n'
        "  Header always unset X-Frame-Options\n"
        "</IfModule>\n"
    )


def nginx_conf(origins: Iterable[str]) -> str:
    """nginx: every security header of the embeddable page (an add_header in a location replaces the server's)."""
    lines = [
        "# The security headers of the embeddable calculator page (/rekenmodule/insluiten/), included by kmo-site.conf",
        "# for its location: those of kmo-security.conf with its own frame-ancestors, without X-Frame-Options, and",
        "# Cross-Origin-Resource-Policy cross-origin for the snippet's script (kmo-rekenmodule.js).",
        "# Written by build_scripts/embedding.py from aanbieder.toml [insluiten] (the build's copy: build/hosting/).",
    ]
    lines += [f'add_header {name} "{value}" always;' for name, value in embed_headers(origins)]
    return "\n".join(lines) + "\n"


def write(site: Path, hosting_dir: Path, origins: tuple[str, ...]) -> None:
    """The page's ``.htaccess`` (Apache) and the nginx include; ``_headers`` gets its rule from hosting.headers_file."""
    folder = site / PAGE
    if folder.is_dir():
        (folder / ".htaccess").write_text(htaccess(origins), encoding="utf-8")
    hosting_dir.mkdir(parents=True, exist_ok=True)
    (hosting_dir / NGINX_FILE).write_text(nginx_conf(origins), encoding="utf-8")
