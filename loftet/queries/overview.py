"""Oversikt's area sums (NOK granted in scope, units reached per sector) and the national budget;
the key figures themselves are in `loftet.queries.kpi_values`."""

from __future__ import annotations

import pandas as pd
from sqlalchemy import select

from loftet.db import bevilgning
from loftet.filters import SECTOR_UNIT_TYPE, SECTORS, Filters
from loftet.queries.base import municipality_key, read_frame
from loftet.queries.coverage import county_authority_granted, coverage_by_municipality
from loftet.queries.reference import municipalities
from loftet.queries.summaries import participation_summary, rows_where, unit_summary


def granted_in_scope(filters: Filters, year: int) -> int:
    """NOK granted in `year` to every recipient in scope (county and owner filters): the
    municipalities and private owners, plus county authorities."""
    cov = coverage_by_municipality(filters, year)
    authority = county_authority_granted(filters)
    authority = authority[authority.aar == year]
    if filters.fylke:
        authority = authority[authority.fylke == filters.fylke]
    return int(cov.innvilget_kr.sum()) + int(authority.innvilget_kr.sum())


def units_reached_by_sector(filters: Filters, year: int) -> pd.DataFrame:
    """Per sector: units, units reached in `year` and the share reached (county and owner
    filters apply)."""
    _, _, county = municipality_key(filters.struktur)
    places = municipalities()
    if filters.fylke:
        places = places[places[county] == filters.fylke]
    in_scope = set(places.kommunenummer)

    def per_type(frame: pd.DataFrame, column: str) -> pd.Series:
        frame = rows_where(frame[frame.kommunenummer.isin(in_scope)], eiertype=filters.eier)
        return frame.groupby("enhetstype")[column].sum()

    units = per_type(unit_summary(), "enheter")
    reached = per_type(rows_where(participation_summary(), aar=year), "enheter_naadd")
    frame = pd.DataFrame(
        {
            "sektor": list(SECTORS),
            "sektor_navn": list(SECTORS.values()),
            "enhetstype": [SECTOR_UNIT_TYPE[c] for c in SECTORS],
        }
    )
    frame["enheter"] = frame.enhetstype.map(units).fillna(0).astype(int)
    frame["enheter_naadd"] = frame.enhetstype.map(reached).fillna(0).astype(int)
    frame["andel_naadd"] = 100 * frame.enheter_naadd / frame.enheter.where(frame.enheter > 0)
    return frame


def national_budget() -> pd.DataFrame:
    """The national allocation per year (the `bevilgning` input file)."""
    b = bevilgning.c
    return read_frame(select(b.aar, b.belop_kr, b.kilde).order_by(b.aar))
