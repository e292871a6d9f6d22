"""Budget: NOK granted and spent per year, by county or Statsforvalter, against the 2025 level
and the national budget (`bevilgning`).

Allocations are placed in a county through the recipient's municipality (`tildeling.kommunenummer`
→ `kommune`), so the sum over the counties of either structure is the national sum of
`tildeling.innvilget_kr` to the krone. `brukt_kr` is NULL until the recipient has reported its use
(the January after the year): it stays missing here, never 0.
"""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
from sqlalchemy import case, func, select

from loftet.config import TARGET_YEAR
from loftet.db import kommune, statsforvalter, tildeling
from loftet.filters import Filters
from loftet.queries.base import county_column, read_frame, where_equal
from loftet.queries.coverage import (
    OWNER_TO_RECIPIENT,
    county_authority_granted,
    coverage_by_municipality,
)
from loftet.queries.overview import national_budget
from loftet.queries.reference import counties

GROUPINGS = ("fylke", "statsforvalter")
"""How a year's allocation is split: by county (of the chosen structure) or by Statsforvalter."""

SF_PREFIX = "Statsforvalteren i "

AMOUNTS = ["innvilget_kr", "innvilget_rapportert_kr", "tildelinger", "uten_brukt"]


def _recipient_type(filters: Filters) -> str | None:
    """The `tildeling.mottakertype` the owner filter selects (None: all recipients)."""
    return OWNER_TO_RECIPIENT.get(filters.eier or "")


def allocation_facts(filters: Filters) -> pd.DataFrame:
    """Every year's allocations per county (chosen structure) and Statsforvalter.

    The owner filter applies (through `mottakertype`); the county filter does not (callers need
    the national totals). Columns: aar, fylke, statsforvalter, innvilget_kr, brukt_kr (NaN when
    nothing is reported), innvilget_rapportert_kr (granted in allocations whose use is reported),
    tildelinger, uten_brukt (allocations without reported use).
    """
    t, county = tildeling.c, county_column(filters.struktur)
    unreported = t.brukt_kr.is_(None)
    query = (
        select(
            t.aar,
            county.label("fylke"),
            t.statsforvalter,
            func.sum(t.innvilget_kr).label("innvilget_kr"),
            func.sum(t.brukt_kr).label("brukt_kr"),
            func.sum(case((unreported, 0), else_=t.innvilget_kr)).label("innvilget_rapportert_kr"),
            func.count().label("tildelinger"),
            func.sum(case((unreported, 1), else_=0)).label("uten_brukt"),
        )
        .join_from(tildeling, kommune, kommune.c.kommunenummer == t.kommunenummer)
        .where(t.aar.is_not(None))
        .group_by(t.aar, county, t.statsforvalter)
        .order_by(t.aar, county)
    )
    frame = read_frame(where_equal(query, t.mottakertype, _recipient_type(filters)))
    frame[AMOUNTS] = frame[AMOUNTS].astype("int64")
    frame["aar"] = frame["aar"].astype("int64")
    frame["brukt_kr"] = pd.to_numeric(frame["brukt_kr"], errors="coerce").astype("float64")
    return frame


def allocation_years() -> list[int]:
    """Years with any allocation registered (whatever the filters): other years have no data,
    which is different from a granted amount of 0."""
    years = select(tildeling.c.aar).distinct().order_by(tildeling.c.aar)
    return [int(y) for y in read_frame(years).aar]


def statsforvalters() -> pd.DataFrame:
    """The Statsforvalter offices: kode, navn (full) and kort (without "Statsforvalteren i")."""
    s = statsforvalter.c
    frame = read_frame(select(s.kode, s.navn).order_by(s.navn))
    return frame.assign(kort=frame.navn.str.removeprefix(SF_PREFIX))


def _groups(filters: Filters, fordeling: str) -> pd.DataFrame:
    """Every group of the chosen split: gruppe (code) and gruppe_navn."""
    if fordeling == "statsforvalter":
        sf = statsforvalters()
        return pd.DataFrame({"gruppe": sf.kode, "gruppe_navn": sf.kort})
    county = counties(filters.struktur)
    return pd.DataFrame({"gruppe": county.fylkesnummer, "gruppe_navn": county.navn})


def _sum_spent(values: pd.Series) -> float:
    """Sum of reported use; NaN when nothing is reported (never 0)."""
    return values.sum(min_count=1)


def _by_group(facts: pd.DataFrame, key: str) -> pd.DataFrame:
    """Facts summed per (aar, key) into columns aar, gruppe and the amounts."""
    grouped = facts.groupby(["aar", key], as_index=False).agg(
        **{c: (c, "sum") for c in AMOUNTS}, brukt_kr=("brukt_kr", _sum_spent)
    )
    return grouped.rename(columns={key: "gruppe"})


