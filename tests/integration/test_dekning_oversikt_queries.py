"""Coverage and Oversikt queries against the small hand-written dataset."""

from __future__ import annotations

from loftet.filters import Filters
from loftet.queries.coverage import coverage_by_municipality, participation_by_year
from loftet.queries.coverage_areas import coverage_by_county
from loftet.queries.overview import units_reached_by_sector


def by_number(frame):
    return frame.set_index("kommunenummer")


def test_coverage_2021_counts_units_participants_and_whole_team(small_db: str) -> None:
    cov = by_number(coverage_by_municipality(Filters(aar=2021)))
    assert len(cov) == 357
    bergen = cov.loc["4601"]
    assert (bergen.enheter, bergen.enheter_naadd, bergen.deltakere) == (4, 3, 40)
    assert bergen.innvilget_kr == 1_000_000 and bool(bergen.helt_lag)
    assert bool(cov.loc["0301"].deltar) and not bool(cov.loc["0301"].helt_lag)
    assert cov.deltar.sum() == 2


def test_2020_structure_sums_baerum_into_old_number(small_db: str) -> None:
    cov = by_number(coverage_by_municipality(Filters(aar=2022, struktur=2020)))
    assert len(cov) == 356
    # Viken county authority's 700 000 belongs to no municipality, only to the county
    assert cov.loc["3024"].innvilget_kr == 0 and cov.loc["3024"].fylke == "30"
    assert cov.innvilget_kr.sum() == 1_500_000
    counties = coverage_by_county(Filters(aar=2022, struktur=2020)).set_index("fylke")
    assert counties.loc["30", "innvilget_kr"] == 700_000
    assert counties.loc["30", "innvilget_fylkeskommune_kr"] == 700_000


def test_county_and_owner_filters(small_db: str) -> None:
    vestland = coverage_by_municipality(Filters(aar=2022, fylke="46"))
    assert set(vestland.fylke) == {"46"} and vestland.innvilget_kr.sum() == 1_500_000
    private = by_number(coverage_by_municipality(Filters(aar=2022, eier="privat")))
    assert private.loc["4601"].enheter == 1 and private.loc["4601"].deltakere == 4


def test_units_reached_by_sector(small_db: str) -> None:
    sectors = units_reached_by_sector(Filters(aar=2022), 2022).set_index("sektor")
    assert (sectors.loc["BHG"].enheter, sectors.loc["BHG"].enheter_naadd) == (3, 2)
    assert sectors.loc["VGS"].andel_naadd == 100


def test_participation_by_year_matches_coverage_year_by_year(small_db: str) -> None:
    for filters in (
        Filters(aar=2025),
        Filters(aar=2022, struktur=2020, fylke="46"),
        Filters(aar=2022, sektor="BHG"),
    ):
        trend = participation_by_year(filters).set_index("aar")
        for year in range(filters.fra, filters.aar + 1):
            cov = coverage_by_municipality(filters, year)
            assert trend.loc[year, "deltar"] == cov.deltar.sum()
            assert trend.loc[year, "helt_lag"] == cov.helt_lag.sum()
            assert trend.loc[year, "kommuner"] == len(cov)
    assert participation_by_year(Filters(aar=2022)).set_index("aar").loc[2021, "deltar"] == 2
