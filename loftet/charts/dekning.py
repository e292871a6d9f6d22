"""Charts on Dekning: the municipality map and the county bars."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from loftet.charts import Chart, Options, ViewOption, register
from loftet.figures.coverage import county_participation, national_share
from loftet.figures.maps import (
    COVERAGE_METRICS,
    DEFAULT_METRIC,
    DEFAULT_SCALE,
    SCALES,
    coverage_map,
    coverage_metric,
    missing_mask,
)
from loftet.filters import Filters
from loftet.formatting import kr, number, pct, share
from loftet.geography import shared_geojson
from loftet.queries.coverage_areas import coverage_by_county, coverage_rows, map_areas
from loftet.wording import extreme

SOURCE = (
    "Kilde: deltakelse og tildelinger rapportert til statsforvalterne, enhetsregisteret; "
    "kart: Kartverket (forenklet)."
)

MAP_METRIC = ViewOption(
    param="maal",
    label="Vis i kartet:",
    caption="Vis",
    choices={key: metric.label for key, metric in COVERAGE_METRICS.items()},
    default=DEFAULT_METRIC,
    place="page",
)
"""What the map colours the municipalities by."""
MAP_SCALE = ViewOption(
    param="skala",
    label="Fargeskala:",
    caption="Fargeskala",
    choices=SCALES,
    default=DEFAULT_SCALE,
    place="page",
)
"""Continuous map metrics in five classes or on a gliding colour scale."""


def _map_data(filters: Filters, _options: Options) -> pd.DataFrame:
    return coverage_rows(filters)


def _map_figure(frame: pd.DataFrame, filters: Filters, options: Options) -> go.Figure:
    """The map of `frame`'s municipalities, zoomed to them; county outlines and the
    Oslofjord inset on the national view only, names on a county's view."""
    return _draw_map(frame, filters, options, inset=True)


def _draw_map(frame: pd.DataFrame, filters: Filters, options: Options, inset: bool) -> go.Figure:
    national = not filters.fylke
    return coverage_map(
        map_areas(frame, money_per_child=not filters.sektor),
        shared_geojson("kommuner", filters.struktur),
        metric=MAP_METRIC.value(options),
        counties=shared_geojson("fylker", filters.struktur) if national else None,
        scale=MAP_SCALE.value(options),
        names=not national,
        inset=national and inset,
    )


def map_figure(filters: Filters, options: Options | None = None, inset: bool = True) -> go.Figure:
    """The coverage map for `filters` (metric `maal`, scale `skala` in `options`), as the
    Dekning card draws it; `inset=False` leaves out the Oslofjord inset (a small map).
    The geometry is inline: pass it through `loftet.ui.geometry_assets.by_reference` before
    sending it to a browser."""
    options = options or {}
    return _draw_map(_map_data(filters, options), filters, options, inset)


def _map_summary(frame: pd.DataFrame, filters: Filters, options: Options) -> str:
    """One sentence with the total behind the chosen metric, and what grey means."""
    if frame.empty:
        return "Ingen kommuner i utvalget."
    metric = coverage_metric(MAP_METRIC.value(options))
    where = f"{filters.county_name}, {filters.aar}"
    n = len(frame)
    totals = {
        "deltar": f"{number(frame.deltar.sum())} av {number(n)} kommuner deltar "
        f"({share(frame.deltar.sum(), n)})",
        "helt_lag": f"{number(frame.helt_lag.sum())} av {number(n)} kommuner deltar med hele "
        f"laget – barnehage, skole og PPT ({share(frame.helt_lag.sum(), n)})",
        "andel_naadd": f"{number(frame.enheter_naadd.sum())} av {number(frame.enheter.sum())} "
        f"enheter er nådd ({share(frame.enheter_naadd.sum(), frame.enheter.sum())})",
        "andel_ansatte_naadd": f"{number(frame.ansatte_naadd.sum())} av "
        f"{number(frame.ansatte.sum())} ansatte er nådd "
        f"({share(frame.ansatte_naadd.sum(), frame.ansatte.sum())}; "
        "deltakelser, høyst antall ansatte per enhet)",
        "deltakere_per_1000": f"{number(frame.deltakere.sum())} deltakelser, "
        f"{_per(frame.deltakere.sum() * 1000, frame.barn_elever.sum(), 1)}"
        " per 1 000 barn og elever",
        "kr_per_barn": f"{kr(frame.innvilget_kr.sum())} innvilget til kommuner og private eiere, "
        f"{_per_kr(frame.innvilget_kr.sum(), frame.barn_elever.sum())} per barn "
        "og elev",
    }
    text = f"{where}: {totals[metric.column]}."
    if metric.column == "kr_per_barn" and filters.sektor:
        return (
            f"{where}: beløp fordeles ikke på sektor, så kroner per barn vises ikke når en "
            "sektor er valgt. Velg alle sektorer for å se beløpene."
        )
    grey = int(missing_mask(frame, metric).sum())
    if grey:
        noun = "kommune" if grey == 1 else "kommuner"
        text += f" {number(grey)} {noun} er grå ({metric.missing_label.lower()})."
    return text


