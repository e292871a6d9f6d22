"""Dekning's figure functions with tiny frames and a tiny GeoJSON."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import pytest

import loftet.theme  # noqa: F401 — the template with Norwegian separators
from loftet.figures.coverage import county_participation, national_share
from loftet.figures.map_style import (
    CLASS_COLOURS,
    INSET_GEO,
    MAP_SEQUENTIAL,
    PROJECTION,
    ZERO_COLOUR,
)
from loftet.figures.map_traces import class_breaks
from loftet.figures.maps import coverage_map
from loftet.theme import HIGHLIGHT, NATIONAL, NEUTRAL, PALETTE

NBSP = "\u00a0"


def hover(trace: go.Choropleth, index: int = 0) -> str:
    """The hover text the browser shows for point `index`: the template filled in the way
    plotly.js fills `%{customdata[k]}`."""
    text = trace.hovertemplate.removesuffix("<extra></extra>")
    for k, value in enumerate(trace.customdata[index]):
        text = text.replace(f"%{{customdata[{k}]}}", str(value))
    assert "%{" not in text
    return text.replace(NBSP, " ")


def square(x: float, y: float, size: float = 1.0) -> list:
    """A clockwise ring (the winding plotly's geo expects for small polygons)."""
    return [[[x, y], [x, y + size], [x + size, y + size], [x + size, y], [x, y]]]


def geojson() -> dict:
    return {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "id": number,
                "properties": {},
                "geometry": {"type": "Polygon", "coordinates": square(10 + i, 60)},
            }
            for i, number in enumerate(["0001", "0002", "0003"])
        ],
    }


COUNTY = {
    "type": "Feature",
    "id": "01",
    "properties": {},
    "geometry": {"type": "Polygon", "coordinates": square(10, 60, 3.0)},
}


def areas() -> pd.DataFrame:
    """Three areas: one takes part, one does not, one has no units at all."""
    return pd.DataFrame(
        {
            "kart_id": ["0001", "0002", "0003"],
            "profil": ["0001", "0002", "0003"],
            "kommune": ["Nordby", "Sørby", "Tomby"],
            "fylke_navn": ["Testfylke"] * 3,
            "enheter": [12, 4, 0],
            "enheter_naadd": [9, 0, 0],
            "deltakere": [1234, 0, 0],
            "innvilget_kr": [1_250_000, 0, 0],
            "deltar": [True, False, False],
            "helt_lag": [True, False, False],
            "andel_naadd": [75.0, 0.0, float("nan")],
            "deltakere_per_1000": [12.5, 0.0, float("nan")],
            "kr_per_barn": [1250.0, 0.0, float("nan")],
        }
    )


def flat_colour(trace: go.Choropleth) -> str:
    scale = trace.colorscale
    assert scale[0][1] == scale[-1][1]
    return scale[0][1]


def test_takes_part_is_two_colours_and_grey_for_no_units() -> None:
    figure = coverage_map(areas(), geojson(), metric="deltar")
    assert [t.type for t in figure.data] == ["choropleth"] * 3
    names = [t.name for t in figure.data]
    assert names == ["Deltar", "Deltar ikke", "Ingen enheter i utvalget"]
    assert [list(t.locations) for t in figure.data] == [["0001"], ["0002"], ["0003"]]
    assert [flat_colour(t) for t in figure.data] == [PALETTE[0], PALETTE[1], NEUTRAL]
    assert all(t.showlegend and t.showscale is False for t in figure.data)
    # each trace carries only its own features, so the geometry is sent once
    assert [[f["id"] for f in t.geojson["features"]] for t in figure.data] == [
        ["0001"],
        ["0002"],
        ["0003"],
    ]
    assert all(t.featureidkey == "id" for t in figure.data)
    # the profile number comes first in customdata: a click opens the profile
    assert [row[0] for row in figure.data[0].customdata] == ["0001"]


def test_whole_team_legend_in_norwegian() -> None:
    figure = coverage_map(areas(), geojson(), metric="helt_lag")
    assert [t.name for t in figure.data] == ["Hele laget", "Ikke hele laget"]
    assert "Hele laget (barnehage, skole og PPT i samme tiltak): ja" in hover(figure.data[0])


def by_location(figure: go.Figure, location: str) -> go.Choropleth:
    return next(t for t in figure.data if t.type == "choropleth" and location in t.locations)


