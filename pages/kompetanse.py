"""Kompetanseområder (/kompetanse): which competence areas the funds and participants go to,
and how they spread over the levels of the competence pyramid."""

from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
from dash import html

from loftet.charts.kompetanse import (
    AREAS,
    DEFAULT_INNDELING,
    DEFAULT_MAAL,
    HEATMAP,
    INNDELING_OPTIONS,
    MAAL_OPTIONS,
    PROFESSIONS,
    PYRAMID,
    SHARES,
)
from loftet.filters import parse_filters
from loftet.ui.components import chart_card, option_selector, page_header
from loftet.ui.filterbar import filter_bar

dash.register_page(
    __name__,
    path="/kompetanse",
    name="Kompetanseområder",
    order=4,
    title="Kompetanseområder – Løftet-monitor",
)


def _option(
    params: dict, name: str, options: dict[str, str], default: str, notices: list[str]
) -> str:
    """A page option from the URL; an unknown value falls back to `default` with a notice."""
    value = params.get(name) or default
    if value not in options:
        notices.append(f"Ukjent visning «{name}={value}»; viser «{options[default].lower()}».")
        return default
    return value


def layout(**params: str) -> html.Div:
    parsed = parse_filters(params)
    maal = _option(params, "maal", MAAL_OPTIONS, DEFAULT_MAAL, parsed.notices)
    inndeling = _option(params, "inndeling", INNDELING_OPTIONS, DEFAULT_INNDELING, parsed.notices)
    return html.Div(
        [
            page_header(
                "Kompetanseområder",
                "Hvilke kompetanseområder går midlene og deltakerne "
                "til, og hvordan fordeler de seg i kompetansepyramiden – fra grunnleggende "
                "kompetanse for alle til særlig komplekse behov?",
                parsed.notices,
            ),
            filter_bar(parsed.filters),
            option_selector("maal", "Vis", MAAL_OPTIONS, maal),
            dbc.Row(
                [
                    dbc.Col(chart_card(AREAS, height=520), xl=7),
                    dbc.Col(chart_card(PYRAMID, height=520), xl=5),
                ],
                className="g-4",
            ),
            chart_card(HEATMAP, height=620),
            dbc.Row(
                [
                    dbc.Col(chart_card(PROFESSIONS, height=460), xl=6),
                    dbc.Col(
                        [
                            option_selector(
                                "inndeling", "Andeler over tid etter", INNDELING_OPTIONS, inndeling
                            ),
                            chart_card(SHARES, height=420),
                        ],
                        xl=6,
                    ),
                ],
                className="g-4",
            ),
        ],
        className="kompetanse-page",
    )
