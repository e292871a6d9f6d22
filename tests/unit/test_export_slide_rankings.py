"""Long rankings on a 16:9 slide export: the highest and lowest rows at a readable size,
said in the subtitle; short rankings and other presets keep every row."""

from __future__ import annotations

import plotly.graph_objects as go

from loftet.export.layout import print_figure
from loftet.export.presets import PRESETS
from loftet.export.rankings import READABLE_SLIDE_PX

NAMES = [f"Kommune {n:02d}" for n in range(46)]
"""Kommune NN has the value NN: the highest are 45 … 38, the lowest 00 … 07."""


def ranking(names: list[str], *, split: float | None = None) -> go.Figure:
    figure = go.Figure(
        [
            go.Bar(
                x=[float(name[-2:]) for name in names],
                y=names,
                orientation="h",
                name="46 høyeste",
                texttemplate="%{x:.1f} %",
                customdata=[[name, i] for i, name in enumerate(names)],
            ),
            go.Scatter(x=[None], y=[None], mode="lines", name="Landsnivå 8,0 %"),
        ]
    )
    figure.update_yaxes(categoryorder="array", categoryarray=names)
    if split is not None:
        figure.add_hline(y=split, line_dash="dot")
    return figure


def printed(figure: go.Figure, preset: str) -> go.Figure:
    return print_figure(
        figure,
        title="Rangering",
        subtitle="Vestland · 2024",
        source="Kilde: x.",
        demo=False,
        preset=PRESETS[preset],
    )


def all_text(figure: go.Figure) -> str:
    return str(figure.to_plotly_json())


def test_a_long_ranking_on_a_slide_shows_the_8_highest_and_8_lowest_and_says_so() -> None:
    slide = printed(ranking(NAMES), "lysbilde")
    shown = sorted(str(v) for v in slide.layout.yaxis.tickvals)
    expected = [f"Kommune {n:02d}" for n in [*range(0, 8), *range(38, 46)]]
    assert shown == expected
    bar = slide.data[0]
    assert sorted(bar.y) == expected and len(bar.x) == len(bar.customdata) == 16
    assert dict(zip(bar.y, bar.x, strict=True))["Kommune 45"] == 45.0  # values stay with names
    assert "Vestland · 2024 · 8 høyeste og 8 laveste av 46" in all_text(slide)
    assert "Landsnivå 8,0 %" in [t.name for t in slide.data]  # legend entries stay


def test_slide_row_labels_stay_readable() -> None:
    slide = printed(ranking(NAMES), "lysbilde")
    assert slide.layout.yaxis.tickfont.size >= READABLE_SLIDE_PX
    assert slide.data[0].textfont.size is None or slide.data[0].textfont.size >= READABLE_SLIDE_PX


def test_the_group_name_and_the_split_line_follow_the_cut() -> None:
    slide = printed(ranking(NAMES, split=22.5), "lysbilde")
    assert slide.data[0].name == "8 høyeste"
    lines = [s for s in slide.layout.shapes if s.type == "line" and s.yref == "y"]
    assert [(s.y0, s.y1) for s in lines] == [(7.5, 7.5)]


def test_reports_and_short_rankings_keep_every_row() -> None:
    report = printed(ranking(NAMES), "rapport")
    assert len(report.layout.yaxis.tickvals) == 46
    assert "høyeste og" not in all_text(report)
    short = printed(ranking(NAMES[:12]), "lysbilde")
    assert len(short.layout.yaxis.tickvals) == 12
    assert "høyeste og" not in all_text(short)
