"""Demo PPT offices: small municipalities share an office hosted by a neighbour."""

from __future__ import annotations

import numpy as np
import pandas as pd

from etl import demo_assumptions as A
from etl.demo_common import Reference
from etl.demo_names import DISTRICTS

PPT_PROFESSIONS = ("PPT", "LEDER")


def service_areas(ref: Reference, pop: pd.Series, target: int) -> list[list[str]]:
    """Group municipalities into `target` PPT areas by merging the smallest area with its
    smaller neighbour (by number) in the same 2024 county."""
    counties = ref.municipalities.groupby("fylke24").groups
    areas = {c: [[k] for k in sorted(idx)] for c, idx in sorted(counties.items())}
    size = pop.to_dict()
    total = sum(len(a) for a in areas.values())
    while total > target:
        county, i = min(
            ((c, i) for c, lst in areas.items() if len(lst) > 1 for i in range(len(lst))),
            key=lambda ci: (_area_pop(areas[ci[0]][ci[1]], size), ci),
        )
        lst = areas[county]
        neighbours = [j for j in (i - 1, i + 1) if 0 <= j < len(lst)]
        j = min(neighbours, key=lambda n: (_area_pop(lst[n], size), n))
        lo, hi = sorted((i, j))
        lst[lo : hi + 1] = [lst[lo] + lst[hi]]
        total -= 1
    return [sorted(a) for c in sorted(areas) for a in areas[c]]


def _area_pop(area: list[str], size: dict[str, int]) -> int:
    return sum(size[k] for k in area)


def ppt_offices(ref: Reference, pop: pd.Series, rng: np.random.Generator) -> list[tuple]:
    """Unit rows (see demo_units.COLUMNS) for municipal and county PPT offices."""
    extra = (pop // A.PPT_EXTRA_OFFICE_PER).astype(int)
    counties = sorted(ref.municipalities["fylke24"].unique())
    target = A.PPT_OFFICES - len(counties) - int(extra.sum())
    rows = []
    for area in service_areas(ref, pop, target):
        host = max(area, key=lambda k: (pop[k], k))
        rows += _municipal_offices(ref, pop, area, host, 1 + int(extra[host]), rng)
    for county in counties:
        rows.append(_county_office(ref, pop, county, rng))
    return rows


def _municipal_offices(
    ref: Reference,
    pop: pd.Series,
    area: list[str],
    host: str,
    offices: int,
    rng: np.random.Generator,
) -> list[tuple]:
    town = ref.municipalities.at[host, "navn24"]
    base = f"{town} PPT" if len(area) == 1 else f"{town} og omegn PPT"
    per_office = sum(pop[k] for k in area) / A.PPT_INHABITANTS_PER_EMPLOYEE / offices
    rows = []
    for i in range(offices):
        name = base if offices == 1 else f"{base} {DISTRICTS[i % len(DISTRICTS)]}"
        staff = max(2, round(per_office * rng.uniform(0.8, 1.2)))
        rows.append((name, "ppt", "kommunal", host, 0, staff, "", PPT_PROFESSIONS, tuple(area)))
    return rows


def _county_office(ref: Reference, pop: pd.Series, county: str, rng: np.random.Generator) -> tuple:
    towns = ref.municipalities.index[ref.municipalities["fylke24"] == county]
    host = max(towns, key=lambda k: (pop[k], k))
    if county == "03":
        name = "Oslo PPT for videregående opplæring"
    else:
        name = f"PPT for videregående opplæring, {ref.county_names[(2024, county)]} fylkeskommune"
    staff = max(
        3, round(pop[towns].sum() / A.COUNTY_PPT_INHABITANTS_PER_EMPLOYEE * rng.uniform(0.8, 1.2))
    )
    return (name, "ppt", "fylkeskommunal", host, 0, staff, "", PPT_PROFESSIONS, ())
