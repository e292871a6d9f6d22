"""Adding a view option is one edit: a made-up option declared on one chart (and nothing else)
gets a selector on the page, URL validation with the standard notice, reaches the chart, and
is named in the chart's export subtitles."""

from __future__ import annotations

import io
from dataclasses import replace

import pytest
from openpyxl import load_workbook

from loftet import charts
from loftet.charts import Chart, Options, ViewOption, get_chart, render
from loftet.charts.view import needs_redraw, parse_view
from loftet.export import export_file, view_text
from loftet.export.layout import chart_print_figure, chart_texts
from loftet.filters import SHARED_PARAMS, Filters
from loftet.ui import ids
from tests.dash_tree import find, load_page

CHART = "dekning-fylker"
COLOUR = ViewOption(
    param="farge",
    label="Farge på søylene:",
    caption="Farge",
    choices={"blaa": "Blå", "roed": "Rød"},
    default="blaa",
)


@pytest.fixture
def declared(small_db: str, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The county bars with the made-up option added to their declaration (the one edit);
    returns the values the chart's data function was given for it."""
    chart = get_chart(CHART)
    seen: list[str] = []

    def data(filters: Filters, options: Options):
        seen.append(COLOUR.value(options))
        return chart.data(filters, options)

    patched: Chart = replace(chart, options=(*chart.options, COLOUR), data=data)
    monkeypatch.setitem(charts._REGISTRY, CHART, patched)
    return seen


def selector(tree):
    (control,) = find(tree, ids.state("farge"))
    return control


def test_the_selector_appears_with_the_declared_choices(declared: list[str]) -> None:
    tree = load_page("dekning").layout(farge="roed")
    control = selector(tree)
    assert control.value == "roed"
    assert control.options == [{"label": "Blå", "value": "blaa"}, {"label": "Rød", "value": "roed"}]
    assert "Farge på søylene:" in str(tree)


def test_an_invalid_value_gives_the_standard_notice_and_the_default(declared: list[str]) -> None:
    tree = load_page("dekning").layout(farge="gul", maal="tull")
    notices = str(find(tree, ids.NOTICE)[0].children)
    assert "Ukjent verdi «farge=gul»; viser «Blå»." in notices
    assert "Ukjent verdi «maal=tull»; viser «Deltar»." in notices
    assert selector(tree).value == "blaa"
    assert parse_view({"farge": "gul"}, "dekning").options["farge"] == "blaa"


def test_a_valid_value_reaches_the_chart_and_redraws_only_it(declared: list[str]) -> None:
    from loftet.ui.callbacks import update_chart

    params = {"aar": 2022, "farge": "roed", "maal": "deltar"}
    control_ids = [{"type": ids.URL_STATE, "param": p} for p in params]
    figure, _summary = update_chart(
        list(params.values()), control_ids, {"type": "chart", "id": CHART}
    )
    assert figure["data"] and declared and set(declared) == {"roed"}
    assert needs_redraw(CHART, {"farge"}, SHARED_PARAMS)
    assert not needs_redraw("dekning-kart", {"farge"}, SHARED_PARAMS)


def test_the_label_is_in_every_export_subtitle(declared: list[str]) -> None:
    chart, filters = get_chart(CHART), Filters(fylke="46", aar=2022)
    options = {"farge": "roed", "maal": "deltar"}
    assert view_text(chart, filters, options).endswith(" · Farge: Rød")
    assert chart_texts(chart, filters, options)["Description"].endswith("Farge: Rød")
    printed = chart_print_figure(chart, render(CHART, filters, options)[1], filters, options)
    assert "Farge: Rød" in str(printed.to_plotly_json()["layout"])
    _name, csv = export_file(CHART, filters, options, "csv")
    assert "Farge: Rød" in csv.decode("utf-8-sig")
    _name, xlsx = export_file(CHART, filters, options, "xlsx")
    cells = [c for row in load_workbook(io.BytesIO(xlsx)).active.values for c in row if c]
    assert any("Farge: Rød" in str(cell) for cell in cells)
