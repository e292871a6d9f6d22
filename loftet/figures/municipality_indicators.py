"""Kommuneprofil's quality indicators: one small dot plot per indicator, the municipality
against its value the year before, its county and the nation, on one comparable scale."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from loftet.figures.common import empty_figure
from loftet.figures.municipality import COUNTY, NATION_NAME, SUPPRESSED
from loftet.theme import HIGHLIGHT, NATIONAL


def _direction(high_is_need: bool) -> str:
    return "høy verdi = større behov" if high_is_need else "høy verdi = bedre"


def _value_text(value: float, unit: str) -> str:
    """Hover text for one value, or the reason it is not shown."""
    if pd.isna(value):
        return SUPPRESSED
    suffix = " %" if unit == "prosent" else f" {unit}"
    return f"{value:.1f}".replace(".", ",") + suffix


def indicator_comparison(frame: pd.DataFrame, *, kommune: str, fylke: str) -> go.Figure:
    """Quality indicators in their latest year: one small dot plot per indicator with the
    municipality, its value the year before, the county and the nation.

    Args:
        frame: one row per indicator; columns `navn`, `enhet`, `hoy_er_behov`, `aar`,
            `kommune` (NaN when suppressed or missing), `status` (`vist`, `skjermet`,
            `mangler`), `kommune_forrige`, `aar_forrige`, `fylke`, `landet`.
        kommune: the municipality's name.
        fylke: the county's name.

    Returns:
        One row per indicator on a scale from 0 (0–100 % for shares), the values written in
        the row's title; a suppressed value is written as "skjermet", never drawn as 0.
    """
    if frame.empty:
        return empty_figure("Ingen kvalitetsindikatorer for valgt år")
    rows = len(frame)
    titles = [
        f"<b>{r.navn}</b>, {r.aar} ({_direction(r.hoy_er_behov)})<br>"
        f"{kommune} {_value_text(r.kommune, r.enhet)} · {fylke} "
        f"{_value_text(r.fylke, r.enhet)} · {NATION_NAME.lower()} "
        f"{_value_text(r.landet, r.enhet)}"
        for r in frame.itertuples()
    ]
    figure = make_subplots(
        rows=rows, cols=1, subplot_titles=titles, vertical_spacing=min(0.9 / rows, 0.2)
    )
    markers = (
        ("landet", NATION_NAME, {"color": NATIONAL, "symbol": "diamond", "size": 13}),
        ("fylke", fylke, {"color": COUNTY, "symbol": "square", "size": 12}),
        (
            "kommune_forrige",
            f"{kommune} året før",
            {
                "color": "white",
                "symbol": "circle",
                "size": 11,
                "line": {"color": HIGHLIGHT, "width": 2},
            },
        ),
        (
            "kommune",
            kommune,
            {
                "color": HIGHLIGHT,
                "symbol": "circle",
                "size": 16,
                "line": {"color": "white", "width": 1},
            },
        ),
    )
    for i, row in enumerate(frame.itertuples(), start=1):
        unit = " %" if row.enhet == "prosent" else f" {row.enhet}"
        values = [getattr(row, column) for column, _, _ in markers]
        shown = [v for v in values if not pd.isna(v)]
        for column, name, marker in markers:
            value = getattr(row, column)
            year = row.aar_forrige if column == "kommune_forrige" else row.aar
            figure.add_scatter(
                x=[value],
                y=[0],
                mode="markers",
                name=name,
                marker=marker,
                legendgroup=column,
                showlegend=i == 1,
                hovertemplate=f"{name}: %{{x:.1f}}{unit}<extra>{year}</extra>",
                row=i,
                col=1,
            )
        if row.status != "vist":
            text = (
                f"{kommune}: {SUPPRESSED}" if row.status == "skjermet" else f"{kommune}: ingen tall"
            )
            figure.add_annotation(
                text=text,
                x=1,
                xref=f"x{i} domain" if i > 1 else "x domain",
                y=0,
                yref=f"y{i}" if i > 1 else "y",
                xanchor="right",
                showarrow=False,
                font={"color": HIGHLIGHT},
                hovertext=(
                    "Verdien er skjermet fordi den bygger på for få barn eller elever"
                    if row.status == "skjermet"
                    else "Kommunen har ikke rapportert tall"
                ),
            )
        # One honest scale from 0 (0–100 for shares): a gap of one point looks like one
        # point, not like the whole width of a zoomed axis.
        top = 100 if row.enhet == "prosent" else max(shown, default=1) * 1.15
        figure.update_xaxes(range=[0, top], ticksuffix=unit, row=i, col=1)
        figure.update_yaxes(visible=False, range=[-1, 1], row=i, col=1)
    for annotation in figure.layout.annotations:
        if annotation.text in titles:
            annotation.update(x=0, xanchor="left", align="left", font={"size": 14})
    # Legend at the bottom: at the top it would run under the modebar on narrow screens.
    figure.update_layout(
        margin={"t": 50, "l": 20, "r": 20, "b": 70},
        legend={"yref": "container", "y": 0.01, "yanchor": "bottom", "x": 0},
    )
    return figure
