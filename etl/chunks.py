"""Rows in chunks: the unit the loader reads, validates and writes, so memory stays flat.

Both readers end here: `record_chunks` for `csv.reader` and workbook rows, `fast_chunks` for the
pandas fast path (`etl.csv_fast`). Empty rows and empty trailing fields are dropped; a row with
more filled fields than the header gets a reason instead.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from etl.csv_fast import frames

CHUNK_ROWS = 50_000
"""The most rows in a chunk."""
CHUNK_CELLS = 250_000
"""The most cells in a chunk: a wide file (measures with long texts) gets fewer rows per chunk,
so a chunk's memory does not grow with the width of the file."""


def chunk_rows(width: int) -> int:
    """Rows per chunk for a file `width` columns wide."""
    return max(1, min(CHUNK_ROWS, CHUNK_CELLS // max(width, 1)))


@dataclass
class Chunk:
    """Up to `chunk_rows(width)` data rows: string cells under normalised headers, and their
    lines."""

    frame: pd.DataFrame
    lines: list[int]
    problems: dict[int, str] = field(default_factory=dict)
    """Row position → reason found while reading (e.g. more fields than headers)."""


def columns_of(header: list[str]) -> list[str]:
    """The header without empty trailing names (a trailing separator)."""
    width = len(header)
    while width and not header[width - 1]:
        width -= 1
    return header[:width]


def too_many(filled: int, width: int) -> str:
    return f"linjen har {filled} utfylte felt, men overskriften har {width}"


def record_chunks(records: Iterator[tuple[int, list[str]]], header: list[str]) -> Iterator[Chunk]:
    """Group records into chunks; drop empty rows and empty trailing fields."""
    columns = columns_of(header)
    width = len(columns)
    size = chunk_rows(width)
    rows: list[list[str]] = []
    lines: list[int] = []
    problems: dict[int, str] = {}
    for line, record in records:
        if len(record) != width:
            if not any(cell.strip() for cell in record):
                continue
            filled = [i for i, cell in enumerate(record) if cell.strip()]
            if filled[-1] >= width:
                problems[len(rows)] = too_many(filled[-1] + 1, width)
            record = record[:width] + [""] * (width - len(record))
        rows.append(record)
        lines.append(line)
        if len(rows) == size:
            yield frame_chunk(
                pd.DataFrame(rows, columns=pd.Index(columns), dtype=str), lines, problems
            )
            rows, lines, problems = [], [], {}
    if rows:
        yield frame_chunk(pd.DataFrame(rows, columns=pd.Index(columns), dtype=str), lines, problems)


def frame_chunk(frame: pd.DataFrame, lines: list[int], problems: dict[int, str]) -> Chunk:
    """A chunk with stripped cells and without rows whose cells are all empty."""
    frame = frame.loc[:, ~frame.columns.duplicated()].apply(lambda column: column.str.strip())
    keep = (frame != "").any(axis=1).to_numpy()
    if keep.all():
        return Chunk(frame, lines, problems)
    new_position = keep.cumsum() - 1
    return Chunk(
        frame[keep].reset_index(drop=True),
        [line for line, kept in zip(lines, keep, strict=True) if kept],
        {int(new_position[p]): reason for p, reason in problems.items() if keep[p]},
    )


def fast_chunks(
    path: Path,
    encoding: str,
    delimiter: str,
    header_line: int,
    header: list[str],
    fallback: Callable[[int], Iterator[Chunk]],
) -> Iterator[Chunk]:
    """Chunks from the pandas fast path (files without quote characters). A line the fast
    parser cannot take (far more fields than the header) hands the rest of the file, from the
    first line not yet yielded, to `fallback`."""
    columns = columns_of(header)
    width = len(columns)
    consumed = header_line
    try:
        size = chunk_rows(width)
        for frame, lines in frames(path, encoding, delimiter, header_line, len(header), size):
            if not lines:
                continue
            spare = frame.iloc[:, width:]
            problems = {}
            for position in np.flatnonzero((spare != "").to_numpy().any(axis=1)):
                cells = [cell.strip() for cell in spare.iloc[position]]
                filled = [i for i, cell in enumerate(cells) if cell]
                if filled:
                    problems[int(position)] = too_many(width + filled[-1] + 1, width)
            cells = frame.iloc[:, :width].set_axis(columns, axis=1).reset_index(drop=True)
            consumed = lines[-1]
            yield frame_chunk(cells, lines, problems)
    except ValueError:
        yield from fallback(consumed)
