"""Legends of a print figure: the chart's own legend kept whole and clear of the page texts,
and the page texts themselves (title block and footer) drawn as pinned legend titles."""

from __future__ import annotations

import plotly.graph_objects as go

from loftet.export.presets import Preset
from loftet.theme import TEXT

LEGEND_ROW_SPACING = 1.75
"""Height of one legend row relative to the font size."""
_NOT_IN_LEGEND_BY_DEFAULT = frozenset(
    {
        "heatmap",
        "contour",
        "histogram2d",
        "histogram2dcontour",
        "choropleth",
        "choroplethmap",
        "choroplethmapbox",
        "densitymap",
        "densitymapbox",
        "image",
        "table",
        "sankey",
        "parcoords",
        "parcats",
        "indicator",
        "surface",
        "mesh3d",
        "volume",
        "isosurface",
        "cone",
        "streamtube",
        "carpet",
        "contourcarpet",
        "treemap",
        "icicle",
        "sunburst",
    }
)
"""Trace types whose `showlegend` is false unless set (plotly.js defaults)."""


def in_legend(trace: go.BaseTraceType) -> bool:
    """Whether `trace` would get a legend entry."""
    if trace.visible is False:
        return False
    shown = trace.showlegend if "showlegend" in trace else False
    return bool(shown) if shown is not None else trace.type not in _NOT_IN_LEGEND_BY_DEFAULT


def legend_shown(figure: go.Figure) -> bool:
    """Whether Plotly would draw the figure's legend (its own default rule)."""
    entries = [in_legend(trace) for trace in figure.data]
    if figure.layout.showlegend is not None:
        return bool(figure.layout.showlegend) and any(entries)
    return sum(entries) >= 2 or any(t.type in ("pie", "funnelarea") for t in figure.data)


def free_legend_ids(figure: go.Figure, count: int) -> list[str]:
    """`count` legend ids (`legend3`, …) that neither traces nor layout use."""
    used = {str(getattr(t, "legend", None) or "legend") for t in figure.data}
    used |= {key for key in figure.layout.to_plotly_json() if key.startswith("legend")}
    numbers = [int(key[6:] or 1) for key in used if key[6:].isdigit() or key == "legend"]
    start = max(numbers, default=1) + 1
    return [f"legend{n}" for n in range(start, start + count)]


def placeholder(figure: go.Figure, legend: str) -> go.BaseTraceType | None:
    """An invisible trace whose (empty) entry makes `legend` draw, on the figure's own subplot
    so it adds no axes; None for figures without a subplot we know."""
    common = {
        "name": "",
        "legend": legend,
        "showlegend": True,
        "hoverinfo": "skip",
        "mode": "lines",
        "line": {"width": 0, "color": "rgba(0,0,0,0)"},
    }
    for trace in figure.data:
        if "xaxis" in trace and "yaxis" in trace:
            return go.Scatter(
                x=[None], y=[None], xaxis=trace.xaxis or "x", yaxis=trace.yaxis or "y", **common
            )
        if "geo" in trace:
            return go.Scattergeo(lon=[None], lat=[None], geo=trace.geo or "geo", **common)
        if trace.type in ("choroplethmap", "scattermap", "densitymap"):
            return go.Scattermap(lon=[None], lat=[None], subplot=trace.subplot or "map", **common)
    if not figure.data:
        return go.Scatter(x=[None], y=[None], **common)
    return None


def page_legend(text: str, size: int, top: bool, height_px: int, preset: Preset) -> dict:
    """A legend holding only a title, pinned to the top or bottom left of the page."""
    edge = preset.edge_px
    return {
        "title": {"text": text, "side": "left", "font": {"size": size, "color": TEXT}},
        "orientation": "h",
        "xref": "container",
        "x": edge / preset.width_px,
        "xanchor": "left",
        "yref": "container",
        "y": 1 - edge / height_px if top else edge / height_px,
        "yanchor": "top" if top else "bottom",
        "bgcolor": "rgba(0,0,0,0)",
        "borderwidth": 0,
        "font": {"size": preset.footer_px},
        "itemclick": False,
        "itemdoubleclick": False,
    }


def legend_entries(figure: go.Figure) -> list[str]:
    """The names the main legend draws (one per legend group)."""
    groups: set[str] = set()
    names = []
    for trace in figure.data:
        if not in_legend(trace) or (getattr(trace, "legend", None) or "legend") != "legend":
            continue
        group = getattr(trace, "legendgroup", None)
        if group:
            if group in groups:
                continue
            groups.add(group)
        names.append(str(trace.name or ""))
    return names


def legend_rows(figure: go.Figure, preset: Preset) -> int:
    """Rows a horizontal legend needs across the page at the preset's font."""
    names = legend_entries(figure)
    widest = max((len(name) for name in names), default=10)
    room = preset.width_px - 2 * preset.edge_px
    per_row = max(1, int(room // (40 + widest * preset.font_px * 0.6)))
    return -(-len(names) // per_row)


def chart_legend_rows(figure: go.Figure, preset: Preset) -> int:
    """Rows of the chart's legend in print, above or below the plot (0 when there is none)."""
    if not legend_shown(figure):
        return 0
    return legend_rows(figure, preset)


def fit_main_legend(fig: go.Figure, preset: Preset, head_px: float, foot_px: float) -> None:
    """Keep the chart's own legend clear of header and footer, and whole: paper does not
    scroll, so the legend goes across the page in rows, above the plot, or below it when
    subplot titles sit above the plot."""
    if not legend_shown(fig):
        return
    legend = fig.layout.legend
    height = fig.layout.height
    edge = preset.edge_px
    common = {"orientation": "h", "font": {"size": preset.font_px}, "title": {"side": "left"}}
    low = legend.yref == "container" and (legend.y if legend.y is not None else 1) < 0.5
    if low or has_top_titles(fig):
        fig.update_layout(
            legend=common
            | {
                "xref": "container",
                "x": edge / preset.width_px,
                "xanchor": "left",
                "yref": "container",
                "y": (edge + foot_px + 6) / height,
                "yanchor": "bottom",
            }
        )
    elif legend.yref == "container":
        fig.update_layout(
            legend=common | {"y": 1 - (edge + head_px + 6) / height, "yanchor": "top"}
        )
    else:
        fig.update_layout(
            legend=common
            | {
                "x": 0,
                "xanchor": "left",
                "y": 1.02,
                "yanchor": "bottom",
                "xref": "paper",
                "yref": "paper",
            }
        )


def has_top_titles(fig: go.Figure) -> bool:
    """Whether texts sit on top of the plot area (subplot titles), where a legend above
    the plot would run into them."""
    return any(
        a.yanchor == "bottom" and a.y is not None and a.y >= 0.95 for a in fig.layout.annotations
    )
