"""Dekning's queries (table rows, map areas, counties) against the small hand-written data.

Expected numbers come from tests/small_data.py: 2022 participation is Bergen bhg A (12) and
bhg B (4), Askøy skole (20) and Bærum vgs (15); 2022 grants Bergen 1 200 000, Askøy 300 000 and
Viken fylkeskommune (Bærum) 700 000. Vestland has 43 municipalities in 2024, Akershus 21,
Viken 51 in 2020.
"""

from __future__ import annotations

import pytest

from loftet.filters import Filters
from loftet.queries.coverage_areas import (
    coverage_by_county,
    coverage_by_map_area,
    coverage_rows,
    map_areas,
)


def test_county_aggregation_2022(small_db: str) -> None:
    counties = coverage_by_county(Filters(aar=2022)).set_index("fylke")
    assert len(counties) == 15 and counties.kommuner.sum() == 357
    vestland = counties.loc["46"]
    assert vestland.fylke_navn == "Vestland"
    assert (vestland.kommuner, vestland.deltar, vestland.helt_lag) == (43, 2, 0)
    assert (vestland.enheter, vestland.enheter_naadd, vestland.deltakere) == (6, 3, 36)
    assert vestland.innvilget_kr == 1_500_000
    assert vestland.andel_deltar == pytest.approx(100 * 2 / 43)
    akershus = counties.loc["32"]
    assert (akershus.kommuner, akershus.deltar, akershus.innvilget_kr) == (21, 1, 700_000)
    assert akershus.andel_deltar == pytest.approx(100 / 21)
    assert counties.loc["03"].andel_deltar == 0
    assert counties.deltar.sum() == 3


def test_county_aggregation_2021_whole_team_and_oslo(small_db: str) -> None:
    counties = coverage_by_county(Filters(aar=2021)).set_index("fylke")
    assert counties.loc["03"].andel_deltar == 100
    assert (counties.loc["46"].deltar, counties.loc["46"].helt_lag) == (1, 1)
    assert counties.loc["46"].andel_helt_lag == pytest.approx(100 / 43)


def test_county_aggregation_ignores_county_filter_but_not_sector(small_db: str) -> None:
    chosen = coverage_by_county(Filters(aar=2022, fylke="46"))
    assert len(chosen) == 15
    schools = coverage_by_county(Filters(aar=2022, sektor="GS")).set_index("fylke")
    assert schools.loc["46"].deltar == 1  # Askøy's school; Bergen's kindergartens drop out
    assert schools.loc["32"].deltar == 0  # Bærum took part with an upper secondary school


def test_county_aggregation_2020_structure(small_db: str) -> None:
    counties = coverage_by_county(Filters(aar=2022, struktur=2020)).set_index("fylke")
    assert len(counties) == 11 and counties.kommuner.sum() == 356
    assert counties.loc["30"].fylke_navn == "Viken"
    assert (counties.loc["30"].kommuner, counties.loc["30"].deltar) == (51, 1)


def test_rows_carry_county_name_profile_and_map_id(small_db: str) -> None:
    rows = coverage_rows(Filters(aar=2022)).set_index("kommunenummer")
    assert len(rows) == 357
    assert rows.loc["4601", "fylke_navn"] == "Vestland"
    assert rows.loc["4601", "profil"] == "4601" and rows.loc["4601", "kart_id"] == "4601"
    assert rows.loc["1580", "kart_id"] == "1508" and rows.loc["1580", "profil"] == "1580"
    old = coverage_rows(Filters(aar=2022, struktur=2020)).set_index("kommunenummer")
    assert old.loc["3024", "profil"] == "3201" and old.loc["3024", "kart_id"] == "3024"
    assert old.loc["1507", "profil"] == "1508" and old.loc["3024", "fylke_navn"] == "Viken"


def test_map_areas_merge_haram_into_alesund(small_db: str) -> None:
    areas = coverage_by_map_area(Filters(aar=2022)).set_index("kart_id")
    assert len(areas) == 356 and "1580" not in areas.index
    assert areas.loc["1508", "kommune"] == "Ålesund og Haram"
    assert areas.loc["1508", "profil"] == "1508"
    # municipalities and private owners only: the county authority's 700 000 is not on the map
    assert areas.innvilget_kr.sum() == 1_500_000 and areas.deltakere.sum() == 51
    assert areas.loc["4601", "andel_naadd"] == 50  # 2 of Bergen's 4 units
    old = coverage_by_map_area(Filters(aar=2022, struktur=2020))
    assert len(old) == 356 and set(old.kart_id) == set(old.kommunenummer)


def test_map_areas_sum_and_recompute_shares() -> None:
    import pandas as pd

    rows = pd.DataFrame(
        {
            "kart_id": ["1508", "1508", "4601"],
            "kommune": ["Ålesund", "Haram", "Bergen"],
            "kommunenummer": ["1508", "1580", "4601"],
            "profil": ["1508", "1580", "4601"],
            "fylke": ["15", "15", "46"],
            "fylke_navn": ["Møre og Romsdal"] * 2 + ["Vestland"],
            "enheter": [10, 2, 4],
            "barn_elever": [1000, 0, 500],
            "enheter_naadd": [0, 2, 1],
            "ansatte": [100, 20, 50],
            "ansatte_naadd": [0, 8, 3],
            "deltakere": [0, 8, 3],
            "innvilget_kr": [0, 100_000, 50_000],
            "helt_lag": [False, True, False],
        }
    )
    areas = map_areas(rows).set_index("kart_id")
    merged = areas.loc["1508"]
    assert merged.kommune == "Ålesund og Haram" and merged.profil == "1508"
    assert (merged.enheter, merged.enheter_naadd, merged.deltakere) == (12, 2, 8)
    assert bool(merged.deltar) and bool(merged.helt_lag)
    assert merged.andel_naadd == pytest.approx(100 * 2 / 12)
    assert merged.kr_per_barn == pytest.approx(100)
    assert merged.andel_ansatte_naadd == pytest.approx(100 * 8 / 120)
    assert map_areas(rows, money_per_child=False).kr_per_barn.isna().all()


def test_haram_is_marked_as_part_of_alesund_until_2023(small_db: str) -> None:
    rows = coverage_rows(Filters(aar=2023)).set_index("kommunenummer")
    assert rows.loc["1580", "kommune"] == "Haram (del av Ålesund til 2023)"
    assert rows.loc["1508", "kommune"] == "Ålesund"
    assert (
        coverage_rows(Filters(aar=2024)).set_index("kommunenummer").loc["1580", "kommune"]
        == "Haram"
    )
