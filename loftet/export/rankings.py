"""Long rankings on a slide: the highest and the lowest rows, said in the subtitle.

A report or wide export grows with its rows, but a 16:9 slide has a fixed height: 46
municipalities would need 7 px labels, unreadable on a projector. A ranking (horizontal bars
with one row per category) longer than `SLIDE_MAX_ROWS` is cut to its `SLIDE_MAX_ROWS // 2`
highest and lowest rows by value, and the subtitle says so ("8 høyeste og 8 laveste av 46");
rows are never thinned out silently.
"""

from __future__ import annotations

import re

import numpy as np
import plotly.graph_objects as go

from loftet.export.categories import axis_categories
from loftet.figures.common import array_values
from loftet.formatting import number
from loftet.theme import NEUTRAL

SLIDE_MAX_ROWS = 16
"""Rows a slide shows at most: at 1280 × 720 layout pixels their labels stay at least
`READABLE_SLIDE_PX` high (18 px on the 1920 × 1080 PNG)."""
_GROUP = re.compile(r"^\d+ (høyeste|laveste)$")
"""A group of a ranking named by its size ("15 høyeste")."""
READABLE_SLIDE_PX = 12.0
"""The smallest row label (layout pixels) a slide export may use."""


def _ranking_rows(figure: go.Figure) -> dict[str, float] | None:
    """Row → value for a one-axis ranking of horizontal bars, else None."""
    rows: dict[str, float] = {}
    for trace in figure.data:
        if trace.type != "bar" or trace.orientation != "h":
            drawn = [
                *array_values(getattr(trace, "x", None)),
                *array_values(getattr(trace, "y", None)),
            ]
            if any(value is not None for value in drawn):
                return None  # other data on the chart (legend-only entries do not count)
            continue
        for name, value in zip(array_values(trace.y), array_values(trace.x), strict=False):
            if value is not None:
                rows.setdefault(str(name), float(value))
    keys = [key for key in axis_categories(figure) if key.startswith("yaxis")]
    return rows if len(keys) == 1 and rows else None


def _subset(data: object, keep: list[int], length: int) -> object:
    """`data` with only the positions in `keep` when it is one value per row, else as it is."""
    if isinstance(data, dict):
        if "bdata" in data:
            values = array_values(data)
            return [values[i] for i in keep] if len(values) == length else data
        return {key: _subset(value, keep, length) for key, value in data.items()}
    if isinstance(data, list | tuple | np.ndarray) and len(data) == length:
        return [data[i] for i in keep]
    return data


def _trimmed_trace(trace: go.BaseTraceType, kept: set[str]) -> go.BaseTraceType:
    if trace.type != "bar":
        return trace  # legend entries and the like
    names = [str(name) for name in array_values(trace.y)]
    keep = [i for i, name in enumerate(names) if name in kept]
    spec = _subset(trace.to_plotly_json(), keep, len(names))
    return type(trace)(spec)


def top_and_bottom(figure: go.Figure, max_rows: int = SLIDE_MAX_ROWS) -> tuple[go.Figure, str]:
    """`figure` cut to its `max_rows // 2` highest and lowest rows, and the words for the
    subtitle; `figure` itself and "" when it is not a ranking or its rows fit."""
    rows = _ranking_rows(figure)
    if rows is None or len(rows) <= max_rows:
        return figure, ""
    half = max_rows // 2
    ordered = sorted(rows, key=lambda name: (-rows[name], name))
    kept = set(ordered[:half] + ordered[-half:])
    trimmed = go.Figure(
        data=[_trimmed_trace(trace, kept) for trace in figure.data], layout=figure.layout
    )
    for key in (k for k in axis_categories(figure) if k.startswith("yaxis")):
        axis = trimmed.layout[key]
        ticks = array_values(axis.tickvals)
        if ticks and len(array_values(axis.ticktext)) == len(ticks):
            labels = array_values(axis.ticktext)
            axis.ticktext = [labels[i] for i, tick in enumerate(ticks) if str(tick) in kept]
        for attribute in ("categoryarray", "tickvals"):
            if array_values(axis[attribute]):
                axis[attribute] = [v for v in array_values(axis[attribute]) if str(v) in kept]
    _mark_the_cut(trimmed, half)
    return trimmed, f"{half} høyeste og {half} laveste av {number(len(rows))}"


def _mark_the_cut(figure: go.Figure, half: int) -> None:
    """A dotted line between the highest and the lowest rows (the chart's own split line
    moved there, or a new one), and group names ("15 høyeste") that count the rows shown."""
    splits = [
        s for s in figure.layout.shapes if s.type == "line" and s.yref == "y" and s.y0 == s.y1
    ]
    for shape in splits:
        shape.y0 = shape.y1 = half - 0.5
    if not splits:
        figure.add_hline(y=half - 0.5, line_color=NEUTRAL, line_dash="dot", line_width=1)
    for trace in figure.data:
        if trace.type == "bar" and trace.name:
            trace.name = _GROUP.sub(f"{half} \\1", trace.name)
