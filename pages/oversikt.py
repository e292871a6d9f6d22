"""Oversikt (/): how far the programme has come, in headline figures."""

from __future__ import annotations

import dash
from dash import Output, callback, html

from loftet.charts import charts_for_page
from loftet.filters import parse_filters
from loftet.queries.overview import headlines
from loftet.ui.callbacks import STATE_IDS, STATE_VALUES
from loftet.ui.components import chart_card, page_header
from loftet.ui.filterbar import filter_bar
from loftet.ui.headlines import headline_cards
from loftet.ui.state import params_from_controls, split_params

dash.register_page(__name__, path="/", name="Oversikt", order=0, title="Oversikt – Løftet-monitor")

KPIS = "oversikt-kpis"


def layout(**params: str) -> html.Div:
    parsed = parse_filters(params)
    return html.Div(
        [
            page_header(
                "Oversikt",
                "Hvor langt har Kompetanseløftet kommet? Nøkkeltall for valgt år "
                "med endring fra året før. Klikk et tall for å se detaljene.",
                parsed.notices,
            ),
            filter_bar(parsed.filters, show=("aar", "fylke", "sektor", "eier", "struktur")),
            html.Div(id=KPIS, className="kpi-grid", **{"aria-live": "polite"}),
            *[chart_card(chart, height=360) for chart in charts_for_page("oversikt")],
        ]
    )


@callback(Output(KPIS, "children"), STATE_VALUES, STATE_IDS)
def update_headlines(values: list, control_ids: list[dict]):
    """The headline cards for the chosen filters."""
    filters, _ = split_params(params_from_controls(values, control_ids))
    return headline_cards(headlines(filters), filters, filters.to_query())
