"""The numbers behind a chart as CSV (for Norwegian Excel) and XLSX.

Both take the chart's own query result (`render`), with the Norwegian headers and units from
`chart.columns` (`table_for_download`). Text cells that a spreadsheet would read as a formula
(`=`, `+`, `-`, `@`, tab, carriage return first) get a leading `'`; numbers stay numbers, so a
negative amount is still a negative number. Missing values stay empty, never 0.
"""

from __future__ import annotations

import io
from collections.abc import Mapping

import numpy as np
import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from loftet.charts import Chart, get_chart, render, table_for_download
from loftet.export import (
    DEMO_MARK,
    TABLE_FORMATS,
    is_demo,
    source_text,
    view_text,
)
from loftet.filters import Filters

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""First characters that make Excel or LibreOffice treat a cell as a formula."""
YES, NO = "Ja", "Nei"
FLOAT_DECIMALS = 1
"""Decimals kept in downloads: shares in percent, per-1 000 rates and kroner per child."""
PRECISION_TEXT = (
    "Desimaltall er avrundet til én desimal; beløp i hele kroner; "
    "tomt felt = mangler eller skjermet"
)
METADATA_LINES = 6
"""Lines starting with `#` before a CSV's header row: always this many, so a program can
skip them (`pandas.read_csv(fil, sep=";", decimal=",", skiprows=6)`)."""
READ_HINT = (
    f"De {METADATA_LINES} første linjene beskriver tallene. Skilletegn semikolon, desimalkomma. "
    f"Python: pandas.read_csv(fil, sep=chr(59), decimal=',', skiprows={METADATA_LINES})"
)
"""The last metadata line. A metadata line holds no `;` (Excel keeps it in column A), so the
pandas call names the separator as `chr(59)`: the line can be copied and run as it stands."""
SHEET_NAME = "Data"
INT_FORMAT = "#,##0"
FLOAT_FORMAT = "#,##0.0"
"""Excel shows `,` and `.` in number formats with the reader's locale: `1 250 000`, `12,5`."""
DATE_FORMAT = "dd.mm.yyyy"
HEADER_FILL = PatternFill("solid", fgColor="E8EEF4")
CODED_COLUMNS = {"Indikator": "indikator", "Mål for rekkevidde": "rekkevidde"}
"""Download header → the view option whose labels name its codes (`Chart.options`)."""


def neutralise(value: object) -> object:
    """`value` with a `'` in front when it is text that starts like a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _text_cell(value: object) -> object:
    """One cell of a text column: yes/no in words, formula-like text neutralised."""
    if isinstance(value, (bool, np.bool_)):
        return YES if value else NO
    return neutralise(value)


def _is_text_column(series: pd.Series) -> bool:
    return (
        pd.api.types.is_object_dtype(series) or pd.api.types.is_string_dtype(series)
    ) and not pd.api.types.is_bool_dtype(series)


def safe_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy ready for a spreadsheet: formula-like text neutralised, yes/no in Norwegian,
    whole-number columns with gaps (amounts not yet reported) as whole numbers, floats rounded
    to `FLOAT_DECIMALS`."""
    out = frame.copy()
    for column in out.columns:
        series = out[column]
        if pd.api.types.is_float_dtype(series):
            values = series.dropna()
            if len(values) and bool((values == values.round()).all()):
                out[column] = series.astype("Int64")
            else:
                out[column] = series.round(FLOAT_DECIMALS)
        elif pd.api.types.is_bool_dtype(series):
            out[column] = series.map({True: YES, False: NO}).astype(object)
        elif _is_text_column(series):
            out[column] = series.astype(object).map(_text_cell)
    out.columns = [str(neutralise(str(c))) for c in out.columns]
    return out


def metadata_lines(title: str, view: str, source: str, demo: bool) -> list[str]:
    """The `METADATA_LINES` comment lines on top of a CSV: title, selection, source, whether
    the numbers are demo data, precision and how to read the file. A `;` would split a line
    into cells in Excel, so it becomes a comma; line breaks become spaces."""
    lines = [
        f"Løftet-monitor: {title}",
        f"Utvalg: {view}",
        source,
        f"Data: {DEMO_MARK}" if demo else "Data: innlest fra kildene (ikke demodata)",
        f"Presisjon: {PRECISION_TEXT}",
        READ_HINT,
    ]
    return ["# " + " ".join(line.replace(";", ",").split()) for line in lines]


def csv_bytes(frame: pd.DataFrame, metadata: list[str] | None = None) -> bytes:
    """UTF-8 with BOM, `;` between fields, decimal comma: opens right in Norwegian Excel.
    `metadata` (from `metadata_lines`) goes on top, before the header row."""
    text = safe_frame(frame).to_csv(sep=";", decimal=",", index=False, lineterminator="\r\n")
    head = "".join(line + "\r\n" for line in metadata or [])
    return b"\xef\xbb\xbf" + (head + text).encode("utf-8")


