"""The national demo database reconciles: counties add up to the nation to the krone, in both
structures; every municipality with data has a map area; demo data is marked as such."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import Engine, text

from etl.reference import is_demo
from loftet.db import make_engine
from loftet.filters import Filters
from loftet.geography import municipality_geojson
from loftet.queries.coverage import coverage_by_municipality
from loftet.queries.coverage_areas import coverage_by_county


@pytest.fixture(scope="module")
def demo(demo_db_url: str) -> Iterator[Engine]:
    engine = make_engine(demo_db_url)
    yield engine
    engine.dispose()


def scalar(engine: Engine, sql: str, **params: object) -> int:
    with engine.connect() as conn:
        return conn.execute(text(sql), params).scalar_one()


def test_all_357_municipalities_and_demo_flag(demo: Engine) -> None:
    # Haram (1580) has no units of its own: the population file still counts it in Ålesund
    assert scalar(demo, "SELECT COUNT(DISTINCT kommunenummer) FROM enhet") == 356
    assert scalar(demo, "SELECT COUNT(*) FROM kommune") == 357
    assert is_demo(demo)


@pytest.mark.parametrize("county_column", ["fylkesnummer", "fylkesnummer_2020"])
def test_county_sums_equal_national_sums_every_year(demo: Engine, county_column: str) -> None:
    with demo.connect() as conn:
        national: dict[int, int] = dict(
            conn.execute(text("SELECT aar, SUM(innvilget_kr) FROM tildeling GROUP BY aar")).all()
        )
        by_county = conn.execute(
            text(
                f"SELECT t.aar, k.{county_column}, SUM(t.innvilget_kr) FROM tildeling t "
                "JOIN kommune k USING (kommunenummer) GROUP BY t.aar, k." + county_column
            )
        ).all()
        budget: dict[int, int] = dict(
            conn.execute(text("SELECT aar, belop_kr FROM bevilgning")).all()
        )
    summed: dict[int, int] = {}
    for year, _county, amount in by_county:
        summed[year] = summed.get(year, 0) + amount
    assert summed == national
    assert national == budget
    assert national[2021] == 50_000_000


def test_coverage_query_reconciles_with_database(
    demo: Engine, demo_db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DATABASE_URL", demo_db_url)
    for struktur in (2024, 2020):
        cov = coverage_by_municipality(Filters(aar=2023, struktur=struktur))
        assert cov.innvilget_kr.sum() == scalar(
            demo,
            "SELECT SUM(innvilget_kr) FROM tildeling WHERE aar = 2023 "
            "AND mottakertype <> 'fylkeskommune'",
        )
        counties = coverage_by_county(Filters(aar=2023, struktur=struktur))
        assert counties.innvilget_kr.sum() == scalar(
            demo, "SELECT SUM(innvilget_kr) FROM tildeling WHERE aar = 2023"
        )
        assert cov.deltakere.sum() == scalar(
            demo, "SELECT SUM(antall_deltakere) FROM deltakelse WHERE aar = 2023"
        )


def test_every_municipality_with_data_has_a_map_area(demo: Engine) -> None:
    features = {f["id"] for f in municipality_geojson(2024)["features"]}
    features_2020 = {f["id"] for f in municipality_geojson(2020)["features"]}
    with demo.connect() as conn:
        areas = conn.execute(
            text(
                "SELECT k.kartomrade, k.kommunenummer_2020 FROM kommune k WHERE "
                "k.kommunenummer IN (SELECT kommunenummer FROM enhet UNION "
                "SELECT kommunenummer FROM tildeling UNION "
                "SELECT kommunenummer FROM kvalitetsindikator)"
            )
        ).all()
    assert {a for a, _ in areas} <= features
    assert {b for _, b in areas} <= features_2020
    assert len(areas) == 356  # Haram's numbers are inside Ålesund in the demo
