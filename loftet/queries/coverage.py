"""Coverage: who takes part, per municipality and year (units, participants, whole team, NOK).

Facts are counted per 2024 municipality and then summed into the chosen structure, so the 2020
view and the 2024 view add up to the same national totals.
"""

from __future__ import annotations

import pandas as pd
from sqlalchemy import func, select

from loftet.db import kommune, tildeling
from loftet.filters import Filters
from loftet.queries.base import cached_frame, read_frame, where_equal
from loftet.queries.reference import municipalities
from loftet.queries.summaries import (
    participation_summary,
    rows_where,
    unit_summary,
    whole_team_summary,
)

OWNER_TO_RECIPIENT = {"kommunal": "kommune", "fylkeskommunal": "fylkeskommune", "privat": "privat"}


def units_by_municipality(filters: Filters) -> pd.DataFrame:
    """Units, children/pupils and staff per 2024 municipality (sector and owner filters)."""
    units = rows_where(unit_summary(), enhetstype=filters.unit_type, eiertype=filters.eier)
    return units.groupby("kommunenummer", as_index=False)[
        ["enheter", "barn_elever", "ansatte"]
    ].sum()


def reached_by_municipality(filters: Filters, year: int) -> pd.DataFrame:
    """Units reached, participations and staff reached per 2024 municipality in `year`."""
    reached = rows_where(
        participation_summary(), aar=year, enhetstype=filters.unit_type, eiertype=filters.eier
    )
    return reached.groupby("kommunenummer", as_index=False)[
        ["enheter_naadd", "deltakere", "ansatte_naadd"]
    ].sum()


def whole_team(years: range | list[int]) -> pd.DataFrame:
    """(aar, kommunenummer) of municipalities with "hele laget" in each year: one measure held
    a kindergarten in the municipality, a school in the municipality and a PPT office serving
    it (an inter-municipal office counts) — the definition in `loftet.metrics`, computed at
    load time by `etl.summaries`."""
    team = whole_team_summary()
    return team[team.aar.isin(list(years))].reset_index(drop=True)


def whole_team_by_municipality(year: int) -> pd.DataFrame:
    """Municipalities with the whole team in `year` (`kommunenummer`, `helt_lag`)."""
    team = whole_team([year])
    return pd.DataFrame({"kommunenummer": team.kommunenummer, "helt_lag": True})


def _recipient_filter(filters: Filters) -> str | None:
    return OWNER_TO_RECIPIENT.get(filters.eier or "")


def granted_by_municipality(filters: Filters, year: int) -> pd.DataFrame:
    """NOK granted and spent per 2024 municipality in `year`: grants to the municipality and to
    private owners there. County authorities' grants belong to no municipality (see
    `county_authority_granted`). The owner filter selects the recipient type."""
    recipient = _recipient_filter(filters)
    if recipient == "fylkeskommune":
        return pd.DataFrame(
            {"kommunenummer": pd.Series(dtype=str), "innvilget_kr": 0, "brukt_kr": 0}
        ).iloc[:0]
    t = tildeling.c
    query = (
        select(
            t.kommunenummer,
            func.sum(t.innvilget_kr).label("innvilget_kr"),
            func.sum(t.brukt_kr).label("brukt_kr"),
        )
        .where(t.aar == year, t.mottakertype != "fylkeskommune")
        .group_by(t.kommunenummer)
    )
    return read_frame(where_equal(query, t.mottakertype, recipient))


def county_authority_granted(filters: Filters) -> pd.DataFrame:
    """NOK granted to county authorities per year and county of the chosen structure (placed
    through `tildeling.kommunenummer`); empty when the owner filter excludes them.
    Columns: aar, fylke, innvilget_kr."""
    recipient = _recipient_filter(filters)
    if recipient not in (None, "fylkeskommune"):
        return pd.DataFrame(
            {
                "aar": pd.Series(dtype="int64"),
                "fylke": pd.Series(dtype=str),
                "innvilget_kr": pd.Series(dtype="int64"),
            }
        )
    t, k = tildeling.c, kommune.c
    frame = read_frame(
        select(
            t.aar,
            k.fylkesnummer_2020,
            k.fylkesnummer,
            func.sum(t.innvilget_kr).label("innvilget_kr"),
        )
        .join_from(tildeling, kommune, k.kommunenummer == t.kommunenummer)
        .where(t.mottakertype == "fylkeskommune")
        .group_by(t.aar, k.fylkesnummer_2020, k.fylkesnummer)
    )
    county = "fylkesnummer_2020" if filters.struktur == 2020 else "fylkesnummer"
    return (
        frame.groupby(["aar", county], as_index=False)
        .innvilget_kr.sum()
        .rename(columns={county: "fylke"})
    )


