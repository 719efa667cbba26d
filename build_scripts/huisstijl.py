"""The provider's brand (``[huisstijl]`` of the provider file): its colours, checked for contrast, as a stylesheet
of Material's palette variables, and its logo (an icon of the theme, or a file beside the provider file).
"""

from __future__ import annotations

import colorsys
import shutil
from collections.abc import MutableMapping
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any, Final

STYLESHEET: Final = "assets/stylesheets/aanbieder.css"
LOGO: Final = "assets/images/logo"
MIN_CONTRAST: Final = Decimal("4.5")  # WCAG 2.1 AA for normal text
WHITE: Final = "#ffffff"


@dataclass(frozen=True)
class Huisstijl:
    primair: str
    accent: str
    link: str
    logo_icoon: str | None = None
    logo_bestand: Path | None = None


def _luminance(colour: str) -> Decimal:
    channels = []
    for index in (1, 3, 5):
        value = int(colour[index : index + 2], 16) / 255
        channels.append(value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4)
    red, green, blue = channels
    return Decimal(str(0.2126 * red + 0.7152 * green + 0.0722 * blue))


def contrast(first: str, second: str) -> Decimal:
    """The WCAG contrast ratio of two colours (#rrggbb)."""
    light, dark = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (light + Decimal("0.05")) / (dark + Decimal("0.05"))


def passing_colour(colour: str) -> str:
    """The nearest colour of the same hue and saturation that reaches MIN_CONTRAST against white: ``colour``
    darkened step by step (every colour of the brand is checked against white)."""
    red, green, blue = (int(colour[index : index + 2], 16) / 255 for index in (1, 3, 5))
    hue, lightness, saturation = colorsys.rgb_to_hls(red, green, blue)
    for step in range(round(lightness * 255), -1, -1):
        rgb = colorsys.hls_to_rgb(hue, step / 255, saturation)
        candidate = "#" + "".join(f"{round(channel * 255):02x}" for channel in rgb)
        if contrast(candidate, WHITE) >= MIN_CONTRAST:
            return candidate
    return "#000000"


def mix(colour: str, other: str, share: Decimal) -> str:
    """``colour`` moved ``share`` of the way towards ``other`` (for the palette's lighter and darker shades)."""
    parts = []
    for index in (1, 3, 5):
        a, b = int(colour[index : index + 2], 16), int(other[index : index + 2], 16)
        parts.append(round(a + (b - a) * float(share)))
    return "#" + "".join(f"{part:02x}" for part in parts)


def stylesheet(brand: Huisstijl, source: str) -> str:
    """The provider's colours as Material's palette variables; ``source`` is the provider file's name."""
    return (
        f"/* The colours of {source} (huisstijl), checked for contrast by build_scripts/aanbieder.py. */\n"
        ":root {\n"
        f"  --md-primary-fg-color: {brand.primair};\n"
        f"  --md-primary-fg-color--light: {mix(brand.primair, WHITE, Decimal('0.15'))};\n"
        f"  --md-primary-fg-color--dark: {mix(brand.primair, '#000000', Decimal('0.3'))};\n"
        f"  --md-primary-bg-color: {WHITE};\n"
        f"  --md-accent-fg-color: {brand.accent};\n"
        f"  --md-accent-fg-color--transparent: {brand.accent}1a;\n"
        f"  --md-typeset-a-color: {brand.link};\n"
        "}\n"
    )


def configure(config: MutableMapping[str, Any], brand: Huisstijl) -> None:
    """The theme's logo (an icon, or the logo file) and the colours' stylesheet, in the site's configuration
    (the generated one, build_scripts/site_config.py); the files themselves are written by :func:`write_files`."""
    if brand.logo_icoon:
        config["theme"]["icon"] = {**(config["theme"].get("icon") or {}), "logo": brand.logo_icoon}
    if brand.logo_bestand:
        config["theme"]["logo"] = LOGO + brand.logo_bestand.suffix.lower()
    if STYLESHEET not in config["extra_css"]:
        config["extra_css"].append(STYLESHEET)


def write_files(site_dir: Path, brand: Huisstijl, source: str) -> None:
    """The brand's files in the built site, written after the site generator has run: the colours' stylesheet and
    the logo file (when the brand has one)."""
    target = site_dir / STYLESHEET
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(stylesheet(brand, source), encoding="utf-8")
    if brand.logo_bestand is not None:
        logo = site_dir / (LOGO + brand.logo_bestand.suffix.lower())
        logo.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(brand.logo_bestand, logo)
