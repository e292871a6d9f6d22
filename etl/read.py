"""Reading input files (CSV in UTF-8 with `;` or `,`, or XLSX) into string DataFrames."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pandas as pd

from etl.formats import FORMATS, FileFormat

SUPPORTED_SUFFIXES = (".csv", ".xlsx")


class InputError(Exception):
    """A whole file cannot be used (unreadable, wrong columns, unknown kind)."""


def sha256_of(path: Path) -> str:
    """Hex digest of the file's bytes."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def read_raw(path: Path) -> pd.DataFrame:
    """All cells as stripped strings, empty cells as ''. Row i is line i + 2 of the file."""
    try:
        if path.suffix.lower() == ".xlsx":
            frame = pd.read_excel(path, dtype=str, na_filter=False, engine="calamine")
        else:
            frame = pd.read_csv(path, dtype=str, keep_default_na=False, na_filter=False,
                                sep=_delimiter(path), encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"filen er ikke UTF-8 ({exc.reason})") from exc
    except Exception as exc:  # noqa: BLE001 — every parser failure is the file's fault
        raise InputError(f"kan ikke lese filen: {exc}") from exc
    frame.columns = [str(c).strip().lower() for c in frame.columns]
    return frame.apply(_strip)


def _strip(column: pd.Series) -> pd.Series:
    """Strip surrounding whitespace, touching only the cells that have any."""
    padded = column.str.match(r"\s") | column.str.contains(r"\s$", regex=True)
    if padded.any():
        column = column.copy()
        column[padded] = column[padded].str.strip()
    return column


def _delimiter(path: Path) -> str:
    with path.open("r", encoding="utf-8-sig") as handle:
        header = handle.readline()
    return ";" if header.count(";") >= header.count(",") else ","


def detect_format(columns: list[str], path: Path) -> FileFormat:
    """The format named by the file name, else the only one whose required headers are present."""
    present = set(columns)
    named = [f for f in FORMATS if path.stem.lower().startswith(f.name)]
    matches = [f for f in FORMATS if set(f.required_headers) <= present]
    candidate = named[0] if named else (matches[0] if len(matches) == 1 else None)
    if candidate is None:
        candidate = max(FORMATS, key=lambda f: len(present & set(f.headers)))
    missing = [h for h in candidate.required_headers if h not in present]
    if missing:
        raise InputError(
            f"filen ligner på «{candidate.name}», men mangler kolonnene "
            + ", ".join(f"«{m}»" for m in missing)
        )
    return candidate


def input_files(paths: list[Path]) -> list[Path]:
    """Expand folders into their CSV/XLSX files (sorted); keep files as given."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(p for p in path.iterdir()
                            if p.suffix.lower() in SUPPORTED_SUFFIXES
                            and not p.name.startswith("~$"))
        else:
            found.append(path)
    return found


def read_header(path: Path) -> list[str]:
    """Only the header row, normalised like `read_raw`."""
    try:
        if path.suffix.lower() == ".xlsx":
            frame = pd.read_excel(path, dtype=str, nrows=0, engine="calamine")
        else:
            frame = pd.read_csv(path, dtype=str, nrows=0, sep=_delimiter(path),
                                encoding="utf-8-sig")
    except Exception as exc:  # noqa: BLE001
        raise InputError(f"kan ikke lese filen: {exc}") from exc
    return [str(c).strip().lower() for c in frame.columns]
