"""Demo size proxies per 2024 municipality: population, children and pupils."""

from __future__ import annotations

import numpy as np
import pandas as pd

from etl import demo_assumptions as A
from etl.demo_common import Reference, largest_remainder


def populations(ref: Reference, rng: np.random.Generator) -> pd.Series:
    """Population per 2024 municipality: hard-coded large ones, lognormal draws for the rest,
    scaled per county to the county totals."""
    towns = ref.municipalities
    pop = pd.Series(0.0, index=towns.index)
    low, high = A.POPULATION_BOUNDS
    draws = rng.lognormal(np.log(A.MEDIAN_POPULATION), A.POPULATION_SIGMA, size=len(towns))
    pop[:] = np.clip(draws, low, high)
    known = pop.index.isin(list(A.LARGE_MUNICIPALITIES))
    pop[known] = pop.index[known].map(A.LARGE_MUNICIPALITIES).astype(float)
    for county, total in sorted(A.COUNTY_POPULATION.items()):
        rest = (towns["fylke24"] == county) & ~known
        if rest.any():
            target = max(total - pop[(towns["fylke24"] == county) & known].sum(), rest.sum() * low)
            pop[rest] = np.clip(pop[rest] * target / pop[rest].sum(), low, high)
    return pop.round().astype(np.int64)


def spread(total: int, pop: pd.Series, rng: np.random.Generator, sd: float = 0.08) -> pd.Series:
    """`total` (children or pupils) split over municipalities ∝ population · noise."""
    weights = pop.to_numpy() * rng.lognormal(0.0, sd, size=len(pop))
    return pd.Series(largest_remainder(total, weights), index=pop.index)


def counts(total: int, weights: np.ndarray, minimum: int = 0) -> np.ndarray:
    """`total` units over municipalities ∝ weights, each at least `minimum`."""
    return minimum + largest_remainder(total - minimum * len(weights), weights)
