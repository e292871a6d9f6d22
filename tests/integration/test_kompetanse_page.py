"""Kompetanseområder charts and page: rendered from (filters, options) on the small dataset,
summaries in Norwegian, the sector note, and the layout read from the URL."""

from __future__ import annotations

import dash
import pytest

from loftet.charts import charts_for_page, get_chart, render
from loftet.filters import Filters
from loftet.formatting import NBSP
from loftet.ui import ids
from tests.dash_tree import find, load_page

CHART_IDS = [
    "kompetanse-omrader",
    "kompetanse-pyramide",
    "kompetanse-heatmap",
    "kompetanse-profesjon",
    "kompetanse-andeler",
]


def test_page_charts_are_registered_in_order() -> None:
    assert [c.id for c in charts_for_page("kompetanse")] == CHART_IDS


@pytest.mark.parametrize("chart_id", CHART_IDS)
@pytest.mark.parametrize(
    "options",
    [{}, {"maal": "deltakere", "inndeling": "omrade"}, {"maal": "tull", "inndeling": "tull"}],
)
@pytest.mark.parametrize(
    "filters",
    [
        Filters(aar=2022),
        Filters(aar=2022, fylke="30", struktur=2020),
        Filters(aar=2023, sektor="PPT", eier="privat"),
    ],
)
def test_every_chart_renders_with_summary(
    small_db: str, chart_id: str, options: dict, filters: Filters
) -> None:
    chart = get_chart(chart_id)
    frame, figure = render(chart_id, filters, options)
    assert figure.layout is not None
    assert chart.summary(frame, filters, options).strip()
    assert set(chart.columns) <= set(frame.columns)


def test_area_summary_counts_funds(small_db: str) -> None:
    chart = get_chart("kompetanse-omrader")
    filters = Filters(aar=2022)
    frame, figure = render(chart.id, filters, {"maal": "kr"})
    assert frame.innvilget_kr.sum() == 2_200_000
    text = chart.summary(frame, filters, {"maal": "kr"})
    assert text.startswith(
        f"Hele landet 2022: 2,2{NBSP}mill.{NBSP}kr fordelt på 3 av 14 "
        "kompetanseområder; størst andel av midlene har Inkluderende "
        f"praksis og fellesskap (54,5{NBSP}%)."
    )


def test_sector_note_when_a_sector_is_chosen_and_funds_are_counted(small_db: str) -> None:
    filters = Filters(aar=2022, sektor="BHG")
    for chart_id in (
        "kompetanse-omrader",
        "kompetanse-pyramide",
        "kompetanse-heatmap",
        "kompetanse-andeler",
    ):
        chart = get_chart(chart_id)
        frame, _ = render(chart_id, filters, {"maal": "kr"})
        assert "Sektorfilteret gjelder bare deltakere" in chart.summary(frame, filters, {}), (
            chart_id
        )
        frame, _ = render(chart_id, filters, {"maal": "deltakere"})
        assert "Sektorfilteret" not in chart.summary(frame, filters, {"maal": "deltakere"})


def test_pyramid_summary(small_db: str) -> None:
    chart = get_chart("kompetanse-pyramide")
    filters = Filters(aar=2022)
    frame, _ = render(chart.id, filters, {"maal": "deltakere"})
    text = chart.summary(frame, filters, {"maal": "deltakere"})
    assert f"nivå 2 39,2{NBSP}%" in text


@pytest.fixture
def page(small_db: str):
    """The page module, registered with a throwaway pages app."""
    return load_page("kompetanse")


def test_page_registered(page) -> None:
    entry = dash.page_registry["pages.kompetanse"]
    assert (entry["path"], entry["name"], entry["order"]) == ("/kompetanse", "Kompetanseområder", 4)


def test_layout_reads_options_from_url(page) -> None:
    tree = page.layout(maal="deltakere", inndeling="omrade", sektor="BHG")
    assert find(tree, ids.state("maal"))[0].value == "deltakere"
    assert find(tree, ids.state("inndeling"))[0].value == "omrade"
    assert find(tree, ids.state("sektor"))[0].value == "BHG"
    for chart_id in CHART_IDS:
        assert find(tree, ids.graph(chart_id)), chart_id


def test_layout_unknown_options_fall_back_with_notice(page) -> None:
    tree = page.layout(maal="euro", inndeling="fylke")
    assert find(tree, ids.state("maal"))[0].value == "kr"
    assert find(tree, ids.state("inndeling"))[0].value == "nivaa"
    notices = str(find(tree, ids.NOTICE)[0].children)
    assert "maal=euro" in notices and "inndeling=fylke" in notices
