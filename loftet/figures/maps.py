"""Municipality maps: plotly geo choropleths drawn from our own simplified GeoJSON.

The base map is hidden (`geo.visible=False`); the app serves an empty world topology, so nothing
is fetched from a CDN. Each trace carries only the features it colours, so the geometry is sent
once however many traces (categories, "no data") the map has.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go
import shapely
from shapely.geometry import shape

from loftet.figures.common import empty_figure
from loftet.figures.map_labels import NAME_FONT, label_points
from loftet.formatting import kr, number, pct
from loftet.metrics import label
from loftet.theme import NEUTRAL, PALETTE, TEXT

NO_DATA = "ingen data"
PROJECTION = {"type": "conic conformal", "parallels": [60, 70]}
"""Lambert conformal conic, true at 60° and 70° N: Norway without the north stretched. No
rotation or scale is set, as that would switch plotly's `fitbounds` off; fitbounds centres it."""
TOP_QUANTILE = 0.95
"""Continuous metrics without a fixed range: the colour scale ends at this quantile."""
BORDER_COLOUR = "white"
"""Municipality outlines: thin white lines between the coloured areas."""
CLASS_COLOURS = ("#c6dbef", "#9ecae1", "#6baed6", "#2f7ebc", "#08519c")
"""Five classes, as Statistics Norway's municipality maps: the lightest is still clearly
coloured, so the smallest class never vanishes into the page."""
MAP_SEQUENTIAL = [[0.0, CLASS_COLOURS[0]], [0.5, CLASS_COLOURS[2]], [1.0, CLASS_COLOURS[4]]]
"""The sliding scale, from the same visible light blue."""
ZERO_COLOUR = "#f6c28b"
"""Areas whose value is exactly 0 (no one reached, no money): light orange, not white."""
ZERO_LABEL = "Ingen (0)"
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


def coverage_hover(row: pd.Series, metric: MapMetric, missing: bool) -> str:
    """Hover text of one area: name, county, units reached, participants, NOK, the metric."""
    if missing:
        value = NO_DATA
    elif metric.categorical:
        value = "ja" if bool(row[metric.column]) else "nei"
    else:
        value = metric.format(row[metric.column])
    reached = f"{number(row.enheter_naadd)} av {number(row.enheter)}"
    return (
        f"<b>{row.kommune}</b><br>{row.fylke_navn}<br>"
        f"Enheter nådd: {reached}<br>Deltakelser: {number(row.deltakere)}<br>"
        f"Innvilget: {kr(row.innvilget_kr)}<br>{metric.label}: {value}"
    )


def _features(geojson: dict, ids: Sequence[str]) -> dict:
    """The FeatureCollection with only the features `ids` (in the collection's order)."""
    wanted = set(ids)
    return {
        "type": "FeatureCollection",
        "features": [f for f in geojson["features"] if f["id"] in wanted],
    }


def _area_trace(
    part: pd.DataFrame,
    geojson: dict,
    *,
    z: Sequence[float],
    name: str,
    colorscale: list,
    showlegend: bool,
    **extra: object,
) -> go.Choropleth:
    return go.Choropleth(
        geojson=_features(geojson, part.kart_id),
        featureidkey="id",
        locations=list(part.kart_id),
        z=list(z),
        customdata=list(part.profil),
        hovertext=list(part.hover),
        hovertemplate="%{hovertext}<extra></extra>",
        colorscale=colorscale,
        name=name,
        showlegend=showlegend,
        marker={"line": {"color": BORDER_COLOUR, "width": 0.5}},
        **extra,
    )


def _flat(colour: str) -> list:
    return [[0, colour], [1, colour]]


