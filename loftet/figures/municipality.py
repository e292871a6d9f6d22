"""Figures for Kommuneprofil: one municipality (highlighted) against its county and the nation."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from loftet.figures.common import empty_figure, year_axis
from loftet.theme import HIGHLIGHT, NATIONAL, NEUTRAL, PALETTE

COUNTY = PALETTE[0]
GRANTED = PALETTE[4]
SPENT = PALETTE[2]
NATION_NAME = "Hele landet"
SUPPRESSED = "skjermet"
"""How a suppressed value is named (never drawn as 0)."""
NOT_REPORTED = "ikke rapportert"
TOP_LEGEND = {"yref": "container", "y": 0.99, "yanchor": "top", "x": 0, "xanchor": "left"}
"""Above the subplot titles, so the two never overlap."""


MILLION = 1_000_000


def _levels(kommune: str, fylke: str) -> list[tuple[str, str, str, dict]]:
    """(column suffix, name, colour, line style) for the three levels, municipality last so it
    is drawn on top."""
    return [
        ("landet", NATION_NAME, NATIONAL, {"width": 2, "dash": "dot"}),
        ("fylke", fylke, COUNTY, {"width": 2.5}),
        ("kommune", kommune, HIGHLIGHT, {"width": 4.5}),
    ]


def participation_comparison(frame: pd.DataFrame, *, kommune: str, fylke: str) -> go.Figure:
    """Participants per 1,000 children and pupils per year: municipality, county, nation.

    Args:
        frame: one row per year; columns `aar`, `per_1000_kommune`, `per_1000_fylke`,
            `per_1000_landet`, and the counts `deltakere`, `deltakere_fylke`,
            `deltakere_landet`.
        kommune: the municipality's name (legend).
        fylke: the county's name (legend).

    Returns:
        Three lines; the municipality thick and in the highlight colour.
    """
    if frame.empty:
        return empty_figure()
    figure = go.Figure()
    for rank, (level, name, colour, line) in enumerate(_levels(kommune, fylke)):
        count = "deltakere" if level == "kommune" else f"deltakere_{level}"
        figure.add_scatter(
            x=frame.aar,
            y=frame[f"per_1000_{level}"],
            name=name,
            mode="lines+markers",
            line={"color": colour, **line},
            marker={"size": 10 if level == "kommune" else 7},
            customdata=frame[count],
            legendrank=3 - rank,
            hovertemplate=(
                f"{name}: %{{y:,.1f}} per 1 000 barn og elever"
                "<br>%{customdata:,.0f} deltakelser<extra>%{x}</extra>"
            ),
        )
    figure.update_yaxes(title_text="Deltakelser per 1 000 barn og elever", rangemode="tozero")
    return year_axis(figure)


def reach_comparison(frame: pd.DataFrame, *, kommune: str, fylke: str) -> go.Figure:
    """Who was reached in one year: participants per profession (left) and the share of units
    reached per sector against the county and the nation (right).

    Args:
        frame: rows with `del` = `profesjon` or `sektor`; columns `navn`, `antall`
            (participants, or units reached), `av` (all participants, or units),
            `andel_kommune`, `andel_fylke`, `andel_landet` (percent).
        kommune: the municipality's name.
        fylke: the county's name.

    Returns:
        Two panels of horizontal bars; county and nation as markers on the right.
    """
    if frame.empty:
        return empty_figure()
    prof = frame[(frame["del"] == "profesjon") & (frame.antall > 0)].sort_values("antall")
    sect = frame[frame["del"] == "sektor"].iloc[::-1]
    figure = make_subplots(
        rows=1,
        cols=2,
        horizontal_spacing=0.2,
        subplot_titles=(f"Deltakelser per profesjon i {kommune}", "Andel enheter nådd per sektor"),
    )
    if prof.empty:
        figure.add_annotation(
            text="Ingen deltakelser dette året",
            showarrow=False,
            x=0.5,
            y=0.5,
            xref="x domain",
            yref="y domain",
        )
        figure.update_xaxes(visible=False, row=1, col=1)
        figure.update_yaxes(visible=False, row=1, col=1)
    else:
        figure.add_bar(
            x=prof.antall,
            y=prof.navn,
            orientation="h",
            name=f"{kommune}: deltakelser",
            marker_color=HIGHLIGHT,
            showlegend=False,
            texttemplate="%{x:,.0f}",
            textposition="outside",
            cliponaxis=False,
            customdata=prof[["andel_kommune", "andel_fylke"]],
            hovertemplate=(
                "%{y}: %{x:,.0f} deltakelser<br>%{customdata[0]:.1f} % av "
                f"deltakerne i {kommune}<br>{fylke}: %{{customdata[1]:.1f}} %"
                "<extra></extra>"
            ),
            row=1,
            col=1,
        )
        figure.update_xaxes(title_text="Deltakelser", rangemode="tozero", row=1, col=1)
    figure.add_bar(
        x=sect.andel_kommune,
        y=sect.navn,
        orientation="h",
        name=kommune,
        marker_color=HIGHLIGHT,
        customdata=sect[["antall", "av"]],
        hovertemplate=(
            f"{kommune}: %{{x:.1f}} % nådd<br>%{{customdata[0]:,.0f}} av "
            "%{customdata[1]:,.0f} enheter<extra>%{y}</extra>"
        ),
        row=1,
        col=2,
    )
    for level, name, colour, symbol in (
        ("fylke", fylke, COUNTY, "square"),
        ("landet", NATION_NAME, NATIONAL, "diamond"),
    ):
        figure.add_scatter(
            x=sect[f"andel_{level}"],
            y=sect.navn,
            mode="markers",
            name=name,
            marker={
                "color": colour,
                "symbol": symbol,
                "size": 12,
                "line": {"color": "white", "width": 1},
            },
            hovertemplate=f"{name}: %{{x:.1f}} % nådd<extra>%{{y}}</extra>",
            row=1,
            col=2,
        )
    for row in sect[sect.av == 0].itertuples():
        figure.add_annotation(
            text="ingen enheter i kommunen",
            x=0,
            y=row.navn,
            xref="x2",
            yref="y2",
            xanchor="left",
            showarrow=False,
            font={"color": NEUTRAL},
        )
    figure.update_xaxes(range=[0, 105], ticksuffix=" %", title_text="Andel nådd", row=1, col=2)
    figure.update_layout(legend={**TOP_LEGEND, "x": 0.6}, bargap=0.3, margin={"t": 80})
    return figure


def allocation_comparison(frame: pd.DataFrame, *, kommune: str, fylke: str) -> go.Figure:
    """Money per year: granted and spent in the municipality (left), and NOK granted per child
    or pupil in the municipality, county and nation (right).

    Args:
        frame: one row per year; columns `aar`, `innvilget_kr`, `brukt_kr` (NaN when not
            reported), `kr_per_barn_kommune`, `kr_per_barn_fylke`, `kr_per_barn_landet`.
        kommune: the municipality's name.
        fylke: the county's name.

    Returns:
        Grouped bars and three lines; a year without reported spending says so instead of
        showing a zero.
    """
    if frame.empty:
        return empty_figure()
    figure = make_subplots(
        rows=1,
        cols=2,
        horizontal_spacing=0.12,
        subplot_titles=(f"Innvilget og brukt i {kommune}", "Innvilget per barn og elev"),
    )
    # Millions on the axis ("60 mill. kr"), full kroner in the tooltip.
    figure.add_bar(
        x=frame.aar,
        y=frame.innvilget_kr / MILLION,
        name="Innvilget",
        marker_color=GRANTED,
        customdata=frame.innvilget_kr,
        hovertemplate="Innvilget: %{customdata:,.0f} kr<extra>%{x}</extra>",
        row=1,
        col=1,
    )
    figure.add_bar(
        x=frame.aar,
        y=frame.brukt_kr / MILLION,
        name="Brukt",
        marker_color=SPENT,
        customdata=frame.brukt_kr,
        hovertemplate="Brukt: %{customdata:,.0f} kr<extra>%{x}</extra>",
        row=1,
        col=1,
    )
    for year in frame.aar[frame.brukt_kr.isna() & (frame.innvilget_kr > 0)]:
        # Written upright in the empty slot of the missing "Brukt" bar (a bar is
        # (1 - bargap) / 2 = 0.375 years wide, so its centre is 0.19 right of the year).
        figure.add_annotation(
            text=f"brukt: {NOT_REPORTED}",
            x=year + 0.19,
            y=0,
            xref="x",
            yref="y",
            yanchor="bottom",
            textangle=-90,
            showarrow=False,
            font={"color": NEUTRAL},
        )
    for rank, (level, name, colour, line) in enumerate(_levels(kommune, fylke)):
        figure.add_scatter(
            x=frame.aar,
            y=frame[f"kr_per_barn_{level}"],
            name=name,
            mode="lines+markers",
            line={"color": colour, **line},
            legendrank=10 - rank,
            hovertemplate=f"{name}: %{{y:,.0f}} kr per barn/elev<extra>%{{x}}</extra>",
            row=1,
            col=2,
        )
    figure.update_yaxes(title_text="Mill. kr", tickformat=",~f", rangemode="tozero", row=1, col=1)
    figure.update_yaxes(
        title_text="kr per barn/elev", tickformat=",.0f", rangemode="tozero", row=1, col=2
    )
    figure.update_layout(barmode="group", bargap=0.25, legend=TOP_LEGEND, margin={"t": 80})
    year_axis(figure)
    return figure.update_xaxes(tickformat="d", dtick=1, title_text="")
