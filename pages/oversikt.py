"""Oversikt (/): the landing page. How far the programme has come: the key figures with
their change and sparklines, a small map linking to Dekning, and participation over time."""

from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
from dash import Output, callback, dcc, html

from loftet.charts import charts_for_page, get_chart
from loftet.charts.kpi_table import is_kpi_chart, kpi_frames
from loftet.charts.oversikt import KEY_FIGURES
from loftet.filters import parse_filters
from loftet.ui import ids
from loftet.ui.attrs import attrs
from loftet.ui.callbacks import STATE_IDS, STATE_VALUES
from loftet.ui.components import GRAPH_CONFIG, chart_card, page_header
from loftet.ui.filterbar import filter_bar
from loftet.ui.kpi_cards import kpi_section
from loftet.ui.state import params_from_controls, split_params

dash.register_page(__name__, path="/", name="Oversikt", order=0, title="Oversikt – Løftet-monitor")

KPIS = "oversikt-kpis"
KPI_CHART = KEY_FIGURES.id
MAP_CHART = "dekning-kart"
MAP_HEIGHT = 380


def map_card() -> dbc.Card:
    """Dekning's map, small, drawn by the shared chart callback; the card links to Dekning."""
    chart = get_chart(MAP_CHART)
    return dbc.Card(
        [
            dbc.CardHeader(
                html.H2(
                    html.A(chart.title, href="/dekning", className="map-card-link"),
                    className="chart-title",
                )
            ),
            dbc.CardBody(
                html.Figure(
                    [
                        dcc.Graph(
                            id=ids.graph(MAP_CHART),
                            config={**GRAPH_CONFIG, "displayModeBar": False},
                            style={"height": f"{MAP_HEIGHT}px"},
                        ),
                        html.Figcaption(
                            id=ids.summary(MAP_CHART),
                            className="chart-summary",
                            **attrs(aria_live="polite"),
                        ),
                    ],
                    className="chart-figure mb-0",
                )
            ),
            dbc.CardFooter(
                html.A(
                    "Se kart og tabell per kommune under Dekning",
                    href="/dekning",
                    className="small map-card-more",
                )
            ),
        ],
        className="chart-card map-card mb-4",
        id="card-oversikt-kart",
    )


def layout(**params: object) -> html.Div:
    parsed = parse_filters(params)
    charts = [c for c in charts_for_page("oversikt") if not is_kpi_chart(c)]
    return html.Div(
        [
            page_header(
                "Oversikt",
                "Hvor langt har Kompetanseløftet kommet? Nøkkeltall for valgt år "
                "med endring fra året før. Klikk et tall for å se detaljene.",
                parsed.notices,
            ),
            filter_bar(parsed.filters, show=("aar", "fylke", "sektor", "eier", "struktur")),
            html.Div(id=KPIS, className="kpi-grid", **attrs(aria_live="polite")),
            dbc.Row(
                [
                    dbc.Col(map_card(), xl=5),
                    dbc.Col([chart_card(chart, height=MAP_HEIGHT + 20) for chart in charts], xl=7),
                ]
            ),
        ]
    )


@callback(Output(KPIS, "children"), STATE_VALUES, STATE_IDS)
def update_headlines(values: list, control_ids: list[dict]) -> html.Div:
    """The key-figure cards for the chosen filters."""
    filters, _ = split_params(params_from_controls(values, control_ids))
    table, history = kpi_frames(filters, {})
    return kpi_section(
        KPI_CHART, table, history, filters.to_query(), "kpi", money_note=bool(filters.sektor)
    )
