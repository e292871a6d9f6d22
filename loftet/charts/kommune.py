"""Charts on Kommuneprofil. The municipality comes in as `options["kommune"]` (a 2024 or a
2020–2023 number); an unknown number gives an empty figure that says so."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import plotly.graph_objects as go

from loftet.charts import Chart, Options, ViewOption, register
from loftet.charts.kpi_table import register_kpi_chart
from loftet.charts.kpis import MUNICIPALITY as MUNICIPALITY_VIEW
from loftet.figures.common import empty_figure
from loftet.figures.municipality import (
    allocation_comparison,
    participation_comparison,
    reach_comparison,
)
from loftet.figures.municipality_indicators import indicator_comparison
from loftet.filters import Filters
from loftet.formatting import NBSP, kr, number, pct
from loftet.queries.municipality import (
    Municipality,
    allocations_by_year,
    find_municipality,
    indicators_compared,
    municipality,
    participation_by_year,
    reach_profile,
)
from loftet.queries.reference import municipalities

PAGE = "kommune"


def municipality_names() -> dict[str, str]:
    """Municipality number (2024, or 2020–2023 when it no longer exists) → name."""
    frame = municipalities()
    old = dict(zip(frame.kommunenummer_2020, frame.navn_2020, strict=True))
    return old | dict(zip(frame.kommunenummer, frame.navn, strict=True))


MUNICIPALITY = ViewOption(
    param="kommune",
    label="Kommune",
    caption="Kommune",
    choices=municipality_names,
    default="",
    control="hidden",
    place="custom",
)
"""The profile's municipality; the page resolves it from the path (numbers, old numbers)."""
OPTION = MUNICIPALITY.param
PER_1000 = f"per 1{NBSP}000"


def place_from_options(options: Options) -> Municipality | None:
    """The municipality named by `options["kommune"]`, or None when missing or unknown."""
    resolution = find_municipality(options.get(OPTION))
    number = resolution.kommunenummer
    return municipality(number) if resolution.found and number else None


def unknown_message(options: Options) -> str:
    """Why a chart is empty when the municipality option is missing or unknown."""
    raw = str(options.get(OPTION) or "").strip()
    if not raw:
        return "Velg en kommune"
    return f"Fant ingen kommune med nummer «{raw[:20]}»"


def _data(
    query: Callable[[str, Filters], pd.DataFrame],
) -> Callable[[Filters, Options], pd.DataFrame]:
    """A chart data function: the query for the option's municipality, empty if unknown."""

    def data(filters: Filters, options: Options) -> pd.DataFrame:
        place = place_from_options(options)
        return pd.DataFrame() if place is None else query(place.kommunenummer, filters)

    return data


def _figure(
    draw: Callable[..., go.Figure],
) -> Callable[[pd.DataFrame, Filters, Options], go.Figure]:
    """A chart figure function: `draw` with the names of the municipality and its county."""

    def figure(frame: pd.DataFrame, filters: Filters, options: Options) -> go.Figure:
        place = place_from_options(options)
        if place is None:
            return empty_figure(unknown_message(options))
        return draw(frame, kommune=place.navn, fylke=place.county(filters.struktur)[1])

    return figure


def _names(filters: Filters, options: Options) -> tuple[str, str] | None:
    place = place_from_options(options)
    return None if place is None else (place.navn, place.county(filters.struktur)[1])


def _lower_first(name: str) -> str:
    """`Lærere` → `lærere` inside a sentence, but `PPT-ansatte` and `BUP` stay as they are."""
    return name[0].lower() + name[1:] if len(name) > 1 and name[1].islower() else name


def _participation_summary(frame: pd.DataFrame, filters: Filters, options: Options) -> str:
    names = _names(filters, options)
    if names is None or frame.empty:
        return unknown_message(options) if names is None else ""
    last = frame.iloc[-1]
    return (
        f"{names[0]} hadde {number(last.per_1000_kommune, 1)} deltakelser {PER_1000} barn og "
        f"elever i {int(last.aar)}, mot {number(last.per_1000_fylke, 1)} i {names[1]} og "
        f"{number(last.per_1000_landet, 1)} i hele landet."
    )


def _reach_summary(frame: pd.DataFrame, filters: Filters, options: Options) -> str:
    names = _names(filters, options)
    if names is None or frame.empty:
        return unknown_message(options) if names is None else ""
    prof = frame[(frame["del"] == "profesjon") & (frame.antall > 0)]
    sect = frame[frame["del"] == "sektor"]
    reached, units = int(sect.antall.sum()), int(sect.av.sum())
    if prof.empty:
        who = f"Ingen deltakelser fra {names[0]} i {filters.aar}."
    else:
        top = prof.sort_values("antall", ascending=False).iloc[0]
        who = (
            f"{number(prof.antall.sum())} deltakelser fra {names[0]} i {filters.aar}, "
            f"flest {_lower_first(top.navn)} ({number(top.antall)})."
        )
    return f"{who} {number(reached)} av {number(units)} enheter i kommunen ble nådd."


