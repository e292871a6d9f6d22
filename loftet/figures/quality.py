"""Figures for Kvalitet: distribution per county, ranking, need against reach, spread per year."""

from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go

from loftet.figures.common import empty_figure, labels_clear_of_lines, year_axis
from loftet.figures.point_labels import name_need_reach_outliers
from loftet.formatting import number, pct
from loftet.theme import HIGHLIGHT, NATIONAL, NEUTRAL, PALETTE

HOVER_VALUE_X = "%{x:.1f} %"
HOVER_VALUE_Y = "%{y:.1f} %"
REACH_HOVER = {
    "deltakere_per_1000": "%{y:.1f} deltakere per 1000 barn/elever",
    "kr_per_barn": "%{y:,.0f} kr per barn/elev",
}
MARKER_MAX_PX = 34
MARKER_MIN_PX = 5


def _rgba(hex_colour: str, alpha: float) -> str:
    """A theme colour with transparency (for fills)."""
    value = hex_colour.lstrip("#")
    red, green, blue = (int(value[i : i + 2], 16) for i in (0, 2, 4))
    return f"rgba({red}, {green}, {blue}, {alpha})"


def _legend_line(figure: go.Figure, name: str, colour: str, dash: str) -> None:
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


def _national_line(figure: go.Figure, level: float | None) -> None:
    """The national level as a dashed black vertical line, named with its value in the legend
    (a label on the line would cover data)."""
    if level is None or (isinstance(level, float) and math.isnan(level)):
        return
    figure.add_vline(x=level, line_color=NATIONAL, line_dash="dash", line_width=2)
    _legend_line(figure, f"Landsnivå {pct(level)}", NATIONAL, "dash")


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
            fillcolor=_rgba(NEUTRAL, 0.12),
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
                fillcolor=_rgba(colour, 0.12),
                customdata=rows[["kommune"]].to_numpy(),
                showlegend=False,
                hovertemplate=f"<b>%{{customdata[0]}}</b><br>{HOVER_VALUE_X}<extra>%{{y}}</extra>",
            )
        )
    _box_key(figure)
    _national_line(figure, national_level)
    figure.update_xaxes(
        title_text=value_label,
        ticksuffix=" %",
        rangemode="tozero",
        showgrid=True,
        gridcolor="#e5e5e5",
    )
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
                marker={"symbol": "square", "size": 14, "color": _rgba(NEUTRAL, 0.35)},
            )
        )
    if not highlight_name and "gruppe" in data and data.gruppe.nunique() == 2:
        split = int((data.gruppe == "Høyest").sum()) - 0.5
        figure.add_hline(y=split, line_color=NEUTRAL, line_dash="dot", line_width=1)
    _national_line(figure, national_level)
    figure.update_xaxes(
        title_text=value_label,
        ticksuffix=" %",
        rangemode="tozero",
        showgrid=True,
        gridcolor="#e5e5e5",
    )
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


