"""Units reached per sector in one municipality compared with its county and the nation (the
profile's key figures themselves come from the KPI catalogue, `loftet.charts.kpi_table`)."""

from __future__ import annotations

import pandas as pd

from loftet.filters import SECTORS, Filters
from loftet.queries.municipality.levels import _levels, _ratio
from loftet.queries.municipality.trends import _comparison_county


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
