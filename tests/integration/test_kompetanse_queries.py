"""Kompetanseområder queries against the small hand-written dataset (tests/small_data.py).

Expected numbers by hand. Main areas: VL-2021-001 INKL, VL-2022-001 LESE, OV-2022-001 AUTI,
OV-2021-002 INKL. Levels: INKL 1, LESE 2, AUTI 3.
Funds 2022: INKL 1 200 000 (Bergen), LESE 300 000 (Askøy), AUTI 700 000 (Viken fk → Akershus).
Funds 2021: INKL 1 000 000 + 500 000; 2025: INKL 2 000 000.
Participants 2022: INKL 12 (bhg A, kommunal) + 4 (bhg B, privat) = 16; LESE 20 (Askøy skole);
AUTI 15 (Bærum vgs, fylkeskommunal). 2021: INKL 10 + 25 + 5 + 30 = 70.
"""

from __future__ import annotations

import math

import pytest
from sqlalchemy import text

from loftet.db import make_engine
from loftet.filters import Filters
from loftet.queries.competence import (
    area_shares_by_county,
    area_shares_by_year,
    area_totals,
    area_totals_by_year,
    level_totals,
    participants_by_profession_and_sector,
)


def nonzero(frame, column: str) -> dict:
    return {k: v for k, v in frame.set_index("omrade")[column].items() if v}


def test_2022_funds_and_participants_by_main_area(small_db: str) -> None:
    frame = area_totals(Filters(aar=2022))
    assert len(frame) == 14  # every area, zeros included
    assert nonzero(frame, "innvilget_kr") == {"INKL": 1_200_000, "LESE": 300_000, "AUTI": 700_000}
    assert nonzero(frame, "deltakere") == {"INKL": 16, "LESE": 20, "AUTI": 15}
    inkl = frame.set_index("omrade").loc["INKL"]
    assert inkl.andel_kr == pytest.approx(100 * 1_200_000 / 2_200_000)
    assert inkl.nivaa == 1 and inkl.nivaa_navn == "Grunnleggende kompetanse for alle"


def test_areas_sum_to_national_total_every_year(small_db: str) -> None:
    engine = make_engine(small_db)
    with engine.connect() as conn:
        national = {
            int(y): int(s)
            for y, s in conn.execute(
                text("SELECT aar, SUM(innvilget_kr) FROM tildeling GROUP BY aar")
            )
        }
    engine.dispose()
    frame = area_totals_by_year(Filters())
    per_year = frame.groupby("aar").innvilget_kr.sum()
    assert (
        {y: int(s) for y, s in per_year.items() if s}
        == national
        == {2021: 1_500_000, 2022: 2_200_000, 2025: 2_000_000}
    )
    assert set(frame.aar) == set(range(2020, 2027))
    assert frame.groupby("aar").deltakere.sum()[2021] == 70


def test_levels_of_the_pyramid(small_db: str) -> None:
    frame = level_totals(Filters(aar=2022)).set_index("nivaa")
    assert frame.innvilget_kr.to_dict() == {1: 1_200_000, 2: 300_000, 3: 700_000}
    assert frame.deltakere.to_dict() == {1: 16, 2: 20, 3: 15}
    assert frame.nivaa_navn[3] == "Særlig komplekse behov"
    assert frame.omrader.to_dict() == {1: 5, 2: 6, 3: 3}
    assert frame.andel_deltakere.sum() == pytest.approx(100)


def test_county_filter_in_both_structures(small_db: str) -> None:
    vestland = area_totals(Filters(aar=2022, fylke="46"))
    assert nonzero(vestland, "innvilget_kr") == {"INKL": 1_200_000, "LESE": 300_000}
    assert nonzero(vestland, "deltakere") == {"INKL": 16, "LESE": 20}
    viken = area_totals(Filters(aar=2022, fylke="30", struktur=2020))
    assert nonzero(viken, "innvilget_kr") == {"AUTI": 700_000}
    assert nonzero(viken, "deltakere") == {"AUTI": 15}


def test_owner_filter_applies_to_funds_and_participants(small_db: str) -> None:
    municipal = area_totals(Filters(aar=2022, eier="kommunal"))
    assert nonzero(municipal, "innvilget_kr") == {"INKL": 1_200_000, "LESE": 300_000}
    assert nonzero(municipal, "deltakere") == {"INKL": 12, "LESE": 20}
    private = area_totals(Filters(aar=2022, eier="privat"))
    assert nonzero(private, "innvilget_kr") == {}
    assert nonzero(private, "deltakere") == {"INKL": 4}