def county_border_lines(counties: dict) -> tuple[list[float | None], list[float | None]]:
    """Longitudes and latitudes (None between lines) of the borders *between* counties.

    The coast is left out: it is already drawn by the municipalities, and it is most of the
    geometry, so the lines stay small.
    """
    geoms = [shape(f["geometry"]) for f in counties["features"]]
    if not geoms:
        return [], []
    outline = shapely.union_all(geoms, grid_size=0.001).boundary
    inner = shapely.union_all([g.boundary for g in geoms]).difference(outline.buffer(0.0005))
    lons: list[float | None] = []
    lats: list[float | None] = []
    for line in shapely.get_parts(shapely.line_merge(inner)):
        if line.geom_type != "LineString" or line.is_empty:
            continue
        coords = shapely.get_coordinates(line).round(3)
        lons += [*coords[:, 0].tolist(), None]
        lats += [*coords[:, 1].tolist(), None]
    return lons, lats


def class_breaks(values: pd.Series, count: int = len(CLASS_COLOURS)) -> list[float]:
    """Upper bounds of up to `count` classes of the positive `values` (quantiles, rounded to
    two significant digits, duplicates merged); the last bound is the largest value."""
    positive = values[values > 0]
    if positive.empty:
        return []
    bounds = []
    for share in [i / count for i in range(1, count)]:
        bound = float(positive.quantile(share))
        rounded = float(f"{bound:.2g}") if bound else bound
        if not bounds or rounded > bounds[-1]:
            bounds.append(rounded)
    top = float(positive.max())
    return [b for b in bounds if b < top] + [top]


def _class_label(low: float, high: float, metric: MapMetric) -> str:
    """`42–61 %`: whole numbers when both ends are whole, else one decimal."""
    decimals = 0 if float(low).is_integer() and float(high).is_integer() else 1
    return f"{number(low, decimals)}–{number(high, decimals)}{metric.tick_suffix}"


def _with_zero_trace(
    figure: go.Figure, present: pd.DataFrame, geojson: dict, metric: MapMetric
) -> pd.Series:
    """Areas whose value is exactly 0 in their own colour; returns the values."""
    values = present[metric.column].astype(float)
    zero = present[values == 0]
    if len(zero):
        figure.add_trace(
            _area_trace(
                zero,
                geojson,
                z=[0] * len(zero),
                name=ZERO_LABEL,
                colorscale=_flat(ZERO_COLOUR),
                showlegend=True,
                showscale=False,
            )
        )
    return values


def _classed_traces(
    figure: go.Figure, present: pd.DataFrame, geojson: dict, metric: MapMetric
) -> None:
    """Zero in its own colour, the positive values in up to five classes with a legend."""
    values = _with_zero_trace(figure, present, geojson, metric)
    low = 0.0
    for index, high in enumerate(class_breaks(values)):
        part = present[(values > low) & (values <= high)]
        if len(part):
            figure.add_trace(
                _area_trace(
                    part,
                    geojson,
                    z=[index] * len(part),
                    name=_class_label(low, high, metric),
                    colorscale=_flat(CLASS_COLOURS[index]),
                    showlegend=True,
                    showscale=False,
                    legendrank=100 - index,
                )
            )
        low = high


def _sliding_trace(
    figure: go.Figure, present: pd.DataFrame, geojson: dict, metric: MapMetric
) -> None:
    """A colour bar from a visible light blue; exact zeros in their own colour."""
    values = _with_zero_trace(figure, present, geojson, metric)
    rest = present[values > 0]
    if rest.empty:
        return
    # A few small municipalities with extreme ratios would wash out the rest: the scale
    # ends at the 95th percentile (darker beyond it); the hover shows the true value.
    top = metric.range_max or max(float(values.quantile(TOP_QUANTILE)), 1e-9)
    figure.add_trace(
        _area_trace(
            rest,
            geojson,
            z=rest[metric.column].astype(float),
            name=metric.label,
            colorscale=MAP_SEQUENTIAL,
            showlegend=False,
            zmin=0,
            zmax=top,
            colorbar={
                "title": {"text": metric.unit, "side": "top"},
                "tickformat": metric.tick_format,
                "ticksuffix": metric.tick_suffix,
                "thickness": 14,
                "len": 0.4,
                "x": 0.99,
                "xanchor": "right",
                "y": 0.12,
                "yanchor": "bottom",
            },
        )
    )


