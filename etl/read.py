"""Reading input files (CSV or XLSX) as a header and chunks of string rows, in bounded memory.

What is tolerated (docs/dataformater.md, «Hva innlesingen tåler»): encodings detected by
`etl.encoding`; `;`, `,` or tab as separator; up to `MAX_TITLE_LINES` title lines above the header;
header names normalised by `etl.headers`; empty trailing fields and empty rows. Every data row keeps
the line number a user sees in an editor (a quoted field with line breaks counts its lines) or the
row number in Excel.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from etl.chunks import Chunk, fast_chunks, record_chunks
from etl.csv_fast import has_quotes
from etl.encoding import EncodingError, detect_encoding
from etl.formats import FORMATS, FileFormat
from etl.headers import normalise_header

if TYPE_CHECKING:
    from python_calamine import CalamineSheet

SUPPORTED_SUFFIXES = (".csv", ".xlsx")
MAX_TITLE_LINES = 10
MAX_COLUMNS = 200
DELIMITERS = (";", ",", "\t")


class InputError(Exception):
    """A whole file cannot be used (unreadable, not a table, wrong columns, unknown kind)."""


@dataclass
class Table:
    """An opened input file: its format, header line and a one-pass iterator of chunks."""

    path: Path
    fmt: FileFormat
    header_line: int
    encoding: str
    chunks: Iterator[Chunk]


def sha256_of(path: Path) -> str:
    """Hex digest of the file's bytes."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def open_table(path: Path) -> Table:
    """Find the header and the format; rows are read lazily, chunk by chunk."""
    if path.suffix.lower() not in SUPPORTED_SUFFIXES:
        raise InputError(
            f"filtypen «{path.suffix or 'uten endelse'}» leses ikke; lagre filen "
            "som .xlsx eller .csv"
        )
    try:
        if path.suffix.lower() == ".xlsx":
            return _open_xlsx(path)
        return _open_csv(path)
    except EncodingError as exc:
        raise InputError(str(exc)) from exc
    except csv.Error as exc:
        raise InputError(f"filen er ikke en gyldig CSV-tabell: {exc}") from exc
    except UnicodeDecodeError as exc:
        raise InputError(f"tegnkodingen endrer seg inne i filen ({exc.reason})") from exc


def read_header(path: Path) -> list[str]:
    """The normalised header names of the file's header row."""
    return list(open_table(path).fmt.headers)


def read_raw(path: Path) -> pd.DataFrame:
    """The whole file as one string DataFrame (small files, benchmarks and tests)."""
    frames = [chunk.frame for chunk in open_table(path).chunks]
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()


# --- CSV ---------------------------------------------------------------------------------------


def _open_csv(path: Path) -> Table:
    encoding = detect_encoding(path)
    with path.open("r", encoding=encoding, newline="") as handle:
        first = handle.readline(1 << 22)
    _check_width(max(first.count(d) for d in DELIMITERS) + 1)
    delimiter, header_index, header = _find_csv_header(path, encoding)
    fmt = detect_format(header, path)
    return Table(
        path,
        fmt,
        header_index,
        encoding,
        _csv_chunks(path, encoding, delimiter, header_index, header),
    )


def _csv_records(path: Path, encoding: str, delimiter: str) -> Iterator[tuple[int, list[str]]]:
    """(first line of the record, fields) for every record; lines count physical lines."""
    with path.open("r", encoding=encoding, newline="") as handle:
        reader = csv.reader(handle, delimiter=delimiter)
        line = 1
        try:
            for record in reader:
                yield line, record
                line = reader.line_num + 1
        except csv.Error as exc:
            raise InputError(
                f"linje {line}: kan ikke lese CSV ({exc}); mangler et avsluttende anførselstegn?"
            ) from exc


def _find_csv_header(path: Path, encoding: str) -> tuple[str, int, list[str]]:
    """The delimiter and the line of the first row naming a format's required headers."""
    best: tuple[int, str, int, list[str]] | None = None
    for delimiter in DELIMITERS:
        for count, (line, record) in enumerate(_csv_records(path, encoding, delimiter)):
            if count > MAX_TITLE_LINES:
                break
            header = [normalise_header(cell) for cell in record]
            score = _header_score(header, path)
            if score and (best is None or (line, -score) < (best[0], -best[2])):
                best = (line, delimiter, score, header)
                break
    if best is None:
        return _no_header(path, encoding)
    return best[1], best[0], best[3]


def _no_header(path: Path, encoding: str) -> tuple[str, int, list[str]]:
    """No row matched: name what the first non-empty row lacks (via `detect_format`)."""
    delimiter = max(DELIMITERS, key=lambda d: _first_line(path, encoding).count(d))
    for line, record in _csv_records(path, encoding, delimiter):
        if any(cell.strip() for cell in record):
            return delimiter, line, [normalise_header(cell) for cell in record]
    raise InputError("filen er tom")


def _first_line(path: Path, encoding: str) -> str:
    with path.open("r", encoding=encoding, newline="") as handle:
        return handle.readline(1 << 22)


