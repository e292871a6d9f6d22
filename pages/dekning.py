"""Dekning (/dekning): which municipalities take part, on a map and in a table."""

from __future__ import annotations

import dash
import dash_ag_grid as dag
import dash_bootstrap_components as dbc
from dash import ALL, Input, Output, Patch, State, callback, dcc, html, no_update

from loftet.charts import get_chart
from loftet.charts.view import parse_view
from loftet.filters import Filters
from loftet.links import profile_href
from loftet.queries.coverage_areas import coverage_rows
from loftet.tables.coverage import COLUMN_DEFS, grid_rows
from loftet.tables.grid import LOCALE_TEXT
from loftet.ui import ids
from loftet.ui.attrs import attrs
from loftet.ui.callbacks import STATE_IDS, STATE_VALUES
from loftet.ui.components import chart_card, option_bar, page_header
from loftet.ui.filterbar import filter_bar
from loftet.ui.state import params_from_controls, split_params

dash.register_page(
    __name__, path="/dekning", name="Dekning", order=1, title="Dekning – Løftet-monitor"
)

MAP_CHART = "dekning-kart"
COUNTY_CHART = "dekning-fylker"
GRID = "dekning-tabell"
SEARCH = "dekning-sok"
TABLE_NOTE = "dekning-tabell-note"
NAV = "dekning-nav"
STATE_VALUES_NOW = State({"type": ids.URL_STATE, "param": ALL}, "value")


def layout(**params: str) -> html.Div:
    view = parse_view(params, "dekning")
    return html.Div(
        [
            page_header(
                "Dekning",
                "Hvilke kommuner deltar, og hvor mange enheter og deltakere er "
                "nådd? Klikk en kommune for å åpne kommuneprofilen.",
                view.notices,
            ),
            filter_bar(view.filters, show=("aar", "fylke", "sektor", "eier", "struktur")),
            option_bar("dekning", view),
            # 1920 px: map | table, county bars below. 1366 px: map | county bars, table below.
            dbc.Row(
                [
                    dbc.Col(
                        chart_card(get_chart(MAP_CHART), height=560, view=view),
                        xs=12,
                        xl=6,
                        xxl=5,
                        className="dekning-map-col",
                    ),
                    dbc.Col(
                        table_card(),
                        xs=12,
                        xxl=7,
                        className="dekning-table-col order-3 order-xxl-2",
                    ),
                    dbc.Col(
                        chart_card(get_chart(COUNTY_CHART), height=520, view=view),
                        xs=12,
                        xl=6,
                        xxl=12,
                        className="dekning-county-col order-2 order-xxl-3",
                    ),
                ],
                className="g-3",
            ),
            dcc.Location(id=NAV, refresh="callback-nav"),
        ],
        className="dekning-page",
    )


def table_card() -> dbc.Card:
    """The searchable, sortable table of the same municipalities as the map."""
    return dbc.Card(
        [
            dbc.CardHeader(html.H2("Kommunene i tabell", className="chart-title")),
            dbc.CardBody(
                [
                    html.Div(
                        [
                            dbc.Label("Søk i tabellen", html_for=SEARCH, className="filter-label"),
                            dbc.Input(
                                id=SEARCH,
                                type="search",
                                placeholder="Kommune, nummer eller fylke",
                                debounce=0.3,
                                autocomplete="off",
                            ),
                        ],
                        className="dekning-search",
                        role="search",
                    ),
                    dag.AgGrid(
                        id=GRID,
                        columnDefs=COLUMN_DEFS,
                        rowData=[],
                        defaultColDef={
                            "sortable": True,
                            "resizable": True,
                            "filter": True,
                            "suppressHeaderFilterButton": True,
                            "flex": 1,
                            "wrapHeaderText": True,
                            "autoHeaderHeight": True,
                        },
                        dashGridOptions={
                            "localeText": LOCALE_TEXT,
                            "accentedSort": True,
                            "animateRows": False,
                            "tooltipShowDelay": 300,
                            "ensureDomOrder": True,
                        },
                        className="ag-theme-alpine dekning-grid",
                    ),
                    html.P(id=TABLE_NOTE, className="chart-summary", **attrs(aria_live="polite")),
                ],
                className="dekning-table-body",
            ),
            dbc.CardFooter(
                html.Small(
                    "Klikk et kommunenavn for å åpne kommuneprofilen. Klikk en "
                    "kolonneoverskrift for å sortere.",
                    className="chart-source",
                )
            ),
        ],
        className="chart-card mb-4 dekning-table-card",
        id="card-dekning-tabell",
    )


def table_note(filters: Filters, rows: int) -> str:
    """`43 kommuner · Vestland · 2026`."""
    return f"{rows} kommuner · {filters.county_name} · {filters.aar}"


@callback(Output(GRID, "rowData"), Output(TABLE_NOTE, "children"), STATE_VALUES, STATE_IDS)
def update_table(values: list, control_ids: list[dict]):
    """The table's rows: the same query as the map, one row per municipality."""
    filters, _ = split_params(params_from_controls(values, control_ids))
    frame = coverage_rows(filters)
    return grid_rows(frame, filters.to_query()), table_note(filters, len(frame))


@callback(Output(GRID, "dashGridOptions"), Input(SEARCH, "value"), prevent_initial_call=True)
def search_table(text: str | None):
    """Quick search over every column (municipality name or number, county, numbers)."""
    patch = Patch()
    patch["quickFilterText"] = text or ""
    return patch


@callback(
    Output(NAV, "href"),
    Input(ids.graph(MAP_CHART), "clickData"),
    STATE_VALUES_NOW,
    STATE_IDS,
    prevent_initial_call=True,
)
def open_profile(click_data: dict | None, values: list, control_ids: list[dict]):
    """A click on a municipality opens its profile, with the shared filters."""
    filters, _ = split_params(params_from_controls(values, control_ids))
    href = profile_href(click_data, filters.to_query())
    return href if href else no_update
