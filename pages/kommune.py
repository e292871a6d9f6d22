"""Kommuneprofil (/kommune/<nummer>): one municipality against its county and the nation.

`nummer` may be a 2024 number or a 2020–2023 number; an unknown number gives a friendly page
with a municipality search instead of an error. The page holds layout and callbacks: its key
figures come from the KPI catalogue (`loftet.charts.kpis`), its other parts from
`loftet.ui.kommune_parts` and `loftet.tables.measures`.
"""

from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
from dash import ALL, MATCH, Input, Output, Patch, State, callback, dcc, html, no_update

from loftet.charts import charts_for_page
from loftet.charts.kommune import KEY_FIGURES, place_from_options
from loftet.charts.kpi_table import is_kpi_chart, kpi_frames, place_of
from loftet.export import MEDIA_TYPES
from loftet.export.tables import csv_bytes
from loftet.filters import Filters, parse_filters
from loftet.queries.municipality import (
    Municipality,
    find_municipality,
    measures_in_municipality,
    part_of_until,
)
from loftet.tables.grid import records
from loftet.tables.measures import (
    MEASURE_COLUMNS,
    MEASURES,
    MEASURES_CSV,
    MEASURES_DOWNLOAD,
    MEASURES_SEARCH,
    measure_columns,
    measures_card,
)
from loftet.ui import ids
from loftet.ui.attrs import attrs
from loftet.ui.callbacks import STATE_IDS, STATE_VALUES
from loftet.ui.components import chart_card, page_header
from loftet.ui.filterbar import filter_bar
from loftet.ui.kommune_parts import (
    CHOOSER,
    GO_TO,
    PAGE_NAME,
    chooser,
    identity,
    part_id,
    renumbering_note,
    unknown_view,
)
from loftet.ui.kpi_cards import kpi_section
from loftet.ui.state import params_from_controls, split_params

PAGE = "kommune"
APP_NAME = "Løftet-monitor"


def page_title(nummer: str | None = None, **_params: str) -> str:
    """Browser tab title: the municipality's name when the number is known."""
    place = place_of({"kommune": nummer or ""})
    if place is None:
        return f"{PAGE_NAME} – {APP_NAME}"
    return f"{place.navn} – {PAGE_NAME} – {APP_NAME}"


dash.register_page(
    __name__, path_template="/kommune/<nummer>", name=PAGE_NAME, order=None, title=page_title
)

KPI_CHART = KEY_FIGURES.id
"""The registered key-figure table (`loftet.charts.kommune`): cards here, downloads everywhere."""

CHART_HEIGHTS = {
    "kommune-deltakelse": 400,
    "kommune-indikatorer": 640,
    "kommune-profesjoner": 440,
    "kommune-tildelinger": 420,
}

INTRO = (
    "Én kommune mot fylket og hele landet: deltakelse, hvem som er nådd, tildelinger og "
    "kvalitetsindikatorer. Kommunen vises med grensene fra 2024; fylkesinndelingen avgjør "
    "hvilket fylke den sammenlignes med."
)

# --- Layout -----------------------------------------------------------------------------------


def layout(nummer: str | None = None, **params: object) -> html.Div:
    """The profile for `nummer`, or a friendly page with a municipality search."""
    resolution = find_municipality(nummer)
    place = place_of({"kommune": nummer or ""})
    if place is None:
        return unknown_view(nummer)
    parsed = parse_filters(params)
    return html.Div(
        [
            page_header(f"{PAGE_NAME}: {place.navn}", INTRO, parsed.notices),
            renumbering_note(resolution),
            dbc.Row(
                [
                    dbc.Col(identity(place), lg=8),
                    dbc.Col(chooser("Bytt kommune"), lg=4),
                ],
                className="g-3 align-items-end mb-3",
            ),
            filter_bar(parsed.filters, show=("aar", "fra", "struktur")),
            dcc.Input(id=ids.state("kommune"), type="hidden", value=place.kommunenummer),
            html.Div(id=part_id(KPI_CHART), className="kpi-grid", **attrs(aria_live="polite")),
            charts_grid(),
            measures_card(place),
        ],
        className="kommune-page",
    )


def charts_grid() -> html.Div:
    """The four charts: trend and indicators side by side, the wide two-panel charts below."""
    cards = {
        chart.id: chart_card(chart, height=CHART_HEIGHTS.get(chart.id, 420))
        for chart in charts_for_page(PAGE)
        if not is_kpi_chart(chart)
    }
    pair = [cards.pop(key) for key in ("kommune-deltakelse", "kommune-indikatorer") if key in cards]
    return html.Div(
        [
            dbc.Row([dbc.Col(card, xl=6) for card in pair]),
            *cards.values(),
        ]
    )


