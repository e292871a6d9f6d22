"""Oversikt's headline cards: titles, formats and the page each one links to."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import dash_bootstrap_components as dbc

from loftet.filters import SECTORS, Filters
from loftet.formatting import number, pct, short_kr, signed, signed_short_kr
from loftet.metrics import label
from loftet.queries.overview import Headline
from loftet.ui.components import kpi_card


@dataclass(frozen=True)
class HeadlineView:
    title: str
    value: Callable[[float | None], str]
    change_unit: str
    href: str
    decimals: int = 1
    change: Callable[[float | None], str] | None = None
    """Formats the change from the year before; default: `signed` with `change_unit`."""


VIEWS: dict[str, HeadlineView] = {
    "kommuner_deltar": HeadlineView(label("deltar"), pct, "prosentpoeng", "/dekning"),
    "helt_lag": HeadlineView(
        "Kommuner med hele laget (barnehage, skole og PPT i samme tiltak)",
        pct,
        "prosentpoeng",
        "/dekning?maal=helt_lag",
    ),
    "deltakere": HeadlineView("Deltakelser", number, "", "/kompetanse", 0),
    "andel_ansatte_naadd": HeadlineView(
        label("andel_ansatte_naadd"), pct, "prosentpoeng", "/dekning?maal=andel_ansatte_naadd"
    ),
    "innvilget_kr": HeadlineView(
        "Innvilget", short_kr, "kr", "/budsjett", 0, change=signed_short_kr
    ),
    "andel_av_2025": HeadlineView("Andel av 2025-nivået", pct, "prosentpoeng", "/budsjett"),
    **{
        f"naadd_{code}": HeadlineView(f"{name}: enheter nådd", pct, "prosentpoeng", "/dekning")
        for code, name in SECTORS.items()
    },
}


MONEY_KEYS = ("innvilget_kr", "andel_av_2025")
MONEY_NOTE = "Alle sektorer: beløp fordeles ikke på sektor"


def change_text(headline: Headline, view: HeadlineView, year: int) -> str:
    """`+3,2 prosentpoeng fra 2024`, or why there is no change."""
    if headline.previous is None or headline.value is None:
        return "Ingen tall for året før"
    delta = headline.value - headline.previous
    text = view.change(delta) if view.change else signed(delta, view.decimals, view.change_unit)
    return f"{text} fra {year - 1}"


def headline_cards(items: list[Headline], filters: Filters, query: str) -> dbc.Row:
    """One card per headline, each linking to its page with the same filters."""
    cards = []
    for item in items:
        view = VIEWS[item.key]
        joiner = "&" if "?" in view.href else "?"
        href = f"{view.href}{joiner}{query}" if query else view.href
        note = MONEY_NOTE if filters.sektor and item.key in MONEY_KEYS else ""
        cards.append(
            kpi_card(
                view.title,
                view.value(item.value),
                change_text(item, view, filters.aar),
                href,
                note=note,
                card_id=f"kpi-{item.key}",
            )
        )
    return dbc.Row(cards)
