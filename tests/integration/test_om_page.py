"""The "Om tallene" page: every metric in the registry, and every metric any chart shows, has
its definition on /om; charts link to the definitions they use."""

from __future__ import annotations

from loftet.charts import all_charts
from loftet.metrics import METRICS, METRICS_BY_KEY
from loftet.ui.components import chart_card
from tests.dash_tree import load_page, walk


def _ids(component) -> set[str]:
    return {c.id for c in walk(component) if isinstance(getattr(c, "id", None), str)}


def test_every_metric_has_a_definition_on_the_page(small_db: str) -> None:
    page = load_page("om").layout()
    shown = _ids(page)
    assert {m.key for m in METRICS} <= shown
    for chart in all_charts():
        assert chart.metrics, f"{chart.id} links to no definition"
        assert set(chart.metrics) <= set(METRICS_BY_KEY), chart.id
    assert "ikke med" in str(page)  # the programme's other parts are named as not covered


def test_every_definition_names_numerator_and_unit() -> None:
    for item in METRICS:
        assert item.label and item.definition.endswith(".") and item.unit and item.numerator


def test_chart_cards_link_to_their_definitions(small_db: str) -> None:
    card = chart_card(next(c for c in all_charts() if c.id == "dekning-kart"))
    links = [c.href for c in walk(card) if getattr(c, "href", None)]
    assert "/om#helt_lag" in links and "/om#andel_ansatte_naadd" in links


def test_indicators_and_pyramid_come_from_the_database(small_db: str) -> None:
    page = str(load_page("om").layout())
    assert "Elever med spesialundervisning" in page
    assert "Nivå 3" in page and "Autisme" in page
