"""Demo sizes per 2024 municipality from SSB's population file: inhabitants and age groups."""

from __future__ import annotations

import dataclasses

import numpy as np
import pandas as pd

from etl import demo_assumptions as A
from etl.demo_common import Reference, largest_remainder
from loftet.config import REFERENCE_DIR

AGE_GROUPS = ("folkemengde", "alder_1_5", "alder_6_15", "alder_16_18")


def population_file(reference_dir=REFERENCE_DIR) -> pd.DataFrame:
    """SSB's population per 2020 municipality (1.1.2023), indexed by the 2020 number."""
    frame = pd.read_csv(
        reference_dir / A.POPULATION_FILE, sep=";", dtype={"kommunenummer_2020": str}
    )
    return frame.set_index("kommunenummer_2020")[list(AGE_GROUPS)]


def without_combined_areas(ref: Reference) -> Reference:
    """The reference without municipalities the population file counts inside another
    (Haram inside Ålesund): the demo gives them no units of their own."""
    kept = ref.municipalities.drop(index=list(A.COMBINED_AREAS))
    return dataclasses.replace(ref, municipalities=kept)


def age_groups(ref: Reference, reference_dir=REFERENCE_DIR) -> pd.DataFrame:
    """Inhabitants and age groups per 2024 municipality of `ref` (one row each)."""
    by_2020 = population_file(reference_dir)
    frame = by_2020.loc[ref.municipalities["knr20"]].set_axis(ref.municipalities.index)
    return frame.astype(np.int64)


def spread(
    total: int, weight: pd.Series, rng: np.random.Generator, sd: float = A.ENROLMENT_NOISE_SD
) -> pd.Series:
    """`total` (children or pupils) split over municipalities ∝ weight (an age group) · noise."""
    weights = weight.to_numpy(dtype=float) * rng.lognormal(0.0, sd, size=len(weight))
    return pd.Series(largest_remainder(total, weights), index=weight.index)


def counts(total: int, weights: np.ndarray, minimum: int = 0) -> np.ndarray:
    """`total` units over municipalities ∝ weights, each at least `minimum`."""
    return minimum + largest_remainder(total - minimum * len(weights), weights)