def test_sliding_scale_has_colour_bar_zero_in_its_own_colour_and_missing_grey() -> None:
    figure = coverage_map(areas(), geojson(), metric="kr_per_barn", scale="glidende")
    zero, data, missing = figure.data
    assert list(data.locations) == ["0001"] and list(data.z) == [1250.0]
    assert data.colorscale == tuple(tuple(step) for step in MAP_SEQUENTIAL)
    assert data.colorscale[0][1] != "#ffffff" and data.colorscale[0][1] == CLASS_COLOURS[0]
    assert data.colorbar.title.text == "Kr per barn<br>og elev"
    assert data.colorbar.ticksuffix == " kr" and data.zmin == 0
    assert data.zmax == pytest.approx(0.95 * 1250)  # 95th percentile of [0, 1250]
    assert list(zero.locations) == ["0002"] and flat_colour(zero) == ZERO_COLOUR
    assert zero.name == "Ingen (0)" and zero.showlegend
    assert list(missing.locations) == ["0003"] and flat_colour(missing) == NEUTRAL
    assert missing.name == "Ingen data" and missing.showlegend
    assert "ingen data" in hover(missing)


def test_share_metric_sliding_scale_is_0_to_100() -> None:
    figure = coverage_map(areas(), geojson(), metric="andel_naadd", scale="glidende")
    data = by_location(figure, "0001")
    assert (data.zmin, data.zmax) == (0, 100)
    assert data.colorbar.ticksuffix == " %"


def test_class_breaks_are_rounded_quantiles_ending_at_the_largest_value() -> None:
    values = pd.Series([0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0, 123.4])
    breaks = class_breaks(values)
    assert breaks[-1] == 123.4 and len(breaks) == 5
    assert breaks == sorted(breaks) and len(set(breaks)) == len(breaks)
    assert class_breaks(pd.Series([0.0, 0.0])) == []
    assert class_breaks(pd.Series([5.0, 5.0, 5.0])) == [5.0]


def test_classed_scale_is_the_default_with_a_legend_per_class_and_zero_visible() -> None:
    frame = areas().assign(kart_id=["0001", "0002", "0003"])
    figure = coverage_map(frame, geojson(), metric="andel_naadd")
    names = [t.name for t in figure.data]
    assert names[0] == "Ingen (0)" and flat_colour(figure.data[0]) == ZERO_COLOUR
    classed = [t for t in figure.data[1:] if t.name != "Ingen data"]
    assert len(classed) == 1 and flat_colour(classed[0]) in CLASS_COLOURS
    assert classed[0].name.replace(NBSP, " ") == "0–75 %"
    assert all(t.showscale is False for t in figure.data)


def test_names_are_written_on_a_one_county_map_only_when_asked() -> None:
    named = coverage_map(areas(), geojson(), metric="deltar", names=True)
    text = next(t for t in named.data if t.type == "scattergeo")
    assert list(text.text) == ["Nordby", "Sørby", "Tomby"] and text.mode == "text"
    assert not any(t.type == "scattergeo" for t in coverage_map(areas(), geojson()).data)


def test_names_that_would_overlap_are_left_out_larger_areas_first() -> None:
    from loftet.figures.map_labels import label_points

    big = {
        "type": "Feature",
        "id": "A",
        "properties": {},
        "geometry": {"type": "Polygon", "coordinates": square(10, 60, 1.0)},
    }
    small = {
        "type": "Feature",
        "id": "B",
        "properties": {},
        "geometry": {"type": "Polygon", "coordinates": square(11.0, 60.4, 0.2)},
    }
    far = {
        "type": "Feature",
        "id": "C",
        "properties": {},
        "geometry": {"type": "Polygon", "coordinates": square(20, 70, 0.5)},
    }
    shapes = {"type": "FeatureCollection", "features": [small, big, far]}
    points = label_points(shapes, ["A", "B", "C"], ["Storkommunen", "Småby", "Fjernby"])
    assert set(points) == {"A", "C"}


def test_hover_has_key_numbers_in_norwegian_format() -> None:
    figure = coverage_map(areas(), geojson(), metric="kr_per_barn")
    text = hover(by_location(figure, "0001"))
    assert text.startswith("<b>Nordby</b><br>Testfylke")
    assert "Enheter nådd: 9 av 12" in text
    assert "Deltakelser: 1 234" in text
    assert "Innvilget: 1 250 000 kr" in text
    assert "Innvilget per barn og elev: 1 250 kr" in text
    # labels are written once per trace, not once per area
    assert "Enheter nådd: %{customdata[3]}" in figure.data[0].hovertemplate
    per_1000 = by_location(coverage_map(areas(), geojson(), metric="deltakere_per_1000"), "0001")
    assert "Deltakelser per 1 000 barn og elever: 12,5" in hover(per_1000)


def test_geo_layout_hides_base_map_and_fits_locations() -> None:
    geo = coverage_map(areas(), geojson()).layout.geo
    # features without a bbox: plotly fits the map to them
    assert geo.visible is False and geo.fitbounds == "locations"
    assert geo.projection.type == PROJECTION["type"] == "conic conformal"
    assert geo.projection.rotation.lon is None and geo.projection.scale is None