# --- Key figures --------------------------------------------------------------------------------


def key_figure_cards(place: Municipality, filters: Filters) -> html.Div:
    """The municipality's key figures from the KPI catalogue: value, change, county and nation,
    sparkline; each card links to the page with the county's details."""
    year = filters.aar
    holder = part_of_until(place, year)
    if holder is not None:
        return dbc.Row(
            dbc.Col(
                dbc.Alert(
                    f"{place.navn} var del av {holder} til og med 2023. "
                    f"Tallene for {year} står under "
                    f"{holder}; velg 2024 eller senere for {place.navn} alene.",
                    color="info",
                ),
                id="kommune-del-av",
            )
        )
    county_code, _county = place.county(filters.struktur)
    query = Filters(
        aar=year, fra=filters.fra, fylke=county_code, struktur=filters.struktur
    ).to_query()
    table, history = kpi_frames(filters, {"kommune": place.kommunenummer})
    return kpi_section(KPI_CHART, table, history, query, "kommune-kpi")


# --- Callbacks ----------------------------------------------------------------------------------


def profile_path(nummer: str, filters: Filters) -> str:
    """The profile's address with the shared filters that differ from the defaults."""
    query = filters.to_query()
    return f"/kommune/{nummer}" + (f"?{query}" if query else "")


@callback(
    Output(GO_TO, "href"),
    Input(CHOOSER, "value"),
    State({"type": ids.URL_STATE, "param": ALL}, "value"),
    State({"type": ids.URL_STATE, "param": ALL}, "id"),
    prevent_initial_call=True,
)
def go_to_municipality(nummer: str | None, values: list, control_ids: list[dict]):
    """Open the chosen municipality's profile, keeping year and structure."""
    if not nummer:
        return no_update
    filters, _ = split_params(params_from_controls(values, control_ids))
    return dash.get_relative_path(profile_path(nummer, filters))


def _view(values: list, control_ids: list[dict]) -> tuple[Municipality | None, Filters]:
    """The municipality (from the hidden `kommune` control, validated) and the filters."""
    filters, options = split_params(params_from_controls(values, control_ids))
    return place_from_options(options), filters


@callback(
    Output(part_id(KPI_CHART, MATCH), "children"),
    STATE_VALUES,
    STATE_IDS,
    State(part_id(KPI_CHART, MATCH), "id"),
)
def update_key_figures(values: list, control_ids: list[dict], _target: dict | None = None):
    """The key figure cards for the chosen year."""
    place, filters = _view(values, control_ids)
    if place is None:
        return dbc.Alert("Fant ikke kommunen.", color="warning")
    return key_figure_cards(place, filters)


@callback(
    Output(part_id(MEASURES, MATCH), "rowData"),
    Output(part_id(MEASURES, MATCH), "columnDefs"),
    STATE_VALUES,
    STATE_IDS,
    State(part_id(MEASURES, MATCH), "id"),
)
def update_measures(values: list, control_ids: list[dict], _target: dict | None = None):
    """The measures table for the chosen years."""
    place, filters = _view(values, control_ids)
    if place is None:
        return [], measure_columns(filters.aar)
    frame = measures_in_municipality(place.kommunenummer, filters)
    return records(frame, list(MEASURE_COLUMNS)), measure_columns(filters.aar)


@callback(
    Output(part_id(MEASURES, MATCH), "dashGridOptions"),
    Input(part_id(MEASURES_SEARCH, MATCH), "value"),
    prevent_initial_call=True,
)
def search_measures(text: str | None):
    """Quick filter: the grid shows rows containing the search text in any column."""
    options = Patch()
    options["quickFilterText"] = text or ""
    return options


@callback(
    Output(part_id(MEASURES_DOWNLOAD, MATCH), "data"),
    Input(part_id(MEASURES_CSV, MATCH), "n_clicks"),
    State({"type": ids.URL_STATE, "param": ALL}, "value"),
    State({"type": ids.URL_STATE, "param": ALL}, "id"),
    prevent_initial_call=True,
)
def download_measures(n_clicks: int | None, values: list, control_ids: list[dict]):
    """The table's rows as CSV for Norwegian Excel, through the one writer every download uses
    (semicolons, decimal comma, UTF-8 with BOM, formula-like text neutralised)."""
    place, filters = _view(values, control_ids)
    if not n_clicks or place is None:
        return no_update
    knr = place.kommunenummer
    frame = measures_in_municipality(knr, filters)
    headers = {k: v.format(aar=filters.aar) for k, v in MEASURE_COLUMNS.items()}
    content = csv_bytes(frame[list(headers)].rename(columns=headers))
    return dcc.send_bytes(content, f"tiltak-{knr}-{filters.aar}.csv", type=MEDIA_TYPES["csv"])
