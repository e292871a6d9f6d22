"""The shared filter bar. Its controls carry URL-state ids, so the URL reproduces the view."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import dcc, html

from loftet.config import FIRST_YEAR, LAST_YEAR
from loftet.filters import COUNTIES, OWNER_TYPES, SECTORS, STRUCTURES, Filters
from loftet.ui import ids
from loftet.ui.attrs import attrs

ALL_CONTROLS = ("aar", "fra", "fylke", "sektor", "eier", "struktur")
YEARS = list(range(FIRST_YEAR, LAST_YEAR + 1))


def _options(mapping: dict) -> list[dict]:
    return [{"label": label, "value": value} for value, label in mapping.items()]


def county_options(struktur: int) -> list[dict]:
    """Dropdown options for the counties of one structure."""
    return _options(COUNTIES[struktur])


def _dropdown(
    param: str,
    label: str,
    options: list[dict],
    value: str | int | None,
    clearable: bool = False,
    placeholder: str = "",
) -> dbc.Col:
    return dbc.Col(
        [
            dbc.Label(label, html_for=f"filter-{param}", className="filter-label"),
            dcc.Dropdown(
                id=ids.state(param),
                options=options,
                value=value,
                clearable=clearable,
                placeholder=placeholder,
                searchable=False,
            ),
        ],
        xs=6,
        md=4,
        lg=2,
        className="filter-col",
    )


def filter_bar(filters: Filters, show: tuple[str, ...] = ALL_CONTROLS) -> html.Div:
    """The filter controls named in `show`, seeded from `filters`."""
    years = [{"label": str(y), "value": y} for y in YEARS]
    controls = {
        "aar": lambda: _dropdown("aar", "År", years, filters.aar),
        "fra": lambda: _dropdown("fra", "Fra år", years, filters.fra),
        "fylke": lambda: _dropdown(
            "fylke", "Fylke", county_options(filters.struktur), filters.fylke, True, "Hele landet"
        ),
        "sektor": lambda: _dropdown(
            "sektor", "Sektor", _options(SECTORS), filters.sektor, True, "Alle sektorer"
        ),
        "eier": lambda: _dropdown(
            "eier", "Eiertype", _options(OWNER_TYPES), filters.eier, True, "Alle eiere"
        ),
        "struktur": lambda: _dropdown(
            "struktur", "Fylkesinndeling", _options(STRUCTURES), filters.struktur
        ),
    }
    return html.Div(
        dbc.Row([controls[name]() for name in ALL_CONTROLS if name in show], className="g-2"),
        className="filter-bar",
        role="search",
        **attrs(aria_label="Filtre"),
    )
