"""Data og kilder (/data): where the numbers came from — loads with file, time, SHA-256 and row
counts; rejected rows with reasons; the correction history; the data date of each table; and a
download of the whole dataset. Linked from the footer's freshness line, not from the menu."""

from __future__ import annotations

import dash
import dash_ag_grid as dag
import dash_bootstrap_components as dbc
from dash import Input, Output, callback, dcc, html

from loftet.queries import provenance as q
from loftet.tables import provenance as t
from loftet.tables.grid import LOCALE_TEXT
from loftet.ui.components import page_header

dash.register_page(__name__, path="/data", name="Data og kilder", order=None,
                   title="Data og kilder – Løftet-monitor")

DOWNLOAD_ALL, DOWNLOAD_REJECTED = "data-last-ned-alt", "data-last-ned-avviste"
GRID_OPTIONS = {"localeText": LOCALE_TEXT, "animateRows": False, "ensureDomOrder": True,
                "tooltipShowDelay": 300, "enableCellTextSelection": True}


def _grid(grid_id: str, columns: list[dict], rows: list[dict], height: str) -> dag.AgGrid:
    return dag.AgGrid(id=grid_id, rowData=rows, columnDefs=columns,
                      defaultColDef={"sortable": True, "resizable": True, "flex": 1,
                                     "wrapHeaderText": True, "autoHeaderHeight": True},
                      dashGridOptions=GRID_OPTIONS, className="ag-theme-alpine",
                      style={"height": height})


def _card(title: str, body: list, footer: str = "", card_id: str = "") -> dbc.Card:
    parts = [dbc.CardHeader(html.H2(title, className="chart-title")), dbc.CardBody(body)]
    if footer:
        parts.append(dbc.CardFooter(html.Small(footer, className="chart-source")))
    return dbc.Card(parts, className="chart-card mb-4", id=card_id)


def _data_dates() -> dbc.Table:
    header = html.Thead(html.Tr([html.Th(h) for h in ("Tabell", "Rader", "År",
                                                      "Sist lastet", "Fra fil")]))
    body = html.Tbody([html.Tr([html.Td(cell) for cell in row])
                       for row in t.data_date_rows(q.table_dates())])
    return dbc.Table([header, body], size="sm", striped=True, className="mb-0 data-dates")


def layout(**_params: str) -> html.Div:
    rejected = q.rejected_rows()
    total_rejected = q.rejected_count()
    shown = (f"Viser de {len(rejected):,} nyeste av {total_rejected:,} avviste rader; "
             "last ned for alle." if total_rejected > len(rejected)
             else f"{total_rejected:,} avviste rader.").replace(",", "\u00a0")
    return html.Div([
        page_header("Data og kilder", "Hvor tallene kommer fra: hver innlesing med fil, tidspunkt, "
                    "SHA-256 og antall rader, rader som ble avvist og hvorfor, rettinger som har "
                    "endret eller slettet tall, og hvor ferske tabellene er."),
        _card("Datadato per tabell", [_data_dates()],
              "Sist lastet: siste innlesing av filtypen som fyller tabellen.", "card-data-dato"),
        _card("Innlesinger", [_grid("data-lastinger", t.batch_columns(),
                                    t.batch_rows(q.load_batches()), "340px")],
              "SHA-256 identifiserer filens innhold; hold musen over for hele verdien og filstien.",
              "card-data-lastinger"),
        _card("Avviste rader", [
            html.P(shown, className="chart-summary"),
            _grid("data-avviste", t.rejected_columns(), t.rejected_rows(rejected), "420px"),
            dbc.Button("Last ned alle avviste rader (CSV)", id=f"{DOWNLOAD_REJECTED}-knapp",
                       color="primary", outline=True, size="sm", className="mt-2"),
            dcc.Download(id=DOWNLOAD_REJECTED),
        ], "Filtrer i feltene under kolonnenavnene. Linje er linjen slik den ses i en "
           "teksteditor eller radnummeret i Excel.", "card-data-avviste"),
        _card("Endringshistorikk", [
            _grid("data-endringer", t.correction_columns(), t.correction_rows(q.corrections()),
                  "340px")],
              "Hver verdi en ny fil har endret, og hver rad en rettet fil («--erstatt») har "
              "slettet, med innlesingen som gjorde det.", "card-data-endringer"),
        _card("Hele datasettet", [
            html.P("Alle tabeller som CSV-filer (semikolon, UTF-8) i én ZIP-fil: data, "
                   "innlesinger, avviste rader, endringer og referansedata."),
            dbc.Button("Last ned hele datasettet (ZIP)", id=f"{DOWNLOAD_ALL}-knapp",
                       color="primary", size="sm"),
            dcc.Download(id=DOWNLOAD_ALL),
        ], card_id="card-data-nedlasting"),
    ], className="data-page")


@callback(Output(DOWNLOAD_ALL, "data"), Input(f"{DOWNLOAD_ALL}-knapp", "n_clicks"),
          prevent_initial_call=True)
def download_dataset(_clicks: int | None) -> dict:
    """The whole dataset as a ZIP of CSV files."""
    return dcc.send_bytes(q.dataset_zip(), "loftet-datasett.zip")


@callback(Output(DOWNLOAD_REJECTED, "data"), Input(f"{DOWNLOAD_REJECTED}-knapp", "n_clicks"),
          prevent_initial_call=True)
def download_rejected(_clicks: int | None) -> dict:
    """Every rejected row as CSV."""
    return dcc.send_bytes(q.rejected_csv(), "avviste-rader.csv")
