"""Coverage: who takes part, per municipality and year (units, participants, whole team, NOK).

Facts are counted per 2024 municipality and then summed into the chosen structure, so the 2020
view and the 2024 view add up to the same national totals.
"""

from __future__ import annotations

import pandas as pd

from loftet.filters import Filters
from loftet.queries.base import cached_frame, equals_if, read_frame
from loftet.queries.reference import municipalities
from loftet.queries.summaries import participation_summary, select, team_facts, unit_summary

OWNER_TO_RECIPIENT = {"kommunal": "kommune", "fylkeskommunal": "fylkeskommune",
                      "privat": "privat"}

def units_by_municipality(filters: Filters) -> pd.DataFrame:
    """Units and children/pupils per 2024 municipality (sector and owner filters apply)."""
    units = select(unit_summary(), enhetstype=filters.unit_type, eiertype=filters.eier)
    return units.groupby("kommunenummer", as_index=False)[["enheter", "barn_elever"]].sum()


def reached_by_municipality(filters: Filters, year: int) -> pd.DataFrame:
    """Units reached and participants per 2024 municipality in `year`."""
    reached = select(participation_summary(), aar=year, enhetstype=filters.unit_type,
                     eiertype=filters.eier)
    return reached.groupby("kommunenummer", as_index=False)[["enheter_naadd", "deltakere"]].sum()


def whole_team_by_municipality(year: int) -> pd.DataFrame:
    """Municipalities whose kindergartens and schools took part in `year`, with PPT taking part
    in at least one of the same measures ("hele laget rundt barnet")."""
    facts = select(team_facts(), aar=year)
    ppt_measures = set(facts.tiltak_id[facts.enhetstype == "ppt"])
    per_municipality = facts.assign(
        bhg=facts.enhetstype == "barnehage", skole=facts.enhetstype == "grunnskole",
        ppt=facts.tiltak_id.isin(ppt_measures),
    ).groupby("kommunenummer")[["bhg", "skole", "ppt"]].any()
    team = per_municipality.all(axis=1)
    return pd.DataFrame({"kommunenummer": team.index[team.to_numpy()], "helt_lag": True})


def granted_by_municipality(filters: Filters, year: int) -> pd.DataFrame:
    """NOK granted and spent per 2024 municipality in `year` (owner filter applies)."""
    recipient, params = equals_if("mottakertype", "mottakertype",
                                  OWNER_TO_RECIPIENT.get(filters.eier or ""))
    return read_frame(
        "SELECT kommunenummer, SUM(innvilget_kr) AS innvilget_kr, SUM(brukt_kr) AS brukt_kr "
        f"FROM tildeling WHERE aar = :aar{recipient} GROUP BY kommunenummer",
        aar=year, **params)


def _municipality_frame(struktur: int) -> pd.DataFrame:
    """2024 municipalities with the number, name and county they have in `struktur`."""
    frame = municipalities()
    if struktur == 2020:
        frame = frame.assign(omrade=frame.kommunenummer_2020, omrade_navn=frame.navn_2020,
                             fylke=frame.fylkesnummer_2020)
    else:
        frame = frame.assign(omrade=frame.kommunenummer, omrade_navn=frame.navn,
                             fylke=frame.fylkesnummer)
    return frame[["kommunenummer", "omrade", "omrade_navn", "fylke", "kartomrade"]]


SUM_COLUMNS = ["enheter", "barn_elever", "enheter_naadd", "deltakere", "innvilget_kr"]