def _cell_value(value: object) -> object:
    """A DataFrame value as openpyxl wants it; missing → empty cell."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and pd.isna(value):
        return None
    if hasattr(value, "item") and not isinstance(value, str):
        return value.item()
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime()
    return value


def _number_format(series: pd.Series) -> str | None:
    if pd.api.types.is_integer_dtype(series):
        return INT_FORMAT
    if pd.api.types.is_float_dtype(series):
        values = series.dropna()
        whole = len(values) and bool((values == values.round()).all())
        return INT_FORMAT if whole and values.abs().max() >= 1000 else FLOAT_FORMAT
    if pd.api.types.is_datetime64_any_dtype(series):
        return DATE_FORMAT
    return None


def xlsx_bytes(
    frame: pd.DataFrame, title: str, subtitle: str, source: str, *, notice: str = ""
) -> bytes:
    """A one-sheet workbook: title block (title, filters, source, notice), then the table.

    Args:
        frame: the table with its final (Norwegian) headers.
        title: the chart's title, bold in A1.
        subtitle: what made this view (filters and options).
        source: source line with the data date.
        notice: e.g. the demo notice, in bold red under the source; empty for none.

    Returns:
        The XLSX file: header row frozen and filterable, numbers as numbers with Norwegian
        display formats, text that looks like a formula neutralised.
    """
    safe = safe_frame(frame)
    book = Workbook()
    sheet = book.active
    sheet.title = SHEET_NAME
    block = [
        (title, Font(bold=True, size=14)),
        (subtitle, Font(italic=True)),
        (source, Font(size=9)),
    ]
    if notice:
        block.append((notice, Font(bold=True, color="C00000")))
    block.append((f"Presisjon: {PRECISION_TEXT}", Font(size=9)))
    for row, (text, font) in enumerate(block, start=1):
        cell = sheet.cell(row=row, column=1, value=str(neutralise(text)))
        cell.data_type = "s"
        cell.font = font
    header_row = len(block) + 2
    for col, name in enumerate(safe.columns, start=1):
        cell = sheet.cell(row=header_row, column=col, value=name)
        cell.data_type = "s"
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    formats = [_number_format(frame[c]) for c in frame.columns]
    for r, values in enumerate(safe.itertuples(index=False, name=None), start=header_row + 1):
        for c, value in enumerate(values, start=1):
            cell = sheet.cell(row=r, column=c, value=_cell_value(value))
            if isinstance(cell.value, str):
                cell.data_type = "s"
            elif formats[c - 1] and cell.value is not None:
                cell.number_format = formats[c - 1]
    for col, name in enumerate(safe.columns, start=1):
        values = [len(str(v)) for v in safe.iloc[:200, col - 1].tolist() if v is not None]
        width = min(max([len(name) * 0.9, 8, *values]) + 2, 50)
        sheet.column_dimensions[get_column_letter(col)].width = width
    last_row = header_row + max(len(safe), 1)
    if len(safe.columns):
        sheet.auto_filter.ref = f"A{header_row}:{get_column_letter(len(safe.columns))}{last_row}"
    sheet.freeze_panes = sheet.cell(row=header_row + 1, column=1)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def chart_table(chart_id: str, filters: Filters, options: Mapping[str, str] | None) -> pd.DataFrame:
    """The chart's query result, as the chart shows it, with Norwegian headers and labels
    instead of internal codes."""
    chart = get_chart(chart_id)
    frame, _figure = render(chart_id, filters, dict(options or {}))
    return labelled(table_for_download(chart, frame), chart)


def labelled(table: pd.DataFrame, chart: Chart) -> pd.DataFrame:
    """`table` with coded cells (indicator `SPESUND`, reach `deltakere_per_1000`) in words;
    a code without a label stays as it is."""
    out = table.copy()
    declared = {option.param: option for option in chart.options}
    for header, param in CODED_COLUMNS.items():
        if header in out and param in declared:
            labels = declared[param].labels()
            names = {
                code: labels.get(code, code)
                for code in out[header].dropna().unique()
                if isinstance(code, str)
            }
            out[header] = out[header].map(lambda code, names=names: names.get(code, code))
    return out


def table_file(
    chart_id: str,
    table: pd.DataFrame,
    filters: Filters,
    options: Mapping[str, str] | None,
    fmt: str,
) -> bytes:
    """`table` (from `chart_table`) as CSV or XLSX bytes, titled for the chart and view."""
    chart = get_chart(chart_id)
    view = view_text(chart, filters, dict(options or {}))
    if fmt == "csv":
        return csv_bytes(table, metadata_lines(chart.title, view, source_text(chart), is_demo()))
    if fmt == "xlsx":
        return xlsx_bytes(
            table, chart.title, view, source_text(chart), notice=DEMO_MARK if is_demo() else ""
        )
    raise ValueError(f"unknown table format {fmt!r}; one of {TABLE_FORMATS}")


def export_table(
    chart_id: str, filters: Filters, options: Mapping[str, str] | None, fmt: str
) -> bytes:
    """The numbers behind one chart as CSV or XLSX for `filters` and `options`."""
    return table_file(chart_id, chart_table(chart_id, filters, options), filters, options, fmt)
