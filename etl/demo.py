"""The deterministic national demo dataset: the input files in the documented formats.

All randomness comes from one `numpy.random.default_rng(seed)` passed down in a fixed order,
so the same seed gives byte-identical CSV files (and XLSX files with identical cells). Every
assumption lives in `etl.demo_assumptions`.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from etl import formats as F
from etl.demo_allocations import allocation_rows, budget_rows
from etl.demo_common import Reference, load_reference, number_in_year
from etl.demo_indicators import indicator_rows
from etl.demo_io import write_csv, write_xlsx
from etl.demo_measures import Measure, build_measures, participating
from etl.demo_needs import needs_rows
from etl.demo_participation import participation_rows
from etl.demo_population import age_groups, without_combined_areas
from etl.demo_units import Units, build_units
from loftet.config import REFERENCE_DIR


def generate_demo_files(
    out_dir: Path, seed: int = 2020, reference_dir: Path = REFERENCE_DIR
) -> list[Path]:
    """Write bevilgning.xlsx, enheter.csv, tiltak.xlsx, tildelinger.csv, deltakelse.csv and
    kvalitetsindikatorer.csv to `out_dir`; return their paths in load order."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(seed)
    ref = without_combined_areas(load_reference(reference_dir))
    units = build_units(ref, age_groups(ref, reference_dir), rng)
    taking_part = participating(ref, units.population, rng)
    measures = build_measures(ref, units, taking_part, rng)
    allocations = allocation_rows(ref, units, measures, rng)
    participation = participation_rows(units, measures, taking_part, rng)
    indicators = indicator_rows(ref, units, rng)
    return [
        write_xlsx(out_dir / "bevilgning.xlsx", F.BEVILGNING, budget_rows()),
        write_csv(out_dir / "enheter.csv", F.ENHETER, unit_rows(units)),
        write_xlsx(out_dir / "tiltak.xlsx", F.TILTAK, measure_rows(ref, measures)),
        write_csv(
            out_dir / "tildelinger.csv", F.TILDELINGER, sorted(allocations, key=_key(0, 6, 4, 5))
        ),
        write_csv(
            out_dir / "deltakelse.csv", F.DELTAKELSE, sorted(participation, key=_key(0, 1, 2, 3))
        ),
        write_csv(out_dir / "kvalitetsindikatorer.csv", F.KVALITETSINDIKATORER, indicators),
        write_csv(out_dir / "behov.csv", F.BEHOV, needs_rows(ref, allocations, measures, seed)),
    ]


def _key(*columns: int):
    """Sort key on the given row positions."""
    return lambda row: tuple(row[c] for c in columns)


def unit_rows(units: Units) -> list[list[object]]:
    """Rows of enheter in the ENHETER header order."""
    columns = ["orgnr", "navn", "enhetstype", "eiertype", "knr24", "barn", "ansatte"]
    served = units.frame["betjener"].map(";".join)
    return [
        [*row, area] for row, area in zip(units.frame[columns].values.tolist(), served, strict=True)
    ]


def measure_rows(ref: Reference, measures: list[Measure]) -> list[list[object]]:
    """Rows of tiltak, sorted by id; the municipality number follows the start year."""
    return [
        [
            m.tiltak_id,
            m.navn,
            m.start,
            m.sf,
            number_in_year(ref, m.lead, m.start),
            m.kind,
            m.owner,
            m.uh,
            m.main_area,
            ";".join(m.areas),
            ";".join(m.professions),
        ]
        for m in sorted(measures, key=lambda m: m.tiltak_id)
    ]
