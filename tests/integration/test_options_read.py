"""A page option redraws only the charts that read it: each chart's declared options
(`Chart.options`) are checked against what its query, figure and summary really read, and the
callback skips the rest."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextvars import copy_context

import pytest
from dash._callback_context import context_value
from dash._utils import AttributeDict
from dash.exceptions import PreventUpdate

from loftet.charts import all_charts
from loftet.charts.view import needs_redraw, options_read
from loftet.filters import SHARED_PARAMS, Filters


class Recording(Mapping[str, str]):
    """Options that remember every key asked for."""

    def __init__(self, values: dict[str, str]) -> None:
        self.values, self.read = values, set()

    def __getitem__(self, key: str) -> str:
        self.read.add(key)
        return self.values[key]

    def get(self, key: str, default: object = None) -> object:
        self.read.add(key)
        return self.values.get(key, default)

    def __contains__(self, key: object) -> bool:
        self.read.add(str(key))
        return key in self.values

    def __iter__(self) -> Iterator[str]:
        raise AssertionError("a chart must not list every option")

    def __len__(self) -> int:
        return len(self.values)


@pytest.mark.parametrize("chart", all_charts(), ids=lambda c: c.id)
def test_a_chart_reads_only_the_options_declared_for_it(small_db: str, chart) -> None:
    options = Recording({"kommune": "4601"} if chart.page == "kommune" else {})
    filters = Filters(fylke="46", aar=2022)
    frame = chart.data(filters, options)
    chart.figure(frame, filters, options)
    if chart.summary:
        chart.summary(frame, filters, options)
    assert options.read <= options_read(chart.id)


def test_needs_redraw_for_shared_filters_first_draws_and_read_options_only() -> None:
    assert needs_redraw("dekning-fylker", set(), SHARED_PARAMS)
    assert needs_redraw("dekning-fylker", {"fylke"}, SHARED_PARAMS)
    assert not needs_redraw("dekning-fylker", {"maal"}, SHARED_PARAMS)
    assert needs_redraw("dekning-kart", {"maal"}, SHARED_PARAMS)
    assert needs_redraw("ukjent-graf", {"maal"}, SHARED_PARAMS)


def test_the_chart_callback_leaves_a_chart_alone_when_an_unread_option_changes(
    small_db: str,
) -> None:
    from loftet.ui.callbacks import update_chart

    prop = '{"param":"maal","type":"urlstate"}.value'
    context = AttributeDict(triggered_inputs=[{"prop_id": prop, "value": "deltar"}])
    values = ["46", 2022, "deltar"]
    control_ids = [{"type": "urlstate", "param": p} for p in ("fylke", "aar", "maal")]

    def call(graph: str):
        context_value.set(context)
        return update_chart(values, control_ids, {"type": "chart", "id": graph})

    with pytest.raises(PreventUpdate):
        copy_context().run(call, "dekning-fylker")
    figure, summary = copy_context().run(call, "dekning-kart")
    assert figure["data"] and summary  # the figure comes as plain JSON from the shared cache