def allocation_by_group(filters: Filters, fordeling: str = "fylke") -> pd.DataFrame:
    """NOK granted and spent per year (`fra`..`aar`) and county or Statsforvalter.

    With a county chosen, only that county (the split is then always by county). Every group of
    the split has a row for every year with allocations registered (0 kr is a real 0 there); years
    without any allocation registered are left out.

    Returns columns: aar, gruppe, gruppe_navn, innvilget_kr, brukt_kr (NaN = not reported),
    innvilget_rapportert_kr, tildelinger, uten_brukt, aar_total_kr (the year's national total in
    the same owner scope), andel_av_aar (%), nivaa_2025_kr (the group's 2025 level),
    andel_av_2025 (%), bevilgning_kr (the national budget of the year, NaN if not given),
    bevilgning_kilde (the budget figure's source, e.g. "Demodata – antakelse").
    """
    fordeling = "fylke" if filters.fylke or fordeling not in GROUPINGS else fordeling
    facts = allocation_facts(filters)
    by_group = _by_group(facts, fordeling)
    years = [y for y in allocation_years() if filters.fra <= y <= filters.aar]
    groups = _groups(filters, fordeling)
    grid = (
        pd.MultiIndex.from_product([years, groups.gruppe], names=["aar", "gruppe"])
        .to_frame(index=False)
        .merge(groups, on="gruppe")
    )
    frame = grid.merge(by_group, on=["aar", "gruppe"], how="left")
    frame[AMOUNTS] = frame[AMOUNTS].fillna(0).astype("int64")
    totals = facts.groupby("aar").innvilget_kr.sum().rename("aar_total_kr")
    frame = frame.merge(totals, left_on="aar", right_index=True, how="left")
    frame["aar_total_kr"] = frame["aar_total_kr"].fillna(0).astype("int64")
    level = by_group[by_group.aar == TARGET_YEAR].set_index("gruppe").innvilget_kr
    frame["nivaa_2025_kr"] = frame.gruppe.map(level).fillna(0).astype("int64")
    frame["andel_av_aar"] = (
        100 * frame.innvilget_kr / frame.aar_total_kr.where(frame.aar_total_kr > 0)
    )
    frame["andel_av_2025"] = (
        100 * frame.innvilget_kr / frame.nivaa_2025_kr.where(frame.nivaa_2025_kr > 0)
    )
    budget = national_budget().set_index("aar")
    frame["bevilgning_kr"] = frame.aar.map(budget.belop_kr).astype("float64")
    frame["bevilgning_kilde"] = frame.aar.map(budget.kilde)
    if filters.fylke:
        frame = frame[frame.gruppe == filters.fylke]
    columns = [
        "aar",
        "gruppe",
        "gruppe_navn",
        "innvilget_kr",
        "brukt_kr",
        "innvilget_rapportert_kr",
        "tildelinger",
        "uten_brukt",
        "aar_total_kr",
        "andel_av_aar",
        "nivaa_2025_kr",
        "andel_av_2025",
        "bevilgning_kr",
        "bevilgning_kilde",
    ]
    return frame[columns].sort_values(["aar", "gruppe"]).reset_index(drop=True)


def allocation_by_year(filters: Filters) -> pd.DataFrame:
    """NOK granted and spent per year (`fra`..`aar`) in the chosen scope (county, owner), with
    the running totals and the national budget.

    Returns columns: aar, innvilget_kr, brukt_kr (NaN = nothing reported), innvilget_rapportert_kr,
    uten_brukt, andel_rapportert (% of granted whose use is reported), kum_innvilget_kr,
    kum_brukt_kr (NaN from the first year with nothing reported), bevilgning_kr,
    kum_bevilgning_kr.
    """
    groups = allocation_by_group(filters, "fylke")
    frame = groups.groupby("aar", as_index=False).agg(
        innvilget_kr=("innvilget_kr", "sum"),
        brukt_kr=("brukt_kr", _sum_spent),
        innvilget_rapportert_kr=("innvilget_rapportert_kr", "sum"),
        tildelinger=("tildelinger", "sum"),
        uten_brukt=("uten_brukt", "sum"),
        bevilgning_kr=("bevilgning_kr", "first"),
        bevilgning_kilde=("bevilgning_kilde", "first"),
    )
    frame["andel_rapportert"] = (
        100 * frame.innvilget_rapportert_kr / frame.innvilget_kr.where(frame.innvilget_kr > 0)
    )
    frame["kum_innvilget_kr"] = frame.innvilget_kr.cumsum()
    # A running total of use is only known while every year so far has reported something;
    # a year without any allocation has nothing to report and adds 0, not "unknown".
    known = frame.brukt_kr.where(frame.tildelinger > 0, 0.0)
    frame["kum_brukt_kr"] = known.cumsum(skipna=False)
    frame["kum_bevilgning_kr"] = frame.bevilgning_kr.cumsum(skipna=False)
    return frame


def granted_per_child_by_county(filters: Filters, year: int | None = None) -> pd.DataFrame:
    """NOK granted per child/pupil (`enhet.antall_barn_elever`) per county in `year`.

    All counties of the structure (the chosen county is marked, not filtered away); the owner
    filter applies to both allocations and units, the sector filter to neither (allocations have
    no sector). Counties without children/pupils registered are left out.

    Returns columns: fylke, fylke_navn, innvilget_kr, barn_elever, kr_per_barn, valgt (the chosen
    county), landet_kr_per_barn (the national level).
    """
    year = year or filters.aar
    scope = replace(filters, fylke=None, sektor=None)
    cov = coverage_by_municipality(scope, year)
    frame = cov.groupby("fylke", as_index=False)[["innvilget_kr", "barn_elever"]].sum()
    authority = county_authority_granted(scope)
    authority = authority[authority.aar == year].set_index("fylke").innvilget_kr
    frame["innvilget_kr"] += frame.fylke.map(authority).fillna(0).astype("int64")
    names = counties(filters.struktur).set_index("fylkesnummer").navn
    frame["fylke_navn"] = frame.fylke.map(names)
    national = (
        frame.innvilget_kr.sum() / frame.barn_elever.sum()
        if frame.barn_elever.sum()
        else float("nan")
    )
    frame = frame[frame.barn_elever > 0].copy()
    frame["kr_per_barn"] = frame.innvilget_kr / frame.barn_elever
    frame["valgt"] = frame.fylke == filters.fylke
    frame["landet_kr_per_barn"] = national
    return (
        frame[
            [
                "fylke",
                "fylke_navn",
                "innvilget_kr",
                "barn_elever",
                "kr_per_barn",
                "valgt",
                "landet_kr_per_barn",
            ]
        ]
        .sort_values("kr_per_barn")
        .reset_index(drop=True)
    )
