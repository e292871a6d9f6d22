"""Data og kilder (/data): where the numbers came from — loads with file, time, SHA-256 and row
counts; rejected rows with reasons; the correction history; the data date of each table; and a
download of the whole dataset. Linked from the footer's freshness line, not from the menu."""

from __future__ import annotations

import dash
import dash_ag_grid as dag
import dash_bootstrap_components as dbc
from dash import Input, Output, callback, dcc, html

from loftet.formatting import number
from loftet.queries import provenance as q
from loftet.tables import provenance as t
from loftet.tables.grid import LOCALE_TEXT
from loftet.ui.components import page_header

dash.register_page(
    __name__,
    path="/data",
    name="Data og kilder",
    order=None,
    title="Data og kilder – Løftet-monitor",
)

DOWNLOAD_ALL, DOWNLOAD_REJECTED = "data-last-ned-alt", "data-last-ned-avviste"
ROOT, DATES, BATCHES = "data-side", "data-dato", "data-lastinger"
REJECTED, REJECTED_NOTE, CHANGES = "data-avviste", "data-avviste-antall", "data-endringer"
GRID_OPTIONS = {
    "localeText": LOCALE_TEXT,
    "animateRows": False,
    "ensureDomOrder": True,
    "tooltipShowDelay": 300,
    "enableCellTextSelection": True,
}


def _grid(grid_id: str, columns: list[dict], height: str) -> dag.AgGrid:
    return dag.AgGrid(
        id=grid_id,
        rowData=[],
        columnDefs=columns,
        defaultColDef={
            "sortable": True,
            "resizable": True,
            "flex": 1,
            "wrapHeaderText": True,
            "autoHeaderHeight": True,
        },
        dashGridOptions=GRID_OPTIONS,
        className="ag-theme-alpine",
        style={"height": height},
    )


def _card(title: str, body: list, footer: str = "", card_id: str = "") -> dbc.Card:
    parts = [dbc.CardHeader(html.H2(title, className="chart-title")), dbc.CardBody(body)]
    if footer:
        parts.append(dbc.CardFooter(html.Small(footer, className="chart-source")))
    return dbc.Card(parts, className="chart-card mb-4", id=card_id)


def _data_dates(frame) -> list:
    header = html.Thead(
        html.Tr([html.Th(h) for h in ("Tabell", "Rader", "År", "Sist lastet", "Fra fil")])
    )
    body = html.Tbody([html.Tr([html.Td(cell) for cell in row]) for row in t.data_date_rows(frame)])
    return [header, body]


def layout(**_params: str) -> html.Div:
    """The page skeleton; `fill` reads the database when the page is shown (never at start-up)."""
    return html.Div(
        [
            page_header(
                "Data og kilder",
                "Hvor tallene kommer fra: hver innlesing med fil, tidspunkt, "
                "SHA-256 og antall rader, rader som ble avvist og hvorfor, rettinger som har "
                "endret eller slettet tall, og hvor ferske tabellene er.",
            ),
            _card(
                "Datadato per tabell",
                [dbc.Table(id=DATES, size="sm", striped=True, className="mb-0 data-dates")],
                "Sist lastet: siste innlesing av filtypen som lagret eller slettet rader i "
                "tabellen.",
                "card-data-dato",
            ),
            _card(
                "Innlesinger",
                [_grid(BATCHES, t.batch_columns(), "340px")],
                "SHA-256 identifiserer filens innhold; "
                "hold musen over for hele verdien og filstien.",
                "card-data-lastinger",
            ),
            _card(
                "Avviste rader",
                [
                    html.P(id=REJECTED_NOTE, className="chart-summary"),
                    _grid(REJECTED, t.rejected_columns(), "420px"),
                    dbc.Button(
                        "Last ned alle avviste rader (CSV)",
                        id=f"{DOWNLOAD_REJECTED}-knapp",
                        color="primary",
                        outline=True,
                        size="sm",
                        className="mt-2",
                    ),
                    dcc.Download(id=DOWNLOAD_REJECTED),
                ],
                "Filtrer i feltene under kolonnenavnene. Linje er linjen slik den ses i en "
                "teksteditor, eller radnummeret i Excel.",
                "card-data-avviste",
            ),
            _card(
                "Endringshistorikk",
                [_grid(CHANGES, t.correction_columns(), "340px")],
                "Hver verdi en ny fil har endret, og hver rad en rettet fil («--erstatt») har "
                "slettet, med innlesingen som gjorde det.",
                "card-data-endringer",
            ),
            _card(
                "Hele datasettet",
                [
                    html.P(
                        "Alle tabeller som CSV-filer (semikolon, UTF-8) i én ZIP-fil: data, "
                        "innlesinger, avviste rader, endringer og referansedata."
                    ),
                    dbc.Button(
                        "Last ned hele datasettet (ZIP)",
                        id=f"{DOWNLOAD_ALL}-knapp",
                        color="primary",
                        size="sm",
                    ),
                    dcc.Download(id=DOWNLOAD_ALL),
                ],
                card_id="card-data-nedlasting",
            ),
        ],
        className="data-page",
        id=ROOT,
    )


@callback(
    Output(DATES, "children"),
    Output(BATCHES, "rowData"),
    Output(REJECTED, "rowData"),
    Output(REJECTED_NOTE, "children"),
    Output(CHANGES, "rowData"),
    Input(ROOT, "id"),
)
def fill(_root: str):
    """Every table of the page, read when the page is shown."""
    rejected = q.rejected_rows()
    total = q.rejected_count()
    note = (
        f"Viser de {number(len(rejected))} nyeste av {number(total)} avviste rader; last "
        "ned for å få alle."
        if total > len(rejected)
        else f"Avviste rader: {number(total)}."
    )
    return (
        _data_dates(q.table_dates()),
        t.batch_rows(q.load_batches()),
        t.rejected_rows(rejected),
        note,
        t.correction_rows(q.corrections()),
    )


@callback(
    Output(DOWNLOAD_ALL, "data"),
    Input(f"{DOWNLOAD_ALL}-knapp", "n_clicks"),
    prevent_initial_call=True,
)
def download_dataset(_clicks: int | None) -> dict:
    """The whole dataset as a ZIP of CSV files."""
    return dcc.send_bytes(q.dataset_zip(), "loftet-datasett.zip")


@callback(
    Output(DOWNLOAD_REJECTED, "data"),
    Input(f"{DOWNLOAD_REJECTED}-knapp", "n_clicks"),
    prevent_initial_call=True,
)
def download_rejected(_clicks: int | None) -> dict:
    """Every rejected row as CSV."""
    return dcc.send_bytes(q.rejected_csv(), "avviste-rader.csv")
