"""The municipality profile's table of measures: columns in Norwegian with the chosen year,
and the card with search, the grid and its CSV download."""

from __future__ import annotations

import dash_ag_grid as dag
import dash_bootstrap_components as dbc
from dash import dcc, html

from loftet.config import FIRST_YEAR
from loftet.queries.municipality import Municipality
from loftet.tables.grid import LOCALE_TEXT, number_column
from loftet.ui.kommune_parts import part_id

MEASURES = "kommune-tiltak"
MEASURES_SEARCH = "kommune-tiltak-sok"
MEASURES_CSV = "kommune-tiltak-csv"
MEASURES_DOWNLOAD = "kommune-tiltak-last-ned"

MEASURE_COLUMNS = {
    "tiltak_id": "Tiltak-ID",
    "navn": "Navn",
    "startaar": "Startår",
    "uh_partner": "UH-partner",
    "hovedomrade": "Hovedområde",
    "eier": "Eier",
    "mottaker": "Mottaker {aar}",
    "innvilget_kr": "Innvilget kommunen {aar} (kr)",
    "deltakere": "Deltakelser {aar}",
}
"""Columns of the measures table; `{aar}` becomes the chosen year."""


def measure_columns(year: int) -> list[dict]:
    """AG Grid column definitions; money and counts in Norwegian number format."""
    columns = []
    for field, header in MEASURE_COLUMNS.items():
        header = header.format(aar=year)
        if field in ("innvilget_kr", "deltakere"):
            columns.append(number_column(field, header, minWidth=130))
        elif field == "startaar":
            columns.append(
                {
                    "field": field,
                    "headerName": header,
                    "filter": "agNumberColumnFilter",
                    "maxWidth": 130,
                }
            )
        elif field == "navn":
            columns.append(
                {
                    "field": field,
                    "headerName": header,
                    "flex": 2,
                    "minWidth": 260,
                    "tooltipField": "navn",
                }
            )
        else:
            columns.append({"field": field, "headerName": header, "tooltipField": field})
    return columns


def measures_card(place: Municipality) -> dbc.Card:
    """Measures with participants or allocations in the municipality, searchable and sortable."""
    return dbc.Card(
        [
            dbc.CardHeader(
                html.H2(
                    f"Tiltak med deltakere eller tildelinger i {place.navn}",
                    className="chart-title",
                )
            ),
            dbc.CardBody(
                [
                    dbc.Row(
                        [
                            dbc.Col(
                                html.Label(
                                    [
                                        html.Span(
                                            "Søk i tabellen", className="filter-label d-block"
                                        ),
                                        dbc.Input(
                                            id=part_id(MEASURES_SEARCH),
                                            type="search",
                                            placeholder="Navn, partner, område …",
                                            debounce=True,
                                        ),
                                    ],
                                    className="w-100",
                                ),
                                md=6,
                                lg=4,
                            ),
                            dbc.Col(
                                dbc.Button(
                                    "Last ned CSV",
                                    id=part_id(MEASURES_CSV),
                                    size="sm",
                                    color="secondary",
                                    outline=True,
                                ),
                                className="text-md-end",
                                md=6,
                                lg=8,
                            ),
                        ],
                        className="g-2 align-items-end mb-2",
                    ),
                    dag.AgGrid(
                        id=part_id(MEASURES),
                        rowData=[],
                        columnDefs=measure_columns(FIRST_YEAR),
                        defaultColDef={
                            "sortable": True,
                            "filter": True,
                            "resizable": True,
                            "flex": 1,
                            "minWidth": 110,
                            "wrapHeaderText": True,
                            "autoHeaderHeight": True,
                        },
                        dashGridOptions={
                            "localeText": LOCALE_TEXT,
                            "animateRows": False,
                            "tooltipShowDelay": 300,
                        },
                        className="ag-theme-alpine kommune-tiltak-grid",
                        style={"height": "460px"},
                    ),
                    dcc.Download(id=part_id(MEASURES_DOWNLOAD)),
                ]
            ),
            dbc.CardFooter(
                html.Small(
                    "Kilde: tiltak, tildelinger og deltakelse rapportert til statsforvalterne. "
                    "Tiltak med deltakere fra kommunens enheter eller tildelinger til mottakere "
                    "i kommunen i valgt periode; beløp og deltakelser gjelder valgt år. "
                    "«Via nettverk»: kommunen deltar, men en annen mottaker fikk tildelingen, "
                    "og kommunen krediteres "
                    "0 kr. Tildelinger til fylkeskommunen regnes ikke til kommunen.",
                    className="chart-source",
                )
            ),
        ],
        className="chart-card mb-4",
        id="card-kommune-tiltak",
    )