def _allocation_summary(frame: pd.DataFrame, filters: Filters, options: Options) -> str:
    names = _names(filters, options)
    if names is None or frame.empty:
        return unknown_message(options) if names is None else ""
    last = frame.iloc[-1]
    spent = "brukt er ikke rapportert" if pd.isna(last.brukt_kr) else f"brukt {kr(last.brukt_kr)}"
    return (
        f"{names[0]} fikk innvilget {kr(last.innvilget_kr)} i {int(last.aar)} ({spent}): "
        f"{kr(last.kr_per_barn_kommune)} per barn og elev, mot "
        f"{kr(last.kr_per_barn_fylke)} i {names[1]} og {kr(last.kr_per_barn_landet)} "
        "i hele landet."
    )


def _indicator_summary(frame: pd.DataFrame, filters: Filters, options: Options) -> str:
    names = _names(filters, options)
    if names is None or frame.empty:
        return (
            unknown_message(options)
            if names is None
            else "Ingen kvalitetsindikatorer for valgt år."
        )
    parts = []
    for row in frame.itertuples():
        value = (
            "skjermet"
            if row.status == "skjermet"
            else "ingen tall"
            if row.status == "mangler"
            else pct(row.kommune)
        )
        parts.append(f"{_lower_first(row.navn)} {value} (landet {pct(row.landet)})")
    return f"{names[0]}, siste år med tall: " + "; ".join(parts) + "."


KEY_FIGURES = register_kpi_chart("kommune", MUNICIPALITY_VIEW, options=(MUNICIPALITY,))

PARTICIPATION = register(
    Chart(
        id="kommune-deltakelse",
        metrics=("deltakere", "deltakere_per_1000"),
        spans_years=True,
        page=PAGE,
        title=f"Deltakelser {PER_1000} barn og elever, mot fylket og landet",
        data=_data(participation_by_year),
        figure=_figure(participation_comparison),
        source="Kilde: deltakelse rapportert til statsforvalterne; barn og elever fra "
        "enhetsregisteret.",
        columns={
            "aar": "År",
            "deltakere": "Deltakere, kommunen",
            "barn_elever": "Barn og elever, kommunen",
            "per_1000_kommune": f"Deltakelser {PER_1000}, kommunen",
            "deltakere_fylke": "Deltakere, fylket",
            "barn_elever_fylke": "Barn og elever, fylket",
            "per_1000_fylke": f"Deltakelser {PER_1000}, fylket",
            "deltakere_landet": "Deltakere, landet",
            "barn_elever_landet": "Barn og elever, landet",
            "per_1000_landet": f"Deltakelser {PER_1000}, landet",
        },
        summary=_participation_summary,
        options=(MUNICIPALITY,),
    )
)

REACH = register(
    Chart(
        id="kommune-profesjoner",
        metrics=("deltakere",),
        page=PAGE,
        title="Profesjoner og enheter nådd i valgt år",
        data=_data(reach_profile),
        figure=_figure(reach_comparison),
        source="Kilde: deltakelse rapportert til statsforvalterne; enhetsregisteret.",
        columns={
            "del": "Del (profesjon/sektor)",
            "navn": "Profesjon eller sektor",
            "antall": "Antall i kommunen (deltakelser / enheter nådd)",
            "av": "Av (alle deltakelser / alle enheter)",
            "andel_kommune": "Andel, kommunen (%)",
            "andel_fylke": "Andel, fylket (%)",
            "andel_landet": "Andel, landet (%)",
        },
        summary=_reach_summary,
        options=(MUNICIPALITY,),
    )
)

ALLOCATIONS = register(
    Chart(
        id="kommune-tildelinger",
        metrics=("innvilget_kr", "brukt_kr", "kr_per_barn"),
        spans_years=True,
        page=PAGE,
        title="Tildelinger per år, og kroner per barn og elev mot fylket og landet",
        data=_data(allocations_by_year),
        figure=_figure(allocation_comparison),
        source="Kilde: tildelinger rapportert til statsforvalterne.",
        columns={
            "aar": "År",
            "innvilget_kr": "Innvilget (kr)",
            "brukt_kr": "Brukt (kr)",
            "kr_per_barn_kommune": "Innvilget per barn/elev, kommunen (kr)",
            "kr_per_barn_fylke": "Innvilget per barn/elev, fylket (kr)",
            "kr_per_barn_landet": "Innvilget per barn/elev, landet (kr)",
        },
        summary=_allocation_summary,
        options=(MUNICIPALITY,),
    )
)

INDICATORS = register(
    Chart(
        id="kommune-indikatorer",
        metrics=("kvalitetsindikator",),
        page=PAGE,
        title="Kvalitetsindikatorer, siste år med tall, mot fylket og landet",
        data=_data(indicators_compared),
        figure=_figure(indicator_comparison),
        source="Kilde: GSI/BASIL-indikatorer. Små tall er skjermet av personvernhensyn.",
        columns={
            "navn": "Indikator",
            "aar": "År",
            "kommune": "Kommunen",
            "status": "Status (vist/skjermet/mangler)",
            "kommune_forrige": "Kommunen året før",
            "fylke": "Fylket",
            "landet": "Landet",
            "kommuner_med_verdi": "Kommuner med tall i landet",
        },
        summary=_indicator_summary,
        options=(MUNICIPALITY,),
    )
)
