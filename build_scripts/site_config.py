"""The generated configuration: one file that ``INHERIT``s ``mkdocs.yml`` and adds what the build knows, so that the
templates get their values through the configuration alone, under MkDocs or Zensical.

    python -m build_scripts.site_config [--config mkdocs.yml] [--generator mkdocs|zensical]   (prints its path)

It sets, from the provider file (build_scripts/aanbiedergegevens.py ``configure``), the site's name, description,
author, address guess (when ``SITE_URL`` is not set), logo and the colours' stylesheet, and ``extra.aanbiedervelden``
and ``extra.aanbieder``; from the rules data and the runtime, ``extra.kmo`` (build_scripts/templates.py
``template_globals``: the form's choices, the home page's figures, the CSP, the runtime's folder and manifest).
Paths of ``mkdocs.yml`` (the pages, the theme's overrides, the hooks) are written out absolute, since the file lives
in a temporary folder. Before going live: what the provider file lacks is printed as a warning, and with
``KMO_PRODUCTIE=1`` it fails the build.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

import yaml

from build_scripts import aanbiedergegevens, templates
from build_scripts.errors import BuildError
from build_scripts.site_build import Build

GENERATORS = ("mkdocs", "zensical")
ZENSICAL_PREFIX = "zensical-"  # zensical-<process>.yml, next to mkdocs.yml while Zensical builds (.gitignore)


class _Loader(yaml.SafeLoader):  # type: ignore[misc]  # PyYAML's stubs are not installed
    """mkdocs.yml read for its paths and lists only: its tags (``!ENV``) are left to the generator."""


_Loader.add_multi_constructor("!", lambda loader, suffix, node: None)


def read_base(config: Path) -> dict[str, Any]:
    with config.open(encoding="utf-8") as handle:
        data = yaml.load(handle, Loader=_Loader)
    assert isinstance(data, dict), f"{config}: not a mapping"
    return data


def _absolute(base_dir: Path, value: str) -> str:
    return str((base_dir / value).resolve())


def site_url(build: Build) -> str:
    """The public address: ``SITE_URL``, else the provider file's guess (as MkDocs writes it, with a final slash)."""
    chosen = os.environ.get("SITE_URL") or (build.provider.site_adres or "")
    return chosen.rstrip("/") + "/" if chosen else ""


def check_before_going_live(build: Build, address: str) -> None:
    """Warn of what is missing before going live; with ``KMO_PRODUCTIE=1``, fail."""
    problems = aanbiedergegevens.problems(build.provider, address or None)
    for problem in problems:
        print(f"WARNING (before going live): {problem}", file=sys.stderr)
    if problems and os.environ.get(aanbiedergegevens.PRODUCTION) == "1":
        raise BuildError(f"{aanbiedergegevens.PRODUCTION}=1: the site is not ready to go live: {'; '.join(problems)}")


def generated(config: Path, build: Build, generator: str = "mkdocs", runtime: str = "") -> dict[str, Any]:
    """What the generated configuration adds to ``config`` (see the module's docstring). For MkDocs its paths are
    absolute (the file lives in a temporary folder); Zensical wants them relative to the file, which lives next to
    ``config``, and its output inside that folder too (``build/zensical-site-<process>``, moved by generators.py)."""
    base = read_base(config)
    base_dir = config.resolve().parent
    theme = dict(base.get("theme") or {})
    result: dict[str, Any] = {"theme": theme, "extra_css": list(base.get("extra_css") or []), "extra": {}}
    if generator == "mkdocs":
        result["INHERIT"] = str(config.resolve())
        result["docs_dir"] = _absolute(base_dir, base.get("docs_dir", "docs"))
        if theme.get("custom_dir"):
            theme["custom_dir"] = _absolute(base_dir, theme["custom_dir"])
        result["hooks"] = [_absolute(base_dir, hook) for hook in base.get("hooks") or []]
    else:
        result["INHERIT"] = config.name
        result["site_dir"] = f"build/zensical-site-{os.getpid()}"
    if not os.environ.get("SITE_URL") and build.provider.site_adres:
        result["site_url"] = site_url(build)
    aanbiedergegevens.configure(result, build)
    check_before_going_live(build, site_url(build))
    result["extra"]["kmo"] = templates.template_globals(build, runtime)
    plain: dict[str, Any] = json.loads(json.dumps(result))  # plain lists and mappings, as the generator reads them
    return plain


def write(config: Path, build: Build, generator: str = "mkdocs", runtime: str = "") -> Path:
    """Write the generated configuration (JSON, which YAML reads); returns its path. For MkDocs: ``mkdocs.yml`` in a
    new temporary folder; for Zensical: ``zensical-<process>.yml`` next to ``config``. :func:`remove` removes it."""
    if generator == "mkdocs":
        target = Path(tempfile.mkdtemp(prefix="kmo-config-")) / "mkdocs.yml"
    else:
        target = config.resolve().parent / f"{ZENSICAL_PREFIX}{os.getpid()}.yml"
    values = generated(config, build, generator, runtime)
    target.write_text(json.dumps(values, indent=1, ensure_ascii=False), encoding="utf-8")
    return target


def remove(generated_config: Path) -> None:
    """Remove what :func:`write` wrote (the temporary folder with it, for MkDocs)."""
    generated_config.unlink(missing_ok=True)
    if generated_config.parent.name.startswith("kmo-config-"):
        generated_config.parent.rmdir()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--config", type=Path, default=Path("mkdocs.yml"))
    parser.add_argument("--generator", choices=GENERATORS, default="mkdocs")
    arguments = parser.parse_args(argv)
    print(write(arguments.config, Build.from_environment(), arguments.generator))
    return 0


if __name__ == "__main__":
    sys.exit(main())
