"""Descriptive fields of a demo measure: owner, partner, areas, target groups, name."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from etl import demo_assumptions as A
from etl import demo_names as N
from etl.demo_common import Reference, county_authority, name_in_year, weighted_choice

if TYPE_CHECKING:
    from etl.demo_measures import Measure

TARGET_GROUPS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    # focus → (always included, optional); the first always-code is the main profession
    "bhg": (("BHGLAERER",), ("ASSISTENT", "LEDER", "SPESPED", "PPT")),
    "skole": (("LAERER",), ("ASSISTENT", "LEDER", "SPESPED", "RADGIVER", "PPT")),
    "bhg_skole": (("BHGLAERER", "LAERER"), ("ASSISTENT", "LEDER", "SPESPED", "RADGIVER")),
    "hele_laget": (
        ("BHGLAERER", "LAERER", "PPT"),
        ("ASSISTENT", "LEDER", "SPESPED", "HELSE", "BARNEVERN", "BUP"),
    ),
    "vgs": (("LAERER",), ("RADGIVER", "SPESPED", "PPT", "LEDER", "ASSISTENT")),
}


def describe(ref: Reference, measure: Measure, rng: np.random.Generator) -> None:
    """Fill owner, partner, areas, target groups, name and sizing of `measure`."""
    if measure.kind == "kommunal":
        measure.owner = f"{name_in_year(ref, measure.lead, measure.start)} kommune"
    elif measure.kind == "fylkeskommunal":
        measure.owner = county_authority(ref, measure.lead, measure.start)
    measure.uh = weighted_choice(rng, A.UH_PARTNERS[measure.sf])
    measure.areas = _areas(rng)
    measure.main_area = measure.areas[0]
    measure.professions = _target_groups(ref, measure.focus, measure.kind == "privat", rng)
    measure.navn = _name(ref, measure, rng)
    measure.unit_share = float(rng.uniform(*A.UNIT_SHARE_RANGE))
    measure.unit_cap = max(2, round(rng.lognormal(np.log(A.UNITS_PER_MEASURE_MEDIAN), 0.5)))
    factor = A.PRIVATE_MEASURE_WEIGHT if measure.kind == "privat" else 1.0
    measure.weight = factor * float(rng.lognormal(0.0, A.MEASURE_WEIGHT_SD))


def _areas(rng: np.random.Generator) -> tuple[str, ...]:
    """Main area first, then up to two more, drawn by AREA_WEIGHTS."""
    codes = list(A.AREA_WEIGHTS)
    weights = np.array([A.AREA_WEIGHTS[c] for c in codes], dtype=float)
    count = int(rng.integers(1, 4))
    picked = rng.choice(len(codes), size=count, replace=False, p=weights / weights.sum())
    return tuple(codes[i] for i in picked)


def _target_groups(
    ref: Reference, focus: str, private: bool, rng: np.random.Generator
) -> tuple[str, ...]:
    """2–5 profession codes for the focus, in the reference order (private owners have no
    PPT of their own)."""
    always, optional = TARGET_GROUPS[focus]
    optional = tuple(c for c in optional if not (private and c == "PPT"))
    low = max(0, 3 - len(always))
    extra = int(rng.integers(low, min(5 - len(always), len(optional)) + 1))
    chosen = set(always) | {
        optional[i] for i in rng.choice(len(optional), size=extra, replace=False)
    }
    return tuple(code for code in ref.professions if code in chosen)


def _name(ref: Reference, measure: Measure, rng: np.random.Generator) -> str:
    area = ref.area_names[measure.main_area]
    town = name_in_year(ref, measure.lead, measure.start)
    if measure.kind == "kommunal" and measure.focus == "hele_laget":
        key = "hele_laget"
    elif measure.kind == "kommunal":
        key = "nettverk" if len(measure.scope) > 1 else "kommunal"
    else:
        key = measure.kind
    patterns = N.MEASURE_PATTERNS[key]
    pattern = patterns[int(rng.integers(len(patterns)))]
    return pattern.format(a=area, k=town, e=measure.owner)
