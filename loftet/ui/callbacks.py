"""Callbacks every page shares: chart rendering, county options, URL sync and nav links."""

from __future__ import annotations

import json

from dash import (
    ALL,
    MATCH,
    ClientsideFunction,
    Input,
    Output,
    State,
    callback,
    clientside_callback,
    ctx,
)
from dash.exceptions import MissingCallbackContextException, PreventUpdate

from loftet import cache
from loftet.charts import get_chart, render
from loftet.charts.view import needs_redraw
from loftet.filters import SHARED_PARAMS
from loftet.ui import ids
from loftet.ui.filterbar import county_options
from loftet.ui.geometry_assets import by_reference
from loftet.ui.state import params_from_controls, split_params

STATE_VALUES = Input({"type": ids.URL_STATE, "param": ALL}, "value")
STATE_IDS = State({"type": ids.URL_STATE, "param": ALL}, "id")


@callback(
    Output({"type": "chart", "id": MATCH}, "figure"),
    Output({"type": "chart-summary", "id": MATCH}, "children"),
    STATE_VALUES,
    STATE_IDS,
    State({"type": "chart", "id": MATCH}, "id"),
)
def update_chart(values: list, control_ids: list[dict], graph_id: dict):
    """Render one chart of the page for the current filters and options; a change of a page
    option the chart does not read leaves it as it is (`Chart.options`)."""
    if not needs_redraw(graph_id["id"], changed_params(), SHARED_PARAMS):
        raise PreventUpdate
    filters, options = split_params(params_from_controls(values, control_ids))
    return chart_view(graph_id["id"], filters, options)


def chart_view(chart_id: str, filters, options: dict[str, str]) -> tuple[dict, str]:
    """The chart's figure (as plain JSON-ready data) and summary line, from the shared cache:
    every worker draws a view once per data version, later requests only read it. Map
    geometry goes by address (`by_reference`): the browser fetches and keeps it once."""
    chart = get_chart(chart_id)
    key = cache.key_for("chart-view", chart.id, filters, tuple(sorted(options.items())))

    def draw() -> tuple[dict, str]:
        frame, figure = render(chart.id, filters, options)
        text = chart.summary(frame, filters, options)
        return by_reference(figure).to_plotly_json(), text

    return cache.cached(key, draw)


def changed_params() -> set[str]:
    """The URL parameters whose controls triggered this callback (empty on a first draw)."""
    changed: set[str] = set()
    try:
        triggered = ctx.triggered_prop_ids
    except MissingCallbackContextException:  # called as a plain function (tests, exports)
        return changed
    for prop_id in triggered:
        id_text, _, _prop = prop_id.rpartition(".")
        try:
            component = json.loads(id_text)
        except ValueError:
            continue
        if isinstance(component, dict) and component.get("type") == ids.URL_STATE:
            changed.add(str(component.get("param")))
    return changed


@callback(
    Output(ids.state("fylke"), "options"),
    Output(ids.state("fylke"), "value"),
    Input(ids.state("struktur"), "value"),
    State(ids.state("fylke"), "value"),
    prevent_initial_call=True,
)
def update_county_options(struktur: int, fylke: str | None):
    """Switching county structure changes the county list; keep the county if it still exists."""
    options = county_options(int(struktur))
    keep = fylke if fylke in {o["value"] for o in options} else None
    return options, keep


clientside_callback(
    ClientsideFunction(namespace="loftet", function_name="syncUrl"),
    Output(ids.URL_QUERY, "data"),
    STATE_VALUES,
    STATE_IDS,
    State(ids.URL_DEFAULTS, "data"),
)

clientside_callback(
    ClientsideFunction(namespace="loftet", function_name="copyLink"),
    Output("copy-link-status", "children"),
    Input(ids.COPY_LINK, "n_clicks"),
    prevent_initial_call=True,
)
