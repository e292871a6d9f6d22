"""Norwegian AG Grid building blocks: number formats, Ja/Nei, and menu texts in bokmål."""

from __future__ import annotations

import math

import pandas as pd

_MISSING = "'–'"


def number_format(decimals: int = 0, suffix: str = "") -> dict:
    """A valueFormatter: `1 250 000` / `12,5` (nb-NO), with `suffix`; missing as `–`.

    dash-ag-grid's function strings cannot call `Intl.NumberFormat(...)` (the cell shows the
    raw number); `Number.prototype.toLocaleString` with the same options works.
    """
    options = f"{{minimumFractionDigits: {decimals}, maximumFractionDigits: {decimals}}}"
    tail = f" + '\u00a0{suffix}'" if suffix else ""
    return {
        "function": f"params.value == null ? {_MISSING} : "
        f"params.value.toLocaleString('nb-NO', {options}){tail}"
    }


YES_NO = {"function": "params.value == null ? '–' : (params.value ? 'Ja' : 'Nei')"}


def number_column(
    field: str, header: str, decimals: int = 0, suffix: str = "", **extra: object
) -> dict:
    """A right-aligned, sortable number column with a number filter."""
    return {
        "field": field,
        "headerName": header,
        "type": "numericColumn",
        "filter": "agNumberColumnFilter",
        "valueFormatter": number_format(decimals, suffix),
        **extra,
    }


LOCALE_TEXT = {
    "contains": "Inneholder",
    "notContains": "Inneholder ikke",
    "equals": "Er lik",
    "notEqual": "Er ikke lik",
    "startsWith": "Begynner med",
    "endsWith": "Slutter med",
    "blank": "Tom",
    "notBlank": "Ikke tom",
    "lessThan": "Mindre enn",
    "greaterThan": "Større enn",
    "lessThanOrEqual": "Mindre enn eller lik",
    "greaterThanOrEqual": "Større enn eller lik",
    "inRange": "Mellom",
    "inRangeStart": "Fra",
    "inRangeEnd": "Til",
    "filterOoo": "Filtrer …",
    "andCondition": "OG",
    "orCondition": "ELLER",
    "applyFilter": "Bruk",
    "resetFilter": "Nullstill",
    "clearFilter": "Tøm",
    "cancelFilter": "Avbryt",
    "noRowsToShow": "Ingen rader å vise",
    "loadingOoo": "Laster …",
    "searchOoo": "Søk …",
    "selectAll": "Velg alle",
    "selectAllSearchResults": "Velg alle søketreff",
    "blanks": "(Tomme)",
    "noMatches": "Ingen treff",
    "sortAscending": "Sorter stigende",
    "sortDescending": "Sorter synkende",
    "sortUnSort": "Fjern sortering",
    "columnFilter": "Kolonnefilter",
    "ariaFilterInput": "Filterverdi",
    "ariaSearch": "Søk",
    "ariaSortableColumn": "Trykk Enter for å sortere",
}
"""AG Grid's menu and filter texts in Norwegian bokmål (the ones a read-only table shows)."""


def records(frame: pd.DataFrame, columns: list[str]) -> list[dict]:
    """Rows as JSON-ready dicts: numpy scalars as Python numbers, NaN as None (shown `–`)."""
    rows = []
    for record in frame[columns].to_dict("records"):
        rows.append({k: _plain(v) for k, v in record.items()})
    return rows


def _plain(value: object) -> object:
    if value is None or value is pd.NA:
        return None
    if hasattr(value, "item"):
        value = value.item()
    if isinstance(value, float) and math.isnan(value):
        return None
    return value
