"""Demo money: the national budget (bevilgning) and its allocations (tildelinger)."""

from __future__ import annotations

import hashlib

import numpy as np
import pandas as pd

from etl import demo_assumptions as A
from etl.demo_common import (
    ORGNR_WEIGHTS,
    Reference,
    Row,
    county_authority,
    largest_remainder,
    name_in_year,
    number_in_year,
    uses_2020_numbers,
)
from etl.demo_measures import Measure
from etl.demo_units import Units

OSLO = "0301"


def budget_rows() -> list[Row]:
    """Rows of bevilgning: år, beløp_kr, kilde, merknad."""
    return [
        [year, amount, A.BUDGET_SOURCES.get(year, A.DEMO_SOURCE), A.BUDGET_NOTES.get(year, "")]
        for year, amount in A.BUDGET_KR.items()
    ]


def office_key(ref: Reference, units: Units) -> pd.Series:
    """Per Statsforvalter: children and pupils (kindergarten, primary, upper secondary) plus a
    base per municipality (KEY_BASE_PER_MUNICIPALITY)."""
    frame = units.frame
    reached = frame[frame["enhetstype"].isin(["barnehage", "grunnskole", "vgs"])]
    sf_of = ref.municipalities["sf"]
    children = reached.groupby(reached["knr24"].map(sf_of))["barn"].sum()
    return children + sf_of.value_counts().reindex(children.index) * A.KEY_BASE_PER_MUNICIPALITY


def office_budgets(key: pd.Series, year: int) -> dict[str, int]:
    """The year's budget per Statsforvalter: pinned (sourced) amounts, the rest by the key."""
    pinned = {sf: kr for (y, sf), kr in A.SF_PINNED_KR.items() if y == year}
    free = key.drop(list(pinned)).sort_index()
    total = A.BUDGET_KR[year] - sum(pinned.values())
    shares = largest_remainder(total, free.to_numpy(), A.ALLOCATION_UNIT_KR)
    return {**dict(zip(free.index, (int(s) for s in shares), strict=True)), **pinned}


def allocation_rows(
    ref: Reference, units: Units, measures: list[Measure], rng: np.random.Generator
) -> list[Row]:
    """Rows of tildelinger; per year they add up to the budget exactly."""
    key = office_key(ref, units)
    reach = _reach(units, measures)
    rows: list[Row] = []
    for year in A.GRANT_YEARS:
        for sf, budget in sorted(office_budgets(key, year).items()):
            active = [m for m in measures if m.sf == sf and year in m.years]
            weights = np.array(
                [
                    max(reach[m.tiltak_id], A.MIN_MEASURE_REACH) ** A.MEASURE_WEIGHT_EXPONENT
                    * m.weight
                    for m in active
                ]
            )
            amounts = largest_remainder(budget, weights, A.ALLOCATION_UNIT_KR)
            for measure, amount in zip(active, amounts, strict=True):
                rows += _recipient_rows(ref, units, measure, year, int(amount), rng)
    return rows


def _reach(units: Units, measures: list[Measure]) -> dict[str, float]:
    """Children and pupils a measure can reach (its size for the grant)."""
    frame = units.frame
    size = (units.children + units.pupils).to_dict()
    public = frame[(frame["enhetstype"] == "vgs") & (frame["eiertype"] == "fylkeskommunal")]
    upper = public.groupby("knr24")["barn"].sum().to_dict()
    private = frame[frame["eier"] != ""].groupby(["eier", "knr24"])["barn"].sum().to_dict()
    result = {}
    for m in measures:
        if m.kind == "kommunal":
            result[m.tiltak_id] = float(sum(size[k] for k in m.scope))
        elif m.kind == "fylkeskommunal":
            result[m.tiltak_id] = float(sum(upper.get(k, 0) for k in m.scope))
        else:
            result[m.tiltak_id] = float(sum(private.get((m.owner, k), 0) for k in m.scope))
    return result


def _recipient_rows(
    ref: Reference, units: Units, m: Measure, year: int, amount: int, rng: np.random.Generator
) -> list[Row]:
    """One row per recipient of the measure's grant in `year` (merged by recipient id)."""
    if m.kind == "kommunal" and m.split:
        towns = list(m.scope)
        size = (units.children + units.pupils)[towns].to_numpy()
        parts = largest_remainder(amount, size, A.ALLOCATION_UNIT_KR)
    else:
        towns, parts = [m.lead], np.array([amount])
    merged: dict[tuple[str, str], Row] = {}
    for town, part in zip(towns, parts, strict=True):
        name, kind, recipient_id = _recipient(ref, m, town, year)
        if (kind, recipient_id) in merged:
            merged[kind, recipient_id][7] += int(part)
        else:
            merged[kind, recipient_id] = [
                year,
                m.sf,
                number_in_year(ref, town, year),
                name,
                kind,
                recipient_id,
                m.tiltak_id,
                int(part),
                None,
            ]
    for row in merged.values():
        row[8] = _spent(row[7], year, rng)
    return list(merged.values())


def _recipient(ref: Reference, m: Measure, town: str, year: int) -> tuple[str, str, str]:
    """(name, recipient type, recipient id) of the grant's recipient. Oslo is one legal entity,
    municipality and county authority at once, so it always receives as a municipality."""
    if m.kind == "kommunal" or (m.kind == "fylkeskommunal" and town == OSLO):
        return (
            f"{name_in_year(ref, town, year)} kommune",
            "kommune",
            number_in_year(ref, town, year),
        )
    if m.kind == "fylkeskommunal":
        column = "fylke20" if uses_2020_numbers(year) else "fylke24"
        return (
            county_authority(ref, town, year),
            "fylkeskommune",
            ref.municipalities.at[town, column],
        )
    return m.owner, "privat", owner_orgnr(m.owner)


def owner_orgnr(owner: str) -> str:
    """A stable fake organisation number for a private owner (starts with 8, so it never
    collides with the units' numbers, which start with 9; valid MOD11 check digit)."""
    base = 80_000_000 + int(hashlib.sha256(owner.encode()).hexdigest(), 16) % 10_000_000
    while True:
        digits = np.array([int(c) for c in str(base)])
        check = 11 - int(digits @ ORGNR_WEIGHTS) % 11
        if check != 10:
            return f"{base}{0 if check == 11 else check}"
        base += 1


def _spent(granted: int, year: int, rng: np.random.Generator) -> int | None:
    """Reported use, or None for years not reported yet."""
    if year > A.LAST_REPORTED_YEAR:
        return None
    low = rng.random() < A.UNDERSPEND_PROBABILITY
    share = rng.uniform(*(A.SPENT_SHARE_LOW if low else A.SPENT_SHARE_NORMAL))
    return int(round(granted * share))
