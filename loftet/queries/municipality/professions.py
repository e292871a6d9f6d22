"""Participants per profession and the reach profile (share of staff reached per unit type)."""

from __future__ import annotations

import pandas as pd

from loftet.filters import Filters
from loftet.queries.municipality.key_figures import units_reached_by_sector_compared
from loftet.queries.municipality.levels import _county_of, _shares
from loftet.queries.municipality.places import municipality
from loftet.queries.reference import professions
from loftet.queries.summaries import (
    profession_summary,
    rows_where,
)


def participants_by_profession(kommunenummer: str, filters: Filters) -> pd.DataFrame:
    """Participants per profession in `filters.aar`: the municipality's count and each
    profession's share of all participants in the municipality, its county and the nation.

    Columns: profesjon, profesjon_navn, deltakere, enheter_naadd, andel_kommune, andel_fylke,
    andel_landet (percent). Only professions with participants somewhere in the country.
    """
    place = municipality(kommunenummer)
    if place is None:
        raise KeyError(kommunenummer)
    counts = rows_where(profession_summary(), aar=filters.aar).copy()
    names = professions().rename(columns={"kode": "profesjon", "navn": "profesjon_navn"})
    county_of = _county_of(filters.struktur)
    counts["fylke"] = counts.kommunenummer.map(county_of)
    own = counts[counts.kommunenummer == kommunenummer].set_index("profesjon")
    in_county = (
        counts[counts.fylke == place.county(filters.struktur)[0]]
        .groupby("profesjon")
        .deltakere.sum()
    )
    nation = counts.groupby("profesjon").deltakere.sum()
    frame = names[names.profesjon.isin(nation.index)].copy()
    frame["deltakere"] = frame.profesjon.map(own.deltakere).fillna(0).astype("int64")
    frame["enheter_naadd"] = frame.profesjon.map(own.enheter_naadd).fillna(0).astype("int64")
    frame["andel_kommune"] = _shares(frame.deltakere, own.deltakere.sum())
    frame["andel_fylke"] = _shares(frame.profesjon.map(in_county).fillna(0), in_county.sum())
    frame["andel_landet"] = _shares(frame.profesjon.map(nation).fillna(0), nation.sum())
    return frame.sort_values(["deltakere", "andel_landet"], ascending=False).reset_index(drop=True)


def reach_profile(kommunenummer: str, filters: Filters) -> pd.DataFrame:
    """Professions and sectors reached in `filters.aar`, one tidy frame for one chart.

    Columns: del (`profesjon` or `sektor`), kode, navn, antall (participants, or units
    reached), av (all participants in the municipality, or its units), andel_kommune,
    andel_fylke, andel_landet (percent: share of participants in the profession, or share of
    units reached in the sector).
    """
    prof = participants_by_profession(kommunenummer, filters)
    prof = pd.DataFrame(
        {
            "del": "profesjon",
            "kode": prof.profesjon,
            "navn": prof.profesjon_navn,
            "antall": prof.deltakere,
            "av": int(prof.deltakere.sum()),
            "andel_kommune": prof.andel_kommune,
            "andel_fylke": prof.andel_fylke,
            "andel_landet": prof.andel_landet,
        }
    )
    sectors = units_reached_by_sector_compared(kommunenummer, filters)
    sectors = pd.DataFrame(
        {
            "del": "sektor",
            "kode": sectors.sektor,
            "navn": sectors.sektor_navn,
            "antall": sectors.enheter_naadd,
            "av": sectors.enheter,
            "andel_kommune": sectors.andel_kommune,
            "andel_fylke": sectors.andel_fylke,
            "andel_landet": sectors.andel_landet,
        }
    )
    return pd.concat([prof, sectors], ignore_index=True)
