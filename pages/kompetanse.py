"""Kompetanseområder (/kompetanse): which competence areas the funds and participants go to,
and how they spread over the levels of the competence pyramid."""

from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
from dash import html
from dash.development.base_component import Component

from loftet.charts import get_chart
from loftet.charts.view import parse_view
from loftet.ui.components import chart_card, option_bar, page_header
from loftet.ui.filterbar import filter_bar

PAGE = "kompetanse"

dash.register_page(
    __name__,
    path="/kompetanse",
    name="Kompetanseområder",
    order=4,
    title="Kompetanseområder – Løftet-monitor",
)


def layout(**params: str) -> html.Div:
    view = parse_view(params, PAGE)

    def card(chart_id: str, height: int) -> Component:
        return chart_card(get_chart(chart_id), height=height, view=view)

    return html.Div(
        [
            page_header(
                "Kompetanseområder",
                "Hvilke kompetanseområder går midlene og deltakerne "
                "til, og hvordan fordeler de seg i kompetansepyramiden – fra grunnleggende "
                "kompetanse for alle til særlig komplekse behov?",
                view.notices,
            ),
            filter_bar(view.filters),
            option_bar(PAGE, view),
            dbc.Row(
                [
                    dbc.Col(card("kompetanse-omrader", 520), xl=7),
                    dbc.Col(card("kompetanse-pyramide", 520), xl=5),
                ],
                className="g-4",
            ),
            card("kompetanse-heatmap", 620),
            dbc.Row(
                [
                    dbc.Col(card("kompetanse-profesjon", 460), xl=6),
                    dbc.Col(card("kompetanse-andeler", 420), xl=6),
                ],
                className="g-4",
            ),
        ],
        className="kompetanse-page",
    )
