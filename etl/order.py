"""Load order: referenced kinds (units, measures) before the rows that point to them."""

from __future__ import annotations

from pathlib import Path

from etl.formats import FORMATS
from etl.read import InputError, open_table


def in_load_order(files: list[Path]) -> list[Path]:
    """Sort files by their format's place in `FORMATS`; unknown files last (they get rejected)."""
    rank = {f.name: i for i, f in enumerate(FORMATS)}

    def position(path: Path) -> int:
        try:
            return rank[open_table(path).fmt.name]
        except (InputError, OSError):
            return len(rank)

    return sorted(files, key=position)
