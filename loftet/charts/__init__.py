"""The chart catalogue: every chart once, as (query, figure, title, source), for every outlet.

Pages, file export, the report pack and presentation mode all render a chart through
`render(chart_id, filters, options)`, so a chart looks and counts the same everywhere.
Chart definitions live in one module per page (`loftet.charts.<page>`) and call `register`.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field

import pandas as pd
import plotly.graph_objects as go

from loftet.charts.options import Options, ViewOption
from loftet.filters import Filters

PAGE_MODULES = ("oversikt", "dekning", "kvalitet", "budsjett", "kompetanse", "kommune", "behov")


@dataclass(frozen=True)
class Chart:
    """One chart: where its numbers come from and how they are drawn."""

    id: str
    page: str
    title: str
    data: Callable[[Filters, Options], pd.DataFrame]
    figure: Callable[[pd.DataFrame, Filters, Options], go.Figure]
    source: str
    summary: Callable[[pd.DataFrame, Filters, Options], str]
    """One sentence describing the chart, the text alternative shown under it (required: a
    chart without one would be invisible to screen readers)."""
    columns: dict[str, str] = field(default_factory=dict)
    """Data column → Norwegian header with unit, for downloads (order kept; others dropped)."""
    spans_years: bool = False
    """True when the chart shows the years `fra`..`aar`, False when it shows the year `aar`."""
    metrics: tuple[str, ...] = ()
    """Keys of the metrics it shows (`loftet.metrics`); the card links to their definitions."""
    options: tuple[ViewOption, ...] = ()
    """The URL view options it reads (`loftet.charts.options`); changing one redraws it."""


_REGISTRY: dict[str, Chart] = {}


def register(chart: Chart) -> Chart:
    """Add `chart` to the catalogue (ids are unique)."""
    if chart.id in _REGISTRY and _REGISTRY[chart.id] is not chart:
        raise ValueError(f"chart id {chart.id!r} registered twice")
    _REGISTRY[chart.id] = chart
    return chart


def _load_all() -> None:
    for name in PAGE_MODULES:
        try:
            importlib.import_module(f"loftet.charts.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"loftet.charts.{name}":
                raise


def get_chart(chart_id: str) -> Chart:
    """The chart with `chart_id`; KeyError if unknown."""
    _load_all()
    return _REGISTRY[chart_id]


def charts_for_page(page: str) -> list[Chart]:
    """The charts of one page, in registration order."""
    _load_all()
    return [c for c in _REGISTRY.values() if c.page == page]


def all_charts() -> list[Chart]:
    """Every chart, page by page."""
    _load_all()
    return list(_REGISTRY.values())


def render(
    chart_id: str, filters: Filters, options: Options | None = None
) -> tuple[pd.DataFrame, go.Figure]:
    """The chart's data and figure for `filters` and `options`."""
    chart = get_chart(chart_id)
    options = options or {}
    frame = chart.data(filters, options)
    return frame, chart.figure(frame, filters, options)


def table_for_download(chart: Chart, frame: pd.DataFrame) -> pd.DataFrame:
    """The chart's data with Norwegian headers, in the declared column order."""
    if not chart.columns:
        return frame.copy()
    return frame[[c for c in chart.columns if c in frame]].rename(columns=chart.columns)
