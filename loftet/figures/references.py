"""The national reference on a chart whose message compares with the nation: a dashed line at
the nation's level, the nation's own line over the years, a tick per bar, or a note.

Every reference is labelled in the legend (a legend entry never sits on data) and none crosses
a value label: lines are drawn behind the bars (`labels_clear_of_lines`), and where ticks are
added to labelled bars the values move to the right of both bar and tick.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

import plotly.graph_objects as go

from loftet.figures.common import array_values, labels_clear_of_lines
from loftet.theme import NATIONAL, TEXT

NATIONAL_NAME = "nasjonal-referanse"
"""`name` of the shapes, traces and annotations a reference adds (so tests and outlets find
them)."""
TICK_HALF_ROW = 0.35
"""A tick reaches this far up and down from its bar's centre (rows are 1 apart)."""
LABEL_WIDTH = 0.06
"""A value label's width as a share of the value axis on a slide (`12,5` at 24 px on a chart
about 1 300 px wide, with a margin)."""
VALUE_GAP = " "
"""Space between a bar (or its tick) and its value."""


@dataclass(frozen=True)
class NationalReference:
    """What to draw for the nation, and its label (`Hele landet: 93 %`).

    kind:
        `level`: a dashed line at `value` across the value axis (`axis` "x" or "y");
        `trend`: the nation's own series, `points` as (x, y), a dashed line;
        `ticks`: one tick per category of horizontal bars, `per_category` category → value;
        `note`: a labelled marker in the legend only (no axis to draw on, e.g. a map).
    """

    label: str
    kind: Literal["level", "trend", "ticks", "note"] = "level"
    value: float | None = None
    axis: Literal["x", "y"] = "y"
    points: tuple[tuple[float, float], ...] = ()
    per_category: Mapping[str, float] = field(default_factory=dict)


def _legend_entry(figure: go.Figure, label: str, *, mode: str, symbol: str = "line-ns") -> None:
    """A legend entry (no data) for a reference drawn as a shape or as a note; on a map it
    is an empty geo trace, so no x/y axes appear."""
    style = {
        "mode": mode,
        "name": label,
        "meta": NATIONAL_NAME,
        "hoverinfo": "skip",
        "line": {"color": NATIONAL, "dash": "dash", "width": 3},
        "marker": {"color": NATIONAL, "symbol": symbol, "size": 14, "line": {"width": 3}},
        "showlegend": True,
    }
    if any(trace.type == "choropleth" for trace in figure.data):
        figure.add_trace(go.Scattergeo(lon=[None], lat=[None], **style))
    else:
        figure.add_trace(go.Scatter(x=[None], y=[None], **style))


def _level(figure: go.Figure, reference: NationalReference) -> None:
    if reference.value is None:
        return
    line = {"line_color": NATIONAL, "line_dash": "dash", "line_width": 3, "name": NATIONAL_NAME}
    if reference.axis == "y":
        figure.add_hline(y=reference.value, **line)
    else:
        figure.add_vline(x=reference.value, **line)
    _legend_entry(figure, reference.label, mode="lines")


def _trend(figure: go.Figure, reference: NationalReference) -> None:
    figure.add_scatter(
        x=[x for x, _ in reference.points],
        y=[y for _, y in reference.points],
        mode="lines",
        name=reference.label,
        meta=NATIONAL_NAME,
        line={"color": NATIONAL, "dash": "dash", "width": 3},
        hovertemplate="Hele landet: %{y:.1f} %<extra>%{x}</extra>",
    )


def _numbers(data: object) -> list[float]:
    return [float(value) for value in array_values(data)]


def _label_positions(values: list[float], ticks: list[float | None], span: float) -> list[float]:
    """Where each bar's value is written: at the bar's end, or right of the tick when the tick
    would stand inside the text (estimated for a projector slide: `LABEL_WIDTH` of the axis)."""
    width = LABEL_WIDTH * span
    return [
        tick if tick is not None and value <= tick <= value + width else value
        for value, tick in zip(values, ticks, strict=True)
    ]


def _ticks(figure: go.Figure, reference: NationalReference) -> None:
    """A tick per bar at the nation's value; each bar's value is written outside the bar end
    (text inside a bar could be crossed by its tick), moved right of the tick when the tick
    would stand in the text."""
    ticks = reference.per_category
    span = max(
        [*ticks.values(), *(v for t in figure.data if t.type == "bar" for v in _numbers(t.x))]
    )
    for trace in [t for t in figure.data if t.type == "bar" and t.orientation == "h"]:
        template = trace.texttemplate if isinstance(trace.texttemplate, str) else None
        if template is None:
            continue
        values, names = _numbers(trace.x), [str(name) for name in array_values(trace.y)]
        trace.update(texttemplate=None, text=None)
        figure.add_scatter(
            x=_label_positions(values, [ticks.get(n) for n in names], span),
            y=names,
            mode="text",
            texttemplate=VALUE_GAP + template.replace("%{x", "%{customdata"),
            customdata=values,
            textposition="middle right",
            textfont={"color": TEXT},
            showlegend=False,
            hoverinfo="skip",
            cliponaxis=False,
        )
    order = [str(name) for name in array_values(figure.layout.yaxis.categoryarray)]
    for index, name in enumerate(order):
        if name in ticks:  # a line across the bar's own row only (0.7 of the row)
            figure.add_shape(
                type="line",
                x0=ticks[name],
                x1=ticks[name],
                y0=index - TICK_HALF_ROW,
                y1=index + TICK_HALF_ROW,
                yref="y",
                line={"color": NATIONAL, "width": 4},
                layer="above",
                name=NATIONAL_NAME,
            )
    _legend_entry(figure, reference.label, mode="markers")


def add_national_reference(figure: go.Figure, reference: NationalReference | None) -> go.Figure:
    """`figure` with the nation drawn on it (see `NationalReference`); unchanged for None."""
    if reference is None:
        return figure
    if reference.kind == "level":
        _level(figure, reference)
        labels_clear_of_lines(figure)  # the line behind the bars and their values
    elif reference.kind == "trend":
        _trend(figure, reference)
    elif reference.kind == "ticks":
        _ticks(figure, reference)
    else:
        _legend_entry(figure, reference.label, mode="markers", symbol="diamond")
    return figure.update_layout(showlegend=True)
