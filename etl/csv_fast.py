"""The fast path for CSV files without quote characters: pandas' C parser in chunks.

Without a `"` anywhere in the file no record can span two lines, so row i after the header is
physical line `header_line + 1 + i` (blank lines are kept as rows and dropped later). Files with
quotes go through `csv.reader`, which counts the lines inside quoted fields.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

import pandas as pd

SPARE_COLUMNS = 8
"""Fields beyond the header's that the fast parser takes; a longer line hands the rest of the file
to the line-counting reader."""


def has_quotes(path: Path, encoding: str) -> bool:
    """True when the file holds a double quote (in any of the supported encodings)."""
    quote = '"'.encode(encoding.removesuffix("-sig"))
    if encoding == "utf-16":
        quote = b'"\x00'
    with path.open("rb") as handle:
        tail = b""
        for block in iter(lambda: handle.read(1 << 20), b""):
            if quote in tail + block:
                return True
            tail = block[-1:]
    return False


def frames(
    path: Path, encoding: str, delimiter: str, header_line: int, fields: int, rows: int
) -> Iterator[tuple[pd.DataFrame, list[int]]]:
    """(cells of up to `rows` lines, missing fields as '', their line numbers); `fields` is
    the header line's number of fields. Raises `ValueError` for a line with more than
    `fields + SPARE_COLUMNS` fields."""
    reader = pd.read_csv(
        path,
        sep=delimiter,
        header=None,
        names=range(fields + SPARE_COLUMNS),
        skiprows=header_line,
        dtype=str,
        keep_default_na=False,
        na_filter=False,
        skip_blank_lines=False,
        quoting=csv.QUOTE_NONE,
        chunksize=rows,
        encoding=encoding,
        engine="c",
    )
    start = header_line + 1
    try:
        for frame in reader:
            yield frame, list(range(start, start + len(frame)))
            start += len(frame)
    except pd.errors.ParserError as exc:
        raise ValueError(str(exc)) from exc
