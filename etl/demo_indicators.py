"""Demo quality indicators (kvalitetsindikatorer) per municipality, year and indicator."""

from __future__ import annotations

import numpy as np
import pandas as pd

from etl import demo_assumptions as A
from etl.demo_common import Reference, uses_2020_numbers
from etl.demo_units import Units

BASE_YEAR = 2022
"""The year the indicator means refer to (DOMAIN figures are mostly from 2022)."""


def indicator_rows(ref: Reference, units: Units, rng: np.random.Generator) -> list[list[object]]:
    """Rows of kvalitetsindikatorer: år, kommunenummer, indikator, verdi, teller, nevner, kilde.

    Counts are drawn per 2024 municipality; years in the 2020 structure sum them per 2020
    number (Ålesund and Haram as 1507).
    """
    towns = ref.municipalities
    weights = {
        "SPESUND": units.pupils,
        "SPESPED_BHG": units.children,
        "ASSTIMER": units.pupils,
        "UKVAL": units.pupils,
        "PPT_FRIST": units.pupils + units.children,
    }
    levels = {
        code: _levels(ref, units.population, code, rng, weights[code]) for code in ref.indicators
    }
    rows: list[list[object]] = []
    for year in A.YEARS:
        counts = _counts(units, levels, year, rng)
        if uses_2020_numbers(year):
            counts = counts.groupby(towns["knr20"].rename("knr")).sum()
        for knr, values in counts.sort_index().iterrows():
            rows += _rows(ref, year, str(knr), values)
    return rows


def _levels(
    ref: Reference, pop: pd.Series, code: str, rng: np.random.Generator, weights: pd.Series
) -> pd.Series:
    """A municipality's persistent level on the logit scale, without the year trend, shifted
    so that the weighted national mean is the model's mean."""
    model = A.INDICATOR_MODEL[code]
    towns = ref.municipalities
    if code == "SPESUND":
        mean = towns["fylke20"].map(A.SPESUND_COUNTY_MEAN) / 100
    else:
        mean = pd.Series(model["mean"] / 100, index=towns.index)
    counties = sorted(towns["fylke20"].unique())
    effect = dict(zip(counties, rng.normal(0, A.INDICATOR_COUNTY_SD, len(counties)), strict=True))
    county = 0 if code == "SPESUND" else towns["fylke20"].map(effect)
    size = pop[towns.index].to_numpy(dtype=float)
    shift = A.SMALL_MUNICIPALITY_SHIFT.get(code, 0.0) * np.maximum(
        0, np.log2(A.SMALL_SHIFT_BELOW / size)
    )
    own = rng.normal(0, 1, len(towns)) * _spread(size, model)
    level = _logit(mean) + county + shift + own
    return level + _offset(level.to_numpy(), weights[towns.index].to_numpy(), model["mean"] / 100)


def _spread(size: np.ndarray, model: dict[str, float]) -> np.ndarray:
    """Logit sd per municipality: widest for the smallest, shrinking further for the largest
    (which average over many schools)."""
    large, small = A.SPREAD_POPULATION
    smallness = np.clip(np.log(large / size) / np.log(large / small), 0, 1)
    sd = model["sd_large"] + (model["sd_small"] - model["sd_large"]) * smallness
    return sd * np.minimum(1, np.sqrt(large / size))


def _offset(level: np.ndarray, weights: np.ndarray, target: float) -> float:
    """The logit shift that makes the weighted mean probability equal `target` (bisection)."""
    low, high = -4.0, 4.0
    for _ in range(50):
        mid = (low + high) / 2
        mean = np.average(1 / (1 + np.exp(-(level + mid))), weights=weights)
        low, high = (mid, high) if mean < target else (low, mid)
    return (low + high) / 2


def _counts(
    units: Units, levels: dict[str, pd.Series], year: int, rng: np.random.Generator
) -> pd.DataFrame:
    """Teller and nevner per 2024 municipality (columns `<code>_t`, `<code>_n`)."""
    factor = (1 + A.ENROLMENT_TREND) ** (year - BASE_YEAR)
    pupils = np.round(units.pupils.to_numpy() * factor * rng.uniform(0.98, 1.02, len(units.pupils)))
    kids = np.round(units.children.to_numpy() * factor * rng.uniform(0.97, 1.03, len(pupils)))
    out = pd.DataFrame(index=units.pupils.index)
    nevner = {
        "SPESUND": pupils,
        "SPESPED_BHG": kids,
        "UKVAL": np.round(pupils * A.TEACHERS_PER_PUPIL) * A.TEACHING_HOURS_PER_TEACHER,
        "PPT_FRIST": np.round((pupils + kids) * A.ASSESSMENTS_PER_CHILD),
    }
    order = ["SPESUND"] + [c for c in levels if c != "SPESUND"]
    for code in order:
        if code == "ASSTIMER":
            nevner[code] = out["SPESUND_t"].to_numpy() * A.SPECIAL_HOURS_PER_PUPIL
        out[f"{code}_n"] = nevner[code].astype(np.int64)
        rate = _rate(levels[code], code, year, rng)
        out[f"{code}_t"] = np.rint(out[f"{code}_n"].to_numpy() * rate).astype(np.int64)
    return out


def _rate(level: pd.Series, code: str, year: int, rng: np.random.Generator) -> np.ndarray:
    """The year's probability: level + trend + noise, within the indicator's bounds."""
    model = A.INDICATOR_MODEL[code]
    trend = (
        _logit(np.array([(model["mean"] + model["trend"] * (year - BASE_YEAR)) / 100]))[0]
        - _logit(np.array([model["mean"] / 100]))[0]
    )
    value = level.to_numpy() + trend + rng.normal(0, A.YEARLY_NOISE_SD, len(level))
    return np.clip(1 / (1 + np.exp(-value)), model["low"] / 100, model["high"] / 100)


def _rows(ref: Reference, year: int, knr: str, values: pd.Series) -> list[list[object]]:
    rows = []
    hidden_special = values["SPESUND_t"] < A.SUPPRESS_BELOW
    for code in ref.indicators:
        teller, nevner = int(values[f"{code}_t"]), int(values[f"{code}_n"])
        hidden = teller < A.SUPPRESS_BELOW or nevner == 0 or (code == "ASSTIMER" and hidden_special)
        verdi = "" if hidden else f"{round(100 * teller / nevner, 1):.1f}".replace(".", ",")
        rows.append(
            [year, knr, code, verdi, None if hidden else teller, nevner, A.INDICATOR_SOURCE]
        )
    return rows


def _logit(p):
    return np.log(p / (1 - p))