def _per(part: float, whole: float, decimals: int = 0) -> str:
    return number(part / whole, decimals) if whole else "–"


def _per_kr(part: float, whole: float) -> str:
    return kr(part / whole) if whole else "–"


MAP = register(
    Chart(
        id="dekning-kart",
        metrics=(
            "deltar",
            "helt_lag",
            "andel_naadd",
            "andel_ansatte_naadd",
            "deltakere_per_1000",
            "kr_per_barn",
            "innvilget_kr",
        ),
        page="dekning",
        title="Dekning per kommune",
        data=_map_data,
        figure=_map_figure,
        source=SOURCE,
        columns={
            "kommunenummer": "Kommunenummer",
            "kommune": "Kommune",
            "fylke_navn": "Fylke",
            "enheter": "Enheter",
            "enheter_naadd": "Enheter nådd",
            "andel_naadd": "Andel enheter nådd (%)",
            "deltakere": "Deltakelser",
            "ansatte": "Ansatte",
            "ansatte_naadd": "Ansatte nådd",
            "andel_ansatte_naadd": "Andel ansatte nådd (%)",
            "barn_elever": "Barn og elever",
            "deltakere_per_1000": "Deltakelser per 1 000 barn og elever",
            "innvilget_kr": "Innvilget, alle sektorer (kr)",
            "kr_per_barn": "Innvilget per barn og elev (kr)",
            "deltar": "Deltar",
            "helt_lag": "Hele laget (barnehage, skole og PPT)",
        },
        summary=_map_summary,
        options=(MAP_METRIC, MAP_SCALE),
    )
)


def _county_summary(frame: pd.DataFrame, filters: Filters, _options: Options) -> str:
    if frame.empty:
        return "Ingen fylker i utvalget."
    shares = frame.set_index("fylke_navn").andel_deltar
    return (
        f"I {filters.aar} deltok {pct(national_share(frame))} av kommunene i hele landet; "
        f"høyest andel i {extreme(shares, pct)}, lavest i "
        f"{extreme(shares, pct, highest=False)}."
    )


COUNTY_BARS = register(
    Chart(
        id="dekning-fylker",
        metrics=("deltar", "helt_lag", "andel_ansatte_naadd"),
        page="dekning",
        title="Andel kommuner som deltar, per fylke",
        data=lambda filters, _options: coverage_by_county(filters),
        figure=lambda frame, filters, _options: county_participation(
            frame, highlight=filters.fylke
        ),
        source="Kilde: deltakelse rapportert til statsforvalterne.",
        columns={
            "fylke": "Fylkesnummer",
            "fylke_navn": "Fylke",
            "kommuner": "Kommuner",
            "deltar": "Kommuner som deltar",
            "andel_deltar": "Andel som deltar (%)",
            "helt_lag": "Kommuner med hele laget",
            "andel_helt_lag": "Andel med hele laget (%)",
            "enheter": "Enheter",
            "enheter_naadd": "Enheter nådd",
            "deltakere": "Deltakelser",
            "ansatte": "Ansatte",
            "ansatte_naadd": "Ansatte nådd",
            "andel_ansatte_naadd": "Andel ansatte nådd (%)",
            "innvilget_fylkeskommune_kr": "Herav til fylkeskommunen (kr)",
            "innvilget_kr": "Innvilget, alle sektorer (kr)",
        },
        summary=_county_summary,
    )
)
