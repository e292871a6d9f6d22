"""Figures for Kvalitet: distribution per county and ranking, and the pieces every Kvalitet figure
shares (national line, legend lines). Need against reach: `quality_reach`; spread per year:
`quality_spread`."""

from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go

from loftet.figures.common import empty_figure, labels_clear_of_lines
from loftet.formatting import pct
from loftet.theme import HIGHLIGHT, NATIONAL, NEUTRAL, PALETTE

HOVER_VALUE_X = "%{x:.1f} %"
HOVER_VALUE_Y = "%{y:.1f} %"


def rgba(hex_colour: str, alpha: float) -> str:
    """A theme colour with transparency (for fills)."""
    value = hex_colour.lstrip("#")
    red, green, blue = (int(value[i : i + 2], 16) for i in (0, 2, 4))
    return f"rgba({red}, {green}, {blue}, {alpha})"


def legend_line(figure: go.Figure, name: str, colour: str, dash: str) -> None:
    """A legend entry for a reference line drawn as a shape (shapes have no legend)."""
    figure.add_trace(
        go.Scatter(
            x=[None],
            y=[None],
            mode="lines",
            name=name,
            hoverinfo="skip",
            line={"color": colour, "dash": dash, "width": 2},
        )
    )


def national_line(figure: go.Figure, level: float | None) -> None:
    """The national level as a dashed black vertical line, named with its value in the legend
    (a label on the line would cover data)."""
    if level is None or (isinstance(level, float) and math.isnan(level)):
        return
    figure.add_vline(x=level, line_color=NATIONAL, line_dash="dash", line_width=2)
    legend_line(figure, f"Landsnivå {pct(level)}", NATIONAL, "dash")


BOX_KEY = "Boks: midterste halvdel av kommunene, strek: median"
POINT_KEY = "Prikk: én kommune"


def _box_key(figure: go.Figure) -> None:
    """Legend entries that say how to read a box plot (no data of their own)."""
    figure.add_trace(
        go.Box(
            x=[None],
            y=[None],
            name=BOX_KEY,
            orientation="h",
            marker={"color": NEUTRAL},
            line={"color": NEUTRAL, "width": 1.5},
            fillcolor=rgba(NEUTRAL, 0.12),
            showlegend=True,
            hoverinfo="skip",
        )
    )
    figure.add_trace(
        go.Scatter(
            x=[None],
            y=[None],
            mode="markers",
            name=POINT_KEY,
            marker={"color": NEUTRAL, "size": 6},
            hoverinfo="skip",
        )
    )


def county_distribution(
    frame: pd.DataFrame,
    *,
    national_level: float | None,
    county_names: dict[str, str],
    highlight_county: str | None = None,
    value_label: str = "Verdi",
) -> go.Figure:
    """Box plot with every municipality as a point, one row per county, national level marked.

    Args:
        frame: one row per municipality: `fylke`, `kommune`, `verdi` (percent; NaN = missing or
            suppressed, left out).
        national_level: sum(teller) / sum(nevner) · 100 for the whole country, or None.
        county_names: county number → name, in the chosen structure.
        highlight_county: county number drawn in the highlight colour.
        value_label: axis title (indicator name with unit).

    Returns:
        A figure with one horizontal `go.Box` per county, ordered by median (highest on top).
    """
    data = frame.dropna(subset=["verdi"])
    if data.empty:
        return empty_figure()
    order = data.groupby("fylke").verdi.median().sort_values(ascending=True).index
    figure = go.Figure()
    for county in order:
        rows = data[data.fylke == county]
        name = county_names.get(county, county)
        colour = HIGHLIGHT if county == highlight_county else PALETTE[0]
        figure.add_trace(
            go.Box(
                x=rows.verdi,
                y=[name] * len(rows),
                name=name,
                orientation="h",
                boxpoints="all",
                jitter=0.5,
                pointpos=0,
                hoveron="points",
                marker={"color": colour, "size": 5, "opacity": 0.65},
                line={"color": colour, "width": 1.5},
                fillcolor=rgba(colour, 0.12),
                customdata=rows[["kommune"]].to_numpy(),
                showlegend=False,
                hovertemplate=f"<b>%{{customdata[0]}}</b><br>{HOVER_VALUE_X}<extra>%{{y}}</extra>",
            )
        )
    _box_key(figure)
    national_line(figure, national_level)
    _share_axis(figure, value_label)
    figure.update_yaxes(
        title_text="",
        categoryorder="array",
        categoryarray=[county_names.get(c, c) for c in order],
        showgrid=False,
    )
    figure.update_layout(margin={"t": 30}, showlegend=True)
    return figure


