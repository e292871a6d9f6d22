"""The national reference drawn on a figure (`add_national_reference`), on tiny figures."""

from __future__ import annotations

import plotly.graph_objects as go

from loftet.figures.references import (
    LABEL_WIDTH,
    NATIONAL_NAME,
    NationalReference,
    add_national_reference,
)


def area_bars() -> go.Figure:
    figure = go.Figure(
        go.Bar(x=[5.0, 1.0, 3.0], y=["A", "B", "C"], orientation="h", texttemplate="%{x:.1f}")
    )
    return figure.update_yaxes(categoryorder="array", categoryarray=["B", "C", "A"])


def test_a_level_is_a_dashed_line_behind_the_bars_with_a_legend_label() -> None:
    figure = add_national_reference(
        go.Figure(go.Bar(x=["2021", "2022"], y=[1, 2], texttemplate="%{y}")),
        NationalReference("Hele landet: 1,5", value=1.5),
    )
    (line,) = [s for s in figure.layout.shapes if s.name == NATIONAL_NAME]
    assert (line.y0, line.layer, line.line.dash) == (1.5, "below", "dash")
    assert "Hele landet: 1,5" in [t.name for t in figure.data]


def test_ticks_sit_in_their_own_row_and_values_move_clear_of_them() -> None:
    # A: tick 5.1 stands in the text after the bar end (5.0) -> the value moves past it;
    # B: tick 4.0 is far right of the bar end (1.0) -> the value stays at the bar;
    # C: tick 2.0 is inside the bar -> the value stays at the bar end (3.0).
    ticks = {"A": 5.1, "B": 4.0, "C": 2.0}
    assert 5.0 + LABEL_WIDTH * 5.1 > 5.1 and 1.0 + LABEL_WIDTH * 5.1 < 4.0
    figure = add_national_reference(
        area_bars(), NationalReference("Som landet", kind="ticks", per_category=ticks)
    )
    rows = {"B": 0, "C": 1, "A": 2}
    drawn = {
        name: (s.x0, s.y0, s.y1)
        for name, row in rows.items()
        for s in figure.layout.shapes
        if s.name == NATIONAL_NAME and s.y0 < row < s.y1
    }
    assert {name: x for name, (x, _, _) in drawn.items()} == ticks
    assert all(y1 - y0 < 1 for _, y0, y1 in drawn.values())  # within the row
    (values,) = [t for t in figure.data if t.type == "scatter" and t.mode == "text"]
    assert dict(zip(values.y, values.x, strict=True)) == {"A": 5.1, "B": 1.0, "C": 3.0}
    assert list(values.customdata) == [5.0, 1.0, 3.0]  # the text still says the bar's value
    assert not figure.data[0].texttemplate


def test_a_note_on_a_map_adds_no_xy_axes() -> None:
    figure = go.Figure(go.Choropleth(locations=["0301"], z=[1.0]))
    add_national_reference(figure, NationalReference("Hele landet: 64 %", kind="note"))
    assert [t.type for t in figure.data] == ["choropleth", "scattergeo"]
    assert figure.data[1].name == "Hele landet: 64 %"


def test_no_reference_leaves_the_figure_alone() -> None:
    figure = area_bars()
    assert add_national_reference(figure, None).to_dict() == area_bars().to_dict()
