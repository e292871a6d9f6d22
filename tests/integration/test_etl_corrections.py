"""Corrections: changed values are recorded, `--erstatt` replaces a slice, refused files reload."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from etl.cli import main
from etl.formats import ENHETER, TILDELINGER, TILTAK
from etl.load import load_file
from tests.conftest import write_input
from tests.integration.test_etl import MEASURE, UNIT, allocation, snapshot

ASKOY = {"kommunenummer": "4627", "mottaker": "Askøy kommune", "mottaker_id": "4627"}


@pytest.fixture
def base(engine: Engine, tmp_path: Path) -> Engine:
    """A database holding one unit and one measure (as in test_etl)."""
    load_file(engine, write_input(tmp_path / "enheter.csv", ENHETER, [UNIT]))
    load_file(engine, write_input(tmp_path / "tiltak.csv", TILTAK, [MEASURE]))
    return engine


def allocations(engine: Engine) -> list[tuple]:
    with engine.connect() as conn:
        return [
            tuple(r)
            for r in conn.execute(
                text(
                    "SELECT aar, mottaker_id, mottaker, innvilget_kr FROM tildeling "
                    "ORDER BY aar, mottaker_id"
                )
            )
        ]


def history(engine: Engine) -> list[tuple]:
    with engine.connect() as conn:
        return [
            tuple(r)
            for r in conn.execute(
                text(
                    "SELECT batch_id, tabell, nokkel, kolonne, gammel_verdi, ny_verdi, handling "
                    "FROM endring ORDER BY id"
                )
            )
        ]


def load(engine: Engine, path: Path, rows: list[dict], **options: bool):
    return load_file(engine, write_input(path, TILDELINGER, rows), **options)


def test_name_fix_updates_and_is_recorded(base: Engine, tmp_path: Path) -> None:
    load(base, tmp_path / "a.csv", [allocation(mottaker="Bodo kommune")])
    report = load(base, tmp_path / "b.csv", [allocation(mottaker="Bodø kommune")])
    assert (report.status, report.changed) == ("lastet", 1)
    assert allocations(base) == [(2021, "4601", "Bodø kommune", 1_250_000)]
    [(batch, table, key, column, old, new, action)] = history(base)
    assert (table, column, old, new, action) == (
        "tildeling",
        "mottaker",
        "Bodo kommune",
        "Bodø kommune",
        "endret",
    )
    assert json.loads(key) == {
        "aar": 2021,
        "tiltak_id": "VL-2021-001",
        "mottakertype": "kommune",
        "mottaker_id": "4601",
    }
    with base.connect() as conn:
        assert (
            conn.execute(text("SELECT fil FROM lastebatch WHERE batch_id = :b"), {"b": batch})
            .scalar_one()
            .endswith("b.csv")
        )


@pytest.mark.parametrize("memory_keys", [1_000_000, 0])
def test_replace_removes_rows_the_corrected_file_drops(
    base: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, memory_keys: int
) -> None:
    monkeypatch.setattr("etl.keys.MEMORY_KEYS", memory_keys)
    load(
        base,
        tmp_path / "a.csv",
        [
            allocation(),
            allocation(**ASKOY, innvilget_kr="500000"),
            allocation(år="2022", innvilget_kr="900000"),
        ],
    )
    report = load(
        base, tmp_path / "rettet.csv", [allocation(innvilget_kr="1 300 000")], replace=True
    )
    assert (report.status, report.changed, report.removed) == ("lastet", 1, 1)
    assert allocations(base) == [
        (2021, "4601", "Bergen kommune", 1_300_000),
        (2022, "4601", "Bergen kommune", 900_000),
    ]
    changes = [(column, old, new, action) for *_, column, old, new, action in history(base)]
    assert changes[0] == ("innvilget_kr", "1250000", "1300000", "endret")
    column, old, new, action = changes[1]
    assert (column, new, action) == ("(hele raden)", None, "slettet")
    assert json.loads(old)["mottaker"] == "Askøy kommune"
    assert json.loads(old)["innvilget_kr"] == 500_000


def test_replace_with_a_bad_row_changes_nothing(base: Engine, tmp_path: Path) -> None:
    load(base, tmp_path / "a.csv", [allocation(), allocation(**ASKOY)])
    before = snapshot(base)
    report = load(base, tmp_path / "b.csv", [allocation(innvilget_kr="1.300.000")], replace=True)
    assert report.status == "avvist" and "--erstatt" in report.message
    assert snapshot(base) == before


def test_replace_is_refused_for_referenced_tables(base: Engine, tmp_path: Path) -> None:
    report = load_file(base, write_input(tmp_path / "tiltak.csv", TILTAK, [MEASURE]), replace=True)
    assert report.status == "avvist" and "andre tabeller viser til" in report.message


def test_refused_file_loads_again_after_the_cause_is_fixed(engine: Engine, tmp_path: Path) -> None:
    path = write_input(tmp_path / "tildelinger.csv", TILDELINGER, [allocation()])
    first = load_file(engine, path)
    assert first.status == "delvis" and "ukjent kode" in first.rejected[0][1]
    load_file(engine, write_input(tmp_path / "tiltak.csv", TILTAK, [MEASURE]))
    again = load_file(engine, path)
    assert (again.status, again.accepted) == ("lastet", 1)
    assert load_file(engine, path).status == "uendret"


def test_cli_replace_reports_removed_rows(
    base: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    monkeypatch.setenv("DATABASE_URL", str(base.url))
    load(base, tmp_path / "a.csv", [allocation(), allocation(**ASKOY)])
    path = write_input(tmp_path / "b.csv", TILDELINGER, [allocation()])
    assert main(["load", "--erstatt", "--rapport", str(tmp_path / "r.csv"), str(path)]) == 0
    assert "1 slettet" in capsys.readouterr().out
    assert main(["status"]) == 0
    status = capsys.readouterr().out
    assert "Siste endringer" in status and "(hele raden): slettet «" in status
