"""Each metric recomputed with independent SQL on the national demo database, against what the
pages show (Oversikt's key figures, Dekning's rows and counties, the municipality profile)."""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from typing import Any

import pytest
from sqlalchemy import Engine, text

from loftet.db import make_engine
from loftet.filters import Filters
from loftet.queries.coverage import coverage_by_municipality
from loftet.queries.coverage_areas import coverage_by_county
from loftet.queries.kpi_values import area_values

YEAR = 2025

WHOLE_TEAM_SQL = """
WITH p AS (SELECT DISTINCT d.tiltak_id, e.enhetstype, e.eiertype, e.kommunenummer,
                  e.betjener_kommuner
           FROM deltakelse d JOIN enhet e ON e.enhet_id = d.enhet_id WHERE d.aar = :aar)
SELECT COUNT(DISTINCT b.kommunenummer)
FROM p b
JOIN p s ON s.tiltak_id = b.tiltak_id AND s.kommunenummer = b.kommunenummer
            AND s.enhetstype = 'grunnskole'
JOIN p t ON t.tiltak_id = b.tiltak_id AND t.enhetstype = 'ppt' AND t.eiertype = 'kommunal'
            AND ';' || COALESCE(NULLIF(t.betjener_kommuner, ''), t.kommunenummer) || ';'
                LIKE '%;' || b.kommunenummer || ';%'
WHERE b.enhetstype = 'barnehage' {county}
"""

STAFF_REACHED_SQL = """
SELECT SUM(CASE WHEN COALESCE(u.n, 0) > e.antall_ansatte THEN e.antall_ansatte
                ELSE COALESCE(u.n, 0) END), SUM(e.antall_ansatte)
FROM enhet e LEFT JOIN (SELECT enhet_id, SUM(antall_deltakere) AS n FROM deltakelse
                        WHERE aar = :aar GROUP BY enhet_id) u ON u.enhet_id = e.enhet_id
JOIN kommune k ON k.kommunenummer = e.kommunenummer
WHERE 1 = 1 {where}
"""


@pytest.fixture(scope="module")
def demo(demo_db_url: str) -> Iterator[Engine]:
    engine = make_engine(demo_db_url)
    yield engine
    engine.dispose()


@pytest.fixture(autouse=True)
def on_demo(demo_db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATABASE_URL", demo_db_url)


def rows(engine: Engine, sql: str, **params: object) -> Sequence[Any]:
    with engine.connect() as conn:
        return conn.execute(text(sql), params).all()


def test_whole_team_counts_one_measure_with_kindergarten_school_and_serving_ppt(
    demo: Engine,
) -> None:
    expected = rows(demo, WHOLE_TEAM_SQL.format(county=""), aar=YEAR)[0][0]
    items = area_values(Filters(aar=YEAR), YEAR)
    assert items["helt_lag"] == pytest.approx(100 * expected / 357)
    vestland = rows(
        demo,
        WHOLE_TEAM_SQL.format(
            county="AND b.kommunenummer IN (SELECT kommunenummer FROM kommune "
            "WHERE fylkesnummer = '46')"
        ),
        aar=2023,
    )[0][0]
    counties = coverage_by_county(Filters(aar=2023)).set_index("fylke")
    assert counties.loc["46", "helt_lag"] == vestland
    assert 0 < vestland < counties.loc["46", "deltar"]


def test_staff_reached_caps_each_unit_at_its_staff(demo: Engine) -> None:
    reached, staff = rows(demo, STAFF_REACHED_SQL.format(where=""), aar=YEAR)[0]
    items = area_values(Filters(aar=YEAR), YEAR)
    assert items["andel_ansatte_naadd"] == pytest.approx(100 * reached / staff)
    reached, staff = rows(
        demo,
        STAFF_REACHED_SQL.format(where="AND e.enhetstype = 'barnehage' AND k.fylkesnummer = '46'"),
        aar=YEAR,
    )[0]
    cov = coverage_by_municipality(Filters(aar=YEAR, fylke="46", sektor="BHG"))
    assert cov.ansatte_naadd.sum() == reached and cov.ansatte.sum() == staff


def test_money_is_not_split_by_sector(demo: Engine) -> None:
    """With a sector chosen the money is the same (all sectors) and NOK per child is hidden."""
    total = rows(demo, "SELECT SUM(innvilget_kr) FROM tildeling WHERE aar = :aar", aar=YEAR)[0][0]
    for sector in ("BHG", "PPT"):
        items = area_values(Filters(aar=YEAR, sektor=sector), YEAR)
        assert items["innvilget_kr"] == total
        cov = coverage_by_municipality(Filters(aar=YEAR, sektor=sector))
        assert cov.kr_per_barn.isna().all()


def test_county_authority_money_is_in_the_county_not_in_a_municipality(demo: Engine) -> None:
    municipal = rows(
        demo,
        "SELECT kommunenummer, SUM(innvilget_kr) FROM tildeling "
        "WHERE aar = :aar AND mottakertype <> 'fylkeskommune' "
        "GROUP BY kommunenummer",
        aar=YEAR,
    )
    cov = coverage_by_municipality(Filters(aar=YEAR)).set_index("kommunenummer")
    for number, amount in municipal:
        assert cov.loc[number, "innvilget_kr"] == amount
    by_county = dict(
        rows(
            demo,
            "SELECT k.fylkesnummer, SUM(t.innvilget_kr) FROM tildeling t "
            "JOIN kommune k ON k.kommunenummer = t.kommunenummer "
            "WHERE t.aar = :aar GROUP BY k.fylkesnummer",
            aar=YEAR,
        )
    )
    counties = coverage_by_county(Filters(aar=YEAR)).set_index("fylke")
    assert counties.innvilget_kr.to_dict() == by_county


def test_oslo_is_the_same_as_municipality_and_county(demo: Engine) -> None:
    cov = coverage_by_municipality(Filters(aar=YEAR)).set_index("kommunenummer").loc["0301"]
    county = coverage_by_county(Filters(aar=YEAR)).set_index("fylke").loc["03"]
    for column in ("innvilget_kr", "deltakere", "ansatte_naadd", "enheter"):
        assert cov[column] == county[column], column


def test_no_grants_in_the_start_up_year(demo: Engine) -> None:
    assert rows(demo, "SELECT COUNT(*) FROM tildeling WHERE aar = 2020")[0][0] == 0
    items = area_values(Filters(aar=2020), 2020)
    assert items["innvilget_kr"] == 0 and items["deltakere"] == 0
    value = items["kommuner_deltar"]
    assert value is not None and not math.isnan(value)
