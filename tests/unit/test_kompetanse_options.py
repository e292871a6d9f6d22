"""Kompetanse's view options name exactly the groupings its queries know."""

from __future__ import annotations

from loftet.charts.kompetanse import GROUPING, MEASURE, grouping, measure
from loftet.queries.competence import GROUPINGS


def test_the_grouping_choices_are_the_query_groupings() -> None:
    assert set(GROUPING.labels()) == set(GROUPINGS)
    assert grouping({"inndeling": "omrade"}) == "omrade"
    assert grouping({"inndeling": "tull"}) == GROUPING.default


def test_the_measure_option_picks_the_query_column() -> None:
    assert measure({"maal": "deltakere"}) == "deltakere"
    assert measure({"maal": "kr"}) == measure({}) == measure({"maal": "tull"}) == "innvilget_kr"
    assert MEASURE.default == "kr"
