"""The vendored partial plotly.js bundle registers every trace type the app draws in the
browser, and no other: on the demo database, every chart a page places (found in the pages'
layouts, not listed here) is drawn as the browser gets it (`chart_view`) for several filters and
every choice of its view options, and every presentation slide likewise. A chart that starts
using a new trace type fails here until `scripts/build_plotly_bundle.sh` registers it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from loftet.charts import get_chart
from loftet.charts.options import Options
from loftet.filters import Filters
from loftet.presentation import build_deck, slide_figure
from tests.dash_tree import load_page, walk
from tests.plotly_bundle import vendored_bundle

PAGES = {
    "oversikt": {},
    "dekning": {},
    "kvalitet": {},
    "budsjett": {},
    "kompetanse": {},
    "behov": {},
    "kommune": {"nummer": "3403"},
}
"""Every page with charts, and the URL parameters its layout needs."""
FILTERS = (
    Filters(),
    Filters(fylke="34", aar=2023, fra=2021),
    Filters(struktur=2020, fylke="46", aar=2022, sektor="GS"),
)
MUNICIPALITIES = ("3403", "0301")
"""Values tried for an option whose choices are every municipality."""
TraceUse = dict[str, set[str]]
"""Trace type → the views (chart, filters, options) that draw it."""


def browser_chart_ids() -> set[str]:
    """The ids of the charts the pages place as graphs (`{"type": "chart", "id": …}`)."""
    found: set[str] = set()
    for page, params in PAGES.items():
        for component in walk(load_page(page).layout(**params)):
            graph_id = getattr(component, "id", None)
            if isinstance(graph_id, dict) and graph_id.get("type") == "chart":
                found.add(graph_id["id"])
    return found


def option_views(chart_id: str) -> Iterator[Options]:
    """The defaults, then each choice of each view option with the others at their default."""
    yield {}
    for option in get_chart(chart_id).options:
        values = list(option.labels())
        if option.param == "kommune":
            values = [v for v in MUNICIPALITIES if v in values]
        for value in values:
            yield {option.param: value}


def trace_types(figure: dict) -> set[str]:
    return {str(trace.get("type") or "scatter") for trace in figure.get("data", [])}


@pytest.fixture(scope="module")
def drawn(demo_db_url: str) -> TraceUse:
    """Every trace type the browser draws on the demo database, with where it comes from."""
    from loftet.ui.callbacks import chart_view

    patch = pytest.MonkeyPatch()
    patch.setenv("DATABASE_URL", demo_db_url)
    use: TraceUse = {}
    try:
        charts = browser_chart_ids()
        assert len(charts) >= 15, charts  # the pages were read with data
        for filters in FILTERS:
            for chart_id in sorted(charts):
                for options in option_views(chart_id):
                    figure, _summary = chart_view(chart_id, filters, dict(options))
                    for kind in trace_types(figure):
                        use.setdefault(kind, set()).add(f"{chart_id} {filters} {options}")
            for slide in build_deck(filters):
                drawing = slide_figure(slide, filters)
                for kind in trace_types(drawing.to_plotly_json() if drawing else {}):
                    use.setdefault(kind, set()).add(f"slide {slide.key} {filters}")
    finally:
        patch.undo()
    return use


def test_the_bundle_registers_every_trace_type_the_browser_draws(drawn: TraceUse) -> None:
    missing = {kind: sorted(where)[:3] for kind, where in drawn.items()}
    for kind in vendored_bundle().traces:
        missing.pop(kind, None)
    assert not missing, f"add to TRACES in scripts/build_plotly_bundle.sh: {missing}"


def test_the_bundle_registers_no_trace_type_the_browser_never_draws(drawn: TraceUse) -> None:
    assert vendored_bundle().traces == set(drawn), "remove unused traces from the bundle"
