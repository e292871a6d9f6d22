"""Sentence parts shared by chart summaries and slides: lists of names in Norwegian and the
highest or lowest values with ties named, never one name picked among equals."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd

MAX_NAMED = 3
"""More tied names than this are counted, not listed."""


def join_names(names: list[str]) -> str:
    """`A`, `A og B`, `A, B og C`."""
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} og {names[-1]}"


def extreme(
    values: pd.Series, fmt: Callable[[float], str], *, highest: bool = True, noun: str = "fylker"
) -> str:
    """The name(s) with the highest (or lowest) value and the value, e.g. `Agder (12,3 %)`,
    `Agder og Rogaland (begge 100,0 %)` or `6 fylker (alle 100,0 %)`.

    `values` is indexed by name. Values that read the same once formatted count as tied, since
    that is what the reader sees.
    """
    values = values.dropna()
    if values.empty:
        return ""
    target = fmt(values.max() if highest else values.min())
    tied = sorted(str(name) for name, v in values.items() if fmt(v) == target)
    if len(tied) == 1:
        return f"{tied[0]} ({target})"
    if len(tied) == 2:
        return f"{join_names(tied)} (begge {target})"
    if len(tied) <= MAX_NAMED:
        return f"{join_names(tied)} (alle {target})"
    return f"{len(tied)} {noun} (alle {target})"
