"""The print layout without a browser: categories found on every kind of axis, heights that
grow with them, fixed slides, and the overlap check that the SVG tests rely on."""

from __future__ import annotations

import plotly.graph_objects as go

from loftet.export.categories import axis_categories, chart_categories
from loftet.export.layout import HEIGHT_PX, print_figure, print_height_px
from loftet.export.presets import PRESETS, SLIDE, WIDE
from tests.svg_boxes import Box, overlapping

NAMES = [f"Kommune {n}" for n in range(46)]


def ranking(names: list[str]) -> go.Figure:
    return go.Figure(
        go.Bar(
            x=list(range(len(names))),
            y=names,
            orientation="h",
            text=[f"{n} %" for n in range(len(names))],
        )
    )


def printed(figure: go.Figure, preset: str = "rapport") -> go.Figure:
    return print_figure(
        figure, title="T", subtitle="S", source="Kilde: x.", demo=True, preset=PRESETS[preset]
    )


def test_categories_are_found_on_bars_heatmaps_and_box_plots_but_not_on_numbers() -> None:
    heat = go.Figure(go.Heatmap(z=[[1, 2], [3, 4]], x=["Oslo", "Agder"], y=["ADHD", "Autisme"]))
    boxes = go.Figure(go.Box(x=[1, 2, 3], y=["Troms"] * 3, orientation="h"))
    years = go.Figure(go.Bar(x=[2021, 2022], y=[5, 6]))
    assert axis_categories(heat) == {"xaxis": ["Oslo", "Agder"], "yaxis": ["ADHD", "Autisme"]}
    assert chart_categories(boxes) == ["Troms"]
    assert chart_categories(years) == []


def test_a_long_ranking_grows_and_ticks_every_category() -> None:
    short = printed(ranking(NAMES[:5]))
    long = printed(ranking(NAMES))
    assert short.layout.height == HEIGHT_PX
    assert long.layout.height > 46 * 11 * 1.4
    assert list(long.layout.yaxis.tickvals) == NAMES


def test_wide_preset_is_24_cm_and_slide_keeps_16_to_9_with_smaller_row_labels() -> None:
    wide = printed(ranking(NAMES), "bred")
    slide = printed(ranking(NAMES), "lysbilde")
    assert wide.layout.width == WIDE.width_px == 907
    assert (
        (slide.layout.width, slide.layout.height)
        == (1280, 720)
        == (SLIDE.width_px, SLIDE.height_px)
    )
    assert slide.layout.yaxis.tickfont.size < SLIDE.font_px
    assert slide.data[0].textfont.size <= slide.layout.yaxis.tickfont.size


def test_crowded_column_labels_stand_upright() -> None:
    counties = [f"Fylke med langt navn {n}" for n in range(15)]
    fig = printed(go.Figure(go.Bar(x=counties, y=list(range(15)))))
    assert fig.layout.xaxis.tickangle == -90
    assert printed(go.Figure(go.Bar(x=["A", "B"], y=[1, 2]))).layout.xaxis.tickangle == 0


def test_overlap_check_finds_touching_texts_and_ignores_neighbours() -> None:
    a, b = Box("Oslo", 0, 0, 40, 12), Box("Agder", 30, 5, 70, 17)
    c = Box("Troms", 40.5, 0, 80, 12)
    assert overlapping([a, b]) == [("Oslo", "Agder")]
    assert overlapping([a, c]) == []


def test_a_long_table_makes_the_print_figure_taller() -> None:
    def table(rows: int) -> go.Figure:
        return go.Figure(go.Table(header={"values": ["A"]}, cells={"values": [list(range(rows))]}))

    report = PRESETS["rapport"]
    assert print_height_px(table(3), report) == report.height_px
    assert print_height_px(table(11), report) > report.height_px
    assert print_height_px(table(12), report) > print_height_px(table(11), report)