def test_map_fills_its_figure_from_the_areas_bounding_boxes() -> None:
    shapes = geojson()
    for i, feature in enumerate(shapes["features"]):
        feature["bbox"] = [10 + i, 60, 11 + i, 61]
    geo = coverage_map(areas().iloc[:2], shapes).layout.geo
    assert geo.fitbounds is False
    # areas 0001 and 0002 span 10–12 °E, 60–61 °N; a 1 % margin round them
    assert geo.lonaxis.range == pytest.approx((9.98, 12.02))
    assert geo.lataxis.range == pytest.approx((59.99, 61.01))


def test_unknown_metric_falls_back_to_takes_part() -> None:
    names = [t.name for t in coverage_map(areas(), geojson(), metric="tull").data]
    assert names[0] == "Deltar"


def test_county_outlines_drawn_on_top_without_hover() -> None:
    counties = {"type": "FeatureCollection", "name": "fylker_2024", "features": [COUNTY]}
    figure = coverage_map(areas(), geojson(), counties=counties)
    outline = figure.data[-1]
    assert outline.type == "choropleth" and outline.hoverinfo == "skip"
    assert list(outline.locations) == ["01"] and outline.geojson["name"] == "fylker_2024"
    assert flat_colour(outline) == "rgba(0,0,0,0)" and outline.marker.line.width > 0.5
    assert not outline.showlegend and outline.showscale is False


def fjord_areas() -> tuple[pd.DataFrame, dict]:
    """The three areas, the first and the last centred by the Oslofjord."""
    shapes = geojson()
    boxes = [[10.6, 59.5, 10.8, 59.7], [5.2, 60.3, 5.4, 60.5], [10.1, 59.0, 10.3, 59.2]]
    for feature, box in zip(shapes["features"], boxes, strict=True):
        feature["bbox"] = box
    return areas(), shapes


def test_inset_repeats_the_fjord_areas_in_their_colours_without_legend() -> None:
    frame, shapes = fjord_areas()
    figure = coverage_map(frame, shapes, metric="andel_naadd", inset=True)
    main = [t for t in figure.data if t.type == "choropleth" and t.geo == "geo"]
    inset = [t for t in figure.data if t.type == "choropleth" and t.geo == INSET_GEO]
    # 0001 (75 %) and 0003 (no data) lie by the fjord; 0002 (Bergen's coast) does not
    assert sorted(loc for t in inset for loc in t.locations) == ["0001", "0003"]
    for trace in inset:
        twin = next(t for t in main if t.name == trace.name)
        assert twin.colorscale == trace.colorscale and not trace.showlegend
        assert hover(trace) == hover(twin, list(twin.locations).index(trace.locations[0]))
    geo2 = figure.layout[INSET_GEO]
    assert geo2.showframe and geo2.visible is False and geo2.projection.type == PROJECTION["type"]
    title = next(t for t in figure.data if t.type == "scattergeo" and t.geo == INSET_GEO)
    assert list(title.text) == ["<b>Oslofjorden</b>"] and title.mode == "text"
    assert not any(t.geo == INSET_GEO for t in coverage_map(frame, shapes).data)


def test_empty_frame_gives_empty_figure() -> None:
    figure = coverage_map(areas().iloc[0:0], geojson())
    assert len(figure.data) == 0
    assert figure.layout.annotations[0].text == "Ingen data for valgt utvalg"


def counties() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "fylke": ["46", "03", "32"],
            "fylke_navn": ["Vestland", "Oslo", "Akershus"],
            "kommuner": [4, 1, 5],
            "deltar": [1, 1, 2],
            "andel_deltar": [25.0, 100.0, 40.0],
        }
    )


def test_county_bars_sorted_with_highlight_and_national_line() -> None:
    figure = county_participation(counties(), highlight="32")
    bar = figure.data[0]
    assert bar.type == "bar" and bar.orientation == "h"
    assert list(bar.y) == ["Vestland", "Akershus", "Oslo"]  # highest at the top
    assert list(bar.marker.color) == [PALETTE[0], HIGHLIGHT, PALETTE[0]]
    assert [t.replace(NBSP, " ") for t in bar.text] == ["25,0 %", "40,0 %", "100,0 %"]
    assert national_share(counties()) == pytest.approx(40.0)
    line = figure.layout.shapes[0]
    assert (line.x0, line.x1) == (pytest.approx(40.0), pytest.approx(40.0))
    assert line.line.color == NATIONAL
    assert figure.layout.annotations[0].text.replace(NBSP, " ") == "Hele landet: 40,0 %"
    assert "%{x:.1f} %" in bar.hovertemplate
    assert figure.layout.xaxis.ticktext[-1].replace(NBSP, " ") == "100 %"


def test_county_bars_empty() -> None:
    assert len(county_participation(counties().iloc[0:0]).data) == 0
