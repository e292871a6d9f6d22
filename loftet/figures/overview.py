"""Figures for Oversikt."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from loftet.figures.common import empty_figure, year_axis
from loftet.theme import PALETTE


def participation_trend(frame: pd.DataFrame) -> go.Figure:
    """Share of municipalities taking part, and with the whole team, per year.

    Args:
        frame: columns `aar`, `andel_deltar`, `andel_helt_lag` (percent).
    """
    if frame.empty:
        return empty_figure()
    figure = go.Figure()
    for column, name, colour in (
        ("andel_deltar", "Deltar", PALETTE[0]),
        ("andel_helt_lag", "Hele laget", PALETTE[2]),
    ):
        figure.add_scatter(
            x=frame.aar,
            y=frame[column],
            name=name,
            mode="lines+markers",
            line={"color": colour, "width": 3},
            hovertemplate=f"{name}: %{{y:.1f}} %<extra>%{{x}}</extra>",
        )
    figure.update_yaxes(range=[0, 100], ticksuffix=" %", title_text="Andel kommuner")
    return year_axis(figure)
