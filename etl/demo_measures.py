"""Demo measures (tiltak): who takes part each year, and the measures that cover them."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from etl import demo_assumptions as A
from etl.demo_common import Reference, weighted_choice
from etl.demo_measure_details import describe
from etl.demo_units import Units


@dataclass
class Measure:
    """One measure; `scope` holds 2024 municipality numbers (or a private owner's units)."""

    sf: str
    start: int
    kind: str
    """kommunal, fylkeskommunal or privat (the owner type)."""
    lead: str
    scope: tuple[str, ...]
    years: tuple[int, ...]
    focus: str
    """bhg, skole, bhg_skole, hele_laget or vgs: the sectors it reaches."""
    owner: str = ""
    tiltak_id: str = ""
    navn: str = ""
    uh: str = ""
    main_area: str = ""
    areas: tuple[str, ...] = ()
    professions: tuple[str, ...] = ()
    unit_share: float = 0.5
    unit_cap: int = 10
    split: bool = False
    weight: float = 1.0


def participating(ref: Reference, pop: pd.Series, rng: np.random.Generator) -> dict[int, set[str]]:
    """Municipalities (2024 numbers) taking part per year; the set only grows.

    Propensity = Statsforvalter effect + own effect + size; every Statsforvalter has at least
    one municipality from the first year so that every office can allocate its funds.
    """
    towns = ref.municipalities
    sfs = sorted(towns["sf"].unique())
    sf_effect = dict(zip(sfs, rng.normal(0, A.COUNTY_EFFECT_SD, len(sfs)), strict=True))
    z = (
        towns["sf"].map(sf_effect)
        + rng.normal(0, A.MUNICIPALITY_EFFECT_SD, len(towns))
        + A.SIZE_EFFECT * np.log10(pop[towns.index])
    )
    ranked = sorted(towns.index, key=lambda k: (-z[k], k))
    firsts = [next(k for k in ranked if towns.at[k, "sf"] == sf) for sf in sfs]
    priority = sorted(firsts, key=lambda k: (-z[k], k)) + [k for k in ranked if k not in firsts]
    return {
        year: set(priority[: round(share * len(towns))])
        for year, share in A.PARTICIPATION_SHARE.items()
    }


def build_measures(
    ref: Reference, units: Units, taking_part: dict[int, set[str]], rng: np.random.Generator
) -> list[Measure]:
    """All measures, year by year and office by office, with ids and descriptions."""
    measures: list[Measure] = []
    sf_of = ref.municipalities["sf"]
    frame = units.frame
    public = frame[(frame["enhetstype"] == "vgs") & (frame["eiertype"] == "fylkeskommunal")]
    private = frame[frame["eiertype"] == "privat"]
    for year in A.GRANT_YEARS:
        for sf in sorted(sf_of.unique()):
            towns = sorted(k for k in taking_part[year] if sf_of[k] == sf)
            running = [m for m in measures if m.sf == sf and year in m.years]
            new = (
                _network_measures(sf, year, towns, running, units, rng)
                + _extra_measures(sf, year, towns, units, rng)
                + _county_measures(sf, year, towns, public, units.population, rng)
                + _private_measures(sf, year, towns, private, rng)
            )
            for number, measure in enumerate(new, start=1):
                measure.tiltak_id = f"{sf}-{year}-{number:03d}"
                describe(ref, measure, rng)
            measures += new
    return measures


def _years(start: int, rng: np.random.Generator) -> tuple[int, ...]:
    duration = int(weighted_choice(rng, {str(k): v for k, v in A.DURATION_PROBABILITY.items()}))
    return tuple(y for y in range(start, start + duration) if y <= A.YEARS[-1])


def _municipal_focus(year: int, rng: np.random.Generator) -> str:
    if rng.random() < A.WHOLE_TEAM_SHARE[year]:
        return "hele_laget"
    return weighted_choice(rng, A.OTHER_FOCUS_SHARES)


def _network_measures(
    sf: str,
    year: int,
    towns: list[str],
    running: list[Measure],
    units: Units,
    rng: np.random.Generator,
) -> list[Measure]:
    """New municipal measures for participating municipalities that no running measure covers:
    large ones alone, small ones in networks of neighbours (by number) in the same county."""
    covered = {k for m in running if m.kind == "kommunal" for k in m.scope}
    pop = units.population
    left = [k for k in towns if k not in covered]
    result = []
    while left:
        size = (
            1
            if pop[left[0]] >= A.ALONE_POPULATION
            else int(weighted_choice(rng, {str(k): v for k, v in A.GROUP_SIZE_PROBABILITY.items()}))
        )
        group = [k for k in left[:size] if pop[k] < A.ALONE_POPULATION or k == left[0]]
        group = [k for k in group if _same_county(k, left[0])]
        left = [k for k in left if k not in group]
        lead = max(group, key=lambda k: (pop[k], k))
        result.append(
            Measure(
                sf,
                year,
                "kommunal",
                lead,
                tuple(group),
                _years(year, rng),
                _municipal_focus(year, rng),
                split=len(group) > 1 and rng.random() < A.SPLIT_GRANT_PROBABILITY,
            )
        )
    return result


def _same_county(a: str, b: str) -> bool:
    """Municipalities in the same 2024 county share the first two digits."""
    return a[:2] == b[:2]


def _extra_measures(
    sf: str, year: int, towns: list[str], units: Units, rng: np.random.Generator
) -> list[Measure]:
    """Additional own measures, more in large municipalities."""
    result = []
    for k in towns:
        rate = (
            A.EXTRA_MEASURE_RATE[year]
            * (units.population[k] / A.EXTRA_MEASURE_SCALE) ** A.EXTRA_MEASURE_EXPONENT
        )
        for _ in range(int(rng.poisson(rate))):
            result.append(
                Measure(
                    sf, year, "kommunal", k, (k,), _years(year, rng), _municipal_focus(year, rng)
                )
            )
    return result


def _county_measures(
    sf: str,
    year: int,
    towns: list[str],
    public: pd.DataFrame,
    pop: pd.Series,
    rng: np.random.Generator,
) -> list[Measure]:
    """Measures by county authorities for their upper secondary schools (`public`)."""
    public = public[public["knr24"].isin(towns)]
    result = []
    for county, hosts in public.groupby(public["knr24"].str[:2]):
        options = sorted(hosts["knr24"].unique())
        scope = tuple(sorted(k for k in towns if k[:2] == county))
        for _ in range(int(rng.poisson(A.COUNTY_MEASURES_PER_YEAR * A.EXTRA_MEASURE_RATE[year]))):
            weights = pop[options].to_numpy(dtype=float)
            lead = options[int(rng.choice(len(options), p=weights / weights.sum()))]
            result.append(
                Measure(sf, year, "fylkeskommunal", lead, scope, _years(year, rng), "vgs")
            )
    return result


def _private_measures(
    sf: str, year: int, towns: list[str], private: pd.DataFrame, rng: np.random.Generator
) -> list[Measure]:
    """Measures run by private owners for their own units in participating municipalities."""
    private = private[private["knr24"].isin(towns)]
    if private.empty:
        return []
    owners = private.groupby("eier").size().sort_index()
    result = []
    for _ in range(int(rng.poisson(A.PRIVATE_MEASURES_PER_YEAR * A.EXTRA_MEASURE_RATE[year]))):
        owner = owners.index[int(rng.choice(len(owners), p=(owners / owners.sum()).to_numpy()))]
        own = private[private["eier"] == owner].sort_values(["barn", "orgnr"], ascending=False)
        focus = {"barnehage": "bhg", "grunnskole": "skole", "vgs": "vgs"}[own.iloc[0]["enhetstype"]]
        result.append(
            Measure(
                sf,
                year,
                "privat",
                own.iloc[0]["knr24"],
                tuple(sorted(own["knr24"].unique())),
                _years(year, rng),
                focus,
                owner=owner,
            )
        )
    return result
