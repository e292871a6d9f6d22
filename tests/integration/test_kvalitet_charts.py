"""Kvalitet chart catalogue entries (data, figure, summary) on the small hand-written dataset.

SPESUND in tests/small_data.py: 2021 Bergen 7.5, Askøy 10.0, Oslo 6.0, Bærum suppressed;
2022 Bergen 8.0, Askøy 9.0, Oslo 6.4, Bærum 5.0; no data after 2022.
"""

from __future__ import annotations

import pandas as pd
import pytest

from loftet.charts import get_chart, render, table_for_download
from loftet.charts.kvalitet.common import INDICATOR, REACH, indicator_year
from loftet.charts.kvalitet.distribution import distribution_data
from loftet.charts.kvalitet.ranking import ranking_data
from loftet.filters import Filters
from loftet.queries.quality_reach import REACH_MEASURES

CHART_IDS = (
    "kvalitet-fordeling",
    "kvalitet-rangering",
    "kvalitet-behov-rekkevidde",
    "kvalitet-spredning",
)


def summary(chart_id: str, filters: Filters, options: dict | None = None) -> str:
    options = options or {}
    frame, _ = render(chart_id, filters, options)
    return get_chart(chart_id).summary(frame, filters, options)


def test_every_chart_registered_on_the_page(small_db: str) -> None:
    for chart_id in CHART_IDS:
        chart = get_chart(chart_id)
        assert chart.page == "kvalitet" and chart.source.startswith("Kilde:")
    assert "ikke et snitt" in get_chart("kvalitet-fordeling").source


def test_options_are_validated(small_db: str) -> None:
    assert INDICATOR.value({"indikator": "PPT_FRIST"}) == "PPT_FRIST"
    assert INDICATOR.value({"indikator": "TULL"}) == "SPESUND"
    assert INDICATOR.value({}) == "SPESUND"
    assert REACH.value({"rekkevidde": "kr_per_barn"}) == "kr_per_barn"
    assert REACH.value({"rekkevidde": "x"}) == "deltakere_per_1000"
    assert set(REACH.labels()) == set(REACH_MEASURES)


def test_latest_year_with_data_is_used(small_db: str) -> None:
    assert indicator_year(Filters(aar=2026), "SPESUND") == 2022
    frame = distribution_data(Filters(aar=2026), {})
    assert set(frame.aar) == {2022}
    assert frame.landsnivaa.iloc[0] == pytest.approx(100 * 121 / 1800)
    assert "Nyeste tall er fra 2022." in summary("kvalitet-fordeling", Filters(aar=2026))


def test_distribution_counts_suppressed(small_db: str) -> None:
    text = summary("kvalitet-fordeling", Filters(aar=2021))
    assert "1 kommune har skjermede tall." in text
    assert "mellom 6,0\u00a0% og 10,0\u00a0%" in text and "landsnivået er 7,5\u00a0%" in text


def test_ranking_nation_and_county(small_db: str) -> None:
    nation = ranking_data(Filters(aar=2021), {})
    # Bærum is suppressed: not ranked; ranks 1..3 by value, highest first
    assert list(nation.kommune) == ["Askøy", "Bergen", "Oslo"]
    assert list(nation.rang) == [1, 2, 3] and set(nation.antall_rangert) == {3}
    county = ranking_data(Filters(aar=2022, fylke="46"), {})
    assert list(county.kommune) == ["Askøy", "Bergen"] and list(county.rang) == [1, 2]
    assert county.gruppe.isna().all()
    text = summary("kvalitet-rangering", Filters(aar=2022, fylke="46"))
    assert text.startswith("I Vestland ligger 2 av 2 kommuner over landsnivået")
    assert "1 kommune har skjermede tall" in summary("kvalitet-rangering", Filters(aar=2021))


def test_ranking_download_has_norwegian_headers(small_db: str) -> None:
    frame, _ = render("kvalitet-rangering", Filters(aar=2021), {})
    table = table_for_download(get_chart("kvalitet-rangering"), frame)
    assert list(table.columns)[:3] == ["År", "Indikator", "Rang i landet"]


def test_need_reach_summary_names_high_need_low_reach(small_db: str) -> None:
    # Askøy (SPESUND 9,0 %, above the national 6,7 %) got 834 kr per child; the median over
    # Bergen, Askøy, Oslo (0) and Bærum (0: its grant went to the county authority) is 417 kr
    text = summary("kvalitet-behov-rekkevidde", Filters(aar=2022), {"rekkevidde": "kr_per_barn"})
    assert text.startswith("Ingen kommuner har høyt behov og er lite nådd.")
    assert "(417 kr)" in text
    text = summary("kvalitet-behov-rekkevidde", Filters(aar=2022))
    assert text.startswith("Ingen kommuner har høyt behov og er lite nådd.")


def test_spread_needs_five_municipalities(small_db: str) -> None:
    frame, figure = render("kvalitet-spredning", Filters(aar=2022, fra=2021), {})
    assert list(frame.antall) == [3, 4] and frame.forhold.isna().all()
    assert not figure.data
    assert summary("kvalitet-spredning", Filters(aar=2022)).startswith("For få kommuner")


def test_2020_structure_charts_render(small_db: str) -> None:
    filters = Filters(aar=2022, struktur=2020, fylke="30")
    frame, _ = render("kvalitet-rangering", filters, {})
    assert list(frame.kommune) == ["Bærum"] and frame.fylke_navn.iloc[0] == "Viken"
    assert "Bærum har 5,0\u00a0%" in summary("kvalitet-rangering", filters)


def spread_rows(ratios: tuple[float, float], differences: tuple[float, float]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "aar": [2020, 2026],
            "antall": [300, 300],
            "skjermet": [2, 3],
            "p10": [5.0, 5.0],
            "median": [8.0, 8.0],
            "p90": [10.0, 10.0],
            "forhold": list(ratios),
            "differanse": list(differences),
        }
    )


def test_spread_summary_says_whether_gaps_shrink() -> None:
    chart = get_chart("kvalitet-spredning")
    shrink = chart.summary(spread_rows((2.0, 1.5), (5.0, 4.0)), Filters(), {})
    assert shrink.startswith(
        "P90/P10 gikk fra 2,00 i 2020 til 1,50 i 2026: forskjellene "
        "mellom kommunene har blitt mindre (P90 − P10 5,0 → 4,0"
    )
    assert "Små kommuner har naturlig større spredning" in shrink
    assert "bare hver tiende kommune ligger over" in shrink  # P90/P10 in plain words
    assert "3 kommuner har skjermede tall i 2026." in shrink
    grow = chart.summary(spread_rows((1.5, 2.0), (4.0, 5.0)), Filters(fylke="46"), {})
    assert grow.startswith("P90/P10 i Vestland gikk") and "har blitt større" in grow
    mixed = chart.summary(spread_rows((1.70, 1.74), (24.1, 23.4)), Filters(), {})
    assert "ingen klar endring" in mixed
    flat = chart.summary(spread_rows((1.70, 1.71), (24.1, 24.2)), Filters(), {})
    assert "omtrent uendret" in flat