def _csv_chunks(
    path: Path, encoding: str, delimiter: str, header_line: int, header: list[str]
) -> Iterator[Chunk]:
    def after(line: int) -> Iterator[Chunk]:
        records = itertools.dropwhile(
            lambda item: item[0] <= line, _csv_records(path, encoding, delimiter)
        )
        return record_chunks(records, header)

    if has_quotes(path, encoding):
        return after(header_line)
    return fast_chunks(path, encoding, delimiter, header_line, header, after)


# --- XLSX --------------------------------------------------------------------------------------


def _open_xlsx(path: Path) -> Table:
    sheet = _first_sheet(path)
    _check_width(sheet.total_width)
    found = None
    for index, row in enumerate(itertools.islice(sheet_rows(sheet), MAX_TITLE_LINES + 1)):
        header = [normalise_header(_cell_text(cell)) for cell in row]
        if _header_score(header, path):
            found = (index + 1, header)
            break
    if found is None:
        first = next(
            (i for i, row in enumerate(sheet_rows(sheet)) if any(_cell_text(c) for c in row)), None
        )
        if first is None:
            raise InputError("arbeidsboken er tom")
        row = next(itertools.islice(sheet_rows(sheet), first, None))
        found = (first + 1, [normalise_header(_cell_text(c)) for c in row])
    line, header = found
    fmt = detect_format(header, path)
    records = (
        (i + 1, [_cell_text(c) for c in row])
        for i, row in enumerate(sheet_rows(sheet))
        if i >= line
    )
    return Table(path, fmt, line, "xlsx", record_chunks(records, header))


def _first_sheet(path: Path) -> CalamineSheet:
    from python_calamine import CalamineWorkbook

    try:
        return CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0)
    except Exception as exc:  # noqa: BLE001 — any parser failure means "not a workbook"
        raise InputError(f"filen er ikke en gyldig XLSX-arbeidsbok ({exc})") from exc


def sheet_rows(sheet: CalamineSheet) -> Iterator[list[object]]:
    """The sheet's rows from row 1 and column A, one at a time (the same cells as
    `to_python(skip_empty_area=False)` without building every row's Python objects at once:
    the rows above the used area come empty; cells left of it are added)."""
    left: list[object] = [""] * (sheet.start[1] if sheet.start else 0)
    for row in sheet.iter_rows():
        yield [*left, *row]


def _cell_text(value: object) -> str:
    """A workbook cell as the text a user sees, with numbers written exactly."""
    if isinstance(value, bool):
        return str(value).upper()
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return "" if value is None else str(value)


# --- shared ------------------------------------------------------------------------------------


def _check_width(columns: int) -> None:
    if columns > MAX_COLUMNS:
        raise InputError(
            f"filen har {columns:,} kolonner; et gyldig format har høyst {MAX_COLUMNS}".replace(
                ",", " "
            )
        )


def _header_score(header: list[str], path: Path) -> int:
    """How many headers of the matching format are present (0 if none matches)."""
    present = set(header)
    named = [f for f in FORMATS if path.stem.lower().startswith(f.name)]
    candidates = named or FORMATS
    return max(
        (len(present & set(f.headers)) for f in candidates if set(f.required_headers) <= present),
        default=0,
    )


def detect_format(columns: list[str], path: Path) -> FileFormat:
    """The format named by the file name, else the only one whose required headers are present."""
    present = set(columns)
    duplicated = sorted({c for c in columns if c and columns.count(c) > 1})
    named = [f for f in FORMATS if path.stem.lower().startswith(f.name)]
    matches = [f for f in FORMATS if set(f.required_headers) <= present]
    candidate = named[0] if named else (matches[0] if len(matches) == 1 else None)
    if candidate is None:
        candidate = max(FORMATS, key=lambda f: len(present & set(f.headers)))
        if not present & set(candidate.headers):
            raise InputError(
                "filen er ikke en tabell i et kjent format: fant ingen kjente "
                f"overskrifter i de første {MAX_TITLE_LINES + 1} linjene"
            )
    missing = [h for h in candidate.required_headers if h not in present]
    if missing:
        raise InputError(
            f"filen ligner på «{candidate.name}», men mangler kolonnene "
            + ", ".join(f"«{m}»" for m in missing)
        )
    if duplicated:
        raise InputError(
            "kolonnen "
            + ", ".join(f"«{c}»" for c in duplicated)
            + " står flere ganger i overskriften"
        )
    return candidate


def input_files(paths: list[Path]) -> tuple[list[Path], list[Path]]:
    """Expand folders into their CSV/XLSX files (sorted); keep files as given.

    Returns (files to load, files in the folders that were skipped because of their type)."""
    found: list[Path] = []
    skipped: list[Path] = []
    for path in paths:
        if not path.is_dir():
            found.append(path)
            continue
        for child in sorted(path.iterdir()):
            if child.name.startswith(("~$", ".")) or child.is_dir():
                continue
            (found if child.suffix.lower() in SUPPORTED_SUFFIXES else skipped).append(child)
    return found, skipped
