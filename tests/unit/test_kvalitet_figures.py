"""Kvalitet figure functions, called directly with tiny frames."""

from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go

import loftet.theme  # noqa: F401 — registers the template
from loftet.figures.quality import BOX_KEY, POINT_KEY, county_distribution, ranking_bars
from loftet.figures.quality_reach import need_reach_scatter
from loftet.figures.quality_spread import spread_trend
from loftet.queries.quality_reach import classify_quadrants
from loftet.theme import HIGHLIGHT, NATIONAL, PALETTE

NAN = float("nan")
COUNTIES = {"46": "Vestland", "03": "Oslo", "11": "Rogaland"}


def is_empty(figure: go.Figure) -> bool:
    return not figure.data and bool(figure.layout.annotations)


def legend_names(figure: go.Figure) -> list[str]:
    return [t.name for t in figure.data if t.showlegend is not False and t.name]


def test_county_distribution_one_box_per_county_without_missing() -> None:
    frame = pd.DataFrame(
        {
            "fylke": ["46", "46", "46", "03", "11"],
            "kommune": ["Bergen", "Askøy", "Fjell", "Oslo", "Stavanger"],
            "verdi": [7.5, 10.0, NAN, 6.0, NAN],
        }
    )
    figure = county_distribution(
        frame,
        national_level=7.5,
        county_names=COUNTIES,
        highlight_county="46",
        value_label="SPESUND 2021",
    )
    boxes = [t for t in figure.data if isinstance(t, go.Box) and t.name != BOX_KEY]
    # a key says how to read the boxes and the points
    assert {BOX_KEY, POINT_KEY} <= set(legend_names(figure))
    # Rogaland has only a suppressed value: no row; Vestland's NaN is left out, never 0
    assert [b.name for b in boxes] == ["Oslo", "Vestland"]  # ordered by median, highest last
    vestland = boxes[1]
    assert list(vestland.x) == [7.5, 10.0] and vestland.orientation == "h"
    assert vestland.marker.color == HIGHLIGHT and boxes[0].marker.color == PALETTE[0]
    assert vestland.boxpoints == "all" and vestland.hoveron == "points"
    assert "%{x:.1f} %" in vestland.hovertemplate
    assert figure.layout.shapes[0].x0 == 7.5 and figure.layout.shapes[0].line.color == NATIONAL
    assert "Landsnivå 7,5\u00a0%" in legend_names(figure)
    assert figure.layout.xaxis.title.text == "SPESUND 2021"


def test_county_distribution_empty() -> None:
    frame = pd.DataFrame({"fylke": ["46"], "kommune": ["Bergen"], "verdi": [NAN]})
    assert is_empty(county_distribution(frame, national_level=None, county_names=COUNTIES))


def ranking_frame(gruppe: list) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "kommune": ["Askøy", "Bergen", "Oslo", "Bærum"],
            "fylke_navn": ["Vestland", "Vestland", "Oslo", "Akershus"],
            "verdi": [9.0, 8.0, 6.4, 5.0],
            "rang": [1, 2, 3, 4],
            "antall_rangert": [4] * 4,
            "gruppe": gruppe,
        }
    )


def test_ranking_bars_nation_has_highest_and_lowest_groups() -> None:
    frame = ranking_frame(["Høyest", "Høyest", "Lavest", "Lavest"])
    figure = ranking_bars(frame, national_level=6.72, band=(5.42, 8.7))
    bars = [t for t in figure.data if isinstance(t, go.Bar)]
    assert [b.name for b in bars] == ["2 høyeste", "2 laveste"]
    assert list(bars[0].y) == ["Askøy", "Bergen"] and list(bars[1].x) == [6.4, 5.0]
    assert bars[0].texttemplate == "%{x:.1f} %" and "Nr. %{customdata[1]}" in bars[0].hovertemplate
    assert figure.layout.yaxis.autorange == "reversed"
    assert list(figure.layout.yaxis.categoryarray) == ["Askøy", "Bergen", "Oslo", "Bærum"]
    kinds = {(s.type, s.x0) for s in figure.layout.shapes}
    assert ("rect", 5.42) in kinds and ("line", 6.72) in kinds
    assert any(s.y0 == 1.5 for s in figure.layout.shapes)  # the separator between groups
    assert "P10–P90 i landet" in legend_names(figure)


def test_ranking_bars_county_is_highlighted() -> None:
    figure = ranking_bars(ranking_frame([None] * 4), national_level=6.72, highlight_name="Vestland")
    bars = [t for t in figure.data if isinstance(t, go.Bar)]
    assert len(bars) == 1 and bars[0].name == "Vestland" and bars[0].marker.color == HIGHLIGHT


