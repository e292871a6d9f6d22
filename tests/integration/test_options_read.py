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

from loftet.charts import all_charts, get_chart
from loftet.charts.view import needs_redraw, options_read, page_options
from loftet.filters import SHARED_PARAMS, Filters
from loftet.presentation import build_deck
from loftet.ui import ids
from tests.dash_tree import find, load_page


class Recording(Mapping[str, str]):
    """Options that remember every key asked for."""

    def __init__(self, values: dict[str, str]) -> None:
        self.given = values
        self.read: set[str] = set()

    def __getitem__(self, key: str) -> str:
        self.read.add(key)
        return self.given[key]

    def get(self, key: str, default: object = None) -> object:  # type: ignore[override]
        self.read.add(key)
        return self.given.get(key, default)

    def __contains__(self, key: object) -> bool:
        self.read.add(str(key))
        return key in self.given

    def __iter__(self) -> Iterator[str]:
        raise AssertionError("a chart must not list every option")

    def __len__(self) -> int:
        return len(self.given)


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


@pytest.mark.parametrize("page", ["dekning", "kvalitet", "budsjett", "kompetanse"])
def test_every_declared_option_has_a_selector_on_its_page(small_db: str, page: str) -> None:
    tree = load_page(page).layout()
    for option in page_options(page):
        (control,) = find(tree, ids.state(option.param))
        assert control.value == option.default, option.param


def test_the_slides_choose_only_declared_options_with_valid_values(small_db: str) -> None:
    for slide in build_deck(Filters(fylke="46", aar=2022)):
        if not slide.chart_id:
            continue
        declared = {o.param: o for o in get_chart(slide.chart_id).options}
        for param, value in slide.options.items():
            assert declared[param].label_of(value), (slide.chart_id, param, value)
