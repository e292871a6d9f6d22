"""The natural keys already seen in a file, in 12 bytes per row whatever the row's width.

Each key is hashed (64 bits, pandas' `hash_pandas_object` of the key cells as text) and kept in
a sorted array with the line it came from, so a duplicate anywhere in a multi-gigabyte file is
found without holding the file. Two different keys hashing alike (odds about 1 in 10^12 for a
5-million-row file) would be reported as a duplicate — refused, never stored wrongly.
"""

from __future__ import annotations

import numpy as np
import pandas as pd


def key_hashes(keys: pd.DataFrame) -> np.ndarray:
    """64-bit hashes of the key rows, the same for a parsed file row and a stored row."""
    as_text = keys.astype(object).where(keys.notna(), "").astype(str)
    return pd.util.hash_pandas_object(as_text, index=False).to_numpy(dtype=np.uint64)


class SeenKeys:
    """Sorted key hashes and their first lines."""

    def __init__(self) -> None:
        self.hashes = np.empty(0, dtype=np.uint64)
        self.lines = np.empty(0, dtype=np.int32)

    def duplicates(self, keys: pd.DataFrame, ok: np.ndarray,
                   lines: list[int]) -> dict[int, int]:
        """Row position → first line, for rows (among `ok`) whose key was seen before.

        The keys of the other `ok` rows are remembered."""
        complete = ok & keys.notna().all(axis=1).to_numpy()
        positions = np.flatnonzero(complete)
        if not len(positions):
            return {}
        hashes = key_hashes(keys.iloc[positions])
        row_lines = np.asarray(lines, dtype=np.int32)[positions]
        found: dict[int, int] = {}
        where = np.searchsorted(self.hashes, hashes)
        earlier = (where < len(self.hashes)) & (
            self.hashes[np.minimum(where, len(self.hashes) - 1)] == hashes
            if len(self.hashes) else np.zeros(len(hashes), dtype=bool))
        for i in np.flatnonzero(earlier):
            found[int(positions[i])] = int(self.lines[where[i]])
        _, first = np.unique(hashes, return_index=True)
        is_first = np.zeros(len(hashes), dtype=bool)
        is_first[first] = True
        for i in np.flatnonzero(~is_first & ~earlier):
            found[int(positions[i])] = int(row_lines[hashes == hashes[i]][0])
        new = is_first & ~earlier
        self._remember(hashes[new], row_lines[new])
        return found

    def _remember(self, hashes: np.ndarray, lines: np.ndarray) -> None:
        merged = np.concatenate([self.hashes, hashes])
        order = np.argsort(merged, kind="stable")
        self.hashes = merged[order]
        self.lines = np.concatenate([self.lines, lines])[order]

    def contains(self, keys: pd.DataFrame) -> np.ndarray:
        """For each key row: was it seen?"""
        hashes = key_hashes(keys)
        if not len(self.hashes):
            return np.zeros(len(hashes), dtype=bool)
        where = np.minimum(np.searchsorted(self.hashes, hashes), len(self.hashes) - 1)
        return self.hashes[where] == hashes
