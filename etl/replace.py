"""`python -m etl replace NY.sqlite`: put a complete, separately built SQLite database in place of
the live one, safely while the app runs.

Never copy or move a file over a live SQLite database: open connections keep reading the old
file, and a `-wal` file left beside it is later applied to the new one (rows lost without an
error). This command uses SQLite's online backup instead: it writes the new pages into the
live database under SQLite's own locks, so every reader sees either the old data or the new,
never a mix, and the write-ahead log stays consistent. The new data has a new data version,
so every worker's cache lets go of the old results at its next request.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from loftet.datastate import sqlite_file

PAGES_PER_STEP = 4096
"""Pages copied per backup step; readers may read between steps."""


class ReplaceError(RuntimeError):
    """The replacement cannot be done (message in Norwegian)."""


def check_source(source: Path) -> int:
    """The number of load batches in `source`; `ReplaceError` if it is no loaded database."""
    if not source.is_file():
        raise ReplaceError(f"{source} finnes ikke.")
    try:
        with sqlite3.connect(f"file:{source.resolve()}?mode=ro", uri=True) as conn:
            conn.execute("PRAGMA quick_check").fetchone()
            batches = conn.execute("SELECT COUNT(*) FROM lastebatch").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        raise ReplaceError(f"{source} er ikke en Løftet-database: {exc}") from exc
    if not batches:
        raise ReplaceError(f"{source} har ingen lastede data.")
    return batches


def replace_database(source: Path, target_url: str) -> Path:
    """Copy `source` into the SQLite database of `target_url` with the online backup API.

    Returns:
        The live database file.
    """
    target = sqlite_file(target_url)
    if target is None:
        raise ReplaceError(
            "«replace» gjelder bare SQLite. For PostgreSQL: last nye filer med "
            "«python -m etl load», eller bygg en ny database og bytt "
            "DATABASE_URL (se README)."
        )
    check_source(source)
    if source.resolve() == target.resolve():
        raise ReplaceError("Kilde og mål er samme fil.")
    target.parent.mkdir(parents=True, exist_ok=True)
    with (
        sqlite3.connect(f"file:{source.resolve()}?mode=ro", uri=True) as src,
        sqlite3.connect(target) as dst,
    ):
        dst.execute("PRAGMA busy_timeout = 30000")
        src.backup(dst, pages=PAGES_PER_STEP)
        dst.execute("PRAGMA journal_mode=WAL")
        dst.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return target
