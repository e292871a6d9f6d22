"""Budsjett (/budsjett): how much is granted and spent, per county, against the 2025 level."""

from __future__ import annotations

import dash
import dash_ag_grid as dag
import dash_bootstrap_components as dbc
from dash import Input, Output, Patch, callback, html

from loftet.charts.budsjett import (
    CUMULATIVE,
    GRANTED_SPENT,
    PER_CHILD,
    PER_YEAR,
    SOURCE,
    SPLIT,
    fordeling,
)
from loftet.charts.view import parse_view
from loftet.tables.budget import column_defs, grid_rows, total_row
from loftet.tables.grid import LOCALE_TEXT
from loftet.ui.callbacks import STATE_IDS, STATE_VALUES
from loftet.ui.components import chart_card, option_bar, page_header
from loftet.ui.filterbar import filter_bar
from loftet.ui.state import params_from_controls, split_params

dash.register_page(
    __name__, path="/budsjett", name="Budsjett", order=3, title="Budsjett – Løftet-monitor"
)

GRID = "budsjett-tabell"
SEARCH = "budsjett-tabell-sok"
GRID_HEIGHT = "460px"
SHORT_TABLE_ROWS = 12


def allocation_grid() -> dbc.Card:
    """The year × county table with a search box; filled by `update_table`."""
    return dbc.Card(
        [
            dbc.CardHeader(html.H2("Tabell: innvilget og brukt per år", className="chart-title")),
            dbc.CardBody(
                [
                    dbc.Label("Søk i tabellen", html_for=SEARCH, className="filter-label"),
                    dbc.Input(
                        id=SEARCH,
                        type="search",
                        placeholder="F.eks. Vestland eller 2024",
                        className="mb-2 budsjett-search",
                        debounce=True,
                    ),
                    dag.AgGrid(
                        id=GRID,
                        rowData=[],
                        columnDefs=column_defs("Fylke"),
                        defaultColDef={
                            "sortable": True,
                            "filter": True,
                            "resizable": True,
                            "flex": 1,
                            "wrapHeaderText": True,
                            "autoHeaderHeight": True,
                        },
                        dashGridOptions={
                            "localeText": LOCALE_TEXT,
                            "accentedSort": True,
                            "animateRows": False,
                            "ensureDomOrder": True,
                            "pinnedBottomRowData": [],
                        },
                        className="ag-theme-alpine budsjett-grid",
                        style={"height": GRID_HEIGHT},
                    ),
                ]
            ),
            dbc.CardFooter(
                html.Small(
                    SOURCE + " Summen nederst gjelder alle rader i utvalget.",
                    className="chart-source",
                )
            ),
        ],
        className="chart-card mb-4",
        id="card-budsjett-tabell",
    )


def layout(**params: str) -> html.Div:
    view = parse_view(params, "budsjett")
    return html.Div(
        [
            page_header(
                "Budsjett",
                "Hvor mye er innvilget og brukt hvert år, hvordan fordeler "
                "midlene seg på fylkene, og hvor nær er vi 2025-nivået?",
                view.notices,
            ),
            filter_bar(view.filters, show=("aar", "fra", "fylke", "eier", "struktur")),
            option_bar("budsjett", view),
            chart_card(PER_YEAR, height=460, view=view),
            allocation_grid(),
            dbc.Row(
                [
                    dbc.Col(chart_card(GRANTED_SPENT, height=380), lg=6),
                    dbc.Col(chart_card(CUMULATIVE, height=380), lg=6),
                ],
                className="g-4",
            ),
            chart_card(PER_CHILD, height=480),
        ],
        className="budsjett-page",
    )


@callback(
    Output(GRID, "rowData"),
    Output(GRID, "columnDefs"),
    Output(GRID, "dashGridOptions"),
    Output(GRID, "style"),
    STATE_VALUES,
    STATE_IDS,
)
def update_table(values: list, control_ids: list[dict]):
    """The table's rows and total from the same data as `budsjett-per-aar`; a short table
    (one county) takes only the height it needs."""
    filters, options = split_params(params_from_controls(values, control_ids))
    frame = PER_YEAR.data(filters, options)
    short = len(frame) <= SHORT_TABLE_ROWS
    grid_options = Patch()
    grid_options["pinnedBottomRowData"] = [total_row(frame)]
    grid_options["domLayout"] = "autoHeight" if short else "normal"
    style = {} if short else {"height": GRID_HEIGHT}
    return (
        grid_rows(frame),
        column_defs(SPLIT.labels()[fordeling(filters, options)]),
        grid_options,
        style,
    )


@callback(
    Output(GRID, "dashGridOptions", allow_duplicate=True),
    Input(SEARCH, "value"),
    prevent_initial_call=True,
)
def search_table(text: str | None):
    """The search box filters the table's rows (AG Grid's quick filter)."""
    grid_options = Patch()
    grid_options["quickFilterText"] = text or ""
    return grid_options
