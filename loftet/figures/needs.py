"""Figures for needs reports: reported vs prioritised vs granted, and the year's timeline."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import plotly.graph_objects as go

from loftet.figures.common import empty_figure
from loftet.theme import NATIONAL, PALETTE

STAGES = (
    ("meldt_kr", "Meldt behov (søkt)"),
    ("prioritert_kr", "Prioritert av samarbeidsforum"),
    ("innvilget_kr", "Innvilget"),
)


def reported_prioritised_granted(
    frame: pd.DataFrame, *, label_column: str, axis_title: str
) -> go.Figure:
    """Three bars per group: amount reported, prioritised and granted (million NOK).

    Args:
        frame: one row per group with `label_column`, `meldt_kr`, `prioritert_kr`,
            `innvilget_kr` and `andel_innvilget` (% of reported), largest reported first.
        label_column: the column naming each group (shown on the y axis).
        axis_title: the title of the group axis.

    Returns:
        Horizontal grouped bars, the largest reported need on top.
    """
    if frame.empty:
        return empty_figure("Ingen behovsmeldinger for valgt utvalg")
    rows = frame.iloc[::-1]
    figure = go.Figure()
    for index, (column, name) in reversed(list(enumerate(STAGES))):
        figure.add_trace(
            go.Bar(
                x=rows[column] / 1e6,
                y=rows[label_column],
                orientation="h",
                name=name,
                marker={"color": PALETTE[index]},
                customdata=rows[[column, "andel_innvilget"]],
                hovertemplate=f"<b>%{{y}}</b><br>{name}: %{{customdata[0]:,.0f}} kr<br>"
                "Innvilget av meldt: %{customdata[1]:.1f} %<extra></extra>",
            )
        )
    figure.update_layout(
        barmode="group",
        margin={"t": 60},
        legend={"orientation": "h", "y": 1.08, "x": 0, "traceorder": "reversed"},
    )
    figure.update_xaxes(title_text="Mill. kr", tickformat=",~f")
    figure.update_yaxes(title_text=axis_title, showgrid=False)
    return figure


def needs_timeline(frame: pd.DataFrame, *, deadlines: tuple[dt.date, dt.date]) -> go.Figure:
    """Cumulative share of reports received and decided through the year, with the February
    deadline for needs and the 30 April deadline for decisions as vertical lines.

    Args:
        frame: one row per day with `dato`, `andel_mottatt`, `andel_vedtatt` (0–100),
            `mottatt`, `vedtatt` (counts).
        deadlines: (needs deadline, decision deadline).

    Returns:
        Two step lines on a date axis.
    """
    if frame.empty:
        return empty_figure("Ingen behovsmeldinger for valgt år")
    figure = go.Figure()
    for index, (column, name) in enumerate(
        (("mottatt", "Behov meldt"), ("vedtatt", "Vedtak fattet"))
    ):
        figure.add_trace(
            go.Scatter(
                x=frame.dato,
                y=frame[f"andel_{column}"],
                name=name,
                mode="lines",
                line={"shape": "hv", "width": 3, "color": PALETTE[index * 2]},
                customdata=frame[column],
                hovertemplate=f"%{{x|%d.%m.%Y}}<br>{name}: %{{y:.1f}} % "
                "(%{customdata:,.0f})<extra></extra>",
            )
        )
    for deadline, text in zip(deadlines, ("Frist for behov", "Frist for vedtak"), strict=True):
        figure.add_vline(
            x=pd.Timestamp(deadline).value / 1e6,
            line={"color": NATIONAL, "dash": "dash", "width": 2},
            annotation={"text": f"{text} {deadline:%d.%m.}", "yanchor": "bottom"},
            annotation_position="top left",
        )
    figure.update_yaxes(title_text="Andel av meldingene (%)", range=[0, 105], ticksuffix=" %")
    figure.update_xaxes(title_text="", tickformat="%d.%m.")
    figure.update_layout(legend={"orientation": "h", "y": 1.1, "x": 0}, margin={"t": 70})
    return figure
