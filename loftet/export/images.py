"""Print-ready chart images: PNG (300 dpi), SVG and PDF, drawn on the server.

The layout of a file (title, view, source, demo mark, size for its content and preset) is
`loftet.export.layout`, the browser that draws it `loftet.export.browser`, the PNG metadata
`loftet.export.png`; this module puts them together for one chart.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Mapping

import plotly.graph_objects as go

from loftet.charts import get_chart, render
from loftet.export import IMAGE_FORMATS
from loftet.export.browser import SESSION
from loftet.export.layout import chart_print_figure, chart_texts
from loftet.export.png import with_dpi, with_text
from loftet.export.presets import REPORT, Preset, get_preset
from loftet.filters import Filters

log = logging.getLogger(__name__)


def figure_bytes(
    figure: go.Figure, fmt: str, texts: Mapping[str, str] | None = None, preset: Preset = REPORT
) -> bytes:
    """A print figure (from `print_figure`) as PNG (300 dpi), SVG or PDF bytes.

    `texts` (e.g. from `chart_texts`) are written into a PNG's metadata.
    """
    if fmt not in IMAGE_FORMATS:
        raise ValueError(f"unknown image format {fmt!r}")
    if fmt == "png":
        png = with_dpi(SESSION.render(figure, "png", preset.png_scale), preset.dpi)
        return with_text(png, texts) if texts else png
    return SESSION.render(figure, fmt)


def export_figure(
    chart_id: str,
    filters: Filters,
    options: Mapping[str, str] | None,
    fmt: str,
    preset: str | None = None,
) -> bytes:
    """One chart as a print-ready PNG, SVG or PDF for `filters` and `options`, at the size
    `preset` names (`rapport` by default, `bred`, `lysbilde`)."""
    options = dict(options or {})
    chart = get_chart(chart_id)
    size = get_preset(preset)
    started = time.perf_counter()
    _frame, figure = render(chart_id, filters, options)
    content = figure_bytes(
        chart_print_figure(chart, figure, filters, options, size),
        fmt,
        chart_texts(chart, filters, options),
        size,
    )
    log.info("exported %s as %s in %.2f s", chart_id, fmt, time.perf_counter() - started)
    return content
