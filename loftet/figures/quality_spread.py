"""Figure for Kvalitet: the spread between municipalities (P10–P90) per year."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from loftet.figures.common import empty_figure, year_axis
from loftet.theme import NEUTRAL, PALETTE


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
