"""The natural keys already seen in a file, kept on disk so memory does not grow with the file.

Each key is hashed (64 bits, pandas' `hash_pandas_object` of the key cells as text) and stored
with the line it came from in a scratch SQLite file in the system's temporary folder (deleted
when the load ends), so a duplicate anywhere in a multi-gigabyte file is found while only one
chunk is in memory. Two different keys hashing alike (odds about 1 in 10^12 for a
5-million-row file) would be reported as a duplicate — refused, never stored wrongly.
"""

from __future__ import annotations

import sqlite3
import tempfile
from pathlib import Path

import numpy as np
import pandas as pd

SCRATCH_CACHE_KIB = 16_000


def key_hashes(keys: pd.DataFrame) -> np.ndarray:
    """Signed 64-bit hashes of the key rows, the same for a parsed file row and a stored row."""
    as_text = keys.astype(object).where(keys.notna(), "").astype(str)
    hashed = pd.util.hash_pandas_object(as_text, index=False).to_numpy(dtype=np.uint64)
    return hashed.view(np.int64)


class SeenKeys:
    """Key hashes and their first lines, in a scratch database created on first use."""

    def __init__(self) -> None:
        self._folder: tempfile.TemporaryDirectory | None = None
        self._db: sqlite3.Connection | None = None

    def _connection(self) -> sqlite3.Connection:
        if self._db is None:
            self._folder = tempfile.TemporaryDirectory(prefix="loftet-nokler-")
            self._db = sqlite3.connect(Path(self._folder.name) / "nokler.sqlite")
            self._db.executescript(
                f"PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; "
                f"PRAGMA cache_size=-{SCRATCH_CACHE_KIB}; "
                "CREATE TABLE seen (h INTEGER PRIMARY KEY, line INTEGER NOT NULL); "
                "CREATE TABLE stage (pos INTEGER NOT NULL, h INTEGER NOT NULL, line INTEGER);")
        return self._db

    def close(self) -> None:
        """Delete the scratch database."""
        if self._db is not None:
            self._db.close()
            self._folder.cleanup()
            self._db = self._folder = None

    def _earlier(self, hashes: np.ndarray, lines: np.ndarray | None) -> dict[int, int]:
        """Position → stored line for hashes seen before; stage them for `_remember`."""
        db = self._connection()
        db.execute("DELETE FROM stage")
        line_values = lines.tolist() if lines is not None else [None] * len(hashes)
        db.executemany("INSERT INTO stage VALUES (?, ?, ?)",
                       zip(range(len(hashes)), hashes.tolist(), line_values, strict=True))
        return dict(db.execute(
            "SELECT stage.pos, seen.line FROM stage JOIN seen ON seen.h = stage.h"))

    def duplicates(self, keys: pd.DataFrame, ok: np.ndarray,
                   lines: list[int]) -> dict[int, int]:
        """Row position → first line, for rows (among `ok`) whose key was seen before in the
        file; the keys of the other `ok` rows are remembered."""
        positions = np.flatnonzero(ok & keys.notna().all(axis=1).to_numpy())
        if not len(positions):
            return {}
        hashes = pd.Series(key_hashes(keys.iloc[positions]))
        row_lines = np.asarray(lines, dtype=np.int64)[positions]
        first = ~hashes.duplicated().to_numpy()
        earlier = self._earlier(hashes[first].to_numpy(), row_lines[first])
        first_line = dict(zip(hashes[first], row_lines[first], strict=True))
        for stage_pos, line in earlier.items():
            first_line[hashes[first].iloc[stage_pos]] = line
        found = {int(positions[i]): int(first_line[hashes.iloc[i]])
                 for i in np.flatnonzero(~first)}
        found |= {int(positions[np.flatnonzero(first)[p]]): int(line)
                  for p, line in earlier.items()}
        self._connection().execute("INSERT OR IGNORE INTO seen (h, line) "
                                   "SELECT h, line FROM stage")
        return found

    def contains(self, keys: pd.DataFrame) -> np.ndarray:
        """For each key row: was it seen?"""
        result = np.zeros(len(keys), dtype=bool)
        if len(keys) and self._db is not None:
            result[list(self._earlier(key_hashes(keys), None))] = True
        return result
