"""The municipality, its county and the nation summed per year and unit type from the summary
tables: the numbers every part of the profile compares."""

from __future__ import annotations

import pandas as pd
from sqlalchemy import func, select

from loftet.config import FIRST_YEAR, LAST_YEAR
from loftet.db import tildeling
from loftet.filters import SECTOR_UNIT_TYPE, Filters
from loftet.queries.base import cached_frame, municipality_key, read_frame
from loftet.queries.reference import municipalities
from loftet.queries.summaries import (
    participation_summary,
    unit_summary,
    whole_team_summary,
)

NATION = "Hele landet"
"""Label of the national level."""


def _county_of(struktur: int) -> pd.Series:
    """2024 municipality number → its county number in `struktur`."""
    table = municipalities()
    _, _, county = municipality_key(struktur)
    return pd.Series(table[county].to_numpy(), index=table.kommunenummer)


UNIT_COLUMNS = ["enheter", "barn_elever", "ansatte"]
REACH_COLUMNS = ["enheter_naadd", "deltakere", "ansatte_naadd"]
LEVELS = ("kommune", "fylke", "landet")
ALL_TYPES = "alle"
"""`enhetstype` of the rows that sum every unit type."""


def _grants_by_year() -> pd.DataFrame:
    """NOK granted and spent per year and 2024 municipality: grants to the municipality and to
    private owners there (county authorities' grants belong to no municipality), as in
    `loftet.queries.coverage.granted_by_municipality`. `brukt_kr` is NaN when not reported."""
    t = tildeling.c
    return read_frame(
        select(
            t.aar,
            t.kommunenummer,
            func.sum(t.innvilget_kr).label("innvilget_kr"),
            func.sum(t.brukt_kr).label("brukt_kr"),
        )
        .where(t.mottakertype != "fylkeskommune")
        .group_by(t.aar, t.kommunenummer)
    )


def _level_sums(
    units: pd.DataFrame, reached: pd.DataFrame, grants: pd.DataFrame, grid: pd.MultiIndex
) -> pd.DataFrame:
    """Units, reach and NOK granted of one level's rows per (aar, enhetstype) of `grid`, with
    rows `ALL_TYPES` summing the unit types."""
    frame = (
        reached.groupby(["aar", "enhetstype"])[REACH_COLUMNS]
        .sum()
        .reindex(grid, fill_value=0)
        .reset_index()
    )
    frame = frame.join(units.groupby("enhetstype")[UNIT_COLUMNS].sum(), on="enhetstype")
    frame[UNIT_COLUMNS] = frame[UNIT_COLUMNS].fillna(0)
    total = frame.groupby("aar", as_index=False)[UNIT_COLUMNS + REACH_COLUMNS].sum()
    frame = pd.concat([frame, total.assign(enhetstype=ALL_TYPES)], ignore_index=True)
    frame["innvilget_kr"] = frame.aar.map(grants.groupby("aar").innvilget_kr.sum()).fillna(0)
    return frame


@cached_frame
def profile_levels(kommunenummer: str, struktur: int) -> pd.DataFrame:
    """The municipality, its county (in `struktur`) and the nation in every year, from the
    summary tables, so the cost does not grow with the data. KeyError for an unknown number.

    One row per (aar, nivaa, enhetstype): nivaa `kommune`, `fylke` or `landet`; enhetstype a
    unit type or `ALL_TYPES`. Columns: enheter, barn_elever, ansatte, enheter_naadd,
    deltakere, ansatte_naadd (units of that type), innvilget_kr (not split by type),
    brukt_kr (the municipality's own; NaN elsewhere and when not reported), helt_lag (the
    municipality's own; False elsewhere). The counts equal `coverage_by_municipality` summed
    per level.
    """
    county_of = _county_of(struktur)
    places = {
        "kommune": pd.Index([kommunenummer]),
        "fylke": county_of.index[county_of == county_of[kommunenummer]],
        "landet": county_of.index,
    }
    units, reached, grants = unit_summary(), participation_summary(), _grants_by_year()
    grid = pd.MultiIndex.from_product(
        [
            range(FIRST_YEAR, LAST_YEAR + 1),
            sorted({*SECTOR_UNIT_TYPE.values(), *units.enhetstype, *reached.enhetstype}),
        ],
        names=["aar", "enhetstype"],
    )
    frame = pd.concat(
        [
            _level_sums(
                units[units.kommunenummer.isin(where)],
                reached[reached.kommunenummer.isin(where)],
                grants[grants.kommunenummer.isin(where)],
                grid,
            ).assign(nivaa=level)
            for level, where in places.items()
        ],
        ignore_index=True,
    )
    columns = UNIT_COLUMNS + REACH_COLUMNS + ["innvilget_kr"]
    frame[columns] = frame[columns].astype("int64")
    own = frame.nivaa == "kommune"
    spent = grants[grants.kommunenummer == kommunenummer].set_index("aar").brukt_kr
    team = whole_team_summary()
    frame["brukt_kr"] = frame.aar.map(spent).where(own).astype(float)
    frame["helt_lag"] = own & frame.aar.isin(team.aar[team.kommunenummer == kommunenummer])
    return frame


def _levels_by_year(kommunenummer: str, filters: Filters) -> pd.DataFrame:
    """`profile_levels` for all unit types in `filters.fra`..`filters.aar`."""
    frame = profile_levels(kommunenummer, filters.struktur)
    return frame[
        (frame.enhetstype == ALL_TYPES) & frame.aar.between(filters.fra, filters.aar)
    ].sort_values("aar", kind="stable")


def _levels(
    kommunenummer: str, struktur: int, year: int, sektor: str | None = None
) -> dict[str, pd.Series]:
    """The municipality's, its county's and the nation's row in `year` for the units of
    `sektor` (all when None)."""
    frame = profile_levels(kommunenummer, struktur)
    unit_type = Filters(sektor=sektor).unit_type or ALL_TYPES
    rows = frame[(frame.aar == year) & (frame.enhetstype == unit_type)]
    return {row.nivaa: row for _, row in rows.iterrows()}


def _ratio(part: float, whole: float, scale: float = 1.0) -> float:
    return scale * part / whole if whole else float("nan")


def _shares(parts: pd.Series, whole: float) -> pd.Series:
    """Each part as a percentage of `whole` (NaN when the whole is zero)."""
    return 100 * parts.astype(float) / whole if whole else parts * float("nan")
