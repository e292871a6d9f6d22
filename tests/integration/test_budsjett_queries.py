"""Budsjett queries against the small hand-written dataset (tests/small_data.py).

Expected numbers by hand from ALLOCATIONS:
2021: Bergen (4601, Vestland) 1 000 000 / spent 900 000; Oslo (0301) 500 000 / 500 000.
2022: Bergen 1 200 000 / 1 100 000; Askøy (4627, Vestland) 300 000 / 250 000;
      Viken fylkeskommune (3024 → 3201 Akershus; Viken in 2020) 700 000 / not reported.
2025: Bergen 2 000 000 / not reported.      Budget: 2021 50 mill., 2022 125 mill., 2025 330 mill.
"""

from __future__ import annotations

import math

import pytest
from sqlalchemy import text

from loftet.db import make_engine
from loftet.filters import COUNTIES, Filters
from loftet.queries.budget import (
    allocation_by_group,
    allocation_by_year,
    allocation_facts,
    granted_per_child_by_county,
)

NATIONAL = {2021: 1_500_000, 2022: 2_200_000, 2025: 2_000_000}


def national_sums_from_database(url: str) -> dict[int, int]:
    """The national sum of `tildeling.innvilget_kr` per year, straight from the table."""
    engine = make_engine(url)
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT aar, SUM(innvilget_kr) FROM tildeling GROUP BY aar"))
        result = {int(y): int(s) for y, s in rows}
    engine.dispose()
    return result


@pytest.mark.parametrize("struktur", [2024, 2020])
def test_counties_sum_to_national_total_to_the_krone(small_db: str, struktur: int) -> None:
    frame = allocation_by_group(Filters(struktur=struktur))
    per_year = {int(y): int(s) for y, s in frame.groupby("aar").innvilget_kr.sum().items()}
    assert per_year == NATIONAL
    assert per_year == national_sums_from_database(small_db)
    assert set(frame.gruppe) == set(COUNTIES[struktur])
    assert (frame.groupby("aar").gruppe.count() == len(COUNTIES[struktur])).all()


def test_statsforvalter_split_sums_to_national_total(small_db: str) -> None:
    frame = allocation_by_group(Filters(), "statsforvalter")
    assert frame.gruppe.nunique() == 10
    assert frame.groupby("aar").innvilget_kr.sum().to_dict() == NATIONAL
    by = frame.set_index(["aar", "gruppe"])
    assert by.loc[(2021, "VL")].innvilget_kr == 1_000_000
    assert by.loc[(2021, "OV")].innvilget_kr == 500_000
    assert by.loc[(2022, "OV")].innvilget_kr == 700_000
    assert by.loc[(2022, "OV")].gruppe_navn == "Oslo og Viken"


def test_county_amounts_in_both_structures(small_db: str) -> None:
    new = allocation_by_group(Filters()).set_index(["aar", "gruppe"])
    assert new.loc[(2022, "46")].innvilget_kr == 1_500_000
    assert new.loc[(2022, "32")].innvilget_kr == 700_000
    assert new.loc[(2022, "03")].innvilget_kr == 0
    assert new.loc[(2021, "03")].innvilget_kr == 500_000
    old = allocation_by_group(Filters(struktur=2020)).set_index(["aar", "gruppe"])
    assert old.loc[(2022, "30")].innvilget_kr == 700_000
    assert old.loc[(2022, "30")].gruppe_navn == "Viken"


def test_shares_of_year_and_of_2025_level(small_db: str) -> None:
    frame = allocation_by_group(Filters()).set_index(["aar", "gruppe"])
    vestland = frame.loc[(2022, "46")]
    assert vestland.aar_total_kr == 2_200_000
    assert vestland.andel_av_aar == pytest.approx(100 * 1_500_000 / 2_200_000)
    assert vestland.nivaa_2025_kr == 2_000_000
    assert vestland.andel_av_2025 == pytest.approx(75.0)
    assert frame.loc[(2021, "46")].andel_av_2025 == pytest.approx(50.0)
    assert math.isnan(frame.loc[(2022, "32")].andel_av_2025)  # Akershus has no 2025 level
    assert frame.loc[(2022, "46")].bevilgning_kr == 125_000_000


