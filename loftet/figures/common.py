"""Pieces every figure uses: the empty-data figure and Norwegian hover formats."""

from __future__ import annotations

import base64
from collections.abc import Iterable

import numpy as np
import plotly.graph_objects as go

from loftet.theme import TEXT

HOVER_KR = "%{y:,.0f} kr"
HOVER_PCT = "%{y:.1f} %"
"""With the template's separators `, ` these render as `1 250 000 kr` and `12,5 %`."""


def array_values(data: object) -> list:
    """A trace's data array as a list, also when it is typed (`{"dtype", "bdata"}`, as in a
    figure read back from JSON); [] for None or a single value."""
    if isinstance(data, dict) and "bdata" in data:
        return np.frombuffer(base64.b64decode(data["bdata"]), dtype=data["dtype"]).tolist()
    return list(data) if isinstance(data, Iterable) and not isinstance(data, str) else []


def empty_figure(message: str = "Ingen data for valgt utvalg") -> go.Figure:
    """A blank figure that says why it is blank (never a misleading zero)."""
    figure = go.Figure()
    figure.add_annotation(
        text=message, showarrow=False, x=0.5, y=0.5, xref="paper", yref="paper", font={"size": 16}
    )
    figure.update_xaxes(visible=False)
    figure.update_yaxes(visible=False)
    return figure


def year_axis(figure: go.Figure) -> go.Figure:
    """Whole years on the x axis, no thousands separator."""
    return figure.update_xaxes(tickformat="d", dtick=1, title_text="")


def labels_clear_of_lines(figure: go.Figure) -> go.Figure:
    """Keep reference lines out of value labels: labelled bars carry their label inside the
    bar end (outside only when the bar is too short for it), and line shapes are drawn behind
    the bars, so a national line never runs through a number ("9¦1,7 %")."""
    for trace in figure.data:
        if trace.type == "bar" and (trace.text is not None or trace.texttemplate):
            trace.update(
                textposition="auto",
                insidetextanchor="end",
                constraintext="none",
                insidetextfont={"color": "white"},
                outsidetextfont={"color": TEXT},
            )
    for shape in figure.layout.shapes:
        if shape.type == "line":
            shape.layer = "below"
    return figure


MAX_LABELLED_BARS = 20
"""Bars beyond this many on one trace are not labelled (the numbers would crowd)."""


def value_labels(fig: go.Figure) -> go.Figure:
    """Every bar carries its value, so a meeting can read it off the wall: in the value
    axis's unit (`12,5 %`), or as a number with the axis title saying the unit."""
    for trace in fig.data:
        if trace.type != "bar" or trace.text is not None or trace.texttemplate:
            continue
        horizontal = trace.orientation == "h"
        values = trace.x if horizontal else trace.y
        if values is None or len(values) > MAX_LABELLED_BARS:
            continue
        letter = "x" if horizontal else "y"
        axis = fig.layout[f"{letter}axis{(getattr(trace, f'{letter}axis') or letter)[1:]}"]
        suffix = axis.ticksuffix or ""
        decimals = ".1f" if suffix.strip() == "%" else ",.1~f"
        trace.texttemplate = f"%{{{letter}:{decimals}}}{suffix}"
    return fig
