"""The pages draw with the app's own partial plotly.js bundle, loaded as a script from
`/assets/vendor`, under the app's Content-Security-Policy (no eval): the full plotly.min.js of
the Python package is never fetched, and the Plotly in the page registers exactly the traces the
bundle's header names."""

from __future__ import annotations

import pytest

from tests.e2e.test_pages_e2e import wait_for_charts
from tests.plotly_bundle import vendored_bundle

PAGES = [
    "/",
    "/dekning?fylke=34",
    "/kvalitet",
    "/kompetanse",
    "/kommune/3403",
    "/presentasjon?fylke=46&slide=3",
]
"""Pages drawing every trace type the bundle holds (map, bars, box plots, heat map, lines)."""
FULL_PLOTLY = ("plotly.min.js", "package_data/plotly")
DRAWN_TYPES = """() => [...document.querySelectorAll('.js-plotly-plot')]
  .flatMap(g => (g._fullData || []).map(t => t.type))"""


def load(page, url: str) -> list[str]:
    """Open `url`, wait until its charts are drawn; the URLs it requested."""
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(url)
    wait_for_charts(page)
    return requested


@pytest.mark.parametrize("path", PAGES)
def test_a_page_draws_with_the_vendored_bundle_only(page, app_url: str, path: str) -> None:
    bundle = vendored_bundle()
    requested = load(page, app_url + path)
    assert [u for u in requested if any(part in u for part in FULL_PLOTLY)] == []
    assert [u for u in requested if bundle.url_path in u], "the bundle was not loaded"
    assert page.evaluate("window.Plotly.version") == bundle.version
    assert set(page.evaluate(DRAWN_TYPES)) <= bundle.traces
    assert page.problems == []


def test_the_page_has_exactly_the_bundles_traces(page, app_url: str) -> None:
    load(page, app_url + "/dekning")
    traces = page.evaluate("Object.keys(window.Plotly.PlotSchema.get().traces)")
    assert sorted(traces) == sorted(vendored_bundle().traces)
    assert page.problems == []
