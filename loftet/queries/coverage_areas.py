"""Coverage gathered into areas: the table's rows, the map's areas and the counties.

Everything here starts from `coverage_by_municipality`, so the map, the table and the county
bars count exactly what Oversikt counts.
"""

from __future__ import annotations

from dataclasses import replace

import pandas as pd

from loftet.config import LAST_YEAR_OF_2020_STRUCTURE
from loftet.filters import COUNTIES, Filters
from loftet.queries.coverage import (
    SUM_COLUMNS,
    county_authority_granted,
    coverage_by_municipality,
    with_shares,
)
from loftet.queries.reference import municipalities


def _profile_numbers(struktur: int) -> pd.Series:
    """Municipality number of the structure → the 2024 number its profile page has.

    For 2020 numbers that were split (Ålesund 1507 → Ålesund 1508 and Haram 1580) the lowest
    2024 number is used.
    """
    frame = municipalities()
    key = "kommunenummer_2020" if struktur == 2020 else "kommunenummer"
    return frame.groupby(key).kommunenummer.min()


PART_OF_SUFFIX = r" \(del av .* til \d{4}\)$"


def _part_of_labels() -> dict[str, str]:
    """2024 numbers of municipalities that were part of another until 2023 → "Haram (del av
    Ålesund til 2023)": their numbers for those years are counted under the other."""
    frame = municipalities()
    holder = frame.groupby("kommunenummer_2020").kommunenummer.transform("min")
    split = frame[frame.kommunenummer != holder]
    return {
        row.kommunenummer: f"{row.navn} (del av {row.navn_2020} til {LAST_YEAR_OF_2020_STRUCTURE})"
        for row in split.itertuples()
    }


def coverage_rows(filters: Filters) -> pd.DataFrame:
    """`coverage_by_municipality` for `filters.aar`, with what the page shows beside it.

    Adds `fylke_navn` (county name in the chosen structure), `profil` (the 2024 number of the
    municipality's profile page) and `kart_id` (the feature id on the map of the chosen
    structure; in 2024 Haram 1580 is drawn with Ålesund as area 1508).
    """
    frame = coverage_by_municipality(filters)
    if filters.struktur == 2024 and filters.aar <= LAST_YEAR_OF_2020_STRUCTURE:
        frame["kommune"] = frame.kommunenummer.map(_part_of_labels()).fillna(frame.kommune)
    frame["fylke_navn"] = frame.fylke.map(COUNTIES[filters.struktur])
    frame["profil"] = frame.kommunenummer.map(_profile_numbers(filters.struktur))
    frame["kart_id"] = frame.kartomrade if filters.struktur == 2024 else frame.kommunenummer
    return frame


def map_areas(rows: pd.DataFrame, money_per_child: bool = True) -> pd.DataFrame:
    """`coverage_rows` gathered into one row per map area: municipalities drawn as one area
    are summed (names joined with "og"), whole team if any of them has it, and the shares
    computed again from the sums (NOK per child only with `money_per_child`)."""
    if rows.empty:
        return rows
    # the map area already joins the names: no "(del av … til 2023)" inside it
    rows = rows.assign(kommune=rows.kommune.str.replace(PART_OF_SUFFIX, "", regex=True))
    grouped = rows.groupby("kart_id", as_index=False, sort=True).agg(
        kommune=("kommune", " og ".join),
        kommunenummer=("kommunenummer", "min"),
        profil=("profil", "min"),
        fylke=("fylke", "first"),
        fylke_navn=("fylke_navn", "first"),
        **{c: (c, "sum") for c in SUM_COLUMNS},
        helt_lag=("helt_lag", "any"),
    )
    return with_shares(grouped, money_per_child)


def coverage_by_map_area(filters: Filters) -> pd.DataFrame:
    """One row per area of the chosen structure's map (see `map_areas`)."""
    return map_areas(coverage_rows(filters), money_per_child=not filters.sektor)


def coverage_by_county(filters: Filters) -> pd.DataFrame:
    """Per county of the chosen structure (all counties, whatever `filters.fylke` is):
    municipalities, how many take part and with the whole team, and the shares (percent),
    plus the summed units, participations, staff and NOK (municipalities, private owners and
    the county authority: `innvilget_fylkeskommune_kr`). Sector and owner filters apply."""
    cov = coverage_by_municipality(replace(filters, fylke=None))
    grouped = cov.groupby("fylke", as_index=False, sort=True).agg(
        kommuner=("kommunenummer", "size"),
        deltar=("deltar", "sum"),
        helt_lag=("helt_lag", "sum"),
        **{c: (c, "sum") for c in SUM_COLUMNS},
    )
    authority = county_authority_granted(filters)
    authority = authority[authority.aar == filters.aar].set_index("fylke").innvilget_kr
    grouped["innvilget_fylkeskommune_kr"] = grouped.fylke.map(authority).fillna(0).astype("int64")
    grouped["innvilget_kr"] += grouped.innvilget_fylkeskommune_kr
    grouped["fylke_navn"] = grouped.fylke.map(COUNTIES[filters.struktur])
    grouped["andel_deltar"] = 100 * grouped.deltar / grouped.kommuner
    grouped["andel_ansatte_naadd"] = (
        100 * grouped.ansatte_naadd / grouped.ansatte.where(grouped.ansatte > 0)
    )
    grouped["andel_helt_lag"] = 100 * grouped.helt_lag / grouped.kommuner
    return grouped