def test_sector_filter_applies_to_participants_only(small_db: str) -> None:
    kindergartens = area_totals(Filters(aar=2022, sektor="BHG"))
    assert nonzero(kindergartens, "deltakere") == {"INKL": 16}
    assert nonzero(kindergartens, "innvilget_kr") == {
        "INKL": 1_200_000,
        "LESE": 300_000,
        "AUTI": 700_000,
    }


def test_county_area_shares_of_funds(small_db: str) -> None:
    frame = area_shares_by_county(Filters(aar=2022, fylke="46"))
    cell = frame.set_index(["fylke", "omrade"])
    assert cell.loc[("46", "INKL")].andel == pytest.approx(80.0)
    assert cell.loc[("46", "LESE")].andel == pytest.approx(20.0)
    assert cell.loc[("46", "AUTI")].andel == 0
    assert cell.loc[("32", "AUTI")].andel == pytest.approx(100.0)
    assert math.isnan(cell.loc[("03", "INKL")].andel)  # Oslo had no funds in 2022
    assert cell.loc[("00", "INKL")].andel == pytest.approx(100 * 1_200_000 / 2_200_000)
    assert cell.loc[("00", "INKL")].fylke_navn == "Hele landet"
    assert set(frame[frame.valgt].fylke) == {"46"}
    assert frame.fylke.nunique() == 16  # 15 counties and the nation
    assert frame.groupby("fylke").andel.sum(min_count=1).dropna().round(6).eq(100).all()


def test_county_area_shares_of_participants_in_2020_structure(small_db: str) -> None:
    frame = area_shares_by_county(Filters(aar=2022, struktur=2020), measure="deltakere")
    cell = frame.set_index(["fylke", "omrade"])
    assert cell.loc[("30", "AUTI")].verdi == 15 and cell.loc[("30", "AUTI")].andel == 100
    assert cell.loc[("46", "LESE")].andel == pytest.approx(100 * 20 / 36)
    assert frame.fylke.nunique() == 12


def test_participants_by_profession_and_sector(small_db: str) -> None:
    frame = participants_by_profession_and_sector(Filters(aar=2022))
    assert len(frame) == 10 * 5
    counted = {(r.profesjon, r.sektor): r.deltakere for r in frame.itertuples() if r.deltakere}
    assert counted == {
        ("ASSISTENT", "BHG"): 4,
        ("BHGLAERER", "BHG"): 12,
        ("LAERER", "GS"): 20,
        ("LAERER", "VGS"): 15,
    }
    vestland = participants_by_profession_and_sector(Filters(aar=2022, fylke="46"))
    assert vestland.deltakere.sum() == 36
    assert (
        participants_by_profession_and_sector(Filters(aar=2022, sektor="VGS")).deltakere.sum() == 15
    )


def test_shares_by_level_over_the_years(small_db: str) -> None:
    frame = area_shares_by_year(Filters(), "nivaa", "innvilget_kr")
    assert set(frame.aar) == {2021, 2022, 2025}  # years with nothing counted are left out
    cell = frame.set_index(["aar", "gruppe"])
    assert cell.loc[(2021, "1")].andel == 100
    assert cell.loc[(2022, "1")].andel == pytest.approx(100 * 1_200_000 / 2_200_000)
    assert cell.loc[(2022, "3")].gruppe_navn == "Nivå 3: Særlig komplekse behov"
    assert frame.groupby("aar").andel.sum().round(6).eq(100).all()


def test_shares_by_area_of_participants(small_db: str) -> None:
    frame = area_shares_by_year(Filters(fra=2021, aar=2022), "omrade", "deltakere")
    cell = frame.set_index(["aar", "gruppe"])
    assert cell.loc[(2022, "LESE")].andel == pytest.approx(100 * 20 / 51)
    assert cell.loc[(2021, "INKL")].verdi == 70
    assert frame.gruppe.nunique() == 14


def test_unknown_options_fall_back(small_db: str) -> None:
    frame = area_shares_by_year(Filters(aar=2022, fra=2022), "tull", "tull")
    assert set(frame.gruppe) == {"1", "2", "3"} and frame.verdi.sum() == 2_200_000
