"""Coverage bars: how many municipalities take part, county by county."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from loftet.figures.common import empty_figure, labels_clear_of_lines
from loftet.formatting import pct
from loftet.theme import HIGHLIGHT, NATIONAL, PALETTE


def national_share(frame: pd.DataFrame) -> float | None:
    """Share (percent) of all municipalities in `frame`'s counties that take part."""
    total = frame.kommuner.sum()
    return float(100 * frame.deltar.sum() / total) if total else None


def county_participation(frame: pd.DataFrame, *, highlight: str | None = None) -> go.Figure:
    """Horizontal bars: share of municipalities taking part per county, highest on top, with
    the national level as a dashed line.

    Args:
        frame: one row per county with `fylke`, `fylke_navn`, `kommuner`, `deltar` and
            `andel_deltar` (percent).
        highlight: county number drawn in the highlight colour (the chosen county).

    Returns:
        The bar figure; `empty_figure()` when there are no counties.
    """
    if frame.empty:
        return empty_figure()
    ordered = frame.sort_values(["andel_deltar", "fylke_navn"], ascending=[True, False])
    colours = [HIGHLIGHT if f == highlight else PALETTE[0] for f in ordered.fylke]
    figure = go.Figure(
        go.Bar(
            x=ordered.andel_deltar,
            y=ordered.fylke_navn,
            orientation="h",
            marker={"color": colours},
            text=[pct(v) for v in ordered.andel_deltar],
            textposition="outside",
            cliponaxis=False,
            customdata=ordered[["deltar", "kommuner"]].to_numpy(),
            hovertemplate=(
                "<b>%{y}</b><br>%{x:.1f} % av kommunene deltar<br>"
                "%{customdata[0]} av %{customdata[1]} kommuner<extra></extra>"
            ),
            showlegend=False,
        )
    )
    national = national_share(frame)
    if national is not None:
        # The label sits on the side of the line with room for it.
        figure.add_vline(
            x=national,
            line={"color": NATIONAL, "dash": "dash", "width": 2},
            annotation={
                "text": f"Hele landet: {pct(national)}",
                "yanchor": "bottom",
                "xanchor": "right" if national > 50 else "left",
            },
            annotation_position="top",
        )
    ticks = [0, 25, 50, 75, 100]
    figure.update_xaxes(
        range=[0, 110],
        tickvals=ticks,
        ticktext=[pct(t, 0) for t in ticks],
        title_text="Andel kommuner som deltar",
        showgrid=True,
    )
    figure.update_yaxes(title_text="", showgrid=False, dtick=1)  # every county named
    figure.update_layout(margin={"l": 10, "r": 20, "t": 40, "b": 50}, bargap=0.25)
    return labels_clear_of_lines(figure)
