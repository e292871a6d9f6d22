"""Figures for Kompetanseområder: areas, the competence pyramid, county × area, professions by
sector and the shares over the years. Areas are coloured by their level of the pyramid."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from loftet.figures.common import empty_figure, year_axis
from loftet.formatting import mill_kr, number, pct
from loftet.theme import PALETTE, SEQUENTIAL

MILLION = 1_000_000
LEVEL_COLOURS = {1: PALETTE[0], 2: PALETTE[1], 3: PALETTE[3]}
"""Level 1 (everyone) blue, level 2 (special adaptation) orange, level 3 (complex) purple."""
SECTOR_COLOURS = {
    "BHG": PALETTE[0],
    "GS": PALETTE[1],
    "VGS": PALETTE[2],
    "PPT": PALETTE[3],
    "ANNET": PALETTE[4],
}
SIDE_LEGEND_FROM = 5
"""With more groups than this, the legend goes to the right (one line each)."""
MEASURE_LABELS = {"innvilget_kr": "Innvilget (mill. kr)", "deltakere": "Deltakelser"}


def _measure(measure: str) -> str:
    return measure if measure in MEASURE_LABELS else "innvilget_kr"


def level_name(level: int, name: str) -> str:
    """`Nivå 3: Særlig komplekse behov`."""
    return f"Nivå {level}: {name}"


def _amount_text(value: float, measure: str) -> str:
    return mill_kr(value) if measure == "innvilget_kr" else f"{number(value)} deltakelser"


def _hover_value(measure: str, field: str = "customdata[0]") -> str:
    return (
        f"%{{{field}:,.0f}} kr" if measure == "innvilget_kr" else f"%{{{field}:,.0f}} deltakelser"
    )


def _scale(values: pd.Series, measure: str) -> pd.Series:
    return values / MILLION if measure == "innvilget_kr" else values


def _rgba(hex_colour: str, alpha: float) -> str:
    """A theme colour with transparency (for shades of one level)."""
    red, green, blue = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({red}, {green}, {blue}, {alpha:.2f})"


def area_bars(frame: pd.DataFrame, *, measure: str = "innvilget_kr") -> go.Figure:
    """Funds or participants per competence area, sorted, coloured by level of the pyramid.

    Args:
        frame: one row per area with `omrade_navn`, `nivaa`, `nivaa_navn`, the measure column
            (`innvilget_kr` or `deltakere`) and its share (`andel_kr` / `andel_deltakere`, %).
        measure: `innvilget_kr` (drawn in millions of kroner) or `deltakere`.

    Returns:
        Horizontal bars, largest on top; one legend entry per level.
    """
    measure = _measure(measure)
    share = "andel_kr" if measure == "innvilget_kr" else "andel_deltakere"
    if frame.empty or frame[measure].sum() == 0:
        return empty_figure(
            "Ingen tildelinger i valgt utvalg"
            if measure == "innvilget_kr"
            else "Ingen deltakelser i valgt utvalg"
        )
    rows = frame.sort_values([measure, "nivaa"], ascending=[True, False])
    figure = go.Figure()
    for level, part in rows.groupby("nivaa", sort=True):
        figure.add_bar(
            x=_scale(part[measure], measure),
            y=part.omrade_navn,
            orientation="h",
            name=level_name(level, part.nivaa_navn.iloc[0]),
            marker={"color": LEVEL_COLOURS.get(int(level), PALETTE[4])},
            customdata=part[[measure, share]].to_numpy(),
            hovertemplate=f"<b>%{{y}}</b><br>{_hover_value(measure)}<br>"
            "%{customdata[1]:.1f} % av totalen<extra></extra>",
        )
    figure.update_yaxes(
        categoryorder="array", categoryarray=list(rows.omrade_navn), title_text="", showgrid=False
    )
    figure.update_xaxes(title_text=MEASURE_LABELS[measure], tickformat=",~f")
    figure.update_layout(barmode="overlay", bargap=0.25)
    return figure


def level_pyramid(frame: pd.DataFrame, *, measure: str = "innvilget_kr") -> go.Figure:
    """Funds or participants per level of the competence pyramid, drawn as centred bars with
    level 3 (particularly complex needs) on top.

    Args:
        frame: one row per level with `nivaa`, `nivaa_navn`, the measure column and its share
            (`andel_kr` / `andel_deltakere`, %).
        measure: `innvilget_kr` or `deltakere`.

    Returns:
        A pyramid-like horizontal bar chart; each level's label carries its value and share
        (text beside narrow centred bars would not fit on small screens).
    """
    measure = _measure(measure)
    share = "andel_kr" if measure == "innvilget_kr" else "andel_deltakere"
    if frame.empty or frame[measure].sum() == 0:
        return empty_figure()
    rows = frame.sort_values("nivaa")
    values = _scale(rows[measure], measure)
    labels = [
        f"<b>Nivå {lvl}: {name}</b><br>{_amount_text(v, measure)} · {pct(s)}"
        for lvl, name, v, s in zip(
            rows.nivaa, rows.nivaa_navn, rows[measure], rows[share], strict=True
        )
    ]
    names = [
        level_name(int(lvl), name) for lvl, name in zip(rows.nivaa, rows.nivaa_navn, strict=True)
    ]
    figure = go.Figure(
        go.Bar(
            x=values,
            base=-values / 2,
            y=labels,
            orientation="h",
            showlegend=False,
            marker={"color": [LEVEL_COLOURS.get(int(lvl), PALETTE[4]) for lvl in rows.nivaa]},
            customdata=list(zip(rows[measure], rows[share], names, strict=True)),
            hovertemplate=f"<b>%{{customdata[2]}}</b><br>{_hover_value(measure)}<br>"
            "%{customdata[1]:.1f} % av totalen<extra></extra>",
        )
    )
    widest = float(values.max())
    figure.update_xaxes(visible=False, range=[-0.52 * widest, 0.52 * widest])
    figure.update_yaxes(categoryorder="array", categoryarray=labels, title_text="", showgrid=False)
    figure.update_layout(bargap=0.08)
    return figure


def county_area_heatmap(frame: pd.DataFrame, *, measure: str = "innvilget_kr") -> go.Figure:
    """Each county's share of its funds (or participants) per competence area, with a national
    column; the chosen county's label is bold.

    Args:
        frame: one row per county and area with `fylke`, `fylke_navn`, `valgt`, `omrade`,
            `omrade_navn`, `nivaa`, `verdi` (kr or participants) and `andel` (%, NaN when the
            county has nothing that year).
        measure: what `verdi` counts: `innvilget_kr` or `deltakere`.

    Returns:
        A heatmap with counties across and areas down (level 1 at the bottom, level 3 on top).
    """
    measure = _measure(measure)
    if frame.empty or frame.andel.notna().sum() == 0:
        return empty_figure()
    counties = frame.drop_duplicates("fylke")[["fylke", "fylke_navn", "valgt"]]
    areas = frame.drop_duplicates("omrade").sort_values(["nivaa", "omrade"])
    shares = frame.pivot(index="omrade", columns="fylke", values="andel").loc[
        areas.omrade, counties.fylke
    ]
    values = frame.pivot(index="omrade", columns="fylke", values="verdi").loc[
        areas.omrade, counties.fylke
    ]
    z = [[None if pd.isna(v) else float(v) for v in row] for row in shares.to_numpy()]
    names = list(counties.fylke_navn)
    ticktext = [
        f"<b>{name}</b>" if chosen else name
        for name, chosen in zip(names, counties.valgt, strict=True)
    ]
    unit = "kr" if measure == "innvilget_kr" else "deltakelser"
    figure = go.Figure(
        go.Heatmap(
            z=z,
            x=names,
            y=list(areas.omrade_navn),
            customdata=values.to_numpy(),
            colorscale=SEQUENTIAL,
            zmin=0,
            hoverongaps=False,
            texttemplate="%{z:.0f}",
            xgap=1,
            ygap=1,
            colorbar={"title": {"text": "Andel"}, "ticksuffix": " %"},
            hovertemplate=f"<b>%{{x}}</b><br>%{{y}}<br>Andel: %{{z:.1f}} %<br>"
            f"%{{customdata:,.0f}} {unit}<extra></extra>",
        )
    )
    figure.update_xaxes(
        tickvals=names, ticktext=ticktext, showgrid=False, title_text="", tickangle=-40
    )
    figure.update_yaxes(title_text="", showgrid=False)
    return figure


def profession_sector_bars(frame: pd.DataFrame) -> go.Figure:
    """Participants per profession, stacked by sector.

    Args:
        frame: one row per profession and sector with `profesjon_navn`, `sektor`,
            `sektor_navn`, `deltakere`.

    Returns:
        Horizontal stacked bars, the profession with most participants on top.
    """
    if frame.empty or frame.deltakere.sum() == 0:
        return empty_figure("Ingen deltakelser i valgt utvalg")
    order = frame.groupby("profesjon_navn").deltakere.sum().sort_values(kind="stable")
    figure = go.Figure()
    for code, part in frame.groupby("sektor", sort=False):
        if part.deltakere.sum() == 0:
            continue
        figure.add_bar(
            x=part.deltakere,
            y=part.profesjon_navn,
            orientation="h",
            name=part.sektor_navn.iloc[0],
            marker={"color": SECTOR_COLOURS.get(code, PALETTE[5])},
            hovertemplate="%{fullData.name}: %{x:,.0f} deltakelser<extra>%{y}</extra>",
        )
    figure.update_layout(barmode="stack", bargap=0.25, legend={"traceorder": "normal"})
    figure.update_yaxes(
        categoryorder="array", categoryarray=list(order.index), title_text="", showgrid=False
    )
    figure.update_xaxes(title_text="Deltakelser", tickformat=",~f")
    return figure


def share_trend(frame: pd.DataFrame) -> go.Figure:
    """How the shares of the levels (or areas) move over the years: a 100 % stacked area.

    Args:
        frame: one row per year and group with `aar`, `gruppe`, `gruppe_navn`, `nivaa` and
            `andel` (% of the year's total; each year's groups add up to 100).

    Returns:
        Stacked areas from 0 to 100 %, level 1 at the bottom; areas of one level share its
        colour in different shades.
    """
    if frame.empty:
        return empty_figure()
    figure = go.Figure()
    groups = frame.drop_duplicates("gruppe").sort_values(["nivaa", "gruppe"])
    shade_index = groups.groupby("nivaa").cumcount()
    shade_count = groups.groupby("nivaa").gruppe.transform("count")
    for (_, group), index, count in zip(groups.iterrows(), shade_index, shade_count, strict=True):
        rows = frame[frame.gruppe == group.gruppe].sort_values("aar")
        colour = LEVEL_COLOURS.get(int(group.nivaa), PALETTE[4])
        alpha = 1.0 - 0.6 * index / max(count - 1, 1) if count > 1 else 0.85
        figure.add_scatter(
            x=rows.aar,
            y=rows.andel,
            name=group.gruppe_navn,
            mode="lines",
            stackgroup="andel",
            line={"width": 0.8, "color": "white"},
            fillcolor=_rgba(colour, alpha),
            hovertemplate="%{fullData.name}: %{y:.1f} %<extra></extra>",
        )
    figure.update_yaxes(range=[0, 100], ticksuffix=" %", title_text="Andel")
    figure.update_layout(hovermode="x unified", legend={"traceorder": "reversed"})
    if len(groups) > SIDE_LEGEND_FROM:
        figure.update_layout(
            legend={"orientation": "v", "x": 1.01, "xanchor": "left", "y": 1, "yanchor": "top"}
        )
    return year_axis(figure)
