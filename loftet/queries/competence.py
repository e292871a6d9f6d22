"""Competence areas: funds and participants by area, by level of the competence pyramid, by
county, by profession and sector, and over the years.

Funds are counted on each measure's main area (`tiltak.hovedomrade`), so the areas add up to the
national total of `tildeling.innvilget_kr` to the krone; participants likewise through
`deltakelse → tiltak.hovedomrade`. Funds are placed in a county through the recipient's
municipality, participants through their unit's municipality.

Filters: county and owner apply to both (owner → `tildeling.mottakertype` for funds, →
`enhet.eiertype` for participants); the sector filter applies to participants only, since an
allocation has no sector.
"""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
from sqlalchemy import func, select

from loftet.db import kommune, tildeling, tiltak
from loftet.filters import SECTOR_UNIT_TYPE, SECTORS, Filters
from loftet.queries.base import county_column, municipality_key, read_frame, where_equal
from loftet.queries.coverage import OWNER_TO_RECIPIENT
from loftet.queries.reference import competence_areas, counties, municipalities, professions
from loftet.queries.summaries import participation_detail, rows_where

MEASURES = ("innvilget_kr", "deltakere")
"""The two things counted per area: NOK granted and participants."""
NATIONAL_ROW = "00"
"""The `fylke` code of the national row in the county × area table."""


def funds_by_county_and_area(filters: Filters) -> pd.DataFrame:
    """NOK granted per year (`fra`..`aar`), county (chosen structure) and main area.

    Owner filter applies; county and sector filters do not (callers narrow).
    Columns: aar, fylke, omrade, innvilget_kr.
    """
    t, m, county = tildeling.c, tiltak.c, county_column(filters.struktur)
    query = (
        select(
            t.aar,
            county.label("fylke"),
            m.hovedomrade.label("omrade"),
            func.sum(t.innvilget_kr).label("innvilget_kr"),
        )
        .join_from(tildeling, tiltak, m.tiltak_id == t.tiltak_id)
        .join(kommune, kommune.c.kommunenummer == t.kommunenummer)
        .where(t.aar.between(filters.fra, filters.aar))
        .group_by(t.aar, county, m.hovedomrade)
    )
    frame = read_frame(
        where_equal(query, t.mottakertype, OWNER_TO_RECIPIENT.get(filters.eier or ""))
    )
    return frame.astype({"aar": "int64", "innvilget_kr": "int64"})


def participants_by_county_area_and_sector(filters: Filters) -> pd.DataFrame:
    """Participants per year (`fra`..`aar`), county of the unit, main area, unit type and
    profession. Sector and owner filters apply; the county filter does not (callers narrow).

    Columns: aar, fylke, omrade, enhetstype, profesjon, deltakere.
    """
    _, _, county = municipality_key(filters.struktur)
    detail = rows_where(participation_detail(), enhetstype=filters.unit_type, eiertype=filters.eier)
    detail = detail[detail.aar.between(filters.fra, filters.aar)]
    county_of = municipalities().set_index("kommunenummer")[county]
    frame = (
        detail.assign(fylke=detail.kommunenummer.map(county_of))
        .groupby(["aar", "fylke", "omrade", "enhetstype", "profesjon"], as_index=False)
        .deltakere.sum()
    )
    return frame.astype({"aar": "int64", "deltakere": "int64"})


def _in_county(frame: pd.DataFrame, filters: Filters) -> pd.DataFrame:
    return frame[frame.fylke == filters.fylke] if filters.fylke else frame


def _areas() -> pd.DataFrame:
    """Areas as omrade, omrade_navn, nivaa, nivaa_navn (ordered by level, then code)."""
    return competence_areas().rename(columns={"kode": "omrade", "navn": "omrade_navn"})


def area_totals_by_year(filters: Filters) -> pd.DataFrame:
    """NOK granted and participants per year (`fra`..`aar`) and main area, in the chosen
    county. Every area has a row for every year (0 where nothing was counted).

    Columns: aar, omrade, omrade_navn, nivaa, nivaa_navn, innvilget_kr, deltakere.
    """
    funds = (
        _in_county(funds_by_county_and_area(filters), filters)
        .groupby(["aar", "omrade"], as_index=False)
        .innvilget_kr.sum()
    )
    people = (
        _in_county(participants_by_county_area_and_sector(filters), filters)
        .groupby(["aar", "omrade"], as_index=False)
        .deltakere.sum()
    )
    areas = _areas()
    years = range(filters.fra, filters.aar + 1)
    grid = (
        pd.MultiIndex.from_product([years, areas.omrade], names=["aar", "omrade"])
        .to_frame(index=False)
        .merge(areas, on="omrade")
    )
    frame = grid.merge(funds, on=["aar", "omrade"], how="left").merge(
        people, on=["aar", "omrade"], how="left"
    )
    frame[list(MEASURES)] = frame[list(MEASURES)].fillna(0).astype("int64")
    return frame


def area_totals(filters: Filters, year: int | None = None) -> pd.DataFrame:
    """NOK granted and participants per main area in `year` (default `filters.aar`).

    Columns: omrade, omrade_navn, nivaa, nivaa_navn, innvilget_kr, deltakere, andel_kr and
    andel_deltakere (% of the year's total; NaN when the total is 0).
    """
    year = year or filters.aar
    frame = area_totals_by_year(replace(filters, fra=year, aar=year))
    return _with_shares(frame.drop(columns="aar"))