def _municipality_frame(struktur: int) -> pd.DataFrame:
    """2024 municipalities with the number, name and county they have in `struktur`."""
    frame = municipalities()
    if struktur == 2020:
        frame = frame.assign(
            omrade=frame.kommunenummer_2020,
            omrade_navn=frame.navn_2020,
            fylke=frame.fylkesnummer_2020,
        )
    else:
        frame = frame.assign(
            omrade=frame.kommunenummer, omrade_navn=frame.navn, fylke=frame.fylkesnummer
        )
    return frame[["kommunenummer", "omrade", "omrade_navn", "fylke", "kartomrade"]]


SUM_COLUMNS = [
    "enheter",
    "barn_elever",
    "ansatte",
    "enheter_naadd",
    "deltakere",
    "ansatte_naadd",
    "innvilget_kr",
]


@cached_frame
def coverage_by_municipality(filters: Filters, year: int | None = None) -> pd.DataFrame:
    """One row per municipality of the chosen structure (and county) for `year`:
    units, units reached, participants, children/pupils, NOK granted, takes part, whole team,
    and the derived shares per municipality."""
    year = year or filters.aar
    base = _municipality_frame(filters.struktur).set_index("kommunenummer")
    team = whole_team_by_municipality(year).set_index("kommunenummer")
    facts = base.join(
        [
            units_by_municipality(filters).set_index("kommunenummer"),
            reached_by_municipality(filters, year).set_index("kommunenummer"),
            granted_by_municipality(filters, year).set_index("kommunenummer")[["innvilget_kr"]],
        ]
    )
    facts[SUM_COLUMNS] = facts[SUM_COLUMNS].fillna(0).astype("int64")
    facts["helt_lag"] = facts.index.isin(team.index)
    if filters.fylke:
        facts = facts[facts.fylke == filters.fylke]
    if filters.struktur == 2020:
        facts = facts.groupby(["omrade", "omrade_navn", "fylke"], as_index=False).agg(
            **{c: (c, "sum") for c in SUM_COLUMNS},
            helt_lag=("helt_lag", "any"),
            kartomrade=("kartomrade", "first"),
        )
    else:
        facts = facts.reset_index(drop=True)
    facts = facts.rename(columns={"omrade": "kommunenummer", "omrade_navn": "kommune"})
    columns = ["kommunenummer", "kommune", "fylke", *SUM_COLUMNS, "helt_lag", "kartomrade"]
    return with_shares(facts[columns].reset_index(drop=True), money_per_child=not filters.sektor)


def with_shares(frame: pd.DataFrame, money_per_child: bool = True) -> pd.DataFrame:
    """Add deltar (takes part), share of units and of staff reached, per-1000 and NOK per
    child. With `money_per_child=False` (a sector filter: money is not split by sector) NOK
    per child is left missing rather than divided by one sector's children."""
    per_child = frame.barn_elever.where(frame.barn_elever > 0)
    return frame.assign(
        deltar=frame.enheter_naadd > 0,
        andel_naadd=100 * frame.enheter_naadd / frame.enheter.where(frame.enheter > 0),
        andel_ansatte_naadd=100 * frame.ansatte_naadd / frame.ansatte.where(frame.ansatte > 0),
        deltakere_per_1000=1000 * frame.deltakere / per_child,
        kr_per_barn=(frame.innvilget_kr / per_child) if money_per_child else float("nan"),
    )


@cached_frame
def participation_by_year(filters: Filters) -> pd.DataFrame:
    """Per year `fra`..`aar`: municipalities in scope, how many take part and how many with the
    whole team — the same counts as `coverage_by_municipality`, for all years at once."""
    places = _municipality_frame(filters.struktur)
    if filters.fylke:
        places = places[places.fylke == filters.fylke]
    area_of = places.set_index("kommunenummer").omrade
    years = range(filters.fra, filters.aar + 1)
    reached = rows_where(
        participation_summary(), enhetstype=filters.unit_type, eiertype=filters.eier
    )
    reached = reached[reached.aar.isin(years) & (reached.enheter_naadd > 0)]
    team = whole_team(years)

    def areas_per_year(frame: pd.DataFrame) -> pd.Series:
        areas = frame.kommunenummer.map(area_of)
        return areas.groupby(frame.aar).nunique()

    frame = pd.DataFrame({"aar": list(years), "kommuner": places.omrade.nunique()})
    frame["deltar"] = frame.aar.map(areas_per_year(reached)).fillna(0).astype(int)
    frame["helt_lag"] = frame.aar.map(areas_per_year(team)).fillna(0).astype(int)
    frame["andel_deltar"] = 100 * frame.deltar / frame.kommuner
    frame["andel_helt_lag"] = 100 * frame.helt_lag / frame.kommuner
    return frame
