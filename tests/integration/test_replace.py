"""Replacing the live SQLite database while readers are connected (`python -m etl replace`)."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from etl.cli import main
from etl.replace import ReplaceError, replace_database
from loftet.datastate import read_state
from loftet.queries.base import read_frame

TOTAL = "SELECT SUM(belop_kr) AS kr FROM bevilgning"


def _copy(small_db_url: str, target: Path) -> Path:
    shutil.copy(small_db_url.removeprefix("sqlite:///"), target)
    return target


def test_replace_under_a_connected_reader_gives_the_new_data(
    small_db_url: str, tmp_path: Path, monkeypatch
) -> None:
    live = _copy(small_db_url, tmp_path / "live.sqlite")
    new = _copy(small_db_url, tmp_path / "ny.sqlite")
    with sqlite3.connect(new) as conn:
        conn.execute("UPDATE bevilgning SET belop_kr = 1 WHERE aar = 2021")
        conn.execute(
            "INSERT INTO lastebatch (fil, filtype, sha256, lastet, rader_godtatt, "
            "rader_avvist) VALUES ('ny', 'bevilgning', 'x', '2031-01-01', 1, 0)"
        )
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{live}")
    before, old_version = int(read_frame(TOTAL).kr.iloc[0]), read_state().version
    reader = sqlite3.connect(live)
    reader.execute("PRAGMA journal_mode=WAL")
    assert reader.execute(TOTAL).fetchone()[0] == before

    assert main(["replace", str(new)]) == 0

    assert reader.execute(TOTAL).fetchone()[0] == before - 50_000_000 + 1
    assert read_state().version != old_version
    assert int(read_frame(TOTAL).kr.iloc[0]) == before - 50_000_000 + 1
    reader.close()
    with sqlite3.connect(live) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute(TOTAL).fetchone()[0] == before - 50_000_000 + 1


def test_replace_refuses_what_it_cannot_do_safely(
    small_db_url: str, tmp_path: Path, engine
) -> None:
    live = f"sqlite:///{tmp_path / 'live.sqlite'}"
    with pytest.raises(ReplaceError, match="finnes ikke"):
        replace_database(tmp_path / "borte.sqlite", live)
    with pytest.raises(ReplaceError, match="ingen lastede data"):
        replace_database(Path(engine.url.database), live)
    (tmp_path / "tekst.sqlite").write_text("ikke en database")
    with pytest.raises(ReplaceError, match="ikke en Løftet-database"):
        replace_database(tmp_path / "tekst.sqlite", live)
    source = _copy(small_db_url, tmp_path / "ny.sqlite")
    with pytest.raises(ReplaceError, match="bare SQLite"):
        replace_database(source, "postgresql+psycopg://u@localhost/loftet")
    assert not (tmp_path / "live.sqlite").exists()
