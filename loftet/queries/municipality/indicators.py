"""Quality indicators of the municipality against its county and the nation."""

from __future__ import annotations

import pandas as pd

from loftet.config import FIRST_YEAR
from loftet.filters import Filters
from loftet.queries.municipality.levels import _ratio
from loftet.queries.municipality.places import municipality
from loftet.queries.quality import (
    indicator_by_municipality,
    indicator_by_municipality_and_year,
    latest_year_with_data,
    national_level,
)
from loftet.queries.reference import indicators


def indicators_compared(kommunenummer: str, filters: Filters) -> pd.DataFrame:
    """Each quality indicator in its latest year up to `filters.aar` with data: the
    municipality's value (NaN with `status` `skjermet` when suppressed, `mangler` when not
    reported), its value the year before, and the county (of `filters.struktur`) and national
    levels.

    Levels follow the Kvalitet page's rules (`loftet.queries.quality`): sum(teller) /
    sum(nevner) · 100 over the municipalities with a value; suppressed values are left out.

    Columns: indikator, navn, enhet, hoy_er_behov, aar, kommune, status, kommune_forrige,
    aar_forrige, fylke, landet, kommuner_med_verdi (in the nation).
    """
    place = municipality(kommunenummer)
    if place is None:
        raise KeyError(kommunenummer)
    county = place.county(filters.struktur)[0]
    rows = []
    for item in indicators().itertuples():
        year = latest_year_with_data(item.kode, filters.aar)
        if year is None:
            continue
        both = indicator_by_municipality_and_year(Filters(), item.kode, year - 1, year)
        nation = both[both.aar == year].set_index("kommunenummer")
        own = nation.loc[kommunenummer]
        before = (
            both[both.aar == year - 1].set_index("kommunenummer").verdi.get(kommunenummer)
            if year > FIRST_YEAR
            else None
        )
        in_county = (
            nation[nation.fylke == county]
            if filters.struktur == 2024
            else indicator_by_municipality(
                Filters(aar=year, fylke=county, struktur=2020), item.kode
            )
        )
        level = national_level(item.kode, year)
        rows.append(
            {
                "indikator": item.kode,
                "navn": item.navn,
                "enhet": item.enhet,
                "hoy_er_behov": bool(item.hoy_er_behov),
                "aar": year,
                "kommune": float(own.verdi),
                "status": (
                    "vist"
                    if pd.notna(own.verdi)
                    else "skjermet"
                    if bool(own.skjermet)
                    else "mangler"
                ),
                "kommune_forrige": float("nan") if before is None else float(before),
                "aar_forrige": year - 1,
                "fylke": _ratio(in_county.teller.sum(), in_county.nevner.sum(), 100),
                "landet": float("nan") if level is None else level,
                "kommuner_med_verdi": int(nation.verdi.notna().sum()),
            }
        )
    return pd.DataFrame(rows, columns=INDICATOR_COLUMNS)


INDICATOR_COLUMNS = [
    "indikator",
    "navn",
    "enhet",
    "hoy_er_behov",
    "aar",
    "kommune",
    "status",
    "kommune_forrige",
    "aar_forrige",
    "fylke",
    "landet",
    "kommuner_med_verdi",
]
