"""Need against reach: each municipality's indicator value against how far the programme has
reached it, in four quadrants split at the national level and the median reach."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pandas as pd

from loftet.filters import Filters
from loftet.queries.coverage import coverage_by_municipality
from loftet.queries.quality import QUADRANTS, indicator_by_municipality, national_level, percentile

REACH_MEASURES = ("deltakere_per_1000", "kr_per_barn")
"""Columns of `coverage_by_municipality` that can serve as reach."""


def classify_quadrants(
    frame: pd.DataFrame,
    need_threshold: float,
    reach_threshold: float,
    high_is_need: bool = True,
    *,
    value: str = "verdi",
    reach: str = "rekkevidde",
) -> pd.DataFrame:
    """Place each municipality in a need × reach quadrant (pure function).

    High need: the value is above `need_threshold` (below it when `high_is_need` is False, as
    for PPT_FRIST). Low reach: reach at or below `reach_threshold` (so with a median of 0 every
    municipality that is not reached counts as little reached). Rows missing either number get
    `kvadrant` None.

    Returns:
        A copy of `frame` with columns hoyt_behov, lite_naadd (nullable booleans) and kvadrant.
    """
    result = frame.copy()
    known = result[value].notna() & result[reach].notna()
    high = result[value] > need_threshold if high_is_need else result[value] < need_threshold
    low = result[reach] <= reach_threshold
    result["hoyt_behov"] = high.astype("boolean").where(known)
    result["lite_naadd"] = low.astype("boolean").where(known)
    result["kvadrant"] = [
        QUADRANTS[(bool(h), bool(r))] if k else None
        for h, r, k in zip(high, low, known, strict=True)
    ]
    return result


def need_and_reach(
    filters: Filters, indicator: str, year: int, reach: str, high_is_need: bool = True
) -> pd.DataFrame:
    """Indicator value against reach per municipality, with quadrants split at the national
    indicator level and the national median reach (both whole-country, also when a county is
    chosen; the rows are then that county's).

    Columns: kommunenummer, kommune, fylke, verdi, skjermet, rekkevidde, barn_elever,
    behov_grense, rekkevidde_grense, hoyt_behov, lite_naadd, kvadrant.
    """
    if reach not in REACH_MEASURES:
        raise ValueError(f"unknown reach measure {reach!r}")
    nation = replace(filters, fylke=None)
    values = indicator_by_municipality(nation, indicator, year)
    coverage = coverage_by_municipality(nation, year)[["kommunenummer", "barn_elever", reach]]
    frame = values.merge(
        coverage.rename(columns={reach: "rekkevidde"}), on="kommunenummer", how="left"
    )
    level = national_level(indicator, year)
    median_reach = percentile(frame.rekkevidde, 0.5)
    need_threshold = level if level is not None else np.nan
    frame = classify_quadrants(frame, need_threshold, median_reach, high_is_need)
    frame["behov_grense"] = need_threshold
    frame["rekkevidde_grense"] = median_reach
    if filters.fylke:
        frame = frame[frame.fylke == filters.fylke]
    return frame[
        [
            "kommunenummer",
            "kommune",
            "fylke",
            "verdi",
            "skjermet",
            "rekkevidde",
            "barn_elever",
            "behov_grense",
            "rekkevidde_grense",
            "hoyt_behov",
            "lite_naadd",
            "kvadrant",
        ]
    ].reset_index(drop=True)
