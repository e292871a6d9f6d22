"""Demo participation (deltakelse): units, professions and head counts per measure and year."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import numpy as np

from etl import demo_assumptions as A
from etl.demo_measures import Measure
from etl.demo_units import Units

OTHER_PROFESSIONS = {"HELSE", "BARNEVERN", "BUP"}
FOCUS_SECTORS = {
    "bhg": ("barnehage",),
    "skole": ("grunnskole",),
    "bhg_skole": ("barnehage", "grunnskole"),
    "hele_laget": ("barnehage", "grunnskole"),
    "vgs": ("vgs",),
}


@dataclass(frozen=True)
class UnitIndex:
    """Fast look-ups into the unit frame (by position)."""

    by_place: dict[tuple[str, str], list[int]]
    """(municipality, unit type) → units located there (PPT: municipal offices only)."""
    ppt_for: dict[str, list[int]]
    """municipality → municipal PPT offices serving it."""
    county_ppt: dict[str, int]
    by_owner: dict[str, list[int]]
    town: np.ndarray
    private: np.ndarray
    size: np.ndarray
    kind: np.ndarray
    staff: np.ndarray
    professions: np.ndarray


def index_units(units: Units) -> UnitIndex:
    """Build the look-ups once."""
    frame = units.frame
    by_place, ppt_for, by_owner = defaultdict(list), defaultdict(list), defaultdict(list)
    county_ppt = {}
    for pos, (kind, owner_type, town, owner, served) in enumerate(
        zip(
            frame["enhetstype"],
            frame["eiertype"],
            frame["knr24"],
            frame["eier"],
            frame["betjener"],
            strict=True,
        )
    ):
        if kind == "ppt" and owner_type == "fylkeskommunal":
            county_ppt[town[:2]] = pos
            continue
        by_place[(town, kind)].append(pos)
        for k in served:
            ppt_for[k].append(pos)
        if owner:
            by_owner[owner].append(pos)
    return UnitIndex(
        dict(by_place),
        dict(ppt_for),
        county_ppt,
        dict(by_owner),
        frame["knr24"].to_numpy(),
        (frame["eiertype"] == "privat").to_numpy(),
        frame["barn"].to_numpy(),
        frame["enhetstype"].to_numpy(),
        frame["ansatte"].to_numpy(),
        frame["profesjoner"].to_numpy(),
    )


def participation_rows(
    units: Units,
    measures: list[Measure],
    taking_part: dict[int, set[str]],
    rng: np.random.Generator,
) -> list[list[object]]:
    """Rows of deltakelse: år, organisasjonsnummer, tiltak_id, profesjon, antall_deltakere."""
    index = index_units(units)
    orgnr = units.frame["orgnr"].to_numpy()
    sent: dict[tuple[int, int], int] = defaultdict(int)
    """(unit position, year) → participants so far, kept within the unit's staff."""
    rows: list[list[object]] = []
    for m in measures:
        for year in m.years:
            for pos in sorted(_chosen_units(index, m, taking_part[year], rng)):
                room = int(index.staff[pos] * A.UNIT_YEAR_STAFF_CAP) - sent[pos, year]
                for code, count in _professions(index, pos, m, rng):
                    count = min(count, room)
                    if count < 1:
                        break
                    rows.append([year, orgnr[pos], m.tiltak_id, code, count])
                    sent[pos, year] += count
                    room -= count
    return rows


def _chosen_units(
    index: UnitIndex, m: Measure, active: set[str], rng: np.random.Generator
) -> set[int]:
    """Units taking part in `m` this year; only in participating municipalities."""
    if m.kind == "privat":
        own = [p for p in index.by_owner[m.owner] if index.town[p] in m.scope]
        return _sample(index, own, m, rng, force=True, discount=False)
    chosen: set[int] = set()
    for town in m.scope:
        for sector in FOCUS_SECTORS[m.focus]:
            chosen |= _sample(
                index,
                index.by_place.get((town, sector), []),
                m,
                rng,
                force=m.kind == "kommunal",
                discount=True,
            )
        if m.kind == "kommunal":
            chosen |= _support_units(index, m, town, active, rng)
    county_ppt = index.county_ppt.get(m.lead[:2])
    if (
        m.kind == "fylkeskommunal"
        and "PPT" in m.professions
        and county_ppt is not None
        and index.town[county_ppt] in active
    ):
        chosen.add(county_ppt)
    return chosen


def _sample(
    index: UnitIndex,
    candidates: list[int],
    m: Measure,
    rng: np.random.Generator,
    force: bool,
    discount: bool,
) -> set[int]:
    """Each candidate with the measure's share (private units less often), capped; with
    `force`, at least the largest unit."""
    if not candidates:
        return set()
    private = index.private[candidates]
    p = m.unit_share * np.where(private & discount, A.PRIVATE_PARTICIPATION_FACTOR, 1.0)
    picked = [c for c, hit in zip(candidates, rng.random(len(candidates)) < p, strict=True) if hit]
    if len(picked) > m.unit_cap:
        picked = sorted(rng.choice(picked, size=m.unit_cap, replace=False).tolist())
    if force and not picked and candidates:
        size = index.size[candidates]
        picked = [candidates[int(np.argmax(size))]]
    return set(picked)


def _support_units(
    index: UnitIndex, m: Measure, town: str, active: set[str], rng: np.random.Generator
) -> set[int]:
    """The PPT office serving `town` and other services, when the measure targets them."""
    chosen: set[int] = set()
    offices = [o for o in index.ppt_for.get(town, []) if index.town[o] in active]
    joins = m.focus == "hele_laget" or rng.random() < A.PPT_JOIN_PROBABILITY
    if offices and "PPT" in m.professions and joins:
        chosen.add(offices[int(rng.integers(len(offices)))])
    if OTHER_PROFESSIONS & set(m.professions):
        chosen |= set(index.by_place.get((town, "annen"), []))
    return chosen


def _professions(
    index: UnitIndex, pos: int, m: Measure, rng: np.random.Generator
) -> list[tuple[str, int]]:
    """(profession, head count) for one unit: target groups the unit has, drawn by chance."""
    kind = index.kind[pos]
    staff = int(index.staff[pos])
    result = []
    for code in index.professions[pos]:
        if code not in m.professions or rng.random() >= A.PROFESSION_PROBABILITY[kind][code]:
            continue
        low, high = A.PROFESSION_STAFF_SHARE[code]
        result.append((code, max(1, round(staff * rng.uniform(low, high)))))
    return result
