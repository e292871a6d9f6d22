"""The coverage map's colour layers: which areas get which colour, legend name and scale.

A `Layer` is one coloured group of areas (a class, "takes part", "no data" …). The map draws
each layer as one choropleth trace, and once more, cut to the fjord's areas, in the inset.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import pandas as pd

from loftet.figures.map_style import (
    CLASS_COLOURS,
    MAP_SEQUENTIAL,
    TOP_QUANTILE,
    ZERO_COLOUR,
    ZERO_LABEL,
)
from loftet.formatting import number
from loftet.theme import NEUTRAL, PALETTE

if TYPE_CHECKING:
    from loftet.figures.maps import MapMetric


@dataclass
class Layer:
    """One group of areas drawn in one colour (or on one colour bar)."""

    part: pd.DataFrame
    z: list[float]
    name: str
    colorscale: list
    showlegend: bool = True
    extra: dict = field(default_factory=dict)
    """Further choropleth attributes (zmin, zmax, colorbar, legendrank)."""


def flat(colour: str) -> list:
    """A colour scale of one colour."""
    return [[0, colour], [1, colour]]


def _flat_layer(part: pd.DataFrame, name: str, colour: str, **extra: object) -> Layer:
    return Layer(part, [0.0] * len(part), name, flat(colour), extra={"showscale": False, **extra})


def class_breaks(values: pd.Series, count: int = len(CLASS_COLOURS)) -> list[float]:
    """Upper bounds of up to `count` classes of the positive `values` (quantiles, rounded to
    two significant digits, duplicates merged); the last bound is the largest value."""
    positive = values[values > 0]
    if positive.empty:
        return []
    bounds: list[float] = []
    for share in [i / count for i in range(1, count)]:
        bound = float(positive.quantile(share))
        rounded = float(f"{bound:.2g}") if bound else bound
        if not bounds or rounded > bounds[-1]:
            bounds.append(rounded)
    top = float(positive.max())
    return [b for b in bounds if b < top] + [top]


def class_label(low: float, high: float, metric: MapMetric) -> str:
    """`42–61 %`: whole numbers when both ends are whole, else one decimal."""
    decimals = 0 if float(low).is_integer() and float(high).is_integer() else 1
    return f"{number(low, decimals)}–{number(high, decimals)}{metric.tick_suffix}"


def categorical_layers(present: pd.DataFrame, metric: MapMetric) -> list[Layer]:
    """Yes/no metrics: two colours with a legend."""
    assert metric.categories is not None
    values = present[metric.column].astype(bool)
    layers = []
    for flag, name, colour in (
        (True, metric.categories[0], PALETTE[0]),
        (False, metric.categories[1], PALETTE[1]),
    ):
        part = present[values == flag]
        if len(part):
            layers.append(_flat_layer(part, name, colour))
    return layers


def _zero_layers(present: pd.DataFrame, metric: MapMetric) -> tuple[list[Layer], pd.Series]:
    """Areas whose value is exactly 0 in their own colour; and the values as floats."""
    values = present[metric.column].astype(float)
    zero = present[values == 0]
    return ([_flat_layer(zero, ZERO_LABEL, ZERO_COLOUR)] if len(zero) else []), values


def classed_layers(present: pd.DataFrame, metric: MapMetric) -> list[Layer]:
    """Zero in its own colour, the positive values in up to five classes with a legend."""
    layers, values = _zero_layers(present, metric)
    low = 0.0
    for index, high in enumerate(class_breaks(values)):
        part = present[(values > low) & (values <= high)]
        if len(part):
            layers.append(
                _flat_layer(
                    part,
                    class_label(low, high, metric),
                    CLASS_COLOURS[index],
                    legendrank=100 - index,
                )
            )
        low = high
    return layers


def sliding_layers(present: pd.DataFrame, metric: MapMetric) -> list[Layer]:
    """A colour bar from a visible light blue; exact zeros in their own colour."""
    layers, values = _zero_layers(present, metric)
    rest = present[values > 0]
    if rest.empty:
        return layers
    # The colour bar sits top left under the legend (zero, no data), over the sea.
    # A few small municipalities with extreme ratios would wash out the rest: the scale
    # ends at the 95th percentile (darker beyond it); the hover shows the true value.
    top = metric.range_max or max(float(values.quantile(TOP_QUANTILE)), 1e-9)
    colorbar = {
        "title": {"text": metric.unit, "side": "top"},
        "tickformat": metric.tick_format,
        "ticksuffix": metric.tick_suffix,
        "thickness": 14,
        "len": 0.4,
        "x": 0.01,
        "xanchor": "left",
        "y": 0.85,
        "yanchor": "top",
    }
    extra = {"zmin": 0, "zmax": top, "colorbar": colorbar}
    z = rest[metric.column].astype(float).tolist()
    layers.append(Layer(rest, z, metric.label, MAP_SEQUENTIAL, showlegend=False, extra=extra))
    return layers


def missing_layer(absent: pd.DataFrame, metric: MapMetric) -> list[Layer]:
    """Areas without a value: grey, never drawn as 0."""
    return [_flat_layer(absent, metric.missing_label, NEUTRAL)] if len(absent) else []
