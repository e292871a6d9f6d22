"""The app's one Plotly template and palette (Okabe–Ito, colour-blind safe), registered once.

Charts never set colours or fonts themselves; they use `PALETTE`, `SEQUENTIAL` and the
template. `projector` sizes are for presentation mode, `print` sizes for exported files.
"""

from __future__ import annotations

import plotly.graph_objects as go
import plotly.io as pio

TEMPLATE_NAME = "loftet"
FONT_FAMILY = "'Source Sans 3', 'Segoe UI', Roboto, 'DejaVu Sans', Arial, sans-serif"
"""Source Sans 3 is bundled (`assets/fonts/`, also used by the export: `loftet.export.fonts`)."""
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
"""Okabe–Ito: distinguishable for the common colour-vision deficiencies."""
SEQUENTIAL = [
    [0.0, "#f0f4f8"],
    [0.25, "#bcd3e8"],
    [0.5, "#6aa3cf"],
    [0.75, "#1f6fae"],
    [1.0, "#08306b"],
]
DIVERGING = [[0.0, "#D55E00"], [0.5, "#f7f7f7"], [1.0, "#0072B2"]]
NEUTRAL = "#8c8c8c"
HIGHLIGHT = "#D55E00"
TEXT = "#1a1a1a"
NATIONAL = "#000000"
"""Colour of the national reference line or marker."""
SEPARATORS = ", "
"""Plotly: decimal comma, space for thousands."""


NUMBER_TICKS = {"exponentformat": "none", "separatethousands": True}
"""Axis numbers in full with a thousands separator (`20 000`), never SI prefixes (`20k`)."""


def _template(base_size: int) -> go.layout.Template:
    return go.layout.Template(
        layout=go.Layout(
            font={"family": FONT_FAMILY, "size": base_size, "color": TEXT},
            separators=SEPARATORS,
            colorway=PALETTE,
            colorscale={"sequential": SEQUENTIAL, "diverging": DIVERGING},
            paper_bgcolor="white",
            plot_bgcolor="white",
            hoverlabel={"font": {"family": FONT_FAMILY, "size": base_size}},
            legend={
                "orientation": "h",
                "yanchor": "bottom",
                "y": 1.02,
                "xanchor": "left",
                "x": 0,
                "title": {"text": ""},
            },
            margin={"l": 60, "r": 20, "t": 40, "b": 50},
            xaxis={
                "showgrid": False,
                "linecolor": "#444",
                "ticks": "outside",
                "automargin": True,
                **NUMBER_TICKS,
            },
            yaxis={
                "gridcolor": "#e5e5e5",
                "zerolinecolor": "#999",
                "automargin": True,
                **NUMBER_TICKS,
            },
            title={"x": 0, "xanchor": "left", "font": {"size": base_size + 4}},
        )
    )


def register_templates() -> None:
    """Register `loftet` (screen), `loftet_projector` and `loftet_print`; make `loftet` default."""
    pio.templates[TEMPLATE_NAME] = _template(14)
    pio.templates[f"{TEMPLATE_NAME}_projector"] = _template(24)
    pio.templates[f"{TEMPLATE_NAME}_print"] = _template(11)
    pio.templates.default = TEMPLATE_NAME


register_templates()
