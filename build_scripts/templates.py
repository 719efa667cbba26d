"""What the theme's templates get from the package (the form's choices and labels, the home page's figures, the
calculator runtime's folder and manifest), and two fixes to the theme's own markup.
"""

from __future__ import annotations

import re
from typing import Any

from build_scripts import insluiten, runtime_manifest
from build_scripts import siteteksten as t
from build_scripts.build_site import RUNTIME_STAGING
from build_scripts.hosting import CSP_META
from build_scripts.site_build import Build
from calculator import overzicht
from calculator.domein import Grootteklasse
from calculator.formatting import euro, long_date, percent
from calculator.foutteksten import VELDEN, veld
from calculator.rendering import render
from calculator.request import MAX_ROWS


def template_globals(build: Build, folder: str) -> dict[str, Any]:
    """``config.extra.kmo`` in the templates (build_scripts/site_config.py writes it): the form's choices (from the
    data) and the calculator runtime's versioned folder (``folder``, "assets/rekenmodule/<version>/"; empty: none)."""
    classification = build.rules.classificatie
    day, rules = build.day, build.rules
    return {
        "rechtsvormen": [(key, form.label) for key, form in classification.rechtsvormen.items()],
        "gewesten": [(key, region.label) for key, region in classification.gewesten.items()],
        "dienstsoorten": [(key, kind.label) for key, kind in classification.dienstsoorten.items()],
        "modelled_from": rules.modelled_from.isoformat(),
        "partnergrenzen": render(overzicht.partnergrenzen(day, rules)),
        "csp": CSP_META,
        "gecontroleerd_op": long_date(rules.checked_on),
        "home": {
            "hoogste": _hoogste(build),
            "plafond": euro(overzicht.hoogste_plafond(day, rules), cents=False),
            "termijn": t.KALENDERDAGEN.format(aantal=overzicht.aanvraagtermijn_dagen(day, rules)),
        },
        "regelwijziging": regelwijziging(build),
        "runtime": folder,
        "manifest": runtime_manifest_for_pages(folder),
        "calculator": calculator_page_data(build),
        "toegelaten": insluiten.insluiten(build.provider.bestand).toegelaten,  # who may embed (insluiten-uitleg.html)
    }


def _hoogste(build: Build) -> str:
    """The home page's "tot … %": the highest rate over the provider's own qualifying services (the package decides
    it); without any, the highest rate in force."""
    offer = overzicht.hoogste_tarief_van((s.soort for s in build.provider.aanbod), build.day, build.rules)
    return percent(offer if offer is not None else overzicht.hoogste_tarief(build.day, build.rules))


def regelwijziging(build: Build) -> dict[str, str]:
    """The notice of the next change in the rules (main.html): its day as ISO date (``datum``, which the page's script
    compares with the visitor's day) and its words; empty when the data holds no change after the build day."""
    day = build.next_change()
    if day is None:
        return {}
    return {
        "datum": day.isoformat(),
        "naam": t.REGELWIJZIGING_NAAM,
        "tekst": t.REGELWIJZIGING.format(datum=long_date(day)),
        "link": t.REGELWIJZIGING_LINK,
    }


def runtime_manifest_for_pages(folder: str) -> dict[str, Any]:
    """The runtime's manifest (build/rekenmodule/manifest.json, laid out before the pages are built): the files the
    calculator page preloads, and those an information page prefetches when the visitor shows intent
    (``prefetch``). Empty for a build without the runtime."""
    if not folder or not (RUNTIME_STAGING / runtime_manifest.NAME).is_file():
        return {}
    return runtime_manifest.read(RUNTIME_STAGING)


def calculator_page_data(build: Build) -> dict[str, Any]:
    """What the calculator page's template needs from the package: the field labels the package's error messages
    use, the size choices with their thresholds, the row limit, and the official addresses."""
    return {
        "velden": {key: veld(key) for key in VELDEN},
        "sizes": [
            (
                size.value,
                t.GROOTTE_KEUZE[size.value],
                render(overzicht.grootte_omschrijving(size, build.day, build.rules)),
            )
            for size in Grootteklasse
        ],
        "max_rows": MAX_ROWS,
        "nace_list": build.rules.sources["vlaio_subsidiedatabank"].href,
    }


_CHECKBOX_AUTOCOMPLETE = re.compile(r'(<input\b[^>]*\btype="(?:checkbox|radio)"[^>]*?)\s+autocomplete="off"')
_SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'


def fix_theme_html(html: str) -> str:
    """Two fixes to Material's markup, found by the validator and by Lighthouse:
    - it writes autocomplete="off" on its checkbox toggles (drawer, search), which HTML allows only on text-like
      inputs (the Nu Html Checker reports each one);
    - its search overlay is a dialog without a name (Lighthouse's aria-dialog-name audit)."""
    html = _CHECKBOX_AUTOCOMPLETE.sub(r"\1", html)
    named = _SEARCH_DIALOG.replace('role="dialog"', f'role="dialog" aria-label="{t.ZOEKEN}"')
    return html.replace(_SEARCH_DIALOG, named)
