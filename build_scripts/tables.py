"""The generated tables and lists: the package's rule summaries (``calculator.overzicht``) written as Markdown, each
figure with its numbered note. Which rate applies where is decided by the package, never here.
"""

from __future__ import annotations

from build_scripts import siteteksten as t
from build_scripts.errors import BuildError
from build_scripts.site_build import Build, none, one
from calculator import overzicht
from calculator.dated import DatedValue
from calculator.figuren import GROOTTES, VERHOOGDE_ONDERWERPEN
from calculator.formatting import euro, long_date, percent
from calculator.rendering import render


def _head(cells: tuple[str, ...]) -> list[str]:
    return [t.table_row(cells), "|" + "---|" * len(cells)]


def _percent_cell(build: Build, value: DatedValue) -> str:
    assert not isinstance(value.value, bool)
    return f"{percent(value.value)}{build.value_note(value)}"


def _euro_cell(build: Build, value: DatedValue) -> str:
    assert not isinstance(value.value, bool)
    return f"{euro(value.value, cents=False)}{build.value_note(value)}"


def tarieven(build: Build, arguments: list[str]) -> str:
    """Today's rates as a table: per kind of service and subject, for a small and a medium enterprise, with the
    cap (``overzicht.tarieven``: only rows for rules in force on the build date)."""
    none(arguments, "tarieven")
    summary = overzicht.tarieven(build.day, build.rules)
    rows = _head(t.TARIEVEN_KOP)
    for row in summary.rijen:
        if row.geweigerd is not None:
            refused = f"{render(overzicht.NIET_SUBSIDIEERBAAR)}{build.value_note(row.geweigerd)}"
            cells = [refused for _ in GROOTTES]
        else:
            cells = [_percent_cell(build, rate.waarde) for rate in row.tarieven]
        rows.append(t.table_row([render(row.waarvoor), *cells]))
    rows.append(t.table_row([t.PLAFOND_RIJ, *(_euro_cell(build, cap) for cap in summary.plafonds)]))
    return "\n".join(rows)


def hoeveel(build: Build, arguments: list[str]) -> str:
    """Today's rates in a short list, the rows of the provider's own offer first (so an academy of energy
    courses opens with that rate, a security firm with cybersecurity). No sources: the page that shows the whole
    table (steun, kmo:tarieven) lists them."""
    none(arguments, "hoeveel")
    kinds = (service.soort for service in build.provider.aanbod)
    lines = [t.HOEVEEL_INLEIDING, ""]
    for row in overzicht.tarieven_voor_aanbod(kinds, build.day, build.rules):
        what = render(row.waarvoor)
        if row.geweigerd is not None:
            lines.append(t.HOEVEEL_NIET.format(waarvoor=what, niet=render(overzicht.NIET_SUBSIDIEERBAAR)))
            continue
        small, medium = (percent(rate.percentage) for rate in row.tarieven)
        lines.append(t.HOEVEEL_RIJ.format(waarvoor=what, klein=small, middelgroot=medium))
    return "\n".join(lines)


def hoogste(build: Build, arguments: list[str]) -> str:
    """The highest support rate in force on the build date ("tot 45 %"), over all rates."""
    none(arguments, "hoogste")
    return percent(overzicht.hoogste_tarief(build.day, build.rules))


def geschiedenis(build: Build, arguments: list[str]) -> str:
    """One row per change of a rate, a cap or the scope of training and advice, from the first modelled rule set
    on; the date cell has notes for the source(s) of what changed that day."""
    none(arguments, "geschiedenis")
    periods = overzicht.geschiedenis(build.day, build.rules)
    special = tuple(t.GESCHIEDENIS_KOP_VERHOOGD[onderwerp.value] for onderwerp in VERHOOGDE_ONDERWERPEN)
    rows = _head((*t.GESCHIEDENIS_KOP_BEGIN, *special, *t.GESCHIEDENIS_KOP_EINDE))
    for period in periods:
        label = long_date(period.vanaf)
        if period.ten_laatste:
            label = t.GESCHIEDENIS_TEN_LAATSTE.format(datum=label)
        if period is periods[-1]:
            label = t.GESCHIEDENIS_NU.format(datum=label)
        notes = "".join(dict.fromkeys(build.value_note(value) for value in period.gewijzigd))
        rates = [percent(rate.percentage) for rate in period.gewoon]
        cells = [*rates, *(render(pair) for pair in period.verhoogd), render(period.plafond), render(period.reikwijdte)]
        rows.append(t.table_row([f"{label}{notes}", *cells]))
    return "\n".join(rows)


def drempels(build: Build, arguments: list[str]) -> str:
    """The size thresholds of the European SME definition, with the article that states them."""
    none(arguments, "drempels")
    summary = overzicht.drempels(build.day, build.rules)
    rows = _head(t.DREMPELS_KOP)
    for klasse, criteria in summary.rijen:
        rows.append(t.table_row([t.GROOTTE_ONDERNEMING[klasse.value], *(render(c) for c in criteria)]))
    source = build.note(summary.bron, build.start_words(summary.waarde))
    return "\n".join(rows) + f"\n\n{t.DREMPELS_BRON}{source}"


def themas(build: Build, arguments: list[str]) -> str:
    """The future-oriented themes within which training and advice qualify since the 2023 reform, as a list."""
    none(arguments, "themas")
    classification = build.rules.classificatie
    items = [f"- {render(theme)}" for theme in overzicht.themas(build.rules)]
    items[-1] += build.note(classification.themas_bron)
    return "\n".join(items)


def rechtsvormen(build: Build, arguments: list[str]) -> str:
    which = one(arguments, "rechtsvormen")
    if which not in {"aanvaard", "niet-aanvaard"}:
        raise BuildError("kmo:rechtsvormen takes 'aanvaard' or 'niet-aanvaard'")
    wanted = which == "aanvaard"
    forms = [form.label for form in build.rules.classificatie.rechtsvormen.values() if form.aanvaard is wanted]
    return "\n".join(f"- {label}" for label in forms)


def niet_in_aanmerking(build: Build, arguments: list[str]) -> str:
    """The section on the kinds of the provider's offer that do not qualify today, each with why; nothing when all
    do (each card says so already)."""
    none(arguments, "niet-in-aanmerking")
    offered = (service.soort for service in build.provider.aanbod)
    kinds = [k for k in overzicht.soorten(build.day, build.rules, offered) if not k.subsidieerbaar]
    if not kinds:
        return ""
    items = "\n".join(f"- **{k.soort.label}** ({render(k.omschrijving)})" for k in kinds)
    return f"{t.NIET_IN_AANMERKING_KOP}\n\n{items}"
