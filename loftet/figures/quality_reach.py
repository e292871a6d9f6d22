"""Figure for Kvalitet: need against reach per municipality, in four quadrants."""

from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go

from loftet.figures.common import empty_figure
from loftet.figures.point_labels import name_need_reach_outliers
from loftet.figures.quality import HOVER_VALUE_X, legend_line, national_line
from loftet.formatting import number
from loftet.theme import HIGHLIGHT, NATIONAL, NEUTRAL, PALETTE

REACH_HOVER = {
    "deltakere_per_1000": "%{y:.1f} deltakere per 1000 barn/elever",
    "kr_per_barn": "%{y:,.0f} kr per barn/elev",
}
MARKER_MAX_PX = 34
MARKER_MIN_PX = 5


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
    national_line(figure, need_threshold)
    if reach_threshold is not None and not math.isnan(reach_threshold):
        shown = (
            f"{number(reach_threshold, 1)} per 1000"
            if reach == "deltakere_per_1000"
            else f"{number(reach_threshold)} kr"
        )
        text = f"Median rekkevidde {shown}"
        figure.add_hline(y=reach_threshold, line_color=NATIONAL, line_dash="dot", line_width=2)
        legend_line(figure, text, NATIONAL, "dot")
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
                # No fill: the corners hold the extreme municipalities (high need and no
                # reach among them), which a filled caption would hide.
                bgcolor="rgba(255, 255, 255, 0)",
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
