"""Figures of the key figures (KPIs): the sparkline on a card and the table for print.

Both are pure: they take numbers and texts already chosen and formatted by the KPI catalogue
(`loftet.charts.kpis`) and never touch the database or Dash.
"""

from __future__ import annotations

from collections.abc import Sequence
from urllib.parse import quote

import pandas as pd
import plotly.graph_objects as go

from loftet.figures.common import empty_figure
from loftet.theme import NEUTRAL, PALETTE, TEXT

SPARK_WIDTH, SPARK_HEIGHT, SPARK_PAD = 160, 36, 4


def _points(years: Sequence[int], values: Sequence[float | None]) -> list[tuple[int, float, float]]:
    """(year, x, y) in the sparkline's pixels for the years with a value."""
    known = [(y, v) for y, v in zip(years, values, strict=True) if v is not None and not pd.isna(v)]
    if not known:
        return []
    low, high = min(v for _, v in known), max(v for _, v in known)
    first, last = min(years), max(years)
    span_x = (last - first) or 1
    span_y = (high - low) or 1.0
    inner_w, inner_h = SPARK_WIDTH - 2 * SPARK_PAD, SPARK_HEIGHT - 2 * SPARK_PAD
    return [
        (
            year,
            SPARK_PAD + inner_w * (year - first) / span_x,
            SPARK_PAD + inner_h * (1 - (value - low) / span_y if high > low else 0.5),
        )
        for year, value in known
    ]


def sparkline_svg(
    years: Sequence[int], values: Sequence[float | None], provisional_from: int
) -> str:
    """A small line of `values` over `years` as SVG markup, without axes: solid for finished
    years, dashed into a provisional year (`provisional_from` and later), whose point is drawn
    hollow. Missing values are skipped. Empty string when there is nothing to draw."""
    points = _points(years, values)
    if not points:
        return ""
    colour = PALETTE[0]
    parts = []
    for (_y0, x0, v0), (y1, x1, v1) in zip(points, points[1:], strict=False):
        dash = ' stroke-dasharray="3 2"' if y1 >= provisional_from else ""
        parts.append(
            f'<line x1="{x0:.1f}" y1="{v0:.1f}" x2="{x1:.1f}" y2="{v1:.1f}" '
            f'stroke="{colour}" stroke-width="2"{dash}/>'
        )
    year, x, y = points[-1]
    fill = "#ffffff" if year >= provisional_from else colour
    parts.append(
        f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="{fill}" stroke="{colour}" '
        'stroke-width="1.5"/>'
    )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{SPARK_WIDTH}" '
        f'height="{SPARK_HEIGHT}" viewBox="0 0 {SPARK_WIDTH} {SPARK_HEIGHT}">'
        + "".join(parts)
        + "</svg>"
    )


def svg_data_uri(svg: str) -> str:
    """SVG markup as a `data:` address for an `<img>` (no network, allowed by the CSP)."""
    return "data:image/svg+xml;charset=utf-8," + quote(svg)


def key_figure_table(display: pd.DataFrame) -> go.Figure:
    """The key figures as a table for print and slides: one row per KPI, the columns of
    `display` (already formatted text, Norwegian headers) in their order."""
    if display.empty:
        return empty_figure()
    columns = list(display.columns)
    widths = [3.2 if i == 0 else 1.3 for i in range(len(columns))]
    figure = go.Figure(
        go.Table(
            columnwidth=widths,
            header={
                "values": [f"<b>{c}</b>" for c in columns],
                "fill_color": "#E8EEF4",
                "align": ["left"] + ["right"] * (len(columns) - 1),
                "font": {"color": TEXT, "size": 10},
                "height": 20,
                "line_color": NEUTRAL,
            },
            cells={
                "values": [display[c].tolist() for c in columns],
                "align": ["left"] + ["right"] * (len(columns) - 1),
                "font": {"color": TEXT, "size": 10},
                "height": 18,
                "fill_color": "#ffffff",
                "line_color": "#dddddd",
            },
        )
    )
    return figure.update_layout(margin={"l": 4, "r": 4, "t": 4, "b": 4})
