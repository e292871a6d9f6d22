"""Kommuneprofil (/kommune/<nummer>): one municipality against its county and the nation.

`nummer` may be a 2024 number or a 2020–2023 number; an unknown number gives a friendly page
with a municipality search instead of an error.
"""

from __future__ import annotations

import dash
import dash_ag_grid as dag
import dash_bootstrap_components as dbc
from dash import ALL, MATCH, Input, Output, Patch, State, callback, dcc, html, no_update

from loftet.charts import charts_for_page
from loftet.charts.kommune import PER_1000, place_from_options
from loftet.config import FIRST_YEAR
from loftet.export import MEDIA_TYPES
from loftet.export.tables import csv_bytes
from loftet.filters import Filters, parse_filters
from loftet.formatting import kr, number, pct, short_kr, signed
from loftet.queries.municipality import (
    Municipality,
    Resolution,
    find_municipality,
    key_figures,
    measures_in_municipality,
    municipality,
    municipality_choices,
    part_of_until,
    suggestions,
    units_reached_by_sector_compared,
)
from loftet.queries.reference import municipalities
from loftet.tables.grid import LOCALE_TEXT, number_column, records
from loftet.ui import ids
from loftet.ui.callbacks import STATE_IDS, STATE_VALUES
from loftet.ui.components import chart_card, kpi_card, page_header
from loftet.ui.filterbar import filter_bar
from loftet.ui.state import params_from_controls, split_params

PAGE = "kommune"
PAGE_NAME = "Kommuneprofil"
APP_NAME = "Løftet-monitor"


def page_title(nummer: str | None = None, **_params: str) -> str:
    """Browser tab title: the municipality's name when the number is known."""
    resolution = find_municipality(nummer)
    place = municipality(resolution.kommunenummer) if resolution.found else None
    if place is None:
        return f"{PAGE_NAME} – {APP_NAME}"
    return f"{place.navn} – {PAGE_NAME} – {APP_NAME}"


dash.register_page(
    __name__, path_template="/kommune/<nummer>", name=PAGE_NAME, order=None, title=page_title
)

CHOOSER = "kommune-velger"
GO_TO = "kommune-ga-til"
KEY_FIGURES = "kommune-nokkeltall"
MEASURES = "kommune-tiltak"
MEASURES_SEARCH = "kommune-tiltak-sok"
MEASURES_CSV = "kommune-tiltak-csv"
MEASURES_DOWNLOAD = "kommune-tiltak-last-ned"

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

MEASURE_COLUMNS = {
    "tiltak_id": "Tiltak-ID",
    "navn": "Navn",
    "startaar": "Startår",
    "uh_partner": "UH-partner",
    "hovedomrade": "Hovedområde",
    "eier": "Eier",
    "mottaker": "Mottaker {aar}",
    "innvilget_kr": "Innvilget kommunen {aar} (kr)",
    "deltakere": "Deltakelser {aar}",
}
"""Columns of the measures table; `{aar}` becomes the chosen year."""

# --- Layout -----------------------------------------------------------------------------------


def layout(nummer: str | None = None, **params: str) -> html.Div:
    """The profile for `nummer`, or a friendly page with a municipality search."""
    resolution = find_municipality(nummer)
    place = municipality(resolution.kommunenummer) if resolution.found else None
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
            html.Div(id=part_id(KEY_FIGURES), className="kpi-grid", **{"aria-live": "polite"}),
            charts_grid(),
            measures_card(place),
        ],
        className="kommune-page",
    )


def unknown_view(raw: str | None) -> html.Div:
    """A friendly page for a missing or unknown number: what went wrong and where to go."""
    shown = (raw or "").strip()[:40]
    if shown:
        text = (
            f"Vi fant ingen kommune med nummer «{shown}». Kommunenummer har fire sifre, "
            "for eksempel 4601 for Bergen. Både numrene fra 2024 og numrene som gjaldt "
            "2020–2023 (for eksempel 3024 for Bærum) virker."
        )
    else:
        text = "Velg en kommune for å se profilen."
    guesses = suggestions(shown, municipalities())
    hint = None
    if guesses:
        links: list = ["Mente du "]
        for i, (nummer, navn) in enumerate(guesses):
            links += [", " if i else "", html.A(f"{navn} ({nummer})", href=f"/kommune/{nummer}")]
        hint = html.P([*links, "?"], className="kommune-suggestions")
    return html.Div(
        [
            html.H1("Fant ikke kommunen" if shown else PAGE_NAME, className="page-title"),
            html.P(text, className="page-intro lead"),
            hint,
            html.Div(chooser("Søk etter kommune"), className="kommune-search mb-3"),
            html.A("Til oversikten", href="/", className="btn btn-primary me-2"),
            html.A("Til dekning per kommune", href="/dekning", className="btn btn-outline-primary"),
        ],
        className="not-found kommune-unknown",
    )


