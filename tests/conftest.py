"""Shared fixtures: a temporary database with reference data, and input-file writers."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from sqlalchemy import Engine

from etl.formats import FileFormat
from etl.reference import load_reference
from loftet.db import make_engine


@pytest.fixture
def engine(tmp_path: Path) -> Engine:
    """An empty SQLite database with the schema and reference tables."""
    engine = make_engine(f"sqlite:///{tmp_path / 'test.sqlite'}")
    load_reference(engine)
    yield engine
    engine.dispose()


def write_input(path: Path, fmt: FileFormat, rows: list[dict[str, object]],
                sep: str = ";") -> Path:
    """Write `rows` (keyed by header) as an input file of `fmt`: CSV or XLSX by suffix."""
    frame = pd.DataFrame(rows, columns=fmt.headers).fillna("")
    if path.suffix == ".xlsx":
        frame.to_excel(path, index=False)
    else:
        frame.to_csv(path, sep=sep, index=False, encoding="utf-8")
    return path
