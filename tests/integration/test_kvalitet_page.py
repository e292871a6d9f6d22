"""The Kvalitet page: layout from URL parameters, and its callbacks called as plain functions."""

from __future__ import annotations

import dash
import pytest

from loftet.ui import ids
from tests.dash_tree import find, load_page

CHART_IDS = (
    "kvalitet-fordeling",
    "kvalitet-rangering",
    "kvalitet-behov-rekkevidde",
    "kvalitet-spredning",
)


@pytest.fixture
def page(small_db: str):
    """The page module, registered with a throwaway pages app."""
    return load_page("kvalitet")


def controls(**values) -> tuple[list, list[dict]]:
    return list(values.values()), [ids.state(k) for k in values]


def test_page_registered(page) -> None:
    entry = dash.page_registry["pages.kvalitet"]
    assert (entry["path"], entry["name"], entry["order"]) == ("/kvalitet", "Kvalitet", 2)


def test_layout_has_options_and_every_chart(page) -> None:
    tree = page.layout(indikator="PPT_FRIST", rekkevidde="kr_per_barn", fylke="46")
    assert find(tree, ids.state("indikator"))[0].value == "PPT_FRIST"
    assert find(tree, ids.state("rekkevidde"))[0].value == "kr_per_barn"
    assert find(tree, ids.state("fylke"))[0].value == "46"
    for chart_id in CHART_IDS:
        assert find(tree, ids.graph(chart_id)), chart_id
    assert "Lav verdi betyr høyt behov" in str(find(tree, page.INFO)[0].children)


def test_layout_unknown_options_fall_back_with_notice(page) -> None:
    tree = page.layout(indikator="TULL", rekkevidde="penger")
    assert find(tree, ids.state("indikator"))[0].value == "SPESUND"
    assert find(tree, ids.state("rekkevidde"))[0].value == "deltakere_per_1000"
    notices = str(find(tree, ids.NOTICE)[0].children)
    assert "Ukjent verdi «indikator=TULL»" in notices
    assert "Ukjent verdi «rekkevidde=penger»" in notices


def test_indicator_text_callback(page) -> None:
    text = str(page.update_indicator_text(*controls(indikator="SPESUND", aar=2022)))
    assert "Høy verdi betyr høyt behov" in text
    text = str(page.update_indicator_text(*controls(indikator="PPT_FRIST")))
    assert "Lav verdi betyr høyt behov" in text


def test_ranking_height_grows_with_municipalities(page) -> None:
    # 2021: three municipalities with a value (Bærum suppressed)
    style = page.update_ranking_height(*controls(aar=2021, fylke=None, indikator="SPESUND"))
    assert style == {"height": f"{page.ranking_height(3)}px"}
    assert page.ranking_height(3) == page.RANK_MIN_PX
    assert page.ranking_height(46) == page.RANK_FRAME_PX + 46 * page.RANK_ROW_PX
