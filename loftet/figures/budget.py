"""Figures for Budsjett: allocation per year by county, granted against spent, NOK per child and
running totals. Amounts are drawn in millions of kroner; hovers give whole kroner."""

from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go

from loftet.figures.common import empty_figure, year_axis
from loftet.formatting import kr, mill_kr, pct, short_kr
from loftet.theme import HIGHLIGHT, NATIONAL, NEUTRAL, PALETTE

MILLION = 1_000_000
TOTAL_NAME = "Innvilget"
TOP_GROUPS = 3
"""Groups named in the hover of a national bar."""
TOP_LEGEND = {"orientation": "h", "x": 0, "xanchor": "left", "y": 1.02, "yanchor": "bottom"}
LEVEL_LABEL = "2025-nivå"
BUDGET_NAME = "Bevilgning (statsbudsjett)"
GRANTED_NAME = "Innvilget"
SPENT_NAME = "Brukt"
NOT_REPORTED = "Ikke rapportert ennå"


def _mill(values: pd.Series) -> pd.Series:
    return values / MILLION


def _year_text(rows: pd.DataFrame, total: float, group_label: str) -> str:
    """Hover of one year's national bar: the total and its three largest groups."""
    largest = rows[rows.innvilget_kr > 0].nlargest(TOP_GROUPS, "innvilget_kr")
    parts = [
        f"{name}: {short_kr(value)}"
        for name, value in zip(largest.gruppe_navn, largest.innvilget_kr, strict=True)
    ]
    head = f"{kr(total)}"
    return head + (f"<br>Størst ({group_label.lower()}): " + ", ".join(parts) if parts else "")


def budget_differs(frame: pd.DataFrame) -> bool:
    """True when the national budget is given for a shown year and differs from the sum granted.

    Args:
        frame: columns `aar`, `innvilget_kr`, `bevilgning_kr` (one or more rows per year).
    """
    per_year = (
        frame.groupby("aar")
        .agg(sum_kr=("innvilget_kr", "sum"), bevilgning_kr=("bevilgning_kr", "first"))
        .dropna()
    )
    return bool(((per_year.bevilgning_kr - per_year.sum_kr).abs() >= 1).any())


def allocation_by_year(
    frame: pd.DataFrame,
    *,
    group_label: str = "Fylke",
    single: bool = False,
    show_budget: bool = True,
    years: tuple[int, int] | None = None,
) -> go.Figure:
    """Allocation per year as one bar per year (the whole country, or one county), the 2025
    level as a horizontal reference line, and the national budget where it differs from the
    sum. The split by group is in the hover (largest groups) and in the table: fifteen stacked
    segments could not be told apart.

    Args:
        frame: one row per year and group with `aar`, `gruppe`, `gruppe_navn`, `innvilget_kr`,
            `andel_av_aar` (%), `andel_av_2025` (%), `nivaa_2025_kr` (the group's 2025 level)
            and `bevilgning_kr` (national budget of the year, NaN if not given).
        group_label: what a group is, for the hover ("Fylke", "Statsforvalter").
        single: one county only: drawn against its own 2025 level, without the national budget.
        show_budget: draw the national budget when it differs from the sum (ignored if single).
        years: first and last year of the x axis (years without data stay empty).

    Returns:
        A bar chart in millions of kroner.
    """
    if frame.empty or frame.innvilget_kr.sum() == 0:
        return empty_figure("Ingen tildelinger i valgt utvalg")
    figure = go.Figure()
    if single:
        rows = frame
        name = frame.gruppe_navn.iloc[0]
        text = [
            f"{kr(v)}<br>{pct(b)} av eget 2025-nivå"
            for v, b in zip(rows.innvilget_kr, rows.andel_av_2025, strict=True)
        ]
    else:
        rows = frame.groupby("aar", as_index=False).innvilget_kr.sum()
        name = TOTAL_NAME
        text = [
            _year_text(frame[frame.aar == year], total, group_label)
            for year, total in zip(rows.aar, rows.innvilget_kr, strict=True)
        ]
    figure.add_bar(
        x=rows.aar,
        y=_mill(rows.innvilget_kr),
        name=name,
        marker={"color": PALETTE[0]},
        hovertext=text,
        hovertemplate=f"<b>{name}</b><br>%{{hovertext}}<extra>%{{x}}</extra>",
    )
    level = frame.drop_duplicates("gruppe").nivaa_2025_kr.sum()
    if level > 0:
        figure.add_hline(
            y=level / MILLION,
            line={"color": NATIONAL, "dash": "dash", "width": 2},
            annotation={
                "text": f"{LEVEL_LABEL} ({mill_kr(level)})",
                "xanchor": "left",
                "yanchor": "bottom",
            },
            annotation_position="top left",
        )
    if show_budget and not single and budget_differs(frame):
        budget = frame.drop_duplicates("aar").dropna(subset=["bevilgning_kr"])
        figure.add_scatter(
            x=budget.aar,
            y=_mill(budget.bevilgning_kr),
            name=BUDGET_NAME,
            mode="lines+markers",
            customdata=budget.bevilgning_kr,
            line={"color": NATIONAL, "dash": "dot", "width": 2},
            marker={"symbol": "diamond", "size": 11, "color": NATIONAL},
            hovertemplate="Bevilgning: %{customdata:,.0f} kr<extra>%{x}</extra>",
        )
    figure.update_layout(showlegend=len(figure.data) > 1, legend=TOP_LEGEND)
    figure.update_yaxes(title_text="Innvilget (mill. kr)", tickformat=",~f", rangemode="tozero")
    return _year_range(year_axis(figure), years)


