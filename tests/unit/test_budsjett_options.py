"""Budsjett's split option names exactly the groupings its query knows."""

from __future__ import annotations

from loftet.charts.budsjett import SPLIT, fordeling
from loftet.filters import Filters
from loftet.queries.budget import GROUPINGS


def test_the_split_choices_are_the_query_groupings() -> None:
    assert set(SPLIT.labels()) == set(GROUPINGS)


def test_a_chosen_county_always_splits_by_county() -> None:
    assert fordeling(Filters(), {"fordeling": "statsforvalter"}) == "statsforvalter"
    assert fordeling(Filters(fylke="46"), {"fordeling": "statsforvalter"}) == "fylke"
    assert fordeling(Filters(), {"fordeling": "tull"}) == "fylke"
