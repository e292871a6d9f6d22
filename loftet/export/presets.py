"""Page sizes for exported images: a report column, a wide report page and a 16:9 slide.

A preset fixes the width, the smallest height, the base font size and the PNG resolution.
Report and wide figures grow in height with their number of categories (a ranking of 46
municipalities is taller than one of 15 counties); a slide keeps 16:9 and fits its category
labels by making them smaller instead.
"""

from __future__ import annotations

from dataclasses import dataclass

CSS_DPI = 96
"""Plotly lays out in CSS pixels: 96 per inch."""
PRINT_DPI = 300


def cm_to_px(cm: float) -> int:
    """Centimetres as CSS (layout) pixels."""
    return round(cm / 2.54 * CSS_DPI)


@dataclass(frozen=True)
class Preset:
    """One export size."""

    name: str
    label: str
    width_cm: float
    height_cm: float
    font_px: int
    """Base font size of the chart (ticks, legend); titles and footer follow from it."""
    grows: bool
    """True: the height grows with the content; False: the height is fixed (slides)."""
    dpi: int = PRINT_DPI
    """Resolution declared in (and used for) the PNG."""

    @property
    def width_px(self) -> int:
        return cm_to_px(self.width_cm)

    @property
    def height_px(self) -> int:
        return cm_to_px(self.height_cm)

    @property
    def png_scale(self) -> float:
        return self.dpi / CSS_DPI

    @property
    def title_px(self) -> int:
        return self.font_px + 3

    @property
    def subtitle_px(self) -> int:
        return self.font_px - 1

    @property
    def footer_px(self) -> int:
        return self.font_px - 2

    @property
    def edge_px(self) -> int:
        """White space between the page edge and the header and footer."""
        return round(self.font_px * 0.9)


REPORT = Preset("rapport", "Rapport (16 cm)", 16.0, 9.0, 11, grows=True)
WIDE = Preset("bred", "Bred (24 cm)", 24.0, 13.5, 12, grows=True)
SLIDE = Preset(
    "lysbilde",
    "Lysbilde (16:9)",
    2.54 * 1280 / CSS_DPI,
    2.54 * 720 / CSS_DPI,
    18,
    grows=False,
    dpi=144,
)
"""1280 × 720 layout pixels, written as a 1920 × 1080 PNG."""
PRESETS: dict[str, Preset] = {p.name: p for p in (REPORT, WIDE, SLIDE)}
DEFAULT_PRESET = REPORT.name


def get_preset(name: str | None) -> Preset:
    """The preset called `name`; the report preset for None or an unknown name."""
    return PRESETS.get(name or DEFAULT_PRESET, REPORT)
