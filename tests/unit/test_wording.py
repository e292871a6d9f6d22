"""Sentence parts: ties are named, never one picked among equals."""

from __future__ import annotations

import pandas as pd

from loftet.formatting import pct
from loftet.wording import extreme, join_names


def test_join_names() -> None:
    assert join_names([]) == "" and join_names(["A"]) == "A"
    assert join_names(["A", "B"]) == "A og B"
    assert join_names(["A", "B", "C"]) == "A, B og C"


def test_one_highest_is_named_with_its_value() -> None:
    values = pd.Series({"Agder": 40.0, "Rogaland": 55.5, "Vestland": 12.0})
    assert extreme(values, pct).replace("\u00a0", " ") == "Rogaland (55,5 %)"
    assert extreme(values, pct, highest=False).replace("\u00a0", " ") == "Vestland (12,0 %)"


def test_ties_name_every_county_or_count_them() -> None:
    two = pd.Series({"Oslo": 100.0, "Agder": 100.0, "Troms": 80.0})
    assert extreme(two, pct).replace("\u00a0", " ") == "Agder og Oslo (begge 100,0 %)"
    six = pd.Series({f"Fylke {i}": 100.0 for i in range(6)} | {"Troms": 80.0})
    assert extreme(six, pct).replace("\u00a0", " ") == "6 fylker (alle 100,0 %)"


def test_values_that_read_the_same_are_tied() -> None:
    values = pd.Series({"A": 33.34, "B": 33.31, "C": 10.0})
    assert extreme(values, pct).startswith("A og B (begge")
