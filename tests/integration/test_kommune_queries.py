"""Kommuneprofil queries against the small hand-written dataset (tests/small_data.py).

Hand-computed facts used below:
- Children/pupils: Bergen 80 + 40 + 400 + 0 = 520 (4 units), Askøy 60 + 300 = 360 (2 units),
  Vestland 880, Oslo 500, Bærum 600; the nation 1 980.
- 2021: Bergen 10 + 25 + 5 = 40 participants from 3 units (kindergarten, school and PPT in
  VL-2021-001), Oslo 30; granted Bergen 1 000 000 (spent 900 000), Oslo 500 000.
- 2022: Bergen 12 + 4 = 16 from two kindergartens, Askøy 20, Bærum 15; granted Bergen 1 200 000,
  Askøy 300 000, Bærum (reported as 3024) 700 000 with spending not reported.
- 2025: Bergen 2 000 000 granted, spending not reported.
"""

from __future__ import annotations

import math

import pandas as pd
import pytest

from loftet.charts.kpi_table import kpi_table
from loftet.filters import Filters
from loftet.queries.municipality import (
    allocations_by_year,
    find_municipality,
    indicators_compared,
    measures_in_municipality,
    municipality,
    municipality_choices,
    participants_by_profession,
    participation_by_year,
    reach_profile,
    units_reached_by_sector_compared,
)


def test_find_municipality_in_the_database(small_db: str) -> None:
    assert find_municipality("4601").kommunenummer == "4601"
    baerum = find_municipality("3024")
    assert baerum.kommunenummer == "3201" and baerum.note is not None
    assert baerum.note.startswith("Kommunenummer 3024 gjaldt til 2023")
    assert find_municipality("1507").kommunenummer == "1508"
    assert not find_municipality("9999").found and not find_municipality("abc").found


def test_municipality_has_both_counties_and_statsforvalter(small_db: str) -> None:
    baerum = municipality("3201")
    assert baerum is not None
    assert (baerum.navn, baerum.kommunenummer_2020) == ("Bærum", "3024")
    assert baerum.county(2024) == ("32", "Akershus")
    assert baerum.county(2020) == ("30", "Viken")
    assert baerum.statsforvalter_navn == "Statsforvalteren i Oslo og Viken"
    assert baerum.renumbered
    bergen = municipality("4601")
    assert bergen is not None
    assert bergen.county(2020) == bergen.county(2024) == ("46", "Vestland")
    assert not bergen.renumbered
    assert municipality("9999") is None


def test_choices_list_every_municipality_with_old_numbers_searchable(small_db: str) -> None:
    choices = municipality_choices().set_index("kommunenummer")
    assert len(choices) == 357
    assert choices.loc["3201"].etikett == "Bærum (3201, før 2024: 3024)"
    assert choices.loc["4601"].etikett == "Bergen (4601)"
    # Norwegian alphabet: Æ, Ø, Å after Z
    names = list(municipality_choices().navn)
    assert names.index("Ålesund") > names.index("Øygarden") > names.index("Ørland")


def key_figures(kommunenummer: str, filters: Filters) -> pd.DataFrame:
    """The profile's key figures from the KPI catalogue, one row per KPI."""
    return kpi_table(filters, {"kommune": kommunenummer}).set_index("kpi")


def test_key_figures_bergen_2021(small_db: str) -> None:
    figures = key_figures("4601", Filters(aar=2021))
    value = figures.verdi
    assert (value["deltar"], value["helt_lag_kommune"]) == (100, 100)
    assert (value["deltakere"], value["innvilget_kr"]) == (40, 1_000_000)
    assert value["andel_naadd"] == pytest.approx(100 * 3 / 4)
    per_1000 = figures.loc["deltakere_per_1000"]
    assert per_1000.verdi == pytest.approx(1000 * 40 / 520)
    assert per_1000.fylke == pytest.approx(1000 * 40 / 880)
    assert per_1000.landet == pytest.approx(1000 * 70 / 1980)
    per_child = figures.loc["kr_per_barn"]
    assert per_child.verdi == pytest.approx(1_000_000 / 520)
    assert per_child.fylke == pytest.approx(1_000_000 / 880)
    assert per_child.landet == pytest.approx(1_500_000 / 1980)