@cached_frame
def coverage_by_municipality(filters: Filters, year: int | None = None) -> pd.DataFrame:
    """One row per municipality of the chosen structure (and county) for `year`:
    units, units reached, participants, children/pupils, NOK granted, takes part, whole team,
    and the derived shares per municipality."""
    year = year or filters.aar
    base = _municipality_frame(filters.struktur).set_index("kommunenummer")
    team = whole_team_by_municipality(year).set_index("kommunenummer")
    facts = base.join([
        units_by_municipality(filters).set_index("kommunenummer"),
        reached_by_municipality(filters, year).set_index("kommunenummer"),
        granted_by_municipality(filters, year).set_index("kommunenummer")[["innvilget_kr"]],
    ])
    facts[SUM_COLUMNS] = facts[SUM_COLUMNS].fillna(0).astype("int64")
    facts["helt_lag"] = facts.index.isin(team.index)
    if filters.fylke:
        facts = facts[facts.fylke == filters.fylke]
    if filters.struktur == 2020:
        facts = facts.groupby(["omrade", "omrade_navn", "fylke"], as_index=False).agg(
            **{c: (c, "sum") for c in SUM_COLUMNS}, helt_lag=("helt_lag", "any"),
            kartomrade=("kartomrade", "first"))
    else:
        facts = facts.reset_index(drop=True)
    facts = facts.rename(columns={"omrade": "kommunenummer", "omrade_navn": "kommune"})
    columns = ["kommunenummer", "kommune", "fylke", *SUM_COLUMNS, "helt_lag", "kartomrade"]
    return with_shares(facts[columns].reset_index(drop=True))


def with_shares(frame: pd.DataFrame) -> pd.DataFrame:
    """Add deltar (takes part), share of units reached, per-1000 and NOK per child."""
    per_child = frame.barn_elever.where(frame.barn_elever > 0)
    return frame.assign(
        deltar=frame.enheter_naadd > 0,
        andel_naadd=100 * frame.enheter_naadd / frame.enheter.where(frame.enheter > 0),
        deltakere_per_1000=1000 * frame.deltakere / per_child,
        kr_per_barn=frame.innvilget_kr / per_child,
    )


def _whole_team_by_year(years: range) -> pd.DataFrame:
    """(aar, kommunenummer) of municipalities with the whole team, for many years at once."""
    facts = team_facts()
    facts = facts[facts.aar.isin(years)]
    ppt = facts.loc[facts.enhetstype == "ppt", ["aar", "tiltak_id"]].drop_duplicates()
    facts = facts.merge(ppt.assign(ppt=True), on=["aar", "tiltak_id"], how="left")
    flags = facts.assign(bhg=facts.enhetstype == "barnehage",
                         skole=facts.enhetstype == "grunnskole",
                         ppt=facts.ppt.astype("boolean").fillna(False).astype(bool))
    per_place = flags.groupby(["aar", "kommunenummer"])[["bhg", "skole", "ppt"]].any()
    team = per_place[per_place.all(axis=1)]
    return team.reset_index()[["aar", "kommunenummer"]]


@cached_frame
def participation_by_year(filters: Filters) -> pd.DataFrame:
    """Per year `fra`..`aar`: municipalities in scope, how many take part and how many with the
    whole team — the same counts as `coverage_by_municipality`, for all years at once."""
    places = _municipality_frame(filters.struktur)
    if filters.fylke:
        places = places[places.fylke == filters.fylke]
    area_of = places.set_index("kommunenummer").omrade
    years = range(filters.fra, filters.aar + 1)
    reached = select(participation_summary(), enhetstype=filters.unit_type,
                     eiertype=filters.eier)
    reached = reached[reached.aar.isin(years) & (reached.enheter_naadd > 0)]
    team = _whole_team_by_year(years)

    def areas_per_year(frame: pd.DataFrame) -> pd.Series:
        areas = frame.kommunenummer.map(area_of)
        return areas.groupby(frame.aar).nunique()

    frame = pd.DataFrame({"aar": list(years), "kommuner": places.omrade.nunique()})
    frame["deltar"] = frame.aar.map(areas_per_year(reached)).fillna(0).astype(int)
    frame["helt_lag"] = frame.aar.map(areas_per_year(team)).fillna(0).astype(int)
    frame["andel_deltar"] = 100 * frame.deltar / frame.kommuner
    frame["andel_helt_lag"] = 100 * frame.helt_lag / frame.kommuner
    return frame
