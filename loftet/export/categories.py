"""Category axes of a print figure: find them, show every label, and say how much room they need.

Plotly thins out tick labels that do not fit (every 4th municipality of a ranking); paper
does not zoom, so an exported figure must show them all. This module finds the categories
a figure draws on each axis (bars, box plots, heatmap rows and columns), forces one tick per
category, turns crowded column labels upright, and tells the layout how tall the plot must be
for one readable row per category.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import plotly.graph_objects as go

CHAR_WIDTH = 0.58
"""Average glyph width relative to the font size (sans-serif, mixed case)."""
ROW_SPACING = 1.5
"""Height of one category row relative to its font size."""
MIN_TICK_PX = 6
_TAG = re.compile(r"<[^>]+>")


def plain(label: object) -> str:
    """A tick label without Plotly's rich-text tags (`<b>Vestland</b>` → `Vestland`)."""
    return _TAG.sub("", str(label))


def text_width(text: str, size_px: float) -> float:
    """About how wide `text` is drawn at `size_px`."""
    return max((len(line) for line in plain(text).split("<br>")), default=0) * size_px * CHAR_WIDTH


def _layout_axis(trace: go.BaseTraceType, letter: str) -> str:
    """`xaxis`, `yaxis2`, … : the layout key of the trace's `letter` axis."""
    ref = getattr(trace, f"{letter}axis", None) or letter
    return f"{letter}axis{ref[1:]}"


def _is_category(values: Iterable[object], axis_type: str | None) -> bool:
    if axis_type == "category":
        return True
    if axis_type not in (None, "-"):
        return False
    for value in values:
        if isinstance(value, str):
            try:
                float(value.replace(",", "."))
            except ValueError:
                return True
    return False


def axis_categories(figure: go.Figure) -> dict[str, list[str]]:
    """Layout axis key → the categories drawn on it, in order of first appearance."""
    found: dict[str, list[str]] = {}
    for trace in figure.data:
        if trace.visible is False:
            continue
        for letter in ("x", "y"):
            if f"{letter}axis" not in trace:
                continue
            values = getattr(trace, letter, None)
            if values is None:
                continue
            key = _layout_axis(trace, letter)
            axis = getattr(figure.layout, key, None)
            values = list(values)
            if not _is_category(values, getattr(axis, "type", None)):
                continue
            seen = found.setdefault(key, [])
            seen.extend(str(v) for v in values if v is not None and str(v) not in seen)
    return found


def chart_categories(figure: go.Figure) -> list[str]:
    """Every category label a figure should show (for checks on exported files)."""
    return [plain(c) for values in axis_categories(figure).values() for c in values]


def domain_share(figure: go.Figure, key: str) -> float:
    """The share of the plot area's height (y) or width (x) the axis spans."""
    axis = figure.layout[key]
    domain = axis.domain if axis.domain is not None else (0, 1)
    return max(float(domain[1]) - float(domain[0]), 0.05)


def rows_height_px(figure: go.Figure, categories: dict[str, list[str]], font_px: float) -> float:
    """The plot height needed for one readable row per category on every y axis."""
    needed = 0.0
    for key, values in categories.items():
        if key.startswith("yaxis"):
            needed = max(needed, len(values) * font_px * ROW_SPACING / domain_share(figure, key))
    return needed


def _shrink_bar_labels(figure: go.Figure, key: str, size: float) -> None:
    """Value labels of the bars on y axis `key` no taller than the row labels."""
    for trace in figure.data:
        labelled = trace.text is not None or bool(getattr(trace, "texttemplate", None))
        if trace.type == "bar" and _layout_axis(trace, "y") == key and labelled:
            for font in (trace.textfont, trace.insidetextfont, trace.outsidetextfont):
                font.size = min(font.size or size, size)


def show_every_category(
    figure: go.Figure,
    categories: dict[str, list[str]],
    *,
    font_px: float,
    plot_width_px: float,
    plot_height_px: float,
) -> float:
    """Force a tick on every category; returns the height the x tick labels take.

    Row labels (y) get a font small enough for their rows when the height is fixed;
    column labels (x) stand upright when side by side they would not fit.
    """
    label_height = font_px * 1.4
    for key, values in categories.items():
        axis = figure.layout[key]
        updates: dict = {"automargin": True}
        if axis.tickvals is None:
            updates |= {"tickmode": "array", "tickvals": values, "ticktext": values}
        labels = list(axis.ticktext) if axis.ticktext is not None else values
        if key.startswith("yaxis"):
            share = domain_share(figure, key)
            size = min(font_px, plot_height_px * share / max(len(values), 1) / ROW_SPACING)
            size = max(MIN_TICK_PX, round(size, 1))
            updates["tickfont"] = {"size": size}
            _shrink_bar_labels(figure, key, size)
        else:
            widest = max((text_width(v, font_px) for v in labels), default=0)
            room = plot_width_px * domain_share(figure, key) / max(len(values), 1)
            if widest + 4 > room:
                updates |= {"tickangle": -90, "tickfont": {"size": font_px}}
                label_height = max(label_height, widest + 6)
            else:
                updates["tickangle"] = 0
        figure.update_layout({key: updates})
    return label_height


def room_for_bar_labels(figure: go.Figure, font_px: float, plot_width_px: float) -> None:
    """Widen the value axis of horizontal bars whose labels sit outside the bar end, so the
    longest bar's label stays inside its own subplot (not over the next one's labels)."""
    for trace in figure.data:
        if trace.type != "bar":
            continue
        labelled = trace.text is not None or bool(trace.texttemplate)
        if (
            trace.orientation != "h"
            or not labelled
            or trace.textposition not in ("outside", None)
            or trace.x is None
        ):
            continue
        key = _layout_axis(trace, "x")
        axis = figure.layout[key]
        values = [float(v) for v in trace.x if v is not None]
        if axis.range is not None or not values or min(values) < 0:
            continue
        labels = (
            [str(t) for t in trace.text]
            if trace.text is not None and not isinstance(trace.text, str)
            else [f"{v:,.0f}" for v in values]
        )
        widest = max((text_width(t, font_px) for t in labels), default=0) + 8
        width = plot_width_px * domain_share(figure, key)
        if width <= widest:
            continue
        figure.update_layout({key: {"range": [0, max(values) * width / (width - widest)]}})
