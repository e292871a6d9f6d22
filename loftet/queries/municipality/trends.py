"""Participation and allocations over the years: the municipality, its county and the nation."""

from __future__ import annotations

import pandas as pd

from loftet.filters import Filters
from loftet.queries.municipality.levels import LEVELS, _county_of, _levels_by_year, _ratio
from loftet.queries.municipality.places import municipality


def _comparison_county(kommunenummer: str, struktur: int):
    """The municipality's county number in `struktur` and the 2024-number → county map;
    KeyError for an unknown municipality."""
    place = municipality(kommunenummer)
    if place is None:
        raise KeyError(kommunenummer)
    return place.county(struktur)[0], _county_of(struktur)


def participation_by_year(kommunenummer: str, filters: Filters) -> pd.DataFrame:
    """Participants per 1,000 children/pupils per year (`filters.fra`..`filters.aar`) for the
    municipality, its county (of `filters.struktur`) and the nation.

    Columns: aar, deltakere, barn_elever, per_1000_kommune, deltakere_fylke,
    barn_elever_fylke, per_1000_fylke, deltakere_landet, barn_elever_landet, per_1000_landet.
    """
    _comparison_county(kommunenummer, filters.struktur)
    frame = _levels_by_year(kommunenummer, filters)
    rows = []
    for year, per_level in frame.groupby("aar", sort=True):
        row: dict[str, float] = {"aar": year}
        for _, values in per_level.iterrows():
            level = values.nivaa
            suffix = "" if level == "kommune" else f"_{level}"
            row[f"deltakere{suffix}"] = int(values.deltakere)
            row[f"barn_elever{suffix}"] = int(values.barn_elever)
            row[f"per_1000_{level}"] = _ratio(values.deltakere, values.barn_elever, 1000)
        rows.append(row)
    return pd.DataFrame(rows)


def allocations_by_year(kommunenummer: str, filters: Filters) -> pd.DataFrame:
    """NOK granted and spent in the municipality per year (`filters.fra`..`filters.aar`), and
    NOK granted per child/pupil in the municipality, its county and the nation.

    Columns: aar, innvilget_kr, brukt_kr (NaN when not reported), kr_per_barn_kommune,
    kr_per_barn_fylke, kr_per_barn_landet.
    """
    _comparison_county(kommunenummer, filters.struktur)
    frame = _levels_by_year(kommunenummer, filters)
    frame = frame.assign(
        kr_per_barn=frame.innvilget_kr / frame.barn_elever.where(frame.barn_elever > 0)
    )
    wide = frame.pivot(index="aar", columns="nivaa", values="kr_per_barn")
    own = frame[frame.nivaa == "kommune"].set_index("aar")
    return pd.DataFrame(
        {
            "aar": wide.index.astype("int64"),
            "innvilget_kr": own.innvilget_kr.to_numpy(),
            "brukt_kr": own.brukt_kr.to_numpy(),
            **{f"kr_per_barn_{level}": wide[level].to_numpy() for level in LEVELS},
        }
    )