def test_spent_not_reported_stays_missing(small_db: str) -> None:
    frame = allocation_by_group(Filters()).set_index(["aar", "gruppe"])
    assert frame.loc[(2022, "46")].brukt_kr == 1_350_000
    assert math.isnan(frame.loc[(2022, "32")].brukt_kr)
    assert frame.loc[(2022, "32")].uten_brukt == 1
    assert math.isnan(frame.loc[(2025, "46")].brukt_kr)


def test_years_limited_to_range_with_allocations(small_db: str) -> None:
    assert set(allocation_by_group(Filters()).aar) == {2021, 2022, 2025}
    assert set(allocation_by_group(Filters(fra=2021, aar=2022)).aar) == {2021, 2022}
    assert allocation_by_group(Filters(fra=2023, aar=2024)).empty


def test_county_filter_keeps_only_that_county_even_by_statsforvalter(small_db: str) -> None:
    frame = allocation_by_group(Filters(fylke="46"), "statsforvalter")
    assert set(frame.gruppe) == {"46"}
    assert frame.set_index("aar").innvilget_kr.to_dict() == {
        2021: 1_000_000,
        2022: 1_500_000,
        2025: 2_000_000,
    }
    # The share of the year is still of the national total.
    assert frame.set_index("aar").aar_total_kr[2022] == 2_200_000


def test_owner_filter_selects_recipient_type(small_db: str) -> None:
    frame = allocation_by_group(Filters(eier="fylkeskommunal"))
    assert frame.groupby("aar").innvilget_kr.sum().to_dict() == {2021: 0, 2022: 700_000, 2025: 0}
    assert frame.set_index(["aar", "gruppe"]).loc[(2022, "32")].aar_total_kr == 700_000
    facts = allocation_facts(Filters(eier="kommunal"))
    assert facts.innvilget_kr.sum() == 1_000_000 + 500_000 + 1_200_000 + 300_000 + 2_000_000


def test_allocation_by_year_running_totals(small_db: str) -> None:
    frame = allocation_by_year(Filters()).set_index("aar")
    assert frame.innvilget_kr.to_dict() == NATIONAL
    assert frame.brukt_kr[2021] == 1_400_000
    assert frame.brukt_kr[2022] == 1_350_000
    assert math.isnan(frame.brukt_kr[2025])
    assert frame.andel_rapportert[2022] == pytest.approx(100 * 1_500_000 / 2_200_000)
    assert frame.kum_innvilget_kr.tolist() == [1_500_000, 3_700_000, 5_700_000]
    assert frame.kum_brukt_kr[2022] == 2_750_000
    assert math.isnan(frame.kum_brukt_kr[2025])
    assert frame.kum_bevilgning_kr.tolist() == [50_000_000, 175_000_000, 505_000_000]


def test_allocation_by_year_in_a_county(small_db: str) -> None:
    frame = allocation_by_year(Filters(fylke="03")).set_index("aar")
    assert frame.innvilget_kr.to_dict() == {2021: 500_000, 2022: 0, 2025: 0}


def test_granted_per_child_by_county(small_db: str) -> None:
    frame = granted_per_child_by_county(Filters(aar=2022, fylke="46")).set_index("fylke")
    # Children/pupils: Bergen 80 + 40 + 400 + 0, Askøy 60 + 300 = 880; Oslo 500; Bærum 600.
    assert set(frame.index) == {"03", "32", "46"}
    assert frame.barn_elever.to_dict() == {"03": 500, "32": 600, "46": 880}
    assert frame.kr_per_barn["46"] == pytest.approx(1_500_000 / 880)
    assert frame.kr_per_barn["32"] == pytest.approx(700_000 / 600)
    assert frame.kr_per_barn["03"] == 0
    assert frame.landet_kr_per_barn.iloc[0] == pytest.approx(2_200_000 / 1980)
    assert frame.valgt.to_dict() == {"03": False, "32": False, "46": True}
    assert list(frame.index) == ["03", "32", "46"]  # sorted by NOK per child


def test_granted_per_child_ignores_sector_filter(small_db: str) -> None:
    plain = granted_per_child_by_county(Filters(aar=2022))
    sector = granted_per_child_by_county(Filters(aar=2022, sektor="BHG"))
    assert plain.kr_per_barn.tolist() == sector.kr_per_barn.tolist()
