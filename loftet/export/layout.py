"""The print layout of an exported chart: title and view on top, source and demo mark at the
bottom, the chart in between, sized to its content.

Title and footer are legend titles anchored to the page (`xref/yref="container"`): Plotly then
moves the plot area clear of them, whatever the tick labels or legends of the chart need, so
texts never overlap the plot. The height follows the content (`loftet.export.sizing`).
"""

from __future__ import annotations

import html
import textwrap
from collections.abc import Mapping

import plotly.graph_objects as go

from loftet.charts import Chart
from loftet.export import DEMO_MARK, is_demo, source_text, view_text
from loftet.export.legends import (
    fit_main_legend,
    free_legend_ids,
    legend_shown,
    page_legend,
    placeholder,
)
from loftet.export.presets import REPORT, Preset
from loftet.export.rankings import top_and_bottom
from loftet.export.sizing import clear_subplot_titles, print_height_px, size_to_content
from loftet.filters import Filters
from loftet.theme import HIGHLIGHT

PRINT_TEMPLATE = "loftet_print"
WIDTH_PX = REPORT.width_px
"""605 layout pixels = 16 cm."""
HEIGHT_PX = REPORT.height_px
"""340 layout pixels = 9 cm: the smallest report figure."""
PNG_SCALE = REPORT.png_scale


def _wrap(text: str, size_px: float, width_px: float, bold: bool = False) -> list[str]:
    """`text` in lines that fit `width_px` at font size `size_px` (escaped for Plotly)."""
    per_char = size_px * (0.62 if bold else 0.55)
    lines = textwrap.wrap(
        text,
        width=max(20, int(width_px / per_char)),
        break_long_words=False,
        break_on_hyphens=False,
    ) or [""]
    return [html.escape(line, quote=False) for line in lines]


def _text_room(preset: Preset) -> float:
    """Room for header and footer lines (less the empty legend entry beside them)."""
    return preset.width_px - 2 * preset.edge_px - 60


def header_text(title: str, subtitle: str, preset: Preset = REPORT) -> str:
    """The chart title (bold) and the filter line under it, as Plotly rich text."""
    room = _text_room(preset)
    lines = [f"<b>{line}</b>" for line in _wrap(title, preset.title_px, room, bold=True)]
    lines += [
        f"<span style='font-size:{preset.subtitle_px}px'>{line}</span>"
        for line in _wrap(subtitle, preset.subtitle_px, room)
    ]
    return "<br>".join(lines)


def footer_text(source: str, demo: bool, preset: Preset = REPORT) -> str:
    """The source line(s) with the data date, and the demo notice when `demo`."""
    lines = _wrap(source, preset.footer_px, _text_room(preset))
    if demo:
        lines.append(f"<span style='color:{HIGHLIGHT}'><b>{html.escape(DEMO_MARK)}</b></span>")
    return "<br>".join(lines)


def _text_height(text: str, size_px: float) -> float:
    """About how tall Plotly draws rich `text` (1.3 line spacing)."""
    return (text.count("<br>") + 1) * size_px * 1.3


def print_figure(
    figure: go.Figure,
    *,
    title: str,
    subtitle: str,
    source: str,
    demo: bool,
    preset: Preset = REPORT,
) -> go.Figure:
    """A copy of `figure` laid out as a report figure or slide.

    Args:
        figure: the chart as the app shows it (left unchanged).
        title: the chart's title, drawn bold at the top.
        subtitle: what made this view (filters and options), under the title.
        source: source and data date, at the bottom.
        demo: add the "DEMODATA – ikke offisielle tall" notice at the bottom.
        preset: the page size (report 16 cm by default; wide 24 cm; 16:9 slide).

    Returns:
        A new figure in the `loftet_print` template, sized in CSS pixels: the preset's width,
        and a height that fits every category (report and wide) or the slide's 16:9.
    """
    fig = go.Figure(figure)
    if not preset.grows:  # a fixed-height slide: a long ranking shows its ends, and says so
        fig, shown = top_and_bottom(fig)
        subtitle = " · ".join(part for part in (subtitle, shown) if part)
    fig.update_layout(
        template=PRINT_TEMPLATE,
        width=preset.width_px,
        height=print_height_px(fig, preset),
        autosize=False,
        title_text="",
        margin_t=preset.edge_px,
        margin_b=preset.edge_px,
        font_size=preset.font_px,
    )
    head = header_text(title, subtitle, preset)
    foot = footer_text(source, demo, preset)
    head_px = _text_height(head, preset.title_px)
    foot_px = _text_height(foot, preset.footer_px)
    size_to_content(fig, preset, head_px, foot_px)
    fit_main_legend(fig, preset, head_px, foot_px)
    clear_subplot_titles(fig, preset, head_px)
    header_id, footer_id = free_legend_ids(fig, 2)
    placeholders = [placeholder(fig, header_id), placeholder(fig, footer_id)]
    if None in placeholders:
        return _annotated(fig, head, foot, preset)
    if not legend_shown(fig):
        for trace in fig.data:
            if "showlegend" in trace:
                trace.showlegend = False
    fig.add_traces(placeholders)
    height = fig.layout.height
    fig.update_layout(
        {
            "showlegend": True,
            header_id: page_legend(head, preset.title_px, True, height, preset),
            footer_id: page_legend(foot, preset.footer_px, False, height, preset),
        }
    )
    return fig


def _annotated(fig: go.Figure, head: str, foot: str, preset: Preset) -> go.Figure:
    """Fallback for figures without cartesian, geo or map subplots: header and footer as
    annotations in fixed margins."""
    head_lines, foot_lines = head.count("<br>") + 1, foot.count("<br>") + 1
    top = preset.edge_px + int(head_lines * preset.title_px * 1.4) + 10
    bottom = preset.edge_px + int(foot_lines * preset.footer_px * 1.4) + 10
    fig.update_layout(margin={"t": top, "b": bottom, "l": preset.edge_px, "r": preset.edge_px})
    fig.add_annotation(
        text=head,
        xref="paper",
        yref="paper",
        x=0,
        y=1,
        xanchor="left",
        yanchor="top",
        yshift=top - preset.edge_px,
        showarrow=False,
        align="left",
        font={"size": preset.title_px},
    )
    fig.add_annotation(
        text=foot,
        xref="paper",
        yref="paper",
        x=0,
        y=0,
        xanchor="left",
        yanchor="top",
        yshift=-10,
        showarrow=False,
        align="left",
        font={"size": preset.footer_px},
    )
    return fig


def chart_texts(chart: Chart, filters: Filters, options: Mapping[str, str]) -> dict[str, str]:
    """What a figure file says about itself (PNG metadata): title, view, source, notice."""
    texts = {
        "Title": chart.title,
        "Description": view_text(chart, filters, options),
        "Source": source_text(chart),
        "Software": "Løftet-monitor",
    }
    if is_demo():
        texts["Disclaimer"] = DEMO_MARK
    return texts


def chart_print_figure(
    chart: Chart,
    figure: go.Figure,
    filters: Filters,
    options: Mapping[str, str],
    preset: Preset = REPORT,
) -> go.Figure:
    """`print_figure` with the chart's title, the view's description, source and demo flag."""
    return print_figure(
        figure,
        title=chart.title,
        subtitle=view_text(chart, filters, options),
        source=source_text(chart),
        demo=is_demo(),
        preset=preset,
    )