def scatter_frame(high_is_need: bool) -> pd.DataFrame:
    frame = pd.DataFrame(
        {
            "kommune": ["A", "B", "C", "D", "E"],
            "fylke": ["46"] * 5,
            "verdi": [9.0, 9.5, 3.0, 3.0, NAN],
            "rekkevidde": [1.0, 2.0, 8.0, 1.0, 5.0],
            "barn_elever": [100, 400, 2500, 50, 10],
        }
    )
    return classify_quadrants(frame, 5.0, 4.0, high_is_need)


def test_need_reach_scatter_highlights_high_need_low_reach() -> None:
    figure = need_reach_scatter(
        scatter_frame(True),
        need_threshold=5.0,
        reach_threshold=4.0,
        reach="kr_per_barn",
        value_label="SPESUND 2022",
    )
    points = {t.name: t for t in figure.data if t.mode == "markers"}
    target = points["Høyt behov, lite nådd (2)"]
    assert target.marker.color == HIGHLIGHT and list(target.x) == [9.0, 9.5]
    assert "Lavt behov, godt nådd (1)" in points and "Lavt behov, lite nådd (1)" in points
    assert sum(len(t.x) for t in points.values()) == 4  # E has no value: left out
    assert "%{y:,.0f} kr per barn/elev" in target.hovertemplate
    assert "%{x:.1f} %" in target.hovertemplate
    low, high = figure.layout.xaxis.range  # fixed so the names placed next to points hold
    assert low < 4.0 and high > 9.5  # every point inside, high need on the right
    kinds = {(s.type, s.x0, s.y0) for s in figure.layout.shapes}
    assert any(x0 == 5.0 for _, x0, _ in kinds) and any(y0 == 4.0 for _, _, y0 in kinds)
    labels = [a.text for a in figure.layout.annotations]
    assert "<b>Høyt behov, lite nådd</b>" in labels and "Lavt behov, godt nådd" in labels
    assert "Median rekkevidde 4 kr" in legend_names(figure)


def test_need_reach_scatter_reverses_axis_when_low_value_is_need() -> None:
    figure = need_reach_scatter(
        scatter_frame(False),
        need_threshold=5.0,
        reach_threshold=4.0,
        high_is_need=False,
        value_label="PPT_FRIST",
    )
    points = {t.name: t for t in figure.data if t.mode == "markers"}
    assert list(points["Høyt behov, lite nådd (1)"].x) == [3.0]
    left, right = figure.layout.xaxis.range
    assert left > right  # reversed: low values (high need) on the right
    assert "lav verdi = høyt behov" in figure.layout.xaxis.title.text
    assert "%{y:.1f} deltakere per 1000" in points["Høyt behov, lite nådd (1)"].hovertemplate


def test_need_reach_scatter_empty() -> None:
    frame = scatter_frame(True).assign(kvadrant=None)
    assert is_empty(need_reach_scatter(frame, need_threshold=5.0, reach_threshold=4.0))


def spread_frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "aar": [2020, 2021, 2022],
            "antall": [2, 3, 4],
            "p10": [NAN, 6.3, 5.42],
            "p90": [NAN, 9.5, 8.7],
            "forhold": [NAN, 9.5 / 6.3, 8.7 / 5.42],
            "differanse": [NAN, 3.2, 3.28],
        }
    )


def test_spread_trend_ratio_line_with_difference_in_hover() -> None:
    figure = spread_trend(spread_frame())
    line = figure.data[0]
    assert list(line.x) == [2020, 2021, 2022] and math.isnan(line.y[0])
    assert line.y[2] == 8.7 / 5.42 and line.connectgaps is False
    assert "<b>P90/P10: %{customdata[0]:.2f}</b>" in line.hovertemplate
    assert "P90 − P10: %{customdata[1]:.1f} prosentpoeng" in line.hovertemplate
    assert figure.layout.yaxis.title.text == "P90/P10 (forhold)"
    assert figure.layout.xaxis.tickformat == "d"


def test_spread_trend_difference_as_main_line_and_empty() -> None:
    figure = spread_trend(spread_frame(), main="differanse")
    assert list(figure.data[0].y)[1:] == [3.2, 3.28]
    assert figure.layout.yaxis.title.text == "P90 − P10 (prosentpoeng)"
    empty = spread_frame().assign(forhold=NAN)
    assert is_empty(spread_trend(empty))


def test_ranking_has_no_box_plot_key() -> None:
    frame = pd.DataFrame(
        {
            "kommune": ["Bergen", "Askøy"],
            "fylke_navn": ["Vestland"] * 2,
            "verdi": [9.0, 7.0],
            "rang": [1, 2],
            "antall_rangert": [2, 2],
        }
    )
    figure = ranking_bars(frame, national_level=8.0, highlight_name="Vestland")
    assert BOX_KEY not in legend_names(figure) and POINT_KEY not in legend_names(figure)
