"""Kvalitet queries: indicator values, national level, 2020 aggregation, suppression, spread and
need × reach quadrants. Expected numbers are computed by hand from tests/small_data.py."""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
import pytest

from etl.formats import KVALITETSINDIKATORER
from etl.load import load_file
from etl.reference import load_reference
from loftet.db import make_engine
from loftet.filters import Filters
from loftet.queries.quality import (
    HIGH_NEED_LOW_REACH,
    indicator_by_municipality,
    indicator_info,
    latest_year_with_data,
    national_level,
    spread_by_year,
)
from loftet.queries.quality_reach import classify_quadrants, need_and_reach
from tests.conftest import write_input


def by_number(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.set_index("kommunenummer")


# --- small_db: SPESUND 2021 Bergen 30/400, Askøy 30/300, Oslo 30/500, Bærum suppressed;
#     2022 Bergen 32/400, Askøy 27/300, Oslo 32/500, Bærum 30/600 --------------------------


def test_values_per_municipality_2021_with_suppressed_baerum(small_db: str) -> None:
    frame = by_number(indicator_by_municipality(Filters(aar=2021), "SPESUND"))
    assert len(frame) == 357
    assert frame.loc["4601"].verdi == pytest.approx(7.5)
    assert (frame.loc["4627"].teller, frame.loc["4627"].nevner) == (30, 300)
    baerum = frame.loc["3201"]
    assert math.isnan(baerum.verdi) and bool(baerum.skjermet)
    assert frame.skjermet.sum() == 1
    # a municipality with no row at all is missing, not suppressed and never 0
    assert math.isnan(frame.loc["1101"].verdi) and not bool(frame.loc["1101"].skjermet)
    assert frame.verdi.notna().sum() == 3


def test_national_level_is_ratio_of_sums_not_mean_of_percentages(small_db: str) -> None:
    # 2021: (30 + 30 + 30) / (400 + 300 + 500) = 7.5 %; the mean of 7.5, 10, 6 would be 7.83
    assert national_level("SPESUND", 2021) == pytest.approx(7.5)
    # 2022: (32 + 27 + 32 + 30) / (400 + 300 + 500 + 600) = 121 / 1800
    assert national_level("SPESUND", 2022) == pytest.approx(100 * 121 / 1800)
    assert national_level("SPESUND", 2020) is None
    assert national_level("UKVAL", 2022) is None


def test_county_filter_and_2020_structure(small_db: str) -> None:
    vestland = indicator_by_municipality(Filters(aar=2022, fylke="46"), "SPESUND")
    assert set(vestland.fylke) == {"46"} and vestland.verdi.notna().sum() == 2
    old = by_number(indicator_by_municipality(Filters(aar=2022, struktur=2020), "SPESUND"))
    assert len(old) == 356
    assert old.loc["3024"].verdi == pytest.approx(5.0) and old.loc["3024"].fylke == "30"
    old_2021 = by_number(indicator_by_municipality(Filters(struktur=2020), "SPESUND", 2021))
    assert bool(old_2021.loc["3024"].skjermet) and math.isnan(old_2021.loc["3024"].verdi)


def test_latest_year_with_data_and_info(small_db: str) -> None:
    assert latest_year_with_data("SPESUND", 2026) == 2022
    assert latest_year_with_data("SPESUND", 2021) == 2021
    assert latest_year_with_data("SPESUND", 2020) is None
    info = indicator_info("PPT_FRIST")
    assert info["hoy_er_behov"] is False and indicator_info("SPESUND")["hoy_er_behov"] is True


def test_spread_by_year_percentiles_by_hand(small_db: str) -> None:
    spread = spread_by_year(Filters(aar=2022, fra=2020), "SPESUND").set_index("aar")
    assert list(spread.index) == [2020, 2021, 2022]
    assert spread.loc[2020].antall == 0 and math.isnan(spread.loc[2020].forhold)
    # 2021 sorted [6.0, 7.5, 10.0] (Bærum suppressed, left out): P10 at position 0.2 → 6.3,
    # P90 at position 1.8 → 7.5 + 0.8 · 2.5 = 9.5
    y21 = spread.loc[2021]
    assert (y21.antall, y21.skjermet) == (3, 1)
    assert y21.p10 == pytest.approx(6.3) and y21.p90 == pytest.approx(9.5)
    assert y21.forhold == pytest.approx(9.5 / 6.3) and y21.differanse == pytest.approx(3.2)
    # 2022 sorted [5.0, 6.4, 8.0, 9.0]: P10 at 0.3 → 5.42, P90 at 2.7 → 8.7
    y22 = spread.loc[2022]
    assert y22.p10 == pytest.approx(5.42) and y22.p90 == pytest.approx(8.7)
    assert y22.forhold == pytest.approx(8.7 / 5.42) and y22["median"] == pytest.approx(7.2)


def test_spread_within_county_and_minimum_count(small_db: str) -> None:
    spread = spread_by_year(Filters(aar=2021, fra=2021, fylke="46"), "SPESUND")
    # Vestland 2021: [7.5, 10.0] → P10 7.75, P90 9.75
    assert spread.p10.iloc[0] == pytest.approx(7.75) and spread.p90.iloc[0] == pytest.approx(9.75)
    strict = spread_by_year(Filters(aar=2021, fra=2021, fylke="46"), "SPESUND", min_count=5)
    assert strict.antall.iloc[0] == 2 and math.isnan(strict.p90.iloc[0])


def test_need_and_reach_participants_per_1000(small_db: str) -> None:
    # 2022 reach: Bergen 16 / 520 children+pupils, Askøy 20 / 360, Oslo 0 / 500, Bærum 15 / 600
    frame = by_number(need_and_reach(Filters(aar=2022), "SPESUND", 2022, "deltakere_per_1000"))
    assert frame.loc["4601"].rekkevidde == pytest.approx(16_000 / 520)
    median = (25.0 + 16_000 / 520) / 2
    assert frame.rekkevidde_grense.iloc[0] == pytest.approx(median)
    assert frame.behov_grense.iloc[0] == pytest.approx(100 * 121 / 1800)
    assert frame.loc["4601"].kvadrant == "Høyt behov, godt nådd"
    assert frame.loc["0301"].kvadrant == "Lavt behov, lite nådd"
    assert frame.loc["3201"].kvadrant == "Lavt behov, lite nådd"
    assert pd.isna(frame.loc["1101"].kvadrant)  # no indicator, no children: unclassified


def test_need_and_reach_nok_per_child(small_db: str) -> None:
    # NOK per child 2022: Bergen 1 200 000 / 520, Askøy 300 000 / 360, Oslo 0, Bærum 0 (its
    # 700 000 went to the county authority); median = (0 + 833.33) / 2
    frame = by_number(need_and_reach(Filters(aar=2022), "SPESUND", 2022, "kr_per_barn"))
    assert frame.rekkevidde_grense.iloc[0] == pytest.approx(300_000 / 360 / 2)
    assert frame.loc["4627"].kvadrant == "Høyt behov, godt nådd"
    assert (frame.kvadrant == HIGH_NEED_LOW_REACH).sum() == 0


def test_need_and_reach_county_keeps_national_thresholds(small_db: str) -> None:
    frame = need_and_reach(Filters(aar=2022, fylke="46"), "SPESUND", 2022, "kr_per_barn")
    assert set(frame.fylke) == {"46"}
    assert frame.rekkevidde_grense.iloc[0] == pytest.approx(300_000 / 360 / 2)
    with pytest.raises(ValueError):
        need_and_reach(Filters(aar=2022), "SPESUND", 2022, "feil")


# --- classify_quadrants (pure) ---------------------------------------------------------------


def quadrant_frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "kommune": ["A", "B", "C", "D", "E", "F", "G"],
            "verdi": [9.0, 9.0, 3.0, 3.0, 5.0, float("nan"), 9.0],
            "rekkevidde": [1.0, 8.0, 1.0, 8.0, 5.0, 1.0, float("nan")],
        }
    )