def renumbering_note(resolution: Resolution) -> dbc.Alert | None:
    """The note for an old number, with links to every 2024 successor."""
    if not resolution.note:
        return None
    links = []
    if len(resolution.successors) > 1:
        links = [html.Span(" Gå til: ")]
        for i, (nummer, navn) in enumerate(resolution.successors):
            links += [", " if i else "", html.A(f"{nummer} {navn}", href=f"/kommune/{nummer}")]
    return dbc.Alert(
        [resolution.note, *links], color="info", className="py-2 mb-2", id="kommune-merknad"
    )


def identity(place: Municipality) -> html.Dl:
    """Number, counties in both structures and Statsforvalter."""
    old = f" (til 2023: {place.kommunenummer_2020} {place.navn_2020})" if place.renumbered else ""
    county_2020 = (
        f"{place.fylke_2020} ({place.fylkesnummer_2020})"
        if place.fylkesnummer_2020 != place.fylkesnummer
        else "samme"
    )
    items = [
        ("Kommunenummer", f"{place.kommunenummer}{old}"),
        ("Fylke fra 2024", f"{place.fylke} ({place.fylkesnummer})"),
        ("Fylke 2020–2023", county_2020),
        ("Statsforvalter", place.statsforvalter_navn),
    ]
    return html.Dl(
        [
            html.Div([html.Dt(term), html.Dd(value)], className="kommune-identity-item")
            for term, value in items
        ],
        className="kommune-identity",
    )


def chooser(label: str) -> html.Div:
    """A searchable list of every municipality; choosing one opens its profile."""
    choices = municipality_choices()
    return html.Div(
        [
            dbc.Label(label, html_for=CHOOSER, className="filter-label"),
            dcc.Dropdown(
                id=CHOOSER,
                options=[
                    {"label": row.etikett, "value": row.kommunenummer}
                    for row in choices.itertuples()
                ],
                placeholder="Skriv navn eller nummer …",
                searchable=True,
                clearable=True,
            ),
            dcc.Location(id=GO_TO, refresh="callback-nav"),
        ],
        className="kommune-chooser",
    )


def charts_grid() -> html.Div:
    """The four charts: trend and indicators side by side, the wide two-panel charts below."""
    cards = {
        chart.id: chart_card(chart, height=CHART_HEIGHTS.get(chart.id, 420))
        for chart in charts_for_page(PAGE)
    }
    pair = [cards.pop(key) for key in ("kommune-deltakelse", "kommune-indikatorer") if key in cards]
    return html.Div(
        [
            dbc.Row([dbc.Col(card, xl=6) for card in pair]),
            *cards.values(),
        ]
    )


def part_id(kind: str, part: object = "profil") -> dict[str, object]:
    """Id of a page part filled by a callback. Pattern-matching ids (answered with MATCH) so
    the callbacks need no such part on the unknown-number page. The value must not look like
    a number: Dash does not resolve a numeric MATCH value against the URL-state inputs."""
    return {"type": kind, "del": part}


def measure_columns(year: int) -> list[dict]:
    """AG Grid column definitions; money and counts in Norwegian number format."""
    columns = []
    for field, header in MEASURE_COLUMNS.items():
        header = header.format(aar=year)
        if field in ("innvilget_kr", "deltakere"):
            columns.append(number_column(field, header, minWidth=130))
        elif field == "startaar":
            columns.append(
                {
                    "field": field,
                    "headerName": header,
                    "filter": "agNumberColumnFilter",
                    "maxWidth": 130,
                }
            )
        elif field == "navn":
            columns.append(
                {
                    "field": field,
                    "headerName": header,
                    "flex": 2,
                    "minWidth": 260,
                    "tooltipField": "navn",
                }
            )
        else:
            columns.append({"field": field, "headerName": header, "tooltipField": field})
    return columns


def measures_card(place: Municipality) -> dbc.Card:
    """Measures with participants or allocations in the municipality, searchable and sortable."""
    return dbc.Card(
        [
            dbc.CardHeader(
                html.H2(
                    f"Tiltak med deltakere eller tildelinger i {place.navn}",
                    className="chart-title",
                )
            ),
            dbc.CardBody(
                [
                    dbc.Row(
                        [
                            dbc.Col(
                                html.Label(
                                    [
                                        html.Span(
                                            "Søk i tabellen", className="filter-label d-block"
                                        ),
                                        dbc.Input(
                                            id=part_id(MEASURES_SEARCH),
                                            type="search",
                                            placeholder="Navn, partner, område …",
                                            debounce=True,
                                        ),
                                    ],
                                    className="w-100",
                                ),
                                md=6,
                                lg=4,
                            ),
                            dbc.Col(
                                dbc.Button(
                                    "Last ned CSV",
                                    id=part_id(MEASURES_CSV),
                                    size="sm",
                                    color="secondary",
                                    outline=True,
                                ),
                                className="text-md-end",
                                md=6,
                                lg=8,
                            ),
                        ],
                        className="g-2 align-items-end mb-2",
                    ),
                    dag.AgGrid(
                        id=part_id(MEASURES),
                        rowData=[],
                        columnDefs=measure_columns(FIRST_YEAR),
                        defaultColDef={
                            "sortable": True,
                            "filter": True,
                            "resizable": True,
                            "flex": 1,
                            "minWidth": 110,
                            "wrapHeaderText": True,
                            "autoHeaderHeight": True,
                        },
                        dashGridOptions={
                            "localeText": LOCALE_TEXT,
                            "animateRows": False,
                            "tooltipShowDelay": 300,
                        },
                        className="ag-theme-alpine kommune-tiltak-grid",
                        style={"height": "460px"},
                    ),
                    dcc.Download(id=part_id(MEASURES_DOWNLOAD)),
                ]
            ),
            dbc.CardFooter(
                html.Small(
                    "Kilde: tiltak, tildelinger og deltakelse rapportert til statsforvalterne. "
                    "Tiltak med deltakere fra kommunens enheter eller tildelinger til mottakere "
                    "i kommunen i valgt periode; beløp og deltakelser gjelder valgt år. "
                    "«Via nettverk»: kommunen deltar, men en annen mottaker fikk tildelingen, "
                    "og kommunen krediteres "
                    "0 kr. Tildelinger til fylkeskommunen regnes ikke til kommunen.",
                    className="chart-source",
                )
            ),
        ],
        className="chart-card mb-4",
        id="card-kommune-tiltak",
    )


