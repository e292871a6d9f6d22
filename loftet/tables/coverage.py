"""The Dekning table: one row per municipality, the same rows as the map's data."""

from __future__ import annotations

import pandas as pd

from loftet.links import profile_path
from loftet.tables.grid import YES_NO, number_column, records

ROW_COLUMNS = [
    "kommunenummer",
    "kommune",
    "fylke_navn",
    "enheter",
    "enheter_naadd",
    "andel_naadd",
    "ansatte",
    "andel_ansatte_naadd",
    "deltakere",
    "deltakere_per_1000",
    "innvilget_kr",
    "kr_per_barn",
    "helt_lag",
]

COLUMN_DEFS = [
    {
        "field": "lenke",
        "headerName": "Kommune",
        "cellRenderer": "markdown",
        "pinned": "left",
        "minWidth": 120,
        "filter": "agTextColumnFilter",
        "getQuickFilterText": {"function": "params.data.kommune + ' ' + params.data.kommunenummer"},
        "comparator": {"function": "nodeA.data.kommune.localeCompare(nodeB.data.kommune, 'nb')"},
    },
    {"field": "fylke_navn", "headerName": "Fylke", "filter": "agTextColumnFilter", "minWidth": 100},
    number_column("enheter", "Enheter", minWidth=72),
    number_column("enheter_naadd", "Nådd", minWidth=62),
    number_column("andel_naadd", "Andel nådd", 1, "%", minWidth=74),
    number_column("ansatte", "Ansatte", minWidth=74),
    number_column(
        "andel_ansatte_naadd",
        "Ansatte nådd",
        1,
        "%",
        minWidth=80,
        headerTooltip="Deltakelser, høyst antall ansatte per enhet, som andel av de ansatte",
    ),
    number_column(
        "deltakere",
        "Deltakelser",
        minWidth=100,
        headerTooltip="En ansatt i to tiltak telles to ganger",
    ),
    number_column("deltakere_per_1000", "Per 1 000 barn/elever", 1, minWidth=96),
    number_column(
        "innvilget_kr",
        "Innvilget, alle sektorer",
        0,
        "kr",
        minWidth=108,
        headerTooltip="Alle sektorer: beløp fordeles ikke på sektor",
    ),
    number_column("kr_per_barn", "Kr per barn/elev", 0, "kr", minWidth=80),
    {
        "field": "helt_lag",
        "headerName": "Hele laget",
        "valueFormatter": YES_NO,
        "cellDataType": False,
        "filter": "agTextColumnFilter",
        "minWidth": 74,
        "headerTooltip": "Barnehage, skole og PPT i samme tiltak",
    },
]
"""Kommune links to the profile; numbers right-aligned in Norwegian format; missing as `–`."""


def grid_rows(frame: pd.DataFrame, query: str = "") -> list[dict]:
    """The table's rows from `coverage_rows`: the listed columns plus `lenke`, a markdown link
    to the municipality's profile carrying the shared filters (`query`)."""
    rows = records(frame, ROW_COLUMNS)
    for row, profile in zip(rows, frame.profil, strict=True):
        href = profile_path(profile, query)
        row["lenke"] = f"[{_escape(row['kommune'])}]({href})" if href else row["kommune"]
    return rows


def _escape(name: str) -> str:
    """Names are plain text inside the markdown link."""
    return name.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]")
