"""Dekning's registered charts rendered from (filters, options), as every outlet renders them."""

from __future__ import annotations

import pytest

import loftet.theme  # noqa: F401
from loftet.charts import charts_for_page, get_chart, render, table_for_download
from loftet.figures.maps import COVERAGE_METRICS
from loftet.filters import Filters

MAX_MAP_JSON = 800_000
"""The complete figure with its geometry inline, as image export and the report pack draw it
(the browser gets the geometry by address instead: `test_dekning_map_payload.py`)."""


def municipalities(figure) -> list[str]:
    """The areas the national map draws (main map, not the inset or the county outlines)."""
    return [
        loc
        for t in figure.data
        if t.type == "choropleth" and t.geo == "geo" and t.name != "Fylkesgrenser"
        for loc in t.locations
    ]


def test_both_charts_registered_for_the_page() -> None:
    assert [c.id for c in charts_for_page("dekning")] == ["dekning-kart", "dekning-fylker"]


@pytest.mark.parametrize("struktur", [2024, 2020])
@pytest.mark.parametrize("maal", list(COVERAGE_METRICS))
def test_national_map_json_stays_under_800_kb(small_db: str, struktur: int, maal: str) -> None:
    _, figure = render("dekning-kart", Filters(aar=2022, struktur=struktur), {"maal": maal})
    size = len(figure.to_json().encode("utf-8"))
    assert size < MAX_MAP_JSON, f"{size} bytes"
    areas = municipalities(figure)
    assert len(areas) == len(set(areas)) == 356  # every area once (Haram inside Ålesund in 2024)
    outlines = next(t for t in figure.data if t.name == "Fylkesgrenser")
    assert len(outlines.locations) == (15 if struktur == 2024 else 11)
    inset = {
        loc
        for t in figure.data
        if t.geo == "geo2" and t.type == "choropleth"
        for loc in t.locations
    }
    assert {"0301", "3201" if struktur == 2024 else "3024"} <= inset  # Oslo, Bærum
    assert len(inset) < 80


def test_county_view_zooms_to_its_municipalities_without_outlines_or_inset(small_db: str) -> None:
    _, figure = render("dekning-kart", Filters(aar=2022, fylke="46"), {"maal": "andel_naadd"})
    locations = {loc for t in figure.data if t.type == "choropleth" for loc in t.locations}
    assert len(locations) == 43 and all(loc.startswith("46") for loc in locations)
    # no county border lines; the municipalities' names are written on the map
    assert {t.type for t in figure.data} == {"choropleth", "scattergeo"}
    names = next(t for t in figure.data if t.type == "scattergeo")
    # names that would overlap are left out (they stay in the hover and the table)
    assert 15 < len(names.text) < 43 and "Bergen" in names.text and names.mode == "text"
    # fitted to Vestland's bounding box (about 4.5–8.3 °E, 59.5–62.4 °N)
    west, east = figure.layout.geo.lonaxis.range
    south, north = figure.layout.geo.lataxis.range
    assert 4 < west < 5 and 8 < east < 9 and 59 < south < 60 and 62 < north < 63
    assert not any(t.geo == "geo2" for t in figure.data)


def test_map_summary_and_download_columns(small_db: str) -> None:
    chart = get_chart("dekning-kart")
    filters = Filters(aar=2022)
    frame, _ = render(chart.id, filters, {"maal": "deltar"})
    text = chart.summary(frame, filters, {"maal": "deltar"}).replace("\u00a0", " ")
    assert text.startswith("Hele landet, 2022: 3 av 357 kommuner deltar (0,8 %).")
    money = chart.summary(frame, filters, {"maal": "kr_per_barn"}).replace("\u00a0", " ")
    assert "1 500 000 kr innvilget til kommuner og private eiere" in money
    table = table_for_download(chart, frame)
    assert list(table.columns)[:3] == ["Kommunenummer", "Kommune", "Fylke"]
    assert table["Innvilget, alle sektorer (kr)"].sum() == 1_500_000 and len(table) == 357


def test_county_chart_highlights_the_chosen_county(small_db: str) -> None:
    chart = get_chart("dekning-fylker")
    filters = Filters(aar=2022, fylke="46")
    frame, figure = render(chart.id, filters, {})
    assert len(figure.data[0].y) == 15
    colours = dict(zip(figure.data[0].y, figure.data[0].marker.color, strict=True))
    assert colours["Vestland"] != colours["Oslo"]
    text = chart.summary(frame, filters, {}).replace("\u00a0", " ")
    assert text.startswith(
        "I 2022 deltok 0,8 % av kommunene i hele landet; høyest andel i Akershus (4,8 %)"
    )
