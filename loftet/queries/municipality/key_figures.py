"""The profile's headline numbers for one year, and units reached per sector compared with the
county and the nation."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from loftet.filters import SECTORS, Filters
from loftet.queries.municipality.levels import _levels, _ratio
from loftet.queries.municipality.places import municipality
from loftet.queries.municipality.trends import _comparison_county


@dataclass(frozen=True)
class KeyFigures:
    """The municipality's headline numbers for one year."""

    aar: int
    deltar: bool
    helt_lag: bool
    deltakere: int
    innvilget_kr: int
    barn_elever: int
    enheter: int
    enheter_naadd: int
    deltakere_per_1000: float
    kr_per_barn: float
    andel_ansatte_naadd: float
    fylke_andel_ansatte_naadd: float
    landet_andel_ansatte_naadd: float
    fylke_deltakere_per_1000: float
    landet_deltakere_per_1000: float
    fylke_kr_per_barn: float
    landet_kr_per_barn: float


def key_figures(kommunenummer: str, filters: Filters, year: int | None = None) -> KeyFigures:
    """Takes part, whole team, participants, NOK granted and units reached in `year`
    (default `filters.aar`), with county (of `filters.struktur`) and national rates."""
    year = year or filters.aar
    place = municipality(kommunenummer)
    if place is None:
        raise KeyError(kommunenummer)
    levels = _levels(kommunenummer, filters.struktur, year)
    own = levels["kommune"]

    def per_1000(level: pd.Series) -> float:
        return _ratio(level.deltakere, level.barn_elever, 1000)

    def per_child(level: pd.Series) -> float:
        return _ratio(level.innvilget_kr, level.barn_elever)

    def staff(level: pd.Series) -> float:
        return _ratio(level.ansatte_naadd, level.ansatte, 100)

    return KeyFigures(
        aar=year,
        deltar=bool(own.enheter_naadd > 0),
        helt_lag=bool(own.helt_lag),
        deltakere=int(own.deltakere),
        innvilget_kr=int(own.innvilget_kr),
        barn_elever=int(own.barn_elever),
        enheter=int(own.enheter),
        enheter_naadd=int(own.enheter_naadd),
        deltakere_per_1000=per_1000(own),
        kr_per_barn=per_child(own),
        andel_ansatte_naadd=staff(own),
        fylke_andel_ansatte_naadd=staff(levels["fylke"]),
        landet_andel_ansatte_naadd=staff(levels["landet"]),
        fylke_deltakere_per_1000=per_1000(levels["fylke"]),
        landet_deltakere_per_1000=per_1000(levels["landet"]),
        fylke_kr_per_barn=per_child(levels["fylke"]),
        landet_kr_per_barn=per_child(levels["landet"]),
    )


def units_reached_by_sector_compared(kommunenummer: str, filters: Filters) -> pd.DataFrame:
    """Per sector in `filters.aar`: the municipality's units and units reached, and the share
    reached in the municipality, its county (of `filters.struktur`) and the nation.

    The counts are `coverage_by_municipality` with the sector filter, summed per level, so they
    equal `loftet.queries.overview.units_reached_by_sector` for the county and the nation.

    Columns: sektor, sektor_navn, enheter, enheter_naadd, andel_kommune, andel_fylke,
    andel_landet (percent; NaN where there are no units).
    """
    _comparison_county(kommunenummer, filters.struktur)
    rows = []
    for code, name in SECTORS.items():
        levels = _levels(kommunenummer, filters.struktur, filters.aar, code)
        own = levels["kommune"]
        rows.append(
            {
                "sektor": code,
                "sektor_navn": name,
                "enheter": int(own.enheter),
                "enheter_naadd": int(own.enheter_naadd),
                **{
                    f"andel_{level}": _ratio(values.enheter_naadd, values.enheter, 100)
                    for level, values in levels.items()
                },
            }
        )
    return pd.DataFrame(rows)
