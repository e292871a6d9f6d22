"""Dekning's page: profile links, table rows and the callbacks called as plain functions."""

from __future__ import annotations

import importlib

import dash
import pytest

from loftet.filters import Filters
from loftet.links import profile_href, profile_path
from loftet.queries.coverage_areas import coverage_rows
from loftet.tables.coverage import COLUMN_DEFS, ROW_COLUMNS, grid_rows
from loftet.tables.grid import number_format


def click(customdata: object) -> dict:
    return {
        "points": [
            {"curveNumber": 0, "pointNumber": 3, "location": "1508", "customdata": customdata}
        ]
    }


def test_profile_href_from_map_click() -> None:
    assert profile_href(click("4601")) == "/kommune/4601"
    assert profile_href(click(["0301"]), "aar=2024&sektor=GS") == "/kommune/0301?aar=2024&sektor=GS"


@pytest.mark.parametrize(
    "data",
    [None, {}, {"points": []}, click(None), click("46"), click("abcd"), click("46010"), click([])],
)
def test_profile_href_ignores_clicks_without_a_municipality(data: dict | None) -> None:
    assert profile_href(data) is None


def test_profile_path() -> None:
    assert profile_path("1580") == "/kommune/1580"
    assert profile_path(None) is None


def test_grid_rows_equal_the_query_rows(small_db: str) -> None:
    filters = Filters(aar=2022)
    frame = coverage_rows(filters)
    rows = grid_rows(frame, filters.to_query())
    assert len(rows) == len(frame) == 357
    for column in ("enheter", "enheter_naadd", "deltakere", "innvilget_kr"):
        assert sum(r[column] for r in rows) == frame[column].sum()
    assert sum(r["helt_lag"] for r in rows) == frame.helt_lag.sum()
    bergen = next(r for r in rows if r["kommunenummer"] == "4601")
    assert bergen["lenke"] == "[Bergen](/kommune/4601?aar=2022)"
    assert bergen["andel_naadd"] == 50.0 and bergen["innvilget_kr"] == 1_200_000
    kinn = next(r for r in rows if r["kommune"] == "Kinn")
    assert kinn["andel_naadd"] is None and kinn["kr_per_barn"] is None  # shown as –


def test_grid_rows_link_2020_municipalities_to_their_2024_profile(small_db: str) -> None:
    filters = Filters(aar=2022, struktur=2020)
    rows = grid_rows(coverage_rows(filters), filters.to_query())
    baerum = next(r for r in rows if r["kommunenummer"] == "3024")
    assert baerum["lenke"] == "[Bærum](/kommune/3201?aar=2022&struktur=2020)"


def test_columns_cover_the_rows_in_norwegian() -> None:
    fields = {c["field"] for c in COLUMN_DEFS}
    assert fields == (set(ROW_COLUMNS) - {"kommunenummer", "kommune"}) | {"lenke"}
    headers = [c["headerName"] for c in COLUMN_DEFS]
    assert headers[:3] == ["Kommune", "Fylke", "Enheter"]
    formatter = number_format(1, "%")["function"]
    assert "toLocaleString('nb-NO'" in formatter and "minimumFractionDigits: 1" in formatter
    assert "Intl.NumberFormat" not in formatter  # dash-ag-grid cannot call it


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory):
    """pages/dekning.py, imported after a Dash app with pages exists (register_page needs it)."""
    folder = tmp_path_factory.mktemp("pages")
    dash.Dash(__name__, use_pages=True, pages_folder=str(folder))
    return importlib.import_module("pages.dekning")


CONTROL_IDS = [
    {"type": "urlstate", "param": p} for p in ("aar", "fylke", "sektor", "eier", "struktur", "maal")
]


def test_table_callback_returns_the_query_rows(page, small_db: str) -> None:
    rows, note = page.update_table([2022, "46", None, None, 2024, "deltar"], CONTROL_IDS)
    assert len(rows) == 43
    assert sum(r["innvilget_kr"] for r in rows) == 1_500_000
    assert note == "43 kommuner · Vestland · 2022"


def test_map_click_opens_profile_with_filters(page) -> None:
    values = [2022, "46", None, None, 2024, "kr_per_barn"]
    href = page.open_profile(click("4627"), values, CONTROL_IDS)
    assert href == "/kommune/4627?aar=2022&fylke=46"
    assert page.open_profile(click(None), values, CONTROL_IDS) is dash.no_update


def test_search_patches_the_quick_filter(page) -> None:
    patch = page.search_table("Bergen")
    assert isinstance(patch, dash.Patch)
    assert "Bergen" in str(patch.to_plotly_json())


def test_layout_validates_metric(page) -> None:
    text = str(page.layout(maal="tull", aar="2022"))
    assert "Ukjent verdi «maal=tull»" in text
    assert "Ukjent verdi" not in str(page.layout(maal="kr_per_barn"))