def test_classify_quadrants_high_value_is_need() -> None:
    result = classify_quadrants(quadrant_frame(), 5.0, 5.0, True).set_index("kommune")
    assert result.loc["A"].kvadrant == "Høyt behov, lite nådd"
    assert result.loc["B"].kvadrant == "Høyt behov, godt nådd"
    assert result.loc["C"].kvadrant == "Lavt behov, lite nådd"
    assert result.loc["D"].kvadrant == "Lavt behov, godt nådd"
    # on both thresholds: not above the level (not high need), at the median (little reached)
    assert result.loc["E"].kvadrant == "Lavt behov, lite nådd"
    assert pd.isna(result.loc["F"].kvadrant) and pd.isna(result.loc["G"].kvadrant)
    assert pd.isna(result.loc["F"].hoyt_behov)


def test_classify_quadrants_low_value_is_need() -> None:
    result = classify_quadrants(quadrant_frame(), 5.0, 5.0, False).set_index("kommune")
    assert result.loc["C"].kvadrant == "Høyt behov, lite nådd"
    assert result.loc["D"].kvadrant == "Høyt behov, godt nådd"
    assert result.loc["A"].kvadrant == "Lavt behov, lite nådd"
    assert result.loc["E"].kvadrant == "Lavt behov, lite nådd"
    assert bool(result.loc["C"].hoyt_behov) and bool(result.loc["C"].lite_naadd)


def test_classify_quadrants_does_not_change_input() -> None:
    frame = quadrant_frame()
    classify_quadrants(frame, 5.0, 5.0)
    assert "kvadrant" not in frame


