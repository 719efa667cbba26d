"""The files a built site gets after the site generator has run, whichever it is (MkDocs or Zensical): the open
data (the rules as JSON, the JSON Schemas and the Atom feed), robots.txt, and the provider's colours' stylesheet and
logo (build_scripts/huisstijl.py). build_scripts/build_site.py writes them; the wheel, the service worker and the
precompressed copies follow there.
"""

from __future__ import annotations

from pathlib import Path

from build_scripts import huisstijl, opendata
from build_scripts.site_build import Build
from calculator import __version__


def write_open_data(build: Build, site_dir: Path, site_url: str, author: str) -> None:
    """/open-data/: the rules as JSON, the JSON Schemas and the Atom feed, from the data this build used (the wheel
    is added by build_scripts/build_site.py, which builds it)."""
    folder = site_dir / "open-data"
    folder.mkdir(parents=True, exist_ok=True)
    rules_text = opendata.rules_json_text(build.rules, __version__)
    (folder / opendata.RULES_FILE).write_text(rules_text, encoding="utf-8")
    for name in opendata.SCHEMAS:
        (folder / name).write_text(opendata.schema(name), encoding="utf-8")
    (site_dir / opendata.FEED_FILE).write_text(opendata.atom_feed(build.rules, site_url, author), encoding="utf-8")


def write_robots(site_dir: Path, site_url: str) -> None:
    """robots.txt: everything may be indexed; it points at the sitemap under the public address."""
    lines = ["User-agent: *", "Allow: /"]
    if site_url:
        lines.append(f"Sitemap: {site_url.rstrip('/')}/sitemap.xml")
    (site_dir / "robots.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")


def write(build: Build, site_dir: Path, site_url: str, site_name: str) -> None:
    """Every file of this module, for the site in ``site_dir`` (``site_url``: the public address, may be empty)."""
    write_open_data(build, site_dir, site_url or "/", site_name)
    write_robots(site_dir, site_url)
    huisstijl.write_files(site_dir, build.provider.huisstijl, build.provider.bestand.name)