def test_key_figures_bergen_2022_without_whole_team(small_db: str) -> None:
    value = key_figures("4601", Filters(aar=2022)).verdi
    assert (value["deltar"], value["helt_lag_kommune"], value["deltakere"]) == (100, 0, 16)
    assert value["innvilget_kr"] == 1_200_000
    quiet = key_figures("4601", Filters(aar=2023)).verdi
    assert (quiet["deltar"], quiet["deltakere"], quiet["innvilget_kr"]) == (0, 0, 0)


def test_key_figures_baerum_compares_with_old_or_new_county(small_db: str) -> None:
    # Bærum is alone in both Akershus (2024) and Viken (2020) in the small data
    for struktur in (2020, 2024):
        figures = key_figures("3201", Filters(aar=2022, struktur=struktur))
        # the 700 000 went to Viken county authority, which is no municipality's money
        assert (figures.verdi["deltakere"], figures.verdi["innvilget_kr"]) == (15, 0)
        assert figures.loc["deltakere_per_1000", "fylke"] == pytest.approx(1000 * 15 / 600)
    assert key_figures("9999", Filters()).empty


def test_units_reached_by_sector_against_county_and_nation(small_db: str) -> None:
    sectors = units_reached_by_sector_compared("4601", Filters(aar=2022)).set_index("sektor")
    assert list(sectors.index) == ["BHG", "GS", "VGS", "PPT", "ANNET"]
    bhg = sectors.loc["BHG"]
    assert (bhg.enheter, bhg.enheter_naadd, bhg.andel_kommune) == (2, 2, 100)
    assert bhg.andel_fylke == pytest.approx(100 * 2 / 3)
    gs = sectors.loc["GS"]
    assert (gs.enheter, gs.enheter_naadd, gs.andel_kommune) == (1, 0, 0)
    assert gs.andel_fylke == pytest.approx(50) and gs.andel_landet == pytest.approx(100 / 3)
    vgs = sectors.loc["VGS"]
    assert vgs.enheter == 0 and math.isnan(vgs.andel_kommune) and vgs.andel_landet == 100
    assert math.isnan(vgs.andel_fylke)  # Vestland has no upper secondary school here


def test_participation_by_year_for_municipality_county_and_nation(small_db: str) -> None:
    frame = participation_by_year("4601", Filters(fra=2020, aar=2022)).set_index("aar")
    assert list(frame.index) == [2020, 2021, 2022]
    assert list(frame.deltakere) == [0, 40, 16]
    assert frame.loc[2020].per_1000_kommune == 0  # a real zero: nobody took part
    assert frame.loc[2021].per_1000_kommune == pytest.approx(1000 * 40 / 520)
    assert frame.loc[2022].per_1000_fylke == pytest.approx(1000 * 36 / 880)
    assert frame.loc[2022].per_1000_landet == pytest.approx(1000 * 51 / 1980)
    assert frame.loc[2022].barn_elever_landet == 1980


def test_participation_county_follows_the_structure(small_db: str) -> None:
    new = participation_by_year("3201", Filters(fra=2022, aar=2022, struktur=2024))
    old = participation_by_year("3201", Filters(fra=2022, aar=2022, struktur=2020))
    assert new.barn_elever_fylke.iloc[0] == old.barn_elever_fylke.iloc[0] == 600
    assert new.deltakere.iloc[0] == 15


def test_allocations_by_year_with_spending_not_reported_as_missing(small_db: str) -> None:
    frame = allocations_by_year("4601", Filters(fra=2021, aar=2025)).set_index("aar")
    assert list(frame.innvilget_kr) == [1_000_000, 1_200_000, 0, 0, 2_000_000]
    assert list(frame.brukt_kr.iloc[:2]) == [900_000, 1_100_000]
    assert frame.brukt_kr.iloc[2:].isna().all()  # never 0 when not reported
    assert frame.loc[2022].kr_per_barn_kommune == pytest.approx(1_200_000 / 520)
    assert frame.loc[2022].kr_per_barn_fylke == pytest.approx(1_500_000 / 880)
    # like with like: municipalities and private owners (not the county authority's 700 000)
    assert frame.loc[2022].kr_per_barn_landet == pytest.approx(1_500_000 / 1980)
    baerum = allocations_by_year("3201", Filters(fra=2022, aar=2022)).iloc[0]
    assert baerum.innvilget_kr == 0 and math.isnan(baerum.brukt_kr)