def ranking_bars(
    frame: pd.DataFrame,
    *,
    national_level: float | None,
    band: tuple[float, float] | None = None,
    highlight_name: str | None = None,
    value_label: str = "Verdi",
) -> go.Figure:
    """Municipalities ordered by the indicator, highest on top, with the national level.

    Args:
        frame: rows in display order (highest first): `kommune`, `fylke_navn`, `verdi`, `rang`,
            `antall_rangert`, and `gruppe` ("Høyest" / "Lavest") when the whole country is shown.
            Rows without a value are left out.
        national_level: the national level (percent), drawn as a dashed line.
        band: national (P10, P90), shaded as the range of the middle 80 % of municipalities.
        highlight_name: when set (a county is chosen), every bar gets the highlight colour and
            this legend name; otherwise the highest and lowest groups get one colour each.
        value_label: axis title.

    Returns:
        A horizontal bar figure.
    """
    data = frame.dropna(subset=["verdi"])
    if data.empty:
        return empty_figure()
    figure = go.Figure()
    hover = (
        "<b>%{y}</b> (%{customdata[0]})<br>"
        + HOVER_VALUE_X
        + "<br>Nr. %{customdata[1]} av %{customdata[2]} i landet<extra></extra>"
    )
    if highlight_name:
        groups = [(highlight_name, data, HIGHLIGHT)]
    else:
        groups = [
            (f"{len(data[data.gruppe == g])} {label}", data[data.gruppe == g], colour)
            for g, label, colour in (
                ("Høyest", "høyeste", PALETTE[0]),
                ("Lavest", "laveste", PALETTE[4]),
            )
        ]
    for name, rows, colour in groups:
        if rows.empty:
            continue
        figure.add_trace(
            go.Bar(
                x=rows.verdi,
                y=rows.kommune,
                orientation="h",
                name=name,
                marker={"color": colour},
                texttemplate="%{x:.1f} %",
                textposition="outside",
                cliponaxis=False,
                customdata=rows[["fylke_navn", "rang", "antall_rangert"]].to_numpy(),
                hovertemplate=hover,
            )
        )
    if band and not any(math.isnan(b) for b in band):
        figure.add_vrect(
            x0=band[0], x1=band[1], fillcolor=NEUTRAL, opacity=0.15, line_width=0, layer="below"
        )
        figure.add_trace(
            go.Scatter(
                x=[None],
                y=[None],
                mode="markers",
                name="P10–P90 i landet",
                hoverinfo="skip",
                marker={"symbol": "square", "size": 14, "color": rgba(NEUTRAL, 0.35)},
            )
        )
    if not highlight_name and "gruppe" in data and data.gruppe.nunique() == 2:
        split = int((data.gruppe == "Høyest").sum()) - 0.5
        figure.add_hline(y=split, line_color=NEUTRAL, line_dash="dot", line_width=1)
    national_line(figure, national_level)
    _share_axis(figure, value_label)
    figure.update_yaxes(
        title_text="",
        categoryorder="array",
        autorange="reversed",
        categoryarray=list(data.kommune),
        showgrid=False,
    )
    labels_clear_of_lines(figure)
    # bars are sorted, so the lower right corner is free: the legend goes there
    figure.update_layout(
        bargap=0.25,
        margin={"t": 40, "r": 60},
        legend={
            "orientation": "v",
            "x": 0.99,
            "xanchor": "right",
            "y": 0.01,
            "yanchor": "bottom",
            "bgcolor": "rgba(255, 255, 255, 0.9)",
            "bordercolor": NEUTRAL,
            "borderwidth": 1,
        },
    )
    return figure


def _share_axis(figure: go.Figure, value_label: str) -> None:
    """The value axis of the distribution and the ranking: percent from 0, with a grid."""
    figure.update_xaxes(
        title_text=value_label,
        ticksuffix=" %",
        rangemode="tozero",
        showgrid=True,
        gridcolor="#e5e5e5",
    )
