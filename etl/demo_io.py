"""Writing demo input files: CSV (`;`, decimal comma, UTF-8) and XLSX (one sheet)."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook

from etl.formats import FileFormat


def write_csv(path: Path, fmt: FileFormat, rows: Sequence[Sequence[object]]) -> Path:
    """Header row = the format's headers, then `rows` in the given order. None is written
    as an empty cell; decimals must come preformatted (with a comma)."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=";", lineterminator="\n")
        writer.writerow(fmt.headers)
        writer.writerows(rows)
    return path


def write_xlsx(path: Path, fmt: FileFormat, rows: Sequence[Sequence[object]]) -> Path:
    """One sheet named after the format; empty strings become empty cells."""
    book = Workbook()
    sheet = book.active
    sheet.title = fmt.name
    sheet.append(fmt.headers)
    for row in rows:
        sheet.append([None if v == "" else v for v in row])
    book.save(path)
    return path