def need_reach_scatter(
    frame: pd.DataFrame,
    *,
    need_threshold: float | None,
    reach_threshold: float | None,
    high_is_need: bool = True,
    reach: str = "deltakere_per_1000",
    value_label: str = "Verdi",
    reach_label: str = "Rekkevidde",
) -> go.Figure:
    """Indicator value (x) against reach (y), one point per municipality, in four quadrants.

    High need is always on the right: the x axis is reversed when a low value means high need.
    Municipalities with high need and little reach get the highlight colour.

    Args:
        frame: `kommune`, `fylke`, `verdi`, `rekkevidde`, `barn_elever` (marker size),
            `hoyt_behov`, `lite_naadd`, `kvadrant` (from `classify_quadrants`); rows without
            a quadrant are left out.
        need_threshold: the national indicator level (vertical split).
        reach_threshold: the median reach (horizontal split).
        high_is_need: False for indicators where a low value means high need.
        reach: `deltakere_per_1000` or `kr_per_barn` (hover format).
        value_label, reach_label: axis titles.

    Returns:
        A scatter figure with one trace per quadrant; a handful of outliers carry their
        names (`loftet.figures.point_labels.need_reach_outliers` says which).
    """
    data = frame.dropna(subset=["kvadrant"])
    if data.empty:
        return empty_figure()
    sizes = data.barn_elever.fillna(0).clip(lower=0)
    biggest = float(sizes.max()) or 1.0
    styles = [
        ((True, True), HIGHLIGHT, 0.95, "circle"),
        ((True, False), PALETTE[0], 0.7, "circle"),
        ((False, True), NEUTRAL, 0.55, "circle"),
        ((False, False), PALETTE[4], 0.55, "circle"),
    ]
    reach_hover = REACH_HOVER.get(reach, "%{y:.1f}")
    figure = go.Figure()
    for (need, low), colour, opacity, symbol in styles:
        mask = (data.hoyt_behov == need) & (data.lite_naadd == low)
        rows = data[mask.fillna(False).astype(bool)]
        if rows.empty:
            continue
        name = f"{rows.kvadrant.iloc[0]} ({number(len(rows))})"
        figure.add_trace(
            go.Scatter(
                x=rows.verdi,
                y=rows.rekkevidde,
                mode="markers",
                name=name,
                marker={
                    "color": colour,
                    "opacity": opacity,
                    "symbol": symbol,
                    "size": sizes[rows.index],
                    "sizemode": "area",
                    "sizeref": 2 * biggest / MARKER_MAX_PX**2,
                    "sizemin": MARKER_MIN_PX,
                    "line": {"color": "white", "width": 0.5},
                },
                customdata=rows[["kommune", "kvadrant", "barn_elever"]].to_numpy(),
                hovertemplate=(
                    f"<b>%{{customdata[0]}}</b><br>{HOVER_VALUE_X}<br>{reach_hover}"
                    "<br>%{customdata[2]:,.0f} barn og elever"
                    "<extra>%{customdata[1]}</extra>"
                ),
            )
        )
    _national_line(figure, need_threshold)
    if reach_threshold is not None and not math.isnan(reach_threshold):
        shown = (
            f"{number(reach_threshold, 1)} per 1000"
            if reach == "deltakere_per_1000"
            else f"{number(reach_threshold)} kr"
        )
        text = f"Median rekkevidde {shown}"
        figure.add_hline(y=reach_threshold, line_color=NATIONAL, line_dash="dot", line_width=2)
        _legend_line(figure, text, NATIONAL, "dot")
    right, left = ("Høyt behov", "Lavt behov")
    for x, label in ((0.99, right), (0.01, left)):
        for y, reach_text in ((0.99, "godt nådd"), (0.01, "lite nådd")):
            target = label == right and reach_text == "lite nådd"
            figure.add_annotation(
                text=f"<b>{label}, {reach_text}</b>" if target else f"{label}, {reach_text}",
                x=x,
                y=y,
                xref="paper",
                yref="paper",
                showarrow=False,
                xanchor="right" if x > 0.5 else "left",
                yanchor="top" if y > 0.5 else "bottom",
                bordercolor=HIGHLIGHT if target else NEUTRAL,
                borderwidth=1.5 if target else 1,
                borderpad=4,
                bgcolor="rgba(255, 255, 255, 0.85)",
            )
    suffix = "" if high_is_need else " – lav verdi = høyt behov (aksen er snudd)"
    figure.update_xaxes(
        title_text=value_label + suffix,
        ticksuffix=" %",
        autorange="reversed" if not high_is_need else True,
        showgrid=True,
        gridcolor="#e5e5e5",
    )
    # no rangemode="tozero": municipalities with zero reach would be cut in half at the axis
    figure.update_yaxes(
        title_text=reach_label,
        zeroline=True,
        ticksuffix=" kr" if reach == "kr_per_barn" else "",
        tickformat=",.0f",
    )
    figure.update_layout(legend={"itemsizing": "constant"})
    return name_need_reach_outliers(
        figure,
        data,
        centre=(need_threshold, reach_threshold),
        high_is_need=high_is_need,
        sizeref=2 * biggest / MARKER_MAX_PX**2,
        sizemin=MARKER_MIN_PX,
    )


def spread_trend(frame: pd.DataFrame, *, main: str = "forhold") -> go.Figure:
    """Spread between municipalities per year: P90/P10 (main line) with P90 − P10 in the hover,
    or the other way round.

    Args:
        frame: `aar`, `forhold` (P90/P10), `differanse` (P90 − P10, percentage points), `p10`,
            `p90`, `antall` (municipalities with a value). NaN years are gaps.
        main: `forhold` or `differanse`: which measure is the line.

    Returns:
        A line figure over the years.
    """
    if frame.empty or frame[main].isna().all():
        return empty_figure("For få kommuner med tall til å beregne spredning")
    ratio = "P90/P10: %{customdata[0]:.2f}"
    difference = "P90 − P10: %{customdata[1]:.1f} prosentpoeng"
    lines = [ratio, difference] if main == "forhold" else [difference, ratio]
    name = "P90/P10 (forhold)" if main == "forhold" else "P90 − P10 (prosentpoeng)"
    figure = go.Figure(
        go.Scatter(
            x=frame.aar,
            y=frame[main],
            mode="lines+markers",
            name=name,
            line={"color": PALETTE[0], "width": 3},
            marker={"size": 9},
            connectgaps=False,
            customdata=frame[["forhold", "differanse", "p10", "p90", "antall"]].to_numpy(),
            hovertemplate=(
                "<br>".join(
                    [
                        f"<b>{lines[0]}</b>",
                        lines[1],
                        "P10: %{customdata[2]:.1f} % · P90: %{customdata[3]:.1f} %",
                        "%{customdata[4]} kommuner med tall",
                    ]
                )
                + "<extra>%{x}</extra>"
            ),
        )
    )
    top = float(frame[main].max())
    if main == "forhold":
        figure.add_hline(
            y=1,
            line_color=NEUTRAL,
            line_dash="dot",
            line_width=1,
            annotation_text="1 = ingen forskjell",
            annotation_position="bottom right",
        )
        figure.update_yaxes(
            title_text="P90/P10 (forhold)", range=[0.9, max(2.0, top * 1.15)], tickformat=".1f"
        )
    else:
        figure.update_yaxes(title_text="P90 − P10 (prosentpoeng)", range=[0, top * 1.15])
    figure.update_layout(showlegend=False)
    return year_axis(figure)
