"""Demo units (enheter): kindergartens, schools, upper secondary, PPT and other services."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from etl import demo_assumptions as A
from etl import demo_names as N
from etl.demo_common import Reference, largest_remainder, org_numbers
from etl.demo_population import counts, spread
from etl.demo_ppt import ppt_offices
from etl.formats import UNIT_TYPES

COLUMNS = [
    "navn",
    "enhetstype",
    "eiertype",
    "knr24",
    "barn",
    "ansatte",
    "eier",
    "profesjoner",
    "betjener",
]
"""Internal unit columns; `eier` is the private owner, `profesjoner` the professions a unit
can send, `betjener` the municipalities a PPT office serves (empty: a county PPT)."""

PROFESSIONS = {kind: tuple(p) for kind, p in A.PROFESSION_PROBABILITY.items()}
"""Professions each unit type can send (other services: per unit)."""


@dataclass(frozen=True)
class Units:
    """All units plus the population they were sized from."""

    frame: pd.DataFrame
    population: pd.Series
    children: pd.Series
    pupils: pd.Series


def build_units(ref: Reference, ages: pd.DataFrame, rng: np.random.Generator) -> Units:
    """Every unit, sorted by municipality, type and name, with organisation numbers.

    `ages` (see `demo_population.age_groups`) sizes each municipality: kindergarten children
    follow the 1–5-year-olds, pupils the 6–15-year-olds and upper secondary pupils the
    16–18-year-olds, scaled to the national totals in DOMAIN."""
    pop = ages["folkemengde"]
    kids = spread(A.KINDERGARTEN_CHILDREN, ages["alder_1_5"], rng)
    pupils = spread(A.SCHOOL_PUPILS, ages["alder_6_15"], rng)
    rows = (
        _kindergartens(ref, pop, kids, rng)
        + _schools(ref, pop, pupils, rng)
        + _upper_secondary(ref, pop, ages["alder_16_18"], rng)
        + ppt_offices(ref, pop, rng)
        + _other_services(ref, pop, rng)
    )
    frame = pd.DataFrame(rows, columns=COLUMNS)
    frame["type_order"] = frame["enhetstype"].map({t: i for i, t in enumerate(UNIT_TYPES)})
    frame = frame.sort_values(["knr24", "type_order", "navn"], kind="stable")
    frame = frame.drop(columns="type_order").reset_index(drop=True)
    frame.insert(0, "orgnr", org_numbers(rng, len(frame)))
    return Units(frame=frame, population=pop, children=kids, pupils=pupils)


def _sizes(total: int, factor: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """`total` children/pupils over units (each at least 1 when possible)."""
    n = len(factor)
    weights = rng.gamma(3.0, 1.0, size=n) * factor
    floor = 1 if total >= n else 0
    return floor + largest_remainder(total - floor * n, weights)


def _private_flags(
    n_per: np.ndarray, k: int, weight_per: np.ndarray, rng: np.random.Generator
) -> list[np.ndarray]:
    """Mark `k` units private; the first unit of each municipality stays public."""
    slots = [(m, i) for m, n in enumerate(n_per) for i in range(1, n)]
    w = np.array([weight_per[m] for m, _ in slots], dtype=float)
    chosen = rng.choice(len(slots), size=min(k, len(slots)), replace=False, p=w / w.sum())
    flags = [np.zeros(n, dtype=bool) for n in n_per]
    for s in chosen:
        m, i = slots[s]
        flags[m][i] = True
    return flags


def _staff(size: np.ndarray, kind: str, rng: np.random.Generator) -> np.ndarray:
    """Plausible head count from the number of children or pupils."""
    noise = rng.uniform(0.85, 1.15, size=len(size))
    return np.maximum(2, np.round(size / A.STAFF_RATIO[kind] * noise + 2)).astype(int)


def _kindergarten_owner(name: str, rng: np.random.Generator) -> str:
    if rng.random() < A.PRIVATE_CHAIN_SHARE:
        return N.CHAINS[int(rng.integers(len(N.CHAINS)))]
    return f"{name} {'SA' if rng.random() < 0.4 else 'AS'}"


def _kindergartens(
    ref: Reference, pop: pd.Series, kids: pd.Series, rng: np.random.Generator
) -> list[tuple]:
    n_per = counts(A.KINDERGARTENS, kids.to_numpy() ** A.SIZE_EXPONENT["barnehage"], 1)
    flags = _private_flags(n_per, A.KINDERGARTEN_PRIVATE, pop.to_numpy() ** 0.3, rng)
    rows = []
    for knr, n, private, total in zip(pop.index, n_per, flags, kids, strict=True):
        names = N.unique_names(N.KINDERGARTEN_STEMS, N.KINDERGARTEN_KINDS, n, rng)
        factor = np.where(private, A.PRIVATE_SIZE_FACTOR["barnehage"], 1.0)
        size = _sizes(int(total), factor, rng)
        staff = _staff(size, "barnehage", rng)
        for i in range(n):
            owner = _kindergarten_owner(names[i], rng) if private[i] else ""
            rows.append(
                (
                    names[i],
                    "barnehage",
                    "privat" if private[i] else "kommunal",
                    knr,
                    int(size[i]),
                    int(staff[i]),
                    owner,
                    PROFESSIONS["barnehage"],
                    (),
                )
            )
    return rows


def _schools(
    ref: Reference, pop: pd.Series, pupils: pd.Series, rng: np.random.Generator
) -> list[tuple]:
    n_per = counts(A.SCHOOLS, pupils.to_numpy() ** A.SIZE_EXPONENT["grunnskole"], 1)
    k = round(A.SCHOOLS * A.SCHOOL_PRIVATE_SHARE)
    flags = _private_flags(n_per, k, pop.to_numpy() ** 0.5, rng)
    rows = []
    for knr, n, private, total in zip(pop.index, n_per, flags, pupils, strict=True):
        town = ref.municipalities.at[knr, "navn24"]
        public = N.unique_names(N.PLACE_STEMS, N.SCHOOL_KINDS, n, rng)
        own = iter(N.patterned_names(N.PRIVATE_SCHOOL_PATTERNS, town, int(private.sum())))
        names = [next(own) if p else public[i] for i, p in enumerate(private)]
        factor = np.where(private, A.PRIVATE_SIZE_FACTOR["grunnskole"], 1.0)
        size = _sizes(int(total), factor, rng)
        staff = _staff(size, "grunnskole", rng)
        for i in range(n):
            owner = f"Stiftelsen {names[i]}" if private[i] else ""
            rows.append(
                (
                    names[i],
                    "grunnskole",
                    "privat" if private[i] else "kommunal",
                    knr,
                    int(size[i]),
                    int(staff[i]),
                    owner,
                    PROFESSIONS["grunnskole"],
                    (),
                )
            )
    return rows


def _upper_secondary(
    ref: Reference, pop: pd.Series, youth: pd.Series, rng: np.random.Generator
) -> list[tuple]:
    n_per = counts(A.UPPER_SECONDARY, pop.to_numpy() ** A.SIZE_EXPONENT["vgs"])
    has = n_per > 0
    k = round(A.UPPER_SECONDARY * A.UPPER_SECONDARY_PRIVATE_SHARE)
    flags = _private_flags(n_per[has], k, pop.to_numpy()[has] ** 0.5, rng)
    units = [
        (knr, i, f[i])
        for knr, n, f in zip(pop.index[has], n_per[has], flags, strict=True)
        for i in range(n)
    ]
    weights = np.array([youth[knr] / n_per[pop.index.get_loc(knr)] for knr, _, _ in units])
    factor = np.array([A.PRIVATE_SIZE_FACTOR["vgs"] if p else 1.0 for _, _, p in units])
    size = _sizes(A.UPPER_SECONDARY_PUPILS, weights * factor, rng)
    staff = _staff(size, "vgs", rng)
    rows = []
    for j, (knr, i, private) in enumerate(units):
        town = ref.municipalities.at[knr, "navn24"]
        if private:
            name = N.patterned_names(N.PRIVATE_UPPER_PATTERNS, town, i + 1)[i]
        else:
            name = (
                f"{town} videregående skole"
                if i == 0
                else f"{N.PLACE_STEMS[(i * 7) % len(N.PLACE_STEMS)]} videregående skole"
            )
        rows.append(
            (
                name,
                "vgs",
                "privat" if private else "fylkeskommunal",
                knr,
                int(size[j]),
                int(staff[j]),
                f"{name} AS" if private else "",
                PROFESSIONS["vgs"],
                (),
            )
        )
    return rows


def _other_services(ref: Reference, pop: pd.Series, rng: np.random.Generator) -> list[tuple]:
    n_per = counts(A.OTHER_SERVICES, pop.to_numpy() ** A.SIZE_EXPONENT["annen"])
    rows = []
    for knr, n in zip(pop.index, n_per, strict=True):
        if n == 0:
            continue
        town = ref.municipalities.at[knr, "navn24"]
        start = int(rng.integers(len(N.OTHER_SERVICE_PATTERNS)))
        kinds = [(start + i) % len(N.OTHER_SERVICE_PATTERNS) for i in range(n)]
        names = N.patterned_names(
            N.OTHER_SERVICE_PATTERNS[start:] + N.OTHER_SERVICE_PATTERNS[:start], town, n
        )
        staff = pop[knr] / A.OTHER_INHABITANTS_PER_EMPLOYEE / n
        for name, kind in zip(names, kinds, strict=True):
            rows.append(
                (
                    name,
                    "annen",
                    "kommunal",
                    knr,
                    0,
                    max(2, round(staff * rng.uniform(0.6, 1.4))),
                    "",
                    N.OTHER_SERVICE_PROFESSIONS[kind],
                    (),
                )
            )
    return rows