def granted_and_spent(frame: pd.DataFrame, *, years: tuple[int, int] | None = None) -> go.Figure:
    """Granted against spent per year; a year whose use is not reported yet has no spent bar and a
    note ("Ikke rapportert ennå"), never a zero; a partly reported year is marked as such.

    Args:
        frame: one row per year with `aar`, `innvilget_kr`, `brukt_kr` (NaN = not reported),
            `andel_rapportert` (% of the granted amount whose use is reported).
        years: first and last year of the x axis (years without data stay empty).

    Returns:
        Grouped bars in millions of kroner.
    """
    if frame.empty or frame.innvilget_kr.sum() == 0:
        return empty_figure("Ingen tildelinger i valgt utvalg")
    figure = go.Figure()
    figure.add_bar(
        x=frame.aar,
        y=_mill(frame.innvilget_kr),
        name=GRANTED_NAME,
        marker={"color": PALETTE[0]},
        customdata=frame.innvilget_kr,
        hovertemplate="Innvilget: %{customdata:,.0f} kr<extra>%{x}</extra>",
    )
    spent_text = [
        f"{kr(b)}<br>bruk rapportert for {pct(a)} av innvilget beløp"
        for b, a in zip(frame.brukt_kr, frame.andel_rapportert, strict=True)
    ]
    figure.add_bar(
        x=frame.aar,
        y=_mill(frame.brukt_kr),
        name=SPENT_NAME,
        marker={"color": PALETTE[2]},
        hovertext=spent_text,
        hovertemplate="Brukt: %{hovertext}<extra>%{x}</extra>",
    )
    for row in frame.itertuples():
        if row.innvilget_kr == 0:
            continue
        if _missing(row.brukt_kr):
            note = NOT_REPORTED
        elif row.andel_rapportert < 100 - 1e-9:
            note = f"Delvis rapportert ({pct(row.andel_rapportert, 0)})"
        else:
            continue
        figure.add_annotation(
            x=row.aar,
            y=row.innvilget_kr / MILLION,
            text=note,
            showarrow=False,
            yanchor="bottom",
            yshift=4,
            font={"color": NEUTRAL, "size": 12},
        )
    figure.update_layout(barmode="group", bargap=0.25)
    figure.update_yaxes(title_text="Mill. kr", tickformat=",~f", rangemode="tozero")
    return _year_range(year_axis(figure), years)


