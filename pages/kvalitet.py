"""Kvalitet (/kvalitet): where need is high, where the programme reaches, and whether the gaps
between municipalities shrink — for one quality or need indicator at a time."""

from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
from dash import Output, callback, html

from loftet.charts import get_chart
from loftet.charts.kvalitet.common import INDICATOR
from loftet.charts.kvalitet.ranking import ranking_data
from loftet.charts.view import parse_view
from loftet.queries.quality import indicator_info
from loftet.ui import ids
from loftet.ui.attrs import attrs
from loftet.ui.callbacks import STATE_IDS, STATE_VALUES
from loftet.ui.components import chart_card, option_bar, option_control, page_header
from loftet.ui.filterbar import filter_bar
from loftet.ui.state import params_from_controls, split_params

dash.register_page(
    __name__, path="/kvalitet", name="Kvalitet", order=2, title="Kvalitet – Løftet-monitor"
)

PAGE = "kvalitet"
INFO = "kvalitet-indikator-info"
RANKING_ID = "kvalitet-rangering"
RANK_ROW_PX = 20
RANK_FRAME_PX = 130
RANK_MIN_PX = 360


def layout(**params: str) -> html.Div:
    view = parse_view(params, PAGE)
    code = INDICATOR.value(view.options)
    cards = {
        chart.id: chart
        for chart in (
            get_chart(i)
            for i in (
                "kvalitet-fordeling",
                RANKING_ID,
                "kvalitet-behov-rekkevidde",
                "kvalitet-spredning",
            )
        )
    }
    return html.Div(
        [
            page_header(
                "Kvalitet",
                "Hvor er behovet størst, når Kompetanseløftet dit, og blir "
                "forskjellene mellom kommunene mindre? Velg en indikator.",
                view.notices,
            ),
            filter_bar(view.filters, show=("aar", "fra", "fylke", "sektor", "eier", "struktur")),
            option_bar(PAGE, view),
            dbc.Row(
                [
                    dbc.Col(
                        option_control(INDICATOR, code),
                        md=6,
                        xl=4,
                    ),
                    dbc.Col(
                        html.Div(
                            indicator_text(code),
                            id=INFO,
                            className="indicator-info",
                            **attrs(aria_live="polite"),
                        ),
                        md=6,
                        xl=8,
                    ),
                ],
                className="g-3 align-items-end kvalitet-options",
            ),
            dbc.Row(
                [
                    dbc.Col(chart_card(cards["kvalitet-fordeling"], 720, view), xl=6),
                    dbc.Col(chart_card(cards[RANKING_ID], ranking_height(30), view), xl=6),
                ],
                className="g-3",
            ),
            html.Div(
                chart_card(cards["kvalitet-behov-rekkevidde"], 560, view),
                className="kvalitet-reach",
            ),
            chart_card(cards["kvalitet-spredning"], 380, view),
        ]
    )


def indicator_text(code: str) -> list:
    """What the indicator measures and which direction means high need."""
    info = indicator_info(code)
    direction = (
        "Høy verdi betyr høyt behov."
        if info["hoy_er_behov"]
        else "Lav verdi betyr høyt behov (her er det bra med høye tall)."
    )
    return [
        html.Strong(f"{info['navn']}: "),
        f"{info['beskrivelse']}. ",
        html.Span(direction, className="indicator-direction"),
    ]


def ranking_height(bars: int) -> int:
    """Pixel height of the ranking chart: a fixed row per municipality, so names never overlap."""
    return max(RANK_MIN_PX, RANK_FRAME_PX + RANK_ROW_PX * bars)


@callback(Output(INFO, "children"), STATE_VALUES, STATE_IDS)
def update_indicator_text(values: list, control_ids: list[dict]) -> list:
    """Describe the chosen indicator."""
    _, options = split_params(params_from_controls(values, control_ids))
    return indicator_text(INDICATOR.value(options))


@callback(Output(ids.graph(RANKING_ID), "style"), STATE_VALUES, STATE_IDS)
def update_ranking_height(values: list, control_ids: list[dict]) -> dict:
    """Grow the ranking chart with the number of municipalities shown."""
    filters, options = split_params(params_from_controls(values, control_ids))
    bars = int(ranking_data(filters, options).verdi.notna().sum())
    return {"height": f"{ranking_height(bars)}px"}
