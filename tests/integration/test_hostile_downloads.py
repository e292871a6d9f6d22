"""Every download path against names that a spreadsheet would run as formulas.

Measure names, owners, university partners and recipients that start with `=`,
`+`, `-` or `@` are loaded through the real ETL; then every chart's CSV and Excel file, the
municipality profile's measures CSV and the report pack's data files are opened as a
spreadsheet would, and no text cell may start like a formula.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Sequence
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import load_workbook

from loftet.charts import all_charts
from loftet.export import TABLE_FORMATS
from loftet.export.tables import FORMULA_STARTS, export_table
from loftet.filters import Filters
from tests.conftest import load_database
from tests.dash_tree import load_page
from tests.databases import new_database_url
from tests.small_data import write_small_inputs

HOSTILE = {
    "navn": '=HYPERLINK("http://evil.example","klikk")',
    "eier": "@SUM(A1:A9)",
    "uh_partner": "+cmd|' /C calc'!A0",
    "mottaker": "-2+3+cmd|' /C calc'!A0",
}
OPTIONS = {"kommune": {"kommune": "4601"}}
FILTERS = Filters(aar=2022, fra=2021)


@pytest.fixture(scope="module")
def hostile_db_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The small dataset with every free-text name replaced by a formula-like one."""
    folder = tmp_path_factory.mktemp("hostile")
    files = write_small_inputs(folder / "input")
    workbook = folder / "input" / "tiltak.xlsx"
    frame = pd.read_excel(workbook, dtype=str, engine="openpyxl")
    for column in ("navn", "eier", "uh_partner"):
        frame[column] = [f"{HOSTILE[column]} {n}" for n in range(len(frame))]
    measures = workbook.with_suffix(".csv")
    frame.to_csv(measures, sep=";", index=False)
    workbook.unlink()
    files = [measures if path == workbook else path for path in files]
    grants = folder / "input" / "tildelinger.csv"
    frame = pd.read_csv(grants, sep=";", dtype=str, keep_default_na=False)
    frame["mottaker"] = [f"{HOSTILE['mottaker']} {n}" for n in range(len(frame))]
    frame.to_csv(grants, sep=";", index=False)
    return load_database(new_database_url(folder, "hostile"), files)


@pytest.fixture
def hostile_db(hostile_db_url: str, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("DATABASE_URL", hostile_db_url)
    return hostile_db_url


def _is_number(text: str) -> bool:
    try:
        float(text.replace("\u00a0", "").replace(" ", "").replace(",", "."))
    except ValueError:
        return False
    return True


def csv_cells(content: bytes) -> list[str]:
    """Every cell of a CSV download, as Excel would split it."""
    text = content.decode("utf-8-sig")
    return [cell for row in csv.reader(io.StringIO(text), delimiter=";") for cell in row]


def xlsx_cells(content: bytes) -> list[object]:
    """Every cell value of every sheet; a formula cell comes back as its formula text."""
    book = load_workbook(io.BytesIO(content))
    cells = []
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    cells.append(
                        f"={cell.value}" if not str(cell.value).startswith("=") else cell.value
                    )
                elif cell.value is not None:
                    cells.append(cell.value)
    return cells


def dangerous(cells: Sequence[object]) -> list[str]:
    """Text cells a spreadsheet would treat as a formula (numbers such as -5 are fine)."""
    return [
        str(c)
        for c in cells
        if isinstance(c, str) and c.startswith(FORMULA_STARTS) and not _is_number(c)
    ]


def neutralised(cells: Sequence[object]) -> int:
    """Cells that carry a hostile name behind the protective quote."""
    return sum(
        1
        for c in cells
        if isinstance(c, str) and c.startswith("'") and c[1:2] in ("=", "+", "-", "@")
    )


def test_every_chart_table_download_is_neutralised(hostile_db: str) -> None:
    """Today's charts aggregate away the free-text names; a chart that lists measures,
    partners or recipients (as the municipality table does) is checked here too."""
    for chart in all_charts():
        options = OPTIONS.get(chart.page, {})
        for fmt in TABLE_FORMATS:
            content = export_table(chart.id, FILTERS, options, fmt)
            cells = csv_cells(content) if fmt == "csv" else xlsx_cells(content)
            assert dangerous(cells) == [], (chart.id, fmt)


def test_municipality_measures_csv_is_neutralised(hostile_db: str) -> None:
    page = load_page("kommune")
    values = ["4601", 2022, 2021]
    control_ids = [{"type": "urlstate", "param": p} for p in ("kommune", "aar", "fra")]
    sent = page.download_measures(1, values, control_ids)
    import base64

    cells = csv_cells(base64.b64decode(sent["content"]))
    assert dangerous(cells) == []
    assert neutralised(cells) >= 3, cells


def test_report_pack_data_files_are_neutralised(
    hostile_db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from contextlib import nullcontext

    from loftet.export import pack

    monkeypatch.setattr(pack, "figure_bytes", lambda figure, fmt, texts=None: b"image")
    monkeypatch.setattr(pack, "session", nullcontext)
    result = pack.build_pack(Filters(aar=2022, fylke="46"))
    archive = zipfile.ZipFile(io.BytesIO(result.content))
    for name in archive.namelist():
        suffix = Path(name).suffix
        if suffix not in (".csv", ".xlsx"):
            continue
        content = archive.read(name)
        cells = csv_cells(content) if suffix == ".csv" else xlsx_cells(content)
        assert dangerous(cells) == [], name
    assert result.skipped == ()