# --- Key figures --------------------------------------------------------------------------------


def _yes_no(value: bool) -> str:
    return "Ja" if value else "Nei"


def _change(now: float, before: float | None, year: int, unit: str = "") -> str:
    if before is None:
        return "Ingen tall for året før"
    return f"{signed(now - before, 0, unit)} fra {year - 1}"


def key_figure_cards(kommunenummer: str, filters: Filters) -> dbc.Row:
    """Takes part, participants, NOK granted and units reached in the chosen year, with the
    county and national rates; each card links to the page with the county's details."""
    place = municipality(kommunenummer)
    if place is None:
        return dbc.Row(dbc.Col(dbc.Alert("Ukjent kommune.", color="warning")))
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
    now = key_figures(kommunenummer, filters)
    before = key_figures(kommunenummer, filters, year - 1) if year > FIRST_YEAR else None
    county_code, county = place.county(filters.struktur)
    query = Filters(
        aar=year, fra=filters.fra, fylke=county_code, struktur=filters.struktur
    ).to_query()
    sectors = units_reached_by_sector_compared(kommunenummer, filters)
    sector_text = (
        " · ".join(
            f"{row.sektor_navn}: {number(row.enheter_naadd)} av {number(row.enheter)}"
            for row in sectors.itertuples()
            if row.enheter > 0
        )
        or "Ingen enheter registrert"
    )
    return dbc.Row(
        [
            kpi_card(
                f"Deltar i {year}",
                _yes_no(now.deltar),
                f"Hele laget rundt barnet: {_yes_no(now.helt_lag).lower()}",
                f"/dekning?{query}",
                note="Hele laget: barnehage, skole og PPT i samme tiltak",
                card_id="kommune-kpi-deltar",
            ),
            kpi_card(
                "Deltakelser",
                number(now.deltakere),
                _change(now.deltakere, before.deltakere if before else None, year),
                f"/kompetanse?{query}",
                note=(
                    f"{number(now.deltakere_per_1000, 1)} {PER_1000} barn og elever "
                    f"({county} {number(now.fylke_deltakere_per_1000, 1)}, landet "
                    f"{number(now.landet_deltakere_per_1000, 1)})"
                ),
                card_id="kommune-kpi-deltakere",
            ),
            kpi_card(
                "Innvilget",
                short_kr(now.innvilget_kr),
                _change(now.innvilget_kr, before.innvilget_kr if before else None, year, "kr"),
                f"/budsjett?{query}",
                note=(
                    f"{kr(now.kr_per_barn)} per barn og elev ({county} "
                    f"{kr(now.fylke_kr_per_barn)}, landet {kr(now.landet_kr_per_barn)})"
                ),
                card_id="kommune-kpi-innvilget",
            ),
            kpi_card(
                "Andel ansatte nådd",
                pct(now.andel_ansatte_naadd),
                f"{county} {pct(now.fylke_andel_ansatte_naadd)}, landet "
                f"{pct(now.landet_andel_ansatte_naadd)}",
                f"/dekning?{query}&maal=andel_ansatte_naadd",
                note="Deltakelser, høyst antall ansatte per enhet",
                card_id="kommune-kpi-ansatte",
            ),
            kpi_card(
                "Enheter nådd",
                f"{number(now.enheter_naadd)} av {number(now.enheter)}",
                "Barnehager, skoler, PPT og andre tjenester",
                f"/dekning?{query}",
                note=sector_text,
                card_id="kommune-kpi-enheter",
            ),
        ]
    )


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
    Output(part_id(KEY_FIGURES, MATCH), "children"),
    STATE_VALUES,
    STATE_IDS,
    State(part_id(KEY_FIGURES, MATCH), "id"),
)
def update_key_figures(values: list, control_ids: list[dict], _target: dict | None = None):
    """The key figure cards for the chosen year."""
    place, filters = _view(values, control_ids)
    if place is None:
        return dbc.Alert("Fant ikke kommunen.", color="warning")
    return key_figure_cards(place.kommunenummer, filters)


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
