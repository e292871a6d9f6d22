"""The natural keys already seen in a file, in bounded memory.

Each key is hashed (64 bits, pandas' `hash_pandas_object` of the key cells as text) and kept with
the line it came from: in sorted arrays for the first `MEMORY_KEYS` keys (12 bytes each, about
12 MB), then in a scratch SQLite file in the system's temporary folder (deleted when the load
ends), so a duplicate anywhere in a multi-gigabyte file is found while memory stays bounded. Two
different keys hashing alike (odds about 1 in 10^12 for a 5-million-row file) would be reported as
a duplicate — refused, never stored wrongly.
"""

from __future__ import annotations

import sqlite3
import tempfile
from pathlib import Path

import numpy as np
import pandas as pd

SCRATCH_CACHE_KIB = 16_000
MEMORY_KEYS = 1_000_000
SPILL_ROWS = 50_000


def key_hashes(keys: pd.DataFrame) -> np.ndarray:
    """Signed 64-bit hashes of the key rows, the same for a parsed file row and a stored row."""
    as_text = keys.astype(object).where(keys.notna(), "").astype(str)
    hashed = pd.util.hash_pandas_object(as_text, index=False).to_numpy(dtype=np.uint64)
    return hashed.view(np.int64)


class SeenKeys:
    """Key hashes and their first lines: sorted arrays, spilled to a scratch database."""

    def __init__(self) -> None:
        self._hashes = np.empty(0, dtype=np.int64)
        self._lines = np.empty(0, dtype=np.int64)
        self._folder: tempfile.TemporaryDirectory | None = None
        self._db: sqlite3.Connection | None = None

    def close(self) -> None:
        """Delete the scratch database, if one was made."""
        if self._db is not None:
            self._db.close()
            if self._folder is not None:
                self._folder.cleanup()
            self._db = self._folder = None

    def _spill(self) -> None:
        self._folder = tempfile.TemporaryDirectory(prefix="loftet-nokler-")
        self._db = sqlite3.connect(Path(self._folder.name) / "nokler.sqlite")
        self._db.executescript(
            f"PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; "
            f"PRAGMA cache_size=-{SCRATCH_CACHE_KIB}; "
            "CREATE TABLE seen (h INTEGER PRIMARY KEY, line INTEGER NOT NULL); "
            "CREATE TABLE stage (pos INTEGER NOT NULL, h INTEGER NOT NULL, line INTEGER);"
        )
        for start in range(0, len(self._hashes), SPILL_ROWS):
            part = slice(start, start + SPILL_ROWS)
            self._db.executemany(
                "INSERT INTO seen VALUES (?, ?)",
                zip(self._hashes[part].tolist(), self._lines[part].tolist(), strict=True),
            )
        self._hashes = np.empty(0, dtype=np.int64)
        self._lines = np.empty(0, dtype=np.int64)

    def _earlier(self, hashes: np.ndarray) -> dict[int, int]:
        """Position → stored line, for the (distinct) hashes seen before."""
        if self._db is None:
            if not len(self._hashes):
                return {}
            where = np.minimum(np.searchsorted(self._hashes, hashes), len(self._hashes) - 1)
            found = np.flatnonzero(self._hashes[where] == hashes)
            return dict(zip(found.tolist(), self._lines[where[found]].tolist(), strict=True))
        self._db.execute("DELETE FROM stage")
        order = np.argsort(hashes)
        self._db.executemany(
            "INSERT INTO stage VALUES (?, ?, NULL)",
            zip(order.tolist(), hashes[order].tolist(), strict=True),
        )
        return dict(
            self._db.execute(
                "SELECT stage.pos, seen.line FROM stage JOIN seen ON seen.h = stage.h "
                "ORDER BY stage.h"
            )
        )

    def _remember(self, hashes: np.ndarray, lines: np.ndarray) -> None:
        """Add new distinct hashes (none seen before)."""
        if self._db is None and len(self._hashes) + len(hashes) > MEMORY_KEYS:
            self._spill()
        order = np.argsort(hashes)
        if self._db is not None:
            self._db.executemany(
                "INSERT INTO seen VALUES (?, ?)",
                zip(hashes[order].tolist(), lines[order].tolist(), strict=True),
            )
            return
        where = np.searchsorted(self._hashes, hashes[order])
        self._hashes = np.insert(self._hashes, where, hashes[order])
        self._lines = np.insert(self._lines, where, lines[order])

    def duplicates(self, keys: pd.DataFrame, ok: np.ndarray, lines: list[int]) -> dict[int, int]:
        """Row position → first line, for rows (among `ok`) whose key was seen before in the
        file; the keys of the other `ok` rows are remembered."""
        positions = np.flatnonzero(ok & keys.notna().all(axis=1).to_numpy())
        if not len(positions):
            return {}
        hashes = key_hashes(keys.iloc[positions])
        row_lines = np.asarray(lines, dtype=np.int64)[positions]
        first = ~pd.Series(hashes).duplicated().to_numpy()
        first_at = np.flatnonzero(first)
        earlier = self._earlier(hashes[first_at])
        first_line = dict(zip(hashes[first_at].tolist(), row_lines[first_at].tolist(), strict=True))
        for stage_pos, line in earlier.items():
            first_line[int(hashes[first_at[stage_pos]])] = line
        found = {int(positions[i]): int(first_line[int(hashes[i])]) for i in np.flatnonzero(~first)}
        found |= {int(positions[first_at[p]]): int(line) for p, line in earlier.items()}
        new = np.setdiff1d(first_at, first_at[list(earlier)], assume_unique=True)
        self._remember(hashes[new], row_lines[new])
        return found

    def contains(self, keys: pd.DataFrame) -> np.ndarray:
        """For each key row: was it seen?"""
        result = np.zeros(len(keys), dtype=bool)
        if len(keys):
            result[list(self._earlier(key_hashes(keys)))] = True
        return result