# --- 2020 aggregation of a split municipality (Ålesund 1508 + Haram 1580 → 1507) -------------


@pytest.fixture
def merged_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    url = f"sqlite:///{tmp_path / 'merged.sqlite'}"
    engine = make_engine(url)
    load_reference(engine)
    rows = [
        # year, municipality, indicator, value, teller, nevner
        (2024, "1508", "SPESUND", "8,0", 400, 5000),
        (2024, "1580", "SPESUND", "12,5", 100, 800),
        (2025, "1508", "SPESUND", "8,2", 410, 5000),
        (2025, "1580", "SPESUND", "", "", 800),
        (2023, "1507", "SPESUND", "7,9", 395, 5000),  # reported under the 2020 number
        (2024, "1516", "SPESUND", "6,0", "", ""),  # Ulstein: a value without teller/nevner
    ]
    path = write_input(
        tmp_path / "kvalitetsindikatorer.csv",
        KVALITETSINDIKATORER,
        [dict(zip(KVALITETSINDIKATORER.headers, (*r, "test"), strict=True)) for r in rows],
    )
    report = load_file(engine, path, strict=True)
    assert report.status == "lastet", report
    engine.dispose()
    monkeypatch.setenv("DATABASE_URL", url)
    return url


def test_2020_structure_sums_teller_and_nevner(merged_db: str) -> None:
    new = by_number(indicator_by_municipality(Filters(aar=2024), "SPESUND"))
    assert new.loc["1508"].verdi == pytest.approx(8.0)
    assert new.loc["1580"].verdi == pytest.approx(12.5)
    old = by_number(indicator_by_municipality(Filters(aar=2024, struktur=2020), "SPESUND"))
    # (400 + 100) / (5000 + 800) = 8.62 %, not the mean of 8.0 and 12.5
    assert old.loc["1507"].verdi == pytest.approx(100 * 500 / 5800)
    assert (old.loc["1507"].teller, old.loc["1507"].nevner) == (500, 5800)
    assert old.loc["1516"].verdi == pytest.approx(6.0)  # single part: reported value kept
    assert national_level("SPESUND", 2024) == pytest.approx(100 * 500 / 5800)


def test_2020_structure_suppressed_part_suppresses_area(merged_db: str) -> None:
    old = by_number(indicator_by_municipality(Filters(aar=2025, struktur=2020), "SPESUND"))
    assert math.isnan(old.loc["1507"].verdi) and bool(old.loc["1507"].skjermet)
    new = by_number(indicator_by_municipality(Filters(aar=2025), "SPESUND"))
    assert new.loc["1508"].verdi == pytest.approx(8.2) and bool(new.loc["1580"].skjermet)
    assert national_level("SPESUND", 2025) == pytest.approx(100 * 410 / 5000)


def test_2020_structure_part_without_rows_is_ignored(merged_db: str) -> None:
    # 2023 was reported under 1507 and stored under Ålesund (1508); Haram has no row
    old = by_number(indicator_by_municipality(Filters(aar=2023, struktur=2020), "SPESUND"))
    assert old.loc["1507"].verdi == pytest.approx(7.9) and not bool(old.loc["1507"].skjermet)
    new = by_number(indicator_by_municipality(Filters(aar=2023), "SPESUND"))
    assert math.isnan(new.loc["1580"].verdi) and not bool(new.loc["1580"].skjermet)


def test_published_national_level_wins_over_the_computed_one(tmp_path, monkeypatch) -> None:
    """A `landsnivaa` row replaces the level computed from municipalities, and says so."""
    from etl.formats import LANDSNIVAA
    from etl.load import load_file
    from loftet.db import make_engine
    from loftet.queries.base import clear_cache
    from loftet.queries.quality import (
        COMPUTED,
        PUBLISHED,
        computed_national_level,
        national_level,
        national_level_basis,
    )
    from tests.conftest import load_database, write_input
    from tests.databases import new_database_url
    from tests.small_data import write_small_inputs

    url = load_database(new_database_url(tmp_path, "kopi"), write_small_inputs(tmp_path / "inn"))
    monkeypatch.setenv("DATABASE_URL", url)
    clear_cache(shared=True)
    computed = computed_national_level("SPESUND", 2022)
    assert national_level("SPESUND", 2022) == computed
    assert national_level_basis("SPESUND", 2022) == COMPUTED
    engine = make_engine(url)
    path = write_input(
        tmp_path / "landsnivaa.csv",
        LANDSNIVAA,
        [{"år": "2022", "indikator": "SPESUND", "verdi": "7,8", "kilde": "GSI"}],
    )
    assert load_file(engine, path).status == "lastet"
    engine.dispose()
    assert national_level("SPESUND", 2022) == pytest.approx(7.8)
    assert national_level_basis("SPESUND", 2022) == PUBLISHED
    assert national_level("SPESUND", 2021) == computed_national_level("SPESUND", 2021)
