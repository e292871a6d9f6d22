"""Budsjett charts, table and page: rendered from (filters, options) on the small dataset;
the table reconciles with the chart data; callbacks called as plain functions."""

from __future__ import annotations

import dash
import pytest

from loftet.charts import charts_for_page, render
from loftet.filters import Filters
from loftet.formatting import NBSP
from loftet.tables.budget import column_defs, grid_rows, total_row
from loftet.ui import ids
from tests.dash_tree import find, load_page

CHART_IDS = [
    "budsjett-per-aar",
    "budsjett-innvilget-brukt",
    "budsjett-kr-per-barn",
    "budsjett-kumulativt",
]


def test_page_charts_are_registered_in_order() -> None:
    assert [c.id for c in charts_for_page("budsjett")] == CHART_IDS


@pytest.mark.parametrize("chart_id", CHART_IDS)
@pytest.mark.parametrize(
    "filters",
    [
        Filters(),
        Filters(aar=2022, fylke="46"),
        Filters(struktur=2020, eier="privat"),
        Filters(fra=2023, aar=2024),
    ],
)
def test_every_chart_renders_with_summary(small_db: str, chart_id: str, filters: Filters) -> None:
    from loftet.charts import get_chart

    chart = get_chart(chart_id)
    frame, figure = render(chart_id, filters, {"fordeling": "statsforvalter"})
    assert figure.layout is not None
    assert chart.summary(frame, filters, {}).strip()
    assert set(chart.columns) <= set(frame.columns)


def test_unknown_option_falls_back_to_county(small_db: str) -> None:
    from loftet.charts.budsjett import fordeling

    assert fordeling(Filters(), {"fordeling": "tull"}) == "fylke"
    assert fordeling(Filters(), {"fordeling": "statsforvalter"}) == "statsforvalter"
    assert fordeling(Filters(fylke="46"), {"fordeling": "statsforvalter"}) == "fylke"
    frame, _ = render("budsjett-per-aar", Filters(), {"fordeling": "tull"})
    assert frame.gruppe.nunique() == 15


def test_per_year_summary_in_norwegian(small_db: str) -> None:
    from loftet.charts.budsjett import PER_YEAR

    filters = Filters(aar=2022)
    frame, _ = render(PER_YEAR.id, filters, {})
    text = PER_YEAR.summary(frame, filters, {})
    assert text.startswith(
        f"Hele landet: 2,2{NBSP}mill.{NBSP}kr innvilget i 2022, "
        f"110,0{NBSP}% av 2025-nivået (2,0{NBSP}mill.{NBSP}kr)."
    )


def test_spent_summary_names_unreported_years(small_db: str) -> None:
    from loftet.charts.budsjett import GRANTED_SPENT

    frame, _ = render(GRANTED_SPENT.id, Filters(), {})
    text = GRANTED_SPENT.summary(frame, Filters(), {})
    assert "ikke rapportert ennå for 2025" in text and "Delvis rapportert: 2022" in text


@pytest.mark.parametrize("struktur", [2024, 2020])
@pytest.mark.parametrize("fordeling", ["fylke", "statsforvalter"])
def test_table_totals_equal_chart_totals(small_db: str, struktur: int, fordeling: str) -> None:
    filters = Filters(struktur=struktur)
    frame, figure = render("budsjett-per-aar", filters, {"fordeling": fordeling})
    rows, total = grid_rows(frame), total_row(frame)
    assert len(rows) == len(frame)
    assert sum(r["innvilget_kr"] for r in rows) == frame.innvilget_kr.sum() == 5_700_000
    assert total["innvilget_kr"] == 5_700_000
    # Spent: 900 000 + 500 000 + 1 100 000 + 250 000 (the rest is not reported yet).
    assert sum(r["brukt_kr"] or 0 for r in rows) == total["brukt_kr"] == 2_750_000
    chart_sum = sum(sum(t.y) for t in figure.data if t.type == "bar")
    assert chart_sum == pytest.approx(5.7)  # millions of kroner


def test_table_rows_keep_missing_as_none(small_db: str) -> None:
    frame, _ = render("budsjett-per-aar", Filters(aar=2022), {})
    rows = {(r["aar"], r["gruppe"]): r for r in grid_rows(frame)}
    assert rows[(2022, "32")]["brukt_kr"] is None and rows[(2022, "32")]["uten_brukt"] == 1
    assert rows[(2022, "32")]["andel_av_2025"] is None
    assert rows[(2022, "46")]["brukt_kr"] == 1_350_000


def test_column_defs_follow_the_split() -> None:
    assert column_defs("Fylke")[1]["headerName"] == "Fylke"
    assert column_defs("Statsforvalter")[5]["headerName"] == "Andel av statsforvalterens 2025-nivå"
    assert "toLocaleString('nb-NO'" in column_defs()[2]["valueFormatter"]["function"]
    assert "Ikke rapportert" in column_defs()[3]["valueFormatter"]["function"]


@pytest.fixture
def page(small_db: str):
    """The page module, registered with a throwaway pages app."""
    return load_page("budsjett")


def test_page_registered(page) -> None:
    entry = dash.page_registry["pages.budsjett"]
    assert (entry["path"], entry["name"], entry["order"]) == ("/budsjett", "Budsjett", 3)


def test_layout_reads_option_and_filters_from_url(page) -> None:
    tree = page.layout(fordeling="statsforvalter", aar="2022", fylke="46")
    assert find(tree, ids.state("fordeling"))[0].value == "statsforvalter"
    assert find(tree, ids.state("aar"))[0].value == 2022
    assert not find(tree, ids.state("sektor"))  # amounts have no sector
    for chart_id in CHART_IDS:
        assert find(tree, ids.graph(chart_id)), chart_id
    assert find(tree, page.GRID)


def test_layout_unknown_option_gives_notice(page) -> None:
    tree = page.layout(fordeling="kommune")
    assert find(tree, ids.state("fordeling"))[0].value == "fylke"
    assert "fordeling=kommune" in str(find(tree, ids.NOTICE)[0].children)


def test_update_table_callback(page) -> None:
    values = [2022, 2020, None, None, 2024, "statsforvalter"]
    control_ids = [ids.state(p) for p in ("aar", "fra", "fylke", "eier", "struktur", "fordeling")]
    rows, defs, grid_options, style = page.update_table(values, control_ids)
    assert defs[1]["headerName"] == "Statsforvalter"
    assert style == {"height": page.GRID_HEIGHT}  # 2 years × 10 offices
    assert {r["aar"] for r in rows} == {2021, 2022}
    assert sum(r["innvilget_kr"] for r in rows) == 3_700_000
    assert "3700000" in str(grid_options.to_plotly_json())


def test_one_county_table_takes_only_the_height_it_needs(page) -> None:
    control_ids = [ids.state(p) for p in ("aar", "fylke", "fordeling")]
    rows, _, grid_options, style = page.update_table([2026, "46", "fylke"], control_ids)
    assert len(rows) == 3 and style == {}
    assert "autoHeight" in str(grid_options.to_plotly_json())


def test_search_callback_sets_quick_filter(page) -> None:
    patch = page.search_table("Vestland")
    assert "Vestland" in str(patch.to_plotly_json())
