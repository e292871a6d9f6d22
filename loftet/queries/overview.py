"""Headline figures for Oversikt: each for the chosen year and the year before."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
from sqlalchemy import select

from loftet.config import FIRST_YEAR, TARGET_YEAR
from loftet.db import bevilgning
from loftet.filters import SECTOR_UNIT_TYPE, SECTORS, Filters
from loftet.queries.base import municipality_key, read_frame
from loftet.queries.coverage import county_authority_granted, coverage_by_municipality
from loftet.queries.reference import municipalities
from loftet.queries.summaries import participation_summary, rows_where, unit_summary


@dataclass(frozen=True)
class Headline:
    """One headline: value this year and last year (None before the programme started)."""

    key: str
    value: float | None
    previous: float | None


def _share(part: float, whole: float) -> float | None:
    return 100 * part / whole if whole else None


def granted_in_scope(filters: Filters, year: int) -> int:
    """NOK granted in `year` to every recipient in scope (county and owner filters): the
    municipalities and private owners, plus county authorities."""
    cov = coverage_by_municipality(filters, year)
    authority = county_authority_granted(filters)
    authority = authority[authority.aar == year]
    if filters.fylke:
        authority = authority[authority.fylke == filters.fylke]
    return int(cov.innvilget_kr.sum()) + int(authority.innvilget_kr.sum())


def _coverage_headlines(filters: Filters, year: int) -> dict[str, float | None]:
    cov = coverage_by_municipality(filters, year)
    return {
        "kommuner_deltar": _share(cov.deltar.sum(), len(cov)),
        "helt_lag": _share(cov.helt_lag.sum(), len(cov)),
        "deltakere": float(cov.deltakere.sum()),
        "andel_ansatte_naadd": _share(cov.ansatte_naadd.sum(), cov.ansatte.sum()),
        "innvilget_kr": float(granted_in_scope(filters, year)),
    }


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


def granted_in_target_year(filters: Filters) -> float:
    """NOK granted in 2025 (the permanent level) in the same scope."""
    return _coverage_headlines(filters, TARGET_YEAR)["innvilget_kr"]


def headlines(filters: Filters) -> list[Headline]:
    """The Oversikt figures for `filters.aar` with the year before."""
    now = _coverage_headlines(filters, filters.aar)
    before = (
        _coverage_headlines(filters, filters.aar - 1)
        if filters.aar > FIRST_YEAR
        else dict.fromkeys(now)
    )
    target = granted_in_target_year(filters)
    result = [Headline(k, now[k], before[k]) for k in now]
    result.append(
        Headline(
            "andel_av_2025",
            _share(now["innvilget_kr"], target),
            _share(before["innvilget_kr"], target) if before["innvilget_kr"] is not None else None,
        )
    )
    sectors_now = units_reached_by_sector(filters, filters.aar)
    sectors_before = (
        units_reached_by_sector(filters, filters.aar - 1) if filters.aar > FIRST_YEAR else None
    )
    for i, row in sectors_now.iterrows():
        prev = None if sectors_before is None else sectors_before.andel_naadd.iloc[i]
        result.append(Headline(f"naadd_{row.sektor}", row.andel_naadd, prev))
    return result


def national_budget() -> pd.DataFrame:
    """The national allocation per year (the `bevilgning` input file)."""
    b = bevilgning.c
    return read_frame(select(b.aar, b.belop_kr, b.kilde).order_by(b.aar))