def _year_range(figure: go.Figure, years: tuple[int, int] | None) -> go.Figure:
    """Show every year from the first to the last of `years` on a bar chart's x axis."""
    if years:
        figure.update_xaxes(range=[years[0] - 0.5, years[1] + 0.5])
    return figure


def _missing(value: float | None) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def granted_per_child(frame: pd.DataFrame) -> go.Figure:
    """NOK granted per child/pupil by county, the national level as a vertical line and the
    chosen county highlighted.

    Args:
        frame: one row per county with `fylke_navn`, `kr_per_barn`, `innvilget_kr`,
            `barn_elever`, `valgt` (bool) and `landet_kr_per_barn` (the national level).

    Returns:
        Horizontal bars sorted by NOK per child, largest on top.
    """
    if frame.empty:
        return empty_figure("Ingen barn eller elever registrert i valgt utvalg")
    rows = frame.sort_values("kr_per_barn")
    colours = [HIGHLIGHT if chosen else PALETTE[0] for chosen in rows.valgt]
    figure = go.Figure(
        go.Bar(
            x=rows.kr_per_barn,
            y=rows.fylke_navn,
            orientation="h",
            marker={"color": colours},
            customdata=rows[["innvilget_kr", "barn_elever"]].to_numpy(),
            showlegend=False,
            hovertemplate="<b>%{y}</b><br>%{x:,.0f} kr per barn/elev<br>"
            "Innvilget: %{customdata[0]:,.0f} kr<br>"
            "Barn og elever: %{customdata[1]:,.0f}<extra></extra>",
        )
    )
    national = rows.landet_kr_per_barn.iloc[0]
    if not _missing(national):
        figure.add_vline(
            x=national,
            line={"color": NATIONAL, "dash": "dash", "width": 2},
            annotation={
                "text": f"Hele landet: {kr(national)}",
                "xanchor": "left",
                "yanchor": "bottom",
            },
            annotation_position="top right",
        )
    figure.update_xaxes(title_text="Kr per barn/elev", tickformat=",~f")
    figure.update_yaxes(title_text="", showgrid=False)
    figure.update_layout(margin={"t": 50})
    return figure


def cumulative_totals(frame: pd.DataFrame, *, show_budget: bool = True) -> go.Figure:
    """Running totals per year: granted, spent (while reported) and the national budget.

    Args:
        frame: one row per year with `aar`, `kum_innvilget_kr`, `kum_brukt_kr` (NaN from the
            first year with no use reported) and `kum_bevilgning_kr`.
        show_budget: draw the national budget's running total (national view only).

    Returns:
        Lines in millions of kroner.
    """
    if frame.empty or frame.kum_innvilget_kr.iloc[-1] == 0:
        return empty_figure("Ingen tildelinger i valgt utvalg")
    figure = go.Figure()
    series = [
        ("kum_innvilget_kr", GRANTED_NAME, PALETTE[0], "solid"),
        ("kum_brukt_kr", SPENT_NAME, PALETTE[2], "solid"),
    ]
    if show_budget and frame.kum_bevilgning_kr.notna().any():
        series.append(("kum_bevilgning_kr", "Bevilgning", NATIONAL, "dot"))
    for column, name, colour, dash in series:
        values = frame[column]
        if values.isna().all():
            continue
        figure.add_scatter(
            x=frame.aar,
            y=_mill(values),
            name=name,
            mode="lines+markers",
            customdata=values,
            line={"color": colour, "width": 3, "dash": dash},
            fill="tozeroy" if column == "kum_innvilget_kr" else None,
            hovertemplate=f"{name} til og med %{{x}}: %{{customdata:,.0f}} kr<extra></extra>",
        )
    figure.update_yaxes(title_text="Kumulativt (mill. kr)", tickformat=",~f", rangemode="tozero")
    return year_axis(figure)
