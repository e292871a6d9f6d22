"""What every page shows when the database holds no data yet (or cannot be reached).

`requires_data` wraps a page's layout (and title) function: with data it is called as usual;
without, the page says so plainly and how to load data, and touches no table.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

import dash_bootstrap_components as dbc
from dash import html

from loftet.datastate import UNREACHABLE, DataState, current_state

DEMO_COMMAND = "python -m etl demo"
LOAD_COMMAND = "python -m etl load data/innlesing/"


def no_data_view(state: DataState) -> html.Div:
    """A page body saying there is nothing to show yet, and the commands that load data."""
    if state.status == UNREACHABLE:
        return html.Div(
            dbc.Alert(
                [
                    html.H1("Databasen svarer ikke", className="h4"),
                    html.P(
                        "Dashbordet får ikke kontakt med databasen akkurat nå. Prøv igjen om litt; "
                        "varer det, sjekk databasen og innstillingen DATABASE_URL."
                    ),
                ],
                color="danger",
            ),
            className="no-data-page",
            id="ingen-data",
        )
    return html.Div(
        dbc.Alert(
            [
                html.H1("Ingen data er lastet ennå", className="h4"),
                html.P(
                    "Dashbordet er klart, men databasen har ingen tall å vise. Last data med én av "
                    "kommandoene under (i prosjektmappen), og last siden på nytt:"
                ),
                html.Dl(
                    [
                        html.Dt("Demodata (genererte tall, ikke offisielle):"),
                        html.Dd(html.Code(DEMO_COMMAND)),
                        html.Dt("Ekte data fra filer i de dokumenterte formatene:"),
                        html.Dd(html.Code(LOAD_COMMAND)),
                    ]
                ),
                html.P(
                    "Filformatene står i docs/dataformater.md. Appen trenger ikke startes på nytt.",
                    className="mb-0",
                ),
            ],
            color="info",
        ),
        className="no-data-page",
        id="ingen-data",
    )


def requires_data(layout: Callable[..., object]) -> Callable[..., object]:
    """`layout`, or the no-data view while the database holds no data."""
    if getattr(layout, "requires_data", False):
        return layout

    @wraps(layout)
    def guarded(*args: object, **kwargs: object) -> object:
        state = current_state()
        if not state.has_data:
            return no_data_view(state)
        return layout(*args, **kwargs)

    guarded.requires_data = True  # type: ignore[attr-defined]  # a marker read by getattr
    return guarded


def title_requires_data(title: Callable[..., str], fallback: str) -> Callable[..., str]:
    """A page title function that falls back to `fallback` without data."""
    if getattr(title, "requires_data", False):
        return title

    @wraps(title)
    def guarded(*args: object, **kwargs: object) -> str:
        return title(*args, **kwargs) if current_state().has_data else fallback

    guarded.requires_data = True  # type: ignore[attr-defined]  # a marker read by getattr
    return guarded