def test_participants_by_profession_with_shares(small_db: str) -> None:
    frame = participants_by_profession("4601", Filters(aar=2021)).set_index("profesjon")
    assert set(frame.index) == {"LAERER", "BHGLAERER", "PPT"}
    assert frame.loc["LAERER"].deltakere == 25 and frame.loc["LAERER"].andel_kommune == 62.5
    assert frame.loc["PPT"].andel_fylke == 12.5
    assert frame.loc["LAERER"].andel_landet == pytest.approx(100 * 55 / 70)
    assert list(frame.index)[0] == "LAERER"  # most participants first
    askoy = participants_by_profession("4627", Filters(aar=2021))
    assert (askoy.deltakere == 0).all() and askoy.andel_kommune.isna().all()


def test_reach_profile_holds_professions_and_sectors(small_db: str) -> None:
    frame = reach_profile("4601", Filters(aar=2022))
    prof = frame[frame["del"] == "profesjon"].set_index("kode")
    assert prof.loc["BHGLAERER"].antall == 12 and (prof.av == 16).all()
    sect = frame[frame["del"] == "sektor"].set_index("kode")
    assert (sect.loc["BHG"].antall, sect.loc["BHG"].av) == (2, 2)


def test_indicators_latest_year_with_county_and_national_levels(small_db: str) -> None:
    frame = indicators_compared("4601", Filters(aar=2026))
    assert list(frame.indikator) == ["SPESUND"]  # the only indicator with data
    row = frame.iloc[0]
    assert (row.aar, row.kommune, row.status, row.kommune_forrige) == (2022, 8.0, "vist", 7.5)
    assert row.fylke == pytest.approx(100 * (32 + 27) / (400 + 300))
    assert row.landet == pytest.approx(100 * 121 / 1800)
    assert row.kommuner_med_verdi == 4


def test_suppressed_indicator_is_skjermet_never_zero(small_db: str) -> None:
    row = indicators_compared("3201", Filters(aar=2021)).iloc[0]
    assert row.status == "skjermet" and math.isnan(row.kommune)
    assert math.isnan(row.fylke)  # Akershus has only the suppressed Bærum
    assert row.landet == pytest.approx(7.5)
    missing = indicators_compared("1101", Filters(aar=2022)).iloc[0]
    assert missing.status == "mangler" and math.isnan(missing.kommune)
    assert indicators_compared("4601", Filters(aar=2020)).empty


def test_measures_in_municipality(small_db: str) -> None:
    frame = measures_in_municipality("4601", Filters(fra=2020, aar=2022))
    assert list(frame.tiltak_id) == ["VL-2021-001"]
    row = frame.iloc[0]
    assert (row.innvilget_kr, row.deltakere, row.startaar) == (1_200_000, 16, 2021)
    assert (row.uh_partner, row.eier) == ("HVL", "Bergen kommune")
    assert row.hovedomrade == "Inkluderende praksis og fellesskap"
    in_2021 = measures_in_municipality("4601", Filters(fra=2021, aar=2021)).iloc[0]
    assert (in_2021.innvilget_kr, in_2021.deltakere) == (1_000_000, 40)
    only_money = measures_in_municipality("4601", Filters(fra=2025, aar=2025)).iloc[0]
    assert (only_money.innvilget_kr, only_money.deltakere) == (2_000_000, 0)
    assert measures_in_municipality("4601", Filters(fra=2023, aar=2024)).empty
    baerum = measures_in_municipality("3201", Filters(fra=2020, aar=2022))
    # Viken county authority received the grant: Bærum is credited 0 kr and told who got it
    assert list(baerum.tiltak_id) == ["OV-2022-001"] and baerum.innvilget_kr.iloc[0] == 0
    assert baerum.mottaker.iloc[0] == "Fylkeskommunen: Viken fylkeskommune"
    assert row.mottaker == "Bergen kommune"


def test_sector_shares_equal_those_on_oversikt(small_db: str) -> None:
    from loftet.queries.overview import units_reached_by_sector

    for struktur, county in ((2024, "32"), (2020, "30")):
        ours = units_reached_by_sector_compared("3201", Filters(aar=2022, struktur=struktur))
        nation = units_reached_by_sector(Filters(aar=2022), 2022)
        in_county = units_reached_by_sector(
            Filters(aar=2022, fylke=county, struktur=struktur), 2022
        )
        pd.testing.assert_series_equal(ours.andel_landet, nation.andel_naadd, check_names=False)
        pd.testing.assert_series_equal(ours.andel_fylke, in_county.andel_naadd, check_names=False)
