"""Summary tables written at load time: the whole-team rule, refresh in the load's transaction,
and no page query reading the raw participation table."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pandas as pd
import pytest
from sqlalchemy import Engine, text

from etl.formats import DELTAKELSE
from etl.load import load_file
from etl.summaries import whole_team
from loftet.db import make_engine
from tests.conftest import write_input

ROOT = Path(__file__).resolve().parent.parent
FACT_COLUMNS = ["aar", "kommunenummer", "enhetstype", "eiertype", "betjener_kommuner",
                "tiltak_id"]


def test_whole_team_needs_one_measure_and_a_municipal_ppt_serving_the_municipality() -> None:
    facts = pd.DataFrame([
        # M1: kindergarten and school in 4601, an inter-municipal PPT in 4627 serving 4601
        (2021, "4601", "barnehage", "kommunal", None, "M1"),
        (2021, "4601", "grunnskole", "privat", None, "M1"),
        (2021, "4627", "ppt", "kommunal", "4601;4627", "M1"),
        # M2: everything in 0301, but the PPT office is the county's
        (2021, "0301", "barnehage", "kommunal", None, "M2"),
        (2021, "0301", "grunnskole", "kommunal", None, "M2"),
        (2021, "0301", "ppt", "fylkeskommunal", "", "M2"),
        # M3 and M4: kindergarten and school in 4627 in different measures
        (2022, "4627", "barnehage", "kommunal", None, "M3"),
        (2022, "4627", "ppt", "kommunal", "", "M3"),
        (2022, "4627", "grunnskole", "kommunal", None, "M4"),
        (2022, "4627", "ppt", "kommunal", "", "M4"),
        # M5: all three in 1103, the PPT office serving its own municipality (empty list)
        (2022, "1103", "barnehage", "kommunal", None, "M5"),
        (2022, "1103", "grunnskole", "kommunal", None, "M5"),
        (2022, "1103", "ppt", "kommunal", None, "M5"),
    ], columns=FACT_COLUMNS)
    team = whole_team(facts)
    assert list(team.itertuples(index=False, name=None)) == [(2021, "4601"), (2022, "1103")]


@pytest.fixture
def copy_engine(small_db_url: str, tmp_path: Path) -> Engine:
    """A private copy of the small database."""
    copy = tmp_path / "copy.sqlite"
    shutil.copy(small_db_url.removeprefix("sqlite:///"), copy)
    engine = make_engine(f"sqlite:///{copy}")
    yield engine
    engine.dispose()


def _summary(engine: Engine) -> dict[str, list[tuple]]:
    with engine.connect() as conn:
        return {
            "team": conn.execute(text(
                "SELECT aar, kommunenummer FROM oppsummering_helt_lag ORDER BY 1, 2")).all(),
            "bergen_2022": conn.execute(text(
                "SELECT enhetstype, eiertype, enheter_naadd, deltakere, ansatte_naadd "
                "FROM oppsummering_deltakelse WHERE aar = 2022 AND kommunenummer = '4601' "
                "ORDER BY 1, 2")).all(),
        }


def _participation(tmp_path: Path, name: str, rows: list[tuple]) -> Path:
    return write_input(tmp_path / name, DELTAKELSE,
                       [dict(zip(DELTAKELSE.headers, row, strict=True)) for row in rows])


def test_a_load_refreshes_the_summaries_and_a_rejected_load_leaves_them(
        copy_engine: Engine, tmp_path: Path) -> None:
    before = _summary(copy_engine)
    # small data: Bergen's whole team in 2021 only; two kindergartens reached in 2022
    assert before["team"] == [(2021, "4601")]
    assert before["bergen_2022"] == [("barnehage", "kommunal", 1, 12, 12),
                                     ("barnehage", "privat", 1, 4, 4)]
    bad = _participation(tmp_path, "bad.csv", [
        (2022, "900000003", "VL-2021-001", "LAERER", 50),
        (2022, "999999999", "VL-2021-001", "LAERER", 1)])
    assert load_file(copy_engine, bad, strict=True).status == "avvist"
    assert _summary(copy_engine) == before
    good = _participation(tmp_path, "good.csv", [
        (2022, "900000003", "VL-2021-001", "LAERER", 50),
        (2022, "900000004", "VL-2021-001", "PPT", 3)])
    assert load_file(copy_engine, good, strict=True).status == "lastet"
    after = _summary(copy_engine)
    # the school (40 staff) now counts 50 participations but at most 40 staff reached, and
    # kindergarten, school and Bergen's own PPT office share VL-2021-001 in 2022
    assert after["team"] == [(2021, "4601"), (2022, "4601")]
    assert after["bergen_2022"] == [("barnehage", "kommunal", 1, 12, 12),
                                    ("barnehage", "privat", 1, 4, 4),
                                    ("grunnskole", "kommunal", 1, 50, 40),
                                    ("ppt", "kommunal", 1, 3, 3)]


RAW_READ = re.compile(r"\b(FROM|JOIN)\s+deltakelse\b", re.IGNORECASE)


def test_no_page_query_reads_the_raw_participation_table() -> None:
    sources = [*(ROOT / "loftet").rglob("*.py"), *(ROOT / "pages").rglob("*.py")]
    readers = [p.relative_to(ROOT).as_posix() for p in sources
               if RAW_READ.search(p.read_text(encoding="utf-8"))]
    assert readers == []
