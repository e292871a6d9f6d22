"""Om tallene (/om): what the dashboard covers, every metric's definition, sources and data
dates, the demo assumptions and known limits."""

from __future__ import annotations

import dash
import dash_bootstrap_components as dbc
from dash import html

from loftet import about
from loftet.formatting import kr, long_date, number
from loftet.metrics import METRICS, Metric
from loftet.queries import about as facts
from loftet.ui.attrs import attrs
from loftet.ui.components import page_header

dash.register_page(__name__, path="/om", name="Om tallene", title="Om tallene – Løftet-monitor")

INPUT_NAMES = {
    "bevilgning": "Bevilgning",
    "enheter": "Enhetsregister",
    "tiltak": "Tiltak",
    "tildelinger": "Tildelinger",
    "deltakelse": "Deltakelse",
    "kvalitetsindikatorer": "Kvalitetsindikatorer",
}


def _definition(item: Metric) -> html.Div:
    rows = [("Definisjon", item.definition), ("Enhet", item.unit), ("Teller", item.numerator)]
    if item.denominator:
        rows.append(("Nevner", item.denominator))
    rows.append(("Kilde", item.source))
    if item.note:
        rows.append(("Begrensning", item.note))
    return dbc.Col(
        dbc.Card(
            dbc.CardBody(
                [
                    html.H3(item.label, className="h5"),
                    html.Dl(
                        [
                            part
                            for term, text in rows
                            for part in (
                                html.Dt(term, className="col-sm-3"),
                                html.Dd(text, className="col-sm-9"),
                            )
                        ],
                        className="row mb-0 definition-list",
                    ),
                ]
            ),
            className="h-100",
        ),
        id=item.key,
        lg=6,
        className="metric-definition mb-3",
    )


def _scope() -> html.Section:
    parts = [
        html.Li([text, html.Strong(" – med i dashbordet" if covered else " – ikke med")])
        for text, covered in about.PARTS
    ]
    return html.Section(
        [
            html.H2("Hva tallene dekker"),
            html.P(about.SCOPE),
            html.P("Programmet har fem deler:"),
            html.Ol(parts),
        ],
        id="omfang",
    )


def _sources() -> html.Section:
    loads = facts.loads_per_input()
    rows = [
        html.Tr(
            [
                html.Td(INPUT_NAMES.get(r.filtype, r.filtype)),
                html.Td(number(r.filer)),
                html.Td(number(r.rader)),
                html.Td(long_date(_timestamp(r.sist_lastet))),
            ]
        )
        for r in loads.itertuples()
    ]
    budget = facts.budget_sources()
    years = [
        html.Tr(
            [
                html.Td(str(r.aar)),
                html.Td(kr(r.belop_kr)),
                html.Td(r.kilde),
                html.Td(r.merknad or ""),
            ]
        )
        for r in budget.itertuples()
    ]
    return html.Section(
        [
            html.H2("Kilder og datadato"),
            dbc.Table(
                [
                    html.Thead(
                        html.Tr([html.Th(h) for h in ("Inndata", "Filer", "Rader", "Sist lastet")])
                    ),
                    html.Tbody(rows),
                ],
                size="sm",
                className="w-auto",
            ),
            html.H3("Bevilgning per år, med kilde", className="h5"),
            dbc.Table(
                [
                    html.Thead(
                        html.Tr([html.Th(h) for h in ("År", "Bevilgning", "Kilde", "Merknad")])
                    ),
                    html.Tbody(years),
                ],
                size="sm",
                className="w-auto",
            ),
        ],
        id="kilder",
    )


def _timestamp(value):
    import pandas as pd

    return pd.to_datetime(value).to_pydatetime()


def _indicators() -> html.Section:
    frame = facts.indicator_definitions()
    items = [
        html.Li(
            [
                html.Strong(f"{r.navn}: "),
                r.beskrivelse,
                " (høy verdi betyr stort behov)" if r.hoy_er_behov else "",
            ],
            id=f"indikator-{r.kode}",
        )
        for r in frame.itertuples()
    ]
    return html.Section([html.H2("Kvalitetsindikatorer"), html.Ul(items)], id="indikatorer")


def _pyramid() -> html.Section:
    frame = facts.pyramid()
    levels = []
    for (level, name, text), group in frame.groupby(["nivaa", "nivaa_navn", "beskrivelse"]):
        areas = ", ".join(a for a in group.navn if isinstance(a, str))
        levels.append(
            html.Li([html.Strong(f"Nivå {level} – {name}: "), f"{text}. ", f"Områder: {areas}."])
        )
    return html.Section(
        [html.H2("Kompetansepyramiden"), html.P(about.PYRAMID_RATIONALE), html.Ul(levels)],
        id="pyramide",
    )


def _demo() -> html.Section | None:
    items = facts.demo_assumptions()
    if not items:
        return None
    return html.Section(
        [
            html.H2("Demodata: antakelser"),
            html.P("Databasen inneholder demodata. Disse antakelsene formet dem:"),
            html.Ul([html.Li(t) for t in items]),
        ],
        id="demoantakelser",
    )


SECTIONS = (
    ("omfang", "Hva tallene dekker"),
    ("definisjoner", "Definisjoner"),
    ("indikatorer", "Kvalitetsindikatorer"),
    ("pyramide", "Kompetansepyramiden"),
    ("kilder", "Kilder og datadato"),
    ("steder", "Særlige steder"),
    ("begrensninger", "Kjente begrensninger"),
    ("demoantakelser", "Demodata"),
)


def _contents() -> html.Nav:
    return html.Nav(
        html.Ul(
            [html.Li(html.A(name, href=f"#{key}")) for key, name in SECTIONS],
            className="list-inline about-contents",
        ),
        **attrs(aria_label="Innhold på siden"),
    )


def layout(**_params: str) -> html.Div:
    """The whole page, built per request from the registry and the database."""
    return html.Div(
        [
            page_header(
                "Om tallene",
                "Hva dashbordet dekker, hvordan hvert tall er definert, og "
                "hvor tallene kommer fra.",
            ),
            _contents(),
            _scope(),
            html.Section(
                [html.H2("Definisjoner"), dbc.Row([_definition(m) for m in METRICS])],
                id="definisjoner",
            ),
            _indicators(),
            _pyramid(),
            _sources(),
            html.Section(
                [html.H2("Særlige steder"), html.Ul([html.Li(t) for t in about.SPECIAL_PLACES])],
                id="steder",
            ),
            html.Section(
                [html.H2("Kjente begrensninger"), html.Ul([html.Li(t) for t in about.LIMITS])],
                id="begrensninger",
            ),
            _demo(),
        ],
        className="about-page",
    )
