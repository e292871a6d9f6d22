"""The height of an exported chart, sized to its content: one readable row per category, room
for the legend and the axis titles, a plot area never squashed below `MIN_PLOT_SHARE` of the
page; a slide keeps its 16:9 height and sizes its row labels to fit instead."""

from __future__ import annotations

import textwrap

import plotly.graph_objects as go

from loftet.export.categories import (
    axis_categories,
    room_for_bar_labels,
    rows_height_px,
    show_every_category,
    text_width,
)
from loftet.export.legends import (
    LEGEND_ROW_SPACING,
    chart_legend_rows,
    has_top_titles,
)
from loftet.export.presets import REPORT, Preset

EXTRA_ROW_PX = 90
"""Extra height per stacked subplot row beyond two."""
TABLE_ROW_PX = 19
TABLE_CHROME_PX = 170
"""Room per table row, and for title, subtitle and source around a table."""
MIN_PLOT_SHARE = 0.55
"""The plot area's smallest height, as a share of the preset's base height."""
LEGEND_GAP_PX = 6
MAP_HEIGHT_SHARE = 0.9
"""A map's plot area is at least this share of the page width tall (Norway is upright)."""
FIXED_PLOT_SHARE = 0.75
"""On a fixed-height slide, size row labels for this share of the estimated plot height
(the estimate of the room the texts around the plot take is rough)."""


def stacked_rows(figure: go.Figure) -> int:
    """How many plot areas are stacked vertically (subplot rows)."""
    domains = set()
    for axis in figure.select_yaxes():
        if axis.overlaying or axis.domain is None:
            continue
        domains.add(tuple(round(v, 3) for v in axis.domain))
    return max(len(domains), 1)


def table_rows(figure: go.Figure) -> int:
    """Rows of the table traces (header included): a table is never cut off in print."""
    return sum(
        1 + (len(trace.cells.values[0]) if trace.cells.values else 0)
        for trace in figure.data
        if trace.type == "table"
    )


def print_height_px(figure: go.Figure, preset: Preset = REPORT) -> int:
    """The base height, taller for a figure of more than two stacked subplot rows and for a
    table of more rows than the base height holds."""
    base = preset.height_px + max(0, stacked_rows(figure) - 2) * EXTRA_ROW_PX
    return max(base, table_rows(figure) * TABLE_ROW_PX + TABLE_CHROME_PX)


def _axis_title(axis: go.layout.XAxis | go.layout.YAxis) -> str:
    return str(axis.title.text) if axis.title and axis.title.text else ""


def _wrap_axis_titles(fig: go.Figure, font_px: float, width_px: float, height_px: float) -> float:
    """Break axis titles longer than their axis; returns the height of the x titles."""
    x_title_px = 0.0
    for axis in (*fig.select_xaxes(), *fig.select_yaxes()):
        title = _axis_title(axis)
        if not title or "<br>" in title:
            continue
        is_x = axis.plotly_name.startswith("xaxis")
        room = width_px if is_x else height_px
        lines = textwrap.wrap(
            title, width=max(12, int(room / (font_px * 0.58))), break_long_words=False
        ) or [title]
        axis.title.text = "<br>".join(lines)
        if is_x:
            x_title_px = max(x_title_px, len(lines) * font_px * 1.3 + 4)
    return x_title_px


def _y_label_width(fig: go.Figure, categories: dict[str, list[str]], font_px: float) -> float:
    """Room the y tick labels and y titles take left of the plot."""
    widest = max(
        (
            text_width(v, font_px)
            for key, values in categories.items()
            if key.startswith("yaxis")
            for v in values
        ),
        default=font_px * 4,
    )
    titled = any(_axis_title(a) for a in fig.select_yaxes())
    return widest + (font_px * 1.6 if titled else 0) + 16


def size_to_content(fig: go.Figure, preset: Preset, head_px: float, foot_px: float) -> None:
    """Set the figure's height for its categories, legend and axis titles, and show every
    category label."""
    font = preset.font_px
    categories = axis_categories(fig)
    base = print_height_px(fig, preset)
    plot_width = preset.width_px - _y_label_width(fig, categories, font) - 40
    legend_px = chart_legend_rows(fig, preset) * font * LEGEND_ROW_SPACING
    x_title_px = _wrap_axis_titles(fig, font, plot_width, base * MIN_PLOT_SHARE)
    tick_px = show_every_category(
        fig,
        categories,
        font_px=font,
        plot_width_px=plot_width,
        plot_height_px=base * MIN_PLOT_SHARE,
    )
    chrome = (
        2 * preset.edge_px
        + head_px
        + foot_px
        + legend_px
        + x_title_px
        + tick_px
        + 3 * LEGEND_GAP_PX
        + 10
    )
    plot_needed = max(base * MIN_PLOT_SHARE, rows_height_px(fig, categories, font))
    if any("geo" in trace for trace in fig.data):
        plot_needed = max(plot_needed, preset.width_px * MAP_HEIGHT_SHARE)
    height = max(base, round(chrome + plot_needed)) if preset.grows else preset.height_px
    fig.update_layout(height=height)
    plot_height = max(height - chrome, font * 4) * (1 if preset.grows else FIXED_PLOT_SHARE)
    show_every_category(
        fig, categories, font_px=font, plot_width_px=plot_width, plot_height_px=plot_height
    )
    _wrap_axis_titles(fig, font, plot_width, plot_height)
    room_for_bar_labels(fig, font, plot_width)


def clear_subplot_titles(fig: go.Figure, preset: Preset, head_px: float) -> None:
    """Subplot titles at the print font, with room for them under the page title (they are
    annotations, which do not push the plot area down by themselves)."""
    if not has_top_titles(fig):
        return
    size = preset.font_px + 1
    lines = 1
    for annotation in fig.layout.annotations:
        if annotation.yanchor == "bottom" and (annotation.y or 0) >= 0.95:
            annotation.font.size = size
            lines = max(lines, str(annotation.text).count("<br>") + 1)
    fig.update_layout(margin_t=round(preset.edge_px + head_px + lines * size * 1.4 + 8))
