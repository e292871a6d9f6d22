"""AG Grid columns and rows for the `/data` page: loads, rejected rows and corrections."""

from __future__ import annotations

from pathlib import PurePath

import pandas as pd

from loftet.tables.grid import number_column

TEXT_FILTER = {"filter": "agTextColumnFilter", "floatingFilter": True}


def _when(values: pd.Series) -> pd.Series:
    return pd.to_datetime(values).dt.strftime("%d.%m.%Y %H:%M")


def _file_name(values: pd.Series) -> pd.Series:
    return values.map(lambda path: PurePath(str(path)).name)


def batch_columns() -> list[dict]:
    return [
        number_column("batch_id", "Nr.", maxWidth=90),
        {"field": "tid", "headerName": "Lastet", **TEXT_FILTER},
        {"field": "filnavn", "headerName": "Fil", "tooltipField": "fil", **TEXT_FILTER},
        {"field": "filtype", "headerName": "Filtype", **TEXT_FILTER},
        {
            "field": "sha_kort",
            "headerName": "SHA-256",
            "tooltipField": "sha256",
            "cellClass": "font-monospace",
        },
        number_column("rader_godtatt", "Godtatt"),
        number_column("rader_avvist", "Avvist"),
        number_column("rader_endret", "Endret"),
        number_column("rader_slettet", "Slettet"),
    ]


def batch_rows(frame: pd.DataFrame) -> list[dict]:
    rows = frame.assign(
        tid=_when(frame.lastet), filnavn=_file_name(frame.fil), sha_kort=frame.sha256.str[:12] + "…"
    )
    return rows.drop(columns=["lastet"]).to_dict("records")


def rejected_columns() -> list[dict]:
    return [
        {"field": "filnavn", "headerName": "Fil", "tooltipField": "fil", **TEXT_FILTER},
        number_column("radnummer", "Linje", maxWidth=110, floatingFilter=True),
        {
            "field": "arsak",
            "headerName": "Årsak",
            "flex": 3,
            "wrapText": True,
            "autoHeight": True,
            **TEXT_FILTER,
        },
        {
            "field": "innhold",
            "headerName": "Innhold",
            "flex": 2,
            "tooltipField": "innhold",
            **TEXT_FILTER,
        },
        {"field": "tid", "headerName": "Lastet", **TEXT_FILTER},
    ]


def rejected_rows(frame: pd.DataFrame) -> list[dict]:
    rows = frame.assign(tid=_when(frame.lastet), filnavn=_file_name(frame.fil))
    return rows.drop(columns=["lastet"]).to_dict("records")


def correction_columns() -> list[dict]:
    return [
        {"field": "tid", "headerName": "Lastet", **TEXT_FILTER},
        {"field": "filnavn", "headerName": "Fil", "tooltipField": "fil", **TEXT_FILTER},
        {"field": "tabell", "headerName": "Tabell", **TEXT_FILTER},
        {
            "field": "nokkel",
            "headerName": "Nøkkel",
            "flex": 2,
            "tooltipField": "nokkel",
            **TEXT_FILTER,
        },
        {"field": "kolonne", "headerName": "Kolonne", **TEXT_FILTER},
        {
            "field": "gammel_verdi",
            "headerName": "Gammel verdi",
            "flex": 2,
            "tooltipField": "gammel_verdi",
            **TEXT_FILTER,
        },
        {"field": "ny_verdi", "headerName": "Ny verdi", **TEXT_FILTER},
        {"field": "handling", "headerName": "Handling", **TEXT_FILTER},
    ]


def correction_rows(frame: pd.DataFrame) -> list[dict]:
    rows = frame.assign(tid=_when(frame.lastet), filnavn=_file_name(frame.fil))
    return rows.drop(columns=["lastet"]).astype(object).where(rows.notna(), None).to_dict("records")


TABLE_NAMES = {
    "bevilgning": "Bevilgning",
    "enhet": "Enheter",
    "tiltak": "Tiltak",
    "tiltak_omrade": "Tiltakenes kompetanseområder",
    "tildeling": "Tildelinger",
    "deltakelse": "Deltakelse",
    "kvalitetsindikator": "Kvalitetsindikatorer",
    "kvalitetsindikator_landet": "Kvalitetsindikatorer, landstall",
    "behov": "Behovsmeldinger og søknader",
}


def data_date_rows(frame: pd.DataFrame) -> list[list[str]]:
    """[Tabell, Rader, År, Sist lastet, Fil] as display text; «–» where nothing is loaded."""
    rows = []
    for row in frame.itertuples(index=False):
        years = "–" if pd.isna(row.forste_aar) else f"{int(row.forste_aar)}–{int(row.siste_aar)}"
        loaded = (
            "–"
            if row.sist_lastet is None or pd.isna(row.sist_lastet)
            else pd.to_datetime(row.sist_lastet).strftime("%d.%m.%Y %H:%M")
        )
        name = "–" if row.fil is None or pd.isna(row.fil) else PurePath(str(row.fil)).name
        rows.append(
            [
                TABLE_NAMES.get(row.tabell, row.tabell),
                f"{row.rader:,}".replace(",", "\u00a0"),
                years,
                loaded,
                name,
            ]
        )
    return rows
