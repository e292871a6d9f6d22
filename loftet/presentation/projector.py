"""The projector figure: a slide's chart rendered through the catalogue and restyled for a
projector (on a copy; the page's figure is untouched), with text scaled to the screen.
"""

from __future__ import annotations

import copy
import math
from collections.abc import Mapping

import plotly.graph_objects as go
import plotly.io as pio

from loftet.charts import render
from loftet.figures.common import labels_clear_of_lines, value_labels
from loftet.figures.references import add_national_reference
from loftet.filters import Filters
from loftet.presentation.slide import Slide
from loftet.theme import TEMPLATE_NAME

PROJECTOR_TEMPLATE = f"{TEMPLATE_NAME}_projector"
"""Registered by `loftet.theme`: the 24 px template for projectors."""

DESIGN_SIZE = (1920, 1080)
"""The screen the slides are designed for; charts scale with the screen from there."""
SCALE_RANGE = (0.6, 2.0)
MIN_LINE_WIDTH = 5
MIN_MARKER_SIZE = 14
MIN_BUBBLE_SIZE = 10
BUBBLE_SCALE = 1.5
"""Bubbles sized by area (need vs reach) are drawn this many times wider than on screen."""


def viewport_scale(viewport: Mapping[str, object] | None) -> float:
    """How much larger or smaller than the 1920 × 1080 design size the screen is (1.0 when
    unknown), so a laptop at 1366 × 768 gets proportionally smaller chart text, like the CSS."""
    if not isinstance(viewport, Mapping):
        return 1.0
    try:
        width = float(viewport["width"])  # type: ignore[arg-type]
        height = float(viewport["height"])  # type: ignore[arg-type]
    except (TypeError, KeyError, ValueError):
        return 1.0
    if not (width > 0 and height > 0) or math.isinf(width) or math.isinf(height):
        return 1.0
    scale = min(width / DESIGN_SIZE[0], height / DESIGN_SIZE[1])
    return round(min(max(scale, SCALE_RANGE[0]), SCALE_RANGE[1]), 2)


def _bigger(value: float | None, minimum: float) -> float:
    return (
        minimum
        if value is None or (isinstance(value, float) and math.isnan(value))
        else max(float(value), minimum)
    )


def projector_figure(figure: go.Figure, scale: float = 1.0) -> go.Figure:
    """A copy of `figure` for the projector: the projector template (24 px text at 1920 × 1080,
    times `scale` on other screens), no text smaller than the base, thicker lines and bigger
    markers; no chart title (the slide's message is the title)."""
    fig = go.Figure(copy.deepcopy(figure))
    base = pio.templates[PROJECTOR_TEMPLATE].layout.font.size * scale
    fig.update_layout(template=PROJECTOR_TEMPLATE, title_text=None)
    if scale != 1.0:
        fig.update_layout(font_size=round(base), hoverlabel_font_size=round(base))
    for annotation in fig.layout.annotations or ():
        annotation.font.size = round(_bigger(annotation.font.size, base))
    for trace in fig.data:
        marker = getattr(trace, "marker", None)
        if trace.type == "scatter" and "lines" in (trace.mode or "lines"):
            trace.line.width = _bigger(trace.line.width, MIN_LINE_WIDTH * scale)
        if trace.type == "scatter" and marker is not None:
            if marker.sizemode == "area" and marker.sizeref:
                marker.sizeref = marker.sizeref / (BUBBLE_SCALE * scale) ** 2
                marker.sizemin = _bigger(marker.sizemin, MIN_BUBBLE_SIZE * scale)
            elif not isinstance(marker.size, tuple | list):
                marker.size = _bigger(marker.size, MIN_MARKER_SIZE * scale)
        if trace.type == "choropleth" and trace.showscale is not False:
            trace.colorbar.thickness = _bigger(trace.colorbar.thickness, 28 * scale)
            trace.colorbar.len = _bigger(trace.colorbar.len, 0.55)
    for shape in fig.layout.shapes or ():
        if shape.line.width:
            shape.line.width = _bigger(shape.line.width, 3 * scale)
    value_labels(fig)
    return labels_clear_of_lines(fig)


def slide_figure(slide: Slide, filters: Filters, scale: float = 1.0) -> go.Figure | None:
    """The slide's chart, rendered through the catalogue, styled for the projector, with the
    national reference the message compares with."""
    if not slide.chart_id:
        return None
    _, figure = render(slide.chart_id, filters, dict(slide.options))
    return add_national_reference(projector_figure(figure, scale), slide.reference)
