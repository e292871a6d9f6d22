"""Behov (/behov): needs reported to the Statsforvalter vs prioritised vs granted, per office and
competence area, and the year's timeline against the February and April deadlines."""

from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
from dash import html

from loftet.charts.behov import BY_AREA, BY_OFFICE, TIMELINE
from loftet.filters import parse_filters
from loftet.ui.components import chart_card, page_header
from loftet.ui.filterbar import filter_bar

dash.register_page(
    __name__, path="/behov", name="Behov", order=3.5, title="Behov og søknader – Løftet-monitor"
)


def layout(**params: str) -> html.Div:
    parsed = parse_filters(params)
    return html.Div(
        [
            page_header(
                "Behov og søknader",
                "Hvor mye meldte kommunene, fylkeskommunene og de "
                "private eierne behov for, hvor mye prioriterte samarbeidsforum, og hvor "
                "mye ble innvilget? Kom meldingene og vedtakene innen fristene?",
                parsed.notices,
            ),
            filter_bar(parsed.filters, show=("aar", "fylke", "eier", "struktur")),
            chart_card(BY_OFFICE, height=480),
            dbc.Row(
                [
                    dbc.Col(chart_card(BY_AREA, height=560), lg=7),
                    dbc.Col(chart_card(TIMELINE, height=560), lg=5),
                ],
                className="g-4",
            ),
        ],
        className="behov-page",
    )
