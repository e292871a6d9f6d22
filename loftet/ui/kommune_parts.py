"""Parts of the municipality profile (/kommune/<nummer>) that are not charts or key figures:
the page for an unknown number, the renumbering note, the identity list and the municipality
chooser, and the pattern ids of the parts its callbacks fill."""

from __future__ import annotations

import dash_bootstrap_components as dbc
from dash import dcc, html

from loftet.queries.municipality import (
    Municipality,
    Resolution,
    municipality_choices,
    suggestions,
)
from loftet.queries.reference import municipalities

PAGE_NAME = "Kommuneprofil"
CHOOSER = "kommune-velger"
GO_TO = "kommune-ga-til"


def part_id(kind: str, part: object = "profil") -> dict[str, object]:
    """Id of a page part filled by a callback. Pattern-matching ids (answered with MATCH) so
    the callbacks need no such part on the unknown-number page. The value must not look like
    a number: Dash does not resolve a numeric MATCH value against the URL-state inputs."""
    return {"type": kind, "del": part}


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
    links: list[str | html.Span | html.A] = []
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
