"""The Budsjett table: year × county (or Statsforvalter), the same rows as `budsjett-per-aar`."""

from __future__ import annotations

import pandas as pd

from loftet.tables.grid import number_column, records

ROW_COLUMNS = [
    "aar",
    "gruppe",
    "gruppe_navn",
    "innvilget_kr",
    "brukt_kr",
    "tildelinger",
    "uten_brukt",
    "andel_av_aar",
    "andel_av_2025",
]

SPENT_FORMAT = {
    "function": (
        "params.value == null ? ((params.data && params.data.tildelinger === 0) ? '–' : "
        "'Ikke rapportert') : params.value.toLocaleString('nb-NO', {maximumFractionDigits: 0}) "
        "+ '\u00a0kr' + ((params.data && params.data.uten_brukt > 0) ? ' (delvis)' : '')"
    )
}
"""Use not reported yet is written out, never 0; no allocation at all is `–`; a partly
reported amount is marked "(delvis)"."""

LEVEL_HEADERS = {
    "Fylke": "Andel av fylkets 2025-nivå",
    "Statsforvalter": "Andel av statsforvalterens 2025-nivå",
}


def column_defs(group_label: str = "Fylke") -> list[dict]:
    """The table's columns; the second is the county or the Statsforvalter."""
    return [
        {
            "field": "aar",
            "headerName": "År",
            "filter": "agNumberColumnFilter",
            "maxWidth": 100,
            "minWidth": 80,
        },
        {
            "field": "gruppe_navn",
            "headerName": group_label,
            "filter": "agTextColumnFilter",
            "minWidth": 160,
        },
        number_column("innvilget_kr", "Innvilget", 0, "kr", minWidth=140),
        {
            **number_column("brukt_kr", "Brukt", 0, "kr", minWidth=150),
            "valueFormatter": SPENT_FORMAT,
        },
        number_column("andel_av_aar", "Andel av årets nasjonale sum", 1, "%", minWidth=150),
        number_column(
            "andel_av_2025",
            LEVEL_HEADERS.get(group_label, "Andel av 2025-nivået"),
            1,
            "%",
            minWidth=150,
        ),
    ]


def grid_rows(frame: pd.DataFrame) -> list[dict]:
    """One row per year and group from the data of `budsjett-per-aar` (NaN → None)."""
    return records(frame, ROW_COLUMNS)


def total_row(frame: pd.DataFrame) -> dict:
    """The pinned "Sum" row: granted and reported use over every row of the table."""
    spent = frame.brukt_kr.sum(min_count=1) if len(frame) else float("nan")
    return {
        "aar": None,
        "gruppe": "",
        "gruppe_navn": "Sum",
        "innvilget_kr": int(frame.innvilget_kr.sum()) if len(frame) else 0,
        "brukt_kr": None if pd.isna(spent) else int(spent),
        "tildelinger": int(frame.tildelinger.sum()) if len(frame) else 0,
        "uten_brukt": int(frame.uten_brukt.sum()) if len(frame) else 0,
        "andel_av_aar": None,
        "andel_av_2025": None,
    }