def level_totals(filters: Filters, year: int | None = None) -> pd.DataFrame:
    """NOK granted and participants per level of the competence pyramid in `year`.

    Columns: nivaa, nivaa_navn, innvilget_kr, deltakere, andel_kr, andel_deltakere, omrader
    (number of areas on the level).
    """
    areas = area_totals(filters, year)
    frame = areas.groupby(["nivaa", "nivaa_navn"], as_index=False).agg(
        innvilget_kr=("innvilget_kr", "sum"),
        deltakere=("deltakere", "sum"),
        omrader=("omrade", "count"),
    )
    return _with_shares(frame)


def _with_shares(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.copy()
    for column, share in (("innvilget_kr", "andel_kr"), ("deltakere", "andel_deltakere")):
        total = out[column].sum()
        out[share] = 100 * out[column] / total if total else float("nan")
    return out


def area_shares_by_county(
    filters: Filters, year: int | None = None, measure: str = "innvilget_kr"
) -> pd.DataFrame:
    """Each county's split of its funds (or participants) over the main areas in `year`, plus
    a national row (`fylke` = "00"). All counties are shown; the chosen one is marked.

    Columns: fylke, fylke_navn, valgt, omrade, omrade_navn, nivaa, verdi (kr or participants),
    fylke_total, andel (% of the county's total; NaN when the county has nothing that year).
    """
    year = year or filters.aar
    measure = measure if measure in MEASURES else "innvilget_kr"
    scope = replace(filters, fra=year, aar=year)
    if measure == "innvilget_kr":
        facts = funds_by_county_and_area(scope).rename(columns={"innvilget_kr": "verdi"})
    else:
        facts = participants_by_county_area_and_sector(scope).rename(columns={"deltakere": "verdi"})
    per_county = facts.groupby(["fylke", "omrade"], as_index=False).verdi.sum()
    national = per_county.groupby("omrade", as_index=False).verdi.sum().assign(fylke=NATIONAL_ROW)
    per_county = pd.concat([per_county, national], ignore_index=True)
    names = counties(filters.struktur)
    rows = pd.concat(
        [
            pd.DataFrame({"fylke": names.fylkesnummer, "fylke_navn": names.navn}),
            pd.DataFrame({"fylke": [NATIONAL_ROW], "fylke_navn": ["Hele landet"]}),
        ],
        ignore_index=True,
    )
    areas = _areas()[["omrade", "omrade_navn", "nivaa"]]
    grid = rows.merge(areas, how="cross")
    frame = grid.merge(per_county, on=["fylke", "omrade"], how="left")
    frame["verdi"] = frame.verdi.fillna(0).astype("int64")
    frame["fylke_total"] = frame.groupby("fylke").verdi.transform("sum")
    frame["andel"] = 100 * frame.verdi / frame.fylke_total.where(frame.fylke_total > 0)
    frame["valgt"] = frame.fylke == filters.fylke
    return frame[
        [
            "fylke",
            "fylke_navn",
            "valgt",
            "omrade",
            "omrade_navn",
            "nivaa",
            "verdi",
            "fylke_total",
            "andel",
        ]
    ]


def participants_by_profession_and_sector(
    filters: Filters, year: int | None = None
) -> pd.DataFrame:
    """Participants per profession and sector in `year` (county, sector and owner filters apply).

    Every profession and sector has a row (0 where none took part).
    Columns: profesjon, profesjon_navn, sektor, sektor_navn, deltakere.
    """
    year = year or filters.aar
    scope = replace(filters, fra=year, aar=year)
    facts = _in_county(participants_by_county_area_and_sector(scope), filters)
    counted = facts.groupby(["profesjon", "enhetstype"], as_index=False).deltakere.sum()
    sectors = pd.DataFrame(
        {
            "sektor": list(SECTORS),
            "sektor_navn": list(SECTORS.values()),
            "enhetstype": [SECTOR_UNIT_TYPE[c] for c in SECTORS],
        }
    )
    jobs = professions().rename(columns={"kode": "profesjon", "navn": "profesjon_navn"})
    frame = jobs.merge(sectors, how="cross").merge(
        counted, on=["profesjon", "enhetstype"], how="left"
    )
    frame["deltakere"] = frame.deltakere.fillna(0).astype("int64")
    return frame[["profesjon", "profesjon_navn", "sektor", "sektor_navn", "deltakere"]]


GROUPINGS = ("nivaa", "omrade")
"""How the shares over the years are split: by level of the pyramid or by competence area."""


def area_shares_by_year(
    filters: Filters, by: str = "nivaa", measure: str = "innvilget_kr"
) -> pd.DataFrame:
    """Each year's (`fra`..`aar`) split of funds or participants over the levels or areas.

    Years with nothing counted are left out (no share can be computed for them).
    Columns: aar, gruppe, gruppe_navn, nivaa, verdi (kr or participants), aar_total,
    andel (% of the year's total; the groups of a year add up to 100).
    """
    by = by if by in GROUPINGS else "nivaa"
    measure = measure if measure in MEASURES else "innvilget_kr"
    frame = area_totals_by_year(filters)
    if by == "nivaa":
        frame = frame.groupby(["aar", "nivaa", "nivaa_navn"], as_index=False)[measure].sum()
        frame = frame.assign(
            gruppe=frame.nivaa.astype(str),
            gruppe_navn="Nivå " + frame.nivaa.astype(str) + ": " + frame.nivaa_navn,
        )
    else:
        frame = frame.assign(gruppe=frame.omrade, gruppe_navn=frame.omrade_navn)
    frame = frame.rename(columns={measure: "verdi"})
    frame["aar_total"] = frame.groupby("aar").verdi.transform("sum")
    frame = frame[frame.aar_total > 0].copy()
    frame["andel"] = 100 * frame.verdi / frame.aar_total
    return frame[
        ["aar", "gruppe", "gruppe_navn", "nivaa", "verdi", "aar_total", "andel"]
    ].reset_index(drop=True)
