"""Names on the need-vs-reach scatter's outliers: which municipalities are named, and that
names are placed apart (figure functions and the placement, called directly)."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

import loftet.theme  # noqa: F401 — registers the template
from loftet.figures.point_labels import POINT_NAME, crosses, cuts, place_names
from loftet.figures.quality_reach import need_reach_scatter
from loftet.queries.quality_reach import classify_quadrants

NEED, REACH = 10.0, 40.0
"""National level and median reach: the crossing of the split lines."""


def names(figure: go.Figure) -> set[str]:
    return {a.text for a in figure.layout.annotations if a.name == POINT_NAME}


def crowd_and_outliers(high_is_need: bool = True) -> pd.DataFrame:
    """Twelve municipalities close to the crossing, none of them high need and little reached,
    and three far out: one deep in the high-need, little-reached corner, two in other corners."""
    near = [(NEED - 0.2 - 0.1 * i, REACH - 2 + i % 4) for i in range(6)]
    near += [(NEED + 0.2 + 0.1 * i, REACH + 1 + i % 3) for i in range(6)]
    far = [(20.0, 2.0), (19.0, 95.0), (3.0, 90.0)]
    if not high_is_need:  # mirror: low values mean high need
        near = [(2 * NEED - x, y) for x, y in near]
        far = [(2 * NEED - x, y) for x, y in far]
    points = near + far
    frame = pd.DataFrame(
        {
            "kommune": [f"Nær {i}" for i in range(12)] + ["Djupvik", "Høgfjell", "Lavøy"],
            "fylke": ["34"] * 15,
            "verdi": [x for x, _ in points],
            "rekkevidde": [y for _, y in points],
            "barn_elever": [500] * 15,
        }
    )
    return classify_quadrants(frame, NEED, REACH, high_is_need)


def scatter(frame: pd.DataFrame, high_is_need: bool = True) -> go.Figure:
    return need_reach_scatter(
        frame, need_threshold=NEED, reach_threshold=REACH, high_is_need=high_is_need
    )


def test_the_municipalities_far_out_in_the_corners_are_named_and_the_crowd_is_not() -> None:
    frame = crowd_and_outliers()
    assert (frame.kvadrant == "Høyt behov, lite nådd").sum() == 1  # only Djupvik
    assert names(scatter(frame)) == {"Djupvik", "Høgfjell", "Lavøy"}


def test_names_follow_need_when_the_axis_is_reversed() -> None:
    frame = crowd_and_outliers(high_is_need=False)
    assert names(scatter(frame, high_is_need=False)) == {"Djupvik", "Høgfjell", "Lavøy"}


def test_at_most_five_names_three_of_them_in_the_target_corner() -> None:
    deep = pd.DataFrame(
        {
            "kommune": [f"Dyp {i}" for i in range(8)] + [f"Høy {i}" for i in range(8)],
            "fylke": ["34"] * 16,
            "verdi": [12.0 + i for i in range(8)] + [12.0 + i for i in range(8)],
            "rekkevidde": [30.0 - 3 * i for i in range(8)] + [50.0 + 5 * i for i in range(8)],
            "barn_elever": [500] * 16,
        }
    )
    named = names(scatter(classify_quadrants(deep, NEED, REACH, True)))
    # furthest out: the last ones of each list (higher value, further from the median reach)
    assert {n for n in named if n.startswith("Dyp")} <= {"Dyp 7", "Dyp 6", "Dyp 5"}
    assert {n for n in named if n.startswith("Høy")} <= {"Høy 7", "Høy 6"}
    assert "Dyp 7" in named and "Høy 7" in named and len(named) <= 5


def test_a_second_name_on_the_same_spot_goes_elsewhere_and_a_name_without_room_is_left_out() -> (
    None
):
    places = place_names([(200, 75, "Sted"), (200, 75, "Sted")], obstacles=[], size=(520, 150))
    first, second = places
    assert first is not None and second is not None and first != second
    crowded = place_names([(10, 10, "Et altfor langt kommunenavn")], obstacles=[], size=(60, 20))
    assert crowded == [None]


def test_names_keep_every_point_inside_the_fixed_axis_ranges() -> None:
    frame = crowd_and_outliers()
    figure = scatter(frame)
    (x0, x1), (y0, y1) = figure.layout.xaxis.range, figure.layout.yaxis.range
    assert x0 < frame.verdi.min() and x1 > frame.verdi.max()
    assert y0 < frame.rekkevidde.min() and y1 > frame.rekkevidde.max()


def test_leader_lines_that_cross_are_found_and_neighbours_are_not() -> None:
    assert crosses(((0, 0), (10, 10)), ((0, 10), (10, 0)))
    assert not crosses(((0, 0), (10, 0)), ((0, 5), (10, 5)))
    assert not crosses(((0, 0), (10, 10)), ((10, 10), (20, 0)))  # sharing an end


def test_a_leader_through_a_name_is_found() -> None:
    box = (10.0, 10.0, 50.0, 20.0)
    assert cuts(((0, 15), (60, 15)), box)  # straight through
    assert cuts(((0, 0), (20, 15)), box)  # ends inside
    assert not cuts(((0, 0), (60, 5)), box)  # passes above


def test_quadrant_captions_never_hide_the_points_under_them() -> None:
    """The corners hold the most extreme municipalities: a caption there is see-through."""
    figure = scatter(crowd_and_outliers())
    captions = [a for a in figure.layout.annotations if "nådd" in (a.text or "")]
    assert len(captions) == 4
    for caption in captions:
        colour = caption.bgcolor or "rgba(0, 0, 0, 0)"
        assert colour.replace(" ", "").endswith(",0)"), (caption.text, colour)
