"""Pieces every figure uses: the empty-data figure and Norwegian hover formats."""

from __future__ import annotations

import plotly.graph_objects as go

HOVER_KR = "%{y:,.0f} kr"
HOVER_PCT = "%{y:.1f} %"
"""With the template's separators `, ` these render as `1 250 000 kr` and `12,5 %`."""


def empty_figure(message: str = "Ingen data for valgt utvalg") -> go.Figure:
    """A blank figure that says why it is blank (never a misleading zero)."""
    figure = go.Figure()
    figure.add_annotation(text=message, showarrow=False, x=0.5, y=0.5, xref="paper",
                          yref="paper", font={"size": 16})
    figure.update_xaxes(visible=False)
    figure.update_yaxes(visible=False)
    return figure


def year_axis(figure: go.Figure) -> go.Figure:
    """Whole years on the x axis, no thousands separator."""
    return figure.update_xaxes(tickformat="d", dtick=1, title_text="")
