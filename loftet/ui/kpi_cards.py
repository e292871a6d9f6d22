"""KPI cards: the key figures of the KPI catalogue (`loftet.charts.kpis`) as cards.

Oversikt and the municipality profile both place `kpi_section`: one card per KPI with its
value (`340 mill. kr`; full kroner in the tooltip), change from the year before, the county
and nation where the view has them, a sparkline over the years, a link to the page with the
details and one to the definition on "Om tallene". The section's download buttons make the
key-figure files through the same export callback as every chart.
"""

from __future__ import annotations

import dash_bootstrap_components as dbc
import pandas as pd
from dash import html

from loftet.charts.kpis import (
    KPIS_BY_KEY,
    MONEY_NOTE,
    Kpi,
    change_text,
    comparison_value_text,
    full_text,
    value_text,
)
from loftet.figures.kpis import sparkline_svg, svg_data_uri
from loftet.metrics import metric
from loftet.provisional import PROVISIONAL, provisional_year
from loftet.ui.components import export_buttons


def _comparison(kpi: Kpi, row: pd.Series) -> str:
    """`Vestland 45,5 · landet 35,4`, or empty where the view compares nothing."""
    parts = []
    if pd.notna(row.fylke):
        parts.append(f"{row.fylke_navn or 'Fylket'} {comparison_value_text(kpi, row.fylke)}")
    if pd.notna(row.landet):
        parts.append(f"landet {comparison_value_text(kpi, row.landet)}")
    text = " · ".join(parts)
    if text and kpi.kind == "yesno":
        text += " av kommunene"
    return text[:1].upper() + text[1:]


def _sparkline(kpi: Kpi, history: pd.DataFrame, current: int) -> html.Img | None:
    """The KPI over the years as a small line; the text alternative names first and last."""
    if kpi.kind == "yesno":
        return None
    own = history[history.kpi == kpi.key].sort_values("aar")
    svg = sparkline_svg(own.aar.tolist(), own.verdi.tolist(), current)
    known = own.dropna(subset=["verdi"])
    if not svg or len(known) < 2:
        return None
    first, last = known.iloc[0], known.iloc[-1]
    alt = (
        f"Utvikling {int(first.aar)}–{int(last.aar)}: fra {full_text(kpi, first.verdi)} "
        f"til {full_text(kpi, last.verdi)}" + (f" ({PROVISIONAL})" if last.aar >= current else "")
    )
    return html.Img(src=svg_data_uri(svg), alt=alt, className="kpi-spark")


def _href(kpi: Kpi, query: str) -> str:
    if not query:
        return kpi.href
    return f"{kpi.href}{'&' if '?' in kpi.href else '?'}{query}"


def kpi_card(
    row: pd.Series, history: pd.DataFrame, query: str, card_id: str, money_note: bool, current: int
) -> dbc.Col:
    """One KPI card (see the module docstring)."""
    kpi = KPIS_BY_KEY[row.kpi]
    year = int(row.aar)
    status = (
        html.Span(PROVISIONAL, className="kpi-provisional", title=f"{year} er ikke avsluttet")
        if row.forelopig
        else None
    )
    body = [
        html.A(kpi.label, href=_href(kpi, query), className="kpi-title"),
        html.Div(
            [
                html.Span(
                    value_text(kpi, row.verdi),
                    className="kpi-value",
                    title=full_text(kpi, row.verdi),
                ),
                status,
            ],
            className="kpi-value-row",
        ),
        html.Div(change_text(kpi, row.verdi, row.forrige, year), className="kpi-change"),
        html.Div(_comparison(kpi, row), className="kpi-compare")
        if pd.notna(row.fylke) or pd.notna(row.landet)
        else None,
        _sparkline(kpi, history, current),
        html.Div(MONEY_NOTE, className="kpi-note") if money_note and kpi.money else None,
        html.A("Om tallene", href=metric(kpi.metric).anchor, className="kpi-definition"),
    ]
    return dbc.Col(
        dbc.Card(dbc.CardBody(body), className="kpi-card"),
        xs=12,
        sm=6,
        lg=4,
        xl=3,
        className="mb-3",
        id=card_id,
    )


def kpi_section(
    chart_id: str,
    table: pd.DataFrame,
    history: pd.DataFrame,
    query: str,
    id_prefix: str,
    money_note: bool = False,
) -> html.Div:
    """Every KPI of the table as a card, with the key-figure downloads below."""
    current = provisional_year()
    cards = [
        kpi_card(row, history, query, f"{id_prefix}-{row.kpi}", money_note, current)
        for _, row in table.iterrows()
    ]
    downloads = html.Div(
        [
            html.Span("Nøkkeltallene som tabell", className="kpi-export-label"),
            export_buttons(chart_id),
        ],
        className="kpi-exports",
    )
    return html.Div([dbc.Row(cards), downloads], className="kpi-section")
