"""Demo needs reports and applications (behov), shaped like the yearly process.

Municipalities, county authorities and private owners report needs to the Statsforvalter by the
February deadline; the samarbeidsforum ranks them; the Statsforvalter decides by the end of April
(DOMAIN: Statsforvalteren's page; Nordland: applications by 1 February). Every recipient of a
demo allocation has one application per year whose granted amount is the sum of its allocations,
so granted per Statsforvalter and year equals `tildelinger` to the krone. Amounts applied for
exceed what is granted, and some applicants are turned down. All numbers below are **demo
assumptions**, not official figures.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

import numpy as np

from etl.demo_common import Reference, Row, name_in_year, number_in_year
from etl.demo_measures import Measure

DEADLINE_MONTH_DAY = (2, 28)
"""Needs are due by the end of February (demo assumption within «frist i februar»)."""
DECISION_MONTH_DAY = (4, 30)
"""Decisions are due by the end of April (Statsforvalteren's page)."""
APPLIED_OVER_GRANTED = (1.05, 1.9)
"""Applied amount ÷ granted amount, uniform (demo assumption)."""
TURNED_DOWN_SHARE = 0.18
"""Extra applications per granted one that get no money (demo assumption)."""
LATE_SHARE = 0.04
"""Share of needs reported after the deadline, and of decisions after it (demo assumption)."""
ROUND_KR = 10_000


def _date(year: int, month_day: tuple[int, int], days: int) -> str:
    return (dt.date(year, *month_day) + dt.timedelta(days=int(days))).isoformat()


def _received(year: int, rng: np.random.Generator) -> str:
    late = rng.random() < LATE_SHARE
    days = int(rng.integers(1, 20)) if late else -int(rng.integers(0, 45))
    return _date(year, DEADLINE_MONTH_DAY, days)


def _decided(year: int, rng: np.random.Generator) -> str:
    late = rng.random() < LATE_SHARE
    days = int(rng.integers(1, 25)) if late else -int(rng.integers(0, 30))
    return _date(year, DECISION_MONTH_DAY, days)


def _granted_applicants(allocations: list[Row], measures: dict[str, Measure]) -> dict[tuple, Row]:
    """(year, sf, type, id) → [name, granted kr, areas, professions]."""
    applicants: dict[tuple, Row] = {}
    for year, sf, _knr, name, kind, recipient, measure_id, granted, _used in allocations:
        entry = applicants.setdefault((year, sf, kind, str(recipient)), [name, 0, set(), set()])
        entry[1] += int(granted)
        measure = measures[measure_id]
        entry[2].update(measure.areas or [measure.main_area])
        entry[3].update(measure.professions)
    return applicants


def needs_rows(
    ref: Reference, allocations: list[Row], measures: list[Measure], seed: int
) -> list[Row]:
    """Rows of behov in the BEHOV header order, sorted by id."""
    rng = np.random.default_rng([seed, 2])
    granted = _granted_applicants(allocations, {m.tiltak_id: m for m in measures})
    per_office: dict[tuple[int, str], list] = defaultdict(list)
    for (year, sf, kind, recipient), (name, kr, areas, professions) in sorted(granted.items()):
        factor = rng.uniform(*APPLIED_OVER_GRANTED)
        applied = int(np.ceil(kr * factor / ROUND_KR) * ROUND_KR)
        per_office[(year, sf)].append(
            [kind, recipient, name, sorted(areas), sorted(professions), applied, kr]
        )
    all_areas = sorted(ref.area_names)
    rows: list[Row] = []
    for (year, sf), applications in sorted(per_office.items()):
        applications.sort(key=lambda a: -a[6])
        taken = {a[1] for a in applications if a[0] == "kommune"}
        for rank, (kind, recipient, name, areas, professions, applied, kr) in enumerate(
            applications, start=1
        ):
            decision = "innvilget" if kr * 1.02 >= applied else "delvis"
            rows.append(
                [
                    year,
                    sf,
                    kind,
                    recipient,
                    name,
                    areas,
                    professions,
                    applied,
                    _received(year, rng),
                    rank,
                    decision,
                    _decided(year, rng),
                    kr,
                ]
            )
        rows += _turned_down(ref, year, sf, taken, len(applications), all_areas, rng)
    counters: dict[tuple[int, str], int] = defaultdict(int)
    out = []
    for row in sorted(rows, key=lambda r: (r[0], r[1], r[8], str(r[3]))):
        year, sf = row[0], row[1]
        counters[(year, sf)] += 1
        (
            kind,
            recipient,
            name,
            areas,
            professions,
            applied,
            received,
            rank,
            decision,
            decided,
            kr,
        ) = row[2:]
        out.append(
            [
                year,
                f"{sf}-{year}-B{counters[(year, sf)]:03d}",
                sf,
                kind,
                recipient,
                name,
                ";".join(areas),
                ";".join(professions),
                applied,
                received,
                "" if rank is None else rank,
                decision,
                decided,
                "" if kr is None else kr,
            ]
        )
    return out


def _turned_down(
    ref: Reference,
    year: int,
    sf: str,
    taken: set[str],
    granted_count: int,
    all_areas: list[str],
    rng: np.random.Generator,
) -> list[Row]:
    """Municipalities of the office without a grant that year that applied and were refused."""
    towns = ref.municipalities[ref.municipalities["sf"] == sf].index
    candidates = sorted(t for t in towns if number_in_year(ref, t, year) not in taken)
    count = min(len(candidates), int(round(granted_count * TURNED_DOWN_SHARE)))
    rows: list[Row] = []
    for knr24 in rng.choice(candidates, size=count, replace=False) if count else []:
        areas = sorted(rng.choice(all_areas, size=int(rng.integers(1, 3)), replace=False))
        applied = int(rng.integers(20, 150)) * ROUND_KR
        rows.append(
            [
                year,
                sf,
                "kommune",
                number_in_year(ref, str(knr24), year),
                name_in_year(ref, str(knr24), year),
                areas,
                ["LAERER", "PPT"],
                applied,
                _received(year, rng),
                None,
                "avslått",
                _decided(year, rng),
                0,
            ]
        )
    return rows
