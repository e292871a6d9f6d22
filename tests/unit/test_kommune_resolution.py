"""Kommuneprofil: which municipality an address means (pure functions, no database)."""

from __future__ import annotations

import pandas as pd
import pytest

from loftet.queries.municipality import resolve_number, suggestions

TABLE = pd.DataFrame(
    [
        ("0301", "Oslo", "0301", "Oslo"),
        ("1508", "Ålesund", "1507", "Ålesund"),
        ("1580", "Haram", "1507", "Ålesund"),
        ("3201", "Bærum", "3024", "Bærum"),
        ("4601", "Bergen", "4601", "Bergen"),
        ("4627", "Askøy", "4627", "Askøy"),
        ("5501", "Tromsø", "5401", "Tromsø"),
    ],
    columns=["kommunenummer", "navn", "kommunenummer_2020", "navn_2020"],
)


def test_2024_number_is_used_as_is_without_note() -> None:
    result = resolve_number("4601", TABLE)
    assert (result.kommunenummer, result.note, result.found) == ("4601", None, True)


def test_2020_number_points_to_its_2024_number_with_a_note() -> None:
    result = resolve_number("3024", TABLE)
    assert result.kommunenummer == "3201" and result.note is not None
    assert result.note.startswith("Kommunenummer 3024 gjaldt til 2023.")
    assert "3201" in result.note and result.successors == (("3201", "Bærum"),)


def test_split_municipality_goes_to_lowest_successor_and_names_both() -> None:
    result = resolve_number("1507", TABLE)
    assert result.kommunenummer == "1508"
    assert result.successors == (("1508", "Ålesund"), ("1580", "Haram"))
    assert result.note is not None and "1508 Ålesund og 1580 Haram" in result.note


def test_haram_new_in_2024_is_a_2024_number() -> None:
    assert resolve_number("1580", TABLE).kommunenummer == "1580"


def test_three_digit_number_gets_its_leading_zero_and_spaces_are_ignored() -> None:
    assert resolve_number("301", TABLE).kommunenummer == "0301"
    assert resolve_number(" 4601 ", TABLE).kommunenummer == "4601"


@pytest.mark.parametrize(
    "raw", ["9999", "abc", "", None, "46010", "46a1", "٤٦٠١", "../4601", "4601/x"]
)
def test_garbage_and_unknown_numbers_are_not_found(raw) -> None:
    result = resolve_number(raw, TABLE)
    assert not result.found and result.kommunenummer is None and result.note is None


def test_suggestions_by_name_and_by_number_prefix() -> None:
    assert suggestions("berg", TABLE) == [("4601", "Bergen")]
    assert suggestions("ØY", TABLE) == [("4627", "Askøy")]
    assert suggestions("46", TABLE) == [("4601", "Bergen"), ("4627", "Askøy")]
    assert suggestions("abc", TABLE) == []
    assert suggestions("a", TABLE) == []
    assert suggestions("ål", TABLE) == [("1508", "Ålesund")]


def test_suggestions_put_names_starting_with_the_text_first() -> None:
    table = pd.DataFrame(
        {"kommunenummer": ["1101", "1108", "1111"], "navn": ["Oppsand", "Sandnes", "Sand"]}
    )
    assert suggestions("sand", table) == [
        ("1111", "Sand"),
        ("1108", "Sandnes"),
        ("1101", "Oppsand"),
    ]
    assert suggestions("sand", table, limit=1) == [("1111", "Sand")]