def coverage_map(
    frame: pd.DataFrame,
    geojson: dict,
    *,
    metric: str = DEFAULT_METRIC,
    borders: tuple[Sequence[float | None], Sequence[float | None]] | None = None,
    scale: str = DEFAULT_SCALE,
    names: bool = False,
) -> go.Figure:
    """Choropleth of municipalities (or map areas) coloured by one coverage metric.

    Args:
        frame: one row per map area with `kart_id` (feature id), `profil` (profile number,
            sent as customdata for clicks), `kommune`, `fylke_navn`, `enheter`,
            `enheter_naadd`, `deltakere`, `innvilget_kr` and the metric's column.
        geojson: FeatureCollection whose feature `id`s are the `kart_id`s.
        metric: key of `COVERAGE_METRICS`; unknown keys show the default.
        borders: county border lines from `county_border_lines`, drawn on top; None: none.
        scale: continuous metrics in five classes with a legend (`klasser`) or on a colour
            bar (`glidende`); exact zeros get their own colour either way.
        names: write each area's name on the map (for one county; too crowded nationally).

    Returns:
        The figure: yes/no metrics as two coloured traces with a legend, continuous metrics
        in classes or with a colour bar; areas without a value grey ("Ingen data").
    """
    if frame.empty:
        return empty_figure()
    chosen = coverage_metric(metric)
    missing = missing_mask(frame, chosen)
    frame = frame.assign(
        hover=[
            coverage_hover(row, chosen, bool(m))
            for (_, row), m in zip(frame.iterrows(), missing, strict=True)
        ]
    )
    present = frame[~missing]
    figure = go.Figure()
    if chosen.categorical:
        values = present[chosen.column].astype(bool)
        for flag, name, colour in (
            (True, chosen.categories[0], PALETTE[0]),
            (False, chosen.categories[1], PALETTE[1]),
        ):
            part = present[values == flag]
            if len(part):
                figure.add_trace(
                    _area_trace(
                        part,
                        geojson,
                        z=[1] * len(part),
                        name=name,
                        colorscale=_flat(colour),
                        showlegend=True,
                        showscale=False,
                    )
                )
    elif len(present) and scale == "glidende":
        _sliding_trace(figure, present, geojson, chosen)
    elif len(present):
        _classed_traces(figure, present, geojson, chosen)
    absent = frame[missing]
    if len(absent):
        figure.add_trace(
            _area_trace(
                absent,
                geojson,
                z=[0] * len(absent),
                name=chosen.missing_label,
                colorscale=_flat(NEUTRAL),
                showlegend=True,
                showscale=False,
            )
        )
    if borders is not None and len(borders[0]):
        figure.add_scattergeo(
            lon=list(borders[0]),
            lat=list(borders[1]),
            mode="lines",
            line={"color": TEXT, "width": 1},
            opacity=0.45,
            hoverinfo="skip",
            showlegend=False,
            name="Fylkesgrenser",
        )
    if names:
        points = label_points(geojson, list(frame.kart_id), list(frame.kommune))
        named = frame[frame.kart_id.isin(points)]
        figure.add_scattergeo(
            lon=[points[k][0] for k in named.kart_id],
            lat=[points[k][1] for k in named.kart_id],
            text=list(named.kommune),
            mode="text",
            textfont=NAME_FONT,
            hoverinfo="skip",
            showlegend=False,
            name="Kommunenavn",
        )
    figure.update_geos(
        visible=False,
        fitbounds="locations",
        showframe=False,
        projection=PROJECTION,
        bgcolor="rgba(0,0,0,0)",
    )
    # Legend and colour bar sit bottom right, where Norway leaves the map empty (Sweden).
    figure.update_layout(
        margin={"l": 0, "r": 0, "t": 0, "b": 0},
        dragmode="pan",
        legend={
            "orientation": "v",
            "x": 0.99,
            "xanchor": "right",
            "y": 0.01,
            "yanchor": "bottom",
            "bgcolor": "rgba(255,255,255,0.8)",
            "itemclick": False,
            "itemdoubleclick": False,
        },
    )
    return figure
