"""The raw values behind the key figures (KPIs) for one place and year.

A place is either an area (the nation or one county, with Oversikt's sector and owner
filters) or one municipality (the profile). Both are summed from the same rows, so a
municipality's figure, its county's and the nation's are computed alike; the KPI catalogue
(`loftet.charts.kpis`) picks, compares, formats and exports them.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import pandas as pd

from loftet.config import TARGET_YEAR
from loftet.filters import Filters
from loftet.queries.coverage import coverage_by_municipality
from loftet.queries.municipality.levels import ALL_TYPES, profile_levels
from loftet.queries.overview import granted_in_scope, units_reached_by_sector

Values = dict[str, float | None]
"""Value key → number (None where it cannot be computed, e.g. no units)."""

SUMMED = ("enheter", "enheter_naadd", "deltakere", "barn_elever", "ansatte", "ansatte_naadd")


def _ratio(part: float, whole: float, scale: float = 1.0) -> float | None:
    return scale * part / whole if whole else None


def _from_sums(
    sums: Mapping[str, float], places: int, taking_part: int, whole_team: int, money: float
) -> Values:
    """The values every place has, from its summed counts and NOK granted to municipalities
    and private owners (`money`; NaN: not per child, a sector is chosen)."""
    per_child = None if math.isnan(money) else _ratio(money, sums["barn_elever"])
    return {
        "deltar": _ratio(taking_part, places, 100),
        "helt_lag": _ratio(whole_team, places, 100),
        "deltakere": float(sums["deltakere"]),
        "deltakere_per_1000": _ratio(sums["deltakere"], sums["barn_elever"], 1000),
        "andel_ansatte_naadd": _ratio(sums["ansatte_naadd"], sums["ansatte"], 100),
        "andel_naadd": _ratio(sums["enheter_naadd"], sums["enheter"], 100),
        "enheter": float(sums["enheter"]),
        "enheter_naadd": float(sums["enheter_naadd"]),
        "kr_per_barn": per_child,
        "innvilget_kr": None if math.isnan(money) else float(money),
    }


def area_values(filters: Filters, year: int) -> Values:
    """The nation or `filters.fylke` (with its sector, owner and structure) in `year`.

    Money is not split by sector: `innvilget_kr` covers all sectors and includes grants to
    county authorities; with a sector chosen, NOK per child is None.
    """
    cov = coverage_by_municipality(filters, year)
    municipal_money = float("nan") if filters.sektor else float(cov.innvilget_kr.sum())
    values = _from_sums(
        cov[list(SUMMED)].sum(),
        len(cov),
        int(cov.deltar.sum()),
        int(cov.helt_lag.sum()),
        municipal_money,
    )
    values["kommuner_deltar"] = values["deltar"]
    values["innvilget_kr"] = float(granted_in_scope(filters, year))
    values["andel_av_2025"] = _ratio(
        values["innvilget_kr"] or 0.0, granted_in_scope(filters, TARGET_YEAR), 100
    )
    sectors = units_reached_by_sector(filters, year)
    for row in sectors.itertuples():
        share = float(row.andel_naadd)
        values[f"naadd_{row.sektor}"] = None if math.isnan(share) else share
    return values


def municipality_values(kommunenummer: str, struktur: int, years: range) -> dict[int, Values]:
    """One municipality (2024 number) in each of `years`: its own units, participation and
    NOK granted to it and to private owners there (county authorities' grants belong to no
    municipality). KeyError for an unknown number."""
    levels = profile_levels(kommunenummer, struktur)
    own = levels[(levels.nivaa == "kommune") & (levels.enhetstype == ALL_TYPES)]
    by_year: dict[int, pd.Series] = {int(row.aar): row for _, row in own.iterrows()}
    result: dict[int, Values] = {}
    for year in years:
        row = by_year.get(year)
        if row is None:
            continue
        result[year] = _from_sums(
            row, 1, int(row.enheter_naadd > 0), int(bool(row.helt_lag)), float(row.innvilget_kr)
        )
    return result
