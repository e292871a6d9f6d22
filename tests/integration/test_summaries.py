"""Summary tables written at load time: the whole-team rule, refresh in the load's transaction,
and no page query reading the raw participation table."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from sqlalchemy import Engine, text

from etl.formats import DELTAKELSE
from etl.load import load_file
from etl.summaries import service_areas
from loftet.db import make_engine
from tests.conftest import write_input

ROOT = Path(__file__).resolve().parents[2]


def test_a_ppt_office_serves_its_list_or_else_its_own_municipality() -> None:
    offices = pd.DataFrame(
        [
            ("900000001", "4627", "4601; 4627;4626"),  # inter-municipal, spaces around numbers
            ("900000002", "1103", None),  # no list: its own municipality
            ("900000003", "0301", " "),  # blank list: its own municipality
        ],
        columns=["enhet_id", "kommunenummer", "betjener_kommuner"],
    )
    assert list(service_areas(offices).itertuples(index=False, name=None)) == [
        ("900000001", "4601"),
        ("900000001", "4626"),
        ("900000001", "4627"),
        ("900000002", "1103"),
        ("900000003", "0301"),
    ]


@pytest.fixture
def copy_engine(small_db_url: str, tmp_path: Path) -> Iterator[Engine]:
    """A private copy of the small database."""
    copy = tmp_path / "copy.sqlite"
    shutil.copy(small_db_url.removeprefix("sqlite:///"), copy)
    engine = make_engine(f"sqlite:///{copy}")
    yield engine
    engine.dispose()


def _summary(engine: Engine) -> dict[str, Sequence[Any]]:
    with engine.connect() as conn:
        return {
            "team": conn.execute(
                text("SELECT aar, kommunenummer FROM oppsummering_helt_lag ORDER BY 1, 2")
            ).all(),
            "bergen_2022": conn.execute(
                text(
                    "SELECT enhetstype, eiertype, enheter_naadd, deltakere, ansatte_naadd "
                    "FROM oppsummering_deltakelse WHERE aar = 2022 AND kommunenummer = '4601' "
                    "ORDER BY 1, 2"
                )
            ).all(),
        }


def _participation(tmp_path: Path, name: str, rows: list[tuple]) -> Path:
    return write_input(
        tmp_path / name,
        DELTAKELSE,
        [dict(zip(DELTAKELSE.headers, row, strict=True)) for row in rows],
    )


def test_a_load_refreshes_the_summaries_and_a_rejected_load_leaves_them(
    copy_engine: Engine, tmp_path: Path
) -> None:
    before = _summary(copy_engine)
    # small data: Bergen's whole team in 2021 only; two kindergartens reached in 2022
    assert before["team"] == [(2021, "4601")]
    assert before["bergen_2022"] == [
        ("barnehage", "kommunal", 1, 12, 12),
        ("barnehage", "privat", 1, 4, 4),
    ]
    bad = _participation(
        tmp_path,
        "bad.csv",
        [
            (2022, "900000003", "VL-2021-001", "LAERER", 50),
            (2022, "999999999", "VL-2021-001", "LAERER", 1),
        ],
    )
    assert load_file(copy_engine, bad, strict=True).status == "avvist"
    assert _summary(copy_engine) == before
    good = _participation(
        tmp_path,
        "good.csv",
        [
            (2022, "900000003", "VL-2021-001", "LAERER", 50),
            (2022, "900000004", "VL-2021-001", "PPT", 3),
        ],
    )
    assert load_file(copy_engine, good, strict=True).status == "lastet"
    after = _summary(copy_engine)
    # the school (40 staff) now counts 50 participations but at most 40 staff reached, and
    # kindergarten, school and Bergen's own PPT office share VL-2021-001 in 2022
    assert after["team"] == [(2021, "4601"), (2022, "4601")]
    assert after["bergen_2022"] == [
        ("barnehage", "kommunal", 1, 12, 12),
        ("barnehage", "privat", 1, 4, 4),
        ("grunnskole", "kommunal", 1, 50, 40),
        ("ppt", "kommunal", 1, 3, 3),
    ]


RAW_READ = re.compile(r"\b(FROM|JOIN)\s+deltakelse\b", re.IGNORECASE)


def test_no_page_query_reads_the_raw_participation_table() -> None:
    sources = [*(ROOT / "loftet").rglob("*.py"), *(ROOT / "pages").rglob("*.py")]
    readers = [
        p.relative_to(ROOT).as_posix()
        for p in sources
        if RAW_READ.search(p.read_text(encoding="utf-8"))
    ]
    assert readers == []
