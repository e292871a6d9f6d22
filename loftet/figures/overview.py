"""Figures for Oversikt."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from loftet.figures.common import empty_figure, year_axis
from loftet.provisional import PROVISIONAL, is_provisional, year_label
from loftet.theme import PALETTE


def participation_trend(frame: pd.DataFrame, current_year: int | None = None) -> go.Figure:
    """Share of municipalities taking part, and with the whole team, per year. The year in
    progress (`current_year` and later) is drawn with a dashed line and a hollow point and
    labelled «foreløpig» on the axis and in the hover.

    Args:
        frame: columns `aar`, `andel_deltar`, `andel_helt_lag` (percent).
        current_year: the year in progress (`loftet.provisional`); None marks no year.
    """
    if frame.empty:
        return empty_figure()
    frame = frame.sort_values("aar")
    years = [int(y) for y in frame.aar]
    final = [y for y in years if current_year is None or not is_provisional(y, current_year)]
    figure = go.Figure()
    for column, name, colour in (
        ("andel_deltar", "Deltar", PALETTE[0]),
        ("andel_helt_lag", "Hele laget", PALETTE[2]),
    ):
        done = frame[frame.aar.isin(final)]
        figure.add_scatter(
            x=done.aar,
            y=done[column],
            name=name,
            legendgroup=name,
            mode="lines+markers",
            line={"color": colour, "width": 3},
            hovertemplate=f"{name}: %{{y:.1f}} %<extra>%{{x}}</extra>",
        )
        open_years = frame[~frame.aar.isin(final)]
        if len(open_years):
            bridge = pd.concat([done.tail(1), open_years])
            figure.add_scatter(
                x=bridge.aar,
                y=bridge[column],
                name=f"{name} ({PROVISIONAL})",
                legendgroup=name,
                showlegend=False,
                mode="lines+markers",
                line={"color": colour, "width": 3, "dash": "dot"},
                marker={"symbol": "circle-open", "size": 10, "color": colour},
                hovertemplate=f"{name}: %{{y:.1f}} %<extra>%{{x}} ({PROVISIONAL})</extra>",
            )
    figure.update_yaxes(range=[0, 100], ticksuffix=" %", title_text="Andel kommuner")
    year_axis(figure)
    if current_year is not None and len(final) < len(years):
        figure.update_xaxes(
            tickmode="array",
            tickvals=years,
            ticktext=[year_label(y, current_year).replace(" (", "<br>(") for y in years],
        )
    return figure
