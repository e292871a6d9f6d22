"""Shared helpers for the demo generator: reference data, rounding, numbering rules."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from etl.demo_assumptions import LAST_YEAR_2020_STRUCTURE
from loftet.config import REFERENCE_DIR

Row = list[Any]
"""One row of a generated input file, in the order of its format's headers."""

ORGNR_WEIGHTS = np.array([3, 2, 7, 6, 5, 4, 3, 2])


@dataclass(frozen=True)
class Reference:
    """Reference tables the generator needs."""

    municipalities: pd.DataFrame
    """One row per 2024 municipality, indexed by `knr24`: knr20, navn20, fylke20, navn24,
    fylke24, sf (Statsforvalter code)."""
    county_names: dict[tuple[int, str], str]
    """(structure year, county number) → county name."""
    area_names: dict[str, str]
    professions: list[str]
    indicators: list[str]


def load_reference(reference_dir: Path = REFERENCE_DIR) -> Reference:
    """Read the reference CSVs (all as strings)."""

    def read(name: str) -> pd.DataFrame:
        return pd.read_csv(reference_dir / name, dtype=str, keep_default_na=False)

    kommuner = read("kommuner.csv")
    fylker = read("fylker.csv")
    sf_of = dict(zip(fylker["fylkesnummer"], fylker["statsforvalter"], strict=True))
    municipalities = pd.DataFrame(
        {
            "knr20": kommuner["kommunenummer_2020"].str.zfill(4).to_numpy(),
            "navn20": kommuner["kommunenavn_2020"].to_numpy(),
            "fylke20": kommuner["fylkesnummer_2020"].str.zfill(2).to_numpy(),
            "navn24": kommuner["kommunenavn_2024"].to_numpy(),
            "fylke24": kommuner["fylkesnummer_2024"].str.zfill(2).to_numpy(),
        },
        index=pd.Index(kommuner["kommunenummer_2024"].str.zfill(4), name="knr24"),
    )
    municipalities["sf"] = municipalities["fylke24"].map(sf_of)
    county_names = {
        (int(s), f): n
        for s, f, n in zip(fylker["struktur"], fylker["fylkesnummer"], fylker["navn"], strict=True)
    }
    return Reference(
        municipalities=municipalities.sort_index(),
        county_names=county_names,
        area_names=dict(read("kompetanseomrader.csv")[["kode", "navn"]].values.tolist()),
        professions=read("profesjoner.csv")["kode"].tolist(),
        indicators=read("indikatorer.csv")["kode"].tolist(),
    )


def largest_remainder(total: int, weights: np.ndarray, unit: int = 1) -> np.ndarray:
    """Split `total` in proportion to `weights` into multiples of `unit` that sum exactly.

    What does not divide into `unit` goes to the largest share.
    """
    weights = np.asarray(weights, dtype=float)
    units, rest = divmod(int(total), unit)
    exact = weights / weights.sum() * units
    whole = np.floor(exact).astype(np.int64)
    short = units - int(whole.sum())
    order = np.lexsort((np.arange(len(exact)), -(exact - whole)))
    whole[order[:short]] += 1
    result = whole * unit
    result[int(np.argmax(weights))] += rest
    return result


def org_numbers(rng: np.random.Generator, count: int) -> list[str]:
    """Unique fake organisation numbers: 9 digits, starting with 9, valid MOD11 check digit."""
    found: list[str] = []
    seen: set[str] = set()
    while len(found) < count:
        bases = rng.integers(90_000_000, 100_000_000, size=2 * (count - len(found)) + 10)
        for base in bases:
            digits = np.array([int(c) for c in str(base)])
            check = 11 - int(digits @ ORGNR_WEIGHTS) % 11
            if check == 10:
                continue
            number = f"{base}{0 if check == 11 else check}"
            if number not in seen:
                seen.add(number)
                found.append(number)
                if len(found) == count:
                    break
    return found


def uses_2020_numbers(year: int) -> bool:
    """Rows of this year carry 2020 municipality numbers and names."""
    return year <= LAST_YEAR_2020_STRUCTURE


def number_in_year(ref: Reference, knr24: str, year: int) -> str:
    """The municipality number valid in `year` for a 2024 municipality."""
    return ref.municipalities.at[knr24, "knr20"] if uses_2020_numbers(year) else knr24


def name_in_year(ref: Reference, knr24: str, year: int) -> str:
    """The municipality name valid in `year` (Haram is part of Ålesund until 2023)."""
    column = "navn20" if uses_2020_numbers(year) else "navn24"
    return ref.municipalities.at[knr24, column]


def county_authority(ref: Reference, knr24: str, year: int) -> str:
    """The county authority owning upper secondary schools in the municipality in `year`."""
    if knr24 == "0301":
        return "Oslo kommune"
    structure = 2020 if uses_2020_numbers(year) else 2024
    county = ref.municipalities.at[knr24, "fylke20" if structure == 2020 else "fylke24"]
    return f"{ref.county_names[(structure, county)]} fylkeskommune"


def weighted_choice(rng: np.random.Generator, options: dict[str, float]) -> str:
    """One key of `options`, drawn with the values as weights."""
    keys = list(options)
    weights = np.array([options[k] for k in keys], dtype=float)
    return keys[int(rng.choice(len(keys), p=weights / weights.sum()))]
