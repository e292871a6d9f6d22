"""Friendly page for unknown addresses."""

from __future__ import annotations

import dash
from dash import html

dash.register_page(__name__, path="/404", name="Fant ikke siden", title="Fant ikke siden")


def layout(**_params: str) -> html.Div:
    return html.Div(
        [
            html.H1("Fant ikke siden", className="page-title"),
            html.P(
                "Adressen finnes ikke i Løftet-monitor. Gå til oversikten eller velg en side i "
                "menyen."
            ),
            html.A("Til oversikten", href="/", className="btn btn-primary"),
        ],
        className="not-found",
    )
