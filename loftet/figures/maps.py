"""Municipality maps: plotly geo choropleths drawn from our own simplified GeoJSON.

The base map is hidden (`geo.visible=False`); the app serves an empty world topology, so nothing
is fetched from a CDN. Each trace carries only the features it colours, so the geometry is sent
once however many traces (categories, "no data") the map has; the web layer sends the address
of the cached geometry instead (`loftet.ui.geometry_assets`). This module holds the metrics the
map can show and `coverage_map`; the colours, layers and layout live in `map_style`,
`map_traces` and `map_layout`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from loftet.figures.common import empty_figure
from loftet.figures.map_hover import hover_data, hover_template
from loftet.figures.map_layout import (
    add_areas,
    county_outline,
    inset_frame,
    inset_ids,
    inset_title,
    layer_trace,
    name_trace,
    style_geo,
    view_ranges,
)
from loftet.figures.map_traces import (
    Layer,
    categorical_layers,
    classed_layers,
    missing_layer,
    sliding_layers,
)
from loftet.formatting import kr, number, pct
from loftet.metrics import label

SCALES = {"klasser": "Fem klasser", "glidende": "Glidende"}
"""The map's colour scale options (URL value `skala`)."""
DEFAULT_SCALE = "klasser"


@dataclass(frozen=True)
class MapMetric:
    """What one choice of the map's metric selector shows."""

    column: str
    label: str
    """Selector and hover label."""
    unit: str = ""
    """Colour bar title (continuous metrics)."""
    format: Callable[[float | None], str] = number
    categories: tuple[str, str] | None = None
    """(true, false) legend names for yes/no metrics; None for continuous metrics."""
    missing_label: str = "Ingen data"
    """Legend name of the grey areas."""
    missing_without_units: bool = False
    """Grey (not "no") where the area has no units in the chosen sector/owner."""
    range_max: float | None = None
    """Fixed top of the colour scale (100 for shares); None: the largest value."""
    tick_format: str = ",.0f"
    """d3 format of the colour bar ticks (`,` groups thousands with the template's space)."""
    tick_suffix: str = ""

    @property
    def categorical(self) -> bool:
        return self.categories is not None


COVERAGE_METRICS: dict[str, MapMetric] = {
    "deltar": MapMetric(
        "deltar",
        "Deltar",
        categories=("Deltar", "Deltar ikke"),
        missing_label="Ingen enheter i utvalget",
        missing_without_units=True,
    ),
    "andel_naadd": MapMetric(
        "andel_naadd",
        label("andel_naadd"),
        "Enheter nådd (%)",
        pct,
        range_max=100,
        tick_suffix=" %",
    ),
    "andel_ansatte_naadd": MapMetric(
        "andel_ansatte_naadd",
        label("andel_ansatte_naadd"),
        "Ansatte nådd (%)",
        pct,
        range_max=100,
        tick_suffix=" %",
    ),
    "helt_lag": MapMetric(
        "helt_lag", label("helt_lag"), categories=("Hele laget", "Ikke hele laget")
    ),
    "deltakere_per_1000": MapMetric(
        "deltakere_per_1000",
        label("deltakere_per_1000"),
        "Deltakelser per<br>1 000 barn<br>og elever",
        lambda v: number(v, 1),
        tick_format=",.1~f",
    ),
    "kr_per_barn": MapMetric(
        "kr_per_barn", label("kr_per_barn"), "Kr per barn<br>og elev", kr, tick_suffix=" kr"
    ),
}
"""The coverage map's metrics, keyed by the URL value of `maal`."""
DEFAULT_METRIC = "deltar"


def coverage_metric(key: str | None) -> MapMetric:
    """The metric for URL value `key`; unknown or missing → the default (takes part)."""
    return COVERAGE_METRICS.get(key or "", COVERAGE_METRICS[DEFAULT_METRIC])


def missing_mask(frame: pd.DataFrame, metric: MapMetric) -> pd.Series:
    """True where the area has no value for `metric` (drawn grey, never as 0)."""
    mask = frame[metric.column].isna()
    if metric.missing_without_units:
        mask |= frame.enheter.fillna(0) == 0
    return mask


def coverage_map(
    frame: pd.DataFrame,
    geojson: dict,
    *,
    metric: str | None = DEFAULT_METRIC,
    counties: dict | None = None,
    scale: str = DEFAULT_SCALE,
    names: bool = False,
    inset: bool = False,
) -> go.Figure:
    """Choropleth of municipalities (or map areas) coloured by one coverage metric.

    Args:
        frame: one row per map area with `kart_id` (feature id), `profil` (profile number,
            sent first in customdata for clicks), `kommune`, `fylke_navn`, `enheter`,
            `enheter_naadd`, `deltakere`, `innvilget_kr` and the metric's column.
        geojson: FeatureCollection whose feature `id`s are the `kart_id`s.
        metric: key of `COVERAGE_METRICS`; unknown keys show the default.
        counties: county FeatureCollection whose outlines are drawn on top; None: none.
        scale: continuous metrics in five classes with a legend (`klasser`) or on a colour
            bar (`glidende`); exact zeros get their own colour either way.
        names: write each area's name on the map (for one county; too crowded nationally).
        inset: add the Oslofjord inset (national view), same colours, bottom right.

    Returns:
        The figure: yes/no metrics as two coloured traces with a legend, continuous metrics
        in classes or with a colour bar; areas without a value grey ("Ingen data").
    """
    if frame.empty:
        return empty_figure()
    chosen = coverage_metric(metric)
    missing = missing_mask(frame, chosen)
    hover = hover_data(frame, chosen, missing)
    template = hover_template(chosen)
    layers = _layers(frame[~missing], chosen, scale) + missing_layer(frame[missing], chosen)
    figure = go.Figure()
    for layer in layers:
        add_areas(figure, *layer_trace(layer, layer.part, geojson, hover, template, "geo"))
    if counties is not None:
        add_areas(figure, *county_outline(counties))
    if names:
        figure.add_trace(name_trace(frame, geojson))
    fjord = inset_ids(geojson) if inset else set()
    for layer in layers:
        part = layer.part[layer.part.kart_id.isin(fjord)]
        if len(part):
            add_areas(figure, *layer_trace(layer, part, geojson, hover, template, "geo2"))
    if fjord and counties is not None:
        add_areas(figure, *county_outline(counties, geo="geo2"))
    if fjord:
        figure.add_traces([inset_frame(), inset_title()])
    style_geo(figure, view_ranges(geojson, frame.kart_id), inset=bool(fjord))
    return figure


def _layers(present: pd.DataFrame, metric: MapMetric, scale: str) -> list[Layer]:
    if present.empty:
        return []
    if metric.categorical:
        return categorical_layers(present, metric)
    if scale == "glidende":
        return sliding_layers(present, metric)
    return classed_layers(present, metric)
